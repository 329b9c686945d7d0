"""Sudoku: generate puzzles and solve them by constraint propagation and search.

A grid is a dict from (row, col) to the set of digits still possible there.
Placing a digit removes it from the cell's twenty peers; a cell left with one
digit is placed in turn, and a digit with one possible place in a unit goes
there.  When propagation stalls the solver copies the grid and tries each
digit of the cell with the fewest candidates (backtracking on
contradictions).  Puzzles are made from a seeded random full grid with most
clues removed.  The workload is dicts, sets, tuples, recursion and exceptions.
It prints the number of puzzles, search nodes and a checksum of the solutions.
"""

import random

DIGITS = frozenset(range(1, 10))
CELLS = [(r, c) for r in range(9) for c in range(9)]


def make_units():
    rows = [[(r, c) for c in range(9)] for r in range(9)]
    cols = [[(r, c) for r in range(9)] for c in range(9)]
    boxes = [[(br + r, bc + c) for r in range(3) for c in range(3)]
             for br in (0, 3, 6) for bc in (0, 3, 6)]
    units = rows + cols + boxes
    units_of = {cell: [u for u in units if cell in u] for cell in CELLS}
    peers = {cell: frozenset(p for u in units_of[cell] for p in u) - {cell}
             for cell in CELLS}
    return units, units_of, peers


UNITS, UNITS_OF, PEERS = make_units()


class Contradiction(Exception):
    pass


class Solver:
    def __init__(self):
        self.nodes = 0

    def assign(self, grid, cell, digit):
        for other in list(grid[cell]):
            if other != digit:
                self.eliminate(grid, cell, other)

    def eliminate(self, grid, cell, digit):
        options = grid[cell]
        if digit not in options:
            return
        options.discard(digit)
        if not options:
            raise Contradiction(cell)
        if len(options) == 1:
            (only,) = options
            for peer in PEERS[cell]:
                self.eliminate(grid, peer, only)
        for unit in UNITS_OF[cell]:
            places = [c for c in unit if digit in grid[c]]
            if not places:
                raise Contradiction(unit)
            if len(places) == 1 and len(grid[places[0]]) > 1:
                self.assign(grid, places[0], digit)

    def search(self, grid):
        self.nodes += 1
        best = None
        best_size = 10
        for cell in CELLS:
            size = len(grid[cell])
            if 1 < size < best_size:
                best, best_size = cell, size
                if size == 2:
                    break
        if best is None:
            return grid
        for digit in sorted(grid[best]):
            trial = {cell: set(options) for cell, options in grid.items()}
            try:
                self.assign(trial, best, digit)
                solved = self.search(trial)
            except Contradiction:
                continue
            return solved
        raise Contradiction(best)

    def solve(self, clues):
        grid = {cell: set(DIGITS) for cell in CELLS}
        for cell, digit in clues.items():
            self.assign(grid, cell, digit)
        solved = self.search(grid)
        return {cell: next(iter(options)) for cell, options in solved.items()}


def full_grid(rng):
    """A random complete grid: shuffle the digits, rows and columns of a pattern."""
    digits = list(range(1, 10))
    rng.shuffle(digits)
    bands = [0, 1, 2]
    rng.shuffle(bands)
    row_order = []
    for band in bands:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        row_order.extend(band * 3 + r for r in inner)
    stacks = [0, 1, 2]
    rng.shuffle(stacks)
    col_order = []
    for stack in stacks:
        inner = [0, 1, 2]
        rng.shuffle(inner)
        col_order.extend(stack * 3 + c for c in inner)
    return {(r, c): digits[(3 * (row_order[r] % 3) + row_order[r] // 3
                            + col_order[c]) % 9]
            for r, c in CELLS}


def make_puzzle(rng, clue_count):
    solution = full_grid(rng)
    kept = rng.sample(CELLS, clue_count)
    return {cell: solution[cell] for cell in sorted(kept)}


def check(clues, solution):
    for cell, digit in clues.items():
        if solution[cell] != digit:
            raise AssertionError("a clue was changed")
    for unit in UNITS:
        if {solution[cell] for cell in unit} != DIGITS:
            raise AssertionError("a unit is not a permutation")


def render(solution):
    return "".join(str(solution[cell]) for cell in CELLS)


PUZZLES = 440
CLUES = 22


def main():
    rng = random.Random(2024)
    solver = Solver()
    checksum = 0
    first = None
    for index in range(PUZZLES):
        clues = make_puzzle(rng, CLUES)
        solution = solver.solve(clues)
        check(clues, solution)
        text = render(solution)
        if first is None:
            first = text
        for position, ch in enumerate(text):
            checksum = (checksum * 7 + (position + 1) * int(ch) + index) % 1000003
    print("sudoku: %d puzzles with %d clues" % (PUZZLES, CLUES))
    print("search nodes:", solver.nodes)
    print("checksum:", checksum)
    print("first solution:", first)


if __name__ == "__main__":
    main()

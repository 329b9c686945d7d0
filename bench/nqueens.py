"""N-queens: brute-force the n-queens puzzle (n = 9) with permutations.

Every permutation of the column indices is one board with exactly one queen
per row and per column.  A board is a solution when the set comprehensions
over its two diagonal directions have no collisions (both sets have n
members).  The program counts solutions, checks them against a small
backtracking solver, and prints the count plus a checksum of the sorted
solutions.
"""

from itertools import permutations


def solutions_by_permutation(n):
    cols = range(n)
    for board in permutations(cols):
        if (len({board[r] + r for r in cols}) == n
                and len({board[r] - r for r in cols}) == n):
            yield board


def solutions_by_backtracking(n):
    found = []
    placed = []
    used_cols = set()
    used_sum = set()
    used_diff = set()

    def place(row):
        if row == n:
            found.append(tuple(placed))
            return
        for c in range(n):
            if c in used_cols or (row + c) in used_sum or (row - c) in used_diff:
                continue
            used_cols.add(c)
            used_sum.add(row + c)
            used_diff.add(row - c)
            placed.append(c)
            place(row + 1)
            placed.pop()
            used_cols.discard(c)
            used_sum.discard(row + c)
            used_diff.discard(row - c)

    place(0)
    return found


def encode(board):
    value = 0
    for c in board:
        value = value * 10 + c
    return value


SIZE = 9
ROUNDS = 6


def main():
    total = 0
    for _ in range(ROUNDS):
        sols = list(solutions_by_permutation(SIZE))
        total += len(sols)
    reference = solutions_by_backtracking(SIZE)
    if sorted(sols) != sorted(reference):
        raise AssertionError("solvers disagree")
    checksum = sum(encode(b) * (i + 1) for i, b in enumerate(sorted(sols))) % 1000000007
    print(f"nqueens({SIZE}): {len(sols)} solutions, {total} over {ROUNDS} rounds")
    print(f"first: {sols[0]} last: {sols[-1]} checksum: {checksum}")


if __name__ == "__main__":
    main()

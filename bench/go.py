"""Go: a flat Monte Carlo player on a 9x9 Go board.

The board tracks stones in a flat list, finds groups and their liberties by
flood fill, captures, forbids suicide and simple ko.  To choose each move
the player runs many random playouts (seeded random.Random: randrange,
choice, shuffle) from the current position and keeps all-moves-as-first win statistics
per point; the point with the best win rate is played.  The opening moves
chosen, the final position of a short game and its area score are printed.
"""

import random

EMPTY, BLACK, WHITE = 0, 1, 2
SYMBOL = {EMPTY: ".", BLACK: "X", WHITE: "O"}
COLUMNS = "ABCDEFGHJ"
KOMI = 7.5


def other(color):
    return BLACK + WHITE - color


class IllegalMove(Exception):
    pass


class Board:
    def __init__(self, size):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.adjacent = [self._neighbours(p) for p in range(size * size)]
        self.ko = -1
        self.to_move = BLACK
        self.passes = 0
        self.moves = 0
        self.prisoners = {BLACK: 0, WHITE: 0}

    def _neighbours(self, pos):
        n = self.size
        row, col = divmod(pos, n)
        out = []
        if row > 0:
            out.append(pos - n)
        if row < n - 1:
            out.append(pos + n)
        if col > 0:
            out.append(pos - 1)
        if col < n - 1:
            out.append(pos + 1)
        return tuple(out)

    def copy(self):
        b = Board.__new__(Board)
        b.size = self.size
        b.cells = self.cells[:]
        b.adjacent = self.adjacent
        b.ko = self.ko
        b.to_move = self.to_move
        b.passes = self.passes
        b.moves = self.moves
        b.prisoners = dict(self.prisoners)
        return b

    def name(self, pos):
        if pos is None:
            return "pass"
        row, col = divmod(pos, self.size)
        return f"{COLUMNS[col]}{row + 1}"

    def group(self, pos):
        """Return (stones, liberty_count) of the group containing pos."""
        color = self.cells[pos]
        cells = self.cells
        adjacent = self.adjacent
        stones = [pos]
        seen = {pos}
        liberties = set()
        i = 0
        while i < len(stones):
            for nb in adjacent[stones[i]]:
                c = cells[nb]
                if c == EMPTY:
                    liberties.add(nb)
                elif c == color and nb not in seen:
                    seen.add(nb)
                    stones.append(nb)
            i += 1
        return stones, len(liberties)

    def is_own_eye(self, pos, color):
        cells = self.cells
        return all(cells[nb] == color for nb in self.adjacent[pos])

    def play(self, pos):
        color = self.to_move
        if pos is None:
            self.passes += 1
            self.ko = -1
            self.to_move = other(color)
            self.moves += 1
            return
        cells = self.cells
        if cells[pos] != EMPTY or pos == self.ko:
            raise IllegalMove(self.name(pos))
        cells[pos] = color
        enemy = other(color)
        captured = []
        for nb in self.adjacent[pos]:
            if cells[nb] == enemy:
                stones, libs = self.group(nb)
                if libs == 0:
                    for s in stones:
                        cells[s] = EMPTY
                    captured.extend(stones)
        stones, libs = self.group(pos)
        if libs == 0:
            cells[pos] = EMPTY
            raise IllegalMove(self.name(pos))
        if len(captured) == 1 and len(stones) == 1 and libs == 1:
            self.ko = captured[0]
        else:
            self.ko = -1
        self.prisoners[color] += len(captured)
        self.passes = 0
        self.moves += 1
        self.to_move = enemy

    def candidate_moves(self):
        color = self.to_move
        return [p for p, c in enumerate(self.cells)
                if c == EMPTY and p != self.ko and not self.is_own_eye(p, color)]

    def random_move(self, rng):
        """Play a random sensible move (or pass); return the move played."""
        cands = self.candidate_moves()
        while cands:
            i = rng.randrange(len(cands))
            pos = cands[i]
            try:
                self.play(pos)
                return pos
            except IllegalMove:
                cands[i] = cands[-1]
                cands.pop()
        self.play(None)
        return None

    def score(self):
        """Area score: black minus white (without komi)."""
        cells = self.cells
        black = white = 0
        for p, c in enumerate(cells):
            if c == BLACK:
                black += 1
            elif c == WHITE:
                white += 1
            else:
                around = {cells[nb] for nb in self.adjacent[p]}
                if around == {BLACK}:
                    black += 1
                elif around == {WHITE}:
                    white += 1
        return black - white

    def winner(self):
        return BLACK if self.score() - KOMI > 0 else WHITE

    def render(self):
        n = self.size
        lines = []
        for row in range(n - 1, -1, -1):
            cells = self.cells[row * n:(row + 1) * n]
            lines.append("%d %s" % (row + 1, " ".join(SYMBOL[c] for c in cells)))
        lines.append("  " + " ".join(COLUMNS[:n]))
        return "\n".join(lines)


def playout(board, rng, limit, record=None):
    """Play random moves to the end; optionally record who played where first."""
    while board.passes < 2 and board.moves < limit:
        color = board.to_move
        pos = board.random_move(rng)
        if record is not None and pos is not None and pos not in record:
            record[pos] = color
    return board.winner()


class Stats:
    __slots__ = ("wins", "visits")

    def __init__(self):
        self.wins = 0
        self.visits = 0

    @property
    def rate(self):
        return self.wins / self.visits if self.visits else 0.0


def choose_move(board, rng, playouts):
    """Flat Monte Carlo with all-moves-as-first statistics."""
    me = board.to_move
    first_moves = board.candidate_moves()
    if not first_moves:
        return None
    rng.shuffle(first_moves)
    stats = {p: Stats() for p in first_moves}
    for k in range(playouts):
        trial = board.copy()
        pos = first_moves[k % len(first_moves)]
        try:
            trial.play(pos)
        except IllegalMove:
            continue
        record = {pos: me}
        result = playout(trial, rng, board.size * board.size * 3, record)
        for p, color in record.items():
            st = stats.get(p)
            if st is not None and color == me:
                st.visits += 1
                if result == me:
                    st.wins += 1
    tried = [p for p in sorted(stats) if stats[p].visits]
    if not tried:
        return None
    return max(tried, key=lambda p: (stats[p].rate, stats[p].visits))


SIZE = 9
GAME_MOVES = 10
PLAYOUTS_PER_MOVE = 16


def main():
    rng = random.Random(2024)
    board = Board(SIZE)
    played = []
    for _ in range(GAME_MOVES):
        move = choose_move(board, rng, PLAYOUTS_PER_MOVE)
        played.append(board.name(move))
        board.play(move)
    # Finish the game with random moves so it can be scored.
    finisher = random.Random(7)
    final = board.copy()
    playout(final, finisher, 400)
    print(f"go: {SIZE}x{SIZE}, {GAME_MOVES} Monte Carlo moves, {PLAYOUTS_PER_MOVE} playouts each")
    print("moves:", " ".join(played))
    print(board.render())
    s = final.score()
    print(f"random finish: {final.moves} moves, score B-W={s}, "
          f"winner={'black' if final.winner() == BLACK else 'white'}, "
          f"prisoners B={final.prisoners[BLACK]} W={final.prisoners[WHITE]}, "
          f"extra draw={rng.choice(['a', 'b', 'c', 'd'])}")


if __name__ == "__main__":
    main()

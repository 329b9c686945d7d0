# Conway's Game of Life on a small toroidal grid and on an unbounded set of cells.
def parse(pattern):
    return {(r, c) for r, line in enumerate(pattern.strip().splitlines())
            for c, ch in enumerate(line.strip()) if ch == "#"}

def step_unbounded(live):
    counts = {}
    for r, c in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    key = (r + dr, c + dc)
                    counts[key] = counts.get(key, 0) + 1
    return {cell for cell, n in counts.items() if n == 3 or (n == 2 and cell in live)}

def render(live, rows=None, cols=None):
    if not live:
        return "(empty)"
    if rows is None:
        r0 = min(r for r, _ in live); r1 = max(r for r, _ in live)
        c0 = min(c for _, c in live); c1 = max(c for _, c in live)
    else:
        r0, r1, c0, c1 = 0, rows - 1, 0, cols - 1
    return "\n".join("".join("#" if (r, c) in live else "." for c in range(c0, c1 + 1))
                     for r in range(r0, r1 + 1))

class Torus:
    def __init__(self, rows, cols, live=()):
        self.rows, self.cols = rows, cols
        self.grid = [[False] * cols for _ in range(rows)]
        for r, c in live:
            self.grid[r % rows][c % cols] = True
        self.generation = 0
    def neighbours(self, r, c):
        return sum(self.grid[(r + dr) % self.rows][(c + dc) % self.cols]
                   for dr in (-1, 0, 1) for dc in (-1, 0, 1) if dr or dc)
    def step(self):
        self.grid = [[(n := self.neighbours(r, c)) == 3 or (n == 2 and self.grid[r][c])
                      for c in range(self.cols)] for r in range(self.rows)]
        self.generation += 1
    def population(self):
        return sum(map(sum, self.grid))
    def __str__(self):
        return "\n".join("".join("#" if v else "." for v in row) for row in self.grid)

blinker = parse("""
###
""")
print(render(blinker))
b1 = step_unbounded(blinker)
print(render(b1))
print(step_unbounded(b1) == blinker)

glider = parse("""
.#.
..#
###
""")
g = glider
for gen in range(4):
    g = step_unbounded(g)
print(render(g))
print("glider moved by", (min(r for r, _ in g) - min(r for r, _ in glider), min(c for _, c in g) - min(c for _, c in glider)))
print(sorted(g))

world = Torus(6, 6, glider)
seen = {}
while True:
    key = str(world)
    if key in seen:
        break
    seen[key] = world.generation
    world.step()
print("torus cycle: generation", world.generation, "repeats generation", seen[str(world)], "population", world.population())
print(world)

rpent = parse("""
.##
##.
.#.
""")
cells = rpent
history = []
for i in range(30):
    cells = step_unbounded(cells)
    history.append(len(cells))
print("r-pentomino populations:", history)
block = parse("##\n##")
print(step_unbounded(block) == block, render(step_unbounded(set())), len(step_unbounded({(0, 0)})))

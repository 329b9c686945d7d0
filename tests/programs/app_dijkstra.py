# Dijkstra's shortest paths on a small graph using a hand-written binary heap.
class MinHeap:
    def __init__(self):
        self.items = []
    def __len__(self):
        return len(self.items)
    def push(self, item):
        a = self.items
        a.append(item)
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) // 2
            if a[i] < a[parent]:
                a[i], a[parent] = a[parent], a[i]
                i = parent
            else:
                break
    def pop(self):
        a = self.items
        if not a:
            raise IndexError("pop from empty heap")
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            n = len(a)
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                smallest = i
                if l < n and a[l] < a[smallest]:
                    smallest = l
                if r < n and a[r] < a[smallest]:
                    smallest = r
                if smallest == i:
                    break
                a[i], a[smallest] = a[smallest], a[i]
                i = smallest
        return top

def heap_sort(values):
    h = MinHeap()
    for v in values:
        h.push(v)
    return [h.pop() for _ in range(len(h))]

print(heap_sort([5, 3, 9, 1, 1, 8, 2, 7, 0, 6]))
print(heap_sort(["pear", "apple", "fig"]))
try:
    MinHeap().pop()
except IndexError as e:
    print(type(e).__name__, e)

EDGES = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9), ("G", "H", 1)]

def build_graph(edges, directed=False):
    graph = {}
    for u, v, w in edges:
        graph.setdefault(u, []).append((v, w))
        graph.setdefault(v, [])
        if not directed:
            graph[v].append((u, w))
    return graph

def dijkstra(graph, source):
    dist = {source: 0}
    prev = {}
    heap = MinHeap()
    heap.push((0, source))
    visited = set()
    order = []
    while heap:
        d, u = heap.pop()
        if u in visited:
            continue
        visited.add(u)
        order.append(u)
        for v, w in graph[u]:
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heap.push((nd, v))
    return dist, prev, order

def path_to(prev, source, target):
    if target != source and target not in prev:
        return None
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    return path[::-1]

g = build_graph(EDGES)
dist, prev, order = dijkstra(g, "A")
print("visit order:", order)
for node in sorted(g):
    p = path_to(prev, "A", node)
    if p is None:
        print(f"{node}: unreachable")
    else:
        print(f"{node}: dist={dist[node]:>2} path={'->'.join(p)}")

dg = build_graph([("s", "a", 1), ("s", "b", 4), ("a", "b", 2), ("b", "t", 1), ("a", "t", 6)], directed=True)
d2, p2, _ = dijkstra(dg, "s")
print(d2, path_to(p2, "s", "t"))
d3, _, _ = dijkstra(dg, "t")
print(d3)

grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
def grid_graph(rows):
    graph = {}
    for r, line in enumerate(rows):
        for c, ch in enumerate(line):
            if ch == "#":
                continue
            nbrs = []
            for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
                rr, cc = r + dr, c + dc
                if 0 <= rr < len(rows) and 0 <= cc < len(line) and rows[rr][cc] != "#":
                    nbrs.append(((rr, cc), 1 + (rr + cc) % 2))
            graph[(r, c)] = nbrs
    return graph
gg = grid_graph(grid)
gd, gp, _ = dijkstra(gg, (0, 0))
end = (3, 7)
route = path_to(gp, (0, 0), end)
print("grid cost:", gd[end], "steps:", len(route) - 1)
canvas = [list(line) for line in grid]
for r, c in route[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))

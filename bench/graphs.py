"""Graphs: shortest paths, components and PageRank on a seeded random graph.

A road-like graph is built as a dict of dicts: cities named by strings, each
linked to a few near neighbours and a few random far ones with integer
weights.  Dijkstra's algorithm with a heapq priority queue runs from several
sources and rebuilds the paths; a breadth-first search over a collections
deque counts the components of the graph with its heavy edges removed; and
PageRank iterates over the directed version with float dicts.  The workload
is dict lookups with string keys, heap operations on tuples, defaultdict and
deque.  It prints distances, path lengths, component sizes and the top ranks.
"""

import heapq
import random
from collections import defaultdict, deque


def build_graph(rng, size, near, far):
    names = ["c%04d" % i for i in range(size)]
    graph = {name: {} for name in names}
    for i, name in enumerate(names):
        targets = [names[(i + step) % size] for step in range(1, near + 1)]
        targets += [names[rng.randrange(size)] for _ in range(far)]
        for target in targets:
            if target == name:
                continue
            weight = rng.randint(1, 20) if target in targets[:near] else rng.randint(15, 90)
            old = graph[name].get(target)
            if old is None or weight < old:
                graph[name][target] = weight
                graph[target][name] = weight
    return graph


def dijkstra(graph, source):
    distance = {source: 0}
    previous = {}
    done = set()
    queue = [(0, source)]
    while queue:
        dist, node = heapq.heappop(queue)
        if node in done:
            continue
        done.add(node)
        for neighbour, weight in graph[node].items():
            candidate = dist + weight
            known = distance.get(neighbour)
            if known is None or candidate < known:
                distance[neighbour] = candidate
                previous[neighbour] = node
                heapq.heappush(queue, (candidate, neighbour))
    return distance, previous


def path_to(previous, source, target):
    path = [target]
    while path[-1] != source:
        path.append(previous[path[-1]])
    path.reverse()
    return path


def components(graph, max_weight):
    seen = set()
    sizes = []
    for start in graph:
        if start in seen:
            continue
        seen.add(start)
        queue = deque([start])
        size = 0
        while queue:
            node = queue.popleft()
            size += 1
            for neighbour, weight in graph[node].items():
                if weight <= max_weight and neighbour not in seen:
                    seen.add(neighbour)
                    queue.append(neighbour)
        sizes.append(size)
    return sorted(sizes, reverse=True)


def pagerank(graph, damping, iterations):
    # Directed: an edge counts from the smaller name to the larger, and from
    # the larger back only when its weight is even.
    links = defaultdict(list)
    for node, edges in graph.items():
        for neighbour, weight in edges.items():
            if node < neighbour or weight % 2 == 0:
                links[node].append(neighbour)
    count = len(graph)
    rank = {node: 1.0 / count for node in graph}
    for _ in range(iterations):
        incoming = dict.fromkeys(graph, 0.0)
        dangling = 0.0
        for node, value in rank.items():
            targets = links.get(node)
            if not targets:
                dangling += value
                continue
            share = value / len(targets)
            for target in targets:
                incoming[target] += share
        base = (1.0 - damping) / count + damping * dangling / count
        rank = {node: base + damping * value for node, value in incoming.items()}
    return rank


SIZE = 3000
SOURCES = 96
PAGERANK_ITERATIONS = 100


def main():
    rng = random.Random(99)
    graph = build_graph(rng, SIZE, 3, 2)
    edges = sum(len(edges) for edges in graph.values()) // 2
    print("graphs: %d nodes, %d edges" % (SIZE, edges))
    names = list(graph)
    total = 0
    longest = (0, "")
    for source in rng.sample(names, SOURCES):
        distance, previous = dijkstra(graph, source)
        total += sum(distance.values())
        far_node = max(distance, key=lambda node: (distance[node], node))
        hops = len(path_to(previous, source, far_node)) - 1
        longest = max(longest, (distance[far_node], f"{source}->{far_node} in {hops} hops"))
    print("sum of distances:", total)
    print("longest shortest path: %d (%s)" % longest)
    sizes = components(graph, 12)
    print("components with weight <= 12:", len(sizes), "largest", sizes[:5])
    rank = pagerank(graph, 0.85, PAGERANK_ITERATIONS)
    top = sorted(rank, key=lambda node: (-rank[node], node))[:3]
    print("top ranks:", ", ".join(f"{node}={rank[node]:.6e}" for node in top))
    print(f"rank total: {sum(rank.values()):.12f}")


if __name__ == "__main__":
    main()

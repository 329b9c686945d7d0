"""Micro-benchmarks of the built-in iteration paths.

Run under tripwire and CPython and compare (`bench/micro/compare.py` does both):
    python3 bench/micro/iteration.py [NAME...]
Each case prints its name and the best of three timings in milliseconds.
"""

import itertools
import sys
import time

N = 300_000
L = list(range(N))
T = tuple(L)
D = {i: i for i in range(N)}
SMALL = list(range(8))
MID = list(range(20))


def zip_one():
    for a in zip(L, L):
        pass


def zip_unpack():
    for a, b in zip(L, L):
        pass


def for_list():
    for x in L:
        pass


def tuple_unpack():
    t = (1, 2)
    for _ in L:
        a, b = t


def enumerate_unpack():
    for i, x in enumerate(L):
        pass


def map_builtin():
    for x in map(abs, L):
        pass


def map_lambda():
    for x in map(lambda v: v, L):
        pass


def sum_generator():
    sum(x for x in L)


def sum_zip_product():
    sum(a * b for a, b in zip(L, L))


def sorted_key():
    sorted(L, key=lambda v: -v)


def min_max_key():
    min(L, key=lambda v: -v)
    max(L, key=lambda v: -v)


def list_of_iter():
    for _ in range(10):
        list(iter(L))


def tuple_of_map():
    for _ in range(5):
        tuple(map(abs, L))


def dict_items():
    for k, v in D.items():
        pass


def set_comprehension():
    for _ in range(N // 8):
        {x + 1 for x in SMALL}


def permutations():
    for p in itertools.permutations(range(9)):
        pass


def permutations_unpack():
    for a, b, c in itertools.permutations(range(60), 3):
        pass


def product():
    for p in itertools.product(MID, MID, MID, MID):
        pass


def combinations():
    for p in itertools.combinations(range(40), 4):
        pass


CASES = [
    zip_one, zip_unpack, for_list, tuple_unpack, enumerate_unpack, map_builtin,
    map_lambda, sum_generator, sum_zip_product, sorted_key, min_max_key,
    list_of_iter, tuple_of_map, dict_items, set_comprehension, permutations,
    permutations_unpack, product, combinations,
]


def main():
    wanted = set(sys.argv[1:])
    for case in CASES:
        if wanted and case.__name__ not in wanted:
            continue
        best = None
        for _ in range(3):
            t0 = time.perf_counter()
            case()
            dt = time.perf_counter() - t0
            best = dt if best is None or dt < best else best
        print(f"{case.__name__} {best * 1000:.1f}")


main()

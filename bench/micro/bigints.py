"""Micro-benchmarks of big-integer arithmetic: combinatorics, multiplication,
division and decimal conversion of numbers with about a million digits.

Run under tripwire and CPython and compare (`bench/micro/compare.py --script
bigints.py` does both, alternating whole processes):
    python3 bench/micro/bigints.py [NAME...]
Each case prints its name and its time in milliseconds (one run: the cases
are long).
"""

import math
import sys
import time

sys.set_int_max_str_digits(0)
A = 3**2000000
B = 7**1000000
A_TEXT = str(A)


def comb_million():
    math.comb(10**6, 5 * 10**5)


def perm_million():
    math.perm(10**6, 5 * 10**5)


def factorial_300k():
    math.factorial(300_000)


def multiply():
    A * B


def divide_unbalanced():
    A // B


def divide_balanced():
    (A * A) // (A + 12345)


def to_str():
    str(A)


def from_str():
    int(A_TEXT)


CASES = [comb_million, perm_million, factorial_300k, multiply, divide_unbalanced,
         divide_balanced, to_str, from_str]


def main():
    wanted = set(sys.argv[1:])
    for case in CASES:
        if wanted and case.__name__ not in wanted:
            continue
        t0 = time.perf_counter()
        case()
        print(f"{case.__name__} {(time.perf_counter() - t0) * 1000:.1f}")


main()

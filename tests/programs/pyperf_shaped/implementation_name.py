"""Prints the implementation's name: the one line where tripwire and CPython differ."""

import sys

import pyperf

if __name__ == "__main__":
    pyperf.Runner().bench_func("name", lambda: print("first line"))
    print(sys.implementation.name)

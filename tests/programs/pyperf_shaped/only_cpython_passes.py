"""Fails under any interpreter that is not CPython: a tripwire error."""

import sys

import pyperf


def check():
    if sys.implementation.name != "cpython":
        raise NotImplementedError(f"not on {sys.implementation.name}")


if __name__ == "__main__":
    pyperf.Runner().bench_func("check", check)

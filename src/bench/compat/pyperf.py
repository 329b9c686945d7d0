"""A stand-in for pyperf, for `tripwire bench --compat`: the same Runner calls
(bench_func, bench_time_func, bench_async_func, bench_command), each running its
benchmark once with one loop, so that a benchmark script's output is the same on
every interpreter and every run. It times nothing."""

import argparse
import sys
import time

perf_counter = time.perf_counter


def python_implementation():
    return sys.implementation.name.lower()


def python_has_jit():
    return False


class Runner:
    def __init__(self, values=None, processes=None, loops=0, min_time=0.1,
                 metadata=None, show_name=True, program_args=None,
                 add_cmdline_args=None, _argparser=None, warmups=1):
        self.metadata = dict(metadata or {})
        self.argparser = _argparser or argparse.ArgumentParser()
        self.args = None

    def parse_args(self, args=None):
        if self.args is None:
            self.args = self.argparser.parse_args(args)
        return self.args

    def _done(self, name, result):
        self.parse_args()
        print(f"{name}: ran")
        return result

    def bench_func(self, name, func, *args, inner_loops=None, metadata=None):
        return self._done(name, func(*args))

    def bench_time_func(self, name, func, *args, inner_loops=None, metadata=None):
        return self._done(name, func(1, *args))

    def bench_async_func(self, name, func, *args, inner_loops=None, metadata=None):
        import asyncio
        return self._done(name, asyncio.run(func(*args)))

    def bench_command(self, name, command):
        import subprocess
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        return self._done(name, None)

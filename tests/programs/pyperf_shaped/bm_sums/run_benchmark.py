"""Sums of powers, in pyperformance's shape: a Runner, an argument chosen by
pyproject.toml's extra_opts, a timed function taking the loop count."""

import pyperf


def sum_powers(loops, power):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        total = sum(i ** power for i in range(1000))
    print("sum of powers", power, total)
    return pyperf.perf_counter() - t0


POWERS = {"squares": 2, "cubes": 3}

if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = "sums of powers"
    runner.argparser.add_argument("kind", choices=sorted(POWERS))
    args = runner.parse_args()
    runner.bench_time_func("sums_" + args.kind, sum_powers, POWERS[args.kind])

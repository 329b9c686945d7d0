import pyperf


def broken():
    return {}["missing"]


if __name__ == "__main__":
    pyperf.Runner().bench_func("fails_everywhere", broken)

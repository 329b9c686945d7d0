import pyperf
import not_installed_anywhere

if __name__ == "__main__":
    pyperf.Runner().bench_func("needs_package", not_installed_anywhere.run)

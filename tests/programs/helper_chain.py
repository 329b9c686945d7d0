# Helper that imports another helper (no .out file).
import helper_config
from helper_shapes import Square

print("helper_chain: loaded")

def make_squares(n):
    return [Square(i) for i in range(1, n + 1)]

def debug_enabled():
    return helper_config.get("debug")

def fail_deep(n):
    if n == 0:
        raise helper_config.ConfigError("raised from helper_chain")
    return fail_deep(n - 1)

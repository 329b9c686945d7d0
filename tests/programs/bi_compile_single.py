# compile(..., 'single'): each expression statement outside functions and classes
# goes to sys.displayhook, which prints its repr and keeps it as builtins._.
import builtins
import sys

exec(compile("1 + 2", "<single>", "single"))
exec(compile("None", "<single>", "single"))
exec(compile("'text'", "<single>", "single"))
print(builtins._)
exec(compile("for i in range(3): i * 10\n", "<single>", "single"))
exec(compile("x = 5; x + 1", "<single>", "single"))
exec(compile("if True:\n    'a'\n    'b'\n", "<single>", "single"))
exec(compile("def f():\n    'not shown'\n    return 7\n", "<single>", "single"))
print(f())
exec(compile("class C:\n    'doc'\n    42\n", "<single>", "single"))
print(C.__doc__)

seen = []
sys.displayhook = seen.append
exec(compile("[1, 2]", "<single>", "single"))
exec(compile("None", "<single>", "single"))
sys.displayhook = sys.__displayhook__
print(seen)

del sys.displayhook
try:
    exec(compile("3", "<single>", "single"))
except RuntimeError as e:
    print("RuntimeError:", e)
sys.displayhook = sys.__displayhook__

sys.__displayhook__(None)
sys.__displayhook__((1, "x"))
print(builtins._)

for src in ["1\n2\n", "x = 1\ny = 2", "if 1:\n  pass\nx = 3\n"]:
    try:
        compile(src, "<single>", "single")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

for bad in [("1", "f", "exec", 0x40000000), ("1", "f", "other")]:
    try:
        compile(*bad)
    except ValueError as e:
        print("ValueError:", e)
print(compile("1", "f", "exec", dont_inherit=True, optimize=0, _feature_version=-1).co_filename)

# exec, eval and compile.
print(eval("1 + 2 * 3"))
print(eval("x * y", {"x": 6, "y": 7}))
ns = {}
exec("a = 5\nb = a ** 2\ndef f(n):\n    return n + b\n", ns)
print(ns["a"], ns["b"], ns["f"](1))
print(sorted(k for k in ns if k != "__builtins__"))
g = {"base": 100}
loc = {}
exec("result = base + 1", g, loc)
print(loc, "result" in g)
code = compile("total = sum(range(n))", "<generated>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
env = {"n": 10}
exec(code, env)
print(env["total"])
expr = compile("n * 2", "<expr>", "eval")
print(eval(expr, {"n": 21}))
single = compile("7 * 6", "<single>", "single")
print(type(single).__name__)
counter = 0
exec("counter += 1")
exec("counter += 1", globals())
print(counter)
def uses_locals():
    x = 3
    return eval("x + 1")
print(uses_locals())
print(eval("[i * i for i in range(4)]"))
print(eval("len('hello')"))
print(eval("(lambda q: q[::-1])('abc')"))
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__)
try:
    eval("undefined_name")
except NameError as e:
    print(type(e).__name__, e)
try:
    eval("1/0")
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print(type(e).__name__, e)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
src = """
class Dyn:
    def hello(self):
        return 'hello from exec class'
obj = Dyn()
"""
space = {}
exec(src, space)
print(space["obj"].hello(), space["Dyn"].__name__)
print(exec("1 + 1"))
print(eval("  42  "))
print(eval("x", {}, {"x": "from locals"}))

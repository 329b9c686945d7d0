# Source nested past CPython's limits raises CPython's error from eval, exec and
# compile, in a thread as in the main one, and never exhausts the native stack.
import threading

SOURCES = [
    ("lambda", "lambda: " * 30000 + "0"),
    ("lambda ok", "lambda: " * 2000 + "0"),
    ("not", "not " * 6000 + "0"),
    ("not ok", "not " * 5900 + "0"),
    ("minus", "-" * 200000 + "1"),
    ("pow", "**".join(["2"] * 3000)),
    ("ifexp", "0 if x else " * 6000 + "0"),
    ("attribute", "a" + ".b" * 20000),
    ("call", "f" + "()" * 10000),
    ("subscript", "a" + "[0]" * 10000),
    ("sum", "+".join(["1"] * 10000)),
    ("sum ok", "+".join(["1"] * 9000)),
    ("parens", "(" * 201 + ")" * 201),
    ("parens ok", "(" * 200 + "1" + ")" * 200),
    ("list", "[" * 300 + "]" * 300),
]


def run(label):
    for name, src in SOURCES:
        results = []
        for how in ("eval", "exec", "compile"):
            try:
                if how == "eval":
                    eval(src, {"x": 1, "a": None, "f": None})
                elif how == "exec":
                    exec(src, {"x": 1, "a": None, "f": None})
                else:
                    compile(src, "<nest>", "exec")
                results.append("ok")
            except (SyntaxError, RecursionError, MemoryError) as e:
                results.append(f"{type(e).__name__}: {e}")
            except Exception as e:
                results.append(f"ran: {type(e).__name__}")
        print(label, name, results)


run("main")
t = threading.Thread(target=run, args=("thread",))
t.start()
t.join()

indented = "".join(" " * i + "if x:\n" for i in range(101)) + " " * 101 + "pass\n"
for src in [indented, "if 1:\n        x\n\ty\n", "if 1:\n\tx\n        y\n"]:
    try:
        compile(src, "<indent>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

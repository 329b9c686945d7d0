"""CPython's limit on blocks nested in one code object: loops, with, try and
except clauses past it are a SyntaxError at the statement (the context
expression of a with), raised when compiling; inner functions start again."""


def nest(kinds):
    lines = []
    depth = 0
    closers = []
    for kind in kinds:
        ind = " " * depth
        if kind == "while":
            lines.append(ind + "while 0:")
        elif kind == "for":
            lines.append(ind + "for x in ():")
        elif kind == "with":
            lines.append(ind + "with a:")
        elif kind == "try":
            lines.append(ind + "try:")
            closers.append(ind + "except E:\n" + ind + " pass")
        elif kind == "finally":
            lines.append(ind + "try:")
            closers.append(ind + "finally:\n" + ind + " pass")
        elif kind == "handler":
            lines.append(ind + "try:\n" + ind + " pass\n" + ind + "except E as e:")
        elif kind == "def":
            lines.append(ind + "def f():")
        depth += 1
    lines.append(" " * depth + "pass")
    return "\n".join(lines + closers[::-1]) + "\n"


cases = [
    ["while"] * 21,
    ["while"] * 22,
    ["for"] * 22,
    ["with"] * 22,
    ["try"] * 20,
    ["try"] * 21,
    ["finally"] * 22,
    ["while"] * 19 + ["handler", "while"],
    ["while"] * 18 + ["handler", "while"],
    ["while"] * 15 + ["def"] + ["while"] * 15,
]
for kinds in cases:
    label = f"{kinds[0]} x{kinds.count(kinds[0])} + {len(kinds) - kinds.count(kinds[0])} more"
    try:
        compile(nest(kinds), "<nested>", "exec")
        print(label, "compiles")
    except SyntaxError as e:
        print(label, "SyntaxError:", e.msg, e.lineno, e.offset)

try:
    exec(nest(["while"] * 25) + "print('never runs')\n")
except SyntaxError as e:
    print("exec:", e.msg, e.lineno)

# SyntaxError messages CPython's parser words specially, checked through
# compile(): the missing-comma hint (and where it does not apply), a keyword
# argument whose name is an expression, digits glued to
# a name, characters that do not print, a syntax error that comes before
# indentation deeper than the tokenizer allows, and a missing block that a
# tokenizer error further on takes precedence over.


def report(source):
    try:
        compile(source, "<case>", "exec")
        print(repr(source[:40]), "-> compiles")
    except SyntaxError as e:
        print(repr(source[:40]), "->", type(e).__name__, e.msg, e.lineno, e.offset)


for source in [
    "print(a b)",
    "print(a() b)",
    "print(a[1] 2)",
    "print(x.y 'z')",
    "print(1 'x')",
    "print(a 'x')",
    "print(a ~b)",
    "print(None ~= None)",
    "print(a ~)",
    "[a b]",
    "{1: a b}",
    "f(x=a b)",
    "f(a, b == c d)",
    "print('a, b' x)",
    "print(type(e) name)",
    "print(match x)",
    "print(_ x)",
    "def f(a, b c): pass",
    "def f(a b): pass",
    "async def g(x y): pass",
    "class C(A B): pass",
    "[x for x in a b]",
    "[x for x in y if a b]",
    "print(sum(x for x in y z))",
    "x = [1, 2, 3row 5]",
    "print(2**63.real)",
    "vals = [1, 2lambda]",
    "print\ufeff(1)",
    "x = 1\x01",
    "x = (1,\n     2\x7f)",
    "x = (1\x00)",
    "if x:\npass\nprint(a))\n",
    "f(a.b=1)",
    "print('x'=\n",
    "f(3, 7=)",
    "f(True=1)",
    "class C(a.b=1): pass",
    "def f(a.b=1): pass",
    "def f():\n    return g(().h()\n\nx = 1\n",
    "y = [1,\n  (2, 3\n]\n",
    "if x:\npass\ns = 'abc\n",
    "if x:\npass\nf(\n",
    "x = 1\n  y = 2\nprint(a))\n",
]:
    report(source)

deep = "".join(" " * i + "if x:\n" for i in range(120))
report("x = (1 2)\n" + deep + " " * 120 + "pass\n")
report("x = [1,\n  2 3]\n" + deep + " " * 120 + "pass\n")
report("x = 1\n" + deep + " " * 120 + "pass\n")

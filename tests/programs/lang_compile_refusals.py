# What CPython's compiler refuses beyond the grammar: scopes, async, yield in
# comprehensions, future imports, unreachable match cases. Each line prints the
# error type, message, line and offset, or "ok".
CASES = [
    "def f(a, a): pass\n",
    "def f(a, *, a): pass\n",
    "lambda a, a: 0\n",
    "def f(x, *a, **a): pass\n",
    "await x\n",
    "def f():\n    await x\n",
    "lambda: await x\n",
    "async def f():\n    lambda: await x\n",
    "async def f():\n    await x\n",
    "class C:\n    await x\n",
    "def f():\n    [await x for x in y]\n",
    "def f():\n    [x async for x in y]\n",
    "def f():\n    (x async for x in y)\n",
    "async def f():\n    [x async for x in y]\n",
    "def f():\n    async for x in y: pass\n",
    "def f():\n    async with x: pass\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    global x\n",
    "global x\nx = 1\nglobal x\n",
    "def f(x):\n    global x\n",
    "def f(x):\n    nonlocal x\n",
    "def f():\n    global x\n    nonlocal x\n",
    "def f():\n    x = 1\n    def g():\n        x = 2\n        nonlocal x\n",
    "def f():\n    nonlocal x\n",
    "nonlocal x\n",
    "def f():\n    global x\n    x: int = 1\n",
    "def f():\n    from os import *\n",
    "async def f():\n    return 2\n    yield 1\n",
    "async def f():\n    yield 1\n    return\n",
    "def f():\n    yield 1\n    return 2\n",
    "[(yield) for x in y]\n",
    "{(yield) for x in y}\n",
    "{1: (yield) for x in y}\n",
    "((yield) for x in y)\n",
    "def f():\n    [x for x in (yield)]\n",
    "[(x := 1) for x in y]\n",
    "[[(x := 1) for a in b] for x in y]\n",
    "class C:\n    [(j := 1) for i in y]\n",
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case y if y:\n        pass\n    case 2:\n        pass\n",
    "match x:\n    case 1 | y | 2:\n        pass\n",
    "match x:\n    case [1 | _ | 2]:\n        pass\n",
    "match x:\n    case 1:\n        pass\n    case y:\n        pass\n",
    "from __future__ import braces\n",
    "from __future__ import annotations, nope\n",
    '"""doc"""\nfrom __future__ import annotations\n',
    "import os\nfrom __future__ import annotations\n",
    "return 1\n",
    "yield 1\n",
    "break\n",
    "class C:\n    break\n",
]
for src in CASES:
    for mode in ("exec",):
        try:
            compile(src, "<case>", mode)
            print("ok")
        except SyntaxError as e:
            print(type(e).__name__, e.msg, e.lineno, e.offset)

# except* (PEP 654) on naked exceptions and groups, and ExceptionGroup's split,
# subgroup, derive, str, repr and argument checks.
EG = ExceptionGroup
def show(f):
    try:
        f()
        print("no exception")
    except BaseException as e:
        print("escaped:", type(e).__name__, repr(e))

def naked():
    try:
        raise ValueError(1)
    except* ValueError as e:
        print("caught", repr(e), type(e).__name__)
show(naked)

def unmatched():
    try:
        raise KeyError(2)
    except* ValueError:
        print("no")
show(unmatched)

def group():
    try:
        raise EG("many", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError as e:
        print("values", repr(e))
    except* TypeError as e:
        print("types", repr(e), e.exceptions)
show(group)

def partial():
    try:
        raise EG("many", [ValueError(1), KeyError(2)])
    except* ValueError as e:
        print("values", repr(e))
show(partial)

def reraise():
    try:
        raise EG("many", [ValueError(1)])
    except* ValueError as e:
        raise RuntimeError("new")
show(reraise)

def orelse():
    try:
        pass
    except* ValueError:
        print("no")
    else:
        print("else ran")
    finally:
        print("finally ran")
show(orelse)

eg = EG("msg", [ValueError(1), EG("inner", [TypeError(2), ValueError(3)])])
print(repr(eg), str(eg))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
print(repr(eg.derive([KeyError(1)])))
for bad in [lambda: EG("x", []), lambda: EG(1, [ValueError()]), lambda: EG("x", [1]), lambda: EG("x", [KeyboardInterrupt()])]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)

for src in ["try:\n    pass\nexcept* ValueError:\n    pass\nexcept TypeError:\n    pass\n",
            "for x in y:\n    try:\n        pass\n    except* E:\n        break\n",
            "def f():\n    try:\n        pass\n    except* E:\n        return\n"]:
    try:
        compile(src, "<case>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)

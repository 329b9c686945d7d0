# Pattern code that re._compiler would never make (a mutated opcode, a skip past
# the end) is refused with RuntimeError, not a crash. CPython refuses it when the
# pattern is compiled; either way the program sees the error before any match.
import _sre

GOOD = [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1]
BAD = [
    ("opcode", [14, 4, 0, 0, 4294967295, 2424, 6, 0, 4294967295, 16, 120, 1, 1]),
    ("last opcode", [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 99]),
]

for label, code in [("good", GOOD)] + BAD:
    try:
        p = _sre.compile("x*", 32, code, 0, {}, (None,))
        m = p.match("xxy")
        print(label, m.span() if m else m)
    except RuntimeError as e:
        print(label, type(e).__name__, e)
# A group count out of range is refused too; one the code does not use is fine.
for groups in [-1, 2**30, 10**10, 1000]:
    try:
        p = _sre.compile("x*", 32, GOOD, groups, {}, (None,))
        m = p.match("xxy")
        print(groups, m.span(), m.groups()[-3:], len(m.regs))
    except RuntimeError as e:
        print(groups, type(e).__name__, e)
print("the program goes on")

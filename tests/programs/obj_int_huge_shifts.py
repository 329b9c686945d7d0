# Shifts and powers with huge counts answer at once, as CPython does.
def show(label, f):
    try:
        r = f()
        print(label, r if r.bit_length() < 200 else ("bits", r.bit_length()))
    except Exception as e:
        print(label, type(e).__name__, e)

big = -10**30
show("neg >> 2**63", lambda: big >> 2**63)
show("neg >> 2**40", lambda: big >> 2**40)
show("neg >> 2**100", lambda: big >> 2**100)
show("pos >> 2**63", lambda: 10**30 >> 2**63)
show("-1 >> 2**70", lambda: -1 >> 2**70)
show("-5 >> 64", lambda: -5 >> 64)
show("-5 >> 3", lambda: -5 >> 3)
show("-(2**100) >> 100", lambda: -(2**100) >> 100)
show("-(2**100) >> 101", lambda: -(2**100) >> 101)
show("-(2**100)-1 >> 100", lambda: (-(2**100) - 1) >> 100)
show("0 << 2**63", lambda: 0 << 2**63)
show("0 << 2**100", lambda: 0 << 2**100)
show("1 << 2**63", lambda: 1 << 2**63)
show("1 << 2**100", lambda: 1 << 2**100)
show("1 << 2**62", lambda: 1 << 2**62)
show("-1 << 2**62", lambda: -1 << 2**62)
show("1 << 2**45", lambda: 1 << 2**45)
M = 2305843009213693945
for t in [30 * (M - 1), 30 * (M - 1) + 1, 30 * M, 30 * (M - 2) + 1]:
    for x in [1, 2**29, 2**30, 2**100]:
        show(f"{x.bit_length()} bits << {t - 30 * M}", lambda: x << t)
show("5 >> -1", lambda: 5 >> -1)
show("5 << -(2**100)", lambda: 5 << -(2**100))
show("1 << 100", lambda: 1 << 100)
show("3 << 62", lambda: 3 << 62)
show("0 ** 2**100", lambda: 0 ** 2**100)
show("1 ** 2**100", lambda: 1 ** 2**100)
show("(-1) ** (2**100+1)", lambda: (-1) ** (2**100 + 1))
show("(-1) ** 2**100", lambda: (-1) ** 2**100)
show("0 ** 0", lambda: 0 ** 0)
show("pow(2, 2**100, 7)", lambda: pow(2, 2**100, 7))
show("7 ** 100", lambda: 7 ** 100)
for t in ["0 ** -1", "(10**400) ** -1", "2 ** -(10**400)", "1 ** -(10**400)", "2 ** -1074", "2 ** -1080", "3 ** -2", "(-3) ** -3"]:
    try:
        print(t, eval(t))
    except Exception as e:
        print(t, type(e).__name__, e)

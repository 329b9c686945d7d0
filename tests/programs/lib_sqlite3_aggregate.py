# Connection.create_aggregate: a class per group, its step per row, finalize at the
# end; NULL for no row; each failing part is the OperationalError CPython gives.
import sqlite3
class A:
    def __init__(self): self.n = 0
    def step(self, x): self.n += x
    def finalize(self): return self.n
class NoStep:
    def finalize(self): return 1
class BadInit:
    def __init__(self): raise ValueError
    def step(self, x): pass
    def finalize(self): return 1
class BadStep(A):
    def step(self, x): 1/0
class BadFin(A):
    def finalize(self): 1/0
class BadRes(A):
    def finalize(self): return object()
c = sqlite3.connect(":memory:")
c.execute("create table t(x)")
c.executemany("insert into t values (?)", [(1,), (2,), (3,)])
for cls in (A, NoStep, BadInit, BadStep, BadFin, BadRes):
    c.create_aggregate("f", 1, cls)
    try:
        print(cls.__name__, c.execute("select f(x) from t").fetchone())
    except Exception as e:
        print(cls.__name__, type(e).__name__, e)
c.create_aggregate("f", 1, A)
print(c.execute("select f(x) from t where x > 5").fetchone())
c.create_aggregate("f", 1, None)
try:
    c.execute("select f(x) from t")
except Exception as e:
    print(type(e).__name__, e)


class Joined:
    def __init__(self):
        self.parts = []

    def step(self, word, times):
        self.parts.append(word * times)

    def finalize(self):
        return "-".join(self.parts)


c.execute("create table w(g, word, n)")
c.executemany("insert into w values (?, ?, ?)",
              [(1, "a", 1), (2, "b", 2), (1, "c", 3), (2, None, 0)])
c.create_aggregate("joined", 2, Joined)
try:
    print(c.execute("select g, joined(word, n) from w group by g").fetchall())
except sqlite3.OperationalError as e:
    print("OperationalError", e)
print(c.execute("select g, joined(word, n) from w where word is not null group by g order by g").fetchall())

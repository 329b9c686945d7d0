# Re-entrant user functions, text_factory=bytes, Row as a sequence, fetchmany, the
# autocommit attribute, isolation_level None with explicit BEGIN, iterdump.
import sqlite3
con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (a, b)")
con.executemany("INSERT INTO t VALUES (?, ?)", [(1, "x"), (2, "y")])
def count(_):
    return con.execute("SELECT count(*) FROM t").fetchone()[0]
con.create_function("count_t", 1, count)
print(con.execute("SELECT a, count_t(a) FROM t").fetchall())
con.text_factory = bytes
print(con.execute("SELECT b FROM t").fetchall())
con.text_factory = str
con.row_factory = sqlite3.Row
r1, r2 = con.execute("SELECT a, b FROM t").fetchall()
print(r1 == r1, r1 == r2, hash(r1) == hash(con.execute("SELECT a, b FROM t").fetchone()))
print(r1[-1], r1[0:2], list(reversed(r1)))
cur = con.execute("SELECT * FROM t")
print([[tuple(r) for r in rows] for rows in (cur.fetchmany(), cur.fetchmany(5), cur.fetchmany())])
print(cur.arraysize, con.total_changes)
with sqlite3.connect(":memory:", autocommit=False) as c2:
    print(c2.in_transaction, c2.autocommit)
    c2.execute("CREATE TABLE z (x)")
    c2.commit()
    print(c2.in_transaction)
c3 = sqlite3.connect(":memory:", isolation_level=None)
c3.execute("CREATE TABLE q (x)")
c3.execute("BEGIN")
c3.execute("INSERT INTO q VALUES (1)")
print(c3.in_transaction)
c3.rollback()
print(c3.execute("SELECT count(*) FROM q").fetchone())
print(list(con.iterdump())[:3])

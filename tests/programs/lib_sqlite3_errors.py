import sqlite3

con = sqlite3.connect(":memory:")
con.execute("CREATE TABLE t (a INTEGER UNIQUE, b TEXT NOT NULL DEFAULT '')")
con.execute("INSERT INTO t (a) VALUES (1)")

def show(label, f):
    try:
        f()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__module__, type(e).__name__, "|", e,
              getattr(e, "sqlite_errorcode", None), getattr(e, "sqlite_errorname", None))

show("no table", lambda: con.execute("SELECT * FROM nope"))
show("unique", lambda: con.execute("INSERT INTO t (a) VALUES (1)"))
show("not null", lambda: con.execute("INSERT INTO t (a, b) VALUES (5, NULL)"))
show("syntax", lambda: con.execute("SELEC 1"))
show("no column", lambda: con.execute("SELECT zz FROM t"))
show("too many", lambda: con.execute("SELECT ?", (1, 2)))
show("too few", lambda: con.execute("SELECT ?, ?", (1,)))
show("no params", lambda: con.execute("SELECT ?"))
show("missing name", lambda: con.execute("SELECT :x, :y", {"x": 1}))
show("dict for qmark", lambda: con.execute("SELECT ?", {"x": 1}))
show("bad type", lambda: con.execute("SELECT ?", ([1],)))
show("big int", lambda: con.execute("SELECT ?", (2**70,)))
show("two statements", lambda: con.execute("SELECT 1; SELECT 2"))
show("executemany select", lambda: con.executemany("SELECT ?", [(1,)]))
show("script error", lambda: con.executescript("CREATE TABLE u (x); INSERT INTO v VALUES (1);"))
print(isinstance(sqlite3.IntegrityError("x"), sqlite3.DatabaseError),
      issubclass(sqlite3.OperationalError, sqlite3.Error),
      issubclass(sqlite3.Error, Exception), sqlite3.Connection.Error is sqlite3.Error)
cur = con.cursor()
cur.close()
show("closed cursor", lambda: cur.execute("SELECT 1"))
con.close()
show("closed connection", lambda: con.execute("SELECT 1"))
show("bad isolation", lambda: setattr(sqlite3.connect(":memory:"), "isolation_level", "FOO"))
con2 = sqlite3.connect(":memory:")
con2.execute("CREATE TABLE t (a INTEGER UNIQUE)")
con2.execute("INSERT INTO t VALUES (1)")
con2.execute("INSERT INTO t VALUES (1)")

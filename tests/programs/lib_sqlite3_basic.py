import os
import sqlite3
import tempfile

con = sqlite3.connect(":memory:")
print(type(con).__name__, con.isolation_level, con.in_transaction)
cur = con.cursor()
cur.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, score REAL, data BLOB, extra)")
print("create rowcount", cur.rowcount, "desc", cur.description)
cur.execute("INSERT INTO t (name, score, data, extra) VALUES (?, ?, ?, ?)",
            ("alice", 1.5, b"\x00\x01", None))
print("insert", cur.rowcount, cur.lastrowid, con.in_transaction)
cur.executemany("INSERT INTO t (name, score, data, extra) VALUES (?, ?, ?, ?)",
                [("bob", 2.0, b"", 7), ("carol", -3.25, bytearray(b"xy"), "s"),
                 ("dave", 0.0, memoryview(b"m"), 2**62)])
print("executemany rowcount", cur.rowcount, cur.lastrowid)
con.commit()
print("after commit", con.in_transaction)
cur.execute("SELECT * FROM t ORDER BY id")
print([d[0] for d in cur.description])
print(cur.fetchone())
print(cur.fetchmany(2))
print(cur.fetchall())
print(cur.fetchone(), cur.rowcount)
for row in con.execute("SELECT name, typeof(extra) FROM t WHERE score > :lo ORDER BY name",
                       {"lo": -1}):
    print(row)
print(con.execute("SELECT count(*), sum(score), max(name) FROM t").fetchone())
print(con.execute("SELECT 1 + 1, 'x' || 'y', NULL, x'ff00', 2.5e3").fetchall())

# rollback and the context manager
con.execute("DELETE FROM t WHERE name = 'bob'")
print("in tx", con.in_transaction)
con.rollback()
print("after rollback", con.execute("SELECT count(*) FROM t").fetchone()[0])
with con:
    con.execute("UPDATE t SET score = score * 2")
print("after with", con.in_transaction, con.execute("SELECT sum(score) FROM t").fetchone())
try:
    with con:
        con.execute("INSERT INTO t (name) VALUES ('eve')")
        raise ValueError("boom")
except ValueError as e:
    print("rolled back on", e, con.execute("SELECT count(*) FROM t").fetchone())

# row factories
con.row_factory = sqlite3.Row
row = con.execute("SELECT id, name AS Who FROM t ORDER BY id").fetchone()
print(type(row).__name__, row.keys(), row[0], row["who"], row["WHO"], tuple(row), len(row))
print(dict(row))
try:
    row["nope"]
except IndexError as e:
    print("IndexError", e)
con.row_factory = lambda cursor, values: {d[0]: v for d, v in zip(cursor.description, values)}
print(con.execute("SELECT name, score FROM t WHERE id = 2").fetchone())
con.row_factory = None

# user functions
con.create_function("twice", 1, lambda x: x * 2)
con.create_function("joined", -1, lambda *a: "-".join(map(str, a)), deterministic=True)
print(con.execute("SELECT twice(21), twice('ab'), twice(1.25), joined(1, 'a', NULL)").fetchone())

def bad(x):
    raise ZeroDivisionError
con.create_function("bad", 1, bad)
try:
    con.execute("SELECT bad(1)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError:", e)

# isolation_level None: autocommit
con.isolation_level = None
con.execute("INSERT INTO t (name) VALUES ('zed')")
print("autocommit", con.in_transaction, con.total_changes > 0)

# executescript and a file database
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "db.sqlite")
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE k (a INTEGER UNIQUE, b TEXT);
        INSERT INTO k VALUES (1, 'one');
        INSERT INTO k VALUES (2, 'two');
    """)
    db.execute("INSERT INTO k VALUES (?, ?)", (3, "three"))
    db.commit()
    db.close()
    db = sqlite3.connect(path)
    print(db.execute("SELECT * FROM k ORDER BY a").fetchall())
    print(os.path.exists(path))
    db.close()

print(sqlite3.complete_statement("SELECT 1;"), sqlite3.complete_statement("SELECT 1"))
print(sqlite3.paramstyle, sqlite3.apilevel, isinstance(sqlite3.sqlite_version, str))
con.close()

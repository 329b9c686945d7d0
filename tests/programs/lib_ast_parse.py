# ast.parse (compile with PyCF_ONLY_AST): CPython's node classes, fields and
# positions (UTF-8 byte columns), for statements, expressions, f-strings, patterns.
import ast
srcs = [
 'f"a{x!r:>{w}}b" "c"\n@d\nasync def f(a, /, b=1, *c, d, e=2, **k) -> int: pass\nif a: pass\nelif b: pass\nelse: pass',
 'x = [i**2 for i in range(10) if i % 2]\nclass C(B, metaclass=M):\n    "doc"\n    def m(self): return {1: 2, **d}\n',
 'try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nfinally:\n    del a[1:2, ::3]\n',
 'match p:\n    case [1, *r] | {"k": v, **kw} if v: pass\n    case Point(x=0, y=_) | None: pass\n',
 'with a as b, c: yield from g\nlambda x, *y: (await z)\nnonlocal q\nfrom ..m import (a as b, c)\nimport os.path as p\nx: int = 5\nx += 1 < 2 <= 3 is not 4\nf"{x=}"; b"\\x00"\nglobal g\nwhile 1: break\nelse: continue\n(y := 10)\nu"s"\n123456789012345678901234567890 + 1.5j\n',
 'def g[T: int, *Ts, **P](): ...\ntype A[T] = list[T]\nassert x, "m"\nfor a, *b in c: pass\n{1, 2}\n{k: v for k, v in d}\n(x for x in y)\nnot -~+x and y or z\n',
 'é = "日本"; x = é + f"{é}"\n',
]
for s in srcs:
    print(ast.dump(ast.parse(s), include_attributes=True))
for s in ['1+1', 'x']:
    print(ast.dump(ast.parse(s, mode='eval'), include_attributes=True))
print(ast.dump(ast.parse('x=1', mode='single')))
try:
    ast.parse('x = (')
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno)
print(ast.literal_eval("{'a': [1, 2.5, -3j], 'b': (None, True, b'x')}"))
tree = compile("y = 1 + 2", "<ast>", "exec", ast.PyCF_ONLY_AST)
print(type(tree).__name__, [type(n).__name__ for n in ast.walk(tree)])
print(ast.get_docstring(ast.parse('def f():\n    "the doc"\n    return 1\n').body[0]))
print(ast.dump(ast.parse(b'x = "\xc3\xa9"')))
print(ast.unparse(ast.parse(srcs[1])))

# F-strings nested inside f-strings up to CPython's tokenizer limit: 149 deep
# compile, the 150th is a SyntaxError at its opening quote (in exec, eval and
# compile, inside parentheses, a triple-quoted outer string, a format spec).
def nested(n, inner="1", prefix="f"):
    return f"{prefix}'{{" * n + inner + "}'" * n


for n in (1, 2, 149):
    print(n, eval(nested(n)))


def report(src, mode="exec"):
    try:
        compile(src, "<nest>", mode)
        print("compiled")
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset)


report("y = " + nested(150))
report("x = 1\ny = (" + nested(151) + ")")
report(nested(150, prefix="rf"), "eval")
report("y = f'''{" + nested(149) + "}'''")
report("y = f'{1:{" + nested(149) + "}}'")
report("y = f'{1:{" + nested(148) + "}}'")
try:
    exec("y = " + nested(200))
except SyntaxError as e:
    print("exec:", e.msg, e.offset)

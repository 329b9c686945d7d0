# A SyntaxError made by calling its class has the fields of its arguments: msg,
# then filename, lineno, offset, text (and end_lineno, end_offset) of the details.
e = SyntaxError("m", ("f", 1, 2, "t", None, None))
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.end_lineno, e.end_offset, e.args)
e = SyntaxError("only")
print(e.msg, e.filename, e.lineno, e.offset, e.text, e.args, e.print_file_and_line)
e = IndentationError("ind", ("f", 3, 4, "  b", None, None))
print(e.msg, e.lineno, str(e), repr(e))
e = SyntaxError()
print(e.msg, e.args, str(e))
e = SyntaxError("m", ("f", 1, 2, "t"))
print(e.msg, e.end_lineno, e.text, str(e))


class Custom(SyntaxError):
    pass


c = Custom("a", ("g", 5, 1, "x", 5, 2))
print(c.lineno, c.end_offset, isinstance(c, SyntaxError), str(c))
try:
    compile("x = (", "src", "exec")
except SyntaxError as err:
    print(err.msg, err.filename, err.lineno, err.offset)
try:
    raise SyntaxError("raised", ("h", 7, 3, "y = 1\n", 7, 4))
except SyntaxError as err:
    print(err.msg, err.filename, err.lineno, err.offset, err.end_offset)

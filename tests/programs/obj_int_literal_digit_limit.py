# Decimal int literals past sys.get_int_max_str_digits() are refused when the
# source is compiled (SyntaxError naming the line, no column); hexadecimal,
# octal, binary and float literals have no limit; 0 lifts it.
import sys

def attempt(label, source, mode="exec"):
    try:
        code = compile(source, "<lit>", mode)
        print(label, "compiled")
        if mode == "eval":
            r = eval(code)
            print(label, "value bits", r.bit_length() if isinstance(r, int) else type(r).__name__)
    except SyntaxError as e:
        print(label, type(e).__name__, e.msg)
        print(label, "at", e.lineno, e.offset, e.end_offset, repr(e.text[:12]))

attempt("4300", "1" * 4300, "eval")
attempt("4301", "1" * 4301, "eval")
attempt("neg", "-" + "9" * 5000, "eval")
attempt("underscores", "x = 1\ny = 1_0" + "_0" * 4299 + "\n")
attempt("zeros", "0" * 4301, "eval")
attempt("in call", "print(\n  2,\n  " + "7" * 4400 + ")\n")
attempt("in fstring", "f'{" + "3" * 4400 + "}'", "eval")
attempt("hex", "0x" + "f" * 5000, "eval")
attempt("octal", "0o" + "7" * 5000, "eval")
attempt("binary", "0b" + "1" * 5000, "eval")
attempt("float", "1" * 5000 + ".5", "eval")
sys.set_int_max_str_digits(640)
attempt("641", "1" * 641, "eval")
attempt("640", "1" * 640, "eval")
sys.set_int_max_str_digits(0)
attempt("unlimited", "1" * 5000, "eval")
sys.set_int_max_str_digits(4300)
attempt("back", "1" * 4301, "eval")

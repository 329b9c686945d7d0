# A small tokenizer and recursive-descent calculator with variables and errors.
class CalcError(Exception):
    pass

class Token:
    def __init__(self, kind, value, pos):
        self.kind, self.value, self.pos = kind, value, pos
    def __repr__(self):
        return f"{self.kind}:{self.value!r}"

def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            start = i
            while i < len(text) and (text[i].isdigit() or text[i] == "."):
                i += 1
            raw = text[start:i]
            if raw.count(".") > 1:
                raise CalcError(f"bad number {raw!r} at {start}")
            tokens.append(Token("num", float(raw) if "." in raw else int(raw), start))
        elif ch.isalpha() or ch == "_":
            start = i
            while i < len(text) and (text[i].isalnum() or text[i] == "_"):
                i += 1
            tokens.append(Token("name", text[start:i], start))
        elif ch in "+-*/%^()=,":
            tokens.append(Token("op", ch, i))
            i += 1
        else:
            raise CalcError(f"unexpected character {ch!r} at {i}")
    tokens.append(Token("end", None, len(text)))
    return tokens

FUNCS = {"max": max, "min": min, "abs": abs}

class Parser:
    def __init__(self, tokens, env):
        self.tokens, self.pos, self.env = tokens, 0, env
    def peek(self):
        return self.tokens[self.pos]
    def take(self, kind=None, value=None):
        tok = self.peek()
        if (kind and tok.kind != kind) or (value and tok.value != value):
            raise CalcError(f"expected {value or kind} at {tok.pos}, got {tok!r}")
        self.pos += 1
        return tok
    def statement(self):
        if self.peek().kind == "name" and self.tokens[self.pos + 1].value == "=":
            name = self.take("name").value
            self.take("op", "=")
            value = self.expr()
            self.env[name] = value
            result = value
        else:
            result = self.expr()
        self.take("end")
        return result
    def expr(self):
        value = self.term()
        while self.peek().value in ("+", "-"):
            op = self.take().value
            rhs = self.term()
            value = value + rhs if op == "+" else value - rhs
        return value
    def term(self):
        value = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.take().value
            rhs = self.factor()
            if op != "*" and rhs == 0:
                raise CalcError("division by zero")
            value = value * rhs if op == "*" else value / rhs if op == "/" else value % rhs
        return value
    def factor(self):
        if self.peek().value == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        tok = self.peek()
        if tok.kind == "num":
            return self.take().value
        if tok.kind == "name":
            name = self.take().value
            if self.peek().value == "(":
                self.take()
                args = [self.expr()]
                while self.peek().value == ",":
                    self.take()
                    args.append(self.expr())
                self.take("op", ")")
                if name not in FUNCS:
                    raise CalcError(f"unknown function {name}")
                return FUNCS[name](*args)
            if name not in self.env:
                raise CalcError(f"undefined variable {name}")
            return self.env[name]
        if tok.value == "(":
            self.take()
            v = self.expr()
            self.take("op", ")")
            return v
        raise CalcError(f"unexpected token {tok!r}")

env = {}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "10 / 4", "10 % 4", "x = 7", "y = x * 2 + 1",
         "max(x, y, 3) - min(1, -x)", "abs(-3.5) + 0.25", "1 / 0", "z + 1", "3 +", "2 $ 3", "1..2",
         "(1 + 2", "foo(1)", "big = 2 ^ 100", "big % 1000007"]
for line in lines:
    try:
        print(f"{line!r:32} => {Parser(tokenize(line), env).statement()!r}")
    except CalcError as e:
        print(f"{line!r:32} !! {e}")
print(tokenize("a=(b+12.5)"))
print(env)

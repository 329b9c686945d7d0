def make_adder(n):
    def add(x):
        return x + n
    return add
add2 = make_adder(2)
print(add2(1))
del add2
square = lambda x: x * x
print(square(4))
square = None
code = compile("y = 1", "<string>", "exec")
exec(code)
del code

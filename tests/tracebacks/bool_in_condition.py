# A condition whose __bool__ raises: the entry points at the condition, which an
# `if` compiles into one fused compare-and-jump instruction.
class Falsy:
    def __bool__(self):
        raise ValueError("no truth value")


class Compares:
    def __lt__(self, other):
        return Falsy()


def check(c):
    if c < 1:
        return "small"
    return "large"


check(Compares())

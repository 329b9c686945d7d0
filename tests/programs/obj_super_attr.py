# super().name as CPython 3.12+ compiles it (LOAD_SUPER_ATTR): methods, attributes,
# class methods, properties, static methods, a shadowed `super`, and the errors.


class Base:
    kind = "base"

    def __init__(self, n):
        self.n = n

    def describe(self):
        return f"Base.describe({self.n})"

    @classmethod
    def make(cls, n):
        return f"Base.make -> {cls.__name__}({n})"

    @staticmethod
    def helper(x):
        return x * 2

    @property
    def label(self):
        return f"label:{self.n}"


class Mid(Base):
    kind = "mid"

    def __init__(self, n):
        super().__init__(n + 1)

    def describe(self):
        return "Mid/" + super().describe()

    @classmethod
    def make(cls, n):
        return "Mid/" + super().make(n)

    @property
    def label(self):
        return "Mid/" + super().label


class Leaf(Mid):
    def describe(self):
        parts = [super().describe(), super().kind, super().helper(21)]
        inner = lambda: super(Leaf, self).describe()
        return " | ".join(map(str, parts + [inner()]))

    def with_cell(self):
        def uses_self():
            return self.n
        return super().describe() + f" cell={uses_self()}"

    def rebound(self):
        self = Base(100)
        try:
            return super().describe()
        except TypeError as e:
            return f"TypeError: {e}"

    def missing(self):
        return super().nothing_here

    def deleted(self):
        del self
        return super().describe()

    def bound(self):
        m = super().describe
        return type(m).__name__, m()


leaf = Leaf(1)
for _ in range(2):
    print(leaf.describe())
    print(Leaf.make(5), leaf.label, leaf.with_cell())
    print(leaf.rebound())
    print(leaf.bound())
for f in (leaf.missing, leaf.deleted):
    try:
        f()
    except Exception as e:
        print(type(e).__name__ + ":", e)

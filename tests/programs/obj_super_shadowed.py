# A module that mentions `super` at module level: CPython 3.13 then compiles no
# super().name specially, and a global `super` defined later is what methods call.


class Base:
    def describe(self):
        return "Base.describe"


class Other(Base):
    def describe(self):
        return "Other/" + super().describe()

    def deleted(self):
        del self
        return super().describe()


print(Other().describe())
try:
    Other().deleted()
except RuntimeError as e:
    print("RuntimeError:", e)
print(super(Other, Other()).__class__, super(Other, Other()).describe())
real_super = super


def super(*args):
    print("custom super called with", len(args), "arguments")
    return real_super(Other, Other())


print(Other().describe())

# super() in zero-argument and two-argument forms.
class Animal:
    def __init__(self, name):
        self.name = name
        print("Animal.__init__", name)
    def speak(self):
        return f"{self.name} makes a sound"
    @classmethod
    def kind(cls):
        return f"kind of {cls.__name__}"

class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
        print("Dog.__init__", breed)
    def speak(self):
        return super().speak() + " (woof)"
    @classmethod
    def kind(cls):
        return "dog " + super().kind()

class Puppy(Dog):
    def __init__(self, name):
        super(Puppy, self).__init__(name, "mutt")
    def speak(self):
        return super(Dog, self).speak() + " [skipped Dog]"

d = Dog("Rex", "lab")
print(d.speak(), Dog.kind())
p = Puppy("Bit")
print(p.speak(), p.breed, Puppy.kind())

class Root:
    def chain(self):
        return ["Root"]
class Left(Root):
    def chain(self):
        return ["Left"] + super().chain()
class Right(Root):
    def chain(self):
        return ["Right"] + super().chain()
class Bottom(Left, Right):
    def chain(self):
        return ["Bottom"] + super().chain()
print(Bottom().chain())
print(super(Left, Bottom()).chain())

class Cooperative:
    def __init__(self, **kw):
        print("Cooperative leftovers", kw)
class WithA(Cooperative):
    def __init__(self, a=None, **kw):
        print("WithA", a)
        super().__init__(**kw)
class WithB(Cooperative):
    def __init__(self, b=None, **kw):
        print("WithB", b)
        super().__init__(**kw)
class Both(WithA, WithB):
    pass
Both(a=1, b=2, c=3)

class Counter:
    instances = 0
    def __new__(cls, *a):
        Counter.instances += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
c1, c2 = Counter(1), Counter(2)
print(Counter.instances, c1.v, c2.v)

class Prop:
    @property
    def value(self):
        return 10
class PropChild(Prop):
    @property
    def value(self):
        return super().value * 2
print(PropChild().value)

class StaticUse(Animal):
    def helper(self):
        return super().speak
sb = StaticUse("Sam")
print(sb.helper()())
try:
    super(Dog, Animal("x")).speak()
except TypeError as e:
    print(type(e).__name__, e)
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
print(super(Bottom, Bottom).chain.__qualname__)

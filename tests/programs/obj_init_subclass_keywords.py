# Class keywords reach the bases' __init_subclass__, found past the class in
# its MRO (as super() finds it); object's refuses keywords.
class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.plugin_name = key or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.__name__, key, sorted(kwargs))


class Csv(Plugin, key="csv"):
    pass


class Plain(Plugin):
    pass


print(sorted(Plugin.registry), Csv.plugin_name, Plain.plugin_name)


class Tagged:
    def __init_subclass__(cls, /, tag, **rest):
        print("Tagged", cls.__name__, tag, rest)
        super().__init_subclass__(**rest)


class Left(Tagged, tag="left"):
    pass


class Mixin:
    def __init_subclass__(cls, **kw):
        print("Mixin", cls.__name__, kw)
        super().__init_subclass__(**kw)


# The MRO of Both is Both, Mixin, Left, Tagged, object: Mixin's runs first.
class Both(Mixin, Left, tag="both"):
    pass


try:
    class Both2(Mixin, Left):
        pass
except TypeError as e:
    print("TypeError:", e)


try:
    class Nope(extra=1):
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    class Nope2(Plugin, key="n", extra=2):
        pass
except TypeError as e:
    print("TypeError:", e)

Made = type("Made", (Plugin,), {}, key="made")
print(Made.plugin_name, Plugin.registry["made"] is Made)


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, kw)
        return super().__new__(mcls, name, bases, ns, **kw)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class WithMeta(Plugin, metaclass=Meta, key="meta"):
    pass


print(WithMeta.plugin_name, type(WithMeta).__name__)


class Static:
    @classmethod
    def __init_subclass__(cls, **kw):
        print("explicit classmethod", cls.__name__, kw)


class S(Static, a=1):
    pass

# Every built-in exception and warning class: its base classes, and that it can be
# raised and caught as its base.
import builtins

names = sorted(n for n in dir(builtins)
               if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
for n in names:
    cls = getattr(builtins, n)
    print(n, [b.__name__ for b in cls.__mro__[1:]])
for cls in (PendingDeprecationWarning, SyntaxWarning, FutureWarning, ImportWarning, UnicodeWarning,
            BytesWarning, ResourceWarning, EncodingWarning, ReferenceError):
    try:
        raise cls("message")
    except (Warning, Exception) as e:
        print(type(e).__name__, e, isinstance(e, Exception))

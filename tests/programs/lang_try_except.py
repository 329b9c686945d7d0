# try/except/else/finally basics.
def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print("caught:", e)
        return None
    else:
        print("else ran")
        return r
    finally:
        print("finally ran")

print(divide(6, 3))
print(divide(1, 0))

def multi(x):
    try:
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            raise KeyError("one")
        if x == 2:
            return [][0]
        if x == 3:
            raise TypeError("three")
        return "fine"
    except (ValueError, KeyError) as e:
        return f"value-or-key: {type(e).__name__} {e}"
    except LookupError as e:
        return f"lookup: {type(e).__name__} {e}"
    except Exception as e:
        return f"other: {e!r}"

for x in range(5):
    print(multi(x))

# variable from except is deleted after the block
try:
    raise RuntimeError("bye")
except RuntimeError as err:
    pass
try:
    err
except NameError as e:
    print(type(e).__name__, e)

# bare except and re-raise
def reraise():
    try:
        {}["missing"]
    except:
        print("bare except saw it")
        raise

try:
    reraise()
except KeyError as e:
    print("outer got", repr(e), e.args)

# nested try
try:
    try:
        int("abc")
    finally:
        print("inner finally")
except ValueError as e:
    print(type(e).__name__, e)

# exception args
e = ValueError("a", 2, None)
print(e.args, str(e), repr(e))
print(str(ValueError()), repr(ValueError()), str(ValueError("only")))
print(repr(KeyError("k")), str(KeyError("k")))

# raising a class instantiates it
try:
    raise IndexError
except IndexError as e:
    print(repr(e), e.args)

# raise non-exception
try:
    raise 42
except TypeError as e:
    print(type(e).__name__, e)

# finally runs on break out of while
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("finally i =", i)

# sys.exc_info-like behaviour via exception in else
try:
    pass
except Exception:
    print("no")
else:
    try:
        raise OSError("from else")
    except OSError as e:
        print("else block raised", e)

# Interaction of return/break/continue with finally.
def ret_in_finally():
    try:
        return "try"
    finally:
        print("finally executes before return")

print(ret_in_finally())

def override():
    try:
        return 1
    finally:
        return 2

print(override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"

print(swallow())

def order_log():
    log = []
    try:
        log.append("try")
        raise KeyError("k")
    except KeyError:
        log.append("except")
        return log
    finally:
        log.append("finally")

print(order_log())

def value_captured():
    x = 10
    try:
        return x
    finally:
        x = 20
        print("x changed to", x)

print(value_captured())

def loop_finally():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out

print(loop_finally())

def nested():
    try:
        try:
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("caught", e)
    finally:
        print("outer finally")
    return "done"

print(nested())

def finally_raises():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")

try:
    finally_raises()
except Exception as e:
    print(type(e).__name__, e, "| context:", type(e.__context__).__name__, e.__context__)

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")

for v in gen_finally():
    print("got", v)
    break
print("after loop")

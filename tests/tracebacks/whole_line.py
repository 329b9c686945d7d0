def fail():
    raise RuntimeError("boom")


def middle():
    fail()
    return 1


def outer():
    result = middle()
    return result


outer()

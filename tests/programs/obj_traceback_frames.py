# Traceback objects' tb_frame and tb_lasti, and code.co_positions: what the
# traceback module and unittest read to walk a traceback.
def inner(values):
    total = 0
    return values[3] + total


def outer():
    return inner([1, 2])


try:
    outer()
except IndexError as e:
    tb = e.__traceback__
    frames = []
    while tb is not None:
        frame = tb.tb_frame
        frames.append((frame.f_code.co_name, tb.tb_lineno, frame.f_globals is globals()))
        last = tb
        tb = tb.tb_next
    print(frames)
    code = last.tb_frame.f_code
    print(last.tb_frame.f_lineno, last.tb_lasti % 2, code.co_name)
    positions = list(code.co_positions())
    print(positions[last.tb_lasti // 2])
    print(all(len(p) == 4 for p in positions), positions[-1][0] is not None)
    print("__name__" in last.tb_frame.f_globals, type(last.tb_frame).__name__)

# tb_next is writable (unittest cuts its own frames off this way), within limits.
try:
    outer()
except IndexError as e:
    tb = e.__traceback__
    print(tb.tb_next is tb.tb_next)
    middle = tb.tb_next
    middle.tb_next = None
    depth, level = 0, tb
    while level:
        depth += 1
        level = level.tb_next
    print(depth)
    for bad in [5, tb]:
        try:
            middle.tb_next = bad
        except (TypeError, ValueError) as err:
            print(type(err).__name__, err)
    try:
        del middle.tb_next
    except TypeError as err:
        print(err)
    # with_traceback and __traceback__ take a chain as it now is.
    again = ValueError("again").with_traceback(tb)
    names, level = [], again.__traceback__
    while level:
        names.append(level.tb_frame.f_code.co_name)
        level = level.tb_next
    print(names)
    e.__traceback__ = None
    print(e.__traceback__)
    try:
        e.__traceback__ = 3
    except TypeError as err:
        print(err)

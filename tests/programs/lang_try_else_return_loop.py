# A `return` in a try statement's else clause leaves the code after it unreachable;
# a loop that follows inside an except handler must still keep its iterator when an
# exception is handled in its body (linecache.updatecache has this shape).


def boom():
    raise OSError


def search(found_early, names):
    try:
        boom()
    except OSError:
        if found_early:
            try:
                data = 1
            except (ImportError, OSError):
                pass
            else:
                return ['early', data]
        for name in names:
            try:
                boom()
                break
            except OSError:
                pass
        else:
            return 'none of ' + ', '.join(names)
    return 'found'


def nested(flag):
    out = []
    try:
        raise KeyError('k')
    except KeyError:
        if flag:
            try:
                pass
            except ValueError:
                pass
            else:
                return out
        for i in range(3):
            try:
                raise ValueError(i)
            except ValueError as e:
                out.append(e.args[0])
    return out


print(search(False, ['a', 'b', 'c']))
print(search(True, ['a']))
print(nested(False))
print(nested(True))

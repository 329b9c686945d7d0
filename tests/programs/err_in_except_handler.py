# An exception raised while handling another one (implicit chaining), uncaught.
def load(cache, key):
    try:
        return cache[key]
    except KeyError:
        print("cache miss for", key)
        return int(key) * 2

cache = {"x": 1}
print(load(cache, "x"))
print(load(cache, "21"))
print(load(cache, "not-a-number"))

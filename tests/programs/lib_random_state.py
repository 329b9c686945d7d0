# random.getstate / setstate (random.py's (3, words, gauss_next), version 2
# states too), pickling and copying a Random, and _random.Random, the generator
# class alone, with its 625-word state and CPython's errors.
import random, _random, pickle, copy
r = random.Random(42)
s = r.getstate()
print(type(s).__name__, len(s), s[0], len(s[1]), s[1][:3], s[1][-1], s[2])
a = [r.random() for _ in range(3)]; g = r.gauss(0, 1)
s2 = r.getstate(); print(s2[2] is not None, s2[1][-1])
r.setstate(s); print([r.random() for _ in range(3)] == a, r.gauss(0, 1) == g)
random.seed(7); st = random.getstate(); x = random.random(); random.setstate(st); print(random.random() == x)
r2 = pickle.loads(pickle.dumps(r)); print(r2.random() == r.random(), type(r2).__name__)
r3 = copy.deepcopy(r); print(r3.random() == r.random())
c = _random.Random(5); cs = c.getstate(); print(type(c), len(cs), cs[-1], c.random(), [n for n in dir(c) if not n.startswith('_')])
c.setstate(cs); print(c.random(), c.getrandbits(40))
class R(_random.Random): pass
print(R(3).random(), random.Random(3).random())
for bad in [(1,), 5, (4, (), None), (3, (1,)*3, None), (3, (0,)*624 + (625,), None), (3, (-1,)*625, None), (3, ('x',)*625, None), (2, (2**33,)*624 + (624,), None)]:
    try: r.setstate(bad); print("ok", bad[0] if isinstance(bad, tuple) else bad)
    except Exception as e: print(type(e).__name__, e)
for bad in [5, (1,)*3, (0,)*624 + (-1,)]:
    try: c.setstate(bad)
    except Exception as e: print(type(e).__name__, e)
try: random.SystemRandom().getstate()
except NotImplementedError as e: print("NotImplementedError", e)
print(sorted(n for n in dir(random) if 'state' in n or n == '__reduce__'))

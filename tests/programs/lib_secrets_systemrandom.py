# random.SystemRandom and secrets: draws from the operating system (checked by
# their ranges and types, since they cannot be seeded), no state, CPython's errors.
import random
import secrets

r = random.SystemRandom()
print(type(r).__name__, type(r).__module__, isinstance(r, random.Random), issubclass(random.SystemRandom, random.Random))
print(r.seed(42), r.seed())
for name in ('getstate', 'setstate'):
    try:
        getattr(r, name)(None) if name == 'setstate' else r.getstate()
    except NotImplementedError as e:
        print(name, 'NotImplementedError', e)
a = [r.random() for _ in range(200)]
print(all(0.0 <= x < 1.0 for x in a), len(set(a)) > 190)
print(all(0 <= r.getrandbits(8) < 256 for _ in range(100)), r.getrandbits(0), r.getrandbits(200).bit_length() <= 200)
print(all(1 <= r.randint(1, 6) <= 6 for _ in range(100)), r.choice('x'), sorted(r.sample(range(10), 10)) == list(range(10)))
print(len(r.randbytes(16)), type(r.randbytes(3)).__name__, 0.0 <= r.uniform(1, 2) <= 2.0)
seq = list(range(20)); r.shuffle(seq); print(sorted(seq) == list(range(20)))
print(isinstance(r.gauss(0, 1), float), 0 <= r._randbelow(10) < 10)
random.seed(7); x = random.random(); random.seed(7); print(x == random.random())
s1 = random.SystemRandom(); s1.seed(1); s2 = random.SystemRandom(1)
print(len({s1.random(), s2.random(), s1.random(), s2.random()}) == 4)
print(len(secrets.token_bytes(8)), len(secrets.token_hex(8)), len(secrets.token_urlsafe(8)) >= 8)
print(all(0 <= secrets.randbelow(5) < 5 for _ in range(50)), secrets.randbits(0), secrets.choice(['only']))
print(secrets.compare_digest('abc', 'abc'), secrets.compare_digest(b'a', b'b'))
for bad in (0, -3):
    try:
        secrets.randbelow(bad)
    except ValueError as e:
        print('ValueError', e)
for call in (lambda: r.getrandbits(-1), lambda: r.choice([]), lambda: r.randrange(0)):
    try:
        call()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

# for/while with else, break, continue.
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found", target, "at", i)
            break
    else:
        print("no", target)

find([4, 5, 6], 5)
find([4, 5, 6], 9)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while True:
    n += 1
    if n == 4:
        break
else:
    print("never printed")
print("broke at", n)

for i in range(10):
    if i % 3 == 0:
        continue
    if i > 7:
        break
    print("i", i, end="; ")
print()

primes = []
for cand in range(2, 40):
    for p in primes:
        if cand % p == 0:
            break
    else:
        primes.append(cand)
print(primes)

# nested break only leaves inner loop
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        print((a, b), end=" ")
print()

# continue in while with else
k = 0
out = []
while k < 6:
    k += 1
    if k % 2:
        continue
    out.append(k)
else:
    out.append("else")
print(out)

# loop variable persists after loop
for last in "xyz":
    pass
print(last)

# modifying loop target doesn't affect iteration
for j in range(3):
    print(j, end=" ")
    j = 100
print()

# iterate over dict
d = {"a": 1, "b": 2}
for key, val in d.items():
    print(key, val)

# empty loop with else
for _ in []:
    print("body")
else:
    print("else of empty for")

# try/finally inside loop with continue/break
for i in range(3):
    try:
        if i == 1:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)

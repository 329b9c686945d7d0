# int / int is correctly rounded from the exact quotient, subnormals and
# signed zeros included.
nums = [1, 2, 3, 7, 10, 2**53 + 1, 2**64 - 1, 10**17 + 3, 3**40, 10**30, 10**22 + 1,
        2**1023, 3**700, 10**308, 10**309, 2**1074, 5**400, 123456789 * 10**25]
for a in nums:
    for b in nums:
        for sa, sb in ((1, 1), (-1, 1), (1, -1)):
            try:
                q = (sa * a) / (sb * b)
                print(repr(q), end=" ")
            except OverflowError as e:
                print("OverflowError:", e, end=" ")
    print()
x = 1
for k in range(0, 300, 7):
    print(k, 1 / 10**k, 7 / 10**k, -(10**k + 1) / 3, 10**k / 3**k)
for k in range(1060, 1080):
    print(k, 1 / 2**k, 3 / 2**k, (2**k - 1) / 2**(2 * k), -1 / 2**k)
print(1 / -(3**700), 0 / -(10**40), -0 / 5, 0 / -5, (2**1024 - 2**971) / 1)
for a, b in [(2**1024, 1), (2**1024 - 2**970, 1), (2**1024 - 2**971, 1), (10**400, 10**90), (1, 0), (10**40, 0)]:
    try:
        print(a / b)
    except (OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
seed = 12345
for i in range(300):
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    a = seed >> (seed % 61)
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    b = (seed >> (seed % 57)) or 1
    print((a * 3**(i % 90)) / (b * 7**(i % 40)), end=" " if i % 6 else "\n")
print()

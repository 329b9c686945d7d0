"""Pidigits: decimal digits of pi with big integers, computed two ways.

The first way is a streaming spigot: the digits come out one by one from a
product of linear fractional transformations, kept as four exact integers
that grow to thousands of digits.  The second is Machin's formula
pi = 16 atan(1/5) - 4 atan(1/239) in fixed point, as sums of big-integer
quotients.  The workload is big-integer multiplication, floor division and
comparison.  Both digit strings must agree; the program prints the first and
last digits and how often each digit occurs.
"""


def spigot_digits(count):
    """Digits of pi from a stream of matrices [[q, r], [0, t]] (Gibbons-style)."""
    q, r, t = 1, 0, 1
    k = 0
    digits = []
    while len(digits) < count:
        k += 1
        # Absorb the next term of the series: multiply by [[k, 4k+2], [0, 2k+1]].
        odd = 2 * k + 1
        q, r, t = q * k, (2 * q + r) * odd, t * odd
        low = (3 * q + r) // t
        high = (4 * q + r) // t
        if low != high:
            continue
        digits.append(low)
        # Emit the digit: subtract it and shift one decimal place.
        q, r = q * 10, (r - low * t) * 10
    return "".join(map(str, digits))


def atan_inverse(x, unity):
    """atan(1/x) scaled by unity, by its alternating power series."""
    x_squared = x * x
    power = unity // x
    total = power
    n = 1
    sign = -1
    while power:
        power //= x_squared
        n += 2
        total += sign * (power // n)
        sign = -sign
    return total


def machin_digits(count):
    guard = 10
    unity = 10 ** (count + guard)
    pi = 4 * (4 * atan_inverse(5, unity) - atan_inverse(239, unity))
    return str(pi // 10 ** guard)[:count]


DIGITS = 3500
MACHIN_ROUNDS = 60


def main():
    spigot = spigot_digits(DIGITS)
    machin = ""
    for _ in range(MACHIN_ROUNDS):
        machin = machin_digits(DIGITS)
    if spigot != machin:
        raise AssertionError("the two methods disagree")
    counts = [spigot.count(str(d)) for d in range(10)]
    print("pidigits: %d digits" % DIGITS)
    print("first:", spigot[0] + "." + spigot[1:41])
    print("last: ", spigot[-40:])
    print("digit counts:", counts)


if __name__ == "__main__":
    main()

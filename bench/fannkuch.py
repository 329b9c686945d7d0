"""Fannkuch: count pancake flips over every permutation of 1..n.

For each permutation (generated in the classic rotation order) the prefix
given by the first element is reversed repeatedly until a 1 reaches the
front.  The program tracks the maximum number of flips and an alternating
checksum of flip counts.  Heavy on list slicing, slice assignment and
integer loops.
"""


def fannkuch(n):
    perm_base = list(range(n))
    counts = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    rotation_end = n
    while True:
        # Reset the counters for the elements that just rotated.
        while rotation_end > 1:
            counts[rotation_end - 1] = rotation_end
            rotation_end -= 1

        first = perm_base[0]
        if first:
            perm = perm_base[:]
            flips = 0
            k = first
            while k:
                perm[: k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if sign > 0 else -flips
        sign = -sign

        # Advance to the next permutation by rotating prefixes.
        while True:
            if rotation_end == n:
                return checksum, max_flips
            head = perm_base[0]
            i = 0
            while i < rotation_end:
                perm_base[i] = perm_base[i + 1]
                i += 1
            perm_base[rotation_end] = head
            counts[rotation_end] -= 1
            if counts[rotation_end] > 0:
                break
            rotation_end += 1


SIZE = 9
REPEAT = 2


def main():
    results = [fannkuch(SIZE) for _ in range(REPEAT)]
    assert all(r == results[0] for r in results), "runs disagree"
    checksum, flips = results[0]
    print(f"fannkuch({SIZE}) x{REPEAT}: checksum={checksum} max flips={flips}")


if __name__ == "__main__":
    main()

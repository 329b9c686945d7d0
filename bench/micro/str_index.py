"""Indexing and slicing a non-ASCII str by code point, the loop
`for i in range(len(s)): s[i]` that is quadratic when each index scans from the
start.

    tripwire run bench/micro/str_index.py
Prints a checksum; time it (or count its instructions) before and after.
"""

TEXT = "héllo wörld, ünïcode ☃ " * 2000  # 46,000 code points, not ASCII


def index_all(s):
    total = 0
    for i in range(len(s)):
        total += ord(s[i])
    return total


def slice_windows(s):
    total = 0
    for i in range(0, len(s) - 50, 7):
        total += len(s[i:i + 50]) + ord(s[-i - 1])
    return total


checksum = 0
for _ in range(5):
    checksum += index_all(TEXT) + slice_windows(TEXT)
print(checksum)

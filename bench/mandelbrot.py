"""Mandelbrot: escape times over a grid of the complex plane.

Every point of a WIDTH x HEIGHT grid is iterated with z -> z*z + c, written
out in real and imaginary float parts, until |z| exceeds 2 or the iteration
limit is reached.  The workload is a tight float loop with an early exit,
called once per point.  It prints how many points stayed inside, a checksum
of the escape times, a histogram of them and a small rendering of the set.
"""

X_MIN, X_MAX = -2.1, 0.7
Y_MIN, Y_MAX = -1.2, 1.2


def escape_time(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    for n in range(limit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return n
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return limit


def grid(width, height, limit):
    dx = (X_MAX - X_MIN) / width
    dy = (Y_MAX - Y_MIN) / height
    rows = []
    for y in range(height):
        ci = Y_MIN + (y + 0.5) * dy
        rows.append([escape_time(X_MIN + (x + 0.5) * dx, ci, limit)
                     for x in range(width)])
    return rows


def histogram(rows, limit, buckets):
    counts = [0] * buckets
    for row in rows:
        for n in row:
            counts[n * buckets // (limit + 1)] += 1
    return counts


def thumbnail(rows, limit, step_x, step_y):
    shades = " .:-=+*#%@"
    lines = []
    for row in rows[step_y // 2::step_y]:
        cells = row[step_x // 2::step_x]
        lines.append("".join(shades[n * (len(shades) - 1) // limit] for n in cells))
    return lines


WIDTH = 640
HEIGHT = 400
LIMIT = 150


def main():
    rows = grid(WIDTH, HEIGHT, LIMIT)
    inside = sum(row.count(LIMIT) for row in rows)
    checksum = 0
    for y, row in enumerate(rows):
        for x, n in enumerate(row):
            checksum = (checksum * 31 + n * (x + 1) + y) % 1000000007
    print("mandelbrot: %dx%d, limit %d" % (WIDTH, HEIGHT, LIMIT))
    print(f"inside={inside} checksum={checksum}")
    print("histogram:", histogram(rows, LIMIT, 8))
    for line in thumbnail(rows, LIMIT, 16, 40):
        print("|" + line + "|")


if __name__ == "__main__":
    main()

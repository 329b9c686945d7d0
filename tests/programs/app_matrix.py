# A Matrix class with operator overloading, determinant, transpose and inverse.
class MatrixError(ValueError):
    pass

class Matrix:
    def __init__(self, rows):
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise MatrixError("rows must be non-empty and of equal length")
        self.rows = [list(r) for r in rows]
        self.n, self.m = len(rows), len(rows[0])

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return (self.n, self.m)

    def __repr__(self):
        return f"Matrix({self.rows})"

    def __str__(self):
        cells = [[f"{v:g}" if isinstance(v, float) else str(v) for v in row] for row in self.rows]
        width = max(len(c) for row in cells for c in row)
        return "\n".join("[" + " ".join(c.rjust(width) for c in row) + "]" for row in cells)

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def _elementwise(self, other, op):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.shape != other.shape:
            raise MatrixError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])

    def __add__(self, other):
        return self._elementwise(other, lambda a, b: a + b)

    def __sub__(self, other):
        return self._elementwise(other, lambda a, b: a - b)

    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Matrix([[v * k for v in row] for row in self.rows])
        return NotImplemented

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __matmul__(self, other):
        if self.m != other.n:
            raise MatrixError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def transpose(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def det(self):
        if self.n != self.m:
            raise MatrixError("determinant needs a square matrix")
        if self.n == 1:
            return self.rows[0][0]
        total = 0
        for j in range(self.m):
            minor = Matrix([row[:j] + row[j + 1:] for row in self.rows[1:]]) if self.n > 1 else None
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total

    def inverse(self):
        d = self.det()
        if d == 0:
            raise MatrixError("matrix is singular")
        n = self.n
        aug = [row[:] + [1.0 if i == j else 0.0 for j in range(n)] for i, row in enumerate(self.rows)]
        for col in range(n):
            pivot = max(range(col, n), key=lambda r: abs(aug[r][col]))
            aug[col], aug[pivot] = aug[pivot], aug[col]
            p = aug[col][col]
            aug[col] = [v / p for v in aug[col]]
            for r in range(n):
                if r != col:
                    f = aug[r][col]
                    aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
        return Matrix([[round(v, 10) + 0.0 for v in row[n:]] for row in aug])

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a)
print(repr(a + b), repr(a - b), repr(2 * a), repr(a * 0.5), repr(-a))
print(a @ b)
print(a @ Matrix.identity(2) == a, a.transpose(), sep="\n")
print(a.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 2]]).det(), Matrix([[5]]).det())
fib = Matrix([[1, 1], [1, 0]]) ** 50
print(fib[0, 1], (Matrix([[1, 1], [1, 0]]) ** 0).rows)
inv = a.inverse()
print(inv)
print(repr(a @ inv))
m3 = Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 2]])
print(m3.inverse())
c = Matrix([[1, 2, 3]])
print(c.shape, c.transpose().shape, (c @ c.transpose()).rows, (c.transpose() @ c).rows)
c[0, 1] = 20
print(c[0, 1], c)
for bad in [lambda: a + c, lambda: c @ c, lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: c.det(),
            lambda: Matrix([[1], [2, 3]]), lambda: a + 1, lambda: Matrix([])]:
    try:
        bad()
    except (MatrixError, TypeError) as e:
        print(type(e).__name__, e)

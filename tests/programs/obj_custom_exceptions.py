# Custom exception classes and handling patterns.
class AppError(Exception):
    """Base for application errors."""

class ValidationError(AppError):
    def __init__(self, field, problem):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem

class NotFoundError(AppError, LookupError):
    pass

class RetryableError(AppError):
    def __init__(self, attempts):
        self.attempts = attempts
        super().__init__(attempts)
    def __str__(self):
        return f"failed after {self.attempts} attempts"

def validate(user):
    if "name" not in user:
        raise ValidationError("name", "missing")
    if not user["name"].isalpha():
        raise ValidationError("name", f"bad characters in {user['name']!r}")
    if user.get("age", 0) < 0:
        raise ValidationError("age", "negative")
    return True

for u in [{"name": "ann"}, {}, {"name": "b0b"}, {"name": "cy", "age": -1}]:
    try:
        print(validate(u))
    except ValidationError as e:
        print("invalid:", e, "| field =", e.field, "| args =", e.args)

def lookup(db, key):
    try:
        return db[key]
    except KeyError:
        raise NotFoundError(f"no record {key!r}") from None

db = {"a": 1}
for key in ["a", "b"]:
    try:
        print(lookup(db, key))
    except LookupError as e:
        print(type(e).__name__, e, isinstance(e, AppError), e.__cause__, e.__suppress_context__)

def flaky(n):
    attempts = 0
    while True:
        attempts += 1
        if attempts > n:
            raise RetryableError(attempts - 1)
err = None
try:
    flaky(3)
except AppError as e:
    err = e
print(err, repr(err), err.attempts)
print([c.__name__ for c in NotFoundError.__mro__])
print(AppError.__doc__, issubclass(ValidationError, Exception))

class WithDefaults(Exception):
    def __init__(self, msg="default message", code=500):
        super().__init__(msg, code)
        self.code = code
try:
    raise WithDefaults
except WithDefaults as e:
    print(e, e.code, e.args)
try:
    raise WithDefaults("custom", code=404)
except Exception as e:
    print(e, e.code)

class Collector:
    def __init__(self):
        self.errors = []
    def run(self, fn, *args):
        try:
            return fn(*args)
        except Exception as e:
            self.errors.append(f"{fn.__name__}: {type(e).__name__}: {e}")
col = Collector()
col.run(int, "12x")
col.run(divmod, 1, 0)
col.run(validate, {})
col.run(sorted, [1, "a"])
print(*col.errors, sep="\n")
class NoInitCall(Exception):
    def __init__(self, x):
        self.x = x
nic = NoInitCall(5)
print(nic.args, str(nic), repr(nic))

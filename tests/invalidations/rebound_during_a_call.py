# A global the compiled loop reads is rebound by Python code that a built-in it
# calls runs (max calling __gt__), in the middle of the loop.
K = 1
class Evil:
    def __gt__(self, other):
        global K
        K = 100
        return False
    __lt__ = __gt__
def f(n):
    t = 0
    e = Evil()
    for i in range(n):
        t += K
        if i == n // 2:
            max(e, e)
    return t
print(f(5000))

# Nested loops as the optimizer compiles them: for over ranges, lists and tuples,
# nested while loops, empty inner loops, break and for-else.
def mat(n):
    a = [[i * j % 7 for j in range(n)] for i in range(n)]
    t = 0
    for i in range(n):
        row = a[i]
        for j in range(n):
            t += row[j] * (i - j)
    return t
print(mat(120))
def nested_while(n):
    t = 0
    i = 0
    while i < n:
        j = 0
        while j < i:
            t += j
            j += 1
        i += 1
    return t
print(nested_while(300))
def empty_inner(n):
    t = 0
    for i in range(n):
        for j in []:
            t += 1
        for k in range(i % 3):
            t += k
    return t
print(empty_inner(3000))
def inner_break(n):
    t = 0
    for i in range(n):
        for j in range(i):
            if j > 5:
                break
            t += j
        else:
            t -= 1
    return t
print(inner_break(2000))
def over_tuple(n):
    t = 0
    for i in range(n):
        for v in (1, 2, 3):
            t += v * i
    return t
print(over_tuple(2000))

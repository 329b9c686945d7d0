# A list, set or dict comprehension that awaits, inside a coroutine: its value is
# the built container, awaited where it is used (driven by hand, no event loop).
class Ready:
    def __init__(self, value):
        self.value = value

    def __await__(self):
        yield f"waiting for {self.value}"
        return self.value


async def squares(n):
    values = [await Ready(i) * await Ready(i) for i in range(n)]
    unique = {await Ready(v % 3) for v in values}
    keyed = {i: await Ready(i + 10) for i in range(2)}
    nested = [[await Ready(j) for j in range(i)] for i in range(3)]
    return values, unique, keyed, nested


coro = squares(3)
yielded = []
try:
    while True:
        yielded.append(coro.send(None))
except StopIteration as stop:
    print(stop.value)
print(len(yielded), yielded[:3])

# select: select(), poll and epoll objects on socket pairs, their errors, and
# selectors.DefaultSelector (epoll on Linux).
import select
import selectors
import socket

a, b = socket.socketpair()
print(select.select([a, b], [], [], 0))
r, w, x = select.select([a, b.fileno()], [a], [], 1.0)
print(r, w == [a], x)
b.send(b"!")
r, w, x = select.select([a, b], [], [], None)
print(r == [a], w, x)
print(a.recv(10))
for bad in ([-1], ["x"]):
    try:
        select.select(bad, [], [], 0)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    select.select([], [], [], "1")
except TypeError as e:
    print(type(e).__name__, e)
print(select.select([], [], [], 0.01))

p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLOUT)
print(p.poll(0) == [(b.fileno(), select.POLLOUT)])
b.send(b"?")
print(sorted(p.poll(100)) == sorted([(a.fileno(), select.POLLIN), (b.fileno(), select.POLLOUT)]))
p.modify(b, select.POLLIN)
print(p.poll(0) == [(a.fileno(), select.POLLIN)])
p.unregister(a)
print(p.poll(0))
try:
    p.unregister(a)
except KeyError as e:
    print("KeyError", e.args[0] == a.fileno())
try:
    p.modify(a, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)
a.recv(10)

with select.epoll() as ep:
    print(ep.closed, ep.fileno() >= 0)
    ep.register(a.fileno(), select.EPOLLIN)
    ep.register(b, select.EPOLLIN | select.EPOLLOUT)
    print(ep.poll(0) == [(b.fileno(), select.EPOLLOUT)])
    b.send(b"data")
    print(sorted(ep.poll(1)) == sorted([(a.fileno(), select.EPOLLIN), (b.fileno(), select.EPOLLOUT)]))
    print(len(ep.poll(1, 1)))
    ep.modify(b, select.EPOLLIN)
    print(ep.poll(0.01) == [(a.fileno(), select.EPOLLIN)])
    ep.unregister(a)
    print(ep.poll(0))
    try:
        ep.register(a.fileno(), select.EPOLLIN)
        ep.register(a.fileno(), select.EPOLLIN)
    except FileExistsError as e:
        print(type(e).__name__, e)
    try:
        ep.poll(0, 0)
    except ValueError as e:
        print(e)
print(ep.closed)
try:
    ep.poll()
except ValueError as e:
    print(e)
print(hex(select.EPOLLET), select.EPOLLIN, select.POLLIN, select.POLLOUT)

sel = selectors.DefaultSelector()
print(type(sel).__name__)
sel.register(a, selectors.EVENT_READ, "reader a")
sel.register(b, selectors.EVENT_WRITE, "writer b")
events = sel.select(0)
print(sorted((k.data, ev) for k, ev in events))
print(a.recv(10))
events = sel.select(0)
print(sorted((k.data, ev) for k, ev in events))
sel.unregister(b)
print(sel.select(0.01))
print(sorted(k.data for k in sel.get_map().values()))
sel.close()
a.close()
b.close()

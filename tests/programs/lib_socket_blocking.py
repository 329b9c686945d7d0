# Blocking sockets on 127.0.0.1 with threads: socketpair, create_server /
# create_connection, accept in a thread, makefile, and a blocking recv, accept
# and select that wait while another thread runs (the wait goes through the
# scheduler, so the thread that will answer gets to run).
import select
import socket
import threading
import time

a, b = socket.socketpair()
print(a.family, a.type, a.proto, b.family == socket.AF_UNIX)
print(a.gettimeout(), a.getblocking())
a.sendall(b"ping")
print(b.recv(10))
print(a.getsockname(), b.getpeername())


def answer_later():
    time.sleep(0.05)
    b.sendall(b"late answer")


t = threading.Thread(target=answer_later)
t.start()
print(a.recv(100))
t.join()
t = threading.Thread(target=answer_later)
t.start()
print(select.select([a], [], [], 5)[0] == [a], a.recv(100))
t.join()
a.close()
b.close()

srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(srv.gettimeout(), srv.getblocking(), srv.type)
served = []


def serve():
    conn, addr = srv.accept()
    with conn:
        served.append(addr[0])
        while data := conn.recv(1024):
            conn.sendall(data[::-1])


t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port), timeout=5) as c:
    print(c.gettimeout(), c.getblocking())
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    c.sendall(b"abcdef")
    print(c.recv(100))
    print(c.getpeername() == (host, port))
    with c.makefile("rwb") as f:
        f.write(b"line\n")
        f.flush()
        print(f.read(5))
    c.shutdown(socket.SHUT_WR)
    print(c.recv(10))
t.join()
print(served)

big = bytes(range(256)) * 4000
t = threading.Thread(target=serve)
t.start()
with socket.create_connection(("127.0.0.1", port)) as c:
    c.sendall(big)
    c.shutdown(socket.SHUT_WR)
    got = bytearray()
    while chunk := c.recv(65536):
        got += chunk
    print(len(got), sorted(got) == sorted(big))
t.join()
srv.close()
print(srv)

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u1, \
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u2:
    u1.bind(("127.0.0.1", 0))
    u2.sendto(b"datagram", u1.getsockname())
    data, sender = u1.recvfrom(100)
    print(data, sender[1] == u2.getsockname()[1])
    buf = bytearray(10)
    u1.sendto(b"back", sender)
    print(u2.recv_into(buf), buf)

fd_sock = socket.socket()
dup = socket.socket(fileno=socket.dup(fd_sock.fileno()))
print(dup.family, dup.type, dup.fileno() != fd_sock.fileno())
dup.close()
detached = fd_sock.detach()
print(fd_sock.fileno(), socket.socket(fileno=detached).family)

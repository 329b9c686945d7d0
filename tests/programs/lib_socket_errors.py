# socket's errors as CPython words them: refused connections, timeouts,
# would-block, bad addresses and arguments, closed sockets, resolver errors.
import errno
import socket


def attempt(what, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(what, "->", type(e).__name__, e)
    else:
        print(what, "->", r)


closed_port = socket.socket()
closed_port.bind(("127.0.0.1", 0))
port = closed_port.getsockname()[1]
closed_port.close()
attempt("connect to a closed port", socket.create_connection, ("127.0.0.1", port))
s = socket.socket()
print("connect_ex:", errno.errorcode[s.connect_ex(("127.0.0.1", port))])
s.close()

s = socket.socket()
for address in ["x", ("localhost",), (1, 80), ("127.0.0.1", "80"),
                ("127.0.0.1", 70000), ("127.0.0.1", -1), ("127.0.0.1", 80, 1)]:
    attempt(f"connect({address!r})", s.connect, address)
attempt("bind bad host", s.bind, ("256.1.2.3", 0))
s.close()
s6 = socket.socket(socket.AF_INET6)
attempt("AF_INET6 str", s6.connect, "x")
attempt("AF_INET6 1-tuple", s6.connect, ("::1",))
s6.close()
attempt("bad family", socket.socket, 12345)

s = socket.socket()
s.setblocking(False)
attempt("recv unconnected", s.recv, 10)
attempt("accept unlistened", s.accept)
s.settimeout(0.02)
s.bind(("127.0.0.1", 0))
s.listen()
try:
    s.accept()
except socket.timeout as e:
    print("timeout:", type(e).__name__, e, e.errno, isinstance(e, OSError))
s.setblocking(False)
try:
    s.accept()
except BlockingIOError as e:
    print("would block:", e.errno == errno.EAGAIN)
attempt("settimeout(-1)", s.settimeout, -1)
attempt("settimeout('x')", s.settimeout, "x")
attempt("recv(-1)", s.recv, -1)
attempt("send(str)", s.send, "x")
attempt("setsockopt(str)", s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, "x")
attempt("getpeername", s.getpeername)
attempt("getsockopt buflen 0", s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 0)
attempt("getsockopt buflen 4", s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 4)
attempt("getsockopt buflen -1", s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, -1)
attempt("getsockopt buflen 2000", s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 2000)
s.close()
print(s.fileno(), s)
attempt("closed recv", s.recv, 1)
attempt("closed getsockname", s.getsockname)

attempt("numeric host only", socket.getaddrinfo, "not a host", 80, 0, 0, 0, socket.AI_NUMERICHOST)
attempt("bad port", socket.getaddrinfo, "127.0.0.1", [80])
try:
    socket.getaddrinfo("not a host", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(e.errno == socket.EAI_NONAME, e.strerror)
print(socket.error is OSError, socket.timeout is TimeoutError)
print(socket.gaierror.__mro__[1:3], socket.herror.__module__)
attempt("inet_aton", socket.inet_aton, "1.2.3")
attempt("inet_aton bad", socket.inet_aton, "1.2.3.4.5")
attempt("inet_pton bad", socket.inet_pton, socket.AF_INET, "1.2.3")
attempt("inet_ntop bad", socket.inet_ntop, socket.AF_INET, b"123")
attempt("inet_ntoa bad", socket.inet_ntoa, b"12345")
attempt("htons big", socket.htons, 70000)
print(socket.getaddrinfo("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, 0, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo("::1", 8080, socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.htons(1), socket.ntohl(1), socket.AF_INET, repr(socket.SOCK_STREAM))

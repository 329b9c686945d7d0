# termios on a pseudo-terminal from os.openpty: attributes as CPython's lists,
# tty's raw mode, window sizes, constants, and termios.error on a pipe.
import getpass
import os
import pty
import termios
import tty

m, s = os.openpty()
a = termios.tcgetattr(s)
print(len(a), [type(x).__name__ for x in a], len(a[6]), a[6][:3], type(a[6][termios.VMIN]))
tty.setraw(s)
b = termios.tcgetattr(s)
print(b[3] & termios.ECHO, b[3] & termios.ICANON, b[6][termios.VMIN], b[6][termios.VTIME])
b[6][termios.VMIN] = 2
termios.tcsetattr(s, termios.TCSANOW, b)
print(termios.tcgetattr(s)[6][termios.VMIN])
print(termios.tcgetwinsize(s)); termios.tcsetwinsize(s, (30, 100)); print(termios.tcgetwinsize(s))
print(issubclass(termios.error, Exception), termios.error.__module__, termios.error.__mro__)
r, w = os.pipe()
tests = [lambda: termios.tcgetattr(r), lambda: termios.tcgetattr(-1), lambda: termios.tcgetattr('x'), lambda: termios.tcsetattr(s, 0, [1]),
  lambda: termios.tcsetattr(s, 0, a[:6] + [[b'a']]), lambda: termios.tcsetattr(s, 0, 5), lambda: termios.tcsetattr(s, 0, a[:6]+[[b'ab']*32]), lambda: termios.tcsetattr(s, 0, a[:6]+[[1.5]*32]),
  lambda: termios.tcsetattr(s, 99, a), lambda: termios.tcsetattr(s, 0, ['x']+a[1:]), lambda: termios.tcgetattr(), lambda: termios.tcdrain(r), lambda: termios.tcflush(s, termios.TCIFLUSH), lambda: termios.tcflow(s, termios.TCOON), lambda: termios.tcsendbreak(s, 0),
  lambda: termios.tcgetwinsize(r), lambda: termios.tcsetwinsize(s, (1,)), lambda: termios.tcsetwinsize(s, 5), lambda: termios.tcflush(s, 99)]
for t in tests:
    try: print(t())
    except Exception as e: print(type(e).__name__, e.args)
print(termios.TCSANOW, termios.TCSAFLUSH, termios.B38400, termios.NCCS, termios.ECHO)
print(len([n for n in dir(termios) if n.isupper()]))
print(os.get_inheritable(m), os.get_inheritable(s), os.isatty(s), os.isatty(r))
print(pty.STDIN_FILENO, tty.error is termios.error, callable(getpass.getpass))
for fd in (m, s, r, w):
    os.close(fd)

# CPython's signal module over tripwire's _signal: the Signals enum, handlers run in
# the main thread between instructions (raise_signal, alarm), getsignal, SIG_IGN,
# KeyboardInterrupt from SIGINT's default handler, and the errors.
import signal
import time

print(signal.SIGINT, repr(signal.SIGTERM), signal.Signals(10).name, signal.NSIG)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1), signal.Handlers.SIG_IGN)
received = []


def handler(signum, frame):
    received.append((signal.Signals(signum).name, frame is not None))


old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(received)

signal.signal(signal.SIGUSR2, signal.SIG_IGN)
signal.raise_signal(signal.SIGUSR2)
print("ignored", signal.getsignal(signal.SIGUSR2))

signal.signal(signal.SIGALRM, handler)
signal.alarm(1)
deadline = time.monotonic() + 10
while not any(name == "SIGALRM" for name, _ in received) and time.monotonic() < deadline:
    time.sleep(0.01)
print(received[-1])

try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")


def failing(signum, frame):
    raise RuntimeError(f"from handler {signum}")


signal.signal(signal.SIGUSR1, failing)
try:
    signal.raise_signal(signal.SIGUSR1)
except RuntimeError as e:
    print("RuntimeError:", e)
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is failing)
print(signal.strsignal(signal.SIGTERM), signal.SIGKILL in signal.valid_signals())
for bad in [lambda: signal.signal(signal.SIGUSR1, 5), lambda: signal.signal(0, signal.SIG_DFL),
            lambda: signal.getsignal(1000), lambda: signal.signal(signal.SIGKILL, handler)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)

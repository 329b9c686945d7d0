# Signals and the event loop: loop.add_signal_handler (signal.set_wakeup_fd on
# the loop's self-pipe), remove_signal_handler, set_wakeup_fd's checks and the
# byte it writes, siginterrupt, and inspect's view of coroutine functions.
import asyncio
import functools
import inspect
import signal
import socket


async def main():
    loop = asyncio.get_running_loop()
    got = loop.create_future()
    loop.add_signal_handler(signal.SIGUSR1, lambda: got.set_result("SIGUSR1 handled"))
    loop.call_later(0.01, signal.raise_signal, signal.SIGUSR1)
    print(await asyncio.wait_for(got, 5))
    print(loop.remove_signal_handler(signal.SIGUSR1),
          loop.remove_signal_handler(signal.SIGUSR2))
    print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
    try:
        loop.add_signal_handler(signal.SIGUSR1, main)
    except TypeError as e:
        print(type(e).__name__, e)


asyncio.run(main())

a, b = socket.socketpair()
for args in [(a.fileno(),), (-1,), (999,), ("x",)]:
    try:
        print(signal.set_wakeup_fd(*args))
    except Exception as e:
        print(type(e).__name__, str(e).replace(str(a.fileno()), "FD"))
a.setblocking(False)
print(signal.set_wakeup_fd(a.fileno()), signal.set_wakeup_fd(-1) == a.fileno())
signal.set_wakeup_fd(a.fileno(), warn_on_full_buffer=False)
signal.signal(signal.SIGUSR2, lambda *args: print("python handler ran"))
signal.raise_signal(signal.SIGUSR2)
print(b.recv(10) == bytes([signal.SIGUSR2]))
print(signal.set_wakeup_fd(-1) == a.fileno())
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
try:
    signal.siginterrupt(0, False)
except ValueError as e:
    print(type(e).__name__, e)


async def coro_function():
    pass


print(inspect.iscoroutinefunction(coro_function), asyncio.iscoroutinefunction(main),
      inspect.iscoroutinefunction(functools.partial(coro_function)),
      inspect.iscoroutinefunction(print), inspect.isgeneratorfunction(coro_function))

# An exception in a thread goes to threading.excepthook; the program goes on.
import threading

caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


def fail():
    raise ValueError("in thread")


threading.excepthook = hook
t = threading.Thread(target=fail, name="failing")
t.start()
t.join()
print(caught, t.is_alive())

threading.excepthook = threading.__excepthook__
t = threading.Thread(target=fail, name="default-hook")
t.start()
t.join()
print("main continues")


def exits():
    raise SystemExit(3)


t = threading.Thread(target=exits)
t.start()
t.join()
print("SystemExit in a thread ends only the thread")
raise KeyError("main fails after the threads")

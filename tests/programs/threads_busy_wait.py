# A thread that busy-waits in a `while` loop on a flag another thread sets: the
# loop's test jumps back to its body, and that jump must give the other thread
# its turn.
import sys
import threading

sys.setswitchinterval(1e-5)
done = False


def body():
    global done
    total = 0
    for i in range(1000):
        total += i
    done = True


t = threading.Thread(target=body)
t.start()
while not done:
    pass
t.join()
print("while not done: ended")

flag = [False]


def setter():
    flag[0] = True


t = threading.Thread(target=setter)
t.start()
n = 0
while not flag[0]:
    n += 1
t.join()
print("while with a body: ended")

# A compared test (`while x < n`) and an identity test (`while x is None`) at the
# loop's end are fused with their jump back; the jump must still give the turn.
count = 0


def counter():
    global count
    for i in range(100000):
        pass
    count = 5


t = threading.Thread(target=counter)
t.start()
spins = 0
while count < 5:
    spins += 1
t.join()
print("while count < 5: ended")

box = None


def filler():
    global box
    for i in range(100000):
        pass
    box = "filled"


t = threading.Thread(target=filler)
t.start()
while box is None:
    spins += 1
t.join()
print("while box is None:", box)

"""What watching costs a program that changes nothing: stores into a dict no
watcher watches, in a loop the optimizer compiles (its store leaves the unit, and
the interpreter makes it). Compare instruction counts or whole runs:

    tripwire run --no-opt bench/micro/dict_store.py
    tripwire run --opt bench/micro/dict_store.py
"""


def main():
    d = {}
    keys = [str(i) for i in range(1000)]
    for r in range(300):
        for k in keys:
            d[k] = r
    print(len(d), d["7"])


main()

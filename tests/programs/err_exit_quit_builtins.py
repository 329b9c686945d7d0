# exit and quit, which CPython's site module puts in builtins: their repr says
# how to leave, and a call raises SystemExit with the code given.
import builtins

print(repr(exit))
print(quit)
print(type(exit).__name__, type(exit).__module__, type(quit) is type(exit))
print(builtins.exit is exit, callable(quit))
for call in (lambda: quit(), lambda: exit(3), lambda: quit("bye"),
             lambda: exit(code=4), lambda: exit(1, 2), lambda: exit(x=1),
             lambda: exit(1, code=2)):
    try:
        call()
    except SystemExit as e:
        print("SystemExit", repr(e.code), e.args)
    except TypeError as e:
        print("TypeError", e)
print("leaving")
exit(5)
print("not reached")

# __name__ and the main guard.
print("module name:", __name__)

def main():
    print("main() called")
    return 0

def helper_fn():
    return __name__

if __name__ == "__main__":
    print("running as script")
    rc = main()
    print("rc", rc, helper_fn())
else:
    print("imported")

print(main.__module__)
class K:
    pass
print(K.__module__, K.__qualname__)
import sys
print(sys.modules["__main__"].main is main)

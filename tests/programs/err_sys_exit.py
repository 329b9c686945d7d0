# sys.exit with a status code: no traceback; the last stderr line is our own message.
import sys

def main():
    print("doing work")
    print("failure detected", file=sys.stderr)
    return 3

if __name__ == "__main__":
    try:
        sys.exit(main())
    finally:
        print("finally still runs")

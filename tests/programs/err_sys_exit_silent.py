# sys.exit(3) with nothing written to stderr: status 3, empty last stderr line.
import sys
print("exiting with status 3")
sys.exit(3)
print("unreachable")

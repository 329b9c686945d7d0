import sys

print(sys.maxsize > 0)
sys.exitt(1)

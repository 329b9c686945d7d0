from sys import getrecursionlimit, setrecursionlimt

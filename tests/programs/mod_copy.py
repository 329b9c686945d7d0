# copy.copy and copy.deepcopy.
import copy
orig = {"nums": [1, 2, [3, 4]], "meta": {"tag": "x"}, "n": 5}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["nums"][2].append(99)
orig["meta"]["tag"] = "changed"
orig["n"] = 6
print(orig)
print(shallow)
print(deep)
print(shallow["nums"] is orig["nums"], deep["nums"] is orig["nums"], deep["nums"][2] is orig["nums"][2])
lst = [[1], [2]]
c1 = copy.copy(lst)
c2 = lst[:]
c3 = list(lst)
c4 = copy.deepcopy(lst)
lst[0].append("x")
print(c1, c2, c3, c4)
class Node:
    def __init__(self, value, children=None):
        self.value = value
        self.children = children or []
    def __repr__(self):
        return f"Node({self.value}, {self.children})"
tree = Node(1, [Node(2), Node(3, [Node(4)])])
t_shallow = copy.copy(tree)
t_deep = copy.deepcopy(tree)
tree.children[1].value = 30
tree.value = 10
print(tree)
print(t_shallow)
print(t_deep)
print(t_shallow.children is tree.children, t_deep.children is tree.children)
shared = [0]
container = [shared, shared]
dc = copy.deepcopy(container)
print(dc[0] is dc[1], dc[0] is shared)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc, cc[1] is cc, cc is cyc)
t = (1, 2, (3,))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
tm = (1, [2])
tmd = copy.deepcopy(tm)
print(tmd == tm, tmd is tm, tmd[1] is tm[1])
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.copy(5), copy.deepcopy("text"))
class WithSlots:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = [1]
        self.b = "b"
ws = WithSlots()
wd = copy.deepcopy(ws)
ws.a.append(2)
print(wd.a, wd.b, ws.a)
d = {"k": [1]}
dd = copy.deepcopy(d)
dd["k"].append(2)
print(d, dd)

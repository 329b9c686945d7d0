# Python code called from a container operation (__index__, __eq__, __hash__,
# __lt__, a generator) changes the container: CPython's answers, never a crash.
import sys
from array import array
from collections import deque

def attempt(name, f):
    try:
        r = f()
        print(name, "->", repr(r))
    except Exception as e:
        print(name, "!", type(e).__name__, e)

class ClearIdx:
    def __init__(self, l, v): self.l = l; self.v = v
    def __index__(self):
        self.l.clear() if hasattr(self.l, 'clear') else self.l.__delitem__(slice(None))
        return self.v

def adel(a):
    del a[:]

class ArrIdx:
    def __init__(self, a, v): self.a = a; self.v = v
    def __index__(self):
        del self.a[:]; return self.v

def t_a_get():
    a = array('i', [1, 2, 3]); return a[ArrIdx(a, 1)]
def t_a_set():
    a = array('i', [1, 2, 3]); a[ArrIdx(a, 1)] = 5; return a
def t_a_set_val():
    a = array('i', [1, 2, 3]); a[1] = ArrIdx(a, 5); return a
def t_a_del():
    a = array('i', [1, 2, 3]); del a[ArrIdx(a, 1)]; return a
def t_a_pop():
    a = array('i', [1, 2, 3]); return a.pop(ArrIdx(a, 1))
def t_a_insert():
    a = array('i', [1, 2, 3]); a.insert(ArrIdx(a, 2), 7); return a
def t_a_getslice():
    a = array('i', [1, 2, 3, 4]); return a[ArrIdx(a, 0)::2]
def t_a_setslice():
    a = array('i', [1, 2, 3, 4]); a[ArrIdx(a, 1):3] = array('i', [9]); return a
def t_a_setslice_ext():
    a = array('i', [1, 2, 3, 4]); a[ArrIdx(a, 0)::2] = array('i', [8, 9]); return a
def t_a_delslice():
    a = array('i', [1, 2, 3, 4]); del a[ArrIdx(a, 0)::2]; return a
def t_a_extend_gen():
    a = array('i', [1, 2, 3])
    def g():
        del a[:]; yield 4; yield 5
    a.extend(g()); return a
def t_a_index():
    a = array('i', [1, 2, 3]); return a.index(3, ArrIdx(a, 0))
def t_a_mul():
    a = array('i', [1, 2]); return a * ArrIdx(a, 2)
def t_a_imul():
    a = array('i', [1, 2]); a *= ArrIdx(a, 2); return a

def t_d_get():
    d = deque([1, 2, 3]); return d[ClearIdx(d, 1)]
def t_d_set():
    d = deque([1, 2, 3]); d[ClearIdx(d, 1)] = 5; return d
def t_d_del():
    d = deque([1, 2, 3]); del d[ClearIdx(d, 1)]; return d
def t_d_insert():
    d = deque([1, 2, 3]); d.insert(ClearIdx(d, 1), 5); return d
def t_d_index():
    d = deque([1, 2, 3]); return d.index(3, ClearIdx(d, 0))
def t_d_rotate():
    d = deque([1, 2, 3]); d.rotate(ClearIdx(d, 1)); return d
def t_d_mul():
    d = deque([1, 2]); d *= ClearIdx(d, 3); return d
class ClearEq:
    def __init__(self, l): self.l = l
    def __eq__(self, o):
        self.l.clear(); return True
    __hash__ = None
def t_d_remove():
    d = deque([1, 2, 3]); d.remove(ClearEq(d)); return d
def t_d_count():
    d = deque([1, 2, 3]); return d.count(ClearEq(d))
def t_d_in():
    d = deque([1, 2, 3]); return ClearEq(d) in d
def t_d_extend_gen():
    d = deque([1, 2])
    def g():
        d.clear(); yield 3; yield 4
    d.extend(g()); return d
def t_d_eq():
    a = deque([1, 2, 3]); b = deque([ClearEq(a), 2, 3]); return a == b
def t_d_lt():
    a = deque([1, 2, 3]); b = deque([ClearEq(a), 2, 3]); return a < b
def t_d_remove_ret_true():
    d = deque([1, 2, 3]); d.remove(ClearEq(d)); return d

class H:
    def __init__(self, d, h=1): self.d = d; self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o):
        self.d.clear(); return False
    def __repr__(self): return 'H'
def t_dict_get():
    d = {}; d[H(d)] = 1; d[H(d)] = 2; return len(d)
def t_dict_lookup():
    d = {}; k = H(d); d[k] = 1; return d.get(H(d))
def t_dict_del():
    d = {}; k = H(d); d[k] = 1
    try: del d[H(d)]
    except KeyError: return "KeyError", d
def t_dict_pop():
    d = {}; d[H(d)] = 1; return d.pop(H(d), 'x'), d
def t_dict_setdefault():
    d = {}; d[H(d)] = 1; return d.setdefault(H(d), 5), len(d)
def t_dict_eq():
    a = {1: H(None)}; 
    class E:
        def __eq__(s, o):
            a.clear(); return True
    b = {1: E()}; return a == b, b == a
def t_dict_eq2():
    a = {}
    class E:
        def __eq__(s, o):
            a.clear(); return True
    a[1] = E(); a[2] = E(); b = {1: 1, 2: 2}; return a == b
def t_dict_iter_mut():
    d = {1: 1, 2: 2}
    for k in d:
        d[k + 10] = 0
def t_set_add():
    s = set(); s.add(H(s)); s.add(H(s)); return len(s)
def t_set_in():
    s = set(); s.add(H(s)); return H(s) in s
def t_set_remove():
    s = set(); s.add(H(s)); s.remove(H(s)); return len(s)
def t_set_discard():
    s = set(); s.add(H(s)); s.discard(H(s)); return len(s)
def t_set_update():
    s = set(); s.add(H(s)); s.update([H(s), H(s)]); return len(s)
def t_set_inter():
    s = set(); s.add(H(s)); s.add(H(s, 2)); return len(s & {H(s), H(s, 2)})
def t_set_isub():
    s = set(); s.add(H(s)); s.add(H(s, 2)); t = {H(s), H(s, 2)}; s -= t; return len(s)
def t_set_iter_mut():
    s = {1, 2}
    for x in s:
        s.add(x + 10)
def t_set_sym():
    s = set(); s.add(H(s)); s.add(H(s, 2)); s ^= {H(s), H(s, 2)}; return len(s)
def t_frozenset_eq():
    s = set(); s.add(H(s)); s.add(H(s, 2)); return s == {H(s), H(s, 2)}
def t_set_issubset():
    s = set(); s.add(H(s)); s.add(H(s, 2)); return s <= {H(s), H(s, 2)}

for name, f in list(globals().items()):
    if name.startswith("t_"):
        attempt(name, f)

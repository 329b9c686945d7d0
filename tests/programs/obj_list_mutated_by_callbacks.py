# Python code called from a container operation (__index__, __eq__, __hash__,
# __lt__, a generator) changes the container: CPython's answers, never a crash.
import heapq, bisect

def attempt(name, f):
    try:
        r = f()
        print(name, "->", repr(r))
    except Exception as e:
        print(name, "!", type(e).__name__, e)

class ClearIdx:
    def __init__(self, l, v): self.l = l; self.v = v
    def __index__(self):
        self.l.clear(); return self.v

def t_setitem():
    l = [1, 2, 3]; l[ClearIdx(l, 1)] = 9; return l
def t_delitem():
    l = [1, 2, 3]; del l[ClearIdx(l, 1)]; return l
def t_setslice():
    l = [1, 2, 3, 4]; l[ClearIdx(l, 1):ClearIdx(l, 3)] = [7]; return l
def t_delslice():
    l = [1, 2, 3, 4]; del l[ClearIdx(l, 1):ClearIdx(l, 3)]; return l
def t_setslice_gen():
    l = [1, 2, 3, 4]
    def g():
        l.clear(); yield 5; yield 6
    l[1:3] = g(); return l
def t_pop():
    l = [1, 2, 3]; return l.pop(ClearIdx(l, 1)), l
def t_ext_set():
    l = [1, 2, 3, 4, 5, 6]; l[ClearIdx(l, 0)::2] = [7, 8, 9]; return l
def t_ext_set_gen():
    l = [1, 2, 3, 4, 5, 6]
    def g():
        l.clear(); yield 1; yield 2; yield 3
    l[::2] = g(); return l
def t_ext_del():
    l = [1, 2, 3, 4, 5, 6]; del l[ClearIdx(l, 0)::2]; return l
def t_ext_step():
    l = [1, 2, 3, 4, 5, 6]; del l[0:6:ClearIdx(l, 2)]; return l
def t_getslice():
    l = [1, 2, 3, 4, 5, 6]; return l[0:6:ClearIdx(l, 2)]
def t_insert():
    l = [1, 2, 3]; l.insert(ClearIdx(l, 2), 9); return l
def t_index():
    l = [1, 2, 3]; return l.index(3, ClearIdx(l, 0))

class ClearEq:
    def __init__(self, l): self.l = l
    def __eq__(self, o):
        self.l.clear(); return False
    __hash__ = None
    def __repr__(self): return 'ClearEq'

def t_remove():
    l = [1, 2, 3]; l.remove(ClearEq(l)); return l
def t_remove2():
    l = [1, 2, 3]; c = ClearEq(l); l.insert(0, c); l.append(2);
    try: l.remove(2)
    except ValueError as e: return "VE", e, l
    return l
def t_index_eq():
    l = [1, 2, 3]; return l.index(ClearEq(l))
def t_count():
    l = [1, 2, 3]; return l.count(ClearEq(l))
def t_in():
    l = [1, 2, 3]; return ClearEq(l) in l
def t_eq_lists():
    a = [1, 2, 3]; b = [ClearEq(a), 2, 3]; return a == b, b == a
def t_lt_lists():
    a = [1, 2, 3]; b = [ClearEq(a), 2, 3]; return a < b
class AppendEq:
    def __init__(self, l): self.l = l
    def __eq__(self, o):
        self.l.append(1); return False
    __hash__ = None
def t_count_grow():
    l = [1, 2, 3]; l.insert(0, AppendEq(l)); r = l.count(5); return r, len(l)
def t_sort_clear():
    l = [3, 1, 2]
    def k(x):
        l.clear(); return x
    l.sort(key=k); return l
def t_sort_append():
    l = [3, 1, 2]
    class C:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            l.append(0); return s.v < o.v
    l[:] = [C(3), C(1), C(2)]
    l.sort(); return l
def t_sorted_key():
    l = [3, 1, 2]
    def k(x):
        l.clear(); return x
    return sorted(l, key=k)
def t_minmax():
    l = [3, 1, 2]
    def k(x):
        l.clear(); return x
    return min(l, key=k), max(l, key=k)
def t_list_iter():
    l = [1, 2, 3]; out = []
    for x in l:
        out.append(x); l.clear()
    return out
def t_extend_self_gen():
    l = [1, 2]
    def g():
        for x in range(3):
            l.clear(); yield x
    l.extend(g()); return l
def t_mul_clear():
    l = [1, 2]; l *= ClearIdx(l, 2); return l
def t_reversed():
    l = [1, 2, 3]; it = reversed(l); next(it); l.clear(); return list(it)
def t_setitem_neg():
    l = [1, 2, 3]; l[ClearIdx(l, -1)] = 9; return l

class HC:
    def __init__(self, l, v): self.l = l; self.v = v
    def __hash__(self):
        self.l.clear(); return self.v
    def __eq__(self, o): return self is o
    def __repr__(self): return "HC%d" % self.v
def t_set_from_list():
    l = [HC(None, 1)]; l[0].l = l; l.append(HC(l, 2)); l.append(3); return len(set(l))
def t_dict_fromkeys():
    l = [HC(None, 1)]; l[0].l = l; l.append(2); return dict.fromkeys(l)
def t_iadd_gen():
    l = [1, 2]
    def g():
        l.clear(); yield 3
    l += g(); return l
class LtClear:
    def __init__(s, l, v): s.l = l; s.v = v
    def __lt__(s, o):
        s.l.clear(); return s.v < (o.v if isinstance(o, LtClear) else o)
    def __gt__(s, o):
        s.l.clear(); return False
def t_heappush():
    h = []; h.append(LtClear(h, 1)); h.append(LtClear(h, 2)); heapq.heappush(h, LtClear(h, 0)); return len(h)
def t_heappop():
    h = []; h.append(LtClear(h, 1)); h.append(LtClear(h, 2)); h.append(LtClear(h, 3)); heapq.heappop(h); return len(h)
def t_heapify():
    h = []; h.extend(LtClear(h, i) for i in range(5, 0, -1)); heapq.heapify(h); return len(h)
def t_bisect():
    l = []; l.extend(LtClear(l, i) for i in range(5)); return bisect.bisect(l, 2)
def t_insort():
    l = []; l.extend(LtClear(l, i) for i in range(5)); bisect.insort(l, LtClear(l, 2)); return len(l)
def t_sum_gen():
    l = [1, 2, 3]
    return sum(x for x in l if not l.clear())
def t_zip_clear():
    l = [1, 2, 3]; return [(a, l.clear()) for a in l]
def t_enumerate():
    l = [1, 2, 3]; return [(i, l.append(0) if i < 3 else 0) for i, x in enumerate(l)]
def t_tuple_index_bounds():
    return (1, 2, 3).index(3, -10**30, 10**30)
def t_str_join_gen():
    l = ['a', 'b']
    def g():
        l.clear(); yield 'x'
    return '-'.join(g())
def t_sorted_cmp():
    l = [3, 1, 2]
    class K:
        def __init__(s, v): s.v = v
        def __lt__(s, o):
            l.append(9); return s.v < o.v
    return sorted(l, key=K)
def t_list_init_self():
    l = [1, 2, 3]; l.__init__(l); return l
def t_list_init_gen():
    l = [1, 2, 3]
    def g():
        yield len(l)
    l.__init__(g()); return l
def t_slice_self():
    l = [1, 2, 3]; l[1:2] = l; return l
def t_ext_self():
    l = [1, 2, 3]; l[::-1] = l; return l
def t_index_bigs():
    return [1, 2, 3].index(3, -10**30, 10**30)
def t_setslice_step_big():
    l = [1, 2, 3]; l[::10**30] = [9]; return l
def t_getslice_step_big():
    return [1, 2, 3][::-10**30]
def t_del_step_big():
    l = [1, 2, 3]; del l[::-10**30]; return l
def t_str_slice_big():
    return 'abc'[10**30:], 'abc'[:-10**30], 'abc'[::10**40]

for name, f in list(globals().items()):
    if name.startswith("t_"):
        attempt(name, f)

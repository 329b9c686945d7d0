class C:
    pass
c = C()
c.n += 1

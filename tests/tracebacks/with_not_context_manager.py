class Ctx:
    pass

with Ctx() as c:
    pass
    pass

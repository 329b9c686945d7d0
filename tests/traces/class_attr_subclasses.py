class Base:
    size = 1
class Mid(Base):
    pass
class Leaf(Mid):
    pass
print(Leaf.size)
Base.size = 2
Base.color = "red"
print(Leaf.size, Mid.size)
Base.size = 3
del Base.color

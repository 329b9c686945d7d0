# __del__ added to and removed from a class and its base after instances have died
# without one: each instance death asks the class again once it has changed.
class B: pass
class A(B): pass
a = A(); del a
print("no del yet")
B.__del__ = lambda self: print("del via base", type(self).__name__)
a = A(); del a
A.__del__ = lambda self: print("del own")
a = A(); del a
del A.__del__
a = A(); del a
del B.__del__
a = A(); a.x = 1; del a
print("end")

# Uncaught AttributeError on an instance.
class Robot:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return f"I am {self.name}"

r = Robot("R2")
print(r.greet())
print(r.fly())

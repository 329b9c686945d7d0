class Greeter:
    def __init__(self):
        self.greeting = "hello"

    def greet(self, who):
        return greeting + " " + who


print(Greeter().greet("you"))

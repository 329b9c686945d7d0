class Counter:
    def __init__(self):
        self._count = 0

    def bump(self):
        self.count += 1


Counter().bump()

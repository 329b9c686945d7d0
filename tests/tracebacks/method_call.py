class Account:
    def __init__(self):
        self.balance = 0

    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount


accounts = [Account()]
for acct in accounts:
    acct.withdraw(amount=10)

# Bank account simulation with classes, exceptions and a transaction log.
class BankError(Exception):
    pass

class InsufficientFunds(BankError):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner}: insufficient funds for {amount:.2f} (balance {account.balance:.2f})")

class AccountFrozen(BankError):
    pass

class Account:
    _next_id = 1000
    def __init__(self, owner, balance=0.0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self._balance = round(balance, 2)
        self.frozen = False
        self.history = []
    @property
    def balance(self):
        return self._balance
    def _check(self, amount):
        if self.frozen:
            raise AccountFrozen(f"account {self.id} is frozen")
        if amount <= 0:
            raise ValueError(f"amount must be positive, got {amount}")
    def deposit(self, amount):
        self._check(amount)
        self._balance = round(self._balance + amount, 2)
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        self._check(amount)
        if amount > self._balance:
            raise InsufficientFunds(self, amount)
        self._balance = round(self._balance - amount, 2)
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"<Account {self.id} {self.owner} {self._balance:,.2f}>"

class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise BankError("savings accounts allow only two withdrawals")
        super().withdraw(amount)

class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, cls, *args, **kwargs):
        acct = cls(*args, **kwargs)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src_id, dst_id, amount):
        src, dst = self.accounts[src_id], self.accounts[dst_id]
        try:
            src.withdraw(amount)
        except BankError as e:
            self.log.append(f"FAILED transfer {src_id}->{dst_id}: {e}")
            return False
        try:
            dst.deposit(amount)
        except BankError as e:
            src.deposit(amount)
            self.log.append(f"ROLLBACK transfer {src_id}->{dst_id}: {e}")
            return False
        self.log.append(f"ok transfer {src_id}->{dst_id} {amount:.2f}")
        return True
    def total(self):
        return round(sum(a.balance for a in self.accounts.values()), 2)

bank = Bank()
alice = bank.open(Account, "alice", 100)
bob = bank.open(SavingsAccount, "bob", 500, rate=0.05)
carol = bank.open(Account, "carol")
print(alice, bob, carol)
print(bank.transfer(alice.id, carol.id, 30.5))
print(bank.transfer(alice.id, carol.id, 100))
print(bank.transfer(bob.id, alice.id, 10))
print(bank.transfer(bob.id, alice.id, 10))
print(bank.transfer(bob.id, alice.id, 10))
carol.frozen = True
print(bank.transfer(alice.id, carol.id, 5))
print("interest:", bob.add_interest())
for bad in [lambda: alice.deposit(-5), lambda: carol.deposit(1), lambda: alice.withdraw(10 ** 6)]:
    try:
        bad()
    except (BankError, ValueError) as e:
        print(type(e).__name__, "-", e)
for line in bank.log:
    print(line)
for acct in sorted(bank.accounts.values(), key=lambda a: a.balance, reverse=True):
    print(f"{acct.id} {acct.owner:<6} {acct.balance:>10,.2f} {len(acct.history)} ops")
print("total", bank.total())
print([c.__name__ for c in InsufficientFunds.__mro__[:3]])
try:
    bob.balance = 0
except AttributeError as e:
    print(type(e).__name__, e)

"""DeltaBlue: an incremental one-way constraint solver.

Variables are connected by constraints of different strengths (required,
preferred, default, ...).  When a constraint is added or removed the solver
incrementally re-plans which constraint determines each variable, then
extracts an execution plan that propagates values.  Two scenarios are run
many times: a long chain of equality constraints driven from one end, and
a set of scale/offset projections edited from both sides.  The workload is
dominated by method dispatch over a class hierarchy and small list
manipulation.  A checksum of the propagated values is printed.
"""


class Strength:
    __slots__ = ("level", "name")

    def __init__(self, level, name):
        self.level = level
        self.name = name

    def __repr__(self):
        return f"Strength({self.name})"

    def stronger_than(self, other):
        return self.level < other.level

    def weaker_than(self, other):
        return self.level > other.level

    def weaker_of(self, other):
        return self if self.level > other.level else other

    def next_weaker(self):
        return STRENGTHS[self.level + 1]


STRENGTHS = [
    Strength(0, "required"),
    Strength(1, "strong preferred"),
    Strength(2, "preferred"),
    Strength(3, "strong default"),
    Strength(4, "normal"),
    Strength(5, "weak default"),
    Strength(6, "weakest"),
]
REQUIRED, STRONG_PREFERRED, PREFERRED, STRONG_DEFAULT, NORMAL, WEAK_DEFAULT, WEAKEST = STRENGTHS


class ConstraintError(Exception):
    pass


class Variable:
    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.constraints = []
        self.determined_by = None
        self.walk_strength = WEAKEST
        self.stay = True
        self.mark = 0

    def __repr__(self):
        return f"Variable({self.name}={self.value})"

    def attach(self, constraint):
        self.constraints.append(constraint)

    def detach(self, constraint):
        self.constraints = [c for c in self.constraints if c is not constraint]
        if self.determined_by is constraint:
            self.determined_by = None


# ---------------------------------------------------------------------------
# Constraints


class Constraint:
    def __init__(self, planner, strength):
        self.planner = planner
        self.strength = strength

    def install(self):
        self.attach_to_variables()
        self.planner.incremental_add(self)

    def uninstall(self):
        if self.satisfied():
            self.planner.incremental_remove(self)
        else:
            self.detach_from_variables()

    @property
    def is_input(self):
        return False

    def satisfy(self, mark):
        """Try to enforce this constraint; return the constraint it displaced."""
        self.pick_direction(mark)
        if not self.satisfied():
            if self.strength is REQUIRED:
                raise ConstraintError("could not satisfy a required constraint")
            return None
        self.mark_inputs(mark)
        out = self.output()
        displaced = out.determined_by
        if displaced is not None:
            displaced.unsatisfy()
        out.determined_by = self
        if not self.planner.propagate_add(self, mark):
            raise ConstraintError("cycle encountered")
        out.mark = mark
        return displaced

    # Subclasses implement: attach_to_variables, detach_from_variables,
    # pick_direction, satisfied, unsatisfy, mark_inputs, output, recompute,
    # inputs_known, execute.


class UnaryConstraint(Constraint):
    def __init__(self, planner, var, strength):
        super().__init__(planner, strength)
        self.var = var
        self.enforced = False
        self.install()

    def attach_to_variables(self):
        self.var.attach(self)
        self.enforced = False

    def detach_from_variables(self):
        self.var.detach(self)
        self.enforced = False

    def pick_direction(self, mark):
        v = self.var
        self.enforced = v.mark != mark and self.strength.stronger_than(v.walk_strength)

    def satisfied(self):
        return self.enforced

    def unsatisfy(self):
        self.enforced = False

    def mark_inputs(self, mark):
        pass

    def output(self):
        return self.var

    def inputs_known(self, mark):
        return True

    def recompute(self):
        v = self.var
        v.walk_strength = self.strength
        v.stay = not self.is_input
        if v.stay:
            self.execute()

    def execute(self):
        pass


class StayConstraint(UnaryConstraint):
    """Keep a variable at its current value unless something stronger wins."""


class EditConstraint(UnaryConstraint):
    """Marks a variable whose value is changed from outside the solver."""

    @property
    def is_input(self):
        return True


UNDECIDED = 0
FORWARD = 1
BACKWARD = 2


class BinaryConstraint(Constraint):
    def __init__(self, planner, a, b, strength, install=True):
        super().__init__(planner, strength)
        self.a = a
        self.b = b
        self.direction = UNDECIDED
        if install:
            self.install()

    def attach_to_variables(self):
        self.a.attach(self)
        self.b.attach(self)
        self.direction = UNDECIDED

    def detach_from_variables(self):
        self.a.detach(self)
        self.b.detach(self)
        self.direction = UNDECIDED

    def pick_direction(self, mark):
        a, b, s = self.a, self.b, self.strength
        if a.mark == mark:
            ok = b.mark != mark and s.stronger_than(b.walk_strength)
            self.direction = FORWARD if ok else UNDECIDED
        elif b.mark == mark:
            ok = a.mark != mark and s.stronger_than(a.walk_strength)
            self.direction = BACKWARD if ok else UNDECIDED
        elif a.walk_strength.weaker_than(b.walk_strength):
            self.direction = BACKWARD if s.stronger_than(a.walk_strength) else UNDECIDED
        else:
            self.direction = FORWARD if s.stronger_than(b.walk_strength) else BACKWARD

    def satisfied(self):
        return self.direction != UNDECIDED

    def unsatisfy(self):
        self.direction = UNDECIDED

    def input(self):
        return self.a if self.direction == FORWARD else self.b

    def output(self):
        return self.b if self.direction == FORWARD else self.a

    def mark_inputs(self, mark):
        self.input().mark = mark

    def inputs_known(self, mark):
        src = self.input()
        return src.mark == mark or src.stay or src.determined_by is None

    def recompute(self):
        src = self.input()
        out = self.output()
        out.walk_strength = self.strength.weaker_of(src.walk_strength)
        out.stay = src.stay
        if out.stay:
            self.execute()


class EqualityConstraint(BinaryConstraint):
    def execute(self):
        self.output().value = self.input().value


class ScaleConstraint(BinaryConstraint):
    """dest = src * scale + offset, solvable in either direction."""

    def __init__(self, planner, src, scale, offset, dest, strength):
        super().__init__(planner, src, dest, strength, install=False)
        self.scale = scale
        self.offset = offset
        self.install()

    def attach_to_variables(self):
        super().attach_to_variables()
        self.scale.attach(self)
        self.offset.attach(self)

    def detach_from_variables(self):
        super().detach_from_variables()
        self.scale.detach(self)
        self.offset.detach(self)

    def mark_inputs(self, mark):
        super().mark_inputs(mark)
        self.scale.mark = mark
        self.offset.mark = mark

    def execute(self):
        if self.direction == FORWARD:
            self.b.value = self.a.value * self.scale.value + self.offset.value
        else:
            self.a.value = (self.b.value - self.offset.value) // self.scale.value

    def recompute(self):
        src = self.input()
        out = self.output()
        out.walk_strength = self.strength.weaker_of(src.walk_strength)
        out.stay = src.stay and self.scale.stay and self.offset.stay
        if out.stay:
            self.execute()


# ---------------------------------------------------------------------------
# Planner


class Plan:
    def __init__(self):
        self.steps = []

    def append(self, constraint):
        self.steps.append(constraint)

    def __len__(self):
        return len(self.steps)

    def run(self):
        for c in self.steps:
            c.execute()


class Planner:
    def __init__(self):
        self.mark = 0

    def fresh_mark(self):
        self.mark += 1
        return self.mark

    def incremental_add(self, constraint):
        mark = self.fresh_mark()
        displaced = constraint.satisfy(mark)
        while displaced is not None:
            displaced = displaced.satisfy(mark)

    def incremental_remove(self, constraint):
        out = constraint.output()
        constraint.unsatisfy()
        constraint.detach_from_variables()
        orphans = self.propagate_remove(out)
        strength = REQUIRED
        while True:
            for c in orphans:
                if c.strength is strength:
                    self.incremental_add(c)
            strength = strength.next_weaker()
            if strength is WEAKEST:
                break

    def propagate_add(self, constraint, mark):
        pending = [constraint]
        while pending:
            c = pending.pop()
            if c.output().mark == mark:
                self.incremental_remove(constraint)
                return False
            c.recompute()
            self.collect_consumers(c.output(), pending)
        return True

    def propagate_remove(self, out):
        out.determined_by = None
        out.walk_strength = WEAKEST
        out.stay = True
        orphans = []
        pending = [out]
        while pending:
            v = pending.pop()
            for c in v.constraints:
                if not c.satisfied():
                    orphans.append(c)
            source = v.determined_by
            for c in v.constraints:
                if c is not source and c.satisfied():
                    c.recompute()
                    pending.append(c.output())
        return orphans

    def collect_consumers(self, var, into):
        source = var.determined_by
        for c in var.constraints:
            if c is not source and c.satisfied():
                into.append(c)

    def make_plan(self, sources):
        mark = self.fresh_mark()
        plan = Plan()
        queue = list(sources)
        head = 0
        while head < len(queue):
            c = queue[head]
            head += 1
            out = c.output()
            if out.mark != mark and c.inputs_known(mark):
                plan.append(c)
                out.mark = mark
                self.collect_consumers(out, queue)
        return plan

    def plan_for(self, constraints):
        return self.make_plan([c for c in constraints if c.is_input and c.satisfied()])


# ---------------------------------------------------------------------------
# Scenarios


def chain_scenario(n):
    """Equality chain v0 = v1 = ... = vn, edited at v0, observed at vn."""
    planner = Planner()
    chain = [Variable(f"v{i}") for i in range(n + 1)]
    for left, right in zip(chain, chain[1:]):
        EqualityConstraint(planner, left, right, REQUIRED)
    first, last = chain[0], chain[-1]
    StayConstraint(planner, last, STRONG_DEFAULT)
    edit = EditConstraint(planner, first, PREFERRED)
    plan = planner.plan_for([edit])
    total = 0
    for i in range(100):
        first.value = i
        plan.run()
        if last.value != i:
            raise AssertionError(f"chain failed at {i}: {last.value}")
        total += last.value
    edit.uninstall()
    return total + len(plan)


def edit_value(planner, var, value):
    edit = EditConstraint(planner, var, PREFERRED)
    plan = planner.plan_for([edit])
    for _ in range(10):
        var.value = value
        plan.run()
    edit.uninstall()


def projection_scenario(n):
    """n independent dest = src * scale + offset constraints sharing scale/offset."""
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    src = dst = None
    dests = []
    for i in range(n):
        src = Variable(f"src{i}", i)
        dst = Variable(f"dst{i}", i)
        dests.append(dst)
        StayConstraint(planner, src, NORMAL)
        ScaleConstraint(planner, src, scale, offset, dst, REQUIRED)

    edit_value(planner, src, 17)
    if dst.value != 1170:
        raise AssertionError("projection 1 failed")
    edit_value(planner, dst, 1050)
    if src.value != 5:
        raise AssertionError("projection 2 failed")
    edit_value(planner, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise AssertionError("projection 3 failed")
    edit_value(planner, offset, 2000)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise AssertionError("projection 4 failed")
    return sum(d.value for d in dests) + src.value


SIZE = 100
ROUNDS = 400


def main():
    checksum = 0
    for r in range(ROUNDS):
        checksum = (checksum * 31 + chain_scenario(SIZE)) % 1000000007
        checksum = (checksum * 31 + projection_scenario(SIZE)) % 1000000007
    print(f"deltablue: {ROUNDS} rounds, size {SIZE}")
    print(f"chain sum: {chain_scenario(SIZE)} projection sum: {projection_scenario(SIZE)}")
    print(f"checksum: {checksum}")


if __name__ == "__main__":
    main()

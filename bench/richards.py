"""Richards: simulate a tiny operating-system kernel.

Six tasks (an idle loop, a worker, two handlers and two devices) pass
packets to each other through a priority scheduler.  The workload is
dominated by attribute access, method calls on small class hierarchies and
linked-list manipulation.  At the end the number of queued packets and hold
operations is printed; both are fully determined by the algorithm.
"""

IDLE_ID = 0
WORKER_ID = 1
HANDLER_A_ID = 2
HANDLER_B_ID = 3
DEVICE_A_ID = 4
DEVICE_B_ID = 5
TASK_COUNT = 6

KIND_DEVICE = 0
KIND_WORK = 1

PAYLOAD = 4


class Packet:
    __slots__ = ("next", "owner", "kind", "cursor", "payload")

    def __init__(self, next_packet, owner, kind):
        self.next = next_packet
        self.owner = owner
        self.kind = kind
        self.cursor = 0
        self.payload = [0] * PAYLOAD

    def enqueue_on(self, head):
        """Append this packet at the tail of the list starting at head."""
        self.next = None
        if head is None:
            return self
        node = head
        while node.next is not None:
            node = node.next
        node.next = self
        return head


class Task:
    """Common scheduling state shared by every kind of task."""

    def __init__(self, kernel, ident, priority, inbox, *, waiting, held=False):
        self.kernel = kernel
        self.ident = ident
        self.priority = priority
        self.inbox = inbox
        self.has_mail = inbox is not None
        self.waiting = waiting
        self.held = held
        self.next_task = kernel.chain
        kernel.chain = self
        kernel.table[ident] = self

    @property
    def blocked(self):
        return self.held or (self.waiting and not self.has_mail)

    def deliver(self, packet, sender):
        """Put a packet in the inbox; return the task that should run next."""
        if self.inbox is None:
            self.inbox = packet
            self.has_mail = True
            if self.priority > sender.priority:
                return self
        else:
            self.inbox = packet.enqueue_on(self.inbox)
        return sender

    def step(self):
        packet = None
        if self.waiting and self.has_mail and not self.held:
            packet = self.inbox
            self.inbox = packet.next
            self.waiting = False
            self.has_mail = self.inbox is not None
        return self.work(packet)

    def work(self, packet):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, kernel, ident, priority, rounds):
        super().__init__(kernel, ident, priority, None, waiting=False)
        self.seed = 1
        self.rounds = rounds

    def work(self, packet):
        k = self.kernel
        self.rounds -= 1
        if self.rounds == 0:
            return k.hold_current()
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            return k.release(DEVICE_B_ID)
        self.seed >>= 1
        return k.release(DEVICE_A_ID)


class WorkerTask(Task):
    def __init__(self, kernel, ident, priority, inbox):
        super().__init__(kernel, ident, priority, inbox, waiting=True)
        self.target = HANDLER_A_ID
        self.letter = 0

    def work(self, packet):
        k = self.kernel
        if packet is None:
            return k.suspend_current()
        self.target = HANDLER_B_ID if self.target == HANDLER_A_ID else HANDLER_A_ID
        packet.owner = self.target
        packet.cursor = 0
        buf = packet.payload
        for i in range(PAYLOAD):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            buf[i] = self.letter
        return k.send(packet)


class HandlerTask(Task):
    def __init__(self, kernel, ident, priority, inbox):
        super().__init__(kernel, ident, priority, inbox, waiting=True)
        self.jobs = None
        self.drivers = None

    def work(self, packet):
        k = self.kernel
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.jobs = packet.enqueue_on(self.jobs)
            else:
                self.drivers = packet.enqueue_on(self.drivers)
        job = self.jobs
        if job is not None:
            pos = job.cursor
            if pos < PAYLOAD:
                driver = self.drivers
                if driver is not None:
                    self.drivers = driver.next
                    driver.cursor = job.payload[pos]
                    job.cursor = pos + 1
                    return k.send(driver)
            else:
                self.jobs = job.next
                return k.send(job)
        return k.suspend_current()


class DeviceTask(Task):
    def __init__(self, kernel, ident, priority):
        super().__init__(kernel, ident, priority, None, waiting=True)
        self.parked = None
        self.handled = 0

    def work(self, packet):
        k = self.kernel
        if packet is None:
            parked = self.parked
            if parked is None:
                return k.suspend_current()
            self.parked = None
            return k.send(parked)
        self.parked = packet
        self.handled += packet.cursor
        return k.hold_current()


class Kernel:
    def __init__(self):
        self.chain = None
        self.table = [None] * TASK_COUNT
        self.current = None
        self.sent = 0
        self.holds = 0

    def hold_current(self):
        self.holds += 1
        cur = self.current
        cur.held = True
        return cur.next_task

    def suspend_current(self):
        cur = self.current
        cur.waiting = True
        return cur

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, packet):
        dest = self.table[packet.owner]
        self.sent += 1
        packet.next = None
        packet.owner = self.current.ident
        return dest.deliver(packet, self.current)

    def run(self):
        task = self.chain
        while task is not None:
            if task.blocked:
                task = task.next_task
            else:
                self.current = task
                task = task.step()


def build_and_run(rounds):
    k = Kernel()
    IdleTask(k, IDLE_ID, 0, rounds)

    work = Packet(None, IDLE_ID, KIND_WORK)
    work = Packet(work, IDLE_ID, KIND_WORK)
    WorkerTask(k, WORKER_ID, 1000, work)

    dev = Packet(None, DEVICE_A_ID, KIND_DEVICE)
    dev = Packet(dev, DEVICE_A_ID, KIND_DEVICE)
    dev = Packet(dev, DEVICE_A_ID, KIND_DEVICE)
    HandlerTask(k, HANDLER_A_ID, 2000, dev)

    dev = Packet(None, DEVICE_B_ID, KIND_DEVICE)
    dev = Packet(dev, DEVICE_B_ID, KIND_DEVICE)
    dev = Packet(dev, DEVICE_B_ID, KIND_DEVICE)
    HandlerTask(k, HANDLER_B_ID, 3000, dev)

    DeviceTask(k, DEVICE_A_ID, 4000)
    DeviceTask(k, DEVICE_B_ID, 5000)

    k.run()
    handled = k.table[DEVICE_A_ID].handled + k.table[DEVICE_B_ID].handled
    return k.sent, k.holds, handled


def main():
    results = []
    for _ in range(ITERATIONS):
        results.append(build_and_run(10000))
    first = results[0]
    assert all(r == first for r in results), "runs disagree"
    sent, holds, handled = first
    print(f"richards: {ITERATIONS} runs, packets sent={sent} holds={holds} "
          f"device checksum={handled}")


ITERATIONS = 28

if __name__ == "__main__":
    main()

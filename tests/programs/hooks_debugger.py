# A debugger-style program: a breakpoint-like trace on one function that changes a
# local through f_locals when the breakpoint line is reached; the change sticks.
import sys

BREAK_LINE = None

class Debugger:
    def __init__(self, func_name, line_offset):
        self.func_name = func_name
        self.line_offset = line_offset
        self.hits = 0

    def global_trace(self, frame, event, arg):
        if event == 'call' and frame.f_code.co_name == self.func_name:
            return self.local_trace
        return None

    def local_trace(self, frame, event, arg):
        if event == 'line' and frame.f_lineno == frame.f_code.co_firstlineno + self.line_offset:
            self.hits += 1
            loc = frame.f_locals
            print(f"break at {frame.f_code.co_name}:{frame.f_lineno} price={loc['price']} qty={loc['qty']}")
            loc['price'] = loc['price'] * 2
            loc['note'] = 'patched by debugger'
            print("  caller:", frame.f_back.f_code.co_name, "locals now:", sorted(loc.keys()))
        elif event == 'return':
            print(f"return from {frame.f_code.co_name} -> {arg!r}")
        return self.local_trace

def total(price, qty):
    discount = 0
    subtotal = price * qty
    return subtotal - discount

def untraced(price, qty):
    return price * qty

def main():
    results = [total(10, 3), untraced(10, 3), total(7, 1)]
    print(results)

dbg = Debugger("total", 2)
sys.settrace(dbg.global_trace)
main()
sys.settrace(None)
print("hits", dbg.hits)
print(total(10, 3))

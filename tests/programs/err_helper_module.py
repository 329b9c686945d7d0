# Uncaught exception whose class lives in an imported helper module:
# the traceback's last line is qualified with the module name.
import helper_chain

print("squares:", [s.area() for s in helper_chain.make_squares(4)])
print("debug:", helper_chain.debug_enabled())
helper_chain.fail_deep(5)

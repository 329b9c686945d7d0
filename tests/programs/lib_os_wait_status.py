# os.waitpid with no children, and the wait-status macros subprocess uses
# (statuses as the kernel encodes them: exit code << 8, or the signal number).
import os

for status in (0, 1 << 8, 3 << 8, 9, 15, 0x7f | (19 << 8), 0xffff, 9 | 0x80):
    print(hex(status), os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.WTERMSIG(status), os.WIFSTOPPED(status),
          os.WSTOPSIG(status), os.WIFCONTINUED(status), os.WCOREDUMP(status))
for status in (0, 1 << 8, 9):
    print(os.waitstatus_to_exitcode(status))
try:
    os.waitstatus_to_exitcode(0x7f | (19 << 8))
except ValueError as e:
    print(type(e).__name__, e)
print(os.WNOHANG, os.WUNTRACED, os.WCONTINUED)
try:
    os.waitpid(-1, os.WNOHANG)
except ChildProcessError as e:
    print(type(e).__name__, e)

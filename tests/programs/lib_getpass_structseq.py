# getpass.getuser falls back to pwd; os.stat_result is a structured sequence made
# the same way as pwd's, with CPython's length messages.
import getpass
import os
import pwd

saved = {k: os.environ.pop(k) for k in ('LOGNAME', 'USER', 'LNAME', 'USERNAME') if k in os.environ}
print(getpass.getuser() == pwd.getpwuid(os.getuid()).pw_name)
os.environ.update(saved)
st = os.stat('.')
print(type(st).__name__, type(st).__module__, st.n_sequence_fields, st.n_fields, st.n_unnamed_fields)
print(st.st_mode == st[0], isinstance(st.st_mtime, float), isinstance(st[8], int))
for seq in [(1, 2), tuple(range(20))]:
    try:
        os.stat_result(seq)
    except TypeError as e:
        print(e)
print(os.stat_result(tuple(range(10))))
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
try:
    os.terminal_size((1, 2, 3))
except TypeError as e:
    print(e)

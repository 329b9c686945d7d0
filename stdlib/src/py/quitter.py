"""The `exit` and `quit` builtins, as CPython's site module installs them: each
shows how to leave when printed, and raises SystemExit when called."""

import sys


class Quitter:
    def __init__(self, name, eof):
        self.name = name
        self.eof = eof

    def __repr__(self):
        return f'Use {self.name}() or {self.eof} to exit'

    def __call__(self, code=None):
        # An interactive shell reading stdin stops reading it here too.
        try:
            sys.stdin.close()
        except Exception:
            pass
        raise SystemExit(code)


exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')
quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')

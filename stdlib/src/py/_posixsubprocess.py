"""_posixsubprocess: what CPython's subprocess.py imports at start-up. tripwire
cannot start child processes yet, so `fork_exec` raises; the modules that only
import subprocess (asyncio, ...) work."""

import errno as _errno


def fork_exec(*args):
    raise OSError(_errno.ENOSYS, "tripwire cannot start child processes")

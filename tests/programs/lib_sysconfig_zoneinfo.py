# zoneinfo and pydoc import (sysconfig finds its build data through
# sys.implementation._multiarch); a zone read from TZif bytes converts times.
import io
import pydoc
import struct
import sys
import sysconfig
import zoneinfo
from datetime import datetime, timedelta, timezone

print(sysconfig.get_config_var('MULTIARCH') == sys.implementation._multiarch)
print(sysconfig._get_sysconfigdata_name().startswith('_sysconfigdata_'))
print(isinstance(sysconfig.get_config_vars(), dict), sysconfig.get_python_version())


def tzif(offset, name):
    chars = name.encode() + b'\0'
    header = b'TZif' + b'\0' + b'\0' * 15 + struct.pack('>6l', 0, 0, 0, 0, 1, len(chars))
    return header + struct.pack('>lBB', offset, 0, 0) + chars


zone = zoneinfo.ZoneInfo.from_file(io.BytesIO(tzif(5400, 'XYZ')), key='Test/Zone')
when = datetime(2024, 3, 1, 12, 0, tzinfo=timezone.utc).astimezone(zone)
print(when, when.tzname(), when.utcoffset(), zone.key, str(zone))
print(datetime(2024, 1, 1, tzinfo=zone) - datetime(2024, 1, 1, tzinfo=timezone.utc))
try:
    zoneinfo.ZoneInfo('../etc/passwd')
except ValueError as e:
    print('ValueError', e)
print(pydoc.describe(len), pydoc.describe(pydoc), pydoc.getdoc(tzif) == '')
print(pydoc.render_doc(tzif, renderer=pydoc.plaintext).splitlines()[2])

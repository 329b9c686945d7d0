# re on bytearray and memoryview subjects: the results are bytes, as CPython gives;
# sys.warnoptions and sys._xoptions exist (empty) for warnings and unittest.
import re
import sys

subject = bytearray(b"key=12, other=345")
print(re.findall(rb"\d+", subject))
print(re.findall(rb"(\w+)=(\d+)", memoryview(subject)))
m = re.search(rb"(?P<k>\w+)=(?P<v>\d+)", subject)
print(m.group(0), m.groups(), m.groupdict(), type(m.string).__name__)
print(re.split(rb",\s*", subject))
print(re.sub(rb"\d", b"#", subject), re.subn(rb"=", b":", memoryview(b"a=b=c")))
print(sys.warnoptions, sys._xoptions)

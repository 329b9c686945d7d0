# sys.stdout and sys.stderr as CPython's text streams: fileno, encoding, name,
# mode, and a binary buffer whose bytes come out after the text before them.
import sys

out = sys.stdout
print(out.fileno(), sys.stderr.fileno(), out.encoding, sys.stderr.encoding)
print(out.name, sys.stderr.name, out.mode, out.writable(), out.readable(), type(out.seekable()).__name__)
print(sys.stderr.errors, out.closed, sys.__stdout__ is out, type(out.isatty()).__name__)
print('text first,', end=' ')
n = out.buffer.write(b'then bytes\n')
print(n, out.buffer.fileno(), type(out.buffer.write(b'')).__name__)
out.buffer.write('é\n'.encode('utf-8'))
out.flush()
out.buffer.flush()
sys.stderr.buffer.write(b'to stderr\n')
try:
    out.buffer.write('str')
except TypeError as e:
    print('TypeError', e)
print(out.write('abc\n'))

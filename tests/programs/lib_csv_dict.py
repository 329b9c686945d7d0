# csv.py on _csv: DictReader / DictWriter, Sniffer, Dialect subclasses, files
# opened with and without newline='', and the dialect registry.
import csv, io, os, tempfile
rows = [{'name': 'Ann', 'age': 31, 'note': 'likes "tea", cake'}, {'name': 'Bob', 'age': 42, 'note': 'line1\nline2'}, {'name': 'Cy', 'note': None}]
s = io.StringIO()
w = csv.DictWriter(s, fieldnames=['name', 'age', 'note'], restval='?')
w.writeheader(); w.writerows(rows)
print(repr(s.getvalue()))
s.seek(0)
for r in csv.DictReader(s): print(r)
try: csv.DictWriter(io.StringIO(), ['a']).writerow({'a': 1, 'b': 2})
except ValueError as e: print('ValueError', e)
try: csv.DictWriter(io.StringIO(), ['a'], extrasaction='bogus')
except ValueError as e: print('ValueError', e)
r = csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='RV'); print(list(r), r.fieldnames, r.line_num)
print(csv.DictReader(io.StringIO('')).fieldnames)
sample = 'name;age;city\nAnn;31;"Paris"\nBob;42;Rome\n'
d = csv.Sniffer().sniff(sample); print(d.delimiter, d.quotechar, d.doublequote, d.skipinitialspace, repr(d.lineterminator), d.quoting)
print(csv.Sniffer().has_header(sample))
try: csv.Sniffer().sniff('')
except csv.Error as e: print('Error', e)
class Semi(csv.Dialect):
    delimiter = ';'; quotechar = "'"; quoting = csv.QUOTE_ALL; lineterminator = '\n'; doublequote = True; skipinitialspace = False
s = io.StringIO(); csv.writer(s, Semi).writerow(['a', "b'c", 3]); print(repr(s.getvalue()))
try: csv.Dialect()
except csv.Error as e: print('Error', e)
class BadD(csv.Dialect):
    delimiter = ''
try: BadD()
except csv.Error as e: print('Error', e)
path = os.path.join(tempfile.mkdtemp(), 't.csv')
with open(path, 'w', newline='') as f:
    csv.writer(f).writerows([['x', 'y'], ['1', 'a\r\nb'], ['', None]])
with open(path, newline='') as f:
    print(list(csv.reader(f)))
with open(path, 'rb') as f: print(f.read())
with open(path) as f:
    print(list(csv.reader(f)))
os.remove(path)
print(csv.list_dialects(), csv.get_dialect('unix').quoting, repr(csv.get_dialect('unix').lineterminator))
csv.register_dialect('pipes', delimiter='|', quoting=csv.QUOTE_NONE, escapechar='\\')
print(list(csv.reader(['a|b\\|c'], 'pipes'))); csv.unregister_dialect('pipes'); print('pipes' in csv.list_dialects())
try: csv.unregister_dialect('pipes')
except csv.Error as e: print('Error', e)

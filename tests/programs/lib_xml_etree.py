import io
import os
import tempfile
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0" encoding="UTF-8"?>
<!-- leading comment -->
<library name="city" open='yes'>
  <book id="1" lang="en">
    <title>Dune &amp; Sons</title>
    <author>Frank &lt;Herbert&gt;</author>
    <price currency="&quot;EUR&quot;">9.50</price>
  </book>
  <book id="2">
    <title>caf&#233; &#x263A; &apos;quoted&apos;</title>
    <empty/>
    text<b>bold</b>tail
    <![CDATA[raw <cdata> & stuff]]>
  </book>
</library>
"""
root = ET.fromstring(doc)
print(root.tag, sorted(root.attrib.items()), len(root))
for book in root.iter("book"):
    print(book.get("id"), book.get("lang"), [child.tag for child in book])
print(repr(root.find("book/title").text), repr(root.find("book/author").text))
print(root.find(".//price").attrib, root.find(".//price").text)
second = root.findall("book")[1]
print(repr(second.find("title").text))
print(repr(second.find("empty").tail), repr(second.find("b").text), repr(second.find("b").tail))
print(ET.tostring(root, encoding="unicode"))
print(ET.tostring(ET.fromstring("<a x='1'>t<b/>u</a>")))

# namespaces
ns_doc = """<root xmlns="urn:default" xmlns:x="urn:x">
  <item x:kind="k" plain="p">one</item>
  <x:item>two</x:item>
  <other xmlns="">three</other>
</root>"""
nroot = ET.fromstring(ns_doc)
print(nroot.tag)
for child in nroot:
    print(child.tag, sorted(child.attrib.items()), child.text)
print(nroot.find("{urn:x}item").text, nroot.findall("d:item", {"d": "urn:default"})[0].text)
print(ET.tostring(nroot, encoding="unicode"))

# comments and processing instructions when the target asks for them
builder = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=builder)
parser.feed("<r><!-- note --><?proc some data?>x</r>")
tree = parser.close()
print([(c.tag is ET.Comment, c.tag is ET.ProcessingInstruction, c.text) for c in tree])
print(ET.tostring(tree, encoding="unicode"))

# a custom target
class Collector:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, dict(attrib)))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, text):
        self.log.append(("data", text))
    def comment(self, text):
        self.log.append(("comment", text))
    def close(self):
        return self.log

p = ET.XMLParser(target=Collector())
for piece in ["<a k='v'>hel", "lo<!-- c", " --><b/>&amp;", "</a>"]:
    p.feed(piece)
for entry in p.close():
    print(entry)

# parse, iterparse and write through files
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "doc.xml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(doc)
    tree = ET.parse(path)
    print(tree.getroot().tag, len(tree.findall(".//title")))
    for event, elem in ET.iterparse(path, events=("start", "end")):
        if elem.tag in ("book", "library"):
            print(event, elem.tag, elem.get("id"))
    events = [(ev, el if el is None or isinstance(el, tuple) else el.tag)
              for ev, el in ET.iterparse(io.BytesIO(ns_doc.encode()), events=("start-ns", "end", "end-ns"))]
    print(events)
    out = os.path.join(tmp, "out.xml")
    tree.write(out, encoding="utf-8", xml_declaration=True)
    with open(out, encoding="utf-8") as f:
        written = f.read()
    print(written.splitlines()[0])
    print(ET.tostring(ET.parse(out).getroot()) == ET.tostring(tree.getroot()))

# encodings
latin = '<?xml version="1.0" encoding="ISO-8859-1"?><t>\xe9t\xe9</t>'.encode("latin-1")
print(ET.fromstring(latin).text)
print(ET.fromstring("<t>\u00e9\u4e2d</t>".encode("utf-8")).text)

# pull parser
pull = ET.XMLPullParser(events=("start", "end"))
pull.feed("<a><b>1</b>")
print([(e, el.tag) for e, el in pull.read_events()])
pull.feed("<c/></a>")
pull.close()
print([(e, el.tag) for e, el in pull.read_events()])

# entities declared in the document
dtd = """<!DOCTYPE note [<!ENTITY who "World">]><note>Hello &who;!</note>"""
print(ET.fromstring(dtd).text)

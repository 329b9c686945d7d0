import xml.etree.ElementTree as ET
from xml.parsers import expat

cases = [
    "<a></b>", "<a><b></a>", "<a>", "", "<a/><b/>", "<a x='1' x='2'/>",
    "<a>&foo;</a>", "<a>&#0;</a>", "<a><</a>", "<a b=1/>", "<a>\n  <b>\n</a>",
    "<p:a/>", "<?xml version='1.0'?>\n<?xml version='1.0'?><a/>", "text",
    "<a></a>junk", "<a>x", "<!-- c --", "<a b='<'/>", "<a>]]></a>",
    "<a\n b='1'\n c></a>", "<\u00e9></x>", "<a>&amp</a>", "<a>&#xZZ;</a>",
    "<a><!-- x -- y --></a>", "<a b='&undefined;'/>", "<1a/>", "<a>\u00e9\u00e9</b>",
]
for case in cases:
    try:
        ET.fromstring(case)
        print(repr(case), "parsed")
    except ET.ParseError as e:
        print(repr(case), "|", e, "|", e.code, e.position)

print(expat.ErrorString(7), expat.errors.XML_ERROR_TAG_MISMATCH)
print(expat.errors.codes["mismatched tag"], expat.errors.messages[9])

parser = expat.ParserCreate()
try:
    parser.Parse("<doc><x></doc>", True)
except expat.ExpatError as e:
    print(type(e).__name__, e, e.code, e.lineno, e.offset)
    print(parser.ErrorCode, parser.ErrorLineNumber, parser.ErrorColumnNumber)

# the raw expat interface
seen = []
p = expat.ParserCreate(namespace_separator=" ")
p.StartElementHandler = lambda name, attrs: seen.append(("start", name, attrs))
p.EndElementHandler = lambda name: seen.append(("end", name))
p.CharacterDataHandler = lambda data: seen.append(("chars", data))
p.StartNamespaceDeclHandler = lambda prefix, uri: seen.append(("ns", prefix, uri))
p.EndNamespaceDeclHandler = lambda prefix: seen.append(("end-ns", prefix))
p.ProcessingInstructionHandler = lambda target, data: seen.append(("pi", target, data))
p.buffer_text = True
p.Parse(b"<?xml version='1.0'?><r xmlns:q='urn:q' a='1'><q:s q:b='2'>hi &amp; bye</q:s><?go now?></r>", True)
for entry in seen:
    print(entry)

# an entity the document's external DTD may define reaches ElementTree's own table
xhtml = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html><p>a&nbsp;b</p></html>')
try:
    ET.fromstring(xhtml)
except ET.ParseError as e:
    print(e, e.code, e.position)
p = ET.XMLParser()
p.entity["nbsp"] = "\u00a0"
p.feed(xhtml)
print(repr(p.close().find("p").text))

ET.fromstring("<root><unclosed></root>")

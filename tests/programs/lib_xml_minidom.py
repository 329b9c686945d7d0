from xml.dom import minidom

doc = minidom.parseString(
    '<?xml version="1.0"?><catalog xmlns:p="urn:p"><p:item id="7">A &amp; B</item_></catalog>'.replace("</item_>", "</p:item>"))
root = doc.documentElement
print(root.tagName, root.namespaceURI, [n.nodeName for n in root.childNodes])
item = root.firstChild
print(item.tagName, item.localName, item.namespaceURI, item.prefix, item.getAttribute("id"))
print(item.firstChild.data)
doc2 = minidom.parseString("<r><a x='1'>t<!--c--></a><b/><?pi d?></r>")
print(doc2.toxml())
print(doc2.documentElement.toprettyxml(indent="  "))
print([e.getAttribute("x") for e in doc2.getElementsByTagName("a")])

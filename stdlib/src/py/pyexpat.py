"""pyexpat: expat's parser interface as CPython's `xml.parsers.expat` presents it
(ParserCreate, the xmlparser with its handler attributes, ExpatError, the errors and
model submodules), over the native tokenizer `_expat_engine`. Here live element
nesting, namespace processing, character-data buffering, the internal subset's
general entities, and the handler calls."""

import sys as _sys
import _expat_engine

EXPAT_VERSION = "expat_2.6.3"
version_info = (2, 6, 3)
native_encoding = "UTF-8"
features = [("sizeof(XML_Char)", 1), ("sizeof(XML_LChar)", 1), ("XML_DTD", 0),
            ("XML_CONTEXT_BYTES", 1024), ("XML_NS", 0)]
XML_PARAM_ENTITY_PARSING_NEVER = 0
XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE = 1
XML_PARAM_ENTITY_PARSING_ALWAYS = 2

_MESSAGES = (
    ("NO_MEMORY", "out of memory"), ("SYNTAX", "syntax error"),
    ("NO_ELEMENTS", "no element found"),
    ("INVALID_TOKEN", "not well-formed (invalid token)"),
    ("UNCLOSED_TOKEN", "unclosed token"), ("PARTIAL_CHAR", "partial character"),
    ("TAG_MISMATCH", "mismatched tag"), ("DUPLICATE_ATTRIBUTE", "duplicate attribute"),
    ("JUNK_AFTER_DOC_ELEMENT", "junk after document element"),
    ("PARAM_ENTITY_REF", "illegal parameter entity reference"),
    ("UNDEFINED_ENTITY", "undefined entity"),
    ("RECURSIVE_ENTITY_REF", "recursive entity reference"),
    ("ASYNC_ENTITY", "asynchronous entity"),
    ("BAD_CHAR_REF", "reference to invalid character number"),
    ("BINARY_ENTITY_REF", "reference to binary entity"),
    ("ATTRIBUTE_EXTERNAL_ENTITY_REF", "reference to external entity in attribute"),
    ("MISPLACED_XML_PI", "XML or text declaration not at start of entity"),
    ("UNKNOWN_ENCODING", "unknown encoding"),
    ("INCORRECT_ENCODING", "encoding specified in XML declaration is incorrect"),
    ("UNCLOSED_CDATA_SECTION", "unclosed CDATA section"),
    ("EXTERNAL_ENTITY_HANDLING", "error in processing external entity reference"),
    ("NOT_STANDALONE", "document is not standalone"),
    ("UNEXPECTED_STATE", "unexpected parser state - please send a bug report"),
    ("ENTITY_DECLARED_IN_PE", "entity declared in parameter entity"),
    ("FEATURE_REQUIRES_XML_DTD", "requested feature requires XML_DTD support in Expat"),
    ("CANT_CHANGE_FEATURE_ONCE_PARSING", "cannot change setting once parsing has begun"),
    ("UNBOUND_PREFIX", "unbound prefix"), ("UNDECLARING_PREFIX", "must not undeclare prefix"),
    ("INCOMPLETE_PE", "incomplete markup in parameter entity"),
    ("XML_DECL", "XML declaration not well-formed"),
    ("TEXT_DECL", "text declaration not well-formed"),
    ("PUBLICID", "illegal character(s) in public id"), ("SUSPENDED", "parser suspended"),
    ("NOT_SUSPENDED", "parser not suspended"), ("ABORTED", "parsing aborted"),
    ("FINISHED", "parsing finished"),
    ("SUSPEND_PE", "cannot suspend in external parameter entity"),
    ("RESERVED_PREFIX_XML",
     "reserved prefix (xml) must not be undeclared or bound to another namespace name"),
    ("RESERVED_PREFIX_XMLNS", "reserved prefix (xmlns) must not be declared or undeclared"),
    ("RESERVED_NAMESPACE_URI",
     "prefix must not be bound to one of the reserved namespace names"),
    ("INVALID_ARGUMENT", "invalid argument"),
    ("NO_BUFFER", "a successful prior call to function XML_GetBuffer is required"),
    ("AMPLIFICATION_LIMIT_BREACH",
     "limit on input amplification factor (from DTD and entities) breached"),
)

_SYNTAX, _NO_ELEMENTS, _INVALID_TOKEN = 2, 3, 4
_TAG_MISMATCH, _JUNK, _UNDEFINED_ENTITY = 7, 9, 11
_MISPLACED_XML_PI, _UNBOUND_PREFIX, _UNDECLARING_PREFIX = 17, 27, 28
_XML_NAMESPACE = "http://www.w3.org/XML/1998/namespace"


class _Submodule:
    """A namespace of constants that `xml.parsers.expat` installs as a module."""

    def __init__(self, name, doc):
        self.__name__ = "pyexpat." + name
        self.__doc__ = doc

    def __repr__(self):
        return f"<module {self.__name__!r}>"


def _submodule(name, doc):
    module = _Submodule(name, doc)
    _sys.modules[module.__name__] = module
    return module


errors = _submodule("errors", "Constants used to describe error conditions.")
errors.codes = {}
errors.messages = {}
for _code, (_name, _message) in enumerate(_MESSAGES, 1):
    setattr(errors, "XML_ERROR_" + _name, _message)
    errors.codes[_message] = _code
    errors.messages[_code] = _message

model = _submodule("model", "Constants used to interpret content model information.")
for _name, _value in (("XML_CTYPE_EMPTY", 1), ("XML_CTYPE_ANY", 2), ("XML_CTYPE_MIXED", 3),
                      ("XML_CTYPE_NAME", 4), ("XML_CTYPE_CHOICE", 5), ("XML_CTYPE_SEQ", 6),
                      ("XML_CQUANT_NONE", 0), ("XML_CQUANT_OPT", 1), ("XML_CQUANT_REP", 2),
                      ("XML_CQUANT_PLUS", 3)):
    setattr(model, _name, _value)
del _code, _name, _message, _value


class ExpatError(Exception):
    pass


ExpatError.__module__ = "xml.parsers.expat"
error = ExpatError


def ErrorString(code, /):
    return errors.messages.get(code)


_HANDLERS = (
    "StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
    "CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
    "StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
    "StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
    "DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
    "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
    "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
)


def _after(line, column, text):
    """The line and column just past `text`, which starts at line, column."""
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rfind("\n") - 1
    return line, column + len(text)


def _internal_entities(doctype):
    """The general entities with literal values declared in an internal subset."""
    found = {}
    rest = doctype
    while True:
        start = rest.find("<!ENTITY")
        if start < 0:
            return found
        rest = rest[start + 8:]
        parts = rest.lstrip()
        if parts.startswith("%"):
            continue
        name = parts.split(None, 1)[0] if parts.split() else ""
        value = parts[len(name):].lstrip()
        if name and value[:1] in ("'", '"'):
            end = value.find(value[0], 1)
            if end > 0:
                found.setdefault(name, value[1:end])


def _doctype_parts(doctype):
    """(name, system id, public id, internal subset or None) of a DOCTYPE body."""
    subset = None
    head = doctype
    if "[" in doctype:
        head, _, subset = doctype.partition("[")
        subset = subset.rpartition("]")[0]
    words = []
    rest = head.strip()
    while rest:
        if rest[0] in ("'", '"'):
            end = rest.find(rest[0], 1)
            end = len(rest) if end < 0 else end
            words.append(rest[:end + 1])
            rest = rest[end + 1:].lstrip()
        else:
            word, _, rest = rest.partition(" ")
            words.append(word)
            rest = rest.lstrip()
    name = words[0] if words else ""
    system = public = None
    if len(words) >= 3 and words[1] == "SYSTEM":
        system = words[2][1:-1]
    elif len(words) >= 4 and words[1] == "PUBLIC":
        public, system = words[2][1:-1], words[3][1:-1]
    return name, system, public, subset, words


class XMLParserType:
    def __init__(self, encoding=None, namespace_separator=None):
        for name in _HANDLERS:
            object.__setattr__(self, name, None)
        self._encoding = encoding
        self._separator = namespace_separator
        self.buffer_text = False
        self.buffer_size = 8192
        self.ordered_attributes = False
        self.specified_attributes = False
        self.namespace_prefixes = False
        self.intern = {}
        self.ErrorCode = 0
        self.ErrorLineNumber = 1
        self.ErrorColumnNumber = 0
        self.ErrorByteIndex = -1
        self.CurrentLineNumber = 1
        self.CurrentColumnNumber = 0
        self.CurrentByteIndex = -1
        self._decoder = None
        self._pending = ""
        self._line, self._column = 1, 0
        self._open = []
        self._scopes = [{"xml": _XML_NAMESPACE}]
        self._root_done = False
        self._anything_seen = False
        self._text = []
        self._entities = {}
        self._external_dtd = False
        self._finished = False
        self._failed = None
        self._reparse_deferral = True

    @property
    def buffer_used(self):
        return sum(len(piece) for piece in self._text)

    def __setattr__(self, name, value):
        if name == "buffer_text" and not value and getattr(self, "_text", None):
            self._flush()
        object.__setattr__(self, name, value)

    # --- the input

    def _decode(self, data, final):
        if isinstance(data, str):
            return data
        data = bytes(data)
        if self._decoder is None:
            import codecs
            encoding = self._encoding or self._sniff(data)
            try:
                self._decoder = codecs.getincrementaldecoder(encoding)()
            except LookupError:
                self._fail(18, self._line, self._column)
        try:
            return self._decoder.decode(data, final)
        except UnicodeDecodeError:
            self._fail(_INVALID_TOKEN, self._line, self._column)

    @staticmethod
    def _sniff(data):
        if data.startswith(b"\xef\xbb\xbf"):
            return "utf-8-sig"
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        if data.startswith(b"<?xml"):
            head = data[:data.find(b"?>") + 1 or 200].decode("latin-1")
            at = head.find("encoding")
            if at >= 0:
                rest = head[at + 8:].lstrip().lstrip("=").lstrip()
                if rest[:1] in ("'", '"'):
                    end = rest.find(rest[0], 1)
                    if end > 0:
                        return rest[1:end]
        return "utf-8"

    def Parse(self, data, isfinal=False, /):
        if self._failed is not None:
            raise self._failed
        if self._finished:
            self._fail(36, self._line, self._column)
        text = self._pending + self._decode(data, bool(isfinal))
        events, consumed, line, column, failure = _expat_engine.scan(
            text, bool(isfinal), self._line, self._column)
        self._pending = text[consumed:]
        for event in events:
            self._dispatch(event)
        if failure is not None:
            self._fail(*failure)
        self._line, self._column = line, column
        self._flush()
        if isfinal:
            if self._open or not self._root_done:
                self._fail(_NO_ELEMENTS, line, column)
            self._finished = True
        return 1

    def ParseFile(self, file, /):
        read = getattr(file, "read", None)
        if read is None:
            raise TypeError("argument must have 'read' attribute")
        while True:
            data = read(2048)
            if not data:
                return self.Parse(b"" if isinstance(data, bytes) else "", True)
            self.Parse(data, False)

    def _fail(self, code, line, column):
        self._flush_quietly()
        self.ErrorCode = code
        self.ErrorLineNumber = line
        self.ErrorColumnNumber = column
        err = ExpatError(f"{errors.messages[code]}: line {line}, column {column}")
        err.code = code
        err.lineno = line
        err.offset = column
        self._failed = err
        raise err

    def SetBase(self, base, /):
        self._base = base

    def GetBase(self):
        return getattr(self, "_base", None)

    def GetInputContext(self):
        return None

    def SetParamEntityParsing(self, flag, /):
        return 1

    def UseForeignDTD(self, flag=True, /):
        pass

    def GetReparseDeferralEnabled(self):
        return self._reparse_deferral

    def SetReparseDeferralEnabled(self, enabled, /):
        self._reparse_deferral = bool(enabled)

    def ExternalEntityParserCreate(self, context, encoding=None, /):
        raise NotImplementedError("external entities are not supported")

    # --- events

    def _flush(self):
        if self._text:
            text = "".join(self._text)
            self._text = []
            handler = self.CharacterDataHandler
            if handler is not None:
                handler(text)

    def _flush_quietly(self):
        try:
            self._flush()
        except Exception:
            self._text = []

    def _call(self, name, *args):
        handler = getattr(self, name)
        if handler is None:
            return False
        self._flush()
        handler(*args)
        return True

    def _characters(self, text):
        if self.CharacterDataHandler is None:
            if self.DefaultHandlerExpand is not None or self.DefaultHandler is not None:
                self._default(text)
            return
        if self.buffer_text:
            self._text.append(text)
        else:
            self.CharacterDataHandler(text)

    def _default(self, text):
        if not self._call("DefaultHandlerExpand", text):
            self._call("DefaultHandler", text)

    def _dispatch(self, event):
        kind, line, column = event[0], event[1], event[2]
        # Until an error, expat's error position is its current one.
        self.CurrentLineNumber = self.ErrorLineNumber = line
        self.CurrentColumnNumber = self.ErrorColumnNumber = column
        if kind == 0:
            self._start(line, column, event[3], event[4], event[5])
        elif kind == 1:
            self._end(line, column, event[3])
        elif kind == 2:
            if self._open:
                self._characters(event[3])
            else:
                self._outside(line, column, event[3])
        elif kind == 3:
            self._entity(line, column, event[3])
        elif kind == 4:
            self._anything_seen = True
            self._call("CommentHandler", event[3])
        elif kind == 5:
            self._anything_seen = True
            self._call("ProcessingInstructionHandler", event[3], event[4])
        elif kind == 6:
            if not self._open:
                self._fail(_INVALID_TOKEN if self._root_done else _SYNTAX, line, column)
            self._call("StartCdataSectionHandler")
            self._characters(event[3])
            self._call("EndCdataSectionHandler")
        elif kind == 7:
            if self._anything_seen or (line, column) != (1, 0):
                self._fail(_MISPLACED_XML_PI, line, column)
            self._anything_seen = True
            standalone = {"yes": 1, "no": 0}.get(event[5], -1)
            self._call("XmlDeclHandler", event[3], event[4], standalone)
        else:
            self._doctype(event[3])

    def _outside(self, line, column, text):
        stripped = text.lstrip(" \t\r\n")
        if stripped:
            line, column = _after(line, column, text[:len(text) - len(stripped)])
            self._fail(_JUNK if self._root_done else _SYNTAX, line, column)
        self._anything_seen = True

    def _entity(self, line, column, name):
        value = self._entities.get(name)
        if value is not None:
            if self._open:
                self._characters(value)
            return
        if not self._open or not self._external_dtd:
            self._fail(_UNDEFINED_ENTITY, line, column)
        if not self._call("SkippedEntityHandler", name, 0):
            self._default("&" + name + ";")

    def _doctype(self, body):
        self._anything_seen = True
        name, system, public, subset, words = _doctype_parts(body)
        self._external_dtd = system is not None
        if subset is not None:
            self._entities.update(_internal_entities(subset))
        if self.StartDoctypeDeclHandler is not None:
            self._call("StartDoctypeDeclHandler", name, system, public, subset is not None)
            self._call("EndDoctypeDeclHandler")
        elif self.DefaultHandlerExpand is not None or self.DefaultHandler is not None:
            self._default("<!DOCTYPE")
            for word in words:
                self._default(" ")
                self._default(word)
            self._default(">")

    def _qualified(self, name, scope, is_attribute, line, column):
        """A name as expat reports it when processing namespaces."""
        prefix, colon, local = name.partition(":")
        if not colon:
            uri = None if is_attribute else scope.get(None)
            prefix, local = None, name
        else:
            uri = scope.get(prefix)
            if uri is None:
                self._fail(_UNBOUND_PREFIX, line, column)
        if not uri:
            return local
        sep = self._separator
        if self.namespace_prefixes and prefix is not None:
            return uri + sep + local + sep + prefix
        return uri + sep + local

    def _start(self, line, column, name, attributes, empty):
        if self._root_done and not self._open:
            self._fail(_JUNK, line, column)
        self._anything_seen = True
        declared = []
        if self._separator is not None:
            scope = self._scopes[-1]
            plain = []
            for i in range(0, len(attributes), 2):
                key, value = attributes[i], attributes[i + 1]
                if key == "xmlns" or key.startswith("xmlns:"):
                    prefix = key[6:] or None
                    if prefix is not None and not value:
                        self._fail(_UNDECLARING_PREFIX, line, column)
                    if not declared:
                        scope = dict(scope)
                    scope[prefix] = value
                    declared.append((prefix, value))
                else:
                    plain.append(key)
                    plain.append(value)
            for prefix, uri in declared:
                self._call("StartNamespaceDeclHandler", prefix, uri or None)
            attributes = plain
            qualified = self._qualified(name, scope, False, line, column)
            for i in range(0, len(attributes), 2):
                attributes[i] = self._qualified(attributes[i], scope, True, line, column)
            self._scopes.append(scope)
        else:
            qualified = name
        self._open.append((name, qualified, declared))
        if self.StartElementHandler is not None:
            if not self.ordered_attributes:
                attributes = dict(zip(attributes[::2], attributes[1::2]))
            self._call("StartElementHandler", qualified, attributes)
        if empty:
            self._close_element()

    def _end(self, line, column, name):
        if not self._open:
            self._fail(_JUNK if self._root_done else _INVALID_TOKEN, line, column)
        if self._open[-1][0] != name:
            self._fail(_TAG_MISMATCH, line, column + 2)
        self._close_element()

    def _close_element(self):
        name, qualified, declared = self._open.pop()
        self._call("EndElementHandler", qualified)
        if self._separator is not None:
            self._scopes.pop()
            for prefix, _ in reversed(declared):
                self._call("EndNamespaceDeclHandler", prefix)
        if not self._open:
            self._root_done = True


XMLParserType.__name__ = "xmlparser"
XMLParserType.__qualname__ = "xmlparser"
XMLParserType.__module__ = "pyexpat"


def ParserCreate(encoding=None, namespace_separator=None, intern=None):
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError(
            f"ParserCreate() argument 'encoding' must be str or None, not {type(encoding).__name__}")
    if namespace_separator is not None:
        if not isinstance(namespace_separator, str):
            raise TypeError("ParserCreate() argument 'namespace_separator' must be str or None, "
                            f"not {type(namespace_separator).__name__}")
        if len(namespace_separator) > 1:
            raise ValueError("namespace_separator must be at most one character, omitted, or None")
    return XMLParserType(encoding, namespace_separator)

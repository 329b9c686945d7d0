"""_tokenize: the C tokenizer's iterator that CPython's tokenize.py reads tokens from.

`TokenizerIter(readline, encoding=None, extra_tokens=False)` reads the whole source
through `readline` (str lines, or bytes decoded with `encoding`) on the first
`next()`, and gives the (type, string, start, end, line) tuples that
`_tokenize_engine` (native) makes, then raises the tokenizer's SyntaxError or
IndentationError where the source goes wrong. Only the `extra_tokens=True` stream
(the one tokenize.py asks for) is made.
"""

import _tokenize_engine


class TokenizerIter:
    """The tokens of the source `readline` gives."""

    def __init__(self, readline, *, encoding=None, extra_tokens=False):
        if not extra_tokens:
            raise NotImplementedError(
                "tripwire's tokenizer makes only the extra_tokens=True stream")
        self._readline = readline
        self._encoding = encoding
        self._tokens = None
        self._error = None

    def __iter__(self):
        return self

    def _read(self):
        lines = []
        while True:
            try:
                line = self._readline()
            except StopIteration:
                break
            if not line:
                break
            if self._encoding is not None:
                line = line.decode(self._encoding)
            elif not isinstance(line, str):
                raise TypeError("readline() returned a non-string object")
            lines.append(line)
        tokens, self._error = _tokenize_engine.tokens("".join(lines))
        self._tokens = iter(tokens)

    def __next__(self):
        if self._tokens is None:
            self._read()
        for token in self._tokens:
            return token
        error = self._error
        if error is None:
            raise StopIteration
        self._error = None
        cls, msg, lineno, offset, text = error
        exc = IndentationError if cls == "IndentationError" else SyntaxError
        raise exc(msg, ("<string>", lineno, offset, text, None, None))

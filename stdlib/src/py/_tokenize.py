"""_tokenize: what CPython's tokenize.py imports from its C tokenizer.

tripwire has no tokenizer that produces CPython's token stream yet, so
`TokenizerIter` (behind tokenize.generate_tokens / tokenize.tokenize) raises
NotImplementedError; the rest of tokenize (open, detect_encoding, untokenize) and
linecache, which reads source through tokenize.open, work.
"""


class TokenizerIter:
    """The C tokenizer's iterator: not available in tripwire."""

    def __init__(self, source, encoding=None, *, extra_tokens=False):
        raise NotImplementedError(
            "tokenizing Python source is not implemented in tripwire")

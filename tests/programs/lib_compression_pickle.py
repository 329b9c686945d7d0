# The compression streams refuse pickling (and copying through pickling) as in
# CPython; zlib's Compress and Decompress copy through their own copy().
import _bz2
import _lzma
import copy
import pickle
import zlib

for obj in [zlib.compressobj(), zlib.decompressobj(), zlib._ZlibDecompressor(),
            _bz2.BZ2Compressor(), _bz2.BZ2Decompressor(),
            _lzma.LZMACompressor(), _lzma.LZMADecompressor()]:
    for label, f in (('pickle', pickle.dumps), ('copy', copy.copy), ('deepcopy', copy.deepcopy)):
        try:
            r = f(obj)
            print(type(obj).__name__, label, type(r).__name__)
        except TypeError as e:
            print(type(obj).__name__, label, 'TypeError', e)

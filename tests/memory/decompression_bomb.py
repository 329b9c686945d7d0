# A deflate stream that inflates to about 5 GB, past the address-space limit: each
# way of decompressing it in one call raises MemoryError, and the program goes on.
import zlib

c = zlib.compressobj(9, wbits=-15)
block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
body = block * 5000
for label, run in [('decompress', lambda: zlib.decompress(body, -15)),
                   ('decompressobj', lambda: zlib.decompressobj(-15).decompress(body)),
                   ('_ZlibDecompressor', lambda: zlib._ZlibDecompressor(-15).decompress(body))]:
    try:
        run()
    except MemoryError:
        print(label, 'MemoryError')
# What fits is still decompressed.
print(len(zlib.decompressobj(-15).decompress(block * 3)))

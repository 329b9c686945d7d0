# Subclasses of bytes (pickled, hence a lib_ program): the instance is its
# bytes everywhere a bytes is read, and keeps its class, attributes and methods.
import io
import pickle


class Key(bytes):
    def __reduce__(self):
        return Key, (bytes(self),)

    def shout(self):
        return self.upper()


k = Key(b"secret")
print(type(k).__name__, isinstance(k, bytes), len(k), k == b"secret", k)
print(k + b"!", k[1], k[:3], k.decode(), k.hex(), k.shout(), k.split(b"c"))
print(bytes(k), type(bytes(k)).__name__, hash(k) == hash(b"secret"), k in {b"secret"})
print(b"-".join([k, k]), k.startswith(b"se"), bytearray(k), list(memoryview(k))[:2])
k.note = "attribute"
print(k.note, Key(3), Key("t", "ascii"), Key([65, 66]))
print(pickle.loads(pickle.dumps(k)), type(pickle.loads(pickle.dumps(k))).__name__)


class Empty(bytes):
    pass


print(repr(Empty()), Empty(b"x") * 3, int.from_bytes(Empty(b"\x01\x00"), "big"))
buf = io.BytesIO()
buf.write(b"abc")
view = buf.getbuffer()
print(bytes(view), len(view), view[0])
view.release()
try:
    class Both(bytes, int):
        pass
except TypeError as e:
    print("TypeError:", e)

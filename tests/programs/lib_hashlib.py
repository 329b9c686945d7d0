# hashlib over tripwire's _md5, _sha1, _sha2, _sha3 and _blake2: digests, copies,
# incremental updates, the shakes' lengths, BLAKE2's parameters, hmac, and errors.
import hashlib
import hmac

for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512",
             "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    h = hashlib.new(name, b"hello")
    h.update(b" world")
    c = h.copy()
    c.update(b"!")
    print(name, h.hexdigest(), h.digest_size, h.block_size, h.name,
          c.hexdigest() != h.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))

print(hashlib.md5(b"x").hexdigest(), hashlib.sha256().hexdigest())
print(hashlib.sha1(b"a" * 1000).hexdigest(), getattr(hashlib, "sha512")(b"").hexdigest()[:32])
print(hashlib.shake_128(b"abc").hexdigest(10), hashlib.shake_256(b"abc").digest(5))
print(hashlib.shake_128().digest_size, hashlib.shake_256(b"x").name)
print(hashlib.blake2b(b"abc", digest_size=16, key=b"k", salt=b"s", person=b"p").hexdigest())
print(hashlib.blake2s(b"abc", digest_size=8).hexdigest())
print(hashlib.blake2b(b"x", last_node=True, fanout=2, depth=3, leaf_size=5, node_offset=6,
                      node_depth=7, inner_size=8).hexdigest())
print(hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.SALT_SIZE, hashlib.blake2b.PERSON_SIZE)
print(sorted(hashlib.algorithms_guaranteed))
print(hashlib.md5(memoryview(b"abc")).hexdigest(), hashlib.sha1(bytearray(b"abc")).hexdigest())
print(hashlib.sha256(string=b"kw").hexdigest(), hashlib.md5(b"u", usedforsecurity=False).hexdigest())
print(hmac.new(b"key", b"msg", "sha256").hexdigest(), hmac.digest(b"k", b"m", "md5").hex())
print(hmac.compare_digest(b"abc", b"abc"), hmac.new(b"k", digestmod=hashlib.sha1).name)
for bad in [lambda: hashlib.md5("text"), lambda: hashlib.sha256(42),
            lambda: hashlib.blake2b(digest_size=65), lambda: hashlib.blake2s(key=b"k" * 33),
            lambda: hashlib.new("nope")]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

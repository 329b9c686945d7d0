# binascii and base64 on it: hex, base64 (lenient and strict), CRCs, and the errors.
import base64
import binascii


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


show("hexlify", lambda: (binascii.hexlify(b"\x00\xffab"), binascii.b2a_hex(bytearray(b"xy"))))
show("hexlify sep", lambda: (binascii.hexlify(b"\x01\x02\x03\x04\x05", "-"), binascii.hexlify(b"\x01\x02\x03\x04\x05", b":", 2), binascii.hexlify(b"\x01\x02\x03\x04\x05", " ", -2)))
show("unhexlify", lambda: (binascii.unhexlify(b"00ff6162"), binascii.a2b_hex("4142")))
show("unhexlify odd", lambda: binascii.unhexlify(b"abc"))
show("unhexlify bad", lambda: binascii.unhexlify(b"zz"))
show("unhexlify space", lambda: binascii.unhexlify(b" f"))
show("b2a_base64", lambda: [binascii.b2a_base64(x) for x in (b"", b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar")])
show("b2a no newline", lambda: binascii.b2a_base64(b"\xff\xfe\xfd", newline=False))
show("a2b_base64", lambda: [binascii.a2b_base64(x) for x in (b"", b"Zg==", b"Zm8=", b"Zm9v", b"Zm9vYmFy\n", "Zm9v YmE=")])
show("a2b junk", lambda: binascii.a2b_base64(b"Zm!9v"))
show("a2b padding", lambda: binascii.a2b_base64(b"Zm9vY"))
show("a2b incorrect", lambda: binascii.a2b_base64(b"Zm9vYm"))
show("a2b strict", lambda: binascii.a2b_base64(b"Zm9v!", strict_mode=True))
show("a2b strict excess", lambda: binascii.a2b_base64(b"Zg==Zg==", strict_mode=True))
show("a2b str", lambda: binascii.a2b_base64("Zé"))
show("b2a str", lambda: binascii.b2a_base64("abc"))
show("crc32", lambda: (binascii.crc32(b"hello world"), binascii.crc32(b"world", binascii.crc32(b"hello ")), binascii.crc32(b"")))
show("crc_hqx", lambda: (binascii.crc_hqx(b"123456789", 0), binascii.crc_hqx(b"abc", 0xffff)))
show("Error", lambda: (issubclass(binascii.Error, ValueError), binascii.Error.__module__))
show("base64", lambda: (base64.b64encode(b"tripwire"), base64.b64decode(b"dHJpcHdpcmU="), base64.urlsafe_b64encode(b"\xfb\xff")))
show("base64 validate", lambda: base64.b64decode(b"dHJp!cHdpcmU=", validate=True))
show("base32 16 85", lambda: (base64.b32encode(b"abc"), base64.b16encode(b"\xab"), base64.b85encode(b"abcd"), base64.b32decode(b"MFRGG===")))

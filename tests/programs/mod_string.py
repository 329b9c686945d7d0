# string module constants.
import string
print(string.ascii_letters)
print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.digits)
print(string.hexdigits)
print(string.punctuation)
print(len(string.ascii_letters), len(string.punctuation), len(string.hexdigits))
def caesar(text, shift):
    lower = string.ascii_lowercase
    upper = string.ascii_uppercase
    out = []
    for ch in text:
        if ch in lower:
            out.append(lower[(lower.index(ch) + shift) % 26])
        elif ch in upper:
            out.append(upper[(upper.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World!"
enc = caesar(msg, 3)
print(enc, caesar(enc, -3))
print(all(c in string.hexdigits for c in "DeadBeef"), any(c in string.punctuation for c in "abc"))
print("".join(c for c in "a1!b2@c3#" if c in string.ascii_letters))
print(" ".join(w.capitalize() for w in "the quick   brown fox".split()))
counts = {k: sum(1 for c in "Hello World 123!" if c in group) for k, group in
          [("letters", string.ascii_letters), ("digits", string.digits), ("punct", string.punctuation)]}
print(counts)

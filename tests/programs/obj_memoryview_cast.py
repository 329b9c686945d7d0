# memoryview.cast to multi-byte native formats: item counts, values, indexing,
# slicing, the descriptive attributes, casting back to bytes, and the errors.
data = bytes(range(1, 17))
words = memoryview(data).cast("I")
print(len(words), words.itemsize, words.nbytes, words.format, words.shape, words.strides)
print(words.tolist(), words[0], words[-1], list(words[1:3]), words[::2].tolist())
print(words.tobytes() == data, words.cast("B").tolist()[:6], len(words.cast("B")))
print(memoryview(data).cast("h").tolist()[:4], memoryview(data).cast("Q").tolist())
print(memoryview(data).cast("@i")[1], memoryview(data).cast("b")[2])
signed = memoryview(b"\xff\xff\xfe\xff\xff\xff\xff\xff")
print(signed.cast("h").tolist(), signed.cast("H").tolist(), signed.cast("q")[0])
print(memoryview(b"\x00\x00\x80\x3f\x00\x00\x00\xc0").cast("f").tolist())
print(memoryview(bytes(8)).cast("d")[0], memoryview(b"\x00\x02").cast("?").tolist())
print([x for x in memoryview(data[:8]).cast("L")], words.contiguous, words[::2].contiguous)
for attempt in [
    lambda: memoryview(data[:3]).cast("h"),
    lambda: words.cast("h"),
    lambda: memoryview(data)[::2].cast("h"),
    lambda: memoryview(data).cast("x"),
    lambda: words[4],
]:
    try:
        attempt()
    except (TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)

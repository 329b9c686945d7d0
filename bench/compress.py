"""Compress: an LZ77 + Huffman compressor and decompressor for bytes.

The compressor finds repeated strings with hash chains over a sliding
window and emits literals and (length, distance) matches; the symbols are
then coded with canonical Huffman codes built with heapq and packed into a
bytearray bit by bit.  The decompressor reads the code lengths back, decodes
the bit stream symbol by symbol and replays the matches.  Inputs are seeded
random text and a more repetitive log-like text.  The workload is bytes and
bytearray indexing, integer bit operations, dicts of chains and list
building.  It prints each input's size, its compressed size and an Adler-32
checksum, and fails if a round trip changes a byte.
"""

import heapq
import random

WINDOW = 1 << 12
MIN_MATCH = 3
MAX_MATCH = 258
MAX_CHAIN = 24
END = 256
LENGTH_BASE = 257
LITLEN_SYMBOLS = LENGTH_BASE + MAX_MATCH - MIN_MATCH + 1
DISTANCE_SYMBOLS = WINDOW.bit_length()


def find_tokens(data):
    """LZ77 parse: a list of ints (literals) and (length, distance) tuples."""
    tokens = []
    head = {}
    chain = [-1] * len(data)
    size = len(data)
    pos = 0
    while pos < size:
        best_length = 0
        best_distance = 0
        if pos + MIN_MATCH <= size:
            key = data[pos] << 16 | data[pos + 1] << 8 | data[pos + 2]
            candidate = head.get(key, -1)
            limit = min(MAX_MATCH, size - pos)
            tries = MAX_CHAIN
            while candidate >= 0 and pos - candidate <= WINDOW and tries:
                if data[candidate + best_length] == data[pos + best_length]:
                    length = 0
                    while length < limit and data[candidate + length] == data[pos + length]:
                        length += 1
                    if length > best_length:
                        best_length = length
                        best_distance = pos - candidate
                        if length == limit:
                            break
                candidate = chain[candidate]
                tries -= 1
        step = best_length if best_length >= MIN_MATCH else 1
        if step > 1:
            tokens.append((best_length, best_distance))
        else:
            tokens.append(data[pos])
        for p in range(pos, min(pos + step, size - MIN_MATCH + 1)):
            key = data[p] << 16 | data[p + 1] << 8 | data[p + 2]
            chain[p] = head.get(key, -1)
            head[key] = p
        pos += step
    return tokens


def distance_code(distance):
    """Symbol and extra bits of a distance: the bit length of distance - 1."""
    value = distance - 1
    symbol = value.bit_length()
    extra_bits = max(symbol - 1, 0)
    return symbol, extra_bits, value - (1 << extra_bits if symbol > 1 else symbol)


def code_lengths(frequencies):
    """Huffman code lengths per symbol (0 for unused symbols)."""
    heap = [(count, symbol, [symbol]) for symbol, count in enumerate(frequencies) if count]
    lengths = [0] * len(frequencies)
    if len(heap) == 1:
        lengths[heap[0][1]] = 1
        return lengths
    heapq.heapify(heap)
    order = len(frequencies)
    while len(heap) > 1:
        count_a, _, members_a = heapq.heappop(heap)
        count_b, _, members_b = heapq.heappop(heap)
        for symbol in members_a:
            lengths[symbol] += 1
        for symbol in members_b:
            lengths[symbol] += 1
        heapq.heappush(heap, (count_a + count_b, order, members_a + members_b))
        order += 1
    return lengths


def canonical_codes(lengths):
    codes = [0] * len(lengths)
    code = 0
    ordered = sorted((length, symbol) for symbol, length in enumerate(lengths) if length)
    previous = 0
    for length, symbol in ordered:
        code <<= length - previous
        codes[symbol] = code
        code += 1
        previous = length
    return codes


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.count = 0

    def write(self, value, width):
        self.acc = (self.acc << width) | value
        self.count += width
        while self.count >= 8:
            self.count -= 8
            self.out.append((self.acc >> self.count) & 0xFF)
        self.acc &= (1 << self.count) - 1

    def finish(self):
        if self.count:
            self.out.append((self.acc << (8 - self.count)) & 0xFF)
        return bytes(self.out)


class BitReader:
    def __init__(self, data, pos):
        self.data = data
        self.pos = pos
        self.acc = 0
        self.count = 0

    def bit(self):
        if not self.count:
            self.acc = self.data[self.pos]
            self.pos += 1
            self.count = 8
        self.count -= 1
        return (self.acc >> self.count) & 1

    def bits(self, width):
        value = 0
        for _ in range(width):
            value = (value << 1) | self.bit()
        return value


class Decoder:
    """Canonical Huffman decoding, one bit at a time, by code length."""

    def __init__(self, lengths):
        longest = max(lengths)
        self.count = [0] * (longest + 1)
        for length in lengths:
            if length:
                self.count[length] += 1
        self.symbols = [symbol for _, symbol in
                        sorted((length, symbol) for symbol, length in enumerate(lengths) if length)]

    def decode(self, reader):
        code = 0
        first = 0
        index = 0
        for length in range(1, len(self.count)):
            code |= reader.bit()
            count = self.count[length]
            if code - first < count:
                return self.symbols[index + code - first]
            index += count
            first = (first + count) << 1
            code <<= 1
        raise ValueError("invalid code")


def compress(data):
    tokens = find_tokens(data)
    litlen_freq = [0] * LITLEN_SYMBOLS
    distance_freq = [0] * (DISTANCE_SYMBOLS + 1)
    for token in tokens:
        if type(token) is int:
            litlen_freq[token] += 1
        else:
            length, distance = token
            litlen_freq[LENGTH_BASE + length - MIN_MATCH] += 1
            distance_freq[distance_code(distance)[0]] += 1
    litlen_freq[END] += 1
    litlen_lengths = code_lengths(litlen_freq)
    distance_lengths = code_lengths(distance_freq)
    litlen_codes = canonical_codes(litlen_lengths)
    distance_codes = canonical_codes(distance_lengths)
    writer = BitWriter()
    for length in litlen_lengths + distance_lengths:
        writer.write(length, 5)
    for token in tokens:
        if type(token) is int:
            writer.write(litlen_codes[token], litlen_lengths[token])
        else:
            length, distance = token
            symbol = LENGTH_BASE + length - MIN_MATCH
            writer.write(litlen_codes[symbol], litlen_lengths[symbol])
            symbol, extra_bits, extra = distance_code(distance)
            writer.write(distance_codes[symbol], distance_lengths[symbol])
            writer.write(extra, extra_bits)
    writer.write(litlen_codes[END], litlen_lengths[END])
    return writer.finish()


def decompress(blob):
    reader = BitReader(blob, 0)
    litlen_lengths = [reader.bits(5) for _ in range(LITLEN_SYMBOLS)]
    distance_lengths = [reader.bits(5) for _ in range(DISTANCE_SYMBOLS + 1)]
    litlen = Decoder(litlen_lengths)
    distances = Decoder(distance_lengths) if any(distance_lengths) else None
    out = bytearray()
    while True:
        symbol = litlen.decode(reader)
        if symbol < END:
            out.append(symbol)
            continue
        if symbol == END:
            return bytes(out)
        length = symbol - LENGTH_BASE + MIN_MATCH
        code = distances.decode(reader)
        if code <= 1:
            distance = code + 1
        else:
            distance = (1 << (code - 1)) + reader.bits(code - 1) + 1
        start = len(out) - distance
        for i in range(length):
            out.append(out[start + i])


def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return b << 16 | a


def prose(rng, size):
    words = ["the", "of", "and", "a", "to", "in", "is", "you", "that", "it",
             "he", "was", "for", "on", "are", "as", "with", "his", "they",
             "compressor", "window", "symbol", "huffman", "distance", "naïve", "café"]
    pieces = []
    total = 0
    while total < size:
        piece = words[min(int(rng.expovariate(0.25)), len(words) - 1)]
        if rng.random() < 0.08:
            piece += "." if rng.random() < 0.7 else ",\n"
        pieces.append(piece)
        total += len(piece) + 1
    return " ".join(pieces).encode("utf-8")


def log_lines(rng, count):
    levels = ["INFO", "INFO", "INFO", "WARN", "DEBUG", "ERROR"]
    services = ["auth", "billing", "search", "storage"]
    lines = []
    for i in range(count):
        lines.append("2026-01-%02d %02d:%02d:%02d [%s] %s: request %d took %d ms\n" % (
            1 + i // 4000, (i // 60) % 24, i % 60, rng.randrange(60),
            rng.choice(levels), rng.choice(services), rng.randrange(1000), rng.randrange(500)))
    return "".join(lines).encode("ascii")


ROUNDS = 11


def main():
    rng = random.Random(7)
    inputs = [("prose", prose(rng, 30000)), ("log", log_lines(rng, 600)),
              ("zeros", bytes(4000)), ("bytes", bytes(rng.randrange(256) for _ in range(3000)))]
    print("compress: %d rounds" % ROUNDS)
    for name, data in inputs:
        for _ in range(ROUNDS):
            blob = compress(data)
            if decompress(blob) != data:
                raise AssertionError(f"{name}: round trip changed the data")
        print(f"{name}: {len(data)} -> {len(blob)} bytes, adler32 {adler32(blob):08x}")


if __name__ == "__main__":
    main()

# Word-frequency counter with Counter and deterministic sorted output.
from collections import Counter, defaultdict
import string

TEXT = """
It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of
incredulity, it was the season of Light, it was the season of Darkness, it was
the spring of hope, it was the winter of despair, we had everything before us,
we had nothing before us, we were all going direct to Heaven, we were all going
direct the other way -- in short, the period was so far like the present period.
"""

STOP = {"the", "of", "it", "was", "we", "to", "in", "so", "us", "all"}

def words(text):
    cleaned = "".join(" " if c in string.punctuation else c for c in text.lower())
    return cleaned.split()

ws = words(TEXT)
counts = Counter(ws)
print("total words:", len(ws), "distinct:", len(counts))
print("top 8:", counts.most_common(8))
content = Counter(w for w in ws if w not in STOP)
print("top content words:")
for word, n in sorted(content.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
    print(f"  {word:<12}{n:>3} {'#' * n}")

by_length = defaultdict(list)
for w in sorted(set(ws)):
    by_length[len(w)].append(w)
for length in sorted(by_length):
    print(length, by_length[length])

letters = Counter(c for c in TEXT.lower() if c.isalpha())
print("letters:", "".join(c for c, _ in sorted(letters.items(), key=lambda kv: (-kv[1], kv[0]))[:10]))
print("vowel share: {:.2%}".format(sum(letters[v] for v in "aeiou") / sum(letters.values())))

bigrams = Counter(zip(ws, ws[1:]))
print("top bigrams:", [" ".join(b) + f"={n}" for b, n in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]])

first_seen = {}
for i, w in enumerate(ws):
    first_seen.setdefault(w, i)
print("first positions:", [(w, first_seen[w]) for w in ["times", "wisdom", "heaven", "period"]])

lines = [line for line in TEXT.strip().splitlines()]
longest = max(lines, key=len)
print("lines:", len(lines), "longest has", len(longest.split()), "words")
print("capitalized in original:", sorted({w.strip(string.punctuation) for w in TEXT.split() if w[:1].isupper()}))
hapax = sorted(w for w, n in counts.items() if n == 1)
print("hapax count:", len(hapax), "first five:", hapax[:5])
combined = counts + Counter(words("the end of the story"))
print(combined["the"], combined["end"], (counts - Counter(ws[:10]))["was"])

def concordance(tokens, target, width=2):
    out = []
    for i, w in enumerate(tokens):
        if w == target:
            left = " ".join(tokens[max(0, i - width):i])
            right = " ".join(tokens[i + 1:i + 1 + width])
            out.append(f"{left:>22} [{w}] {right}")
    return out

for row in concordance(ws, "season") + concordance(ws, "direct", 3):
    print(row)

print(f"{'line':>4} {'words':>5} {'chars':>5} {'top':<8}")
for no, line in enumerate(lines, 1):
    lw = words(line)
    top_word, top_n = Counter(lw).most_common(1)[0]
    print(f"{no:>4} {len(lw):>5} {len(line):>5} {top_word:<8}{top_n}")

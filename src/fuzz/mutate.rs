//! Deterministic mutations of Python source: a rough tokenizer, a seeded generator,
//! and the mutation operators (token and line edits, inserted bytes, deep nesting,
//! huge literals). Depends on nothing else in the crate.
//!
//! A mutant is a pure function of (seed, index, base source): `mutant(seed, i, src)`
//! gives the same bytes on every machine, so a failure is reproduced from its index.

/// splitmix64: small, fast, and the same sequence everywhere.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    /// The generator for mutant `index` of campaign `seed`.
    pub fn for_mutant(seed: u64, index: u64) -> Self {
        let mut r = Rng(seed ^ index.wrapping_mul(0xA076_1D64_78BD_642F));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TokenKind {
    Name,
    Number,
    String,
    Operator,
    /// Whitespace, newlines and comments: kept, never chosen as a mutation point.
    Trivia,
}

#[derive(Clone, Debug)]
struct Token {
    kind: TokenKind,
    start: usize,
    end: usize,
}

/// Splits source into tokens well enough to mutate it: names, numbers, string
/// literals (with triple quotes), one-character operators, and trivia. Malformed
/// input still splits; every byte belongs to exactly one token.
fn tokenize(src: &[u8]) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < src.len() {
        let start = i;
        let c = src[i];
        let kind = if c == b'#' {
            while i < src.len() && src[i] != b'\n' {
                i += 1;
            }
            TokenKind::Trivia
        } else if c.is_ascii_whitespace() {
            while i < src.len() && src[i].is_ascii_whitespace() {
                i += 1;
            }
            TokenKind::Trivia
        } else if c == b'"' || c == b'\'' {
            i = string_end(src, i);
            TokenKind::String
        } else if c.is_ascii_digit() {
            while i < src.len()
                && (src[i].is_ascii_alphanumeric() || src[i] == b'_' || src[i] == b'.')
            {
                i += 1;
            }
            TokenKind::Number
        } else if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 {
            while i < src.len()
                && (src[i].is_ascii_alphanumeric() || src[i] == b'_' || src[i] >= 0x80)
            {
                i += 1;
            }
            TokenKind::Name
        } else {
            i += 1;
            TokenKind::Operator
        };
        tokens.push(Token {
            kind,
            start,
            end: i,
        });
    }
    tokens
}

/// The end of the string literal opening at `start` (or the end of the line if it
/// never closes).
fn string_end(src: &[u8], start: usize) -> usize {
    let quote = src[start];
    let triple = src.len() >= start + 3 && src[start + 1] == quote && src[start + 2] == quote;
    let mut i = start + if triple { 3 } else { 1 };
    while i < src.len() {
        match src[i] {
            b'\\' => i += 2,
            b'\n' if !triple => return i,
            q if q == quote => {
                if !triple {
                    return i + 1;
                }
                if src.len() >= i + 3 && src[i + 1] == quote && src[i + 2] == quote {
                    return i + 3;
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    src.len()
}

/// Byte sequences worth inserting: brackets and quotes that unbalance, tabs that
/// confuse indentation, bytes that are not UTF-8, a NUL, a BOM, a non-ASCII name.
const INSERTS: &[&[u8]] = &[
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b":",
    b"\"",
    b"'",
    b"\"\"\"",
    b"\\",
    b"\t",
    b"\n",
    b"\n    ",
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xef\xbb\xbf",
    "\u{e9}t\u{e9}".as_bytes(),
    b"*",
    b"**",
    b"lambda",
    b"await ",
    b"yield ",
    b"async ",
    b"global x\n",
    b"del ",
    b"return ",
    b"nonlocal x\n",
    b"@",
    b" if 1 else ",
    b",",
    b";",
    b"=",
    b":=",
];

/// What a value can be replaced with: other types, edge values, huge sizes.
const REPLACEMENTS: &[&str] = &[
    "None",
    "True",
    "0",
    "-1",
    "''",
    "[]",
    "{}",
    "()",
    "object()",
    "1.5",
    "float('nan')",
    "2**64",
    "-2**63",
    "10**400",
    "'ab'*10**6",
    "[0]*10**6",
    "range(10**18)",
    "len",
    "type",
    "print",
    "__import__",
    "...",
    "b'x'",
    "1j",
];

/// Huge numeric literals (digit counts around CPython's limits).
fn huge_number(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => "9".repeat(*rng.pick(&[20, 400, 4301, 100_000])),
        1 => "1e999".to_string(),
        2 => format!("0x{}", "f".repeat(*rng.pick(&[17, 5000, 100_000]))),
        3 => format!("1{}", "_0".repeat(*rng.pick(&[10, 3000]))),
        4 => "0.".to_string() + &"3".repeat(2000),
        _ => "10**10**5".to_string(),
    }
}

/// Wrapped `depth` times around `inner`: brackets, unary operators, lambdas, calls.
fn nested(rng: &mut Rng, inner: &str, depth: usize) -> String {
    let (open, close) = *rng.pick(&[
        ("(", ")"),
        ("[", "]"),
        ("{", "}"),
        ("-", ""),
        ("not ", ""),
        ("lambda: ", ""),
        ("abs(", ")"),
        ("(1, ", ")"),
        ("f'{", "}'"),
        ("await ", ""),
        ("*", ""),
    ]);
    let mut s = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    for _ in 0..depth {
        s.push_str(close);
    }
    s
}

/// A statement nested `depth` blocks deep, in front of line `line`.
fn nested_blocks(rng: &mut Rng, depth: usize) -> String {
    let header = *rng.pick(&[
        "if 1:",
        "while 0:",
        "for _ in (): ",
        "try:",
        "with x:",
        "def f():",
        "class C:",
    ]);
    let mut s = String::new();
    for level in 0..depth {
        s.push_str(&" ".repeat(level));
        s.push_str(header);
        s.push('\n');
    }
    s.push_str(&" ".repeat(depth));
    s.push_str("pass\n");
    if header == "try:" {
        s.push_str("finally:\n pass\n");
    }
    s
}

/// The mutation operators; `mutate` applies one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mutation {
    DeleteToken,
    DuplicateToken,
    SwapTokens,
    DeleteLine,
    DuplicateLine,
    SwapLines,
    InsertBytes,
    ReplaceValue,
    ReplaceOperator,
    ReplaceName,
    NestDeeply,
    NestBlocks,
    HugeLiteral,
}

const MUTATIONS: &[Mutation] = &[
    Mutation::DeleteToken,
    Mutation::DuplicateToken,
    Mutation::SwapTokens,
    Mutation::DeleteLine,
    Mutation::DuplicateLine,
    Mutation::SwapLines,
    Mutation::InsertBytes,
    Mutation::ReplaceValue,
    Mutation::ReplaceOperator,
    Mutation::ReplaceName,
    Mutation::NestDeeply,
    Mutation::NestBlocks,
    Mutation::HugeLiteral,
];

fn splice(src: &[u8], start: usize, end: usize, with: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(src.len() - (end - start) + with.len());
    out.extend_from_slice(&src[..start]);
    out.extend_from_slice(with);
    out.extend_from_slice(&src[end..]);
    out
}

/// Line spans, each with its newline.
fn lines(src: &[u8]) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    for (i, &b) in src.iter().enumerate() {
        if b == b'\n' {
            spans.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < src.len() {
        spans.push((start, src.len()));
    }
    spans
}

/// Apply `m` once at places `rng` chooses; the source is returned unchanged when it
/// has nothing the operator needs (no tokens of the kind, no lines).
pub fn mutate(rng: &mut Rng, m: Mutation, src: &[u8]) -> Vec<u8> {
    let tokens = tokenize(src);
    let of_kind = |pred: &dyn Fn(TokenKind) -> bool| -> Vec<&Token> {
        tokens.iter().filter(|t| pred(t.kind)).collect()
    };
    let solid = of_kind(&|k| k != TokenKind::Trivia);
    let line_spans = lines(src);
    match m {
        Mutation::DeleteToken | Mutation::DuplicateToken if !solid.is_empty() => {
            let t = rng.pick(&solid);
            let text = &src[t.start..t.end];
            let with = if m == Mutation::DeleteToken {
                Vec::new()
            } else {
                [text, text].concat()
            };
            splice(src, t.start, t.end, &with)
        }
        Mutation::SwapTokens if solid.len() >= 2 => {
            let (mut a, mut b) = (rng.pick(&solid), rng.pick(&solid));
            if a.start > b.start {
                std::mem::swap(&mut a, &mut b);
            }
            if a.start == b.start {
                return src.to_vec();
            }
            let mut out = src[..a.start].to_vec();
            out.extend_from_slice(&src[b.start..b.end]);
            out.extend_from_slice(&src[a.end..b.start]);
            out.extend_from_slice(&src[a.start..a.end]);
            out.extend_from_slice(&src[b.end..]);
            out
        }
        Mutation::DeleteLine | Mutation::DuplicateLine if !line_spans.is_empty() => {
            let (s, e) = *rng.pick(&line_spans);
            let line = &src[s..e];
            let with = if m == Mutation::DeleteLine {
                Vec::new()
            } else {
                [line, line].concat()
            };
            splice(src, s, e, &with)
        }
        Mutation::SwapLines if line_spans.len() >= 2 => {
            let (mut a, mut b) = (*rng.pick(&line_spans), *rng.pick(&line_spans));
            if a.0 > b.0 {
                std::mem::swap(&mut a, &mut b);
            }
            if a.0 == b.0 {
                return src.to_vec();
            }
            let mut out = src[..a.0].to_vec();
            out.extend_from_slice(&src[b.0..b.1]);
            out.extend_from_slice(&src[a.1..b.0]);
            out.extend_from_slice(&src[a.0..a.1]);
            out.extend_from_slice(&src[b.1..]);
            out
        }
        Mutation::InsertBytes => {
            let at = rng.below(src.len() + 1);
            let insert: &[u8] = rng.pick::<&[u8]>(INSERTS);
            splice(src, at, at, insert)
        }
        Mutation::ReplaceValue => {
            let values =
                of_kind(&|k| matches!(k, TokenKind::Name | TokenKind::Number | TokenKind::String));
            if values.is_empty() {
                return src.to_vec();
            }
            let t = rng.pick(&values);
            splice(src, t.start, t.end, rng.pick(REPLACEMENTS).as_bytes())
        }
        Mutation::ReplaceOperator => {
            let ops = of_kind(&|k| k == TokenKind::Operator);
            if ops.is_empty() {
                return src.to_vec();
            }
            let t = rng.pick(&ops);
            let with = *rng.pick(&[
                "+", "-", "*", "/", "//", "%", "**", "<", ">", "==", "!=", "&", "|", "^", "~", "@",
                ".", ",", ":", ";", "(", ")", "[", "]", "=", "<<", ">>", " is ", " in ", " and ",
                " or ",
            ]);
            splice(src, t.start, t.end, with.as_bytes())
        }
        Mutation::ReplaceName => {
            let names = of_kind(&|k| k == TokenKind::Name);
            if names.len() < 2 {
                return src.to_vec();
            }
            let t = rng.pick(&names);
            let other = rng.pick(&names);
            let with = src[other.start..other.end].to_vec();
            splice(src, t.start, t.end, &with)
        }
        Mutation::NestDeeply => {
            let values =
                of_kind(&|k| matches!(k, TokenKind::Name | TokenKind::Number | TokenKind::String));
            if values.is_empty() {
                return src.to_vec();
            }
            let t = rng.pick(&values);
            let depth = *rng.pick(&[10, 100, 250, 1000, 5000, 30_000]);
            let inner = String::from_utf8_lossy(&src[t.start..t.end]).into_owned();
            splice(src, t.start, t.end, nested(rng, &inner, depth).as_bytes())
        }
        Mutation::NestBlocks => {
            let starts: Vec<usize> = line_spans.iter().map(|l| l.0).chain([src.len()]).collect();
            let at = *rng.pick(&starts);
            let depth = *rng.pick(&[5, 21, 100, 1000]);
            splice(src, at, at, nested_blocks(rng, depth).as_bytes())
        }
        Mutation::HugeLiteral => {
            let numbers = of_kind(&|k| k == TokenKind::Number);
            if numbers.is_empty() {
                return src.to_vec();
            }
            let t = rng.pick(&numbers);
            splice(src, t.start, t.end, huge_number(rng).as_bytes())
        }
        _ => src.to_vec(),
    }
}

/// Mutant `index` of campaign `seed` over `base`: one to three operators, and the
/// names of those applied.
pub fn mutant(seed: u64, index: u64, base: &[u8]) -> (Vec<u8>, Vec<Mutation>) {
    let mut rng = Rng::for_mutant(seed, index);
    let count = 1 + rng.below(3);
    let mut src = base.to_vec();
    let mut applied = Vec::with_capacity(count);
    for _ in 0..count {
        let m = *rng.pick(MUTATIONS);
        src = mutate(&mut rng, m, &src);
        applied.push(m);
    }
    (src, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_cover_every_byte() {
        let src = b"x = 'a\\'b' + \"\"\"c\n\"\"\"  # hi\nif y:\n\tz(1.5e3)\n\xff";
        let tokens = tokenize(src);
        let mut at = 0;
        for t in &tokens {
            assert_eq!(t.start, at);
            assert!(t.end > t.start);
            at = t.end;
        }
        assert_eq!(at, src.len());
        let strings: Vec<&[u8]> = tokens
            .iter()
            .filter(|t| t.kind == TokenKind::String)
            .map(|t| &src[t.start..t.end])
            .collect();
        assert_eq!(strings, [&b"'a\\'b'"[..], &b"\"\"\"c\n\"\"\""[..]]);
    }

    #[test]
    fn mutants_are_reproducible_and_differ() {
        let base = b"def f(a, b):\n    return a + b * 2\nprint(f(1, 2))\n";
        let (a, ma) = mutant(7, 3, base);
        let (b, mb) = mutant(7, 3, base);
        assert_eq!((a, ma), (b, mb));
        let distinct: std::collections::HashSet<Vec<u8>> =
            (0..50).map(|i| mutant(7, i, base).0).collect();
        assert!(
            distinct.len() > 30,
            "only {} distinct mutants",
            distinct.len()
        );
    }

    #[test]
    fn swaps_keep_the_bytes() {
        let base = b"a = 1\nb = 2\nc = 3\n";
        let mut rng = Rng::for_mutant(1, 1);
        for m in [Mutation::SwapLines, Mutation::SwapTokens] {
            let out = mutate(&mut rng, m, base);
            let mut x = out.clone();
            x.sort();
            let mut y = base.to_vec();
            y.sort();
            assert_eq!(x, y, "{m:?} lost or made bytes");
        }
    }
}

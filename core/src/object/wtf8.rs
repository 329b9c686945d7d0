//! Generalized UTF-8: the byte form of Python text that may hold lone surrogates.
//!
//! A surrogate (U+D800..U+DFFF) is written with the three bytes UTF-8's pattern
//! gives it (`ED A0..BF 80..BF`); a lead and a trail surrogate side by side stay two
//! code points, as in Python (unlike WTF-8, which would join them). Every other code
//! point is plain UTF-8, so text without surrogates is its UTF-8, byte order is code
//! point order, and a surrogate takes as many bytes as U+FFFD, which stands for it
//! in the lossy `&str` view (`PyStr::as_str`). Depends on nothing.

/// U+FFFD in UTF-8: what a lone surrogate shows as in the lossy view.
pub const REPLACEMENT: [u8; 3] = [0xEF, 0xBF, 0xBD];

#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..=0xDFFF).contains(&cp)
}

/// Append code point `cp` (below 0x110000; surrogates allowed).
pub fn push(out: &mut Vec<u8>, cp: u32) {
    match cp {
        0..=0x7F => out.push(cp as u8),
        0x80..=0x7FF => out.extend([0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]),
        0x800..=0xFFFF => out.extend([
            0xE0 | (cp >> 12) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
        _ => out.extend([
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]),
    }
}

/// The number of bytes of the sequence that starts with `lead`.
#[inline]
pub fn width(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0x80..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code point whose sequence starts at `bytes[i]`, and its width. `bytes` is
/// well-formed generalized UTF-8; a sequence cut short reads as U+FFFD.
pub fn decode_at(bytes: &[u8], i: usize) -> (u32, usize) {
    let lead = bytes[i];
    let n = width(lead);
    let Some(tail) = bytes.get(i + 1..i + n) else {
        return (0xFFFD, bytes.len() - i);
    };
    let first = match n {
        1 => return (lead as u32, 1),
        2 => (lead & 0x1F) as u32,
        3 => (lead & 0x0F) as u32,
        _ => (lead & 0x07) as u32,
    };
    let cp = tail
        .iter()
        .fold(first, |cp, &b| (cp << 6) | (b & 0x3F) as u32);
    (cp, n)
}

/// The code points of well-formed generalized UTF-8.
pub struct CodePoints<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> CodePoints<'a> {
    pub fn new(bytes: &'a [u8]) -> CodePoints<'a> {
        CodePoints { bytes, pos: 0 }
    }
}

impl Iterator for CodePoints<'_> {
    type Item = u32;

    #[inline]
    fn next(&mut self) -> Option<u32> {
        if self.pos >= self.bytes.len() {
            return None;
        }
        let (cp, n) = decode_at(self.bytes, self.pos);
        self.pos += n;
        Some(cp)
    }
}

/// Whether the three bytes at `bytes[i..]` are an encoded surrogate.
#[inline]
pub fn surrogate_at(bytes: &[u8], i: usize) -> bool {
    bytes[i] == 0xED && bytes.get(i + 1).is_some_and(|&b| b >= 0xA0)
}

/// `bytes` with every surrogate replaced by U+FFFD (the same number of bytes).
pub fn lossy(bytes: &[u8]) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let mut i = 0;
    while i < out.len() {
        let n = width(out[i]);
        if n == 3 && surrogate_at(bytes, i) && i + 3 <= out.len() {
            out[i..i + 3].copy_from_slice(&REPLACEMENT);
        }
        i += n;
    }
    out
}

/// An operating-system string (or any bytes meant as UTF-8) decoded as CPython's
/// `surrogateescape` does: each byte that is not part of valid UTF-8 becomes the
/// surrogate U+DC00 + byte.
pub fn from_bytes_escaped(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + raw.len() / 2);
    for chunk in raw.utf8_chunks() {
        out.extend_from_slice(chunk.valid().as_bytes());
        for &b in chunk.invalid() {
            push(&mut out, 0xDC00 + b as u32);
        }
    }
    out
}

/// The bytes `surrogateescape` encodes text to: each U+DC80..U+DCFF becomes its
/// byte again. Err(code point index) at the first other surrogate.
pub fn to_bytes_escaped(text: &[u8]) -> Result<Vec<u8>, usize> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    let mut index = 0;
    while i < text.len() {
        let (cp, n) = decode_at(text, i);
        if is_surrogate(cp) {
            if !(0xDC80..=0xDCFF).contains(&cp) {
                return Err(index);
            }
            out.push((cp - 0xDC00) as u8);
        } else {
            out.extend_from_slice(&text[i..i + n]);
        }
        i += n;
        index += 1;
    }
    Ok(out)
}

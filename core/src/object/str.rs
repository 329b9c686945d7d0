//! `PyStr`: Python's immutable text, stored as UTF-8 with its length in code points
//! and a cached hash.
//!
//! Text that holds a lone surrogate (`'\ud800'`, what `surrogateescape` decodes) is
//! not UTF-8: such a str keeps its exact form in generalized UTF-8 (`wtf8`) on the
//! side, and its `&str` view (`as_str`) shows each surrogate as U+FFFD, which takes
//! the same three bytes, so byte offsets mean the same in both. The usual str has no
//! side part and pays nothing for this.
//!
//! Exact: length, indexing, slicing, iteration, `ord` / `chr`, `==`, hashing,
//! ordering, `+`, `*`, `join`, f-strings, `repr`, `in`, `find` / `index` / `count`,
//! the codecs (`builtins::text_codecs`), writing to stdout, file names; and the
//! methods written over the `&str` view (case mapping, split, strip, replace,
//! padding, `is...`, `format`, `%`), through `builtins::str_surrogates`. Lossy (the
//! `&str` view, each surrogate read as U+FFFD), because these read text the runtime
//! itself keeps as Rust strings: names (attribute names, keyword names, interned
//! strs), `str.translate` / `maketrans`, `format(0xd800, 'c')` (an error), strs a
//! `__str__` or `__format__` returns inside `format` / `%`, exception messages
//! built natively, and the bundled `os` module used when no CPython library is
//! found. (Text `TextIOWrapper` reads is exact: its read-ahead buffer keeps a
//! generalized UTF-8 copy while it holds surrogates, `stdlib`'s `textio.rs`.)
//!
//! Indexing by code point is O(1) for ASCII text (the common case). A longer
//! non-ASCII str builds, at its first indexing, a table of the byte offset of every
//! 64th code point, after which indexing scans at most 63 code points.

use super::wtf8;
use std::cell::{Cell, OnceCell};

pub struct PyStr {
    s: Box<str>,
    chars: usize,
    hash: Cell<i64>,
    /// Set at creation for text with surrogates, else at the first indexing of a
    /// long non-ASCII str; empty for most strs.
    side: OnceCell<Box<Side>>,
}

struct Side {
    /// The exact text in generalized UTF-8, when it holds a lone surrogate.
    exact: Option<Box<[u8]>>,
    /// The byte offset of code point 64 * k, for each k.
    offsets: OnceCell<Box<[usize]>>,
}

const UNHASHED: i64 = -1;

/// Code points between two entries of a str's offset table.
const OFFSET_STRIDE: usize = 64;

impl PyStr {
    pub fn new(s: &str) -> PyStr {
        PyStr::from_string(s.to_owned())
    }

    pub fn from_string(s: String) -> PyStr {
        let chars = if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        };
        PyStr {
            s: s.into_boxed_str(),
            chars,
            hash: Cell::new(UNHASHED),
            side: OnceCell::new(),
        }
    }

    /// The str of one character.
    #[inline]
    pub fn from_char(c: char) -> PyStr {
        PyStr {
            s: c.encode_utf8(&mut [0u8; 4]).into(),
            chars: 1,
            hash: Cell::new(UNHASHED),
            side: OnceCell::new(),
        }
    }

    /// Text in generalized UTF-8 (see `wtf8`), which may hold lone surrogates.
    /// Bytes that are not well-formed (a caller's bug) come out as U+FFFD.
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        let bytes = match String::from_utf8(bytes) {
            Ok(s) => return PyStr::from_string(s),
            Err(e) => e.into_bytes(),
        };
        let Ok(view) = String::from_utf8(wtf8::lossy(&bytes)) else {
            return PyStr::from_string(String::from_utf8_lossy(&bytes).into_owned());
        };
        let s = PyStr::from_string(view);
        let side = Side {
            exact: Some(bytes.into_boxed_slice()),
            offsets: OnceCell::new(),
        };
        let _ = s.side.set(Box::new(side));
        s
    }

    /// The str of one code point (a lone surrogate included); None past U+10FFFF.
    pub fn from_code_point(cp: u32) -> Option<PyStr> {
        if let Some(c) = char::from_u32(cp) {
            return Some(PyStr::from_char(c));
        }
        if !wtf8::is_surrogate(cp) {
            return None;
        }
        let mut b = Vec::with_capacity(3);
        wtf8::push(&mut b, cp);
        Some(PyStr::from_wtf8(b))
    }

    /// The text, with each lone surrogate shown as U+FFFD (see the module's doc).
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    /// The exact text in generalized UTF-8: the UTF-8 of `as_str` unless the str
    /// holds a lone surrogate.
    #[inline]
    pub fn wtf8(&self) -> &[u8] {
        match self.side.get() {
            Some(side) => side.exact.as_deref().unwrap_or(self.s.as_bytes()),
            None => self.s.as_bytes(),
        }
    }

    /// Whether the str holds a lone surrogate (`as_str` is then not all of it).
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.side.get().is_some_and(|side| side.exact.is_some())
    }

    /// The code points, exactly.
    pub fn code_points(&self) -> wtf8::CodePoints<'_> {
        wtf8::CodePoints::new(self.wtf8())
    }

    /// Length in code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.chars
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.chars == self.s.len()
    }

    #[inline]
    pub fn hash(&self) -> i64 {
        let h = self.hash.get();
        if h != UNHASHED {
            return h;
        }
        self.compute_hash()
    }

    #[cold]
    #[inline(never)]
    fn compute_hash(&self) -> i64 {
        let h = hash_bytes(self.wtf8());
        self.hash.set(h);
        h
    }

    /// The code point at index `i` as `as_str` shows it (U+FFFD for a surrogate).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else if i < self.chars {
            self.s[self.byte_offset(i)..].chars().next()
        } else {
            None
        }
    }

    /// The code point at index `i`, exactly.
    pub fn code_point_at(&self, i: usize) -> Option<u32> {
        if i >= self.chars {
            return None;
        }
        if self.is_ascii() {
            return Some(self.s.as_bytes()[i] as u32);
        }
        Some(wtf8::decode_at(self.wtf8(), self.byte_offset(i)).0)
    }

    /// Byte offset of code point index `i` (clamped to the end), in `as_str` and
    /// `wtf8` alike.
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            return i.min(self.s.len());
        }
        if i >= self.chars {
            return self.s.len();
        }
        let (mut at, skip) = if self.chars <= OFFSET_STRIDE {
            (0, i)
        } else {
            (self.offsets()[i / OFFSET_STRIDE], i % OFFSET_STRIDE)
        };
        let bytes = self.s.as_bytes();
        for _ in 0..skip {
            at += wtf8::width(bytes[at]);
        }
        at
    }

    fn offsets(&self) -> &[usize] {
        let side = self.side.get_or_init(|| {
            Box::new(Side {
                exact: None,
                offsets: OnceCell::new(),
            })
        });
        side.offsets.get_or_init(|| {
            self.s
                .char_indices()
                .step_by(OFFSET_STRIDE)
                .map(|(at, _)| at)
                .collect()
        })
    }

    /// The text between two code point indices, as `as_str` shows it.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end.max(start));
        &self.s[b0..b1]
    }

    /// The str between two code point indices, exactly.
    pub fn slice(&self, start: usize, end: usize) -> PyStr {
        if !self.has_surrogates() {
            return PyStr::new(self.slice_chars(start, end));
        }
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end.max(start));
        PyStr::from_wtf8(self.wtf8()[b0..b1].to_vec())
    }

    /// The code point index of byte offset `byte` (a boundary).
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte;
        }
        self.s.as_bytes()[..byte.min(self.s.len())]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        std::ptr::eq(self, other)
            || (self.s == other.s
                && ((!self.has_surrogates() && !other.has_surrogates())
                    || self.wtf8() == other.wtf8()))
    }
}

impl PartialOrd for PyStr {
    /// Code point order, which is the byte order of the exact text.
    fn partial_cmp(&self, other: &PyStr) -> Option<std::cmp::Ordering> {
        Some(self.wtf8().cmp(other.wtf8()))
    }
}

/// The hash of text: stable within a run (CPython randomises str hashes per process,
/// so no program may depend on the value).
pub fn hash_bytes(bytes: &[u8]) -> i64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ (bytes.len() as u64);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(29);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(K).rotate_left(17);
    }
    h ^= h >> 31;
    let h = h as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

thread_local! {
    static INTERNED: std::mem::ManuallyDrop<std::cell::RefCell<hashbrown::HashTable<std::rc::Rc<PyStr>>>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(hashbrown::HashTable::new())) };
}

/// The interned `PyStr` for `s`: identifiers, attribute names and name-like constants
/// share one object, so dict lookups by name usually succeed on a pointer compare.
pub fn intern(s: &str) -> std::rc::Rc<PyStr> {
    let hash = hash_bytes(s.as_bytes());
    INTERNED.with(|t| {
        let mut t = t.borrow_mut();
        if let Some(p) = t.find(hash as u64, |p| p.as_str() == s) {
            return p.clone();
        }
        let p = std::rc::Rc::new(PyStr::new(s));
        p.hash.set(hash);
        t.insert_unique(hash as u64, p.clone(), |p| p.hash() as u64);
        p
    })
}

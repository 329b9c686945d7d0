//! `PyStr`: Python's immutable text, stored as UTF-8 with its length in code points
//! and a cached hash.
//!
//! Indexing by code point is O(1) for ASCII text (the common case) and a scan
//! otherwise.

use std::cell::Cell;

pub struct PyStr {
    s: Box<str>,
    chars: usize,
    hash: Cell<i64>,
}

const UNHASHED: i64 = -1;

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
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
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
        let h = hash_bytes(self.s.as_bytes());
        self.hash.set(h);
        h
    }

    /// The code point at index `i` (already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point index `i` (clamped to the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.s.len())
        }
    }

    /// The text between two code point indices.
    pub fn slice_chars(&self, start: usize, end: usize) -> &str {
        let b0 = self.byte_offset(start);
        let b1 = self.byte_offset(end.max(start));
        &self.s[b0..b1]
    }
}

impl PartialEq for PyStr {
    fn eq(&self, other: &PyStr) -> bool {
        std::ptr::eq(self, other) || self.s == other.s
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

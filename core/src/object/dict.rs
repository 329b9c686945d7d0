//! `Dict`: the insertion-ordered hash table behind dicts, module globals, class
//! namespaces and instance attributes.
//!
//! Layout as CPython's compact dict: an entries vector in insertion order (deleted
//! entries leave a hole) and a hashbrown `HashTable` of entry indices. Keys arrive
//! pre-hashed; comparing keys whose equality needs Python code (`__eq__`) is the
//! caller's job (see `Probe::Candidates`), so this module never runs Python code
//! while the table is borrowed.
//!
//! Every mutation bumps `version` to a value unique in the thread, so "has this dict
//! changed since I looked" is one integer compare (the interpreter's global caches and
//! the optimizer's guards rely on that).

use super::{PyCell, PyStr, TupleRef, Value};
use hashbrown::HashTable;
use std::cell::Cell;
use std::rc::Rc;
use tripwire_watchers::WatchMask;

thread_local! {
    static NEXT_VERSION: Cell<u64> = const { Cell::new(1) };
}

#[inline]
pub fn next_version() -> u64 {
    NEXT_VERSION.with(|v| {
        let n = v.get();
        v.set(n + 1);
        n
    })
}

pub struct Entry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// Dicts up to this many entries have no hash index and are searched linearly:
/// attribute and keyword dicts are small and their keys interned, so a scan that
/// compares addresses first beats hashing, and saves the index's allocation.
const LINEAR_MAX: usize = 8;

#[derive(Default)]
pub struct Table {
    entries: Vec<Entry>,
    indices: HashTable<u32>,
    /// `indices` is maintained (the dict has outgrown linear search).
    indexed: bool,
    used: usize,
    /// A two-bit Bloom filter of the hashes of every key ever inserted (see
    /// `hash_bits`): most lookups of an absent key (a method name in an instance dict,
    /// a builtin in the globals) end at one test instead of a scan. Bits are only
    /// cleared with the whole table, so a stale bit just costs the full lookup.
    hash_filter: u64,
}

/// The two filter bits of a hash: six bits each from its low and next bits.
#[inline(always)]
fn hash_bits(hash: i64) -> u64 {
    (1u64 << (hash & 63)) | (1u64 << ((hash >> 6) & 63))
}

impl Table {
    /// The entry whose hash is `hash` and that satisfies `matches`.
    #[inline]
    fn find(&self, hash: i64, matches: impl Fn(&Entry) -> bool) -> Option<usize> {
        if !self.may_hold(hash) {
            return None;
        }
        if self.indexed {
            self.indices
                .find(hash as u64, |&i| matches(&self.entries[i as usize]))
                .map(|&i| i as usize)
        } else {
            self.entries
                .iter()
                .position(|e| e.hash == hash && !e.key.is_null() && matches(e))
        }
    }

    /// Whether a key with this hash may be present (false: it is not).
    #[inline(always)]
    fn may_hold(&self, hash: i64) -> bool {
        let bits = hash_bits(hash);
        self.hash_filter & bits == bits
    }

    /// Call `visit` on every live entry with this hash, in probe order, until it
    /// answers `Some` (no list of them is built: this is every non-str lookup).
    #[inline]
    fn find_with_hash<R>(&self, hash: i64, mut visit: impl FnMut(usize) -> Option<R>) -> Option<R> {
        if !self.may_hold(hash) {
            return None;
        }
        if self.indexed {
            self.indices
                .iter_hash(hash as u64)
                .find_map(|&i| visit(i as usize))
        } else {
            self.entries
                .iter()
                .enumerate()
                .filter(|(_, e)| e.hash == hash && !e.key.is_null())
                .find_map(|(i, _)| visit(i))
        }
    }

    fn index_entry(&mut self, idx: u32) {
        let Table {
            entries, indices, ..
        } = self;
        let hash = entries[idx as usize].hash;
        indices.insert_unique(hash as u64, idx, |&i| entries[i as usize].hash as u64);
    }

    /// Build the hash index over the live entries.
    fn build_index(&mut self) {
        self.indices.clear();
        self.indexed = true;
        for i in 0..self.entries.len() {
            if !self.entries[i].key.is_null() {
                self.index_entry(i as u32);
            }
        }
    }
}

pub struct Dict {
    table: PyCell<Table>,
    version: Cell<u64>,
    /// Bit i set: dict watcher i watches this dict.
    pub watch_mask: WatchMask,
}

/// The outcome of looking a key up by hash.
pub enum Probe {
    Found(usize),
    Missing,
    /// Entries whose hash matches but whose equality needs `__eq__`: (index, key).
    Candidates(Vec<(usize, Value)>),
}

/// Equality that needs no Python code: `Some(answer)`, or `None` when `__eq__` must
/// decide.
pub fn simple_eq(a: &Value, b: &Value) -> Option<bool> {
    simple_eq_within(a, b, SIMPLE_EQ_NESTING)
}

/// How deep `simple_eq` follows nested tuples; deeper ones are left to the comparison
/// that guards native recursion.
const SIMPLE_EQ_NESTING: usize = 16;

fn simple_eq_within(a: &Value, b: &Value, nesting: usize) -> Option<bool> {
    use Value::*;
    Some(match (a, b) {
        (Str(x), Str(y)) => **x == **y,
        (Int(x), Int(y)) => x == y,
        (None, None) => true,
        (Bool(x), Bool(y)) => x == y,
        (Int(x), Bool(y)) | (Bool(y), Int(x)) => *x == *y as i64,
        (Float(x), Float(y)) => x == y,
        (Int(x), Float(y)) | (Float(y), Int(x)) => (*x as f64) == *y && (*y as i64) == *x,
        (Bool(x), Float(y)) | (Float(y), Bool(x)) => (*x as i64 as f64) == *y,
        (BigInt(x), BigInt(y)) => x == y,
        (BigInt(_), Int(_) | Bool(_)) | (Int(_) | Bool(_), BigInt(_)) => false,
        (Tuple(x), Tuple(y)) => {
            if TupleRef::ptr_eq(x, y) {
                return Some(true);
            }
            if x.items.len() != y.items.len() {
                return Some(false);
            }
            let nesting = nesting.checked_sub(1)?;
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !simple_eq_within(p, q, nesting)? {
                    return Some(false);
                }
            }
            true
        }
        (Str(_), Int(_) | None | Bool(_) | Float(_) | Tuple(_))
        | (Int(_) | None | Bool(_) | Float(_) | Tuple(_), Str(_)) => false,
        (None, Int(_) | Bool(_) | Float(_) | Tuple(_))
        | (Int(_) | Bool(_) | Float(_) | Tuple(_), None) => false,
        (Tuple(_), Int(_) | Bool(_) | Float(_)) | (Int(_) | Bool(_) | Float(_), Tuple(_)) => false,
        (Type(x), Type(y)) => Rc::ptr_eq(x, y),
        (Function(x), Function(y)) => Rc::ptr_eq(x, y),
        (Type(_) | Function(_), Str(_) | Int(_) | None | Tuple(_))
        | (Str(_) | Int(_) | None | Tuple(_), Type(_) | Function(_)) => false,
        _ => return Option::None,
    })
}

impl Default for Dict {
    fn default() -> Self {
        Dict::new()
    }
}

impl Dict {
    pub fn new() -> Dict {
        Dict {
            table: PyCell::new(Table::default()),
            version: Cell::new(next_version()),
            watch_mask: WatchMask::new(),
        }
    }

    /// A new dict registered with the cycle collector.
    pub fn new_rc() -> Rc<Dict> {
        let d = Rc::new(Dict::new());
        super::tracking::dict(&d);
        d
    }

    /// `with_capacity`, registered with the cycle collector.
    pub fn with_capacity_rc(n: usize) -> Rc<Dict> {
        let d = Rc::new(Dict::with_capacity(n));
        super::tracking::dict(&d);
        d
    }

    pub fn with_capacity(n: usize) -> Dict {
        Dict {
            table: PyCell::new(Table {
                entries: Vec::with_capacity(n),
                indices: HashTable::new(),
                indexed: false,
                used: 0,
                hash_filter: 0,
            }),
            version: Cell::new(next_version()),
            watch_mask: WatchMask::new(),
        }
    }

    #[inline]
    pub fn version(&self) -> u64 {
        self.version.get()
    }

    /// A new version, so that caches keyed on the old one miss (also what every
    /// change does).
    #[inline]
    pub fn bump(&self) {
        self.version.set(next_version());
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the dict has an entries table (it held an item since it was made or
    /// last cleared): clearing a dict without one sends no event, as in CPython.
    pub fn has_table(&self) -> bool {
        let t = self.table.borrow();
        t.entries.capacity() > 0
    }

    /// A new dict with this one's contents, version and watchers, leaving this one
    /// empty: a dying watched dict is revived to hear its DEALLOCATED event.
    pub fn revive(&mut self) -> Dict {
        Dict {
            table: PyCell::new(std::mem::take(self.table.get_mut())),
            version: Cell::new(self.version.get()),
            watch_mask: WatchMask::new_with(self.watch_mask.bits()),
        }
    }

    /// Look up by hash; identical keys and keys with `simple_eq` answers resolve here.
    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        let t = self.table.borrow();
        let mut candidates = Vec::new();
        let found = t.find_with_hash(hash, |i| {
            let e = &t.entries[i];
            if e.hash != hash {
                return None;
            }
            if e.key.is(key) {
                return Some(i);
            }
            match simple_eq(&e.key, key) {
                Some(true) => Some(i),
                Some(false) => None,
                None => {
                    candidates.push((i, e.key.clone()));
                    None
                }
            }
        });
        if let Some(i) = found {
            return Probe::Found(i);
        }
        if candidates.is_empty() {
            Probe::Missing
        } else {
            Probe::Candidates(candidates)
        }
    }

    /// Fast lookup of a str key (no Python code can be involved).
    #[inline]
    pub fn get_str(&self, key: &PyStr) -> Option<Value> {
        let t = self.table.borrow();
        let i = find_str_in(&t, key)?;
        Some(t.entries[i].value.clone())
    }

    /// The entry index of a str key, trying `hint` first and leaving the index found
    /// there. Instances of a class mostly gain their attributes in the same order, so
    /// an attribute instruction's hint usually names the entry at once.
    #[inline(always)]
    pub fn find_str_hinted(&self, key: &PyStr, hint: &Cell<u32>) -> Option<usize> {
        let t = self.table.borrow();
        let at = hint.get() as usize;
        if let Some(Entry {
            key: Value::Str(k), ..
        }) = t.entries.get(at)
        {
            if std::ptr::eq(&**k, key) {
                return Some(at);
            }
        }
        let found = find_str_in(&t, key)?;
        hint.set(found as u32);
        Some(found)
    }

    /// `get_str` through an entry-index hint (see `find_str_hinted`).
    #[inline(always)]
    pub fn get_str_hinted(&self, key: &PyStr, hint: &Cell<u32>) -> Option<Value> {
        let i = self.find_str_hinted(key, hint)?;
        Some(self.table.borrow().entries[i].value.dup())
    }

    /// `set_str` through an entry-index hint (see `find_str_hinted`).
    #[inline]
    pub fn set_str_hinted(&self, key: &Rc<PyStr>, value: Value, hint: &Cell<u32>) -> Option<Value> {
        match self.find_str_hinted(key, hint) {
            Some(i) => Some(self.replace_at(i, value)),
            None => {
                let h = key.hash();
                self.insert_new(h, Value::Str(key.clone()), value);
                None
            }
        }
    }

    /// Index of a str key.
    #[inline]
    pub fn find_str(&self, key: &PyStr) -> Option<usize> {
        find_str_in(&self.table.borrow(), key)
    }

    /// Store under a str key; returns the previous value.
    pub fn set_str(&self, key: Rc<PyStr>, value: Value) -> Option<Value> {
        match self.find_str(&key) {
            Some(i) => Some(self.replace_at(i, value)),
            None => {
                let h = key.hash();
                self.insert_new(h, Value::Str(key), value);
                None
            }
        }
    }

    pub fn del_str(&self, key: &PyStr) -> Option<Value> {
        let i = self.find_str(key)?;
        Some(self.remove_at(i).1)
    }

    pub fn value_at(&self, i: usize) -> Value {
        self.table.borrow().entries[i].value.clone()
    }

    pub fn key_at(&self, i: usize) -> Value {
        self.table.borrow().entries[i].key.clone()
    }

    /// Whether entry `i` still holds this very key (after running `__eq__`).
    pub fn key_is_at(&self, i: usize, key: &Value) -> bool {
        self.table
            .borrow()
            .entries
            .get(i)
            .is_some_and(|e| e.key.is(key))
    }

    /// Whether one more entry fits or could be made room for: false when memory is
    /// out (a MemoryError). Called before a store, whose growth would otherwise end
    /// the process.
    #[inline]
    pub fn reserve_one(&self) -> bool {
        let has_room = {
            let t = self.table.borrow();
            t.entries.len() < t.entries.capacity()
                && (!t.indexed || t.indices.len() < t.indices.capacity())
        };
        has_room || self.make_room_for_one()
    }

    #[inline(never)]
    fn make_room_for_one(&self) -> bool {
        let mut t = self.table.borrow_mut();
        let t = &mut *t;
        // A full table with many removed entries is compacted by the insert instead.
        if t.entries.len() == t.entries.capacity()
            && t.used * 2 >= t.entries.len()
            && t.entries.try_reserve(1).is_err()
        {
            return false;
        }
        if t.indexed && t.indices.len() == t.indices.capacity() {
            let entries = &t.entries;
            let rehash = |&i: &u32| entries[i as usize].hash as u64;
            return t.indices.try_reserve(1, rehash).is_ok();
        }
        true
    }

    /// Append a key known to be absent.
    pub fn insert_new(&self, hash: i64, key: Value, value: Value) {
        self.bump();
        let mut t = self.table.borrow_mut();
        if t.entries.len() == t.entries.capacity() && t.used * 2 < t.entries.len() {
            compact(&mut t);
        }
        let idx = t.entries.len() as u32;
        t.entries.push(Entry { hash, key, value });
        t.hash_filter |= hash_bits(hash);
        if t.indexed {
            t.index_entry(idx);
        } else if t.entries.len() > LINEAR_MAX {
            t.build_index();
        }
        t.used += 1;
    }

    /// Replace the value of entry `i`; returns the old value (drop it after the
    /// borrow ends: its destructor may run Python code later).
    pub fn replace_at(&self, i: usize, value: Value) -> Value {
        self.bump();
        let mut t = self.table.borrow_mut();
        Value::replace_split(&mut t.entries[i].value, value)
    }

    pub fn remove_at(&self, i: usize) -> (Value, Value) {
        self.bump();
        let mut t = self.table.borrow_mut();
        let hash = t.entries[i].hash;
        if t.indexed {
            if let Ok(slot) = t.indices.find_entry(hash as u64, |&j| j as usize == i) {
                slot.remove();
            }
        }
        let key = std::mem::replace(&mut t.entries[i].key, Value::Null);
        let value = std::mem::replace(&mut t.entries[i].value, Value::Null);
        t.used -= 1;
        if t.used == 0 {
            t.entries.clear();
        }
        (key, value)
    }

    /// Remove everything; the old contents are returned to be dropped by the caller.
    pub fn clear(&self) -> Vec<Entry> {
        self.bump();
        let mut t = self.table.borrow_mut();
        t.indices.clear();
        t.indexed = false;
        t.used = 0;
        t.hash_filter = 0;
        std::mem::take(&mut t.entries)
    }

    /// The entry at position >= `pos`, and the position after it (iteration).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value, Value)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.entries.len() {
            let e = &t.entries[p];
            if !e.key.is_null() {
                return Some((p + 1, e.key.clone(), e.value.clone()));
            }
            p += 1;
        }
        None
    }

    pub fn keys(&self) -> Vec<Value> {
        let t = self.table.borrow();
        t.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| e.key.clone())
            .collect()
    }

    pub fn values(&self) -> Vec<Value> {
        let t = self.table.borrow();
        t.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| e.value.clone())
            .collect()
    }

    pub fn items(&self) -> Vec<(Value, Value)> {
        let t = self.table.borrow();
        t.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    /// Call `visit` on the key and value of every entry, in place (the cycle
    /// collector's traversal). `visit` must not touch this dict: the table stays
    /// borrowed while it runs.
    pub fn visit_items(&self, mut visit: impl FnMut(&Value, &Value)) {
        let t = self.table.borrow();
        for e in t.entries.iter().filter(|e| !e.key.is_null()) {
            visit(&e.key, &e.value);
        }
    }

    /// (hash, key, value) of every entry, for copying into another dict.
    pub fn hashed_items(&self) -> Vec<(i64, Value, Value)> {
        let t = self.table.borrow();
        t.entries
            .iter()
            .filter(|e| !e.key.is_null())
            .map(|e| (e.hash, e.key.clone(), e.value.clone()))
            .collect()
    }

    /// The last entry (for popitem).
    pub fn last_index(&self) -> Option<usize> {
        let t = self.table.borrow();
        t.entries.iter().rposition(|e| !e.key.is_null())
    }

    pub fn first_index(&self) -> Option<usize> {
        let t = self.table.borrow();
        t.entries.iter().position(|e| !e.key.is_null())
    }

    /// Move entry `i` to the end (OrderedDict.move_to_end).
    pub fn move_to_end(&self, i: usize) {
        let (k, v) = {
            let t = self.table.borrow();
            (t.entries[i].key.clone(), t.entries[i].value.clone())
        };
        let hash = self.table.borrow().entries[i].hash;
        drop(self.remove_at(i));
        self.insert_new(hash, k, v);
    }

    /// Move entry `i` to the front (OrderedDict.move_to_end(last=False)).
    pub fn move_to_front(&self, i: usize) {
        let items = self.hashed_items();
        let target = self.key_at(i);
        drop(self.clear());
        let (front, rest): (Vec<_>, Vec<_>) =
            items.into_iter().partition(|(_, k, _)| k.is(&target));
        for (h, k, v) in front.into_iter().chain(rest) {
            self.insert_new(h, k, v);
        }
    }
}

fn compact(t: &mut Table) {
    let old = std::mem::take(&mut t.entries);
    t.entries = Vec::with_capacity((t.used * 2).max(8));
    t.entries
        .extend(old.into_iter().filter(|e| !e.key.is_null()));
    t.indices.clear();
    t.indexed = false;
    if t.entries.len() > LINEAR_MAX {
        t.build_index();
    }
}

/// Find a str key: by address first (names are interned), then by content.
///
/// The filter test is inlined into callers: most str lookups that reach here without
/// a hint are of absent keys (is a method shadowed by the instance dict?), and they
/// end at it.
#[inline(always)]
fn find_str_in(t: &Table, key: &PyStr) -> Option<usize> {
    let hash = key.hash();
    if !t.may_hold(hash) {
        return None;
    }
    find_str_filtered(t, key, hash)
}

#[inline(never)]
fn find_str_filtered(t: &Table, key: &PyStr, hash: i64) -> Option<usize> {
    t.find(hash, |e| matches!(&e.key, Value::Str(k) if **k == *key))
}

impl Drop for Dict {
    fn drop(&mut self) {
        if self.watch_mask.any() {
            crate::watch::lifetime::dict_dying(self);
        }
        let t = std::mem::take(self.table.get_mut());
        if t.used > 0 {
            let mut flat = Vec::with_capacity(t.used * 2);
            for e in t.entries {
                flat.push(e.key);
                flat.push(e.value);
            }
            super::trashcan::release(flat);
        }
    }
}

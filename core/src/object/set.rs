//! `Set`: the table behind set and frozenset, a port of CPython's open-addressing
//! scheme (linear probes of 9, then perturbed jumps; the same resize rule), so that a
//! program printing a set of ints sees CPython's order.
//!
//! As with `Dict`, equality that needs `__eq__` is resolved by the caller through
//! `Probe::Candidates`; nothing here runs Python code.

use super::dict::{simple_eq, Probe};
use super::{PyCell, Value};
use std::cell::Cell;
use std::collections::TryReserveError;

const MINSIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    Dummy,
    Full(i64, Value),
}

#[derive(Clone)]
pub struct Table {
    slots: Vec<Slot>,
    fill: usize,
    used: usize,
    /// Where `pop` resumes its scan.
    finger: usize,
}

impl Default for Table {
    fn default() -> Self {
        Table {
            slots: vec![Slot::Empty; MINSIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

impl Table {
    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    fn probe(&self, hash: i64, key: &Value) -> Probe {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut candidates = Vec::new();
        loop {
            let mut entry = i;
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            loop {
                match &self.slots[entry] {
                    Slot::Empty => {
                        return if candidates.is_empty() {
                            Probe::Missing
                        } else {
                            Probe::Candidates(candidates)
                        }
                    }
                    Slot::Full(h, k) if *h == hash => {
                        if k.is(key) {
                            return Probe::Found(entry);
                        }
                        match simple_eq(k, key) {
                            Some(true) => return Probe::Found(entry),
                            Some(false) => {}
                            None => candidates.push((entry, k.clone())),
                        }
                    }
                    _ => {}
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                entry += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Insert a key known to be absent, at the slot CPython's `set_add_entry` picks.
    /// The key is in even when the table could not grow afterwards (Err), as in
    /// CPython, whose MemoryError then leaves it there.
    fn insert_absent(&mut self, hash: i64, key: Value) -> Result<(), TryReserveError> {
        if self.fill >= self.mask() {
            // Failed growths (MemoryErrors caught) filled the table: the probe below
            // needs an empty slot to end.
            self.resize(self.used * 2)?;
        }
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        let mut freeslot = None;
        let target = 'search: loop {
            let mut entry = i;
            let mut probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            loop {
                match &self.slots[entry] {
                    Slot::Empty => break 'search entry,
                    Slot::Dummy if freeslot.is_none() => freeslot = Some(entry),
                    _ => {}
                }
                if probes == 0 {
                    break;
                }
                probes -= 1;
                entry += 1;
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        };
        if let Some(free) = freeslot {
            self.slots[free] = Slot::Full(hash, key);
            self.used += 1;
            return Ok(());
        }
        self.slots[target] = Slot::Full(hash, key);
        self.fill += 1;
        self.used += 1;
        if self.fill * 5 >= mask * 3 {
            let minused = if self.used > 50000 {
                self.used * 2
            } else {
                self.used * 4
            };
            return self.resize(minused);
        }
        Ok(())
    }

    /// A new table for `minused` keys; on Err (out of memory) the old one stays.
    fn resize(&mut self, minused: usize) -> Result<(), TryReserveError> {
        let mut newsize = MINSIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let mut slots = Vec::new();
        slots.try_reserve_exact(newsize)?;
        slots.resize(newsize, Slot::Empty);
        let old = std::mem::replace(&mut self.slots, slots);
        self.fill = self.used;
        for slot in old {
            if let Slot::Full(h, k) = slot {
                self.insert_clean(h, k);
            }
        }
        Ok(())
    }

    fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if matches!(self.slots[i], Slot::Empty) {
                self.slots[i] = Slot::Full(hash, key);
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if matches!(self.slots[i + j], Slot::Empty) {
                        self.slots[i + j] = Slot::Full(hash, key);
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }
}

pub struct Set {
    table: PyCell<Table>,
    pub frozen: bool,
    hash_cache: Cell<Option<i64>>,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl Set {
    pub fn new(frozen: bool) -> Set {
        Set {
            table: PyCell::new(Table::default()),
            frozen,
            hash_cache: Cell::new(None),
            weakrefs: Default::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().used
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn probe(&self, hash: i64, key: &Value) -> Probe {
        self.table.borrow().probe(hash, key)
    }

    pub fn key_is_at(&self, slot: usize, key: &Value) -> bool {
        matches!(self.table.borrow().slots.get(slot), Some(Slot::Full(_, k)) if k.is(key))
    }

    pub fn insert_absent(&self, hash: i64, key: Value) -> Result<(), TryReserveError> {
        self.table.borrow_mut().insert_absent(hash, key)
    }

    /// Remove the key in `slot`, returning it (to be dropped by the caller).
    pub fn remove_slot(&self, slot: usize) -> Value {
        let mut t = self.table.borrow_mut();
        let old = std::mem::replace(&mut t.slots[slot], Slot::Dummy);
        t.used -= 1;
        match old {
            Slot::Full(_, k) => k,
            _ => Value::None,
        }
    }

    pub fn clear(&self) -> Table {
        std::mem::take(&mut *self.table.borrow_mut())
    }

    /// Make room for `n` more keys in one step (as CPython's merge and dict update do).
    pub fn reserve_for(&self, n: usize) {
        let mut t = self.table.borrow_mut();
        if (t.fill + n) * 5 >= t.mask() * 3 {
            let minused = (t.used + n) * 2;
            // Only a presize: the inserts that follow grow the table (or fail) anyway.
            let _ = t.resize(minused);
        }
    }

    /// After removals: shrink away dummies as `set_difference_update` does.
    pub fn shrink_dummies(&self) {
        let mut t = self.table.borrow_mut();
        if (t.fill - t.used) * 5 < t.mask() {
            return;
        }
        let minused = if t.used > 50000 {
            t.used * 2
        } else {
            t.used * 4
        };
        // Shrinking is an economy: without the memory for it the table stays valid.
        let _ = t.resize(minused);
    }

    /// Copy another set's contents into this empty set, reproducing CPython's
    /// `set_merge` layout rules.
    pub fn merge_from(&self, other: &Set) -> bool {
        let o = other.table.borrow();
        let mut t = self.table.borrow_mut();
        if o.used == 0 {
            return true;
        }
        if (t.fill + o.used) * 5 >= t.mask() * 3 {
            let minused = (t.used + o.used) * 2;
            if t.resize(minused).is_err() {
                // The caller adds the keys one by one, each growth checked.
                return false;
            }
        }
        if t.fill == 0 && t.mask() == o.mask() && o.fill == o.used {
            t.slots = o.slots.clone();
            t.fill = o.fill;
            t.used = o.used;
            return true;
        }
        if t.fill == 0 {
            t.fill = o.used;
            t.used = o.used;
            for slot in o.slots.iter() {
                if let Slot::Full(h, k) = slot {
                    t.insert_clean(*h, k.clone());
                }
            }
            return true;
        }
        false
    }

    /// (hash, key) of every entry in table order.
    pub fn entries(&self) -> Vec<(i64, Value)> {
        self.table
            .borrow()
            .slots
            .iter()
            .filter_map(|s| match s {
                Slot::Full(h, k) => Some((*h, k.clone())),
                _ => None,
            })
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.entries().into_iter().map(|(_, k)| k).collect()
    }

    /// The entry at slot >= `pos` and the slot after it (iteration).
    pub fn next_entry(&self, pos: usize) -> Option<(usize, Value)> {
        let t = self.table.borrow();
        let mut p = pos;
        while p < t.slots.len() {
            if let Slot::Full(_, k) = &t.slots[p] {
                return Some((p + 1, k.clone()));
            }
            p += 1;
        }
        None
    }

    /// `set.pop()`: CPython's finger scan.
    pub fn pop(&self) -> Option<Value> {
        let mut t = self.table.borrow_mut();
        if t.used == 0 {
            return None;
        }
        let mask = t.mask();
        let mut i = t.finger & mask;
        while !matches!(t.slots[i], Slot::Full(..)) {
            i = (i + 1) & mask;
        }
        let old = std::mem::replace(&mut t.slots[i], Slot::Dummy);
        t.used -= 1;
        t.finger = i + 1;
        match old {
            Slot::Full(_, k) => Some(k),
            _ => None,
        }
    }

    /// Exchange contents (`&=` and friends build a result, then swap it in).
    pub fn swap_contents(&self, other: &Set) {
        std::mem::swap(
            &mut *self.table.borrow_mut(),
            &mut *other.table.borrow_mut(),
        );
    }

    /// CPython's frozenset hash.
    pub fn frozen_hash(&self) -> i64 {
        if let Some(h) = self.hash_cache.get() {
            return h;
        }
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let t = self.table.borrow();
        let mut hash: u64 = 0;
        for s in &t.slots {
            hash ^= shuffle(match s {
                Slot::Empty => 0,
                Slot::Dummy => u64::MAX,
                Slot::Full(h, _) => *h as u64,
            });
        }
        if (t.mask() + 1 - t.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (t.fill - t.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (t.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        let h = if hash == u64::MAX {
            590923713
        } else {
            hash as i64
        };
        self.hash_cache.set(Some(h));
        h
    }
}

impl Drop for Set {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Set as usize);
        }
        let t = std::mem::take(self.table.get_mut());
        if t.used > 0 {
            let keys = t
                .slots
                .into_iter()
                .filter_map(|s| match s {
                    Slot::Full(_, k) => Some(k),
                    _ => None,
                })
                .collect();
            super::trashcan::release(keys);
        }
    }
}

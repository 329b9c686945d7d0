//! `WatchMask`: which watcher slots watch one object, one bit per slot, and for a
//! dict the keys its key-filtered watchers named (`Registry::add_tool_for_keys`),
//! as a 32-bit Bloom filter of their hashes.
//!
//! Objects live on one thread (core's objects are `Rc`), so the mask is a plain
//! `Cell<u16>` (the program slots and the tool slots); "is anything watching" is
//! one load and compare. The filter sits in what would be the mask's padding.

use crate::registry::SLOTS;
use std::cell::Cell;

/// One bit per slot of a kind.
pub type Bits = u16;

const _: () = assert!(SLOTS <= Bits::BITS as usize);

#[derive(Default, Debug)]
pub struct WatchMask(Cell<Bits>, Cell<u32>);

impl WatchMask {
    pub const fn new() -> WatchMask {
        WatchMask(Cell::new(0), Cell::new(0))
    }

    /// A mask with these bits (a revived object keeps its watchers).
    pub const fn new_with(bits: Bits) -> WatchMask {
        WatchMask(Cell::new(bits), Cell::new(0))
    }

    /// A key-filtered watcher named the key of hash `hash`.
    pub fn name_key(&self, hash: i64) {
        self.1.set(self.1.get() | key_bit(hash));
    }

    /// Whether the key of hash `hash` may have been named (false: it was not).
    #[inline(always)]
    pub fn may_have_named(&self, hash: i64) -> bool {
        self.1.get() & key_bit(hash) != 0
    }

    /// Whether any slot watches the object: the test every mutation pays.
    #[inline(always)]
    pub fn any(&self) -> bool {
        self.0.get() != 0
    }

    #[inline]
    pub fn bits(&self) -> Bits {
        self.0.get()
    }

    /// Slot `id` (in range) watches the object.
    pub fn watch(&self, id: usize) {
        self.0.set(self.0.get() | bit(id));
    }

    pub fn unwatch(&self, id: usize) {
        self.0.set(self.0.get() & !bit(id));
    }

    pub fn is_watched_by(&self, id: usize) -> bool {
        self.0.get() & bit(id) != 0
    }
}

#[inline(always)]
fn key_bit(hash: i64) -> u32 {
    1 << (hash as u32 & 31)
}

#[inline]
fn bit(id: usize) -> Bits {
    (1 as Bits).checked_shl(id as u32).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watch_and_unwatch_are_idempotent() {
        let m = WatchMask::new();
        assert!(!m.any());
        m.watch(3);
        m.watch(3);
        assert!(m.is_watched_by(3) && m.any());
        assert_eq!(m.bits(), 0b1000);
        m.unwatch(3);
        m.unwatch(3);
        m.unwatch(5);
        assert!(!m.any());
        m.watch(15);
        assert_eq!(m.bits(), 0x8000);
        m.watch(16);
        assert_eq!(m.bits(), 0x8000);
    }

    #[test]
    fn named_keys_are_remembered_by_hash() {
        let m = WatchMask::new();
        assert!(!m.may_have_named(7));
        m.name_key(7);
        assert!(m.may_have_named(7));
        assert!(m.may_have_named(7 + 32), "same filter bit");
        assert!(!m.may_have_named(8));
        assert!(!m.may_have_named(-1 & !31 | 6));
        assert_eq!(m.bits(), 0, "naming a key watches nothing by itself");
    }
}

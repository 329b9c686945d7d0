//! The dependency index: which compiled units, and which guard sites in them, assume
//! something about a watched object. An event on (object, key) asks the index whom
//! it affects. Two strategies, behind one trait so the rest of the optimizer never
//! knows which runs:
//! - `exact`: a hash map from dependency to dependents (CinderX, V8, JSC, Truffle);
//!   one probe per event, nothing spurious;
//! - `bloom`: a 256-bit filter per unit, every live unit scanned per event (CPython
//!   3.13's tier 2); small, but O(units) and with false positives.
//!
//! Depends on nothing else in the crate.

pub mod bloom;
pub mod exact;

/// A watched object and the part of it an assumption reads: a dict and one key, a
/// type and one attribute name, or a whole object (`key` = `WHOLE`). Objects are
/// identified by an identity that is unique while they live (the watcher's handle
/// address); a dependency on an object is dropped when it dies, so a later object at
/// the same address is a different dependency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepKey {
    pub object: u64,
    pub key: u64,
}

impl DepKey {
    /// The key of an assumption about the whole object (a function's `__code__`, a
    /// type's MRO), and of events that touch every key (a dict cleared).
    pub const WHOLE: u64 = 0;

    pub fn whole(object: u64) -> DepKey {
        DepKey {
            object,
            key: Self::WHOLE,
        }
    }

    /// A 64-bit mix of both halves: the Bloom filter's hash, and a cheap one for maps.
    pub fn mix(self) -> u64 {
        let mut h = self.object.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ self.key.rotate_left(29);
        h ^= h >> 32;
        h = h.wrapping_mul(0xD6E8_FEB8_6659_FD93);
        h ^ (h >> 32)
    }
}

/// The identity of a watched object, as the dependency index keys it.
pub fn identity<T>(rc: &std::rc::Rc<T>) -> u64 {
    std::rc::Rc::as_ptr(rc) as *const u8 as usize as u64
}

/// The hash of a key name (a global's or an attribute's), for `DepKey::key`. Equal
/// strings hash equal, whoever interned them; two names that collide only make an
/// event look relevant to both, which invalidates too much, never too little.
pub fn name_key(name: &str) -> u64 {
    // FNV-1a, then never WHOLE.
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in name.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    h | 1
}

/// A compiled unit's number. Numbers are reused once a unit is removed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnitId(pub u32);

/// A guard site's number within its unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SiteId(pub u32);

/// Who an event affects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Affected {
    /// These guard sites of this unit depend on the key.
    Site(UnitId, SiteId),
    /// This unit may depend on the key, at sites the index does not know (a Bloom
    /// filter keeps no sites): treat all its sites as affected.
    Unit(UnitId),
}

impl Affected {
    pub fn unit(self) -> UnitId {
        match self {
            Affected::Site(u, _) | Affected::Unit(u) => u,
        }
    }
}

/// The operations every dependency index offers.
pub trait DependencyIndex {
    /// Record that `site` of `unit` assumes `key`.
    fn add(&mut self, unit: UnitId, site: SiteId, key: DepKey);

    /// Forget every dependency of `unit` (it was invalidated or its code died).
    fn remove_unit(&mut self, unit: UnitId);

    /// Forget every dependency on `object` (it died): no unit can be invalidated
    /// through it any more, and its identity may be reused.
    fn remove_object(&mut self, object: u64);

    /// Append to `out` whom an event on `key` affects. `key.key == WHOLE` affects
    /// every dependency on the object. May include units that do not really depend
    /// on it (a Bloom filter's false positives); never misses one that does.
    fn affected(&self, key: DepKey, out: &mut Vec<Affected>);

    /// Bytes the index holds, for the statistics.
    fn bytes(&self) -> usize;

    /// Live units with at least one dependency.
    fn units(&self) -> usize;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Both indexes, filled the same way, must report every true dependent.
    fn indexes() -> Vec<Box<dyn DependencyIndex>> {
        vec![
            Box::new(exact::ExactIndex::default()),
            Box::new(bloom::BloomIndex::default()),
        ]
    }

    fn units_of(out: &[Affected]) -> Vec<u32> {
        let mut u: Vec<u32> = out.iter().map(|a| a.unit().0).collect();
        u.sort();
        u.dedup();
        u
    }

    #[test]
    fn every_index_finds_every_dependent() {
        let g = name_key("x");
        let h = name_key("y");
        for mut index in indexes() {
            index.add(
                UnitId(0),
                SiteId(0),
                DepKey {
                    object: 100,
                    key: g,
                },
            );
            index.add(
                UnitId(1),
                SiteId(3),
                DepKey {
                    object: 100,
                    key: g,
                },
            );
            index.add(
                UnitId(1),
                SiteId(4),
                DepKey {
                    object: 100,
                    key: h,
                },
            );
            index.add(UnitId(2), SiteId(0), DepKey::whole(200));
            let mut out = Vec::new();
            index.affected(
                DepKey {
                    object: 100,
                    key: g,
                },
                &mut out,
            );
            let found = units_of(&out);
            assert!(found.contains(&0) && found.contains(&1), "{found:?}");
            out.clear();
            index.affected(DepKey::whole(100), &mut out);
            let found = units_of(&out);
            assert!(
                found.contains(&0) && found.contains(&1),
                "a cleared dict touches every key: {found:?}"
            );
            out.clear();
            index.affected(DepKey::whole(200), &mut out);
            assert!(units_of(&out).contains(&2));
            assert_eq!(index.units(), 3);
            index.remove_unit(UnitId(1));
            assert_eq!(index.units(), 2);
            out.clear();
            index.affected(
                DepKey {
                    object: 100,
                    key: g,
                },
                &mut out,
            );
            assert!(
                !units_of(&out).contains(&1),
                "a removed unit is never affected"
            );
        }
    }

    #[test]
    fn name_keys_are_never_whole_and_differ() {
        assert_ne!(name_key(""), DepKey::WHOLE);
        assert_ne!(name_key("len"), name_key("print"));
        assert_eq!(name_key("len"), name_key(&String::from("len")));
    }
}

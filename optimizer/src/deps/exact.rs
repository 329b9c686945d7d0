//! The exact dependency index: a hash map from each dependency to the guard sites
//! that assume it, plus each unit's and each object's dependencies. An event costs
//! one probe (two when it touches a whole object's keys), whatever the number of
//! units.
//!
//! Removing a unit is O(1): its generation moves on, and its entries in the
//! dependents lists of its keys go stale (skipped by lookups) instead of being
//! searched out of lists that thousands of units share (every unit reading `len`
//! shares one). Stale entries are dropped when their list next grows, and all at
//! once when they outnumber the live ones, so memory stays proportional to what is
//! live. Measured with 100,000 units of 20 dependencies (`benches/invalidate.rs`):
//! eager removal took 7 µs per invalidation, nearly all of it cache misses in the
//! shared lists.
//!
//! At that size an invalidation is a handful of cache misses, so the layout counts
//! them: a unit's generation and keys share one entry of a vector indexed by unit
//! id (the liveness check of the lookup brings in the line the removal writes), and
//! the probe for dependents of the whole object is skipped unless a small filter of
//! objects assumed whole says there may be some.

use super::{Affected, DepKey, DependencyIndex, SiteId, UnitId};
use bitvec::array::BitArray;
use hashbrown::HashMap;
use smallvec::SmallVec;

/// A site that assumes a key, while its unit is at `generation`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Dependent {
    unit: UnitId,
    site: SiteId,
    generation: u32,
}

/// What the index knows of one unit id.
#[derive(Default)]
struct UnitDeps {
    /// Bumped when the unit is removed: its entries in `by_key` go stale.
    generation: u32,
    /// The keys its live sites assume; empty for no unit.
    keys: Vec<DepKey>,
}

/// Bits of the filter of objects assumed whole (256 bytes: it stays in cache).
const WHOLE_FILTER_BITS: usize = 2048;
type WholeFilter = BitArray<[u64; WHOLE_FILTER_BITS / 64]>;

fn whole_filter_bit(object: u64) -> usize {
    (DepKey::whole(object).mix() as usize) % WHOLE_FILTER_BITS
}

#[derive(Default)]
pub struct ExactIndex {
    by_key: HashMap<DepKey, SmallVec<[Dependent; 2]>>,
    by_object: HashMap<u64, SmallVec<[u64; 4]>>,
    /// Indexed by unit id.
    units: Vec<UnitDeps>,
    /// Unit ids whose `keys` are not empty.
    unit_count: usize,
    /// A set bit: some object with this bit may have dependents on its whole self.
    wholes: WholeFilter,
    /// Entries of `by_key` that are live, and that went stale.
    live: usize,
    stale: usize,
}

impl ExactIndex {
    fn generation(&self, unit: UnitId) -> u32 {
        self.units.get(unit.0 as usize).map_or(0, |u| u.generation)
    }

    /// A removed unit's generation has moved on: its entries no longer match.
    fn is_live(&self, d: &Dependent) -> bool {
        d.generation == self.generation(d.unit)
    }

    fn drop_key(&mut self, key: DepKey) {
        self.by_key.remove(&key);
        if let Some(keys) = self.by_object.get_mut(&key.object) {
            keys.retain(|k| *k != key.key);
            if keys.is_empty() {
                self.by_object.remove(&key.object);
            }
        }
    }

    /// Drop every stale entry (and lists left empty).
    fn sweep(&mut self) {
        let units = &self.units;
        let mut emptied = Vec::new();
        self.wholes = WholeFilter::default();
        for (key, dependents) in self.by_key.iter_mut() {
            dependents.retain(|d| {
                d.generation == units.get(d.unit.0 as usize).map_or(0, |u| u.generation)
            });
            if dependents.is_empty() {
                emptied.push(*key);
            } else if key.key == DepKey::WHOLE {
                self.wholes.set(whole_filter_bit(key.object), true);
            }
        }
        for key in emptied {
            self.drop_key(key);
        }
        self.stale = 0;
    }

    fn unit_keys(&mut self, unit: UnitId) -> &mut UnitDeps {
        let i = unit.0 as usize;
        if self.units.len() <= i {
            self.units.resize_with(i + 1, UnitDeps::default);
        }
        &mut self.units[i]
    }
}

impl DependencyIndex for ExactIndex {
    fn add(&mut self, unit: UnitId, site: SiteId, key: DepKey) {
        let generation = self.generation(unit);
        let entry = Dependent {
            unit,
            site,
            generation,
        };
        let mut dependents = self.by_key.remove(&key).unwrap_or_default();
        if dependents.contains(&entry) {
            self.by_key.insert(key, dependents);
            return;
        }
        let before = dependents.len();
        dependents.retain(|d| self.is_live(d) || *d == entry);
        self.stale = self.stale.saturating_sub(before - dependents.len());
        if dependents.is_empty()
            && !self
                .by_object
                .get(&key.object)
                .is_some_and(|k| k.contains(&key.key))
        {
            self.by_object.entry(key.object).or_default().push(key.key);
        }
        dependents.push(entry);
        self.by_key.insert(key, dependents);
        if key.key == DepKey::WHOLE {
            self.wholes.set(whole_filter_bit(key.object), true);
        }
        let deps = self.unit_keys(unit);
        let first = deps.keys.is_empty();
        deps.keys.push(key);
        self.unit_count += usize::from(first);
        self.live += 1;
    }

    fn remove_unit(&mut self, unit: UnitId) {
        let Some(deps) = self.units.get_mut(unit.0 as usize) else {
            return;
        };
        if deps.keys.is_empty() {
            return;
        }
        let keys = std::mem::take(&mut deps.keys);
        deps.generation = deps.generation.wrapping_add(1);
        self.unit_count -= 1;
        self.live = self.live.saturating_sub(keys.len());
        self.stale += keys.len();
        if self.stale > self.live.max(64) {
            self.sweep();
        }
    }

    fn remove_object(&mut self, object: u64) {
        let Some(keys) = self.by_object.remove(&object) else {
            return;
        };
        for key in keys {
            let dep = DepKey { object, key };
            for d in self.by_key.remove(&dep).unwrap_or_default() {
                if !self.is_live(&d) {
                    self.stale = self.stale.saturating_sub(1);
                    continue;
                }
                self.live = self.live.saturating_sub(1);
                if let Some(unit) = self.units.get_mut(d.unit.0 as usize) {
                    let had = !unit.keys.is_empty();
                    unit.keys.retain(|k| *k != dep);
                    if had && unit.keys.is_empty() {
                        self.unit_count -= 1;
                    }
                }
            }
        }
    }

    fn affected(&self, key: DepKey, out: &mut Vec<Affected>) {
        let mut push = |k: &DepKey| {
            if let Some(dependents) = self.by_key.get(k) {
                out.extend(
                    dependents
                        .iter()
                        .filter(|d| self.is_live(d))
                        .map(|d| Affected::Site(d.unit, d.site)),
                );
            }
        };
        if key.key == DepKey::WHOLE {
            for &k in self.by_object.get(&key.object).into_iter().flatten() {
                push(&DepKey {
                    object: key.object,
                    key: k,
                });
            }
        } else {
            push(&key);
            if self.wholes[whole_filter_bit(key.object)] {
                push(&DepKey::whole(key.object));
            }
        }
    }

    fn bytes(&self) -> usize {
        let entry = std::mem::size_of::<(DepKey, SmallVec<[Dependent; 2]>)>() + 1;
        let object = std::mem::size_of::<(u64, SmallVec<[u64; 4]>)>() + 1;
        let unit = std::mem::size_of::<UnitDeps>();
        let spilled: usize = self
            .by_key
            .values()
            .filter(|d| d.spilled())
            .map(|d| d.capacity() * std::mem::size_of::<Dependent>())
            .sum();
        let unit_lists: usize = self
            .units
            .iter()
            .map(|u| u.keys.capacity() * std::mem::size_of::<DepKey>())
            .sum();
        self.by_key.capacity() * entry
            + self.by_object.capacity() * object
            + self.units.capacity() * unit
            + spilled
            + unit_lists
            + std::mem::size_of::<WholeFilter>()
    }

    fn units(&self) -> usize {
        self.unit_count
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_affects_exactly_the_sites_that_assume_it() {
        let mut index = ExactIndex::default();
        let x = DepKey { object: 7, key: 11 };
        let y = DepKey { object: 7, key: 13 };
        index.add(UnitId(1), SiteId(2), x);
        index.add(UnitId(1), SiteId(2), x);
        index.add(UnitId(1), SiteId(5), y);
        index.add(UnitId(9), SiteId(0), y);
        let mut out = Vec::new();
        index.affected(x, &mut out);
        assert_eq!(
            out,
            [Affected::Site(UnitId(1), SiteId(2))],
            "a repeated add counts once"
        );
        out.clear();
        index.affected(DepKey::whole(7), &mut out);
        out.sort();
        assert_eq!(
            out,
            [
                Affected::Site(UnitId(1), SiteId(2)),
                Affected::Site(UnitId(1), SiteId(5)),
                Affected::Site(UnitId(9), SiteId(0)),
            ]
        );
    }

    #[test]
    fn an_event_on_one_key_reaches_sites_that_assume_the_whole_object() {
        let mut index = ExactIndex::default();
        let mut out = Vec::new();
        for object in 0..5000u64 {
            index.add(UnitId(0), SiteId(1), DepKey { object, key: 3 });
        }
        index.add(UnitId(1), SiteId(0), DepKey::whole(42));
        index.affected(DepKey { object: 42, key: 3 }, &mut out);
        out.sort();
        assert_eq!(
            out,
            [
                Affected::Site(UnitId(0), SiteId(1)),
                Affected::Site(UnitId(1), SiteId(0))
            ]
        );
        out.clear();
        index.affected(DepKey { object: 43, key: 3 }, &mut out);
        assert_eq!(out, [Affected::Site(UnitId(0), SiteId(1))]);
        index.remove_unit(UnitId(1));
        out.clear();
        index.affected(DepKey { object: 42, key: 3 }, &mut out);
        assert_eq!(out, [Affected::Site(UnitId(0), SiteId(1))]);
        assert_eq!(index.units(), 1);
    }

    #[test]
    fn a_removed_unit_is_not_found_and_can_come_back_under_its_id() {
        let mut index = ExactIndex::default();
        let shared = DepKey { object: 1, key: 5 };
        for u in 0..10 {
            index.add(UnitId(u), SiteId(0), shared);
        }
        index.remove_unit(UnitId(3));
        let mut out = Vec::new();
        index.affected(shared, &mut out);
        assert_eq!(out.len(), 9);
        assert!(!out.contains(&Affected::Site(UnitId(3), SiteId(0))));
        index.add(UnitId(3), SiteId(4), shared);
        out.clear();
        index.affected(shared, &mut out);
        assert_eq!(out.len(), 10);
        assert!(out.contains(&Affected::Site(UnitId(3), SiteId(4))));
        assert!(
            !out.contains(&Affected::Site(UnitId(3), SiteId(0))),
            "the old site stays gone"
        );
    }

    #[test]
    fn stale_entries_do_not_pile_up() {
        let mut index = ExactIndex::default();
        let shared = DepKey { object: 1, key: 5 };
        for round in 0..1000 {
            index.add(UnitId(round % 7), SiteId(0), shared);
            index.remove_unit(UnitId(round % 7));
        }
        let entries: usize = index.by_key.values().map(|d| d.len()).sum();
        assert!(entries <= 65, "{entries} entries left for nothing live");
        assert_eq!(index.units(), 0);
    }

    #[test]
    fn a_dead_objects_dependents_are_forgotten() {
        let mut index = ExactIndex::default();
        let x = DepKey {
            object: 100,
            key: 3,
        };
        index.add(UnitId(0), SiteId(0), x);
        index.add(
            UnitId(0),
            SiteId(1),
            DepKey {
                object: 200,
                key: 3,
            },
        );
        index.remove_object(100);
        let mut out = Vec::new();
        index.affected(x, &mut out);
        assert!(out.is_empty());
        assert_eq!(index.units(), 1, "the unit still depends on object 200");
    }

    #[test]
    fn removing_everything_returns_the_index_to_empty() {
        let mut index = ExactIndex::default();
        for u in 0..50 {
            for k in 0..4 {
                index.add(
                    UnitId(u),
                    SiteId(k),
                    DepKey {
                        object: (u % 5) as u64,
                        key: k as u64 + 1,
                    },
                );
            }
        }
        for u in 0..25 {
            index.remove_unit(UnitId(u));
        }
        for o in 0..5 {
            index.remove_object(o);
        }
        assert_eq!(index.units(), 0);
        assert!(index.by_key.is_empty() && index.by_object.is_empty());
    }
}

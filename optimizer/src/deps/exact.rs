//! The exact dependency index: a hash map from each dependency to the guard sites
//! that assume it, plus each unit's and each object's dependencies so that removing
//! a unit or a dead object costs what it holds, not what the index holds. An event
//! costs one probe (two when it touches a whole object's keys), whatever the number
//! of units.

use super::{Affected, DepKey, DependencyIndex, SiteId, UnitId};
use hashbrown::HashMap;
use smallvec::SmallVec;

#[derive(Default)]
pub struct ExactIndex {
    /// Dependency -> (unit, site) pairs that assume it.
    by_key: HashMap<DepKey, SmallVec<[(UnitId, SiteId); 2]>>,
    /// Object -> its keys that have dependents: a whole-object event finds them here.
    by_object: HashMap<u64, SmallVec<[u64; 4]>>,
    /// Unit -> the dependencies it recorded.
    by_unit: HashMap<UnitId, Vec<DepKey>>,
}

impl ExactIndex {
    fn drop_key(&mut self, key: DepKey) {
        self.by_key.remove(&key);
        if let Some(keys) = self.by_object.get_mut(&key.object) {
            keys.retain(|k| *k != key.key);
            if keys.is_empty() {
                self.by_object.remove(&key.object);
            }
        }
    }
}

impl DependencyIndex for ExactIndex {
    fn add(&mut self, unit: UnitId, site: SiteId, key: DepKey) {
        let dependents = self.by_key.entry(key).or_default();
        if dependents.contains(&(unit, site)) {
            return;
        }
        if dependents.is_empty() {
            self.by_object.entry(key.object).or_default().push(key.key);
        }
        dependents.push((unit, site));
        self.by_unit.entry(unit).or_default().push(key);
    }

    fn remove_unit(&mut self, unit: UnitId) {
        let Some(keys) = self.by_unit.remove(&unit) else {
            return;
        };
        for key in keys {
            let Some(dependents) = self.by_key.get_mut(&key) else {
                continue;
            };
            dependents.retain(|(u, _)| *u != unit);
            if dependents.is_empty() {
                self.drop_key(key);
            }
        }
    }

    fn remove_object(&mut self, object: u64) {
        let Some(keys) = self.by_object.remove(&object) else {
            return;
        };
        for key in keys {
            let dep = DepKey { object, key };
            for (unit, _) in self.by_key.remove(&dep).unwrap_or_default() {
                if let Some(unit_keys) = self.by_unit.get_mut(&unit) {
                    unit_keys.retain(|k| *k != dep);
                    if unit_keys.is_empty() {
                        self.by_unit.remove(&unit);
                    }
                }
            }
        }
    }

    fn affected(&self, key: DepKey, out: &mut Vec<Affected>) {
        let mut push = |k: &DepKey| {
            if let Some(dependents) = self.by_key.get(k) {
                out.extend(dependents.iter().map(|&(u, s)| Affected::Site(u, s)));
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
            push(&DepKey::whole(key.object));
        }
    }

    fn bytes(&self) -> usize {
        let entry = std::mem::size_of::<(DepKey, SmallVec<[(UnitId, SiteId); 2]>)>() + 1;
        let object = std::mem::size_of::<(u64, SmallVec<[u64; 4]>)>() + 1;
        let unit = std::mem::size_of::<(UnitId, Vec<DepKey>)>() + 1;
        let spilled: usize = self
            .by_key
            .values()
            .filter(|d| d.spilled())
            .map(|d| d.capacity() * std::mem::size_of::<(UnitId, SiteId)>())
            .sum();
        let unit_lists: usize = self
            .by_unit
            .values()
            .map(|k| k.capacity() * std::mem::size_of::<DepKey>())
            .sum();
        self.by_key.capacity() * entry
            + self.by_object.capacity() * object
            + self.by_unit.capacity() * unit
            + spilled
            + unit_lists
    }

    fn units(&self) -> usize {
        self.by_unit.len()
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

//! The Bloom-filter dependency index, as CPython 3.13's tier 2 keeps it: each unit
//! holds a 256-bit filter of what it depends on (k = 6 bits per entry), and an event
//! tests the filter of every live unit. Small and simple, but an event costs one
//! test per unit, a hit names a unit but not its sites, and a filter cannot forget:
//! a dead object's bits stay until the unit goes, so an object born later at the
//! same address may look like a dependency (a spurious invalidation, never a missed
//! one).
//!
//! Each dependency sets the bits of its (object, key) and of its object alone, so an
//! event on one key tests the first and an event on a whole object the second.

use super::{Affected, DepKey, DependencyIndex, SiteId, UnitId};
use bitvec::prelude::*;

/// Bits per filter and bits set per entry (CPython's `_Py_BLOOM_FILTER_*`).
const FILTER_BITS: usize = 256;
const HASHES: u64 = 6;

/// The `key` half of an object-alone entry: even, so no `name_key` (always odd)
/// and not `WHOLE` (0).
const OBJECT_ALONE: u64 = 2;

type Filter = BitArr!(for FILTER_BITS, in u64);

#[derive(Default)]
pub struct BloomIndex {
    /// Filter per unit number; `live` says which are in use.
    filters: Vec<Filter>,
    live: BitVec<u64>,
}

/// The filter bits of one entry: double hashing over the mixed key.
fn bits(entry: DepKey) -> impl Iterator<Item = usize> {
    let h = entry.mix();
    let (h1, h2) = (h & 0xFFFF_FFFF, (h >> 32) | 1);
    (0..HASHES).map(move |i| (h1.wrapping_add(i.wrapping_mul(h2)) % FILTER_BITS as u64) as usize)
}

fn object_alone(object: u64) -> DepKey {
    DepKey {
        object,
        key: OBJECT_ALONE,
    }
}

fn test(filter: &Filter, probe: &[usize; HASHES as usize]) -> bool {
    probe.iter().all(|&b| filter[b])
}

fn probe(entry: DepKey) -> [usize; HASHES as usize] {
    let mut p = [0; HASHES as usize];
    for (slot, b) in p.iter_mut().zip(bits(entry)) {
        *slot = b;
    }
    p
}

impl DependencyIndex for BloomIndex {
    fn add(&mut self, unit: UnitId, _site: SiteId, key: DepKey) {
        let i = unit.0 as usize;
        if i >= self.filters.len() {
            self.filters.resize(i + 1, Filter::ZERO);
            self.live.resize(i + 1, false);
        }
        self.live.set(i, true);
        let filter = &mut self.filters[i];
        for b in bits(key).chain(bits(object_alone(key.object))) {
            filter.set(b, true);
        }
    }

    fn remove_unit(&mut self, unit: UnitId) {
        let i = unit.0 as usize;
        if i < self.filters.len() {
            self.filters[i] = Filter::ZERO;
            self.live.set(i, false);
        }
    }

    fn remove_object(&mut self, _object: u64) {}

    fn affected(&self, key: DepKey, out: &mut Vec<Affected>) {
        let probes: ([usize; HASHES as usize], Option<[usize; HASHES as usize]>) =
            if key.key == DepKey::WHOLE {
                (probe(object_alone(key.object)), None)
            } else {
                (probe(key), Some(probe(DepKey::whole(key.object))))
            };
        for i in self.live.iter_ones() {
            let filter = &self.filters[i];
            if test(filter, &probes.0) || probes.1.as_ref().is_some_and(|p| test(filter, p)) {
                out.push(Affected::Unit(UnitId(i as u32)));
            }
        }
    }

    fn bytes(&self) -> usize {
        self.filters.capacity() * std::mem::size_of::<Filter>() + self.live.capacity() / 8
    }

    fn units(&self) -> usize {
        self.live.count_ones()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deps::name_key;

    #[test]
    fn false_positives_stay_near_the_filters_rate() {
        // 20 dependencies per unit, 1,000 units, probed with keys none of them has.
        let mut index = BloomIndex::default();
        for u in 0..1000u32 {
            for d in 0..20u64 {
                let key = DepKey {
                    object: 1_000 + u as u64,
                    key: name_key(&format!("g{d}")),
                };
                index.add(UnitId(u), SiteId(d as u32), key);
            }
        }
        let mut hits = 0;
        let mut out = Vec::new();
        for probe in 0..1000u64 {
            out.clear();
            index.affected(
                DepKey {
                    object: 1_000_000 + probe,
                    key: name_key("absent"),
                },
                &mut out,
            );
            hits += out.len();
        }
        let rate = hits as f64 / (1000.0 * 1000.0);
        // 40 entries of 6 bits in 256: about 6% expected; far above would be a bug.
        assert!(rate < 0.12, "false-positive rate {rate}");
    }

    #[test]
    fn a_filter_names_the_unit_not_the_site() {
        let mut index = BloomIndex::default();
        index.add(
            UnitId(3),
            SiteId(9),
            DepKey {
                object: 5,
                key: name_key("x"),
            },
        );
        let mut out = Vec::new();
        index.affected(
            DepKey {
                object: 5,
                key: name_key("x"),
            },
            &mut out,
        );
        assert_eq!(out, [Affected::Unit(UnitId(3))]);
        assert!(index.bytes() >= FILTER_BITS / 8);
    }
}

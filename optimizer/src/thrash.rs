//! Thrash control: what the optimizer does when the same assumption keeps breaking.
//! Each policy is a small state machine over two things — a dependency (how much
//! later compiles may still assume about it) and a code object (when, if ever, it is
//! compiled again after an invalidation):
//!
//! - `Cutoff(n)`: after `n` breaks of one dependency, stop assuming anything about it
//!   (CPython 3.13 stops watching a globals dict after 6 mutations);
//! - `Backoff`: each invalidation of a code object doubles the calls it must wait
//!   before it is compiled again (JavaScriptCore's exponential back-off);
//! - `Lattice`: a dependency only moves one way, constant -> constant type ->
//!   anything (V8's property-cell states): a rebinding that keeps the type keeps a
//!   type assumption;
//! - `Never(k)`: a code object invalidated `k` times is never compiled again
//!   (HotSpot's not-entrant limit).
//!
//! Depends on `deps` for the dependency key.

use crate::deps::DepKey;
use hashbrown::HashMap;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ThrashPolicy {
    Cutoff(u32),
    Backoff,
    Lattice,
    Never(u32),
}

/// What a compile may assume about a dependency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Assumption {
    /// Its value: folded into the code, a watcher keeps it true.
    Constant,
    /// Only its type: the value is loaded, and the type checked where no watcher
    /// covers it.
    Type,
    /// Nothing: the generic path.
    Nothing,
}

/// When a code object may be compiled again after an invalidation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recompile {
    /// After this many more calls or loop iterations.
    After(u32),
    Never,
}

/// The longest back-off: 2^16 times the base threshold.
const MAX_BACKOFF_SHIFT: u32 = 16;

pub struct Thrash {
    policy: ThrashPolicy,
    /// Breaks seen per dependency, and what may still be assumed.
    deps: HashMap<DepKey, (u32, Assumption)>,
    /// Invalidations per code object (by identity).
    codes: HashMap<u64, u32>,
}

impl Thrash {
    pub fn new(policy: ThrashPolicy) -> Thrash {
        Thrash {
            policy,
            deps: HashMap::new(),
            codes: HashMap::new(),
        }
    }

    pub fn policy(&self) -> ThrashPolicy {
        self.policy
    }

    /// What a compile may assume about `key` now.
    pub fn assumption(&self, key: DepKey) -> Assumption {
        self.deps
            .get(&key)
            .map_or(Assumption::Constant, |&(_, a)| a)
    }

    /// `key` broke; `same_type` says whether the new value has the old one's type.
    /// Returns what later compiles may assume.
    pub fn dependency_broken(&mut self, key: DepKey, same_type: bool) -> Assumption {
        let policy = self.policy;
        let (breaks, assumption) = self.deps.entry(key).or_insert((0, Assumption::Constant));
        *breaks = breaks.saturating_add(1);
        *assumption = match policy {
            ThrashPolicy::Cutoff(n) if *breaks >= n => Assumption::Nothing,
            ThrashPolicy::Lattice => match (*assumption, same_type) {
                (Assumption::Constant, true) => Assumption::Type,
                _ => Assumption::Nothing,
            },
            _ => *assumption,
        };
        *assumption
    }

    /// The object died: its identity may be reused by an unrelated one.
    pub fn forget_object(&mut self, object: u64) {
        self.deps.retain(|k, _| k.object != object);
        self.codes.remove(&object);
    }

    /// A unit of the code object `code` was invalidated; `threshold` is the normal
    /// tier-up threshold. Returns when it may be compiled again.
    pub fn unit_invalidated(&mut self, code: u64, threshold: u32) -> Recompile {
        let count = self.codes.entry(code).or_insert(0);
        *count = count.saturating_add(1);
        let count = *count;
        self.recompile(count, threshold)
    }

    /// When `code` may be compiled (again), given how often it was invalidated.
    pub fn may_compile(&self, code: u64, threshold: u32) -> Recompile {
        match self.codes.get(&code) {
            None => Recompile::After(threshold),
            Some(&count) => self.recompile(count, threshold),
        }
    }

    fn recompile(&self, invalidations: u32, threshold: u32) -> Recompile {
        match self.policy {
            ThrashPolicy::Never(k) if invalidations >= k => Recompile::Never,
            ThrashPolicy::Backoff => {
                let shift = invalidations.min(MAX_BACKOFF_SHIFT);
                Recompile::After(threshold.saturating_mul(1 << shift))
            }
            _ => Recompile::After(threshold),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const G: DepKey = DepKey { object: 1, key: 3 };

    #[test]
    fn cutoff_stops_assuming_after_n_breaks() {
        let mut t = Thrash::new(ThrashPolicy::Cutoff(3));
        assert_eq!(t.dependency_broken(G, true), Assumption::Constant);
        assert_eq!(t.dependency_broken(G, true), Assumption::Constant);
        assert_eq!(t.dependency_broken(G, true), Assumption::Nothing);
        assert_eq!(t.assumption(G), Assumption::Nothing);
        assert_eq!(
            t.assumption(DepKey { object: 1, key: 5 }),
            Assumption::Constant
        );
        t.forget_object(1);
        assert_eq!(
            t.assumption(G),
            Assumption::Constant,
            "a new object at the address starts over"
        );
    }

    #[test]
    fn the_lattice_only_moves_down() {
        let mut t = Thrash::new(ThrashPolicy::Lattice);
        assert_eq!(t.dependency_broken(G, true), Assumption::Type);
        assert_eq!(
            t.dependency_broken(G, true),
            Assumption::Nothing,
            "a type assumption that breaks is gone"
        );
        let h = DepKey { object: 2, key: 3 };
        assert_eq!(
            t.dependency_broken(h, false),
            Assumption::Nothing,
            "a new type skips the type state"
        );
    }

    #[test]
    fn backoff_doubles_and_never_gives_up() {
        let mut t = Thrash::new(ThrashPolicy::Backoff);
        assert_eq!(t.may_compile(9, 100), Recompile::After(100));
        assert_eq!(t.unit_invalidated(9, 100), Recompile::After(200));
        assert_eq!(t.unit_invalidated(9, 100), Recompile::After(400));
        for _ in 0..40 {
            t.unit_invalidated(9, 100);
        }
        assert_eq!(
            t.may_compile(9, 100),
            Recompile::After(100 << MAX_BACKOFF_SHIFT)
        );
    }

    #[test]
    fn never_stops_compiling_after_k() {
        let mut t = Thrash::new(ThrashPolicy::Never(2));
        assert_eq!(t.unit_invalidated(9, 100), Recompile::After(100));
        assert_eq!(t.unit_invalidated(9, 100), Recompile::Never);
        assert_eq!(t.may_compile(9, 100), Recompile::Never);
        assert_eq!(t.may_compile(10, 100), Recompile::After(100));
    }
}

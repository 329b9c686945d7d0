//! The optimizer's statistics: the counts the spec judges each strategy by (units,
//! guards, deopts by reason, invalidations by event kind, spurious invalidations,
//! recompiles, compile time, the dependency index's bytes). Printed at exit with
//! `--stats`, and handed to Python as a dict. Counting is a few additions on paths
//! that are already slow (compiles, events, deopts), never in compiled code.
//!
//! Depends on nothing else in the crate.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub units_compiled: u64,
    /// Guard sites in the units compiled.
    pub guards: u64,
    /// Units entered from a running loop (on-stack replacement).
    pub osr_entries: u64,
    /// Function units entered at a call.
    pub call_entries: u64,
    /// Runs taken on again after a call the interpreter made for them.
    pub resumptions: u64,
    pub recompiles: u64,
    /// Cells rewritten by events (`--globals=cell`).
    pub cells_rewritten: u64,
    /// Attribute sites specialised to a class (at their first execution, and again
    /// after the class changed).
    pub attribute_fills: u64,
    /// Deopts by reason (`guard.type`, `invalidated`, `trace-set`...).
    pub deopts: BTreeMap<String, u64>,
    /// Invalidations by the event kind that caused them (`dict.modified`...).
    pub invalidations: BTreeMap<String, u64>,
    /// Invalidations whose assumption still held when re-checked (the same value
    /// stored again, a key no unit used, a Bloom filter's false positive).
    pub spurious: u64,
    /// Events re-checked and kept (`--adaptive`).
    pub rearmed: u64,
    /// Units whose assumption broke while they compiled, caught at install.
    pub stale_installs_refused: u64,
    /// Loops not compiled, by why.
    pub refusals: BTreeMap<String, u64>,
    /// Calls in the units compiled that were not inlined, by why.
    pub not_inlined: BTreeMap<String, u64>,
    pub compile_time: Duration,
    pub dependency_index_bytes: usize,
}

impl Stats {
    pub fn deopt(&mut self, reason: &str) {
        count(&mut self.deopts, reason);
    }

    pub fn refusal(&mut self, why: &str) {
        count(&mut self.refusals, why);
    }

    pub fn not_inlined(&mut self, why: &str) {
        count(&mut self.not_inlined, why);
    }

    pub fn invalidation(&mut self, event: &str) {
        count(&mut self.invalidations, event);
    }

    /// Every count under a flat name, in a fixed order: `deopts.REASON` and
    /// `invalidations.EVENT` for the maps, compile time in microseconds. What the
    /// `tripwire` module's dict and the JSON of `tripwire bench` hold.
    pub fn entries(&self) -> Vec<(String, u64)> {
        let mut e = vec![
            ("units_compiled".to_string(), self.units_compiled),
            ("guards".to_string(), self.guards),
            ("osr_entries".to_string(), self.osr_entries),
            ("call_entries".to_string(), self.call_entries),
            ("resumptions".to_string(), self.resumptions),
            ("recompiles".to_string(), self.recompiles),
            ("cells_rewritten".to_string(), self.cells_rewritten),
            ("attribute_fills".to_string(), self.attribute_fills),
            ("deopts".to_string(), self.deopts.values().sum()),
            (
                "invalidations".to_string(),
                self.invalidations.values().sum(),
            ),
            ("spurious_invalidations".to_string(), self.spurious),
            ("refusals".to_string(), self.refusals.values().sum()),
            ("not_inlined".to_string(), self.not_inlined.values().sum()),
            ("rearmed".to_string(), self.rearmed),
            (
                "stale_installs_refused".to_string(),
                self.stale_installs_refused,
            ),
            (
                "compile_time_us".to_string(),
                self.compile_time.as_micros() as u64,
            ),
            (
                "dependency_index_bytes".to_string(),
                self.dependency_index_bytes as u64,
            ),
        ];
        e.extend(self.deopts.iter().map(|(k, v)| (format!("deopts.{k}"), *v)));
        e.extend(
            self.invalidations
                .iter()
                .map(|(k, v)| (format!("invalidations.{k}"), *v)),
        );
        e.extend(
            self.refusals
                .iter()
                .map(|(k, v)| (format!("refusals.{k}"), *v)),
        );
        e.extend(
            self.not_inlined
                .iter()
                .map(|(k, v)| (format!("not_inlined.{k}"), *v)),
        );
        e
    }

    /// The `--stats` report. Compile time is the one figure that varies from run to
    /// run; `with_times: false` leaves it out (for snapshot tests).
    pub fn report(&self, with_times: bool) -> String {
        let mut s = String::from("optimizer statistics\n");
        for (name, value) in self.entries() {
            if name == "compile_time_us" && !with_times {
                continue;
            }
            let indent = if name.contains('.') { "    " } else { "  " };
            let _ = writeln!(s, "{indent}{name:<36} {value}");
        }
        s
    }
}

/// One more under `key`; the key is copied only the first time (deopts are
/// counted on every exit a unit takes).
fn count(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_string(), 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_are_summed_and_listed_in_order() {
        let mut s = Stats::default();
        s.deopt("guard.type");
        s.deopt("guard.type");
        s.deopt("invalidated");
        s.invalidation("func.modify_code");
        s.compile_time = Duration::from_micros(1500);
        let e = s.entries();
        let get = |n: &str| e.iter().find(|(k, _)| k == n).map(|(_, v)| *v);
        assert_eq!(get("deopts"), Some(3));
        assert_eq!(get("deopts.guard.type"), Some(2));
        assert_eq!(get("invalidations"), Some(1));
        assert_eq!(get("compile_time_us"), Some(1500));
        let report = s.report(false);
        assert!(!report.contains("compile_time"));
        assert!(report.contains("    deopts.invalidated                   1\n"));
        assert!(s.report(true).contains("compile_time_us"));
    }
}

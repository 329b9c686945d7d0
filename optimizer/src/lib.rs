//! tripwire-optimizer: the invalidation-driven optimizer, an extension of
//! tripwire-core like any other.
//!
//! What is here so far, each piece independent of how compiled code runs:
//! - `deps`: the dependency index, from a watched (object, key) to the guard sites
//!   and compiled units that assume it, in two strategies (`exact`, `bloom`);
//! - `thrash`: what the optimizer does when the same assumption keeps breaking
//!   (cutoff, back-off, a one-way lattice, never recompile);
//! - `options`: the strategy switches of `tripwire run` (`--dep-index=...`);
//! - `trace`: the invalidation trace's records, as text and JSON lines;
//! - `stats`: the counts each strategy is judged by (`--stats`).
//!
//! The path of one event (../DESIGN.md, "The optimizer's shape"): watcher ->
//! `deps` -> strategy (ignore, re-check, patch a site, invalidate a unit, deopt
//! frames) -> `thrash` -> trace record and statistics.

pub mod backend;
pub mod deopt;
pub mod deps;
pub mod options;
pub mod python;
pub mod runtime;
pub mod specialise;
pub mod stats;
pub mod thrash;
pub mod trace;
pub mod unit;

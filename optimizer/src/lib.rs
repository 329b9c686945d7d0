//! tripwire-optimizer: the invalidation-driven optimizer, an extension of
//! tripwire-core like any other (it uses only what core exports to every extension).
//!
//! - `runtime`: the optimizer installed on an interpreter (tier-up of hot loops,
//!   entering units, the watcher that keeps them true);
//! - `unit`, `specialise`: compiled units as data, and how a loop becomes one
//!   (`profile`: what the interpreter's caches observed, for predictions);
//! - `backend`: what runs units (`interp`, the reference); `deopt`: leaving one;
//! - `deps`: the dependency index, from a watched (object, key) to the guard sites
//!   and units that assume it (`exact`, `bloom`);
//! - `thrash`: what happens when the same assumption keeps breaking;
//! - `options`: the strategy switches of `tripwire run`;
//! - `trace`, `stats`: invalidation trace records and the counts strategies are
//!   judged by; `chrome`: the same records and the spans of compiles and runs as a
//!   Chrome trace-event timeline; `python`: `import tripwire_optimizer`.
//!
//! ARCHITECTURE.md follows a loop and an event through these modules.

pub mod backend;
pub mod chrome;
pub mod deopt;
pub mod deps;
pub mod options;
pub mod profile;
pub mod python;
pub mod runtime;
pub mod specialise;
pub mod stats;
pub mod thrash;
pub mod trace;
pub mod unit;

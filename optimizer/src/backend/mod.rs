//! Backends: what runs a compiled unit. `interp` is the reference, an interpreter of
//! the unit's ops; a native backend will take the same units.

mod attrs;
pub mod interp;
mod items;
mod numbers;
mod regs;
mod slow;

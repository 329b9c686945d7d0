//! tripwire-core: the Python runtime — front end, compiler, code objects, object
//! model, interpreter, built-ins and bundled modules.
//!
//! Layering inside the crate: `parse` (ruff front end) <- `compile` (AST to `Code`)
//! <- `object` (values and their data structures) <- `vm` (evaluation, protocols)
//! <- `builtins` / `modules` (the Python-visible library); `watch` (watcher events,
//! built on tripwire-watchers) sits beside `vm`, which calls it at every mutation
//! point.

pub mod builtins;
pub mod code;
pub mod compile;
pub mod modules;
pub mod object;
pub mod parse;
pub mod vm;
pub mod watch;

pub use object::Value;
pub use tripwire_watchers as watchers;
pub use vm::{PyErr, PyResult, Vm};
pub use watch::{CodeEvent, DictEvent, FuncEvent, TypeEvent, WatchError, Watchers};

//! tripwire-watchers: the machinery behind dict, type, function and code watchers,
//! independent of any object model.
//!
//! - `event`: the event vocabularies of the four kinds and the events core dispatches;
//! - `mask`: the per-object watch mask (one bit per watcher slot);
//! - `registry`: eight watcher slots per kind for programs and eight for tools, registration from any OS thread, and
//!   dispatch in ascending id order with error and panic isolation;
//! - `error`: registration errors, with CPython's messages;
//! - `trace`: the recorder that turns events into a deterministic text or JSON trace.
//!
//! The crate knows nothing about Python: events are generic over the handle types
//! (dict, type, function, code, value) that tripwire-core plugs in through `Handles`,
//! and callbacks receive a context (core's interpreter) of a type it chooses. It
//! depends on `arc-swap` only.

pub mod error;
pub mod event;
pub mod mask;
pub mod registry;
pub mod trace;

pub use error::WatchError;
pub use event::{
    CodeEvent, CodeEventKind, DictEvent, DictEventKind, FuncEvent, FuncEventKind, Handles, Kind,
    TypeEvent,
};
pub use mask::{Bits, WatchMask};
pub use registry::{
    check_program_id, Callback, Failure, Registries, Registry, PROGRAM_SLOTS, SLOTS, TOOL_SLOTS,
};
pub use trace::{Arg, Format, Recorder, Subject};

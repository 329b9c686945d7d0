//! The built-in state of an exception instance (`BaseException`'s fields, and the
//! `name` / `obj` of AttributeError and NameError).

use super::Value;
use crate::vm::errors::TraceEntry;

#[derive(Default)]
pub struct ExcData {
    /// Always a tuple.
    pub args: Value,
    /// Outermost frame first; unwinding adds each caller at the front.
    pub traceback: std::collections::VecDeque<TraceEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// AttributeError's and NameError's `name`: the name not found (None unset).
    pub name: Value,
    /// AttributeError's `obj`: the object that lacked it (None unset).
    pub obj: Value,
    /// The frame that raises this exception keeps its variables for the
    /// traceback if it may need them (a NameError's suggestions read them, an
    /// AttributeError's its `self`); cleared once it has been asked.
    pub keep_frame: bool,
}

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
    /// Whether the frame that raises this exception keeps its variables for the
    /// traceback (cleared once decided).
    pub keep_frame: KeepFrame,
}

/// When a raising frame keeps its variables for the suggestions of its report.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
pub enum KeepFrame {
    #[default]
    No,
    /// A NameError (its suggestions read the locals): as its entry is made, so
    /// that a handler in the same frame printing it sees them too.
    AtRaise,
    /// An AttributeError: as it leaves the frame, if that frame's `self` is the
    /// object that lacked the attribute (its private names are suggested then);
    /// one caught where it was raised costs nothing.
    IfSelfAsItLeaves,
}

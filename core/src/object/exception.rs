//! The built-in state of an exception instance (`BaseException`'s fields).

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
}

//! The built-in state of an exception instance (`BaseException`'s fields).

use super::Value;
use crate::vm::errors::TraceEntry;

#[derive(Default)]
pub struct ExcData {
    /// Always a tuple.
    pub args: Value,
    pub traceback: Vec<TraceEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
}

//! Per-code scratch space (CPython's `co_extra`): extensions such as the optimizer or a
//! profiler keep their own data on a code object without a side table.
//!
//! An extension asks the interpreter for an index once (`request_code_extra_index`,
//! at most `MAX_CODE_EXTRA_USERS - 1` per interpreter, with an optional free
//! function), then stores and fetches its value on any code object under that index.
//! Replacing a value runs the free function on the old one; when the code object
//! dies, the free function runs on each value it still holds. Values are
//! `Rc<dyn Any>`: the data is a cache that may be dropped, and the free function is
//! told when.
//!
//! A code object pays one pointer for the feature (`CodeExtra` is a cell holding an
//! optional box, `None` until something is stored). Each stored slot remembers its
//! free function, so a code object that outlives its interpreter still frees its
//! values correctly. Depends only on std.

use std::any::Any;
use std::cell::Cell;
use std::rc::Rc;

/// CPython's `MAX_CO_EXTRA_USERS`: indices 0..=253 can be handed out.
pub const MAX_CODE_EXTRA_USERS: usize = 255;

/// Called with a value when it is replaced or its code object dies.
pub type FreeFn = fn(Rc<dyn Any>);

/// One stored value and the free function of its index.
struct Slot {
    value: Rc<dyn Any>,
    free: Option<FreeFn>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(free) = self.free {
            free(self.value.clone());
        }
    }
}

/// The scratch space of one code object: one pointer, empty by default.
#[derive(Default)]
// A boxed Vec on purpose: a thin pointer (a boxed slice would be two words).
#[allow(clippy::box_collection)]
pub struct CodeExtra(Cell<Option<Box<Vec<Option<Slot>>>>>);

impl CodeExtra {
    /// How many slots this code object holds (indices beyond read as empty).
    pub fn len(&self) -> usize {
        let slots = self.0.take();
        let n = slots.as_ref().map_or(0, |s| s.len());
        self.0.set(slots);
        n
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn get(&self, index: usize) -> Option<Rc<dyn Any>> {
        let slots = self.0.take();
        let v = slots
            .as_ref()
            .and_then(|s| s.get(index))
            .and_then(|s| s.as_ref())
            .map(|s| s.value.clone());
        self.0.set(slots);
        v
    }

    /// Store `value` at `index`, returning the slot it replaces (whose drop runs the
    /// free function, after the new value is in place).
    fn set(&self, index: usize, value: Option<Rc<dyn Any>>, free: Option<FreeFn>) {
        let mut slots = self.0.take().unwrap_or_default();
        if slots.len() <= index {
            slots.resize_with(index + 1, || None);
        }
        let old = std::mem::replace(&mut slots[index], value.map(|value| Slot { value, free }));
        self.0.set(Some(slots));
        drop(old);
    }

    /// Move the contents out (a dying code object revived for its watchers keeps
    /// its extra data).
    pub fn take(&mut self) -> CodeExtra {
        CodeExtra(Cell::new(self.0.take()))
    }
}

/// Why a code-extra operation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeExtraError {
    /// The index was never handed out by this interpreter.
    BadIndex(usize),
}

impl std::fmt::Display for CodeExtraError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodeExtraError::BadIndex(i) => write!(f, "code extra index {i} was never requested"),
        }
    }
}

/// The interpreter's registry of handed-out indices and their free functions.
#[derive(Default)]
pub struct CodeExtraRegistry {
    free_fns: Vec<Option<FreeFn>>,
}

impl CodeExtraRegistry {
    /// A new index, or None once `MAX_CODE_EXTRA_USERS - 1` are handed out (CPython
    /// returns -1 without raising).
    pub fn request(&mut self, free: Option<FreeFn>) -> Option<usize> {
        if self.free_fns.len() >= MAX_CODE_EXTRA_USERS - 1 {
            return None;
        }
        self.free_fns.push(free);
        Some(self.free_fns.len() - 1)
    }

    /// How many indices are handed out.
    pub fn count(&self) -> usize {
        self.free_fns.len()
    }

    /// The value stored at `index` on `extra`; None when nothing is stored or the
    /// code holds fewer slots (never an error, as CPython's `GetExtra`).
    pub fn get(&self, extra: &CodeExtra, index: usize) -> Option<Rc<dyn Any>> {
        extra.get(index)
    }

    /// Store (or with None, clear) the value at `index`; a replaced value goes to the
    /// free function.
    pub fn set(
        &self,
        extra: &CodeExtra,
        index: usize,
        value: Option<Rc<dyn Any>>,
    ) -> Result<(), CodeExtraError> {
        let Some(free) = self.free_fns.get(index) else {
            return Err(CodeExtraError::BadIndex(index));
        };
        extra.set(index, value, *free);
        Ok(())
    }
}

impl crate::vm::Vm {
    /// CPython's `PyUnstable_Eval_RequestCodeExtraIndex`: None when the interpreter
    /// has handed out all its indices.
    pub fn request_code_extra_index(&mut self, free: Option<FreeFn>) -> Option<usize> {
        self.code_extra.request(free)
    }

    /// CPython's `PyUnstable_Code_GetExtra`.
    pub fn code_extra(&self, code: &crate::code::Code, index: usize) -> Option<Rc<dyn Any>> {
        self.code_extra.get(&code.extra, index)
    }

    /// CPython's `PyUnstable_Code_SetExtra`; an index never handed out is an error.
    pub fn set_code_extra(
        &self,
        code: &crate::code::Code,
        index: usize,
        value: Option<Rc<dyn Any>>,
    ) -> Result<(), CodeExtraError> {
        self.code_extra.set(&code.extra, index, value)
    }
}

//! The guards on native recursion: Rust code that recurses into itself without a
//! Python frame in between (a container's repr or str, comparison, hashing,
//! `isinstance` over nested tuples) and native re-entries of the evaluation loop.
//!
//! As in CPython 3.13, the levels of native recursion have a limit of their own
//! (`NATIVE_RECURSION_LIMIT`), apart from `sys.setrecursionlimit`, which bounds
//! Python frames; and every level, like every native re-entry of the loop, checks the
//! room left on the Rust stack, so no recursion limit, however high, can overflow it.
//! Each stack of execution (thread, greenlet) has its own count (`stacks` swaps it).
//! Depends only on the thread state's fields and the error constructors.

use super::{PyErr, PyResult, Vm};

/// CPython 3.13's limit on C recursion (`Py_C_RECURSION_LIMIT`).
pub const NATIVE_RECURSION_LIMIT: usize = 10_000;

impl Vm {
    /// Enter one level of native recursion; `context` ends CPython's message
    /// (" in comparison", " while getting the repr of an object").
    #[inline]
    pub fn enter_native(&mut self, context: &str) -> PyResult<()> {
        if self.native_nesting >= NATIVE_RECURSION_LIMIT || !self.native_stack_has_room() {
            return Err(self.native_recursion_error(context));
        }
        self.native_nesting += 1;
        Ok(())
    }

    /// Leave a level entered by a successful `enter_native`.
    #[inline]
    pub fn leave_native(&mut self) {
        self.native_nesting -= 1;
    }

    /// Run `f` one level of native recursion deeper.
    #[inline]
    pub fn nested<T>(
        &mut self,
        context: &str,
        f: impl FnOnce(&mut Vm) -> PyResult<T>,
    ) -> PyResult<T> {
        self.enter_native(context)?;
        let r = f(self);
        self.leave_native();
        r
    }

    /// Whether the Rust stack still has room for another native re-entry.
    pub fn check_native_stack(&self) -> PyResult<()> {
        if self.native_stack_has_room() {
            Ok(())
        } else {
            Err(self.recursion_error())
        }
    }

    #[inline]
    fn native_stack_has_room(&self) -> bool {
        let marker = 0u8;
        let here = std::hint::black_box(&marker) as *const u8 as usize;
        self.stack_origin.abs_diff(here) <= self.stack_budget
    }

    fn native_recursion_error(&self, context: &str) -> PyErr {
        self.new_error(
            &self.types.recursion_error,
            &format!("maximum recursion depth exceeded{context}"),
        )
    }
}

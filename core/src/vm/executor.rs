//! Executors: compiled code installed on a code object, which the interpreter itself
//! runs the code's frames with from their first instruction, and the warm-up count
//! that tells an extension when a code object is worth compiling.
//!
//! An eval hook sees every frame and decides how to evaluate it; that generality has
//! a price on every call (the chain is walked, the hook finds its own data for the
//! code). An executor is the cheap form of the common case, as CPython's executors
//! and CinderX's replaced entry points are: an extension that compiled a code object
//! installs an `Executor` on it (`Vm::set_executor`), and a plain entry of a frame of
//! that code (from its first instruction, nothing thrown in, no tracing or
//! profiling) calls the executor after the eval hooks have all answered `Continue`.
//! The executor answers as a hook does: `Continue` to let the interpreter run the
//! frame from where it left it (it may have run the frame partway, or suspended it
//! at a call, `vm::suspend`), `Done(exit)` with the frame's outcome, or `Raise(e)`
//! for an exception raised at the frame's `pc` (see `hooks`, "Running a frame
//! partway"). Any frame may still run in the interpreter instead: an executor is
//! not called for a frame entered by another path (a generator resumed, a frame
//! entered while tracing), so it must leave the code's semantics unchanged.
//!
//! Warm-up: with a warm-code hook set (`Vm::set_warm_code_hook`), each plain frame
//! entry of a code object without an executor counts, and the entry that reaches
//! the threshold calls the hook (which may install an executor and answer for
//! that frame as an executor would). A code object is reported once; `rearm` makes
//! it count again from zero (an extension's backoff after its code was thrown
//! away).
//!
//! Cost: frame entry already tests one per-thread flag for hooks; it is set while a
//! warm-code hook exists or an executor was ever installed. Then an entry reads the
//! code's executor slot and, without one, bumps its count.
//! Depends on the frame stack, the hook protocol (`hooks`) and the code object.

use super::eval::Exit;
use super::hooks::{Detour, FrameRef, HookAction};
use super::{PyResult, Vm};
use crate::code::Code;
use std::cell::Cell;
use std::rc::Rc;

/// Compiled code that runs a code object's frames from their first instruction.
pub trait Executor {
    /// The top frame, `frame`, a frame of the code this executor is installed on,
    /// is about to run its first instruction: run it, or part of it, and answer as
    /// an eval hook does.
    fn enter(self: Rc<Self>, vm: &mut Vm, frame: FrameRef) -> PyResult<HookAction>;
}

/// Called at the entry that makes a code object warm, as an executor would be.
pub type WarmCodeHook = dyn Fn(&mut Vm, FrameRef) -> PyResult<HookAction>;

/// A code object's executor and warm-up count.
#[derive(Default)]
pub struct CodeEntry {
    executor: Cell<Option<Rc<dyn Executor>>>,
    /// Whether `executor` holds one, readable without taking it out.
    has_executor: Cell<bool>,
    entries: Cell<u32>,
}

impl CodeEntry {
    /// The executor installed, if any.
    pub fn executor(&self) -> Option<Rc<dyn Executor>> {
        let e = self.executor.take();
        let copy = e.clone();
        self.executor.set(e);
        copy
    }

    /// Take the executor off (it then runs no new frame); no interpreter is needed
    /// for that, so code that drops compiled code can do it anywhere.
    pub fn remove_executor(&self) {
        self.has_executor.set(false);
        drop(self.executor.take());
    }

    /// Whether an entry has nothing to do here: no executor, and the warm-up
    /// count (for a hook at `threshold`) is past.
    #[inline(always)]
    pub(crate) fn idle(&self, threshold: Option<u32>) -> bool {
        !self.has_executor.get() && threshold.is_none_or(|t| self.entries.get() >= t)
    }

    /// Count this code object's entries from zero again: the warm-code hook is
    /// called once more when they reach the threshold.
    pub fn rearm(&self) {
        self.entries.set(0);
    }
}

/// The interpreter-wide part: the warm-code hook and whether entries are looked at.
#[derive(Default)]
pub struct Executors {
    warm: Option<(u32, Rc<WarmCodeHook>)>,
    /// An executor was installed once: entries look at code objects from then on.
    installed: bool,
}

impl Executors {
    /// Whether frame entries must look at code objects.
    pub fn active(&self) -> bool {
        self.installed || self.warm.is_some()
    }

    /// The warm-code hook's threshold, if one is set.
    #[inline(always)]
    pub(crate) fn threshold(&self) -> Option<u32> {
        self.warm.as_ref().map(|w| w.0)
    }
}

impl Vm {
    /// Install `executor` on `code` (None removes it). The frames of `code` entered
    /// plainly from then on run through it.
    pub fn set_executor(&mut self, code: &Code, executor: Option<Rc<dyn Executor>>) {
        let installing = executor.is_some();
        code.entry.has_executor.set(installing);
        drop(code.entry.executor.replace(executor));
        if installing && !self.executors.installed {
            self.executors.installed = true;
            self.hooks_changed();
        }
    }

    /// Call `hook` at the entry that makes a code object's plain entries reach
    /// `threshold` (at least 1); None stops counting.
    pub fn set_warm_code_hook(&mut self, threshold: u32, hook: Option<Rc<WarmCodeHook>>) {
        self.executors.warm = hook.map(|h| (threshold.max(1), h));
        self.hooks_changed();
    }

    /// A plain entry of the top frame, after every eval hook continued: its code's
    /// executor runs it, or the entry counts towards warm-up.
    #[inline(always)]
    pub(crate) fn enter_code(&mut self, frame: FrameRef) -> Result<(), Detour> {
        let Some(f) = self.frames.get(frame.index) else {
            return Ok(());
        };
        if f.pc != 0 {
            return Ok(());
        }
        // The code is read through the frame, not held: only the executor or the
        // hook called is (it may take itself off).
        let entry = &f.code.entry;
        let answer = match entry.executor() {
            Some(executor) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                executor.enter(self, frame)
            })),
            None => {
                let Some(threshold) = self.executors.threshold() else {
                    return Ok(());
                };
                let n = entry.entries.get();
                if n >= threshold {
                    return Ok(());
                }
                entry.entries.set(n + 1);
                // The hook is taken only at the threshold: a hook may replace it.
                let hook = match &self.executors.warm {
                    Some((_, hook)) if n + 1 == threshold => hook.clone(),
                    _ => return Ok(()),
                };
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| hook(self, frame)))
            }
        };
        match answer {
            Ok(Ok(HookAction::Continue)) => Ok(()),
            Ok(Ok(HookAction::Done(Exit::Return(v)))) => {
                self.drop_frame(frame);
                Err(Detour::returned(v))
            }
            outcome => self.answered(frame, outcome),
        }
    }
}

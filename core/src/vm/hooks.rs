//! Frame-evaluation hooks (PEP 523, made composable) and the per-thread hook state.
//!
//! # The chain
//!
//! CPython has one eval-frame slot per interpreter: the last setter wins, and a tool
//! that does not chain to the previous function silently disables the others. Here
//! an interpreter keeps a *chain*: the hooks added with `add_eval_hook`, the most
//! recently added first (a debugger attached late sees every frame, including those
//! an optimizer added at start-up would run itself), then the hook in the
//! CPython-compatible slot (`set_eval_frame`), then the default evaluator. Removing a
//! hook (`remove_eval_hook`, or setting the slot back to `EvalFrame::Default`) leaves
//! the others working in the same order.
//!
//! A hook is called with the thread state (`&mut Vm`), the frame about to run (a
//! `FrameRef`: the frame is already on the frame stack, not yet started), the throw
//! flag (a generator resumed by `throw()`), and `Next`, the rest of the chain. It
//! answers with a `HookAction`:
//! - `Continue`: "evaluate it as if I were not here" — the tail call `return
//!   next(frame)`. When every hook answers `Continue`, the frame runs inline in the
//!   evaluation loop with no Rust recursion, so a pass-through hook costs one
//!   indirect call per frame entry.
//! - `Done(exit)`: the hook produced the frame's outcome, usually by calling
//!   `next.eval(vm)` (which runs the rest of the chain and the default evaluator,
//!   as a native re-entry) around its own code; a hook may also evaluate the frame
//!   by other means. If the frame is still on the stack afterwards it is popped.
//!
//! A hook that returns an error (or panics: reported as SystemError) makes the call
//! raise that exception in the caller; the frame is dropped and the interpreter
//! goes on.
//!
//! # Running a frame partway
//!
//! A hook may run the frame by other means for a while (compiled code entered at
//! the frame's start) and hand it back: it leaves the frame's locals, operand stack
//! and `pc` as the interpreter would have them there (it may also push frames above
//! it, `Vm::push_resumed_frame`, to be resumed first), then answers `Continue`:
//! the hooks after it see the frame where it stands, and the loop runs the top
//! frame inline from its `pc`. If an instruction it ran raised, it answers
//! `Raise(e)` with `pc` after that instruction: the frame's own handler takes the
//! exception and the frame runs on from there (the hooks after it are not
//! called), or it leaves the frame, with the frame's traceback entry, and the call
//! raises it in the caller. Hooks see every frame evaluation: function calls, module and class
//! bodies, and each generator or coroutine resumption (with `throw` set when the
//! resumption raises in it). A generator resumed by `for`, `yield from` or `await`
//! goes through the chain before it runs inline (`generator::enter_hooked`); while
//! tracing or profiling, generators resume through the general path.
//!
//! # Cost
//!
//! Frame entry checks one per-thread flag, `ThreadHooks::frame_entry` (set while
//! hooks, a trace function or a profile function exist): one predictable branch
//! when nothing is installed. With hooks installed, the common entry (nothing thrown
//! in, no tracing or profiling) is `Vm::frame_entering`: it calls each hook and
//! answers `Ok` in a register when all continue; a hook that evaluates the frame, an
//! error, a panic and the start events of tracing come back as a `Detour`, made out
//! of line. A generator resumed inline has its frame pushed once, to run inline,
//! before the hooks see it. Tracing and profiling also hold the loop's attention
//! flag (`finalize::hold_attention`), so that the check the loop already makes
//! before each instruction leads to `trace::instruction`; nothing is added per
//! instruction.
//!
//! # Thread state
//!
//! `ThreadHooks` is the per-thread part (today the interpreter's one thread): its
//! view of the chain, the trace and profile functions, and the re-entrancy counter
//! that keeps trace functions from being traced. Depends on the frame stack, the
//! evaluation loop's `run` and `Exit`, and the error constructors.

use super::eval::Exit;
use super::{PyErr, PyResult, Vm};
use crate::object::Value;
use std::rc::Rc;

/// What a hook decided for the frame.
pub enum HookAction {
    /// Let the rest of the chain (and in the end the default evaluator) run it.
    Continue,
    /// The frame's outcome.
    Done(Exit),
    /// The hook ran the frame partway by other means and an instruction raised
    /// there: the exception is raised in the frame at its `pc` (see "Running a
    /// frame partway").
    Raise(PyErr),
}

/// The frame a hook is asked to evaluate: its index on the thread's frame stack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameRef {
    pub index: usize,
}

impl FrameRef {
    pub fn frame<'a>(&self, vm: &'a Vm) -> Option<&'a super::frame::Frame> {
        vm.frames.get(self.index)
    }
    pub fn frame_mut<'a>(&self, vm: &'a mut Vm) -> Option<&'a mut super::frame::Frame> {
        vm.frames.get_mut(self.index)
    }
}

/// A frame-evaluation hook.
pub type EvalHookFn = dyn for<'a> Fn(&mut Vm, FrameRef, bool, Next<'a>) -> PyResult<HookAction>;

/// The value of CPython's eval-frame slot.
#[derive(Clone)]
pub enum EvalFrame {
    /// The built-in evaluator (the plain path).
    Default,
    Hook(Rc<EvalHookFn>),
}

/// Identifies a hook added with `add_eval_hook`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct HookId(u64);

/// The rest of the chain after the hook holding it (borrowed from the call of the
/// chain, which keeps it alive even if a hook changes the installed hooks). It owns
/// nothing, so a hook that drops it unused runs no drop code.
#[derive(Clone, Copy)]
pub struct Next<'a> {
    chain: &'a Rc<[Rc<EvalHookFn>]>,
    level: usize,
    frame: FrameRef,
    throw: Option<&'a PyErr>,
}

impl Next<'_> {
    /// Whether the frame resumes with an exception thrown in (the pending exception).
    pub fn throw_pending(&self) -> Option<&PyErr> {
        self.throw
    }

    /// Run the rest of the chain, then the default evaluator, to the frame's end (a
    /// return, or a generator's yield).
    pub fn eval(self, vm: &mut Vm) -> PyResult<Exit> {
        vm.thread.evaluations += 1;
        match vm.run_chain(self.chain, self.level, self.frame, self.throw)? {
            Chained::Done(exit) => Ok(exit),
            Chained::Default => vm.eval_default(self.frame, self.throw.map(dup_err)),
        }
    }
}

/// The same exception, flags included, for the evaluator that raises it.
fn dup_err(e: &PyErr) -> PyErr {
    let v = e.value().clone();
    let mut d = if e.is_reraise() {
        PyErr::reraised(v)
    } else {
        PyErr::from_value(v)
    };
    if e.is_chained() {
        d.mark_chained();
    }
    d
}

enum Chained {
    Done(Exit),
    /// Every remaining hook continued: the default evaluator runs the frame.
    Default,
}

/// How a frame entry left the common path (`frame_entering`): a hook produced the
/// frame's outcome (a returned frame is gone, a yielded one is left on top for its
/// generator to save), or the entry failed and the frame is gone.
pub enum Detour {
    /// The frame returned this (an executor ran it): the common outcome, not boxed.
    Returned(Value),
    Other(Box<PyResult<Exit>>),
}

impl Detour {
    pub fn outcome(self) -> PyResult<Exit> {
        match self {
            Detour::Returned(v) => Ok(Exit::Return(v)),
            Detour::Other(r) => *r,
        }
    }

    fn of(r: PyResult<Exit>) -> Detour {
        Detour::Other(Box::new(r))
    }

    pub(super) fn returned(v: Value) -> Detour {
        Detour::Returned(v)
    }
}

/// How a frame entry went when hooks are active.
pub enum Entered {
    /// Run the frame inline; raise this in it first (a throw into a generator).
    Inline(Option<PyErr>),
    /// The frame has been evaluated.
    Done(Exit),
}

/// The interpreter's hooks.
#[derive(Default)]
pub struct EvalHooks {
    stacked: Vec<(HookId, Rc<EvalHookFn>)>,
    slot: Option<Rc<EvalHookFn>>,
    next_id: u64,
}

impl EvalHooks {
    /// The chain in calling order.
    fn chain(&self) -> Rc<[Rc<EvalHookFn>]> {
        self.stacked
            .iter()
            .rev()
            .map(|(_, h)| h.clone())
            .chain(self.slot.clone())
            .collect()
    }
}

/// The per-thread state of the hooks.
pub struct ThreadHooks {
    /// Something must happen when a frame starts: hooks, tracing or profiling.
    pub frame_entry: bool,
    /// This thread's view of the interpreter's chain.
    pub chain: Rc<[Rc<EvalHookFn>]>,
    /// `sys.settrace` (None when off).
    pub trace: Value,
    /// `sys.setprofile` (None when off).
    pub profile: Value,
    /// Above 0 while a trace or profile function runs.
    pub tracing: u32,
    /// The event the running trace or profile function was called for (what
    /// setting `f_lineno` may do then).
    pub trace_site: Option<super::jump::TraceSite>,
    /// Whether this thread holds the evaluation loop's attention flag.
    pub attention: bool,
    /// How many times a hook's `next` has run a frame (to catch a hook that
    /// continues after evaluating).
    pub evaluations: u64,
    /// The thread's current `contextvars.Context` (None until first used); it is
    /// here because this is the state that changes hands at a thread switch.
    pub context: Value,
}

impl Default for ThreadHooks {
    fn default() -> Self {
        ThreadHooks {
            frame_entry: false,
            chain: Rc::from(Vec::new()),
            trace: Value::None,
            profile: Value::None,
            tracing: 0,
            trace_site: None,
            attention: false,
            evaluations: 0,
            context: Value::None,
        }
    }
}

impl ThreadHooks {
    /// Whether every frame entry, a generator's resumption included, is seen: by
    /// an eval hook, a trace or a profile function (executors see plain entries
    /// only).
    #[inline(always)]
    pub fn every_entry_watched(&self) -> bool {
        self.attention || !self.chain.is_empty()
    }

    /// Give up the loop's attention flag (the thread is switched out, or ends);
    /// `Vm::hooks_changed` takes it again when the thread runs.
    pub fn release_attention(&mut self) {
        if self.attention {
            self.attention = false;
            super::finalize::release_attention();
        }
    }
}

impl Drop for ThreadHooks {
    fn drop(&mut self) {
        self.release_attention();
    }
}

impl Vm {
    /// CPython's `_PyInterpreterState_GetEvalFrameFunc`: the slot's hook, or
    /// `Default` when none is set.
    pub fn eval_frame(&self) -> EvalFrame {
        match &self.eval_hooks.slot {
            Some(h) => EvalFrame::Hook(h.clone()),
            None => EvalFrame::Default,
        }
    }

    /// CPython's `_PyInterpreterState_SetEvalFrameFunc`: replaces the slot's hook;
    /// `Default` restores the plain path (hooks added with `add_eval_hook` stay).
    pub fn set_eval_frame(&mut self, f: EvalFrame) {
        self.eval_hooks.slot = match f {
            EvalFrame::Default => None,
            EvalFrame::Hook(h) => Some(h),
        };
        self.hooks_changed();
    }

    /// Add a hook to the chain, in front of the ones already there.
    pub fn add_eval_hook(
        &mut self,
        hook: impl for<'a> Fn(&mut Vm, FrameRef, bool, Next<'a>) -> PyResult<HookAction> + 'static,
    ) -> HookId {
        let id = HookId(self.eval_hooks.next_id);
        self.eval_hooks.next_id += 1;
        self.eval_hooks.stacked.push((id, Rc::new(hook)));
        self.hooks_changed();
        id
    }

    /// Remove a hook; false if it is not installed.
    pub fn remove_eval_hook(&mut self, id: HookId) -> bool {
        let before = self.eval_hooks.stacked.len();
        self.eval_hooks.stacked.retain(|(i, _)| *i != id);
        let removed = self.eval_hooks.stacked.len() != before;
        self.hooks_changed();
        removed
    }

    /// Recompute the thread's view after a change to hooks, tracing or profiling.
    pub(crate) fn hooks_changed(&mut self) {
        let chain = self.eval_hooks.chain();
        let t = &mut self.thread;
        t.chain = chain;
        t.frame_entry = !t.chain.is_empty()
            || !t.trace.is_none()
            || !t.profile.is_none()
            || self.executors.active();
        let wants = !t.trace.is_none() || !t.profile.is_none();
        if wants != t.attention {
            t.attention = wants;
            if wants {
                super::finalize::hold_attention();
            } else {
                super::finalize::release_attention();
            }
        }
    }

    /// The frame just pushed on top is about to start (`frame_entry` is set) with
    /// nothing thrown in: the common entry. When every hook continues and nothing
    /// traces or profiles, the answer is `Ok` in a register and the frame runs inline;
    /// everything else comes back as a `Detour`, made out of line.
    #[inline(always)]
    pub fn frame_entering(&mut self) -> Result<(), Detour> {
        // Only executors look at entries, and this one is nothing for them (a
        // generator resumed, or code warm with no executor): the common case,
        // decided without a call.
        if !self.thread.every_entry_watched() {
            if let Some(f) = self.frames.last() {
                if f.pc != 0 || f.code.entry.idle(self.executors.threshold()) {
                    return Ok(());
                }
            }
        }
        self.frame_entering_hooked()
    }

    /// `frame_entering` where a hook, tracing or an executor may take the entry.
    #[inline(never)]
    fn frame_entering_hooked(&mut self) -> Result<(), Detour> {
        self.enter_hooked_frame()
    }

    /// `frame_entering`, inlined where it is the most common entry (a generator
    /// resumed inline), which saves a call and its register spills.
    #[inline(always)]
    pub(crate) fn enter_hooked_frame(&mut self) -> Result<(), Detour> {
        if self.thread.attention {
            return self.entering_traced();
        }
        let frame = FrameRef {
            index: self.frames.len() - 1,
        };
        if !self.thread.chain.is_empty() {
            self.run_entry_chain(frame)?;
        }
        if self.executors.active() {
            return self.enter_code(frame);
        }
        Ok(())
    }

    /// The chain for a plain entry: `Ok` when every hook continued.
    #[inline(always)]
    fn run_entry_chain(&mut self, frame: FrameRef) -> Result<(), Detour> {
        // Owned for the calls: a hook may change the installed hooks.
        let chain = self.thread.chain.clone();
        for (i, hook) in chain.iter().enumerate() {
            let evaluations = self.thread.evaluations;
            let next = Next {
                chain: &chain,
                level: i + 1,
                frame,
                throw: None,
            };
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                hook(self, frame, false, next)
            }));
            if matches!(r, Ok(Ok(HookAction::Continue))) && self.thread.evaluations == evaluations {
                // A plain `Continue` owns nothing; forgetting it spares the call to
                // the answer's drop glue that the compiler would otherwise make.
                std::mem::forget(r);
                continue;
            }
            return self.answered(frame, r);
        }
        Ok(())
    }

    /// A hook's or an executor's answer other than a plain `Continue`: an exception
    /// raised within the frame (it runs on from its handler, or leaves), or the
    /// frame's outcome.
    #[cold]
    #[inline(never)]
    pub(super) fn answered(
        &mut self,
        frame: FrameRef,
        r: std::thread::Result<PyResult<HookAction>>,
    ) -> Result<(), Detour> {
        if let Ok(Ok(HookAction::Raise(e))) = r {
            return self
                .raise_within_top_frame(e)
                .map_err(|e| Detour::of(Err(e)));
        }
        Err(self.detour(frame, r))
    }

    /// `frame_entering` while tracing or profiling: the general entry, start events
    /// included.
    #[cold]
    #[inline(never)]
    fn entering_traced(&mut self) -> Result<(), Detour> {
        match self.frame_entered(None) {
            Ok(Entered::Inline(_)) => Ok(()),
            Ok(Entered::Done(exit)) => Err(Detour::of(Ok(exit))),
            Err(e) => Err(Detour::of(Err(e))),
        }
    }

    /// A hook answered other than a plain `Continue`: what it makes of the frame.
    #[cold]
    #[inline(never)]
    fn detour(
        &mut self,
        frame: FrameRef,
        outcome: std::thread::Result<PyResult<HookAction>>,
    ) -> Detour {
        let r = self.hook_outcome(outcome);
        Detour::of(self.settle(frame, r))
    }

    /// A hook made the frame's outcome: a frame that returned, or whose entry
    /// failed, is dropped; a generator's yielding frame stays for its generator to
    /// save.
    fn settle(&mut self, frame: FrameRef, r: PyResult<Exit>) -> PyResult<Exit> {
        if !matches!(r, Ok(Exit::Yield(_))) {
            self.drop_frame(frame);
        }
        r
    }

    /// The frame just pushed on top is about to start (`frame_entry` is set): run
    /// the chain, then the start events of tracing and profiling. On an error the
    /// frame is gone and its stack space released.
    #[cold]
    #[inline(never)]
    pub fn frame_entered(&mut self, throw: Option<PyErr>) -> PyResult<Entered> {
        let frame = FrameRef {
            index: self.frames.len() - 1,
        };
        if !self.thread.chain.is_empty() {
            let chain = self.thread.chain.clone();
            match self.run_chain(&chain, 0, frame, throw.as_ref()) {
                Ok(Chained::Default) => {}
                Ok(Chained::Done(exit)) => return self.settle(frame, Ok(exit)).map(Entered::Done),
                Err(e) => return self.settle(frame, Err(e)).map(Entered::Done),
            }
        }
        // Only tracing and profiling have start events (and hold the attention flag).
        if self.thread.attention {
            if let Err(e) = self.frame_started(throw.is_some()) {
                self.drop_frame(frame);
                return Err(e);
            }
        }
        Ok(Entered::Inline(throw))
    }

    /// Call the hooks from `level` on until one produces the outcome.
    fn run_chain(
        &mut self,
        chain: &Rc<[Rc<EvalHookFn>]>,
        level: usize,
        frame: FrameRef,
        throw: Option<&PyErr>,
    ) -> PyResult<Chained> {
        for (i, hook) in chain.iter().enumerate().skip(level) {
            // Whether this hook's `next` ran the frame: the count moves.
            let evaluations = self.thread.evaluations;
            let next = Next {
                chain,
                level: i + 1,
                frame,
                throw,
            };
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                hook(self, frame, throw.is_some(), next)
            }));
            match r {
                Ok(Ok(HookAction::Continue)) if self.thread.evaluations == evaluations => {}
                // Handled in the frame: it runs on from its handler.
                Ok(Ok(HookAction::Raise(e))) => {
                    return self.raise_within_top_frame(e).map(|_| Chained::Default)
                }
                outcome => return self.hook_outcome(outcome).map(Chained::Done),
            }
        }
        Ok(Chained::Default)
    }

    /// What a hook's answer other than a plain `Continue` makes of the frame.
    #[cold]
    #[inline(never)]
    fn hook_outcome(
        &mut self,
        outcome: std::thread::Result<PyResult<HookAction>>,
    ) -> PyResult<Exit> {
        match outcome {
            Ok(Ok(HookAction::Continue)) => Err(self.new_error(
                &self.types.system_error.clone(),
                "frame evaluation hook returned Continue after evaluating the frame",
            )),
            Ok(Ok(HookAction::Done(exit))) => Ok(exit),
            // Raised in the frame before it came here (`run_chain`, `enter_hooked_frame`).
            Ok(Ok(HookAction::Raise(e))) => Err(e),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(self.new_error(
                &self.types.system_error.clone(),
                "frame evaluation hook panicked",
            )),
        }
    }

    /// The default evaluator, called through `Next::eval`: the frame runs to its
    /// end as a native re-entry of the loop.
    fn eval_default(&mut self, frame: FrameRef, throw: Option<PyErr>) -> PyResult<Exit> {
        let Some(f) = frame.frame_mut(self) else {
            return Err(self.new_error(
                &self.types.system_error.clone(),
                "frame evaluation hook: the frame is gone",
            ));
        };
        // Run as a native entry: its yield or return leaves this `run`, even for a
        // generator frame pushed to run inline (whose resumer takes the outcome
        // from the hook's answer).
        f.entry = true;
        f.gen = None;
        let thrown = throw.is_some();
        if let Err(e) = self
            .check_native_stack()
            .and_then(|_| self.frame_started(thrown))
        {
            self.drop_frame(frame);
            return Err(e);
        }
        self.native_depth += 1;
        let r = match throw {
            Some(e) => self.raise_in_top_frame(e).and_then(|_| self.run()),
            None => self.run(),
        };
        self.native_depth -= 1;
        r
    }

    /// Pop `frame` (and anything above it) if it is still on the stack.
    pub(super) fn drop_frame(&mut self, frame: FrameRef) {
        if self.frames.len() <= frame.index {
            return;
        }
        while self.frames.len() > frame.index {
            let Some(mut f) = self.frames.pop() else {
                break;
            };
            if f.data.is_some() {
                self.frame_finished(&mut f);
            }
            self.truncate_stack(f.ret_sp);
            if f.owns_segment {
                drop(self.leave_segment());
            }
        }
    }
}

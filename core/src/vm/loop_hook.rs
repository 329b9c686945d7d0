//! Hot-loop hooks: how an extension learns which loops run hot, and takes over a
//! running frame at a loop's head (on-stack replacement, or a sampling profiler).
//!
//! # When a hook is called
//!
//! The evaluation loop already counts one tick per jump back (`threads`: the switch
//! interval is counted in ticks). A loop hook asks to be called every `period` ticks;
//! the tick budget becomes the nearest of the thread switch and the hooks' next calls,
//! so the loop pays nothing for the hooks: the decrement and the branch it already
//! makes lead, when they run out, to `ticks_used_up`, out of line. A hook is called
//! with the frame that jumped back (on top of the frame stack) and the instruction
//! the jump leads to; `period` 1 calls it at every jump back. A loop that runs
//! `period` times is seen about once, whichever frame it is in: a loop's share of
//! the calls is its share of the jumps back.
//!
//! # What a hook may do with the frame
//!
//! When it is called, the frame's `pc` is the jump's target and its operand stack
//! holds what the loop keeps there (a `for` loop's iterator). The hook may leave it,
//! or run the frame further by other means and hand it back at any instruction: it
//! sets the frame's locals, operand stack (`Vm::frame_values`, `Vm::stack`) and `pc`,
//! and may push frames above it (to be resumed first, as if they had been called).
//! The loop then resumes whatever frame is on top, at its `pc`. An error the hook
//! returns is raised at the frame's `pc` (which should then point after the
//! instruction that raised, as for any instruction), and unwinds from the top frame.
//!
//! Hooks run in the order they were added; each is called at its own period. A hook
//! that returns `Took` ends the round: the frame it handed back may no longer be at
//! the loop the others would be told about. Hooks are also called while tracing;
//! a hook that runs frames by other means must leave a traced frame alone (its line
//! events come from the loop). Depends on the frame stack and the thread scheduler's
//! tick counter.

use super::hooks::FrameRef;
use super::{PyResult, Vm};
use std::rc::Rc;

/// What a loop hook did with the frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoopAction {
    /// Left it: the loop goes on at the jump's target.
    Continue,
    /// Ran it further or changed it: the loop resumes the top frame at its `pc`.
    Took,
}

/// A hot-loop hook: the interpreter, the frame that jumped back, the jump's target.
pub type LoopHookFn = dyn Fn(&mut Vm, FrameRef, usize) -> PyResult<LoopAction>;

/// Identifies a hook added with `add_loop_hook`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LoopHookId(u64);

struct Entry {
    id: LoopHookId,
    period: i32,
    /// Ticks until its next call.
    left: i32,
    hook: Rc<LoopHookFn>,
}

/// The interpreter's loop hooks and the share of the tick counter they use.
pub struct LoopHooks {
    entries: Vec<Entry>,
    next_id: u64,
    /// What the tick counter was last set to.
    budget: i32,
    /// Ticks the running thread has left of its switch interval.
    thread_left: i32,
}

impl Default for LoopHooks {
    fn default() -> Self {
        LoopHooks {
            entries: Vec::new(),
            next_id: 0,
            budget: i32::MAX,
            thread_left: i32::MAX,
        }
    }
}

impl Vm {
    /// Call `hook` about every `period` jumps back of the evaluation loop (at least 1).
    pub fn add_loop_hook(
        &mut self,
        period: u32,
        hook: impl Fn(&mut Vm, FrameRef, usize) -> PyResult<LoopAction> + 'static,
    ) -> LoopHookId {
        let id = LoopHookId(self.loop_hooks.next_id);
        self.loop_hooks.next_id += 1;
        let period = period.clamp(1, i32::MAX as u32) as i32;
        let thread_left = self.thread_ticks_left();
        self.loop_hooks.entries.push(Entry {
            id,
            period,
            left: period,
            hook: Rc::new(hook),
        });
        self.set_ticks(thread_left);
        id
    }

    /// Remove a loop hook; false if it is not installed.
    pub fn remove_loop_hook(&mut self, id: LoopHookId) -> bool {
        let thread_left = self.thread_ticks_left();
        let before = self.loop_hooks.entries.len();
        self.loop_hooks.entries.retain(|e| e.id != id);
        self.set_ticks(thread_left);
        self.loop_hooks.entries.len() != before
    }

    /// Call hook `id` at the next jump back instead of `period` ticks from now: for a
    /// hook that handed a frame back in the middle of a loop it runs, to take it
    /// again at the loop's head. False if it is not installed.
    pub fn call_loop_hook_soon(&mut self, id: LoopHookId) -> bool {
        let thread_left = self.thread_ticks_left();
        let Some(e) = self.loop_hooks.entries.iter_mut().find(|e| e.id == id) else {
            return false;
        };
        e.left = 1;
        self.set_ticks(thread_left);
        true
    }

    /// For an extension that runs a loop by other means (a hook that took the
    /// frame): count the tick of one jump back, as the evaluation loop does. True
    /// when the interpreter must take over at the loop's head: the thread's switch
    /// interval is used up, or a signal or finalizer is due. Loop hooks are not
    /// called for loops run this way.
    #[inline]
    pub fn poll_loop_tick(&mut self) -> bool {
        self.switch_ticks -= 1;
        if self.switch_ticks >= 0 {
            return super::finalize::pending();
        }
        let left = self.thread_ticks_left();
        if left <= 0 {
            return true;
        }
        self.set_ticks(left);
        super::finalize::pending()
    }

    /// Ticks the running thread has left of its switch interval.
    pub(super) fn thread_ticks_left(&self) -> i32 {
        let spent = self
            .loop_hooks
            .budget
            .saturating_sub(self.switch_ticks)
            .max(0);
        self.loop_hooks.thread_left.saturating_sub(spent)
    }

    /// Give the running thread `thread_ticks` before it may be switched out, and
    /// set the tick counter to the nearest of that and the hooks' next calls.
    pub(super) fn set_ticks(&mut self, thread_ticks: i32) {
        let hooks = &mut self.loop_hooks;
        hooks.thread_left = thread_ticks;
        // The counter runs out at its (value + 1)th decrement.
        let due = hooks.entries.iter().map(|e| e.left - 1).min();
        hooks.budget = due.map_or(thread_ticks, |d| d.min(thread_ticks)).max(0);
        self.switch_ticks = hooks.budget;
    }

    /// The tick counter ran out at a jump back of the running frame `fi` to `pc`:
    /// the due loop hooks run, and the thread is switched out when its interval is
    /// used up. On return the loop resumes the top frame at its `pc`; on an error it
    /// raises it there.
    #[cold]
    #[inline(never)]
    pub(super) fn ticks_used_up(&mut self, fi: usize, pc: usize) -> PyResult<()> {
        if let Some(frame) = self.frames.get_mut(fi) {
            frame.pc = pc;
        }
        if self.loop_hooks.entries.is_empty() {
            self.preempt();
            return Ok(());
        }
        let thread_left = self.thread_ticks_left();
        let spent = self
            .loop_hooks
            .budget
            .saturating_sub(self.switch_ticks)
            .max(0);
        let mut due = Vec::new();
        for e in &mut self.loop_hooks.entries {
            e.left = e.left.saturating_sub(spent);
            if e.left <= 0 {
                e.left = e.period;
                due.push(e.hook.clone());
            }
        }
        // The counter must not run out again inside a hook that runs Python code.
        self.set_ticks(thread_left.max(1));
        for hook in due {
            let frame = FrameRef { index: fi };
            if hook(self, frame, pc)? == LoopAction::Took {
                break;
            }
        }
        if self.thread_ticks_left() <= 0 || thread_left <= 0 {
            self.preempt();
        }
        Ok(())
    }
}

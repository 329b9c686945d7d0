//! Stacks of execution: the OS thread's own stack (the root) and the fibers —
//! stackful coroutines, `corosensei` — that Python threads and greenlets run on, and
//! the switch between them.
//!
//! Each stack has an `ExecState`: its frame stack, value stack, exception state,
//! native re-entry depth and the bounds of its Rust stack. The running stack's state
//! lives in the `Vm` fields the evaluation loop uses; every other stack's is saved in
//! its slot. `Vm::switch_stack` swaps the two states, then the Rust stacks.
//!
//! A fiber is only ever resumed from the root: a fiber that switches suspends to the
//! root, whose loop (`run_fibers`) resumes the target. Every switch is therefore
//! symmetric (any stack to any stack), no fiber's Rust frames are nested in another's,
//! and a switch between two fibers costs two context switches.
//!
//! A fiber that is dropped while suspended (a daemon thread at exit, a greenlet that
//! refused to finish) is reset without unwinding: whatever its Rust frames owned is
//! leaked, never touched again.
//!
//! Depends on the frame stack (`Frame`) and `Value`; the schedulers (`threads`, the
//! greenlet module) decide which stack runs.

use super::frame::Frame;
use super::Vm;
use crate::object::Value;
use corosensei::stack::DefaultStack;
use corosensei::{Coroutine, CoroutineResult, Yielder};
use hashbrown::HashMap;

/// Names a stack of execution. Never reused.
pub type StackId = u64;

/// The OS thread's own stack, on which the program starts.
pub const ROOT: StackId = 0;

/// The size of a fiber's Rust stack (reserved address space, committed on use).
const FIBER_STACK: usize = 64 << 20;
/// How much of it native re-entries may use before RecursionError.
const FIBER_BUDGET: usize = FIBER_STACK - (4 << 20);

/// What a stack of execution owns besides its Rust stack.
pub struct ExecState {
    pub stack: Vec<Value>,
    pub parked: Vec<Vec<Value>>,
    pub frames: Vec<Frame>,
    pub handled: Value,
    pub outer_handled: Vec<Value>,
    pub native_depth: usize,
    pub native_nesting: usize,
    pub repr_active: hashbrown::HashSet<usize>,
    pub stack_origin: usize,
    pub stack_budget: usize,
}

impl ExecState {
    fn fresh() -> ExecState {
        ExecState {
            stack: Vec::with_capacity(1024),
            parked: Vec::new(),
            frames: Vec::with_capacity(16),
            handled: Value::None,
            outer_handled: Vec::new(),
            native_depth: 0,
            native_nesting: 0,
            repr_active: Default::default(),
            stack_origin: 0,
            stack_budget: FIBER_BUDGET,
        }
    }
}

type Fiber = Coroutine<*mut Vm, (), (), DefaultStack>;

/// What a fiber runs: it returns the stack to hand control to when it ends.
pub type FiberEntry = Box<dyn FnOnce(&mut Vm) -> StackId>;

struct Slot {
    /// None for the root, and for a fiber while it runs (the root loop holds it).
    fiber: Option<Box<Fiber>>,
    /// None while this stack runs (its state is in the `Vm`).
    saved: Option<ExecState>,
    yielder: *const Yielder<*mut Vm, ()>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        if let Some(f) = &mut self.fiber {
            if f.started() && !f.done() {
                // SAFETY: the fiber is suspended and will never be resumed; resetting
                // it without unwinding leaks what its frames own instead of running
                // destructors against an interpreter state that is not theirs.
                unsafe { f.force_reset() };
            }
        }
    }
}

/// Every stack of the interpreter's OS thread.
pub struct Stacks {
    slots: HashMap<StackId, Slot>,
    pub current: StackId,
    next_id: StackId,
}

impl Default for Stacks {
    fn default() -> Self {
        let mut slots = HashMap::new();
        slots.insert(
            ROOT,
            Slot {
                fiber: None,
                saved: None,
                yielder: std::ptr::null(),
            },
        );
        Stacks {
            slots,
            current: ROOT,
            next_id: ROOT + 1,
        }
    }
}

impl Stacks {
    /// Whether `id` names a stack that has not ended.
    pub fn alive(&self, id: StackId) -> bool {
        self.slots.contains_key(&id)
    }

    /// The saved state of a stack that is not running.
    pub fn saved(&self, id: StackId) -> Option<&ExecState> {
        self.slots.get(&id).and_then(|s| s.saved.as_ref())
    }

    pub fn saved_mut(&mut self, id: StackId) -> Option<&mut ExecState> {
        self.slots.get_mut(&id).and_then(|s| s.saved.as_mut())
    }

    fn take_saved(&mut self, id: StackId) -> Option<ExecState> {
        self.slots.get_mut(&id).and_then(|s| s.saved.take())
    }

    /// Drop a suspended stack that will never run again.
    pub fn discard(&mut self, id: StackId) -> Option<ExecState> {
        if id == ROOT || id == self.current {
            return None;
        }
        self.slots.remove(&id).and_then(|mut s| s.saved.take())
    }
}

impl Vm {
    /// Exchange the running stack's state with `other`.
    fn swap_exec(&mut self, other: &mut ExecState) {
        std::mem::swap(&mut self.stack, &mut other.stack);
        std::mem::swap(&mut self.parked, &mut other.parked);
        std::mem::swap(&mut self.frames, &mut other.frames);
        std::mem::swap(&mut self.handled, &mut other.handled);
        std::mem::swap(&mut self.outer_handled, &mut other.outer_handled);
        std::mem::swap(&mut self.native_depth, &mut other.native_depth);
        std::mem::swap(&mut self.native_nesting, &mut other.native_nesting);
        std::mem::swap(&mut self.repr_active, &mut other.repr_active);
        std::mem::swap(&mut self.stack_origin, &mut other.stack_origin);
        std::mem::swap(&mut self.stack_budget, &mut other.stack_budget);
    }

    /// Make a new, not yet started stack that will run `entry`.
    pub fn new_stack(&mut self, entry: FiberEntry) -> std::io::Result<StackId> {
        let id = self.stacks.next_id;
        self.stacks.next_id += 1;
        let stack = DefaultStack::new(FIBER_STACK)?;
        let fiber = Fiber::with_stack(stack, move |yielder, vm: *mut Vm| {
            // SAFETY: the root loop resumes fibers with the interpreter it runs on,
            // which outlives every fiber and is used by one stack at a time.
            let vm = unsafe { &mut *vm };
            let marker = 0u8;
            vm.stack_origin = &marker as *const u8 as usize;
            if let Some(slot) = vm.stacks.slots.get_mut(&id) {
                slot.yielder = yielder;
            }
            let next = entry(vm);
            vm.finish_stack(id, next);
        });
        self.stacks.slots.insert(
            id,
            Slot {
                fiber: Some(Box::new(fiber)),
                saved: Some(ExecState::fresh()),
                yielder: std::ptr::null(),
            },
        );
        Ok(id)
    }

    /// Suspend the running stack and run `target` (alive, not running) until some
    /// stack switches back to this one.
    pub fn switch_stack(&mut self, target: StackId) {
        let from = self.stacks.current;
        if target == from {
            return;
        }
        let Some(mut state) = self.stacks.take_saved(target) else {
            return;
        };
        self.swap_exec(&mut state);
        if let Some(slot) = self.stacks.slots.get_mut(&from) {
            slot.saved = Some(state);
        }
        self.stacks.current = target;
        if from == ROOT {
            self.run_fibers();
        } else {
            let yielder = self
                .stacks
                .slots
                .get(&from)
                .map_or(std::ptr::null(), |s| s.yielder);
            // SAFETY: a running fiber's yielder was recorded when it started and lives
            // on its own stack until the fiber returns.
            let _ = unsafe { (*yielder).suspend(()) };
        }
    }

    /// The ending stack `id` hands control to `next`; its state is dropped.
    fn finish_stack(&mut self, id: StackId, next: StackId) {
        let next = if self.stacks.alive(next) && next != id {
            next
        } else {
            ROOT
        };
        let mut state = self
            .stacks
            .take_saved(next)
            .unwrap_or_else(ExecState::fresh);
        self.swap_exec(&mut state);
        self.stacks.current = next;
        if let Some(slot) = self.stacks.slots.get_mut(&id) {
            slot.saved = None;
        }
        drop(state);
    }

    /// On the root: resume fibers until one hands control back to the root.
    fn run_fibers(&mut self) {
        while self.stacks.current != ROOT {
            let id = self.stacks.current;
            let Some(mut fiber) = self.stacks.slots.get_mut(&id).and_then(|s| s.fiber.take())
            else {
                self.stacks.current = ROOT;
                break;
            };
            match fiber.resume(self as *mut Vm) {
                CoroutineResult::Yield(()) => {
                    if let Some(slot) = self.stacks.slots.get_mut(&id) {
                        slot.fiber = Some(fiber);
                    }
                }
                CoroutineResult::Return(()) => {
                    self.stacks.slots.remove(&id);
                }
            }
        }
    }
}

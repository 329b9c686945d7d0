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
//! # Shared Rust stacks
//!
//! Python frames do not live on the Rust stack, so a suspended fiber holds only a
//! few kilobytes of it (more only while a native re-entry is in progress). Fibers
//! therefore share a few large stack regions, as the greenlet package shares the C
//! stack: each fiber is bound to one region for life (by its id, round robin), and
//! when the root is to resume a fiber whose region another fiber occupies, it copies
//! the occupant's used part out to the heap and the fiber's back in, at the same
//! addresses (`Stacks::occupy`). A program with a few greenlets or threads never
//! copies (they sit in different regions); one with 100,000 holds 100,000 small
//! copies instead of 100,000 reserved stacks. Only the root copies, while no fiber
//! runs, and a fiber's coroutine is only made on its region when it first runs.
//!
//! Depends on the frame stack (`Frame`) and `Value`; the schedulers (`threads`, the
//! greenlet module) decide which stack runs.

use super::frame::Frame;
use super::Vm;
use crate::object::Value;
use corosensei::stack::{DefaultStack, Stack};
use corosensei::{Coroutine, CoroutineResult, Yielder};
use hashbrown::HashMap;

/// Names a stack of execution. Never reused.
pub type StackId = u64;

/// The OS thread's own stack, on which the program starts.
pub const ROOT: StackId = 0;

/// The size of a region of fiber stacks (reserved address space, committed on use).
const FIBER_STACK: usize = 64 << 20;
/// How many regions the fibers share.
const REGIONS: usize = 8;
/// Below the deepest frame a suspended fiber records, the switch itself still uses
/// some stack (the suspend call and its saved registers): the copy of a suspended
/// fiber reaches this much further down.
const SUSPEND_MARGIN: usize = 4096;
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

type Fiber = Coroutine<*mut Vm, (), (), RegionStack>;

/// A fiber's view of its region, for `corosensei`.
struct RegionStack {
    base: usize,
    limit: usize,
}

// SAFETY: the bounds are those of a live `DefaultStack` of `Stacks::regions`, which
// outlives every fiber (the regions are dropped after the slots); sharing a region is
// made safe by `Stacks::occupy`.
unsafe impl Stack for RegionStack {
    fn base(&self) -> corosensei::stack::StackPointer {
        corosensei::stack::StackPointer::new(self.base).expect("a mapped stack")
    }
    fn limit(&self) -> corosensei::stack::StackPointer {
        corosensei::stack::StackPointer::new(self.limit).expect("a mapped stack")
    }
}

/// A stack region and the fiber whose Rust stack is in it.
struct Region {
    stack: DefaultStack,
    occupant: Option<StackId>,
}

/// What a fiber runs: it returns the stack to hand control to when it ends.
pub type FiberEntry = Box<dyn FnOnce(&mut Vm) -> StackId>;

struct Slot {
    /// None for the root, for a fiber not yet started, and for a fiber while it runs
    /// (the root loop holds it).
    fiber: Option<Box<Fiber>>,
    /// What a fiber not yet started will run.
    entry: Option<FiberEntry>,
    /// The lowest address of its region a suspended fiber uses.
    low: usize,
    /// Its part of the region while another fiber occupies it.
    evicted: Vec<u8>,
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
    // Declared (so dropped) before the regions their fibers' stacks are in.
    slots: HashMap<StackId, Slot>,
    regions: Vec<Region>,
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
                entry: None,
                low: 0,
                evicted: Vec::new(),
                saved: None,
                yielder: std::ptr::null(),
            },
        );
        Stacks {
            slots,
            regions: Vec::new(),
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

    fn region_of(id: StackId) -> usize {
        (id as usize).wrapping_sub(1) % REGIONS
    }

    /// Make sure the region of fiber `id` exists.
    fn reserve_region(&mut self, id: StackId) -> std::io::Result<()> {
        while self.regions.len() <= Self::region_of(id) {
            self.regions.push(Region {
                stack: DefaultStack::new(FIBER_STACK)?,
                occupant: None,
            });
        }
        Ok(())
    }

    /// On the root, before fiber `id` runs: its region holds its Rust stack. The
    /// suspended occupant's used part is copied out, `id`'s copied back in.
    fn occupy(&mut self, id: StackId) {
        let Some(region) = self.regions.get_mut(Self::region_of(id)) else {
            return;
        };
        if region.occupant == Some(id) {
            return;
        }
        let base = region.stack.base().get();
        if let Some(slot) = region.occupant.and_then(|o| self.slots.get_mut(&o)) {
            if slot.fiber.is_some() {
                // SAFETY: `[low, base)` is inside the region (`low` was recorded on
                // the region's stack), and no fiber runs while the root copies.
                let used =
                    unsafe { std::slice::from_raw_parts(slot.low as *const u8, base - slot.low) };
                slot.evicted.clear();
                slot.evicted.extend_from_slice(used);
            }
        }
        region.occupant = Some(id);
        if let Some(slot) = self.slots.get_mut(&id) {
            if !slot.evicted.is_empty() {
                // SAFETY: the bytes were copied from `[low, base)` of this region,
                // where they go back; nothing else uses the region now.
                unsafe {
                    std::ptr::copy_nonoverlapping(
                        slot.evicted.as_ptr(),
                        slot.low as *mut u8,
                        slot.evicted.len(),
                    )
                };
                slot.evicted = Vec::new();
            }
        }
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
        self.stacks.reserve_region(id)?;
        self.stacks.next_id += 1;
        self.stacks.slots.insert(
            id,
            Slot {
                fiber: None,
                entry: Some(entry),
                low: 0,
                evicted: Vec::new(),
                saved: Some(ExecState::fresh()),
                yielder: std::ptr::null(),
            },
        );
        Ok(id)
    }

    /// The coroutine of fiber `id`, made on its region (which it occupies) when it
    /// first runs.
    fn start_fiber(&mut self, id: StackId, entry: FiberEntry) -> Option<Box<Fiber>> {
        let region = self.stacks.regions.get(Stacks::region_of(id))?;
        let stack = RegionStack {
            base: region.stack.base().get(),
            limit: region.stack.limit().get(),
        };
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
        Some(Box::new(fiber))
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
            let marker = 0u8;
            if let Some(slot) = self.stacks.slots.get_mut(&from) {
                slot.low = (&marker as *const u8 as usize - SUSPEND_MARGIN) & !15;
            }
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
            self.stacks.occupy(id);
            let Some(slot) = self.stacks.slots.get_mut(&id) else {
                self.stacks.current = ROOT;
                break;
            };
            let fiber = match (slot.fiber.take(), slot.entry.take()) {
                (Some(fiber), _) => Some(fiber),
                (None, Some(entry)) => self.start_fiber(id, entry),
                (None, None) => None,
            };
            let Some(mut fiber) = fiber else {
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

//! Compiled units: the specialised form of one loop of one code object, as data.
//!
//! A unit never holds code pointers, so any backend can run it (today the
//! interpreter of `backend::interp`; a native one later). It holds:
//! - `ops`: specialised instructions (`op.rs`) over the frame's own local slots, the operand
//!   stack entries the loop keeps (a `for` loop's iterator) and numbered temporaries;
//! - `sites`: its guard sites, each with an id, the assumption it rests on and its
//!   exit; an invalidated site is patched into its exit (`Op::Exit`);
//! - `exits`: for every place it can leave, the frame state to rebuild: the
//!   interpreter instruction to resume at and where each operand stack value comes
//!   from. Locals need no entry: they live in the frame's slots all along;
//! - `attrs`: its attribute sites, each specialised at its first execution to the
//!   class it meets (`AttrFill`), kept true by a type watcher instead of a version
//!   check at every execution.
//!
//! Depends on `deps` (the keys and site ids guards record) and on core's code
//! objects, types and values only.

mod op;

pub use op::*;

use crate::deps::{identity, DepKey, SiteId};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use tripwire_core::code::{BinOp, Code};
use tripwire_core::object::types::TypeRef;
use tripwire_core::object::{Dict, PyStr, Value};

/// A unit's constants. Those its `Watched` ops load (a global's, a builtin's or a
/// module attribute's value) are borrowed, not counted: the dict holds them, and
/// the watcher patches the site before the dict lets one go, so the unit never
/// reads it after; holding a count would keep a deleted global alive (its weak
/// references and `__del__` late), which CPython's tier 2 avoids the same way.
pub struct Constants {
    values: Box<[Value]>,
    borrowed: Box<[bool]>,
}

impl Constants {
    /// `values`, with those at the indices marked in `borrowed` giving back the
    /// count they hold.
    pub fn new(mut values: Vec<Value>, borrowed: Vec<bool>) -> Constants {
        for (v, &b) in values.iter_mut().zip(&borrowed) {
            if b {
                let counted = std::mem::replace(v, Value::None);
                // SAFETY: a bitwise copy whose count is given back just below: the
                // object lives on in the dict it was read from (see above), and
                // `Drop` never releases the copy.
                let copy = unsafe { std::ptr::read(&counted) };
                drop(counted);
                *v = copy;
            }
        }
        Constants {
            values: values.into(),
            borrowed: borrowed.into(),
        }
    }
}

impl std::ops::Deref for Constants {
    type Target = [Value];
    fn deref(&self) -> &[Value] {
        &self.values
    }
}

impl Drop for Constants {
    fn drop(&mut self) {
        for (v, &b) in self.values.iter_mut().zip(self.borrowed.iter()) {
            if b {
                std::mem::forget(std::mem::replace(v, Value::None));
            }
        }
    }
}

/// What a unit's exit rebuilds.
#[derive(Clone, Debug, PartialEq)]
pub struct ExitState {
    /// The interpreter instruction to resume at.
    pub pc: u32,
    /// How many of the operand stack entries the frame held at entry stay.
    pub kept: u32,
    /// The values pushed on top of those, bottom first.
    pub pushed: Vec<Pushed>,
    pub reason: ExitReason,
    /// An exit inside inlined calls: the callees' frames, outermost first, pushed
    /// above the unit's (whose state above is then the caller's after the call:
    /// `pc` the instruction after it, `pushed` the values below its operands; the
    /// same for each callee but the last, which is inside the next one's call).
    pub inlined: Vec<InlinedFrame>,
}

/// What an inlined callee's frame gives its caller when it returns.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Returns {
    /// The value returned.
    Value,
    /// The instance in its first slot: it is the `__init__` of a class call.
    Instance,
    /// The result of binary operator `op`, whose method it is (its first two slots
    /// hold the operands, never rebound): a NotImplemented goes on with the rest
    /// of the operator's protocol.
    Operator(BinOp),
}

/// The frame of an inlined call, as an exit rebuilds it.
#[derive(Clone, Debug, PartialEq)]
pub struct InlinedFrame {
    /// The function (a constant of the unit).
    pub func: u32,
    /// What its return gives the caller.
    pub returns: Returns,
    /// The callee's instruction to resume at.
    pub pc: u32,
    /// Where each of its local slots is (arguments first).
    pub slots: Vec<Src>,
    /// Its operand stack, bottom first; a value read lazily from one of its slots
    /// and found unbound resumes the callee at its `origin`, as in the unit's frame.
    pub pushed: Vec<Pushed>,
}

/// A value an exit pushes. A local read lazily may have been unbound: the exit
/// then resumes at the `LoadFast` that read it (`origin`), which raises there, with
/// only the values pushed before it (everything after it in the block is redone).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pushed {
    pub src: Src,
    pub origin: u32,
}

/// Why a unit leaves at an exit: for statistics and traces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ExitReason {
    /// The loop ended or jumped out of the compiled region.
    LoopEnd,
    /// An instruction the specialiser does not compile.
    Unsupported,
    /// Operands of a type the op does not handle (or an int overflow).
    TypeGuard,
    /// An iterator that does not step in place.
    IteratorGuard,
    /// A thread switch, signal or finalizer is due.
    Interrupt,
    /// A call it made changed what it runs under: it was dropped, or tracing or
    /// profiling started.
    AfterCall,
    /// A guard site invalidated by a watcher event.
    Invalidated,
    /// An attribute site met a class or an attribute it cannot specialise.
    AttrGuard,
    /// An inlined call met another callable than the one predicted: the unit is
    /// compiled again, for what the program calls now.
    Mispredicted,
}

impl ExitReason {
    pub fn name(self) -> &'static str {
        match self {
            ExitReason::LoopEnd => "loop end",
            ExitReason::Unsupported => "unsupported instruction",
            ExitReason::TypeGuard => "type guard",
            ExitReason::IteratorGuard => "iterator guard",
            ExitReason::Interrupt => "interrupt",
            ExitReason::AfterCall => "after a call",
            ExitReason::Invalidated => "invalidated",
            ExitReason::AttrGuard => "attribute guard",
            ExitReason::Mispredicted => "inlined callee mispredicted",
        }
    }
}

/// A guard site: an op whose correctness rests on watched assumptions.
#[derive(Clone)]
pub struct Site {
    pub op: OpIndex,
    /// Where the op leaves once the site is invalidated.
    pub exit: ExitId,
    pub deps: Vec<DepKey>,
    /// What it assumes, for traces: `global 'N'`, `builtin 'len'`.
    pub what: String,
    /// For a global or builtin folded in: its name (the value is the constant its
    /// `Watched` op loads), to re-check at install.
    pub global: Option<Rc<PyStr>>,
    /// `--globals=cell`: the cell its `CellLoad` reads, rewritten by events instead
    /// of the site being patched.
    pub cell: Option<u32>,
    /// The keys its dict dependencies are on (a global's or a builtin's name, and
    /// a module attribute's): the only keys of those dicts it needs to hear about.
    pub keys: Vec<Rc<PyStr>>,
}

/// What an attribute instruction does with its attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AttrAccess {
    Load,
    Method,
    Store,
    /// `super().name` for a call (`AttrSite::after` is the class searched past).
    SuperMethod,
    /// A load through a property whose getter is inlined after it.
    Getter,
}

/// An attribute instruction of a unit: empty until its first execution, then
/// filled for the class it met, and for up to three more classes it meets after
/// (`backend::attrs`); a change to one of them (a type watcher event) empties
/// it again, and the next executions fill it anew.
pub struct AttrSite {
    pub name: Rc<PyStr>,
    pub access: AttrAccess,
    /// `AttrAccess::SuperMethod`: the class whose successors in the receiver's
    /// MRO are searched (`super()`'s first argument).
    pub after: Option<TypeRef>,
    /// The guard site its type dependencies are registered under.
    pub site: SiteId,
    /// The first class it met, tried first.
    pub fill: RefCell<Option<AttrFill>>,
    /// The classes it met after.
    pub others: RefCell<Vec<AttrFill>>,
}

impl AttrSite {
    /// Whether one of its fills is for the class `cls` (by identity).
    pub fn is_filled_for(&self, cls: u64) -> bool {
        let same = |f: &AttrFill| identity(&f.cls) == cls;
        self.fill.borrow().as_ref().is_some_and(same) || self.others.borrow().iter().any(same)
    }

    /// Emptied: each class is specialised again at its next execution.
    pub fn empty(&self) {
        self.fill.borrow_mut().take();
        self.others.borrow_mut().clear();
    }
}

/// An attribute site specialised to one class.
pub struct AttrFill {
    /// The receiver's class, or for `AttrHow::Class` the receiver itself (compared
    /// by identity: the watcher keeps what the class holds true, the comparison
    /// covers which class the receiver is or has).
    pub cls: TypeRef,
    pub how: AttrHow,
    /// The instance-dict entry tried first.
    pub hint: Cell<u32>,
}

#[derive(Clone)]
pub enum AttrHow {
    /// The instance dict, then `fallback` (a plain class attribute, or a null:
    /// exit when the dict lacks the name).
    Dict { fallback: Value },
    /// A `__slots__` slot.
    Slot(u32),
    /// A function of the class (or a built-in type's method), unless the instance
    /// dict shadows it.
    Method(Value),
    /// A store into the instance dict.
    StoreDict,
    /// An attribute of the class itself (the receiver is the class `cls`): its
    /// value, folded in while the class does not change.
    Class(Value),
}

/// A compiled loop or function body.
pub struct Unit {
    pub code: Rc<Code>,
    /// Why each of its calls was not inlined (the statistics count them).
    pub not_inlined: Vec<&'static str>,
    /// Its id in the optimizer, once installed.
    pub id: Cell<u32>,
    /// The whole body of a function, entered at its start (else a loop).
    pub whole_function: bool,
    /// The frame's globals and builtins when it was compiled.
    pub globals: Rc<Dict>,
    pub builtins: Rc<Dict>,
    /// The interpreter instruction the unit starts at (the loop's head).
    pub entry_pc: u32,
    /// The operand stack depth at entry.
    pub entry_depth: u32,
    /// Ops are patched in place while the unit may be running: each is a cell.
    pub ops: Box<[Cell<Op>]>,
    /// The same ops in register form (`Unit::lower_to_registers`), patched with
    /// `ops`: what backends run.
    pub reg_ops: Box<[Cell<RegOp>]>,
    /// `operands` in register form.
    pub reg_operands: Box<[Operand]>,
    pub constants: Constants,
    /// Globals and builtins under `--globals=cell`, rewritten in place by events.
    pub cells: Box<[RefCell<Value>]>,
    /// The argument lists of calls.
    pub operands: Box<[Src]>,
    /// The dicts its sites assume things about (globals, builtins, modules' dicts).
    pub assumed: Vec<Rc<Dict>>,
    /// The classes whose calls it inlines (their `__init__` and how instances are
    /// made), watched by the type watcher.
    pub classes: Vec<TypeRef>,
    /// `--invalidate=poll`: each watched constant's load checks `valid` first (the
    /// unit leaves at the first use of an assumption once it is dropped, instead of
    /// at its next loop back or call).
    pub polls: bool,
    /// Its calls run Python functions themselves (a native re-entry of the
    /// interpreter each); else they leave such a call to the interpreter.
    pub python_calls: bool,
    pub temps: u32,
    pub sites: Box<[Site]>,
    pub attrs: Box<[AttrSite]>,
    pub exits: Box<[ExitState]>,
    /// The generic forms of its `for` loop steps (`Op::ForNext::generic`).
    pub steps: Box<[GenericStep]>,
    /// False once the whole unit is invalidated: it is not entered again, and a run
    /// leaves at its next loop back.
    pub valid: Cell<bool>,
    /// Runs of it in progress (suspended in the calls they make).
    pub running: Cell<u32>,
    /// `--running-frames=eager`: an assumption of the unit broke while it was
    /// running; each run in progress leaves as soon as its call returns.
    pub leave_now: Cell<bool>,
    /// Times entered and exits taken, by exit.
    pub entries: Cell<u64>,
    /// Jumps back taken in it, over all its runs.
    pub rounds: Cell<u64>,
    /// Entries that left through a failing type or iterator guard.
    pub guard_failures: Cell<u64>,
    pub exit_counts: RefCell<Vec<u64>>,
}

impl Unit {
    /// Ops it runs per entry, about: enough that entering it at the first jump
    /// back of each run of its loop (rather than at a sample) pays for the entry.
    pub fn worth_entering_soon(&self) -> bool {
        const OPS_PER_ENTRY: u64 = 128;
        let ops = self.rounds.get().saturating_mul(self.ops.len() as u64);
        ops >= OPS_PER_ENTRY.saturating_mul(self.entries.get())
    }

    /// A run of it is over (it did not stop suspended at a call).
    pub fn finished_running(&self) {
        self.running.set(self.running.get().saturating_sub(1));
        if self.running.get() == 0 {
            self.leave_now.set(false);
        }
    }

    /// Turn a guard site into its exit: the ops that assumed it never run again.
    /// An attribute site is emptied instead: its next execution specialises it to
    /// what the class holds now.
    pub fn patch_site(&self, site: SiteId) {
        if let Some(attr) = self.attrs.iter().find(|a| a.site == site) {
            attr.empty();
            return;
        }
        if let Some(s) = self.sites.get(site.0 as usize) {
            if let Some(op) = self.ops.get(s.op as usize) {
                op.set(Op::Exit(s.exit));
            }
            if let Some(op) = self.reg_ops.get(s.op as usize) {
                op.set(Op::Exit(s.exit));
            }
        }
    }

    /// The sites whose folded global or builtin no longer has the value compiled
    /// in (`--recheck-at-install`): an assumption that broke between the compile's
    /// look and the install. A unit with any is not installed.
    pub fn stale_sites(&self) -> Vec<SiteId> {
        self.sites
            .iter()
            .enumerate()
            .filter(|(_, site)| {
                let Some(name) = &site.global else {
                    return false;
                };
                let Some(Op::Watched { constant, .. }) = self.ops.get(site.op as usize).map(Cell::get)
                else {
                    return false;
                };
                let now = self
                    .globals
                    .get_str(name)
                    .or_else(|| self.builtins.get_str(name));
                !matches!((now, self.constants.get(constant as usize)), (Some(v), Some(c)) if v.is(c))
            })
            .map(|(i, _)| SiteId(i as u32))
            .collect()
    }

    /// Fill `reg_ops` and `reg_operands` for frames of `nlocalsplus` local slots.
    pub fn lower_to_registers(&mut self, nlocalsplus: usize) {
        let slots = nlocalsplus as u32;
        let depth = self.entry_depth;
        let reg = move |slot: Slot| match slot {
            Slot::Local(i) => i,
            Slot::Stack(k) => slots + k,
            Slot::Temp(t) => slots + depth + t,
        };
        let operand = move |src: Src| match src {
            Src::Slot(slot) => Operand(reg(slot)),
            Src::Const(c) => Operand(c | Operand::CONST),
        };
        self.reg_ops = self
            .ops
            .iter()
            .map(|op| Cell::new(op.get().lower(operand, reg)))
            .collect();
        self.reg_operands = self.operands.iter().map(|&s| operand(s)).collect();
    }

    /// Whether every operand of every op is in range for a frame of
    /// `nlocalsplus` local slots: locals, the entry's operand stack entries,
    /// temporaries, constants, argument lists, attribute sites, exits and jump
    /// targets. The backend reads operands unchecked on this word.
    pub fn check_layout(&self, nlocalsplus: usize) -> bool {
        let slot_ok = |s: Slot| match s {
            Slot::Local(i) => (i as usize) < nlocalsplus,
            Slot::Stack(k) => k < self.entry_depth,
            Slot::Temp(t) => t < self.temps,
        };
        let src_ok = |s: Src| match s {
            Src::Slot(slot) => slot_ok(slot),
            Src::Const(c) => (c as usize) < self.constants.len(),
        };
        let exit_ok = |e: ExitId| (e.0 as usize) < self.exits.len();
        let target_ok = |t: OpIndex| (t as usize) < self.ops.len();
        let attr_ok = |a: u32| (a as usize) < self.attrs.len();
        let const_ok = |c: u32| (c as usize) < self.constants.len();
        self.operands.iter().all(|&s| src_ok(s))
            && self.ops.iter().all(|op| match op.get() {
                Op::Move { dst, src, unbound } => {
                    slot_ok(dst) && src_ok(src) && unbound.is_none_or(exit_ok)
                }
                Op::Clear { slot } => slot_ok(slot),
                Op::Inline {
                    func,
                    expected,
                    exit,
                    otherwise,
                    ..
                } => {
                    src_ok(func)
                        && const_ok(expected)
                        && exit_ok(exit)
                        && otherwise.is_none_or(target_ok)
                }
                Op::Watched { dst, constant, .. } => slot_ok(dst) && const_ok(constant),
                Op::CellLoad { dst, cell, site } => {
                    slot_ok(dst)
                        && (cell as usize) < self.cells.len()
                        && (site.0 as usize) < self.sites.len()
                }
                Op::Global { dst, name, exit } => slot_ok(dst) && const_ok(name) && exit_ok(exit),
                Op::Call {
                    func,
                    recv,
                    args,
                    dst,
                    exit,
                    raise,
                    after,
                    ..
                } => {
                    src_ok(func)
                        && src_ok(recv)
                        && (args.0 as usize + args.1 as usize) <= self.operands.len()
                        && slot_ok(dst)
                        && exit_ok(exit)
                        && exit_ok(raise)
                        && exit_ok(after)
                }
                Op::Build {
                    dst, items, exit, ..
                } => {
                    slot_ok(dst)
                        && (items.0 as usize + items.1 as usize) <= self.operands.len()
                        && exit_ok(exit)
                }
                Op::Deref { dst, cell, exit } => slot_ok(dst) && slot_ok(cell) && exit_ok(exit),
                Op::OperandTypes {
                    a,
                    b,
                    left,
                    right,
                    exit,
                } => {
                    let class =
                        |c: u32| matches!(self.constants.get(c as usize), Some(Value::Type(_)));
                    src_ok(a) && src_ok(b) && class(left) && class(right) && exit_ok(exit)
                }
                Op::OperatorResult {
                    value, a, b, raise, ..
                } => slot_ok(value) && src_ok(a) && src_ok(b) && exit_ok(raise),
                Op::NewInstance { dst, cls, .. } => {
                    slot_ok(dst) && matches!(self.constants.get(cls as usize), Some(Value::Type(_)))
                }
                Op::Attr {
                    dst,
                    obj,
                    attr,
                    exit,
                } => slot_ok(dst) && src_ok(obj) && attr_ok(attr) && exit_ok(exit),
                Op::Method {
                    dst,
                    recv,
                    obj,
                    attr,
                    exit,
                }
                | Op::Getter {
                    dst,
                    recv,
                    obj,
                    attr,
                    exit,
                } => slot_ok(dst) && slot_ok(recv) && src_ok(obj) && attr_ok(attr) && exit_ok(exit),
                Op::SuperMethod {
                    dst,
                    recv,
                    class,
                    obj,
                    expected,
                    attr,
                    exit,
                } => {
                    slot_ok(dst)
                        && slot_ok(recv)
                        && src_ok(class)
                        && src_ok(obj)
                        && const_ok(expected)
                        && attr_ok(attr)
                        && exit_ok(exit)
                }
                Op::StoreAttr {
                    obj,
                    value,
                    attr,
                    exit,
                } => src_ok(obj) && src_ok(value) && attr_ok(attr) && exit_ok(exit),
                Op::Subscr {
                    dst,
                    obj: a,
                    index: b,
                    exit,
                    slow,
                }
                | Op::Contains {
                    dst,
                    item: a,
                    container: b,
                    exit,
                    slow,
                    ..
                }
                | Op::Compare {
                    dst,
                    a,
                    b,
                    exit,
                    slow,
                    ..
                } => {
                    slot_ok(dst)
                        && src_ok(a)
                        && src_ok(b)
                        && exit_ok(exit)
                        && slow.exits().all(exit_ok)
                }
                Op::StoreSubscr {
                    obj,
                    index,
                    value,
                    exit,
                    slow,
                } => {
                    src_ok(obj)
                        && src_ok(index)
                        && src_ok(value)
                        && exit_ok(exit)
                        && slow.exits().all(exit_ok)
                }
                Op::Add {
                    target,
                    key,
                    value,
                    exit,
                    ..
                } => src_ok(target) && src_ok(key) && src_ok(value) && exit_ok(exit),
                Op::Arith {
                    dst,
                    a,
                    b,
                    exit,
                    slow,
                    ..
                } => {
                    slot_ok(dst)
                        && src_ok(a)
                        && src_ok(b)
                        && exit_ok(exit)
                        && slow.exits().all(exit_ok)
                }
                Op::Branch {
                    a,
                    b,
                    target,
                    exit,
                    slow,
                    ..
                } => {
                    src_ok(a)
                        && src_ok(b)
                        && target_ok(target)
                        && exit_ok(exit)
                        && slow.exits().all(exit_ok)
                }
                Op::BranchIs {
                    a, b, target, exit, ..
                } => src_ok(a) && src_ok(b) && target_ok(target) && exit_ok(exit),
                Op::Is {
                    dst, a, b, exit, ..
                } => slot_ok(dst) && src_ok(a) && src_ok(b) && exit_ok(exit),
                Op::Unpack {
                    seq,
                    first,
                    n,
                    exit,
                } => {
                    let Slot::Temp(first) = first else {
                        return false;
                    };
                    src_ok(seq)
                        && first.checked_add(n).is_some_and(|e| e <= self.temps)
                        && exit_ok(exit)
                }
                Op::BranchBool {
                    value,
                    target,
                    exit,
                    slow,
                    ..
                } => {
                    src_ok(value) && target_ok(target) && exit_ok(exit) && slow.exits().all(exit_ok)
                }
                Op::LoopBack { target, exit } => target_ok(target) && exit_ok(exit),
                Op::Jump { target } => target_ok(target),
                Op::GetIter {
                    dst,
                    src,
                    exit,
                    slow,
                } => slot_ok(dst) && src_ok(src) && exit_ok(exit) && slow.exits().all(exit_ok),
                Op::ForNext {
                    iter,
                    dst,
                    item,
                    done,
                    exit,
                    back,
                    generic,
                } => {
                    slot_ok(iter)
                        && slot_ok(dst)
                        && target_ok(item)
                        && target_ok(done)
                        && exit_ok(exit)
                        && back.is_none_or(exit_ok)
                        && generic.is_none_or(|g| {
                            self.steps
                                .get(g as usize)
                                .is_some_and(|s| s.exits().all(exit_ok))
                        })
                }
                Op::Return { value, unbound, .. } => src_ok(value) && exit_ok(unbound),
                Op::Exit(exit) => exit_ok(exit),
            })
            && self.sites.iter().all(|s| exit_ok(s.exit))
    }

    /// A readable listing, for `--dump` and tests.
    pub fn describe(&self) -> String {
        let mut out = format!(
            "unit {} at {} (depth {}): {} ops, {} temps, {} sites\n",
            self.code.qualname.as_str(),
            self.entry_pc,
            self.entry_depth,
            self.ops.len(),
            self.temps,
            self.sites.len()
        );
        for (i, op) in self.ops.iter().enumerate() {
            out.push_str(&format!("  {i:3} {:?}\n", op.get()));
        }
        for (i, e) in self.exits.iter().enumerate() {
            let pushed: Vec<Src> = e.pushed.iter().map(|p| p.src).collect();
            out.push_str(&format!(
                "  exit {i}: pc {} kept {} pushed {:?} ({})\n",
                e.pc,
                e.kept,
                pushed,
                e.reason.name()
            ));
            for callee in &e.inlined {
                let pushed: Vec<Src> = callee.pushed.iter().map(|p| p.src).collect();
                out.push_str(&format!(
                    "      inlined frame: constant {} pc {} slots {:?} pushed {:?}\n",
                    callee.func, callee.pc, callee.slots, pushed
                ));
            }
        }
        out
    }
}

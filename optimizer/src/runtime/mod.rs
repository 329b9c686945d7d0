//! The optimizer installed on an interpreter: tier-up of hot loops, running their
//! units, and the watcher that keeps them true.
//!
//! - Tier-up: a loop hook (`Vm::add_loop_hook`) samples the loops that run; a loop
//!   (code object, head, stack depth) seen `hot_loops` times is compiled
//!   (`specialise`), and from then on entered at its head whenever it is sampled.
//! - Running: `backend::interp` runs the unit over the frame; `deopt` rebuilds the
//!   frame at the exit it took, and the interpreter goes on from there.
//! - Invalidation: one dict watcher watches every globals and builtins dict a unit
//!   assumed something about. An event looks up its (dict, key) in the dependency
//!   index and, by strategy, patches the guard sites (`--invalidate=patch`) or drops
//!   the units (`unit`, `poll`); a unit running when its assumption breaks leaves at
//!   its next op that depends on it (patched) or its next loop back (dropped).
//!   Each event and what it did is a trace record.
//!
//! The state is shared (`Rc<RefCell<Optimizer>>`): the loop hook holds it, and the
//! interpreter's extension state holds it for the watcher callback (which must be
//! `Send + Sync`, so it cannot hold it) and the Python API. Lending it through
//! `Vm::with_extension_state` instead would move the whole state out and back at
//! every look at a loop.
//! `invalidate` acts on watcher events, `fill` fills attribute sites; this file
//! holds the state, tier-up, entering units and leaving them.
//! Depends on every other module of the crate and on core's public hooks.

use crate::backend::interp::{Ran, Start, Stress};
use crate::chrome::ChromeTrace;
use crate::deps::{
    bloom::BloomIndex, exact::ExactIndex, identity, name_key, Affected, DepKey, DependencyIndex,
    SiteId, UnitId,
};
use crate::options::{DepIndexKind, Globals, Invalidate, Options, RunningFrames};
use crate::specialise::{compile_function, compile_loop, Scope};
use crate::stats::Stats;
use crate::thrash::{Assumption, Recompile, Thrash};
use crate::trace::{Action, ActionKind, Record};
use crate::unit::{AttrAccess, AttrFill, AttrHow, AttrSite, ExitId, ExitReason, Op, Unit};
use crate::{backend, deopt};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::time::Instant;
use tripwire_core::code::{flags, AttrKind, Code};
use tripwire_core::object::types::TypeRef;
use tripwire_core::object::{Dict, Value};
use tripwire_core::vm::hooks::{FrameRef, HookAction};
use tripwire_core::vm::loop_hook::{LoopAction, LoopHookId};
use tripwire_core::watch::{DictEvent, FuncEvent};
use tripwire_core::watchers::DictEventKind;
use tripwire_core::{PyErr, Vm};

mod executor;
mod fill;
mod invalidate;
mod resume;

use executor::Compiled;

/// Jumps back between two looks at the running loop.
const SAMPLE_PERIOD: u32 = 256;

/// The `depth` of a function's entry in its code's loop list: the unit of the whole
/// body, entered at the frame's start.
const FUNCTION: u32 = u32::MAX;

/// Jumps back looked at for a unit worth entering soon, after it left, before
/// the next sample (`Optimizer::polls_left`).
const POLLS_AFTER_LEAVING: u32 = 8;

/// A unit whose guards fail on this many entries, at least half of all its
/// entries, is dropped and its loop left to the interpreter.
const FAILING_GUARDS: u64 = 16;

/// Where a loop of a code object stands.
enum LoopState {
    /// Seen `seen` times; compiled when it reaches `needed`.
    Warming {
        seen: u32,
        needed: u32,
    },
    Compiled(UnitId),
    /// Not compiled, or never again (thrash, guards that keep failing).
    Refused,
}

struct LoopEntry {
    head: u32,
    depth: u32,
    /// Its first and last instruction (none for a function's entry).
    extent: Option<(u32, u32)>,
    state: LoopState,
    /// Compiled before: the next compile is a recompile.
    compiled: bool,
}

/// The loops of one code object, kept in its `co_extra` slot.
#[derive(Default)]
struct CodeLoops {
    loops: RefCell<Vec<LoopEntry>>,
}

/// Where trace records go.
pub type TraceSink = Box<dyn FnMut(&Record)>;

/// The optimizer's state on one interpreter.
pub struct Optimizer {
    options: Options,
    units: Vec<Option<Rc<Compiled>>>,
    /// Itself, for the units it compiles (`Compiled::optimizer`).
    me: std::rc::Weak<RefCell<Optimizer>>,
    index: Box<dyn DependencyIndex>,
    thrash: Thrash,
    dict_watcher: i64,
    type_watcher: i64,
    /// The loop hook tier-up runs in.
    loop_hook: Option<LoopHookId>,
    /// The function watcher is registered (at the first inlined call).
    watching_functions: bool,
    /// The loop just looked at is not compiled but a loop inside it is: the hook
    /// looks again at the next jump back, so that loop's unit is entered at its
    /// first jump back each time it runs (an inner loop of a few rounds would
    /// otherwise run mostly in the interpreter, between samples).
    poll_soon: bool,
    /// Jumps back still looked at after a unit worth entering soon left: the
    /// jump back that ends its loop's next run may come after a few of other
    /// code (the caller's loop between two calls of the function holding it).
    polls_left: u32,
    extra_index: usize,
    pub stats: Stats,
    sink: Option<TraceSink>,
    seq: u64,
    stress: Stress,
    /// Trace records kept for the Python API (`record_trace`), while it asks.
    kept: Option<Vec<Record>>,
    /// Watcher events seen (`--stress-deopt` invalidates everything every Nth).
    events: u64,
    /// `--trace-format=chrome`: spans and instants on a timeline.
    chrome: Option<ChromeTrace>,
    /// The interpreter thread last seen (`threading.get_ident()`), for the timeline.
    thread: u64,
}

/// A unit about to run over a frame, with what its run borrows from the optimizer
/// (the stress counter) while the optimizer is not held.
struct Entered {
    id: UnitId,
    compiled: Rc<Compiled>,
    frame: usize,
    base: usize,
    stack_base: usize,
    head: u32,
    depth: u32,
    stress: Option<Stress>,
    /// When it was entered, if the timeline wants its span.
    began: Option<Instant>,
}

impl Entered {
    /// Run the unit and rebuild the frame at the exit it took (and the exception a
    /// call raised, to be raised there), or the value a function's unit returned.
    /// Attribute sites are filled through the optimizer, borrowed only while it
    /// fills one.
    fn run(&mut self, vm: &mut Vm, shared: &Rc<RefCell<Optimizer>>, start: Start) -> Finished {
        let (unit, base, stack_base) = (&self.compiled.unit, self.base, self.stack_base);
        let owner = &self.compiled;
        let id = self.id;
        let mut fill = |vm: &mut Vm, site: &AttrSite, obj: &Value| match shared.try_borrow_mut() {
            Ok(mut opt) => opt.fill_attr(vm, id, site, obj),
            Err(_) => false,
        };
        // A run suspended at a call is still running until it finishes.
        if let Start::Entry = start {
            unit.running.set(unit.running.get() + 1);
        }
        // SAFETY: the unit passed `check_layout` for its code when it was compiled,
        // `base` and `stack_base` are this frame's (a frame of that code), and `hot`
        // entered it with the value stack holding `stack_base + entry_depth` values
        // (a resumption: those, its temporaries and the call's result).
        let ran = unsafe {
            match self.stress.as_mut() {
                Some(stress) => backend::interp::run::<true, _>(
                    vm, unit, owner, base, stack_base, start, stress, &mut fill,
                ),
                None => {
                    let mut off = Stress::new(0);
                    backend::interp::run::<false, _>(
                        vm, unit, owner, base, stack_base, start, &mut off, &mut fill,
                    )
                }
            }
        };
        if !matches!(ran, Ran::Suspended) {
            unit.finished_running();
        }
        let (exit, raised) = match ran {
            Ran::Returned(v, pc) => return Finished::Returned(v, pc),
            Ran::Suspended => return Finished::Suspended,
            Ran::Exit(exit) => (exit, None),
            Ran::Raised(exit, e) => (exit, Some(e)),
        };
        let rebuilt = deopt::rebuild(vm, unit, self.frame, base, stack_base, exit);
        match raised.or(rebuilt.err()) {
            Some(e) => Finished::Raised(exit, e),
            None => Finished::Exit(exit),
        }
    }
}

/// How a unit's run over a frame ended.
enum Finished {
    /// At an exit, the frame rebuilt there.
    Exit(ExitId),
    /// At an exit, the frame rebuilt there, with an exception to raise there.
    Raised(ExitId, PyErr),
    /// A function's unit returned, as the return instruction at the `u32`.
    Returned(Value, u32),
    /// Suspended at a call the interpreter makes (`backend::interp::Ran::Suspended`).
    Suspended,
}

impl Finished {
    fn exit(&self) -> Option<ExitId> {
        match self {
            Finished::Exit(exit) | Finished::Raised(exit, _) => Some(*exit),
            Finished::Returned(..) | Finished::Suspended => None,
        }
    }
}

/// How the optimizer sits in the interpreter's extension state.
struct Installed(Rc<RefCell<Optimizer>>);

impl Optimizer {
    /// Run `f` with the interpreter and its optimizer; None if none is installed or
    /// it is busy (a callback re-entered from inside it).
    pub fn with<R>(vm: &mut Vm, f: impl FnOnce(&mut Vm, &mut Optimizer) -> R) -> Option<R> {
        let shared = vm.extension_state::<Installed>()?.0.clone();
        let mut opt = shared.try_borrow_mut().ok()?;
        Some(f(vm, &mut opt))
    }

    /// Install an optimizer with `options` on `vm`. Fails when no watcher id or
    /// code-extra index is free.
    pub fn install(vm: &mut Vm, options: Options) -> Result<(), String> {
        // From the top: the ids a program's own watchers get stay CPython's.
        let watchers = vm.watchers();
        let dict_watcher = watchers
            .dict
            .add_tool_for_keys(|vm, event| {
                Optimizer::with(vm, |vm, opt| opt.dict_event(vm, event));
                Ok(())
            })
            .map_err(|e| e.to_string())? as i64;
        let type_watcher = watchers
            .types
            .add_tool(|vm, event| {
                Optimizer::with(vm, |vm, opt| opt.type_event(vm, &event.ty));
                Ok(())
            })
            .map_err(|e| e.to_string())? as i64;

        let extra_index = vm
            .request_code_extra_index(None)
            .ok_or("no code-extra index is free")?;
        let index: Box<dyn DependencyIndex> = match options.dep_index {
            DepIndexKind::Exact => Box::new(ExactIndex::default()),
            DepIndexKind::Bloom => Box::new(BloomIndex::default()),
        };
        let shared = Rc::new(RefCell::new(Optimizer {
            options,
            units: Vec::new(),
            me: std::rc::Weak::new(),
            index,
            thrash: Thrash::new(options.thrash),
            dict_watcher,
            type_watcher,
            loop_hook: None,
            watching_functions: false,
            poll_soon: false,
            polls_left: 0,
            extra_index,
            stats: Stats::default(),
            sink: None,
            seq: 0,
            stress: Stress::new(options.stress_deopt),
            kept: None,
            events: 0,
            chrome: None,
            thread: 0,
        }));
        shared.borrow_mut().me = Rc::downgrade(&shared);
        vm.set_extension_state(Installed(shared.clone()));
        crate::python::register(vm);
        let shared_calls = shared.clone();
        let hook = vm.add_loop_hook(SAMPLE_PERIOD, move |vm, frame, head| {
            let (entry, poll) = match shared.try_borrow_mut() {
                Ok(mut opt) => {
                    let entry = opt.hot_loop(vm, frame, head);
                    let around = std::mem::take(&mut opt.poll_soon);
                    let waiting = opt.polls_left > 0;
                    opt.polls_left = opt.polls_left.saturating_sub(1);
                    let poll = (around || waiting).then_some(opt.loop_hook);
                    (entry, poll.flatten())
                }
                Err(_) => (None, None),
            };
            let Some(mut entry) = entry else {
                if let Some(me) = poll {
                    vm.call_loop_hook_soon(me);
                }
                return Ok(LoopAction::Continue);
            };
            // The state is not held while the unit runs: a watcher event from
            // Python code a built-in calls must reach it.
            let finished = entry.run(vm, &shared, Start::Entry);
            if let Ok(mut opt) = shared.try_borrow_mut() {
                if opt.left(vm, entry, finished.exit()) {
                    if let Some(me) = opt.loop_hook {
                        vm.call_loop_hook_soon(me);
                    }
                }
            }
            match finished {
                // Raised at the call's instruction, as the interpreter would have.
                Finished::Raised(_, e) => Err(e),
                _ => Ok(LoopAction::Took),
            }
        });
        if options.hot_calls > 0 {
            Optimizer::count_calls(vm, shared_calls);
        }
        Optimizer::with(vm, |_, opt| opt.loop_hook = Some(hook));
        Ok(())
    }

    /// Tier-up on calls: core counts each code object's calls and calls this at
    /// the `hot_calls`th; a function compiled whole gets its unit as the executor
    /// of its code object (`executor.rs`), which runs it from then on.
    fn count_calls(vm: &mut Vm, calls: Rc<RefCell<Optimizer>>) {
        let threshold = calls.borrow().options.hot_calls;
        let warm = move |vm: &mut Vm, frame: FrameRef| {
            let entry = match calls.try_borrow_mut() {
                Ok(mut opt) => opt.hot_call(vm, frame),
                Err(_) => None,
            };
            Ok(match entry {
                Some(entry) => entry.run_function(vm, &calls),
                None => HookAction::Continue,
            })
        };
        vm.set_warm_code_hook(threshold, Some(Rc::new(warm)));
    }

    /// Write the Chrome trace-event timeline to `out` from now on: compiles and runs
    /// of units as spans, trace records as instants.
    pub fn set_chrome_trace(vm: &mut Vm, out: Box<dyn std::io::Write>) {
        Optimizer::with(vm, |_, opt| opt.chrome = Some(ChromeTrace::new(out)));
    }

    /// Send every trace record to `sink` from now on.
    pub fn set_trace_sink(vm: &mut Vm, sink: TraceSink) {
        Optimizer::with(vm, |_, opt| opt.sink = Some(sink));
    }

    /// The strategies it runs with.
    pub fn options(vm: &mut Vm) -> Option<Options> {
        Optimizer::with(vm, |_, opt| opt.options)
    }

    /// Whether a loop of `code` runs as a compiled unit.
    pub fn is_compiled(&self, code: &Rc<Code>) -> bool {
        self.units
            .iter()
            .flatten()
            .any(|c| Rc::ptr_eq(&c.unit.code, code) && c.unit.valid.get())
    }

    /// Drop every unit of `code`; how many there were.
    pub fn invalidate_code(&mut self, code: &Rc<Code>) -> usize {
        let mut dropped = 0;
        for id in 0..self.units.len() {
            let id = UnitId(id as u32);
            let Some(unit) = self.unit(id) else { continue };
            if Rc::ptr_eq(&unit.code, code) {
                self.unit_record(
                    "python.invalidate",
                    id,
                    ActionKind::Invalidated,
                    "asked from Python",
                );
                self.drop_unit(id, &unit);
                dropped += 1;
            }
        }
        dropped
    }

    /// Keep trace records for `kept_records` from now on, or stop (and forget them).
    pub fn keep_records(&mut self, on: bool) {
        self.kept = on.then(|| self.kept.take().unwrap_or_default());
    }

    pub fn kept_records(&self) -> Vec<Record> {
        self.kept.clone().unwrap_or_default()
    }

    /// Whether records are wanted (a sink, or the Python API keeping them).
    fn tracing(&self) -> bool {
        self.sink.is_some() || self.kept.is_some() || self.chrome.is_some()
    }

    /// The statistics so far, with the index's size.
    pub fn stats(vm: &mut Vm) -> Option<Stats> {
        Optimizer::with(vm, |_, opt| {
            let mut s = opt.stats.clone();
            s.dependency_index_bytes = opt.index.bytes();
            s
        })
    }

    fn loops_of(&self, vm: &mut Vm, code: &Code) -> Rc<dyn Any> {
        if let Some(v) = vm.code_extra(code, self.extra_index) {
            return v;
        }
        let v: Rc<dyn Any> = Rc::new(CodeLoops::default());
        // Without a slot the loop is warmed again each time: it never compiles.
        let _ = vm.set_code_extra(code, self.extra_index, Some(v.clone()));
        v
    }

    /// The loop hook: warm the loop up, compile it, or run its unit.
    fn hot_loop(&mut self, vm: &mut Vm, frame: FrameRef, head: usize) -> Option<Entered> {
        // A traced frame's line events come from the interpreter.
        if vm.thread.attention || frame.index + 1 != vm.frames.len() {
            return None;
        }
        let f = frame.frame(vm)?;
        let depth = vm.stack.len().checked_sub(f.stack_base())?;
        let entry = self.hot(vm, frame, head as u32, depth as u32, self.hot_samples())?;
        self.stats.osr_entries += 1;
        Some(entry)
    }

    /// A function's calls reached `hot_calls` (core's warm-up count): compile it,
    /// or count one more warm-up towards a recompile the thrash policy delays.
    fn hot_call(&mut self, vm: &mut Vm, frame: FrameRef) -> Option<Entered> {
        let f = frame.frame(vm)?;
        if f.code.flags & (flags::GENERATOR | flags::COROUTINE) != 0 {
            return None;
        }
        if vm.thread.attention || f.pc != 0 || vm.stack.len() != f.stack_base() {
            f.code.entry.rearm();
            return None;
        }
        let entry = self.hot(vm, frame, 0, FUNCTION, 1)?;
        self.stats.call_entries += 1;
        Some(entry)
    }

    /// Warm up the loop at `head` entered with `depth` stack entries (or with
    /// `FUNCTION`, the function) until it was seen `needed` times, compile it, or
    /// enter its unit.
    fn hot(
        &mut self,
        vm: &mut Vm,
        frame: FrameRef,
        head: u32,
        depth: u32,
        needed: u32,
    ) -> Option<Entered> {
        self.thread = vm.threads.ident();
        let f = frame.frame(vm)?;
        if f.code.flags & flags::NAMESPACE != 0 || f.locals.is_some() {
            return None;
        }
        let code = f.code.clone();
        let (base, stack_base) = (f.base, f.stack_base());
        let shared_loops = self.loops_of(vm, &code);
        let loops = shared_loops.downcast_ref::<CodeLoops>()?;
        let (id, compiled) = {
            let mut list = loops.loops.borrow_mut();
            let at = match list.iter().position(|l| l.head == head && l.depth == depth) {
                Some(at) => at,
                None => {
                    list.push(LoopEntry {
                        head,
                        depth,
                        extent: (depth != FUNCTION)
                            .then(|| crate::specialise::loop_extent(&code.instrs, head))
                            .flatten(),
                        state: LoopState::Warming { seen: 0, needed },
                        compiled: false,
                    });
                    list.len() - 1
                }
            };
            // Only a loop around the compiled one: a loop beside it would call
            // the hook at each of its own jumps back for nothing.
            let (start, end) = list[at].extent.unwrap_or((0, 0));
            self.poll_soon = list.iter().any(|l| match (&l.state, l.extent) {
                (&LoopState::Compiled(id), Some((s, e))) if l.head != head => {
                    start <= s && e <= end && self.unit(id).is_some_and(|u| u.worth_entering_soon())
                }
                _ => false,
            });
            let entry = &mut list[at];
            match entry.state {
                LoopState::Refused => return None,
                LoopState::Warming { seen, needed } if seen + 1 < needed => {
                    entry.state = LoopState::Warming {
                        seen: seen + 1,
                        needed,
                    };
                    if depth == FUNCTION {
                        code.entry.rearm();
                    }
                    return None;
                }
                LoopState::Warming { .. } => {
                    // Read only to compile: an entry needs neither.
                    let f = frame.frame(vm)?;
                    let (globals, builtins) = (f.globals().clone(), f.builtins().clone());
                    entry.state = match self.compile(vm, &code, head, depth, &globals, &builtins) {
                        Ok(id) => {
                            if entry.compiled {
                                self.stats.recompiles += 1;
                                self.unit_record(
                                    "loop.hot",
                                    id,
                                    ActionKind::Recompiled,
                                    "hot again",
                                );
                            }
                            entry.compiled = true;
                            LoopState::Compiled(id)
                        }
                        Err(why) => {
                            self.stats.refusal(why);
                            LoopState::Refused
                        }
                    };
                }
                LoopState::Compiled(_) => {}
            }
            match entry.state {
                LoopState::Compiled(id) => match self.compiled(id) {
                    Some(c) if c.unit.valid.get() => (id, c),
                    _ => {
                        entry.state = self.after_invalidation(&code, depth);
                        if depth == FUNCTION && !matches!(entry.state, LoopState::Refused) {
                            code.entry.rearm();
                        }
                        return None;
                    }
                },
                _ => return None,
            }
        };
        debug_assert_eq!(id.0, compiled.unit.id.get());
        compiled.unit.entries.set(compiled.unit.entries.get() + 1);
        Some(self.entering(compiled, frame, base, stack_base, head, depth))
    }

    /// How many samples make a loop hot.
    fn hot_samples(&self) -> u32 {
        (self.options.hot_loops / SAMPLE_PERIOD).max(1)
    }

    fn unit(&self, id: UnitId) -> Option<Rc<Unit>> {
        self.compiled(id).map(|c| c.unit.clone())
    }

    fn compiled(&self, id: UnitId) -> Option<Rc<Compiled>> {
        self.units.get(id.0 as usize).cloned().flatten()
    }

    /// What a loop (or with `FUNCTION`, a function) whose unit was invalidated does
    /// next (thrash policy).
    fn after_invalidation(&mut self, code: &Rc<Code>, depth: u32) -> LoopState {
        // A function's warm-ups are counted in core, `hot_calls` calls each.
        let warm = if depth == FUNCTION {
            1
        } else {
            self.hot_samples()
        };
        match self.thrash.unit_invalidated(identity(code), warm) {
            Recompile::After(needed) => LoopState::Warming { seen: 0, needed },
            Recompile::Never => LoopState::Refused,
        }
    }

    fn compile(
        &mut self,
        vm: &mut Vm,
        code: &Rc<Code>,
        head: u32,
        depth: u32,
        globals: &Rc<Dict>,
        builtins: &Rc<Dict>,
    ) -> Result<UnitId, &'static str> {
        let started = Instant::now();
        let thrash = &self.thrash;
        let guard_all = self.options.globals == Globals::Guard;
        let assume = |key: DepKey| {
            if guard_all {
                Assumption::Nothing
            } else {
                thrash.assumption(key)
            }
        };
        let plain_init = |class: &TypeRef| vm.plain_init(class);
        let scope = Scope {
            globals,
            builtins,
            assume: &assume,
            python_calls: self.options.hot_calls > 0,
            cells: self.options.globals == Globals::Cell,
            polls: self.options.invalidate == Invalidate::Poll,
            plain_init: &plain_init,
            types: vm.types,
        };
        let unit = if depth == FUNCTION {
            compile_function(code, &scope)
        } else {
            compile_loop(code, head, depth, &scope)
        }
        .map_err(|r| r.why)?;
        self.stats.compile_time += started.elapsed();
        if let Some(chrome) = self.chrome.as_mut() {
            let name = format!("compile {} at {head}", code.qualname.as_str());
            chrome.span(&name, "compile", started, Instant::now(), self.thread);
        }
        let inlines = unit
            .ops
            .iter()
            .any(|op| matches!(op.get(), Op::Inline { .. }));
        if inlines && !self.watching_functions {
            Optimizer::watch_functions(vm)?;
            self.watching_functions = true;
        }
        let id = UnitId(self.units.len() as u32);
        for (i, site) in unit.sites.iter().enumerate() {
            for &key in &site.deps {
                self.index.add(id, SiteId(i as u32), key);
            }
        }
        for dict in &unit.assumed {
            // A dict another watcher refuses is not assumed about: nothing depends
            // on it then, and the unit is not kept. Of its keys, the watcher hears
            // those the unit's sites name.
            let d = Value::Dict(dict.clone());
            let object = identity(dict);
            let watched = vm.watch_dict(self.dict_watcher, &d).and_then(|()| {
                unit.sites
                    .iter()
                    .filter(|s| s.deps.iter().any(|dep| dep.object == object))
                    .flat_map(|s| &s.keys)
                    .try_for_each(|key| vm.watch_dict_key(self.dict_watcher, &d, key))
            });
            if watched.is_err() {
                self.index.remove_unit(id);
                return Err("a globals or builtins dict cannot be watched");
            }
        }
        for class in &unit.classes {
            if vm
                .watch_type(self.type_watcher, &Value::Type(class.clone()))
                .is_err()
            {
                self.index.remove_unit(id);
                return Err("a class whose calls it inlines cannot be watched");
            }
        }
        // Watched from here on: a change before this point is seen by the re-check,
        // one after it by the watcher.
        if self.options.recheck_at_install && !unit.stale_sites().is_empty() {
            self.index.remove_unit(id);
            self.stats.stale_installs_refused += 1;
            return Err("an assumption broke while it compiled");
        }
        if self.options.dump {
            eprintln!("{}", unit.describe());
        }
        self.stats.units_compiled += 1;
        self.stats.guards += unit.sites.len() as u64;
        for why in &unit.not_inlined {
            self.stats.not_inlined(why);
        }
        unit.id.set(id.0);
        let compiled = Rc::new(Compiled {
            unit: Rc::new(unit),
            optimizer: self.me.clone(),
        });
        if depth == FUNCTION {
            vm.set_executor(code, Some(compiled.clone()));
        }
        self.units.push(Some(compiled));
        Ok(id)
    }

    /// A unit is no longer entered; its dependencies go.
    fn drop_unit(&mut self, id: UnitId, unit: &Unit) {
        unit.valid.set(false);
        if unit.whole_function {
            // Its calls count again: the thrash policy says when it compiles next.
            unit.code.entry.remove_executor();
            unit.code.entry.rearm();
        }
        self.index.remove_unit(id);
        if let Some(slot) = self.units.get_mut(id.0 as usize) {
            *slot = None;
        }
    }

    /// A unit's run ended at `exit` (the frame is rebuilt): statistics, and a unit
    /// that reached a patched site or whose guards keep failing is dropped (the
    /// first recompiled when the thrash policy allows); `exit` None for a function's
    /// unit that returned. True when the unit should be entered again at the next
    /// jump back, not at the next sample: it left in the middle of its loop, or its
    /// loop ended (an inner loop runs again soon).
    fn left(&mut self, vm: &mut Vm, entry: Entered, exit: Option<ExitId>) -> bool {
        let Entered {
            id,
            compiled,
            head,
            depth,
            stress,
            began,
            ..
        } = entry;
        let unit = &compiled.unit;
        if let (Some(chrome), Some(began)) = (self.chrome.as_mut(), began) {
            let name = format!("unit#{} {}", id.0, unit.code.qualname.as_str());
            chrome.span(&name, "run", began, Instant::now(), self.thread);
        }
        if let Some(stress) = stress {
            self.stress = stress;
        }
        // A function's unit that returned left through no exit.
        let Some(exit) = exit else {
            return false;
        };
        let Some(state) = unit.exits.get(exit.0 as usize) else {
            return false;
        };
        if let Some(n) = unit.exit_counts.borrow_mut().get_mut(exit.0 as usize) {
            *n += 1;
        }
        let drop = match state.reason {
            ExitReason::LoopEnd | ExitReason::Interrupt => None,
            ExitReason::AfterCall => {
                self.stats.deopt(state.reason.name());
                None
            }
            ExitReason::Invalidated | ExitReason::Mispredicted => {
                self.stats.deopt(state.reason.name());
                Some(state.reason)
            }
            // By instruction: what to compile next.
            reason @ (ExitReason::Unsupported | ExitReason::TypeGuard) => {
                let instr = match unit.code.instrs.get(state.pc as usize) {
                    Some(instr) => {
                        let text = format!("{instr:?}");
                        text.split('(').next().unwrap_or_default().to_string()
                    }
                    None => String::new(),
                };
                let kind = match reason {
                    ExitReason::Unsupported => "unsupported",
                    _ => reason.name(),
                };
                self.stats.deopt(format!("{kind} {instr}").trim_end());
                self.count_guard_failure(unit, reason)
            }
            reason => {
                self.stats.deopt(reason.name());
                self.count_guard_failure(unit, reason)
            }
        };
        // Entered again at the next jump back: where it left mid-loop, and where
        // its loop ended (the loop's next run, if it is an inner loop).
        let Some(reason) = drop else {
            let soon = state.reason != ExitReason::LoopEnd || unit.worth_entering_soon();
            if soon {
                self.polls_left = POLLS_AFTER_LEAVING;
            }
            return soon;
        };
        let why = match reason {
            ExitReason::Invalidated => "reached a patched guard site",
            ExitReason::Mispredicted => "an inlined call met another callable",
            _ => "its guards keep failing",
        };
        self.unit_record("unit.exit", id, ActionKind::DeoptimisedFrame, why);
        self.drop_unit(id, unit);
        let code = &unit.code;
        let loops = self.loops_of(vm, code);
        let Some(loops) = loops.downcast_ref::<CodeLoops>() else {
            return false;
        };
        let mut list = loops.loops.borrow_mut();
        if let Some(entry) = list.iter_mut().find(|l| l.head == head && l.depth == depth) {
            entry.state = match reason {
                ExitReason::Invalidated | ExitReason::Mispredicted => {
                    self.after_invalidation(code, depth)
                }
                _ => LoopState::Refused,
            };
        }
        false
    }

    /// An entry left through a failing guard: `reason` when the unit should go.
    fn count_guard_failure(&self, unit: &Unit, reason: ExitReason) -> Option<ExitReason> {
        let failed = unit.guard_failures.get() + 1;
        unit.guard_failures.set(failed);
        (failed >= FAILING_GUARDS && failed * 2 >= unit.entries.get()).then_some(reason)
    }

    /// A record of something that happened to unit `id` (no watcher event).
    fn unit_record(&mut self, event: &str, id: UnitId, kind: ActionKind, why: &str) {
        if !self.tracing() {
            return;
        }
        let Some(unit) = self.unit(id) else {
            return;
        };
        let action = self.action(kind, id, &unit, &[], why);
        let object = format!("{} at {}", unit.code.qualname.as_str(), unit.entry_pc);
        self.record(event.to_string(), object, None, vec![action]);
    }

    fn action(
        &self,
        kind: ActionKind,
        id: UnitId,
        unit: &Unit,
        sites: &[SiteId],
        why: &str,
    ) -> Action {
        let mut what: Vec<&str> = sites
            .iter()
            .filter_map(|s| unit.sites.get(s.0 as usize).map(|s| s.what.as_str()))
            .collect();
        what.sort();
        what.dedup();
        Action {
            kind,
            unit: format!("unit#{} {}", id.0, unit.code.qualname.as_str()),
            sites: sites.iter().map(|s| s.0).collect(),
            why: if what.is_empty() {
                why.to_string()
            } else {
                format!("{}: {why}", what.join(", "))
            },
        }
    }

    fn record(&mut self, event: String, object: String, key: Option<&Value>, actions: Vec<Action>) {
        self.seq += 1;
        if !self.tracing() {
            return;
        }
        let detail = match key {
            Some(Value::Str(s)) => format!("key='{}'", s.as_str()),
            _ => String::new(),
        };
        let record = Record {
            seq: self.seq,
            event,
            object,
            detail,
            actions,
        };
        if let Some(sink) = self.sink.as_mut() {
            sink(&record);
        }
        if let Some(chrome) = self.chrome.as_mut() {
            chrome.instant(&record, self.thread);
        }
        if let Some(kept) = self.kept.as_mut() {
            kept.push(record);
        }
    }
}

/// A dict's name in traces, without addresses: the builtins, a module's globals
/// (by the module's `__name__`), or a dict.
fn dict_name(vm: &Vm, dict: &Rc<Dict>) -> String {
    if Rc::ptr_eq(dict, &vm.builtins) {
        return "builtins".to_string();
    }
    match dict.get_str(&vm.intern("__name__")) {
        Some(Value::Str(name)) => format!("globals of {}", name.as_str()),
        _ => "dict".to_string(),
    }
}

//! Watchers inside the interpreter: the handle types core plugs into
//! tripwire-watchers, the per-interpreter registries, and event dispatch (to Rust and
//! Python watchers, and to the event trace).
//!
//! - `dict`: dict events, emitted before each mutation from the vm-level mutation
//!   points (`Vm::dict_will_store` and friends);
//! - `types`: type modification, its propagation to subclasses and aggregation;
//! - `func`: function and code object events;
//! - `lifetime`: death events, delivered by reviving the dying object into the
//!   finalizer queue (a `Drop` cannot run Python code);
//! - `api`: the Rust API for extensions (also behind the `tripwire` module);
//! - `trace`: `--trace=events`.
//!
//! Events are dispatched with the interpreter as context, so a callback may run
//! Python code. This module depends on `object`, `code` and `vm`; the object layer
//! calls only `lifetime`'s dying hooks.

pub mod api;
pub mod dict;
pub mod func;
pub mod lifetime;
pub mod trace;
pub mod types;

use crate::code::Code;
use crate::object::{Dict, Function, TypeRef, Value};
use crate::vm::{PyErr, Vm};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;
use tripwire_watchers::{Bits, Failure, Handles, Kind, Registries, PROGRAM_SLOTS};

pub use tripwire_watchers::{CodeEventKind, DictEventKind, FuncEventKind, WatchError, WatchMask};

/// Core's handles: events carry the objects themselves.
pub struct CoreHandles;

impl Handles for CoreHandles {
    type Dict = Rc<Dict>;
    type Type = TypeRef;
    type Func = Rc<Function>;
    type Code = Rc<Code>;
    type Value = Value;
}

pub type DictEvent = tripwire_watchers::DictEvent<CoreHandles>;
pub type TypeEvent = tripwire_watchers::TypeEvent<CoreHandles>;
pub type FuncEvent = tripwire_watchers::FuncEvent<CoreHandles>;
pub type CodeEvent = tripwire_watchers::CodeEvent<CoreHandles>;

/// The four registries of one interpreter. `Send + Sync`: other OS threads may add
/// and clear watchers through an `Arc` of it while the interpreter dispatches.
pub type Watchers = Registries<CoreHandles, Vm, PyErr>;

/// The interpreter's watcher state.
pub struct WatchState {
    pub registries: Arc<Watchers>,
    /// The callables of watchers added by Python code, by kind and slot.
    python: [[Value; PROGRAM_SLOTS]; 4],
    pub tracer: Option<trace::Tracer>,
}

thread_local! {
    /// The registries of the interpreter running on this thread, for the paths that
    /// have no interpreter at hand (destructors).
    static ACTIVE: RefCell<Option<Arc<Watchers>>> = const { RefCell::new(None) };
}

impl WatchState {
    /// A fresh state, made the thread's active one.
    pub fn new() -> WatchState {
        let registries = Arc::new(Watchers::default());
        let _ = ACTIVE.try_with(|a| *a.borrow_mut() = Some(registries.clone()));
        WatchState {
            registries,
            python: std::array::from_fn(|_| std::array::from_fn(|_| Value::None)),
            tracer: None,
        }
    }
}

impl Default for WatchState {
    fn default() -> Self {
        WatchState::new()
    }
}

/// `f` applied to the thread's active registries (None while the thread exits).
fn with_active<R>(f: impl FnOnce(&Watchers) -> R) -> Option<R> {
    ACTIVE
        .try_with(|a| a.try_borrow().ok().and_then(|a| a.as_ref().map(|r| f(r))))
        .ok()
        .flatten()
}

/// Whether `mask` asks for events: the one test an unwatched object's mutation pays
/// (compiled out by the `no-watchers` feature).
#[inline(always)]
pub fn watching(mask: &WatchMask) -> bool {
    !cfg!(feature = "no-watchers") && mask.any()
}

fn kind_index(k: Kind) -> usize {
    match k {
        Kind::Dict => 0,
        Kind::Type => 1,
        Kind::Func => 2,
        Kind::Code => 3,
    }
}

impl Vm {
    pub(crate) fn python_watcher(&self, kind: Kind, id: usize) -> Value {
        self.watch.python[kind_index(kind)][id].clone()
    }

    pub(crate) fn set_python_watcher(&mut self, kind: Kind, id: usize, f: Value) {
        self.watch.python[kind_index(kind)][id] = f;
    }

    /// Report a failed callback as unraisable; `what` is CPython's message.
    fn report_watcher_failure(&mut self, what: String, failure: Failure<PyErr>) {
        let err = match failure {
            Failure::Error(e) => e,
            Failure::Panic(msg) => PyErr::from_value(self.new_exception(
                &self.types.runtime_error.clone(),
                vec![Value::from_string(format!("watcher panicked: {msg}"))],
            )),
        };
        self.report_unraisable_msg(&what, err);
    }

    pub(crate) fn dispatch_dict(&mut self, mask: Bits, ev: DictEvent) {
        self.trace_dict(&ev);
        let reg = self.watch.registries.clone();
        reg.dict.dispatch(mask, self, &ev, &mut |vm, _, f| {
            let what = format!(
                "Exception ignored in {} watcher callback for <dict at {:#x}>",
                dict_event_cname(ev.kind),
                Rc::as_ptr(&ev.dict) as usize
            );
            vm.report_watcher_failure(what, f)
        });
    }

    pub(crate) fn dispatch_type(&mut self, mask: Bits, ev: TypeEvent) {
        self.trace_type(&ev);
        let reg = self.watch.registries.clone();
        reg.types.dispatch(mask, self, &ev, &mut |vm, id, f| {
            let r = crate::builtins::repr::repr(vm, &Value::Type(ev.ty.clone()))
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            let what = format!("Exception ignored in type watcher callback #{id} for {r}");
            vm.report_watcher_failure(what, f)
        });
    }

    pub(crate) fn dispatch_func(&mut self, ev: FuncEvent) {
        self.trace_func(&ev);
        let reg = self.watch.registries.clone();
        let mask = match ev.kind {
            FuncEventKind::Create | FuncEventKind::Destroy => reg.func.lifecycle(),
            _ => Bits::MAX,
        };
        reg.func.dispatch(mask, self, &ev, &mut |vm, _, f| {
            let what = format!(
                "Exception ignored in {} watcher callback for function {} at {:#x}",
                func_event_cname(ev.kind),
                ev.func.qualname().as_str(),
                Rc::as_ptr(&ev.func) as usize
            );
            vm.report_watcher_failure(what, f)
        });
    }

    pub(crate) fn dispatch_code(&mut self, ev: CodeEvent) {
        self.trace_code(&ev);
        let reg = self.watch.registries.clone();
        reg.code.dispatch(Bits::MAX, self, &ev, &mut |vm, _, f| {
            let r = crate::builtins::repr::repr(vm, &Value::Code(ev.code.clone()))
                .map(|s| s.as_str().to_string())
                .unwrap_or_default();
            let what = format!(
                "Exception ignored in {} watcher callback for {r}",
                match ev.kind {
                    CodeEventKind::Create => "PY_CODE_EVENT_CREATE",
                    CodeEventKind::Destroy => "PY_CODE_EVENT_DESTROY",
                }
            );
            vm.report_watcher_failure(what, f)
        });
    }
}

/// CPython's C name of a dict event, as its unraisable messages spell it.
fn dict_event_cname(k: DictEventKind) -> &'static str {
    match k {
        DictEventKind::Added => "PyDict_EVENT_ADDED",
        DictEventKind::Modified => "PyDict_EVENT_MODIFIED",
        DictEventKind::Deleted => "PyDict_EVENT_DELETED",
        DictEventKind::Cloned => "PyDict_EVENT_CLONED",
        DictEventKind::Cleared => "PyDict_EVENT_CLEARED",
        DictEventKind::Deallocated => "PyDict_EVENT_DEALLOCATED",
    }
}

fn func_event_cname(k: FuncEventKind) -> &'static str {
    match k {
        FuncEventKind::Create => "PyFunction_EVENT_CREATE",
        FuncEventKind::Destroy => "PyFunction_EVENT_DESTROY",
        FuncEventKind::ModifyCode => "PyFunction_EVENT_MODIFY_CODE",
        FuncEventKind::ModifyDefaults => "PyFunction_EVENT_MODIFY_DEFAULTS",
        FuncEventKind::ModifyKwdefaults => "PyFunction_EVENT_MODIFY_KWDEFAULTS",
    }
}

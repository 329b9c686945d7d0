//! The `greenlet` module: coroutines that switch explicitly, each on its own stack of
//! execution (`vm::stacks`), with the API and semantics of the greenlet package on
//! CPython (3.x).
//!
//! # Greenlet objects
//!
//! `greenlet` is a class made here with native methods; Python code subclasses it
//! (overriding `run`) like any class. A greenlet's state lives in hidden slots of the
//! instance, where the cycle collector sees its references: `run` (until it starts),
//! `parent`, the stack it runs on, whether it is pending, active or dead, and its
//! thread. `__new__` fills them, so a subclass whose `__init__` does not call the
//! base's still gets a valid greenlet. Each thread has its running greenlet and its
//! trace callback (`ThreadGreenlets`); its main greenlet is made on first use.
//!
//! # Switching
//!
//! A switch resolves its target (a dead greenlet passes the switch on to its nearest
//! live parent; a greenlet killed before it started dies there), starts it if it is
//! pending, leaves what it hands over in `Greenlets::in_flight` and switches stacks.
//! The resumed side takes that, calls the trace callback in its own context (as
//! greenlet does: an error of the callback is raised there) and returns the value or
//! raises the exception. A greenlet's stack begins in `run_greenlet`, which calls
//! `run` and hands the outcome to the parent the same way.
//!
//! Nothing on a suspended greenlet's stack refers to the greenlet object, so an
//! unfinished greenlet that loses its last reference is finalized: `__del__` throws
//! GreenletExit into it.

use crate::builtins::types::{new_instance, type_new};
use crate::builtins::{add_function, add_method, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::types::{Layout, Type};
use crate::object::{tracking, Dict, Instance, NativeFn, ObjKind, TypeRef, Value};
use crate::vm::stacks::{StackId, ROOT};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

/// The module's classes, made once per interpreter.
struct GreenletTypes {
    greenlet: TypeRef,
    error: TypeRef,
    exit: TypeRef,
    /// What a switch with no arguments hands over.
    no_args: Value,
}

/// The interpreter's greenlet state.
#[derive(Default)]
pub struct Greenlets {
    types: Option<Rc<GreenletTypes>>,
    /// What the greenlet being switched to receives.
    in_flight: Option<InFlight>,
}

/// A thread's greenlet state.
#[derive(Default)]
pub struct ThreadGreenlets {
    /// The running greenlet; None until the thread's main greenlet is made.
    current: Value,
    /// The `settrace` callback, or None.
    trace: Value,
}

/// A greenlet object (an instance whose hidden slots `__new__` filled).
type Greenlet = Rc<Instance>;

/// The hidden slots of a greenlet, in order.
const SLOT_NAMES: [&str; 5] = ["run", "parent", "stack", "state", "thread"];
const RUN: usize = 0;
const PARENT: usize = 1;
const STACK: usize = 2;
const STATE: usize = 3;
const THREAD: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Pending,
    Active,
    Dead,
}

/// What a switch, a throw or a greenlet's end sends, before its target is known.
enum Sent<'a> {
    /// `switch(*args, **kwargs)`.
    Args(&'a [Value], &'a [KwArg]),
    /// One value, sent as one positional argument is (run's result, for one).
    One(Value),
    Throw(PyErr),
}

/// What the greenlet switched to receives.
enum Handover {
    /// Its `switch()` returns this.
    Value(Value),
    /// Its `switch()` raises this.
    Throw(PyErr),
    /// It starts: `run(*args, **kwargs)`.
    Start(Vec<Value>, Vec<KwArg>),
}

struct InFlight {
    handover: Handover,
    /// The greenlet that switched, when a trace callback is to be told.
    origin: Option<Greenlet>,
}

fn slot(g: &Instance, i: usize) -> Value {
    g.slots.borrow().get(i).cloned().unwrap_or(Value::None)
}

fn set_slot(g: &Instance, i: usize, v: Value) {
    let old = g
        .slots
        .borrow_mut()
        .get_mut(i)
        .map(|s| std::mem::replace(s, v));
    drop(old);
}

fn state(g: &Instance) -> State {
    match slot(g, STATE) {
        Value::Int(1) => State::Active,
        Value::Int(2) => State::Dead,
        _ => State::Pending,
    }
}

fn set_state(g: &Instance, s: State) {
    let code = match s {
        State::Pending => 0,
        State::Active => 1,
        State::Dead => 2,
    };
    set_slot(g, STATE, Value::Int(code));
}

fn stack_of(g: &Instance) -> Option<StackId> {
    match slot(g, STACK) {
        Value::Int(i) if i >= 0 => Some(i as StackId),
        _ => None,
    }
}

fn thread_of(g: &Instance) -> Option<u64> {
    match slot(g, THREAD) {
        Value::Int(i) => Some(i as u64),
        _ => None,
    }
}

fn parent_of(g: &Instance) -> Option<Greenlet> {
    match slot(g, PARENT) {
        Value::Instance(p) => Some(p),
        _ => None,
    }
}

fn types(vm: &Vm) -> PyResult<Rc<GreenletTypes>> {
    vm.greenlet
        .types
        .clone()
        .ok_or_else(|| vm.runtime_error("the greenlet module is not initialised"))
}

/// `v` as a greenlet, if it is one.
fn as_greenlet(vm: &Vm, v: &Value) -> Option<Greenlet> {
    let Value::Instance(i) = v else {
        return None;
    };
    let types = vm.greenlet.types.as_ref()?;
    let is_greenlet = i.cls.borrow().is_subtype(&types.greenlet);
    (is_greenlet && thread_of(i).is_some()).then(|| i.clone())
}

/// The greenlet a method or property of the class was called on.
fn receiver(vm: &Vm, args: &[Value], name: &str) -> PyResult<Greenlet> {
    let Some(v) = args.first() else {
        return Err(vm.type_error(format!(
            "unbound method greenlet.{name}() needs an argument"
        )));
    };
    as_greenlet(vm, v).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{name}' for 'greenlet.greenlet' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        ))
    })
}

fn is_exit(vm: &Vm, exc: &Value) -> bool {
    vm.greenlet
        .types
        .as_ref()
        .is_some_and(|t| vm.type_of(exc).is_subtype(&t.exit))
}

/// A new greenlet error with `msg`.
fn error(vm: &Vm, msg: &str) -> PyErr {
    match &vm.greenlet.types {
        Some(t) => vm.new_error(&t.error, msg),
        None => vm.runtime_error(msg),
    }
}

fn fill_slots(g: &Instance, parent: Value, stack: Option<StackId>, s: State, thread: u64) {
    set_slot(g, RUN, Value::None);
    set_slot(g, PARENT, parent);
    set_slot(
        g,
        STACK,
        stack.map_or(Value::None, |id| Value::Int(id as i64)),
    );
    set_state(g, s);
    set_slot(g, THREAD, Value::Int(thread as i64));
}

/// The running thread's current greenlet, making its main greenlet on first use.
fn current_greenlet(vm: &mut Vm) -> PyResult<Greenlet> {
    if let Value::Instance(g) = &vm.threads.greenlets().current {
        return Ok(g.clone());
    }
    let t = types(vm)?.greenlet.clone();
    let nslots = SLOT_NAMES.len();
    let Value::Instance(g) = crate::builtins::types::new_plain_instance(&t, nslots) else {
        return Err(vm.runtime_error("a greenlet is not an instance"));
    };
    let stack = vm.stacks.current;
    let ident = vm.threads.ident();
    fill_slots(&g, Value::None, Some(stack), State::Active, ident);
    vm.threads.greenlets().current = Value::Instance(g.clone());
    Ok(g)
}

/// What a resumed `switch()` returns: () for no arguments, the argument itself for
/// one, the tuple for several, the dict for keywords only, (args, kwargs) for both.
fn pack(no_args: &Value, args: &[Value], kwargs: &[KwArg]) -> Value {
    let keywords = || {
        let d = Dict::new_rc();
        for (k, v) in kwargs {
            d.set_str(k.clone(), v.clone());
        }
        Value::Dict(d)
    };
    match (args, kwargs.is_empty()) {
        ([], true) => no_args.clone(),
        ([one], true) => one.clone(),
        (_, true) => Value::tuple(args.to_vec()),
        ([], false) => keywords(),
        _ => Value::tuple(vec![Value::tuple(args.to_vec()), keywords()]),
    }
}

impl Handover {
    /// What the receiving `switch()` returns or raises.
    fn into_result(self, vm: &Vm) -> PyResult<Value> {
        match self {
            Handover::Value(v) => Ok(v),
            Handover::Throw(e) => Err(e),
            Handover::Start(args, kwargs) => {
                let no_args = types(vm)?.no_args.clone();
                Ok(pack(&no_args, &args, &kwargs))
            }
        }
    }
}

/// Where `sent` goes when it is sent to `target`: dead greenlets pass it on to their
/// parent, and a pending one that is thrown into dies without running (GreenletExit
/// then reaches its parent as a value, as if its run had returned it).
fn resolve(
    vm: &Vm,
    t: &GreenletTypes,
    mut target: Greenlet,
    mut sent: Sent<'_>,
) -> (Greenlet, Handover) {
    loop {
        let passes_on = match state(&target) {
            State::Dead => true,
            State::Pending => matches!(sent, Sent::Throw(_)),
            State::Active => false,
        };
        if !passes_on {
            break;
        }
        let Some(parent) = parent_of(&target) else {
            break;
        };
        set_state(&target, State::Dead);
        target = parent;
        sent = match sent {
            Sent::Throw(e) if vm.type_of(e.value()).is_subtype(&t.exit) => {
                Sent::One(e.into_value())
            }
            other => other,
        };
    }
    let starts = state(&target) == State::Pending;
    let handover = match sent {
        Sent::Throw(e) => Handover::Throw(e),
        Sent::Args(args, kwargs) if starts => Handover::Start(args.to_vec(), kwargs.to_vec()),
        Sent::Args(args, kwargs) => Handover::Value(pack(&t.no_args, args, kwargs)),
        Sent::One(v) if starts => Handover::Start(vec![v], Vec::new()),
        Sent::One(v) => Handover::Value(v),
    };
    (target, handover)
}

/// Give a pending greenlet its stack; its first switch calls `run`.
fn start(vm: &mut Vm, g: &Greenlet) -> PyResult<StackId> {
    let run_name = vm.intern("run");
    let run = vm.get_attr(&Value::Instance(g.clone()), &run_name)?;
    let stack = vm
        .new_stack(Box::new(move |vm: &mut Vm| run_greenlet(vm, run)))
        .map_err(|e| {
            vm.new_error(
                &vm.types.memory_error.clone(),
                &format!("cannot allocate a greenlet stack: {e}"),
            )
        })?;
    set_slot(g, RUN, Value::None);
    set_slot(g, STACK, Value::Int(stack as i64));
    set_state(g, State::Active);
    Ok(stack)
}

/// Whether switches are traced on the running thread.
fn tracing(vm: &mut Vm) -> bool {
    !vm.threads.greenlets().trace.is_none()
}

/// Make `target` the running thread's current greenlet, to run on `stack`, receiving
/// `handover` from `origin`.
fn hand_over(vm: &mut Vm, origin: Greenlet, target: Greenlet, stack: StackId, handover: Handover) {
    let origin = tracing(vm).then_some(origin);
    vm.greenlet.in_flight = Some(InFlight { handover, origin });
    vm.threads.greenlets().current = Value::Instance(target);
    vm.threads.set_current_stack(stack);
}

/// On the greenlet just switched to: take what was handed over, telling the trace
/// callback first (an error of the callback is raised instead).
fn receive(vm: &mut Vm) -> PyResult<Handover> {
    let Some(InFlight { handover, origin }) = vm.greenlet.in_flight.take() else {
        return Ok(Handover::Start(Vec::new(), Vec::new()));
    };
    if let Some(origin) = origin {
        let threads = vm.threads.greenlets();
        let (trace, target) = (threads.trace.clone(), threads.current.clone());
        if !trace.is_none() {
            let event = if matches!(handover, Handover::Throw(_)) {
                "throw"
            } else {
                "switch"
            };
            let event = Value::Str(vm.intern(event));
            let pair = Value::tuple(vec![Value::Instance(origin), target]);
            if let Err(e) = vm.call(&trace, &[event, pair], &[]) {
                // As greenlet: a callback that fails is removed.
                vm.threads.greenlets().trace = Value::None;
                return Err(e);
            }
        }
    }
    Ok(handover)
}

/// Switch from the running greenlet to `target`, sending `sent`; returns what is
/// handed back when some greenlet switches to this one again.
fn switch_to(vm: &mut Vm, target: Greenlet, sent: Sent<'_>) -> PyResult<Value> {
    let current = current_greenlet(vm)?;
    let thread = thread_of(&target);
    if thread != thread_of(&current) {
        let msg = if thread.is_some_and(|t| vm.threads.is_alive(t)) {
            "cannot switch to a different thread"
        } else {
            "cannot switch to a different thread (which happens to have exited)"
        };
        return Err(error(vm, msg));
    }
    let t = types(vm)?;
    let (target, handover) = resolve(vm, &t, target, sent);
    if Rc::ptr_eq(&target, &current) {
        return handover.into_result(vm);
    }
    let stack = match state(&target) {
        State::Pending => start(vm, &target)?,
        _ => stack_of(&target).ok_or_else(|| error(vm, "cannot switch to a dead greenlet"))?,
    };
    hand_over(vm, current, target, stack, handover);
    vm.switch_stack(stack);
    receive(vm)?.into_result(vm)
}

/// A greenlet's stack: run `run` with the arguments of the first switch, then hand
/// the outcome to the parent. Returns the stack to run next.
fn run_greenlet(vm: &mut Vm, run: Value) -> StackId {
    let outcome = match receive(vm) {
        Ok(Handover::Start(args, kwargs)) => vm.call(&run, &args, &kwargs),
        Ok(Handover::Value(v)) => vm.call(&run, &[v], &[]),
        Ok(Handover::Throw(e)) | Err(e) => Err(e),
    };
    drop(run);
    let sent = match outcome {
        Ok(v) => Sent::One(v),
        Err(e) if is_exit(vm, e.value()) => Sent::One(e.into_value()),
        Err(e) => Sent::Throw(e),
    };
    let Value::Instance(me) = vm.threads.greenlets().current.clone() else {
        return ROOT;
    };
    set_state(&me, State::Dead);
    set_slot(&me, STACK, Value::None);
    end_greenlet(vm, me, sent)
}

/// The greenlet `me` has ended with `sent`: hand it to its nearest live parent (a
/// pending one starts with it). Returns the stack to run next.
fn end_greenlet(vm: &mut Vm, me: Greenlet, mut sent: Sent<'_>) -> StackId {
    let mut next = parent_of(&me).zip(vm.greenlet.types.clone());
    while let Some((parent, t)) = next {
        let (target, handover) = resolve(vm, &t, parent, sent);
        let stack = match state(&target) {
            State::Pending => match start(vm, &target) {
                Ok(stack) => stack,
                Err(e) => {
                    // It cannot start: it dies of that, and its parent is told.
                    set_state(&target, State::Dead);
                    next = parent_of(&target).map(|p| (p, t));
                    sent = Sent::Throw(e);
                    continue;
                }
            },
            _ => match stack_of(&target) {
                Some(stack) => stack,
                None => return orphaned(vm, handover.into_result(vm)),
            },
        };
        hand_over(vm, me, target, stack, handover);
        return stack;
    }
    let outcome = match sent {
        Sent::Throw(e) => Err(e),
        Sent::Args(..) | Sent::One(_) => Ok(Value::None),
    };
    orphaned(vm, outcome)
}

/// A greenlet ended with no live greenlet to hand its outcome to (its parent chain
/// is left without one): the root stack takes over, and an exception is reported.
fn orphaned(vm: &mut Vm, outcome: PyResult<Value>) -> StackId {
    if let Err(e) = outcome {
        vm.report_unraisable_msg("Exception ignored in greenlet", e);
    }
    ROOT
}

fn switch(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let target = receiver(vm, args, "switch")?;
    switch_to(vm, target, Sent::Args(&args[1..], kw))
}

/// The exception `throw(typ, val, tb)` raises, normalised as greenlet does.
fn exception_to_throw(vm: &mut Vm, typ: Value, val: Value, tb: Value) -> PyResult<Value> {
    let base = vm.types.base_exception.clone();
    let class = match &typ {
        Value::Type(t) if t.is_subtype(&base) => Some(t.clone()),
        _ => None,
    };
    let exc = if vm.type_of(&typ).is_subtype(&base) {
        if !val.is_none() {
            return Err(vm.type_error("instance exception may not have a separate value"));
        }
        typ
    } else if let Some(class) = class {
        if vm.type_of(&val).is_subtype(&class) {
            val
        } else if val.is_none() {
            vm.call(&typ, &[], &[])?
        } else if let Value::Tuple(items) = &val {
            vm.call(&typ, &items.items, &[])?
        } else {
            vm.call(&typ, &[val], &[])?
        }
    } else {
        return Err(vm.type_error(format!(
            "exceptions must be classes, or instances, not {}",
            vm.type_name(&typ)
        )));
    };
    if !tb.is_none() {
        vm.call_method(&exc, "with_traceback", &[tb])?;
    }
    Ok(exc)
}

/// `throw(typ=GreenletExit, val=None, tb=None)`: raise in the greenlet, at its switch
/// (or at its start).
fn throw(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let target = receiver(vm, args, "throw")?;
    no_kwargs(vm, "greenlet.throw", kw)?;
    let rest = &args[1..];
    if rest.len() > 3 {
        return Err(vm.type_error(format!(
            "throw() takes at most 3 arguments ({} given)",
            rest.len()
        )));
    }
    let typ = match rest.first() {
        Some(t) => t.clone(),
        None => Value::Type(types(vm)?.exit.clone()),
    };
    let arg = |i: usize| rest.get(i).cloned().unwrap_or(Value::None);
    let exc = exception_to_throw(vm, typ, arg(1), arg(2))?;
    // Raised where it lands, as greenlet restores it: no __context__ from here.
    let mut err = PyErr::from_value(exc);
    err.mark_chained();
    switch_to(vm, target, Sent::Throw(err))
}

/// `greenlet.__new__(cls, *args, **kwargs)`: a pending greenlet whose parent is the
/// current one.
fn greenlet_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let t = types(vm)?;
    let cls = match args.first() {
        Some(Value::Type(cls)) if cls.is_subtype(&t.greenlet) => cls.clone(),
        Some(Value::Type(cls)) => {
            return Err(vm.type_error(format!(
                "greenlet.__new__({0}): {0} is not a subtype of greenlet",
                cls.name().as_str()
            )))
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "greenlet.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("greenlet.__new__(): not enough arguments")),
    };
    let obj = new_instance(vm, &cls, &[], &[])?;
    let Value::Instance(g) = &obj else {
        return Err(vm.runtime_error("a greenlet is not an instance"));
    };
    let parent = current_greenlet(vm)?;
    let ident = vm.threads.ident();
    fill_slots(g, Value::Instance(parent), None, State::Pending, ident);
    Ok(obj)
}

/// `greenlet(run=None, parent=None)`.
fn greenlet_init(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "__init__")?;
    let rest = &args[1..];
    let [run, parent] =
        crate::builtins::parse_clinic_args(vm, "green", ["run", "parent"], 2, 0, rest, kw)?;
    if let Some(run) = run {
        set_run(vm, &g, run)?;
    }
    if let Some(parent) = parent.filter(|p| !p.is_none()) {
        set_parent(vm, &g, parent)?;
    }
    Ok(Value::None)
}

fn set_run(vm: &Vm, g: &Greenlet, run: Value) -> PyResult<()> {
    if state(g) != State::Pending {
        return Err(vm.attribute_error("run cannot be set after the start of the greenlet"));
    }
    set_slot(g, RUN, run);
    Ok(())
}

fn set_parent(vm: &Vm, g: &Greenlet, value: Value) -> PyResult<()> {
    let Some(p) = as_greenlet(vm, &value) else {
        return Err(vm.type_error(format!(
            "GreenletChecker: Expected any type of greenlet, not {}",
            vm.type_name(&value)
        )));
    };
    if parent_of(g).is_none() {
        return Err(vm.attribute_error("cannot set the parent of a main greenlet"));
    }
    let mut ancestor = Some(p.clone());
    while let Some(a) = ancestor {
        if Rc::ptr_eq(&a, g) {
            return Err(vm.value_error("cyclic parent chain"));
        }
        ancestor = parent_of(&a);
    }
    let thread = thread_of(&p);
    if thread != thread_of(g) && thread.is_some_and(|t| vm.threads.is_alive(t)) {
        return Err(vm.value_error("parent cannot be on a different thread"));
    }
    set_slot(g, PARENT, value);
    Ok(())
}

/// `run`: as given, else the class's `run` method; gone once the greenlet started.
fn get_run(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "run")?;
    let run = slot(&g, RUN);
    if !run.is_none() {
        return Ok(run);
    }
    let run_name = vm.intern("run");
    let method = g.cls().lookup(&run_name);
    match method {
        Some(m) if state(&g) == State::Pending && !is_property(&m) => {
            vm.bind_descriptor(m, &Value::Instance(g))
        }
        _ => Err(vm.attribute_error("run")),
    }
}

fn is_property(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Property { .. }))
}

fn put_run(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "run")?;
    set_run(vm, &g, args.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn get_parent(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "parent")?;
    Ok(slot(&g, PARENT))
}

fn put_parent(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "parent")?;
    set_parent(vm, &g, args.get(1).cloned().unwrap_or(Value::None))?;
    Ok(Value::None)
}

fn get_dead(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "dead")?;
    Ok(Value::Bool(state(&g) == State::Dead))
}

/// `gr_frame`: the innermost frame of a suspended greenlet, else None.
fn get_frame(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "gr_frame")?;
    match stack_of(&g) {
        Some(stack) if state(&g) == State::Active && stack != vm.stacks.current => {
            Ok(vm.suspended_frame_object(stack))
        }
        _ => Ok(Value::None),
    }
}

fn greenlet_bool(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "__bool__")?;
    Ok(Value::Bool(state(&g) == State::Active))
}

/// greenlet's repr: `<greenlet.greenlet object at 0x... (otid=0x...) suspended
/// active started>`.
fn greenlet_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = receiver(vm, args, "__repr__")?;
    let cls = g.cls();
    let name = if Rc::ptr_eq(&cls, &types(vm)?.greenlet) {
        "greenlet.greenlet".to_string()
    } else {
        cls.name().as_str().to_string()
    };
    let addr = Rc::as_ptr(&g) as usize;
    let thread = thread_of(&g).unwrap_or(0);
    let exited = !vm.threads.is_alive(thread);
    let s = state(&g);
    let otid = match s {
        State::Pending => "0x(nil)".to_string(),
        _ => format!("{thread:#x}"),
    };
    let detail = match s {
        State::Dead if exited => " (thread exited) dead".to_string(),
        State::Dead => " dead".to_string(),
        State::Pending => " pending".to_string(),
        State::Active => {
            let place = if exited {
                " (thread exited)"
            } else if stack_of(&g) == Some(vm.stacks.current) {
                " current"
            } else {
                " suspended"
            };
            let main = if parent_of(&g).is_none() { " main" } else { "" };
            format!("{place} active started{main}")
        }
    };
    Ok(Value::from_string(format!(
        "<{name} object at {addr:#x} (otid={otid}){detail}>"
    )))
}

/// An unfinished greenlet that loses its last reference gets GreenletExit thrown
/// into it; one that survives that is reported, as greenlet does, and never runs
/// again.
fn greenlet_del(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    // An instance whose greenlet state was never made has nothing to kill.
    let Some(g) = args.first().and_then(|v| as_greenlet(vm, v)) else {
        return Ok(Value::None);
    };
    if state(&g) != State::Active || parent_of(&g).is_none() {
        return Ok(Value::None);
    }
    if thread_of(&g) == Some(vm.threads.ident()) {
        let current = current_greenlet(vm)?;
        set_slot(&g, PARENT, Value::Instance(current));
        let exit = types(vm)?.exit.clone();
        let mut err = PyErr::from_value(vm.new_exception(&exit, Vec::new()));
        err.mark_chained();
        match switch_to(vm, g.clone(), Sent::Throw(err)) {
            Err(e) if !is_exit(vm, e.value()) => return Err(e),
            _ => {}
        }
        if state(&g) == State::Dead {
            return Ok(Value::None);
        }
        let repr = greenlet_repr(vm, args, &[])?;
        if let Some(repr) = repr.as_str() {
            let text = format!("GreenletExit did not kill {}\n", repr.as_str());
            vm.write_stderr(&text);
        }
    }
    if let Some(stack) = stack_of(&g) {
        drop(vm.stacks.discard(stack));
    }
    set_state(&g, State::Dead);
    set_slot(&g, STACK, Value::None);
    Ok(Value::None)
}

fn getcurrent(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "getcurrent", kw)?;
    check_args(vm, "getcurrent", args, 0, 0)?;
    Ok(Value::Instance(current_greenlet(vm)?))
}

/// `settrace(callback)`: the running thread's switch trace callback; returns the
/// previous one.
fn settrace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "settrace", kw)?;
    check_args(vm, "settrace", args, 1, 1)?;
    Ok(std::mem::replace(
        &mut vm.threads.greenlets().trace,
        args[0].clone(),
    ))
}

fn gettrace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "gettrace", kw)?;
    check_args(vm, "gettrace", args, 0, 0)?;
    Ok(vm.threads.greenlets().trace.clone())
}

fn native(name: &'static str, func: NativeFn) -> Value {
    crate::builtins::native_function("greenlet", name, func)
}

/// The greenlet class: an ordinary (subclassable) class whose instances carry the
/// hidden slots.
fn greenlet_class(vm: &mut Vm) -> TypeRef {
    let object = vm.types.object.clone();
    let slot_names = SLOT_NAMES.iter().map(|n| vm.intern(n)).collect();
    let t = Rc::new(Type::new(
        "greenlet",
        vec![object.clone()],
        Vec::new(),
        Dict::new_rc(),
        Layout::Object,
        false,
        slot_names,
        true,
        None,
    ));
    *t.mro.borrow_mut() = vec![t.clone(), object.clone()];
    object.subclasses.borrow_mut().push(Rc::downgrade(&t));
    tracking::class(&t);
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str("greenlet"));
    t.dict.set_str(
        vm.names.d_doc.clone(),
        Value::str("greenlet(run=None, parent=None) -> greenlet\n\nCreates a new greenlet object (without running it)."),
    );
    let methods: &[(&'static str, NativeFn)] = &[
        ("switch", switch),
        ("throw", throw),
        ("__init__", greenlet_init),
        ("__repr__", greenlet_repr),
        ("__bool__", greenlet_bool),
        ("__del__", greenlet_del),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    crate::builtins::set_static_new(vm, &t, "greenlet", greenlet_new);
    let properties: &[(&'static str, NativeFn, Option<NativeFn>)] = &[
        ("run", get_run, Some(put_run)),
        ("parent", get_parent, Some(put_parent)),
        ("dead", get_dead, None),
        ("gr_frame", get_frame, None),
    ];
    for (name, get, set) in properties {
        let property = ObjKind::Property {
            fget: native(name, *get),
            fset: set.map_or(Value::None, |f| native(name, f)),
            fdel: Value::None,
            doc: crate::object::PyCell::new(Value::None),
        };
        t.dict.set_str(
            vm.intern(name),
            Value::obj(vm.types.property.clone(), property),
        );
    }
    t
}

fn exception_class(vm: &mut Vm, name: &str, base: &TypeRef) -> PyResult<TypeRef> {
    let ns = Dict::new_rc();
    ns.set_str(vm.names.d_module.clone(), Value::str("greenlet"));
    let meta = vm.types.type_.clone();
    let bases = Value::tuple(vec![Value::Type(base.clone())]);
    match type_new(vm, &meta, &Value::str(name), &bases, &Value::Dict(ns), &[])? {
        Value::Type(t) => Ok(t),
        _ => Err(vm.runtime_error("type() did not make a class")),
    }
}

/// The module's classes, made on the first import.
fn make_types(vm: &mut Vm) -> PyResult<Rc<GreenletTypes>> {
    if let Some(t) = &vm.greenlet.types {
        return Ok(t.clone());
    }
    let error = exception_class(vm, "error", &vm.types.exception.clone())?;
    let exit = exception_class(vm, "GreenletExit", &vm.types.base_exception.clone())?;
    let greenlet = greenlet_class(vm);
    let t = Rc::new(GreenletTypes {
        greenlet,
        error,
        exit,
        no_args: Value::tuple(Vec::new()),
    });
    vm.greenlet.types = Some(t.clone());
    Ok(t)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = make_types(vm)?;
    for (name, v) in [
        ("greenlet", &t.greenlet),
        ("error", &t.error),
        ("GreenletExit", &t.exit),
    ] {
        d.set_str(vm.intern(name), Value::Type(v.clone()));
    }
    let fns: &[(&'static str, NativeFn)] = &[
        ("getcurrent", getcurrent),
        ("settrace", settrace),
        ("gettrace", gettrace),
    ];
    for (name, f) in fns {
        add_function(vm, d, "greenlet", name, *f);
    }
    let all = [
        "greenlet",
        "getcurrent",
        "settrace",
        "gettrace",
        "error",
        "GreenletExit",
    ]
    .iter()
    .map(|n| Value::str(n))
    .collect();
    d.set_str(vm.intern("__all__"), Value::list(all));
    Ok(())
}

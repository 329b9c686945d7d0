//! The `_thread` module: starting threads, their identity, and the lock every
//! other synchronisation primitive (`threading`'s RLock, Condition, Event,
//! Semaphore, join) is built on. The scheduling itself is `vm::threads`.

use crate::builtins::{add_function, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, NativeData, ObjKind, PyCell, TypeRef, Value};
use crate::vm::threads::LockCore;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;
use std::time::Duration;

/// The largest timeout `acquire` accepts, as CPython's `_thread.TIMEOUT_MAX`.
const TIMEOUT_MAX: f64 = 9223372036.0;

struct Lock(Rc<LockCore>);

fn lock_of<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<(Rc<LockCore>, &'a [Value])> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            if let Some(l) = (**cell.borrow()).as_any().downcast_ref::<Lock>() {
                return Ok((l.0.clone(), &args[1..]));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{name}' for '_thread.lock' objects doesn't apply to a '{}' object",
        args.first().map_or("NoneType".into(), |v| vm.type_name(v))
    )))
}

fn new_lock(vm: &mut Vm) -> PyResult<Value> {
    let t = lock_type(vm)?;
    let data: Box<dyn NativeData> = Box::new(Lock(Rc::default()));
    Ok(Value::obj(t, ObjKind::Native(PyCell::new(data))))
}

fn lock_type(vm: &mut Vm) -> PyResult<TypeRef> {
    let m = vm.import_one("_thread")?;
    let name = vm.intern("LockType");
    match vm.get_attr(&m, &name)? {
        Value::Type(t) => Ok(t),
        _ => Err(vm.type_error("_thread.LockType is not a type")),
    }
}

/// `acquire(blocking=True, timeout=-1)`.
fn lock_acquire(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (core, rest) = lock_of(vm, "acquire", args)?;
    let (blocking, timeout) = acquire_args(vm, rest, kw)?;
    Ok(Value::Bool(vm.acquire_lock(&core, blocking, timeout)?))
}

/// The `blocking` flag and the timeout of an `acquire` call, by CPython's rules.
pub(super) fn acquire_args(
    vm: &mut Vm,
    rest: &[Value],
    kw: &[KwArg],
) -> PyResult<(bool, Option<Duration>)> {
    check_args(vm, "acquire", rest, 0, 2)?;
    let mut blocking = rest.first().cloned();
    let mut timeout = rest.get(1).cloned();
    for (k, v) in kw {
        match k.as_str() {
            "blocking" if blocking.is_none() => blocking = Some(v.clone()),
            "timeout" if timeout.is_none() => timeout = Some(v.clone()),
            other => {
                return Err(vm.type_error(format!(
                    "acquire() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    let blocking = match blocking {
        Some(b) => vm.truthy(&b)?,
        None => true,
    };
    let timeout = match timeout {
        Some(t) => super::math::to_f64(vm, &t)?,
        None => -1.0,
    };
    if !blocking && timeout != -1.0 {
        return Err(vm.value_error("can't specify a timeout for a non-blocking call"));
    }
    if timeout < 0.0 && timeout != -1.0 {
        return Err(vm.value_error("timeout value must be a non-negative number"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(vm.overflow_error("timeout value is too large"));
    }
    Ok((
        blocking,
        (timeout >= 0.0).then(|| Duration::from_secs_f64(timeout)),
    ))
}

fn lock_release(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "release", kw)?;
    let (core, _) = lock_of(vm, "release", args)?;
    if !core.locked.get() {
        return Err(vm.new_error(&vm.types.runtime_error.clone(), "release unlocked lock"));
    }
    core.locked.set(false);
    Ok(Value::None)
}

fn lock_exit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    lock_release(vm, &args[..args.len().min(1)], &[])
}

fn lock_locked(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "locked", kw)?;
    let (core, _) = lock_of(vm, "locked", args)?;
    Ok(Value::Bool(core.locked.get()))
}

/// `lock._at_fork_reinit()`: unlocked again, whoever held it (in the child of a
/// fork, the holder may be a thread that is gone).
fn lock_at_fork_reinit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_at_fork_reinit", kw)?;
    let (core, _) = lock_of(vm, "_at_fork_reinit", args)?;
    core.locked.set(false);
    Ok(Value::None)
}

fn lock_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (core, _) = lock_of(vm, "__repr__", args)?;
    let state = if core.locked.get() {
        "locked"
    } else {
        "unlocked"
    };
    let addr = match &args[0] {
        Value::Obj(o) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    Ok(Value::from_string(format!(
        "<{state} _thread.lock object at {addr:#x}>"
    )))
}

fn lock_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "lock", kw)?;
    check_args(vm, "lock", &args[args.len().min(1)..], 0, 0)?;
    new_lock(vm)
}

fn allocate_lock(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "allocate_lock", kw)?;
    check_args(vm, "allocate_lock", args, 0, 0)?;
    new_lock(vm)
}

/// `start_new_thread(function, args, kwargs={})`.
fn start_new_thread(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "start_new_thread", kw)?;
    check_args(vm, "start_new_thread", args, 2, 3)?;
    let func = args[0].clone();
    let Value::Tuple(t) = &args[1] else {
        return Err(vm.type_error("2nd arg must be a tuple"));
    };
    let positional = t.items.to_vec();
    let mut keywords = Vec::new();
    match args.get(2) {
        None => {}
        Some(Value::Dict(d)) => {
            for (k, v) in d.items() {
                let Value::Str(k) = k else {
                    return Err(vm.type_error("keywords must be strings"));
                };
                keywords.push((k, v));
            }
        }
        Some(_) => return Err(vm.type_error("optional 3rd arg must be a dictionary")),
    }
    let ident = vm.start_thread(func, positional, keywords)?;
    Ok(Value::Int(ident as i64))
}

fn get_ident(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "get_ident", kw)?;
    check_args(vm, "get_ident", args, 0, 0)?;
    Ok(Value::Int(vm.threads.ident() as i64))
}

fn main_ident(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(vm.threads.main_ident() as i64))
}

/// Whether the thread `ident` has started and not ended.
fn alive(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_alive", kw)?;
    check_args(vm, "_alive", args, 1, 1)?;
    let Value::Int(ident) = args[0] else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(vm.threads.is_alive(ident as u64)))
}

fn count(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_count", kw)?;
    check_args(vm, "_count", args, 0, 0)?;
    Ok(Value::Int(vm.threads.count() as i64 - 1))
}

/// The traceback report of an exception, as the uncaught-exception handler prints it
/// (for `threading.excepthook`).
fn format_exception(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_format_exception", kw)?;
    check_args(vm, "_format_exception", args, 1, 1)?;
    Ok(Value::from_string(vm.format_exception(&args[0])))
}

fn exit(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Err(vm.new_error(&vm.types.system_exit.clone(), ""))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("acquire", lock_acquire),
        ("acquire_lock", lock_acquire),
        ("__enter__", lock_acquire),
        ("release", lock_release),
        ("release_lock", lock_release),
        ("__exit__", lock_exit),
        ("locked", lock_locked),
        ("locked_lock", lock_locked),
        ("_at_fork_reinit", lock_at_fork_reinit),
        ("__repr__", lock_repr),
    ];
    let t = crate::builtins::native_type(vm, "_thread", "lock", true, Some(lock_new), methods);
    d.set_str(vm.intern("LockType"), Value::Type(t.clone()));
    d.set_str(vm.intern("lock"), Value::Type(t));
    super::rlock::init(vm, d);
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("allocate_lock", allocate_lock),
        ("allocate", allocate_lock),
        ("start_new_thread", start_new_thread),
        ("start_new", start_new_thread),
        ("get_ident", get_ident),
        ("get_native_id", get_ident),
        ("_main_ident", main_ident),
        ("_count", count),
        ("_alive", alive),
        ("exit", exit),
        ("_format_exception", format_exception),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_thread", name, *f);
    }
    d.set_str(vm.intern("TIMEOUT_MAX"), Value::Float(TIMEOUT_MAX));
    d.set_str(
        vm.intern("error"),
        Value::Type(vm.types.runtime_error.clone()),
    );
    Ok(())
}

//! `_thread.RLock`: the reentrant lock, native as CPython's, over the same
//! `LockCore` as `_thread.lock` (importlib's module locks and `threading` take it
//! from `_thread`). The owner is a thread ident, 0 when none holds it. Depends on
//! `thread` for the `acquire` argument rules.

use super::thread::acquire_args;
use crate::builtins::{check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, NativeData, ObjKind, PyCell, Value};
use crate::vm::threads::LockCore;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

#[derive(Default)]
struct RLock {
    core: Rc<LockCore>,
    owner: Cell<u64>,
    count: Cell<u64>,
}

/// Runs `f` on the RLock `args[0]`, with the rest of the arguments.
fn with_rlock<R>(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    f: impl FnOnce(&mut Vm, &RLock, &[Value]) -> PyResult<R>,
) -> PyResult<R> {
    if let Some(Value::Obj(o)) = args.first() {
        if let ObjKind::Native(cell) = &o.kind {
            let data = cell.borrow();
            if let Some(lock) = (**data).as_any().downcast_ref::<RLock>() {
                return f(vm, lock, &args[1..]);
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{name}' for '_thread.RLock' objects doesn't apply to a '{}' object",
        args.first().map_or("NoneType".into(), |v| vm.type_name(v))
    )))
}

fn un_acquired(vm: &mut Vm) -> crate::vm::PyErr {
    vm.new_error(
        &vm.types.runtime_error.clone(),
        "cannot release un-acquired lock",
    )
}

fn rlock_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(Value::Type(t)) = args.first() else {
        return Err(vm.type_error("RLock.__new__(X): X is not a type object"));
    };
    let data: Box<dyn NativeData> = Box::new(RLock::default());
    Ok(Value::obj(t.clone(), ObjKind::Native(PyCell::new(data))))
}

/// `acquire(blocking=True, timeout=-1)`: again at once by its owner.
fn acquire(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let me = vm.threads.ident();
    let (core, blocking, timeout) = with_rlock(vm, "acquire", args, |vm, lock, rest| {
        let (blocking, timeout) = acquire_args(vm, rest, kw)?;
        Ok((lock.core.clone(), blocking, timeout))
    })?;
    let again = with_rlock(vm, "acquire", args, |_, lock, _| {
        let again = lock.count.get() > 0 && lock.owner.get() == me;
        if again {
            lock.count.set(lock.count.get() + 1);
        }
        Ok(again)
    })?;
    if again {
        return Ok(Value::Bool(true));
    }
    // Blocking switches threads: the lock is looked at again afterwards.
    if !vm.acquire_lock(&core, blocking, timeout)? {
        return Ok(Value::Bool(false));
    }
    with_rlock(vm, "acquire", args, |_, lock, _| {
        lock.owner.set(me);
        lock.count.set(1);
        Ok(Value::Bool(true))
    })
}

fn release(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "release", kw)?;
    let me = vm.threads.ident();
    with_rlock(vm, "release", args, |vm, lock, rest| {
        check_args(vm, "release", rest, 0, 0)?;
        if lock.count.get() == 0 || lock.owner.get() != me {
            return Err(un_acquired(vm));
        }
        lock.count.set(lock.count.get() - 1);
        if lock.count.get() == 0 {
            lock.owner.set(0);
            lock.core.locked.set(false);
        }
        Ok(Value::None)
    })
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    release(vm, &args[..args.len().min(1)], &[])
}

fn is_owned(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let me = vm.threads.ident();
    with_rlock(vm, "_is_owned", args, |_, lock, _| {
        Ok(Value::Bool(lock.count.get() > 0 && lock.owner.get() == me))
    })
}

fn recursion_count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let me = vm.threads.ident();
    with_rlock(vm, "_recursion_count", args, |_, lock, _| {
        let owned = lock.owner.get() == me;
        Ok(Value::Int(if owned { lock.count.get() as i64 } else { 0 }))
    })
}

/// `_release_save()`: release it whatever the count, for `Condition.wait`; returns
/// `(count, owner)` for `_acquire_restore`.
fn release_save(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_rlock(vm, "_release_save", args, |vm, lock, _| {
        if lock.count.get() == 0 {
            return Err(un_acquired(vm));
        }
        let state = vec![
            Value::Int(lock.count.get() as i64),
            Value::Int(lock.owner.get() as i64),
        ];
        lock.count.set(0);
        lock.owner.set(0);
        lock.core.locked.set(false);
        Ok(Value::tuple(state))
    })
}

/// `_acquire_restore((count, owner))`: take it again as `_release_save` left it.
fn acquire_restore(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (core, state) = with_rlock(vm, "_acquire_restore", args, |vm, lock, rest| {
        check_args(vm, "_acquire_restore", rest, 1, 1)?;
        Ok((lock.core.clone(), rest[0].clone()))
    })?;
    let items = match &state {
        Value::Tuple(t) if t.items.len() == 2 => t.items.to_vec(),
        _ => return Err(vm.type_error("_acquire_restore() argument 1 must be a 2-tuple")),
    };
    let count = crate::builtins::arg_int(vm, &items[0])?;
    let owner = crate::builtins::arg_int(vm, &items[1])?;
    vm.acquire_lock(&core, true, None)?;
    with_rlock(vm, "_acquire_restore", args, |_, lock, _| {
        lock.count.set(count.max(0) as u64);
        lock.owner.set(owner as u64);
        Ok(Value::None)
    })
}

fn repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let addr = match args.first() {
        Some(Value::Obj(o)) => Rc::as_ptr(o) as usize,
        _ => 0,
    };
    let name = match args.first() {
        Some(v) => vm.type_name(v),
        None => "RLock".into(),
    };
    with_rlock(vm, "__repr__", args, |_, lock, _| {
        let state = if lock.core.locked.get() {
            "locked"
        } else {
            "unlocked"
        };
        Ok(Value::from_string(format!(
            "<{state} _thread.{name} object owner={} count={} at {addr:#x}>",
            lock.owner.get(),
            lock.count.get()
        )))
    })
}

pub fn init(vm: &mut Vm, d: &Dict) {
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("acquire", acquire),
        ("__enter__", acquire),
        ("release", release),
        ("__exit__", exit),
        ("_is_owned", is_owned),
        ("_recursion_count", recursion_count),
        ("_release_save", release_save),
        ("_acquire_restore", acquire_restore),
        ("__repr__", repr),
    ];
    let t = crate::builtins::native_type(vm, "_thread", "RLock", true, Some(rlock_new), methods);
    d.set_str(vm.intern("RLock"), Value::Type(t));
}

//! `_semaphore`: POSIX named semaphores, the native half of `_multiprocessing`
//! (`py/_multiprocessing.py` builds `SemLock` over it). A semaphore is named by its
//! handle, the address `sem_open` gave; only handles this process opened (or
//! inherited through fork) are accepted, so a wrong number is a ValueError and
//! never a wild pointer. A blocking wait lets the other Python threads run (it
//! polls with `sem_trywait` between naps) and, alone, waits in slices so that
//! signal handlers run. Depends on core's public API and `libc`.

use crate::posix::{errno_error, last_error, path_arg};
use std::collections::HashSet;
use std::sync::Mutex;
use std::time::{Duration, Instant};
use tripwire_core::builtins::{add_function, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// The handles of the semaphores this process has open.
static OPEN: Mutex<Option<HashSet<usize>>> = Mutex::new(None);

/// The largest value of a semaphore (glibc's; the `libc` crate does not export it).
const SEM_VALUE_MAX: libc::c_uint = i32::MAX as libc::c_uint;

/// How long a lone waiter blocks before it looks at the signal flag again.
const SLICE: Duration = Duration::from_millis(50);

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let functions: [(&'static str, tripwire_core::object::NativeFn); 6] = [
        ("open", open),
        ("unlink", unlink),
        ("trywait", trywait),
        ("wait", wait),
        ("post", post),
        ("value", value),
    ];
    for (name, f) in functions {
        add_function(vm, d, "_semaphore", name, f);
    }
    let key = vm.intern("SEM_VALUE_MAX");
    d.set_str(key, Value::Int(SEM_VALUE_MAX as i64));
    Ok(())
}

fn open_set() -> std::sync::MutexGuard<'static, Option<HashSet<usize>>> {
    OPEN.lock().unwrap_or_else(|e| e.into_inner())
}

/// The semaphore a handle argument names.
fn handle(vm: &mut Vm, v: &Value) -> PyResult<*mut libc::sem_t> {
    let n = tripwire_core::builtins::arg_int(vm, v)?;
    let known = usize::try_from(n)
        .ok()
        .filter(|h| open_set().as_ref().is_some_and(|s| s.contains(h)));
    match known {
        Some(h) => Ok(h as *mut libc::sem_t),
        None => Err(vm.value_error(format!("invalid semaphore handle {n}"))),
    }
}

/// `open(name, value, create)`: the handle of a new semaphore (`create`, failing
/// with FileExistsError if the name is taken) or of an existing one.
fn open(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "open", kw)?;
    check_args(vm, "open", args, 3, 3)?;
    let name = path_arg(vm, "open", &args[0])?;
    let value = tripwire_core::builtins::arg_int(vm, &args[1])?;
    let value = libc::c_uint::try_from(value)
        .ok()
        .filter(|v| *v <= SEM_VALUE_MAX)
        .ok_or_else(|| vm.value_error("invalid value"))?;
    let create = vm.truthy(&args[2])?;
    // SAFETY: a NUL-terminated name; the variadic mode and value are those
    // sem_open reads with O_CREAT.
    let sem = unsafe {
        if create {
            libc::sem_open(
                name.c.as_ptr(),
                libc::O_CREAT | libc::O_EXCL,
                0o600 as libc::c_uint,
                value,
            )
        } else {
            libc::sem_open(name.c.as_ptr(), 0)
        }
    };
    if sem == libc::SEM_FAILED {
        return Err(last_error(vm, None));
    }
    open_set()
        .get_or_insert_with(HashSet::new)
        .insert(sem as usize);
    Ok(Value::Int(sem as usize as i64))
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "sem_unlink", kw)?;
    check_args(vm, "sem_unlink", args, 1, 1)?;
    let name = path_arg(vm, "sem_unlink", &args[0])?;
    // SAFETY: a NUL-terminated name.
    if unsafe { libc::sem_unlink(name.c.as_ptr()) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

/// Decrement without blocking: whether it could.
fn try_decrement(vm: &mut Vm, sem: *mut libc::sem_t) -> PyResult<bool> {
    loop {
        // SAFETY: `sem` is an open semaphore (checked by `handle`).
        if unsafe { libc::sem_trywait(sem) } == 0 {
            return Ok(true);
        }
        match std::io::Error::last_os_error().raw_os_error() {
            Some(libc::EAGAIN) => return Ok(false),
            Some(libc::EINTR) => vm.check_signals()?,
            _ => return Err(last_error(vm, None)),
        }
    }
}

fn trywait(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "trywait", kw)?;
    check_args(vm, "trywait", args, 1, 1)?;
    let sem = handle(vm, &args[0])?;
    Ok(Value::Bool(try_decrement(vm, sem)?))
}

/// `wait(handle, timeout)`: decrement, waiting up to `timeout` seconds (None: for
/// ever); whether it did.
fn wait(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "wait", kw)?;
    check_args(vm, "wait", args, 2, 2)?;
    let sem = handle(vm, &args[0])?;
    let deadline = if args[1].is_none() {
        None
    } else {
        let seconds = tripwire_core::builtins::types::to_float(vm, &args[1])?.max(0.0);
        Some(Instant::now() + Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX / 4))
    };
    let mut nap = Duration::from_micros(500);
    loop {
        if try_decrement(vm, sem)? {
            return Ok(Value::Bool(true));
        }
        let now = Instant::now();
        let left = match deadline {
            Some(d) if d <= now => return Ok(Value::Bool(false)),
            Some(d) => d - now,
            None => Duration::MAX,
        };
        if vm.threads.count() >= 2 {
            vm.sleep_thread(nap.min(left))?;
            nap = (nap * 2).min(Duration::from_millis(20));
        } else if timed_wait(sem, left.min(SLICE)) {
            return Ok(Value::Bool(true));
        } else {
            vm.check_signals()?;
        }
    }
}

/// Block in `sem_timedwait` for at most `d`: whether it decremented.
fn timed_wait(sem: *mut libc::sem_t, d: Duration) -> bool {
    // SAFETY: an all-zero timespec is valid; clock_gettime fills it.
    let mut ts: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: `ts` is writable.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut ts) };
    let nanos = ts.tv_nsec as u64 + d.subsec_nanos() as u64;
    ts.tv_sec += d.as_secs() as libc::time_t + (nanos / 1_000_000_000) as libc::time_t;
    ts.tv_nsec = (nanos % 1_000_000_000) as _;
    // SAFETY: `sem` is an open semaphore and `ts` a valid time.
    unsafe { libc::sem_timedwait(sem, &ts) == 0 }
}

fn post(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "post", kw)?;
    check_args(vm, "post", args, 1, 1)?;
    let sem = handle(vm, &args[0])?;
    // SAFETY: `sem` is an open semaphore.
    if unsafe { libc::sem_post(sem) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn value(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "value", kw)?;
    check_args(vm, "value", args, 1, 1)?;
    let sem = handle(vm, &args[0])?;
    let mut v: libc::c_int = 0;
    // SAFETY: `sem` is an open semaphore and `v` writable.
    if unsafe { libc::sem_getvalue(sem, &mut v) } < 0 {
        let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(errno_error(vm, e, None, None));
    }
    // Linux reports minus the number of waiters on a semaphore at zero.
    Ok(Value::Int(v.max(0) as i64))
}

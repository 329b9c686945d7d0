//! `resource`: resource limits (`getrlimit`, `setrlimit`, `prlimit`), usage
//! (`getrusage` as `resource.struct_rusage`), `getpagesize`, the `RLIMIT_*` /
//! `RUSAGE_*` constants; `resource.error` is OSError, and the failures CPython turns
//! into ValueError are worded as its. Depends on `posix` (OSError), `pwd` (the
//! one-argument check), `structseq` and `libc`.

use crate::posix::{errno_error, last_error};
use crate::pwd::one_arg;
use crate::structseq;
use num_traits::ToPrimitive;
use tripwire_core::builtins::add_function;
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// The `struct_rusage` type of this interpreter.
struct RusageType(Value);

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    RLIMIT_AS,
    RLIMIT_CORE,
    RLIMIT_CPU,
    RLIMIT_DATA,
    RLIMIT_FSIZE,
    RLIMIT_MEMLOCK,
    RLIMIT_MSGQUEUE,
    RLIMIT_NICE,
    RLIMIT_NOFILE,
    RLIMIT_NPROC,
    RLIMIT_RSS,
    RLIMIT_RTPRIO,
    RLIMIT_RTTIME,
    RLIMIT_SIGPENDING,
    RLIMIT_STACK,
    RLIM_INFINITY,
    RUSAGE_CHILDREN,
    RUSAGE_SELF,
    RUSAGE_THREAD,
);

const FIELDS: &[&str] = &[
    "ru_utime",
    "ru_stime",
    "ru_maxrss",
    "ru_ixrss",
    "ru_idrss",
    "ru_isrss",
    "ru_minflt",
    "ru_majflt",
    "ru_nswap",
    "ru_inblock",
    "ru_oublock",
    "ru_msgsnd",
    "ru_msgrcv",
    "ru_nsignals",
    "ru_nvcsw",
    "ru_nivcsw",
];

const DOC: &str = "struct_rusage: Result from getrusage.\n\n\
This object may be accessed either as a tuple of\n    \
(utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,\n    \
nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)\n\
or via the attributes ru_utime, ru_stime, ru_maxrss, and so on.";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getrlimit", getrlimit),
    ("setrlimit", setrlimit),
    ("prlimit", prlimit),
    ("getrusage", getrusage),
    ("getpagesize", getpagesize),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = structseq::new_type(vm, "resource", "struct_rusage", FIELDS, DOC)?;
    d.set_str(vm.intern("struct_rusage"), t.clone());
    vm.set_extension_state(RusageType(t));
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "resource", name, *f);
    }
    for (name, value) in CONSTANTS {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    // Linux's old name for RLIMIT_NOFILE.
    d.set_str(
        vm.intern("RLIMIT_OFILE"),
        Value::Int(libc::RLIMIT_NOFILE as i64),
    );
    d.set_str(vm.intern("error"), Value::Type(vm.types.os_error.clone()));
    Ok(())
}

/// An integer argument converted as C's `int`.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    index_big(vm, v)?
        .to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))
}

/// An integer argument converted as C's `long`.
fn c_long(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    index_big(vm, v)?
        .to_i64()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C long"))
}

/// A `resource` argument: a C int naming one of the limits.
fn resource_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::__rlimit_resource_t> {
    let n = c_int(vm, v)?;
    // RLIMIT_RTTIME is the last of Linux's limits.
    if n < 0 || n > libc::RLIMIT_RTTIME as i32 {
        return Err(vm.value_error("invalid resource specified"));
    }
    Ok(n as libc::__rlimit_resource_t)
}

/// A limit as Python sees it: RLIM_INFINITY (all bits set) is -1.
fn limit_value(limit: libc::rlim_t) -> Value {
    Value::Int(limit as i64)
}

/// The `(soft, hard)` pair of `limits`, converted as C longs (so -1 is infinity).
fn limits_arg(vm: &mut Vm, limits: &Value) -> PyResult<libc::rlimit> {
    let items = vm.collect_iterable(limits)?;
    let [soft, hard] = items.as_slice() else {
        return Err(vm.value_error("expected a tuple of 2 integers"));
    };
    let mut pair = [0 as libc::rlim_t; 2];
    for (slot, v) in pair.iter_mut().zip([soft, hard]) {
        *slot = c_long(vm, v)? as libc::rlim_t;
    }
    Ok(libc::rlimit {
        rlim_cur: pair[0],
        rlim_max: pair[1],
    })
}

fn pair_value(limit: &libc::rlimit) -> Value {
    Value::tuple(vec![
        limit_value(limit.rlim_cur),
        limit_value(limit.rlim_max),
    ])
}

/// `getrlimit(resource)`: `(soft, hard)`.
fn getrlimit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "resource.getrlimit", args, kw)?;
    let resource = resource_arg(vm, v)?;
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: `limit` is a valid rlimit to write into.
    if unsafe { libc::getrlimit(resource, &mut limit) } == -1 {
        return Err(last_error(vm, None));
    }
    Ok(pair_value(&limit))
}

/// The error of a failed setrlimit / prlimit: CPython's ValueErrors for EINVAL
/// and (from setrlimit) EPERM.
fn set_error(vm: &mut Vm, from_setrlimit: bool) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    match errno {
        libc::EINVAL => vm.value_error("current limit exceeds maximum limit"),
        libc::EPERM if from_setrlimit => vm.value_error("not allowed to raise maximum limit"),
        _ => errno_error(vm, errno, None, None),
    }
}

/// `setrlimit(resource, limits)`.
fn setrlimit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("resource.setrlimit() takes no keyword arguments"));
    }
    let [resource, limits] = args else {
        return Err(vm.type_error(format!(
            "setrlimit expected 2 arguments, got {}",
            args.len()
        )));
    };
    let resource = resource_arg(vm, resource)?;
    let limit = limits_arg(vm, limits)?;
    // SAFETY: `limit` is a valid rlimit.
    if unsafe { libc::setrlimit(resource, &limit) } == -1 {
        return Err(set_error(vm, true));
    }
    Ok(Value::None)
}

/// `prlimit(pid, resource, limits=None)`: the old `(soft, hard)`, after setting
/// `limits` when given.
fn prlimit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("resource.prlimit() takes no keyword arguments"));
    }
    if !(2..=3).contains(&args.len()) {
        let bound = if args.len() < 2 {
            "at least 2"
        } else {
            "at most 3"
        };
        return Err(vm.type_error(format!(
            "prlimit expected {bound} arguments, got {}",
            args.len()
        )));
    }
    let pid = c_int(vm, &args[0])?;
    let resource = resource_arg(vm, &args[1])?;
    let new = match args.get(2) {
        None | Some(Value::None) => None,
        Some(v) => Some(limits_arg(vm, v)?),
    };
    let mut old = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    let new_ptr = new
        .as_ref()
        .map_or(std::ptr::null(), |l| l as *const libc::rlimit);
    // SAFETY: `new_ptr` is null or a valid rlimit; `old` is writable.
    if unsafe { libc::prlimit(pid, resource, new_ptr, &mut old) } == -1 {
        return Err(set_error(vm, false));
    }
    Ok(pair_value(&old))
}

/// `getrusage(who)` as a `struct_rusage`, times in float seconds.
fn getrusage(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "resource.getrusage", args, kw)?;
    let who = c_int(vm, v)?;
    // SAFETY: an all-zero rusage is valid; getrusage fills it.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid rusage to write into.
    if unsafe { libc::getrusage(who, &mut usage) } == -1 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        if errno == libc::EINVAL {
            return Err(vm.value_error("invalid who parameter"));
        }
        return Err(errno_error(vm, errno, None, None));
    }
    let seconds = |t: libc::timeval| Value::Float(t.tv_sec as f64 + t.tv_usec as f64 * 0.000001);
    let row = vec![
        seconds(usage.ru_utime),
        seconds(usage.ru_stime),
        Value::Int(usage.ru_maxrss as i64),
        Value::Int(usage.ru_ixrss as i64),
        Value::Int(usage.ru_idrss as i64),
        Value::Int(usage.ru_isrss as i64),
        Value::Int(usage.ru_minflt as i64),
        Value::Int(usage.ru_majflt as i64),
        Value::Int(usage.ru_nswap as i64),
        Value::Int(usage.ru_inblock as i64),
        Value::Int(usage.ru_oublock as i64),
        Value::Int(usage.ru_msgsnd as i64),
        Value::Int(usage.ru_msgrcv as i64),
        Value::Int(usage.ru_nsignals as i64),
        Value::Int(usage.ru_nvcsw as i64),
        Value::Int(usage.ru_nivcsw as i64),
    ];
    let t = match vm.extension_state::<RusageType>() {
        Some(RusageType(t)) => t.clone(),
        None => return Err(vm.runtime_error("resource is not initialised")),
    };
    structseq::instance(vm, &t, row)
}

/// `getpagesize()`.
fn getpagesize(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !args.is_empty() || !kw.is_empty() {
        return Err(vm.type_error(format!(
            "resource.getpagesize() takes no arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    // SAFETY: no memory is passed.
    Ok(Value::Int(
        unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64
    ))
}

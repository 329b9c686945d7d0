//! `fcntl`: `fcntl`, `ioctl`, `flock` and `lockf` on a descriptor (an int or an
//! object with `fileno()`), and the platform's constants. An int argument is passed
//! as is; a bytes or str one is copied to a buffer (at most 1024 bytes, as in CPython)
//! whose contents after the call are returned. A call interrupted by a signal runs
//! the handlers and is retried (PEP 475). Depends on `posix` (errors) and `libc`.

use crate::posix::last_error;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, arg_int, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    FD_CLOEXEC,
    F_DUPFD,
    F_DUPFD_CLOEXEC,
    F_GETFD,
    F_SETFD,
    F_GETFL,
    F_SETFL,
    F_GETLK,
    F_SETLK,
    F_SETLKW,
    F_OFD_GETLK,
    F_OFD_SETLK,
    F_OFD_SETLKW,
    F_RDLCK,
    F_WRLCK,
    F_UNLCK,
    F_GETOWN,
    F_SETOWN,
    F_GETLEASE,
    F_SETLEASE,
    F_NOTIFY,
    F_GETPIPE_SZ,
    F_SETPIPE_SZ,
    F_ADD_SEALS,
    F_GET_SEALS,
    F_SEAL_SEAL,
    F_SEAL_SHRINK,
    F_SEAL_GROW,
    F_SEAL_WRITE,
    LOCK_SH,
    LOCK_EX,
    LOCK_NB,
    LOCK_UN,
);

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("fcntl", fcntl),
    ("ioctl", ioctl),
    ("flock", flock),
    ("lockf", lockf),
];

/// The largest buffer argument, as CPython's.
const BUFFER_MAX: usize = 1024;

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "fcntl", name, *f);
    }
    for (name, value) in CONSTANTS {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    Ok(())
}

/// TypeError for keyword arguments, worded as CPython's.
fn no_keywords(vm: &Vm, func: &str, kw: &[KwArg]) -> PyResult<()> {
    if kw.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!("fcntl.{func}() takes no keyword arguments")))
}

/// The descriptor of an int or of an object with a `fileno()` method.
pub(crate) fn fd_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = match v {
        Value::Int(_) | Value::Bool(_) => arg_int(vm, v)?,
        _ => {
            let name = vm.intern("fileno");
            let Some(fileno) = vm.get_attr_opt(v, &name)? else {
                return Err(vm.type_error("argument must be an int, or have a fileno() method."));
            };
            let r = vm.call(&fileno, &[], &[])?;
            if !matches!(r, Value::Int(_) | Value::Bool(_)) {
                return Err(vm.type_error("fileno() returned a non-integer"));
            }
            arg_int(vm, &r)?
        }
    };
    if n < 0 {
        return Err(vm.value_error(format!(
            "file descriptor cannot be a negative integer ({n})"
        )));
    }
    i32::try_from(n).map_err(|_| vm.overflow_error("fd is greater than maximum"))
}

/// Run `call` until it is not interrupted; its result, or the OSError.
fn retrying(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = call();
        if r != -1 {
            return Ok(r);
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_error(vm, None));
        }
        vm.check_signals()?;
    }
}

/// A buffer argument's bytes (str as UTF-8), or None for an int argument.
fn buffer_arg(vm: &Vm, func: &str, v: &Value) -> PyResult<Option<Vec<u8>>> {
    let data = match v {
        Value::Str(s) => s.as_str().as_bytes().to_vec(),
        _ => match bytes_like(v) {
            Some(b) => b,
            None => return Ok(None),
        },
    };
    if data.len() > BUFFER_MAX {
        return Err(vm.value_error(format!("{func} string arg too long")));
    }
    Ok(Some(data))
}

/// `request(fd, cmd, arg)` with `arg` an int or a buffer (returned after the call).
fn control(
    vm: &mut Vm,
    func: &str,
    fd: i32,
    arg: &Value,
    request: impl Fn(i32, libc::c_ulong) -> libc::c_int,
) -> PyResult<Value> {
    if let Some(data) = buffer_arg(vm, func, arg)? {
        let mut buf = [0u8; BUFFER_MAX];
        buf[..data.len()].copy_from_slice(&data);
        let ptr = buf.as_mut_ptr() as libc::c_ulong;
        retrying(vm, || request(fd, ptr))?;
        return Ok(new_bytes(buf[..data.len()].to_vec()));
    }
    let n = arg_int(vm, arg)?;
    let n = libc::c_long::try_from(n)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C long"))?;
    Ok(Value::Int(
        retrying(vm, || request(fd, n as libc::c_ulong))? as i64,
    ))
}

/// `fcntl(fd, cmd, arg=0)`.
fn fcntl(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_keywords(vm, "fcntl", kw)?;
    check_args(vm, "fcntl", args, 2, 3)?;
    let fd = fd_arg(vm, &args[0])?;
    let cmd = i32::try_from(arg_int(vm, &args[1])?)
        .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))?;
    let arg = args.get(2).cloned().unwrap_or(Value::Int(0));
    // SAFETY: the third argument is an int or points to a buffer of BUFFER_MAX
    // bytes, as the caller's command expects (CPython passes the same).
    control(vm, "fcntl", fd, &arg, |fd, a| unsafe {
        libc::fcntl(fd, cmd, a)
    })
}

/// `ioctl(fd, request, arg=0, mutate_flag=True)`: a buffer argument is never
/// changed in place; its contents after the call are returned.
fn ioctl(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_keywords(vm, "ioctl", kw)?;
    check_args(vm, "ioctl", args, 2, 4)?;
    let fd = fd_arg(vm, &args[0])?;
    let request = arg_int(vm, &args[1])? as libc::c_ulong;
    let arg = args.get(2).cloned().unwrap_or(Value::Int(0));
    // SAFETY: as for fcntl.
    control(vm, "ioctl", fd, &arg, |fd, a| unsafe {
        libc::ioctl(fd, request as _, a)
    })
}

/// `flock(fd, operation)`.
fn flock(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_keywords(vm, "flock", kw)?;
    check_args(vm, "flock", args, 2, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let op = arg_int(vm, &args[1])? as libc::c_int;
    // SAFETY: no memory is passed.
    retrying(vm, || unsafe { libc::flock(fd, op) })?;
    Ok(Value::None)
}

/// `lockf(fd, cmd, len=0, start=0, whence=0)`: a `LOCK_*` request made as a record
/// lock with `fcntl`.
fn lockf(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_keywords(vm, "lockf", kw)?;
    check_args(vm, "lockf", args, 2, 5)?;
    let fd = fd_arg(vm, &args[0])?;
    let code = arg_int(vm, &args[1])? as libc::c_int;
    let mut numbers = [0i64; 3];
    for (slot, v) in numbers.iter_mut().zip(&args[2..]) {
        *slot = arg_int(vm, v)?;
    }
    let kind = if code == libc::LOCK_UN {
        libc::F_UNLCK
    } else if code & libc::LOCK_SH != 0 {
        libc::F_RDLCK
    } else if code & libc::LOCK_EX != 0 {
        libc::F_WRLCK
    } else {
        return Err(vm.value_error("unrecognized lockf argument"));
    };
    // SAFETY: an all-zero flock is a valid value of the plain C struct.
    let mut lock: libc::flock = unsafe { std::mem::zeroed() };
    lock.l_type = kind as _;
    lock.l_len = numbers[0] as libc::off_t;
    lock.l_start = numbers[1] as libc::off_t;
    lock.l_whence = numbers[2] as _;
    let cmd = if code & libc::LOCK_NB != 0 {
        libc::F_SETLK
    } else {
        libc::F_SETLKW
    };
    // SAFETY: `lock` is a valid flock for the record-lock command.
    retrying(vm, || unsafe { libc::fcntl(fd, cmd, &lock) })?;
    Ok(Value::None)
}

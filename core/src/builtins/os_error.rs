//! `OSError(errno, strerror[, filename[, winerror[, filename2]]])` as CPython builds
//! it: the subclass its errno names (`OSError(2, ...)` is a FileNotFoundError), the
//! `errno` / `strerror` / `filename` / `filename2` attributes, `args` cut to the
//! first two when a file name is given, and the `[Errno N] text: 'name'` message.

use crate::object::{TypeRef, Value};
use crate::vm::Vm;

/// The class `OSError(*args)` makes: a subclass for a known errno when `cls` is
/// OSError itself and two to five arguments are given; else `cls`.
pub fn class_for(vm: &Vm, cls: &TypeRef, args: &[Value]) -> TypeRef {
    let t = vm.types;
    if !std::rc::Rc::ptr_eq(cls, &t.os_error) || !(2..=5).contains(&args.len()) {
        return cls.clone();
    }
    let Some(Value::Int(errno)) = args.first() else {
        return cls.clone();
    };
    let Ok(errno) = i32::try_from(*errno) else {
        return cls.clone();
    };
    let sub = match errno {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => &t.blocking_io_error,
        libc::ECHILD => &t.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => &t.broken_pipe_error,
        libc::ECONNABORTED => &t.connection_aborted_error,
        libc::ECONNREFUSED => &t.connection_refused_error,
        libc::ECONNRESET => &t.connection_reset_error,
        libc::EEXIST => &t.file_exists_error,
        libc::ENOENT => &t.file_not_found_error,
        libc::EISDIR => &t.is_a_directory_error,
        libc::ENOTDIR => &t.not_a_directory_error,
        libc::EINTR => &t.interrupted_error,
        libc::EACCES | libc::EPERM => &t.permission_error,
        libc::ESRCH => &t.process_lookup_error,
        libc::ETIMEDOUT => &t.timeout_error,
        _ => cls,
    };
    sub.clone()
}

/// `OSError.__init__`: the attributes from the arguments, and the arguments kept
/// in `args` (all of them, or the first two when a file name is given).
pub fn init(vm: &Vm, exc: &Value, args: &[Value]) -> Value {
    let none = Value::None;
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&args.len()) {
        (
            &args[0],
            &args[1],
            args.get(2).unwrap_or(&none),
            args.get(4).unwrap_or(&none),
        )
    } else {
        (&none, &none, &none, &none)
    };
    if let Value::Instance(i) = exc {
        if let Some(d) = &i.dict {
            for (name, v) in [
                ("errno", errno),
                ("strerror", strerror),
                ("filename", filename),
                ("filename2", filename2),
            ] {
                d.set_str(vm.intern(name), v.clone());
            }
        }
    }
    let named = !filename.is_none() || !filename2.is_none();
    Value::tuple(if named {
        args[..2].to_vec()
    } else {
        args.to_vec()
    })
}

/// `[Errno N] text`, with `: 'name'` and ` -> 'name2'` when set; None when the
/// instance has no errno and strerror (its message is then its args').
pub fn message(vm: &mut Vm, exc: &Value) -> Option<String> {
    let Value::Instance(i) = exc else {
        return None;
    };
    let d = i.dict.clone()?;
    let get = |vm: &Vm, name: &str| d.get_str(&vm.intern(name)).unwrap_or(Value::None);
    let (errno, strerror) = (get(vm, "errno"), get(vm, "strerror"));
    let (filename, filename2) = (get(vm, "filename"), get(vm, "filename2"));
    if errno.is_none() || strerror.is_none() {
        return None;
    }
    let text = |vm: &mut Vm, v: &Value| vm.to_str(v).map(|s| s.as_str().to_string()).ok();
    let shown = |vm: &mut Vm, v: &Value| vm.repr(v).map(|s| s.as_str().to_string()).ok();
    let mut out = format!("[Errno {}] {}", text(vm, &errno)?, text(vm, &strerror)?);
    if !filename.is_none() {
        out.push_str(&format!(": {}", shown(vm, &filename)?));
        if !filename2.is_none() {
            out.push_str(&format!(" -> {}", shown(vm, &filename2)?));
        }
    }
    Some(out)
}

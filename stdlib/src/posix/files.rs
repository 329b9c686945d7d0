//! The calls of `posix` on file descriptors: open / close / read / write / lseek,
//! fstat, ftruncate, fsync, isatty, dup / dup2, pipe, the inheritable and blocking
//! flags; the `O_*` and `SEEK_*` constants. A read or write interrupted by a signal
//! is retried, as PEP 475 has CPython do; one that would block lets the other
//! threads run.

use super::{arg, check_kwargs, int_arg, last_error, path_arg, paths::stat_tuple};
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_int, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

pub(super) const CONSTANTS: &[(&str, i64)] = consts!(
    O_RDONLY,
    O_WRONLY,
    O_RDWR,
    O_ACCMODE,
    O_APPEND,
    O_CREAT,
    O_EXCL,
    O_TRUNC,
    O_NONBLOCK,
    O_NDELAY,
    O_NOFOLLOW,
    O_CLOEXEC,
    O_DIRECTORY,
    O_SYNC,
    O_DSYNC,
    O_NOCTTY,
    O_ASYNC,
    SEEK_SET,
    SEEK_CUR,
    SEEK_END,
    SEEK_DATA,
    SEEK_HOLE,
);

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("open", open),
    ("close", close),
    ("read", read),
    ("write", write),
    ("lseek", lseek),
    ("fstat", fstat),
    ("ftruncate", ftruncate),
    ("fsync", fsync),
    ("isatty", isatty),
    ("dup", dup),
    ("dup2", dup2),
    ("pipe", pipe),
    ("openpty", openpty),
    ("get_inheritable", get_inheritable),
    ("set_inheritable", set_inheritable),
    ("get_blocking", get_blocking),
    ("set_blocking", set_blocking),
];

/// Retry `call` while it fails with EINTR; the other errors as `OSError`.
pub(super) fn retrying(
    vm: &mut Vm,
    filename: Option<&Value>,
    mut call: impl FnMut() -> isize,
) -> PyResult<isize> {
    loop {
        let r = call();
        if r >= 0 {
            return Ok(r);
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_error(vm, filename));
        }
    }
}

/// With other Python threads, wait (letting them run) until a blocking `fd` is
/// ready for `events`, so that a read of a pipe another thread is to fill does not
/// stop that thread; alone, the call itself blocks, as in CPython.
fn wait_ready(vm: &mut Vm, fd: i32, events: libc::c_short) -> PyResult<()> {
    if vm.threads.count() < 2 {
        return Ok(());
    }
    // SAFETY: no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 || flags & libc::O_NONBLOCK != 0 {
        return Ok(());
    }
    let poll = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    vm.wait_io(&[poll], None)?;
    Ok(())
}

/// `open(path, flags, mode=0o777, *, dir_fd=None)`: the new descriptor, not
/// inheritable (O_CLOEXEC), as PEP 446 has it.
fn open(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "open", kw, &["path", "flags", "mode"])?;
    let (Some(path), Some(flags)) = (arg(args, kw, 0, "path"), arg(args, kw, 1, "flags")) else {
        return Err(vm.type_error("open() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "open", path)?;
    let flags = int_arg(vm, flags)? | libc::O_CLOEXEC;
    let mode = match arg(args, kw, 2, "mode") {
        Some(m) => int_arg(vm, m)? as libc::c_uint,
        None => 0o777,
    };
    let fd = retrying(vm, Some(&path.obj), || {
        // SAFETY: a valid NUL-terminated path; open has no other memory effects.
        unsafe { libc::open(path.c.as_ptr(), flags, mode) as isize }
    })?;
    Ok(Value::Int(fd as i64))
}

fn fd_only(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg]) -> PyResult<i32> {
    no_kwargs(vm, func, kw)?;
    check_args(vm, func, args, 1, 1)?;
    int_arg(vm, &args[0])
}

fn close(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "close", args, kw)?;
    // SAFETY: closing a descriptor number has no memory effects here (Python code
    // owns what the number means, as in CPython).
    if unsafe { libc::close(fd) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

/// `read(fd, n)`: at most n bytes; b'' at end of file.
fn read(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "read", kw)?;
    check_args(vm, "read", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let n = arg_int(vm, &args[1])?;
    let n = usize::try_from(n).map_err(|_| vm.value_error("negative count"))?;
    let mut buf: Vec<u8> = Vec::new();
    buf.try_reserve_exact(n)
        .map_err(|_| vm.new_error(&vm.types.memory_error.clone(), ""))?;
    wait_ready(vm, fd, libc::POLLIN)?;
    let got = retrying(vm, None, || {
        // SAFETY: buf has capacity for n bytes.
        unsafe { libc::read(fd, buf.as_mut_ptr().cast(), n) }
    })?;
    // SAFETY: read initialised the first `got` bytes (got <= n).
    unsafe { buf.set_len(got as usize) };
    Ok(new_bytes(buf))
}

/// `write(fd, data)`: the number of bytes written.
fn write(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "write", kw)?;
    check_args(vm, "write", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let Some(data) = bytes_like(&args[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    wait_ready(vm, fd, libc::POLLOUT)?;
    let n = retrying(vm, None, || {
        // SAFETY: data is a live buffer of data.len() bytes.
        unsafe { libc::write(fd, data.as_ptr().cast(), data.len()) }
    })?;
    Ok(Value::Int(n as i64))
}

fn lseek(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "lseek", kw)?;
    check_args(vm, "lseek", args, 3, 3)?;
    let fd = int_arg(vm, &args[0])?;
    let pos = arg_int(vm, &args[1])?;
    let how = int_arg(vm, &args[2])?;
    // SAFETY: no memory is passed.
    let r = unsafe { libc::lseek(fd, pos as libc::off_t, how) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn fstat(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "fstat", args, kw)?;
    // SAFETY: an all-zero stat is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    // SAFETY: st is a valid, writable stat.
    if unsafe { libc::fstat(fd, &mut st) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(stat_tuple(&st))
}

fn ftruncate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "ftruncate", kw)?;
    check_args(vm, "ftruncate", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let len = arg_int(vm, &args[1])?;
    // SAFETY: no memory is passed.
    if unsafe { libc::ftruncate(fd, len as libc::off_t) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn fsync(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "fsync", args, kw)?;
    // SAFETY: no memory is passed.
    if unsafe { libc::fsync(fd) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn isatty(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "isatty", args, kw)?;
    // SAFETY: no memory is passed.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn dup(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "dup", args, kw)?;
    // SAFETY: no memory is passed.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(r as i64))
}

fn dup2(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "dup2", kw, &["inheritable"])?;
    check_args(vm, "dup2", args, 2, 3)?;
    let fd = int_arg(vm, &args[0])?;
    let fd2 = int_arg(vm, &args[1])?;
    // SAFETY: no memory is passed.
    if unsafe { libc::dup2(fd, fd2) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(fd2 as i64))
}

fn pipe(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "pipe", kw)?;
    check_args(vm, "pipe", args, 0, 0)?;
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: fds has room for the two descriptors.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

/// `openpty()`: a new pseudo-terminal's (master, slave) descriptors, both
/// non-inheritable as CPython makes them.
fn openpty(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "openpty", kw)?;
    check_args(vm, "openpty", args, 0, 0)?;
    let (mut master, mut slave) = (0 as libc::c_int, 0 as libc::c_int);
    // SAFETY: the two out-pointers are valid; name, termios and winsize may be null.
    let opened = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            std::ptr::null(),
        )
    };
    if opened < 0 {
        return Err(last_error(vm, None));
    }
    for fd in [master, slave] {
        // SAFETY: no memory is passed.
        unsafe { libc::fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC) };
    }
    Ok(Value::tuple(vec![
        Value::Int(master as i64),
        Value::Int(slave as i64),
    ]))
}

fn get_inheritable(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "get_inheritable", args, kw)?;
    // SAFETY: no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Bool(flags & libc::FD_CLOEXEC == 0))
}

fn set_inheritable(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "set_inheritable", kw)?;
    check_args(vm, "set_inheritable", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let inheritable = vm.truthy(&args[1])?;
    // SAFETY: no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    let flags = if inheritable {
        flags & !libc::FD_CLOEXEC
    } else {
        flags | libc::FD_CLOEXEC
    };
    // SAFETY: no memory is passed.
    if unsafe { libc::fcntl(fd, libc::F_SETFD, flags) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn get_blocking(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let fd = fd_only(vm, "get_blocking", args, kw)?;
    // SAFETY: no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Bool(flags & libc::O_NONBLOCK == 0))
}

/// `set_blocking(fd, blocking)`: clear or set O_NONBLOCK.
fn set_blocking(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "set_blocking", kw)?;
    check_args(vm, "set_blocking", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let blocking = vm.truthy(&args[1])?;
    // SAFETY: no memory is passed.
    let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
    if flags < 0 {
        return Err(last_error(vm, None));
    }
    let flags = if blocking {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    // SAFETY: no memory is passed.
    if unsafe { libc::fcntl(fd, libc::F_SETFL, flags) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

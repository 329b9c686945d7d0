//! The calls of `posix` about the process: ids, `kill` / `killpg`, `pidfd_open`,
//! `urandom`, `strerror`, `_exit`,
//! `cpu_count`, the terminal's size, and the environment (`_environ_items`, the
//! bytes pairs `posix.environ` is built from; `putenv` / `unsetenv`), `waitpid` and
//! the wait-status macros (`WIFEXITED` ..., `waitstatus_to_exitcode`).
//! `waitpid` lets the other Python threads run while it waits.

use super::{int_arg, last_error, path_arg, strerror};
use std::os::unix::ffi::OsStrExt;
use std::time::Duration;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_int, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// A wait-status test of libc (`WIFEXITED` ...) as a function returning a bool.
macro_rules! status_test {
    ($name:ident) => {
        (stringify!($name), |vm, args, kw| {
            wait_status(vm, args, kw, stringify!($name), |s| {
                Value::Bool(libc::$name(s))
            })
        })
    };
}

/// A field of a wait status (`WEXITSTATUS` ...) as a function returning an int.
macro_rules! status_field {
    ($name:ident) => {
        (stringify!($name), |vm, args, kw| {
            wait_status(vm, args, kw, stringify!($name), |s| {
                Value::Int(libc::$name(s) as i64)
            })
        })
    };
}

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpid", getpid),
    ("getppid", getppid),
    ("getuid", getuid),
    ("geteuid", geteuid),
    ("getgid", getgid),
    ("getegid", getegid),
    ("urandom", urandom),
    ("strerror", strerror_fn),
    ("_exit", exit_now),
    ("cpu_count", cpu_count),
    ("_terminal_size", terminal_size),
    ("_environ_items", environ_items),
    ("putenv", putenv),
    ("unsetenv", unsetenv),
    ("waitpid", waitpid),
    ("kill", kill),
    ("pidfd_open", pidfd_open),
    ("killpg", killpg),
    ("getpgrp", getpgrp),
    ("waitstatus_to_exitcode", waitstatus_to_exitcode),
    status_test!(WIFEXITED),
    status_field!(WEXITSTATUS),
    status_test!(WIFSIGNALED),
    status_field!(WTERMSIG),
    status_test!(WIFSTOPPED),
    status_field!(WSTOPSIG),
    status_test!(WIFCONTINUED),
    status_test!(WCOREDUMP),
];

pub(super) const CONSTANTS: &[(&str, i64)] = &[
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
];

/// A call without arguments returning libc's number.
fn id_call(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kw: &[KwArg],
    id: fn() -> i64,
) -> PyResult<Value> {
    no_kwargs(vm, func, kw)?;
    check_args(vm, func, args, 0, 0)?;
    Ok(Value::Int(id()))
}

// SAFETY (all six): the id calls have no arguments and cannot fail.
fn getpid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getpid", args, kw, || unsafe { libc::getpid() } as i64)
}
fn getppid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getppid", args, kw, || unsafe { libc::getppid() }
        as i64)
}
fn getuid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getuid", args, kw, || unsafe { libc::getuid() } as i64)
}
fn geteuid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "geteuid", args, kw, || unsafe { libc::geteuid() }
        as i64)
}
fn getgid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getgid", args, kw, || unsafe { libc::getgid() } as i64)
}
fn getegid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getegid", args, kw, || unsafe { libc::getegid() }
        as i64)
}

fn getpgrp(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    id_call(vm, "getpgrp", args, kw, || unsafe { libc::getpgrp() }
        as i64)
}

/// `kill(pid, signal)` and `killpg(pgid, signal)`; a handler of a signal sent to
/// this process runs before the call returns, as in CPython.
fn send_signal(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kw: &[KwArg],
    send: unsafe extern "C" fn(libc::pid_t, libc::c_int) -> libc::c_int,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 2, 2)?;
    let pid = int_arg(vm, &args[0])?;
    let sig = int_arg(vm, &args[1])?;
    // SAFETY: no memory is passed.
    if unsafe { send(pid, sig) } < 0 {
        return Err(last_error(vm, None));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `pidfd_open(pid, flags=0)`: a descriptor that becomes readable when the child
/// `pid` ends (asyncio watches children through it).
fn pidfd_open(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "pidfd_open", kw)?;
    check_args(vm, "pidfd_open", args, 1, 2)?;
    let pid = int_arg(vm, &args[0])?;
    let flags = match args.get(1) {
        Some(v) => int_arg(vm, v)?,
        None => 0,
    };
    // SAFETY: the system call takes two ints and returns a descriptor.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, flags) };
    if fd < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::Int(fd))
}

fn kill(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    send_signal(vm, "kill", args, kw, libc::kill)
}

fn killpg(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    send_signal(vm, "killpg", args, kw, libc::killpg)
}

/// `urandom(n)`: n bytes from the kernel's generator.
fn urandom(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "urandom", kw)?;
    check_args(vm, "urandom", args, 1, 1)?;
    let n = arg_int(vm, &args[0])?;
    let n = usize::try_from(n).map_err(|_| vm.value_error("negative argument not allowed"))?;
    // A size the program chose: refused with MemoryError, not an abort.
    let mut buf = Vec::new();
    if buf.try_reserve_exact(n).is_err() {
        return Err(vm.memory_error());
    }
    buf.resize(n, 0u8);
    let mut filled = 0;
    while filled < n {
        // SAFETY: the pointer and length stay inside buf.
        let r = unsafe { libc::getrandom(buf[filled..].as_mut_ptr().cast(), n - filled, 0) };
        if r < 0 {
            if std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
                continue;
            }
            return Err(last_error(vm, None));
        }
        filled += r as usize;
    }
    Ok(new_bytes(buf))
}

fn strerror_fn(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "strerror", kw)?;
    check_args(vm, "strerror", args, 1, 1)?;
    let n = int_arg(vm, &args[0])?;
    Ok(Value::from_string(strerror(n)))
}

/// `_exit(status)`: end the process at once, without flushing or exit handlers.
fn exit_now(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_exit", kw)?;
    check_args(vm, "_exit", args, 1, 1)?;
    let status = int_arg(vm, &args[0])?;
    // SAFETY: ends the process; nothing of it runs after.
    unsafe { libc::_exit(status) }
}

fn cpu_count(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "cpu_count", kw)?;
    check_args(vm, "cpu_count", args, 0, 0)?;
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}

/// `_terminal_size(fd)`: (columns, lines) of the terminal on fd.
fn terminal_size(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "get_terminal_size", kw)?;
    check_args(vm, "get_terminal_size", args, 1, 1)?;
    let fd = int_arg(vm, &args[0])?;
    // SAFETY: an all-zero winsize is a valid value of the plain C struct.
    let mut ws: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize.
    if unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut ws) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::tuple(vec![
        Value::Int(ws.ws_col as i64),
        Value::Int(ws.ws_row as i64),
    ]))
}

/// The environment at this moment, as (name, value) bytes pairs.
fn environ_items(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_environ_items", kw)?;
    check_args(vm, "_environ_items", args, 0, 0)?;
    Ok(Value::list(
        std::env::vars_os()
            .map(|(k, v)| {
                Value::tuple(vec![
                    new_bytes(k.as_bytes().to_vec()),
                    new_bytes(v.as_bytes().to_vec()),
                ])
            })
            .collect(),
    ))
}

/// `putenv(name, value)`: names with '=' are refused, as CPython does.
fn putenv(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "putenv", kw)?;
    check_args(vm, "putenv", args, 2, 2)?;
    let name = path_arg(vm, "putenv", &args[0])?;
    let value = path_arg(vm, "putenv", &args[1])?;
    if name.c.as_bytes().is_empty() || name.c.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: NUL-terminated strings; libc copies them.
    if unsafe { libc::setenv(name.c.as_ptr(), value.c.as_ptr(), 1) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "unsetenv", kw)?;
    check_args(vm, "unsetenv", args, 1, 1)?;
    let name = path_arg(vm, "unsetenv", &args[0])?;
    if name.c.as_bytes().is_empty() || name.c.as_bytes().contains(&b'=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    // SAFETY: a NUL-terminated string.
    if unsafe { libc::unsetenv(name.c.as_ptr()) } < 0 {
        return Err(last_error(vm, None));
    }
    Ok(Value::None)
}

/// `waitpid(pid, options)`: (pid, status); EINTR runs the signal handlers and
/// retries (PEP 475).
fn waitpid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "waitpid", kw)?;
    check_args(vm, "waitpid", args, 2, 2)?;
    let pid = int_arg(vm, &args[0])?;
    let options = int_arg(vm, &args[1])?;
    let mut status = 0;
    if options & libc::WNOHANG == 0 {
        wait_for_child_thread_friendly(vm, pid, options)?;
    }
    loop {
        // SAFETY: `status` is writable.
        let r = unsafe { libc::waitpid(pid, &mut status, options) };
        if r >= 0 {
            return Ok(Value::tuple(vec![
                Value::Int(r as i64),
                Value::Int(status as i64),
            ]));
        }
        if std::io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(last_error(vm, None));
        }
        vm.check_signals()?;
    }
}

/// With other Python threads, let them run until a child `waitpid(pid, options)`
/// waits for has changed state (polling with `WNOHANG`, `WNOWAIT` leaving it to be
/// reaped); alone, `waitpid` itself blocks, as in CPython.
fn wait_for_child_thread_friendly(vm: &mut Vm, pid: i32, options: i32) -> PyResult<()> {
    let mut nap = Duration::from_micros(500);
    while vm.threads.count() >= 2 {
        // SAFETY: a zeroed siginfo_t is a valid value of the plain C struct, which
        // waitid fills.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let (idtype, id) = match pid {
            -1 => (libc::P_ALL, 0),
            0 => (libc::P_PGID, 0),
            p if p < -1 => (libc::P_PGID, p.unsigned_abs()),
            p => (libc::P_PID, p as libc::id_t),
        };
        let mut flags = libc::WEXITED | libc::WNOHANG | libc::WNOWAIT;
        flags |= options & (libc::WUNTRACED | libc::WCONTINUED);
        // SAFETY: `info` is writable.
        let r = unsafe { libc::waitid(idtype, id, &mut info, flags) };
        // SAFETY: si_pid is set by waitid (0 when no child changed state).
        if r < 0 || unsafe { info.si_pid() } != 0 {
            return Ok(());
        }
        vm.sleep_thread(nap)?;
        nap = (nap * 2).min(Duration::from_millis(20));
    }
    Ok(())
}

/// A wait-status macro applied to its one int argument.
fn wait_status(
    vm: &mut Vm,
    args: &[Value],
    kw: &[KwArg],
    name: &str,
    f: fn(libc::c_int) -> Value,
) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 1, 1)?;
    Ok(f(int_arg(vm, &args[0])?))
}

/// `waitstatus_to_exitcode(status)`: the exit code, or minus the signal number.
fn waitstatus_to_exitcode(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "waitstatus_to_exitcode", kw)?;
    check_args(vm, "waitstatus_to_exitcode", args, 1, 1)?;
    let status = int_arg(vm, &args[0])?;
    if libc::WIFEXITED(status) {
        return Ok(Value::Int(libc::WEXITSTATUS(status) as i64));
    }
    if libc::WIFSIGNALED(status) {
        return Ok(Value::Int(-(libc::WTERMSIG(status) as i64)));
    }
    if libc::WIFSTOPPED(status) {
        return Err(vm.value_error(format!(
            "process stopped by delivery of signal {}",
            libc::WSTOPSIG(status)
        )));
    }
    Err(vm.value_error(format!("invalid wait status: {status}")))
}

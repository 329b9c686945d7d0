//! `_signal`, under CPython's `signal.py`: the signal numbers, `signal` /
//! `getsignal` over core's handler table (`tripwire_core::vm::signals`, which runs
//! Python handlers in the main thread between instructions), `default_int_handler`,
//! `raise_signal`, `alarm`, `pause`, `strsignal`, `valid_signals`, `set_wakeup_fd`
//! (an event loop's self-pipe gets each signal's number) and `siginterrupt`.

use tripwire_core::builtins::{add_function, arg_int, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::vm::signals::{action, set_action, SignalAction, NSIG};
use tripwire_core::{PyResult, Vm};

const SIG_DFL: i64 = 0;
const SIG_IGN: i64 = 1;

/// The signals the platform names, as `signal.py` expects them.
const NAMES: &[(&str, libc::c_int)] = &[
    ("SIGHUP", libc::SIGHUP),
    ("SIGINT", libc::SIGINT),
    ("SIGQUIT", libc::SIGQUIT),
    ("SIGILL", libc::SIGILL),
    ("SIGTRAP", libc::SIGTRAP),
    ("SIGABRT", libc::SIGABRT),
    ("SIGIOT", libc::SIGIOT),
    ("SIGBUS", libc::SIGBUS),
    ("SIGFPE", libc::SIGFPE),
    ("SIGKILL", libc::SIGKILL),
    ("SIGUSR1", libc::SIGUSR1),
    ("SIGSEGV", libc::SIGSEGV),
    ("SIGUSR2", libc::SIGUSR2),
    ("SIGPIPE", libc::SIGPIPE),
    ("SIGALRM", libc::SIGALRM),
    ("SIGTERM", libc::SIGTERM),
    ("SIGCHLD", libc::SIGCHLD),
    ("SIGCONT", libc::SIGCONT),
    ("SIGSTOP", libc::SIGSTOP),
    ("SIGTSTP", libc::SIGTSTP),
    ("SIGTTIN", libc::SIGTTIN),
    ("SIGTTOU", libc::SIGTTOU),
    ("SIGURG", libc::SIGURG),
    ("SIGXCPU", libc::SIGXCPU),
    ("SIGXFSZ", libc::SIGXFSZ),
    ("SIGVTALRM", libc::SIGVTALRM),
    ("SIGPROF", libc::SIGPROF),
    ("SIGWINCH", libc::SIGWINCH),
    ("SIGIO", libc::SIGIO),
    ("SIGSYS", libc::SIGSYS),
    #[cfg(target_os = "linux")]
    ("SIGPOLL", libc::SIGPOLL),
    #[cfg(target_os = "linux")]
    ("SIGPWR", libc::SIGPWR),
    #[cfg(target_os = "linux")]
    ("SIGSTKFLT", libc::SIGSTKFLT),
];

/// A signal number argument, in range.
fn signal_number(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = arg_int(vm, v)?;
    match i32::try_from(n) {
        Ok(sig) if (1..NSIG).contains(&sig) => Ok(sig),
        _ => Err(vm.value_error("signal number out of range")),
    }
}

/// `OSError(errno, strerror(errno))`, of the subclass the errno selects.
fn os_error(vm: &mut Vm, errno: i32) -> tripwire_core::vm::PyErr {
    // SAFETY: strerror returns a pointer to a NUL-terminated message.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::strerror(errno)) }
        .to_string_lossy()
        .into_owned();
    let cls = Value::Type(vm.types.os_error.clone());
    match vm.call(
        &cls,
        &[Value::Int(errno as i64), Value::from_string(text)],
        &[],
    ) {
        Ok(exc) => tripwire_core::vm::PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// The Python value of an action (`default_int_handler` is `interrupt`).
fn action_value(a: SignalAction, interrupt: Value) -> Value {
    match a {
        SignalAction::Default => Value::Int(SIG_DFL),
        SignalAction::Ignore => Value::Int(SIG_IGN),
        SignalAction::Interrupt => interrupt,
        SignalAction::Python(f) => f,
    }
}

fn default_int_handler_value(vm: &mut Vm) -> Value {
    let key = vm.intern("default_int_handler");
    let module = vm.intern("_signal");
    vm.modules
        .get_str(&module)
        .and_then(|m| match m {
            Value::Module(m) => m.dict.get_str(&key),
            _ => None,
        })
        .unwrap_or(Value::None)
}

/// `signal(signalnum, handler)`: install a handler, return the previous one.
fn signal(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "signal", args, 2, 2)?;
    let sig = signal_number(vm, &args[0])?;
    if !vm.threads.main_runs() {
        return Err(vm.value_error("signal only works in main thread of the main interpreter"));
    }
    let interrupt = default_int_handler_value(vm);
    let handler = &args[1];
    let new = match handler {
        Value::Int(SIG_DFL) => SignalAction::Default,
        Value::Int(SIG_IGN) => SignalAction::Ignore,
        h if h.is(&interrupt) && sig == libc::SIGINT => SignalAction::Interrupt,
        h if tripwire_core::builtins::functions::is_callable(vm, h) => {
            SignalAction::Python(h.clone())
        }
        _ => {
            return Err(vm.type_error(
                "signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object",
            ))
        }
    };
    let old = action(sig).map_err(|e| os_error(vm, e))?;
    set_action(sig, new).map_err(|e| os_error(vm, e))?;
    Ok(action_value(old, interrupt))
}

/// `getsignal(signalnum)`.
fn getsignal(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getsignal", args, 1, 1)?;
    let sig = signal_number(vm, &args[0])?;
    let interrupt = default_int_handler_value(vm);
    let a = action(sig).map_err(|e| os_error(vm, e))?;
    Ok(action_value(a, interrupt))
}

/// `default_int_handler(signalnum, frame)`: raise KeyboardInterrupt.
fn default_int_handler(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Err(vm.keyboard_interrupt())
}

/// `raise_signal(signalnum)`: the handler runs before this returns.
fn raise_signal(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "raise_signal", args, 1, 1)?;
    let sig = signal_number(vm, &args[0])?;
    // SAFETY: raising a signal at this process.
    if unsafe { libc::raise(sig) } != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(os_error(vm, errno));
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `alarm(seconds)`: the seconds left of the previous alarm.
fn alarm(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "alarm", args, 1, 1)?;
    let secs = arg_int(vm, &args[0])?;
    let secs = u32::try_from(secs)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C unsigned int"))?;
    // SAFETY: alarm only schedules SIGALRM.
    Ok(Value::Int(unsafe { libc::alarm(secs) } as i64))
}

/// `pause()`: wait for a signal, then run its handler.
fn pause(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "pause", args, 0, 0)?;
    vm.flush_stdout_quietly();
    while !tripwire_core::vm::signals::interrupt_pending() {
        tripwire_core::vm::signals::nap(
            std::time::Instant::now() + std::time::Duration::from_secs(1),
        );
    }
    vm.check_signals()?;
    Ok(Value::None)
}

/// `strsignal(signalnum)`: the system's description, or None.
fn strsignal(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "strsignal", args, 1, 1)?;
    let sig = signal_number(vm, &args[0])?;
    // SAFETY: strsignal returns a NUL-terminated string or null.
    let p = unsafe { libc::strsignal(sig) };
    if p.is_null() {
        return Ok(Value::None);
    }
    // SAFETY: checked non-null above.
    let text = unsafe { std::ffi::CStr::from_ptr(p) }
        .to_string_lossy()
        .into_owned();
    Ok(Value::from_string(text))
}

/// `valid_signals()`: the signal numbers of this platform.
fn valid_signals(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "valid_signals", args, 0, 0)?;
    let items = (1..NSIG).map(|n| Value::Int(n as i64)).collect();
    vm.new_set(items, false)
}

/// `set_wakeup_fd(fd, /, *, warn_on_full_buffer=True)`: the previous descriptor.
fn set_wakeup_fd(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "set_wakeup_fd", args, 1, 1)?;
    if let Some((k, _)) = kw.iter().find(|(k, _)| k.as_str() != "warn_on_full_buffer") {
        return Err(vm.type_error(format!(
            "set_wakeup_fd() got an unexpected keyword argument '{}'",
            k.as_str()
        )));
    }
    let fd = arg_int(vm, &args[0])?;
    let fd = i32::try_from(fd)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    if !vm.threads.main_runs() {
        return Err(
            vm.value_error("set_wakeup_fd only works in main thread of the main interpreter")
        );
    }
    if fd != -1 {
        // SAFETY: fcntl only reads the descriptor's status flags.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFL) };
        if flags < 0 {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Err(os_error(vm, errno));
        }
        if flags & libc::O_NONBLOCK == 0 {
            return Err(vm.value_error(format!("the fd {fd} must be in non-blocking mode")));
        }
    }
    Ok(Value::Int(
        tripwire_core::vm::signals::set_wakeup_fd(fd) as i64
    ))
}

/// `siginterrupt(signalnum, flag)`: whether a system call the signal interrupts
/// fails with EINTR (true) or is restarted.
fn siginterrupt(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "siginterrupt", args, 2, 2)?;
    let sig = signal_number(vm, &args[0])?;
    let interrupt = vm.truthy(&args[1])?;
    // SAFETY: sigaction reads the current action into a zeroed struct, then sets it
    // back with only SA_RESTART changed.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(sig, std::ptr::null(), &mut act) == 0 {
            if interrupt {
                act.sa_flags &= !libc::SA_RESTART;
            } else {
                act.sa_flags |= libc::SA_RESTART;
            }
            libc::sigaction(sig, &act, std::ptr::null_mut())
        } else {
            -1
        }
    };
    if r != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(os_error(vm, errno));
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, n) in NAMES {
        d.set_str(vm.intern(name), Value::Int(*n as i64));
    }
    for (name, v) in [
        ("SIG_DFL", SIG_DFL),
        ("SIG_IGN", SIG_IGN),
        ("NSIG", NSIG as i64),
    ] {
        d.set_str(vm.intern(name), Value::Int(v));
    }
    let fns: &[(&'static str, tripwire_core::object::NativeFn)] = &[
        ("signal", signal),
        ("getsignal", getsignal),
        ("default_int_handler", default_int_handler),
        ("raise_signal", raise_signal),
        ("alarm", alarm),
        ("pause", pause),
        ("strsignal", strsignal),
        ("valid_signals", valid_signals),
        ("set_wakeup_fd", set_wakeup_fd),
        ("siginterrupt", siginterrupt),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_signal", name, *f);
    }
    Ok(())
}

//! `syslog`: the system logger through libc (`openlog`, `syslog`, `closelog`,
//! `setlogmask`, `LOG_MASK`, `LOG_UPTO` and the priority, facility and option
//! constants). The identity string libc keeps a pointer to is owned here until the
//! next `openlog` or `closelog`. Depends on core's public API and `libc`.

use std::cell::RefCell;
use std::ffi::CString;
use tripwire_core::builtins::{add_function, arg_int, parse_clinic_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    LOG_EMERG,
    LOG_ALERT,
    LOG_CRIT,
    LOG_ERR,
    LOG_WARNING,
    LOG_NOTICE,
    LOG_INFO,
    LOG_DEBUG,
    LOG_KERN,
    LOG_USER,
    LOG_MAIL,
    LOG_DAEMON,
    LOG_AUTH,
    LOG_SYSLOG,
    LOG_LPR,
    LOG_NEWS,
    LOG_UUCP,
    LOG_CRON,
    LOG_AUTHPRIV,
    LOG_FTP,
    LOG_LOCAL0,
    LOG_LOCAL1,
    LOG_LOCAL2,
    LOG_LOCAL3,
    LOG_LOCAL4,
    LOG_LOCAL5,
    LOG_LOCAL6,
    LOG_LOCAL7,
    LOG_PID,
    LOG_CONS,
    LOG_ODELAY,
    LOG_NDELAY,
    LOG_NOWAIT,
    LOG_PERROR,
);

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("openlog", openlog),
    ("syslog", syslog),
    ("closelog", closelog),
    ("setlogmask", setlogmask),
    ("LOG_MASK", log_mask),
    ("LOG_UPTO", log_upto),
];

thread_local! {
    /// The identity given to libc's openlog, kept alive while the log is open;
    /// None while it is not opened by this module.
    static IDENT: RefCell<Option<CString>> = const { RefCell::new(None) };
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "syslog", name, *f);
    }
    for (name, value) in CONSTANTS {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    Ok(())
}

/// A C int argument.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = arg_int(vm, v)?;
    libc::c_int::try_from(n)
        .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// A str argument as a C string (UTF-8), CPython's ValueError for a NUL in it.
fn text(vm: &Vm, v: &Value) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(vm.type_error("expected str"));
    };
    CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))
}

/// The default identity: the base name of `sys.argv[0]`, as CPython's.
fn program_name(vm: &mut Vm) -> Option<CString> {
    let argv = vm.sys.dict.get_str(&vm.intern("argv"))?;
    let Value::List(l) = argv else {
        return None;
    };
    let first = l.items.borrow().first().cloned()?;
    let Value::Str(s) = first else {
        return None;
    };
    let name = s.as_str().rsplit('/').next().unwrap_or("");
    if name.is_empty() {
        return None;
    }
    CString::new(name).ok()
}

/// Open the log with `ident` (None: the program's name), keeping the string.
fn open_with(ident: Option<CString>, option: libc::c_int, facility: libc::c_int) {
    IDENT.with(|slot| {
        let mut slot = slot.borrow_mut();
        *slot = ident;
        let ptr = slot.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        // SAFETY: `ptr` is null or a C string kept in IDENT until the next
        // openlog or closelog.
        unsafe { libc::openlog(ptr, option, facility) };
    });
}

/// `openlog(ident=None, logoption=0, facility=LOG_USER)`.
fn openlog(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [ident, option, facility] = parse_clinic_args(
        vm,
        "openlog",
        ["ident", "logoption", "facility"],
        3,
        0,
        args,
        kw,
    )?;
    let ident = match ident {
        None | Some(Value::None) => program_name(vm),
        Some(Value::Str(s)) => Some(text(vm, &Value::Str(s))?),
        Some(other) => {
            return Err(vm.type_error(format!(
                "openlog() argument 'ident' must be str, not {}",
                vm.type_name(&other)
            )))
        }
    };
    let option = match option {
        Some(v) => c_int(vm, &v)?,
        None => 0,
    };
    let facility = match facility {
        Some(v) => c_int(vm, &v)?,
        None => libc::LOG_USER,
    };
    open_with(ident, option, facility);
    Ok(Value::None)
}

/// `syslog([priority=LOG_INFO,] message)`: the log is opened first if it is not.
fn syslog(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("syslog() takes no keyword arguments"));
    }
    let (priority, message) = match args {
        [message] => (libc::LOG_INFO, message),
        [priority, message] => (c_int(vm, priority)?, message),
        _ => return Err(vm.type_error("syslog.syslog requires 1 to 2 arguments")),
    };
    if !matches!(message, Value::Str(_)) {
        return Err(vm.type_error(format!(
            "syslog() argument {} must be str, not {}",
            args.len(),
            vm.type_name(message)
        )));
    }
    let message = text(vm, message)?;
    if IDENT.with(|slot| slot.borrow().is_none()) {
        let ident = program_name(vm);
        open_with(ident, 0, libc::LOG_USER);
    }
    // SAFETY: the format is a constant "%s" and `message` a C string.
    unsafe { libc::syslog(priority, c"%s".as_ptr(), message.as_ptr()) };
    Ok(Value::None)
}

/// `closelog()`.
fn closelog(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [] = parse_clinic_args(vm, "closelog", [], 0, 0, args, kw)?;
    IDENT.with(|slot| {
        // SAFETY: no memory is passed; the identity is dropped after.
        unsafe { libc::closelog() };
        *slot.borrow_mut() = None;
    });
    Ok(Value::None)
}

/// `setlogmask(maskpri)`: the previous mask (0 leaves it as it is).
fn setlogmask(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [Some(mask)] = parse_clinic_args(vm, "setlogmask", ["maskpri"], 1, 1, args, kw)? else {
        return Err(vm.type_error("setlogmask() missing required argument 'maskpri' (pos 1)"));
    };
    let mask = c_int(vm, &mask)?;
    // SAFETY: no memory is passed.
    Ok(Value::Int(unsafe { libc::setlogmask(mask) } as i64))
}

/// `LOG_MASK(pri)`: the mask bit of one priority.
fn log_mask(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [Some(pri)] = parse_clinic_args(vm, "LOG_MASK", ["pri"], 1, 1, args, kw)? else {
        return Err(vm.type_error("LOG_MASK() missing required argument 'pri' (pos 1)"));
    };
    let pri = c_int(vm, &pri)?;
    Ok(Value::Int(1i64.wrapping_shl(pri as u32) as i32 as i64))
}

/// `LOG_UPTO(pri)`: the mask of all priorities up to `pri`.
fn log_upto(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [Some(pri)] = parse_clinic_args(vm, "LOG_UPTO", ["pri"], 1, 1, args, kw)? else {
        return Err(vm.type_error("LOG_UPTO() missing required argument 'pri' (pos 1)"));
    };
    let pri = c_int(vm, &pri)?;
    let upto = 1i64
        .wrapping_shl(pri.wrapping_add(1) as u32)
        .wrapping_sub(1);
    Ok(Value::Int(upto as i32 as i64))
}

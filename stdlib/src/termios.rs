//! `termios`: terminal attributes (`tcgetattr` / `tcsetattr` as CPython's 7-item
//! lists), line control (`tcsendbreak`, `tcdrain`, `tcflush`, `tcflow`), window
//! sizes, the platform's constants and `termios.error`, raised as
//! `error(errno, strerror)` for a failing call. Depends on `fcntl` (descriptor
//! arguments), `posix` (strerror) and `libc`.

use crate::fcntl::fd_arg;
use crate::posix::strerror;
use tripwire_core::builtins::{add_function, arg_int};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// The `termios.error` class of this interpreter.
struct TermiosError(TypeRef);

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    B0,
    B50,
    B75,
    B110,
    B134,
    B150,
    B200,
    B300,
    B600,
    B1200,
    B1800,
    B2400,
    B4800,
    B9600,
    B19200,
    B38400,
    B57600,
    B115200,
    B230400,
    B460800,
    B500000,
    B576000,
    B921600,
    B1000000,
    B1152000,
    B1500000,
    B2000000,
    B2500000,
    B3000000,
    B3500000,
    B4000000,
    BRKINT,
    BS0,
    BS1,
    BSDLY,
    CBAUD,
    CBAUDEX,
    CIBAUD,
    CLOCAL,
    CR0,
    CR1,
    CR2,
    CR3,
    CRDLY,
    CREAD,
    CRTSCTS,
    CS5,
    CS6,
    CS7,
    CS8,
    CSIZE,
    CSTOPB,
    ECHO,
    ECHOCTL,
    ECHOE,
    ECHOK,
    ECHOKE,
    ECHONL,
    ECHOPRT,
    EXTA,
    EXTB,
    EXTPROC,
    FF0,
    FF1,
    FFDLY,
    FIOASYNC,
    FIOCLEX,
    FIONBIO,
    FIONCLEX,
    FIONREAD,
    FLUSHO,
    HUPCL,
    ICANON,
    ICRNL,
    IEXTEN,
    IGNBRK,
    IGNCR,
    IGNPAR,
    IMAXBEL,
    INLCR,
    INPCK,
    ISIG,
    ISTRIP,
    IUCLC,
    IUTF8,
    IXANY,
    IXOFF,
    IXON,
    NCCS,
    NL0,
    NL1,
    NLDLY,
    NOFLSH,
    OCRNL,
    OFDEL,
    OFILL,
    OLCUC,
    ONLCR,
    ONLRET,
    ONOCR,
    OPOST,
    PARENB,
    PARMRK,
    PARODD,
    PENDIN,
    TAB0,
    TAB1,
    TAB2,
    TAB3,
    TABDLY,
    TCFLSH,
    TCGETA,
    TCGETS,
    TCIFLUSH,
    TCIOFF,
    TCIOFLUSH,
    TCION,
    TCOFLUSH,
    TCOOFF,
    TCOON,
    TCSADRAIN,
    TCSAFLUSH,
    TCSANOW,
    TCSBRK,
    TCSBRKP,
    TCSETA,
    TCSETAF,
    TCSETAW,
    TCSETS,
    TCSETSF,
    TCSETSW,
    TCXONC,
    TIOCCONS,
    TIOCEXCL,
    TIOCGETD,
    TIOCGICOUNT,
    TIOCGLCKTRMIOS,
    TIOCGPGRP,
    TIOCGSERIAL,
    TIOCGSOFTCAR,
    TIOCGWINSZ,
    TIOCINQ,
    TIOCLINUX,
    TIOCMBIC,
    TIOCMBIS,
    TIOCMGET,
    TIOCMIWAIT,
    TIOCMSET,
    TIOCM_CAR,
    TIOCM_CD,
    TIOCM_CTS,
    TIOCM_DSR,
    TIOCM_DTR,
    TIOCM_LE,
    TIOCM_RI,
    TIOCM_RNG,
    TIOCM_RTS,
    TIOCM_SR,
    TIOCM_ST,
    TIOCNOTTY,
    TIOCNXCL,
    TIOCOUTQ,
    TIOCPKT,
    TIOCSCTTY,
    TIOCSERCONFIG,
    TIOCSERGETLSR,
    TIOCSERGETMULTI,
    TIOCSERGSTRUCT,
    TIOCSERGWILD,
    TIOCSERSETMULTI,
    TIOCSERSWILD,
    TIOCSETD,
    TIOCSLCKTRMIOS,
    TIOCSPGRP,
    TIOCSSERIAL,
    TIOCSSOFTCAR,
    TIOCSTI,
    TIOCSWINSZ,
    TOSTOP,
    VDISCARD,
    VEOF,
    VEOL,
    VEOL2,
    VERASE,
    VINTR,
    VKILL,
    VLNEXT,
    VMIN,
    VQUIT,
    VREPRINT,
    VSTART,
    VSTOP,
    VSUSP,
    VSWTC,
    VT0,
    VT1,
    VTDLY,
    VTIME,
    VWERASE,
    XCASE,
    XTABS,
    _POSIX_VDISABLE,
);

/// Constants of Linux's headers that the libc crate does not carry: the default
/// control characters of <sys/ttydefaults.h>, line disciplines, packet-mode bits
/// and the ioctl size field.
const LINUX_HEADER_CONSTANTS: &[(&str, i64)] = &[
    ("CDSUSP", 25),
    ("CEOF", 4),
    ("CEOL", 0),
    ("CEOT", 4),
    ("CERASE", 127),
    ("CFLUSH", 15),
    ("CINTR", 3),
    ("CKILL", 21),
    ("CLNEXT", 22),
    ("CQUIT", 28),
    ("CRPRNT", 18),
    ("CSTART", 17),
    ("CSTOP", 19),
    ("CSUSP", 26),
    ("CWERASE", 23),
    ("IOCSIZE_MASK", 0x3fff_0000),
    ("IOCSIZE_SHIFT", 16),
    ("NCC", 8),
    ("N_TTY", 0),
    ("N_SLIP", 1),
    ("N_MOUSE", 2),
    ("N_PPP", 3),
    ("N_STRIP", 4),
    ("TIOCPKT_DATA", 0),
    ("TIOCPKT_FLUSHREAD", 1),
    ("TIOCPKT_FLUSHWRITE", 2),
    ("TIOCPKT_STOP", 4),
    ("TIOCPKT_START", 8),
    ("TIOCPKT_NOSTOP", 16),
    ("TIOCPKT_DOSTOP", 32),
    ("TIOCSER_TEMT", 1),
    ("VSWTCH", libc::VSWTC as i64),
];

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("tcgetattr", tcgetattr),
    ("tcsetattr", tcsetattr),
    ("tcsendbreak", tcsendbreak),
    ("tcdrain", tcdrain),
    ("tcflush", tcflush),
    ("tcflow", tcflow),
    ("tcgetwinsize", tcgetwinsize),
    ("tcsetwinsize", tcsetwinsize),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "termios", name, *f);
    }
    for (name, value) in CONSTANTS.iter().chain(LINUX_HEADER_CONSTANTS) {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    let namespace = Dict::new_rc();
    namespace.set_str(vm.intern("__module__"), Value::str("termios"));
    let args = [
        Value::str("error"),
        Value::tuple(vec![Value::Type(vm.types.exception.clone())]),
        Value::Dict(namespace),
    ];
    let class = Value::Type(vm.types.type_.clone());
    let error = vm.call(&class, &args, &[])?;
    d.set_str(vm.intern("error"), error.clone());
    if let Value::Type(t) = error {
        vm.set_extension_state(TermiosError(t));
    }
    Ok(())
}

/// `termios.error(errno, strerror)` for the call that just failed.
fn last_error(vm: &mut Vm) -> PyErr {
    let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
    let args = vec![
        Value::Int(errno as i64),
        Value::from_string(strerror(errno)),
    ];
    match vm.extension_state::<TermiosError>() {
        Some(TermiosError(t)) => {
            let t = t.clone();
            vm.new_error_args(&t, args)
        }
        None => vm.new_error_args(&vm.types.os_error.clone(), args),
    }
}

/// Fail with `termios.error` when a call returned -1.
fn check(vm: &mut Vm, result: libc::c_int) -> PyResult<()> {
    if result == -1 {
        return Err(last_error(vm));
    }
    Ok(())
}

/// The positional arguments of `func`, checked as Argument Clinic does: no keywords,
/// exactly `n` of them.
fn positional<'a>(
    vm: &Vm,
    func: &str,
    args: &'a [Value],
    kw: &[KwArg],
    n: usize,
) -> PyResult<&'a [Value]> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("termios.{func}() takes no keyword arguments")));
    }
    if args.len() != n {
        return Err(vm.type_error(if n == 1 {
            format!(
                "termios.{func}() takes exactly one argument ({} given)",
                args.len()
            )
        } else {
            format!("{func} expected {n} arguments, got {}", args.len())
        }));
    }
    Ok(args)
}

/// A C int argument, converted as CPython's `int` converter.
fn c_int(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = arg_int(vm, v)?;
    libc::c_int::try_from(n).map_err(|_| {
        let side = if n < 0 {
            "less than minimum"
        } else {
            "greater than maximum"
        };
        vm.overflow_error(format!("signed integer is {side}"))
    })
}

/// The current attributes of `fd`.
fn attributes(vm: &mut Vm, fd: libc::c_int) -> PyResult<libc::termios> {
    // SAFETY: an all-zero termios is a valid value; tcgetattr fills it.
    let mut mode: libc::termios = unsafe { std::mem::zeroed() };
    // SAFETY: `mode` is a valid termios to write into.
    check(vm, unsafe { libc::tcgetattr(fd, &mut mode) })?;
    Ok(mode)
}

/// `tcgetattr(fd)`: `[iflag, oflag, cflag, lflag, ispeed, ospeed, cc]`, the control
/// characters as 1-byte bytes, except VMIN and VTIME as ints outside canonical mode.
fn tcgetattr(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcgetattr", args, kw, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    let mode = attributes(vm, fd)?;
    let canonical = mode.c_lflag & libc::ICANON != 0;
    let cc = mode
        .c_cc
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if !canonical && (i == libc::VMIN || i == libc::VTIME) {
                Value::Int(c as i64)
            } else {
                tripwire_core::builtins::bytes::new_bytes(vec![c])
            }
        })
        .collect();
    // SAFETY: `mode` is a termios tcgetattr filled.
    let (ispeed, ospeed) = unsafe { (libc::cfgetispeed(&mode), libc::cfgetospeed(&mode)) };
    Ok(Value::list(vec![
        Value::Int(mode.c_iflag as i64),
        Value::Int(mode.c_oflag as i64),
        Value::Int(mode.c_cflag as i64),
        Value::Int(mode.c_lflag as i64),
        Value::Int(ispeed as i64),
        Value::Int(ospeed as i64),
        Value::list(cc),
    ]))
}

/// The items of a list argument, or None for anything else.
fn list_items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(l) => Some(l.items.borrow().clone()),
        _ => None,
    }
}

/// `tcsetattr(fd, when, attributes)`: fields not in the list keep their values.
fn tcsetattr(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcsetattr", args, kw, 3)?;
    let fd = fd_arg(vm, &args[0])?;
    let when = c_int(vm, &args[1])?;
    let items = list_items(&args[2])
        .filter(|items| items.len() == 7)
        .ok_or_else(|| vm.type_error("tcsetattr, arg 3: must be 7 element list"))?;
    let mut mode = attributes(vm, fd)?;
    let mut fields = [0i64; 6];
    for (slot, item) in fields.iter_mut().zip(&items) {
        *slot = int_item(vm, item)?;
    }
    mode.c_iflag = fields[0] as libc::tcflag_t;
    mode.c_oflag = fields[1] as libc::tcflag_t;
    mode.c_cflag = fields[2] as libc::tcflag_t;
    mode.c_lflag = fields[3] as libc::tcflag_t;
    let cc = list_items(&items[6])
        .filter(|cc| cc.len() == libc::NCCS)
        .ok_or_else(|| {
            vm.type_error(format!(
                "tcsetattr: attributes[6] must be {} element list",
                libc::NCCS
            ))
        })?;
    for (slot, item) in mode.c_cc.iter_mut().zip(&cc) {
        *slot = match item {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => int_item(vm, item)? as libc::cc_t,
            _ => match tripwire_core::builtins::bytearray::bytes_like(item) {
                Some(b) if b.len() == 1 && crate::posix::is_bytes(vm, item) => b[0],
                _ => {
                    return Err(vm.type_error(
                        "tcsetattr: elements of attributes must be characters or integers",
                    ))
                }
            },
        };
    }
    // SAFETY: `mode` is a valid termios for these calls.
    unsafe {
        check(vm, libc::cfsetispeed(&mut mode, fields[4] as libc::speed_t))?;
        check(vm, libc::cfsetospeed(&mut mode, fields[5] as libc::speed_t))?;
        check(vm, libc::tcsetattr(fd, when, &mode))?;
    }
    Ok(Value::None)
}

/// An int item of the attribute list (`PyLong_AsLong`'s conversion and errors).
fn int_item(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    tripwire_core::builtins::arg_ssize(vm, v)
}

/// `tcsendbreak(fd, duration)`.
fn tcsendbreak(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcsendbreak", args, kw, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let duration = c_int(vm, &args[1])?;
    // SAFETY: no memory is passed.
    check(vm, unsafe { libc::tcsendbreak(fd, duration) })?;
    Ok(Value::None)
}

/// `tcdrain(fd)`.
fn tcdrain(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcdrain", args, kw, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    // SAFETY: no memory is passed.
    check(vm, unsafe { libc::tcdrain(fd) })?;
    Ok(Value::None)
}

/// `tcflush(fd, queue)`.
fn tcflush(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcflush", args, kw, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let queue = c_int(vm, &args[1])?;
    // SAFETY: no memory is passed.
    check(vm, unsafe { libc::tcflush(fd, queue) })?;
    Ok(Value::None)
}

/// `tcflow(fd, action)`.
fn tcflow(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcflow", args, kw, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let action = c_int(vm, &args[1])?;
    // SAFETY: no memory is passed.
    check(vm, unsafe { libc::tcflow(fd, action) })?;
    Ok(Value::None)
}

/// The window size of `fd`.
fn window_size(vm: &mut Vm, fd: libc::c_int) -> PyResult<libc::winsize> {
    // SAFETY: an all-zero winsize is valid; the ioctl fills it.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    // SAFETY: TIOCGWINSZ writes one winsize.
    check(vm, unsafe { libc::ioctl(fd, libc::TIOCGWINSZ, &mut size) })?;
    Ok(size)
}

/// `tcgetwinsize(fd)`: `(rows, columns)`.
fn tcgetwinsize(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcgetwinsize", args, kw, 1)?;
    let fd = fd_arg(vm, &args[0])?;
    let size = window_size(vm, fd)?;
    Ok(Value::tuple(vec![
        Value::Int(size.ws_row as i64),
        Value::Int(size.ws_col as i64),
    ]))
}

/// `tcsetwinsize(fd, (rows, columns))`: the pixel sizes are kept.
fn tcsetwinsize(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let args = positional(vm, "tcsetwinsize", args, kw, 2)?;
    let fd = fd_arg(vm, &args[0])?;
    let pair = match &args[1] {
        Value::List(l) => Some(l.items.borrow().clone()),
        Value::Tuple(t) => Some(t.items.to_vec()),
        _ => None,
    }
    .filter(|items| items.len() == 2)
    .ok_or_else(|| vm.type_error("tcsetwinsize, arg 2: must be a two-item sequence"))?;
    let mut size = window_size(vm, fd)?;
    let rows = int_item(vm, &pair[0])?;
    let columns = int_item(vm, &pair[1])?;
    let (Ok(rows), Ok(columns)) = (u16::try_from(rows), u16::try_from(columns)) else {
        return Err(vm.overflow_error("winsize value(s) out of range."));
    };
    size.ws_row = rows;
    size.ws_col = columns;
    // SAFETY: TIOCSWINSZ reads one winsize.
    check(vm, unsafe { libc::ioctl(fd, libc::TIOCSWINSZ, &size) })?;
    Ok(Value::None)
}

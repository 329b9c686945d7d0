//! `_socketcall`: the native half of `_socket` (the Python half, `py/_socket.py`,
//! is the `socket` class, its timeout and the module's exceptions). Calls take
//! descriptors and go straight to libc; this file holds the module's constants, its
//! errors (`gaierror`, `herror`, `TimeoutError('timed out')`) and how a call waits:
//! a socket's timeout decides between one non-blocking attempt and waiting for
//! readiness through core's `Vm::wait_io`, which lets the other Python threads run
//! and Ctrl-C through. `addr` holds addresses and name resolution, `calls` the
//! socket calls. Depends on core's public API, `posix`'s error conventions and libc.

mod addr;
mod calls;

use crate::posix::errno_error;
use std::time::{Duration, Instant};
use tripwire_core::builtins::add_function;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyErr, PyResult, Vm};

pub(crate) use crate::posix::int_arg;

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    AF_UNSPEC,
    AF_INET,
    AF_INET6,
    AF_UNIX,
    AF_NETLINK,
    AF_PACKET,
    SOCK_STREAM,
    SOCK_DGRAM,
    SOCK_RAW,
    SOCK_RDM,
    SOCK_SEQPACKET,
    SOCK_NONBLOCK,
    SOCK_CLOEXEC,
    SOL_SOCKET,
    SOL_IP,
    SOL_TCP,
    SOL_UDP,
    SOMAXCONN,
    SO_DEBUG,
    SO_ACCEPTCONN,
    SO_REUSEADDR,
    SO_REUSEPORT,
    SO_KEEPALIVE,
    SO_DONTROUTE,
    SO_BROADCAST,
    SO_LINGER,
    SO_OOBINLINE,
    SO_SNDBUF,
    SO_RCVBUF,
    SO_SNDLOWAT,
    SO_RCVLOWAT,
    SO_SNDTIMEO,
    SO_RCVTIMEO,
    SO_ERROR,
    SO_TYPE,
    SO_PASSCRED,
    SO_PEERCRED,
    SO_PRIORITY,
    SO_MARK,
    SO_DOMAIN,
    SO_PROTOCOL,
    SO_BINDTODEVICE,
    SCM_RIGHTS,
    SCM_CREDENTIALS,
    MSG_OOB,
    MSG_PEEK,
    MSG_DONTROUTE,
    MSG_DONTWAIT,
    MSG_EOR,
    MSG_TRUNC,
    MSG_CTRUNC,
    MSG_WAITALL,
    MSG_NOSIGNAL,
    MSG_CMSG_CLOEXEC,
    MSG_CONFIRM,
    MSG_ERRQUEUE,
    MSG_MORE,
    SHUT_RD,
    SHUT_WR,
    SHUT_RDWR,
    IPPROTO_IP,
    IPPROTO_ICMP,
    IPPROTO_TCP,
    IPPROTO_UDP,
    IPPROTO_IPV6,
    IPPROTO_ICMPV6,
    IPPROTO_RAW,
    IP_TOS,
    IP_TTL,
    IP_HDRINCL,
    IP_OPTIONS,
    IP_RECVTOS,
    IP_MULTICAST_IF,
    IP_MULTICAST_TTL,
    IP_MULTICAST_LOOP,
    IP_ADD_MEMBERSHIP,
    IP_DROP_MEMBERSHIP,
    IPV6_V6ONLY,
    IPV6_UNICAST_HOPS,
    IPV6_MULTICAST_IF,
    IPV6_MULTICAST_HOPS,
    IPV6_MULTICAST_LOOP,
    IPV6_ADD_MEMBERSHIP,
    IPV6_DROP_MEMBERSHIP,
    IPV6_RECVTCLASS,
    IPV6_TCLASS,
    TCP_NODELAY,
    TCP_MAXSEG,
    TCP_CORK,
    TCP_KEEPIDLE,
    TCP_KEEPINTVL,
    TCP_KEEPCNT,
    TCP_SYNCNT,
    TCP_LINGER2,
    TCP_DEFER_ACCEPT,
    TCP_WINDOW_CLAMP,
    TCP_INFO,
    TCP_QUICKACK,
    TCP_FASTOPEN,
    TCP_CONGESTION,
    TCP_USER_TIMEOUT,
    TCP_NOTSENT_LOWAT,
    AI_PASSIVE,
    AI_CANONNAME,
    AI_NUMERICHOST,
    AI_NUMERICSERV,
    AI_V4MAPPED,
    AI_ALL,
    AI_ADDRCONFIG,
    NI_NUMERICHOST,
    NI_NUMERICSERV,
    NI_NOFQDN,
    NI_NAMEREQD,
    NI_DGRAM,
    EAI_AGAIN,
    EAI_BADFLAGS,
    EAI_FAIL,
    EAI_FAMILY,
    EAI_MEMORY,
    EAI_NODATA,
    EAI_NONAME,
    EAI_OVERFLOW,
    EAI_SERVICE,
    EAI_SOCKTYPE,
    EAI_SYSTEM,
    INADDR_ANY,
    INADDR_BROADCAST,
    INADDR_LOOPBACK,
    INADDR_NONE,
);

/// Constants libc does not name.
const MORE_CONSTANTS: &[(&str, i64)] = &[
    ("NI_MAXHOST", 1025),
    ("NI_MAXSERV", 32),
    ("IPV6_JOIN_GROUP", libc::IPV6_ADD_MEMBERSHIP as i64),
    ("IPV6_LEAVE_GROUP", libc::IPV6_DROP_MEMBERSHIP as i64),
    ("EAI_ADDRFAMILY", -9),
    ("INADDR_UNSPEC_GROUP", 0xe000_0000),
    ("INADDR_ALLHOSTS_GROUP", 0xe000_0001),
    ("INADDR_MAX_LOCAL_GROUP", 0xe000_00ff),
];

/// The text of str, bytes or bytearray `v`.
pub(crate) fn str_or_bytes(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Obj(_) => bytes_like(v).map(|b| String::from_utf8_lossy(&b).into_owned()),
        _ => None,
    }
}

/// An exception class `_socket` defines in Python (`gaierror`, `herror`); OSError
/// while the module is not there.
fn socket_class(vm: &mut Vm, name: &str) -> Value {
    let module = vm.intern("_socket");
    let key = vm.intern(name);
    match vm.modules.get_str(&module) {
        Some(Value::Module(m)) => m.dict.get_str(&key),
        _ => None,
    }
    .unwrap_or_else(|| Value::Type(vm.types.os_error.clone()))
}

fn raise_class(vm: &mut Vm, cls: &str, args: Vec<Value>) -> PyErr {
    let cls = socket_class(vm, cls);
    match vm.call(&cls, &args, &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// `gaierror(code, text)` of a resolver error code.
pub(crate) fn gai_error(vm: &mut Vm, code: i32) -> PyErr {
    // SAFETY: gai_strerror returns a static NUL-terminated message.
    let text = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
        .to_string_lossy()
        .into_owned();
    raise_class(
        vm,
        "gaierror",
        vec![Value::Int(code as i64), Value::from_string(text)],
    )
}

/// `herror(code, text)`.
pub(crate) fn herror(vm: &mut Vm, code: i32, text: &str) -> PyErr {
    raise_class(
        vm,
        "herror",
        vec![
            Value::Int(code as i64),
            Value::from_string(text.to_string()),
        ],
    )
}

/// `TimeoutError('timed out')`, a socket's timeout passing.
fn timed_out(vm: &mut Vm) -> PyErr {
    let cls = Value::Type(vm.types.timeout_error.clone());
    match vm.call(&cls, &[Value::from_string("timed out".to_string())], &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// How a call on a socket waits, from its timeout (None, or seconds).
#[derive(Clone, Copy)]
enum Waiting {
    /// Timeout 0: one attempt; "would block" is BlockingIOError.
    Never,
    /// Until ready, or until the deadline (None: for ever).
    Until(Option<Instant>),
}

impl Waiting {
    fn of(timeout: &Value) -> Waiting {
        let secs = match timeout {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            _ => return Waiting::Until(None),
        };
        if secs <= 0.0 {
            return Waiting::Never;
        }
        Waiting::Until(
            Duration::try_from_secs_f64(secs)
                .ok()
                .and_then(|d| Instant::now().checked_add(d)),
        )
    }
}

/// Wait for `events` on `fd` until `deadline`; false when it passes first.
fn wait_ready(vm: &mut Vm, fd: i32, events: i16, deadline: Option<Instant>) -> PyResult<bool> {
    let interest = [libc::pollfd {
        fd,
        events,
        revents: 0,
    }];
    vm.wait_io(&interest, deadline)
}

/// Run the non-blocking attempt `op` (a libc call returning -1 and errno on
/// failure) on `fd` the way `waiting` (the socket's timeout) says: once, or again after each
/// "would block" once `events` are ready (first waiting if `wait_first`: the call
/// has no non-blocking flag). EINTR runs the signal handlers and retries (PEP 475).
fn io_call(
    vm: &mut Vm,
    fd: i32,
    events: i16,
    waiting: Waiting,
    wait_first: bool,
    mut op: impl FnMut() -> isize,
) -> PyResult<isize> {
    let mut must_wait = wait_first;
    loop {
        if let (true, Waiting::Until(deadline)) = (must_wait, waiting) {
            if !wait_ready(vm, fd, events, deadline)? {
                return Err(timed_out(vm));
            }
        }
        let r = op();
        if r >= 0 {
            return Ok(r);
        }
        match last_errno() {
            libc::EINTR => {
                vm.check_signals()?;
                must_wait = false;
            }
            e if (e == libc::EAGAIN || e == libc::EWOULDBLOCK)
                && matches!(waiting, Waiting::Until(_)) =>
            {
                must_wait = true;
            }
            e => return Err(errno_error(vm, e, None, None)),
        }
    }
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let tables: [&[(&'static str, NativeFn)]; 2] = [addr::FUNCTIONS, calls::FUNCTIONS];
    for table in tables {
        for (name, f) in table {
            add_function(vm, d, "_socket", name, *f);
        }
    }
    for (name, value) in CONSTANTS.iter().chain(MORE_CONSTANTS) {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    Ok(())
}

//! `_selectcall`: the native half of `select` (the Python half, `py/select.py`,
//! holds the `poll` and `epoll` objects and turns file objects into descriptors).
//! Every wait goes through core's `Vm::wait_io`, which lets the other Python
//! threads run and Ctrl-C through; the system call itself is then made with a zero
//! timeout, so it reports what is ready without blocking. Depends on core's public
//! API, `posix`'s error conventions and libc.

use crate::posix::{errno_error, int_arg};
use std::time::{Duration, Instant};
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

macro_rules! consts {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as u32 as i64)),*]
    };
}

const CONSTANTS: &[(&str, i64)] = consts!(
    POLLIN,
    POLLPRI,
    POLLOUT,
    POLLERR,
    POLLHUP,
    POLLNVAL,
    POLLRDNORM,
    POLLRDBAND,
    POLLWRNORM,
    POLLWRBAND,
    POLLRDHUP,
    EPOLLIN,
    EPOLLOUT,
    EPOLLPRI,
    EPOLLERR,
    EPOLLHUP,
    EPOLLET,
    EPOLLONESHOT,
    EPOLLEXCLUSIVE,
    EPOLLRDHUP,
    EPOLLRDNORM,
    EPOLLRDBAND,
    EPOLLWRNORM,
    EPOLLWRBAND,
    EPOLLMSG,
    EPOLL_CLOEXEC,
    PIPE_BUF,
);

/// Constants libc does not name.
const MORE_CONSTANTS: &[(&str, i64)] =
    &[("POLLMSG", 0x400), ("FD_SETSIZE", libc::FD_SETSIZE as i64)];

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// The deadline of a timeout in seconds (None or negative: none).
fn deadline_of(timeout: &Value) -> Option<Instant> {
    let secs = match timeout {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        _ => return None,
    };
    if secs < 0.0 {
        return None;
    }
    Duration::try_from_secs_f64(secs)
        .ok()
        .and_then(|d| Instant::now().checked_add(d))
}

/// The descriptors of a list argument (ints).
fn fd_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<i32>> {
    let items = match v {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.to_vec(),
        _ => return Err(vm.type_error("expected a list of descriptors")),
    };
    items.iter().map(|i| int_arg(vm, i)).collect()
}

/// Wait for `interest` until `deadline` (a wait of 0 seconds only looks).
fn wait(vm: &mut Vm, interest: &[libc::pollfd], timeout: &Value) -> PyResult<()> {
    let deadline = deadline_of(timeout);
    if deadline.is_none_or(|d| d > Instant::now()) {
        vm.wait_io(interest, deadline)?;
    }
    Ok(())
}

/// Retry `call` while it fails with EINTR (running the signal handlers); other
/// failures as OSError.
fn retrying(vm: &mut Vm, mut call: impl FnMut() -> libc::c_int) -> PyResult<libc::c_int> {
    loop {
        let r = call();
        if r >= 0 {
            return Ok(r);
        }
        match last_errno() {
            libc::EINTR => vm.check_signals()?,
            e => return Err(errno_error(vm, e, None, None)),
        }
    }
}

/// `select(rfds, wfds, xfds, timeout)`: the three lists of ready descriptors'
/// indexes in their argument lists.
fn select(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "select", args, 4, 4)?;
    let sets = [
        fd_list(vm, &args[0])?,
        fd_list(vm, &args[1])?,
        fd_list(vm, &args[2])?,
    ];
    let events = [libc::POLLIN, libc::POLLOUT, libc::POLLPRI];
    let mut interest = Vec::new();
    for (fds, ev) in sets.iter().zip(events) {
        for &fd in fds {
            if !(0..libc::FD_SETSIZE as i32).contains(&fd) {
                return Err(vm.value_error("filedescriptor out of range in select()"));
            }
            interest.push(libc::pollfd {
                fd,
                events: ev,
                revents: 0,
            });
        }
    }
    wait(vm, &interest, &args[3])?;
    // SAFETY: fd_sets are plain bit arrays; all-zero is empty.
    let mut fd_sets: [libc::fd_set; 3] = unsafe { std::mem::zeroed() };
    let mut top = -1;
    for (set, fds) in fd_sets.iter_mut().zip(&sets) {
        for &fd in fds {
            // SAFETY: `fd` was checked to be below FD_SETSIZE.
            unsafe { libc::FD_SET(fd, set) };
            top = top.max(fd);
        }
    }
    let [r, w, x] = &mut fd_sets;
    retrying(vm, || {
        let mut zero = libc::timeval {
            tv_sec: 0,
            tv_usec: 0,
        };
        let (mut r2, mut w2, mut x2) = (*r, *w, *x);
        // SAFETY: the sets and the timeval are valid for the call.
        let n = unsafe { libc::select(top + 1, &mut r2, &mut w2, &mut x2, &mut zero) };
        if n >= 0 {
            (*r, *w, *x) = (r2, w2, x2);
        }
        n
    })?;
    let ready = sets
        .iter()
        .zip(&fd_sets)
        .map(|(fds, set)| {
            let indexes = fds
                .iter()
                .enumerate()
                // SAFETY: `fd` is below FD_SETSIZE.
                .filter(|(_, &fd)| unsafe { libc::FD_ISSET(fd, set) })
                .map(|(i, _)| Value::Int(i as i64))
                .collect();
            Value::list(indexes)
        })
        .collect();
    Ok(Value::tuple(ready))
}

/// `poll(fds, events, timeout)`: the (fd, revents) pairs of the ready ones.
fn poll(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "poll", args, 3, 3)?;
    let fds = fd_list(vm, &args[0])?;
    let events = fd_list(vm, &args[1])?;
    let mut interest: Vec<libc::pollfd> = fds
        .iter()
        .zip(&events)
        .map(|(&fd, &ev)| libc::pollfd {
            fd,
            events: ev as i16,
            revents: 0,
        })
        .collect();
    wait(vm, &interest, &args[2])?;
    retrying(vm, || {
        // SAFETY: `interest` is a valid array of pollfds.
        unsafe { libc::poll(interest.as_mut_ptr(), interest.len() as libc::nfds_t, 0) }
    })?;
    let ready = interest
        .iter()
        .filter(|p| p.revents != 0)
        .map(|p| {
            Value::tuple(vec![
                Value::Int(p.fd as i64),
                Value::Int(p.revents as u16 as i64),
            ])
        })
        .collect();
    Ok(Value::list(ready))
}

/// `epoll_create(flags)`: a new epoll descriptor, not inheritable.
fn epoll_create(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "epoll_create", args, 1, 1)?;
    let flags = int_arg(vm, &args[0])?;
    // SAFETY: a plain epoll_create1 call.
    let fd = unsafe { libc::epoll_create1(flags | libc::EPOLL_CLOEXEC) };
    if fd < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::Int(fd as i64))
}

/// `epoll_ctl(epfd, op, fd, events)`.
fn epoll_ctl(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "epoll_ctl", args, 4, 4)?;
    let epfd = int_arg(vm, &args[0])?;
    let op = int_arg(vm, &args[1])?;
    let fd = int_arg(vm, &args[2])?;
    let events = tripwire_core::builtins::arg_int(vm, &args[3])? as u32;
    let mut ev = libc::epoll_event {
        events,
        u64: fd as u32 as u64,
    };
    // SAFETY: `ev` is a valid event for the call.
    if unsafe { libc::epoll_ctl(epfd, op, fd, &mut ev) } < 0 {
        return Err(errno_error(vm, last_errno(), None, None));
    }
    Ok(Value::None)
}

/// `epoll_wait(epfd, timeout, maxevents)`: the (fd, events) pairs ready.
fn epoll_wait(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "epoll_wait", args, 3, 3)?;
    let epfd = int_arg(vm, &args[0])?;
    let maxevents = int_arg(vm, &args[2])?.max(1);
    let interest = [libc::pollfd {
        fd: epfd,
        events: libc::POLLIN,
        revents: 0,
    }];
    wait(vm, &interest, &args[1])?;
    let empty = libc::epoll_event { events: 0, u64: 0 };
    let mut out = vec![empty; maxevents as usize];
    let n = retrying(vm, || {
        // SAFETY: `out` has room for `maxevents` events.
        unsafe { libc::epoll_wait(epfd, out.as_mut_ptr(), maxevents, 0) }
    })?;
    let ready = out[..n as usize]
        .iter()
        .map(|e| {
            let (fd, events) = (e.u64 as u32 as i32, e.events);
            Value::tuple(vec![Value::Int(fd as i64), Value::Int(events as i64)])
        })
        .collect();
    Ok(Value::list(ready))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("select", select),
        ("poll", poll),
        ("epoll_create", epoll_create),
        ("epoll_ctl", epoll_ctl),
        ("epoll_wait", epoll_wait),
    ];
    for (name, f) in fns {
        add_function(vm, d, "select", name, *f);
    }
    for (name, value) in CONSTANTS.iter().chain(MORE_CONSTANTS) {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(*value));
    }
    Ok(())
}

//! The calls of `_socketcall` on socket descriptors: creating (socket, socketpair,
//! dup), the connection calls (bind, listen, accept, connect, shutdown), data
//! (recv, recvfrom, send, sendall, sendto), options and names. Each call that can
//! block takes the socket's timeout and waits as `io_call` says.

use super::addr::{address_value, parse_address, SockAddr};
use super::{int_arg, io_call, last_errno, timed_out, wait_ready, Waiting};
use crate::posix::errno_error;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_ssize, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("socket", socket),
    ("socketpair", socketpair),
    ("sock_info", sock_info),
    ("close", close),
    ("dup", dup),
    ("set_blocking", set_blocking),
    ("bind", bind),
    ("listen", listen),
    ("accept", accept),
    ("connect", connect),
    ("connect_ex", connect_ex),
    ("shutdown", shutdown),
    ("recv", recv),
    ("recvfrom", recvfrom),
    ("send", send),
    ("sendall", sendall),
    ("sendto", sendto),
    ("getsockname", getsockname),
    ("getpeername", getpeername),
    ("setsockopt", setsockopt),
    ("getsockopt", getsockopt),
];

/// The int arguments of a call, all required.
fn ints<const N: usize>(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<[i32; N]> {
    check_args(vm, name, args, N, N)?;
    let mut out = [0; N];
    for (slot, v) in out.iter_mut().zip(args) {
        *slot = int_arg(vm, v)?;
    }
    Ok(out)
}

/// The result of a libc call returning -1 on failure, as OSError.
fn checked(vm: &mut Vm, r: libc::c_int) -> PyResult<libc::c_int> {
    if r < 0 {
        Err(errno_error(vm, last_errno(), None, None))
    } else {
        Ok(r)
    }
}

/// A data argument: any bytes-like object.
fn data_arg(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    bytes_like(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A buffer of `n` bytes for a receive (`what` names the call in the error for a
/// negative size).
fn recv_buffer(vm: &mut Vm, v: &Value, what: &str) -> PyResult<Vec<u8>> {
    let n = arg_ssize(vm, v)?;
    let n =
        usize::try_from(n).map_err(|_| vm.value_error(format!("negative buffersize in {what}")))?;
    let mut buf = Vec::new();
    buf.try_reserve_exact(n).map_err(|_| vm.memory_error())?;
    buf.resize(n, 0);
    Ok(buf)
}

/// `socket(family, type, proto)`: a new descriptor, not inheritable.
fn socket(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [family, kind, proto] = ints(vm, "socket", args)?;
    // SAFETY: a plain socket(2) call.
    let fd = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, proto) };
    Ok(Value::Int(checked(vm, fd)? as i64))
}

/// `socketpair(family, type, proto)`: two connected descriptors.
fn socketpair(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [family, kind, proto] = ints(vm, "socketpair", args)?;
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors.
    let r = unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) };
    checked(vm, r)?;
    Ok(Value::tuple(vec![
        Value::Int(fds[0] as i64),
        Value::Int(fds[1] as i64),
    ]))
}

/// An int socket option.
fn int_option(fd: i32, level: i32, option: i32) -> Result<i32, i32> {
    let mut value: libc::c_int = 0;
    let mut len = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `value` is writable for `len` bytes.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            option,
            &mut value as *mut _ as *mut libc::c_void,
            &mut len,
        )
    };
    if r < 0 {
        Err(last_errno())
    } else {
        Ok(value)
    }
}

/// `sock_info(fd)`: the (family, type, proto) of an existing socket.
fn sock_info(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [fd] = ints(vm, "sock_info", args)?;
    let mut out = Vec::new();
    for option in [libc::SO_DOMAIN, libc::SO_TYPE, libc::SO_PROTOCOL] {
        let v =
            int_option(fd, libc::SOL_SOCKET, option).map_err(|e| errno_error(vm, e, None, None))?;
        out.push(Value::Int(v as i64));
    }
    Ok(Value::tuple(out))
}

/// `close(fd)`: ECONNRESET is not an error here, as in CPython.
fn close(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [fd] = ints(vm, "close", args)?;
    // SAFETY: closing a descriptor the caller owns.
    if unsafe { libc::close(fd) } < 0 {
        let e = last_errno();
        if e != libc::ECONNRESET {
            return Err(errno_error(vm, e, None, None));
        }
    }
    Ok(Value::None)
}

/// `dup(fd)`: a new descriptor for the same socket, not inheritable.
fn dup(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [fd] = ints(vm, "dup", args)?;
    // SAFETY: fcntl duplicating a descriptor.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    Ok(Value::Int(checked(vm, r)? as i64))
}

/// Set or clear O_NONBLOCK.
fn set_nonblocking(fd: i32, on: bool) -> Result<(), i32> {
    // SAFETY: fcntl reading and setting status flags.
    unsafe {
        let flags = libc::fcntl(fd, libc::F_GETFL);
        if flags < 0 {
            return Err(last_errno());
        }
        let new = if on {
            flags | libc::O_NONBLOCK
        } else {
            flags & !libc::O_NONBLOCK
        };
        if new != flags && libc::fcntl(fd, libc::F_SETFL, new) < 0 {
            return Err(last_errno());
        }
    }
    Ok(())
}

/// `set_blocking(fd, blocking)`.
fn set_blocking(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "set_blocking", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let blocking = vm.truthy(&args[1])?;
    set_nonblocking(fd, !blocking).map_err(|e| errno_error(vm, e, None, None))?;
    Ok(Value::None)
}

/// `bind(fd, family, address)`.
fn bind(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "bind", args, 3, 3)?;
    let fd = int_arg(vm, &args[0])?;
    let family = int_arg(vm, &args[1])?;
    let a = parse_address(vm, family, &args[2], "bind")?;
    // SAFETY: `a` is a valid address of `a.len` bytes.
    let r = unsafe { libc::bind(fd, a.as_ptr(), a.len) };
    checked(vm, r)?;
    Ok(Value::None)
}

/// `listen(fd, backlog)`.
fn listen(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [fd, backlog] = ints(vm, "listen", args)?;
    // SAFETY: a plain listen(2) call.
    let r = unsafe { libc::listen(fd, backlog.max(0)) };
    checked(vm, r)?;
    Ok(Value::None)
}

/// `accept(fd, timeout)`: (new descriptor, peer address).
fn accept(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "accept", args, 2, 2)?;
    let fd = int_arg(vm, &args[0])?;
    let mut peer = SockAddr::empty();
    let waiting = Waiting::of(&args[1]);
    let new_fd = io_call(vm, fd, libc::POLLIN, waiting, true, || {
        peer.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `peer` is writable storage of `peer.len` bytes.
        unsafe { libc::accept4(fd, peer.as_mut_ptr(), &mut peer.len, libc::SOCK_CLOEXEC) as isize }
    })?;
    Ok(Value::tuple(vec![
        Value::Int(new_fd as i64),
        address_value(&peer),
    ]))
}

/// How a connect ended: 0, or the errno of its failure (a timeout is EWOULDBLOCK
/// when `timeout_errno` is asked for, else TimeoutError).
fn connect_errno(vm: &mut Vm, args: &[Value], caller: &str, timeout_errno: bool) -> PyResult<i32> {
    check_args(vm, caller, args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let family = int_arg(vm, &args[1])?;
    let a = parse_address(vm, family, &args[2], caller)?;
    let waiting = Waiting::of(&args[3]);
    // A blocking socket connects without blocking the other threads: the attempt
    // is made non-blocking, and the wait goes through the scheduler.
    let blocking_fd = matches!(waiting, Waiting::Until(None));
    if blocking_fd {
        set_nonblocking(fd, true).map_err(|e| errno_error(vm, e, None, None))?;
    }
    // SAFETY: `a` is a valid address of `a.len` bytes.
    let r = unsafe { libc::connect(fd, a.as_ptr(), a.len) };
    let errno = last_errno();
    if blocking_fd {
        set_nonblocking(fd, false).map_err(|e| errno_error(vm, e, None, None))?;
    }
    if r == 0 {
        return Ok(0);
    }
    let Waiting::Until(deadline) = waiting else {
        if errno == libc::EINTR {
            vm.check_signals()?;
        }
        return Ok(errno);
    };
    if errno != libc::EINPROGRESS && errno != libc::EINTR {
        return Ok(errno);
    }
    if errno == libc::EINTR {
        vm.check_signals()?;
    }
    if !wait_ready(vm, fd, libc::POLLOUT, deadline)? {
        return if timeout_errno {
            Ok(libc::EWOULDBLOCK)
        } else {
            Err(timed_out(vm))
        };
    }
    int_option(fd, libc::SOL_SOCKET, libc::SO_ERROR).or_else(Ok)
}

/// `connect(fd, family, address, timeout)`.
fn connect(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match connect_errno(vm, args, "connect", false)? {
        0 => Ok(Value::None),
        e => Err(errno_error(vm, e, None, None)),
    }
}

/// `connect_ex(fd, family, address, timeout)`: the errno, 0 on success.
fn connect_ex(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(
        connect_errno(vm, args, "connect_ex", true)? as i64
    ))
}

/// `shutdown(fd, how)`.
fn shutdown(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [fd, how] = ints(vm, "shutdown", args)?;
    // SAFETY: a plain shutdown(2) call.
    let r = unsafe { libc::shutdown(fd, how) };
    checked(vm, r)?;
    Ok(Value::None)
}

/// `recv(fd, bufsize, flags, timeout)`: the bytes received (b'' at end of stream).
fn recv(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "recv", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let mut buf = recv_buffer(vm, &args[1], "recv")?;
    let flags = int_arg(vm, &args[2])? | libc::MSG_DONTWAIT;
    let waiting = Waiting::of(&args[3]);
    let n = io_call(vm, fd, libc::POLLIN, waiting, false, || {
        // SAFETY: `buf` is writable for its length.
        unsafe { libc::recv(fd, buf.as_mut_ptr() as *mut libc::c_void, buf.len(), flags) }
    })?;
    buf.truncate(n as usize);
    Ok(new_bytes(buf))
}

/// `recvfrom(fd, bufsize, flags, timeout)`: (bytes, sender's address).
fn recvfrom(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "recvfrom", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let mut buf = recv_buffer(vm, &args[1], "recvfrom")?;
    let flags = int_arg(vm, &args[2])? | libc::MSG_DONTWAIT;
    let waiting = Waiting::of(&args[3]);
    let mut from = SockAddr::empty();
    let n = io_call(vm, fd, libc::POLLIN, waiting, false, || {
        from.len = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `buf` and `from` are writable for their lengths.
        unsafe {
            libc::recvfrom(
                fd,
                buf.as_mut_ptr() as *mut libc::c_void,
                buf.len(),
                flags,
                from.as_mut_ptr(),
                &mut from.len,
            )
        }
    })?;
    buf.truncate(n as usize);
    // A connected stream socket names no sender: CPython gives None.
    let sender = if from.len == 0 {
        Value::None
    } else {
        address_value(&from)
    };
    Ok(Value::tuple(vec![new_bytes(buf), sender]))
}

/// One send of `data` as `waiting` allows; the count sent.
fn send_some(vm: &mut Vm, fd: i32, data: &[u8], flags: i32, waiting: Waiting) -> PyResult<usize> {
    let flags = flags | libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL;
    let n = io_call(vm, fd, libc::POLLOUT, waiting, false, || {
        // SAFETY: `data` is readable for its length.
        unsafe { libc::send(fd, data.as_ptr() as *const libc::c_void, data.len(), flags) }
    })?;
    Ok(n as usize)
}

/// `send(fd, data, flags, timeout)`: the count sent.
fn send(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "send", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let data = data_arg(vm, &args[1])?;
    let flags = int_arg(vm, &args[2])?;
    let n = send_some(vm, fd, &data, flags, Waiting::of(&args[3]))?;
    Ok(Value::Int(n as i64))
}

/// `sendall(fd, data, flags, timeout)`: the timeout bounds the whole call.
fn sendall(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "sendall", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let data = data_arg(vm, &args[1])?;
    let flags = int_arg(vm, &args[2])?;
    let waiting = Waiting::of(&args[3]);
    let mut sent = 0;
    while sent < data.len() {
        sent += send_some(vm, fd, &data[sent..], flags, waiting)?;
        vm.check_signals()?;
    }
    Ok(Value::None)
}

/// `sendto(fd, data, flags, family, address, timeout)`: the count sent.
fn sendto(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "sendto", args, 6, 6)?;
    let fd = int_arg(vm, &args[0])?;
    let data = data_arg(vm, &args[1])?;
    let flags = int_arg(vm, &args[2])? | libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL;
    let family = int_arg(vm, &args[3])?;
    let a = parse_address(vm, family, &args[4], "sendto")?;
    let waiting = Waiting::of(&args[5]);
    let n = io_call(vm, fd, libc::POLLOUT, waiting, false, || {
        // SAFETY: `data` and `a` are readable for their lengths.
        unsafe {
            libc::sendto(
                fd,
                data.as_ptr() as *const libc::c_void,
                data.len(),
                flags,
                a.as_ptr(),
                a.len,
            )
        }
    })?;
    Ok(Value::Int(n as i64))
}

/// The address `name_call` (getsockname or getpeername) reports.
fn name_of(
    vm: &mut Vm,
    args: &[Value],
    what: &str,
    name_call: unsafe extern "C" fn(
        libc::c_int,
        *mut libc::sockaddr,
        *mut libc::socklen_t,
    ) -> libc::c_int,
) -> PyResult<Value> {
    let [fd] = ints(vm, what, args)?;
    let mut a = SockAddr::empty();
    // SAFETY: `a` is writable storage of `a.len` bytes.
    let r = unsafe { name_call(fd, a.as_mut_ptr(), &mut a.len) };
    checked(vm, r)?;
    Ok(address_value(&a))
}

fn getsockname(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    name_of(vm, args, "getsockname", libc::getsockname)
}

fn getpeername(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    name_of(vm, args, "getpeername", libc::getpeername)
}

/// `setsockopt(fd, level, option, value)`: an int value, or the bytes of a
/// bytes-like one.
fn setsockopt(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "setsockopt", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let level = int_arg(vm, &args[1])?;
    let option = int_arg(vm, &args[2])?;
    let raw = match &args[3] {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let v = int_arg(vm, &args[3])?;
            v.to_ne_bytes().to_vec()
        }
        v => data_arg(vm, v)?,
    };
    // SAFETY: `raw` is readable for its length.
    let r = unsafe {
        libc::setsockopt(
            fd,
            level,
            option,
            raw.as_ptr() as *const libc::c_void,
            raw.len() as libc::socklen_t,
        )
    };
    checked(vm, r)?;
    Ok(Value::None)
}

/// `getsockopt(fd, level, option, buflen)`: an int when buflen is None or 0, else
/// the option's bytes (at most buflen of them).
fn getsockopt(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getsockopt", args, 4, 4)?;
    let fd = int_arg(vm, &args[0])?;
    let level = int_arg(vm, &args[1])?;
    let option = int_arg(vm, &args[2])?;
    let buflen = match &args[3] {
        Value::None => 0,
        v => int_arg(vm, v)?,
    };
    if buflen == 0 {
        let v = int_option(fd, level, option).map_err(|e| errno_error(vm, e, None, None))?;
        return Ok(Value::Int(v as i64));
    }
    if !(1..=1024).contains(&buflen) {
        return Err(vm.new_error(&vm.types.os_error.clone(), "getsockopt buflen out of range"));
    }
    let mut buf = vec![0u8; buflen as usize];
    let mut len = buflen as libc::socklen_t;
    // SAFETY: `buf` is writable for `len` bytes.
    let r = unsafe {
        libc::getsockopt(
            fd,
            level,
            option,
            buf.as_mut_ptr() as *mut libc::c_void,
            &mut len,
        )
    };
    checked(vm, r)?;
    buf.truncate(len as usize);
    Ok(new_bytes(buf))
}

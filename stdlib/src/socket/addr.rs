//! Socket addresses and names: Python address objects to and from C `sockaddr`s
//! (AF_INET `(host, port)`, AF_INET6 `(host, port, flowinfo, scope_id)`, AF_UNIX
//! paths), and the resolver calls (`getaddrinfo`, `getnameinfo`, `gethostbyname`,
//! `gethostbyaddr`, `gethostname`, `inet_pton` / `inet_ntop` / `inet_aton`), with
//! CPython's errors (`gaierror` for the resolver's codes).

use super::{gai_error, int_arg, str_or_bytes};
use crate::posix::{arg, errno_error, is_bytes, name_value};
use std::ffi::{CStr, CString};
use std::net::{Ipv4Addr, Ipv6Addr};
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{arg_int, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// A C socket address and its length.
pub(super) struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: all-zero is a valid sockaddr_storage.
            storage: unsafe { std::mem::zeroed() },
            len: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    pub fn as_ptr(&self) -> *const libc::sockaddr {
        &self.storage as *const _ as *const libc::sockaddr
    }

    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        &mut self.storage as *mut _ as *mut libc::sockaddr
    }

    fn v4(ip: Ipv4Addr, port: u16) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: sockaddr_storage is large and aligned enough for any sockaddr.
        let sin = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in) };
        sin.sin_family = libc::AF_INET as libc::sa_family_t;
        sin.sin_port = port.to_be();
        sin.sin_addr.s_addr = u32::from(ip).to_be();
        a.len = std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t;
        a
    }

    fn v6(ip: Ipv6Addr, port: u16, flowinfo: u32, scope_id: u32) -> SockAddr {
        let mut a = SockAddr::empty();
        // SAFETY: as in `v4`.
        let sin6 = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_in6) };
        sin6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        sin6.sin6_port = port.to_be();
        sin6.sin6_flowinfo = flowinfo.to_be();
        sin6.sin6_addr.s6_addr = ip.octets();
        sin6.sin6_scope_id = scope_id;
        a.len = std::mem::size_of::<libc::sockaddr_in6>() as libc::socklen_t;
        a
    }
}

/// The Python object of a C address, as CPython's `makesockaddr` builds it.
pub(super) fn address_value(a: &SockAddr) -> Value {
    if (a.len as usize) < std::mem::size_of::<libc::sa_family_t>() {
        return Value::None;
    }
    match a.storage.ss_family as libc::c_int {
        libc::AF_INET => {
            // SAFETY: the kernel wrote a sockaddr_in for this family.
            let sin = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in) };
            let ip = Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            Value::tuple(vec![
                Value::from_string(ip.to_string()),
                Value::Int(u16::from_be(sin.sin_port) as i64),
            ])
        }
        libc::AF_INET6 => {
            // SAFETY: the kernel wrote a sockaddr_in6 for this family.
            let sin6 = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in6) };
            let ip = Ipv6Addr::from(sin6.sin6_addr.s6_addr);
            Value::tuple(vec![
                Value::from_string(ip.to_string()),
                Value::Int(u16::from_be(sin6.sin6_port) as i64),
                Value::Int(u32::from_be(sin6.sin6_flowinfo) as i64),
                Value::Int(sin6.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the kernel wrote a sockaddr_un for this family.
            let sun = unsafe { &*(a.as_ptr() as *const libc::sockaddr_un) };
            let offset = std::mem::size_of::<libc::sa_family_t>();
            let n = (a.len as usize)
                .saturating_sub(offset)
                .min(sun.sun_path.len());
            let path: Vec<u8> = sun.sun_path[..n].iter().map(|&c| c as u8).collect();
            if path.first() == Some(&0) {
                // The Linux abstract namespace: bytes, as CPython gives them.
                return new_bytes(path);
            }
            let end = path.iter().position(|&c| c == 0).unwrap_or(path.len());
            name_value(&path[..end], false)
        }
        family => {
            let data: Vec<u8> = (0..14)
                // SAFETY: sa_data is within the storage.
                .map(|i| unsafe { (*a.as_ptr()).sa_data[i] as u8 })
                .collect();
            Value::tuple(vec![Value::Int(family as i64), new_bytes(data)])
        }
    }
}

/// The C address of `v` for a socket of `family`; `caller` names the method in
/// CPython's messages.
pub(super) fn parse_address(
    vm: &mut Vm,
    family: i32,
    v: &Value,
    caller: &str,
) -> PyResult<SockAddr> {
    match family {
        libc::AF_INET | libc::AF_INET6 => {
            let name = if family == libc::AF_INET {
                "AF_INET"
            } else {
                "AF_INET6"
            };
            let Value::Tuple(t) = v else {
                return Err(vm.type_error(format!(
                    "{caller}(): {name} address must be tuple, not {}",
                    vm.type_name(v)
                )));
            };
            let items = t.items.to_vec();
            let arity_ok = if family == libc::AF_INET {
                items.len() == 2
            } else {
                (2..=4).contains(&items.len())
            };
            if !arity_ok {
                return Err(vm.type_error(if family == libc::AF_INET {
                    "AF_INET address must be a pair (host, port)"
                } else {
                    "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
                }));
            }
            let host = host_arg(vm, &items[0])?;
            let port = arg_int(vm, &items[1])?;
            let port = u16::try_from(port)
                .map_err(|_| vm.overflow_error(format!("{caller}(): port must be 0-65535.")))?;
            if family == libc::AF_INET {
                let ip = resolve_v4(vm, &host)?;
                return Ok(SockAddr::v4(ip, port));
            }
            let flowinfo = match items.get(2) {
                Some(f) => arg_int(vm, f)?,
                None => 0,
            };
            let flowinfo = u32::try_from(flowinfo)
                .ok()
                .filter(|f| *f <= 0xfffff)
                .ok_or_else(|| {
                    vm.overflow_error(format!("{caller}(): flowinfo must be 0-1048575."))
                })?;
            let scope_id = match items.get(3) {
                Some(s) => u32::try_from(arg_int(vm, s)?)
                    .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?,
                None => 0,
            };
            let ip = resolve_v6(vm, &host)?;
            Ok(SockAddr::v6(ip, port, flowinfo, scope_id))
        }
        libc::AF_UNIX => {
            let path = match v {
                Value::Str(s) => s.as_str().as_bytes().to_vec(),
                _ => bytes_like(v).ok_or_else(|| {
                    vm.type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(v)
                    ))
                })?,
            };
            let mut a = SockAddr::empty();
            // SAFETY: sockaddr_storage holds a sockaddr_un.
            let sun = unsafe { &mut *(a.as_mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() > sun.sun_path.len() {
                return Err(vm.new_error(&vm.types.os_error.clone(), "AF_UNIX path too long"));
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (dst, &src) in sun.sun_path.iter_mut().zip(&path) {
                *dst = src as libc::c_char;
            }
            let offset = std::mem::size_of::<libc::sa_family_t>();
            // An abstract name is exactly its bytes; a path ends at its NUL.
            let extra = usize::from(path.first() != Some(&0) && path.len() < sun.sun_path.len());
            a.len = (offset + path.len() + extra) as libc::socklen_t;
            Ok(a)
        }
        _ => Err(vm.new_error(
            &vm.types.os_error.clone(),
            &format!("{caller}(): bad family"),
        )),
    }
}

/// A host name argument: str, bytes or bytearray.
fn host_arg(vm: &mut Vm, v: &Value) -> PyResult<String> {
    str_or_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "str, bytes or bytearray expected, not {}",
            vm.type_name(v)
        ))
    })
}

/// The IPv4 address of a host: '' is INADDR_ANY, '<broadcast>' INADDR_BROADCAST,
/// a dotted quad itself, anything else what the resolver says.
fn resolve_v4(vm: &mut Vm, host: &str) -> PyResult<Ipv4Addr> {
    match host {
        "" => return Ok(Ipv4Addr::UNSPECIFIED),
        "<broadcast>" => return Ok(Ipv4Addr::BROADCAST),
        _ => {}
    }
    if let Ok(ip) = host.parse() {
        return Ok(ip);
    }
    match first_resolved(vm, host, libc::AF_INET)? {
        Some(a) => {
            // SAFETY: getaddrinfo was asked for AF_INET addresses only.
            let sin = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in) };
            Ok(Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr)))
        }
        None => Err(gai_error(vm, libc::EAI_NONAME)),
    }
}

/// The IPv6 address of a host, as `resolve_v4` finds it.
fn resolve_v6(vm: &mut Vm, host: &str) -> PyResult<Ipv6Addr> {
    if host.is_empty() {
        return Ok(Ipv6Addr::UNSPECIFIED);
    }
    if let Ok(ip) = host.parse() {
        return Ok(ip);
    }
    match first_resolved(vm, host, libc::AF_INET6)? {
        Some(a) => {
            // SAFETY: getaddrinfo was asked for AF_INET6 addresses only.
            let sin6 = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in6) };
            Ok(Ipv6Addr::from(sin6.sin6_addr.s6_addr))
        }
        None => Err(gai_error(vm, libc::EAI_NONAME)),
    }
}

/// One `getaddrinfo` result: family, socket type, protocol, canonical name, address.
struct AddrInfo {
    family: i32,
    socktype: i32,
    protocol: i32,
    canonname: Option<String>,
    addr: SockAddr,
}

/// The C `getaddrinfo`; a failure is `gaierror` (or the OSError of EAI_SYSTEM).
fn lookup(
    vm: &mut Vm,
    host: Option<&str>,
    port: Option<&str>,
    hints: (i32, i32, i32, i32),
) -> PyResult<Vec<AddrInfo>> {
    let c_string = |vm: &Vm, s: Option<&str>| {
        s.map(|s| CString::new(s).map_err(|_| vm.value_error("embedded null character")))
            .transpose()
    };
    let host_c = c_string(vm, host)?;
    let port_c = c_string(vm, port)?;
    // SAFETY: all-zero is a valid addrinfo hint.
    let mut hint: libc::addrinfo = unsafe { std::mem::zeroed() };
    (
        hint.ai_family,
        hint.ai_socktype,
        hint.ai_protocol,
        hint.ai_flags,
    ) = hints;
    let mut res: *mut libc::addrinfo = std::ptr::null_mut();
    // SAFETY: the strings live across the call; `res` is freed below.
    let code = unsafe {
        libc::getaddrinfo(
            host_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            port_c.as_ref().map_or(std::ptr::null(), |c| c.as_ptr()),
            &hint,
            &mut res,
        )
    };
    if code != 0 {
        if code == libc::EAI_SYSTEM {
            let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Err(errno_error(vm, errno, None, None));
        }
        return Err(gai_error(vm, code));
    }
    let mut out = Vec::new();
    let mut p = res;
    while !p.is_null() {
        // SAFETY: `p` walks the list getaddrinfo returned, not yet freed.
        let ai = unsafe { &*p };
        let mut addr = SockAddr::empty();
        let len = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: copying `len` bytes of the result's address into our storage.
        unsafe {
            std::ptr::copy_nonoverlapping(
                ai.ai_addr as *const u8,
                addr.as_mut_ptr() as *mut u8,
                len,
            );
        }
        addr.len = len as libc::socklen_t;
        let canonname = (!ai.ai_canonname.is_null())
            // SAFETY: a NUL-terminated name from getaddrinfo.
            .then(|| {
                unsafe { CStr::from_ptr(ai.ai_canonname) }
                    .to_string_lossy()
                    .into_owned()
            });
        out.push(AddrInfo {
            family: ai.ai_family,
            socktype: ai.ai_socktype,
            protocol: ai.ai_protocol,
            canonname,
            addr,
        });
        p = ai.ai_next;
    }
    // SAFETY: `res` came from getaddrinfo and is freed once.
    unsafe { libc::freeaddrinfo(res) };
    Ok(out)
}

fn first_resolved(vm: &mut Vm, host: &str, family: i32) -> PyResult<Option<SockAddr>> {
    let found = lookup(vm, Some(host), None, (family, 0, 0, 0))?;
    Ok(found
        .into_iter()
        .find(|ai| ai.family == family)
        .map(|ai| ai.addr))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn getaddrinfo(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let host_v = arg(args, kw, 0, "host").cloned().unwrap_or(Value::None);
    let port_v = arg(args, kw, 1, "port").cloned().unwrap_or(Value::None);
    let host = match &host_v {
        Value::None => None,
        v => Some(host_arg(vm, v)?),
    };
    let port = match &port_v {
        Value::None => None,
        Value::Int(n) => Some(n.to_string()),
        Value::Str(s) => Some(s.as_str().to_string()),
        v if is_bytes(vm, v) => str_or_bytes(v),
        _ => return Err(vm.new_error(&vm.types.os_error.clone(), "Int or String expected")),
    };
    let mut hints = [0i32; 4];
    for (i, name) in ["family", "type", "proto", "flags"].iter().enumerate() {
        if let Some(v) = arg(args, kw, i + 2, name) {
            hints[i] = int_arg(vm, v)?;
        }
    }
    let found = lookup(
        vm,
        host.as_deref(),
        port.as_deref(),
        (hints[0], hints[1], hints[2], hints[3]),
    )?;
    let items = found
        .into_iter()
        .map(|ai| {
            Value::tuple(vec![
                Value::Int(ai.family as i64),
                Value::Int(ai.socktype as i64),
                Value::Int(ai.protocol as i64),
                Value::from_string(ai.canonname.unwrap_or_default()),
                address_value(&ai.addr),
            ])
        })
        .collect();
    Ok(Value::list(items))
}

/// `getnameinfo(sockaddr, flags)`: (host, port) as strings.
fn getnameinfo(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getnameinfo", args, 2, 2)?;
    let Value::Tuple(t) = &args[0] else {
        return Err(vm.type_error("getnameinfo() argument 1 must be a tuple"));
    };
    let items = t.items.to_vec();
    if !(2..=4).contains(&items.len()) {
        return Err(vm.type_error("getnameinfo(): illegal sockaddr argument"));
    }
    let flags = int_arg(vm, &args[1])?;
    let host = host_arg(vm, &items[0])?;
    let port = arg_int(vm, &items[1])?;
    let port = u16::try_from(port)
        .map_err(|_| vm.overflow_error("getnameinfo(): port must be 0-65535."))?;
    let found = lookup(
        vm,
        Some(&host),
        Some(&port.to_string()),
        (libc::AF_UNSPEC, libc::SOCK_DGRAM, 0, libc::AI_NUMERICHOST),
    )?;
    let Some(first) = found.into_iter().next() else {
        return Err(vm.new_error(&vm.types.os_error.clone(), "sockaddr resolved to nothing"));
    };
    let mut addr = first.addr;
    if addr.storage.ss_family as i32 == libc::AF_INET6 {
        // SAFETY: an AF_INET6 result holds a sockaddr_in6.
        let sin6 = unsafe { &mut *(addr.as_mut_ptr() as *mut libc::sockaddr_in6) };
        if let Some(f) = items.get(2) {
            sin6.sin6_flowinfo = (arg_int(vm, f)? as u32).to_be();
        }
        if let Some(s) = items.get(3) {
            sin6.sin6_scope_id = arg_int(vm, s)? as u32;
        }
    }
    let (host, serv) = name_info(vm, &addr, flags)?;
    Ok(Value::tuple(vec![
        Value::from_string(host),
        Value::from_string(serv),
    ]))
}

/// The C `getnameinfo` of an address.
fn name_info(vm: &mut Vm, addr: &SockAddr, flags: i32) -> PyResult<(String, String)> {
    let mut host = [0 as libc::c_char; 1025];
    let mut serv = [0 as libc::c_char; 32];
    // SAFETY: the buffers are writable for the lengths given.
    let code = unsafe {
        libc::getnameinfo(
            addr.as_ptr(),
            addr.len,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            serv.as_mut_ptr(),
            serv.len() as libc::socklen_t,
            flags,
        )
    };
    if code != 0 {
        return Err(gai_error(vm, code));
    }
    // SAFETY: getnameinfo wrote NUL-terminated strings.
    let text = |b: &[libc::c_char]| {
        unsafe { CStr::from_ptr(b.as_ptr()) }
            .to_string_lossy()
            .into_owned()
    };
    Ok((text(&host), text(&serv)))
}

/// `gethostname()`.
fn gethostname(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "gethostname", args, 0, 0)?;
    let mut buf = [0 as libc::c_char; 1024];
    // SAFETY: the buffer is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr(), buf.len() - 1) } != 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(errno_error(vm, errno, None, None));
    }
    // SAFETY: NUL-terminated (the last byte was never written).
    let name = unsafe { CStr::from_ptr(buf.as_ptr()) };
    Ok(Value::from_string(name.to_string_lossy().into_owned()))
}

/// `gethostbyname(name)`: the IPv4 address as a dotted quad.
fn gethostbyname(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "gethostbyname", args, 1, 1)?;
    let host = host_arg(vm, &args[0])?;
    let ip = resolve_v4(vm, &host)?;
    Ok(Value::from_string(ip.to_string()))
}

/// `gethostbyaddr(ip_address)`: (name, aliases, addresses); `herror` when the
/// address has no name.
fn gethostbyaddr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "gethostbyaddr", args, 1, 1)?;
    let host = host_arg(vm, &args[0])?;
    let found = lookup(vm, Some(&host), None, (libc::AF_UNSPEC, 0, 0, 0))?;
    let Some(first) = found.into_iter().next() else {
        return Err(gai_error(vm, libc::EAI_NONAME));
    };
    let ip = match address_value(&first.addr) {
        Value::Tuple(t) => t.items[0].clone(),
        other => other,
    };
    let name = match name_info(vm, &first.addr, libc::NI_NAMEREQD) {
        Ok((name, _)) => name,
        Err(_) => return Err(super::herror(vm, 1, "Unknown host")),
    };
    Ok(Value::tuple(vec![
        Value::from_string(name),
        Value::list(Vec::new()),
        Value::list(vec![ip]),
    ]))
}

/// `inet_pton(family, ip_string)`: the packed address.
fn inet_pton(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "inet_pton", args, 2, 2)?;
    let family = int_arg(vm, &args[0])?;
    let Value::Str(s) = &args[1] else {
        return Err(vm.type_error(format!(
            "inet_pton() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let packed = match family {
        libc::AF_INET => s
            .as_str()
            .parse::<Ipv4Addr>()
            .map(|ip| ip.octets().to_vec()),
        libc::AF_INET6 => s
            .as_str()
            .parse::<Ipv6Addr>()
            .map(|ip| ip.octets().to_vec()),
        _ => return Err(errno_error(vm, libc::EAFNOSUPPORT, None, None)),
    };
    packed.map(new_bytes).map_err(|_| {
        vm.new_error(
            &vm.types.os_error.clone(),
            "illegal IP address string passed to inet_pton",
        )
    })
}

/// `inet_ntop(family, packed_ip)`.
fn inet_ntop(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "inet_ntop", args, 2, 2)?;
    let family = int_arg(vm, &args[0])?;
    let Some(packed) = bytes_like(&args[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    let text = match family {
        libc::AF_INET => {
            <[u8; 4]>::try_from(packed.as_slice()).map(|b| Ipv4Addr::from(b).to_string())
        }
        libc::AF_INET6 => {
            <[u8; 16]>::try_from(packed.as_slice()).map(|b| Ipv6Addr::from(b).to_string())
        }
        _ => return Err(vm.value_error(format!("unknown address family {family}"))),
    };
    text.map(Value::from_string)
        .map_err(|_| vm.value_error("invalid length of packed IP address string"))
}

extern "C" {
    /// Not in the libc crate: POSIX's lenient dotted-address parser.
    fn inet_aton(cp: *const libc::c_char, inp: *mut libc::in_addr) -> libc::c_int;
}

/// `inet_aton(ip_string)`: the C function's lenient forms ('127.1') too.
fn inet_aton_call(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "inet_aton", args, 1, 1)?;
    let Value::Str(s) = &args[0] else {
        return Err(vm.type_error(format!(
            "inet_aton() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let illegal = |vm: &Vm| {
        vm.new_error(
            &vm.types.os_error.clone(),
            "illegal IP address string passed to inet_aton",
        )
    };
    let c = CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))?;
    // SAFETY: all-zero is a valid in_addr; inet_aton writes it.
    let mut out: libc::in_addr = unsafe { std::mem::zeroed() };
    // SAFETY: a NUL-terminated string and a writable in_addr.
    if unsafe { inet_aton(c.as_ptr(), &mut out) } == 0 {
        return Err(illegal(vm));
    }
    Ok(new_bytes(u32::from_be(out.s_addr).to_be_bytes().to_vec()))
}

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getaddrinfo", getaddrinfo),
    ("getnameinfo", getnameinfo),
    ("gethostname", gethostname),
    ("gethostbyname", gethostbyname),
    ("gethostbyaddr", gethostbyaddr),
    ("inet_pton", inet_pton),
    ("inet_ntop", inet_ntop),
    ("inet_aton", inet_aton_call),
];

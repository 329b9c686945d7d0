//! `errno`: the platform's error numbers (from the `libc` crate) and `errorcode`,
//! the map from number to name. Depends on core's public API.

use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

macro_rules! codes {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name as i64)),*]
    };
}

/// Names only Linux has; listed first so that, where two names share a number,
/// `errorcode` gives the one CPython gives (EDEADLOCK).
#[cfg(target_os = "linux")]
const PLATFORM: &[(&str, i64)] = codes!(
    EADV,
    EBADE,
    EBADFD,
    EBADR,
    EBADRQC,
    EBADSLT,
    EBFONT,
    ECHRNG,
    ECOMM,
    EDEADLOCK,
    EDOTDOT,
    EISNAM,
    EKEYEXPIRED,
    EKEYREJECTED,
    EKEYREVOKED,
    EL2HLT,
    EL2NSYNC,
    EL3HLT,
    EL3RST,
    ELIBACC,
    ELIBBAD,
    ELIBEXEC,
    ELIBMAX,
    ELIBSCN,
    ELNRNG,
    EMEDIUMTYPE,
    ENAVAIL,
    ENOANO,
    ENOCSI,
    ENOKEY,
    ENOMEDIUM,
    ENONET,
    ENOPKG,
    ENOTNAM,
    ENOTUNIQ,
    EREMCHG,
    EREMOTEIO,
    ERESTART,
    ERFKILL,
    ESRMNT,
    ESTRPIPE,
    EUCLEAN,
    EUNATCH,
    EXFULL,
);
#[cfg(not(target_os = "linux"))]
const PLATFORM: &[(&str, i64)] = &[];

/// The names every Unix has; of two names for one number, the first listed is
/// `errorcode`'s (EAGAIN over EWOULDBLOCK, ENOTSUP over EOPNOTSUPP).
const COMMON: &[(&str, i64)] = codes!(
    E2BIG,
    EACCES,
    EADDRINUSE,
    EADDRNOTAVAIL,
    EAFNOSUPPORT,
    EAGAIN,
    EALREADY,
    EBADF,
    EBADMSG,
    EBUSY,
    ECANCELED,
    ECHILD,
    ECONNABORTED,
    ECONNREFUSED,
    ECONNRESET,
    EDEADLK,
    EDESTADDRREQ,
    EDOM,
    EDQUOT,
    EEXIST,
    EFAULT,
    EFBIG,
    EHOSTDOWN,
    EHOSTUNREACH,
    EIDRM,
    EILSEQ,
    EINPROGRESS,
    EINTR,
    EINVAL,
    EIO,
    EISCONN,
    EISDIR,
    ELOOP,
    EMFILE,
    EMLINK,
    EMSGSIZE,
    EMULTIHOP,
    ENAMETOOLONG,
    ENETDOWN,
    ENETRESET,
    ENETUNREACH,
    ENFILE,
    ENOBUFS,
    ENODATA,
    ENODEV,
    ENOENT,
    ENOEXEC,
    ENOLCK,
    ENOLINK,
    ENOMEM,
    ENOMSG,
    ENOPROTOOPT,
    ENOSPC,
    ENOSR,
    ENOSTR,
    ENOSYS,
    ENOTBLK,
    ENOTCONN,
    ENOTDIR,
    ENOTEMPTY,
    ENOTRECOVERABLE,
    ENOTSOCK,
    ENOTSUP,
    ENOTTY,
    ENXIO,
    EOPNOTSUPP,
    EOVERFLOW,
    EOWNERDEAD,
    EPERM,
    EPFNOSUPPORT,
    EPIPE,
    EPROTO,
    EPROTONOSUPPORT,
    EPROTOTYPE,
    ERANGE,
    EREMOTE,
    EROFS,
    ESHUTDOWN,
    ESOCKTNOSUPPORT,
    ESPIPE,
    ESRCH,
    ESTALE,
    ETIME,
    ETIMEDOUT,
    ETOOMANYREFS,
    ETXTBSY,
    EUSERS,
    EWOULDBLOCK,
    EXDEV,
);

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let errorcode = Dict::new_rc();
    for &(name, code) in PLATFORM.iter().chain(COMMON) {
        d.set_str(vm.intern(name), Value::Int(code));
        let key = Value::Int(code);
        if vm.dict_lookup(&errorcode, &key)?.is_none() {
            vm.dict_set(&errorcode, key, Value::str(name))?;
        }
    }
    d.set_str(vm.intern("errorcode"), Value::Dict(errorcode));
    Ok(())
}

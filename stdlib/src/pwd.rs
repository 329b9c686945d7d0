//! `pwd`: the password database (`getpwuid`, `getpwnam`, `getpwall`) through libc's
//! reentrant lookups, entries as `pwd.struct_passwd`, a missing one CPython's
//! KeyError. Also the uid / gid argument conversion `grp` shares. Depends on
//! `posix` (text conversions), `structseq` and `libc`.

use crate::posix::{fs_encoded, name_value};
use crate::structseq;
use num_bigint::BigInt;
use num_traits::ToPrimitive;
use std::ffi::{CStr, CString};
use tripwire_core::builtins::add_function;
use tripwire_core::modules::math::index_big;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// The `struct_passwd` type of this interpreter.
struct PasswdType(Value);

const FIELDS: &[&str] = &[
    "pw_name",
    "pw_passwd",
    "pw_uid",
    "pw_gid",
    "pw_gecos",
    "pw_dir",
    "pw_shell",
];

const DOC: &str = "pwd.struct_passwd: Results from getpw*() routines.\n\n\
This object may be accessed either as a tuple of\n  \
(pw_name,pw_passwd,pw_uid,pw_gid,pw_gecos,pw_dir,pw_shell)\n\
or via the object attributes as named in the above tuple.";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getpwuid", getpwuid),
    ("getpwnam", getpwnam),
    ("getpwall", getpwall),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = structseq::new_type(vm, "pwd", "struct_passwd", FIELDS, DOC)?;
    d.set_str(vm.intern("struct_passwd"), t.clone());
    vm.set_extension_state(PasswdType(t));
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "pwd", name, *f);
    }
    Ok(())
}

/// The TypeErrors of a function of one positional argument, worded as CPython's.
pub(crate) fn one_arg<'a>(
    vm: &Vm,
    func: &str,
    args: &'a [Value],
    kw: &[KwArg],
) -> PyResult<&'a Value> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{func}() takes no keyword arguments")));
    }
    match args {
        [v] => Ok(v),
        _ => Err(vm.type_error(format!(
            "{func}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// Why a uid or gid argument does not fit the C type.
pub(crate) enum IdError {
    Below,
    Above,
}

/// A uid / gid argument (`what` names it in the messages) as CPython converts it:
/// any integer with `__index__`, -1 meaning "no id" (all bits set); an int too
/// large for the type is an IdError, as is any other negative one.
pub(crate) fn id_arg(vm: &mut Vm, what: &str, v: &Value) -> PyResult<Result<u32, IdError>> {
    let index = vm.names.d_index.clone();
    if vm.type_of(v).lookup(&index).is_none() {
        return Err(vm.type_error(format!("{what} should be integer, not {}", vm.type_name(v))));
    }
    let n: BigInt = index_big(vm, v)?;
    Ok(match n.to_i64() {
        Some(-1) => Ok(u32::MAX),
        // CPython reports a value that fits a C long but not the id type as below
        // the minimum, too.
        Some(i) => u32::try_from(i).map_err(|_| IdError::Below),
        None if n.sign() == num_bigint::Sign::Minus => Err(IdError::Below),
        None => Err(IdError::Above),
    })
}

/// A str argument as a C string: CPython's TypeError (`argument` names it) and
/// ValueError for an embedded NUL.
pub(crate) fn name_arg(vm: &Vm, func: &str, argument: &str, v: &Value) -> PyResult<CString> {
    let Value::Str(s) = v else {
        return Err(vm.type_error(format!(
            "{func}() {argument} must be str, not {}",
            vm.type_name(v)
        )));
    };
    CString::new(fs_encoded(vm, s)?).map_err(|_| vm.value_error("embedded null byte"))
}

/// A C string of the database as str (UTF-8 with surrogateescape).
pub(crate) fn text(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return Value::str("");
    }
    // SAFETY: libc's entries hold NUL-terminated strings, alive until the next
    // lookup; they are copied here.
    name_value(unsafe { CStr::from_ptr(p) }.to_bytes(), false)
}

/// Call a reentrant lookup with a buffer that grows while it is too small.
/// The found entry's row, None when there is none, or the OSError of the lookup.
pub(crate) fn lookup<T>(
    vm: &mut Vm,
    call: impl Fn(*mut T, *mut libc::c_char, libc::size_t, *mut *mut T) -> libc::c_int,
    row: impl Fn(&T) -> Vec<Value>,
) -> PyResult<Option<Vec<Value>>> {
    let mut size = 1024usize;
    loop {
        let mut buf = vec![0 as libc::c_char; size];
        // SAFETY: an all-zero C struct of pointers and ints is valid; the call
        // fills it or leaves `found` null.
        let mut entry: T = unsafe { std::mem::zeroed() };
        let mut found: *mut T = std::ptr::null_mut();
        let err = call(&mut entry, buf.as_mut_ptr(), size, &mut found);
        if err == libc::ERANGE && size < (1 << 24) {
            size *= 2;
            continue;
        }
        if !found.is_null() {
            return Ok(Some(row(&entry)));
        }
        // "Not found" is 0 or one of these, depending on the libc and source.
        if matches!(
            err,
            0 | libc::ENOENT | libc::ESRCH | libc::EBADF | libc::EPERM
        ) {
            return Ok(None);
        }
        return Err(crate::posix::errno_error(vm, err, None, None));
    }
}

fn passwd_row(p: &libc::passwd) -> Vec<Value> {
    vec![
        text(p.pw_name),
        text(p.pw_passwd),
        Value::Int(p.pw_uid as i64),
        Value::Int(p.pw_gid as i64),
        text(p.pw_gecos),
        text(p.pw_dir),
        text(p.pw_shell),
    ]
}

fn entry(vm: &mut Vm, row: Vec<Value>) -> PyResult<Value> {
    let t = match vm.extension_state::<PasswdType>() {
        Some(PasswdType(t)) => t.clone(),
        None => return Err(vm.runtime_error("pwd is not initialised")),
    };
    structseq::instance(vm, &t, row)
}

fn getpwuid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "pwd.getpwuid", args, kw)?;
    let Ok(uid) = id_arg(vm, "uid", v)? else {
        return Err(vm.key_error(Value::str("getpwuid(): uid not found")));
    };
    // SAFETY: the pointers come from `lookup`, sized as it says.
    let row = lookup(
        vm,
        |e, buf, size, found| unsafe { libc::getpwuid_r(uid, e, buf, size, found) },
        passwd_row,
    )?;
    match row {
        Some(row) => entry(vm, row),
        None => {
            let shown = vm.to_str(v)?;
            Err(vm.key_error(Value::from_string(format!(
                "getpwuid(): uid not found: {}",
                shown.as_str()
            ))))
        }
    }
}

fn getpwnam(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let v = one_arg(vm, "pwd.getpwnam", args, kw)?;
    let name = name_arg(vm, "getpwnam", "argument", v)?;
    // SAFETY: as for getpwuid; `name` outlives the call.
    let row = lookup(
        vm,
        |e, buf, size, found| unsafe { libc::getpwnam_r(name.as_ptr(), e, buf, size, found) },
        passwd_row,
    )?;
    match row {
        Some(row) => entry(vm, row),
        None => Err(name_not_found(vm, "getpwnam", v)?),
    }
}

/// The KeyError of `func` for the name `v`: "getpwnam(): name not found: 'x'".
pub(crate) fn name_not_found(vm: &mut Vm, func: &str, v: &Value) -> PyResult<tripwire_core::PyErr> {
    let shown = vm.repr(v)?;
    Ok(vm.key_error(Value::from_string(format!(
        "{func}(): name not found: {}",
        shown.as_str()
    ))))
}

/// `getpwall()` / `getgrall()`: no arguments, then every row `rows` reads from the
/// system's enumeration, each made an entry.
pub(crate) fn all_entries(
    vm: &mut Vm,
    qualname: &str,
    (args, kw): (&[Value], &[KwArg]),
    rows: impl FnOnce() -> Vec<Vec<Value>>,
    entry: fn(&mut Vm, Vec<Value>) -> PyResult<Value>,
) -> PyResult<Value> {
    if !kw.is_empty() || !args.is_empty() {
        return Err(vm.type_error(format!(
            "{qualname}() takes no arguments ({} given)",
            args.len() + kw.len()
        )));
    }
    let mut entries = Vec::new();
    for row in rows() {
        entries.push(entry(vm, row)?);
    }
    Ok(Value::list(entries))
}

fn getpwall(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let rows = || {
        let mut rows = Vec::new();
        // SAFETY: the enumeration runs on this thread alone (no Python code runs
        // between its calls), and each entry is copied before the next call.
        unsafe {
            libc::setpwent();
            loop {
                let p = libc::getpwent();
                if p.is_null() {
                    break;
                }
                rows.push(passwd_row(&*p));
            }
            libc::endpwent();
        }
        rows
    };
    all_entries(vm, "pwd.getpwall", (args, kw), rows, entry)
}

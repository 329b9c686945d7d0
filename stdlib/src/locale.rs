//! `_locale`: the C library's locales, under CPython's `locale` module —
//! `setlocale`, `localeconv`, `nl_langinfo` and its constants, `strcoll` /
//! `strxfrm` (the wide-character forms, as CPython calls them), `getencoding`, the
//! message catalogue calls and `locale.Error`. Importing it sets the `LC_CTYPE`
//! category from the environment, as CPython's start-up does. Depends on `libc`.

use crate::module_error;
use std::ffi::{CStr, CString};
use tripwire_core::builtins::{add_function, arg_int, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

// The wide-character collation and the message catalogues of the C library, which
// the libc crate does not declare.
extern "C" {
    fn wcscoll(a: *const libc::wchar_t, b: *const libc::wchar_t) -> libc::c_int;
    fn wcsxfrm(
        dest: *mut libc::wchar_t,
        src: *const libc::wchar_t,
        n: libc::size_t,
    ) -> libc::size_t;
    fn gettext(msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dgettext(domain: *const libc::c_char, msgid: *const libc::c_char) -> *mut libc::c_char;
    fn dcgettext(
        domain: *const libc::c_char,
        msgid: *const libc::c_char,
        category: libc::c_int,
    ) -> *mut libc::c_char;
    fn textdomain(domain: *const libc::c_char) -> *mut libc::c_char;
    fn bindtextdomain(domain: *const libc::c_char, dir: *const libc::c_char) -> *mut libc::c_char;
    fn bind_textdomain_codeset(
        domain: *const libc::c_char,
        codeset: *const libc::c_char,
    ) -> *mut libc::c_char;
}

/// The `locale.Error` class of this interpreter.
struct LocaleError(TypeRef);

fn locale_error(vm: &mut Vm, msg: &str) -> PyErr {
    match vm.extension_state::<LocaleError>() {
        Some(LocaleError(t)) => {
            let t = t.clone();
            vm.new_error(&t, msg)
        }
        None => vm.runtime_error(msg),
    }
}

const CATEGORIES: &[(&str, libc::c_int)] = &[
    ("LC_CTYPE", libc::LC_CTYPE),
    ("LC_COLLATE", libc::LC_COLLATE),
    ("LC_TIME", libc::LC_TIME),
    ("LC_MONETARY", libc::LC_MONETARY),
    ("LC_NUMERIC", libc::LC_NUMERIC),
    ("LC_ALL", libc::LC_ALL),
    ("LC_MESSAGES", libc::LC_MESSAGES),
];

macro_rules! langinfo {
    ($($name:ident),* $(,)?) => {
        &[$((stringify!($name), libc::$name)),*]
    };
}

/// The `nl_langinfo` keys CPython offers on Linux.
const LANGINFO: &[(&str, libc::nl_item)] = langinfo![
    CODESET,
    D_T_FMT,
    D_FMT,
    T_FMT,
    T_FMT_AMPM,
    AM_STR,
    PM_STR,
    DAY_1,
    DAY_2,
    DAY_3,
    DAY_4,
    DAY_5,
    DAY_6,
    DAY_7,
    ABDAY_1,
    ABDAY_2,
    ABDAY_3,
    ABDAY_4,
    ABDAY_5,
    ABDAY_6,
    ABDAY_7,
    MON_1,
    MON_2,
    MON_3,
    MON_4,
    MON_5,
    MON_6,
    MON_7,
    MON_8,
    MON_9,
    MON_10,
    MON_11,
    MON_12,
    ABMON_1,
    ABMON_2,
    ABMON_3,
    ABMON_4,
    ABMON_5,
    ABMON_6,
    ABMON_7,
    ABMON_8,
    ABMON_9,
    ABMON_10,
    ABMON_11,
    ABMON_12,
    RADIXCHAR,
    THOUSEP,
    YESEXPR,
    NOEXPR,
    CRNCYSTR,
    ERA,
    ERA_D_FMT,
    ERA_D_T_FMT,
    ERA_T_FMT,
    ALT_DIGITS,
];

/// glibc's full date format (`date`'s), which CPython offers as `_DATE_FMT`.
const DATE_FMT: libc::nl_item = 0x2006c;

/// Text the C library returned (NULL as '').
fn c_text(p: *const libc::c_char) -> Value {
    if p.is_null() {
        return Value::str("");
    }
    // SAFETY: the C library returns a NUL-terminated string it keeps alive until the
    // next call of the same kind, which comes after this copy.
    let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
    Value::from_string(String::from_utf8_lossy(bytes).into_owned())
}

/// A str argument as a C string; CPython's error for an embedded NUL.
fn c_string(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<CString> {
    let Some(s) = v.as_str() else {
        return Err(vm.type_error(format!(
            "{fname}() argument must be str, not {}",
            vm.type_name(v)
        )));
    };
    CString::new(s.as_str()).map_err(|_| vm.value_error("embedded null character"))
}

/// None, or a str argument as a C string.
fn optional_c_string(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Option<CString>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => c_string(vm, v, fname).map(Some),
    }
}

/// A str argument as a NUL-terminated wide string.
fn wide(vm: &mut Vm, v: &Value, fname: &str, arg: usize) -> PyResult<Vec<libc::wchar_t>> {
    let Some(s) = v.as_str() else {
        return Err(vm.type_error(format!(
            "{fname}() argument {arg} must be str, not {}",
            vm.type_name(v)
        )));
    };
    if s.as_str().contains('\0') {
        return Err(vm.value_error("embedded null character"));
    }
    let mut out: Vec<libc::wchar_t> = s.as_str().chars().map(|c| c as libc::wchar_t).collect();
    out.push(0);
    Ok(out)
}

fn category_arg(vm: &mut Vm, v: &Value) -> PyResult<libc::c_int> {
    let n = arg_int(vm, v)?;
    libc::c_int::try_from(n)
        .map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
}

/// `setlocale(category, locale=None)`: the category's locale, after setting it when
/// `locale` is given ('' takes it from the environment).
fn setlocale(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    tripwire_core::builtins::no_kwargs(vm, "setlocale", kw)?;
    check_args(vm, "setlocale", args, 1, 2)?;
    // The C library refuses a category it does not know (NULL).
    let category = category_arg(vm, &args[0])?;
    let wanted = optional_c_string(vm, args.get(1), "setlocale")?;
    let ptr = wanted.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: `ptr` is NULL or a NUL-terminated string alive for the call.
    let result = unsafe { libc::setlocale(category, ptr) };
    if result.is_null() {
        let msg = if wanted.is_some() {
            "unsupported locale setting"
        } else {
            "locale query failed"
        };
        return Err(locale_error(vm, msg));
    }
    Ok(c_text(result))
}

/// A grouping string of `localeconv` as CPython lists it: each group size up to the
/// terminating 0 or CHAR_MAX, which is kept.
fn grouping(p: *const libc::c_char) -> Value {
    let mut out = Vec::new();
    if !p.is_null() {
        // SAFETY: a NUL-terminated string of the C library's locale data.
        let bytes = unsafe { CStr::from_ptr(p) }.to_bytes();
        for &b in bytes {
            out.push(Value::Int(b as i64));
            if b as libc::c_char == libc::c_char::MAX {
                break;
            }
        }
        if !out.is_empty() && !bytes.contains(&(libc::c_char::MAX as u8)) {
            out.push(Value::Int(0));
        }
    }
    Value::list(out)
}

/// `localeconv()`: the numeric and monetary conventions of the current locale.
fn localeconv(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "localeconv", args, 0, 0)?;
    // SAFETY: localeconv returns the C library's static structure, read here before
    // anything else can change the locale.
    let lc = unsafe { &*libc::localeconv() };
    let d = Dict::new_rc();
    let set = |vm: &mut Vm, name: &str, v: Value| {
        d.set_str(vm.intern(name), v);
    };
    let int = |c: libc::c_char| Value::Int(c as u8 as i64);
    set(vm, "int_curr_symbol", c_text(lc.int_curr_symbol));
    set(vm, "currency_symbol", c_text(lc.currency_symbol));
    set(vm, "mon_decimal_point", c_text(lc.mon_decimal_point));
    set(vm, "mon_thousands_sep", c_text(lc.mon_thousands_sep));
    set(vm, "mon_grouping", grouping(lc.mon_grouping));
    set(vm, "positive_sign", c_text(lc.positive_sign));
    set(vm, "negative_sign", c_text(lc.negative_sign));
    set(vm, "int_frac_digits", int(lc.int_frac_digits));
    set(vm, "frac_digits", int(lc.frac_digits));
    set(vm, "p_cs_precedes", int(lc.p_cs_precedes));
    set(vm, "p_sep_by_space", int(lc.p_sep_by_space));
    set(vm, "n_cs_precedes", int(lc.n_cs_precedes));
    set(vm, "n_sep_by_space", int(lc.n_sep_by_space));
    set(vm, "p_sign_posn", int(lc.p_sign_posn));
    set(vm, "n_sign_posn", int(lc.n_sign_posn));
    set(vm, "decimal_point", c_text(lc.decimal_point));
    set(vm, "thousands_sep", c_text(lc.thousands_sep));
    set(vm, "grouping", grouping(lc.grouping));
    Ok(Value::Dict(d))
}

/// `nl_langinfo(key)`, for the keys CPython offers.
fn nl_langinfo(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "nl_langinfo", args, 1, 1)?;
    let key = category_arg(vm, &args[0])?;
    if key != DATE_FMT && !LANGINFO.iter().any(|(_, k)| *k == key) {
        return Err(vm.value_error("unsupported langinfo constant"));
    }
    // SAFETY: a key the C library knows; it returns a string it owns.
    Ok(c_text(unsafe { libc::nl_langinfo(key) }))
}

/// `strcoll(a, b)`: the two strings compared by the collation locale.
fn strcoll(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "strcoll", args, 2, 2)?;
    let a = wide(vm, &args[0], "strcoll", 1)?;
    let b = wide(vm, &args[1], "strcoll", 2)?;
    // SAFETY: both are NUL-terminated wide strings alive for the call.
    Ok(Value::Int(unsafe { wcscoll(a.as_ptr(), b.as_ptr()) } as i64))
}

/// `strxfrm(s)`: the string whose code-point order is `s`'s collation order.
fn strxfrm(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "strxfrm", args, 1, 1)?;
    let s = wide(vm, &args[0], "strxfrm", 1)?;
    // SAFETY: with n = 0 nothing is written; the result is the length needed.
    let n = unsafe { wcsxfrm(std::ptr::null_mut(), s.as_ptr(), 0) };
    let mut out: Vec<libc::wchar_t> = vec![0; n + 1];
    // SAFETY: `out` holds n + 1 wide characters, the result and its NUL.
    unsafe { wcsxfrm(out.as_mut_ptr(), s.as_ptr(), n + 1) };
    out.truncate(n);
    let text: String = out
        .iter()
        .map(|&c| char::from_u32(c as u32).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    Ok(Value::from_string(text))
}

/// Whether the program runs in CPython's UTF-8 mode: the locale `LC_CTYPE` had at
/// start-up (taken when `_locale` is imported) was C or POSIX.
struct Utf8Mode(bool);

/// `getencoding()`: the locale's encoding ('utf-8' in UTF-8 mode).
fn getencoding(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getencoding", args, 0, 0)?;
    if matches!(vm.extension_state::<Utf8Mode>(), Some(Utf8Mode(true))) {
        return Ok(Value::str("utf-8"));
    }
    // SAFETY: CODESET is a key the C library knows.
    let codeset = c_text(unsafe { libc::nl_langinfo(libc::CODESET) });
    Ok(match codeset.as_str() {
        Some(s) if !s.as_str().is_empty() => codeset,
        _ => Value::str("utf-8"),
    })
}

/// A message-catalogue call's result.
fn catalogue_text(p: *mut libc::c_char) -> Value {
    if p.is_null() {
        Value::None
    } else {
        c_text(p)
    }
}

fn gettext_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "gettext", args, 1, 1)?;
    let msg = c_string(vm, &args[0], "gettext")?;
    // SAFETY: a NUL-terminated string alive for the call.
    Ok(catalogue_text(unsafe { gettext(msg.as_ptr()) }))
}

fn dgettext_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "dgettext", args, 2, 2)?;
    let domain = optional_c_string(vm, args.first(), "dgettext")?;
    let msg = c_string(vm, &args[1], "dgettext")?;
    let domain = domain.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or NUL-terminated strings alive for the call.
    Ok(catalogue_text(unsafe { dgettext(domain, msg.as_ptr()) }))
}

fn dcgettext_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "dcgettext", args, 3, 3)?;
    let domain = optional_c_string(vm, args.first(), "dcgettext")?;
    let msg = c_string(vm, &args[1], "dcgettext")?;
    let category = category_arg(vm, &args[2])?;
    let domain = domain.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or NUL-terminated strings alive for the call.
    Ok(catalogue_text(unsafe {
        dcgettext(domain, msg.as_ptr(), category)
    }))
}

fn textdomain_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "textdomain", args, 1, 1)?;
    let domain = optional_c_string(vm, args.first(), "textdomain")?;
    let ptr = domain.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or a NUL-terminated string alive for the call.
    let result = unsafe { textdomain(ptr) };
    if result.is_null() {
        return Err(crate::posix::last_error(vm, None));
    }
    Ok(c_text(result))
}

fn bindtextdomain_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "bindtextdomain", args, 2, 2)?;
    let domain = c_string(vm, &args[0], "bindtextdomain")?;
    if domain.as_bytes().is_empty() {
        return Err(vm.value_error("empty string"));
    }
    let dir = optional_c_string(vm, args.get(1), "bindtextdomain")?;
    let dir = dir.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or NUL-terminated strings alive for the call.
    let result = unsafe { bindtextdomain(domain.as_ptr(), dir) };
    if result.is_null() {
        return Err(crate::posix::last_error(vm, None));
    }
    Ok(c_text(result))
}

fn bind_textdomain_codeset_fn(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "bind_textdomain_codeset", args, 2, 2)?;
    let domain = c_string(vm, &args[0], "bind_textdomain_codeset")?;
    let codeset = optional_c_string(vm, args.get(1), "bind_textdomain_codeset")?;
    let codeset = codeset.as_ref().map_or(std::ptr::null(), |c| c.as_ptr());
    // SAFETY: NULL or NUL-terminated strings alive for the call.
    Ok(catalogue_text(unsafe {
        bind_textdomain_codeset(domain.as_ptr(), codeset)
    }))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("setlocale", setlocale),
    ("localeconv", localeconv),
    ("nl_langinfo", nl_langinfo),
    ("strcoll", strcoll),
    ("strxfrm", strxfrm),
    ("getencoding", getencoding),
    ("gettext", gettext_fn),
    ("dgettext", dgettext_fn),
    ("dcgettext", dcgettext_fn),
    ("textdomain", textdomain_fn),
    ("bindtextdomain", bindtextdomain_fn),
    ("bind_textdomain_codeset", bind_textdomain_codeset_fn),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    // CPython's start-up takes LC_CTYPE from the environment.
    // SAFETY: "" is a NUL-terminated string; the result is copied at once.
    let ctype = c_text(unsafe { libc::setlocale(libc::LC_CTYPE, c"".as_ptr()) });
    let c_locale = matches!(ctype.as_str().map(|s| s.as_str()), Some("C" | "POSIX"));
    vm.set_extension_state(Utf8Mode(c_locale));
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "_locale", name, *f);
    }
    for (name, value) in CATEGORIES.iter().chain(LANGINFO) {
        d.set_str(vm.intern(name), Value::Int(*value as i64));
    }
    d.set_str(vm.intern("_DATE_FMT"), Value::Int(DATE_FMT as i64));
    d.set_str(vm.intern("CHAR_MAX"), Value::Int(libc::c_char::MAX as i64));
    let error = module_error::new_class(vm, "locale", "Error")?;
    d.set_str(vm.intern("Error"), Value::Type(error.clone()));
    vm.set_extension_state(LocaleError(error));
    Ok(())
}

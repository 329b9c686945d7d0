//! The calendar side of the `time` module: `struct_time`, `localtime`, `gmtime`,
//! `mktime`, `strftime`, `asctime`, `ctime` and the time zone constants. The C
//! library converts (`localtime_r`, `gmtime_r`, `mktime`, `strftime`); the Python
//! part (`py/time_calendar.py`) builds the functions and `struct_time` on three
//! native helpers. Used only by `modules::time`.

use crate::builtins::add_function;
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyResult, Vm};

/// The seconds argument: now when None, else an int or float floored to whole
/// seconds, as CPython converts timestamps for the C library.
fn seconds(vm: &mut Vm, v: &Value) -> PyResult<libc::time_t> {
    let secs = match v {
        Value::None => {
            return Ok(std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs() as libc::time_t)
                .unwrap_or(0))
        }
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            f.floor()
        }
        other => {
            let n = super::math::index_big(vm, other)?;
            super::math::big_to_f64(&n).unwrap_or(f64::INFINITY)
        }
    };
    if !(secs >= libc::time_t::MIN as f64 && secs < libc::time_t::MAX as f64) {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(secs as libc::time_t)
}

/// A broken-down time as the 11 fields of `struct_time`.
fn fields_of(tm: &libc::tm) -> Value {
    let zone = if tm.tm_zone.is_null() {
        Value::None
    } else {
        // SAFETY: the C library set `tm_zone` to a NUL-terminated string that lives
        // at least until the next conversion.
        let name = unsafe { std::ffi::CStr::from_ptr(tm.tm_zone) };
        Value::from_string(name.to_string_lossy().into_owned())
    };
    let ints = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ];
    let mut items: Vec<Value> = ints.into_iter().map(Value::Int).collect();
    items.push(zone);
    // `c_long` is narrower than i64 on some targets.
    #[allow(clippy::useless_conversion)]
    let gmtoff = i64::from(tm.tm_gmtoff);
    items.push(Value::Int(gmtoff));
    Value::tuple(items)
}

/// `_broken_down(seconds, local)`.
fn broken_down(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [secs, local] = args else {
        return Err(vm.type_error("_broken_down() takes 2 arguments"));
    };
    let t = seconds(vm, secs)?;
    // SAFETY: an all-zero `tm` is a valid value (a null `tm_zone`).
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    // SAFETY: both pointers are to live locals.
    let ok = unsafe {
        if vm.truthy(local)? {
            !libc::localtime_r(&t, &mut tm).is_null()
        } else {
            !libc::gmtime_r(&t, &mut tm).is_null()
        }
    };
    if !ok {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(fields_of(&tm))
}

/// A `tm` from the fields of a time tuple (9, or 11 with zone and offset).
fn tm_of(vm: &mut Vm, fields: &Value) -> PyResult<(libc::tm, Option<std::ffi::CString>)> {
    let items = vm.collect_iterable(fields)?;
    if items.len() < 9 {
        return Err(vm.type_error("function takes a sequence of length 9"));
    }
    let mut n = [0i32; 9];
    for (slot, v) in n.iter_mut().zip(&items) {
        let i = crate::builtins::arg_int(vm, v)?;
        *slot = i32::try_from(i)
            .map_err(|_| vm.overflow_error("Python int too large to convert to C int"))?;
    }
    // SAFETY: an all-zero `tm` is a valid value.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    let year = n[0]
        .checked_sub(1900)
        .ok_or_else(|| vm.overflow_error("year out of range"))?;
    tm.tm_year = year;
    tm.tm_mon = n[1] - 1;
    tm.tm_mday = n[2];
    tm.tm_hour = n[3];
    tm.tm_min = n[4];
    tm.tm_sec = n[5];
    tm.tm_wday = (n[6] + 1).rem_euclid(7);
    tm.tm_yday = n[7] - 1;
    tm.tm_isdst = n[8];
    let zone = match items.get(9) {
        Some(Value::Str(s)) => std::ffi::CString::new(s.as_str()).ok(),
        _ => None,
    };
    if let Some(z) = &zone {
        tm.tm_zone = z.as_ptr();
    }
    if let Some(Value::Int(off)) = items.get(10) {
        // `c_long` is narrower than i64 on some targets.
        #[allow(clippy::useless_conversion)]
        let gmtoff = libc::c_long::try_from(*off).unwrap_or(0);
        tm.tm_gmtoff = gmtoff;
    }
    Ok((tm, zone))
}

/// `_mktime(fields)`.
fn mktime(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(fields) = args.first() else {
        return Err(vm.type_error("_mktime() takes 1 argument"));
    };
    let (mut tm, _zone) = tm_of(vm, fields)?;
    tm.tm_wday = -1;
    // SAFETY: `tm` is a live local; `_zone` keeps its zone name alive.
    let t = unsafe { libc::mktime(&mut tm) };
    if t == -1 && tm.tm_wday == -1 {
        return Err(vm.overflow_error("mktime argument out of range"));
    }
    Ok(Value::Float(t as f64))
}

/// Check the fields strftime reads, with CPython's messages.
fn check_ranges(vm: &Vm, tm: &mut libc::tm) -> PyResult<()> {
    let checks: [(i32, i32, i32, &str); 5] = [
        (tm.tm_mon, -1, 11, "month out of range"),
        (tm.tm_mday, 0, 31, "day of month out of range"),
        (tm.tm_hour, 0, 23, "hour out of range"),
        (tm.tm_min, 0, 59, "minute out of range"),
        (tm.tm_sec, 0, 61, "seconds out of range"),
    ];
    for (v, lo, hi, msg) in checks {
        if v < lo || v > hi {
            return Err(vm.value_error(msg));
        }
    }
    // As CPython: 0 stands for the first month and the first day of the year.
    tm.tm_mon = tm.tm_mon.max(0);
    tm.tm_mday = tm.tm_mday.max(1);
    if tm.tm_yday < -1 || tm.tm_yday > 365 {
        return Err(vm.value_error("day of year out of range"));
    }
    tm.tm_yday = tm.tm_yday.max(0);
    tm.tm_isdst = tm.tm_isdst.clamp(-1, 1);
    Ok(())
}

/// `_strftime(format, fields)`.
fn strftime(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [Value::Str(format), fields] = args else {
        return Err(vm.type_error("_strftime() takes a str and a time tuple"));
    };
    let (mut tm, _zone) = tm_of(vm, fields)?;
    check_ranges(vm, &mut tm)?;
    let Ok(cformat) = std::ffi::CString::new(format.as_str()) else {
        return Err(vm.value_error("embedded null character"));
    };
    if format.as_str().is_empty() {
        return Ok(Value::str(""));
    }
    // A result may legitimately be empty (`%p` in some locales): grow the buffer a
    // few times before taking an empty answer, as CPython does.
    let mut size = 1024.max(format.as_str().len() * 4);
    loop {
        let mut buf = vm.vec_with_capacity::<u8>(size)?;
        buf.resize(size, 0);
        // SAFETY: `buf` has `size` writable bytes; the format and `tm` are live.
        let n = unsafe {
            libc::strftime(
                buf.as_mut_ptr() as *mut libc::c_char,
                size,
                cformat.as_ptr(),
                &tm,
            )
        };
        if n > 0 || size >= 256 * format.as_str().len() {
            buf.truncate(n);
            return Ok(Value::from_string(
                String::from_utf8_lossy(&buf).into_owned(),
            ));
        }
        size *= 2;
    }
}

/// Add the calendar functions, `struct_time` and the zone constants to `time`'s
/// namespace `d`; `now` is `time.time`.
pub fn install(vm: &mut Vm, d: &Dict, now: Value) -> PyResult<()> {
    let ns = Dict::new_rc();
    ns.set_str(vm.names.d_name.clone(), Value::str("time"));
    ns.set_str(vm.intern("_now"), now);
    add_function(vm, &ns, "time", "_broken_down", broken_down);
    add_function(vm, &ns, "time", "_mktime", mktime);
    add_function(vm, &ns, "time", "_strftime", strftime);
    vm.exec_source(
        include_str!("py/time_calendar.py"),
        "<frozen time>",
        ns.clone(),
    )?;
    for name in [
        "struct_time",
        "localtime",
        "gmtime",
        "mktime",
        "strftime",
        "asctime",
        "ctime",
        "timezone",
        "altzone",
        "daylight",
        "tzname",
    ] {
        let key = vm.intern(name);
        if let Some(v) = ns.get_str(&key) {
            d.set_str(key, v);
        }
    }
    Ok(())
}

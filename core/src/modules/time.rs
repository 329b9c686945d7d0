//! The `time` module: the clocks (`time`, `perf_counter`, `monotonic`,
//! `process_time` and their `_ns` forms), `get_clock_info` and `sleep`; the calendar
//! functions are in `time_calendar`.

use crate::builtins::{add_function, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyResult, Vm};
use std::sync::OnceLock;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The zero of the monotonic clocks. CPython counts from boot; only differences of
/// these clocks mean anything, so the first use of the module is as good a zero.
fn epoch() -> Instant {
    static EPOCH: OnceLock<Instant> = OnceLock::new();
    *EPOCH.get_or_init(Instant::now)
}

fn monotonic_ns_u128() -> u128 {
    epoch().elapsed().as_nanos()
}

fn wall_ns() -> i128 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(d) => d.as_nanos() as i128,
        Err(e) => -(e.duration().as_nanos() as i128),
    }
}

fn ns_value(ns: i128) -> Value {
    match i64::try_from(ns) {
        Ok(n) => Value::Int(n),
        Err(_) => Value::from_bigint(num_bigint::BigInt::from(ns)),
    }
}

fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<()> {
    no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 0, 0)
}

fn time(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.time", args, kw)?;
    Ok(Value::Float(wall_ns() as f64 / 1e9))
}

fn time_ns(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.time_ns", args, kw)?;
    Ok(ns_value(wall_ns()))
}

fn monotonic(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.monotonic", args, kw)?;
    Ok(Value::Float(monotonic_ns_u128() as f64 / 1e9))
}

fn monotonic_ns(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.monotonic_ns", args, kw)?;
    Ok(ns_value(monotonic_ns_u128() as i128))
}

fn perf_counter(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.perf_counter", args, kw)?;
    Ok(Value::Float(monotonic_ns_u128() as f64 / 1e9))
}

fn perf_counter_ns(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.perf_counter_ns", args, kw)?;
    Ok(ns_value(monotonic_ns_u128() as i128))
}

#[cfg(target_os = "linux")]
fn cpu_time_ns() -> i128 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return monotonic_ns_u128() as i128;
    }
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

#[cfg(not(target_os = "linux"))]
fn cpu_time_ns() -> i128 {
    // Without a portable CPU clock, elapsed time is an upper bound of it.
    monotonic_ns_u128() as i128
}

fn process_time(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.process_time", args, kw)?;
    Ok(Value::Float(cpu_time_ns() as f64 / 1e9))
}

fn process_time_ns(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "time.process_time_ns", args, kw)?;
    Ok(ns_value(cpu_time_ns()))
}

fn sleep(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "time.sleep", kw)?;
    check_args(vm, "time.sleep", args, 1, 1)?;
    // CPython converts to nanoseconds in a signed 64-bit count first: what does not
    // fit is an OverflowError, with a message that says which conversion failed.
    const MAX_NS: f64 = 9_223_372_036_854_775_807.0;
    let secs = match &args[0] {
        Value::Float(f) => {
            if f.is_nan() {
                return Err(vm.value_error("Invalid value NaN (not a number)"));
            }
            if f.abs() * 1e9 >= MAX_NS {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            *f
        }
        v => {
            // Ints (any size) and `__index__` objects; other types are rejected
            // the way CPython's time conversion rejects them.
            let n = super::math::index_big(vm, v)?;
            let secs = super::math::big_to_f64(&n).unwrap_or(f64::INFINITY);
            if secs.abs() * 1e9 > MAX_NS {
                return Err(vm.overflow_error("timestamp too large to convert to C PyTime_t"));
            }
            secs
        }
    };
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    let d = Duration::from_secs_f64(secs);
    if vm.sleep_thread(d)? {
        return Ok(Value::None);
    }
    vm.flush_stdout_quietly();
    vm.sleep_for(d)?;
    Ok(Value::None)
}

/// `get_clock_info(name)`: a `types.SimpleNamespace` describing the clock, as
/// CPython's on Linux (the clocks here are the same system clocks).
fn get_clock_info(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "get_clock_info", kw)?;
    check_args(vm, "get_clock_info", args, 1, 1)?;
    let Value::Str(name) = &args[0] else {
        return Err(vm.type_error(format!(
            "get_clock_info() argument 1 must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let (clock, monotonic, adjustable) = match name.as_str() {
        "time" => ("CLOCK_REALTIME", false, true),
        "monotonic" | "perf_counter" => ("CLOCK_MONOTONIC", true, false),
        "process_time" => ("CLOCK_PROCESS_CPUTIME_ID", true, false),
        _ => return Err(vm.value_error("unknown clock")),
    };
    let types = vm.import_one("types")?;
    let key = vm.intern("SimpleNamespace");
    let namespace = vm.get_attr(&types, &key)?;
    let fields = [
        (
            "implementation",
            Value::from_string(format!("clock_gettime({clock})")),
        ),
        ("monotonic", Value::Bool(monotonic)),
        ("adjustable", Value::Bool(adjustable)),
        ("resolution", Value::Float(1e-9)),
    ];
    let kwargs: Vec<KwArg> = fields.into_iter().map(|(k, v)| (vm.intern(k), v)).collect();
    vm.call(&namespace, &[], &kwargs)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    epoch();
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("time", time),
        ("time_ns", time_ns),
        ("monotonic", monotonic),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
        ("get_clock_info", get_clock_info),
    ];
    for (name, f) in fns {
        add_function(vm, d, "time", name, *f);
    }
    let now = crate::builtins::native_function("time", "time", time);
    super::time_calendar::install(vm, d, now)
}

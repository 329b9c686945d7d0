//! The `gc` module.
//!
//! Objects are freed by reference counting; `collect()` runs the cycle collector
//! (`crate::vm::gc`) for groups that only keep each other alive, and `disable()`
//! stops the automatic collections.

use crate::builtins::{add_function, check_args, kwarg, only_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

thread_local! {
    static THRESHOLD: Cell<(i64, i64, i64)> = const { Cell::new((2000, 10, 10)) };
}

fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<()> {
    crate::builtins::no_kwargs(vm, name, kw)?;
    check_args(vm, name, args, 0, 0)
}

fn collect(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "collect", kw, &["generation"])?;
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "collect() takes at most 1 argument ({} given)",
            args.len()
        )));
    }
    if let Some(g) = args.first().or_else(|| kwarg(kw, "generation")) {
        let g = crate::builtins::arg_int(vm, g)?;
        if !(0..=2).contains(&g) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    vm.run_finalizers();
    let found = vm.collect_cycles();
    Ok(Value::Int(found as i64))
}

fn enable(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "gc.enable", args, kw)?;
    crate::object::tracking::set_enabled(true);
    Ok(Value::None)
}

fn disable(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "gc.disable", args, kw)?;
    crate::object::tracking::set_enabled(false);
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "gc.isenabled", args, kw)?;
    Ok(Value::Bool(crate::object::tracking::is_enabled()))
}

fn get_count(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "gc.get_count", args, kw)?;
    Ok(Value::tuple(vec![Value::Int(0); 3]))
}

fn get_threshold(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_args(vm, "gc.get_threshold", args, kw)?;
    let (a, b, c) = THRESHOLD.with(|t| t.get());
    Ok(Value::tuple(vec![
        Value::Int(a),
        Value::Int(b),
        Value::Int(c),
    ]))
}

fn set_threshold(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "set_threshold", kw)?;
    if args.is_empty() || args.len() > 3 {
        return Err(vm.type_error(format!(
            "set_threshold() takes from 1 to 3 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut t = THRESHOLD.with(|t| t.get());
    let mut vals = Vec::with_capacity(3);
    for a in args {
        vals.push(crate::builtins::arg_int(vm, a)?);
    }
    t.0 = vals[0];
    if let Some(v) = vals.get(1) {
        t.1 = *v;
    }
    if let Some(v) = vals.get(2) {
        t.2 = *v;
    }
    THRESHOLD.with(|c| c.set(t));
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
    ];
    for (name, f) in fns {
        add_function(vm, d, "gc", name, *f);
    }
    d.set_str(vm.intern("garbage"), Value::list(Vec::new()));
    d.set_str(vm.intern("callbacks"), Value::list(Vec::new()));
    Ok(())
}

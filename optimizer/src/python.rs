//! The optimizer's Python API: the native module `tripwire_optimizer`, importable
//! where an optimizer is installed, so a strategy experiment can be a Python script.
//!
//! - `stats()`: the statistics so far, as a dict of counts (`--stats` by name);
//! - `options()`: the strategies in command-line form;
//! - `is_compiled(f)`: whether a loop of function `f` runs as a compiled unit;
//! - `invalidate(f)`: drop every unit of `f` (its loops warm up again); the count;
//! - `record_trace(on=True)`: keep the trace records from now on (or stop);
//!   `trace()`: the records kept so far, each a dict (the JSON form's fields).
//!
//! Depends on `runtime` and core's native-function and module registry.

use crate::runtime::Optimizer;
use tripwire_core::builtins::{add_function, check_args, no_kwargs};
use tripwire_core::modules::ModuleDef;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// Make `import tripwire_optimizer` available on `vm`.
pub fn register(vm: &mut Vm) {
    vm.extensions
        .register("tripwire_optimizer", ModuleDef::Native(init));
}

fn init(vm: &mut Vm, ns: &Dict) -> PyResult<()> {
    const OWNER: &str = "tripwire_optimizer";
    add_function(vm, ns, OWNER, "stats", stats);
    add_function(vm, ns, OWNER, "options", options);
    add_function(vm, ns, OWNER, "is_compiled", is_compiled);
    add_function(vm, ns, OWNER, "invalidate", invalidate);
    add_function(vm, ns, OWNER, "record_trace", record_trace);
    add_function(vm, ns, OWNER, "trace", trace);
    Ok(())
}

fn no_optimizer(vm: &Vm) -> tripwire_core::PyErr {
    vm.runtime_error("the optimizer is not installed")
}

fn stats(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "stats", kw)?;
    check_args(vm, "stats", args, 0, 0)?;
    let stats = Optimizer::stats(vm).ok_or_else(|| no_optimizer(vm))?;
    let d = Dict::new_rc();
    for (name, count) in stats.entries() {
        d.set_str(
            vm.intern(&name),
            Value::Int(count.min(i64::MAX as u64) as i64),
        );
    }
    Ok(Value::Dict(d))
}

fn options(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "options", kw)?;
    check_args(vm, "options", args, 0, 0)?;
    let text = Optimizer::options(vm)
        .ok_or_else(|| no_optimizer(vm))?
        .describe();
    Ok(vm.new_str(&text))
}

/// The code object of a function argument.
fn code_of(vm: &Vm, name: &str, f: &Value) -> PyResult<std::rc::Rc<tripwire_core::code::Code>> {
    match f {
        Value::Function(f) => Ok(f.code.borrow().clone()),
        other => Err(vm.type_error(format!(
            "{name}() argument must be a function, not {}",
            vm.type_name(other)
        ))),
    }
}

fn is_compiled(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "is_compiled", kw)?;
    check_args(vm, "is_compiled", args, 1, 1)?;
    let code = code_of(vm, "is_compiled", &args[0])?;
    let compiled =
        Optimizer::with(vm, |_, opt| opt.is_compiled(&code)).ok_or_else(|| no_optimizer(vm))?;
    Ok(Value::Bool(compiled))
}

fn invalidate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "invalidate", kw)?;
    check_args(vm, "invalidate", args, 1, 1)?;
    let code = code_of(vm, "invalidate", &args[0])?;
    let dropped =
        Optimizer::with(vm, |_, opt| opt.invalidate_code(&code)).ok_or_else(|| no_optimizer(vm))?;
    Ok(Value::Int(dropped as i64))
}

fn record_trace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "record_trace", kw)?;
    check_args(vm, "record_trace", args, 0, 1)?;
    let on = match args.first() {
        Some(v) => vm.truthy(v)?,
        None => true,
    };
    Optimizer::with(vm, |_, opt| opt.keep_records(on)).ok_or_else(|| no_optimizer(vm))?;
    Ok(Value::None)
}

fn trace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "trace", kw)?;
    check_args(vm, "trace", args, 0, 0)?;
    let records =
        Optimizer::with(vm, |_, opt| opt.kept_records()).ok_or_else(|| no_optimizer(vm))?;
    let mut out = Vec::with_capacity(records.len());
    for r in records {
        let d = Dict::new_rc();
        d.set_str(vm.intern("seq"), Value::Int(r.seq as i64));
        d.set_str(vm.intern("event"), vm.new_str(&r.event));
        d.set_str(vm.intern("object"), vm.new_str(&r.object));
        d.set_str(vm.intern("detail"), vm.new_str(&r.detail));
        let mut actions = Vec::with_capacity(r.actions.len());
        for a in &r.actions {
            let ad = Dict::new_rc();
            ad.set_str(vm.intern("action"), vm.new_str(a.kind.label()));
            ad.set_str(vm.intern("unit"), vm.new_str(&a.unit));
            let sites = a.sites.iter().map(|&s| Value::Int(s as i64)).collect();
            ad.set_str(vm.intern("sites"), Value::list(sites));
            ad.set_str(vm.intern("why"), vm.new_str(&a.why));
            actions.push(Value::Dict(ad));
        }
        d.set_str(vm.intern("actions"), Value::list(actions));
        out.push(Value::Dict(d));
    }
    Ok(Value::list(out))
}

//! The `tripwire` module: the watcher API for Python programs, on top of the Rust
//! API of `watch::api`.
//!
//! Callbacks receive `(event, d, key, new_value)` for dicts, `(cls)` for types,
//! `(event, func, new_value)` for functions and `(event, code)` for code objects;
//! `event` is the lowercase event name and a missing argument is None. A callback
//! that raises is reported through `sys.unraisablehook` and the mutation goes on.

use crate::builtins::{add_function, arg_int, check_args};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyResult, Vm};
use crate::watch::{CodeEvent, DictEvent, FuncEvent, TypeEvent};
use tripwire_watchers::{Kind, WatchError};

fn or_none(v: &Option<Value>) -> Value {
    v.clone().unwrap_or(Value::None)
}

/// Call the Python callable registered in slot `id` of `kind`.
fn call_python(vm: &mut Vm, kind: Kind, id: usize, args: &[Value]) -> PyResult<()> {
    let f = vm.python_watcher(kind, id);
    vm.call(&f, args, &[]).map(|_| ())
}

/// Register a Python callback of `kind`; the returned id is the slot.
fn add(vm: &mut Vm, name: &str, kind: Kind, args: &[Value]) -> PyResult<Value> {
    check_args(vm, name, args, 1, 1)?;
    let reg = vm.watchers();
    let added = match kind {
        Kind::Dict => reg.dict.add_with(|id| {
            move |vm: &mut Vm, ev: &DictEvent| {
                let args = [
                    Value::str(ev.kind.name()),
                    Value::Dict(ev.dict.clone()),
                    or_none(&ev.key),
                    or_none(&ev.value),
                ];
                call_python(vm, Kind::Dict, id, &args)
            }
        }),
        Kind::Type => reg.types.add_with(|id| {
            move |vm: &mut Vm, ev: &TypeEvent| {
                call_python(vm, Kind::Type, id, &[Value::Type(ev.ty.clone())])
            }
        }),
        Kind::Func => reg.func.add_with(|id| {
            move |vm: &mut Vm, ev: &FuncEvent| {
                let args = [
                    Value::str(ev.kind.name()),
                    Value::Function(ev.func.clone()),
                    or_none(&ev.value),
                ];
                call_python(vm, Kind::Func, id, &args)
            }
        }),
        Kind::Code => reg.code.add_with(|id| {
            move |vm: &mut Vm, ev: &CodeEvent| {
                let args = [Value::str(ev.kind.name()), Value::Code(ev.code.clone())];
                call_python(vm, Kind::Code, id, &args)
            }
        }),
    };
    let id = added.map_err(|e| vm.watch_error(e))?;
    vm.set_python_watcher(kind, id, args[0].clone());
    Ok(Value::Int(id as i64))
}

/// A watcher id argument: one of the ids programs see, 0 to 7 (the tool ids
/// after them are the runtime's). An int past the i64 range is an invalid id
/// (ValueError) like any other outside 0..8.
fn watcher_id(vm: &mut Vm, kind: Kind, v: &Value) -> PyResult<i64> {
    let id = match v {
        Value::Int(i) => *i,
        Value::BigInt(big) => {
            let text = WatchError::InvalidId(kind, 0).to_string();
            let prefix = text.strip_suffix('0').unwrap_or(&text);
            return Err(vm.value_error(format!("{prefix}{big}")));
        }
        other => arg_int(vm, other)?,
    };
    tripwire_watchers::check_program_id(kind, id).map_err(|e| vm.watch_error(e))
}

fn clear(vm: &mut Vm, name: &str, kind: Kind, args: &[Value]) -> PyResult<Value> {
    check_args(vm, name, args, 1, 1)?;
    let id = watcher_id(vm, kind, &args[0])?;
    let reg = vm.watchers();
    let r = match kind {
        Kind::Dict => reg.dict.clear(id),
        Kind::Type => reg.types.clear(id),
        Kind::Func => reg.func.clear(id),
        Kind::Code => reg.code.clear(id),
    };
    r.map_err(|e| vm.watch_error(e))?;
    vm.set_python_watcher(kind, id as usize, Value::None);
    Ok(Value::None)
}

/// watch / unwatch: the object is checked before the id, as CPython does.
fn watch_op(
    vm: &mut Vm,
    name: &str,
    kind: Kind,
    args: &[Value],
    op: fn(&Vm, i64, &Value) -> Result<(), WatchError>,
) -> PyResult<Value> {
    check_args(vm, name, args, 2, 2)?;
    let id = watcher_id(vm, kind, &args[0])?;
    op(vm, id, &args[1]).map_err(|e| vm.watch_error(e))?;
    Ok(Value::None)
}

fn add_dict_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    add(vm, "add_dict_watcher", Kind::Dict, args)
}
fn clear_dict_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    clear(vm, "clear_dict_watcher", Kind::Dict, args)
}
fn watch_dict(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    watch_op(vm, "watch_dict", Kind::Dict, args, Vm::watch_dict)
}
fn unwatch_dict(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    watch_op(vm, "unwatch_dict", Kind::Dict, args, Vm::unwatch_dict)
}
fn add_type_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    add(vm, "add_type_watcher", Kind::Type, args)
}
fn clear_type_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    clear(vm, "clear_type_watcher", Kind::Type, args)
}
fn watch_type(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    watch_op(vm, "watch_type", Kind::Type, args, Vm::watch_type)
}
fn unwatch_type(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    watch_op(vm, "unwatch_type", Kind::Type, args, Vm::unwatch_type)
}
fn add_func_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    add(vm, "add_func_watcher", Kind::Func, args)
}
fn clear_func_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    clear(vm, "clear_func_watcher", Kind::Func, args)
}
fn add_code_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    add(vm, "add_code_watcher", Kind::Code, args)
}
fn clear_code_watcher(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    clear(vm, "clear_code_watcher", Kind::Code, args)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("add_dict_watcher", add_dict_watcher),
        ("clear_dict_watcher", clear_dict_watcher),
        ("watch_dict", watch_dict),
        ("unwatch_dict", unwatch_dict),
        ("add_type_watcher", add_type_watcher),
        ("clear_type_watcher", clear_type_watcher),
        ("watch_type", watch_type),
        ("unwatch_type", unwatch_type),
        ("add_func_watcher", add_func_watcher),
        ("clear_func_watcher", clear_func_watcher),
        ("add_code_watcher", add_code_watcher),
        ("clear_code_watcher", clear_code_watcher),
    ];
    for (name, f) in fns {
        add_function(vm, d, "tripwire", name, *f);
    }
    Ok(())
}

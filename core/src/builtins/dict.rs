//! The methods of `dict` and its views.

use super::{add_method, check_method_args};
use crate::object::function::KwArg;
use crate::object::{Dict, DictViewKind, ObjKind, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Rc<Dict>> {
    match args.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        Some(Value::Obj(o)) if matches!(o.kind, ObjKind::MappingProxy(_)) => match &o.kind {
            ObjKind::MappingProxy(d) => Ok(d.clone()),
            _ => Err(vm.type_error("mappingproxy expected")),
        },
        Some(v) => match vm.builtin_base(v) {
            Some(Value::Dict(d)) => Ok(d),
            _ => Err(vm.type_error(format!(
                "descriptor '{}' for 'dict' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'dict' object needs an argument"
        ))),
    }
}

fn view(vm: &mut Vm, args: &[Value], kind: DictViewKind) -> PyResult<Value> {
    let d = this(vm, args, "view")?;
    let cls = match kind {
        DictViewKind::Keys => vm.types.dict_keys.clone(),
        DictViewKind::Values => vm.types.dict_values.clone(),
        DictViewKind::Items => vm.types.dict_items.clone(),
    };
    Ok(Value::obj(cls, ObjKind::DictView(d, kind)))
}

fn keys(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Keys)
}
fn values(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Values)
}
fn items(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    view(vm, args, DictViewKind::Items)
}

fn get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "get", args, 1, 2)?;
    let d = this(vm, args, "get")?;
    Ok(vm
        .dict_lookup(&d, &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "setdefault", args, 1, 2)?;
    let d = this(vm, args, "setdefault")?;
    if let Some(v) = vm.dict_lookup(&d, &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, args[1].clone(), v.clone())?;
    Ok(v)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "pop", args, 1, 2)?;
    let d = this(vm, args, "pop")?;
    match vm.dict_remove(&d, &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(dflt) => Ok(dflt.clone()),
            None => Err(vm.key_error(args[1].clone())),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let d = this(vm, args, "popitem")?;
    match d.last_index() {
        Some(i) => {
            vm.dict_will_delete(&d, &d.key_at(i));
            let Some(i) = d.last_index() else {
                return Err(vm.new_error_args(
                    &vm.types.key_error.clone(),
                    vec![Value::str("popitem(): dictionary is empty")],
                ));
            };
            let (k, v) = d.remove_at(i);
            Ok(Value::tuple_from([k, v]))
        }
        None => Err(vm.new_error_args(
            &vm.types.key_error.clone(),
            vec![Value::str("popitem(): dictionary is empty")],
        )),
    }
}

fn update(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "update", args, 0, 1)?;
    let d = this(vm, args, "update")?;
    if let Some(src) = args.get(1) {
        vm.dict_merge(&d, src, false)?;
    }
    for (k, v) in kwargs {
        vm.dict_will_set_str(&d, k, v);
        d.set_str(k.clone(), v.clone());
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let d = this(vm, args, "clear")?;
    vm.dict_will_clear(&d);
    drop(d.clear());
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let d = this(vm, args, "copy")?;
    let n = Dict::with_capacity_rc(d.len());
    for (h, k, v) in d.hashed_items() {
        n.insert_new(h, k, v);
    }
    Ok(Value::Dict(n))
}

fn fromkeys(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "fromkeys", args, 1, 2)?;
    let value = args.get(2).cloned().unwrap_or(Value::None);
    let cls = args[0].clone();
    let d = match &cls {
        Value::Type(t) if Rc::ptr_eq(t, &vm.types.dict) => Value::Dict(Dict::new_rc()),
        other => vm.call(other, &[], &[])?,
    };
    // Keys are taken one at a time, as CPython does: hashing one may run code that
    // changes the iterable.
    let it = vm.get_iter(&args[1])?;
    while let Some(k) = vm.next(&it)? {
        vm.setitem(&d, k, value.clone())?;
    }
    Ok(d)
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "isdisjoint", args, 1, 1)?;
    let mine = vm.collect_iterable(&args[0])?;
    let theirs = vm.collect_iterable(&args[1])?;
    let Value::Set(other) = vm.new_set(theirs, true)? else {
        return Ok(Value::Bool(true));
    };
    for v in mine {
        if vm.set_contains(&other, &v)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn dict_init(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    update(vm, args, kwargs)
}

fn dict_contains(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__contains__", args, 1, 1)?;
    let d = this(vm, args, "__contains__")?;
    Ok(Value::Bool(vm.dict_lookup(&d, &args[1])?.is_some()))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__getitem__", args, 1, 1)?;
    let d = this(vm, args, "__getitem__")?;
    match vm.dict_lookup(&d, &args[1])? {
        Some(v) => Ok(v),
        None => {
            let missing = vm.names.missing.clone();
            if let Some(m) = vm.type_of(&args[0]).lookup(&missing) {
                return vm.call_method_value(m, &args[0], &[args[1].clone()]);
            }
            Err(vm.key_error(args[1].clone()))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__setitem__", args, 2, 2)?;
    let d = this(vm, args, "__setitem__")?;
    vm.dict_set(&d, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__delitem__", args, 1, 1)?;
    let d = this(vm, args, "__delitem__")?;
    match vm.dict_remove(&d, &args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1].clone())),
    }
}

fn dict_len(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let d = this(vm, args, "__len__")?;
    Ok(Value::Int(d.len() as i64))
}

fn dict_iter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let d = this(vm, args, "__iter__")?;
    vm.get_iter(&Value::Dict(d))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("setdefault", setdefault),
        ("pop", pop),
        ("popitem", popitem),
        ("update", update),
        ("clear", clear),
        ("copy", copy),
        ("__init__", dict_init),
        ("__contains__", dict_contains),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__len__", dict_len),
        ("__iter__", dict_iter),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    for view in [vm.types.dict_keys.clone(), vm.types.dict_items.clone()] {
        add_method(vm, &view, "isdisjoint", view_isdisjoint);
    }
    let proxy = vm.types.mappingproxy.clone();
    let read_only: &[(&'static str, crate::object::NativeFn)] = &[
        ("keys", keys),
        ("values", values),
        ("items", items),
        ("get", get),
        ("copy", copy),
    ];
    for (name, f) in read_only {
        add_method(vm, &proxy, name, *f);
    }
    let fk = Value::Builtin(Rc::new(crate::object::Builtin {
        name: "fromkeys",
        func: fromkeys,
        bound: None,
        kind: crate::object::function::BuiltinKind::Function,
        owner: "dict",
        weakrefs: Default::default(),
    }));
    let k = vm.intern("fromkeys");
    t.dict.set_str(k, super::classmethod_descriptor(vm, fk));
}

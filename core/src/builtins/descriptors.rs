//! The descriptor protocol as methods: `__get__` of functions, classmethod and
//! staticmethod, `__get__` / `__set__` / `__delete__` of property. The interpreter
//! binds these natively; the methods serve explicit calls and the library's
//! `hasattr(obj, '__get__')` tests (enum tells members from methods by them).

use super::{add_method, check_method_args};
use crate::object::function::KwArg;
use crate::object::{BoundMethod, ObjKind, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// `(self, instance, owner)` of a `__get__` call; owner may be left out.
fn get_args<'a>(vm: &Vm, args: &'a [Value]) -> PyResult<(&'a Value, &'a Value, Option<&'a Value>)> {
    check_method_args(vm, "__get__", args, 1, 2)?;
    let owner = args.get(2).filter(|o| !o.is_none());
    if args[1].is_none() && owner.is_none() {
        return Err(vm.type_error("__get__(None, None) is invalid"));
    }
    Ok((&args[0], &args[1], owner))
}

fn bound(func: Value, receiver: Value) -> Value {
    Value::Method(Rc::new(BoundMethod::new(func, receiver)))
}

fn function_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (func, instance, _) = get_args(vm, args)?;
    Ok(if instance.is_none() {
        func.clone()
    } else {
        bound(func.clone(), instance.clone())
    })
}

/// `list.append.__get__(instance, owner=None)`: the method bound to the instance.
fn method_descriptor_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (this, instance, _) = get_args(vm, args)?;
    if instance.is_none() {
        return Ok(this.clone());
    }
    vm.bind_descriptor(this.clone(), instance)
}

/// The wrapped callable of a classmethod or staticmethod object.
fn wrapped(v: &Value) -> Option<&Value> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::ClassMethod(f) | ObjKind::StaticMethod(f) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

fn classmethod_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (this, instance, owner) = get_args(vm, args)?;
    let owner = match owner {
        Some(o) => o.clone(),
        None => Value::Type(vm.type_of(instance)),
    };
    match wrapped(this) {
        Some(f) => Ok(bound(f.clone(), owner)),
        None => Err(vm.type_error("descriptor '__get__' requires a 'classmethod' object")),
    }
}

/// `dict.__dict__['fromkeys'](cls, *args)`: the class method called for `cls`, the
/// owning type or a subtype of it.
fn classmethod_descriptor_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some(f @ Value::Builtin(b)) = args.first().and_then(wrapped) else {
        return Err(
            vm.type_error("descriptor '__call__' requires a 'classmethod_descriptor' object")
        );
    };
    let (name, owner) = (b.name, b.owner);
    let Some(cls) = args.get(1) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{owner}' object needs an argument"
        )));
    };
    let Value::Type(t) = cls else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for type '{owner}' needs a type, not a '{}' as arg 2",
            vm.type_name(cls)
        )));
    };
    let key = vm.intern(owner);
    if let Some(Value::Type(owner_type)) = vm.builtins.get_str(&key) {
        if !t.is_subtype(&owner_type) {
            return Err(vm.type_error(format!(
                "descriptor '{name}' requires a subtype of '{owner}' but received '{}'",
                t.name().as_str()
            )));
        }
    }
    let f = f.clone();
    vm.call(&f, &args[1..], kw)
}

fn staticmethod_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (this, _, _) = get_args(vm, args)?;
    match wrapped(this) {
        Some(f) => Ok(f.clone()),
        None => Err(vm.type_error("descriptor '__get__' requires a 'staticmethod' object")),
    }
}

/// The accessor `which` (0 get, 1 set, 2 delete) of a property object.
fn accessor(vm: &Vm, this: &Value, which: usize) -> PyResult<Value> {
    match this {
        Value::Obj(o) => match &o.kind {
            ObjKind::Property {
                fget, fset, fdel, ..
            } => Ok([fget, fset, fdel][which].clone()),
            _ => Err(vm.type_error("descriptor requires a 'property' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

/// How errors name a property: after its getter's name, as CPython 3.13 does.
fn property_name(vm: &mut Vm, this: &Value) -> PyResult<String> {
    let fget = accessor(vm, this, 0)?;
    let key = vm.intern("__name__");
    Ok(match vm.get_attr_opt(&fget, &key)? {
        Some(Value::Str(n)) if !fget.is_none() => format!("property '{}'", n.as_str()),
        _ => "property".to_string(),
    })
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (this, instance, _) = get_args(vm, args)?;
    if instance.is_none() {
        return Ok(this.clone());
    }
    let fget = accessor(vm, this, 0)?;
    if fget.is_none() {
        return Err(vm.attribute_error(format!(
            "property of '{}' object has no getter",
            vm.type_name(instance)
        )));
    }
    vm.call(&fget, std::slice::from_ref(instance), &[])
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__set__", args, 2, 2)?;
    let fset = accessor(vm, &args[0], 1)?;
    if fset.is_none() {
        let name = property_name(vm, &args[0])?;
        return Err(vm.attribute_error(format!(
            "{name} of '{}' object has no setter",
            vm.type_name(&args[1])
        )));
    }
    vm.call(&fset, &[args[1].clone(), args[2].clone()], &[])?;
    Ok(Value::None)
}

fn property_delete(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__delete__", args, 1, 1)?;
    let fdel = accessor(vm, &args[0], 2)?;
    if fdel.is_none() {
        let name = property_name(vm, &args[0])?;
        return Err(vm.attribute_error(format!(
            "{name} of '{}' object has no deleter",
            vm.type_name(&args[1])
        )));
    }
    vm.call(&fdel, &[args[1].clone()], &[])?;
    Ok(Value::None)
}

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    add_method(vm, &t.function, "__get__", function_get);
    for ty in [&t.method_descriptor, &t.wrapper_descriptor] {
        add_method(vm, ty, "__get__", method_descriptor_get);
    }
    for ty in [&t.classmethod, &t.classmethod_descriptor] {
        add_method(vm, ty, "__get__", classmethod_get);
    }
    add_method(
        vm,
        &t.classmethod_descriptor,
        "__call__",
        classmethod_descriptor_call,
    );
    add_method(vm, &t.staticmethod, "__get__", staticmethod_get);
    add_method(vm, &t.property, "__get__", property_get);
    add_method(vm, &t.property, "__set__", property_set);
    add_method(vm, &t.property, "__delete__", property_delete);
}

//! The special methods of the built-in types as callable attributes: `int.__add__`,
//! `list.__getitem__`, `object.__setattr__`, `tuple.__new__`...
//!
//! The evaluation loop never calls these for built-in values (it has direct paths);
//! they exist for explicit calls (`super().__getitem__(k)`, `(1).__add__(2)`) and for
//! instances of subclasses of built-in types, where they operate on the built-in part.

use super::{add_dunder, add_method, check_method_args};
use crate::code::{BinOp, CmpOp};
use crate::object::function::KwArg;
use crate::object::{Builtin, NativeFn, ObjKind, TypeRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The built-in part of the receiver (or the receiver itself).
fn base(vm: &Vm, v: &Value) -> Value {
    vm.builtin_base(v).unwrap_or_else(|| v.clone())
}

fn two(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Value, Value)> {
    check_method_args(vm, name, args, 1, 1)?;
    Ok((base(vm, &args[0]), base(vm, &args[1])))
}

macro_rules! binop_methods {
    ($($name:ident, $rname:ident, $dunder:literal, $rdunder:literal, $op:expr);* $(;)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                let (a, b) = two(vm, args, $dunder)?;
                Ok(vm.builtin_binary_op($op, &a, &b)?.unwrap_or_else(|| super::types::not_implemented(vm)))
            }
            fn $rname(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                let (a, b) = two(vm, args, $rdunder)?;
                Ok(vm.builtin_binary_op($op, &b, &a)?.unwrap_or_else(|| super::types::not_implemented(vm)))
            }
        )*
        const BINOPS: &[(&str, &str, crate::object::NativeFn, crate::object::NativeFn)] = &[
            $(($dunder, $rdunder, $name, $rname),)*
        ];
    };
}

binop_methods! {
    add, radd, "__add__", "__radd__", BinOp::Add;
    sub, rsub, "__sub__", "__rsub__", BinOp::Sub;
    mul, rmul, "__mul__", "__rmul__", BinOp::Mul;
    truediv, rtruediv, "__truediv__", "__rtruediv__", BinOp::TrueDiv;
    floordiv, rfloordiv, "__floordiv__", "__rfloordiv__", BinOp::FloorDiv;
    modulo, rmodulo, "__mod__", "__rmod__", BinOp::Mod;
    pow, rpow, "__pow__", "__rpow__", BinOp::Pow;
    bitand, rbitand, "__and__", "__rand__", BinOp::And;
    bitor, rbitor, "__or__", "__ror__", BinOp::Or;
    bitxor, rbitxor, "__xor__", "__rxor__", BinOp::Xor;
    lshift, rlshift, "__lshift__", "__rlshift__", BinOp::LShift;
    rshift, rrshift, "__rshift__", "__rrshift__", BinOp::RShift;
}

macro_rules! cmp_methods {
    ($($name:ident, $op:expr);* $(;)?) => {
        $(
            fn $name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                let (a, b) = two(vm, args, stringify!($name))?;
                Ok(match vm.builtin_compare($op, &a, &b)? {
                    Some(r) => Value::Bool(r),
                    None => super::types::not_implemented(vm),
                })
            }
        )*
        const CMPOPS: &[(&str, crate::object::NativeFn)] = &[
            $((concat!("__", stringify!($name), "__"), $name),)*
        ];
    };
}

cmp_methods! {
    eq, CmpOp::Eq;
    ne, CmpOp::Ne;
    lt, CmpOp::Lt;
    le, CmpOp::Le;
    gt, CmpOp::Gt;
    ge, CmpOp::Ge;
}

macro_rules! unary_methods {
    ($($name:ident => |$vm:ident, $v:ident| $body:expr);* $(;)?) => {
        $(
            fn $name($vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                check_method_args($vm, stringify!($name), args, 0, 0)?;
                let $v = base($vm, &args[0]);
                $body
            }
        )*
    };
}

unary_methods! {
    repr => |vm, v| Ok(Value::Str(vm.repr(&v)?));
    str_ => |vm, v| Ok(Value::Str(vm.to_str(&v)?));
    len => |vm, v| Ok(Value::Int(vm.len(&v)? as i64));
    iter => |vm, v| vm.get_iter(&v);
    hash => |vm, v| Ok(Value::Int(vm.hash(&v)?));
    bool_ => |vm, v| Ok(Value::Bool(vm.truthy(&v)?));
    neg => |vm, v| vm.unary_neg(&v);
    pos => |vm, v| vm.unary_pos(&v);
    invert => |vm, v| vm.unary_invert(&v);
    abs => |vm, v| match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        other => if crate::vm::ops::as_int(&other).is_some_and(|i| i.is_negative()) { vm.unary_neg(&other) } else { vm.unary_pos(&other) },
    };
    int => |vm, v| super::types::to_int(vm, &v);
    float => |vm, v| Ok(Value::Float(super::types::to_float(vm, &v)?));
}

fn call_self(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some(f) = args.first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    let f = f.clone();
    vm.call(&f, &args[1..], kw)
}

fn reversed_self(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__reversed__", args, 0, 0)?;
    let v = base(vm, &args[0]);
    let reversed = Value::Type(vm.types.reversed.clone());
    vm.call(&reversed, &[v], &[])
}

fn iter_self(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__iter__", args, 0, 0)?;
    Ok(args[0].clone())
}

fn next_item(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__next__", args, 0, 0)?;
    // A subclass's own `__next__` calls this one on its built-in part.
    let it = base(vm, &args[0]);
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__getitem__", args, 1, 1)?;
    let v = base(vm, &args[0]);
    vm.getitem(&v, &args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__setitem__", args, 2, 2)?;
    let v = base(vm, &args[0]);
    vm.setitem(&v, args[1].clone(), args[2].clone())?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__delitem__", args, 1, 1)?;
    let v = base(vm, &args[0]);
    vm.delitem(&v, &args[1])?;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__contains__", args, 1, 1)?;
    let v = base(vm, &args[0]);
    Ok(Value::Bool(vm.contains(&v, &args[1])?))
}

fn format(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__format__", args, 1, 1)?;
    let v = base(vm, &args[0]);
    let spec = match &args[1] {
        Value::Str(s) => s.as_str().to_string(),
        other => {
            return Err(vm.type_error(format!(
                "__format__() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
    };
    if spec.is_empty() {
        return Ok(Value::Str(vm.to_str(&args[0])?));
    }
    Ok(Value::Str(vm.format(&v, &spec)?))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__format__", args, 1, 1)?;
    match &args[1] {
        Value::Str(s) if s.as_str().is_empty() => Ok(Value::Str(vm.to_str(&args[0])?)),
        _ => Err(vm.type_error(format!(
            "unsupported format string passed to {}.__format__",
            vm.type_name(&args[0])
        ))),
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__setattr__", args, 2, 2)?;
    let Value::Str(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(name.as_str());
    vm.generic_setattr(&args[0], &name, Some(args[2].clone()))?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__delattr__", args, 1, 1)?;
    let Value::Str(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(name.as_str());
    vm.generic_setattr(&args[0], &name, None)?;
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "__getattribute__", args, 1, 1)?;
    let Value::Str(name) = &args[1] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    let name = vm.intern(name.as_str());
    let cls = vm.type_of(&args[0]);
    match vm.generic_getattr(&args[0], &cls, &name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(format!(
            "'{}' object has no attribute '{}'",
            cls.name().as_str(),
            name.as_str()
        ))),
    }
}

/// `object.__init_subclass__()`, bound to the new class.
/// `object.__subclasshook__(cls, subclass)`: NotImplemented, so the ABC machinery
/// goes on with its normal check.
fn object_subclasshook(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(super::types::not_implemented(vm))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        let name = match args.first() {
            Some(Value::Type(t)) => t.name().as_str().to_string(),
            _ => "object".to_string(),
        };
        return Err(vm.type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => Ok(Value::list(
            t.mro
                .borrow()
                .iter()
                .map(|c| Value::Type(c.clone()))
                .collect(),
        )),
        _ => Err(vm.type_error("descriptor 'mro' requires a 'type' object")),
    }
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => Ok(Value::list(
            t.live_subclasses().into_iter().map(Value::Type).collect(),
        )),
        _ => Err(vm.type_error("descriptor '__subclasses__' requires a 'type' object")),
    }
}

fn int_bit_length(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let v = base(vm, &args[0]);
    match crate::vm::ops::as_int(&v) {
        Some(i) => Ok(Value::Int(crate::object::bigint::bit_length(&i) as i64)),
        None => Err(vm.type_error("descriptor 'bit_length' requires an 'int' object")),
    }
}

fn int_bit_count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let v = base(vm, &args[0]);
    match crate::vm::ops::as_int(&v) {
        Some(i) => {
            let text = crate::object::bigint::to_string_radix(&i, 2);
            Ok(Value::Int(
                text.bytes().filter(|b| *b == b'1').count() as i64
            ))
        }
        None => Err(vm.type_error("descriptor 'bit_count' requires an 'int' object")),
    }
}

fn int_conjugate(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let v = base(vm, &args[0]);
    vm.unary_pos(&v)
}

fn int_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let v = base(vm, &args[0]);
    let v = vm.unary_pos(&v)?;
    Ok(Value::tuple(vec![v, Value::Int(1)]))
}

fn float_is_integer(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match base(vm, &args[0]) {
        Value::Float(f) => Ok(Value::Bool(f.is_finite() && f.fract() == 0.0)),
        _ => Err(vm.type_error("descriptor 'is_integer' requires a 'float' object")),
    }
}

fn float_as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Value::Float(f) = base(vm, &args[0]) else {
        return Err(vm.type_error("descriptor 'as_integer_ratio' requires a 'float' object"));
    };
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = crate::object::float::frexp(f);
    let mut mant = m;
    let mut exp = e;
    while mant.fract() != 0.0 {
        mant *= 2.0;
        exp -= 1;
    }
    let n = num_bigint::BigInt::from(mant as i64);
    let (num, den) = if exp >= 0 {
        (n << exp as usize, num_bigint::BigInt::from(1))
    } else {
        (n, num_bigint::BigInt::from(1) << (-exp) as usize)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

/// `T.__new__` for a built-in type: its constructor, as a static method.
fn new_wrapper(t: &TypeRef) -> Option<Value> {
    let f = t.native_new?;
    let b = Value::Builtin(Rc::new(Builtin {
        name: "__new__",
        func: f,
        bound: None,
        kind: crate::object::function::BuiltinKind::Function,
        owner: "builtin-new",
        weakrefs: Default::default(),
    }));
    Some(Value::obj(
        crate::vm::builtin_types::types().staticmethod.clone(),
        ObjKind::StaticMethod(b),
    ))
}

/// Whether a `__new__` found on a class is a built-in constructor.
pub fn is_builtin_new(v: &Value) -> bool {
    match v {
        Value::Obj(o) => {
            matches!(&o.kind, ObjKind::StaticMethod(Value::Builtin(b)) if b.owner == "builtin-new")
        }
        Value::Builtin(_) => true,
        _ => false,
    }
}

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    let numeric = [&t.int, &t.float, &t.bool_];
    let sequences = [&t.str, &t.list, &t.tuple];
    let all = [
        &t.int,
        &t.float,
        &t.complex,
        &t.str,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.bool_,
        &t.range,
    ];
    for ty in all {
        for (name, f) in CMPOPS {
            add_dunder(vm, ty, name, *f);
        }
        add_dunder(vm, ty, "__repr__", repr);
        add_dunder(vm, ty, "__str__", str_);
        add_dunder(vm, ty, "__hash__", hash);
        add_dunder(vm, ty, "__bool__", bool_);
        add_dunder(vm, ty, "__format__", format);
    }
    for ty in numeric {
        for (name, rname, f, rf) in BINOPS {
            add_dunder(vm, ty, name, *f);
            add_dunder(vm, ty, rname, *rf);
        }
        add_dunder(vm, ty, "__neg__", neg);
        add_dunder(vm, ty, "__pos__", pos);
        add_dunder(vm, ty, "__abs__", abs);
        add_dunder(vm, ty, "__int__", int);
        add_dunder(vm, ty, "__float__", float);
    }
    for ty in [&t.int, &t.bool_] {
        add_dunder(vm, ty, "__invert__", invert);
        add_dunder(vm, ty, "__index__", int);
        add_method(vm, ty, "bit_length", int_bit_length);
        add_method(vm, ty, "bit_count", int_bit_count);
        add_method(vm, ty, "conjugate", int_conjugate);
        add_method(vm, ty, "as_integer_ratio", int_as_integer_ratio);
    }
    for (name, rname, f, rf) in BINOPS
        .iter()
        .filter(|b| ["__add__", "__sub__", "__mul__", "__truediv__", "__pow__"].contains(&b.0))
    {
        add_dunder(vm, &t.complex, name, *f);
        add_dunder(vm, &t.complex, rname, *rf);
    }
    add_dunder(vm, &t.complex, "__neg__", neg);
    add_dunder(vm, &t.complex, "__pos__", pos);
    add_method(vm, &t.float, "is_integer", float_is_integer);
    add_method(vm, &t.float, "as_integer_ratio", float_as_integer_ratio);
    for ty in sequences {
        for (name, rname, f, rf) in &BINOPS[..3] {
            add_dunder(vm, ty, name, *f);
            add_dunder(vm, ty, rname, *rf);
        }
    }
    add_dunder(vm, &t.str, "__mod__", modulo);
    for ty in [
        &t.str,
        &t.list,
        &t.tuple,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.range,
    ] {
        add_dunder(vm, ty, "__len__", len);
        add_dunder(vm, ty, "__iter__", iter);
        add_dunder(vm, ty, "__contains__", contains);
    }
    for ty in [&t.str, &t.list, &t.tuple, &t.range] {
        add_dunder(vm, ty, "__getitem__", getitem);
    }
    add_dunder(vm, &t.list, "__setitem__", setitem);
    // Mutable containers are unhashable: their `__hash__` is None, as in CPython.
    for ty in [&t.list, &t.dict, &t.set] {
        let k = vm.intern("__hash__");
        ty.dict.set_str(k, Value::None);
    }
    for ty in [
        &t.function,
        &t.builtin_function,
        &t.method_descriptor,
        &t.wrapper_descriptor,
        &t.method_wrapper,
        &t.method,
        &t.type_,
    ] {
        add_dunder(vm, ty, "__call__", call_self);
    }
    for ty in [&t.list, &t.dict] {
        add_dunder(vm, ty, "__reversed__", reversed_self);
    }
    add_dunder(vm, &t.list, "__delitem__", delitem);
    for (name, rname, f, rf) in &BINOPS[7..10] {
        for ty in [&t.set, &t.frozenset] {
            add_dunder(vm, ty, name, *f);
            add_dunder(vm, ty, rname, *rf);
        }
    }
    add_dunder(vm, &t.set, "__sub__", sub);
    add_dunder(vm, &t.frozenset, "__sub__", sub);
    add_dunder(vm, &t.dict, "__or__", bitor);
    add_dunder(vm, &t.object, "__setattr__", object_setattr);
    add_dunder(vm, &t.object, "__delattr__", object_delattr);
    add_dunder(vm, &t.object, "__getattribute__", object_getattribute);
    add_dunder(vm, &t.object, "__format__", object_format);
    for (name, func) in [
        ("__init_subclass__", object_init_subclass as NativeFn),
        ("__subclasshook__", object_subclasshook),
    ] {
        let f = Value::Builtin(Rc::new(Builtin {
            name,
            func,
            bound: None,
            kind: crate::object::function::BuiltinKind::Function,
            owner: "object",
            weakrefs: Default::default(),
        }));
        let k = vm.intern(name);
        t.object
            .dict
            .set_str(k, super::classmethod_descriptor(vm, f));
    }
    // The iterator protocol as methods, for explicit calls and isinstance(x, Iterator).
    for ty in [
        &t.list_iterator,
        &t.list_reverseiterator,
        &t.tuple_iterator,
        &t.range_iterator,
        &t.str_iterator,
        &t.dict_keyiterator,
        &t.dict_valueiterator,
        &t.dict_itemiterator,
        &t.set_iterator,
        &t.reversed,
        &t.enumerate,
        &t.zip,
        &t.map,
        &t.filter,
        &t.callable_iterator,
        &t.seq_iterator,
    ] {
        add_dunder(vm, ty, "__iter__", iter_self);
        add_dunder(vm, ty, "__next__", next_item);
    }
    add_method(vm, &t.type_, "mro", type_mro);
    add_dunder(vm, &t.type_, "__subclasses__", type_subclasses);
    for ty in [
        &t.object,
        &t.int,
        &t.float,
        &t.complex,
        &t.str,
        &t.tuple,
        &t.list,
        &t.dict,
        &t.set,
        &t.frozenset,
        &t.base_exception,
        &t.type_,
    ] {
        if let Some(w) = new_wrapper(ty) {
            let k = vm.names.d_new.clone();
            ty.dict.set_str(k, w);
        }
    }
}

//! The `_weakref` module: `ref` (`ReferenceType`), `proxy` with `ProxyType` and
//! `CallableProxyType`, `getweakrefcount`, `getweakrefs`, `_remove_dead_weakref`.
//!
//! Every weak reference object is an instance whose first hidden slot holds the
//! native data (`object::weakref::WeakRefData`), so `ref` subclasses (`KeyedRef`,
//! `WeakMethod`) add slots and a `__dict__` as any class does. The proxies' operators
//! are Python-level methods over the native helpers, forwarding to the referent.
//! Clearing and callbacks live in `object::weakref` and `vm::weakrefs`.

use crate::builtins::types::new_instance;
use crate::builtins::{add_function, add_method, native_function, set_static_new};
use crate::code::CmpOp;
use crate::object::function::KwArg;
use crate::object::types::{Layout, Type};
use crate::object::weakref::{data_object, handles, insert, mark_of, with_data, WeakRefData};
use crate::object::{Dict, NativeFn, ObjKind, TypeRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The module's classes, made on its first import.
struct WeakrefTypes {
    reference: TypeRef,
    proxy: TypeRef,
    callable_proxy: TypeRef,
}

fn types(vm: &mut Vm) -> PyResult<(TypeRef, TypeRef, TypeRef)> {
    match vm.extension_state::<WeakrefTypes>() {
        Some(t) => Ok((
            t.reference.clone(),
            t.proxy.clone(),
            t.callable_proxy.clone(),
        )),
        None => Err(vm.runtime_error("_weakref is not initialised")),
    }
}

/// The hidden slot every weak reference object keeps its data in.
const DATA_SLOT: &str = "__weakref_data__";

/// A class of weak reference objects, deriving from object.
fn weakref_class(vm: &mut Vm, name: &str, doc: &str) -> TypeRef {
    let object = vm.types.object.clone();
    let t = Rc::new(Type::new(
        name,
        vec![object.clone()],
        Vec::new(),
        Dict::new_rc(),
        Layout::Object,
        false,
        vec![vm.intern(DATA_SLOT)],
        false,
        None,
    ));
    *t.mro.borrow_mut() = vec![t.clone(), object.clone()];
    object.subclasses.borrow_mut().push(Rc::downgrade(&t));
    crate::object::tracking::class(&t);
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str("weakref"));
    t.dict.set_str(vm.names.d_doc.clone(), Value::str(doc));
    t
}

/// The type name CPython's messages give a weak reference class.
fn qualified(t: &TypeRef) -> String {
    format!("weakref.{}", t.name().as_str())
}

/// Make a weak reference object of class `cls` (of family `family`: the ref type
/// or a proxy type) to `referent`, or reuse the plain one when no callback is given.
fn make(
    vm: &mut Vm,
    cls: &TypeRef,
    family: &TypeRef,
    referent: &Value,
    callback: Value,
) -> PyResult<Value> {
    if !can_be_referenced(referent) {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(referent)
        )));
    }
    let existing = handles(referent);
    // CPython's list order: the plain reference, then the plain proxy, then the
    // others (newest first); plain ones are shared.
    let plain_count = existing.iter().take_while(|h| is_plain(vm, h)).count();
    let callback = if callback.is_none() {
        Value::None
    } else {
        callback
    };
    let wants_plain = callback.is_none() && Rc::ptr_eq(cls, family);
    if wants_plain {
        if let Some(h) = existing[..plain_count]
            .iter()
            .find(|h| Rc::ptr_eq(&vm.type_of(h), cls))
        {
            return Ok(h.clone());
        }
    }
    let Some(data) = WeakRefData::new_object(family.clone(), referent, callback) else {
        return Err(vm.type_error(format!(
            "cannot create weak reference to '{}' object",
            vm.type_name(referent)
        )));
    };
    let handle = new_instance(vm, cls, &[], &[])?;
    let Value::Instance(inst) = &handle else {
        return Err(vm.runtime_error("a weak reference is not an instance"));
    };
    let old = inst
        .slots
        .borrow_mut()
        .first_mut()
        .map(|s| std::mem::replace(s, Value::Obj(data)));
    drop(old);
    // `new_instance` may have run Python code: list the references again.
    let existing = handles(referent);
    let plain_count = existing.iter().take_while(|h| is_plain(vm, h)).count();
    let at = if !wants_plain {
        plain_count
    } else if Rc::ptr_eq(family, &types(vm)?.0) {
        0
    } else {
        plain_count.min(1)
    };
    insert(referent, &handle, at);
    Ok(handle)
}

/// Objects CPython refuses weak references to: built-in values and the instances
/// of subclasses of int and tuple (variable-sized in CPython).
pub fn can_be_referenced(v: &Value) -> bool {
    match v {
        Value::Instance(i) => !matches!(i.cls().layout, Layout::Int | Layout::Tuple),
        other => mark_of(other).is_some(),
    }
}

/// A plain (shareable) weak reference: exactly `ref` or a proxy type, no callback.
fn is_plain(vm: &Vm, handle: &Value) -> bool {
    let Some(data) = data_object(handle) else {
        return false;
    };
    Rc::ptr_eq(&vm.type_of(handle), &data.cls)
        && with_data(&data, |d| d.callback().is_none()).unwrap_or(false)
}

/// The referent of a weak reference object, if it is one and the referent lives.
fn referent_of(handle: &Value) -> Option<Value> {
    let data = data_object(handle)?;
    with_data(&data, |d| d.referent())?
}

/// `self` of a method of `family`, or CPython's descriptor error.
fn this<'a>(
    vm: &mut Vm,
    family: &TypeRef,
    name: &str,
    args: &'a [Value],
) -> PyResult<(&'a Value, &'a [Value])> {
    let qualname = qualified(family);
    crate::builtins::split_method_self(vm, &qualname, name, args, |v| {
        data_object(v).is_some_and(|d| Rc::ptr_eq(&d.cls, family))
    })
}

fn ref_this<'a>(vm: &mut Vm, name: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    let family = types(vm)?.0;
    this(vm, &family, name, args)
}

/// `ref.__new__(cls, ob, callback=None)`.
fn ref_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let family = types(vm)?.0;
    let cls = match args.first() {
        Some(Value::Type(cls)) if cls.is_subtype(&family) => cls.clone(),
        Some(Value::Type(cls)) => {
            return Err(vm.type_error(format!(
                "ReferenceType.__new__({0}): {0} is not a subtype of ReferenceType",
                cls.name().as_str()
            )))
        }
        _ => return Err(vm.type_error("ReferenceType.__new__(X): X is not a type object")),
    };
    if !kw.is_empty() {
        return Err(vm.type_error("ref() takes no keyword arguments"));
    }
    match &args[1..] {
        [ob] => make(vm, &cls, &family, ob, Value::None),
        [ob, callback] => make(vm, &cls, &family, ob, callback.clone()),
        [] => Err(vm.type_error("__new__ expected at least 1 argument, got 0")),
        rest => Err(vm.type_error(format!(
            "__new__ expected at most 2 arguments, got {}",
            rest.len()
        ))),
    }
}

/// `ref.__init__(self, ob, callback=None)`: `__new__` did the work.
fn ref_init(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (_, rest) = ref_this(vm, "__init__", args)?;
    match rest.len() {
        1 | 2 => Ok(Value::None),
        0 => Err(vm.type_error("__init__ expected at least 1 argument, got 0")),
        n => Err(vm.type_error(format!("__init__ expected at most 2 arguments, got {n}"))),
    }
}

fn ref_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (me, rest) = ref_this(vm, "__call__", args)?;
    if !rest.is_empty() || !kw.is_empty() {
        return Err(vm.type_error(format!(
            "weakref expected 0 arguments, got {}",
            rest.len() + kw.len()
        )));
    }
    Ok(referent_of(me).unwrap_or(Value::None))
}

/// The hash of the referent, kept once computed so that it outlives the referent.
fn ref_hash(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (me, _) = ref_this(vm, "_hash", args)?;
    let Some(data) = data_object(me) else {
        return Err(vm.type_error("weak object has gone away"));
    };
    if let Some(Some(h)) = with_data(&data, |d| d.hash) {
        return Ok(Value::Int(h));
    }
    let Some(referent) = referent_of(me) else {
        return Err(vm.type_error("weak object has gone away"));
    };
    let h = vm.hash(&referent)?;
    with_data(&data, |d| d.hash = Some(h));
    Ok(Value::Int(h))
}

/// `ref == other` (op 2) and `ref != other` (op 3): the referents compare while both
/// live, else the references' identities do.
fn ref_richcmp(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (me, rest) = ref_this(vm, "_richcmp", args)?;
    let family = types(vm)?.0;
    let (Some(other), Some(op)) = (rest.first(), rest.get(1)) else {
        return Err(vm.type_error("_richcmp expected 2 arguments"));
    };
    let op = super::richcmp_op(op);
    if !data_object(other).is_some_and(|d| Rc::ptr_eq(&d.cls, &family)) {
        return not_implemented(vm);
    }
    match (referent_of(me), referent_of(other)) {
        (Some(a), Some(b)) => vm.compare(op, &a, &b),
        _ => Ok(Value::Bool(me.is(other) == (op == CmpOp::Eq))),
    }
}

fn not_implemented(vm: &mut Vm) -> PyResult<Value> {
    let key = vm.intern("NotImplemented");
    Ok(vm.builtins.get_str(&key).unwrap_or(Value::None))
}

/// `<weakref at 0x..; to 'T' at 0x.. (name)>`, or `; dead>`.
fn ref_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (me, _) = ref_this(vm, "__repr__", args)?;
    let at = me.ptr().unwrap_or(0);
    let Some(referent) = referent_of(me) else {
        return Ok(Value::from_string(format!("<weakref at {at:#x}; dead>")));
    };
    let to = referent.ptr().unwrap_or(0);
    let tname = vm.type_name(&referent);
    let name_key = vm.names.d_name.clone();
    let text = match vm.get_attr_opt(&referent, &name_key)? {
        Some(Value::Str(name)) => format!(
            "<weakref at {at:#x}; to '{tname}' at {to:#x} ({})>",
            name.as_str()
        ),
        _ => format!("<weakref at {at:#x}; to '{tname}' at {to:#x}>"),
    };
    Ok(Value::from_string(text))
}

fn get_callback(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (me, _) = ref_this(vm, "__callback__", args)?;
    Ok(data_object(me)
        .and_then(|d| with_data(&d, |d| d.callback()))
        .unwrap_or(Value::None))
}

/// `proxy(object, callback=None)`.
fn proxy(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "proxy", args, 1, 2)?;
    if !kw.is_empty() {
        return Err(vm.type_error("proxy() takes no keyword arguments"));
    }
    let (_, plain, callable) = types(vm)?;
    let referent = &args[0];
    let cls = if crate::builtins::functions::is_callable(vm, referent) {
        callable
    } else {
        plain
    };
    let callback = args.get(1).cloned().unwrap_or(Value::None);
    make(vm, &cls, &cls, referent, callback)
}

fn is_proxy(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let (_, plain, callable) = types(vm)?;
    Ok(data_object(v).is_some_and(|d| Rc::ptr_eq(&d.cls, &plain) || Rc::ptr_eq(&d.cls, &callable)))
}

fn reference_error(vm: &Vm) -> crate::vm::PyErr {
    crate::vm::PyErr::from_value(vm.new_exception(
        &vm.types.reference_error,
        vec![Value::str("weakly-referenced object no longer exists")],
    ))
}

/// `_deref(proxy)`: the proxy's referent, or ReferenceError.
fn proxy_deref(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let p = args.first().cloned().unwrap_or(Value::None);
    referent_of(&p).ok_or_else(|| reference_error(vm))
}

/// `_unwrap(v)`: the referent of a proxy, other values as they are.
fn proxy_unwrap(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    if is_proxy(vm, &v)? {
        return referent_of(&v).ok_or_else(|| reference_error(vm));
    }
    Ok(v)
}

/// `<weakproxy at 0x..; to 'T' at 0x..>`, or `; dead>`.
fn proxy_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let p = args.first().cloned().unwrap_or(Value::None);
    let at = p.ptr().unwrap_or(0);
    let text = match referent_of(&p) {
        Some(r) => format!(
            "<weakproxy at {at:#x}; to '{}' at {:#x}>",
            vm.type_name(&r),
            r.ptr().unwrap_or(0)
        ),
        None => format!("<weakproxy at {at:#x}; dead>"),
    };
    Ok(Value::from_string(text))
}

/// `_next(proxy)`: `next()` of a referent that is an iterator.
fn proxy_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let referent = proxy_deref(vm, args, &[])?;
    let next_key = vm.intern("__next__");
    if vm.type_of(&referent).lookup(&next_key).is_none() {
        return Err(vm.type_error(format!(
            "Weakref proxy referenced a non-iterator '{}' object",
            vm.type_name(&referent)
        )));
    }
    let f = vm.get_attr(&referent, &next_key)?;
    vm.call(&f, &[], &[])
}

/// The proxies' methods, forwarding to the referent (both operands unwrapped, as
/// CPython's proxies do).
fn proxy_source(callable: bool) -> String {
    let mut src = String::from(
        "\
def __getattribute__(self, name): return getattr(_deref(self), name)
def __setattr__(self, name, value): setattr(_deref(self), name, value)
def __delattr__(self, name): delattr(_deref(self), name)
def __repr__(self): return _repr(self)
def __str__(self): return str(_deref(self))
def __bool__(self): return bool(_deref(self))
def __len__(self): return len(_deref(self))
def __iter__(self): return iter(_deref(self))
def __next__(self): return _next(self)
def __contains__(self, item): return _unwrap(item) in _deref(self)
def __getitem__(self, key): return _deref(self)[_unwrap(key)]
def __setitem__(self, key, value): _deref(self)[_unwrap(key)] = _unwrap(value)
def __delitem__(self, key): del _deref(self)[_unwrap(key)]
def __reversed__(self): return reversed(_deref(self))
def __bytes__(self): return bytes(_deref(self))
def __int__(self): return int(_deref(self))
def __float__(self): return float(_deref(self))
def __index__(self): return _deref(self).__index__()
def __neg__(self): return -_deref(self)
def __pos__(self): return +_deref(self)
def __abs__(self): return abs(_deref(self))
def __invert__(self): return ~_deref(self)
def __divmod__(self, other): return divmod(_deref(self), _unwrap(other))
def __rdivmod__(self, other): return divmod(_unwrap(other), _deref(self))
def __pow__(self, other, mod=None): return pow(_deref(self), _unwrap(other), _unwrap(mod))
def __rpow__(self, other, mod=None): return pow(_unwrap(other), _deref(self), _unwrap(mod))
def __ipow__(self, other):
    o = _deref(self)
    o **= _unwrap(other)
    return o
",
    );
    for (name, op) in [
        ("lt", "<"),
        ("le", "<="),
        ("eq", "=="),
        ("ne", "!="),
        ("gt", ">"),
        ("ge", ">="),
    ] {
        src.push_str(&format!(
            "def __{name}__(self, other): return _deref(self) {op} _unwrap(other)\n"
        ));
    }
    for (name, op) in [
        ("add", "+"),
        ("sub", "-"),
        ("mul", "*"),
        ("matmul", "@"),
        ("truediv", "/"),
        ("floordiv", "//"),
        ("mod", "%"),
        ("lshift", "<<"),
        ("rshift", ">>"),
        ("and", "&"),
        ("xor", "^"),
        ("or", "|"),
    ] {
        src.push_str(&format!(
            "def __{name}__(self, other): return _deref(self) {op} _unwrap(other)\n\
             def __r{name}__(self, other): return _unwrap(other) {op} _deref(self)\n\
             def __i{name}__(self, other):\n    o = _deref(self)\n    o {op}= _unwrap(other)\n    return o\n"
        ));
    }
    if callable {
        src.push_str("def __call__(self, *args, **kwargs): return _deref(self)(*args, **kwargs)\n");
    }
    src
}

fn proxy_class(vm: &mut Vm, name: &str, callable: bool) -> PyResult<TypeRef> {
    let t = weakref_class(vm, name, "");
    t.dict.set_str(vm.names.d_doc.clone(), Value::None);
    let helpers: &[(&'static str, NativeFn)] = &[
        ("_deref", proxy_deref),
        ("_unwrap", proxy_unwrap),
        ("_repr", proxy_repr),
        ("_next", proxy_next),
    ];
    super::install_python_methods(vm, &t, "weakref", &proxy_source(callable), helpers)?;
    t.dict.set_str(vm.names.d_hash.clone(), Value::None);
    Ok(t)
}

fn reference_class(vm: &mut Vm) -> PyResult<TypeRef> {
    let t = weakref_class(vm, "ReferenceType", "");
    t.dict.set_str(vm.names.d_doc.clone(), Value::None);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", ref_init),
        ("__call__", ref_call),
        ("__repr__", ref_repr),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    set_static_new(vm, &t, "ReferenceType", ref_new);
    t.dict.set_str(
        vm.intern("__class_getitem__"),
        crate::builtins::generic_alias::class_getitem_method(vm),
    );
    let callback = ObjKind::Property {
        fget: native_function("weakref", "__callback__", get_callback),
        fset: Value::None,
        fdel: Value::None,
        doc: crate::object::PyCell::new(Value::None),
    };
    t.dict.set_str(
        vm.intern("__callback__"),
        Value::obj(vm.types.property.clone(), callback),
    );
    // Python-level, as the interpreter sends instances' hashing and comparisons to
    // Python functions.
    let python = "\
def __hash__(self): return _hash(self)
def __eq__(self, other): return _richcmp(self, other, 2)
def __ne__(self, other): return _richcmp(self, other, 3)
";
    let helpers: &[(&'static str, NativeFn)] = &[("_hash", ref_hash), ("_richcmp", ref_richcmp)];
    super::install_python_methods(vm, &t, "weakref", python, helpers)?;
    Ok(t)
}

/// `getweakrefcount(object)`.
fn getweakrefcount(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getweakrefcount", args, 1, 1)?;
    Ok(Value::Int(handles(&args[0]).len() as i64))
}

/// `getweakrefs(object)`.
fn getweakrefs(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "getweakrefs", args, 1, 1)?;
    Ok(Value::list(handles(&args[0])))
}

/// `_remove_dead_weakref(dict, key)`: delete `dict[key]` if it is a dead weak
/// reference (a missing key is no error).
fn remove_dead_weakref(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "_remove_dead_weakref", args, 2, 2)?;
    let d = match &args[0] {
        Value::Dict(d) => d.clone(),
        other => match vm.builtin_base(other) {
            Some(Value::Dict(d)) => d,
            _ => {
                return Err(vm.type_error(format!(
                    "_remove_dead_weakref() argument 1 must be dict, not {}",
                    vm.type_name(other)
                )))
            }
        },
    };
    let key = &args[1];
    let Some(v) = vm.dict_lookup(&d, key)? else {
        return Ok(Value::None);
    };
    if data_object(&v).is_some() && referent_of(&v).is_none() {
        // Looked up again: the lookup may have run Python code.
        if let Some(now) = vm.dict_lookup(&d, key)? {
            if now.is(&v) {
                vm.dict_remove(&d, key)?;
            }
        }
    }
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let (reference, proxy_type, callable_proxy) = match vm.extension_state::<WeakrefTypes>() {
        Some(t) => (
            t.reference.clone(),
            t.proxy.clone(),
            t.callable_proxy.clone(),
        ),
        None => {
            let reference = reference_class(vm)?;
            let proxy_type = proxy_class(vm, "ProxyType", false)?;
            let callable_proxy = proxy_class(vm, "CallableProxyType", true)?;
            vm.set_extension_state(WeakrefTypes {
                reference: reference.clone(),
                proxy: proxy_type.clone(),
                callable_proxy: callable_proxy.clone(),
            });
            (reference, proxy_type, callable_proxy)
        }
    };
    for (name, t) in [
        ("ref", &reference),
        ("ReferenceType", &reference),
        ("ProxyType", &proxy_type),
        ("CallableProxyType", &callable_proxy),
    ] {
        d.set_str(vm.intern(name), Value::Type(t.clone()));
    }
    add_function(vm, d, "_weakref", "getweakrefcount", getweakrefcount);
    add_function(vm, d, "_weakref", "getweakrefs", getweakrefs);
    add_function(vm, d, "_weakref", "proxy", proxy);
    add_function(
        vm,
        d,
        "_weakref",
        "_remove_dead_weakref",
        remove_dead_weakref,
    );
    Ok(())
}

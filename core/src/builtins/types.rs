//! Calling classes: instance creation (`__new__` / `__init__`), the constructors of
//! the built-in types, `type(name, bases, ns)`, `__build_class__` and `super`.

use super::{add_function, add_method, check_args, kwarg};
use crate::object::function::KwArg;
use crate::object::types::{c3_mro, Layout, Type, TypeRef};
use crate::object::{bigint, bigint_text, Base, Dict, Instance, ObjKind, PyCell, PyStr, Value};
use crate::vm::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{FromPrimitive, ToPrimitive};
use std::rc::Rc;

/// `cls(*args, **kwargs)`.
pub fn call_type(vm: &mut Vm, t: &TypeRef, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    if Rc::ptr_eq(t, &vm.types.type_) {
        if args.len() == 1 && kwargs.is_empty() {
            return Ok(Value::Type(vm.type_of(&args[0])));
        }
        if args.len() == 3 {
            // The bases' most derived metaclass makes the class, as CPython's
            // type_new hands over to it.
            if let Value::Tuple(bases) = &args[1] {
                let winner = calculate_meta(vm, t, &bases.items)?;
                if !Rc::ptr_eq(&winner, t) {
                    return vm.call(&Value::Type(winner), args, kwargs);
                }
            }
            return type_new(vm, t, &args[0], &args[1], &args[2], kwargs);
        }
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    // Metaclasses: instances are classes, made by type.__new__ unless overridden.
    if t.layout == Layout::Type && t.native_new.is_none() {
        let new_name = vm.names.d_new.clone();
        let init_name = vm.names.d_init.clone();
        let cls = match t
            .lookup(&new_name)
            .filter(|f| !super::dunders::is_builtin_new(f))
        {
            Some(f) => {
                let f = match &f {
                    Value::Obj(o) => match &o.kind {
                        ObjKind::StaticMethod(inner) => inner.clone(),
                        _ => f.clone(),
                    },
                    _ => f.clone(),
                };
                let mut all = vec![Value::Type(t.clone())];
                all.extend(args.iter().cloned());
                vm.call(&f, &all, kwargs)?
            }
            None => {
                if args.len() != 3 {
                    return Err(vm.type_error("type() takes 1 or 3 arguments"));
                }
                type_new(vm, t, &args[0], &args[1], &args[2], kwargs)?
            }
        };
        if let Some(f @ Value::Function(_)) = t.lookup(&init_name) {
            let mut all = vec![cls.clone()];
            all.extend(args.iter().cloned());
            vm.call(&f, &all, kwargs)?;
        }
        return Ok(cls);
    }
    // A metaclass with its own __call__.
    if let Some(meta) = t.meta.borrow().clone() {
        let call = vm.names.d_call.clone();
        if let Some(f @ Value::Function(_)) = meta.lookup(&call) {
            let mut all = vec![Value::Type(t.clone())];
            all.extend(args.iter().cloned());
            return vm.call(&f, &all, kwargs);
        }
    }
    if let Some(new) = t.native_new {
        // `str(x)`, `int(x)`, `super()`: the arguments with the type in front, on the
        // Rust stack rather than in a new vector per call.
        let mut all: smallvec::SmallVec<[Value; 4]> = smallvec::SmallVec::new();
        all.push(Value::Type(t.clone()));
        all.extend(args.iter().cloned());
        return new(vm, &all, kwargs);
    }
    let new_name = vm.names.d_new.clone();
    let init_name = vm.names.d_init.clone();
    let user_new = t
        .lookup(&new_name)
        .filter(|f| !super::dunders::is_builtin_new(f));
    let init = t.lookup(&init_name);
    // As object.__new__ does, refuse arguments nothing takes before an instance
    // exists: one made and dropped would run its __del__.
    if (!args.is_empty() || !kwargs.is_empty())
        && user_new.is_none()
        && t.layout == Layout::Object
        && match &init {
            Some(Value::Function(_)) => false,
            Some(Value::Builtin(b)) => b.owner == "object",
            _ => true,
        }
    {
        return Err(vm.type_error(format!("{}() takes no arguments", t.name().as_str())));
    }
    let obj = match &user_new {
        Some(f) => {
            let f = match f {
                Value::Obj(o) => match &o.kind {
                    ObjKind::StaticMethod(inner) => inner.clone(),
                    _ => f.clone(),
                },
                _ => f.clone(),
            };
            let mut all = vec![Value::Type(t.clone())];
            all.extend(args.iter().cloned());
            let obj = vm.call(&f, &all, kwargs)?;
            if !vm.type_of(&obj).is_subtype(t) {
                return Ok(obj);
            }
            obj
        }
        None => new_instance(vm, t, args, kwargs)?,
    };
    match init {
        Some(f @ Value::Function(_)) => {
            let r = vm.call_method_value_kw(f, &obj, args, kwargs)?;
            if !r.is_none() {
                return Err(vm.type_error(format!(
                    "__init__() should return None, not '{}'",
                    vm.type_name(&r)
                )));
            }
        }
        Some(f @ Value::Builtin(_)) if !matches!(&f, Value::Builtin(b) if b.owner == "object") => {
            vm.call_method_value_kw(f, &obj, args, kwargs)?;
        }
        _ => {}
    }
    Ok(obj)
}

/// object.__new__ for a Python class: an instance with the built-in part its layout
/// needs.
pub fn new_instance(vm: &mut Vm, t: &TypeRef, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    if !t.builtin {
        check_not_abstract(vm, t)?;
    }
    let mapped;
    let t = if t.layout == Layout::Exception {
        mapped = super::os_error::class_for(vm, t, args);
        &mapped
    } else {
        t
    };
    let base = match t.layout {
        Layout::Module => return Ok(crate::vm::module_object::new_module_of(vm, t)),
        Layout::Object | Layout::Fixed | Layout::Type => Base::None,
        Layout::Exception => Base::Exception(Box::new(PyCell::new(crate::object::ExcData {
            args: Value::tuple(args.to_vec()),
            ..Default::default()
        }))),
        Layout::List => Base::Value(Box::new(PyCell::new(Value::list(Vec::new())))),
        Layout::Dict => Base::Value(Box::new(PyCell::new(Value::Dict(Dict::new_rc())))),
        Layout::Set => Base::Value(Box::new(PyCell::new(vm.new_set(Vec::new(), false)?))),
        // Filled by bytearray.__init__, as a list subclass's list by list.__init__.
        Layout::ByteArray => Base::Value(Box::new(PyCell::new(super::bytearray::new_bytearray(
            Vec::new(),
        )))),
        layout => {
            // Immutable built-ins take their value at creation.
            let builtin = match layout {
                Layout::Int => vm.types.int.clone(),
                Layout::Float => vm.types.float.clone(),
                Layout::Str => vm.types.str.clone(),
                Layout::Bytes => vm.types.bytes.clone(),
                Layout::Tuple => vm.types.tuple.clone(),
                Layout::Complex => vm.types.complex.clone(),
                Layout::Enumerate => vm.types.enumerate.clone(),
                Layout::Zip => vm.types.zip.clone(),
                Layout::GenericAlias => vm.types.generic_alias.clone(),
                _ => vm.types.frozenset.clone(),
            };
            let v = call_type(vm, &builtin, args, kwargs)?;
            Base::Value(Box::new(PyCell::new(v)))
        }
    };
    let nslots = t.mro.borrow().iter().map(|c| c.slot_names.len()).sum();
    Ok(instance(t, base, nslots))
}

/// A new instance of a class that `Vm::plain_init` vouched for (no abstract methods,
/// `Layout::Object`), with `nslots` empty slots.
pub fn new_plain_instance(t: &TypeRef, nslots: usize) -> Value {
    instance(t, Base::None, nslots)
}

fn instance(t: &TypeRef, base: Base, nslots: usize) -> Value {
    Value::Instance(crate::object::Instance::new_rc(Instance {
        cls: PyCell::new(t.clone()),
        dict: if t.has_dict {
            Some(Dict::with_capacity_rc(
                t.instance_dict_capacity.get() as usize
            ))
        } else {
            None
        },
        slots: PyCell::new(if nslots == 0 {
            Box::default()
        } else {
            vec![Value::Null; nslots].into_boxed_slice()
        }),
        base,
        finalized: std::cell::Cell::new(false),
        weakrefs: Default::default(),
    }))
}

/// A class with abstract methods cannot be instantiated.
fn check_not_abstract(vm: &mut Vm, t: &TypeRef) -> PyResult<()> {
    let key = vm.intern("__abstractmethods__");
    let Some(abstracts) = t.lookup(&key) else {
        return Ok(());
    };
    if !vm.truthy(&abstracts)? {
        return Ok(());
    }
    let mut names: Vec<String> = vm
        .collect_iterable(&abstracts)?
        .iter()
        .filter_map(|v| v.as_str().map(|s| s.as_str().to_string()))
        .collect();
    names.sort();
    let listed = names
        .iter()
        .map(|n| format!("'{n}'"))
        .collect::<Vec<_>>()
        .join(", ");
    Err(vm.type_error(format!(
        "Can't instantiate abstract class {} without an implementation for abstract method{} {}",
        t.name().as_str(),
        if names.len() == 1 { "" } else { "s" },
        listed
    )))
}

/// `type(name, bases, namespace, **kwargs)` and class statements: the keywords go
/// to the `__init_subclass__` of the class's bases.
pub fn type_new(
    vm: &mut Vm,
    meta: &TypeRef,
    name: &Value,
    bases: &Value,
    ns: &Value,
    kwargs: &[KwArg],
) -> PyResult<Value> {
    let Value::Str(name) = name else {
        return Err(vm.type_error("type.__new__() argument 1 must be str"));
    };
    let bases: Vec<TypeRef> = match bases {
        Value::Tuple(t) => {
            calculate_meta(vm, meta, &t.items)?;
            let mut out = Vec::new();
            for b in t.items.iter() {
                match b {
                    Value::Type(bt) => {
                        if bt.layout == Layout::Fixed || Rc::ptr_eq(bt, &vm.types.bool_) {
                            return Err(vm.type_error(format!(
                                "type '{}' is not an acceptable base type",
                                bt.name().as_str()
                            )));
                        }
                        out.push(bt.clone())
                    }
                    _ => return Err(vm.type_error("bases must be types")),
                }
            }
            out
        }
        _ => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    // A dict subclass (a __prepare__'d namespace) gives its dict part.
    let ns = match ns {
        Value::Dict(d) => d.clone(),
        other => match vm.builtin_base(other) {
            Some(Value::Dict(d)) => d,
            _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
        },
    };
    let ns = &ns;
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|x| Rc::ptr_eq(x, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name().as_str())));
        }
    }
    let bases = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases
    };
    let Some(layout) = Layout::of_bases(&bases) else {
        return Err(vm.type_error("multiple bases have instance lay-out conflict"));
    };
    let dict = Dict::new_rc();
    for (k, v) in ns.items() {
        vm.dict_set(&dict, k, v)?;
    }
    let slots_key = vm.names.d_slots.clone();
    let (slot_names, has_dict) = match dict.get_str(&slots_key) {
        Some(v) => {
            let names: Vec<Value> = match &v {
                Value::Str(_) => vec![v.clone()],
                other => vm.collect_iterable(other)?,
            };
            let mut slot_names = Vec::new();
            let mut has_dict = false;
            for n in names {
                if let Value::Str(s) = n {
                    if ns.get_str(&s).is_some() {
                        return Err(vm.value_error(format!(
                            "'{}' in __slots__ conflicts with class variable",
                            s.as_str()
                        )));
                    }
                    if s.as_str() == "__dict__" {
                        has_dict = true;
                    } else {
                        slot_names.push(s);
                    }
                }
            }
            (
                slot_names,
                has_dict || bases.iter().any(|b| b.has_dict && !b.builtin),
            )
        }
        None => (Vec::new(), true),
    };
    // Implicit static/class methods.
    for (key, wrap_static) in [
        ("__new__", true),
        ("__init_subclass__", false),
        ("__class_getitem__", false),
    ] {
        let k = vm.intern(key);
        if let Some(f @ Value::Function(_)) = dict.get_str(&k) {
            let kind = if wrap_static {
                ObjKind::StaticMethod(f)
            } else {
                ObjKind::ClassMethod(f)
            };
            let cls = if wrap_static {
                vm.types.staticmethod.clone()
            } else {
                vm.types.classmethod.clone()
            };
            dict.set_str(k, Value::obj(cls, kind));
        }
    }
    let eq_key = vm.names.d_eq.clone();
    let hash_key = vm.names.d_hash.clone();
    if dict.get_str(&eq_key).is_some() && dict.get_str(&hash_key).is_none() {
        dict.set_str(hash_key, Value::None);
    }
    let module_key = vm.names.d_module.clone();
    if dict.get_str(&module_key).is_none() {
        if let Some(name) = vm
            .frames
            .last()
            .and_then(|f| f.globals().get_str(&vm.names.d_name.clone()))
        {
            dict.set_str(module_key, name);
        }
    }
    let qualname = dict
        .del_str(&vm.names.qualname.clone())
        .and_then(|q| q.as_str().cloned())
        .unwrap_or_else(|| name.clone());
    let offset: usize = bases
        .iter()
        .flat_map(|b| b.mro.borrow().clone())
        .map(|c| c.slot_names.len())
        .sum();
    for (i, s) in slot_names.iter().enumerate() {
        dict.set_str(
            s.clone(),
            Value::obj(
                vm.types.slot_descriptor.clone(),
                ObjKind::SlotDescriptor {
                    name: s.clone(),
                    index: offset + i,
                },
            ),
        );
    }
    let t = Rc::new(Type::new(
        name.as_str(),
        bases.clone(),
        Vec::new(),
        dict.clone(),
        layout,
        false,
        slot_names,
        has_dict,
        None,
    ));
    *t.qualname.borrow_mut() = qualname;
    crate::object::tracking::class(&t);
    if !Rc::ptr_eq(meta, &vm.types.type_) {
        *t.meta.borrow_mut() = Some(meta.clone());
    }
    let mro = c3_mro(&t, &bases).map_err(|m| vm.type_error(m))?;
    *t.mro.borrow_mut() = mro;
    for b in &bases {
        b.subclasses.borrow_mut().push(Rc::downgrade(&t));
    }
    if dict.get_str(&vm.names.d_doc.clone()).is_none() {
        dict.set_str(vm.names.d_doc.clone(), Value::None);
    }
    vm.trace_class(&t);
    let tv = Value::Type(t.clone());
    // __set_name__ on descriptors.
    let set_name = vm.names.set_name.clone();
    for (k, v) in dict.items() {
        if let Value::Instance(_) = &v {
            if let Some(f) = vm.type_of(&v).lookup(&set_name) {
                vm.call_method_value(f, &v, &[tv.clone(), k])?;
            }
        }
    }
    // super(cls, cls).__init_subclass__(**kwargs): the first one past the class
    // in its MRO.
    let init_sub = vm.names.init_subclass.clone();
    let sup = Value::obj(
        vm.types.super_.clone(),
        ObjKind::Super {
            this_class: t.clone(),
            obj: tv.clone(),
            obj_type: t.clone(),
        },
    );
    if let Some(f) = super_getattr(vm, &sup, &init_sub)? {
        vm.call(&f, &[], kwargs)?;
    }
    Ok(tv)
}

/// The most derived metaclass of `meta` and the bases' metaclasses (CPython's
/// `_PyType_CalculateMetaclass`).
fn calculate_meta(vm: &mut Vm, meta: &TypeRef, bases: &[Value]) -> PyResult<TypeRef> {
    let mut winner = meta.clone();
    for b in bases {
        let t = vm.type_of(b);
        if winner.is_subtype(&t) {
            continue;
        }
        if t.is_subtype(&winner) {
            winner = t;
            continue;
        }
        return Err(vm.type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The bases of a class statement with each base that is not a class replaced by
/// what its `__mro_entries__` gives (`list[int]` by `list`).
fn resolve_bases(vm: &mut Vm, bases: &[Value]) -> PyResult<Vec<Value>> {
    let mut out: Vec<Value> = Vec::with_capacity(bases.len());
    let name = vm.intern("__mro_entries__");
    for base in bases {
        if matches!(base, Value::Type(_)) {
            out.push(base.clone());
            continue;
        }
        let Some(entries) = vm.get_attr_opt(base, &name)? else {
            out.push(base.clone());
            continue;
        };
        match vm.call(&entries, &[Value::tuple(bases.to_vec())], &[])? {
            Value::Tuple(t) => out.extend(t.items.iter().cloned()),
            _ => return Err(vm.type_error("__mro_entries__ must return a tuple")),
        }
    }
    Ok(out)
}

/// `__build_class__(func, name, *bases, metaclass=..., **kwds)`.
fn build_class(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(name)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    };
    let orig_bases = &args[2..];
    let bases = resolve_bases(vm, orig_bases)?;
    let mut meta: Option<Value> = None;
    let mut extra: Vec<KwArg> = Vec::new();
    for (k, v) in kwargs {
        if k.as_str() == "metaclass" {
            meta = Some(v.clone());
        } else {
            extra.push((k.clone(), v.clone()));
        }
    }
    let meta = match meta {
        Some(Value::Type(m)) => Value::Type(calculate_meta(vm, &m, &bases)?),
        Some(m) => m,
        None => Value::Type(calculate_meta(vm, &vm.types.type_.clone(), &bases)?),
    };
    let orig_bases_value = (bases.len() != orig_bases.len()
        || bases.iter().zip(orig_bases).any(|(a, b)| !a.is(b)))
    .then(|| Value::tuple(orig_bases.to_vec()));
    let bases_t = Value::tuple(bases);
    let body = body.clone();
    let cell_key = vm.names.classcell.clone();
    // The namespace is what the metaclass's __prepare__ makes, where it has one.
    let prepare = match &meta {
        Value::Type(m) if Rc::ptr_eq(m, &vm.types.type_) => None,
        m => {
            let key = vm.intern("__prepare__");
            vm.get_attr_opt(m, &key)?
        }
    };
    let prepared = match prepare {
        Some(p) => Some(vm.call(&p, &[name.clone(), bases_t.clone()], &extra)?),
        None => None,
    };
    let (ns, cell) = match prepared {
        None | Some(Value::Dict(_)) => {
            let ns = match prepared {
                Some(Value::Dict(d)) => d,
                _ => Dict::new_rc(),
            };
            vm.run_class_body(&body, ns.clone())?;
            if let Some(orig) = &orig_bases_value {
                ns.set_str(vm.intern("__orig_bases__"), orig.clone());
            }
            let cell = ns.del_str(&cell_key);
            (Value::Dict(ns), cell)
        }
        Some(mapping) => {
            if vm.type_of(&mapping).lookup(&vm.names.getitem).is_none() {
                let meta_name = match &meta {
                    Value::Type(t) => t.name().as_str().to_string(),
                    _ => "<metaclass>".to_string(),
                };
                return Err(vm.type_error(format!(
                    "{meta_name}.__prepare__() must return a mapping, not {}",
                    vm.type_name(&mapping)
                )));
            }
            vm.run_class_body_in(&body, mapping.clone())?;
            if let Some(orig) = &orig_bases_value {
                let key = Value::Str(vm.intern("__orig_bases__"));
                vm.setitem(&mapping, key, orig.clone())?;
            }
            // type.__new__ takes the cell out of the dict part, past the mapping's
            // own methods.
            let cell = match vm.builtin_base(&mapping) {
                Some(Value::Dict(d)) => d.del_str(&cell_key),
                _ => None,
            };
            (mapping, cell)
        }
    };
    let cls = match &meta {
        Value::Type(m) if Rc::ptr_eq(m, &vm.types.type_) => {
            type_new(vm, m, name, &bases_t, &ns, &extra)?
        }
        other => vm.call(other, &[name.clone(), bases_t, ns], &extra)?,
    };
    if let Some(Value::Cell(c)) = cell {
        c.set(cls.clone());
    }
    Ok(cls)
}

/// `int(x)` for any value with an integer meaning.
pub fn to_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => float_to_int(vm, *f),
        Value::Str(s) => parse_int(vm, s.as_str(), 10, v),
        Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_)) => {
            parse_int_bytes(vm, v, 10)
        }
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                let n = vm.intern(name);
                if let Some(m) = vm.type_of(v).lookup(&n) {
                    if !matches!(m, Value::Builtin(_)) {
                        return vm.call_method_value(m, v, &[]);
                    }
                }
            }
            if let Some(b) = vm.builtin_base(v) {
                return to_int(vm, &b);
            }
            Err(vm.type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

pub fn float_to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return Ok(Value::Int(t as i64));
    }
    Ok(bigint::normalize(BigInt::from_f64(t).unwrap_or_default()))
}

/// `int(b, base)` for a bytes or bytearray: its ASCII text parsed as
/// `int(text, base)`.
fn parse_int_bytes(vm: &mut Vm, v: &Value, base: u32) -> PyResult<Value> {
    let Some(b) = super::bytearray::bytes_like(v) else {
        return Err(vm.type_error("int() can't convert non-string with explicit base"));
    };
    // Non-ASCII bytes are never digits: map them to a character that fails.
    let text: String = b
        .iter()
        .map(|&c| if c.is_ascii() { c as char } else { '\u{fffd}' })
        .collect();
    // The message shows the value as bytes, whichever buffer it came from.
    parse_int(vm, &text, base, &super::bytes::new_bytes(b))
}

/// Parse an int literal as `int(text, base)` does.
pub fn parse_int(vm: &mut Vm, text: &str, base: u32, original: &Value) -> PyResult<Value> {
    let err = |vm: &mut Vm| -> PyResult<Value> {
        let r = vm.repr(original)?;
        // CPython quotes at most 200 characters of the text (`%.200R`).
        let quoted: String = r.as_str().chars().take(200).collect();
        Err(vm.value_error(format!(
            "invalid literal for int() with base {base}: {quoted}"
        )))
    };
    let s = text.trim();
    let (neg, body) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut base = base;
    let lower = body.to_ascii_lowercase();
    let mut digits: &str = &lower;
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == b || base == 0) && digits.starts_with(p) {
            digits = &digits[2..];
            base = b;
        }
    }
    if base == 0 {
        if digits.len() > 1
            && digits.starts_with('0')
            && digits.chars().any(|c| c != '0' && c != '_')
        {
            return err(vm);
        }
        base = 10;
    }
    let digits = digits.strip_prefix('_').unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return err(vm);
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return err(vm);
    }
    if !base.is_power_of_two() {
        if let Err(limit) = bigint_text::check_text_digits(clean.len()) {
            return Err(vm.value_error(bigint_text::from_text_limit_message(limit, clean.len())));
        }
    }
    let magnitude = if base == 10 {
        BigInt::from(bigint_text::from_decimal(clean.as_bytes()))
    } else {
        match BigInt::parse_bytes(clean.as_bytes(), base) {
            Some(b) => b,
            None => return err(vm),
        }
    };
    Ok(bigint::normalize(if neg { -magnitude } else { magnitude }))
}

/// `float(x)`.
pub fn to_float(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| vm.overflow_error("int too large to convert to float")),
        Value::Str(s) => parse_float(s.as_str()).ok_or_else(|| {
            let r = crate::builtins::repr::pystr_repr(s);
            vm.value_error(format!("could not convert string to float: {r}"))
        }),
        _ => {
            let n = vm.names.d_float.clone();
            if let Some(m) = vm.type_of(v).lookup(&n) {
                if !matches!(m, Value::Builtin(_)) {
                    let r = vm.call_method_value(m, v, &[])?;
                    if let Value::Float(f) = r {
                        return Ok(f);
                    }
                }
            }
            let n = vm.names.d_index.clone();
            if let Some(m) = vm.type_of(v).lookup(&n) {
                if !matches!(m, Value::Builtin(_)) {
                    let r = vm.call_method_value(m, v, &[])?;
                    return to_float(vm, &r);
                }
            }
            if let Some(b) = vm.builtin_base(v) {
                return to_float(vm, &b);
            }
            Err(vm.type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                vm.type_name(v)
            )))
        }
    }
}

pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim().to_ascii_lowercase();
    let t = t.as_str();
    match t.trim_start_matches(['+', '-']) {
        "inf" | "infinity" => {
            return Some(if t.starts_with('-') {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            })
        }
        "nan" => {
            return Some(if t.starts_with('-') {
                -f64::NAN
            } else {
                f64::NAN
            })
        }
        _ => {}
    }
    if t.contains("__") || t.starts_with('_') || t.ends_with('_') {
        return None;
    }
    let clean: String = t.chars().filter(|c| *c != '_').collect();
    if clean.is_empty() || clean.contains("inf") || clean.contains("nan") {
        return None;
    }
    clean.parse::<f64>().ok()
}

fn type_arg(vm: &Vm, args: &[Value]) -> PyResult<TypeRef> {
    match args.first() {
        Some(Value::Type(t)) => Ok(t.clone()),
        _ => Err(vm.type_error("descriptor requires a type")),
    }
}

/// Wrap a built-in value for a subclass of its type.
/// `v`, made by a built-in type's `__new__`, as an instance of `t` when `t` is a
/// subclass (`super().__new__(cls, ...)`).
pub(crate) fn for_subclass(
    vm: &mut Vm,
    t: &TypeRef,
    builtin: &TypeRef,
    v: Value,
) -> PyResult<Value> {
    if Rc::ptr_eq(t, builtin) {
        return Ok(v);
    }
    let _ = vm;
    let nslots = t.mro.borrow().iter().map(|c| c.slot_names.len()).sum();
    Ok(Value::Instance(crate::object::Instance::new_rc(Instance {
        cls: PyCell::new(t.clone()),
        dict: if t.has_dict {
            Some(Dict::new_rc())
        } else {
            None
        },
        slots: PyCell::new(vec![Value::Null; nslots].into_boxed_slice()),
        base: Base::Value(Box::new(PyCell::new(v))),
        finalized: std::cell::Cell::new(false),
        weakrefs: Default::default(),
    })))
}

fn int_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    let args = &args[1..];
    let base_kw = super::kwarg(kwargs, "base").cloned();
    let v = match (args.first(), args.get(1).cloned().or(base_kw)) {
        (None, _) => Value::Int(0),
        (Some(x), None) => to_int(vm, x)?,
        (Some(x @ (Value::Str(_) | Value::Obj(_))), Some(b))
            if matches!(x, Value::Str(_))
                || matches!(x, Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_))) =>
        {
            let b = super::arg_int(vm, &b)?;
            if b != 0 && !(2..=36).contains(&b) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            match x {
                Value::Str(s) => parse_int(vm, s.as_str(), b as u32, x)?,
                _ => parse_int_bytes(vm, x, b as u32)?,
            }
        }
        (Some(_), Some(_)) => {
            return Err(vm.type_error("int() can't convert non-string with explicit base"))
        }
    };
    let int_t = vm.types.int.clone();
    for_subclass(vm, &t, &int_t, v)
}

fn float_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    check_args(vm, "float", &args[1..], 0, 1)?;
    let v = match args.get(1) {
        None => Value::Float(0.0),
        Some(x) => Value::Float(to_float(vm, x)?),
    };
    let ft = vm.types.float.clone();
    for_subclass(vm, &t, &ft, v)
}

fn bool_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "bool", &args[1..], 0, 1)?;
    match args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(x) => Ok(Value::Bool(vm.truthy(x)?)),
    }
}

fn str_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    let v = match args.get(1) {
        None => Value::str(""),
        Some(x) => {
            if args.len() > 2 || !kwargs.is_empty() {
                // str(data, encoding, errors) decodes, as data.decode(...) does.
                let encoding = args.get(2).or_else(|| kwarg(kwargs, "encoding"));
                let errors = args.get(3).or_else(|| kwarg(kwargs, "errors"));
                let encoding = encoding.cloned().unwrap_or_else(|| Value::str("utf-8"));
                let errors = errors.cloned().unwrap_or_else(|| Value::str("strict"));
                vm.call_method(x, "decode", &[encoding, errors])?
            } else {
                Value::Str(vm.to_str(x)?)
            }
        }
    };
    let st = vm.types.str.clone();
    for_subclass(vm, &t, &st, v)
}

fn tuple_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    let v = match args.get(1) {
        None => Value::tuple(Vec::new()),
        Some(Value::Tuple(_)) if Rc::ptr_eq(&t, &vm.types.tuple) => args[1].clone(),
        Some(x) => Value::tuple(vm.collect_iterable(x)?),
    };
    let tt = vm.types.tuple.clone();
    for_subclass(vm, &t, &tt, v)
}

fn list_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    check_args(vm, "list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        None => Vec::new(),
        Some(x) => vm.collect_iterable(x)?,
    };
    if Rc::ptr_eq(&t, &vm.types.list) {
        return Ok(Value::list(items));
    }
    new_instance(vm, &t, &[], &[])
}

fn dict_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    check_args(vm, "dict", &args[1..], 0, 1)?;
    let d = Dict::new_rc();
    if let Some(src) = args.get(1) {
        vm.dict_merge(&d, src, false)?;
    }
    for (k, v) in kwargs {
        d.set_str(k.clone(), v.clone());
    }
    if Rc::ptr_eq(&t, &vm.types.dict) {
        return Ok(Value::Dict(d));
    }
    new_instance(vm, &t, &[], &[])
}

fn set_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    let frozen = t.is_subtype(&vm.types.frozenset);
    let name = if frozen { "frozenset" } else { "set" };
    check_args(vm, name, &args[1..], 0, 1)?;
    let s = Rc::new(crate::object::Set::new(frozen));
    if let Some(src) = args.get(1) {
        super::set::set_update(vm, &s, src)?;
    }
    let base = if frozen {
        vm.types.frozenset.clone()
    } else {
        vm.types.set.clone()
    };
    for_subclass(vm, &t, &base, Value::Set(s))
}

fn object_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    if t.builtin && t.native_new.is_some() && !Rc::ptr_eq(&t, &vm.types.object) {
        let name = t.name();
        return Err(vm.type_error(format!(
            "object.__new__({}) is not safe, use {}.__new__()",
            name.as_str(),
            name.as_str()
        )));
    }
    if Rc::ptr_eq(&t, &vm.types.object) {
        if args.len() > 1 {
            return Err(vm.type_error("object() takes no arguments"));
        }
        return new_instance(vm, &t, &[], &[]);
    }
    new_instance(vm, &t, &args[1..], &[])
}

fn object_init(_vm: &mut Vm, _args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(super::repr::object_repr(vm, &v)?))
}

fn object_str(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Str(vm.repr(&v)?))
}

fn object_eq(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__eq__", args, 2, 2)?;
    if args[0].is(&args[1]) {
        Ok(Value::Bool(true))
    } else {
        Ok(not_implemented(vm))
    }
}

fn object_ne(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__ne__", args, 2, 2)?;
    let eq_name = vm.names.d_eq.clone();
    if let Some(f @ Value::Function(_)) = vm.type_of(&args[0]).lookup(&eq_name) {
        let r = vm.call_method_value(f, &args[0], &[args[1].clone()])?;
        if vm.is_not_implemented(&r) {
            return Ok(r);
        }
        return Ok(Value::Bool(!vm.truthy(&r)?));
    }
    Ok(if args[0].is(&args[1]) {
        Value::Bool(false)
    } else {
        not_implemented(vm)
    })
}

fn object_hash(_vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let v = args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Int(crate::vm::ops::identity_hash(&v)))
}

pub fn not_implemented(vm: &Vm) -> Value {
    vm.builtins
        .get_str(&PyStr::new("NotImplemented"))
        .unwrap_or(Value::None)
}

fn super_new(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    let (this, obj) = if args.len() >= 3 {
        match &args[1] {
            Value::Type(t) => (t.clone(), args[2].clone()),
            _ => return Err(vm.type_error("super() argument 1 must be a type")),
        }
    } else {
        // Zero-argument form: the caller's first argument and __class__ cell.
        let Some(frame) = vm.frames.last() else {
            return Err(vm.runtime_error("super(): no current frame"));
        };
        let code = frame.code.clone();
        let base = frame.base;
        if code.argcount == 0 {
            return Err(vm.runtime_error("super(): no arguments"));
        }
        let mut first = vm.stack[base].clone();
        if first.is_null() {
            return Err(vm.runtime_error("super(): arg[0] deleted"));
        }
        if let Value::Cell(c) = &first {
            if code
                .cellvars
                .iter()
                .any(|c| c.as_str() == code.varnames[0].as_str())
            {
                first = c.get();
            }
        }
        if let Some(pos) = code.cell2arg.iter().position(|a| *a == Some(0)) {
            if let Value::Cell(c) = &vm.stack[base + code.nlocals() + pos] {
                first = c.get();
            }
        }
        let idx = code.freevars.iter().position(|f| f.as_str() == "__class__");
        let Some(idx) = idx else {
            return Err(vm.runtime_error("super(): __class__ cell not found"));
        };
        let slot = base + code.nlocals() + code.cellvars.len() + idx;
        let cls = match &vm.stack[slot] {
            Value::Cell(c) => c.get(),
            _ => Value::Null,
        };
        match cls {
            Value::Type(t) => (t, first),
            _ => return Err(vm.runtime_error("super(): empty __class__ cell")),
        }
    };
    make_super(vm, this, obj)
}

/// `super(this, obj)` once its two arguments are known.
pub fn make_super(vm: &mut Vm, this: TypeRef, obj: Value) -> PyResult<Value> {
    let obj_type = super_object_type(vm, &this, &obj);
    if !obj_type.is_subtype(&this) {
        let what = match &obj {
            Value::Type(t) => format!("type {}", t.name().as_str()),
            other => format!("instance of {}", vm.type_name(other)),
        };
        return Err(vm.type_error(format!(
            "super(type, obj): obj ({}) is not an instance or subtype of type ({}).",
            what,
            this.name().as_str()
        )));
    }
    Ok(Value::obj(
        vm.types.super_.clone(),
        ObjKind::Super {
            this_class: this,
            obj,
            obj_type,
        },
    ))
}

/// The type whose MRO `super(this, obj)` searches: `obj` itself when it is a
/// subclass of `this`, else its type.
fn super_object_type(vm: &Vm, this: &TypeRef, obj: &Value) -> TypeRef {
    match obj {
        Value::Type(t) if t.is_subtype(this) => t.clone(),
        _ => vm.type_of(obj),
    }
}

/// The attribute `name` as stored in the first class after `this` in the MRO of
/// `obj_type` that has it.
fn lookup_after(obj_type: &TypeRef, this: &TypeRef, name: &PyStr) -> Option<Value> {
    let mro = obj_type.mro.borrow();
    let start = mro
        .iter()
        .position(|t| Rc::ptr_eq(t, this))
        .map(|i| i + 1)
        .unwrap_or(mro.len());
    mro[start..].iter().find_map(|t| t.dict.get_str(name))
}

/// The plain function `super().name(...)` calls in a method of `this` on an
/// instance (not a class) of `obj_type`, with the built-in `super`: the first
/// function named `name` after `this` in `obj_type`'s MRO; None when `obj_type`
/// is not a subclass of `this` or what is found there is not a plain function
/// (the super object then decides). What `LoadSuperMethod` calls, for an
/// extension that specialises it.
pub fn super_method(obj_type: &TypeRef, this: &TypeRef, name: &PyStr) -> Option<Value> {
    if !obj_type.is_subtype(this) {
        return None;
    }
    lookup_after(obj_type, this, name).filter(|f| matches!(f, Value::Function(_)))
}

/// What `super()` object `sup` finds for `name`: the attribute (see `lookup_after`)
/// and the object `super()` was bound to. None if `sup` is not a super object or
/// nothing has it.
pub fn super_lookup(sup: &Value, name: &PyStr) -> Option<(Value, Value)> {
    let Value::Obj(o) = sup else { return None };
    let ObjKind::Super {
        this_class,
        obj,
        obj_type,
    } = &o.kind
    else {
        return None;
    };
    lookup_after(obj_type, this_class, name).map(|v| (v, obj.clone()))
}

/// `LoadSuperAttr` / `LoadSuperMethod`: `super().name` given the loaded `super`,
/// `__class__` and first argument, as CPython's `LOAD_SUPER_ATTR`. With the
/// built-in `super`, a plain function found for a method call on an instance is
/// returned with the instance, no super object made; everything else goes through
/// the super object — `super(__class__, first)` for the built-in one, else whatever
/// calling the global `super` with no arguments gives. Method form: (method, self)
/// or (attribute, NULL); attribute form: (attribute, NULL).
pub fn load_super_attr(
    vm: &mut Vm,
    sup: &Value,
    class: Value,
    first: Value,
    name: &Rc<PyStr>,
    method: bool,
) -> PyResult<(Value, Value)> {
    let builtin_super = matches!(sup, Value::Type(t) if Rc::ptr_eq(t, &vm.types.super_));
    let sup_obj = match class {
        Value::Type(this) if builtin_super => {
            if method && !matches!(first, Value::Type(_)) {
                if let Some(f) = super_method(&vm.type_of(&first), &this, name) {
                    return Ok((f, first));
                }
            }
            make_super(vm, this, first)?
        }
        _ => vm.call(sup, &[], &[])?,
    };
    if method {
        vm.load_method(&sup_obj, name)
    } else {
        Ok((vm.get_attr(&sup_obj, name)?, Value::Null))
    }
}

pub fn super_getattr(vm: &mut Vm, sup: &Value, name: &Rc<PyStr>) -> PyResult<Option<Value>> {
    let Some((v, obj)) = super_lookup(sup, name) else {
        return Ok(None);
    };
    let is_class_access = matches!(obj, Value::Type(_));
    Ok(Some(match (&v, is_class_access) {
        (Value::Function(_), true) => v,
        (Value::Obj(x), _) => match &x.kind {
            ObjKind::ClassMethod(f) => {
                let obj_type = match sup {
                    Value::Obj(o) => match &o.kind {
                        ObjKind::Super { obj_type, .. } => obj_type.clone(),
                        _ => return Ok(None),
                    },
                    _ => return Ok(None),
                };
                Value::Method(Rc::new(crate::object::BoundMethod::new(
                    f.clone(),
                    Value::Type(obj_type),
                )))
            }
            ObjKind::StaticMethod(f) => f.clone(),
            ObjKind::Property { fget, .. } => {
                let f = fget.clone();
                vm.call(&f, std::slice::from_ref(&obj), &[])?
            }
            _ => v,
        },
        _ => vm.bind_descriptor(v, &obj)?,
    }))
}

fn property_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let get = |i: usize, name: &str| {
        args.get(i)
            .cloned()
            .or_else(|| super::kwarg(kwargs, name).cloned())
            .unwrap_or(Value::None)
    };
    let fget = get(1, "fget");
    let mut doc = get(4, "doc");
    if doc.is_none() && !fget.is_none() {
        let name = vm.names.d_doc.clone();
        doc = vm.get_attr_opt(&fget, &name)?.unwrap_or(Value::None);
    }
    Ok(Value::obj(
        vm.types.property.clone(),
        ObjKind::Property {
            fget,
            fset: get(2, "fset"),
            fdel: get(3, "fdel"),
            doc: PyCell::new(doc),
        },
    ))
}

fn property_with(vm: &mut Vm, args: &[Value], which: usize) -> PyResult<Value> {
    let (Some(Value::Obj(o)), Some(f)) = (args.first(), args.get(1)) else {
        return Err(vm.type_error("descriptor needs a property"));
    };
    let ObjKind::Property {
        fget,
        fset,
        fdel,
        doc,
    } = &o.kind
    else {
        return Err(vm.type_error("descriptor needs a property"));
    };
    let (mut g, mut s, mut d) = (fget.clone(), fset.clone(), fdel.clone());
    match which {
        0 => g = f.clone(),
        1 => s = f.clone(),
        _ => d = f.clone(),
    }
    Ok(Value::obj(
        vm.types.property.clone(),
        ObjKind::Property {
            fget: g,
            fset: s,
            fdel: d,
            doc: PyCell::new(doc.borrow().clone()),
        },
    ))
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    property_with(vm, args, 0)
}
fn property_setter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    property_with(vm, args, 1)
}
fn property_deleter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    super::check_method_args(vm, "indices", args, 1, 1)?;
    let Some(Value::Obj(o)) = args.first() else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let ObjKind::Slice { start, stop, step } = &o.kind else {
        return Err(vm.type_error("descriptor 'indices' requires a 'slice' object"));
    };
    let len = super::arg_int(vm, &args[1])?;
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let si = vm.slice_indices(start, stop, step, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(si.start),
        Value::Int(si.stop),
        Value::Int(si.step),
    ]))
}

fn staticmethod_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "staticmethod", &args[1..], 1, 1)?;
    Ok(Value::obj(
        vm.types.staticmethod.clone(),
        ObjKind::StaticMethod(args[1].clone()),
    ))
}

fn classmethod_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "classmethod", &args[1..], 1, 1)?;
    Ok(Value::obj(
        vm.types.classmethod.clone(),
        ObjKind::ClassMethod(args[1].clone()),
    ))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "slice", &args[1..], 1, 3)?;
    let a = &args[1..];
    Ok(match a.len() {
        1 => vm.new_slice(Value::None, a[0].clone(), Value::None),
        2 => vm.new_slice(a[0].clone(), a[1].clone(), Value::None),
        _ => vm.new_slice(a[0].clone(), a[1].clone(), a[2].clone()),
    })
}

/// `type.__new__(metacls, name, bases, ns)`.
fn type_dunder_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let meta = type_arg(vm, args)?;
    if args.len() == 2 {
        return Ok(Value::Type(vm.type_of(&args[1])));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type.__new__() takes exactly 3 arguments"));
    }
    type_new(vm, &meta, &args[1], &args[2], &args[3], kwargs)
}

fn exception_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let t = type_arg(vm, args)?;
    new_instance(vm, &t, &args[1..], &[])
}

fn none_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "NoneType", &args[1..], 0, 0)?;
    Ok(Value::None)
}

fn exception_init(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if let Some(d) = args.first().and_then(crate::vm::errors::exc_data) {
        let os_error = vm.types.os_error.clone();
        d.borrow_mut().args = if vm.type_of(&args[0]).is_subtype(&os_error) {
            super::os_error::init(vm, &args[0], &args[1..])
        } else {
            Value::tuple(args[1..].to_vec())
        };
        if !kw.is_empty() {
            exception_keywords(vm, &args[0], kw)?;
        }
    } else {
        return Err(vm.type_error("descriptor '__init__' requires a 'BaseException' object"));
    }
    Ok(Value::None)
}

/// The keyword arguments AttributeError (`name`, `obj`), NameError (`name`) and
/// ImportError (`name`, `path`, `name_from`) take; other exceptions ignore theirs.
fn exception_keywords(vm: &mut Vm, exc: &Value, kw: &[KwArg]) -> PyResult<()> {
    let cls = vm.type_of(exc);
    let t = vm.types;
    let (family, allowed): (&str, &[&str]) = if cls.is_subtype(&t.attribute_error) {
        ("AttributeError", &["name", "obj"])
    } else if cls.is_subtype(&t.name_error) {
        ("NameError", &["name"])
    } else if cls.is_subtype(&t.import_error) {
        ("ImportError", &["name", "path", "name_from"])
    } else {
        return Ok(());
    };
    if kw.len() > allowed.len() {
        let n = allowed.len();
        return Err(vm.type_error(format!(
            "{family}() takes at most {n} keyword argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            kw.len()
        )));
    }
    if let Some((k, _)) = kw.iter().find(|(k, _)| !allowed.contains(&k.as_str())) {
        return Err(vm.type_error(format!(
            "{family}() got an unexpected keyword argument '{}'",
            k.as_str()
        )));
    }
    for (k, v) in kw {
        vm.set_attr(exc, k, v.clone())?;
    }
    Ok(())
}

/// `BaseException.__setstate__(state)`: each item of the dict set as an attribute
/// (pickle and copy restore an exception's state so).
fn exception_setstate(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    super::check_method_args(vm, "__setstate__", args, 1, 1)?;
    let items = match &args[1] {
        Value::None => return Ok(Value::None),
        Value::Dict(d) => d.items(),
        _ => return Err(vm.type_error("state is not a dictionary")),
    };
    for (k, v) in items {
        match k {
            Value::Str(k) => vm.set_attr(&args[0], &k, v)?,
            other => {
                return Err(vm.type_error(format!(
                    "attribute name must be string, not '{}'",
                    vm.type_name(&other)
                )))
            }
        }
    }
    Ok(Value::None)
}

fn exception_with_traceback(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    super::check_method_args(vm, "with_traceback", args, 1, 1)?;
    let name = vm.intern("__traceback__");
    vm.set_attr(&args[0], &name, args[1].clone())?;
    Ok(args[0].clone())
}

pub fn set_native_new(t: &TypeRef, f: crate::object::NativeFn) {
    // Built-in types are created before their constructors exist; the field is set
    // once at start-up, before any Python code runs.
    let ptr = Rc::as_ptr(t) as *mut Type;
    // SAFETY: called only from `install`, while the interpreter is being built and no
    // other reference reads the field.
    unsafe { (*ptr).native_new = Some(f) };
}

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    set_native_new(&t.int, int_new);
    set_native_new(&t.float, float_new);
    set_native_new(&t.bool_, bool_new);
    set_native_new(&t.str, str_new);
    set_native_new(&t.tuple, tuple_new);
    set_native_new(&t.list, list_new);
    set_native_new(&t.dict, dict_new);
    set_native_new(&t.set, set_new);
    set_native_new(&t.frozenset, set_new);
    set_native_new(&t.object, object_new);
    set_native_new(&t.super_, super_new);
    set_native_new(&t.property, property_new);
    set_native_new(&t.staticmethod, staticmethod_new);
    set_native_new(&t.classmethod, classmethod_new);
    set_native_new(&t.slice, slice_new);
    set_native_new(&t.base_exception, exception_new);
    set_native_new(&t.type_, type_dunder_new);
    set_native_new(&t.none, none_new);
    add_method(vm, &t.object, "__init__", object_init);
    add_method(vm, &t.object, "__repr__", object_repr);
    add_method(vm, &t.object, "__str__", object_str);
    add_method(vm, &t.object, "__eq__", object_eq);
    add_method(vm, &t.object, "__ne__", object_ne);
    add_method(vm, &t.object, "__hash__", object_hash);
    add_method(vm, &t.slice, "indices", slice_indices);
    add_method(vm, &t.property, "getter", property_getter);
    add_method(vm, &t.property, "setter", property_setter);
    add_method(vm, &t.property, "deleter", property_deleter);
    add_method(vm, &t.base_exception, "__init__", exception_init);
    add_method(vm, &t.base_exception, "__setstate__", exception_setstate);
    add_method(
        vm,
        &t.base_exception,
        "with_traceback",
        exception_with_traceback,
    );
    let b = vm.builtins.clone();
    add_function(vm, &b, "builtins", "__build_class__", build_class);
    let all: Vec<(&str, &TypeRef)> = vec![
        ("object", &t.object),
        ("type", &t.type_),
        ("int", &t.int),
        ("bool", &t.bool_),
        ("float", &t.float),
        ("complex", &t.complex),
        ("bytearray", &t.bytearray),
        ("memoryview", &t.memoryview),
        ("str", &t.str),
        ("bytes", &t.bytes),
        ("list", &t.list),
        ("tuple", &t.tuple),
        ("dict", &t.dict),
        ("set", &t.set),
        ("frozenset", &t.frozenset),
        ("range", &t.range),
        ("slice", &t.slice),
        ("property", &t.property),
        ("staticmethod", &t.staticmethod),
        ("classmethod", &t.classmethod),
        ("super", &t.super_),
        ("enumerate", &t.enumerate),
        ("zip", &t.zip),
        ("map", &t.map),
        ("filter", &t.filter),
        ("reversed", &t.reversed),
        ("BaseException", &t.base_exception),
        ("Exception", &t.exception),
        ("ArithmeticError", &t.arithmetic_error),
        ("ZeroDivisionError", &t.zero_division_error),
        ("OverflowError", &t.overflow_error),
        ("FloatingPointError", &t.floating_point_error),
        ("AssertionError", &t.assertion_error),
        ("SystemError", &t.system_error),
        ("AttributeError", &t.attribute_error),
        ("LookupError", &t.lookup_error),
        ("IndexError", &t.index_error),
        ("KeyError", &t.key_error),
        ("NameError", &t.name_error),
        ("UnboundLocalError", &t.unbound_local_error),
        ("RuntimeError", &t.runtime_error),
        ("RecursionError", &t.recursion_error),
        ("NotImplementedError", &t.not_implemented_error),
        ("StopIteration", &t.stop_iteration),
        ("StopAsyncIteration", &t.stop_async_iteration),
        ("GeneratorExit", &t.generator_exit),
        ("SystemExit", &t.system_exit),
        ("KeyboardInterrupt", &t.keyboard_interrupt),
        ("TypeError", &t.type_error),
        ("ValueError", &t.value_error),
        ("UnicodeError", &t.unicode_error),
        ("UnicodeDecodeError", &t.unicode_decode_error),
        ("UnicodeEncodeError", &t.unicode_encode_error),
        ("ImportError", &t.import_error),
        ("ModuleNotFoundError", &t.module_not_found_error),
        ("OSError", &t.os_error),
        ("FileNotFoundError", &t.file_not_found_error),
        ("FileExistsError", &t.file_exists_error),
        ("PermissionError", &t.permission_error),
        ("IsADirectoryError", &t.is_a_directory_error),
        ("NotADirectoryError", &t.not_a_directory_error),
        ("InterruptedError", &t.interrupted_error),
        ("BlockingIOError", &t.blocking_io_error),
        ("ChildProcessError", &t.child_process_error),
        ("ProcessLookupError", &t.process_lookup_error),
        ("TimeoutError", &t.timeout_error),
        ("ConnectionError", &t.connection_error),
        ("BrokenPipeError", &t.broken_pipe_error),
        ("ConnectionAbortedError", &t.connection_aborted_error),
        ("ConnectionRefusedError", &t.connection_refused_error),
        ("ConnectionResetError", &t.connection_reset_error),
        ("IOError", &t.os_error),
        ("EnvironmentError", &t.os_error),
        ("EOFError", &t.eof_error),
        ("SyntaxError", &t.syntax_error),
        ("IndentationError", &t.indentation_error),
        ("TabError", &t.tab_error),
        ("MemoryError", &t.memory_error),
        ("BufferError", &t.buffer_error),
        ("Warning", &t.warning),
        ("UserWarning", &t.user_warning),
        ("DeprecationWarning", &t.deprecation_warning),
        ("RuntimeWarning", &t.runtime_warning),
        ("PendingDeprecationWarning", &t.pending_deprecation_warning),
        ("SyntaxWarning", &t.syntax_warning),
        ("FutureWarning", &t.future_warning),
        ("ImportWarning", &t.import_warning),
        ("UnicodeWarning", &t.unicode_warning),
        ("BytesWarning", &t.bytes_warning),
        ("ResourceWarning", &t.resource_warning),
        ("EncodingWarning", &t.encoding_warning),
        ("ReferenceError", &t.reference_error),
        ("UnicodeTranslateError", &t.unicode_translate_error),
        ("PythonFinalizationError", &t.python_finalization_error),
        ("_IncompleteInputError", &t.incomplete_input_error),
    ];
    for (name, ty) in all {
        let k = vm.intern(name);
        b.set_str(k, Value::Type(ty.clone()));
    }
    let ni = Value::obj(t.not_implemented.clone(), ObjKind::NotImplemented);
    let k = vm.intern("NotImplemented");
    b.set_str(k, ni);
    let el = Value::obj(t.ellipsis.clone(), ObjKind::Ellipsis);
    let k = vm.intern("Ellipsis");
    b.set_str(k, el);
}

//! `types.GenericAlias`: what `list[int]`, `dict[str, int]` or `type[int]` make (PEP
//! 585). An alias remembers its origin and arguments, prints as CPython prints it,
//! compares and hashes by both, makes an instance of its origin when called, and
//! answers every attribute but its own few from the origin. Type variables among the
//! arguments are its `__parameters__`, which `alias[...]` substitutes.
//!
//! The interpreter's generic paths (attribute access, comparison, hashing, calls,
//! `|`, isinstance) send aliases here. A subclass's instance (`collections.abc`'s
//! alias of `Callable[...]`) carries an alias as its built-in part and reaches the
//! same code through the type's methods. This file depends only on the object model
//! and the `Vm`'s public operations.

use super::{add_method, check_args, set_static_new};
use crate::object::function::{KwArg, NativeFn};
use crate::object::{ObjKind, PyCell, PyStr, TypeRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The state of one alias.
pub struct GenericAlias {
    pub origin: Value,
    /// Always a tuple.
    pub args: Value,
    /// `*tuple[int]`: the alias unpacked (PEP 646).
    pub starred: bool,
    /// The type variables among the arguments, found on first use.
    parameters: PyCell<Option<Value>>,
}

/// The name CPython's messages give the type.
const TP_NAME: &str = "types.GenericAlias";

/// The attributes an alias answers itself; every other name is the origin's.
const OWN_ATTRIBUTES: &[&str] = &[
    "__class__",
    "__bases__",
    "__origin__",
    "__args__",
    "__unpacked__",
    "__parameters__",
    "__typing_unpacked_tuple_args__",
    "__mro_entries__",
    "__reduce_ex__",
    "__reduce__",
    "__copy__",
    "__deepcopy__",
];

/// The alias state of `v`, if it is an alias.
pub fn of(v: &Value) -> Option<&GenericAlias> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::GenericAlias(ga) => Some(ga),
            _ => None,
        },
        _ => None,
    }
}

/// The alias `v` is: itself, or the built-in part of a subclass's instance.
pub fn alias_value(v: &Value) -> Option<Value> {
    match v {
        Value::Obj(_) => of(v).map(|_| v.clone()),
        Value::Instance(i) => i.base_value().filter(|b| of(b).is_some()),
        _ => None,
    }
}

fn items(args: &Value) -> &[Value] {
    match args {
        Value::Tuple(t) => &t.items,
        _ => &[],
    }
}

/// `origin[args]`: a tuple is the arguments, anything else the only one.
pub fn new(vm: &Vm, origin: Value, args: Value, starred: bool) -> Value {
    let args = match args {
        Value::Tuple(_) => args,
        other => Value::tuple(vec![other]),
    };
    Value::obj(
        vm.types.generic_alias.clone(),
        ObjKind::GenericAlias(Box::new(GenericAlias {
            origin,
            args,
            starred,
            parameters: PyCell::new(None),
        })),
    )
}

/// `__class_getitem__` of the built-in generic classes: `cls[item]`.
fn class_getitem(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    super::no_kwargs(vm, "__class_getitem__", kw)?;
    check_args(vm, "__class_getitem__", args, 2, 2)?;
    Ok(new(vm, args[0].clone(), args[1].clone(), false))
}

/// `types.GenericAlias(origin, args)`, or a subclass's `__new__` reaching it.
fn alias_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("GenericAlias() takes no keyword arguments"));
    }
    let given = args.len().saturating_sub(1);
    if given != 2 {
        return Err(vm.type_error(format!("GenericAlias expected 2 arguments, got {given}")));
    }
    let alias = new(vm, args[1].clone(), args[2].clone(), false);
    let builtin = vm.types.generic_alias.clone();
    match &args[0] {
        Value::Type(t) if t.is_subtype(&builtin) => {
            let t = t.clone();
            super::types::for_subclass(vm, &t, &builtin, alias)
        }
        _ => Ok(alias),
    }
}

/// The alias that is `self` of one of the type's methods (its built-in part for a
/// subclass's instance), and the other arguments.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<(Value, &'a [Value])> {
    let (s, rest) =
        super::split_method_self(vm, TP_NAME, name, args, |v| alias_value(v).is_some())?;
    match alias_value(s) {
        Some(alias) => Ok((alias, rest)),
        None => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

/// The state of an alias `this` gave.
fn state<'a>(vm: &Vm, alias: &'a Value) -> PyResult<&'a GenericAlias> {
    of(alias).ok_or_else(|| vm.type_error("expected a GenericAlias"))
}

/// `alias.__mro_entries__(bases)`: a class deriving from `list[int]` derives from
/// `list`.
fn mro_entries(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__mro_entries__", args, 2, 2)?;
    let (alias, _) = this(vm, "__mro_entries__", args)?;
    Ok(Value::tuple(vec![state(vm, &alias)?.origin.clone()]))
}

/// `alias.__reduce__()`: rebuilt by calling the type with origin and arguments (an
/// unpacked alias is the first item of its packed one's iteration).
fn reduce(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__reduce__", args, 1, 1)?;
    let (alias, _) = this(vm, "__reduce__", args)?;
    let ga = state(vm, &alias)?;
    let packed = new(vm, ga.origin.clone(), ga.args.clone(), false);
    if ga.starred {
        let next = builtin(vm, "next")?;
        let iter = builtin(vm, "iter")?;
        return Ok(Value::tuple(vec![
            next,
            Value::tuple(vec![vm.call(&iter, &[packed], &[])?]),
        ]));
    }
    Ok(Value::tuple(vec![
        Value::Type(vm.types.generic_alias.clone()),
        Value::tuple(vec![ga.origin.clone(), ga.args.clone()]),
    ]))
}

fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    vm.builtins.get_str(&key).ok_or_else(|| vm.name_error(name))
}

/// The type object, with its methods.
pub fn install(vm: &mut Vm) {
    let t: TypeRef = vm.types.generic_alias.clone();
    // `X | Y` makes the other type of the typing module's aliases.
    for ty in [&t, &vm.types.union_type] {
        ty.dict
            .set_str(vm.names.d_module.clone(), Value::str("types"));
    }
    t.dict.set_str(
        vm.names.d_doc.clone(),
        Value::str(
            "GenericAlias(origin, args, /)\n--\n\nRepresent a PEP 585 generic type\n\n\
             E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).",
        ),
    );
    set_static_new(vm, &t, "GenericAlias", alias_new);
    super::types::set_native_new(&t, alias_new);
    add_method(vm, &t, "__mro_entries__", mro_entries);
    add_method(vm, &t, "__reduce__", reduce);
    add_method(vm, &t, "__call__", alias_call);
    // What a subclass's instances reach through their class (the interpreter
    // handles an alias itself natively).
    let methods: [(&'static str, NativeFn); 5] = [
        ("__getattr__", subclass_getattr),
        ("__repr__", subclass_repr),
        ("__eq__", subclass_eq),
        ("__hash__", subclass_hash),
        ("__getitem__", subclass_getitem),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, f);
    }
    let classmethod = vm.types.classmethod.clone();
    let getitem = Value::obj(
        classmethod,
        ObjKind::ClassMethod(super::native_function(
            "GenericAlias",
            "__class_getitem__",
            class_getitem,
        )),
    );
    let generic = {
        let t = &vm.types;
        [
            &t.list,
            &t.dict,
            &t.tuple,
            &t.set,
            &t.frozenset,
            &t.enumerate,
            &t.mappingproxy,
            &t.generator,
            &t.coroutine,
            &t.itertools_chain,
        ]
        .map(Rc::clone)
    };
    let key = vm.intern("__class_getitem__");
    for cls in generic {
        cls.dict.set_str(key.clone(), getitem.clone());
    }
}

/// `alias.name` of a subclass's instance where its class has no `name`: the alias's
/// own attributes, else its origin's.
fn subclass_getattr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__getattr__", args, 2, 2)?;
    let (alias, rest) = this(vm, "__getattr__", args)?;
    let Value::Str(name) = &rest[0] else {
        return Err(vm.type_error("attribute name must be string"));
    };
    getattr(vm, &alias, name)
}

fn subclass_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__repr__", args, 1, 1)?;
    let (alias, _) = this(vm, "__repr__", args)?;
    Ok(Value::Str(repr(vm, state(vm, &alias)?)?))
}

fn subclass_eq(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__eq__", args, 2, 2)?;
    let (alias, rest) = this(vm, "__eq__", args)?;
    let other = alias_value(&rest[0]).unwrap_or_else(|| rest[0].clone());
    Ok(match eq(vm, state(vm, &alias)?, &other)? {
        Some(b) => Value::Bool(b),
        None => super::types::not_implemented(vm),
    })
}

fn subclass_hash(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__hash__", args, 1, 1)?;
    let (alias, _) = this(vm, "__hash__", args)?;
    Ok(Value::Int(hash(vm, state(vm, &alias)?)?))
}

/// `alias[items]` of a subclass's instance: a plain alias, as in CPython.
fn subclass_getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "__getitem__", args, 2, 2)?;
    let (alias, rest) = this(vm, "__getitem__", args)?;
    getitem(vm, &alias, &rest[0])
}

/// `__class_getitem__` as the built-in generic classes have it, for native modules'
/// classes (`deque`, `defaultdict`...).
pub fn class_getitem_method(vm: &Vm) -> Value {
    let key = crate::object::str::intern("__class_getitem__");
    vm.types.list.dict.get_str(&key).unwrap_or(Value::None)
}

// ---------------------------------------------------------------------------
// What the interpreter's generic paths call.

/// How an alias prints one of its parts: a class by its qualified name (without
/// `builtins.`), `...` for Ellipsis, a list of parts in brackets, anything else by
/// its repr.
fn part_repr(vm: &mut Vm, p: &Value, out: &mut String) -> PyResult<()> {
    if let Value::List(l) = p {
        out.push('[');
        for (i, item) in l.snapshot().iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            part_repr(vm, item, out)?;
        }
        out.push(']');
        return Ok(());
    }
    if matches!(p, Value::Obj(o) if matches!(o.kind, ObjKind::Ellipsis)) {
        out.push_str("...");
        return Ok(());
    }
    let origin = vm.intern("__origin__");
    let args = vm.intern("__args__");
    let qualname = vm.intern("__qualname__");
    let module = vm.names.d_module.clone();
    let is_alias = of(p).is_some()
        || (vm.get_attr_opt(p, &origin)?.is_some() && vm.get_attr_opt(p, &args)?.is_some());
    if !is_alias {
        if let Some(Value::Str(q)) = vm.get_attr_opt(p, &qualname)? {
            match vm.get_attr_opt(p, &module)? {
                Some(Value::Str(m)) if m.as_str() == "builtins" => {
                    out.push_str(q.as_str());
                    return Ok(());
                }
                Some(Value::Str(m)) => {
                    out.push_str(m.as_str());
                    out.push('.');
                    out.push_str(q.as_str());
                    return Ok(());
                }
                _ => {}
            }
        }
    }
    out.push_str(vm.repr(p)?.as_str());
    Ok(())
}

/// `repr(alias)`: `list[int]`, `dict[str, list[int]]`, `tuple[()]`, `*tuple[int]`.
pub fn repr(vm: &mut Vm, ga: &GenericAlias) -> PyResult<Rc<PyStr>> {
    let mut out = String::new();
    if ga.starred {
        out.push('*');
    }
    part_repr(vm, &ga.origin, &mut out)?;
    out.push('[');
    let args = items(&ga.args).to_vec();
    if args.is_empty() {
        out.push_str("()");
    }
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        part_repr(vm, a, &mut out)?;
    }
    out.push(']');
    Ok(Rc::new(PyStr::new(&out)))
}

/// `a == b` of two aliases; None when `b` is no alias (NotImplemented).
pub fn eq(vm: &mut Vm, a: &GenericAlias, b: &Value) -> PyResult<Option<bool>> {
    let Some(b) = of(b) else {
        return Ok(None);
    };
    if a.starred != b.starred {
        return Ok(Some(false));
    }
    Ok(Some(
        vm.eq(&a.origin, &b.origin)? && vm.eq(&a.args, &b.args)?,
    ))
}

/// Equal without running Python code: the same origin, and arguments that are the
/// same objects or such aliases (what `list[int] | list[int]` folds).
pub fn same(a: &GenericAlias, b: &GenericAlias) -> bool {
    let (xs, ys) = (items(&a.args), items(&b.args));
    a.starred == b.starred
        && a.origin.is(&b.origin)
        && xs.len() == ys.len()
        && xs.iter().zip(ys).all(|(x, y)| {
            x.is(y)
                || match (of(x), of(y)) {
                    (Some(x), Some(y)) => same(x, y),
                    _ => false,
                }
        })
}

/// `hash(alias)`.
pub fn hash(vm: &mut Vm, ga: &GenericAlias) -> PyResult<i64> {
    let h = vm.hash(&ga.origin)? ^ vm.hash(&ga.args)?;
    Ok(if h == -1 { -2 } else { h })
}

/// `alias(*args, **kw)`: an instance of the origin, told its alias in
/// `__orig_class__` where it takes attributes.
fn alias_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (alias, rest) = this(vm, "__call__", args)?;
    let origin = state(vm, &alias)?.origin.clone();
    let alias = &args[0];
    let obj = vm.call(&origin, rest, kw)?;
    let name = vm.intern("__orig_class__");
    if let Err(e) = vm.set_attr(&obj, &name, alias.clone()) {
        let attribute_error = vm.types.attribute_error.clone();
        let type_error = vm.types.type_error.clone();
        if !vm.err_matches(&e, &attribute_error) && !vm.err_matches(&e, &type_error) {
            return Err(e);
        }
    }
    Ok(obj)
}

/// `alias.name`: its own attributes, else the origin's.
pub fn getattr(vm: &mut Vm, alias: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
    let Some(ga) = of(alias) else {
        return Err(vm.type_error("GenericAlias attribute of a non-alias"));
    };
    let n = name.as_str();
    if !OWN_ATTRIBUTES.contains(&n) {
        let origin = ga.origin.clone();
        return vm.get_attr(&origin, name);
    }
    match n {
        "__origin__" => return Ok(ga.origin.clone()),
        "__args__" => return Ok(ga.args.clone()),
        "__unpacked__" => return Ok(Value::Bool(ga.starred)),
        "__parameters__" => return parameters(vm, ga),
        "__typing_unpacked_tuple_args__" => {
            let is_tuple = matches!(&ga.origin, Value::Type(t) if Rc::ptr_eq(t, &vm.types.tuple));
            return Ok(if ga.starred && is_tuple {
                ga.args.clone()
            } else {
                Value::None
            });
        }
        _ => {}
    }
    let cls = vm.types.generic_alias.clone();
    match vm.generic_getattr(alias, &cls, name)? {
        Some(v) => Ok(v),
        None => Err(vm.attribute_error(format!("'{TP_NAME}' object has no attribute '{n}'"))),
    }
}

/// `alias.name = value` or `del alias.name`: aliases take no attributes.
pub fn setattr_error(vm: &Vm, name: &PyStr) -> crate::vm::PyErr {
    vm.attribute_error(format!(
        "'{TP_NAME}' object has no attribute '{}' and no __dict__ for setting new attributes",
        name.as_str()
    ))
}

/// Whether `v` is a type variable (it can be substituted).
fn is_type_var(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    if matches!(v, Value::Type(_)) {
        return Ok(false);
    }
    let subst = vm.intern("__typing_subst__");
    Ok(vm.get_attr_opt(v, &subst)?.is_some())
}

/// Add the type variables of `args` (and of the aliases among them) to `out`, each
/// once.
fn collect_parameters(vm: &mut Vm, args: &[Value], out: &mut Vec<Value>) -> PyResult<()> {
    let params_name = vm.intern("__parameters__");
    for a in args {
        if matches!(a, Value::Type(_)) {
            continue;
        }
        if is_type_var(vm, a)? {
            if !out.iter().any(|p| p.is(a)) {
                out.push(a.clone());
            }
            continue;
        }
        if let Some(Value::Tuple(sub)) = vm.get_attr_opt(a, &params_name)? {
            for p in sub.items.iter() {
                if !out.iter().any(|q| q.is(p)) {
                    out.push(p.clone());
                }
            }
        }
    }
    Ok(())
}

/// `alias.__parameters__`.
fn parameters(vm: &mut Vm, ga: &GenericAlias) -> PyResult<Value> {
    if let Some(p) = ga.parameters.borrow().clone() {
        return Ok(p);
    }
    let mut found = Vec::new();
    collect_parameters(vm, items(&ga.args), &mut found)?;
    let p = Value::tuple(found);
    *ga.parameters.borrow_mut() = Some(p.clone());
    Ok(p)
}

/// `alias[items]`: the alias with its type variables replaced, in order, by `items`.
pub fn getitem(vm: &mut Vm, alias: &Value, key: &Value) -> PyResult<Value> {
    let Some(ga) = of(alias) else {
        return Err(vm.type_error("GenericAlias subscript of a non-alias"));
    };
    let params = parameters(vm, ga)?;
    let params = items(&params).to_vec();
    if params.is_empty() {
        let text = repr(vm, ga)?;
        return Err(vm.type_error(format!("{} is not a generic class", text.as_str())));
    }
    let given: Vec<Value> = match key {
        Value::Tuple(t) => t.items.to_vec(),
        other => vec![other.clone()],
    };
    if given.len() != params.len() {
        let text = repr(vm, ga)?;
        let (which, bound) = if given.len() > params.len() {
            ("many", "")
        } else {
            ("few", "at least ")
        };
        return Err(vm.type_error(format!(
            "Too {which} arguments for {}; actual {}, expected {bound}{}",
            text.as_str(),
            given.len(),
            params.len()
        )));
    }
    let (origin, starred, args) = (ga.origin.clone(), ga.starred, items(&ga.args).to_vec());
    let mut out = Vec::with_capacity(args.len());
    for a in &args {
        out.push(substitute(vm, a, &params, &given)?);
    }
    Ok(new(vm, origin, Value::tuple(out), starred))
}

/// One argument with the type variables `params` replaced by `given`.
fn substitute(vm: &mut Vm, a: &Value, params: &[Value], given: &[Value]) -> PyResult<Value> {
    if matches!(a, Value::Type(_)) {
        return Ok(a.clone());
    }
    if is_type_var(vm, a)? {
        let Some(i) = params.iter().position(|p| p.is(a)) else {
            return Ok(a.clone());
        };
        let subst = vm.intern("__typing_subst__");
        let f = vm.get_attr(a, &subst)?;
        return vm.call(&f, std::slice::from_ref(&given[i]), &[]);
    }
    let params_name = vm.intern("__parameters__");
    let Some(Value::Tuple(sub)) = vm.get_attr_opt(a, &params_name)? else {
        return Ok(a.clone());
    };
    if sub.items.is_empty() {
        return Ok(a.clone());
    }
    let mut sub_args = Vec::with_capacity(sub.items.len());
    for p in sub.items.iter() {
        match params.iter().position(|q| q.is(p)) {
            Some(i) => sub_args.push(given[i].clone()),
            None => sub_args.push(p.clone()),
        }
    }
    let key = if sub_args.len() == 1 {
        sub_args.swap_remove(0)
    } else {
        Value::tuple(sub_args)
    };
    vm.getitem(a, &key)
}

/// `iter(alias)`: the alias unpacked, once (`*tuple[int, ...]`).
pub fn unpacked(vm: &Vm, ga: &GenericAlias) -> Value {
    new(vm, ga.origin.clone(), ga.args.clone(), true)
}

/// isinstance / issubclass against an alias.
pub fn class_check_error(vm: &Vm, instance: bool) -> crate::vm::PyErr {
    let fname = if instance { "isinstance" } else { "issubclass" };
    vm.type_error(format!(
        "{fname}() argument 2 cannot be a parameterized generic"
    ))
}

//! `_abc`: the native ABC machinery CPython's abc.py builds `ABCMeta` on
//! (`_abc_init`, `_abc_register`, `_abc_instancecheck`, `_abc_subclasscheck`,
//! `_get_dump`, `_reset_registry`, `_reset_caches`, `get_cache_token`), with CPython
//! 3.13's algorithm and messages. A class's state, `cls._abc_impl`, is a list of its
//! registry, positive cache and negative cache (sets, holding the classes strongly,
//! where CPython holds weak references) and the cache token its negative cache was
//! filled under. Depends on core's public API.

use std::cell::Cell;
use std::rc::Rc;
use tripwire_core::builtins::{add_function, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, List, Set, Value};
use tripwire_core::{PyResult, Vm};

thread_local! {
    /// Bumped by every registration: negative caches older than it are stale.
    static INVALIDATION: Cell<i64> = const { Cell::new(0) };
}

fn token() -> i64 {
    INVALIDATION.with(Cell::get)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_abc", "get_cache_token", get_cache_token);
    add_function(vm, d, "_abc", "_abc_init", abc_init);
    add_function(vm, d, "_abc", "_abc_register", abc_register);
    add_function(vm, d, "_abc", "_abc_instancecheck", abc_instancecheck);
    add_function(vm, d, "_abc", "_abc_subclasscheck", abc_subclasscheck);
    add_function(vm, d, "_abc", "_get_dump", get_dump);
    add_function(vm, d, "_abc", "_reset_registry", reset_registry);
    add_function(vm, d, "_abc", "_reset_caches", reset_caches);
    Ok(())
}

/// The slots of `_abc_impl`.
const REGISTRY: usize = 0;
const CACHE: usize = 1;
const NEGATIVE: usize = 2;
const NEGATIVE_TOKEN: usize = 3;

/// A class's ABC state.
struct Impl {
    list: Rc<List>,
}

impl Impl {
    fn set(&self, i: usize) -> Rc<Set> {
        match &self.list.items.borrow()[i] {
            Value::Set(s) => s.clone(),
            _ => Rc::new(Set::new(false)),
        }
    }

    fn negative_token(&self) -> i64 {
        match self.list.items.borrow()[NEGATIVE_TOKEN] {
            Value::Int(n) => n,
            _ => 0,
        }
    }
}

fn impl_of(vm: &mut Vm, cls: &Value) -> PyResult<Impl> {
    let name = vm.intern("_abc_impl");
    match vm.get_attr(cls, &name)? {
        Value::List(list)
            if list.len() == 4
                && list.items.borrow()[..3]
                    .iter()
                    .all(|v| matches!(v, Value::Set(_))) =>
        {
            Ok(Impl { list })
        }
        _ => Err(vm.type_error("_abc_impl is set to a wrong type")),
    }
}

fn builtin(vm: &mut Vm, name: &str) -> PyResult<Value> {
    let key = vm.intern(name);
    vm.builtins
        .get_str(&key)
        .ok_or_else(|| vm.runtime_error(format!("builtins.{name} is missing")))
}

/// `issubclass(a, b)`, through the metaclass's `__subclasscheck__`.
fn issubclass(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let f = builtin(vm, "issubclass")?;
    let r = vm.call(&f, &[a.clone(), b.clone()], &[])?;
    vm.truthy(&r)
}

fn one_arg<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[KwArg]) -> PyResult<&'a Value> {
    let name = format!("_abc.{name}");
    no_kwargs(vm, &name, kw)?;
    check_args(vm, &name, args, 1, 1)?;
    Ok(&args[0])
}

fn two_args<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kw: &[KwArg],
) -> PyResult<(&'a Value, &'a Value)> {
    let name = format!("_abc.{name}");
    no_kwargs(vm, &name, kw)?;
    check_args(vm, &name, args, 2, 2)?;
    Ok((&args[0], &args[1]))
}

/// `get_cache_token()`: changes whenever any ABC registers a class.
fn get_cache_token(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "_abc.get_cache_token", kw)?;
    check_args(vm, "_abc.get_cache_token", args, 0, 0)?;
    Ok(Value::Int(token()))
}

/// Whether `v` has a true `__isabstractmethod__`.
fn is_abstract(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    let name = vm.intern("__isabstractmethod__");
    match vm.get_attr_opt(v, &name)? {
        Some(flag) => vm.truthy(&flag),
        None => Ok(false),
    }
}

/// `_abc_init(cls)`: compute `cls.__abstractmethods__` and give it an empty state.
fn abc_init(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let cls = one_arg(vm, "_abc_init", args, kw)?;
    let abstracts = Rc::new(Set::new(true));
    let own = match cls {
        Value::Type(t) => t.dict.items(),
        _ => {
            let dict_name = vm.intern("__dict__");
            let ns = vm.get_attr(cls, &dict_name)?;
            let items = vm.call_method(&ns, "items", &[])?;
            let mut pairs = Vec::new();
            for pair in vm.collect_iterable(&items)? {
                if let Value::Tuple(t) = pair {
                    if let [k, v] = &t.items {
                        pairs.push((k.clone(), v.clone()));
                    }
                }
            }
            pairs
        }
    };
    for (name, value) in own {
        if is_abstract(vm, &value)? {
            vm.set_add(&abstracts, name)?;
        }
    }
    let bases_name = vm.intern("__bases__");
    let bases = vm.get_attr(cls, &bases_name)?;
    let Value::Tuple(bases) = bases else {
        return Err(vm.type_error("__bases__ is not tuple"));
    };
    let inherited_name = vm.intern("__abstractmethods__");
    for base in bases.items.iter() {
        let Some(names) = vm.get_attr_opt(base, &inherited_name)? else {
            continue;
        };
        let it = vm.get_iter(&names)?;
        while let Some(name) = vm.next(&it)? {
            let Value::Str(key) = &name else {
                continue;
            };
            if let Some(value) = vm.get_attr_opt(cls, key)? {
                if is_abstract(vm, &value)? {
                    vm.set_add(&abstracts, name)?;
                }
            }
        }
    }
    vm.set_attr(cls, &inherited_name, Value::Set(abstracts))?;
    let state = Value::list(vec![
        Value::Set(Rc::new(Set::new(false))),
        Value::Set(Rc::new(Set::new(false))),
        Value::Set(Rc::new(Set::new(false))),
        Value::Int(token()),
    ]);
    let impl_name = vm.intern("_abc_impl");
    vm.set_attr(cls, &impl_name, state)?;
    Ok(Value::None)
}

/// `_abc_register(cls, subclass)`: make `subclass` a virtual subclass of `cls`.
fn abc_register(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (cls, subclass) = two_args(vm, "_abc_register", args, kw)?;
    if !matches!(subclass, Value::Type(_)) {
        return Err(vm.type_error("Can only register classes"));
    }
    if issubclass(vm, subclass, cls)? {
        return Ok(subclass.clone());
    }
    if issubclass(vm, cls, subclass)? {
        return Err(vm.runtime_error("Refusing to create an inheritance cycle"));
    }
    let state = impl_of(vm, cls)?;
    vm.set_add(&state.set(REGISTRY), subclass.clone())?;
    INVALIDATION.with(|c| c.set(c.get() + 1));
    Ok(subclass.clone())
}

/// `cls.__subclasscheck__(subclass)`, as a bool.
fn subclass_check(vm: &mut Vm, cls: &Value, subclass: &Value) -> PyResult<bool> {
    let r = vm.call_method(cls, "__subclasscheck__", std::slice::from_ref(subclass))?;
    vm.truthy(&r)
}

/// `_abc_instancecheck(cls, instance)`.
fn abc_instancecheck(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (cls, instance) = two_args(vm, "_abc_instancecheck", args, kw)?;
    let state = impl_of(vm, cls)?;
    let class_name = vm.intern("__class__");
    let subclass = vm.get_attr(instance, &class_name)?;
    if vm.set_contains(&state.set(CACHE), &subclass)? {
        return Ok(Value::Bool(true));
    }
    let subtype = Value::Type(vm.type_of(instance));
    if subtype.is(&subclass) {
        if state.negative_token() == token() && vm.set_contains(&state.set(NEGATIVE), &subclass)? {
            return Ok(Value::Bool(false));
        }
        return Ok(Value::Bool(subclass_check(vm, cls, &subclass)?));
    }
    if subclass_check(vm, cls, &subclass)? {
        return Ok(Value::Bool(true));
    }
    Ok(Value::Bool(subclass_check(vm, cls, &subtype)?))
}

/// `_abc_subclasscheck(cls, subclass)`.
fn abc_subclasscheck(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (cls, subclass) = two_args(vm, "_abc_subclasscheck", args, kw)?;
    if !matches!(subclass, Value::Type(_)) {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    }
    let state = impl_of(vm, cls)?;
    let cache = state.set(CACHE);
    if vm.set_contains(&cache, subclass)? {
        return Ok(Value::Bool(true));
    }
    let negative = state.set(NEGATIVE);
    if state.negative_token() < token() {
        drop(negative.clear());
        state.list.items.borrow_mut()[NEGATIVE_TOKEN] = Value::Int(token());
    } else if vm.set_contains(&negative, subclass)? {
        return Ok(Value::Bool(false));
    }
    // 1. The class's own structural test.
    // (`object.__subclasshook__`, which says NotImplemented, may be missing.)
    let hook_name = vm.intern("__subclasshook__");
    let ok = match vm.get_attr_opt(cls, &hook_name)? {
        Some(hook) => vm.call(&hook, std::slice::from_ref(subclass), &[])?,
        None => Value::Null,
    };
    match ok {
        Value::Bool(true) => {
            vm.set_add(&cache, subclass.clone())?;
            return Ok(ok);
        }
        Value::Bool(false) => {
            vm.set_add(&negative, subclass.clone())?;
            return Ok(ok);
        }
        Value::Null => {}
        _ if vm.is_not_implemented(&ok) => {}
        _ => {
            return Err(vm.new_error(
                &vm.types.assertion_error.clone(),
                "__subclasshook__ must return either False, True, or NotImplemented",
            ))
        }
    }
    // 2. Real inheritance.
    let mro_name = vm.intern("__mro__");
    if let Some(Value::Tuple(mro)) = vm.get_attr_opt(subclass, &mro_name)? {
        if mro.items.iter().any(|c| c.is(cls)) {
            vm.set_add(&cache, subclass.clone())?;
            return Ok(Value::Bool(true));
        }
    }
    // 3. Registered virtual subclasses, and what they accept in turn.
    for rcls in state.set(REGISTRY).keys() {
        if issubclass(vm, subclass, &rcls)? {
            vm.set_add(&cache, subclass.clone())?;
            return Ok(Value::Bool(true));
        }
    }
    // 4. What the real subclasses of the ABC accept.
    let subclasses = vm.call_method(cls, "__subclasses__", &[])?;
    let it = vm.get_iter(&subclasses)?;
    while let Some(scls) = vm.next(&it)? {
        if issubclass(vm, subclass, &scls)? {
            vm.set_add(&cache, subclass.clone())?;
            return Ok(Value::Bool(true));
        }
    }
    vm.set_add(&negative, subclass.clone())?;
    Ok(Value::Bool(false))
}

fn copy_of(set: &Set) -> Value {
    let copy = Set::new(false);
    copy.merge_from(set);
    Value::Set(Rc::new(copy))
}

/// `_get_dump(cls)`: copies of the registry and caches, and the negative cache's
/// token.
fn get_dump(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let cls = one_arg(vm, "_get_dump", args, kw)?;
    let state = impl_of(vm, cls)?;
    Ok(Value::tuple(vec![
        copy_of(&state.set(REGISTRY)),
        copy_of(&state.set(CACHE)),
        copy_of(&state.set(NEGATIVE)),
        Value::Int(state.negative_token()),
    ]))
}

/// `_reset_registry(cls)`: forget the registered virtual subclasses.
fn reset_registry(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let cls = one_arg(vm, "_reset_registry", args, kw)?;
    drop(impl_of(vm, cls)?.set(REGISTRY).clear());
    Ok(Value::None)
}

/// `_reset_caches(cls)`: empty the positive and negative caches.
fn reset_caches(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let cls = one_arg(vm, "_reset_caches", args, kw)?;
    let state = impl_of(vm, cls)?;
    drop(state.set(CACHE).clear());
    drop(state.set(NEGATIVE).clear());
    Ok(Value::None)
}

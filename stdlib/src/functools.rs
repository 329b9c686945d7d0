//! `_functools_engine`: the native parts of `_functools` (`py/_functools.py` holds the
//! `partial` and `KeyWrapper` classes): `reduce`, and `_lru_cache_wrapper`, the class
//! of what `lru_cache` returns. The class is written in Python (`WRAPPER`), but its
//! `__call__` and `__get__` are native, so a cached call runs no Python frame of its
//! own (a recursive cached function is as deep as in CPython): it builds CPython's
//! cache key (the one argument itself for a lone exact int or str, else a flat tuple
//! of the arguments, a marker, the keyword items and, for a typed cache, the argument
//! types), looks it up, calls the function on a miss and evicts the least recently
//! used entry of a full bounded cache. A cache's state is a Python list in a slot of
//! the wrapper, so the cycle collector sees what it holds. Depends on core's public
//! API.

use std::rc::Rc;
use tripwire_core::builtins::{add_function, add_method};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{BoundMethod, Dict, List, Value};
use tripwire_core::{PyResult, Vm};

/// The wrapper class; `__call__` and `__get__` are added natively.
const WRAPPER: &str = r#"
class _lru_cache_wrapper:
    """Create a cached callable that wraps another function.

user_function:      the function being cached

maxsize:  0         for no caching
          None      for unlimited cache size
          n         for a bounded cache

typed:    False     cache f(3) and f(3.0) as identical calls
          True      cache f(3) and f(3.0) as distinct calls

cache_info_type:    namedtuple class with the fields:
                        hits misses currsize maxsize
"""

    __slots__ = ('_lru_state', '__dict__', '__weakref__')
    __module__ = 'functools'

    def __init__(self, user_function, maxsize, typed, cache_info_type, /):
        if not callable(user_function):
            raise TypeError("the first argument must be callable")
        if maxsize is not None:
            if not hasattr(type(maxsize), '__index__'):
                raise TypeError("maxsize should be integer or None")
            maxsize = max(maxsize.__index__(), 0)
        # function, cache (in recency order), maxsize, typed, keyword marker,
        # hits, misses, CacheInfo class
        self._lru_state = [user_function, {}, maxsize, bool(typed), object(),
                           0, 0, cache_info_type]
        self.__wrapped__ = user_function

    def cache_info(self):
        """Report cache statistics"""
        s = self._lru_state
        return s[7](s[5], s[6], s[2], len(s[1]))

    def cache_clear(self):
        """Clear the cache and cache statistics"""
        s = self._lru_state
        s[1].clear()
        s[5] = s[6] = 0

    def __reduce__(self):
        return self.__qualname__

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self
"#;

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_functools", "reduce", reduce);
    let ns = Dict::new_rc();
    ns.set_str(vm.names.d_name.clone(), Value::str("functools"));
    vm.exec_source(WRAPPER, "<frozen _functools_engine>", ns.clone())?;
    let name = vm.intern("_lru_cache_wrapper");
    let Some(Value::Type(t)) = ns.get_str(&name) else {
        return Err(vm.runtime_error("_lru_cache_wrapper was not made"));
    };
    add_method(vm, &t, "__call__", wrapper_call);
    add_method(vm, &t, "__get__", wrapper_get);
    d.set_str(name, Value::Type(t));
    Ok(())
}

/// `reduce(function, iterable[, initial], /)`.
fn reduce(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("reduce() takes no keyword arguments"));
    }
    let (function, iterable, initial) = match args {
        [f, it] => (f, it, None),
        [f, it, init] => (f, it, Some(init.clone())),
        _ if args.len() < 2 => {
            return Err(vm.type_error(format!(
                "reduce expected at least 2 arguments, got {}",
                args.len()
            )))
        }
        _ => {
            return Err(vm.type_error(format!(
                "reduce expected at most 3 arguments, got {}",
                args.len()
            )))
        }
    };
    let it = match vm.get_iter(iterable) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Err(vm.type_error("reduce() arg 2 must support iteration"))
        }
        Err(e) => return Err(e),
    };
    let mut value = initial;
    while let Some(item) = vm.next(&it)? {
        value = Some(match value {
            None => item,
            Some(acc) => vm.call(function, &[acc, item], &[])?,
        });
    }
    value.ok_or_else(|| vm.type_error("reduce() of empty iterable with no initial value"))
}

/// The slots of a cache's state list, as `WRAPPER` builds it.
const FUNC: usize = 0;
const CACHE: usize = 1;
const MAXSIZE: usize = 2;
const TYPED: usize = 3;
const KWD_MARK: usize = 4;
const HITS: usize = 5;
const MISSES: usize = 6;
const STATE_LEN: usize = 8;

/// CPython's cache key of a call.
fn make_key(vm: &Vm, args: &[Value], kw: &[KwArg], typed: bool, mark: &Value) -> Value {
    if kw.is_empty() && !typed {
        if let [one @ (Value::Int(_) | Value::BigInt(_) | Value::Str(_))] = args {
            return one.clone();
        }
    }
    let mut key = Vec::with_capacity(args.len() * 2 + kw.len() * 3 + 1);
    key.extend(args.iter().cloned());
    if !kw.is_empty() {
        key.push(mark.clone());
        for (k, v) in kw {
            key.push(Value::Str(k.clone()));
            key.push(v.clone());
        }
    }
    if typed {
        key.extend(args.iter().map(|a| Value::Type(vm.type_of(a))));
        key.extend(kw.iter().map(|(_, v)| Value::Type(vm.type_of(v))));
    }
    Value::tuple(key)
}

/// Add one to the count in slot `i` of the state.
fn count(state: &List, i: usize) {
    let mut items = state.items.borrow_mut();
    let n = match &items[i] {
        Value::Int(n) => *n,
        _ => 0,
    };
    items[i] = Value::Int(n.saturating_add(1));
}

/// `wrapper.__get__(obj, type=None)`: the wrapper bound to `obj`, as a function is.
fn wrapper_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    match args {
        [wrapper, obj] | [wrapper, obj, _] => Ok(if obj.is_none() {
            wrapper.clone()
        } else {
            Value::Method(Rc::new(BoundMethod::new(wrapper.clone(), obj.clone())))
        }),
        // CPython's slot wrapper names no function here.
        [_] | [] => Err(vm.type_error(" expected at least 1 argument, got 0")),
        _ => Err(vm.type_error(format!(
            " expected at most 2 arguments, got {}",
            args.len() - 1
        ))),
    }
}

/// The state list of a wrapper.
fn state_of(vm: &mut Vm, wrapper: &Value) -> PyResult<Rc<List>> {
    let name = vm.intern("_lru_state");
    match vm.get_attr(wrapper, &name)? {
        Value::List(state) if state.len() == STATE_LEN => Ok(state),
        _ => Err(vm.type_error("_lru_cache_wrapper is not initialised")),
    }
}

/// `wrapper(*args, **kwargs)`: the call of a function wrapped by `lru_cache`.
fn wrapper_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((wrapper, args)) = args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    let state = state_of(vm, wrapper)?;
    let (func, cache, maxsize, typed, mark) = {
        let s = state.items.borrow();
        (
            s[FUNC].clone(),
            s[CACHE].clone(),
            s[MAXSIZE].clone(),
            matches!(s[TYPED], Value::Bool(true)),
            s[KWD_MARK].clone(),
        )
    };
    let Value::Dict(cache) = cache else {
        return Err(vm.type_error("_lru_cache_wrapper is not initialised"));
    };
    let maxsize = match maxsize {
        Value::Int(n) => Some(n.max(0) as usize),
        Value::Bool(b) => Some(b as usize),
        _ => None,
    };
    if maxsize == Some(0) {
        count(&state, MISSES);
        return vm.call(&func, args, kw);
    }
    let key = make_key(vm, args, kw, typed, &mark);
    let hash = vm.hash(&key)?;
    if let Some(i) = vm.dict_find(&cache, hash, &key)? {
        count(&state, HITS);
        let value = cache.value_at(i);
        if maxsize.is_some() {
            cache.move_to_end(i);
        }
        return Ok(value);
    }
    count(&state, MISSES);
    let value = vm.call(&func, args, kw)?;
    store(vm, &cache, maxsize, hash, key, value.clone())?;
    Ok(value)
}

/// Put a computed result in the cache, unless a call made meanwhile (the function may
/// call itself) put one there already; a full bounded cache drops its oldest entry.
fn store(
    vm: &mut Vm,
    cache: &Rc<Dict>,
    maxsize: Option<usize>,
    hash: i64,
    key: Value,
    value: Value,
) -> PyResult<()> {
    if vm.dict_find(cache, hash, &key)?.is_some() {
        return Ok(());
    }
    if let Some(max) = maxsize {
        while cache.len() >= max {
            let Some(first) = cache.first_index() else {
                break;
            };
            drop(cache.remove_at(first));
        }
    }
    if !cache.reserve_one() {
        return Err(vm.memory_error());
    }
    cache.insert_new(hash, key, value);
    Ok(())
}

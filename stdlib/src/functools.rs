//! `_functools_engine`: the native parts of `_functools` (`py/_functools.py` holds the
//! `partial` and `KeyWrapper` classes and the `_lru_cache_wrapper` closure): `reduce`
//! and the cached call of an LRU cache, which builds CPython's cache key (the one
//! argument itself for a lone exact int or str, else a flat tuple of the arguments, a
//! marker, the keyword items and, for a typed cache, the argument types), looks it up,
//! calls the function on a miss and evicts the least recently used entry of a full
//! bounded cache. A cache's state is a Python list, so the cycle collector sees what
//! it holds. Depends on core's public API.

use std::rc::Rc;
use tripwire_core::builtins::add_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, List, Value};
use tripwire_core::{PyResult, Vm};

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_functools", "reduce", reduce);
    add_function(vm, d, "_functools", "cached_call", cached_call);
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

/// The slots of a cache's state list, as `py/_functools.py` builds it.
const FUNC: usize = 0;
const CACHE: usize = 1;
const MAXSIZE: usize = 2;
const TYPED: usize = 3;
const KWD_MARK: usize = 4;
const HITS: usize = 5;
const MISSES: usize = 6;
const STATE_LEN: usize = 7;

/// CPython's cache key of a call.
fn make_key(vm: &Vm, args: &[Value], kwds: &Dict, typed: bool, mark: &Value) -> Value {
    if kwds.is_empty() && !typed {
        if let [one @ (Value::Int(_) | Value::BigInt(_) | Value::Str(_))] = args {
            return one.clone();
        }
    }
    let items = kwds.items();
    let mut key = Vec::with_capacity(args.len() * 2 + items.len() * 3 + 1);
    key.extend(args.iter().cloned());
    if !items.is_empty() {
        key.push(mark.clone());
        for (k, v) in &items {
            key.push(k.clone());
            key.push(v.clone());
        }
    }
    if typed {
        key.extend(args.iter().map(|a| Value::Type(vm.type_of(a))));
        key.extend(items.iter().map(|(_, v)| Value::Type(vm.type_of(v))));
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

/// `cached_call(state, args, kwds)`: the call of a function wrapped by `lru_cache`.
fn cached_call(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [Value::List(state), Value::Tuple(call_args), Value::Dict(kwds)] = args else {
        return Err(vm.type_error("cached_call(state, args, kwds)"));
    };
    if state.len() != STATE_LEN {
        return Err(vm.type_error("cached_call(state, args, kwds)"));
    }
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
        return Err(vm.type_error("cached_call(state, args, kwds)"));
    };
    let maxsize = match maxsize {
        Value::Int(n) => Some(n.max(0) as usize),
        Value::Bool(b) => Some(b as usize),
        _ => None,
    };
    let kw: Vec<KwArg> = kwds
        .items()
        .into_iter()
        .filter_map(|(k, v)| match k {
            Value::Str(s) => Some((s, v)),
            _ => None,
        })
        .collect();
    if maxsize == Some(0) {
        count(state, MISSES);
        return vm.call(&func, &call_args.items, &kw);
    }
    let key = make_key(vm, &call_args.items, kwds, typed, &mark);
    let hash = vm.hash(&key)?;
    if let Some(i) = vm.dict_find(&cache, hash, &key)? {
        count(state, HITS);
        let value = cache.value_at(i);
        if maxsize.is_some() {
            cache.move_to_end(i);
        }
        return Ok(value);
    }
    count(state, MISSES);
    let value = vm.call(&func, &call_args.items, &kw)?;
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

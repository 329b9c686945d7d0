//! The methods of `list` and `tuple`, and slice assignment.

use super::{add_method, arg_int, check_method_args, kwarg, only_kwargs};
use crate::object::function::KwArg;
use crate::object::{List, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The list a method operates on (a list, or the list inside a list subclass).
fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Rc<List>> {
    match args.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(v) => match vm.builtin_base(v) {
            Some(Value::List(l)) => Ok(l),
            _ => Err(vm.type_error(format!(
                "descriptor '{}' for 'list' objects doesn't apply to a '{}' object",
                name,
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!(
            "descriptor '{name}' of 'list' object needs an argument"
        ))),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "append", args, 1, 1)?;
    let l = this(vm, args, "append")?;
    l.push(args[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "extend", args, 1, 1)?;
    let l = this(vm, args, "extend")?;
    let items = vm.collect_iterable(&args[1])?;
    l.items.borrow_mut().extend(items);
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "insert", args, 2, 2)?;
    let l = this(vm, args, "insert")?;
    let i = arg_int(vm, &args[1])?;
    let len = l.len() as i64;
    let at = if i < 0 { (i + len).max(0) } else { i.min(len) } as usize;
    l.items.borrow_mut().insert(at, args[2].clone());
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "pop", args, 0, 1)?;
    let l = this(vm, args, "pop")?;
    let len = l.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(v) => arg_int(vm, v)?,
        None => -1,
    };
    let j = if i < 0 { i + len as i64 } else { i };
    if j < 0 || j >= len as i64 {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = l.items.borrow_mut().remove(j as usize);
    Ok(v)
}

fn find_index(
    vm: &mut Vm,
    l: &List,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let mut i = start;
    while i < stop.min(l.len()) {
        let Some(item) = l.get(i) else { break };
        if vm.eq(&item, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "remove", args, 1, 1)?;
    let l = this(vm, args, "remove")?;
    match find_index(vm, &l, &args[1], 0, usize::MAX)? {
        Some(i) => {
            let old = l.items.borrow_mut().remove(i);
            drop(old);
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

fn seq_bounds(
    vm: &mut Vm,
    len: usize,
    start: Option<&Value>,
    stop: Option<&Value>,
) -> PyResult<(usize, usize)> {
    let norm = |vm: &mut Vm, v: Option<&Value>, d: i64| -> PyResult<usize> {
        let i = match v {
            Some(x) => arg_int(vm, x)?,
            None => d,
        };
        Ok(if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        })
    };
    Ok((norm(vm, start, 0)?, norm(vm, stop, len as i64)?))
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "index", args, 1, 3)?;
    let l = this(vm, args, "index")?;
    let (a, b) = seq_bounds(vm, l.len(), args.get(2), args.get(3))?;
    match find_index(vm, &l, &args[1], a, b)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => {
            let r = vm.repr(&args[1])?;
            Err(vm.value_error(format!("{} is not in list", r.as_str())))
        }
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "count", args, 1, 1)?;
    let l = this(vm, args, "count")?;
    let items = l.snapshot();
    let mut n = 0;
    for it in &items {
        if vm.eq(it, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let l = this(vm, args, "clear")?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    // CPython releases items from the end.
    for v in old.into_iter().rev() {
        drop(v);
    }
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let l = this(vm, args, "copy")?;
    Ok(Value::list(l.snapshot()))
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let l = this(vm, args, "reverse")?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn sort(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "sort", kwargs, &["key", "reverse"])?;
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let l = this(vm, args, "sort")?;
    let key = kwarg(kwargs, "key").cloned().filter(|k| !k.is_none());
    let rev = match kwarg(kwargs, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    // Sort a detached copy; the list reads as empty meanwhile, as in CPython.
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let r = super::functions::sort_values(vm, &mut items, key.as_ref(), rev);
    let modified = !l.is_empty();
    *l.items.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_init(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let l = this(vm, args, "__init__")?;
    check_method_args(vm, "list", args, 0, 1)?;
    let items = match args.get(1) {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    *l.items.borrow_mut() = items;
    Ok(Value::None)
}

/// `l[a:b:c] = value`.
pub fn list_set_slice(
    vm: &mut Vm,
    l: &List,
    start: &Value,
    stop: &Value,
    step: &Value,
    value: &Value,
) -> PyResult<()> {
    let si = vm.slice_indices(start, stop, step, l.len())?;
    let items = match vm.collect_iterable(value) {
        Ok(items) => items,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Err(vm.type_error("must assign iterable to extended slice"))
        }
        Err(e) => return Err(e),
    };
    if si.step == 1 {
        let a = si.start as usize;
        let b = (si.start as usize + si.len).max(a);
        let old: Vec<Value> = l.items.borrow_mut().splice(a..b, items).collect();
        drop(old);
        return Ok(());
    }
    if items.len() != si.len {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            items.len(),
            si.len
        )));
    }
    let mut i = si.start;
    for v in items {
        let old = std::mem::replace(&mut l.items.borrow_mut()[i as usize], v);
        drop(old);
        i += si.step;
    }
    Ok(())
}

/// `del l[a:b:c]`.
pub fn list_del_slice(
    vm: &mut Vm,
    l: &List,
    start: &Value,
    stop: &Value,
    step: &Value,
) -> PyResult<()> {
    let si = vm.slice_indices(start, stop, step, l.len())?;
    if si.step == 1 {
        let a = si.start as usize;
        let removed: Vec<Value> = l.items.borrow_mut().drain(a..a + si.len).collect();
        drop(removed);
        return Ok(());
    }
    let mut doomed: Vec<usize> = (0..si.len)
        .map(|k| (si.start + k as i64 * si.step) as usize)
        .collect();
    doomed.sort_unstable();
    let mut removed = Vec::with_capacity(doomed.len());
    let mut items = l.items.borrow_mut();
    for &i in doomed.iter().rev() {
        removed.push(items.remove(i));
    }
    drop(items);
    drop(removed);
    Ok(())
}

fn tuple_this(vm: &mut Vm, args: &[Value]) -> PyResult<Vec<Value>> {
    match args.first() {
        Some(Value::Tuple(t)) => Ok(t.items.to_vec()),
        Some(v) => match vm.builtin_base(v) {
            Some(Value::Tuple(t)) => Ok(t.items.to_vec()),
            _ => Err(vm.type_error("descriptor requires a 'tuple' object")),
        },
        None => Err(vm.type_error("descriptor requires a 'tuple' object")),
    }
}

fn tuple_index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "index", args, 1, 3)?;
    let items = tuple_this(vm, args)?;
    let (a, b) = seq_bounds(vm, items.len(), args.get(2), args.get(3))?;
    for (i, it) in items.iter().enumerate().take(b).skip(a) {
        if vm.eq(it, &args[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "count", args, 1, 1)?;
    let items = tuple_this(vm, args)?;
    let mut n = 0;
    for it in &items {
        if vm.eq(it, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.list.clone();
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("insert", insert),
        ("pop", pop),
        ("remove", remove),
        ("index", index),
        ("count", count),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
        ("sort", sort),
        ("__init__", list_init),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    let tt = vm.types.tuple.clone();
    add_method(vm, &tt, "index", tuple_index);
    add_method(vm, &tt, "count", tuple_count);
}

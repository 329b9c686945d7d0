//! The methods of `list` and `tuple`, and slice assignment.

use super::{add_method, arg_int, check_method_args, kwarg, only_kwargs};
use crate::code::CmpOp;
use crate::object::function::KwArg;
use crate::object::{List, Value};
use crate::vm::ops::cmp_ord;
use crate::vm::subscript::wrap_index;
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
        None => Err(vm.type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let l = this(vm, args, "append")?;
    check_method_args(vm, "list.append", args, 1, 1)?;
    push(vm, &l, args[1].clone())?;
    Ok(Value::None)
}

/// Append one item, or MemoryError when the list cannot grow.
fn push(vm: &Vm, l: &List, v: Value) -> PyResult<()> {
    l.try_push(v).map_err(|_| vm.memory_error())
}

fn extend(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "extend", args, 1, 1)?;
    let l = this(vm, args, "extend")?;
    extend_from(vm, &l, &args[1])?;
    Ok(Value::None)
}

/// Append the items of an iterable. A list or tuple is copied at once; other
/// iterables are appended item by item, so code they run (a generator's body) sees
/// the items appended so far, as in CPython.
fn extend_from(vm: &mut Vm, l: &List, iterable: &Value) -> PyResult<()> {
    if matches!(iterable, Value::List(_) | Value::Tuple(_)) {
        let items = vm.collect_iterable(iterable)?;
        let mut dst = l.items.borrow_mut();
        vm.reserve(&mut dst, items.len())?;
        dst.extend(items);
        return Ok(());
    }
    let it = vm.get_iter(iterable)?;
    while let Some(v) = vm.next(&it)? {
        push(vm, l, v)?;
    }
    Ok(())
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
    // The index first: `__index__` may resize the list.
    let i = match args.get(1) {
        Some(v) => arg_int(vm, v)?,
        None => -1,
    };
    let len = l.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    match wrap_index(i, len) {
        Some(j) => Ok(l.items.borrow_mut().remove(j)),
        None => Err(vm.index_error("pop index out of range")),
    }
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
            // `__eq__` may have shrunk the list; CPython then removes nothing.
            let old = {
                let mut items = l.items.borrow_mut();
                (i < items.len()).then(|| items.remove(i))
            };
            drop(old);
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// The `start` / `stop` arguments of `index`, resolved against the length `len`
/// gives once their `__index__` methods have run (which may resize a list).
fn seq_bounds(
    vm: &mut Vm,
    start: Option<&Value>,
    stop: Option<&Value>,
    len: impl FnOnce() -> usize,
) -> PyResult<(usize, usize)> {
    let mut bound = |v: Option<&Value>| -> PyResult<Option<i64>> {
        match v {
            Some(x) if !x.is_none() => vm.slice_bound(x).map(Some),
            Some(_) => {
                Err(vm.type_error("slice indices must be integers or have an __index__ method"))
            }
            None => Ok(None),
        }
    };
    let (a, b) = (bound(start)?, bound(stop)?);
    let len = len() as i64;
    let norm = |i: i64| -> usize {
        if i < 0 {
            i.saturating_add(len).max(0) as usize
        } else {
            i.min(len) as usize
        }
    };
    Ok((a.map_or(0, norm), b.map_or(len as usize, norm)))
}

fn index(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "index", args, 1, 3)?;
    let l = this(vm, args, "index")?;
    let (a, b) = seq_bounds(vm, args.get(2), args.get(3), || l.len())?;
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
    let mut n = 0;
    // The length is re-read each step: `__eq__` may resize the list.
    let mut i = 0;
    while let Some(item) = l.get(i) {
        if vm.eq(&item, &args[1])? {
            n += 1;
        }
        i += 1;
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
    drop(std::mem::take(&mut *l.items.borrow_mut()));
    if let Some(v) = args.get(1) {
        extend_from(vm, &l, v)?;
    }
    Ok(Value::None)
}

/// `l[a:b:c] = value`. As in CPython, the bounds are resolved against the length
/// the list has after `value` is consumed (a generator may resize the list).
pub fn list_set_slice(
    vm: &mut Vm,
    l: &List,
    start: &Value,
    stop: &Value,
    step: &Value,
    value: &Value,
) -> PyResult<()> {
    let bounds = vm.unpack_slice(start, stop, step)?;
    let new = match vm.collect_iterable(value) {
        Ok(items) => items,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            return Err(vm.type_error("must assign iterable to extended slice"))
        }
        Err(e) => return Err(e),
    };
    let si = bounds.adjust(l.len());
    if si.step != 1 && new.len() != si.len {
        return Err(vm.value_error(format!(
            "attempt to assign sequence of size {} to extended slice of size {}",
            new.len(),
            si.len
        )));
    }
    // Old items are released after the list is whole again: a `__del__` may run.
    let old: Vec<Value> = {
        let mut items = l.items.borrow_mut();
        if si.step == 1 {
            let a = si.start as usize;
            items.splice(a..a + si.len, new).collect()
        } else {
            let positions = (0..).map(|k| (si.start + k * si.step) as usize);
            positions
                .zip(new)
                .map(|(i, v)| std::mem::replace(&mut items[i], v))
                .collect()
        }
    };
    drop(old);
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
    let bounds = vm.unpack_slice(start, stop, step)?;
    let si = bounds.adjust(l.len());
    let removed: Vec<Value> = {
        let mut items = l.items.borrow_mut();
        if si.step == 1 {
            let a = si.start as usize;
            items.drain(a..a + si.len).collect()
        } else {
            let mut doomed: Vec<usize> = (0..si.len)
                .map(|k| (si.start + k as i64 * si.step) as usize)
                .collect();
            doomed.sort_unstable();
            doomed.iter().rev().map(|&i| items.remove(i)).collect()
        }
    };
    drop(removed);
    Ok(())
}

/// Two lists compared item by item, re-reading both after every comparison: an
/// `__eq__` may resize either (CPython's list_richcompare).
pub fn compare_lists(vm: &mut Vm, op: CmpOp, x: &List, y: &List) -> PyResult<bool> {
    if x.len() != y.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(op == CmpOp::Ne);
    }
    let mut i = 0;
    while let (Some(a), Some(b)) = (x.get(i), y.get(i)) {
        if !vm.eq(&a, &b)? {
            break;
        }
        i += 1;
    }
    let (Some(a), Some(b)) = (x.get(i), y.get(i)) else {
        return Ok(cmp_ord(op, x.len().cmp(&y.len())));
    };
    match op {
        CmpOp::Eq => Ok(false),
        CmpOp::Ne => Ok(true),
        _ => {
            let r = vm.compare(op, &a, &b)?;
            vm.truthy(&r)
        }
    }
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
    let (a, b) = seq_bounds(vm, args.get(2), args.get(3), || items.len())?;
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

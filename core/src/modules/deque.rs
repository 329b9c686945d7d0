//! The `_collections` module: the native `deque` type that `collections.deque` is,
//! with CPython 3.13's behaviour and messages, and its two iterator types.
//!
//! A plain deque is a `Value::Obj` whose native data is a `Deque` (a `VecDeque`).
//! A subclass instance is an ordinary `Instance` whose hidden slot holds such an
//! object, so subclasses get a `__dict__` and their own `__init__`. Deques are
//! registered with the cycle collector, which traverses their items
//! (`vm::gc` calls `traverse` and `clear` here).
//!
//! No Python code runs while a deque's data is borrowed: comparisons, `__index__`
//! and iteration of arguments happen between borrows, and a `state` counter, bumped
//! by every change of length or order, tells iterators and searches that the deque
//! changed under them. Operators and rich comparisons are small Python functions
//! (the interpreter dispatches those only to Python-level methods of a class that is
//! not built in) that call native helpers, as in `array`.

use super::math::index_big;
use crate::builtins::types::new_instance;
use crate::builtins::{add_method, arg_ssize, check_args, no_kwargs};
use crate::code::CmpOp;
use crate::object::function::KwArg;
use crate::object::types::{Layout, Type};
use crate::object::{
    tracking, trashcan, Dict, NativeData, NativeFn, ObjKind, Object, PyCell, TypeRef, Value,
};
use crate::vm::{PyErr, PyResult, Vm};
use num_traits::ToPrimitive;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

/// The instance data of a deque.
struct Deque {
    items: VecDeque<Value>,
    maxlen: Option<usize>,
    /// Bumped by every change of length or order (not by `d[i] = x`, as CPython).
    state: u64,
}

impl Drop for Deque {
    fn drop(&mut self) {
        // CPython releases a dying deque's items first to last.
        let items = Vec::from(std::mem::take(&mut self.items));
        if !items.is_empty() {
            trashcan::release(items);
        }
    }
}

/// The name CPython's messages give the deque type.
const TP_NAME: &str = "collections.deque";

/// The deque data of a native object, if it is a deque.
fn cell_of(o: &Object) -> Option<&PyCell<Box<dyn NativeData>>> {
    match &o.kind {
        ObjKind::Native(cell) if (**cell.borrow()).as_any().is::<Deque>() => Some(cell),
        _ => None,
    }
}

/// Whether `t` is the deque type itself (the only type built with `deque_call`).
fn is_deque_type(t: &Type) -> bool {
    t.native_new
        .is_some_and(|f| std::ptr::fn_addr_eq(f, deque_call as NativeFn))
}

/// The native object holding the items of `v`: `v` itself, or the hidden slot of an
/// instance of a deque subclass.
fn deque_obj(v: &Value) -> Option<Rc<Object>> {
    match v {
        Value::Obj(o) => cell_of(o).map(|_| o.clone()),
        Value::Instance(i) => {
            if !i.cls().mro.borrow().iter().any(|t| is_deque_type(t)) {
                return None;
            }
            match i.slots.borrow().first() {
                Some(Value::Obj(o)) if cell_of(o).is_some() => Some(o.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

fn with_obj<R>(o: &Object, f: impl FnOnce(&mut Deque) -> R) -> Option<R> {
    let ObjKind::Native(cell) = &o.kind else {
        return None;
    };
    let mut b = cell.borrow_mut();
    let any: &mut dyn std::any::Any = &mut **b;
    any.downcast_mut::<Deque>().map(f)
}

/// Run `f` on the deque data of `v` (None if `v` is not a deque). `f` must not run
/// Python code.
fn with<R>(v: &Value, f: impl FnOnce(&mut Deque) -> R) -> Option<R> {
    match v {
        Value::Obj(o) => with_obj(o, f),
        _ => with_obj(&*deque_obj(v)?, f),
    }
}

/// `self` of a method: a deque, or CPython's descriptor error.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    crate::builtins::split_method_self(vm, TP_NAME, name, args, |v| deque_obj(v).is_some())
}

/// A method taking exactly one argument (CPython's METH_O).
fn one_arg<'a>(
    vm: &Vm,
    name: &str,
    args: &'a [Value],
    kw: &[KwArg],
) -> PyResult<(&'a Value, &'a Value)> {
    let (s, rest) = this(vm, name, args)?;
    if !kw.is_empty() {
        no_kwargs(vm, &format!("deque.{name}"), kw)?;
    }
    match rest {
        [x] => Ok((s, x)),
        _ => Err(vm.type_error(format!(
            "deque.{name}() takes exactly one argument ({} given)",
            rest.len()
        ))),
    }
}

/// A method taking no arguments (CPython's METH_NOARGS).
fn no_args<'a>(vm: &Vm, name: &str, args: &'a [Value], kw: &[KwArg]) -> PyResult<&'a Value> {
    let (s, rest) = this(vm, name, args)?;
    if !kw.is_empty() {
        no_kwargs(vm, &format!("deque.{name}"), kw)?;
    }
    if !rest.is_empty() {
        return Err(vm.type_error(format!(
            "deque.{name}() takes no arguments ({} given)",
            rest.len()
        )));
    }
    Ok(s)
}

fn new_deque_obj(cls: TypeRef, items: VecDeque<Value>, maxlen: Option<usize>) -> Value {
    let v = Value::obj(
        cls,
        ObjKind::Native(PyCell::new(Box::new(Deque {
            items,
            maxlen,
            state: 0,
        }))),
    );
    if let Value::Obj(o) = &v {
        tracking::object(o);
    }
    v
}

fn len_of(v: &Value) -> usize {
    with(v, |d| d.items.len()).unwrap_or(0)
}

fn items_of(v: &Value) -> Vec<Value> {
    with(v, |d| d.items.iter().cloned().collect()).unwrap_or_default()
}

fn mutated(vm: &Vm) -> PyErr {
    vm.runtime_error("deque mutated during iteration")
}

// ---------------------------------------------------------------------------
// Construction

/// `deque(...)` on the deque type itself: a new deque, initialised.
fn deque_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("deque.__new__(X): X is not a type object"));
    };
    let d = new_deque_obj(cls.clone(), VecDeque::new(), None);
    init_deque(vm, &d, rest, kw)?;
    Ok(d)
}

/// `deque.__new__(cls, *args, **kwargs)`: an empty deque of `cls`; `__init__` fills it.
fn deque_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let cls = match args.first() {
        Some(Value::Type(cls)) => cls.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "{TP_NAME}.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error(format!("{TP_NAME}.__new__(): not enough arguments"))),
    };
    let Some(base) = cls.mro.borrow().iter().find(|t| is_deque_type(t)).cloned() else {
        let name = cls.name();
        return Err(vm.type_error(format!(
            "{TP_NAME}.__new__({0}): {0} is not a subtype of {TP_NAME}",
            name.as_str()
        )));
    };
    if Rc::ptr_eq(&cls, &base) {
        return Ok(new_deque_obj(cls, VecDeque::new(), None));
    }
    let obj = new_instance(vm, &cls, &[], &[])?;
    if let Value::Instance(i) = &obj {
        let inner = new_deque_obj(base, VecDeque::new(), None);
        let old = i
            .slots
            .borrow_mut()
            .first_mut()
            .map(|s| std::mem::replace(s, inner));
        drop(old);
    }
    Ok(obj)
}

/// `deque.__init__(self, iterable=(), maxlen=None)`.
fn d_init(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((s, rest)) = args.split_first().filter(|(s, _)| deque_obj(s).is_some()) else {
        let got = args
            .first()
            .map_or("nothing".to_string(), |s| vm.type_name(s));
        return Err(vm.type_error(format!(
            "descriptor '__init__' requires a '{TP_NAME}' object but received a '{got}'"
        )));
    };
    init_deque(vm, s, rest, kw)?;
    Ok(Value::None)
}

fn init_deque(vm: &mut Vm, d: &Value, args: &[Value], kw: &[KwArg]) -> PyResult<()> {
    let [iterable, maxlen] =
        crate::builtins::parse_clinic_args(vm, "deque", ["iterable", "maxlen"], 2, 0, args, kw)?;
    let maxlen = match maxlen {
        None | Some(Value::None) => None,
        Some(m) => {
            let is_int = matches!(m, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                || (matches!(m, Value::Instance(_)) && {
                    let name = vm.names.d_index.clone();
                    vm.type_of(&m).lookup(&name).is_some()
                        || vm.builtin_base(&m).is_some_and(|b| {
                            matches!(b, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                        })
                });
            if !is_int {
                return Err(vm.type_error("an integer is required"));
            }
            let n = arg_ssize(vm, &m)?;
            if n < 0 {
                return Err(vm.value_error("maxlen must be non-negative"));
            }
            usize::try_from(n).ok()
        }
    };
    let old = with(d, |q| {
        q.maxlen = maxlen;
        if q.items.is_empty() {
            VecDeque::new()
        } else {
            q.state = q.state.wrapping_add(1);
            std::mem::take(&mut q.items)
        }
    });
    drop(old);
    if let Some(it) = iterable {
        extend(vm, d, &it, false)?;
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Adding and removing

/// Add `x` at one end, dropping an item from the other end of a full deque; returns
/// what was dropped, to be released once the borrow is over.
/// Add `x` at one end; the item a bounded deque drops, or `Err(x)` when there is
/// no memory for it.
fn push(q: &mut Deque, x: Value, left: bool) -> Result<Option<Value>, Value> {
    q.state = q.state.wrapping_add(1);
    if q.maxlen == Some(0) {
        return Ok(Some(x));
    }
    if q.items.len() == q.items.capacity() && q.items.try_reserve(1).is_err() {
        return Err(x);
    }
    let dropped = if q.maxlen.is_some_and(|m| q.items.len() >= m) {
        if left {
            q.items.pop_back()
        } else {
            q.items.pop_front()
        }
    } else {
        None
    };
    if left {
        q.items.push_front(x);
    } else {
        q.items.push_back(x);
    }
    Ok(dropped)
}

/// What a `push` under `with` came to: MemoryError if there was no room.
fn pushed(vm: &Vm, r: Option<Result<Option<Value>, Value>>) -> PyResult<()> {
    match r {
        Some(Err(_)) => Err(vm.memory_error()),
        _ => Ok(()),
    }
}

fn d_append(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, x) = one_arg(vm, "append", args, kw)?;
    let r = with(s, |q| push(q, x.clone(), false));
    pushed(vm, r)?;
    Ok(Value::None)
}

fn d_appendleft(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, x) = one_arg(vm, "appendleft", args, kw)?;
    let r = with(s, |q| push(q, x.clone(), true));
    pushed(vm, r)?;
    Ok(Value::None)
}

fn pop_end(vm: &mut Vm, args: &[Value], kw: &[KwArg], left: bool) -> PyResult<Value> {
    let s = no_args(vm, if left { "popleft" } else { "pop" }, args, kw)?;
    let x = with(s, |q| {
        let x = if left {
            q.items.pop_front()
        } else {
            q.items.pop_back()
        };
        if x.is_some() {
            q.state = q.state.wrapping_add(1);
        }
        x
    });
    x.flatten()
        .ok_or_else(|| vm.index_error("pop from an empty deque"))
}

fn d_pop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    pop_end(vm, args, kw, false)
}

fn d_popleft(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    pop_end(vm, args, kw, true)
}

/// Add the items of `it` at one end, one by one: items added before an error stay.
fn extend(vm: &mut Vm, d: &Value, it: &Value, left: bool) -> PyResult<()> {
    let items: Option<Vec<Value>> = match it {
        Value::List(l) => Some(l.snapshot()),
        Value::Tuple(t) => Some(t.items.to_vec()),
        _ if deque_obj(it).is_some() => Some(items_of(it)),
        _ => None,
    };
    if let Some(items) = items {
        // What a bounded deque drops is released after the borrow ends.
        let r = with(d, |q| {
            let mut dropped = Vec::new();
            for x in items {
                match push(q, x, left) {
                    Ok(gone) => dropped.extend(gone),
                    Err(x) => return (dropped, Err(x)),
                }
            }
            (dropped, Ok(None))
        });
        let (dropped, r) = r.map_or((Vec::new(), None), |(dropped, r)| (dropped, Some(r)));
        drop(dropped);
        return pushed(vm, r);
    }
    let iter = vm.get_iter(it)?;
    while let Some(x) = vm.next(&iter)? {
        let r = with(d, |q| push(q, x, left));
        pushed(vm, r)?;
    }
    Ok(())
}

fn d_extend(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, it) = one_arg(vm, "extend", args, kw)?;
    extend(vm, s, it, false)?;
    Ok(Value::None)
}

fn d_extendleft(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, it) = one_arg(vm, "extendleft", args, kw)?;
    extend(vm, s, it, true)?;
    Ok(Value::None)
}

fn d_clear(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "clear", args, kw)?;
    let old = with(s, |q| {
        q.state = q.state.wrapping_add(1);
        std::mem::take(&mut q.items)
    });
    drop(old);
    Ok(Value::None)
}

fn d_insert(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "insert", args)?;
    no_kwargs(vm, "deque.insert", kw)?;
    let [index, x] = rest else {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", rest.len())));
    };
    let i = arg_ssize(vm, index)?;
    let full = with(s, |q| {
        if q.maxlen == Some(q.items.len()) {
            return true;
        }
        let n = q.items.len() as i64;
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        q.items.insert(j as usize, x.clone());
        q.state = q.state.wrapping_add(1);
        false
    });
    if full == Some(true) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    Ok(Value::None)
}

/// The first position in `start..stop` holding an item equal to `x`; a change of the
/// deque during a comparison is an error (`mutated`), except that `index` and `in`
/// (`found_first`) answer with an item found equal before they look for one.
fn find(
    vm: &mut Vm,
    s: &Value,
    x: &Value,
    (start, stop): (usize, usize),
    mutated: fn(&Vm) -> PyErr,
    found_first: bool,
) -> PyResult<Option<usize>> {
    let Some(state) = with(s, |q| q.state) else {
        return Ok(None);
    };
    for i in start..stop {
        let Some(item) = with(s, |q| q.items.get(i).cloned()).flatten() else {
            break;
        };
        let same = vm.eq(&item, x)?;
        if same && found_first {
            return Ok(Some(i));
        }
        if with(s, |q| q.state) != Some(state) {
            return Err(mutated(vm));
        }
        if same {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn not_in_deque(vm: &mut Vm, x: &Value) -> PyErr {
    match vm.repr(x) {
        Ok(r) => vm.value_error(format!("{} is not in deque", r.as_str())),
        Err(e) => e,
    }
}

fn d_remove(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, x) = one_arg(vm, "remove", args, kw)?;
    let n = len_of(s);
    let found = find(
        vm,
        s,
        x,
        (0, n),
        |vm| vm.index_error("deque mutated during iteration"),
        false,
    )?;
    let Some(i) = found else {
        return Err(not_in_deque(vm, x));
    };
    let old = with(s, |q| {
        q.state = q.state.wrapping_add(1);
        q.items.remove(i)
    });
    drop(old);
    Ok(Value::None)
}

fn d_count(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, x) = one_arg(vm, "count", args, kw)?;
    let n = len_of(s);
    let mut count = 0;
    let mut start = 0;
    while let Some(i) = find(vm, s, x, (start, n), mutated, false)? {
        count += 1;
        start = i + 1;
    }
    Ok(Value::Int(count))
}

/// A start or stop of `index()`: any int, clamped to the ssize range as CPython's
/// slice indices are.
fn slice_index(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => Ok(if num_traits::Signed::is_negative(&**b) {
            i64::MIN
        } else {
            i64::MAX
        }),
        _ => match vm.index_value(v) {
            Ok(Some(i)) => Ok(i),
            Ok(None) => {
                Err(vm.type_error("slice indices must be integers or have an __index__ method"))
            }
            Err(e) => Err(e),
        },
    }
}

fn d_index(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "index", args)?;
    no_kwargs(vm, "deque.index", kw)?;
    if rest.is_empty() {
        return Err(vm.type_error("index expected at least 1 argument, got 0"));
    }
    if rest.len() > 3 {
        return Err(vm.type_error(format!(
            "index expected at most 3 arguments, got {}",
            rest.len()
        )));
    }
    let x = &rest[0];
    let mut start = match rest.get(1) {
        Some(v) => slice_index(vm, v)?,
        None => 0,
    };
    let mut stop = match rest.get(2) {
        Some(v) => slice_index(vm, v)?,
        None => i64::MAX,
    };
    let n = len_of(s) as i64;
    if start < 0 {
        start = start.saturating_add(n).max(0);
    }
    if stop < 0 {
        stop = stop.saturating_add(n).max(0);
    }
    stop = stop.min(n);
    start = start.min(stop);
    match find(vm, s, x, (start as usize, stop as usize), mutated, true)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(not_in_deque(vm, x)),
    }
}

fn d_rotate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "rotate", args)?;
    no_kwargs(vm, "deque.rotate", kw)?;
    if rest.len() > 1 {
        return Err(vm.type_error(format!(
            "rotate expected at most 1 argument, got {}",
            rest.len()
        )));
    }
    let n = match rest.first() {
        Some(v) => arg_ssize(vm, v)?,
        None => 1,
    };
    with(s, |q| {
        let len = q.items.len();
        if len > 1 {
            q.state = q.state.wrapping_add(1);
            q.items.rotate_right(n.rem_euclid(len as i64) as usize);
        }
    });
    Ok(Value::None)
}

fn d_reverse(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "reverse", args, kw)?;
    with(s, |q| q.items.make_contiguous().reverse());
    Ok(Value::None)
}

/// `copy()`: a deque of the same type with the same items and maxlen; a subclass is
/// called as CPython does, with the deque (and its maxlen).
fn copy_of(vm: &mut Vm, s: &Value) -> PyResult<Value> {
    if let Value::Obj(o) = s {
        if let Some((items, maxlen)) = with_obj(o, |q| (q.items.clone(), q.maxlen)) {
            return Ok(new_deque_obj(o.cls.clone(), items, maxlen));
        }
    }
    let cls = Value::Type(vm.type_of(s));
    match with(s, |q| q.maxlen).flatten() {
        None => vm.call(&cls, std::slice::from_ref(s), &[]),
        Some(m) => vm.call(&cls, &[s.clone(), Value::Int(m as i64)], &[]),
    }
}

fn d_copy(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "copy", args, kw)?;
    copy_of(vm, s)
}

fn d_dunder_copy(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "__copy__", args, kw)?;
    copy_of(vm, s)
}

/// `__reduce__`: `(type, ((), maxlen) or (), state, iterator)`, which `copy` uses.
fn d_reduce(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "__reduce__", args, kw)?;
    let cls = Value::Type(vm.type_of(s));
    let ctor_args = match with(s, |q| q.maxlen).flatten() {
        None => Value::tuple(Vec::new()),
        Some(m) => Value::tuple(vec![Value::tuple(Vec::new()), Value::Int(m as i64)]),
    };
    let state = match s {
        Value::Instance(i) => match &i.dict {
            Some(d) if !d.is_empty() => Value::Dict(d.clone()),
            _ => Value::None,
        },
        _ => Value::None,
    };
    let it = new_iter(vm, s, false);
    Ok(Value::tuple(vec![cls, ctor_args, state, it]))
}

fn d_maxlen(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "maxlen", args)?;
    Ok(match with(s, |q| q.maxlen).flatten() {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

// ---------------------------------------------------------------------------
// The sequence protocol

fn d_len(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__len__", args)?;
    Ok(Value::Int(len_of(s) as i64))
}

fn d_contains(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__contains__", args)?;
    check_args(vm, "__contains__", rest, 1, 1)?;
    let n = len_of(s);
    Ok(Value::Bool(
        find(vm, s, &rest[0], (0, n), mutated, true)?.is_some(),
    ))
}

/// The position `key` names in a deque, with CPython's errors: reading goes through
/// the sequence protocol, assignment and deletion convert the key to a Py_ssize_t.
fn position(vm: &mut Vm, s: &Value, key: &Value, assign: bool) -> PyResult<usize> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) if assign => {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"))
        }
        Value::BigInt(_) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => match vm.index_value(key)? {
            Some(i) => i,
            None if assign => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(key)
                )))
            }
            None => {
                return Err(vm.type_error(format!(
                    "sequence index must be integer, not '{}'",
                    vm.type_name(key)
                )))
            }
        },
    };
    let n = len_of(s) as i64;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn d_getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__getitem__", args)?;
    check_args(vm, "__getitem__", rest, 1, 1)?;
    if let (Value::Obj(o), Value::Int(i)) = (s, &rest[0]) {
        let got = with_obj(o, |q| {
            let j = if *i < 0 {
                i.checked_add(q.items.len() as i64)?
            } else {
                *i
            };
            q.items.get(usize::try_from(j).ok()?).cloned()
        });
        return got
            .flatten()
            .ok_or_else(|| vm.index_error("deque index out of range"));
    }
    let j = position(vm, s, &rest[0], false)?;
    with(s, |q| q.items.get(j).cloned())
        .flatten()
        .ok_or_else(|| vm.index_error("deque index out of range"))
}

fn d_setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__setitem__", args)?;
    check_args(vm, "__setitem__", rest, 2, 2)?;
    let j = position(vm, s, &rest[0], true)?;
    let old = with(s, |q| {
        q.items
            .get_mut(j)
            .map(|slot| std::mem::replace(slot, rest[1].clone()))
    });
    drop(old);
    Ok(Value::None)
}

fn d_delitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__delitem__", args)?;
    check_args(vm, "__delitem__", rest, 1, 1)?;
    let j = position(vm, s, &rest[0], true)?;
    let old = with(s, |q| {
        q.state = q.state.wrapping_add(1);
        q.items.remove(j)
    });
    drop(old);
    Ok(Value::None)
}

fn d_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__repr__", args)?;
    let key = s.ptr().unwrap_or(0);
    if REPR_RUNNING.with(|r| r.borrow().contains(&key)) {
        return Ok(Value::str("[...]"));
    }
    REPR_RUNNING.with(|r| r.borrow_mut().push(key));
    let body = vm.repr(&Value::list(items_of(s)));
    REPR_RUNNING.with(|r| {
        let mut r = r.borrow_mut();
        if let Some(i) = r.iter().rposition(|&k| k == key) {
            r.remove(i);
        }
    });
    let body = body?;
    let name = vm.type_name(s);
    Ok(Value::from_string(match with(s, |q| q.maxlen).flatten() {
        None => format!("{name}({})", body.as_str()),
        Some(m) => format!("{name}({}, maxlen={m})", body.as_str()),
    }))
}

thread_local! {
    /// The deques whose repr is being made, so a deque inside itself shows `[...]`.
    static REPR_RUNNING: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

// ---------------------------------------------------------------------------
// Operators (called from the Python-level dunders)

fn op_richcmp(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_richcmp", args, 3, 3)?;
    let (a, b) = (&args[0], &args[1]);
    if deque_obj(a).is_none() || deque_obj(b).is_none() {
        return Ok(crate::builtins::types::not_implemented(vm));
    }
    let op = super::richcmp_op(&args[2]);
    let (na, nb) = (len_of(a), len_of(b));
    if na != nb && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    // Item by item, as two deque iterators would walk them: an `__eq__` that
    // changes either deque ends the walk with "deque mutated during iteration".
    let states = (state_of(a), state_of(b));
    for i in 0.. {
        if (state_of(a), state_of(b)) != states {
            return Err(mutated(vm));
        }
        let (Some(x), Some(y)) = (item_at(a, i), item_at(b, i)) else {
            break;
        };
        if !vm.eq(&x, &y)? {
            return vm.compare(op, &x, &y);
        }
    }
    vm.compare(op, &Value::Int(na as i64), &Value::Int(nb as i64))
}

fn state_of(v: &Value) -> Option<u64> {
    with(v, |q| q.state)
}

fn item_at(v: &Value, i: usize) -> Option<Value> {
    with(v, |q| q.items.get(i).cloned()).flatten()
}

fn op_concat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_concat", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if deque_obj(b).is_none() {
        return Err(vm.type_error(format!(
            "can only concatenate deque (not \"{}\") to deque",
            vm.type_name(b)
        )));
    }
    let new = copy_of(vm, a)?;
    extend(vm, &new, b, false)?;
    Ok(new)
}

fn op_iconcat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_iconcat", args, 2, 2)?;
    extend(vm, &args[0], &args[1], false)?;
    Ok(args[0].clone())
}

/// The count of `deque * n`; None when `n` is not an int.
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<i64>> {
    if !super::is_index_like(vm, n) {
        return Ok(None);
    }
    let k = index_big(vm, n)?;
    match k.to_i64() {
        Some(k) => Ok(Some(k)),
        None => Err(vm.overflow_error("cannot fit 'int' into an index-sized integer")),
    }
}

fn non_int_repeat(vm: &Vm, n: &Value) -> PyResult<Value> {
    if matches!(n, Value::Instance(_)) {
        return Ok(crate::builtins::types::not_implemented(vm));
    }
    Err(vm.type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        vm.type_name(n)
    )))
}

/// Repeat a deque's items `k` times in place, keeping the last `maxlen` of them.
fn repeat_in_place(vm: &Vm, s: &Value, k: i64) -> PyResult<()> {
    let result = with(s, |q| {
        let size = q.items.len();
        q.state = q.state.wrapping_add(1);
        if k <= 0 || size == 0 {
            return Ok(std::mem::take(&mut q.items));
        }
        let total = size as u128 * k as u128;
        let keep = match q.maxlen {
            Some(m) => total.min(m as u128),
            None => total,
        };
        let mut items = VecDeque::new();
        let keep_len = usize::try_from(keep).map_err(|_| ())?;
        items.try_reserve_exact(keep_len).map_err(|_| ())?;
        let first = total - keep;
        items.extend((0..keep).map(|j| q.items[((first + j) % size as u128) as usize].clone()));
        Ok(std::mem::replace(&mut q.items, items))
    });
    match result {
        Some(Err(())) => Err(vm.memory_error()),
        Some(Ok(old)) => {
            drop(old);
            Ok(())
        }
        None => Ok(()),
    }
}

fn op_repeat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_repeat", args, 2, 2)?;
    let (a, n) = (&args[0], &args[1]);
    let Some(k) = repeat_count(vm, n)? else {
        return non_int_repeat(vm, n);
    };
    let new = copy_of(vm, a)?;
    repeat_in_place(vm, &new, k)?;
    Ok(new)
}

fn op_irepeat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_irepeat", args, 2, 2)?;
    let (a, n) = (&args[0], &args[1]);
    let Some(k) = repeat_count(vm, n)? else {
        return non_int_repeat(vm, n);
    };
    repeat_in_place(vm, a, k)?;
    Ok(a.clone())
}

// ---------------------------------------------------------------------------
// The iterators

struct DequeIter {
    deque: Rc<Object>,
    /// The deque's `state` when the iterator was made.
    state: u64,
    /// Position from the left of the next item (one past it when reversed).
    next: usize,
    reversed: bool,
}

thread_local! {
    // They hold only native methods, so they are shared by the thread's interpreters.
    static ITER_TYPES: RefCell<Option<(TypeRef, TypeRef)>> = const { RefCell::new(None) };
}

fn iter_types(vm: &mut Vm) -> (TypeRef, TypeRef) {
    if let Some(t) = ITER_TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let make = |vm: &mut Vm, name: &str| {
        let t = crate::builtins::native_type(vm, "collections", name, true, None, &[]);
        add_method(vm, &t, "__next__", it_next);
        add_method(vm, &t, "__iter__", it_iter);
        add_method(vm, &t, "__length_hint__", it_length_hint);
        t
    };
    let t = (
        make(vm, "_deque_iterator"),
        make(vm, "_deque_reverse_iterator"),
    );
    ITER_TYPES.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

fn new_iter(vm: &mut Vm, s: &Value, reversed: bool) -> Value {
    let (fwd, rev) = iter_types(vm);
    let Some(deque) = deque_obj(s) else {
        return Value::None;
    };
    let (state, len) = with_obj(&deque, |q| (q.state, q.items.len())).unwrap_or((0, 0));
    Value::obj(
        if reversed { rev } else { fwd },
        ObjKind::Native(PyCell::new(Box::new(DequeIter {
            deque,
            state,
            next: if reversed { len } else { 0 },
            reversed,
        }))),
    )
}

fn d_iter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__iter__", args)?;
    Ok(new_iter(vm, s, false))
}

fn d_reversed(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let s = no_args(vm, "__reversed__", args, kw)?;
    Ok(new_iter(vm, s, true))
}

enum Step {
    Item(Value),
    Done,
    Mutated,
}

fn it_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let step = match args.first() {
        Some(Value::Obj(o)) => match &o.kind {
            ObjKind::Native(cell) => {
                let mut b = cell.borrow_mut();
                let any: &mut dyn std::any::Any = &mut **b;
                match any.downcast_mut::<DequeIter>() {
                    Some(it) => with_obj(&it.deque, |q| {
                        if q.state != it.state {
                            return Step::Mutated;
                        }
                        let i = if it.reversed {
                            match it.next.checked_sub(1) {
                                Some(i) => i,
                                None => return Step::Done,
                            }
                        } else {
                            it.next
                        };
                        match q.items.get(i) {
                            Some(v) => {
                                it.next = if it.reversed { i } else { i + 1 };
                                Step::Item(v.clone())
                            }
                            None => Step::Done,
                        }
                    })
                    .unwrap_or(Step::Done),
                    None => Step::Done,
                }
            }
            _ => Step::Done,
        },
        _ => Step::Done,
    };
    match step {
        Step::Item(v) => Ok(v),
        Step::Done => Err(vm.stop_iteration(Value::None)),
        Step::Mutated => Err(mutated(vm)),
    }
}

fn it_length_hint(_vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let left = match args.first() {
        Some(Value::Obj(o)) => match &o.kind {
            ObjKind::Native(cell) => {
                let b = cell.borrow();
                (**b).as_any().downcast_ref::<DequeIter>().map(|it| {
                    let len = with_obj(&it.deque, |q| q.items.len()).unwrap_or(0);
                    match with_obj(&it.deque, |q| q.state) {
                        Some(state) if state == it.state && it.reversed => it.next,
                        Some(state) if state == it.state => len.saturating_sub(it.next),
                        _ => 0,
                    }
                })
            }
            _ => None,
        },
        _ => None,
    };
    Ok(Value::Int(left.unwrap_or(0) as i64))
}

fn it_iter(_vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

// ---------------------------------------------------------------------------
// The cycle collector's view

/// Call `f` on every item of a deque object.
pub fn traverse(o: &Object, f: &mut dyn FnMut(&Value)) {
    if let Some(cell) = cell_of(o) {
        let b = cell.borrow();
        if let Some(q) = (**b).as_any().downcast_ref::<Deque>() {
            for x in q.items.iter() {
                f(x);
            }
        }
    }
}

/// Empty a garbage deque so the cycles through it break.
pub fn clear(o: &Object) {
    let old = with_obj(o, |q| std::mem::take(&mut q.items));
    drop(old);
}

// ---------------------------------------------------------------------------

fn native(name: &'static str, func: NativeFn) -> Value {
    crate::builtins::native_function("deque", name, func)
}

/// The deque class: subclassable, with a hidden slot that subclass instances keep
/// their items in.
fn deque_class(vm: &mut Vm) -> PyResult<TypeRef> {
    let object = vm.types.object.clone();
    let t = Rc::new(Type::new(
        "deque",
        vec![object.clone()],
        Vec::new(),
        Dict::new_rc(),
        Layout::Object,
        false,
        vec![vm.intern("deque")],
        false,
        Some(deque_call),
    ));
    *t.mro.borrow_mut() = vec![t.clone(), object.clone()];
    object.subclasses.borrow_mut().push(Rc::downgrade(&t));
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str("collections"));
    t.dict.set_str(
        vm.names.d_doc.clone(),
        Value::str("A list-like sequence optimized for data accesses near its endpoints."),
    );
    let methods: &[(&'static str, NativeFn)] = &[
        ("__init__", d_init),
        ("append", d_append),
        ("appendleft", d_appendleft),
        ("pop", d_pop),
        ("popleft", d_popleft),
        ("extend", d_extend),
        ("extendleft", d_extendleft),
        ("clear", d_clear),
        ("insert", d_insert),
        ("remove", d_remove),
        ("count", d_count),
        ("index", d_index),
        ("rotate", d_rotate),
        ("reverse", d_reverse),
        ("copy", d_copy),
        ("__copy__", d_dunder_copy),
        ("__reduce__", d_reduce),
        ("__len__", d_len),
        ("__contains__", d_contains),
        ("__getitem__", d_getitem),
        ("__setitem__", d_setitem),
        ("__delitem__", d_delitem),
        ("__iter__", d_iter),
        ("__reversed__", d_reversed),
        ("__repr__", d_repr),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    crate::builtins::set_static_new(vm, &t, "deque", deque_new);
    t.dict.set_str(vm.names.d_hash.clone(), Value::None);
    let maxlen = ObjKind::Property {
        fget: native("maxlen", d_maxlen),
        fset: Value::None,
        fdel: Value::None,
        doc: crate::object::PyCell::new(Value::str("maximum size of a deque or None if unbounded")),
    };
    t.dict.set_str(
        vm.intern("maxlen"),
        Value::obj(vm.types.property.clone(), maxlen),
    );

    let helpers: &[(&'static str, NativeFn)] = &[
        ("_richcmp", op_richcmp),
        ("_concat", op_concat),
        ("_iconcat", op_iconcat),
        ("_repeat", op_repeat),
        ("_irepeat", op_irepeat),
    ];
    super::install_python_methods(vm, &t, "collections", super::SEQUENCE_OPERATORS, helpers)?;
    Ok(t)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = deque_class(vm)?;
    d.set_str(vm.intern("deque"), Value::Type(t));
    Ok(())
}

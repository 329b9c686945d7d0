//! The built-in iterator types (enumerate, zip, map, filter, reversed, iter(f, x))
//! and the methods of generators and coroutines. The `itertools` iterators share
//! their dispatch and are implemented in `crate::modules::itertools`.

use super::{add_method, check_args, check_method_args, kwarg};
use crate::object::function::KwArg;
use crate::object::{IterState, ObjKind, PyCell, TupleRef, Value};
use crate::vm::generator::{self, Sent};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;

fn iter_obj(cls: &crate::object::TypeRef, st: IterState) -> Value {
    Value::obj(cls.clone(), ObjKind::Iter(PyCell::new(st)))
}

/// The new iterator `v` as an instance of the class `__new__` was called for.
fn of_class(
    vm: &mut Vm,
    args: &[Value],
    builtin: &crate::object::TypeRef,
    v: Value,
) -> PyResult<Value> {
    match args.first() {
        Some(Value::Type(t)) => super::types::for_subclass(vm, t, builtin, v),
        _ => Ok(v),
    }
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = &args[1..];
    let Some(src) = a.first().or_else(|| kwarg(kwargs, "iterable")) else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable'"));
    };
    // As CPython, the start goes through `__index__` before the iterable is read.
    let count = match a.get(1).or_else(|| kwarg(kwargs, "start")) {
        None => Value::Int(0),
        Some(v @ (Value::Int(_) | Value::BigInt(_))) => v.clone(),
        Some(v) => Value::Int(super::arg_int(vm, v)?),
    };
    let it = vm.get_iter(src)?;
    let builtin = vm.types.enumerate.clone();
    let v = iter_obj(&builtin, IterState::Enumerate { it, count });
    of_class(vm, args, &builtin, v)
}

fn zip_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let strict = match kwarg(kwargs, "strict") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let iters = args[1..]
        .iter()
        .map(|a| vm.get_iter(a))
        .collect::<PyResult<Rc<[Value]>>>()?;
    let builtin = vm.types.zip.clone();
    let v = iter_obj(&builtin, IterState::Zip { iters, strict });
    of_class(vm, args, &builtin, v)
}

fn map_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let iters = args[2..]
        .iter()
        .map(|a| vm.get_iter(a))
        .collect::<PyResult<Rc<[Value]>>>()?;
    Ok(iter_obj(
        &vm.types.map.clone(),
        IterState::Map {
            func: args[1].clone(),
            iters,
        },
    ))
}

fn filter_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "filter", &args[1..], 2, 2)?;
    let it = vm.get_iter(&args[2])?;
    Ok(iter_obj(
        &vm.types.filter.clone(),
        IterState::Filter {
            func: args[1].clone(),
            it,
        },
    ))
}

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "reversed", &args[1..], 1, 1)?;
    let seq = args[1].clone();
    let cls = vm.types.reversed.clone();
    match &seq {
        Value::List(l) => Ok(iter_obj(
            &vm.types.list_reverseiterator.clone(),
            IterState::Reversed {
                index: l.len(),
                seq: seq.clone(),
            },
        )),
        Value::Tuple(t) => Ok(iter_obj(
            &cls,
            IterState::Reversed {
                index: t.items.len(),
                seq: seq.clone(),
            },
        )),
        Value::Obj(o) if matches!(o.kind, ObjKind::Range { .. }) => {
            if let ObjKind::Range { start, stop, step } = o.kind {
                let n = super::range::range_len(start, stop, step);
                let last = start + (n - 1) * step;
                return Ok(iter_obj(
                    &vm.types.range_iterator.clone(),
                    IterState::Range {
                        next: last,
                        stop: start - step,
                        step: -step,
                    },
                ));
            }
            Err(vm.type_error("not a range"))
        }
        _ => {
            let name = vm.names.reversed.clone();
            let is_builtin = matches!(&seq, Value::Str(_) | Value::Dict(_))
                || matches!(&seq, Value::Obj(o) if matches!(o.kind, ObjKind::DictView(..)));
            if !is_builtin {
                if let Some(m) = vm.type_of(&seq).lookup(&name) {
                    return vm.call_method_value(m, &seq, &[]);
                }
            }
            let items = match &seq {
                Value::Str(_) | Value::Dict(_) => vm.collect_iterable(&seq)?,
                Value::Obj(o) if matches!(o.kind, ObjKind::DictView(..)) => {
                    vm.collect_iterable(&seq)?
                }
                _ => {
                    let len_name = vm.names.d_len.clone();
                    let gi = vm.names.getitem.clone();
                    let t = vm.type_of(&seq);
                    if t.lookup(&len_name).is_none() || t.lookup(&gi).is_none() {
                        return Err(vm.type_error(format!(
                            "'{}' object is not reversible",
                            vm.type_name(&seq)
                        )));
                    }
                    let n = vm.len(&seq)?;
                    let mut out = Vec::with_capacity(n);
                    for i in 0..n {
                        out.push(vm.getitem(&seq, &Value::Int(i as i64))?);
                    }
                    out
                }
            };
            let n = items.len();
            Ok(iter_obj(
                &cls,
                IterState::Reversed {
                    index: n,
                    seq: Value::list(items),
                },
            ))
        }
    }
}

/// `next()` of the built-in iterators whose step may run Python code.
///
/// No borrow of the state is held while Python code runs (an inner `__next__`, the
/// mapped function, a finalizer): each arm takes new references to what the step
/// needs (one reference count for a zip or map's shared iterator list), releases the
/// borrow, and writes back afterwards, so a step that re-enters the same iterator
/// sees a consistent state.
pub fn next_slow(vm: &mut Vm, state: &PyCell<IterState>) -> PyResult<Option<Value>> {
    enum Step {
        Enumerate(Value),
        Zip(Rc<[Value]>, bool),
        Map(Value, Rc<[Value]>),
        Filter(Value, Value),
        Callable(Value, Value),
        GetItem(Value, i64),
        Done,
    }
    let step = match &mut *state.borrow_mut() {
        IterState::Enumerate { it, .. } => Step::Enumerate(it.clone()),
        IterState::Zip { iters, strict } => Step::Zip(iters.clone(), *strict),
        IterState::Map { func, iters } => Step::Map(func.clone(), iters.clone()),
        IterState::Filter { func, it } => Step::Filter(func.clone(), it.clone()),
        IterState::Callable { func, sentinel } => Step::Callable(func.clone(), sentinel.clone()),
        IterState::GetItem { obj, index } => Step::GetItem(obj.clone(), *index),
        // Big ranges step without running Python code.
        IterState::BigRange { next, stop, step } => {
            let more = if num_traits::Signed::is_positive(step) {
                *next < *stop
            } else {
                *next > *stop
            };
            if !more {
                return Ok(None);
            }
            let v = next.clone();
            *next += &*step;
            return Ok(Some(Value::from_bigint(v)));
        }
        _ => Step::Done,
    };
    match step {
        Step::Enumerate(it) => match vm.next(&it)? {
            // The count is read after the step, as CPython does: a step that
            // re-entered this enumerate has moved it on.
            Some(v) => {
                let count = match &mut *state.borrow_mut() {
                    IterState::Enumerate {
                        count: Value::Int(c),
                        ..
                    } if *c < i64::MAX => {
                        *c += 1;
                        return Ok(Some(Value::tuple_from([Value::Int(*c - 1), v])));
                    }
                    IterState::Enumerate { count, .. } => count.clone(),
                    _ => return Ok(None),
                };
                // A count past the machine word.
                let next = vm.binary_op(crate::code::BinOp::Add, &count, &Value::Int(1))?;
                if let IterState::Enumerate { count: c, .. } = &mut *state.borrow_mut() {
                    *c = next;
                }
                Ok(Some(Value::tuple_from([count, v])))
            }
            None => Ok(None),
        },
        Step::Zip(iters, strict) => zip_next(vm, &iters, strict),
        Step::Map(func, iters) => match &*iters {
            [it] => match vm.next(it)? {
                Some(v) => vm.call(&func, std::slice::from_ref(&v), &[]).map(Some),
                None => Ok(None),
            },
            _ => {
                let mut args = Vec::with_capacity(iters.len());
                for it in iters.iter() {
                    match vm.next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                vm.call(&func, &args, &[]).map(Some)
            }
        },
        Step::Filter(func, it) => loop {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            let keep = if func.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call(&func, std::slice::from_ref(&v), &[])?;
                vm.truthy(&r)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
        Step::Callable(func, sentinel) => {
            let v = vm.call(&func, &[], &[])?;
            if vm.eq(&v, &sentinel)? {
                *state.borrow_mut() = IterState::Exhausted;
                Ok(None)
            } else {
                Ok(Some(v))
            }
        }
        Step::GetItem(obj, index) => match vm.getitem(&obj, &Value::Int(index)) {
            Ok(v) => {
                if let IterState::GetItem { index: i, .. } = &mut *state.borrow_mut() {
                    *i += 1;
                }
                Ok(Some(v))
            }
            Err(e)
                if vm.err_matches(&e, &vm.types.index_error.clone())
                    || vm.err_matches(&e, &vm.types.stop_iteration.clone()) =>
            {
                *state.borrow_mut() = IterState::Exhausted;
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Step::Done => Ok(None),
    }
}

/// One step of `zip`. As in CPython, running out does not exhaust the zip: a later
/// `next()` asks the inputs again.
fn zip_next(vm: &mut Vm, iters: &[Value], strict: bool) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return Ok(None);
    }
    enum Stop {
        Short(usize),
        Raised(PyErr),
    }
    let built = TupleRef::try_build(iters.len(), |i| match vm.next(&iters[i]) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => Err(Stop::Short(i)),
        Err(e) => Err(Stop::Raised(e)),
    });
    match built {
        Ok(t) => {
            crate::object::tracking::tuple(&t);
            Ok(Some(Value::Tuple(t)))
        }
        Err(Stop::Raised(e)) => Err(e),
        Err(Stop::Short(i)) if strict => zip_strict_end(vm, iters, i),
        Err(Stop::Short(_)) => Ok(None),
    }
}

/// A strict zip whose argument `short` ran out first: an error unless every argument
/// ran out together.
fn zip_strict_end(vm: &mut Vm, iters: &[Value], short: usize) -> PyResult<Option<Value>> {
    let which = |i: usize| {
        if i == 1 {
            " 1".to_string()
        } else {
            format!("s 1-{i}")
        }
    };
    if short > 0 {
        return Err(vm.value_error(format!(
            "zip() argument {} is shorter than argument{}",
            short + 1,
            which(short)
        )));
    }
    for (j, other) in iters.iter().enumerate().skip(1) {
        if vm.next(other)?.is_some() {
            return Err(vm.value_error(format!(
                "zip() argument {} is longer than argument{}",
                j + 1,
                which(j)
            )));
        }
    }
    Ok(None)
}

fn gen_this(vm: &Vm, args: &[Value]) -> PyResult<std::rc::Rc<generator::Generator>> {
    match args.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a generator")),
    }
}

fn gen_send(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "send", args, 1, 1)?;
    let g = gen_this(vm, args)?;
    match generator::resume(vm, &g, args[1].clone(), None)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = gen_this(vm, args)?;
    match generator::resume(vm, &g, Value::None, None)? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "throw", args, 1, 3)?;
    let g = gen_this(vm, args)?;
    let exc = match (&args[1], args.get(2)) {
        (Value::Type(t), Some(v)) if !v.is_none() => {
            if crate::vm::errors::exc_data(v).is_some() {
                v.clone()
            } else {
                vm.call(&Value::Type(t.clone()), std::slice::from_ref(v), &[])?
            }
        }
        (v, _) => vm.to_exception(v.clone())?,
    };
    match generator::resume(vm, &g, Value::None, Some(PyErr::from_value(exc)))? {
        Sent::Yielded(v) => Ok(v),
        Sent::Returned(r) => Err(vm.stop_iteration(r)),
    }
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let g = gen_this(vm, args)?;
    generator::close(vm, &g)
}

fn gen_iter(_vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

pub fn install(vm: &mut Vm) {
    let t = vm.types;
    super::types::set_native_new(&t.enumerate, enumerate_new);
    super::types::set_native_new(&t.zip, zip_new);
    super::types::set_native_new(&t.map, map_new);
    super::types::set_native_new(&t.filter, filter_new);
    super::types::set_native_new(&t.reversed, reversed_new);
    for cls in [&t.generator, &t.coroutine] {
        add_method(vm, cls, "send", gen_send);
        add_method(vm, cls, "throw", gen_throw);
        add_method(vm, cls, "close", gen_close);
    }
    add_method(vm, &t.generator, "__next__", gen_next);
    add_method(vm, &t.generator, "__iter__", gen_iter);
    crate::modules::itertools::install(vm);
}

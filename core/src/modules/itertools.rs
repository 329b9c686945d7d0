//! The native half of `itertools`: every iterator type except `groupby` and `tee`
//! (whose lazily shared sub-iterators stay in Python, in `py/itertools.py`).
//!
//! The types are built-in (`vm.types.itertools_*`; `install` gives them their
//! constructors and methods at start-up) and the `_itertools` module only exposes
//! them; `itertools.py` imports them from there.
//! Results, argument handling and error messages follow CPython 3.13's
//! `Modules/itertoolsmodule.c`, including its index algorithms for the combinatoric
//! iterators, so outputs come in the same order.
//!
//! Most iterators are `ObjKind::Iter` objects holding an `ItertoolsState`, so the
//! evaluation loop steps them without a method call. `count` and `repeat` are
//! `ObjKind::Native` objects stepped through their `__next__` instead: their repr
//! shows their state (`count(5)`), and the interpreter's repr of an `ObjKind::Iter`
//! object is always the generic `<name object at ...>`.
//!
//! No borrow of an iterator's state is held while Python code runs (a predicate, an
//! inner iterator's `__next__`, a finalizer run by dropping a value): the state is
//! read, released, and written back afterwards, and code re-entering the same
//! iterator sees a consistent state.

use crate::builtins::types::set_native_new;
use crate::builtins::{add_method, check_args, no_kwargs, parse_clinic_args};
use crate::code::BinOp;
use crate::object::function::KwArg;
use crate::object::{Builtin, Dict, IterState, ObjKind, PyCell, TypeRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use num_traits::ToPrimitive;
use std::any::Any;
use std::rc::Rc;

/// The state of an `itertools` iterator between steps.
pub enum ItertoolsState {
    Cycle {
        /// The source, until it is exhausted; then `saved` is replayed.
        it: Option<Value>,
        saved: Vec<Value>,
        index: usize,
    },
    Chain {
        /// The iterator over the remaining iterables.
        sources: Value,
        /// The iterator being read, if one has been started.
        active: Option<Value>,
    },
    Islice {
        it: Value,
        /// The position of the next item to return (CPython's `next`).
        next: usize,
        stop: Option<usize>,
        step: usize,
        /// How many items have been taken from `it`.
        taken: usize,
    },
    Accumulate {
        it: Value,
        /// None for `+`.
        func: Option<Value>,
        total: Option<Value>,
        /// Returned first, then cleared.
        initial: Option<Value>,
    },
    ZipLongest {
        /// None for an input that has run out.
        iters: Vec<Option<Value>>,
        fill: Value,
        active: usize,
    },
    Product(Product),
    Permutations(Permutations),
    Combinations(Combinations),
    CombinationsWithReplacement(Combinations),
    Compress {
        data: Value,
        selectors: Value,
    },
    DropWhile {
        pred: Value,
        it: Value,
        dropping: bool,
    },
    TakeWhile {
        pred: Value,
        it: Value,
    },
    FilterFalse {
        /// None when the test is plain truth (`None` or `bool` was passed).
        func: Option<Value>,
        it: Value,
    },
    StarMap {
        func: Value,
        it: Value,
    },
    Pairwise {
        it: Value,
        old: Option<Value>,
    },
    Batched {
        it: Value,
        n: usize,
        strict: bool,
    },
}

/// `product`: an odometer of indices over the pools, rightmost wheel fastest.
pub struct Product {
    pools: Box<[Rc<[Value]>]>,
    indices: Box<[usize]>,
    started: bool,
}

/// `permutations`, as CPython computes them: `indices` is a permutation of the pool
/// positions whose first r entries are the current result, and `cycles[i]` counts
/// the values position i has left before it wraps around.
pub struct Permutations {
    pool: Box<[Value]>,
    indices: Box<[usize]>,
    cycles: Box<[usize]>,
    started: bool,
}

/// `combinations` and `combinations_with_replacement`: sorted pool positions.
pub struct Combinations {
    pool: Box<[Value]>,
    indices: Box<[usize]>,
    started: bool,
}

fn pick(pool: &[Value], indices: &[usize]) -> Value {
    // Every index is below the pool's length by construction of the algorithms.
    Value::tuple_from(indices.iter().map(|&i| pool[i].clone()))
}

impl Product {
    fn advance(&mut self) -> Option<Value> {
        if !self.started {
            self.started = true;
            if self.pools.iter().any(|p| p.is_empty()) {
                return None;
            }
            return Some(Value::tuple_from(self.pools.iter().map(|p| p[0].clone())));
        }
        for i in (0..self.pools.len()).rev() {
            self.indices[i] += 1;
            if self.indices[i] < self.pools[i].len() {
                let items = self
                    .pools
                    .iter()
                    .zip(self.indices.iter())
                    .map(|(p, &k)| p[k].clone());
                return Some(Value::tuple_from(items));
            }
            self.indices[i] = 0;
        }
        None
    }
}

impl Permutations {
    fn advance(&mut self) -> Option<Value> {
        let n = self.pool.len();
        let r = self.cycles.len();
        if !self.started {
            self.started = true;
            return Some(pick(&self.pool, &self.indices[..r]));
        }
        if n == 0 {
            return None;
        }
        for i in (0..r).rev() {
            self.cycles[i] -= 1;
            if self.cycles[i] == 0 {
                self.indices[i..].rotate_left(1);
                self.cycles[i] = n - i;
            } else {
                let j = self.cycles[i];
                self.indices.swap(i, n - j);
                return Some(pick(&self.pool, &self.indices[..r]));
            }
        }
        None
    }
}

impl Combinations {
    fn advance(&mut self) -> Option<Value> {
        if !self.started {
            self.started = true;
            return Some(pick(&self.pool, &self.indices));
        }
        let n = self.pool.len();
        let r = self.indices.len();
        // The rightmost index not yet at its maximum, i + n - r.
        let i = (0..r).rev().find(|&i| self.indices[i] != i + n - r)?;
        self.indices[i] += 1;
        for j in i + 1..r {
            self.indices[j] = self.indices[j - 1] + 1;
        }
        Some(pick(&self.pool, &self.indices))
    }

    fn advance_with_replacement(&mut self) -> Option<Value> {
        if !self.started {
            self.started = true;
            return Some(pick(&self.pool, &self.indices));
        }
        let n = self.pool.len();
        // The rightmost index not yet at its maximum, n - 1.
        let i = (0..self.indices.len())
            .rev()
            .find(|&i| self.indices[i] + 1 != n)?;
        let value = self.indices[i] + 1;
        for k in &mut self.indices[i..] {
            *k = value;
        }
        Some(pick(&self.pool, &self.indices))
    }
}

// ---------------------------------------------------------------------------
// Stepping

/// What one step needs, copied out of the state so no borrow is held while it runs.
enum Step {
    /// Stepped under the borrow: this item.
    Yield(Value),
    /// Nothing more, for now.
    Stop,
    /// Nothing more, ever: release what the iterator holds.
    Finish,
    Cycle(Option<Value>),
    Chain(Value, Option<Value>),
    Islice(Value, usize, usize, Option<usize>),
    Accumulate(Value, Option<Value>, Option<Value>),
    ZipLongest(Vec<Option<Value>>, Value),
    Compress(Value, Value),
    DropWhile(Value, Value, bool),
    TakeWhile(Value, Value),
    FilterFalse(Option<Value>, Value),
    StarMap(Value, Value),
    Pairwise(Value, Option<Value>),
    Batched(Value, usize, bool),
}

/// `next()` of an `IterState::Itertools` iterator.
pub fn next(vm: &mut Vm, state: &PyCell<IterState>) -> PyResult<Option<Value>> {
    // The combinatoric iterators run no Python code, so they step under the borrow;
    // the others copy out what they need.
    let advanced = |v: Option<Value>| v.map_or(Step::Finish, Step::Yield);
    let step = match &mut *state.borrow_mut() {
        IterState::Itertools(s) => match &mut **s {
            ItertoolsState::Product(p) => advanced(p.advance()),
            ItertoolsState::Permutations(p) => advanced(p.advance()),
            ItertoolsState::Combinations(c) => advanced(c.advance()),
            ItertoolsState::CombinationsWithReplacement(c) => {
                advanced(c.advance_with_replacement())
            }
            ItertoolsState::Cycle { it, .. } => Step::Cycle(it.clone()),
            ItertoolsState::Chain { sources, active } => {
                Step::Chain(sources.clone(), active.clone())
            }
            ItertoolsState::Islice {
                it,
                next,
                stop,
                taken,
                ..
            } => Step::Islice(it.clone(), *next, *taken, *stop),
            ItertoolsState::Accumulate {
                it,
                func,
                total,
                initial,
            } => match initial.take() {
                Some(first) => {
                    // No total exists before the initial value has been returned,
                    // so this assignment drops nothing.
                    *total = Some(first.clone());
                    Step::Yield(first)
                }
                None => Step::Accumulate(it.clone(), func.clone(), total.clone()),
            },
            ItertoolsState::ZipLongest {
                iters,
                fill,
                active,
            } => {
                if iters.is_empty() || *active == 0 {
                    Step::Stop
                } else {
                    Step::ZipLongest(iters.clone(), fill.clone())
                }
            }
            ItertoolsState::Compress { data, selectors } => {
                Step::Compress(data.clone(), selectors.clone())
            }
            ItertoolsState::DropWhile { pred, it, dropping } => {
                Step::DropWhile(pred.clone(), it.clone(), *dropping)
            }
            ItertoolsState::TakeWhile { pred, it } => Step::TakeWhile(pred.clone(), it.clone()),
            ItertoolsState::FilterFalse { func, it } => Step::FilterFalse(func.clone(), it.clone()),
            ItertoolsState::StarMap { func, it } => Step::StarMap(func.clone(), it.clone()),
            ItertoolsState::Pairwise { it, old } => Step::Pairwise(it.clone(), old.clone()),
            ItertoolsState::Batched { it, n, strict } => Step::Batched(it.clone(), *n, *strict),
        },
        _ => Step::Stop,
    };
    match step {
        Step::Yield(v) => Ok(Some(v)),
        Step::Stop => Ok(None),
        Step::Finish => {
            finish(state);
            Ok(None)
        }
        Step::Cycle(it) => cycle_next(vm, state, it),
        Step::Chain(sources, active) => chain_next(vm, state, sources, active),
        Step::Islice(it, next, taken, stop) => islice_next(vm, state, it, next, taken, stop),
        Step::Accumulate(it, func, total) => {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            let Some(total) = total else {
                update(state, |s| {
                    if let ItertoolsState::Accumulate { total, .. } = s {
                        total.replace(v.clone())
                    } else {
                        None
                    }
                });
                return Ok(Some(v));
            };
            let new = match func {
                None => vm.binary_op(BinOp::Add, &total, &v)?,
                Some(f) => vm.call(&f, &[total, v], &[])?,
            };
            update(state, |s| match s {
                ItertoolsState::Accumulate { total, .. } => total.replace(new.clone()),
                _ => None,
            });
            Ok(Some(new))
        }
        Step::ZipLongest(mut iters, fill) => {
            let mut out = Vec::with_capacity(iters.len());
            for (i, slot) in iters.iter_mut().enumerate() {
                let Some(it) = slot else {
                    out.push(fill.clone());
                    continue;
                };
                match vm.next(it) {
                    Ok(Some(v)) => out.push(v),
                    Ok(None) => {
                        // An input that runs out is dropped and filled in from now
                        // on; when the last one does, the iterator is done.
                        let (left, dropped) = update(state, |s| match s {
                            ItertoolsState::ZipLongest { iters, active, .. } => {
                                *active = active.saturating_sub(1);
                                let dropped = match *active {
                                    0 => None,
                                    _ => iters.get_mut(i).and_then(Option::take),
                                };
                                (*active, dropped)
                            }
                            _ => (0, None),
                        })
                        .unwrap_or((0, None));
                        drop(dropped);
                        if left == 0 {
                            return Ok(None);
                        }
                        *slot = None;
                        out.push(fill.clone());
                    }
                    Err(e) => {
                        update(state, |s| {
                            if let ItertoolsState::ZipLongest { active, .. } = s {
                                *active = 0;
                            }
                        });
                        return Err(e);
                    }
                }
            }
            Ok(Some(Value::tuple(out)))
        }
        Step::Compress(data, selectors) => loop {
            let Some(d) = vm.next(&data)? else {
                return Ok(None);
            };
            let Some(s) = vm.next(&selectors)? else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        },
        Step::DropWhile(pred, it, dropping) => loop {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            if !dropping {
                return Ok(Some(v));
            }
            let r = vm.call(&pred, std::slice::from_ref(&v), &[])?;
            if !vm.truthy(&r)? {
                update(state, |s| {
                    if let ItertoolsState::DropWhile { dropping, .. } = s {
                        *dropping = false;
                    }
                });
                return Ok(Some(v));
            }
        },
        Step::TakeWhile(pred, it) => {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            let r = vm.call(&pred, std::slice::from_ref(&v), &[])?;
            if vm.truthy(&r)? {
                return Ok(Some(v));
            }
            finish(state);
            Ok(None)
        }
        Step::FilterFalse(func, it) => loop {
            let Some(v) = vm.next(&it)? else {
                return Ok(None);
            };
            let keep = match &func {
                None => vm.truthy(&v)?,
                Some(f) => {
                    let r = vm.call(f, std::slice::from_ref(&v), &[])?;
                    vm.truthy(&r)?
                }
            };
            if !keep {
                return Ok(Some(v));
            }
        },
        Step::StarMap(func, it) => {
            let Some(args) = vm.next(&it)? else {
                return Ok(None);
            };
            match &args {
                Value::Tuple(t) => vm.call(&func, &t.items, &[]).map(Some),
                _ => {
                    let items = vm.collect_iterable(&args)?;
                    vm.call(&func, &items, &[]).map(Some)
                }
            }
        }
        Step::Pairwise(it, old) => {
            let old = match old {
                Some(o) => o,
                None => match vm.next(&it) {
                    Ok(Some(o)) => {
                        update(state, |s| match s {
                            ItertoolsState::Pairwise { old, .. } => old.replace(o.clone()),
                            _ => None,
                        });
                        o
                    }
                    other => {
                        finish(state);
                        return other;
                    }
                },
            };
            match vm.next(&it) {
                Ok(Some(new)) => {
                    update(state, |s| match s {
                        ItertoolsState::Pairwise { old, .. } => old.replace(new.clone()),
                        _ => None,
                    });
                    Ok(Some(Value::tuple_from([old, new])))
                }
                other => {
                    finish(state);
                    other
                }
            }
        }
        Step::Batched(it, n, strict) => {
            let mut items = Vec::with_capacity(n.min(64));
            while items.len() < n {
                match vm.next(&it) {
                    Ok(Some(v)) => items.push(v),
                    Ok(None) => break,
                    Err(e) => {
                        finish(state);
                        return Err(e);
                    }
                }
            }
            if items.is_empty() {
                finish(state);
                return Ok(None);
            }
            if strict && items.len() < n {
                finish(state);
                return Err(vm.value_error("batched(): incomplete batch"));
            }
            Ok(Some(Value::tuple(items)))
        }
    }
}

/// Change the state under a short borrow. Whatever `f` returns (typically a value
/// it replaced) is dropped after the borrow ends, since dropping may run a finalizer.
fn update<R>(state: &PyCell<IterState>, f: impl FnOnce(&mut ItertoolsState) -> R) -> Option<R> {
    match &mut *state.borrow_mut() {
        IterState::Itertools(s) => Some(f(s)),
        _ => None,
    }
}

/// Mark the iterator exhausted, releasing what it held.
fn finish(state: &PyCell<IterState>) {
    let old = std::mem::replace(&mut *state.borrow_mut(), IterState::Exhausted);
    drop(old);
}

fn cycle_next(
    vm: &mut Vm,
    state: &PyCell<IterState>,
    it: Option<Value>,
) -> PyResult<Option<Value>> {
    if let Some(it) = it {
        if let Some(v) = vm.next(&it)? {
            update(state, |s| {
                if let ItertoolsState::Cycle { saved, .. } = s {
                    saved.push(v.clone());
                }
            });
            return Ok(Some(v));
        }
        update(state, |s| match s {
            ItertoolsState::Cycle { it, .. } => it.take(),
            _ => None,
        });
    }
    let v = update(state, |s| match s {
        ItertoolsState::Cycle { saved, index, .. } => {
            let v = saved.get(*index).cloned();
            *index += 1;
            if *index >= saved.len() {
                *index = 0;
            }
            v
        }
        _ => None,
    });
    Ok(v.flatten())
}

fn chain_next(
    vm: &mut Vm,
    state: &PyCell<IterState>,
    sources: Value,
    mut active: Option<Value>,
) -> PyResult<Option<Value>> {
    loop {
        let it = match active.take() {
            Some(it) => it,
            None => {
                let it = match vm.next(&sources) {
                    Ok(Some(iterable)) => vm.get_iter(&iterable),
                    Ok(None) => {
                        finish(state);
                        return Ok(None);
                    }
                    Err(e) => Err(e),
                };
                let it = match it {
                    Ok(it) => it,
                    Err(e) => {
                        finish(state);
                        return Err(e);
                    }
                };
                update(state, |s| match s {
                    ItertoolsState::Chain { active, .. } => active.replace(it.clone()),
                    _ => None,
                });
                it
            }
        };
        if let Some(v) = vm.next(&it)? {
            return Ok(Some(v));
        }
        update(state, |s| match s {
            ItertoolsState::Chain { active, .. } => active.take(),
            _ => None,
        });
    }
}

fn islice_next(
    vm: &mut Vm,
    state: &PyCell<IterState>,
    it: Value,
    next: usize,
    mut taken: usize,
    stop: Option<usize>,
) -> PyResult<Option<Value>> {
    // Skip up to the next position, then take one item; the source is dropped once
    // it runs out, fails, or the stop position is reached.
    while taken < next {
        match vm.next(&it) {
            Ok(Some(_)) => taken += 1,
            other => {
                finish(state);
                return other;
            }
        }
    }
    if stop.is_some_and(|s| taken >= s) {
        finish(state);
        return Ok(None);
    }
    match vm.next(&it) {
        Ok(Some(v)) => {
            update(state, |s| {
                if let ItertoolsState::Islice {
                    next,
                    stop,
                    step,
                    taken: t,
                    ..
                } = s
                {
                    *t = taken + 1;
                    let after = next.saturating_add(*step);
                    *next = match *stop {
                        Some(stop) if after > stop => stop,
                        _ => after,
                    };
                }
            });
            Ok(Some(v))
        }
        other => {
            finish(state);
            other
        }
    }
}

// ---------------------------------------------------------------------------
// Argument handling, with the messages of CPython's argument parsers

/// The checks of a constructor taking only positional arguments.
fn positional(
    vm: &Vm,
    fname: &str,
    args: &[Value],
    kwargs: &[KwArg],
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{fname}() takes no keyword arguments")));
    }
    let n = args.len();
    if n < min || n > max {
        let (bound, which) = if n < min {
            (min, "at least ")
        } else {
            (max, "at most ")
        };
        return Err(vm.type_error(format!(
            "{fname} expected {}{bound} argument{}, got {n}",
            if min == max { "" } else { which },
            if bound == 1 { "" } else { "s" }
        )));
    }
    Ok(())
}

fn too_large(vm: &Vm) -> PyErr {
    vm.overflow_error("Python int too large to convert to C ssize_t")
}

/// A `Py_ssize_t` argument: `__index__`, with OverflowError past the machine range.
fn ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::Int(i) = v {
        return Ok(*i);
    }
    let big = super::math::index_big(vm, v)?;
    big.to_i64().ok_or_else(|| too_large(vm))
}

/// An islice bound: None for a value that is not an integer or does not fit a
/// machine word (the error is discarded; islice raises its own ValueError).
fn islice_index(vm: &mut Vm, v: &Value) -> Option<i64> {
    if let Value::Int(i) = v {
        return Some(*i);
    }
    super::math::index_big(vm, v).ok()?.to_i64()
}

fn memory_error(vm: &Vm) -> PyErr {
    PyErr::from_value(vm.new_exception(&vm.types.memory_error, Vec::new()))
}

/// A vector of `n` copies, or MemoryError when `n` is beyond what can be allocated
/// (a program can ask for `combinations_with_replacement(x, 10**12)`).
fn filled<T: Clone>(vm: &Vm, n: usize, value: T) -> PyResult<Vec<T>> {
    let mut v = Vec::new();
    if v.try_reserve_exact(n).is_err() {
        return Err(memory_error(vm));
    }
    v.resize(n, value);
    Ok(v)
}

/// The arguments after the class of a `native_new` call.
fn rest(args: &[Value]) -> &[Value] {
    args.get(1..).unwrap_or(&[])
}

/// CPython allocates its r-sized index arrays before comparing r with the pool, so
/// an r too large to allocate is a MemoryError even where the result is empty.
fn reserve_indices(vm: &Vm, r: usize) -> PyResult<()> {
    let mut v: Vec<usize> = Vec::new();
    v.try_reserve_exact(r).map_err(|_| memory_error(vm))
}

fn iter_obj(cls: &TypeRef, s: ItertoolsState) -> Value {
    Value::obj(
        cls.clone(),
        ObjKind::Iter(PyCell::new(IterState::Itertools(Box::new(s)))),
    )
}

fn exhausted_obj(cls: &TypeRef) -> Value {
    Value::obj(
        cls.clone(),
        ObjKind::Iter(PyCell::new(IterState::Exhausted)),
    )
}

/// The class being instantiated (`args[0]` of a `native_new`).
fn cls_of(args: &[Value], default: &TypeRef) -> TypeRef {
    match args.first() {
        Some(Value::Type(t)) => t.clone(),
        _ => default.clone(),
    }
}

// ---------------------------------------------------------------------------
// Constructors of the `IterState` iterators

fn cycle_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "cycle", a, kwargs, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_cycle),
        ItertoolsState::Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
        },
    ))
}

fn chain_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "chain", kwargs)?;
    let sources = vm.get_iter(&Value::tuple(rest(args).to_vec()))?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_chain),
        ItertoolsState::Chain {
            sources,
            active: None,
        },
    ))
}

/// `chain.from_iterable(iterable)`, a class method.
fn chain_from_iterable(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "chain.from_iterable", kwargs)?;
    check_args(vm, "chain.from_iterable", &args[1.min(args.len())..], 1, 1)?;
    let sources = vm.get_iter(&args[1])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_chain),
        ItertoolsState::Chain {
            sources,
            active: None,
        },
    ))
}

fn islice_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    const STOP: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDICES: &str = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STEP: &str = "Step for islice() must be a positive integer or None.";
    let a = rest(args);
    positional(vm, "islice", a, kwargs, 2, 4)?;
    // CPython's order and encoding: -1 is "no stop", and a start or step that is
    // not a machine-sized integer becomes -1 too, which the range checks reject.
    let (mut start, mut stop, mut step) = (0i64, -1i64, 1i64);
    let stop_arg = if a.len() == 2 {
        &a[1]
    } else {
        if !a[1].is_none() {
            start = islice_index(vm, &a[1]).unwrap_or(-1);
        }
        &a[2]
    };
    if !stop_arg.is_none() {
        stop = match islice_index(vm, stop_arg) {
            Some(s) if s != -1 => s,
            _ => return Err(vm.value_error(STOP)),
        };
    }
    if start < 0 || stop < -1 {
        return Err(vm.value_error(INDICES));
    }
    if let Some(s) = a.get(3) {
        if !s.is_none() {
            step = islice_index(vm, s).unwrap_or(-1);
        }
    }
    if step < 1 {
        return Err(vm.value_error(STEP));
    }
    let it = vm.get_iter(&a[0])?;
    // All three are non-negative here.
    let as_usize = |x: i64| usize::try_from(x).unwrap_or(usize::MAX);
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_islice),
        ItertoolsState::Islice {
            it,
            next: as_usize(start),
            stop: (stop >= 0).then(|| as_usize(stop)),
            step: as_usize(step),
            taken: 0,
        },
    ))
}

fn accumulate_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [iterable, func, initial] = parse_clinic_args(
        vm,
        "accumulate",
        ["iterable", "func", "initial"],
        2,
        1,
        rest(args),
        kwargs,
    )?;
    let it = vm.get_iter(&iterable.unwrap_or(Value::None))?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_accumulate),
        ItertoolsState::Accumulate {
            it,
            func: func.filter(|f| !f.is_none()),
            total: None,
            initial: initial.filter(|v| !v.is_none()),
        },
    ))
}

fn zip_longest_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let fill = match kwargs {
        [] => Value::None,
        [(k, v)] if k.as_str() == "fillvalue" => v.clone(),
        _ => return Err(vm.type_error("zip_longest() got an unexpected keyword argument")),
    };
    let mut iters = Vec::with_capacity(rest(args).len());
    for a in rest(args) {
        iters.push(Some(vm.get_iter(a)?));
    }
    let active = iters.len();
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_zip_longest),
        ItertoolsState::ZipLongest {
            iters,
            fill,
            active,
        },
    ))
}

fn product_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let mut repeat = 1;
    if kwargs.len() > 1 {
        return Err(vm.type_error(format!(
            "product() takes at most 1 keyword argument ({} given)",
            kwargs.len()
        )));
    }
    if let Some((k, v)) = kwargs.first() {
        if k.as_str() != "repeat" {
            return Err(vm.type_error(format!(
                "product() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
        repeat = ssize(vm, v)?;
        if repeat < 0 {
            return Err(vm.value_error("repeat argument cannot be negative"));
        }
    }
    // With repeat=0 the iterables are not even read: the product is one empty tuple.
    let sources = if repeat == 0 { &[][..] } else { rest(args) };
    let mut pools: Vec<Rc<[Value]>> = Vec::with_capacity(sources.len());
    for a in sources {
        pools.push(Rc::from(vm.collect_iterable(a)?));
    }
    let copies = usize::try_from(repeat).unwrap_or(usize::MAX);
    let npools = pools
        .len()
        .checked_mul(copies)
        .ok_or_else(|| vm.overflow_error("repeat argument too large"))?;
    let mut all: Vec<Rc<[Value]>> = Vec::new();
    if all.try_reserve_exact(npools).is_err() {
        return Err(memory_error(vm));
    }
    for _ in 0..copies.min(npools) {
        all.extend(pools.iter().cloned());
    }
    let indices = filled(vm, npools, 0usize)?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_product),
        ItertoolsState::Product(Product {
            pools: all.into_boxed_slice(),
            indices: indices.into_boxed_slice(),
            started: false,
        }),
    ))
}

/// The r of `permutations`: an int (not merely `__index__`-able) or None.
fn permutations_r(vm: &mut Vm, r: &Value) -> PyResult<i64> {
    let is_int = match r {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => true,
        Value::Instance(_) => matches!(
            vm.builtin_base(r),
            Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        ),
        _ => false,
    };
    if !is_int {
        return Err(vm.type_error("Expected int as r"));
    }
    ssize(vm, r)
}

fn permutations_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [iterable, r] = parse_clinic_args(
        vm,
        "permutations",
        ["iterable", "r"],
        2,
        1,
        rest(args),
        kwargs,
    )?;
    let pool = vm.collect_iterable(&iterable.unwrap_or(Value::None))?;
    let n = pool.len();
    let r = match r {
        Some(r) if !r.is_none() => permutations_r(vm, &r)?,
        _ => i64::try_from(n).unwrap_or(i64::MAX),
    };
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    let cls = cls_of(args, &vm.types.itertools_permutations);
    let r = usize::try_from(r).unwrap_or(usize::MAX);
    if r > n {
        reserve_indices(vm, r)?;
        return Ok(exhausted_obj(&cls));
    }
    Ok(iter_obj(
        &cls,
        ItertoolsState::Permutations(Permutations {
            pool: pool.into_boxed_slice(),
            indices: (0..n).collect(),
            cycles: (0..r).map(|i| n - i).collect(),
            started: false,
        }),
    ))
}

fn combinations_common(
    vm: &mut Vm,
    name: &str,
    args: &[Value],
    kwargs: &[KwArg],
) -> PyResult<(Vec<Value>, usize)> {
    let [iterable, r] = parse_clinic_args(vm, name, ["iterable", "r"], 2, 2, rest(args), kwargs)?;
    // r is converted before the iterable is read, as Argument Clinic does.
    let r = ssize(vm, &r.unwrap_or(Value::None))?;
    let pool = vm.collect_iterable(&iterable.unwrap_or(Value::None))?;
    if r < 0 {
        return Err(vm.value_error("r must be non-negative"));
    }
    Ok((pool, usize::try_from(r).unwrap_or(usize::MAX)))
}

fn combinations_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let (pool, r) = combinations_common(vm, "combinations", args, kwargs)?;
    let cls = cls_of(args, &vm.types.itertools_combinations);
    if r > pool.len() {
        reserve_indices(vm, r)?;
        return Ok(exhausted_obj(&cls));
    }
    Ok(iter_obj(
        &cls,
        ItertoolsState::Combinations(Combinations {
            pool: pool.into_boxed_slice(),
            indices: (0..r).collect(),
            started: false,
        }),
    ))
}

fn cwr_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let (pool, r) = combinations_common(vm, "combinations_with_replacement", args, kwargs)?;
    let cls = cls_of(args, &vm.types.itertools_combinations_with_replacement);
    if pool.is_empty() && r > 0 {
        return Ok(exhausted_obj(&cls));
    }
    let indices = filled(vm, r, 0usize)?;
    Ok(iter_obj(
        &cls,
        ItertoolsState::CombinationsWithReplacement(Combinations {
            pool: pool.into_boxed_slice(),
            indices: indices.into_boxed_slice(),
            started: false,
        }),
    ))
}

fn compress_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [data, selectors] = parse_clinic_args(
        vm,
        "compress",
        ["data", "selectors"],
        2,
        2,
        rest(args),
        kwargs,
    )?;
    let data = vm.get_iter(&data.unwrap_or(Value::None))?;
    let selectors = vm.get_iter(&selectors.unwrap_or(Value::None))?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_compress),
        ItertoolsState::Compress { data, selectors },
    ))
}

fn dropwhile_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "dropwhile", a, kwargs, 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_dropwhile),
        ItertoolsState::DropWhile {
            pred: a[0].clone(),
            it,
            dropping: true,
        },
    ))
}

fn takewhile_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "takewhile", a, kwargs, 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_takewhile),
        ItertoolsState::TakeWhile {
            pred: a[0].clone(),
            it,
        },
    ))
}

fn filterfalse_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "filterfalse", a, kwargs, 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    // CPython tests truth directly for None and for bool itself.
    let plain = a[0].is_none() || matches!(&a[0], Value::Type(t) if Rc::ptr_eq(t, &vm.types.bool_));
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_filterfalse),
        ItertoolsState::FilterFalse {
            func: (!plain).then(|| a[0].clone()),
            it,
        },
    ))
}

fn starmap_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "starmap", a, kwargs, 2, 2)?;
    let it = vm.get_iter(&a[1])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_starmap),
        ItertoolsState::StarMap {
            func: a[0].clone(),
            it,
        },
    ))
}

fn pairwise_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let a = rest(args);
    positional(vm, "pairwise", a, kwargs, 1, 1)?;
    let it = vm.get_iter(&a[0])?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_pairwise),
        ItertoolsState::Pairwise { it, old: None },
    ))
}

fn batched_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [iterable, n, strict] = parse_clinic_args(
        vm,
        "batched",
        ["iterable", "n", "strict"],
        2,
        2,
        rest(args),
        kwargs,
    )?;
    let n = ssize(vm, &n.unwrap_or(Value::None))?;
    let strict = match strict {
        Some(s) => vm.truthy(&s)?,
        None => false,
    };
    if n < 1 {
        return Err(vm.value_error("n must be at least one"));
    }
    let it = vm.get_iter(&iterable.unwrap_or(Value::None))?;
    Ok(iter_obj(
        &cls_of(args, &vm.types.itertools_batched),
        ItertoolsState::Batched {
            it,
            n: usize::try_from(n).unwrap_or(usize::MAX),
            strict,
        },
    ))
}

/// `__next__` of the `IterState` iterator types, for code that calls it directly.
fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(it @ Value::Obj(o)) = args.first() else {
        return Err(vm.type_error("descriptor '__next__' needs an itertools iterator"));
    };
    if !matches!(o.kind, ObjKind::Iter(_)) {
        return Err(vm.type_error(format!(
            "descriptor '__next__' doesn't apply to a '{}' object",
            vm.type_name(it)
        )));
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

// ---------------------------------------------------------------------------
// count and repeat: native objects, for their reprs

/// CPython's two modes: an int start that fits a machine word with step 1 counts
/// in an `i64`; anything else adds the step with `+`.
enum Count {
    Fast(i64),
    Slow { cnt: Value, step: Value },
}

struct Repeat {
    obj: Value,
    /// None repeats forever.
    times: Option<i64>,
}

fn native_obj(cls: TypeRef, data: impl Any) -> Value {
    Value::obj(cls, ObjKind::Native(PyCell::new(Box::new(data))))
}

/// Run `f` on a native object's data of type `T`, under a short borrow.
fn with_native<T: Any, R>(v: &Value, f: impl FnOnce(&mut T) -> R) -> Option<R> {
    let Value::Obj(o) = v else { return None };
    let ObjKind::Native(cell) = &o.kind else {
        return None;
    };
    let mut data = cell.borrow_mut();
    let any: &mut dyn Any = &mut **data;
    any.downcast_mut::<T>().map(f)
}

fn receiver<'a>(vm: &Vm, tname: &str, method: &str, args: &'a [Value]) -> PyResult<&'a Value> {
    args.first().ok_or_else(|| {
        vm.type_error(format!(
            "unbound method {tname}.{method}() needs an argument"
        ))
    })
}

fn wrong_receiver(vm: &Vm, tname: &str, method: &str, v: &Value) -> PyErr {
    vm.type_error(format!(
        "descriptor '{method}' for 'itertools.{tname}' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    ))
}

/// `PyNumber_Check`: what `count` accepts.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Instance(_) | Value::Obj(_) => {
            let cls = vm.type_of(v);
            let names = [
                vm.names.d_index.clone(),
                vm.names.d_int.clone(),
                vm.names.d_float.clone(),
                vm.intern("__complex__"),
            ];
            names
                .iter()
                .any(|n| cls.lookup(n).is_some_and(|m| !m.is_none()))
        }
        _ => false,
    }
}

/// The int value of `v` if it is an int (`PyLong_Check`), else None.
fn as_int(vm: &Vm, v: &Value) -> Option<Value> {
    match v {
        Value::Int(_) | Value::BigInt(_) => Some(v.clone()),
        Value::Bool(b) => Some(Value::Int(*b as i64)),
        Value::Instance(_) => match vm.builtin_base(v) {
            Some(b @ (Value::Int(_) | Value::BigInt(_))) => Some(b),
            Some(Value::Bool(b)) => Some(Value::Int(b as i64)),
            _ => None,
        },
        _ => None,
    }
}

fn count_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [start, step] =
        parse_clinic_args(vm, "count", ["start", "step"], 2, 0, rest(args), kwargs)?;
    let start_ok = start.as_ref().is_none_or(|v| is_number(vm, v));
    if !start_ok || !step.as_ref().is_none_or(|v| is_number(vm, v)) {
        return Err(vm.type_error("a number is required"));
    }
    let start = start.unwrap_or(Value::Int(0));
    let step = step.unwrap_or(Value::Int(1));
    let fast = match (as_int(vm, &start), as_int(vm, &step)) {
        (Some(Value::Int(s)), Some(Value::Int(1))) if s != i64::MAX => Some(s),
        _ => None,
    };
    let state = match fast {
        Some(s) => Count::Fast(s),
        None => Count::Slow { cnt: start, step },
    };
    Ok(native_obj(cls_of(args, &vm.types.itertools_count), state))
}

fn count_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "count", "__next__", args)?;
    let slow = with_native(this, |c: &mut Count| match c {
        Count::Fast(i) => {
            let v = *i;
            // At the top of the machine range CPython switches to adding Python ints
            // (a fast count never holds i64::MAX, so the increment cannot overflow).
            let n = v.saturating_add(1);
            *c = if n < i64::MAX {
                Count::Fast(n)
            } else {
                Count::Slow {
                    cnt: Value::Int(n),
                    step: Value::Int(1),
                }
            };
            Err(Value::Int(v))
        }
        Count::Slow { cnt, step } => Ok((cnt.clone(), step.clone())),
    });
    let (cnt, step) = match slow {
        Some(Ok(pair)) => pair,
        Some(Err(v)) => return Ok(v),
        None => return Err(wrong_receiver(vm, "count", "__next__", this)),
    };
    let stepped = vm.binary_op(BinOp::Add, &cnt, &step)?;
    let old = with_native(this, |c: &mut Count| match c {
        Count::Slow { cnt, .. } => Some(std::mem::replace(cnt, stepped)),
        Count::Fast(_) => None,
    });
    drop(old);
    Ok(cnt)
}

fn count_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "count", "__repr__", args)?;
    let name = vm.type_of(this).name();
    let state = with_native(this, |c: &mut Count| match c {
        Count::Fast(i) => Err(*i),
        Count::Slow { cnt, step } => Ok((cnt.clone(), step.clone())),
    });
    let (cnt, step) = match state {
        Some(Ok(pair)) => pair,
        Some(Err(i)) => return Ok(Value::from_string(format!("{}({i})", name.as_str()))),
        None => return Err(wrong_receiver(vm, "count", "__repr__", this)),
    };
    let c = vm.repr(&cnt)?;
    // A step that is the int 1 is left out.
    if matches!(as_int(vm, &step), Some(Value::Int(1))) {
        return Ok(Value::from_string(format!(
            "{}({})",
            name.as_str(),
            c.as_str()
        )));
    }
    let s = vm.repr(&step)?;
    Ok(Value::from_string(format!(
        "{}({}, {})",
        name.as_str(),
        c.as_str(),
        s.as_str()
    )))
}

/// `count.__reduce__`, which `copy.copy` uses (CPython 3.13 still supports it).
fn count_reduce(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "count", "__reduce__", args)?;
    let cls = Value::Type(vm.type_of(this));
    let state = with_native(this, |c: &mut Count| match c {
        Count::Fast(i) => vec![Value::Int(*i)],
        Count::Slow { cnt, step } => vec![cnt.clone(), step.clone()],
    });
    match state {
        Some(args) => Ok(Value::tuple(vec![cls, Value::tuple(args)])),
        None => Err(wrong_receiver(vm, "count", "__reduce__", this)),
    }
}

fn repeat_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [obj, times] =
        parse_clinic_args(vm, "repeat", ["object", "times"], 2, 1, rest(args), kwargs)?;
    let times = match times {
        Some(t) => Some(ssize(vm, &t)?.max(0)),
        None => None,
    };
    Ok(native_obj(
        cls_of(args, &vm.types.itertools_repeat),
        Repeat {
            obj: obj.unwrap_or(Value::None),
            times,
        },
    ))
}

fn repeat_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "repeat", "__next__", args)?;
    let r = with_native(this, |r: &mut Repeat| match &mut r.times {
        None => Some(r.obj.clone()),
        Some(0) => None,
        Some(n) => {
            *n -= 1;
            Some(r.obj.clone())
        }
    });
    match r {
        Some(Some(v)) => Ok(v),
        Some(None) => Err(vm.stop_iteration(Value::None)),
        None => Err(wrong_receiver(vm, "repeat", "__next__", this)),
    }
}

fn repeat_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "repeat", "__repr__", args)?;
    let name = vm.type_of(this).name();
    let Some((obj, times)) = with_native(this, |r: &mut Repeat| (r.obj.clone(), r.times)) else {
        return Err(wrong_receiver(vm, "repeat", "__repr__", this));
    };
    let o = vm.repr(&obj)?;
    Ok(Value::from_string(match times {
        None => format!("{}({})", name.as_str(), o.as_str()),
        Some(n) => format!("{}({}, {n})", name.as_str(), o.as_str()),
    }))
}

/// `repeat.__reduce__`, which `copy.copy` uses.
fn repeat_reduce(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "repeat", "__reduce__", args)?;
    let cls = Value::Type(vm.type_of(this));
    let state = with_native(this, |r: &mut Repeat| match r.times {
        Some(n) => vec![r.obj.clone(), Value::Int(n)],
        None => vec![r.obj.clone()],
    });
    match state {
        Some(args) => Ok(Value::tuple(vec![cls, Value::tuple(args)])),
        None => Err(wrong_receiver(vm, "repeat", "__reduce__", this)),
    }
}

fn repeat_length_hint(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let this = receiver(vm, "repeat", "__length_hint__", args)?;
    match with_native(this, |r: &mut Repeat| r.times) {
        Some(Some(n)) => Ok(Value::Int(n)),
        Some(None) => Err(vm.type_error("len() of unsized object")),
        None => Err(wrong_receiver(vm, "repeat", "__length_hint__", this)),
    }
}

// ---------------------------------------------------------------------------
// Registration

/// Give the built-in itertools types their constructors and methods (at start-up).
pub fn install(vm: &mut Vm) {
    let t = vm.types;
    let iter_types: [(&TypeRef, crate::object::NativeFn); 16] = [
        (&t.itertools_cycle, cycle_new),
        (&t.itertools_chain, chain_new),
        (&t.itertools_islice, islice_new),
        (&t.itertools_accumulate, accumulate_new),
        (&t.itertools_zip_longest, zip_longest_new),
        (&t.itertools_product, product_new),
        (&t.itertools_permutations, permutations_new),
        (&t.itertools_combinations, combinations_new),
        (&t.itertools_combinations_with_replacement, cwr_new),
        (&t.itertools_compress, compress_new),
        (&t.itertools_dropwhile, dropwhile_new),
        (&t.itertools_takewhile, takewhile_new),
        (&t.itertools_filterfalse, filterfalse_new),
        (&t.itertools_starmap, starmap_new),
        (&t.itertools_pairwise, pairwise_new),
        (&t.itertools_batched, batched_new),
    ];
    for (cls, new) in iter_types {
        set_native_new(cls, new);
        add_method(vm, cls, "__next__", iter_next);
        add_method(vm, cls, "__iter__", iter_self);
    }
    set_native_new(&t.itertools_count, count_new);
    set_native_new(&t.itertools_repeat, repeat_new);
    let native_methods: [(&TypeRef, &'static str, crate::object::NativeFn); 9] = [
        (&t.itertools_count, "__next__", count_next),
        (&t.itertools_count, "__iter__", iter_self),
        (&t.itertools_count, "__repr__", count_repr),
        (&t.itertools_count, "__reduce__", count_reduce),
        (&t.itertools_repeat, "__next__", repeat_next),
        (&t.itertools_repeat, "__iter__", iter_self),
        (&t.itertools_repeat, "__repr__", repeat_repr),
        (&t.itertools_repeat, "__reduce__", repeat_reduce),
        (&t.itertools_repeat, "__length_hint__", repeat_length_hint),
    ];
    for (cls, name, f) in native_methods {
        add_method(vm, cls, name, f);
    }

    let from_iterable = Value::Builtin(Rc::new(Builtin {
        name: "from_iterable",
        func: chain_from_iterable,
        bound: None,
        kind: crate::object::function::BuiltinKind::Function,
        owner: "chain",
        weakrefs: Default::default(),
    }));
    t.itertools_chain.dict.set_str(
        vm.intern("from_iterable"),
        crate::builtins::classmethod_descriptor(vm, from_iterable),
    );
    for cls in all_types(vm) {
        cls.dict
            .set_str(vm.names.d_module.clone(), Value::str("itertools"));
    }
}

fn all_types(vm: &Vm) -> [&'static TypeRef; 18] {
    let t = vm.types;
    [
        &t.itertools_count,
        &t.itertools_repeat,
        &t.itertools_cycle,
        &t.itertools_chain,
        &t.itertools_islice,
        &t.itertools_accumulate,
        &t.itertools_zip_longest,
        &t.itertools_product,
        &t.itertools_permutations,
        &t.itertools_combinations,
        &t.itertools_combinations_with_replacement,
        &t.itertools_compress,
        &t.itertools_dropwhile,
        &t.itertools_takewhile,
        &t.itertools_filterfalse,
        &t.itertools_starmap,
        &t.itertools_pairwise,
        &t.itertools_batched,
    ]
}

/// The `_itertools` module: the native types, under their own names.
pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for cls in all_types(vm) {
        d.set_str(cls.name(), Value::Type(cls.clone()));
    }
    Ok(())
}

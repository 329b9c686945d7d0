//! `_heapq`: the native heap functions CPython's heapq.py imports (the min-heap ones
//! and the `_max` variants of CPython 3.13). Every comparison is the runtime's `<`,
//! which may run Python code; after each one the list's length is checked again and
//! items are read afresh, as CPython does. Depends on core's public API.

use std::rc::Rc;
use tripwire_core::builtins::add_function;
use tripwire_core::builtins::functions::less;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, List, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// Which item a heap keeps on top: the smallest or the largest.
#[derive(Clone, Copy)]
enum Order {
    Min,
    Max,
}

impl Order {
    /// Whether `a` belongs above `b`.
    fn above(self, vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
        match self {
            Order::Min => less(vm, a, b),
            Order::Max => less(vm, b, a),
        }
    }
}

fn out_of_range(vm: &Vm) -> tripwire_core::PyErr {
    vm.index_error("index out of range")
}

/// Compare the items at `i` and `j` (`i` above `j`?), then fail if the comparison
/// resized the heap from `size`.
fn above_at(vm: &mut Vm, heap: &List, order: Order, i: usize, j: usize) -> PyResult<bool> {
    let size = heap.len();
    let (a, b) = {
        let items = heap.items.borrow();
        (items[i].clone(), items[j].clone())
    };
    let above = order.above(vm, &a, &b)?;
    if heap.len() != size {
        return Err(vm.runtime_error("list changed size during iteration"));
    }
    Ok(above)
}

/// Move the item at `pos` up towards `start` while it belongs above its parent.
fn sift_towards_root(
    vm: &mut Vm,
    heap: &List,
    order: Order,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    if pos >= heap.len() {
        return Err(out_of_range(vm));
    }
    while pos > start {
        let parent = (pos - 1) >> 1;
        if !above_at(vm, heap, order, pos, parent)? {
            break;
        }
        heap.items.borrow_mut().swap(parent, pos);
        pos = parent;
    }
    Ok(())
}

/// Move the item at `pos` down to a leaf, always along the child that belongs
/// higher, then back up to its place: fewer comparisons than stopping early.
fn sift_towards_leaves(vm: &mut Vm, heap: &List, order: Order, pos: usize) -> PyResult<()> {
    let end = heap.len();
    if pos >= end {
        return Err(out_of_range(vm));
    }
    let start = pos;
    let mut pos = pos;
    while pos < end >> 1 {
        let mut child = 2 * pos + 1;
        if child + 1 < end && !above_at(vm, heap, order, child, child + 1)? {
            child += 1;
        }
        heap.items.borrow_mut().swap(child, pos);
        pos = child;
    }
    sift_towards_root(vm, heap, order, start, pos)
}

/// The list argument `name` takes (list subclasses too), or CPython's TypeError.
fn heap_arg(vm: &Vm, name: &str, which: &str, v: &Value) -> PyResult<Rc<List>> {
    match v {
        Value::List(l) => Ok(l.clone()),
        _ => match vm.builtin_base(v) {
            Some(Value::List(l)) => Ok(l),
            // Argument Clinic names None itself, other values by type.
            _ => Err(vm.type_error(format!(
                "{name}() {which} must be list, not {}",
                if v.is_none() {
                    "None".into()
                } else {
                    vm.type_name(v)
                }
            ))),
        },
    }
}

/// The heap of a one-argument function.
fn only_heap(vm: &Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<Rc<List>> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    match args {
        [heap] => heap_arg(vm, name, "argument", heap),
        _ => Err(vm.type_error(format!(
            "_heapq.{name}() takes exactly one argument ({} given)",
            args.len()
        ))),
    }
}

/// The heap and item of a two-argument function.
fn heap_and_item(vm: &Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<(Rc<List>, Value)> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("_heapq.{name}() takes no keyword arguments")));
    }
    match args {
        [heap, item] => Ok((heap_arg(vm, name, "argument 1", heap)?, item.clone())),
        _ => Err(vm.type_error(format!("{name} expected 2 arguments, got {}", args.len()))),
    }
}

fn heappush(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (heap, item) = heap_and_item(vm, "heappush", args, kw)?;
    heap.items.borrow_mut().push(item);
    sift_towards_root(vm, &heap, Order::Min, 0, heap.len() - 1)?;
    Ok(Value::None)
}

/// Take the top item off: the last item goes on top and sinks to its place.
fn pop(vm: &mut Vm, heap: &List, order: Order) -> PyResult<Value> {
    let Some(last) = heap.items.borrow_mut().pop() else {
        return Err(out_of_range(vm));
    };
    if heap.is_empty() {
        return Ok(last);
    }
    let top = std::mem::replace(&mut heap.items.borrow_mut()[0], last);
    sift_towards_leaves(vm, heap, order, 0)?;
    Ok(top)
}

/// Put `item` on top in place of the top item, which is returned, and sink it.
fn replace(vm: &mut Vm, heap: &List, order: Order, item: Value) -> PyResult<Value> {
    let top = match heap.items.borrow_mut().first_mut() {
        Some(slot) => std::mem::replace(slot, item),
        None => return Err(out_of_range(vm)),
    };
    sift_towards_leaves(vm, heap, order, 0)?;
    Ok(top)
}

/// Order the whole list. A large heap is built subtree by subtree, each finished
/// while its items are still in cache.
fn heapify_list(vm: &mut Vm, heap: &List, order: Order) -> PyResult<()> {
    let n = heap.len();
    if n <= 2500 {
        for i in (0..n / 2).rev() {
            sift_towards_leaves(vm, heap, order, i)?;
        }
        return Ok(());
    }
    let first_leaf = n / 2;
    let row_start = (1usize << (usize::BITS - 1 - (first_leaf + 1).leading_zeros())) - 1;
    let parents = (first_leaf / 2..row_start).rev();
    for i in parents.chain((row_start..first_leaf).rev()) {
        let mut j = i;
        loop {
            sift_towards_leaves(vm, heap, order, j)?;
            if j & 1 == 0 {
                break;
            }
            j >>= 1;
        }
    }
    Ok(())
}

fn heappop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let heap = only_heap(vm, "heappop", args, kw)?;
    pop(vm, &heap, Order::Min)
}

fn heappop_max(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let heap = only_heap(vm, "_heappop_max", args, kw)?;
    pop(vm, &heap, Order::Max)
}

fn heapify(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let heap = only_heap(vm, "heapify", args, kw)?;
    heapify_list(vm, &heap, Order::Min)?;
    Ok(Value::None)
}

fn heapify_max(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let heap = only_heap(vm, "_heapify_max", args, kw)?;
    heapify_list(vm, &heap, Order::Max)?;
    Ok(Value::None)
}

fn heapreplace(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (heap, item) = heap_and_item(vm, "heapreplace", args, kw)?;
    replace(vm, &heap, Order::Min, item)
}

fn heapreplace_max(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (heap, item) = heap_and_item(vm, "_heapreplace_max", args, kw)?;
    replace(vm, &heap, Order::Max, item)
}

/// Push then pop, in one sift: `item` itself comes back when it would be on top.
fn heappushpop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (heap, item) = heap_and_item(vm, "heappushpop", args, kw)?;
    let Some(top) = heap.items.borrow().first().cloned() else {
        return Ok(item);
    };
    if !less(vm, &top, &item)? {
        return Ok(item);
    }
    replace(vm, &heap, Order::Min, item)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&str, NativeFn)] = &[
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("_heappop_max", heappop_max),
        ("_heapify_max", heapify_max),
        ("_heapreplace_max", heapreplace_max),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_heapq", name, *f);
    }
    Ok(())
}

//! Weak references at the object level: the mark a weakly referenced object carries,
//! the table from such an object's address to the weak reference objects that point
//! at it, and the data one weak reference object holds.
//!
//! An object that was never weakly referenced pays one flag test when it dies (its
//! `WeakrefMark`); only a marked object's death looks the table up. A weak reference
//! object (a `ref`, a subclass instance, a proxy) is an instance whose first hidden
//! slot holds a native `WeakRefData`. No Python code runs here: the callbacks of the
//! references cleared by a death are handed to the caller (`vm::weakrefs`).

use super::weak_value::WeakValue;
use super::{ObjKind, Object, PyCell, Value};
use hashbrown::HashMap;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Set on an object once a weak reference to it has been made.
#[derive(Default)]
pub struct WeakrefMark(Cell<bool>);

impl WeakrefMark {
    #[inline(always)]
    pub fn is_set(&self) -> bool {
        self.0.get()
    }
}

/// The mark of an object of a kind that can be weakly referenced.
pub fn mark_of(v: &Value) -> Option<&WeakrefMark> {
    match v {
        Value::Instance(o) => Some(&o.weakrefs),
        Value::Function(o) => Some(&o.weakrefs),
        Value::Type(o) => Some(&o.weakrefs),
        Value::Set(o) => Some(&o.weakrefs),
        Value::Generator(o) => Some(&o.weakrefs),
        Value::Module(o) => Some(&o.weakrefs),
        Value::Code(o) => Some(&o.weakrefs),
        Value::Method(o) => Some(&o.weakrefs),
        Value::Builtin(o) => Some(&o.weakrefs),
        _ => None,
    }
}

/// What a weak reference object knows of its referent.
pub struct WeakRefData {
    /// None once the referent died.
    target: Option<WeakValue>,
    /// Called with the weak reference object when the referent dies; None when
    /// there is none or once it was taken.
    callback: Value,
    /// The referent's hash, kept once computed (it outlives the referent).
    pub hash: Option<i64>,
}

impl WeakRefData {
    /// The native object holding a new reference's data.
    pub fn new_object(
        cls: super::TypeRef,
        referent: &Value,
        callback: Value,
    ) -> Option<Rc<Object>> {
        let data = WeakRefData {
            target: Some(WeakValue::new(referent)?),
            callback,
            hash: None,
        };
        let tracked = !data.callback.is_none();
        let obj = Rc::new(Object {
            cls,
            kind: ObjKind::Native(PyCell::new(Box::new(data))),
        });
        if tracked {
            // The callback may refer back to the reference (a cycle through it).
            super::tracking::object(&obj);
        }
        Some(obj)
    }

    pub fn referent(&self) -> Option<Value> {
        self.target.as_ref()?.upgrade()
    }

    pub fn callback(&self) -> Value {
        self.callback.clone()
    }
}

/// Run `f` on the data of the weak reference object `o` (None if it is not one).
/// `f` must not run Python code or drop values.
pub fn with_data<R>(o: &Object, f: impl FnOnce(&mut WeakRefData) -> R) -> Option<R> {
    let ObjKind::Native(cell) = &o.kind else {
        return None;
    };
    let mut b = cell.borrow_mut();
    let any: &mut dyn std::any::Any = &mut **b;
    any.downcast_mut::<WeakRefData>().map(f)
}

/// The native data object of weak reference object `handle`: the value itself or
/// the first hidden slot of an instance (of `ref` subclasses and proxies).
pub fn data_object(handle: &Value) -> Option<Rc<Object>> {
    let o = match handle {
        Value::Obj(o) => o.clone(),
        Value::Instance(i) => match i.slots.borrow().first() {
            Some(Value::Obj(o)) => o.clone(),
            _ => return None,
        },
        _ => return None,
    };
    with_data(&o, |_| ())?;
    Some(o)
}

/// Call `f` on the values a weak reference's data object holds (for the collector).
pub fn traverse(o: &Object, f: &mut dyn FnMut(&Value)) {
    if let Some(cb) = with_data(o, |d| d.callback.clone()) {
        f(&cb);
    }
}

/// Drop the callback of a garbage weak reference, breaking cycles through it.
pub fn clear(o: &Object) {
    let old = with_data(o, |d| std::mem::take(&mut d.callback));
    drop(old);
}

thread_local! {
    // ManuallyDrop: weak handles only; nothing to release at thread exit.
    static TABLE: std::mem::ManuallyDrop<RefCell<HashMap<usize, Vec<WeakValue>>>> =
        std::mem::ManuallyDrop::new(RefCell::new(HashMap::new()));
}

/// The live weak reference objects to `referent`, in the table's order (CPython's:
/// the plain `ref`, then the plain proxy, then the others, newest first). Dead
/// entries are dropped, so an index into the answer is an index for `insert`.
pub fn handles(referent: &Value) -> Vec<Value> {
    let (Some(addr), Some(mark)) = (referent.ptr(), mark_of(referent)) else {
        return Vec::new();
    };
    if !mark.is_set() {
        return Vec::new();
    }
    let dead = TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let Some(list) = t.get_mut(&addr) else {
            return Vec::new();
        };
        let (live, dead): (Vec<WeakValue>, Vec<WeakValue>) =
            std::mem::take(list).into_iter().partition(|h| h.is_alive());
        *list = live;
        dead
    });
    drop(dead);
    TABLE.with(|t| {
        t.borrow()
            .get(&addr)
            .map(|list| list.iter().filter_map(|h| h.upgrade()).collect())
            .unwrap_or_default()
    })
}

/// Record weak reference object `handle` to `referent` at position `at` of its list.
pub fn insert(referent: &Value, handle: &Value, at: usize) {
    let (Some(addr), Some(mark), Some(h)) =
        (referent.ptr(), mark_of(referent), WeakValue::new(handle))
    else {
        return;
    };
    mark.0.set(true);
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        let list = t.entry(addr).or_default();
        list.insert(at.min(list.len()), h);
    });
}

/// The referent at `addr` is dying: clear every weak reference to it, and return
/// those with a callback (with the callback, taken from them), in the table's order.
pub fn clear_referent(addr: usize) -> Vec<(Value, Value)> {
    let Some(list) = TABLE
        .try_with(|t| t.borrow_mut().remove(&addr))
        .ok()
        .flatten()
    else {
        return Vec::new();
    };
    let mut due = Vec::new();
    let mut released = Vec::new();
    for h in list {
        let Some(handle) = h.upgrade() else { continue };
        let Some(data) = data_object(&handle) else {
            continue;
        };
        let taken = with_data(&data, |d| {
            (d.target.take(), std::mem::take(&mut d.callback))
        });
        if let Some((target, callback)) = taken {
            released.push(target);
            if !callback.is_none() {
                due.push((handle, callback));
            }
        }
    }
    drop(released);
    due
}

/// A dying object is revived (to run its `__del__`) at a new address: its weak
/// references now point at the revived object.
pub fn move_referent(addr: usize, revived: &Value) {
    let (Some(to), Some(mark)) = (revived.ptr(), mark_of(revived)) else {
        return;
    };
    let Some(list) = TABLE.with(|t| t.borrow_mut().remove(&addr)) else {
        return;
    };
    let mut released = Vec::new();
    for h in &list {
        let Some(data) = h.upgrade().and_then(|handle| data_object(&handle)) else {
            continue;
        };
        let target = WeakValue::new(revived);
        released.push(with_data(&data, |d| {
            std::mem::replace(&mut d.target, target)
        }));
    }
    drop(released);
    mark.0.set(true);
    TABLE.with(|t| t.borrow_mut().insert(to, list));
}

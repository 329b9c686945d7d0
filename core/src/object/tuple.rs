//! The tuple: one allocation holding the reference counts, the length and the items.
//!
//! `Rc<[Value]>` would be a fat pointer (the `Value` would grow to 24 bytes), and
//! `Rc<struct { Box<[Value]> }>` costs two allocations per tuple, which the iterators
//! that make a tuple per item (zip, enumerate, dict items, permutations) pay on every
//! step. `TupleRef` is a thin pointer to a `repr(C)` block laid out as `RcInner` is
//! (strong count first, as `Value::strong_count` expects of every heap variant), with
//! the length and the items inline after it.

use super::{trashcan, Value};
use std::alloc::Layout;
use std::cell::Cell;
use std::ptr::NonNull;

/// A tuple's allocation. Only ever seen through a `TupleRef`.
#[repr(C)]
pub struct Tuple {
    head: Head,
    pub items: [Value],
}

/// The sized start of a `Tuple`.
#[repr(C)]
struct Head {
    strong: Cell<usize>,
    /// Weak references plus one for all the strong ones together, as in `Rc`.
    weak: Cell<usize>,
    len: usize,
}

/// A strong reference to a tuple.
pub struct TupleRef(NonNull<Head>);

/// A weak reference to a tuple (the cycle collector's registry holds these).
pub struct WeakTuple(NonNull<Head>);

// The items follow the head with no padding, and the block is aligned as both.
const _: () = assert!(
    std::mem::size_of::<Head>().is_multiple_of(std::mem::align_of::<Value>())
        && std::mem::align_of::<Head>() == std::mem::align_of::<Value>()
);

fn layout(len: usize) -> Layout {
    let size = len
        .checked_mul(std::mem::size_of::<Value>())
        .and_then(|n| n.checked_add(std::mem::size_of::<Head>()));
    // A tuple too large for the address space cannot be asked for: its items would
    // have had to exist first.
    match size.map(|n| Layout::from_size_align(n, std::mem::align_of::<Head>())) {
        Some(Ok(l)) => l,
        _ => std::alloc::handle_alloc_error(Layout::new::<Head>()),
    }
}

/// A block for `len` items, counts set and items not yet written.
fn alloc(len: usize) -> NonNull<Head> {
    let l = layout(len);
    // SAFETY: the layout has a non-zero size (the head).
    let p = unsafe { std::alloc::alloc(l) } as *mut Head;
    let Some(p) = NonNull::new(p) else {
        std::alloc::handle_alloc_error(l)
    };
    // SAFETY: `p` is a fresh allocation large and aligned enough for the head.
    unsafe {
        p.as_ptr().write(Head {
            strong: Cell::new(1),
            weak: Cell::new(1),
            len,
        })
    };
    p
}

/// The first item slot of a block.
fn items_of(p: NonNull<Head>) -> *mut Value {
    // SAFETY: the items start right after the head (`repr(C)`, and a `Head` is a
    // multiple of `Value`'s alignment; `layout` computes the same offset).
    unsafe { p.as_ptr().add(1) as *mut Value }
}

impl TupleRef {
    /// A tuple of the items of `items`, which must report its exact length.
    pub fn from_exact<I>(items: I) -> TupleRef
    where
        I: IntoIterator<Item = Value>,
        I::IntoIter: ExactSizeIterator,
    {
        let mut items = items.into_iter();
        // An iterator that stops short leaves `None`s: every slot must hold a value.
        let built = TupleRef::try_build(items.len(), |_| {
            Ok::<_, std::convert::Infallible>(match items.next() {
                Some(v) => v,
                None => Value::None,
            })
        });
        match built {
            Ok(t) => t,
            Err(never) => match never {},
        }
    }

    /// A tuple of `len` items made by `item(0)`, `item(1)`... in order; the first
    /// error frees what was made and is returned.
    #[inline]
    pub fn try_build<E>(
        len: usize,
        mut item: impl FnMut(usize) -> Result<Value, E>,
    ) -> Result<TupleRef, E> {
        let block = alloc(len);
        let first = items_of(block);
        for i in 0..len {
            match item(i) {
                // SAFETY: `i < len`, a slot of the block.
                Ok(v) => unsafe { first.add(i).write(v) },
                Err(e) => {
                    // SAFETY: the first `i` slots hold values, dropped once here; no
                    // reference to the block was handed out.
                    unsafe {
                        for j in (0..i).rev() {
                            first.add(j).read().release();
                        }
                        std::alloc::dealloc(block.as_ptr() as *mut u8, layout(len));
                    }
                    return Err(e);
                }
            }
        }
        // A panic in `item` leaks the block, never a `TupleRef` to unwritten slots.
        Ok(TupleRef(block))
    }

    /// A tuple of the items of `items`, moved in as one block.
    pub fn from_vec(mut items: Vec<Value>) -> TupleRef {
        let len = items.len();
        let block = alloc(len);
        // SAFETY: the `len` items move to the `len` slots after the head; the vector
        // is emptied first, so each value keeps one owner.
        unsafe {
            items.set_len(0);
            std::ptr::copy_nonoverlapping(items.as_ptr(), items_of(block), len);
        }
        TupleRef(block)
    }

    fn head(&self) -> &Head {
        // SAFETY: a strong reference keeps the allocation and its head alive.
        unsafe { self.0.as_ref() }
    }

    fn items_ptr(&self) -> *mut Value {
        items_of(self.0)
    }

    pub fn strong_count(&self) -> usize {
        self.head().strong.get()
    }

    pub fn as_ptr(&self) -> *const u8 {
        self.0.as_ptr() as *const u8
    }

    pub fn ptr_eq(a: &TupleRef, b: &TupleRef) -> bool {
        a.0 == b.0
    }

    pub fn downgrade(&self) -> WeakTuple {
        let h = self.head();
        h.weak.set(h.weak.get() + 1);
        WeakTuple(self.0)
    }

    /// Whether this is the only reference, strong or weak: nothing else can see the
    /// items change.
    fn is_unique(&self) -> bool {
        let h = self.head();
        h.strong.get() == 1 && h.weak.get() == 1
    }

    /// The items, if this is the only reference.
    pub fn get_mut(&mut self) -> Option<&mut [Value]> {
        if !self.is_unique() {
            return None;
        }
        // SAFETY: the only reference is `self`, borrowed mutably.
        Some(unsafe { std::slice::from_raw_parts_mut(self.items_ptr(), self.head().len) })
    }

    /// Append the items to `dst`, last first, moving them out when this is the only
    /// reference (unpacking a tuple nobody else holds frees it without touching the
    /// items' counts).
    #[inline]
    pub fn push_items_rev(self, dst: &mut Vec<Value>) {
        let len = self.head().len;
        let unique = self.is_unique();
        dst.reserve(len);
        let from = self.items_ptr();
        // SAFETY: `reserve` made room for `len` values after `dst`'s end. An item is
        // either moved (the only reference: the block is then freed without dropping
        // the items, so each has one owner) or given a new reference.
        unsafe {
            let to = dst.as_mut_ptr().add(dst.len());
            if unique {
                for k in 0..len {
                    to.add(k).write(Value::read_split(from.add(len - 1 - k)));
                }
                dst.set_len(dst.len() + len);
                let block = std::mem::ManuallyDrop::new(self);
                std::alloc::dealloc(block.0.as_ptr() as *mut u8, layout(len));
            } else {
                for k in 0..len {
                    to.add(k).write((*from.add(len - 1 - k)).dup());
                }
                dst.set_len(dst.len() + len);
            }
        }
    }

    /// Free the tuple whose last strong reference went.
    #[cold]
    fn drop_slow(&mut self) {
        let len = self.head().len;
        let first = self.items_ptr();
        match trashcan::enter() {
            // CPython releases tuple items last to first.
            Some(_level) => {
                for i in (0..len).rev() {
                    // SAFETY: the strong count is zero; each item is dropped once.
                    unsafe { first.add(i).read().release() };
                }
            }
            None => {
                // SAFETY: as above; the items move out to be dropped later.
                let items = (0..len).rev().map(|i| unsafe { first.add(i).read() });
                trashcan::park(items.collect());
            }
        }
        // The strong references' shared weak reference.
        release_weak(self.0);
    }
}

/// Drop one weak reference; the block goes with the last.
fn release_weak(p: NonNull<Head>) {
    // SAFETY: the caller owns a weak reference, which keeps the head allocated.
    let h = unsafe { p.as_ref() };
    let w = h.weak.get() - 1;
    h.weak.set(w);
    if w == 0 {
        let len = h.len;
        // SAFETY: no references remain, and the items were dropped with the last
        // strong one.
        unsafe { std::alloc::dealloc(p.as_ptr() as *mut u8, layout(len)) };
    }
}

impl std::ops::Deref for TupleRef {
    type Target = Tuple;
    #[inline]
    fn deref(&self) -> &Tuple {
        let len = self.head().len;
        // A slice pointer cast to the tuple keeps the length as the tail's length.
        let fat = std::ptr::slice_from_raw_parts(self.0.as_ptr() as *const Value, len);
        // SAFETY: the block is alive and holds `len` initialised items after the head.
        unsafe { &*(fat as *const Tuple) }
    }
}

impl Clone for TupleRef {
    #[inline]
    fn clone(&self) -> TupleRef {
        let h = self.head();
        let n = h.strong.get().wrapping_add(1);
        h.strong.set(n);
        if n == 0 {
            // As `Rc::clone`: the count overflowed, which only leaked handles do.
            std::process::abort();
        }
        TupleRef(self.0)
    }
}

impl Drop for TupleRef {
    #[inline]
    fn drop(&mut self) {
        let h = self.head();
        let n = h.strong.get() - 1;
        h.strong.set(n);
        if n == 0 {
            self.drop_slow();
        }
    }
}

impl WeakTuple {
    #[inline]
    pub fn strong_count(&self) -> usize {
        // SAFETY: a weak reference keeps the head allocated.
        unsafe { self.0.as_ref() }.strong.get()
    }

    pub fn upgrade(&self) -> Option<TupleRef> {
        if self.strong_count() == 0 {
            return None;
        }
        let t = TupleRef(self.0);
        // The new strong reference.
        std::mem::forget(t.clone());
        Some(t)
    }
}

impl Drop for WeakTuple {
    fn drop(&mut self) {
        release_weak(self.0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_items_sit_where_the_tuple_type_says() {
        for len in [0usize, 1, 2, 7] {
            let t = TupleRef::from_exact((0..len).map(|i| Value::Int(i as i64)));
            assert_eq!(Layout::for_value(&*t), layout(len));
            assert_eq!(t.items.as_ptr(), t.items_ptr() as *const Value);
            let got: Vec<i64> = t
                .items
                .iter()
                .map(|v| match v {
                    Value::Int(i) => *i,
                    _ => -1,
                })
                .collect();
            assert_eq!(got, (0..len as i64).collect::<Vec<_>>());
        }
    }

    #[test]
    fn weak_references_see_the_tuple_die_and_keep_the_block() {
        let t = TupleRef::from_exact([Value::Int(1)]);
        let w = t.downgrade();
        let t2 = w.upgrade();
        assert_eq!(t.strong_count(), 2);
        drop(t2);
        drop(t);
        assert_eq!(w.strong_count(), 0);
        assert!(w.upgrade().is_none());
    }

    #[test]
    fn items_move_out_only_from_the_last_reference() {
        let inner = Value::list(vec![]);
        let t = TupleRef::from_exact([Value::Int(1), inner.clone()]);
        let mut out = Vec::new();
        t.clone().push_items_rev(&mut out);
        assert_eq!(inner.strong_count().map(Cell::get), Some(3));
        let mut moved = Vec::new();
        t.push_items_rev(&mut moved);
        assert_eq!(inner.strong_count().map(Cell::get), Some(3));
        assert!(matches!(moved[..], [Value::List(_), Value::Int(1)]));
    }

    #[test]
    fn a_failed_build_releases_the_items_made() {
        let inner = Value::list(vec![]);
        let built = TupleRef::try_build(3, |i| if i < 2 { Ok(inner.clone()) } else { Err(i) });
        assert!(matches!(built, Err(2)));
        assert_eq!(inner.strong_count().map(Cell::get), Some(1));
    }
}

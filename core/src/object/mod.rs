//! The object model: `Value`, the tagged handle every Python value travels in, and the
//! structs behind each built-in kind.
//!
//! Small ints, floats, bools and None live inline in the 16-byte `Value`; everything
//! else is a reference-counted pointer whose variant names its layout, so type dispatch
//! on the hot paths is a match on the tag, not a pointer chase. Objects die when their
//! last reference goes (`Rc`), which is when watchers and finalizers hear about it.
//!
//! This module may depend on nothing in `vm`; behaviour that needs the interpreter
//! (calling `__eq__`, raising) lives there.

pub mod bigint;
pub mod bigint_products;
pub mod bigint_text;
pub mod cell;
pub mod dict;
pub mod exception;
pub mod float;
pub mod function;
pub mod set;
pub mod str;
pub mod tracking;
pub mod trashcan;
pub mod tuple;
pub mod types;
pub mod weak_value;
pub mod weakref;
pub mod wtf8;

use std::cell::Cell;
use std::mem::MaybeUninit;
use std::rc::Rc;

pub use self::cell::PyCell;
pub use self::dict::Dict;
pub use self::exception::{ExcData, KeepFrame};
pub use self::function::{BoundMethod, Builtin, Function, NativeFn};
pub use self::set::Set;
pub use self::str::PyStr;
pub use self::tuple::{Tuple, TupleRef};
pub use self::types::{Type, TypeRef};
use crate::code::Code;
use num_bigint::BigInt;

/// A Python value.
///
/// The 8-byte tag keeps every payload at offset 8, so moving a `Value` is two aligned
/// word moves (a byte-sized payload at offset 1 made moves split into partial
/// stores that stall store forwarding on the hot path).
#[derive(Default)]
#[repr(u64)]
pub enum Value {
    #[default]
    None,
    Bool(bool),
    Int(i64),
    Float(f64),
    /// Internal marker: an unbound local slot, or "no self" under a callable on the
    /// operand stack. Never visible to Python code.
    Null,
    // The variants above hold no reference; keeping them first makes `is_heap` a
    // single compare of the tag.
    Str(Rc<PyStr>),
    BigInt(Rc<BigInt>),
    Tuple(TupleRef),
    List(Rc<List>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    Function(Rc<Function>),
    Builtin(Rc<Builtin>),
    Method(Rc<BoundMethod>),
    Type(TypeRef),
    Instance(Rc<Instance>),
    Module(Rc<Module>),
    Code(Rc<Code>),
    Cell(Rc<CellObj>),
    Generator(Rc<crate::vm::generator::Generator>),
    Obj(Rc<Object>),
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);
const _: () = assert!(std::mem::size_of::<crate::vm::PyResult<Value>>() == 16);

impl Clone for Value {
    /// Cloning is a reference-count increment; kept inline because the evaluation loop
    /// clones on every load. Every heap variant counts through the same word (see
    /// `strong_count`), so this is one range check and an increment rather than a
    /// jump through a table of per-variant `Rc::clone`s.
    #[inline(always)]
    fn clone(&self) -> Value {
        if let Some(count) = self.strong_count() {
            let n = count.get().wrapping_add(1);
            count.set(n);
            if n == 0 {
                // As `Rc::clone`: the count overflowed, which only leaked handles do.
                std::process::abort();
            }
        }
        // SAFETY: the handle's reference was added above (or it has none).
        unsafe { std::ptr::read(self) }
    }
}

impl Value {
    /// A new handle to the same value, copied word by word (see `read_split`; a
    /// `clone()` result is assembled field by field and then moved as a unit, which
    /// stalls when the evaluation loop immediately stores it to the value stack).
    #[inline(always)]
    pub fn dup(&self) -> Value {
        // The clone only increments the reference count; its handle is forgotten.
        std::mem::forget(self.clone());
        // SAFETY: the copy owns the reference just added.
        unsafe { Value::read_split(self) }
    }

    /// Move a value out of `src` as two 8-byte loads.
    ///
    /// A freshly built value is stored as two 8-byte halves (tag, payload); a 16-byte
    /// load of it soon after cannot be forwarded from those stores and stalls the
    /// pipeline for a dozen cycles, while two 8-byte loads always forward. The
    /// evaluation loop moves values on the value stack through this and `into_words`.
    ///
    /// # Safety
    /// `src` must point to an initialised value whose ownership the caller takes over
    /// (as with `ptr::read`).
    #[inline(always)]
    pub unsafe fn read_split(src: *const Value) -> Value {
        Value::from_words(Value::read_words(src))
    }

    /// The value's two words (tag, payload), read with two 8-byte loads; the caller
    /// owns the reference they hold.
    #[inline(always)]
    pub fn into_words(self) -> [MaybeUninit<u64>; 2] {
        let v = std::mem::ManuallyDrop::new(self);
        // SAFETY: `v` is a live value, never dropped: its ownership moves to the words.
        unsafe { Value::read_words(&*v) }
    }

    /// # Safety
    /// `words` must have come from `into_words` or `read_words` of an owned value.
    #[inline(always)]
    pub unsafe fn from_words(words: [MaybeUninit<u64>; 2]) -> Value {
        std::mem::transmute::<[MaybeUninit<u64>; 2], Value>(words)
    }

    /// Store `v` in `slot` word by word, returning the value it held (see
    /// `read_split`).
    #[inline(always)]
    pub fn replace_split(slot: &mut Value, v: Value) -> Value {
        let new = v.into_words();
        let at = slot as *mut Value;
        // SAFETY: `slot` is a live value; its old words move out to the result and the
        // new value's words (whose ownership `into_words` released) move in.
        unsafe {
            let old = Value::read_words(at);
            let words = at as *mut MaybeUninit<u64>;
            words.write(new[0]);
            words.add(1).write(new[1]);
            Value::from_words(old)
        }
    }

    /// Exchange two values word by word (see `read_split`): a plain swap is merged
    /// into 16-byte moves, which stall on values just stored as two halves.
    ///
    /// # Safety
    /// `a` and `b` point to live values.
    #[inline(always)]
    pub unsafe fn swap_split(a: *mut Value, b: *mut Value) {
        let (x, y) = (Value::read_words(a), Value::read_words(b));
        let (a, b) = (a as *mut MaybeUninit<u64>, b as *mut MaybeUninit<u64>);
        a.write(y[0]);
        a.add(1).write(y[1]);
        b.write(x[0]);
        b.add(1).write(x[1]);
    }

    #[inline(always)]
    unsafe fn read_words(src: *const Value) -> [MaybeUninit<u64>; 2] {
        let words = src as *const MaybeUninit<u64>;
        // Volatile so the two loads are not merged back into one; MaybeUninit because
        // the payload word of a `Bool` is partly padding.
        [
            std::ptr::read_volatile(words),
            std::ptr::read_volatile(words.add(1)),
        ]
    }

    /// The strong reference count of a heap value.
    ///
    /// Every heap variant holds one `Rc<T>` of a sized `T` in its payload word, and an
    /// `Rc` is a pointer to its allocation, which starts with the strong count (std's
    /// `RcInner` is `repr(C)`: strong, weak, value); a tuple's `TupleRef` points to a
    /// block laid out the same way (`object::tuple`). The tests check this for each
    /// variant against `Rc::strong_count` or `TupleRef::strong_count`.
    #[inline(always)]
    fn strong_count(&self) -> Option<&std::cell::Cell<usize>> {
        if !self.is_heap() {
            return None;
        }
        // SAFETY: a heap variant's payload word is its `Rc`'s pointer to the live
        // allocation, whose first field is the strong count, a `Cell<usize>`.
        unsafe {
            let words = self as *const Value as *const *const std::cell::Cell<usize>;
            Some(&**words.add(1))
        }
    }

    /// Whether the value holds a reference to a heap object (dropping it may free).
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        !matches!(
            self,
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Null
        )
    }

    /// Drop a value, releasing a reference only when it holds one: the drop glue is an
    /// out-of-line call, and most values the evaluation loop discards are immediates.
    #[inline(always)]
    pub fn release(self) {
        match self.strong_count() {
            // Not the last reference: the count drops in place, no drop glue runs.
            Some(count) if count.get() > 1 => {
                count.set(count.get() - 1);
                std::mem::forget(self);
            }
            Some(_) => drop(self),
            None => std::mem::forget(self),
        }
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }
    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }
    pub fn from_string(s: String) -> Value {
        Value::Str(Rc::new(PyStr::from_string(s)))
    }
    /// A str of generalized UTF-8, which may hold lone surrogates (`PyStr::from_wtf8`).
    pub fn from_wtf8(bytes: Vec<u8>) -> Value {
        Value::Str(Rc::new(PyStr::from_wtf8(bytes)))
    }
    pub fn tuple(items: Vec<Value>) -> Value {
        let t = TupleRef::from_vec(items);
        tracking::tuple(&t);
        Value::Tuple(t)
    }
    /// A tuple of the items of an iterator that knows its exact length, built in
    /// place without an intermediate vector.
    pub fn tuple_from<I>(items: I) -> Value
    where
        I: IntoIterator<Item = Value>,
        I::IntoIter: ExactSizeIterator,
    {
        let t = TupleRef::from_exact(items);
        tracking::tuple(&t);
        Value::Tuple(t)
    }
    pub fn list(items: Vec<Value>) -> Value {
        let l = Rc::new(List::new(items));
        tracking::list(&l);
        Value::List(l)
    }
    pub fn from_bigint(b: BigInt) -> Value {
        bigint::normalize(b)
    }
    pub fn obj(cls: TypeRef, kind: ObjKind) -> Value {
        Value::Obj(Rc::new(Object { cls, kind }))
    }

    /// Identity (`is`). Immediates compare by value, as CPython's cached small ints do.
    ///
    /// Values of different variants are never the same object; within a variant,
    /// every payload but a bool's (and the payload-less None and Null) is a whole
    /// word — the pointer, the int or the float's bits — so most tests are two word
    /// compares rather than a jump through a table of per-variant pointer reads.
    #[inline(always)]
    pub fn is(&self, other: &Value) -> bool {
        let word = |v: &Value, i: usize| (v as *const Value as *const u64).wrapping_add(i);
        // SAFETY: the tag word is fully written for every variant (`repr(u64)`).
        if unsafe { *word(self, 0) != *word(other, 0) } {
            return false;
        }
        match (self, other) {
            (Value::None, _) | (Value::Null, _) => true,
            (Value::Bool(x), Value::Bool(y)) => x == y,
            // SAFETY: every other variant's payload is a whole, initialised word.
            _ => unsafe { *word(self, 1) == *word(other, 1) },
        }
    }

    /// The address of the heap object, if the value is one.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Str(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::BigInt(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Tuple(o) => o.as_ptr() as usize,
            Value::List(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Dict(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Set(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Function(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Builtin(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Method(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Type(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Instance(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Module(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Code(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Cell(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Generator(o) => Rc::as_ptr(o) as *const u8 as usize,
            Value::Obj(o) => Rc::as_ptr(o) as *const u8 as usize,
            _ => return None,
        })
    }

    pub fn as_str(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A mutable sequence.
pub struct List {
    pub items: PyCell<Vec<Value>>,
}

impl List {
    pub fn new(items: Vec<Value>) -> List {
        List {
            items: PyCell::new(items),
        }
    }
    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }
    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v)
    }
    /// Append, or give the item back when the list cannot grow (a MemoryError).
    #[inline]
    pub fn try_push(&self, v: Value) -> Result<(), Value> {
        let mut items = self.items.borrow_mut();
        if items.len() == items.capacity() && items.try_reserve(1).is_err() {
            return Err(v);
        }
        items.push(v);
        Ok(())
    }
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }
}

impl Drop for List {
    fn drop(&mut self) {
        let mut items = std::mem::take(self.items.get_mut());
        if !items.is_empty() {
            items.reverse();
            trashcan::release(items);
        }
    }
}

/// An instance of a class defined in Python (and of subclasses of built-in types).
pub struct Instance {
    pub cls: PyCell<TypeRef>,
    /// Attributes; `None` for classes whose `__slots__` leave out `__dict__`.
    pub dict: Option<Rc<Dict>>,
    /// `__slots__` storage, indexed by the slot descriptor (sized for the class's
    /// slots at creation).
    pub slots: PyCell<Box<[Value]>>,
    /// The built-in part of a subclass of a built-in type (the list of a `list`
    /// subclass, the exception state of an exception).
    pub base: Base,
    /// `__del__` has run (it runs at most once, PEP 442).
    pub finalized: Cell<bool>,
    pub weakrefs: weakref::WeakrefMark,
}

pub enum Base {
    None,
    /// Boxed, as the exception state below: an instance of an ordinary class pays
    /// only for the pointer.
    Value(Box<PyCell<Value>>),
    Exception(Box<PyCell<ExcData>>),
}

impl Instance {
    /// A new instance registered with the cycle collector.
    pub fn new_rc(inst: Instance) -> Rc<Instance> {
        let i = Rc::new(inst);
        tracking::instance(&i);
        i
    }

    pub fn cls(&self) -> TypeRef {
        self.cls.borrow().clone()
    }
    pub fn exc(&self) -> Option<&PyCell<ExcData>> {
        match &self.base {
            Base::Exception(e) => Some(e),
            _ => None,
        }
    }
    pub fn base_value(&self) -> Option<Value> {
        match &self.base {
            Base::Value(v) => Some(v.borrow().clone()),
            _ => None,
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        crate::vm::finalize::instance_dying(self);
    }
}

/// A bytearray's bytes, and how many memoryviews export them (while any does, the
/// size may not change).
pub struct ByteArray {
    pub data: PyCell<Vec<u8>>,
    pub exports: Cell<usize>,
}

impl ByteArray {
    pub fn new(data: Vec<u8>) -> ByteArray {
        ByteArray {
            data: PyCell::new(data),
            exports: Cell::new(0),
        }
    }
}

/// A module object: a name and its namespace.
pub struct Module {
    pub name: Rc<PyStr>,
    pub dict: Rc<Dict>,
    /// Its class when that is a subclass of `types.ModuleType` (made by one, or
    /// given by `__class__` assignment); None for a plain module.
    pub cls: PyCell<Option<TypeRef>>,
    /// Made by the native import, whose `__spec__` is made when first read
    /// (`Extensions::set_spec_maker`).
    pub spec_pending: std::cell::Cell<bool>,
    pub weakrefs: weakref::WeakrefMark,
}

impl Module {
    pub fn new(name: Rc<PyStr>, dict: Rc<Dict>) -> Module {
        Module {
            name,
            dict,
            cls: PyCell::new(None),
            spec_pending: std::cell::Cell::new(false),
            weakrefs: Default::default(),
        }
    }

    /// The `ModuleType` subclass this module is an instance of, if any.
    #[inline]
    pub fn subclass(&self) -> Option<TypeRef> {
        self.cls.borrow().clone()
    }
}

impl Drop for Module {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Module as usize);
        }
    }
}

/// A closure cell.
pub struct CellObj {
    pub value: PyCell<Value>,
}

impl CellObj {
    pub fn new(v: Value) -> CellObj {
        CellObj {
            value: PyCell::new(v),
        }
    }
    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }
    pub fn set(&self, v: Value) {
        let old = std::mem::replace(&mut *self.value.borrow_mut(), v);
        drop(old);
    }
}

/// The long tail of built-in kinds, and the objects of native extension types.
pub struct Object {
    pub cls: TypeRef,
    pub kind: ObjKind,
}

/// A native extension type's instance data (a deque, a StringIO, an array...).
pub trait NativeData: std::any::Any {
    fn as_any(&self) -> &dyn std::any::Any;
}

impl<T: std::any::Any> NativeData for T {
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

pub enum ObjKind {
    NotImplemented,
    Ellipsis,
    Range {
        start: i64,
        stop: i64,
        step: i64,
    },
    Slice {
        start: Value,
        stop: Value,
        step: Value,
    },
    Bytes(Box<[u8]>),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    ByteArray(ByteArray),
    MemoryView(Box<crate::builtins::memoryview::View>),
    Property {
        fget: Value,
        fset: Value,
        fdel: Value,
        /// Writable, as CPython's property `__doc__` is.
        doc: PyCell<Value>,
    },
    StaticMethod(Value),
    ClassMethod(Value),
    Super {
        this_class: TypeRef,
        obj: Value,
        obj_type: TypeRef,
    },
    /// A slot descriptor created by `__slots__`.
    SlotDescriptor {
        name: Rc<PyStr>,
        index: usize,
    },
    Iter(PyCell<IterState>),
    DictView(Rc<Dict>, DictViewKind),
    /// A range whose bounds do not fit a machine word.
    BigRange(Box<crate::builtins::range::BigRange>),
    /// A read-only view of a class namespace (`cls.__dict__`).
    MappingProxy(Rc<Dict>),
    /// `int | None`: the member types, flattened and without repeats.
    UnionType(Box<[Value]>),
    /// `list[int]`: a `types.GenericAlias`.
    GenericAlias(Box<crate::builtins::generic_alias::GenericAlias>),
    /// One level of a traceback: its entry and the next (inner) level, or None.
    Traceback(Box<(crate::vm::errors::TraceEntry, PyCell<Value>)>),
    Frame(Rc<crate::vm::frame_object::FrameData>),
    Native(PyCell<Box<dyn NativeData>>),
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum DictViewKind {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
pub enum IterState {
    Seq {
        seq: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        s: Rc<PyStr>,
        byte_pos: usize,
    },
    Dict {
        dict: Rc<Dict>,
        pos: usize,
        kind: DictViewKind,
        expected_len: usize,
    },
    Set {
        set: Rc<Set>,
        pos: usize,
        expected_len: usize,
    },
    Reversed {
        seq: Value,
        index: usize,
    },
    Enumerate {
        it: Value,
        count: Value,
    },
    Zip {
        /// Shared, so a step takes one reference to the list instead of copying it.
        iters: Rc<[Value]>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Rc<[Value]>,
    },
    Filter {
        func: Value,
        it: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// The `__getitem__` protocol.
    GetItem {
        obj: Value,
        index: i64,
    },
    /// An `itertools` iterator. Boxed so the larger combinatoric states do not
    /// grow every list and range iterator.
    Itertools(Box<crate::modules::itertools::ItertoolsState>),
    /// Iterating a range beyond machine words.
    BigRange {
        next: BigInt,
        stop: BigInt,
        step: BigInt,
    },
    Exhausted,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `strong_count` reads the count where `Rc` keeps it (the layout is the same for
    /// every sized payload type, so a few kinds stand for all).
    #[test]
    fn strong_count_is_the_rc_count() {
        let vm = crate::vm::Vm::new();
        let values = [
            Value::from_string("s".to_string()),
            Value::tuple(vec![Value::Int(1)]),
            Value::list(vec![]),
            Value::Dict(Dict::new_rc()),
            Value::Type(vm.types.object.clone()),
            vm.builtins
                .get_str(&PyStr::new("len"))
                .unwrap_or(Value::None),
        ];
        for v in values {
            let copies: Vec<Value> = (0..3).map(|_| v.clone()).collect();
            let count = v.strong_count().map(|c| c.get());
            let expected = match &v {
                Value::Str(o) => Rc::strong_count(o),
                Value::Tuple(o) => o.strong_count(),
                Value::List(o) => Rc::strong_count(o),
                Value::Dict(o) => Rc::strong_count(o),
                Value::Type(o) => Rc::strong_count(o),
                Value::Builtin(o) => Rc::strong_count(o),
                other => panic!("unexpected value {}", other.is_heap()),
            };
            assert_eq!(count, Some(expected));
            drop(copies);
            v.clone().release();
            assert_eq!(v.strong_count().map(|c| c.get()), Some(expected - 3));
        }
    }
}

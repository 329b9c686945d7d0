//! Callables: Python functions, native (Rust) functions, and bound methods.

use super::{Dict, PyCell, PyStr, TupleRef, Value};
use crate::code::Code;
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

/// A keyword argument passed to a native function.
pub type KwArg = (Rc<PyStr>, Value);

/// The signature of every function implemented in Rust. Methods receive `self` as
/// `args[0]`.
pub type NativeFn = fn(&mut Vm, &[Value], &[KwArg]) -> PyResult<Value>;

/// A function defined in Python.
pub struct Function {
    pub code: PyCell<Rc<Code>>,
    pub globals: Rc<Dict>,
    pub builtins: Rc<Dict>,
    pub name: PyCell<Rc<PyStr>>,
    pub qualname: PyCell<Rc<PyStr>>,
    pub defaults: PyCell<Option<TupleRef>>,
    pub kwdefaults: PyCell<Option<Rc<Dict>>>,
    pub closure: Option<TupleRef>,
    pub dict: PyCell<Option<Rc<Dict>>>,
    pub annotations: PyCell<Value>,
    pub module: PyCell<Value>,
    pub doc: PyCell<Value>,
    /// Specialisation version: copied from the code at creation, 0 after `__code__`,
    /// `__defaults__` or `__kwdefaults__` is reassigned.
    pub version: Cell<u32>,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl Function {
    #[inline]
    pub fn code(&self) -> Rc<Code> {
        self.code.borrow().clone()
    }
    pub fn name(&self) -> Rc<PyStr> {
        self.name.borrow().clone()
    }
    pub fn qualname(&self) -> Rc<PyStr> {
        self.qualname.borrow().clone()
    }

    /// A new function with the same contents: a dying function is revived to hear
    /// its DESTROY event.
    pub fn revive(&mut self) -> Function {
        Function {
            code: PyCell::new(self.code()),
            globals: self.globals.clone(),
            builtins: self.builtins.clone(),
            name: PyCell::new(self.name()),
            qualname: PyCell::new(self.qualname()),
            defaults: PyCell::new(self.defaults.get_mut().take()),
            kwdefaults: PyCell::new(self.kwdefaults.get_mut().take()),
            closure: self.closure.take(),
            dict: PyCell::new(self.dict.get_mut().take()),
            annotations: PyCell::new(std::mem::take(self.annotations.get_mut())),
            module: PyCell::new(std::mem::take(self.module.get_mut())),
            doc: PyCell::new(std::mem::take(self.doc.get_mut())),
            version: Cell::new(self.version.get()),
            weakrefs: Default::default(),
        }
    }
}

impl Drop for Function {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Function as usize);
        }
        crate::watch::lifetime::function_dying(self);
    }
}

/// Which of CPython's built-in callable types a `Builtin` is; the interpreter reads
/// it to give the value its type without looking at names.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum BuiltinKind {
    /// A module's function, or a type's method bound to its receiver (`[].append`):
    /// `builtin_function_or_method`.
    Function,
    /// A type's method looked up on the type (`list.append`): `method_descriptor`.
    MethodDescriptor,
    /// A type's special method looked up on the type (`object.__init__`,
    /// `int.__add__`): `wrapper_descriptor`, CPython's slot wrapper.
    SlotWrapper,
    /// A slot wrapper of the built-in behaviour every built-in type shares (its
    /// `__repr__` and `__str__` are the interpreter's own).
    GenericSlot,
    /// A special method bound to its receiver (`(1).__add__`): `method-wrapper`.
    MethodWrapper,
}

impl BuiltinKind {
    /// The kind of a method `name` of a type, unbound: special methods CPython makes
    /// slot wrappers of are slot wrappers, the others method descriptors.
    pub fn of_method(name: &str) -> BuiltinKind {
        if is_slot_name(name) {
            BuiltinKind::SlotWrapper
        } else {
            BuiltinKind::MethodDescriptor
        }
    }

    /// Whether a value of this kind found on a type binds to instances.
    #[inline]
    pub fn binds(self) -> bool {
        !matches!(self, BuiltinKind::Function | BuiltinKind::MethodWrapper)
    }

    /// The kind of this method bound to a receiver.
    #[inline]
    pub fn bound(self) -> BuiltinKind {
        match self {
            BuiltinKind::SlotWrapper | BuiltinKind::GenericSlot => BuiltinKind::MethodWrapper,
            _ => BuiltinKind::Function,
        }
    }
}

/// The special methods CPython implements as type slots (its `slotdefs`), whose
/// built-in versions are slot wrappers; other dunders (`__format__`, `__reduce__`,
/// `__dir__` ...) are plain method descriptors.
#[rustfmt::skip]
fn is_slot_name(name: &str) -> bool {
    // A match: start-up registers some 300 special methods.
    matches!(
        name,
        "__getattribute__" | "__getattr__" | "__setattr__" | "__delattr__" | "__repr__"
        | "__hash__" | "__call__" | "__str__" | "__lt__" | "__le__" | "__eq__" | "__ne__"
        | "__gt__" | "__ge__" | "__iter__" | "__next__" | "__get__" | "__set__"
        | "__delete__" | "__init__" | "__del__" | "__await__" | "__aiter__" | "__anext__"
        | "__add__" | "__radd__" | "__sub__" | "__rsub__" | "__mul__" | "__rmul__"
        | "__mod__" | "__rmod__" | "__divmod__" | "__rdivmod__" | "__pow__" | "__rpow__"
        | "__neg__" | "__pos__" | "__abs__" | "__bool__" | "__invert__" | "__lshift__"
        | "__rlshift__" | "__rshift__" | "__rrshift__" | "__and__" | "__rand__" | "__xor__"
        | "__rxor__" | "__or__" | "__ror__" | "__int__" | "__float__" | "__iadd__"
        | "__isub__" | "__imul__" | "__imod__" | "__ipow__" | "__ilshift__" | "__irshift__"
        | "__iand__" | "__ixor__" | "__ior__" | "__floordiv__" | "__rfloordiv__"
        | "__truediv__" | "__rtruediv__" | "__ifloordiv__" | "__itruediv__" | "__index__"
        | "__matmul__" | "__rmatmul__" | "__imatmul__" | "__len__" | "__getitem__"
        | "__setitem__" | "__delitem__" | "__contains__" | "__buffer__"
        | "__release_buffer__"
    )
}

/// A function implemented in Rust, possibly bound to a receiver.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The receiver, for a method looked up on an instance (`[].append`).
    pub bound: Option<Value>,
    /// Its Python type; a kind that `binds()` has no receiver.
    pub kind: BuiltinKind,
    /// The name of the owning type or module, for repr and error messages.
    pub owner: &'static str,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl Builtin {
    /// This method of a type bound to `receiver` (`[].append` from `list.append`).
    pub fn bind(&self, receiver: Value) -> Builtin {
        Builtin {
            name: self.name,
            func: self.func,
            bound: Some(receiver),
            kind: self.kind.bound(),
            owner: self.owner,
            weakrefs: Default::default(),
        }
    }

    /// A type's method looked up on the type (`list.append`): CPython's
    /// `method_descriptor`.
    #[inline]
    pub fn is_method_descriptor(&self) -> bool {
        self.kind == BuiltinKind::MethodDescriptor
    }
}

impl Drop for Builtin {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const Builtin as usize);
        }
    }
}

/// A Python function (or any callable) bound to a receiver.
pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl BoundMethod {
    #[inline]
    pub fn new(func: Value, receiver: Value) -> BoundMethod {
        BoundMethod {
            func,
            receiver,
            weakrefs: Default::default(),
        }
    }
}

impl Drop for BoundMethod {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            crate::vm::weakrefs::referent_dying(self as *const BoundMethod as usize);
        }
    }
}

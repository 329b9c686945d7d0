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

/// A function implemented in Rust, possibly bound to a receiver.
pub struct Builtin {
    pub name: &'static str,
    pub func: NativeFn,
    /// The receiver, for a method looked up on an instance (`[].append`).
    pub bound: Option<Value>,
    /// A method of a type (binds to instances) rather than a plain function.
    pub is_method: bool,
    /// The name of the owning type or module, for repr and error messages.
    pub owner: &'static str,
    pub weakrefs: super::weakref::WeakrefMark,
}

impl Builtin {
    /// A type's method looked up on the type (`list.append`): CPython's
    /// `method_descriptor`. Special methods (most are slot wrappers in CPython)
    /// stay plain.
    #[inline]
    pub fn is_method_descriptor(&self) -> bool {
        self.is_method
            && self.bound.is_none()
            && self.owner != crate::builtins::DUNDER_OWNER
            && !(self.name.starts_with("__") && self.name.ends_with("__"))
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

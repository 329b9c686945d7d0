//! Pre-interned special names, so hot paths never hash a literal to find them.

use crate::code::{BinOp, CmpOp};
use crate::object::PyStr;
use std::rc::Rc;

pub struct Names {
    pub d_abs: Rc<PyStr>,
    pub d_all: Rc<PyStr>,
    pub annotations: Rc<PyStr>,
    pub d_await: Rc<PyStr>,
    pub d_bool: Rc<PyStr>,
    pub build_class: Rc<PyStr>,
    pub builtins: Rc<PyStr>,
    pub d_import: Rc<PyStr>,
    pub d_call: Rc<PyStr>,
    pub class_getitem: Rc<PyStr>,
    pub classcell: Rc<PyStr>,
    pub contains: Rc<PyStr>,
    pub delattr: Rc<PyStr>,
    pub delitem: Rc<PyStr>,
    pub d_dict: Rc<PyStr>,
    pub divmod: Rc<PyStr>,
    pub d_doc: Rc<PyStr>,
    pub enter: Rc<PyStr>,
    pub d_eq: Rc<PyStr>,
    pub exit: Rc<PyStr>,
    pub d_file: Rc<PyStr>,
    pub d_float: Rc<PyStr>,
    pub d_format: Rc<PyStr>,
    pub d_get: Rc<PyStr>,
    pub getattr: Rc<PyStr>,
    pub getattribute: Rc<PyStr>,
    pub getitem: Rc<PyStr>,
    pub d_hash: Rc<PyStr>,
    pub d_index: Rc<PyStr>,
    pub d_init: Rc<PyStr>,
    pub init_subclass: Rc<PyStr>,
    pub d_int: Rc<PyStr>,
    pub d_iter: Rc<PyStr>,
    pub d_len: Rc<PyStr>,
    pub missing: Rc<PyStr>,
    pub d_module: Rc<PyStr>,
    pub d_name: Rc<PyStr>,
    pub d_new: Rc<PyStr>,
    pub d_next: Rc<PyStr>,
    pub d_package: Rc<PyStr>,
    pub qualname: Rc<PyStr>,
    pub d_repr: Rc<PyStr>,
    pub reversed: Rc<PyStr>,
    pub d_round: Rc<PyStr>,
    pub d_set: Rc<PyStr>,
    pub set_name: Rc<PyStr>,
    pub setattr: Rc<PyStr>,
    pub setitem: Rc<PyStr>,
    pub d_slots: Rc<PyStr>,
    pub d_class: Rc<PyStr>,
    pub d_str: Rc<PyStr>,
    pub d_trunc: Rc<PyStr>,
    pub d_delete: Rc<PyStr>,
    pub d_del: Rc<PyStr>,
    pub instancecheck: Rc<PyStr>,
    pub subclasscheck: Rc<PyStr>,
    /// Per binary operator (`BinOp as usize`): its method, reflected method and
    /// in-place method, so operator dispatch on instances interns nothing.
    binop: [[Rc<PyStr>; 3]; BinOp::ALL.len()],
    /// Per comparison (`CmpOp as usize`): its method.
    cmp: [Rc<PyStr>; CmpOp::ALL.len()],
}

impl Names {
    pub fn binop_dunder(&self, op: BinOp) -> &Rc<PyStr> {
        &self.binop[op as usize][0]
    }
    pub fn binop_reflected(&self, op: BinOp) -> &Rc<PyStr> {
        &self.binop[op as usize][1]
    }
    pub fn binop_inplace(&self, op: BinOp) -> &Rc<PyStr> {
        &self.binop[op as usize][2]
    }
    pub fn cmp_dunder(&self, op: CmpOp) -> &Rc<PyStr> {
        &self.cmp[op as usize]
    }
}

impl Names {
    pub fn new() -> Names {
        let i = crate::object::str::intern;
        Names {
            d_abs: i("__abs__"),
            d_all: i("__all__"),
            annotations: i("__annotations__"),
            d_await: i("__await__"),
            d_bool: i("__bool__"),
            build_class: i("__build_class__"),
            builtins: i("__builtins__"),
            d_import: i("__import__"),
            d_call: i("__call__"),
            class_getitem: i("__class_getitem__"),
            classcell: i("__classcell__"),
            contains: i("__contains__"),
            delattr: i("__delattr__"),
            delitem: i("__delitem__"),
            d_dict: i("__dict__"),
            divmod: i("__divmod__"),
            d_doc: i("__doc__"),
            enter: i("__enter__"),
            d_eq: i("__eq__"),
            exit: i("__exit__"),
            d_file: i("__file__"),
            d_float: i("__float__"),
            d_format: i("__format__"),
            d_get: i("__get__"),
            getattr: i("__getattr__"),
            getattribute: i("__getattribute__"),
            getitem: i("__getitem__"),
            d_hash: i("__hash__"),
            d_index: i("__index__"),
            d_init: i("__init__"),
            init_subclass: i("__init_subclass__"),
            d_int: i("__int__"),
            d_iter: i("__iter__"),
            d_len: i("__len__"),
            missing: i("__missing__"),
            d_module: i("__module__"),
            d_name: i("__name__"),
            d_new: i("__new__"),
            d_next: i("__next__"),
            d_package: i("__package__"),
            qualname: i("__qualname__"),
            d_repr: i("__repr__"),
            reversed: i("__reversed__"),
            d_round: i("__round__"),
            d_set: i("__set__"),
            set_name: i("__set_name__"),
            setattr: i("__setattr__"),
            setitem: i("__setitem__"),
            d_slots: i("__slots__"),
            d_class: i("__class__"),
            d_str: i("__str__"),
            d_trunc: i("__trunc__"),
            d_delete: i("__delete__"),
            d_del: i("__del__"),
            instancecheck: i("__instancecheck__"),
            subclasscheck: i("__subclasscheck__"),
            binop: BinOp::ALL.map(|op| [i(op.dunder()), i(op.reflected()), i(op.inplace())]),
            cmp: CmpOp::ALL.map(|op| i(op.dunder())),
        }
    }
}

impl Default for Names {
    fn default() -> Self {
        Names::new()
    }
}

//! Class bodies whose namespace is a mapping other than an exact dict: what a
//! metaclass's `__prepare__` returned (enum's `_EnumDict`, for one). The body's frame
//! gets an empty stand-in dict as its locals; `LoadName`, `StoreName` and `DeleteName`
//! on that stand-in go to the mapping's own `__getitem__`, `__setitem__` and
//! `__delitem__`, as CPython's do. Frames of ordinary namespaces pay one test of an
//! empty list.

use super::{PyResult, Vm};
use crate::object::{Dict, PyStr, Value};
use std::rc::Rc;

/// What a name instruction does in a mapping namespace.
pub enum NameOp {
    Load,
    Store(Value),
    Delete,
}

impl Vm {
    /// Run a name instruction of frame `fi` on `mapping`, the namespace behind its
    /// locals: the loaded value (None for stores and deletes). Kept out of the
    /// evaluation loop's body: only class bodies of `__prepare__` metaclasses get here.
    #[inline(never)]
    pub fn mapping_name_op(
        &mut self,
        fi: usize,
        mapping: &Value,
        name: &Rc<PyStr>,
        op: NameOp,
    ) -> PyResult<Option<Value>> {
        match op {
            NameOp::Load => self.mapping_load_name(fi, mapping, name).map(Some),
            NameOp::Store(v) => self
                .setitem(mapping, Value::Str(name.clone()), v)
                .map(|_| None),
            NameOp::Delete => self.mapping_delete_name(mapping, name).map(|_| None),
        }
    }

    /// The mapping that stands behind frame `fi`'s locals, if any.
    #[inline]
    pub fn namespace_mapping(&self, fi: usize) -> Option<Value> {
        if self.mapping_namespaces.is_empty() {
            return None;
        }
        self.namespace_mapping_slow(fi)
    }

    #[cold]
    fn namespace_mapping_slow(&self, fi: usize) -> Option<Value> {
        let locals = self.frames[fi].locals.as_ref()?;
        self.mapping_namespaces
            .iter()
            .rev()
            .find(|(stand_in, _)| Rc::ptr_eq(stand_in, locals))
            .map(|(_, mapping)| mapping.clone())
    }

    /// `LoadName` in a mapping namespace: the mapping, then globals and builtins.
    fn mapping_load_name(
        &mut self,
        fi: usize,
        mapping: &Value,
        name: &Rc<PyStr>,
    ) -> PyResult<Value> {
        match self.getitem(mapping, &Value::Str(name.clone())) {
            Ok(v) => return Ok(v),
            Err(e) if !self.err_matches(&e, &self.types.key_error.clone()) => return Err(e),
            Err(_) => {}
        }
        let f = &self.frames[fi];
        f.globals()
            .get_str(name)
            .or_else(|| f.builtins().get_str(name))
            .ok_or_else(|| self.name_error(name.as_str()))
    }

    /// `DeleteName` in a mapping namespace (a missing name is a NameError).
    fn mapping_delete_name(&mut self, mapping: &Value, name: &Rc<PyStr>) -> PyResult<()> {
        match self.delitem(mapping, &Value::Str(name.clone())) {
            Err(e) if self.err_matches(&e, &self.types.key_error.clone()) => {
                Err(self.name_error(name.as_str()))
            }
            other => other,
        }
    }

    /// Run a class body whose namespace is `mapping`.
    pub fn run_class_body_in(
        &mut self,
        func: &Rc<crate::object::Function>,
        mapping: Value,
    ) -> PyResult<Value> {
        let stand_in = Dict::new_rc();
        self.mapping_namespaces.push((stand_in.clone(), mapping));
        let result = self.run_class_body(func, stand_in);
        self.mapping_namespaces.pop();
        result
    }
}

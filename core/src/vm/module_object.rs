//! Module objects as Python sees them: `types.ModuleType(name, doc)`, subclasses of
//! it (their instances are `Value::Module`s that carry the class), attribute access
//! through such a class (`__getattribute__`, `__getattr__`, `__setattr__`,
//! `__delattr__`, descriptors) and `__class__` assignment of a module, as
//! `importlib.util.LazyLoader` does. Depends on the attribute machinery of `attr.rs`.

use super::{PyResult, Vm};
use crate::builtins::kwarg;
use crate::object::function::KwArg;
use crate::object::{Dict, Module, PyStr, TypeRef, Value};
use std::rc::Rc;

/// A new, empty module of class `cls` (`module.__new__`); `__init__` fills it.
pub fn new_module_of(vm: &Vm, cls: &TypeRef) -> Value {
    let m = Module::new(Rc::new(PyStr::new("?")), Dict::new_rc());
    if !Rc::ptr_eq(cls, &vm.types.module) {
        *m.cls.borrow_mut() = Some(cls.clone());
    }
    Value::Module(Rc::new(m))
}

/// `module.__init__(self, name, doc=None)`.
pub fn module_init(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let Some(Value::Module(m)) = args.first() else {
        return Err(vm.type_error("descriptor '__init__' requires a 'module' object"));
    };
    let given = &args[1..];
    if given.len() + kwargs.len() > 2 {
        return Err(vm.type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            given.len() + kwargs.len()
        )));
    }
    if let Some((k, _)) = kwargs
        .iter()
        .find(|(k, _)| !matches!(k.as_str(), "name" | "doc"))
    {
        return Err(vm.type_error(format!(
            "module() got an unexpected keyword argument '{}'",
            k.as_str()
        )));
    }
    let name = match (given.first(), kwarg(kwargs, "name")) {
        (Some(_), Some(_)) => {
            return Err(
                vm.type_error("argument for module() given by name ('name') and position (1)")
            )
        }
        (Some(v), None) | (None, Some(v)) => v.clone(),
        (None, None) => {
            return Err(vm.type_error("module() missing required argument 'name' (pos 1)"))
        }
    };
    if !matches!(name, Value::Str(_)) {
        return Err(vm.type_error(format!(
            "module() argument 'name' must be str, not {}",
            vm.type_name(&name)
        )));
    }
    let doc = given
        .get(1)
        .or_else(|| kwarg(kwargs, "doc"))
        .cloned()
        .unwrap_or(Value::None);
    let entries = [
        (vm.names.d_name.clone(), name),
        (vm.names.d_doc.clone(), doc),
        (vm.names.d_package.clone(), Value::None),
        (vm.intern("__loader__"), Value::None),
        (vm.intern("__spec__"), Value::None),
    ];
    for (key, value) in entries {
        vm.dict_will_set_str(&m.dict, &key, &value);
        drop(m.dict.set_str(key, value));
    }
    Ok(Value::None)
}

/// The methods of the module type itself.
pub fn install(vm: &mut Vm) {
    let module = vm.types.module.clone();
    crate::builtins::add_method(vm, &module, "__init__", module_init);
}

impl Vm {
    /// The name a module's messages show: its `__name__` when that is a str.
    pub fn module_display_name(&self, m: &Module) -> Option<Rc<PyStr>> {
        match m.dict.get_str(&self.names.d_name) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    fn module_no_attribute(&self, m: &Module, name: &PyStr) -> super::PyErr {
        self.attribute_error(match self.module_display_name(m) {
            Some(module) => format!(
                "module '{}' has no attribute '{}'",
                module.as_str(),
                name.as_str()
            ),
            None => format!("module has no attribute '{}'", name.as_str()),
        })
    }

    /// `module.name` once its dict has no `name` (a plain module) or for any name
    /// (a module of a subclass): the class's `__getattribute__` if it defines one,
    /// else the type's attributes and the dict, then the module's own
    /// `__getattr__`, then the class's.
    pub(crate) fn module_getattr(
        &mut self,
        obj: &Value,
        m: &Module,
        name: &Rc<PyStr>,
    ) -> PyResult<Value> {
        let cls = self.type_of(obj);
        let getattr_hook = self.module_class_hook(m, &self.names.getattr);
        let arg = [Value::Str(name.clone())];
        if let Some(f) = self.module_class_hook(m, &self.names.getattribute) {
            return match self.call_method_value(f, obj, &arg) {
                Err(e) if self.err_matches(&e, &self.types.attribute_error.clone()) => {
                    match getattr_hook {
                        Some(hook) => self.call_method_value(hook, obj, &arg),
                        None => Err(e),
                    }
                }
                other => other,
            };
        }
        match self.generic_getattr(obj, &cls, name) {
            Ok(Some(v)) => return Ok(v),
            Ok(None) => {
                if let Some(v) = self.import_attribute(obj, m, name)? {
                    return Ok(v);
                }
            }
            Err(e) => match &getattr_hook {
                Some(hook) if self.err_matches(&e, &self.types.attribute_error.clone()) => {
                    return self.call_method_value(hook.clone(), obj, &arg);
                }
                _ => return Err(e),
            },
        }
        if let Some(f) = m.dict.get_str(&self.names.getattr) {
            return self.call(&f, &arg, &[]);
        }
        match getattr_hook {
            Some(hook) => self.call_method_value(hook, obj, &arg),
            None => Err(self.module_no_attribute(m, name)),
        }
    }

    /// `__spec__`, `__loader__` or `__package__` of a module the native import made,
    /// made now by the extensions' spec maker; `sys.stdlib_module_names`, made at
    /// its first read (start-up does not pay for it).
    fn import_attribute(
        &mut self,
        obj: &Value,
        m: &Module,
        name: &Rc<PyStr>,
    ) -> PyResult<Option<Value>> {
        if name.as_str() == "stdlib_module_names" && std::ptr::eq(m, &*self.sys) {
            let names = crate::modules::sys::stdlib_module_names(self)?;
            m.dict.set_str(name.clone(), names.clone());
            return Ok(Some(names));
        }
        if !m.spec_pending.get()
            || !matches!(name.as_str(), "__spec__" | "__loader__" | "__package__")
        {
            return Ok(None);
        }
        let Some(maker) = self.extensions.spec_maker() else {
            return Ok(None);
        };
        if maker(self, obj)? {
            m.spec_pending.set(false);
        }
        Ok(m.dict.get_str(name))
    }

    /// `module.name = value` (`del module.name` for None) after any `__setattr__` /
    /// `__delattr__` of its class: `__class__`, data descriptors of the class, then
    /// the dict.
    pub(crate) fn module_setattr(
        &mut self,
        obj: &Value,
        m: &Module,
        name: &Rc<PyStr>,
        value: Option<Value>,
    ) -> PyResult<()> {
        let cls = self.type_of(obj);
        let class_attr = cls.lookup(name);
        if class_attr.is_none() && name.as_str() == "__class__" {
            return self.assign_module_class(m, &cls, value);
        }
        if let Some(attr) = class_attr {
            if self.data_descriptor_set(&attr, obj, value.clone(), &cls)? {
                return Ok(());
            }
        }
        match value {
            Some(v) => {
                self.dict_will_set_str(&m.dict, name, &v);
                drop(m.dict.set_str(name.clone(), v));
                Ok(())
            }
            // CPython's generic deletion: the class's name, and what was missed.
            None => match self.dict_del_str_notified(&m.dict, name) {
                Some(_) => Ok(()),
                None => {
                    let err = self.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        cls.name().as_str(),
                        name.as_str()
                    ));
                    self.add_attribute_context(&err, obj, name);
                    Err(err)
                }
            },
        }
    }

    /// The special method (`__getattribute__`, `__setattr__`...) a module's class
    /// defines in Python.
    pub(crate) fn module_class_hook(&self, m: &Module, hook: &PyStr) -> Option<Value> {
        m.cls
            .borrow()
            .as_ref()
            .and_then(|c| c.lookup(hook))
            .filter(|f| matches!(f, Value::Function(_)))
    }

    /// `module.__class__ = cls`: to `types.ModuleType` or a subclass of it whose
    /// instances need nothing more than a module has (no `__slots__`).
    fn assign_module_class(
        &mut self,
        m: &Module,
        current: &TypeRef,
        value: Option<Value>,
    ) -> PyResult<()> {
        let new = &self.class_to_assign(value)?;
        if !new.is_subtype(&self.types.module) {
            return Err(self.type_error(
                "__class__ assignment only supported for mutable types or ModuleType subclasses",
            ));
        }
        if new.mro.borrow().iter().any(|c| !c.slot_names.is_empty()) {
            return Err(self.type_error(format!(
                "__class__ assignment: '{}' object layout differs from '{}'",
                new.name().as_str(),
                current.name().as_str()
            )));
        }
        let plain = Rc::ptr_eq(new, &self.types.module);
        *m.cls.borrow_mut() = (!plain).then(|| new.clone());
        // Loads cached from the dict assumed the plain module type's rules.
        m.dict.bump();
        Ok(())
    }
}

//! The exception class a native module defines for its own errors (`zlib.error`,
//! `_lzma.LZMAError`): a plain subclass of Exception, made as a class statement
//! would make it. Depends on core's public API.

use tripwire_core::object::{Dict, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

/// `class name(Exception)` in module `module`.
pub fn new_class(vm: &mut Vm, module: &str, name: &str) -> PyResult<TypeRef> {
    let type_type = Value::Type(vm.types.type_.clone());
    let bases = Value::tuple(vec![Value::Type(vm.types.exception.clone())]);
    let namespace = Value::Dict(Dict::new_rc());
    let class = vm.call(&type_type, &[Value::str(name), bases, namespace], &[])?;
    let Value::Type(t) = class else {
        return Err(vm.type_error("type() did not make a class"));
    };
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str(module));
    Ok(t)
}

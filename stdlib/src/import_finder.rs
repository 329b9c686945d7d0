//! `_imp_find`: the native half of the meta path finder in `_imp` (py/_imp.py),
//! which lets importlib (`import_module`, `util.find_spec`) find what tripwire's
//! native import would import, and core's spec maker, which gives the modules the
//! native import made their `__spec__` through `_imp._set_spec`. Depends on core's
//! `Vm::find_module` and `Extensions::set_spec_maker`.

use std::cell::Cell;

use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::Dict;
use tripwire_core::{PyResult, Value, Vm};

/// `find(name)`: None when tripwire would not find `name`, '' for a module built
/// into tripwire, else the path of its source file.
fn find(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "find", args, 1, 1)?;
    let Some(name) = args[0].as_str() else {
        return Err(vm.type_error(format!(
            "find() argument must be str, not {}",
            vm.type_name(&args[0])
        )));
    };
    let name = name.as_str().to_string();
    Ok(match vm.find_module(&name) {
        None => Value::None,
        Some(None) => Value::str(""),
        Some(Some(path)) => Value::str(&path),
    })
}

thread_local! {
    /// Set while `_set_spec` runs: importlib, imported for it, reads the specs of
    /// the modules there are, which must not ask for more specs meanwhile.
    static MAKING_SPEC: Cell<bool> = const { Cell::new(false) };
}

/// Core's spec maker (`Extensions::set_spec_maker`): `_imp._set_spec(module)`.
pub fn make_spec(vm: &mut Vm, module: &Value) -> PyResult<bool> {
    if MAKING_SPEC.get() {
        return Ok(false);
    }
    MAKING_SPEC.set(true);
    let made = vm.import_one("_imp").and_then(|imp| {
        let set_spec = vm.intern("_set_spec");
        let f = vm.get_attr(&imp, &set_spec)?;
        vm.call(&f, std::slice::from_ref(module), &[])
    });
    MAKING_SPEC.set(false);
    made.map(|_| true)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_imp_find", "find", find);
    Ok(())
}

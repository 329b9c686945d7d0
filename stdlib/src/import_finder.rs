//! `_imp_find`: the native half of the meta path finder in `_imp` (py/_imp.py),
//! which lets importlib (`import_module`, `util.find_spec`) find what tripwire's
//! native import would import. Depends on core's `Vm::find_module`.

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

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_imp_find", "find", find);
    Ok(())
}

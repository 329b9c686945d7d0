//! Structured sequences made by native modules (`pwd.struct_passwd`,
//! `resource.struct_rusage` ...): the type is built once by `py/_structseq.py` and
//! kept in the module's extension state; rows are instances of it. Depends on
//! core's public API.

use tripwire_core::object::Value;
use tripwire_core::{PyResult, Vm};

/// The tuple type `module.name` with the item names `fields`.
pub fn new_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    fields: &[&str],
    doc: &str,
) -> PyResult<Value> {
    let helper = vm.import_one("_structseq")?;
    let key = vm.intern("structseq");
    let make = vm.get_attr(&helper, &key)?;
    let fields = Value::tuple(fields.iter().map(|f| Value::str(f)).collect());
    let args = [
        Value::str(module),
        Value::str(name),
        fields,
        Value::tuple(Vec::new()),
        Value::str(doc),
    ];
    vm.call(&make, &args, &[])
}

/// An instance of the structured sequence type `t` holding `items`.
pub fn instance(vm: &mut Vm, t: &Value, items: Vec<Value>) -> PyResult<Value> {
    vm.call(t, &[Value::tuple(items)], &[])
}

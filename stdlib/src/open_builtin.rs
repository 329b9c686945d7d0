//! The `open` builtin: `_io.open`, imported on first use so that start-up does not
//! pay for the I/O stack. Depends on core's public API.

use tripwire_core::builtins::native_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::Value;
use tripwire_core::{PyResult, Vm};

fn open(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let io = vm.import_one("_io")?;
    let open = vm.get_attr(&io, &vm.intern("open"))?;
    vm.call(&open, args, kw)
}

pub fn install(vm: &mut Vm) {
    let key = vm.intern("open");
    vm.builtins
        .set_str(key, native_function("builtins", "open", open));
}

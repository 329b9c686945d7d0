//! The builtins `aiter` and `anext`. `anext(it, default)` awaits through a
//! coroutine of `_asyncgen` (`py/asyncgen.py`) that turns StopAsyncIteration into
//! the default.

use super::check_args;
use crate::object::function::KwArg;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `aiter(async_iterable)`.
pub fn aiter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "aiter", args, 1, 1)?;
    let name = vm.intern("__aiter__");
    let Some(method) = vm.type_of(&args[0]).lookup(&name) else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterable",
            vm.type_name(&args[0])
        )));
    };
    let it = vm.call_method_value(method, &args[0], &[])?;
    let next = vm.intern("__anext__");
    if vm.type_of(&it).lookup(&next).is_none() {
        return Err(vm.type_error(format!(
            "aiter() returned not an async iterator of type '{}'",
            vm.type_name(&it)
        )));
    }
    Ok(it)
}

/// `anext(async_iterator[, default])`.
pub fn anext(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "anext", args, 1, 2)?;
    let name = vm.intern("__anext__");
    let Some(method) = vm.type_of(&args[0]).lookup(&name) else {
        return Err(vm.type_error(format!(
            "'{}' object is not an async iterator",
            vm.type_name(&args[0])
        )));
    };
    let awaitable = vm.call_method_value(method, &args[0], &[])?;
    let Some(default) = args.get(1) else {
        return Ok(awaitable);
    };
    let module = vm.import_one("_asyncgen")?;
    let name = vm.intern("anext_or_default");
    let wrap = vm.get_attr(&module, &name)?;
    vm.call(&wrap, &[awaitable, default.clone()], &[])
}

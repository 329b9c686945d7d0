//! `_contextvars`: the thread state's slot for the current `contextvars.Context`
//! (`ThreadHooks::context`), read and written by the Python module `contextvars`
//! (`py/contextvars.py`), which implements the PEP 567 types over it.

use crate::builtins::{add_function, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::{PyResult, Vm};

/// `get_context()`: this thread's current context, None before its first use.
fn get_context(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "get_context", kw)?;
    check_args(vm, "get_context", args, 0, 0)?;
    Ok(vm.thread.context.clone())
}

/// `set_context(ctx)`: make `ctx` this thread's current context.
fn set_context(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "set_context", kw)?;
    check_args(vm, "set_context", args, 1, 1)?;
    vm.thread.context = args[0].clone();
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_contextvars", "get_context", get_context);
    add_function(vm, d, "_contextvars", "set_context", set_context);
    Ok(())
}

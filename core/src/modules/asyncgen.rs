//! The `_asyncgen` module: asynchronous generators (`py/asyncgen.py`), over the
//! native `_yielded_plainly`, which tells a plain `yield` of the body's coroutine
//! from an `await` passing a value up. Calls build them through
//! `Vm::async_generator`.

use crate::builtins::{add_function, check_args};
use crate::code::Instr;
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::generator::Status;
use crate::vm::{PyResult, Vm};

/// `_yielded_plainly(inner)`: whether the coroutine is suspended at a plain
/// `yield` (not delegating to an awaitable).
fn yielded_plainly(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_yielded_plainly", args, 1, 1)?;
    let Value::Generator(g) = &args[0] else {
        return Ok(Value::Bool(false));
    };
    let st = g.state.borrow();
    let plain = st.status == Status::Suspended
        && st.pc >= 1
        && matches!(g.code.instrs.get(st.pc - 1), Some(Instr::YieldValue(0)));
    Ok(Value::Bool(plain))
}

/// The module's namespace is the one its Python source ran in, copied into `d`.
pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let ns = Dict::new_rc();
    ns.set_str(vm.names.d_name.clone(), Value::str("_asyncgen"));
    add_function(vm, &ns, "_asyncgen", "_yielded_plainly", yielded_plainly);
    vm.exec_source(
        include_str!("py/asyncgen.py"),
        "<frozen _asyncgen>",
        ns.clone(),
    )?;
    for (key, value) in ns.items() {
        if let Value::Str(key) = key {
            d.set_str(key, value);
        }
    }
    Ok(())
}

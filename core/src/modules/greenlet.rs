//! `_greenlet`: the stack-switching primitives the `greenlet` module (py/greenlet.py)
//! is written on. A greenlet runs on its own stack of execution (`vm::stacks`); a
//! switch hands one value over and returns the value handed back when some other
//! greenlet switches to this one again.

use crate::builtins::{add_function, check_args, no_kwargs};
use crate::object::function::KwArg;
use crate::object::{Dict, Value};
use crate::vm::stacks::{StackId, ROOT};
use crate::vm::{PyResult, Vm};

fn stack_arg(vm: &Vm, v: &Value) -> PyResult<StackId> {
    match v {
        Value::Int(i) if *i >= 0 => Ok(*i as StackId),
        _ => Err(vm.type_error("a stack id is a non-negative int")),
    }
}

/// `new_stack(bootstrap)`: a stack whose first switch calls `bootstrap(value)` with
/// the value switched in; bootstrap returns `(stack, value)`: where to go when it
/// ends and what to hand over.
fn new_stack(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "new_stack", kw)?;
    check_args(vm, "new_stack", args, 1, 1)?;
    let bootstrap = args[0].clone();
    let entry = Box::new(move |vm: &mut Vm| {
        let passed = std::mem::take(&mut vm.stacks.passed);
        let outcome = vm.call(&bootstrap, &[passed], &[]);
        let handover = match outcome {
            Ok(Value::Tuple(t)) if t.items.len() == 2 => match t.items[0] {
                Value::Int(next) if next >= 0 => Some((next as StackId, t.items[1].clone())),
                _ => None,
            },
            Ok(_) => None,
            Err(e) => {
                vm.report_unraisable_msg("Exception ignored in greenlet bootstrap", e);
                None
            }
        };
        let (next, value) = handover.unwrap_or((ROOT, Value::None));
        vm.stacks.passed = value;
        vm.threads.set_current_stack(next);
        next
    });
    let id = vm.new_stack(entry).map_err(|e| {
        vm.new_error(
            &vm.types.memory_error.clone(),
            &format!("cannot allocate a greenlet stack: {e}"),
        )
    })?;
    Ok(Value::Int(id as i64))
}

/// `switch(stack, value)`: run `stack` with `value`; returns what is handed back.
fn switch(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "switch", kw)?;
    check_args(vm, "switch", args, 2, 2)?;
    let target = stack_arg(vm, &args[0])?;
    if !vm.stacks.alive(target) {
        return Err(vm.new_error(&vm.types.system_error.clone(), "switch to an ended stack"));
    }
    if target == vm.stacks.current {
        return Ok(args[1].clone());
    }
    vm.stacks.passed = args[1].clone();
    vm.threads.set_current_stack(target);
    vm.switch_stack(target);
    Ok(std::mem::take(&mut vm.stacks.passed))
}

fn current(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(vm.stacks.current as i64))
}

/// `frame(stack, skip_file)`: the innermost frame of a suspended stack whose code is
/// not from `skip_file` (the greenlet module's own frames), or None.
fn frame(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "frame", kw)?;
    check_args(vm, "frame", args, 2, 2)?;
    let stack = stack_arg(vm, &args[0])?;
    let Value::Str(skip) = &args[1] else {
        return Err(vm.type_error("frame() file must be a str"));
    };
    Ok(vm.suspended_frame_object(stack, skip.as_str()))
}

/// `discard(stack)`: drop a suspended stack that will never run again.
fn discard(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "discard", kw)?;
    check_args(vm, "discard", args, 1, 1)?;
    let stack = stack_arg(vm, &args[0])?;
    drop(vm.stacks.discard(stack));
    Ok(Value::None)
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("new_stack", new_stack),
        ("switch", switch),
        ("current", current),
        ("frame", frame),
        ("discard", discard),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_greenlet", name, *f);
    }
    Ok(())
}

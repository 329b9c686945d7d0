//! `Vm::push_resumed_frame` through a loop hook: a call handed back to the
//! interpreter in the middle of its body returns its value into the caller as any
//! call does, raises with the resumed frame in the traceback, and frames that need
//! more than slots are refused.

mod common;

use common::{code_name, exec, global};
use std::cell::Cell;
use std::rc::Rc;
use tripwire::core::code::Instr;
use tripwire::core::object::{Dict, PyStr};
use tripwire::core::vm::loop_hook::LoopAction;
use tripwire::{Value, Vm};

const PROGRAM: &str = "\
def g(a, b):
    c = a * b
    return c + 1

def gen():
    yield 1

def f():
    xs = []
    n = 0
    while n < 3:
        n += 1
        x = g(n, 10)
        xs.append(x)
    return xs
";

/// Install a hook that, at the first jump back in `f`, hands `f` back after its call
/// of `g` and pushes the function named `callee` resumed after `g`'s first store
/// (or at 0), with `slots`.
fn resume_once(vm: &mut Vm, globals: &Rc<Dict>, callee: &str, slots: Vec<Value>) {
    let callee = globals
        .get_str(&PyStr::new(callee))
        .expect("the callee is defined");
    let Value::Function(callee) = callee else {
        panic!("not a function");
    };
    let done = Rc::new(Cell::new(false));
    vm.add_loop_hook(1, move |vm, frame, _| {
        if done.get() || code_name(vm, frame) != "f" {
            return Ok(LoopAction::Continue);
        }
        done.set(true);
        let call = frame
            .frame(vm)
            .and_then(|f| f.code.instrs.iter().position(|i| *i == Instr::Call(2)))
            .expect("f calls g");
        if let Some(f) = frame.frame_mut(vm) {
            f.pc = call + 1;
        }
        let code = callee.code();
        let resume = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::StoreFast(_)))
            .map_or(0, |p| p + 1);
        vm.push_resumed_frame(&callee, &slots, &[], resume)?;
        Ok(LoopAction::Took)
    });
}

#[test]
fn a_resumed_call_returns_into_its_caller() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    resume_once(
        &mut vm,
        &g,
        "g",
        vec![Value::Int(7), Value::Int(10), Value::Int(70)],
    );
    exec(&mut vm, &g, "r = f()\n").expect("runs");
    // Round 1 calls g(1, 10); the hook then hands back g resumed at `return c + 1`
    // with c = 70, whose result f appends before going on with rounds 2 and 3.
    assert_eq!(global(&mut vm, &g, "r"), "[11, 71, 21, 31]");
}

#[test]
fn a_resumed_call_raises_with_its_frame_in_the_traceback() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let text = Value::Str(Rc::new(PyStr::new("s")));
    resume_once(&mut vm, &g, "g", vec![Value::Int(7), Value::Int(10), text]);
    let err = exec(&mut vm, &g, "r = f()\n").expect_err("c + 1 raises");
    assert!(
        err.contains("line 3, in g") && err.contains("in f"),
        "the traceback shows g above f: {err}"
    );
    assert!(err.contains("TypeError: can only concatenate str (not \"int\") to str"));
}

#[test]
fn a_generator_frame_cannot_be_resumed_this_way() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    resume_once(&mut vm, &g, "gen", vec![]);
    let err = exec(&mut vm, &g, "r = f()\n").expect_err("refused");
    assert!(
        err.contains("SystemError: cannot resume a frame of gen at instruction 0"),
        "{err}"
    );
}

//! `Vm::push_resumed_frame` through a loop hook: a call handed back to the
//! interpreter in the middle of its body returns its value into the caller as any
//! call does, raises with the resumed frame in the traceback, and frames that need
//! more than slots and their closure's cells are refused. `Vm::push_resumed_init_frame`: a class call's
//! `__init__` resumed gives the caller the instance, or raises CPython's TypeError
//! when it returns something else. `Vm::push_resumed_operator_frame`: a binary
//! operator's method resumed gives the caller the operator's result, and a
//! NotImplemented it returns goes on with the reflected method or the TypeError,
//! raised in the caller.

mod common;

use common::{code_name, exec, global};
use std::cell::Cell;
use std::rc::Rc;
use tripwire::core::builtins::types::new_plain_instance;
use tripwire::core::code::{BinOp, Instr};
use tripwire::core::object::{Dict, Function, PyStr};
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

def make(k):
    def g(a, b):
        c = a * b
        return c + k
    return g

closed = make(100)

class P:
    def __init__(self, a):
        self.a = a
        return self.answer

def h():
    xs = []
    n = 0
    while n < 3:
        n += 1
        x = P(n)
        xs.append(x.a)
    return xs

class M:
    def __init__(self, v):
        self.v = v
    def __sub__(self, o):
        return self.v - o.v

class R:
    def __rsub__(self, o):
        return 'R.__rsub__'

def ops(a, b):
    xs = []
    n = 0
    while n < 3:
        n += 1
        x = a - b
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
    resume_in("f", Instr::Call(2), vm, callee, slots, None);
}

/// `resume_once` for `h`'s class call: `P.__init__` resumed at its start for an
/// instance of `P` whose `answer` is `answer`, with argument `a`.
fn resume_init_once(vm: &mut Vm, globals: &Rc<Dict>, answer: Value, a: i64) {
    let Some(Value::Type(class)) = globals.get_str(&PyStr::new("P")) else {
        panic!("P is a class");
    };
    let (init, nslots) = vm.plain_init(&class).expect("P's call is plain");
    let instance = new_plain_instance(&class, nslots);
    let name = Rc::new(PyStr::new("answer"));
    assert!(vm.set_attr(&instance, &name, answer).is_ok());
    let slots = vec![instance.clone(), Value::Int(a)];
    resume_in("h", Instr::Call(1), vm, init, slots, Some(instance));
}

/// At the first jump back in `ops`, hand `ops` back after its `a - b` and push
/// `M.__sub__` resumed at its start with `self`'s `v` replaced by `answer`.
fn resume_operator_once(vm: &mut Vm, globals: &Rc<Dict>, answer: Value) {
    let Some(Value::Type(class)) = globals.get_str(&PyStr::new("M")) else {
        panic!("M is a class");
    };
    let Some(Value::Function(sub)) = class.lookup(&PyStr::new("__sub__")) else {
        panic!("M has __sub__");
    };
    let done = Rc::new(Cell::new(false));
    vm.add_loop_hook(1, move |vm, frame, _| {
        if done.get() || code_name(vm, frame) != "ops" {
            return Ok(LoopAction::Continue);
        }
        done.set(true);
        let f = frame.frame(vm).expect("ops runs");
        let at = f
            .code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::BinaryOp(_)))
            .expect("ops subtracts");
        let (a, b) = (vm.stack[f.base].clone(), vm.stack[f.base + 1].clone());
        if let Some(f) = frame.frame_mut(vm) {
            f.pc = at + 1;
        }
        // `self` is an M whose `v` is `answer`: `return self.v - o.v` then
        // computes `answer - o.v`; an answer of NotImplemented is returned as is
        // by resuming at the return with it on the stack.
        let code = sub.code();
        let ret = code.instrs.len() - 1;
        let (pc, stack) = match &answer {
            Value::Int(_) => (0, vec![]),
            _ => (ret, vec![answer.clone()]),
        };
        let this = new_plain_instance(&class, 0);
        let name = Rc::new(PyStr::new("v"));
        vm.set_attr(&this, &name, answer.clone())?;
        let slots = [this, b.clone()];
        vm.push_resumed_operator_frame(&sub, &slots, &stack, pc, (BinOp::Sub, a, b))?;
        Ok(LoopAction::Took)
    });
}

/// The built-in named `name`.
fn builtin(vm: &mut Vm, name: &str) -> Value {
    vm.builtins.get_str(&PyStr::new(name)).expect("a built-in")
}

fn resume_in(
    caller: &'static str,
    call: Instr,
    vm: &mut Vm,
    callee: Rc<Function>,
    slots: Vec<Value>,
    init_of: Option<Value>,
) {
    let done = Rc::new(Cell::new(false));
    vm.add_loop_hook(1, move |vm, frame, _| {
        if done.get() || code_name(vm, frame) != caller {
            return Ok(LoopAction::Continue);
        }
        done.set(true);
        let call = frame
            .frame(vm)
            .and_then(|f| f.code.instrs.iter().position(|i| *i == call))
            .expect("the caller calls");
        if let Some(f) = frame.frame_mut(vm) {
            f.pc = call + 1;
        }
        let code = callee.code();
        let resume = code
            .instrs
            .iter()
            .position(|i| matches!(i, Instr::StoreFast(_)))
            .map_or(0, |p| p + 1);
        match &init_of {
            Some(instance) => {
                vm.push_resumed_init_frame(&callee, &slots, &[], 0, instance.clone())?
            }
            None => vm.push_resumed_frame(&callee, &slots, &[], resume)?,
        }
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
fn a_resumed_closure_reads_its_free_variables() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    resume_once(
        &mut vm,
        &g,
        "closed",
        vec![Value::Int(7), Value::Int(10), Value::Int(70)],
    );
    exec(&mut vm, &g, "r = f()\n").expect("runs");
    // `closed` resumed at `return c + k`, with c = 70 and k = 100 from its cell.
    assert_eq!(global(&mut vm, &g, "r"), "[11, 170, 21, 31]");
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

#[test]
fn a_resumed_init_gives_its_caller_the_instance() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    exec(&mut vm, &g, "P.answer = None\n").expect("runs");
    resume_init_once(&mut vm, &g, Value::None, 7);
    exec(&mut vm, &g, "r = h()\n").expect("runs");
    // Round 1 makes P(1); the hook hands back P.__init__ resumed for a new
    // instance with a = 7, which h appends before rounds 2 and 3.
    assert_eq!(global(&mut vm, &g, "r"), "[1, 7, 2, 3]");
}

#[test]
fn a_resumed_init_that_returns_a_value_raises() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    exec(&mut vm, &g, "P.answer = None\n").expect("runs");
    resume_init_once(&mut vm, &g, Value::Int(42), 7);
    let err = exec(&mut vm, &g, "r = h()\n").expect_err("__init__ returns 42");
    assert!(
        err.contains("TypeError: __init__() should return None, not 'int'"),
        "{err}"
    );
}

#[test]
fn a_resumed_operator_method_gives_the_operator_its_value() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    resume_operator_once(&mut vm, &g, Value::Int(100));
    exec(&mut vm, &g, "r = ops(M(5), M(2))\n").expect("runs");
    // Round 1 computes 3; the hook hands back `__sub__` resumed with a `self`
    // whose v is 100: 98, appended before rounds 2 and 3.
    assert_eq!(global(&mut vm, &g, "r"), "[3, 98, 3, 3]");
}

#[test]
fn a_resumed_operator_method_returning_not_implemented_raises_in_the_caller() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let not_implemented = builtin(&mut vm, "NotImplemented");
    resume_operator_once(&mut vm, &g, not_implemented);
    let err = exec(&mut vm, &g, "r = ops(M(5), M(2))\n").expect_err("M - M unsupported");
    assert!(
        err.contains("TypeError: unsupported operand type(s) for -: 'M' and 'M'"),
        "{err}"
    );
    assert!(
        err.contains("in ops") && !err.contains("in __sub__"),
        "{err}"
    );
}

#[test]
fn a_resumed_operator_method_returning_not_implemented_tries_the_reflected_method() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let not_implemented = builtin(&mut vm, "NotImplemented");
    resume_operator_once(&mut vm, &g, not_implemented);
    exec(&mut vm, &g, "R.v = 0\nr = ops(M(5), R())\n").expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "[5, 'R.__rsub__', 5, 5]");
}

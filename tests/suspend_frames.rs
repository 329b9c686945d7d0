//! `Vm::suspend_at_call` through a loop hook: the interpreter makes the call a
//! frame is suspended at, hands the frame back to its owner when the callee
//! returns (with the extension's own values still below the result), lets the owner
//! rebuild it when the callee raises, and refuses what is not such a call.

mod common;

use common::{code_name, exec, global};
use std::cell::RefCell;
use std::rc::Rc;
use tripwire::core::code::Instr;
use tripwire::core::object::{Dict, PyStr};
use tripwire::core::vm::hooks::FrameRef;
use tripwire::core::vm::loop_hook::LoopAction;
use tripwire::core::vm::suspend::Suspended;
use tripwire::core::PyResult;
use tripwire::{Value, Vm};

const PROGRAM: &str = "\
def g(x):
    if x < 0:
        raise ValueError(x)
    return x * 10

def f(arg):
    n = 0
    while n < 3:
        n += 1
    r = g(n)
    return r
";

/// What the owner saw.
#[derive(Default)]
struct Seen {
    returned: Vec<(u32, String, String)>,
    unwound: Vec<(u32, String)>,
}

struct Owner {
    seen: Rc<RefCell<Seen>>,
}

impl Suspended for Owner {
    fn returned(self: Rc<Self>, vm: &mut Vm, frame: FrameRef, at: u32) -> PyResult<()> {
        // The result on top, the owner's own value below it: put the frame back as
        // the interpreter has it after the call (the result alone on the stack).
        let result = vm.stack.pop().unwrap_or(Value::None);
        let own = vm.stack.pop().unwrap_or(Value::None);
        let text = |vm: &mut Vm, v: &Value| vm.repr(v).map(|s| s.as_str().to_string());
        let (result_text, own_text) = (text(vm, &result)?, text(vm, &own)?);
        let pc = frame.frame(vm).map_or(0, |f| f.pc);
        self.seen
            .borrow_mut()
            .returned
            .push((at, format!("{result_text} at {pc}"), own_text));
        vm.stack.push(result);
        Ok(())
    }

    fn unwinding(self: Rc<Self>, vm: &mut Vm, _frame: FrameRef, at: u32) {
        let own = vm.stack.pop().unwrap_or(Value::None);
        let own_text = vm
            .repr(&own)
            .map_or(String::new(), |s| s.as_str().to_string());
        self.seen.borrow_mut().unwound.push((at, own_text));
    }
}

/// Run `act` once, at the first jump back in `f`, with the pc of its call of `g`.
fn at_first_jump_back_in_f(
    vm: &mut Vm,
    act: impl Fn(&mut Vm, FrameRef, usize) -> PyResult<LoopAction> + 'static,
) {
    let done = std::cell::Cell::new(false);
    vm.add_loop_hook(1, move |vm, frame, _| {
        if done.get() || code_name(vm, frame) != "f" {
            return Ok(LoopAction::Continue);
        }
        done.set(true);
        let call = frame
            .frame(vm)
            .and_then(|f| f.code.instrs.iter().position(|i| *i == Instr::Call(1)))
            .expect("f calls g");
        act(vm, frame, call)
    });
}

/// At the first jump back in `f`, suspend it at its call of `g`, with `argument`
/// as the call's argument and the value 99 of the owner's own below the call.
fn suspend_once(vm: &mut Vm, globals: &Rc<Dict>, argument: i64) -> Rc<RefCell<Seen>> {
    let g = globals.get_str(&PyStr::new("g")).expect("g is defined");
    let seen = Rc::new(RefCell::new(Seen::default()));
    let owner = Rc::new(Owner { seen: seen.clone() });
    at_first_jump_back_in_f(vm, move |vm, frame, call| {
        vm.stack.push(Value::Int(99));
        vm.stack.push(g.clone());
        vm.stack.push(Value::Null);
        vm.stack.push(Value::Int(argument));
        assert!(vm.suspend_at_call(frame, call, owner.clone(), 7));
        Ok(LoopAction::Took)
    });
    seen
}

#[test]
fn the_owner_gets_the_frame_back_after_the_call() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let seen = suspend_once(&mut vm, &g, 5);
    exec(&mut vm, &g, "r = f(0)\n").expect("runs");
    // The loop was cut short at its first jump back: g(5), not g(3).
    assert_eq!(global(&mut vm, &g, "r"), "50");
    let call = seen.borrow().returned.clone();
    assert_eq!(call.len(), 1);
    let (at, result, own) = &call[0];
    assert_eq!((*at, own.as_str()), (7, "99"));
    assert!(result.starts_with("50 at "), "{result}");
    assert!(seen.borrow().unwound.is_empty());
}

#[test]
fn a_call_that_raises_lets_the_owner_rebuild_the_frame_first() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let seen = suspend_once(&mut vm, &g, -1);
    let err = exec(&mut vm, &g, "r = f(0)\n").expect_err("g raises");
    assert!(
        err.contains("line 10, in f") && err.contains("line 3, in g"),
        "the traceback shows the call in f and the raise in g: {err}"
    );
    assert!(err.contains("ValueError: -1"), "{err}");
    assert_eq!(seen.borrow().unwound, vec![(7, "99".to_string())]);
    assert!(seen.borrow().returned.is_empty());
}

#[test]
fn only_a_call_that_pushes_a_frame_can_suspend() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let func = g.get_str(&PyStr::new("g")).expect("g is defined");
    let len = vm
        .builtins
        .get_str(&PyStr::new("len"))
        .expect("len is a builtin");
    let answers = Rc::new(RefCell::new(Vec::new()));
    let record = answers.clone();
    at_first_jump_back_in_f(&mut vm, move |vm, frame, call| {
        let height = vm.stack.len();
        let owner: Rc<dyn Suspended> = Rc::new(Owner {
            seen: Rc::default(),
        });
        let cases: [(&Value, Value, Vec<Value>, usize); 4] = [
            // Not a call instruction.
            (&func, Value::Null, vec![Value::Int(1)], 0),
            // A built-in: no frame is pushed.
            (&len, Value::Null, vec![Value::Int(1)], call),
            // A receiver as well: two arguments where g takes one.
            (&func, Value::Int(3), vec![Value::Int(1)], call),
            // Fewer operands than the instruction takes.
            (&func, Value::Null, vec![], call),
        ];
        for (callable, receiver, args, pc) in cases {
            vm.stack.push(callable.clone());
            vm.stack.push(receiver);
            vm.stack.extend(args);
            record
                .borrow_mut()
                .push(vm.suspend_at_call(frame, pc, owner.clone(), 0));
            vm.stack.truncate(height);
        }
        Ok(LoopAction::Continue)
    });
    exec(&mut vm, &g, "r = f(0)\n").expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "30");
    assert_eq!(*answers.borrow(), vec![false, false, false, false]);
}

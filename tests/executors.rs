//! Executors and the warm-code hook (`core::vm::executor`): the hook is called once,
//! at the entry that reaches the threshold, and again after `rearm`; an executor
//! installed on a code object runs each plain entry of its frames, from the Call
//! fast path and from native calls alike, after the eval hooks; its answers mean
//! what a hook's do; frames entered while tracing and frames of other code run in
//! the interpreter.

mod common;

use common::{code_name, exec, global};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use tripwire::core::object::{Dict, PyStr};
use tripwire::core::vm::eval::Exit;
use tripwire::core::vm::executor::Executor;
use tripwire::core::vm::hooks::{FrameRef, HookAction};
use tripwire::core::PyResult;
use tripwire::{Value, Vm};

const PROGRAM: &str = "\
def g(x):
    return x + 1

def other(x):
    return x + 2
";

/// Answers for `g(x)`: 100 * x instead of x + 1, a raise for a negative x, and
/// `Continue` (the interpreter runs it) for x == 0. Counts its entries.
struct Times100 {
    entries: Cell<u32>,
}

impl Executor for Times100 {
    fn enter(self: Rc<Self>, vm: &mut Vm, frame: FrameRef) -> PyResult<HookAction> {
        self.entries.set(self.entries.get() + 1);
        let base = frame.frame(vm).map_or(0, |f| f.base);
        Ok(match vm.stack.get(base) {
            Some(Value::Int(0)) => HookAction::Continue,
            Some(Value::Int(x)) if *x < 0 => HookAction::Raise(vm.value_error("negative")),
            Some(Value::Int(x)) => HookAction::Done(Exit::Return(Value::Int(x * 100))),
            _ => HookAction::Continue,
        })
    }
}

fn install_on_g(vm: &mut Vm, globals: &Rc<Dict>) -> Rc<Times100> {
    let executor = Rc::new(Times100 {
        entries: Cell::new(0),
    });
    let Some(Value::Function(g)) = globals.get_str(&PyStr::new("g")) else {
        panic!("g is a function");
    };
    vm.set_executor(&g.code(), Some(executor.clone()));
    executor
}

#[test]
fn an_executor_runs_every_plain_entry_of_its_code() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let executor = install_on_g(&mut vm, &g);
    exec(
        &mut vm,
        &g,
        "a = g(3)\nb = list(map(g, [1, 2]))\nc = other(3)\nd = g(0)\n\
         try:\n    g(-1)\nexcept ValueError as e:\n    e_ = str(e)\n",
    )
    .expect("runs");
    // The Call fast path, then two native calls through map.
    assert_eq!(global(&mut vm, &g, "a"), "300");
    assert_eq!(global(&mut vm, &g, "b"), "[100, 200]");
    // Other code runs in the interpreter; so does a frame the executor continues.
    assert_eq!(global(&mut vm, &g, "c"), "5");
    assert_eq!(global(&mut vm, &g, "d"), "1");
    // A raise in the frame reaches the caller.
    assert_eq!(global(&mut vm, &g, "e_"), "'negative'");
    assert_eq!(executor.entries.get(), 5);

    // Taken off, it runs nothing more.
    if let Some(Value::Function(f)) = g.get_str(&PyStr::new("g")) {
        f.code().entry.remove_executor();
    }
    exec(&mut vm, &g, "a = g(3)\n").expect("runs");
    assert_eq!(global(&mut vm, &g, "a"), "4");
    assert_eq!(executor.entries.get(), 5);
}

#[test]
fn eval_hooks_come_first_and_tracing_bypasses_executors() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let executor = install_on_g(&mut vm, &g);
    // A hook that makes the outcome of g(7) itself: the executor never sees it.
    let hook = vm.add_eval_hook(|vm, frame, _, _| {
        let base = frame.frame(vm).map_or(0, |f| f.base);
        let seven = matches!(vm.stack.get(base), Some(Value::Int(7)));
        Ok(if code_name(vm, frame) == "g" && seven {
            HookAction::Done(Exit::Return(Value::Int(-7)))
        } else {
            HookAction::Continue
        })
    });
    exec(&mut vm, &g, "a = g(7)\nb = g(2)\n").expect("runs");
    assert_eq!(global(&mut vm, &g, "a"), "-7");
    assert_eq!(global(&mut vm, &g, "b"), "200");
    assert_eq!(executor.entries.get(), 1);
    vm.remove_eval_hook(hook);

    exec(
        &mut vm,
        &g,
        "import sys\nsys.settrace(lambda *a: None)\na = g(2)\nsys.settrace(None)\nb = g(2)\n",
    )
    .expect("runs");
    assert_eq!(global(&mut vm, &g, "a"), "3");
    assert_eq!(global(&mut vm, &g, "b"), "200");
    assert_eq!(executor.entries.get(), 2);
}

#[test]
fn the_warm_code_hook_is_called_once_at_the_threshold_until_rearmed() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("defines");
    let calls: Rc<RefCell<Vec<(String, i64)>>> = Rc::default();
    let seen = calls.clone();
    vm.set_warm_code_hook(
        3,
        Some(Rc::new(move |vm: &mut Vm, frame: FrameRef| {
            let base = frame.frame(vm).map_or(0, |f| f.base);
            let arg = match vm.stack.get(base) {
                Some(Value::Int(x)) => *x,
                _ => -1,
            };
            seen.borrow_mut().push((code_name(vm, frame), arg));
            Ok(HookAction::Continue)
        })),
    );
    exec(&mut vm, &g, "for i in range(10):\n    g(i)\nother(1)\n").expect("runs");
    assert_eq!(*calls.borrow(), vec![("g".to_string(), 2)]);

    if let Some(Value::Function(f)) = g.get_str(&PyStr::new("g")) {
        f.code().entry.rearm();
    }
    exec(&mut vm, &g, "for i in range(5):\n    g(i)\n").expect("runs");
    assert_eq!(calls.borrow().len(), 2);
    assert_eq!(calls.borrow()[1], ("g".to_string(), 2));

    vm.set_warm_code_hook(3, None);
    exec(&mut vm, &g, "for i in range(5):\n    other(i)\n").expect("runs");
    assert_eq!(calls.borrow().len(), 2);
}

/// Counts the entries of the frames of the code it is installed on.
struct Counting {
    entries: Cell<u32>,
}

impl Executor for Counting {
    fn enter(self: Rc<Self>, _vm: &mut Vm, _frame: FrameRef) -> PyResult<HookAction> {
        self.entries.set(self.entries.get() + 1);
        Ok(HookAction::Continue)
    }
}

#[test]
fn a_generator_is_entered_plainly_at_its_start_not_at_its_resumptions() {
    let mut vm = Vm::new();
    let g = Dict::new_rc();
    let program = "\
def gen(n):
    for i in range(n):
        yield i

def outer():
    yield from gen(3)
    yield from gen(2)
";
    exec(&mut vm, &g, program).expect("defines");
    let counting = Rc::new(Counting {
        entries: Cell::new(0),
    });
    let Some(Value::Function(gen)) = g.get_str(&PyStr::new("gen")) else {
        panic!("gen is a function");
    };
    vm.set_executor(&gen.code(), Some(counting.clone()));
    let run = "r = [x for x in gen(4)] + list(outer()) + [x for x in outer()]\n";
    exec(&mut vm, &g, run).expect("runs");
    assert_eq!(
        global(&mut vm, &g, "r"),
        "[0, 1, 2, 3, 0, 1, 2, 0, 1, 0, 1, 2, 0, 1]"
    );
    // Five generators of gen started; their fourteen resumptions are not entries.
    assert_eq!(counting.entries.get(), 5);
}

//! Frame-evaluation hooks through the Rust API: CPython's get / set slot semantics,
//! stacking order, removal, a hook that evaluates the frame itself through `next`,
//! a hook that errors or panics, a hook that runs a frame partway (and an exception
//! raised there), and generator resumption (with the throw flag).

mod common;

use common::{code_name, exec, global};
use std::cell::RefCell;
use std::rc::Rc;
use tripwire::core::object::Dict;
use tripwire::core::vm::eval::Exit;
use tripwire::core::vm::hooks::{EvalFrame, FrameRef, HookAction, Next};
use tripwire::{PyResult, Value, Vm};

type Log = Rc<RefCell<Vec<String>>>;

/// A hook that records `tag:name` and continues.
fn recorder(
    log: &Log,
    tag: &'static str,
) -> impl Fn(&mut Vm, FrameRef, bool, Next) -> PyResult<HookAction> + 'static {
    let log = log.clone();
    move |vm, frame, throw, _next| {
        let t = if throw { " (throw)" } else { "" };
        log.borrow_mut()
            .push(format!("{tag}:{}{t}", code_name(vm, frame)));
        Ok(HookAction::Continue)
    }
}

/// A hook that records the name of each frame but the module's and evaluates it
/// itself, through `next`.
fn evaluator(
    log: &Log,
) -> impl Fn(&mut Vm, FrameRef, bool, Next) -> PyResult<HookAction> + 'static {
    let log = log.clone();
    move |vm, frame, _throw, next| {
        let name = code_name(vm, frame);
        if name == "<module>" {
            return Ok(HookAction::Continue);
        }
        log.borrow_mut().push(name);
        Ok(HookAction::Done(next.eval(vm)?))
    }
}

/// A hook that counts the entries of frames named `name` into `entries` and refuses
/// the second with a ValueError "hook refused NAME".
fn refuser(
    name: &'static str,
    entries: &Rc<std::cell::Cell<usize>>,
) -> impl Fn(&mut Vm, FrameRef, bool, Next) -> PyResult<HookAction> + 'static {
    let count = entries.clone();
    move |vm, frame, _throw, _next| {
        if code_name(vm, frame) == name {
            count.set(count.get() + 1);
            if count.get() == 2 {
                return Err(vm.value_error(format!("hook refused {name}")));
            }
        }
        Ok(HookAction::Continue)
    }
}

const PROGRAM: &str = "def f(x):\n    return x + 1\nr = f(1)\n";

#[test]
fn the_slot_reads_default_until_set_and_default_restores_the_plain_path() {
    let mut vm = Vm::new();
    assert!(matches!(vm.eval_frame(), EvalFrame::Default));
    let log: Log = Rc::default();
    vm.set_eval_frame(EvalFrame::Hook(Rc::new(recorder(&log, "slot"))));
    assert!(matches!(vm.eval_frame(), EvalFrame::Hook(_)));
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("runs");
    assert_eq!(*log.borrow(), ["slot:<module>", "slot:f"]);
    vm.set_eval_frame(EvalFrame::Default);
    assert!(matches!(vm.eval_frame(), EvalFrame::Default));
    assert!(!vm.thread.frame_entry, "the plain path is back");
    exec(&mut vm, &g, PROGRAM).expect("runs");
    assert_eq!(log.borrow().len(), 2);
    assert_eq!(global(&mut vm, &g, "r"), "2");
}

#[test]
fn hooks_stack_newest_first_then_the_slot_and_removal_keeps_the_rest() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.set_eval_frame(EvalFrame::Hook(Rc::new(recorder(&log, "slot"))));
    let optimizer = vm.add_eval_hook(recorder(&log, "optimizer"));
    let debugger = vm.add_eval_hook(recorder(&log, "debugger"));
    let g = Dict::new_rc();
    exec(&mut vm, &g, "def f():\n    return 1\nf()\n").expect("runs");
    assert_eq!(
        *log.borrow(),
        [
            "debugger:<module>",
            "optimizer:<module>",
            "slot:<module>",
            "debugger:f",
            "optimizer:f",
            "slot:f"
        ]
    );
    log.borrow_mut().clear();
    assert!(vm.remove_eval_hook(optimizer));
    assert!(!vm.remove_eval_hook(optimizer), "already removed");
    exec(&mut vm, &g, "f()\n").expect("runs");
    assert_eq!(
        *log.borrow(),
        ["debugger:<module>", "slot:<module>", "debugger:f", "slot:f"]
    );
    log.borrow_mut().clear();
    vm.set_eval_frame(EvalFrame::Default);
    exec(&mut vm, &g, "f()\n").expect("runs");
    assert_eq!(*log.borrow(), ["debugger:<module>", "debugger:f"]);
    assert!(vm.remove_eval_hook(debugger));
    assert!(!vm.thread.frame_entry);
}

#[test]
fn a_hook_can_wrap_evaluation_through_next_and_replace_the_result() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    let inner_log = log.clone();
    vm.add_eval_hook(recorder(&log, "inner"));
    vm.add_eval_hook(move |vm, frame, _throw, next| {
        if code_name(vm, frame) != "f" {
            return Ok(HookAction::Continue);
        }
        inner_log.borrow_mut().push("before".into());
        let exit = next.eval(vm)?;
        inner_log.borrow_mut().push("after".into());
        Ok(HookAction::Done(match exit {
            Exit::Return(Value::Int(i)) => Exit::Return(Value::Int(i * 100)),
            other => other,
        }))
    });
    let g = Dict::new_rc();
    exec(&mut vm, &g, PROGRAM).expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "200");
    assert_eq!(
        *log.borrow(),
        ["inner:<module>", "before", "inner:f", "after"]
    );
}

#[test]
fn a_hook_that_errors_raises_in_the_caller_and_the_interpreter_goes_on() {
    let mut vm = Vm::new();
    let id = vm.add_eval_hook(|vm, frame, _throw, _next| {
        if code_name(vm, frame) == "f" {
            return Err(vm.value_error("hook refused f"));
        }
        Ok(HookAction::Continue)
    });
    let g = Dict::new_rc();
    let src =
        "def f():\n    return 1\ntry:\n    f()\nexcept ValueError as e:\n    caught = str(e)\n";
    exec(&mut vm, &g, src).expect("the error is catchable");
    assert_eq!(global(&mut vm, &g, "caught"), "'hook refused f'");
    vm.remove_eval_hook(id);
    exec(&mut vm, &g, "r = f()\n").expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "1");
}

/// A hook that runs `part` of each frame of the function named `name` itself: the
/// frame's first store is done by the hook (local 0 doubled into local 1), then it
/// hands the frame back after that store with `answer`.
fn run_partway(vm: &mut Vm, name: &'static str, answer: impl Fn(&mut Vm) -> HookAction + 'static) {
    vm.add_eval_hook(move |vm, frame, _throw, _next| {
        if code_name(vm, frame) != name {
            return Ok(HookAction::Continue);
        }
        let Some(f) = frame.frame(vm) else {
            return Ok(HookAction::Continue);
        };
        let after_store = f
            .code
            .instrs
            .iter()
            .position(|i| matches!(i, tripwire::core::code::Instr::StoreFast(1)))
            .expect("the function stores its local 1");
        let base = f.base;
        let Value::Int(n) = vm.stack[base] else {
            return Ok(HookAction::Continue);
        };
        vm.stack[base + 1] = Value::Int(n * 2);
        if let Some(f) = frame.frame_mut(vm) {
            f.pc = after_store + 1;
        }
        Ok(answer(vm))
    });
}

#[test]
fn a_hook_can_run_a_frame_partway_and_let_the_interpreter_go_on() {
    let mut vm = Vm::new();
    run_partway(&mut vm, "f", |_| HookAction::Continue);
    let g = Dict::new_rc();
    let src = "def f(n):\n    a = n * 1000\n    b = a + 1\n    return b\nr = [f(1), f(5)]\n";
    exec(&mut vm, &g, src).expect("runs");
    // The hook stored n * 2 where the code would have stored n * 1000.
    assert_eq!(global(&mut vm, &g, "r"), "[3, 11]");
}

#[test]
fn an_exception_raised_in_a_frame_run_partway_is_handled_there_or_leaves_it() {
    let mut vm = Vm::new();
    run_partway(&mut vm, "f", |vm| {
        HookAction::Raise(vm.zero_division("raised partway"))
    });
    let g = Dict::new_rc();
    let src = "\
def f(n):
    try:
        a = n
        return a
    except ZeroDivisionError as e:
        return 'handled: ' + str(e)
r = f(3)
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "'handled: raised partway'");
    let src = "\
def f(n):
    a = n
    return a
def g():
    return f(3)
g()
";
    let err = exec(&mut vm, &g, src).expect_err("leaves f");
    assert!(
        err.contains("line 5, in g") && err.contains("line 2, in f"),
        "the traceback holds f's frame at its pc: {err}"
    );
    assert!(err.contains("ZeroDivisionError: raised partway"), "{err}");
}

#[test]
fn a_panicking_hook_is_a_system_error() {
    let mut vm = Vm::new();
    let id = vm.add_eval_hook(|vm, frame, _throw, _next| {
        if code_name(vm, frame) == "f" {
            panic!("hook bug");
        }
        Ok(HookAction::Continue)
    });
    let g = Dict::new_rc();
    let src =
        "def f():\n    return 1\ntry:\n    f()\nexcept SystemError as e:\n    caught = str(e)\n";
    exec(&mut vm, &g, src).expect("the error is catchable");
    assert_eq!(
        global(&mut vm, &g, "caught"),
        "'frame evaluation hook panicked'"
    );
    vm.remove_eval_hook(id);
}

#[test]
fn a_hook_sees_generator_and_coroutine_resumption_and_throw() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(recorder(&log, "h"));
    let g = Dict::new_rc();
    let src = "\
def gen():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'thrown'
out = [v for v in gen()]
it = gen()
next(it)
out.append(it.throw(KeyError))
async def co():
    return 5
c = co()
try:
    c.send(None)
except StopIteration as e:
    out.append(e.value)
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "out"), "[1, 2, 'thrown', 5]");
    let seen: Vec<String> = log
        .borrow()
        .iter()
        .filter(|s| !s.ends_with("<module>"))
        .cloned()
        .collect();
    assert_eq!(
        seen,
        ["h:gen", "h:gen", "h:gen", "h:gen", "h:gen (throw)", "h:co"]
    );
}

#[test]
fn a_pass_through_hook_leaves_results_unchanged() {
    let mut vm = Vm::new();
    vm.add_eval_hook(|_, _, _, _| Ok(HookAction::Continue));
    let g = Dict::new_rc();
    let src = "\
class P:
    def __init__(self, v):
        self.v = v
    @property
    def double(self):
        return self.v * 2
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
r = (fib(15), P(4).double, sorted([3, 1, 2], key=lambda x: -x))
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "(610, 8, [3, 2, 1])");
}

#[test]
fn a_hook_that_runs_init_frames_gives_the_call_its_instance() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(evaluator(&log));
    let g = Dict::new_rc();
    let src = "\
class P:
    def __init__(self, v):
        self.v = v
class Bad:
    def __init__(self):
        return 5
ps = [P(i).v for i in range(3)]
try:
    Bad()
except TypeError as e:
    err = str(e)
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "ps"), "[0, 1, 2]");
    assert_eq!(
        global(&mut vm, &g, "err"),
        "\"__init__() should return None, not 'int'\""
    );
    assert_eq!(
        *log.borrow(),
        ["P", "Bad", "__init__", "__init__", "__init__", "__init__"]
    );
}

#[test]
fn a_hook_can_run_resumed_generators_itself_in_for_and_yield_from() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(evaluator(&log));
    let g = Dict::new_rc();
    let src = "\
def sub():
    yield 1
    yield 2
    return 'r'
def gen():
    r = yield from sub()
    yield r
def bad():
    yield 3
    raise KeyError('k')
out = [v for v in gen()]
try:
    for v in bad():
        out.append(v)
except KeyError:
    out.append('caught')
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "out"), "[1, 2, 'r', 3, 'caught']");
    assert_eq!(log.borrow().iter().filter(|s| *s == "gen").count(), 4);
    assert_eq!(log.borrow().iter().filter(|s| *s == "bad").count(), 2);
}

#[test]
fn a_hook_that_refuses_a_resumption_in_for_raises_there_and_finishes_the_generator() {
    let mut vm = Vm::new();
    let seen = Rc::new(std::cell::Cell::new(0));
    vm.add_eval_hook(refuser("gen", &seen));
    let g = Dict::new_rc();
    let src = "\
def gen():
    yield 1
    yield 2
it = gen()
out = []
try:
    for v in it:
        out.append(v)
except ValueError as e:
    out.append(str(e))
out.append(next(it, 'done'))
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(
        global(&mut vm, &g, "out"),
        "[1, 'hook refused gen', 'done']"
    );
    assert_eq!(seen.get(), 2);
}

#[test]
fn a_hook_removed_by_another_during_an_entry_still_sees_that_entry_only() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    let victim = vm.add_eval_hook(recorder(&log, "victim"));
    let remover_log = log.clone();
    vm.add_eval_hook(move |vm, frame, _throw, _next| {
        let name = code_name(vm, frame);
        remover_log.borrow_mut().push(format!("remover:{name}"));
        if name == "f" {
            vm.remove_eval_hook(victim);
        }
        Ok(HookAction::Continue)
    });
    let g = Dict::new_rc();
    let src = "def f():\n    return 1\ndef h():\n    return 2\nr = f() + h()\n";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "3");
    assert_eq!(
        *log.borrow(),
        [
            "remover:<module>",
            "victim:<module>",
            "remover:f",
            "victim:f",
            "remover:h"
        ]
    );
}

#[test]
fn a_hook_that_runs_a_generator_itself_raises_the_thrown_exception_in_it() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(evaluator(&log));
    let g = Dict::new_rc();
    let src = "\
def gen():
    try:
        yield 1
    except KeyError as e:
        yield 'caught ' + repr(e)
it = gen()
next(it)
out = it.throw(KeyError('k'))
";
    exec(&mut vm, &g, src).expect("runs");
    assert_eq!(global(&mut vm, &g, "out"), "\"caught KeyError('k')\"");
    assert_eq!(*log.borrow(), ["gen", "gen"]);
}

const AWAIT_CHAIN: &str = "\
class Aw:
    def __await__(self):
        return (yield 'req')
async def leaf():
    a = await Aw()
    b = await Aw()
    return a + b
async def mid():
    try:
        return await leaf()
    except ValueError as e:
        return 'mid caught ' + str(e)
async def top():
    return await mid()
c = top()
out = [c.send(None), c.send(10)]
try:
    c.send(20)
except StopIteration as s:
    out.append(s.value)
";

#[test]
fn a_hook_sees_every_level_of_every_resumption_of_an_await_chain() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(recorder(&log, "h"));
    let g = Dict::new_rc();
    exec(&mut vm, &g, AWAIT_CHAIN).expect("runs");
    assert_eq!(global(&mut vm, &g, "out"), "['req', 'req', 30]");
    let count = |name: &str| log.borrow().iter().filter(|s| *s == name).count();
    // Three sends resume each coroutine of the chain three times; each of the two
    // `__await__` generators starts once and resumes once.
    assert_eq!((count("h:top"), count("h:mid"), count("h:leaf")), (3, 3, 3));
    assert_eq!(count("h:__await__"), 4);
}

#[test]
fn a_hook_that_refuses_a_level_of_an_await_chain_raises_in_the_level_above() {
    let mut vm = Vm::new();
    let entries = Rc::new(std::cell::Cell::new(0));
    vm.add_eval_hook(refuser("leaf", &entries));
    let g = Dict::new_rc();
    // The second send resumes top, mid and leaf: the hook refuses leaf.
    let src = AWAIT_CHAIN.replace(
        "out = [c.send(None), c.send(10)]\ntry:\n    c.send(20)",
        "out = [c.send(None)]\ntry:\n    c.send(10)",
    );
    exec(&mut vm, &g, &src).expect("runs");
    assert_eq!(
        global(&mut vm, &g, "out"),
        "['req', 'mid caught hook refused leaf']"
    );
    assert_eq!(entries.get(), 2);
}

#[test]
fn a_hook_can_run_every_level_of_an_await_chain_itself() {
    let mut vm = Vm::new();
    let log: Log = Rc::default();
    vm.add_eval_hook(evaluator(&log));
    let g = Dict::new_rc();
    exec(&mut vm, &g, AWAIT_CHAIN).expect("runs");
    assert_eq!(global(&mut vm, &g, "out"), "['req', 'req', 30]");
    let count = |name: &str| log.borrow().iter().filter(|s| *s == name).count();
    assert_eq!((count("top"), count("mid"), count("leaf")), (3, 3, 3));
}

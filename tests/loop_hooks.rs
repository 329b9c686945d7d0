//! Hot-loop hooks through the Rust API: the period, the frame and target a hook is
//! told, a hook asking for the next jump back, a hook that takes the frame over and
//! changes its locals, a hook's error raised in the frame, removal, and thread
//! switches going on beside a hook.

mod common;

use common::{code_name, exec, global};
use std::cell::RefCell;
use std::rc::Rc;
use tripwire::core::object::Dict;
use tripwire::core::vm::loop_hook::LoopAction;
use tripwire::{Value, Vm};

const LOOPS: &str = "\
def count(n):
    i = 0
    while i < n:
        i += 1
    return i

def total(xs):
    t = 0
    for x in xs:
        t += x
    return t

r = count(1000) + total(range(1000))
";

#[test]
fn a_hook_is_told_every_period_jumps_back_with_the_frame_and_the_loop_head() {
    let mut vm = Vm::new();
    let seen: Rc<RefCell<Vec<(String, usize)>>> = Rc::default();
    let s = seen.clone();
    vm.add_loop_hook(1, move |vm, frame, target| {
        s.borrow_mut().push((code_name(vm, frame), target));
        assert_eq!(frame.frame(vm).map(|f| f.pc), Some(target));
        Ok(LoopAction::Continue)
    });
    let g = Dict::new_rc();
    exec(&mut vm, &g, LOOPS).expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "500500");
    let seen = seen.borrow();
    let count = seen.iter().filter(|(n, _)| n == "count").count();
    let total = seen.iter().filter(|(n, _)| n == "total").count();
    // The `while` loop's test sits at its end and jumps back 999 times; the `for`
    // loop's step jumps back after each of its items but the last.
    assert_eq!((count, total), (999, 999));
    let heads: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(heads.len(), 2, "one loop head per loop: {heads:?}");
}

#[test]
fn a_longer_period_calls_the_hook_in_proportion() {
    let mut vm = Vm::new();
    let calls = Rc::new(RefCell::new(0u32));
    let c = calls.clone();
    vm.add_loop_hook(100, move |_, _, _| {
        *c.borrow_mut() += 1;
        Ok(LoopAction::Continue)
    });
    let g = Dict::new_rc();
    exec(&mut vm, &g, LOOPS).expect("runs");
    assert_eq!(*calls.borrow(), 19, "1,998 jumps back at a period of 100");
}

#[test]
fn a_hook_can_ask_to_be_called_at_the_next_jump_back() {
    let mut vm = Vm::new();
    let calls = Rc::new(RefCell::new(0u32));
    let id = Rc::new(RefCell::new(None));
    let (c, me) = (calls.clone(), id.clone());
    let hook = vm.add_loop_hook(1000, move |vm, _, _| {
        *c.borrow_mut() += 1;
        // The first call asks for the next five jumps back, one at a time.
        if *c.borrow() <= 5 {
            let me = me.borrow().expect("the hook's id is known");
            assert!(vm.call_loop_hook_soon(me));
        }
        Ok(LoopAction::Continue)
    });
    *id.borrow_mut() = Some(hook);
    let g = Dict::new_rc();
    exec(&mut vm, &g, "i = 0\nwhile i < 2500:\n    i += 1\n").expect("runs");
    // Called at jump 1000, then at each of the next five, then at 2005.
    assert_eq!(*calls.borrow(), 7);
    assert!(vm.remove_loop_hook(hook));
    assert!(!vm.call_loop_hook_soon(hook));
}

#[test]
fn a_hook_can_take_the_frame_over_and_change_its_locals() {
    let mut vm = Vm::new();
    vm.add_loop_hook(10, |vm, frame, _| {
        if code_name(vm, frame) != "count" {
            return Ok(LoopAction::Continue);
        }
        // Run the loop "by other means" up to its last round: the jump back leads
        // to the body, which runs once more.
        let Some(f) = frame.frame(vm) else {
            return Ok(LoopAction::Continue);
        };
        let code = f.code.clone();
        let slot = |name: &str| code.varnames.iter().position(|v| v.as_str() == name);
        let (Some(i), Some(n)) = (slot("i"), slot("n")) else {
            return Ok(LoopAction::Continue);
        };
        let values = vm.frame_values(frame.index).expect("the frame's values");
        let Value::Int(last) = values[n] else {
            return Ok(LoopAction::Continue);
        };
        values[i] = Value::Int(last - 1);
        Ok(LoopAction::Took)
    });
    let g = Dict::new_rc();
    exec(&mut vm, &g, "def count(n):\n    i = 0\n    while i < n:\n        i += 1\n    return i\nr = count(10**9)\n")
        .expect("runs");
    assert_eq!(global(&mut vm, &g, "r"), "1000000000");
}

#[test]
fn a_hook_error_is_raised_in_the_looping_frame_and_can_be_caught_there() {
    let mut vm = Vm::new();
    let id = vm.add_loop_hook(5, |vm, _, _| {
        let t = vm.types.value_error.clone();
        Err(vm.new_error(&t, "stopped by the loop hook"))
    });
    let g = Dict::new_rc();
    let src = "\
def spin():
    i = 0
    try:
        while True:
            i += 1
    except ValueError as e:
        return (i, str(e))
r = spin()
";
    exec(&mut vm, &g, src).expect("the error is caught in the frame");
    assert_eq!(global(&mut vm, &g, "r"), "(5, 'stopped by the loop hook')");
    assert!(vm.remove_loop_hook(id));
    assert!(!vm.remove_loop_hook(id));
    exec(&mut vm, &g, LOOPS).expect("runs without the hook");
    assert_eq!(global(&mut vm, &g, "r"), "500500");
}

#[test]
fn threads_still_switch_at_their_interval_beside_a_hook() {
    let mut vm = Vm::new();
    let calls = Rc::new(RefCell::new(0u32));
    let c = calls.clone();
    vm.add_loop_hook(7, move |_, _, _| {
        *c.borrow_mut() += 1;
        Ok(LoopAction::Continue)
    });
    let g = Dict::new_rc();
    let src = "\
import threading
count = 0
def counter():
    global count
    for i in range(100000):
        pass
    count = 5
t = threading.Thread(target=counter)
t.start()
spins = 0
while count < 5:
    spins += 1
t.join()
r = count
";
    exec(&mut vm, &g, src).expect("the busy wait ends");
    assert_eq!(global(&mut vm, &g, "r"), "5");
    assert!(*calls.borrow() > 100000 / 7 - 10);
}

//! Per-code scratch space (`co_extra`) through the Rust API: CPython's rules for
//! request / get / set, the 255-user limit, and the free function running on replace
//! and when the code object dies.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use tripwire::core::object::{Dict, PyStr};
use tripwire::core::vm::code_extra::{CodeExtraError, MAX_CODE_EXTRA_USERS};
use tripwire::{Value, Vm};

thread_local! {
    static FREED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

fn record_free(v: Rc<dyn Any>) {
    let text = v
        .downcast_ref::<String>()
        .cloned()
        .unwrap_or_else(|| "?".to_string());
    FREED.with(|f| f.borrow_mut().push(text));
}

fn freed() -> Vec<String> {
    FREED.with(|f| std::mem::take(&mut *f.borrow_mut()))
}

fn text(v: Option<Rc<dyn Any>>) -> Option<String> {
    v.and_then(|v| v.downcast_ref::<String>().cloned())
}

fn value(s: &str) -> Option<Rc<dyn Any>> {
    Some(Rc::new(s.to_string()))
}

/// The code object of function `name` defined by `src`.
fn code_of(vm: &mut Vm, src: &str, name: &str) -> Rc<tripwire::core::code::Code> {
    let globals = Dict::new_rc();
    if let Err(e) = vm.exec_source(src, "<test>", globals.clone()) {
        panic!("{}", vm.format_exception(e.value()));
    }
    match globals.get_str(&PyStr::new(name)) {
        Some(Value::Function(f)) => f.code(),
        _ => panic!("{name} is not a function"),
    }
}

#[test]
fn get_is_empty_until_set_and_beyond_the_slots_a_code_holds() {
    let mut vm = Vm::new();
    let code = code_of(&mut vm, "def f(): pass\n", "f");
    let a = vm.request_code_extra_index(None).expect("index");
    let b = vm.request_code_extra_index(None).expect("index");
    assert_eq!((a, b), (0, 1));
    assert!(code.extra.is_empty(), "no slots before anything is stored");
    assert!(vm.code_extra(&code, a).is_none());
    assert!(vm.code_extra(&code, 200).is_none(), "beyond the held slots");
    vm.set_code_extra(&code, a, value("first")).expect("set");
    assert_eq!(text(vm.code_extra(&code, a)), Some("first".into()));
    assert!(
        vm.code_extra(&code, b).is_none(),
        "beyond what the code holds"
    );
    assert_eq!(code.extra.len(), 1);
}

#[test]
fn an_index_never_handed_out_is_an_error() {
    let mut vm = Vm::new();
    let code = code_of(&mut vm, "def f(): pass\n", "f");
    assert_eq!(
        vm.set_code_extra(&code, 0, value("x")),
        Err(CodeExtraError::BadIndex(0))
    );
    let i = vm.request_code_extra_index(None).expect("index");
    assert_eq!(
        vm.set_code_extra(&code, i + 1, value("x")),
        Err(CodeExtraError::BadIndex(i + 1))
    );
    assert!(vm.code_extra(&code, i + 1).is_none());
    // The interpreter keeps running.
    let globals = Dict::new_rc();
    assert!(vm.exec_source("x = 1 + 1\n", "<test>", globals).is_ok());
}

#[test]
fn at_most_254_indices_are_handed_out_and_the_next_request_fails_quietly() {
    let mut vm = Vm::new();
    for i in 0..MAX_CODE_EXTRA_USERS - 1 {
        assert_eq!(vm.request_code_extra_index(None), Some(i));
    }
    assert_eq!(vm.request_code_extra_index(None), None);
    assert_eq!(vm.request_code_extra_index(Some(record_free)), None);
    assert!(vm.current_handled().is_none(), "nothing raised");
}

#[test]
fn replacing_runs_the_free_function_on_the_old_value() {
    let mut vm = Vm::new();
    let code = code_of(&mut vm, "def f(): pass\n", "f");
    let i = vm
        .request_code_extra_index(Some(record_free))
        .expect("index");
    let plain = vm.request_code_extra_index(None).expect("index");
    vm.set_code_extra(&code, i, value("old")).expect("set");
    assert!(freed().is_empty());
    vm.set_code_extra(&code, i, value("new")).expect("set");
    assert_eq!(freed(), ["old"]);
    assert_eq!(text(vm.code_extra(&code, i)), Some("new".into()));
    vm.set_code_extra(&code, i, None).expect("clear");
    assert_eq!(freed(), ["new"]);
    vm.set_code_extra(&code, plain, value("no free function"))
        .expect("set");
    vm.set_code_extra(&code, plain, value("again"))
        .expect("set");
    assert!(freed().is_empty());
}

#[test]
fn free_functions_run_when_the_code_object_dies() {
    let mut vm = Vm::new();
    let i = vm
        .request_code_extra_index(Some(record_free))
        .expect("index");
    let j = vm
        .request_code_extra_index(Some(record_free))
        .expect("index");
    let globals = Dict::new_rc();
    let src = "def f():\n    return 1\n";
    if let Err(e) = vm.exec_source(src, "<test>", globals.clone()) {
        panic!("{}", vm.format_exception(e.value()));
    }
    let code = match globals.get_str(&PyStr::new("f")) {
        Some(Value::Function(f)) => f.code(),
        _ => panic!("f is not a function"),
    };
    vm.set_code_extra(&code, i, value("slot i")).expect("set");
    vm.set_code_extra(&code, j, value("slot j")).expect("set");
    drop(code);
    assert!(freed().is_empty(), "the function still holds the code");
    if let Err(e) = vm.exec_source("del f\n", "<test>", globals.clone()) {
        panic!("{}", vm.format_exception(e.value()));
    }
    drop(globals);
    let mut got = freed();
    got.sort();
    assert_eq!(got, ["slot i", "slot j"]);
}

#[test]
fn a_code_object_pays_one_pointer_for_the_feature() {
    assert_eq!(
        std::mem::size_of::<tripwire::core::vm::code_extra::CodeExtra>(),
        std::mem::size_of::<usize>()
    );
}

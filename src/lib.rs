//! tripwire: a Python runtime whose extension hooks are first-class.
//!
//! This facade re-exports the runtime (`tripwire_core`) and runs programs on a thread
//! with a large native stack, so deep native recursion (a recursive `__repr__`, a
//! deeply nested literal) ends in RecursionError rather than a stack overflow.

pub use tripwire_core as core;
pub use tripwire_core::{PyErr, PyResult, Value, Vm};

/// Native stack for the interpreter thread.
const STACK_SIZE: usize = 1 << 30;

/// Run a Python file as `__main__` with `argv` (argv[0] is the file); returns the
/// exit status.
pub fn run_file(path: &str, argv: &[String]) -> i32 {
    let path = path.to_string();
    let argv = argv.to_vec();
    let handle = std::thread::Builder::new()
        .name("tripwire-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            let mut vm = Vm::new();
            vm.stack_budget = STACK_SIZE - (64 << 20);
            vm.run_main(&path, &argv)
        });
    match handle.map(|h| h.join()) {
        Ok(Ok(status)) => status,
        Ok(Err(_)) => {
            eprintln!("tripwire: internal error (the interpreter thread panicked)");
            70
        }
        Err(e) => {
            eprintln!("tripwire: cannot start the interpreter thread: {e}");
            71
        }
    }
}

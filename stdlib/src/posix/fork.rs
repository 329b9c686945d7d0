//! `fork` and `register_at_fork`: the process is copied with only the calling
//! Python thread going on in the child (the scheduler forgets the others), and the
//! registered callables run around it as CPython runs them: `before` ones newest
//! first, `after_in_parent` / `after_in_child` ones oldest first, a failing one
//! reported as unraisable; with other threads running, the parent gets CPython's
//! DeprecationWarning. Buffered output is not flushed: what a program printed
//! without flushing is in both processes' buffers, as in CPython.
//! `_posixsubprocess` forks through `fork_with_hooks` too. Depends on core's
//! thread scheduler (`Vm::keep_only_running_thread`) and `libc`.

use super::last_error;
use tripwire_core::builtins::functions::is_callable;
use tripwire_core::builtins::{check_args, kwarg, no_kwargs, only_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

pub(super) const FUNCTIONS: &[(&str, NativeFn)] =
    &[("fork", fork), ("register_at_fork", register_at_fork)];

/// The callables `register_at_fork` was given, in the order given.
#[derive(Default)]
struct ForkHooks {
    before: Vec<Value>,
    after_in_parent: Vec<Value>,
    after_in_child: Vec<Value>,
}

/// Which side of a fork the hooks are for.
#[derive(Clone, Copy)]
enum Stage {
    Before,
    Parent,
    Child,
}

fn register_at_fork(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error("register_at_fork() takes no positional arguments"));
    }
    const NAMES: [&str; 3] = ["before", "after_in_child", "after_in_parent"];
    only_kwargs(vm, "register_at_fork", kw, &NAMES)?;
    let given: Vec<Option<Value>> = NAMES.iter().map(|name| kwarg(kw, name).cloned()).collect();
    if given.iter().all(Option::is_none) {
        return Err(vm.type_error("At least one argument is required."));
    }
    for (name, f) in NAMES.iter().zip(&given) {
        if let Some(f) = f.as_ref().filter(|f| !is_callable(vm, f)) {
            return Err(vm.type_error(format!(
                "'{name}' must be callable, not {}",
                vm.type_name(f)
            )));
        }
    }
    if vm.extension_state::<ForkHooks>().is_none() {
        vm.set_extension_state(ForkHooks::default());
    }
    if let Some(hooks) = vm.extension_state::<ForkHooks>() {
        let [before, child, parent] = [&given[0], &given[1], &given[2]];
        hooks.before.extend(before.clone());
        hooks.after_in_child.extend(child.clone());
        hooks.after_in_parent.extend(parent.clone());
    }
    Ok(Value::None)
}

/// Run the hooks of `stage`; one that raises is reported, the others still run.
fn run_hooks(vm: &mut Vm, stage: Stage) {
    let hooks = match vm.extension_state::<ForkHooks>() {
        Some(h) => match stage {
            Stage::Before => h.before.iter().rev().cloned().collect(),
            Stage::Parent => h.after_in_parent.clone(),
            Stage::Child => h.after_in_child.clone(),
        },
        None => Vec::new(),
    };
    for f in hooks {
        if let Err(e) = vm.call(&f, &[], &[]) {
            let what = match vm.repr(&f) {
                Ok(r) => r.as_str().to_string(),
                Err(_) => "<object repr() failed>".to_string(),
            };
            vm.report_unraisable(&what, e);
        }
    }
}

/// The `after_in_child` hook of `random`: CPython's random.py registers its hidden
/// instance's `seed` at import, so that a child draws other numbers than its
/// parent; tripwire's `random` is native and has it run from here.
fn reseed_random(vm: &mut Vm) {
    let key = vm.intern("random");
    let Some(module) = vm.modules.get_str(&key) else {
        return;
    };
    let name = vm.intern("seed");
    let reseeded = match vm.get_attr_opt(&module, &name) {
        Ok(Some(seed)) => vm.call(&seed, &[], &[]).map(drop),
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    };
    if let Err(e) = reseeded {
        vm.report_unraisable("<random seed at fork>", e);
    }
}

/// Fork with the `register_at_fork` hooks around it (when `hooks`), the child
/// keeping only the running thread; the child's pid in the parent, 0 in the child.
pub(crate) fn fork_with_hooks(vm: &mut Vm, hooks: bool) -> PyResult<libc::pid_t> {
    if hooks {
        run_hooks(vm, Stage::Before);
    }
    // SAFETY: the interpreter's OS thread is the only one that runs (the thread
    // that started it only waits for it), so the child's copy of every lock and
    // allocator is consistent.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        vm.keep_only_running_thread();
        if hooks {
            reseed_random(vm);
            run_hooks(vm, Stage::Child);
        }
        return Ok(0);
    }
    let error = (pid < 0).then(|| last_error(vm, None));
    if hooks {
        run_hooks(vm, Stage::Parent);
    }
    match error {
        Some(e) => Err(e),
        None => Ok(pid),
    }
}

fn fork(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "fork", kw)?;
    check_args(vm, "fork", args, 0, 0)?;
    let pid = fork_with_hooks(vm, true)?;
    if pid > 0 && vm.threads.count() > 1 {
        let message = format!(
            "This process (pid={}) is multi-threaded, use of fork() may lead to deadlocks \
             in the child.",
            std::process::id()
        );
        let category = vm.types.deprecation_warning.clone();
        if let Err(e) = vm.warn(&category, &message) {
            vm.report_unraisable("<built-in function fork>", e);
        }
    }
    Ok(Value::Int(pid as i64))
}

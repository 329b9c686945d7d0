//! tripwire: a Python runtime whose extension hooks are first-class.
//!
//! This facade re-exports the runtime (`tripwire_core`) and runs programs on a thread
//! with a large native stack, so deep native recursion (a recursive `__repr__`, a
//! deeply nested literal) ends in RecursionError rather than a stack overflow.

pub mod fuzz;
pub mod reference;

use std::ffi::{OsStr, OsString};

pub use tripwire_core as core;
pub use tripwire_core::watch::{CodeEventKind, DictEventKind, FuncEventKind};
pub use tripwire_core::watchers::{self, Format as TraceFormat, Kind, WatchError};
pub use tripwire_core::{
    CodeEvent, DictEvent, FuncEvent, PyErr, PyResult, TypeEvent, Value, Vm, Watchers,
};
pub use tripwire_optimizer as optimizer;
pub use tripwire_stdlib as stdlib;

/// Native stack for the interpreter thread.
const STACK_SIZE: usize = 1 << 30;

/// How to run a program.
#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    /// Print every watcher event to stderr in this form (`--trace=events`).
    pub trace: Option<TraceFormat>,
    /// Install a frame-evaluation hook that only continues (to measure what a hook's
    /// presence costs; `--eval-hook=passthrough` or `TRIPWIRE_EVAL_HOOK=passthrough`).
    pub passthrough_eval_hook: bool,
    /// Run with the optimizer and these strategies (`--opt`, or any strategy option).
    pub optimizer: Option<tripwire_optimizer::options::Options>,
    /// Print the optimizer's invalidation trace to stderr in this form
    /// (`--trace=invalidations`).
    pub trace_invalidations: Option<TraceFormat>,
    /// Write the optimizer's timeline (compiles, runs of units, trace records) in
    /// the Chrome trace-event format to this file (`--trace-format=chrome`, with
    /// `--trace-file=PATH`).
    pub chrome_trace: Option<std::path::PathBuf>,
    /// Print the optimizer's statistics to stderr at exit (`--stats`).
    pub stats: bool,
}

/// Run a Python file as `__main__` with `argv` (argv[0] is the file); returns the
/// exit status. Paths and arguments are the operating system's strings.
pub fn run_file(path: impl AsRef<OsStr>, argv: &[impl AsRef<OsStr>]) -> i32 {
    run_file_with(path, argv, RunOptions::default())
}

/// `run_file` with options.
pub fn run_file_with(
    path: impl AsRef<OsStr>,
    argv: &[impl AsRef<OsStr>],
    options: RunOptions,
) -> i32 {
    run_program(Program::File(path.as_ref().to_owned()), argv, options)
}

/// What runs as `__main__`.
#[derive(Clone, Debug)]
pub enum Program {
    /// A source file; argv[0] is the file.
    File(OsString),
    /// Source text, as `python -c` runs it; argv holds the arguments after it
    /// (`sys.argv` is `['-c', ...]`).
    Code(String),
    /// A module found on `sys.path`, run as `python -m` runs it; argv holds the
    /// arguments after its name.
    Module(String),
}

/// Run `program` on a thread with a large native stack; returns the exit status.
pub fn run_program(program: Program, argv: &[impl AsRef<OsStr>], options: RunOptions) -> i32 {
    let argv: Vec<OsString> = argv.iter().map(|a| a.as_ref().to_owned()).collect();
    let parent_pid = std::process::id();
    let handle = std::thread::Builder::new()
        .name("tripwire-main".into())
        .stack_size(STACK_SIZE)
        .spawn(move || {
            if let Err(status) = int_max_str_digits_from_env() {
                return status;
            }
            let mut vm = Vm::new();
            vm.stack_budget = STACK_SIZE - (64 << 20);
            let library = tripwire_stdlib::locate::find();
            if let Err(e) = tripwire_stdlib::install(&mut vm, library.as_ref()) {
                return vm.exit_status(e);
            }
            if let Some(format) = options.trace {
                if let Err(e) = vm.enable_event_trace(format) {
                    eprintln!("tripwire: cannot trace events: {e}");
                    return 2;
                }
            }
            if options.passthrough_eval_hook {
                vm.add_eval_hook(|_, _, _, _| Ok(tripwire_core::vm::hooks::HookAction::Continue));
            }
            if let Some(strategies) = options.optimizer {
                use tripwire_optimizer::runtime::Optimizer;
                if let Err(e) = Optimizer::install(&mut vm, strategies) {
                    eprintln!("tripwire: cannot install the optimizer: {e}");
                    return 2;
                }
                if let Some(path) = &options.chrome_trace {
                    match std::fs::File::create(path) {
                        Ok(file) => Optimizer::set_chrome_trace(
                            &mut vm,
                            Box::new(std::io::BufWriter::new(file)),
                        ),
                        Err(e) => {
                            eprintln!("tripwire: cannot write {}: {e}", path.display());
                            return 2;
                        }
                    }
                }
                if let Some(format) = options.trace_invalidations {
                    let json = format == TraceFormat::Json;
                    Optimizer::set_trace_sink(
                        &mut vm,
                        Box::new(move |r| {
                            eprintln!("{}", if json { r.json() } else { r.text() });
                        }),
                    );
                }
            }
            let status = match &program {
                Program::File(path) => vm.run_main(path, &argv),
                Program::Code(code) => vm.run_main_code(code, &argv),
                Program::Module(name) => vm.run_main_module(name, &argv),
            };
            if options.stats {
                if let Some(stats) = tripwire_optimizer::runtime::Optimizer::stats(&mut vm) {
                    eprint!("{}", stats.report(true));
                }
            }
            if std::process::id() != parent_pid {
                // The child of an `os.fork`: the thread waiting for this one was not
                // copied into it, so the process ends here.
                end_forked_child(status);
            }
            status
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

/// End a forked child whose program returned `status`, as the `tripwire` command
/// ends: by SIGINT after an uncaught KeyboardInterrupt, else with the status's low
/// 8 bits.
fn end_forked_child(status: i32) -> ! {
    if tripwire_core::vm::signals::died_of_interrupt() {
        tripwire_core::vm::signals::exit_by_sigint();
    }
    std::process::exit(status & 0xff)
}

/// `PYTHONINTMAXSTRDIGITS`, as CPython reads it at start-up: the digit limit of
/// int/str conversions (and of int literals), or CPython's fatal error (status 1).
fn int_max_str_digits_from_env() -> Result<(), i32> {
    use tripwire_core::object::bigint_text;
    let Some(text) = std::env::var_os("PYTHONINTMAXSTRDIGITS") else {
        return Ok(());
    };
    let text = text.to_string_lossy();
    if text.is_empty() {
        return Ok(());
    }
    match bigint_text::parse_max_str_digits(&text) {
        Some(limit) => {
            bigint_text::set_max_str_digits(limit);
            Ok(())
        }
        None => {
            eprintln!(
                "Fatal Python error: config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS: \
                 invalid limit; must be >= {} or 0 for unlimited.\n\
                 Python runtime state: preinitialized\n",
                bigint_text::MIN_MAX_STR_DIGITS
            );
            Err(1)
        }
    }
}

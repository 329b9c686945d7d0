//! The `tripwire` command.

mod fuzz_command;

use std::ffi::OsString;
use std::process::ExitCode;
use tripwire::core::vm::memory_reserve::{self, WithReserve};
use tripwire::{RunOptions, TraceFormat};

/// Python programs allocate and free small objects at a high rate; mimalloc's
/// per-size free lists serve that in a fraction of the system allocator's time.
/// Behind it, the reserve that turns running out of memory in the runtime's own
/// allocations into a MemoryError (`memory_reserve`).
#[global_allocator]
static ALLOCATOR: WithReserve<mimalloc::MiMalloc> = WithReserve(mimalloc::MiMalloc);

/// mimalloc's `mi_option_purge_delay` (its number in the version 3 header).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long freed pages stay mapped before they go back to the system, in ms.
/// mimalloc waits a second by default, which lets the resident size run well past
/// what the program holds (float: 51 MB against CPython's 27 MB). Giving them back at
/// once makes a program that builds and drops a structure in a loop fault the same
/// pages in again and again (deltablue: 64,000 faults, 8% of its time in the
/// kernel). Ten milliseconds keeps most of those pages (the kernel time halves) and
/// the resident size within a quarter of CPython's.
const PURGE_DELAY_MS: std::os::raw::c_long = 10;

/// Give freed pages back to the system soon (see `PURGE_DELAY_MS`), so that the
/// resident size follows what the program holds, as CPython's does. Eager arena
/// commit is turned off where mimalloc is compiled (.cargo/config.toml).
fn tune_allocator() {
    // SAFETY: a plain setter of one of mimalloc's global options, called before any
    // thread of ours starts.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

const HELP: &str = "\
tripwire - a Python 3.13 runtime whose extension hooks are first-class

Usage:
  tripwire run [OPTIONS] FILE [ARGS...]   run a Python program (sys.argv = [FILE, ARGS...])
  tripwire fuzz [OPTIONS]                 run the mutation fuzzer (tripwire fuzz --help)
  tripwire --version                      print the version
  tripwire --help                         print this help

Options of run:
  --trace=events         print every dict / type / function / code watcher event to
                         stderr, one line each, identical from run to run
  --trace-format=FORMAT  text (the default) or json (one JSON object per line)
  --eval-hook=passthrough
                         install a frame-evaluation hook that only continues (to
                         measure a hook's cost; also TRIPWIRE_EVAL_HOOK=passthrough)

An uncaught exception prints a CPython-style traceback to stderr and exits with
status 1; sys.exit(n) exits with status n.
";

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tripwire run: {msg}\n\n{HELP}");
    ExitCode::from(2)
}

/// `tripwire run ...`: options, then the file and its arguments (the operating
/// system's strings, which need not be UTF-8).
fn run(args: &[OsString]) -> ExitCode {
    let mut trace = false;
    let mut format = TraceFormat::Text;
    let mut passthrough = std::env::var("TRIPWIRE_EVAL_HOOK").is_ok_and(|v| v == "passthrough");
    let mut i = 0;
    while let Some(a) = args
        .get(i)
        .filter(|a| a.as_encoded_bytes().starts_with(b"--"))
    {
        match a.to_str() {
            Some("--trace=events") => trace = true,
            Some("--trace-format=text") => format = TraceFormat::Text,
            Some("--trace-format=json") => format = TraceFormat::Json,
            Some("--eval-hook=passthrough") => passthrough = true,
            _ => return usage_error(&format!("unknown option '{}'", a.to_string_lossy())),
        }
        i += 1;
    }
    let Some(file) = args.get(i) else {
        return usage_error("missing FILE");
    };
    let options = RunOptions {
        trace: trace.then_some(format),
        passthrough_eval_hook: passthrough,
    };
    let status = tripwire::run_file_with(file, &args[i..], options);
    if tripwire::core::vm::signals::died_of_interrupt() {
        tripwire::core::vm::signals::exit_by_sigint();
    }
    // The system keeps the low 8 bits of the status, as of C's exit().
    ExitCode::from(status as u8)
}

fn main() -> ExitCode {
    tune_allocator();
    memory_reserve::arm();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("--version") | Some("-V") => {
            println!(
                "tripwire {} (Python 3.13 compatible)",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        None if args.is_empty() => {
            print!("{HELP}");
            ExitCode::from(2)
        }
        Some("run") => run(&args[1..]),
        Some("fuzz") => {
            let options: Vec<String> = args[1..]
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            fuzz_command::main(&options)
        }
        _ => {
            let other = args
                .first()
                .map(|a| a.to_string_lossy())
                .unwrap_or_default();
            eprintln!("tripwire: unknown command '{other}'\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

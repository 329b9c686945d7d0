//! The `tripwire` command.

mod bench;
mod fuzz_command;

use std::ffi::OsString;
use std::process::ExitCode;
use tripwire::core::vm::memory_reserve::{self, WithReserve};
use tripwire::{Program, RunOptions, TraceFormat};

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
  tripwire run [OPTIONS] -c CODE [ARGS...]
  tripwire -c CODE [ARGS...]              run source text as python -c does
                                          (sys.argv = ['-c', ARGS...])
  tripwire run [OPTIONS] -m MODULE [ARGS...]
  tripwire -m MODULE [ARGS...]            run a module found on sys.path as
                                          python -m does
  tripwire bench [OPTIONS] [PROGRAMS...]  time programs with and without the optimizer
                                          and under CPython (tripwire bench --help)
  tripwire bench --compat FOLDERS...      does tripwire print what CPython prints, per
                                          benchmark script? (tripwire bench --compat --help)
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
  --opt                  run with the optimizer (the default: hot loops compiled
                         to specialised units kept true by watchers)
  --no-opt               run the plain interpreter, without the optimizer
  --trace=invalidations  print every event that reaches the optimizer and what it
                         did (text, or JSON lines with --trace-format=json)
  --trace-format=chrome  write the optimizer's timeline (compiles and runs of
                         compiled code as spans, its trace records as instants)
                         in the Chrome trace-event format, for Perfetto, to
                         --trace-file=PATH (default tripwire-trace.json)
  --stats                print the optimizer's statistics to stderr at exit

An uncaught exception prints a CPython-style traceback to stderr and exits with
status 1; sys.exit(n) exits with status n.
";

/// The help text, with the optimizer's strategy options.
fn help() -> String {
    format!(
        "{HELP}\nOptimizer strategies of run (the optimizer runs unless --no-opt is given):\n{}",
        tripwire::optimizer::options::HELP
    )
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("tripwire run: {msg}\n\n{}", help());
    ExitCode::from(2)
}

/// `tripwire run ...`: options, then the file and its arguments (the operating
/// system's strings, which need not be UTF-8).
fn run(args: &[OsString]) -> ExitCode {
    let mut trace = false;
    let mut format = TraceFormat::Text;
    let mut passthrough = std::env::var("TRIPWIRE_EVAL_HOOK").is_ok_and(|v| v == "passthrough");
    let mut strategies = tripwire::optimizer::options::Options::default();
    let (mut opt, mut trace_invalidations, mut stats) = (true, false, false);
    let mut chrome: Option<std::path::PathBuf> = None;
    let mut i = 0;
    while let Some(a) = args
        .get(i)
        .filter(|a| a.as_encoded_bytes().starts_with(b"--"))
    {
        match a.to_str() {
            Some("--trace=events") => trace = true,
            Some("--trace-format=text") => format = TraceFormat::Text,
            Some("--trace-format=json") => format = TraceFormat::Json,
            Some("--trace-format=chrome") => {
                chrome = Some(chrome.unwrap_or_else(|| "tripwire-trace.json".into()));
            }
            Some(f) if f.starts_with("--trace-file=") => {
                chrome = Some(f["--trace-file=".len()..].into());
            }
            Some("--eval-hook=passthrough") => passthrough = true,
            Some("--opt") => opt = true,
            Some("--no-opt") => opt = false,
            Some("--trace=invalidations") => trace_invalidations = true,
            Some("--stats") => stats = true,
            Some(other) => match strategies.apply(other) {
                Ok(true) => {}
                Ok(false) => return usage_error(&format!("unknown option '{other}'")),
                Err(e) => return usage_error(&e),
            },
            None => return usage_error(&format!("unknown option '{}'", a.to_string_lossy())),
        }
        i += 1;
    }
    // CPython's -B (write no bytecode) is what tripwire always does.
    while args.get(i).is_some_and(|a| a == "-B") {
        i += 1;
    }
    let (program, argv) = match args.get(i) {
        None => return usage_error("missing FILE"),
        Some(a) if a == "-c" => match args.get(i + 1) {
            Some(code) => (
                Program::Code(code.to_string_lossy().into_owned()),
                &args[i + 2..],
            ),
            None => return usage_error("argument expected for -c"),
        },
        Some(a) if a == "-m" => match args.get(i + 1) {
            Some(name) => (
                Program::Module(name.to_string_lossy().into_owned()),
                &args[i + 2..],
            ),
            None => return usage_error("argument expected for -m"),
        },
        Some(file) => (Program::File(file.clone()), &args[i..]),
    };
    let options = RunOptions {
        trace: trace.then_some(format),
        passthrough_eval_hook: passthrough,
        optimizer: opt.then_some(strategies),
        trace_invalidations: trace_invalidations.then_some(format),
        stats,
        chrome_trace: chrome,
    };
    let status = tripwire::run_program(program, argv, options);
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
            print!("{}", help());
            ExitCode::SUCCESS
        }
        None if args.is_empty() => {
            print!("{}", help());
            ExitCode::from(2)
        }
        Some("run") => run(&args[1..]),
        // CPython's command line, as `sys.executable` is called by programs.
        Some("-c") | Some("-m") | Some("-B") => run(&args),
        Some("bench") => bench::main(&args[1..]),
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
            eprintln!("tripwire: unknown command '{other}'\n\n{}", help());
            ExitCode::from(2)
        }
    }
}

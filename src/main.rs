//! The `tripwire` command.

use std::process::ExitCode;

const HELP: &str = "\
tripwire - a Python 3.13 runtime whose extension hooks are first-class

Usage:
  tripwire run FILE [ARGS...]   run a Python program (sys.argv = [FILE, ARGS...])
  tripwire --version            print the version
  tripwire --help               print this help

An uncaught exception prints a CPython-style traceback to stderr and exits with
status 1; sys.exit(n) exits with status n.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("--version") | Some("-V") => {
            println!(
                "tripwire {} (Python 3.13 compatible)",
                env!("CARGO_PKG_VERSION")
            );
            ExitCode::SUCCESS
        }
        Some("--help") | Some("-h") | None => {
            print!("{HELP}");
            if args.is_empty() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            }
        }
        Some("run") => match args.get(1) {
            Some(file) => {
                let status = tripwire::run_file(file, &args[1..]);
                ExitCode::from(status.clamp(0, 255) as u8)
            }
            None => {
                eprintln!("tripwire run: missing FILE\n\n{HELP}");
                ExitCode::from(2)
            }
        },
        Some(other) => {
            eprintln!("tripwire: unknown command '{other}'\n\n{HELP}");
            ExitCode::from(2)
        }
    }
}

//! Running one program in a child process under a time and address-space limit, and
//! what became of it: an exit (with the exception type it ended in), a crash (a
//! signal, a Rust panic, an abort) or a hang. Depends on nothing else in the crate.

use std::hash::Hasher;
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The process exited on its own: its status, and the exception type named by
    /// the last line of stderr when the status is not 0 (`""` when none is).
    Exited { status: i32, exception: String },
    /// Killed by a signal it did not ask for, or it reported a Rust panic or an
    /// internal error: the signal or the line that says so.
    Crashed(String),
    /// Killed by a signal a program can send itself with its default action
    /// (`signal.raise_signal(signal.SIGUSR1)`, `os.kill(os.getpid(), ...)`): a
    /// crash only if the reference is not killed by it too.
    Signalled(i32),
    /// Still running at the time limit (then killed).
    TimedOut,
}

impl Outcome {
    pub fn is_crash(&self) -> bool {
        matches!(self, Outcome::Crashed(_))
    }

    /// A short form for reports: `ok`, `exit 1 TypeError`, `crash: ...`, `timeout`.
    pub fn summary(&self) -> String {
        match self {
            Outcome::Exited { status: 0, .. } => "ok".to_string(),
            Outcome::Exited { status, exception } if exception.is_empty() => {
                format!("exit {status}")
            }
            Outcome::Exited { status, exception } => format!("exit {status} {exception}"),
            Outcome::Crashed(why) => format!("crash: {why}"),
            Outcome::Signalled(signal) => format!("signal {signal}"),
            Outcome::TimedOut => "timeout".to_string(),
        }
    }
}

/// Limits for one run.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub time: Duration,
    /// Address-space limit in bytes (`ulimit -v`); 0 for none.
    pub memory: u64,
}

/// The most of stderr kept: a panic message is searched for in all of it, but only
/// its start and end are kept.
const STDERR_KEEP: usize = 64 * 1024;

/// Signals that say the process faulted (SIGILL, SIGABRT, SIGBUS, SIGFPE,
/// SIGSEGV): a crash whatever the reference does.
const CRASH_SIGNALS: &[i32] = &[4, 6, 7, 8, 11];

/// Lines by which tripwire (or the Rust runtime under it) says it failed inside.
const CRASH_MARKERS: &[&str] = &[
    "panicked at",
    "fatal runtime error",
    "memory allocation of",
    "tripwire: internal error",
    "has overflowed its stack",
];

/// A run's outcome and a digest of all it wrote to stdout (to tell two runs of
/// one program apart), and how long it took. Two runs are equal when they ended
/// alike and printed the same, however long each took.
#[derive(Clone, Debug)]
pub struct Ran {
    pub outcome: Outcome,
    pub stdout: u64,
    /// Wall time until it ended or was killed.
    pub took: Duration,
}

impl PartialEq for Ran {
    fn eq(&self, other: &Ran) -> bool {
        self.outcome == other.outcome && self.stdout == other.stdout
    }
}

impl Eq for Ran {}

/// Run `program` with `cmd` (the interpreter and its leading arguments) in `dir`,
/// stdin empty. The run is a process group of its own, killed whole when it ends
/// or times out: a process it forked that lives on (a mutant that forks and
/// loops) would otherwise hold its output open, and the campaign would wait for
/// it forever.
pub fn run(cmd: &[String], program: &Path, dir: &Path, limits: Limits) -> std::io::Result<Ran> {
    let mut command = Command::new(&cmd[0]);
    command
        .args(&cmd[1..])
        .arg(program)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .process_group(0);
    let memory = limits.memory;
    // SAFETY: only async-signal-safe calls (setrlimit) between fork and exec.
    unsafe {
        command.pre_exec(move || {
            let none = libc::rlimit {
                rlim_cur: 0,
                rlim_max: 0,
            };
            libc::setrlimit(libc::RLIMIT_CORE, &none);
            if memory > 0 {
                let cap = libc::rlimit {
                    rlim_cur: memory,
                    rlim_max: memory,
                };
                libc::setrlimit(libc::RLIMIT_AS, &cap);
            }
            Ok(())
        });
    }
    let mut child = command.spawn()?;
    let group = child.id() as libc::pid_t;
    let mut stdout_pipe = child.stdout.take();
    let digest = std::thread::spawn(move || {
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        let mut buf = [0u8; 8192];
        while let Some(pipe) = stdout_pipe.as_mut() {
            match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => hasher.write(&buf[..n]),
            }
        }
        hasher.finish()
    });
    let mut stderr_pipe = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut crash_line = None;
        let mut buf = [0u8; 8192];
        let mut carry = String::new();
        while let Some(pipe) = stderr_pipe.as_mut() {
            let n = match pipe.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => n,
            };
            carry.push_str(&String::from_utf8_lossy(&buf[..n]));
            if crash_line.is_none() {
                crash_line = carry
                    .lines()
                    .find(|l| CRASH_MARKERS.iter().any(|m| l.contains(m)))
                    .map(str::to_string);
            }
            // Keep a line's worth of text across reads so a marker split by a read
            // boundary is still found.
            if let Some(cut) = carry.rfind('\n') {
                carry.drain(..cut);
            }
            kept.extend_from_slice(&buf[..n]);
            if kept.len() > 2 * STDERR_KEEP {
                kept.drain(STDERR_KEEP..kept.len() - STDERR_KEEP);
            }
        }
        (kept, crash_line)
    });
    let started = Instant::now();
    let deadline = started + limits.time;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    // What the run forked dies with it. SAFETY: a system call with no memory
    // effects; the group id is the child's pid, which the kernel does not hand
    // out again while the group has members.
    unsafe {
        libc::kill(-group, libc::SIGKILL);
    }
    let (stderr, crash_line) = reader.join().unwrap_or_default();
    let stdout = digest.join().unwrap_or_default();
    Ok(Ran {
        outcome: judge(status, &stderr, crash_line),
        stdout,
        took: started.elapsed(),
    })
}

/// How a run ended, from its exit status (None: timed out) and its stderr.
fn judge(
    status: Option<std::process::ExitStatus>,
    stderr: &[u8],
    crash_line: Option<String>,
) -> Outcome {
    let Some(status) = status else {
        return Outcome::TimedOut;
    };
    if let Some(signal) = status.signal() {
        return if CRASH_SIGNALS.contains(&signal) {
            Outcome::Crashed(format!("signal {signal}"))
        } else {
            Outcome::Signalled(signal)
        };
    }
    if let Some(line) = crash_line {
        return Outcome::Crashed(line.trim().to_string());
    }
    let code = status.code().unwrap_or(-1);
    let exception = if code == 0 {
        String::new()
    } else {
        exception_type(stderr)
    };
    Outcome::Exited {
        status: code,
        exception,
    }
}

/// The exception type a traceback ends with: the name before the first `:` of the
/// first unindented line after the last `Traceback` header, or of the last line
/// when there is no header (a SyntaxError at compile time). Text a forked child
/// writes to stderr after its parent's traceback must not change the verdict.
fn exception_type(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let lines: Vec<&str> = text.lines().collect();
    let after_header = lines
        .iter()
        .rposition(|l| l.starts_with("Traceback (most recent call last):"))
        .and_then(|header| {
            lines[header + 1..]
                .iter()
                .filter(|l| !l.starts_with(char::is_whitespace))
                .find_map(|l| exception_name(l))
        });
    after_header
        .or_else(|| {
            lines
                .iter()
                .rev()
                .find(|l| !l.trim().is_empty())
                .and_then(|l| exception_name(l))
        })
        .unwrap_or_default()
}

/// The unqualified exception name a traceback's last line starts with.
fn exception_name(line: &str) -> Option<String> {
    let name = line.split(':').next().unwrap_or("").trim();
    let is_name = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.');
    is_name.then(|| name.rsplit('.').next().unwrap_or(name).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exception_type_is_the_last_lines_name() {
        assert_eq!(
            exception_type(b"Traceback...\n  x\nTypeError: bad\n"),
            "TypeError"
        );
        assert_eq!(exception_type(b"mod.sub.MyError: x\n\n"), "MyError");
        assert_eq!(
            exception_type(b"    ^^^\nSyntaxError: invalid syntax\n"),
            "SyntaxError"
        );
        assert_eq!(exception_type(b"some words: here\n"), "");
        assert_eq!(
            exception_type(
                b"Traceback (most recent call last):\n  x\nTypeError: bad\nchild message\n"
            ),
            "TypeError"
        );
    }

    #[test]
    fn the_digest_tells_what_a_run_printed() {
        let dir = std::env::temp_dir();
        let limits = Limits {
            time: Duration::from_secs(30),
            memory: 0,
        };
        let sh = |script: &str| vec!["sh".to_string(), "-c".to_string(), script.to_string()];
        let one = run(&sh("echo one"), Path::new("x"), &dir, limits).unwrap();
        let again = run(&sh("echo one"), Path::new("x"), &dir, limits).unwrap();
        let two = run(&sh("echo two"), Path::new("x"), &dir, limits).unwrap();
        assert_eq!(one, again);
        assert_eq!(one.outcome, two.outcome);
        assert_ne!(one.stdout, two.stdout);
    }

    #[test]
    fn a_signal_is_a_crash_and_a_sleeper_times_out() {
        let dir = std::env::temp_dir();
        let limits = Limits {
            time: Duration::from_millis(300),
            memory: 0,
        };
        let sh = |script: &str| vec!["sh".to_string(), "-c".to_string(), script.to_string()];
        let killed = run(&sh("kill -SEGV $$"), Path::new("x"), &dir, limits)
            .unwrap()
            .outcome;
        assert_eq!(killed, Outcome::Crashed("signal 11".into()));
        let raised = run(&sh("kill -USR1 $$"), Path::new("x"), &dir, limits)
            .unwrap()
            .outcome;
        assert_eq!(
            raised,
            Outcome::Signalled(10),
            "a signal a program may send itself is judged against the reference"
        );
        let slept = run(&sh("sleep 5"), Path::new("x"), &dir, limits)
            .unwrap()
            .outcome;
        assert_eq!(slept, Outcome::TimedOut);
        // A process the run left behind, holding its stderr, dies with it (before,
        // the campaign waited for it: a mutant that forked and looped).
        let started = Instant::now();
        let forked = run(&sh("sleep 60 & exit 3"), Path::new("x"), &dir, limits)
            .unwrap()
            .outcome;
        assert!(matches!(forked, Outcome::Exited { status: 3, .. }));
        assert!(started.elapsed() < Duration::from_secs(30));
        let panicked = run(
            &sh("echo \"thread 'main' panicked at x.rs\" >&2; exit 101"),
            Path::new("x"),
            &dir,
            limits,
        )
        .unwrap()
        .outcome;
        assert!(panicked.is_crash());
        let failed = run(
            &sh("echo 'ValueError: no' >&2; exit 1"),
            Path::new("x"),
            &dir,
            limits,
        )
        .unwrap()
        .outcome;
        assert_eq!(
            failed,
            Outcome::Exited {
                status: 1,
                exception: "ValueError".into()
            }
        );
    }
}

//! One measured run of a benchmark: a child process, its wall time, and its own
//! resource usage from `wait4` on its pid (CPU time and peak resident size), its
//! stdout and stderr captured in unlinked temporary files (no pipe to drain while it
//! runs), and a time limit. Depends on nothing else in the command.
//!
//! On Linux a process's peak RSS carries over across `exec` from the process it was
//! forked from, so a child's figure cannot be below this runner's own peak
//! (`own_peak_rss`); the runner holds little, and says how much in its JSON.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{Read, Seek};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How a run ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    Exited(i32),
    Signalled(i32),
    /// Killed at the time limit.
    TimedOut,
}

#[derive(Debug)]
pub struct Measurement {
    pub wall: Duration,
    pub user: Duration,
    pub system: Duration,
    /// Peak resident set size, in bytes.
    pub peak_rss: u64,
    pub end: End,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

/// Run `program` with `args` in `dir`, with `PYTHONHASHSEED=0` and no stdin; kill it
/// after `limit`. It stays in this process's group, so that a Ctrl-C stops both.
pub fn run(
    program: &OsStr,
    args: &[&OsStr],
    dir: &Path,
    limit: Duration,
) -> std::io::Result<Measurement> {
    run_with_env(program, args, dir, &[], limit)
}

/// `run`, with `env`'s variables set too.
pub fn run_with_env(
    program: &OsStr,
    args: &[&OsStr],
    dir: &Path,
    env: &[(&str, &OsStr)],
    limit: Duration,
) -> std::io::Result<Measurement> {
    let mut stdout = scratch_file()?;
    let mut stderr = scratch_file()?;
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(stdout.try_clone()?)
        .stderr(stderr.try_clone()?)
        .spawn()?;
    // The pid stays the child's until it is reaped below, so the watchdog cannot
    // signal a stranger.
    let pid = child.id() as libc::pid_t;
    let (finished, finished_rx) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let expired = finished_rx.recv_timeout(limit) == Err(mpsc::RecvTimeoutError::Timeout);
        if expired {
            // SAFETY: a plain signal to the child, not yet reaped.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        expired
    });
    wait_for_exit(pid)?;
    let wall = start.elapsed();
    let _ = finished.send(());
    let expired = watchdog.join().unwrap_or(false);
    let (status, usage) = reap(pid)?;
    let end = if libc::WIFEXITED(status) {
        End::Exited(libc::WEXITSTATUS(status))
    } else if expired && libc::WTERMSIG(status) == libc::SIGKILL {
        End::TimedOut
    } else {
        End::Signalled(libc::WTERMSIG(status))
    };
    Ok(Measurement {
        wall,
        user: duration(usage.ru_utime),
        system: duration(usage.ru_stime),
        peak_rss: rss_bytes(usage.ru_maxrss),
        end,
        stdout: read_back(&mut stdout)?,
        stderr: read_back(&mut stderr)?,
    })
}

/// This process's own peak resident size, in bytes: the floor of every child's.
pub fn own_peak_rss() -> u64 {
    // SAFETY: getrusage writes the struct it is given and nothing else.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    if unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) } != 0 {
        return 0;
    }
    rss_bytes(usage.ru_maxrss)
}

/// Block until the child has ended, leaving it unreaped (its pid still reserved).
fn wait_for_exit(pid: libc::pid_t) -> std::io::Result<()> {
    loop {
        // SAFETY: waitid writes the siginfo it is given; WNOWAIT leaves the child
        // to be reaped by `reap`.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT,
            )
        };
        if r == 0 {
            return Ok(());
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Reap the ended child: its wait status and its own resource usage.
fn reap(pid: libc::pid_t) -> std::io::Result<(libc::c_int, libc::rusage)> {
    loop {
        let mut status = 0;
        // SAFETY: wait4 writes the status and the rusage it is given.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        if unsafe { libc::wait4(pid, &mut status, 0, &mut usage) } == pid {
            return Ok((status, usage));
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn duration(t: libc::timeval) -> Duration {
    Duration::from_secs(t.tv_sec.max(0) as u64) + Duration::from_micros(t.tv_usec.max(0) as u64)
}

/// `ru_maxrss` is in KiB on Linux, in bytes on macOS.
fn rss_bytes(maxrss: libc::c_long) -> u64 {
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    (maxrss.max(0) as u64) * unit
}

/// A temporary file that is already unlinked: it lives as long as its handles.
fn scratch_file() -> std::io::Result<File> {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let path = std::env::temp_dir().join(format!(
        "tripwire-bench-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let file = File::options()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    std::fs::remove_file(&path)?;
    Ok(file)
}

fn read_back(file: &mut File) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    file.rewind()?;
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sh(script: &str, limit: Duration) -> Measurement {
        let args = [OsStr::new("-c"), OsStr::new(script)];
        run(OsStr::new("sh"), &args, Path::new("."), limit).expect("sh runs")
    }

    #[test]
    fn output_and_exit_status_are_the_childs() {
        let m = sh("echo out; echo err >&2; exit 3", Duration::from_secs(60));
        assert_eq!(m.end, End::Exited(3));
        assert_eq!(m.stdout, b"out\n");
        assert_eq!(m.stderr, b"err\n");
        assert!(m.peak_rss > 0);
    }

    #[test]
    fn a_run_past_its_limit_is_killed() {
        let m = sh("exec sleep 30", Duration::from_millis(200));
        assert_eq!(m.end, End::TimedOut);
        let m = sh("kill -TERM $$", Duration::from_secs(60));
        assert_eq!(m.end, End::Signalled(libc::SIGTERM));
    }
}

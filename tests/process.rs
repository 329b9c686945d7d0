//! The program as a process: arguments and paths that are not UTF-8, source
//! encodings, exit statuses, output to a full device or a closed pipe, `flush`, and
//! Ctrl-C. Expected outputs are CPython 3.13's (run as `python3 FILE`, without
//! PYTHONUNBUFFERED).

use std::ffi::OsStr;
use std::io::{BufRead, BufReader, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::Duration;

/// A fresh directory of this test process for program files.
fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("tripwire-process-{}", std::process::id()));
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// Write the program `name` (any bytes, any name) and return its path.
fn program(name: &[u8], src: &[u8]) -> PathBuf {
    let path = dir().join(OsStr::from_bytes(name));
    std::fs::write(&path, src).expect("write program");
    path
}

fn tripwire(path: &PathBuf) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_tripwire"));
    c.arg("run").arg(path);
    c
}

fn run(name: &[u8], src: &[u8]) -> Output {
    tripwire(&program(name, src))
        .output()
        .expect("run tripwire")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn arguments_and_paths_need_not_be_utf8() {
    let path = program(
        b"argv_\xff.py",
        b"import sys\nprint([len(a) for a in sys.argv[1:]], sys.argv[3], __file__.endswith('.py'))\n",
    );
    let out = tripwire(&path)
        .arg(OsStr::from_bytes(b"a\xffb"))
        .arg(OsStr::from_bytes(b"\xe2\x82"))
        .arg("ok")
        .output()
        .expect("run tripwire");
    assert_eq!(
        text(&out.stdout),
        "[3, 2, 2] ok True\n",
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(0));

    let missing = dir().join(OsStr::from_bytes(b"missing_\xff.py"));
    let out = tripwire(&missing).output().expect("run tripwire");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).ends_with("missing_\\udcff.py': [Errno 2] No such file or directory\n"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn source_that_is_not_utf8_is_a_syntax_error() {
    let out = run(b"not_utf8.py", b"print('a')\nx = '\xff'\n");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(text(&out.stdout), "");
    let err = text(&out.stderr);
    assert!(
        err.starts_with("SyntaxError: Non-UTF-8 code starting with '\\xff' in file ")
            && err.ends_with(
                "not_utf8.py on line 2, but no encoding declared; see \
                 https://peps.python.org/pep-0263/ for details\n"
            ),
        "{err}"
    );
}

#[test]
fn coding_declarations_are_honoured() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"# -*- coding: latin-1 -*-\nprint('\xe9', len('\xe9'))\n",
            "\u{e9} 1\n",
        ),
        (
            b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nprint('\x80')\n",
            "\u{20ac}\n",
        ),
        (b"# coding=iso-8859-15\nprint('\xa4')\n", "\u{20ac}\n"),
        (
            b"\xef\xbb\xbf# coding: utf-8\nprint('\xc3\xa9')\n",
            "\u{e9}\n",
        ),
    ];
    for (src, expected) in cases {
        let out = run(b"coding.py", src);
        assert_eq!(text(&out.stdout), *expected, "{}", text(&out.stderr));
        assert_eq!(out.status.code(), Some(0));
    }
    let errors: &[(&[u8], &str)] = &[
        (
            b"# coding: foo\nprint(1)\n",
            "SyntaxError: encoding problem: foo\n",
        ),
        (
            b"\xef\xbb\xbf# coding: latin-1\n",
            "SyntaxError: encoding problem: iso-8859-1 with BOM\n",
        ),
        (
            b"# coding: cp1252\nprint('\x81')\n",
            "SyntaxError: encoding problem: cp1252\n",
        ),
    ];
    for (src, expected) in errors {
        let out = run(b"coding_error.py", src);
        assert_eq!(text(&out.stderr), *expected);
        assert_eq!(out.status.code(), Some(1));
    }
}

#[test]
fn exit_statuses_are_those_of_c_exit() {
    for (code, status) in [
        ("300", 44),
        ("-1", 255),
        ("256", 0),
        ("2**70", 255),
        ("True", 1),
    ] {
        let out = run(
            b"exit.py",
            format!("import sys\nsys.exit({code})\n").as_bytes(),
        );
        assert_eq!(out.status.code(), Some(status), "sys.exit({code})");
    }
}

fn to_dev_full(src: &[u8]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    tripwire(&program(b"full.py", src))
        .stdout(full)
        .output()
        .expect("run tripwire")
}

#[test]
fn output_lost_to_a_full_device_is_reported() {
    // Found when flushed at exit: reported as ignored, exit status 120.
    let out = to_dev_full(b"print('hi')\nimport sys\nsys.exit(3)\n");
    assert_eq!(
        text(&out.stderr),
        "Exception ignored on flushing sys.stdout:\nOSError: [Errno 28] No space left on device\n"
    );
    assert_eq!(out.status.code(), Some(120));
    // Found by a write (a full buffer, or flush=True): raised there.
    for src in [&b"print('a' * 10000)\n"[..], b"print('hi', flush=True)\n"] {
        let out = to_dev_full(src);
        let err = text(&out.stderr);
        assert!(
            err.starts_with("Traceback (most recent call last):\n")
                && err.ends_with("\nOSError: [Errno 28] No space left on device\n"),
            "{err}"
        );
        assert_eq!(out.status.code(), Some(1));
    }
    let out = to_dev_full(
        b"import sys\ntry:\n    print('x', flush=True)\nexcept OSError as e:\n    \
          print(type(e).__name__, e.errno, e.strerror, file=sys.stderr)\n",
    );
    assert_eq!(text(&out.stderr), "OSError 28 No space left on device\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_closed_pipe_is_a_broken_pipe_error() {
    let mut child = tripwire(&program(
        b"pipe.py",
        b"for i in range(100000):\n    print(i)\n",
    ))
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .expect("run tripwire");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(
        text(&out.stderr).ends_with("\nBrokenPipeError: [Errno 32] Broken pipe\n"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(1));
}

/// Kill `child` if the test is still waiting for it after a while.
fn watchdog(child: &Child) -> std::thread::JoinHandle<()> {
    let pid = child.id();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(20));
        // SAFETY: a signal to a process of ours (gone already if the test ended).
        unsafe { libc::kill(pid as i32, libc::SIGKILL) };
    })
}

/// Start `src` with piped stdio and SIGINT at its default action (a test process
/// may run with it ignored); wait for its first line of output.
fn start_and_read_line(name: &[u8], src: &[u8]) -> (Child, String) {
    let mut cmd = tripwire(&program(name, src));
    cmd.stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    // SAFETY: only an async-signal-safe call between fork and exec.
    unsafe {
        cmd.pre_exec(|| {
            libc::signal(libc::SIGINT, libc::SIG_DFL);
            Ok(())
        });
    }
    let mut child = cmd.spawn().expect("run tripwire");
    watchdog(&child);
    let mut line = String::new();
    let stdout = child.stdout.as_mut().expect("stdout");
    BufReader::new(stdout).read_line(&mut line).expect("read");
    (child, line)
}

#[test]
fn flush_true_and_flush_write_at_once() {
    for src in [
        &b"print('first', flush=True)\ninput()\nprint('second')\n"[..],
        b"import sys\nsys.stdout.write('first\\n')\nsys.stdout.flush()\ninput()\n",
    ] {
        let (mut child, line) = start_and_read_line(b"flush.py", src);
        assert_eq!(line, "first\n");
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(b"go\n").expect("write");
        drop(stdin);
        let out = child.wait_with_output().expect("wait");
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
}

fn interrupted(name: &[u8], src: &[u8]) -> Output {
    let (child, line) = start_and_read_line(name, src);
    assert_eq!(line, "ready\n");
    std::thread::sleep(Duration::from_millis(100));
    // SAFETY: a signal to our child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    child.wait_with_output().expect("wait")
}

#[test]
fn ctrl_c_raises_keyboard_interrupt_in_the_main_thread() {
    let programs: [&[u8]; 3] = [
        b"print('ready', flush=True)\nwhile True:\n    pass\n",
        b"import time\nprint('ready', flush=True)\ntime.sleep(60)\n",
        b"import threading\nt = threading.Thread(target=lambda: [0 for _ in iter(int, 1)], daemon=True)\n\
          t.start()\nprint('ready', flush=True)\nt.join()\n",
    ];
    for src in programs {
        let out = interrupted(b"sigint.py", src);
        let err = text(&out.stderr);
        assert!(
            err.starts_with("Traceback (most recent call last):\n")
                && err.ends_with("\nKeyboardInterrupt\n"),
            "{err}"
        );
        // As CPython: the process ends by SIGINT (status 130 in a shell).
        assert_eq!(out.status.signal(), Some(libc::SIGINT), "{err}");
    }
    let out = interrupted(
        b"sigint_caught.py",
        b"print('ready', flush=True)\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('caught')\n",
    );
    assert_eq!(text(&out.stdout), "caught\n");
    assert_eq!(out.status.code(), Some(0));
}

/// `PYTHONINTMAXSTRDIGITS` sets the digit limit at start-up (int literals
/// included); a limit CPython refuses is its fatal error, status 1.
#[test]
fn pythonintmaxstrdigits_sets_the_digit_limit() {
    let path = program(
        b"int_digits.py",
        b"import sys\nprint(sys.get_int_max_str_digits())\nprint(len(str(10**700)))\n",
    );
    let with = |value: &str| {
        tripwire(&path)
            .env("PYTHONINTMAXSTRDIGITS", value)
            .output()
            .expect("run tripwire")
    };
    let out = with(" 5000");
    assert_eq!(text(&out.stdout), "5000\n701\n", "{}", text(&out.stderr));
    let out = with("");
    assert_eq!(text(&out.stdout), "4300\n701\n", "{}", text(&out.stderr));
    let out = with("640");
    assert_eq!(text(&out.stdout), "640\n", "{}", text(&out.stderr));
    assert!(text(&out.stderr).ends_with(
        "ValueError: Exceeds the limit (640 digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit\n"
    ));
    for refused in ["639", "abc", "-1"] {
        let out = with(refused);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "Fatal Python error: config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS: \
             invalid limit; must be >= 640 or 0 for unlimited.\n\
             Python runtime state: preinitialized\n\n"
        );
        assert_eq!(text(&out.stdout), "");
    }
    let literal = program(
        b"int_literal.py",
        format!("x = {}\n", "7".repeat(700)).as_bytes(),
    );
    let out = tripwire(&literal)
        .env("PYTHONINTMAXSTRDIGITS", "640")
        .output()
        .expect("run tripwire");
    assert!(text(&out.stderr).ends_with(
        "SyntaxError: Exceeds the limit (640 digits) for integer string conversion: value has \
         700 digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
         hexadecimal for huge integer literals to avoid decimal conversion limits.\n"
    ));
}

#[test]
fn sys_stdin_reads_what_input_reads() {
    let src = b"import sys\nprint(sys.stdin is sys.__stdin__, sys.stdin.fileno())\nprint(repr(sys.stdin.readline()))\nprint(repr(input()))\nprint(repr(sys.stdin.readline(3)))\nprint(repr(sys.stdin.read(7)))\nprint(repr(sys.stdin.read()))\nprint(repr(sys.stdin.readline()))\n";
    let mut child = tripwire(&program(b"stdin.py", src))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run tripwire");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all("one\ntwo\nthree\nfour\u{e9}\n".as_bytes())
        .expect("write stdin");
    drop(stdin);
    let out = child.wait_with_output().expect("wait");
    // CPython 3.13's output for the same input.
    assert_eq!(
        text(&out.stdout),
        "True 0\n'one\\n'\n'two'\n'thr'\n'ee\\nfour'\n'\u{e9}\\n'\n''\n"
    );
}

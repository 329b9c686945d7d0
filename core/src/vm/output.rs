//! The program's standard output and error: `sys.stdout` is buffered as CPython's is
//! when it is not a terminal (a buffer of `BUFFER_SIZE` bytes, written out when it
//! fills, on `flush()` and at exit), `sys.stderr` is written at once.
//!
//! A failed write of stdout (a full device, a closed pipe) raises CPython's OSError
//! subclass from the write that found it and drops what was buffered; one found at
//! exit is reported as CPython reports it ("Exception ignored on flushing
//! sys.stdout", exit status 120). Writes of stderr that fail are ignored, as there
//! is nowhere left to report them.
//!
//! Depends on the exception types only.

use super::{PyErr, PyResult, Vm};
use crate::builtins::text_codecs::{self, Codec, Handler};
use crate::object::{PyStr, Value};
use std::io::Write;
use std::rc::Rc;

/// CPython's buffer size for a file that is not a terminal.
const BUFFER_SIZE: usize = 8192;

/// The exit status CPython gives a program whose output could not be flushed.
pub const FLUSH_FAILED_STATUS: i32 = 120;

/// The error handler of CPython's stdin and stdout: `PYTHONIOENCODING`'s, else
/// `surrogateescape` in UTF-8 mode and in the C, POSIX and C.UTF-8 locales (a
/// locale the system lacks is C), else `strict`.
fn stdio_errors() -> Handler {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    if let Some(io) = var("PYTHONIOENCODING") {
        if let Some(h) = io.split_once(':').and_then(|(_, e)| Handler::named(e)) {
            return h;
        }
    }
    if var("PYTHONUTF8").as_deref() == Some("1") {
        return Handler::SurrogateEscape;
    }
    let locale = var("LC_ALL")
        .or_else(|| var("LC_CTYPE"))
        .or_else(|| var("LANG"))
        .unwrap_or_else(|| "C".to_string());
    if matches!(
        locale.as_str(),
        "C" | "POSIX" | "C.UTF-8" | "C.utf8" | "UTF-8"
    ) || !locale_exists(&locale)
    {
        return Handler::SurrogateEscape;
    }
    Handler::Strict
}

/// Whether the system has the locale `name` (asked without setting it).
fn locale_exists(name: &str) -> bool {
    let Ok(c) = std::ffi::CString::new(name) else {
        return false;
    };
    // SAFETY: a NUL-terminated name; the locale made is freed at once.
    unsafe {
        let loc = libc::newlocale(libc::LC_CTYPE_MASK, c.as_ptr(), std::ptr::null_mut());
        if loc.is_null() {
            return false;
        }
        libc::freelocale(loc);
    }
    true
}

impl Vm {
    /// Write program output; it reaches the file when the buffer fills or is flushed.
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        self.write_stdout_bytes(s.as_bytes())
    }

    /// Write program output that is already bytes (`sys.stdout.buffer`).
    pub fn write_stdout_bytes(&mut self, s: &[u8]) -> PyResult<()> {
        self.stdout_buf.extend_from_slice(s);
        if self.stdout_buf.len() > BUFFER_SIZE {
            self.flush_stdout()?;
        }
        Ok(())
    }

    /// `sys.stdout.flush()`: write out the buffer; what a failed write could not
    /// write is dropped, as CPython's buffered writer drops it.
    pub fn flush_stdout(&mut self) -> PyResult<()> {
        let result = self.write_out_stdout();
        self.stdout_buf.clear();
        result.map_err(|e| self.io_error(&e))
    }

    /// Write out the buffer so that it comes before what follows elsewhere (stderr,
    /// a sleep); a failure keeps it for the flush that will report it.
    pub fn flush_stdout_quietly(&mut self) {
        if self.write_out_stdout().is_ok() {
            self.stdout_buf.clear();
        }
    }

    fn write_out_stdout(&mut self) -> std::io::Result<()> {
        if self.stdout_buf.is_empty() {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        out.write_all(&self.stdout_buf)?;
        out.flush()
    }

    /// The flush at exit: a failure is reported on stderr and changes the exit
    /// status to 120, as CPython's finalization does.
    pub fn flush_stdout_at_exit(&mut self, status: i32) -> i32 {
        match self.flush_stdout() {
            Ok(()) => status,
            Err(e) => {
                let line = self.exception_line(e.value());
                self.write_stderr(&format!(
                    "Exception ignored on flushing sys.stdout:\n{line}\n"
                ));
                FLUSH_FAILED_STATUS
            }
        }
    }

    /// Write a str to stdout as CPython's `sys.stdout` encodes it: UTF-8, with the
    /// error handler of `stdio_errors`; a lone surrogate it cannot write is a
    /// UnicodeEncodeError, and nothing of `s` is written.
    pub fn write_stdout_str(&mut self, s: &Rc<PyStr>) -> PyResult<()> {
        if !s.has_surrogates() {
            return self.write_stdout(s.as_str());
        }
        match text_codecs::encode(s, Codec::Utf8, stdio_errors()) {
            Ok(bytes) => self.write_stdout_bytes(&bytes),
            Err(e) => Err(self.unicode_encode_error("utf-8", s, &e)),
        }
    }

    /// Write a str to stderr as CPython's `sys.stderr` encodes it: a lone
    /// surrogate is written as its backslash escape.
    pub fn write_stderr_str(&mut self, s: &PyStr) {
        match text_codecs::encode(s, Codec::Utf8, Handler::BackslashReplace) {
            Ok(bytes) if s.has_surrogates() => self.write_stderr(&String::from_utf8_lossy(&bytes)),
            _ => self.write_stderr(s.as_str()),
        }
    }

    pub fn write_stderr(&mut self, s: &str) {
        self.flush_stdout_quietly();
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(s.as_bytes());
        let _ = err.flush();
    }

    /// CPython's OSError for a failed read or write: the subclass its errno
    /// names, `[Errno N] message`, with `errno` and `strerror` set.
    pub fn io_error(&self, e: &std::io::Error) -> PyErr {
        let Some(errno) = e.raw_os_error() else {
            return self.new_error(&self.types.os_error.clone(), &e.to_string());
        };
        let text = e.to_string();
        let suffix = format!(" (os error {errno})");
        let message = text.strip_suffix(&suffix).unwrap_or(&text);
        let cls = match errno {
            32 => &self.types.broken_pipe_error,
            4 => &self.types.interrupted_error,
            11 => &self.types.blocking_io_error,
            _ => &self.types.os_error,
        }
        .clone();
        let text = format!("[Errno {errno}] {message}");
        let exc = self.new_exception(&cls, vec![Value::from_string(text)]);
        if let Value::Instance(i) = &exc {
            if let Some(d) = &i.dict {
                d.set_str(self.intern("errno"), Value::Int(errno as i64));
                d.set_str(self.intern("strerror"), Value::str(message));
            }
        }
        PyErr::from_value(exc)
    }
}

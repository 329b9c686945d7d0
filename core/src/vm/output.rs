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
use crate::object::Value;
use std::io::Write;

/// CPython's buffer size for a file that is not a terminal.
const BUFFER_SIZE: usize = 8192;

/// The exit status CPython gives a program whose output could not be flushed.
pub const FLUSH_FAILED_STATUS: i32 = 120;

impl Vm {
    /// Write program output; it reaches the file when the buffer fills or is flushed.
    pub fn write_stdout(&mut self, s: &str) -> PyResult<()> {
        self.stdout_buf.extend_from_slice(s.as_bytes());
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

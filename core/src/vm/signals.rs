//! Ctrl-C: SIGINT becomes a KeyboardInterrupt raised in the main thread, as CPython
//! raises it.
//!
//! The handler only sets a flag and wakes the evaluation loop through the flag it
//! already tests before every instruction (`finalize::wake_loop`), so the hot path
//! pays nothing. The main thread raises the exception at its next instruction
//! boundary (`Vm::check_signals`), or when it waits: a blocked main thread becomes
//! runnable (`threads`), and sleeps are taken in slices that look at the flag. A
//! program that ends in an uncaught KeyboardInterrupt prints its traceback and then
//! dies of SIGINT, as CPython does, so its parent sees the signal (shell status 130).
//!
//! Depends on the finalizer queue's attention flag and the thread scheduler.

use super::{PyResult, Vm};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A SIGINT arrived and the main thread has not raised it yet.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);
/// The program ended in an uncaught KeyboardInterrupt.
static DIED_OF_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// How long a sleep goes without looking at the flag.
const SLEEP_SLICE: Duration = Duration::from_millis(10);

extern "C" fn on_sigint(_: libc::c_int) {
    INTERRUPTED.store(true, Ordering::Relaxed);
    super::finalize::wake_loop();
}

/// Turn SIGINT into KeyboardInterrupt, unless it is ignored (a background job), as
/// CPython leaves an ignored SIGINT ignored.
pub fn install_sigint_handler() {
    // SAFETY: plain sigaction calls on zero-initialised structs; the handler only
    // stores to atomics, which is async-signal-safe.
    unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(libc::SIGINT, std::ptr::null(), &mut old) != 0
            || old.sa_sigaction == libc::SIG_IGN
        {
            return;
        }
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut action.sa_mask);
        libc::sigaction(libc::SIGINT, &action, std::ptr::null_mut());
    }
}

/// Whether a SIGINT waits to be raised.
pub fn interrupt_pending() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

/// Whether the program ended in an uncaught KeyboardInterrupt.
pub fn died_of_interrupt() -> bool {
    DIED_OF_INTERRUPT.load(Ordering::Relaxed)
}

/// End the process by SIGINT with its default action, as CPython ends after an
/// uncaught KeyboardInterrupt; returns only if the signal did not end it.
pub fn exit_by_sigint() {
    // SAFETY: restoring the default action and raising a signal at ourselves.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
}

/// Sleep towards `until`, for at most one slice (the caller looks at the flag and
/// comes back).
pub fn nap(until: Instant) {
    std::thread::sleep(
        until
            .saturating_duration_since(Instant::now())
            .min(SLEEP_SLICE),
    );
}

impl Vm {
    /// At an instruction boundary: a pending SIGINT becomes KeyboardInterrupt if
    /// the main thread runs (another thread leaves it for the main thread), and a
    /// spent memory reserve (`memory_reserve`) becomes MemoryError.
    #[inline]
    pub fn check_signals(&mut self) -> PyResult<()> {
        if interrupt_pending() && self.threads.main_runs() {
            return Err(self.keyboard_interrupt());
        }
        if super::memory_reserve::take_exhausted() {
            return Err(self.memory_error());
        }
        Ok(())
    }

    /// `check_signals` before the instruction at `pc` of the running frame `fi`,
    /// which is where the exception is raised.
    #[inline]
    pub fn check_signals_before(&mut self, fi: usize, pc: usize) -> PyResult<()> {
        let checked = self.check_signals();
        if checked.is_err() {
            if let Some(frame) = self.frames.get_mut(fi) {
                frame.pc = pc + 1;
            }
        }
        checked
    }

    #[cold]
    fn keyboard_interrupt(&mut self) -> super::PyErr {
        INTERRUPTED.store(false, Ordering::Relaxed);
        let exc = self.new_exception(&self.types.keyboard_interrupt.clone(), Vec::new());
        super::PyErr::from_value(exc)
    }

    /// An uncaught exception ends the program: remember a KeyboardInterrupt, so
    /// that the process then ends by SIGINT.
    pub(super) fn note_uncaught(&self, exc: &crate::object::Value) {
        if self.type_of(exc).is_subtype(&self.types.keyboard_interrupt) {
            DIED_OF_INTERRUPT.store(true, Ordering::Relaxed);
        }
    }

    /// `time.sleep`: sleep for `d`, unless the main thread is to raise
    /// KeyboardInterrupt first.
    pub fn sleep_for(&mut self, d: Duration) -> PyResult<()> {
        let end = Instant::now().checked_add(d);
        loop {
            self.check_signals()?;
            match end {
                Some(end) if end <= Instant::now() => return Ok(()),
                Some(end) => nap(end),
                None => std::thread::sleep(SLEEP_SLICE),
            }
        }
    }
}

//! Signals: SIGINT becomes a KeyboardInterrupt raised in the main thread, as CPython
//! raises it, and the handlers a program sets (`signal.signal`) run in the main
//! thread between instructions.
//!
//! The C handler only sets the signal's bit and wakes the evaluation loop through the
//! flag it already tests before every instruction (`finalize::wake_loop`), so the hot
//! path pays nothing. The main thread handles what arrived at its next instruction
//! boundary (`Vm::check_signals`), or when it waits: a blocked main thread becomes
//! runnable (`threads`), and sleeps are taken in slices that look at the flag. A
//! program that ends in an uncaught KeyboardInterrupt prints its traceback and then
//! dies of SIGINT, as CPython does, so its parent sees the signal (shell status 130).
//!
//! Depends on the finalizer queue's attention flag, frames and the thread scheduler.

use super::{PyResult, Vm};
use crate::object::Value;
use std::cell::RefCell;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Bit n: signal n arrived and the main thread has not handled it yet.
static PENDING: AtomicU64 = AtomicU64::new(0);
/// The program ended in an uncaught KeyboardInterrupt.
static DIED_OF_INTERRUPT: AtomicBool = AtomicBool::new(false);

/// One more than the largest signal number (CPython's `signal.NSIG`).
pub const NSIG: i32 = if cfg!(target_os = "linux") { 65 } else { 32 };

/// How long a sleep goes without looking at the flag.
pub(super) const SLEEP_SLICE: Duration = Duration::from_millis(10);

thread_local! {
    // ManuallyDrop: handlers are Python values, which must not be destroyed while
    // thread-local storage is being torn down.
    static HANDLERS: std::mem::ManuallyDrop<RefCell<Vec<Value>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(Vec::new())) };
}

/// The descriptor a signal's number is written to as it arrives
/// (`signal.set_wakeup_fd`: an event loop's self-pipe), or -1.
static WAKEUP_FD: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(sig: libc::c_int) {
    if let Some(bit) = 1u64.checked_shl(sig as u32) {
        PENDING.fetch_or(bit, Ordering::Relaxed);
    }
    super::finalize::wake_loop();
    let fd = WAKEUP_FD.load(Ordering::Relaxed);
    if fd >= 0 {
        let byte = sig as u8;
        // SAFETY: write(2) is async-signal-safe; errno is kept for the code the
        // signal interrupted. A full or closed descriptor loses the byte, as in
        // CPython (the signal itself is still pending).
        unsafe {
            let errno = libc::__errno_location();
            let saved = *errno;
            libc::write(fd, &byte as *const u8 as *const libc::c_void, 1);
            *errno = saved;
        }
    }
}

/// Set the descriptor each arriving signal's number is written to (-1: none);
/// returns the previous one.
pub fn set_wakeup_fd(fd: i32) -> i32 {
    WAKEUP_FD.swap(fd, Ordering::Relaxed)
}

/// What happens when a signal arrives.
pub enum SignalAction {
    /// The operating system's default action.
    Default,
    Ignore,
    /// SIGINT's default under Python: KeyboardInterrupt in the main thread.
    Interrupt,
    /// A Python callable, called with the signal number and the current frame.
    Python(Value),
}

/// Install `action` for `sig` (an OSError's errno when the system refuses).
pub fn set_action(sig: i32, action: SignalAction) -> Result<(), i32> {
    let handler = match &action {
        SignalAction::Default => libc::SIG_DFL,
        SignalAction::Ignore => libc::SIG_IGN,
        SignalAction::Interrupt | SignalAction::Python(_) => {
            on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t
        }
    };
    // SAFETY: a plain sigaction call on a zero-initialised struct; the handler only
    // stores to atomics and writes to a descriptor, which is async-signal-safe.
    let r = unsafe {
        let mut act: libc::sigaction = std::mem::zeroed();
        act.sa_sigaction = handler;
        act.sa_flags = libc::SA_RESTART;
        libc::sigemptyset(&mut act.sa_mask);
        libc::sigaction(sig, &act, std::ptr::null_mut())
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL));
    }
    let python = match action {
        SignalAction::Python(f) => f,
        _ => Value::Null,
    };
    let old = HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        if h.len() < NSIG as usize {
            h.resize_with(NSIG as usize, || Value::Null);
        }
        h.get_mut(sig as usize)
            .map(|slot| std::mem::replace(slot, python))
    });
    drop(old);
    Ok(())
}

/// What `sig` does now (an errno when the system cannot tell).
pub fn action(sig: i32) -> Result<SignalAction, i32> {
    if let Some(f) = python_handler(sig) {
        return Ok(SignalAction::Python(f));
    }
    // SAFETY: a query-only sigaction call into a zero-initialised struct.
    let (r, old) = unsafe {
        let mut old: libc::sigaction = std::mem::zeroed();
        (libc::sigaction(sig, std::ptr::null(), &mut old), old)
    };
    if r != 0 {
        return Err(std::io::Error::last_os_error()
            .raw_os_error()
            .unwrap_or(libc::EINVAL));
    }
    Ok(match old.sa_sigaction {
        libc::SIG_DFL => SignalAction::Default,
        libc::SIG_IGN => SignalAction::Ignore,
        _ if sig == libc::SIGINT => SignalAction::Interrupt,
        _ => SignalAction::Default,
    })
}

fn python_handler(sig: i32) -> Option<Value> {
    HANDLERS
        .with(|h| h.borrow().get(sig as usize).cloned())
        .filter(|f| !f.is_null())
}

/// Turn SIGINT into KeyboardInterrupt, unless it is ignored (a background job), as
/// CPython leaves an ignored SIGINT ignored.
pub fn install_sigint_handler() {
    if matches!(action(libc::SIGINT), Ok(SignalAction::Default)) {
        let _ = set_action(libc::SIGINT, SignalAction::Interrupt);
    }
}

/// Whether a signal waits for the main thread.
pub fn interrupt_pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
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
            self.handle_signals()?;
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

    /// Run the handlers of the signals that arrived, lowest number first; one that
    /// raises leaves the later ones pending.
    #[cold]
    fn handle_signals(&mut self) -> PyResult<()> {
        let arrived = PENDING.swap(0, Ordering::Relaxed);
        for sig in 1..NSIG.min(64) {
            if arrived & (1 << sig) == 0 {
                continue;
            }
            let result = match python_handler(sig) {
                Some(f) => {
                    let frame = match self.frames.len() {
                        0 => Value::None,
                        n => self.frame_object_at(n - 1),
                    };
                    self.call(&f, &[Value::Int(sig as i64), frame], &[])
                        .map(drop)
                }
                None if sig == libc::SIGINT => Err(self.keyboard_interrupt()),
                None => Ok(()),
            };
            if let Err(e) = result {
                let later = arrived & !((2u64 << sig) - 1);
                if later != 0 {
                    PENDING.fetch_or(later, Ordering::Relaxed);
                    super::finalize::wake_loop();
                }
                return Err(e);
            }
        }
        Ok(())
    }

    /// The KeyboardInterrupt of SIGINT's default handler.
    pub fn keyboard_interrupt(&self) -> super::PyErr {
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

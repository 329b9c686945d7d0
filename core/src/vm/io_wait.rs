//! Waiting for file descriptors without stopping the other Python threads: what a
//! blocking socket call or `select` with a timeout does instead of blocking in the
//! kernel. With other threads, the waiting thread is suspended (`threads`, whose
//! scheduler `poll`s every descriptor waited for when no thread can run); alone, it
//! `poll`s in slices, so that Ctrl-C and signal handlers run while it waits. A
//! descriptor found ready at once still lets the other ready threads run first.
//!
//! Depends on the thread scheduler and the signal flag.

use super::signals::SLEEP_SLICE;
use super::threads::Wait;
use super::{PyResult, Vm};
use std::time::{Duration, Instant};

/// `poll` on `fds` for at most `timeout`; whether one of them is ready. An
/// interrupted or failed poll counts as not ready (the caller looks again).
fn poll_for(fds: &mut [libc::pollfd], timeout: Duration) -> bool {
    let ms = timeout.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as libc::c_int;
    // SAFETY: `fds` is a valid, exclusively borrowed array of `fds.len()` pollfds.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    n > 0
}

/// Whether one of `fds` is ready now.
pub(super) fn ready_now(fds: &[libc::pollfd]) -> bool {
    let mut fds = fds.to_vec();
    poll_for(&mut fds, Duration::ZERO)
}

/// Wait until one of `fds` is ready, `until` passes, or a slice of sleep is over.
pub(super) fn nap_on(mut fds: Vec<libc::pollfd>, until: Option<Instant>) {
    let slice = match until {
        Some(t) => t.saturating_duration_since(Instant::now()).min(SLEEP_SLICE),
        None => SLEEP_SLICE,
    };
    poll_for(&mut fds, slice);
}

impl Vm {
    /// Wait until one of `fds` (descriptor and `poll` events; revents ignored) is
    /// ready, or `deadline` passes (None: no deadline); true when one is ready.
    /// Other threads run meanwhile, and a signal handler that raises (Ctrl-C's
    /// KeyboardInterrupt in the main thread) ends the wait with its exception.
    pub fn wait_io(&mut self, fds: &[libc::pollfd], deadline: Option<Instant>) -> PyResult<bool> {
        if ready_now(fds) {
            // Another thread may be ready too: it gets its turn first, or a thread
            // that polls a ready descriptor in a loop would starve the one that
            // empties it.
            self.yield_thread();
            return Ok(true);
        }
        if self.threads.count() >= 2 {
            self.block(Wait::Io(fds.into(), deadline))?;
            return Ok(ready_now(fds));
        }
        self.flush_stdout_quietly();
        let mut polled = fds.to_vec();
        loop {
            self.check_signals()?;
            let slice = match deadline {
                Some(t) => {
                    let left = t.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return Ok(false);
                    }
                    left.min(SLEEP_SLICE)
                }
                None => SLEEP_SLICE,
            };
            if poll_for(&mut polled, slice) {
                return Ok(true);
            }
        }
    }
}

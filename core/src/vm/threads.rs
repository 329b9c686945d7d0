//! Python threads: each runs on its own stack (`stacks`) on the interpreter's OS
//! thread, and a deterministic scheduler decides which one runs — CPython's GIL
//! semantics, reproducible run to run.
//!
//! # When a thread switch happens
//!
//! - Preemption: the evaluation loop counts *ticks*, one per backward jump (every
//!   loop iteration), and when the switch interval's ticks are used up, the next
//!   ready thread (round robin, in creation order) runs. Counting frame entries too
//!   cost 3-5% on call-heavy single-threaded programs, so a thread that only recurses
//!   is switched at its next loop iteration or blocking call.
//!   `sys.setswitchinterval(s)` sets the interval to `s × TICKS_PER_SECOND` ticks
//!   (at least 1): a tick is roughly the work of 100 ns, so the default 0.005 s is
//!   50,000 ticks.
//! - Blocking: acquiring a held lock, `time.sleep`, and everything built on locks
//!   (join, Event, Condition, Semaphore) suspend the thread until the lock is
//!   released or the deadline passes; the next ready thread runs meanwhile.
//! - Waiting for a file descriptor (`Vm::wait_io`: sockets, `select`) suspends the
//!   thread until the descriptor is ready or the deadline passes; when no thread
//!   can run, the scheduler waits in `poll` on every descriptor any thread waits for.
//! - When every thread waits with no deadline and no descriptor, that is a
//!   deadlock: the thread that blocked last gets a RuntimeError (if it is ending,
//!   the main thread, or else the oldest waiting thread, gets it) instead of a hang.
//!
//! # What a thread owns
//!
//! Its stack of execution (frames, value stack, exception state, recursion depth:
//! `stacks::ExecState`) and its hook state (`ThreadHooks`: trace and profile
//! functions, and its contextvars context), and its greenlet state (`ThreadGreenlets`). A thread with greenlets
//! runs on the stack of its current greenlet.

use super::hooks::ThreadHooks;
use super::signals;
use super::stacks::{StackId, ROOT};
use super::{PyResult, Vm};
use crate::modules::greenlet::ThreadGreenlets;
use crate::object::function::KwArg;
use crate::object::Value;
use std::cell::Cell;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Ticks per second of switch interval (see the module documentation).
pub const TICKS_PER_SECOND: f64 = 1e7;
const DEFAULT_INTERVAL: f64 = 0.005;

/// The state of a `_thread.lock`.
#[derive(Default)]
pub struct LockCore {
    pub locked: Cell<bool>,
}

/// What a thread is waiting for.
pub(super) enum Wait {
    Ready,
    Lock(Rc<LockCore>, Option<Instant>),
    Sleep(Instant),
    /// One of the descriptors is ready (as `poll` reports it).
    Io(Box<[libc::pollfd]>, Option<Instant>),
}

struct ThreadRec {
    ident: u64,
    /// The stack it runs on (its current greenlet's).
    stack: StackId,
    /// Its hook state while another thread runs.
    hooks: Option<ThreadHooks>,
    wait: Wait,
    /// Woken to be told that every thread is blocked.
    deadlocked: bool,
    /// Its running greenlet and greenlet trace callback.
    greenlets: ThreadGreenlets,
}

impl ThreadRec {
    fn runnable(&self, now: Instant) -> bool {
        match &self.wait {
            Wait::Ready => true,
            Wait::Lock(core, deadline) => !core.locked.get() || deadline.is_some_and(|d| d <= now),
            Wait::Sleep(until) => *until <= now,
            Wait::Io(fds, deadline) => {
                deadline.is_some_and(|d| d <= now) || super::io_wait::ready_now(fds)
            }
        }
    }

    fn deadline(&self) -> Option<Instant> {
        match &self.wait {
            Wait::Ready => None,
            Wait::Lock(_, deadline) => *deadline,
            Wait::Sleep(until) => Some(*until),
            Wait::Io(_, deadline) => *deadline,
        }
    }
}

/// The interpreter's threads.
pub struct Threads {
    /// The main thread first, then the others in the order they started.
    list: Vec<ThreadRec>,
    current: usize,
    next_ident: u64,
    interval: i32,
}

impl Default for Threads {
    fn default() -> Self {
        Threads {
            list: vec![ThreadRec {
                ident: 1,
                stack: ROOT,
                hooks: None,
                wait: Wait::Ready,
                deadlocked: false,
                greenlets: ThreadGreenlets::default(),
            }],
            current: 0,
            next_ident: 2,
            interval: (DEFAULT_INTERVAL * TICKS_PER_SECOND) as i32,
        }
    }
}

impl Threads {
    /// `threading.get_ident()` of the running thread.
    pub fn ident(&self) -> u64 {
        self.list[self.current].ident
    }

    pub fn main_ident(&self) -> u64 {
        self.list[0].ident
    }

    pub fn is_alive(&self, ident: u64) -> bool {
        self.list.iter().any(|t| t.ident == ident)
    }

    /// How many threads have started and not ended (the main thread included).
    pub fn count(&self) -> usize {
        self.list.len()
    }

    /// The stack the running thread runs on changes (a greenlet switch).
    pub fn set_current_stack(&mut self, stack: StackId) {
        self.list[self.current].stack = stack;
    }

    /// The running thread's greenlet state.
    pub fn greenlets(&mut self) -> &mut ThreadGreenlets {
        &mut self.list[self.current].greenlets
    }

    /// Whether the main thread runs (it is the one to raise KeyboardInterrupt).
    pub fn main_runs(&self) -> bool {
        self.current == 0
    }

    /// The first runnable thread at or after `start`, round robin. A Ctrl-C makes
    /// the main thread runnable, to raise KeyboardInterrupt.
    fn pick_from(&self, start: usize, now: Instant) -> Option<usize> {
        let n = self.list.len();
        (0..n)
            .map(|k| (start + k) % n)
            .find(|&i| self.list[i].runnable(now) || (i == 0 && signals::interrupt_pending()))
    }

    fn earliest_deadline(&self) -> Option<Instant> {
        self.list.iter().filter_map(ThreadRec::deadline).min()
    }

    /// With no thread runnable: wait until one may be (a deadline passes, a
    /// descriptor some thread waits for is ready, or a slice of sleep is over).
    /// False when nothing can ever wake any of them: a deadlock.
    fn idle(&self) -> bool {
        let fds: Vec<libc::pollfd> = self
            .list
            .iter()
            .filter_map(|t| match &t.wait {
                Wait::Io(fds, _) => Some(fds.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        let deadline = self.earliest_deadline();
        if fds.is_empty() {
            match deadline {
                Some(t) => signals::nap(t),
                None => return false,
            }
        } else {
            super::io_wait::nap_on(fds, deadline);
        }
        true
    }

    /// The switch interval in seconds.
    pub fn interval_seconds(&self) -> f64 {
        self.interval as f64 / TICKS_PER_SECOND
    }
}

impl Vm {
    /// `sys.setswitchinterval`.
    pub fn set_switch_interval(&mut self, seconds: f64) {
        let ticks = (seconds * TICKS_PER_SECOND).clamp(1.0, i32::MAX as f64) as i32;
        self.threads.interval = ticks;
        let left = self.thread_ticks_left().min(ticks);
        self.set_ticks(left);
    }

    /// The evaluation loop used up the switch interval.
    #[cold]
    #[inline(never)]
    pub fn preempt(&mut self) {
        if self.threads.list.len() < 2 {
            self.set_ticks(i32::MAX);
            return;
        }
        self.set_ticks(self.threads.interval);
        let start = self.threads.current + 1;
        match self.threads.pick_from(start, Instant::now()) {
            Some(i) if i != self.threads.current => self.switch_thread(i),
            _ => {}
        }
    }

    /// Let the next ready thread (round robin) run before the running one goes on,
    /// as CPython's GIL changes hands at a call that could have blocked; nothing
    /// happens when no other thread is ready.
    pub fn yield_thread(&mut self) {
        if self.threads.list.len() < 2 {
            return;
        }
        let start = self.threads.current + 1;
        match self.threads.pick_from(start, Instant::now()) {
            Some(i) if i != self.threads.current => self.switch_thread(i),
            _ => {}
        }
    }

    /// Run thread `i` until some thread switches back to the running one.
    fn switch_thread(&mut self, i: usize) {
        let cur = self.threads.current;
        self.threads.list[cur].hooks = Some(self.save_thread_hooks());
        let target = self.make_current(i);
        self.switch_stack(target);
    }

    fn save_thread_hooks(&mut self) -> ThreadHooks {
        let mut hooks = std::mem::take(&mut self.thread);
        hooks.release_attention();
        hooks
    }

    /// Thread `i` becomes the running one (its hooks and a fresh interval); returns
    /// the stack to switch to.
    fn make_current(&mut self, i: usize) -> StackId {
        self.threads.current = i;
        if i == 0 && signals::interrupt_pending() {
            super::finalize::wake_loop();
        }
        self.thread = self.threads.list[i].hooks.take().unwrap_or_default();
        self.hooks_changed();
        self.set_ticks(self.threads.interval);
        self.threads.list[i].stack
    }

    /// Suspend the running thread until `wait` is satisfied (or its deadline
    /// passes); other threads run meanwhile. Errs when every thread is blocked.
    pub(super) fn block(&mut self, wait: Wait) -> PyResult<()> {
        let cur = self.threads.current;
        self.threads.list[cur].wait = wait;
        self.flush_stdout_quietly();
        let mut resumed = false;
        loop {
            let now = Instant::now();
            let cur = self.threads.current;
            let rec = &mut self.threads.list[cur];
            if cur == 0 && signals::interrupt_pending() {
                rec.wait = Wait::Ready;
                return self.check_signals();
            }
            if rec.deadlocked {
                rec.deadlocked = false;
                rec.wait = Wait::Ready;
                return Err(self.deadlock_error());
            }
            // A thread another one switched to runs at once; others get their turn
            // (round robin) when it blocks for the first time.
            if resumed && rec.runnable(now) {
                rec.wait = Wait::Ready;
                return Ok(());
            }
            match self.threads.pick_from(cur + 1, now) {
                Some(i) if i == cur => {
                    self.threads.list[cur].wait = Wait::Ready;
                    return Ok(());
                }
                Some(i) => {
                    self.switch_thread(i);
                    resumed = true;
                }
                None => {
                    if !self.threads.idle() {
                        self.threads.list[cur].wait = Wait::Ready;
                        return Err(self.deadlock_error());
                    }
                }
            }
        }
    }

    fn deadlock_error(&self) -> super::PyErr {
        self.new_error(
            &self.types.runtime_error.clone(),
            "deadlock: every thread is blocked",
        )
    }

    /// `lock.acquire(blocking, timeout)`; `timeout` None waits for ever.
    pub fn acquire_lock(
        &mut self,
        core: &Rc<LockCore>,
        blocking: bool,
        timeout: Option<Duration>,
    ) -> PyResult<bool> {
        if !core.locked.get() {
            core.locked.set(true);
            return Ok(true);
        }
        if !blocking {
            return Ok(false);
        }
        let deadline = timeout.map(|t| Instant::now() + t);
        self.block(Wait::Lock(core.clone(), deadline))?;
        if core.locked.get() {
            return Ok(false);
        }
        core.locked.set(true);
        Ok(true)
    }

    /// `time.sleep` while other threads exist: they run meanwhile. Returns false
    /// when this is the only thread (the caller sleeps itself).
    pub fn sleep_thread(&mut self, d: Duration) -> PyResult<bool> {
        if self.threads.list.len() < 2 {
            return Ok(false);
        }
        self.block(Wait::Sleep(Instant::now() + d))?;
        Ok(true)
    }

    /// `_thread.start_new_thread`: the new thread is ready and runs when the
    /// scheduler gets to it.
    pub fn start_thread(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<KwArg>,
    ) -> PyResult<u64> {
        let ident = self.threads.next_ident;
        let entry = Box::new(move |vm: &mut Vm| vm.thread_body(func, args, kwargs));
        let stack = self.new_stack(entry).map_err(|_| {
            self.new_error(&self.types.runtime_error.clone(), "can't start new thread")
        })?;
        self.threads.next_ident += 1;
        self.threads.list.push(ThreadRec {
            ident,
            stack,
            hooks: Some(ThreadHooks::default()),
            wait: Wait::Ready,
            deadlocked: false,
            greenlets: ThreadGreenlets::default(),
        });
        let left = self.thread_ticks_left().min(self.threads.interval);
        self.set_ticks(left);
        Ok(ident)
    }

    /// A thread's whole life; returns the stack to run when it has ended.
    fn thread_body(&mut self, func: Value, args: Vec<Value>, kwargs: Vec<KwArg>) -> StackId {
        if let Err(e) = self.call(&func, &args, &kwargs) {
            let exc = e.into_value();
            if !self.type_of(&exc).is_subtype(&self.types.system_exit) {
                let what = match self.repr(&func) {
                    Ok(r) => r.as_str().to_string(),
                    Err(_) => "<object repr() failed>".to_string(),
                };
                self.report_unraisable_msg(
                    &format!("Exception ignored in thread started by {what}"),
                    super::PyErr::from_value(exc),
                );
            }
        }
        self.run_finalizers();
        self.thread_ended()
    }

    /// In the child of a `fork`: the running thread is the only one left, and it is
    /// the main thread now. The others never run again; what they hold is leaked
    /// (no finalizer of theirs runs), as their C stacks are in CPython's child.
    pub fn keep_only_running_thread(&mut self) {
        let cur = self.threads.current;
        for (i, rec) in std::mem::take(&mut self.threads.list)
            .into_iter()
            .enumerate()
        {
            if i == cur {
                self.threads.list.push(rec);
            } else {
                std::mem::forget(self.stacks.discard(rec.stack));
                std::mem::forget(rec);
            }
        }
        self.threads.current = 0;
    }

    /// Remove the running thread and choose who runs next.
    fn thread_ended(&mut self) -> StackId {
        let cur = self.threads.current;
        drop(self.save_thread_hooks());
        self.threads.list.remove(cur);
        self.flush_stdout_quietly();
        if self.threads.list.is_empty() {
            // The only thread of a child forked by a thread other than the main one
            // ended: so does the process, with status 0, as CPython's child does when
            // its one C thread exits.
            std::process::exit(0);
        }
        loop {
            let now = Instant::now();
            let start = cur % self.threads.list.len();
            if let Some(i) = self.threads.pick_from(start, now) {
                return self.make_current(i);
            }
            if !self.threads.idle() {
                // Everyone left waits for ever: the main thread (or else the
                // oldest) is told.
                self.threads.list[0].deadlocked = true;
                return self.make_current(0);
            }
        }
    }
}

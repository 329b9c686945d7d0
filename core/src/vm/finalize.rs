//! Finalization: `__del__` methods, the closing of abandoned generators, and the
//! death events of watched objects (see `watch::lifetime`).
//!
//! Destructors cannot run Python code (they run inside whatever Rust operation dropped
//! the last reference), so a dying object that needs a finalizer is revived into the
//! pending queue and finalized at the next instruction boundary. The revived object
//! has the same contents; only its address differs.
//!
//! The flag the evaluation loop checks before each instruction (`pending`) is the
//! loop's one "something needs attention" flag: bit 0 says finalizers are queued,
//! the bits above count the holders that want every instruction to reach the slow
//! path (tracing and profiling: `hold_attention`). Clearing the queue clears only
//! bit 0, atomically, so a holder is never lost.

use super::generator::Generator;
use super::Vm;
use crate::object::{Base, Instance, PyCell, PyStr, Value};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

pub enum Pending {
    Del(Value),
    CloseGenerator(Rc<Generator>),
    /// A revived watched object, and the address it died at.
    Dealloc(Value, usize),
    /// A cleared weak reference and its callback.
    WeakrefCallback(Value, Value),
}

/// Bit 0: finalizers queued; bits above: the number of attention holders.
static PENDING: AtomicU32 = AtomicU32::new(0);
const QUEUED: u32 = 1;
const HOLDER: u32 = 2;
/// The cycle collector should run at the next instruction boundary.
static COLLECT: AtomicBool = AtomicBool::new(false);

/// Ask for a cycle collection at the next safe point.
pub fn request_collection() {
    COLLECT.store(true, Ordering::Relaxed);
    PENDING.fetch_or(QUEUED, Ordering::Relaxed);
}

thread_local! {
    static QUEUE: std::mem::ManuallyDrop<RefCell<Vec<Pending>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(Vec::new())) };
    static DEL_NAME: Rc<PyStr> = crate::object::str::intern("__del__");
}

#[inline]
pub fn pending() -> bool {
    PENDING.load(Ordering::Relaxed) != 0
}

/// Make the next instruction reach the loop's slow path (a signal arrived); safe in
/// a signal handler.
pub fn wake_loop() {
    PENDING.fetch_or(QUEUED, Ordering::Relaxed);
}

/// Make every instruction reach the loop's slow path until released.
pub fn hold_attention() {
    PENDING.fetch_add(HOLDER, Ordering::Relaxed);
}

pub fn release_attention() {
    PENDING.fetch_sub(HOLDER, Ordering::Relaxed);
}

pub fn enqueue(p: Pending) {
    // While the thread exits its queue may be gone: nothing would run it anyway.
    if QUEUE.try_with(|q| q.borrow_mut().push(p)).is_ok() {
        PENDING.fetch_or(QUEUED, Ordering::Relaxed);
    }
}

/// Called from `Instance::drop`: revive the instance if its class has `__del__`
/// (its weak references follow it), else clear its weak references.
pub fn instance_dying(inst: &mut Instance) {
    // Presizing beyond this would let one outlier instance cost every later one.
    const MAX_PRESIZED: usize = 16;
    let cls = inst.cls.get_mut();
    if let Some(d) = &inst.dict {
        let len = d.len().min(MAX_PRESIZED) as u8;
        if len > cls.instance_dict_capacity.get() {
            cls.instance_dict_capacity.set(len);
        }
    }
    if inst.weakrefs.is_set() {
        weakly_referenced_instance_dying(inst);
    } else if let Some(r) = revive_for_del(inst) {
        enqueue(Pending::Del(r));
    }
}

#[cold]
#[inline(never)]
fn weakly_referenced_instance_dying(inst: &mut Instance) {
    let addr = inst as *const Instance as usize;
    match revive_for_del(inst) {
        Some(r) => {
            crate::object::weakref::move_referent(addr, &r);
            enqueue(Pending::Del(r));
        }
        None => super::weakrefs::referent_dying(addr),
    }
}

/// The instance, revived into a new object, if its class has a `__del__` that has
/// not run for it.
#[inline(always)]
fn revive_for_del(inst: &mut Instance) -> Option<Value> {
    let cls = inst.cls.get_mut();
    if inst.finalized.get() || cls.builtin {
        return None;
    }
    let version = cls.version();
    let has_del = match cls.del_cache.get() {
        (v, has_del) if v == version && v != 0 => has_del,
        _ => {
            let has_del = DEL_NAME.with(|n| cls.lookup(n).is_some());
            cls.del_cache.set((version, has_del));
            has_del
        }
    };
    if !has_del {
        return None;
    }
    let object = crate::vm::builtin_types::types().object.clone();
    let revived = Instance {
        cls: PyCell::new(std::mem::replace(inst.cls.get_mut(), object)),
        dict: inst.dict.take(),
        slots: PyCell::new(std::mem::take(inst.slots.get_mut())),
        base: std::mem::replace(&mut inst.base, Base::None),
        finalized: std::cell::Cell::new(true),
        weakrefs: Default::default(),
    };
    Some(Value::Instance(Instance::new_rc(revived)))
}

impl Vm {
    /// Run every queued finalizer (errors are reported as unraisable).
    pub fn run_finalizers(&mut self) {
        if COLLECT.swap(false, Ordering::Relaxed) {
            self.collect_cycles();
        }
        loop {
            let batch: Vec<Pending> = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
            PENDING.fetch_and(!QUEUED, Ordering::Relaxed);
            if batch.is_empty() {
                return;
            }
            for p in batch {
                match p {
                    Pending::Del(obj) => {
                        let del = DEL_NAME.with(|n| n.clone());
                        let cls = self.type_of(&obj);
                        if let Some(f) = cls.lookup(&del) {
                            if let Err(e) = self.call_method_value(f.clone(), &obj, &[]) {
                                let what = format!(
                                    "<function {}.__del__>",
                                    cls.qualname.borrow().as_str()
                                );
                                self.report_unraisable(&what, e);
                            }
                        }
                    }
                    Pending::Dealloc(obj, was) => self.deliver_death(obj, was),
                    Pending::WeakrefCallback(handle, callback) => {
                        self.call_weakref_callback(handle, callback)
                    }
                    Pending::CloseGenerator(g) => {
                        if let Err(e) = super::generator::close(self, &g) {
                            let what =
                                format!("<{} object {}>", g.kind_name(), g.code.qualname.as_str());
                            self.report_unraisable(&what, e);
                        }
                    }
                }
            }
        }
    }

    /// CPython's "Exception ignored in: ..." report.
    pub fn report_unraisable(&mut self, what: &str, e: super::PyErr) {
        let text = self.format_exception(e.value());
        self.write_stderr(&format!("Exception ignored in: {what}\n{text}"));
    }

    /// Report an exception nobody can catch through `sys.unraisablehook`, with
    /// `err_msg` and no object (CPython's `PyErr_FormatUnraisable`). The default
    /// hook prints "{err_msg}:" and the traceback; a hook that fails is reported by
    /// the default one.
    pub fn report_unraisable_msg(&mut self, err_msg: &str, e: super::PyErr) {
        let hook = self.sys.dict.get_str(&self.intern("unraisablehook"));
        if let Some(hook) = hook.filter(|h| !crate::modules::sys::is_default_unraisablehook(h)) {
            let args = crate::modules::sys::unraisable_args(self, e.value(), err_msg);
            match self.call(&hook, &[args], &[]) {
                Ok(_) => return,
                Err(hook_err) => self.report_unraisable_msg_default(
                    "Exception ignored in sys.unraisablehook",
                    hook_err,
                ),
            }
        }
        self.report_unraisable_msg_default(err_msg, e);
    }

    pub(crate) fn report_unraisable_msg_default(&mut self, err_msg: &str, e: super::PyErr) {
        let text = self.format_exception(e.value());
        self.write_stderr(&format!("{err_msg}:\n{text}"));
    }
}

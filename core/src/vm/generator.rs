//! Generators and coroutines: a suspended frame (its segment of the value stack, its
//! instruction pointer) kept in an object, resumed by `send` / `next` / `throw` /
//! `close`, including delegation through `yield from` and `await`.

use super::eval::Exit;
use super::frame::Frame;
use super::hooks::Detour;
use super::{PyErr, PyResult, Vm};
use crate::code::{flags, Code, Instr};
use crate::object::{Function, PyCell, Value};
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Created,
    Suspended,
    Running,
    Done,
}

pub struct GenState {
    /// The frame's values (locals, cells, operand stack) while it is suspended; empty
    /// while it runs, when they are the value stack's running segment.
    pub saved: Vec<Value>,
    pub pc: usize,
    pub status: Status,
    /// The exception being handled inside the generator while it is suspended.
    pub handled: Value,
}

pub struct Generator {
    pub func: Rc<Function>,
    pub code: Rc<Code>,
    pub state: PyCell<GenState>,
    /// The data of the generator's frame once it has a frame object or a local trace
    /// function; it goes with the frame each time the generator runs.
    pub frame_data: PyCell<Option<Rc<super::frame_object::FrameData>>>,
    /// Revived once to be closed by the finalizer: a generator is finalized at most
    /// once, so one that ignores GeneratorExit is reported once, as in CPython.
    finalized: bool,
    pub weakrefs: crate::object::weakref::WeakrefMark,
}

pub enum Sent {
    Yielded(Value),
    Returned(Value),
}

impl Sent {
    /// As `next()` sees it: None when the generator returned.
    pub fn yielded(self) -> Option<Value> {
        match self {
            Sent::Yielded(v) => Some(v),
            Sent::Returned(_) => None,
        }
    }
}

impl Generator {
    pub fn new(func: &Rc<Function>, code: Rc<Code>, locals: Vec<Value>) -> Generator {
        Generator {
            func: func.clone(),
            code,
            state: PyCell::new(GenState {
                saved: locals,
                pc: 0,
                status: Status::Created,
                handled: Value::None,
            }),
            frame_data: PyCell::new(None),
            finalized: false,
            weakrefs: Default::default(),
        }
    }
    pub fn is_coroutine(&self) -> bool {
        self.code.flags & flags::COROUTINE != 0
    }
    pub fn status(&self) -> Status {
        self.state.borrow().status
    }
    /// The iterator a generator suspended in `yield from` / `await` delegates to
    /// (`gi_yieldfrom`, `cr_await`): the top of its saved operand stack.
    pub fn delegated_to(&self) -> Option<Value> {
        let st = self.state.borrow();
        let delegating = st.status == Status::Suspended
            && st.pc >= 2
            && matches!(self.code.instrs.get(st.pc - 1), Some(Instr::YieldValue(1)));
        delegating.then(|| st.saved.last().cloned()).flatten()
    }
    pub fn kind_name(&self) -> &'static str {
        if self.is_coroutine() {
            "coroutine"
        } else {
            "generator"
        }
    }
}

/// Whether a generator suspended at `pc` can be closed without running it: it waits
/// at a plain `yield` (not delegating to a sub-iterator) that no `try` or `with` block
/// encloses, so GeneratorExit would leave it at once with no code run (CPython skips
/// the throw in the same case).
fn closes_without_running(code: &Code, pc: usize) -> bool {
    pc > 0
        && matches!(code.instrs.get(pc - 1), Some(Instr::YieldValue(0)))
        && code.handler_for((pc - 1) as u32).is_none()
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.weakrefs.is_set() {
            super::weakrefs::referent_dying(self as *const Generator as usize);
        }
        let st = self.state.get_mut();
        if !self.finalized
            && st.status == Status::Suspended
            && !closes_without_running(&self.code, st.pc)
        {
            let state = std::mem::replace(
                st,
                GenState {
                    saved: Vec::new(),
                    pc: 0,
                    status: Status::Done,
                    handled: Value::None,
                },
            );
            let revived = Generator {
                func: self.func.clone(),
                code: self.code.clone(),
                state: PyCell::new(state),
                frame_data: PyCell::new(self.frame_data.get_mut().take()),
                finalized: true,
                weakrefs: Default::default(),
            };
            super::finalize::enqueue(super::finalize::Pending::CloseGenerator(Rc::new(revived)));
        }
    }
}

/// Resume a generator as a frame of the running evaluation loop (for `for` and
/// `yield from` / `await`): false if it cannot be (running, finished, a value sent
/// into a fresh generator, too deep, hooks installed), and the caller tries
/// `enter_hooked` when hooks are, then takes the general path. Executors (and the
/// warm-code hook) see only a frame's plain entry, so with no eval hook, trace or
/// profile function a generator that already started resumes inline all the same.
#[inline(always)]
pub fn enter_inline(vm: &mut Vm, g: &Rc<Generator>, value: &Value) -> bool {
    if vm.thread.frame_entry {
        return enter_inline_past_executors(vm, g, value);
    }
    resume_inline(vm, g, value)
}

/// `enter_inline` while frame entries are watched: inline all the same when the
/// entry is nothing to any hook.
#[inline(never)]
fn enter_inline_past_executors(vm: &mut Vm, g: &Rc<Generator>, value: &Value) -> bool {
    !entry_watched(vm, g, g.status()) && resume_inline(vm, g, value)
}

/// Whether resuming `g` (in `status`) while frame entries are watched is anything
/// to a hook: to an eval hook, a trace or profile function every resumption is;
/// to executors and the warm-code hook only a fresh generator's start, and only
/// while its code is warming up or has an executor. Down a delegation chain none
/// is fresh: a frame waits at its `Send` only after the `Send` started the
/// generator it delegates to.
#[inline(always)]
fn entry_watched(vm: &Vm, g: &Generator, status: Status) -> bool {
    vm.thread.every_entry_watched()
        || (status == Status::Created && !g.code.entry.idle(vm.executors.threshold()))
}

/// `enter_inline` once no hooks are known to be installed.
#[inline(never)]
fn resume_inline(vm: &mut Vm, g: &Rc<Generator>, value: &Value) -> bool {
    let Some(fresh) = inline_start(vm, g, value) else {
        return false;
    };
    push_generator_frame(vm, g, (!fresh).then(|| value.dup()), true);
    while pass_down(vm).is_some() {}
    true
}

/// Whether a generator can resume inline (`Some`), and whether it starts fresh then
/// (nothing is sent into it).
#[inline(always)]
fn inline_start(vm: &Vm, g: &Generator, value: &Value) -> Option<bool> {
    let fresh = match g.status() {
        Status::Created if value.is_none() => true,
        Status::Suspended => false,
        _ => return None,
    };
    (vm.frames.len() < vm.recursion_limit).then_some(fresh)
}

/// A generator resumed inline while it delegates (`yield from`, `await`) to another
/// generator passes the value sent in straight down the chain: each level's jump back
/// to its `Send`, and the `Send`, run here rather than through the loop's dispatch
/// (a coroutine awaiting one awaiting another ... resumes every level per value).
/// This runs one level's `Send`, pushing the frame of the generator it resumes, and
/// returns that generator; None leaves the top frame to the loop. The switch tick
/// each jump counts is counted here; not while tracing, which reports every
/// instruction.
#[inline(always)]
fn pass_down(vm: &mut Vm) -> Option<Rc<Generator>> {
    if !at_delegating_send(vm) {
        return None;
    }
    // SAFETY: the frame waits at its `Send`, which takes the sub-iterator and the
    // value sent from the top of its stack.
    let (sub, value) = unsafe { vm.top_two() };
    let Value::Generator(sub) = sub else {
        return None;
    };
    let fresh = inline_start(vm, sub, value)?;
    let sub = sub.clone();
    let value = vm.pop();
    if let Some(frame) = vm.frames.last_mut() {
        frame.pc += 1;
    }
    push_generator_frame(vm, &sub, (!fresh).then_some(value), true);
    Some(sub)
}

/// Whether the top frame, just resumed, waits at the backward jump after the yield
/// of a delegation; if so it is moved on to the `Send` the jump leads to. When a
/// switch is due, or tracing is on, the jump is left to the loop.
#[inline(always)]
fn at_delegating_send(vm: &mut Vm) -> bool {
    if vm.thread.attention || vm.switch_ticks <= 0 {
        return false;
    }
    let Some(frame) = vm.frames.last_mut() else {
        return false;
    };
    let Some(&Instr::Jump(send)) = frame.code.instrs.get(frame.pc) else {
        return false;
    };
    if !frame.code.is_delegation_jump(frame.pc) {
        return false;
    }
    frame.pc = send as usize;
    vm.switch_ticks -= 1;
    true
}

/// How `enter_hooked` resumed a generator.
pub enum Resumed {
    /// Its frame is on top of the frame stack, to run in the loop; or a hook ran it
    /// and its outcome went to the resuming instruction (see `enter_hooked`).
    Inline,
    /// It cannot resume inline, or tracing is on: take the general path.
    General,
    /// A hook ran it, and it raised this.
    Raised(PyErr),
}

/// `enter_inline` with frame-evaluation hooks installed: the frame is pushed to run
/// inline and the chain sees it first (`Vm::frame_entering`). When a hook runs it
/// instead, its yield or return is handed to the resuming `for` or `Send` as if it
/// had run inline.
pub fn enter_hooked(vm: &mut Vm, g: &Rc<Generator>, value: Value) -> Resumed {
    if !(vm.thread.trace.is_none() && vm.thread.profile.is_none()) {
        // Tracing and profiling see the resumption on the general path.
        return Resumed::General;
    }
    let Some(fresh) = inline_start(vm, g, &value) else {
        return Resumed::General;
    };
    push_generator_frame(vm, g, (!fresh).then_some(value), true);
    let mut g = g.clone();
    loop {
        if let Err(detour) = vm.enter_hooked_frame() {
            return hooked_outcome(vm, &g, detour);
        }
        // A delegating generator resumes the next level at once, which the hooks
        // see in turn (see `pass_down`).
        match pass_down(vm) {
            Some(sub) => g = sub,
            None => return Resumed::Inline,
        }
    }
}

/// A hook made the outcome of a generator frame pushed to run inline.
#[cold]
#[inline(never)]
fn hooked_outcome(vm: &mut Vm, g: &Rc<Generator>, detour: Detour) -> Resumed {
    match resumed_outcome(vm, g, detour.outcome()) {
        Ok(Sent::Yielded(v)) => vm.push(v),
        Ok(Sent::Returned(v)) => vm.generator_returned(v),
        Err(e) => return Resumed::Raised(e),
    }
    Resumed::Inline
}

/// Put a resuming generator's frame back on the frame stack: its saved values
/// become the running segment of the value stack (the value sent in, if any, pushed
/// onto them), its handled exception current, its frame data attached. An inline
/// frame (resumed by `for`, `yield from` or `await` in the loop) hands control back
/// through its link; otherwise it is the entry frame of a native re-entry.
#[inline(always)]
fn push_generator_frame(vm: &mut Vm, g: &Rc<Generator>, sent: Option<Value>, inline: bool) {
    let sent_in = sent.is_some();
    let (pc, gen_handled) = {
        let mut st = g.state.borrow_mut();
        vm.enter_segment(std::mem::take(&mut st.saved));
        st.status = Status::Running;
        (st.pc, std::mem::take(&mut st.handled))
    };
    if let Some(v) = sent {
        vm.push(v);
    }
    enter_handled(vm, gen_handled);
    vm.enter_frame(|| Frame {
        code: g.code.clone(),
        scope: super::frame::Scope::Function(g.func.clone()),
        locals: None,
        base: 0,
        ret_sp: 0,
        pc,
        entry: !inline,
        owns_segment: true,
        init_of: None,
        gen: inline.then(|| super::frame::GenLink {
            generator: g.clone(),
        }),
        data: None,
        suspended: None,
    });
    attach_frame_data(vm, g, sent_in);
}

/// A generator frame leaves the frame stack suspended: its segment goes back into
/// the generator. A segment that grew for deep calls made from the generator gives
/// the room back, so that a suspended generator holds about what its frame needs.
#[inline(always)]
fn park_segment(vm: &mut Vm, st: &mut GenState, code: &Code) {
    let mut own = vm.leave_segment();
    if own.capacity() > SEGMENT_SLACK + segment_room(code) {
        own.shrink_to(segment_room(code));
    }
    st.saved = own;
}

/// How far past its frame's room a suspended generator's segment may stay allocated.
const SEGMENT_SLACK: usize = 256;

/// The room a generator's segment is made with: its frame, and the value sent in.
pub fn segment_room(code: &Code) -> usize {
    code.frame_size() + 1
}

/// A resumed generator's frame (just pushed, with a value `sent` in or not) takes
/// its frame data back, and makes the jump a trace function set while it was
/// suspended.
#[inline(always)]
fn attach_frame_data(vm: &mut Vm, g: &Rc<Generator>, sent: bool) {
    let data = g.frame_data.borrow().clone();
    if let Some(d) = data {
        let index = vm.frames.len() - 1;
        d.set_live(vm.stacks.current, index);
        if let Some(f) = vm.frames.last_mut() {
            f.data = Some(d.clone());
        }
        if d.jump.borrow().is_some() {
            super::jump::resume_jump(vm, &d, sent);
        }
    }
}

/// A generator's frame suspends: its data (made while it ran, perhaps) stays with
/// the generator.
fn keep_frame_data(g: &Rc<Generator>, d: &Rc<super::frame_object::FrameData>) {
    d.suspend(g);
    *g.frame_data.borrow_mut() = Some(d.clone());
}

/// Make a resuming generator's own handled exception current; the caller's stays
/// visible through `outer_handled` while the generator runs.
#[inline(always)]
fn enter_handled(vm: &mut Vm, gen_handled: Value) {
    let outer = std::mem::replace(&mut vm.handled, gen_handled);
    vm.outer_handled.push(outer);
}

/// Restore the caller's handled exception (generators are left in the reverse order
/// of entry); returns the generator's own.
#[inline(always)]
fn leave_handled(vm: &mut Vm) -> Value {
    let outer = vm.outer_handled.pop().unwrap_or(Value::None);
    std::mem::replace(&mut vm.handled, outer)
}

/// Whether a frame yields as `yield_inline` takes it: an inline generator frame with
/// no frame data and no namespace.
#[inline(always)]
pub fn yields_plainly(frame: &Frame) -> bool {
    frame.gen.is_some() && frame.data.is_none() && frame.locals.is_none()
}

/// The top frame (one `yields_plainly` accepts) yields, with `pc` its next
/// instruction: back to the `for` / `yield from` that resumed it. Each frame below
/// that resumed the one above by delegating (`yield from`, `await`) and is itself
/// such a frame yields the same value at once, without its `Send` pushing it and its
/// yield popping it through the loop's dispatch (not while tracing). The caller
/// pushes the value for the frame left on top.
pub fn yield_inline(vm: &mut Vm, mut pc: usize) {
    loop {
        let fi = vm.frames.len() - 1;
        debug_assert!(yields_plainly(&vm.frames[fi]));
        // The frame is dropped where it lies, as a plain return leaves, its three
        // references read out (the drop glue tests every field, and moving the frame
        // out first copies it whole).
        // SAFETY: frame `fi` is the top frame; the length is cut first, so each
        // owning field is read once. `gen` is Some, `data` and `locals` None (checked
        // by `yields_plainly`), and a generator frame has no `init_of`.
        let (code, scope, link) = unsafe {
            vm.frames.set_len(fi);
            let f = vm.frames.as_mut_ptr().add(fi);
            (
                std::ptr::read(&(*f).code),
                std::ptr::read(&(*f).scope),
                std::ptr::read(&(*f).gen),
            )
        };
        drop(code);
        drop(scope);
        if let Some(link) = link {
            suspend_inline_at(vm, pc, link);
        }
        match delegating_yield(vm) {
            Some(next) => pc = next,
            None => return,
        }
    }
}

/// The next instruction of the top frame past the yield it waits at, if it resumed
/// the frame above by delegating and yields as `yield_inline` takes it.
#[inline(always)]
fn delegating_yield(vm: &Vm) -> Option<usize> {
    if vm.thread.attention {
        return None;
    }
    let f = vm.frames.last()?;
    (yields_plainly(f) && matches!(f.code.instrs.get(f.pc), Some(Instr::YieldValue(1))))
        .then_some(f.pc + 1)
}

/// An inline generator frame yields: save it into its generator.
pub fn suspend_inline(vm: &mut Vm, frame: Frame, link: super::frame::GenLink) {
    if let Some(d) = frame.data.as_ref() {
        keep_frame_data(&link.generator, d);
    }
    suspend_inline_at(vm, frame.pc, link);
}

/// `suspend_inline` once the frame is off the frame stack and has no frame data:
/// its segment and its next instruction go into its generator.
#[inline(always)]
pub fn suspend_inline_at(vm: &mut Vm, pc: usize, link: super::frame::GenLink) {
    let inner_handled = leave_handled(vm);
    let g = &link.generator;
    let mut st = g.state.borrow_mut();
    park_segment(vm, &mut st, &g.code);
    st.pc = pc;
    st.status = Status::Suspended;
    st.handled = inner_handled;
}

/// An inline generator frame ends (returns or raises): the generator is finished.
pub fn finish_inline(vm: &mut Vm, link: super::frame::GenLink) {
    leave_handled(vm);
    link.generator.state.borrow_mut().status = Status::Done;
}

/// A StopIteration escaping a generator becomes RuntimeError (PEP 479).
pub fn stop_iteration_escaped(vm: &mut Vm, g: &Generator, e: PyErr) -> PyErr {
    if !vm.err_matches(&e, &vm.types.stop_iteration.clone()) {
        return e;
    }
    let new = vm.runtime_error(format!("{} raised StopIteration", g.kind_name()));
    if let Some(d) = super::errors::exc_data(new.value()) {
        d.borrow_mut().cause = e.value().clone();
        d.borrow_mut().context = e.value().clone();
    }
    new
}

/// Resume a generator with a value sent in, or an exception thrown in.
pub fn resume(
    vm: &mut Vm,
    g: &Rc<Generator>,
    value: Value,
    throw: Option<PyErr>,
) -> PyResult<Sent> {
    let status = g.status();
    match status {
        Status::Running => {
            return Err(vm.value_error(format!("{} already executing", g.kind_name())));
        }
        Status::Done => {
            if let Some(e) = throw {
                return Err(e);
            }
            if g.is_coroutine() {
                return Err(vm.runtime_error("cannot reuse already awaited coroutine"));
            }
            return Ok(Sent::Returned(Value::None));
        }
        Status::Created => {
            if throw.is_none() && !value.is_none() {
                return Err(vm.type_error(format!(
                    "can't send non-None value to a just-started {}",
                    g.kind_name()
                )));
            }
            if let Some(e) = throw {
                g.state.borrow_mut().status = Status::Done;
                return Err(e);
            }
        }
        Status::Suspended => {}
    }
    let mut throw = throw;
    // Delegation: a throw into a generator suspended in `yield from` goes to the
    // sub-iterator first.
    if let Some(e) = throw.take() {
        match delegate_throw(vm, g, e)? {
            Delegated::Yielded(v) => return Ok(Sent::Yielded(v)),
            Delegated::Finished(sent) => return Ok(sent),
            Delegated::Resume(e) => throw = e,
        }
    }
    if vm.frames.len() >= vm.recursion_limit {
        return Err(vm.recursion_error());
    }
    let sent = (status == Status::Suspended && throw.is_none()).then_some(value);
    push_generator_frame(vm, g, sent, false);
    vm.native_depth += 1;
    let result = match vm.check_native_stack() {
        Err(e) => {
            vm.frames.pop();
            drop(vm.leave_segment());
            Err(e)
        }
        Ok(()) if vm.thread.frame_entry && entry_watched(vm, g, status) => match throw {
            None => match vm.frame_entering() {
                Ok(()) => run_resumed(vm, None),
                Err(detour) => detour.outcome(),
            },
            Some(e) => match vm.frame_entered(Some(e)) {
                Ok(super::hooks::Entered::Done(exit)) => Ok(exit),
                Ok(super::hooks::Entered::Inline(throw)) => run_resumed(vm, throw),
                Err(e) => Err(e),
            },
        },
        Ok(()) => run_resumed(vm, throw),
    };
    vm.native_depth -= 1;
    resumed_outcome(vm, g, result)
}

/// A generator frame pushed as a native entry has run: save it into the generator if
/// it yielded (the frame is still on top), or mark the generator done (its frame and
/// segment are gone).
fn resumed_outcome(vm: &mut Vm, g: &Rc<Generator>, result: PyResult<Exit>) -> PyResult<Sent> {
    let inner_handled = leave_handled(vm);
    match result {
        Ok(Exit::Yield(v)) => {
            let frame = vm.frames.pop();
            if let Some(d) = frame.as_ref().and_then(|f| f.data.as_ref()) {
                keep_frame_data(g, d);
            }
            let mut st = g.state.borrow_mut();
            park_segment(vm, &mut st, &g.code);
            st.pc = frame.map(|f| f.pc).unwrap_or(0);
            st.status = Status::Suspended;
            st.handled = inner_handled;
            Ok(Sent::Yielded(v))
        }
        Ok(Exit::Return(v)) => {
            g.state.borrow_mut().status = Status::Done;
            Ok(Sent::Returned(v))
        }
        Err(e) => {
            g.state.borrow_mut().status = Status::Done;
            Err(stop_iteration_escaped(vm, g, e))
        }
    }
}

/// Run a resumed generator's frame, raising `throw` in it first.
fn run_resumed(vm: &mut Vm, throw: Option<PyErr>) -> PyResult<Exit> {
    match throw {
        Some(e) => vm.raise_in_top_frame(e).and_then(|_| vm.run()),
        None => vm.run(),
    }
}

enum Delegated {
    Yielded(Value),
    Resume(Option<PyErr>),
    Finished(Sent),
}

fn delegate_throw(vm: &mut Vm, g: &Rc<Generator>, e: PyErr) -> PyResult<Delegated> {
    let Some(sub) = g.delegated_to() else {
        return Ok(Delegated::Resume(Some(e)));
    };
    let pc = g.state.borrow().pc;
    let is_exit = vm.err_matches(&e, &vm.types.generator_exit.clone());
    if is_exit {
        // Close the sub-iterator, then raise GeneratorExit here.
        let r = match &sub {
            Value::Generator(sg) => close(vm, sg).map(|_| ()),
            other => {
                let name = vm.intern("close");
                match vm.get_attr_opt(other, &name)? {
                    Some(f) => vm.call(&f, &[], &[]).map(|_| ()),
                    None => Ok(()),
                }
            }
        };
        return match r {
            Ok(()) => Ok(Delegated::Resume(Some(e))),
            Err(e2) => Ok(Delegated::Resume(Some(e2))),
        };
    }
    let r = match &sub {
        Value::Generator(sg) => resume(vm, sg, Value::None, Some(e)),
        other => {
            let name = vm.intern("throw");
            match vm.get_attr_opt(other, &name)? {
                Some(f) => {
                    let exc = e.into_value();
                    match vm.call(&f, &[exc], &[]) {
                        Ok(v) => Ok(Sent::Yielded(v)),
                        Err(err) => {
                            if vm.err_matches(&err, &vm.types.stop_iteration.clone()) {
                                Ok(Sent::Returned(stop_value(err.value())))
                            } else {
                                Err(err)
                            }
                        }
                    }
                }
                None => return Ok(Delegated::Resume(Some(e))),
            }
        }
    };
    match r {
        Ok(Sent::Yielded(v)) => Ok(Delegated::Yielded(v)),
        Ok(Sent::Returned(v)) => {
            // The `yield from` finishes with v: continue after its Send with v as the
            // result, as if v had been sent in.
            {
                let mut st = g.state.borrow_mut();
                st.saved.pop();
                if let Some(Instr::Send(exit)) = g.code.instrs.get(pc - 2) {
                    st.pc = *exit as usize;
                }
            }
            Ok(Delegated::Finished(resume(vm, g, v, None)?))
        }
        Err(err) => Ok(Delegated::Resume(Some(err))),
    }
}

/// The `value` of a StopIteration.
pub fn stop_value(exc: &Value) -> Value {
    match super::errors::exc_data(exc) {
        Some(d) => match &d.borrow().args {
            Value::Tuple(t) => t.items.first().cloned().unwrap_or(Value::None),
            _ => Value::None,
        },
        None => Value::None,
    }
}

/// `next(gen)`: None when it returns.
pub fn gen_next(vm: &mut Vm, g: &Rc<Generator>) -> PyResult<Option<Value>> {
    Ok(resume(vm, g, Value::None, None)?.yielded())
}

/// `gen.close()`: returns the generator's return value, if it returned.
pub fn close(vm: &mut Vm, g: &Rc<Generator>) -> PyResult<Value> {
    match g.status() {
        Status::Created => {
            g.state.borrow_mut().status = Status::Done;
            return Ok(Value::None);
        }
        Status::Done => return Ok(Value::None),
        Status::Suspended if closes_without_running(&g.code, g.state.borrow().pc) => {
            let locals = {
                let mut st = g.state.borrow_mut();
                st.status = Status::Done;
                std::mem::take(&mut st.saved)
            };
            drop(locals);
            return Ok(Value::None);
        }
        _ => {}
    }
    let exc = vm.new_exception(&vm.types.generator_exit.clone(), vec![]);
    match resume(vm, g, Value::None, Some(PyErr::from_value(exc))) {
        Ok(Sent::Yielded(_)) => {
            Err(vm.runtime_error(format!("{} ignored GeneratorExit", g.kind_name())))
        }
        Ok(Sent::Returned(v)) => Ok(v),
        Err(e) => {
            if vm.err_matches(&e, &vm.types.generator_exit.clone()) {
                Ok(Value::None)
            } else {
                Err(e)
            }
        }
    }
}

impl Vm {
    /// The Send instruction: push a value into a sub-iterator.
    pub fn send_into(&mut self, it: &Value, value: Value) -> PyResult<Sent> {
        match it {
            Value::Generator(g) => resume(self, g, value, None),
            _ => {
                // A class's __next__ may end with StopIteration(value): that value
                // is the result (an async generator's plain yield ends its asend
                // awaitable so). Built-in iterators end with None.
                let r = if value.is_none() && matches!(it, Value::Instance(_)) {
                    self.call_method(it, "__next__", &[])
                } else if value.is_none() {
                    match self.next(it) {
                        Ok(Some(v)) => return Ok(Sent::Yielded(v)),
                        Ok(None) => return Ok(Sent::Returned(Value::None)),
                        Err(e) => Err(e),
                    }
                } else {
                    self.call_method(it, "send", &[value])
                };
                match r {
                    Ok(v) => Ok(Sent::Yielded(v)),
                    Err(e) if self.err_matches(&e, &self.types.stop_iteration.clone()) => {
                        Ok(Sent::Returned(stop_value(e.value())))
                    }
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// `async with`: (bound __aexit__, awaitable of __aenter__()).
    pub fn before_async_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(mgr);
        let enter = cls.lookup(&self.intern("__aenter__"));
        let exit = cls.lookup(&self.intern("__aexit__"));
        let (Some(enter), Some(exit)) = (enter, exit) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the asynchronous context manager protocol",
                cls.name().as_str()
            )));
        };
        let exit = self.bind_descriptor(exit, mgr)?;
        let awaitable = self.call_method_value(enter, mgr, &[])?;
        Ok((exit, awaitable))
    }

    /// Call `__aiter__` / `__anext__` on an async iterable, with CPython's TypeError
    /// when the type lacks it.
    pub fn async_protocol(
        &mut self,
        v: &Value,
        method: &str,
        what: &str,
        needs: &str,
    ) -> PyResult<Value> {
        let cls = self.type_of(v);
        match cls.lookup(&self.intern(method)) {
            Some(m) => self.call_method_value(m, v, &[]),
            None => Err(self.type_error(format!(
                "'{}' requires an object with {} method, got {}",
                what,
                needs,
                cls.name().as_str()
            ))),
        }
    }

    /// The `async_generator` object whose body is the coroutine `inner`.
    pub fn async_generator(&mut self, inner: Value) -> PyResult<Value> {
        let module = self.import_one("_asyncgen")?;
        let name = self.intern("async_generator");
        let class = self.get_attr(&module, &name)?;
        self.call(&class, &[inner], &[])
    }

    /// The GetAwaitable instruction.
    pub fn get_awaitable(&mut self, v: &Value) -> PyResult<Value> {
        if let Value::Generator(g) = v {
            if g.is_coroutine() {
                return Ok(v.clone());
            }
        }
        let name = self.names.d_await.clone();
        let cls = self.type_of(v);
        match cls.lookup(&name) {
            Some(m) => {
                let it = self.call_method_value(m, v, &[])?;
                if let Value::Generator(g) = &it {
                    if g.is_coroutine() {
                        return Err(self.type_error("__await__() returned a coroutine"));
                    }
                }
                Ok(it)
            }
            None => Err(self.type_error(format!(
                "object {} can't be used in 'await' expression",
                cls.name().as_str()
            ))),
        }
    }
}

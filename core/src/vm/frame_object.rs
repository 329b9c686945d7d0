//! Frame objects: what `sys._getframe`, `gi_frame` / `cr_frame`, trace functions and
//! `f_back` hand to Python, and PEP 667's `f_locals`.
//!
//! A running frame is plain data on the thread state's frame stack (`vm::frame`); it
//! gets a `FrameData` only when something asks for it (a frame object, a local trace
//! function). The frame and every frame object share that `Rc<FrameData>`, which says
//! where the frame's values are now: live at an index of the frame stack (checked on
//! each access by pointer identity, so a stale index can never read another frame),
//! saved in its suspended generator, or — once the frame has returned while someone
//! still holds its object — a copy of its slots taken as it left. Reads and writes
//! through a frame object therefore always reach the frame's own variables: nothing is
//! ever copied back into a frame, so no write can be lost.
//!
//! Function scopes expose `f_locals` as a new `FrameLocalsProxy` per access (the class
//! is Python, in `modules/py/_framelocals.py`, over the natives of module `_frame`
//! here); module, class and exec scopes expose their namespace dict. Tracebacks keep
//! their own (code, position, globals) entries; their `tb_frame` is a finished frame
//! made from one, whose variables are not kept, except for the raising frame of an
//! exception that asked to keep it (a NameError: its suggestions read the locals).
//!
//! Depends on the frame stack, generators, dicts and the error constructors.

use super::frame::{segment_of, Frame};
use super::generator::Generator;
use super::stacks::StackId;
use super::{PyResult, Vm};
use crate::code::Code;
use crate::object::function::KwArg;
use crate::object::{Dict, ObjKind, Object, PyCell, PyStr, Value};
use std::cell::Cell;
use std::rc::{Rc, Weak};

/// Where a frame's values are.
enum Place {
    /// At this index of the frame stack of a stack of execution (valid while that
    /// frame holds this data); the stack may be suspended (a thread or greenlet).
    Live(StackId, usize),
    /// In its generator, which is suspended (or not started).
    Suspended,
    /// The frame has finished: its slots and last instruction as it left.
    Done {
        slots: Vec<Value>,
        pc: usize,
        back: Value,
    },
}

/// The shared state of a frame that has (or had) a frame object or a trace function.
pub struct FrameData {
    pub code: Rc<Code>,
    pub globals: Rc<Dict>,
    pub builtins: Rc<Dict>,
    /// The namespace of module, class and exec frames.
    pub namespace: Option<Rc<Dict>>,
    place: PyCell<Place>,
    generator: PyCell<Weak<Generator>>,
    /// `f_trace`: the local trace function (None when unset).
    pub trace: PyCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// The last instruction this frame executed under tracing (line events fire when
    /// the line changes or a jump goes backwards); `usize::MAX` before the first.
    pub prev_pc: Cell<usize>,
    /// A jump set through `f_lineno`, made when the trace function returns or the
    /// generator resumes (`jump`).
    pub jump: PyCell<Option<super::jump::Jump>>,
    /// Keys written through `f_locals` that are not variables (PEP 667).
    extra: PyCell<Option<Rc<Dict>>>,
    object: PyCell<Weak<Object>>,
}

impl FrameData {
    fn new(f: &Frame, place: Place) -> FrameData {
        FrameData::with(
            f.code.clone(),
            f.globals().clone(),
            f.builtins().clone(),
            f.locals.clone(),
            place,
        )
    }

    /// Frame data with tracing in its initial state and no frame object yet.
    fn with(
        code: Rc<Code>,
        globals: Rc<Dict>,
        builtins: Rc<Dict>,
        namespace: Option<Rc<Dict>>,
        place: Place,
    ) -> FrameData {
        FrameData {
            code,
            globals,
            builtins,
            namespace,
            place: PyCell::new(place),
            generator: PyCell::new(Weak::new()),
            trace: PyCell::new(Value::None),
            trace_lines: Cell::new(true),
            trace_opcodes: Cell::new(false),
            prev_pc: Cell::new(usize::MAX),
            jump: PyCell::new(None),
            extra: PyCell::new(None),
            object: PyCell::new(Weak::new()),
        }
    }

    /// The frame runs again at `index` (a resumed generator).
    pub fn set_live(&self, stack: StackId, index: usize) {
        *self.place.borrow_mut() = Place::Live(stack, index);
    }

    /// The frame's generator suspends it.
    pub fn suspend(&self, generator: &Rc<Generator>) {
        *self.place.borrow_mut() = Place::Suspended;
        *self.generator.borrow_mut() = Rc::downgrade(generator);
    }

    /// The frame's generator, while it exists.
    pub fn generator(&self) -> Option<Rc<Generator>> {
        self.generator.borrow().upgrade()
    }

    fn is_namespace(&self) -> bool {
        self.namespace.is_some() || self.code.flags & crate::code::flags::NAMESPACE != 0
    }
}

fn frame_data(v: &Value) -> Option<&Rc<FrameData>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Frame(d) => Some(d),
            _ => None,
        },
        _ => None,
    }
}

impl Vm {
    /// The shared data of the frame at `index` of the frame stack, made on first use.
    pub fn frame_data_at(&mut self, index: usize) -> Option<Rc<FrameData>> {
        self.frame_data_on(self.stacks.current, index)
    }

    /// The shared data of the frame at `index` of the frame stack of `stack`.
    fn frame_data_on(&mut self, stack: StackId, index: usize) -> Option<Rc<FrameData>> {
        let frames = self.frames_on_mut(stack)?;
        let f = frames.get_mut(index)?;
        if let Some(d) = &f.data {
            return Some(d.clone());
        }
        let d = Rc::new(FrameData::new(f, Place::Live(stack, index)));
        if let Some(link) = &f.gen {
            *d.generator.borrow_mut() = Rc::downgrade(&link.generator);
        }
        f.data = Some(d.clone());
        Some(d)
    }

    /// The frame object of a frame's data (the same object while someone holds it).
    pub fn frame_object(&self, d: &Rc<FrameData>) -> Value {
        if let Some(o) = d.object.borrow().upgrade() {
            return Value::Obj(o);
        }
        let o = Rc::new(Object {
            cls: self.types.frame.clone(),
            kind: ObjKind::Frame(d.clone()),
        });
        *d.object.borrow_mut() = Rc::downgrade(&o);
        Value::Obj(o)
    }

    /// The frame object a traceback entry shows as `tb_frame`: the frame itself when
    /// the entry kept it, else a finished frame of the entry's code and globals,
    /// stopped at its instruction, with no variables.
    pub fn traceback_frame(&self, e: &super::errors::TraceEntry) -> Value {
        if let Some(d) = &e.frame {
            return self.frame_object(d);
        }
        let place = Place::Done {
            slots: vec![Value::Null; e.code.nlocalsplus()],
            pc: e.lasti as usize + 1,
            back: Value::None,
        };
        let d = FrameData::with(
            e.code.clone(),
            e.globals.clone(),
            self.builtins.clone(),
            None,
            place,
        );
        self.frame_object(&Rc::new(d))
    }

    /// The frame object of the frame at `index`, or None past the bottom.
    pub fn frame_object_at(&mut self, index: usize) -> Value {
        match self.frame_data_at(index) {
            Some(d) => self.frame_object(&d),
            None => Value::None,
        }
    }

    /// A frame leaves the stack for good (returned or unwound): if its object is still
    /// held, keep a copy of its slots and its caller so it stays inspectable.
    #[cold]
    #[inline(never)]
    pub fn frame_finished(&mut self, frame: &mut Frame) {
        let Some(d) = frame.data.take() else {
            return;
        };
        if Rc::strong_count(&d) == 1 {
            return;
        }
        let n = frame.code.nlocalsplus();
        let end = (frame.base + n).min(self.stack.len());
        let slots = self.stack.get(frame.base..end).unwrap_or(&[]).to_vec();
        let back = match self.frames.len() {
            0 => Value::None,
            below => self.frame_object_at(below - 1),
        };
        *d.place.borrow_mut() = Place::Done {
            slots,
            pc: frame.pc,
            back,
        };
    }

    fn frames_on_mut(&mut self, stack: StackId) -> Option<&mut Vec<Frame>> {
        if stack == self.stacks.current {
            return Some(&mut self.frames);
        }
        self.stacks.saved_mut(stack).map(|e| &mut e.frames)
    }

    /// The values of frame `index` of a stack of execution, running or not, from the
    /// frame's base.
    fn frame_values_on(&mut self, stack: StackId, index: usize) -> Option<&mut [Value]> {
        if stack == self.stacks.current {
            return self.frame_values(index);
        }
        let e = self.stacks.saved_mut(stack)?;
        let base = e.frames.get(index)?.base;
        segment_of(&e.frames, index, &mut e.stack, &mut e.parked)?.get_mut(base..)
    }

    fn frames_on(&self, stack: StackId) -> Option<&Vec<Frame>> {
        if stack == self.stacks.current {
            return Some(&self.frames);
        }
        self.stacks.saved(stack).map(|e| &e.frames)
    }

    /// Where a frame data's frame is on a frame stack, if it is on one.
    fn live_at(&self, d: &Rc<FrameData>) -> Option<(StackId, usize)> {
        match &*d.place.borrow() {
            Place::Live(s, i) => match self.frames_on(*s)?.get(*i).and_then(|f| f.data.as_ref()) {
                Some(held) if Rc::ptr_eq(held, d) => Some((*s, *i)),
                _ => None,
            },
            _ => None,
        }
    }

    /// The innermost frame object of a suspended stack; None when it has no frame.
    pub fn suspended_frame_object(&mut self, stack: StackId) -> Value {
        let Some(index) = self.frames_on(stack).and_then(|f| f.len().checked_sub(1)) else {
            return Value::None;
        };
        match self.frame_data_on(stack, index) {
            Some(d) => self.frame_object(&d),
            None => Value::None,
        }
    }

    /// The next instruction (`pc`) of a frame on a frame stack.
    pub fn live_frame_pc(&self, d: &Rc<FrameData>) -> Option<usize> {
        let (s, i) = self.live_at(d)?;
        Some(self.frames_on(s)?.get(i)?.pc)
    }

    /// The frame's next instruction (`pc`), wherever the frame is; past the target
    /// of a jump set and not made yet.
    fn frame_pc(&self, d: &Rc<FrameData>) -> usize {
        if let Some(j) = d.jump.borrow().as_ref() {
            return j.target + 1;
        }
        if let Some((s, i)) = self.live_at(d) {
            return self.frames_on(s).map_or(0, |f| f[i].pc);
        }
        match &*d.place.borrow() {
            Place::Done { pc, .. } => *pc,
            _ => d
                .generator
                .borrow()
                .upgrade()
                .map_or(0, |g| g.state.borrow().pc),
        }
    }

    /// Run `f` on the frame's local, cell and free slots wherever they live; None when
    /// they are gone (a generator collected since).
    pub(super) fn with_slots<R>(
        &mut self,
        d: &Rc<FrameData>,
        f: impl FnOnce(&mut [Value]) -> R,
    ) -> Option<R> {
        let n = d.code.nlocalsplus();
        if let Some((s, i)) = self.live_at(d) {
            let values = self.frame_values_on(s, i)?;
            let end = n.min(values.len());
            return Some(f(&mut values[..end]));
        }
        let mut place = d.place.borrow_mut();
        match &mut *place {
            Place::Done { slots, .. } => Some(f(slots)),
            _ => {
                drop(place);
                let g = d.generator.borrow().upgrade()?;
                let mut st = g.state.borrow_mut();
                let end = n.min(st.saved.len());
                Some(f(&mut st.saved[..end]))
            }
        }
    }

    /// `f_back`.
    fn frame_back(&mut self, d: &Rc<FrameData>) -> Value {
        if let Some((s, i)) = self.live_at(d) {
            return match i
                .checked_sub(1)
                .and_then(|below| self.frame_data_on(s, below))
            {
                Some(back) => self.frame_object(&back),
                None => Value::None,
            };
        }
        match &*d.place.borrow() {
            Place::Done { back, .. } => back.clone(),
            _ => Value::None,
        }
    }

    /// `f_lineno`: the line of the instruction running (the first line before any
    /// has run).
    fn frame_line(&self, d: &Rc<FrameData>) -> u32 {
        match self.frame_pc(d) {
            0 => d.code.firstlineno,
            pc => d.code.line_of(pc - 1),
        }
    }

    /// A frame's repr: `<frame at 0x..., file '...', line N, code NAME>`.
    pub fn frame_repr(&self, d: &Rc<FrameData>, address: usize) -> String {
        format!(
            "<frame at {:#x}, file '{}', line {}, code {}>",
            address,
            d.code.filename.as_str(),
            self.frame_line(d),
            d.code.name.as_str()
        )
    }

    /// `sys._getframe(depth)`; a negative depth is the current frame, as in CPython.
    pub fn getframe(&mut self, depth: i64) -> PyResult<Value> {
        let n = self.frames.len() as i64;
        let depth = depth.max(0);
        if depth >= n {
            return Err(self.value_error("call stack is not deep enough"));
        }
        Ok(self.frame_object_at((n - 1 - depth) as usize))
    }

    /// `gi_frame` / `cr_frame`: None once the generator has finished.
    pub fn generator_frame(&mut self, g: &Rc<Generator>) -> Value {
        use super::generator::Status;
        match g.status() {
            Status::Done => Value::None,
            Status::Running => {
                let running = (0..self.frames.len()).rev().find(|&i| {
                    self.frames[i]
                        .gen
                        .as_ref()
                        .is_some_and(|l| Rc::ptr_eq(&l.generator, g))
                        || (self.frames[i].data.as_ref().is_some_and(|d| {
                            d.generator
                                .borrow()
                                .upgrade()
                                .is_some_and(|x| Rc::ptr_eq(&x, g))
                        }))
                        || Rc::ptr_eq(&self.frames[i].code, &g.code)
                });
                running.map_or(Value::None, |i| self.frame_object_at(i))
            }
            Status::Created | Status::Suspended => {
                let existing = g.frame_data.borrow().clone();
                let d = existing.unwrap_or_else(|| {
                    let d = Rc::new(FrameData::with(
                        g.code.clone(),
                        g.func.globals.clone(),
                        g.func.builtins.clone(),
                        None,
                        Place::Suspended,
                    ));
                    *d.generator.borrow_mut() = Rc::downgrade(g);
                    *g.frame_data.borrow_mut() = Some(d.clone());
                    d
                });
                self.frame_object(&d)
            }
        }
    }

    /// The attributes of frame objects.
    pub fn frame_attr(&mut self, d: &Rc<FrameData>, name: &str) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "f_code" => Value::Code(d.code.clone()),
            "f_globals" => Value::Dict(d.globals.clone()),
            "f_builtins" => Value::Dict(d.builtins.clone()),
            "f_lineno" => Value::Int(self.frame_line(d) as i64),
            "f_lasti" => Value::Int(2 * self.frame_pc(d).saturating_sub(1) as i64),
            "f_back" => self.frame_back(d),
            "f_trace" => d.trace.borrow().clone(),
            "f_trace_lines" => Value::Bool(d.trace_lines.get()),
            "f_trace_opcodes" => Value::Bool(d.trace_opcodes.get()),
            "f_generator" => match d.generator.borrow().upgrade() {
                Some(g) => Value::Generator(g),
                None => Value::None,
            },
            "f_locals" => self.frame_locals(d)?,
            _ => return Ok(None),
        }))
    }

    /// Assignment to a frame attribute; None when the attribute is not writable.
    pub fn set_frame_attr(
        &mut self,
        d: &Rc<FrameData>,
        name: &str,
        value: &Option<Value>,
    ) -> PyResult<Option<()>> {
        match name {
            "f_trace" => {
                let v = value.clone().unwrap_or(Value::None);
                if let Some(pc) = self
                    .live_at(d)
                    .and_then(|(s, i)| Some(self.frames_on(s)?[i].pc))
                {
                    // Events start from the instruction running now.
                    d.prev_pc.set(pc.saturating_sub(1));
                }
                *d.trace.borrow_mut() = v;
            }
            "f_lineno" => self.set_frame_lineno(d, value)?,
            "f_trace_lines" | "f_trace_opcodes" => {
                let Some(Value::Bool(b)) = value else {
                    return Err(self.type_error("attribute value type must be bool"));
                };
                if name == "f_trace_lines" {
                    d.trace_lines.set(*b);
                } else {
                    d.trace_opcodes.set(*b);
                }
            }
            _ => return Ok(None),
        }
        Ok(Some(()))
    }

    /// `frame.f_locals`: the namespace of module / class / exec frames, a new
    /// write-through proxy for function frames.
    fn frame_locals(&mut self, d: &Rc<FrameData>) -> PyResult<Value> {
        if let Some(ns) = &d.namespace {
            return Ok(Value::Dict(ns.clone()));
        }
        if d.is_namespace() {
            return Ok(Value::Dict(d.globals.clone()));
        }
        let module = self.import_one("_framelocals")?;
        let name = self.intern("FrameLocalsProxy");
        let cls = self.get_attr(&module, &name)?;
        let frame = self.frame_object(d);
        self.call(&cls, &[frame], &[])
    }

    /// The variables of a function frame that are bound, in slot order, then the
    /// extra keys written through `f_locals`.
    pub fn frame_locals_items(&mut self, d: &Rc<FrameData>) -> Vec<(Value, Value)> {
        let code = d.code.clone();
        let mut out = self
            .with_slots(d, |slots| bound_variables(&code, slots))
            .unwrap_or_default();
        if let Some(extra) = d.extra.borrow().as_ref() {
            out.extend(extra.items());
        }
        out
    }

    /// What `f_locals` of a frame holds, as (name, value) pairs: its namespace's
    /// items, or its bound variables.
    pub fn frame_variables(&mut self, d: &Rc<FrameData>) -> Vec<(Value, Value)> {
        match &d.namespace {
            Some(ns) => ns.items(),
            None if d.is_namespace() => d.globals.items(),
            None => self.frame_locals_items(d),
        }
    }

    /// `locals()` of the frame at `index`: the namespace, or a fresh snapshot dict.
    pub fn locals_of(&mut self, index: usize) -> Value {
        let Some(f) = self.frames.get(index) else {
            return Value::None;
        };
        if let Some(ns) = &f.locals {
            return Value::Dict(ns.clone());
        }
        if f.code.flags & crate::code::flags::NAMESPACE != 0 {
            return Value::Dict(f.globals().clone());
        }
        let items = match f.data.clone() {
            Some(data) => self.frame_locals_items(&data),
            None => {
                let code = f.code.clone();
                let values = self.frame_values(index).unwrap_or_default();
                let end = code.nlocalsplus().min(values.len());
                bound_variables(&code, &values[..end])
            }
        };
        let d = Dict::new_rc();
        for (k, v) in items {
            if let Value::Str(k) = k {
                d.set_str(k, v);
            }
        }
        Value::Dict(d)
    }
}

/// The value of variable slot `slot` (through its cell for cell and free slots);
/// Null when unbound.
fn read_slot(code: &Code, slots: &[Value], slot: usize) -> Value {
    match slots.get(slot) {
        Some(Value::Cell(c)) if slot >= code.nlocals() => c.get(),
        Some(v) => v.clone(),
        None => Value::Null,
    }
}

/// The bound variables of a frame, (name, value) in slot order.
fn bound_variables(code: &Code, slots: &[Value]) -> Vec<(Value, Value)> {
    slot_names(code)
        .filter_map(|(name, slot)| {
            let v = read_slot(code, slots, slot);
            (!v.is_null()).then(|| (Value::Str(name.clone()), v))
        })
        .collect()
}

/// The slot of each variable name of a function frame, in CPython's order: locals
/// (a parameter that is also a cell reads through its cell), then the other cells,
/// then the free variables.
fn slot_names(code: &Code) -> impl Iterator<Item = (&Rc<PyStr>, usize)> {
    let nlocals = code.nlocals();
    let cell_slot = move |name: &PyStr| {
        code.cellvars
            .iter()
            .position(|c| c.as_str() == name.as_str())
            .map(|ci| nlocals + ci)
    };
    let locals = code
        .varnames
        .iter()
        .enumerate()
        .map(move |(i, n)| (n, cell_slot(n).unwrap_or(i)));
    let cells = code
        .cellvars
        .iter()
        .enumerate()
        .filter(|(_, c)| !code.varnames.iter().any(|v| v.as_str() == c.as_str()))
        .map(move |(ci, c)| (c, nlocals + ci));
    let frees = code
        .freevars
        .iter()
        .enumerate()
        .map(move |(fi, f)| (f, nlocals + code.cellvars.len() + fi));
    locals.chain(cells).chain(frees)
}

/// The slot of variable `name`, if the frame has one.
fn slot_of(code: &Code, name: &PyStr) -> Option<usize> {
    slot_names(code)
        .find(|(n, _)| n.as_str() == name.as_str())
        .map(|(_, s)| s)
}

fn proxy_frame(vm: &Vm, v: &Value) -> PyResult<Rc<FrameData>> {
    frame_data(v)
        .cloned()
        .ok_or_else(|| vm.type_error("expected a frame object"))
}

/// CPython's KeyError text for a missing key (the key's repr inside quotes).
fn missing(vm: &mut Vm, key: &Value) -> PyResult<crate::vm::PyErr> {
    let r = vm.repr(key)?;
    let msg = format!("local variable '{}' is not defined", r.as_str());
    Ok(vm.key_error(Value::str(&msg)))
}

/// `_frame.get(frame, key)`: a bound variable, else an extra key, else KeyError.
fn proxy_get(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "get", args, 2, 2)?;
    let d = proxy_frame(vm, &args[0])?;
    if let Value::Str(name) = &args[1] {
        if let Some(slot) = slot_of(&d.code, name) {
            let code = d.code.clone();
            let v = vm
                .with_slots(&d, |slots| read_slot(&code, slots, slot))
                .unwrap_or(Value::Null);
            if !v.is_null() {
                return Ok(v);
            }
        }
    }
    let extra = d.extra.borrow().clone();
    if let Some(extra) = extra {
        if let Some(v) = vm.dict_lookup(&extra, &args[1])? {
            return Ok(v);
        }
    }
    Err(missing(vm, &args[1])?)
}

/// `_frame.set(frame, key, value)`: into the variable (or its cell), else the
/// frame's extra dict.
fn proxy_set(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "set", args, 3, 3)?;
    let d = proxy_frame(vm, &args[0])?;
    let value = args[2].clone();
    if let Value::Str(name) = &args[1] {
        if let Some(slot) = slot_of(&d.code, name) {
            let nlocals = d.code.nlocals();
            let old = vm.with_slots(&d, |slots| match slots.get_mut(slot) {
                Some(Value::Cell(c)) if slot >= nlocals => {
                    let old = c.get();
                    c.set(value.clone());
                    old
                }
                Some(s) => std::mem::replace(s, value.clone()),
                None => Value::Null,
            });
            drop(old);
            return Ok(Value::None);
        }
    }
    let extra = d
        .extra
        .borrow_mut()
        .get_or_insert_with(Dict::new_rc)
        .clone();
    vm.setitem(&Value::Dict(extra), args[1].clone(), value)?;
    Ok(Value::None)
}

/// Remove `key` from the frame's extra dict, returning its value (None when it has
/// no such key); a variable of the frame cannot be removed (CPython 3.13.1+).
fn remove_extra(vm: &mut Vm, d: &FrameData, key: &Value) -> PyResult<Option<Value>> {
    if let Value::Str(name) = key {
        if slot_of(&d.code, name).is_some() {
            return Err(vm.value_error("cannot remove local variables from FrameLocalsProxy"));
        }
    }
    let extra = d.extra.borrow().clone();
    match extra {
        Some(extra) => vm.dict_remove(&extra, key),
        None => Ok(None),
    }
}

/// `_frame.delete(frame, key)`: `del proxy[key]`.
fn proxy_delete(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "delete", args, 2, 2)?;
    let d = proxy_frame(vm, &args[0])?;
    match remove_extra(vm, &d, &args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1].clone())),
    }
}

/// `_frame.pop(frame, key[, default])`: `proxy.pop(key[, default])`.
fn proxy_pop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "pop", kw)?;
    let d = proxy_frame(vm, args.first().unwrap_or(&Value::None))?;
    let rest = args.get(1..).unwrap_or(&[]);
    crate::builtins::check_args(vm, "pop", rest, 1, 2)?;
    match (remove_extra(vm, &d, &rest[0])?, rest.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.key_error(rest[0].clone())),
    }
}

/// `_frame.items(frame)`: the (name, value) pairs a proxy shows, as a list.
fn proxy_items(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_args(vm, "items", args, 1, 1)?;
    let d = proxy_frame(vm, &args[0])?;
    let items = vm.frame_locals_items(&d);
    Ok(Value::list(
        items
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    ))
}

/// `frame.clear()`: drop the variables of a finished frame; a running frame or a
/// suspended generator's refuses, and a generator not started yet is closed.
fn frame_clear(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "clear", kw)?;
    crate::builtins::check_method_args(vm, "clear", args, 0, 0)?;
    let Some(d) = frame_data(&args[0]).cloned() else {
        return Err(vm.type_error("descriptor 'clear' requires a 'frame' object"));
    };
    if vm.live_at(&d).is_some() {
        return Err(vm.runtime_error("cannot clear an executing frame"));
    }
    let suspended = matches!(&*d.place.borrow(), Place::Suspended);
    if suspended {
        if let Some(g) = d.generator() {
            if g.status() != super::generator::Status::Created {
                return Err(vm.runtime_error("cannot clear a suspended frame"));
            }
            vm.call_method(&Value::Generator(g), "close", &[])?;
        }
        return Ok(Value::None);
    }
    let dropped = match &mut *d.place.borrow_mut() {
        Place::Done { slots, .. } => std::mem::replace(slots, vec![Value::Null; slots.len()]),
        _ => Vec::new(),
    };
    let trace = std::mem::replace(&mut *d.trace.borrow_mut(), Value::None);
    drop((dropped, trace));
    Ok(Value::None)
}

/// The methods of frame objects.
pub fn install(vm: &mut Vm) {
    let frame = vm.types.frame.clone();
    crate::builtins::add_method(vm, &frame, "clear", frame_clear);
}

/// The natives of the `FrameLocalsProxy` class.
pub fn init_module(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    use crate::builtins::add_function;
    add_function(vm, d, "_frame", "get", proxy_get);
    add_function(vm, d, "_frame", "set", proxy_set);
    add_function(vm, d, "_frame", "items", proxy_items);
    add_function(vm, d, "_frame", "delete", proxy_delete);
    add_function(vm, d, "_frame", "pop", proxy_pop);
    Ok(())
}

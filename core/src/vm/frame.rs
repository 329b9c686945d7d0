//! Frames: the activation records on the thread state's frame stack.
//!
//! A frame is plain data: its locals, cells and operand stack live in the thread
//! state's value stack from `base` up, so a frame can be inspected, suspended or
//! rebuilt without touching Rust's call stack.
//!
//! The value stack is a stack of segments. A generator's frame keeps its values in
//! the generator's own buffer, which becomes the running segment while it runs (the
//! caller's is parked below it), so resuming and suspending a generator moves three
//! words rather than its values (`Vm::enter_segment` / `leave_segment`).

use crate::code::Code;
use crate::object::{Dict, Function, Value};
use std::rc::Rc;

pub struct Frame {
    pub code: Rc<Code>,
    /// Where the frame's globals and builtins come from.
    pub scope: Scope,
    /// The namespace of module and class bodies (and exec); None in functions.
    pub locals: Option<Rc<Dict>>,
    /// Index in the value stack of the first local slot.
    pub base: usize,
    /// Stack height to restore when the frame is gone (drops the callable too).
    pub ret_sp: usize,
    /// The next instruction to execute.
    pub pc: usize,
    /// Leaving this frame leaves the evaluation loop (a native boundary).
    pub entry: bool,
    /// The frame's values are a segment of their own (a generator's buffer, `base`
    /// 0): leaving the frame hands the running segment back to the one parked below.
    pub owns_segment: bool,
    /// For an `__init__` run by a class call: the new instance, which is the call's
    /// result (the frame must return None).
    pub init_of: Option<Value>,
    /// A generator resumed inline by `for` or `yield from` / `await` in the frame
    /// below: yielding or returning hands control straight back to it.
    pub gen: Option<GenLink>,
    /// The frame's shared data once it has a frame object or a local trace function
    /// (see `frame_object`); None for almost every frame.
    pub data: Option<Rc<crate::vm::frame_object::FrameData>>,
    /// Suspended at a call by an extension, which takes the frame on when the call
    /// is over (see `suspend`); None for almost every frame.
    pub suspended: Option<crate::vm::suspend::Suspension>,
}

/// A function's frame reads its globals and builtins through the function (one
/// reference to keep and release per call instead of three); module, class and exec
/// bodies name theirs.
pub enum Scope {
    Function(Rc<Function>),
    Namespace(Box<Namespace>),
}

pub struct Namespace {
    pub globals: Rc<Dict>,
    pub builtins: Rc<Dict>,
    /// The function of a class body.
    pub func: Option<Rc<Function>>,
}

impl Scope {
    pub fn namespace(globals: Rc<Dict>, builtins: Rc<Dict>, func: Option<Rc<Function>>) -> Scope {
        Scope::Namespace(Box::new(Namespace {
            globals,
            builtins,
            func,
        }))
    }
}

/// An inline generator frame's generator (the caller's handled exception, restored
/// when control goes back, waits on `Vm::outer_handled`).
pub struct GenLink {
    pub generator: Rc<crate::vm::generator::Generator>,
}

impl Frame {
    /// Where the frame's name stores go: its namespace in module, class and exec
    /// bodies, else its globals.
    #[inline]
    pub fn namespace(&self) -> Rc<Dict> {
        self.locals
            .clone()
            .unwrap_or_else(|| self.globals().clone())
    }

    #[inline(always)]
    pub fn globals(&self) -> &Rc<Dict> {
        match &self.scope {
            Scope::Function(f) => &f.globals,
            Scope::Namespace(ns) => &ns.globals,
        }
    }
    #[inline(always)]
    pub fn builtins(&self) -> &Rc<Dict> {
        match &self.scope {
            Scope::Function(f) => &f.builtins,
            Scope::Namespace(ns) => &ns.builtins,
        }
    }
    /// The instruction being executed (or last executed).
    pub fn lasti(&self) -> usize {
        self.pc.saturating_sub(1)
    }
    pub fn line(&self) -> u32 {
        self.code.line_of(self.lasti())
    }
    /// Start of the operand stack.
    pub fn stack_base(&self) -> usize {
        self.base + self.code.nlocalsplus()
    }
}

/// The segment of the value stack that frame `index` of `frames` keeps its values in:
/// the running segment `stack`, unless generator frames above it started segments of
/// their own, which parked its segment in `parked`.
pub fn segment_of<'a>(
    frames: &[Frame],
    index: usize,
    stack: &'a mut Vec<Value>,
    parked: &'a mut [Vec<Value>],
) -> Option<&'a mut Vec<Value>> {
    let above = frames
        .get(index + 1..)?
        .iter()
        .filter(|f| f.owns_segment)
        .count();
    if above == 0 {
        return Some(stack);
    }
    let at = parked.len().checked_sub(above)?;
    parked.get_mut(at)
}

impl crate::vm::Vm {
    /// A generator frame starts: its values (`own`) become the running segment, and
    /// the running one is parked below it.
    #[inline(always)]
    pub fn enter_segment(&mut self, own: Vec<Value>) {
        let below = std::mem::replace(&mut self.stack, own);
        self.parked.push(below);
    }

    /// A generator frame (`owns_segment`) has left: the segment parked below it runs
    /// again. Returns the frame's segment, with whatever values it still holds.
    #[inline(always)]
    pub fn leave_segment(&mut self) -> Vec<Value> {
        let below = self.parked.pop().unwrap_or_default();
        std::mem::replace(&mut self.stack, below)
    }

    /// The values of frame `index` of the running stack of execution, from its base.
    pub fn frame_values(&mut self, index: usize) -> Option<&mut [Value]> {
        let base = self.frames.get(index)?.base;
        let segment = segment_of(&self.frames, index, &mut self.stack, &mut self.parked)?;
        segment.get_mut(base..)
    }

    /// Push the frame that `frame` builds. Room is made first, so the frame is built
    /// straight into its slot rather than assembled in a temporary and copied (the
    /// copy's wide loads of narrow stores stall).
    #[inline(always)]
    pub fn enter_frame(&mut self, frame: impl FnOnce() -> Frame) {
        if self.frames.len() == self.frames.capacity() {
            self.frames.reserve(64);
        }
        let len = self.frames.len();
        // SAFETY: `len < capacity`, so the slot is allocated and unused.
        unsafe {
            self.frames.as_mut_ptr().add(len).write(frame());
            self.frames.set_len(len + 1);
        }
    }
}

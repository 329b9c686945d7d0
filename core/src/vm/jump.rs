//! Setting `frame.f_lineno` from a trace function, which is how debuggers jump: which
//! events allow it, which instruction a line number names, whether the frame's
//! operand stack can be made what that instruction expects, and the jump itself.
//!
//! As in CPython 3.13, each instruction's operand stack is modelled as a list of
//! kinds (an iterator of a `for` loop, an exception being handled, a plain object, a
//! "no self" marker). A jump may pop values (leaving a loop drops its iterator,
//! leaving a `with` block its `__exit__`, leaving an `except` block restores the
//! exception handled before) but never make one up, so jumps into a loop body, a
//! `with` block or an `except` block are refused with CPython's messages. Of the
//! instructions that start the line, the one whose stack keeps the most is taken.
//!
//! The jump is made when the trace function returns (the frame is then on top
//! again): at once after a 'line' event or a resumed generator's 'call' event; after
//! a yield's 'return' event, or for a suspended generator, when the generator
//! resumes (the value sent in is dropped, it has no place at the new line).
//!
//! Depends on code objects, frame objects (`frame_object`), the trace events
//! (`trace`) and generators.

use super::frame_object::FrameData;
use super::generator::Status;
use super::{PyResult, Vm};
use crate::code::{Code, Instr};
use crate::object::Value;
use std::rc::Rc;

/// What one operand-stack entry holds, as far as a jump cares. The order is
/// CPython's: between two instructions of a line, the stack that compares greater
/// is taken.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum Kind {
    Iterator = 1,
    Except = 2,
    Object = 3,
    Null = 4,
}

/// The event a trace or profile function runs for, as far as a jump cares.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// 'call' of a frame that starts.
    NewFrame,
    /// 'call' of a generator frame that resumes after a yield.
    Resumed,
    Line,
    /// 'return' of a frame that yields.
    Yield,
    /// 'c_call' and 'c_return'.
    NativeCall,
    /// 'return', 'exception', 'opcode', 'c_exception'.
    Other,
}

/// The event a trace function of this thread is running for, and its frame.
pub struct TraceSite {
    pub event: Event,
    pub frame: Rc<FrameData>,
    /// The height of the frame's operand stack at the event.
    pub depth: usize,
}

/// A jump set through `f_lineno` and not made yet.
#[derive(Clone)]
pub struct Jump {
    /// The instruction to go on at.
    pub target: usize,
    /// The kinds of the values to pop first, top first.
    pub popped: Vec<Kind>,
}

/// Where a frame stands when a jump is asked for.
#[derive(Clone, Copy)]
enum Standing {
    /// About to run instruction `at`, with its stack.
    Before(usize),
    /// At the yield `at`, its value gone (the frame yields it, or has): the jump is
    /// made when the frame resumes.
    AtYield(usize),
}

/// `prev_pc` of a frame whose jump was made as it resumed: no line event for the
/// line it lands on, as after any jump.
pub const LANDED: usize = usize::MAX - 1;

/// The operand stack of each instruction that can run (None for one that cannot).
fn operand_stacks(code: &Code) -> Vec<Option<Vec<Kind>>> {
    let n = code.instrs.len();
    let mut stacks: Vec<Option<Vec<Kind>>> = vec![None; n];
    if n == 0 {
        return stacks;
    }
    stacks[0] = Some(Vec::new());
    let mut work = vec![0];
    while let Some(i) = work.pop() {
        let Some(stack) = stacks[i].clone() else {
            continue;
        };
        let mut reach = |at: usize, s: Vec<Kind>| {
            if at < n && stacks[at].is_none() {
                stacks[at] = Some(s);
                work.push(at);
            }
        };
        if let Some(e) = code.handler_for(i as u32) {
            let mut s = stack[..stack.len().min(e.depth as usize)].to_vec();
            s.push(Kind::Except);
            reach(e.handler as usize, s);
        }
        for (at, s) in successors(code.instrs[i], i, stack) {
            reach(at, s);
        }
    }
    stacks
}

/// The instructions control may go to after instruction `i` (whose stack is `s`),
/// each with its stack.
fn successors(instr: Instr, i: usize, mut s: Vec<Kind>) -> Vec<(usize, Vec<Kind>)> {
    use Instr::*;
    let pop = |mut s: Vec<Kind>, n: usize| {
        s.truncate(s.len().saturating_sub(n));
        s
    };
    let push = |mut s: Vec<Kind>, kinds: &[Kind]| {
        s.extend_from_slice(kinds);
        s
    };
    let obj = Kind::Object;
    match instr {
        Return | ReturnConst(_) | Raise(_) | Reraise => vec![],
        Jump(t) => vec![(t as usize, s)],
        PopJumpIfFalse(t) | PopJumpIfTrue(t) => {
            let s = pop(s, 1);
            vec![(i + 1, s.clone()), (t as usize, s)]
        }
        JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t) => {
            vec![(t as usize, s.clone()), (i + 1, pop(s, 1))]
        }
        CompareJump(b) | IsJump(b) => {
            let s = pop(s, 2);
            vec![(i + 2, s.clone()), (b.target() as usize, s)]
        }
        ForIter(t) => vec![(t as usize, pop(s.clone(), 1)), (i + 1, push(s, &[obj]))],
        ForIterBack(t) => vec![(t as usize, push(s.clone(), &[obj])), (i + 1, pop(s, 1))],
        Send(t) => vec![(t as usize, push(pop(s.clone(), 2), &[obj])), (i + 1, s)],
        LoadFastPair(_) => vec![(i + 2, push(s, &[obj, obj]))],
        LoadFastAttr(_) => vec![(i + 2, push(s, &[obj]))],
        LoadFastMethod(_) => vec![(i + 2, push(s, &[obj, Kind::Null]))],
        LoadMethod(_) => vec![(i + 1, push(pop(s, 1), &[obj, Kind::Null]))],
        LoadSuperMethod(_) => vec![(i + 1, push(pop(s, 3), &[obj, Kind::Null]))],
        PushNull => vec![(i + 1, push(s, &[Kind::Null]))],
        GetIter | GetAIter => vec![(i + 1, push(pop(s, 1), &[Kind::Iterator]))],
        PushExcInfo => vec![(i + 1, push(pop(s, 1), &[Kind::Except, Kind::Except]))],
        BeforeWith | BeforeAsyncWith => vec![(i + 1, push(pop(s, 1), &[obj, obj]))],
        Copy(n) => {
            let kind = s.len().checked_sub(n as usize).map_or(obj, |at| s[at]);
            vec![(i + 1, push(s, &[kind]))]
        }
        Swap(n) => {
            let len = s.len();
            if let Some(other) = len.checked_sub(n as usize) {
                s.swap(other, len - 1);
            }
            vec![(i + 1, s)]
        }
        _ => {
            let effect = crate::compile::stack_effect(instr, false);
            let s = if effect < 0 {
                pop(s, effect.unsigned_abs() as usize)
            } else {
                push(s, &vec![obj; effect as usize])
            };
            vec![(i + 1, s)]
        }
    }
}

/// A place a line number can name: the first instruction of a run of one line.
struct Landing {
    line: u32,
    /// The operand stack there.
    stack: Vec<Kind>,
    /// Where the frame goes on, after popping `then_popped` (top first) too.
    target: usize,
    then_popped: &'static [Kind],
}

/// The landings of a code object, in instruction order: the first instruction of
/// each run of one line, among the instructions that can run (CPython's compiler
/// leaves out code that cannot). An exception handler's entry has no line. A `for`
/// loop's step after its body belongs to the body's last line, where CPython's jump
/// back is; in its place, the `for` line has CPython's loop exit, which expects the
/// iterator and a value and leaves the loop.
fn landings(code: &Code, stacks: &[Option<Vec<Kind>>]) -> Vec<Landing> {
    let mut landings = Vec::new();
    let mut last = None;
    for (i, s) in stacks.iter().enumerate() {
        let instr = code.instrs.get(i).copied();
        let Some(stack) = s else {
            continue;
        };
        if matches!(instr, Some(Instr::ForIterBack(_))) {
            let mut exit = stack.clone();
            exit.push(Kind::Object);
            landings.push(Landing {
                line: code.line_of(i),
                stack: exit,
                target: i + 1,
                then_popped: &[Kind::Object, Kind::Iterator],
            });
            continue;
        }
        if super::trace::has_no_line(instr) {
            continue;
        }
        let line = code.line_of(i);
        if last != Some(line) {
            landings.push(Landing {
                line,
                stack: stack.clone(),
                target: i,
                then_popped: &[],
            });
            last = Some(line);
        }
    }
    landings
}

/// Whether a frame whose stack is `from` can go to an instruction whose stack is
/// `to` by popping values.
fn compatible(from: &[Kind], to: &[Kind]) -> bool {
    from.len() >= to.len()
        && from.iter().zip(to).all(|(&f, &t)| match t {
            Kind::Object => f != Kind::Null,
            Kind::Null => true,
            _ => f == t,
        })
}

/// CPython's reason why no value can be made up for stack `to` (not empty: any
/// stack can be emptied).
fn incompatibility(to: &[Kind]) -> &'static str {
    match to.last() {
        Some(Kind::Except) => "can't jump into an 'except' block as there's no exception",
        Some(Kind::Iterator) => "can't jump into the body of a for loop",
        _ => "incompatible stacks",
    }
}

/// Stack `a` is preferred to `b`: deeper, or as deep and greater from the bottom up.
fn keeps_more(a: &[Kind], b: &[Kind]) -> bool {
    (a.len(), a) > (b.len(), b)
}

impl Vm {
    /// `frame.f_lineno = value` (`del` when None).
    pub fn set_frame_lineno(&mut self, d: &Rc<FrameData>, value: &Option<Value>) -> PyResult<()> {
        let Some(value) = value else {
            return Err(self.attribute_error("cannot delete attribute"));
        };
        let line = match value {
            Value::Int(i) => i32::try_from(*i).ok(),
            Value::BigInt(_) => None,
            _ => return Err(self.value_error("lineno must be an integer")),
        };
        let standing = self.jump_standing(d)?;
        let Some(line) = line else {
            return Err(self.value_error("lineno out of range"));
        };
        let code = d.code.clone();
        if line < 0 || (line as u32) < code.firstlineno {
            return Err(
                self.value_error(format!("line {line} comes before the current code block"))
            );
        }
        let stacks = operand_stacks(&code);
        let landings = landings(&code, &stacks);
        let Some(new_line) = landings
            .iter()
            .map(|l| l.line)
            .filter(|&l| l >= line as u32)
            .min()
        else {
            return Err(self.value_error(format!("line {line} comes after the current code block")));
        };
        let (from, mut popped) = self.stack_now(d, standing, &stacks)?;
        let mut best: Option<&Landing> = None;
        let mut refusal = None;
        for landing in landings.iter().filter(|l| l.line == new_line) {
            if !compatible(&from, &landing.stack) {
                refusal.get_or_insert(incompatibility(&landing.stack));
            } else if best.is_none_or(|b| keeps_more(&landing.stack, &b.stack)) {
                best = Some(landing);
            }
        }
        let Some(landing) = best else {
            let msg = refusal.unwrap_or("cannot find bytecode for specified line");
            return Err(self.value_error(msg));
        };
        popped.extend(from[landing.stack.len()..].iter().rev());
        popped.extend(landing.then_popped);
        let target = landing.target;
        self.bind_unbound_locals(d)?;
        *d.jump.borrow_mut() = Some(Jump { target, popped });
        Ok(())
    }

    /// Whether the current event lets frame `d` jump, and where the frame stands.
    fn jump_standing(&self, d: &Rc<FrameData>) -> PyResult<Standing> {
        let (event, own, depth) = match &self.thread.trace_site {
            None => return Err(self.value_error("f_lineno can only be set in a trace function")),
            Some(site) => (site.event, Rc::ptr_eq(&site.frame, d), site.depth),
        };
        let refused = match event {
            Event::NewFrame => "can't jump from the 'call' trace event of a new frame",
            Event::NativeCall => "can't jump during a call",
            Event::Other => "can only jump from a 'line' trace event",
            Event::Line | Event::Resumed | Event::Yield => "",
        };
        if !refused.is_empty() {
            return Err(self.value_error(refused));
        }
        let not_here = || "can only jump from a 'line' trace event";
        if own {
            let Some(pc) = self.live_frame_pc(d) else {
                return Err(self.value_error(not_here()));
            };
            // At a yield's event the value it yields is still on the stack.
            let (standing, depth) = match event {
                Event::Resumed => (Standing::Before(pc), depth),
                Event::Yield => (
                    Standing::AtYield(pc.saturating_sub(1)),
                    depth.saturating_sub(1),
                ),
                _ => (Standing::Before(pc.saturating_sub(1)), depth),
            };
            return self.checked_standing(d, standing, depth);
        }
        // Another frame: a generator not started yet or suspended at a yield (a
        // frame that is running below the traced one is in the middle of a call).
        let Some(g) = d.generator() else {
            return Err(self.value_error(not_here()));
        };
        let (pc, depth) = {
            let st = g.state.borrow();
            (st.pc, st.saved.len().saturating_sub(d.code.nlocalsplus()))
        };
        match (g.status(), pc.checked_sub(1)) {
            (Status::Created, _) => Ok(Standing::Before(0)),
            (Status::Suspended, Some(at))
                if matches!(d.code.instrs.get(at), Some(Instr::YieldValue(_))) =>
            {
                self.checked_standing(d, Standing::AtYield(at), depth)
            }
            _ => Err(self.value_error(not_here())),
        }
    }

    /// `standing`, once the model's stack height agrees with the frame's real one
    /// (`depth`, without a yielded value); a frame the model cannot describe is not
    /// moved.
    fn checked_standing(
        &self,
        d: &FrameData,
        standing: Standing,
        depth: usize,
    ) -> PyResult<Standing> {
        let stacks = operand_stacks(&d.code);
        let modelled = match standing {
            Standing::Before(at) => stacks.get(at).cloned().flatten().map(|s| s.len()),
            Standing::AtYield(at) => stacks
                .get(at)
                .cloned()
                .flatten()
                .and_then(|s| s.len().checked_sub(1)),
        };
        match modelled {
            Some(m) if m == depth => Ok(standing),
            Some(_) => Err(self.new_error(
                &self.types.system_error.clone(),
                "f_lineno: the frame's operand stack is not what its code says",
            )),
            None => Err(self.value_error("can't jump from unreachable code")),
        }
    }

    /// The frame's operand stack as the jump starts from it, and the values a jump
    /// already set pops on the way.
    fn stack_now(
        &self,
        d: &FrameData,
        standing: Standing,
        stacks: &[Option<Vec<Kind>>],
    ) -> PyResult<(Vec<Kind>, Vec<Kind>)> {
        if let Some(j) = d.jump.borrow().as_ref() {
            let s = stacks.get(j.target).cloned().flatten().unwrap_or_default();
            return Ok((s, j.popped.clone()));
        }
        let s = match standing {
            Standing::Before(at) => stacks.get(at).cloned().flatten(),
            Standing::AtYield(at) => stacks.get(at).cloned().flatten().map(|mut s| {
                s.pop();
                s
            }),
        };
        match s {
            Some(s) => Ok((s, Vec::new())),
            None => Err(self.value_error("can't jump from unreachable code")),
        }
    }

    /// CPython binds every unbound local of a frame that jumps to None (the code at
    /// the new line may read one without a check), with a RuntimeWarning.
    fn bind_unbound_locals(&mut self, d: &Rc<FrameData>) -> PyResult<()> {
        let unbound = self
            .with_slots(d, |slots| slots.iter().filter(|v| v.is_null()).count())
            .unwrap_or(0);
        if unbound == 0 {
            return Ok(());
        }
        let plural = if unbound == 1 { "" } else { "s" };
        self.warn(
            &self.types.runtime_warning.clone(),
            &format!("assigning None to {unbound} unbound local{plural}"),
        )?;
        self.with_slots(d, |slots| {
            for v in slots.iter_mut().filter(|v| v.is_null()) {
                *v = Value::None;
            }
        });
        Ok(())
    }

    /// Issue a warning from native code, attributed to the Python code running now:
    /// through `warnings.warn` when the program has imported `warnings` (its filters
    /// apply), else as CPython's default filter does: printed to stderr the first
    /// time that text comes from that line (the `__warningregistry__` of the
    /// code's globals remembers).
    pub fn warn(&mut self, category: &crate::object::TypeRef, message: &str) -> PyResult<()> {
        let key = self.intern("warnings");
        if let Some(module) = self.modules.get_str(&key) {
            let name = self.intern("warn");
            let warn = self.get_attr(&module, &name)?;
            let args = [Value::str(message), Value::Type(category.clone())];
            return self.call(&warn, &args, &[]).map(drop);
        }
        let Some(frame) = self.frames.last() else {
            return Ok(());
        };
        let (file, line) = (frame.code.filename.clone(), frame.line());
        let globals = frame.globals().clone();
        let name = self.intern("__warningregistry__");
        let registry = match globals.get_str(&name) {
            Some(Value::Dict(d)) => d,
            _ => {
                let d = crate::object::Dict::new_rc();
                globals.set_str(name, Value::Dict(d.clone()));
                d
            }
        };
        let seen = Value::tuple(vec![
            Value::str(message),
            Value::Type(category.clone()),
            Value::Int(line as i64),
        ]);
        if self.dict_lookup(&registry, &seen)?.is_some() {
            return Ok(());
        }
        self.setitem(&Value::Dict(registry), seen, Value::Bool(true))?;
        let mut text = format!(
            "{}:{line}: {}: {message}\n",
            file.as_str(),
            category.name().as_str()
        );
        if let Some(src) = crate::modules::source_line(file.as_str(), line) {
            text.push_str(&format!("  {}\n", src.trim()));
        }
        self.write_stderr(&text);
        Ok(())
    }

    /// Make the jump set on the frame at `fi` (on top, at a 'line' or a resumed
    /// generator's 'call' event) and return the instruction to go on at.
    pub fn jump_now(&mut self, fi: usize, d: &FrameData) -> Option<usize> {
        let jump = d.jump.borrow_mut().take()?;
        self.pop_for_jump(&jump.popped);
        if let Some(f) = self.frames.get_mut(fi) {
            f.pc = jump.target + 1;
        }
        Some(jump.target)
    }

    /// The values a jump pops: popping an exception being handled makes the one
    /// under it the handled one again, as leaving its `except` block would.
    fn pop_for_jump(&mut self, popped: &[Kind]) {
        for kind in popped {
            let Some(v) = self.stack.pop() else {
                return;
            };
            if *kind == Kind::Except {
                self.handled = v;
            }
        }
    }
}

/// A generator frame with a jump set at its yield resumes (its frame just pushed,
/// `sent` pushed onto its stack): it drops that value, pops what the jump pops and
/// goes on at the target.
#[cold]
#[inline(never)]
pub fn resume_jump(vm: &mut Vm, d: &FrameData, sent: bool) {
    let Some(jump) = d.jump.borrow_mut().take() else {
        return;
    };
    if sent {
        drop(vm.stack.pop());
    }
    vm.pop_for_jump(&jump.popped);
    if let Some(f) = vm.frames.last_mut() {
        f.pc = jump.target;
    }
    d.prev_pc.set(LANDED);
}

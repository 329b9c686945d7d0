//! From bytecode to a unit: one loop of a code object, entered at its head with the
//! operand stack the frame holds there.
//!
//! The translation walks the loop's instructions in order with a symbolic operand
//! stack. A load pushes where the value is (a local, a constant, a stack entry held
//! at entry) instead of copying it; an op writes its result to the temporary of its
//! stack depth, and a store right after it writes the local directly. At every jump
//! target the stack is flushed to that canonical form (the entry at depth d in
//! temporary d), so every path into a block agrees on where values are. An
//! instruction it does not compile becomes an exit to the interpreter, as does every
//! jump out of the loop. Globals and builtins found when compiling become watched
//! constants, each a guard site with its dependencies.
//!
//! `access` compiles loads of names and attributes, `calls` calls and inlining,
//! `control` jumps and loop steps, `collections` containers (built, indexed,
//! added to, unpacked) and closure cells, `operators` binary operators' methods
//! inlined, `stack` the symbolic operand stack and the
//! exit states recorded from it; this file holds the translator and the
//! instructions that need nothing more.
//!
//! Depends on `unit`, `deps` and `profile`, and on core's code objects, dicts and
//! values.

use crate::deps::{identity, name_key, DepKey, SiteId};
use crate::profile;
use crate::thrash::Assumption;
use crate::unit::{
    AttrAccess, AttrSite, Built, Collection, Constants, ExitId, ExitReason, ExitState, GenericStep,
    Op, OpIndex, Returns, Site, Slot, Slow, Src, Unit,
};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;
use tripwire_core::code::{flags, BinOp, Code, Instr, Invert};
use tripwire_core::object::types::TypeRef;
use tripwire_core::object::{Builtin, Dict, Function, PyStr, Value};
use tripwire_core::vm::builtin_types::BuiltinTypes;

mod access;
mod calls;
mod collections;
mod control;
mod operators;
mod stack;
#[cfg(test)]
mod tests;

/// Why a loop is not compiled.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub pc: u32,
    pub why: &'static str,
}

/// Where a loop's globals and builtins come from, and what may be assumed about
/// each (the thrash policy's say: a global rebound too often is looked up again at
/// every execution instead of folded in).
pub struct Scope<'a> {
    pub globals: &'a Rc<Dict>,
    pub builtins: &'a Rc<Dict>,
    pub assume: &'a dyn Fn(DepKey) -> Assumption,
    /// Whether units call Python functions themselves (`Unit::python_calls`).
    pub python_calls: bool,
    /// `--globals=cell`: globals and builtins are read from cells the watcher
    /// rewrites, instead of folded in as constants.
    pub cells: bool,
    /// `--invalidate=poll`: watched constants check the unit's validity where used.
    pub polls: bool,
    /// The `__init__` a call of the class runs, with its instances' slot count,
    /// when instances are made the ordinary way (`Vm::plain_init`).
    pub plain_init: &'a PlainInit<'a>,
    /// The built-in types (`super`, `range`: calls of them are specialised).
    pub types: &'static BuiltinTypes,
}

/// `Vm::plain_init`, as compiling asks it.
pub type PlainInit<'a> = dyn Fn(&TypeRef) -> Option<(Rc<Function>, usize)> + 'a;

/// Compile the loop of `code` whose head is `head`, entered with `depth` operand
/// stack entries.
pub fn compile_loop(
    code: &Rc<Code>,
    head: u32,
    depth: u32,
    scope: &Scope,
) -> Result<Unit, Refusal> {
    let (start, end) = loop_extent(&code.instrs, head).ok_or(Refusal {
        pc: head,
        why: "no jump back to this instruction",
    })?;
    compile(code, (start, end), head, depth, scope)
}

/// Compile the whole body of a function's `code`, entered at its start: its
/// returns return from the unit.
pub fn compile_function(code: &Rc<Code>, scope: &Scope) -> Result<Unit, Refusal> {
    if code.flags & (flags::GENERATOR | flags::COROUTINE | flags::NAMESPACE) != 0 {
        return Err(Refusal {
            pc: 0,
            why: "a generator, coroutine or namespace body",
        });
    }
    let end = (code.instrs.len() as u32).checked_sub(1).ok_or(Refusal {
        pc: 0,
        why: "an empty code object",
    })?;
    let unit = compile(code, (0, end), 0, 0, scope)?;
    if !pays_for_entering(code, &unit) {
        return Err(Refusal {
            pc: 0,
            why:
                "a function without a loop that inlines too few calls to pay for entering its unit",
        });
    }
    Ok(unit)
}

/// The fewest calls a function's unit without a loop must inline for entering it
/// to pay. Entering and leaving an executor costs about what a frame does, and
/// the ops of a unit save little over the interpreter's own specialised
/// instructions: measured one function at a time (each refused in turn), the
/// loop-free units of `deltablue`, `chaos` and `raytrace` paid only where they
/// inlined four calls or more and suspended at none (`raytrace`'s `Vec.unit`,
/// `Sphere.intersect`), and every one that suspended lost (`deltablue`'s
/// `Constraint.satisfy`, 12 calls inlined and 2 suspensions: 1% of the run).
const INLINED_CALLS_TO_PAY: usize = 4;

/// Whether running a function's unit at each call can cost less than the
/// interpreter: it loops, or it saves frames by inlining and never suspends
/// (a call of a Python function it does not inline costs as much again as the
/// entry). Compiling every loop-free unit of 24 ops or more per suspension cost
/// `deltablue` 2.8% and `raytrace` 0.9% of their instructions.
fn pays_for_entering(code: &Code, unit: &Unit) -> bool {
    let loops = code.instrs.iter().enumerate().any(|(pc, instr)| {
        matches!(instr, Instr::ForIterBack(_))
            || jump_target(instr).is_some_and(|t| t as usize <= pc)
    });
    let inlines = unit
        .ops
        .iter()
        .filter(|op| matches!(op.get(), Op::Inline { .. }))
        .count();
    // Calls of built-in functions and classes run inside the unit.
    let suspends = unit.not_inlined.iter().any(|why| {
        !matches!(
            *why,
            "a built-in function" | "a callee other than a Python function" | "a class"
        )
    });
    loops || (!suspends && inlines >= INLINED_CALLS_TO_PAY)
}

/// Compile the instructions `region` (first and last) of `code`, entered at `head`
/// with `depth` operand stack entries; a region that starts at 0 is a whole
/// function body.
fn compile(
    code: &Rc<Code>,
    region: (u32, u32),
    head: u32,
    depth: u32,
    scope: &Scope,
) -> Result<Unit, Refusal> {
    let (start, end) = region;
    let mut t = Translator {
        code: code.clone(),
        inline: Vec::new(),
        returns: start == 0 && head == 0 && depth == 0,
        scope,
        depth,
        start,
        end,
        ops: Vec::new(),
        constants: Vec::new(),
        cells: Vec::new(),
        operands: Vec::new(),
        assumed: vec![scope.globals.clone(), scope.builtins.clone()],
        classes: Vec::new(),
        sites: Vec::new(),
        attrs: Vec::new(),
        exits: Vec::new(),
        steps: Vec::new(),
        stack: (0..depth)
            .map(|k| Entry::fixed(Src::Slot(Slot::Stack(k))))
            .collect(),
        block_at: BTreeMap::new(),
        block_depth: BTreeMap::new(),
        fixups: Vec::new(),
        out_of_loop: Vec::new(),
        out_of_loop_done: Vec::new(),
        temps: 0,
        last_result: None,
        not_inlined: Vec::new(),
    };
    t.block_depth.insert(head, depth);
    t.translate(false)?;
    // A loop every path of which leaves before it jumps back (at a `yield`, an
    // instruction units lack) would leave at every entry until its guards are
    // counted as failing: not worth compiling.
    let jumps_back = t
        .ops
        .iter()
        .any(|op| matches!(op, Op::LoopBack { .. } | Op::ForNext { back: Some(_), .. }));
    if !t.returns && !jumps_back {
        return Err(Refusal {
            pc: head,
            why: "a loop no round of which stays in the unit",
        });
    }
    let mut borrowed = vec![false; t.constants.len()];
    for op in &t.ops {
        if let Op::Watched { constant, .. } = *op {
            if let Some(b) = borrowed.get_mut(constant as usize) {
                *b = true;
            }
        }
    }
    let mut unit = Unit {
        code: code.clone(),
        id: Cell::new(u32::MAX),
        whole_function: t.returns,
        globals: scope.globals.clone(),
        builtins: scope.builtins.clone(),
        entry_pc: head,
        entry_depth: depth,
        ops: t.ops.into_iter().map(Cell::new).collect(),
        reg_ops: Box::new([]),
        reg_operands: Box::new([]),
        constants: Constants::new(t.constants, borrowed),
        cells: t.cells.into(),
        operands: t.operands.into(),
        assumed: t.assumed,
        classes: t.classes,
        python_calls: scope.python_calls,
        polls: scope.polls,
        temps: t.temps,
        sites: t.sites.into(),
        attrs: t.attrs.into(),
        exit_counts: RefCell::new(vec![0; t.exits.len()]),
        exits: t.exits.into(),
        steps: t.steps.into(),
        valid: Cell::new(true),
        running: Cell::new(0),
        leave_now: Cell::new(false),
        entries: Cell::new(0),
        rounds: Cell::new(0),
        guard_failures: Cell::new(0),
        not_inlined: t.not_inlined,
    };
    if !unit.check_layout(code.nlocalsplus()) {
        return Err(Refusal {
            pc: head,
            why: "an operand out of range (a specialiser bug)",
        });
    }
    unit.lower_to_registers(code.nlocalsplus());
    Ok(unit)
}

/// Where a jump instruction (other than a `for` loop's steps) may go.
fn jump_target(instr: &Instr) -> Option<u32> {
    match *instr {
        Instr::Jump(t) | Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => Some(t),
        Instr::CompareJump(b) | Instr::IsJump(b) => Some(b.target()),
        _ => None,
    }
}

/// The first and last instruction of the loop whose head is `head`: from the
/// lowest target of a jump back to it (a `for` loop's step jumps to the store
/// before the head) to the last such jump.
pub(crate) fn loop_extent(instrs: &[Instr], head: u32) -> Option<(u32, u32)> {
    let mut extent: Option<(u32, u32)> = None;
    for (pc, instr) in instrs.iter().enumerate() {
        let pc = pc as u32;
        let to = match *instr {
            Instr::ForIterBack(t) => t,
            _ => match jump_target(instr) {
                Some(t) => t,
                None => continue,
            },
        };
        let reaches_head = to == head || (matches!(instr, Instr::ForIterBack(_)) && to + 1 == head);
        if reaches_head && pc >= head {
            let (s, e) = extent.unwrap_or((to, pc));
            extent = Some((s.min(to), e.max(pc)));
        }
    }
    extent
}

/// A symbolic operand stack entry: where the value is, for a local read lazily
/// the `LoadFast` that read it (an unbound local resumes there), and the constant
/// it is known or expected to hold (a watched global's value, the function a
/// method cache saw), which a call may inline; at a polymorphic method site,
/// `known_also` more functions follow that constant (one for each other class
/// the cache saw).
#[derive(Clone, Copy, Debug)]
struct Entry {
    src: Src,
    origin: u32,
    known: Option<u32>,
    known_also: u32,
}

impl Entry {
    fn fixed(src: Src) -> Entry {
        Entry {
            src,
            origin: 0,
            known: None,
            known_also: 0,
        }
    }

    fn known(src: Src, constant: u32) -> Entry {
        Entry {
            known: Some(constant),
            ..Entry::fixed(src)
        }
    }
}

/// Where an inlined call's caller is, while the callee's body is translated: the
/// callee's operand stack continues the caller's above `below`, its local slots
/// are temporaries from `locals_base`. The stacks of every callee inlined inside
/// it stay below the `locals_base` of the outermost one.
struct InlineCtx {
    /// The function, a constant of the unit.
    func: u32,
    caller: Rc<Code>,
    /// The caller's instruction after the call.
    caller_pc: u32,
    below: usize,
    locals_base: u32,
    nlocals: u32,
    /// The jumps of its returns, to the op after its body.
    returns: Vec<usize>,
    /// What its returns give the caller: the `__init__` of a class call gives the
    /// instance in its first slot, an operator's method the operator's result.
    gives: Returns,
    /// Its body has no jump and one return, at its end.
    straight: bool,
}

/// What `Translator::two_operands` gives a binary instruction's op.
struct TwoOperands {
    a: Src,
    b: Src,
    dst: Slot,
    exit: ExitId,
    slow: Slow,
}

struct Translator<'a> {
    /// The code being translated: the loop's, or an inlined callee's.
    code: Rc<Code>,
    /// While inlined calls' bodies are translated: where each caller is,
    /// outermost first.
    inline: Vec<InlineCtx>,
    /// A whole function body: its returns compile to `Op::Return`.
    returns: bool,
    scope: &'a Scope<'a>,
    depth: u32,
    start: u32,
    end: u32,
    ops: Vec<Op>,
    constants: Vec<Value>,
    cells: Vec<RefCell<Value>>,
    operands: Vec<Src>,
    assumed: Vec<Rc<Dict>>,
    /// The classes whose calls it inlines, to be watched.
    classes: Vec<TypeRef>,
    sites: Vec<Site>,
    attrs: Vec<AttrSite>,
    exits: Vec<ExitState>,
    steps: Vec<GenericStep>,
    stack: Vec<Entry>,
    /// The op each block (jump target) starts at, and the stack depth it expects.
    block_at: BTreeMap<u32, OpIndex>,
    block_depth: BTreeMap<u32, u32>,
    /// Jumps to blocks not translated yet: (op, target pc).
    fixups: Vec<(usize, Target, u32)>,
    /// Jumps out of the loop: (op, its exit), each given an exit op at the end; the
    /// same for loop steps whose exhaustion leaves the loop.
    out_of_loop: Vec<(usize, ExitId)>,
    out_of_loop_done: Vec<(usize, ExitId)>,
    temps: u32,
    /// The op that wrote the temporary now on top of the stack, while nothing has
    /// been emitted since (a store may then take its result directly).
    last_result: Option<usize>,
    /// Why each call compiled was not inlined.
    not_inlined: Vec<&'static str>,
}

const UNRESOLVED: OpIndex = OpIndex::MAX;

/// Where translation goes after an instruction.
enum Flow {
    Next(u32),
    /// An unconditional transfer: the instruction at the pc is reached only by a
    /// jump, if at all.
    Stop(u32),
}

impl Translator<'_> {
    /// Translate the region. `entered` says its first instruction is reached by
    /// falling into it with the stack as it stands (an inlined body without
    /// blocks); else only its blocks are.
    fn translate(&mut self, entered: bool) -> Result<(), Refusal> {
        // The heads of the `while` loops inside the region: the targets of its
        // jumps back, each a block where the linear pass first falls into it (a
        // `for` loop's body is made a block by its first step).
        let heads: Vec<u32> = (self.start..=self.end)
            .filter_map(|pc| {
                let t = jump_target(self.code.instrs.get(pc as usize)?)?;
                (t <= pc && t >= self.start).then_some(t)
            })
            .collect();
        let mut pc = self.start;
        // Whether the instruction at `pc` is reached by falling through.
        let mut live = entered;
        while pc <= self.end {
            if live && heads.contains(&pc) && !self.block_depth.contains_key(&pc) {
                self.block_depth.insert(pc, self.stack.len() as u32);
            }
            if let Some(&depth) = self.block_depth.get(&pc) {
                if live {
                    if depth as usize != self.stack.len() {
                        return Err(Refusal {
                            pc,
                            why: "stack depths differ where paths meet",
                        });
                    }
                    self.flush();
                } else {
                    self.stack = self.canonical(depth);
                }
                self.block_at.insert(pc, self.ops.len() as OpIndex);
                self.last_result = None;
                live = true;
            }
            if !live {
                pc += 1;
                continue;
            }
            let instr = self.code.instrs[pc as usize];
            (pc, live) = match self.instruction(pc, instr)? {
                Flow::Next(next) => (next, true),
                // Only a jump reaches the next instruction now, if anything does.
                Flow::Stop(next) => (next, false),
            };
        }
        if live {
            // The loop's last instruction falls through: out of the loop.
            let exit = self.exit_at(self.end + 1, ExitReason::LoopEnd);
            self.emit(Op::Exit(exit));
        }
        for (field, jumps) in [
            (Target::Taken, std::mem::take(&mut self.out_of_loop)),
            (Target::Done, std::mem::take(&mut self.out_of_loop_done)),
        ] {
            for (op, exit) in jumps {
                let at = self.ops.len() as OpIndex;
                self.ops.push(Op::Exit(exit));
                retarget(&mut self.ops[op], field, at);
            }
        }
        for &(op, field, target) in &self.fixups {
            let Some(&at) = self.block_at.get(&target) else {
                return Err(Refusal {
                    pc: target,
                    why: "a jump to an instruction no compiled path reaches",
                });
            };
            retarget(&mut self.ops[op], field, at);
        }
        Ok(())
    }

    fn emit(&mut self, op: Op) -> usize {
        self.ops.push(op);
        self.last_result = None;
        self.ops.len() - 1
    }

    /// Constant `i` of the code being translated, as a constant of the unit.
    fn code_constant(&mut self, i: u32) -> Src {
        let v = self
            .code
            .consts
            .get(i as usize)
            .cloned()
            .unwrap_or(Value::None);
        self.constant(v)
    }

    fn constant(&mut self, v: Value) -> Src {
        Src::Const(self.constant_index(v))
    }

    fn constant_index(&mut self, v: Value) -> u32 {
        self.constants.push(v);
        self.constants.len() as u32 - 1
    }

    /// A jump to `target`: into a block of the loop, back to its head, or out.
    fn jump_target(&mut self, target: u32) -> Result<Option<OpIndex>, Refusal> {
        if target < self.start || target > self.end {
            return Ok(None);
        }
        let depth = self.stack.len() as u32;
        match self.block_depth.get(&target) {
            Some(&d) if d != depth => Err(Refusal {
                pc: target,
                why: "stack depths differ where paths meet",
            }),
            _ => {
                self.block_depth.insert(target, depth);
                Ok(Some(
                    self.block_at.get(&target).copied().unwrap_or(UNRESOLVED),
                ))
            }
        }
    }

    /// Emit a jump-carrying op, or for a jump out of the loop an op that jumps to
    /// an exit placed after the code that follows it.
    fn emit_jump(&mut self, target: u32, make: impl FnOnce(OpIndex) -> Op) -> Result<(), Refusal> {
        self.flush();
        match self.jump_target(target)? {
            Some(at) => {
                let i = self.emit(make(at));
                if at == UNRESOLVED {
                    self.fixups.push((i, Target::Taken, target));
                }
            }
            None => {
                let exit = self.exit_at(target, ExitReason::LoopEnd);
                let i = self.emit(make(UNRESOLVED));
                self.out_of_loop.push((i, exit));
            }
        }
        Ok(())
    }

    /// Translate one instruction.
    fn instruction(&mut self, pc: u32, instr: Instr) -> Result<Flow, Refusal> {
        match instr {
            Instr::Nop => {}
            Instr::LoadConst(i) => {
                let src = self.code_constant(i);
                self.stack.push(Entry::fixed(src));
                self.last_result = None;
            }
            Instr::LoadFast(i) => self.load_local(i, pc),
            Instr::LoadFastPair(pair) => {
                self.load_local(pair.first(), pc);
                self.load_local(pair.second(), pc + 1);
                return Ok(Flow::Next(pc + 2));
            }
            Instr::StoreFast(i) => self.store_local(i, pc)?,
            Instr::LoadFastAndClear(i) => self.take_local(i),
            Instr::LoadGlobal(i) => return self.load_global(i, pc),
            Instr::UnaryNeg => {
                // -x is x * -1 for ints (i64::MIN overflows and exits) and floats
                // (signed zeros, infinities and NaNs included), which is what
                // the op computes without a negation of its own.
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let x = self.pop(pc)?;
                let minus_one = self.constant(Value::Int(-1));
                let dst = self.temp(self.stack.len());
                let i = self.emit(Op::Arith {
                    op: BinOp::Mul,
                    inplace: false,
                    dst,
                    a: x.src,
                    b: minus_one,
                    exit,
                    slow: Slow::Exit,
                });
                self.stack.push(Entry::fixed(Src::Slot(dst)));
                self.last_result = Some(i);
            }
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                if let Instr::BinaryOp(op) = instr {
                    if let Some(flow) = self.inline_operator(pc, op)? {
                        return Ok(flow);
                    }
                }
                if !self.inline.is_empty() && !arith_supported(op) {
                    return Ok(self.unsupported(pc));
                }
                let two = self.two_operands(pc)?;
                let i = self.emit(Op::Arith {
                    op,
                    inplace: matches!(instr, Instr::InplaceOp(_)),
                    dst: two.dst,
                    a: two.a,
                    b: two.b,
                    exit: two.exit,
                    slow: two.slow,
                });
                self.last_result = Some(i);
            }
            Instr::CompareOp(op) => {
                let two = self.two_operands(pc)?;
                self.emit(Op::Compare {
                    op,
                    dst: two.dst,
                    a: two.a,
                    b: two.b,
                    exit: two.exit,
                    slow: two.slow,
                });
                self.last_result = None;
            }
            Instr::CompareJump(branch) => {
                let generic = self.may_call_out(2);
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let b = self.pop(pc)?;
                let a = self.pop(pc)?;
                // The fused jump after it is skipped when the branch is not taken.
                let slow =
                    self.generic_branch(pc, branch.target(), pc + 2, branch.jump_if(), generic);
                self.branch(pc, branch.target(), branch.jump_if(), |target, jump_if| {
                    Op::Branch {
                        op: branch.compare(),
                        a: a.src,
                        b: b.src,
                        jump_if,
                        target,
                        exit,
                        slow,
                    }
                })?;
                return Ok(Flow::Next(pc + 2));
            }
            Instr::PopJumpIfFalse(t) | Instr::PopJumpIfTrue(t) => {
                let generic = self.may_call_out(1);
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let v = self.pop(pc)?;
                let jump_if = matches!(instr, Instr::PopJumpIfTrue(_));
                let slow = self.generic_branch(pc, t, pc + 1, jump_if, generic);
                self.branch(pc, t, jump_if, |target, jump_if| Op::BranchBool {
                    value: v.src,
                    jump_if,
                    target,
                    exit,
                    slow,
                })?;
            }
            Instr::Jump(t) => {
                self.flush();
                if t <= pc && t >= self.start {
                    self.loop_back(t)?;
                } else {
                    self.emit_jump(t, |target| Op::Jump { target })?;
                }
                return Ok(Flow::Stop(pc + 1));
            }
            Instr::JumpIfTrueOrPop(t) => return self.jump_or_pop(pc, t, true),
            Instr::JumpIfFalseOrPop(t) => return self.jump_or_pop(pc, t, false),
            Instr::UnaryNot => return self.not(pc),
            Instr::ForIterBack(t) => return self.for_step(pc, t, pc + 1, true),
            Instr::ForIter(t) => return self.for_step(pc, pc + 1, t, false),
            Instr::GetIter => {
                let generic = self.may_call_out(1);
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let src = self.pop(pc)?;
                let raise = self.raise_exit(pc, generic);
                let dst = self.temp(self.stack.len());
                self.stack.push(Entry::fixed(Src::Slot(dst)));
                let slow = self.generic_after(pc, raise);
                self.emit(Op::GetIter {
                    dst,
                    src: src.src,
                    exit,
                    slow,
                });
                self.last_result = None;
            }
            Instr::PopTop => {
                let e = self.pop(pc)?;
                if let Src::Slot(slot @ Slot::Temp(_)) = e.src {
                    if !self.stack.iter().any(|other| other.src == e.src) {
                        self.emit(Op::Clear { slot });
                    }
                }
            }
            Instr::PushNull => {
                self.constants.push(Value::Null);
                let null = Src::Const(self.constants.len() as u32 - 1);
                self.stack.push(Entry::fixed(null));
                self.last_result = None;
            }
            Instr::LoadAttr(name) | Instr::LoadMethod(name) => {
                let method = matches!(instr, Instr::LoadMethod(_));
                if !self.module_attribute(name) {
                    let access = if method {
                        AttrAccess::Method
                    } else {
                        AttrAccess::Load
                    };
                    return self.attribute(pc, name, access);
                }
                if method {
                    self.constants.push(Value::Null);
                    let null = Src::Const(self.constants.len() as u32 - 1);
                    self.stack.push(Entry::fixed(null));
                }
                self.last_result = None;
            }
            Instr::LoadFastAttr(pair) | Instr::LoadFastMethod(pair) => {
                // The fused `LoadAttr` / `LoadMethod` stays at the next pc: exits
                // resume there with the local pushed.
                self.load_local(pair.first(), pc);
                let access = if matches!(instr, Instr::LoadFastMethod(_)) {
                    AttrAccess::Method
                } else {
                    AttrAccess::Load
                };
                return Ok(match self.attribute(pc + 1, pair.second(), access)? {
                    Flow::Next(_) => Flow::Next(pc + 2),
                    // An inlined getter that always leaves.
                    Flow::Stop(_) => Flow::Stop(pc + 2),
                });
            }
            Instr::StoreAttr(name) => return self.attribute(pc, name, AttrAccess::Store),
            Instr::LoadSuperMethod(name) => return self.super_method(pc, name),
            Instr::Call(n) => return self.call(pc, n),
            Instr::Return | Instr::ReturnConst(_) if !self.inline.is_empty() => {
                return self.inline_return(pc, instr)
            }
            Instr::Return | Instr::ReturnConst(_) if self.returns => {
                let value = self.returned(pc, instr)?;
                self.stack.push(value);
                let unbound = match self.unbound_exit(self.stack.len() - 1) {
                    Some(exit) => exit,
                    None => self.exit_at(pc, ExitReason::TypeGuard),
                };
                self.stack.pop();
                self.emit(Op::Return {
                    value: value.src,
                    unbound,
                    pc,
                });
                return Ok(Flow::Stop(pc + 1));
            }
            // A return from inside a loop leaves the loop, as its end does: the
            // interpreter returns.
            Instr::Return | Instr::ReturnConst(_) => {
                let exit = self.exit_at(pc, ExitReason::LoopEnd);
                self.emit(Op::Exit(exit));
                return Ok(Flow::Stop(pc + 1));
            }
            Instr::IsJump(branch) => {
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let b = self.pop(pc)?;
                let a = self.pop(pc)?;
                self.branch(pc, branch.target(), branch.jump_if(), |target, jump_if| {
                    Op::BranchIs {
                        a: a.src,
                        b: b.src,
                        jump_if,
                        target,
                        exit,
                    }
                })?;
                return Ok(Flow::Next(pc + 2));
            }
            Instr::IsOp(invert) => {
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let b = self.pop(pc)?;
                let a = self.pop(pc)?;
                let dst = self.temp(self.stack.len());
                self.stack.push(Entry::fixed(Src::Slot(dst)));
                self.emit(Op::Is {
                    dst,
                    a: a.src,
                    b: b.src,
                    invert: invert == Invert::Yes,
                    exit,
                });
                self.last_result = None;
            }
            Instr::Copy(n) => {
                let at = self.stack.len().checked_sub(n as usize).ok_or(Refusal {
                    pc,
                    why: "an instruction takes more values than the stack holds",
                })?;
                let copy = self.stack[at];
                self.stack.push(copy);
                self.last_result = None;
            }
            Instr::Swap(n) => {
                let top = self.stack.len().checked_sub(1);
                let other = self.stack.len().checked_sub(n as usize);
                let (Some(top), Some(other)) = (top, other) else {
                    return Ok(self.unsupported(pc));
                };
                return Ok(self.swap(pc, top, other));
            }
            Instr::UnpackSequence(_)
            | Instr::BuildTuple(_)
            | Instr::BuildList(_)
            | Instr::BuildSlice(_)
            | Instr::LoadDeref(_)
            | Instr::ContainsOp(_)
            | Instr::BinarySubscr
            | Instr::StoreSubscr
            | Instr::ListAppend(_)
            | Instr::SetAdd(_)
            | Instr::MapAdd(_) => return self.collection(pc, instr),
            _ => return Ok(self.unsupported(pc)),
        }
        Ok(Flow::Next(pc + 1))
    }

    /// An instruction left to the interpreter: the unit exits there.
    fn unsupported(&mut self, pc: u32) -> Flow {
        let exit = self.exit_at(pc, ExitReason::Unsupported);
        self.emit(Op::Exit(exit));
        Flow::Stop(pc + 1)
    }
}

fn arith_supported(op: BinOp) -> bool {
    matches!(
        op,
        BinOp::Add
            | BinOp::Sub
            | BinOp::Mul
            | BinOp::TrueDiv
            | BinOp::FloorDiv
            | BinOp::Mod
            | BinOp::And
            | BinOp::Or
            | BinOp::Xor
            | BinOp::LShift
            | BinOp::RShift
    )
}

/// Which target of an op a jump fix-up sets.
#[derive(Clone, Copy)]
enum Target {
    /// The jump taken (a branch's, a loop step's item).
    Taken,
    /// A loop step's exhaustion.
    Done,
}

fn retarget(op: &mut Op, field: Target, at: OpIndex) {
    match (op, field) {
        (
            Op::Branch { target, .. }
            | Op::BranchBool { target, .. }
            | Op::BranchIs { target, .. }
            | Op::LoopBack { target, .. }
            | Op::Jump { target }
            | Op::ForNext { item: target, .. },
            Target::Taken,
        ) => *target = at,
        (Op::ForNext { done, .. }, Target::Done) => *done = at,
        _ => {}
    }
}

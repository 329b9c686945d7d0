//! The assembler for one code object: instructions with their lines, labels and jump
//! patching, operand-stack depth tracking, the block stack of the statement being
//! compiled, and exception regions that become the exception table.

use super::SliceRef;
use crate::code::{
    Branch, Cache, CmpOp, Code, ExcEntry, FrameLayout, Instr, Invert, Operands16, Position,
};
use crate::object::{PyCell, PyStr, Value};
use std::collections::HashMap;
use std::rc::Rc;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Label(u32);

/// A block whose cleanup an early exit (return / break / continue) must run.
#[derive(Clone)]
pub enum Block {
    For {
        head: Label,
        exit: Label,
    },
    While {
        head: Label,
        exit: Label,
    },
    TryExcept {
        region: usize,
    },
    Finally {
        region: usize,
        body: SliceRef,
    },
    FinallyHandler {
        region: usize,
    },
    ExceptHandler {
        region: Option<usize>,
        name: Option<String>,
    },
    With {
        region: usize,
        is_async: bool,
        /// The context expression: `__exit__` is called at its position.
        context: ruff_text_size::TextRange,
    },
}

impl Block {
    pub fn region(&self) -> Option<usize> {
        match self {
            Block::TryExcept { region }
            | Block::Finally { region, .. }
            | Block::FinallyHandler { region }
            | Block::With { region, .. } => Some(*region),
            Block::ExceptHandler { region, .. } => *region,
            _ => None,
        }
    }
}

/// A protected range of instructions, possibly interrupted (while an early exit runs
/// cleanup code that the handler must not cover).
struct Region {
    handler: Label,
    depth: u32,
    level: usize,
    open_at: Option<u32>,
    intervals: Vec<(u32, u32)>,
}

pub struct Unit {
    pub scope: usize,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    /// The position given to instructions emitted now.
    pub position: Position,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    pub docstring: Option<String>,
    instrs: Vec<Instr>,
    positions: Vec<Position>,
    consts: Vec<Value>,
    const_keys: HashMap<String, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    labels: Vec<Option<u32>>,
    label_depth: Vec<Option<i32>>,
    jumps: Vec<(usize, Label)>,
    regions: Vec<Region>,
    open_regions: usize,
    pub blocks: Vec<Block>,
    pub pending_resume: Vec<usize>,
    /// Hidden locals handed out to `match` statements so far.
    pub temps: u32,
    /// Operand stack depth at the current point; `None` after an unconditional jump.
    pub depth: i32,
    reachable: bool,
    max_depth: i32,
}

impl Unit {
    pub fn new(scope: usize, name: &str, qualname: &str, line: u32, flags: u32) -> Unit {
        Unit {
            scope,
            name: name.to_string(),
            qualname: qualname.to_string(),
            firstlineno: line,
            position: Position {
                line,
                end_line: line,
                col: 0,
                end_col: 0,
            },
            flags,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            docstring: None,
            instrs: Vec::new(),
            positions: Vec::new(),
            consts: Vec::new(),
            const_keys: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            labels: Vec::new(),
            label_depth: Vec::new(),
            jumps: Vec::new(),
            regions: Vec::new(),
            open_regions: 0,
            blocks: Vec::new(),
            pending_resume: Vec::new(),
            temps: 0,
            depth: 0,
            reachable: true,
            max_depth: 0,
        }
    }

    pub fn here(&self) -> u32 {
        self.instrs.len() as u32
    }

    pub fn emit(&mut self, i: Instr) {
        self.instrs.push(i);
        self.positions.push(self.position);
        self.depth += stack_effect(i, false);
        self.max_depth = self.max_depth.max(self.depth);
    }

    /// The position of the last instruction emitted, when control runs on from it to
    /// here (CPython gives a body's implicit `return None` that instruction's line:
    /// after a loop, the loop's).
    pub fn fallthrough_position(&self) -> Option<Position> {
        let last = self.instrs.last()?;
        let transfers = matches!(
            last,
            Instr::Return
                | Instr::ReturnConst(_)
                | Instr::Jump(_)
                | Instr::Raise(_)
                | Instr::Reraise
        );
        (!transfers)
            .then(|| self.positions.last().copied())
            .flatten()
    }

    pub fn emit_jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        let i = make(l.0);
        let at_jump = self.depth + stack_effect(i, true);
        // A jump in unreachable code (after a `return` in a try's else) never runs:
        // the depth tracked there says nothing about the label's.
        if self.reachable && self.label_depth[l.0 as usize].is_none() {
            self.label_depth[l.0 as usize] = Some(at_jump);
        }
        self.jumps.push((self.instrs.len(), l));
        self.emit(i);
        if matches!(i, Instr::Jump(_)) {
            self.after_unconditional();
        }
    }

    pub fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depth.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    pub fn bind(&mut self, l: Label) {
        self.labels[l.0 as usize] = Some(self.here());
        if !self.reachable {
            if let Some(d) = self.label_depth[l.0 as usize] {
                self.depth = d;
            }
            self.reachable = true;
        }
    }

    /// Bind a handler label, whose depth comes from the exception table.
    pub fn bind_at_depth(&mut self, l: Label, depth: i32) {
        self.labels[l.0 as usize] = Some(self.here());
        self.depth = depth;
        self.max_depth = self.max_depth.max(depth);
        self.reachable = true;
    }

    /// After return / raise / an unconditional jump: the code that follows runs only
    /// if a label is bound to it; regions suspended for the exit resume.
    pub fn after_unconditional(&mut self) {
        self.reachable = false;
        for r in std::mem::take(&mut self.pending_resume) {
            self.resume(r);
        }
    }

    pub fn add_const(&mut self, v: Value) -> u32 {
        let v = match v {
            Value::Str(s) => super::str_literal::shared(s),
            other => other,
        };
        let key = match &v {
            Value::None => Some("N".to_string()),
            Value::Bool(b) => Some(format!("B{b}")),
            Value::Int(i) => Some(format!("I{i}")),
            Value::Float(f) => Some(format!("F{}", f.to_bits())),
            // A str with a lone surrogate is not shared: its `as_str` is not all of it.
            Value::Str(s) if !s.has_surrogates() => Some(format!("S{}", s.as_str())),
            _ => None,
        };
        if let Some(k) = &key {
            if let Some(&i) = self.const_keys.get(k) {
                return i;
            }
        }
        let i = self.consts.len() as u32;
        self.consts.push(v);
        if let Some(k) = key {
            self.const_keys.insert(k, i);
        }
        i
    }

    pub fn add_name(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.name_index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.to_string());
        self.name_index.insert(name.to_string(), i);
        i
    }

    pub fn local_slot(&mut self, name: &str) -> u32 {
        match self.varnames.iter().position(|n| n == name) {
            Some(i) => i as u32,
            None => {
                self.varnames.push(name.to_string());
                self.varnames.len() as u32 - 1
            }
        }
    }

    /// Index of a cell or free variable among cellvars ++ freevars.
    pub fn deref_index(&mut self, name: &str) -> u32 {
        if let Some(i) = self.cellvars.iter().position(|n| n == name) {
            return i as u32;
        }
        if let Some(i) = self.freevars.iter().position(|n| n == name) {
            return (self.cellvars.len() + i) as u32;
        }
        self.freevars.push(name.to_string());
        (self.cellvars.len() + self.freevars.len() - 1) as u32
    }

    /// Where a nested scope's free variable comes from in this unit.
    pub fn closure_source(&mut self, name: &str) -> u32 {
        self.deref_index(name)
    }

    pub fn innermost_loop(&self) -> Option<usize> {
        self.blocks
            .iter()
            .rposition(|b| matches!(b, Block::For { .. } | Block::While { .. }))
    }

    pub fn loop_exit(&self, i: usize) -> (Label, bool) {
        match &self.blocks[i] {
            Block::For { exit, .. } => (*exit, true),
            Block::While { exit, .. } => (*exit, false),
            _ => unreachable_label(),
        }
    }

    pub fn loop_head(&self, i: usize) -> Label {
        match &self.blocks[i] {
            Block::For { head, .. } | Block::While { head, .. } => *head,
            _ => unreachable_label().0,
        }
    }

    pub fn open_region(&mut self, handler: Label, depth: u32) -> usize {
        self.open_regions += 1;
        self.regions.push(Region {
            handler,
            depth,
            level: self.open_regions,
            open_at: Some(self.here()),
            intervals: Vec::new(),
        });
        self.regions.len() - 1
    }

    pub fn suspend(&mut self, r: usize) {
        let here = self.here();
        let region = &mut self.regions[r];
        if let Some(start) = region.open_at.take() {
            if start < here {
                region.intervals.push((start, here));
            }
        }
    }

    pub fn resume(&mut self, r: usize) {
        let here = self.here();
        let region = &mut self.regions[r];
        if region.open_at.is_none() {
            region.open_at = Some(here);
        }
    }

    pub fn close_region(&mut self, r: usize) {
        self.suspend(r);
        self.pending_resume.retain(|&p| p != r);
        self.open_regions -= 1;
    }

    /// Make the code end in an unconditional transfer, with every jump target inside
    /// it: the evaluation loop fetches instructions without a bounds check, which is
    /// sound because control can then never run past the last instruction. Compiled
    /// code always ends in a `Return`; should it not, a bare `raise` (RuntimeError)
    /// closes it.
    fn end_in_a_transfer(&mut self) {
        let len = self.instrs.len();
        let ends = matches!(
            self.instrs.last(),
            Some(Instr::Return | Instr::Jump(_) | Instr::Raise(_) | Instr::Reraise)
        );
        let escapes = self
            .instrs
            .iter_mut()
            .any(|i| jump_operand(i).is_some_and(|t| *t as usize >= len));
        if !ends || escapes {
            let position = self.positions.last().copied().unwrap_or_default();
            self.instrs.push(Instr::Raise(0));
            self.positions.push(position);
        }
    }

    pub fn assemble(mut self, filename: Rc<PyStr>) -> Code {
        for (at, label) in std::mem::take(&mut self.jumps) {
            let target = self.labels[label.0 as usize].unwrap_or(self.instrs.len() as u32);
            if let Some(op) = jump_operand(&mut self.instrs[at]) {
                *op = target;
            }
        }
        self.end_in_a_transfer();
        let mut entries: Vec<(usize, ExcEntry)> = Vec::new();
        for r in &self.regions {
            let handler = self.labels[r.handler.0 as usize].unwrap_or(0);
            for &(start, end) in &r.intervals {
                entries.push((
                    r.level,
                    ExcEntry {
                        start,
                        end,
                        handler,
                        depth: r.depth,
                    },
                ));
            }
        }
        entries.sort_by_key(|e| std::cmp::Reverse(e.0));
        let intern = |v: &[String]| -> Box<[Rc<PyStr>]> {
            v.iter().map(|s| crate::object::str::intern(s)).collect()
        };
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| {
                self.varnames
                    .iter()
                    .take((self.argcount + self.kwonlyargcount) as usize + extra_args(self.flags))
                    .position(|v| v == c)
                    .map(|i| i as u32)
            })
            .collect();
        let n = self.instrs.len();
        let exc_table: Box<[ExcEntry]> = entries.into_iter().map(|(_, e)| e).collect();
        let (varnames, cellvars, freevars) = (
            intern(&self.varnames),
            intern(&self.cellvars),
            intern(&self.freevars),
        );
        let layout = FrameLayout::of(
            self.argcount,
            self.kwonlyargcount,
            self.flags,
            [&varnames, &cellvars, &freevars],
        );
        Code {
            name: crate::object::str::intern(&self.name),
            qualname: Rc::new(PyStr::new(&self.qualname)),
            filename,
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: self.flags,
            instrs: fuse_local_loads(
                return_instead_of_jumps(self.instrs, &self.positions, &exc_table),
                &self.positions,
            )
            .into_boxed_slice(),
            positions: self.positions.into_boxed_slice(),
            consts: self.consts.into_boxed_slice(),
            names: intern(&self.names),
            varnames,
            cellvars,
            freevars,
            cell2arg,
            doc: self
                .docstring
                .map(|d| Value::str(&d))
                .unwrap_or(Value::None),
            exc_table,
            stacksize: self.max_depth.max(0) as u32 + 2,
            caches: PyCell::new(vec![Cache::Empty; n].into_boxed_slice()),
            layout,
            extra: Default::default(),
            entry: Default::default(),
            weakrefs: Default::default(),
        }
    }
}

/// Fuse each `LoadFast` followed on the same line by another `LoadFast`, a
/// `LoadAttr` or a `LoadMethod` into one instruction (`LoadFastPair`, `LoadFastAttr`,
/// `LoadFastMethod`), each `CompareOp` or `IsOp` followed by a conditional jump into
/// a `CompareJump` or `IsJump`, and each `LoadConst` followed by a `Return` into a
/// `ReturnConst`: one dispatch instead of two. The second instruction is kept, for
/// jumps that target it and for its cache and position.
fn fuse_local_loads(mut instrs: Vec<Instr>, positions: &[Position]) -> Vec<Instr> {
    let mut i = 0;
    while i + 1 < instrs.len() {
        let same_line = positions.get(i).map(|p| p.line) == positions.get(i + 1).map(|p| p.line);
        if let (Instr::LoadFast(a), true) = (instrs[i], same_line) {
            let fused = match instrs[i + 1] {
                Instr::LoadFast(b) => Operands16::new(a, b).map(Instr::LoadFastPair),
                Instr::LoadAttr(n) => Operands16::new(a, n).map(Instr::LoadFastAttr),
                Instr::LoadMethod(n) => Operands16::new(a, n).map(Instr::LoadFastMethod),
                _ => None,
            };
            if let Some(fused) = fused {
                instrs[i] = fused;
                i += 2;
                continue;
            }
        }
        if same_line {
            let fused = match (instrs[i], instrs[i + 1]) {
                (Instr::CompareOp(op), Instr::PopJumpIfTrue(t)) => {
                    Branch::new(op, true, t).map(Instr::CompareJump)
                }
                (Instr::CompareOp(op), Instr::PopJumpIfFalse(t)) => {
                    Branch::new(op, false, t).map(Instr::CompareJump)
                }
                // The identity test jumps when its result, before the inversion,
                // equals the flag (`compare` is unused).
                (Instr::IsOp(invert), Instr::PopJumpIfTrue(t)) => {
                    Branch::new(CmpOp::Eq, invert == Invert::No, t).map(Instr::IsJump)
                }
                (Instr::IsOp(invert), Instr::PopJumpIfFalse(t)) => {
                    Branch::new(CmpOp::Eq, invert == Invert::Yes, t).map(Instr::IsJump)
                }
                (Instr::LoadConst(c), Instr::Return) => Some(Instr::ReturnConst(c)),
                _ => None,
            };
            if let Some(fused) = fused {
                instrs[i] = fused;
                i += 2;
                continue;
            }
        }
        i += 1;
    }
    instrs
}

/// Replace each jump to a `Return` on the same line by the `Return` itself (`return
/// a if c else b` ends in one), when both are covered by the same exception handler.
fn return_instead_of_jumps(
    mut instrs: Vec<Instr>,
    positions: &[Position],
    exc_table: &[ExcEntry],
) -> Vec<Instr> {
    let handler = |at: usize| {
        exc_table
            .iter()
            .position(|e| (e.start as usize..e.end as usize).contains(&at))
    };
    for i in 0..instrs.len() {
        let Instr::Jump(t) = instrs[i] else { continue };
        let t = t as usize;
        let same_line = positions.get(i).map(|p| p.line) == positions.get(t).map(|p| p.line);
        if same_line && matches!(instrs.get(t), Some(Instr::Return)) && handler(i) == handler(t) {
            instrs[i] = Instr::Return;
        }
    }
    instrs
}

fn extra_args(flags: u32) -> usize {
    use crate::code::flags::{VARARGS, VARKEYWORDS};
    (flags & VARARGS != 0) as usize + (flags & VARKEYWORDS != 0) as usize
}

fn unreachable_label() -> (Label, bool) {
    (Label(0), false)
}

fn jump_operand(i: &mut Instr) -> Option<&mut u32> {
    match i {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::ForIterBack(t)
        | Instr::Send(t) => Some(t),
        _ => None,
    }
}

/// The change in operand stack depth; `jump` selects the branch-taken effect.
pub fn stack_effect(i: Instr, jump: bool) -> i32 {
    use Instr::*;
    match i {
        Nop | Swap(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_)
        | LoadAttr(_) | UnaryNeg | UnaryPos | UnaryInvert | UnaryNot | ListToTuple | Jump(_)
        | GetIter | CheckExcMatch | YieldValue(_) | GetYieldFromIter | GetAwaitable
        | SetupAnnotations | MatchSequence | MatchMapping | GetLen | MatchArgName(_) | GetAIter => {
            0
        }
        BeforeAsyncWith | GetANext => 1,
        EndAsyncFor => -2,
        MatchGet(_) | MatchClass(_) | MatchAttr(_) => -1,
        PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_)
        | BinarySubscr | BinaryOp(_) | InplaceOp(_) | CompareOp(_) | IsOp(_) | ContainsOp(_)
        | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
        | DictMerge(_) | PopJumpIfFalse(_) | PopJumpIfTrue(_) | Return | ImportName(_)
        | ImportStar | Reraise | PopExcept => -1,
        LoadFastPair(..) => 2,
        ReturnConst(_) => 0,
        LoadFastAttr(..) => 1,
        CompareJump(..) | IsJump(..) | LoadSuperAttr(_) => -2,
        LoadSuperMethod(_) => -1,
        LoadFastMethod(..) => 2,
        PushNull | Copy(_) | LoadConst(_) | LoadFast(_) | LoadDeref(_) | LoadClosure(_)
        | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_) | LoadMethod(_) | LoadBuildClass
        | LoadFastAndClear(_) | ImportFrom(_) | PushExcInfo | BeforeWith | WithExceptStart
        | LoadAssertionError => 1,
        StoreAttr(_) | DeleteSubscr | MapAdd(_) => -2,
        StoreSubscr => -3,
        BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildSlice(n) => 1 - n as i32,
        BuildMap(n) => 1 - 2 * n as i32,
        FormatValue(f) => {
            if f & 4 != 0 {
                -1
            } else {
                0
            }
        }
        UnpackSequence(n) => n as i32 - 1,
        UnpackEx(n) => (n & 0xff) as i32 + (n >> 8) as i32,
        JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => {
            if jump {
                0
            } else {
                -1
            }
        }
        ForIter(_) => {
            if jump {
                -1
            } else {
                1
            }
        }
        ForIterBack(_) => {
            if jump {
                1
            } else {
                -1
            }
        }
        Send(_) => {
            if jump {
                -1
            } else {
                0
            }
        }
        Call(n) => -(n as i32) - 1,
        CallKw(n) => -(n as i32) - 2,
        CallEx(f) => -2 - (f & 1) as i32,
        MakeFunction(f) => -(f.count_ones() as i32),
        Raise(n) => -(n as i32),
    }
}

//! The translator's symbolic operand stack: where each entry's value is (a local
//! read lazily, a constant, a temporary), its flush to the canonical temporaries
//! at jump targets, local loads and stores, and the frame state each exit records
//! from it (the operand stack the interpreter gets back, an unbound local's
//! `LoadFast`).
//!
//! Depends on `unit` and on core's code objects and values.

use super::{Entry, Flow, Refusal, Translator, TwoOperands};
use crate::unit::{ExitId, ExitReason, ExitState, InlinedFrame, Op, Pushed, Slot, Slow, Src};
use tripwire_core::code::Instr;

impl Translator<'_> {
    pub(super) fn canonical(&self, depth: u32) -> Vec<Entry> {
        (0..depth)
            .map(|d| {
                if d < self.depth {
                    Entry::fixed(Src::Slot(Slot::Stack(d)))
                } else {
                    Entry::fixed(Src::Slot(Slot::Temp(d)))
                }
            })
            .collect()
    }

    /// The temporary of stack depth `depth` (one per depth: an op's result and its
    /// operands below it never share one).
    pub(super) fn temp(&mut self, depth: usize) -> Slot {
        let t = depth as u32;
        self.temps = self.temps.max(t + 1);
        Slot::Temp(t)
    }

    /// Bring every entry to its canonical slot (the stack's state at a block start).
    pub(super) fn flush(&mut self) {
        for d in 0..self.stack.len() {
            let want = self.canonical_slot(d);
            self.move_entry(d, want);
        }
    }

    /// Where stack entry `d` stands at a block start: the operand stack entry the
    /// unit was entered with, or a temporary above those.
    pub(super) fn canonical_slot(&mut self, d: usize) -> Slot {
        if (d as u32) < self.depth {
            Slot::Stack(d as u32)
        } else {
            self.temp(d)
        }
    }

    /// Copy stack entry `d` into `dst` and let it stand there (an unbound local
    /// leaves through the exit to its load).
    pub(super) fn move_entry(&mut self, d: usize, dst: Slot) {
        let Entry { src, origin, .. } = self.stack[d];
        if src == Src::Slot(dst) {
            return;
        }
        let unbound = self.unbound_exit(d);
        self.emit(Op::Move { dst, src, unbound });
        self.stack[d] = Entry {
            src: Src::Slot(dst),
            origin,
            ..self.stack[d]
        };
    }

    /// The exit for stack entry `d` found unbound: back to the `LoadFast` that read
    /// it, with the entries below it. None for an entry that is not a local read
    /// lazily: a null there is the "no receiver" marker, moved like any value.
    pub(super) fn unbound_exit(&mut self, d: usize) -> Option<ExitId> {
        if !self.is_local_read(self.stack[d].src) {
            return None;
        }
        let above = self.stack.split_off(d);
        let origin = above.first().map_or(0, |e| e.origin);
        let exit = self.exit_at(origin, ExitReason::TypeGuard);
        self.stack.extend(above);
        Some(exit)
    }

    /// Whether `src` is a local slot of the code being translated (which may be
    /// unbound when read).
    pub(super) fn is_local_read(&self, src: Src) -> bool {
        match (src, self.inline.last()) {
            (Src::Slot(Slot::Local(_)), None) => true,
            (Src::Slot(Slot::Temp(t)), Some(ctx)) => {
                (ctx.locals_base..ctx.locals_base + ctx.nlocals).contains(&t)
            }
            _ => false,
        }
    }

    /// Before an op that may run Python code: stack entries below its `operands`
    /// that read a local lazily are read now, since the code may write the local
    /// (through `f_locals`) and the value on the stack is the one read before.
    pub(super) fn take_lazy_locals(&mut self, operands: usize) {
        let below = self.stack.len().saturating_sub(operands);
        for d in 0..below {
            if let Src::Slot(Slot::Local(_)) = self.stack[d].src {
                let slot = self.temp(d);
                self.move_entry(d, slot);
            }
        }
    }

    /// Whether an op whose `operands` are on top of the stack may run its generic
    /// form, which may run Python code: not inside an inlined body (its frame does
    /// not exist for that code to see), nor over a value read lazily from a local
    /// below its operands (the code could write the local through `f_locals`, and
    /// the value on the stack is the one read before; taking such values into
    /// temporaries first would cost every fast path a move: 12% of the
    /// instructions of `bench/micro/loops.py`).
    pub(super) fn may_call_out(&self, operands: usize) -> bool {
        let below = self.stack.len().saturating_sub(operands);
        self.inline.is_empty()
            && !self.stack[..below]
                .iter()
                .any(|e| matches!(e.src, Src::Slot(Slot::Local(_))))
    }

    /// Where an error of the generic form of instruction `pc` raises from, if it
    /// has one: after the instruction, its operands popped (the stack as it is
    /// now).
    pub(super) fn raise_exit(&mut self, pc: u32, generic: bool) -> Option<ExitId> {
        generic.then(|| self.exit_at(pc + 1, ExitReason::TypeGuard))
    }

    /// The slow path of an instruction with a result (pushed by now): its generic
    /// form, leaving after it to `pc + 1`, when `raise` says it has one.
    pub(super) fn generic_after(&mut self, pc: u32, raise: Option<ExitId>) -> Slow {
        match raise {
            Some(raise) => Slow::Generic {
                raise,
                after: self.exit_at(pc + 1, ExitReason::AfterCall),
            },
            None => Slow::Exit,
        }
    }

    /// The slow path of a branch at `pc` (its operands popped by now) to `target`
    /// when the condition is `jump_if`, else on to `next`.
    pub(super) fn generic_branch(
        &mut self,
        pc: u32,
        target: u32,
        next: u32,
        jump_if: bool,
        generic: bool,
    ) -> Slow {
        let Some(raise) = self.raise_exit(pc, generic) else {
            return Slow::Exit;
        };
        let (if_true, if_false) = if jump_if {
            (target, next)
        } else {
            (next, target)
        };
        Slow::Branch {
            raise,
            on_true: self.exit_at(if_true, ExitReason::AfterCall),
            on_false: self.exit_at(if_false, ExitReason::AfterCall),
        }
    }

    /// The exit that resumes the interpreter at `pc` with the current stack. Inside
    /// an inlined call, `pc` is the callee's: the exit rebuilds the caller after the
    /// call, and the callee's frame above it.
    pub(super) fn exit_at(&mut self, pc: u32, reason: ExitReason) -> ExitId {
        let pushed_of = |entries: &[Entry]| -> Vec<Pushed> {
            entries
                .iter()
                .map(|e| Pushed {
                    src: e.src,
                    origin: e.origin,
                })
                .collect()
        };
        // Each callee is in the next one's call, the last at `pc`.
        let inlined: Vec<InlinedFrame> = self
            .inline
            .iter()
            .enumerate()
            .map(|(k, ctx)| {
                let (at, top) = match self.inline.get(k + 1) {
                    Some(next) => (next.caller_pc, next.below),
                    None => (pc, self.stack.len()),
                };
                InlinedFrame {
                    func: ctx.func,
                    returns: ctx.gives,
                    pc: at,
                    slots: (0..ctx.nlocals)
                        .map(|i| Src::Slot(Slot::Temp(ctx.locals_base + i)))
                        .collect(),
                    pushed: pushed_of(&self.stack[ctx.below..top]),
                }
            })
            .collect();
        let (frame_pc, split) = match self.inline.first() {
            None => (pc, self.stack.len()),
            Some(ctx) => (ctx.caller_pc, ctx.below),
        };
        let frame = &self.stack[..split];
        let kept = frame
            .iter()
            .enumerate()
            .take_while(|(k, e)| e.src == Src::Slot(Slot::Stack(*k as u32)))
            .count();
        self.exits.push(ExitState {
            pc: frame_pc,
            kept: kept as u32,
            pushed: pushed_of(&frame[kept..]),
            reason,
            inlined,
        });
        ExitId(self.exits.len() as u32 - 1)
    }

    /// The value a `Return` (popped) or `ReturnConst` returns.
    pub(super) fn returned(&mut self, pc: u32, instr: Instr) -> Result<Entry, Refusal> {
        match instr {
            Instr::ReturnConst(i) => Ok(Entry::fixed(self.code_constant(i))),
            _ => self.pop(pc),
        }
    }

    pub(super) fn pop(&mut self, pc: u32) -> Result<Entry, Refusal> {
        self.stack.pop().ok_or(Refusal {
            pc,
            why: "an instruction takes more values than the stack holds",
        })
    }

    /// Swap the entries at depths `top` and `other`. A temporary belongs to its
    /// depth, so values in temporaries change places through a scratch one.
    pub(super) fn swap(&mut self, pc: u32, top: usize, other: usize) -> Flow {
        let in_temp = |e: &Entry| matches!(e.src, Src::Slot(Slot::Temp(_)));
        let consumed = self.consumed_after_swaps(pc + 1);
        if self.stack.len() - other <= consumed
            || (!in_temp(&self.stack[top]) && !in_temp(&self.stack[other]))
        {
            self.stack.swap(top, other);
            self.last_result = None;
            return Flow::Next(pc + 1);
        }
        let (upper, lower) = (self.temp(top), self.temp(other));
        let shared = self.stack.iter().enumerate().any(|(d, e)| {
            d != top && d != other && (e.src == Src::Slot(upper) || e.src == Src::Slot(lower))
        });
        if shared {
            return self.unsupported(pc);
        }
        let scratch = self.temp(self.stack.len());
        let (x, y) = (self.stack[other], self.stack[top]);
        let unbound_y = self.unbound_exit(top);
        let unbound_x = self.unbound_exit(other);
        self.emit(Op::Move {
            dst: scratch,
            src: y.src,
            unbound: unbound_y,
        });
        self.emit(Op::Move {
            dst: upper,
            src: x.src,
            unbound: unbound_x,
        });
        self.emit(Op::Move {
            dst: lower,
            src: Src::Slot(scratch),
            unbound: unbound_y,
        });
        self.stack[other] = Entry {
            src: Src::Slot(lower),
            ..y
        };
        self.stack[top] = Entry {
            src: Src::Slot(upper),
            ..x
        };
        Flow::Next(pc + 1)
    }

    /// How many stack entries the instruction after the swaps from `pc` on takes
    /// at once, before anything else is pushed (`x.a += v` and `x[i] += v` end in
    /// swaps and a store): entries swapped within those need not move to the
    /// temporaries of their new depths, as no op writes a temporary before they go.
    /// None of those instructions may start a block (a flush there would move the
    /// entries through each other's temporaries).
    pub(super) fn consumed_after_swaps(&self, pc: u32) -> usize {
        let mut at = pc as usize;
        while let Some(Instr::Swap(_)) = self.code.instrs.get(at) {
            at += 1;
        }
        if self.block_depth.range(pc..=at as u32).next().is_some() {
            return 0;
        }
        match self.code.instrs.get(at) {
            Some(Instr::StoreAttr(_)) => 2,
            Some(Instr::StoreSubscr) => 3,
            _ => 0,
        }
    }

    /// Where local `i` of the code being translated lives: the frame's slot, or in
    /// an inlined callee a temporary.
    pub(super) fn local_slot(&self, i: u32) -> Slot {
        match self.inline.last() {
            None => Slot::Local(i),
            Some(ctx) => Slot::Temp(ctx.locals_base + i),
        }
    }

    pub(super) fn load_local(&mut self, i: u32, pc: u32) {
        self.stack.push(Entry {
            origin: pc,
            ..Entry::fixed(Src::Slot(self.local_slot(i)))
        });
        self.last_result = None;
    }

    pub(super) fn store_local(&mut self, i: u32, pc: u32) -> Result<(), Refusal> {
        let v = self.pop(pc)?;
        let last = self.last_result.take();
        let slot = self.local_slot(i);
        let reads_old = self.keep_old_value(slot);
        let shared = self.stack.iter().any(|e| e.src == v.src);
        if let (Some(op), false, false) = (last, reads_old, shared) {
            if let Op::Arith { dst, .. } = &mut self.ops[op] {
                if Src::Slot(*dst) == v.src {
                    *dst = slot;
                    return Ok(());
                }
            }
        }
        self.stack.push(v);
        let unbound = self.unbound_exit(self.stack.len() - 1);
        self.stack.pop();
        self.emit(Op::Move {
            dst: slot,
            src: v.src,
            unbound,
        });
        Ok(())
    }

    /// The two operands of a binary instruction at `pc` popped, its result's
    /// temporary pushed, and the exits of its type guard and generic form.
    pub(super) fn two_operands(&mut self, pc: u32) -> Result<TwoOperands, Refusal> {
        let generic = self.may_call_out(2);
        let exit = self.exit_at(pc, ExitReason::TypeGuard);
        let b = self.pop(pc)?;
        let a = self.pop(pc)?;
        let raise = self.raise_exit(pc, generic);
        let dst = self.temp(self.stack.len());
        self.stack.push(Entry::fixed(Src::Slot(dst)));
        let slow = self.generic_after(pc, raise);
        Ok(TwoOperands {
            a: a.src,
            b: b.src,
            dst,
            exit,
            slow,
        })
    }

    /// Entries still reading local `slot` lazily are given its value now, before
    /// it changes; whether there were any.
    pub(super) fn keep_old_value(&mut self, slot: Slot) -> bool {
        let mut any = false;
        for d in 0..self.stack.len() {
            if self.stack[d].src == Src::Slot(slot) {
                any = true;
                let temp = self.temp(d);
                self.move_entry(d, temp);
            }
        }
        any
    }

    /// `LoadFastAndClear`, before an inlined comprehension: the local's value
    /// (a null if unbound, which the comprehension's end stores back) onto the
    /// stack, and the local cleared.
    pub(super) fn take_local(&mut self, i: u32) {
        let slot = self.local_slot(i);
        self.keep_old_value(slot);
        let dst = self.temp(self.stack.len());
        self.emit(Op::Move {
            dst,
            src: Src::Slot(slot),
            unbound: None,
        });
        self.emit(Op::Clear { slot });
        self.stack.push(Entry::fixed(Src::Slot(dst)));
        self.last_result = None;
    }
}

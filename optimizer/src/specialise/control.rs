//! Control flow in a unit: conditional jumps, jumps back (each a loop tick), and
//! the steps of `for` loops.
//!
//! Depends on the rest of `specialise` (the translator, its blocks and exits).

use super::*;

impl Translator<'_> {
    /// A conditional jump. One back (to the loop's head or in an inner loop)
    /// becomes its inverse over a loop-back, which counts the tick every jump back
    /// counts.
    pub(super) fn branch(
        &mut self,
        pc: u32,
        target: u32,
        jump_if: bool,
        make: impl FnOnce(OpIndex, bool) -> Op,
    ) -> Result<(), Refusal> {
        if target <= pc && target >= self.start {
            self.flush();
            let past = self.ops.len() as OpIndex + 2;
            self.emit(make(past, !jump_if));
            self.loop_back(target)?;
            return Ok(());
        }
        self.emit_jump(target, |at| make(at, jump_if))
    }

    /// `JumpIfTrueOrPop` / `JumpIfFalseOrPop` at `pc` (`a or b`, `a and b` as
    /// values): on to `target` with the top entry kept when its truth is
    /// `jump_if`, else on with it popped. The generic truth test (a class's
    /// `__bool__` or `__len__`) leaves to whichever of the two follows.
    pub(super) fn jump_or_pop(
        &mut self,
        pc: u32,
        target: u32,
        jump_if: bool,
    ) -> Result<Flow, Refusal> {
        if target <= pc || self.stack.is_empty() {
            return Ok(self.unsupported(pc));
        }
        let generic = self.may_call_out(1);
        let exit = self.exit_at(pc, ExitReason::TypeGuard);
        // Kept, the value is where the code at the target finds it.
        self.flush();
        let raise = self.raise_exit(pc, generic);
        let v = self.pop(pc)?;
        let slow = match raise {
            None => Slow::Exit,
            Some(raise) => {
                let popped = self.exit_at(pc + 1, ExitReason::AfterCall);
                self.stack.push(v);
                let kept = self.exit_at(target, ExitReason::AfterCall);
                self.stack.pop();
                let (on_true, on_false) = if jump_if {
                    (kept, popped)
                } else {
                    (popped, kept)
                };
                Slow::Branch {
                    raise,
                    on_true,
                    on_false,
                }
            }
        };
        self.stack.push(v);
        self.emit_jump(target, |target| Op::BranchBool {
            value: v.src,
            jump_if,
            target,
            exit,
            slow,
        })?;
        self.stack.pop();
        Ok(Flow::Next(pc + 1))
    }

    /// `UnaryNot` at `pc`: a truth test that puts `False` or `True` into the
    /// result's temporary. The generic truth test leaves after the instruction
    /// with its result.
    pub(super) fn not(&mut self, pc: u32) -> Result<Flow, Refusal> {
        let generic = self.may_call_out(1);
        let exit = self.exit_at(pc, ExitReason::TypeGuard);
        let v = self.pop(pc)?;
        let raise = self.raise_exit(pc, generic);
        let dst = self.temp(self.stack.len());
        let (yes, no) = (
            self.constant(Value::Bool(true)),
            self.constant(Value::Bool(false)),
        );
        let slow = match raise {
            None => Slow::Exit,
            Some(raise) => {
                let mut leaving_with = |result: Src| {
                    self.stack.push(Entry::fixed(result));
                    let after = self.exit_at(pc + 1, ExitReason::AfterCall);
                    self.stack.pop();
                    after
                };
                Slow::Branch {
                    raise,
                    on_true: leaving_with(no),
                    on_false: leaving_with(yes),
                }
            }
        };
        let branch = self.emit(Op::BranchBool {
            value: v.src,
            jump_if: true,
            target: UNRESOLVED,
            exit,
            slow,
        });
        self.emit(Op::Move {
            dst,
            src: yes,
            unbound: None,
        });
        let join = self.emit(Op::Jump { target: UNRESOLVED });
        let truthy = self.emit(Op::Move {
            dst,
            src: no,
            unbound: None,
        });
        retarget(&mut self.ops[branch], Target::Taken, truthy as OpIndex);
        let after = self.ops.len() as OpIndex;
        retarget(&mut self.ops[join], Target::Taken, after);
        self.stack.push(Entry::fixed(Src::Slot(dst)));
        Ok(Flow::Next(pc + 1))
    }

    /// A jump back to `target` (the stack is flushed).
    pub(super) fn loop_back(&mut self, target: u32) -> Result<(), Refusal> {
        if self
            .block_depth
            .get(&target)
            .is_some_and(|&d| d as usize != self.stack.len())
        {
            return Err(Refusal {
                pc: target,
                why: "stack depths differ where paths meet",
            });
        }
        self.block_depth.insert(target, self.stack.len() as u32);
        let exit = self.exit_at(target, ExitReason::Interrupt);
        let at = self.block_at.get(&target).copied().unwrap_or(UNRESOLVED);
        let i = self.emit(Op::LoopBack { target: at, exit });
        if at == UNRESOLVED {
            self.fixups.push((i, Target::Taken, target));
        }
        Ok(())
    }

    /// A `for` loop's step: its first (`ForIter`, before the body, `back` false) or
    /// the one at the end of its body (`ForIterBack`), whose item goes to the local
    /// the body stores first, at `store`, or when the body starts otherwise (`for a,
    /// b in ...`: an unpacking) onto the stack, in its canonical temporary, for the
    /// body's first instruction. Exhausted, the iterator is popped and the loop goes
    /// on at `done`.
    pub(super) fn for_step(
        &mut self,
        pc: u32,
        store: u32,
        done: u32,
        back: bool,
    ) -> Result<Flow, Refusal> {
        // A unit entered at the store itself (a loop sampled there, the item on
        // the stack) has its block at the store, not after it: the item goes back
        // onto the stack for it.
        let entered_at_store =
            back && self.block_at.contains_key(&store) && !self.block_at.contains_key(&(store + 1));
        let target_local = match self.code.instrs.get(store as usize) {
            Some(&Instr::StoreFast(local)) if !entered_at_store => Some(local),
            Some(_) => None,
            None => return Ok(self.unsupported(pc)),
        };
        if self.stack.is_empty() {
            return Ok(self.unsupported(pc));
        }
        self.flush();
        let Some(&Entry {
            src: Src::Slot(iter),
            ..
        }) = self.stack.last()
        else {
            return Ok(self.unsupported(pc));
        };
        // Above the iterator, the item's canonical place.
        let (dst, body, item_entry) = match target_local {
            Some(local) => (self.local_slot(local), store + 1, None),
            None => {
                let slot = self.canonical_slot(self.stack.len());
                (slot, store, Some(Entry::fixed(Src::Slot(slot))))
            }
        };
        let body_depth = self.stack.len() + usize::from(item_entry.is_some());
        let exit = self.exit_at(pc, ExitReason::IteratorGuard);
        let generic = self.may_call_out(1);
        // The interpreter's own step of another iterator raises with the frame at
        // the body's first instruction and the iterator still on the stack.
        let raise = generic.then(|| self.exit_at(store, ExitReason::TypeGuard));
        // In the body with the item: where a jump back that must leave goes, and a
        // generic step after which the unit must leave.
        let into_body = (back || generic).then(|| {
            let pushed = item_entry.is_some();
            self.stack.extend(item_entry);
            let next = self.exit_at(body, ExitReason::Interrupt);
            if pushed {
                self.stack.pop();
            }
            next
        });
        let (item, back_exit) = if back {
            // The item jumps back to the body: its block is known (translated).
            let Some(&at) = self.block_at.get(&body) else {
                return Ok(self.unsupported(pc));
            };
            (at, into_body)
        } else {
            // The body follows (the op after this one): a block of its own, for the
            // jump back to it.
            self.block_depth.insert(body, body_depth as u32);
            (self.ops.len() as OpIndex + 1, None)
        };
        let iter_entry = self.pop(pc)?;
        let generic = match (raise, into_body) {
            (Some(raise), Some(item)) => {
                let exhausted = self.exit_at(done, ExitReason::LoopEnd);
                self.steps.push(GenericStep {
                    raise,
                    item,
                    exhausted,
                });
                Some(self.steps.len() as u32 - 1)
            }
            _ => None,
        };
        let done_at = if back {
            Some(self.ops.len() as OpIndex + 1)
        } else {
            self.jump_target(done)?
        };
        let out = match done_at {
            Some(_) => None,
            None => Some(self.exit_at(done, ExitReason::LoopEnd)),
        };
        let i = self.emit(Op::ForNext {
            iter,
            dst,
            item,
            done: done_at.unwrap_or(UNRESOLVED),
            exit,
            back: back_exit,
            generic,
        });
        match (done_at, out) {
            (Some(UNRESOLVED), _) => self.fixups.push((i, Target::Done, done)),
            (None, Some(exit)) => self.out_of_loop_done.push((i, exit)),
            _ => {}
        }
        if back {
            // Exhausted: on after the step, without the iterator.
            return Ok(Flow::Next(pc + 1));
        }
        self.stack.push(iter_entry);
        self.stack.extend(item_entry);
        Ok(Flow::Next(body))
    }
}

//! Containers in a unit: tuples, lists and slices built, items read and stored,
//! membership, the adds of comprehensions, unpacking, and closure cells read.
//!
//! Depends on the rest of `specialise` (the translator, its stack and exits).

use super::*;

impl Translator<'_> {
    /// Free variable `i` of the function that is constant `func`: its closure
    /// cell, and what the cell holds now.
    fn closure_cell(&self, func: u32, i: u32) -> Option<(Value, Value)> {
        let Some(Value::Function(f)) = self.constants.get(func as usize) else {
            return None;
        };
        let cell = f.closure.as_ref()?.items.get(i as usize)?.clone();
        let held = match &cell {
            Value::Cell(c) => c.get(),
            _ => return None,
        };
        Some((cell, held))
    }

    /// One of the instructions above, translated.
    pub(super) fn collection(&mut self, pc: u32, instr: Instr) -> Result<Flow, Refusal> {
        match instr {
            Instr::UnpackSequence(n) => {
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let seq = self.pop(pc)?;
                let depth = self.stack.len();
                let first = self.temp(depth);
                for k in 0..n as usize {
                    let slot = self.temp(depth + k);
                    self.stack.push(Entry::fixed(Src::Slot(slot)));
                }
                self.emit(Op::Unpack {
                    seq: seq.src,
                    first,
                    n,
                    exit,
                });
            }
            Instr::BuildTuple(n) | Instr::BuildList(n) | Instr::BuildSlice(n) => {
                let kind = match instr {
                    Instr::BuildTuple(_) => Built::Tuple,
                    Instr::BuildList(_) => Built::List,
                    _ => Built::Slice,
                };
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let below = self.stack.len().checked_sub(n as usize).ok_or(Refusal {
                    pc,
                    why: "an instruction takes more values than the stack holds",
                })?;
                let items = self.stack.split_off(below);
                let start = self.operands.len() as u32;
                self.operands.extend(items.iter().map(|e| e.src));
                let dst = self.temp(below);
                self.stack.push(Entry::fixed(Src::Slot(dst)));
                self.emit(Op::Build {
                    kind,
                    dst,
                    items: (start, n),
                    exit,
                });
                self.last_result = None;
            }
            Instr::LoadDeref(i) => {
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let dst = self.temp(self.stack.len());
                let (cell, known) = match self.inline.last().map(|ctx| ctx.func) {
                    None => (Slot::Local(self.code.nlocals() as u32 + i), None),
                    // An inlined callee has no cells of its own (`inline_plan`):
                    // its free variable's cell is the function's, a constant. What
                    // it holds now is predicted (a method's `__class__`).
                    Some(func) => {
                        let Some((cell, held)) = self.closure_cell(func, i) else {
                            return Ok(self.unsupported(pc));
                        };
                        let cell = self.constant(cell);
                        self.emit(Op::Move {
                            dst,
                            src: cell,
                            unbound: None,
                        });
                        (dst, (!held.is_null()).then(|| self.constant_index(held)))
                    }
                };
                self.stack.push(Entry {
                    known,
                    ..Entry::fixed(Src::Slot(dst))
                });
                self.emit(Op::Deref { dst, cell, exit });
                self.last_result = None;
            }
            Instr::ContainsOp(invert) => {
                let two = self.two_operands(pc)?;
                self.emit(Op::Contains {
                    dst: two.dst,
                    item: two.a,
                    container: two.b,
                    invert: invert == Invert::Yes,
                    exit: two.exit,
                    slow: two.slow,
                });
                self.last_result = None;
            }
            Instr::BinarySubscr => {
                let two = self.two_operands(pc)?;
                self.emit(Op::Subscr {
                    dst: two.dst,
                    obj: two.a,
                    index: two.b,
                    exit: two.exit,
                    slow: two.slow,
                });
                self.last_result = None;
            }
            Instr::ListAppend(depth) | Instr::SetAdd(depth) | Instr::MapAdd(depth) => {
                let into = match instr {
                    Instr::ListAppend(_) => Collection::List,
                    Instr::SetAdd(_) => Collection::Set,
                    _ => Collection::Dict,
                };
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let value = self.pop(pc)?;
                let key = match into {
                    Collection::Dict => self.pop(pc)?,
                    _ => value,
                };
                let target = self
                    .stack
                    .len()
                    .checked_sub(depth as usize)
                    .and_then(|at| self.stack.get(at))
                    .map(|entry| entry.src);
                // The collection the comprehension built, held in a temporary: a
                // local read lazily could be another object by now.
                let Some(target @ Src::Slot(Slot::Temp(_) | Slot::Stack(_))) = target else {
                    if into == Collection::Dict {
                        self.stack.push(key);
                    }
                    self.stack.push(value);
                    return Ok(self.unsupported(pc));
                };
                self.emit(Op::Add {
                    into,
                    target,
                    key: key.src,
                    value: value.src,
                    exit,
                });
            }
            Instr::StoreSubscr => {
                let generic = self.may_call_out(3);
                let exit = self.exit_at(pc, ExitReason::TypeGuard);
                let index = self.pop(pc)?;
                let obj = self.pop(pc)?;
                let value = self.pop(pc)?;
                let raise = self.raise_exit(pc, generic);
                let slow = self.generic_after(pc, raise);
                self.emit(Op::StoreSubscr {
                    obj: obj.src,
                    index: index.src,
                    value: value.src,
                    exit,
                    slow,
                });
            }
            _ => return Ok(self.unsupported(pc)),
        }
        Ok(Flow::Next(pc + 1))
    }
}

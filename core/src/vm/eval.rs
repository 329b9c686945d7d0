//! The evaluation loop.
//!
//! `run` executes frames from the top of the frame stack until the frame that was on
//! top when it was entered returns (or yields). Calls to Python functions push a frame
//! and continue in the same loop; exceptions unwind through the exception tables of
//! the frames on the stack (`unwind.rs`).

use super::attr_cache::{probe_store, Access, Stored, Subject};
use super::generator::{Resumed, Sent};
use super::iter::{ForStep, LoopStep};
use super::{PyErr, PyResult, Vm};
use crate::code::{Cache, Instr, ANY_BUILTINS};
use crate::object::{CellObj, Dict, Value};
use std::rc::Rc;

/// How the entry frame of a `run` ended.
pub enum Exit {
    Return(Value),
    Yield(Value),
}

/// What a call instruction did.
pub enum CallOutcome {
    /// A Python frame was pushed; the loop continues in it.
    Pushed,
    /// The call completed; its result is on the stack.
    Done,
}

macro_rules! tri {
    ($e:expr) => {
        match $e {
            Ok(v) => v,
            Err(e) => break e,
        }
    };
}

/// The running frame of `run` (`$fi`), without a bounds check.
macro_rules! running_frame {
    ($vm:ident, $fi:ident) => {{
        debug_assert!($fi < $vm.frames.len());
        // SAFETY: frame `$fi` is the running frame of `run`, which stays on the frame
        // stack until it leaves the loop (see `code` in `run`); frames pushed above it
        // by calls are gone again when the loop is back in it.
        unsafe { $vm.frames.get_unchecked_mut($fi) }
    }};
}

/// A jump back of the running frame to `$target`: one tick (see `threads`). When the
/// tick counter runs out, the loop hooks and the scheduler run out of line and the
/// loop resumes the top frame at its `pc`.
macro_rules! jumped_back {
    ($vm:ident, $fi:ident, $target:expr, $pc:ident, $frames:lifetime) => {{
        $vm.switch_ticks -= 1;
        if $vm.switch_ticks < 0 {
            match $vm.ticks_used_up($fi, $target) {
                Ok(()) => continue $frames,
                Err(e) => {
                    // Raised where a loop hook left the frame, not after the jump.
                    $pc = 0;
                    break e;
                }
            }
        }
    }};
}

/// Record the running frame's next instruction, before anything that can raise, call
/// or inspect frames.
macro_rules! save_pc {
    ($vm:ident, $fi:ident, $pc:expr) => {
        running_frame!($vm, $fi).pc = $pc
    };
}

impl Vm {
    /// Run the frame on top of the frame stack (marked as entry) to completion.
    pub fn run(&mut self) -> PyResult<Exit> {
        'frames: loop {
            let fi = self.frames.len() - 1;
            // Back from the call an extension suspended this frame at: it goes on.
            let f = &*running_frame!(self, fi);
            if let Some(s) = &f.suspended {
                if s.returns_at(f.pc) {
                    if let Err(e) = self.resume_suspended(fi) {
                        self.unwind(e)?;
                    }
                    continue 'frames;
                }
            }
            // SAFETY: frame `fi` owns a reference to its code and stays on the frame
            // stack (though the stack's buffer may move) until this loop leaves it:
            // only `Return` and `YieldValue` remove it, and they then leave for
            // `'frames` without touching `code`; an exception leaves the loop before
            // unwinding. Not cloning the `Rc` saves a count update per frame switch.
            let code_ptr = Rc::as_ptr(&running_frame!(self, fi).code);
            let code: &crate::code::Code = unsafe { &*code_ptr };
            let instrs = code.instrs.as_ptr();
            let base = running_frame!(self, fi).base;
            let mut pc = running_frame!(self, fi).pc;
            let err: PyErr = loop {
                if super::finalize::pending() {
                    save_pc!(self, fi, pc);
                    self.run_finalizers();
                    tri!(self.check_signals_before(fi, pc));
                    if self.thread.attention {
                        pc = tri!(self.trace_instruction(fi, pc));
                    }
                }
                // SAFETY: `pc` is inside the code: every code object ends in an
                // unconditional transfer and jumps only inside itself (see
                // `Unit::end_in_a_transfer`), fused instructions skip only their own
                // partner, and a frame's saved pc came from this loop.
                let instr = unsafe { *instrs.add(pc) };
                pc += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::PopTop => {
                        if let Some(v) = self.stack.pop() {
                            v.release();
                        }
                    }
                    Instr::PushNull => self.push(Value::Null),
                    Instr::Copy(n) => {
                        let v = self.peek(n as usize).dup();
                        self.push(v);
                    }
                    Instr::Swap(n) => {
                        let len = self.stack.len();
                        let (top, other) = (len - 1, len - n as usize);
                        assert!(other <= top && top < len);
                        let values = self.stack.as_mut_ptr();
                        // SAFETY: both indices are in bounds.
                        unsafe { Value::swap_split(values.add(top), values.add(other)) }
                    }
                    Instr::LoadConst(i) => {
                        // SAFETY: the compiler emits constant indices into the table.
                        let v = unsafe { code.consts.get_unchecked(i as usize) }.dup();
                        self.push(v);
                    }
                    Instr::LoadFast(i) => {
                        // SAFETY (of every `local` / `local_mut` below): `i` is a local
                        // index the compiler emitted for this code.
                        let v = unsafe { self.local(base + i as usize) }.dup();
                        if v.is_null() {
                            save_pc!(self, fi, pc);
                            break self.unbound_local(&code.varnames[i as usize]);
                        }
                        self.push(v);
                    }
                    Instr::LoadFastPair(pair) => {
                        let (a, b) = (pair.first(), pair.second());
                        let first = unsafe { self.local(base + a as usize) }.dup();
                        if first.is_null() {
                            save_pc!(self, fi, pc);
                            break self.unbound_local(&code.varnames[a as usize]);
                        }
                        self.push(first);
                        // The second load is the next instruction: an error is its.
                        pc += 1;
                        let second = unsafe { self.local(base + b as usize) }.dup();
                        if second.is_null() {
                            save_pc!(self, fi, pc);
                            break self.unbound_local(&code.varnames[b as usize]);
                        }
                        self.push(second);
                    }
                    Instr::StoreFast(i) => {
                        let v = self.pop();
                        Value::replace_split(unsafe { self.local_mut(base + i as usize) }, v)
                            .release();
                    }
                    Instr::LoadFastAndClear(i) => {
                        let v = std::mem::replace(&mut self.stack[base + i as usize], Value::Null);
                        self.push(v);
                    }
                    Instr::DeleteFast(i) => {
                        let old =
                            std::mem::replace(&mut self.stack[base + i as usize], Value::Null);
                        if old.is_null() {
                            break self.unbound_local(&code.varnames[i as usize]);
                        }
                    }
                    Instr::LoadDeref(i) => {
                        let slot = base + code.nlocals() + i as usize;
                        let v = match &self.stack[slot] {
                            Value::Cell(c) => c.get(),
                            _ => Value::Null,
                        };
                        if v.is_null() {
                            break self.unbound_deref(code, i as usize);
                        }
                        self.push(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = self.pop();
                        let slot = base + code.nlocals() + i as usize;
                        if let Value::Cell(c) = &self.stack[slot] {
                            let c = c.clone();
                            c.set(v);
                        }
                    }
                    Instr::DeleteDeref(i) => {
                        let slot = base + code.nlocals() + i as usize;
                        if let Value::Cell(c) = &self.stack[slot] {
                            let c = c.clone();
                            if c.get().is_null() {
                                break self.unbound_deref(code, i as usize);
                            }
                            c.set(Value::Null);
                        }
                    }
                    Instr::LoadClosure(i) => {
                        let slot = base + code.nlocals() + i as usize;
                        let v = self.stack[slot].clone();
                        self.push(v);
                    }
                    Instr::LoadClassDeref(i) => {
                        let name = code.deref_name(i as usize).clone();
                        let from_ns = self.frames[fi]
                            .locals
                            .as_ref()
                            .and_then(|l| l.get_str(&name));
                        match from_ns {
                            Some(v) => self.push(v),
                            None => {
                                let slot = base + code.nlocals() + i as usize;
                                let v = match &self.stack[slot] {
                                    Value::Cell(c) => c.get(),
                                    _ => Value::Null,
                                };
                                if v.is_null() {
                                    break self.unbound_deref(code, i as usize);
                                }
                                self.push(v);
                            }
                        }
                    }
                    Instr::LoadGlobal(i) => {
                        let at = pc - 1;
                        let hit = {
                            // SAFETY: `fi` is the running frame (see `save_pc!`), and
                            // every instruction has a cache slot.
                            let (f, caches) =
                                unsafe { (self.frames.get_unchecked(fi), code.caches.borrow()) };
                            match unsafe { caches.get_unchecked(at) } {
                                Cache::Global {
                                    globals_version,
                                    builtins_version,
                                    value,
                                } if *globals_version == f.globals().version()
                                    && (*builtins_version == ANY_BUILTINS
                                        || *builtins_version == f.builtins().version()) =>
                                {
                                    // SAFETY: the dicts still have the versions the
                                    // value was read under.
                                    Some(unsafe { value.get() })
                                }
                                _ => None,
                            }
                        };
                        match hit {
                            Some(v) => self.push(v),
                            None => {
                                let r = self.load_global(code, fi, at, i as usize);
                                tri!(self.push_result(r));
                            }
                        }
                    }
                    Instr::StoreGlobal(i) => {
                        let v = self.pop();
                        let globals = self.frames[fi].globals().clone();
                        self.dict_will_set_str(&globals, &code.names[i as usize], &v);
                        let old = globals.set_str(code.names[i as usize].clone(), v);
                        drop(old);
                    }
                    Instr::DeleteGlobal(i) => {
                        let globals = self.frames[fi].globals().clone();
                        self.dict_will_del_str(&globals, &code.names[i as usize]);
                        if globals.del_str(&code.names[i as usize]).is_none() {
                            break self.name_error(code.names[i as usize].as_str());
                        }
                    }
                    Instr::LoadName(i) => {
                        let name = &code.names[i as usize];
                        if let Some(mapping) = self.namespace_mapping(fi) {
                            save_pc!(self, fi, pc);
                            let op = super::namespace::NameOp::Load;
                            let v = tri!(self.mapping_name_op(fi, &mapping, name, op));
                            self.push(v.unwrap_or(Value::None));
                        } else {
                            let f = &self.frames[fi];
                            let v = f
                                .locals
                                .as_ref()
                                .and_then(|l| l.get_str(name))
                                .or_else(|| f.globals().get_str(name))
                                .or_else(|| f.builtins().get_str(name));
                            match v {
                                Some(v) => self.push(v),
                                None => break self.name_error(name.as_str()),
                            }
                        }
                    }
                    Instr::StoreName(i) => {
                        let v = self.pop();
                        if let Some(mapping) = self.namespace_mapping(fi) {
                            save_pc!(self, fi, pc);
                            let op = super::namespace::NameOp::Store(v);
                            tri!(self.mapping_name_op(fi, &mapping, &code.names[i as usize], op));
                        } else {
                            let ns = self.frames[fi].namespace();
                            self.dict_will_set_str(&ns, &code.names[i as usize], &v);
                            let old = ns.set_str(code.names[i as usize].clone(), v);
                            drop(old);
                        }
                    }
                    Instr::DeleteName(i) => {
                        if let Some(mapping) = self.namespace_mapping(fi) {
                            save_pc!(self, fi, pc);
                            let op = super::namespace::NameOp::Delete;
                            tri!(self.mapping_name_op(fi, &mapping, &code.names[i as usize], op));
                        } else {
                            let ns = self.frames[fi].namespace();
                            self.dict_will_del_str(&ns, &code.names[i as usize]);
                            if ns.del_str(&code.names[i as usize]).is_none() {
                                break self.name_error(code.names[i as usize].as_str());
                            }
                        }
                    }
                    Instr::LoadAttr(i) => {
                        save_pc!(self, fi, pc);
                        if tri!(self.load_attr_instr(code, pc - 1, Subject::Top, i)) {
                            continue 'frames;
                        }
                    }
                    Instr::LoadFastAttr(pair) | Instr::LoadFastMethod(pair) => {
                        let (local, i) = (pair.first(), pair.second());
                        let slot = base + local as usize;
                        if unsafe { self.local(slot) }.is_null() {
                            save_pc!(self, fi, pc);
                            break self.unbound_local(&code.varnames[local as usize]);
                        }
                        // The fused `LoadAttr` / `LoadMethod` follows; its cache and
                        // position are its.
                        pc += 1;
                        save_pc!(self, fi, pc);
                        let subject = Subject::Local(slot);
                        if let Instr::LoadFastAttr(..) = instr {
                            if tri!(self.load_attr_instr(code, pc - 1, subject, i)) {
                                continue 'frames;
                            }
                        } else {
                            tri!(self.load_method_instr(code, pc - 1, subject, i));
                        }
                    }
                    Instr::LoadSuperAttr(i) | Instr::LoadSuperMethod(i) => {
                        let first = self.pop();
                        let class = self.pop();
                        let sup = self.pop();
                        save_pc!(self, fi, pc);
                        let method = matches!(instr, Instr::LoadSuperMethod(_));
                        let (attr, recv) = tri!(crate::builtins::types::load_super_attr(
                            self,
                            &sup,
                            class,
                            first,
                            &code.names[i as usize],
                            method,
                        ));
                        self.push(attr);
                        if method {
                            self.push(recv);
                        }
                    }
                    Instr::StoreAttr(i) => {
                        let obj = self.pop();
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let name = &code.names[i as usize];
                        match probe_store(code, pc - 1, &obj, name, v) {
                            Stored::Done(old) => drop(old),
                            Stored::Setter(fset, v) => {
                                tri!(self.call(&fset, &[obj, v], &[]));
                            }
                            Stored::Miss(v) => {
                                tri!(self.set_attr(&obj, name, v));
                                self.specialize(code, pc - 1, &obj, name, Access::Store);
                            }
                        }
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = self.pop();
                        save_pc!(self, fi, pc);
                        tri!(self.del_attr(&obj, &code.names[i as usize]));
                    }
                    Instr::LoadMethod(i) => {
                        save_pc!(self, fi, pc);
                        tri!(self.load_method_instr(code, pc - 1, Subject::Top, i));
                    }
                    Instr::BinarySubscr => {
                        // Indexing is tried on the operands where they lie: popping them
                        // first moves them through stack temporaries.
                        // SAFETY: the instruction's two operands.
                        let fast = match unsafe { self.top_two() } {
                            (Value::List(l), Value::Int(i)) => {
                                let items = l.items.borrow();
                                let j = if *i < 0 { *i + items.len() as i64 } else { *i };
                                items.get(j as usize).filter(|_| j >= 0).map(Value::dup)
                            }
                            (Value::Tuple(t), Value::Int(i)) => {
                                let j = if *i < 0 {
                                    *i + t.items.len() as i64
                                } else {
                                    *i
                                };
                                t.items.get(j as usize).filter(|_| j >= 0).map(Value::dup)
                            }
                            _ => None,
                        };
                        if let Some(v) = fast {
                            self.replace_below_immediate(v);
                            continue;
                        }
                        let key = self.pop();
                        let obj = self.pop();
                        save_pc!(self, fi, pc);
                        let r = self.getitem(&obj, &key);
                        tri!(self.push_result(r));
                    }
                    Instr::StoreSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        if let (Value::List(l), Value::Int(i)) = (&obj, &key) {
                            let mut items = l.items.borrow_mut();
                            let j = if *i < 0 { *i + items.len() as i64 } else { *i };
                            if j >= 0 && (j as usize) < items.len() {
                                let old = Value::replace_split(&mut items[j as usize], v);
                                drop(items);
                                drop(old);
                                continue;
                            }
                        }
                        save_pc!(self, fi, pc);
                        tri!(self.setitem(&obj, key, v));
                    }
                    Instr::DeleteSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        save_pc!(self, fi, pc);
                        tri!(self.delitem(&obj, &key));
                    }
                    Instr::BinaryOp(op) | Instr::InplaceOp(op) => {
                        // Numbers are combined in place: the operands are immediates, so
                        // the result overwrites them without a reference to release.
                        // SAFETY: the instruction's two operands.
                        let fast = match unsafe { self.top_two() } {
                            (Value::Int(x), Value::Int(y)) => {
                                super::ops::int_fast_i64(op, *x, *y).map(Value::Int)
                            }
                            (Value::Float(x), Value::Float(y)) => {
                                super::ops::float_fast_f64(op, *x, *y).map(Value::Float)
                            }
                            (Value::Float(x), Value::Int(y)) => {
                                super::ops::float_fast_f64(op, *x, *y as f64).map(Value::Float)
                            }
                            (Value::Int(x), Value::Float(y)) => {
                                super::ops::float_fast_f64(op, *x as f64, *y).map(Value::Float)
                            }
                            _ => None,
                        };
                        if let Some(v) = fast {
                            self.replace_top_two_immediates(v);
                            continue;
                        }
                        let b = self.pop();
                        let a = self.pop();
                        if let Some(v) = super::ops::number_fast(op, &a, &b) {
                            self.push(v);
                            continue;
                        }
                        save_pc!(self, fi, pc);
                        if (matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)))
                            // SAFETY: every instruction has a cache slot.
                            && matches!(
                                unsafe { code.caches.borrow().get_unchecked(pc - 1) },
                                Cache::Empty
                            )
                        {
                            self.note_operands(code, pc - 1, &a, &b);
                        }
                        let r = if let Instr::InplaceOp(_) = instr {
                            self.inplace_op(op, &a, &b)
                        } else {
                            self.binary_op(op, &a, &b)
                        };
                        tri!(self.push_result(r));
                    }
                    Instr::UnaryNeg | Instr::UnaryPos | Instr::UnaryInvert => {
                        let a = self.pop();
                        save_pc!(self, fi, pc);
                        let v = tri!(match instr {
                            Instr::UnaryNeg => self.unary_neg(&a),
                            Instr::UnaryPos => self.unary_pos(&a),
                            _ => self.unary_invert(&a),
                        });
                        self.push(v);
                    }
                    Instr::UnaryNot => {
                        let a = self.pop();
                        save_pc!(self, fi, pc);
                        let t = tri!(self.truthy(&a));
                        self.push(Value::Bool(!t));
                    }
                    Instr::CompareOp(op) => {
                        let fast = {
                            // SAFETY: the instruction's two operands.
                            let (a, b) = unsafe { self.top_two() };
                            super::ops::compare_immediates(op, a, b)
                        };
                        if let Some(r) = fast {
                            self.replace_top_two_immediates(Value::Bool(r));
                            continue;
                        }
                        let b = self.pop();
                        let a = self.pop();
                        save_pc!(self, fi, pc);
                        let r = self.compare(op, &a, &b);
                        tri!(self.push_result(r));
                    }
                    Instr::CompareJump(branch) => {
                        let op = branch.compare();
                        let fast = {
                            // SAFETY: the instruction's two operands.
                            let (a, b) = unsafe { self.top_two() };
                            super::ops::compare_immediates(op, a, b)
                        };
                        let r = match fast {
                            Some(r) => {
                                // SAFETY: both operands were just matched as immediates.
                                unsafe { self.stack.set_len(self.stack.len() - 2) };
                                r
                            }
                            None => {
                                let b = self.pop();
                                let a = self.pop();
                                save_pc!(self, fi, pc);
                                let v = tri!(self.compare(op, &a, &b));
                                drop((a, b));
                                match v {
                                    Value::Bool(r) => r,
                                    v => {
                                        // The truth test is the fused jump's.
                                        save_pc!(self, fi, pc + 1);
                                        tri!(self.truthy(&v))
                                    }
                                }
                            }
                        };
                        if r == branch.jump_if() {
                            let target = branch.target() as usize;
                            // A `while` loop's test jumps back to its body.
                            if target < pc {
                                jumped_back!(self, fi, target, pc, 'frames);
                            }
                            pc = target;
                        } else {
                            pc += 1;
                        }
                    }
                    Instr::IsOp(invert) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.push(Value::Bool(invert.apply(a.is(&b))));
                    }
                    Instr::IsJump(branch) => {
                        let b = self.pop();
                        let a = self.pop();
                        let same = a.is(&b);
                        a.release();
                        b.release();
                        if same == branch.jump_if() {
                            let target = branch.target() as usize;
                            if target < pc {
                                jumped_back!(self, fi, target, pc, 'frames);
                            }
                            pc = target;
                        } else {
                            pc += 1;
                        }
                    }
                    Instr::ContainsOp(invert) => {
                        let container = self.pop();
                        let item = self.pop();
                        save_pc!(self, fi, pc);
                        let r = tri!(self.contains(&container, &item));
                        self.push(Value::Bool(invert.apply(r)));
                    }
                    Instr::BuildTuple(n) => {
                        let at = self.stack.len() - n as usize;
                        let t = Value::tuple_from(self.stack.drain(at..));
                        self.push(t);
                    }
                    Instr::BuildList(n) => {
                        let at = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        self.push(Value::list(items));
                    }
                    Instr::BuildSet(n) => {
                        let at = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        save_pc!(self, fi, pc);
                        let s = tri!(self.new_set(items, false));
                        self.push(s);
                    }
                    Instr::BuildMap(n) => {
                        let at = self.stack.len() - 2 * n as usize;
                        let items: Vec<Value> = self.stack.drain(at..).collect();
                        let d = Dict::with_capacity_rc(n as usize);
                        save_pc!(self, fi, pc);
                        let mut it = items.into_iter();
                        let mut res = Ok(());
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            if let Err(e) = self.dict_set(&d, k, v) {
                                res = Err(e);
                                break;
                            }
                        }
                        tri!(res);
                        self.push(Value::Dict(d));
                    }
                    Instr::BuildString(n) => {
                        let at = self.stack.len() - n as usize;
                        let s = crate::builtins::str::concat(&self.stack[at..]);
                        self.stack.truncate(at);
                        self.push(s);
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = self.new_slice(start, stop, step);
                        self.push(s);
                    }
                    Instr::ListAppend(d) => {
                        let v = self.pop();
                        if let Value::List(l) = self.peek(d as usize) {
                            if l.try_push(v).is_err() {
                                save_pc!(self, fi, pc);
                                break self.memory_error();
                            }
                        }
                    }
                    Instr::SetAdd(d) => {
                        let v = self.pop();
                        let target = self.peek(d as usize).clone();
                        if let Value::Set(s) = &target {
                            save_pc!(self, fi, pc);
                            tri!(self.set_add(s, v));
                        }
                    }
                    Instr::MapAdd(d) => {
                        let v = self.pop();
                        let k = self.pop();
                        let target = self.peek(d as usize).clone();
                        if let Value::Dict(m) = &target {
                            save_pc!(self, fi, pc);
                            tri!(self.dict_set(m, k, v));
                        }
                    }
                    Instr::ListExtend(op) => {
                        let src = self.pop();
                        let d = (op & !crate::compile::CALL_ARGS) as usize;
                        let target = self.peek(d).clone();
                        save_pc!(self, fi, pc);
                        let items = match self.collect_iterable(&src) {
                            Ok(items) => items,
                            Err(e)
                                if op & crate::compile::CALL_ARGS != 0
                                    && self.err_matches(&e, &self.types.type_error.clone())
                                    && self.get_iter(&src).is_err() =>
                            {
                                let func = self.peek(d + 2).clone();
                                let desc = self.function_str(&func);
                                break self.type_error(format!(
                                    "{} argument after * must be an iterable, not {}",
                                    desc,
                                    self.type_name(&src)
                                ));
                            }
                            Err(e) => break e,
                        };
                        if let Value::List(l) = &target {
                            l.items.borrow_mut().extend(items);
                        }
                    }
                    Instr::SetUpdate(d) => {
                        let src = self.pop();
                        let target = self.peek(d as usize).clone();
                        save_pc!(self, fi, pc);
                        if let Value::Set(s) = &target {
                            tri!(crate::builtins::set::set_update(self, s, &src));
                        }
                    }
                    Instr::DictUpdate(d) | Instr::DictMerge(d) => {
                        let src = self.pop();
                        let target = self.peek(d as usize).clone();
                        save_pc!(self, fi, pc);
                        if let Value::Dict(m) = &target {
                            if let Instr::DictMerge(_) = instr {
                                let func = self.peek(d as usize + 3).clone();
                                tri!(self.merge_call_kwargs(m, &src, &func));
                            } else {
                                tri!(self.dict_merge(m, &src, false));
                            }
                        }
                    }
                    Instr::ListToTuple => {
                        let v = self.pop();
                        let items = match &v {
                            Value::List(l) => l.snapshot(),
                            _ => Vec::new(),
                        };
                        self.push(Value::tuple(items));
                    }
                    Instr::FormatValue(f) => {
                        let spec = if f & 4 != 0 { Some(self.pop()) } else { None };
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let v = match f & 3 {
                            1 => Value::Str(tri!(self.to_str(&v))),
                            2 => Value::Str(tri!(self.repr(&v))),
                            3 => Value::Str(tri!(self.ascii(&v))),
                            _ => v,
                        };
                        let s = match (&v, &spec) {
                            (Value::Str(_), None) => v,
                            _ => {
                                let spec = match &spec {
                                    Some(Value::Str(s)) => s.as_str().to_string(),
                                    _ => String::new(),
                                };
                                Value::Str(tri!(self.format(&v, &spec)))
                            }
                        };
                        self.push(s);
                    }
                    Instr::UnpackSequence(n) => {
                        let seq = match self.pop() {
                            Value::Tuple(t) if t.items.len() == n as usize => {
                                t.push_items_rev(&mut self.stack);
                                continue;
                            }
                            seq => seq,
                        };
                        if let Value::List(l) = &seq {
                            let items = l.items.borrow();
                            if items.len() == n as usize {
                                for v in items.iter().rev() {
                                    self.push(v.dup());
                                }
                                drop(items);
                                seq.release();
                                continue;
                            }
                        }
                        save_pc!(self, fi, pc);
                        tri!(self.unpack_sequence(seq, n as usize));
                    }
                    Instr::UnpackEx(n) => {
                        let seq = self.pop();
                        save_pc!(self, fi, pc);
                        tri!(self.unpack_ex(seq, (n & 0xff) as usize, (n >> 8) as usize));
                    }
                    Instr::Jump(t) => {
                        if (t as usize) < pc {
                            jumped_back!(self, fi, t as usize, pc, 'frames);
                        }
                        pc = t as usize;
                    }
                    Instr::PopJumpIfFalse(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => {
                                save_pc!(self, fi, pc);
                                tri!(self.truthy(&v))
                            }
                        };
                        if !b {
                            // A `while` loop's test jumps back to its body.
                            if (t as usize) < pc {
                                jumped_back!(self, fi, t as usize, pc, 'frames);
                            }
                            pc = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => {
                                save_pc!(self, fi, pc);
                                tri!(self.truthy(&v))
                            }
                        };
                        if b {
                            // A `while` loop's test jumps back to its body.
                            if (t as usize) < pc {
                                jumped_back!(self, fi, t as usize, pc, 'frames);
                            }
                            pc = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = self.top().dup();
                        save_pc!(self, fi, pc);
                        if !tri!(self.truthy(&v)) {
                            pc = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = self.top().dup();
                        save_pc!(self, fi, pc);
                        if tri!(self.truthy(&v)) {
                            pc = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::GetIter => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let it = tri!(self.get_iter(&v));
                        self.push(it);
                    }
                    Instr::ForIter(t) | Instr::ForIterBack(t) => {
                        // Where the item goes (the body) and where the loop exits: a
                        // `ForIterBack` ends the body and jumps back to it, counting a
                        // switch tick as any jump back does.
                        let back = matches!(instr, Instr::ForIterBack(_));
                        let (body, exit) = if back {
                            (t as usize, pc)
                        } else {
                            (pc, t as usize)
                        };
                        // Ranges, lists, tuples and enumerates of them step here
                        // without a call. The item goes straight into the loop's
                        // variable when that is a local, and an enumerate's pair is
                        // unpacked at once when the loop has two targets (unless
                        // opcodes are traced, which must see the `StoreFast` or
                        // `UnpackSequence`).
                        // SAFETY: a loop's body starts with its target's store, and
                        // the jump target is inside the code.
                        let first = unsafe { *instrs.add(body) };
                        let fused = !self.thread.attention;
                        let unpack_pair = fused && matches!(first, Instr::UnpackSequence(2));
                        let step = super::iter::step_for_iter(self.top(), unpack_pair);
                        match step {
                            ForStep::Item(v) => {
                                pc = body;
                                match first {
                                    Instr::StoreFast(i) if fused => {
                                        pc += 1;
                                        let slot = unsafe { self.local_mut(base + i as usize) };
                                        Value::replace_split(slot, v).release();
                                    }
                                    _ => self.push(v),
                                }
                            }
                            ForStep::Pair(count, v) => {
                                self.push(v);
                                self.push(Value::Int(count));
                                pc = body + 1;
                            }
                            ForStep::Exhausted => {
                                self.stack.pop();
                                pc = exit;
                                continue;
                            }
                            ForStep::General => {
                                save_pc!(self, fi, body);
                                match tri!(self.step_loop(body)) {
                                    LoopStep::Pushed => pc = body,
                                    LoopStep::Exhausted => {
                                        pc = exit;
                                        continue;
                                    }
                                    LoopStep::Resumed => continue 'frames,
                                }
                            }
                        }
                        if back {
                            jumped_back!(self, fi, pc, pc, 'frames);
                        }
                    }
                    Instr::Call(n) => {
                        save_pc!(self, fi, pc);
                        if tri!(self.push_simple_frame(n as usize)) {
                            continue 'frames;
                        }
                        if let Some(r) = self.call_simple_builtin(n as usize) {
                            tri!(r);
                            continue;
                        }
                        match tri!(self.call_instr(n as usize, None)) {
                            CallOutcome::Pushed => continue 'frames,
                            // A suspended frame's callee changed before the call
                            // (a finalizer reassigned its `__code__`): still
                            // handed back.
                            CallOutcome::Done if running_frame!(self, fi).suspended.is_some() => {
                                continue 'frames
                            }
                            CallOutcome::Done => {}
                        }
                    }
                    Instr::CallKw(n) => {
                        save_pc!(self, fi, pc);
                        let names = self.pop();
                        match tri!(self.call_instr(n as usize, Some(names))) {
                            CallOutcome::Pushed => continue 'frames,
                            CallOutcome::Done => {}
                        }
                    }
                    Instr::CallEx(flag) => {
                        save_pc!(self, fi, pc);
                        let kwargs = if flag & 1 != 0 {
                            self.pop()
                        } else {
                            Value::None
                        };
                        let args = self.pop();
                        let _null = self.pop();
                        let func = self.pop();
                        let v = tri!(self.call_ex(&func, &args, &kwargs));
                        self.push(v);
                    }
                    Instr::MakeFunction(f) => {
                        let code_v = self.pop();
                        let closure = if f & 8 != 0 { Some(self.pop()) } else { None };
                        let annotations = if f & 4 != 0 { Some(self.pop()) } else { None };
                        let kwdefaults = if f & 2 != 0 { Some(self.pop()) } else { None };
                        let defaults = if f & 1 != 0 { Some(self.pop()) } else { None };
                        let func = self.make_function(
                            fi,
                            code_v,
                            defaults,
                            kwdefaults,
                            annotations,
                            closure,
                        );
                        self.push(func);
                    }
                    Instr::Return | Instr::ReturnConst(_) => {
                        let mut v = match instr {
                            // SAFETY: the compiler emits constant indices into the table.
                            Instr::ReturnConst(i) => {
                                unsafe { code.consts.get_unchecked(i as usize) }.dup()
                            }
                            _ => self.pop(),
                        };
                        if running_frame!(self, fi).init_of.is_some() {
                            if !v.is_none() {
                                save_pc!(self, fi, pc);
                                break self.type_error(format!(
                                    "__init__() should return None, not '{}'",
                                    self.type_name(&v)
                                ));
                            }
                            v = running_frame!(self, fi)
                                .init_of
                                .take()
                                .unwrap_or(Value::None);
                        }
                        let f = &*running_frame!(self, fi);
                        debug_assert!(f.suspended.is_none(), "a suspended frame returned");
                        if f.data.is_none() && f.gen.is_none() && !f.entry && f.locals.is_none() {
                            // A plain call returns: the frame is dropped where it lies
                            // rather than moved out first, and only its two references
                            // are released (the out-of-line drop glue tests every field).
                            // (A generator's frame, the only kind with a segment of its
                            // own, has a link or is an entry.)
                            debug_assert!(!f.owns_segment);
                            let ret_sp = f.ret_sp;
                            self.truncate_stack(ret_sp);
                            // SAFETY: frame `fi` is the top frame; the length is cut
                            // first, so its code and scope are each read (and released)
                            // once. Its other owning fields are None: `data`, `gen` and
                            // `locals` were tested just above, and `init_of` was taken.
                            let (code, scope) = unsafe {
                                self.frames.set_len(fi);
                                let f = self.frames.as_ptr().add(fi);
                                (std::ptr::read(&(*f).code), std::ptr::read(&(*f).scope))
                            };
                            drop(code);
                            drop(scope);
                            self.push(v);
                            continue 'frames;
                        }
                        let mut frame = match self.frames.pop() {
                            Some(f) => f,
                            None => return Ok(Exit::Return(v)),
                        };
                        if frame.data.is_some() {
                            self.frame_finished(&mut frame);
                        }
                        self.truncate_stack(frame.ret_sp);
                        if frame.owns_segment {
                            drop(self.leave_segment());
                        }
                        if frame.entry {
                            return Ok(Exit::Return(v));
                        }
                        if let Some(link) = frame.gen.take() {
                            super::generator::finish_inline(self, link);
                            self.generator_returned(v);
                            continue 'frames;
                        }
                        self.push(v);
                        continue 'frames;
                    }
                    Instr::YieldValue(_) => {
                        let v = self.pop();
                        if super::generator::yields_plainly(running_frame!(self, fi)) {
                            super::generator::yield_inline(self, pc);
                            self.push(v);
                            continue 'frames;
                        }
                        if self.frames[fi].gen.is_some() {
                            // The same, for a frame with frame data. The frame is
                            // popped before its link and pc are written: writing them
                            // just before the move out would stall it.
                            if let Some(mut frame) = self.frames.pop() {
                                frame.pc = pc;
                                if let Some(link) = frame.gen.take() {
                                    super::generator::suspend_inline(self, frame, link);
                                }
                            }
                            self.push(v);
                            continue 'frames;
                        }
                        save_pc!(self, fi, pc);
                        return Ok(Exit::Yield(v));
                    }
                    Instr::LoadBuildClass => {
                        let Some(v) = self.frames[fi].builtins().get_str(&self.names.build_class)
                        else {
                            break self
                                .new_error(&self.types.name_error, "__build_class__ not found");
                        };
                        self.push(v);
                    }
                    Instr::ImportName(i) => {
                        let fromlist = self.pop();
                        let level = self.pop();
                        save_pc!(self, fi, pc);
                        let m = tri!(self.import_statement(
                            &code.names[i as usize],
                            &fromlist,
                            &level,
                            fi
                        ));
                        self.push(m);
                    }
                    Instr::ImportFrom(i) => {
                        let m = self.top().dup();
                        save_pc!(self, fi, pc);
                        let v = tri!(self.import_from(&m, &code.names[i as usize]));
                        self.push(v);
                    }
                    Instr::ImportStar => {
                        let m = self.pop();
                        save_pc!(self, fi, pc);
                        let ns = self.frames[fi].namespace();
                        tri!(self.import_star(&m, &ns));
                    }
                    Instr::Raise(n) => {
                        save_pc!(self, fi, pc);
                        let e = match n {
                            0 => self.reraise_handled(),
                            1 => {
                                let exc = self.pop();
                                self.make_raise(exc, None)
                            }
                            _ => {
                                let cause = self.pop();
                                let exc = self.pop();
                                self.make_raise(exc, Some(cause))
                            }
                        };
                        break e;
                    }
                    Instr::Reraise => {
                        let exc = self.pop();
                        save_pc!(self, fi, pc);
                        break PyErr::reraised(exc);
                    }
                    Instr::PushExcInfo => {
                        let exc = self.pop();
                        let prev = std::mem::replace(&mut self.handled, exc.clone());
                        self.push(prev);
                        self.push(exc);
                    }
                    Instr::PopExcept => {
                        let prev = self.pop();
                        self.handled = prev;
                    }
                    Instr::CheckExcMatch => {
                        let ty = self.pop();
                        let exc = self.top().dup();
                        save_pc!(self, fi, pc);
                        let m = tri!(self.exception_matches(&exc, &ty));
                        self.push(Value::Bool(m));
                    }
                    Instr::BeforeWith => {
                        let mgr = self.pop();
                        save_pc!(self, fi, pc);
                        let (exit, entered) = tri!(self.before_with(&mgr));
                        self.push(exit);
                        self.push(entered);
                    }
                    Instr::WithExceptStart => {
                        let exc = self.top().dup();
                        let exit = self.peek(3).clone();
                        save_pc!(self, fi, pc);
                        let ty = Value::Type(self.type_of(&exc));
                        let tb = self.traceback_of(&exc);
                        let r = tri!(self.call(&exit, &[ty, exc, tb], &[]));
                        self.push(r);
                    }
                    Instr::LoadAssertionError => {
                        self.push(Value::Type(self.types.assertion_error.clone()));
                    }
                    Instr::GetYieldFromIter => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let it = match &v {
                            Value::Generator(_) => v,
                            _ => tri!(self.get_iter(&v)),
                        };
                        self.push(it);
                    }
                    Instr::GetAwaitable => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let it = tri!(self.get_awaitable(&v));
                        self.push(it);
                    }
                    Instr::Send(t) => {
                        let v = self.pop();
                        let it = self.top().dup();
                        save_pc!(self, fi, pc);
                        if let Value::Generator(g) = &it {
                            if super::generator::enter_inline(self, g, &v) {
                                it.release();
                                v.release();
                                continue 'frames;
                            }
                            if self.thread.frame_entry {
                                match super::generator::enter_hooked(self, g, v.dup()) {
                                    Resumed::Inline => continue 'frames,
                                    Resumed::General => {}
                                    Resumed::Raised(e) => break e,
                                }
                            }
                        }
                        match tri!(self.send_into(&it, v)) {
                            Sent::Yielded(y) => self.push(y),
                            Sent::Returned(r) => {
                                self.stack.pop();
                                self.push(r);
                                pc = t as usize;
                            }
                        }
                    }
                    Instr::BeforeAsyncWith => {
                        let mgr = self.pop();
                        save_pc!(self, fi, pc);
                        let (exit, awaitable) = tri!(self.before_async_with(&mgr));
                        self.push(exit);
                        self.push(awaitable);
                    }
                    Instr::GetAIter => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let it =
                            tri!(self.async_protocol(&v, "__aiter__", "async for", "__aiter__"));
                        self.push(it);
                    }
                    Instr::GetANext => {
                        let it = self.top().dup();
                        save_pc!(self, fi, pc);
                        let aw =
                            tri!(self.async_protocol(&it, "__anext__", "async for", "__anext__"));
                        self.push(aw);
                    }
                    Instr::EndAsyncFor => {
                        let exc = self.pop();
                        self.stack.pop();
                        if !self
                            .type_of(&exc)
                            .is_subtype(&self.types.stop_async_iteration)
                        {
                            save_pc!(self, fi, pc);
                            break PyErr::reraised(exc);
                        }
                    }
                    Instr::MatchSequence | Instr::MatchMapping => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let r = if let Instr::MatchSequence = instr {
                            tri!(self.match_is_sequence(&v))
                        } else {
                            tri!(self.match_is_mapping(&v))
                        };
                        self.push(Value::Bool(r));
                    }
                    Instr::GetLen => {
                        let v = self.pop();
                        save_pc!(self, fi, pc);
                        let n = tri!(self.len(&v));
                        self.push(Value::Int(n as i64));
                    }
                    Instr::MatchGet(slot) => {
                        let key = self.pop();
                        let map = self.pop();
                        save_pc!(self, fi, pc);
                        let found = tri!(self.match_get(&map, &key));
                        let hit = found.is_some();
                        if let Some(v) = found {
                            self.stack[base + slot as usize] = v;
                        }
                        self.push(Value::Bool(hit));
                    }
                    Instr::MatchClass(n) => {
                        let cls = self.pop();
                        let subject = self.pop();
                        save_pc!(self, fi, pc);
                        let r = tri!(self.match_class(&subject, &cls, n as usize));
                        self.push(Value::Bool(r));
                    }
                    Instr::MatchArgName(i) => {
                        let cls = self.pop();
                        save_pc!(self, fi, pc);
                        let name = tri!(self.match_arg_name(&cls, i as usize));
                        self.push(name);
                    }
                    Instr::MatchAttr(slot) => {
                        let name = self.pop();
                        let subject = self.pop();
                        save_pc!(self, fi, pc);
                        let found = tri!(self.match_attr(&subject, &name));
                        let hit = found.is_some();
                        if let Some(v) = found {
                            self.stack[base + slot as usize] = v;
                        }
                        self.push(Value::Bool(hit));
                    }
                    Instr::SetupAnnotations => {
                        let ns = self.frames[fi].namespace();
                        let key = self.names.annotations.clone();
                        if ns.get_str(&key).is_none() {
                            let d = Value::Dict(Dict::new_rc());
                            self.dict_will_set_str(&ns, &key, &d);
                            ns.set_str(key, d);
                        }
                    }
                }
            };
            // An instruction raised: record where, then unwind.
            if let Some(f) = self.frames.get_mut(fi) {
                if f.pc < pc {
                    f.pc = pc;
                }
            }
            self.unwind(err)?;
        }
    }

    /// An inline generator returned `v` to the `for` or `Send` in the frame now on
    /// top: finish that instruction as its exhaustion / return path.
    pub(super) fn generator_returned(&mut self, v: Value) {
        let Some(caller) = self.frames.last_mut() else {
            return;
        };
        match caller.code.instrs.get(caller.pc.wrapping_sub(1)) {
            Some(Instr::ForIter(t)) => {
                caller.pc = *t as usize;
                self.stack.pop();
            }
            Some(Instr::Send(t)) => {
                caller.pc = *t as usize;
                self.stack.pop();
                self.push(v);
            }
            _ => self.push(v),
        }
    }

    fn load_global(
        &mut self,
        code: &crate::code::Code,
        fi: usize,
        at: usize,
        name_index: usize,
    ) -> PyResult<Value> {
        let name = &code.names[name_index];
        let f = &self.frames[fi];
        let globals_version = f.globals().version();
        let (v, builtins_version) = match f.globals().get_str(name) {
            Some(v) => (v, ANY_BUILTINS),
            None => match f.builtins().get_str(name) {
                Some(v) => (v, f.builtins().version()),
                None => return Err(self.name_error(name.as_str())),
            },
        };
        code.caches.borrow_mut()[at] = Cache::Global {
            globals_version,
            builtins_version,
            value: crate::code::DictHeld::new(&v),
        };
        Ok(v)
    }

    fn before_with(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let cls = self.type_of(mgr);
        let enter_name = self.names.enter.clone();
        let exit_name = self.names.exit.clone();
        let Some(enter) = cls.lookup(&enter_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol",
                cls.name().as_str()
            )));
        };
        let Some(exit) = cls.lookup(&exit_name) else {
            return Err(self.type_error(format!(
                "'{}' object does not support the context manager protocol (missed __exit__ method)",
                cls.name().as_str()
            )));
        };
        let exit = self.bind_descriptor(exit, mgr)?;
        let enter = self.bind_descriptor(enter, mgr)?;
        let entered = self.call(&enter, &[], &[])?;
        Ok((exit, entered))
    }

    /// A new cell for each cell variable of a frame starting at `base`.
    pub fn init_cells(&mut self, code: &crate::code::Code, base: usize) {
        let nlocals = code.nlocals();
        for (i, arg) in code.cell2arg.iter().enumerate() {
            let init = match arg {
                Some(a) => self.stack[base + *a as usize].clone(),
                None => Value::Null,
            };
            let cell = Rc::new(CellObj::new(init));
            crate::object::tracking::cell(&cell);
            self.stack[base + nlocals + i] = Value::Cell(cell);
        }
    }
}

//! Calls in a unit: of built-in functions and Python functions made from it, and
//! the inlining of small callees (a guard on the callable, the arguments moved
//! into the callee's slots, its body translated as a region of its own, each
//! return into the call's result), up to `INLINE_DEPTH` calls deep. A callee's
//! own calls must all be inlined too: no Python code may run while an inlined
//! body runs, since its frame does not exist. When one is not, the translation of
//! the callee is rolled back and the call is made instead.
//!
//! Depends on the rest of `specialise` (the translator and its stack).

use super::*;

/// The caller's region and blocks, set aside while an inlined body is translated.
struct Region {
    start: u32,
    end: u32,
    block_at: BTreeMap<u32, OpIndex>,
    block_depth: BTreeMap<u32, u32>,
    fixups: Vec<(usize, Target, u32)>,
    out_of_loop: Vec<(usize, ExitId)>,
    out_of_loop_done: Vec<(usize, ExitId)>,
}

/// A function whose call is inlined: the constant that holds the callable (the
/// function, or the class whose `__init__` it is), its code, whether the call
/// passes a receiver, and the defaults that fill its missing arguments.
pub(super) struct InlinePlan {
    constant: u32,
    func: Rc<Function>,
    pub(super) code: Rc<Code>,
    receiver: bool,
    defaults: Vec<Value>,
    /// A class call: the class, and its instances' slot count.
    class: Option<(TypeRef, usize)>,
    /// The method a binary operator calls: the operator.
    pub(super) operator: Option<BinOp>,
}

/// The longest callee body inlined, in instructions.
const INLINE_MAX: usize = 120;

/// How many calls deep inlining goes (a callee inlined inside an inlined callee
/// is two).
const INLINE_DEPTH: usize = 5;

/// Stack depth kept free, below the locals of an inlined callee that calls, for
/// the operand stacks of the callees inlined inside it.
const NESTED_STACK: usize = 16;

/// Where the interpreter takes over when an inlined call's guard fails, or its
/// site was patched: the call's instruction with its operands on the stack (a
/// property's getter: the attribute load, with the receiver).
#[derive(Clone, Copy)]
pub(super) struct GuardExits {
    pub(super) mispredicted: ExitId,
    pub(super) invalidated: ExitId,
}

/// What the translator had before an inlined call was tried: enough to undo it
/// (everything it adds to is only appended to).
pub(super) struct Snapshot {
    ops: usize,
    constants: usize,
    cells: usize,
    operands: usize,
    assumed: usize,
    classes: usize,
    sites: usize,
    attrs: usize,
    exits: usize,
    steps: usize,
    stack: Vec<Entry>,
    temps: u32,
    not_inlined: usize,
}

/// Whether `code` runs straight through: no jump, and its only return is its last
/// instruction.
fn is_straight(code: &Code) -> bool {
    let Some((last, body)) = code.instrs.split_last() else {
        return false;
    };
    matches!(last, Instr::Return | Instr::ReturnConst(_))
        && body.iter().all(|i| {
            !matches!(
                i,
                Instr::Return
                    | Instr::ReturnConst(_)
                    | Instr::Jump(_)
                    | Instr::PopJumpIfFalse(_)
                    | Instr::PopJumpIfTrue(_)
                    | Instr::CompareJump(_)
                    | Instr::IsJump(_)
                    | Instr::JumpIfTrueOrPop(_)
                    | Instr::JumpIfFalseOrPop(_)
            )
        })
}

/// Whether `code`'s body is one inlining can take whole: short, and every
/// instruction one units compile (its loops too: their jumps back tick as the
/// unit's own do, and an exit there rebuilds the callee's frame in its loop).
fn is_inlinable(code: &Code) -> bool {
    code.instrs.len() <= INLINE_MAX
        && code.instrs.iter().all(|instr| match *instr {
            Instr::Return
            | Instr::ReturnConst(_)
            | Instr::Nop
            | Instr::LoadConst(_)
            | Instr::LoadFast(_)
            | Instr::LoadFastPair(_)
            | Instr::StoreFast(_)
            | Instr::LoadGlobal(_)
            | Instr::LoadAttr(_)
            | Instr::LoadFastAttr(_)
            | Instr::StoreAttr(_)
            | Instr::BinarySubscr
            | Instr::StoreSubscr
            | Instr::ContainsOp(_)
            | Instr::CompareOp(_)
            | Instr::PopTop
            | Instr::UnaryNeg
            | Instr::Copy(_)
            | Instr::Swap(_)
            | Instr::LoadMethod(_)
            | Instr::LoadFastMethod(_)
            | Instr::LoadDeref(_)
            | Instr::LoadSuperMethod(_)
            | Instr::PushNull
            | Instr::Call(_) => true,
            Instr::BinaryOp(op) | Instr::InplaceOp(op) => arith_supported(op),
            Instr::Jump(_)
            | Instr::PopJumpIfFalse(_)
            | Instr::PopJumpIfTrue(_)
            | Instr::CompareJump(_)
            | Instr::IsJump(_)
            | Instr::IsOp(_)
            | Instr::UnaryNot
            | Instr::JumpIfTrueOrPop(_)
            | Instr::JumpIfFalseOrPop(_)
            | Instr::GetIter
            | Instr::ForIter(_)
            | Instr::ForIterBack(_) => true,
            _ => false,
        })
}

/// Whether a built-in runs no Python code when its arguments are numbers, strs
/// or None: the functions of `math`, and the builtins that only compute.
fn pure_on_plain(b: &Builtin) -> bool {
    match b.owner {
        "math" => true,
        "builtins" => matches!(
            b.name,
            "abs" | "min" | "max" | "len" | "round" | "divmod" | "pow" | "chr" | "ord" | "hash"
        ),
        _ => false,
    }
}

/// Whether an `__init__` never rebinds or deletes its `self` and returns no
/// constant but None: its inlined returns then give the caller the instance in its
/// first slot, as the class call does. (A `Return` of a computed value refuses the
/// inlining where it is reached: `inline_return`.)
fn init_keeps_self(code: &Code) -> bool {
    keeps_arguments(code, 1)
        && code.instrs.iter().all(|instr| match *instr {
            Instr::ReturnConst(i) => matches!(code.consts.get(i as usize), Some(Value::None)),
            _ => true,
        })
}

/// Whether `code` never rebinds nor deletes its first `n` local slots.
pub(super) fn keeps_arguments(code: &Code, n: u32) -> bool {
    !code
        .instrs
        .iter()
        .any(|i| matches!(*i, Instr::StoreFast(k) | Instr::DeleteFast(k) if k < n))
}

impl Translator<'_> {
    /// `Call(n)`: a call of a built-in or Python function; anything else exits there.
    /// A Python function known or expected there whose body is a leaf is inlined.
    pub(super) fn call(&mut self, pc: u32, n: u32) -> Result<Flow, Refusal> {
        let n = n as usize;
        let Some(below) = self.stack.len().checked_sub(n + 2) else {
            return Err(Refusal {
                pc,
                why: "an instruction takes more values than the stack holds",
            });
        };
        // An inlined callee must not run twice either (a lazily read local found
        // unbound after it would send the frame back before the call).
        self.take_lazy_locals(n + 2);
        if self.range_call(pc, below, n) {
            return Ok(Flow::Next(pc + 1));
        }
        let polymorphic = self.stack.get(below).is_some_and(|e| e.known_also > 0);
        let why = match self.inline_plan(below, n) {
            Ok(_) if polymorphic => match self.inline_polymorphic(pc, below, n) {
                Ok(flow) => return Ok(flow),
                Err(why) => why,
            },
            Ok(plan) => {
                let before = self.snapshot();
                let exits = self.guard_exits(pc);
                match self.inline_call(pc, below, plan, exits) {
                    Ok(flow) => return Ok(flow),
                    // A call in the callee could not be inlined: make this one.
                    Err(_) => {
                        self.roll_back(before);
                        "a callee with a call that cannot be inlined"
                    }
                }
            }
            Err(why) => why,
        };
        self.not_inlined.push(why);
        let plain = !self.inline.is_empty();
        if plain && !self.pure_builtin_at(below) {
            return Err(Refusal {
                pc,
                why: "a call in an inlined body that cannot be inlined",
            });
        }
        let exit = self.exit_at(pc, ExitReason::TypeGuard);
        let operands = self.stack.split_off(below);
        let raise = self.exit_at(pc + 1, ExitReason::TypeGuard);
        let dst = self.temp(below);
        self.stack.push(Entry::fixed(Src::Slot(dst)));
        let after = self.exit_at(pc + 1, ExitReason::AfterCall);
        let start = self.operands.len() as u32;
        self.operands.extend(operands[2..].iter().map(|e| e.src));
        self.emit(Op::Call {
            func: operands[0].src,
            recv: operands[1].src,
            args: (start, n as u32),
            dst,
            exit,
            raise,
            after,
            plain,
        });
        Ok(Flow::Next(pc + 1))
    }

    /// Inline the call at `pc` of a polymorphic method site (the callable at depth
    /// `below` is one of the functions its cache saw): each function's body after
    /// a guard that goes on to the next function's guard when it fails, the last
    /// one's leaving the unit; every body ends with the stack in its canonical
    /// slots, where the next instruction finds the call's result. Nothing is kept
    /// unless every body inlines.
    fn inline_polymorphic(
        &mut self,
        pc: u32,
        below: usize,
        n: usize,
    ) -> Result<Flow, &'static str> {
        let Some(&callable) = self.stack.get(below) else {
            return Err("a callee not known at compile time");
        };
        let (Some(first), count) = (callable.known, callable.known_also + 1) else {
            return Err("a callee not known at compile time");
        };
        let before = self.snapshot();
        let entries = self.stack.clone();
        let mut to_join = Vec::new();
        let mut falls_to_next: Option<usize> = None;
        let mut reaches_end = false;
        for k in 0..count {
            self.stack = entries.clone();
            self.stack[below].known = Some(first + k);
            self.stack[below].known_also = 0;
            let guard = self.ops.len();
            if let Some(previous) = falls_to_next.take() {
                if let Op::Inline { otherwise, .. } = &mut self.ops[previous] {
                    *otherwise = Some(guard as OpIndex);
                }
            }
            let flow = match self.inline_plan(below, n) {
                Ok(plan) => {
                    let exits = self.guard_exits(pc);
                    self.inline_call(pc, below, plan, exits)
                }
                Err(why) => {
                    self.roll_back(before);
                    return Err(why);
                }
            };
            match flow {
                Ok(Flow::Next(_)) => {
                    reaches_end = true;
                    self.flush();
                    if k + 1 < count {
                        to_join.push(self.emit(Op::Jump { target: UNRESOLVED }));
                    }
                }
                Ok(_) => {}
                Err(_) => {
                    self.roll_back(before);
                    return Err("a callee with a call that cannot be inlined");
                }
            }
            if k + 1 < count {
                falls_to_next = Some(guard);
            }
        }
        let join = self.ops.len() as OpIndex;
        for jump in to_join {
            retarget(&mut self.ops[jump], Target::Taken, join);
        }
        self.stack = self.canonical(below as u32 + 1);
        self.last_result = None;
        Ok(match reaches_end {
            true => Flow::Next(pc + 1),
            false => Flow::Stop(pc + 1),
        })
    }

    /// Whether the callable at depth `below` is known to be a built-in function
    /// that runs no Python code on numbers and strs, called without a receiver: a
    /// call an inlined body may make (`Op::Call::plain`).
    fn pure_builtin_at(&self, below: usize) -> bool {
        self.no_receiver_at(below)
            && matches!(
                self.known_at(below),
                Some(Value::Builtin(b)) if b.bound.is_none() && pure_on_plain(b)
            )
    }

    /// The value predicted for the stack entry at depth `d`, if any.
    fn known_at(&self, d: usize) -> Option<&Value> {
        let known = self.stack.get(d).and_then(|e| e.known)?;
        self.constants.get(known as usize)
    }

    /// Whether the call whose callable is at depth `below` passes no receiver.
    fn no_receiver_at(&self, below: usize) -> bool {
        matches!(
            self.stack.get(below + 1).map(|e| e.src),
            Some(Src::Const(c)) if self.constants.get(c as usize).is_some_and(Value::is_null)
        )
    }

    /// `range(...)` at `pc` of the built-in `range` (a watched builtin), with one
    /// to three arguments: the unit makes it (`Built::Range`), in an inlined body
    /// too; arguments other than ints leave to the call. False, with nothing
    /// emitted, for any other call.
    fn range_call(&mut self, pc: u32, below: usize, n: usize) -> bool {
        let is_range = matches!(
            self.known_at(below),
            Some(Value::Type(t)) if Rc::ptr_eq(t, &self.scope.types.range)
        );
        if !is_range || !self.no_receiver_at(below) || !(1..=3).contains(&n) {
            return false;
        }
        let exit = self.exit_at(pc, ExitReason::TypeGuard);
        let operands = self.stack.split_off(below);
        let start = self.operands.len() as u32;
        self.operands.extend(operands[2..].iter().map(|e| e.src));
        let dst = self.temp(below);
        self.stack.push(Entry::fixed(Src::Slot(dst)));
        self.emit(Op::Build {
            kind: Built::Range,
            dst,
            items: (start, n as u32),
            exit,
        });
        true
    }

    /// Whether the call whose callable is at depth `below`, with `n` arguments, can
    /// be inlined, and how.
    pub(super) fn inline_plan(&self, below: usize, n: usize) -> Result<InlinePlan, &'static str> {
        if self.inline.len() >= INLINE_DEPTH {
            return Err("calls nested deeper than inlining goes");
        }
        let known = self.stack.get(below).and_then(|e| e.known);
        let Some(constant) = known else {
            return Err("a callee not known at compile time");
        };
        let receiver = match self.stack.get(below + 1).map(|e| e.src) {
            Some(Src::Const(c)) => self.constants.get(c as usize).is_some_and(|v| !v.is_null()),
            _ => true,
        };
        let (func, class) = match self.constants.get(constant as usize) {
            Some(Value::Function(func)) => (func.clone(), None),
            Some(Value::Builtin(_)) => return Err("a built-in function"),
            Some(Value::Type(class)) if !receiver => {
                let Some((init, nslots)) = (self.scope.plain_init)(class) else {
                    return Err("a class");
                };
                if !init_keeps_self(&init.code()) {
                    return Err("a class whose __init__ returns or rebinds self");
                }
                (init, Some((class.clone(), nslots)))
            }
            _ => return Err("a callee other than a Python function"),
        };
        let code = func.code();
        // A class call passes the new instance as `self`.
        let passed = n + (receiver || class.is_some()) as usize;
        let argcount = code.argcount as usize;
        const NOT_PLAIN: u32 =
            flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE;
        // Free variables are read from the function's own cells; cells of its
        // own would have to be made.
        let closure = func.closure.as_ref().map_or(0, |c| c.items.len());
        if code.flags & NOT_PLAIN != 0
            || code.kwonlyargcount != 0
            || !code.cellvars.is_empty()
            || closure != code.freevars.len()
            || passed > argcount
        {
            return Err("a callee that needs argument binding, cells or a generator");
        }
        if !Rc::ptr_eq(&func.globals, self.scope.globals) {
            return Err("a callee of another module");
        }
        let defaults: Vec<Value> = match &*func.defaults.borrow() {
            _ if passed == argcount => Vec::new(),
            Some(d) if argcount - passed <= d.items.len() => {
                d.items[d.items.len() - (argcount - passed)..].to_vec()
            }
            _ => return Err("a call missing arguments"),
        };
        if !is_inlinable(&code) {
            return Err("a long callee or one with an instruction units lack");
        }
        // Inside an inlined callee, the stack must fit below the outermost
        // callee's locals.
        if let Some(outermost) = self.inline.first() {
            if below + code.stacksize as usize + 1 >= outermost.locals_base as usize {
                return Err("calls nested deeper than inlining goes");
            }
        }
        Ok(InlinePlan {
            constant,
            func,
            code,
            receiver,
            defaults,
            class,
            operator: None,
        })
    }

    /// Inline the call at `pc` whose callable is at depth `below`: a guard that the
    /// callable is still the function (its site watched by the function watcher),
    /// its arguments moved into the callee's slots, then the callee's body, whose
    /// value takes the callable's place.
    pub(super) fn inline_call(
        &mut self,
        pc: u32,
        below: usize,
        plan: InlinePlan,
        exits: GuardExits,
    ) -> Result<Flow, Refusal> {
        let operator = plan.operator;
        let site = SiteId(self.sites.len() as u32);
        let op = self.emit(Op::Inline {
            func: self.stack[below].src,
            expected: plan.constant,
            level: self.inline.len() as u32 + 1,
            site,
            exit: exits.mispredicted,
            otherwise: None,
        });
        let mut deps = vec![DepKey::whole(identity(&plan.func))];
        let what = match &plan.class {
            Some((class, _)) => {
                deps.push(DepKey::whole(identity(class)));
                self.classes.push(class.clone());
                format!("inlined class call '{}'", class.name().as_str())
            }
            None => format!(
                "inlined function '{}'",
                plan.func.qualname.borrow().as_str()
            ),
        };
        self.sites.push(Site {
            op: op as OpIndex,
            exit: exits.invalidated,
            deps,
            what,
            global: None,
            cell: None,
            keys: Vec::new(),
        });
        // The function the callee's frame is of: the callable itself, or the
        // class's `__init__`.
        let func = match plan.class {
            Some(_) => self.constant_index(Value::Function(plan.func.clone())),
            None => plan.constant,
        };
        let callee_depth = below + plan.code.stacksize as usize + 1;
        let locals_base = match self.inline.last() {
            None => {
                let calls = plan.code.instrs.iter().any(|i| matches!(i, Instr::Call(_)));
                let reserve = if calls { NESTED_STACK } else { 0 };
                (self.code.stacksize as usize + 1).max(callee_depth + reserve) as u32 + 1
            }
            // Above the locals of the callee it is inlined in.
            Some(outer) => outer.locals_base + outer.nlocals,
        };
        let first = below + if plan.receiver { 1 } else { 2 };
        // A class call's instance is the first argument, made here.
        let made = match &plan.class {
            Some((class, nslots)) => {
                let cls = self.constant_index(Value::Type(class.clone()));
                self.emit(Op::NewInstance {
                    dst: Slot::Temp(locals_base),
                    cls,
                    nslots: *nslots as u32,
                });
                1
            }
            None => 0,
        };
        let params = self.stack.len() - first + made;
        for (k, d) in (first..self.stack.len()).enumerate() {
            self.move_entry(d, Slot::Temp(locals_base + (made + k) as u32));
        }
        for (k, v) in plan.defaults.iter().enumerate() {
            let src = self.constant(v.clone());
            let dst = Slot::Temp(locals_base + (params + k) as u32);
            self.emit(Op::Move {
                dst,
                src,
                unbound: None,
            });
        }
        let nlocals = plan.code.nlocals() as u32;
        for i in plan.code.argcount..nlocals {
            self.emit(Op::Clear {
                slot: Slot::Temp(locals_base + i),
            });
        }
        self.temps = self.temps.max(locals_base + nlocals);
        self.stack.truncate(below);
        let caller_entries = self.stack.clone();
        let caller = std::mem::replace(&mut self.code, plan.code.clone());
        self.inline.push(InlineCtx {
            func,
            gives: match (&plan.class, plan.operator) {
                (Some(_), _) => Returns::Instance,
                (None, Some(op)) => Returns::Operator(op),
                (None, None) => Returns::Value,
            },
            caller,
            caller_pc: pc + 1,
            below,
            locals_base,
            nlocals,
            returns: Vec::new(),
            straight: false,
        });
        let ended = self.inline_body(below);
        let ctx = self.inline.pop();
        let straight = ctx.as_ref().is_some_and(|c| c.straight);
        if let Some(ctx) = ctx {
            self.code = ctx.caller;
        }
        // The returns of a body with branches flushed the caller's entries to their
        // canonical slots, holding what they held: a constant is still that
        // constant (a null receiver still says there is none), and a callable known
        // there is still known (the next call may inline it). A straight body left
        // them as they were.
        if straight {
            self.stack.truncate(below);
        } else {
            let mut canonical = self.canonical(below as u32);
            for (entry, before) in canonical.iter_mut().zip(&caller_entries) {
                match before.src {
                    Src::Const(_) => *entry = *before,
                    Src::Slot(_) => {
                        entry.known = before.known;
                        entry.known_also = before.known_also;
                    }
                }
            }
            self.stack = canonical;
        }
        let result = self.temp(below);
        let ended = ended?;
        if let (true, Some(op)) = (ended, operator) {
            let raise = self.exit_at(pc + 1, ExitReason::TypeGuard);
            let operand = |k: u32| Src::Slot(Slot::Temp(locals_base + k));
            self.emit(Op::OperatorResult {
                value: result,
                a: operand(0),
                b: operand(1),
                op,
                raise,
            });
        }
        self.stack.push(Entry::fixed(Src::Slot(result)));
        self.last_result = None;
        Ok(match ended {
            true => Flow::Next(pc + 1),
            // The body always leaves before its end: nothing follows the call.
            false => Flow::Stop(pc + 1),
        })
    }

    /// Translate an inlined callee's whole body as a region of its own (its blocks
    /// keyed by its pcs, the caller's set aside meanwhile); each return moves its
    /// value into the call's result temporary and jumps past the body. False when
    /// no return is reached (every path exits before).
    fn inline_body(&mut self, below: usize) -> Result<bool, Refusal> {
        let end = self.code.instrs.len().saturating_sub(1) as u32;
        let saved = Region {
            start: std::mem::replace(&mut self.start, 0),
            end: std::mem::replace(&mut self.end, end),
            block_at: std::mem::take(&mut self.block_at),
            block_depth: std::mem::take(&mut self.block_depth),
            fixups: std::mem::take(&mut self.fixups),
            out_of_loop: std::mem::take(&mut self.out_of_loop),
            out_of_loop_done: std::mem::take(&mut self.out_of_loop_done),
        };
        // A body with branches is blocks from its start, which begin from the
        // canonical stack: the caller's entries are moved there first, and every
        // return leaves them there. A straight-line body runs on from the stack as
        // it stands.
        let straight = is_straight(&self.code);
        if !straight {
            self.flush();
            self.block_depth.insert(0, below as u32);
        }
        if let Some(ctx) = self.inline.last_mut() {
            ctx.straight = straight;
        }
        let translated = self.translate(straight);
        self.start = saved.start;
        self.end = saved.end;
        self.block_at = saved.block_at;
        self.block_depth = saved.block_depth;
        self.fixups = saved.fixups;
        self.out_of_loop = saved.out_of_loop;
        self.out_of_loop_done = saved.out_of_loop_done;
        translated?;
        if straight {
            return Ok(true);
        }
        let returns = self
            .inline
            .last_mut()
            .map(|c| std::mem::take(&mut c.returns))
            .unwrap_or_default();
        let after = self.ops.len() as OpIndex;
        for &jump in &returns {
            retarget(&mut self.ops[jump], Target::Taken, after);
        }
        Ok(!returns.is_empty())
    }

    /// A return in an inlined callee: its value into the call's result temporary,
    /// then a jump past the callee's body (set when the body is done).
    pub(super) fn inline_return(&mut self, pc: u32, instr: Instr) -> Result<Flow, Refusal> {
        let Some((below, init, locals_base)) = self
            .inline
            .last()
            .map(|c| (c.below, c.gives == Returns::Instance, c.locals_base))
        else {
            return Ok(self.unsupported(pc));
        };
        // An `__init__` returns None (`init_keeps_self`): the caller gets the
        // instance. One that returns a computed value is not inlined.
        let value = match (init, instr) {
            (true, Instr::ReturnConst(_)) => Entry::fixed(Src::Slot(Slot::Temp(locals_base))),
            (true, _) => {
                return Err(Refusal {
                    pc,
                    why: "an __init__ that returns a value",
                })
            }
            (false, _) => self.returned(pc, instr)?,
        };
        self.stack.truncate(below);
        self.stack.push(value);
        let dst = self.temp(below);
        self.move_entry(below, dst);
        if self.inline.last().is_some_and(|c| c.straight) {
            // The one return, at the end: the caller goes on from here.
            return Ok(Flow::Stop(pc + 1));
        }
        // Every return leaves the caller's entries where the others do.
        self.flush();
        let jump = self.emit(Op::Jump { target: UNRESOLVED });
        if let Some(ctx) = self.inline.last_mut() {
            ctx.returns.push(jump);
        }
        Ok(Flow::Stop(pc + 1))
    }

    /// The exits of an inlined call's guard at `pc`, the stack as it stands.
    pub(super) fn guard_exits(&mut self, pc: u32) -> GuardExits {
        GuardExits {
            mispredicted: self.exit_at(pc, ExitReason::Mispredicted),
            invalidated: self.exit_at(pc, ExitReason::Invalidated),
        }
    }

    /// `obj.name` at `pc` where the interpreter's cache saw a property whose
    /// getter is the Python function `getter`: the getter (through an attribute
    /// site filled per receiver class, `Op::Getter`) called with the receiver as
    /// its one argument, inlined. An exit before its body resumes at the load,
    /// one inside it after the load with the getter's frame pushed (whose return
    /// value the load leaves). None, with nothing emitted, when the getter does
    /// not inline.
    pub(super) fn inline_getter(
        &mut self,
        pc: u32,
        name: &Rc<PyStr>,
        getter: Value,
    ) -> Result<Option<Flow>, Refusal> {
        let before = self.snapshot();
        let exit = self.exit_at(pc, ExitReason::AttrGuard);
        let exits = self.guard_exits(pc);
        let obj = self.pop(pc)?;
        let below = self.stack.len();
        let (dst, recv) = (self.temp(below), self.temp(below + 1));
        let expected = self.constant_index(getter);
        self.stack.push(Entry::known(Src::Slot(dst), expected));
        self.stack.push(Entry::fixed(Src::Slot(recv)));
        let plan = match self.inline_plan(below, 0) {
            Ok(plan) => plan,
            Err(why) => {
                self.roll_back(before);
                self.not_inlined.push(why);
                return Ok(None);
            }
        };
        let attr = self.attrs.len() as u32;
        let op = self.emit(Op::Getter {
            dst,
            recv,
            obj: obj.src,
            attr,
            exit,
        });
        self.add_attr_site(op, exit, name.clone(), AttrAccess::Getter, None);
        match self.inline_call(pc, below, plan, exits) {
            Ok(flow) => Ok(Some(flow)),
            Err(_) => {
                self.roll_back(before);
                self.not_inlined
                    .push("a getter with a call that cannot be inlined");
                Ok(None)
            }
        }
    }

    pub(super) fn snapshot(&self) -> Snapshot {
        Snapshot {
            ops: self.ops.len(),
            constants: self.constants.len(),
            cells: self.cells.len(),
            operands: self.operands.len(),
            assumed: self.assumed.len(),
            classes: self.classes.len(),
            sites: self.sites.len(),
            attrs: self.attrs.len(),
            exits: self.exits.len(),
            steps: self.steps.len(),
            stack: self.stack.clone(),
            temps: self.temps,
            not_inlined: self.not_inlined.len(),
        }
    }

    pub(super) fn roll_back(&mut self, to: Snapshot) {
        self.ops.truncate(to.ops);
        self.constants.truncate(to.constants);
        self.cells.truncate(to.cells);
        self.operands.truncate(to.operands);
        self.assumed.truncate(to.assumed);
        self.classes.truncate(to.classes);
        self.sites.truncate(to.sites);
        self.attrs.truncate(to.attrs);
        self.exits.truncate(to.exits);
        self.steps.truncate(to.steps);
        self.stack = to.stack;
        self.temps = to.temps;
        self.not_inlined.truncate(to.not_inlined);
        self.last_result = None;
    }
}

//! Binary operators on instances of Python classes: the method the operator calls
//! (`a.__sub__(b)`) inlined as a call, for the operand classes the interpreter's
//! profile saw there (`profile::operands_seen`).
//!
//! The operator's protocol is kept exactly by what is guarded: both operands'
//! classes exactly (so no subclass's reflected method can come first), a left
//! class made of Python classes only (no built-in part answers first), and a
//! right operand of the same class or an int or a float (whose reflected methods
//! decline natively). A change to either class empties the guard (type watcher).
//! When the method returns NotImplemented, the rest of the protocol follows the
//! body (`Op::OperatorResult`), and a frame of the method rebuilt by an exit goes
//! on with it too (`Vm::push_resumed_operator_frame`).
//!
//! Depends on the rest of `specialise` (the translator, its stack and its calls)
//! and on `profile`.

use super::calls::keeps_arguments;
use super::*;
use tripwire_core::object::str::intern;

impl Translator<'_> {
    /// `a <op> b` at `pc` (both on the stack): the method the operator calls for
    /// the classes the profile saw, inlined behind a guard on both operands'
    /// classes. None, with nothing emitted, when the profile saw none, the classes
    /// are not of the kinds above, or the method does not inline.
    pub(super) fn inline_operator(&mut self, pc: u32, op: BinOp) -> Result<Option<Flow>, Refusal> {
        let Some((left, right)) = profile::operands_seen(&self.code, pc) else {
            return Ok(None);
        };
        let Some(method) = self.operator_method(op, &left, &right) else {
            return Ok(None);
        };
        let before = self.snapshot();
        let exits = self.guard_exits(pc);
        let b = self.pop(pc)?;
        let a = self.pop(pc)?;
        let below = self.stack.len();
        let (left_c, right_c) = (
            self.constant_index(Value::Type(left.clone())),
            self.constant_index(Value::Type(right.clone())),
        );
        let guard = self.emit(Op::OperandTypes {
            a: a.src,
            b: b.src,
            left: left_c,
            right: right_c,
            exit: exits.mispredicted,
        });
        let mut deps = vec![DepKey::whole(identity(&left))];
        self.classes.push(left.clone());
        if !Rc::ptr_eq(&left, &right) && !right.builtin {
            deps.push(DepKey::whole(identity(&right)));
            self.classes.push(right.clone());
        }
        self.sites.push(Site {
            op: guard as OpIndex,
            exit: exits.invalidated,
            deps,
            what: format!("operator '{}' of '{}'", op.symbol(), left.name().as_str()),
            global: None,
            cell: None,
            keys: Vec::new(),
        });
        let expected = self.constant_index(method);
        self.stack
            .push(Entry::known(Src::Const(expected), expected));
        self.stack.push(a);
        self.stack.push(b);
        let mut plan = match self.inline_plan(below, 1) {
            Ok(plan) => plan,
            Err(why) => {
                self.roll_back(before);
                self.not_inlined.push(why);
                return Ok(None);
            }
        };
        if !keeps_arguments(&plan.code, 2) {
            self.roll_back(before);
            self.not_inlined
                .push("an operator method that rebinds its operands");
            return Ok(None);
        }
        plan.operator = Some(op);
        match self.inline_call(pc, below, plan, exits) {
            Ok(flow) => Ok(Some(flow)),
            Err(_) => {
                self.roll_back(before);
                self.not_inlined
                    .push("an operator method with a call that cannot be inlined");
                Ok(None)
            }
        }
    }

    /// The Python function `a <op> b` calls first for operands of exactly the
    /// classes `left` and `right`, when the guard on them keeps the rest of the
    /// protocol out: see the module's comment.
    fn operator_method(&self, op: BinOp, left: &TypeRef, right: &TypeRef) -> Option<Value> {
        let types = self.scope.types;
        let python_only = left
            .mro
            .borrow()
            .iter()
            .all(|t| !t.builtin || Rc::ptr_eq(t, &types.object));
        let right_ok = Rc::ptr_eq(left, right)
            || Rc::ptr_eq(right, &types.int)
            || Rc::ptr_eq(right, &types.float);
        if left.builtin || !python_only || !right_ok {
            return None;
        }
        match left.lookup(&intern(op.dunder())) {
            Some(f @ Value::Function(_)) => Some(f),
            _ => None,
        }
    }
}

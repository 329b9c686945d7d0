//! Operator protocols: arithmetic with `__op__` / `__rop__` dispatch, rich comparison,
//! truth, hashing, equality, `repr` / `str`, and subscripting.
//!
//! Built-in kinds take direct paths; everything else goes through the type's special
//! methods as CPython's abstract object layer does.

use super::{PyErr, PyResult, Vm};
use crate::builtins::generic_alias;
use crate::code::{BinOp, CmpOp};
use crate::object::bigint::{self, IntRef};
use crate::object::dict::Probe;
use crate::object::{float, ObjKind, PyStr, Value};
use std::cmp::Ordering;
use std::rc::Rc;

/// How CPython's RecursionError names a comparison too deep.
const IN_COMPARISON: &str = " in comparison";

/// Int or float arithmetic that needs no error handling, or None to take the general
/// path (the evaluation loop's fast path for both plain and augmented operators).
#[inline(always)]
pub fn number_fast(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => int_fast(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => float_fast(op, *x, *y),
        _ => None,
    }
}

/// Int op int giving an int, without overflow or errors.
#[inline(always)]
pub fn int_fast_i64(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        BinOp::And => Some(x & y),
        BinOp::Or => Some(x | y),
        BinOp::Xor => Some(x ^ y),
        BinOp::FloorDiv if y > 0 && x >= 0 => Some(x / y),
        BinOp::Mod if y > 0 && x >= 0 => Some(x % y),
        _ => None,
    }
}

/// Float op float giving a float, without errors.
#[inline(always)]
pub fn float_fast_f64(op: BinOp, x: f64, y: f64) -> Option<f64> {
    match op {
        BinOp::Add => Some(x + y),
        BinOp::Sub => Some(x - y),
        BinOp::Mul => Some(x * y),
        BinOp::TrueDiv if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// Int op int without overflow or errors, or None to take the general path.
#[inline]
pub fn int_fast(op: BinOp, x: i64, y: i64) -> Option<Value> {
    if op == BinOp::TrueDiv {
        // Exact in f64 below 2**53, so the quotient is correctly rounded.
        return (y != 0 && x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53))
            .then(|| Value::Float(x as f64 / y as f64));
    }
    int_fast_i64(op, x, y).map(Value::Int)
}

#[inline]
pub fn float_fast(op: BinOp, x: f64, y: f64) -> Option<Value> {
    float_fast_f64(op, x, y).map(Value::Float)
}

/// A comparison of two ints or two floats, answered without a call; None for other
/// operands.
#[inline(always)]
pub fn compare_immediates(op: CmpOp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(cmp_ord(op, x.cmp(y))),
        (Value::Float(x), Value::Float(y)) => Some(cmp_f64(op, *x, *y)),
        _ => None,
    }
}

#[inline]
pub fn cmp_ord(op: CmpOp, o: Ordering) -> bool {
    match op {
        CmpOp::Lt => o == Ordering::Less,
        CmpOp::Le => o != Ordering::Greater,
        CmpOp::Eq => o == Ordering::Equal,
        CmpOp::Ne => o != Ordering::Equal,
        CmpOp::Gt => o == Ordering::Greater,
        CmpOp::Ge => o != Ordering::Less,
    }
}

#[inline]
pub fn cmp_f64(op: CmpOp, x: f64, y: f64) -> bool {
    match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Eq => x == y,
        CmpOp::Ne => x != y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
    }
}

/// An int-like operand (int or bool).
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    match v {
        Value::Int(i) => Some(IntRef::Small(*i)),
        Value::Bool(b) => Some(IntRef::Small(*b as i64)),
        Value::BigInt(b) => Some(IntRef::Big(b)),
        Value::Instance(i) => match &i.base {
            crate::object::Base::Value(_) => None,
            _ => None,
        },
        _ => None,
    }
}

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

impl Vm {
    /// The built-in value inside an instance of a subclass of a built-in type.
    pub fn builtin_base(&self, v: &Value) -> Option<Value> {
        match v {
            Value::Instance(i) => i.base_value(),
            _ => None,
        }
    }

    fn numeric_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::And => return Ok(Some(Value::Bool(x & y))),
                BinOp::Or => return Ok(Some(Value::Bool(x | y))),
                BinOp::Xor => return Ok(Some(Value::Bool(x ^ y))),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return self.int_op(op, x, y).map(Some);
        }
        let fa = as_float(a).or_else(|| as_int(a).and_then(|i| i.to_f64()));
        let fb = as_float(b).or_else(|| as_int(b).and_then(|i| i.to_f64()));
        if matches!(a, Value::Float(_)) || matches!(b, Value::Float(_)) {
            if matches!(
                op,
                BinOp::LShift | BinOp::RShift | BinOp::And | BinOp::Or | BinOp::Xor | BinOp::MatMul
            ) {
                return Ok(None);
            }
            if let (Some(x), Some(y)) = (fa, fb) {
                return self.float_op(op, x, y).map(Some);
            }
            if as_int(a).is_some() || as_int(b).is_some() {
                return Err(self.overflow_error("int too large to convert to float"));
            }
        }
        if crate::builtins::complex::either_is_complex(a, b) {
            return crate::builtins::complex::binary_op(self, op, a, b);
        }
        Ok(None)
    }

    fn int_op(&mut self, op: BinOp, x: IntRef, y: IntRef) -> PyResult<Value> {
        Ok(match op {
            BinOp::Add => bigint::add(x, y),
            BinOp::Sub => bigint::sub(x, y),
            BinOp::Mul => bigint::mul(x, y),
            BinOp::FloorDiv => bigint::floordiv(x, y)
                .ok_or_else(|| self.zero_division("integer division or modulo by zero"))?,
            BinOp::Mod => {
                bigint::modulo(x, y).ok_or_else(|| self.zero_division("integer modulo by zero"))?
            }
            BinOp::TrueDiv => match bigint::truediv(x, y) {
                Ok(q) => Value::Float(q),
                Err(bigint::TrueDivError::ZeroDivision) => {
                    return Err(self.zero_division("division by zero"))
                }
                Err(bigint::TrueDivError::Overflow) => {
                    return Err(self.overflow_error("integer division result too large for a float"))
                }
            },
            BinOp::Pow => {
                if y.is_negative() {
                    // CPython converts both operands to floats first.
                    let (Some(fx), Some(fy)) = (x.to_f64(), y.to_f64()) else {
                        return Err(self.overflow_error("int too large to convert to float"));
                    };
                    return self.float_op(BinOp::Pow, fx, fy);
                }
                bigint::pow(x, y).map_err(|e| self.int_error(e))?
            }
            BinOp::And => bigint::bitand(x, y),
            BinOp::Or => bigint::bitor(x, y),
            BinOp::Xor => bigint::bitxor(x, y),
            BinOp::LShift | BinOp::RShift => {
                if y.is_negative() {
                    return Err(self.value_error("negative shift count"));
                }
                let n = match y {
                    IntRef::Small(n) => Some(n as u128),
                    IntRef::Big(n) => num_traits::ToPrimitive::to_u128(n),
                };
                if op == BinOp::LShift {
                    bigint::shl(x, n).map_err(|e| self.int_error(e))?
                } else {
                    bigint::shr(x, n.and_then(|n| u64::try_from(n).ok()))
                }
            }
            BinOp::MatMul => return Err(self.unsupported(op, &Value::Int(0), &Value::Int(0))),
        })
    }

    /// The exception for an int result that cannot be built.
    pub fn int_error(&self, e: bigint::IntError) -> PyErr {
        match e {
            bigint::IntError::TooManyDigits => self.overflow_error("too many digits in integer"),
            bigint::IntError::NoMemory => self.new_error(&self.types.memory_error, ""),
        }
    }

    pub fn float_op(&mut self, op: BinOp, x: f64, y: f64) -> PyResult<Value> {
        Ok(Value::Float(match op {
            BinOp::Add => x + y,
            BinOp::Sub => x - y,
            BinOp::Mul => x * y,
            BinOp::TrueDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float division by zero"));
                }
                x / y
            }
            BinOp::FloorDiv => {
                if y == 0.0 {
                    return Err(self.zero_division("float floor division by zero"));
                }
                float_divmod(x, y).0
            }
            BinOp::Mod => {
                if y == 0.0 {
                    return Err(self.zero_division("float modulo by zero"));
                }
                float_divmod(x, y).1
            }
            BinOp::Pow => return self.float_pow(x, y),
            _ => {
                return Err(self.unsupported(op, &Value::Float(x), &Value::Float(y)));
            }
        }))
    }

    pub fn float_pow(&mut self, x: f64, y: f64) -> PyResult<Value> {
        if x == 0.0 && y < 0.0 {
            return Err(self.zero_division("0.0 cannot be raised to a negative power"));
        }
        if x < 0.0 && y.fract() != 0.0 && y.is_finite() {
            use crate::builtins::complex::{power, C};
            return power(self, C { re: x, im: 0.0 }, C { re: y, im: 0.0 });
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(self.new_error_args(
                &self.types.overflow_error.clone(),
                vec![Value::Int(34), Value::str("Numerical result out of range")],
            ));
        }
        Ok(Value::Float(r))
    }

    pub fn new_error_args(&self, cls: &crate::object::TypeRef, args: Vec<Value>) -> PyErr {
        PyErr::from_value(self.new_exception(cls, args))
    }

    fn unsupported(&self, op: BinOp, a: &Value, b: &Value) -> PyErr {
        self.type_error(format!(
            "unsupported operand type(s) for {}: '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// Sequence operations of built-in kinds: concatenation and repetition.
    fn sequence_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        Ok(Some(match (op, a, b) {
            (BinOp::Add, Value::Str(x), Value::Str(y))
                if x.has_surrogates() || y.has_surrogates() =>
            {
                crate::builtins::str::concat(&[a.clone(), b.clone()])
            }
            (BinOp::Add, Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Value::from_string(s)
            }
            (BinOp::Add, Value::List(x), Value::List(y)) => {
                let mut v = x.snapshot();
                v.extend(y.items.borrow().iter().cloned());
                Value::list(v)
            }
            (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Value::tuple(v)
            }
            (BinOp::Mul, seq, n) | (BinOp::Mul, n, seq)
                if matches!(
                    seq,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Obj(_)
                ) && matches!(n, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
            {
                let count = match n {
                    Value::Int(i) => (*i).max(0) as usize,
                    Value::Bool(b) => *b as usize,
                    _ => {
                        return Err(
                            self.overflow_error("cannot fit 'int' into an index-sized integer")
                        )
                    }
                };
                match seq {
                    Value::Str(s) => self.repeat_str(s, count)?,
                    Value::List(l) => Value::list(self.repeat_items(&l.snapshot(), count)?),
                    Value::Tuple(t) => Value::tuple(self.repeat_items(&t.items, count)?),
                    Value::Obj(o) => match &o.kind {
                        ObjKind::Bytes(b) => {
                            if b.len()
                                .checked_mul(count)
                                .is_none_or(|n| n > isize::MAX as usize)
                            {
                                return Err(self.overflow_error("repeated bytes are too long"));
                            }
                            crate::builtins::bytes::new_bytes(self.repeat_items(b, count)?)
                        }
                        ObjKind::ByteArray(b) => {
                            let data = b.data.borrow().clone();
                            crate::builtins::bytearray::new_bytearray(
                                self.repeat_items(&data, count)?,
                            )
                        }
                        _ => return Ok(None),
                    },
                    _ => return Ok(None),
                }
            }
            (BinOp::Mod, Value::Str(fmt), args) => {
                return crate::builtins::str::percent(self, fmt, args).map(Some)
            }
            (BinOp::Mod, Value::Obj(x), args)
                if matches!(x.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_)) =>
            {
                return crate::builtins::bytes_methods::percent(self, a, args).map(Some)
            }
            (BinOp::Add, Value::Obj(x), Value::Obj(_))
                if matches!(x.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_)) =>
            {
                use crate::builtins::bytearray::{bytes_like, new_bytearray};
                let (Some(mut v), Some(w)) = (bytes_like(a), bytes_like(b)) else {
                    return Ok(None);
                };
                v.extend(w);
                match x.kind {
                    ObjKind::ByteArray(_) => new_bytearray(v),
                    _ => crate::builtins::bytes::new_bytes(v),
                }
            }
            (BinOp::Or, Value::Dict(x), Value::Dict(y)) => {
                let d = crate::object::Dict::new_rc();
                self.dict_merge(&d, &Value::Dict(x.clone()), false)?;
                self.dict_merge(&d, &Value::Dict(y.clone()), false)?;
                Value::Dict(d)
            }
            (_, Value::Set(x), Value::Set(y))
                if matches!(op, BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor) =>
            {
                return crate::builtins::set::set_binop(self, op, x, y).map(Some)
            }
            // Key and item views act as sets with any iterable on the other side
            // (`keys() - list` too); a class instance on the left has its dunder first.
            (BinOp::And, x, y)
                if is_set_view(x) || is_set_view(y) && !matches!(x, Value::Instance(_)) =>
            {
                // The items of the other operand that the view contains, so an
                // unhashable item that cannot be in the view is no error.
                let (view, other) = if is_set_view(x) { (x, y) } else { (y, x) };
                let result = self.new_set(Vec::new(), false)?;
                let Value::Set(found) = &result else {
                    return Ok(None);
                };
                let items = self.get_iter(other)?;
                while let Some(item) = self.next(&items)? {
                    if self.contains(view, &item)? {
                        self.set_add(found, item)?;
                    }
                }
                return Ok(Some(result));
            }
            (BinOp::Or | BinOp::Sub | BinOp::Xor, x, y)
                if is_set_view(x) || is_set_view(y) && !matches!(x, Value::Instance(_)) =>
            {
                let xs = self.collect_iterable(x)?;
                let ys = self.collect_iterable(y)?;
                let (Value::Set(sx), Value::Set(sy)) =
                    (self.new_set(xs, false)?, self.new_set(ys, false)?)
                else {
                    return Ok(None);
                };
                return crate::builtins::set::set_binop(self, op, &sx, &sy).map(Some);
            }
            _ => return Ok(None),
        }))
    }

    /// An operator between built-in values only: None when a dunder must decide.
    pub fn builtin_binary_op(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<Value>> {
        if let Some(v) = self.numeric_op(op, a, b)? {
            return Ok(Some(v));
        }
        self.sequence_op(op, a, b)
    }

    /// A comparison between built-in values only: None when a dunder must decide.
    pub fn builtin_compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        self.compare_builtin(op, a, b)
    }

    /// Record in the empty cache of the binary operator at `at` the classes of its
    /// operands, one an instance of a Python class (`Cache::Operands`).
    #[cold]
    #[inline(never)]
    pub(super) fn note_operands(&self, code: &crate::code::Code, at: usize, a: &Value, b: &Value) {
        let (left, right) = (self.type_of(a), self.type_of(b));
        if let Some(cache) = code.caches.borrow_mut().get_mut(at) {
            *cache = crate::code::Cache::Operands {
                left: Rc::downgrade(&left),
                right: Rc::downgrade(&right),
            };
        }
    }

    /// `a <op> b`.
    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(v) = self.numeric_op(op, a, b)? {
            return Ok(v);
        }
        if let Some(v) = self.sequence_op(op, a, b)? {
            return Ok(v);
        }
        self.binary_dunder(op, a, b)
    }

    /// `a | b` of types (PEP 604): a `types.UnionType`, or None when either side
    /// is not a type, None or a union.
    fn type_union(&self, a: &Value, b: &Value) -> Option<Value> {
        let mut members: Vec<Value> = Vec::new();
        for side in [a, b] {
            let parts = match side {
                Value::Obj(o) => match &o.kind {
                    ObjKind::UnionType(parts) => parts.to_vec(),
                    ObjKind::GenericAlias(_) => vec![side.clone()],
                    _ => return None,
                },
                Value::Instance(_) if generic_alias::alias_value(side).is_some() => {
                    vec![side.clone()]
                }
                Value::Type(_) => vec![side.clone()],
                Value::None => vec![Value::Type(self.types.none.clone())],
                _ => return None,
            };
            for part in parts {
                let seen = members.iter().any(|m| match (m, &part) {
                    (Value::Type(x), Value::Type(y)) => Rc::ptr_eq(x, y),
                    (x, y) => match (generic_alias::of(x), generic_alias::of(y)) {
                        (Some(x), Some(y)) => generic_alias::same(x, y),
                        _ => false,
                    },
                });
                if !seen {
                    members.push(part);
                }
            }
        }
        Some(match <[Value; 1]>::try_from(members) {
            Ok([single]) => single,
            Err(members) => Value::obj(
                self.types.union_type.clone(),
                ObjKind::UnionType(members.into_boxed_slice()),
            ),
        })
    }

    fn binary_dunder(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let rname = self.names.binop_reflected(op).clone();
        let name = self.names.binop_dunder(op).clone();
        // A subclass's reflected method takes precedence.
        let rhs_first = !same && tb.is_subtype(&ta) && tb.lookup(&rname).is_some();
        if rhs_first {
            if let Some(v) = self.try_dunder(b, &rname, a)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.try_dunder(a, &name, b)? {
            return Ok(v);
        }
        let reflected = (!same && !rhs_first).then_some(&rname);
        self.binary_op_rest(op, a, b, reflected)
    }

    /// `a <op> b` after `a.__op__(b)` returned NotImplemented, in an operation where
    /// no reflected method of a subclass of `a`'s class went first: the rest of the
    /// operator's protocol (`b.__rop__(a)`, then the built-in parts, then the
    /// TypeError). For an extension that ran the method by other means
    /// (`Vm::push_resumed_operator_frame`).
    pub fn binary_op_after_left(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        let rname = self.names.binop_reflected(op).clone();
        let same = Rc::ptr_eq(&self.type_of(a), &self.type_of(b));
        self.binary_op_rest(op, a, b, (!same).then_some(&rname))
    }

    /// The protocol of `a <op> b` after its left method: `b`'s `reflected`
    /// method when it is still to be tried, then the built-in parts.
    fn binary_op_rest(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
        reflected: Option<&Rc<PyStr>>,
    ) -> PyResult<Value> {
        if let Some(rname) = reflected {
            if let Some(v) = self.try_dunder(b, rname, a)? {
                return Ok(v);
            }
        }
        if op == BinOp::Or {
            if let Some(union) = self.type_union(a, b) {
                return Ok(union);
            }
        }
        // Built-in subclasses: operate on the built-in part.
        let ba = self.builtin_base(a);
        let bb = self.builtin_base(b);
        if ba.is_some() || bb.is_some() {
            let x = ba.unwrap_or_else(|| a.clone());
            let y = bb.unwrap_or_else(|| b.clone());
            if let Some(v) = self.numeric_op(op, &x, &y)? {
                return Ok(v);
            }
            if let Some(v) = self.sequence_op(op, &x, &y)? {
                return Ok(v);
            }
        }
        let is_sequence = |v: &Value| {
            matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_))
                || matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_) | ObjKind::ByteArray(_)))
        };
        if op == BinOp::Mul && (is_sequence(a) || is_sequence(b)) {
            let (seq, other) = if is_sequence(a) { (a, b) } else { (b, a) };
            if let Some(n) = self.index_value(other)? {
                if let Some(v) = self.sequence_op(op, seq, &Value::Int(n))? {
                    return Ok(v);
                }
            }
            return Err(self.type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                self.type_name(other)
            )));
        }
        if op == BinOp::Add {
            if crate::builtins::format::is_bytes(a)
                || crate::builtins::bytearray::as_bytearray(a).is_some()
            {
                return Err(self.type_error(format!(
                    "can't concat {} to {}",
                    self.type_name(b),
                    self.type_name(a)
                )));
            }
            if let Value::Str(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    self.type_name(b)
                )));
            }
            if let Value::List(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    self.type_name(b)
                )));
            }
            if let Value::Tuple(_) = a {
                return Err(self.type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    self.type_name(b)
                )));
            }
        }
        Err(self.unsupported(op, a, b))
    }

    /// Call `recv.name(arg)` if the type defines it; None if absent or NotImplemented.
    fn try_dunder(
        &mut self,
        recv: &Value,
        name: &Rc<PyStr>,
        arg: &Value,
    ) -> PyResult<Option<Value>> {
        let t = self.type_of(recv);
        if t.builtin && !matches!(recv, Value::Instance(_)) {
            return Ok(None);
        }
        let Some(m) = t.lookup(name) else {
            return Ok(None);
        };
        if matches!(m, Value::Builtin(_)) && !matches!(recv, Value::Instance(_)) {
            return Ok(None);
        }
        let r = self.call_method_value(m, recv, std::slice::from_ref(arg))?;
        if self.is_not_implemented(&r) {
            Ok(None)
        } else {
            Ok(Some(r))
        }
    }

    pub fn is_not_implemented(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::NotImplemented))
    }

    /// `a <op>= b`.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect_iterable(b)?;
                l.items.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Or, Value::Dict(d)) => {
                self.dict_merge(d, b, false)?;
                return Ok(a.clone());
            }
            (BinOp::Or | BinOp::And | BinOp::Sub | BinOp::Xor, Value::Set(s)) if !s.frozen => {
                if let Value::Set(o) = b {
                    crate::builtins::set::set_inplace(self, op, s, o)?;
                    return Ok(a.clone());
                }
            }
            (_, Value::Instance(_) | Value::Obj(_)) => {
                if let Some(v) = crate::builtins::bytearray::inplace_op(self, op, a, b)? {
                    return Ok(v);
                }
                let name = self.names.binop_inplace(op).clone();
                if let Some(v) = self.try_dunder(a, &name, b)? {
                    return Ok(v);
                }
                if let Some(Value::List(l)) = self.builtin_base(a) {
                    if op == BinOp::Add {
                        let items = self.collect_iterable(b)?;
                        l.items.borrow_mut().extend(items);
                        return Ok(a.clone());
                    }
                }
            }
            _ => {}
        }
        match self.binary_op(op, a, b) {
            Err(e) if op != BinOp::Pow => {
                // Re-word "unsupported operand" for the augmented form.
                let msg = self.exception_str(e.value());
                if msg.starts_with("unsupported operand type(s) for") {
                    return Err(self.type_error(format!(
                        "unsupported operand type(s) for {}=: '{}' and '{}'",
                        op.symbol(),
                        self.type_name(a),
                        self.type_name(b)
                    )));
                }
                Err(e)
            }
            r => r,
        }
    }

    pub fn unary_neg(&mut self, a: &Value) -> PyResult<Value> {
        match a {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                Ok(bigint::neg(as_int(a).unwrap_or(IntRef::Small(0))))
            }
            Value::Float(f) => Ok(Value::Float(-f)),
            _ => match crate::builtins::complex::as_complex(a) {
                Some(c) => Ok(crate::builtins::complex::new_complex(
                    crate::builtins::complex::C {
                        re: -c.re,
                        im: -c.im,
                    },
                )),
                None => self.unary_dunder(a, "__neg__", "-"),
            },
        }
    }

    pub fn unary_pos(&mut self, a: &Value) -> PyResult<Value> {
        match a {
            Value::Int(_) | Value::BigInt(_) | Value::Float(_) => Ok(a.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            _ => match crate::builtins::complex::as_complex(a) {
                Some(c) => Ok(crate::builtins::complex::new_complex(c)),
                None => self.unary_dunder(a, "__pos__", "+"),
            },
        }
    }

    pub fn unary_invert(&mut self, a: &Value) -> PyResult<Value> {
        match as_int(a) {
            Some(i) => Ok(bigint::invert(i)),
            None => self.unary_dunder(a, "__invert__", "~"),
        }
    }

    fn unary_dunder(&mut self, a: &Value, name: &str, sym: &str) -> PyResult<Value> {
        let n = self.intern(name);
        if let Some(m) = self.type_of(a).lookup(&n) {
            if !matches!(m, Value::Builtin(_)) {
                return self.call_method_value(m, a, &[]);
            }
        }
        if let Some(b) = self.builtin_base(a) {
            return match sym {
                "-" => self.unary_neg(&b),
                "+" => self.unary_pos(&b),
                _ => self.unary_invert(&b),
            };
        }
        Err(self.type_error(format!(
            "bad operand type for unary {}: '{}'",
            sym,
            self.type_name(a)
        )))
    }

    /// `bool(v)`.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::None | Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::BigInt(_) => true,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.items.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Instance(_) => {
                let t = self.type_of(v);
                let bool_name = self.names.d_bool.clone();
                if let Some(m) = t.lookup(&bool_name) {
                    let r = self.call_method_value(m, v, &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&r)
                        ))),
                    };
                }
                let len_name = self.names.d_len.clone();
                if t.lookup(&len_name).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                if let Some(b) = self.builtin_base(v) {
                    return self.truthy(&b);
                }
                true
            }
            Value::Obj(o) => match &o.kind {
                ObjKind::Range { start, stop, step } => {
                    crate::builtins::range::range_len(*start, *stop, *step) != 0
                }
                ObjKind::BigRange(r) => !num_traits::Zero::is_zero(&r.len()),
                ObjKind::Bytes(b) => !b.is_empty(),
                ObjKind::Complex(re, im) => *re != 0.0 || *im != 0.0,
                ObjKind::ByteArray(b) => !b.data.borrow().is_empty(),
                ObjKind::MemoryView(m) => {
                    crate::builtins::memoryview::check_live(self, m)?;
                    m.len != 0
                }
                ObjKind::DictView(d, _) => !d.is_empty(),
                ObjKind::Native(_) => {
                    let len_name = self.names.d_len.clone();
                    if self.type_of(v).lookup(&len_name).is_some() {
                        return Ok(self.len(v)? != 0);
                    }
                    true
                }
                _ => true,
            },
            _ => true,
        })
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        match v {
            Value::Str(s) => return Ok(s.char_len()),
            Value::List(l) => return Ok(l.len()),
            Value::Tuple(t) => return Ok(t.items.len()),
            Value::Dict(d) => return Ok(d.len()),
            Value::Set(s) => return Ok(s.len()),
            Value::Obj(o) => match &o.kind {
                ObjKind::Range { start, stop, step } => {
                    return Ok(crate::builtins::range::range_len(*start, *stop, *step) as usize)
                }
                ObjKind::BigRange(r) => return crate::builtins::range::big_range_len(self, r),
                ObjKind::Bytes(b) => return Ok(b.len()),
                ObjKind::ByteArray(b) => return Ok(b.data.borrow().len()),
                ObjKind::DictView(d, _) | ObjKind::MappingProxy(d) => return Ok(d.len()),
                _ => {}
            },
            _ => {}
        }
        let name = self.names.d_len.clone();
        if let Some(m) = self.type_of(v).lookup(&name) {
            let r = self.call_method_value(m, v, &[])?;
            return match r {
                Value::Int(i) if i >= 0 => Ok(i as usize),
                Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                Value::Bool(b) => Ok(b as usize),
                Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => {
                    Err(self.value_error("__len__() should return >= 0"))
                }
                Value::BigInt(_) => {
                    Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                }
                _ => Err(self.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(&r)
                ))),
            };
        }
        match self.builtin_base(v) {
            // An enumerate or zip subclass: the message names the subclass.
            Some(Value::Obj(o)) if matches!(o.kind, ObjKind::Iter(_)) => {}
            Some(b) => return self.len(&b),
            None => {}
        }
        Err(self.type_error(format!(
            "object of type '{}' has no len()",
            self.type_name(v)
        )))
    }

    /// Rich comparison `a <op> b`.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = self.compare_builtin(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let name = self.names.cmp_dunder(op).clone();
        let rname = self.names.cmp_dunder(op.swapped()).clone();
        let rhs_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subtype(&ta);
        if rhs_first {
            if let Some(v) = self.try_dunder(b, &rname, a)? {
                return Ok(v);
            }
        }
        if let Some(v) = self.try_dunder(a, &name, b)? {
            return Ok(v);
        }
        if !rhs_first {
            if let Some(v) = self.try_dunder(b, &rname, a)? {
                return Ok(v);
            }
        }
        let ba = self.builtin_base(a);
        let bb = self.builtin_base(b);
        if ba.is_some() || bb.is_some() {
            let x = ba.unwrap_or_else(|| a.clone());
            let y = bb.unwrap_or_else(|| b.clone());
            if let Some(r) = self.compare_builtin(op, &x, &y)? {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    /// Comparison of built-in kinds; None when the operands need dunders.
    fn compare_builtin(&mut self, op: CmpOp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(cmp_ord(op, bigint::cmp(&x, &y))));
        }
        match (a, b) {
            (Value::Float(x), Value::Float(y)) => return Ok(Some(cmp_f64(op, *x, *y))),
            (Value::Float(x), other) | (other, Value::Float(x)) if as_int(other).is_some() => {
                let i = as_int(other).unwrap_or(IntRef::Small(0));
                let ord = compare_int_float(&i, *x);
                let swapped = matches!(a, Value::Float(_));
                return Ok(Some(match ord {
                    None => op == CmpOp::Ne,
                    Some(o) => {
                        let o = if swapped { o.reverse() } else { o };
                        cmp_ord(op, o)
                    }
                }));
            }
            (Value::Str(x), Value::Str(y)) => return Ok(Some(cmp_ord(op, x.wtf8().cmp(y.wtf8())))),
            (Value::None, Value::None) => {
                if matches!(op, CmpOp::Eq | CmpOp::Ne) {
                    return Ok(Some(op == CmpOp::Eq));
                }
            }
            (Value::List(x), Value::List(y)) => {
                return self
                    .nested(IN_COMPARISON, |vm| {
                        crate::builtins::list::compare_lists(vm, op, x, y)
                    })
                    .map(Some)
            }
            (Value::Tuple(x), Value::Tuple(y)) => {
                let (xs, ys) = (x.items.to_vec(), y.items.to_vec());
                return self.compare_sequences(op, &xs, &ys).map(Some);
            }
            (Value::Dict(x), Value::Dict(y)) if matches!(op, CmpOp::Eq | CmpOp::Ne) => {
                let eq = self.nested(IN_COMPARISON, |vm| vm.dict_eq(x, y))?;
                return Ok(Some(eq == (op == CmpOp::Eq)));
            }
            (Value::Set(x), Value::Set(y)) => {
                return self
                    .nested(IN_COMPARISON, |vm| {
                        crate::builtins::set::set_compare(vm, op, x, y)
                    })
                    .map(Some)
            }
            (x, y)
                if (is_set_view(x) && (matches!(y, Value::Set(_)) || is_set_view(y)))
                    || (is_set_view(y) && matches!(x, Value::Set(_))) =>
            {
                let xs = self.collect_iterable(x)?;
                let ys = self.collect_iterable(y)?;
                let (Value::Set(sx), Value::Set(sy)) =
                    (self.new_set(xs, false)?, self.new_set(ys, false)?)
                else {
                    return Ok(None);
                };
                return crate::builtins::set::set_compare(self, op, &sx, &sy).map(Some);
            }
            _ if crate::builtins::complex::either_is_complex(a, b) => {
                return Ok(crate::builtins::complex::compare(op, a, b));
            }
            (Value::Obj(x), Value::Obj(y)) => match (&x.kind, &y.kind) {
                (ObjKind::Bytes(p), ObjKind::Bytes(q)) => return Ok(Some(cmp_ord(op, p.cmp(q)))),
                (
                    ObjKind::Bytes(_) | ObjKind::ByteArray(_),
                    ObjKind::Bytes(_) | ObjKind::ByteArray(_),
                ) => {
                    use crate::builtins::bytearray::bytes_like;
                    if let (Some(p), Some(q)) = (bytes_like(a), bytes_like(b)) {
                        return Ok(Some(cmp_ord(op, p.cmp(&q))));
                    }
                }
                (ObjKind::MemoryView(_), _) | (_, ObjKind::MemoryView(_))
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                {
                    if let Some(eq) = crate::builtins::memoryview::equal(self, a, b)? {
                        return Ok(Some(eq == (op == CmpOp::Eq)));
                    }
                }
                (
                    ObjKind::Slice {
                        start: a1,
                        stop: b1,
                        step: c1,
                    },
                    ObjKind::Slice {
                        start: a2,
                        stop: b2,
                        step: c2,
                    },
                ) => {
                    // Slices compare as (start, stop, step) tuples.
                    let x = Value::tuple(vec![a1.clone(), b1.clone(), c1.clone()]);
                    let y = Value::tuple(vec![a2.clone(), b2.clone(), c2.clone()]);
                    return self.compare_builtin(op, &x, &y);
                }
                (ObjKind::GenericAlias(ga), ObjKind::GenericAlias(_))
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                {
                    let eq = crate::builtins::generic_alias::eq(self, ga, b)?;
                    return Ok(eq.map(|eq| eq == (op == CmpOp::Eq)));
                }
                (ObjKind::Range { .. }, ObjKind::Range { .. })
                    if matches!(op, CmpOp::Eq | CmpOp::Ne) =>
                {
                    let eq = crate::builtins::range::range_eq(a, b);
                    return Ok(Some(eq == (op == CmpOp::Eq)));
                }
                (ObjKind::DictView(d1, k1), ObjKind::DictView(d2, k2))
                    if matches!(op, CmpOp::Eq | CmpOp::Ne)
                        && k1 == k2
                        && *k1 != crate::object::DictViewKind::Values =>
                {
                    let s1 = self.new_set(self.view_items(d1, *k1), true)?;
                    let s2 = self.new_set(self.view_items(d2, *k2), true)?;
                    return self.compare_builtin(op, &s1, &s2);
                }
                _ => {}
            },
            _ => {}
        }
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let builtin_a = !matches!(a, Value::Instance(_) | Value::Obj(_));
            let builtin_b = !matches!(b, Value::Instance(_) | Value::Obj(_));
            if builtin_a && builtin_b {
                let same = match (a, b) {
                    (Value::Type(x), Value::Type(y)) => Rc::ptr_eq(x, y),
                    (Value::Method(x), Value::Method(y)) => {
                        x.func.is(&y.func) && x.receiver.is(&y.receiver)
                    }
                    _ => a.is(b),
                };
                return Ok(Some(same == (op == CmpOp::Eq)));
            }
        }
        Ok(None)
    }

    /// Lexicographic comparison of two lists' or tuples' items: one level of native
    /// recursion.
    fn compare_sequences(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        self.nested(IN_COMPARISON, |vm| vm.compare_items(op, xs, ys))
    }

    fn compare_items(&mut self, op: CmpOp, xs: &[Value], ys: &[Value]) -> PyResult<bool> {
        let n = xs.len().min(ys.len());
        for i in 0..n {
            if !self.eq(&xs[i], &ys[i])? {
                return match op {
                    CmpOp::Eq => Ok(false),
                    CmpOp::Ne => Ok(true),
                    _ => {
                        let r = self.compare(op, &xs[i], &ys[i])?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(cmp_ord(op, xs.len().cmp(&ys.len())))
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity implies equality here, as in CPython's PyObject_RichCompareBool.
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::object::dict::simple_eq(a, b) {
            return Ok(r);
        }
        let r = self.compare(CmpOp::Eq, a, b)?;
        match r {
            Value::Bool(b) => Ok(b),
            other => self.truthy(&other),
        }
    }

    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(h) = scalar_hash(v) {
            return Ok(h);
        }
        Ok(match v {
            // The items are hashed in place: `v` keeps the tuple, and its items,
            // alive while an item's `__hash__` runs.
            Value::Tuple(t) => {
                // CPython sets no limit on nested tuples' hashing: only the room on
                // the Rust stack bounds it.
                self.check_native_stack()?;
                let mut acc = TUPLE_HASH_START;
                for it in t.items.iter() {
                    acc = tuple_hash_add(acc, self.hash(it)?);
                }
                tuple_hash_end(acc, t.items.len())
            }
            Value::List(_) | Value::Dict(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Set(s) => {
                if s.frozen {
                    s.frozen_hash()
                } else {
                    return Err(self.type_error("unhashable type: 'set'"));
                }
            }
            Value::Instance(_) => {
                let t = self.type_of(v);
                let hash_name = self.names.d_hash.clone();
                match t.lookup(&hash_name) {
                    Some(Value::None) => {
                        return Err(
                            self.type_error(format!("unhashable type: '{}'", t.name().as_str()))
                        )
                    }
                    Some(m @ (Value::Function(_) | Value::Method(_))) => {
                        let r = self.call_method_value(m, v, &[])?;
                        return match as_int(&r) {
                            Some(IntRef::Small(i)) => Ok(if i == -1 { -2 } else { i }),
                            Some(big) => Ok(bigint::hash(&big)),
                            None => {
                                Err(self.type_error("__hash__ method should return an integer"))
                            }
                        };
                    }
                    _ => {
                        if let Some(b) = self.builtin_base(v) {
                            return self.hash(&b);
                        }
                        identity_hash(v)
                    }
                }
            }
            Value::Obj(o) => match &o.kind {
                ObjKind::Bytes(b) => crate::object::str::hash_bytes(b),
                ObjKind::ByteArray(_) => {
                    return Err(self.type_error("unhashable type: 'bytearray'"))
                }
                ObjKind::MemoryView(m) => crate::builtins::memoryview::hash(self, m)?,
                ObjKind::Complex(re, im) => crate::builtins::complex::hash(
                    crate::builtins::complex::C { re: *re, im: *im },
                    v.ptr().unwrap_or(0),
                ),
                ObjKind::Range { start, stop, step } => {
                    // CPython hashes (len, start, step), with None for what len hides.
                    let len = crate::builtins::range::range_len(*start, *stop, *step);
                    let key = match len {
                        0 => vec![Value::Int(0), Value::None, Value::None],
                        1 => vec![Value::Int(1), Value::Int(*start), Value::None],
                        n => vec![Value::Int(n), Value::Int(*start), Value::Int(*step)],
                    };
                    return self.hash(&Value::tuple(key));
                }
                ObjKind::Slice { .. } => return Err(self.type_error("unhashable type: 'slice'")),
                ObjKind::GenericAlias(ga) => crate::builtins::generic_alias::hash(self, ga)?,
                ObjKind::Native(_) => {
                    let t = self.type_of(v);
                    let hash_name = self.names.d_hash.clone();
                    match t.lookup(&hash_name) {
                        Some(Value::None) => {
                            return Err(self
                                .type_error(format!("unhashable type: '{}'", t.name().as_str())))
                        }
                        Some(m @ Value::Builtin(_)) => {
                            let r = self.call_method_value(m, v, &[])?;
                            match r {
                                Value::Int(i) => i,
                                _ => identity_hash(v),
                            }
                        }
                        _ => identity_hash(v),
                    }
                }
                _ => identity_hash(v),
            },
            _ => identity_hash(v),
        })
    }

    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        crate::builtins::repr::repr(self, v)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        crate::builtins::repr::to_str(self, v)
    }

    /// `ascii(v)`.
    pub fn ascii(&mut self, v: &Value) -> PyResult<Rc<PyStr>> {
        let r = self.repr(v)?;
        let mut out = String::new();
        for c in r.as_str().chars() {
            if c.is_ascii() {
                out.push(c);
            } else if (c as u32) < 0x100 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else if (c as u32) < 0x10000 {
                out.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                out.push_str(&format!("\\U{:08x}", c as u32));
            }
        }
        Ok(Rc::new(PyStr::from_string(out)))
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<Rc<PyStr>> {
        crate::builtins::format::format_value(self, v, spec)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(crate::builtins::str::contains(s, sub)),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Dict(d) => Ok(self.dict_lookup(d, item)?.is_some()),
            Value::Set(s) => self.set_contains(s, item),
            Value::List(l) => {
                // The length is re-read each step: `__eq__` may resize the list.
                let mut i = 0;
                while let Some(x) = l.get(i) {
                    if self.eq(&x, item)? {
                        return Ok(true);
                    }
                    i += 1;
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                let items = t.items.to_vec();
                for x in &items {
                    if self.eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Obj(o) => match &o.kind {
                ObjKind::BigRange(r) => match crate::builtins::range::big_range_contains(r, item) {
                    Some(b) => Ok(b),
                    None => self.contains_by_iteration(container, item),
                },
                ObjKind::Range { start, stop, step } => match as_int(item) {
                    Some(IntRef::Small(i)) => Ok(crate::builtins::range::range_contains(
                        *start, *stop, *step, i,
                    )),
                    Some(_) => Ok(false),
                    None => self.contains_by_iteration(container, item),
                },
                ObjKind::MappingProxy(d) => Ok(self.dict_lookup(d, item)?.is_some()),
                ObjKind::DictView(d, kind) => match kind {
                    crate::object::DictViewKind::Keys => Ok(self.dict_lookup(d, item)?.is_some()),
                    crate::object::DictViewKind::Items => {
                        if let Value::Tuple(t) = item {
                            if t.items.len() == 2 {
                                if let Some(v) = self.dict_lookup(d, &t.items[0])? {
                                    return self.eq(&v, &t.items[1]);
                                }
                            }
                        }
                        Ok(false)
                    }
                    crate::object::DictViewKind::Values => {
                        self.contains_by_iteration(container, item)
                    }
                },
                ObjKind::Bytes(b) => match item {
                    Value::Int(i) => Ok(b.contains(&(*i as u8))),
                    Value::Obj(x) => match &x.kind {
                        ObjKind::Bytes(_) | ObjKind::ByteArray(_) | ObjKind::MemoryView(_) => {
                            let sub =
                                crate::builtins::bytearray::bytes_like(item).unwrap_or_default();
                            Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == &sub[..]))
                        }
                        _ => Err(self.type_error("a bytes-like object is required")),
                    },
                    _ => Err(self.type_error("a bytes-like object is required")),
                },
                _ => self.contains_dunder(container, item),
            },
            _ => self.contains_dunder(container, item),
        }
    }

    fn contains_dunder(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let name = self.names.contains.clone();
        if let Some(m) = self.type_of(container).lookup(&name) {
            let r = self.call_method_value(m, container, std::slice::from_ref(item))?;
            return self.truthy(&r);
        }
        if let Some(b) = self.builtin_base(container) {
            return self.contains(&b, item);
        }
        self.contains_by_iteration(container, item)
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                return Err(self.type_error(format!(
                    "argument of type '{}' is not iterable",
                    self.type_name(container)
                )))
            }
        };
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Look a key up in a dict, running `__eq__` where needed.
    pub fn dict_lookup(&mut self, d: &crate::object::Dict, key: &Value) -> PyResult<Option<Value>> {
        // A str key found among str keys needs no `__eq__`; a miss may still be a
        // key of a str subclass whose `__eq__` says yes, so it takes the full probe.
        if let Value::Str(s) = key {
            if let Some(v) = d.get_str(s) {
                return Ok(Some(v));
            }
        }
        let h = self.hash(key)?;
        match self.dict_find(d, h, key)? {
            Some(i) => Ok(Some(d.value_at(i))),
            None => Ok(None),
        }
    }

    /// The entry index of a key, resolving `__eq__` candidates.
    pub fn dict_find(
        &mut self,
        d: &crate::object::Dict,
        hash: i64,
        key: &Value,
    ) -> PyResult<Option<usize>> {
        self.find_probed(key, || d.probe(hash, key), |i, k| d.key_is_at(i, k))
    }

    /// Resolve a hash-table probe: candidates whose equality needs `__eq__` are
    /// compared with no table borrowed, and the probe restarts if `__eq__` changed
    /// the table under us (as CPython's lookup does).
    pub fn find_probed(
        &mut self,
        key: &Value,
        probe: impl Fn() -> Probe,
        still_at: impl Fn(usize, &Value) -> bool,
    ) -> PyResult<Option<usize>> {
        loop {
            match probe() {
                Probe::Found(i) => return Ok(Some(i)),
                Probe::Missing => return Ok(None),
                Probe::Candidates(cands) => {
                    let mut changed = false;
                    for (i, k) in cands {
                        if self.eq(&k, key)? {
                            if still_at(i, &k) {
                                return Ok(Some(i));
                            }
                            changed = true;
                            break;
                        }
                    }
                    if !changed {
                        return Ok(None);
                    }
                }
            }
        }
    }

    /// `d[key] = value`.
    pub fn dict_set(
        &mut self,
        d: &Rc<crate::object::Dict>,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        if let Value::Str(s) = &key {
            if !d.reserve_one() {
                return Err(self.memory_error());
            }
            self.dict_will_store(d, &key, &value);
            let old = d.set_str(s.clone(), value);
            drop(old);
            return Ok(());
        }
        self.dict_will_store(d, &key, &value);
        let h = self.hash(&key)?;
        match self.dict_find(d, h, &key)? {
            Some(i) => {
                let old = d.replace_at(i, value);
                drop(old);
            }
            None if !d.reserve_one() => return Err(self.memory_error()),
            None => d.insert_new(h, key, value),
        }
        Ok(())
    }

    /// `del d[key]`; returns the removed value.
    pub fn dict_remove(
        &mut self,
        d: &Rc<crate::object::Dict>,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        self.dict_will_delete(d, key);
        let h = self.hash(key)?;
        match self.dict_find(d, h, key)? {
            Some(i) => Ok(Some(d.remove_at(i).1)),
            None => Ok(None),
        }
    }

    pub fn dict_eq(&mut self, x: &crate::object::Dict, y: &crate::object::Dict) -> PyResult<bool> {
        if x.len() != y.len() {
            return Ok(false);
        }
        for (k, v) in x.items() {
            match self.dict_lookup(y, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Merge a mapping (or iterable of pairs) into a dict.
    pub fn dict_merge(
        &mut self,
        d: &Rc<crate::object::Dict>,
        src: &Value,
        strict: bool,
    ) -> PyResult<()> {
        if let Value::Dict(s) = src {
            let cloned = self.dict_will_clone(d, s);
            for (h, k, v) in s.hashed_items() {
                if strict && self.dict_find(d, h, &k)?.is_some() {
                    let kr = self.repr(&k)?;
                    return Err(self.type_error(format!(
                        "got multiple values for keyword argument {}",
                        kr.as_str()
                    )));
                }
                if !cloned {
                    self.dict_will_store(d, &k, &v);
                }
                match self.dict_find(d, h, &k)? {
                    Some(i) => drop(d.replace_at(i, v)),
                    None => d.insert_new(h, k, v),
                }
            }
            return Ok(());
        }
        let keys_name = self.intern("keys");
        if let Ok(keys) = self.get_attr(src, &keys_name) {
            let keys = self.call(&keys, &[], &[])?;
            let keys = self.collect_iterable(&keys)?;
            for k in keys {
                let v = self.getitem(src, &k)?;
                self.dict_set(d, k, v)?;
            }
            return Ok(());
        }
        if strict {
            return Err(self.type_error(format!(
                "argument after ** must be a mapping, not {}",
                self.type_name(src)
            )));
        }
        let items = self.collect_iterable(src)?;
        for (n, item) in items.into_iter().enumerate() {
            let pair = self.collect_iterable(&item).map_err(|_| {
                self.type_error(format!(
                    "cannot convert dictionary update sequence element #{} to a sequence",
                    n
                ))
            })?;
            if pair.len() != 2 {
                return Err(self.value_error(format!(
                    "dictionary update sequence element #{} has length {}; 2 is required",
                    n,
                    pair.len()
                )));
            }
            let mut it = pair.into_iter();
            if let (Some(k), Some(v)) = (it.next(), it.next()) {
                self.dict_set(d, k, v)?;
            }
        }
        Ok(())
    }
}

/// A `keys()` or `items()` view (they support set operators).
fn is_set_view(v: &Value) -> bool {
    matches!(v, Value::Obj(o) if matches!(o.kind, ObjKind::DictView(_, k) if k != crate::object::DictViewKind::Values))
}

/// CPython's tuple hash (xxHash-based, 3.8+).
// CPython's tuple hash, an xxHash-like fold of the items' hashes.
const XXPRIME_1: u64 = 11400714785074694791;
const XXPRIME_2: u64 = 14029467366897019727;
const XXPRIME_5: u64 = 2870177450012600261;
const TUPLE_HASH_START: u64 = XXPRIME_5;

/// The hash of `v` where no Python code computes it: a str, an int, a bool, a
/// float, None, or a tuple of those (nested up to `PLAIN_HASH_NESTING` deep);
/// None for anything else. For code that must not run Python code (compiled
/// code probing a dict); `Vm::hash` answers for every value.
#[inline]
pub fn plain_hash(v: &Value) -> Option<i64> {
    plain_hash_within(v, PLAIN_HASH_NESTING)
}

const PLAIN_HASH_NESTING: usize = 16;

/// The hash of a str, an int, a bool, a float or None.
#[inline(always)]
fn scalar_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Str(s) => s.hash(),
        Value::Int(i) => bigint::hash(&IntRef::Small(*i)),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => bigint::hash(&IntRef::Big(b)),
        Value::Float(f) => {
            if f.is_nan() {
                (f.to_bits() >> 4) as i64
            } else {
                float::hash(*f)
            }
        }
        Value::None => 0xFCA86420,
        _ => return None,
    })
}

fn plain_hash_within(v: &Value, nesting: usize) -> Option<i64> {
    if let Some(h) = scalar_hash(v) {
        return Some(h);
    }
    Some(match v {
        Value::Tuple(t) => {
            let nesting = nesting.checked_sub(1)?;
            let mut acc = TUPLE_HASH_START;
            for it in t.items.iter() {
                acc = tuple_hash_add(acc, plain_hash_within(it, nesting)?);
            }
            tuple_hash_end(acc, t.items.len())
        }
        _ => return None,
    })
}

fn tuple_hash_add(acc: u64, h: i64) -> u64 {
    acc.wrapping_add((h as u64).wrapping_mul(XXPRIME_2))
        .rotate_left(31)
        .wrapping_mul(XXPRIME_1)
}

fn tuple_hash_end(acc: u64, len: usize) -> i64 {
    // The length is mangled to keep the historical value of hash(()).
    let acc = acc.wrapping_add((len as u64) ^ (XXPRIME_5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// The default hash of an object: its address, rotated as CPython does.
pub fn identity_hash(v: &Value) -> i64 {
    let p = v.ptr().unwrap_or(0) as u64;
    (p.rotate_right(4)) as i64
}

/// Python's float divmod (floor semantics).
pub fn float_divmod(x: f64, y: f64) -> (f64, f64) {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m += y;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(y);
    }
    let floordiv = if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    };
    (floordiv, m)
}

/// Compare an int with a float exactly; None if the float is NaN.
pub fn compare_int_float(i: &IntRef, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    match i {
        IntRef::Small(x) if x.unsigned_abs() < (1 << 53) => (*x as f64).partial_cmp(&f),
        _ => {
            let fl = f.floor();
            let big = num_bigint::BigInt::from(fl as i128);
            let ib = i.to_big();
            match ib.cmp(&big) {
                Ordering::Equal => {
                    if f > fl {
                        Some(Ordering::Less)
                    } else {
                        Some(Ordering::Equal)
                    }
                }
                o => Some(o),
            }
        }
    }
}

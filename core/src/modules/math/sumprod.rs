//! `math.sumprod(p, q)`: the sum of products of two equally long iterables, in the
//! order CPython 3.13 computes it. A leading run of pairs of exact ints is summed in
//! machine integers while that does not overflow; a run of float pairs (or float and
//! int pairs) is summed in triple-length floating point, so the rounding error of
//! each product and addition is kept (`sumprod([0.1] * 10, [1.0] * 10)` is `1.0`);
//! everything after is `total + p * q` with the runtime's operators. Depends on the
//! parent module's conversions and the VM's iteration and arithmetic.

use crate::code::BinOp;
use crate::object::function::KwArg;
use crate::object::Value;
use crate::vm::{PyResult, Vm};

/// `x + y` as the rounded sum and its exact rounding error (Knuth's two-sum).
fn two_sum(a: f64, b: f64) -> (f64, f64) {
    let x = a + b;
    let z = x - a;
    (x, (a - (x - z)) + (b - z))
}

/// A sum carried in three floats whose exact sum is the running total.
#[derive(Clone, Copy, Default)]
struct TripleLength {
    hi: f64,
    lo: f64,
    tiny: f64,
}

impl TripleLength {
    /// The total plus `x * y`, with the product's rounding error kept by an fma.
    fn add_product(self, x: f64, y: f64) -> Self {
        let product = x * y;
        let product_error = x.mul_add(y, -product);
        let (hi, hi_error) = two_sum(self.hi, product);
        let (lo, lo_error) = two_sum(self.lo, product_error);
        let (mid, mid_error) = two_sum(lo, hi_error);
        TripleLength {
            hi,
            lo: mid,
            tiny: self.tiny + lo_error + mid_error,
        }
    }

    fn to_f64(self) -> f64 {
        let (hi, lo) = two_sum(self.lo, self.hi);
        self.tiny + lo + hi
    }
}

/// A pair's factors as floats when the pair may join the float run: two floats, or
/// a float and an int (or bool) that converts.
fn float_pair(p: &Value, q: &Value) -> Option<(f64, f64)> {
    let int_as_float = |v: &Value| match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::BigInt(b) => super::big_to_f64(b),
        _ => None,
    };
    match (p, q) {
        (Value::Float(x), Value::Float(y)) => Some((*x, *y)),
        (Value::Float(x), other) => Some((*x, int_as_float(other)?)),
        (other, Value::Float(y)) => Some((int_as_float(other)?, *y)),
        _ => None,
    }
}

pub fn sumprod(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("math.sumprod() takes no keyword arguments"));
    }
    let [p, q] = args else {
        return Err(vm.type_error(format!("sumprod expected 2 arguments, got {}", args.len())));
    };
    let p_iter = vm.get_iter(p)?;
    let q_iter = vm.get_iter(q)?;
    let mut total = Value::Int(0);
    let mut int_run: Option<i64> = Some(0);
    let mut int_run_used = false;
    let mut float_run: Option<TripleLength> = Some(TripleLength::default());
    let mut float_run_used = false;
    loop {
        let p_item = vm.next(&p_iter)?;
        let q_item = vm.next(&q_iter)?;
        let pair = match (p_item, q_item) {
            (Some(a), Some(b)) => Some((a, b)),
            (None, None) => None,
            _ => return Err(vm.value_error("Inputs are not the same length")),
        };
        if let Some(sum) = int_run {
            if let Some((Value::Int(a), Value::Int(b))) = &pair {
                if let Some(next) = a.checked_mul(*b).and_then(|t| sum.checked_add(t)) {
                    int_run = Some(next);
                    int_run_used = true;
                    continue;
                }
            }
            int_run = None;
            if int_run_used {
                total = vm.binary_op(BinOp::Add, &total, &Value::Int(sum))?;
            }
        }
        if let Some(sum) = float_run {
            if let Some((x, y)) = pair.as_ref().and_then(|(a, b)| float_pair(a, b)) {
                let next = sum.add_product(x, y);
                if next.hi.is_finite() {
                    float_run = Some(next);
                    float_run_used = true;
                    continue;
                }
            }
            float_run = None;
            if float_run_used {
                total = vm.binary_op(BinOp::Add, &total, &Value::Float(sum.to_f64()))?;
            }
        }
        let Some((a, b)) = pair else {
            return Ok(total);
        };
        let term = vm.binary_op(BinOp::Mul, &a, &b)?;
        total = vm.binary_op(BinOp::Add, &total, &term)?;
    }
}

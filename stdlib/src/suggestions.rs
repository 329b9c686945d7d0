//! `_suggestions`: the "Did you mean" search the `traceback` module asks for a
//! missing name or attribute — the candidate nearest to the name by an edit
//! distance on UTF-8 bytes where a case change costs half a move, within a bound
//! that grows with the lengths. Depends on core's public API only.

use tripwire_core::builtins::add_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// More candidates than this, and no suggestion is looked for.
const MAX_CANDIDATES: usize = 750;
/// Names that differ in more than this many bytes (past a common prefix and
/// suffix) are never near.
const MAX_NAME: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance of `a` and `b`, or anything above `max_cost` once it is
/// certain to exceed it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_NAME || b.len() > MAX_NAME {
        return max_cost + 1;
    }
    let (short, long) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (long.len() - short.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // row[i]: the cost of turning the part of `long` seen so far into short[..=i].
    let mut row: Vec<usize> = (1..=short.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (long_index, &long_byte) in long.iter().enumerate() {
        let mut diagonal = long_index * MOVE_COST;
        result = diagonal;
        let mut row_minimum = usize::MAX;
        for (cell, &short_byte) in row.iter_mut().zip(short) {
            let substitute = diagonal + substitution_cost(long_byte, short_byte);
            diagonal = *cell;
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            *cell = result;
            row_minimum = row_minimum.min(result);
        }
        if row_minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// `_generate_suggestions(candidates, name)`: the candidate nearest to `name`, or
/// None.
fn generate_suggestions(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "_generate_suggestions expected 2 arguments, got {}",
            args.len()
        )));
    }
    let Value::List(list) = &args[0] else {
        return Err(vm.type_error("candidates must be a list"));
    };
    let Some(name) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "_generate_suggestions() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let candidates = list.snapshot();
    let mut names = Vec::with_capacity(candidates.len());
    for c in candidates.iter() {
        match c.as_str() {
            Some(s) => names.push(s.clone()),
            None => return Err(vm.type_error("all elements in 'candidates' must be strings")),
        }
    }
    let wrong = name.as_str().as_bytes();
    if names.len() >= MAX_CANDIDATES {
        return Ok(Value::None);
    }
    let mut best: Option<(usize, usize)> = None;
    let mut best_distance = usize::MAX;
    for (i, candidate) in names.iter().enumerate() {
        let candidate = candidate.as_str().as_bytes();
        if candidate == wrong {
            continue;
        }
        let bound = ((candidate.len() + wrong.len() + 3) * MOVE_COST / 6)
            .min(best_distance.saturating_sub(1));
        let d = distance(wrong, candidate, bound);
        if d > bound {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some((i, d));
            best_distance = d;
        }
    }
    Ok(best.map_or(Value::None, |(i, _)| Value::Str(names[i].clone())))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(
        vm,
        d,
        "_suggestions",
        "_generate_suggestions",
        generate_suggestions,
    );
    Ok(())
}

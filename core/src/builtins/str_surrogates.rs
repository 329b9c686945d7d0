//! The str methods written over the `&str` view (case mapping, splitting,
//! stripping, padding, the `is...` tests), made exact for text with lone
//! surrogates.
//!
//! Such a call runs on copies of its str arguments in which each surrogate
//! U+D800 + k is the private-use code point `base` + k, for a block of 2,048
//! private-use code points (plane 15) that none of the arguments holds; the strs
//! of the result are mapped back. Private-use code points behave as surrogates do
//! in every one of these methods: no case, not alphanumeric, not space, not
//! printable, not part of an identifier. The formatting methods (`format`, `%`)
//! show an argument's repr (`%r`, `!r`, `!a`) from the str it stood for
//! (`original`). A call without surrogates costs one test per argument. Depends on
//! the object model.

use crate::object::function::KwArg;
use crate::object::{wtf8, NativeFn, PyStr, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;
use std::rc::Rc;

thread_local! {
    /// The block the surrogates of the running call stand in, if one runs.
    static ACTIVE_BLOCK: Cell<Option<u32>> = const { Cell::new(None) };
}

/// `v`, or the str it stands for while a call runs on private-use copies: what a
/// formatting method shows the repr of.
pub(crate) fn original(v: &Value) -> Value {
    match ACTIVE_BLOCK.with(Cell::get) {
        Some(base) if matches!(v, Value::Str(_)) => from_private_use(v, base),
        _ => v.clone(),
    }
}

/// Where the blocks of private-use code points the surrogates may stand in for
/// start; there are `BLOCKS` of them.
const PRIVATE_USE: u32 = 0xF0000;
const BLOCK: u32 = 0x800;
const BLOCKS: u32 = 31;

fn str_of(vm: &Vm, v: &Value) -> Option<Rc<PyStr>> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(_) => match vm.builtin_base(v) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        },
        _ => None,
    }
}

/// The strs an argument brings: itself, or the items of a tuple (`startswith`).
fn strs_in(vm: &Vm, v: &Value, out: &mut Vec<Rc<PyStr>>) {
    if let Value::Tuple(t) = v {
        out.extend(t.items.iter().filter_map(|item| str_of(vm, item)));
    } else if let Some(s) = str_of(vm, v) {
        out.push(s);
    }
}

/// Whether an argument is a str, or a tuple of strs, holding a lone surrogate.
#[inline]
pub(crate) fn holds_surrogates(vm: &Vm, v: &Value) -> bool {
    let holds = |v: &Value| match v {
        Value::Str(s) => s.has_surrogates(),
        Value::Instance(_) => str_of(vm, v).is_some_and(|s| s.has_surrogates()),
        _ => false,
    };
    match v {
        Value::Tuple(t) => t.items.iter().any(holds),
        _ => holds(v),
    }
}

/// Run the str method `f` exactly (see the module's doc).
pub fn through_private_use(
    vm: &mut Vm,
    args: &[Value],
    kw: &[KwArg],
    f: NativeFn,
) -> PyResult<Value> {
    let given = || args.iter().chain(kw.iter().map(|(_, v)| v));
    if !given().any(|v| holds_surrogates(vm, v)) {
        return f(vm, args, kw);
    }
    let mut strs = Vec::new();
    for v in given() {
        strs_in(vm, v, &mut strs);
    }
    let free = (0..BLOCKS).map(|k| PRIVATE_USE + k * BLOCK).find(|&base| {
        strs.iter().all(|s| {
            s.code_points()
                .all(|cp| !(base..base + BLOCK).contains(&cp))
        })
    });
    let Some(base) = free else {
        return f(vm, args, kw);
    };
    let args: Vec<Value> = args.iter().map(|v| to_private_use(vm, v, base)).collect();
    let kw: Vec<KwArg> = kw
        .iter()
        .map(|(k, v)| (k.clone(), to_private_use(vm, v, base)))
        .collect();
    let outer = ACTIVE_BLOCK.with(|b| b.replace(Some(base)));
    let result = f(vm, &args, &kw);
    ACTIVE_BLOCK.with(|b| b.set(outer));
    Ok(from_private_use(&result?, base))
}

fn to_private_use(vm: &Vm, v: &Value, base: u32) -> Value {
    match v {
        Value::Tuple(t) => Value::tuple(
            t.items
                .iter()
                .map(|i| to_private_use(vm, i, base))
                .collect(),
        ),
        _ => match str_of(vm, v) {
            Some(s) if s.has_surrogates() => {
                let text: String = s
                    .code_points()
                    .map(|cp| {
                        let cp = if wtf8::is_surrogate(cp) {
                            base + cp - 0xD800
                        } else {
                            cp
                        };
                        char::from_u32(cp).unwrap_or('\u{FFFD}')
                    })
                    .collect();
                Value::from_string(text)
            }
            _ => v.clone(),
        },
    }
}

fn from_private_use(v: &Value, base: u32) -> Value {
    match v {
        Value::Str(s) => {
            let stands_in = |c: char| (base..base + BLOCK).contains(&(c as u32));
            if !s.as_str().chars().any(stands_in) {
                return v.clone();
            }
            let mut out = Vec::with_capacity(s.as_str().len());
            for c in s.as_str().chars() {
                let cp = if stands_in(c) {
                    c as u32 - base + 0xD800
                } else {
                    c as u32
                };
                wtf8::push(&mut out, cp);
            }
            Value::from_wtf8(out)
        }
        Value::List(l) => Value::list(
            l.snapshot()
                .iter()
                .map(|i| from_private_use(i, base))
                .collect(),
        ),
        Value::Tuple(t) => {
            Value::tuple(t.items.iter().map(|i| from_private_use(i, base)).collect())
        }
        other => other.clone(),
    }
}

/// `format(s, spec)` of a str with lone surrogates.
pub(crate) fn format_str(vm: &mut Vm, s: &Rc<PyStr>, spec: &str) -> PyResult<Rc<PyStr>> {
    fn format_plain(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
        let spec = args.get(1).and_then(|v| str_of(vm, v));
        let spec = spec.as_ref().map_or("", |s| s.as_str());
        Ok(Value::Str(super::format::format_value(vm, &args[0], spec)?))
    }
    let args = [Value::Str(s.clone()), Value::str(spec)];
    match through_private_use(vm, &args, &[], format_plain)? {
        Value::Str(r) => Ok(r),
        _ => Ok(s.clone()),
    }
}

//! The built-in functions: print, len, isinstance, min / max / sum, sorted, getattr,
//! exec / eval and the rest of the `builtins` namespace that is not a type.

use super::{add_function, arg_int, check_args, kwarg, no_kwargs, only_kwargs};
use crate::code::CmpOp;
use crate::object::bigint::{self, IntRef};
use crate::object::function::KwArg;
use crate::object::{Dict, ObjKind, PyStr, TypeRef, Value};
use crate::vm::ops::as_int;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn print(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "print", kwargs, &["sep", "end", "file", "flush"])?;
    let text_of = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match kwarg(kwargs, name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(Value::Str(s)) => Ok(s.as_str().to_string()),
            Some(other) => Err(vm.type_error(format!(
                "{} must be None or a string, not {}",
                name,
                vm.type_name(other)
            ))),
        }
    };
    let sep = text_of(vm, "sep", " ")?;
    let end = text_of(vm, "end", "\n")?;
    let file = match kwarg(kwargs, "file") {
        None | Some(Value::None) => vm
            .sys
            .dict
            .get_str(&vm.intern("stdout"))
            .unwrap_or(Value::None),
        Some(f) => f.clone(),
    };
    if crate::modules::sys::is_real_stdout(&file) {
        let mut out = String::new();
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            let piece = vm.to_str(a)?;
            if piece.has_surrogates() {
                // What came before is written; the piece itself cannot be.
                vm.write_stdout(&out)?;
                out.clear();
                vm.write_stdout_str(&piece)?;
                continue;
            }
            out.push_str(piece.as_str());
        }
        out.push_str(&end);
        vm.write_stdout(&out)?;
    } else {
        // Any other file gets one write() per piece, as CPython's print does.
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                vm.call_method(&file, "write", &[Value::str(&sep)])?;
            }
            let s = vm.to_str(a)?;
            vm.call_method(&file, "write", &[Value::Str(s)])?;
        }
        vm.call_method(&file, "write", &[Value::str(&end)])?;
    }
    if let Some(flush) = kwarg(kwargs, "flush") {
        if vm.truthy(flush)? {
            vm.call_method(&file, "flush", &[])?;
        }
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "len", kwargs)?;
    check_args(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len(&args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "repr", args, 1, 1)?;
    Ok(Value::Str(vm.repr(&args[0])?))
}

fn ascii(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "ascii", args, 1, 1)?;
    Ok(Value::Str(vm.ascii(&args[0])?))
}

fn abs(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "abs", args, 1, 1)?;
    let v = &args[0];
    match v {
        Value::Float(f) => Ok(Value::Float(f.abs())),
        _ => match as_int(v) {
            Some(i) => Ok(if i.is_negative() {
                bigint::neg(i)
            } else {
                bigint::add(i, IntRef::Small(0))
            }),
            None => {
                let name = vm.names.d_abs.clone();
                match vm.type_of(v).lookup(&name) {
                    Some(m) => vm.call_method_value(m, v, &[]),
                    None => Err(
                        vm.type_error(format!("bad operand type for abs(): '{}'", vm.type_name(v)))
                    ),
                }
            }
        },
    }
}

/// min() and max().
fn min_max(
    vm: &mut Vm,
    args: &[Value],
    kwargs: &[KwArg],
    name: &str,
    op: CmpOp,
) -> PyResult<Value> {
    only_kwargs(vm, name, kwargs, &["key", "default"])?;
    let key = kwarg(kwargs, "key").cloned().filter(|k| !k.is_none());
    let default = kwarg(kwargs, "default").cloned();
    // One iterable is read as it goes (a key function and the comparisons run
    // between its steps, as in CPython); several arguments are the items.
    let (it, mut items) = match args.len() {
        0 => return Err(vm.type_error(format!("{name} expected at least 1 argument, got 0"))),
        1 => (Some(vm.get_iter(&args[0])?), [].iter()),
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            (None, args.iter())
        }
    };
    let mut best: Option<(Value, Value)> = None;
    loop {
        let item = match &it {
            Some(it) => vm.next(it)?,
            None => items.next().cloned(),
        };
        let Some(item) = item else {
            break;
        };
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item), &[])?,
            None => item.clone(),
        };
        best = match best {
            None => Some((item, k)),
            Some((bv, bk)) => {
                let r = vm.compare(op, &k, &bk)?;
                if vm.truthy(&r)? {
                    Some((item, k))
                } else {
                    Some((bv, bk))
                }
            }
        };
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{name}() iterable argument is empty"))),
        },
    }
}

fn min(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    min_max(vm, args, kwargs, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    min_max(vm, args, kwargs, "max", CmpOp::Gt)
}

fn sum(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "sum", kwargs, &["start"])?;
    check_args(vm, "sum", args, 1, 2)?;
    let start = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "start").cloned())
        .unwrap_or(Value::Int(0));
    if let Value::Str(_) = start {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    // CPython's three loops, in order: machine ints while the total fits, then
    // floats with Neumaier's compensation, then `+` for whatever is left. Each
    // loop hands over to the next at the first item it cannot take, and never
    // comes back.
    let it = vm.get_iter(&args[0])?;
    let mut acc = start;
    if let Value::Int(mut total) = acc {
        loop {
            let Some(x) = vm.next(&it)? else {
                return Ok(Value::Int(total));
            };
            let b = match x {
                Value::Int(b) => Some(b),
                Value::Bool(b) => Some(b as i64),
                _ => None,
            };
            if let Some(t) = b.and_then(|b| total.checked_add(b)) {
                total = t;
                continue;
            }
            acc = vm.binary_op(crate::code::BinOp::Add, &Value::Int(total), &x)?;
            break;
        }
    }
    if let Value::Float(mut total) = acc {
        let mut c: f64 = 0.0;
        loop {
            let Some(x) = vm.next(&it)? else {
                if c != 0.0 && c.is_finite() {
                    total += c;
                }
                return Ok(Value::Float(total));
            };
            match x {
                Value::Float(x) => {
                    let t = total + x;
                    if total.abs() >= x.abs() {
                        c += (total - t) + x;
                    } else {
                        c += (x - t) + total;
                    }
                    total = t;
                    continue;
                }
                // As CPython: an int is added without compensation.
                Value::Int(v) => {
                    total += v as f64;
                    continue;
                }
                Value::Bool(b) => {
                    total += b as i64 as f64;
                    continue;
                }
                _ => {}
            }
            if c != 0.0 && c.is_finite() {
                total += c;
            }
            acc = vm.binary_op(crate::code::BinOp::Add, &Value::Float(total), &x)?;
            break;
        }
    }
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(crate::code::BinOp::Add, &acc, &x)?;
    }
    Ok(acc)
}

/// A stable sort whose comparison may raise. Its working memory (the keys, an
/// index per item, the merge buffer) is sized by the list, so it is had fallibly:
/// MemoryError rather than an abort.
pub fn sort_values(
    vm: &mut Vm,
    items: &mut [Value],
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    let computed: Option<Vec<Value>> = match key {
        Some(f) => {
            let mut ks = vm.vec_with_capacity(items.len())?;
            for it in items.iter() {
                ks.push(vm.call(f, std::slice::from_ref(it), &[])?);
            }
            Some(ks)
        }
        None => None,
    };
    let keys: &[Value] = computed.as_deref().unwrap_or(items);
    let mut idx: Vec<usize> = vm.vec_with_capacity(keys.len())?;
    idx.extend(0..keys.len());
    if reverse {
        idx.reverse();
    }
    // Equal keys keep their order in `idx`: the in-place (unstable) sort of the fast
    // paths breaks ties by position there.
    let tie = |a: usize, b: usize| if reverse { b.cmp(&a) } else { a.cmp(&b) };
    // Fast paths: homogeneous ints, floats or strs compare without Python code.
    let all_int = keys.iter().all(|k| matches!(k, Value::Int(_)));
    let all_float = keys
        .iter()
        .all(|k| matches!(k, Value::Float(f) if !f.is_nan()));
    let all_str = keys.iter().all(|k| matches!(k, Value::Str(_)));
    if all_int {
        idx.sort_unstable_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Int(x), Value::Int(y)) => x.cmp(y).then_with(|| tie(a, b)),
            _ => tie(a, b),
        });
    } else if all_float {
        idx.sort_unstable_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Float(x), Value::Float(y)) => x
                .partial_cmp(y)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| tie(a, b)),
            _ => tie(a, b),
        });
    } else if all_str {
        idx.sort_unstable_by(|&a, &b| match (&keys[a], &keys[b]) {
            (Value::Str(x), Value::Str(y)) => x.wtf8().cmp(y.wtf8()).then_with(|| tie(a, b)),
            _ => tie(a, b),
        });
    } else {
        let mut buf = vm.copy_items(&idx)?;
        merge_sort(vm, keys, &mut idx, &mut buf)?;
    }
    drop(computed);
    if reverse {
        idx.reverse();
    }
    permute(items, &mut idx);
    Ok(())
}

/// Rearrange `items` in place so that item `j` is the old item `order[j]`;
/// `order` is used up.
fn permute(items: &mut [Value], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        if order[start] == DONE {
            continue;
        }
        let first = std::mem::replace(&mut items[start], Value::Null);
        let mut j = start;
        loop {
            let from = std::mem::replace(&mut order[j], DONE);
            if from == start {
                items[j] = first;
                break;
            }
            items[j] = std::mem::replace(&mut items[from], Value::Null);
            j = from;
        }
    }
}

/// `a < b` as a truth value: the comparison sorting and heaps order by.
pub fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let r = vm.compare(CmpOp::Lt, a, b)?;
    match r {
        Value::Bool(x) => Ok(x),
        other => vm.truthy(&other),
    }
}

fn merge_sort(vm: &mut Vm, keys: &[Value], idx: &mut [usize], buf: &mut [usize]) -> PyResult<()> {
    let n = idx.len();
    if n <= 16 {
        // Insertion sort: stable, few comparisons on short runs.
        for i in 1..n {
            let cur = idx[i];
            let mut j = i;
            while j > 0 && less(vm, &keys[cur], &keys[idx[j - 1]])? {
                idx[j] = idx[j - 1];
                j -= 1;
            }
            idx[j] = cur;
        }
        return Ok(());
    }
    let mid = n / 2;
    {
        let (l, r) = idx.split_at_mut(mid);
        let (bl, br) = buf.split_at_mut(mid);
        merge_sort(vm, keys, l, bl)?;
        merge_sort(vm, keys, r, br)?;
    }
    buf[..n].copy_from_slice(idx);
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < mid && j < n {
        if less(vm, &keys[buf[j]], &keys[buf[i]])? {
            idx[k] = buf[j];
            j += 1;
        } else {
            idx[k] = buf[i];
            i += 1;
        }
        k += 1;
    }
    while i < mid {
        idx[k] = buf[i];
        i += 1;
        k += 1;
    }
    while j < n {
        idx[k] = buf[j];
        j += 1;
        k += 1;
    }
    Ok(())
}

fn sorted(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "sorted", kwargs, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let mut items = vm.collect_iterable(&args[0])?;
    let key = kwarg(kwargs, "key").cloned().filter(|k| !k.is_none());
    let reverse = match kwarg(kwargs, "reverse") {
        Some(r) => vm.truthy(r)?,
        None => false,
    };
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(Value::list(items))
}

/// isinstance / issubclass against a class or a tuple of classes.
/// Whether an instance whose class overrides `__class__` (or all attribute access,
/// as weak proxies do) reports a subclass of `t` there (`isinstance` honours the
/// claim, as CPython does).
fn claims_class(vm: &mut Vm, obj: &Value, cls: &TypeRef, t: &TypeRef) -> PyResult<bool> {
    if !matches!(obj, Value::Instance(_)) {
        return Ok(false);
    }
    let name = vm.names.d_class.clone();
    if cls.lookup(&name).is_none()
        && !matches!(cls.lookup(&vm.names.getattribute), Some(Value::Function(_)))
    {
        return Ok(false);
    }
    Ok(match vm.get_attr(obj, &name)? {
        Value::Type(claimed) => !Rc::ptr_eq(&claimed, cls) && claimed.is_subtype(t),
        _ => false,
    })
}

/// `isinstance` / `issubclass` against a tuple or union of classes.
fn any_class_check(vm: &mut Vm, obj: &Value, specs: &[Value], instance: bool) -> PyResult<bool> {
    for s in specs {
        if class_check(vm, obj, s, instance)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn class_check(vm: &mut Vm, obj: &Value, spec: &Value, instance: bool) -> PyResult<bool> {
    let fname = if instance { "isinstance" } else { "issubclass" };
    let cls = match (instance, obj) {
        (true, v) => vm.type_of(v),
        (false, Value::Type(t)) => t.clone(),
        (false, _) => return Err(vm.type_error("issubclass() arg 1 must be a class")),
    };
    match spec {
        Value::Type(t) => {
            // An exact type match never consults the hooks.
            if instance && Rc::ptr_eq(&cls, t) {
                return Ok(true);
            }
            let check = if instance {
                vm.names.instancecheck.clone()
            } else {
                vm.names.subclasscheck.clone()
            };
            if let Some(meta) = t.meta.borrow().clone() {
                if let Some(f @ Value::Function(_)) = meta.lookup(&check) {
                    let r = vm.call(&f, &[spec.clone(), obj.clone()], &[])?;
                    return vm.truthy(&r);
                }
            }
            Ok(cls.is_subtype(t) || instance && claims_class(vm, obj, &cls, t)?)
        }
        Value::Tuple(t) => {
            let context = if instance {
                " in __instancecheck__"
            } else {
                " in __subclasscheck__"
            };
            vm.nested(context, |vm| any_class_check(vm, obj, &t.items, instance))
        }
        Value::Obj(_) | Value::Instance(_) if super::generic_alias::alias_value(spec).is_some() => {
            Err(super::generic_alias::class_check_error(vm, instance))
        }
        Value::Obj(o) if matches!(o.kind, ObjKind::UnionType(_)) => match &o.kind {
            ObjKind::UnionType(members) => any_class_check(vm, obj, members, instance),
            _ => Ok(false),
        },
        _ => Err(vm.type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn isinstance(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "isinstance", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, &args[0], &args[1], true)?))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "issubclass", args, 2, 2)?;
    Ok(Value::Bool(class_check(vm, &args[0], &args[1], false)?))
}

fn attr_name(vm: &mut Vm, v: &Value) -> PyResult<Rc<PyStr>> {
    match v {
        Value::Str(s) => Ok(vm.intern(s.as_str())),
        other => Err(vm.type_error(format!(
            "attribute name must be string, not '{}'",
            vm.type_name(other)
        ))),
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, &args[1])?;
    match args.get(2) {
        None => vm.get_attr(&args[0], &name),
        Some(d) => Ok(vm
            .get_attr_opt(&args[0], &name)?
            .unwrap_or_else(|| d.clone())),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, &args[1])?;
    vm.set_attr(&args[0], &name, args[2].clone())?;
    Ok(Value::None)
}

fn delattr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    vm.del_attr(&args[0], &name)?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, &args[1])?;
    Ok(Value::Bool(vm.get_attr_opt(&args[0], &name)?.is_some()))
}

fn id(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "id", args, 1, 1)?;
    let v = &args[0];
    Ok(Value::Int(match v.ptr() {
        Some(p) => p as i64,
        None => match v {
            Value::Int(i) => 0x7f00_0000_0000 + i.wrapping_mul(32),
            Value::Float(f) => f.to_bits() as i64 >> 8,
            Value::Bool(b) => 0x7e00_0000_0000 + *b as i64 * 32,
            _ => 0x7d00_0000_0000,
        },
    }))
}

fn hash(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash(&args[0])?))
}

fn callable(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, &args[0])))
}

/// `callable(v)`.
pub fn is_callable(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        _ => vm.type_of(v).lookup(&vm.names.d_call).is_some(),
    }
}

fn chr(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "chr", args, 1, 1)?;
    let i = arg_int(vm, &args[0])?;
    match u32::try_from(i).ok().filter(|&cp| cp < 0x110000) {
        Some(cp) => Ok(crate::builtins::str::code_point_str(cp)),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "ord", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => {
            let mut it = s.code_points();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => Err(vm.type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                ))),
            }
        }
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) if b.len() == 1 => Ok(Value::Int(b[0] as i64)),
            ObjKind::Bytes(b) => Err(vm.type_error(format!(
                "ord() expected a character, but string of length {} found",
                b.len()
            ))),
            _ => Err(vm.type_error(format!(
                "ord() expected string of length 1, but {} found",
                vm.type_name(&args[0])
            ))),
        },
        other => Err(vm.type_error(format!(
            "ord() expected string of length 1, but {} found",
            vm.type_name(other)
        ))),
    }
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, r: u32, prefix: &str) -> PyResult<Value> {
    check_args(vm, name, args, 1, 1)?;
    let v = match vm.index_value(&args[0]) {
        Ok(Some(i)) => Value::Int(i),
        _ => match &args[0] {
            Value::BigInt(_) => args[0].clone(),
            other => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(other)
                )))
            }
        },
    };
    let i = as_int(&v).unwrap_or(IntRef::Small(0));
    let neg = i.is_negative();
    let body = bigint::to_string_radix(&i, r);
    let body = body.trim_start_matches('-');
    Ok(Value::from_string(format!(
        "{}{}{}",
        if neg { "-" } else { "" },
        prefix,
        body
    )))
}

fn hex(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    radix(vm, args, "hex", 16, "0x")
}
fn oct(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    radix(vm, args, "oct", 8, "0o")
}
fn bin(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    radix(vm, args, "bin", 2, "0b")
}

fn format(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "format() argument 2 must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => String::new(),
    };
    Ok(Value::Str(vm.format(&args[0], &spec)?))
}

fn iter(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        let callable_name = vm.names.d_call.clone();
        let is_callable = matches!(
            &args[0],
            Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_)
        ) || vm.type_of(&args[0]).lookup(&callable_name).is_some();
        if !is_callable {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        return Ok(Value::obj(
            vm.types.callable_iterator.clone(),
            ObjKind::Iter(crate::object::PyCell::new(
                crate::object::IterState::Callable {
                    func: args[0].clone(),
                    sentinel: args[1].clone(),
                },
            )),
        ));
    }
    vm.get_iter(&args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "next", args, 1, 2)?;
    let it = &args[0];
    let is_iter = matches!(it, Value::Generator(_))
        || matches!(it, Value::Obj(o) if matches!(o.kind, ObjKind::Iter(_)))
        || {
            let n = vm.names.d_next.clone();
            vm.type_of(it).lookup(&n).is_some()
        };
    if !is_iter {
        return Err(vm.type_error(format!("'{}' object is not an iterator", vm.type_name(it))));
    }
    match it {
        Value::Generator(g) => match crate::vm::generator::resume(vm, g, Value::None, None)? {
            crate::vm::generator::Sent::Yielded(v) => Ok(v),
            crate::vm::generator::Sent::Returned(r) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(r)),
            },
        },
        _ => match vm.next(it)? {
            Some(v) => Ok(v),
            None => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(vm.stop_iteration(Value::None)),
            },
        },
    }
}

fn any(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "any", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "all", args, 1, 1)?;
    let it = vm.get_iter(&args[0])?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn round(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "round", kwargs, &["ndigits"])?;
    check_args(vm, "round", args, 1, 2)?;
    let nd = args
        .get(1)
        .cloned()
        .or_else(|| kwarg(kwargs, "ndigits").cloned())
        .filter(|v| !v.is_none());
    match &args[0] {
        Value::Float(f) => match nd {
            None => {
                let r = f.round_ties_even();
                crate::builtins::types::float_to_int(vm, r)
            }
            Some(n) => {
                let n = arg_int(vm, &n)?;
                crate::object::float::round_digits(*f, n)
                    .map(Value::Float)
                    .ok_or_else(|| vm.overflow_error("rounded value too large to represent"))
            }
        },
        v if as_int(v).is_some() => match nd {
            None => Ok(bigint::add(
                as_int(v).unwrap_or(IntRef::Small(0)),
                IntRef::Small(0),
            )),
            Some(n) => {
                let n = arg_int(vm, &n)?;
                if n >= 0 {
                    return Ok(bigint::add(
                        as_int(v).unwrap_or(IntRef::Small(0)),
                        IntRef::Small(0),
                    ));
                }
                let p = bigint::pow(IntRef::Small(10), IntRef::Small(n.saturating_neg()))
                    .map_err(|e| vm.int_error(e))?;
                let x = as_int(v).unwrap_or(IntRef::Small(0)).to_big();
                let pb = as_int(&p).unwrap_or(IntRef::Small(1)).to_big();
                use num_integer::Integer;
                let (q, r) = x.div_mod_floor(&pb);
                let twice: num_bigint::BigInt = &r * 2;
                let q = match twice.cmp(&pb) {
                    std::cmp::Ordering::Greater => q + 1,
                    std::cmp::Ordering::Equal if q.is_odd() => q + 1,
                    _ => q,
                };
                Ok(bigint::normalize(q * pb))
            }
        },
        other => {
            let name = vm.names.d_round.clone();
            match vm.type_of(other).lookup(&name) {
                Some(m) => {
                    let extra: Vec<Value> = nd.into_iter().collect();
                    vm.call_method_value(m, other, &extra)
                }
                None => Err(vm.type_error(format!(
                    "type {} doesn't define __round__ method",
                    vm.type_name(other)
                ))),
            }
        }
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "divmod", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    if as_int(a).is_some() && as_int(b).is_some()
        || matches!((a, b), (Value::Float(_), _) | (_, Value::Float(_)))
    {
        let q = vm.binary_op(crate::code::BinOp::FloorDiv, a, b)?;
        let r = vm.binary_op(crate::code::BinOp::Mod, a, b)?;
        return Ok(Value::tuple_from([q, r]));
    }
    let name = vm.names.divmod.clone();
    match vm.type_of(a).lookup(&name) {
        Some(m) => vm.call_method_value(m, a, std::slice::from_ref(b)),
        None => Err(vm.type_error(format!(
            "unsupported operand type(s) for divmod(): '{}' and '{}'",
            vm.type_name(a),
            vm.type_name(b)
        ))),
    }
}

fn pow(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    only_kwargs(vm, "pow", kwargs, &["base", "exp", "mod"])?;
    check_args(vm, "pow", args, 2, 3)?;
    match args.get(2).filter(|m| !m.is_none()) {
        None => vm.binary_op(crate::code::BinOp::Pow, &args[0], &args[1]),
        Some(m) => match (as_int(&args[0]), as_int(&args[1]), as_int(m)) {
            (Some(a), Some(b), Some(mm)) => match bigint::pow_mod(a, b, mm) {
                Ok(r) => Ok(r),
                Err(bigint::PowModError::ZeroModulus) => {
                    Err(vm.value_error("pow() 3rd argument cannot be 0"))
                }
                Err(bigint::PowModError::NotInvertible) => {
                    Err(vm.value_error("base is not invertible for the given modulus"))
                }
            },
            _ => {
                Err(vm
                    .type_error("pow() 3rd argument not allowed unless all arguments are integers"))
            }
        },
    }
}

fn globals(vm: &mut Vm, _args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    Ok(vm
        .frames
        .last()
        .map(|f| Value::Dict(f.globals().clone()))
        .unwrap_or(Value::None))
}

/// `locals()`: the namespace in module/class bodies, a fresh snapshot in functions.
pub fn locals(vm: &mut Vm, _args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    Ok(match vm.frames.len() {
        0 => Value::None,
        n => vm.locals_of(n - 1),
    })
}

fn vars(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "vars", args, 0, 1)?;
    match args.first() {
        None => locals(vm, args, kwargs),
        Some(v) => {
            let name = vm.names.d_dict.clone();
            match vm.get_attr_opt(v, &name)? {
                Some(d) => Ok(d),
                None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
            }
        }
    }
}

fn dir(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "dir", args, 0, 1)?;
    let mut names: Vec<String> = Vec::new();
    match args.first() {
        None => {
            if let Value::Dict(d) = locals(vm, args, kwargs)? {
                for k in d.keys() {
                    if let Value::Str(s) = k {
                        names.push(s.as_str().to_string());
                    }
                }
            }
        }
        Some(v) => {
            let mut add = |d: &Dict| {
                for k in d.keys() {
                    if let Value::Str(s) = k {
                        names.push(s.as_str().to_string());
                    }
                }
            };
            match v {
                Value::Module(m) => add(&m.dict),
                Value::Type(t) => {
                    for c in t.mro.borrow().iter() {
                        add(&c.dict);
                    }
                }
                _ => {
                    if let Some(d) = vm.instance_dict(v) {
                        add(&d);
                    }
                    for c in vm.type_of(v).mro.borrow().iter() {
                        add(&c.dict);
                    }
                }
            }
        }
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.iter().map(|n| Value::str(n)).collect()))
}

fn code_arg(
    vm: &mut Vm,
    src: &Value,
    mode: crate::compile::Mode,
    filename: &str,
) -> PyResult<Rc<crate::code::Code>> {
    match src {
        Value::Code(c) => Ok(c.clone()),
        Value::Str(s) => {
            let text = s.as_str();
            if text.contains('\0') {
                // CPython's error names no location: each attribute is None.
                let err = vm.source_error("source code string cannot contain null bytes");
                if let Value::Instance(i) = err.value() {
                    if let Some(d) = &i.dict {
                        const NAMES: [&str; 6] = [
                            "filename",
                            "lineno",
                            "offset",
                            "text",
                            "end_lineno",
                            "end_offset",
                        ];
                        for name in NAMES {
                            d.set_str(vm.intern(name), Value::None);
                        }
                    }
                }
                return Err(err);
            }
            let text = if mode == crate::compile::Mode::Eval {
                text.trim_start_matches([' ', '\t'])
            } else {
                text
            };
            crate::modules::remember_source(filename, text);
            let code = crate::compile::compile(text, filename, mode)
                .map_err(|e| vm.syntax_error(&e, filename))?;
            vm.code_compiled(&code);
            Ok(code)
        }
        other => match super::bytearray::bytes_like(other) {
            // Source bytes are decoded as a file's are (PEP 263).
            Some(bytes) => {
                let text = crate::vm::source_file::decode(&bytes, filename)
                    .map_err(|m| vm.source_error(&m))?;
                code_arg(vm, &Value::str(&text), mode, filename)
            }
            None => Err(vm.type_error(format!(
                "exec() arg 1 must be a string, bytes or code object, not {}",
                vm.type_name(other)
            ))),
        },
    }
}

fn namespaces(vm: &mut Vm, args: &[Value]) -> PyResult<(Rc<Dict>, Option<Rc<Dict>>)> {
    let caller_globals = vm.frames.last().map(|f| f.globals().clone());
    let globals = match args.get(1) {
        Some(Value::Dict(d)) => d.clone(),
        Some(Value::None) | None => caller_globals.unwrap_or_else(Dict::new_rc),
        Some(other) => {
            return Err(vm.type_error(format!(
                "globals must be a dict, not {}",
                vm.type_name(other)
            )))
        }
    };
    let locals = match args.get(2) {
        Some(Value::Dict(d)) => Some(d.clone()),
        Some(Value::None) | None => {
            if args.get(1).is_some_and(|g| !g.is_none()) {
                Some(globals.clone())
            } else {
                match locals(vm, &[], &[])? {
                    Value::Dict(d) => Some(d),
                    _ => None,
                }
            }
        }
        Some(other) => {
            return Err(vm.type_error(format!(
                "locals must be a mapping, not {}",
                vm.type_name(other)
            )))
        }
    };
    let key = vm.names.builtins.clone();
    if globals.get_str(&key).is_none() {
        let b = Value::Dict(vm.builtins.clone());
        vm.dict_will_set_str(&globals, &key, &b);
        globals.set_str(key, b);
    }
    Ok((globals, locals))
}

fn exec(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "exec", args, 1, 3)?;
    let code = code_arg(vm, &args[0], crate::compile::Mode::Exec, "<string>")?;
    let (g, l) = namespaces(vm, args)?;
    vm.run_code(code, g, l)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "eval", args, 1, 3)?;
    let code = code_arg(vm, &args[0], crate::compile::Mode::Eval, "<string>")?;
    let (g, l) = namespaces(vm, args)?;
    vm.run_code(code, g, l)
}

/// The flags `compile` accepts: the `__future__` features, PyCF_SOURCE_IS_UTF8 ...
/// PyCF_OPTIMIZED_AST, and the obsolete CO_NESTED.
const COMPILE_FLAGS: i64 = 0x1fe_0000 | 0x10 | 0xff00;

/// `compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1)`.
/// Source is compiled to code; PyCF_ONLY_AST (an AST) is for the library's side
/// (tripwire-stdlib wraps this builtin), so here it is refused.
pub fn compile(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [src, filename, mode, flags, _dont_inherit, optimize, _feature_version] =
        super::parse_clinic_args(
            vm,
            "compile",
            [
                "source",
                "filename",
                "mode",
                "flags",
                "dont_inherit",
                "optimize",
                "_feature_version",
            ],
            6,
            3,
            args,
            kwargs,
        )?;
    let (Some(src), Some(Value::Str(filename)), Some(Value::Str(mode))) = (src, filename, mode)
    else {
        return Err(vm.type_error("compile() missing required argument 'source' (pos 1)"));
    };
    let flags = match &flags {
        Some(f) => arg_int(vm, f)?,
        None => 0,
    };
    if flags & !COMPILE_FLAGS != 0 {
        return Err(vm.value_error("compile(): unrecognised flags"));
    }
    // Read as CPython reads it (an integer), though every level compiles alike.
    if let Some(level) = &optimize {
        arg_int(vm, level)?;
    }
    let m = match mode.as_str() {
        "exec" => crate::compile::Mode::Exec,
        "single" => crate::compile::Mode::Single,
        "eval" => crate::compile::Mode::Eval,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    if flags & 0x400 != 0 {
        return Err(vm.new_error(
            &vm.types.not_implemented_error.clone(),
            "compile() cannot produce an AST without CPython's library",
        ));
    }
    Ok(Value::Code(code_arg(vm, &src, m, filename.as_str())?))
}

fn import(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [name, _globals, _locals, fromlist, level] = super::parse_clinic_args(
        vm,
        "__import__",
        ["name", "globals", "locals", "fromlist", "level"],
        5,
        1,
        args,
        kwargs,
    )?;
    let Some(Value::Str(name)) = &name else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let fromlist = fromlist.unwrap_or(Value::None);
    let level = level.unwrap_or(Value::Int(0));
    let fi = vm.frames.len().saturating_sub(1);
    vm.import_name(name, &fromlist, &level, fi)
}

fn input(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.to_str(p)?;
        vm.write_stdout_str(&s)?;
    }
    vm.flush_stdout()?;
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(vm.new_error(&vm.types.eof_error.clone(), "EOF when reading a line")),
        Ok(_) => Ok(Value::from_string(
            line.trim_end_matches(['\n', '\r']).to_string(),
        )),
        Err(e) => Err(vm.new_error(&vm.types.os_error.clone(), &e.to_string())),
    }
}

pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("print", print),
        ("len", len),
        ("repr", repr),
        ("ascii", ascii),
        ("abs", abs),
        ("min", min),
        ("max", max),
        ("sum", sum),
        ("sorted", sorted),
        ("isinstance", isinstance),
        ("issubclass", issubclass),
        ("getattr", getattr),
        ("setattr", setattr),
        ("delattr", delattr),
        ("hasattr", hasattr),
        ("id", id),
        ("hash", hash),
        ("callable", callable),
        ("chr", chr),
        ("ord", ord),
        ("hex", hex),
        ("oct", oct),
        ("bin", bin),
        ("format", format),
        ("iter", iter),
        ("next", next),
        ("aiter", super::async_iter::aiter),
        ("anext", super::async_iter::anext),
        ("any", any),
        ("all", all),
        ("round", round),
        ("divmod", divmod),
        ("pow", pow),
        ("globals", globals),
        ("locals", locals),
        ("vars", vars),
        ("dir", dir),
        ("exec", exec),
        ("eval", eval),
        ("compile", compile),
        ("__import__", import),
        ("input", input),
    ];
    for (name, f) in fns {
        add_function(vm, &b, "builtins", name, *f);
    }
    let k = vm.names.d_name.clone();
    b.set_str(k, Value::str("builtins"));
    let _ = PyStr::new;
}

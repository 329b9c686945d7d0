//! `unicodedata`: the Unicode character database, on the tables of the
//! `rustpython-unicode` crate (ICU4X's properties and normalizer, `unicode_names2`'s
//! names; Unicode 17.0 where CPython 3.13 has 15.1). Its functions read the latest
//! database; `ucd_3_2_0` (what `stringprep` and IDNA use) is a `UCD` object whose
//! methods read the crate's Unicode 3.2.0 view. Depends on core's public API.

use rustpython_unicode::{LookupResult, NormalizeForm, Ucd};
use rustpython_wtf8::{CodePoint, Wtf8};
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{wtf8, Dict, PyStr, Value};
use tripwire_core::{PyResult, Vm};

/// The precomposed Hangul syllables.
const HANGUL_SYLLABLES: std::ops::RangeInclusive<u32> = 0xAC00..=0xD7A3;

/// CPython's longest accepted name for `lookup`.
const NAME_MAX_LEN: usize = 256;

/// The single character argument `index` of `fname`.
fn char_arg(vm: &Vm, fname: &str, args: &[Value], index: usize) -> PyResult<CodePoint> {
    let arg = &args[index];
    let code_point = match arg {
        Value::Str(s) if s.char_len() == 1 => s.code_point_at(0).and_then(CodePoint::from_u32),
        _ => None,
    };
    code_point.ok_or_else(|| {
        vm.type_error(format!(
            "{fname}() argument {} must be a unicode character, not {}",
            index + 1,
            vm.type_name(arg)
        ))
    })
}

/// The str argument `index` of `fname`.
fn str_arg<'a>(vm: &Vm, fname: &str, args: &'a [Value], index: usize) -> PyResult<&'a PyStr> {
    match &args[index] {
        Value::Str(s) => Ok(s),
        other => Err(vm.type_error(format!(
            "{fname}() argument {} must be str, not {}",
            index + 1,
            vm.type_name(other)
        ))),
    }
}

/// A property with no value for the character: the caller's default, else
/// ValueError(`missing`).
fn or_default(vm: &Vm, found: Option<Value>, args: &[Value], missing: &str) -> PyResult<Value> {
    match (found, args.get(1)) {
        (Some(v), _) => Ok(v),
        (None, Some(default)) => Ok(default.clone()),
        (None, None) => Err(vm.value_error(missing)),
    }
}

fn decimal(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "decimal", args, 1, 2)?;
    let c = char_arg(vm, "decimal", args, 0)?;
    let found = ucd.decimal(c).map(|d| Value::Int(d as i64));
    or_default(vm, found, args, "not a decimal")
}

fn digit(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "digit", args, 1, 2)?;
    let c = char_arg(vm, "digit", args, 0)?;
    let found = ucd.digit(c).map(|d| Value::Int(d as i64));
    or_default(vm, found, args, "not a digit")
}

fn numeric(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "numeric", args, 1, 2)?;
    let c = char_arg(vm, "numeric", args, 0)?;
    or_default(
        vm,
        ucd.numeric(c).map(Value::Float),
        args,
        "not a numeric character",
    )
}

fn name(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "name", args, 1, 2)?;
    let c = char_arg(vm, "name", args, 0)?;
    let found = c
        .to_char()
        .filter(|&ch| ucd.membership(ch))
        .and_then(rustpython_unicode::character_name)
        .map(|n| Value::str(&n));
    or_default(vm, found, args, "no such name")
}

fn lookup(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "lookup", args, 1, 1)?;
    let text = match &args[0] {
        Value::Str(s) => s.as_str().to_string(),
        other => match tripwire_core::builtins::bytearray::bytes_like(other) {
            Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            None => {
                return Err(vm.type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(other)
                )))
            }
        },
    };
    if text.len() > NAME_MAX_LEN {
        return Err(vm.key_error(Value::str("name too long")));
    }
    match ucd.lookup(&text) {
        Some(LookupResult::Character(ch)) => Ok(Value::str(&ch.to_string())),
        Some(LookupResult::Sequence(seq)) => Ok(Value::str(seq)),
        None => Err(vm.key_error(Value::str(&format!("undefined character name '{text}'")))),
    }
}

fn category(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "category", args, 1, 1)?;
    let c = char_arg(vm, "category", args, 0)?;
    Ok(Value::str(ucd.category(c)))
}

fn bidirectional(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "bidirectional", args, 1, 1)?;
    let c = char_arg(vm, "bidirectional", args, 0)?;
    Ok(Value::str(ucd.bidirectional(c)))
}

fn east_asian_width(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "east_asian_width", args, 1, 1)?;
    let c = char_arg(vm, "east_asian_width", args, 0)?;
    Ok(Value::str(ucd.east_asian_width(c)))
}

fn combining(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "combining", args, 1, 1)?;
    let c = char_arg(vm, "combining", args, 0)?;
    Ok(Value::Int(ucd.combining(c) as i64))
}

fn mirrored(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "mirrored", args, 1, 1)?;
    let c = char_arg(vm, "mirrored", args, 0)?;
    Ok(Value::Int(ucd.mirrored(c) as i64))
}

fn decomposition(vm: &mut Vm, ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    check_args(vm, "decomposition", args, 1, 1)?;
    let c = char_arg(vm, "decomposition", args, 0)?;
    // CPython's database leaves out the Hangul syllables, whose decomposition is
    // algorithmic (the normalizer still applies it).
    if HANGUL_SYLLABLES.contains(&c.to_u32()) {
        return Ok(Value::str(""));
    }
    Ok(Value::str(&ucd.decomposition(c)))
}

/// The form and text arguments of `normalize` / `is_normalized`.
fn form_and_text<'a>(
    vm: &Vm,
    fname: &str,
    args: &'a [Value],
) -> PyResult<(NormalizeForm, &'a PyStr)> {
    check_args(vm, fname, args, 2, 2)?;
    let form = str_arg(vm, fname, args, 0)?;
    let text = str_arg(vm, fname, args, 1)?;
    let form = form
        .as_str()
        .parse()
        .map_err(|()| vm.value_error("invalid normalization form"))?;
    Ok((form, text))
}

/// The runs of `text` between lone surrogates, each with the surrogate after it:
/// normalization leaves a surrogate as it is and never looks across one.
fn surrogate_free_runs(text: &PyStr) -> Vec<(String, Option<u32>)> {
    let mut runs = Vec::new();
    let mut run = String::new();
    for cp in text.code_points() {
        match char::from_u32(cp) {
            Some(ch) => run.push(ch),
            None => runs.push((std::mem::take(&mut run), Some(cp))),
        }
    }
    runs.push((run, None));
    runs
}

fn normalize(vm: &mut Vm, _ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, "normalize", args)?;
    let mut out = Vec::with_capacity(text.wtf8().len());
    for (run, surrogate) in surrogate_free_runs(text) {
        let normal = rustpython_unicode::normalize(form, Wtf8::new(run.as_str()));
        out.extend_from_slice(normal.into_string_lossy().as_bytes());
        if let Some(cp) = surrogate {
            wtf8::push(&mut out, cp);
        }
    }
    Ok(Value::Str(std::rc::Rc::new(PyStr::from_wtf8(out))))
}

fn is_normalized(vm: &mut Vm, _ucd: Ucd, args: &[Value]) -> PyResult<Value> {
    let (form, text) = form_and_text(vm, "is_normalized", args)?;
    let normal = surrogate_free_runs(text)
        .iter()
        .all(|(run, _)| rustpython_unicode::is_normalized(form, Wtf8::new(run.as_str())));
    Ok(Value::Bool(normal))
}

/// Each function as the module's (the latest database) and as `ucd_3_2_0`'s.
macro_rules! views {
    ($($name:ident),* $(,)?) => {
        mod latest {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                super::$name(vm, Ucd::new(true), args)
            })*
        }
        mod legacy {
            use super::*;
            $(pub fn $name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                super::$name(vm, Ucd::new(false), args)
            })*
        }
        const FUNCTIONS: &[(&str, tripwire_core::object::NativeFn, tripwire_core::object::NativeFn)] =
            &[$((stringify!($name), latest::$name, legacy::$name)),*];
    };
}

views!(
    decimal,
    digit,
    numeric,
    name,
    lookup,
    category,
    bidirectional,
    east_asian_width,
    combining,
    mirrored,
    decomposition,
    normalize,
    is_normalized,
);

/// `UCD`, the class of `ucd_3_2_0`, whose methods are the legacy view's functions
/// (`_legacy_NAME` in the namespace this runs in).
const UCD_CLASS: &str = "
class UCD:
    unidata_version = '3.2.0'
    def __init__(self, *args, **kwargs):
        raise TypeError(\"cannot create 'unicodedata.UCD' instances\")
for _name in _FUNCTIONS:
    setattr(UCD, _name, staticmethod(globals()['_legacy_' + _name]))
ucd_3_2_0 = object.__new__(UCD)
";

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    // The legacy view's functions go to a namespace of their own, where the class
    // of `ucd_3_2_0` is made from them.
    let ns = Dict::new_rc();
    let mut names = Vec::new();
    for &(name, latest, legacy) in FUNCTIONS {
        add_function(vm, d, "unicodedata", name, latest);
        let hidden: &'static str = Box::leak(format!("_legacy_{name}").into_boxed_str());
        add_function(vm, &ns, "unicodedata", hidden, legacy);
        names.push(Value::str(name));
    }
    ns.set_str(vm.intern("_FUNCTIONS"), Value::list(names));
    ns.set_str(vm.intern("__name__"), Value::str("unicodedata"));
    vm.exec_source(UCD_CLASS, "<frozen unicodedata>", ns.clone())?;
    for key in ["UCD", "ucd_3_2_0"] {
        let key = vm.intern(key);
        if let Some(v) = ns.get_str(&key) {
            d.set_str(key, v);
        }
    }
    d.set_str(
        vm.intern("unidata_version"),
        Value::str(&rustpython_unicode::unicode_version()),
    );
    Ok(())
}

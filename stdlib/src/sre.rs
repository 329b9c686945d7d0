//! `_sre_engine`: the native half of `_sre` (stdlib/src/py/_sre.py), on the
//! `rustpython-sre_engine` crate, which runs the pattern code CPython's
//! `re._compiler` produces. Here live the compiled code object, one match or search
//! run, and the case helpers of the compiler; the Pattern and Match types are Python
//! code over these. Depends on core's public API.

use rustpython_sre_engine::string::{lower_ascii, lower_unicode, upper_unicode};
use rustpython_sre_engine::{Request, State, StrDrive};
use tripwire_core::builtins::{add_function, arg_int, check_args, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

/// A pattern's compiled code, as `re._compiler` made it.
struct PatternCode(Box<[u32]>);

thread_local! {
    static CODE_TYPE: std::cell::RefCell<Option<TypeRef>> = const { std::cell::RefCell::new(None) };
}

fn code_type(vm: &mut Vm) -> TypeRef {
    if let Some(t) = CODE_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = native_type(vm, "_sre", "PatternCode", true, None, &[]);
    CODE_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// `code(list_of_ints)`: the pattern code as an opaque object.
fn code(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "code", args, 1, 1)?;
    let items = vm.collect_iterable(&args[0])?;
    let mut words = Vec::with_capacity(items.len());
    for item in &items {
        let w = arg_int(vm, item)?;
        let w = u32::try_from(w)
            .map_err(|_| vm.overflow_error("regular expression code size limit exceeded"))?;
        words.push(w);
    }
    let t = code_type(vm);
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(PatternCode(words.into())))),
    ))
}

/// How one run looks for a match.
#[derive(Clone, Copy)]
enum Mode {
    Match,
    FullMatch,
    Search,
}

/// Why a run of the engine gave no answer.
enum Refusal {
    /// The engine panicked on code `re._compiler` would never make.
    InvalidCode,
    /// The groups of the answer could not be held.
    NoMemory,
}

/// Where the groups of a successful run are: (start, end) of each group from 0, -1
/// for a group that did not take part, and the last group index.
fn outcome(state: &State, groups: usize) -> Result<Vec<Value>, Refusal> {
    let mut out = Vec::new();
    groups
        .checked_mul(2)
        .and_then(|n| n.checked_add(3))
        .and_then(|n| out.try_reserve_exact(n).ok())
        .ok_or(Refusal::NoMemory)?;
    out.push(Value::Int(state.marks.last_index() as i64));
    out.push(Value::Int(state.start as i64));
    out.push(Value::Int(state.cursor.position as i64));
    for g in 0..groups {
        let (start, end) = state.marks.get(g);
        match (start.into_option(), end.into_option()) {
            (Some(s), Some(e)) => {
                out.push(Value::Int(s as i64));
                out.push(Value::Int(e as i64));
            }
            _ => {
                out.push(Value::Int(-1));
                out.push(Value::Int(-1));
            }
        }
    }
    Ok(out)
}

thread_local! {
    /// The engine runs on this thread: a panic is its refusal of malformed code.
    static IN_ENGINE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The engine trusts its code and panics on code `re._compiler` would never make
/// (CPython checks the code when the pattern is compiled and raises RuntimeError);
/// such a panic is caught (`run_on`) and must not be reported as a crash.
fn quiet_engine_panics() {
    static INSTALL: std::sync::Once = std::sync::Once::new();
    INSTALL.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !IN_ENGINE.with(|e| e.get()) {
                previous(info);
            }
        }));
    });
}

/// One run of the engine.
fn run_on<S: StrDrive>(
    string: S,
    codes: &[u32],
    pos: usize,
    endpos: usize,
    mode: Mode,
    must_advance: bool,
    groups: usize,
) -> Result<Option<Vec<Value>>, Refusal> {
    let mut req = Request::new(string, pos, endpos, codes, matches!(mode, Mode::FullMatch));
    req.must_advance = must_advance;
    let mut state = State::default();
    quiet_engine_panics();
    IN_ENGINE.with(|e| e.set(true));
    let found = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match mode {
        Mode::Search => state.search(req),
        Mode::Match | Mode::FullMatch => state.py_match(&req),
    }));
    IN_ENGINE.with(|e| e.set(false));
    if !found.map_err(|_| Refusal::InvalidCode)? {
        return Ok(None);
    }
    outcome(&state, groups).map(Some)
}

/// `run(code, string, pos, endpos, mode, must_advance, groups)`: None, or a tuple
/// (lastindex, start, end, g1start, g1end, ...); mode 0 is match, 1 fullmatch,
/// 2 search. `pos` and `endpos` are already clamped to the string.
fn run(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "run", args, 7, 7)?;
    let mode = match arg_int(vm, &args[4])? {
        0 => Mode::Match,
        1 => Mode::FullMatch,
        _ => Mode::Search,
    };
    let pos = arg_int(vm, &args[2])?.max(0) as usize;
    let endpos = arg_int(vm, &args[3])?.max(0) as usize;
    let must_advance = vm.truthy(&args[5])?;
    let groups = arg_int(vm, &args[6])?.max(0) as usize;
    let Value::Obj(code_obj) = &args[0] else {
        return Err(vm.type_error("run() argument 1 must be a pattern code"));
    };
    let ObjKind::Native(cell) = &code_obj.kind else {
        return Err(vm.type_error("run() argument 1 must be a pattern code"));
    };
    let data = cell.borrow();
    let Some(PatternCode(codes)) = (**data).as_any().downcast_ref::<PatternCode>() else {
        return Err(vm.type_error("run() argument 1 must be a pattern code"));
    };
    let found = match &args[1] {
        // An ASCII str is its bytes, which the engine walks faster.
        Value::Str(s) if s.is_ascii() => run_on(
            s.as_str().as_bytes(),
            codes,
            pos,
            endpos,
            mode,
            must_advance,
            groups,
        ),
        Value::Str(s) => run_on(s.as_str(), codes, pos, endpos, mode, must_advance, groups),
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => run_on(&b[..], codes, pos, endpos, mode, must_advance, groups),
            // A bytearray or memoryview is matched on a copy: the engine must not
            // see it change size under it.
            _ => match tripwire_core::builtins::bytearray::bytes_like(&args[1]) {
                Some(b) => run_on(&b[..], codes, pos, endpos, mode, must_advance, groups),
                None => Ok(None),
            },
        },
        _ => Ok(None),
    };
    let found = found.map_err(|refusal| match refusal {
        Refusal::InvalidCode => vm.new_error(&vm.types.runtime_error.clone(), "invalid SRE code"),
        Refusal::NoMemory => vm.memory_error(),
    })?;
    Ok(found.map_or(Value::None, Value::tuple))
}

fn char_arg(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<u32> {
    check_args(vm, name, args, 1, 1)?;
    let c = arg_int(vm, &args[0])?;
    u32::try_from(c).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

fn ascii_iscased(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = char_arg(vm, "ascii_iscased", args)?;
    Ok(Value::Bool(
        c < 128 && (c as u8 as char).is_ascii_alphabetic(),
    ))
}

fn ascii_tolower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = char_arg(vm, "ascii_tolower", args)?;
    Ok(Value::Int(lower_ascii(c) as i64))
}

fn unicode_iscased(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = char_arg(vm, "unicode_iscased", args)?;
    Ok(Value::Bool(c != lower_unicode(c) || c != upper_unicode(c)))
}

fn unicode_tolower(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let c = char_arg(vm, "unicode_tolower", args)?;
    Ok(Value::Int(lower_unicode(c) as i64))
}

/// The `_sre_engine` module.
pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, tripwire_core::object::NativeFn)] = &[
        ("code", code),
        ("run", run),
        ("ascii_iscased", ascii_iscased),
        ("ascii_tolower", ascii_tolower),
        ("unicode_iscased", unicode_iscased),
        ("unicode_tolower", unicode_tolower),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_sre_engine", name, *f);
    }
    let consts = [
        ("MAGIC", rustpython_sre_engine::SRE_MAGIC as i64),
        ("CODESIZE", rustpython_sre_engine::CODESIZE as i64),
        ("MAXREPEAT", rustpython_sre_engine::MAXREPEAT as i64),
        ("MAXGROUPS", (i32::MAX / 2) as i64),
    ];
    for (name, v) in consts {
        d.set_str(vm.intern(name), Value::Int(v));
    }
    Ok(())
}

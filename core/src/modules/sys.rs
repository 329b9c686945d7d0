//! The `sys` module, with `sys.unraisablehook` (how exceptions nobody can catch — in
//! watcher callbacks, for example — are reported).

mod stdlib_names;
mod streams;

use crate::builtins::{add_function, arg_int, check_args, check_method_args};
use crate::object::function::KwArg;
use crate::object::types::Layout;
use crate::object::{
    bigint_text, Base, Dict, Instance, Module, ObjKind, PyCell, Type, TypeRef, Value,
};
use crate::vm::{PyErr, PyResult, Vm};
use num_traits::ToPrimitive;
use std::rc::Rc;

/// The console streams: which one a stream object writes to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

pub fn is_real_stdout(v: &Value) -> bool {
    stream_of(v) == Some(Stream::Stdout)
}

fn stream_of(v: &Value) -> Option<Stream> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Native(d) => (**d.borrow()).as_any().downcast_ref::<Stream>().copied(),
            _ => None,
        },
        _ => None,
    }
}

fn stream_write(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_method_args(vm, "write", args, 1, 1)?;
    let Value::Str(s) = &args[1] else {
        return Err(vm.type_error(format!(
            "write() argument must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    match stream_of(&args[0]) {
        Some(Stream::Stdout) => vm.write_stdout_str(s)?,
        _ => vm.write_stderr_str(s),
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    vm.flush_stdout()?;
    Ok(Value::None)
}

/// What `compile(..., 'single')` calls with the value of an expression statement:
/// the current `sys.displayhook`.
pub fn display_expression(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let hook = vm.sys.dict.get_str(&vm.intern("displayhook"));
    let Some(hook) = hook else {
        return Err(vm.runtime_error("lost sys.displayhook"));
    };
    vm.call(&hook, args, &[])
}

/// The default `sys.displayhook(value)`: unless it is None, write its repr and a
/// newline to `sys.stdout` and keep it as `builtins._`.
fn displayhook(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "displayhook", args, 1, 1)?;
    if matches!(args[0], Value::None) {
        return Ok(Value::None);
    }
    // `_` is None while repr runs, as in CPython, so a repr reading it sees no stale
    // value.
    let underscore = vm.intern("_");
    vm.builtins.set_str(underscore.clone(), Value::None);
    let text = vm.repr(&args[0])?;
    let stdout = vm.sys.dict.get_str(&vm.intern("stdout"));
    let stdout = match stdout {
        Some(Value::None) | None => return Err(vm.runtime_error("lost sys.stdout")),
        Some(s) => s,
    };
    if is_real_stdout(&stdout) {
        vm.write_stdout_str(&text)?;
        vm.write_stdout("\n")?;
    } else {
        vm.call_method(&stdout, "write", &[Value::Str(text)])?;
        vm.call_method(&stdout, "write", &[Value::str("\n")])?;
    }
    vm.builtins.set_str(underscore, args[0].clone());
    Ok(Value::None)
}

fn exit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "exit", args, 0, 1)?;
    let exc = vm.new_exception(&vm.types.system_exit.clone(), args.to_vec());
    Err(PyErr::from_value(exc))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "setrecursionlimit", args, 1, 1)?;
    let n = arg_int(vm, &args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn get_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "get_int_max_str_digits", kw)?;
    check_args(vm, "get_int_max_str_digits", args, 0, 0)?;
    Ok(Value::Int(bigint_text::max_str_digits() as i64))
}

fn set_int_max_str_digits(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::only_kwargs(vm, "set_int_max_str_digits", kw, &["maxdigits"])?;
    let arg = match (args, crate::builtins::kwarg(kw, "maxdigits")) {
        ([v], None) | ([], Some(v)) => v.clone(),
        ([], None) => {
            return Err(vm.type_error(
                "set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)",
            ))
        }
        _ => {
            return Err(vm.type_error(format!(
                "set_int_max_str_digits() takes at most 1 argument ({} given)",
                args.len() + kw.len()
            )))
        }
    };
    let n = super::math::index_big(vm, &arg)?;
    let n = n
        .to_i32()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C int"))?;
    if n != 0 && n < bigint_text::MIN_MAX_STR_DIGITS as i32 {
        return Err(vm.value_error(format!(
            "maxdigits must be 0 or larger than {}",
            bigint_text::MIN_MAX_STR_DIGITS
        )));
    }
    bigint_text::set_max_str_digits(n as usize);
    Ok(Value::None)
}

/// `sys.setswitchinterval(seconds)`: how long a thread runs before the scheduler may
/// switch (counted in ticks, see `vm::threads`).
fn setswitchinterval(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "setswitchinterval", kw)?;
    check_args(vm, "setswitchinterval", args, 1, 1)?;
    let seconds = super::math::to_f64(vm, &args[0])?;
    if seconds.is_nan() || seconds <= 0.0 {
        return Err(vm.value_error("switch interval must be strictly positive"));
    }
    vm.set_switch_interval(seconds);
    Ok(Value::None)
}

fn getswitchinterval(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    crate::builtins::no_kwargs(vm, "getswitchinterval", kw)?;
    check_args(vm, "getswitchinterval", args, 0, 0)?;
    Ok(Value::Float(vm.threads.interval_seconds()))
}

fn getframe(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_getframe", args, 0, 1)?;
    let depth = match args.first() {
        Some(v) => arg_int(vm, v)?,
        None => 0,
    };
    vm.getframe(depth)
}

fn settrace(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "settrace", args, 1, 1)?;
    vm.set_trace(args[0].clone());
    Ok(Value::None)
}

fn gettrace(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "gettrace", args, 0, 0)?;
    Ok(vm.thread.trace.clone())
}

fn setprofile(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "setprofile", args, 1, 1)?;
    vm.set_profile(args[0].clone());
    Ok(Value::None)
}

fn getprofile(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "getprofile", args, 0, 0)?;
    Ok(vm.thread.profile.clone())
}

fn intern(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "intern", args, 1, 1)?;
    match &args[0] {
        Value::Str(s) => Ok(Value::Str(vm.intern(s.as_str()))),
        other => Err(vm.type_error(format!(
            "intern() argument must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let e = vm.current_handled();
    if e.is_none() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Type(vm.type_of(&e));
    let tb = vm.traceback_of(&e);
    Ok(Value::tuple(vec![t, e, tb]))
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(vm.current_handled())
}

thread_local! {
    static HOOK_ARGS_TYPE: std::cell::RefCell<Option<TypeRef>> = const { std::cell::RefCell::new(None) };
}

/// The `UnraisableHookArgs` object handed to `sys.unraisablehook`.
pub fn unraisable_args(vm: &mut Vm, exc: &Value, err_msg: &str) -> Value {
    let cls = HOOK_ARGS_TYPE.with(|t| t.borrow().clone());
    let cls = cls.unwrap_or_else(|| {
        let t = Rc::new(Type::new(
            "UnraisableHookArgs",
            vec![vm.types.object.clone()],
            Vec::new(),
            Dict::new_rc(),
            Layout::Object,
            true,
            Vec::new(),
            true,
            None,
        ));
        *t.mro.borrow_mut() = vec![t.clone(), vm.types.object.clone()];
        *t.qualname.borrow_mut() = vm.intern("sys.UnraisableHookArgs");
        HOOK_ARGS_TYPE.with(|h| *h.borrow_mut() = Some(t.clone()));
        t
    });
    let d = Dict::new_rc();
    let tb = vm.traceback_of(exc);
    let fields = [
        ("exc_type", Value::Type(vm.type_of(exc))),
        ("exc_value", exc.clone()),
        ("exc_traceback", tb),
        ("err_msg", Value::str(err_msg)),
        ("object", Value::None),
    ];
    for (k, v) in fields {
        d.set_str(vm.intern(k), v);
    }
    Value::Instance(Instance::new_rc(Instance {
        cls: PyCell::new(cls),
        dict: Some(d),
        slots: PyCell::new(Box::default()),
        base: Base::None,
        finalized: std::cell::Cell::new(false),
        weakrefs: Default::default(),
    }))
}

/// Whether `hook` is the default `sys.unraisablehook`.
pub fn is_default_unraisablehook(hook: &Value) -> bool {
    matches!(hook, Value::Builtin(b) if b.func as usize == unraisablehook as crate::object::NativeFn as usize)
}

/// The default `sys.unraisablehook(args)`: "{err_msg}:" and the traceback on stderr.
fn unraisablehook(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "unraisablehook", args, 1, 1)?;
    let get = |vm: &mut Vm, name: &str| {
        let name = vm.intern(name);
        vm.get_attr_opt(&args[0], &name)
    };
    let err_msg = get(vm, "err_msg")?.unwrap_or(Value::None);
    let exc = get(vm, "exc_value")?.unwrap_or(Value::None);
    let obj = get(vm, "object")?.unwrap_or(Value::None);
    let head = match (&err_msg, obj.is_none()) {
        (Value::Str(m), true) => format!("{}:\n", m.as_str()),
        (Value::Str(m), false) => {
            let r = vm.repr(&obj)?;
            format!("{}: {}\n", m.as_str(), r.as_str())
        }
        (_, true) => "Exception ignored in:\n".to_string(),
        (_, false) => {
            let r = vm.repr(&obj)?;
            format!("Exception ignored in: {}\n", r.as_str())
        }
    };
    let text = if exc.is_none() {
        String::new()
    } else {
        vm.format_exception(&exc)
    };
    vm.write_stderr(&format!("{head}{text}"));
    Ok(Value::None)
}

/// Whether `name` is in `sys.stdlib_module_names` (as CPython 3.13 lists them).
pub fn is_stdlib_module(name: &str) -> bool {
    stdlib_names::contains(name)
}

/// A new `sys.stdlib_module_names` (the module makes it at its first read).
pub fn stdlib_module_names(vm: &mut Vm) -> PyResult<Value> {
    stdlib_names::frozenset(vm)
}

pub fn install(vm: &mut Vm) {
    let d: Rc<Dict> = vm.sys.dict.clone();
    let fns: &[(&'static str, crate::object::NativeFn)] = &[
        ("exit", exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("setswitchinterval", setswitchinterval),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("getswitchinterval", getswitchinterval),
        ("_getframe", getframe),
        ("settrace", settrace),
        ("gettrace", gettrace),
        ("setprofile", setprofile),
        ("getprofile", getprofile),
        ("intern", intern),
        ("exc_info", exc_info),
        ("exception", exception),
        ("unraisablehook", unraisablehook),
        ("displayhook", displayhook),
    ];
    for (name, f) in fns {
        add_function(vm, &d, "sys", name, *f);
    }
    let stream_type = crate::builtins::native_type(
        vm,
        "_io",
        "TextIOWrapper",
        true,
        None,
        &[("write", stream_write), ("flush", stream_flush)],
    );
    streams::install(vm, &stream_type);
    for (name, stream) in [("stdout", Stream::Stdout), ("stderr", Stream::Stderr)] {
        let obj = Value::obj(
            stream_type.clone(),
            ObjKind::Native(PyCell::new(Box::new(stream))),
        );
        let k = vm.intern(name);
        d.set_str(k, obj.clone());
        let k = vm.intern(&format!("__{name}__"));
        d.set_str(k, obj);
    }
    let set = |vm: &mut Vm, k: &str, v: Value| {
        let k = vm.intern(k);
        d.set_str(k, v);
    };
    set(vm, "__name__", Value::str("sys"));
    set(vm, "modules", Value::Dict(vm.modules.clone()));
    set(vm, "argv", Value::list(Vec::new()));
    set(vm, "path", Value::list(Vec::new()));
    set(vm, "maxsize", Value::Int(i64::MAX));
    set(vm, "byteorder", Value::str("little"));
    set(vm, "platform", Value::str("linux"));
    set(vm, "version", Value::str("3.13.0 (tripwire)"));
    set(
        vm,
        "version_info",
        Value::tuple(vec![
            Value::Int(3),
            Value::Int(13),
            Value::Int(0),
            Value::str("final"),
            Value::Int(0),
        ]),
    );
    if let Some(hook) = d.get_str(&vm.intern("unraisablehook")) {
        set(vm, "__unraisablehook__", hook);
    }
    if let Some(hook) = d.get_str(&vm.intern("displayhook")) {
        set(vm, "__displayhook__", hook);
    }
    let sysm = Value::Module(vm.sys.clone());
    let k = vm.intern("sys");
    vm.modules.set_str(k, sysm);
    // The module's namespace is the interpreter's builtins dict itself, so that
    // `builtins.len = f` is what every lookup of `len` sees.
    let builtins = Rc::new(Module::new(vm.intern("builtins"), vm.builtins.clone()));
    vm.builtins.set_str(vm.names.d_doc.clone(), Value::None);
    let k = vm.intern("builtins");
    vm.modules.set_str(k, Value::Module(builtins));
}

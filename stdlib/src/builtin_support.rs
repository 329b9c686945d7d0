//! What CPython's library expects of built-in types that core leaves to the
//! library's side: `object.__reduce_ex__` / `object.__reduce__` (over the bundled
//! `copy`'s default reduction), `mappingproxy(mapping)` and the descriptors
//! `type.__dict__['__mro__']` / `['__dict__']`, and the `exit` / `quit` builtins
//! CPython's site module adds. Installed on core's types through its public API.

use tripwire_core::builtins::{check_args, kwarg, native_type, set_static_new};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, ObjKind, PyCell, Value};
use tripwire_core::{PyResult, Vm};

/// `mappingproxy(mapping)`: a read-only view of a dict.
fn mappingproxy_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "mappingproxy", args, 2, 2)?;
    let dict = match &args[1] {
        Value::Dict(d) => Some(d.clone()),
        Value::Obj(o) => match &o.kind {
            ObjKind::MappingProxy(d) => Some(d.clone()),
            _ => None,
        },
        other => match vm.builtin_base(other) {
            Some(Value::Dict(d)) => Some(d),
            _ => None,
        },
    };
    match dict {
        Some(d) => Ok(Value::obj(
            vm.types.mappingproxy.clone(),
            ObjKind::MappingProxy(d),
        )),
        None => Err(vm.type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            vm.type_name(&args[1])
        ))),
    }
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let object = vm.types.object.clone();
    let source = include_str!("py/object_methods.py");
    tripwire_core::modules::install_python_methods(vm, &object, "builtins", source, &[])?;
    let reduce = object.dict.get_str(&vm.intern("__reduce__"));
    if let (Some(reduce), Some(Value::Function(f))) =
        (reduce, object.dict.get_str(&vm.intern("__reduce_ex__")))
    {
        f.globals.set_str(vm.intern("_OBJECT_REDUCE"), reduce);
    }
    let proxy = vm.types.mappingproxy.clone();
    set_static_new(vm, &proxy, "mappingproxy", mappingproxy_new);
    install_type_attributes(vm)?;
    install_quitters(vm);
    Ok(())
}

/// `type.__dict__` entries for the attributes core answers outside the namespace.
fn install_type_attributes(vm: &mut Vm) -> PyResult<()> {
    let ns = Dict::new_rc();
    ns.set_str(vm.intern("__name__"), Value::str("builtins"));
    let source = include_str!("py/type_attributes.py");
    vm.exec_source(source, "<frozen builtins>", ns.clone())?;
    let Some(descriptor) = ns.get_str(&vm.intern("getset_descriptor")) else {
        return Err(vm.runtime_error("type_attributes.py defines no getset_descriptor"));
    };
    let type_ = vm.types.type_.clone();
    for name in ["__mro__", "__dict__"] {
        let attribute = vm.call(&descriptor, &[Value::str(name)], &[])?;
        type_.dict.set_str(vm.intern(name), attribute);
    }
    Ok(())
}

/// What an `exit` or `quit` object holds: its own name.
struct Quitter(&'static str);

fn quitter_name(vm: &Vm, this: Option<&Value>) -> PyResult<&'static str> {
    if let Some(Value::Obj(o)) = this {
        if let ObjKind::Native(cell) = &o.kind {
            if let Some(q) = cell.borrow().as_any().downcast_ref::<Quitter>() {
                return Ok(q.0);
            }
        }
    }
    Err(vm.type_error("descriptor requires a 'Quitter' object"))
}

/// `repr(exit)`: how to leave.
fn quitter_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let name = quitter_name(vm, args.first())?;
    Ok(Value::from_string(format!(
        "Use {name}() or Ctrl-D (i.e. EOF) to exit"
    )))
}

/// `exit(code=None)`: stdin is closed, as an interactive shell reading it would
/// stop, then SystemExit(code).
fn quitter_call(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    quitter_name(vm, args.first())?;
    if let Some((k, _)) = kw.iter().find(|(k, _)| k.as_str() != "code") {
        return Err(vm.type_error(format!(
            "Quitter.__call__() got an unexpected keyword argument '{}'",
            k.as_str()
        )));
    }
    let code = match (args.get(1), kwarg(kw, "code")) {
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Quitter.__call__() got multiple values for argument 'code'"))
        }
        (Some(c), None) | (None, Some(c)) if args.len() <= 2 => c.clone(),
        (None, None) => Value::None,
        _ => {
            return Err(vm.type_error(format!(
                "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
                args.len()
            )))
        }
    };
    let stdin = vm.intern("stdin");
    if let Some(stream) = vm.sys.dict.get_str(&stdin) {
        let close = vm.intern("close");
        // A stdin that cannot be closed does not keep the program from leaving.
        if let Ok(Some(f)) = vm.get_attr_opt(&stream, &close) {
            let _ = vm.call(&f, &[], &[]);
        }
    }
    let exit = vm.types.system_exit.clone();
    let exc = vm.new_exception(&exit, vec![code]);
    Err(tripwire_core::PyErr::from_value(exc))
}

/// `exit` and `quit`, whose class is `_sitebuiltins.Quitter` as in CPython.
fn install_quitters(vm: &mut Vm) {
    let methods: &[(&'static str, NativeFn)] =
        &[("__repr__", quitter_repr), ("__call__", quitter_call)];
    let cls = native_type(vm, "_sitebuiltins", "Quitter", false, None, methods);
    for name in ["exit", "quit"] {
        let quitter = Value::obj(
            cls.clone(),
            ObjKind::Native(PyCell::new(Box::new(Quitter(name)))),
        );
        vm.builtins.set_str(vm.intern(name), quitter);
    }
}

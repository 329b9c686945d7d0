//! What CPython's library expects of built-in types that core leaves to the
//! library's side: `object.__reduce_ex__` / `object.__reduce__` (over the bundled
//! `copy`'s default reduction), `mappingproxy(mapping)` and the descriptors
//! `type.__dict__['__mro__']` / `['__dict__']`, and the `exit` / `quit` builtins
//! CPython's site module adds. Installed on core's types through its public API.

use tripwire_core::builtins::{check_args, set_static_new};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, Value};
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
    install_quitters(vm)
}

/// `exit` and `quit`, whose class is `_sitebuiltins.Quitter` as in CPython.
fn install_quitters(vm: &mut Vm) -> PyResult<()> {
    let ns = Dict::new_rc();
    ns.set_str(vm.intern("__name__"), Value::str("_sitebuiltins"));
    vm.exec_source(
        include_str!("py/quitter.py"),
        "<frozen _sitebuiltins>",
        ns.clone(),
    )?;
    for name in ["exit", "quit"] {
        let key = vm.intern(name);
        if let Some(quitter) = ns.get_str(&key) {
            vm.builtins.set_str(key, quitter);
        }
    }
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

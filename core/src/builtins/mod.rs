//! The `builtins` namespace and the methods of the built-in types.
//!
//! Each submodule holds one type's methods or one family of functions; `install`
//! registers them all. Native functions share the `NativeFn` signature and check their
//! own arguments with the helpers here, raising CPython's TypeErrors.

mod async_iter;
pub mod attrs;
pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod complex;
pub mod descriptors;
pub mod dict;
pub mod dunders;
pub mod format;
pub mod format_spec;
pub mod function;
pub mod functions;
pub mod generic_alias;
pub mod iterators;
pub mod list;
pub mod memoryview;
pub mod number_codecs;
pub mod os_error;
pub mod range;
pub mod repr;
pub mod set;
pub mod str;
pub(crate) mod str_surrogates;
pub mod text_codecs;
pub mod types;
pub mod unicode_errors;
mod unicode_printable;

use crate::object::function::{BuiltinKind, KwArg, NativeFn};
use crate::object::{Builtin, Dict, ObjKind, TypeRef, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// Register a plain function in a namespace.
pub fn add_function(
    vm: &mut Vm,
    ns: &Dict,
    owner: &'static str,
    name: &'static str,
    func: NativeFn,
) {
    let key = vm.intern(name);
    ns.set_str(key, native_function(owner, name, func));
}

/// A plain native function (not a method), as a value.
pub fn native_function(owner: &'static str, name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        bound: None,
        kind: BuiltinKind::Function,
        owner,
        weakrefs: Default::default(),
    }))
}

/// Install `func` as a native type's `__new__` (a static method, as CPython's
/// `tp_new` wrapper is).
pub fn set_static_new(vm: &Vm, t: &TypeRef, owner: &'static str, func: NativeFn) {
    let new = Value::obj(
        vm.types.staticmethod.clone(),
        crate::object::ObjKind::StaticMethod(native_function(owner, "__new__", func)),
    );
    t.dict.set_str(vm.names.d_new.clone(), new);
}

/// A type implemented in Rust with a fixed layout, deriving from object only:
/// `module` is its `__module__`; `builtin` types dispatch operators natively, others
/// through their Python-level dunders.
pub fn native_type(
    vm: &mut Vm,
    module: &str,
    name: &str,
    builtin: bool,
    new: Option<NativeFn>,
    methods: &[(&'static str, NativeFn)],
) -> TypeRef {
    use crate::object::types::{Layout, Type};
    let object = vm.types.object.clone();
    let t = Rc::new(Type::new(
        name,
        vec![object.clone()],
        Vec::new(),
        Dict::new_rc(),
        Layout::Fixed,
        builtin,
        Vec::new(),
        false,
        new,
    ));
    *t.mro.borrow_mut() = vec![t.clone(), object];
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str(module));
    for (method, f) in methods {
        add_method(vm, &t, method, *f);
    }
    t
}

/// A native method's `self` and its other arguments, when `is_self` accepts the
/// first argument; otherwise CPython's errors for a method descriptor called on the
/// wrong object or on nothing. `qualname` is the type's `module.Name`.
pub fn split_method_self<'a>(
    vm: &Vm,
    qualname: &str,
    method: &str,
    args: &'a [Value],
    is_self: impl Fn(&Value) -> bool,
) -> PyResult<(&'a Value, &'a [Value])> {
    match args.split_first() {
        Some((s, rest)) if is_self(s) => Ok((s, rest)),
        Some((s, _)) => Err(vm.type_error(format!(
            "descriptor '{method}' for '{qualname}' objects doesn't apply to a '{}' object",
            vm.type_name(s)
        ))),
        None => {
            let short = qualname.rsplit('.').next().unwrap_or(qualname);
            Err(vm.type_error(format!(
                "unbound method {short}.{method}() needs an argument"
            )))
        }
    }
}

/// The name of type `t` as `Builtin::owner` holds it: made static once for the
/// methods registered on one type after another.
fn owner_name(t: &TypeRef) -> &'static str {
    thread_local! {
        static LAST: std::cell::Cell<&'static str> = const { std::cell::Cell::new("") };
    }
    let name = t.name();
    LAST.with(|last| {
        if last.get() != name.as_str() {
            last.set(Box::leak(name.as_str().to_string().into_boxed_str()));
        }
        last.get()
    })
}

/// Register a classmethod on a built-in type.
pub fn add_classmethod(vm: &mut Vm, t: &TypeRef, name: &'static str, func: NativeFn) {
    let key = vm.intern(name);
    let owner = owner_name(t);
    let f = Value::Builtin(Rc::new(Builtin {
        name,
        func,
        bound: None,
        kind: BuiltinKind::Function,
        owner,
        weakrefs: Default::default(),
    }));
    t.dict.set_str(key, classmethod_descriptor(vm, f));
}

/// A built-in type's class method `f` as its type's namespace holds it
/// (`dict.__dict__['fromkeys']`): CPython's `classmethod_descriptor`.
pub fn classmethod_descriptor(vm: &Vm, f: Value) -> Value {
    Value::obj(
        vm.types.classmethod_descriptor.clone(),
        ObjKind::ClassMethod(f),
    )
}

/// Register a method on a built-in type.
pub fn add_method(vm: &mut Vm, t: &TypeRef, name: &'static str, func: NativeFn) {
    let key = vm.intern(name);
    let owner = owner_name(t);
    t.dict.set_str(
        key,
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            bound: None,
            kind: BuiltinKind::of_method(name),
            owner,
            weakrefs: Default::default(),
        })),
    );
}

/// Register one of the generic special-method wrappers on a built-in type (a slot
/// wrapper of kind `GenericSlot`: its `__repr__` or `__str__` is the built-in
/// behaviour).
pub fn add_dunder(vm: &mut Vm, t: &TypeRef, name: &'static str, func: NativeFn) {
    let key = vm.intern(name);
    let owner = owner_name(t);
    let kind = match BuiltinKind::of_method(name) {
        BuiltinKind::SlotWrapper => BuiltinKind::GenericSlot,
        other => other,
    };
    t.dict.set_str(
        key,
        Value::Builtin(Rc::new(Builtin {
            name,
            func,
            bound: None,
            kind,
            owner,
            weakrefs: Default::default(),
        })),
    );
}

/// Check a native call's argument count; CPython's messages.
pub fn check_args(vm: &Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n < min || n > max {
        let msg = if min == max {
            match min {
                0 => format!("{name}() takes no arguments ({n} given)"),
                1 => format!("{name}() takes exactly one argument ({n} given)"),
                _ => format!("{name}() takes exactly {min} arguments ({n} given)"),
            }
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                if max == 1 { "" } else { "s" }
            )
        };
        return Err(vm.type_error(msg));
    }
    Ok(())
}

/// `check_args` for a method: `args[0]` is the receiver and is not counted.
pub fn check_method_args(
    vm: &Vm,
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    check_args(vm, name, &args[1.min(args.len())..], min, max)
}

pub fn no_kwargs(vm: &Vm, name: &str, kwargs: &[KwArg]) -> PyResult<()> {
    if !kwargs.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    Ok(())
}

/// Find a keyword argument by name.
pub fn kwarg<'a>(kwargs: &'a [KwArg], name: &str) -> Option<&'a Value> {
    kwargs
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v)
}

/// Reject keyword arguments outside `allowed`.
pub fn only_kwargs(vm: &Vm, fname: &str, kwargs: &[KwArg], allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kwargs {
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!(
                "{}() got an unexpected keyword argument '{}'",
                fname,
                k.as_str()
            )));
        }
    }
    Ok(())
}

/// Bind `args`/`kwargs` to `params` as Argument Clinic (and PyArg_Parse...) does:
/// the first `npos` parameters may be positional, the first `required` must be
/// given, the rest are keyword-only.
pub fn parse_clinic_args<const N: usize>(
    vm: &Vm,
    fname: &str,
    params: [&str; N],
    npos: usize,
    required: usize,
    args: &[Value],
    kwargs: &[KwArg],
) -> PyResult<[Option<Value>; N]> {
    let nargs = args.len();
    let total = nargs + kwargs.len();
    if total > N {
        return Err(vm.type_error(format!(
            "{fname}() takes at most {N} {}argument{} ({total} given)",
            if nargs == 0 { "keyword " } else { "" },
            if N == 1 { "" } else { "s" }
        )));
    }
    if nargs > npos {
        return Err(vm.type_error(format!(
            "{fname}() takes {} {npos} positional argument{} ({nargs} given)",
            if required.min(npos) < npos {
                "at most"
            } else {
                "exactly"
            },
            if npos == 1 { "" } else { "s" }
        )));
    }
    let mut out: [Option<Value>; N] = std::array::from_fn(|i| args.get(i).cloned());
    let mut matched = 0;
    for (i, slot) in out.iter_mut().enumerate().skip(nargs) {
        *slot = kwarg(kwargs, params[i]).cloned();
        match slot {
            Some(_) => matched += 1,
            None if i < required => {
                return Err(vm.type_error(format!(
                    "{fname}() missing required argument '{}' (pos {})",
                    params[i],
                    i + 1
                )))
            }
            None => {}
        }
    }
    if matched < kwargs.len() {
        for (i, p) in params.iter().enumerate().take(nargs) {
            if kwarg(kwargs, p).is_some() {
                return Err(vm.type_error(format!(
                    "argument for {fname}() given by name ('{p}') and position ({})",
                    i + 1
                )));
            }
        }
        if let Some((k, _)) = kwargs.iter().find(|(k, _)| !params.contains(&k.as_str())) {
            return Err(vm.type_error(format!(
                "{fname}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    Ok(out)
}

/// An int argument.
pub fn arg_int(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match vm.index_value(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// An argument CPython converts to a C ssize_t (a width, a count): an int past
/// 64 bits is OverflowError, not arg_int's IndexError.
pub fn arg_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    use num_traits::ToPrimitive;
    match v {
        Value::Int(i) => Ok(*i),
        _ => crate::modules::math::index_big(vm, v)?
            .to_i64()
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

pub fn install(vm: &mut Vm) {
    functions::install(vm);
    types::install(vm);
    str::install(vm);
    list::install(vm);
    dict::install(vm);
    set::install(vm);
    range::install(vm);
    bytes::install(vm);
    bytearray::install(vm);
    memoryview::install(vm);
    bytes_methods::install(vm);
    complex::install(vm);
    iterators::install(vm);
    dunders::install(vm);
    number_codecs::install(vm);
    function::install(vm);
    descriptors::install(vm);
    generic_alias::install(vm);
    crate::vm::frame_object::install(vm);
    crate::vm::module_object::install(vm);
}

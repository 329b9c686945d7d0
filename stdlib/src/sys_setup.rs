//! The parts of `sys` that describe the installation: `sys.path` (CPython's order),
//! `sys.executable`, the prefixes, `sys.builtin_module_names`, `sys.flags`,
//! `sys.version_info` and `sys.implementation`. Depends on `locate` and core's API.

use crate::locate::Install;
use std::path::PathBuf;
use tripwire_core::builtins::{add_function, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::Dict;
use tripwire_core::{PyResult, Value, Vm};

fn set(vm: &mut Vm, name: &str, v: Value) {
    let key = vm.intern(name);
    vm.sys.dict.set_str(key, v);
}

fn path_str(p: &std::path::Path) -> Value {
    Value::str(&p.to_string_lossy())
}

/// `sys.path` after the script's folder: `PYTHONPATH`, then the library of `install`
/// and its site-packages (the user's first, as CPython's `site` adds them).
fn search_path(install: Option<&Install>) -> Vec<PathBuf> {
    let mut path: Vec<PathBuf> = std::env::var_os("PYTHONPATH")
        .map(|p| {
            std::env::split_paths(&p)
                .filter(|d| !d.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    if let Some(install) = install {
        let mut entries = install.path_entries();
        let site = entries.pop();
        path.extend(entries);
        if let Some(home) = std::env::var_os("HOME") {
            let user_site = PathBuf::from(home).join(".local/lib/python3.13/site-packages");
            if user_site.is_dir() {
                path.push(user_site);
            }
        }
        path.extend(site.filter(|s| s.is_dir()));
    }
    path
}

/// `sys.getfilesystemencoding()`: file names are UTF-8.
fn getfilesystemencoding(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "getfilesystemencoding", kw)?;
    check_args(vm, "getfilesystemencoding", args, 0, 0)?;
    Ok(Value::str("utf-8"))
}

/// `sys.getfilesystemencodeerrors()`: the handler file names are decoded with.
fn getfilesystemencodeerrors(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "getfilesystemencodeerrors", kw)?;
    check_args(vm, "getfilesystemencodeerrors", args, 0, 0)?;
    Ok(Value::str("surrogateescape"))
}

/// `sys.audit(event, *args)`: no audit hooks can be added in tripwire, so an event
/// reaches no one (CPython's library raises them from os.walk, open, ...).
fn audit(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "audit", kw)?;
    match args.first() {
        Some(Value::Str(_)) => Ok(Value::None),
        Some(other) => Err(vm.type_error(format!(
            "expected str for argument 'event', not {}",
            vm.type_name(other)
        ))),
        None => Err(vm.type_error("audit() missing 1 required positional argument: 'event'")),
    }
}

/// Describe the installation in `sys`.
pub fn configure(vm: &mut Vm, install: Option<&Install>) -> PyResult<()> {
    let sys = vm.sys.dict.clone();
    add_function(
        vm,
        &sys,
        "sys",
        "getfilesystemencoding",
        getfilesystemencoding,
    );
    add_function(
        vm,
        &sys,
        "sys",
        "getfilesystemencodeerrors",
        getfilesystemencodeerrors,
    );
    add_function(vm, &sys, "sys", "audit", audit);
    // Imports are native and consult none of these; `_imp` puts on meta_path the
    // finder that tells importlib what they would import.
    set(vm, "meta_path", Value::list(Vec::new()));
    set(vm, "path_hooks", Value::list(Vec::new()));
    set(vm, "path_importer_cache", Value::Dict(Dict::new_rc()));
    let path = search_path(install);
    set(
        vm,
        "path",
        Value::list(path.iter().map(|p| path_str(p)).collect()),
    );
    let exe = std::env::current_exe()
        .map(|p| path_str(&p))
        .unwrap_or_else(|_| Value::str(""));
    set(vm, "executable", exe.clone());
    set(vm, "_base_executable", exe);
    let prefix = install.map_or_else(|| Value::str(""), |i| path_str(i.sys_prefix()));
    for name in ["prefix", "exec_prefix"] {
        set(vm, name, prefix.clone());
    }
    let base_prefix = install.map_or_else(|| Value::str(""), |i| path_str(&i.prefix));
    for name in ["base_prefix", "base_exec_prefix"] {
        set(vm, name, base_prefix.clone());
    }
    let stdlib_dir = install.map_or(Value::None, |i| path_str(&i.lib));
    set(vm, "_stdlib_dir", stdlib_dir);
    set(vm, "platlibdir", Value::str("lib"));
    set(vm, "hexversion", Value::Int(0x030D00F0));
    set(vm, "api_version", Value::Int(1013));
    set(vm, "abiflags", Value::str(""));
    set(vm, "dont_write_bytecode", Value::Bool(true));
    set(vm, "pycache_prefix", Value::None);
    set(vm, "copyright", Value::str(""));
    set(vm, "maxunicode", Value::Int(0x10FFFF));
    // No -W or -X options reach tripwire's command line: both are empty, as in a
    // CPython started without them (`warnings` and `unittest` read them).
    if vm.sys.dict.get_str(&vm.intern("warnoptions")).is_none() {
        set(vm, "warnoptions", Value::list(Vec::new()));
    }
    if vm.sys.dict.get_str(&vm.intern("_xoptions")).is_none() {
        set(
            vm,
            "_xoptions",
            Value::Dict(tripwire_core::object::Dict::new_rc()),
        );
    }
    let mut names: Vec<String> = tripwire_core::modules::native_names()
        .chain(["builtins", "sys"])
        .map(String::from)
        .collect();
    names.extend(vm.extensions.names().into_iter().map(String::from));
    names.sort_unstable();
    names.dedup();
    let names = Value::tuple(names.iter().map(|n| Value::str(n)).collect());
    set(vm, "builtin_module_names", names);
    let ns = Dict::new_rc();
    let multiarch = multiarch().map_or(Value::None, Value::from_string);
    ns.set_str(vm.intern("_multiarch"), multiarch);
    vm.exec_source(
        include_str!("py/sys_structs.py"),
        "<frozen sys>",
        ns.clone(),
    )?;
    for name in [
        "version_info",
        "flags",
        "implementation",
        "float_info",
        "int_info",
        "hash_info",
        "get_asyncgen_hooks",
        "set_asyncgen_hooks",
        "is_finalizing",
    ] {
        let key = vm.intern(name);
        if let Some(v) = ns.get_str(&key) {
            vm.sys.dict.set_str(key, v);
        }
    }
    Ok(())
}

/// The platform triplet CPython's build records as `sys.implementation._multiarch`
/// (`x86_64-linux-gnu`); sysconfig names its build-data module after it.
fn multiarch() -> Option<String> {
    let arch = std::env::consts::ARCH;
    if cfg!(target_os = "macos") {
        return Some("darwin".into());
    }
    if !cfg!(target_os = "linux") {
        return None;
    }
    let env = if cfg!(target_env = "musl") {
        "musl"
    } else {
        "gnu"
    };
    Some(format!("{arch}-linux-{env}"))
}

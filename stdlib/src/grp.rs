//! `grp`: the group database (`getgrgid`, `getgrnam`, `getgrall`) through libc's
//! reentrant lookups, entries as `grp.struct_group` (members as a list of str), a
//! missing one CPython's KeyError. Depends on `pwd` (argument conversions and the
//! lookup loop), `structseq` and `libc`.

use crate::pwd::{all_entries, id_arg, lookup, name_arg, name_not_found, text, IdError};
use crate::structseq;
use tripwire_core::builtins::{add_function, parse_clinic_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

/// The `struct_group` type of this interpreter.
struct GroupType(Value);

const FIELDS: &[&str] = &["gr_name", "gr_passwd", "gr_gid", "gr_mem"];

const DOC: &str = "grp.struct_group: Results from getgr*() routines.\n\n\
This object may be accessed either as a tuple of\n  \
(gr_name,gr_passwd,gr_gid,gr_mem)\n\
or via the object attributes as named in the above tuple.\n";

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getgrgid", getgrgid),
    ("getgrnam", getgrnam),
    ("getgrall", getgrall),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = structseq::new_type(vm, "grp", "struct_group", FIELDS, DOC)?;
    d.set_str(vm.intern("struct_group"), t.clone());
    vm.set_extension_state(GroupType(t));
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "grp", name, *f);
    }
    Ok(())
}

fn group_row(g: &libc::group) -> Vec<Value> {
    let mut members = Vec::new();
    let mut p = g.gr_mem;
    // SAFETY: gr_mem is a null-terminated array of C strings (or null).
    unsafe {
        while !p.is_null() && !(*p).is_null() {
            members.push(text(*p));
            p = p.add(1);
        }
    }
    vec![
        text(g.gr_name),
        text(g.gr_passwd),
        Value::Int(g.gr_gid as i64),
        Value::list(members),
    ]
}

fn entry(vm: &mut Vm, row: Vec<Value>) -> PyResult<Value> {
    let t = match vm.extension_state::<GroupType>() {
        Some(GroupType(t)) => t.clone(),
        None => return Err(vm.runtime_error("grp is not initialised")),
    };
    structseq::instance(vm, &t, row)
}

fn getgrgid(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [Some(v)] = parse_clinic_args(vm, "getgrgid", ["id"], 1, 1, args, kw)? else {
        return Err(vm.type_error("getgrgid() missing required argument 'id' (pos 1)"));
    };
    let v = &v;
    let gid = match id_arg(vm, "gid", v)? {
        Ok(gid) => gid,
        Err(IdError::Below) => return Err(vm.overflow_error("gid is less than minimum")),
        Err(IdError::Above) => return Err(vm.overflow_error("gid is greater than maximum")),
    };
    // SAFETY: the pointers come from `lookup`, sized as it says.
    let row = lookup(
        vm,
        |e, buf, size, found| unsafe { libc::getgrgid_r(gid, e, buf, size, found) },
        group_row,
    )?;
    match row {
        Some(row) => entry(vm, row),
        None => {
            let shown = vm.to_str(v)?;
            Err(vm.key_error(Value::from_string(format!(
                "getgrgid(): gid not found: {}",
                shown.as_str()
            ))))
        }
    }
}

fn getgrnam(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let [Some(v)] = parse_clinic_args(vm, "getgrnam", ["name"], 1, 1, args, kw)? else {
        return Err(vm.type_error("getgrnam() missing required argument 'name' (pos 1)"));
    };
    let v = &v;
    let name = name_arg(vm, "getgrnam", "argument 1", v)?;
    // SAFETY: as for getgrgid; `name` outlives the call.
    let row = lookup(
        vm,
        |e, buf, size, found| unsafe { libc::getgrnam_r(name.as_ptr(), e, buf, size, found) },
        group_row,
    )?;
    match row {
        Some(row) => entry(vm, row),
        None => Err(name_not_found(vm, "getgrnam", v)?),
    }
}

fn getgrall(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let rows = || {
        let mut rows = Vec::new();
        // SAFETY: as for pwd.getpwall.
        unsafe {
            libc::setgrent();
            loop {
                let g = libc::getgrent();
                if g.is_null() {
                    break;
                }
                rows.push(group_row(&*g));
            }
            libc::endgrent();
        }
        rows
    };
    all_entries(vm, "grp.getgrall", (args, kw), rows, entry)
}

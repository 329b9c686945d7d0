//! The special attributes that are not in any `__dict__`: `__class__`, `__dict__`,
//! the `co_*` fields of code objects, exception fields, `__mro__` and friends.

use crate::object::types::{c3_mro, Layout};
use crate::object::{ObjKind, PyStr, TypeRef, Value};
use crate::vm::errors::exc_data;
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

fn strs(items: &[Rc<PyStr>]) -> Value {
    Value::tuple(items.iter().map(|s| Value::Str(s.clone())).collect())
}

/// The fields of a SyntaxError made by calling its class (the interpreter's own
/// syntax errors set them in the instance dict): `msg`, then the members of the
/// details tuple `(filename, lineno, offset, text[, end_lineno, end_offset])`.
fn syntax_error_attr(args: &[Value], name: &str) -> Option<Value> {
    const DETAILS: [&str; 6] = [
        "filename",
        "lineno",
        "offset",
        "text",
        "end_lineno",
        "end_offset",
    ];
    if name == "msg" {
        return Some(args.first().cloned().unwrap_or(Value::None));
    }
    if name == "print_file_and_line" {
        return Some(Value::None);
    }
    let i = DETAILS.iter().position(|f| *f == name)?;
    match args {
        [_, Value::Tuple(details)] => Some(details.items.get(i).cloned().unwrap_or(Value::None)),
        _ => Some(Value::None),
    }
}

/// The fields of AttributeError (`name`, `obj`) and NameError (`name`) kept in its
/// state, and the defaults of ImportError's (set ones are in the instance dict):
/// None, and `msg` its only argument.
fn exception_field(vm: &Vm, cls: &TypeRef, d: &crate::object::ExcData, n: &str) -> Option<Value> {
    if !matches!(n, "name" | "obj" | "path" | "name_from" | "msg") {
        return None;
    }
    let t = vm.types;
    if cls.is_subtype(&t.attribute_error) || cls.is_subtype(&t.name_error) {
        return match n {
            "name" => Some(d.name.clone()),
            "obj" if cls.is_subtype(&t.attribute_error) => Some(d.obj.clone()),
            _ => None,
        };
    }
    if !cls.is_subtype(&t.import_error) {
        return None;
    }
    Some(match (n, &d.args) {
        ("msg", Value::Tuple(a)) if a.items.len() == 1 => a.items[0].clone(),
        ("obj", _) => return None,
        _ => Value::None,
    })
}

/// Attributes every object answers, by kind; None if `name` is not one of them.
pub fn special_attr(vm: &mut Vm, obj: &Value, name: &PyStr) -> PyResult<Option<Value>> {
    let n = name.as_str();
    if n == "__class__" {
        return Ok(Some(Value::Type(vm.type_of(obj))));
    }
    Ok(match obj {
        Value::Module(m) if n == "__dict__" => Some(Value::Dict(m.dict.clone())),
        Value::Instance(i) => {
            if n == "__dict__" {
                return Ok(i.dict.clone().map(Value::Dict));
            }
            if n == "__weakref__" && crate::modules::weakref::can_be_referenced(obj) {
                let first = crate::object::weakref::handles(obj).into_iter().next();
                return Ok(Some(first.unwrap_or(Value::None)));
            }
            if let Some(c) = crate::builtins::complex::as_complex(obj) {
                return Ok(crate::builtins::complex::attr(c, n));
            }
            if let Some(d) = i.exc() {
                let d = d.borrow();
                return Ok(match n {
                    "args" => Some(d.args.clone()),
                    "__cause__" => Some(d.cause.clone()),
                    "__context__" => Some(d.context.clone()),
                    "__suppress_context__" => Some(Value::Bool(d.suppress_context)),
                    "__traceback__" => {
                        drop(d);
                        Some(vm.traceback_of(obj))
                    }
                    "value" | "code" => {
                        let cls = i.cls();
                        let t = vm.types;
                        if (n == "value" && cls.is_subtype(&t.stop_iteration))
                            || (n == "code" && cls.is_subtype(&t.system_exit))
                        {
                            Some(match &d.args {
                                Value::Tuple(a) if a.items.len() == 1 => a.items[0].clone(),
                                Value::Tuple(a) if a.items.is_empty() => Value::None,
                                other => other.clone(),
                            })
                        } else {
                            None
                        }
                    }
                    _ => match (exception_field(vm, &i.cls(), &d, n), &d.args) {
                        (Some(v), _) => Some(v),
                        (None, Value::Tuple(a)) if i.cls().is_subtype(&vm.types.syntax_error) => {
                            syntax_error_attr(&a.items, n)
                        }
                        (None, Value::Tuple(a)) => {
                            super::unicode_errors::attr(vm, &i.cls(), &a.items, n)
                        }
                        _ => None,
                    },
                });
            }
            None
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
            "real" | "numerator" => Some(vm.unary_pos(obj)?),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match n {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::Float(0.0)),
            _ => None,
        },
        Value::Code(c) => match n {
            "co_name" => Some(Value::Str(c.name.clone())),
            "co_qualname" => Some(Value::Str(c.qualname.clone())),
            "co_filename" => Some(Value::Str(c.filename.clone())),
            "co_firstlineno" => Some(Value::Int(c.firstlineno as i64)),
            "co_argcount" => Some(Value::Int(c.argcount as i64)),
            "co_posonlyargcount" => Some(Value::Int(c.posonlyargcount as i64)),
            "co_kwonlyargcount" => Some(Value::Int(c.kwonlyargcount as i64)),
            "co_nlocals" => Some(Value::Int(c.varnames.len() as i64)),
            "co_varnames" => Some(strs(&c.varnames)),
            "co_cellvars" => Some(strs(&c.cellvars)),
            "co_freevars" => Some(strs(&c.freevars)),
            "co_names" => Some(strs(&c.names)),
            "co_consts" => Some(Value::tuple(c.consts.to_vec())),
            "co_flags" => Some(Value::Int(cpython_code_flags(c.flags))),
            "co_stacksize" => Some(Value::Int(c.stacksize as i64)),
            _ => None,
        },
        Value::Method(m) => match n {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                let f = m.func.clone();
                let key = vm.intern(n);
                vm.get_attr_opt(&f, &key)?
            }
            _ => None,
        },
        Value::Builtin(b) => match n {
            "__qualname__" if b.kind.binds() => {
                Some(Value::from_string(format!("{}.{}", b.owner, b.name)))
            }
            "__objclass__" if b.kind.binds() => {
                // The owning type, found by name where the built-in types are.
                let key = vm.intern(b.owner);
                match vm.builtins.get_str(&key) {
                    Some(t @ Value::Type(_)) => Some(t),
                    _ => None,
                }
            }
            "__name__" | "__qualname__" => Some(Value::str(b.name)),
            "__self__" => Some(b.bound.clone().unwrap_or(Value::None)),
            "__doc__" => Some(Value::None),
            "__module__" => Some(Value::str("builtins")),
            _ => None,
        },
        Value::Cell(c) => match n {
            "cell_contents" => {
                let v = c.get();
                if v.is_null() {
                    return Err(vm.value_error("Cell is empty"));
                }
                Some(v)
            }
            _ => None,
        },
        Value::Generator(g) => match n {
            "__name__" => Some(Value::Str(g.code.name.clone())),
            "__qualname__" => Some(Value::Str(g.code.qualname.clone())),
            "gi_code" | "cr_code" => Some(Value::Code(g.code.clone())),
            "gi_frame" | "cr_frame" => Some(vm.generator_frame(g)),
            "gi_yieldfrom" | "cr_await" => Some(g.delegated_to().unwrap_or(Value::None)),
            "gi_running" | "cr_running" => Some(Value::Bool(
                g.status() == crate::vm::generator::Status::Running,
            )),
            _ => None,
        },
        Value::Obj(o) => match (&o.kind, n) {
            (ObjKind::MemoryView(m), _) => crate::builtins::memoryview::attr(vm, m, n)?,
            (ObjKind::Complex(re, im), _) => {
                crate::builtins::complex::attr(crate::builtins::complex::C { re: *re, im: *im }, n)
            }
            (ObjKind::Slice { start, .. }, "start") => Some(start.clone()),
            (ObjKind::Slice { stop, .. }, "stop") => Some(stop.clone()),
            (ObjKind::Slice { step, .. }, "step") => Some(step.clone()),
            (ObjKind::BigRange(r), "start") => Some(Value::from_bigint(r.start.clone())),
            (ObjKind::BigRange(r), "stop") => Some(Value::from_bigint(r.stop.clone())),
            (ObjKind::BigRange(r), "step") => Some(Value::from_bigint(r.step.clone())),
            (ObjKind::Range { start, .. }, "start") => Some(Value::Int(*start)),
            (ObjKind::Range { stop, .. }, "stop") => Some(Value::Int(*stop)),
            (ObjKind::Range { step, .. }, "step") => Some(Value::Int(*step)),
            (ObjKind::Property { fget, .. }, "fget") => Some(fget.clone()),
            (ObjKind::Property { fset, .. }, "fset") => Some(fset.clone()),
            (ObjKind::Property { fdel, .. }, "fdel") => Some(fdel.clone()),
            (ObjKind::Property { doc, .. }, "__doc__") => Some(doc.borrow().clone()),
            (
                ObjKind::Property {
                    fget, fset, fdel, ..
                },
                "__isabstractmethod__",
            ) => {
                let key = vm.intern("__isabstractmethod__");
                let mut any = false;
                for f in [fget, fset, fdel] {
                    if let Some(v) = vm.get_attr_opt(f, &key)? {
                        any |= vm.truthy(&v)?;
                    }
                }
                Some(Value::Bool(any))
            }
            (ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f), "__func__") => Some(f.clone()),
            (ObjKind::StaticMethod(f) | ObjKind::ClassMethod(f), "__doc__") => {
                let f = f.clone();
                let key = vm.names.d_doc.clone();
                vm.get_attr_opt(&f, &key)?
            }
            (ObjKind::UnionType(members), "__args__") => Some(Value::tuple(members.to_vec())),
            (ObjKind::Traceback(node), "tb_lineno") => {
                Some(Value::Int(node.0.position().line as i64))
            }
            (ObjKind::Traceback(node), "tb_frame") => Some(vm.traceback_frame(&node.0)),
            (ObjKind::Traceback(node), "tb_lasti") => Some(Value::Int(2 * node.0.lasti as i64)),
            (ObjKind::Traceback(node), "tb_next") => Some(node.1.borrow().clone()),
            (ObjKind::Frame(d), _) => vm.frame_attr(d, n)?,
            _ => None,
        },
        _ => {
            let _ = exc_data(obj);
            None
        }
    })
}

/// Attributes of classes that live outside their namespace.
pub fn type_special_attr(vm: &mut Vm, t: &TypeRef, name: &PyStr) -> PyResult<Option<Value>> {
    Ok(match name.as_str() {
        "__name__" => Some(Value::Str(t.name())),
        "__qualname__" => Some(Value::Str(t.qualname.borrow().clone())),
        "__mro__" => Some(Value::tuple(
            t.mro
                .borrow()
                .iter()
                .map(|x| Value::Type(x.clone()))
                .collect(),
        )),
        "__bases__" => Some(Value::tuple(
            t.bases
                .borrow()
                .iter()
                .map(|x| Value::Type(x.clone()))
                .collect(),
        )),
        "__base__" => Some(
            t.bases
                .borrow()
                .first()
                .map(|b| Value::Type(b.clone()))
                .unwrap_or(Value::None),
        ),
        "__dict__" => Some(Value::obj(
            vm.types.mappingproxy.clone(),
            ObjKind::MappingProxy(t.dict.clone()),
        )),
        "__module__" => Some(Value::str("builtins")),
        "__doc__" => Some(Value::None),
        "__class__" => Some(Value::Type(vm.type_of(&Value::Type(t.clone())))),
        _ => None,
    })
}

/// `setattr(cls, name, value)` / `delattr(cls, name)` (value None).
pub fn type_setattr(
    vm: &mut Vm,
    t: &TypeRef,
    name: &Rc<PyStr>,
    value: Option<Value>,
) -> PyResult<()> {
    if t.builtin {
        return Err(vm.type_error(format!(
            "cannot set '{}' attribute of immutable type '{}'",
            name.as_str(),
            t.name().as_str()
        )));
    }
    match (name.as_str(), &value) {
        ("__bases__", _) => return set_bases(vm, t, value),
        ("__name__", Some(Value::Str(s))) => {
            *t.name.borrow_mut() = s.clone();
            return Ok(());
        }
        ("__qualname__", Some(Value::Str(s))) => {
            *t.qualname.borrow_mut() = s.clone();
            return Ok(());
        }
        _ => {}
    }
    vm.type_will_change(t);
    match value {
        Some(v) => {
            vm.dict_will_set_str(&t.dict, name, &v);
            let old = t.dict.set_str(name.clone(), v);
            drop(old);
            Ok(())
        }
        None => match vm.dict_del_str_notified(&t.dict, name) {
            Some(_) => Ok(()),
            None => Err(vm.attribute_error(format!(
                "type object '{}' has no attribute '{}'",
                t.name().as_str(),
                name.as_str()
            ))),
        },
    }
}

/// `cls.__bases__ = (...)`: CPython's checks, then new bases and a new MRO for the
/// class and every subclass. Watchers hear about the class and its subclasses before
/// anything changes; if a subclass's MRO cannot be rebuilt, nothing changes.
fn set_bases(vm: &mut Vm, t: &TypeRef, value: Option<Value>) -> PyResult<()> {
    let name = t.name();
    let Some(value) = value else {
        return Err(vm.type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{}'",
            name.as_str()
        )));
    };
    let Value::Tuple(items) = &value else {
        return Err(vm.type_error(format!(
            "can only assign tuple to {}.__bases__, not {}",
            name.as_str(),
            vm.type_name(&value)
        )));
    };
    if items.items.is_empty() {
        return Err(vm.type_error(format!(
            "can only assign non-empty tuple to {}.__bases__, not ()",
            name.as_str()
        )));
    }
    let mut bases: Vec<TypeRef> = Vec::new();
    for item in items.items.iter() {
        let Value::Type(b) = item else {
            return Err(vm.type_error(format!(
                "{}.__bases__ must be tuple of classes, not '{}'",
                name.as_str(),
                vm.type_name(item)
            )));
        };
        if b.is_subtype(t) {
            return Err(vm.type_error("a __bases__ item causes an inheritance cycle"));
        }
        bases.push(b.clone());
    }
    let old_bases = t.bases.borrow().clone();
    let (new_solid, old_solid) = (solid_base(&bases), solid_base(&old_bases));
    if new_solid.layout != old_solid.layout || slot_count(&bases) != slot_count(&old_bases) {
        return Err(vm.type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{}'",
            new_solid.name().as_str(),
            old_solid.name().as_str()
        )));
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name().as_str())));
        }
    }
    vm.type_will_change(t);
    let old_mros = replace_bases(t, bases.clone());
    if let Err(message) = rebuild_mros(t) {
        replace_bases(t, old_bases);
        for (cls, mro) in old_mros {
            *cls.mro.borrow_mut() = mro;
        }
        return Err(vm.type_error(message));
    }
    Ok(())
}

/// Give `t` new bases (moving it between the bases' subclass lists); returns the MRO
/// of `t` and each of its subclasses as they were, to restore on failure.
fn replace_bases(t: &TypeRef, bases: Vec<TypeRef>) -> Vec<(TypeRef, Vec<TypeRef>)> {
    let old = std::mem::replace(&mut *t.bases.borrow_mut(), bases.clone());
    for b in &old {
        b.subclasses
            .borrow_mut()
            .retain(|w| !std::ptr::eq(w.as_ptr(), Rc::as_ptr(t)));
    }
    for b in &bases {
        b.subclasses.borrow_mut().push(Rc::downgrade(t));
    }
    let mut saved = Vec::new();
    let mut pending = vec![t.clone()];
    while let Some(cls) = pending.pop() {
        saved.push((cls.clone(), cls.mro.borrow().clone()));
        pending.extend(cls.live_subclasses());
    }
    saved
}

/// Recompute the MRO of `t`, then of its subclasses, each after its bases.
fn rebuild_mros(t: &TypeRef) -> Result<(), String> {
    let bases = t.bases.borrow().clone();
    let mro = c3_mro(t, &bases)?;
    *t.mro.borrow_mut() = mro;
    for sub in t.live_subclasses() {
        rebuild_mros(&sub)?;
    }
    Ok(())
}

/// The base that decides the instances' layout: the first with a built-in layout,
/// else the first.
fn solid_base(bases: &[TypeRef]) -> TypeRef {
    bases
        .iter()
        .flat_map(|b| b.mro.borrow().clone())
        .find(|c| c.layout != Layout::Object)
        .or_else(|| bases.first().cloned())
        .unwrap_or_else(|| crate::vm::builtin_types::types().object.clone())
}

/// How many `__slots__` instances of a class with these bases hold.
fn slot_count(bases: &[TypeRef]) -> usize {
    let mut seen: Vec<TypeRef> = Vec::new();
    for b in bases {
        for c in b.mro.borrow().iter() {
            if !seen.iter().any(|s| Rc::ptr_eq(s, c)) {
                seen.push(c.clone());
            }
        }
    }
    seen.iter().map(|c| c.slot_names.len()).sum()
}

/// `co_flags` in CPython's numbering (`inspect` and `types.coroutine` test its
/// bits), from the flags tripwire's code objects carry.
fn cpython_code_flags(flags: u32) -> i64 {
    use crate::code::flags as f;
    const OPTIMIZED_NEWLOCALS: i64 = 0x1 | 0x2;
    let mut out = 0;
    if flags & f::NAMESPACE == 0 {
        out |= OPTIMIZED_NEWLOCALS;
    }
    for (ours, theirs) in [(f::VARARGS, 0x4), (f::VARKEYWORDS, 0x8), (f::NESTED, 0x10)] {
        if flags & ours != 0 {
            out |= theirs;
        }
    }
    out | match (flags & f::GENERATOR != 0, flags & f::COROUTINE != 0) {
        (true, true) => 0x200,
        (true, false) => 0x20,
        (false, true) => 0x80,
        (false, false) => 0,
    }
}

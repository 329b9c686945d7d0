//! Function objects' attributes (`__code__`, `__defaults__`, `__name__`...) and the
//! methods of functions, bound methods and code objects.

use crate::object::function::KwArg;
use crate::object::{Dict, Function, PyStr, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The special attributes of a function; None if `name` is not one.
pub fn function_attr(vm: &mut Vm, f: &Rc<Function>, name: &PyStr) -> PyResult<Option<Value>> {
    Ok(Some(match name.as_str() {
        "__code__" => Value::Code(f.code()),
        "__name__" => Value::Str(f.name()),
        "__qualname__" => Value::Str(f.qualname()),
        "__defaults__" => f
            .defaults
            .borrow()
            .clone()
            .map(Value::Tuple)
            .unwrap_or(Value::None),
        "__kwdefaults__" => f
            .kwdefaults
            .borrow()
            .clone()
            .map(Value::Dict)
            .unwrap_or(Value::None),
        "__globals__" => Value::Dict(f.globals.clone()),
        "__closure__" => f.closure.clone().map(Value::Tuple).unwrap_or(Value::None),
        "__module__" => f.module.borrow().clone(),
        "__doc__" => f.doc.borrow().clone(),
        "__dict__" => Value::Dict(function_dict(f)),
        "__annotations__" => {
            let a = f.annotations.borrow().clone();
            if a.is_null() {
                let d = Value::Dict(Dict::new_rc());
                *f.annotations.borrow_mut() = d.clone();
                d
            } else {
                a
            }
        }
        _ => {
            let _ = vm;
            let d = f.dict.borrow().clone();
            return Ok(d.and_then(|d| d.get_str(name)));
        }
    }))
}

fn function_dict(f: &Function) -> Rc<Dict> {
    let mut d = f.dict.borrow_mut();
    d.get_or_insert_with(Dict::new_rc).clone()
}

/// Assign (or delete, with None) a function attribute.
pub fn set_function_attr(
    vm: &mut Vm,
    f: &Rc<Function>,
    name: &Rc<PyStr>,
    value: Option<Value>,
) -> PyResult<()> {
    match name.as_str() {
        "__code__" => match value {
            Some(Value::Code(c)) => {
                vm.set_function_code(f, c);
                Ok(())
            }
            Some(_) => Err(vm.type_error("__code__ must be set to a code object")),
            None => Err(vm.type_error("__code__ must be set to a code object")),
        },
        "__defaults__" => {
            let new = match value {
                None | Some(Value::None) => None,
                Some(Value::Tuple(t)) => Some(t),
                Some(_) => return Err(vm.type_error("__defaults__ must be set to a tuple object")),
            };
            vm.set_function_defaults(f, new);
            Ok(())
        }
        "__kwdefaults__" => {
            let new = match value {
                None | Some(Value::None) => None,
                Some(Value::Dict(d)) => Some(d),
                Some(_) => return Err(vm.type_error("__kwdefaults__ must be set to a dict object")),
            };
            vm.set_function_kwdefaults(f, new);
            Ok(())
        }
        "__name__" | "__qualname__" => match value {
            Some(Value::Str(s)) => {
                if name.as_str() == "__name__" {
                    *f.name.borrow_mut() = s;
                } else {
                    *f.qualname.borrow_mut() = s;
                }
                Ok(())
            }
            _ => Err(vm.type_error(format!("{} must be set to a string object", name.as_str()))),
        },
        "__module__" => {
            *f.module.borrow_mut() = value.unwrap_or(Value::None);
            Ok(())
        }
        "__doc__" => {
            *f.doc.borrow_mut() = value.unwrap_or(Value::None);
            Ok(())
        }
        "__annotations__" => {
            *f.annotations.borrow_mut() = value.unwrap_or(Value::Null);
            Ok(())
        }
        "__globals__" | "__closure__" => Err(vm.attribute_error("readonly attribute")),
        "__dict__" => match value {
            Some(Value::Dict(d)) => {
                *f.dict.borrow_mut() = Some(d);
                Ok(())
            }
            _ => Err(vm.type_error("__dict__ must be set to a dictionary")),
        },
        _ => {
            let d = function_dict(f);
            match value {
                Some(v) => {
                    vm.dict_will_set_str(&d, name, &v);
                    d.set_str(name.clone(), v);
                    Ok(())
                }
                None => match vm.dict_del_str_notified(&d, name) {
                    Some(_) => Ok(()),
                    None => Err(vm.attribute_error(format!(
                        "'function' object has no attribute '{}'",
                        name.as_str()
                    ))),
                },
            }
        }
    }
}

/// `code.replace(**changes)`: a new code object (which code watchers hear about)
/// with `co_name`, `co_qualname` or `co_firstlineno` changed.
fn code_replace(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_method_args(vm, "replace", args, 0, 0)?;
    let Value::Code(c) = &args[0] else {
        return Err(vm.type_error("replace() requires a code object"));
    };
    let mut new = c.duplicate();
    for (k, v) in kwargs {
        match (k.as_str(), v) {
            ("co_name", Value::Str(s)) => new.name = s.clone(),
            ("co_qualname", Value::Str(s)) => new.qualname = s.clone(),
            ("co_firstlineno", Value::Int(n)) => {
                new.firstlineno = u32::try_from(*n)
                    .map_err(|_| vm.value_error("co_firstlineno must be a positive int"))?;
            }
            ("co_name" | "co_qualname", other) => {
                return Err(vm.type_error(format!(
                    "replace() argument '{}' must be str, not {}",
                    k.as_str(),
                    vm.type_name(other)
                )))
            }
            _ => {
                return Err(vm.type_error(format!(
                    "replace() got an unexpected keyword argument '{}'",
                    k.as_str()
                )))
            }
        }
    }
    let new = Rc::new(new);
    vm.code_created(&new);
    Ok(Value::Code(new))
}

/// `types.MethodType(function, instance)`.
fn method_new(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    if !kwargs.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    let [func, receiver] = args.get(1..).unwrap_or_default() else {
        return Err(vm.type_error(format!(
            "method expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    };
    if !super::functions::is_callable(vm, func) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if receiver.is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    Ok(Value::Method(Rc::new(crate::object::BoundMethod::new(
        func.clone(),
        receiver.clone(),
    ))))
}

/// `code.co_positions()`: (line, end_line, column, end_column) of each instruction,
/// None where unknown; instruction `i` is the one at `f_lasti` / `tb_lasti` `2 * i`.
fn code_positions(vm: &mut Vm, args: &[Value], _kwargs: &[KwArg]) -> PyResult<Value> {
    crate::builtins::check_method_args(vm, "co_positions", args, 0, 0)?;
    let Value::Code(c) = &args[0] else {
        return Err(vm.type_error("co_positions() requires a code object"));
    };
    let known = |n: u32, line: u32| {
        if line == 0 {
            Value::None
        } else {
            Value::Int(n as i64)
        }
    };
    let items = (0..c.instrs.len())
        .map(|i| {
            let p = c.position_of(i);
            Value::tuple(vec![
                known(p.line, p.line),
                known(p.end_line, p.line),
                known(p.col, p.line),
                known(p.end_col, p.line),
            ])
        })
        .collect();
    vm.get_iter(&Value::list(items))
}

pub fn install(vm: &mut Vm) {
    let code = vm.types.code.clone();
    crate::builtins::add_method(vm, &code, "replace", code_replace);
    crate::builtins::add_method(vm, &code, "co_positions", code_positions);
    let method = vm.types.method.clone();
    crate::builtins::set_static_new(vm, &method, "method", method_new);
}

//! `_suggestions`: the "Did you mean" search the `traceback` module asks for a
//! missing name or attribute, with CPython's argument errors; the search is core's
//! (`vm::suggestions`, which tripwire's own traceback printer uses too). Depends on
//! core's public API only.

use tripwire_core::builtins::add_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::vm::suggestions::best_match;
use tripwire_core::{PyResult, Vm};

/// `_generate_suggestions(candidates, name)`: the candidate nearest to `name`, or
/// None.
fn generate_suggestions(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!(
            "_generate_suggestions expected 2 arguments, got {}",
            args.len()
        )));
    }
    let Value::List(list) = &args[0] else {
        return Err(vm.type_error("candidates must be a list"));
    };
    let Some(name) = args[1].as_str() else {
        return Err(vm.type_error(format!(
            "_generate_suggestions() argument 2 must be str, not {}",
            vm.type_name(&args[1])
        )));
    };
    let candidates = list.snapshot();
    let mut names = Vec::with_capacity(candidates.len());
    for c in candidates.iter() {
        match c.as_str() {
            Some(s) => names.push(s.clone()),
            None => return Err(vm.type_error("all elements in 'candidates' must be strings")),
        }
    }
    let refs: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
    Ok(best_match(&refs, name.as_str()).map_or(Value::None, Value::str))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(
        vm,
        d,
        "_suggestions",
        "_generate_suggestions",
        generate_suggestions,
    );
    Ok(())
}

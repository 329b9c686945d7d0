//! The runtime side of `match` statements: what counts as a sequence or mapping
//! pattern subject, mapping lookups, class patterns and `__match_args__`.

use super::{PyResult, Vm};
use crate::object::{ObjKind, Value};
use std::rc::Rc;

impl Vm {
    /// An ABC from `_collections_abc` (behind `collections.abc`), if a program has
    /// imported it.
    fn abc(&mut self, name: &str) -> Option<Value> {
        let module = self.modules.get_str(&self.intern("_collections_abc"))?;
        let key = self.intern(name);
        self.get_attr_opt(&module, &key).ok().flatten()
    }

    fn isinstance_of(&mut self, v: &Value, cls: Value) -> PyResult<bool> {
        let isinstance = self
            .builtins
            .get_str(&self.intern("isinstance"))
            .unwrap_or(Value::None);
        let r = self.call(&isinstance, &[v.clone(), cls], &[])?;
        self.truthy(&r)
    }

    pub fn match_is_sequence(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::List(_) | Value::Tuple(_) => Ok(true),
            Value::Str(_) | Value::Dict(_) | Value::Set(_) => Ok(false),
            Value::Obj(o) if matches!(o.kind, ObjKind::Range { .. }) => Ok(true),
            Value::Obj(o) if matches!(o.kind, ObjKind::Bytes(_)) => Ok(false),
            _ => {
                if let Some(Value::List(_) | Value::Tuple(_)) = self.builtin_base(v) {
                    return Ok(true);
                }
                if let Some(Value::Str(_)) = self.builtin_base(v) {
                    return Ok(false);
                }
                match self.abc("Sequence") {
                    Some(seq) => self.isinstance_of(v, seq),
                    None => Ok(false),
                }
            }
        }
    }

    pub fn match_is_mapping(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Dict(_) => Ok(true),
            Value::Obj(o) if matches!(o.kind, ObjKind::MappingProxy(_)) => Ok(true),
            Value::Instance(_) | Value::Obj(_) => {
                if let Some(Value::Dict(_)) = self.builtin_base(v) {
                    return Ok(true);
                }
                match self.abc("Mapping") {
                    Some(m) => self.isinstance_of(v, m),
                    None => Ok(false),
                }
            }
            _ => Ok(false),
        }
    }

    /// `map.get(key)` for a mapping pattern: None when the key is absent.
    pub fn match_get(&mut self, map: &Value, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Dict(d) = map {
            return self.dict_lookup(d, key);
        }
        let sentinel = Value::obj(self.types.object.clone(), ObjKind::Ellipsis);
        let v = self.call_method(map, "get", &[key.clone(), sentinel.clone()])?;
        Ok(if v.is(&sentinel) { None } else { Some(v) })
    }

    pub fn match_class(
        &mut self,
        subject: &Value,
        cls: &Value,
        positional: usize,
    ) -> PyResult<bool> {
        let Value::Type(t) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if positional > 0 && !self_matching(self, t) {
            let key = self.intern("__match_args__");
            let allowed = match t.lookup(&key) {
                Some(Value::Tuple(args)) => args.items.len(),
                Some(_) => return Err(self.type_error("__match_args__ must be a tuple")),
                None => 0,
            };
            if positional > allowed {
                return Err(self.type_error(format!(
                    "{}() accepts {} positional sub-pattern{} ({} given)",
                    t.name().as_str(),
                    allowed,
                    if allowed == 1 { "" } else { "s" },
                    positional
                )));
            }
        }
        let isinstance = self
            .builtins
            .get_str(&self.intern("isinstance"))
            .unwrap_or(Value::None);
        let r = self.call(&isinstance, &[subject.clone(), cls.clone()], &[])?;
        self.truthy(&r)
    }

    /// The attribute name a positional class sub-pattern reads (Null: the subject).
    pub fn match_arg_name(&mut self, cls: &Value, i: usize) -> PyResult<Value> {
        let Value::Type(t) = cls else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if self_matching(self, t) {
            if i == 0 {
                return Ok(Value::Null);
            }
            return Err(self.type_error(format!(
                "{}() accepts 1 positional sub-pattern ({} given)",
                t.name().as_str(),
                i + 1
            )));
        }
        let key = self.intern("__match_args__");
        match t.lookup(&key) {
            Some(Value::Tuple(args)) => match args.items.get(i) {
                Some(n @ Value::Str(_)) => Ok(n.clone()),
                Some(other) => Err(self.type_error(format!(
                    "__match_args__ elements must be strings (got {})",
                    self.type_name(other)
                ))),
                None => Err(self.type_error("__match_args__ too short")),
            },
            _ => Err(self.type_error(format!(
                "{}() accepts 0 positional sub-patterns ({} given)",
                t.name().as_str(),
                i + 1
            ))),
        }
    }

    /// An attribute for a class sub-pattern: None when it does not exist.
    pub fn match_attr(&mut self, subject: &Value, name: &Value) -> PyResult<Option<Value>> {
        match name {
            Value::Null => Ok(Some(subject.clone())),
            Value::Str(s) => {
                let s = self.intern(s.as_str());
                self.get_attr_opt(subject, &s)
            }
            _ => Ok(None),
        }
    }
}

/// Built-in types whose single positional sub-pattern matches the subject itself.
fn self_matching(vm: &Vm, t: &crate::object::TypeRef) -> bool {
    let b = vm.types;
    [
        &b.bool_,
        &b.bytes,
        &b.dict,
        &b.float,
        &b.frozenset,
        &b.int,
        &b.list,
        &b.set,
        &b.str,
        &b.tuple,
    ]
    .iter()
    .any(|x| Rc::ptr_eq(x, t))
}

//! Attribute sites filled at their first execution: what the interpreter's
//! inline caches would remember for the receiver's class (or for a class read
//! itself), and the type dependency registered before the fill is used.
//!
//! Depends on the rest of `runtime` (the optimizer's state) and core's attribute
//! specialisation (`Vm::specialize_load`, `Vm::specialize_store`).

use super::*;
use tripwire_core::builtins::types::super_method;

impl Optimizer {
    /// Fill attribute site `site` of unit `id` for the class of `obj` (its first
    /// class, or one more beside those it holds), when that
    /// class may be assumed about (the thrash policy) and watched; the class's
    /// dependency is registered before the fill is used, so no change to it can
    /// slip between the two.
    pub(super) fn fill_attr(
        &mut self,
        vm: &mut Vm,
        id: UnitId,
        site: &AttrSite,
        obj: &Value,
    ) -> bool {
        let found = match obj {
            Value::Type(t) => class_attribute(vm, t, site).map(|v| (t.clone(), AttrHow::Class(v))),
            _ => instance_attribute(vm, site, obj).map(|how| (vm.type_of(obj), how)),
        };
        let Some((cls, how)) = found else {
            return false;
        };
        let dep = DepKey::whole(identity(&cls));
        if self.thrash.assumption(dep) != Assumption::Constant
            || vm
                .watch_type(self.type_watcher, &Value::Type(cls.clone()))
                .is_err()
        {
            return false;
        }
        self.index.add(id, site.site, dep);
        let fill = AttrFill {
            cls,
            how,
            hint: std::cell::Cell::new(0),
        };
        let mut first = site.fill.borrow_mut();
        match first.as_ref() {
            None => *first = Some(fill),
            Some(_) => site.others.borrow_mut().push(fill),
        }
        self.stats.attribute_fills += 1;
        true
    }
}

/// A class attribute that an instance's attribute load gives as it is (no
/// descriptor binds it): numbers, strings, containers, classes, None.
fn binds_as_itself(attr: &Value) -> bool {
    matches!(
        attr,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Str(_)
            | Value::Tuple(_)
            | Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Type(_)
    )
}

/// How attribute site `site` reaches its attribute on `obj` (not a class), if it
/// can be specialised: what the interpreter's inline caches would remember.
fn instance_attribute(vm: &Vm, site: &AttrSite, obj: &Value) -> Option<AttrHow> {
    let entry = match site.access {
        AttrAccess::Load | AttrAccess::Getter => vm.specialize_load(obj, &site.name, false),
        AttrAccess::Method => vm.specialize_load(obj, &site.name, true),
        AttrAccess::Store => vm.specialize_store(obj, &site.name),
        AttrAccess::SuperMethod => {
            let after = site.after.as_ref()?;
            let f = super_method(&vm.type_of(obj), after, &site.name)?;
            return Some(AttrHow::Method(f));
        }
    }?;
    Some(match (site.access, entry.kind) {
        (AttrAccess::Load, AttrKind::Dict) if matches!(obj, Value::Instance(_)) => AttrHow::Dict {
            fallback: if binds_as_itself(&entry.attr) {
                entry.attr.clone()
            } else {
                Value::Null
            },
        },
        (AttrAccess::Load | AttrAccess::Store, AttrKind::Slot) => AttrHow::Slot(entry.index.get()),
        (AttrAccess::Method, AttrKind::Method) => AttrHow::Method(entry.attr.clone()),
        (AttrAccess::Getter, AttrKind::Property) if matches!(entry.attr, Value::Function(_)) => {
            AttrHow::Method(entry.attr.clone())
        }
        (AttrAccess::Store, AttrKind::StoreDict) => AttrHow::StoreDict,
        _ => return None,
    })
}

/// `cls.name` loaded from a class whose metaclass is `type`, when it is a value no
/// descriptor binds or a plain function (which a class gives as it is).
fn class_attribute(vm: &Vm, cls: &TypeRef, site: &AttrSite) -> Option<Value> {
    if site.access != AttrAccess::Load
        || cls.meta.borrow().is_some()
        || vm.types.type_.lookup(&site.name).is_some()
    {
        return None;
    }
    let v = cls.lookup(&site.name)?;
    (binds_as_itself(&v) || matches!(v, Value::Function(_))).then_some(v)
}

//! Attribute sites as a unit runs them: loads, method loads and stores through
//! the fills of a site (`AttrSite`), with no version tag checked (the type watcher
//! empties a site whose class changed).
//!
//! A site is polymorphic up to `CLASSES` classes, as V8's and CPython's inline
//! caches are: its first class is tried inline; a receiver of another class looks
//! among the site's other fills, out of line, and a class not seen yet is filled
//! (`Fill`: the runtime registers the class's dependency first) while there is
//! room. A receiver of a class past that leaves the unit.
//!
//! Depends on `unit` and on core's values, types and dicts.

use super::interp::Fill;
use crate::unit::{AttrFill, AttrHow, AttrSite};
use std::cell::Ref;
use std::rc::Rc;
use tripwire_core::object::types::TypeRef;
use tripwire_core::object::Value;
use tripwire_core::vm::builtin_types::{borrowed_type_of, BuiltinTypes};
use tripwire_core::Vm;

/// The classes a site is specialised to at most.
pub const CLASSES: usize = 4;

/// How a fill reaches the attribute on a receiver of its class (`load` or
/// `method`); None when it does not (the instance dict lacks it, or shadows a
/// method).
pub type Through = fn(&AttrSite, &AttrFill, &Value) -> Option<Value>;

/// `obj` through attribute site `site`: its first fill inline; any other class
/// out of line, filled when the site has room for it.
#[inline(always)]
pub fn through_site(
    vm: &mut Vm,
    site: &AttrSite,
    obj: &Value,
    fill: &mut Fill,
    through: Through,
) -> Option<Value> {
    if let Some(f) = first_fill_for(vm.types, site, obj) {
        return through(site, &f, obj);
    }
    through_others(vm, site, obj, fill, through)
}

/// The site's first fill, when it is for `obj`'s class.
#[inline(always)]
fn first_fill_for<'a>(
    types: &BuiltinTypes,
    site: &'a AttrSite,
    obj: &Value,
) -> Option<Ref<'a, AttrFill>> {
    let fill = Ref::filter_map(site.fill.borrow(), Option::as_ref).ok()?;
    is_for(types, &fill, obj).then_some(fill)
}

/// A receiver whose class is not the site's first.
#[inline(never)]
fn through_others(
    vm: &mut Vm,
    site: &AttrSite,
    obj: &Value,
    fill: &mut Fill,
    through: Through,
) -> Option<Value> {
    let obj = obj.dup();
    let f = fill_made_for(vm, site, &obj, fill)?;
    through(site, &f, &obj)
}

/// `obj.name = v` through the site's first fill; `v` handed back (nothing
/// stored) when it is for another class or does not apply.
#[inline(always)]
pub fn store_first(
    types: &BuiltinTypes,
    site: &AttrSite,
    obj: &Value,
    v: Value,
) -> Result<(), Value> {
    match first_fill_for(types, site, obj) {
        Some(f) => store(site, &f, obj, v),
        None => Err(v),
    }
}

/// `obj.name = v` through the site's other fills, or one made for `obj`'s class
/// when the site has room; `v` handed back when none takes it.
#[inline(never)]
pub fn store_others(
    vm: &mut Vm,
    site: &AttrSite,
    obj: &Value,
    v: Value,
    fill: &mut Fill,
) -> Result<(), Value> {
    let obj = obj.dup();
    match fill_made_for(vm, site, &obj, fill) {
        Some(f) => store(site, &f, &obj, v),
        None => Err(v),
    }
}

/// The fill of `site` for `obj`'s class: one it has (its other classes looked at
/// first: the caller's receiver was not of the first, or the first did not
/// apply), or one made now when the site has room (the first fill of an empty
/// site, or another class while it holds fewer than `CLASSES`).
fn fill_made_for<'a>(
    vm: &mut Vm,
    site: &'a AttrSite,
    obj: &Value,
    fill: &mut Fill,
) -> Option<Ref<'a, AttrFill>> {
    let types = vm.types;
    // A miss hands the borrow back: it is let go before the fill below borrows
    // the site mutably.
    let other = Ref::filter_map(site.others.borrow(), |others| {
        others.iter().find(|f| is_for(types, f, obj))
    });
    match other {
        Ok(f) => return Some(f),
        Err(borrowed) => drop(borrowed),
    }
    if let Some(f) = first_fill_for(types, site, obj) {
        return Some(f);
    }
    let room = site.fill.borrow().is_none() || site.others.borrow().len() + 1 < CLASSES;
    if !room || !fill(vm, site, obj) {
        return None;
    }
    let types = vm.types;
    first_fill_for(types, site, obj).or_else(|| {
        let made = Ref::filter_map(site.others.borrow(), |others| others.last());
        made.ok().filter(|f| is_for(types, f, obj))
    })
}

/// Whether `fill` is for `obj`: its class is the one filled for (for a class's own
/// attribute, `obj` is that class).
#[inline(always)]
fn is_for(types: &BuiltinTypes, fill: &AttrFill, obj: &Value) -> bool {
    match obj {
        Value::Instance(inst) => Rc::ptr_eq(&inst.cls.borrow(), &fill.cls),
        Value::Type(t) => matches!(fill.how, AttrHow::Class(_)) && Rc::ptr_eq(t, &fill.cls),
        other => borrowed_type_of(types, other).is_some_and(|t: &TypeRef| Rc::ptr_eq(t, &fill.cls)),
    }
}

/// `obj.name` through `fill` (for `obj`'s class).
#[inline(always)]
pub fn load(site: &AttrSite, fill: &AttrFill, obj: &Value) -> Option<Value> {
    if let AttrHow::Class(v) = &fill.how {
        return Some(v.dup());
    }
    let Value::Instance(inst) = obj else {
        return None;
    };
    match &fill.how {
        AttrHow::Dict { fallback } => {
            let found = inst
                .dict
                .as_ref()
                .and_then(|d| d.get_str_hinted(&site.name, &fill.hint));
            match found {
                Some(v) => Some(v),
                None if fallback.is_null() => None,
                None => Some(fallback.dup()),
            }
        }
        AttrHow::Slot(i) => inst
            .slots
            .borrow()
            .get(*i as usize)
            .filter(|v| !v.is_null())
            .map(Value::dup),
        AttrHow::Method(_) | AttrHow::StoreDict | AttrHow::Class(_) => None,
    }
}

/// The method `obj.name` is called through (`fill` for `obj`'s class), when the
/// instance dict does not shadow it.
#[inline(always)]
pub fn method(site: &AttrSite, fill: &AttrFill, obj: &Value) -> Option<Value> {
    let AttrHow::Method(m) = &fill.how else {
        return None;
    };
    if let Value::Instance(inst) = obj {
        if inst
            .dict
            .as_ref()
            .is_some_and(|d| d.get_str(&site.name).is_some())
        {
            return None;
        }
    }
    Some(m.dup())
}

/// The function `fill` found in the class of `obj` for a call that no instance
/// dict can shadow (what `super().name` calls, a property's getter).
#[inline(always)]
pub fn class_function(_: &AttrSite, fill: &AttrFill, _: &Value) -> Option<Value> {
    match &fill.how {
        AttrHow::Method(m) => Some(m.dup()),
        _ => None,
    }
}

/// `obj.name = v` through `fill` (for `obj`'s class); `v` handed back (nothing
/// stored) when it does not apply. A watched instance dict is left to the
/// interpreter, which tells its watchers.
#[inline(always)]
fn store(site: &AttrSite, fill: &AttrFill, obj: &Value, v: Value) -> Result<(), Value> {
    let Value::Instance(inst) = obj else {
        return Err(v);
    };
    let old = match (&fill.how, &inst.dict) {
        (AttrHow::StoreDict, Some(d)) if !tripwire_core::watch::watching(&d.watch_mask) => {
            d.set_str_hinted(&site.name, v, &fill.hint)
        }
        (AttrHow::Slot(i), _) => {
            let mut slots = inst.slots.borrow_mut();
            match slots.get_mut(*i as usize) {
                Some(slot) => Some(Value::replace_split(slot, v)),
                None => return Err(v),
            }
        }
        _ => return Err(v),
    };
    drop(old);
    Ok(())
}

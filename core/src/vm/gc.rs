//! The cycle collector: frees groups of objects that only keep each other alive.
//!
//! CPython's algorithm over the registry of `object::tracking`: an object's
//! reference count minus the references it receives from other tracked objects is
//! the number of references from outside; objects with outside references, and
//! everything they reach, are live. The rest is garbage: finalizers (`__del__`) run
//! first (PEP 442), objects they resurrect are kept, and the remaining ones have their
//! contents cleared, which breaks the cycles so reference counting frees them.

use super::Vm;
use crate::object::tracking;
use crate::object::{Base, Value};
use hashbrown::HashMap;
use std::rc::Rc;

fn strong_count(v: &Value) -> usize {
    match v {
        Value::Dict(o) => Rc::strong_count(o),
        Value::List(o) => Rc::strong_count(o),
        Value::Tuple(o) => o.strong_count(),
        Value::Instance(o) => Rc::strong_count(o),
        Value::Function(o) => Rc::strong_count(o),
        Value::Cell(o) => Rc::strong_count(o),
        Value::Type(o) => Rc::strong_count(o),
        Value::Generator(o) => Rc::strong_count(o),
        Value::Obj(o) => Rc::strong_count(o),
        _ => 0,
    }
}

/// Call `f` on every value `v` refers to.
fn traverse(v: &Value, f: &mut dyn FnMut(&Value)) {
    match v {
        Value::Dict(d) => d.visit_items(|k, x| {
            f(k);
            f(x);
        }),
        Value::List(l) => {
            for x in l.items.borrow().iter() {
                f(x);
            }
        }
        Value::Tuple(t) => {
            for x in t.items.iter() {
                f(x);
            }
        }
        Value::Instance(i) => {
            f(&Value::Type(i.cls()));
            if let Some(d) = &i.dict {
                f(&Value::Dict(d.clone()));
            }
            for x in i.slots.borrow().iter() {
                f(x);
            }
            match &i.base {
                Base::Value(b) => f(&b.borrow()),
                Base::Exception(e) => {
                    let e = e.borrow();
                    for x in [&e.args, &e.cause, &e.context, &e.name, &e.obj] {
                        f(x);
                    }
                }
                Base::None => {}
            }
        }
        Value::Function(func) => {
            f(&Value::Dict(func.globals.clone()));
            if let Some(d) = func.defaults.borrow().as_ref() {
                f(&Value::Tuple(d.clone()));
            }
            if let Some(d) = func.kwdefaults.borrow().as_ref() {
                f(&Value::Dict(d.clone()));
            }
            if let Some(c) = &func.closure {
                f(&Value::Tuple(c.clone()));
            }
            if let Some(d) = func.dict.borrow().as_ref() {
                f(&Value::Dict(d.clone()));
            }
            f(&func.annotations.borrow());
        }
        Value::Cell(c) => f(&c.get()),
        Value::Type(t) => {
            f(&Value::Dict(t.dict.clone()));
            for b in t.bases.borrow().iter() {
                f(&Value::Type(b.clone()));
            }
            for m in t.mro.borrow().iter() {
                f(&Value::Type(m.clone()));
            }
        }
        Value::Generator(g) => {
            f(&Value::Function(g.func.clone()));
            for x in g.state.borrow().saved.iter() {
                f(x);
            }
        }
        Value::Obj(o) => {
            crate::modules::deque::traverse(o, f);
            crate::object::weakref::traverse(o, f);
        }
        _ => {}
    }
}

/// Empty a garbage object so the cycles through it break.
fn clear(v: &Value) {
    match v {
        Value::Dict(d) => drop(d.clear()),
        Value::List(l) => drop(std::mem::take(&mut *l.items.borrow_mut())),
        Value::Instance(i) => {
            if let Some(d) = &i.dict {
                drop(d.clear());
            }
            // Taken before it drops: a weak reference dying with it reads the slots.
            let slots = std::mem::take(&mut *i.slots.borrow_mut());
            drop(slots);
            match &i.base {
                Base::Value(b) => drop(std::mem::replace(&mut *b.borrow_mut(), Value::None)),
                Base::Exception(e) => {
                    let mut e = e.borrow_mut();
                    let old = (
                        std::mem::take(&mut e.args),
                        std::mem::take(&mut e.cause),
                        std::mem::take(&mut e.context),
                        std::mem::take(&mut e.name),
                        std::mem::take(&mut e.obj),
                    );
                    drop(e);
                    drop(old);
                }
                Base::None => {}
            }
        }
        Value::Function(func) => {
            drop(func.defaults.borrow_mut().take());
            drop(func.kwdefaults.borrow_mut().take());
            drop(func.dict.borrow_mut().take());
            drop(std::mem::replace(
                &mut *func.annotations.borrow_mut(),
                Value::Null,
            ));
        }
        Value::Cell(c) => c.set(Value::Null),
        Value::Type(t) => {
            drop(t.dict.clear());
            drop(std::mem::take(&mut *t.mro.borrow_mut()));
            drop(std::mem::take(&mut *t.bases.borrow_mut()));
        }
        Value::Generator(g) => drop(std::mem::take(&mut g.state.borrow_mut().saved)),
        Value::Obj(o) => {
            crate::modules::deque::clear(o);
            crate::object::weakref::clear(o);
        }
        _ => {}
    }
}

/// A vector with room for `n` items, or None when the memory cannot be had: the
/// collector's working memory grows with the number of objects, and a collection
/// that cannot get it is skipped rather than ending the process.
fn vec_for<T>(n: usize) -> Option<Vec<T>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n).ok()?;
    Some(v)
}

/// Which of `objs` are reachable from outside the set (each object of which holds
/// `held` references to itself); None when the memory to find out cannot be had.
fn reachable(objs: &[Value], held: isize) -> Option<Vec<bool>> {
    let mut index: HashMap<usize, usize> = HashMap::new();
    index.try_reserve(objs.len()).ok()?;
    index.extend(
        objs.iter()
            .enumerate()
            .filter_map(|(i, v)| v.ptr().map(|p| (p, i))),
    );
    let mut refs: Vec<isize> = vec_for(objs.len())?;
    refs.extend(objs.iter().map(|v| strong_count(v) as isize - held));
    for v in objs {
        traverse(v, &mut |r| {
            if let Some(j) = r.ptr().and_then(|p| index.get(&p)) {
                refs[*j] -= 1;
            }
        });
    }
    let mut live = vec_for(objs.len())?;
    live.resize(objs.len(), false);
    // Each object enters the work list at most once, when it is found live.
    let mut work: Vec<usize> = vec_for(objs.len())?;
    work.extend((0..objs.len()).filter(|&i| refs[i] > 0));
    drop(refs);
    for &i in &work {
        live[i] = true;
    }
    while let Some(i) = work.pop() {
        traverse(&objs[i], &mut |r| {
            if let Some(&j) = r.ptr().and_then(|p| index.get(&p)) {
                if !live[j] {
                    live[j] = true;
                    work.push(j);
                }
            }
        });
    }
    Some(live)
}

/// Keep the items of `v` whose flag in `flags` is `wanted`.
fn keep_flagged<T>(v: &mut Vec<T>, flags: &[bool], wanted: bool) {
    let mut flags = flags.iter();
    v.retain(|_| flags.next().is_none_or(|&f| f == wanted));
}

impl Vm {
    /// Find and free unreachable reference cycles; returns how many objects were in
    /// them (`gc.collect()`). With too little memory to look, nothing is collected.
    pub fn collect_cycles(&mut self) -> usize {
        // Run regularly as a program allocates, and after it dropped cycles: a
        // good time to take a spent memory reserve back.
        super::memory_reserve::replenish();
        let mut registry = tracking::take_all();
        let Some(mut objs) = vec_for(registry.len()) else {
            tracking::restore(registry);
            return 0;
        };
        registry.retain(|t| match t.upgrade() {
            Some(v) => {
                objs.push(v);
                true
            }
            None => false,
        });
        // `objs` itself holds one reference to each object.
        let Some(live) = reachable(&objs, 1) else {
            drop(objs);
            tracking::restore(registry);
            return 0;
        };
        keep_flagged(&mut registry, &live, true);
        tracking::restore(registry);
        let mut garbage = objs;
        keep_flagged(&mut garbage, &live, false);
        drop(live);
        if garbage.is_empty() {
            return 0;
        }
        let found = garbage.len();
        self.clear_weakrefs_to_garbage(&garbage);
        if self.finalize_garbage(&garbage) {
            // Finalizers may have stored garbage somewhere live: keep what they
            // reached (and, without the memory to tell, keep it all).
            let Some(live) = reachable(&garbage, 1) else {
                return 0;
            };
            keep_flagged(&mut garbage, &live, false);
        }
        for v in &garbage {
            clear(v);
        }
        drop(garbage);
        self.run_finalizers();
        found
    }

    /// Run `__del__` of garbage instances (once each); true if any ran.
    fn finalize_garbage(&mut self, garbage: &[Value]) -> bool {
        let del = self.names.d_del.clone();
        let mut ran = false;
        for v in garbage {
            let Value::Instance(i) = v else { continue };
            if i.finalized.get() {
                continue;
            }
            let cls = i.cls();
            if cls.builtin {
                continue;
            }
            let Some(f) = cls.lookup(&del) else { continue };
            i.finalized.set(true);
            ran = true;
            if let Err(e) = self.call_method_value(f, v, &[]) {
                let what = format!("<function {}.__del__>", cls.qualname.borrow().as_str());
                self.report_unraisable(&what, e);
            }
        }
        ran
    }
}

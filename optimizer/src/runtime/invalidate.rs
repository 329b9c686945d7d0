//! What the optimizer does with a watcher event: the dict, type and function
//! watchers' callbacks, the lookup in the dependency index, and by strategy the
//! patched sites, dropped units, rewritten cells, running units told to leave,
//! re-checks (`--adaptive`), and the trace record that says so.
//!
//! Depends on the rest of `runtime` (the optimizer's state).

use super::*;

impl Optimizer {
    /// A watched dict changed: find what assumed it, and act by strategy.
    pub(super) fn dict_event(&mut self, vm: &mut Vm, event: &DictEvent) {
        let object = identity(&event.dict);
        let key = match (&event.kind, &event.key) {
            (
                DictEventKind::Added | DictEventKind::Modified | DictEventKind::Deleted,
                Some(Value::Str(s)),
            ) => name_key(s.as_str()),
            (DictEventKind::Added | DictEventKind::Modified | DictEventKind::Deleted, _) => return,
            _ => DepKey::WHOLE,
        };
        if event.kind == DictEventKind::Deallocated {
            // Nothing can assume a dead dict: its dependencies go after this event.
            self.invalidate(vm, DepKey { object, key }, Event::Dict(event));
            self.index.remove_object(object);
            self.thrash.forget_object(object);
            return;
        }
        self.invalidate(vm, DepKey { object, key }, Event::Dict(event));
    }

    /// A watched class is about to change (an attribute set or deleted, its bases
    /// assigned, or the same in a class of its MRO): the attribute sites filled for
    /// it are emptied, or their units dropped, by strategy.
    pub(super) fn type_event(&mut self, vm: &mut Vm, ty: &TypeRef) {
        self.invalidate(vm, DepKey::whole(identity(ty)), Event::Type(ty));
    }

    /// Act on an event on `dep`: find whom it affects, and by strategy patch their
    /// guard sites or drop their units; one trace record says what was done.
    fn invalidate(&mut self, vm: &mut Vm, dep: DepKey, event: Event) {
        self.thread = vm.threads.ident();
        let mut affected = Vec::new();
        self.index.affected(dep, &mut affected);
        self.events += 1;
        let stress = self.options.stress_deopt as u64;
        if stress > 0 && self.events.is_multiple_of(stress) {
            self.invalidate_everything();
        }
        if affected.is_empty() {
            if self.tracing() {
                let object = event.object_name(vm);
                let ignored = Action {
                    kind: ActionKind::Ignored,
                    unit: String::new(),
                    sites: Vec::new(),
                    why: "nothing assumes it".to_string(),
                };
                self.record(event.label(), object, event.key(), vec![ignored]);
            }
            return;
        }
        self.thrash.dependency_broken(dep, false);
        let mut actions: Vec<Action> = Vec::new();
        let mut units: Vec<UnitId> = affected.iter().map(|a| a.unit()).collect();
        units.sort();
        units.dedup();
        for id in units {
            let Some(unit) = self.unit(id) else { continue };
            let mut sites: Vec<SiteId> = affected
                .iter()
                .filter_map(|a| match a {
                    Affected::Site(u, s) if *u == id => Some(*s),
                    _ => None,
                })
                .collect();
            if affected.contains(&Affected::Unit(id)) {
                // An index that names units only (Bloom): the unit's own sites say
                // which assumed the key, if any.
                sites.extend(sites_assuming(&unit, dep));
                sites.sort();
                sites.dedup();
            }
            if sites.is_empty() {
                self.stats.spurious += 1;
                actions.push(self.action(
                    ActionKind::Ignored,
                    id,
                    &unit,
                    &sites,
                    "no site assumes it (a false positive)",
                ));
                continue;
            }
            if let (true, Event::Dict(event)) = (self.options.adaptive, &event) {
                if self.still_holds(&unit, &sites, event) {
                    self.stats.rearmed += 1;
                    actions.push(self.action(
                        ActionKind::Ignored,
                        id,
                        &unit,
                        &sites,
                        "re-checked: the name still has the value assumed",
                    ));
                    continue;
                }
            }
            // Cells follow their name: rewritten, the code stays as it is.
            let (cells, sites): (Vec<SiteId>, Vec<SiteId>) = sites.into_iter().partition(|s| {
                unit.sites
                    .get(s.0 as usize)
                    .is_some_and(|s| s.cell.is_some())
            });
            if !cells.is_empty() {
                if let Event::Dict(event) = &event {
                    rewrite_cells(&unit, &cells, event);
                }
                self.stats.cells_rewritten += cells.len() as u64;
                actions.push(self.action(ActionKind::Patched, id, &unit, &cells, "cell rewritten"));
            }
            if sites.is_empty() {
                continue;
            }
            self.stats.invalidation(&event.label());
            if self.options.running_frames == RunningFrames::Eager && unit.running.get() > 0 {
                unit.leave_now.set(true);
                actions.push(self.action(
                    ActionKind::DeoptimisedFrame,
                    id,
                    &unit,
                    &sites,
                    "running: leaves when the call it is in returns",
                ));
            }
            match self.options.invalidate {
                Invalidate::Patch => {
                    let action =
                        self.action(ActionKind::Patched, id, &unit, &sites, "assumption broke");
                    for &s in &sites {
                        unit.patch_site(s);
                    }
                    actions.push(action);
                }
                Invalidate::Unit | Invalidate::Poll => {
                    self.drop_unit(id, &unit);
                    actions.push(self.action(
                        ActionKind::Invalidated,
                        id,
                        &unit,
                        &sites,
                        "assumption broke",
                    ));
                }
            }
        }
        if actions.is_empty() {
            actions.push(Action {
                kind: ActionKind::Ignored,
                unit: String::new(),
                sites: Vec::new(),
                why: "the units that assumed it are gone".to_string(),
            });
        }
        // The event's names are built only for a trace.
        let (label, object) = match self.tracing() {
            true => (event.label(), event.object_name(vm)),
            false => Default::default(),
        };
        self.record(label, object, event.key(), actions);
    }

    /// Watch functions, from the first unit that inlines one. Only reassigned code
    /// or defaults matter (an inlined function cannot die while the unit that
    /// holds it lives, and a creation says nothing), so the watcher takes a tool
    /// slot for changes only: a function watcher that heard every creation and
    /// destruction cost `go`, which makes many closures, 2-3% of its instructions.
    pub(super) fn watch_functions(vm: &mut Vm) -> Result<(), &'static str> {
        vm.watchers()
            .func
            .add_tool_for_changes(|vm, event| {
                Optimizer::with(vm, |vm, opt| {
                    let dep = DepKey::whole(identity(&event.func));
                    opt.invalidate(vm, dep, Event::Func(event));
                });
                Ok(())
            })
            .map(|_| ())
            .map_err(|_| "no function watcher id is free")
    }

    /// `--stress-deopt`: every unit is dropped, as if each assumption broke.
    fn invalidate_everything(&mut self) {
        for id in 0..self.units.len() {
            if let Some(unit) = self.unit(UnitId(id as u32)) {
                self.drop_unit(UnitId(id as u32), &unit);
                self.stats.invalidation("stress");
            }
        }
    }

    /// Whether every site's constant is the value the event stores (a global bound
    /// to the builtin it shadows, the same object stored again): the assumption
    /// that the name loads that value still holds.
    fn still_holds(&self, unit: &Unit, sites: &[SiteId], event: &DictEvent) -> bool {
        let (DictEventKind::Added | DictEventKind::Modified, Some(new)) =
            (event.kind, &event.value)
        else {
            return false;
        };
        sites.iter().all(|s| {
            let Some(site) = unit.sites.get(s.0 as usize) else {
                return false;
            };
            match unit.ops.get(site.op as usize).map(|c| c.get()) {
                Some(crate::unit::Op::Watched { constant, .. }) => unit
                    .constants
                    .get(constant as usize)
                    .is_some_and(|c| c.is(new)),
                _ => false,
            }
        })
    }
}

/// The sites of `unit` that rest on `dep` (any key of its object, for a whole-object
/// event): those compiled with it, and attribute sites filled for a class it names.
fn sites_assuming(unit: &Unit, dep: DepKey) -> Vec<SiteId> {
    let mut sites: Vec<SiteId> = unit
        .sites
        .iter()
        .enumerate()
        .filter(|(_, site)| {
            site.deps
                .iter()
                .any(|d| *d == dep || (dep.key == DepKey::WHOLE && d.object == dep.object))
        })
        .map(|(i, _)| SiteId(i as u32))
        .collect();
    sites.extend(
        unit.attrs
            .iter()
            .filter(|a| a.is_filled_for(dep.object))
            .map(|a| a.site),
    );
    sites
}

/// Rewrite the cells of `sites` for a dict event, which comes before the change:
/// the name's value once the event's change is made (the globals shadow the
/// builtins), or a null when it is bound nowhere, which sends the unit to the
/// interpreter there.
fn rewrite_cells(unit: &Unit, sites: &[SiteId], event: &DictEvent) {
    let stored = match event.kind {
        DictEventKind::Added | DictEventKind::Modified => event.value.clone(),
        _ => None,
    };
    let in_globals = Rc::ptr_eq(&event.dict, &unit.globals);
    for site in sites.iter().filter_map(|s| unit.sites.get(s.0 as usize)) {
        let (Some(name), Some(cell)) = (&site.global, site.cell) else {
            continue;
        };
        let whole = event.key.is_none();
        let value = if in_globals {
            match (&stored, whole) {
                (Some(v), false) => Some(v.clone()),
                // Deleted from the globals (or the globals cleared): the builtin.
                _ => unit.builtins.get_str(name),
            }
        } else {
            unit.globals
                .get_str(name)
                .or(if whole { None } else { stored.clone() })
        };
        if let Some(c) = unit.cells.get(cell as usize) {
            *c.borrow_mut() = value.unwrap_or(Value::Null);
        }
    }
}

/// An event that reaches the optimizer.
enum Event<'a> {
    Dict(&'a DictEvent),
    Type(&'a TypeRef),
    Func(&'a FuncEvent),
}

impl Event<'_> {
    fn label(&self) -> String {
        match self {
            Event::Dict(e) => format!("dict.{}", e.kind.name()),
            Event::Type(_) => "type.modified".to_string(),
            Event::Func(e) => format!("func.{}", e.kind.name()),
        }
    }

    /// The object's name in traces, without addresses.
    fn object_name(&self, vm: &Vm) -> String {
        match self {
            Event::Dict(e) => dict_name(vm, &e.dict),
            Event::Type(t) => format!("class {}", t.qualname.borrow().as_str()),
            Event::Func(e) => format!("function {}", e.func.qualname.borrow().as_str()),
        }
    }

    fn key(&self) -> Option<&Value> {
        match self {
            Event::Dict(e) => e.key.as_ref(),
            Event::Type(_) | Event::Func(_) => None,
        }
    }
}

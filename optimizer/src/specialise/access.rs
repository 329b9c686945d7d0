//! Loads of names and attributes: globals and builtins folded in as watched
//! constants (or cells, or looked up every time), module attributes folded into the
//! same site, and attribute sites specialised at their first execution.
//!
//! Depends on the rest of `specialise` (the translator and its stack).

use super::*;
use tripwire_core::builtins::types::super_method;

impl Translator<'_> {
    /// `module.name` where the module is a watched constant just loaded: folded into
    /// the same site, which now also assumes the module's dict keeps `name`.
    pub(super) fn module_attribute(&mut self, name: u32) -> bool {
        let Some(name) = self.code.names.get(name as usize).cloned() else {
            return false;
        };
        let (Some(op), Some(top)) = (self.ops.len().checked_sub(1), self.stack.last()) else {
            return false;
        };
        let (dst, module, site) = match self.ops[op] {
            Op::Watched {
                dst,
                constant,
                site,
            } => (dst, self.constants.get(constant as usize).cloned(), site),
            Op::CellLoad { dst, cell, site } => (
                dst,
                self.cells.get(cell as usize).map(|c| c.borrow().clone()),
                site,
            ),
            _ => return false,
        };
        if top.src != Src::Slot(dst)
            || self
                .sites
                .get(site.0 as usize)
                .is_none_or(|s| s.op as usize != op)
        {
            return false;
        }
        let Some(Value::Module(module)) = module else {
            return false;
        };
        let Some(value) = module.dict.get_str(&name) else {
            return false;
        };
        let key = DepKey {
            object: identity(&module.dict),
            key: name_key(name.as_str()),
        };
        if (self.scope.assume)(key) != Assumption::Constant {
            return false;
        }
        self.constants.push(value);
        let folded = self.constants.len() as u32 - 1;
        self.ops[op] = Op::Watched {
            dst,
            constant: folded,
            site,
        };
        if let Some(top) = self.stack.last_mut() {
            top.known = Some(folded);
            top.known_also = 0;
        }
        let s = &mut self.sites[site.0 as usize];
        // The constant is the attribute now, not the global's value: an event on
        // either patches the site (a cell would hold the module, not its attribute).
        s.global = None;
        s.cell = None;
        s.keys.push(name.clone());
        s.deps.push(key);
        s.what = format!("{} attribute '{}'", s.what, name.as_str());
        if !self
            .assumed
            .iter()
            .any(|d| std::rc::Rc::ptr_eq(d, &module.dict))
        {
            self.assumed.push(module.dict.clone());
        }
        true
    }

    /// An attribute instruction at `pc` (its subject on top of the stack): an op over
    /// a new attribute site, specialised when it first runs.
    pub(super) fn attribute(
        &mut self,
        pc: u32,
        name: u32,
        access: AttrAccess,
    ) -> Result<Flow, Refusal> {
        let Some(name) = self.code.names.get(name as usize).cloned() else {
            return Ok(self.unsupported(pc));
        };
        // A method never loaded here yet, in an inlined body: a call on a path
        // not taken so far, which would keep the whole callee from inlining (its
        // calls must all inline). The path leaves the unit instead.
        if access == AttrAccess::Method
            && !self.inline.is_empty()
            && profile::unprofiled(&self.code, pc)
        {
            return Ok(self.unsupported(pc));
        }
        if access == AttrAccess::Load {
            if let Some(getter) = profile::getter_seen(&self.code, pc) {
                if let Some(flow) = self.inline_getter(pc, &name, getter)? {
                    return Ok(flow);
                }
            }
        }
        let exit = self.exit_at(pc, ExitReason::AttrGuard);
        let obj = self.pop(pc)?;
        let attr = self.attrs.len() as u32;
        let d = self.stack.len();
        let op = match access {
            AttrAccess::Load => {
                let dst = self.temp(d);
                self.stack.push(Entry::fixed(Src::Slot(dst)));
                Op::Attr {
                    dst,
                    obj: obj.src,
                    attr,
                    exit,
                }
            }
            AttrAccess::Method => {
                let (dst, recv) = (self.temp(d), self.temp(d + 1));
                // The functions seen, one constant after another.
                let seen = profile::methods_seen(&self.code, pc);
                let first = self.constants.len() as u32;
                let known = (!seen.is_empty()).then_some(first);
                let known_also = seen.len().saturating_sub(1) as u32;
                self.constants.extend(seen);
                self.stack.push(Entry {
                    known,
                    known_also,
                    ..Entry::fixed(Src::Slot(dst))
                });
                self.stack.push(Entry::fixed(Src::Slot(recv)));
                Op::Method {
                    dst,
                    recv,
                    obj: obj.src,
                    attr,
                    exit,
                }
            }
            // `super_method` and `inline_getter` make these.
            AttrAccess::SuperMethod | AttrAccess::Getter => {
                return Err(Refusal {
                    pc,
                    why: "an attribute load of another kind",
                })
            }
            AttrAccess::Store => {
                let value = self.pop(pc)?;
                Op::StoreAttr {
                    obj: obj.src,
                    value: value.src,
                    attr,
                    exit,
                }
            }
        };
        let at = self.emit(op);
        self.add_attr_site(at, exit, name, access, None);
        Ok(Flow::Next(pc + 1))
    }

    /// The guard site and the attribute site (the next attribute index) of the
    /// attribute op just emitted at `op`, empty until its first execution.
    pub(super) fn add_attr_site(
        &mut self,
        op: usize,
        exit: ExitId,
        name: Rc<PyStr>,
        access: AttrAccess,
        after: Option<TypeRef>,
    ) {
        let site = SiteId(self.sites.len() as u32);
        let what = match access {
            AttrAccess::SuperMethod => "super() attribute",
            AttrAccess::Getter => "property",
            AttrAccess::Load | AttrAccess::Method | AttrAccess::Store => "attribute",
        };
        self.sites.push(Site {
            op: op as OpIndex,
            exit,
            deps: Vec::new(),
            what: format!("{what} '{}'", name.as_str()),
            global: None,
            cell: None,
            keys: Vec::new(),
        });
        self.attrs.push(AttrSite {
            name,
            access,
            after,
            site,
            fill: RefCell::new(None),
            others: RefCell::new(Vec::new()),
        });
    }

    /// `LoadSuperMethod` at `pc` ([super, class, self] on the stack): specialised
    /// when `super` is the built-in one (a watched global) and the class is known
    /// (an inlined method's `__class__` cell), to the function after that class in
    /// the receiver's MRO (an attribute site, filled per receiver class and
    /// emptied by the type watcher when a class of that MRO changes). The
    /// function the class's own MRO gives is predicted, so the call can inline
    /// it. Anything else is left to the interpreter.
    pub(super) fn super_method(&mut self, pc: u32, name: u32) -> Result<Flow, Refusal> {
        let Some(name) = self.code.names.get(name as usize).cloned() else {
            return Ok(self.unsupported(pc));
        };
        let at = self.stack.len().saturating_sub(3);
        let known = |k: usize| {
            self.stack
                .get(at + k)
                .and_then(|e| e.known)
                .and_then(|c| self.constants.get(c as usize))
        };
        let builtin_super =
            matches!(known(0), Some(Value::Type(t)) if Rc::ptr_eq(t, &self.scope.types.super_));
        let (Some(Value::Type(class)), true) = (known(1), builtin_super) else {
            return Ok(self.unsupported(pc));
        };
        let class = class.clone();
        let exit = self.exit_at(pc, ExitReason::AttrGuard);
        let obj = self.pop(pc)?;
        let class_entry = self.pop(pc)?;
        self.pop(pc)?;
        let Some(expected) = class_entry.known else {
            return Ok(self.unsupported(pc));
        };
        let predicted = super_method(&class, &class, &name);
        let d = self.stack.len();
        let (dst, recv) = (self.temp(d), self.temp(d + 1));
        let known = predicted.map(|f| self.constant_index(f));
        self.stack.push(Entry {
            known,
            ..Entry::fixed(Src::Slot(dst))
        });
        self.stack.push(Entry::fixed(Src::Slot(recv)));
        let attr = self.attrs.len() as u32;
        let op = self.emit(Op::SuperMethod {
            dst,
            recv,
            class: class_entry.src,
            obj: obj.src,
            expected,
            attr,
            exit,
        });
        self.add_attr_site(op, exit, name, AttrAccess::SuperMethod, Some(class));
        Ok(Flow::Next(pc + 1))
    }

    pub(super) fn load_global(&mut self, i: u32, pc: u32) -> Result<Flow, Refusal> {
        let Some(name) = self.code.names.get(i as usize).cloned() else {
            return Ok(self.unsupported(pc));
        };
        let globals = self.scope.globals;
        let builtins = self.scope.builtins;
        let key = name_key(name.as_str());
        let mut deps = vec![DepKey {
            object: identity(globals),
            key,
        }];
        let builtin_dep = DepKey {
            object: identity(builtins),
            key,
        };
        if (self.scope.assume)(deps[0]) != Assumption::Constant
            || (self.scope.assume)(builtin_dep) != Assumption::Constant
        {
            // Looked up at every execution: no watcher, a guard.
            let exit = self.exit_at(pc, ExitReason::TypeGuard);
            self.constants.push(Value::Str(name));
            let name = self.constants.len() as u32 - 1;
            let dst = self.temp(self.stack.len());
            self.emit(Op::Global { dst, name, exit });
            self.stack.push(Entry::fixed(Src::Slot(dst)));
            return Ok(Flow::Next(pc + 1));
        }
        let (value, what) = match globals.get_str(&name) {
            Some(v) => (v, format!("global '{}'", name.as_str())),
            None => match builtins.get_str(&name) {
                Some(v) => {
                    deps.push(builtin_dep);
                    (v, format!("builtin '{}'", name.as_str()))
                }
                None => return Ok(self.unsupported(pc)),
            },
        };
        let exit = self.exit_at(pc, ExitReason::Invalidated);
        let dst = self.temp(self.stack.len());
        let site = SiteId(self.sites.len() as u32);
        if self.scope.cells {
            // The cell follows the name wherever it is bound: both dicts are heard.
            if !deps.contains(&builtin_dep) {
                deps.push(builtin_dep);
            }
            let cell = self.cells.len() as u32;
            self.cells.push(RefCell::new(value));
            let op = self.emit(Op::CellLoad { dst, cell, site });
            self.sites.push(Site {
                op: op as OpIndex,
                exit,
                deps,
                what,
                global: Some(name.clone()),
                cell: Some(cell),
                keys: vec![name],
            });
            self.stack.push(Entry::fixed(Src::Slot(dst)));
            return Ok(Flow::Next(pc + 1));
        }
        self.constants.push(value);
        let constant = self.constants.len() as u32 - 1;
        let op = self.emit(Op::Watched {
            dst,
            constant,
            site,
        });
        self.sites.push(Site {
            op: op as OpIndex,
            exit,
            deps,
            what,
            global: Some(name.clone()),
            cell: None,
            keys: vec![name],
        });
        self.stack.push(Entry::known(Src::Slot(dst), constant));
        Ok(Flow::Next(pc + 1))
    }
}

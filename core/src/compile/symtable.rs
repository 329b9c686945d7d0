//! Symbol tables: which scope each name belongs to.
//!
//! A first pass over the AST records, per scope (module, class, function, lambda,
//! comprehension), the names bound, used, declared global or nonlocal; `analyze`
//! then resolves every name to local / cell / free / global / namespace, following
//! CPython's rules (class scopes are invisible to nested functions, except for the
//! implicit `__class__` cell that `super()` needs).

use crate::parse::ast::{self, Expr, Stmt};
use ruff_text_size::{Ranged, TextRange};
use std::collections::HashMap;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Comprehension,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Resolution {
    Local,
    Cell,
    Free,
    GlobalExplicit,
    GlobalImplicit,
    /// Module and class bodies: looked up in the namespace dict.
    Name,
}

const BOUND: u8 = 1;
const PARAM: u8 = 2;
const GLOBAL: u8 = 4;
const NONLOCAL: u8 = 8;
const USED: u8 = 16;
const ANNOTATED: u8 = 32;
/// The target of a comprehension's `for`.
const ITERATION: u8 = 64;

pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    names: Vec<String>,
    flags: HashMap<String, u8>,
    pub params: Vec<String>,
    children: Vec<usize>,
    pub resolved: HashMap<String, Resolution>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Class scopes: a method uses `super()` or `__class__`.
    pub needs_class_cell: bool,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// An `async def` (where `await` and `async for` / `async with` are allowed).
    pub async_def: bool,
    /// A list / set / dict comprehension compiled into its enclosing code (PEP 709)
    /// rather than as a function of its own.
    pub inlined: bool,
    /// Where each name was first declared `global` or `nonlocal`, for the errors
    /// found after the declaration.
    declared_at: HashMap<String, TextRange>,
}

impl Scope {
    fn new(kind: ScopeKind, name: &str) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            names: Vec::new(),
            flags: HashMap::new(),
            params: Vec::new(),
            children: Vec::new(),
            resolved: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            needs_class_cell: false,
            is_generator: false,
            is_coroutine: false,
            async_def: false,
            inlined: false,
            declared_at: HashMap::new(),
        }
    }

    fn add(&mut self, name: &str, flag: u8) {
        match self.flags.get_mut(name) {
            Some(f) => *f |= flag,
            None => {
                self.flags.insert(name.to_string(), flag);
                self.names.push(name.to_string());
            }
        }
    }

    /// Whether the scope binds, declares or uses `name` at all.
    pub fn mentions(&self, name: &str) -> bool {
        self.flags.contains_key(name)
    }

    pub fn resolve(&self, name: &str) -> Resolution {
        if let Some(r) = self.resolved.get(name) {
            return *r;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => Resolution::Name,
            _ => Resolution::GlobalImplicit,
        }
    }

    /// Local variable names in slot order: parameters first, then other locals.
    pub fn local_names(&self) -> Vec<String> {
        let mut out = self.params.clone();
        for n in &self.names {
            if !out.contains(n) && self.resolved.get(n) == Some(&Resolution::Local) {
                out.push(n.clone());
            }
        }
        out
    }
}

/// All scopes of one module, keyed by the address of the AST node that opens them.
pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    /// The first error CPython's symbol table pass reports, and where.
    pub error: Option<(String, TextRange)>,
}

impl SymbolTable {
    pub fn scope_of<T>(&self, node: &T) -> Option<usize> {
        self.by_node.get(&(node as *const T as usize)).copied()
    }
}

pub fn build(module: &ast::ModModule, future_annotations: bool) -> SymbolTable {
    let mut b = Builder {
        scopes: vec![Scope::new(ScopeKind::Module, "<module>")],
        by_node: HashMap::new(),
        stack: vec![0],
        future_annotations,
        error: None,
    };
    for s in &module.body {
        b.stmt(s);
    }
    let mut error = b.error;
    analyze(&mut b.scopes, 0, &[], &mut error);
    SymbolTable {
        scopes: b.scopes,
        by_node: b.by_node,
        error,
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    stack: Vec<usize>,
    future_annotations: bool,
    error: Option<(String, TextRange)>,
}

impl Builder {
    /// Record an error; the first one found is the one reported.
    fn fail(&mut self, msg: String, at: TextRange) {
        if self.error.is_none() {
            self.error = Some((msg, at));
        }
    }

    /// The innermost scope that is not a comprehension.
    fn enclosing_non_comprehension(&self) -> &Scope {
        let id = self
            .stack
            .iter()
            .rev()
            .copied()
            .find(|&i| self.scopes[i].kind != ScopeKind::Comprehension)
            .unwrap_or(0);
        &self.scopes[id]
    }

    fn cur(&mut self) -> &mut Scope {
        let i = *self.stack.last().unwrap_or(&0);
        &mut self.scopes[i]
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, name));
        let parent = *self.stack.last().unwrap_or(&0);
        self.scopes[parent].children.push(id);
        self.by_node.insert(node as *const T as usize, id);
        self.stack.push(id);
        id
    }

    fn pop_scope(&mut self) {
        self.stack.pop();
    }

    fn bind(&mut self, name: &str) {
        self.cur().add(name, BOUND);
    }

    fn use_name(&mut self, name: &str) {
        self.cur().add(name, USED);
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn annotation(&mut self, e: &Expr) {
        if !self.future_annotations {
            self.expr(e);
        }
    }

    fn parameters(&mut self, p: &ast::Parameters) {
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(d) = &a.default {
                self.expr(d);
            }
        }
    }

    fn parameter_annotations(&mut self, p: &ast::Parameters) {
        for a in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(an) = &a.parameter.annotation {
                self.annotation(an);
            }
        }
        for a in [&p.vararg, &p.kwarg].into_iter().flatten() {
            if let Some(an) = &a.annotation {
                self.annotation(an);
            }
        }
    }

    fn declare_params(&mut self, p: &ast::Parameters) {
        let mut declared: Vec<&ast::Parameter> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            declared.push(&a.parameter);
        }
        if let Some(v) = &p.vararg {
            declared.push(v);
        }
        for a in p.kwonlyargs.iter() {
            declared.push(&a.parameter);
        }
        if let Some(k) = &p.kwarg {
            declared.push(k);
        }
        let mut names: Vec<String> = Vec::new();
        for param in declared {
            let name = param.name.id.as_str();
            if names.iter().any(|n| n == name) {
                self.fail(
                    format!("duplicate argument '{name}' in function definition"),
                    param.name.range(),
                );
                continue;
            }
            self.cur().add(name, PARAM | BOUND);
            names.push(name.to_string());
        }
        // Slot order: positional, keyword-only, then *args and **kwargs.
        let star: Vec<String> = [&p.vararg, &p.kwarg]
            .into_iter()
            .flatten()
            .map(|v| v.name.id.to_string())
            .collect();
        names.retain(|n| !star.contains(n));
        names.extend(star);
        self.cur().params = names;
    }

    fn stmt(&mut self, s: &Stmt) {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression);
                }
                self.parameters(&f.parameters);
                self.parameter_annotations(&f.parameters);
                if let Some(r) = &f.returns {
                    self.annotation(r);
                }
                self.bind(f.name.id.as_str());
                self.push_scope(f, ScopeKind::Function, f.name.id.as_str());
                if f.is_async {
                    self.cur().is_coroutine = true;
                    self.cur().async_def = true;
                }
                self.declare_params(&f.parameters);
                self.stmts(&f.body);
                self.pop_scope();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a);
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value);
                    }
                }
                self.bind(c.name.id.as_str());
                self.push_scope(c, ScopeKind::Class, c.name.id.as_str());
                self.stmts(&c.body);
                self.pop_scope();
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v);
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t);
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value);
                for t in &a.targets {
                    self.target(t);
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value);
                self.target(&a.target);
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v);
                }
                let in_function = matches!(self.cur().kind, ScopeKind::Function);
                if !in_function || !a.simple {
                    self.annotation(&a.annotation);
                }
                if let Expr::Name(n) = &*a.target {
                    let prior = self.cur().flags.get(n.id.as_str()).copied().unwrap_or(0);
                    if a.simple && prior & (GLOBAL | NONLOCAL) != 0 {
                        let what = if prior & GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        self.fail(
                            format!("annotated name '{}' can't be {what}", n.id),
                            a.range(),
                        );
                    }
                    self.cur().add(n.id.as_str(), ANNOTATED);
                    if a.value.is_some() || in_function {
                        self.bind(n.id.as_str());
                    }
                } else {
                    self.target(&a.target);
                }
            }
            Stmt::For(f) => {
                self.expr(&f.iter);
                self.target(&f.target);
                self.stmts(&f.body);
                self.stmts(&f.orelse);
            }
            Stmt::While(w) => {
                self.expr(&w.test);
                self.stmts(&w.body);
                self.stmts(&w.orelse);
            }
            Stmt::If(i) => {
                self.expr(&i.test);
                self.stmts(&i.body);
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::With(w) => {
                for item in &w.items {
                    self.expr(&item.context_expr);
                    if let Some(v) = &item.optional_vars {
                        self.target(v);
                    }
                }
                self.stmts(&w.body);
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e);
                }
                if let Some(c) = &r.cause {
                    self.expr(c);
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body);
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty);
                    }
                    if let Some(n) = &h.name {
                        self.bind(n.id.as_str());
                    }
                    self.stmts(&h.body);
                }
                self.stmts(&t.orelse);
                self.stmts(&t.finalbody);
            }
            Stmt::Assert(a) => {
                self.expr(&a.test);
                if let Some(m) = &a.msg {
                    self.expr(m);
                }
            }
            Stmt::Import(i) => {
                for a in &i.names {
                    let bound = match &a.asname {
                        Some(n) => n.id.to_string(),
                        None => a
                            .name
                            .id
                            .as_str()
                            .split('.')
                            .next()
                            .unwrap_or("")
                            .to_string(),
                    };
                    self.bind(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for a in &i.names {
                    if a.name.id.as_str() == "*" {
                        if self.cur().kind != ScopeKind::Module {
                            self.fail("import * only allowed at module level".into(), a.range());
                        }
                        continue;
                    }
                    let bound = a.asname.as_ref().unwrap_or(&a.name);
                    self.bind(bound.id.as_str());
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.declare(n.id.as_str(), GLOBAL, g.range());
                    let at = g.range();
                    self.cur().declared_at.entry(n.id.to_string()).or_insert(at);
                }
            }
            Stmt::Nonlocal(g) => {
                if self.cur().kind == ScopeKind::Module {
                    self.fail(
                        "nonlocal declaration not allowed at module level".into(),
                        g.range(),
                    );
                }
                for n in &g.names {
                    self.declare(n.id.as_str(), NONLOCAL, g.range());
                    let at = g.range();
                    self.cur().declared_at.entry(n.id.to_string()).or_insert(at);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value),
            Stmt::Match(m) => {
                self.expr(&m.subject);
                for (i, c) in m.cases.iter().enumerate() {
                    self.unreachable_alternatives(&c.pattern);
                    if i + 1 < m.cases.len() && c.guard.is_none() {
                        self.refuse_irrefutable(&c.pattern);
                    }
                    if let Some(g) = &c.guard {
                        self.expr(g);
                    }
                    self.stmts(&c.body);
                }
            }
            Stmt::TypeAlias(_)
            | Stmt::Pass(_)
            | Stmt::Break(_)
            | Stmt::Continue(_)
            | Stmt::IpyEscapeCommand(_) => {}
        }
    }

    /// An irrefutable pattern that is not last makes the rest unreachable.
    fn refuse_irrefutable(&mut self, p: &ast::Pattern) {
        match p {
            ast::Pattern::MatchAs(a) if a.pattern.is_none() => {
                let msg = match &a.name {
                    Some(n) => format!("name capture '{n}' makes remaining patterns unreachable"),
                    None => "wildcard makes remaining patterns unreachable".to_string(),
                };
                self.fail(msg, a.range());
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.refuse_irrefutable(inner);
                }
            }
            ast::Pattern::MatchOr(o) => {
                if let Some(last) = o.patterns.last() {
                    self.refuse_irrefutable(last);
                }
            }
            _ => {}
        }
    }

    /// The alternatives of every or-pattern in `p`: all but the last must be refutable.
    fn unreachable_alternatives(&mut self, p: &ast::Pattern) {
        match p {
            ast::Pattern::MatchOr(o) => {
                let n = o.patterns.len();
                for (i, alt) in o.patterns.iter().enumerate() {
                    if i + 1 < n {
                        self.refuse_irrefutable(alt);
                    }
                    self.unreachable_alternatives(alt);
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(inner) = &a.pattern {
                    self.unreachable_alternatives(inner);
                }
            }
            ast::Pattern::MatchSequence(s) => s
                .patterns
                .iter()
                .for_each(|x| self.unreachable_alternatives(x)),
            ast::Pattern::MatchMapping(m) => m
                .patterns
                .iter()
                .for_each(|x| self.unreachable_alternatives(x)),
            ast::Pattern::MatchClass(c) => {
                for x in c.arguments.patterns.iter() {
                    self.unreachable_alternatives(x);
                }
                for k in c.arguments.keywords.iter() {
                    self.unreachable_alternatives(&k.pattern);
                }
            }
            _ => {}
        }
    }

    /// A `global` or `nonlocal` declaration, refused as CPython refuses it when the
    /// scope already uses or binds the name.
    fn declare(&mut self, name: &str, flag: u8, at: TextRange) {
        let what = if flag == GLOBAL { "global" } else { "nonlocal" };
        let prior = self.cur().flags.get(name).copied().unwrap_or(0);
        let other = if flag == GLOBAL { NONLOCAL } else { GLOBAL };
        let msg = if prior & PARAM != 0 {
            Some(format!("name '{name}' is parameter and {what}"))
        } else if prior & other != 0 {
            let first = self.cur().declared_at.get(name).copied().unwrap_or(at);
            self.fail(format!("name '{name}' is nonlocal and global"), first);
            None
        } else if prior & USED != 0 {
            Some(format!("name '{name}' is used prior to {what} declaration"))
        } else if prior & ANNOTATED != 0 {
            Some(format!("annotated name '{name}' can't be {what}"))
        } else if prior & BOUND != 0 {
            Some(format!(
                "name '{name}' is assigned to before {what} declaration"
            ))
        } else {
            None
        };
        if let Some(msg) = msg {
            self.fail(msg, at);
        }
        self.cur().add(name, flag);
    }

    /// An assignment / deletion target.
    fn target(&mut self, e: &Expr) {
        match e {
            Expr::Name(n) => self.bind(n.id.as_str()),
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.target(x);
                }
            }
            Expr::List(t) => {
                for x in &t.elts {
                    self.target(x);
                }
            }
            Expr::Starred(s) => self.target(&s.value),
            other => self.expr(other),
        }
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        self.expr(&first.iter);
        self.push_scope(node, ScopeKind::Comprehension, name);
        self.cur().params = vec![".0".to_string()];
        self.cur().add(".0", PARAM | BOUND);
        if is_generator {
            self.cur().is_generator = true;
        }
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                self.cur().is_coroutine = true;
            }
            if i > 0 {
                self.expr(&g.iter);
            }
            self.target(&g.target);
            self.mark_iteration(&g.target);
            for cond in &g.ifs {
                self.expr(cond);
            }
        }
        for e in elts {
            self.expr(e);
        }
        // A list / set / dict comprehension that awaits is awaited where it is used:
        // an enclosing comprehension awaits too.
        let awaits = self.cur().is_coroutine && !is_generator;
        self.pop_scope();
        if awaits && self.cur().kind == ScopeKind::Comprehension {
            self.cur().is_coroutine = true;
        }
    }

    fn mark_iteration(&mut self, target: &Expr) {
        match target {
            Expr::Name(n) => self.cur().add(n.id.as_str(), ITERATION),
            Expr::Tuple(t) => t.elts.iter().for_each(|x| self.mark_iteration(x)),
            Expr::List(t) => t.elts.iter().for_each(|x| self.mark_iteration(x)),
            Expr::Starred(s) => self.mark_iteration(&s.value),
            _ => {}
        }
    }

    /// A `yield` in a comprehension is refused; elsewhere it makes a generator.
    fn yield_here(&mut self, at: TextRange) {
        let scope = self.cur();
        if scope.kind == ScopeKind::Comprehension {
            let what = match scope.name.as_str() {
                "<listcomp>" => "list comprehension",
                "<setcomp>" => "set comprehension",
                "<dictcomp>" => "dict comprehension",
                _ => "generator expression",
            };
            self.fail(format!("'yield' inside {what}"), at);
        }
        self.cur().is_generator = true;
    }

    fn expr(&mut self, e: &Expr) {
        match e {
            Expr::BoolOp(b) => {
                for v in &b.values {
                    self.expr(v);
                }
            }
            Expr::Named(n) => {
                self.expr(&n.value);
                if let Expr::Name(name) = &*n.target {
                    let rebinds = self.stack.iter().any(|&s| {
                        self.scopes[s].kind == ScopeKind::Comprehension
                            && self.scopes[s]
                                .flags
                                .get(name.id.as_str())
                                .is_some_and(|f| f & ITERATION != 0)
                    });
                    if rebinds {
                        self.fail(
                            format!(
                                "assignment expression cannot rebind comprehension iteration variable '{}'",
                                name.id
                            ),
                            name.range(),
                        );
                    }
                    let in_comprehension = self.cur().kind == ScopeKind::Comprehension;
                    if in_comprehension
                        && self.enclosing_non_comprehension().kind == ScopeKind::Class
                    {
                        self.fail(
                            "assignment expression within a comprehension cannot be used in a class body"
                                .into(),
                            n.range(),
                        );
                    }
                    // The target binds in the nearest enclosing non-comprehension scope.
                    let mut target_idx = self.stack.len() - 1;
                    while target_idx > 0
                        && self.scopes[self.stack[target_idx]].kind == ScopeKind::Comprehension
                    {
                        target_idx -= 1;
                    }
                    let target = self.stack[target_idx];
                    let flag = if self.scopes[target].kind == ScopeKind::Module {
                        GLOBAL
                    } else {
                        NONLOCAL
                    };
                    for idx in target_idx + 1..self.stack.len() {
                        let s = self.stack[idx];
                        self.scopes[s].add(name.id.as_str(), flag | USED);
                    }
                    self.scopes[target].add(name.id.as_str(), BOUND);
                }
            }
            Expr::BinOp(b) => {
                self.expr(&b.left);
                self.expr(&b.right);
            }
            Expr::UnaryOp(u) => self.expr(&u.operand),
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.parameters(p);
                }
                self.push_scope(l, ScopeKind::Function, "<lambda>");
                if let Some(p) = &l.parameters {
                    self.declare_params(p);
                }
                self.expr(&l.body);
                self.pop_scope();
            }
            Expr::If(i) => {
                self.expr(&i.test);
                self.expr(&i.body);
                self.expr(&i.orelse);
            }
            Expr::Dict(d) => {
                for item in &d.items {
                    if let Some(k) = &item.key {
                        self.expr(k);
                    }
                    self.expr(&item.value);
                }
            }
            Expr::Set(s) => {
                for x in &s.elts {
                    self.expr(x);
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, &[&c.elt], false)
            }
            Expr::SetComp(c) => self.comprehension(c, "<setcomp>", &c.generators, &[&c.elt], false),
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.comprehension(c, "<dictcomp>", &c.generators, &elts, false)
            }
            Expr::Generator(c) => {
                self.comprehension(c, "<genexpr>", &c.generators, &[&c.elt], true)
            }
            Expr::Await(a) => {
                self.cur().is_coroutine = true;
                self.expr(&a.value);
            }
            Expr::Yield(y) => {
                self.yield_here(y.range());
                if let Some(v) = &y.value {
                    self.expr(v);
                }
            }
            Expr::YieldFrom(y) => {
                self.yield_here(y.range());
                self.expr(&y.value);
            }
            Expr::Compare(c) => {
                self.expr(&c.left);
                for x in c.comparators.iter() {
                    self.expr(x);
                }
            }
            Expr::Call(c) => {
                self.expr(&c.func);
                if let Expr::Name(n) = &*c.func {
                    if n.id.as_str() == "super" {
                        self.use_name("__class__");
                    }
                }
                for a in c.arguments.args.iter() {
                    self.expr(a);
                }
                for k in c.arguments.keywords.iter() {
                    self.expr(&k.value);
                }
            }
            Expr::FString(f) => {
                for el in f.value.elements() {
                    self.fstring_element(el);
                }
            }
            Expr::Attribute(a) => self.expr(&a.value),
            Expr::Subscript(s) => {
                self.expr(&s.value);
                self.expr(&s.slice);
            }
            Expr::Starred(s) => self.expr(&s.value),
            Expr::Name(n) => match n.ctx {
                ast::ExprContext::Load => {
                    self.use_name(n.id.as_str());
                    if n.id.as_str() == "__class__" {
                        self.use_name("__class__");
                    }
                }
                _ => self.bind(n.id.as_str()),
            },
            Expr::List(l) => {
                for x in &l.elts {
                    self.expr(x);
                }
            }
            Expr::Tuple(t) => {
                for x in &t.elts {
                    self.expr(x);
                }
            }
            Expr::Slice(s) => {
                for x in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                    self.expr(x);
                }
            }
            Expr::TString(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
            | Expr::IpyEscapeCommand(_) => {}
        }
    }

    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            self.expr(&i.expression);
            if let Some(spec) = &i.format_spec {
                for e in spec.elements.iter() {
                    self.fstring_element(e);
                }
            }
        }
    }
}

/// Resolve names top-down. `enclosing` lists names bound in enclosing function
/// scopes (visible as free variables). Returns the free variables of `id`.
fn analyze(
    scopes: &mut [Scope],
    id: usize,
    enclosing: &[String],
    error: &mut Option<(String, TextRange)>,
) -> Vec<String> {
    let kind = scopes[id].kind;
    let names = scopes[id].names.clone();
    let mut resolved = HashMap::new();
    let mut free: Vec<String> = Vec::new();
    for n in &names {
        let f = scopes[id].flags[n];
        let r = if f & GLOBAL != 0 {
            Resolution::GlobalExplicit
        } else if f & NONLOCAL != 0 {
            if !enclosing.contains(n) && error.is_none() {
                let at = scopes[id].declared_at.get(n).copied().unwrap_or_default();
                *error = Some((format!("no binding for nonlocal '{n}' found"), at));
            }
            Resolution::Free
        } else if f & (BOUND | PARAM) != 0 {
            match kind {
                ScopeKind::Module | ScopeKind::Class => Resolution::Name,
                _ => Resolution::Local,
            }
        } else if kind != ScopeKind::Module && enclosing.contains(n) {
            Resolution::Free
        } else if kind == ScopeKind::Module || kind == ScopeKind::Class {
            Resolution::Name
        } else {
            Resolution::GlobalImplicit
        };
        if r == Resolution::Free && !free.contains(n) {
            free.push(n.clone());
        }
        resolved.insert(n.clone(), r);
    }
    // The names children may close over.
    let mut child_env: Vec<String> = enclosing.to_vec();
    if matches!(kind, ScopeKind::Function | ScopeKind::Comprehension) {
        for n in &names {
            if matches!(
                resolved.get(n),
                Some(Resolution::Local) | Some(Resolution::Free)
            ) {
                child_env.push(n.clone());
            }
        }
    }
    if kind == ScopeKind::Class {
        child_env.push("__class__".to_string());
    }
    let children = scopes[id].children.clone();
    let mut cells: Vec<String> = Vec::new();
    for c in children {
        let child_free = analyze(scopes, c, &child_env, error);
        // Without child scopes of its own, nothing needs the comprehension's
        // variables as cells, so it can run in the enclosing frame.
        let inlined = {
            let s = &scopes[c];
            s.kind == ScopeKind::Comprehension
                && !s.is_generator
                && !s.is_coroutine
                && s.children.is_empty()
                && s.cellvars.is_empty()
        };
        scopes[c].inlined = inlined;
        for v in child_free {
            if inlined && matches!(resolved.get(&v), Some(Resolution::Local)) {
                // Read straight from this frame's slot.
                continue;
            }
            if kind == ScopeKind::Class && v == "__class__" {
                scopes[id].needs_class_cell = true;
                continue;
            }
            match resolved.get(&v) {
                Some(Resolution::Local) | Some(Resolution::Cell)
                    if kind != ScopeKind::Class && kind != ScopeKind::Module =>
                {
                    resolved.insert(v.clone(), Resolution::Cell);
                    if !cells.contains(&v) {
                        cells.push(v);
                    }
                }
                Some(Resolution::Free) => {}
                _ => {
                    if kind != ScopeKind::Module {
                        // Pass the variable through this scope.
                        if kind == ScopeKind::Class && resolved.contains_key(&v) {
                            // The class binds the name in its namespace; the closure
                            // still refers to the enclosing function's cell.
                        } else {
                            resolved.insert(v.clone(), Resolution::Free);
                        }
                        if !free.contains(&v) {
                            free.push(v);
                        }
                    }
                }
            }
        }
    }
    if kind == ScopeKind::Class && scopes[id].needs_class_cell {
        cells.push("__class__".to_string());
    }
    // Class scopes reading a free variable use LoadClassDeref via Free.
    scopes[id].resolved = resolved;
    scopes[id].cellvars = cells;
    scopes[id].freevars = free.clone();
    free
}

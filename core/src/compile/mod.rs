//! The compiler: AST to immutable `Code` objects.
//!
//! `unit.rs` holds the per-code-object assembler (instructions, labels, stack depth,
//! exception regions); this module compiles statements and `expr.rs` expressions.
//! Control flow that leaves a block early (return / break / continue through
//! `finally`, `with` and `except` blocks) unwinds the block stack at compile time, as
//! CPython does.

mod except_star;
mod expr;
mod future;
mod nesting;
mod pattern;
mod str_literal;
pub use expr::CALL_ARGS;
pub mod symtable;
mod type_params;
mod unit;
pub(crate) use unit::stack_effect;

use crate::code::{flags, BinOp, Code, Instr, Position};
use crate::object::{PyStr, Value};
use crate::parse::{self, ast, Lines, SyntaxErr};
use ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};
use std::rc::Rc;
use symtable::{Resolution, ScopeKind, SymbolTable};
use unit::{Block, Label, Unit};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A module or `exec` source: statements, result None.
    Exec,
    /// `eval`: one expression, its value is the result.
    Eval,
    /// `single`: one interactive statement; the value of each expression statement
    /// outside functions and classes goes to `sys.displayhook`.
    Single,
}

pub struct Compiler<'s> {
    src: &'s str,
    lines: Lines,
    filename: Rc<PyStr>,
    table: SymbolTable,
    units: Vec<Unit>,
    future_annotations: bool,
    /// Comprehension scopes being compiled inline into the current unit.
    inline_stack: Vec<usize>,
    /// `Mode::Single`: module-level expression statements are displayed.
    interactive: bool,
}

type CResult<T> = Result<T, SyntaxErr>;

/// Blocks nested in one code object at the most (CPython's `CO_MAXBLOCKS`).
const MAX_BLOCKS: usize = 21;

/// Source up to this size cannot nest deeply enough to need more stack than any
/// stack of execution has.
const SHALLOW_SOURCE: usize = 4096;

/// Compile source text into a module-level code object.
///
/// Longer source is compiled on a stack of its own, sized by the source: the parser,
/// the nesting check and the compiler recurse as deep as the AST nests (bounded by
/// `nesting`), and dropping an AST that failed the check recurses as deep as the
/// source allows.
pub fn compile(src: &str, filename: &str, mode: Mode) -> CResult<Rc<Code>> {
    if let Some(nul) = src.find('\0') {
        // CPython's tokenizer refuses the source, naming the line up to the byte.
        let mut err =
            parse::syntax_error_in(src, nul, nul, "source code cannot contain null bytes");
        err.text
            .truncate(err.text.find('\0').unwrap_or(err.text.len()));
        err.col = 0;
        err.end_col = 0;
        return Err(err);
    }
    if src.len() <= SHALLOW_SOURCE {
        return compile_here(src, filename, mode);
    }
    let stack = (64 << 20) + src.len().saturating_mul(32);
    stacker::grow(stack, || compile_here(src, filename, mode))
}

fn compile_here(src: &str, filename: &str, mode: Mode) -> CResult<Rc<Code>> {
    let lines = Lines::new(src);
    match mode {
        Mode::Exec | Mode::Single => {
            let mut module = parse::parse_module(src)?;
            if mode == Mode::Single {
                check_single_statement(src, &module.body)?;
            }
            nesting::check(src, &module.body)?;
            future::check_imports(src, &module.body)?;
            type_params::rewrite(src, &mut module.body)?;
            let future_annotations = future::has_annotations(&module.body);
            let table = symtable::build(&module, future_annotations);
            let mut c = Compiler::new(src, lines, filename, table, future_annotations);
            c.interactive = mode == Mode::Single;
            c.check_scope_errors()?;
            c.units
                .push(Unit::new(0, "<module>", "<module>", 1, flags::NAMESPACE));
            c.module_body(&module.body)?;
            let code = c.finish_unit(&[])?;
            Ok(code)
        }
        Mode::Eval => {
            let e = parse::parse_expression(src)?;
            nesting::check_expr(src, &e.body)?;
            let module = ast::ModModule {
                node_index: Default::default(),
                range: e.range,
                body: thin_vec::ThinVec::new(),
            };
            let mut table = symtable::build(&module, false);
            // Expressions may hold lambdas and comprehensions: index them too.
            let stmt = Stmt::Expr(ast::StmtExpr {
                node_index: Default::default(),
                range: e.range,
                value: e.body.clone(),
            });
            let wrapper = ast::ModModule {
                node_index: Default::default(),
                range: e.range,
                body: thin_vec::thin_vec![stmt],
            };
            table = if expr_has_scopes(&e.body) {
                symtable::build(&wrapper, false)
            } else {
                table
            };
            let mut c = Compiler::new(src, lines, filename, table, false);
            c.check_scope_errors()?;
            c.units
                .push(Unit::new(0, "<module>", "<module>", 1, flags::NAMESPACE));
            let body = match &wrapper.body[0] {
                Stmt::Expr(s) => &s.value,
                _ => &e.body,
            };
            c.expr(body)?;
            c.emit(Instr::Return);
            c.finish_unit(&[])
        }
    }
}

/// `Mode::Single` takes one statement: a compound one, or simple ones on one line.
fn check_single_statement(src: &str, body: &[Stmt]) -> CResult<()> {
    let Some(first) = body.first() else {
        let at = src.len() - src.trim_start().len();
        return Err(parse::syntax_error_in(src, at, at, "invalid syntax"));
    };
    let line_end = |at: TextSize| {
        src[at.to_usize()..]
            .find('\n')
            .map_or(src.len(), |i| at.to_usize() + i)
    };
    let first_line_end = line_end(first.start());
    let simple = |s: &Stmt| {
        !matches!(
            s,
            Stmt::FunctionDef(_)
                | Stmt::ClassDef(_)
                | Stmt::If(_)
                | Stmt::For(_)
                | Stmt::While(_)
                | Stmt::With(_)
                | Stmt::Try(_)
                | Stmt::Match(_)
        )
    };
    let line: Vec<&Stmt> = body
        .iter()
        .take_while(|s| simple(s) && s.start().to_usize() < first_line_end)
        .collect();
    if body.len() == 1 || line.len() == body.len() {
        return Ok(());
    }
    if line.is_empty() {
        // A compound statement ends at a blank line: CPython's parser sees the next
        // statement as part of it and marks that statement's first token.
        let at = body[1].start().to_usize();
        let token = src[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(src.len() - at)
            .max(1);
        return Err(parse::syntax_error_in(
            src,
            at,
            at + token,
            "invalid syntax",
        ));
    }
    // CPython points at the end of the first statement (its NEWLINE token).
    let last = line.last().copied().unwrap_or(first);
    let at = last.end().to_usize();
    Err(parse::syntax_error_in(
        src,
        at,
        at + 1,
        "multiple statements found while compiling a single statement",
    ))
}

fn expr_has_scopes(_e: &Expr) -> bool {
    true
}

impl<'s> Compiler<'s> {
    fn new(
        src: &'s str,
        lines: Lines,
        filename: &str,
        table: SymbolTable,
        future_annotations: bool,
    ) -> Self {
        Compiler {
            src,
            lines,
            filename: Rc::new(PyStr::new(filename)),
            table,
            units: Vec::new(),
            future_annotations,
            inline_stack: Vec::new(),
            interactive: false,
        }
    }

    fn check_scope_errors(&self) -> CResult<()> {
        match &self.table.error {
            Some((msg, at)) => Err(parse::syntax_error_in(
                self.src,
                at.start().to_usize(),
                at.end().to_usize(),
                msg,
            )),
            None => Ok(()),
        }
    }

    fn unit(&mut self) -> &mut Unit {
        let n = self.units.len() - 1;
        &mut self.units[n]
    }

    fn unit_ref(&self) -> &Unit {
        &self.units[self.units.len() - 1]
    }

    fn emit(&mut self, i: Instr) {
        self.unit().emit(i);
    }

    fn emit_jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.unit().emit_jump(make, l);
    }

    fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    fn bind(&mut self, l: Label) {
        self.unit().bind(l);
    }

    /// Give the instructions emitted from now on the source range of `node`.
    fn set_position<T: Ranged>(&mut self, node: &T) {
        let position = self.position_of(node.range());
        self.unit().position = position;
    }

    /// Run `f` with instructions taking the source range of `node`, then go back
    /// to the position in force before.
    fn at_position<T: Ranged, R>(&mut self, node: &T, f: impl FnOnce(&mut Self) -> R) -> R {
        let enclosing = self.unit().position;
        self.set_position(node);
        let result = f(self);
        self.unit().position = enclosing;
        result
    }

    /// Emit `instr` at the source range of `node`: the part of a statement that an
    /// error in `instr` is about.
    fn emit_at<T: Ranged>(&mut self, node: &T, instr: Instr) {
        self.at_position(node, |c| c.emit(instr));
    }

    fn position_of(&self, range: TextRange) -> Position {
        let (line, col) = self.lines.line_col(range.start(), self.src);
        let (end_line, end_col) = self.lines.line_col(range.end(), self.src);
        Position {
            line,
            end_line,
            col,
            end_col,
        }
    }

    /// An attribute access spanning lines is placed at its attribute name, so a
    /// traceback shows the line the name is on (CPython does the same).
    fn set_attribute_position(&mut self, a: &ast::ExprAttribute) {
        let mut position = self.position_of(a.range());
        if position.line != position.end_line {
            position.line = position.end_line;
            position.col = position.end_col.saturating_sub(a.attr.id.len() as u32);
        }
        self.unit().position = position;
    }

    fn line_of(&self, offset: TextSize) -> u32 {
        self.lines.line(offset)
    }

    /// Enter a block an early exit must clean up; past `MAX_BLOCKS` nested in one
    /// code object, as CPython's compiler counts them (an except clause is two:
    /// the handler and its cleanup), CPython's SyntaxError at `at`.
    fn push_block<T: Ranged>(&mut self, block: Block, at: &T) -> CResult<()> {
        let counted = |b: &Block| match b {
            Block::ExceptHandler { .. } => 2,
            _ => 1,
        };
        let depth: usize = self.unit().blocks.iter().map(counted).sum();
        if depth + counted(&block) > MAX_BLOCKS {
            return Err(self.error(at, "too many statically nested blocks"));
        }
        self.unit().blocks.push(block);
        Ok(())
    }

    fn error<T: Ranged>(&self, node: &T, msg: &str) -> SyntaxErr {
        let (start, end) = (node.start().to_usize(), node.end().to_usize());
        parse::syntax_error_in(self.src, start, end, msg)
    }

    fn const_index(&mut self, v: Value) -> u32 {
        self.unit().add_const(v)
    }

    fn load_const(&mut self, v: Value) {
        let i = self.const_index(v);
        self.emit(Instr::LoadConst(i));
    }

    fn name_index(&mut self, name: &str) -> u32 {
        self.unit().add_name(name)
    }

    fn scope(&self) -> &symtable::Scope {
        &self.table.scopes[self.unit_ref().scope]
    }

    // ----- names -----

    fn load_name(&mut self, name: &str) {
        self.name_op(name, NameOp::Load);
    }

    fn store_name(&mut self, name: &str) {
        self.name_op(name, NameOp::Store);
    }

    fn name_op(&mut self, name: &str, op: NameOp) {
        // Inside inlined comprehensions a name free there belongs to the enclosing
        // scope; the comprehension's own names are fast locals of this unit.
        let mut idx = self.inline_stack.len();
        let (res, kind) = loop {
            let sid = if idx == 0 {
                self.unit_ref().scope
            } else {
                self.inline_stack[idx - 1]
            };
            let s = &self.table.scopes[sid];
            let r = s.resolve(name);
            if idx > 0 && r == Resolution::Free {
                idx -= 1;
                continue;
            }
            break (r, if idx > 0 { ScopeKind::Function } else { s.kind });
        };
        let instr = match res {
            Resolution::Local if kind != ScopeKind::Module && kind != ScopeKind::Class => {
                let slot = self.unit().local_slot(name);
                match op {
                    NameOp::Load => Instr::LoadFast(slot),
                    NameOp::Store => Instr::StoreFast(slot),
                    NameOp::Delete => Instr::DeleteFast(slot),
                }
            }
            Resolution::Cell | Resolution::Free => {
                let idx = self.unit().deref_index(name);
                match op {
                    NameOp::Load if kind == ScopeKind::Class => Instr::LoadClassDeref(idx),
                    NameOp::Load => Instr::LoadDeref(idx),
                    NameOp::Store => Instr::StoreDeref(idx),
                    NameOp::Delete => Instr::DeleteDeref(idx),
                }
            }
            Resolution::GlobalExplicit => {
                let n = self.name_index(name);
                match op {
                    NameOp::Load => Instr::LoadGlobal(n),
                    NameOp::Store => Instr::StoreGlobal(n),
                    NameOp::Delete => Instr::DeleteGlobal(n),
                }
            }
            Resolution::GlobalImplicit => {
                let n = self.name_index(name);
                match op {
                    NameOp::Load if kind == ScopeKind::Class || kind == ScopeKind::Module => {
                        Instr::LoadName(n)
                    }
                    NameOp::Load => Instr::LoadGlobal(n),
                    NameOp::Store => Instr::StoreGlobal(n),
                    NameOp::Delete => Instr::DeleteGlobal(n),
                }
            }
            Resolution::Local | Resolution::Name => {
                let n = self.name_index(name);
                match op {
                    NameOp::Load => Instr::LoadName(n),
                    NameOp::Store => Instr::StoreName(n),
                    NameOp::Delete => Instr::DeleteName(n),
                }
            }
        };
        self.emit(instr);
    }

    // ----- units -----

    /// Start compiling a nested code object for `scope`.
    fn push_unit(&mut self, scope: usize, name: &str, line: u32, code_flags: u32) {
        let parent = self.unit_ref();
        let parent_scope = &self.table.scopes[parent.scope];
        let qualname = match parent_scope.kind {
            // An annotation scope is not part of the names of what it defines.
            _ if parent_scope.name.starts_with(type_params::SCOPE_PREFIX) => {
                match parent.qualname.rsplit_once('.') {
                    Some((outer, _)) => format!("{outer}.{name}"),
                    None => name.to_string(),
                }
            }
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", parent.qualname, name),
            _ => format!("{}.<locals>.{}", parent.qualname, name),
        };
        // A global declaration of the name makes the qualname top-level.
        let qualname = if matches!(parent_scope.resolve(name), Resolution::GlobalExplicit) {
            name.to_string()
        } else {
            qualname
        };
        // CPython's CO_NESTED: code defined inside a function's code (a method of a
        // class defined in a function too).
        let nested = self.units.iter().any(|u| {
            !matches!(
                self.table.scopes[u.scope].kind,
                ScopeKind::Module | ScopeKind::Class
            )
        });
        let s = &self.table.scopes[scope];
        let mut f = code_flags;
        if nested && code_flags & flags::NAMESPACE == 0 {
            f |= flags::NESTED;
        }
        if s.is_generator && s.is_coroutine {
            f |= flags::COROUTINE | flags::GENERATOR;
        } else if s.is_generator {
            f |= flags::GENERATOR;
        } else if s.is_coroutine {
            f |= flags::COROUTINE;
        }
        let mut u = Unit::new(scope, name, &qualname, line, f);
        u.varnames = s.local_names();
        u.cellvars = s.cellvars.clone();
        u.freevars = s.freevars.clone();
        if matches!(s.kind, ScopeKind::Class) {
            u.varnames.clear();
        }
        self.units.push(u);
    }

    /// Finish the innermost unit; returns the code.
    fn finish_unit(&mut self, _parent_free: &[String]) -> CResult<Rc<Code>> {
        let u = self.units.pop().ok_or_else(|| SyntaxErr {
            msg: "internal compiler error".into(),
            ..SyntaxErr::default()
        })?;
        Ok(Rc::new(u.assemble(self.filename.clone())))
    }

    // ----- statements -----

    fn module_body(&mut self, body: &[Stmt]) -> CResult<()> {
        let has_annotations = body.iter().any(|s| matches!(s, Stmt::AnnAssign(_)));
        if has_annotations {
            self.emit(Instr::SetupAnnotations);
        }
        // An interactive statement has no docstring: a string there is displayed.
        let body = if self.interactive {
            body
        } else {
            self.docstring(body)?
        };
        self.stmts(body)?;
        self.implicit_return();
        Ok(())
    }

    /// The `return None` a module or function body ends with, on the line control
    /// reaches it from.
    fn implicit_return(&mut self) {
        if let Some(p) = self.unit().fallthrough_position() {
            self.unit().position = p;
        }
        self.load_const(Value::None);
        self.emit(Instr::Return);
    }

    /// Store a leading docstring as `__doc__` (module and class bodies).
    fn docstring<'b>(&mut self, body: &'b [Stmt]) -> CResult<&'b [Stmt]> {
        if let Some(Stmt::Expr(e)) = body.first() {
            if let Expr::StringLiteral(s) = &*e.value {
                self.set_position(e);
                self.load_const(Value::str(s.value.to_str()));
                self.store_name("__doc__");
                return Ok(&body[1..]);
            }
        }
        Ok(body)
    }

    fn stmts(&mut self, body: &[Stmt]) -> CResult<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> CResult<()> {
        self.set_position(s);
        match s {
            Stmt::FunctionDef(f) => self.function_def(f),
            Stmt::ClassDef(c) => self.class_def(c),
            Stmt::Return(r) => {
                let kind = self.scope().kind;
                if kind == ScopeKind::Module || kind == ScopeKind::Class {
                    return Err(self.error(r, "'return' outside function"));
                }
                let scope = self.scope();
                if r.value.is_some() && scope.async_def && scope.is_generator {
                    return Err(self.error(r, "'return' with value in async generator"));
                }
                match &r.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.unwind_blocks(None, true)?;
                self.emit(Instr::Return);
                self.unit().after_unconditional();
                Ok(())
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.delete_target(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.aug_assign(a),
            Stmt::AnnAssign(a) => self.ann_assign(a),
            Stmt::For(f) => {
                if f.is_async {
                    if !self.scope().async_def {
                        return Err(self.error(f, "'async for' outside async function"));
                    }
                    return self.async_for_loop(f);
                }
                self.for_loop(f)
            }
            Stmt::While(w) => self.while_loop(w),
            Stmt::If(i) => {
                let end = self.new_label();
                let mut next = self.new_label();
                self.jump_if(&i.test, false, next)?;
                self.stmts(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.emit_jump(Instr::Jump, end);
                    self.bind(next);
                    next = self.new_label();
                    if let Some(t) = &clause.test {
                        self.set_position(t);
                        self.jump_if(t, false, next)?;
                    }
                    self.stmts(&clause.body)?;
                }
                self.bind(next);
                self.bind(end);
                Ok(())
            }
            Stmt::With(w) => {
                if w.is_async && !self.scope().async_def {
                    return Err(self.error(w, "'async with' outside async function"));
                }
                self.with_items(&w.items, &w.body, w.is_async)
            }
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
                self.unit().after_unconditional();
                Ok(())
            }
            Stmt::Try(t) => {
                // The `try:` line has an instruction of its own, as in CPython (a
                // line event for it under tracing).
                self.emit(Instr::Nop);
                if t.finalbody.is_empty() {
                    self.try_except(t)
                } else {
                    self.try_finally(t)
                }
            }
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.emit(Instr::PushNull);
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit_at(&*a.test, Instr::Raise(1));
                self.unit().after_unconditional();
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let full = alias.name.id.as_str();
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    let n = self.name_index(full);
                    self.emit(Instr::ImportName(n));
                    match &alias.asname {
                        Some(asname) => {
                            for part in full.split('.').skip(1) {
                                let n = self.name_index(part);
                                self.emit(Instr::ImportFrom(n));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::PopTop);
                            }
                            self.store_name(asname.id.as_str());
                        }
                        None => {
                            let top = full.split('.').next().unwrap_or(full);
                            self.store_name(top);
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                let module = i.module.as_ref().map(|m| m.id.as_str()).unwrap_or("");
                if module == "__future__" {
                    return Ok(());
                }
                self.load_const(Value::Int(i.level as i64));
                let names: Vec<Value> = i
                    .names
                    .iter()
                    .map(|a| Value::str(a.name.id.as_str()))
                    .collect();
                self.load_const(Value::tuple(names));
                let n = self.name_index(module);
                self.emit(Instr::ImportName(n));
                if i.names.len() == 1 && i.names[0].name.id.as_str() == "*" {
                    if self.scope().kind != ScopeKind::Module {
                        return Err(self.error(i, "import * only allowed at module level"));
                    }
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in &i.names {
                    let n = self.name_index(alias.name.id.as_str());
                    self.emit(Instr::ImportFrom(n));
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.store_name(bound.id.as_str());
                }
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::Pass(_) => Ok(()),
            Stmt::Expr(e) if self.interactive && self.units.len() == 1 => {
                let display = crate::builtins::native_function(
                    "sys",
                    "displayhook",
                    crate::modules::sys::display_expression,
                );
                self.load_const(display);
                self.emit(Instr::PushNull);
                self.expr(&e.value)?;
                self.emit(Instr::Call(1));
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Expr(e) => {
                self.expr(&e.value)?;
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Break(b) => {
                let Some(target) = self.unit().innermost_loop() else {
                    return Err(self.error(b, "'break' outside loop"));
                };
                self.unwind_blocks(Some(target), false)?;
                // The loop's own iterator (for loops) is popped by the break path.
                let (exit, is_for) = self.unit().loop_exit(target);
                if is_for {
                    self.emit(Instr::PopTop);
                }
                self.emit_jump(Instr::Jump, exit);
                self.unit().after_unconditional();
                Ok(())
            }
            Stmt::Continue(c) => {
                let Some(target) = self.unit().innermost_loop() else {
                    return Err(self.error(c, "'continue' not properly in loop"));
                };
                self.unwind_blocks(Some(target), false)?;
                let head = self.unit().loop_head(target);
                self.emit_jump(Instr::Jump, head);
                self.unit().after_unconditional();
                Ok(())
            }
            Stmt::Match(m) => self.match_stmt(m),
            Stmt::TypeAlias(t) => Err(self.error(t, "'type' statements are not supported yet")),
            Stmt::IpyEscapeCommand(e) => Err(self.error(e, "invalid syntax")),
        }
    }

    /// Emit the cleanup of every block inside `target` (a loop), or of all blocks when
    /// returning. With `preserve_top`, the value on top (the return value) survives.
    fn unwind_blocks(&mut self, target: Option<usize>, preserve_top: bool) -> CResult<()> {
        let depth = self.unit().blocks.len();
        let stop = target.map(|t| t + 1).unwrap_or(0);
        let mut i = depth;
        let mut suspended = Vec::new();
        while i > stop {
            i -= 1;
            let block = self.unit().blocks[i].clone();
            if let Some(r) = block.region() {
                self.unit().suspend(r);
                suspended.push(r);
            }
            match block {
                Block::For { .. } => {
                    if preserve_top {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopTop);
                }
                Block::While { .. } => {}
                Block::TryExcept { .. } => {}
                Block::Finally { body, .. } => {
                    // Compile the finally body with only the outer blocks active.
                    let saved = self.unit().blocks.split_off(i);
                    let body: &[Stmt] = unsafe_slice(body);
                    self.stmts(body)?;
                    self.unit().blocks.extend(saved);
                }
                Block::FinallyHandler { .. } => {
                    // [prev, exc] under the top: drop exc, restore prev.
                    if preserve_top {
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::PopTop);
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::PopExcept);
                    } else {
                        self.emit(Instr::PopTop);
                        self.emit(Instr::PopExcept);
                    }
                }
                Block::ExceptHandler { name, .. } => {
                    if preserve_top {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        self.load_const(Value::None);
                        self.store_name(&n);
                        self.name_op(&n, NameOp::Delete);
                    }
                }
                Block::With {
                    is_async, context, ..
                } => {
                    if preserve_top {
                        self.emit(Instr::Swap(2));
                    }
                    self.at_position(&context, |c| c.call_exit_none(is_async));
                }
            }
        }
        self.unit().pending_resume.extend(suspended);
        Ok(())
    }

    /// [exit] -> [] calling exit(None, None, None) (and awaiting it for `async with`).
    fn call_exit_none(&mut self, is_async: bool) {
        self.emit(Instr::PushNull);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.yield_from_loop();
        }
        self.emit(Instr::PopTop);
    }

    fn function_def(&mut self, f: &ast::StmtFunctionDef) -> CResult<()> {
        for d in &f.decorator_list {
            self.expr(&d.expression)?;
            self.emit(Instr::PushNull);
        }
        let scope = self
            .table
            .scope_of(f)
            .ok_or_else(|| self.error(f, "internal error: unknown scope"))?;
        let line = self.line_of(f.start());
        let mut make_flags = self.defaults(&f.parameters)?;
        if self.annotations(&f.parameters, f.returns.as_deref())? {
            make_flags |= 4;
        }
        self.push_unit(scope, f.name.id.as_str(), line, 0);
        self.set_params(&f.parameters);
        let body = self.function_docstring(&f.body);
        self.stmts(body)?;
        self.implicit_return();
        self.make_closure(scope, make_flags)?;
        for d in f.decorator_list.iter().rev() {
            self.emit_at(&d.expression, Instr::Call(1));
        }
        self.store_name(f.name.id.as_str());
        Ok(())
    }

    fn function_docstring<'b>(&mut self, body: &'b [Stmt]) -> &'b [Stmt] {
        match docstring_of(body) {
            Some(doc) => {
                self.unit().docstring = Some(doc);
                &body[1..]
            }
            None => body,
        }
    }

    /// Finish the nested unit and emit MakeFunction with its closure.
    fn make_closure(&mut self, scope: usize, mut make_flags: u32) -> CResult<()> {
        let free = self.table.scopes[scope].freevars.clone();
        let code = self.finish_unit(&free)?;
        if !free.is_empty() {
            for v in &free {
                let idx = self.unit().closure_source(v);
                self.emit(Instr::LoadClosure(idx));
            }
            self.emit(Instr::BuildTuple(free.len() as u32));
            make_flags |= 8;
        }
        self.load_const(Value::Code(code));
        self.emit(Instr::MakeFunction(make_flags));
        Ok(())
    }

    /// Push defaults / kwdefaults; returns MakeFunction flags.
    fn defaults(&mut self, p: &ast::Parameters) -> CResult<u32> {
        let mut fl = 0;
        let pos: Vec<&Expr> = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .filter_map(|a| a.default.as_deref())
            .collect();
        if !pos.is_empty() {
            for d in &pos {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(pos.len() as u32));
            fl |= 1;
        }
        let kw: Vec<(&str, &Expr)> = p
            .kwonlyargs
            .iter()
            .filter_map(|a| {
                a.default
                    .as_deref()
                    .map(|d| (a.parameter.name.id.as_str(), d))
            })
            .collect();
        if !kw.is_empty() {
            for (name, d) in &kw {
                self.load_const(Value::str(name));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kw.len() as u32));
            fl |= 2;
        }
        Ok(fl)
    }

    /// Push an annotations dict if the function has annotations.
    fn annotations(&mut self, p: &ast::Parameters, returns: Option<&Expr>) -> CResult<bool> {
        let mut items: Vec<(&str, &Expr)> = Vec::new();
        for a in p.posonlyargs.iter().chain(p.args.iter()) {
            if let Some(an) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), an));
            }
        }
        if let Some(v) = &p.vararg {
            if let Some(an) = &v.annotation {
                items.push((v.name.id.as_str(), an));
            }
        }
        for a in p.kwonlyargs.iter() {
            if let Some(an) = &a.parameter.annotation {
                items.push((a.parameter.name.id.as_str(), an));
            }
        }
        if let Some(v) = &p.kwarg {
            if let Some(an) = &v.annotation {
                items.push((v.name.id.as_str(), an));
            }
        }
        if let Some(r) = returns {
            items.push(("return", r));
        }
        if items.is_empty() {
            return Ok(false);
        }
        for (name, an) in &items {
            self.load_const(Value::str(name));
            self.annotation_value(an)?;
        }
        self.emit(Instr::BuildMap(items.len() as u32));
        Ok(true)
    }

    fn annotation_value(&mut self, an: &Expr) -> CResult<()> {
        if self.future_annotations {
            let text = match an {
                Expr::StringLiteral(s) => crate::builtins::repr::str_repr(s.value.to_str()),
                _ => {
                    self.src[an.range().start().to_usize()..an.range().end().to_usize()].to_string()
                }
            };
            self.load_const(Value::str(&text));
            Ok(())
        } else {
            self.expr(an)
        }
    }

    fn set_params(&mut self, p: &ast::Parameters) {
        let u = self.unit();
        u.argcount = (p.posonlyargs.len() + p.args.len()) as u32;
        u.posonlyargcount = p.posonlyargs.len() as u32;
        u.kwonlyargcount = p.kwonlyargs.len() as u32;
        if p.vararg.is_some() {
            u.flags |= flags::VARARGS;
        }
        if p.kwarg.is_some() {
            u.flags |= flags::VARKEYWORDS;
        }
    }

    fn class_def(&mut self, c: &ast::StmtClassDef) -> CResult<()> {
        for d in &c.decorator_list {
            self.expr(&d.expression)?;
            self.emit(Instr::PushNull);
        }
        let scope = self
            .table
            .scope_of(c)
            .ok_or_else(|| self.error(c, "internal error: unknown scope"))?;
        self.emit(Instr::LoadBuildClass);
        self.emit(Instr::PushNull);
        let line = self.line_of(c.start());
        self.push_unit(scope, c.name.id.as_str(), line, flags::NAMESPACE);
        // __module__ and __qualname__
        let n = self.name_index("__name__");
        self.emit(Instr::LoadName(n));
        let m = self.name_index("__module__");
        self.emit(Instr::StoreName(m));
        let qual = self.unit_ref().qualname.clone();
        self.load_const(Value::str(&qual));
        let q = self.name_index("__qualname__");
        self.emit(Instr::StoreName(q));
        // 3.13's `__firstlineno__`: the first line of the statement, decorators
        // included (inspect finds a class's source by it).
        self.load_const(Value::Int(line as i64));
        let f = self.name_index("__firstlineno__");
        self.emit(Instr::StoreName(f));
        if c.body.iter().any(|s| matches!(s, Stmt::AnnAssign(_))) {
            self.emit(Instr::SetupAnnotations);
        }
        let body = self.docstring(&c.body)?;
        self.stmts(body)?;
        if self.table.scopes[scope].needs_class_cell {
            let idx = self.unit().deref_index("__class__");
            self.emit(Instr::LoadClosure(idx));
            let n = self.name_index("__classcell__");
            self.emit(Instr::StoreName(n));
        }
        self.load_const(Value::None);
        self.emit(Instr::Return);
        self.make_closure(scope, 0)?;
        self.load_const(Value::str(c.name.id.as_str()));
        let mut nargs = 2;
        let mut kwnames = Vec::new();
        if let Some(args) = &c.arguments {
            if args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
                || args.keywords.iter().any(|k| k.arg.is_none())
            {
                return Err(self.error(c, "star arguments in class bases are not supported yet"));
            }
            for b in args.args.iter() {
                self.expr(b)?;
                nargs += 1;
            }
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
                nargs += 1;
                if let Some(a) = &k.arg {
                    kwnames.push(Value::str(a.id.as_str()));
                }
            }
        }
        if kwnames.is_empty() {
            self.emit(Instr::Call(nargs));
        } else {
            self.load_const(Value::tuple(kwnames));
            self.emit(Instr::CallKw(nargs));
        }
        for d in c.decorator_list.iter().rev() {
            self.emit_at(&d.expression, Instr::Call(1));
        }
        self.store_name(c.name.id.as_str());
        Ok(())
    }

    fn aug_assign(&mut self, a: &ast::StmtAugAssign) -> CResult<()> {
        let op = binop(a.op);
        match &*a.target {
            Expr::Name(n) => {
                self.load_name(n.id.as_str());
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(n.id.as_str());
            }
            Expr::Attribute(at) => {
                self.expr(&at.value)?;
                self.emit(Instr::Copy(1));
                let n = self.name_index(at.attr.id.as_str());
                self.emit_at(at, Instr::LoadAttr(n));
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit_at(at, Instr::StoreAttr(n));
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit_at(s, Instr::BinarySubscr);
                self.expr(&a.value)?;
                self.emit(Instr::InplaceOp(op));
                // [obj, key, result] -> result, obj, key
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit_at(s, Instr::StoreSubscr);
            }
            other => {
                return Err(self.error(
                    other,
                    "'expression' is an illegal expression for augmented assignment",
                ))
            }
        }
        Ok(())
    }

    fn ann_assign(&mut self, a: &ast::StmtAnnAssign) -> CResult<()> {
        if let Some(v) = &a.value {
            self.expr(v)?;
            self.store_target(&a.target)?;
        }
        let kind = self.scope().kind;
        if let Expr::Name(n) = &*a.target {
            if a.simple && (kind == ScopeKind::Module || kind == ScopeKind::Class) {
                self.annotation_value(&a.annotation)?;
                let ann = self.name_index("__annotations__");
                self.emit(Instr::LoadName(ann));
                self.load_const(Value::str(n.id.as_str()));
                self.emit(Instr::StoreSubscr);
            }
        } else if (kind == ScopeKind::Module || kind == ScopeKind::Class)
            && !self.future_annotations
        {
            self.expr(&a.annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    /// A `for` loop steps its iterator before the body and again after it, jumping
    /// back to the body (`ForIterBack`): one instruction per round fewer than a jump
    /// back to the first step.
    fn for_loop(&mut self, f: &ast::StmtFor) -> CResult<()> {
        let head = self.new_label();
        let body = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit_at(&*f.iter, Instr::GetIter);
        self.bind(head);
        self.at_position(&*f.iter, |c| c.emit_jump(Instr::ForIter, orelse));
        self.bind(body);
        self.push_block(Block::For { head, exit: end }, f)?;
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.at_position(&*f.iter, |c| c.emit_jump(Instr::ForIterBack, body));
        self.unit().blocks.pop();
        // Both steps exit with the iterator popped.
        self.bind(orelse);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `async for`: await `__anext__()` each round; StopAsyncIteration ends the loop.
    fn async_for_loop(&mut self, f: &ast::StmtFor) -> CResult<()> {
        let head = self.new_label();
        let stop = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.expr(&f.iter)?;
        self.emit(Instr::GetAIter);
        // [aiter]
        self.bind(head);
        let depth = self.unit().depth as u32;
        let region = self.unit().open_region(stop, depth);
        self.emit(Instr::GetANext);
        self.emit(Instr::GetAwaitable);
        self.load_const(Value::None);
        self.yield_from_loop();
        self.unit().close_region(region);
        // [aiter, item]
        self.push_block(Block::For { head, exit: end }, f)?;
        self.store_target(&f.target)?;
        self.stmts(&f.body)?;
        self.emit_jump(Instr::Jump, head);
        self.unit().blocks.pop();
        // [aiter, exc]: StopAsyncIteration ends the loop, anything else propagates.
        self.unit().bind_at_depth(stop, depth as i32 + 1);
        self.emit(Instr::EndAsyncFor);
        self.bind(orelse);
        self.stmts(&f.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// As CPython lays a `while` loop out: the test before the body, and again after
    /// it, jumping back to the body while it holds (one jump per round; a traced
    /// one-line loop reports its line once per round, as CPython's does). A test that
    /// holds a nested scope or a yield is not compiled twice: the body jumps back to
    /// the one before it.
    fn while_loop(&mut self, w: &ast::StmtWhile) -> CResult<()> {
        let head = self.new_label();
        let body = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        self.bind(head);
        self.jump_if(&w.test, false, orelse)?;
        self.bind(body);
        self.push_block(Block::While { head, exit: end }, w)?;
        self.stmts(&w.body)?;
        if can_compile_twice(&w.test) {
            self.jump_if(&w.test, true, body)?;
        } else {
            self.emit_jump(Instr::Jump, head);
        }
        self.unit().blocks.pop();
        self.bind(orelse);
        self.stmts(&w.orelse)?;
        self.bind(end);
        Ok(())
    }

    fn with_items(
        &mut self,
        items: &[ast::WithItem],
        body: &[Stmt],
        is_async: bool,
    ) -> CResult<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        if is_async {
            // [exit, awaitable of __aenter__()] -> [exit, entered]
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.yield_from_loop();
        } else {
            self.emit_at(&item.context_expr, Instr::BeforeWith);
        }
        // [exit, entered]
        let depth = self.unit().depth as u32 - 1;
        let region = self.unit().open_region(handler, depth);
        let context = item.context_expr.range();
        self.push_block(
            Block::With {
                region,
                is_async,
                context,
            },
            &item.context_expr,
        )?;
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        self.with_items(rest, body, is_async)?;
        self.unit().blocks.pop();
        self.unit().close_region(region);
        // Both exits call `__exit__` on the `with` line, as CPython's do.
        let enclosing = self.unit().position;
        self.set_position(&context);
        self.call_exit_none(is_async);
        self.emit_jump(Instr::Jump, end);
        // Exceptional exit: [exit, exc]
        self.unit().bind_at_depth(handler, depth as i32 + 1);
        self.emit(Instr::PushExcInfo);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        // An exception from __exit__ itself: [exit, prev] plus the new exception.
        let cregion = self.unit().open_region(cleanup, depth + 1);
        self.emit(Instr::WithExceptStart);
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.yield_from_loop();
        }
        self.emit_jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
        self.unit().close_region(cregion);
        self.bind(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit_jump(Instr::Jump, end);
        // [exit, prev, exc2]
        self.unit().bind_at_depth(cleanup, depth as i32 + 2);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
        self.unit().position = enclosing;
        self.bind(end);
        Ok(())
    }

    fn try_except(&mut self, t: &ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth as u32;
        let region = self.unit().open_region(handler, depth);
        self.push_block(Block::TryExcept { region }, t)?;
        self.stmts(&t.body)?;
        self.unit().blocks.pop();
        self.unit().close_region(region);
        self.stmts(&t.orelse)?;
        self.emit_jump(Instr::Jump, end);
        // [exc]
        self.unit().bind_at_depth(handler, depth as i32 + 1);
        self.emit(Instr::PushExcInfo);
        // [prev, exc]
        let cleanup = self.new_label();
        let cregion = self.unit().open_region(cleanup, depth + 1);
        for h in &t.handlers {
            let ast::ExceptHandler::ExceptHandler(h) = h;
            self.set_position(h);
            let next = self.new_label();
            if let Some(ty) = &h.type_ {
                self.expr(ty)?;
                self.emit(Instr::CheckExcMatch);
                self.emit_jump(Instr::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    let name = name.id.to_string();
                    self.store_name(&name);
                    // [prev]
                    let name_cleanup = self.new_label();
                    let nregion = self.unit().open_region(name_cleanup, depth + 1);
                    let block = Block::ExceptHandler {
                        region: Some(nregion),
                        name: Some(name.clone()),
                    };
                    self.push_block(block, h)?;
                    self.stmts(&h.body)?;
                    self.unit().blocks.pop();
                    self.unit().close_region(nregion);
                    self.emit(Instr::PopExcept);
                    self.load_const(Value::None);
                    self.store_name(&name);
                    self.name_op(&name, NameOp::Delete);
                    self.emit_jump(Instr::Jump, end);
                    // [prev, exc2]
                    self.unit().bind_at_depth(name_cleanup, depth as i32 + 2);
                    self.load_const(Value::None);
                    self.store_name(&name);
                    self.name_op(&name, NameOp::Delete);
                    self.emit(Instr::Reraise);
                    self.unit().after_unconditional();
                }
                None => {
                    self.emit(Instr::PopTop);
                    let block = Block::ExceptHandler {
                        region: None,
                        name: None,
                    };
                    self.push_block(block, h)?;
                    self.stmts(&h.body)?;
                    self.unit().blocks.pop();
                    self.emit(Instr::PopExcept);
                    self.emit_jump(Instr::Jump, end);
                }
            }
            self.unit().bind_at_depth(next, depth as i32 + 2);
        }
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
        self.unit().close_region(cregion);
        self.restore_and_reraise(cleanup, depth);
        self.bind(end);
        Ok(())
    }

    /// The handler of an except / finally body: [prev, exc] -> restore the handled
    /// exception and re-raise.
    fn restore_and_reraise(&mut self, cleanup: Label, depth: u32) {
        self.unit().bind_at_depth(cleanup, depth as i32 + 2);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
    }

    fn try_finally(&mut self, t: &ast::StmtTry) -> CResult<()> {
        let handler = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth as u32;
        let region = self.unit().open_region(handler, depth);
        let block = Block::Finally {
            region,
            body: SliceRef::new(&t.finalbody),
        };
        self.push_block(block, t)?;
        if t.handlers.is_empty() {
            self.stmts(&t.body)?;
            self.stmts(&t.orelse)?;
        } else {
            let inner = ast::StmtTry {
                node_index: Default::default(),
                range: t.range,
                body: t.body.clone(),
                handlers: t.handlers.clone(),
                orelse: t.orelse.clone(),
                finalbody: Default::default(),
                is_star: false,
            };
            self.try_except(&inner)?;
        }
        self.unit().blocks.pop();
        self.unit().close_region(region);
        self.stmts(&t.finalbody)?;
        self.emit_jump(Instr::Jump, end);
        // [exc]
        self.unit().bind_at_depth(handler, depth as i32 + 1);
        self.emit(Instr::PushExcInfo);
        let cleanup = self.new_label();
        let cregion = self.unit().open_region(cleanup, depth + 1);
        self.push_block(Block::FinallyHandler { region: cregion }, t)?;
        self.stmts(&t.finalbody)?;
        self.unit().blocks.pop();
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
        self.unit().close_region(cregion);
        self.restore_and_reraise(cleanup, depth);
        self.bind(end);
        Ok(())
    }

    // ----- targets -----

    fn store_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.store_name(n.id.as_str());
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_index(a.attr.id.as_str());
                self.emit(Instr::StoreAttr(n));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(tu) => self.unpack_targets(&tu.elts, t),
            Expr::List(l) => self.unpack_targets(&l.elts, t),
            Expr::Starred(s) => {
                Err(self.error(s, "starred assignment target must be in a list or tuple"))
            }
            other => Err(self.error(other, "cannot assign to expression")),
        }
    }

    fn unpack_targets(&mut self, elts: &[Expr], node: &Expr) -> CResult<()> {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        match star {
            Some(i) => {
                if elts
                    .iter()
                    .filter(|e| matches!(e, Expr::Starred(_)))
                    .count()
                    > 1
                {
                    return Err(self.error(node, "multiple starred expressions in assignment"));
                }
                let after = elts.len() - i - 1;
                self.emit_at(node, Instr::UnpackEx(i as u32 | ((after as u32) << 8)));
            }
            None => self.emit_at(node, Instr::UnpackSequence(elts.len() as u32)),
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.store_target(&s.value)?,
                other => self.store_target(other)?,
            }
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &Expr) -> CResult<()> {
        match t {
            Expr::Name(n) => {
                self.name_op(n.id.as_str(), NameOp::Delete);
                Ok(())
            }
            Expr::Attribute(a) => {
                self.expr(&a.value)?;
                let n = self.name_index(a.attr.id.as_str());
                self.emit(Instr::DeleteAttr(n));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.delete_target(e)?;
                }
                Ok(())
            }
            other => Err(self.error(other, "cannot delete expression")),
        }
    }
}

#[derive(Clone, Copy)]
enum NameOp {
    Load,
    Store,
    Delete,
}

/// A borrowed statement list kept in a block (finally bodies are compiled again at
/// every early exit). The AST outlives compilation, so the raw slice stays valid.
#[derive(Clone, Copy)]
pub struct SliceRef {
    ptr: *const Stmt,
    len: usize,
}

impl SliceRef {
    fn new(s: &[Stmt]) -> SliceRef {
        SliceRef {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }
}

fn unsafe_slice<'a>(s: SliceRef) -> &'a [Stmt] {
    // SAFETY: SliceRef is only created from AST nodes that live for the whole
    // compilation, and blocks do not outlive the compiler.
    unsafe { std::slice::from_raw_parts(s.ptr, s.len) }
}

fn docstring_of(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str().to_string());
        }
    }
    None
}

pub fn binop(op: ast::Operator) -> BinOp {
    match op {
        ast::Operator::Add => BinOp::Add,
        ast::Operator::Sub => BinOp::Sub,
        ast::Operator::Mult => BinOp::Mul,
        ast::Operator::MatMult => BinOp::MatMul,
        ast::Operator::Div => BinOp::TrueDiv,
        ast::Operator::Mod => BinOp::Mod,
        ast::Operator::Pow => BinOp::Pow,
        ast::Operator::LShift => BinOp::LShift,
        ast::Operator::RShift => BinOp::RShift,
        ast::Operator::BitOr => BinOp::Or,
        ast::Operator::BitXor => BinOp::Xor,
        ast::Operator::BitAnd => BinOp::And,
        ast::Operator::FloorDiv => BinOp::FloorDiv,
    }
}

/// Whether an expression can be compiled at two places: it makes no code object of its
/// own (lambda, comprehension, generator expression) and does not yield or await.
fn can_compile_twice(e: &Expr) -> bool {
    !ast::helpers::any_over_expr(e, |x| {
        matches!(
            x,
            Expr::Lambda(_)
                | Expr::ListComp(_)
                | Expr::SetComp(_)
                | Expr::DictComp(_)
                | Expr::Generator(_)
                | Expr::Yield(_)
                | Expr::YieldFrom(_)
                | Expr::Await(_)
        )
    })
}

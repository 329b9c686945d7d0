//! `compile(..., PyCF_ONLY_AST)` (what `ast.parse` calls): core's parser front end
//! parses, and the tree is rebuilt as instances of `_ast`'s node classes, with
//! CPython's node names, fields and positions (1-based lines, UTF-8 byte columns).
//! Statements here, expressions, f-strings and patterns in `expr`. Depends on core's
//! public API (its parser, `parse::ast`) and the `_ast` module.

use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::{arg_int, parse_clinic_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::parse::{self, ast};
use tripwire_core::{PyResult, Vm};

use ast::{Expr, Stmt};
use ruff_text_size::{Ranged, TextRange, TextSize};

mod expr;

/// CPython's flag asking `compile` for a tree rather than code.
const ONLY_AST: i64 = 0x400;

/// The `compile` builtin: trees here, everything else in core.
pub fn compile(vm: &mut Vm, args: &[Value], kwargs: &[KwArg]) -> PyResult<Value> {
    let [source, filename, mode, flags, ..] = parse_clinic_args(
        vm,
        "compile",
        [
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
            "_feature_version",
        ],
        6,
        3,
        args,
        kwargs,
    )?;
    let flags = match &flags {
        Some(f) => arg_int(vm, f)?,
        None => 0,
    };
    let (Some(source), Some(Value::Str(_)), Some(Value::Str(mode))) = (&source, &filename, &mode)
    else {
        return tripwire_core::builtins::functions::compile(vm, args, kwargs);
    };
    if flags & ONLY_AST == 0 {
        return tripwire_core::builtins::functions::compile(vm, args, kwargs);
    }
    let text = match source {
        Value::Str(s) => s.as_str().to_string(),
        other => match bytes_like(other) {
            Some(b) => match String::from_utf8(b) {
                Ok(s) => s,
                Err(_) => return tripwire_core::builtins::functions::compile(vm, args, kwargs),
            },
            None => return tripwire_core::builtins::functions::compile(vm, args, kwargs),
        },
    };
    let filename = match &filename {
        Some(Value::Str(f)) => f.as_str().to_string(),
        _ => String::new(),
    };
    parse_tree(vm, &text, &filename, mode.as_str())
}

/// The tree of `src` in `mode` ('exec', 'eval' or 'single').
fn parse_tree(vm: &mut Vm, src: &str, filename: &str, mode: &str) -> PyResult<Value> {
    let module = vm.import_one("_ast")?;
    let Value::Module(module) = module else {
        return Err(vm.runtime_error("_ast is not a module"));
    };
    let mut b = TreeBuilder {
        src,
        lines: LineStarts::new(src),
        nodes: module.dict.clone(),
    };
    match mode {
        "exec" | "single" => {
            let tree = parse::parse_module(src).map_err(|e| vm.syntax_error(&e, filename))?;
            let body = b.stmts(vm, &tree.body)?;
            if mode == "exec" {
                b.node(
                    vm,
                    "Module",
                    vec![("body", body), ("type_ignores", Value::list(Vec::new()))],
                    None,
                )
            } else {
                b.node(vm, "Interactive", vec![("body", body)], None)
            }
        }
        "eval" => {
            let tree = parse::parse_expression(src).map_err(|e| vm.syntax_error(&e, filename))?;
            let body = b.expr(vm, &tree.body)?;
            b.node(vm, "Expression", vec![("body", body)], None)
        }
        "func_type" => Err(vm.new_error(
            &vm.types.not_implemented_error.clone(),
            "compile() cannot parse function type comments",
        )),
        _ => Err(vm.value_error("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")),
    }
}

/// Byte offsets where each line starts (after `\n`, `\r\n` or a lone `\r`).
struct LineStarts(Vec<usize>);

impl LineStarts {
    fn new(src: &str) -> LineStarts {
        let bytes = src.as_bytes();
        let mut starts = vec![0];
        for (i, &c) in bytes.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        LineStarts(starts)
    }

    /// The 1-based line and byte column of `offset`.
    fn locate(&self, offset: TextSize) -> (i64, i64) {
        let offset = offset.to_usize();
        let line = self.0.partition_point(|&s| s <= offset).max(1);
        (line as i64, (offset - self.0[line - 1]) as i64)
    }
}

struct TreeBuilder<'s> {
    src: &'s str,
    lines: LineStarts,
    /// The `_ast` module's namespace: the node classes by name.
    nodes: std::rc::Rc<Dict>,
}

type Fields = Vec<(&'static str, Value)>;

fn int(v: bool) -> Value {
    Value::Int(v as i64)
}

fn name(id: &str) -> Value {
    Value::str(id)
}

fn opt_name(id: Option<&ast::Identifier>) -> Value {
    id.map_or(Value::None, |i| name(i.as_str()))
}

impl TreeBuilder<'_> {
    /// An instance of node class `kind` with `fields`, placed at `range` if given.
    fn node(
        &mut self,
        vm: &mut Vm,
        kind: &str,
        mut fields: Fields,
        range: Option<TextRange>,
    ) -> PyResult<Value> {
        let Some(class) = self.nodes.get_str(&vm.intern(kind)) else {
            return Err(vm.runtime_error(format!("_ast has no node class {kind}")));
        };
        if let Some(range) = range {
            let (line, col) = self.lines.locate(range.start());
            let (end_line, end_col) = self.lines.locate(range.end());
            fields.extend([
                ("lineno", Value::Int(line)),
                ("col_offset", Value::Int(col)),
                ("end_lineno", Value::Int(end_line)),
                ("end_col_offset", Value::Int(end_col)),
            ]);
        }
        let kwargs: Vec<KwArg> = fields.into_iter().map(|(k, v)| (vm.intern(k), v)).collect();
        vm.call(&class, &[], &kwargs)
    }

    /// A field-less node: an operator or an expression context.
    fn marker(&mut self, vm: &mut Vm, kind: &str) -> PyResult<Value> {
        self.node(vm, kind, Vec::new(), None)
    }

    fn ctx(&mut self, vm: &mut Vm, ctx: ast::ExprContext) -> PyResult<Value> {
        let kind = match ctx {
            ast::ExprContext::Store => "Store",
            ast::ExprContext::Del => "Del",
            ast::ExprContext::Load | ast::ExprContext::Invalid => "Load",
        };
        self.marker(vm, kind)
    }

    fn stmts(&mut self, vm: &mut Vm, body: &[Stmt]) -> PyResult<Value> {
        let mut out = Vec::with_capacity(body.len());
        for s in body {
            out.push(self.stmt(vm, s)?);
        }
        Ok(Value::list(out))
    }

    fn exprs<'e>(
        &mut self,
        vm: &mut Vm,
        items: impl IntoIterator<Item = &'e Expr>,
    ) -> PyResult<Value> {
        let mut out = Vec::new();
        for e in items {
            out.push(self.expr(vm, e)?);
        }
        Ok(Value::list(out))
    }

    fn opt_expr(&mut self, vm: &mut Vm, e: Option<&Expr>) -> PyResult<Value> {
        e.map_or(Ok(Value::None), |e| self.expr(vm, e))
    }

    fn names(&self, names: &[ast::Identifier]) -> Value {
        Value::list(names.iter().map(|n| name(n.as_str())).collect())
    }

    /// Where a `def` / `class` statement starts: its keyword (or `async`), past the
    /// decorators ruff's range includes.
    fn definition_range(
        &self,
        range: TextRange,
        name: &ast::Identifier,
        keyword: &str,
    ) -> TextRange {
        let before = &self.src[..name.start().to_usize()];
        let mut start = before.rfind(keyword).unwrap_or(range.start().to_usize());
        if keyword == "def" {
            let head = before[..start].trim_end();
            if head.ends_with("async") && range.start().to_usize() <= head.len() - 5 {
                start = head.len() - 5;
            }
        }
        TextRange::new(TextSize::new(start as u32), range.end())
    }

    fn decorators(&mut self, vm: &mut Vm, list: &[ast::Decorator]) -> PyResult<Value> {
        self.exprs(vm, list.iter().map(|d| &d.expression))
    }

    fn type_params(&mut self, vm: &mut Vm, params: Option<&ast::TypeParams>) -> PyResult<Value> {
        let mut out = Vec::new();
        for p in params.map_or(&[][..], |p| &p.type_params[..]) {
            let node = match p {
                ast::TypeParam::TypeVar(t) => {
                    let bound = self.opt_expr(vm, t.bound.as_deref())?;
                    let default = self.opt_expr(vm, t.default.as_deref())?;
                    let fields = vec![
                        ("name", name(t.name.as_str())),
                        ("bound", bound),
                        ("default_value", default),
                    ];
                    self.node(vm, "TypeVar", fields, Some(t.range))?
                }
                ast::TypeParam::ParamSpec(t) => {
                    let default = self.opt_expr(vm, t.default.as_deref())?;
                    let fields = vec![("name", name(t.name.as_str())), ("default_value", default)];
                    self.node(vm, "ParamSpec", fields, Some(t.range))?
                }
                ast::TypeParam::TypeVarTuple(t) => {
                    let default = self.opt_expr(vm, t.default.as_deref())?;
                    let fields = vec![("name", name(t.name.as_str())), ("default_value", default)];
                    self.node(vm, "TypeVarTuple", fields, Some(t.range))?
                }
            };
            out.push(node);
        }
        Ok(Value::list(out))
    }

    fn arg(&mut self, vm: &mut Vm, p: &ast::Parameter) -> PyResult<Value> {
        let annotation = self.opt_expr(vm, p.annotation.as_deref())?;
        let fields = vec![
            ("arg", name(p.name.as_str())),
            ("annotation", annotation),
            ("type_comment", Value::None),
        ];
        // CPython's `*args` / `**kwargs` start at the name, past the stars.
        let range = TextRange::new(p.name.start(), p.range.end());
        self.node(vm, "arg", fields, Some(range))
    }

    fn arguments(&mut self, vm: &mut Vm, params: Option<&ast::Parameters>) -> PyResult<Value> {
        let Some(p) = params else {
            return self.node(vm, "arguments", Vec::new(), None);
        };
        let mut posonly = Vec::new();
        let mut args = Vec::new();
        let mut defaults = Vec::new();
        for (list, is_posonly) in [(&p.posonlyargs, true), (&p.args, false)] {
            for a in list.iter() {
                let node = self.arg(vm, &a.parameter)?;
                if is_posonly {
                    posonly.push(node);
                } else {
                    args.push(node);
                }
                if let Some(d) = &a.default {
                    defaults.push(self.expr(vm, d)?);
                }
            }
        }
        let vararg = match &p.vararg {
            Some(v) => self.arg(vm, v)?,
            None => Value::None,
        };
        let mut kwonly = Vec::new();
        let mut kw_defaults = Vec::new();
        for a in p.kwonlyargs.iter() {
            kwonly.push(self.arg(vm, &a.parameter)?);
            kw_defaults.push(self.opt_expr(vm, a.default.as_deref())?);
        }
        let kwarg = match &p.kwarg {
            Some(v) => self.arg(vm, v)?,
            None => Value::None,
        };
        let fields = vec![
            ("posonlyargs", Value::list(posonly)),
            ("args", Value::list(args)),
            ("vararg", vararg),
            ("kwonlyargs", Value::list(kwonly)),
            ("kw_defaults", Value::list(kw_defaults)),
            ("kwarg", kwarg),
            ("defaults", Value::list(defaults)),
        ];
        self.node(vm, "arguments", fields, None)
    }

    /// Positional arguments and keywords of a call or a class statement.
    fn call_arguments(
        &mut self,
        vm: &mut Vm,
        arguments: Option<&ast::Arguments>,
    ) -> PyResult<(Value, Value)> {
        let Some(a) = arguments else {
            return Ok((Value::list(Vec::new()), Value::list(Vec::new())));
        };
        let args = self.exprs(vm, a.args.iter())?;
        let mut keywords = Vec::new();
        for k in a.keywords.iter() {
            let value = self.expr(vm, &k.value)?;
            let fields = vec![("arg", opt_name(k.arg.as_ref())), ("value", value)];
            keywords.push(self.node(vm, "keyword", fields, Some(k.range))?);
        }
        Ok((args, Value::list(keywords)))
    }

    fn aliases(&mut self, vm: &mut Vm, names: &[ast::Alias]) -> PyResult<Value> {
        let mut out = Vec::new();
        for a in names {
            let fields = vec![
                ("name", name(a.name.as_str())),
                ("asname", opt_name(a.asname.as_ref())),
            ];
            out.push(self.node(vm, "alias", fields, Some(a.range))?);
        }
        Ok(Value::list(out))
    }

    fn stmt(&mut self, vm: &mut Vm, s: &Stmt) -> PyResult<Value> {
        let range = Some(s.range());
        let (kind, fields, range): (&str, Fields, Option<TextRange>) = match s {
            Stmt::FunctionDef(f) => {
                let decorators = self.decorators(vm, &f.decorator_list)?;
                let args = self.arguments(vm, Some(&f.parameters))?;
                let body = self.stmts(vm, &f.body)?;
                let returns = self.opt_expr(vm, f.returns.as_deref())?;
                let type_params = self.type_params(vm, f.type_params.as_deref())?;
                let kind = if f.is_async {
                    "AsyncFunctionDef"
                } else {
                    "FunctionDef"
                };
                let fields = vec![
                    ("name", name(f.name.as_str())),
                    ("args", args),
                    ("body", body),
                    ("decorator_list", decorators),
                    ("returns", returns),
                    ("type_comment", Value::None),
                    ("type_params", type_params),
                ];
                (
                    kind,
                    fields,
                    Some(self.definition_range(f.range, &f.name, "def")),
                )
            }
            Stmt::ClassDef(c) => {
                let decorators = self.decorators(vm, &c.decorator_list)?;
                let (bases, keywords) = self.call_arguments(vm, c.arguments.as_deref())?;
                let body = self.stmts(vm, &c.body)?;
                let type_params = self.type_params(vm, c.type_params.as_deref())?;
                let fields = vec![
                    ("name", name(c.name.as_str())),
                    ("bases", bases),
                    ("keywords", keywords),
                    ("body", body),
                    ("decorator_list", decorators),
                    ("type_params", type_params),
                ];
                let range = self.definition_range(c.range, &c.name, "class");
                ("ClassDef", fields, Some(range))
            }
            Stmt::Return(r) => {
                let value = self.opt_expr(vm, r.value.as_deref())?;
                ("Return", vec![("value", value)], range)
            }
            Stmt::Delete(d) => {
                let targets = self.exprs(vm, d.targets.iter())?;
                ("Delete", vec![("targets", targets)], range)
            }
            Stmt::TypeAlias(t) => {
                let alias = self.expr(vm, &t.name)?;
                let type_params = self.type_params(vm, t.type_params.as_deref())?;
                let value = self.expr(vm, &t.value)?;
                let fields = vec![
                    ("name", alias),
                    ("type_params", type_params),
                    ("value", value),
                ];
                ("TypeAlias", fields, range)
            }
            Stmt::Assign(a) => {
                let targets = self.exprs(vm, a.targets.iter())?;
                let value = self.expr(vm, &a.value)?;
                let fields = vec![
                    ("targets", targets),
                    ("value", value),
                    ("type_comment", Value::None),
                ];
                ("Assign", fields, range)
            }
            Stmt::AugAssign(a) => {
                let target = self.expr(vm, &a.target)?;
                let op = self.marker(vm, &format!("{:?}", a.op))?;
                let value = self.expr(vm, &a.value)?;
                let fields = vec![("target", target), ("op", op), ("value", value)];
                ("AugAssign", fields, range)
            }
            Stmt::AnnAssign(a) => {
                let target = self.expr(vm, &a.target)?;
                let annotation = self.expr(vm, &a.annotation)?;
                let value = self.opt_expr(vm, a.value.as_deref())?;
                let fields = vec![
                    ("target", target),
                    ("annotation", annotation),
                    ("value", value),
                    ("simple", int(a.simple)),
                ];
                ("AnnAssign", fields, range)
            }
            Stmt::For(f) => {
                let target = self.expr(vm, &f.target)?;
                let iter = self.expr(vm, &f.iter)?;
                let body = self.stmts(vm, &f.body)?;
                let orelse = self.stmts(vm, &f.orelse)?;
                let fields = vec![
                    ("target", target),
                    ("iter", iter),
                    ("body", body),
                    ("orelse", orelse),
                    ("type_comment", Value::None),
                ];
                (if f.is_async { "AsyncFor" } else { "For" }, fields, range)
            }
            Stmt::While(w) => {
                let test = self.expr(vm, &w.test)?;
                let body = self.stmts(vm, &w.body)?;
                let orelse = self.stmts(vm, &w.orelse)?;
                let fields = vec![("test", test), ("body", body), ("orelse", orelse)];
                ("While", fields, range)
            }
            Stmt::If(i) => {
                let test = self.expr(vm, &i.test)?;
                let body = self.stmts(vm, &i.body)?;
                let orelse = self.elif_else(vm, &i.elif_else_clauses, i.range.end())?;
                let fields = vec![("test", test), ("body", body), ("orelse", orelse)];
                ("If", fields, range)
            }
            Stmt::With(w) => {
                let mut items = Vec::new();
                for item in &w.items {
                    let context = self.expr(vm, &item.context_expr)?;
                    let vars = self.opt_expr(vm, item.optional_vars.as_deref())?;
                    let fields = vec![("context_expr", context), ("optional_vars", vars)];
                    items.push(self.node(vm, "withitem", fields, None)?);
                }
                let body = self.stmts(vm, &w.body)?;
                let fields = vec![
                    ("items", Value::list(items)),
                    ("body", body),
                    ("type_comment", Value::None),
                ];
                (if w.is_async { "AsyncWith" } else { "With" }, fields, range)
            }
            Stmt::Match(m) => {
                let subject = self.expr(vm, &m.subject)?;
                let mut cases = Vec::new();
                for c in &m.cases {
                    let pattern = self.pattern(vm, &c.pattern)?;
                    let guard = self.opt_expr(vm, c.guard.as_deref())?;
                    let body = self.stmts(vm, &c.body)?;
                    let fields = vec![("pattern", pattern), ("guard", guard), ("body", body)];
                    cases.push(self.node(vm, "match_case", fields, None)?);
                }
                let fields = vec![("subject", subject), ("cases", Value::list(cases))];
                ("Match", fields, range)
            }
            Stmt::Raise(r) => {
                let exc = self.opt_expr(vm, r.exc.as_deref())?;
                let cause = self.opt_expr(vm, r.cause.as_deref())?;
                ("Raise", vec![("exc", exc), ("cause", cause)], range)
            }
            Stmt::Try(t) => {
                let body = self.stmts(vm, &t.body)?;
                let mut handlers = Vec::new();
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    let type_ = self.opt_expr(vm, h.type_.as_deref())?;
                    let hbody = self.stmts(vm, &h.body)?;
                    let fields = vec![
                        ("type", type_),
                        ("name", opt_name(h.name.as_ref())),
                        ("body", hbody),
                    ];
                    handlers.push(self.node(vm, "ExceptHandler", fields, Some(h.range))?);
                }
                let orelse = self.stmts(vm, &t.orelse)?;
                let finalbody = self.stmts(vm, &t.finalbody)?;
                let fields = vec![
                    ("body", body),
                    ("handlers", Value::list(handlers)),
                    ("orelse", orelse),
                    ("finalbody", finalbody),
                ];
                (if t.is_star { "TryStar" } else { "Try" }, fields, range)
            }
            Stmt::Assert(a) => {
                let test = self.expr(vm, &a.test)?;
                let msg = self.opt_expr(vm, a.msg.as_deref())?;
                ("Assert", vec![("test", test), ("msg", msg)], range)
            }
            Stmt::Import(i) => {
                let names = self.aliases(vm, &i.names)?;
                ("Import", vec![("names", names)], range)
            }
            Stmt::ImportFrom(i) => {
                let names = self.aliases(vm, &i.names)?;
                let fields = vec![
                    ("module", opt_name(i.module.as_ref())),
                    ("names", names),
                    ("level", Value::Int(i.level as i64)),
                ];
                ("ImportFrom", fields, range)
            }
            Stmt::Global(g) => ("Global", vec![("names", self.names(&g.names))], range),
            Stmt::Nonlocal(g) => ("Nonlocal", vec![("names", self.names(&g.names))], range),
            Stmt::Expr(e) => {
                let value = self.expr(vm, &e.value)?;
                ("Expr", vec![("value", value)], range)
            }
            Stmt::Pass(_) => ("Pass", Vec::new(), range),
            Stmt::Break(_) => ("Break", Vec::new(), range),
            Stmt::Continue(_) => ("Continue", Vec::new(), range),
            Stmt::IpyEscapeCommand(c) => return Err(self.invalid(vm, c.range)),
        };
        self.node(vm, kind, fields, range)
    }

    /// The `orelse` of an `if`: an `elif` is a nested If reaching to the end of the
    /// whole statement, an `else` its body.
    fn elif_else(
        &mut self,
        vm: &mut Vm,
        clauses: &[ast::ElifElseClause],
        end: TextSize,
    ) -> PyResult<Value> {
        let Some((first, rest)) = clauses.split_first() else {
            return Ok(Value::list(Vec::new()));
        };
        let body = self.stmts(vm, &first.body)?;
        let Some(test) = &first.test else {
            return Ok(body);
        };
        let test_node = self.expr(vm, test)?;
        let orelse = self.elif_else(vm, rest, end)?;
        let range = TextRange::new(first.range.start(), end);
        let fields = vec![("test", test_node), ("body", body), ("orelse", orelse)];
        Ok(Value::list(vec![self.node(
            vm,
            "If",
            fields,
            Some(range),
        )?]))
    }

    fn invalid(&self, vm: &mut Vm, range: TextRange) -> tripwire_core::PyErr {
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        let err = parse::syntax_error_in(self.src, start, end, "invalid syntax");
        vm.syntax_error(&err, "<unknown>")
    }
}

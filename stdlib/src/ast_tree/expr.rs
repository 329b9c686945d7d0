//! The expressions, f-strings and patterns of `ast_tree`'s trees.

use super::{int, name, opt_name, Fields, TreeBuilder};
use ast::{Expr, Pattern};
use ruff_text_size::{Ranged, TextRange, TextSize};
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::object::Value;
use tripwire_core::parse::ast;
use tripwire_core::{PyResult, Vm};

impl TreeBuilder<'_> {
    fn comprehensions(&mut self, vm: &mut Vm, gens: &[ast::Comprehension]) -> PyResult<Value> {
        let mut out = Vec::new();
        for g in gens {
            let target = self.expr(vm, &g.target)?;
            let iter = self.expr(vm, &g.iter)?;
            let ifs = self.exprs(vm, g.ifs.iter())?;
            let fields = vec![
                ("target", target),
                ("iter", iter),
                ("ifs", ifs),
                ("is_async", int(g.is_async)),
            ];
            out.push(self.node(vm, "comprehension", fields, None)?);
        }
        Ok(Value::list(out))
    }

    fn number(&mut self, vm: &mut Vm, n: &ast::Number) -> PyResult<Value> {
        match n {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Ok(Value::Int(v)),
                None => {
                    let int_type = Value::Type(vm.types.int.clone());
                    vm.call(&int_type, &[Value::str(&i.to_string()), Value::Int(0)], &[])
                }
            },
            ast::Number::Float(f) => Ok(Value::Float(*f)),
            ast::Number::Complex { real, imag } => {
                let complex = vm.builtins.get_str(&vm.intern("complex"));
                let Some(complex) = complex else {
                    return Err(vm.runtime_error("no complex type"));
                };
                vm.call(&complex, &[Value::Float(*real), Value::Float(*imag)], &[])
            }
        }
    }

    fn constant(&mut self, vm: &mut Vm, value: Value, range: TextRange) -> PyResult<Value> {
        let fields = vec![("value", value), ("kind", Value::None)];
        self.node(vm, "Constant", fields, Some(range))
    }

    pub(super) fn expr(&mut self, vm: &mut Vm, e: &Expr) -> PyResult<Value> {
        let range = Some(e.range());
        let (kind, fields): (&str, Fields) = match e {
            Expr::BoolOp(b) => {
                let op = self.marker(vm, &format!("{:?}", b.op))?;
                let values = self.exprs(vm, b.values.iter())?;
                ("BoolOp", vec![("op", op), ("values", values)])
            }
            Expr::Named(n) => {
                let target = self.expr(vm, &n.target)?;
                let value = self.expr(vm, &n.value)?;
                ("NamedExpr", vec![("target", target), ("value", value)])
            }
            Expr::BinOp(b) => {
                let left = self.expr(vm, &b.left)?;
                let op = self.marker(vm, &format!("{:?}", b.op))?;
                let right = self.expr(vm, &b.right)?;
                ("BinOp", vec![("left", left), ("op", op), ("right", right)])
            }
            Expr::UnaryOp(u) => {
                let op = self.marker(vm, &format!("{:?}", u.op))?;
                let operand = self.expr(vm, &u.operand)?;
                ("UnaryOp", vec![("op", op), ("operand", operand)])
            }
            Expr::Lambda(l) => {
                let args = self.arguments(vm, l.parameters.as_deref())?;
                let body = self.expr(vm, &l.body)?;
                ("Lambda", vec![("args", args), ("body", body)])
            }
            Expr::If(i) => {
                let test = self.expr(vm, &i.test)?;
                let body = self.expr(vm, &i.body)?;
                let orelse = self.expr(vm, &i.orelse)?;
                (
                    "IfExp",
                    vec![("test", test), ("body", body), ("orelse", orelse)],
                )
            }
            Expr::Dict(d) => {
                let mut keys = Vec::new();
                let mut values = Vec::new();
                for item in d.iter() {
                    keys.push(self.opt_expr(vm, item.key.as_ref())?);
                    values.push(self.expr(vm, &item.value)?);
                }
                (
                    "Dict",
                    vec![("keys", Value::list(keys)), ("values", Value::list(values))],
                )
            }
            Expr::Set(s) => ("Set", vec![("elts", self.exprs(vm, s.elts.iter())?)]),
            Expr::ListComp(c) => {
                let elt = self.expr(vm, &c.elt)?;
                let generators = self.comprehensions(vm, &c.generators)?;
                ("ListComp", vec![("elt", elt), ("generators", generators)])
            }
            Expr::SetComp(c) => {
                let elt = self.expr(vm, &c.elt)?;
                let generators = self.comprehensions(vm, &c.generators)?;
                ("SetComp", vec![("elt", elt), ("generators", generators)])
            }
            Expr::DictComp(c) => {
                let key = self.opt_expr(vm, c.key.as_deref())?;
                let value = self.expr(vm, &c.value)?;
                let generators = self.comprehensions(vm, &c.generators)?;
                let fields = vec![("key", key), ("value", value), ("generators", generators)];
                ("DictComp", fields)
            }
            Expr::Generator(g) => {
                let elt = self.expr(vm, &g.elt)?;
                let generators = self.comprehensions(vm, &g.generators)?;
                (
                    "GeneratorExp",
                    vec![("elt", elt), ("generators", generators)],
                )
            }
            Expr::Await(a) => ("Await", vec![("value", self.expr(vm, &a.value)?)]),
            Expr::Yield(y) => (
                "Yield",
                vec![("value", self.opt_expr(vm, y.value.as_deref())?)],
            ),
            Expr::YieldFrom(y) => ("YieldFrom", vec![("value", self.expr(vm, &y.value)?)]),
            Expr::Compare(c) => {
                let left = self.expr(vm, &c.left)?;
                let mut ops = Vec::new();
                for op in c.ops.iter() {
                    ops.push(self.marker(vm, &format!("{op:?}"))?);
                }
                let comparators = self.exprs(vm, c.comparators.iter())?;
                let fields = vec![
                    ("left", left),
                    ("ops", Value::list(ops)),
                    ("comparators", comparators),
                ];
                ("Compare", fields)
            }
            Expr::Call(c) => {
                let func = self.expr(vm, &c.func)?;
                let (args, keywords) = self.call_arguments(vm, Some(&c.arguments))?;
                (
                    "Call",
                    vec![("func", func), ("args", args), ("keywords", keywords)],
                )
            }
            Expr::FString(f) => ("JoinedStr", vec![("values", self.fstring_parts(vm, f)?)]),
            Expr::TString(t) => return Err(self.invalid(vm, t.range)),
            Expr::StringLiteral(s) => {
                let kind = if s.value.is_unicode() {
                    Value::str("u")
                } else {
                    Value::None
                };
                let value = Value::str(s.value.to_str());
                ("Constant", vec![("value", value), ("kind", kind)])
            }
            Expr::BytesLiteral(b) => {
                let value = new_bytes(b.value.bytes().collect());
                ("Constant", vec![("value", value), ("kind", Value::None)])
            }
            Expr::NumberLiteral(n) => {
                let value = self.number(vm, &n.value)?;
                ("Constant", vec![("value", value), ("kind", Value::None)])
            }
            Expr::BooleanLiteral(b) => (
                "Constant",
                vec![("value", Value::Bool(b.value)), ("kind", Value::None)],
            ),
            Expr::NoneLiteral(_) => (
                "Constant",
                vec![("value", Value::None), ("kind", Value::None)],
            ),
            Expr::EllipsisLiteral(_) => {
                let ellipsis = vm
                    .builtins
                    .get_str(&vm.intern("Ellipsis"))
                    .unwrap_or(Value::None);
                ("Constant", vec![("value", ellipsis), ("kind", Value::None)])
            }
            Expr::Attribute(a) => {
                let value = self.expr(vm, &a.value)?;
                let ctx = self.ctx(vm, a.ctx)?;
                let fields = vec![
                    ("value", value),
                    ("attr", name(a.attr.as_str())),
                    ("ctx", ctx),
                ];
                ("Attribute", fields)
            }
            Expr::Subscript(s) => {
                let value = self.expr(vm, &s.value)?;
                let slice = self.expr(vm, &s.slice)?;
                let ctx = self.ctx(vm, s.ctx)?;
                (
                    "Subscript",
                    vec![("value", value), ("slice", slice), ("ctx", ctx)],
                )
            }
            Expr::Starred(s) => {
                let value = self.expr(vm, &s.value)?;
                let ctx = self.ctx(vm, s.ctx)?;
                ("Starred", vec![("value", value), ("ctx", ctx)])
            }
            Expr::Name(n) => {
                let ctx = self.ctx(vm, n.ctx)?;
                ("Name", vec![("id", name(n.id.as_str())), ("ctx", ctx)])
            }
            Expr::List(l) => {
                let elts = self.exprs(vm, l.elts.iter())?;
                let ctx = self.ctx(vm, l.ctx)?;
                ("List", vec![("elts", elts), ("ctx", ctx)])
            }
            Expr::Tuple(t) => {
                let elts = self.exprs(vm, t.elts.iter())?;
                let ctx = self.ctx(vm, t.ctx)?;
                ("Tuple", vec![("elts", elts), ("ctx", ctx)])
            }
            Expr::Slice(s) => {
                let lower = self.opt_expr(vm, s.lower.as_deref())?;
                let upper = self.opt_expr(vm, s.upper.as_deref())?;
                let step = self.opt_expr(vm, s.step.as_deref())?;
                (
                    "Slice",
                    vec![("lower", lower), ("upper", upper), ("step", step)],
                )
            }
            Expr::IpyEscapeCommand(c) => return Err(self.invalid(vm, c.range)),
        };
        self.node(vm, kind, fields, range)
    }

    /// The values of a JoinedStr: adjacent literal text (of every implicitly
    /// concatenated part) merged into one Constant spanning them.
    fn fstring_parts(&mut self, vm: &mut Vm, f: &ast::ExprFString) -> PyResult<Value> {
        let mut pieces = Pieces::default();
        for part in f.value.iter() {
            match part {
                ast::FStringPart::Literal(l) => pieces.text(&l.value, l.range),
                ast::FStringPart::FString(fs) => {
                    for el in fs.elements.iter() {
                        self.fstring_element(vm, el, &mut pieces)?;
                    }
                }
            }
        }
        pieces.finish(self, vm)
    }

    fn fstring_element(
        &mut self,
        vm: &mut Vm,
        el: &ast::InterpolatedStringElement,
        pieces: &mut Pieces,
    ) -> PyResult<()> {
        match el {
            ast::InterpolatedStringElement::Literal(l) => {
                pieces.text(&l.value, l.range);
                Ok(())
            }
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut conversion = match i.conversion {
                    ast::ConversionFlag::None => -1,
                    ast::ConversionFlag::Str => b's' as i64,
                    ast::ConversionFlag::Repr => b'r' as i64,
                    ast::ConversionFlag::Ascii => b'a' as i64,
                };
                if let Some(debug) = &i.debug_text {
                    let text = format!(
                        "{}{}{}",
                        debug.leading(),
                        debug.expression(),
                        debug.trailing()
                    );
                    // The text stands where it is written, after the brace.
                    let start = i.range.start() + TextSize::new(1);
                    let end = start + TextSize::new(text.len() as u32);
                    pieces.text(&text, TextRange::new(start, end));
                    if conversion == -1 && i.format_spec.is_none() {
                        conversion = b'r' as i64;
                    }
                }
                pieces.flush(self, vm)?;
                let value = self.expr(vm, &i.expression)?;
                let spec = match &i.format_spec {
                    Some(spec) => {
                        let mut inner = Pieces::default();
                        for e in spec.elements.iter() {
                            self.fstring_element(vm, e, &mut inner)?;
                        }
                        let values = inner.finish(self, vm)?;
                        // CPython's spec starts at its colon.
                        let start = spec.range.start() - TextSize::new(1);
                        let range = TextRange::new(start, spec.range.end());
                        self.node(vm, "JoinedStr", vec![("values", values)], Some(range))?
                    }
                    None => Value::None,
                };
                let fields = vec![
                    ("value", value),
                    ("conversion", Value::Int(conversion)),
                    ("format_spec", spec),
                ];
                let node = self.node(vm, "FormattedValue", fields, Some(i.range))?;
                pieces.done.push(node);
                Ok(())
            }
        }
    }

    pub(super) fn pattern(&mut self, vm: &mut Vm, p: &Pattern) -> PyResult<Value> {
        let range = Some(p.range());
        let (kind, fields): (&str, Fields) = match p {
            Pattern::MatchValue(v) => ("MatchValue", vec![("value", self.expr(vm, &v.value)?)]),
            Pattern::MatchSingleton(s) => {
                let value = match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                };
                ("MatchSingleton", vec![("value", value)])
            }
            Pattern::MatchSequence(s) => (
                "MatchSequence",
                vec![("patterns", self.patterns(vm, &s.patterns)?)],
            ),
            Pattern::MatchMapping(m) => {
                let keys = self.exprs(vm, m.keys.iter())?;
                let patterns = self.patterns(vm, &m.patterns)?;
                let fields = vec![
                    ("keys", keys),
                    ("patterns", patterns),
                    ("rest", opt_name(m.rest.as_ref())),
                ];
                ("MatchMapping", fields)
            }
            Pattern::MatchClass(c) => {
                let cls = self.expr(vm, &c.cls)?;
                let patterns = self.patterns(vm, &c.arguments.patterns)?;
                let attrs = Value::list(
                    c.arguments
                        .keywords
                        .iter()
                        .map(|k| name(k.attr.as_str()))
                        .collect(),
                );
                let mut kwd_patterns = Vec::new();
                for k in &c.arguments.keywords {
                    kwd_patterns.push(self.pattern(vm, &k.pattern)?);
                }
                let fields = vec![
                    ("cls", cls),
                    ("patterns", patterns),
                    ("kwd_attrs", attrs),
                    ("kwd_patterns", Value::list(kwd_patterns)),
                ];
                ("MatchClass", fields)
            }
            Pattern::MatchStar(s) => ("MatchStar", vec![("name", opt_name(s.name.as_ref()))]),
            Pattern::MatchAs(a) => {
                let pattern = match &a.pattern {
                    Some(p) => self.pattern(vm, p)?,
                    None => Value::None,
                };
                (
                    "MatchAs",
                    vec![("pattern", pattern), ("name", opt_name(a.name.as_ref()))],
                )
            }
            Pattern::MatchOr(o) => (
                "MatchOr",
                vec![("patterns", self.patterns(vm, &o.patterns)?)],
            ),
        };
        self.node(vm, kind, fields, range)
    }

    fn patterns(&mut self, vm: &mut Vm, list: &[Pattern]) -> PyResult<Value> {
        let mut out = Vec::new();
        for p in list {
            out.push(self.pattern(vm, p)?);
        }
        Ok(Value::list(out))
    }
}

/// The values of a JoinedStr being built: finished nodes, and literal text not yet
/// made a Constant with the range it spans.
#[derive(Default)]
struct Pieces {
    done: Vec<Value>,
    text: String,
    range: Option<TextRange>,
}

impl Pieces {
    fn text(&mut self, text: &str, range: TextRange) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        self.range = Some(self.range.map_or(range, |r| r.cover(range)));
    }

    fn flush(&mut self, b: &mut TreeBuilder, vm: &mut Vm) -> PyResult<()> {
        if let Some(range) = self.range.take() {
            let text = std::mem::take(&mut self.text);
            let node = b.constant(vm, Value::from_string(text), range)?;
            self.done.push(node);
        }
        Ok(())
    }

    fn finish(mut self, b: &mut TreeBuilder, vm: &mut Vm) -> PyResult<Value> {
        self.flush(b, vm)?;
        Ok(Value::list(self.done))
    }
}

//! Expression compilation: operators, calls, literals, comprehensions, lambdas,
//! f-strings, yield and await.

use super::symtable::{Resolution, ScopeKind};
use super::{binop, CResult, Compiler};
use crate::code::{CmpOp, Instr, Invert};
use crate::object::{bigint, bigint_text, Value};
use crate::parse::ast::{self, Expr};
use num_bigint::BigInt;
use ruff_text_size::Ranged;

impl Compiler<'_> {
    /// Compile `e`; its instructions carry its source range, and the position
    /// in force before is restored for whatever the enclosing node emits next.
    pub(super) fn expr(&mut self, e: &Expr) -> CResult<()> {
        self.at_position(e, |c| c.expr_here(e))
    }

    fn expr_here(&mut self, e: &Expr) -> CResult<()> {
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < n {
                        match b.op {
                            ast::BoolOp::And => self.emit_jump(Instr::JumpIfFalseOrPop, end),
                            ast::BoolOp::Or => self.emit_jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.store_target(&n.target)?;
            }
            Expr::BinOp(b) => {
                self.expr(&b.left)?;
                self.expr(&b.right)?;
                self.emit(Instr::BinaryOp(binop(b.op)));
            }
            Expr::UnaryOp(u) => {
                if let (ast::UnaryOp::USub, Expr::NumberLiteral(n)) = (u.op, &*u.operand) {
                    if let Some(v) = self.number(n, true)? {
                        self.load_const(v);
                        return Ok(());
                    }
                }
                self.expr(&u.operand)?;
                self.emit(match u.op {
                    ast::UnaryOp::Invert => Instr::UnaryInvert,
                    ast::UnaryOp::Not => Instr::UnaryNot,
                    ast::UnaryOp::UAdd => Instr::UnaryPos,
                    ast::UnaryOp::USub => Instr::UnaryNeg,
                });
            }
            Expr::Lambda(l) => {
                let scope = self
                    .table
                    .scope_of(l)
                    .ok_or_else(|| self.error(l, "internal error: unknown scope"))?;
                let make = match &l.parameters {
                    Some(p) => self.defaults(p)?,
                    None => 0,
                };
                let line = self.line_of(l.start());
                self.push_unit(scope, "<lambda>", line, 0);
                if let Some(p) = &l.parameters {
                    self.set_params(p);
                }
                self.expr(&l.body)?;
                self.emit(Instr::Return);
                self.make_closure(scope, make)?;
            }
            Expr::If(i) => {
                let orelse = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, false, orelse)?;
                self.expr(&i.body)?;
                self.emit_jump(Instr::Jump, end);
                self.bind(orelse);
                self.expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => {
                let has_unpack = d.items.iter().any(|i| i.key.is_none());
                if !has_unpack {
                    for item in &d.items {
                        if let Some(k) = &item.key {
                            self.expr(k)?;
                        }
                        self.expr(&item.value)?;
                    }
                    self.emit(Instr::BuildMap(d.items.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for item in &d.items {
                        match &item.key {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(&item.value)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(&item.value)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            Expr::Set(s) => {
                if s.elts.iter().any(|e| matches!(e, Expr::Starred(_))) {
                    self.emit(Instr::BuildSet(0));
                    for x in &s.elts {
                        match x {
                            Expr::Starred(st) => {
                                self.expr(&st.value)?;
                                self.emit(Instr::SetUpdate(1));
                            }
                            other => {
                                self.expr(other)?;
                                self.emit(Instr::SetAdd(1));
                            }
                        }
                    }
                } else {
                    for x in &s.elts {
                        self.expr(x)?;
                    }
                    self.emit(Instr::BuildSet(s.elts.len() as u32));
                }
            }
            Expr::ListComp(c) => {
                self.comprehension(c, "<listcomp>", &c.generators, CompKind::List(&c.elt))?
            }
            Expr::SetComp(c) => {
                self.comprehension(c, "<setcomp>", &c.generators, CompKind::Set(&c.elt))?
            }
            Expr::DictComp(c) => {
                let Some(key) = &c.key else {
                    return Err(
                        self.error(c, "dict unpacking cannot be used in dict comprehension")
                    );
                };
                self.comprehension(
                    c,
                    "<dictcomp>",
                    &c.generators,
                    CompKind::Dict(key, &c.value),
                )?
            }
            Expr::Generator(c) => {
                self.comprehension(c, "<genexpr>", &c.generators, CompKind::Gen(&c.elt))?
            }
            Expr::Await(a) => {
                if !self.in_function() {
                    return Err(self.error(a, "'await' outside function"));
                }
                // In a comprehension, the comprehension itself is refused (or becomes
                // an asynchronous generator expression).
                let scope = self.scope();
                if scope.kind == ScopeKind::Function && !scope.async_def {
                    return Err(self.error(a, "'await' outside async function"));
                }
                self.expr(&a.value)?;
                self.emit(Instr::GetAwaitable);
                self.load_const(Value::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                if !self.in_function() {
                    return Err(self.error(y, "'yield' outside function"));
                }
                match &y.value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::YieldValue(0));
            }
            Expr::YieldFrom(y) => {
                if !self.in_function() {
                    return Err(self.error(y, "'yield' outside function"));
                }
                self.expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => self.compare(c)?,
            Expr::Call(c) => self.call(c)?,
            Expr::FString(f) => {
                let mut n = 0;
                for part in f.value.iter() {
                    match part {
                        ast::FStringPart::Literal(l) => {
                            if !l.value.is_empty() {
                                self.load_const(Value::str(&l.value));
                                n += 1;
                            }
                        }
                        ast::FStringPart::FString(fs) => {
                            for el in fs.elements.iter() {
                                n += self.fstring_element(el)?;
                            }
                        }
                    }
                }
                if n != 1 {
                    self.emit(Instr::BuildString(n));
                } else {
                    // A lone piece: make sure the result is a str.
                    self.emit(Instr::BuildString(1));
                }
            }
            Expr::TString(t) => return Err(self.error(t, "template strings are not supported")),
            Expr::StringLiteral(s) => {
                self.load_const(super::str_literal::literal_value(self.src, s))
            }
            Expr::BytesLiteral(b) => {
                let bytes: Vec<u8> = b.value.bytes().collect();
                self.load_const(Value::Obj(std::rc::Rc::new(crate::object::Object {
                    cls: crate::vm::builtin_types::bytes_type(),
                    kind: crate::object::ObjKind::Bytes(bytes.into_boxed_slice()),
                })));
            }
            Expr::NumberLiteral(n) => match self.number(n, false)? {
                Some(v) => self.load_const(v),
                None => return Err(self.error(n, "complex numbers are not supported")),
            },
            Expr::BooleanLiteral(b) => self.load_const(Value::Bool(b.value)),
            Expr::NoneLiteral(_) => self.load_const(Value::None),
            Expr::EllipsisLiteral(_) => {
                let n = self.name_index("Ellipsis");
                self.emit(Instr::LoadGlobal(n));
            }
            Expr::Attribute(a) => {
                let n = self.name_index(a.attr.id.as_str());
                if self.super_arguments(&a.value) {
                    self.set_attribute_position(a);
                    self.emit(Instr::LoadSuperAttr(n));
                } else {
                    self.expr(&a.value)?;
                    self.set_attribute_position(a);
                    self.emit(Instr::LoadAttr(n));
                }
            }
            Expr::Subscript(s) => {
                self.expr(&s.value)?;
                self.expr(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => return Err(self.error(s, "can't use starred expression here")),
            Expr::Name(n) => {
                if n.id.as_str() == "__debug__" {
                    self.load_const(Value::Bool(true));
                } else {
                    self.load_name(n.id.as_str());
                }
            }
            Expr::List(l) => self.sequence(&l.elts, Seq::List)?,
            Expr::Tuple(t) => {
                if let Some(v) = const_tuple(self.src, &t.elts) {
                    self.load_const(v);
                } else {
                    self.sequence(&t.elts, Seq::Tuple)?
                }
            }
            Expr::Slice(s) => {
                let mut n = 2;
                match &s.lower {
                    Some(x) => self.expr(x)?,
                    None => self.load_const(Value::None),
                }
                match &s.upper {
                    Some(x) => self.expr(x)?,
                    None => self.load_const(Value::None),
                }
                if let Some(x) = &s.step {
                    self.expr(x)?;
                    n = 3;
                }
                self.emit(Instr::BuildSlice(n));
            }
            Expr::IpyEscapeCommand(e) => return Err(self.error(e, "invalid syntax")),
        }
        Ok(())
    }

    /// Whether the innermost enclosing function (comprehensions aside) is `async`.
    fn in_async_function(&self) -> bool {
        self.units
            .iter()
            .rev()
            .map(|u| &self.table.scopes[u.scope])
            .find(|s| s.kind != ScopeKind::Comprehension)
            .is_some_and(|s| s.async_def)
    }

    fn in_function(&self) -> bool {
        matches!(
            self.scope().kind,
            ScopeKind::Function | ScopeKind::Comprehension
        )
    }

    /// [iter, value] -> [result]: the delegation loop of `yield from` and `await`.
    pub(super) fn yield_from_loop(&mut self) {
        let head = self.new_label();
        let exit = self.new_label();
        self.bind(head);
        self.emit_jump(Instr::Send, exit);
        self.emit(Instr::YieldValue(1));
        self.emit_jump(Instr::Jump, head);
        self.bind(exit);
    }

    /// The constant a number literal stands for (None for complex numbers). A
    /// decimal int with more digits than `sys.get_int_max_str_digits()` allows is
    /// refused, as CPython's parser refuses it.
    pub(super) fn number(
        &self,
        n: &ast::ExprNumberLiteral,
        negate: bool,
    ) -> CResult<Option<Value>> {
        match &n.value {
            ast::Number::Int(i) => {
                if let Some(v) = i.as_i64() {
                    return Ok(Some(if negate {
                        bigint::neg(bigint::IntRef::Small(v))
                    } else {
                        Value::Int(v)
                    }));
                }
                let text = i.to_string().replace('_', "");
                let lower = text.to_ascii_lowercase();
                let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
                    (r.to_string(), 16)
                } else if let Some(r) = lower.strip_prefix("0o") {
                    (r.to_string(), 8)
                } else if let Some(r) = lower.strip_prefix("0b") {
                    (r.to_string(), 2)
                } else {
                    (lower, 10)
                };
                if radix == 10 {
                    if let Err(limit) = bigint_text::check_text_digits(digits.len()) {
                        // CPython names the line but marks no column.
                        let mut err = self.error(n, &literal_limit_message(limit, digits.len()));
                        err.col = 0;
                        err.end_col = 0;
                        return Err(err);
                    }
                }
                let Some(b) = BigInt::parse_bytes(digits.as_bytes(), radix) else {
                    return Ok(None);
                };
                Ok(Some(Value::from_bigint(if negate { -b } else { b })))
            }
            ast::Number::Float(f) => Ok(Some(Value::Float(if negate { -f } else { *f }))),
            ast::Number::Complex { real, imag } => {
                let sign = if negate { -1.0 } else { 1.0 };
                Ok(Some(crate::builtins::complex::new_complex(
                    crate::builtins::complex::C {
                        re: sign * real,
                        im: sign * imag,
                    },
                )))
            }
        }
    }

    fn sequence(&mut self, elts: &[Expr], kind: Seq) -> CResult<()> {
        let has_star = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !has_star {
            for x in elts {
                self.expr(x)?;
            }
            self.emit(match kind {
                Seq::List => Instr::BuildList(elts.len() as u32),
                Seq::Tuple | Seq::CallArgs => Instr::BuildTuple(elts.len() as u32),
            });
            return Ok(());
        }
        self.emit(Instr::BuildList(0));
        for x in elts {
            match x {
                Expr::Starred(s) => {
                    self.expr(&s.value)?;
                    let flag = if let Seq::CallArgs = kind {
                        CALL_ARGS
                    } else {
                        0
                    };
                    self.emit(Instr::ListExtend(1 | flag));
                }
                other => {
                    self.expr(other)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        if let Seq::Tuple | Seq::CallArgs = kind {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    fn compare(&mut self, c: &ast::ExprCompare) -> CResult<()> {
        self.expr(&c.left)?;
        let n = c.ops.len();
        if n == 1 {
            self.expr(&c.comparators[0])?;
            self.compare_op(c.ops[0]);
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for i in 0..n {
            self.expr(&c.comparators[i])?;
            if i + 1 < n {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.compare_op(c.ops[i]);
                self.emit_jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.compare_op(c.ops[i]);
            }
        }
        self.emit_jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.bind(end);
        Ok(())
    }

    fn compare_op(&mut self, op: ast::CmpOp) {
        self.emit(match op {
            ast::CmpOp::Eq => Instr::CompareOp(CmpOp::Eq),
            ast::CmpOp::NotEq => Instr::CompareOp(CmpOp::Ne),
            ast::CmpOp::Lt => Instr::CompareOp(CmpOp::Lt),
            ast::CmpOp::LtE => Instr::CompareOp(CmpOp::Le),
            ast::CmpOp::Gt => Instr::CompareOp(CmpOp::Gt),
            ast::CmpOp::GtE => Instr::CompareOp(CmpOp::Ge),
            ast::CmpOp::Is => Instr::IsOp(Invert::No),
            ast::CmpOp::IsNot => Instr::IsOp(Invert::Yes),
            ast::CmpOp::In => Instr::ContainsOp(Invert::No),
            ast::CmpOp::NotIn => Instr::ContainsOp(Invert::Yes),
        });
    }

    /// Jump to `target` when the truth of `e` equals `when`, without materialising
    /// booleans for `not`, `and` and `or`.
    pub(super) fn jump_if(&mut self, e: &Expr, when: bool, target: super::Label) -> CResult<()> {
        match e {
            Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not => {
                self.jump_if(&u.operand, !when, target)
            }
            Expr::BoolOp(b) => {
                let is_and = b.op == ast::BoolOp::And;
                let n = b.values.len();
                if is_and != when {
                    // and-chain jumping on false / or-chain jumping on true: any operand
                    // that decides jumps straight to the target.
                    for v in &b.values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in b.values.iter().enumerate() {
                        if i + 1 < n {
                            self.jump_if(v, !when, skip)?;
                        } else {
                            self.jump_if(v, when, target)?;
                        }
                    }
                    self.bind(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                // The truth test is the condition's: an error in `__bool__` points at it.
                let jump = if when {
                    Instr::PopJumpIfTrue
                } else {
                    Instr::PopJumpIfFalse
                };
                self.at_position(e, |c| c.emit_jump(jump, target));
                Ok(())
            }
        }
    }

    /// When `e` is a zero-argument `super()` that CPython 3.13 compiles into
    /// `LOAD_SUPER_ATTR` — in a function (not an inlined comprehension) with a
    /// positional parameter, `super` an implicit global that the module body never
    /// mentions, and `__class__` a free variable — emit what that instruction takes
    /// (`super`, `__class__`, the first argument, each loaded as its name is) and
    /// return true; else emit nothing.
    fn super_arguments(&mut self, e: &Expr) -> bool {
        let Expr::Call(call) = e else { return false };
        let Expr::Name(func) = &*call.func else {
            return false;
        };
        let scope = self.scope();
        let applies = func.id.as_str() == "super"
            && call.arguments.args.is_empty()
            && call.arguments.keywords.is_empty()
            && self.inline_stack.is_empty()
            && scope.kind == ScopeKind::Function
            && scope.resolve("super") == Resolution::GlobalImplicit
            && !self.table.scopes[0].mentions("super")
            && scope.resolve("__class__") == Resolution::Free
            && self.unit_ref().argcount > 0;
        let Some(first) = self
            .unit_ref()
            .varnames
            .first()
            .cloned()
            .filter(|_| applies)
        else {
            return false;
        };
        self.at_position(call, |c| {
            c.load_name("super");
            c.load_name("__class__");
            c.load_name(&first);
        });
        true
    }

    fn call(&mut self, c: &ast::ExprCall) -> CResult<()> {
        let args = &c.arguments;
        let has_star = args.args.iter().any(|a| matches!(a, Expr::Starred(_)));
        let has_dstar = args.keywords.iter().any(|k| k.arg.is_none());
        let simple = !has_star && !has_dstar;
        match &*c.func {
            Expr::Attribute(a) if simple => {
                let n = self.name_index(a.attr.id.as_str());
                if self.super_arguments(&a.value) {
                    self.set_attribute_position(a);
                    self.emit(Instr::LoadSuperMethod(n));
                } else {
                    self.expr(&a.value)?;
                    self.set_attribute_position(a);
                    self.emit(Instr::LoadMethod(n));
                }
            }
            f => {
                self.expr(f)?;
                self.emit(Instr::PushNull);
            }
        }
        if simple {
            for a in args.args.iter() {
                self.expr(a)?;
            }
            let mut names = Vec::new();
            for k in args.keywords.iter() {
                self.expr(&k.value)?;
                if let Some(a) = &k.arg {
                    names.push(Value::Str(crate::object::str::intern(a.id.as_str())));
                }
            }
            self.set_position(c);
            let n = (args.args.len() + args.keywords.len()) as u32;
            if names.is_empty() {
                self.emit(Instr::Call(n));
            } else {
                self.load_const(Value::tuple(names));
                self.emit(Instr::CallKw(n));
            }
            return Ok(());
        }
        self.sequence(&args.args, Seq::CallArgs)?;
        let mut flag = 0;
        if !args.keywords.is_empty() {
            flag = 1;
            self.emit(Instr::BuildMap(0));
            for k in args.keywords.iter() {
                match &k.arg {
                    Some(name) => {
                        self.load_const(Value::str(name.id.as_str()));
                        self.expr(&k.value)?;
                        self.emit(Instr::BuildMap(1));
                        self.emit(Instr::DictMerge(1));
                    }
                    None => {
                        self.expr(&k.value)?;
                        self.emit(Instr::DictMerge(1));
                    }
                }
            }
        }
        self.set_position(c);
        self.emit(Instr::CallEx(flag));
        Ok(())
    }

    /// Returns how many pieces were pushed.
    fn fstring_element(&mut self, el: &ast::InterpolatedStringElement) -> CResult<u32> {
        match el {
            ast::InterpolatedStringElement::Literal(l) => {
                if l.value.is_empty() {
                    return Ok(0);
                }
                self.load_const(Value::str(&l.value));
                Ok(1)
            }
            ast::InterpolatedStringElement::Interpolation(i) => {
                let mut n = 0;
                let mut conversion = match i.conversion {
                    ast::ConversionFlag::None => 0,
                    ast::ConversionFlag::Str => 1,
                    ast::ConversionFlag::Repr => 2,
                    ast::ConversionFlag::Ascii => 3,
                };
                if let Some(debug) = &i.debug_text {
                    let text = format!(
                        "{}{}{}",
                        debug.leading(),
                        debug.expression(),
                        debug.trailing()
                    );
                    self.load_const(Value::str(&text));
                    n += 1;
                    if conversion == 0 && i.format_spec.is_none() {
                        conversion = 2;
                    }
                }
                self.expr(&i.expression)?;
                let mut op = conversion;
                if let Some(spec) = &i.format_spec {
                    let mut parts = 0;
                    for e in spec.elements.iter() {
                        parts += self.fstring_element(e)?;
                    }
                    if parts != 1 {
                        self.emit(Instr::BuildString(parts));
                    }
                    op |= 4;
                }
                self.emit(Instr::FormatValue(op));
                Ok(n + 1)
            }
        }
    }

    fn comprehension<T: Ranged>(
        &mut self,
        node: &T,
        name: &str,
        generators: &[ast::Comprehension],
        kind: CompKind,
    ) -> CResult<()> {
        let scope = self
            .table
            .scope_of(node)
            .ok_or_else(|| self.error(node, "internal error: unknown scope"))?;
        let Some(first) = generators.first() else {
            return Err(self.error(node, "comprehension without a for clause"));
        };
        if self.table.scopes[scope].is_coroutine
            && !matches!(kind, CompKind::Gen(_))
            && !self.in_async_function()
        {
            return Err(self.error(
                node,
                "asynchronous comprehension outside of an asynchronous function",
            ));
        }
        if self.table.scopes[scope].inlined && !matches!(kind, CompKind::Gen(_)) {
            return self.inline_comprehension(scope, generators, kind);
        }
        let line = self.line_of(node.start());
        self.push_unit(scope, name, line, 0);
        self.unit().argcount = 1;
        match kind {
            CompKind::List(_) => self.emit(Instr::BuildList(0)),
            CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
            CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
            CompKind::Gen(_) => {}
        }
        self.comprehension_level(generators, 0, &kind, false)?;
        if let CompKind::Gen(_) = kind {
            self.load_const(Value::None);
        }
        self.emit(Instr::Return);
        self.make_closure(scope, 0)?;
        self.expr(&first.iter)?;
        self.emit(Self::get_iter(first));
        // [func, iter] -> call func(iter)
        self.emit(Instr::PushNull);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Call(1));
        if self.table.scopes[scope].is_coroutine && !matches!(kind, CompKind::Gen(_)) {
            // A list / set / dict comprehension that awaits runs as a coroutine of
            // its own: its value is what awaiting it gives.
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    /// PEP 709: run a list / set / dict comprehension in the enclosing frame. Its
    /// variables live in fast slots whose previous values are saved on the stack and
    /// restored afterwards (also when the comprehension raises).
    fn inline_comprehension(
        &mut self,
        scope: usize,
        generators: &[ast::Comprehension],
        kind: CompKind,
    ) -> CResult<()> {
        let Some(first) = generators.first() else {
            return Ok(());
        };
        self.expr(&first.iter)?;
        self.emit(Self::get_iter(first));
        self.inline_stack.push(scope);
        let names: Vec<String> = self.table.scopes[scope]
            .local_names()
            .into_iter()
            .filter(|n| n != ".0")
            .collect();
        let slots: Vec<u32> = names.iter().map(|n| self.unit().local_slot(n)).collect();
        for &s in &slots {
            self.emit(Instr::LoadFastAndClear(s));
            self.emit(Instr::Swap(2));
        }
        // [saved..., iter]
        let handler = self.new_label();
        let end = self.new_label();
        let depth = self.unit().depth as u32 - 1;
        let region = self.unit().open_region(handler, depth);
        match kind {
            CompKind::List(_) => self.emit(Instr::BuildList(0)),
            CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
            CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
            CompKind::Gen(_) => {}
        }
        self.emit(Instr::Swap(2));
        let r = self.comprehension_level(generators, 0, &kind, true);
        self.unit().close_region(region);
        self.inline_stack.pop();
        r?;
        // [saved..., result]
        for &s in slots.iter().rev() {
            self.emit(Instr::Swap(2));
            self.emit(Instr::StoreFast(s));
        }
        self.emit_jump(Instr::Jump, end);
        // [saved..., exc]
        self.unit().bind_at_depth(handler, depth as i32 + 1);
        for &s in slots.iter().rev() {
            self.emit(Instr::Swap(2));
            self.emit(Instr::StoreFast(s));
        }
        self.emit(Instr::Reraise);
        self.unit().after_unconditional();
        self.bind(end);
        Ok(())
    }

    fn comprehension_level(
        &mut self,
        generators: &[ast::Comprehension],
        level: usize,
        kind: &CompKind,
        inline: bool,
    ) -> CResult<()> {
        let g = &generators[level];
        let head = self.new_label();
        let end = self.new_label();
        if level == 0 {
            // Inline, the iterator is already on the stack; as a function it is `.0`.
            if !inline {
                self.emit(Instr::LoadFast(0));
            }
        } else {
            self.expr(&g.iter)?;
            self.emit(Self::get_iter(g));
        }
        self.bind(head);
        let body = self.new_label();
        // `async for`: await `__anext__()` each round, as `async_for_loop` does;
        // StopAsyncIteration ends this level.
        let async_round = if g.is_async {
            let depth = self.unit().depth as u32;
            let region = self.unit().open_region(end, depth);
            self.emit(Instr::GetANext);
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.yield_from_loop();
            self.unit().close_region(region);
            Some(depth)
        } else {
            self.emit_jump(Instr::ForIter, end);
            None
        };
        self.bind(body);
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, head)?;
        }
        if level + 1 < generators.len() {
            self.comprehension_level(generators, level + 1, kind, inline)?;
        } else {
            // The accumulator sits under one iterator per level.
            let depth = (generators.len() + 1) as u32;
            match kind {
                CompKind::List(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set(e) => {
                    self.expr(e)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                CompKind::Gen(e) => {
                    self.expr(e)?;
                    self.emit(Instr::YieldValue(0));
                    self.emit(Instr::PopTop);
                }
            }
        }
        if let Some(depth) = async_round {
            self.emit_jump(Instr::Jump, head);
            // [aiter, exc]
            self.unit().bind_at_depth(end, depth as i32 + 1);
            self.emit(Instr::EndAsyncFor);
            return Ok(());
        }
        // The next step jumps back to the body (see `for_loop`).
        self.emit_jump(Instr::ForIterBack, body);
        self.bind(end);
        Ok(())
    }

    /// How a comprehension's `for` clause gets its iterator.
    fn get_iter(g: &ast::Comprehension) -> Instr {
        if g.is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        }
    }
}

enum Seq {
    List,
    Tuple,
    /// The positional arguments of a call with `*args`.
    CallArgs,
}

/// ListExtend operand flag: the extension unpacks `*args` of a call (for the error
/// message).
pub const CALL_ARGS: u32 = 1 << 24;

enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Gen(&'a Expr),
}

/// A tuple of literals becomes one constant.
fn const_tuple(src: &str, elts: &[Expr]) -> Option<Value> {
    if elts.is_empty() {
        return Some(Value::tuple(Vec::new()));
    }
    let mut items = Vec::new();
    for e in elts {
        items.push(match e {
            Expr::StringLiteral(s) => super::str_literal::literal_value(src, s),
            Expr::NumberLiteral(n) => match &n.value {
                ast::Number::Int(i) => Value::Int(i.as_i64()?),
                ast::Number::Float(f) => Value::Float(*f),
                _ => return None,
            },
            Expr::BooleanLiteral(b) => Value::Bool(b.value),
            Expr::NoneLiteral(_) => Value::None,
            _ => return None,
        });
    }
    Some(Value::tuple(items))
}

/// CPython's parser's message for a decimal int literal past the digit limit.
fn literal_limit_message(limit: usize, digits: usize) -> String {
    format!(
        "{} - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
        bigint_text::from_text_limit_message(limit, digits)
    )
}

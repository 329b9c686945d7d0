//! PEP 695 type parameter lists and `type` statements, rewritten before the symbol
//! table pass into code the rest of the compiler already handles, the way CPython
//! compiles them: an annotation scope (a function named `<generic parameters of
//! NAME>`) creates the parameters (objects of the `_typeparams` module), defines
//! the function or class in them, sets `__type_params__` and returns it; the
//! statement binds the result, decorated, to the name.
//!
//! Depends only on the AST.

use crate::parse::ast::{self, name::Name, Expr, Stmt};
use crate::parse::{self, SyntaxErr};
use ruff_text_size::{Ranged, TextRange};
use thin_vec::ThinVec;

/// The prefix of an annotation scope's name; the compiler leaves such scopes out
/// of the qualified names of what they define.
pub const SCOPE_PREFIX: &str = "<generic parameters of ";

/// Rewrite every generic definition and `type` statement in `body`, at any depth
/// (and every `try` with `except*` clauses, see `except_star`).
pub fn rewrite(src: &str, body: &mut ThinVec<Stmt>) -> Result<(), SyntaxErr> {
    let mut out = ThinVec::with_capacity(body.len());
    for mut stmt in std::mem::take(body) {
        nested_bodies(src, &mut stmt)?;
        if let Stmt::Try(t) = stmt {
            stmt = if t.is_star {
                super::except_star::lower(src, t)?
            } else {
                Stmt::Try(t)
            };
        }
        match generic(src, stmt)? {
            Ok(stmts) => out.extend(stmts),
            Err(stmt) => out.push(stmt),
        }
    }
    *body = out;
    Ok(())
}

fn nested_bodies(src: &str, stmt: &mut Stmt) -> Result<(), SyntaxErr> {
    match stmt {
        Stmt::FunctionDef(f) => rewrite(src, &mut f.body),
        Stmt::ClassDef(c) => rewrite(src, &mut c.body),
        Stmt::For(f) => {
            rewrite(src, &mut f.body)?;
            rewrite(src, &mut f.orelse)
        }
        Stmt::While(w) => {
            rewrite(src, &mut w.body)?;
            rewrite(src, &mut w.orelse)
        }
        Stmt::If(i) => {
            rewrite(src, &mut i.body)?;
            for clause in &mut i.elif_else_clauses {
                rewrite(src, &mut clause.body)?;
            }
            Ok(())
        }
        Stmt::With(w) => rewrite(src, &mut w.body),
        Stmt::Try(t) => {
            rewrite(src, &mut t.body)?;
            for h in &mut t.handlers {
                let ast::ExceptHandler::ExceptHandler(h) = h;
                rewrite(src, &mut h.body)?;
            }
            rewrite(src, &mut t.orelse)?;
            rewrite(src, &mut t.finalbody)
        }
        Stmt::Match(m) => {
            for case in &mut m.cases {
                rewrite(src, &mut case.body)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// The statements that replace a generic `stmt`, or `stmt` back when it is not one.
fn generic(src: &str, stmt: Stmt) -> Result<Result<Vec<Stmt>, Stmt>, SyntaxErr> {
    let at = stmt.range();
    let b = Builder { at };
    let (name, params, decorators, defined, result) = match stmt {
        Stmt::FunctionDef(mut f) if f.type_params.is_some() => {
            let params = f.type_params.take();
            let decorators = std::mem::take(&mut f.decorator_list);
            let name = f.name.id.to_string();
            let result = b.name(&name);
            (name, params, decorators, Some(Stmt::FunctionDef(f)), result)
        }
        Stmt::ClassDef(mut c) if c.type_params.is_some() => {
            let params = c.type_params.take();
            let decorators = std::mem::take(&mut c.decorator_list);
            let name = c.name.id.to_string();
            let generic = b.attr(b.runtime(), "GENERIC");
            let arguments = c.arguments.get_or_insert_with(|| {
                Box::new(ast::Arguments {
                    range: at,
                    node_index: Default::default(),
                    args: Box::new([]),
                    keywords: ThinVec::new(),
                })
            });
            let mut args = std::mem::take(&mut arguments.args).into_vec();
            args.push(generic);
            arguments.args = args.into_boxed_slice();
            let result = b.name(&name);
            (name, params, decorators, Some(Stmt::ClassDef(c)), result)
        }
        Stmt::TypeAlias(t) => {
            let Expr::Name(target) = &*t.name else {
                return Ok(Err(Stmt::TypeAlias(t)));
            };
            let name = target.id.to_string();
            let value = Expr::Lambda(ast::ExprLambda {
                node_index: Default::default(),
                range: t.value.range(),
                parameters: None,
                body: t.value,
            });
            let names = type_param_names(&t.type_params);
            let alias = b.call(
                b.attr(b.runtime(), "type_alias"),
                vec![b.string(&name), b.tuple(names), value, b.name("__name__")],
            );
            (name, t.type_params, ThinVec::new(), None, alias)
        }
        other => return Ok(Err(other)),
    };
    let mut body: ThinVec<Stmt> = ThinVec::new();
    let mut seen: Vec<String> = Vec::new();
    for p in params.iter().flat_map(|p| p.type_params.iter()) {
        let (pname, value) = match p {
            ast::TypeParam::TypeVar(v) => {
                let (bound, constraints) = match v.bound.as_deref() {
                    Some(Expr::Tuple(t)) => (b.none(), b.lazy(Expr::Tuple(t.clone()))),
                    Some(bound) => (b.lazy(bound.clone()), b.none()),
                    None => (b.none(), b.none()),
                };
                let make = b.attr(b.runtime(), "type_var");
                let n = v.name.id.to_string();
                (
                    n.clone(),
                    b.call(make, vec![b.string(&n), bound, constraints]),
                )
            }
            ast::TypeParam::TypeVarTuple(v) => {
                let n = v.name.id.to_string();
                let make = b.attr(b.runtime(), "type_var_tuple");
                (n.clone(), b.call(make, vec![b.string(&n)]))
            }
            ast::TypeParam::ParamSpec(v) => {
                let n = v.name.id.to_string();
                let make = b.attr(b.runtime(), "param_spec");
                (n.clone(), b.call(make, vec![b.string(&n)]))
            }
        };
        if seen.contains(&pname) {
            let msg = format!("duplicate type parameter '{pname}'");
            let r = p.range();
            return Err(parse::syntax_error_in(
                src,
                r.start().to_usize(),
                r.end().to_usize(),
                &msg,
            ));
        }
        seen.push(pname.clone());
        body.push(b.assign(b.store(&pname), value));
    }
    if let Some(defined) = defined {
        body.push(defined);
        let names = type_param_names(&params);
        body.push(b.assign(
            b.attr_store(b.name(&name), "__type_params__"),
            b.tuple(names),
        ));
    }
    body.push(Stmt::Return(ast::StmtReturn {
        node_index: Default::default(),
        range: at,
        value: Some(Box::new(result)),
    }));
    let scope = format!("{SCOPE_PREFIX}{name}>");
    let wrapper = Stmt::FunctionDef(ast::StmtFunctionDef {
        node_index: Default::default(),
        range: at,
        is_async: false,
        decorator_list: ThinVec::new(),
        name: ast::Identifier::new(Name::new(&scope), at),
        type_params: None,
        parameters: Box::new(ast::Parameters {
            range: at,
            node_index: Default::default(),
            posonlyargs: ThinVec::new(),
            args: ThinVec::new(),
            vararg: None,
            kwonlyargs: ThinVec::new(),
            kwarg: None,
        }),
        returns: None,
        body,
    });
    let mut value = b.call(b.name(&scope), vec![]);
    for d in decorators.into_iter().rev() {
        value = b.call(d.expression, vec![value]);
    }
    let bind = b.assign(b.store(&name), value);
    let forget = Stmt::Delete(ast::StmtDelete {
        node_index: Default::default(),
        range: at,
        targets: vec![b.named(&scope, ast::ExprContext::Del)],
    });
    Ok(Ok(vec![wrapper, bind, forget]))
}

fn type_param_names(params: &Option<Box<ast::TypeParams>>) -> Vec<Expr> {
    params
        .iter()
        .flat_map(|p| p.type_params.iter())
        .map(|p| {
            let (name, range) = match p {
                ast::TypeParam::TypeVar(v) => (&v.name, v.range),
                ast::TypeParam::TypeVarTuple(v) => (&v.name, v.range),
                ast::TypeParam::ParamSpec(v) => (&v.name, v.range),
            };
            Builder { at: range }.name(name.id.as_str())
        })
        .collect()
}

/// Makes synthesized nodes, all located at the statement they stand for.
pub(super) struct Builder {
    pub at: TextRange,
}

impl Builder {
    fn named(&self, id: &str, ctx: ast::ExprContext) -> Expr {
        Expr::Name(ast::ExprName {
            node_index: Default::default(),
            range: self.at,
            id: Name::new(id),
            ctx,
        })
    }
    pub(super) fn name(&self, id: &str) -> Expr {
        self.named(id, ast::ExprContext::Load)
    }
    pub(super) fn store(&self, id: &str) -> Expr {
        self.named(id, ast::ExprContext::Store)
    }
    fn none(&self) -> Expr {
        Expr::NoneLiteral(ast::ExprNoneLiteral {
            node_index: Default::default(),
            range: self.at,
        })
    }
    pub(super) fn string(&self, s: &str) -> Expr {
        Expr::StringLiteral(ast::ExprStringLiteral {
            node_index: Default::default(),
            range: self.at,
            value: ast::StringLiteralValue::single(ast::StringLiteral {
                range: self.at,
                node_index: Default::default(),
                value: s.into(),
                flags: ast::StringLiteralFlags::empty(),
            }),
        })
    }
    fn attr_ctx(&self, value: Expr, attr: &str, ctx: ast::ExprContext) -> Expr {
        Expr::Attribute(ast::ExprAttribute {
            node_index: Default::default(),
            range: self.at,
            value: Box::new(value),
            attr: ast::Identifier::new(Name::new(attr), self.at),
            ctx,
        })
    }
    pub(super) fn attr(&self, value: Expr, attr: &str) -> Expr {
        self.attr_ctx(value, attr, ast::ExprContext::Load)
    }
    fn attr_store(&self, value: Expr, attr: &str) -> Expr {
        self.attr_ctx(value, attr, ast::ExprContext::Store)
    }
    pub(super) fn call(&self, func: Expr, args: Vec<Expr>) -> Expr {
        Expr::Call(ast::ExprCall {
            node_index: Default::default(),
            range_start: self.at.start(),
            func: Box::new(func),
            arguments: ast::Arguments {
                range: self.at,
                node_index: Default::default(),
                args: args.into_boxed_slice(),
                keywords: ThinVec::new(),
            },
        })
    }
    /// `__import__('_typeparams')`.
    fn runtime(&self) -> Expr {
        self.call(self.name("__import__"), vec![self.string("_typeparams")])
    }
    fn tuple(&self, elts: Vec<Expr>) -> Expr {
        Expr::Tuple(ast::ExprTuple {
            node_index: Default::default(),
            range: self.at,
            elts,
            ctx: ast::ExprContext::Load,
            parenthesized: true,
        })
    }
    /// `lambda: value`, for what CPython evaluates lazily.
    fn lazy(&self, value: Expr) -> Expr {
        Expr::Lambda(ast::ExprLambda {
            node_index: Default::default(),
            range: value.range(),
            parameters: None,
            body: Box::new(value),
        })
    }
    pub(super) fn assign(&self, target: Expr, value: Expr) -> Stmt {
        Stmt::Assign(ast::StmtAssign {
            node_index: Default::default(),
            range: self.at,
            targets: vec![target],
            value: Box::new(value),
        })
    }
}

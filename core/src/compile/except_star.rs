//! `except*` (PEP 654), rewritten before the symbol table pass into a plain
//! `try` whose one handler hands the exception to `_exceptiongroup.Handling`: each
//! clause takes the part of the group its types match, runs with it, and what is
//! left or raised is raised again at the end, as CPython does.
//!
//! Depends only on the AST (and `type_params`'s node builder).

use super::type_params::Builder;
use crate::parse::ast::{self, name::Name, Expr, Stmt};
use crate::parse::{self, SyntaxErr};
use ruff_text_size::Ranged;
use thin_vec::ThinVec;

/// The hidden locals of the rewritten handler (not valid identifiers, so no
/// program can name them).
const CAUGHT: &str = ".except_star_caught";
const HANDLING: &str = ".except_star_handling";
const MATCHED: &str = ".except_star_matched";
const RAISED: &str = ".except_star_raised";

/// The plain `try` standing for the `try` / `except*` statement `t`.
pub fn lower(src: &str, mut t: ast::StmtTry) -> Result<Stmt, SyntaxErr> {
    let b = Builder { at: t.range };
    let mut body: ThinVec<Stmt> = ThinVec::new();
    let runtime = b.call(b.name("__import__"), vec![b.string("_exceptiongroup")]);
    let handling = b.call(b.attr(runtime, "Handling"), vec![b.name(CAUGHT)]);
    body.push(b.assign(b.store(HANDLING), handling));
    for handler in std::mem::take(&mut t.handlers) {
        let ast::ExceptHandler::ExceptHandler(h) = handler;
        let Some(types) = h.type_ else {
            return Err(parse::syntax_error_at(
                src,
                h.range.start().to_usize(),
                "expected one or more exception types",
            ));
        };
        refuse_jumps(src, &h.body)?;
        let hb = Builder { at: h.range };
        let matched = hb.call(hb.attr(hb.name(HANDLING), "match"), vec![*types]);
        body.push(hb.assign(hb.store(MATCHED), matched));
        let mut run: ThinVec<Stmt> = ThinVec::new();
        if let Some(name) = &h.name {
            run.push(hb.assign(hb.store(name.id.as_str()), hb.name(MATCHED)));
        }
        run.extend(h.body);
        let record = hb.expr_stmt(hb.call(
            hb.attr(hb.name(HANDLING), "handler_raised"),
            vec![hb.name(RAISED)],
        ));
        let guarded = Stmt::Try(ast::StmtTry {
            node_index: Default::default(),
            range: h.range,
            body: run,
            handlers: vec![hb.handler(RAISED, thin_vec::thin_vec![record])],
            orelse: ThinVec::new(),
            finalbody: ThinVec::new(),
            is_star: false,
        });
        body.push(Stmt::If(ast::StmtIf {
            node_index: Default::default(),
            range: h.range,
            test: Box::new(hb.name(MATCHED)),
            body: thin_vec::thin_vec![guarded],
            elif_else_clauses: Vec::new(),
        }));
    }
    body.push(b.expr_stmt(b.call(b.attr(b.name(HANDLING), "finish"), vec![])));
    t.handlers = vec![b.handler(CAUGHT, body)];
    t.is_star = false;
    Ok(Stmt::Try(t))
}

/// `break`, `continue` and `return` cannot leave an `except*` clause.
fn refuse_jumps(src: &str, body: &[Stmt]) -> Result<(), SyntaxErr> {
    for s in body {
        let refused = match s {
            Stmt::Break(_) | Stmt::Continue(_) | Stmt::Return(_) => true,
            Stmt::If(i) => {
                refuse_jumps(src, &i.body)?;
                for c in &i.elif_else_clauses {
                    refuse_jumps(src, &c.body)?;
                }
                false
            }
            Stmt::With(w) => {
                refuse_jumps(src, &w.body)?;
                false
            }
            Stmt::Try(t) => {
                refuse_jumps(src, &t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    refuse_jumps(src, &h.body)?;
                }
                refuse_jumps(src, &t.orelse)?;
                refuse_jumps(src, &t.finalbody)?;
                false
            }
            // Loops own their break and continue; a return still leaves.
            Stmt::For(f) => {
                refuse_returns(src, &f.body)?;
                false
            }
            Stmt::While(w) => {
                refuse_returns(src, &w.body)?;
                false
            }
            _ => false,
        };
        if refused {
            return Err(jump_error(src, s));
        }
    }
    Ok(())
}

fn refuse_returns(src: &str, body: &[Stmt]) -> Result<(), SyntaxErr> {
    match body.iter().find(|s| matches!(s, Stmt::Return(_))) {
        Some(s) => Err(jump_error(src, s)),
        None => Ok(()),
    }
}

fn jump_error(src: &str, s: &Stmt) -> SyntaxErr {
    let r = s.range();
    parse::syntax_error_in(
        src,
        r.start().to_usize(),
        r.end().to_usize(),
        "'break', 'continue' and 'return' cannot appear in an except* block",
    )
}

impl Builder {
    fn expr_stmt(&self, value: Expr) -> Stmt {
        Stmt::Expr(ast::StmtExpr {
            node_index: Default::default(),
            range: self.at,
            value: Box::new(value),
        })
    }

    /// `except BaseException as NAME: body`.
    fn handler(&self, name: &str, body: ThinVec<Stmt>) -> ast::ExceptHandler {
        ast::ExceptHandler::ExceptHandler(ast::ExceptHandlerExceptHandler {
            range: self.at,
            node_index: Default::default(),
            type_: Some(Box::new(self.name("BaseException"))),
            name: Some(ast::Identifier::new(Name::new(name), self.at)),
            body,
        })
    }
}

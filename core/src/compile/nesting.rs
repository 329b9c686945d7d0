//! How deep a parsed module nests, measured against CPython 3.13's limits: its
//! tokenizer's f-strings inside f-strings, its parser's stack (right-nested
//! `lambda`, `not`, unary minus, `x if c else`, `**`) and its compiler's recursion
//! limit (any expression nesting). Source past them raises what CPython raises, so
//! that the compiler's own recursion stays bounded.
//!
//! Depends only on the AST.

use crate::parse::ast::{self, visitor, Expr, Stmt};
use crate::parse::{error_at, ErrorKind, SyntaxErr};

/// CPython's parser gives up when its rule stack passes this depth; each
/// right-nested construct below costs the rules it recurses through.
const PARSER_STACK: usize = 5968;
/// CPython's compiler raises RecursionError past this expression depth.
const COMPILER_DEPTH: usize = 9996;
/// CPython's tokenizer refuses to open an f-string this many deep.
const FSTRING_LEVELS: usize = 150;

/// The error CPython 3.13 raises for the nesting of the module body of `src`, if
/// any.
pub fn check(src: &str, body: &[Stmt]) -> Result<(), SyntaxErr> {
    let mut depth = Depth::default();
    visitor::Visitor::visit_body(&mut depth, body);
    depth.result(src)
}

/// The same for an `eval` expression.
pub fn check_expr(src: &str, e: &Expr) -> Result<(), SyntaxErr> {
    let mut depth = Depth::default();
    visitor::Visitor::visit_expr(&mut depth, e);
    depth.result(src)
}

impl Depth {
    fn result(&self, src: &str) -> Result<(), SyntaxErr> {
        if let Some(quote) = self.fstring_too_deep {
            return Err(error_at(src, quote, "too many nested f-strings".into()));
        }
        match self.exceeded {
            None => Ok(()),
            Some(kind) => Err(SyntaxErr {
                msg: match kind {
                    ErrorKind::ParserStack => {
                        "Parser stack overflowed - Python source too complex to parse"
                    }
                    _ => "maximum recursion depth exceeded during compilation",
                }
                .into(),
                kind,
                ..SyntaxErr::default()
            }),
        }
    }
}

#[derive(Default)]
struct Depth {
    /// Expression nodes open on the current path.
    nodes: usize,
    /// Parser stack the current path costs.
    parser: usize,
    /// F-strings open on the current path.
    fstrings: usize,
    exceeded: Option<ErrorKind>,
    /// Where the f-string one too deep opens its quote (the tokenizer's error,
    /// before any other).
    fstring_too_deep: Option<usize>,
}

/// The parser stack a construct costs when another nests inside it on the right.
fn parser_cost(e: &Expr) -> usize {
    match e {
        Expr::Lambda(_) => 2,
        Expr::BinOp(b) if b.op == ast::Operator::Pow => 2,
        Expr::UnaryOp(_) | Expr::If(_) | Expr::Await(_) => 1,
        _ => 0,
    }
}

impl<'a> visitor::Visitor<'a> for Depth {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        if self.exceeded.is_none() {
            visitor::walk_stmt(self, stmt);
        }
    }

    fn visit_expr(&mut self, e: &'a Expr) {
        if self.exceeded.is_some() {
            return;
        }
        let cost = parser_cost(e);
        let fstring = match e {
            Expr::FString(f) => f.value.f_strings().next(),
            _ => None,
        };
        if let Some(opened) = fstring {
            if self.fstrings + 1 >= FSTRING_LEVELS {
                let quote = opened.range.start() + opened.flags.prefix().text_len();
                self.fstring_too_deep = Some(quote.to_usize());
                self.exceeded = Some(ErrorKind::Syntax);
                return;
            }
            self.fstrings += 1;
        }
        self.nodes += 1;
        self.parser += cost;
        if self.parser > PARSER_STACK {
            self.exceeded = Some(ErrorKind::ParserStack);
        } else if self.nodes > COMPILER_DEPTH {
            self.exceeded = Some(ErrorKind::Recursion);
        } else {
            visitor::walk_expr(self, e);
        }
        self.nodes -= 1;
        self.parser -= cost;
        if fstring.is_some() {
            self.fstrings -= 1;
        }
    }
}

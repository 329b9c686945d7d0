//! `from __future__` imports: which features exist, where the imports may stand,
//! and whether postponed evaluation of annotations is on.
//!
//! Depends only on the AST.

use super::CResult;
use crate::parse::{self, ast::Expr, ast::Stmt};
use ruff_text_size::Ranged;

/// The features `from __future__ import` accepts in 3.13.
const FUTURE_FEATURES: &[&str] = &[
    "nested_scopes",
    "generators",
    "division",
    "absolute_import",
    "with_statement",
    "print_function",
    "unicode_literals",
    "barry_as_FLUFL",
    "generator_stop",
    "annotations",
];

/// `from __future__` imports: only known features, only at the top of the module
/// (after its docstring and other future imports).
pub fn check_imports(src: &str, body: &[Stmt]) -> CResult<()> {
    let mut at_top = true;
    for (i, s) in body.iter().enumerate() {
        let Stmt::ImportFrom(imp) = s else {
            let docstring =
                i == 0 && matches!(s, Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)));
            at_top &= docstring;
            continue;
        };
        if imp.module.as_ref().map(|m| m.id.as_str()) != Some("__future__") || imp.level != 0 {
            at_top = false;
            continue;
        }
        if !at_top {
            return Err(parse::syntax_error_at(
                src,
                imp.start().to_usize(),
                "from __future__ imports must occur at the beginning of the file",
            ));
        }
        for alias in &imp.names {
            let name = alias.name.id.as_str();
            let msg = match name {
                "braces" => "not a chance".to_string(),
                _ if FUTURE_FEATURES.contains(&name) => continue,
                _ => format!("future feature {name} is not defined"),
            };
            return Err(parse::syntax_error_at(src, imp.start().to_usize(), &msg));
        }
    }
    Ok(())
}

pub fn has_annotations(body: &[Stmt]) -> bool {
    for s in body {
        match s {
            Stmt::ImportFrom(i)
                if i.module.as_ref().map(|m| m.id.as_str()) == Some("__future__") =>
            {
                if i.names.iter().any(|a| a.name.id.as_str() == "annotations") {
                    return true;
                }
            }
            Stmt::Expr(e) if matches!(&*e.value, Expr::StringLiteral(_)) => {}
            _ => return false,
        }
    }
    false
}

//! The source lines a traceback entry shows, with the caret line beneath that
//! marks the failing expression (`~~~^^^^^`), by CPython 3.13's rules: the
//! operator of a binary operation, the brackets of a subscript and the argument
//! list of a call are marked `^`, the rest of the expression `~`.
//!
//! Only single-line positions get carets; an instruction spanning lines shows its
//! first line alone. Depends on the front end (to find the anchors) and on
//! `code::Position`.

use crate::code::Position;
use crate::parse::{self, ast};
use ruff_text_size::Ranged;

/// The lines to print under `  File ...` for an instruction at `position` whose
/// first source line is `line`, without the four-space indent.
pub fn source_lines(line: &str, position: Position) -> Vec<String> {
    let text = line.trim_end();
    let dedented = text.trim_start();
    if dedented.is_empty() {
        return Vec::new();
    }
    let mut out = vec![dedented.to_string()];
    if position.line != position.end_line || position.end_col <= position.col {
        return out;
    }
    let dedent = text.chars().count() - dedented.chars().count();
    let start = char_offset(text, position.col).saturating_sub(dedent);
    let end = char_offset(text, position.end_col).saturating_sub(dedent);
    let chars: Vec<char> = dedented.chars().collect();
    if end > chars.len() || start >= end {
        return out;
    }
    let segment: String = chars[start..end].iter().collect();
    let anchors = anchors_of(&segment);
    if !should_show_carets(dedented, start, end, anchors.is_some()) {
        return out;
    }
    let carets: String = (0..end)
        .map(|col| match anchors {
            _ if col < start => ' ',
            Some((left, right)) if col >= start + left && col < start + right => '^',
            Some(_) => '~',
            None => '^',
        })
        .collect();
    out.push(carets);
    out
}

/// The character index of byte offset `byte` in `text`.
fn char_offset(text: &str, byte: u32) -> usize {
    let byte = (byte as usize).min(text.len());
    String::from_utf8_lossy(&text.as_bytes()[..byte])
        .chars()
        .count()
}

/// CPython leaves out carets when they would underline the whole line, and for
/// `return f(...)` / `name = f(...)` whose call fills the statement.
fn should_show_carets(line: &str, start: usize, end: usize, anchored: bool) -> bool {
    if let Ok(module) = parse::parse_module(line) {
        let Some(statement) = module.body.first() else {
            return false;
        };
        let call = match statement {
            ast::Stmt::Return(ast::StmtReturn { value: Some(v), .. }) => match &**v {
                ast::Expr::Call(c) if matches!(&*c.func, ast::Expr::Name(_)) => Some(&**v),
                _ => None,
            },
            ast::Stmt::Assign(a)
                if a.targets.len() == 1 && matches!(a.targets[0], ast::Expr::Name(_)) =>
            {
                Some(&*a.value).filter(|v| matches!(v, ast::Expr::Call(_)))
            }
            _ => None,
        };
        if let Some(call) = call {
            let range = call.range();
            if char_offset(line, range.start().to_u32()) == start
                && char_offset(line, range.end().to_u32()) == end
            {
                return false;
            }
        }
    }
    if anchored {
        return true;
    }
    let chars: Vec<char> = line.chars().collect();
    chars[..start].iter().any(|c| !c.is_whitespace())
        || chars[end..].iter().any(|c| !c.is_whitespace())
}

/// Within `segment`, the character range marked `^` when the rest is `~`: the
/// operator of a binary operation, `[...]` of a subscript, `(...)` of a call.
fn anchors_of(segment: &str) -> Option<(usize, usize)> {
    // Parenthesised, a multi-line expression parses; offsets shift by "(\n".
    const SHIFT: u32 = 2;
    let wrapped = format!("(\n{segment}\n)");
    let module = parse::parse_module(&wrapped).ok()?;
    let [ast::Stmt::Expr(statement)] = module.body.as_slice() else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let at = |byte: ruff_text_size::TextSize| -> Option<usize> {
        let byte = byte.to_u32().checked_sub(SHIFT)?;
        Some(char_offset(segment, byte))
    };
    // The first character at or after `from` that `stop` accepts; a comment or
    // line continuation would lead onto another line, which has no anchors here.
    let find = |from: usize, stop: &dyn Fn(char) -> bool| -> Option<usize> {
        (from..chars.len())
            .find(|&i| stop(chars[i]) || matches!(chars[i], '\\' | '#'))
            .filter(|&i| !matches!(chars[i], '\\' | '#'))
    };
    match &*statement.value {
        ast::Expr::BinOp(b) => {
            let op = find(at(b.left.end())?, &|c| !c.is_whitespace() && c != ')')?;
            let right_start = at(b.right.start())?;
            let mut op_end = op + 1;
            if op_end < chars.len()
                && op_end < right_start
                && !chars[op_end].is_whitespace()
                && !matches!(chars[op_end], '\\' | '#')
            {
                op_end += 1;
            }
            Some((op, op_end))
        }
        ast::Expr::Subscript(s) => {
            let open = find(at(s.value.end())?, &|c| c == '[')?;
            Some((open, at(s.end())?))
        }
        ast::Expr::Call(c) => {
            let open = find(at(c.func.end())?, &|c| c == '(')?;
            Some((open, at(c.end())?))
        }
        _ => None,
    }
}

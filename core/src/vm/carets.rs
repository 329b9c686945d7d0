//! The source lines a traceback entry shows, with caret lines beneath that mark
//! the failing expression (`~~~^^^^^`), by CPython 3.13's rules: the operator
//! of a binary operation, the brackets of a subscript and the argument list of a
//! call are marked `^`, the rest of the expression `~`. An expression spanning
//! lines shows its first and last lines and those around the anchors.
//!
//! Depends on the front end (to find the anchors) and on `code::Position`.

use crate::code::Position;
use crate::parse::{self, ast, Lines};
use ruff_text_size::{Ranged, TextSize};

/// A line and character index within a run of source lines.
type Spot = (usize, usize);

/// The lines to print under `  File ...` for an instruction at `position`,
/// given its source lines (`position.line` through `position.end_line`), without
/// the four-space indent.
pub fn source_lines(original: &[String], position: Position) -> Vec<String> {
    let original: Vec<&str> = original.iter().map(|l| l.trim_end()).collect();
    let margin = original
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.len() - l.trim_start().len())
        .min()
        .unwrap_or(0);
    let lines: Vec<String> = original
        .iter()
        .map(|l| l.get(margin..).unwrap_or("").to_string())
        .collect();
    let Some(first) = lines.first() else {
        return Vec::new();
    };
    if lines.iter().all(|l| l.is_empty()) {
        return Vec::new();
    }
    let spans_known = position.end_line >= position.line
        && (position.end_line > position.line || position.end_col > position.col)
        && lines.len() == (position.end_line - position.line + 1) as usize;
    if !spans_known {
        return vec![first.clone()];
    }
    let last = lines.len() - 1;
    let dedent = original[0].chars().count() - first.chars().count();
    let start = char_offset(original[0], position.col).saturating_sub(dedent);
    let end = char_offset(original[last], position.end_col).saturating_sub(dedent);
    let chars: Vec<Vec<char>> = lines.iter().map(|l| l.chars().collect()).collect();
    if start > chars[0].len() || end > chars[last].len() || (last == 0 && start >= end) {
        return vec![first.clone()];
    }
    let segment = segment_of(&chars, start, end);
    // Anchor spots are relative to the segment, whose first line starts at `start`.
    let anchors = anchors_of(&segment).map(|((l1, c1), (l2, c2))| {
        let shift = |l: usize, c: usize| if l == 0 { c + start } else { c };
        ((l1, shift(l1, c1)), (l2, shift(l2, c2)))
    });
    let show_carets = should_show_carets(&lines, start, end, anchors.is_some());

    let mut significant = vec![0, last];
    if let Some(((left_line, _), (right_line, _))) = anchors {
        for around in [left_line, right_line] {
            significant.extend((around.saturating_sub(1)..=around + 1).filter(|&l| l <= last));
        }
    }
    significant.sort_unstable();
    significant.dedup();

    let caret_line = |lineno: usize| -> String {
        let line = &chars[lineno];
        let indent = line.iter().take_while(|c| c.is_whitespace()).count();
        let width = if lineno == last { end } else { line.len() };
        (0..width)
            .map(|col| {
                if col < indent || (lineno == 0 && col < start) {
                    return ' ';
                }
                match anchors {
                    Some((left, right)) if (lineno, col) >= left && (lineno, col) < right => '^',
                    Some(_) => '~',
                    None => '^',
                }
            })
            .collect()
    };
    let mut out = Vec::new();
    let emit = |lineno: usize, out: &mut Vec<String>| {
        out.push(lines[lineno].clone());
        if show_carets {
            out.push(caret_line(lineno));
        }
    };
    for (i, &lineno) in significant.iter().enumerate() {
        if i > 0 {
            let gap = lineno - significant[i - 1];
            if gap == 2 {
                emit(lineno - 1, &mut out);
            } else if gap > 2 {
                out.push(format!("...<{} lines>...", gap - 1));
            }
        }
        emit(lineno, &mut out);
    }
    out
}

/// The text from `start` on the first line to `end` on the last.
fn segment_of(chars: &[Vec<char>], start: usize, end: usize) -> String {
    let last = chars.len() - 1;
    let mut segment = String::new();
    for (i, line) in chars.iter().enumerate() {
        let from = if i == 0 { start } else { 0 };
        let to = if i == last { end } else { line.len() };
        if i > 0 {
            segment.push('\n');
        }
        segment.extend(&line[from.min(to)..to]);
    }
    segment
}

/// The character index of byte offset `byte` in `text`.
fn char_offset(text: &str, byte: u32) -> usize {
    let byte = (byte as usize).min(text.len());
    String::from_utf8_lossy(&text.as_bytes()[..byte])
        .chars()
        .count()
}

/// CPython leaves out carets when they would underline whole lines, and for
/// `return f(...)` / `name = f(...)` whose call fills the statement.
fn should_show_carets(lines: &[String], start: usize, end: usize, anchored: bool) -> bool {
    let joined = lines.join("\n");
    if let Ok(module) = parse::parse_module(&joined) {
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
            let index = Lines::new(&joined);
            let spot = |offset: TextSize| {
                let (line, col) = index.line_col(offset, &joined);
                let text = lines.get(line as usize - 1).map_or("", |l| l.as_str());
                (line as usize - 1, char_offset(text, col))
            };
            let last = lines.len() - 1;
            if spot(call.start()) == (0, start) && spot(call.end()) == (last, end) {
                return false;
            }
        }
    }
    if anchored {
        return true;
    }
    let first = &lines[0];
    let last = &lines[lines.len() - 1];
    first.chars().take(start).any(|c| !c.is_whitespace())
        || last.chars().skip(end).any(|c| !c.is_whitespace())
}

/// Within `segment`, the spots between which characters are marked `^` when
/// the rest is `~`: the operator of a binary operation, `[...]` of a subscript,
/// `(...)` of a call.
fn anchors_of(segment: &str) -> Option<(Spot, Spot)> {
    // Parenthesised, a multi-line expression parses; its lines shift by one.
    let wrapped = format!("(\n{segment}\n)");
    let module = parse::parse_module(&wrapped).ok()?;
    let [ast::Stmt::Expr(statement)] = module.body.as_slice() else {
        return None;
    };
    let index = Lines::new(&wrapped);
    let lines: Vec<Vec<char>> = segment.lines().map(|l| l.chars().collect()).collect();
    let texts: Vec<&str> = segment.lines().collect();
    let spot = |offset: TextSize| -> Option<Spot> {
        let (line, col) = index.line_col(offset, &wrapped);
        let line = (line as usize).checked_sub(2)?;
        Some((line, char_offset(texts.get(line)?, col)))
    };
    // The first character at or after a spot, skipping past line ends.
    let valid = |(mut line, mut col): Spot| -> Option<Spot> {
        while line < lines.len() && col >= lines[line].len() {
            line += 1;
            col = 0;
        }
        (line < lines.len()).then_some((line, col))
    };
    // The first character from `from` on that `stop` accepts; a comment or line
    // continuation moves on to the next line.
    let find = |from: Spot, stop: &dyn Fn(char) -> bool| -> Option<Spot> {
        let (mut line, mut col) = valid(from)?;
        loop {
            let c = lines[line][col];
            if matches!(c, '\\' | '#') {
                (line, col) = valid((line + 1, 0))?;
            } else if !stop(c) {
                (line, col) = valid((line, col + 1))?;
            } else {
                return Some((line, col));
            }
        }
    };
    match &*statement.value {
        ast::Expr::BinOp(b) => {
            let (line, op) = find(spot(b.left.end())?, &|c| !c.is_whitespace() && c != ')')?;
            let (right_line, right_col) = spot(b.right.start())?;
            let mut op_end = op + 1;
            if op_end < lines[line].len()
                && (right_line > line || op_end < right_col)
                && !lines[line][op_end].is_whitespace()
                && !matches!(lines[line][op_end], '\\' | '#')
            {
                op_end += 1;
            }
            Some(((line, op), (line, op_end)))
        }
        ast::Expr::Subscript(s) => {
            let open = find(spot(s.value.end())?, &|c| c == '[')?;
            Some((open, spot(s.end())?))
        }
        ast::Expr::Call(c) => {
            let open = find(spot(c.func.end())?, &|c| c == '(')?;
            Some((open, spot(c.end())?))
        }
        _ => None,
    }
}

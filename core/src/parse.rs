//! The front end: the only module that touches ruff's parser crates, so an upgrade of
//! them stays local. It turns source text into an AST or a `SyntaxError` description.

pub use ruff_python_ast as ast;
use ruff_source_file::LineIndex;
use ruff_text_size::TextSize;

/// A syntax error, located as CPython reports it (1-based line and column).
#[derive(Debug, Clone, Default)]
pub struct SyntaxErr {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    /// One past the last column marked, on the same line; 0 marks `col` alone.
    pub end_col: u32,
    pub text: String,
    pub kind: ErrorKind,
}

/// The exception class a refused source raises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ErrorKind {
    #[default]
    Syntax,
    Indentation,
    Tab,
    /// CPython's parser ran out of its stack: MemoryError, without a location.
    ParserStack,
    /// The compiler's recursion limit: RecursionError, without a location.
    Recursion,
}

/// CPython's tokenizer refuses more than this many open brackets.
const MAX_BRACKET_DEPTH: usize = 200;

/// Maps byte offsets of one source text to lines.
pub struct Lines {
    index: LineIndex,
}

impl Lines {
    pub fn new(src: &str) -> Lines {
        Lines {
            index: LineIndex::from_source_text(src),
        }
    }
    pub fn line(&self, offset: TextSize) -> u32 {
        self.index.line_index(offset).get() as u32
    }
    /// The 1-based line and 0-based byte column of `offset` in `src`.
    pub fn line_col(&self, offset: TextSize, src: &str) -> (u32, u32) {
        let line = self.index.line_index(offset);
        let start = self.index.line_start(line, src);
        (line.get() as u32, (offset - start).to_u32())
    }
}

fn error_at(src: &str, offset: usize, msg: String) -> SyntaxErr {
    let offset = offset.min(src.len());
    let lines = Lines::new(src);
    let line = lines.line(TextSize::new(offset as u32));
    let line_start = src[..offset].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = src[line_start..offset].chars().count() as u32 + 1;
    let text = src[line_start..].lines().next().unwrap_or("").to_string();
    SyntaxErr {
        msg,
        line,
        col,
        text,
        ..SyntaxErr::default()
    }
}

/// CPython's tokenizer refuses more than this many indentation levels.
const MAX_INDENT_DEPTH: usize = 100;

/// What a pass of the tokenizer's bracket and indentation rules finds.
#[derive(Default)]
struct Scan {
    /// Byte offsets of the brackets still open at the end, innermost last.
    open: Vec<usize>,
    /// The first indentation error, as CPython's tokenizer reports it.
    indent_error: Option<SyntaxErr>,
}

/// One indentation level: its width with tabs to multiples of 8, and with tabs
/// counting 1 — the two must order lines alike, or the indentation is ambiguous.
#[derive(Clone, Copy, PartialEq)]
struct Indent {
    col: usize,
    alt: usize,
}

/// Scan `src` as CPython's tokenizer would for brackets (strings and comments
/// skipped) and for indentation of logical lines. Stops early past CPython's
/// bracket nesting limit or at the first indentation error.
fn scan(src: &str) -> Scan {
    let bytes = src.as_bytes();
    let mut out = Scan::default();
    let mut indents = vec![Indent { col: 0, alt: 0 }];
    let mut i = 0;
    // The quote byte and whether the string is triple-quoted.
    let mut quote: Option<(u8, bool)> = None;
    let mut line_start = true;
    while i < bytes.len() {
        if line_start {
            line_start = false;
            if let Some(err) = indentation(src, i, &mut indents) {
                out.indent_error = Some(err);
                break;
            }
        }
        let b = bytes[i];
        match quote {
            Some((q, triple)) => {
                if b == b'\\' {
                    i += 1;
                } else if triple && bytes[i..].starts_with(&[q, q, q]) {
                    quote = None;
                    i += 2;
                } else if !triple && (b == q || b == b'\n') {
                    quote = None;
                }
            }
            None => match b {
                b'#' => {
                    while i + 1 < bytes.len() && bytes[i + 1] != b'\n' {
                        i += 1;
                    }
                }
                b'\\' => i += 1,
                b'\n' => line_start = out.open.is_empty(),
                b'\'' | b'"' => {
                    let triple = bytes[i..].starts_with(&[b, b, b]);
                    quote = Some((b, triple));
                    if triple {
                        i += 2;
                    }
                }
                b'(' | b'[' | b'{' => {
                    out.open.push(i);
                    if out.open.len() > MAX_BRACKET_DEPTH {
                        break;
                    }
                }
                b')' | b']' | b'}' => {
                    out.open.pop();
                }
                _ => {}
            },
        }
        i += 1;
    }
    out
}

/// Check the indentation of the line starting at `start` against the levels open
/// before it; blank and comment-only lines do not count.
fn indentation(src: &str, start: usize, indents: &mut Vec<Indent>) -> Option<SyntaxErr> {
    let mut here = Indent { col: 0, alt: 0 };
    let mut end = start;
    for &b in &src.as_bytes()[start..] {
        match b {
            b' ' => {
                here.col += 1;
                here.alt += 1;
            }
            b'\t' => {
                here.col = (here.col / 8 + 1) * 8;
                here.alt += 1;
            }
            b'\x0c' => {
                here.col = 0;
                here.alt = 0;
            }
            _ => break,
        }
        end += 1;
    }
    if matches!(src.as_bytes().get(end), None | Some(b'#' | b'\n' | b'\r')) {
        return None;
    }
    let error = |kind: ErrorKind, msg: &str| {
        let mut err = error_at(src, start, msg.into());
        err.kind = kind;
        Some(err)
    };
    let tab_error = || {
        error(
            ErrorKind::Tab,
            "inconsistent use of tabs and spaces in indentation",
        )
    };
    let top = *indents.last()?;
    if here.col > top.col {
        if here.alt <= top.alt {
            return tab_error();
        }
        if indents.len() >= MAX_INDENT_DEPTH {
            return error(ErrorKind::Indentation, "too many levels of indentation");
        }
        indents.push(here);
    } else {
        while indents.len() > 1 && indents.last().is_some_and(|t| here.col < t.col) {
            indents.pop();
        }
        // A dedent to no open level is the parser's to report.
        let top = *indents.last()?;
        if here.col == top.col && here.alt != top.alt {
            return tab_error();
        }
    }
    None
}

/// Byte offsets of the brackets still open at the end of `src`, innermost last.
fn open_brackets(src: &str) -> Vec<usize> {
    scan(src).open
}

/// Reject what CPython's tokenizer refuses before the recursive parser sees it:
/// nesting deeper than its limits, ambiguous indentation.
fn check_nesting(src: &str) -> Result<(), SyntaxErr> {
    let scan = scan(src);
    if let Some(&at) = scan.open.get(MAX_BRACKET_DEPTH) {
        return Err(error_at(src, at, "too many nested parentheses".into()));
    }
    match scan.indent_error {
        Some(err) => Err(err),
        None => Ok(()),
    }
}

pub fn parse_module(src: &str) -> Result<ast::ModModule, SyntaxErr> {
    check_nesting(src)?;
    ruff_python_parser::parse_module(src)
        .map(|p| p.into_syntax())
        .map_err(|e| cpython_error(src, &e))
}

pub fn parse_expression(src: &str) -> Result<ast::ModExpression, SyntaxErr> {
    check_nesting(src)?;
    ruff_python_parser::parse_expression(src)
        .map(|p| p.into_syntax())
        .map_err(|e| cpython_error(src, &e))
}

/// ruff's error, worded and located as CPython 3.13 reports it.
fn cpython_error(src: &str, e: &ruff_python_parser::ParseError) -> SyntaxErr {
    let ruff_msg = e.error.to_string();
    let start = e.location.start().to_usize().min(src.len());
    let end = e.location.end().to_usize().min(src.len());
    let mut err = error_at(src, start, String::new());
    let line_start = src[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_text = err.text.clone();
    // The error token's extent, when it stays on its line.
    let token_end = src
        .get(start..end.max(start))
        .filter(|t| !t.is_empty() && !t.contains('\n'))
        .map(|t| err.col + t.chars().count() as u32);
    if ruff_msg.contains("unindent does not match") {
        err.msg = "unindent does not match any outer indentation level".into();
        err.col = line_text.chars().count() as u32 + 1;
        err.kind = ErrorKind::Indentation;
        return err;
    }
    if ruff_msg.starts_with("Expected an indented block") {
        err.msg = match block_opener(src, line_start) {
            Some((what, line)) => format!("expected an indented block after {what} on line {line}"),
            None => "expected an indented block".into(),
        };
        err.end_col = token_end.unwrap_or(0);
        err.kind = ErrorKind::Indentation;
        return err;
    }
    if ruff_msg.starts_with("Unexpected indentation") {
        err.msg = "unexpected indent".into();
        err.kind = ErrorKind::Indentation;
        return err;
    }
    if ruff_msg.contains("missing closing quote") {
        // A triple-quoted string runs to the end of the source before the
        // tokenizer gives up; a one-line string to the end of its line.
        let body = src[start..].trim_start_matches(|c: char| c.is_ascii_alphabetic());
        let (kind, detected) = if body.starts_with("\"\"\"") || body.starts_with("'''") {
            (
                "triple-quoted string literal",
                src.lines().count().max(1) as u32,
            )
        } else {
            ("string literal", err.line)
        };
        err.msg = format!("unterminated {kind} (detected at line {detected})");
        return err;
    }
    // CPython names an unclosed bracket when its parser ran into the end of the
    // source; ruff stops earlier, so an error on the last line stands for that.
    let last_line = src.trim_end().lines().count() as u32;
    let bracket = open_brackets(src).last().copied();
    if let Some(bracket) = bracket.filter(|_| err.line >= last_line) {
        let closer = src.as_bytes()[bracket] as char;
        return error_at(src, bracket, format!("'{closer}' was never closed"));
    }
    err.end_col = token_end.unwrap_or(0);
    err.msg = if ruff_msg.starts_with("Expected `:`") {
        err.end_col = 0;
        "expected ':'".into()
    } else if ruff_msg.starts_with("Unparenthesized generator expression") {
        "Generator expression must be parenthesized".into()
    } else if let Some(call) = python2_statement(&line_text) {
        let indent = line_text.len() - line_text.trim_start().len();
        err.col = indent as u32 + 1;
        err.end_col = line_text.trim_end().chars().count() as u32 + 1;
        format!("Missing parentheses in call to '{call}'. Did you mean {call}(...)?")
    } else {
        "invalid syntax".into()
    };
    err
}

/// `print x` / `exec x`: the Python 2 statements CPython recognises.
fn python2_statement(line: &str) -> Option<&'static str> {
    let stmt = line.trim_start();
    ["print", "exec"].into_iter().find(|kw| {
        stmt.strip_prefix(kw)
            .is_some_and(|rest| rest.starts_with(' '))
    })
}

/// For a missing block at `line_start`, how CPython names the statement that
/// opened it ("function definition", "'for' statement") and its line.
fn block_opener(src: &str, line_start: usize) -> Option<(String, usize)> {
    let (index, header) = src[..line_start]
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let t = l.trim();
            !t.is_empty() && !t.starts_with('#')
        })
        .last()?;
    let header = header.trim_start();
    let header = header.strip_prefix("async ").unwrap_or(header);
    let keyword: String = header
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let what = match keyword.as_str() {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "if" | "elif" | "else" | "for" | "while" | "with" | "try" | "except" | "finally"
        | "match" | "case" => format!("'{keyword}' statement"),
        _ => return None,
    };
    Some((what, index + 1))
}

pub fn syntax_error_at(src: &str, offset: usize, msg: &str) -> SyntaxErr {
    error_at(src, offset, msg.to_string())
}

/// An error marking `start..end` (as far as the end of its first line), as CPython
/// marks the node its compiler refuses.
pub fn syntax_error_in(src: &str, start: usize, end: usize, msg: &str) -> SyntaxErr {
    let mut err = error_at(src, start, msg.to_string());
    let marked = src.get(start..end.max(start)).unwrap_or("");
    let marked = marked.split('\n').next().unwrap_or("");
    err.end_col = err.col + marked.chars().count() as u32;
    err
}

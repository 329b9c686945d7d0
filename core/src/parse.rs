//! The front end: the only module that touches ruff's parser crates, so an upgrade of
//! them stays local. It turns source text into an AST or a `SyntaxError` description.

pub use ruff_python_ast as ast;
use ruff_source_file::LineIndex;
use ruff_text_size::TextSize;

/// A syntax error, located as CPython reports it (1-based line and column).
#[derive(Debug, Clone)]
pub struct SyntaxErr {
    pub msg: String,
    pub line: u32,
    pub col: u32,
    pub text: String,
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
    }
}

/// Reject nesting deeper than CPython accepts before the recursive parser sees it.
fn check_nesting(src: &str) -> Result<(), SyntaxErr> {
    let mut depth = 0usize;
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut quote: Option<u8> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q || b == b'\n' {
                    quote = None;
                }
            }
            None => match b {
                b'#' => {
                    while i < bytes.len() && bytes[i] != b'\n' {
                        i += 1;
                    }
                }
                b'\'' | b'"' => quote = Some(b),
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_BRACKET_DEPTH {
                        return Err(error_at(src, i, "too many nested parentheses".into()));
                    }
                }
                b')' | b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        i += 1;
    }
    Ok(())
}

pub fn parse_module(src: &str) -> Result<ast::ModModule, SyntaxErr> {
    check_nesting(src)?;
    match ruff_python_parser::parse_module(src) {
        Ok(p) => Ok(p.into_syntax()),
        Err(e) => Err(error_at(
            src,
            e.location.start().to_usize(),
            cpython_message(&e.error.to_string()),
        )),
    }
}

pub fn parse_expression(src: &str) -> Result<ast::ModExpression, SyntaxErr> {
    check_nesting(src)?;
    match ruff_python_parser::parse_expression(src) {
        Ok(p) => Ok(p.into_syntax()),
        Err(e) => Err(error_at(
            src,
            e.location.start().to_usize(),
            cpython_message(&e.error.to_string()),
        )),
    }
}

/// ruff words some errors differently from CPython; map the common ones.
fn cpython_message(msg: &str) -> String {
    if msg.starts_with("Expected an indented block") {
        return "expected an indented block".into();
    }
    if msg.starts_with("Unexpected indentation") {
        return "unexpected indent".into();
    }
    if msg.contains("missing closing quote") {
        return "unterminated string literal".into();
    }
    "invalid syntax".into()
}

pub fn syntax_error_at(src: &str, offset: usize, msg: &str) -> SyntaxErr {
    error_at(src, offset, msg.to_string())
}

//! The front end: the only module that touches ruff's parser crates, so an upgrade of
//! them stays local. It turns source text into an AST or a `SyntaxError` description.

use ast::Expr;
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

pub(crate) fn error_at(src: &str, offset: usize, msg: String) -> SyntaxErr {
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
    /// The first error CPython's tokenizer finds past the indentation: a closing
    /// bracket that closes nothing or the wrong bracket, a string not closed.
    token_error: Option<SyntaxErr>,
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
    let mut quote_start = 0;
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
                } else if !triple && b == b'\n' {
                    quote = None;
                    if out.token_error.is_none() {
                        out.token_error = Some(unterminated(src, quote_start, false));
                    }
                } else if !triple && b == q {
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
                    quote_start = i;
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
                    let opener = out.open.pop();
                    if out.token_error.is_none() {
                        out.token_error = closer_error(src, opener, i);
                    }
                }
                b if !(0x20..0x7f).contains(&b) && out.token_error.is_none() => {
                    out.token_error = non_printable(src, i)
                }
                _ => {}
            },
        }
        i += 1;
    }
    if let Some((_, triple)) = quote {
        if out.token_error.is_none() && i >= bytes.len() {
            out.token_error = Some(unterminated(src, quote_start, triple));
        }
    }
    out
}

/// The tokenizer's error for a character at `at` outside strings and comments that
/// no token can hold and that does not print (a byte-order mark, a control).
fn non_printable(src: &str, at: usize) -> Option<SyntaxErr> {
    let c = src.get(at..)?.chars().next()?;
    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\0')
        || crate::builtins::repr::is_printable(c)
    {
        return None;
    }
    let msg = format!("invalid non-printable character U+{:04X}", c as u32);
    Some(error_at(src, at, msg))
}

/// The tokenizer's error for the string whose quote is at `quote`.
fn unterminated(src: &str, quote: usize, triple: bool) -> SyntaxErr {
    let head = &src[..quote];
    let prefix = head.trim_end_matches(|c: char| "rRbBuUfF".contains(c));
    let start = if prefix.ends_with(|c: char| c.is_alphanumeric() || c == '_') {
        quote
    } else {
        prefix.len()
    };
    let line = src[..start].matches('\n').count() + 1;
    let (kind, detected) = if triple {
        ("triple-quoted string literal", src.lines().count().max(1))
    } else {
        ("string literal", line)
    };
    error_at(
        src,
        start,
        format!("unterminated {kind} (detected at line {detected})"),
    )
}

/// The tokenizer's error for the closing bracket at `at`, whose opener (if any) is
/// at `opener`.
fn closer_error(src: &str, opener: Option<usize>, at: usize) -> Option<SyntaxErr> {
    let bytes = src.as_bytes();
    let closer = bytes[at] as char;
    let Some(opener) = opener else {
        return Some(error_at(src, at, format!("unmatched '{closer}'")));
    };
    let open = bytes[opener] as char;
    if matches!((open, closer), ('(', ')') | ('[', ']') | ('{', '}')) {
        return None;
    }
    let mut msg =
        format!("closing parenthesis '{closer}' does not match opening parenthesis '{open}'");
    let open_line = src[..opener].matches('\n').count() + 1;
    let close_line = src[..at].matches('\n').count() + 1;
    if open_line != close_line {
        msg.push_str(&format!(" on line {open_line}"));
    }
    Some(error_at(src, at, msg))
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
    check_nesting(src).map_err(|e| earlier_error(src, e))?;
    ruff_python_parser::parse_module(src)
        .map(|p| p.into_syntax())
        .map_err(|e| cpython_error(src, &e))
}

/// CPython's parser reads tokens as its tokenizer makes them: a syntax error on a
/// line before the one where the tokenizer finds an indentation error (too deep,
/// ambiguous tabs) is the one reported. The source up to that line is no deeper
/// than the limits, so the parser may read it.
fn earlier_error(src: &str, nesting: SyntaxErr) -> SyntaxErr {
    // Brackets may be open at the line's start: the parser's view of a cut there
    // is not its view of the whole.
    if nesting.kind == ErrorKind::Syntax {
        return nesting;
    }
    let cut = src
        .split_inclusive('\n')
        .take(nesting.line.saturating_sub(1) as usize)
        .map(str::len)
        .sum::<usize>();
    let head = &src[..cut.min(src.len())];
    match ruff_python_parser::parse_module(head) {
        Err(e) if e.location.start().to_usize() < head.trim_end().len() => cpython_error(src, &e),
        _ => nesting,
    }
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
        // CPython's parser reports a missing block only after the tokenizer has
        // read the whole source: a tokenizer error anywhere comes first.
        if let Some(token_error) = scan(src).token_error {
            return token_error;
        }
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
        // CPython's offset counts the indentation's characters.
        let indent = line_text.len() - line_text.trim_start_matches([' ', '\t', '\x0c']).len();
        err.col = indent.max(1) as u32;
        err.kind = ErrorKind::Indentation;
        return err;
    }
    // CPython tokenizes the whole source after a parser error: a tokenizer error
    // anywhere replaces the parser's.
    let whole = scan(src);
    if let Some(token_error) = whole.token_error {
        return token_error;
    }
    // A call's keyword argument whose name is an expression.
    let after = src[end..].trim_start();
    if ruff_msg == "Expected a parameter name"
        && after.starts_with('=')
        && !after.starts_with("==")
        && !in_def_parameters(src, start)
    {
        err.end_col = 0;
        err.msg = match src[start..end].trim() {
            name @ ("True" | "False" | "None") => format!("cannot assign to {name}"),
            _ => "expression cannot contain assignment, perhaps you meant \"==\"?".into(),
        };
        return err;
    }
    // A bracket open at the end of the source is named when the parser failed on a
    // line after the bracket's (ruff stops earlier at the end: that counts too).
    let last_line = src.trim_end().lines().count() as u32;
    let bracket = whole.open.last().copied();
    let bracket_line = bracket.map_or(0, |b| src[..b].matches('\n').count() as u32 + 1);
    // Ruff stops at the end of a line in brackets; CPython's parser reads on.
    let at_line_end = src[start..].starts_with(['\n', '\r']) || start >= src.len();
    if let Some(bracket) =
        bracket.filter(|_| err.line > bracket_line || err.line >= last_line || at_line_end)
    {
        let closer = src.as_bytes()[bracket] as char;
        return error_at(src, bracket, format!("'{closer}' was never closed"));
    }
    err.end_col = token_end.unwrap_or(0);
    let in_brackets = !scan(&src[..start]).open.is_empty();
    if let Some(msg) = reworded(src, start, &ruff_msg, &mut err, in_brackets) {
        err.msg = msg;
        return err;
    }
    err.msg = if ruff_msg.starts_with("Expected `:`, found newline") {
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

/// CPython's wording of the ruff errors that have a counterpart, adjusting the
/// marked range where CPython marks another; `in_brackets` when a bracket is open
/// at the error.
fn reworded(
    src: &str,
    start: usize,
    ruff_msg: &str,
    err: &mut SyntaxErr,
    in_brackets: bool,
) -> Option<String> {
    const SAME_TEXT: &[(&str, &str)] = &[
        (
            "Expected `except` or `finally` after `try` block",
            "expected 'except' or 'finally' block",
        ),
        (
            "Expected one or more symbol names after import",
            "Expected one or more names after 'import'",
        ),
        (
            "Expected a newline after line continuation character",
            "unexpected character after line continuation character",
        ),
        (
            "Positional argument cannot follow keyword argument",
            "positional argument follows keyword argument",
        ),
        (
            "Iterable argument unpacking cannot follow keyword argument unpacking",
            "iterable argument unpacking follows keyword argument unpacking",
        ),
        (
            "Parameter without a default cannot follow a parameter with a default",
            "parameter without a default follows parameter with a default",
        ),
        (
            "Parameter cannot follow var-keyword parameter",
            "arguments cannot follow var-keyword argument",
        ),
        (
            "Expected one or more keyword parameter after `*` separator",
            "named arguments must follow bare *",
        ),
        (
            "Only one '*' parameter allowed",
            "* argument may appear only once",
        ),
        (
            "Cannot have both 'except' and 'except*' on the same 'try'",
            "cannot have both 'except' and 'except*' on the same 'try'",
        ),
        (
            "Expected one or more exception types",
            "expected one or more exception types",
        ),
        (
            "Positional patterns cannot follow keyword patterns",
            "positional patterns follow keyword patterns",
        ),
        (
            "Expected an imaginary number in complex literal pattern",
            "imaginary number required in complex literal",
        ),
        (
            "Bytes literal cannot be mixed with non-bytes literals",
            "cannot mix bytes and nonbytes literals",
        ),
        (
            "f-string: single `}` is not allowed",
            "f-string: single '}' is not allowed",
        ),
        (
            "bytes can only contain ASCII literal characters",
            "bytes can only contain ASCII literal characters",
        ),
        ("cannot use '_' as a target", "cannot use '_' as a target"),
        (
            "Expected `else`, found",
            "expected 'else' after 'if' expression",
        ),
    ];
    if let Some((_, msg)) = SAME_TEXT
        .iter()
        .find(|(ruff, _)| ruff_msg.starts_with(ruff))
    {
        if msg.starts_with("expected 'except'") && start >= src.len() {
            // At the end of the source CPython marks the end of the last line.
            let last = src.trim_end_matches(['\n', '\r']).len();
            *err = error_at(src, last, String::new());
        }
        return Some(msg.to_string());
    }
    if let Some(msg) = invalid_target(src, start, err.end_col, ruff_msg) {
        return Some(msg);
    }
    let before = previous_token(src, start);
    let found = ruff_msg
        .strip_prefix("Expected `,`, found ")
        .or_else(|| ruff_msg.strip_prefix("Expected `)`, found "));
    if let Some(found) = found {
        // Two expressions side by side in brackets; CPython lets a name before a
        // string pass as a (refused) string prefix.
        let starts_expression = matches!(
            found,
            "name"
                | "int"
                | "float"
                | "complex"
                | "string"
                | "f-string"
                | "bytes"
                | "`(`"
                | "`[`"
                | "`{`"
                | "`lambda`"
                | "`not`"
                | "`-`"
                | "`+`"
                | "`~`"
                | "`await`"
                | "`None`"
                | "`True`"
                | "`False`"
                | "`...`"
        );
        if glued_to_number(src, start) {
            return Some(invalid_decimal_literal(src, start, err));
        }
        let first = in_brackets.then(|| juxtaposed_start(src, start)).flatten();
        // A unary operator starts the second expression only with an operand.
        let operand_follows = !matches!(found, "`~`" | "`-`" | "`+`")
            || src[start + 1..]
                .trim_start()
                .starts_with(|c: char| c.is_alphanumeric() || "_([{'\".~+-".contains(c));
        if let (Some(first), true) = (first, starts_expression && operand_follows) {
            mark_from(src, first, err);
            return Some("invalid syntax. Perhaps you forgot a comma?".into());
        }
    }
    if ruff_msg == "Expected `:`, found `=`" {
        mark_from(src, before, err);
        err.end_col = 0;
        return Some("invalid syntax. Maybe you meant '==' or ':=' instead of '='?".into());
    }
    if glued_to_number(src, start) {
        return Some(invalid_decimal_literal(src, start, err));
    }
    let header = src[..start].rsplit('\n').next().unwrap_or("").trim_start();
    let header = header.strip_prefix("async ").unwrap_or(header);
    let keyword = header
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    if ruff_msg.starts_with("Expected `(`, found") && keyword == "def" {
        err.end_col = 0;
        return Some("expected '('".into());
    }
    // The statements whose ':' CPython's grammar requires outright.
    if ruff_msg.starts_with("Expected `:`, found")
        && matches!(keyword, "try" | "finally" | "else" | "def")
    {
        err.end_col = 0;
        return Some("expected ':'".into());
    }
    if ruff_msg.starts_with("Expected an identifier, but found a keyword `in`") {
        return Some("'in' expected after for-loop variables".into());
    }
    None
}

/// Whether a name starts at `offset` right after the digits of a number (`1st`,
/// `0.real`): CPython's tokenizer refuses that, except before a keyword.
fn glued_to_number(src: &str, offset: usize) -> bool {
    let head = &src[..offset.min(src.len())];
    let word_start = head
        .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        .len();
    let number = &head[word_start..];
    let rest = &src[offset.min(src.len())..];
    let next: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    const KEYWORDS: &[&str] = &["and", "or", "in", "is", "not", "if", "else", "for"];
    number.starts_with(|c: char| c.is_ascii_digit())
        && !number.starts_with("0x")
        && !number.starts_with("0X")
        && head.ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == '_')
        && !next.is_empty()
        && !KEYWORDS.contains(&next.as_str())
}

/// CPython's error for a name glued to the number before it at `start`, marking the
/// number's last character when the name starts with a letter.
fn invalid_decimal_literal(src: &str, start: usize, err: &mut SyntaxErr) -> String {
    if src[start..].starts_with(|c: char| c.is_alphabetic()) {
        let last = src[..start]
            .char_indices()
            .next_back()
            .map_or(start, |(i, _)| i);
        *err = error_at(src, last, String::new());
    }
    "invalid decimal literal".into()
}

/// Move the start of `err`'s marked range to `start` (keeping its end if that
/// stays on one line).
fn mark_from(src: &str, start: usize, err: &mut SyntaxErr) {
    let moved = error_at(src, start, String::new());
    let end_col = if moved.line == err.line {
        err.end_col
    } else {
        0
    };
    *err = SyntaxErr { end_col, ..moved };
}

/// CPython's message for an expression that cannot be assigned to, deleted or
/// augmented (ruff marks the expression).
fn invalid_target(src: &str, start: usize, end_col: u32, ruff_msg: &str) -> Option<String> {
    let action = match ruff_msg {
        "Invalid assignment target" => "assign to",
        "Invalid delete target" => "delete",
        "Invalid augmented assignment target" => "augment",
        _ => return None,
    };
    let line_end = src[start..].find('\n').map_or(src.len(), |i| start + i);
    let width = end_col.saturating_sub(error_at(src, start, String::new()).col) as usize;
    let end = src[start..line_end]
        .char_indices()
        .nth(width)
        .map_or(line_end, |(i, _)| start + i);
    let text = &src[start..end];
    // A yield parses as an expression only in parentheses.
    let parsed = ruff_python_parser::parse_expression(text)
        .or_else(|_| ruff_python_parser::parse_expression(&format!("({text})")))
        .ok()?
        .into_syntax();
    let target = &*parsed.body;
    let what = target_name(target);
    if action == "augment" {
        return Some(format!(
            "'{what}' is an illegal expression for augmented assignment"
        ));
    }
    if action == "delete" {
        return Some(format!("cannot delete {what}"));
    }
    let before = src[..start].trim_end_matches([' ', '(']);
    let after = src[end..].trim_start_matches([' ', ')']);
    let followed_by_assign = after.starts_with('=') && !after.starts_with("==");
    let chained = before.ends_with('=') && !before.ends_with("==");
    if chained && matches!(target, Expr::Yield(_) | Expr::YieldFrom(_)) {
        return Some("assignment to yield expression not possible".into());
    }
    let simple = !matches!(
        target,
        Expr::Compare(_)
            | Expr::BoolOp(_)
            | Expr::Lambda(_)
            | Expr::If(_)
            | Expr::Named(_)
            | Expr::Tuple(_)
            | Expr::List(_)
            | Expr::Generator(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::Starred(_)
    ) && !matches!(target, Expr::UnaryOp(u) if u.op == ast::UnaryOp::Not);
    if followed_by_assign && simple && !chained {
        return Some(format!(
            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
        ));
    }
    Some(format!("cannot assign to {what}"))
}

/// How CPython names a kind of expression in its errors.
fn target_name(e: &Expr) -> &'static str {
    match e {
        Expr::Attribute(_) => "attribute",
        Expr::Subscript(_) => "subscript",
        Expr::Starred(_) => "starred",
        Expr::Name(_) => "name",
        Expr::List(_) => "list",
        Expr::Tuple(_) => "tuple",
        Expr::Lambda(_) => "lambda",
        Expr::Call(_) => "function call",
        Expr::BoolOp(_) | Expr::BinOp(_) | Expr::UnaryOp(_) => "expression",
        Expr::Generator(_) => "generator expression",
        Expr::Yield(_) | Expr::YieldFrom(_) => "yield expression",
        Expr::Await(_) => "await expression",
        Expr::ListComp(_) => "list comprehension",
        Expr::SetComp(_) => "set comprehension",
        Expr::DictComp(_) => "dict comprehension",
        Expr::Dict(_) => "dict literal",
        Expr::Set(_) => "set display",
        Expr::FString(_) | Expr::TString(_) => "f-string expression",
        Expr::NoneLiteral(_) => "None",
        Expr::BooleanLiteral(b) if b.value => "True",
        Expr::BooleanLiteral(_) => "False",
        Expr::EllipsisLiteral(_) => "ellipsis",
        Expr::Compare(_) => "comparison",
        Expr::If(_) => "conditional expression",
        Expr::Named(_) => "named expression",
        _ => "literal",
    }
}

/// For an expression starting at `second` right after another in brackets, where
/// the first one starts, when CPython suggests the missing comma between them: not
/// in a `def`'s parameters, a comprehension's `in` or `if` clause, or when the first
/// starts with a soft keyword or is a name before a string (a string prefix).
fn juxtaposed_start(src: &str, second: usize) -> Option<usize> {
    const STOP_WORDS: &[&str] = &[
        "for", "if", "else", "lambda", "return", "yield", "del", "assert", "with", "as", "from",
        "import", "while", "elif", "class", "def",
    ];
    let bytes = src.as_bytes();
    let mut i = src[..second].trim_end().len();
    let mut depth = 0usize;
    let mut stop_word = "";
    while i > 0 {
        let c = bytes[i - 1];
        match c {
            b')' | b']' | b'}' => depth += 1,
            b'(' | b'[' | b'{' if depth == 0 => break,
            b'(' | b'[' | b'{' => depth -= 1,
            b'\'' | b'"' => {
                // Back over the string to its opening quote.
                let open = src[..i - 1].rfind(c as char)?;
                i = open + 1;
            }
            _ if depth > 0 => {}
            b',' | b';' | b':' => break,
            b'=' if !matches!(bytes.get(i - 2), Some(b'=' | b'<' | b'>' | b'!'))
                && bytes.get(i) != Some(&b'=') =>
            {
                break
            }
            c if c.is_ascii_alphanumeric() || c == b'_' => {
                let word_start = src[..i]
                    .trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_')
                    .len();
                if let Some(w) = STOP_WORDS.iter().find(|w| **w == &src[word_start..i]) {
                    stop_word = w;
                    break;
                }
                i = word_start + 1;
            }
            _ => {}
        }
        i -= 1;
    }
    if matches!(stop_word, "for" | "if") {
        return None;
    }
    let first = i + (src[i..].len() - src[i..].trim_start().len());
    let rest = &src[first..];
    let word_len = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let word = &rest[..word_len];
    let soft_keyword = matches!(word, "type" | "match" | "case" | "_");
    let name_then_string = !word.is_empty()
        && !word.starts_with(|c: char| c.is_ascii_digit())
        && rest[word_len..].trim_start().starts_with(['\'', '"']);
    let in_parameters = in_def_parameters(src, second);
    (!soft_keyword && !name_then_string && !in_parameters && first < second).then_some(first)
}

/// Whether the innermost bracket open at `at` holds a `def`'s parameters.
fn in_def_parameters(src: &str, at: usize) -> bool {
    scan(&src[..at]).open.last().is_some_and(|&open| {
        let before = src[..open]
            .trim_end()
            .trim_end_matches(|c: char| c.is_alphanumeric() || c == '_');
        src.as_bytes()[open] == b'(' && before.trim_end().ends_with("def") && before.ends_with(' ')
    })
}

/// Where the token before `offset` starts (a name or number; else `offset`).
fn previous_token(src: &str, offset: usize) -> usize {
    let head = src[..offset.min(src.len())].trim_end_matches([' ', '\t', '\n', '\r']);
    let word = head.trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '.');
    if word.len() < head.len() {
        word.len()
    } else {
        offset
    }
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

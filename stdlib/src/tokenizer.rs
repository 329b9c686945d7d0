//! `_tokenize_engine`: CPython's token stream (what its C tokenizer gives
//! `tokenize.py` with `extra_tokens=True`) for a whole source text, made from the
//! tokens of ruff's lexer (through core's parser front end) and rewritten to
//! CPython's conventions: token types, character columns, the physical lines of each
//! token, DEDENT and end-of-file positions, f-string middles split at doubled braces,
//! and CPython's errors. `_tokenize.TokenizerIter` (Python) reads the source and
//! hands it here. Depends on core's public API and ruff's parser crates.

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::{LexicalErrorType, ParseErrorType};
use ruff_text_size::{Ranged, TextRange};
use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

// CPython 3.13's token numbers (Lib/token.py).
const ENDMARKER: i64 = 0;
const NAME: i64 = 1;
const NUMBER: i64 = 2;
const STRING: i64 = 3;
const NEWLINE: i64 = 4;
const INDENT: i64 = 5;
const DEDENT: i64 = 6;
const OP: i64 = 55;
const FSTRING_START: i64 = 59;
const FSTRING_MIDDLE: i64 = 60;
const FSTRING_END: i64 = 61;
const COMMENT: i64 = 62;
const NL: i64 = 63;

/// The lines of the source: where each starts, by byte offset.
struct Lines<'s> {
    src: &'s str,
    starts: Vec<usize>,
}

impl<'s> Lines<'s> {
    fn new(src: &'s str) -> Self {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        if starts.last() == Some(&src.len()) && !src.is_empty() {
            starts.pop();
        }
        Lines { src, starts }
    }

    /// How many lines the source has (a last line without a newline counts).
    fn count(&self) -> usize {
        if self.src.is_empty() {
            0
        } else {
            self.starts.len()
        }
    }

    /// The 0-based line index holding byte `offset`.
    fn index(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1) - 1
    }

    /// The 1-based line and character column of byte `offset`.
    fn position(&self, offset: usize) -> (usize, usize) {
        let i = self.index(offset);
        let start = self.starts[i];
        let col = self.src.get(start..offset).map_or(0, |t| t.chars().count());
        (i + 1, col)
    }

    /// The text of lines `first..=last` (0-based), newlines included.
    fn text(&self, first: usize, last: usize) -> &'s str {
        let start = self.starts.get(first).copied().unwrap_or(self.src.len());
        let end = self.starts.get(last + 1).copied().unwrap_or(self.src.len());
        &self.src[start..end.max(start)]
    }
}

/// A token of CPython's stream, by byte range.
struct Token {
    kind: i64,
    start: usize,
    end: usize,
}

/// An error CPython's tokenizer reports: its class, message and location (1-based
/// line, 1-based column).
struct TokenizeError {
    class: &'static str,
    msg: String,
    line: usize,
    offset: usize,
}

/// One replacement field of an f-string being read: the bracket depth it opened at,
/// and whether its format spec has begun.
struct Field {
    depth: usize,
    in_spec: bool,
}

fn token_type(kind: TokenKind) -> Option<i64> {
    Some(match kind {
        TokenKind::Name => NAME,
        TokenKind::Int | TokenKind::Float | TokenKind::Complex => NUMBER,
        TokenKind::String => STRING,
        TokenKind::FStringStart => FSTRING_START,
        TokenKind::FStringMiddle => FSTRING_MIDDLE,
        TokenKind::FStringEnd => FSTRING_END,
        TokenKind::Comment => COMMENT,
        TokenKind::Newline => NEWLINE,
        TokenKind::NonLogicalNewline => NL,
        TokenKind::Indent => INDENT,
        TokenKind::Dedent => DEDENT,
        TokenKind::EndOfFile => ENDMARKER,
        TokenKind::Exclamation | TokenKind::Question => OP,
        k if k.is_keyword() => NAME,
        k if k.is_operator() => OP,
        _ => return None,
    })
}

/// CPython's wording and place for one of ruff's lexical errors at `range`.
fn cpython_error(
    lines: &Lines,
    error: &LexicalErrorType,
    range: TextRange,
) -> Option<TokenizeError> {
    let start = range.start().to_usize();
    let (line, col) = lines.position(start);
    let src = lines.src;
    let syntax = |msg: String, line: usize, offset: usize| TokenizeError {
        class: "SyntaxError",
        msg,
        line,
        offset,
    };
    Some(match error {
        LexicalErrorType::UnclosedStringError
        | LexicalErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::UnterminatedString
            | ruff_python_parser::InterpolatedStringErrorType::UnterminatedTripleQuotedString,
        ) => {
            let text = &src[start..];
            let body = text.trim_start_matches(|c: char| c.is_ascii_alphabetic());
            let triple = body.starts_with("'''") || body.starts_with("\"\"\"");
            let detected = lines.position(range.end().to_usize().min(src.len())).0;
            let kind = if triple { "triple-quoted " } else { "" };
            syntax(
                format!("unterminated {kind}string literal (detected at line {detected})"),
                line,
                col + 1,
            )
        }
        LexicalErrorType::Eof => syntax(
            "unexpected EOF in multi-line statement".into(),
            lines.count(),
            0,
        ),
        LexicalErrorType::IndentationError => {
            let text = lines
                .text(line - 1, line - 1)
                .trim_end_matches(['\n', '\r']);
            TokenizeError {
                class: "IndentationError",
                msg: "unindent does not match any outer indentation level".into(),
                line,
                offset: text.chars().count() + 1,
            }
        }
        LexicalErrorType::LineContinuationError => syntax(
            "unexpected character after line continuation character".into(),
            line,
            col + 1,
        ),
        // Other printable characters are operators, and letters outside ASCII
        // are names, to CPython's tokenizer (its parser refuses them).
        LexicalErrorType::UnrecognizedToken { tok } if !tok.is_ascii_control() => return None,
        LexicalErrorType::UnrecognizedToken { tok } => syntax(
            format!("invalid non-printable character U+{:04X}", *tok as u32),
            line,
            col + 1,
        ),
        LexicalErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::UnclosedLbrace,
        ) => syntax("f-string: expecting '}'".into(), line, col + 1),
        LexicalErrorType::FStringError(
            ruff_python_parser::InterpolatedStringErrorType::SingleRbrace,
        ) => syntax("f-string: single '}' is not allowed".into(), line, col + 1),
        LexicalErrorType::OtherError(_) if src[start..].starts_with('0') => {
            let base = match src.as_bytes().get(start + 1) {
                Some(b'x' | b'X') => "hexadecimal",
                Some(b'o' | b'O') => "octal",
                Some(b'b' | b'B') => "binary",
                _ => "decimal",
            };
            syntax(format!("invalid {base} literal"), line, col + 2)
        }
        other => syntax(other.to_string(), line, col + 1),
    })
}

/// The tokens of `src` in CPython's conventions, and the error that ends them.
fn tokenize(src: &str) -> (Vec<Token>, Option<TokenizeError>) {
    let lines = Lines::new(src);
    let parsed = ruff_python_parser::parse_unchecked(
        src,
        ruff_python_parser::ParseOptions::from(ruff_python_parser::Mode::Module),
    );
    let mut errors: Vec<(TextRange, &LexicalErrorType)> = parsed
        .errors()
        .iter()
        .filter_map(|e| match &e.error {
            ParseErrorType::Lexical(l) => Some((e.location, l)),
            _ => None,
        })
        .collect();
    errors.sort_by_key(|(r, _)| r.start());
    let mut out: Vec<Token> = Vec::new();
    let mut fields: Vec<Field> = Vec::new();
    // The bracket depth at which each f-string being read started, and whether it
    // is raw.
    let mut fstrings: Vec<(usize, bool)> = Vec::new();
    let mut depth = 0usize;
    let push = |out: &mut Vec<Token>, kind, start, end| out.push(Token { kind, start, end });
    // 3.13 has no t-strings: ruff's t-string (its nesting depth and where its quote
    // starts) is read as a name (the prefix) and a plain string.
    let mut tstring: Option<(usize, usize)> = None;
    for token in parsed.tokens().iter() {
        let kind = token.kind();
        let range = token.range();
        let (start, end) = (range.start().to_usize(), range.end().to_usize());
        match (kind, &mut tstring) {
            (TokenKind::TStringStart, Some((nesting, _))) => *nesting += 1,
            (TokenKind::TStringEnd, Some((nesting, quote))) => {
                *nesting -= 1;
                if *nesting == 0 {
                    push(&mut out, STRING, *quote, end);
                    tstring = None;
                }
            }
            (_, Some(_)) => {}
            (TokenKind::TStringStart, None) => {
                let quote = src[start..end]
                    .find(['\'', '"'])
                    .map_or(start, |q| start + q);
                push(&mut out, NAME, start, quote);
                tstring = Some((1, quote));
            }
            _ => {}
        }
        if tstring.is_some() || kind == TokenKind::TStringEnd {
            continue;
        }
        // A lexical error at or before this token ends the stream there.
        if let Some(&(at, error)) = errors.first() {
            if at.start().to_usize() <= start || kind == TokenKind::Unknown {
                errors.remove(0);
                if let Some(e) = cpython_error(&lines, error, at) {
                    return (out, Some(e));
                }
                if kind == TokenKind::Unknown {
                    push_unknown(src, &mut out, start, end);
                    continue;
                }
            }
        }
        let Some(ty) = token_type(kind) else {
            if kind == TokenKind::Unknown {
                push_unknown(src, &mut out, start, end);
            }
            continue;
        };
        if ty == NAME && out.last().is_some_and(|t| t.kind == NAME && t.end == start) {
            // The rest of a name that a letter outside ASCII interrupted.
            if let Some(t) = out.last_mut() {
                t.end = end;
            }
            continue;
        }
        match kind {
            TokenKind::Lpar | TokenKind::Lsqb | TokenKind::Lbrace => {
                // A brace at an f-string's own level, or in a format spec, opens a
                // replacement field.
                let opens_field = fstrings.last().is_some_and(|f| f.0 == depth)
                    || fields.last().is_some_and(|f| f.in_spec && f.depth == depth);
                if kind == TokenKind::Lbrace && opens_field {
                    fields.push(Field {
                        depth: depth + 1,
                        in_spec: false,
                    });
                }
                depth += 1;
            }
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                if kind == TokenKind::Rbrace && fields.last().is_some_and(|f| f.depth == depth) {
                    let field = fields.pop();
                    if field.is_some_and(|f| f.in_spec)
                        && out.last().is_some_and(|t| t.kind != FSTRING_MIDDLE)
                    {
                        // CPython ends every format spec with a middle, if empty.
                        push(&mut out, FSTRING_MIDDLE, start, start);
                    }
                }
                depth = depth.saturating_sub(1);
            }
            TokenKind::FStringStart => {
                let prefix = src[start..end].trim_end_matches(['\'', '"']);
                fstrings.push((depth, prefix.contains(['r', 'R'])));
            }
            TokenKind::FStringEnd => {
                let level = fstrings.pop().map_or(0, |f| f.0);
                if fields.last().is_some_and(|f| f.depth > level) {
                    // ruff leaves a field the string closed to its parser.
                    let (line, col) = lines.position(start);
                    let error = TokenizeError {
                        class: "SyntaxError",
                        msg: "f-string: expecting '}'".into(),
                        line,
                        offset: col + 1,
                    };
                    return (out, Some(error));
                }
            }
            TokenKind::Colon => {
                if let Some(f) = fields.last_mut() {
                    if f.depth == depth && !f.in_spec {
                        f.in_spec = true;
                    }
                }
            }
            _ => {}
        }
        if ty == FSTRING_MIDDLE {
            let raw = fstrings.last().is_some_and(|f| f.1);
            split_middle(src, start, end, raw, &mut out);
            continue;
        }
        push(&mut out, ty, start, end);
    }
    // A comment on a last line without a newline gets CPython's empty NL (ruff
    // makes none), before the DEDENTs that close the file.
    let last = out.iter().rposition(|t| t.kind != DEDENT);
    if let Some(i) = last.filter(|&i| out[i].kind == COMMENT && out[i].end == src.len()) {
        out.insert(
            i + 1,
            Token {
                kind: NL,
                start: src.len(),
                end: src.len(),
            },
        );
    }
    push(&mut out, ENDMARKER, src.len(), src.len());
    (out, None)
}

/// A character ruff does not know: a name (joined to the name it touches) when it
/// is not ASCII, else an operator.
fn push_unknown(src: &str, out: &mut Vec<Token>, start: usize, end: usize) {
    if src[start..end].is_ascii() {
        out.push(Token {
            kind: OP,
            start,
            end,
        });
    } else if let Some(t) = out.last_mut().filter(|t| t.kind == NAME && t.end == start) {
        t.end = end;
    } else {
        out.push(Token {
            kind: NAME,
            start,
            end,
        });
    }
}

/// CPython's middles stop after the first brace of a doubled `{{` / `}}` and go on
/// past the second.
fn split_middle(src: &str, start: usize, end: usize, raw: bool, out: &mut Vec<Token>) {
    let bytes = src.as_bytes();
    let mut piece = start;
    let mut i = start;
    while i < end {
        let c = bytes[i];
        if c == b'\\' && !raw {
            if bytes.get(i + 1) == Some(&b'N') && bytes.get(i + 2) == Some(&b'{') {
                // A named escape `\N{...}` ends a middle after its brace.
                let close = src[i..end].find('}').map_or(end, |k| i + k + 1);
                out.push(Token {
                    kind: FSTRING_MIDDLE,
                    start: piece,
                    end: close,
                });
                i = close;
                piece = close;
            } else {
                i += 2;
            }
        } else if (c == b'{' || c == b'}') && i + 1 < end && bytes[i + 1] == c {
            out.push(Token {
                kind: FSTRING_MIDDLE,
                start: piece,
                end: i + 1,
            });
            i += 2;
            piece = i;
        } else {
            i += 1;
        }
    }
    if piece < end {
        out.push(Token {
            kind: FSTRING_MIDDLE,
            start: piece,
            end,
        });
    }
}

/// `tokens(source)`: a list of (type, string, (line, col), (end line, end col),
/// line) tuples, and None or the error that ends them as (class name, message,
/// line, offset, text of the line).
fn tokens(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "tokens", args, 1, 1)?;
    let Value::Str(source) = &args[0] else {
        return Err(vm.type_error("tokens() argument must be str"));
    };
    let src = source.as_str();
    let lines = Lines::new(src);
    let (tokens, error) = tokenize(src);
    let eof_line = lines.count() + 1;
    let pair =
        |(l, c): (usize, usize)| Value::tuple(vec![Value::Int(l as i64), Value::Int(c as i64)]);
    let mut out = Vec::with_capacity(tokens.len());
    for (i, t) in tokens.iter().enumerate() {
        let (mut start, mut end) = (lines.position(t.start), lines.position(t.end));
        let mut string = &src[t.start..t.end];
        let mut line = lines.text(start.0 - 1, lines.index(t.end));
        match t.kind {
            INDENT => {
                start.1 = 0;
                let text = lines.text(end.0 - 1, end.0 - 1);
                let indent = text.len() - text.trim_start_matches([' ', '\t', '\x0c']).len();
                string = &text[..indent];
                end.1 = string.chars().count();
                line = text;
            }
            DEDENT | ENDMARKER => {
                // At the first token after it, or past the last line.
                match tokens[i..]
                    .iter()
                    .find(|n| n.kind != DEDENT && n.kind != ENDMARKER)
                {
                    Some(next) => {
                        start = lines.position(next.start);
                        line = lines.text(start.0 - 1, start.0 - 1);
                    }
                    None => {
                        start = (eof_line, 0);
                        line = "";
                    }
                }
                end = start;
                string = "";
            }
            NEWLINE | NL if t.start == t.end => {
                // The newline CPython supplies at the end of a last line without one.
                line = lines.text(start.0 - 1, start.0 - 1);
                end = (start.0, start.1 + 1);
            }
            NEWLINE | NL => {
                line = lines.text(start.0 - 1, start.0 - 1);
                end = (start.0, start.1 + string.chars().count());
            }
            _ => {}
        }
        out.push(Value::tuple(vec![
            Value::Int(t.kind),
            Value::str(string),
            pair(start),
            pair(end),
            Value::str(line),
        ]));
    }
    let error = match error {
        Some(e) => {
            let text = lines
                .text(e.line.saturating_sub(1), e.line.saturating_sub(1))
                .trim_end_matches(['\n', '\r']);
            Value::tuple(vec![
                Value::str(e.class),
                Value::from_string(e.msg),
                Value::Int(e.line as i64),
                Value::Int(e.offset as i64),
                Value::str(text),
            ])
        }
        None => Value::None,
    };
    Ok(Value::tuple(vec![Value::list(out), error]))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_tokenize_engine", "tokens", tokens);
    Ok(())
}

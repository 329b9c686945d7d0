//! Reading a Python source file: its bytes decoded as PEP 263 says (UTF-8, with or
//! without a BOM, unless a `coding` comment on the first or second line names
//! another encoding), and CPython's SyntaxError when they cannot be.
//!
//! The encodings known are UTF-8, ASCII, Latin-1 (ISO-8859-1), ISO-8859-15 and
//! cp1252 under their usual names; another name is CPython's "encoding problem".
//!
//! Depends on nothing but the standard library.

use std::borrow::Cow;

/// An encoding a source file may declare.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Encoding {
    Utf8,
    Ascii,
    Latin1,
    Latin9,
    Cp1252,
}

const BOM: &[u8] = b"\xef\xbb\xbf";

/// The text of source `bytes` read from `path` (named in the error), or the message
/// of the SyntaxError CPython raises for it.
pub fn decode(bytes: &[u8], path: &str) -> Result<String, String> {
    let (has_bom, body) = match bytes.strip_prefix(BOM) {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = declared_encoding(body);
    let name = declared
        .as_deref()
        .map_or(Cow::Borrowed("utf-8"), normal_name);
    let encoding = lookup(&name);
    if has_bom && encoding != Some(Encoding::Utf8) {
        return Err(format!("encoding problem: {name} with BOM"));
    }
    let encoding = encoding.ok_or_else(|| format!("encoding problem: {name}"))?;
    if encoding == Encoding::Utf8 {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(text.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                let line = body[..at].iter().filter(|&&b| b == b'\n').count() + 1;
                Err(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {path} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                ))
            }
        };
    }
    body.iter()
        .map(|&b| decode_byte(encoding, b))
        .collect::<Option<String>>()
        .ok_or_else(|| format!("encoding problem: {name}"))
}

/// The name in a `coding[:=]` comment on the first line, or on the second when the
/// first is blank or a comment.
fn declared_encoding(body: &[u8]) -> Option<String> {
    let mut lines = body.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_comment(first) {
        return Some(name);
    }
    let first = trim_blank(first);
    if first.is_empty() || first.starts_with(b"#") {
        return coding_comment(lines.next()?);
    }
    None
}

fn trim_blank(line: &[u8]) -> &[u8] {
    let start = line
        .iter()
        .position(|b| !b" \t\x0c\r".contains(b))
        .unwrap_or(line.len());
    &line[start..]
}

/// PEP 263's `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`.
fn coding_comment(line: &[u8]) -> Option<String> {
    let start = line.iter().position(|b| !b" \t\x0c".contains(b))?;
    let comment = line[start..].strip_prefix(b"#")?;
    let at = comment
        .windows(7)
        .position(|w| w.starts_with(b"coding") && matches!(w[6], b':' | b'='))?;
    let rest = &comment[at + 7..];
    let rest = &rest[rest
        .iter()
        .position(|b| !b" \t".contains(b))
        .unwrap_or(rest.len())..];
    let len = rest
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || b"-_.".contains(&b)))
        .unwrap_or(rest.len());
    (len > 0).then(|| String::from_utf8_lossy(&rest[..len]).into_owned())
}

/// CPython's tokenizer's normalisation: the UTF-8 and Latin-1 spellings become
/// `utf-8` and `iso-8859-1`; other names are kept as written.
fn normal_name(name: &str) -> Cow<'_, str> {
    let folded: String = name
        .chars()
        .take(12)
        .map(|c| match c {
            '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    let is = |base: &str| folded == base || folded.starts_with(&format!("{base}-"));
    if is("utf-8") {
        Cow::Borrowed("utf-8")
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        Cow::Borrowed("iso-8859-1")
    } else {
        Cow::Borrowed(name)
    }
}

/// The codec registry's lookup, for the encodings known here: case and the
/// separators `-`, `_` and space do not matter.
fn lookup(name: &str) -> Option<Encoding> {
    let key: String = name
        .chars()
        .filter(|c| !matches!(c, '-' | '_' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    Some(match key.as_str() {
        "utf8" | "u8" | "utf" | "cp65001" => Encoding::Utf8,
        "ascii" | "usascii" | "646" | "us" => Encoding::Ascii,
        "latin1" | "latin" | "l1" | "iso88591" | "8859" | "cp819" | "isolatin1" => Encoding::Latin1,
        "iso885915" | "latin9" | "l9" => Encoding::Latin9,
        "cp1252" | "windows1252" => Encoding::Cp1252,
        _ => return None,
    })
}

/// One byte of a single-byte encoding, or None where it has no character.
fn decode_byte(encoding: Encoding, b: u8) -> Option<char> {
    let latin1 = char::from(b);
    match encoding {
        Encoding::Utf8 | Encoding::Ascii => b.is_ascii().then_some(latin1),
        Encoding::Latin1 => Some(latin1),
        Encoding::Latin9 => Some(match b {
            0xa4 => '\u{20ac}',
            0xa6 => '\u{160}',
            0xa8 => '\u{161}',
            0xb4 => '\u{17d}',
            0xb8 => '\u{17e}',
            0xbc => '\u{152}',
            0xbd => '\u{153}',
            0xbe => '\u{178}',
            _ => latin1,
        }),
        Encoding::Cp1252 => match b {
            0x80..=0x9f => CP1252_HIGH[(b - 0x80) as usize],
            _ => Some(latin1),
        },
    }
}

/// cp1252's bytes 0x80-0x9f; the five it leaves undefined are None.
const CP1252_HIGH: [Option<char>; 32] = {
    const N: Option<char> = None;
    const fn c(x: char) -> Option<char> {
        Some(x)
    }
    [
        c('\u{20ac}'),
        N,
        c('\u{201a}'),
        c('\u{192}'),
        c('\u{201e}'),
        c('\u{2026}'),
        c('\u{2020}'),
        c('\u{2021}'),
        c('\u{2c6}'),
        c('\u{2030}'),
        c('\u{160}'),
        c('\u{2039}'),
        c('\u{152}'),
        N,
        c('\u{17d}'),
        N,
        N,
        c('\u{2018}'),
        c('\u{2019}'),
        c('\u{201c}'),
        c('\u{201d}'),
        c('\u{2022}'),
        c('\u{2013}'),
        c('\u{2014}'),
        c('\u{2dc}'),
        c('\u{2122}'),
        c('\u{161}'),
        c('\u{203a}'),
        c('\u{153}'),
        N,
        c('\u{17e}'),
        c('\u{178}'),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_are_found_where_pep_263_looks() {
        assert_eq!(
            declared_encoding(b"# -*- coding: latin-1 -*-\nx"),
            Some("latin-1".into())
        );
        assert_eq!(
            declared_encoding(b"#!/bin/sh\n# vim: set fileencoding=cp1252 :\n"),
            Some("cp1252".into())
        );
        assert_eq!(declared_encoding(b"x = 1\n# coding: latin-1\n"), None);
        assert_eq!(declared_encoding(b"print(1)  # coding: latin-1\n"), None);
    }

    #[test]
    fn sources_decode_as_cpython_decodes_them() {
        assert_eq!(
            decode(b"# coding: latin-1\nx='\xe9'", "f").unwrap(),
            "# coding: latin-1\nx='\u{e9}'"
        );
        assert_eq!(
            decode(b"# coding=cp1252\n'\x80'", "f").unwrap(),
            "# coding=cp1252\n'\u{20ac}'"
        );
        assert_eq!(decode(b"\xef\xbb\xbfx=1", "f").unwrap(), "x=1");
        assert_eq!(
            decode(b"# coding: foo\n", "f").unwrap_err(),
            "encoding problem: foo"
        );
        assert_eq!(
            decode(b"\xef\xbb\xbf# coding: latin-1\n", "f").unwrap_err(),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert_eq!(
            decode(b"# coding: cp1252\n'\x81'", "f").unwrap_err(),
            "encoding problem: cp1252"
        );
        assert!(decode(b"x=1\n\ny='\xff'", "/p.py").unwrap_err().starts_with("Non-UTF-8 code starting with '\\xff' in file /p.py on line 3, but no encoding declared"));
    }
}

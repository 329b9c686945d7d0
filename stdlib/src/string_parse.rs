//! `_string`: the parsing behind `string.Formatter` — `formatter_parser` splits a
//! format string into (literal, field name, format spec, conversion) steps and
//! `formatter_field_name_split` a field name into its first part and its
//! attribute / index accesses, with CPython's ValueErrors. The steps are found when
//! the function is called and handed out by a list iterator. Depends on core's public
//! API only.

use tripwire_core::builtins::{add_function, check_args};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

/// One step of a format string: literal text, then the field that follows it.
struct Step {
    literal: String,
    /// (name, spec, conversion), when a field follows.
    field: Option<(String, String, Option<char>)>,
}

/// Split `text` into steps; the message of CPython's ValueError where it is
/// malformed.
fn parse_format(text: &str) -> Result<Vec<Step>, &'static str> {
    let chars: Vec<char> = text.chars().collect();
    let mut steps = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut literal = String::new();
        let mut field = None;
        while i < chars.len() {
            let c = chars[i];
            i += 1;
            if c != '{' && c != '}' {
                literal.push(c);
                continue;
            }
            if chars.get(i) == Some(&c) {
                // A doubled brace ends the step with one brace of text.
                literal.push(c);
                i += 1;
                break;
            }
            if c == '}' {
                return Err("Single '}' encountered in format string");
            }
            if i == chars.len() {
                return Err("Single '{' encountered in format string");
            }
            field = Some(parse_field(&chars, &mut i)?);
            break;
        }
        steps.push(Step { literal, field });
    }
    Ok(steps)
}

/// The field after a `{` at `*i`, which is left past its closing `}`.
fn parse_field(
    chars: &[char],
    i: &mut usize,
) -> Result<(String, String, Option<char>), &'static str> {
    let mut name = String::new();
    let mut end = None;
    while *i < chars.len() {
        let c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err("unexpected '{' in field name"),
            // An index may hold any character up to its `]`.
            '[' => {
                name.push(c);
                while *i < chars.len() {
                    let d = chars[*i];
                    *i += 1;
                    name.push(d);
                    if d == ']' {
                        break;
                    }
                }
            }
            '}' | ':' | '!' => {
                end = Some(c);
                break;
            }
            _ => name.push(c),
        }
    }
    let Some(mut end) = end else {
        return Err("expected '}' before end of string");
    };
    let mut conversion = None;
    if end == '!' {
        let Some(&c) = chars.get(*i) else {
            return Err("end of string while looking for conversion specifier");
        };
        conversion = Some(c);
        *i += 1;
        match chars.get(*i) {
            None => return Err("unmatched '{' in format spec"),
            Some(&next @ ('}' | ':')) => {
                *i += 1;
                end = next;
            }
            Some(_) => return Err("expected ':' after conversion specifier"),
        }
    }
    let mut spec = String::new();
    if end == ':' {
        let mut depth = 1;
        loop {
            let Some(&c) = chars.get(*i) else {
                return Err("unmatched '{' in format spec");
            };
            *i += 1;
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            spec.push(c);
        }
    }
    Ok((name, spec, conversion))
}

/// A field name's part as CPython gives it: an int when it is all digits.
fn name_part(part: &str) -> Value {
    if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = part.parse::<i64>() {
            return Value::Int(n);
        }
    }
    Value::str(part)
}

/// `formatter_parser(format_string)`: an iterator of (literal, field name, format
/// spec, conversion) tuples, the last three None where no field follows.
fn formatter_parser(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "formatter_parser", args, 1, 1)?;
    let Some(text) = args[0].as_str() else {
        return Err(vm.type_error(format!("expected str, got {}", vm.type_name(&args[0]))));
    };
    let steps = parse_format(text.as_str()).map_err(|m| vm.value_error(m))?;
    let items = steps
        .into_iter()
        .map(|step| {
            let (name, spec, conversion) = match step.field {
                Some((name, spec, conversion)) => (
                    Value::from_string(name),
                    Value::from_string(spec),
                    conversion.map_or(Value::None, |c| Value::from_string(c.to_string())),
                ),
                None => (Value::None, Value::None, Value::None),
            };
            Value::tuple(vec![
                Value::from_string(step.literal),
                name,
                spec,
                conversion,
            ])
        })
        .collect();
    vm.get_iter(&Value::list(items))
}

/// `formatter_field_name_split(field_name)`: its first part and an iterator of
/// (is_attribute, key) for each `.name` and `[key]` after it.
fn formatter_field_name_split(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "formatter_field_name_split", args, 1, 1)?;
    let Some(text) = args[0].as_str() else {
        return Err(vm.type_error(format!("expected str, got {}", vm.type_name(&args[0]))));
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let first_end = chars
        .iter()
        .position(|c| *c == '.' || *c == '[')
        .unwrap_or(chars.len());
    let first: String = chars[..first_end].iter().collect();
    let mut rest = Vec::new();
    let mut i = first_end;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        let start = i;
        let (is_attribute, key) = if c == '.' {
            while i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                i += 1;
            }
            (true, chars[start..i].iter().collect::<String>())
        } else if c == '[' {
            while i < chars.len() && chars[i] != ']' {
                i += 1;
            }
            if i == chars.len() {
                return Err(vm.value_error("Missing ']' in format string"));
            }
            let key: String = chars[start..i].iter().collect();
            i += 1;
            if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                return Err(
                    vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                );
            }
            (false, key)
        } else {
            return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
        };
        if key.is_empty() {
            return Err(vm.value_error("Empty attribute in format string"));
        }
        let key = if is_attribute {
            Value::from_string(key)
        } else {
            name_part(&key)
        };
        rest.push(Value::tuple(vec![Value::Bool(is_attribute), key]));
    }
    let rest = vm.get_iter(&Value::list(rest))?;
    Ok(Value::tuple(vec![name_part(&first), rest]))
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_string", "formatter_parser", formatter_parser);
    add_function(
        vm,
        d,
        "_string",
        "formatter_field_name_split",
        formatter_field_name_split,
    );
    Ok(())
}

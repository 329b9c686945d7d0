//! `_csv_engine`: the character loops of `_csv` (`py/_csv.py` holds the Dialect,
//! reader and writer objects and the registry). An engine is made from a validated
//! dialect; it parses lines into records with CPython 3.13's state machine (quoted
//! fields across lines, escapes, `strict`, the field size limit, the conversions of
//! QUOTE_NONNUMERIC / QUOTE_STRINGS / QUOTE_NOTNULL) and joins rows into lines with
//! CPython's quoting and escaping. Errors are the `_csv.Error` class given at
//! creation. Depends on core's public API.

use std::cell::RefCell;
use std::rc::Rc;
use tripwire_core::builtins::{add_function, arg_int, check_args, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, Object, PyCell, PyStr, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// The quoting styles, numbered as the module's `QUOTE_*` constants.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Quoting {
    Minimal,
    All,
    NonNumeric,
    None,
    Strings,
    NotNull,
}

impl Quoting {
    fn from_number(n: i64) -> Option<Quoting> {
        Some(match n {
            0 => Quoting::Minimal,
            1 => Quoting::All,
            2 => Quoting::NonNumeric,
            3 => Quoting::None,
            4 => Quoting::Strings,
            5 => Quoting::NotNull,
            _ => return None,
        })
    }
}

/// Where the parser is in a record.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    StartRecord,
    StartField,
    EscapedChar,
    InField,
    InQuotedField,
    EscapeInQuotedField,
    QuoteInQuotedField,
    EatCrNl,
    AfterEscapedCrNl,
}

/// One input to the state machine: a character of the line, or the line's end.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Input {
    Char(char),
    EndOfLine,
}

/// A dialect's settings, as `_csv.Dialect` validated them.
struct Settings {
    delimiter: char,
    quotechar: Option<char>,
    escapechar: Option<char>,
    doublequote: bool,
    skipinitialspace: bool,
    strict: bool,
    quoting: Quoting,
    lineterminator: Rc<PyStr>,
    /// The `_csv.Error` class.
    error: Value,
}

/// A record being parsed.
struct Record {
    state: State,
    fields: Vec<Value>,
    field: String,
    field_chars: usize,
    /// No quote was seen in the current field (it may become None or a float).
    unquoted: bool,
}

impl Record {
    fn new() -> Self {
        Record {
            state: State::StartRecord,
            fields: Vec::new(),
            field: String::new(),
            field_chars: 0,
            unquoted: true,
        }
    }
}

/// The native data of an engine object.
struct Engine {
    settings: Settings,
    record: RefCell<Record>,
}

thread_local! {
    /// The type of engine objects (one interpreter per thread).
    static ENGINE_TYPE: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = native_type(vm, "_csv", "Engine", false, None, &[]);
    ENGINE_TYPE.with(|slot| *slot.borrow_mut() = Some(t));
    add_function(vm, d, "_csv_engine", "new_engine", new_engine);
    add_function(vm, d, "_csv_engine", "feed", feed);
    add_function(vm, d, "_csv_engine", "finish", finish);
    add_function(vm, d, "_csv_engine", "join", join);
    Ok(())
}

/// `_csv.Error(message)`.
fn csv_error(vm: &mut Vm, error: &Value, message: String) -> PyErr {
    match vm.call(error, &[Value::from_string(message)], &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

/// A one-character setting: a str of one character, or None.
fn char_setting(v: &Value) -> Option<char> {
    match v {
        Value::Str(s) => s.as_str().chars().next(),
        _ => None,
    }
}

/// `new_engine(delimiter, quotechar, escapechar, doublequote, skipinitialspace,
/// strict, quoting, lineterminator, error)`, from a validated dialect.
fn new_engine(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "new_engine", args, 9, 9)?;
    let Some(delimiter) = char_setting(&args[0]) else {
        return Err(vm.type_error("\"delimiter\" must be a 1-character string"));
    };
    let quoting = arg_int(vm, &args[6])?;
    let Some(quoting) = Quoting::from_number(quoting) else {
        return Err(vm.type_error("bad \"quoting\" value"));
    };
    let Value::Str(lineterminator) = &args[7] else {
        return Err(vm.type_error("lineterminator must be set"));
    };
    let settings = Settings {
        delimiter,
        quotechar: char_setting(&args[1]),
        escapechar: char_setting(&args[2]),
        doublequote: vm.truthy(&args[3])?,
        skipinitialspace: vm.truthy(&args[4])?,
        strict: vm.truthy(&args[5])?,
        quoting,
        lineterminator: lineterminator.clone(),
        error: args[8].clone(),
    };
    let engine = Engine {
        settings,
        record: RefCell::new(Record::new()),
    };
    let Some(t) = ENGINE_TYPE.with(|t| t.borrow().clone()) else {
        return Err(vm.runtime_error("_csv_engine is not initialised"));
    };
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(engine))),
    ))
}

/// The engine object an argument holds.
fn engine_object(vm: &Vm, v: &Value) -> PyResult<Rc<Object>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Native(cell) if (**cell.borrow()).as_any().is::<Engine>() => Ok(o.clone()),
            _ => Err(vm.type_error("expected a csv engine")),
        },
        _ => Err(vm.type_error("expected a csv engine")),
    }
}

/// Run `f` on the engine in `obj` (checked by `engine_object`).
fn with_engine<R>(obj: &Object, f: impl FnOnce(&Engine) -> R) -> Option<R> {
    let ObjKind::Native(cell) = &obj.kind else {
        return None;
    };
    let data = cell.borrow();
    (**data).as_any().downcast_ref::<Engine>().map(f)
}

/// The field size limit argument.
fn limit_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    Ok(usize::try_from(arg_int(vm, v)?).unwrap_or(0))
}

/// `feed(engine, line, limit)`: parse one line; the record's fields once it is
/// complete, else None (a quoted field goes on in the next line). A new record
/// starts after a complete one.
fn feed(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "feed", args, 3, 3)?;
    let obj = engine_object(vm, &args[0])?;
    let Value::Str(line) = &args[1] else {
        return Err(vm.type_error("feed() needs a str"));
    };
    let limit = limit_arg(vm, &args[2])?;
    let result = with_engine(&obj, |engine| {
        let mut record = engine.record.borrow_mut();
        let mut parser = Parser {
            settings: &engine.settings,
            record: &mut record,
            limit,
        };
        for c in line.as_str().chars() {
            parser.process(vm, Input::Char(c))?;
        }
        parser.process(vm, Input::EndOfLine)?;
        Ok(parser.take_if_complete())
    });
    let taken = result.unwrap_or_else(|| Err(vm.type_error("expected a csv engine")));
    taken.map(|fields| fields.map_or(Value::None, Value::list))
}

/// `finish(engine, limit)`: at the end of the input, the fields of a record left
/// open (its last field saved), None when there is none; in strict mode an open
/// record is an Error.
fn finish(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "finish", args, 2, 2)?;
    let obj = engine_object(vm, &args[0])?;
    let limit = limit_arg(vm, &args[1])?;
    let result = with_engine(&obj, |engine| {
        let mut record = engine.record.borrow_mut();
        let open = record.field_chars != 0 || record.state == State::InQuotedField;
        if !open {
            *record = Record::new();
            return Ok(None);
        }
        if engine.settings.strict {
            *record = Record::new();
            return Err(csv_error(
                vm,
                &engine.settings.error,
                "unexpected end of data".into(),
            ));
        }
        let mut parser = Parser {
            settings: &engine.settings,
            record: &mut record,
            limit,
        };
        parser.save_field(vm)?;
        let fields = std::mem::take(&mut parser.record.fields);
        *parser.record = Record::new();
        Ok(Some(fields))
    });
    let taken = result.unwrap_or_else(|| Err(vm.type_error("expected a csv engine")));
    taken.map(|fields| fields.map_or(Value::None, Value::list))
}

/// The state machine over one record.
struct Parser<'a> {
    settings: &'a Settings,
    record: &'a mut Record,
    limit: usize,
}

impl Parser<'_> {
    fn error(&mut self, vm: &mut Vm, message: String) -> PyErr {
        *self.record = Record::new();
        csv_error(vm, &self.settings.error, message)
    }

    fn add_char(&mut self, vm: &mut Vm, c: char) -> PyResult<()> {
        if self.record.field_chars >= self.limit {
            let message = format!("field larger than field limit ({})", self.limit);
            return Err(self.error(vm, message));
        }
        self.record.field.push(c);
        self.record.field_chars += 1;
        Ok(())
    }

    /// End the current field: a str, or None / a float as the quoting asks.
    fn save_field(&mut self, vm: &mut Vm) -> PyResult<()> {
        let text = std::mem::take(&mut self.record.field);
        let unquoted = std::mem::replace(&mut self.record.unquoted, true);
        let empty = std::mem::replace(&mut self.record.field_chars, 0) == 0;
        let quoting = self.settings.quoting;
        let value = if unquoted && empty && matches!(quoting, Quoting::NotNull | Quoting::Strings) {
            Value::None
        } else if unquoted && !empty && matches!(quoting, Quoting::NonNumeric | Quoting::Strings) {
            let float = Value::Type(vm.types.float.clone());
            match vm.call(&float, &[Value::from_string(text)], &[]) {
                Ok(v) => v,
                Err(e) => {
                    *self.record = Record::new();
                    return Err(e);
                }
            }
        } else {
            Value::from_string(text)
        };
        self.record.fields.push(value);
        Ok(())
    }

    /// The record's fields when the machine is back at the start of a record.
    fn take_if_complete(&mut self) -> Option<Vec<Value>> {
        if self.record.state != State::StartRecord {
            return None;
        }
        let fields = std::mem::take(&mut self.record.fields);
        *self.record = Record::new();
        Some(fields)
    }

    /// The state after a field ended at a line break or the end of the line.
    fn after_line_end(input: Input) -> State {
        if input == Input::EndOfLine {
            State::StartRecord
        } else {
            State::EatCrNl
        }
    }

    fn process(&mut self, vm: &mut Vm, input: Input) -> PyResult<()> {
        let s = self.settings;
        let c = match input {
            Input::Char(c) => Some(c),
            Input::EndOfLine => None,
        };
        let is_newline = matches!(c, Some('\n' | '\r'));
        let is = |setting: Option<char>| c.is_some() && c == setting;
        let quote_active = is(s.quotechar) && s.quoting != Quoting::None;
        let mut state = self.record.state;
        if state == State::StartRecord {
            if input == Input::EndOfLine {
                return Ok(());
            }
            if is_newline {
                self.record.state = State::EatCrNl;
                return Ok(());
            }
            state = State::StartField;
            self.record.state = state;
        }
        if state == State::AfterEscapedCrNl {
            if input == Input::EndOfLine {
                return Ok(());
            }
            state = State::InField;
        }
        match state {
            State::StartField => {
                if is_newline || input == Input::EndOfLine {
                    self.save_field(vm)?;
                    self.record.state = Self::after_line_end(input);
                } else if quote_active {
                    self.record.unquoted = false;
                    self.record.state = State::InQuotedField;
                } else if is(s.escapechar) {
                    self.record.state = State::EscapedChar;
                } else if c == Some(' ') && s.skipinitialspace {
                } else if c == Some(s.delimiter) {
                    self.save_field(vm)?;
                } else if let Some(c) = c {
                    self.add_char(vm, c)?;
                    self.record.state = State::InField;
                }
            }
            State::EscapedChar => {
                if is_newline {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.record.state = State::AfterEscapedCrNl;
                } else {
                    self.add_char(vm, c.unwrap_or('\n'))?;
                    self.record.state = State::InField;
                }
            }
            State::InField => {
                // Also AfterEscapedCrNl, which stays so until the record ends.
                if is_newline || input == Input::EndOfLine {
                    self.save_field(vm)?;
                    self.record.state = Self::after_line_end(input);
                } else if is(s.escapechar) {
                    self.record.state = State::EscapedChar;
                } else if c == Some(s.delimiter) {
                    self.save_field(vm)?;
                    self.record.state = State::StartField;
                } else if let Some(c) = c {
                    self.add_char(vm, c)?;
                }
            }
            State::InQuotedField => {
                if input == Input::EndOfLine {
                } else if is(s.escapechar) {
                    self.record.state = State::EscapeInQuotedField;
                } else if quote_active {
                    self.record.state = if s.doublequote {
                        State::QuoteInQuotedField
                    } else {
                        State::InField
                    };
                } else if let Some(c) = c {
                    self.add_char(vm, c)?;
                }
            }
            State::EscapeInQuotedField => {
                self.add_char(vm, c.unwrap_or('\n'))?;
                self.record.state = State::InQuotedField;
            }
            State::QuoteInQuotedField => {
                if quote_active {
                    self.add_char(vm, c.unwrap_or('"'))?;
                    self.record.state = State::InQuotedField;
                } else if c == Some(s.delimiter) {
                    self.save_field(vm)?;
                    self.record.state = State::StartField;
                } else if is_newline || input == Input::EndOfLine {
                    self.save_field(vm)?;
                    self.record.state = Self::after_line_end(input);
                } else if !s.strict {
                    if let Some(c) = c {
                        self.add_char(vm, c)?;
                    }
                    self.record.state = State::InField;
                } else {
                    let quote = s.quotechar.map(String::from).unwrap_or_default();
                    let message = format!("'{}' expected after '{quote}'", s.delimiter);
                    return Err(self.error(vm, message));
                }
            }
            State::EatCrNl => {
                if is_newline {
                } else if input == Input::EndOfLine {
                    self.record.state = State::StartRecord;
                } else {
                    return Err(self.error(
                        vm,
                        "new-line character seen in unquoted field - do you need to open the \
                         file with newline=''?"
                            .into(),
                    ));
                }
            }
            State::StartRecord | State::AfterEscapedCrNl => {}
        }
        Ok(())
    }
}

/// Whether CPython's `PyNumber_Check` holds: ints, floats, complex numbers and
/// objects whose type converts to a number.
fn is_number(vm: &mut Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) => true,
        Value::Str(_) | Value::None => false,
        _ => {
            let t = vm.type_of(v);
            ["__index__", "__int__", "__float__", "__complex__"]
                .iter()
                .any(|name| t.lookup(&vm.intern(name)).is_some())
        }
    }
}

/// The text a field is written as: a str's own characters (a subclass's too), None
/// for None, else `str(field)`.
fn field_text(vm: &mut Vm, field: &Value) -> PyResult<Option<Rc<PyStr>>> {
    match field {
        Value::Str(s) => Ok(Some(s.clone())),
        Value::None => Ok(None),
        _ => match vm.builtin_base(field) {
            Some(Value::Str(s)) => Ok(Some(s)),
            _ => vm.to_str(field).map(Some),
        },
    }
}

/// A record being written.
struct Line<'a> {
    settings: &'a Settings,
    text: String,
    fields: usize,
}

impl Line<'_> {
    /// Append one field, quoted when `quoted` or when a character needs it, its
    /// special characters doubled or escaped.
    fn append(&mut self, vm: &mut Vm, field: Option<&str>, mut quoted: bool) -> PyResult<()> {
        let s = self.settings;
        let field = field.unwrap_or("");
        let mut body = String::with_capacity(field.len());
        for c in field.chars() {
            let special = c == s.delimiter
                || Some(c) == s.escapechar
                || Some(c) == s.quotechar
                || c == '\n'
                || c == '\r'
                || s.lineterminator.as_str().contains(c);
            if special {
                let mut escape = false;
                if s.quoting == Quoting::None {
                    escape = true;
                } else {
                    if Some(c) == s.quotechar {
                        if s.doublequote {
                            body.push(c);
                        } else {
                            escape = true;
                        }
                    } else if Some(c) == s.escapechar {
                        escape = true;
                    }
                    if !escape {
                        quoted = true;
                    }
                }
                if escape {
                    let Some(escapechar) = s.escapechar else {
                        return Err(csv_error(
                            vm,
                            &s.error,
                            "need to escape, but no escapechar set".into(),
                        ));
                    };
                    body.push(escapechar);
                }
            }
            body.push(c);
        }
        if self.fields > 0 {
            self.text.push(s.delimiter);
        }
        let quote = s.quotechar.filter(|_| quoted);
        self.text.extend(quote);
        self.text.push_str(&body);
        self.text.extend(quote);
        self.fields += 1;
        Ok(())
    }
}

/// `join(engine, row)`: the line `row` is written as, with the line terminator.
fn join(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "join", args, 2, 2)?;
    let obj = engine_object(vm, &args[0])?;
    let result = with_engine(&obj, |engine| join_row(vm, &engine.settings, &args[1]));
    result.unwrap_or_else(|| Err(vm.type_error("expected a csv engine")))
}

fn join_row(vm: &mut Vm, settings: &Settings, row: &Value) -> PyResult<Value> {
    let items = match vm.get_iter(row) {
        Ok(it) => it,
        Err(e) if vm.err_matches(&e, &vm.types.type_error.clone()) => {
            let message = format!("iterable expected, not {}", vm.type_name(row));
            return Err(csv_error(vm, &settings.error, message));
        }
        Err(e) => return Err(e),
    };
    let mut line = Line {
        settings,
        text: String::new(),
        fields: 0,
    };
    let mut last_is_none = false;
    while let Some(field) = vm.next(&items)? {
        last_is_none = field.is_none();
        let mut quoted = match settings.quoting {
            Quoting::NonNumeric => !is_number(vm, &field),
            Quoting::All => true,
            Quoting::Strings => {
                matches!(field, Value::Str(_))
                    || matches!(vm.builtin_base(&field), Some(Value::Str(_)))
            }
            Quoting::NotNull => !field.is_none(),
            Quoting::Minimal | Quoting::None => false,
        };
        let text = field_text(vm, &field)?;
        let empty = text.as_ref().is_none_or(|t| t.as_str().is_empty());
        if empty && settings.delimiter == ' ' && settings.skipinitialspace {
            let unquotable = settings.quoting == Quoting::None
                || (field.is_none()
                    && matches!(settings.quoting, Quoting::Strings | Quoting::NotNull));
            if unquotable {
                return Err(csv_error(
                    vm,
                    &settings.error,
                    "empty field must be quoted if delimiter is a space and skipinitialspace \
                     is true"
                        .into(),
                ));
            }
            quoted = true;
        }
        line.append(vm, text.as_ref().map(|t| t.as_str()), quoted)?;
    }
    if line.fields > 0 && line.text.is_empty() {
        // A lone None is written unquoted by the quotings that single it out.
        let unquotable = settings.quoting == Quoting::None
            || (last_is_none && matches!(settings.quoting, Quoting::Strings | Quoting::NotNull));
        if unquotable {
            return Err(csv_error(
                vm,
                &settings.error,
                "single empty field record must be quoted".into(),
            ));
        }
        line.fields -= 1;
        line.append(vm, None, true)?;
    }
    line.text.push_str(settings.lineterminator.as_str());
    Ok(Value::from_string(line.text))
}

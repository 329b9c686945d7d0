//! `_sqlite3_engine`: the native half of `_sqlite3` (stdlib/src/py/_sqlite3.py), on
//! the `rusqlite` crate with SQLite bundled. Here live the open database, one
//! statement run from binding to its last row, scripts, and user functions called
//! back from SQLite; Connection, Cursor and Row are Python code over these.
//! Errors from SQLite become the exception the Python half's error factory builds
//! from (extended code, message); misuse found here goes to it by class name.
//! Depends on core's public API.

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::types::{Value as SqlValue, ValueRef};
use rusqlite::{Connection, OpenFlags};
use std::cell::{Cell, RefCell};
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, arg_int, check_args, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyErr, PyResult, Vm};

/// An open database; None once closed.
struct Db(RefCell<Option<Connection>>);

thread_local! {
    static DB_TYPE: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
    /// `error_factory(code_or_class_name, message)` of the Python half.
    static ERROR_FACTORY: RefCell<Option<Value>> = const { RefCell::new(None) };
    /// The Vm a statement runs under, for the user functions SQLite calls back
    /// while it steps; null outside a run.
    static RUNNING_VM: Cell<*mut Vm> = const { Cell::new(std::ptr::null_mut()) };
}

fn db_type(vm: &mut Vm) -> TypeRef {
    if let Some(t) = DB_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = native_type(vm, "_sqlite3", "Database", true, None, &[]);
    DB_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

/// The exception the Python half makes of `kind` (an SQLite extended result code,
/// or the name of one of its classes) and `message`.
fn error(vm: &mut Vm, kind: Value, message: &str) -> PyErr {
    let Some(factory) = ERROR_FACTORY.with(|f| f.borrow().clone()) else {
        return vm.new_error(&vm.types.runtime_error.clone(), message);
    };
    match vm.call(&factory, &[kind, Value::str(message)], &[]) {
        Ok(exc) => PyErr::from_value(exc),
        Err(e) => e,
    }
}

fn interface_error(vm: &mut Vm, class: &str, message: &str) -> PyErr {
    error(vm, Value::str(class), message)
}

fn sqlite_error(vm: &mut Vm, e: rusqlite::Error) -> PyErr {
    match e {
        rusqlite::Error::SqliteFailure(code, message) => {
            let text = message.unwrap_or_else(|| code.to_string());
            error(vm, Value::Int(code.extended_code as i64), &text)
        }
        rusqlite::Error::SqlInputError {
            error: code, msg, ..
        } => error(vm, Value::Int(code.extended_code as i64), &msg),
        rusqlite::Error::MultipleStatement => interface_error(
            vm,
            "ProgrammingError",
            "You can only execute one statement at a time.",
        ),
        rusqlite::Error::NulError(_) => interface_error(
            vm,
            "ProgrammingError",
            "the query contains a null character",
        ),
        other => interface_error(vm, "OperationalError", &other.to_string()),
    }
}

/// Runs `f` on the open connection behind `db`.
fn with_conn<R>(
    vm: &mut Vm,
    db: &Value,
    f: impl FnOnce(&mut Vm, &Connection) -> PyResult<R>,
) -> PyResult<R> {
    let Value::Obj(obj) = db else {
        return Err(vm.type_error("expected a database"));
    };
    let ObjKind::Native(cell) = &obj.kind else {
        return Err(vm.type_error("expected a database"));
    };
    let data = cell.borrow();
    let Some(Db(conn)) = (**data).as_any().downcast_ref::<Db>() else {
        return Err(vm.type_error("expected a database"));
    };
    let Ok(guard) = conn.try_borrow() else {
        return Err(interface_error(
            vm,
            "ProgrammingError",
            "Cannot operate on a closed database.",
        ));
    };
    match guard.as_ref() {
        Some(c) => f(vm, c),
        None => Err(interface_error(
            vm,
            "ProgrammingError",
            "Cannot operate on a closed database.",
        )),
    }
}

fn str_arg<'a>(vm: &Vm, v: &'a Value, what: &str) -> PyResult<&'a str> {
    match v {
        Value::Str(s) => Ok(s.as_str()),
        _ => Err(vm.type_error(format!("{what} must be str, not {}", vm.type_name(v)))),
    }
}

/// `set_error_factory(f)`: how SQLite's errors become exceptions.
fn set_error_factory(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "set_error_factory", args, 1, 1)?;
    ERROR_FACTORY.with(|f| *f.borrow_mut() = Some(args[0].clone()));
    Ok(Value::None)
}

/// `open(path, uri, timeout_ms)`: a database, created if missing.
fn open(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "open", args, 3, 3)?;
    let path = str_arg(vm, &args[0], "database")?.to_owned();
    let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    if vm.truthy(&args[1])? {
        flags |= OpenFlags::SQLITE_OPEN_URI;
    }
    let timeout_ms = arg_int(vm, &args[2])?.max(0) as u64;
    let conn = Connection::open_with_flags(&path, flags).map_err(|e| sqlite_error(vm, e))?;
    conn.busy_timeout(std::time::Duration::from_millis(timeout_ms))
        .map_err(|e| sqlite_error(vm, e))?;
    let t = db_type(vm);
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(Db(RefCell::new(Some(conn)))))),
    ))
}

/// `close(db)`: closes it; closing twice is allowed.
fn close(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "close", args, 1, 1)?;
    let Value::Obj(obj) = &args[0] else {
        return Err(vm.type_error("expected a database"));
    };
    let ObjKind::Native(cell) = &obj.kind else {
        return Err(vm.type_error("expected a database"));
    };
    let data = cell.borrow();
    let Some(Db(conn)) = (**data).as_any().downcast_ref::<Db>() else {
        return Err(vm.type_error("expected a database"));
    };
    // A user function closing the connection that is calling it finds it borrowed.
    let Ok(mut slot) = conn.try_borrow_mut() else {
        return Err(interface_error(
            vm,
            "OperationalError",
            "Unable to close database connection while it is in use",
        ));
    };
    if let Some(c) = slot.take() {
        if let Err((c, e)) = c.close() {
            *slot = Some(c);
            drop(slot);
            return Err(sqlite_error(vm, e));
        }
    }
    Ok(Value::None)
}

/// A Python value as SQLite stores it, or the error binding it.
fn to_sql(vm: &mut Vm, v: &Value) -> Result<SqlValue, BindRefusal> {
    Ok(match v {
        Value::None => SqlValue::Null,
        Value::Bool(b) => SqlValue::Integer(*b as i64),
        Value::Int(i) => SqlValue::Integer(*i),
        Value::BigInt(_) => return Err(BindRefusal::Overflow),
        Value::Float(f) => SqlValue::Real(*f),
        Value::Str(s) => SqlValue::Text(s.as_str().to_owned()),
        _ => match bytes_like(v) {
            Some(b) => SqlValue::Blob(b),
            None => return Err(BindRefusal::Unsupported(vm.type_name(v))),
        },
    })
}

enum BindRefusal {
    Overflow,
    Unsupported(String),
}

/// The values for every parameter of `stmt`, from a list (by position) or a dict
/// (by name), with CPython's errors.
fn bind_values(
    vm: &mut Vm,
    stmt: &rusqlite::Statement<'_>,
    params: &Value,
) -> PyResult<Vec<SqlValue>> {
    let count = stmt.parameter_count();
    let mut values = Vec::with_capacity(count);
    let mut take = |vm: &mut Vm, index: usize, v: &Value| -> PyResult<()> {
        match to_sql(vm, v) {
            Ok(s) => {
                values.push(s);
                Ok(())
            }
            Err(BindRefusal::Overflow) => {
                Err(vm.overflow_error("Python int too large to convert to SQLite INTEGER"))
            }
            Err(BindRefusal::Unsupported(t)) => Err(interface_error(
                vm,
                "ProgrammingError",
                &format!("Error binding parameter {index}: type '{t}' is not supported"),
            )),
        }
    };
    match params {
        Value::None if count == 0 => {}
        Value::Dict(_) => {
            for index in 1..=count {
                let Some(name) = stmt.parameter_name(index) else {
                    return Err(interface_error(
                        vm,
                        "ProgrammingError",
                        &format!(
                            "Binding {index} has no name, but you supplied a dictionary (which has only names)."
                        ),
                    ));
                };
                let key = Value::str(name.get(1..).unwrap_or(""));
                let v = match vm.getitem(params, &key) {
                    Ok(v) => v,
                    Err(e) if vm.type_of(e.value()).is_subtype(&vm.types.key_error) => {
                        return Err(interface_error(
                            vm,
                            "ProgrammingError",
                            &format!("You did not supply a value for binding parameter {name}."),
                        ))
                    }
                    Err(e) => return Err(e),
                };
                take(vm, index, &v)?;
            }
        }
        _ => {
            let items = match params {
                Value::None => Vec::new(),
                other => vm.collect_iterable(other)?,
            };
            if items.len() != count {
                return Err(interface_error(
                    vm,
                    "ProgrammingError",
                    &format!(
                        "Incorrect number of bindings supplied. The current statement uses {count}, and there are {} supplied.",
                        items.len()
                    ),
                ));
            }
            for (i, v) in items.iter().enumerate() {
                take(vm, i + 1, v)?;
            }
        }
    }
    Ok(values)
}

/// Marks the Vm that user functions run under while SQLite steps; the previous
/// mark (an outer run's) comes back when this is dropped.
struct RunningVm(*mut Vm);

impl RunningVm {
    /// From here until the drop, `vm` is reached only through the mark.
    fn enter(vm: &mut Vm) -> RunningVm {
        RunningVm(RUNNING_VM.with(|r| r.replace(vm as *mut Vm)))
    }
}

impl Drop for RunningVm {
    fn drop(&mut self) {
        RUNNING_VM.with(|r| r.set(self.0));
    }
}

/// One statement's rows (if it has columns) and its effect.
struct Outcome {
    columns: Option<Vec<String>>,
    rows: Vec<Vec<SqlValue>>,
    changes: u64,
    lastrowid: i64,
}

/// Binds and steps `stmt` to its end. Python code runs only in user functions.
fn step_all(
    conn: &Connection,
    stmt: &mut rusqlite::Statement<'_>,
    values: Vec<SqlValue>,
) -> rusqlite::Result<Outcome> {
    for (i, v) in values.into_iter().enumerate() {
        stmt.raw_bind_parameter(i + 1, v)?;
    }
    let columns = (stmt.column_count() > 0)
        .then(|| stmt.column_names().map(str::to_owned).collect::<Vec<_>>());
    let width = stmt.column_count();
    let mut rows = Vec::new();
    let mut cursor = stmt.raw_query();
    while let Some(row) = cursor.next()? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(row.get::<_, SqlValue>(i)?);
        }
        rows.push(values);
    }
    Ok(Outcome {
        columns,
        rows,
        changes: conn.changes(),
        lastrowid: conn.last_insert_rowid(),
    })
}

fn from_sql(v: SqlValue, text_as_bytes: bool) -> Value {
    match v {
        SqlValue::Null => Value::None,
        SqlValue::Integer(i) => Value::Int(i),
        SqlValue::Real(f) => Value::Float(f),
        SqlValue::Text(s) if text_as_bytes => new_bytes(s.into_bytes()),
        SqlValue::Text(s) => Value::from_string(s),
        SqlValue::Blob(b) => new_bytes(b),
    }
}

/// `execute(db, sql, params, text_as_bytes)`: runs one statement to its end;
/// (column names or None, rows as tuples, changes, lastrowid). `params` is None,
/// a dict (named parameters) or an iterable (positional ones).
fn execute(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "execute", args, 4, 4)?;
    let sql = str_arg(vm, &args[1], "operation parameter")?;
    let text_as_bytes = vm.truthy(&args[3])?;
    let outcome = with_conn(vm, &args[0], |vm, conn| {
        let mut stmt = match conn.prepare(sql) {
            Ok(s) => s,
            Err(rusqlite::Error::Empty) => return Ok(None),
            Err(e) => return Err(sqlite_error(vm, e)),
        };
        let values = bind_values(vm, &stmt, &args[2])?;
        let stepped = {
            let _running = RunningVm::enter(vm);
            step_all(conn, &mut stmt, values)
        };
        stepped.map(Some).map_err(|e| sqlite_error(vm, e))
    })?;
    let Some(outcome) = outcome else {
        return Ok(Value::tuple(vec![
            Value::None,
            Value::list(Vec::new()),
            Value::Int(0),
            Value::None,
        ]));
    };
    let columns = match outcome.columns {
        Some(names) => Value::tuple(names.into_iter().map(Value::from_string).collect()),
        None => Value::None,
    };
    let mut rows = Vec::with_capacity(outcome.rows.len());
    for row in outcome.rows {
        let items = row
            .into_iter()
            .map(|v| from_sql(v, text_as_bytes))
            .collect();
        rows.push(Value::tuple(items));
    }
    Ok(Value::tuple(vec![
        columns,
        Value::list(rows),
        Value::Int(outcome.changes as i64),
        Value::Int(outcome.lastrowid),
    ]))
}

/// `executescript(db, sql)`: runs every statement of a script.
fn executescript(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "executescript", args, 2, 2)?;
    let sql = str_arg(vm, &args[1], "sql_script")?;
    with_conn(vm, &args[0], |vm, conn| {
        let done = {
            let _running = RunningVm::enter(vm);
            conn.execute_batch(sql)
        };
        done.map_err(|e| sqlite_error(vm, e))
    })?;
    Ok(Value::None)
}

/// `in_transaction(db)`: whether a transaction is open.
fn in_transaction(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "in_transaction", args, 1, 1)?;
    with_conn(vm, &args[0], |_, conn| {
        Ok(Value::Bool(!conn.is_autocommit()))
    })
}

/// `total_changes(db)`: rows changed since the database was opened.
fn total_changes(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "total_changes", args, 1, 1)?;
    with_conn(vm, &args[0], |_, conn| {
        Ok(Value::Int(conn.total_changes() as i64))
    })
}

/// A Python object SQLite holds: a function, an aggregate class or instance.
struct InterpreterThreadOnly(Value);

// SAFETY: every Python thread of a Vm runs on the one OS thread of its interpreter
// (DESIGN.md), and a connection never leaves it, so the function SQLite holds is
// only ever called, and dropped, on that thread.
unsafe impl Send for InterpreterThreadOnly {}

/// What SQLite reports for a user function or aggregate that failed: CPython's
/// message, which becomes the OperationalError's.
#[derive(Debug)]
struct UserCodeFailed(&'static str);

impl std::fmt::Display for UserCodeFailed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0)
    }
}

impl std::error::Error for UserCodeFailed {}

fn failed(message: &'static str) -> rusqlite::Error {
    rusqlite::Error::UserFunctionError(Box::new(UserCodeFailed(message)))
}

/// The Vm of the statement stepping SQLite right now, for a callback.
fn running_vm<'a>(message: &'static str) -> rusqlite::Result<&'a mut Vm> {
    let vm_ptr = RUNNING_VM.with(|r| r.get());
    if vm_ptr.is_null() {
        return Err(failed(message));
    }
    // SAFETY: the mark is set by the run that is stepping SQLite right now, which
    // does not touch its Vm until stepping returns (`RunningVm`).
    Ok(unsafe { &mut *vm_ptr })
}

/// SQLite's arguments of a call, as Python values.
fn call_args(ctx: &Context<'_>, message: &'static str) -> rusqlite::Result<Vec<Value>> {
    let mut args = Vec::with_capacity(ctx.len());
    for i in 0..ctx.len() {
        let v = match ctx.get_raw(i) {
            ValueRef::Null => Value::None,
            ValueRef::Integer(n) => Value::Int(n),
            ValueRef::Real(f) => Value::Float(f),
            ValueRef::Text(t) => match std::str::from_utf8(t) {
                Ok(s) => Value::str(s),
                Err(_) => return Err(failed(message)),
            },
            ValueRef::Blob(b) => new_bytes(b.to_vec()),
        };
        args.push(v);
    }
    Ok(args)
}

impl InterpreterThreadOnly {
    /// Calls the function on SQLite's arguments, under the Vm running the statement.
    fn call(&self, ctx: &Context<'_>) -> rusqlite::Result<SqlValue> {
        const RAISED: &str = "user-defined function raised exception";
        let vm = running_vm(RAISED)?;
        let args = call_args(ctx, RAISED)?;
        let result = vm.call(&self.0, &args, &[]).map_err(|_| failed(RAISED))?;
        to_sql(vm, &result).map_err(|_| failed(RAISED))
    }
}

// SQLite calls an aggregate's parts only from the statement being stepped, on the
// interpreter's thread, and a panic never crosses them (every failure is an Err).
impl std::panic::UnwindSafe for InterpreterThreadOnly {}
impl std::panic::RefUnwindSafe for InterpreterThreadOnly {}

/// A Python aggregate class as SQLite's aggregate: an instance per group, made at
/// the group's first row, its `step` called per row and its `finalize` at the end.
struct PythonAggregate(InterpreterThreadOnly);

impl Aggregate<InterpreterThreadOnly, SqlValue> for PythonAggregate {
    fn init(&self, _ctx: &mut Context<'_>) -> rusqlite::Result<InterpreterThreadOnly> {
        const RAISED: &str = "user-defined aggregate's '__init__' method raised error";
        let vm = running_vm(RAISED)?;
        let instance = vm.call(&self.0 .0, &[], &[]).map_err(|_| failed(RAISED))?;
        Ok(InterpreterThreadOnly(instance))
    }

    fn step(&self, ctx: &mut Context<'_>, acc: &mut InterpreterThreadOnly) -> rusqlite::Result<()> {
        const RAISED: &str = "user-defined aggregate's 'step' method raised error";
        let vm = running_vm(RAISED)?;
        let name = vm.intern("step");
        let step = vm
            .get_attr(&acc.0, &name)
            .map_err(|_| failed("user-defined aggregate's 'step' method not defined"))?;
        let args = call_args(ctx, RAISED)?;
        vm.call(&step, &args, &[]).map_err(|_| failed(RAISED))?;
        Ok(())
    }

    fn finalize(
        &self,
        _ctx: &mut Context<'_>,
        acc: Option<InterpreterThreadOnly>,
    ) -> rusqlite::Result<SqlValue> {
        const RAISED: &str = "user-defined aggregate's 'finalize' method raised error";
        // No row: no instance was made, and the result is NULL, as in CPython.
        let Some(acc) = acc else {
            return Ok(SqlValue::Null);
        };
        let vm = running_vm(RAISED)?;
        let name = vm.intern("finalize");
        let result = vm
            .get_attr(&acc.0, &name)
            .and_then(|finalize| vm.call(&finalize, &[], &[]))
            .map_err(|_| failed(RAISED))?;
        to_sql(vm, &result).map_err(|_| failed(RAISED))
    }
}

/// The OperationalError of a function SQLite would not take.
fn creation_error(vm: &mut Vm, e: rusqlite::Error, what: &str) -> PyErr {
    let message = match e {
        rusqlite::Error::SqliteFailure(_, Some(m)) => m,
        _ => format!("Error creating {what}"),
    };
    interface_error(vm, "OperationalError", &message)
}

/// `create_aggregate(db, name, narg, aggregate_class)`.
fn create_aggregate(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "create_aggregate", args, 4, 4)?;
    let name = str_arg(vm, &args[1], "name")?.to_owned();
    let narg = c_int_arg(vm, &args[2])?;
    let class = PythonAggregate(InterpreterThreadOnly(args[3].clone()));
    with_conn(vm, &args[0], |vm, conn| {
        conn.create_aggregate_function(name.as_str(), narg, FunctionFlags::SQLITE_UTF8, class)
            .map_err(|e| creation_error(vm, e, "aggregate"))
    })?;
    Ok(Value::None)
}

fn c_int_arg(vm: &mut Vm, v: &Value) -> PyResult<i32> {
    let n = arg_int(vm, v)?;
    i32::try_from(n).map_err(|_| vm.overflow_error("Python int too large to convert to C int"))
}

/// `create_function(db, name, narg, func, deterministic)`; func None removes it.
fn create_function(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "create_function", args, 5, 5)?;
    let name = str_arg(vm, &args[1], "name")?.to_owned();
    let narg = c_int_arg(vm, &args[2])?;
    let mut flags = FunctionFlags::SQLITE_UTF8;
    if vm.truthy(&args[4])? {
        flags |= FunctionFlags::SQLITE_DETERMINISTIC;
    }
    let func = args[3].clone();
    with_conn(vm, &args[0], |vm, conn| {
        let done = if func.is_none() {
            conn.remove_function(name.as_str(), narg)
        } else {
            let held = InterpreterThreadOnly(func);
            conn.create_scalar_function(name.as_str(), narg, flags, move |ctx| held.call(ctx))
        };
        done.map_err(|e| creation_error(vm, e, "function"))
    })?;
    Ok(Value::None)
}

/// `complete_statement(sql)`: whether the text ends a complete statement.
fn complete_statement(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "complete_statement", args, 1, 1)?;
    let sql = str_arg(vm, &args[0], "statement")?;
    let Ok(text) = std::ffi::CString::new(sql) else {
        return Err(vm.value_error("the query contains a null character"));
    };
    // SAFETY: `text` is a NUL-terminated string that outlives the call.
    let complete = unsafe { rusqlite::ffi::sqlite3_complete(text.as_ptr()) };
    Ok(Value::Bool(complete != 0))
}

/// The `_sqlite3_engine` module.
pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let fns: &[(&'static str, tripwire_core::object::NativeFn)] = &[
        ("set_error_factory", set_error_factory),
        ("open", open),
        ("close", close),
        ("execute", execute),
        ("executescript", executescript),
        ("in_transaction", in_transaction),
        ("total_changes", total_changes),
        ("create_function", create_function),
        ("create_aggregate", create_aggregate),
        ("complete_statement", complete_statement),
    ];
    for (name, f) in fns {
        add_function(vm, d, "_sqlite3_engine", name, *f);
    }
    d.set_str(vm.intern("sqlite_version"), Value::str(rusqlite::version()));
    Ok(())
}

//! The `array` module: `array.array`, a native type holding machine numbers of one
//! typecode (b B h H i I l L q Q f d), with CPython's range checks and messages.
//!
//! Values are stored unboxed: signed codes as `i64`, unsigned as `u64`, floats as
//! `f64` ('f' items are rounded through `f32` on the way in, so they read back as
//! CPython's do). The unicode codes 'u' and 'w' are not supported.
//!
//! The interpreter calls native (`Builtin`) methods for indexing, `len`, iteration,
//! `in` and `repr` of native objects, but binary operators and rich comparisons
//! only dispatch to Python-level methods; so `==`, `<`, `+`, `*` and friends are
//! small Python functions (compiled once per module load) that call native helpers.

use super::math::{index_big, to_f64};
use crate::builtins::{add_method, check_args, no_kwargs};
use crate::code::CmpOp;
use crate::object::function::KwArg;
use crate::object::{Dict, NativeData, ObjKind, PyCell, TypeRef, Value};
use crate::vm::subscript::{wrap_index, SliceBounds};
use crate::vm::{PyErr, PyResult, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

const TYPECODES: &str = "bBuwhHiIlLqQfd";
const BAD_TYPECODE: &str = "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)";

/// The items of an array, by storage class.
#[derive(Clone)]
enum Items {
    Int(Vec<i64>),
    UInt(Vec<u64>),
    Float(Vec<f64>),
}

/// One item, unboxed.
#[derive(Clone, Copy)]
enum Item {
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl Item {
    fn to_value(self) -> Value {
        match self {
            Item::Int(i) => Value::Int(i),
            Item::UInt(u) => match i64::try_from(u) {
                Ok(i) => Value::Int(i),
                Err(_) => Value::from_bigint(BigInt::from(u)),
            },
            Item::Float(f) => Value::Float(f),
        }
    }
}

impl Items {
    fn empty(code: u8) -> Items {
        match code {
            b'B' | b'H' | b'I' | b'L' | b'Q' => Items::UInt(Vec::new()),
            b'f' | b'd' => Items::Float(Vec::new()),
            _ => Items::Int(Vec::new()),
        }
    }
    fn len(&self) -> usize {
        match self {
            Items::Int(v) => v.len(),
            Items::UInt(v) => v.len(),
            Items::Float(v) => v.len(),
        }
    }
    fn get(&self, i: usize) -> Option<Item> {
        match self {
            Items::Int(v) => v.get(i).map(|x| Item::Int(*x)),
            Items::UInt(v) => v.get(i).map(|x| Item::UInt(*x)),
            Items::Float(v) => v.get(i).map(|x| Item::Float(*x)),
        }
    }
    // Positions are checked here rather than trusted: an `__index__` or `__eq__`
    // run between computing a position and using it may have resized the array.

    /// Store an item already converted for this array's storage class.
    fn set(&mut self, i: usize, x: Item) {
        match (self, x) {
            (Items::Int(v), Item::Int(x)) => {
                if let Some(slot) = v.get_mut(i) {
                    *slot = x
                }
            }
            (Items::UInt(v), Item::UInt(x)) => {
                if let Some(slot) = v.get_mut(i) {
                    *slot = x
                }
            }
            (Items::Float(v), Item::Float(x)) => {
                if let Some(slot) = v.get_mut(i) {
                    *slot = x
                }
            }
            _ => {}
        }
    }
    fn insert(&mut self, i: usize, x: Item) {
        let i = i.min(self.len());
        match (self, x) {
            (Items::Int(v), Item::Int(x)) => v.insert(i, x),
            (Items::UInt(v), Item::UInt(x)) => v.insert(i, x),
            (Items::Float(v), Item::Float(x)) => v.insert(i, x),
            _ => {}
        }
    }
    fn push(&mut self, x: Item) {
        let n = self.len();
        self.insert(n, x);
    }
    fn remove(&mut self, i: usize) {
        if i >= self.len() {
            return;
        }
        match self {
            Items::Int(v) => drop(v.remove(i)),
            Items::UInt(v) => drop(v.remove(i)),
            Items::Float(v) => drop(v.remove(i)),
        }
    }
    fn reverse(&mut self) {
        match self {
            Items::Int(v) => v.reverse(),
            Items::UInt(v) => v.reverse(),
            Items::Float(v) => v.reverse(),
        }
    }
    /// The items at the given positions, in order.
    fn pick(&self, idx: impl Iterator<Item = usize>) -> Items {
        match self {
            Items::Int(v) => Items::Int(idx.filter_map(|i| v.get(i).copied()).collect()),
            Items::UInt(v) => Items::UInt(idx.filter_map(|i| v.get(i).copied()).collect()),
            Items::Float(v) => Items::Float(idx.filter_map(|i| v.get(i).copied()).collect()),
        }
    }
    /// Replace `start..stop` with `other` (same storage class).
    fn splice(&mut self, start: usize, stop: usize, other: &Items) {
        let stop = stop.min(self.len());
        let start = start.min(stop);
        match (self, other) {
            (Items::Int(v), Items::Int(o)) => drop(v.splice(start..stop, o.iter().copied())),
            (Items::UInt(v), Items::UInt(o)) => drop(v.splice(start..stop, o.iter().copied())),
            (Items::Float(v), Items::Float(o)) => drop(v.splice(start..stop, o.iter().copied())),
            _ => {}
        }
    }
    fn repeat(&self, n: usize) -> Items {
        match self {
            Items::Int(v) => Items::Int(v.repeat(n)),
            Items::UInt(v) => Items::UInt(v.repeat(n)),
            Items::Float(v) => Items::Float(v.repeat(n)),
        }
    }
}

/// The instance data of an array.
#[derive(Clone)]
struct ArrayData {
    code: u8,
    items: Items,
}

fn itemsize(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' => 4,
        _ => 8,
    }
}

/// The array data of a value, if it is an array.
fn data_of(v: &Value) -> Option<&PyCell<Box<dyn NativeData>>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Native(cell) if (**cell.borrow()).as_any().is::<ArrayData>() => Some(cell),
            _ => None,
        },
        _ => None,
    }
}

/// Read an array's data. No Python code runs while the borrow is held.
fn read<R>(v: &Value, f: impl FnOnce(&ArrayData) -> R) -> Option<R> {
    let cell = data_of(v)?;
    let b = cell.borrow();
    (**b).as_any().downcast_ref::<ArrayData>().map(f)
}

/// Change an array's data. No Python code runs while the borrow is held.
fn write<R>(v: &Value, f: impl FnOnce(&mut ArrayData) -> R) -> Option<R> {
    let cell = data_of(v)?;
    let mut b = cell.borrow_mut();
    let any: &mut dyn std::any::Any = &mut **b;
    any.downcast_mut::<ArrayData>().map(f)
}

fn snapshot(v: &Value) -> Option<ArrayData> {
    read(v, |d| d.clone())
}

/// `self` of a method: the array, or CPython's descriptor error.
fn this<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    crate::builtins::split_method_self(vm, "array.array", name, args, |v| data_of(v).is_some())
}

fn new_array(cls: TypeRef, data: ArrayData) -> Value {
    Value::obj(cls, ObjKind::Native(PyCell::new(Box::new(data))))
}

// ---------------------------------------------------------------------------
// Item conversion

fn int_overflow(vm: &Vm, msg: &str) -> PyErr {
    vm.overflow_error(msg)
}

/// A Python value as an item of typecode `code`, with CPython's checks.
fn convert(vm: &mut Vm, code: u8, v: &Value) -> PyResult<Item> {
    if matches!(code, b'f' | b'd') {
        let x = to_f64(vm, v)?;
        return Ok(Item::Float(if code == b'f' { x as f32 as f64 } else { x }));
    }
    let n = match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Float(_) | Value::Str(_) => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )))
        }
        _ => index_big(vm, v)?,
    };
    let signed = |lo: i64, hi: i64, what: &str| -> PyResult<Item> {
        match n.to_i64() {
            None => Err(int_overflow(
                vm,
                "Python int too large to convert to C long",
            )),
            Some(x) if x < lo => Err(int_overflow(vm, &format!("{what} is less than minimum"))),
            Some(x) if x > hi => Err(int_overflow(vm, &format!("{what} is greater than maximum"))),
            Some(x) => Ok(Item::Int(x)),
        }
    };
    match code {
        b'b' => signed(i8::MIN as i64, i8::MAX as i64, "signed char"),
        b'h' => signed(i16::MIN as i64, i16::MAX as i64, "signed short integer"),
        b'i' => signed(i32::MIN as i64, i32::MAX as i64, "signed integer"),
        b'B' | b'H' => {
            let what = if code == b'B' {
                "unsigned byte integer"
            } else {
                "unsigned short"
            };
            let max = if code == b'B' { 255 } else { 65535 };
            match signed(i64::MIN, i64::MAX, what)? {
                Item::Int(x) if x < 0 => {
                    Err(int_overflow(vm, &format!("{what} is less than minimum")))
                }
                Item::Int(x) if x > max => {
                    Err(int_overflow(vm, &format!("{what} is greater than maximum")))
                }
                Item::Int(x) => Ok(Item::UInt(x as u64)),
                other => Ok(other),
            }
        }
        b'l' => match n.to_i64() {
            Some(x) => Ok(Item::Int(x)),
            None => Err(int_overflow(
                vm,
                "Python int too large to convert to C long",
            )),
        },
        b'q' => match n.to_i64() {
            Some(x) => Ok(Item::Int(x)),
            None => Err(int_overflow(vm, "int too big to convert")),
        },
        b'I' | b'L' => {
            if n.is_negative() {
                return Err(int_overflow(
                    vm,
                    "can't convert negative value to unsigned int",
                ));
            }
            match n.to_u64() {
                None => Err(int_overflow(
                    vm,
                    "Python int too large to convert to C unsigned long",
                )),
                Some(x) if code == b'I' && x > u32::MAX as u64 => {
                    Err(int_overflow(vm, "unsigned int is greater than maximum"))
                }
                Some(x) => Ok(Item::UInt(x)),
            }
        }
        _ => {
            if n.is_negative() {
                return Err(int_overflow(vm, "can't convert negative int to unsigned"));
            }
            match n.to_u64() {
                Some(x) => Ok(Item::UInt(x)),
                None => Err(int_overflow(vm, "int too big to convert")),
            }
        }
    }
}

fn typecode_of(v: &Value) -> u8 {
    read(v, |d| d.code).unwrap_or(b'b')
}

/// Append the items of an iterable one by one; items appended before an error stay
/// (as CPython's `extend`).
fn extend_from_iterable(vm: &mut Vm, arr: &Value, it: &Value) -> PyResult<()> {
    let code = typecode_of(arr);
    let iter = vm.get_iter(it)?;
    while let Some(x) = vm.next(&iter)? {
        let item = convert(vm, code, &x)?;
        write(arr, |d| d.items.push(item));
    }
    Ok(())
}

fn bytes_of(v: &Value) -> Option<&[u8]> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Some(b),
            _ => None,
        },
        _ => None,
    }
}

/// Decode machine bytes (native little-endian) into items of `code`.
fn decode(code: u8, bytes: &[u8]) -> Items {
    let size = itemsize(code);
    let mut items = Items::empty(code);
    for c in bytes.chunks_exact(size) {
        let mut buf = [0u8; 8];
        buf[..size].copy_from_slice(c);
        let raw = u64::from_le_bytes(buf);
        let item = match code {
            b'b' => Item::Int(raw as u8 as i8 as i64),
            b'h' => Item::Int(raw as u16 as i16 as i64),
            b'i' => Item::Int(raw as u32 as i32 as i64),
            b'l' | b'q' => Item::Int(raw as i64),
            b'f' => Item::Float(f32::from_bits(raw as u32) as f64),
            b'd' => Item::Float(f64::from_bits(raw)),
            _ => Item::UInt(raw),
        };
        items.push(item);
    }
    items
}

fn encode(d: &ArrayData) -> Vec<u8> {
    let size = itemsize(d.code);
    let mut out = Vec::with_capacity(d.items.len() * size);
    for i in 0..d.items.len() {
        let raw: u64 = match d.items.get(i) {
            Some(Item::Int(x)) => x as u64,
            Some(Item::UInt(x)) => x,
            Some(Item::Float(x)) if d.code == b'f' => (x as f32).to_bits() as u64,
            Some(Item::Float(x)) => x.to_bits(),
            None => 0,
        };
        out.extend_from_slice(&raw.to_le_bytes()[..size]);
    }
    out
}

fn frombytes_into(vm: &Vm, arr: &Value, bytes: &[u8]) -> PyResult<()> {
    let code = typecode_of(arr);
    if !bytes.len().is_multiple_of(itemsize(code)) {
        return Err(vm.value_error("bytes length not a multiple of item size"));
    }
    let new = decode(code, bytes);
    write(arr, |d| {
        let n = d.items.len();
        d.items.splice(n, n, &new)
    });
    Ok(())
}

// ---------------------------------------------------------------------------
// Construction

fn array_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("array.__new__(X): X is not a type object"));
    };
    if !kw.is_empty() {
        return Err(vm.type_error("array.array() takes no keyword arguments"));
    }
    if rest.is_empty() || rest.len() > 2 {
        let (which, n) = if rest.is_empty() {
            ("least", 1)
        } else {
            ("most", 2)
        };
        return Err(vm.type_error(format!(
            "array() takes at {which} {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    let code = match &rest[0] {
        Value::Str(s) if s.char_len() == 1 => s.as_str().as_bytes().first().copied(),
        other => {
            return Err(vm.type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(other)
            )))
        }
    };
    let code = match code {
        Some(c) if TYPECODES.as_bytes().contains(&c) && c != b'u' && c != b'w' => c,
        _ => return Err(vm.value_error(BAD_TYPECODE)),
    };
    let arr = new_array(
        cls.clone(),
        ArrayData {
            code,
            items: Items::empty(code),
        },
    );
    if let Some(init) = rest.get(1) {
        if let Value::Str(_) = init {
            return Err(vm.type_error(format!(
                "cannot use a str to initialize an array with typecode '{}'",
                code as char
            )));
        }
        if let Some(b) = bytes_of(init) {
            let b = b.to_vec();
            frombytes_into(vm, &arr, &b)?;
        } else {
            extend_from_iterable(vm, &arr, init)?;
        }
    }
    Ok(arr)
}

// ---------------------------------------------------------------------------
// Methods

fn a_append(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "append", args)?;
    no_kwargs(vm, "array.append", kw)?;
    check_args(vm, "array.append", rest, 1, 1)?;
    let item = convert(vm, typecode_of(s), &rest[0])?;
    write(s, |d| d.items.push(item));
    Ok(Value::None)
}

fn a_extend(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "extend", args)?;
    no_kwargs(vm, "array.extend", kw)?;
    check_args(vm, "array.extend", rest, 1, 1)?;
    if let Some(other) = snapshot(&rest[0]) {
        if other.code != typecode_of(s) {
            return Err(vm.type_error("can only extend with array of same kind"));
        }
        write(s, |d| {
            let n = d.items.len();
            d.items.splice(n, n, &other.items)
        });
        return Ok(Value::None);
    }
    extend_from_iterable(vm, s, &rest[0])?;
    Ok(Value::None)
}

fn a_fromlist(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "fromlist", args)?;
    no_kwargs(vm, "array.fromlist", kw)?;
    check_args(vm, "array.fromlist", rest, 1, 1)?;
    let Value::List(l) = &rest[0] else {
        return Err(vm.type_error("arg must be list"));
    };
    let code = typecode_of(s);
    let mut new = Items::empty(code);
    // All or nothing: convert everything before touching the array.
    for x in l.snapshot() {
        new.push(convert(vm, code, &x)?);
    }
    write(s, |d| {
        let n = d.items.len();
        d.items.splice(n, n, &new)
    });
    Ok(Value::None)
}

fn a_frombytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "frombytes", args)?;
    no_kwargs(vm, "array.frombytes", kw)?;
    check_args(vm, "array.frombytes", rest, 1, 1)?;
    let Some(b) = bytes_of(&rest[0]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&rest[0])
        )));
    };
    let b = b.to_vec();
    frombytes_into(vm, s, &b)?;
    Ok(Value::None)
}

fn a_tobytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "tobytes", args)?;
    no_kwargs(vm, "array.tobytes", kw)?;
    check_args(vm, "array.tobytes", rest, 0, 0)?;
    let bytes = read(s, encode).unwrap_or_default();
    Ok(crate::builtins::bytes::new_bytes(bytes))
}

fn a_tolist(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "tolist", args)?;
    no_kwargs(vm, "array.tolist", kw)?;
    check_args(vm, "array.tolist", rest, 0, 0)?;
    Ok(Value::list(values(s)))
}

fn values(arr: &Value) -> Vec<Value> {
    read(arr, |d| {
        (0..d.items.len())
            .filter_map(|i| d.items.get(i).map(Item::to_value))
            .collect()
    })
    .unwrap_or_default()
}

fn len_of(arr: &Value) -> usize {
    read(arr, |d| d.items.len()).unwrap_or(0)
}

fn get_value(arr: &Value, i: usize) -> Option<Value> {
    read(arr, |d| d.items.get(i).map(Item::to_value)).flatten()
}

/// An int index argument (`n` of pop / insert).
fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Float(_) | Value::Str(_) => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
        _ => {
            let n = index_big(vm, v)?;
            n.to_i64()
                .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
        }
    }
}

fn a_pop(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "pop", args)?;
    no_kwargs(vm, "array.pop", kw)?;
    crate::builtins::check_args(vm, "pop", rest, 0, 1)?;
    let i = match rest.first() {
        Some(v) => index_arg(vm, v)?,
        None => -1,
    };
    let n = len_of(s) as i64;
    if n == 0 {
        return Err(vm.index_error("pop from empty array"));
    }
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("pop index out of range"));
    }
    let v = get_value(s, j as usize).unwrap_or(Value::None);
    write(s, |d| d.items.remove(j as usize));
    Ok(v)
}

fn a_insert(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "insert", args)?;
    no_kwargs(vm, "array.insert", kw)?;
    if rest.len() != 2 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", rest.len())));
    }
    let i = index_arg(vm, &rest[0])?;
    let item = convert(vm, typecode_of(s), &rest[1])?;
    let n = len_of(s) as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    write(s, |d| d.items.insert(j as usize, item));
    Ok(Value::None)
}

/// `item == x` for an item read out of an array: items are fresh objects in
/// CPython, so no identity shortcut applies (a NaN item equals nothing).
fn item_eq(vm: &mut Vm, item: &Value, x: &Value) -> PyResult<bool> {
    match (item, x) {
        (Value::Float(p), Value::Float(q)) => Ok(p == q),
        _ => vm.eq(item, x),
    }
}

/// The first position in `start..stop` whose item equals `x`.
fn find(vm: &mut Vm, arr: &Value, x: &Value, start: usize, stop: usize) -> PyResult<Option<usize>> {
    // The length is re-read each step: `__eq__` may resize the array.
    let mut i = start;
    while i < stop {
        let Some(v) = get_value(arr, i) else {
            break;
        };
        if item_eq(vm, &v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn a_index(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "index", args)?;
    no_kwargs(vm, "array.index", kw)?;
    if rest.is_empty() || rest.len() > 3 {
        let (w, n) = if rest.is_empty() {
            ("at least ", 1)
        } else {
            ("at most ", 3)
        };
        return Err(vm.type_error(format!(
            "index expected {w}{n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            rest.len()
        )));
    }
    let n = len_of(s) as i64;
    let clamp = |i: i64| -> usize {
        let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
        j as usize
    };
    let start = match rest.get(1) {
        Some(v) => clamp(index_arg(vm, v)?),
        None => 0,
    };
    let stop = match rest.get(2) {
        Some(v) => clamp(index_arg(vm, v)?),
        None => n as usize,
    };
    match find(vm, s, &rest[0], start, stop)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("array.index(x): x not in array")),
    }
}

fn a_count(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "count", args)?;
    no_kwargs(vm, "array.count", kw)?;
    check_args(vm, "array.count", rest, 1, 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(v) = get_value(s, i) {
        if item_eq(vm, &v, &rest[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(Value::Int(n))
}

fn a_remove(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "remove", args)?;
    no_kwargs(vm, "array.remove", kw)?;
    check_args(vm, "array.remove", rest, 1, 1)?;
    match find(vm, s, &rest[0], 0, usize::MAX)? {
        Some(i) => {
            write(s, |d| {
                if i < d.items.len() {
                    d.items.remove(i)
                }
            });
            Ok(Value::None)
        }
        None => Err(vm.value_error("array.remove(x): x not in array")),
    }
}

fn a_reverse(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "reverse", args)?;
    no_kwargs(vm, "array.reverse", kw)?;
    check_args(vm, "array.reverse", rest, 0, 0)?;
    write(s, |d| d.items.reverse());
    Ok(Value::None)
}

fn a_byteswap(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "byteswap", args)?;
    no_kwargs(vm, "array.byteswap", kw)?;
    check_args(vm, "array.byteswap", rest, 0, 0)?;
    let Some(d) = snapshot(s) else {
        return Ok(Value::None);
    };
    let size = itemsize(d.code);
    let mut bytes = encode(&d);
    for c in bytes.chunks_exact_mut(size) {
        c.reverse();
    }
    let items = decode(d.code, &bytes);
    write(s, |d| d.items = items);
    Ok(Value::None)
}

fn a_buffer_info(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "buffer_info", args)?;
    no_kwargs(vm, "array.buffer_info", kw)?;
    check_args(vm, "array.buffer_info", rest, 0, 0)?;
    let addr = s.ptr().unwrap_or(0) as i64;
    Ok(Value::tuple(vec![
        Value::Int(addr),
        Value::Int(len_of(s) as i64),
    ]))
}

fn a_copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__copy__", args)?;
    let d = snapshot(s).ok_or_else(|| vm.type_error("not an array"))?;
    Ok(new_array(vm.type_of(s), d))
}

fn a_typecode(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "typecode", args)?;
    Ok(Value::from_string((typecode_of(s) as char).to_string()))
}

fn a_itemsize(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "itemsize", args)?;
    Ok(Value::Int(itemsize(typecode_of(s)) as i64))
}

// ---------------------------------------------------------------------------
// The sequence protocol

fn a_len(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__len__", args)?;
    Ok(Value::Int(len_of(s) as i64))
}

/// The bounds of a slice key with `__index__` already called, so the array's
/// length can be read afterwards, as CPython does; None if `key` is not a slice.
fn slice_bounds(vm: &mut Vm, key: &Value) -> PyResult<Option<SliceBounds>> {
    match key {
        Value::Obj(o) => match &o.kind {
            ObjKind::Slice { start, stop, step } => vm.unpack_slice(start, stop, step).map(Some),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

/// The positions a slice selects.
fn slice_positions(vm: &mut Vm, arr: &Value, key: &Value) -> PyResult<Option<Vec<usize>>> {
    let Some(bounds) = slice_bounds(vm, key)? else {
        return Ok(None);
    };
    let si = bounds.adjust(len_of(arr));
    let mut out = Vec::with_capacity(si.len);
    let mut i = si.start;
    for _ in 0..si.len {
        out.push(i as usize);
        i += si.step;
    }
    Ok(Some(out))
}

/// An item index: ints and `__index__` objects, anything else is CPython's
/// "array indices must be integers". It is resolved against the array's length
/// after `__index__` has run (which may resize the array).
fn item_index(vm: &mut Vm, key: &Value, arr: &Value) -> PyResult<Option<usize>> {
    let i = match key {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(vm.index_error("cannot fit 'int' into an index-sized integer"))
        }
        _ => match vm.index_value(key) {
            Ok(Some(i)) => i,
            Ok(None) => return Err(vm.type_error("array indices must be integers")),
            Err(e) => return Err(e),
        },
    };
    Ok(wrap_index(i, len_of(arr)))
}

fn a_getitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__getitem__", args)?;
    check_args(vm, "__getitem__", rest, 1, 1)?;
    let key = &rest[0];
    if let Some(pos) = slice_positions(vm, s, key)? {
        let d = read(s, |d| ArrayData {
            code: d.code,
            items: d.items.pick(pos.into_iter()),
        });
        let d = d.ok_or_else(|| vm.type_error("not an array"))?;
        return Ok(new_array(vm.type_of(s), d));
    }
    match item_index(vm, key, s)?.and_then(|i| get_value(s, i)) {
        Some(v) => Ok(v),
        None => Err(vm.index_error("array index out of range")),
    }
}

fn a_setitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__setitem__", args)?;
    check_args(vm, "__setitem__", rest, 2, 2)?;
    let (key, value) = (&rest[0], &rest[1]);
    if let Some(bounds) = slice_bounds(vm, key)? {
        let Some(other) = snapshot(value) else {
            return Err(vm.type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                vm.type_name(value)
            )));
        };
        if other.code != typecode_of(s) {
            return Err(vm.type_error("bad argument type for built-in operation"));
        }
        let si = bounds.adjust(len_of(s));
        if si.step == 1 {
            let start = si.start as usize;
            let stop = (si.stop.max(si.start)) as usize;
            write(s, |d| d.items.splice(start, stop, &other.items));
            return Ok(Value::None);
        }
        if other.items.len() != si.len {
            return Err(vm.value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                other.items.len(),
                si.len
            )));
        }
        write(s, |d| {
            let mut i = si.start;
            for k in 0..si.len {
                if let Some(x) = other.items.get(k) {
                    d.items.set(i as usize, x);
                }
                i += si.step;
            }
        });
        return Ok(Value::None);
    }
    let Some(i) = item_index(vm, key, s)? else {
        return Err(vm.index_error("array assignment index out of range"));
    };
    let item = convert(vm, typecode_of(s), value)?;
    write(s, |d| {
        if i < d.items.len() {
            d.items.set(i, item)
        }
    });
    Ok(Value::None)
}

fn a_delitem(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__delitem__", args)?;
    check_args(vm, "__delitem__", rest, 1, 1)?;
    if let Some(mut pos) = slice_positions(vm, s, &rest[0])? {
        pos.sort_unstable();
        write(s, |d| {
            let keep: Vec<usize> = (0..d.items.len())
                .filter(|i| pos.binary_search(i).is_err())
                .collect();
            d.items = d.items.pick(keep.into_iter());
        });
        return Ok(Value::None);
    }
    match item_index(vm, &rest[0], s)? {
        Some(i) => {
            write(s, |d| d.items.remove(i));
            Ok(Value::None)
        }
        None => Err(vm.index_error("array assignment index out of range")),
    }
}

fn a_contains(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, rest) = this(vm, "__contains__", args)?;
    check_args(vm, "__contains__", rest, 1, 1)?;
    Ok(Value::Bool(find(vm, s, &rest[0], 0, usize::MAX)?.is_some()))
}

fn a_repr(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__repr__", args)?;
    let code = typecode_of(s) as char;
    let items = values(s);
    if items.is_empty() {
        return Ok(Value::from_string(format!("array('{code}')")));
    }
    let list = vm.repr(&Value::list(items))?;
    Ok(Value::from_string(format!(
        "array('{code}', {})",
        list.as_str()
    )))
}

fn a_hash(vm: &mut Vm, _args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Err(vm.type_error("unhashable type: 'array.array'"))
}

fn a_iter(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let (s, _) = this(vm, "__iter__", args)?;
    let t = iter_type(vm);
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(ArrayIter {
            arr: RefCell::new(Some(s.clone())),
            index: Cell::new(0),
        }))),
    ))
}

// ---------------------------------------------------------------------------
// Operators (called from the Python-level dunders)

fn op_richcmp(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_richcmp", args, 3, 3)?;
    let (a, b) = (&args[0], &args[1]);
    if data_of(a).is_none() || data_of(b).is_none() {
        return Ok(crate::builtins::types::not_implemented(vm));
    }
    let op = super::richcmp_op(&args[2]);
    let (xs, ys) = (values(a), values(b));
    if xs.len() != ys.len() && matches!(op, CmpOp::Eq | CmpOp::Ne) {
        return Ok(Value::Bool(op == CmpOp::Ne));
    }
    for (x, y) in xs.iter().zip(ys.iter()) {
        // Items are fresh objects in CPython, so NaN is never equal to itself.
        let same = item_eq(vm, x, y)?;
        if !same {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::Ne => Ok(Value::Bool(true)),
                _ => vm.compare(op, x, y),
            };
        }
    }
    Ok(Value::Bool(crate::vm::ops::cmp_ord(
        op,
        xs.len().cmp(&ys.len()),
    )))
}

fn concat_operand(vm: &Vm, a: &Value, b: &Value, verb: &str) -> PyResult<ArrayData> {
    let Some(other) = snapshot(b) else {
        let msg = if verb == "append" {
            format!(
                "can only append array (not \"{}\") to array",
                vm.type_name(b)
            )
        } else {
            format!(
                "can only extend array with array (not \"{}\")",
                vm.type_name(b)
            )
        };
        return Err(vm.type_error(msg));
    };
    if other.code != typecode_of(a) {
        return Err(vm.type_error("bad argument type for built-in operation"));
    }
    Ok(other)
}

fn op_concat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_concat", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let other = concat_operand(vm, a, b, "append")?;
    let mut d = snapshot(a).ok_or_else(|| vm.type_error("not an array"))?;
    let n = d.items.len();
    d.items.splice(n, n, &other.items);
    Ok(new_array(vm.type_of(a), d))
}

fn op_iconcat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_iconcat", args, 2, 2)?;
    let (a, b) = (&args[0], &args[1]);
    let other = concat_operand(vm, a, b, "extend")?;
    write(a, |d| {
        let n = d.items.len();
        d.items.splice(n, n, &other.items)
    });
    Ok(a.clone())
}

/// The repeat count of `array * n`; None when `n` is not an int (the caller
/// decides between NotImplemented and an error).
fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    if !super::is_index_like(vm, n) {
        return Ok(None);
    }
    let k = index_big(vm, n)?;
    if k.is_negative() {
        return Ok(Some(0));
    }
    match k.to_usize() {
        Some(k) => Ok(Some(k)),
        None => Err(vm.new_error(&vm.types.memory_error.clone(), "")),
    }
}

fn repeated(vm: &mut Vm, a: &Value, n: &Value) -> PyResult<Option<ArrayData>> {
    let Some(k) = repeat_count(vm, n)? else {
        return Ok(None);
    };
    let d = snapshot(a).ok_or_else(|| vm.type_error("not an array"))?;
    if k > 0
        && d.items
            .len()
            .checked_mul(k)
            .is_none_or(|t| t > isize::MAX as usize / 8)
    {
        return Err(vm.new_error(&vm.types.memory_error.clone(), ""));
    }
    Ok(Some(ArrayData {
        code: d.code,
        items: d.items.repeat(k),
    }))
}

fn non_int_repeat(vm: &Vm, n: &Value) -> PyResult<Value> {
    if matches!(n, Value::Instance(_)) {
        return Ok(crate::builtins::types::not_implemented(vm));
    }
    Err(vm.type_error(format!(
        "can't multiply sequence by non-int of type '{}'",
        vm.type_name(n)
    )))
}

fn op_repeat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_repeat", args, 2, 2)?;
    let (a, n) = (&args[0], &args[1]);
    match repeated(vm, a, n)? {
        Some(d) => Ok(new_array(vm.type_of(a), d)),
        None => non_int_repeat(vm, n),
    }
}

fn op_irepeat(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "_irepeat", args, 2, 2)?;
    let (a, n) = (&args[0], &args[1]);
    match repeated(vm, a, n)? {
        Some(d) => {
            write(a, |old| *old = d);
            Ok(a.clone())
        }
        None => non_int_repeat(vm, n),
    }
}

// ---------------------------------------------------------------------------
// The iterator

struct ArrayIter {
    /// None once exhausted, so the array is released.
    arr: RefCell<Option<Value>>,
    index: Cell<usize>,
}

thread_local! {
    static ITER_TYPE: RefCell<Option<TypeRef>> = const { RefCell::new(None) };
}

/// The `arrayiterator` type, made on first use on this thread; it holds only
/// native methods, so it is shared by every interpreter of the thread.
fn iter_type(vm: &mut Vm) -> TypeRef {
    if let Some(t) = ITER_TYPE.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = crate::builtins::native_type(vm, "array", "arrayiterator", true, None, &[]);
    add_method(vm, &t, "__next__", it_next);
    add_method(vm, &t, "__iter__", it_iter);
    ITER_TYPE.with(|c| *c.borrow_mut() = Some(t.clone()));
    t
}

fn it_next(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let next = match args.first() {
        Some(Value::Obj(o)) => match &o.kind {
            ObjKind::Native(cell) => {
                let b = cell.borrow();
                match (**b).as_any().downcast_ref::<ArrayIter>() {
                    Some(it) => {
                        let arr = it.arr.borrow().clone();
                        let i = it.index.get();
                        match arr.and_then(|a| get_value(&a, i)) {
                            Some(v) => {
                                it.index.set(i + 1);
                                Some(v)
                            }
                            None => {
                                it.arr.borrow_mut().take();
                                None
                            }
                        }
                    }
                    None => None,
                }
            }
            _ => None,
        },
        _ => None,
    };
    match next {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn it_iter(_vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(args.first().cloned().unwrap_or(Value::None))
}

// ---------------------------------------------------------------------------

fn property(vm: &mut Vm, getter: crate::object::NativeFn, name: &'static str) -> Value {
    let fget = Value::Builtin(Rc::new(crate::object::Builtin {
        name,
        func: getter,
        bound: None,
        kind: crate::object::function::BuiltinKind::Function,
        owner: "array",
        weakrefs: Default::default(),
    }));
    Value::obj(
        vm.types.property.clone(),
        ObjKind::Property {
            fget,
            fset: Value::None,
            fdel: Value::None,
            doc: PyCell::new(Value::None),
        },
    )
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    // Not a "builtin" type: the interpreter only dispatches operators to the
    // Python-level dunders of non-builtin types.
    let t = crate::builtins::native_type(vm, "array", "array", false, Some(array_new), &[]);
    t.dict.set_str(
        vm.intern("__class_getitem__"),
        crate::builtins::generic_alias::class_getitem_method(vm),
    );
    let methods: &[(&'static str, crate::object::NativeFn)] = &[
        ("append", a_append),
        ("extend", a_extend),
        ("fromlist", a_fromlist),
        ("frombytes", a_frombytes),
        ("tobytes", a_tobytes),
        ("tolist", a_tolist),
        ("pop", a_pop),
        ("insert", a_insert),
        ("index", a_index),
        ("count", a_count),
        ("remove", a_remove),
        ("reverse", a_reverse),
        ("byteswap", a_byteswap),
        ("buffer_info", a_buffer_info),
        ("__copy__", a_copy),
        ("__deepcopy__", a_copy),
        ("__len__", a_len),
        ("__getitem__", a_getitem),
        ("__setitem__", a_setitem),
        ("__delitem__", a_delitem),
        ("__contains__", a_contains),
        ("__iter__", a_iter),
        ("__repr__", a_repr),
        ("__hash__", a_hash),
    ];
    for (name, f) in methods {
        add_method(vm, &t, name, *f);
    }
    let p = property(vm, a_typecode, "typecode");
    t.dict.set_str(vm.intern("typecode"), p);
    let p = property(vm, a_itemsize, "itemsize");
    t.dict.set_str(vm.intern("itemsize"), p);

    let helpers: &[(&'static str, crate::object::NativeFn)] = &[
        ("_richcmp", op_richcmp),
        ("_concat", op_concat),
        ("_iconcat", op_iconcat),
        ("_repeat", op_repeat),
        ("_irepeat", op_irepeat),
    ];
    super::install_python_methods(vm, &t, "array", super::SEQUENCE_OPERATORS, helpers)?;

    d.set_str(vm.intern("array"), Value::Type(t.clone()));
    d.set_str(vm.intern("ArrayType"), Value::Type(t));
    d.set_str(vm.intern("typecodes"), Value::str(TYPECODES));
    Ok(())
}

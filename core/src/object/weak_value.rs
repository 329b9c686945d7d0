//! `WeakValue`: a handle to a heap object that does not keep it alive.
//!
//! The cycle collector's registry (`tracking`) and weak references (`weakref`) both
//! hold objects this way: the handle keeps the object's memory block, never its
//! contents, and tells whether the object is still alive. Depends only on the object
//! structs.

use super::tuple::WeakTuple;
use super::{
    BoundMethod, Builtin, CellObj, Dict, Function, Instance, List, Module, Object, Set, Type, Value,
};
use crate::code::Code;
use crate::vm::generator::Generator;
use std::rc::{Rc, Weak};

pub enum WeakValue {
    Dict(Weak<Dict>),
    List(Weak<List>),
    Tuple(WeakTuple),
    Set(Weak<Set>),
    Instance(Weak<Instance>),
    Function(Weak<Function>),
    Cell(Weak<CellObj>),
    Type(Weak<Type>),
    Generator(Weak<Generator>),
    Object(Weak<Object>),
    Module(Weak<Module>),
    Code(Weak<Code>),
    Method(Weak<BoundMethod>),
    Builtin(Weak<Builtin>),
}

impl WeakValue {
    /// A weak handle to `v`, for the kinds that can have one.
    pub fn new(v: &Value) -> Option<WeakValue> {
        Some(match v {
            Value::Dict(o) => WeakValue::Dict(Rc::downgrade(o)),
            Value::List(o) => WeakValue::List(Rc::downgrade(o)),
            Value::Tuple(o) => WeakValue::Tuple(o.downgrade()),
            Value::Set(o) => WeakValue::Set(Rc::downgrade(o)),
            Value::Instance(o) => WeakValue::Instance(Rc::downgrade(o)),
            Value::Function(o) => WeakValue::Function(Rc::downgrade(o)),
            Value::Cell(o) => WeakValue::Cell(Rc::downgrade(o)),
            Value::Type(o) => WeakValue::Type(Rc::downgrade(o)),
            Value::Generator(o) => WeakValue::Generator(Rc::downgrade(o)),
            Value::Obj(o) => WeakValue::Object(Rc::downgrade(o)),
            Value::Module(o) => WeakValue::Module(Rc::downgrade(o)),
            Value::Code(o) => WeakValue::Code(Rc::downgrade(o)),
            Value::Method(o) => WeakValue::Method(Rc::downgrade(o)),
            Value::Builtin(o) => WeakValue::Builtin(Rc::downgrade(o)),
            _ => return None,
        })
    }

    pub fn is_alive(&self) -> bool {
        match self {
            WeakValue::Dict(w) => w.strong_count() > 0,
            WeakValue::List(w) => w.strong_count() > 0,
            WeakValue::Tuple(w) => w.strong_count() > 0,
            WeakValue::Set(w) => w.strong_count() > 0,
            WeakValue::Instance(w) => w.strong_count() > 0,
            WeakValue::Function(w) => w.strong_count() > 0,
            WeakValue::Cell(w) => w.strong_count() > 0,
            WeakValue::Type(w) => w.strong_count() > 0,
            WeakValue::Generator(w) => w.strong_count() > 0,
            WeakValue::Object(w) => w.strong_count() > 0,
            WeakValue::Module(w) => w.strong_count() > 0,
            WeakValue::Code(w) => w.strong_count() > 0,
            WeakValue::Method(w) => w.strong_count() > 0,
            WeakValue::Builtin(w) => w.strong_count() > 0,
        }
    }

    /// The object, if it is still alive.
    pub fn upgrade(&self) -> Option<Value> {
        Some(match self {
            WeakValue::Dict(w) => Value::Dict(w.upgrade()?),
            WeakValue::List(w) => Value::List(w.upgrade()?),
            WeakValue::Tuple(w) => Value::Tuple(w.upgrade()?),
            WeakValue::Set(w) => Value::Set(w.upgrade()?),
            WeakValue::Instance(w) => Value::Instance(w.upgrade()?),
            WeakValue::Function(w) => Value::Function(w.upgrade()?),
            WeakValue::Cell(w) => Value::Cell(w.upgrade()?),
            WeakValue::Type(w) => Value::Type(w.upgrade()?),
            WeakValue::Generator(w) => Value::Generator(w.upgrade()?),
            WeakValue::Object(w) => Value::Obj(w.upgrade()?),
            WeakValue::Module(w) => Value::Module(w.upgrade()?),
            WeakValue::Code(w) => Value::Code(w.upgrade()?),
            WeakValue::Method(w) => Value::Method(w.upgrade()?),
            WeakValue::Builtin(w) => Value::Builtin(w.upgrade()?),
        })
    }
}

//! The watcher API for extensions, in Rust: register and clear watchers (Rust
//! closures receiving the interpreter and the event), watch and unwatch dicts and
//! types, and set a function's code and defaults as the attribute setters do. Errors
//! are `WatchError`s carrying CPython's messages; `Vm::watch_error` turns one into
//! the Python exception CPython raises. The `tripwire` module is built on this.
//!
//! Each kind has CPython's eight ids, 0 to 7, for programs and extensions, which
//! take the lowest free one as in CPython, and eight tool ids, 8 to 15, which the
//! runtime's own tools take (`Registry::add_tool`: the optimizer), so a program's
//! watchers get the ids CPython would give them, and all eight of them, whether
//! the optimizer runs or not. The Python API names only the program ids; this API
//! accepts both. `--trace=events` registers through this API too.

use super::{CodeEvent, DictEvent, FuncEvent, FuncEventKind, TypeEvent, WatchError, Watchers};
use crate::code::Code;
use crate::object::{Dict, Function, PyStr, TupleRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use std::rc::Rc;
use std::sync::Arc;
use tripwire_watchers::Kind;

impl Vm {
    /// The interpreter's registries, to add or clear watchers from another OS thread.
    pub fn watchers(&self) -> Arc<Watchers> {
        self.watch.registries.clone()
    }

    /// The Python exception CPython raises for `e`.
    pub fn watch_error(&self, e: WatchError) -> PyErr {
        if e.is_runtime_error() {
            self.runtime_error(e.to_string())
        } else {
            self.value_error(e.to_string())
        }
    }

    pub fn add_dict_watcher(
        &self,
        f: impl Fn(&mut Vm, &DictEvent) -> PyResult<()> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.watch.registries.dict.add(f)
    }

    pub fn clear_dict_watcher(&self, id: i64) -> Result<(), WatchError> {
        self.watch.registries.dict.clear(id)
    }

    /// Watcher `id` watches the dict `d` (idempotent).
    pub fn watch_dict(&self, id: i64, d: &Value) -> Result<(), WatchError> {
        let d = self.watchable_dict(d)?;
        d.watch_mask.watch(self.watch.registries.dict.check(id)?);
        Ok(())
    }

    /// Watcher `id` watches the dict `d` for changes of the key `key`: for a
    /// watcher added with `Registry::add_tool_for_keys`, a store into or a deletion
    /// from `d` of a str key it did not name may skip it (see there); for any other
    /// watcher this is `watch_dict`. Names stay until `d` dies.
    pub fn watch_dict_key(&self, id: i64, d: &Value, key: &PyStr) -> Result<(), WatchError> {
        let d = self.watchable_dict(d)?;
        d.watch_mask.watch(self.watch.registries.dict.check(id)?);
        d.watch_mask.name_key(key.hash());
        Ok(())
    }

    pub fn unwatch_dict(&self, id: i64, d: &Value) -> Result<(), WatchError> {
        let d = self.watchable_dict(d)?;
        d.watch_mask.unwatch(self.watch.registries.dict.check(id)?);
        Ok(())
    }

    /// The dict table of a dict or of an instance of a dict subclass.
    fn watchable_dict(&self, d: &Value) -> Result<Rc<Dict>, WatchError> {
        match d {
            Value::Dict(d) => Ok(d.clone()),
            other => match self.builtin_base(other) {
                Some(Value::Dict(d)) => Ok(d),
                _ => Err(WatchError::NotWatchable(Kind::Dict)),
            },
        }
    }

    pub fn add_type_watcher(
        &self,
        f: impl Fn(&mut Vm, &TypeEvent) -> PyResult<()> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.watch.registries.types.add(f)
    }

    pub fn clear_type_watcher(&self, id: i64) -> Result<(), WatchError> {
        self.watch.registries.types.clear(id)
    }

    /// Watcher `id` watches the class `t`. The class (and so its bases) gets a
    /// version tag, so the next change sends an event.
    pub fn watch_type(&self, id: i64, t: &Value) -> Result<(), WatchError> {
        let Value::Type(t) = t else {
            return Err(WatchError::NotWatchable(Kind::Type));
        };
        let slot = self.watch.registries.types.check(id)?;
        t.version();
        t.watch_mask.watch(slot);
        Ok(())
    }

    pub fn unwatch_type(&self, id: i64, t: &Value) -> Result<(), WatchError> {
        let Value::Type(t) = t else {
            return Err(WatchError::NotWatchable(Kind::Type));
        };
        t.watch_mask.unwatch(self.watch.registries.types.check(id)?);
        Ok(())
    }

    pub fn add_func_watcher(
        &self,
        f: impl Fn(&mut Vm, &FuncEvent) -> PyResult<()> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.watch.registries.func.add(f)
    }

    pub fn clear_func_watcher(&self, id: i64) -> Result<(), WatchError> {
        self.watch.registries.func.clear(id)
    }

    pub fn add_code_watcher(
        &self,
        f: impl Fn(&mut Vm, &CodeEvent) -> PyResult<()> + Send + Sync + 'static,
    ) -> Result<usize, WatchError> {
        self.watch.registries.code.add(f)
    }

    pub fn clear_code_watcher(&self, id: i64) -> Result<(), WatchError> {
        self.watch.registries.code.clear(id)
    }

    /// `f.__code__ = code`, with its MODIFY_CODE event.
    pub fn set_function_code(&mut self, f: &Rc<Function>, code: Rc<Code>) {
        self.function_will_modify(f, FuncEventKind::ModifyCode, &Value::Code(code.clone()));
        let old = std::mem::replace(&mut *f.code.borrow_mut(), code);
        f.version.set(0);
        drop(old);
    }

    /// `f.__defaults__ = defaults`, with its MODIFY_DEFAULTS event.
    pub fn set_function_defaults(&mut self, f: &Rc<Function>, defaults: Option<TupleRef>) {
        let new = defaults.clone().map_or(Value::None, Value::Tuple);
        self.function_will_modify(f, FuncEventKind::ModifyDefaults, &new);
        let old = std::mem::replace(&mut *f.defaults.borrow_mut(), defaults);
        f.version.set(0);
        drop(old);
    }

    /// `f.__kwdefaults__ = kwdefaults`, with its MODIFY_KWDEFAULTS event.
    pub fn set_function_kwdefaults(&mut self, f: &Rc<Function>, kwdefaults: Option<Rc<Dict>>) {
        let new = kwdefaults.clone().map_or(Value::None, Value::Dict);
        self.function_will_modify(f, FuncEventKind::ModifyKwdefaults, &new);
        let old = std::mem::replace(&mut *f.kwdefaults.borrow_mut(), kwdefaults);
        f.version.set(0);
        drop(old);
    }
}

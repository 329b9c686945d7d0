//! Function and code object events: creation, and the reassignment of a function's
//! `__code__`, `__defaults__` and `__kwdefaults__` (sent before the store, with the
//! incoming value). These kinds are not watched per object: every function and code
//! object is reported while any watcher of the kind is registered (creations and
//! destructions only to watchers that want them: `Registry::add_tool_for_changes`).

use super::{CodeEvent, CodeEventKind, FuncEvent, FuncEventKind};
use crate::code::Code;
use crate::object::{Function, Value};
use crate::vm::Vm;
use std::rc::Rc;

impl Vm {
    #[inline(always)]
    fn func_watched(&self) -> bool {
        !cfg!(feature = "no-watchers") && self.watch.registries.func.any()
    }

    /// Whether a watcher wants every function's creation and destruction (a tool
    /// added for changes only does not).
    #[inline(always)]
    fn func_lifecycle_watched(&self) -> bool {
        !cfg!(feature = "no-watchers") && self.watch.registries.func.lifecycle() != 0
    }

    #[inline(always)]
    fn code_watched(&self) -> bool {
        !cfg!(feature = "no-watchers") && self.watch.registries.code.any()
    }

    /// A function was just built.
    #[inline]
    pub fn function_created(&mut self, f: &Rc<Function>) {
        if self.func_lifecycle_watched() {
            self.dispatch_func(FuncEvent {
                kind: FuncEventKind::Create,
                func: f.clone(),
                value: None,
            });
        }
    }

    /// `f.__code__` / `__defaults__` / `__kwdefaults__` is about to be set to `new`
    /// (None when deleted or set to None).
    pub fn function_will_modify(&mut self, f: &Rc<Function>, kind: FuncEventKind, new: &Value) {
        if self.func_watched() {
            self.dispatch_func(FuncEvent {
                kind,
                func: f.clone(),
                value: Some(new.clone()),
            });
        }
    }

    /// A code object was created (`code.replace()`).
    pub fn code_created(&mut self, code: &Rc<Code>) {
        if self.code_watched() {
            self.dispatch_code(CodeEvent {
                kind: CodeEventKind::Create,
                code: code.clone(),
            });
        }
    }

    /// The compiler made `code` and the code objects nested in its constants: each
    /// was created, nested ones first (the order a compiler creates them in).
    pub fn code_compiled(&mut self, code: &Rc<Code>) {
        if self.code_watched() {
            for c in code.consts.iter() {
                if let Value::Code(inner) = c {
                    self.code_compiled(inner);
                }
            }
            self.code_created(code);
        }
    }
}

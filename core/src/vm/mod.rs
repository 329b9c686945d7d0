//! The interpreter: thread state (value stack and frame stack), the evaluation loop,
//! calls, the object protocols (attributes, operators, iteration), errors and
//! tracebacks, imports.
//!
//! `Vm` is one interpreter with one thread state. It is passed as `&mut Vm` to every
//! native function; Python-to-Python calls run in the same loop without recursing in
//! Rust.

pub mod alloc;
pub mod attr;
pub mod attr_cache;
pub mod builtin_types;
pub mod call;
pub mod carets;
pub mod code_extra;
pub mod errors;
pub mod eval;
pub mod executor;
pub mod extension_state;
pub mod finalize;
pub mod frame;
pub mod frame_object;
pub mod gc;
pub mod generator;
pub mod hooks;
pub mod import;
pub mod io_wait;
pub mod iter;
pub mod jump;
pub mod loop_hook;
pub mod matching;
pub mod memory_reserve;
pub mod module_object;
pub mod names;
pub mod namespace;
pub mod ops;
pub mod output;
pub mod program;
pub mod recursion;
pub mod resume;
pub mod signals;
pub mod source_file;
pub mod stacks;
pub mod subscript;
pub mod suggestions;
pub mod suspend;
pub mod threads;
pub mod trace;
pub mod unwind;
pub mod value_stack;
pub mod weakrefs;

use crate::object::{Dict, Module, PyStr, TypeRef, Value};
use builtin_types::BuiltinTypes;
use frame::Frame;
use std::rc::Rc;

pub use errors::{PyErr, PyResult};

/// The default recursion limit, as CPython's.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;

pub struct Vm {
    pub types: &'static BuiltinTypes,
    pub names: names::Names,
    pub builtins: Rc<Dict>,
    /// `sys.modules`.
    pub modules: Rc<Dict>,
    pub sys: Rc<Module>,
    pub main_module: Option<Rc<Module>>,
    /// The running segment of the thread's value stack: the locals and operand
    /// stacks of the frames from the innermost running generator frame up (of every
    /// frame when no generator runs).
    pub stack: Vec<Value>,
    /// The segments below `stack`, innermost last: each running generator frame's
    /// values are a segment of their own (see `Frame::owns_segment`).
    pub parked: Vec<Vec<Value>>,
    pub frames: Vec<Frame>,
    /// The exception the running frame's code is handling, or None.
    pub handled: Value,
    /// `handled` of the callers of the running generators, innermost last: a
    /// generator handling nothing sees its caller's (CPython's exc_info chain).
    pub outer_handled: Vec<Value>,
    pub recursion_limit: usize,
    /// Native re-entries into the evaluation loop currently on the Rust stack.
    pub native_depth: usize,
    /// Levels of native recursion entered (see `recursion`).
    pub native_nesting: usize,
    /// The containers whose repr is being made, to print `[...]` for a cycle.
    pub repr_active: hashbrown::HashSet<usize>,
    /// Program output is buffered and flushed at exit and before stderr writes.
    pub stdout_buf: Vec<u8>,
    /// The address of the Rust stack at start-up, to bound native recursion.
    pub stack_origin: usize,
    pub stack_budget: usize,
    /// Watcher registries, Python watcher callables and the event trace.
    pub watch: crate::watch::WatchState,
    /// Handed-out `co_extra` indices and their free functions.
    pub code_extra: code_extra::CodeExtraRegistry,
    /// The interpreter's frame-evaluation hooks.
    pub eval_hooks: hooks::EvalHooks,
    /// The warm-code hook, and whether frame entries look for executors.
    pub executors: executor::Executors,
    /// Hot-loop hooks and their share of the tick counter.
    pub loop_hooks: loop_hook::LoopHooks,
    /// The thread state's hook fields: its view of the hook chain, trace and profile
    /// functions.
    pub thread: hooks::ThreadHooks,
    /// Ticks left before the running thread may be preempted (see `threads`).
    pub switch_ticks: i32,
    pub threads: threads::Threads,
    /// The stacks of execution threads and greenlets run on.
    pub stacks: stacks::Stacks,
    /// The greenlet module's types and the switch in flight.
    pub greenlet: crate::modules::greenlet::Greenlets,
    /// Modules added by extensions (see `modules::Extensions`).
    pub extensions: crate::modules::Extensions,
    /// Extensions' own per-interpreter state (see `extension_state`).
    pub extension_states: extension_state::ExtensionStates,
    /// The class bodies running in a mapping namespace: (stand-in locals, mapping),
    /// innermost last (see `namespace`).
    pub mapping_namespaces: Vec<(Rc<Dict>, Value)>,
}

impl Vm {
    /// The exception being handled as `sys.exception()` sees it.
    pub fn current_handled(&self) -> Value {
        std::iter::once(&self.handled)
            .chain(self.outer_handled.iter().rev())
            .find(|v| !v.is_none())
            .cloned()
            .unwrap_or(Value::None)
    }

    pub fn new() -> Vm {
        let types = builtin_types::install();
        let builtins = Dict::new_rc();
        let modules = Dict::new_rc();
        let sys_dict = Dict::new_rc();
        let sys = Rc::new(Module::new(Rc::new(PyStr::new("sys")), sys_dict));
        let marker = 0u8;
        let mut vm = Vm {
            types,
            names: names::Names::new(),
            builtins,
            modules,
            sys,
            main_module: None,
            stack: Vec::with_capacity(1 << 16),
            parked: Vec::new(),
            frames: Vec::with_capacity(256),
            handled: Value::None,
            outer_handled: Vec::new(),
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            native_depth: 0,
            native_nesting: 0,
            repr_active: Default::default(),
            stdout_buf: Vec::with_capacity(1 << 14),
            stack_origin: &marker as *const u8 as usize,
            stack_budget: 200 << 20,
            watch: crate::watch::WatchState::new(),
            code_extra: Default::default(),
            eval_hooks: Default::default(),
            executors: Default::default(),
            loop_hooks: Default::default(),
            thread: Default::default(),
            switch_ticks: i32::MAX,
            threads: Default::default(),
            stacks: Default::default(),
            greenlet: Default::default(),
            extensions: Default::default(),
            extension_states: Default::default(),
            mapping_namespaces: Vec::new(),
        };
        crate::builtins::install(&mut vm);
        crate::modules::install_sys(&mut vm);
        crate::modules::install_exception_groups(&mut vm);
        vm
    }

    /// The interned str for a name (identifiers compare by pointer first).
    #[inline]
    pub fn intern(&self, s: &str) -> Rc<PyStr> {
        crate::object::str::intern(s)
    }

    pub fn new_str(&mut self, s: &str) -> Value {
        Value::Str(Rc::new(PyStr::new(s)))
    }

    /// The type of a value.
    #[inline]
    pub fn type_of(&self, v: &Value) -> TypeRef {
        builtin_types::type_of(self.types, v)
    }

    pub fn type_name(&self, v: &Value) -> String {
        self.type_of(v).name().as_str().to_string()
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}

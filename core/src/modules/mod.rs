//! The modules bundled with the runtime, and the source-text cache that tracebacks
//! read lines from.

pub mod array;
mod asyncgen;
pub mod contextvars;
pub mod deque;
pub mod gc;
pub mod greenlet;
pub mod itertools;
pub mod math;
pub mod mt;
pub mod os;
pub mod random;
mod rlock;
pub mod sys;
pub mod thread;
pub mod time;
pub mod time_calendar;
pub mod tripwire;
pub mod weakref;

use crate::object::Value;
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How a bundled module is made.
#[derive(Clone, Copy)]
pub enum ModuleDef {
    /// Built in Rust: fills the new module's namespace.
    Native(fn(&mut Vm, &crate::object::Dict) -> PyResult<()>),
    /// Written in Python, compiled on first import.
    Source(&'static str),
}

/// The bundled module called `name`, if any.
pub fn find(name: &str) -> Option<ModuleDef> {
    BUNDLED.iter().find(|(n, _)| *n == name).map(|(_, d)| *d)
}

/// Modules an extension (such as tripwire-stdlib) adds to a Vm: looked up after the
/// bundled ones and before `sys.path`, as CPython's built-in modules are.
#[derive(Default)]
pub struct Extensions {
    modules: HashMap<String, ModuleDef>,
    /// Bundled modules an extension replaces with a library's (`hide_bundled`).
    hidden: Vec<String>,
    /// (module, what must be imported before it): see `import_first`.
    prerequisites: Vec<(String, String)>,
    /// See `set_spec_maker`.
    spec_maker: Option<SpecMaker>,
}

/// Sets `__spec__`, `__loader__` and `__package__` of a module the native import
/// made; false when it cannot now (it is making another one's), to be asked again.
pub type SpecMaker = fn(&mut Vm, &Value) -> PyResult<bool>;

impl Extensions {
    /// Make `import name` build the module from `def` (replacing an earlier one).
    pub fn register(&mut self, name: &str, def: ModuleDef) {
        self.modules.insert(name.to_string(), def);
    }

    pub fn find(&self, name: &str) -> Option<ModuleDef> {
        self.modules.get(name).copied()
    }

    /// Make `import name` pass over the bundled module of that name, to the
    /// extensions' and then `sys.path` (tripwire-stdlib does this for `os` and `io`
    /// when CPython's library is there).
    pub fn hide_bundled(&mut self, name: &str) {
        self.hidden.push(name.to_string());
    }

    /// Make `import name` import `first` before it, where `first` is not imported
    /// yet: CPython imports `os` at start-up, so its library's `genericpath` (which
    /// `os` itself imports, through `posixpath`) is never the first to start the
    /// cycle there.
    pub fn import_first(&mut self, name: &str, first: &str) {
        self.prerequisites
            .push((name.to_string(), first.to_string()));
    }

    /// Have `maker` give a module the native import made its `__spec__`,
    /// `__loader__` and `__package__` when one of them is first read: making the
    /// spec needs importlib, which a program that never asks should not pay for.
    pub fn set_spec_maker(&mut self, maker: SpecMaker) {
        self.spec_maker = Some(maker);
    }

    pub fn spec_maker(&self) -> Option<SpecMaker> {
        self.spec_maker
    }

    /// What `import_first` asked to import before `name`.
    pub fn prerequisite(&self, name: &str) -> Option<&str> {
        self.prerequisites
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, first)| first.as_str())
    }

    /// The bundled module `import name` uses, unless an extension hid it.
    pub fn bundled(&self, name: &str) -> Option<ModuleDef> {
        find(name).filter(|_| !self.hidden.iter().any(|h| h == name))
    }

    /// The names of the registered modules, sorted.
    pub fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self.modules.keys().map(String::as_str).collect();
        names.sort_unstable();
        names
    }
}

/// The names of the bundled modules written in Rust (`sys.builtin_module_names`
/// lists them with the extensions' ones).
pub fn native_names() -> impl Iterator<Item = &'static str> {
    BUNDLED
        .iter()
        .filter(|(_, d)| matches!(d, ModuleDef::Native(_)))
        .map(|(n, _)| *n)
}

/// Every bundled module. Modules written in Python live in `py/`.
const BUNDLED: &[(&str, ModuleDef)] = &[
    (
        "collections",
        ModuleDef::Source(include_str!("py/collections.py")),
    ),
    (
        "collections.abc",
        ModuleDef::Source(include_str!("py/collections_abc.py")),
    ),
    (
        "_collections_abc",
        ModuleDef::Source(include_str!("py/_collections_abc.py")),
    ),
    ("abc", ModuleDef::Source(include_str!("py/abc.py"))),
    (
        "functools",
        ModuleDef::Source(include_str!("py/functools.py")),
    ),
    (
        "itertools",
        ModuleDef::Source(include_str!("py/itertools.py")),
    ),
    ("_itertools", ModuleDef::Native(itertools::init)),
    ("_collections", ModuleDef::Native(deque::init)),
    (
        "operator",
        ModuleDef::Source(include_str!("py/operator.py")),
    ),
    ("copy", ModuleDef::Source(include_str!("py/copy.py"))),
    ("string", ModuleDef::Source(include_str!("py/string.py"))),
    ("types", ModuleDef::Source(include_str!("py/types.py"))),
    ("json", ModuleDef::Source(include_str!("py/json.py"))),
    ("heapq", ModuleDef::Source(include_str!("py/heapq.py"))),
    ("bisect", ModuleDef::Source(include_str!("py/bisect.py"))),
    (
        "contextlib",
        ModuleDef::Source(include_str!("py/contextlib.py")),
    ),
    ("typing", ModuleDef::Source(include_str!("py/typing.py"))),
    (
        "_typeparams",
        ModuleDef::Source(include_str!("py/_typeparams.py")),
    ),
    (
        "_exceptiongroup",
        ModuleDef::Source(include_str!("py/_exceptiongroup.py")),
    ),
    ("io", ModuleDef::Source(include_str!("py/io.py"))),
    ("math", ModuleDef::Native(math::init)),
    ("random", ModuleDef::Native(random::init)),
    ("_random", ModuleDef::Native(random::init_generator_module)),
    ("time", ModuleDef::Native(time::init)),
    ("gc", ModuleDef::Native(gc::init)),
    ("tripwire", ModuleDef::Native(tripwire::init)),
    (
        "_frame",
        ModuleDef::Native(crate::vm::frame_object::init_module),
    ),
    (
        "_framelocals",
        ModuleDef::Source(include_str!("py/_framelocals.py")),
    ),
    ("array", ModuleDef::Native(array::init)),
    ("_thread", ModuleDef::Native(thread::init)),
    ("_asyncgen", ModuleDef::Native(asyncgen::init)),
    ("_weakref", ModuleDef::Native(weakref::init)),
    ("_contextvars", ModuleDef::Native(contextvars::init)),
    (
        "contextvars",
        ModuleDef::Source(include_str!("py/contextvars.py")),
    ),
    ("greenlet", ModuleDef::Native(greenlet::init)),
    (
        "threading",
        ModuleDef::Source(include_str!("py/threading.py")),
    ),
    ("_os", ModuleDef::Native(os::init)),
    ("os", ModuleDef::Source(include_str!("py/os.py"))),
    (
        "posixpath",
        ModuleDef::Source(include_str!("py/posixpath.py")),
    ),
];

/// Create, register and initialise a bundled module.
pub fn load(vm: &mut Vm, name: &str, def: ModuleDef) -> PyResult<Value> {
    let m = vm.new_module(name);
    let r = match def {
        ModuleDef::Native(init) => init(vm, &m.dict),
        ModuleDef::Source(src) => vm
            .exec_source(src, &format!("<frozen {name}>"), m.dict.clone())
            .map(|_| ()),
    };
    if let Err(e) = r {
        vm.modules.del_str(&crate::object::PyStr::new(name));
        return Err(e);
    }
    Ok(Value::Module(m))
}

thread_local! {
    static SOURCES: RefCell<HashMap<String, Rc<str>>> = RefCell::new(HashMap::new());
}

/// Keep a file's text for tracebacks.
/// The comparison and arithmetic operators of a native sequence type (array, deque)
/// as Python-level methods over its native helpers (see `install_python_methods`).
pub const SEQUENCE_OPERATORS: &str = "\
def __eq__(self, other): return _richcmp(self, other, 2)
def __ne__(self, other): return _richcmp(self, other, 3)
def __lt__(self, other): return _richcmp(self, other, 0)
def __le__(self, other): return _richcmp(self, other, 1)
def __gt__(self, other): return _richcmp(self, other, 4)
def __ge__(self, other): return _richcmp(self, other, 5)
def __add__(self, other): return _concat(self, other)
def __iadd__(self, other): return _iconcat(self, other)
def __mul__(self, n): return _repeat(self, n)
def __rmul__(self, n): return _repeat(self, n)
def __imul__(self, n): return _irepeat(self, n)
";

/// Give native type `t` methods written in Python: every top-level `def` of `source`
/// becomes a method of `t`. The source runs in a namespace named `module` in which
/// the native `helpers` are globals (operators that must be Python-level methods,
/// because the interpreter sends operators on instances to Python functions).
pub fn install_python_methods(
    vm: &mut Vm,
    t: &crate::object::TypeRef,
    module: &'static str,
    source: &str,
    helpers: &[(&'static str, crate::object::NativeFn)],
) -> PyResult<()> {
    let ns = crate::object::Dict::new_rc();
    ns.set_str(vm.names.d_name.clone(), Value::str(module));
    for (name, f) in helpers {
        crate::builtins::add_function(vm, &ns, module, name, *f);
    }
    vm.exec_source(source, &format!("<frozen {module}>"), ns.clone())?;
    for line in source.lines() {
        let Some(name) = line
            .strip_prefix("def ")
            .and_then(|rest| rest.split('(').next())
        else {
            continue;
        };
        let key = vm.intern(name);
        if let Some(f) = ns.get_str(&key) {
            t.dict.set_str(key, f);
        }
    }
    Ok(())
}

/// Whether `n` can serve as a sequence repeat count: an int, or an object whose
/// type has `__index__` or whose built-in part is an int (what decides between
/// NotImplemented and an error for `seq * n`).
pub fn is_index_like(vm: &Vm, n: &Value) -> bool {
    matches!(n, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
        || (matches!(n, Value::Instance(_) | Value::Obj(_))
            && (vm.type_of(n).lookup(&vm.names.d_index).is_some()
                || matches!(
                    vm.builtin_base(n),
                    Some(Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
                )))
}

/// The comparison a Python-level operator method (see `install_python_methods`)
/// passes to its native `_richcmp` helper: an int, in `CmpOp`'s order.
pub fn richcmp_op(v: &Value) -> crate::code::CmpOp {
    use crate::code::CmpOp;
    match v {
        Value::Int(i) => usize::try_from(*i)
            .ok()
            .and_then(|i| CmpOp::ALL.get(i).copied())
            .unwrap_or(CmpOp::Ge),
        _ => CmpOp::Ge,
    }
}

pub fn remember_source(filename: &str, src: &str) {
    SOURCES.with(|s| s.borrow_mut().insert(filename.to_string(), Rc::from(src)));
}

/// Line `line` (1-based) of a remembered or readable source file.
pub fn source_line(filename: &str, line: u32) -> Option<String> {
    let text = SOURCES.with(|s| s.borrow().get(filename).cloned());
    let text = match text {
        Some(t) => t,
        None => {
            let t: Rc<str> = Rc::from(std::fs::read_to_string(filename).ok()?);
            remember_source(filename, &t);
            t
        }
    };
    text.lines()
        .nth(line.checked_sub(1)? as usize)
        .map(|l| l.to_string())
}

pub fn install_sys(vm: &mut Vm) {
    sys::install(vm);
}

/// BaseExceptionGroup and ExceptionGroup are written in Python (`_exceptiongroup`);
/// make them builtins as in CPython.
pub fn install_exception_groups(vm: &mut Vm) {
    let Ok(module) = vm.import_one("_exceptiongroup") else {
        return;
    };
    for name in ["BaseExceptionGroup", "ExceptionGroup"] {
        let key = vm.intern(name);
        if let Ok(Some(class)) = vm.get_attr_opt(&module, &key) {
            vm.builtins.set_str(key, class);
        }
    }
}

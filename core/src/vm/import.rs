//! Imports: `sys.modules`, the modules bundled with the runtime, and `.py` files found
//! on `sys.path`.

use super::{PyResult, Vm};
use crate::object::{Dict, Module, PyStr, Value};
use std::rc::Rc;

impl Vm {
    /// A new module object registered in `sys.modules`, whose `__spec__` is made
    /// when first read.
    pub fn new_module(&mut self, name: &str) -> Rc<Module> {
        let dict = Dict::new_rc();
        dict.set_str(self.names.d_name.clone(), Value::str(name));
        dict.set_str(self.names.d_doc.clone(), Value::None);
        let m = Rc::new(Module::new(Rc::new(PyStr::new(name)), dict));
        m.spec_pending.set(true);
        self.modules
            .set_str(self.intern(name), Value::Module(m.clone()));
        m
    }

    /// The `import` statement: through `__import__` of the frame's builtins, which a
    /// program may replace (the built-in one is taken directly).
    pub fn import_statement(
        &mut self,
        name: &Rc<PyStr>,
        fromlist: &Value,
        level: &Value,
        fi: usize,
    ) -> PyResult<Value> {
        match self.frames[fi].builtins().get_str(&self.names.d_import) {
            Some(Value::Builtin(b)) if b.name == "__import__" && b.owner == "builtins" => {
                self.import_name(name, fromlist, level, fi)
            }
            Some(hook) => {
                let frame = &self.frames[fi];
                let globals = Value::Dict(frame.globals().clone());
                let locals = frame.locals.clone().map_or(Value::None, Value::Dict);
                let args = [
                    Value::Str(name.clone()),
                    globals,
                    locals,
                    fromlist.clone(),
                    level.clone(),
                ];
                self.call(&hook, &args, &[])
            }
            None => Err(self.new_error(&self.types.import_error, "__import__ not found")),
        }
    }

    /// `import name` (returns the top package unless a fromlist is given).
    pub fn import_name(
        &mut self,
        name: &PyStr,
        fromlist: &Value,
        level: &Value,
        fi: usize,
    ) -> PyResult<Value> {
        let level = match level {
            Value::Int(i) => *i,
            _ => 0,
        };
        let mut full = name.as_str().to_string();
        if level > 0 {
            let package = self.frames[fi]
                .globals()
                .get_str(&self.names.d_package.clone())
                .and_then(|v| v.as_str().map(|s| s.as_str().to_string()))
                .unwrap_or_default();
            if package.is_empty() {
                return Err(self.new_error(
                    &self.types.import_error.clone(),
                    "attempted relative import with no known parent package",
                ));
            }
            // Each level past the first climbs one package up.
            let mut package = package.as_str();
            for _ in 1..level {
                match package.rsplit_once('.') {
                    Some((parent, _)) => package = parent,
                    None => {
                        return Err(self.new_error(
                            &self.types.import_error.clone(),
                            "attempted relative import beyond top-level package",
                        ))
                    }
                }
            }
            let package = package.to_string();
            full = if full.is_empty() {
                package
            } else {
                format!("{package}.{full}")
            };
        }
        let mut module = Value::None;
        let mut top = Value::None;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let parent = module.clone();
            module = self.import_one(&prefix)?;
            if i == 0 {
                top = module.clone();
            } else if let Value::Module(p) = &parent {
                // A submodule is an attribute of its package.
                if p.dict.get_str(&PyStr::new(part)).is_none() {
                    let key = self.intern(part);
                    self.dict_will_set_str(&p.dict, &key, &module);
                    p.dict.set_str(key, module.clone());
                }
            }
        }
        let has_fromlist = match fromlist {
            Value::Tuple(t) => !t.items.is_empty(),
            Value::None => false,
            _ => true,
        };
        Ok(if has_fromlist { module } else { top })
    }

    /// Import one fully qualified module.
    pub fn import_one(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get_str(&PyStr::new(name)) {
            if m.is_none() {
                // A module blocked on purpose (`sys.modules[name] = None`).
                return Err(self.import_error(
                    &self.types.module_not_found_error.clone(),
                    &format!("import of {name} halted; None in sys.modules"),
                    Value::str(name),
                    Value::None,
                ));
            }
            return Ok(m);
        }
        if let Some(def) = self
            .extensions
            .bundled(name)
            .or_else(|| self.extensions.find(name))
        {
            return crate::modules::load(self, name, def);
        }
        if let Some(first) = self.extensions.prerequisite(name) {
            if self.modules.get_str(&PyStr::new(first)).is_none() {
                let first = first.to_string();
                self.import_one(&first)?;
                if let Some(m) = self.modules.get_str(&PyStr::new(name)) {
                    return Ok(m);
                }
            }
        }
        let path = self.find_source(name);
        let Some(path) = path else {
            return Err(self.import_error(
                &self.types.module_not_found_error.clone(),
                &format!("No module named '{name}'"),
                Value::str(name),
                Value::None,
            ));
        };
        let src = match std::fs::read(&path) {
            Ok(bytes) => {
                super::source_file::decode(&bytes, &path).map_err(|m| self.source_error(&m))?
            }
            Err(e) => return Err(self.new_error(&self.types.import_error.clone(), &e.to_string())),
        };
        let m = self.new_module(name);
        self.trace_namespace(&m.dict);
        m.dict.set_str(self.names.d_file.clone(), Value::str(&path));
        // A package (its __init__.py) is its own __package__, and its submodules are
        // looked for in its folder (__path__).
        let package = match path.strip_suffix("/__init__.py") {
            Some(folder) => {
                let key = self.intern("__path__");
                m.dict.set_str(key, Value::list(vec![Value::str(folder)]));
                name
            }
            None => name.rsplit_once('.').map(|(p, _)| p).unwrap_or(""),
        };
        m.dict
            .set_str(self.names.d_package.clone(), Value::str(package));
        if let Err(e) = self.exec_source(&src, &path, m.dict.clone()) {
            self.modules.del_str(&PyStr::new(name));
            return Err(e);
        }
        Ok(self
            .modules
            .get_str(&PyStr::new(name))
            .unwrap_or(Value::Module(m)))
    }

    /// Where `import_one` would take `name` from, without importing it:
    /// `Some(None)` for a module built into tripwire (bundled or an extension's),
    /// `Some(Some(path))` for a source file on `sys.path`, None when it finds none.
    pub fn find_module(&mut self, name: &str) -> Option<Option<String>> {
        if self.extensions.bundled(name).is_some() || self.extensions.find(name).is_some() {
            return Some(None);
        }
        self.find_source(name).map(Some)
    }

    fn find_source(&mut self, name: &str) -> Option<String> {
        let rel = name.replace('.', "/");
        let path_list = self.sys.dict.get_str(&self.intern("path"));
        let dirs: Vec<String> = match path_list {
            Some(Value::List(l)) => l
                .snapshot()
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.as_str().to_string()))
                .collect(),
            _ => vec![],
        };
        for d in dirs {
            let d = if d.is_empty() { ".".to_string() } else { d };
            let file = format!("{d}/{rel}.py");
            if std::path::Path::new(&file).is_file() {
                return Some(file);
            }
            let pkg = format!("{d}/{rel}/__init__.py");
            if std::path::Path::new(&pkg).is_file() {
                return Some(pkg);
            }
        }
        None
    }

    /// Compile and run source text in a namespace.
    pub fn exec_source(&mut self, src: &str, filename: &str, globals: Rc<Dict>) -> PyResult<Value> {
        crate::modules::remember_source(filename, src);
        let code = match crate::compile::compile(src, filename, crate::compile::Mode::Exec) {
            Ok(c) => c,
            Err(e) => return Err(self.syntax_error(&e, filename)),
        };
        self.code_compiled(&code);
        let key = self.names.builtins.clone();
        if globals.get_str(&key).is_none() {
            let b = Value::Dict(self.builtins.clone());
            self.dict_will_set_str(&globals, &key, &b);
            globals.set_str(key, b);
        }
        self.run_code(code, globals, None)
    }

    /// A SyntaxError exception from a compiler error.
    pub fn syntax_error(&mut self, e: &crate::parse::SyntaxErr, filename: &str) -> super::PyErr {
        let details = Value::tuple(vec![
            Value::str(filename),
            Value::Int(e.line as i64),
            Value::Int(e.col as i64),
            Value::str(&e.text),
        ]);
        use crate::parse::ErrorKind;
        let cls = match e.kind {
            ErrorKind::Syntax => self.types.syntax_error.clone(),
            ErrorKind::Indentation => self.types.indentation_error.clone(),
            ErrorKind::Tab => self.types.tab_error.clone(),
            ErrorKind::ParserStack => {
                return self.new_error(&self.types.memory_error.clone(), &e.msg)
            }
            ErrorKind::Recursion => {
                return self.new_error(&self.types.recursion_error.clone(), &e.msg)
            }
        };
        let exc = self.new_exception(&cls, vec![Value::str(&e.msg), details]);
        if let Value::Instance(i) = &exc {
            if let Some(d) = &i.dict {
                d.set_str(self.intern("msg"), Value::str(&e.msg));
                d.set_str(self.intern("filename"), Value::str(filename));
                d.set_str(self.intern("lineno"), Value::Int(e.line as i64));
                d.set_str(self.intern("offset"), Value::Int(e.col as i64));
                let end_offset = if e.end_col > e.col {
                    e.end_col as i64
                } else {
                    0
                };
                d.set_str(self.intern("end_offset"), Value::Int(end_offset));
                d.set_str(self.intern("text"), Value::str(&e.text));
            }
        }
        super::PyErr::from_value(exc)
    }

    /// `from module import name`.
    pub fn import_from(&mut self, module: &Value, name: &Rc<PyStr>) -> PyResult<Value> {
        match self.get_attr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Module(m) = module {
                    // The module's name is its `__name__` (importlib names the
                    // modules it makes only there).
                    let module_name = self
                        .module_display_name(m)
                        .unwrap_or_else(|| m.name.clone());
                    let sub = format!("{}.{}", module_name.as_str(), name.as_str());
                    match self.import_one(&sub) {
                        Ok(v) => {
                            self.bind_submodule(m, name, &v);
                            return Ok(v);
                        }
                        // Only the submodule's own absence means the name is missing;
                        // any other error from running it is the program's to see.
                        Err(e) if !self.is_missing_module(&e, &sub)? => return Err(e),
                        Err(_) => {}
                    }
                    let file = m.dict.get_str(&self.names.d_file.clone());
                    let location = match &file {
                        Some(Value::Str(f)) => format!(" ({})", f.as_str()),
                        _ => " (unknown location)".to_string(),
                    };
                    let msg = format!(
                        "cannot import name '{}' from '{}'{}",
                        name.as_str(),
                        module_name.as_str(),
                        location
                    );
                    let err = self.import_error(
                        &self.types.import_error.clone(),
                        &msg,
                        Value::Str(module_name),
                        file.unwrap_or(Value::None),
                    );
                    if let Value::Instance(i) = err.value() {
                        if let Some(d) = &i.dict {
                            d.set_str(self.intern("name_from"), Value::Str(name.clone()));
                        }
                    }
                    return Err(err);
                }
                Err(self.new_error(
                    &self.types.import_error.clone(),
                    &format!("cannot import name '{}'", name.as_str()),
                ))
            }
        }
    }

    /// Whether `err` is the ModuleNotFoundError of module `name` itself.
    fn is_missing_module(&mut self, err: &super::PyErr, name: &str) -> PyResult<bool> {
        if !self.err_matches(err, &self.types.module_not_found_error.clone()) {
            return Ok(false);
        }
        let key = self.intern("name");
        Ok(match self.get_attr_opt(err.value(), &key)? {
            Some(Value::Str(s)) => s.as_str() == name,
            _ => false,
        })
    }

    /// A submodule imported by `from package import name` is an attribute of its
    /// package, as after `import package.name`.
    fn bind_submodule(&mut self, package: &Rc<Module>, name: &Rc<PyStr>, module: &Value) {
        if package.dict.get_str(name).is_none() {
            self.dict_will_set_str(&package.dict, name, module);
            package.dict.set_str(name.clone(), module.clone());
        }
    }

    /// An ImportError (or subclass) with its `name` and `path` attributes.
    fn import_error(
        &mut self,
        cls: &crate::object::TypeRef,
        msg: &str,
        name: Value,
        path: Value,
    ) -> super::PyErr {
        let exc = self.new_exception(cls, vec![Value::str(msg)]);
        if let Value::Instance(i) = &exc {
            if let Some(d) = &i.dict {
                d.set_str(self.intern("name"), name);
                d.set_str(self.intern("path"), path);
                d.set_str(self.intern("msg"), Value::str(msg));
            }
        }
        super::PyErr::from_value(exc)
    }

    /// `from module import *`.
    pub fn import_star(&mut self, module: &Value, ns: &Rc<Dict>) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let all = m.dict.get_str(&self.names.d_all.clone());
        match all {
            Some(names) => {
                for n in self.collect_iterable(&names)? {
                    if let Value::Str(s) = &n {
                        let v = self.get_attr(module, s)?;
                        self.dict_will_set_str(ns, s, &v);
                        ns.set_str(s.clone(), v);
                    }
                }
            }
            None => {
                for (k, v) in m.dict.items() {
                    if let Value::Str(s) = &k {
                        if !s.as_str().starts_with('_') {
                            self.dict_will_set_str(ns, s, &v);
                            ns.set_str(s.clone(), v);
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

//! Running a whole program as `__main__`: sys.argv and sys.path, the uncaught
//! exception report, SystemExit and the exit status.

use super::Vm;
use crate::object::{Dict, PyStr, Value};
use std::rc::Rc;

impl Vm {
    /// Run `path` as the main module with `argv` (argv[0] is the script path).
    /// Returns the process exit status.
    pub fn run_main(&mut self, path: &str, argv: &[String]) -> i32 {
        // As in CPython, the script is named by its absolute path (joined to the
        // working directory as given, not normalised).
        let path = match std::env::current_dir() {
            Ok(cwd) if !std::path::Path::new(path).is_absolute() => {
                cwd.join(path).to_string_lossy().into_owned()
            }
            _ => path.to_string(),
        };
        let path = path.as_str();
        let src = match std::fs::read_to_string(path) {
            Ok(s) => s,
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let description = e.to_string();
                let suffix = format!(" (os error {errno})");
                self.write_stderr(&format!(
                    "tripwire: can't open file '{}': [Errno {}] {}\n",
                    path,
                    errno,
                    description.strip_suffix(&suffix).unwrap_or(&description)
                ));
                return 2;
            }
        };
        let argv_list = Value::list(argv.iter().map(|a| Value::str(a)).collect());
        self.sys.dict.set_str(self.intern("argv"), argv_list);
        let dir = std::path::Path::new(path)
            .parent()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = if dir.is_empty() { ".".to_string() } else { dir };
        self.sys
            .dict
            .set_str(self.intern("path"), Value::list(vec![Value::str(&dir)]));
        let main = self.new_module("__main__");
        self.trace_namespace(&main.dict);
        main.dict
            .set_str(self.names.d_file.clone(), Value::str(path));
        // As in CPython, `__main__.__builtins__` is the module (other modules get
        // its dict).
        if let Some(builtins) = self.modules.get_str(&self.intern("builtins")) {
            let key = self.names.builtins.clone();
            self.dict_will_set_str(&main.dict, &key, &builtins);
            main.dict.set_str(key, builtins);
        }
        self.main_module = Some(main.clone());
        let result = self.exec_source(&src, path, main.dict.clone());
        self.run_finalizers();
        let mut status = match result {
            Ok(_) => 0,
            Err(e) => self.exit_status(e),
        };
        if let Err(e) = self.join_threads() {
            status = self.exit_status(e);
        }
        if let Some(m) = self.main_module.take() {
            self.clear_module_at_exit(&m.dict);
        }
        self.run_finalizers();
        self.flush_stdout();
        status
    }

    /// Module globals die at exit. As with CPython in the common cases, instances die
    /// first, in order, then containers, while the functions, classes, modules and
    /// constants their `__del__` may use are still there; then each remaining name
    /// is set to None (those with one leading underscore first), as CPython clears a
    /// module.
    fn clear_module_at_exit(&mut self, globals: &Rc<Dict>) {
        let passes = [
            ExitPass::Instances,
            ExitPass::Containers,
            ExitPass::Private,
            ExitPass::Rest,
        ];
        for pass in passes {
            for key in globals.keys() {
                let Value::Str(name) = key else { continue };
                let text = name.as_str();
                let chosen = match pass {
                    ExitPass::Instances => {
                        matches!(globals.get_str(&name), Some(Value::Instance(_)))
                    }
                    ExitPass::Containers => matches!(
                        globals.get_str(&name),
                        Some(Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Tuple(_))
                    ),
                    ExitPass::Private => text.starts_with('_') && !text.starts_with("__"),
                    ExitPass::Rest => true,
                };
                if text != "__builtins__" && chosen {
                    drop(globals.set_str(name, Value::None));
                    self.run_finalizers();
                }
            }
        }
        drop(globals.clear());
    }

    /// As CPython at exit: wait for the threads `threading` started that are not
    /// daemons.
    fn join_threads(&mut self) -> super::PyResult<()> {
        let Some(threading) = self.modules.get_str(&self.intern("threading")) else {
            return Ok(());
        };
        let shutdown = self.intern("_shutdown");
        let f = self.get_attr(&threading, &shutdown)?;
        self.call(&f, &[], &[])?;
        self.run_finalizers();
        Ok(())
    }

    /// Report an uncaught exception; SystemExit gives its code instead.
    pub fn exit_status(&mut self, e: super::PyErr) -> i32 {
        let exc = e.into_value();
        if self.type_of(&exc).is_subtype(&self.types.system_exit) {
            let code = self
                .get_attr_opt(&exc, &Rc::new(PyStr::new("code")))
                .ok()
                .flatten()
                .unwrap_or(Value::None);
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::Bool(b) => b as i32,
                other => {
                    let text = self
                        .to_str(&other)
                        .map(|s| s.as_str().to_string())
                        .unwrap_or_default();
                    self.write_stderr(&format!("{text}\n"));
                    1
                }
            };
        }
        let text = self.format_exception(&exc);
        self.write_stderr(&text);
        1
    }
}

/// The passes over a module's names at exit (see `Vm::clear_module_at_exit`).
#[derive(Clone, Copy)]
enum ExitPass {
    Instances,
    Containers,
    Private,
    Rest,
}

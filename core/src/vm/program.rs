//! Running a whole program as `__main__`: sys.argv and sys.path, the uncaught
//! exception report, SystemExit and the exit status.

use super::Vm;
use crate::object::{PyStr, Value};
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
        // Module globals die at exit, as CPython clears them.
        if let Some(m) = self.main_module.take() {
            drop(m.dict.clear());
        }
        self.run_finalizers();
        self.flush_stdout();
        status
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

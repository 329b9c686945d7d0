//! Running a whole program as `__main__`: sys.argv and sys.path, the uncaught
//! exception report, SystemExit and the exit status.

use super::Vm;
use crate::object::{Dict, PyStr, Value};
use std::ffi::OsStr;
use std::path::Path;
use std::rc::Rc;

/// An operating-system string as text, each undecodable byte as U+FFFD: for the
/// names the runtime itself shows (the script's, in messages and tracebacks).
pub fn os_text(s: &OsStr) -> String {
    decode_os(s, |_, text| text.push(char::REPLACEMENT_CHARACTER))
}

/// An operating-system string as CPython decodes it: UTF-8 with surrogateescape,
/// so each undecodable byte is a lone surrogate and `os.fsencode` gives it back.
pub fn os_str_value(s: &OsStr) -> Value {
    use std::os::unix::ffi::OsStrExt;
    Value::from_wtf8(crate::object::wtf8::from_bytes_escaped(s.as_bytes()))
}

/// `os_text` as CPython prints such a string in a message (`\udcff`).
fn os_text_escaped(s: &OsStr) -> String {
    decode_os(s, |b, text| text.push_str(&format!("\\udc{b:02x}")))
}

fn decode_os(s: &OsStr, undecodable: impl Fn(u8, &mut String)) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut text = String::with_capacity(s.len());
    for chunk in s.as_bytes().utf8_chunks() {
        text.push_str(chunk.valid());
        for &b in chunk.invalid() {
            undecodable(b, &mut text);
        }
    }
    text
}

impl Vm {
    /// Run `path` as the main module with `argv` (argv[0] is the script path).
    /// Returns the process exit status. Paths and arguments are the operating
    /// system's strings: `sys.argv` and `__file__` decode them as CPython does.
    pub fn run_main(&mut self, path: impl AsRef<OsStr>, argv: &[impl AsRef<OsStr>]) -> i32 {
        let argv: Vec<&OsStr> = argv.iter().map(AsRef::as_ref).collect();
        self.run_main_os(Path::new(path.as_ref()), &argv)
    }

    /// Run the source `code` as the main module, as `python -c code args...` does:
    /// `sys.argv` is `['-c', args...]`, `sys.path[0]` is `''` (the working
    /// directory) and tracebacks name the file `<string>`.
    pub fn run_main_code(&mut self, code: &str, args: &[impl AsRef<OsStr>]) -> i32 {
        super::signals::install_sigint_handler();
        let mut argv: Vec<&OsStr> = vec![OsStr::new("-c")];
        argv.extend(args.iter().map(AsRef::as_ref));
        self.run_as_main(
            Ok(code.to_string()),
            "<string>",
            None,
            Value::str(""),
            &argv,
        )
    }

    /// Run the module `name` (found on `sys.path`) as the main module, as
    /// `python -m name args...` does: through `runpy._run_module_as_main`, so
    /// `sys.argv` is `['-m', args...]` until runpy puts the module's path first,
    /// `sys.path[0]` is the working directory, and a module that cannot be found
    /// ends the program with runpy's message ("No module named ...") and status 1.
    pub fn run_main_module(&mut self, name: &str, args: &[impl AsRef<OsStr>]) -> i32 {
        super::signals::install_sigint_handler();
        let mut argv: Vec<&OsStr> = vec![OsStr::new("-m")];
        argv.extend(args.iter().map(AsRef::as_ref));
        // The name as a Python literal that holds any text exactly (what a module
        // name may hold as it is, the rest escaped).
        let literal: String = name
            .chars()
            .map(|c| match c {
                '.' | '_' => c.to_string(),
                c if c.is_alphanumeric() => c.to_string(),
                c => format!("\\U{:08x}", c as u32),
            })
            .collect();
        let code = format!("__import__('runpy')._run_module_as_main('{literal}')");
        let cwd = match std::env::current_dir() {
            Ok(dir) => os_str_value(dir.as_os_str()),
            Err(_) => Value::str(""),
        };
        self.run_as_main(Ok(code), "<run_module>", None, cwd, &argv)
    }

    fn run_main_os(&mut self, path: &Path, argv: &[&OsStr]) -> i32 {
        super::signals::install_sigint_handler();
        // As in CPython, the script is named by its absolute path (joined to the
        // working directory as given, not normalised).
        let path = match std::env::current_dir() {
            Ok(cwd) if !path.is_absolute() => cwd.join(path),
            _ => path.to_path_buf(),
        };
        let name = os_text(path.as_os_str());
        let src = match std::fs::read(&path) {
            Ok(bytes) => super::source_file::decode(&bytes, &name),
            Err(e) => {
                let errno = e.raw_os_error().unwrap_or(2);
                let description = e.to_string();
                let suffix = format!(" (os error {errno})");
                self.write_stderr(&format!(
                    "tripwire: can't open file '{}': [Errno {}] {}\n",
                    os_text_escaped(path.as_os_str()),
                    errno,
                    description.strip_suffix(&suffix).unwrap_or(&description)
                ));
                return 2;
            }
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => os_str_value(p.as_os_str()),
            _ => Value::str("."),
        };
        self.run_as_main(src, &name, Some(&name), dir, argv)
    }

    /// Run `src` (or report why it could not be decoded) as `__main__`, named
    /// `name`, with `__file__` set to `file`, `path0` first on `sys.path` and
    /// `argv` as `sys.argv`; then the exit sequence. Returns the exit status.
    fn run_as_main(
        &mut self,
        src: Result<String, String>,
        name: &str,
        file: Option<&str>,
        path0: Value,
        argv: &[&OsStr],
    ) -> i32 {
        let argv_list = Value::list(argv.iter().map(|a| os_str_value(a)).collect());
        self.sys.dict.set_str(self.intern("argv"), argv_list);
        // The script's folder goes first, before what the embedder put on sys.path
        // (CPython's library, found by tripwire-stdlib).
        let key = self.intern("path");
        let mut search = vec![path0];
        if let Some(Value::List(rest)) = self.sys.dict.get_str(&key) {
            search.extend(rest.snapshot().iter().cloned());
        }
        self.sys.dict.set_str(key, Value::list(search));
        let main = self.new_module("__main__");
        // A script or -c source has no package or spec (runpy sets them for -m).
        for key in [self.names.d_package.clone(), self.intern("__spec__")] {
            main.dict.set_str(key, Value::None);
        }
        self.trace_namespace(&main.dict);
        if let Some(file) = file {
            main.dict
                .set_str(self.names.d_file.clone(), Value::str(file));
        }
        // As in CPython, `__main__.__builtins__` is the module (other modules get
        // its dict).
        if let Some(builtins) = self.modules.get_str(&self.intern("builtins")) {
            let key = self.names.builtins.clone();
            self.dict_will_set_str(&main.dict, &key, &builtins);
            main.dict.set_str(key, builtins);
        }
        self.main_module = Some(main.clone());
        let result = match src {
            Ok(src) => self.exec_source(&src, name, main.dict.clone()),
            Err(msg) => Err(self.source_error(&msg)),
        };
        self.run_finalizers();
        let mut status = match result {
            Ok(_) => 0,
            Err(e) => self.exit_status(e),
        };
        if let Err(e) = self.join_threads() {
            status = self.exit_status(e);
        }
        self.run_atexit_callbacks();
        if let Some(m) = self.main_module.take() {
            self.clear_module_at_exit(&m.dict);
        }
        self.run_finalizers();
        self.flush_stdout_at_exit(status)
    }

    /// The SyntaxError of a source file that cannot be decoded: a message, no
    /// location.
    pub fn source_error(&mut self, msg: &str) -> super::PyErr {
        let exc = self.new_exception(&self.types.syntax_error.clone(), vec![Value::str(msg)]);
        if let Value::Instance(i) = &exc {
            if let Some(d) = &i.dict {
                d.set_str(self.intern("msg"), Value::str(msg));
            }
        }
        super::PyErr::from_value(exc)
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
    /// The functions registered with `atexit`, if a program imported it, the last
    /// registered first (`atexit._pop_callback` hands them out); an exception in one
    /// is reported as unraisable and the others still run, as in CPython.
    fn run_atexit_callbacks(&mut self) {
        let Some(module) = self.modules.get_str(&self.intern("atexit")) else {
            return;
        };
        let name = self.intern("_pop_callback");
        let Ok(Some(pop)) = self.get_attr_opt(&module, &name) else {
            return;
        };
        while let Ok(Value::Tuple(entry)) = self.call(&pop, &[], &[]) {
            let [func, Value::Tuple(args), Value::Dict(kwargs)] = &entry.items[..] else {
                break;
            };
            let kwargs: Vec<crate::object::function::KwArg> = kwargs
                .items()
                .into_iter()
                .filter_map(|(k, v)| k.as_str().map(|k| (k.clone(), v)))
                .collect();
            if let Err(e) = self.call(func, &args.items, &kwargs) {
                let exit = self.types.system_exit.clone();
                if self.type_of(e.value()).is_subtype(&exit) {
                    continue;
                }
                let shown = match self.repr(func) {
                    Ok(r) => r.as_str().to_string(),
                    Err(_) => String::from("<callback>"),
                };
                self.report_unraisable_msg(
                    &format!("Exception ignored in atexit callback {shown}"),
                    e,
                );
            }
        }
    }

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
            // As C's exit() takes it: the int truncated to 32 bits, of which the
            // system keeps the low 8; an int too large for a C long is -1.
            return match code {
                Value::None => 0,
                Value::Int(i) => i as i32,
                Value::BigInt(_) => -1,
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
        self.note_uncaught(&exc);
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

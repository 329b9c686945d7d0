//! Helpers shared by the integration tests that compare interpreter output.

// Each test crate includes this module and uses a part of it.
#![allow(dead_code)]

/// Run `src` as the program `NAME.py` (in a directory of this test process, named
/// after `suite`) under the tripwire binary: (stdout, stderr, exit status).
pub fn run_program(suite: &str, name: &str, src: &str) -> (String, String, i32) {
    run_program_with(suite, name, src, &[])
}

/// `run_program` with options of `tripwire run` before the program.
pub fn run_program_with(
    suite: &str,
    name: &str,
    src: &str,
    options: &[&str],
) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("tripwire-{suite}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write program");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .arg("run")
        .args(options)
        .arg(&path)
        .output()
        .expect("run tripwire");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// Addresses and directories out of a stderr text.
pub fn normalize(stderr: &str) -> String {
    let mut out = String::new();
    for line in stderr.lines() {
        let mut l = String::new();
        let mut rest = line;
        while let Some(i) = rest.find("0x") {
            l.push_str(&rest[..i]);
            l.push_str("0xADDR");
            rest = rest[i + 2..].trim_start_matches(|c: char| c.is_ascii_hexdigit());
        }
        l.push_str(rest);
        if let Some(start) = l.find("File \"") {
            let path_start = start + 6;
            if let Some(len) = l[path_start..].find('"') {
                let path = &l[path_start..path_start + len];
                let file = path.rsplit('/').next().unwrap_or(path).to_string();
                l.replace_range(path_start..path_start + len, &file);
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Run `src` in an interpreter with `globals` as its module namespace; the error
/// formatted as a traceback.
pub fn exec(
    vm: &mut tripwire::Vm,
    globals: &std::rc::Rc<tripwire::core::object::Dict>,
    src: &str,
) -> Result<(), String> {
    vm.exec_source(src, "<test>", globals.clone())
        .map(|_| ())
        .map_err(|e| vm.format_exception(e.value()))
}

/// The repr of global `name` (None when unbound).
pub fn global(vm: &mut tripwire::Vm, globals: &tripwire::core::object::Dict, name: &str) -> String {
    let v = globals
        .get_str(&tripwire::core::object::PyStr::new(name))
        .unwrap_or(tripwire::Value::None);
    match vm.repr(&v) {
        Ok(s) => s.as_str().to_string(),
        Err(_) => "<repr failed>".to_string(),
    }
}

/// The name of the code a hook's frame runs.
pub fn code_name(vm: &tripwire::Vm, frame: tripwire::core::vm::hooks::FrameRef) -> String {
    frame
        .frame(vm)
        .map(|f| f.code.name.as_str().to_string())
        .unwrap_or_default()
}

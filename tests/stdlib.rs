//! Finding CPython's pure-Python library and describing the installation in `sys`:
//! what only tripwire prints (its own name, no cache tag) or what depends on the
//! environment, checked on tripwire alone. Programs that need a library skip with a
//! message where none is found.

use std::process::Command;

/// Run `src` under tripwire with extra environment variables: (stdout, stderr, status).
fn run_with_env(name: &str, src: &str, env: &[(&str, &str)]) -> (String, String, i32) {
    let dir = std::env::temp_dir().join(format!("tripwire-stdlib-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!("{name}.py"));
    std::fs::write(&path, src).expect("write program");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tripwire"));
    cmd.arg("run").arg(&path);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("run tripwire");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn sys_names_tripwire_without_a_cache_tag() {
    let (out, err, status) = run_with_env(
        "implementation",
        "import sys\nprint(sys.implementation.name, sys.implementation.cache_tag)\n\
         print(sys.implementation.version.major, sys.flags.dont_write_bytecode)\n\
         print('sys' in sys.builtin_module_names, 'math' in sys.builtin_module_names)\n\
         print(sys.executable.endswith('tripwire'))\n",
        &[],
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "tripwire None\n3 1\nTrue True\nTrue\n");
}

#[test]
fn without_a_library_the_bundled_modules_still_work() {
    let (out, err, status) = run_with_env(
        "no_library",
        "import sys, collections, functools, math\n\
         print(len(sys.path), sys.prefix == '')\n\
         print(collections.Counter('abca').most_common(1))\n\
         try:\n    import fractions\nexcept ImportError as e:\n    print(type(e).__name__, e)\n",
        &[
            ("TRIPWIRE_STDLIB", "/nonexistent-library"),
            ("PYTHONPATH", ""),
        ],
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "1 True\n[('a', 2)]\nModuleNotFoundError No module named 'fractions'\n"
    );
}

#[test]
fn pythonpath_comes_after_the_scripts_folder() {
    let extra = std::env::temp_dir().join(format!("tripwire-pp-{}", std::process::id()));
    std::fs::create_dir_all(&extra).expect("temp dir");
    std::fs::write(extra.join("pp_helper.py"), "VALUE = 42\n").expect("write helper");
    let extra = extra.display().to_string();
    let (out, err, status) = run_with_env(
        "pythonpath",
        "import sys, pp_helper\nprint(pp_helper.VALUE, sys.path[1] == __import__('os').environ['PYTHONPATH'])\n",
        &[("PYTHONPATH", &extra)],
    );
    assert_eq!(status, 0, "{err}");
    assert_eq!(out, "42 True\n");
}

#[test]
fn the_library_comes_after_the_scripts_folder() {
    let Some(install) = tripwire::stdlib::locate::find() else {
        eprintln!("skipped: no CPython 3.13 library found (set TRIPWIRE_STDLIB)");
        return;
    };
    let (out, err, status) = run_with_env(
        "library_path",
        "import sys\nprint('\\n'.join(sys.path[1:]))\nprint(sys.prefix)\n",
        &[("PYTHONPATH", "")],
    );
    assert_eq!(status, 0, "{err}");
    let lib = install.lib.display().to_string();
    let mut lines = out.lines();
    assert!(
        lines.next().is_some_and(|l| l.ends_with("python313.zip")),
        "{out}"
    );
    assert_eq!(lines.next(), Some(lib.as_str()), "{out}");
    assert_eq!(
        out.lines().last(),
        Some(install.prefix.display().to_string().as_str())
    );
}

//! Imports from packages on disk (a corpus program is a single file, so the packages
//! these need are written to a temporary folder first). Expected output is CPython
//! 3.13's.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A fresh folder holding `files` (relative path, contents).
fn tree(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tripwire-imports-{}-{name}", std::process::id()));
    for (rel, src) in files {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap_or(Path::new("."))).expect("folder");
        std::fs::write(&path, src).expect("write file");
    }
    dir
}

fn run(dir: &Path, main: &str) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_tripwire"))
        .arg("run")
        .arg(dir.join(main))
        .output()
        .expect("run tripwire");
    let _ = std::fs::remove_dir_all(dir);
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn from_package_import_shows_the_submodules_own_errors() {
    let dir = tree(
        "from_import",
        &[
            ("pk/__init__.py", ""),
            ("pk/broken.py", "raise AttributeError('boom')\n"),
            ("pk/needs.py", "import nothere\n"),
            ("pk/fine.py", "X = 1\n"),
            (
                "main.py",
                "import pk\n\
                 from pk import fine\n\
                 print(pk.fine is fine, fine.X)\n\
                 for name in ('broken', 'needs', 'missing'):\n\
                 \x20   try:\n\
                 \x20       exec(f'from pk import {name}')\n\
                 \x20   except Exception as e:\n\
                 \x20       named = e.name if isinstance(e, ImportError) else '-'\n\
                 \x20       print(type(e).__name__, str(e).replace(pk.__file__, 'FILE'), named)\n",
            ),
        ],
    );
    let (out, err, status) = run(&dir, "main.py");
    assert_eq!(status, 0, "{err}");
    assert_eq!(
        out,
        "True 1\n\
         AttributeError boom -\n\
         ModuleNotFoundError No module named 'nothere' nothere\n\
         ImportError cannot import name 'missing' from 'pk' (FILE) pk\n"
    );
}

#[test]
fn a_relative_from_import_in_a_package_init_raises_what_the_submodule_raised() {
    let dir = tree(
        "relative",
        &[
            ("pk/__init__.py", "from . import sub\n"),
            ("pk/sub.py", "raise AttributeError('boom')\n"),
            ("main.py", "import pk\n"),
        ],
    );
    let (_, err, status) = run(&dir, "main.py");
    assert_eq!(status, 1);
    assert_eq!(err.lines().last(), Some("AttributeError: boom"), "{err}");
}

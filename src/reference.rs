//! Finding CPython 3.13, the reference every output is compared with: the tests and
//! the fuzzer use it where a machine has one, and skip what needs it where none is.

use std::path::Path;
use std::process::Command;

/// A CPython 3.13 that really runs: `TRIPWIRE_REFERENCE_PYTHON`, else `python3.13`
/// on PATH, else the newest 3.13 under `pyenv root`.
pub fn cpython_313() -> Option<String> {
    let mut candidates = Vec::new();
    if let Ok(p) = std::env::var("TRIPWIRE_REFERENCE_PYTHON") {
        candidates.push(p);
    }
    candidates.push("python3.13".to_string());
    if let Ok(out) = Command::new("pyenv").arg("root").output() {
        let root = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if let Ok(entries) = std::fs::read_dir(Path::new(&root).join("versions")) {
            let mut found: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("3.13"))
                .collect();
            found.sort();
            for v in found.into_iter().rev() {
                candidates.push(format!("{root}/versions/{v}/bin/python3"));
            }
        }
    }
    candidates.into_iter().find(|c| {
        Command::new(c)
            .args(["-c", "import sys; print(sys.version_info[:2] == (3, 13))"])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "True")
            .unwrap_or(false)
    })
}

//! Finding CPython 3.13, the reference every output is compared with: the tests, the
//! fuzzer and `tripwire bench` use it where a machine has one, and skip what needs it
//! where none is.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A CPython 3.13 that really runs: `TRIPWIRE_REFERENCE_PYTHON`, else `python3.13`
/// on PATH, else the newest 3.13 under pyenv's root (`pyenv root`, else
/// `PYENV_ROOT`, else `~/.pyenv`).
pub fn cpython_313() -> Option<String> {
    let mut candidates = Vec::new();
    if let Ok(p) = std::env::var("TRIPWIRE_REFERENCE_PYTHON") {
        candidates.push(p);
    }
    candidates.push("python3.13".to_string());
    for root in pyenv_roots() {
        if let Ok(entries) = std::fs::read_dir(root.join("versions")) {
            let mut found: Vec<String> = entries
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("3.13"))
                .collect();
            found.sort_by_key(|v| version_key(v));
            for v in found.into_iter().rev() {
                let python = root.join("versions").join(v).join("bin/python3");
                candidates.push(python.to_string_lossy().into_owned());
            }
        }
    }
    candidates.into_iter().find(|c| is_cpython_313(c))
}

/// Whether `python` starts and says it is 3.13.
pub fn is_cpython_313(python: &str) -> bool {
    Command::new(python)
        .args(["-c", "import sys; print(sys.version_info[:2] == (3, 13))"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "True")
        .unwrap_or(false)
}

/// Where pyenv may keep its versions, most authoritative first.
fn pyenv_roots() -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let Ok(out) = Command::new("pyenv").arg("root").output() {
        let root = String::from_utf8_lossy(&out.stdout).trim().to_string();
        if out.status.success() && !root.is_empty() {
            roots.push(PathBuf::from(root));
        }
    }
    if let Some(root) = std::env::var_os("PYENV_ROOT") {
        roots.push(PathBuf::from(root));
    }
    if let Some(home) = std::env::var_os("HOME") {
        roots.push(Path::new(&home).join(".pyenv"));
    }
    roots.dedup();
    roots
}

/// `3.13.10` after `3.13.9`: the numbers of a version name, compared as numbers.
fn version_key(name: &str) -> Vec<u64> {
    name.split('.')
        .map(|part| {
            let digits: String = part.chars().take_while(|c| c.is_ascii_digit()).collect();
            digits.parse().unwrap_or(0)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::version_key;

    #[test]
    fn versions_compare_as_numbers() {
        assert!(version_key("3.13.10") > version_key("3.13.9"));
        assert!(version_key("3.13.0") < version_key("3.13.1t"));
    }
}

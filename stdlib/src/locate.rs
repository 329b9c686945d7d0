//! Finding the pure-Python library of an installed CPython 3.13, by path probes only
//! (no process is started: start-up must stay cheap).
//!
//! Order: `TRIPWIRE_STDLIB` (the library folder itself, the one holding `os.py`; a
//! folder without it turns the library off), else
//! a `python3.13` on `PATH` (following symbolic links to its install), else pyenv's
//! versions (`PYENV_ROOT`, or `~/.pyenv`), the newest 3.13 first. Depends on std only.

use std::path::{Path, PathBuf};

/// An installed CPython 3.13: its prefix and its library folder, and the virtual
/// environment (PEP 405) it was found through, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Install {
    /// `sys.base_prefix` of that CPython (the folder holding `bin/` and `lib/`).
    pub prefix: PathBuf,
    /// The pure-Python library: `PREFIX/lib/python3.13`.
    pub lib: PathBuf,
    /// The virtual environment's folder (the one holding `pyvenv.cfg`): `sys.prefix`,
    /// whose site-packages take the place of the install's.
    pub venv: Option<PathBuf>,
}

impl Install {
    /// The folders CPython puts on `sys.path` after the script's folder and
    /// `PYTHONPATH`, in CPython's order.
    pub fn path_entries(&self) -> Vec<PathBuf> {
        let parent = self.lib.parent().unwrap_or(&self.lib);
        let site = match &self.venv {
            Some(venv) => venv.join("lib/python3.13/site-packages"),
            None => self.lib.join("site-packages"),
        };
        vec![
            parent.join("python313.zip"),
            self.lib.clone(),
            self.lib.join("lib-dynload"),
            site,
        ]
    }

    /// `sys.prefix`: the virtual environment's folder, else the install's.
    pub fn sys_prefix(&self) -> &Path {
        self.venv.as_deref().unwrap_or(&self.prefix)
    }
}

/// The library folder of a CPython install, if `lib` is one.
fn library_at(lib: PathBuf) -> Option<Install> {
    if !lib.join("os.py").is_file() {
        return None;
    }
    let prefix = lib.parent()?.parent()?.to_path_buf();
    Some(Install {
        prefix,
        lib,
        venv: None,
    })
}

/// The install of the interpreter at `exe` (`PREFIX/bin/python3.13`), or, when `exe`
/// is a pyenv shim, the newest 3.13 of that pyenv; through a virtual environment
/// when `exe` is one's (`VENV/bin/python3.13` beside `VENV/pyvenv.cfg`).
fn install_of_executable(exe: &Path) -> Option<Install> {
    let venv = exe
        .parent()
        .and_then(Path::parent)
        .filter(|v| v.join("pyvenv.cfg").is_file())
        .and_then(|v| std::path::absolute(v).ok());
    let base = base_install_of_executable(exe)?;
    Some(Install { venv, ..base })
}

fn base_install_of_executable(exe: &Path) -> Option<Install> {
    let real = std::fs::canonicalize(exe).ok()?;
    let bin = real.parent()?;
    if bin.file_name().is_some_and(|n| n == "shims") {
        return pyenv_install(bin.parent()?);
    }
    library_at(bin.parent()?.join("lib/python3.13"))
}

/// The newest CPython 3.13 of the pyenv rooted at `root`.
fn pyenv_install(root: &Path) -> Option<Install> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir(root.join("versions"))
        .ok()?
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name == "3.13" || name.starts_with("3.13.")
        })
        .map(|e| e.path())
        .collect();
    versions.sort_by_key(|p| patch_level(p));
    versions
        .into_iter()
        .rev()
        .find_map(|v| library_at(v.join("lib/python3.13")))
}

/// The patch number of a version folder such as `3.13.2` (0 when there is none).
fn patch_level(p: &Path) -> u32 {
    p.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_prefix("3.13."))
        .and_then(|rest| rest.parse().ok())
        .unwrap_or(0)
}

/// Where CPython 3.13's library is, as the environment `var` describes it.
pub fn find_with(var: impl Fn(&str) -> Option<String>) -> Option<Install> {
    if let Some(dir) = var("TRIPWIRE_STDLIB").filter(|d| !d.is_empty()) {
        // A folder without os.py means "no library": nothing further is searched.
        return library_at(PathBuf::from(dir));
    }
    if let Some(path) = var("PATH") {
        for dir in std::env::split_paths(&path) {
            let exe = dir.join("python3.13");
            if exe.is_file() {
                if let Some(install) = install_of_executable(&exe) {
                    return Some(install);
                }
            }
        }
    }
    let root = var("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| var("HOME").map(|h| Path::new(&h).join(".pyenv")))?;
    pyenv_install(&root)
}

/// Where CPython 3.13's library is, from this process's environment.
pub fn find() -> Option<Install> {
    find_with(|name| std::env::var(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fake_install(root: &Path, version: &str) -> PathBuf {
        let lib = root.join("versions").join(version).join("lib/python3.13");
        std::fs::create_dir_all(&lib).unwrap();
        std::fs::write(lib.join("os.py"), "").unwrap();
        lib
    }

    #[test]
    fn explicit_folder_wins() {
        let tmp = std::env::temp_dir().join(format!("tw-locate-a-{}", std::process::id()));
        let lib = fake_install(&tmp, "3.13.1");
        let found = find_with(|n| (n == "TRIPWIRE_STDLIB").then(|| lib.display().to_string()));
        assert_eq!(found.map(|i| i.lib), Some(lib));
        std::fs::remove_dir_all(tmp).unwrap();
    }

    #[test]
    fn newest_pyenv_version_through_a_shim() {
        let tmp = std::env::temp_dir().join(format!("tw-locate-b-{}", std::process::id()));
        fake_install(&tmp, "3.13.2");
        let newest = fake_install(&tmp, "3.13.10");
        fake_install(&tmp, "3.12.9");
        std::fs::create_dir_all(tmp.join("shims")).unwrap();
        std::fs::write(tmp.join("shims/python3.13"), "#!/bin/sh\n").unwrap();
        let path = tmp.join("shims").display().to_string();
        let found = find_with(|n| (n == "PATH").then(|| path.clone()));
        assert_eq!(found.as_ref().map(|i| i.lib.clone()), Some(newest));
        assert_eq!(found.map(|i| i.prefix), Some(tmp.join("versions/3.13.10")));
        std::fs::remove_dir_all(tmp).unwrap();
    }

    #[test]
    fn virtual_environment_site_packages() {
        let tmp = std::env::temp_dir().join(format!("tw-locate-c-{}", std::process::id()));
        let lib = fake_install(&tmp, "3.13.1");
        let base_exe = tmp.join("versions/3.13.1/bin/python3.13");
        std::fs::create_dir_all(base_exe.parent().unwrap()).unwrap();
        std::fs::write(&base_exe, "").unwrap();
        let venv = tmp.join("venv");
        std::fs::create_dir_all(venv.join("bin")).unwrap();
        std::fs::write(venv.join("pyvenv.cfg"), "home = x\n").unwrap();
        std::os::unix::fs::symlink(&base_exe, venv.join("bin/python3.13")).unwrap();
        let path = venv.join("bin").display().to_string();
        let found = find_with(|n| (n == "PATH").then(|| path.clone())).unwrap();
        assert_eq!(found.lib, lib);
        assert_eq!(found.sys_prefix(), venv.as_path());
        assert_eq!(
            found.path_entries().last(),
            Some(&venv.join("lib/python3.13/site-packages"))
        );
        std::fs::remove_dir_all(tmp).unwrap();
    }

    #[test]
    fn nothing_found() {
        assert_eq!(find_with(|_| None), None);
    }
}

//! The programs `tripwire bench` runs: NAME.py files with their expected stdout in
//! NAME.out beside them, named on the command line one by one, by folder, or by a
//! bare NAME of `bench/`. Depends on nothing else in the command.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// The folder of the benchmark suite, relative to the current directory.
const SUITE: &str = "bench";

#[derive(Clone, Debug)]
pub struct Program {
    /// NAME, the file name without `.py`.
    pub name: String,
    /// The NAME.py file.
    pub path: PathBuf,
    /// The contents of NAME.out.
    pub expected: Vec<u8>,
}

impl Program {
    /// The folder a run starts in: the program's own.
    pub fn dir(&self) -> &Path {
        match self.path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        }
    }

    /// The argument that names the program to a run started in `dir()`.
    pub fn file_name(&self) -> &OsStr {
        self.path.file_name().unwrap_or(self.path.as_os_str())
    }
}

/// The programs the arguments name, in their order (a folder's sorted by name);
/// with none, the suite's.
pub fn find(args: &[OsString]) -> Result<Vec<Program>, String> {
    if args.is_empty() {
        let suite = Path::new(SUITE);
        if !suite.is_dir() {
            return Err(format!(
                "no programs named and no {SUITE}/ folder in the current directory"
            ));
        }
        return folder(suite);
    }
    let mut programs = Vec::new();
    for arg in args {
        let path = PathBuf::from(arg);
        if path.is_dir() {
            programs.extend(folder(&path)?);
        } else if path.is_file() {
            programs.push(program(&path)?.ok_or_else(|| {
                format!(
                    "{}: not a .py file with a .out file beside it",
                    path.display()
                )
            })?);
        } else if let Some(found) = suite_member(arg)? {
            programs.push(found);
        } else {
            return Err(format!("no program or folder '{}'", path.display()));
        }
    }
    Ok(programs)
}

/// Every NAME.py of `dir` that has a NAME.out.
fn folder(dir: &Path) -> Result<Vec<Program>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    let mut programs = Vec::new();
    for path in paths {
        programs.extend(program(&path)?);
    }
    if programs.is_empty() {
        return Err(format!(
            "{} holds no NAME.py with a NAME.out beside it",
            dir.display()
        ));
    }
    Ok(programs)
}

/// `bench/NAME.py` for a bare NAME, as the suite's runner took names.
fn suite_member(arg: &OsStr) -> Result<Option<Program>, String> {
    let bare = arg
        .to_str()
        .filter(|name| !name.is_empty() && !name.contains('/') && !name.ends_with(".py"));
    match bare {
        Some(name) => program(&Path::new(SUITE).join(format!("{name}.py"))),
        None => Ok(None),
    }
}

/// The program at `path` if it is a NAME.py with a NAME.out; an error if its
/// NAME.out cannot be read.
fn program(path: &Path) -> Result<Option<Program>, String> {
    if path.extension() != Some(OsStr::new("py")) || !path.is_file() {
        return Ok(None);
    }
    let expected_path = path.with_extension("out");
    if !expected_path.is_file() {
        return Ok(None);
    }
    let expected = std::fs::read(&expected_path)
        .map_err(|e| format!("cannot read {}: {e}", expected_path.display()))?;
    let name = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Some(Program {
        name,
        path: path.to_path_buf(),
        expected,
    }))
}

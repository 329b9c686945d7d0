//! The calls of `posix` on the file system by name: stat / lstat, listdir and the
//! listing under `scandir`, mkdir / rmdir / unlink / rename / replace, getcwd / chdir,
//! access, readlink / symlink / link, chmod, utime, truncate, umask; the `F_OK` ...
//! constants.

use super::{
    arg, check_kwargs, errno_error, follow_symlinks, int_arg, last_error, name_value, path_arg,
    path_or_fd_arg, PathArg,
};
use std::os::unix::ffi::OsStrExt;
use tripwire_core::builtins::{arg_int, check_args, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{NativeFn, Value};
use tripwire_core::{PyResult, Vm};

pub(super) const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
];

pub(super) const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("stat", stat),
    ("lstat", lstat),
    ("listdir", listdir),
    ("_listdir_entries", listdir_entries),
    ("mkdir", mkdir),
    ("rmdir", rmdir),
    ("unlink", unlink),
    ("remove", unlink),
    ("rename", rename),
    ("replace", rename),
    ("getcwd", getcwd),
    ("getcwdb", getcwdb),
    ("chdir", chdir),
    ("access", access),
    ("readlink", readlink),
    ("symlink", symlink),
    ("link", link),
    ("chmod", chmod),
    ("utime", utime),
    ("truncate", truncate),
    ("umask", umask),
];

/// An unsigned field of a stat result.
fn uint(n: u64) -> Value {
    match i64::try_from(n) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::from_bigint(n.into()),
    }
}

/// A stat result as `posix.py` takes it: mode, ino, dev, nlink, uid, gid, size,
/// then seconds and nanoseconds of atime, mtime and ctime, then blksize, blocks, rdev.
// The field types of `struct stat` differ between platforms: the casts are no-ops
// only on some.
#[allow(clippy::unnecessary_cast)]
pub(crate) fn stat_tuple(st: &libc::stat) -> Value {
    Value::tuple(vec![
        uint(st.st_mode as u64),
        uint(st.st_ino as u64),
        uint(st.st_dev as u64),
        uint(st.st_nlink as u64),
        uint(st.st_uid as u64),
        uint(st.st_gid as u64),
        Value::Int(st.st_size as i64),
        Value::Int(st.st_atime as i64),
        Value::Int(st.st_atime_nsec as i64),
        Value::Int(st.st_mtime as i64),
        Value::Int(st.st_mtime_nsec as i64),
        Value::Int(st.st_ctime as i64),
        Value::Int(st.st_ctime_nsec as i64),
        Value::Int(st.st_blksize as i64),
        Value::Int(st.st_blocks as i64),
        uint(st.st_rdev as u64),
    ])
}

/// `stat(path, *, dir_fd=None, follow_symlinks=True)`; path may be a descriptor.
fn stat(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "stat", kw, &["path", "follow_symlinks"])?;
    let follow = follow_symlinks(vm, kw)?;
    stat_of(vm, "stat", args, kw, follow)
}

fn lstat(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "lstat", kw, &["path"])?;
    stat_of(vm, "lstat", args, kw, false)
}

fn stat_of(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg], follow: bool) -> PyResult<Value> {
    let Some(path) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error(format!("{func}() missing required argument 'path' (pos 1)")));
    };
    // SAFETY: an all-zero stat is a valid value of the plain C struct.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if let Value::Int(fd) = path {
        let fd = int_arg(vm, &Value::Int(*fd))?;
        // SAFETY: st is a valid, writable stat.
        if unsafe { libc::fstat(fd, &mut st) } < 0 {
            return Err(last_error(vm, None));
        }
        return Ok(stat_tuple(&st));
    }
    let path = path_or_fd_arg(vm, func, path, true)?;
    // SAFETY: a NUL-terminated path and a writable stat.
    let r = unsafe {
        if follow {
            libc::stat(path.c.as_ptr(), &mut st)
        } else {
            libc::lstat(path.c.as_ptr(), &mut st)
        }
    };
    if r < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(stat_tuple(&st))
}

/// The directory argument of listdir / scandir: '.' when absent or None.
fn dir_arg(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg]) -> PyResult<PathArg> {
    check_kwargs(vm, func, kw, &["path"])?;
    check_args(vm, func, args, 0, 1)?;
    match arg(args, kw, 0, "path") {
        None | Some(Value::None) => path_arg(vm, func, &Value::str(".")),
        Some(v) => path_arg(vm, func, v),
    }
}

/// A directory entry: name bytes, kind ('d', 'f', 'l' or 'o' from the directory
/// entry, None where the file system does not say) and inode.
type Entry = (Vec<u8>, Option<char>, u64);

/// The entries of a directory.
fn read_entries(vm: &mut Vm, path: &PathArg) -> PyResult<Vec<Entry>> {
    use std::os::unix::fs::DirEntryExt;
    let os_path = std::ffi::OsStr::from_bytes(path.c.as_bytes());
    let fail = |vm: &mut Vm, e: std::io::Error| {
        errno_error(vm, e.raw_os_error().unwrap_or(0), Some(&path.obj), None)
    };
    let rd = match std::fs::read_dir(os_path) {
        Ok(rd) => rd,
        Err(e) => return Err(fail(vm, e)),
    };
    let mut out = Vec::new();
    for entry in rd {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => return Err(fail(vm, e)),
        };
        let kind = entry.file_type().ok().map(|t| {
            if t.is_dir() {
                'd'
            } else if t.is_file() {
                'f'
            } else if t.is_symlink() {
                'l'
            } else {
                'o'
            }
        });
        out.push((entry.file_name().as_bytes().to_vec(), kind, entry.ino()));
    }
    Ok(out)
}

/// `listdir(path='.')`: the names, str or bytes as the path was.
fn listdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let path = dir_arg(vm, "listdir", args, kw)?;
    let entries = read_entries(vm, &path)?;
    Ok(Value::list(
        entries
            .iter()
            .map(|(name, _, _)| name_value(name, path.is_bytes))
            .collect(),
    ))
}

/// `_listdir_entries(path='.')`: what `scandir` builds its DirEntry objects from:
/// (name, kind, inode) per entry.
fn listdir_entries(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let path = dir_arg(vm, "scandir", args, kw)?;
    let entries = read_entries(vm, &path)?;
    Ok(Value::list(
        entries
            .iter()
            .map(|(name, kind, ino)| {
                let kind = kind.map_or(Value::None, |k| Value::from_string(k.to_string()));
                Value::tuple(vec![name_value(name, path.is_bytes), kind, uint(*ino)])
            })
            .collect(),
    ))
}

/// A call on one path: `op` returns libc's status.
fn on_path(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kw: &[KwArg],
    op: impl FnOnce(&PathArg) -> libc::c_int,
) -> PyResult<Value> {
    check_kwargs(vm, func, kw, &["path"])?;
    check_args(vm, func, args, 0, 1)?;
    let Some(path) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error(format!("{func}() missing required argument 'path' (pos 1)")));
    };
    let path = path_arg(vm, func, path)?;
    if op(&path) < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(Value::None)
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "mkdir", kw, &["path", "mode"])?;
    let mode = match arg(args, kw, 1, "mode") {
        Some(m) => int_arg(vm, m)? as libc::mode_t,
        None => 0o777,
    };
    let args = &args[..args.len().min(1)];
    let kw: Vec<KwArg> = kw
        .iter()
        .filter(|(k, _)| k.as_str() != "mode")
        .cloned()
        .collect();
    // SAFETY: a NUL-terminated path.
    on_path(vm, "mkdir", args, &kw, |p| unsafe {
        libc::mkdir(p.c.as_ptr(), mode)
    })
}

fn rmdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    // SAFETY: a NUL-terminated path.
    on_path(vm, "rmdir", args, kw, |p| unsafe {
        libc::rmdir(p.c.as_ptr())
    })
}

fn unlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    // SAFETY: a NUL-terminated path.
    on_path(vm, "unlink", args, kw, |p| unsafe {
        libc::unlink(p.c.as_ptr())
    })
}

fn chdir(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    // SAFETY: a NUL-terminated path.
    on_path(vm, "chdir", args, kw, |p| unsafe {
        libc::chdir(p.c.as_ptr())
    })
}

/// Two paths, `src` and `dst`; an error names both.
fn two_paths(
    vm: &mut Vm,
    func: &str,
    args: &[Value],
    kw: &[KwArg],
    names: [&str; 2],
) -> PyResult<(PathArg, PathArg)> {
    let (Some(a), Some(b)) = (arg(args, kw, 0, names[0]), arg(args, kw, 1, names[1])) else {
        return Err(vm.type_error(format!("{func}() missing required argument '{}'", names[0])));
    };
    Ok((path_arg(vm, func, a)?, path_arg(vm, func, b)?))
}

/// `rename` and `replace` (the same call on POSIX).
fn rename(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(
        vm,
        "rename",
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd"],
    )?;
    let (src, dst) = two_paths(vm, "rename", args, kw, ["src", "dst"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::rename(src.c.as_ptr(), dst.c.as_ptr()) } < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(errno_error(vm, errno, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn symlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "symlink", kw, &["src", "dst", "target_is_directory"])?;
    let (src, dst) = two_paths(vm, "symlink", args, kw, ["src", "dst"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::symlink(src.c.as_ptr(), dst.c.as_ptr()) } < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(errno_error(vm, errno, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn link(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(
        vm,
        "link",
        kw,
        &["src", "dst", "src_dir_fd", "dst_dir_fd", "follow_symlinks"],
    )?;
    let (src, dst) = two_paths(vm, "link", args, kw, ["src", "dst"])?;
    // SAFETY: NUL-terminated paths.
    if unsafe { libc::link(src.c.as_ptr(), dst.c.as_ptr()) } < 0 {
        let errno = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
        return Err(errno_error(vm, errno, Some(&src.obj), Some(&dst.obj)));
    }
    Ok(Value::None)
}

fn getcwd_bytes(vm: &mut Vm, func: &str, args: &[Value], kw: &[KwArg]) -> PyResult<Vec<u8>> {
    no_kwargs(vm, func, kw)?;
    check_args(vm, func, args, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(p.as_os_str().as_bytes().to_vec()),
        Err(e) => Err(errno_error(vm, e.raw_os_error().unwrap_or(0), None, None)),
    }
}

fn getcwd(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    Ok(name_value(&getcwd_bytes(vm, "getcwd", args, kw)?, false))
}

fn getcwdb(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    Ok(name_value(&getcwd_bytes(vm, "getcwdb", args, kw)?, true))
}

/// `access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True)`.
fn access(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(
        vm,
        "access",
        kw,
        &["path", "mode", "effective_ids", "follow_symlinks"],
    )?;
    let (Some(path), Some(mode)) = (arg(args, kw, 0, "path"), arg(args, kw, 1, "mode")) else {
        return Err(vm.type_error("access() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "access", path)?;
    let mode = int_arg(vm, mode)?;
    // SAFETY: a NUL-terminated path.
    Ok(Value::Bool(
        unsafe { libc::access(path.c.as_ptr(), mode) } == 0,
    ))
}

fn readlink(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "readlink", kw, &["path"])?;
    let Some(path) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error("readlink() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "readlink", path)?;
    let os_path = std::ffi::OsStr::from_bytes(path.c.as_bytes());
    match std::fs::read_link(os_path) {
        Ok(target) => Ok(name_value(target.as_os_str().as_bytes(), path.is_bytes)),
        Err(e) => Err(errno_error(
            vm,
            e.raw_os_error().unwrap_or(0),
            Some(&path.obj),
            None,
        )),
    }
}

fn chmod(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "chmod", kw, &["path", "mode", "follow_symlinks"])?;
    let (Some(path), Some(mode)) = (arg(args, kw, 0, "path"), arg(args, kw, 1, "mode")) else {
        return Err(vm.type_error("chmod() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "chmod", path)?;
    let mode = int_arg(vm, mode)? as libc::mode_t;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::chmod(path.c.as_ptr(), mode) } < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(Value::None)
}

/// One time of `utime`'s `times` (seconds, int or float) as a timespec.
fn timespec_of(vm: &mut Vm, v: &Value) -> PyResult<libc::timespec> {
    let secs = match v {
        Value::Float(f) => *f,
        other => arg_int(vm, other)? as f64,
    };
    let whole = secs.floor();
    Ok(libc::timespec {
        tv_sec: whole as libc::time_t,
        tv_nsec: ((secs - whole) * 1e9) as libc::c_long,
    })
}

/// `utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True)`.
fn utime(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "utime", kw, &["path", "times", "ns", "follow_symlinks"])?;
    let Some(path) = arg(args, kw, 0, "path") else {
        return Err(vm.type_error("utime() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "utime", path)?;
    let times = arg(args, kw, 1, "times").filter(|v| !v.is_none());
    let ns = kw.iter().find(|(k, _)| k.as_str() == "ns").map(|(_, v)| v);
    let pair = |vm: &mut Vm, v: &Value, what: &str| -> PyResult<(Value, Value)> {
        match v {
            Value::Tuple(t) if t.items.len() == 2 => Ok((t.items[0].clone(), t.items[1].clone())),
            _ => Err(vm.type_error(format!("utime: '{what}' must be a tuple of two ints"))),
        }
    };
    let spec: Option<[libc::timespec; 2]> = match (times, ns) {
        (Some(_), Some(_)) => {
            return Err(vm.value_error("utime: you may specify either 'times' or 'ns' but not both"))
        }
        (Some(t), None) => {
            let (a, m) = pair(vm, t, "times")?;
            Some([timespec_of(vm, &a)?, timespec_of(vm, &m)?])
        }
        (None, Some(n)) => {
            let (a, m) = pair(vm, n, "ns")?;
            let split = |vm: &mut Vm, v: &Value| -> PyResult<libc::timespec> {
                let n = arg_int(vm, v)?;
                Ok(libc::timespec {
                    tv_sec: n.div_euclid(1_000_000_000) as libc::time_t,
                    tv_nsec: n.rem_euclid(1_000_000_000) as libc::c_long,
                })
            };
            Some([split(vm, &a)?, split(vm, &m)?])
        }
        (None, None) => None,
    };
    let flags = if follow_symlinks(vm, kw)? {
        0
    } else {
        libc::AT_SYMLINK_NOFOLLOW
    };
    let ptr = spec.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
    // SAFETY: a NUL-terminated path and either null or two timespecs.
    if unsafe { libc::utimensat(libc::AT_FDCWD, path.c.as_ptr(), ptr, flags) } < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(Value::None)
}

fn truncate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    check_kwargs(vm, "truncate", kw, &["path", "length"])?;
    let (Some(path), Some(len)) = (arg(args, kw, 0, "path"), arg(args, kw, 1, "length")) else {
        return Err(vm.type_error("truncate() missing required argument 'path' (pos 1)"));
    };
    let path = path_arg(vm, "truncate", path)?;
    let len = arg_int(vm, len)?;
    // SAFETY: a NUL-terminated path.
    if unsafe { libc::truncate(path.c.as_ptr(), len as libc::off_t) } < 0 {
        return Err(last_error(vm, Some(&path.obj)));
    }
    Ok(Value::None)
}

fn umask(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "umask", kw)?;
    check_args(vm, "umask", args, 1, 1)?;
    let mask = int_arg(vm, &args[0])? as libc::mode_t;
    // SAFETY: no memory is passed.
    Ok(Value::Int(unsafe { libc::umask(mask) } as i64))
}

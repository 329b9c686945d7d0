//! `_posixsubprocess.fork_exec`: starting the child of CPython's `subprocess.Popen`.
//! Everything the child needs (argument and environment vectors, the programs to
//! try, the working directory) is made ready before the fork; the child then wires
//! its standard descriptors, closes the others, applies the session, group, user and
//! umask settings, runs `preexec_fn`, and execs. A failure before a successful exec
//! is reported to the parent on the error pipe as `subprocess` reads it:
//! `OSError:<hex errno>:` followed by `noexec:chdir` (the working directory),
//! `noexec` (another step before exec) or nothing (exec itself), or
//! `SubprocessError:0:<message>`. Depends on `posix` (argument conversion, forking
//! with the fork hooks) and `libc`.

use crate::posix::fork::fork_with_hooks;
use crate::posix::{int_arg, path_arg};
use std::ffi::CString;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::{add_function, arg_int, no_kwargs};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, Value};
use tripwire_core::{PyResult, Vm};

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    add_function(vm, d, "_posixsubprocess", "fork_exec", fork_exec);
    Ok(())
}

/// A NULL-terminated array of C strings, as `execve` takes it.
struct CVec {
    _strings: Vec<CString>,
    pointers: Vec<*const libc::c_char>,
}

impl CVec {
    fn new(strings: Vec<CString>) -> CVec {
        let mut pointers: Vec<*const libc::c_char> = strings.iter().map(|s| s.as_ptr()).collect();
        pointers.push(std::ptr::null());
        CVec {
            _strings: strings,
            pointers,
        }
    }
}

/// What the child does, all decided before the fork.
struct ChildPlan {
    argv: CVec,
    envp: Option<CVec>,
    executables: Vec<CString>,
    close_fds: bool,
    fds_to_keep: Vec<i32>,
    cwd: Option<CString>,
    p2cread: i32,
    p2cwrite: i32,
    c2pread: i32,
    c2pwrite: i32,
    errread: i32,
    errwrite: i32,
    errpipe_read: i32,
    errpipe_write: i32,
    restore_signals: bool,
    call_setsid: bool,
    pgid_to_set: i32,
    gid: Option<libc::gid_t>,
    extra_groups: Option<Vec<libc::gid_t>>,
    uid: Option<libc::uid_t>,
    child_umask: i32,
    preexec_fn: Option<Value>,
}

/// The bytes of a file-system argument (str, bytes or path-like) as a C string.
fn c_path(vm: &mut Vm, v: &Value) -> PyResult<CString> {
    Ok(path_arg(vm, "fork_exec", v)?.c)
}

/// The items of `v` (None: no list) as C strings of their file-system bytes.
fn c_strings(vm: &mut Vm, v: &Value) -> PyResult<Option<Vec<CString>>> {
    if v.is_none() {
        return Ok(None);
    }
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        match bytes_like(item) {
            Some(b) if !matches!(item, Value::Str(_)) => {
                out.push(CString::new(b).map_err(|_| vm.value_error("embedded null byte"))?)
            }
            _ => out.push(c_path(vm, item)?),
        }
    }
    Ok(Some(out))
}

/// An id argument: None, or a non-negative int.
fn optional_id(vm: &mut Vm, v: &Value) -> PyResult<Option<u32>> {
    if v.is_none() {
        return Ok(None);
    }
    let n = arg_int(vm, v)?;
    u32::try_from(n)
        .map(Some)
        .map_err(|_| vm.overflow_error("uid or gid out of range"))
}

/// `fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env_list,
/// p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read,
/// errpipe_write, restore_signals, call_setsid, pgid_to_set, gid, extra_groups,
/// uid, child_umask, preexec_fn, allow_vfork)`: the child's pid.
fn fork_exec(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    no_kwargs(vm, "fork_exec", kw)?;
    if args.len() != 23 {
        return Err(vm.type_error(format!(
            "fork_exec expected 23 arguments, got {}",
            args.len()
        )));
    }
    let argv = c_strings(vm, &args[0])?.unwrap_or_default();
    let executables = c_strings(vm, &args[1])?.unwrap_or_default();
    let close_fds = vm.truthy(&args[2])?;
    let Value::Tuple(keep) = &args[3] else {
        let kind = match &args[3] {
            Value::None => "None".to_string(),
            other => vm.type_name(other).to_string(),
        };
        return Err(vm.type_error(format!("fork_exec() argument 4 must be tuple, not {kind}")));
    };
    let cwd = if args[4].is_none() {
        None
    } else {
        Some(c_path(vm, &args[4])?)
    };
    let envp = c_strings(vm, &args[5])?.map(CVec::new);
    let mut fds = [0i32; 8];
    for (slot, v) in fds.iter_mut().zip(&args[6..14]) {
        *slot = int_arg(vm, v)?;
    }
    let [p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write] =
        fds;
    if errpipe_write < 3 {
        return Err(vm.value_error("errpipe_write must be >= 3"));
    }
    let mut fds_to_keep = Vec::with_capacity(keep.items.len());
    for v in keep.items.iter() {
        let fd = match v {
            Value::Int(n) => i32::try_from(*n).ok().filter(|fd| *fd >= 0),
            _ => None,
        };
        match fd {
            Some(fd) if fds_to_keep.last().is_none_or(|last| *last < fd) => fds_to_keep.push(fd),
            _ => return Err(vm.value_error("bad value(s) in fds_to_keep")),
        }
    }
    let restore_signals = vm.truthy(&args[14])?;
    let call_setsid = vm.truthy(&args[15])?;
    let pgid_to_set = int_arg(vm, &args[16])?;
    let gid = optional_id(vm, &args[17])?;
    let extra_groups = if args[18].is_none() {
        None
    } else {
        let items = vm.collect_iterable(&args[18])?;
        let mut groups = Vec::with_capacity(items.len());
        for g in &items {
            groups.push(optional_id(vm, g)?.unwrap_or(0));
        }
        Some(groups)
    };
    let uid = optional_id(vm, &args[19])?;
    let child_umask = int_arg(vm, &args[20])?;
    let preexec_fn = Some(args[21].clone()).filter(|f| !f.is_none());
    if let Some(f) = &preexec_fn {
        if !tripwire_core::builtins::functions::is_callable(vm, f) {
            return Err(vm.type_error("preexec_fn must be callable"));
        }
    }
    let plan = ChildPlan {
        argv: CVec::new(argv),
        envp,
        executables,
        close_fds,
        fds_to_keep,
        cwd,
        p2cread,
        p2cwrite,
        c2pread,
        c2pwrite,
        errread,
        errwrite,
        errpipe_read,
        errpipe_write,
        restore_signals,
        call_setsid,
        pgid_to_set,
        gid,
        extra_groups,
        uid,
        child_umask,
        preexec_fn,
    };
    // Python code runs in the child only with a preexec_fn; only then do the fork
    // hooks run, as in CPython.
    let pid = fork_with_hooks(vm, plan.preexec_fn.is_some())?;
    if pid == 0 {
        run_child(vm, &plan);
    }
    Ok(Value::Int(pid as i64))
}

/// Why the child did not exec.
enum Failure {
    /// errno of a step before exec; `chdir` marks the working directory's.
    BeforeExec(i32, bool),
    /// errno of exec itself.
    Exec(i32),
    /// preexec_fn raised.
    Preexec,
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// `r` of a libc call, or the step's failure.
fn check(r: libc::c_int) -> Result<(), Failure> {
    if r < 0 {
        Err(Failure::BeforeExec(errno(), false))
    } else {
        Ok(())
    }
}

/// In the child: set up and exec; on failure tell the parent and exit with 255.
fn run_child(vm: &mut Vm, plan: &ChildPlan) -> ! {
    let failure = match prepare_and_exec(vm, plan) {
        Err(f) => f,
        Ok(never) => match never {},
    };
    let mut message = Vec::new();
    match failure {
        Failure::BeforeExec(n, chdir) => {
            message.extend_from_slice(format!("OSError:{n:x}:noexec").as_bytes());
            if chdir {
                message.extend_from_slice(b":chdir");
            }
        }
        Failure::Exec(n) => message.extend_from_slice(format!("OSError:{n:x}:").as_bytes()),
        Failure::Preexec => {
            message.extend_from_slice(b"SubprocessError:0:Exception occurred in preexec_fn.")
        }
    }
    // SAFETY: writing a live buffer to a descriptor, then ending the process
    // without running anything of the parent's copy.
    unsafe {
        libc::write(plan.errpipe_write, message.as_ptr().cast(), message.len());
        libc::_exit(255)
    }
}

/// The child's steps up to exec; returns only on failure.
fn prepare_and_exec(vm: &mut Vm, plan: &ChildPlan) -> Result<std::convert::Infallible, Failure> {
    // SAFETY (this function): plain libc calls on descriptors and ids, and pointers
    // to the NUL-terminated strings and arrays of the plan.
    unsafe {
        for fd in [plan.p2cwrite, plan.c2pread, plan.errread, plan.errpipe_read] {
            if fd != -1 {
                libc::close(fd);
            }
        }
        // A pipe end sitting on a low descriptor would be overwritten by the dup2s
        // before it is duplicated itself: move it out of the way first.
        let mut c2pwrite = plan.c2pwrite;
        if c2pwrite == 0 {
            c2pwrite = libc::dup(c2pwrite);
            check(c2pwrite)?;
        }
        let mut errwrite = plan.errwrite;
        while errwrite == 0 || errwrite == 1 {
            errwrite = libc::dup(errwrite);
            check(errwrite)?;
        }
        for (fd, target) in [(plan.p2cread, 0), (c2pwrite, 1), (errwrite, 2)] {
            if fd == target {
                // Already in place: only make it survive the exec.
                let flags = libc::fcntl(fd, libc::F_GETFD);
                check(flags)?;
                check(libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC))?;
            } else if fd != -1 {
                check(libc::dup2(fd, target))?;
            }
        }
        if let Some(cwd) = &plan.cwd {
            if libc::chdir(cwd.as_ptr()) < 0 {
                return Err(Failure::BeforeExec(errno(), true));
            }
        }
        if plan.child_umask >= 0 {
            libc::umask(plan.child_umask as libc::mode_t);
        }
        if plan.restore_signals {
            for sig in [libc::SIGPIPE, libc::SIGXFSZ] {
                libc::signal(sig, libc::SIG_DFL);
            }
        }
        if plan.call_setsid {
            check(libc::setsid())?;
        }
        if plan.pgid_to_set >= 0 {
            check(libc::setpgid(0, plan.pgid_to_set))?;
        }
        if let Some(groups) = &plan.extra_groups {
            check(libc::setgroups(groups.len(), groups.as_ptr()))?;
        }
        if let Some(gid) = plan.gid {
            check(libc::setregid(gid, gid))?;
        }
        if let Some(uid) = plan.uid {
            check(libc::setreuid(uid, uid))?;
        }
        if let Some(f) = &plan.preexec_fn {
            if vm.call(f, &[], &[]).is_err() {
                return Err(Failure::Preexec);
            }
        }
        for &fd in &plan.fds_to_keep {
            if fd != plan.errpipe_write {
                let flags = libc::fcntl(fd, libc::F_GETFD);
                if flags >= 0 {
                    libc::fcntl(fd, libc::F_SETFD, flags & !libc::FD_CLOEXEC);
                }
            }
        }
        if plan.close_fds {
            close_all_but(&plan.fds_to_keep);
        }
        let mut first_error = 0;
        for exe in &plan.executables {
            match &plan.envp {
                Some(envp) => libc::execve(
                    exe.as_ptr(),
                    plan.argv.pointers.as_ptr(),
                    envp.pointers.as_ptr(),
                ),
                None => libc::execv(exe.as_ptr(), plan.argv.pointers.as_ptr()),
            };
            let e = errno();
            if e != libc::ENOENT && e != libc::ENOTDIR && first_error == 0 {
                first_error = e;
            }
        }
        Err(Failure::Exec(if first_error != 0 {
            first_error
        } else {
            errno()
        }))
    }
}

/// Close every descriptor from 3 up except `keep` (sorted).
fn close_all_but(keep: &[i32]) {
    let mut low: libc::c_uint = 3;
    for &fd in keep.iter().chain(std::iter::once(&i32::MAX)) {
        let fd = fd as libc::c_uint;
        if fd < low {
            continue;
        }
        if fd > low {
            close_range(low, fd - 1);
        }
        low = fd.saturating_add(1);
    }
}

/// Close descriptors `first..=last`: `close_range` where the kernel has it, else
/// one by one up to the descriptor limit.
fn close_range(first: libc::c_uint, last: libc::c_uint) {
    // SAFETY: closing descriptors the child does not use.
    unsafe {
        if libc::syscall(libc::SYS_close_range, first, last, 0) == 0 {
            return;
        }
        let limit = libc::sysconf(libc::_SC_OPEN_MAX).max(256) as libc::c_uint;
        for fd in first..=last.min(limit) {
            libc::close(fd as libc::c_int);
        }
    }
}

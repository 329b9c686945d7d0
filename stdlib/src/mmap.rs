//! `_mmap_engine`: the memory maps under `mmap.mmap` (`py/mmap.py` holds the
//! object: positions, slices, access modes and CPython's messages). A map object
//! owns the mapping and a duplicate of the file's descriptor; every read and write
//! is bounds-checked here against the current length, so no Python-level mistake
//! reaches memory outside the map. Depends on `posix` (OSError) and `libc`.

use crate::posix::last_error;
use std::cell::Cell;
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::bytes::new_bytes;
use tripwire_core::builtins::{add_function, arg_int, check_args, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, ObjKind, Object, PyCell, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

/// One mapping: its address and length (null and 0 once closed), and the duplicate
/// of its file's descriptor (-1 for an anonymous map).
struct Map {
    ptr: Cell<*mut u8>,
    len: Cell<usize>,
    fd: Cell<i32>,
}

impl Map {
    fn unmap(&self) {
        let ptr = self.ptr.replace(std::ptr::null_mut());
        if !ptr.is_null() && self.len.get() > 0 {
            // SAFETY: `ptr` and `len` are the live mapping mmap returned.
            unsafe { libc::munmap(ptr.cast(), self.len.get()) };
        }
        self.len.set(0);
        let fd = self.fd.replace(-1);
        if fd >= 0 {
            // SAFETY: the descriptor is this map's own duplicate.
            unsafe { libc::close(fd) };
        }
    }

    /// The mapped bytes (empty once closed), for reading.
    fn bytes(&self) -> &[u8] {
        let ptr = self.ptr.get();
        if ptr.is_null() {
            return &[];
        }
        // SAFETY: `ptr` maps `len` bytes until `unmap`, which empties the map first;
        // the slice lives only for the call reading it, and no Python code runs
        // while it is held.
        unsafe { std::slice::from_raw_parts(ptr, self.len.get()) }
    }

    /// Copy `data` in at `at`, which the caller checked to fit.
    fn put(&self, at: usize, data: &[u8]) {
        debug_assert!(at + data.len() <= self.len.get());
        // SAFETY: the range lies within the live mapping (checked by the caller)
        // and `data` is not part of it (it was copied out first).
        unsafe { std::ptr::copy_nonoverlapping(data.as_ptr(), self.ptr.get().add(at), data.len()) };
    }

    /// Copy `count` bytes from `src` to `dest` within the map (ranges checked by
    /// the caller; they may overlap).
    fn shift(&self, dest: usize, src: usize, count: usize) {
        let base = self.ptr.get();
        // SAFETY: both ranges lie within the live mapping; `copy` allows overlap.
        unsafe { std::ptr::copy(base.add(src), base.add(dest), count) };
    }
}

impl Drop for Map {
    fn drop(&mut self) {
        self.unmap();
    }
}

thread_local! {
    static MAP_TYPE: std::cell::RefCell<Option<TypeRef>> = const { std::cell::RefCell::new(None) };
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    let t = native_type(vm, "mmap", "Map", false, None, &[]);
    MAP_TYPE.with(|slot| *slot.borrow_mut() = Some(t));
    let functions: &[(&str, tripwire_core::object::NativeFn)] = &[
        ("new_map", new_map),
        ("length", length),
        ("read", read),
        ("write", write),
        ("find", find),
        ("move", move_bytes),
        ("flush", flush),
        ("close", close),
        ("file_size", file_size),
        ("resize", resize),
        ("madvise", madvise),
    ];
    for (name, f) in functions {
        add_function(vm, d, "_mmap_engine", name, *f);
    }
    // SAFETY: sysconf has no memory arguments.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as i64;
    let constants = [
        ("PAGESIZE", page),
        ("ALLOCATIONGRANULARITY", page),
        ("MAP_SHARED", libc::MAP_SHARED as i64),
        ("MAP_PRIVATE", libc::MAP_PRIVATE as i64),
        ("MAP_ANON", libc::MAP_ANONYMOUS as i64),
        ("MAP_ANONYMOUS", libc::MAP_ANONYMOUS as i64),
        ("MAP_DENYWRITE", libc::MAP_DENYWRITE as i64),
        ("MAP_EXECUTABLE", libc::MAP_EXECUTABLE as i64),
        ("MAP_POPULATE", libc::MAP_POPULATE as i64),
        ("MAP_STACK", libc::MAP_STACK as i64),
        ("PROT_READ", libc::PROT_READ as i64),
        ("PROT_WRITE", libc::PROT_WRITE as i64),
        ("PROT_EXEC", libc::PROT_EXEC as i64),
        ("MADV_NORMAL", libc::MADV_NORMAL as i64),
        ("MADV_RANDOM", libc::MADV_RANDOM as i64),
        ("MADV_SEQUENTIAL", libc::MADV_SEQUENTIAL as i64),
        ("MADV_WILLNEED", libc::MADV_WILLNEED as i64),
        ("MADV_DONTNEED", libc::MADV_DONTNEED as i64),
        ("MADV_FREE", libc::MADV_FREE as i64),
        ("MADV_REMOVE", libc::MADV_REMOVE as i64),
        ("MADV_DONTFORK", libc::MADV_DONTFORK as i64),
        ("MADV_DOFORK", libc::MADV_DOFORK as i64),
        ("MADV_MERGEABLE", libc::MADV_MERGEABLE as i64),
        ("MADV_UNMERGEABLE", libc::MADV_UNMERGEABLE as i64),
        ("MADV_HUGEPAGE", libc::MADV_HUGEPAGE as i64),
        ("MADV_NOHUGEPAGE", libc::MADV_NOHUGEPAGE as i64),
        ("MADV_DONTDUMP", libc::MADV_DONTDUMP as i64),
        ("MADV_DODUMP", libc::MADV_DODUMP as i64),
        ("MADV_HWPOISON", libc::MADV_HWPOISON as i64),
    ];
    for (name, value) in constants {
        let key = vm.intern(name);
        d.set_str(key, Value::Int(value));
    }
    Ok(())
}

/// The map object an argument holds.
fn map_object(vm: &Vm, v: &Value) -> PyResult<std::rc::Rc<Object>> {
    if let Value::Obj(o) = v {
        if let ObjKind::Native(cell) = &o.kind {
            if (**cell.borrow()).as_any().is::<Map>() {
                return Ok(o.clone());
            }
        }
    }
    Err(vm.type_error("expected a memory map"))
}

/// Run `f` on the map in `args[0]`; ValueError when it is closed.
fn with_map<R>(
    vm: &mut Vm,
    args: &[Value],
    f: impl FnOnce(&mut Vm, &Map) -> PyResult<R>,
) -> PyResult<R> {
    let Some(first) = args.first() else {
        return Err(vm.type_error("expected a memory map"));
    };
    let obj = map_object(vm, first)?;
    let ObjKind::Native(cell) = &obj.kind else {
        return Err(vm.type_error("expected a memory map"));
    };
    let data = cell.borrow();
    let Some(map) = (**data).as_any().downcast_ref::<Map>() else {
        return Err(vm.type_error("expected a memory map"));
    };
    if map.ptr.get().is_null() {
        return Err(vm.value_error("mmap closed or invalid"));
    }
    f(vm, map)
}

/// A size or position argument (a non-negative int that fits).
fn index(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let n = arg_int(vm, v)?;
    usize::try_from(n).map_err(|_| vm.value_error("negative index"))
}

/// `new_map(fd, length, flags, prot, offset)`: the map (`length` 0 maps the whole
/// file from `offset`).
fn new_map(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "new_map", args, 5, 5)?;
    let fd = arg_int(vm, &args[0])? as i32;
    let length = arg_int(vm, &args[1])?;
    let flags = arg_int(vm, &args[2])? as i32;
    let prot = arg_int(vm, &args[3])? as i32;
    let offset = arg_int(vm, &args[4])?;
    let mut length = usize::try_from(length)
        .map_err(|_| vm.overflow_error("memory mapped length must be positive"))?;
    let mut own_fd = -1;
    let mut flags = flags;
    if fd == -1 {
        flags |= libc::MAP_ANONYMOUS;
    } else {
        // SAFETY: an all-zero stat is valid; fstat fills it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is writable.
        if unsafe { libc::fstat(fd, &mut st) } == 0 && st.st_mode & libc::S_IFMT == libc::S_IFREG {
            let size = st.st_size as i64;
            if length == 0 {
                if size == 0 {
                    return Err(vm.value_error("cannot mmap an empty file"));
                }
                if offset >= size {
                    return Err(vm.value_error("mmap offset is greater than file size"));
                }
                length = (size - offset) as usize;
            } else if offset > size || size - offset < length as i64 {
                return Err(vm.value_error("mmap length is greater than file size"));
            }
        }
        // SAFETY: no memory is passed.
        own_fd = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
        if own_fd < 0 {
            return Err(last_error(vm, None));
        }
    }
    // SAFETY: a fresh mapping; the kernel checks the arguments.
    let ptr = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            length,
            prot,
            flags,
            fd,
            offset as libc::off_t,
        )
    };
    if ptr == libc::MAP_FAILED {
        let err = last_error(vm, None);
        if own_fd >= 0 {
            // SAFETY: our own duplicate.
            unsafe { libc::close(own_fd) };
        }
        return Err(err);
    }
    let map = Map {
        ptr: Cell::new(ptr.cast()),
        len: Cell::new(length),
        fd: Cell::new(own_fd),
    };
    let Some(t) = MAP_TYPE.with(|t| t.borrow().clone()) else {
        return Err(vm.runtime_error("_mmap_engine is not initialised"));
    };
    Ok(Value::obj(t, ObjKind::Native(PyCell::new(Box::new(map)))))
}

fn length(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_map(vm, args, |_, map| Ok(Value::Int(map.len.get() as i64)))
}

/// `read(map, start, end)`: a copy of the bytes in `start..end` (clamped).
fn read(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "read", args, 3, 3)?;
    let start = index(vm, &args[1])?;
    let end = index(vm, &args[2])?;
    with_map(vm, args, |_, map| {
        let bytes = map.bytes();
        let end = end.min(bytes.len());
        let start = start.min(end);
        Ok(new_bytes(bytes[start..end].to_vec()))
    })
}

/// `write(map, at, data)`: copy `data` in at `at`; ValueError past the end.
fn write(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "write", args, 3, 3)?;
    let at = index(vm, &args[1])?;
    let Some(data) = bytes_like(&args[2]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[2])
        )));
    };
    with_map(vm, args, |vm, map| {
        let fits = at
            .checked_add(data.len())
            .is_some_and(|end| end <= map.len.get());
        if !fits {
            return Err(vm.value_error("data out of range"));
        }
        map.put(at, &data);
        Ok(Value::Int(data.len() as i64))
    })
}

/// `find(map, sub, start, end, reverse)`: the first (last) index of `sub` within
/// `start..end`, or -1.
fn find(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "find", args, 5, 5)?;
    let Some(sub) = bytes_like(&args[1]) else {
        return Err(vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(&args[1])
        )));
    };
    let start = index(vm, &args[2])?;
    let end = index(vm, &args[3])?;
    let reverse = vm.truthy(&args[4])?;
    with_map(vm, args, |_, map| {
        let bytes = map.bytes();
        let end = end.min(bytes.len());
        if start > end || end - start < sub.len() {
            return Ok(Value::Int(-1));
        }
        let hay = &bytes[start..end];
        let found = if sub.is_empty() {
            Some(if reverse { hay.len() } else { 0 })
        } else if reverse {
            hay.windows(sub.len()).rposition(|w| w == sub.as_slice())
        } else {
            memchr::memmem::find(hay, &sub)
        };
        Ok(Value::Int(found.map_or(-1, |i| (start + i) as i64)))
    })
}

/// `move(map, dest, src, count)`: copy `count` bytes within the map.
fn move_bytes(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "move", args, 4, 4)?;
    let dest = index(vm, &args[1])?;
    let src = index(vm, &args[2])?;
    let count = index(vm, &args[3])?;
    with_map(vm, args, |vm, map| {
        let len = map.len.get();
        let fits = |at: usize| at.checked_add(count).is_some_and(|end| end <= len);
        if !fits(dest) || !fits(src) {
            return Err(vm.value_error("source, destination, or count out of range"));
        }
        map.shift(dest, src, count);
        Ok(Value::None)
    })
}

/// `flush(map, offset, size)`: msync the range to the file.
fn flush(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "flush", args, 3, 3)?;
    let offset = index(vm, &args[1])?;
    let size = index(vm, &args[2])?;
    with_map(vm, args, |vm, map| {
        if offset
            .checked_add(size)
            .is_none_or(|end| end > map.len.get())
        {
            return Err(vm.value_error("flush values out of range"));
        }
        if map.fd.get() < 0 || size == 0 {
            return Ok(Value::None);
        }
        // SAFETY: the range lies within the live mapping.
        let r = unsafe { libc::msync(map.ptr.get().add(offset).cast(), size, libc::MS_SYNC) };
        if r == -1 {
            return Err(last_error(vm, None));
        }
        Ok(Value::None)
    })
}

/// `close(map)`: unmap (again is nothing).
fn close(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "close", args, 1, 1)?;
    let obj = map_object(vm, &args[0])?;
    if let ObjKind::Native(cell) = &obj.kind {
        if let Some(map) = (**cell.borrow()).as_any().downcast_ref::<Map>() {
            map.unmap();
        }
    }
    Ok(Value::None)
}

/// `file_size(map)`: the size of the mapped file (an anonymous map has none: the
/// OSError of fstat on no descriptor, as in CPython).
fn file_size(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    with_map(vm, args, |vm, map| {
        let fd = map.fd.get();
        if fd < 0 {
            return Err(crate::posix::errno_error(vm, libc::EBADF, None, None));
        }
        // SAFETY: an all-zero stat is valid; fstat fills it.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        // SAFETY: `st` is writable.
        if unsafe { libc::fstat(fd, &mut st) } == -1 {
            return Err(last_error(vm, None));
        }
        Ok(Value::Int(st.st_size as i64))
    })
}

/// `resize(map, new_size, file_offset)`: grow or shrink the map (and its file).
fn resize(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "resize", args, 3, 3)?;
    let new_size = index(vm, &args[1])?;
    let file_offset = arg_int(vm, &args[2])?;
    with_map(vm, args, |vm, map| {
        let fd = map.fd.get();
        if fd >= 0 {
            // SAFETY: no memory is passed.
            let r = unsafe { libc::ftruncate(fd, file_offset + new_size as i64) };
            if r == -1 {
                return Err(last_error(vm, None));
            }
        }
        // SAFETY: the old range is the live mapping; the kernel may move it.
        let ptr = unsafe {
            libc::mremap(
                map.ptr.get().cast(),
                map.len.get(),
                new_size,
                libc::MREMAP_MAYMOVE,
            )
        };
        if ptr == libc::MAP_FAILED {
            return Err(last_error(vm, None));
        }
        map.ptr.set(ptr.cast());
        map.len.set(new_size);
        Ok(Value::None)
    })
}

/// `madvise(map, option, start, length)`.
fn madvise(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    check_args(vm, "madvise", args, 4, 4)?;
    let option = arg_int(vm, &args[1])? as i32;
    let start = index(vm, &args[2])?;
    let length = index(vm, &args[3])?;
    with_map(vm, args, |vm, map| {
        if start >= map.len.get() {
            return Err(vm.value_error("madvise start out of bounds"));
        }
        let length = length.min(map.len.get() - start);
        // SAFETY: the range lies within the live mapping.
        let r = unsafe { libc::madvise(map.ptr.get().add(start).cast(), length, option) };
        if r == -1 {
            return Err(last_error(vm, None));
        }
        Ok(Value::None)
    })
}

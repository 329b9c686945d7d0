//! `_stat`: the file-mode constants, the `S_IS*` / `S_IMODE` / `S_IFMT` tests and
//! `filemode`, which CPython's `stat` module takes over its own pure-Python ones.
//! Linux's values; the BSD and macOS flags are CPython's numbers. Depends on core's
//! public API only.

use num_traits::ToPrimitive;
use tripwire_core::builtins::add_function;
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, Value};
use tripwire_core::{PyResult, Vm};

const S_IFMT: u32 = 0o170000;
const S_IFDIR: u32 = 0o040000;
const S_IFCHR: u32 = 0o020000;
const S_IFBLK: u32 = 0o060000;
const S_IFREG: u32 = 0o100000;
const S_IFIFO: u32 = 0o010000;
const S_IFLNK: u32 = 0o120000;
const S_IFSOCK: u32 = 0o140000;

const CONSTANTS: &[(&str, i64)] = &[
    ("S_IFDIR", S_IFDIR as i64),
    ("S_IFCHR", S_IFCHR as i64),
    ("S_IFBLK", S_IFBLK as i64),
    ("S_IFREG", S_IFREG as i64),
    ("S_IFIFO", S_IFIFO as i64),
    ("S_IFLNK", S_IFLNK as i64),
    ("S_IFSOCK", S_IFSOCK as i64),
    // Solaris doors, event ports and BSD whiteouts: none on Linux.
    ("S_IFDOOR", 0),
    ("S_IFPORT", 0),
    ("S_IFWHT", 0),
    ("S_ISUID", 0o4000),
    ("S_ISGID", 0o2000),
    ("S_ENFMT", 0o2000),
    ("S_ISVTX", 0o1000),
    ("S_IREAD", 0o400),
    ("S_IWRITE", 0o200),
    ("S_IEXEC", 0o100),
    ("S_IRWXU", 0o700),
    ("S_IRUSR", 0o400),
    ("S_IWUSR", 0o200),
    ("S_IXUSR", 0o100),
    ("S_IRWXG", 0o070),
    ("S_IRGRP", 0o040),
    ("S_IWGRP", 0o020),
    ("S_IXGRP", 0o010),
    ("S_IRWXO", 0o007),
    ("S_IROTH", 0o004),
    ("S_IWOTH", 0o002),
    ("S_IXOTH", 0o001),
    ("UF_SETTABLE", 0x0000ffff),
    ("UF_NODUMP", 0x00000001),
    ("UF_IMMUTABLE", 0x00000002),
    ("UF_APPEND", 0x00000004),
    ("UF_OPAQUE", 0x00000008),
    ("UF_NOUNLINK", 0x00000010),
    ("UF_COMPRESSED", 0x00000020),
    ("UF_TRACKED", 0x00000040),
    ("UF_DATAVAULT", 0x00000080),
    ("UF_HIDDEN", 0x00008000),
    ("SF_SETTABLE", 0xffff0000),
    ("SF_ARCHIVED", 0x00010000),
    ("SF_IMMUTABLE", 0x00020000),
    ("SF_APPEND", 0x00040000),
    ("SF_NOUNLINK", 0x00100000),
    ("SF_SNAPSHOT", 0x00200000),
    ("SF_FIRMLINK", 0x00800000),
    ("SF_DATALESS", 0x40000000),
    ("ST_MODE", 0),
    ("ST_INO", 1),
    ("ST_DEV", 2),
    ("ST_NLINK", 3),
    ("ST_UID", 4),
    ("ST_GID", 5),
    ("ST_SIZE", 6),
    ("ST_ATIME", 7),
    ("ST_MTIME", 8),
    ("ST_CTIME", 9),
];

/// The one argument of `_stat.NAME(mode)` as a mode_t, with CPython's errors.
fn mode_arg(vm: &Vm, name: &str, args: &[Value]) -> PyResult<u32> {
    let [mode] = args else {
        return Err(vm.type_error(format!(
            "_stat.{name}() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    // As CPython reads it: an unsigned long first, then a mode_t.
    let wide: Option<i128> = match mode {
        Value::Int(i) => Some(*i as i128),
        Value::Bool(b) => Some(*b as i128),
        Value::BigInt(b) if b.sign() == num_bigint::Sign::Minus => Some(-1),
        Value::BigInt(b) => b.to_u64().map(i128::from),
        _ => return Err(vm.type_error("an integer is required")),
    };
    match wide {
        Some(n) if n < 0 => Err(vm.overflow_error("can't convert negative value to unsigned int")),
        Some(n) => u32::try_from(n).map_err(|_| vm.overflow_error("mode out of range")),
        None => Err(vm.overflow_error("Python int too large to convert to C unsigned long")),
    }
}

macro_rules! file_type_tests {
    ($($fname:ident $pyname:literal $bits:expr),* $(,)?) => {
        $(
            fn $fname(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
                let mode = mode_arg(vm, $pyname, args)?;
                Ok(Value::Bool($bits != 0 && mode & S_IFMT == $bits))
            }
        )*
    };
}

file_type_tests! {
    is_dir "S_ISDIR" S_IFDIR,
    is_chr "S_ISCHR" S_IFCHR,
    is_blk "S_ISBLK" S_IFBLK,
    is_reg "S_ISREG" S_IFREG,
    is_fifo "S_ISFIFO" S_IFIFO,
    is_lnk "S_ISLNK" S_IFLNK,
    is_sock "S_ISSOCK" S_IFSOCK,
    is_door "S_ISDOOR" 0,
    is_port "S_ISPORT" 0,
    is_wht "S_ISWHT" 0,
}

/// `S_IMODE(mode)`: the permission bits.
fn imode(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int((mode_arg(vm, "S_IMODE", args)? & 0o7777) as i64))
}

/// `S_IFMT(mode)`: the file-type bits.
fn ifmt(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    Ok(Value::Int((mode_arg(vm, "S_IFMT", args)? & S_IFMT) as i64))
}

/// `filemode(mode)`: `-rwxr-xr-x` as `ls -l` shows it.
fn filemode(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let mode = mode_arg(vm, "filemode", args)?;
    let kind = match mode & S_IFMT {
        S_IFREG => '-',
        S_IFDIR => 'd',
        S_IFLNK => 'l',
        S_IFCHR => 'c',
        S_IFBLK => 'b',
        S_IFIFO => 'p',
        S_IFSOCK => 's',
        _ => '?',
    };
    let mut text = String::with_capacity(10);
    text.push(kind);
    // Each of owner, group, other: read, write, and the execute place, which also
    // shows set-user-id, set-group-id or sticky (lower case when executable too).
    for (shift, special, mark) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let bits = (mode >> shift) & 0o7;
        text.push(if bits & 4 != 0 { 'r' } else { '-' });
        text.push(if bits & 2 != 0 { 'w' } else { '-' });
        let exec = bits & 1 != 0;
        text.push(match (mode & special != 0, exec) {
            (true, true) => mark,
            (true, false) => mark.to_ascii_uppercase(),
            (false, true) => 'x',
            (false, false) => '-',
        });
    }
    Ok(Value::from_string(text))
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("S_ISDIR", is_dir),
    ("S_ISCHR", is_chr),
    ("S_ISBLK", is_blk),
    ("S_ISREG", is_reg),
    ("S_ISFIFO", is_fifo),
    ("S_ISLNK", is_lnk),
    ("S_ISSOCK", is_sock),
    ("S_ISDOOR", is_door),
    ("S_ISPORT", is_port),
    ("S_ISWHT", is_wht),
    ("S_IMODE", imode),
    ("S_IFMT", ifmt),
    ("filemode", filemode),
];

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for (name, f) in FUNCTIONS {
        add_function(vm, d, "_stat", name, *f);
    }
    for (name, value) in CONSTANTS {
        d.set_str(vm.intern(name), Value::Int(*value));
    }
    Ok(())
}

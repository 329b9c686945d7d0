//! tripwire-stdlib: the native modules CPython writes in C, on which CPython's own
//! pure-Python library runs under tripwire, and the finding of that library.
//!
//! Built only on tripwire-core's public API, as any extension is: `install` registers
//! the modules with a Vm (`Vm::extensions`) and describes the installation in `sys`.

mod abc;
mod ast_tree;
mod bisect;
mod builtin_support;
mod bz2;
mod cmath;
mod compressor;
mod csv;
mod decompressor;
mod errno;
mod expat;
mod fcntl;
mod functools;
mod grp;
mod hashes;
mod heapq;
mod import_finder;
mod json;
mod locale;
pub mod locate;
mod lzma;
mod mmap;
mod module_error;
mod open_builtin;
mod posix;
mod posixsubprocess;
mod pwd;
mod resource;
mod select;
mod semaphore;
mod signal;
mod socket;
mod sqlite;
mod sre;
mod stat;
mod stdin;
mod string_parse;
mod struct_codec;
mod structseq;
mod suggestions;
mod sys_setup;
mod syslog;
mod termios;
mod textio;
mod tokenizer;
mod unicodedata;
mod zlib;

pub use locate::Install;
use tripwire_core::modules::ModuleDef;
use tripwire_core::{PyResult, Value, Vm};

/// The modules of this crate: native ones, and Python ones over a native half.
const MODULES: &[(&str, ModuleDef)] = &[
    ("_sre_engine", ModuleDef::Native(sre::init)),
    ("_sre", ModuleDef::Source(include_str!("py/_sre.py"))),
    ("_ast", ModuleDef::Source(include_str!("py/_ast.py"))),
    ("_opcode", ModuleDef::Source(include_str!("py/_opcode.py"))),
    ("_struct_codec", ModuleDef::Native(struct_codec::init)),
    ("_struct", ModuleDef::Source(include_str!("py/_struct.py"))),
    ("errno", ModuleDef::Native(errno::init)),
    ("unicodedata", ModuleDef::Native(unicodedata::init)),
    ("_heapq", ModuleDef::Native(heapq::init)),
    ("_bisect", ModuleDef::Native(bisect::init)),
    ("_functools_engine", ModuleDef::Native(functools::init)),
    ("_abc", ModuleDef::Native(abc::init)),
    ("_json_engine", ModuleDef::Native(json::init)),
    ("_json", ModuleDef::Source(include_str!("py/_json.py"))),
    (
        "_functools",
        ModuleDef::Source(include_str!("py/_functools.py")),
    ),
    ("_posixcall", ModuleDef::Native(posix::init)),
    ("posix", ModuleDef::Source(include_str!("py/posix.py"))),
    ("_posixshmem", ModuleDef::Native(posix::shared_memory::init)),
    ("_textio", ModuleDef::Native(textio::init)),
    ("_io", ModuleDef::Source(include_str!("py/_io.py"))),
    ("_tokenize_engine", ModuleDef::Native(tokenizer::init)),
    (
        "_tokenize",
        ModuleDef::Source(include_str!("py/_tokenize.py")),
    ),
    ("_codecs", ModuleDef::Source(include_str!("py/_codecs.py"))),
    (
        "binascii",
        ModuleDef::Source(include_str!("py/binascii.py")),
    ),
    (
        "_operator",
        ModuleDef::Source(include_str!("py/_operator.py")),
    ),
    ("atexit", ModuleDef::Source(include_str!("py/atexit.py"))),
    ("marshal", ModuleDef::Source(include_str!("py/marshal.py"))),
    ("_imp_find", ModuleDef::Native(import_finder::init)),
    ("_imp", ModuleDef::Source(include_str!("py/_imp.py"))),
    (
        "_warnings",
        ModuleDef::Source(include_str!("py/_warnings.py")),
    ),
    ("_md5", ModuleDef::Native(hashes::init_md5)),
    ("_sha1", ModuleDef::Native(hashes::init_sha1)),
    ("_sha2", ModuleDef::Native(hashes::init_sha2)),
    ("_sha3", ModuleDef::Native(hashes::init_sha3)),
    ("_blake2", ModuleDef::Native(hashes::init_blake2)),
    ("_signal", ModuleDef::Native(signal::init)),
    ("_sqlite3_engine", ModuleDef::Native(sqlite::init)),
    (
        "_sqlite3",
        ModuleDef::Source(include_str!("py/_sqlite3.py")),
    ),
    ("_expat_engine", ModuleDef::Native(expat::init)),
    ("pyexpat", ModuleDef::Source(include_str!("py/pyexpat.py"))),
    ("_socketcall", ModuleDef::Native(socket::init)),
    ("_socket", ModuleDef::Source(include_str!("py/_socket.py"))),
    ("_selectcall", ModuleDef::Native(select::init)),
    ("select", ModuleDef::Source(include_str!("py/select.py"))),
    ("_posixsubprocess", ModuleDef::Native(posixsubprocess::init)),
    ("_semaphore", ModuleDef::Native(semaphore::init)),
    ("fcntl", ModuleDef::Native(fcntl::init)),
    ("pwd", ModuleDef::Native(pwd::init)),
    ("grp", ModuleDef::Native(grp::init)),
    ("termios", ModuleDef::Native(termios::init)),
    ("resource", ModuleDef::Native(resource::init)),
    ("syslog", ModuleDef::Native(syslog::init)),
    ("_mmap_engine", ModuleDef::Native(mmap::init)),
    ("mmap", ModuleDef::Source(include_str!("py/mmap.py"))),
    ("_csv_engine", ModuleDef::Native(csv::init)),
    ("_csv", ModuleDef::Source(include_str!("py/_csv.py"))),
    (
        "_structseq",
        ModuleDef::Source(include_str!("py/_structseq.py")),
    ),
    (
        "_multiprocessing",
        ModuleDef::Source(include_str!("py/_multiprocessing.py")),
    ),
    ("zlib", ModuleDef::Native(zlib::init)),
    ("cmath", ModuleDef::Native(cmath::init)),
    ("_locale", ModuleDef::Native(locale::init)),
    ("_stat", ModuleDef::Native(stat::init)),
    ("_string", ModuleDef::Native(string_parse::init)),
    ("_suggestions", ModuleDef::Native(suggestions::init)),
    ("_bz2", ModuleDef::Native(bz2::init)),
    ("_lzma", ModuleDef::Native(lzma::init)),
];

/// Make `vm` a full Python: its `sys` describes `install` (CPython's library, found by
/// `locate::find`; None leaves tripwire's bundled modules alone) and the native
/// modules of this crate can be imported.
pub fn install(vm: &mut Vm, install: Option<&Install>) -> PyResult<()> {
    for (name, def) in MODULES {
        vm.extensions.register(name, *def);
    }
    // The bases, StringIO and BytesIO of `_io` are tripwire's bundled io module.
    if let Some(bundled_io) = tripwire_core::modules::find("io") {
        vm.extensions.register("_iobase", bundled_io);
    }
    open_builtin::install(vm);
    stdin::install(vm);
    let key = vm.intern("compile");
    vm.builtins.set_str(
        key,
        tripwire_core::builtins::native_function("builtins", "compile", ast_tree::compile),
    );
    if install.is_some() {
        // CPython's own os.py, posixpath.py, io.py, heapq.py, bisect.py and abc.py run
        // over posix, _io, _heapq, _bisect and _abc.
        for name in ["os", "posixpath", "io", "heapq", "bisect", "abc"] {
            vm.extensions.hide_bundled(name);
        }
        vm.extensions.import_first("genericpath", "os");
        vm.extensions.set_spec_maker(import_finder::make_spec);
        // The two modules made with the interpreter, before any import.
        for name in ["sys", "builtins"] {
            let key = vm.intern(name);
            if let Some(Value::Module(m)) = vm.modules.get_str(&key) {
                m.spec_pending.set(true);
            }
        }
    }
    builtin_support::install(vm)?;
    sys_setup::configure(vm, install)
}

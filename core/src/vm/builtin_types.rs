//! The built-in type objects (`int`, `list`, the exception hierarchy...) and `type_of`.
//!
//! The types are created once per interpreter thread and live for the rest of the
//! process, so the evaluation loop can refer to them by plain reference. Their
//! methods are filled in by `crate::builtins`.

use crate::object::function::BuiltinKind;
use crate::object::types::{c3_mro, Layout, Type, TypeRef};
use crate::object::{Dict, PyStr, Value};
use std::cell::Cell;
use std::rc::Rc;

macro_rules! builtin_types {
    ($($field:ident),* $(,)?) => {
        pub struct BuiltinTypes {
            $(pub $field: TypeRef,)*
        }
    };
}

builtin_types! {
    object, type_, int, bool_, float, complex, str, bytes, bytearray, memoryview, list, tuple, dict, set, frozenset,
    none, function, builtin_function, method_descriptor, wrapper_descriptor, method_wrapper,
    classmethod_descriptor, method, module, code, cell, generator, coroutine,
    range, slice, property, staticmethod, classmethod, super_, not_implemented, ellipsis,
    slot_descriptor, list_iterator, list_reverseiterator, tuple_iterator, range_iterator, str_iterator,
    dict_keyiterator, dict_valueiterator, dict_itemiterator, set_iterator, reversed,
    enumerate, zip, map, filter, callable_iterator, seq_iterator, dict_keys, dict_values,
    dict_items, mappingproxy, union_type, generic_alias, traceback, frame,
    itertools_count, itertools_repeat, itertools_cycle, itertools_chain, itertools_islice,
    itertools_accumulate, itertools_zip_longest, itertools_product, itertools_permutations,
    itertools_combinations, itertools_combinations_with_replacement, itertools_compress,
    itertools_dropwhile, itertools_takewhile, itertools_filterfalse, itertools_starmap,
    itertools_pairwise, itertools_batched,
    base_exception, exception, arithmetic_error, zero_division_error, overflow_error,
    assertion_error, attribute_error, lookup_error, index_error, key_error, name_error,
    unbound_local_error, runtime_error, recursion_error, not_implemented_error,
    stop_iteration, stop_async_iteration, generator_exit, system_exit,
    keyboard_interrupt, type_error, value_error, unicode_error, unicode_decode_error,
    unicode_encode_error, import_error, module_not_found_error, os_error,
    file_not_found_error, file_exists_error, permission_error, is_a_directory_error, not_a_directory_error, interrupted_error, blocking_io_error, child_process_error, process_lookup_error, timeout_error, connection_error, broken_pipe_error, connection_aborted_error, connection_refused_error, connection_reset_error,
    eof_error, syntax_error, indentation_error, tab_error, memory_error,
    buffer_error, warning, user_warning, deprecation_warning, runtime_warning,
    pending_deprecation_warning, syntax_warning, future_warning, import_warning, unicode_warning, bytes_warning, resource_warning, encoding_warning, reference_error, unicode_translate_error, python_finalization_error, incomplete_input_error,
    floating_point_error, system_error,
}

thread_local! {
    static TYPES: Cell<Option<&'static BuiltinTypes>> = const { Cell::new(None) };
}

/// The built-in types of this thread's interpreter.
pub fn types() -> &'static BuiltinTypes {
    match TYPES.with(|t| t.get()) {
        Some(t) => t,
        None => install(),
    }
}

pub fn bytes_type() -> TypeRef {
    types().bytes.clone()
}

fn new_type(name: &str, bases: &[&TypeRef], layout: Layout) -> TypeRef {
    let bases: Vec<TypeRef> = bases.iter().map(|b| (*b).clone()).collect();
    // Built-in types carry no docstrings, but `__doc__` is found on them and their
    // instances, as in CPython (email's policies read it from every class attribute);
    // not on the types whose instances have a `__doc__` of their own, nor on `object`,
    // whose entry those instances would find first.
    let dict = Dict::new_rc();
    const OWN_DOC: &[&str] = &[
        "object",
        "function",
        "builtin_function_or_method",
        "method",
        "property",
        "staticmethod",
        "classmethod",
        "module",
    ];
    if !OWN_DOC.contains(&name) {
        dict.set_str(crate::object::str::intern("__doc__"), Value::None);
    }
    let t = Rc::new(Type::new(
        name,
        bases.clone(),
        Vec::new(),
        dict,
        layout,
        true,
        Vec::new(),
        // Plain `object()` instances have no `__dict__`, as in CPython.
        !matches!(layout, Layout::Fixed | Layout::Object),
        None,
    ));
    let mro = c3_mro(&t, &bases).unwrap_or_else(|_| vec![t.clone()]);
    *t.mro.borrow_mut() = mro;
    for b in &bases {
        b.subclasses.borrow_mut().push(Rc::downgrade(&t));
    }
    t
}

/// Create the built-in types for this thread (once).
pub fn install() -> &'static BuiltinTypes {
    if let Some(t) = TYPES.with(|t| t.get()) {
        return t;
    }
    use Layout::*;
    let object = new_type("object", &[], Object);
    let o = &object;
    let type_ = new_type("type", &[o], Type);
    let int = new_type("int", &[o], Int);
    let bool_ = new_type("bool", &[&int], Fixed);
    let fixed = |name: &str| new_type(name, &[o], Fixed);
    let base_exception = new_type("BaseException", &[o], Exception);
    let exc = |name: &str, base: &TypeRef| new_type(name, &[base], Exception);
    let exception = exc("Exception", &base_exception);
    let arithmetic_error = exc("ArithmeticError", &exception);
    let lookup_error = exc("LookupError", &exception);
    let name_error = exc("NameError", &exception);
    let runtime_error = exc("RuntimeError", &exception);
    let import_error = exc("ImportError", &exception);
    let os_error = exc("OSError", &exception);
    let connection_error = exc("ConnectionError", &os_error);
    let syntax_error = exc("SyntaxError", &exception);
    let indentation_error = exc("IndentationError", &syntax_error);
    let value_error = exc("ValueError", &exception);
    let unicode_error = exc("UnicodeError", &value_error);
    let warning = exc("Warning", &exception);
    let types = BuiltinTypes {
        float: new_type("float", &[o], Float),
        complex: new_type("complex", &[o], Complex),
        bytearray: new_type("bytearray", &[o], ByteArray),
        memoryview: fixed("memoryview"),
        str: new_type("str", &[o], Str),
        bytes: new_type("bytes", &[o], Bytes),
        list: new_type("list", &[o], List),
        tuple: new_type("tuple", &[o], Tuple),
        dict: new_type("dict", &[o], Dict),
        set: new_type("set", &[o], Set),
        frozenset: new_type("frozenset", &[o], FrozenSet),
        none: fixed("NoneType"),
        function: fixed("function"),
        builtin_function: fixed("builtin_function_or_method"),
        method_descriptor: fixed("method_descriptor"),
        wrapper_descriptor: fixed("wrapper_descriptor"),
        method_wrapper: fixed("method-wrapper"),
        classmethod_descriptor: fixed("classmethod_descriptor"),
        method: fixed("method"),
        module: new_type("module", &[o], Module),
        code: fixed("code"),
        cell: fixed("cell"),
        generator: fixed("generator"),
        coroutine: fixed("coroutine"),
        range: fixed("range"),
        slice: fixed("slice"),
        property: new_type("property", &[o], Object),
        staticmethod: new_type("staticmethod", &[o], Object),
        classmethod: new_type("classmethod", &[o], Object),
        super_: new_type("super", &[o], Object),
        not_implemented: fixed("NotImplementedType"),
        ellipsis: fixed("ellipsis"),
        slot_descriptor: fixed("member_descriptor"),
        list_iterator: fixed("list_iterator"),
        list_reverseiterator: fixed("list_reverseiterator"),
        tuple_iterator: fixed("tuple_iterator"),
        range_iterator: fixed("range_iterator"),
        str_iterator: fixed("str_ascii_iterator"),
        dict_keyiterator: fixed("dict_keyiterator"),
        dict_valueiterator: fixed("dict_valueiterator"),
        dict_itemiterator: fixed("dict_itemiterator"),
        set_iterator: fixed("set_iterator"),
        reversed: fixed("reversed"),
        enumerate: new_type("enumerate", &[o], Enumerate),
        zip: new_type("zip", &[o], Zip),
        map: fixed("map"),
        filter: fixed("filter"),
        callable_iterator: fixed("callable_iterator"),
        seq_iterator: fixed("iterator"),
        dict_keys: fixed("dict_keys"),
        dict_values: fixed("dict_values"),
        dict_items: fixed("dict_items"),
        mappingproxy: fixed("mappingproxy"),
        union_type: fixed("UnionType"),
        generic_alias: new_type("GenericAlias", &[o], GenericAlias),
        traceback: fixed("traceback"),
        frame: fixed("frame"),
        itertools_count: fixed("count"),
        itertools_repeat: fixed("repeat"),
        itertools_cycle: fixed("cycle"),
        itertools_chain: fixed("chain"),
        itertools_islice: fixed("islice"),
        itertools_accumulate: fixed("accumulate"),
        itertools_zip_longest: fixed("zip_longest"),
        itertools_product: fixed("product"),
        itertools_permutations: fixed("permutations"),
        itertools_combinations: fixed("combinations"),
        itertools_combinations_with_replacement: fixed("combinations_with_replacement"),
        itertools_compress: fixed("compress"),
        itertools_dropwhile: fixed("dropwhile"),
        itertools_takewhile: fixed("takewhile"),
        itertools_filterfalse: fixed("filterfalse"),
        itertools_starmap: fixed("starmap"),
        itertools_pairwise: fixed("pairwise"),
        itertools_batched: fixed("batched"),
        zero_division_error: exc("ZeroDivisionError", &arithmetic_error),
        overflow_error: exc("OverflowError", &arithmetic_error),
        floating_point_error: exc("FloatingPointError", &arithmetic_error),
        assertion_error: exc("AssertionError", &exception),
        system_error: exc("SystemError", &exception),
        attribute_error: exc("AttributeError", &exception),
        index_error: exc("IndexError", &lookup_error),
        key_error: exc("KeyError", &lookup_error),
        unbound_local_error: exc("UnboundLocalError", &name_error),
        recursion_error: exc("RecursionError", &runtime_error),
        not_implemented_error: exc("NotImplementedError", &runtime_error),
        stop_iteration: exc("StopIteration", &exception),
        stop_async_iteration: exc("StopAsyncIteration", &exception),
        generator_exit: exc("GeneratorExit", &base_exception),
        system_exit: exc("SystemExit", &base_exception),
        keyboard_interrupt: exc("KeyboardInterrupt", &base_exception),
        type_error: exc("TypeError", &exception),
        unicode_decode_error: exc("UnicodeDecodeError", &unicode_error),
        unicode_encode_error: exc("UnicodeEncodeError", &unicode_error),
        module_not_found_error: exc("ModuleNotFoundError", &import_error),
        file_not_found_error: exc("FileNotFoundError", &os_error),
        file_exists_error: exc("FileExistsError", &os_error),
        permission_error: exc("PermissionError", &os_error),
        is_a_directory_error: exc("IsADirectoryError", &os_error),
        not_a_directory_error: exc("NotADirectoryError", &os_error),
        interrupted_error: exc("InterruptedError", &os_error),
        blocking_io_error: exc("BlockingIOError", &os_error),
        child_process_error: exc("ChildProcessError", &os_error),
        process_lookup_error: exc("ProcessLookupError", &os_error),
        timeout_error: exc("TimeoutError", &os_error),
        broken_pipe_error: exc("BrokenPipeError", &connection_error),
        connection_aborted_error: exc("ConnectionAbortedError", &connection_error),
        connection_refused_error: exc("ConnectionRefusedError", &connection_error),
        connection_reset_error: exc("ConnectionResetError", &connection_error),
        connection_error,
        eof_error: exc("EOFError", &exception),
        tab_error: exc("TabError", &indentation_error),
        indentation_error,
        memory_error: exc("MemoryError", &exception),
        buffer_error: exc("BufferError", &exception),
        user_warning: exc("UserWarning", &warning),
        deprecation_warning: exc("DeprecationWarning", &warning),
        runtime_warning: exc("RuntimeWarning", &warning),
        pending_deprecation_warning: exc("PendingDeprecationWarning", &warning),
        syntax_warning: exc("SyntaxWarning", &warning),
        future_warning: exc("FutureWarning", &warning),
        import_warning: exc("ImportWarning", &warning),
        unicode_warning: exc("UnicodeWarning", &warning),
        bytes_warning: exc("BytesWarning", &warning),
        resource_warning: exc("ResourceWarning", &warning),
        encoding_warning: exc("EncodingWarning", &warning),
        reference_error: exc("ReferenceError", &exception),
        unicode_translate_error: exc("UnicodeTranslateError", &unicode_error),
        python_finalization_error: exc("PythonFinalizationError", &runtime_error),
        incomplete_input_error: exc("_IncompleteInputError", &syntax_error),
        object,
        type_,
        int,
        bool_,
        base_exception,
        exception,
        arithmetic_error,
        lookup_error,
        name_error,
        runtime_error,
        import_error,
        os_error,
        syntax_error,
        value_error,
        unicode_error,
        warning,
    };
    let leaked: &'static BuiltinTypes = Box::leak(Box::new(types));
    TYPES.with(|t| t.set(Some(leaked)));
    leaked
}

/// The type of a value held where it can be borrowed from (every value but classes
/// and instances of Python classes, whose type sits behind a cell): what the caches
/// need to read a version tag without a reference count update.
#[inline(always)]
pub fn borrowed_type_of<'a>(t: &'a BuiltinTypes, v: &'a Value) -> Option<&'a TypeRef> {
    Some(match v {
        Value::None | Value::Null => &t.none,
        Value::Bool(_) => &t.bool_,
        Value::Int(_) | Value::BigInt(_) => &t.int,
        Value::Float(_) => &t.float,
        Value::Str(_) => &t.str,
        Value::Tuple(_) => &t.tuple,
        Value::List(_) => &t.list,
        Value::Dict(_) => &t.dict,
        Value::Set(s) if s.frozen => &t.frozenset,
        Value::Set(_) => &t.set,
        Value::Function(_) => &t.function,
        Value::Builtin(b) => match b.kind {
            BuiltinKind::Function => &t.builtin_function,
            BuiltinKind::MethodDescriptor => &t.method_descriptor,
            BuiltinKind::SlotWrapper | BuiltinKind::GenericSlot => &t.wrapper_descriptor,
            BuiltinKind::MethodWrapper => &t.method_wrapper,
        },
        Value::Method(_) => &t.method,
        Value::Module(m) if m.cls.borrow().is_some() => return None,
        Value::Module(_) => &t.module,
        Value::Code(_) => &t.code,
        Value::Cell(_) => &t.cell,
        Value::Generator(g) if g.is_coroutine() => &t.coroutine,
        Value::Generator(_) => &t.generator,
        Value::Obj(o) => &o.cls,
        Value::Type(_) | Value::Instance(_) => return None,
    })
}

/// The type of a value. Always inlined: the evaluation loop asks it on its fast
/// paths, and a call costs more than the few compares.
#[inline(always)]
pub fn type_of(t: &BuiltinTypes, v: &Value) -> TypeRef {
    match v {
        Value::Type(ty) => ty.meta.borrow().clone().unwrap_or_else(|| t.type_.clone()),
        Value::Instance(i) => i.cls(),
        _ => match borrowed_type_of(t, v) {
            Some(ty) => ty.clone(),
            None => module_subclass(v).unwrap_or_else(|| t.object.clone()),
        },
    }
}

/// The class of a module made by a `types.ModuleType` subclass (kept out of
/// `type_of`'s inlined body: such modules are rare).
#[cold]
fn module_subclass(v: &Value) -> Option<TypeRef> {
    match v {
        Value::Module(m) => m.subclass(),
        _ => None,
    }
}

/// Whether `v` is an instance of the type `t` (no `__instancecheck__`).
pub fn is_instance(types: &BuiltinTypes, v: &Value, t: &Type) -> bool {
    type_of(types, v).is_subtype(t)
}

pub fn name_of(t: &TypeRef) -> Rc<PyStr> {
    t.name()
}

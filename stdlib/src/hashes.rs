//! The message digests `hashlib` builds on when there is no OpenSSL: `_md5`, `_sha1`,
//! `_sha2`, `_sha3` and `_blake2`, over the RustCrypto digests and the blake2 SIMD
//! crates. Each algorithm is a native type whose instances keep a running state
//! (`update`, `digest`, `hexdigest`, `copy`, `name`, `digest_size`, `block_size`).

use blake2b_simd::Params as Blake2bParams;
use blake2s_simd::Params as Blake2sParams;
use sha3::digest::{Digest, ExtendableOutput, Update, XofReader};
use tripwire_core::builtins::bytearray::bytes_like;
use tripwire_core::builtins::{native_function, native_type};
use tripwire_core::object::function::KwArg;
use tripwire_core::object::{Dict, NativeFn, ObjKind, PyCell, TypeRef, Value};
use tripwire_core::{PyResult, Vm};

#[derive(Clone)]
enum State {
    Md5(md5::Md5),
    Sha1(sha1::Sha1),
    Sha224(sha2::Sha224),
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
    Sha3_224(sha3::Sha3_224),
    Sha3_256(sha3::Sha3_256),
    Sha3_384(sha3::Sha3_384),
    Sha3_512(sha3::Sha3_512),
    Shake128(sha3::Shake128),
    Shake256(sha3::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl State {
    fn update(&mut self, data: &[u8]) {
        match self {
            State::Md5(h) => Digest::update(h, data),
            State::Sha1(h) => Digest::update(h, data),
            State::Sha224(h) => Digest::update(h, data),
            State::Sha256(h) => Digest::update(h, data),
            State::Sha384(h) => Digest::update(h, data),
            State::Sha512(h) => Digest::update(h, data),
            State::Sha3_224(h) => Digest::update(h, data),
            State::Sha3_256(h) => Digest::update(h, data),
            State::Sha3_384(h) => Digest::update(h, data),
            State::Sha3_512(h) => Digest::update(h, data),
            State::Shake128(h) => Update::update(h, data),
            State::Shake256(h) => Update::update(h, data),
            State::Blake2b(h) => {
                h.update(data);
            }
            State::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was fed so far (`length` bytes for the shakes); the
    /// state goes on.
    fn digest(&self, length: usize) -> Vec<u8> {
        fn fixed<D: Digest + Clone>(h: &D) -> Vec<u8> {
            h.clone().finalize().to_vec()
        }
        fn xof<X: ExtendableOutput + Clone>(h: &X, length: usize) -> Vec<u8> {
            let mut out = vec![0; length];
            h.clone().finalize_xof().read(&mut out);
            out
        }
        match self {
            State::Md5(h) => fixed(h),
            State::Sha1(h) => fixed(h),
            State::Sha224(h) => fixed(h),
            State::Sha256(h) => fixed(h),
            State::Sha384(h) => fixed(h),
            State::Sha512(h) => fixed(h),
            State::Sha3_224(h) => fixed(h),
            State::Sha3_256(h) => fixed(h),
            State::Sha3_384(h) => fixed(h),
            State::Sha3_512(h) => fixed(h),
            State::Shake128(h) => xof(h, length),
            State::Shake256(h) => xof(h, length),
            State::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            State::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// One algorithm: its name as `hashlib` spells it, a fresh state, and its sizes.
struct Algorithm {
    name: &'static str,
    new: fn() -> State,
    digest_size: usize,
    block_size: usize,
}

const MD5: &[Algorithm] = &[Algorithm {
    name: "md5",
    new: || State::Md5(Digest::new()),
    digest_size: 16,
    block_size: 64,
}];
const SHA1: &[Algorithm] = &[Algorithm {
    name: "sha1",
    new: || State::Sha1(Digest::new()),
    digest_size: 20,
    block_size: 64,
}];
const SHA2: &[Algorithm] = &[
    Algorithm {
        name: "sha224",
        new: || State::Sha224(Digest::new()),
        digest_size: 28,
        block_size: 64,
    },
    Algorithm {
        name: "sha256",
        new: || State::Sha256(Digest::new()),
        digest_size: 32,
        block_size: 64,
    },
    Algorithm {
        name: "sha384",
        new: || State::Sha384(Digest::new()),
        digest_size: 48,
        block_size: 128,
    },
    Algorithm {
        name: "sha512",
        new: || State::Sha512(Digest::new()),
        digest_size: 64,
        block_size: 128,
    },
];
const SHA3: &[Algorithm] = &[
    Algorithm {
        name: "sha3_224",
        new: || State::Sha3_224(Digest::new()),
        digest_size: 28,
        block_size: 144,
    },
    Algorithm {
        name: "sha3_256",
        new: || State::Sha3_256(Digest::new()),
        digest_size: 32,
        block_size: 136,
    },
    Algorithm {
        name: "sha3_384",
        new: || State::Sha3_384(Digest::new()),
        digest_size: 48,
        block_size: 104,
    },
    Algorithm {
        name: "sha3_512",
        new: || State::Sha3_512(Digest::new()),
        digest_size: 64,
        block_size: 72,
    },
    Algorithm {
        name: "shake_128",
        new: || State::Shake128(Default::default()),
        digest_size: 0,
        block_size: 168,
    },
    Algorithm {
        name: "shake_256",
        new: || State::Shake256(Default::default()),
        digest_size: 0,
        block_size: 136,
    },
];

/// A hash object's data.
#[derive(Clone)]
struct Hash {
    state: State,
    name: &'static str,
    digest_size: usize,
    block_size: usize,
}

impl Hash {
    fn is_shake(&self) -> bool {
        matches!(self.state, State::Shake128(_) | State::Shake256(_))
    }
}

fn with_hash<R>(vm: &Vm, v: &Value, f: impl FnOnce(&mut Hash) -> R) -> PyResult<R> {
    if let Value::Obj(o) = v {
        if let ObjKind::Native(cell) = &o.kind {
            let mut b = cell.borrow_mut();
            let any: &mut dyn std::any::Any = &mut **b;
            if let Some(h) = any.downcast_mut::<Hash>() {
                return Ok(f(h));
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor requires a hash object, not '{}'",
        vm.type_name(v)
    )))
}

fn new_hash(cls: TypeRef, h: Hash) -> Value {
    Value::obj(cls, ObjKind::Native(PyCell::new(Box::new(h))))
}

/// The bytes of a value to hash, with CPython's errors.
fn data_of(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    if matches!(v, Value::Str(_)) {
        return Err(vm.type_error("Strings must be encoded before hashing"));
    }
    bytes_like(v).ok_or_else(|| vm.type_error("object supporting the buffer API required"))
}

/// The initial data of a constructor: positional, or `string=`;
/// `usedforsecurity=` is accepted and ignored.
fn initial_data<'a>(
    vm: &Vm,
    args: &'a [Value],
    kw: &'a [KwArg],
    more: &[&str],
) -> PyResult<(Option<&'a Value>, Vec<&'a KwArg>)> {
    let mut data = args.first();
    let mut rest = Vec::new();
    for pair in kw {
        match pair.0.as_str() {
            "string" if data.is_none() => data = Some(&pair.1),
            "usedforsecurity" => {}
            name if more.contains(&name) => rest.push(pair),
            name => {
                return Err(vm.type_error(format!(
                    "'{name}' is an invalid keyword argument for this function"
                )))
            }
        }
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!(
            "function takes at most 1 positional argument ({} given)",
            args.len()
        )));
    }
    Ok((data, rest))
}

fn algorithm_of(cls: &TypeRef) -> Option<&'static Algorithm> {
    let name = cls.name();
    [MD5, SHA1, SHA2, SHA3]
        .into_iter()
        .flatten()
        .find(|a| a.name == name.as_str())
}

/// The constructor of the fixed algorithms (`md5(data=b'')`).
fn construct(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("a hash type is required"));
    };
    let Some(alg) = algorithm_of(cls) else {
        return Err(vm.type_error("not a hash type"));
    };
    let (data, _) = initial_data(vm, rest, kw, &[])?;
    let mut h = Hash {
        state: (alg.new)(),
        name: alg.name,
        digest_size: alg.digest_size,
        block_size: alg.block_size,
    };
    if let Some(d) = data {
        h.state.update(&data_of(vm, d)?);
    }
    Ok(new_hash(cls.clone(), h))
}

fn update(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let [me, data] = args else {
        return Err(vm.type_error("update() takes exactly one argument"));
    };
    let bytes = data_of(vm, data)?;
    with_hash(vm, me, |h| h.state.update(&bytes))?;
    Ok(Value::None)
}

/// The digest length a method was asked for (shakes take one, others none).
fn length_arg(vm: &mut Vm, h_is_shake: bool, args: &[Value], kw: &[KwArg]) -> PyResult<usize> {
    let given = args.get(1).or_else(|| {
        kw.iter()
            .find(|(k, _)| k.as_str() == "length")
            .map(|(_, v)| v)
    });
    match (h_is_shake, given) {
        (false, None) => Ok(0),
        (false, Some(_)) => Err(vm.type_error("digest() takes no arguments")),
        (true, None) => Err(vm.type_error("digest() missing required argument 'length' (pos 1)")),
        (true, Some(v)) => {
            let n = tripwire_core::builtins::arg_int(vm, v)?;
            usize::try_from(n).map_err(|_| vm.value_error("length must be non-negative"))
        }
    }
}

fn digest_bytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Vec<u8>> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("digest() needs a hash object"));
    };
    let h = with_hash(vm, me, |h| h.clone())?;
    let length = length_arg(vm, h.is_shake(), args, kw)?;
    // A shake's length is the program's: one that cannot be held is MemoryError.
    drop(vm.vec_with_capacity::<u8>(length)?);
    Ok(h.state.digest(length))
}

fn digest(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let bytes = digest_bytes(vm, args, kw)?;
    Ok(tripwire_core::builtins::bytes::new_bytes(bytes))
}

fn hexdigest(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let bytes = digest_bytes(vm, args, kw)?;
    Ok(Value::from_string(
        bytes.iter().map(|b| format!("{b:02x}")).collect(),
    ))
}

fn copy(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(me) = args.first() else {
        return Err(vm.type_error("copy() needs a hash object"));
    };
    let h = with_hash(vm, me, |h| h.clone())?;
    Ok(new_hash(vm.type_of(me), h))
}

fn get_name(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    with_hash(vm, &me, |h| Value::str(h.name))
}

fn get_digest_size(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    with_hash(vm, &me, |h| Value::Int(h.digest_size as i64))
}

fn get_block_size(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let me = args.first().cloned().unwrap_or(Value::None);
    with_hash(vm, &me, |h| Value::Int(h.block_size as i64))
}

/// A hash type of module `module` named `name`, made by `new`.
fn hash_type(vm: &mut Vm, module: &'static str, name: &str, new: NativeFn) -> TypeRef {
    let methods: &[(&'static str, NativeFn)] = &[
        ("update", update),
        ("digest", digest),
        ("hexdigest", hexdigest),
        ("copy", copy),
    ];
    let t = native_type(vm, module, name, true, Some(new), methods);
    let getters: &[(&'static str, NativeFn)] = &[
        ("name", get_name),
        ("digest_size", get_digest_size),
        ("block_size", get_block_size),
    ];
    for (attr, f) in getters {
        let property = ObjKind::Property {
            fget: native_function(module, attr, *f),
            fset: Value::None,
            fdel: Value::None,
            doc: PyCell::new(Value::None),
        };
        t.dict.set_str(
            vm.intern(attr),
            Value::obj(vm.types.property.clone(), property),
        );
    }
    t
}

fn install(vm: &mut Vm, d: &Dict, module: &'static str, algorithms: &[Algorithm]) {
    for alg in algorithms {
        let t = hash_type(vm, module, alg.name, construct);
        d.set_str(vm.intern(alg.name), Value::Type(t));
    }
}

pub fn init_md5(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    install(vm, d, "_md5", MD5);
    Ok(())
}

pub fn init_sha1(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    install(vm, d, "_sha1", SHA1);
    Ok(())
}

pub fn init_sha2(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    install(vm, d, "_sha2", SHA2);
    Ok(())
}

pub fn init_sha3(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    install(vm, d, "_sha3", SHA3);
    Ok(())
}

/// The limits of one BLAKE2 variant.
struct Blake2Limits {
    name: &'static str,
    digest: usize,
    key: usize,
    salt: usize,
    person: usize,
    block: usize,
}

const BLAKE2B: Blake2Limits = Blake2Limits {
    name: "blake2b",
    digest: 64,
    key: 64,
    salt: 16,
    person: 16,
    block: 128,
};
const BLAKE2S: Blake2Limits = Blake2Limits {
    name: "blake2s",
    digest: 32,
    key: 32,
    salt: 8,
    person: 8,
    block: 64,
};

/// `blake2b(data=b'', *, digest_size=64, key=b'', salt=b'', person=b'', fanout=1,
/// depth=1, leaf_size=0, node_offset=0, node_depth=0, inner_size=0,
/// last_node=False, usedforsecurity=True)` and the same for blake2s.
fn blake2_new(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let Some((Value::Type(cls), rest)) = args.split_first() else {
        return Err(vm.type_error("a hash type is required"));
    };
    let big = cls
        .mro
        .borrow()
        .iter()
        .any(|t| t.name().as_str() == "blake2b");
    let limits = if big { &BLAKE2B } else { &BLAKE2S };
    const PARAMS: &[&str] = &[
        "digest_size",
        "key",
        "salt",
        "person",
        "fanout",
        "depth",
        "leaf_size",
        "node_offset",
        "node_depth",
        "inner_size",
        "last_node",
    ];
    let (data, params) = initial_data(vm, rest, kw, PARAMS)?;
    let mut digest_size = limits.digest;
    let (mut key, mut salt, mut person) = (Vec::new(), Vec::new(), Vec::new());
    let mut ints = [1i64, 1, 0, 0, 0, 0];
    let mut last_node = false;
    for (name, v) in params {
        match name.as_str() {
            "digest_size" => {
                let n = tripwire_core::builtins::arg_int(vm, v)?;
                digest_size = match usize::try_from(n) {
                    Ok(n) if (1..=limits.digest).contains(&n) => n,
                    _ => {
                        return Err(vm.value_error(format!(
                            "digest_size must be between 1 and {} bytes",
                            limits.digest
                        )))
                    }
                };
            }
            "key" => key = data_of(vm, v)?,
            "salt" => salt = data_of(vm, v)?,
            "person" => person = data_of(vm, v)?,
            "last_node" => last_node = vm.truthy(v)?,
            other => {
                let i = [
                    "fanout",
                    "depth",
                    "leaf_size",
                    "node_offset",
                    "node_depth",
                    "inner_size",
                ]
                .iter()
                .position(|n| *n == other)
                .unwrap_or(0);
                ints[i] = tripwire_core::builtins::arg_int(vm, v)?;
            }
        }
    }
    if key.len() > limits.key {
        return Err(vm.value_error(format!("maximum key length is {} bytes", limits.key)));
    }
    if salt.len() > limits.salt {
        return Err(vm.value_error(format!("maximum salt length is {} bytes", limits.salt)));
    }
    if person.len() > limits.person {
        return Err(vm.value_error(format!("maximum person length is {} bytes", limits.person)));
    }
    let [fanout, depth, leaf_size, node_offset, node_depth, inner_size] = ints;
    let byte = |vm: &Vm, n: i64, what: &str| {
        u8::try_from(n).map_err(|_| vm.value_error(format!("{what} must be between 0 and 255")))
    };
    let fanout = byte(vm, fanout, "fanout")?;
    let depth = byte(vm, depth, "depth")?;
    if depth == 0 {
        return Err(vm.value_error("depth must be between 1 and 255"));
    }
    let node_depth = byte(vm, node_depth, "node_depth")?;
    let leaf_size =
        u32::try_from(leaf_size).map_err(|_| vm.overflow_error("leaf_size is too large"))?;
    let node_offset =
        u64::try_from(node_offset).map_err(|_| vm.overflow_error("node_offset is too large"))?;
    let inner_size = usize::try_from(inner_size)
        .ok()
        .filter(|n| *n <= limits.digest)
        .ok_or_else(|| {
            vm.value_error(format!(
                "inner_size must be between 0 and is {}",
                limits.digest
            ))
        })?;
    let state = if big {
        State::Blake2b(
            Blake2bParams::new()
                .hash_length(digest_size)
                .key(&key)
                .salt(&salt)
                .personal(&person)
                .fanout(fanout)
                .max_depth(depth)
                .max_leaf_length(leaf_size)
                .node_offset(node_offset)
                .node_depth(node_depth)
                .inner_hash_length(inner_size)
                .last_node(last_node)
                .to_state(),
        )
    } else {
        State::Blake2s(
            Blake2sParams::new()
                .hash_length(digest_size)
                .key(&key)
                .salt(&salt)
                .personal(&person)
                .fanout(fanout)
                .max_depth(depth)
                .max_leaf_length(leaf_size)
                .node_offset(node_offset)
                .node_depth(node_depth)
                .inner_hash_length(inner_size)
                .last_node(last_node)
                .to_state(),
        )
    };
    let mut h = Hash {
        state,
        name: limits.name,
        digest_size,
        block_size: limits.block,
    };
    if let Some(d) = data {
        h.state.update(&data_of(vm, d)?);
    }
    Ok(new_hash(cls.clone(), h))
}

pub fn init_blake2(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    for limits in [&BLAKE2B, &BLAKE2S] {
        let t = hash_type(vm, "_blake2", limits.name, blake2_new);
        let upper = limits.name.to_uppercase();
        for (suffix, n) in [
            ("SALT_SIZE", limits.salt),
            ("PERSON_SIZE", limits.person),
            ("MAX_KEY_SIZE", limits.key),
            ("MAX_DIGEST_SIZE", limits.digest),
        ] {
            t.dict.set_str(vm.intern(suffix), Value::Int(n as i64));
            let key = vm.intern(&format!("{upper}_{suffix}"));
            d.set_str(key, Value::Int(n as i64));
        }
        d.set_str(vm.intern(limits.name), Value::Type(t));
    }
    Ok(())
}

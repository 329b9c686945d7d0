//! The `random` module: the `Random` class (a native type around the Mersenne
//! Twister of `mt.rs`) with the methods of CPython 3.13's `Lib/random.py`, and the
//! module-level functions, which are that class's methods bound to a hidden
//! instance, as in CPython.
//!
//! Every method draws from the generator in the same order as random.py, so a
//! program seeded with an int (or a float, str or bytes) sees CPython's numbers.
//! `getstate` / `setstate` give and take random.py's `(3, words, gauss_next)`;
//! `_random` is the class with only the generator's own methods, whose state is the
//! words alone. `SystemRandom` (`py/system_random.py`) is the class over a
//! generator whose words come from the operating system.

use super::math::{index_big, to_f64};
use super::mt::{self, Mt19937};
use crate::code::{BinOp, CmpOp};
use crate::object::function::KwArg;
use crate::object::types::{Layout, Type};
use crate::object::{Builtin, Dict, ObjKind, Object, PyCell, TypeRef, Value};
use crate::vm::{PyErr, PyResult, Vm};
use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

// ---------------------------------------------------------------------------
// Argument binding with the messages of a Python-level method

/// The signature of a method written in Python in random.py.
struct Sig {
    name: &'static str,
    params: &'static [&'static str],
    required: usize,
    kwonly: &'static [&'static str],
}

/// Bind `args` (without self) and keywords to `sig`: one slot per parameter, then
/// one per keyword-only parameter. Errors count `self`, as CPython's do.
fn bind(vm: &Vm, sig: &Sig, args: &[Value], kw: &[KwArg]) -> PyResult<Vec<Option<Value>>> {
    let np = sig.params.len();
    if args.len() > np {
        let takes = if sig.required == np {
            format!(
                "{} positional argument{}",
                np + 1,
                if np == 0 { "" } else { "s" }
            )
        } else {
            format!(
                "from {} to {} positional arguments",
                sig.required + 1,
                np + 1
            )
        };
        return Err(vm.type_error(format!(
            "{}() takes {takes} but {} were given",
            sig.name,
            args.len() + 1
        )));
    }
    let mut slots: Vec<Option<Value>> = vec![None; np + sig.kwonly.len()];
    for (i, a) in args.iter().enumerate() {
        slots[i] = Some(a.clone());
    }
    for (k, v) in kw {
        let k = k.as_str();
        let idx = match sig.params.iter().position(|p| *p == k) {
            Some(i) => i,
            None => match sig.kwonly.iter().position(|p| *p == k) {
                Some(i) => np + i,
                None => {
                    return Err(vm.type_error(format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        sig.name
                    )))
                }
            },
        };
        if slots[idx].is_some() {
            return Err(vm.type_error(format!(
                "{}() got multiple values for argument '{k}'",
                sig.name
            )));
        }
        slots[idx] = Some(v.clone());
    }
    let missing: Vec<String> = (0..sig.required)
        .filter(|&i| slots[i].is_none())
        .map(|i| format!("'{}'", sig.params[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(vm.type_error(format!(
            "{}() missing {} required positional argument{}: {list}",
            sig.name,
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(slots)
}

/// A C-level method's check that it got no arguments.
fn no_args(vm: &Vm, name: &str, args: &[Value], kw: &[KwArg]) -> PyResult<()> {
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    if !args.is_empty() {
        return Err(vm.type_error(format!(
            "{name}() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(())
}

fn float_or(vm: &mut Vm, v: &Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => to_f64(vm, v),
        None => Ok(default),
    }
}

// ---------------------------------------------------------------------------
// The generator inside a Random object

fn split_self<'a>(vm: &Vm, name: &str, args: &'a [Value]) -> PyResult<(&'a Value, &'a [Value])> {
    crate::builtins::split_method_self(vm, "_random.Random", name, args, |v| {
        generator_of(v).is_some()
    })
}

/// The hidden slot in which instances of Random and its subclasses keep their
/// generator object.
const STATE_SLOT: &str = "__random_state__";

/// The native object holding the generator of a Random instance (in its hidden
/// slot), or the object itself when it is one (the module's hidden instance).
fn generator_of(v: &Value) -> Option<Rc<Object>> {
    let o = match v {
        Value::Obj(o) => o.clone(),
        Value::Instance(i) => match i.slots.borrow().first() {
            Some(Value::Obj(o)) => o.clone(),
            _ => return None,
        },
        _ => return None,
    };
    match &o.kind {
        ObjKind::Native(cell) if (**cell.borrow()).as_any().is::<Mt19937>() => Some(o),
        _ => None,
    }
}

/// Run `f` on the generator of a Random object (checked by `split_self`). The
/// borrow ends before `f`'s caller can run Python code.
fn with_mt<R>(this: &Value, f: impl FnOnce(&mut Mt19937) -> R) -> R {
    let mut scratch = None;
    let holder = generator_of(this);
    let mut guard = holder.as_ref().and_then(|o| match &o.kind {
        ObjKind::Native(cell) => Some(cell.borrow_mut()),
        _ => None,
    });
    let mt: &mut Mt19937 = match guard.as_mut() {
        Some(g) => {
            let any: &mut dyn std::any::Any = &mut ***g;
            match any.downcast_mut::<Mt19937>() {
                Some(mt) => mt,
                None => scratch.insert(Mt19937::new()),
            }
        }
        None => scratch.insert(Mt19937::new()),
    };
    f(mt)
}

/// An error message from `mt.rs` as the exception its doc names.
fn mt_error(vm: &Vm, msg: String) -> PyErr {
    match msg.as_str() {
        mt::MSG_MISSING_STOP => vm.type_error(msg),
        mt::MSG_EMPTY_CHOICE => vm.index_error(msg),
        mt::MSG_FLOAT_DIV_ZERO => vm.zero_division(msg),
        _ => vm.value_error(msg),
    }
}

// ---------------------------------------------------------------------------
// Seeding

/// Seed material from the OS (std's hasher keys come from the system's entropy
/// source) mixed with the clock, for `seed(None)` and `Random()`.
fn entropy_seed() -> BigInt {
    use std::hash::{BuildHasher, Hasher};
    let mut words = Vec::with_capacity(8);
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    for i in 0..4u64 {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(now);
        h.write_u64(i);
        let x = h.finish();
        words.push(x as u32);
        words.push((x >> 32) as u32);
    }
    BigInt::from_biguint(Sign::Plus, BigUint::new(words))
}

fn seed_value(vm: &mut Vm, this: &Value, a: Option<&Value>) -> PyResult<()> {
    let n: BigInt = match a {
        None | Some(Value::None) => entropy_seed(),
        Some(v @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => index_big(vm, v)?,
        Some(Value::Float(f)) => {
            // CPython seeds from the hash, cast to unsigned.
            let h = vm.hash(&Value::Float(*f))?;
            BigInt::from(h as u64)
        }
        Some(Value::Str(s)) => seed_from_bytes(s.as_str().as_bytes()),
        Some(v) => {
            if let Some(b) = bytes_of(v) {
                seed_from_bytes(&b)
            } else {
                match vm.builtin_base(v) {
                    Some(b @ (Value::Int(_) | Value::BigInt(_) | Value::Bool(_))) => {
                        index_big(vm, &b)?
                    }
                    Some(Value::Float(f)) => BigInt::from(vm.hash(&Value::Float(f))? as u64),
                    Some(Value::Str(s)) => seed_from_bytes(s.as_str().as_bytes()),
                    _ => {
                        return Err(vm.type_error(
                            "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.",
                        ))
                    }
                }
            }
        }
    };
    with_mt(this, |mt| mt.seed_from_int(&n));
    Ok(())
}

fn bytes_of(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Obj(o) => match &o.kind {
            ObjKind::Bytes(b) => Some(b.to_vec()),
            _ => None,
        },
        _ => None,
    }
}

/// random.py's version-2 seeding of str and bytes: `int.from_bytes(a + sha512(a))`.
fn seed_from_bytes(a: &[u8]) -> BigInt {
    let mut all = a.to_vec();
    all.extend_from_slice(&sha512(a));
    BigInt::from_bytes_be(Sign::Plus, &all)
}

/// SHA-512 (FIPS 180-4). The round constants are the first 64 bits of the
/// fractional parts of the cube roots of the first 80 primes (the initial hash:
/// square roots of the first 8), computed exactly with integer roots.
fn sha512(msg: &[u8]) -> [u8; 64] {
    use std::sync::OnceLock;
    static CONSTS: OnceLock<([u64; 80], [u64; 8])> = OnceLock::new();
    let (k, h0) = CONSTS.get_or_init(|| {
        let mut primes = Vec::with_capacity(80);
        let mut n = 2u64;
        while primes.len() < 80 {
            if primes.iter().all(|p| !n.is_multiple_of(*p)) {
                primes.push(n);
            }
            n += 1;
        }
        let low64 = |b: BigUint| b.iter_u64_digits().next().unwrap_or(0);
        let mut k = [0u64; 80];
        for (i, p) in primes.iter().enumerate() {
            k[i] = low64((BigUint::from(*p) << 192u32).cbrt());
        }
        let mut h = [0u64; 8];
        for (i, p) in primes.iter().take(8).enumerate() {
            h[i] = low64((BigUint::from(*p) << 128u32).sqrt());
        }
        (k, h)
    });
    let mut h = *h0;
    let mut data = msg.to_vec();
    let bit_len = (msg.len() as u128).wrapping_mul(8);
    data.push(0x80);
    while data.len() % 128 != 112 {
        data.push(0);
    }
    data.extend_from_slice(&bit_len.to_be_bytes());
    for block in data.chunks_exact(128) {
        let mut w = [0u64; 80];
        for (t, chunk) in block.chunks_exact(8).enumerate() {
            let mut b = [0u8; 8];
            b.copy_from_slice(chunk);
            w[t] = u64::from_be_bytes(b);
        }
        for t in 16..80 {
            let s0 = w[t - 15].rotate_right(1) ^ w[t - 15].rotate_right(8) ^ (w[t - 15] >> 7);
            let s1 = w[t - 2].rotate_right(19) ^ w[t - 2].rotate_right(61) ^ (w[t - 2] >> 6);
            w[t] = s1
                .wrapping_add(w[t - 7])
                .wrapping_add(s0)
                .wrapping_add(w[t - 16]);
        }
        let [mut a, mut b, mut c, mut d, mut e, mut f, mut g, mut hh] = h;
        for t in 0..80 {
            let s1 = e.rotate_right(14) ^ e.rotate_right(18) ^ e.rotate_right(41);
            let ch = (e & f) ^ (!e & g);
            let t1 = hh
                .wrapping_add(s1)
                .wrapping_add(ch)
                .wrapping_add(k[t])
                .wrapping_add(w[t]);
            let s0 = a.rotate_right(28) ^ a.rotate_right(34) ^ a.rotate_right(39);
            let maj = (a & b) ^ (a & c) ^ (b & c);
            let t2 = s0.wrapping_add(maj);
            hh = g;
            g = f;
            f = e;
            e = d.wrapping_add(t1);
            d = c;
            c = b;
            b = a;
            a = t1.wrapping_add(t2);
        }
        for (x, y) in h.iter_mut().zip([a, b, c, d, e, f, g, hh]) {
            *x = x.wrapping_add(y);
        }
    }
    let mut out = [0u8; 64];
    for (i, x) in h.iter().enumerate() {
        out[i * 8..i * 8 + 8].copy_from_slice(&x.to_be_bytes());
    }
    out
}

// ---------------------------------------------------------------------------
// The class

/// `Random.__new__(cls, ...)`: an instance of `cls` (Random or a subclass) holding
/// a generator, seeded by `__init__`; SystemRandom (a class whose `_os_entropy` is
/// set) draws from the OS. The arguments are `__init__`'s, as CPython's.
fn random_new(vm: &mut Vm, args: &[Value], _kw: &[KwArg]) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.first() else {
        return Err(vm.type_error("Random.__new__(X): X is not a type object"));
    };
    let os_entropy = cls.lookup(&vm.intern("_os_entropy")).is_some();
    let generator = generator_object(vm, os_entropy)?;
    let obj = crate::builtins::types::new_instance(vm, cls, &[], &[])?;
    let Value::Instance(inst) = &obj else {
        return Err(vm.type_error("Random.__new__(X): X is not a subtype of Random"));
    };
    let old = inst
        .slots
        .borrow_mut()
        .first_mut()
        .map(|slot| std::mem::replace(slot, generator));
    drop(old);
    Ok(obj)
}

/// `Random.__init__(self, x=None)`: `self.seed(x)`, through the instance, so a
/// subclass's `seed` is the one called.
fn random_init(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "__init__", args)?;
    let sig = Sig {
        name: "Random.__init__",
        params: &["x"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let seed = vm.intern("seed");
    let seed = vm.get_attr(this, &seed)?;
    vm.call(&seed, &[slots[0].clone().unwrap_or(Value::None)], &[])?;
    Ok(Value::None)
}

thread_local! {
    /// The hidden type of generator objects (one interpreter per thread).
    static GENERATOR_TYPE: std::cell::RefCell<Option<TypeRef>> =
        const { std::cell::RefCell::new(None) };
}

/// A new generator object, from the OS's entropy or to be seeded.
fn generator_object(vm: &mut Vm, os_entropy: bool) -> PyResult<Value> {
    let Some(t) = GENERATOR_TYPE.with(|t| t.borrow().clone()) else {
        return Err(vm.runtime_error("random is not initialised"));
    };
    let generator = if os_entropy {
        Mt19937::from_os_entropy()
    } else {
        Mt19937::new()
    };
    Ok(Value::obj(
        t,
        ObjKind::Native(PyCell::new(Box::new(generator))),
    ))
}

fn r_seed(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "seed", args)?;
    let sig = Sig {
        name: "Random.seed",
        params: &["a", "version"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    if !with_mt(this, |mt| mt.is_os_entropy()) {
        seed_value(vm, this, slots[0].as_ref())?;
    }
    Ok(Value::None)
}

/// `_randbelow(n)`: a random int in `range(n)`, drawn as random.py's
/// `_randbelow_with_getrandbits` draws it (`secrets.randbelow` calls it).
fn r_randbelow(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "_randbelow", args)?;
    crate::builtins::no_kwargs(vm, "Random._randbelow", kw)?;
    crate::builtins::check_args(vm, "Random._randbelow", rest, 1, 1)?;
    let n = index_big(vm, &rest[0])?;
    // random.py loops forever on a bound of 0 or less; an error is kinder.
    let Some(n) = n.to_biguint().filter(|n| !n.is_zero()) else {
        return Err(vm.value_error("Upper bound must be positive."));
    };
    let r = with_mt(this, |mt| mt.randbelow(&n));
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, r)))
}

fn r_random(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "random", args)?;
    no_args(vm, "Random.random", rest, kw)?;
    Ok(Value::Float(with_mt(this, |mt| mt.random())))
}

fn r_getrandbits(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "getrandbits", args)?;
    crate::builtins::no_kwargs(vm, "Random.getrandbits", kw)?;
    crate::builtins::check_args(vm, "Random.getrandbits", rest, 1, 1)?;
    let k = index_big(vm, &rest[0])?;
    let k = getrandbits_count(vm, &k)?;
    let r = with_mt(this, |mt| mt.getrandbits(k));
    Ok(Value::from_bigint(BigInt::from_biguint(Sign::Plus, r)))
}

fn getrandbits_count(vm: &Vm, k: &BigInt) -> PyResult<u64> {
    if k.is_negative() {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    match k.to_i32() {
        Some(k) => Ok(k as u64),
        None => Err(vm.overflow_error("Python int too large to convert to C int")),
    }
}

fn r_randbytes(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "randbytes", args)?;
    let sig = Sig {
        name: "Random.randbytes",
        params: &["n"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let n = slots[0].clone().unwrap_or(Value::None);
    let n = index_big(vm, &n)?;
    let bits = getrandbits_count(vm, &(&n * 8))?;
    let r = with_mt(this, |mt| mt.getrandbits(bits));
    let mut bytes = r.to_bytes_le();
    bytes.resize((bits / 8) as usize, 0);
    Ok(crate::builtins::bytes::new_bytes(bytes))
}

/// Small ints stay on the i64 fast path of `mt.rs`.
fn small(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        _ => None,
    }
}

fn r_randrange(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "randrange", args)?;
    let sig = Sig {
        name: "Random.randrange",
        params: &["start", "stop", "step"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let start = slots[0].clone().unwrap_or(Value::None);
    let stop = slots[1].clone().filter(|v| !v.is_none());
    let step = slots[2].clone();
    if let (Some(a), Some(b), Some(c)) = (
        small(&start),
        match &stop {
            None => Some(None),
            Some(v) => small(v).map(Some),
        },
        match &step {
            None => Some(1),
            Some(v) => small(v),
        },
    ) {
        return match with_mt(this, |mt| mt.randrange(a, b, c)) {
            Ok(r) => Ok(Value::Int(r)),
            Err(m) => Err(mt_error(vm, m)),
        };
    }
    let a = index_big(vm, &start)?;
    let b = match &stop {
        Some(v) => Some(index_big(vm, v)?),
        None => None,
    };
    let c = match &step {
        Some(v) => index_big(vm, v)?,
        None => BigInt::from(1),
    };
    match with_mt(this, |mt| mt.randrange_big(&a, b.as_ref(), &c)) {
        Ok(r) => Ok(Value::from_bigint(r)),
        Err(m) => Err(mt_error(vm, m)),
    }
}

fn r_randint(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "randint", args)?;
    let sig = Sig {
        name: "Random.randint",
        params: &["a", "b"],
        required: 2,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let a = slots[0].clone().unwrap_or(Value::None);
    let b = slots[1].clone().unwrap_or(Value::None);
    if let (Some(x), Some(y)) = (small(&a), small(&b)) {
        return match with_mt(this, |mt| mt.randint(x, y)) {
            Ok(r) => Ok(Value::Int(r)),
            Err(m) => Err(mt_error(vm, m)),
        };
    }
    let x = index_big(vm, &a)?;
    let y = index_big(vm, &b)?;
    match with_mt(this, |mt| mt.randint_big(&x, &y)) {
        Ok(r) => Ok(Value::from_bigint(r)),
        Err(m) => Err(mt_error(vm, m)),
    }
}

fn r_choice(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "choice", args)?;
    let sig = Sig {
        name: "Random.choice",
        params: &["seq"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let seq = slots[0].clone().unwrap_or(Value::None);
    if let Value::List(l) = &seq {
        let n = l.len();
        let i = with_mt(this, |mt| mt.choice_index(n)).map_err(|m| mt_error(vm, m))?;
        if let Some(v) = l.get(i) {
            return Ok(v);
        }
    }
    let n = vm.len(&seq)?;
    let i = with_mt(this, |mt| mt.choice_index(n)).map_err(|m| mt_error(vm, m))?;
    vm.getitem(&seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "shuffle", args)?;
    let sig = Sig {
        name: "Random.shuffle",
        params: &["x"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let x = slots[0].clone().unwrap_or(Value::None);
    if let Value::List(l) = &x {
        let mut items = l.items.borrow_mut();
        with_mt(this, |mt| mt.shuffle_indices(&mut items));
        return Ok(Value::None);
    }
    let n = vm.len(&x)?;
    for i in (1..n).rev() {
        let j = with_mt(this, |mt| mt.randbelow_u64(i as u64 + 1)) as i64;
        let i = i as i64;
        let xj = vm.getitem(&x, &Value::Int(j))?;
        let xi = vm.getitem(&x, &Value::Int(i))?;
        vm.setitem(&x, Value::Int(i), xj)?;
        vm.setitem(&x, Value::Int(j), xi)?;
    }
    Ok(Value::None)
}

/// `isinstance(population, collections.abc.Sequence)` for the kinds tripwire has.
fn is_sequence(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) => true,
        Value::Obj(o) => matches!(o.kind, ObjKind::Range { .. } | ObjKind::Bytes(_)),
        Value::Instance(_) => {
            matches!(
                vm.builtin_base(v),
                Some(Value::List(_) | Value::Tuple(_) | Value::Str(_))
            ) || vm
                .type_of(v)
                .mro
                .borrow()
                .iter()
                .any(|t| matches!(t.name().as_str(), "Sequence" | "MutableSequence"))
        }
        _ => false,
    }
}

fn item_at(vm: &mut Vm, seq: &Value, i: usize) -> PyResult<Value> {
    match seq {
        Value::List(l) => match l.get(i) {
            Some(v) => Ok(v),
            None => vm.getitem(seq, &Value::Int(i as i64)),
        },
        Value::Tuple(t) => match t.items.get(i) {
            Some(v) => Ok(v.clone()),
            None => vm.getitem(seq, &Value::Int(i as i64)),
        },
        _ => vm.getitem(seq, &Value::Int(i as i64)),
    }
}

/// Running sums of an iterable with Python's `+` (`itertools.accumulate`).
fn accumulate(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    let it = vm.get_iter(v)?;
    let mut out: Vec<Value> = Vec::new();
    while let Some(x) = vm.next(&it)? {
        let next = match out.last() {
            Some(last) => {
                let last = last.clone();
                vm.binary_op(BinOp::Add, &last, &x)?
            }
            None => x,
        };
        out.push(next);
    }
    Ok(out)
}

/// `bisect.bisect_right(a, x, lo, hi)` with Python comparisons.
fn bisect_right(vm: &mut Vm, a: &[Value], x: &Value, hi: usize) -> PyResult<usize> {
    let (mut lo, mut hi) = (0usize, hi);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let lt = vm.compare(CmpOp::Lt, x, &a[mid])?;
        if vm.truthy(&lt)? {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    Ok(lo)
}

/// Cumulative weights as floats when that compares exactly like Python does.
fn exact_floats(a: &[Value]) -> Option<Vec<f64>> {
    a.iter()
        .map(|v| match v {
            Value::Float(f) => Some(*f),
            Value::Int(i) if i.unsigned_abs() <= 1 << 53 => Some(*i as f64),
            _ => None,
        })
        .collect()
}

fn r_sample(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "sample", args)?;
    let sig = Sig {
        name: "Random.sample",
        params: &["population", "k"],
        required: 2,
        kwonly: &["counts"],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let population = slots[0].clone().unwrap_or(Value::None);
    let k = slots[1].clone().unwrap_or(Value::None);
    if !is_sequence(vm, &population) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let n = vm.len(&population)?;
    if let Some(counts) = slots[2].clone().filter(|c| !c.is_none()) {
        let mut cum = accumulate(vm, &counts)?;
        if cum.len() != n {
            return Err(vm.value_error("The number of counts does not match the population"));
        }
        let total = cum.pop().unwrap_or(Value::Int(0));
        if !matches!(total, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
            return Err(vm.type_error("Counts must be integers"));
        }
        let total = index_big(vm, &total)?;
        if !total.is_positive() {
            return Err(vm.value_error("Total of counts must be greater than zero"));
        }
        let k = sample_size(vm, &k)?;
        let total = total.to_usize().unwrap_or(usize::MAX);
        let picks = with_mt(this, |mt| mt.sample_indices(total, k)).map_err(|m| mt_error(vm, m))?;
        let mut out = Vec::with_capacity(picks.len());
        let hi = cum.len();
        for s in picks {
            let i = bisect_right(vm, &cum, &Value::Int(s as i64), hi)?;
            out.push(item_at(vm, &population, i)?);
        }
        return Ok(Value::list(out));
    }
    let k = sample_size(vm, &k)?;
    let picks = with_mt(this, |mt| mt.sample_indices(n, k)).map_err(|m| mt_error(vm, m))?;
    let mut out = Vec::with_capacity(picks.len());
    for i in picks {
        out.push(item_at(vm, &population, i)?);
    }
    Ok(Value::list(out))
}

/// `k` for sample: an int; out-of-range values are mt.rs's ValueError.
fn sample_size(vm: &mut Vm, k: &Value) -> PyResult<i64> {
    match k {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let k = index_big(vm, k)?;
            Ok(k.to_i64()
                .unwrap_or(if k.is_negative() { -1 } else { i64::MAX }))
        }
        _ => Err(vm.type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(k)
        ))),
    }
}

fn r_choices(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "choices", args)?;
    let sig = Sig {
        name: "Random.choices",
        params: &["population", "weights"],
        required: 1,
        kwonly: &["cum_weights", "k"],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let population = slots[0].clone().unwrap_or(Value::None);
    let weights = slots[1].clone().filter(|v| !v.is_none());
    let cum_weights = slots[2].clone().filter(|v| !v.is_none());
    let k_value = slots[3].clone().unwrap_or(Value::Int(1));
    let n = vm.len(&population)?;
    let cum = match (cum_weights, weights) {
        (None, None) => {
            let k = repeat_count(vm, &k_value)?;
            let nf = n as f64;
            let mut out = Vec::with_capacity(k);
            for _ in 0..k {
                let i = (with_mt(this, |mt| mt.random()) * nf).floor() as usize;
                out.push(item_at(vm, &population, i)?);
            }
            return Ok(Value::list(out));
        }
        (None, Some(w)) => match accumulate(vm, &w) {
            Ok(c) => c,
            Err(e) => {
                let type_error = vm.types.type_error.clone();
                if vm.err_matches(&e, &type_error)
                    && matches!(w, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
                {
                    let r = vm.repr(&w)?;
                    return Err(vm.type_error(format!(
                        "The number of choices must be a keyword argument: k={}",
                        r.as_str()
                    )));
                }
                return Err(e);
            }
        },
        (Some(c), None) => vm.collect_iterable(&c)?,
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
        }
    };
    if cum.len() != n {
        return Err(vm.value_error("The number of weights does not match the population"));
    }
    let last = cum.last().cloned().unwrap_or(Value::Int(0));
    let total = vm.binary_op(BinOp::Add, &last, &Value::Float(0.0))?;
    let total = to_f64(vm, &total)?;
    if total <= 0.0 {
        return Err(vm.value_error("Total of weights must be greater than zero"));
    }
    if !total.is_finite() {
        return Err(vm.value_error("Total of weights must be finite"));
    }
    let k = repeat_count(vm, &k_value)?;
    let hi = n.saturating_sub(1);
    let fast = exact_floats(&cum);
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        let x = with_mt(this, |mt| mt.random()) * total;
        let i = match &fast {
            Some(c) => c[..hi].partition_point(|w| *w <= x),
            None => bisect_right(vm, &cum, &Value::Float(x), hi)?,
        };
        out.push(item_at(vm, &population, i)?);
    }
    Ok(Value::list(out))
}

/// `itertools.repeat(None, k)`'s count: negative means none.
fn repeat_count(vm: &mut Vm, k: &Value) -> PyResult<usize> {
    let k = index_big(vm, k)?;
    if k.is_negative() || k.is_zero() {
        return Ok(0);
    }
    k.to_usize()
        .ok_or_else(|| vm.overflow_error("Python int too large to convert to C ssize_t"))
}

fn r_uniform(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "uniform", args)?;
    let sig = Sig {
        name: "Random.uniform",
        params: &["a", "b"],
        required: 2,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let a = slots[0].clone().unwrap_or(Value::None);
    let b = slots[1].clone().unwrap_or(Value::None);
    if let (Value::Float(x), Value::Float(y)) = (&a, &b) {
        return Ok(Value::Float(with_mt(this, |mt| mt.uniform(*x, *y))));
    }
    // a + (b - a) * random(), with Python arithmetic and in that order.
    let width = vm.binary_op(BinOp::Sub, &b, &a)?;
    let r = with_mt(this, |mt| mt.random());
    let scaled = vm.binary_op(BinOp::Mul, &width, &Value::Float(r))?;
    vm.binary_op(BinOp::Add, &a, &scaled)
}

fn r_triangular(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "triangular", args)?;
    let sig = Sig {
        name: "Random.triangular",
        params: &["low", "high", "mode"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let low = float_or(vm, &slots[0], 0.0)?;
    let high = float_or(vm, &slots[1], 1.0)?;
    let mode = match slots[2].as_ref().filter(|v| !v.is_none()) {
        Some(v) => Some(to_f64(vm, v)?),
        None => None,
    };
    let r = with_mt(this, |mt| mt.triangular(low, high, mode));
    if mode.is_some() && high - low == 0.0 {
        // random.py returns `low` itself when the division by zero happens.
        return Ok(slots[0].clone().unwrap_or(Value::Float(0.0)));
    }
    Ok(Value::Float(r))
}

fn mu_sigma(vm: &mut Vm, name: &'static str, args: &[Value], kw: &[KwArg]) -> PyResult<(f64, f64)> {
    let sig = Sig {
        name,
        params: &["mu", "sigma"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, args, kw)?;
    Ok((float_or(vm, &slots[0], 0.0)?, float_or(vm, &slots[1], 1.0)?))
}

fn r_gauss(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "gauss", args)?;
    let (mu, sigma) = mu_sigma(vm, "Random.gauss", rest, kw)?;
    Ok(Value::Float(with_mt(this, |mt| mt.gauss(mu, sigma))))
}

fn r_normalvariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "normalvariate", args)?;
    let (mu, sigma) = mu_sigma(vm, "Random.normalvariate", rest, kw)?;
    Ok(Value::Float(with_mt(this, |mt| {
        mt.normalvariate(mu, sigma)
    })))
}

fn r_lognormvariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "lognormvariate", args)?;
    let (mu, sigma) = two_floats(vm, "Random.lognormvariate", &["mu", "sigma"], rest, kw)?;
    Ok(Value::Float(
        with_mt(this, |mt| mt.normalvariate(mu, sigma)).exp(),
    ))
}

fn two_floats(
    vm: &mut Vm,
    name: &'static str,
    params: &'static [&'static str],
    args: &[Value],
    kw: &[KwArg],
) -> PyResult<(f64, f64)> {
    let sig = Sig {
        name,
        params,
        required: 2,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, args, kw)?;
    Ok((float_or(vm, &slots[0], 0.0)?, float_or(vm, &slots[1], 0.0)?))
}

fn r_expovariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "expovariate", args)?;
    let sig = Sig {
        name: "Random.expovariate",
        params: &["lambd"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let lambd = slots[0].clone().unwrap_or(Value::Float(1.0));
    if let Value::Float(l) = lambd {
        return match with_mt(this, |mt| mt.expovariate(l)) {
            Ok(r) => Ok(Value::Float(r)),
            Err(m) => Err(mt_error(vm, m)),
        };
    }
    // -log(1.0 - random()) / lambd, with Python's division for other types.
    let x = -(1.0 - with_mt(this, |mt| mt.random())).ln();
    vm.binary_op(BinOp::TrueDiv, &Value::Float(x), &lambd)
}

fn r_paretovariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "paretovariate", args)?;
    let sig = Sig {
        name: "Random.paretovariate",
        params: &["alpha"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let alpha = float_or(vm, &slots[0], 1.0)?;
    let u = 1.0 - with_mt(this, |mt| mt.random());
    if alpha == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    float_pow(vm, u, -1.0 / alpha)
}

/// Python's `x ** y` on floats (errors included).
fn float_pow(vm: &mut Vm, x: f64, y: f64) -> PyResult<Value> {
    vm.binary_op(BinOp::Pow, &Value::Float(x), &Value::Float(y))
}

fn r_weibullvariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "weibullvariate", args)?;
    let (alpha, beta) = two_floats(vm, "Random.weibullvariate", &["alpha", "beta"], rest, kw)?;
    let u = 1.0 - with_mt(this, |mt| mt.random());
    if beta == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    let p = float_pow(vm, -u.ln(), 1.0 / beta)?;
    vm.binary_op(BinOp::Mul, &Value::Float(alpha), &p)
}

fn r_vonmisesvariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    use std::f64::consts::{PI, TAU};
    let (this, rest) = split_self(vm, "vonmisesvariate", args)?;
    let (mu, kappa) = two_floats(vm, "Random.vonmisesvariate", &["mu", "kappa"], rest, kw)?;
    let theta = with_mt(this, |mt| {
        if kappa <= 1e-6 {
            return TAU * mt.random();
        }
        let s = 0.5 / kappa;
        let r = s + (1.0 + s * s).sqrt();
        let z = loop {
            let u1 = mt.random();
            let z = (PI * u1).cos();
            let d = z / (r + z);
            let u2 = mt.random();
            if u2 < 1.0 - d * d || u2 <= (1.0 - d) * d.exp() {
                break z;
            }
        };
        let q = 1.0 / r;
        let f = (q + z) / (1.0 + q * z);
        let u3 = mt.random();
        let t = if u3 > 0.5 {
            mu + f.acos()
        } else {
            mu - f.acos()
        };
        crate::vm::ops::float_divmod(t, TAU).1
    });
    Ok(Value::Float(theta))
}

/// random.py's gammavariate, after the argument check.
fn gamma_draw(mt: &mut Mt19937, alpha: f64, beta: f64) -> f64 {
    let log4 = 4.0f64.ln();
    let sg_magicconst = 1.0 + 4.5f64.ln();
    if alpha > 1.0 {
        let ainv = (2.0 * alpha - 1.0).sqrt();
        let bbb = alpha - log4;
        let ccc = alpha + ainv;
        loop {
            let u1 = mt.random();
            if !(1e-7 < u1 && u1 < 0.9999999) {
                continue;
            }
            let u2 = 1.0 - mt.random();
            let v = (u1 / (1.0 - u1)).ln() / ainv;
            let x = alpha * v.exp();
            let z = u1 * u1 * u2;
            let r = bbb + ccc * v - x;
            if r + sg_magicconst - 4.5 * z >= 0.0 || r >= z.ln() {
                return x * beta;
            }
        }
    } else if alpha == 1.0 {
        -(1.0 - mt.random()).ln() * beta
    } else {
        // Algorithm GS of Kennedy & Gentle, for 0 < alpha < 1.
        let e = std::f64::consts::E;
        let x = loop {
            let u = mt.random();
            let b = (e + alpha) / e;
            let p = b * u;
            let x = if p <= 1.0 {
                p.powf(1.0 / alpha)
            } else {
                -((b - p) / alpha).ln()
            };
            let u1 = mt.random();
            if p > 1.0 {
                if u1 <= x.powf(alpha - 1.0) {
                    break x;
                }
            } else if u1 <= (-x).exp() {
                break x;
            }
        };
        x * beta
    }
}

fn r_gammavariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "gammavariate", args)?;
    let (alpha, beta) = two_floats(vm, "Random.gammavariate", &["alpha", "beta"], rest, kw)?;
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(vm.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    Ok(Value::Float(with_mt(this, |mt| {
        gamma_draw(mt, alpha, beta)
    })))
}

fn r_betavariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "betavariate", args)?;
    let (alpha, beta) = two_floats(vm, "Random.betavariate", &["alpha", "beta"], rest, kw)?;
    if alpha <= 0.0 || beta <= 0.0 {
        return Err(vm.value_error("gammavariate: alpha and beta must be > 0.0"));
    }
    let y = with_mt(this, |mt| gamma_draw(mt, alpha, 1.0));
    if y == 0.0 {
        return Ok(Value::Float(0.0));
    }
    let y2 = with_mt(this, |mt| gamma_draw(mt, beta, 1.0));
    Ok(Value::Float(y / (y + y2)))
}

fn r_binomialvariate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "binomialvariate", args)?;
    let sig = Sig {
        name: "Random.binomialvariate",
        params: &["n", "p"],
        required: 0,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let n = match &slots[0] {
        Some(v) => index_big(vm, v)?,
        None => BigInt::from(1),
    };
    let p = float_or(vm, &slots[1], 0.5)?;
    if n.is_negative() {
        return Err(vm.value_error("n must be non-negative"));
    }
    if p <= 0.0 || p >= 1.0 {
        if p == 0.0 {
            return Ok(Value::Int(0));
        }
        if p == 1.0 {
            return Ok(Value::from_bigint(n));
        }
        return Err(vm.value_error("p must be in the range 0.0 <= p <= 1.0"));
    }
    let Some(n) = n.to_i64() else {
        return Err(vm.overflow_error("Python int too large to convert to C long"));
    };
    Ok(Value::Int(with_mt(this, |mt| binomial(mt, n, p))))
}

/// random.py's binomialvariate for n >= 0 and 0 < p < 1.
fn binomial(mt: &mut Mt19937, n: i64, p: f64) -> i64 {
    if n == 1 {
        return (mt.random() < p) as i64;
    }
    // Symmetry: work with p <= 0.5.
    if p > 0.5 {
        return n - binomial(mt, n, 1.0 - p);
    }
    let nf = n as f64;
    if nf * p < 10.0 {
        // BG: Devroye's geometric method, O(np).
        let (mut x, mut y) = (0i64, 0i64);
        let c = (1.0 - p).log2();
        if c == 0.0 {
            return x;
        }
        loop {
            y += (mt.random().log2() / c).floor() as i64 + 1;
            if y > n {
                return x;
            }
            x += 1;
        }
    }
    // BTRS: Hörmann's transformed rejection with squeeze.
    let spq = (nf * p * (1.0 - p)).sqrt();
    let b = 1.15 + 2.53 * spq;
    let a = -0.0873 + 0.0248 * b + 0.01 * p;
    let c = nf * p + 0.5;
    let vr = 0.92 - 4.2 / b;
    let mut setup: Option<(f64, f64, f64, f64)> = None;
    loop {
        let mut u = mt.random();
        u -= 0.5;
        let us = 0.5 - u.abs();
        let k = ((2.0 * a / us + b) * u + c).floor();
        if k < 0.0 || k > nf {
            continue;
        }
        let mut v = mt.random();
        if us >= 0.07 && v <= vr {
            return k as i64;
        }
        let (alpha, lpq, m, h) = *setup.get_or_insert_with(|| {
            let alpha = (2.83 + 5.1 / b) * spq;
            let lpq = (p / (1.0 - p)).ln();
            let m = ((nf + 1.0) * p).floor();
            let h = super::math::lgamma_value(m + 1.0) + super::math::lgamma_value(nf - m + 1.0);
            (alpha, lpq, m, h)
        });
        v *= alpha / (a / (us * us) + b);
        if v.ln()
            <= h - super::math::lgamma_value(k + 1.0) - super::math::lgamma_value(nf - k + 1.0)
                + (k - m) * lpq
        {
            return k as i64;
        }
    }
}

/// `_random.Random.getstate()`: the 624 words and the position, as a tuple.
fn c_getstate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "getstate", args)?;
    no_args(vm, "getstate", rest, kw)?;
    Ok(with_mt(this, |mt| {
        let (words, position) = mt.words();
        let mut items: Vec<Value> = words.iter().map(|w| Value::Int(*w as i64)).collect();
        items.push(Value::Int(position as i64));
        Value::tuple(items)
    }))
}

/// One state word as CPython reads it: an unsigned long, cut to 32 bits.
fn state_word(vm: &Vm, v: &Value) -> PyResult<u32> {
    match v {
        Value::Int(i) if *i < 0 => {
            Err(vm.overflow_error("can't convert negative value to unsigned int"))
        }
        Value::Int(i) => Ok(*i as u32),
        Value::Bool(b) => Ok(*b as u32),
        Value::BigInt(b) if b.is_negative() => {
            Err(vm.overflow_error("can't convert negative value to unsigned int"))
        }
        Value::BigInt(b) => b
            .to_u64()
            .map(|w| w as u32)
            .ok_or_else(|| vm.overflow_error("Python int too large to convert to C unsigned long")),
        _ => Err(vm.type_error("an integer is required")),
    }
}

/// `_random.Random.setstate(state)`: the words and position `getstate()` gave.
fn c_setstate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "setstate", args)?;
    if !kw.is_empty() {
        return Err(vm.type_error("setstate() takes no keyword arguments"));
    }
    let [state] = rest else {
        return Err(vm.type_error(format!(
            "_random.Random.setstate() takes exactly one argument ({} given)",
            rest.len()
        )));
    };
    let Value::Tuple(t) = state else {
        return Err(vm.type_error("state vector must be a tuple"));
    };
    if t.items.len() != mt::N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; mt::N];
    for (word, v) in words.iter_mut().zip(t.items.iter()) {
        *word = state_word(vm, v)?;
    }
    let position = match &t.items[mt::N] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => {
            return Err(vm.overflow_error("Python int too large to convert to C long"))
        }
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    let Some(position) = usize::try_from(position).ok().filter(|p| *p <= mt::N) else {
        return Err(vm.value_error("invalid state"));
    };
    with_mt(this, |mt| mt.set_words(words, position));
    Ok(Value::None)
}

/// `Random.getstate()`: random.py's `(VERSION, words, gauss_next)`.
fn r_getstate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let words = c_getstate(vm, args, kw)?;
    let gauss = with_mt(&args[0], |mt| mt.gauss_next());
    Ok(Value::tuple(vec![
        Value::Int(3),
        words,
        gauss.map_or(Value::None, Value::Float),
    ]))
}

/// `Random.setstate(state)`: a state `getstate()` gave (version 3), or one of
/// Python 2's (version 2, whose words may be out of 32-bit range).
fn r_setstate(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "setstate", args)?;
    let sig = Sig {
        name: "Random.setstate",
        params: &["state"],
        required: 1,
        kwonly: &[],
    };
    let slots = bind(vm, &sig, rest, kw)?;
    let state = slots[0].clone().unwrap_or(Value::None);
    let zero = Value::Int(0);
    let version = vm.getitem(&state, &zero)?;
    let is = |v: i64| matches!(version, Value::Int(n) if n == v);
    if !is(3) && !is(2) {
        let shown = vm.to_str(&version)?;
        return Err(vm.value_error(format!(
            "state with version {} passed to Random.setstate() of version 3",
            shown.as_str()
        )));
    }
    let parts = vm.collect_iterable(&state)?;
    let [_, internal, gauss] = parts.as_slice() else {
        let msg = if parts.len() > 3 {
            "too many values to unpack (expected 3)".to_string()
        } else {
            format!(
                "not enough values to unpack (expected 3, got {})",
                parts.len()
            )
        };
        return Err(vm.value_error(msg));
    };
    let gauss = match gauss {
        Value::None => None,
        g => Some(to_f64(vm, g)?),
    };
    with_mt(this, |mt| mt.set_gauss_next(gauss));
    let internal = if is(2) {
        let modulus = Value::from_bigint(BigInt::from(1u64 << 32));
        let mut words = Vec::new();
        for w in vm.collect_iterable(internal)? {
            words.push(vm.binary_op(BinOp::Mod, &w, &modulus)?);
        }
        Value::tuple(words)
    } else {
        internal.clone()
    };
    c_setstate(vm, &[this.clone(), internal], &[])
}

/// `Random.__reduce__()`: made again by calling the class and setting the state.
fn r_reduce(vm: &mut Vm, args: &[Value], kw: &[KwArg]) -> PyResult<Value> {
    let (this, rest) = split_self(vm, "__reduce__", args)?;
    no_args(vm, "__reduce__", rest, kw)?;
    let state = r_getstate(vm, std::slice::from_ref(this), &[])?;
    Ok(Value::tuple(vec![
        Value::Type(vm.type_of(this)),
        Value::tuple(Vec::new()),
        state,
    ]))
}

/// The methods of `_random.Random`, which random.py's class builds on.
const GENERATOR_METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("seed", r_seed),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("getstate", c_getstate),
    ("setstate", c_setstate),
];

const METHODS: &[(&str, crate::object::NativeFn)] = &[
    ("getstate", r_getstate),
    ("setstate", r_setstate),
    ("__getstate__", r_getstate),
    ("__setstate__", r_setstate),
    ("__reduce__", r_reduce),
    ("seed", r_seed),
    ("random", r_random),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("randint", r_randint),
    ("choice", r_choice),
    ("randrange", r_randrange),
    ("sample", r_sample),
    ("shuffle", r_shuffle),
    ("choices", r_choices),
    ("normalvariate", r_normalvariate),
    ("lognormvariate", r_lognormvariate),
    ("expovariate", r_expovariate),
    ("vonmisesvariate", r_vonmisesvariate),
    ("gammavariate", r_gammavariate),
    ("gauss", r_gauss),
    ("betavariate", r_betavariate),
    ("binomialvariate", r_binomialvariate),
    ("paretovariate", r_paretovariate),
    ("weibullvariate", r_weibullvariate),
    ("getrandbits", r_getrandbits),
    ("randbytes", r_randbytes),
    ("_randbelow", r_randbelow),
];

/// A Random class of `module` with `methods`: a plain class (so Python classes
/// derive from it) whose instances keep their generator in a hidden slot.
fn random_type(
    vm: &mut Vm,
    module: &str,
    methods: &[(&'static str, crate::object::NativeFn)],
) -> TypeRef {
    let object = vm.types.object.clone();
    let t = Rc::new(Type::new(
        "Random",
        vec![object.clone()],
        Vec::new(),
        Dict::new_rc(),
        Layout::Object,
        false,
        vec![vm.intern(STATE_SLOT)],
        // Instances take attributes, as those of CPython's random.Random do.
        true,
        None,
    ));
    *t.mro.borrow_mut() = vec![t.clone(), object.clone()];
    object.subclasses.borrow_mut().push(Rc::downgrade(&t));
    crate::object::tracking::class(&t);
    t.dict
        .set_str(vm.names.d_module.clone(), Value::str(module));
    for (name, f) in methods {
        crate::builtins::add_method(vm, &t, name, *f);
    }
    crate::builtins::add_method(vm, &t, "__init__", random_init);
    crate::builtins::set_static_new(vm, &t, "Random", random_new);
    t
}

/// The hidden type of generator objects, made by the first of `random` and
/// `_random` to be imported.
fn ensure_generator_type(vm: &mut Vm) {
    if GENERATOR_TYPE.with(|t| t.borrow().is_none()) {
        // Generator objects carry the methods too: the hidden instance `_inst` is one.
        let t = crate::builtins::native_type(vm, "random", "Random", true, None, METHODS);
        GENERATOR_TYPE.with(|slot| *slot.borrow_mut() = Some(t));
    }
}

/// `_random`: the generator class alone (`random`'s own class is the bundled
/// module's, with every method of random.py).
pub fn init_generator_module(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    ensure_generator_type(vm);
    let t = random_type(vm, "_random", GENERATOR_METHODS);
    d.set_str(vm.intern("Random"), Value::Type(t));
    Ok(())
}

pub fn init(vm: &mut Vm, d: &Dict) -> PyResult<()> {
    ensure_generator_type(vm);
    let t = random_type(vm, "random", METHODS);
    d.set_str(vm.intern("Random"), Value::Type(t.clone()));
    // The module's functions are bound to its hidden instance's generator
    // object itself, which they reach without going through a slot.
    let inst = generator_object(vm, false)?;
    seed_value(vm, &inst, None)?;
    for (name, f) in METHODS.iter().filter(|(name, _)| !name.starts_with("__")) {
        let bound = Value::Builtin(Rc::new(Builtin {
            name,
            func: *f,
            bound: Some(inst.clone()),
            kind: crate::object::function::BuiltinKind::Function,
            owner: "Random",
            weakrefs: Default::default(),
        }));
        d.set_str(vm.intern(name), bound);
    }
    d.set_str(vm.intern("_inst"), inst);
    let ns = Dict::new_rc();
    ns.set_str(vm.names.d_name.clone(), Value::str("random"));
    let random_key = vm.intern("Random");
    if let Some(random_type) = d.get_str(&random_key) {
        ns.set_str(random_key, random_type);
    }
    vm.exec_source(
        include_str!("py/system_random.py"),
        "<frozen random>",
        ns.clone(),
    )?;
    let key = vm.intern("SystemRandom");
    if let Some(system_random) = ns.get_str(&key) {
        d.set_str(key, system_random);
    }
    let consts = [
        ("NV_MAGICCONST", 4.0 * (-0.5f64).exp() / 2.0f64.sqrt()),
        ("TWOPI", std::f64::consts::TAU),
        ("LOG4", 4.0f64.ln()),
        ("SG_MAGICCONST", 1.0 + 4.5f64.ln()),
        ("RECIP_BPF", 2.0f64.powi(-53)),
    ];
    for (name, v) in consts {
        d.set_str(vm.intern(name), Value::Float(v));
    }
    d.set_str(vm.intern("BPF"), Value::Int(53));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::sha512;

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    #[test]
    fn sha512_known_digests() {
        assert_eq!(
            hex(&sha512(b"abc")),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a\
             2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"
        );
        assert_eq!(
            hex(&sha512(b"")),
            "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce\
             47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e"
        );
    }
}

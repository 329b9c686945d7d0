//! Bit-exact port of CPython 3.13's `random` core: the MT19937 generator of
//! `Modules/_randommodule.c` and the algorithms of `Lib/random.py` built on
//! it, so a program seeded with an int sees exactly CPython's numbers.
//!
//! Pure Rust on `num-bigint` (and libc's `getrandom` for `SystemRandom`); it
//! depends on nothing in the interpreter.
//! Errors come back as `Err(String)` holding CPython's message; the doc of
//! each fallible method names the Python exception class the caller raises.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive};

/// The words of the generator's state (`getstate()` gives them and the position).
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// `random.NV_MAGICCONST` (`4 * exp(-0.5) / sqrt(2.0)`), hard-coded so the
/// result does not hinge on the platform's `exp`.
const NV_MAGICCONST: f64 = 1.7155277699214135;
/// `math.tau`, which random.py calls `TWOPI`.
const TWOPI: f64 = std::f64::consts::TAU;

/// `randrange` message for the 1-arg form with a non-default step; the only
/// `randrange` error that is a `TypeError` rather than a `ValueError`.
pub const MSG_MISSING_STOP: &str = "Missing a non-None stop argument";
/// `choice` on an empty sequence (an `IndexError`).
pub const MSG_EMPTY_CHOICE: &str = "Cannot choose from an empty sequence";
/// `sample` with `k` outside `0..=n` (a `ValueError`).
pub const MSG_SAMPLE_SIZE: &str = "Sample larger than population or is negative";
/// `expovariate(0)` (a `ZeroDivisionError`).
pub const MSG_FLOAT_DIV_ZERO: &str = "float division by zero";

/// Four bytes of the operating system's entropy (`getrandom`, else
/// `/dev/urandom`).
fn os_random_u32() -> u32 {
    let mut buf = [0u8; 4];
    loop {
        // SAFETY: `buf` has room for the four bytes asked for.
        let n = unsafe { libc::getrandom(buf.as_mut_ptr().cast(), buf.len(), 0) };
        if n == buf.len() as isize {
            return u32::from_ne_bytes(buf);
        }
        if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(libc::EINTR) {
            continue;
        }
        break;
    }
    use std::io::Read;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        if f.read_exact(&mut buf).is_ok() {
            return u32::from_ne_bytes(buf);
        }
    }
    // No entropy source at all: std's hasher keys are drawn from the system too.
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u8(0);
    h.finish() as u32
}

/// A `random.Random` instance: MT19937 state plus random.py's `gauss_next`.
#[derive(Clone, Debug)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
    gauss_next: Option<f64>,
    /// Draw every word from the operating system (`random.SystemRandom`).
    os_entropy: bool,
}

impl Default for Mt19937 {
    fn default() -> Self {
        Self::new()
    }
}

impl Mt19937 {
    /// A generator in the state of `random.seed(0)`. CPython would seed an
    /// unseeded `Random()` from the OS; a fixed state keeps this module
    /// deterministic, and programs that care seed explicitly.
    pub fn new() -> Self {
        let mut mt = Mt19937 {
            state: [0; N],
            index: N + 1,
            gauss_next: None,
            os_entropy: false,
        };
        mt.init_by_array(&[0]);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let key_length = key.len();
        let mut i = 1usize;
        let mut j = 0usize;
        for _ in 0..N.max(key_length) {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
            if j >= key_length {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = self.state[i - 1];
            self.state[i] = (self.state[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.state[0] = self.state[N - 1];
                i = 1;
            }
        }
        // Guarantees a non-zero initial state.
        self.state[0] = 0x8000_0000;
    }

    /// `random.seed(n)` for an int `n`: the sign is dropped (so `-7` and `7`
    /// give the same stream) and `gauss_next` is cleared, as random.py does.
    pub fn seed_from_int(&mut self, n: &BigInt) {
        // `to_u32_digits` is little-endian and empty for zero; CPython
        // always passes at least one key word.
        let mut key = n.magnitude().to_u32_digits();
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
        self.gauss_next = None;
    }

    /// A generator whose words all come from the operating system's entropy
    /// source, so every method draws as `random.SystemRandom`'s do (the same
    /// distributions over fresh OS randomness); seeding does not apply to it.
    pub fn from_os_entropy() -> Self {
        Mt19937 {
            os_entropy: true,
            ..Self::new()
        }
    }

    /// The state words and the position of the next word (0..=N): what
    /// `_random.Random.getstate()` lists.
    pub fn words(&self) -> (&[u32; N], usize) {
        (&self.state, self.index)
    }

    /// Restore `words` and `position` (0..=N) that `words()` gave.
    pub fn set_words(&mut self, words: [u32; N], position: usize) {
        self.state = words;
        self.index = position.min(N);
    }

    /// random.py's `gauss_next`: the second normal deviate `gauss` made.
    pub fn gauss_next(&self) -> Option<f64> {
        self.gauss_next
    }

    pub fn set_gauss_next(&mut self, next: Option<f64>) {
        self.gauss_next = next;
    }

    /// Whether the words come from the operating system.
    pub fn is_os_entropy(&self) -> bool {
        self.os_entropy
    }

    /// `genrand_uint32`.
    pub fn next_u32(&mut self) -> u32 {
        if self.os_entropy {
            return os_random_u32();
        }
        if self.index >= N {
            let mag01 = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
            for kk in 0..N - M {
                let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
                self.state[kk] = self.state[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (self.state[kk] & UPPER_MASK) | (self.state[kk + 1] & LOWER_MASK);
                self.state[kk] = self.state[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (self.state[N - 1] & UPPER_MASK) | (self.state[0] & LOWER_MASK);
            self.state[N - 1] = self.state[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^= y >> 18;
        y
    }

    /// `random.random()`: `genrand_res53`, a float in [0, 1) with 53 bits.
    pub fn random(&mut self) -> f64 {
        let a = self.next_u32() >> 5;
        let b = self.next_u32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `random.getrandbits(k)`. CPython takes `k` as a C `int`: a negative
    /// `k` is the caller's `ValueError` ("number of bits must be
    /// non-negative") and `k >= 2**31` its `OverflowError`.
    pub fn getrandbits(&mut self, k: u64) -> BigUint {
        if k <= 128 {
            return BigUint::from(self.bits_u128(k as u32));
        }
        let words = (k - 1) / 32 + 1;
        // Only a hint: a huge `k` should fail by running out of memory as it
        // grows, like CPython, not abort on the reservation.
        let mut digits = Vec::with_capacity(usize::try_from(words.min(1 << 16)).unwrap_or(0));
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigUint::new(digits)
    }

    /// `getrandbits(k)` for `k <= 128`, consuming the same words in the same
    /// order as the C code so the fast integer paths stay on CPython's stream.
    fn bits_u128(&mut self, k: u32) -> u128 {
        debug_assert!(k <= 128);
        if k == 0 {
            // CPython returns 0 without drawing a word.
            return 0;
        }
        if k <= 32 {
            return u128::from(self.next_u32() >> (32 - k));
        }
        let mut out = 0u128;
        let mut left = k;
        let mut shift = 0;
        while left > 0 {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out |= u128::from(r) << shift;
            shift += 32;
            left = left.saturating_sub(32);
        }
        out
    }

    fn below_u128(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros();
        loop {
            let r = self.bits_u128(k);
            if r < n {
                return r;
            }
        }
    }

    /// `Random._randbelow_with_getrandbits(n)`: an int in [0, n).
    ///
    /// CPython 3.13 never returns for `n == 0` (`getrandbits(0)` is 0, which
    /// is never `< 0`); no public path reaches it there. Here it returns 0
    /// without drawing, rather than hanging.
    pub fn randbelow(&mut self, n: &BigUint) -> BigUint {
        if let Some(small) = n.to_u128() {
            return BigUint::from(self.below_u128(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    /// `randbelow` for a machine-sized bound; same draws as the `BigUint` one.
    pub fn randbelow_u64(&mut self, n: u64) -> u64 {
        // A result below a u64 bound fits in u64.
        self.below_u128(u128::from(n)) as u64
    }

    /// `random.randrange(start)`, `randrange(start, stop)` or
    /// `randrange(start, stop, step)`; pass `step = 1` when it is omitted.
    ///
    /// Every `Err` is a `ValueError` except [`MSG_MISSING_STOP`], a
    /// `TypeError`.
    pub fn randrange(&mut self, start: i64, stop: Option<i64>, step: i64) -> Result<i64, String> {
        let r = self.randrange_i128(i128::from(start), stop.map(i128::from), i128::from(step))?;
        // The result lies in the range, whose ends are i64.
        Ok(r as i64)
    }

    /// `random.randint(a, b)`, i.e. `randrange(a, b + 1)`; its error message
    /// therefore names `b + 1`, as CPython's does.
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, String> {
        let r = self.randrange_i128(i128::from(a), Some(i128::from(b) + 1), 1)?;
        Ok(r as i64)
    }

    // Widths of i64 ranges (and randint's `b + 1`) need up to 65 bits.
    fn randrange_i128(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: i128,
    ) -> Result<i128, String> {
        let Some(stop) = stop else {
            if step != 1 {
                return Err(MSG_MISSING_STOP.to_string());
            }
            if start > 0 {
                return Ok(self.below_u128(start as u128) as i128);
            }
            return Err("empty range for randrange()".to_string());
        };
        let width = stop - start;
        if step == 1 {
            if width > 0 {
                return Ok(start + self.below_u128(width as u128) as i128);
            }
            return Err(format!("empty range in randrange({start}, {stop})"));
        }
        let n = match step.cmp(&0) {
            std::cmp::Ordering::Greater => Integer::div_floor(&(width + step - 1), &step),
            std::cmp::Ordering::Less => Integer::div_floor(&(width + step + 1), &step),
            std::cmp::Ordering::Equal => return Err("zero step for randrange()".to_string()),
        };
        if n <= 0 {
            return Err(format!("empty range in randrange({start}, {stop}, {step})"));
        }
        Ok(start + step * self.below_u128(n as u128) as i128)
    }

    /// [`Mt19937::randrange`] for arbitrary ints; same errors.
    pub fn randrange_big(
        &mut self,
        start: &BigInt,
        stop: Option<&BigInt>,
        step: &BigInt,
    ) -> Result<BigInt, String> {
        let Some(stop) = stop else {
            if !step.is_one() {
                return Err(MSG_MISSING_STOP.to_string());
            }
            if start.is_positive() {
                return Ok(BigInt::from(self.randbelow(start.magnitude())));
            }
            return Err("empty range for randrange()".to_string());
        };
        let width = stop - start;
        if step.is_one() {
            if width.is_positive() {
                return Ok(start + BigInt::from(self.randbelow(width.magnitude())));
            }
            return Err(format!("empty range in randrange({start}, {stop})"));
        }
        let n = match step.sign() {
            Sign::Plus => (&width + step - BigInt::one()).div_floor(step),
            Sign::Minus => (&width + step + BigInt::one()).div_floor(step),
            Sign::NoSign => return Err("zero step for randrange()".to_string()),
        };
        if !n.is_positive() {
            return Err(format!("empty range in randrange({start}, {stop}, {step})"));
        }
        Ok(start + step * BigInt::from(self.randbelow(n.magnitude())))
    }

    /// [`Mt19937::randint`] for arbitrary ints.
    pub fn randint_big(&mut self, a: &BigInt, b: &BigInt) -> Result<BigInt, String> {
        self.randrange_big(a, Some(&(b + 1)), &BigInt::one())
    }

    /// The index `random.choice(seq)` picks for `len(seq) == len`; an empty
    /// sequence is an `IndexError`.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, String> {
        if len == 0 {
            return Err(MSG_EMPTY_CHOICE.to_string());
        }
        Ok(self.randbelow_u64(len as u64) as usize)
    }

    /// `random.shuffle(x)`: the same swaps, in the same order, on any slice.
    pub fn shuffle_indices<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self.randbelow_u64(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// The indices `random.sample(population, k)` picks, in selection order,
    /// for `len(population) == n`; map them back onto the population.
    /// `k` outside `0..=n` is a `ValueError`.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, String> {
        let k = match usize::try_from(k) {
            Ok(k) if k <= n => k,
            _ => return Err(MSG_SAMPLE_SIZE.to_string()),
        };
        let mut result = Vec::with_capacity(k);
        // random.py picks between the two algorithms by comparing memory of
        // an n-list to a k-set; the rule must match or the draws differ.
        let mut setsize: u128 = 21;
        if k > 5 {
            let exp = (((k as u128 * 3) as f64).ln() / 4f64.ln()).ceil();
            setsize += 4u128.checked_pow(exp as u32).unwrap_or(u128::MAX - 21);
        }
        if (n as u128) <= setsize {
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self.randbelow_u64((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1];
            }
        } else {
            let mut selected = std::collections::HashSet::with_capacity(k);
            for _ in 0..k {
                let mut j = self.randbelow_u64(n as u64) as usize;
                while selected.contains(&j) {
                    j = self.randbelow_u64(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `random.uniform(a, b)`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `random.triangular(low, high, mode)`; `mode = None` is the midpoint.
    pub fn triangular(&mut self, low: f64, high: f64, mode: Option<f64>) -> f64 {
        let mut u = self.random();
        let mut c = match mode {
            None => 0.5,
            // Python's float division raises on a zero divisor (even -0.0),
            // and random.py turns that ZeroDivisionError into `return low`.
            Some(_) if high - low == 0.0 => return low,
            Some(mode) => (mode - low) / (high - low),
        };
        let (mut low, mut high) = (low, high);
        if u > c {
            u = 1.0 - u;
            c = 1.0 - c;
            std::mem::swap(&mut low, &mut high);
        }
        low + (high - low) * (u * c).sqrt()
    }

    /// `random.normalvariate(mu, sigma)` (Kinderman-Monahan).
    pub fn normalvariate(&mut self, mu: f64, sigma: f64) -> f64 {
        loop {
            let u1 = self.random();
            let u2 = 1.0 - self.random();
            let z = NV_MAGICCONST * (u1 - 0.5) / u2;
            let zz = z * z / 4.0;
            if zz <= -u2.ln() {
                return mu + z * sigma;
            }
        }
    }

    /// `random.gauss(mu, sigma)`: Box-Muller, caching the second value for
    /// the next call as random.py does (re-seeding drops the cache).
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TWOPI;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }

    /// `random.expovariate(lambd)`. The draw happens before the division,
    /// so `lambd == 0` consumes a value and then is a `ZeroDivisionError`.
    pub fn expovariate(&mut self, lambd: f64) -> Result<f64, String> {
        let x = -(1.0 - self.random()).ln();
        if lambd == 0.0 {
            return Err(MSG_FLOAT_DIV_ZERO.to_string());
        }
        Ok(x / lambd)
    }
}

// Expected values were printed by CPython 3.13.0 and pasted in, so these
// tests need no Python to run.
#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Zero;

    fn big(s: &str) -> BigInt {
        s.parse().expect("test literal")
    }

    fn seeded(s: &str) -> Mt19937 {
        let mut mt = Mt19937::new();
        mt.seed_from_int(&big(s));
        mt
    }

    fn assert_f64s(got: &[f64], want: &[f64]) {
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.to_bits(), w.to_bits(), "got {g:?}, want {w:?}");
        }
    }

    #[test]
    fn random_first_five_per_seed() {
        let cases: [(&str, [f64; 5]); 7] = [
            (
                "0",
                [
                    0.8444218515250481,
                    0.7579544029403025,
                    0.420571580830845,
                    0.25891675029296335,
                    0.5112747213686085,
                ],
            ),
            (
                "1",
                [
                    0.13436424411240122,
                    0.8474337369372327,
                    0.763774618976614,
                    0.2550690257394217,
                    0.49543508709194095,
                ],
            ),
            (
                "42",
                [
                    0.6394267984578837,
                    0.025010755222666936,
                    0.27502931836911926,
                    0.22321073814882275,
                    0.7364712141640124,
                ],
            ),
            (
                "12345",
                [
                    0.41661987254534116,
                    0.010169169457068361,
                    0.8252065092537432,
                    0.2986398551995928,
                    0.3684116894884757,
                ],
            ),
            (
                "-7",
                [
                    0.32383276483316237,
                    0.15084917392450192,
                    0.6509344730398537,
                    0.07243628666754276,
                    0.5358820043066892,
                ],
            ),
            (
                "18446744073709551621",
                [
                    0.5105783769365112,
                    0.8797586528012199,
                    0.5149365298491138,
                    0.7551717560524919,
                    0.719111569722046,
                ],
            ),
            (
                "1000000000000000000000000000000",
                [
                    0.9341508484568806,
                    0.5253068813972436,
                    0.34916701183971244,
                    0.32994679328514775,
                    0.1450229500585093,
                ],
            ),
        ];
        for (seed, want) in cases {
            let mut mt = seeded(seed);
            let got: Vec<f64> = (0..5).map(|_| mt.random()).collect();
            assert_f64s(&got, &want);
        }
    }

    #[test]
    fn sign_of_seed_is_dropped_and_new_is_seed_zero() {
        let mut a = seeded("-7");
        let mut b = seeded("7");
        for _ in 0..10 {
            assert_eq!(a.next_u32(), b.next_u32());
        }
        let mut fresh = Mt19937::new();
        assert_eq!(fresh.random().to_bits(), 0.8444218515250481f64.to_bits());
    }

    #[test]
    fn reseeding_restarts_the_stream() {
        let mut mt = seeded("42");
        for _ in 0..1000 {
            mt.next_u32();
        }
        mt.seed_from_int(&big("42"));
        assert_eq!(mt.random().to_bits(), 0.6394267984578837f64.to_bits());
    }

    #[test]
    fn next_u32_is_getrandbits_32() {
        let mut mt = seeded("1000000000000000000000000000000");
        let got: Vec<u32> = (0..3).map(|_| mt.next_u32()).collect();
        assert_eq!(got, [4012147334, 2100903950, 2256175901]);
    }

    #[test]
    fn getrandbits_widths() {
        let mut mt = seeded("42");
        let got: Vec<BigUint> = [1, 8, 32, 33, 64, 100, 0, 5]
            .iter()
            .map(|&k| mt.getrandbits(k))
            .collect();
        let want: Vec<BigUint> = [
            "1",
            "28",
            "107420369",
            "3184935163",
            "4117511471858006928",
            "800402129360547565400942494185",
            "0",
            "23",
        ]
        .iter()
        .map(|s| s.parse().expect("test literal"))
        .collect();
        assert_eq!(got, want);

        let mut mt = seeded("18446744073709551621");
        let got: Vec<String> = [100, 200, 129, 128]
            .iter()
            .map(|&k| mt.getrandbits(k).to_string())
            .collect();
        assert_eq!(
            got,
            [
                "782755124322270624659323306931",
                "502586235309950465818683572749132417730855134820357001896298",
                "559257955056324310739266203943546917717",
                "136193613912664171225828358603686637476",
            ]
        );
    }

    #[test]
    fn randbelow_zero_draws_nothing() {
        let mut mt = seeded("1");
        assert!(mt.randbelow(&BigUint::zero()).is_zero());
        assert_eq!(mt.random().to_bits(), 0.13436424411240122f64.to_bits());
    }

    #[test]
    fn randrange_and_randint() {
        let mut mt = seeded("12345");
        let got = [
            mt.randrange(10, None, 1),
            mt.randrange(5, Some(100), 1),
            mt.randrange(100, Some(5), -7),
            mt.randrange(-50, Some(50), 3),
            mt.randrange(i64::MIN, Some(i64::MAX), 1),
            mt.randint(i64::MIN, i64::MAX),
            mt.randint(1, 6),
            mt.randint(-3, -3),
            mt.randrange(0, Some(1 << 40), 1 << 20),
            mt.randrange(7, Some(-100), -1),
            mt.randrange(1 << 62, None, 1),
        ];
        let want: [Result<i64, String>; 11] = [
            Ok(6),
            Ok(98),
            Ok(100),
            Ok(7),
            Ok(-2427375981423863622),
            Ok(-5650950641291792112),
            Ok(5),
            Ok(-3),
            Ok(355554295808),
            Ok(-40),
            Ok(2408130225617824075),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn randrange_big_ints() {
        let mut mt = seeded("777");
        let one = BigInt::one();
        let got = [
            mt.randrange_big(&big("1000000000000000000000000000000"), None, &one),
            mt.randrange_big(
                &big("-10000000000000000000000000"),
                Some(&big("10000000000000000000000000")),
                &big("7"),
            ),
            mt.randint_big(
                &big("-1267650600228229401496703205376"),
                &big("1267650600228229401496703205376"),
            ),
            mt.randrange_big(&big("5"), Some(&big("-100000000000000000000")), &big("-3")),
        ];
        let want = [
            "59604642852362200045002261143",
            "8525444445496468396410802",
            "-639433053918596570928440705260",
            "-59655777663547389004",
        ];
        for (g, w) in got.iter().zip(want) {
            assert_eq!(g.as_ref().map(|v| v.to_string()), Ok(w.to_string()));
        }
    }

    #[test]
    fn randrange_errors() {
        let mut mt = seeded("1");
        let cases: [(i64, Option<i64>, i64, &str); 8] = [
            (0, None, 1, "empty range for randrange()"),
            (-3, None, 1, "empty range for randrange()"),
            (5, Some(5), 1, "empty range in randrange(5, 5)"),
            (5, Some(3), 1, "empty range in randrange(5, 3)"),
            (1, Some(10), 0, "zero step for randrange()"),
            (1, Some(10), -1, "empty range in randrange(1, 10, -1)"),
            (10, Some(1), 2, "empty range in randrange(10, 1, 2)"),
            (10, None, 2, MSG_MISSING_STOP),
        ];
        for (start, stop, step, msg) in cases {
            assert_eq!(mt.randrange(start, stop, step), Err(msg.to_string()));
            let big_stop = stop.map(BigInt::from);
            assert_eq!(
                mt.randrange_big(&BigInt::from(start), big_stop.as_ref(), &BigInt::from(step)),
                Err(msg.to_string())
            );
        }
        assert_eq!(
            mt.randint(5, 3),
            Err("empty range in randrange(5, 4)".to_string())
        );
        assert_eq!(
            mt.randint(5, 4),
            Err("empty range in randrange(5, 5)".to_string())
        );
        assert_eq!(
            mt.randint_big(&BigInt::from(5), &BigInt::from(3)),
            Err("empty range in randrange(5, 4)".to_string())
        );
        // Errors draw nothing.
        assert_eq!(mt.random().to_bits(), 0.13436424411240122f64.to_bits());
    }

    #[test]
    fn choice_indices() {
        let mut mt = seeded("7");
        let got: Vec<Result<usize, String>> = [1, 5, 1000, 2, 3, 1_000_000]
            .iter()
            .map(|&n| mt.choice_index(n))
            .collect();
        assert_eq!(got, [Ok(0), Ok(1), Ok(404), Ok(0), Ok(0), Ok(861168)]);
        assert_eq!(mt.choice_index(0), Err(MSG_EMPTY_CHOICE.to_string()));
    }

    #[test]
    fn shuffle_ten() {
        let mut mt = seeded("3");
        let mut l: Vec<i32> = (0..10).collect();
        mt.shuffle_indices(&mut l);
        assert_eq!(l, [1, 5, 6, 0, 9, 4, 7, 2, 8, 3]);
        let mut mt = seeded("3");
        let mut l: Vec<i32> = (0..10).collect();
        mt.shuffle_indices(&mut l);
        mt.shuffle_indices(&mut l);
        assert_eq!(l, [6, 1, 7, 8, 3, 4, 5, 0, 9, 2]);
        let mut empty: [u8; 0] = [];
        mt.shuffle_indices(&mut empty);
    }

    #[test]
    fn uniform_values() {
        let mut mt = seeded("11");
        let got = [
            mt.uniform(1.5, 7.25),
            mt.uniform(10.0, -10.0),
            mt.uniform(0.0, 1e300),
        ];
        assert_f64s(
            &got,
            &[
                4.1011824326814565,
                -1.19544772160992,
                9.242105840237294e+299,
            ],
        );
    }

    #[test]
    fn gauss_uses_and_clears_its_cache() {
        let mut mt = seeded("99");
        let mut got: Vec<f64> = (0..5).map(|_| mt.gauss(0.0, 1.0)).collect();
        got.push(mt.gauss(10.0, 2.5));
        got.push(mt.gauss(10.0, 2.5));
        assert_f64s(
            &got,
            &[
                -0.5502226977406026,
                0.3791183269784834,
                0.3269272865950446,
                0.6813984972950928,
                0.04717076184907194,
                8.102286281064256,
                7.182997461117481,
            ],
        );

        // The cached second value must not survive a reseed.
        let mut mt = seeded("5");
        let a = mt.gauss(0.0, 1.0);
        mt.seed_from_int(&big("5"));
        let b = mt.gauss(0.0, 1.0);
        let c = mt.gauss(0.0, 1.0);
        assert_f64s(
            &[a, b, c],
            &[
                -1.1788417512306717,
                -1.1788417512306717,
                -1.1481606807908016,
            ],
        );

        // random() between gauss() calls does not disturb the cache.
        let mut mt = seeded("6");
        let got = [
            mt.gauss(0.0, 1.0),
            mt.random(),
            mt.gauss(0.0, 1.0),
            mt.gauss(0.0, 1.0),
        ];
        assert_f64s(
            &got,
            &[
                0.4996755931358105,
                0.4850346279309453,
                -1.7893438594145739,
                -0.0021930658120974896,
            ],
        );
    }

    #[test]
    fn normalvariate_values() {
        assert_eq!(
            NV_MAGICCONST.to_bits(),
            (4.0 * (-0.5f64).exp() / 2.0f64.sqrt()).to_bits()
        );
        let mut mt = seeded("8");
        let mut got: Vec<f64> = (0..5).map(|_| mt.normalvariate(0.0, 1.0)).collect();
        got.push(mt.normalvariate(3.0, 0.5));
        assert_f64s(
            &got,
            &[
                -2.171668262158554,
                -0.945608487547496,
                0.4499804633563687,
                -0.15920764480410965,
                -0.9194253111015566,
                2.191279544009326,
            ],
        );
    }

    #[test]
    fn expovariate_values() {
        let mut mt = seeded("9");
        let got: Vec<f64> = [1.5, 1.5, 1.5, -2.0, 1.0]
            .iter()
            .map(|&l| mt.expovariate(l).expect("non-zero lambd"))
            .collect();
        assert_f64s(
            &got,
            &[
                0.4145139241807281,
                0.3115375735868206,
                0.09941731518104947,
                -1.0070586021371593,
                0.006455848297578151,
            ],
        );
        // lambd == 0 still consumes its draw before failing, as in CPython.
        let mut mt = seeded("9");
        assert_eq!(mt.expovariate(0.0), Err(MSG_FLOAT_DIV_ZERO.to_string()));
        assert_eq!(mt.random().to_bits(), 0.37331193139504204f64.to_bits());
    }

    #[test]
    fn triangular_values() {
        let mut mt = seeded("10");
        let got = [
            mt.triangular(0.0, 1.0, None),
            mt.triangular(1.0, 5.0, Some(4.0)),
            mt.triangular(5.0, 1.0, Some(2.0)),
            mt.triangular(3.0, 3.0, Some(3.0)),
            mt.triangular(2.0, 8.0, None),
            mt.random(),
        ];
        assert_f64s(
            &got,
            &[
                0.5370759212840153,
                3.2686270420898573,
                2.3661633282199057,
                3.0,
                6.166910401652926,
                0.8235888725334455,
            ],
        );
    }

    #[test]
    fn sample_both_branches() {
        let mut mt = seeded("21");
        // n=100 > setsize 85: set branch.
        assert_eq!(
            mt.sample_indices(100, 10),
            Ok(vec![21, 53, 88, 81, 36, 61, 27, 60, 65, 23])
        );
        // k <= 5 keeps setsize at 21: pool branch.
        assert_eq!(mt.sample_indices(5, 5), Ok(vec![4, 1, 0, 2, 3]));
        assert_eq!(mt.sample_indices(20, 6), Ok(vec![18, 13, 2, 4, 7, 14]));
        assert_eq!(
            mt.sample_indices(1_000_000, 50),
            Ok(vec![
                243998, 727626, 44391, 458076, 774570, 808139, 917545, 426528, 645807, 463303,
                35725, 344907, 566387, 521721, 727623, 121435, 680333, 998206, 983470, 386344,
                24352, 162333, 777017, 857220, 92761, 130943, 847892, 973019, 20499, 475138,
                168924, 578816, 763843, 359579, 420838, 508248, 158437, 195988, 697416, 38943,
                492769, 907946, 859983, 246274, 78248, 818161, 206965, 218693, 706524, 841915,
            ])
        );
        let all = mt.sample_indices(1000, 1000).expect("k <= n");
        assert_eq!(
            all[..20],
            [
                915, 673, 772, 972, 781, 918, 594, 747, 72, 125, 573, 487, 572, 846, 397, 205, 349,
                945, 149, 908
            ]
        );
        assert_eq!(mt.sample_indices(3, 0), Ok(vec![]));
        // Either side of the setsize boundary (85 for k=10).
        assert_eq!(
            mt.sample_indices(86, 10),
            Ok(vec![20, 52, 83, 40, 71, 33, 45, 50, 68, 14])
        );
        assert_eq!(
            mt.sample_indices(85, 10),
            Ok(vec![47, 68, 65, 6, 10, 25, 30, 58, 43, 60])
        );
    }

    #[test]
    fn sample_errors() {
        let mut mt = seeded("1");
        assert_eq!(mt.sample_indices(5, 6), Err(MSG_SAMPLE_SIZE.to_string()));
        assert_eq!(mt.sample_indices(5, -1), Err(MSG_SAMPLE_SIZE.to_string()));
    }
}

//! Big products for integer combinatorics (factorial, comb, perm).
//!
//! Long products are multiplied as balanced trees, so the big multiplications
//! work on operands of similar size, where num-bigint's Toom-3 pays off; a
//! binomial coefficient is assembled from its prime factorisation, which
//! needs no division at all. Pure arithmetic on `num-bigint`: no VM here.

use num_bigint::{BigInt, BigUint};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// The product of `factors`, multiplied as a balanced tree.
fn tree_product(factors: &[u64]) -> BigUint {
    match factors.len() {
        0 => BigUint::one(),
        1..=8 => {
            let mut acc = BigUint::from(factors[0]);
            for f in &factors[1..] {
                acc *= *f;
            }
            acc
        }
        n => tree_product(&factors[..n / 2]) * tree_product(&factors[n / 2..]),
    }
}

/// Packs the factors `lo, lo+1, ..., hi-1` into machine words (several small
/// factors per word) for `tree_product`.
fn packed_range(lo: u64, hi: u64) -> Vec<u64> {
    let mut words = Vec::new();
    let mut acc: u64 = 1;
    for f in lo..hi {
        match acc.checked_mul(f) {
            Some(p) => acc = p,
            None => {
                words.push(acc);
                acc = f;
            }
        }
    }
    words.push(acc);
    words
}

/// lo * (lo+1) * ... * (hi-1); 1 for an empty range.
pub fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if lo == 0 {
        return BigInt::zero();
    }
    BigInt::from(tree_product(&packed_range(lo, hi)))
}

/// start * (start+1) * ... * (start+len-1) for any start.
fn big_range_product(start: &BigInt, len: u64) -> BigInt {
    match len {
        0 => BigInt::one(),
        1 => start.clone(),
        _ => {
            let half = len / 2;
            big_range_product(start, half) * big_range_product(&(start + half), len - half)
        }
    }
}

/// n! as a product tree.
pub fn factorial(n: u64) -> BigInt {
    range_product(1, n.saturating_add(1))
}

/// n * (n-1) * ... * (n-k+1), for 0 <= n (0 when k > n).
pub fn perm(n: &BigInt, k: u64) -> BigInt {
    match n.to_u64() {
        Some(small) if k > small => BigInt::zero(),
        Some(small) => range_product(small - k + 1, small + 1),
        None => big_range_product(&(n - k + 1u8), k),
    }
}

/// Below this n, comb sieves the primes up to n and builds the result from
/// their exponents; above it, it divides a falling product by k!.
const SIEVE_LIMIT: u64 = 1 << 26;

/// n! / (k! (n-k)!), for 0 <= n (0 when k > n).
pub fn comb(n: &BigInt, k: u64) -> BigInt {
    let k = match n.to_u64() {
        Some(small) if k > small => return BigInt::zero(),
        Some(small) => k.min(small - k),
        None => k,
    };
    match (k, n.to_u64()) {
        (0, _) => BigInt::one(),
        (1, _) => n.clone(),
        (_, Some(small)) if small <= SIEVE_LIMIT && k >= 32 => {
            BigInt::from(comb_by_primes(small, k))
        }
        _ => perm(n, k).div_floor(&factorial(k)),
    }
}

/// The primes up to n (inclusive), by a sieve of Eratosthenes over odd numbers.
fn primes_up_to(n: u64) -> Vec<u64> {
    let mut primes = Vec::new();
    if n < 2 {
        return primes;
    }
    primes.push(2);
    // composite[i] stands for the odd number 2i + 1.
    let len = (n as usize).div_ceil(2);
    let mut composite = vec![false; len];
    let mut i = 1;
    while i < len {
        if !composite[i] {
            let p = 2 * i + 1;
            primes.push(p as u64);
            let mut j = p * p / 2;
            while j < len {
                composite[j] = true;
                j += p;
            }
        }
        i += 1;
    }
    primes
}

/// The binomial coefficient from its factorisation: the exponent of a prime
/// p in C(n, k) is the number of carries when adding k and n-k in base p
/// (Kummer), i.e. sum over i of floor(n/p^i) - floor(k/p^i) - floor((n-k)/p^i).
fn comb_by_primes(n: u64, k: u64) -> BigUint {
    let rest = n - k;
    let mut words = Vec::new();
    let mut acc: u64 = 1;
    for p in primes_up_to(n) {
        let mut e = 0u32;
        let mut power = p;
        loop {
            e += (n / power - k / power - rest / power) as u32;
            match power.checked_mul(p) {
                Some(next) if next <= n => power = next,
                _ => break,
            }
        }
        for _ in 0..e {
            match acc.checked_mul(p) {
                Some(v) => acc = v,
                None => {
                    words.push(acc);
                    acc = p;
                }
            }
        }
    }
    words.push(acc);
    tree_product(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn comb_slow(n: u64, k: u64) -> BigInt {
        if k > n {
            return BigInt::zero();
        }
        let mut acc = BigInt::one();
        for i in 0..k {
            acc = acc * (n - i) / (i + 1);
        }
        acc
    }

    #[test]
    fn comb_by_primes_matches_the_definition() {
        for n in [32u64, 33, 64, 100, 257, 1000] {
            for k in [32u64, 33, 40, n / 2, n - 32, n, n + 1] {
                assert_eq!(comb(&BigInt::from(n), k), comb_slow(n, k), "comb({n}, {k})");
            }
        }
    }

    #[test]
    fn products() {
        assert_eq!(factorial(20), BigInt::from(2432902008176640000u64));
        assert_eq!(perm(&BigInt::from(10u8), 3), BigInt::from(720));
        let big = BigInt::from(u64::MAX) + 5u8;
        assert_eq!(perm(&big, 2), &big * (&big - 1u8));
        assert_eq!(comb(&big, 2), &big * (&big - 1u8) / 2u8);
    }
}

//! Run-time selection of the AVX2 and AVX-512 checksum kernels (Cargo feature `simd`).
//!
//! This module holds the crate's only `unsafe` code: the two calls into the kernels of
//! `x86.rs`, which are safe functions compiled with `#[target_feature]` and therefore sound to
//! call only on a CPU that has the feature. `cpufeatures` checks that once (CPUID, plus XGETBV
//! for the operating system's support of the wider registers) and caches the answer.
#![allow(unsafe_code)]

use super::x86::{sum_avx2, sum_avx512};

cpufeatures::new!(cpu_avx2, "avx2");
cpufeatures::new!(cpu_avx512, "avx512f");

/// The one's complement accumulator of `data`'s native-endian words, on the widest path this
/// CPU supports.
#[inline]
pub(super) fn sum_ne(data: &[u8]) -> u64 {
    if cpu_avx512::get() {
        // SAFETY: `sum_avx512` is a safe function whose only requirement is the `avx512f` target
        // feature, which `cpufeatures` confirmed on this CPU (CPUID and XGETBV).
        return unsafe { sum_avx512(data) };
    }
    if cpu_avx2::get() {
        // SAFETY: `sum_avx2` only requires the `avx2` target feature, confirmed by `cpufeatures`.
        return unsafe { sum_avx2(data) };
    }
    super::wide::sum_ne_blocks(data)
}

/// Which path [`sum_ne`] takes on this CPU: `"avx512"`, `"avx2"` or `"portable"`.
pub(crate) fn selected() -> &'static str {
    if cpu_avx512::get() {
        "avx512"
    } else if cpu_avx2::get() {
        "avx2"
    } else {
        "portable"
    }
}

/// Each wide path against the portable one, on every CPU feature this machine has.
#[cfg(test)]
mod tests {
    use super::super::fold;
    use super::super::wide::sum_ne_blocks;
    use super::*;

    fn data(len: usize, seed: u32) -> [u8; 5000] {
        let mut x = seed | 1;
        let mut d = [0u8; 5000];
        for b in d.iter_mut().take(len) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            *b = x as u8;
        }
        d
    }

    #[test]
    fn wide_paths_equal_portable() {
        let ones = [0xFFu8; 5000];
        // Miri interprets every instruction: fewer lengths there, the same edges.
        let step = if cfg!(miri) { 257 } else { 7 };
        for len in (0..5000)
            .step_by(step)
            .chain([256, 257, 511, 512, 4999, 5000])
        {
            for seed in [1, 0xFFFF_FFFF, 12345] {
                let d = data(len, seed);
                for d in [&d[..len], &ones[..len]] {
                    let want = fold(sum_ne_blocks(d));
                    if cpu_avx2::get() {
                        // SAFETY: avx2 detected.
                        assert_eq!(fold(unsafe { sum_avx2(d) }), want, "avx2 {len}");
                    }
                    if cpu_avx512::get() {
                        // SAFETY: avx512f detected.
                        assert_eq!(fold(unsafe { sum_avx512(d) }), want, "avx512 {len}");
                    }
                    assert_eq!(fold(sum_ne(d)), want);
                }
            }
        }
        assert!(["avx512", "avx2", "portable"].contains(&selected()));
    }
}

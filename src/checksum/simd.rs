//! Run-time selected AVX2 and AVX-512 checksum paths (Cargo feature `simd`, x86 and x86_64).
//!
//! The kernels are written with `core::arch` intrinsics: LLVM's auto-vectorizer, given the
//! portable code and the wider target features, was seen to produce gathers for the 64-byte
//! stage and spill its accumulators, and to leave the vector state in a form that slowed the
//! caller's own SSE code afterwards. Every intrinsic used here takes and returns values (the
//! blocks are turned into vectors by `zerocopy::transmute!`, a checked, safe reinterpretation),
//! so the kernels are safe functions. This module's `unsafe` is the two calls into them, which
//! are sound only on a CPU with the features they were compiled for; `cpufeatures` checks that
//! once (CPUID, plus XGETBV for the OS's support of the wider registers) and caches the answer.
//!
//! The arithmetic is the portable path's (see the parent module): per 64-bit lane, a wrapping
//! sum of the words and an exact sum of their upper halves.
#![allow(unsafe_code)]

#[cfg(target_arch = "x86")]
use core::arch::x86::*;
#[cfg(target_arch = "x86_64")]
use core::arch::x86_64::*;

use super::{RUN_BLOCKS, add_carry, lane_value};

/// Inputs shorter than this stay on the portable path: the dispatch and the wider set-up and
/// reduction cost more than they save.
pub(super) const MIN_LEN: usize = 256;

cpufeatures::new!(cpu_avx2, "avx2");
cpufeatures::new!(cpu_avx512, "avx512f");

/// Sum of the eight 64-bit lanes of a 512-bit vector, wrapping.
#[target_feature(enable = "avx512f")]
fn hsum512(v: __m512i) -> u64 {
    _mm512_reduce_add_epi64(v) as u64
}

/// Sum of the four 64-bit lanes of a 256-bit vector, wrapping.
#[target_feature(enable = "avx2")]
fn hsum256(v: __m256i) -> u64 {
    let x = _mm_add_epi64(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
    let hi = _mm_unpackhi_epi64(x, x);
    _mm_cvtsi128_si64(_mm_add_epi64(x, hi)) as u64
}

/// 64 zero bytes then 64 bytes of 0xFF: `bytes[64 - N + k..][..N]` keeps the last `k` bytes of
/// an `N`-byte window (N = 32 or 64).
#[derive(zerocopy::IntoBytes, zerocopy::Immutable)]
#[repr(C)]
struct Mask {
    zeros: [u8; 64],
    ones: [u8; 64],
}

static MASK: Mask = Mask {
    zeros: [0; 64],
    ones: [0xFF; 64],
};

/// The last bytes of `data` that whole `N`-byte blocks did not cover (`r = data.len() % N` of
/// them; `data.len() > N`): an `N`-byte window of `data` ending at them, the mask that keeps
/// only them (AND it in a vector register), and the odd last byte, if any, as a word of its own.
///
/// The window must start at an even offset of `data`, or its 16-bit words would straddle the
/// message's words: it ends at the last byte when `r` is even, one byte earlier when `r` is odd
/// (that byte is then returned apart, padded as RFC 1071 pads an odd last byte).
#[inline(always)]
fn tail_window<const N: usize>(data: &[u8], r: usize) -> ([u8; N], [u8; N], u64) {
    let odd = r % 2;
    let keep = r.wrapping_sub(odd);
    let end = data.len().wrapping_sub(odd);
    let window = data.get(..end).and_then(|d| d.last_chunk::<N>());
    let mask = zerocopy::IntoBytes::as_bytes(&MASK)
        .get(64usize.wrapping_sub(N).wrapping_add(keep)..)
        .and_then(|m| m.first_chunk::<N>());
    let (Some(window), Some(mask)) = (window, mask) else {
        // Unreachable for inputs longer than N; a zero window would be summed as nothing.
        return ([0; N], [0; N], 0);
    };
    let last = match (odd, data.last()) {
        (1, Some(&b)) => u64::from(u16::from_ne_bytes([b, 0])),
        _ => 0,
    };
    (*window, *mask, last)
}

/// AVX-512: 256-byte blocks in four pairs of 512-bit accumulators, then 64-byte blocks and a
/// masked window over the last bytes into the first pair, one reduction at the end.
#[target_feature(enable = "avx512f")]
fn sum_avx512(data: &[u8]) -> u64 {
    if data.len() < MIN_LEN {
        // The tail window needs 65 bytes; the dispatcher never sends fewer than MIN_LEN.
        return super::sum_ne_blocks(data);
    }
    let (blocks, rest) = data.as_chunks::<256>();
    let mut acc = 0u64;
    let z = _mm512_setzero_si512();
    let (mut a0, mut a1, mut a2, mut a3) = (z, z, z, z);
    let (mut h0, mut h1, mut h2, mut h3) = (z, z, z, z);
    for run in blocks.chunks(RUN_BLOCKS) {
        for block in run {
            let [w0, w1, w2, w3]: [__m512i; 4] = zerocopy::transmute!(*block);
            a0 = _mm512_add_epi64(a0, w0);
            a1 = _mm512_add_epi64(a1, w1);
            a2 = _mm512_add_epi64(a2, w2);
            a3 = _mm512_add_epi64(a3, w3);
            h0 = _mm512_add_epi64(h0, _mm512_srli_epi64::<32>(w0));
            h1 = _mm512_add_epi64(h1, _mm512_srli_epi64::<32>(w1));
            h2 = _mm512_add_epi64(h2, _mm512_srli_epi64::<32>(w2));
            h3 = _mm512_add_epi64(h3, _mm512_srli_epi64::<32>(w3));
        }
        if run.len() == RUN_BLOCKS {
            // Only for inputs over 64 GiB: fold before a lane could lose its exactness.
            let all = _mm512_add_epi64(_mm512_add_epi64(a0, a1), _mm512_add_epi64(a2, a3));
            let high = _mm512_add_epi64(_mm512_add_epi64(h0, h1), _mm512_add_epi64(h2, h3));
            acc = add_carry(acc, lane_value(hsum512(all), hsum512(high)));
            (a0, a1, a2, a3, h0, h1, h2, h3) = (z, z, z, z, z, z, z, z);
        }
    }
    let (blocks, rest) = rest.as_chunks::<64>();
    let (window, mask, last) = tail_window::<64>(data, rest.len());
    let window: __m512i = zerocopy::transmute!(window);
    let mask: __m512i = zerocopy::transmute!(mask);
    // `rest` is shorter than four blocks: at most three whole ones, then the window.
    let mut blocks = blocks.iter();
    let mut next = || {
        blocks
            .next()
            .map_or(z, |b| -> __m512i { zerocopy::transmute!(*b) })
    };
    let (w0, w1, w2) = (next(), next(), next());
    let w3 = _mm512_and_si512(window, mask);
    a0 = _mm512_add_epi64(a0, w0);
    a1 = _mm512_add_epi64(a1, w1);
    a2 = _mm512_add_epi64(a2, w2);
    a3 = _mm512_add_epi64(a3, w3);
    h0 = _mm512_add_epi64(h0, _mm512_srli_epi64::<32>(w0));
    h1 = _mm512_add_epi64(h1, _mm512_srli_epi64::<32>(w1));
    h2 = _mm512_add_epi64(h2, _mm512_srli_epi64::<32>(w2));
    h3 = _mm512_add_epi64(h3, _mm512_srli_epi64::<32>(w3));
    let all = _mm512_add_epi64(_mm512_add_epi64(a0, a1), _mm512_add_epi64(a2, a3));
    let high = _mm512_add_epi64(_mm512_add_epi64(h0, h1), _mm512_add_epi64(h2, h3));
    acc = add_carry(acc, lane_value(hsum512(all), hsum512(high)));
    add_carry(acc, last)
}

/// AVX2: 128-byte blocks in four pairs of 256-bit accumulators, then 32-byte blocks and a
/// masked window over the last bytes into the first pair, one reduction at the end.
#[target_feature(enable = "avx2")]
fn sum_avx2(data: &[u8]) -> u64 {
    if data.len() < MIN_LEN {
        return super::sum_ne_blocks(data);
    }
    let (blocks, rest) = data.as_chunks::<128>();
    let mut acc = 0u64;
    let z = _mm256_setzero_si256();
    let (mut a0, mut a1, mut a2, mut a3) = (z, z, z, z);
    let (mut h0, mut h1, mut h2, mut h3) = (z, z, z, z);
    for run in blocks.chunks(RUN_BLOCKS) {
        for block in run {
            let [w0, w1, w2, w3]: [__m256i; 4] = zerocopy::transmute!(*block);
            a0 = _mm256_add_epi64(a0, w0);
            a1 = _mm256_add_epi64(a1, w1);
            a2 = _mm256_add_epi64(a2, w2);
            a3 = _mm256_add_epi64(a3, w3);
            h0 = _mm256_add_epi64(h0, _mm256_srli_epi64::<32>(w0));
            h1 = _mm256_add_epi64(h1, _mm256_srli_epi64::<32>(w1));
            h2 = _mm256_add_epi64(h2, _mm256_srli_epi64::<32>(w2));
            h3 = _mm256_add_epi64(h3, _mm256_srli_epi64::<32>(w3));
        }
        if run.len() == RUN_BLOCKS {
            let all = _mm256_add_epi64(_mm256_add_epi64(a0, a1), _mm256_add_epi64(a2, a3));
            let high = _mm256_add_epi64(_mm256_add_epi64(h0, h1), _mm256_add_epi64(h2, h3));
            acc = add_carry(acc, lane_value(hsum256(all), hsum256(high)));
            (a0, a1, a2, a3, h0, h1, h2, h3) = (z, z, z, z, z, z, z, z);
        }
    }
    let (blocks, rest) = rest.as_chunks::<32>();
    let (window, mask, last) = tail_window::<32>(data, rest.len());
    let window: __m256i = zerocopy::transmute!(window);
    let mask: __m256i = zerocopy::transmute!(mask);
    // `rest` is shorter than four blocks: at most three whole ones, then the window.
    let mut blocks = blocks.iter();
    let mut next = || {
        blocks
            .next()
            .map_or(z, |b| -> __m256i { zerocopy::transmute!(*b) })
    };
    let (w0, w1, w2) = (next(), next(), next());
    let w3 = _mm256_and_si256(window, mask);
    a0 = _mm256_add_epi64(a0, w0);
    a1 = _mm256_add_epi64(a1, w1);
    a2 = _mm256_add_epi64(a2, w2);
    a3 = _mm256_add_epi64(a3, w3);
    h0 = _mm256_add_epi64(h0, _mm256_srli_epi64::<32>(w0));
    h1 = _mm256_add_epi64(h1, _mm256_srli_epi64::<32>(w1));
    h2 = _mm256_add_epi64(h2, _mm256_srli_epi64::<32>(w2));
    h3 = _mm256_add_epi64(h3, _mm256_srli_epi64::<32>(w3));
    let all = _mm256_add_epi64(_mm256_add_epi64(a0, a1), _mm256_add_epi64(a2, a3));
    let high = _mm256_add_epi64(_mm256_add_epi64(h0, h1), _mm256_add_epi64(h2, h3));
    acc = add_carry(acc, lane_value(hsum256(all), hsum256(high)));
    add_carry(acc, last)
}

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
    super::sum_ne_blocks(data)
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
    use super::super::{fold, sum_ne_blocks};
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
        for len in (0..5000).step_by(7).chain([256, 257, 511, 512, 4999, 5000]) {
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

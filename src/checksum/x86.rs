//! AVX2 and AVX-512 checksum kernels for x86 and x86_64, in safe code.
//!
//! The kernels are written with `core::arch` intrinsics rather than left to LLVM's
//! auto-vectorizer: given the portable code with AVX-512 enabled (`-C target-cpu=native` on a
//! Zen 4), LLVM was seen to emit gathers and spill its accumulators, three times slower than the
//! SSE2 build. Every intrinsic used here takes and returns values, and the blocks become vectors
//! through `zerocopy::transmute!` (a checked, safe reinterpretation of `[u8; 64]` as `__m512i`),
//! so the kernels contain no `unsafe`. Calling one is safe where its target feature is enabled
//! at compile time; the `simd` feature's run-time dispatcher (`simd.rs`) calls them after
//! detecting the feature.
//!
//! The arithmetic is the portable path's (see the parent module): per 64-bit lane, a wrapping sum
//! of the words and an exact sum of their upper halves. Four pairs of vector accumulators take a
//! block of four vectors per iteration; the last partial block is read as a window ending at the
//! last byte, masked so that only the bytes not yet summed count, so no scalar tail loop runs.

#[cfg(target_arch = "x86")]
use core::arch::x86::*;
#[cfg(target_arch = "x86_64")]
use core::arch::x86_64::*;

use super::add_carry;
use super::wide::{RUN_BLOCKS, lane_value, sum_short};

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

/// The last bytes of `data` that whole `N`-byte vectors did not cover (`r = data.len() % N` of
/// them; `data.len() > N`): an `N`-byte window of `data` ending at them, the mask that keeps
/// only them (ANDed in a vector register), and the odd last byte, if any, as a word of its own.
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
        // Unreachable for inputs longer than N; a zero window is summed as nothing.
        return ([0; N], [0; N], 0);
    };
    let last = match (odd, data.last()) {
        (1, Some(&b)) => u64::from(u16::from_ne_bytes([b, 0])),
        _ => 0,
    };
    (*window, *mask, last)
}

/// One kernel per vector width: the same code with the width's types and intrinsics.
macro_rules! kernel {
    (
        $(#[$doc:meta])*
        fn $name:ident, feature = $feature:literal, vector = $v:ty, bytes = $n:literal,
        zero = $zero:ident, add = $add:ident, shr32 = $shr:ident, and = $and:ident,
        hsum = $hsum:expr
    ) => {
        $(#[$doc])*
        #[target_feature(enable = $feature)]
        pub(super) fn $name(data: &[u8]) -> u64 {
            if data.len() <= $n {
                // The tail window needs more than one vector of input.
                return sum_short(data, data);
            }
            let (blocks, rest) = data.as_chunks::<{ 4 * $n }>();
            let mut acc = 0u64;
            let z = $zero();
            let (mut a0, mut a1, mut a2, mut a3) = (z, z, z, z);
            let (mut h0, mut h1, mut h2, mut h3) = (z, z, z, z);
            for run in blocks.chunks(RUN_BLOCKS) {
                for block in run {
                    let [w0, w1, w2, w3]: [$v; 4] = zerocopy::transmute!(*block);
                    a0 = $add(a0, w0);
                    a1 = $add(a1, w1);
                    a2 = $add(a2, w2);
                    a3 = $add(a3, w3);
                    h0 = $add(h0, $shr::<32>(w0));
                    h1 = $add(h1, $shr::<32>(w1));
                    h2 = $add(h2, $shr::<32>(w2));
                    h3 = $add(h3, $shr::<32>(w3));
                }
                if run.len() == RUN_BLOCKS {
                    // Only past 2^28 blocks: fold before a lane could lose its exactness.
                    let all = $add($add(a0, a1), $add(a2, a3));
                    let high = $add($add(h0, h1), $add(h2, h3));
                    acc = add_carry(acc, lane_value($hsum(all), $hsum(high)));
                    (a0, a1, a2, a3, h0, h1, h2, h3) = (z, z, z, z, z, z, z, z);
                }
            }
            // Fewer than four vectors remain: up to three whole ones, then the masked window.
            let (whole, rest) = rest.as_chunks::<$n>();
            let (window, mask, last) = tail_window::<$n>(data, rest.len());
            let window: $v = zerocopy::transmute!(window);
            let mask: $v = zerocopy::transmute!(mask);
            let mut whole = whole.iter();
            let mut next = || whole.next().map_or(z, |b| -> $v { zerocopy::transmute!(*b) });
            let (w0, w1, w2) = (next(), next(), next());
            let w3 = $and(window, mask);
            a0 = $add(a0, w0);
            a1 = $add(a1, w1);
            a2 = $add(a2, w2);
            a3 = $add(a3, w3);
            h0 = $add(h0, $shr::<32>(w0));
            h1 = $add(h1, $shr::<32>(w1));
            h2 = $add(h2, $shr::<32>(w2));
            h3 = $add(h3, $shr::<32>(w3));
            let all = $add($add(a0, a1), $add(a2, a3));
            let high = $add($add(h0, h1), $add(h2, h3));
            acc = add_carry(acc, lane_value($hsum(all), $hsum(high)));
            add_carry(acc, last)
        }
    };
}

kernel! {
    /// AVX-512: 256-byte blocks in four pairs of 512-bit accumulators.
    fn sum_avx512, feature = "avx512f", vector = __m512i, bytes = 64,
    zero = _mm512_setzero_si512, add = _mm512_add_epi64, shr32 = _mm512_srli_epi64,
    and = _mm512_and_si512, hsum = |v| _mm512_reduce_add_epi64(v) as u64
}

kernel! {
    /// AVX2: 128-byte blocks in four pairs of 256-bit accumulators.
    fn sum_avx2, feature = "avx2", vector = __m256i, bytes = 32,
    zero = _mm256_setzero_si256, add = _mm256_add_epi64, shr32 = _mm256_srli_epi64,
    and = _mm256_and_si256, hsum = hsum256
}

/// Sum of the four 64-bit lanes of a 256-bit vector, wrapping.
#[target_feature(enable = "avx2")]
fn hsum256(v: __m256i) -> u64 {
    let x = _mm_add_epi64(_mm256_castsi256_si128(v), _mm256_extracti128_si256::<1>(v));
    let hi = _mm_unpackhi_epi64(x, x);
    _mm_cvtsi128_si64(_mm_add_epi64(x, hi)) as u64
}

//! The summation engine of 64-bit targets: eight lanes of 64-bit words with the carry-free
//! two-sum scheme of the parent module's docs (SIMD registers on every such target), two
//! add-with-carry chains for short inputs, and the `simd` feature's kernels above [`SHORT`].

use super::add_carry;

/// Blocks summed between folds of the lanes: each lane adds one word per block, so fewer than
/// 2^32 blocks keep `high` and the low sum exact (2^28 blocks of 64 bytes are 16 GiB).
pub(crate) const RUN_BLOCKS: usize = 1 << 28;

/// Inputs shorter than this skip the lanes and take the short path.
const SHORT: usize = 128;

/// Turns a lane's two sums into its one's complement contribution (see the module docs).
#[inline(always)]
pub(crate) const fn lane_value(all: u64, high: u64) -> u64 {
    add_carry(all.wrapping_sub(high << 32), high)
}

/// Sums whole `B`-byte blocks in `L` lanes of 8 bytes (`B == 8 * L`), fewer than 2^32 blocks,
/// with the two-sum scheme of the module docs. Written as element-wise array updates so that
/// LLVM's SLP vectorizer maps the lanes onto SIMD registers of whatever width the target has.
#[cfg(not(target_feature = "avx2"))]
#[inline(always)]
fn sum_lanes<const L: usize, const B: usize>(blocks: &[[u8; B]]) -> u64 {
    let mut all = [0u64; L];
    let mut high = [0u64; L];
    for block in blocks {
        let (words, _) = block.as_chunks::<8>();
        for ((a, h), w) in all.iter_mut().zip(high.iter_mut()).zip(words) {
            let w = u64::from_ne_bytes(*w);
            *a = a.wrapping_add(w);
            // Exact: fewer than 2^32 additions of values below 2^32 (see RUN_BLOCKS).
            *h = h.wrapping_add(w >> 32);
        }
    }
    // Still exact: the lanes together added fewer than 2^32 * L <= 2^37 values below 2^32.
    lane_value(reduce(all), reduce(high))
}

/// Wrapping sum of the lanes: whole groups of four added element-wise first (one vector add
/// per group), then the four lanes as a tree. A plain `fold` over the array was compiled into
/// stores and narrower reloads of the registers (store-forwarding stalls) for wide lane counts.
#[cfg(not(target_feature = "avx2"))]
#[inline(always)]
fn reduce<const L: usize>(lanes: [u64; L]) -> u64 {
    let (groups, rest) = lanes.as_chunks::<4>();
    let mut acc = [0u64; 4];
    for g in groups {
        for (a, &x) in acc.iter_mut().zip(g) {
            *a = a.wrapping_add(x);
        }
    }
    let [a0, a1, a2, a3] = acc;
    let sum = a0.wrapping_add(a2).wrapping_add(a1.wrapping_add(a3));
    rest.iter().fold(sum, |x, &y| x.wrapping_add(y))
}

/// Sums short data (and the bytes after the last block): two add-with-carry chains over 8-byte
/// words, then the last 1..=7 bytes. `data` must be a suffix of `whole`.
///
/// For headers and small messages carry chains beat any set-up: two 8-byte words and one
/// overlapping load cover an IPv4 header. Each addition waits for the carry of the one before,
/// two cycles a word on x86; the even and the odd words in two chains run side by side, which
/// halves that on a 64-byte echo. (Carry-free sums of 32-bit halves, as the lanes do, were
/// vectorized by LLVM here, and the set-up cost more than it saved below 128 bytes.)
#[inline(always)]
pub(crate) fn sum_short(data: &[u8], whole: &[u8]) -> u64 {
    let (words, rest) = data.as_chunks::<8>();
    let (pairs, odd) = words.as_chunks::<2>();
    let (mut even_acc, mut odd_acc) = (0u64, 0u64);
    for [a, b] in pairs {
        even_acc = add_carry(even_acc, u64::from_ne_bytes(*a));
        odd_acc = add_carry(odd_acc, u64::from_ne_bytes(*b));
    }
    if let Some(w) = odd.first() {
        even_acc = add_carry(even_acc, u64::from_ne_bytes(*w));
    }
    let mut acc = add_carry(even_acc, odd_acc);
    let r = rest.len();
    if r == 0 {
        return acc;
    }
    // The last r bytes sit at an even offset of the stream and are followed by zero padding
    // (RFC 1071: an odd last byte is "padded on the right with zeros").
    if let Some(last8) = whole.last_chunk::<8>() {
        // Overlapping load of the message's last 8 bytes; shift out the 8 - r bytes already
        // summed. Little-endian order puts the earliest byte lowest, so a right shift by whole
        // bytes keeps every remaining byte at its parity.
        let drop = (8usize.wrapping_sub(r) as u32).wrapping_mul(8);
        let x = u64::from_le_bytes(*last8).wrapping_shr(drop);
        return add_carry(acc, u64::from_ne_bytes(x.to_le_bytes()));
    }
    // Fewer than 8 bytes in all: a 4-byte word, a 2-byte word, the odd byte.
    let (quad, rest) = rest.as_chunks::<4>();
    for q in quad {
        acc = add_carry(acc, u64::from(u32::from_ne_bytes(*q)));
    }
    let (pair, rest) = rest.as_chunks::<2>();
    for p in pair {
        acc = add_carry(acc, u64::from(u16::from_ne_bytes(*p)));
    }
    if let Some(&b) = rest.first() {
        acc = add_carry(acc, u64::from(u16::from_ne_bytes([b, 0])));
    }
    acc
}

/// The portable sum of [`SHORT`] bytes and more, for targets without AVX2 enabled at compile
/// time (the default x86_64 target, ARM, ...): 8 lanes, 64-byte blocks (an SSE2 register holds
/// two lanes), which LLVM's SLP vectorizer maps onto the registers.
///
/// Never inlined, on purpose: how well the SLP vectorizer packs the lanes into registers depends
/// on the code around the loop. Inlined into a caller's loop it was seen to keep half the lanes
/// in general-purpose registers and run 2.5 times slower; as its own function it compiles the
/// same way for every caller, and the call costs a few cycles on 128 bytes or more.
#[cfg(not(target_feature = "avx2"))]
#[inline(never)]
pub(crate) fn sum_ne_blocks(data: &[u8]) -> u64 {
    let (blocks, rest) = data.as_chunks::<64>();
    let acc = blocks
        .chunks(RUN_BLOCKS)
        .fold(0, |acc, run| add_carry(acc, sum_lanes::<8, 64>(run)));
    add_carry(acc, sum_short(rest, data))
}

/// The portable sum of [`SHORT`] bytes and more when AVX2 or AVX-512 is enabled at compile time
/// (`-C target-cpu=native` on a recent x86): one plain reduction over 8-byte words, which LLVM's
/// loop vectorizer spreads over the full vector width. (Given the 8-lane blocks instead, LLVM
/// with AVX-512 vectorized across blocks with gathers, four times slower.) Runs of
/// `RUN_BLOCKS * 8` words keep `high` exact.
#[cfg(target_feature = "avx2")]
#[inline(never)]
pub(crate) fn sum_ne_blocks(data: &[u8]) -> u64 {
    let (words, rest) = data.as_chunks::<8>();
    let acc = words
        .chunks(RUN_BLOCKS.wrapping_mul(8))
        .fold(0, |acc, run| {
            let mut all = 0u64;
            let mut high = 0u64;
            for w in run {
                let w = u64::from_ne_bytes(*w);
                all = all.wrapping_add(w);
                high = high.wrapping_add(w >> 32);
            }
            add_carry(acc, lane_value(all, high))
        });
    add_carry(acc, sum_short(rest, data))
}

/// Sum of native-endian words: short inputs inline, longer ones through [`sum_long`].
#[inline(always)]
pub(super) fn sum_ne(data: &[u8]) -> u64 {
    if data.len() < SHORT {
        // Headers and small messages: no lane set-up or reduction, no call.
        return sum_short(data, data);
    }
    sum_long(data)
}

/// Inputs of [`SHORT`] bytes and more with the `simd` feature on x86: the widest kernel this
/// CPU has, chosen at run time.
#[cfg(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64")))]
#[inline(always)]
fn sum_long(data: &[u8]) -> u64 {
    super::simd::sum_ne(data)
}

/// Inputs of [`SHORT`] bytes and more: the portable code.
#[cfg(not(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64"))))]
#[inline(always)]
fn sum_long(data: &[u8]) -> u64 {
    sum_ne_blocks(data)
}

/// Copies `src` into `dst` (equal lengths; a shorter side limits the copy) and returns the one's
/// complement accumulator of `src`, for encoders: short payloads are summed from the registers
/// they are copied through, in one pass and without a call to `memcpy`; long ones are copied
/// and then summed on the fast path.
#[inline]
pub(super) fn copy_and_sum(dst: &mut [u8], src: &[u8]) -> u64 {
    let n = dst.len().min(src.len());
    let (Some(dst), Some(src)) = (dst.get_mut(..n), src.get(..n)) else {
        return 0;
    };
    if n >= SHORT {
        dst.copy_from_slice(src);
        return sum_ne(src);
    }
    let (dw, dr) = dst.as_chunks_mut::<8>();
    let (sw, sr) = src.as_chunks::<8>();
    let mut acc = 0u64;
    for (d, s) in dw.iter_mut().zip(sw) {
        *d = *s;
        acc = add_carry(acc, u64::from_ne_bytes(*s));
    }
    for (d, s) in dr.iter_mut().zip(sr) {
        *d = *s;
    }
    add_carry(acc, sum_short(sr, src))
}

// Built with AVX2 enabled (the simd Miri step), the lanes are another loop: nothing to test.
#[cfg(all(test, not(target_feature = "avx2")))]
mod tests {
    use super::super::tests::reference;
    use super::super::{fold, ne_to_host};
    use super::*;

    #[test]
    fn lane_runs_fold_exactly() {
        // Lanes are folded every RUN_BLOCKS blocks; summing all-ones blocks (each upper half is
        // 0xFFFF_FFFF, the worst case for `high`) in runs of any size gives the same value.
        let data = [0xFFu8; 7 * 64];
        let blocks = data.as_chunks::<64>().0;
        for run in 1..=blocks.len() {
            let mut acc = 0;
            for r in blocks.chunks(run) {
                acc = add_carry(acc, sum_lanes::<8, 64>(r));
            }
            assert_eq!(!ne_to_host(fold(acc)), reference(&data));
        }
    }
}

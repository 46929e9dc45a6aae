//! The summation engine of 32-bit and smaller targets (microcontrollers): one compact loop of
//! 32-bit words into a 64-bit accumulator, which cannot overflow on a target whose slices hold
//! fewer than 2^32 bytes. No lanes, no unrolling: at `opt-level = "z"` the whole checksum is a
//! few dozen instructions.

/// Sum of the native-endian 16-bit words of `data` (odd byte padded), congruent modulo 0xFFFF
/// to the one's complement sum, and zero only for all-zero data.
#[inline]
pub(super) fn sum_ne(data: &[u8]) -> u64 {
    let (words, rest) = data.as_chunks::<4>();
    let mut acc = 0u64;
    for w in words {
        // Fewer than 2^30 words of at most 2^32 - 1: the sum stays below 2^62.
        acc = acc.wrapping_add(u64::from(u32::from_ne_bytes(*w)));
    }
    let (pairs, rest) = rest.as_chunks::<2>();
    for p in pairs {
        acc = acc.wrapping_add(u64::from(u16::from_ne_bytes(*p)));
    }
    if let Some(&b) = rest.first() {
        acc = acc.wrapping_add(u64::from(u16::from_ne_bytes([b, 0])));
    }
    acc
}

/// Copies `src` into `dst` (the shorter limits) and returns the accumulator of what was copied.
#[inline]
pub(super) fn copy_and_sum(dst: &mut [u8], src: &[u8]) -> u64 {
    let n = dst.len().min(src.len());
    let (Some(dst), Some(src)) = (dst.get_mut(..n), src.get(..n)) else {
        return 0;
    };
    dst.copy_from_slice(src);
    sum_ne(src)
}

#[cfg(test)]
mod tests {
    use super::super::tests::reference;
    use super::super::{fold, ne_to_host};
    use super::*;

    #[test]
    fn compact_engine_equals_reference() {
        let mut x = 0x1234_5678u32;
        let data: [u8; 700] = core::array::from_fn(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        });
        let ones = [0xFFu8; 700];
        // Under Miri (slow) a sample of the lengths.
        for len in (0..700).step_by(if cfg!(miri) { 23 } else { 1 }) {
            for d in [&data[..len], &ones[..len], &[0u8; 700][..len]] {
                assert_eq!(!ne_to_host(fold(sum_ne(d))), reference(d), "len {len}");
                let mut out = [0u8; 700];
                assert_eq!(copy_and_sum(&mut out[..len], d), sum_ne(d));
                assert_eq!(&out[..len], d);
            }
        }
    }
}

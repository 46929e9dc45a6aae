//! The checksum's fast paths (portable, and AVX2 / AVX-512 when this CPU has them) against a
//! naive RFC 1071 reference; random streaming splits; RFC 1624 update against recomputation.
#![no_main]

use icmpwire::checksum::{Checksum, internet_checksum, update_u16, update_u32, verify};
use libfuzzer_sys::fuzz_target;

/// RFC 1071 by the letter: big-endian words, odd byte padded on the right, end-around carry.
fn reference_sum(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for pair in data.chunks(2) {
        sum += u32::from(pair[0]) << 8 | u32::from(*pair.get(1).unwrap_or(&0));
        if sum > 0xFFFF {
            sum -= 0xFFFF;
        }
    }
    sum as u16
}

fuzz_target!(|input: &[u8]| {
    // The first 8 bytes choose the splits and the rewritten field; the rest is the data.
    let Some((ctl, data)) = input.split_first_chunk::<8>() else {
        return;
    };
    let want = !reference_sum(data);
    assert_eq!(internet_checksum(data), want);
    assert_eq!(verify(data), reference_sum(data) == 0xFFFF);

    // Streaming: cut the data at positions derived from the control bytes.
    let mut c = Checksum::new();
    let mut rest = data;
    for &k in ctl.iter().take(6) {
        let (head, tail) = rest.split_at(usize::from(k).min(rest.len()));
        c.add_bytes(head);
        rest = tail;
    }
    c.add_bytes(rest);
    assert_eq!(c.checksum(), want);

    // Incremental update of a 16-bit and a 32-bit field at even offsets 0 or 4k: the result
    // equals recomputation unless the message becomes all zero (RFC 1624's stated exception).
    if data.len() >= 8 {
        let mut msg = data.to_vec();
        msg[2..4].fill(0);
        let before = !reference_sum(&msg);
        let at = (usize::from(ctl[6]) % (msg.len() / 4)) * 4;
        let at = if at == 0 { 4 } else { at };
        if at + 4 <= msg.len() {
            let old = u32::from_be_bytes(msg[at..at + 4].try_into().unwrap());
            let new = u32::from_be_bytes([ctl[7], ctl[6], ctl[5], ctl[4]]);
            msg[at..at + 4].copy_from_slice(&new.to_be_bytes());
            let stored = !reference_sum(&msg);
            let inc = update_u32(before, old, new);
            let all_zero = msg.iter().all(|&b| b == 0);
            assert!(inc == stored || (all_zero && inc == 0 && stored == 0xFFFF));
            // Then a 16-bit field, starting from the recomputed checksum.
            let old16 = u16::from_be_bytes([msg[0], msg[1]]);
            let new16 = u16::from_be_bytes([ctl[0], ctl[1]]);
            msg[0..2].copy_from_slice(&new16.to_be_bytes());
            let fresh = !reference_sum(&msg);
            let inc = update_u16(stored, old16, new16);
            let all_zero = msg.iter().all(|&b| b == 0);
            assert!(inc == fresh || (all_zero && inc == 0 && fresh == 0xFFFF));
        }
    }
});

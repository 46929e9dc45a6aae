//! RFC 1071 checksum against independent sources: RFC 1071's worked example, a naive reference
//! written here from RFC 1071's definition, and real messages the Linux kernel checksummed
//! (`tests/data/kernel.pcap` / `kernel.jsonl`, see `tests/data/README.md`).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use icmpwire::checksum::{
    Checksum, internet_checksum, ones_complement_sum, update_u16, update_u32, verify,
};
use proptest::prelude::*;

/// RFC 1071 section 1 by the letter: adjacent octets paired into 16-bit big-endian integers, an
/// odd last octet padded on the right with zero, one's complement sum (end-around carry after
/// every addition), complemented.
fn reference_sum(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for pair in data.chunks(2) {
        let hi = u32::from(pair[0]);
        let lo = pair.get(1).map_or(0, |&b| u32::from(b));
        sum += (hi << 8) | lo;
        if sum > 0xFFFF {
            sum -= 0xFFFF;
        }
    }
    sum as u16
}

fn reference(data: &[u8]) -> u16 {
    !reference_sum(data)
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

#[test]
fn rfc1071_section3_example() {
    // RFC 1071 section 3, "Numerical Examples": bytes 00 01 f2 03 f4 f5 f6 f7 sum to ddf2,
    // whatever the order in which pairs are added; the checksum is its complement 220d.
    let data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
    assert_eq!(ones_complement_sum(&data), 0xddf2);
    assert_eq!(internet_checksum(&data), 0x220d);
    let mut c = Checksum::new();
    for b in data {
        c.add_bytes(&[b]);
    }
    assert_eq!(c.sum(), 0xddf2);
}

#[test]
fn empty_and_zero_inputs() {
    // The sum of nothing is +0; its checksum 0xFFFF (pnet returns 0 here).
    assert_eq!(internet_checksum(&[]), 0xFFFF);
    assert_eq!(internet_checksum(&[0; 1]), 0xFFFF);
    assert_eq!(internet_checksum(&[0; 1000]), 0xFFFF);
    assert!(!verify(&[]));
    assert!(!verify(&[0; 8]));
    assert_eq!(Checksum::new().checksum(), 0xFFFF);
}

#[test]
fn odd_byte_is_padded_on_the_right() {
    assert_eq!(ones_complement_sum(&[0xAB]), 0xAB00);
    assert_eq!(
        ones_complement_sum(&[0x12, 0x34, 0xAB]),
        0x12 * 256 + 0x34 + 0xAB00
    );
}

/// Frame 1 of the kernel capture: Ethernet (14 bytes), then the IPv4 header Linux built for
/// `ping 203.0.113.2` (checksum 0x8c42 by the kernel), then the 64-byte echo request.
#[test]
fn real_ipv4_header_from_kernel_capture() {
    let pcap = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/kernel.pcap"
    ))
    .unwrap();
    // Classic pcap: 24-byte file header, 16-byte record header, then the frame.
    assert_eq!(&pcap[..4], &[0xd4, 0xc3, 0xb2, 0xa1]);
    let frame = &pcap[24 + 16..];
    assert_eq!(&frame[12..14], &[0x08, 0x00], "EtherType IPv4");
    let ip = &frame[14..34];
    assert_eq!(ip[0], 0x45);
    assert_eq!(&ip[10..12], &[0x8c, 0x42]);
    assert!(verify(ip));
    assert_eq!(internet_checksum(ip), 0);
    let mut zeroed = ip.to_vec();
    zeroed[10..12].fill(0);
    assert_eq!(internet_checksum(&zeroed), 0x8c42);
    // The ICMP message after it: total length 84 - 20.
    let icmp = &frame[34..34 + 64];
    assert_eq!(&icmp[2..4], &[0xdb, 0x2b]);
    assert!(verify(icmp));
}

/// Every message of the kernel capture: our verdict equals the oracle's `checksum_valid`
/// (computed by scapy and confirmed by tshark), and re-checksumming a valid message with its
/// field zeroed gives back the kernel's value.
#[test]
fn every_kernel_message() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/kernel.jsonl"
    ))
    .unwrap();
    let (mut n, mut valid_seen, mut invalid_seen) = (0, 0usize, 0usize);
    for line in text.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).unwrap();
        let bytes = unhex(rec["hex"].as_str().unwrap());
        let valid = rec["checksum_valid"].as_bool().unwrap();
        let field = rec["checksum"].as_u64().unwrap() as u16;
        let id = rec["id"].as_str().unwrap();
        assert_eq!(verify(&bytes), valid, "{id}");
        // The incremental sum agrees, fed the message in two parts at an even split.
        let mut c = Checksum::new();
        let half = bytes.len() / 4 * 2;
        c.add_bytes(&bytes[..half]);
        c.add_bytes(&bytes[half..]);
        assert_eq!(c.is_valid(), valid, "{id}: Checksum::is_valid");
        assert_eq!(
            reference_sum(&bytes) == 0xFFFF,
            valid,
            "{id}: reference disagrees"
        );
        valid_seen += usize::from(valid);
        invalid_seen += usize::from(!valid);
        if valid && bytes.len() >= 4 {
            let mut zeroed = bytes.clone();
            zeroed[2..4].fill(0);
            assert_eq!(internet_checksum(&zeroed), field, "{id}");
        }
        n += 1;
    }
    assert_eq!(n, 166);
    assert!(
        valid_seen > 100 && invalid_seen > 0,
        "{valid_seen} {invalid_seen}"
    );
}

#[test]
fn several_mib_of_ones() {
    // The carry-heavy worst case: every word 0xFFFF. The sum of n such words is -0 (0xFFFF)
    // for n >= 1, so the checksum is 0 for every non-empty even length, and for odd lengths the
    // padded last word 0xFF00 is added to -0.
    let data = vec![0xFFu8; 5 * 1024 * 1024 + 3];
    for len in [2, 1 << 20, 5 << 20, (5 << 20) + 2] {
        assert_eq!(internet_checksum(&data[..len]), 0, "len {len}");
        assert_eq!(internet_checksum(&data[..len]), reference(&data[..len]));
    }
    for len in [(5 << 20) + 1, (5 << 20) + 3] {
        assert_eq!(
            internet_checksum(&data[..len]),
            reference(&data[..len]),
            "len {len}"
        );
        assert_eq!(internet_checksum(&data[..len]), !0xFF00);
    }
    let mut c = Checksum::new();
    for chunk in data.chunks(999_983) {
        c.add_bytes(chunk);
    }
    assert_eq!(c.checksum(), reference(&data));
}

/// `implementation()` names the path this build takes on this CPU, as the standard library's
/// own feature detection sees the CPU: AVX-512F, then AVX2, with the `simd` feature on x86;
/// the portable code otherwise.
#[test]
fn implementation_names_the_path_of_this_cpu() {
    #[cfg(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64")))]
    let want = if std::is_x86_feature_detected!("avx512f") {
        "avx512"
    } else if std::is_x86_feature_detected!("avx2") {
        "avx2"
    } else {
        "portable"
    };
    #[cfg(not(all(feature = "simd", any(target_arch = "x86", target_arch = "x86_64"))))]
    let want = "portable";
    assert_eq!(icmpwire::checksum::implementation(), want);
}

#[test]
fn rfc1624_zero_cases() {
    // RFC 1624 section 4's example: HC = 0xDD2F, m = 0x5555 -> m' = 0x3285 gives HC' = 0x0000
    // (equation 2 of RFC 1141 would give 0xFFFF).
    assert_eq!(update_u16(0xDD2F, 0x5555, 0x3285), 0x0000);
    // Erratum 4782's example (unchanged field, stored checksum 0x0000) stays 0x0000.
    assert_eq!(update_u16(0x0000, 0x5555, 0x5555), 0x0000);
    // A stored -0 (0xFFFF) is read as +0's complement: all other data zero. Changing a zero
    // field to 0x0001 must give the from-scratch checksum of the one non-zero word.
    assert_eq!(update_u16(0xFFFF, 0x0000, 0x0001), reference(&[0x00, 0x01]));
    // The documented exception: a message that becomes all zero. From scratch its checksum is
    // 0xFFFF; equation 3 gives 0x0000 (the value Linux writes in its all-zero echo reply).
    let request = [8u8, 0, 0, 0, 0, 0, 0, 0];
    let c = internet_checksum(&request);
    assert_eq!(update_u16(c, 0x0800, 0x0000), 0x0000);
    assert_eq!(reference(&[0u8; 8]), 0xFFFF);
}

fn not_all_zero(data: &[u8], skip: usize) -> bool {
    data.iter()
        .enumerate()
        .any(|(i, &b)| b != 0 && i / 2 != skip / 2)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn one_shot_equals_reference(data in proptest::collection::vec(any::<u8>(), 0..70_000)) {
        prop_assert_eq!(internet_checksum(&data), reference(&data));
        prop_assert_eq!(ones_complement_sum(&data), reference_sum(&data));
    }

    #[test]
    fn short_inputs_equal_reference(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(internet_checksum(&data), reference(&data));
    }

    #[test]
    fn carry_heavy_inputs(data in proptest::collection::vec(prop_oneof![Just(0xFFu8), Just(0xFE), Just(0), any::<u8>()], 0..5_000)) {
        prop_assert_eq!(internet_checksum(&data), reference(&data));
    }

    #[test]
    fn odd_start_offsets(data in proptest::collection::vec(any::<u8>(), 1..70_000), start in 0usize..16) {
        let start = start.min(data.len());
        let s = &data[start..];
        prop_assert_eq!(internet_checksum(s), reference(s));
    }

    #[test]
    fn streaming_random_splits(
        data in proptest::collection::vec(any::<u8>(), 0..70_000),
        cuts in proptest::collection::vec(any::<usize>(), 0..20),
    ) {
        let mut cuts: Vec<usize> = cuts.into_iter().map(|c| c % (data.len() + 1)).collect();
        cuts.sort_unstable();
        let mut c = Checksum::new();
        let mut at = 0;
        for cut in cuts {
            c.add_bytes(&data[at..cut]);
            at = cut;
        }
        c.add_bytes(&data[at..]);
        prop_assert_eq!(c.checksum(), reference(&data));
        prop_assert_eq!(c.is_valid(), reference_sum(&data) == 0xFFFF);
    }

    #[test]
    fn streaming_words_at_any_parity(
        head in proptest::collection::vec(any::<u8>(), 0..9),
        w16 in any::<u16>(),
        w32 in any::<u32>(),
        tail in proptest::collection::vec(any::<u8>(), 0..9),
    ) {
        let mut c = Checksum::new();
        c.add_bytes(&head);
        c.add_u16(w16);
        c.add_u32(w32);
        c.add_bytes(&tail);
        let mut all = head.clone();
        all.extend_from_slice(&w16.to_be_bytes());
        all.extend_from_slice(&w32.to_be_bytes());
        all.extend_from_slice(&tail);
        prop_assert_eq!(c.checksum(), reference(&all));
    }

    #[test]
    fn incremental_u16_equals_recompute(
        mut data in proptest::collection::vec(any::<u8>(), 4..2_000),
        field in any::<usize>(),
        new in any::<u16>(),
    ) {
        // Word 1 (bytes 2..4) is the checksum field; rewrite another aligned 16-bit field.
        let words = data.len() / 2;
        let mut idx = field % words;
        if idx == 1 { idx = 0; }
        data[2..4].fill(0);
        let c = reference(&data);
        data[2..4].copy_from_slice(&c.to_be_bytes());
        let old = u16::from_be_bytes([data[2 * idx], data[2 * idx + 1]]);
        data[2 * idx..2 * idx + 2].copy_from_slice(&new.to_be_bytes());
        data[2..4].fill(0);
        let fresh = reference(&data);
        let inc = update_u16(c, old, new);
        if not_all_zero(&data, 2) {
            prop_assert_eq!(inc, fresh);
        } else {
            prop_assert_eq!((inc, fresh), (0x0000, 0xFFFF));
        }
    }

    #[test]
    fn incremental_u32_equals_recompute(
        mut data in proptest::collection::vec(any::<u8>(), 8..2_000),
        field in any::<usize>(),
        new in any::<u32>(),
    ) {
        // Checksum field at bytes 2..4; rewrite an aligned 32-bit field at 4 * k, k >= 1.
        let quads = data.len() / 4;
        let idx = 1 + field % (quads - 1);
        data[2..4].fill(0);
        let c = reference(&data);
        let r = 4 * idx..4 * idx + 4;
        let old = u32::from_be_bytes(data[r.clone()].try_into().unwrap());
        data[r].copy_from_slice(&new.to_be_bytes());
        let fresh = reference(&data);
        let inc = update_u32(c, old, new);
        if not_all_zero(&data, 2) {
            prop_assert_eq!(inc, fresh);
        } else {
            prop_assert_eq!((inc, fresh), (0x0000, 0xFFFF));
        }
    }
}

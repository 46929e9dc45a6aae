//! Helpers shared by the integration tests: the vendored oracle corpora and an RFC 1071
//! reference written from the RFC's text, independent of the crate.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::io::Read;

#[path = "../../examples/icmpdump/pcap.rs"]
pub(crate) mod pcap;

use serde_json::Value;

/// Hex string to bytes.
pub(crate) fn unhex(s: &str) -> Vec<u8> {
    assert!(s.len().is_multiple_of(2), "odd hex length");
    (0..s.len() / 2)
        .map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// An IPv6 address from its text.
pub(crate) fn addr6(s: &str) -> std::net::Ipv6Addr {
    s.parse().unwrap()
}

/// RFC 1071 by the letter: big-endian 16-bit words, an odd last byte padded on the right with
/// zero, end-around carry after every addition. Returns the one's complement sum.
pub(crate) fn reference_sum(data: &[u8]) -> u16 {
    let mut sum: u32 = 0;
    for pair in data.chunks(2) {
        sum += (u32::from(pair[0]) << 8) | pair.get(1).map_or(0, |&b| u32::from(b));
        if sum > 0xFFFF {
            sum -= 0xFFFF;
        }
    }
    sum as u16
}

/// The reference sum over the RFC 8200 section 8.1 pseudo-header of an ICMPv6 message from
/// `src` to `dst` (the addresses, the length as 32 bits, three zero bytes, next header 58) and
/// the message: 0xFFFF when its checksum is right.
pub(crate) fn reference_sum6(src: std::net::Ipv6Addr, dst: std::net::Ipv6Addr, msg: &[u8]) -> u16 {
    let mut data = Vec::new();
    data.extend_from_slice(&src.octets());
    data.extend_from_slice(&dst.octets());
    data.extend_from_slice(&(msg.len() as u32).to_be_bytes());
    data.extend_from_slice(&[0, 0, 0, 58]);
    data.extend_from_slice(msg);
    reference_sum(&data)
}

/// The checksum an ICMPv6 message needs from `src` to `dst`: [`reference_sum6`] with bytes 2-3
/// taken as zero, complemented.
pub(crate) fn reference_checksum6(
    src: std::net::Ipv6Addr,
    dst: std::net::Ipv6Addr,
    msg: &[u8],
) -> u16 {
    let mut m = msg.to_vec();
    if m.len() >= 4 {
        m[2] = 0;
        m[3] = 0;
    }
    !reference_sum6(src, dst, &m)
}

/// The checksum a message needs: the reference sum with bytes 2-3 taken as zero, complemented.
pub(crate) fn reference_checksum_of_message(msg: &[u8]) -> u16 {
    let mut m = msg.to_vec();
    if m.len() >= 4 {
        m[2] = 0;
        m[3] = 0;
    }
    !reference_sum(&m)
}

fn data_path(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn parse_lines(text: &str) -> Vec<Value> {
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The scapy corpus (2174 records; see tests/data/README.md).
pub(crate) fn scapy_records() -> Vec<Value> {
    let gz = std::fs::read(data_path("scapy_corpus.min.jsonl.gz")).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap();
    parse_lines(&text)
}

/// The Linux kernel capture (166 records).
pub(crate) fn kernel_records() -> Vec<Value> {
    parse_lines(&std::fs::read_to_string(data_path("kernel.jsonl")).unwrap())
}

/// Both corpora.
pub(crate) fn all_records() -> Vec<Value> {
    let mut v = scapy_records();
    v.extend(kernel_records());
    v
}

/// A record's bytes.
pub(crate) fn bytes_of(rec: &Value) -> Vec<u8> {
    unhex(rec["hex"].as_str().unwrap())
}

pub(crate) fn id(rec: &Value) -> &str {
    rec["id"].as_str().unwrap()
}

pub(crate) fn u64_of(v: &Value) -> u64 {
    v.as_u64()
        .unwrap_or_else(|| panic!("not an unsigned integer: {v}"))
}

/// Every record of both ICMPv6 oracle files (tests/data/oracle6.min.jsonl.gz, see the README
/// there).
pub(crate) fn records6() -> Vec<Value> {
    let gz = std::fs::read(data_path("oracle6.min.jsonl.gz")).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gz[..])
        .read_to_string(&mut text)
        .unwrap();
    parse_lines(&text)
}

/// The fixed part of each ICMPv4 type with a typed view, in bytes: 20 for timestamps (RFC 792)
/// and traceroute (RFC 1393), 12 for address masks (RFC 950) and the domain name reply (RFC
/// 1788), 8 for the others; `None` for a type without a view.
pub(crate) fn fixed_len_v4(ty: u8) -> Option<usize> {
    match ty {
        13 | 14 | 30 => Some(20),
        17 | 18 | 38 => Some(12),
        0 | 3 | 4 | 5 | 8..=12 | 15 | 16 | 37 | 40 | 42 | 43 => Some(8),
        _ => None,
    }
}

/// For the generator tests: the header bytes (byte 1, and bytes 4 up to the fixed part's end;
/// not the type or the checksum) that held one value in every message of their type, for the
/// types seen at least `min` times. `(type, offset)`, sorted.
pub(crate) fn constant_header_bytes<'a>(
    msgs: impl IntoIterator<Item = &'a [u8]>,
    fixed_len: impl Fn(u8) -> Option<usize>,
    min: usize,
) -> Vec<(u8, usize)> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut seen: BTreeMap<(u8, usize), BTreeSet<u8>> = BTreeMap::new();
    let mut count: BTreeMap<u8, usize> = BTreeMap::new();
    for m in msgs {
        let Some(end) = fixed_len(m[0]) else { continue };
        *count.entry(m[0]).or_default() += 1;
        for at in std::iter::once(1).chain(4..end) {
            seen.entry((m[0], at)).or_default().insert(m[at]);
        }
    }
    seen.into_iter()
        .filter(|((ty, _), values)| count[ty] >= min && values.len() == 1)
        .map(|(k, _)| k)
        .collect()
}

/// tcpdump's output, one entry per frame: the lines of that frame (a frame's first line starts
/// with its time; continuation lines, indented, follow it), the first without its time.
pub(crate) fn tcpdump_frames(text: &str) -> Vec<Vec<&str>> {
    let mut frames: Vec<Vec<&str>> = Vec::new();
    for line in text.lines() {
        if line.starts_with(|c: char| c.is_ascii_digit()) {
            let (_, rest) = line.split_once(' ').unwrap();
            frames.push(vec![rest]);
        } else {
            frames.last_mut().unwrap().push(line);
        }
    }
    frames
}

/// The Ethernet frames of a capture in `tests/data/` (read by icmpdump's own pcap reader).
pub(crate) fn ethernet_frames(name: &str) -> Vec<Vec<u8>> {
    let data = std::fs::read(format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut reader = pcap::Reader::new(&data[..]).unwrap();
    let mut out = Vec::new();
    while let pcap::Next::Record(r) = reader.next().unwrap() {
        assert_eq!(r.link, 1, "{name}: not Ethernet");
        out.push(r.data);
    }
    out
}

/// `n` draws of `strategy`, from a fixed seed.
pub(crate) fn draws<T: std::fmt::Debug>(
    strategy: impl proptest::strategy::Strategy<Value = T>,
    n: usize,
) -> Vec<T> {
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    (0..n)
        .map(|_| strategy.new_tree(&mut runner).unwrap().current())
        .collect()
}

/// Deterministic pseudo-random inputs (xorshift64*), of lengths 0 to 4 KiB.
pub(crate) fn inputs(n: usize) -> impl Iterator<Item = Vec<u8>> {
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    };
    (0..n).map(move |_| {
        let len = (next() % 4096) as usize;
        (0..len).map(|_| next() as u8).collect()
    })
}

//! ICMPv6 `Display` against tcpdump: for every frame of the kernel capture
//! (`tests/data/kernel6.pcap`), what icmpwire prints for the ICMPv6 message (or the first
//! fragment of one) is what tcpdump 4.99.3 printed after `src > dst: ` and the extension
//! headers (`tests/data/kernel6.tcpdump.txt`, unedited), and the checksum verdict is
//! tcpdump -v's (`kernel6.tcpdump-v.txt`). The differences are deliberate and listed in
//! `expected`.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

#[path = "../examples/icmpdump/capture.rs"]
#[allow(dead_code)]
mod capture;
#[path = "../examples/icmpdump/link.rs"]
#[allow(dead_code)]
mod link;
#[path = "../examples/icmpdump/pcap.rs"]
#[allow(dead_code)]
mod pcap;

use capture::{Ip, Packet};
use icmpwire::AnyMessage;
use icmpwire::v6::Message;

/// The first line of each frame in a tcpdump output (a frame's line starts with its time;
/// continuation lines, indented, follow it).
fn frame_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
        .collect()
}

/// tcpdump's words for the ICMPv6 message: what follows `ICMP6, ` (so the outer addresses
/// and extension header notes such as `HBH ` or `frag (0|1232) ` are left out).
fn icmp6_part(line: &str) -> Option<&str> {
    line.split_once("ICMP6, ").map(|(_, rest)| rest)
}

/// What tcpdump 4.99.3 prints where icmpwire prints `ours` differently, by choice: `None` when
/// the two must be equal.
fn expected(msg: &Message<&[u8]>, len: usize, ours: &str, theirs: &str) -> Option<&'static str> {
    let ty = msg.message_type().0;
    let code = msg.code_u8();
    match ty {
        // tcpdump 4.99.3 has no RFC 8335 for ICMPv6: "unknown icmp6 type (160), length 24".
        160 | 161 => {
            let word = format!("unknown icmp6 type ({ty}), length {}", len);
            assert_eq!(theirs, word);
            Some("extended echo named")
        }
        // Codes 5-9 (RFC 4443, 6550, 8883, 9914): tcpdump prints "unknown unreach code (N)" and a
        // hex dump; icmpwire names them from the IANA registry. Unassigned codes: "code N".
        1 if code >= 5 => {
            assert_eq!(
                theirs,
                format!("destination unreachable, unknown unreach code ({code})")
            );
            Some("registry names")
        }
        // Neighbor Discovery, MLD, node information, ...: views come with the next issue; until
        // then icmpwire prints the name (and the code's, if it has one) and the length; tcpdump
        // adds the fields in between.
        130..=159 => {
            let name = msg.message_type().to_string();
            // (tcpdump 4.99.3 does not know the later registrations, 151-159.)
            let unknown = format!("unknown icmp6 type ({ty})");
            assert!(
                theirs.starts_with(&name)
                    || theirs.contains(&format!(" {name}"))
                    || (ty > 150 && theirs.starts_with(&unknown)),
                "{theirs:?} does not name {name:?}"
            );
            let tail = format!(", length {len}");
            assert!(ours.starts_with(&name) && ours.ends_with(&tail), "{ours}");
            Some("no view yet")
        }
        // tcpdump names 200 and 201 after the mtrace draft; the registry (RFC 4443) reserves
        // them for private experimentation.
        200 | 201 => {
            assert!(theirs.starts_with("mtrace"), "{theirs}");
            assert_eq!(ours, format!("private experimentation, length {len}"));
            Some("registry names")
        }
        _ => None,
    }
}

#[test]
fn every_frame_reads_as_tcpdump_printed_it() {
    let pcap = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/kernel6.pcap"
    ))
    .unwrap();
    let plain = frame_lines(include_str!("data/kernel6.tcpdump.txt"));
    let verbose = frame_lines(include_str!("data/kernel6.tcpdump-v.txt"));
    let mut reader = pcap::Reader::new(&pcap[..]).unwrap();
    let mut frames = Vec::new();
    while let pcap::Next::Record(r) = reader.next().unwrap() {
        frames.push(r);
    }
    assert!(reader.warnings.is_empty(), "{:?}", reader.warnings);
    assert_eq!((frames.len(), plain.len(), verbose.len()), (339, 339, 339));
    let (mut equal, mut different, mut bad_sums, mut stopped) = (0, 0, 0, 0);
    for (i, frame) in frames.iter().enumerate() {
        // One frame at a time: a whole message, the first fragment of one (shown from what it
        // carries, as tcpdump does), or nothing for a later fragment.
        let mut decoder = capture::Decoder::default();
        let mut shown = decoder.frame(
            i as u64 + 1,
            frame.time,
            frame.link,
            &frame.data,
            frame.orig_len,
        );
        shown.extend(decoder.finish());
        let Some(Packet {
            ip: Ip::V6(outer),
            icmp: bytes,
            incomplete,
            ..
        }) = shown.first()
        else {
            assert!(plain[i].contains("frag ("), "frame {}: {}", i + 1, plain[i]);
            continue;
        };
        let msg = Message::parse_unverified(&bytes[..]).unwrap();
        let Some(theirs) = icmp6_part(plain[i]) else {
            // tcpdump stops at a routing header of a type it does not know (253, RFC 4727's
            // experiment); its length field is enough for icmpwire to go on.
            assert!(
                plain[i].contains("type=253") && plain[i].ends_with("(invalid)"),
                "frame {}: {}",
                i + 1,
                plain[i]
            );
            stopped += 1;
            continue;
        };
        let text = msg.to_string();
        let ours = text.strip_prefix("ICMP6, ").unwrap();
        match expected(&msg, bytes.len(), ours, theirs) {
            None => {
                assert_eq!(ours, theirs, "frame {}", i + 1);
                equal += 1;
            }
            Some(_) => different += 1,
        }
        // The checksum verdict, over the final destination, as tcpdump -v gives it (it does not
        // check the first fragment of a message).
        if !*incomplete {
            let ok = msg.verify_checksum(outer.src, outer.final_dst);
            let v = verbose[i];
            if v.contains("[bad icmp6 cksum") {
                let want = format!(
                    "[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!]",
                    msg.checksum(),
                    msg.computed_checksum(outer.src, outer.final_dst)
                );
                assert!(!ok && v.contains(&want), "frame {}: {v}", i + 1);
                bad_sums += 1;
            } else {
                assert!(ok && v.contains("[icmp6 sum ok]"), "frame {}: {v}", i + 1);
            }
        }
    }
    // Counted from the capture: 339 frames, 11 of them later fragments.
    assert_eq!(
        equal + different + stopped,
        328,
        "{equal} equal, {different} by choice"
    );
    // Every message of a type with a view, and every unassigned type, reads as tcpdump's line.
    assert_eq!((equal, different, stopped), (154, 173, 1));
    assert_eq!(bad_sums, 2);
}

/// A message of type `ty` and code `code` with bytes 4-7 `word` and `body`, parsed unverified.
fn line(ty: u8, code: u8, word: [u8; 4], body: &[u8]) -> String {
    let mut m = vec![ty, code, 0, 0];
    m.extend_from_slice(&word);
    m.extend_from_slice(body);
    Message::parse_unverified(&m[..]).unwrap().to_string()
}

/// A quoted IPv6 header to `dst` with next header `next`, then `upper`.
fn quoted(dst: std::net::Ipv6Addr, next: u8, upper: &[u8]) -> Vec<u8> {
    let mut q = vec![0x60, 0, 0, 0, 0, upper.len() as u8, next, 1];
    q.extend_from_slice(
        &"2001:db8:1::10"
            .parse::<std::net::Ipv6Addr>()
            .unwrap()
            .octets(),
    );
    q.extend_from_slice(&dst.octets());
    q.extend_from_slice(upper);
    q
}

#[test]
fn lines_tcpdump_would_print_for_cases_the_capture_lacks() {
    let b: std::net::Ipv6Addr = "2001:db8:2::2".parse().unwrap();
    // Port unreachable quoting TCP: tcpdump's "<dst> tcp port <port>".
    let q = quoted(b, 6, &[0x9c, 0x40, 0, 80, 0, 0, 0, 1]);
    assert_eq!(
        line(1, 4, [0; 4], &q),
        format!(
            "ICMP6, destination unreachable, unreachable port, {b} tcp port 80, length {}",
            8 + q.len()
        )
    );
    // An IPv4-compatible destination (RFC 4291 2.5.5.1) in the dotted form of RFC 4291 2.2 (3),
    // as inet_ntop and so tcpdump write it; ::1 stays ::1.
    let v4c: std::net::Ipv6Addr = "::192.0.2.1".parse().unwrap();
    let q = quoted(v4c, 17, &[0, 53, 0, 53]);
    assert!(line(1, 3, [0; 4], &q).contains("unreachable address ::192.0.2.1,"));
    let q = quoted(std::net::Ipv6Addr::LOCALHOST, 17, &[0, 53, 0, 53]);
    assert!(line(1, 3, [0; 4], &q).contains("unreachable address ::1,"));
    // Parameter problem: tcpdump needs the 40-byte quoted header, and stops with [|icmp6]
    // without it.
    assert_eq!(
        line(4, 0, [0, 0, 0, 6], &[0x60; 39]),
        "ICMP6, parameter problem [|icmp6]"
    );
    let q = quoted(b, 17, &[]);
    assert_eq!(
        line(4, 0, [0, 0, 0, 6], &q),
        "ICMP6, parameter problem, erroneous - octet 6, length 48"
    );
    // A type without a name, and a code the registry gives no meaning: shown unless 0.
    assert_eq!(
        line(77, 0, [0; 4], &[]),
        "ICMP6, unknown icmp6 type (77), length 8"
    );
    assert_eq!(
        line(77, 3, [0; 4], &[]),
        "ICMP6, unknown icmp6 type (77) (code 3), length 8"
    );
}

#[test]
fn debug_names_the_view() {
    let m = [129u8, 0, 0x12, 0x34, 0, 1, 0, 1];
    let debug = format!("{:?}", Message::parse_unverified(&m[..]).unwrap());
    assert!(
        debug.starts_with("Echo") && debug.contains("checksum: 4660"),
        "{debug}"
    );
}

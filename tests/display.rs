//! `Display` for messages against tcpdump: the echo lines tcpdump 4.99.3 printed for the kernel
//! capture (`tests/data/kernel.tcpdump-v.txt`, see tests/data/README.md) are what icmpwire prints,
//! bad checksums included, every line's length is the same, and the names of the unreachable
//! codes are tcpdump's words.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use icmpwire::AnyMessage;
use icmpwire::v4::Message;

/// tcpdump's text after `src > dst: ` for each frame, in capture order (frame 1 first): with
/// `-v`, a frame is a line that starts with the time, then the line of the message.
fn tcpdump_lines() -> Vec<String> {
    let text = include_str!("data/kernel.tcpdump-v.txt");
    let lines: Vec<&str> = text.lines().collect();
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if l.starts_with(|c: char| c.is_ascii_digit()) {
            let next = lines.get(i + 1).copied().unwrap_or("");
            out.push(
                next.split_once(": ")
                    .map_or(String::new(), |(_, rest)| rest.to_string()),
            );
        }
    }
    assert_eq!(out.len(), 167);
    out
}

#[test]
fn echo_lines_are_tcpdumps() {
    let lines = tcpdump_lines();
    let mut compared = 0;
    for rec in common::kernel_records() {
        let frame = common::u64_of(&rec["pcap_frame"]) as usize;
        let fragmented = common::u64_of(&rec["ip"]["ip_mf"]) != 0
            || common::u64_of(&rec["ip"]["ip_frag_offset"]) != 0;
        let theirs = &lines[frame - 1];
        let bytes = common::bytes_of(&rec);
        let Ok(msg) = Message::parse_unverified(&bytes[..]) else {
            continue;
        };
        let mut ours = format!("ICMP {msg}");
        // A deliberate difference: tcpdump does not show the code of an echo; icmpwire shows
        // a non-zero one (Linux copies a request's code into its reply).
        ours = ours.replace(&format!(" (code {})", msg.code_u8()), "");
        if !fragmented
            && (theirs.starts_with("ICMP echo request") || theirs.starts_with("ICMP echo reply"))
        {
            assert_eq!(&ours, theirs, "frame {frame}");
            compared += 1;
        }
        // Every message's length, whatever tcpdump calls it (fragments excepted: tcpdump
        // counts what one fragment carries).
        if !fragmented {
            let len = theirs.rsplit(", length ").next().unwrap();
            let len = len.split(' ').next().unwrap();
            // The number ends the line or precedes the checksum note.
            let ours_len = ours
                .rsplit(", length ")
                .next()
                .unwrap()
                .split(' ')
                .next()
                .unwrap();
            assert_eq!(ours_len, len, "frame {frame}: {ours} vs {theirs}");
            assert_eq!(
                ours.contains("(wrong icmp cksum"),
                theirs.contains("(wrong icmp cksum"),
                "frame {frame}"
            );
        }
    }
    assert!(compared >= 40, "only {compared} echo lines compared");
}

#[test]
fn unreachable_code_names_are_tcpdumps() {
    // tcpdump words a code inside its own layout: "[net|host] ADDR unreachable - WORDS" or
    // "ADDR unreachable - WORDS". icmpwire's name is WORDS, or the prefix and WORDS. Codes 0-3
    // (net, host, protocol, port unreachable) have no " - WORDS" in tcpdump's line and are
    // not compared here.
    let lines = tcpdump_lines();
    let mut compared = 0;
    for rec in common::kernel_records() {
        let frame = common::u64_of(&rec["pcap_frame"]) as usize;
        let bytes = common::bytes_of(&rec);
        let Ok(msg) = Message::parse_unverified(&bytes[..]) else {
            continue;
        };
        let theirs = &lines[frame - 1];
        if msg.message_type() != icmpwire::v4::MessageType::DESTINATION_UNREACHABLE {
            continue;
        }
        let Some((head, words)) = theirs.split_once(" unreachable - ") else {
            continue;
        };
        let words = words
            .split(" (mtu")
            .next()
            .unwrap()
            .split(',')
            .next()
            .unwrap();
        let prefix = head.trim_start_matches("ICMP ").split(' ').next().unwrap();
        let name = icmpwire::v4::code_name(msg.message_type(), msg.code_u8()).unwrap();
        assert!(
            name == words || name == format!("{prefix} {words}"),
            "frame {frame}: icmpwire {name:?}, tcpdump {theirs:?}"
        );
        compared += 1;
    }
    assert!(compared >= 12, "only {compared} compared");
}

/// `msg` with its RFC 1071 checksum filled in (bytes 2-3), by the tests' own reference.
fn finished(mut msg: Vec<u8>) -> Vec<u8> {
    let c = common::reference_checksum_of_message(&msg);
    msg[2..4].copy_from_slice(&c.to_be_bytes());
    msg
}

/// An RFC 4884 extension structure (version 2) holding `objects`, its checksum filled in.
fn structure(objects: &[u8]) -> Vec<u8> {
    let mut s = vec![0x20, 0, 0, 0];
    s.extend_from_slice(objects);
    let c = !common::reference_sum(&s);
    s[2..4].copy_from_slice(&c.to_be_bytes());
    s
}

/// An object of `class` and `c_type` around `payload` (RFC 4884 section 7: length, class-num,
/// c-type, then the payload; the length counts the 4-byte header).
fn object(class: u8, c_type: u8, payload: &[u8]) -> Vec<u8> {
    let mut o = ((payload.len() + 4) as u16).to_be_bytes().to_vec();
    o.extend_from_slice(&[class, c_type]);
    o.extend_from_slice(payload);
    o
}

fn line(bytes: &[u8]) -> String {
    Message::parse_unverified(bytes).unwrap().to_string()
}

/// A quoted IPv4 header (IHL 5) from 192.0.2.10 to 203.0.113.2, TTL 1, then `upper`.
fn quoted(protocol: u8, upper: &[u8]) -> Vec<u8> {
    let mut q = vec![0x45, 0, 0, 84, 0, 1, 0, 0, 1, protocol, 0, 0];
    q.extend_from_slice(&[192, 0, 2, 10, 203, 0, 113, 2]);
    q.extend_from_slice(upper);
    q
}

/// The fields icmpwire's own layout adds to tcpdump's words (the Display impl's docs), each
/// with values written into the bytes as their RFC lays them out, read back from the line.
#[test]
fn every_field_of_the_layout_is_printed() {
    // RFC 1191: the next-hop MTU of a fragmentation needed (code 4), and only there.
    let udp = quoted(17, &[0xa7, 0xf9, 0x82, 0x9a, 0, 8, 0, 0]);
    let mut frag = vec![3u8, 4, 0, 0, 0, 0, 0x05, 0x00];
    frag.extend_from_slice(&udp);
    let l = line(&finished(frag.clone()));
    assert!(
        l.contains(", mtu 1280 for IP 192.0.2.10 > 203.0.113.2 ttl 1 udp 43001 > 33434"),
        "{l}"
    );
    frag[1] = 3;
    let l = line(&finished(frag));
    assert!(
        !l.contains("mtu") && l.contains(" udp 43001 > 33434"),
        "{l}"
    );
    // A quoted TCP segment and a quoted echo request (RFC 792: id and seq in its bytes 4-7).
    let mut te = vec![11u8, 0, 0, 0, 0, 0, 0, 0];
    te.extend_from_slice(&quoted(6, &[0x01, 0xbb, 0xc3, 0x50, 0, 0, 0, 1]));
    let l = line(&finished(te));
    assert!(l.contains(" ttl 1 tcp 443 > 50000,"), "{l}");
    let mut te = vec![11u8, 0, 0, 0, 0, 0, 0, 0];
    te.extend_from_slice(&quoted(1, &[8, 0, 0, 0, 0x12, 0x34, 0, 7]));
    let l = line(&finished(te.clone()));
    assert!(l.contains(" ttl 1 icmp echo request id 4660 seq 7,"), "{l}");
    // Only the quoted ICMP type and code: no id or sequence to print.
    let l = line(&finished(te[..8 + 20 + 2].to_vec()));
    assert!(l.contains(" ttl 1 icmp echo request,"), "{l}");

    // RFC 4950: an MPLS label stack entry 0x00010101 is label 16, TC 0, S 1, TTL 1; behind a
    // 128-byte quote (RFC 4884 length 32 words).
    let mut te = vec![11u8, 0, 0, 0, 0, 32, 0, 0];
    let mut q = quoted(17, &[0xa7, 0xf9, 0x82, 0x9a, 0, 8, 0, 0]);
    q.resize(128, 0);
    te.extend_from_slice(&q);
    te.extend_from_slice(&structure(&object(1, 1, &[0, 1, 1, 1])));
    let l = line(&finished(te));
    assert!(
        l.contains(" udp 43001 > 33434 [ext MPLS L=16 E=0 S=1 TTL=1], length 148"),
        "{l}"
    );

    // RFC 5837: role 0 with ifIndex, IP address, name and MTU (c-type 0b00_00_1111): index 5,
    // 192.0.2.1, "eth0" (a name sub-object of 8 bytes, its length octet first), MTU 1500.
    let mut info = vec![0, 0, 0, 5, 0, 1, 0, 0, 192, 0, 2, 1, 8];
    info.extend_from_slice(b"eth0\0\0\0");
    info.extend_from_slice(&1500u32.to_be_bytes());
    let mut un = vec![3u8, 3, 0, 0, 0, 32, 0, 0];
    un.extend_from_slice(&q);
    un.extend_from_slice(&structure(&object(2, 0x0F, &info)));
    let l = line(&finished(un));
    assert!(
        l.contains(" [ext if(role 0 index 5 addr 192.0.2.1 name eth0 mtu 1500)]"),
        "{l}"
    );

    // RFC 8335 section 2: an extended echo request (id 0x1234, seq 7, L set) naming the
    // interface by name (c-type 1; NUL padding removed, a control byte escaped), index (2) and
    // address (3: AFI 1, length 4).
    let mut probe = vec![42u8, 0, 0, 0, 0x12, 0x34, 7, 1];
    let mut objs = object(3, 1, b"lo\x01\0");
    objs.extend_from_slice(&object(3, 2, &9u32.to_be_bytes()));
    objs.extend_from_slice(&object(3, 3, &[0, 1, 4, 0, 192, 0, 2, 1]));
    probe.extend_from_slice(&structure(&objs));
    let l = line(&finished(probe.clone()));
    assert!(
        l.contains(", id 4660, seq 7, local [ext interface lo\\x01 ifindex 9 address 192.0.2.1]"),
        "{l}"
    );
    probe[7] = 0;
    let l = line(&finished(probe));
    assert!(l.contains(", seq 7 [ext interface"), "{l}");
    // Its reply: state 2 (RFC 8335 section 3: State, two reserved bits, A, 4, 6), A and 4 set.
    let l = line(&finished(vec![43u8, 0, 0, 0, 0x12, 0x34, 7, 0x46]));
    assert!(l.contains(", id 4660, seq 7, state 2 active ipv4,"), "{l}");
    let l = line(&finished(vec![43u8, 0, 0, 0, 0x12, 0x34, 7, 0x41]));
    assert!(l.contains(", state 2 ipv6,"), "{l}");
}

/// RFC 792's timestamps: milliseconds since midnight UT as hh:mm:ss.mmm; the high bit set,
/// or a value past the day's 86,400,000 ms, marks a non-standard value, printed as is.
#[test]
fn timestamps_print_as_clock_time() {
    let mut ts = vec![13u8, 0, 0, 0, 0, 1, 0, 2];
    for ms in [3_723_004u32, 86_399_999, 86_400_000] {
        ts.extend_from_slice(&ms.to_be_bytes());
    }
    let l = line(&finished(ts.clone()));
    assert!(
        l.contains(", org 01:02:03.004, recv 23:59:59.999, xmit 86400000 (non-standard),"),
        "{l}"
    );
    ts[8..12].copy_from_slice(&0x8000_0001u32.to_be_bytes());
    ts[12..16].copy_from_slice(&0u32.to_be_bytes());
    let l = line(&finished(ts));
    assert!(
        l.contains(", org 2147483649 (non-standard), recv 00:00:00.000,"),
        "{l}"
    );
}

/// RFC 1788's reply: its names after the TTL, the first behind ", names ", the rest
/// space-separated (absolute names: each ends with the root label's dot).
#[test]
fn domain_name_reply_lists_its_names() {
    let mut reply = vec![38u8, 0, 0, 0, 0, 1, 0, 2, 0, 0, 0, 60];
    reply.extend_from_slice(b"\x01a\x07example\x00\x01b\x07example\x00");
    let l = line(&finished(reply));
    assert!(l.contains(", ttl 60, names a.example. b.example.,"), "{l}");
}

/// `Debug` through `Message` names the view and shows the fields every message has (the view's
/// name is the type's in RFC 792's words, as the crate's aliases spell it).
#[test]
fn debug_names_the_view() {
    let m = [11u8, 1, 0x12, 0x34, 0, 0, 0, 0, 0x45];
    let debug = format!("{:?}", Message::parse_unverified(&m[..]).unwrap());
    assert!(
        debug.starts_with("TimeExceeded")
            && debug.contains("code: 1")
            && debug.contains("checksum: 4660")
            && debug.contains("len: 9"),
        "{debug}"
    );
}

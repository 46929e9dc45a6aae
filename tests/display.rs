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

//! icmpdump's capture reading against tshark: the captures in `tests/data/links/` (written by
//! scapy, one per link type, tunnel and odd record layout; see its README) are read through
//! icmpdump's own modules, and every ICMP and ICMPv6 message tshark 4.0.17 found in them
//! (`oracle.jsonl`, made by `oracle.py` from tshark's PDML) must be found, in the same frame,
//! with the same time, addresses, type, code, checksum verdict, captured length and layers.
//! The frames tshark counted (`frames.json`) must all be accounted for.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
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

use capture::{Ip, Packet, Summary};
use serde_json::Value;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/links/");

/// Everything icmpdump makes of a capture: the messages, the summary, the warnings.
fn dump(file: &str) -> (Vec<Packet>, Summary, Vec<String>) {
    let data = std::fs::read(format!("{DIR}{file}")).unwrap();
    let mut reader = pcap::Reader::new(&data[..]).unwrap();
    let mut decoder = capture::Decoder::default();
    let mut out = Vec::new();
    let mut n = 0;
    loop {
        match reader.next().unwrap() {
            pcap::Next::Record(r) => {
                n += 1;
                out.extend(decoder.frame(n, r.time, r.link, &r.data, r.orig_len));
            }
            pcap::Next::Skipped(why) => {
                n += 1;
                decoder.skipped(why);
            }
            pcap::Next::End => break,
        }
    }
    out.extend(decoder.finish());
    (out, decoder.summary, reader.warnings)
}

/// tshark's layer names, mapped to icmpdump's; `None` for what icmpdump does not count as a
/// layer (tshark's `ethertype` pseudo-layer, its radio information, the raw-IP marker).
fn layer(tshark: &str) -> Option<&'static str> {
    Some(match tshark {
        "eth" => "ethernet",
        "vlan" | "ieee8021ad" => "vlan",
        "llc" => "llc-snap",
        "ip" => "ipv4",
        "ipv6" => "ipv6",
        "gre" => "gre",
        "erspan" => "erspan",
        "udp" => "udp",
        "vxlan" => "vxlan",
        "geneve" => "geneve",
        "mpls" => "mpls",
        "macsec" => "macsec",
        "pppoes" => "pppoe",
        "ppp" => "ppp",
        "chdlc" => "chdlc",
        "null" => "loopback",
        "sll" => "sll",
        "fr" => "frame-relay",
        "pim" => "pim-register",
        "cmd" => "cisco-metadata",
        "arcnet" => "arcnet",
        "ipnet" => "ipnet",
        "ipoib" => "ipoib",
        "prism" => "prism",
        "radiotap" => "radiotap",
        "wlan" => "802.11",
        "ethertype" | "wlan_radio" | "raw" => return None,
        other => panic!("tshark layer {other} not mapped"),
    })
}

/// Nanoseconds since 1970 from tshark's `frame.time_epoch` (its fraction is a count of
/// nanoseconds, printed with 9 digits or more: `1.1000000000` is one second and 10^9 ns).
fn tshark_nanos(t: &str) -> i128 {
    let (s, f) = t.split_once('.').unwrap();
    assert!(f.len() >= 9, "{t}");
    s.parse::<i128>().unwrap() * 1_000_000_000 + f.parse::<i128>().unwrap()
}

/// Messages icmpdump shows that tshark does not list, and why.
const ONLY_OURS: &[(&str, u64, &str)] = &[
    // The file ends inside this record: libpcap (hence tshark and tcpdump) drops it; icmpdump
    // shows the 2 bytes of the message there are, as cut.
    ("truncated_end.pcap", 2, "record cut by the end of the file"),
    // IPv4 total length = header length: tshark shows no ICMP layer for zero bytes.
    ("icmp_header_cut.pcap", 2, "ICMP of no bytes"),
    // A first fragment whose second never came: tshark shows an IPv4 fragment, icmpdump the
    // start of the message, marked incomplete.
    ("skips.pcap", 8, "first fragment only"),
];

/// tshark numbers a pcapng custom block as a frame of its own (`ng_options.pcapng` starts with
/// one, block type 0x00000BAD); icmpdump, like libpcap, counts packets only.
fn tshark_frame(file: &str, ours: u64) -> u64 {
    ours + u64::from(file == "ng_options.pcapng")
}

#[test]
fn every_message_tshark_finds_is_found_alike() {
    let oracle: Vec<Value> = include_str!("data/links/oracle.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let frames: Value = serde_json::from_str(include_str!("data/links/frames.json")).unwrap();
    let files = frames["files"].as_object().unwrap();
    let mut compared = 0;
    let mut ours_only = 0;
    for (file, info) in files {
        let (packets, summary, _) = dump(file);
        // Every frame is accounted for: a message, a fragment of one, or skipped by reason.
        assert_eq!(summary.accounted(), summary.frames, "{file}: {summary:?}");
        let want: Vec<&Value> = oracle.iter().filter(|r| r["file"] == *file).collect();
        for p in &packets {
            let frame = tshark_frame(file, p.frame);
            let Some(r) = want.iter().find(|r| r["frame"] == frame) else {
                assert!(
                    ONLY_OURS.iter().any(|(f, n, _)| f == file && *n == p.frame),
                    "{file} frame {}: shown, but tshark has no ICMP there",
                    p.frame
                );
                ours_only += 1;
                continue;
            };
            let at = format!("{file} frame {}", p.frame);
            let nanos = i128::from(p.time.secs) * 1_000_000_000 + i128::from(p.time.nanos);
            match r["time"].as_str() {
                Some(t) => assert_eq!(nanos, tshark_nanos(t), "{at}: time"),
                // A simple packet block has no timestamp.
                None => assert_eq!(nanos, 0, "{at}: time"),
            }
            let (version, src, dst, verified) = match &p.ip {
                Ip::V4(o) => (
                    4,
                    o.src.to_string(),
                    o.dst.to_string(),
                    icmpwire::checksum::verify(&p.icmp),
                ),
                Ip::V6(o) => (
                    6,
                    o.src.to_string(),
                    o.dst.to_string(),
                    icmpwire::checksum::verify_icmpv6(o.src, o.final_dst, &p.icmp),
                ),
            };
            assert_eq!(r["ip"], version, "{at}: IP version");
            assert_eq!(
                (r["src"].as_str(), r["dst"].as_str()),
                (Some(&*src), Some(&*dst)),
                "{at}"
            );
            // tshark leaves type and code out when the capture holds under 8 bytes of the
            // message; icmpdump shows the bytes there are.
            if !r["type"].is_null() {
                assert_eq!(r["type"], p.icmp[0], "{at}: type");
                assert_eq!(r["code"], p.icmp[1], "{at}: code");
            } else {
                assert!(p.is_cut() && p.icmp.len() < 8, "{at}: tshark has no type");
            }
            match r["checksum"].as_str() {
                Some("good") => assert!(verified && !p.is_cut(), "{at}: checksum good"),
                Some("bad") => assert!(!verified && !p.is_cut(), "{at}: checksum bad"),
                // Not verifiable: the capture cut the message.
                _ => assert!(p.is_cut(), "{at}: tshark could not verify the checksum"),
            }
            if let Some(len) = r["length"].as_u64() {
                assert_eq!(p.icmp.len() as u64, len, "{at}: captured length");
            }
            // The layers before the carrying IP header, tshark's last layer.
            let mut theirs: Vec<&str> = r["encap"].as_array().unwrap()
                [..r["encap"].as_array().unwrap().len() - 1]
                .iter()
                .filter_map(|l| layer(l.as_str().unwrap()))
                .collect();
            theirs.dedup_by(|a, b| *a == "mpls" && *b == "mpls");
            let mut ours: Vec<&str> = p
                .hops
                .iter()
                .map(|h| if h.layer == "sll2" { "sll" } else { h.layer })
                .collect();
            ours.dedup_by(|a, b| *a == "mpls" && *b == "mpls");
            assert_eq!(ours, theirs, "{at}: layers");
            compared += 1;
        }
        // Nothing tshark found is missing.
        for r in &want {
            assert!(
                packets
                    .iter()
                    .any(|p| r["frame"] == tshark_frame(file, p.frame)),
                "{file} frame {}: tshark found ICMP, icmpdump did not",
                r["frame"]
            );
        }
        let tshark_frames = info["tshark_frames"].as_u64().unwrap();
        // The record the file ends inside is a frame to icmpdump, not to tshark; the custom
        // block is a frame to tshark only.
        let ours = summary.frames + u64::from(file == "ng_options.pcapng");
        let theirs = tshark_frames + u64::from(file == "truncated_end.pcap");
        assert_eq!(ours, theirs, "{file}: frames");
    }
    assert_eq!((compared, ours_only), (oracle.len(), ONLY_OURS.len()));
}

/// What icmpdump says about the odd files, once each, and about nothing else.
#[test]
fn odd_records_are_read_and_said_once() {
    let expected: &[(&str, &[&str])] = &[
        (
            "incl_over_snaplen.pcap",
            &[
                "records longer than the snapshot length (100 > 64 bytes, first in record 2): read whole",
            ],
        ),
        (
            "odd_usec.pcap",
            &[
                "a fraction of a second out of range (1000000 in record 2): carried into the seconds",
                "a fraction of a second out of range (1500000 in record 3): carried into the seconds",
            ],
        ),
        (
            "truncated_end.pcap",
            &["the file ends inside record 2 (36 of its 66 bytes): shown as far as it goes"],
        ),
    ];
    let frames: Value = serde_json::from_str(include_str!("data/links/frames.json")).unwrap();
    for file in frames["files"].as_object().unwrap().keys() {
        let (_, _, warnings) = dump(file);
        let want = expected
            .iter()
            .find(|(f, _)| f == file)
            .map_or(&[][..], |(_, w)| *w);
        assert_eq!(warnings, want, "{file}");
    }
}

/// Every frame without a message is counted under its reason (the frames `make.py` wrote into
/// `skips.pcap` and `unknown_link.pcap`, each of a kind tshark names in its decode).
#[test]
fn skipped_frames_are_counted_by_reason() {
    let (packets, summary, _) = dump("skips.pcap");
    let reasons: Vec<(&str, u64)> = summary
        .skipped
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect();
    assert_eq!(
        reasons,
        [
            ("ARP (not IP)", 1),
            ("IPv4 protocol 17 (UDP) (no ICMP)", 1),
            ("IPv4 protocol 6 (TCP) (no ICMP)", 1),
            ("IPv6 next header 17 (UDP) (no ICMP)", 1),
            ("LLC frame without SNAP (DSAP 0x42)", 1),
            ("fragments of a datagram whose first fragment never came", 1),
        ]
    );
    // The reassembled echo (frames 6 and 7) at the frame that completed it, the lone echo of
    // frame 10, then the first fragment whose second never came (frame 8), marked.
    let shown: Vec<(u64, u16, bool)> = packets
        .iter()
        .map(|p| {
            (
                p.frame,
                u16::from_be_bytes([p.icmp[6], p.icmp[7]]),
                p.incomplete,
            )
        })
        .collect();
    assert_eq!(shown, [(7, 7, false), (10, 10, false), (8, 8, true)]);
    assert_eq!(
        (
            summary.frames,
            summary.messages,
            summary.reassembled,
            summary.incomplete,
            summary.fragments
        ),
        (10, 3, 1, 1, 3)
    );
    assert_eq!(
        summary.line(),
        "10 frames read, 3 ICMP messages printed (1 reassembled, 1 from a first fragment only; 3 frames were their fragments); skipped: 1 ARP (not IP), 1 IPv4 protocol 17 (UDP) (no ICMP), 1 IPv4 protocol 6 (TCP) (no ICMP), 1 IPv6 next header 17 (UDP) (no ICMP), 1 LLC frame without SNAP (DSAP 0x42), 1 fragments of a datagram whose first fragment never came"
    );
    let (packets, summary, _) = dump("unknown_link.pcap");
    assert!(packets.is_empty());
    assert_eq!(
        summary.line(),
        "1 frames read, 0 ICMP messages printed; skipped: 1 link type 147 not supported"
    );
}

/// An MPLS label stack (RFC 3032) is followed through as many labels as icmpdump nests layers
/// (16), and a deeper one is skipped by name, whatever layers came before it.
#[test]
fn mpls_label_stacks_are_bounded_by_labels() {
    // An echo request from 192.0.2.1 to 198.51.100.2 (RFC 792; header checksum 0x8ea9 and
    // ICMP checksum 0xf7fe worked by hand).
    let ip: [u8; 28] = [
        0x45, 0, 0, 28, 0, 1, 0, 0, 64, 1, 0x8e, 0xa9, 192, 0, 2, 1, 198, 51, 100, 2, 8, 0, 0xf7,
        0xfe, 0, 1, 0, 0,
    ];
    let frame = |labels: u32, vlan: bool| {
        let mut f = vec![2, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 2];
        if vlan {
            f.extend_from_slice(&[0x81, 0, 0, 7]);
        }
        f.extend_from_slice(&[0x88, 0x47]);
        for n in 1..=labels {
            let entry = (n << 12) | if n == labels { 0x100 } else { 0 } | 64;
            f.extend_from_slice(&entry.to_be_bytes());
        }
        f.extend_from_slice(&ip);
        f
    };
    for (labels, vlan, found) in [
        (1, false, true),
        (16, false, true),
        (17, false, false),
        (15, true, true),
        (16, true, false),
    ] {
        let mut decoder = capture::Decoder::default();
        let data = frame(labels, vlan);
        let packets = decoder.frame(1, pcap::Time::default(), 1, &data, data.len());
        if found {
            assert_eq!(packets.len(), 1, "{labels} labels");
            let mpls = packets[0].hops.iter().filter(|h| h.layer == "mpls").count();
            assert_eq!(mpls, labels as usize);
            assert_eq!(packets[0].icmp[..2], [8, 0]);
        } else {
            assert!(packets.is_empty(), "{labels} labels");
            let reasons: Vec<_> = decoder.summary.skipped.keys().cloned().collect();
            assert_eq!(reasons, ["layers nested too deep"], "{labels} labels");
        }
    }
}

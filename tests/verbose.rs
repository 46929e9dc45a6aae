//! icmpdump's `-v` layout against tcpdump 4.99.3's `-v` output on the kernel captures and on
//! crafted IPv4 options (`tests/data/kernel.tcpdump-v.txt`, `kernel6.tcpdump-v.txt` and
//! `ipv4_options.tcpdump-v.txt`, unedited, see tests/data/README.md): the IPv4 header lines
//! (outer and quoted, options and bad checksums included), the line after a quoted header, the
//! IPv6 header, the checksum verdict and every Neighbor Discovery option line are tcpdump's,
//! frame by frame. The message line itself is icmpwire's `Display` (compared with tcpdump in
//! tests/display.rs and tests/display6.rs). The deliberate differences are counted and named.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;
use common::pcap;

use common::tcpdump_frames;

#[path = "../examples/icmpdump/capture.rs"]
#[allow(dead_code)]
mod capture;
#[path = "../examples/icmpdump/json.rs"]
#[allow(dead_code)]
mod json;
#[path = "../examples/icmpdump/json6.rs"]
#[allow(dead_code)]
mod json6;
#[path = "../examples/icmpdump/json6_registry.rs"]
#[allow(dead_code)]
mod json6_registry;
#[path = "../examples/icmpdump/link.rs"]
#[allow(dead_code)]
mod link;
#[path = "../examples/icmpdump/show.rs"]
#[allow(dead_code)]
mod show;
#[path = "../examples/icmpdump/verbose.rs"]
#[allow(dead_code)]
mod verbose;

/// icmpdump -v's lines for each frame of `capture`, decoded one frame at a time (a later
/// fragment shows nothing, a first fragment what it holds, as tcpdump does).
fn ours(capture: &str) -> Vec<Option<String>> {
    let data = std::fs::read(format!(
        "{}/tests/data/{capture}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut reader = pcap::Reader::new(&data[..]).unwrap();
    let mut out = Vec::new();
    let mut n = 0;
    while let pcap::Next::Record(r) = reader.next().unwrap() {
        n += 1;
        let mut decoder = capture::Decoder::default();
        let mut shown = decoder.frame(n, r.time, r.link, &r.data, r.orig_len);
        shown.extend(decoder.finish());
        out.push(shown.first().map(verbose::packet_verbose));
    }
    out
}

#[test]
fn ipv4_header_and_quote_lines_are_tcpdumps() {
    let theirs = tcpdump_frames(include_str!("data/kernel.tcpdump-v.txt"));
    let ours = ours("kernel.pcap");
    assert_eq!((ours.len(), theirs.len()), (167, 167));
    let (mut headers, mut quotes, mut after_quote, mut tcp, mut udp_app) = (0, 0, 0, 0, 0);
    for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        let Some(o) = o else { continue };
        let o: Vec<&str> = o.lines().collect();
        let at = format!("frame {}", i + 1);
        assert_eq!(o[0], t[0], "{at}: IPv4 header");
        headers += 1;
        // The quoted datagram: its header line and the one after it. icmpdump adds RFC 4884
        // extension objects on lines of their own (tcpdump 4.99.3 shows them for some types
        // only, none in this capture).
        let quote = |lines: &[&str]| -> Vec<String> {
            let at = lines.iter().position(|l| l.starts_with("\tIP ("));
            at.map_or(Vec::new(), |k| {
                lines[k..(k + 2).min(lines.len())]
                    .iter()
                    .map(|l| l.to_string())
                    .collect()
            })
        };
        let their_quote = quote(t);
        let our_quote = quote(&o);
        assert_eq!(our_quote.len(), their_quote.len(), "{at}: {o:?} / {t:?}");
        assert!(
            o.iter().skip(2).all(|l| our_quote.contains(&l.to_string())
                || l.starts_with("\tICMP Multi-Part extension")
                || l.starts_with("\t  class ")),
            "{at}: {o:?}"
        );
        if let (Some(oq), Some(tq)) = (our_quote.first(), their_quote.first()) {
            assert_eq!(oq, tq, "{at}: quoted IPv4 header");
            quotes += 1;
            if tq.contains("proto TCP (6)") || tq.contains("proto Ethernet (143)") {
                // tcpdump decodes a quoted TCP header (flags, sequence number, window) and
                // says an Ethernet payload needs IPv6; icmpdump names the protocol only.
                assert!(
                    our_quote[1].ends_with(": TCP (6)")
                        || our_quote[1].ends_with(": Ethernet (143)"),
                    "{at}: {}",
                    our_quote[1]
                );
                tcp += 1;
            } else if tq.contains("proto UDP (17)") && !their_quote[1].contains(": UDP, length") {
                // tcpdump decodes the application protocol of a well-known port (DNS, AFS rx);
                // icmpdump gives the ports and the UDP length.
                let ports = |l: &str| l.split_once(": ").unwrap().0.to_string();
                assert_eq!(ports(&our_quote[1]), ports(&their_quote[1]), "{at}");
                udp_app += 1;
            } else {
                assert_eq!(
                    our_quote[1], their_quote[1],
                    "{at}: after the quoted header"
                );
                after_quote += 1;
            }
        }
    }
    // Counted in tcpdump's output: 166 frames with a message (the later fragment of a
    // fragmented one has none), 70 quoted IPv4 headers: 6 TCP and 1 Ethernet, 7 UDP to ports
    // tcpdump decodes (DNS, AFS rx), 56 followed by a line both write alike (38 UDP, 18 ICMP
    // or unknown protocols).
    assert_eq!(
        (headers, quotes, after_quote, tcp, udp_app),
        (166, 70, 56, 7, 7)
    );
}

/// The options no capture here carries (tests/data/ipv4_options.py writes them): every line is
/// tcpdump's, router alert values, short and long router alerts, a type byte whose length
/// tcpdump takes from the byte after the options (in the packet, and in a quote) or, when it may
/// read none, where it stops printing the packet, the odd lengths and flags, and quotes whose
/// total length ends before the header's end or inside the UDP header.
#[test]
fn crafted_ipv4_options_are_tcpdumps() {
    let theirs = tcpdump_frames(include_str!("data/ipv4_options.tcpdump-v.txt"));
    let ours = ours("ipv4_options.pcap");
    assert_eq!((ours.len(), theirs.len()), (24, 24));
    for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        let o: Vec<&str> = o.as_ref().unwrap().lines().collect();
        assert_eq!(o.len(), t.len(), "frame {}", i + 1);
        // Every line but an error's message line (frames 19, 20, 23 and 24), which is
        // icmpwire's `Display` (see above): the echo requests' are tcpdump's too.
        for (k, (o, t)) in o.iter().zip(t).enumerate() {
            if ![18, 19, 22, 23].contains(&i) || k != 1 {
                assert_eq!(o, t, "frame {}, line {}", i + 1, k + 1);
            }
        }
    }
    // The golden holds the cases icmpdump showed otherwise before (value, short length, the
    // length read past the options, a long router alert, the packet cut where the length byte
    // would be: in a quote whose total length ends there, a capture cut there, a header whose
    // total length ends there; nothing of the packet follows).
    let options = |frame: usize| theirs[frame - 1][0].split_once("options (").unwrap().1;
    assert_eq!(options(2), "RA value 5))");
    assert_eq!(options(4), "RA [bad length 3],NOP))");
    assert_eq!(options(6), "NOP,NOP,NOP,RA [bad length 8]))");
    assert_eq!(options(17), "RA value 9))");
    assert!(theirs[18][2].ends_with("options (NOP,NOP,NOP,RA [bad length 156]))"));
    assert_eq!(theirs[19].len(), 3);
    assert!(theirs[19][2].ends_with("options (NOP,NOP,NOP,RA [|ip]"));
    for frame in [21, 22] {
        assert_eq!(theirs[frame - 1].len(), 1);
        assert_eq!(options(frame), "NOP,NOP,NOP,RA [|ip]");
    }
    // A quoted total length shorter than the header stops the packet; one that ends inside the
    // UDP header leaves the ports unread.
    assert_eq!(theirs[22][2], "\tIP bad-len 22");
    assert_eq!(theirs[23][3], "    192.0.2.1 > 198.51.100.7:  [|udp]");
}

#[test]
fn ipv6_header_checksum_and_option_lines_are_tcpdumps() {
    let theirs = tcpdump_frames(include_str!("data/kernel6.tcpdump-v.txt"));
    let ours = ours("kernel6.pcap");
    assert_eq!((ours.len(), theirs.len()), (339, 339));
    let (mut headers, mut sums, mut options, mut redirected) = (0, 0, 0, 0);
    for (i, (o, t)) in ours.iter().zip(&theirs).enumerate() {
        let Some(o) = o else { continue };
        let o: Vec<&str> = o.lines().collect();
        let at = format!("frame {}", i + 1);
        let header = |l: &str| l.split_once(") ").unwrap().0.to_string();
        assert_eq!(header(o[0]), header(t[0]), "{at}: IPv6 header");
        headers += 1;
        assert_eq!(
            o[0].contains("[icmp6 sum ok]"),
            t[0].contains("[icmp6 sum ok]"),
            "{at}: {} / {}",
            o[0],
            t[0]
        );
        sums += usize::from(t[0].contains("[icmp6 sum ok]"));
        // Option lines, each with the hex dump that may follow it. tcpdump's dump of a
        // redirected header starts 16 bytes before the packet (at the options' start);
        // icmpdump dumps the packet.
        let option_lines = |lines: &[&str], skip_dumps: bool| -> Vec<String> {
            let mut out = Vec::new();
            let mut inside: Option<bool> = None;
            for l in lines {
                if l.starts_with("\t  ") && l.contains(" option (") {
                    inside = Some(l.contains("redirected header"));
                    out.push(l.to_string());
                } else if let Some(redirected) = inside
                    && l.starts_with("\t  ")
                    && l.trim_start().starts_with("0x")
                {
                    if !(redirected && skip_dumps) {
                        out.push(l.to_string());
                    }
                } else {
                    inside = None;
                }
            }
            out
        };
        let theirs = option_lines(t, true);
        let mine = option_lines(&o, true);
        assert_eq!(mine, theirs, "{at}: option lines");
        options += theirs.iter().filter(|l| l.contains(" option (")).count();
        redirected += theirs
            .iter()
            .filter(|l| l.contains("redirected header"))
            .count();
    }
    // Counted in tcpdump's output: 328 frames with a message (11 later fragments have none),
    // 318 "[icmp6 sum ok]", 83 option lines, 4 of them redirected headers.
    assert_eq!((headers, sums, options, redirected), (328, 318, 83, 4));
}

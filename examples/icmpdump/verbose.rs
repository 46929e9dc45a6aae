//! `-v`: the layout of `tcpdump -v`. For ICMP, the IPv4 header on a line of its own, then the
//! message; for an error, the quoted IP header and what follows it on lines of their own, and
//! each RFC 4884 extension object. For ICMPv6, the IPv6 header before the addresses, the
//! checksum verdict, the message, then each Neighbor Discovery option on a line of its own.
//!
//! The header, quote and option lines are written as tcpdump 4.99 writes them
//! (`tests/verbose.rs` compares them with its output on the kernel captures and on crafted IPv4
//! options). The message line is icmpwire's own (`Display`), as on the one-line form.

use std::fmt::Write as _;

use icmpwire::v4::{Ipv4Option, Ipv4OptionType, Ipv4Options, TimestampOption};
use icmpwire::v6::{Message as Message6, NdOptionRepr};
use icmpwire::{AnyMessage, ParseError};

use crate::capture::{Ip, Packet};
use crate::show;

fn be16(b: &[u8], at: usize) -> u16 {
    u16::from_be_bytes([b[at], b[at + 1]])
}

/// tcpdump's names of IP protocols (its `ipproto_values`).
fn proto_name(p: u8) -> &'static str {
    match p {
        0 => "Options",
        1 => "ICMP",
        2 => "IGMP",
        4 => "IPIP",
        6 => "TCP",
        8 => "EGP",
        9 => "IGRP",
        17 => "UDP",
        33 => "DCCP",
        41 => "IPv6",
        43 => "Routing",
        44 => "Fragment",
        46 => "RSVP",
        47 => "GRE",
        50 => "ESP",
        51 => "AH",
        55 => "Mobile IP",
        58 => "ICMPv6",
        62 => "Mobile IP (old)",
        88 => "EIGRP",
        89 => "OSPF",
        103 => "PIM",
        108 => "Compressed IP",
        112 => "VRRP",
        113 => "PGM",
        132 => "SCTP",
        135 => "Mobility",
        143 => "Ethernet",
        _ => "unknown",
    }
}

/// The one's complement sum check of an IPv4 header: `None` when it verifies, else the value
/// found and the one it should be.
fn bad_header_checksum(h: &[u8]) -> Option<(u16, u16)> {
    if icmpwire::checksum::verify(h) {
        return None;
    }
    let found = be16(h, 10);
    let mut copy = h.to_vec();
    copy[10] = 0;
    copy[11] = 0;
    Some((found, icmpwire::checksum::internet_checksum(&copy)))
}

/// `IP (tos 0x0, ttl 64, id 45145, offset 0, flags [DF], proto ICMP (1), length 84)` for the
/// IPv4 header `h` (its options included); `None` when it is shorter than 20 bytes. `next`: the
/// packet's byte after the header, for an `h` that holds no byte after it (the outer header,
/// kept as exactly its IHL's bytes); the options' display can read it. `Err`: the line cut
/// where tcpdump stops printing the packet (an option's length byte past what it may read,
/// ` [|ip]`), after which nothing more of the packet is shown.
pub(crate) fn ipv4_header(h: &[u8], next: Option<u8>) -> Option<Result<String, String>> {
    if h.len() < 20 {
        return None;
    }
    let ihl = usize::from(h[0] & 0x0F) * 4;
    let tos = h[1];
    let mut s = format!("IP (tos 0x{tos:x}");
    match tos & 3 {
        1 => s.push_str(",ECT(1)"),
        2 => s.push_str(",ECT(0)"),
        3 => s.push_str(",CE"),
        _ => {}
    }
    if h[8] >= 1 {
        let _ = write!(s, ", ttl {}", h[8]);
    }
    let frag = be16(h, 6);
    let flags: Vec<&str> = [(0x2000, "+"), (0x4000, "DF"), (0x8000, "rsvd")]
        .iter()
        .filter(|(bit, _)| frag & bit != 0)
        .map(|(_, name)| *name)
        .collect();
    let _ = write!(
        s,
        ", id {}, offset {}, flags [{}], proto {} ({}), length {}",
        be16(h, 4),
        u32::from(frag & 0x1FFF) * 8,
        if flags.is_empty() {
            "none".to_string()
        } else {
            flags.join(", ")
        },
        proto_name(h[9]),
        h[9],
        be16(h, 2)
    );
    if ihl > 20 {
        // A quote's byte after the header, if its total length covers it (tcpdump reads no
        // further than that length).
        let after = h
            .get(ihl)
            .copied()
            .filter(|_| usize::from(be16(h, 2)) > ihl)
            .or(next);
        match ip_options(h.get(20..ihl.min(h.len()))?, after) {
            Ok(options) => {
                let _ = write!(s, ", options ({options})");
            }
            Err(cut) => {
                let _ = write!(s, ", options ({cut}");
                return Some(Err(s));
            }
        }
    }
    if ihl >= 20
        && h.len() >= ihl
        && let Some((found, should)) = bad_header_checksum(&h[..ihl])
    {
        let _ = write!(s, ", bad cksum {found:x} (->{should:x})!");
    }
    s.push(')');
    Some(Ok(s))
}

/// IPv4 options as tcpdump writes them: `NOP,RR 192.0.2.10, 0.0.0.0 0.0.0.0`. `after`: the
/// byte that follows the options in the packet, which tcpdump reads as the length of an option
/// whose type byte is the options' last; when there is none, tcpdump's truncation mark
/// (`RA [|ip]`) ends the text, as `Err`.
fn ip_options(b: &[u8], after: Option<u8>) -> Result<String, String> {
    let mut s = String::new();
    for (i, option) in Ipv4Options::new(b, 0).enumerate() {
        if i > 0 {
            s.push(',');
        }
        let option = match option {
            Ok(option) => option,
            Err(e) => {
                // `cut`: a type byte with no length byte after it that tcpdump may read: it
                // marks the packet cut and prints nothing more of it.
                let (at, length, cut) = match e {
                    ParseError::Ipv4OptionLength { offset, length } => {
                        (offset, Some(length), false)
                    }
                    // A type byte with no length byte after it: tcpdump reads on into the
                    // packet and shows the next byte as the length.
                    ParseError::Ipv4OptionTruncated {
                        offset,
                        required: 2,
                        ..
                    } => (offset, after, after.is_none()),
                    ParseError::Ipv4OptionTruncated {
                        offset, required, ..
                    } => (offset, u8::try_from(required).ok(), false),
                    _ => (0, None, false),
                };
                option_name(&mut s, Ipv4OptionType(b.get(at).copied().unwrap_or(0)));
                if cut {
                    s.push_str(" [|ip]");
                    return Err(s);
                }
                match length {
                    Some(len) => {
                        let _ = write!(s, " [bad length {len}]");
                    }
                    None => s.push_str(" [bad length]"),
                }
                return Ok(s);
            }
        };
        option_name(&mut s, option.kind());
        match option.kind() {
            Ipv4OptionType::RECORD_ROUTE
            | Ipv4OptionType::LOOSE_SOURCE_ROUTE
            | Ipv4OptionType::STRICT_SOURCE_ROUTE => route(&mut s, &option),
            Ipv4OptionType::TIMESTAMP => timestamps(&mut s, &option),
            Ipv4OptionType::ROUTER_ALERT => router_alert(&mut s, &option),
            _ => {}
        }
    }
    Ok(s)
}

/// An option's name as tcpdump writes it: the nine it names, `unknown N` for any other.
fn option_name(s: &mut String, kind: Ipv4OptionType) {
    match kind {
        Ipv4OptionType::END
        | Ipv4OptionType::NOP
        | Ipv4OptionType::RECORD_ROUTE
        | Ipv4OptionType::TIMESTAMP
        | Ipv4OptionType::SECURITY
        | Ipv4OptionType::LOOSE_SOURCE_ROUTE
        | Ipv4OptionType::STRICT_SOURCE_ROUTE
        | Ipv4OptionType::ROUTER_ALERT
        | Ipv4OptionType::TRACEROUTE => {
            let _ = write!(s, "{kind}");
        }
        _ => {
            let _ = write!(s, "unknown {}", kind.0);
        }
    }
}

/// A router alert (RFC 2113): its value when not 0 ("examine packet"), ` [bad length N]` below
/// the 4 bytes that hold one. tcpdump reads the value of a longer option from the same bytes.
fn router_alert(s: &mut String, o: &Ipv4Option<'_>) {
    let len = o.len();
    if len < 4 {
        let _ = write!(s, " [bad length {len}]");
        return;
    }
    // `Ipv4Option::router_alert` reads the 4-byte option RFC 2113 defines; tcpdump reads a
    // longer one's first two data bytes the same way.
    let value = o.data().first_chunk::<2>().map(|&v| u16::from_be_bytes(v));
    if let Some(v) = value.filter(|&v| v != 0) {
        let _ = write!(s, " value {v}");
    }
}

/// A record route or source route option's addresses, each followed by a comma when the
/// pointer has passed it.
fn route(s: &mut String, o: &Ipv4Option<'_>) {
    let len = o.len();
    let Some(r) = o.route() else {
        let _ = write!(s, " [bad length {len}]");
        return;
    };
    // Said, and the addresses listed all the same.
    if (len + 1) & 3 != 0 {
        let _ = write!(s, " [bad length {len}]");
    }
    let ptr = usize::from(r.pointer()).wrapping_sub(1);
    if ptr < 3 || ptr.wrapping_add(1) & 3 != 0 || ptr > len + 1 {
        let _ = write!(s, " [bad ptr {}]", r.pointer());
    }
    // The address at option byte 3 + 4i is passed when the pointer is beyond it.
    for (i, address) in r.addresses().enumerate() {
        let _ = write!(s, " {address}");
        if ptr > 3 + 4 * i {
            s.push(',');
        }
    }
}

/// A timestamp option (RFC 791): ` TS{TS+ADDR 60950454@192.0.2.10 ^ 0@0.0.0.0}`, the caret
/// where the pointer is.
fn timestamps(s: &mut String, o: &Ipv4Option<'_>) {
    let len = o.len();
    let Some(ts) = o.timestamp() else {
        let _ = write!(s, "[bad length {len}]");
        return;
    };
    s.push_str(" TS{");
    let hop = if ts.flag() == TimestampOption::TIMES_ONLY {
        4
    } else {
        8
    };
    if (len - 4) & (hop - 1) != 0 {
        let _ = write!(s, "[bad length {len}]");
    }
    let ptr = usize::from(ts.pointer()).wrapping_sub(1);
    if ptr < 4 || (ptr.wrapping_sub(4)) & (hop - 1) != 0 || ptr > len + 1 {
        let _ = write!(s, "[bad ptr {}]", ts.pointer());
    }
    // Entry i starts at option byte 4 + i * hop; the caret goes before the one the pointer
    // names, or after the last when it points just past them. A flag RFC 791 does not define
    // has no entries, and tcpdump reads on from past the option's end.
    let mut at = 4;
    match ts.flag() {
        TimestampOption::TIMES_ONLY => s.push_str("TSONLY"),
        TimestampOption::ADDRESSES_AND_TIMES => s.push_str("TS+ADDR"),
        TimestampOption::PRESPECIFIED => s.push_str("PRESPEC"),
        f => {
            let _ = write!(s, "[bad ts type {f}]");
            at = len + 1;
        }
    }
    for (address, time) in ts.entries() {
        let sep = if ptr == at { " ^ " } else { " " };
        let _ = write!(s, "{sep}{time}@");
        if let Some(address) = address {
            let _ = write!(s, "{address}");
        }
        at += hop;
    }
    if ptr == at {
        s.push_str(" ^ ");
    }
    if ts.overflow() != 0 {
        let _ = write!(s, " [{} hops not recorded]}} ", ts.overflow());
    } else {
        s.push('}');
    }
}

/// What follows a quoted IPv4 header, as tcpdump -v writes it after its header line: the
/// addresses and the UDP ports and length, or the quoted echo's words.
fn quoted_transport(q: &[u8]) -> Option<String> {
    if q.len() < 20 {
        return None;
    }
    let ihl = usize::from(q[0] & 0x0F) * 4;
    let (src, dst) = (
        std::net::Ipv4Addr::new(q[12], q[13], q[14], q[15]),
        std::net::Ipv4Addr::new(q[16], q[17], q[18], q[19]),
    );
    let body = q.get(ihl..)?;
    let total = usize::from(be16(q, 2));
    match q[9] {
        // tcpdump's mark of a header cut short.
        17 if body.len() < 8 => Some(format!("{src} > {dst}:  [|udp]")),
        17 => {
            let (sport, dport, ulen) = (be16(body, 0), be16(body, 2), be16(body, 4));
            Some(format!(
                "{src}.{sport} > {dst}.{dport}: UDP, length {}",
                ulen.saturating_sub(8)
            ))
        }
        1 if matches!(body.first(), Some(0 | 8)) && body.len() >= 8 => {
            let kind = if body[0] == 8 { "request" } else { "reply" };
            Some(format!(
                "{src} > {dst}: ICMP echo {kind}, id {}, seq {}, length {}",
                be16(body, 4),
                be16(body, 6),
                total.saturating_sub(ihl)
            ))
        }
        p if proto_name(p) == "unknown" => Some(format!(
            "{src} > {dst}:  ip-proto-{p} {}",
            total.saturating_sub(ihl)
        )),
        p => Some(format!("{src} > {dst}: {} ({p})", proto_name(p))),
    }
}

/// `IP6 (flowlabel 0x42057, hlim 64, next-header ICMPv6 (58) payload length: 64)`.
fn ipv6_header(h: &[u8]) -> Option<String> {
    let word = u32::from_be_bytes(h.get(..4)?.try_into().ok()?);
    let mut s = String::from("IP6 (");
    if word & 0x0FF0_0000 != 0 {
        let _ = write!(s, "class 0x{:02x}, ", (word & 0x0FF0_0000) >> 20);
    }
    if word & 0x000F_FFFF != 0 {
        let _ = write!(s, "flowlabel 0x{:05x}, ", word & 0x000F_FFFF);
    }
    let _ = write!(
        s,
        "hlim {}, next-header {} ({}) payload length: {})",
        h.get(7)?,
        proto_name(h[6]),
        h[6],
        be16(h, 4)
    );
    Some(s)
}

/// tcpdump's hex dump lines of `bytes`, each after `indent`.
fn hex_lines(out: &mut String, indent: &str, bytes: &[u8]) {
    for (i, row) in bytes.chunks(16).enumerate() {
        let _ = write!(out, "\n{indent}0x{:04x}: ", i * 16);
        for pair in row.chunks(2) {
            out.push(' ');
            for b in pair {
                let _ = write!(out, "{b:02x}");
            }
        }
    }
}

fn lifetime(v: u32) -> String {
    if v == u32::MAX {
        "infinity".into()
    } else {
        format!("{v}s")
    }
}

/// The Neighbor Discovery options of `msg`, one line each, as tcpdump -v writes them.
fn nd_options(out: &mut String, msg: &Message6<&[u8]>) {
    let options = match msg {
        Message6::RouterSolicitation(m) => m.options(),
        Message6::RouterAdvertisement(m) => m.options(),
        Message6::NeighborSolicitation(m) => m.options(),
        Message6::NeighborAdvertisement(m) => m.options(),
        Message6::Redirect(m) => m.options(),
        _ => return,
    };
    for option in options {
        let Ok(o) = option else {
            out.push_str("\n\t  [option list cut short or malformed]");
            return;
        };
        let kind = o.kind().0;
        let name = match kind {
            1 => "source link-address",
            2 => "destination link-address",
            3 => "prefix info",
            4 => "redirected header",
            5 => "mtu",
            7 => "advertisement interval",
            8 => "homeagent information",
            24 => "route info",
            25 => "rdnss",
            31 => "dnssl",
            _ => "unknown",
        };
        let _ = write!(
            out,
            "\n\t  {name} option ({kind}), length {} ({}): ",
            o.len(),
            o.length()
        );
        match o.value() {
            Ok(
                NdOptionRepr::SourceLinkLayerAddress(a) | NdOptionRepr::TargetLinkLayerAddress(a),
            ) => {
                let hex: Vec<String> = a.iter().map(|b| format!("{b:02x}")).collect();
                out.push_str(&hex.join(":"));
            }
            Ok(NdOptionRepr::PrefixInformation(p)) => {
                let flags: Vec<&str> = [
                    (p.on_link, "onlink"),
                    (p.autonomous, "auto"),
                    (p.router_address, "router"),
                ]
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, n)| *n)
                .collect();
                let _ = write!(
                    out,
                    "{}/{}, Flags [{}], valid time {}, pref. time {}",
                    p.prefix,
                    p.prefix_length,
                    if flags.is_empty() {
                        "none".to_string()
                    } else {
                        flags.join(", ")
                    },
                    lifetime(p.valid_lifetime),
                    lifetime(p.preferred_lifetime)
                );
            }
            Ok(NdOptionRepr::RedirectedHeader { packet, .. }) => hex_lines(out, "\t    ", packet),
            Ok(NdOptionRepr::Mtu { mtu, .. }) => {
                let _ = write!(out, " {mtu}");
            }
            Ok(NdOptionRepr::AdvertisementInterval { interval, .. }) => {
                let _ = write!(out, " {interval}ms");
            }
            Ok(NdOptionRepr::RouteInformation(r)) => {
                let pref = ["medium", "high", "rsv", "low"][usize::from(r.preference & 3)];
                let _ = write!(
                    out,
                    " {}/{}, pref={pref}, lifetime={}",
                    r.prefix,
                    r.prefix_length,
                    lifetime(r.lifetime)
                );
            }
            Ok(NdOptionRepr::Rdnss {
                lifetime: l,
                addresses,
                ..
            }) => {
                let _ = write!(out, " lifetime {},", lifetime(l));
                for a in addresses.iter() {
                    let _ = write!(out, " addr: {a}");
                }
            }
            Ok(NdOptionRepr::Dnssl {
                lifetime: l,
                domains,
                ..
            }) => {
                let _ = write!(out, " lifetime {}, domain(s):", lifetime(l));
                for d in domains.iter() {
                    let name = d.to_string();
                    let dot = if name.ends_with('.') { "" } else { "." };
                    let _ = write!(out, " {name}{dot}");
                }
            }
            _ => hex_lines(out, "\t  ", o.data()),
        }
    }
}

/// A message of a capture in tcpdump -v's layout (several lines, joined by newlines).
pub(crate) fn packet_verbose(p: &Packet) -> String {
    let mut out = String::new();
    match p.ip {
        Ip::V4(_) => {
            match ipv4_header(&p.header, p.icmp.first().copied()) {
                Some(Ok(h)) => {
                    out.push_str(&h);
                    out.push_str("\n    ");
                }
                Some(Err(cut)) => return cut,
                None => {}
            }
            out.push_str(&show::packet_line(p));
            let Ok(msg) = icmpwire::v4::Message::parse_unverified(&p.icmp[..]) else {
                return out;
            };
            if let Some(q) = msg.quote() {
                // tcpdump stops at a quoted total length shorter than the header, and reads no
                // byte past that length.
                let q = q.bytes();
                let total = q.get(2..4).map_or(0, |_| usize::from(be16(q, 2)));
                if q.len() >= 20 && total < usize::from(q[0] & 0x0F) * 4 {
                    let _ = write!(out, "\n\tIP bad-len {total}");
                    return out;
                }
                match ipv4_header(q, None) {
                    Some(Ok(h)) => {
                        let _ = write!(out, "\n\t{h}");
                        if let Some(t) = quoted_transport(q.get(..total).unwrap_or(q)) {
                            let _ = write!(out, "\n    {t}");
                        }
                    }
                    Some(Err(cut)) => {
                        let _ = write!(out, "\n\t{cut}");
                        return out;
                    }
                    None => {}
                }
            }
            extension_lines(&mut out, &msg);
        }
        Ip::V6(o) => {
            if let Some(h) = ipv6_header(&p.header) {
                out.push_str(&h);
                out.push(' ');
            }
            let line = show::packet_line(p);
            // tcpdump -v says when the checksum verifies, before the message.
            let ok =
                !p.unverifiable() && icmpwire::checksum::verify_icmpv6(o.src, o.final_dst, &p.icmp);
            match (ok, line.find(": ")) {
                (true, Some(at)) => {
                    let _ = write!(out, "{}[icmp6 sum ok] {}", &line[..at + 2], &line[at + 2..]);
                }
                _ => out.push_str(&line),
            }
            if let Ok(msg) = Message6::parse_unverified(&p.icmp[..]) {
                nd_options(&mut out, &msg);
                extension_lines(&mut out, &msg);
            }
        }
    }
    out
}

/// Each RFC 4884 extension object on a line of its own.
fn extension_lines(out: &mut String, msg: &impl AnyMessage) {
    let Some(ext) = msg.extensions() else {
        return;
    };
    let _ = write!(
        out,
        "\n\tICMP Multi-Part extension v{}, checksum 0x{:04x} ({}), length {}",
        ext.version(),
        ext.checksum(),
        if ext.checksum_valid() {
            "correct"
        } else {
            "incorrect"
        },
        ext.bytes().len()
    );
    for object in ext.objects() {
        match object {
            Ok(o) => {
                let _ = write!(
                    out,
                    "\n\t  class {}, c-type {}, length {}",
                    o.class_num(),
                    o.c_type(),
                    o.length()
                );
            }
            Err(e) => {
                let _ = write!(out, "\n\t  [{e}]");
                return;
            }
        }
    }
}

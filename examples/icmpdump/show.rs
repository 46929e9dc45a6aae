//! What icmpdump prints for a message: one line in the spirit of tcpdump, or one JSON object
//! with the keys of the team's oracles, and where the message was in the capture.

use std::fmt::Write as _;
use std::net::Ipv6Addr;

use icmpwire::AnyMessage;
use icmpwire::v4::Message;
use icmpwire::v6::Message as Message6;

use crate::capture::{Ip, Outer4, Outer6, Packet};
use crate::{json, json6, link};

/// A message of a capture as one JSON object: the message's keys, then where it was.
pub(crate) fn packet_json(p: &Packet) -> serde_json::Value {
    use serde_json::{Value, json};
    let (mut v, ip) = match &p.ip {
        Ip::V4(o) => (
            json::message_json(&p.icmp),
            json!({"src": o.src.to_string(), "dst": o.dst.to_string(), "ttl": o.ttl}),
        ),
        Ip::V6(o) => (
            json6::message6_json(&p.icmp, o.src, o.final_dst),
            json!({"src": o.src.to_string(), "dst": o.dst.to_string(), "final_dst": o.final_dst.to_string(), "hop_limit": o.hop_limit}),
        ),
    };
    if let Some(obj) = v.as_object_mut() {
        if p.unverifiable() || p.icmp.len() < 4 {
            // What the capture kept: the type and code present, the checksum not verifiable.
            let byte = |i: usize| p.icmp.get(i).map_or(Value::Null, |b| json!(b));
            obj.entry("type").or_insert_with(|| byte(0));
            obj.entry("code").or_insert_with(|| byte(1));
            obj.insert("checksum_valid".into(), Value::Null);
        }
        if p.is_cut() {
            obj.insert("length".into(), json!(p.length));
            obj.insert("captured_length".into(), json!(p.icmp.len()));
        } else if p.icmp.is_empty() {
            obj.insert("length".into(), json!(0));
            obj.insert("empty".into(), json!(empty_reason(p)));
        }
        obj.insert("frame".into(), json!(p.frame));
        obj.insert("time".into(), json!(p.time.to_string()));
        obj.insert(
            "encap".into(),
            Value::Array(p.hops.iter().map(link::Hop::json).collect()),
        );
        obj.insert("ip".into(), ip);
        if p.incomplete {
            obj.insert("incomplete_fragment".into(), Value::Bool(true));
        }
    }
    v
}

/// Who announced a message of no bytes.
fn empty_reason(p: &Packet) -> &'static str {
    match p.ip {
        Ip::V4(_) => "the IPv4 header's total length leaves no bytes for ICMP",
        Ip::V6(_) => "the IPv6 payload length leaves no bytes for ICMPv6",
    }
}

/// A message of a capture as one line: the tunnel it came through, if any, the addresses,
/// the message, and what the capture did not keep.
pub(crate) fn packet_line(p: &Packet) -> String {
    let mut s = String::new();
    if p.tunneled() {
        // The layers from the outermost IP header on (the link layer is not shown, as
        // tcpdump -n does not show it).
        let start = p
            .hops
            .iter()
            .position(|h| h.layer == "ipv4" || h.layer == "ipv6")
            .unwrap_or(0);
        let layers: Vec<String> = p.hops[start..].iter().map(link::Hop::text).collect();
        let _ = write!(s, "[{}] ", layers.join(", "));
    }
    let whole = !p.incomplete && !p.is_cut();
    if p.icmp.is_empty() {
        let (src, dst) = match p.ip {
            Ip::V4(o) => (o.src.to_string(), o.dst.to_string()),
            Ip::V6(o) => (o.src.to_string(), o.dst.to_string()),
        };
        let _ = write!(s, "{src} > {dst}: ");
        if p.is_cut() {
            let _ = write!(
                s,
                "ICMP, cut by the capture before its first byte ({} bytes announced)",
                p.length
            );
        } else {
            let _ = write!(s, "ICMP, no bytes ({})", empty_reason(p));
        }
        return s;
    }
    if p.icmp.len() < 8 && p.is_cut() {
        let (src, dst, name) = match p.ip {
            Ip::V4(o) => (o.src.to_string(), o.dst.to_string(), "ICMP"),
            Ip::V6(o) => (o.src.to_string(), o.dst.to_string(), "ICMP6"),
        };
        let _ = write!(s, "{src} > {dst}: {name} type {}", p.icmp[0]);
        if let Some(code) = p.icmp.get(1) {
            let _ = write!(s, " code {code}");
        }
    } else {
        s.push_str(&match p.ip {
            // The library's line notes a wrong checksum; over a cut message it cannot be known.
            Ip::V4(o) if p.unverifiable() => {
                let line = human(&p.icmp, Some(o));
                match line.find(" (wrong icmp cksum ") {
                    Some(at) => line[..at].to_string(),
                    None => line,
                }
            }
            Ip::V4(o) => human(&p.icmp, Some(o)),
            Ip::V6(o) => human6(&p.icmp, o.src, o.final_dst, Some(o), whole),
        });
    }
    if p.is_cut() {
        let _ = write!(
            s,
            " [cut by the capture: {} of {} bytes, checksum not verifiable]",
            p.icmp.len(),
            p.length
        );
    }
    if p.incomplete {
        s.push_str(" [first fragment only: the rest never arrived]");
    }
    s
}

/// One line in the spirit of `tcpdump -v`: the outer addresses, then the message as
/// icmpwire's `Display` writes it.
pub(crate) fn human(bytes: &[u8], outer: Option<Outer4>) -> String {
    let mut s = String::new();
    if let Some(o) = outer {
        let _ = write!(s, "{} > {}: ", o.src, o.dst);
    }
    match Message::parse_unverified(bytes) {
        Ok(msg) => {
            let _ = write!(s, "ICMP {msg}");
        }
        Err(e) => {
            let _ = write!(s, "ICMP malformed ({e}), length {}", bytes.len());
        }
    }
    s
}

/// One line as `tcpdump -n` writes ICMPv6: the outer addresses, `[bad icmp6 cksum ...]` (as
/// `tcpdump -v` does) when the checksum does not verify for `src` and `dst` (only for a `whole`
/// message: the first fragment of one cannot be checked), then the message as icmpwire's
/// `Display` writes it (`ICMP6, echo request, ...`).
pub(crate) fn human6(
    bytes: &[u8],
    src: Ipv6Addr,
    dst: Ipv6Addr,
    outer: Option<Outer6>,
    whole: bool,
) -> String {
    let mut s = String::new();
    if let Some(o) = outer {
        let _ = write!(s, "{} > {}: ", o.src, o.dst);
    }
    match Message6::parse_unverified(bytes) {
        Ok(msg) => {
            if whole && !msg.verify_checksum(src, dst) {
                let _ = write!(
                    s,
                    "[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!] ",
                    msg.checksum(),
                    msg.computed_checksum(src, dst)
                );
            }
            let _ = write!(s, "{msg}");
        }
        Err(e) => {
            let _ = write!(s, "ICMP6, malformed ({e}), length {}", bytes.len());
        }
    }
    s
}

//! From frames to ICMP and ICMPv6 messages: the IP layer (IPv4 and IPv6, the extension header
//! chain walked by icmpwire to the upper layer, fragments reassembled, tunnels followed through
//! `link.rs`), and the account of every frame that holds no message to show.
//!
//! The ICMPv6 checksum's destination is taken from a routing header when one still has
//! segments to visit. A message cut short by the capture keeps the length its IP header
//! announced, so that the dump can say it is cut rather than wrong.

use std::collections::{BTreeMap, HashMap};
use std::net::{Ipv4Addr, Ipv6Addr};

use icmpwire::{Quote, protocol};

use crate::link::{self, Hop, MAX_DEPTH};
use crate::pcap::Time;

/// The outer IPv4 header fields the dump shows.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outer4 {
    pub(crate) src: Ipv4Addr,
    pub(crate) dst: Ipv4Addr,
    pub(crate) ttl: u8,
}

/// The outer IPv6 header fields the dump shows, and the checksum's destination.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Outer6 {
    pub(crate) src: Ipv6Addr,
    pub(crate) dst: Ipv6Addr,
    /// The final destination (RFC 8200 section 8.1): `dst`, or the last address of a routing
    /// header with segments left.
    pub(crate) final_dst: Ipv6Addr,
    pub(crate) hop_limit: u8,
}

/// The IP header that carries a message.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Ip {
    V4(Outer4),
    V6(Outer6),
}

impl Ip {
    /// The layer as a hop, when the packet is a tunnel's outer packet.
    fn hop(&self) -> Hop {
        match self {
            Ip::V4(o) => Hop::new("ipv4")
                .with_text("src", o.src.to_string())
                .with_text("dst", o.dst.to_string()),
            Ip::V6(o) => Hop::new("ipv6")
                .with_text("src", o.src.to_string())
                .with_text("dst", o.dst.to_string()),
        }
    }
}

/// One ICMP or ICMPv6 message of a capture.
#[derive(Debug)]
pub(crate) struct Packet {
    /// The frame it came in (1-based; for a reassembled message, the frame of its last
    /// fragment, as tshark numbers it; for a first fragment alone, that fragment's).
    pub(crate) frame: u64,
    pub(crate) time: Time,
    pub(crate) ip: Ip,
    /// The message's bytes in the capture.
    pub(crate) icmp: Vec<u8>,
    /// The message's length as its IP header announced it: more than `icmp.len()` when the
    /// capture cut the packet short.
    pub(crate) length: usize,
    /// The layers it came through before its IP header: link layer, tags, tunnels with their
    /// outer IP headers.
    pub(crate) hops: Vec<Hop>,
    /// The carrying IP header: IPv4's with its options, IPv6's fixed 40 bytes.
    pub(crate) header: Vec<u8>,
    /// Only the first fragment of a message whose other fragments never came.
    pub(crate) incomplete: bool,
}

impl Packet {
    /// Whether the checksum cannot be checked: the capture cut the message, or only its first
    /// fragment came.
    pub(crate) fn unverifiable(&self) -> bool {
        self.is_cut() || self.incomplete
    }

    /// Whether the capture holds less of the message than its IP header announced.
    pub(crate) fn is_cut(&self) -> bool {
        self.icmp.len() < self.length
    }

    /// Whether it came through a tunnel (an IP header before the one that carries it).
    pub(crate) fn tunneled(&self) -> bool {
        self.hops
            .iter()
            .any(|h| h.layer == "ipv4" || h.layer == "ipv6")
    }
}

/// What became of a capture's frames.
#[derive(Clone, Debug, Default)]
pub(crate) struct Summary {
    pub(crate) frames: u64,
    /// Messages shown (a reassembled message counts once).
    pub(crate) messages: u64,
    /// Frames that were fragments of the messages shown.
    pub(crate) fragments: u64,
    /// Messages put together from fragments.
    pub(crate) reassembled: u64,
    /// Messages shown from their first fragment alone.
    pub(crate) incomplete: u64,
    /// Frames the capture cut short (its snapshot length).
    pub(crate) cut: u64,
    /// Frames that hold no message to show, by reason.
    pub(crate) skipped: BTreeMap<String, u64>,
}

impl Summary {
    /// `167 frames read, 166 ICMP messages printed (1 reassembled from 2 fragments, 1 from a first
    /// fragment only); skipped: none`.
    pub(crate) fn line(&self) -> String {
        let mut s = format!(
            "{} frames read, {} ICMP messages printed",
            self.frames, self.messages
        );
        if self.fragments > 0 {
            s.push_str(&format!(
                " ({} reassembled, {} from a first fragment only; {} frames were their fragments)",
                self.reassembled, self.incomplete, self.fragments
            ));
        }
        if self.cut > 0 {
            s.push_str(&format!("; {} frames cut by the snapshot length", self.cut));
        }
        s.push_str("; skipped: ");
        if self.skipped.is_empty() {
            s.push_str("none");
        } else {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect();
            s.push_str(&parts.join(", "));
        }
        s
    }

    /// Frames accounted for: each is a message of its own, a fragment or skipped.
    pub(crate) fn accounted(&self) -> u64 {
        self.messages - self.reassembled - self.incomplete
            + self.fragments
            + self.skipped.values().sum::<u64>()
    }
}

/// A datagram being reassembled.
#[derive(Hash, PartialEq, Eq, Clone, Copy)]
enum Key {
    /// Source, destination, identification, protocol.
    V4(Ipv4Addr, Ipv4Addr, u16, u8),
    /// Source, destination, identification.
    V6(Ipv6Addr, Ipv6Addr, u32),
}

/// The fragments of a datagram received so far.
struct Held {
    frame: u64,
    time: Time,
    hops: Vec<Hop>,
    header: Vec<u8>,
    outer: Ip,
    /// The protocol (IPv4) or the next header after the fragment header (IPv6).
    next: u8,
    /// Offset, bytes, more fragments.
    parts: Vec<(usize, Vec<u8>, bool)>,
}

/// How many datagrams are held for reassembly at most; the oldest is let go beyond it, so
/// that a capture of any size is read in bounded memory.
const MAX_HELD: usize = 1024;

/// The frame being read.
struct Ctx {
    frame: u64,
    time: Time,
    hops: Vec<Hop>,
    /// The IP header being read.
    header: Vec<u8>,
}

/// What a frame (or a layer of it) came to; `usize` counts the fragments it was made of.
enum Found {
    Message(Packet, usize),
    Held,
    Skip(String, usize),
}

/// The IP protocol numbers a skip reason names.
fn protocol_name(p: u8) -> &'static str {
    match p {
        1 => " (ICMP)",
        2 => " (IGMP)",
        6 => " (TCP)",
        17 => " (UDP)",
        50 => " (ESP)",
        51 => " (AH)",
        58 => " (ICMPv6)",
        59 => " (no next header)",
        89 => " (OSPF)",
        103 => " (PIM)",
        112 => " (VRRP)",
        132 => " (SCTP)",
        _ => "",
    }
}

/// Reads frames one by one into messages.
#[derive(Default)]
pub(crate) struct Decoder {
    held: HashMap<Key, Held>,
    pub(crate) summary: Summary,
}

impl Decoder {
    /// The messages frame `frame` completes (none, one, or the first fragments of datagrams
    /// given up on to keep memory bounded).
    pub(crate) fn frame(
        &mut self,
        frame: u64,
        time: Time,
        link: u32,
        data: &[u8],
        orig_len: usize,
    ) -> Vec<Packet> {
        self.summary.frames += 1;
        if orig_len > data.len() {
            self.summary.cut += 1;
        }
        let mut ctx = Ctx {
            frame,
            time,
            hops: Vec::new(),
            header: Vec::new(),
        };
        let found = match link::ip_in_frame(link, data, &mut ctx.hops) {
            Ok(ip) => self.ip(ip, &mut ctx, 0),
            Err(why) => Found::Skip(why, 0),
        };
        let mut out = Vec::new();
        out.extend(self.account(found));
        while self.held.len() > MAX_HELD {
            let oldest = self
                .held
                .iter()
                .min_by_key(|(_, h)| h.frame)
                .map(|(k, _)| *k);
            let Some(held) = oldest.and_then(|k| self.held.remove(&k)) else {
                break;
            };
            out.extend(self.release(held));
        }
        out
    }

    /// A frame the capture reader could not hand over, and why.
    pub(crate) fn skipped(&mut self, why: &str) {
        self.summary.frames += 1;
        *self.summary.skipped.entry(why.to_string()).or_default() += 1;
    }

    /// The first fragments of the messages whose other fragments never came, in frame order.
    pub(crate) fn finish(&mut self) -> Vec<Packet> {
        let mut held: Vec<Held> = self.held.drain().map(|(_, h)| h).collect();
        held.sort_by_key(|h| h.frame);
        held.into_iter().filter_map(|h| self.release(h)).collect()
    }

    /// Counts what a frame came to.
    fn account(&mut self, found: Found) -> Option<Packet> {
        match found {
            Found::Message(p, parts) => {
                self.summary.messages += 1;
                if parts > 0 {
                    self.summary.fragments += parts as u64;
                    self.summary.reassembled += 1;
                }
                Some(p)
            }
            Found::Held => None,
            Found::Skip(why, parts) => {
                *self.summary.skipped.entry(why).or_default() += parts.max(1) as u64;
                None
            }
        }
    }

    /// A datagram given up on: its first fragment shown if it starts a message.
    fn release(&mut self, h: Held) -> Option<Packet> {
        let n = h.parts.len();
        let Some((_, first, _)) = h.parts.iter().find(|(off, _, _)| *off == 0) else {
            let why = "fragments of a datagram whose first fragment never came".to_string();
            *self.summary.skipped.entry(why).or_default() += n as u64;
            return None;
        };
        let found = match h.outer {
            Ip::V4(_) => (h.next == protocol::ICMP).then(|| first.clone()),
            Ip::V6(_) => upper(h.next, first)
                .filter(|(p, _)| *p == protocol::ICMPV6)
                .map(|(_, b)| b),
        };
        let Some(icmp) = found else {
            let why = "fragments of an incomplete datagram without ICMP".to_string();
            *self.summary.skipped.entry(why).or_default() += n as u64;
            return None;
        };
        self.summary.messages += 1;
        self.summary.incomplete += 1;
        self.summary.fragments += n as u64;
        Some(Packet {
            frame: h.frame,
            time: h.time,
            ip: h.outer,
            length: icmp.len(),
            icmp,
            hops: h.hops,
            header: h.header,
            incomplete: true,
        })
    }

    fn ip(&mut self, ip: &[u8], ctx: &mut Ctx, depth: usize) -> Found {
        match ip.first().map(|b| b >> 4) {
            Some(4) => self.ipv4(ip, ctx, depth),
            Some(6) => self.ipv6(ip, ctx, depth),
            Some(v) => Found::Skip(format!("IP version {v} (not IPv4 or IPv6)"), 0),
            None => Found::Skip("IP packet of no bytes".into(), 0),
        }
    }

    /// Stores a fragment (`held` holds one part); once every fragment is there, the datagram's
    /// headers and its bytes, reassembled once.
    fn fragment(&mut self, key: Key, held: Held) -> Option<(Held, Vec<u8>)> {
        let Held {
            frame,
            time,
            hops,
            header,
            outer,
            next,
            parts,
        } = held;
        let entry = self.held.entry(key).or_insert_with(|| Held {
            frame,
            time,
            hops: hops.clone(),
            header: header.clone(),
            outer,
            next,
            parts: Vec::new(),
        });
        if parts.iter().any(|p| p.0 == 0) {
            // The first fragment's headers are the datagram's.
            (entry.frame, entry.time, entry.outer, entry.next) = (frame, time, outer, next);
            (entry.hops, entry.header) = (hops, header);
        }
        entry.parts.extend(parts);
        let whole = reassembled(&entry.parts)?;
        Some((self.held.remove(&key)?, whole))
    }

    fn ipv4(&mut self, ip: &[u8], ctx: &mut Ctx, depth: usize) -> Found {
        let Some(h) = ip.get(..20) else {
            return Found::Skip("IPv4 header cut short".into(), 0);
        };
        let ihl = usize::from(h[0] & 0x0F) * 4;
        if ihl < 20 {
            return Found::Skip(format!("IPv4 header length {ihl} below 20"), 0);
        }
        if ip.len() < ihl {
            return Found::Skip("IPv4 header cut short".into(), 0);
        }
        // A total length of 0 is what Linux captures of TCP segmentation offload carry: the
        // packet is what was captured.
        let total = match usize::from(u16::from_be_bytes([h[2], h[3]])) {
            0 => ip.len(),
            t => t,
        };
        if total < ihl {
            return Found::Skip(
                format!("IPv4 total length {total} below its header length {ihl}"),
                0,
            );
        }
        let body = &ip[ihl..total.min(ip.len()).max(ihl)];
        let outer = Outer4 {
            src: Ipv4Addr::new(h[12], h[13], h[14], h[15]),
            dst: Ipv4Addr::new(h[16], h[17], h[18], h[19]),
            ttl: h[8],
        };
        ctx.header = ip[..ihl].to_vec();
        let proto = h[9];
        let flags_off = u16::from_be_bytes([h[6], h[7]]);
        let (more, offset) = (flags_off & 0x2000 != 0, usize::from(flags_off & 0x1FFF) * 8);
        if !more && offset == 0 {
            return self.upper(proto, body, total - ihl, Ip::V4(outer), ctx, depth, 0);
        }
        let key = Key::V4(
            outer.src,
            outer.dst,
            u16::from_be_bytes([h[4], h[5]]),
            proto,
        );
        let held = Held {
            frame: ctx.frame,
            time: ctx.time,
            hops: ctx.hops.clone(),
            header: ctx.header.clone(),
            outer: Ip::V4(outer),
            next: proto,
            parts: vec![(offset, body.to_vec(), more)],
        };
        let Some((done, whole)) = self.fragment(key, held) else {
            return Found::Held;
        };
        // Shown at the frame that completed it (as tshark does), with the first fragment's
        // headers.
        let mut ctx = Ctx {
            frame: ctx.frame,
            time: ctx.time,
            hops: done.hops,
            header: done.header,
        };
        let n = done.parts.len();
        self.upper(proto, &whole, whole.len(), done.outer, &mut ctx, depth, n)
    }

    fn ipv6(&mut self, ip: &[u8], ctx: &mut Ctx, depth: usize) -> Found {
        if ip.len() < 40 {
            return Found::Skip("IPv6 header cut short".into(), 0);
        }
        let payload = usize::from(u16::from_be_bytes([ip[4], ip[5]]));
        // A payload length of 0 with bytes after the header: a jumbogram or a Linux capture of
        // segmentation offload; the packet is what was captured.
        let total = if payload == 0 && ip.len() > 40 {
            ip.len()
        } else {
            40 + payload
        };
        // Link-layer padding after the packet is not part of it.
        let ip = &ip[..total.min(ip.len())];
        let Ok(header) = Quote::new(ip).ipv6() else {
            return Found::Skip("IPv6 header unreadable".into(), 0);
        };
        ctx.header = ip[..40].to_vec();
        let mut outer = Outer6 {
            src: header.src(),
            dst: header.dst(),
            final_dst: header.dst(),
            hop_limit: header.hop_limit(),
        };
        let mut fragment = None;
        for h in header.extension_headers() {
            let Ok(h) = h else {
                return Found::Skip("IPv6 extension header cut short or malformed".into(), 0);
            };
            if let Some(dst) = h.final_destination() {
                outer.final_dst = dst;
            }
            if let Some(f) = h.fragment() {
                let data = ip.get(h.offset() + h.len()..).unwrap_or_default();
                fragment = Some((f, h.next_header(), data));
            }
        }
        let Some((f, next, data)) = fragment else {
            let Ok(up) = header.upper_layer() else {
                return Found::Skip("IPv6 extension header cut short or malformed".into(), 0);
            };
            let length = total.saturating_sub(up.offset);
            return self.upper(up.protocol, up.bytes, length, Ip::V6(outer), ctx, depth, 0);
        };
        let key = Key::V6(outer.src, outer.dst, f.identification);
        let held = Held {
            frame: ctx.frame,
            time: ctx.time,
            hops: ctx.hops.clone(),
            header: ctx.header.clone(),
            outer: Ip::V6(outer),
            next,
            parts: vec![(usize::from(f.offset) * 8, data.to_vec(), f.more_fragments)],
        };
        let Some((done, whole)) = self.fragment(key, held) else {
            return Found::Held;
        };
        let n = done.parts.len();
        let Some((proto, bytes)) = upper(done.next, &whole) else {
            return Found::Skip("reassembled IPv6 packet unreadable".into(), n);
        };
        let mut ctx = Ctx {
            frame: ctx.frame,
            time: ctx.time,
            hops: done.hops,
            header: done.header,
        };
        self.upper(proto, &bytes, bytes.len(), done.outer, &mut ctx, depth, n)
    }

    /// The upper layer of an IP packet: an ICMP message (of the packet's family), a tunnel
    /// followed to the packet inside, or a reason to skip.
    #[allow(clippy::too_many_arguments)]
    fn upper(
        &mut self,
        proto: u8,
        payload: &[u8],
        length: usize,
        outer: Ip,
        ctx: &mut Ctx,
        depth: usize,
        parts: usize,
    ) -> Found {
        let (icmp, family) = match outer {
            Ip::V4(_) => (protocol::ICMP, "IPv4 protocol"),
            Ip::V6(_) => (protocol::ICMPV6, "IPv6 next header"),
        };
        if proto == icmp {
            let packet = Packet {
                frame: ctx.frame,
                time: ctx.time,
                ip: outer,
                icmp: payload.to_vec(),
                length,
                hops: std::mem::take(&mut ctx.hops),
                header: std::mem::take(&mut ctx.header),
                incomplete: false,
            };
            return Found::Message(packet, parts);
        }
        if depth >= MAX_DEPTH {
            return Found::Skip("layers nested too deep".into(), parts);
        }
        let mut hops = ctx.hops.clone();
        hops.push(outer.hop());
        let inner = match link::tunnel(proto, payload, &mut hops, depth) {
            Ok(Some(inner)) => inner,
            Ok(None) => {
                return Found::Skip(
                    format!("{family} {proto}{} (no ICMP)", protocol_name(proto)),
                    parts,
                );
            }
            Err(why) => return Found::Skip(why, parts),
        };
        ctx.hops = hops;
        match self.ip(inner, ctx, depth + 1) {
            Found::Message(p, n) => Found::Message(p, n + parts),
            Found::Skip(why, n) => Found::Skip(why, n.max(parts)),
            Found::Held => {
                // The outer datagram's fragments made a fragment of an inner one.
                self.summary.fragments += parts.saturating_sub(1) as u64;
                Found::Held
            }
        }
    }
}

/// The fragments put together, once they tile 0..end with the last one saying "no more".
fn reassembled(parts: &[(usize, Vec<u8>, bool)]) -> Option<Vec<u8>> {
    let mut order: Vec<usize> = (0..parts.len()).collect();
    order.sort_by_key(|&i| parts[i].0);
    let mut next = 0;
    for (k, &i) in order.iter().enumerate() {
        let (off, bytes, more) = &parts[i];
        if *off != next {
            return None;
        }
        next += bytes.len();
        if !*more {
            return Some(
                order[..=k]
                    .iter()
                    .flat_map(|&i| parts[i].1.iter().copied())
                    .collect(),
            );
        }
    }
    None
}

/// The upper layer in the fragmentable part of an IPv6 packet (extension headers may still
/// come first), whose first next header is `next`: its protocol and bytes.
fn upper(next: u8, part: &[u8]) -> Option<(u8, Vec<u8>)> {
    // The chain walker reads from an IPv6 header: give it one.
    let mut packet = vec![0u8; 40];
    packet[0] = 0x60;
    packet[6] = next;
    packet.extend_from_slice(part);
    let up = Quote::new(&packet).ipv6().ok()?.upper_layer().ok()?;
    (!up.is_non_first_fragment()).then(|| (up.protocol, up.bytes.to_vec()))
}

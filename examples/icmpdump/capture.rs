//! Reading captures: pcap and pcapng frames, their link layers (Ethernet with 802.1Q tags, Linux
//! cooked SLL and SLL2, raw IP), and the ICMP and ICMPv6 messages inside: IPv4 and IPv6
//! fragments reassembled, the IPv6 extension header chain walked to the ICMPv6 header, the
//! checksum's destination taken from a routing header when one still has segments to visit.

use std::collections::HashMap;
use std::net::{Ipv4Addr, Ipv6Addr};

use icmpwire::{ExtensionHeader, Quote, protocol};
use pcap_file::DataLink;
use pcap_file::pcap::PcapReader;
use pcap_file::pcapng::{Block, PcapNgReader};

/// The outer IPv4 header fields the dump shows.
#[derive(Clone, Copy)]
pub(crate) struct Outer4 {
    pub(crate) src: Ipv4Addr,
    pub(crate) dst: Ipv4Addr,
    pub(crate) ttl: u8,
}

/// The outer IPv6 header fields the dump shows, and the checksum's destination.
#[derive(Clone, Copy)]
pub(crate) struct Outer6 {
    pub(crate) src: Ipv6Addr,
    pub(crate) dst: Ipv6Addr,
    /// The final destination (RFC 8200 section 8.1): `dst`, or the last address of a routing
    /// header with segments left.
    pub(crate) final_dst: Ipv6Addr,
    pub(crate) hop_limit: u8,
}

/// One ICMP or ICMPv6 message of a capture.
pub(crate) enum Packet {
    V4(Outer4, Vec<u8>),
    V6(Outer6, Vec<u8>),
}

/// A message and whether it is only the first fragment of one whose rest never came.
pub(crate) type Shown = (Packet, bool);

/// Fragments of one IPv4 datagram (src, dst, id, protocol), by offset.
type Fragments4 = HashMap<(Ipv4Addr, Ipv4Addr, u16, u8), (Outer4, Vec<(usize, Vec<u8>, bool)>)>;

/// Fragments of one IPv6 packet (src, dst, identification): the outer header, the next header
/// after the fragment header, and the fragmentable parts by offset.
type Fragments6 = HashMap<(Ipv6Addr, Ipv6Addr, u32), (Outer6, u8, Vec<(usize, Vec<u8>, bool)>)>;

/// Every frame of a pcap or pcapng file, with its link type.
pub(crate) fn frames(data: &[u8]) -> Result<Vec<(DataLink, Vec<u8>)>, String> {
    let mut frames: Vec<(DataLink, Vec<u8>)> = Vec::new();
    match data.get(..4) {
        Some([0x0a, 0x0d, 0x0d, 0x0a]) => {
            let mut r = PcapNgReader::new(data).map_err(|e| format!("not a pcapng file: {e}"))?;
            let mut links: Vec<DataLink> = Vec::new();
            while let Some(block) = r.next_block() {
                match block.map_err(|e| format!("bad pcapng block: {e}"))? {
                    Block::SectionHeader(_) => links.clear(),
                    Block::InterfaceDescription(idb) => links.push(idb.linktype),
                    Block::EnhancedPacket(p) => {
                        let link = links
                            .get(p.interface_id as usize)
                            .ok_or("packet on an undeclared interface")?;
                        frames.push((*link, p.data.into_owned()));
                    }
                    Block::SimplePacket(p) => {
                        let link = links.first().ok_or("packet before any interface")?;
                        frames.push((*link, p.data.into_owned()));
                    }
                    _ => {}
                }
            }
        }
        _ => {
            let mut r =
                PcapReader::new(data).map_err(|e| format!("not a pcap or pcapng file: {e}"))?;
            let link = r.header().datalink;
            while let Some(pkt) = r.next_packet() {
                let pkt = pkt.map_err(|e| format!("bad pcap record: {e}"))?;
                frames.push((link, pkt.data.into_owned()));
            }
        }
    }
    Ok(frames)
}

/// What became of a capture's frames besides the messages shown, so that the dump can say
/// what it skipped.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Summary {
    pub(crate) frames: usize,
    /// Frames of another link type, or not IPv4/IPv6.
    pub(crate) not_ip: usize,
    /// IP packets that carry no ICMP or ICMPv6 (or whose header or chain cannot be read).
    pub(crate) not_icmp: usize,
    /// Fragments (put together into `reassembled` messages, or left over).
    pub(crate) fragments: usize,
    pub(crate) reassembled: usize,
    /// Messages shown from their first fragment alone.
    pub(crate) incomplete: usize,
}

impl Summary {
    /// The line to print when frames were not one message each, `None` when every frame was.
    pub(crate) fn line(&self) -> Option<String> {
        if self.not_ip + self.not_icmp + self.fragments == 0 {
            return None;
        }
        Some(format!(
            "{} frames; {} were fragments: {} messages reassembled, {} shown from the first fragment only; skipped {} not IPv4 or IPv6, {} without ICMP or unreadable",
            self.frames,
            self.fragments,
            self.reassembled,
            self.incomplete,
            self.not_ip,
            self.not_icmp
        ))
    }
}

/// The ICMP and ICMPv6 messages of a capture, in order, reassembled; then the first fragments
/// of messages whose other fragments never came. And what became of the other frames.
pub(crate) fn messages(frames: &[(DataLink, Vec<u8>)]) -> (Vec<Shown>, Summary) {
    let mut out = Vec::new();
    let mut frag4: Fragments4 = HashMap::new();
    let mut frag6: Fragments6 = HashMap::new();
    let mut sum = Summary {
        frames: frames.len(),
        ..Summary::default()
    };
    for (link, frame) in frames {
        let stored = frag4.values().map(|e| e.1.len()).sum::<usize>()
            + frag6.values().map(|e| e.2.len()).sum::<usize>();
        let found = match ip_of(*link, frame) {
            Some((4, ip)) => icmp_of(ip, &mut frag4).map(|(o, m)| Packet::V4(o, m)),
            Some((6, ip)) => icmpv6_of(ip, &mut frag6).map(|(o, m)| Packet::V6(o, m)),
            _ => {
                sum.not_ip += 1;
                continue;
            }
        };
        let now = frag4.values().map(|e| e.1.len()).sum::<usize>()
            + frag6.values().map(|e| e.2.len()).sum::<usize>();
        // A fragment was stored (now > stored), or completed a message (now < stored + 1).
        let fragment = now > stored || (found.is_some() && now < stored);
        match (found, fragment) {
            (Some(p), true) => {
                sum.fragments += stored - now + 1;
                sum.reassembled += 1;
                out.push((p, false));
            }
            (Some(p), false) => out.push((p, false)),
            (None, true) => {}
            (None, false) => sum.not_icmp += 1,
        }
    }
    for (outer, parts) in frag4.into_values() {
        sum.fragments += parts.len();
        if let Some((_, first, _)) = parts.iter().find(|(off, _, _)| *off == 0) {
            out.push((Packet::V4(outer, first.clone()), true));
            sum.incomplete += 1;
        }
    }
    for (outer, next, parts) in frag6.into_values() {
        sum.fragments += parts.len();
        if let Some((_, first, _)) = parts.iter().find(|(off, _, _)| *off == 0)
            && let Some(icmp) = upper_icmpv6(next, first)
        {
            out.push((Packet::V6(outer, icmp), true));
            sum.incomplete += 1;
        }
    }
    (out, sum)
}

/// The IP packet inside a link-layer frame, with its version.
fn ip_of(link: DataLink, frame: &[u8]) -> Option<(u8, &[u8])> {
    let (ethertype, rest) = match link {
        DataLink::ETHERNET => {
            let mut et = u16::from_be_bytes([*frame.get(12)?, *frame.get(13)?]);
            let mut rest = frame.get(14..)?;
            while et == 0x8100 || et == 0x88a8 {
                et = u16::from_be_bytes([*rest.get(2)?, *rest.get(3)?]);
                rest = rest.get(4..)?;
            }
            (Some(et), rest)
        }
        DataLink::LINUX_SLL => (
            Some(u16::from_be_bytes([*frame.get(14)?, *frame.get(15)?])),
            frame.get(16..)?,
        ),
        DataLink::LINUX_SLL2 => (
            Some(u16::from_be_bytes([*frame.first()?, *frame.get(1)?])),
            frame.get(20..)?,
        ),
        DataLink::RAW | DataLink::IPV4 | DataLink::IPV6 => (None, frame),
        _ => return None,
    };
    let version = rest.first()? >> 4;
    match (ethertype, version) {
        (Some(0x0800) | None, 4) | (Some(0x86dd) | None, 6) => Some((version, rest)),
        _ => None,
    }
}

/// The ICMP message of an IPv4 packet (reassembled if fragmented), or `None` if it is not ICMP
/// or not complete yet.
fn icmp_of(ip: &[u8], fragments: &mut Fragments4) -> Option<(Outer4, Vec<u8>)> {
    let ihl = usize::from(ip.first()? & 0x0F) * 4;
    let total = usize::from(u16::from_be_bytes([*ip.get(2)?, *ip.get(3)?]));
    if *ip.get(9)? != protocol::ICMP || ihl < 20 {
        return None;
    }
    let body = ip.get(ihl..total.min(ip.len()).max(ihl))?;
    let outer = Outer4 {
        src: Ipv4Addr::new(ip[12], ip[13], ip[14], ip[15]),
        dst: Ipv4Addr::new(ip[16], ip[17], ip[18], ip[19]),
        ttl: ip[8],
    };
    let flags_off = u16::from_be_bytes([ip[6], ip[7]]);
    let (more, offset) = (flags_off & 0x2000 != 0, usize::from(flags_off & 0x1FFF) * 8);
    if !more && offset == 0 {
        return Some((outer, body.to_vec()));
    }
    let key = (
        outer.src,
        outer.dst,
        u16::from_be_bytes([ip[4], ip[5]]),
        ip[9],
    );
    let entry = fragments.entry(key).or_insert_with(|| (outer, Vec::new()));
    entry.1.push((offset, body.to_vec(), more));
    if offset == 0 {
        entry.0 = outer;
    }
    let whole = reassembled(&entry.1)?;
    let outer = entry.0;
    fragments.remove(&key);
    Some((outer, whole))
}

/// The fragments put together, once they tile 0..end with the last one saying "no more".
fn reassembled(parts: &[(usize, Vec<u8>, bool)]) -> Option<Vec<u8>> {
    let mut parts = parts.to_vec();
    parts.sort_by_key(|p| p.0);
    let mut next = 0;
    for (off, bytes, more) in &parts {
        if *off != next {
            return None;
        }
        next += bytes.len();
        if !*more {
            return Some(parts.iter().flat_map(|p| p.1.iter().copied()).collect());
        }
    }
    None
}

/// The ICMPv6 message of an IPv6 packet (reassembled if fragmented), or `None` if it is not
/// ICMPv6 or not complete yet.
fn icmpv6_of(ip: &[u8], fragments: &mut Fragments6) -> Option<(Outer6, Vec<u8>)> {
    let payload = usize::from(u16::from_be_bytes([*ip.get(4)?, *ip.get(5)?]));
    // Link-layer padding after the packet is not part of it.
    let ip = ip.get(..(40 + payload).min(ip.len()))?;
    let header = Quote::new(ip).ipv6().ok()?;
    let mut outer = Outer6 {
        src: header.src(),
        dst: header.dst(),
        final_dst: header.dst(),
        hop_limit: header.hop_limit(),
    };
    let mut fragment = None;
    for h in header.extension_headers() {
        let h = h.ok()?;
        if let Some(dst) = final_destination(&h) {
            outer.final_dst = dst;
        }
        if let Some(f) = h.fragment() {
            fragment = Some((f, h.next_header(), ip.get(h.offset() + h.len()..)?));
        }
    }
    let Some((f, next, data)) = fragment else {
        let up = header.upper_layer().ok()?;
        return (up.protocol == protocol::ICMPV6).then(|| (outer, up.bytes.to_vec()));
    };
    let key = (outer.src, outer.dst, f.identification);
    let entry = fragments
        .entry(key)
        .or_insert_with(|| (outer, next, Vec::new()));
    entry
        .2
        .push((usize::from(f.offset) * 8, data.to_vec(), f.more_fragments));
    if f.offset == 0 {
        (entry.0, entry.1) = (outer, next);
    }
    let whole = reassembled(&entry.2)?;
    let (outer, next, _) = fragments.remove(&key)?;
    Some((outer, upper_icmpv6(next, &whole)?))
}

/// The ICMPv6 message in the fragmentable part of a packet (extension headers may still come
/// first), whose first next header is `next`.
fn upper_icmpv6(next: u8, part: &[u8]) -> Option<Vec<u8>> {
    // The chain walker reads from an IPv6 header: give it one.
    let mut packet = vec![0u8; 40];
    packet[0] = 0x60;
    packet[6] = next;
    packet.extend_from_slice(part);
    let up = Quote::new(&packet).ipv6().ok()?.upper_layer().ok()?;
    (up.protocol == protocol::ICMPV6 && !up.is_non_first_fragment()).then(|| up.bytes.to_vec())
}

/// The final destination a routing header with segments left names (RFC 8200 section 8.1):
/// the last address of type 0 and 2 headers, segment list[0] of a segment routing header (type
/// 4, RFC 8754). Other types (RPL's compressed type 3) are left as they are.
fn final_destination(h: &ExtensionHeader<'_>) -> Option<Ipv6Addr> {
    let r = h.routing()?;
    if r.segments_left == 0 {
        return None;
    }
    let bytes = h.bytes();
    let at = match r.routing_type {
        0 | 2 => bytes.len().checked_sub(16)?,
        4 => 8,
        _ => return None,
    };
    let a: [u8; 16] = bytes.get(at..at + 16)?.try_into().ok()?;
    Some(Ipv6Addr::from(a))
}

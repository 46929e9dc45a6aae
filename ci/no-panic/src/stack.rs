//! The stack pieces: the error rules over any bytes taken as an IPv4 or IPv6 packet, a token
//! bucket and the per-destination table driven by times made from those bytes.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use icmpwire::extension::InterfaceIdentification;
use icmpwire::stack::{
    Answer, Arrival4, Arrival6, Flow, Host, IcmpPacket, InterfaceState, NoAnswer, NoError, PacketError,
    PerDestination, ProbeKey, Responder, TokenBucket, may_send_error_v4, may_send_error_v6, parse_packet,
    parse_packet_unverified,
};
use icmpwire::v4::ExtendedEchoReplyCode;
use icmpwire::{AnyMessage, QuoteLimit};
use no_panic::no_panic;

use super::mix;

fn reason(r: Result<(), NoError>) -> u64 {
    match r {
        Ok(()) => 0,
        Err(NoError::AboutAnError) => 1,
        Err(NoError::SourceNotAHost) => 2,
        Err(NoError::Unreadable) => 3,
        Err(_) => 4,
    }
}

#[no_panic]
pub(crate) fn stack_all(bytes: &[u8], seed: u32) -> u64 {
    let mut a4 = Arrival4::default();
    a4.link_broadcast = seed & 1 == 1;
    a4.directed_broadcast = Some(Ipv4Addr::from(seed));
    let mut a6 = Arrival6::default();
    a6.link_multicast = seed & 2 == 2;
    let mut acc = reason(may_send_error_v4(bytes, a4));
    acc = mix(acc, reason(may_send_error_v6(bytes, a6, (seed >> 8) as u8, (seed >> 16) as u8)));
    let mut bucket = TokenBucket::new(seed % 2000, seed >> 21);
    let mut table: PerDestination<4> = PerDestination::new(seed % 7, seed % 3);
    acc = mix(acc, u64::from(bucket.rate()) ^ u64::from(bucket.burst()) ^ table.len() as u64);
    acc = mix(acc, u64::from(table.is_empty()));
    for (i, b) in bytes.iter().enumerate() {
        let now = Duration::from_nanos(u64::from(seed).wrapping_add(i as u64 * 1_000_000 * u64::from(*b)));
        let dst = if b & 1 == 0 {
            IpAddr::V4(Ipv4Addr::new(192, 0, 2, *b))
        } else {
            IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, u16::from(*b)))
        };
        acc = mix(acc, u64::from(bucket.allow(now)) ^ u64::from(table.allow(dst, now)) ^ i as u64);
    }
    // A clock that goes back.
    acc = mix(acc, u64::from(bucket.allow(Duration::ZERO)));
    mix(acc, u64::from(table.allow(IpAddr::V4(Ipv4Addr::LOCALHOST), Duration::from_nanos(u64::MAX))))
}

fn packet_digest(r: Result<IcmpPacket<'_>, PacketError>) -> u64 {
    match r {
        Ok(IcmpPacket::V4 { ip, message }) => {
            u64::from(ip.ttl) ^ ip.header_len as u64 ^ u64::from(ip.header_checksum_valid) ^ u64::from(u32::from(ip.src)) ^ message.message_len() as u64
        }
        Ok(IcmpPacket::V6 { ip, message }) => {
            u64::from(ip.hop_limit) ^ ip.header_len as u64 ^ (u128::from(ip.final_dst) as u64) ^ u64::from(ip.flow_label) ^ message.message_len() as u64
        }
        Ok(_) => 1,
        Err(PacketError::Message(_)) => 2,
        Err(PacketError::ExtensionHeaders(_)) => 3,
        Err(_) => 4,
    }
}

/// The whole-packet entry points over `packet` as given, and over `message` behind an IPv4
/// and an IPv6 header made for it (in `scratch`).
#[no_panic]
pub(crate) fn packet_all(message: &[u8], src: Ipv6Addr, dst: Ipv6Addr, scratch: &mut [u8]) -> u64 {
    let mut acc = packet_digest(parse_packet(message)) ^ packet_digest(parse_packet_unverified(message));
    let len = message.len().min(scratch.len().saturating_sub(40)).min(60000);
    if let Some(out) = scratch.get_mut(..20 + len) {
        let mut head = [0x45u8, 0, 0, 0, 0, 1, 0, 0, 64, 1, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2];
        head[2..4].copy_from_slice(&((20 + len) as u16).to_be_bytes());
        if let (Some(h), Some(m)) = (out.get_mut(..20), message.get(..len)) {
            h.copy_from_slice(&head);
            if let Some(b) = out.get_mut(20..) {
                b.copy_from_slice(m);
            }
        }
        acc = mix(acc, packet_digest(parse_packet(out)) ^ packet_digest(parse_packet_unverified(out)));
    }
    if let Some(out) = scratch.get_mut(..40 + len) {
        let mut head = [0u8; 40];
        head[0] = 0x60;
        head[4..6].copy_from_slice(&(len as u16).to_be_bytes());
        head[6] = 58;
        head[7] = 255;
        head[8..24].copy_from_slice(&src.octets());
        head[24..40].copy_from_slice(&dst.octets());
        if let (Some(h), Some(m)) = (out.get_mut(..40), message.get(..len)) {
            h.copy_from_slice(&head);
            if let Some(b) = out.get_mut(40..) {
                b.copy_from_slice(m);
            }
        }
        acc = mix(acc, packet_digest(parse_packet(out)) ^ packet_digest(parse_packet_unverified(out)));
    }
    acc
}

/// A host that answers everything it can: every unicast address its own, requests to any IPv6
/// group answered from a link-local address and to any IPv4 group or broadcast from an address
/// of the feed, probing on, a clock, a MAC.
struct Full(u32);

impl Host for Full {
    fn is_local_v4(&self, _: Ipv4Addr) -> bool {
        true
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        !a.is_multicast()
    }
    fn group_source_v6(&self, _: Ipv6Addr) -> Option<Ipv6Addr> {
        Some(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, self.0 as u16))
    }
    fn is_directed_broadcast_v4(&self, a: Ipv4Addr) -> bool {
        a.octets()[3] == 255
    }
    fn specific_destination_v4(&self, _: Ipv4Addr) -> Option<Ipv4Addr> {
        Some(Ipv4Addr::from(self.0))
    }
    fn udp_port_open(&self, _: IpAddr, port: u16) -> bool {
        u32::from(port) == self.0 & 0xFFFF
    }
    fn timestamp(&self) -> Option<u32> {
        Some(self.0)
    }
    fn probe_enabled(&self) -> bool {
        true
    }
    fn interface(&self, which: InterfaceIdentification<'_>) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        match which {
            InterfaceIdentification::Index(i) if i == self.0 => Err(ExtendedEchoReplyCode::MULTIPLE_INTERFACES),
            _ => Ok(InterfaceState { active: true, ipv4: self.0 & 1 == 1, ipv6: true }),
        }
    }
    fn link_layer_address(&self) -> &[u8] {
        &[2, 0, 0, 0, 0, 1]
    }
    fn is_router(&self) -> bool {
        self.0 & 2 == 2
    }
    fn is_anycast_v6(&self, a: Ipv6Addr) -> bool {
        a.segments()[7] == 0
    }
}

/// A host that keeps every default.
struct Bare;

impl Host for Bare {
    fn is_local_v4(&self, _: Ipv4Addr) -> bool {
        true
    }
    fn is_local_v6(&self, _: Ipv6Addr) -> bool {
        true
    }
    fn udp_port_open(&self, _: IpAddr, _: u16) -> bool {
        false
    }
}

fn answer_digest(r: Result<Answer, NoAnswer>) -> u64 {
    match r {
        Ok(a) => a.len as u64 ^ (a.kind as u64) << 20,
        Err(NoAnswer::Packet(_)) => 1,
        Err(NoAnswer::RateLimited) => 2,
        Err(NoAnswer::Buffer(_)) => 3,
        Err(_) => 4,
    }
}

#[no_panic]
fn respond_full(r: &mut Responder<2>, host: &Full, p: &[u8], lb: bool, now: Duration, o: &mut [u8]) -> u64 {
    answer_digest(r.respond(host, p, lb, now, o))
}

#[no_panic]
fn respond_bare(r: &mut Responder<2>, p: &[u8], now: Duration, o: &mut [u8]) -> u64 {
    answer_digest(r.respond(&Bare, p, false, now, o))
}

#[no_panic]
fn in_place_full(r: &mut Responder<2>, host: &Full, p: &mut [u8], len: usize) -> u64 {
    answer_digest(r.respond_in_place(host, p, len))
}

#[no_panic]
fn in_place_bare(r: &mut Responder<2>, p: &mut [u8], len: usize) -> u64 {
    answer_digest(r.respond_in_place(&Bare, p, len))
}

/// The responder over `message` as a whole packet, and behind IPv4 and IPv6 headers of ICMP
/// and UDP made for it, into an answer buffer of a length the seed picks; then in place.
pub(crate) fn respond_all(message: &[u8], src: Ipv6Addr, dst: Ipv6Addr, seed: u32) -> u64 {
    let mut r: Responder<2> = Responder::new(TokenBucket::new(seed % 5, 2), PerDestination::new(3, 1));
    r.keep_echo_code = seed & 4 == 4;
    r.quote = match seed % 3 {
        0 => QuoteLimit::Rfc792,
        1 => QuoteLimit::Rfc1812,
        _ => QuoteLimit::DatagramSize(seed as usize),
    };
    let mut out = [0u8; 1500];
    let cut = (seed as usize) % 1501;
    let now = Duration::from_millis(u64::from(seed));
    let full = Full(seed);
    let mut acc = 0;
    if let Some(o) = out.get_mut(..cut) {
        acc = respond_full(&mut r, &full, message, seed & 8 == 8, now, o);
        acc = mix(acc, respond_bare(&mut r, message, now, o));
    }
    let mut packet = [0u8; 1600];
    let len = message.len().min(1500);
    for (version, protocol) in [(4u8, 1u8), (4, 17), (6, 58), (6, 17)] {
        let head = if version == 4 { 20 } else { 40 };
        if let Some(h) = packet.get_mut(..head) {
            h.fill(0);
        }
        let total = head + len;
        if version == 4 {
            let mut h = [0x45u8, 0, 0, 0, 0, 1, 0, 0, 64, protocol, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2];
            h[2..4].copy_from_slice(&(total as u16).to_be_bytes());
            let sum = icmpwire::checksum::internet_checksum(&h);
            h[10..12].copy_from_slice(&sum.to_be_bytes());
            if let Some(p) = packet.get_mut(..20) {
                p.copy_from_slice(&h);
            }
        } else {
            let mut h = [0u8; 40];
            h[0] = 0x60;
            h[4..6].copy_from_slice(&(len as u16).to_be_bytes());
            h[6] = protocol;
            h[7] = if seed & 16 == 16 { 255 } else { 64 };
            h[8..24].copy_from_slice(&src.octets());
            h[24..40].copy_from_slice(&dst.octets());
            if let Some(p) = packet.get_mut(..40) {
                p.copy_from_slice(&h);
            }
        }
        if let (Some(body), Some(m)) = (packet.get_mut(head..total), message.get(..len)) {
            body.copy_from_slice(m);
        }
        if let (Some(p), Some(o)) = (packet.get(..total), out.get_mut(..cut)) {
            acc = mix(acc, respond_full(&mut r, &full, p, seed & 8 == 8, now, o));
        }
        let mut copy = packet;
        acc = mix(acc, in_place_full(&mut r, &full, &mut copy, total));
        acc = mix(acc, in_place_bare(&mut r, &mut copy, seed as usize));
    }
    acc
}

/// The probe key of any bytes as a packet, and as a message between two addresses.
#[no_panic]
pub(crate) fn keys(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr, seed: u32) -> u64 {
    let digest = |k: Result<ProbeKey, icmpwire::ParseError>| match k {
        Ok(k) => {
            let flow = match k.flow {
                Flow::Ports { src, dst } => u64::from(src) << 16 | u64::from(dst),
                Flow::Echo { identifier, sequence } => u64::from(identifier) << 32 | u64::from(sequence),
                _ => 7,
            };
            flow ^ u64::from(k.protocol) ^ u64::from(k.src.is_ipv6()) ^ u64::from(k.dst.is_ipv4())
        }
        Err(_) => 1,
    };
    let mut acc = digest(ProbeKey::of_packet(bytes));
    let (a, b) = if seed & 1 == 1 {
        (IpAddr::V6(src), IpAddr::V6(dst))
    } else {
        (IpAddr::V4(Ipv4Addr::from(seed)), IpAddr::V4(Ipv4Addr::LOCALHOST))
    };
    let k = ProbeKey::of_message(a, b, (seed >> 8) as u8, bytes);
    acc = mix(acc, digest(k));
    acc = mix(acc, digest(k.map(|k| k.with_echo_identifier(seed as u16))));
    acc
}

//! The stack pieces: the error rules over any bytes taken as an IPv4 or IPv6 packet, a token
//! bucket and the per-destination table driven by times made from those bytes.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use icmpwire::AnyMessage;
use icmpwire::stack::{
    Arrival4, Arrival6, IcmpPacket, NoError, PacketError, PerDestination, TokenBucket,
    may_send_error_v4, may_send_error_v6, parse_packet, parse_packet_unverified,
};
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
    let mut now = Duration::from_nanos(u64::from(seed));
    for (i, b) in bytes.iter().enumerate() {
        now = Duration::from_nanos(u64::from(seed).wrapping_add(i as u64 * 1_000_000 * u64::from(*b)));
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

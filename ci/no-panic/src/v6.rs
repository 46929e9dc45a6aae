//! The ICMPv6 wrappers: parse entry points, every accessor of every view, the quoted packet's
//! extension header chain and upper layer, the checksum over the pseudo-header, setters and
//! emit. And RFC 1788's name iterator on the ICMPv4 side.

use std::net::Ipv6Addr;

use icmpwire::checksum::{Checksum, icmpv6_checksum, update_ipv6, verify_icmpv6};
use icmpwire::v6::*;
use icmpwire::{EchoRepr, Quote};
use no_panic::no_panic;

use super::{extensions_all, mix};

#[no_panic]
pub(crate) fn quote6_all(q: Quote<'_>) -> u64 {
    let mut acc = q.bytes().len() as u64;
    if let Ok(ip) = q.ipv6() {
        acc = mix(acc, u64::from(ip.version()) ^ u64::from(ip.traffic_class()) ^ u64::from(ip.flow_label()));
        acc = mix(acc, u64::from(ip.payload_length()) ^ u64::from(ip.next_header()) ^ u64::from(ip.hop_limit()));
        acc = mix(acc, (u128::from(ip.src()) ^ u128::from(ip.dst())) as u64);
        for h in ip.extension_headers() {
            let Ok(h) = h else {
                acc = mix(acc, 13);
                break;
            };
            acc = mix(acc, u64::from(h.kind()) ^ u64::from(h.next_header()) ^ h.len() as u64 ^ h.offset() as u64);
            acc = mix(acc, u64::from(h.length_field().unwrap_or(0)) ^ h.name().len() as u64 ^ h.bytes().len() as u64);
            acc = mix(acc, h.fragment().map_or(0, |f| u64::from(f.offset) ^ u64::from(f.identification)));
            acc = mix(acc, h.routing().map_or(0, |r| u64::from(r.routing_type) ^ u64::from(r.segments_left)));
            acc = mix(acc, h.final_destination().map_or(0, |a| u128::from(a) as u64));
        }
        acc = mix(acc, ip.upper_layer().map_or(1, |u| u64::from(u.protocol) ^ u.offset as u64 ^ u64::from(u.is_non_first_fragment())));
        acc = mix(acc, ip.ports().map_or(2, |(a, b)| u64::from(a) ^ u64::from(b)));
        acc = mix(acc, ip.udp().map_or(3, |u| u64::from(u.length.unwrap_or(0))));
        acc = mix(acc, ip.tcp().map_or(4, |t| u64::from(t.sequence.unwrap_or(0))));
        acc = mix(acc, ip.icmp().map_or(5, |i| u64::from(i.identifier.unwrap_or(0))));
    }
    acc
}

#[no_panic]
pub(crate) fn parse6_and_read(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let msg = match Message::parse(bytes, src, dst) {
        Ok(m) => m,
        Err(_) => match Message::parse_unverified(bytes) {
            Ok(m) => m,
            Err(_) => return 1,
        },
    };
    let mut acc = u64::from(msg.message_type().0) ^ u64::from(msg.code_u8()) ^ u64::from(msg.checksum());
    acc = mix(acc, u64::from(msg.verify_checksum(src, dst)) ^ u64::from(msg.computed_checksum(src, dst)));
    acc = mix(acc, msg.payload().len() as u64 ^ msg.payload_offset() as u64);
    acc = mix(acc, msg.quote().map_or(0, quote6_all) ^ msg.extensions().map_or(0, extensions_all));
    match &msg {
        Message::EchoRequest(m) | Message::EchoReply(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ m.data().len() as u64);
        }
        Message::DestinationUnreachable(m) => {
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.length_field()) ^ u64::from(m.unused()));
            acc = mix(acc, m.original_datagram().len() as u64 ^ m.after_datagram().len() as u64);
        }
        Message::TimeExceeded(m) => {
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.length_field()) ^ u64::from(m.unused()));
            acc = mix(acc, quote6_all(m.quote()) ^ m.extensions().map_or(0, extensions_all));
        }
        Message::PacketTooBig(m) => acc = mix(acc, u64::from(m.mtu()) ^ quote6_all(m.quote())),
        Message::ParameterProblem(m) => acc = mix(acc, u64::from(m.pointer()) ^ u64::from(m.code().0)),
        Message::ExtendedEchoRequest(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ u64::from(m.local()));
        }
        Message::ExtendedEchoReply(m) => {
            acc = mix(acc, u64::from(m.state()) ^ u64::from(m.active()) ^ u64::from(m.code().0));
        }
        Message::Other(m) => acc = mix(acc, m.body().len() as u64),
        _ => {}
    }
    acc
}

#[no_panic]
pub(crate) fn checksums6(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let mut c = Checksum::with_ipv6_pseudo_header(src, dst, bytes.len() as u32, 58);
    c.add_bytes(bytes);
    let sum = icmpv6_checksum(src, dst, bytes);
    u64::from(sum) ^ u64::from(verify_icmpv6(src, dst, bytes)) ^ u64::from(c.checksum()) ^ u64::from(update_ipv6(sum, src, dst))
}

#[no_panic]
pub(crate) fn mutate6(buf: &mut [u8]) -> u64 {
    match Message::parse_unverified(buf) {
        Ok(Message::EchoRequest(mut e)) => {
            e.set_sequence(3);
            e.make_reply();
            u64::from(e.checksum())
        }
        Ok(Message::PacketTooBig(mut m)) => {
            m.set_mtu(1280);
            u64::from(m.checksum())
        }
        Ok(Message::ParameterProblem(mut m)) => {
            m.set_pointer(40);
            u64::from(m.checksum())
        }
        Ok(Message::DestinationUnreachable(mut m)) => {
            m.set_length_field(16);
            m.set_unused(0);
            u64::from(m.checksum())
        }
        _ => 0,
    }
}

#[no_panic]
pub(crate) fn emit6(quote: &[u8], src: Ipv6Addr, dst: Ipv6Addr, out: &mut [u8]) -> u64 {
    let q = quote_packet(quote, &[]);
    let te = Repr::TimeExceeded(TimeExceededRepr { quote: q, ..TimeExceededRepr::default() });
    let a = te.emit(src, dst, out).map_or(1, |n| n as u64);
    let echo = Repr::EchoReply(EchoRepr { identifier: 1, sequence: 2, data: quote, code: 0 });
    a ^ echo.emit(src, dst, out).map_or(2, |n| n as u64)
}

#[no_panic]
pub(crate) fn domain_names(bytes: &[u8]) -> u64 {
    let Ok(reply) = icmpwire::v4::DomainNameReply::parse_unverified(bytes) else {
        return 0;
    };
    let mut acc = reply.ttl() as u64;
    for name in reply.names() {
        match name {
            Ok(n) => acc = mix(acc, n.len() as u64 ^ n.labels().fold(0, |a, l| a ^ l.len() as u64)),
            Err(_) => acc = mix(acc, 17),
        }
    }
    acc
}

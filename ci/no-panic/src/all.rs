//! The wrappers the review found missing: every setter of every view (both versions), every
//! `Repr` variant's emit (through a parsed message's description), the RFC 4884 object writers
//! (`extension::write` and the messages that carry objects), `update_u32`; and the `Display`
//! lines, run but outside the proof (see [`display`]).

use core::fmt::{self, Write as _};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use icmpwire::checksum::{Checksum, update_u32};
use icmpwire::extension::{self, InterfaceInformationRepr, InterfaceRole, MplsEntry, ObjectRepr};
use icmpwire::v4::{self, RouterEntry};
use icmpwire::v6;
use no_panic::no_panic;

/// A `fmt::Write` into a fixed array that drops what does not fit (no allocation, no panic).
struct Fixed {
    buf: [u8; 512],
    len: usize,
}

impl fmt::Write for Fixed {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for &b in s.as_bytes() {
            if let Some(slot) = self.buf.get_mut(self.len) {
                *slot = b;
                self.len = self.len.wrapping_add(1);
            }
        }
        Ok(())
    }
}

#[no_panic]
pub(crate) fn set_all_v4(buf: &mut [u8], v: u32) -> u64 {
    use v4::Message as M;
    let (hi, lo) = ((v >> 16) as u16, v as u16);
    let Ok(msg) = M::parse_unverified(buf) else {
        return 0;
    };
    match msg {
        M::EchoReply(mut m) | M::EchoRequest(mut m) | M::InformationRequest(mut m) | M::InformationReply(mut m) => {
            m.set_identifier(hi);
            m.set_sequence(lo);
            m.set_code_u8(v as u8);
            m.set_checksum(lo);
            u64::from(m.make_reply())
        }
        M::Timestamp(mut m) | M::TimestampReply(mut m) => {
            m.set_originate(v);
            m.set_receive(!v);
            m.set_transmit(v);
            u64::from(m.make_reply(v, !v))
        }
        M::AddressMaskRequest(mut m) | M::AddressMaskReply(mut m) => {
            m.set_mask(Ipv4Addr::from(v));
            u64::from(m.make_reply(Ipv4Addr::from(!v)))
        }
        M::DestinationUnreachable(mut m) => {
            m.set_next_hop_mtu(lo);
            m.set_length_field(v as u8);
            m.set_unused(hi as u8);
            u64::from(m.checksum())
        }
        M::TimeExceeded(mut m) => {
            m.set_length_field(v as u8);
            m.set_unused(v);
            u64::from(m.checksum())
        }
        M::ParameterProblem(mut m) => {
            m.set_pointer(v as u8);
            m.set_length_field(hi as u8);
            m.set_unused(lo);
            u64::from(m.checksum())
        }
        M::Redirect(mut m) => {
            m.set_gateway(Ipv4Addr::from(v));
            u64::from(m.checksum())
        }
        M::RouterAdvertisement(mut m) => {
            m.set_lifetime(lo);
            let e = RouterEntry { address: Ipv4Addr::from(v), preference: v as i32 };
            u64::from(m.set_entry(usize::from(hi), e)) ^ u64::from(m.set_entry(0, e))
        }
        M::RouterSolicitation(mut m) => {
            m.set_reserved(v);
            u64::from(m.checksum())
        }
        M::SourceQuench(mut m) => {
            m.set_unused(v);
            u64::from(m.checksum())
        }
        M::Photuris(mut m) => {
            m.set_reserved(lo);
            m.set_pointer(hi);
            u64::from(m.checksum())
        }
        M::Traceroute(mut m) => {
            m.set_identifier(lo);
            m.set_unused(hi);
            m.set_outbound_hop_count(lo);
            m.set_return_hop_count(hi);
            m.set_output_link_speed(v);
            m.set_output_link_mtu(!v);
            u64::from(m.checksum())
        }
        M::ExtendedEchoRequest(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(v as u8);
            m.set_flags(hi as u8);
            u64::from(m.checksum())
        }
        M::ExtendedEchoReply(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(v as u8);
            m.set_flags(hi as u8);
            u64::from(m.checksum())
        }
        M::DomainNameRequest(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(hi);
            u64::from(m.checksum())
        }
        M::DomainNameReply(mut m) => {
            m.set_ttl(v as i32);
            m.set_sequence(lo);
            u64::from(m.checksum())
        }
        M::Other(mut m) => {
            m.set_rest_of_header(v.to_be_bytes());
            m.set_message_type(v4::MessageType(hi as u8));
            u64::from(m.checksum())
        }
        _ => 1,
    }
}

#[no_panic]
pub(crate) fn set_all_v6(buf: &mut [u8], v: u32) -> u64 {
    use v6::Message as M;
    let (hi, lo) = ((v >> 16) as u16, v as u16);
    let Ok(msg) = M::parse_unverified(buf) else {
        return 0;
    };
    match msg {
        M::EchoRequest(mut m) | M::EchoReply(mut m) => {
            m.set_identifier(hi);
            m.set_sequence(lo);
            m.set_code_u8(v as u8);
            u64::from(m.make_reply())
        }
        M::DestinationUnreachable(mut m) => {
            m.set_length_field(v as u8);
            m.set_unused(v);
            u64::from(m.checksum())
        }
        M::TimeExceeded(mut m) => {
            m.set_length_field(v as u8);
            m.set_unused(v);
            u64::from(m.checksum())
        }
        M::PacketTooBig(mut m) => {
            m.set_mtu(v);
            u64::from(m.checksum())
        }
        M::ParameterProblem(mut m) => {
            m.set_pointer(v);
            u64::from(m.checksum())
        }
        M::ExtendedEchoRequest(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(v as u8);
            m.set_flags(hi as u8);
            u64::from(m.checksum())
        }
        M::ExtendedEchoReply(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(v as u8);
            m.set_flags(hi as u8);
            u64::from(m.checksum())
        }
        M::Other(mut m) => {
            m.set_message_type(v6::MessageType(hi as u8));
            m.set_code_u8(lo as u8);
            u64::from(m.checksum())
        }
        _ => 1,
    }
}

/// Every `Repr` variant of both versions, as the description of a parsed message.
#[no_panic]
pub(crate) fn reemit(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr, out: &mut [u8]) -> u64 {
    let a = v4::Message::parse_unverified(bytes).map_or(1, |m| m.to_repr().emit(out).map_or(2, |n| n as u64));
    let b = v6::Message::parse_unverified(bytes).map_or(3, |m| m.to_repr().emit(src, dst, out).map_or(4, |n| n as u64));
    a ^ b
}

/// The RFC 4884 object writers, alone and inside messages of both versions.
#[no_panic]
pub(crate) fn write_objects(bytes: &[u8], out: &mut [u8]) -> u64 {
    let word = |at: usize| bytes.get(at..at.wrapping_add(4)).map_or(0, |w| u32::from_be_bytes([w[0], w[1], w[2], w[3]]));
    let v = word(0);
    let labels = [MplsEntry { label: v >> 12, traffic_class: v as u8 & 7, bottom_of_stack: true, ttl: v as u8 }; 3];
    let name = bytes.get(..bytes.len().min(70)).unwrap_or(&[]);
    let info = InterfaceInformationRepr {
        role: InterfaceRole((v & 3) as u8),
        if_index: Some(v),
        address: Some(if v & 1 == 0 { IpAddr::V4(Ipv4Addr::from(v)) } else { IpAddr::V6(Ipv6Addr::from(u128::from(v))) }),
        name: Some(name),
        mtu: Some(word(4)),
    };
    let objects = [
        ObjectRepr::Mpls(labels.get(..(v as usize) % 4).unwrap_or(&[])),
        ObjectRepr::InterfaceInformation(info),
        ObjectRepr::InterfaceName(name),
        ObjectRepr::InterfaceIndex(v),
        ObjectRepr::InterfaceAddress(IpAddr::V6(Ipv6Addr::from(u128::from(v)))),
        ObjectRepr::Raw { class_num: v as u8, c_type: (v >> 8) as u8, data: bytes },
    ];
    let used = objects.get(..(v as usize >> 4) % 7).unwrap_or(&[]);
    let a = extension::write(used, out).map_or(1, |n| n as u64);
    let te = v4::Repr::TimeExceeded(v4::TimeExceededRepr { quote: bytes, extensions: used, ..Default::default() });
    let b = te.emit(out).map_or(2, |n| n as u64);
    let du = v4::Repr::DestinationUnreachable(v4::DestinationUnreachableRepr { quote: bytes, extensions: used, ..Default::default() });
    let c = du.emit(out).map_or(3, |n| n as u64);
    let pp = v4::Repr::ParameterProblem(v4::ParameterProblemRepr { quote: bytes, extensions: used, ..Default::default() });
    let d = pp.emit(out).map_or(4, |n| n as u64);
    let te6 = v6::Repr::TimeExceeded(v6::TimeExceededRepr { quote: bytes, extensions: used, ..Default::default() });
    let e = te6.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, out).map_or(5, |n| n as u64);
    a ^ b ^ c ^ d ^ e
}

#[no_panic]
pub(crate) fn checksums_more(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let v = Checksum::with_ipv6_pseudo_header(src, dst, bytes.len() as u32, 17).checksum();
    u64::from(update_u32(v, 0x0102_0304, u32::from(v))) ^ u64::from(v)
}

/// The tcpdump-style lines of both versions, into a fixed buffer: run over every corpus
/// message, but not under `#[no_panic]`. core's formatting machinery cannot be proven: even
/// `write!(w, "{}", n)` for an integer fails the link check (tried), since `core::fmt::write`
/// calls through `dyn Write` and its padding code keeps panic paths the optimiser cannot rule
/// out. Display is held by the fuzz targets (`parse` and `parse6` print every message) instead.
pub(crate) fn display(bytes: &[u8]) -> u64 {
    let mut w = Fixed { buf: [0; 512], len: 0 };
    if let Ok(m) = v4::Message::parse_unverified(bytes) {
        let _ = write!(w, "{m}");
    }
    if let Ok(m) = v6::Message::parse_unverified(bytes) {
        let _ = write!(w, "{m}");
    }
    w.len as u64
}

/// The public functions the other wrappers did not reach (found by `api_coverage.py`, which
/// lists every public function and inherent method from rustdoc's JSON).
#[no_panic]
pub(crate) fn rest_of_api(bytes: &[u8], buf: &mut [u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    use icmpwire::checksum::{implementation, ones_complement_sum};
    use icmpwire::extension::{Extensions, InterfaceAddress, MplsEntry, structure_len};
    use icmpwire::{Quote, QuoteLimit, quote_datagram};
    let first = bytes.first().copied().unwrap_or(0);
    let ty4 = v4::MessageType(first);
    let ty6 = v6::MessageType(first);
    let mut acc = u64::from(ty4.is_deprecated()) ^ u64::from(ty4.is_error()) ^ u64::from(ty6.is_informational());
    acc ^= ty4.range_name().map_or(0, str::len) as u64 ^ ty6.range_name().map_or(0, str::len) as u64;
    acc ^= v4::code_name(ty4, first).map_or(0, str::len) as u64 ^ v6::code_name(ty6, first).map_or(0, str::len) as u64;
    acc ^= u64::from(ones_complement_sum(bytes)) ^ implementation().len() as u64;
    let mut c = Checksum::new();
    c.add_bytes(bytes);
    acc ^= u64::from(c.is_valid());
    let word = bytes.first_chunk::<4>().copied().unwrap_or([0; 4]);
    acc ^= u64::from(MplsEntry::from_bytes(word).to_bytes()[0]);
    acc ^= u64::from(InterfaceAddress::Other { afi: first.into(), bytes }.afi());
    let objects = [ObjectRepr::InterfaceIndex(1), ObjectRepr::Raw { class_num: 1, c_type: 1, data: bytes }];
    acc ^= structure_len(&objects) as u64 ^ u64::from(objects[0].is_empty());
    acc ^= v4::agent_extensions_len(&[v4::AgentExtensionRepr::PrefixLengths(bytes)]) as u64;
    acc ^= quote_datagram(bytes, QuoteLimit::Rfc792).len() as u64;
    acc ^= Quote::new(bytes).ipv4().map_or(0, |ip| u64::from(ip.header_checksum_valid()));
    if let Ok(ext) = Extensions::parse(bytes) {
        for o in ext.objects().flatten() {
            acc ^= o.raw_data().len() as u64;
        }
    }
    acc ^= v4::Repr::EchoRequest(icmpwire::EchoRepr { data: bytes, ..Default::default() }).buffer_len() as u64;
    let n = buf.len().min(bytes.len());
    if let (Some(b), Some(s)) = (buf.get_mut(..n), bytes.get(..n)) {
        b.copy_from_slice(s);
        if let Ok(v4::Message::EchoRequest(mut e)) = v4::Message::parse_unverified(&mut *b) {
            acc ^= e.data_mut().len() as u64 ^ e.payload_mut().len() as u64 ^ e.message_len() as u64;
            e.update_checksum();
        }
        if let Ok(mut m) = v6::Raw::parse_unverified(&mut *b) {
            m.update_checksum(src, dst);
            acc ^= u64::from(m.checksum());
        }
    }
    acc
}

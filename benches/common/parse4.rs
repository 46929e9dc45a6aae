//! The ICMPv4 parse cases of `benches/messages.rs`: inputs, and one `#[inline(never)]` adapter
//! per implementation and case, all of the same shape (`fn(&[u8]) -> u64`), so that every
//! contestant is called the same way (through a function pointer the compiler cannot see
//! through) and none is specialised to the loop around it. An adapter returns what it read
//! folded into one word, or [`REFUSED`].
//!
//! Before timing, `cross_check` asserts that every adapter of a case returns the same word on
//! every input: they read the same fields.

use std::hint::black_box;
use std::net::Ipv4Addr;

use icmpwire::checksum::internet_checksum;
use icmpwire::v4::{Echo, Message, Repr, TimeExceededCode, TimeExceededRepr};
use icmpwire::{AnyMessage as _, QuoteLimit, quote_datagram};
use pnet_packet::Packet as _;

use crate::harness::{REFUSED, pack};

/// An adapter: parse `bytes`, read the case's fields, fold them into one word.
pub(crate) type Adapter = fn(&[u8]) -> u64;

#[inline(always)]
fn pack_quote(src: Ipv4Addr, dst: Ipv4Addr, sport: u16, dport: u16) -> u64 {
    (u64::from(u32::from(src)) << 32 | u64::from(u32::from(dst)))
        ^ (u64::from(sport) << 16 | u64::from(dport))
}

/// Fills in the RFC 1071 checksum of an ICMP message (its field zero on entry).
fn finish(mut b: Vec<u8>) -> Vec<u8> {
    let c = internet_checksum(&b);
    b[2..4].copy_from_slice(&c.to_be_bytes());
    b
}

/// An echo message of `len` bytes (8-byte header, then data), id 0x1234, sequence 7.
pub(crate) fn echo(ty: u8, len: usize) -> Vec<u8> {
    let mut b = vec![0u8; len];
    b[0] = ty;
    b[4..6].copy_from_slice(&0x1234u16.to_be_bytes());
    b[6..8].copy_from_slice(&7u16.to_be_bytes());
    for (i, x) in b[8..].iter_mut().enumerate() {
        *x = i as u8;
    }
    finish(b)
}

/// A UDP datagram 192.0.2.10:43001 -> 203.0.113.2:33434, TTL 1, `len` bytes, with `options`
/// words of IPv4 options (no-operations, then end of list).
pub(crate) fn datagram(len: usize, options: usize) -> Vec<u8> {
    let hl = 20 + 4 * options;
    let mut d = vec![0u8; len];
    d[0] = 0x40 | (hl / 4) as u8;
    d[2..4].copy_from_slice(&(len as u16).to_be_bytes());
    d[8] = 1;
    d[9] = 17;
    d[12..16].copy_from_slice(&[192, 0, 2, 10]);
    d[16..20].copy_from_slice(&[203, 0, 113, 2]);
    d[20..hl].fill(1);
    if options > 0 {
        d[hl - 1] = 0;
    }
    let c = internet_checksum(&d[..hl]);
    d[10..12].copy_from_slice(&c.to_be_bytes());
    d[hl..hl + 2].copy_from_slice(&43001u16.to_be_bytes());
    d[hl + 2..hl + 4].copy_from_slice(&33434u16.to_be_bytes());
    d[hl + 4..hl + 6].copy_from_slice(&((len - hl) as u16).to_be_bytes());
    d
}

/// A time exceeded (type 11) or port unreachable (type 3, code 3) quoting `quote`, with the
/// RFC 4884 length field `length` (32-bit words) and `ext` after the quote.
pub(crate) fn error(ty: u8, quote: &[u8], length: u8, ext: &[u8]) -> Vec<u8> {
    let mut b = vec![ty, if ty == 3 { 3 } else { 0 }, 0, 0, 0, length, 0, 0];
    b.extend_from_slice(quote);
    b.extend_from_slice(ext);
    finish(b)
}

/// The 556-byte time exceeded Linux sends for a 1400-byte datagram (548 bytes quoted, RFC 1812),
/// written by icmpwire's own emitter (checked field by field against the kernel capture by
/// tests/oracle.rs).
pub(crate) fn time_exceeded556() -> Vec<u8> {
    let d = datagram(1400, 0);
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        code: TimeExceededCode::TTL_EXCEEDED,
        quote: quote_datagram(&d, QuoteLimit::Rfc1812),
        ..TimeExceededRepr::default()
    });
    let mut b = vec![0u8; repr.buffer_len()];
    repr.emit(&mut b).unwrap();
    assert_eq!(b.len(), 556);
    b
}

/// An RFC 4950 MPLS label stack object (one entry) in an RFC 4884 structure, its checksum filled.
fn mpls_extension() -> Vec<u8> {
    let mut e = vec![0x20, 0, 0, 0, 0, 8, 1, 1, 0x00, 0x01, 0x41, 0x01];
    let c = internet_checksum(&e);
    e[2..4].copy_from_slice(&c.to_be_bytes());
    e
}

/// The inputs of the quote case: (name, message).
pub(crate) fn quote_inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("rfc792_36", error(11, &datagram(60, 0)[..28], 0, &[])),
        ("linux_556", time_exceeded556()),
        ("options_40", error(11, &datagram(60, 1)[..32], 0, &[])),
        (
            "rfc4884_mpls",
            error(11, &datagram(200, 0)[..128], 32, &mpls_extension()),
        ),
        ("unreachable_36", error(3, &datagram(60, 0)[..28], 0, &[])),
    ]
}

/// The inputs of the message cases: four types, so the dispatch cannot be predicted away by
/// the compiler (each input is timed on its own, so the branch predictor still learns it).
pub(crate) fn message_inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("echo_request_64", echo(8, 64)),
        ("echo_reply_64", echo(0, 64)),
        ("unreachable_36", error(3, &datagram(60, 0)[..28], 0, &[])),
        ("time_exceeded_556", time_exceeded556()),
    ]
}

/// The inputs of the typed echo case.
pub(crate) fn echo_inputs() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("8", echo(8, 8)),
        ("64", echo(8, 64)),
        ("1472", echo(8, 1472)),
    ]
}

// --- The typed echo view (or the peer's nearest API): type, code, checksum, id, sequence. ---

#[inline(never)]
pub(crate) fn icmpwire_echo(b: &[u8]) -> u64 {
    match Echo::parse_unverified(b) {
        Ok(e) => pack(
            e.message_type().0,
            e.code_u8(),
            e.checksum(),
            e.identifier(),
            e.sequence(),
        ),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn smoltcp_echo(b: &[u8]) -> u64 {
    match smoltcp::wire::Icmpv4Packet::new_checked(b) {
        Ok(p) => pack(
            u8::from(p.msg_type()),
            p.msg_code(),
            p.checksum(),
            p.echo_ident(),
            p.echo_seq_no(),
        ),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn etherparse_echo(b: &[u8]) -> u64 {
    match etherparse::Icmpv4Slice::from_slice(b) {
        Ok(s) => match s.icmp_type() {
            etherparse::Icmpv4Type::EchoRequest(h) => {
                pack(s.type_u8(), s.code_u8(), s.checksum(), h.id, h.seq)
            }
            _ => REFUSED,
        },
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn pnet_echo(b: &[u8]) -> u64 {
    match pnet_packet::icmp::echo_request::EchoRequestPacket::new(b) {
        Some(p) => pack(
            p.get_icmp_type().0,
            p.get_icmp_code().0,
            p.get_checksum(),
            p.get_identifier(),
            p.get_sequence_number(),
        ),
        None => REFUSED,
    }
}

// --- Any message: type, code and checksum of every type, identifier and sequence of echoes. ---

#[inline(always)]
fn message_word(m: &Message<&[u8]>) -> u64 {
    let (a, b) = match m {
        Message::EchoRequest(e) | Message::EchoReply(e) => (e.identifier(), e.sequence()),
        _ => (0, 0),
    };
    pack(m.message_type().0, m.code_u8(), m.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn icmpwire_message(b: &[u8]) -> u64 {
    match Message::parse_unverified(b) {
        Ok(m) => message_word(&m),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn icmpwire_message_verified(b: &[u8]) -> u64 {
    match Message::parse(b) {
        Ok(m) => message_word(&m),
        Err(_) => REFUSED,
    }
}

#[inline(always)]
fn smoltcp_word(p: &smoltcp::wire::Icmpv4Packet<&[u8]>) -> u64 {
    use smoltcp::wire::Icmpv4Message as M;
    let ty = p.msg_type();
    let (a, b) = match ty {
        M::EchoRequest | M::EchoReply => (p.echo_ident(), p.echo_seq_no()),
        _ => (0, 0),
    };
    pack(u8::from(ty), p.msg_code(), p.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn smoltcp_message(b: &[u8]) -> u64 {
    match smoltcp::wire::Icmpv4Packet::new_checked(b) {
        Ok(p) => smoltcp_word(&p),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn smoltcp_message_verified(b: &[u8]) -> u64 {
    match smoltcp::wire::Icmpv4Packet::new_checked(b) {
        Ok(p) if p.verify_checksum() => smoltcp_word(&p),
        _ => REFUSED,
    }
}

#[inline(always)]
fn etherparse_word(s: &etherparse::Icmpv4Slice<'_>) -> u64 {
    use etherparse::Icmpv4Type as T;
    let (a, b) = match s.icmp_type() {
        T::EchoRequest(h) | T::EchoReply(h) => (h.id, h.seq),
        _ => (0, 0),
    };
    pack(s.type_u8(), s.code_u8(), s.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn etherparse_message(b: &[u8]) -> u64 {
    match etherparse::Icmpv4Slice::from_slice(b) {
        Ok(s) => etherparse_word(&s),
        Err(_) => REFUSED,
    }
}

/// etherparse parses without verifying: recompute the header's checksum over the payload and
/// compare, its documented way to check.
#[inline(never)]
pub(crate) fn etherparse_message_verified(b: &[u8]) -> u64 {
    match etherparse::Icmpv4Slice::from_slice(b) {
        Ok(s) => {
            let mut h = s.header();
            h.update_checksum(s.payload());
            if h.checksum == s.checksum() {
                etherparse_word(&s)
            } else {
                REFUSED
            }
        }
        Err(_) => REFUSED,
    }
}

#[inline(always)]
fn pnet_word(p: &pnet_packet::icmp::IcmpPacket<'_>, b: &[u8]) -> u64 {
    use pnet_packet::icmp::IcmpTypes;
    let ty = p.get_icmp_type();
    let (a, c) = if ty == IcmpTypes::EchoRequest || ty == IcmpTypes::EchoReply {
        match pnet_packet::icmp::echo_request::EchoRequestPacket::new(b) {
            Some(e) => (e.get_identifier(), e.get_sequence_number()),
            None => return REFUSED,
        }
    } else {
        (0, 0)
    };
    pack(ty.0, p.get_icmp_code().0, p.get_checksum(), a, c)
}

#[inline(never)]
pub(crate) fn pnet_message(b: &[u8]) -> u64 {
    match pnet_packet::icmp::IcmpPacket::new(b) {
        // pnet accepts 4 bytes; the others want the 8 every ICMPv4 message has.
        Some(p) if b.len() >= 8 => pnet_word(&p, b),
        _ => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn pnet_message_verified(b: &[u8]) -> u64 {
    match pnet_packet::icmp::IcmpPacket::new(b) {
        Some(p) if b.len() >= 8 && pnet_packet::icmp::checksum(&p) == p.get_checksum() => {
            pnet_word(&p, b)
        }
        _ => REFUSED,
    }
}

// --- The quote of an error message: quoted addresses and ports (UDP or TCP). ---

#[inline(never)]
pub(crate) fn icmpwire_quote(b: &[u8]) -> u64 {
    let m = Message::parse_unverified(b);
    let q = match &m {
        Ok(Message::TimeExceeded(m)) => m.quote(),
        Ok(Message::DestinationUnreachable(m)) => m.quote(),
        _ => return REFUSED,
    };
    match q.ipv4() {
        Ok(ip) => match ip.ports() {
            Ok((sp, dp)) => pack_quote(ip.src(), ip.dst(), sp, dp),
            Err(_) => REFUSED,
        },
        Err(_) => REFUSED,
    }
}

/// smoltcp's `Ipv4Packet::new_checked` refuses a quote shorter than the quoted total length
/// (every real quote), so the quote is read with `new_unchecked` after a length check, as
/// smoltcp's own `Icmpv4Repr::parse` does not (it needs the whole datagram).
#[inline(never)]
pub(crate) fn smoltcp_quote(b: &[u8]) -> u64 {
    use smoltcp::wire::Icmpv4Message as M;
    let Ok(p) = smoltcp::wire::Icmpv4Packet::new_checked(b) else {
        return REFUSED;
    };
    if !matches!(p.msg_type(), M::TimeExceeded | M::DstUnreachable) {
        return REFUSED;
    }
    let data = p.data();
    if data.len() < 20 {
        return REFUSED;
    }
    let ip = smoltcp::wire::Ipv4Packet::new_unchecked(data);
    let hl = usize::from(ip.header_len());
    if data.len() < hl + 4 {
        return REFUSED;
    }
    let udp = smoltcp::wire::UdpPacket::new_unchecked(&data[hl..]);
    pack_quote(ip.src_addr(), ip.dst_addr(), udp.src_port(), udp.dst_port())
}

#[inline(never)]
pub(crate) fn etherparse_quote(b: &[u8]) -> u64 {
    use etherparse::Icmpv4Type as T;
    let Ok(s) = etherparse::Icmpv4Slice::from_slice(b) else {
        return REFUSED;
    };
    if !matches!(
        s.icmp_type(),
        T::TimeExceeded(_) | T::DestinationUnreachable(_)
    ) {
        return REFUSED;
    }
    let Ok(ip) = etherparse::Ipv4HeaderSlice::from_slice(s.payload()) else {
        return REFUSED;
    };
    let Some(rest) = s.payload().get(ip.slice().len()..) else {
        return REFUSED;
    };
    let Some(&[a, b, c, d]) = rest.first_chunk::<4>() else {
        return REFUSED;
    };
    pack_quote(
        ip.source_addr(),
        ip.destination_addr(),
        u16::from_be_bytes([a, b]),
        u16::from_be_bytes([c, d]),
    )
}

#[inline(never)]
pub(crate) fn pnet_quote(b: &[u8]) -> u64 {
    use pnet_packet::icmp::IcmpTypes;
    let Some(p) = pnet_packet::icmp::IcmpPacket::new(b) else {
        return REFUSED;
    };
    let ty = p.get_icmp_type();
    if ty != IcmpTypes::TimeExceeded && ty != IcmpTypes::DestinationUnreachable {
        return REFUSED;
    }
    let Some(te) = pnet_packet::icmp::time_exceeded::TimeExceededPacket::new(b) else {
        return REFUSED;
    };
    let Some(ip) = pnet_packet::ipv4::Ipv4Packet::new(te.payload()) else {
        return REFUSED;
    };
    let Some(udp) = pnet_packet::udp::UdpPacket::new(ip.payload()) else {
        return REFUSED;
    };
    pack_quote(
        ip.get_source(),
        ip.get_destination(),
        udp.get_source(),
        udp.get_destination(),
    )
}

/// Asserts that every adapter returns the same word on every input (and none refuses), so the
/// contestants are compared on the same work.
pub(crate) fn cross_check(case: &str, adapters: &[(&str, Adapter)], inputs: &[(&str, Vec<u8>)]) {
    for (input, bytes) in inputs {
        let (first, f) = adapters[0];
        let want = f(black_box(bytes));
        assert_ne!(want, REFUSED, "{case}/{input}: {first} refused it");
        for (name, g) in &adapters[1..] {
            assert_eq!(
                g(bytes),
                want,
                "{case}/{input}: {name} read other values than {first}"
            );
        }
    }
}

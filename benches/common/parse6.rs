//! The ICMPv6 parse cases of `benches/messages6.rs`, in the shape of common/parse4.rs: one
//! `#[inline(never)]` adapter per implementation and case, all `fn(&[u8], src, dst) -> u64`
//! (the addresses the pseudo-header checksum covers), returning what it read folded into one
//! word, or [`REFUSED`]; `cross_check` asserts before timing that every adapter of a case reads
//! the same word on every input.

use std::hint::black_box;
use std::net::Ipv6Addr;

use icmpwire::EchoRepr;
use icmpwire::v6::{
    Message, NdOptionRepr, NdOptionsRepr, NeighborSolicitationRepr, Repr, TimeExceededCode,
    TimeExceededRepr, UnreachableCode, quote_packet,
};
use pnet_packet::Packet as _;

use crate::harness::{REFUSED, pack};

/// An adapter: parse `bytes` sent from `src` to `dst`, read the case's fields, fold them.
pub(crate) type Adapter6 = fn(&[u8], Ipv6Addr, Ipv6Addr) -> u64;

/// An input: its name, the message, and the addresses it travels between.
pub(crate) type Input6 = (&'static str, Vec<u8>, Ipv6Addr, Ipv6Addr);

pub(crate) const SRC: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10);
pub(crate) const DST: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 2, 0, 0, 0, 0, 2);
pub(crate) const ROUTER: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 1);

#[inline(always)]
fn pack_quote(src: Ipv6Addr, dst: Ipv6Addr, sport: u16, dport: u16) -> u64 {
    let (s, d) = (u128::from(src), u128::from(dst));
    ((s as u64) ^ (s >> 64) as u64)
        ^ ((d as u64) ^ (d >> 64) as u64).rotate_left(17)
        ^ (u64::from(sport) << 16 | u64::from(dport))
}

/// `repr` emitted from `src` to `dst`.
fn emitted(repr: &Repr<'_>, src: Ipv6Addr, dst: Ipv6Addr) -> Vec<u8> {
    let mut b = vec![0u8; repr.buffer_len()];
    repr.emit(src, dst, &mut b).unwrap();
    b
}

/// An echo request (128) or reply (129) of `len` bytes, id 0x1234, sequence 7.
pub(crate) fn echo(ty: u8, len: usize) -> Vec<u8> {
    let data: Vec<u8> = (0..len - 8).map(|i| i as u8).collect();
    let echo = EchoRepr {
        identifier: 0x1234,
        sequence: 7,
        data: &data,
        code: 0,
    };
    let repr = if ty == 128 {
        Repr::EchoRequest(echo)
    } else {
        Repr::EchoReply(echo)
    };
    emitted(&repr, SRC, DST)
}

/// A neighbor solicitation for DST with SRC's link-layer address (32 bytes, RFC 4861 4.3).
fn neighbor_solicitation() -> Vec<u8> {
    let mac = [0x02, 0, 0x5e, 0, 0x53, 0x10];
    let options = [NdOptionRepr::SourceLinkLayerAddress(&mac)];
    let repr = Repr::NeighborSolicitation(NeighborSolicitationRepr {
        target: DST,
        options: NdOptionsRepr::List(&options),
        ..Default::default()
    });
    emitted(&repr, SRC, DST)
}

/// A UDP probe SRC:43001 -> DST:33434 of `len` bytes, hop limit 1; with `chain`, behind a
/// hop-by-hop header (a router alert), a destination options header and a fragment header
/// (first fragment): what a quote's reader must walk to reach the ports.
pub(crate) fn probe(len: usize, chain: bool) -> Vec<u8> {
    let mut p = vec![0u8; len];
    p[0] = 0x60;
    p[4..6].copy_from_slice(&((len - 40) as u16).to_be_bytes());
    p[7] = 1;
    p[8..24].copy_from_slice(&SRC.octets());
    p[24..40].copy_from_slice(&DST.octets());
    let udp = if chain {
        p[6] = 0; // hop-by-hop
        p[40..48].copy_from_slice(&[60, 0, 5, 2, 0, 0, 1, 0]); // -> dest options; router alert, PadN
        p[48..56].copy_from_slice(&[44, 0, 1, 4, 0, 0, 0, 0]); // -> fragment; PadN
        p[56..64].copy_from_slice(&[17, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef]); // -> UDP; offset 0, M
        64
    } else {
        p[6] = 17;
        40
    };
    p[udp..udp + 2].copy_from_slice(&43001u16.to_be_bytes());
    p[udp + 2..udp + 4].copy_from_slice(&33434u16.to_be_bytes());
    p[udp + 4..udp + 6].copy_from_slice(&((len - udp) as u16).to_be_bytes());
    p
}

/// The time exceeded ROUTER sends SRC for `packet`, as much quoted as fits 1280 bytes (RFC 4443
/// 2.4 (c)), as Linux sends it.
pub(crate) fn time_exceeded(packet: &[u8]) -> Vec<u8> {
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        code: TimeExceededCode::HOP_LIMIT_EXCEEDED,
        quote: quote_packet(packet, &[]),
        ..TimeExceededRepr::default()
    });
    emitted(&repr, ROUTER, SRC)
}

/// The port unreachable DST sends SRC for `packet`.
fn port_unreachable(packet: &[u8]) -> Vec<u8> {
    let repr = Repr::DestinationUnreachable(icmpwire::v6::DestinationUnreachableRepr {
        code: UnreachableCode::PORT_UNREACHABLE,
        quote: quote_packet(packet, &[]),
        ..Default::default()
    });
    emitted(&repr, DST, SRC)
}

/// The inputs of the message cases: four types, each timed on its own.
pub(crate) fn message_inputs() -> Vec<Input6> {
    vec![
        ("echo_request_64", echo(128, 64), SRC, DST),
        ("echo_reply_64", echo(129, 64), SRC, DST),
        (
            "neighbor_solicitation_32",
            neighbor_solicitation(),
            SRC,
            DST,
        ),
        (
            "time_exceeded_1240",
            time_exceeded(&probe(1400, true)),
            ROUTER,
            SRC,
        ),
    ]
}

/// The inputs of the quote case: a short quote and Linux's full-size ones, with and without
/// an extension header chain before UDP.
pub(crate) fn quote_inputs() -> Vec<Input6> {
    vec![
        (
            "unreachable_56",
            port_unreachable(&probe(48, false)),
            DST,
            SRC,
        ),
        (
            "plain_1240",
            time_exceeded(&probe(1400, false)),
            ROUTER,
            SRC,
        ),
        ("chain_1240", time_exceeded(&probe(1400, true)), ROUTER, SRC),
    ]
}

// --- Any message: type, code and checksum of every type, identifier and sequence of echoes. ---

#[inline(always)]
fn message_word(m: &Message<&[u8]>) -> u64 {
    use icmpwire::AnyMessage as _;
    let (a, b) = match m {
        Message::EchoRequest(e) | Message::EchoReply(e) => (e.identifier(), e.sequence()),
        _ => (0, 0),
    };
    pack(m.message_type().0, m.code_u8(), m.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn icmpwire_message(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    match Message::parse_unverified(b) {
        Ok(m) => message_word(&m),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn icmpwire_message_verified(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    match Message::parse(b, src, dst) {
        Ok(m) => message_word(&m),
        Err(_) => REFUSED,
    }
}

#[inline(always)]
fn smoltcp_word(p: &smoltcp::wire::Icmpv6Packet<&[u8]>) -> u64 {
    use smoltcp::wire::Icmpv6Message as M;
    let ty = p.msg_type();
    let (a, b) = match ty {
        M::EchoRequest | M::EchoReply => (p.echo_ident(), p.echo_seq_no()),
        _ => (0, 0),
    };
    pack(u8::from(ty), p.msg_code(), p.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn smoltcp_message(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    match smoltcp::wire::Icmpv6Packet::new_checked(b) {
        Ok(p) => smoltcp_word(&p),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn smoltcp_message_verified(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    match smoltcp::wire::Icmpv6Packet::new_checked(b) {
        Ok(p) if p.verify_checksum(&src, &dst) => smoltcp_word(&p),
        _ => REFUSED,
    }
}

#[inline(always)]
fn etherparse_word(s: &etherparse::Icmpv6Slice<'_>) -> u64 {
    use etherparse::Icmpv6Type as T;
    let (a, b) = match s.icmp_type() {
        T::EchoRequest(h) | T::EchoReply(h) => (h.id, h.seq),
        _ => (0, 0),
    };
    pack(s.type_u8(), s.code_u8(), s.checksum(), a, b)
}

#[inline(never)]
pub(crate) fn etherparse_message(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    match etherparse::Icmpv6Slice::from_slice(b) {
        Ok(s) => etherparse_word(&s),
        Err(_) => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn etherparse_message_verified(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    match etherparse::Icmpv6Slice::from_slice(b) {
        Ok(s) if s.is_checksum_valid(src.octets(), dst.octets()) => etherparse_word(&s),
        _ => REFUSED,
    }
}

#[inline(always)]
fn pnet_word(p: &pnet_packet::icmpv6::Icmpv6Packet<'_>, b: &[u8]) -> u64 {
    use pnet_packet::icmpv6::Icmpv6Types;
    let ty = p.get_icmpv6_type();
    let (a, c) = if ty == Icmpv6Types::EchoRequest || ty == Icmpv6Types::EchoReply {
        match pnet_packet::icmpv6::echo_request::EchoRequestPacket::new(b) {
            Some(e) => (e.get_identifier(), e.get_sequence_number()),
            None => return REFUSED,
        }
    } else {
        (0, 0)
    };
    pack(ty.0, p.get_icmpv6_code().0, p.get_checksum(), a, c)
}

#[inline(never)]
pub(crate) fn pnet_message(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    match pnet_packet::icmpv6::Icmpv6Packet::new(b) {
        // pnet accepts 4 bytes; the others want the 8 every ICMPv6 message they know has.
        Some(p) if b.len() >= 8 => pnet_word(&p, b),
        _ => REFUSED,
    }
}

#[inline(never)]
pub(crate) fn pnet_message_verified(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    use pnet_packet::icmpv6::checksum;
    match pnet_packet::icmpv6::Icmpv6Packet::new(b) {
        Some(p) if b.len() >= 8 && checksum(&p, &src, &dst) == p.get_checksum() => pnet_word(&p, b),
        _ => REFUSED,
    }
}

// --- The quote of an error message: the quoted addresses, the chain walked, the ports. ---

#[inline(never)]
pub(crate) fn icmpwire_quote(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    let m = Message::parse_unverified(b);
    let q = match &m {
        Ok(Message::TimeExceeded(m)) => m.quote(),
        Ok(Message::DestinationUnreachable(m)) => m.quote(),
        _ => return REFUSED,
    };
    match q.ipv6() {
        Ok(ip) => match ip.ports() {
            Ok((sp, dp)) => pack_quote(ip.src(), ip.dst(), sp, dp),
            Err(_) => REFUSED,
        },
        Err(_) => REFUSED,
    }
}

/// The next headers a quote's chain walk steps over (RFC 8200 section 4: hop-by-hop, routing,
/// fragment, destination options), as each peer's walk below does.
const EXTENSIONS: [u8; 4] = [0, 43, 44, 60];

/// smoltcp reads no chain in a quote: its `Ipv6Packet` (unchecked: the quote is cut shorter
/// than its payload length says) and `Ipv6ExtHeader` walk it here.
#[inline(never)]
pub(crate) fn smoltcp_quote(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    use smoltcp::wire::Icmpv6Message as M;
    let Ok(p) = smoltcp::wire::Icmpv6Packet::new_checked(b) else {
        return REFUSED;
    };
    if !matches!(p.msg_type(), M::TimeExceeded | M::DstUnreachable) {
        return REFUSED;
    }
    let data = p.payload();
    if data.len() < 40 {
        return REFUSED;
    }
    let ip = smoltcp::wire::Ipv6Packet::new_unchecked(data);
    let (mut next, mut rest) = (u8::from(ip.next_header()), &data[40..]);
    while EXTENSIONS.contains(&next) {
        let Ok(h) = smoltcp::wire::Ipv6ExtHeader::new_checked(rest) else {
            return REFUSED;
        };
        next = u8::from(h.next_header());
        let Some(r) = rest.get((usize::from(h.header_len()) + 1) * 8..) else {
            return REFUSED;
        };
        rest = r;
    }
    let Some(&[a, b, c, d]) = rest.first_chunk::<4>() else {
        return REFUSED;
    };
    pack_quote(
        ip.src_addr(),
        ip.dst_addr(),
        u16::from_be_bytes([a, b]),
        u16::from_be_bytes([c, d]),
    )
}

/// etherparse's lax IP slice walks the chain to the upper layer.
#[inline(never)]
pub(crate) fn etherparse_quote(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    use etherparse::icmpv6::Icmpv6PayloadSlice as P;
    let Ok(s) = etherparse::Icmpv6Slice::from_slice(b) else {
        return REFUSED;
    };
    let quote = match s.payload_slice() {
        Ok(P::TimeExceeded(t)) => t.as_lax_ip_slice(),
        Ok(P::DestinationUnreachable(u)) => u.as_lax_ip_slice(),
        _ => return REFUSED,
    };
    match quote {
        Ok((etherparse::LaxIpSlice::Ipv6(ip), _)) => {
            let h = ip.header();
            match ip.payload().payload.first_chunk::<4>() {
                Some(&[a, b, c, d]) => pack_quote(
                    h.source_addr(),
                    h.destination_addr(),
                    u16::from_be_bytes([a, b]),
                    u16::from_be_bytes([c, d]),
                ),
                None => REFUSED,
            }
        }
        _ => REFUSED,
    }
}

/// pnet reads no chain either: its `ExtensionPacket` walks it here (a fragment header is 8
/// bytes, its second byte reserved).
#[inline(never)]
pub(crate) fn pnet_quote(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    use pnet_packet::icmpv6::Icmpv6Types;
    let Some(p) = pnet_packet::icmpv6::Icmpv6Packet::new(b) else {
        return REFUSED;
    };
    let ty = p.get_icmpv6_type();
    if ty != Icmpv6Types::TimeExceeded && ty != Icmpv6Types::DestinationUnreachable {
        return REFUSED;
    }
    // pnet's payload starts after type, code and checksum: the unused word is in it.
    let Some(data) = p.payload().get(4..) else {
        return REFUSED;
    };
    let Some(ip) = pnet_packet::ipv6::Ipv6Packet::new(data) else {
        return REFUSED;
    };
    let (mut next, mut rest) = (ip.get_next_header().0, &data[40..]);
    while EXTENSIONS.contains(&next) {
        let Some(h) = pnet_packet::ipv6::ExtensionPacket::new(rest) else {
            return REFUSED;
        };
        let len = if next == 44 {
            8
        } else {
            usize::from(h.get_hdr_ext_len()) * 8 + 8
        };
        next = h.get_next_header().0;
        let Some(r) = rest.get(len..) else {
            return REFUSED;
        };
        rest = r;
    }
    let Some(udp) = pnet_packet::udp::UdpPacket::new(rest) else {
        return REFUSED;
    };
    pack_quote(
        ip.get_source(),
        ip.get_destination(),
        udp.get_source(),
        udp.get_destination(),
    )
}

/// Asserts that every adapter returns the same word on every input (and none refuses).
pub(crate) fn cross_check(case: &str, adapters: &[(&str, Adapter6)], inputs: &[Input6]) {
    for (input, bytes, src, dst) in inputs {
        let (first, f) = adapters[0];
        let want = f(black_box(bytes), *src, *dst);
        assert_ne!(want, REFUSED, "{case}/{input}: {first} refused it");
        for (name, g) in &adapters[1..] {
            assert_eq!(
                g(bytes, *src, *dst),
                want,
                "{case}/{input}: {name} read other values than {first}"
            );
        }
    }
}

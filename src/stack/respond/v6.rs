//! The ICMPv6 answers: echo and extended echo replies, neighbor advertisements, port
//! unreachable.

use core::net::{IpAddr, Ipv6Addr};
use core::time::Duration;

use crate::checksum::update_ipv6;
use crate::message::any::AnyMessage;
use crate::message::echo::EchoFields;
use crate::quote::protocol;
use crate::stack::packet::{IpLayer, Upper, ip_layer};
use crate::stack::{Arrival6, Ipv6Info, PacketError, may_send_error_v6};
use crate::v6::{
    DestinationUnreachableRepr, Message, NdOptionRepr, NdOptionsRepr, NeighborAdvertisementRepr,
    NeighborSolicitation, Repr, UnreachableCode,
};
use crate::view::{V6, View};

use super::shared::{emit_error, move_up, too_small, udp_port};
use super::{Answer, AnswerKind, Host, NoAnswer, Responder, probe};

/// The IPv6 header of an answer: no extension headers.
const HEADER: usize = 40;

/// RFC 4443 section 2.4 (c): an error is at most the minimum MTU, 1280 bytes.
const MAX_QUOTE: usize = 1280 - HEADER - 8;

/// The all-nodes multicast address (RFC 4291 section 2.7.1).
const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);

pub(super) fn respond<H: Host + ?Sized, const N: usize>(
    r: &mut Responder<N>,
    host: &H,
    packet: &[u8],
    link_broadcast: bool,
    now: Duration,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let IpLayer::V6(ip, upper) = ip_layer(packet).map_err(NoAnswer::Packet)? else {
        return Err(NoAnswer::Packet(PacketError::Version { version: 4 }));
    };
    let local = host.is_local_v6(ip.final_dst);
    match upper.protocol {
        protocol::ICMPV6 => {}
        protocol::UDP if local => {
            return port_unreachable(r, host, &ip, &upper, link_broadcast, now, out);
        }
        _ if !local => return Err(NoAnswer::NotForUs(IpAddr::V6(ip.final_dst))),
        other => {
            return Err(NoAnswer::Packet(PacketError::NotIcmp {
                version: 6,
                protocol: other,
            }));
        }
    }
    let message = Message::parse(upper.bytes, ip.src, ip.final_dst)
        .map_err(|e| NoAnswer::Packet(PacketError::Message(e)))?;
    if let Message::NeighborSolicitation(_) = message {
        message
            .check_rules(ip.hop_limit, ip.src, ip.dst)
            .map_err(NoAnswer::Rule)?;
    }
    match message {
        // Sent to a solicited-node multicast address as often as to the target.
        Message::NeighborSolicitation(ns) => advertise(host, &ip, &ns, out),
        // Sent to one of the host's addresses, or to a group it answers on.
        Message::EchoRequest(echo) => {
            let from = answer_source(host, ip.src, ip.final_dst, local)?;
            let icmp = upper.bytes.get(..echo.message_len()).unwrap_or(upper.bytes);
            let total = HEADER.saturating_add(icmp.len());
            let actual = out.len();
            let reply = out
                .get_mut(HEADER..)
                .and_then(|o| o.get_mut(..icmp.len()))
                .ok_or(too_small(total, actual))?;
            reply.copy_from_slice(icmp);
            finish_echo(r, reply, echo.code_u8(), ip.final_dst, from);
            write_header(out, ip.traffic_class, icmp.len(), r.hop_limit, from, ip.src);
            Ok(answer(total, AnswerKind::EchoReply, ip.src))
        }
        Message::ExtendedEchoRequest(request) => {
            let from = answer_source(host, ip.src, ip.final_dst, local)?;
            let repr = Repr::ExtendedEchoReply(probe::reply(host, &request)?);
            let kind = AnswerKind::ExtendedEchoReply;
            emit(
                &repr,
                ip.traffic_class,
                r.hop_limit,
                from,
                ip.src,
                kind,
                out,
            )
        }
        _ if !local => Err(NoAnswer::NotForUs(IpAddr::V6(ip.final_dst))),
        other => Err(NoAnswer::NotARequest {
            version: 6,
            icmp_type: other.message_type().0,
        }),
    }
}

/// The echo reply written over the echo request in `buf[..len]`.
pub(super) fn echo_in_place<H: Host + ?Sized, const N: usize>(
    r: &mut Responder<N>,
    host: &H,
    buf: &mut [u8],
    len: usize,
) -> Result<Answer, NoAnswer> {
    let packet = buf.get(..len).unwrap_or_default();
    let (ip, icmp_len, code, from) = match ip_layer(packet).map_err(NoAnswer::Packet)? {
        IpLayer::V6(ip, upper) if upper.protocol == protocol::ICMPV6 => {
            let message = Message::parse(upper.bytes, ip.src, ip.final_dst)
                .map_err(|e| NoAnswer::Packet(PacketError::Message(e)))?;
            let Message::EchoRequest(echo) = message else {
                return Err(NoAnswer::NotInPlace);
            };
            let local = host.is_local_v6(ip.final_dst);
            let from = answer_source(host, ip.src, ip.final_dst, local)?;
            (ip, echo.message_len(), echo.code_u8(), from)
        }
        _ => return Err(NoAnswer::NotInPlace),
    };
    let start = ip.header_len;
    // The request's extension headers are not part of the reply: the message moves up.
    move_up(buf, start, HEADER, icmp_len);
    let total = HEADER.saturating_add(icmp_len);
    if let Some(reply) = buf.get_mut(HEADER..total) {
        finish_echo(r, reply, code, ip.final_dst, from);
    }
    write_header(buf, ip.traffic_class, icmp_len, r.hop_limit, from, ip.src);
    Ok(answer(total, AnswerKind::EchoReply, ip.src))
}

/// The source of an echo or extended echo reply to a request from `src` to `dst`: for a
/// multicast group, the address the host names for it (RFC 4443 section 4.2) if it is one of
/// the host's and not multicast (RFC 4291 section 2.7: no packet has a multicast source), even
/// from a host that calls the group its own; `dst` when it is one of the host's addresses
/// (`local`); else no answer. Then, for a request that is the host's, no answer to a multicast
/// or unspecified source: it would go to a group, or nowhere.
fn answer_source<H: Host + ?Sized>(
    host: &H,
    src: Ipv6Addr,
    dst: Ipv6Addr,
    local: bool,
) -> Result<Ipv6Addr, NoAnswer> {
    let from = if dst.is_multicast() {
        host.group_source_v6(dst)
            .filter(|&from| !from.is_multicast() && host.is_local_v6(from))
    } else {
        local.then_some(dst)
    };
    let from = from.ok_or(NoAnswer::NotForUs(IpAddr::V6(dst)))?;
    if src.is_multicast() || src.is_unspecified() {
        return Err(NoAnswer::SourceNotAHost(IpAddr::V6(src)));
    }
    Ok(from)
}

/// The request in `reply` turned into the reply, leaving from `from` where the request went to
/// `dst`: the checksum's pseudo-header (RFC 8200 section 8.1) swaps the two addresses, which
/// leaves its sum as it was, unless `from` is another address than `dst`; then the checksum
/// follows the change (RFC 1624).
fn finish_echo<const N: usize>(
    r: &Responder<N>,
    reply: &mut [u8],
    code: u8,
    dst: Ipv6Addr,
    from: Ipv6Addr,
) {
    r.finish_echo::<V6>(reply, code);
    if from != dst
        && let Ok(mut echo) = View::<V6, &mut [u8], EchoFields>::parse_unverified(reply)
    {
        let sum = echo.checksum();
        echo.set_checksum(update_ipv6(sum, dst, from));
    }
}

/// The neighbor advertisement for a solicitation of one of the host's addresses (RFC 4861
/// section 7.2.4).
fn advertise<H: Host + ?Sized>(
    host: &H,
    ip: &Ipv6Info,
    ns: &NeighborSolicitation<&[u8]>,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let target = ns.target();
    if !host.is_local_v6(target) {
        return Err(NoAnswer::NotForUs(IpAddr::V6(target)));
    }
    let dad = ip.src.is_unspecified();
    let dst = if dad { ALL_NODES } else { ip.src };
    let link = host.link_layer_address();
    let option = [NdOptionRepr::TargetLinkLayerAddress(link)];
    let with_option = ip.dst.is_multicast() && !link.is_empty();
    let options = if with_option {
        NdOptionsRepr::List(&option)
    } else {
        NdOptionsRepr::List(&[])
    };
    let repr = Repr::NeighborAdvertisement(NeighborAdvertisementRepr {
        router: host.is_router(),
        solicited: !dad,
        override_flag: with_option && !host.is_anycast_v6(target),
        target,
        options,
        ..NeighborAdvertisementRepr::default()
    });
    emit(
        &repr,
        0,
        255,
        target,
        dst,
        AnswerKind::NeighborAdvertisement,
        out,
    )
}

/// A port unreachable about a UDP datagram to a closed port.
#[allow(clippy::too_many_arguments)]
fn port_unreachable<H: Host + ?Sized, const N: usize>(
    r: &mut Responder<N>,
    host: &H,
    ip: &Ipv6Info,
    upper: &Upper<'_>,
    link_broadcast: bool,
    now: Duration,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    // RFC 8200 section 8.1: a zero UDP checksum is not allowed over IPv6.
    if r.verify_udp_checksum && upper.bytes.get(6..8) == Some(&[0, 0]) {
        return Err(NoAnswer::BadUdp);
    }
    let port = udp_port(upper.bytes, r.verify_udp_checksum, |c| {
        c.add_bytes(&ip.src.octets());
        c.add_bytes(&ip.final_dst.octets());
        c.add_u16(u16::from(protocol::UDP));
    })?;
    if host.udp_port_open(IpAddr::V6(ip.final_dst), port) {
        return Err(NoAnswer::PortOpen { port });
    }
    let how = Arrival6 {
        link_multicast: link_broadcast,
    };
    may_send_error_v6(upper.datagram, how, 1, 4).map_err(NoAnswer::Forbidden)?;
    let quote = upper.datagram.get(..MAX_QUOTE).unwrap_or(upper.datagram);
    let total = HEADER.saturating_add(8).saturating_add(quote.len());
    if out.len() < total {
        return Err(too_small(total, out.len()));
    }
    if !r.error_allowed(IpAddr::V6(ip.src), now) {
        return Err(NoAnswer::RateLimited);
    }
    let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
        code: UnreachableCode::PORT_UNREACHABLE,
        quote,
        ..DestinationUnreachableRepr::default()
    });
    let kind = AnswerKind::PortUnreachable;
    emit(&repr, 0, r.hop_limit, ip.final_dst, ip.src, kind, out)
}

/// Writes `repr` after an IPv6 header from `src` to `dst`.
fn emit(
    repr: &Repr<'_>,
    traffic_class: u8,
    hop_limit: u8,
    src: Ipv6Addr,
    dst: Ipv6Addr,
    kind: AnswerKind,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let actual = out.len();
    let body = out.get_mut(HEADER..).ok_or(too_small(HEADER, actual))?;
    let n = repr
        .emit(src, dst, body)
        .map_err(|e| emit_error(e, HEADER, actual))?;
    write_header(out, traffic_class, n, hop_limit, src, dst);
    Ok(answer(HEADER.saturating_add(n), kind, dst))
}

/// Writes the 40-byte IPv6 header of an ICMPv6 answer of `payload` bytes at the start of
/// `out` (which holds at least 40 bytes: every caller has checked for more). The flow label
/// is 0 (RFC 6437 section 3 allows it).
fn write_header(
    out: &mut [u8],
    traffic_class: u8,
    payload: usize,
    hop_limit: u8,
    src: Ipv6Addr,
    dst: Ipv6Addr,
) {
    let Some((first, rest)) = out.split_first_chunk_mut::<8>() else {
        return;
    };
    let [p0, p1] = u16::try_from(payload).unwrap_or(u16::MAX).to_be_bytes();
    *first = [
        0x60 | (traffic_class >> 4),
        traffic_class << 4,
        0,
        0,
        p0,
        p1,
        protocol::ICMPV6,
        hop_limit,
    ];
    if let Some((s, rest)) = rest.split_first_chunk_mut::<16>() {
        *s = src.octets();
        if let Some(d) = rest.first_chunk_mut::<16>() {
            *d = dst.octets();
        }
    }
}

fn answer(len: usize, kind: AnswerKind, dst: Ipv6Addr) -> Answer {
    Answer {
        len,
        kind,
        dst: IpAddr::V6(dst),
    }
}

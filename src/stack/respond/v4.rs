//! The ICMPv4 answers: echo, timestamp and extended echo replies, port unreachable.

use core::net::{IpAddr, Ipv4Addr};
use core::time::Duration;

use crate::checksum::internet_checksum;
use crate::message::any::AnyMessage;
use crate::quote::{protocol, quote_datagram};
use crate::stack::packet::{IpLayer, Upper, ip_layer};
use crate::stack::{Arrival4, Ipv4Info, PacketError, may_send_error_v4};
use crate::v4::TimestampRepr;
use crate::v4::{DestinationUnreachableRepr, Message, Repr, Timestamp, UnreachableCode};
use crate::view::V4;

use super::shared::{emit_error, move_up, too_small, udp_port};
use super::{Answer, AnswerKind, Host, NoAnswer, Responder, options, probe};

/// The fixed part of an IPv4 header, before any options (RFC 791).
const HEADER: usize = 20;

/// The most an error may quote with the IPv4 total length still in 16 bits.
const MAX_QUOTE: usize = 65535 - HEADER - 8;

pub(super) fn respond<H: Host + ?Sized, const N: usize>(
    r: &mut Responder<N>,
    host: &H,
    packet: &[u8],
    link_broadcast: bool,
    now: Duration,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let IpLayer::V4(ip, upper) = ip_layer(packet).map_err(NoAnswer::Packet)? else {
        return Err(NoAnswer::Packet(PacketError::Version { version: 6 }));
    };
    if !ip.header_checksum_valid {
        return Err(NoAnswer::HeaderChecksum);
    }
    let local = host.is_local_v4(ip.dst);
    match upper.protocol {
        protocol::ICMP => {}
        protocol::UDP if local => {
            return port_unreachable(r, host, &ip, &upper, link_broadcast, now, out);
        }
        _ if !local => return Err(NoAnswer::NotForUs(IpAddr::V4(ip.dst))),
        other => {
            return Err(NoAnswer::Packet(PacketError::NotIcmp {
                version: 4,
                protocol: other,
            }));
        }
    }
    let message =
        Message::parse(upper.bytes).map_err(|e| NoAnswer::Packet(PacketError::Message(e)))?;
    match message {
        // Sent to one of the host's addresses, or to a group or broadcast it answers on.
        Message::EchoRequest(echo) => {
            let from = answer_source(host, ip.src, ip.dst)?;
            let head = reply_head(host, &ip, from, packet)?;
            let icmp = upper.bytes.get(..echo.message_len()).unwrap_or(upper.bytes);
            let total = head.len().saturating_add(icmp.len());
            let actual = out.len();
            let reply = out
                .get_mut(head.len()..)
                .and_then(|o| o.get_mut(..icmp.len()))
                .ok_or(too_small(total, actual))?;
            reply.copy_from_slice(icmp);
            r.finish_echo::<V4>(reply, echo.code_u8());
            write_header(r, out, total, &head);
            Ok(answer(total, AnswerKind::EchoReply, ip.src))
        }
        Message::Timestamp(request) => {
            let from = answer_source(host, ip.src, ip.dst)?;
            let now = host
                .timestamp()
                .ok_or(NoAnswer::Disabled(AnswerKind::TimestampReply))?;
            let head = reply_head(host, &ip, from, packet)?;
            timestamp(r, now, &head, &request, out)
        }
        Message::ExtendedEchoRequest(request) => {
            let from = answer_source(host, ip.src, ip.dst)?;
            let repr = Repr::ExtendedEchoReply(probe::reply(host, &request)?);
            let head = reply_head(host, &ip, from, packet)?;
            emit(r, &repr, &head, AnswerKind::ExtendedEchoReply, out)
        }
        _ if !local => Err(NoAnswer::NotForUs(IpAddr::V4(ip.dst))),
        other => Err(NoAnswer::NotARequest {
            version: 4,
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
    let (ip, head, icmp_len, code) = match ip_layer(packet).map_err(NoAnswer::Packet)? {
        IpLayer::V4(ip, upper) if upper.protocol == protocol::ICMP => {
            let message = Message::parse(upper.bytes)
                .map_err(|e| NoAnswer::Packet(PacketError::Message(e)))?;
            let Message::EchoRequest(echo) = message else {
                return Err(NoAnswer::NotInPlace);
            };
            if !ip.header_checksum_valid {
                return Err(NoAnswer::HeaderChecksum);
            }
            let from = answer_source(host, ip.src, ip.dst)?;
            let head = reply_head(host, &ip, from, packet)?;
            (ip, head, echo.message_len(), echo.code_u8())
        }
        _ => return Err(NoAnswer::NotInPlace),
    };
    // The reply's options are at most the request's (the record route and timestamp options,
    // padded): the message moves up to them, or stays.
    move_up(buf, ip.header_len, head.len(), icmp_len);
    let total = head.len().saturating_add(icmp_len);
    if let Some(reply) = buf.get_mut(head.len()..total) {
        r.finish_echo::<V4>(reply, code);
    }
    write_header(r, buf, total, &head);
    Ok(answer(total, AnswerKind::EchoReply, ip.src))
}

/// An answer's IPv4 header, but for its length and identification.
struct Head {
    /// The source.
    from: Ipv4Addr,
    /// The destination.
    to: Ipv4Addr,
    /// The type of service.
    tos: u8,
    /// The options, `options_len` bytes (a multiple of 4), the rest zero.
    options: [u8; options::MAX],
    options_len: usize,
}

impl Head {
    /// A header without options.
    fn plain(from: Ipv4Addr, to: Ipv4Addr, tos: u8) -> Self {
        Self {
            from,
            to,
            tos,
            options: [0; options::MAX],
            options_len: 0,
        }
    }

    /// The header's length in bytes, options included.
    fn len(&self) -> usize {
        HEADER.saturating_add(self.options_len)
    }
}

/// The header of the reply to the request `packet` (echo, timestamp, extended echo): from
/// `from` (its [`answer_source`]) back to the request's source, its type of service kept, its
/// record route and timestamp options returned with this host entered (RFC 1122 sections
/// 3.2.2.6 and 3.2.2.8).
fn reply_head<H: Host + ?Sized>(
    host: &H,
    ip: &Ipv4Info,
    from: Ipv4Addr,
    packet: &[u8],
) -> Result<Head, NoAnswer> {
    let mut head = Head::plain(from, ip.src, ip.tos);
    let request = packet.get(HEADER..ip.header_len).unwrap_or_default();
    head.options_len = options::reflect(host, request, from, &mut head.options)?;
    Ok(head)
}

/// The source of an answer to a request from `src` to `dst`, RFC 1122 section 3.2.1.3's
/// specific-destination address: for a broadcast or multicast `dst`, the address
/// [`Host::specific_destination_v4`] names, if it is one of the host's own and names one host;
/// else `dst`, if it is the host's. Then, for a request that is the host's, no answer to a
/// source that names no single host (the answer would go to a group, or nowhere).
fn answer_source<H: Host + ?Sized>(
    host: &H,
    src: Ipv4Addr,
    dst: Ipv4Addr,
) -> Result<Ipv4Addr, NoAnswer> {
    let from = if dst.is_unspecified() {
        // No address and no group: a martian destination.
        None
    } else if names_no_host(host, dst) {
        host.specific_destination_v4(dst)
            .filter(|&from| !names_no_host(host, from) && host.is_local_v4(from))
    } else {
        Some(dst).filter(|&d| host.is_local_v4(d))
    };
    let from = from.ok_or(NoAnswer::NotForUs(IpAddr::V4(dst)))?;
    if names_no_host(host, src) {
        return Err(NoAnswer::SourceNotAHost(IpAddr::V4(src)));
    }
    Ok(from)
}

/// Whether `a` can never be one host's address: unspecified, multicast, the limited
/// broadcast, or a directed broadcast of the host's subnets.
fn names_no_host<H: Host + ?Sized>(host: &H, a: Ipv4Addr) -> bool {
    a.is_unspecified() || a.is_multicast() || a.is_broadcast() || host.is_directed_broadcast_v4(a)
}

/// A timestamp reply (RFC 792) under `head`: the originate time returned, receive and transmit
/// times both the host's time `now`, code 0, and none of the bytes a request may carry after
/// its 20.
fn timestamp<const N: usize>(
    r: &mut Responder<N>,
    now: u32,
    head: &Head,
    request: &Timestamp<&[u8]>,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let repr = Repr::TimestampReply(TimestampRepr {
        identifier: request.identifier(),
        sequence: request.sequence(),
        originate: request.originate(),
        receive: now,
        transmit: now,
        ..TimestampRepr::default()
    });
    emit(r, &repr, head, AnswerKind::TimestampReply, out)
}

/// A port unreachable about a UDP datagram to a closed port.
#[allow(clippy::too_many_arguments)]
fn port_unreachable<H: Host + ?Sized, const N: usize>(
    r: &mut Responder<N>,
    host: &H,
    ip: &Ipv4Info,
    upper: &Upper<'_>,
    link_broadcast: bool,
    now: Duration,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let port = udp_port(upper.bytes, r.verify_udp_checksum, |c| {
        c.add_bytes(&ip.src.octets());
        c.add_bytes(&ip.dst.octets());
        c.add_u16(u16::from(protocol::UDP));
    })?;
    if host.udp_port_open(IpAddr::V4(ip.dst), port) {
        return Err(NoAnswer::PortOpen { port });
    }
    // Either address may be a directed broadcast only the host knows: the rules refuse both.
    let directed_broadcast = [ip.dst, ip.src]
        .into_iter()
        .find(|&a| host.is_directed_broadcast_v4(a));
    let how = Arrival4 {
        link_broadcast,
        directed_broadcast,
    };
    may_send_error_v4(upper.datagram, how).map_err(NoAnswer::Forbidden)?;
    let quote = quote_datagram(upper.datagram, r.quote);
    let quote = quote.get(..MAX_QUOTE).unwrap_or(quote);
    let total = HEADER.saturating_add(8).saturating_add(quote.len());
    if out.len() < total {
        return Err(too_small(total, out.len()));
    }
    if !r.error_allowed(IpAddr::V4(ip.src), now) {
        return Err(NoAnswer::RateLimited);
    }
    let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
        code: UnreachableCode::PORT_UNREACHABLE,
        quote,
        ..DestinationUnreachableRepr::default()
    });
    // RFC 1812 section 4.3.2.5: an error goes with precedence 6, its type of service kept.
    let tos = (ip.tos & 0x1E) | 0xC0;
    let head = Head::plain(ip.dst, ip.src, tos);
    emit(r, &repr, &head, AnswerKind::PortUnreachable, out)
}

/// Writes `repr` after the IPv4 header `head`.
fn emit<const N: usize>(
    r: &mut Responder<N>,
    repr: &Repr<'_>,
    head: &Head,
    kind: AnswerKind,
    out: &mut [u8],
) -> Result<Answer, NoAnswer> {
    let actual = out.len();
    let body = out
        .get_mut(head.len()..)
        .ok_or(too_small(head.len(), actual))?;
    let n = repr
        .emit(body)
        .map_err(|e| emit_error(e, head.len(), actual))?;
    let total = head.len().saturating_add(n);
    write_header(r, out, total, head);
    Ok(answer(total, kind, head.to))
}

/// Writes the IPv4 header `head` of an ICMP answer of `total` bytes at the start of `out`
/// (which holds the header: every caller has checked for more).
fn write_header<const N: usize>(r: &mut Responder<N>, out: &mut [u8], total: usize, head: &Head) {
    let [t0, t1] = u16::try_from(total).unwrap_or(u16::MAX).to_be_bytes();
    let [i0, i1] = r.next_identification().to_be_bytes();
    let [s0, s1, s2, s3] = head.from.octets();
    let [d0, d1, d2, d3] = head.to.octets();
    // The header length in 4-byte words: 5 fixed, then the options'.
    let ihl = u8::try_from(head.len() / 4).unwrap_or(15);
    let fixed = [
        0x40 | ihl,
        head.tos,
        t0,
        t1,
        i0,
        i1,
        0,
        0,
        r.ttl,
        protocol::ICMP,
        0,
        0,
        s0,
        s1,
        s2,
        s3,
        d0,
        d1,
        d2,
        d3,
    ];
    // The whole header in one array: copies that cannot fail, one checksum over it.
    let mut header = [0u8; HEADER + options::MAX];
    if let Some(base) = header.first_chunk_mut::<HEADER>() {
        *base = fixed;
    }
    let options = head.options.get(..head.options_len).unwrap_or_default();
    for (d, s) in header.iter_mut().skip(HEADER).zip(options) {
        *d = *s;
    }
    let len = head.len().min(header.len());
    let sum = internet_checksum(header.get(..len).unwrap_or_default());
    if let Some(c) = header.get_mut(10..).and_then(|h| h.first_chunk_mut::<2>()) {
        *c = sum.to_be_bytes();
    }
    for (d, s) in out.iter_mut().zip(header.get(..len).unwrap_or_default()) {
        *d = *s;
    }
}

fn answer(len: usize, kind: AnswerKind, dst: Ipv4Addr) -> Answer {
    Answer {
        len,
        kind,
        dst: IpAddr::V4(dst),
    }
}

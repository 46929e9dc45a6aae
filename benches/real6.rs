//! Real ICMPv6 traffic: every well-formed message of the team's ICMPv6 oracle
//! (tests/data/oracle6.min.jsonl.gz: 319 from the Linux kernel capture, 502 from scapy, 51
//! types), each with the addresses it travelled between, parsed with the pseudo-header checksum
//! verified and every field the implementation's API exposes read, icmpwire beside smoltcp,
//! etherparse and pnet_packet in one run: the ICMPv6 counterpart of `benches/real.rs`.
//! `cargo bench --bench real6` (add `--features simd` for the vector checksum); summarise with
//! `python3 benches/report.py real_v6`.
//!
//! As in `real.rs`, each contestant is one `#[inline(never)]` function of one shape, called
//! through a function pointer once per message, and the bench prints first how many messages
//! each refuses (a refusal costs less than a parse). Each reads what its API gives: smoltcp's
//! `Icmpv6Repr` the errors, echoes, the five Neighbor Discovery messages with the options it
//! knows and MLD; etherparse's `Icmpv6Slice` the RFC 4443 types and the fixed headers of router
//! advertisements and neighbor advertisements; pnet_packet the echoes and the Neighbor Discovery
//! packets with their options. The quote of an error is read alike by all: the quoted header's
//! addresses and next header, and the 4 bytes after the header (icmpwire walks the extension
//! header chain to its upper layer, the peers stop at the fixed header). The checksums alone
//! over the same messages follow as references, then icmpwire's and etherparse's reads without
//! the checksum, `icmpwire_header` (the verified parse and the header's fields; a second caller
//! of `Message::parse`, as in `real.rs`) and the runner's own cost (`floor`), as in `real.rs`,
//! and the reads over the messages sorted by type (what a mispredicted dispatch costs in the
//! traffic's own order).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::io::{BufRead, BufReader};
use std::net::Ipv6Addr;

use criterion::{Criterion, criterion_group, criterion_main};
use icmpwire::v6::{Message, NdOptionRepr, NdOptions};
use icmpwire::{AnyMessage as _, Quote};
use pnet_packet::Packet as _;

#[path = "common/harness.rs"]
mod harness;
use harness::{REFUSED, mix, ports_after, traffic, unhex};

/// A contestant: parse a message sent from `src` to `dst`, verify, read, fold.
type Adapter6 = fn(&[u8], Ipv6Addr, Ipv6Addr) -> u64;

/// A message and the addresses its pseudo-header covers.
type Record = (Vec<u8>, Ipv6Addr, Ipv6Addr);

/// The well-formed records, as tests/oracle6.rs reads them.
fn messages() -> Vec<Record> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/oracle6.min.jsonl.gz"
    );
    let file = BufReader::new(flate2::read::GzDecoder::new(
        std::fs::File::open(path).unwrap(),
    ));
    let mut out = Vec::new();
    for line in file.lines() {
        let rec: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        if rec["category"] != "wellformed" {
            continue;
        }
        let bytes = unhex(rec["hex"].as_str().unwrap());
        let addr = |k: &str| rec[k].as_str().unwrap().parse::<Ipv6Addr>().unwrap();
        out.push((bytes, addr("src"), addr("dst")));
    }
    assert_eq!(
        out.len(),
        319 + 502,
        "the well-formed records tests/oracle6.rs counts"
    );
    out
}

#[inline(always)]
fn addr(a: Ipv6Addr) -> u64 {
    let v = u128::from(a);
    (v as u64) ^ (v >> 64) as u64
}

/// What every contestant reads of a quote, folded one way: the fixed header's addresses and
/// next header, and the ports (source in the high half) or 0 when not quoted.
#[inline(always)]
fn quote_word(src: Ipv6Addr, dst: Ipv6Addr, next: u8, ports: u64) -> u64 {
    mix(
        mix(addr(src) ^ addr(dst).rotate_left(17), u64::from(next)),
        ports,
    )
}

/// icmpwire's quote: addresses, next header, and the ports after the extension headers.
#[inline(always)]
fn icmpwire_quote(q: Quote<'_>) -> u64 {
    match q.ipv6() {
        Ok(ip) => {
            let (s, d) = ip.ports().unwrap_or((0, 0));
            quote_word(
                ip.src(),
                ip.dst(),
                ip.next_header(),
                u64::from(s) << 16 | u64::from(d),
            )
        }
        Err(_) => 0,
    }
}

/// Every Neighbor Discovery option's value, as icmpwire decodes it.
#[inline(always)]
fn icmpwire_options(options: NdOptions<'_>) -> u64 {
    let mut acc = 0;
    for o in options {
        let Ok(o) = o else { return mix(acc, 1) };
        acc = mix(
            acc,
            match o.value() {
                Ok(NdOptionRepr::SourceLinkLayerAddress(a))
                | Ok(NdOptionRepr::TargetLinkLayerAddress(a))
                | Ok(NdOptionRepr::Nonce(a)) => a.iter().fold(0, |n, &b| n << 8 | u64::from(b)),
                Ok(NdOptionRepr::PrefixInformation(p)) => {
                    u64::from(p.valid_lifetime) << 32
                        ^ u64::from(p.preferred_lifetime)
                        ^ u64::from(p.prefix_length)
                        ^ addr(p.prefix)
                        ^ u64::from(p.on_link)
                        ^ u64::from(p.autonomous) << 1
                }
                Ok(NdOptionRepr::Mtu { mtu, .. }) => u64::from(mtu),
                Ok(NdOptionRepr::RedirectedHeader { packet, .. }) => packet.len() as u64,
                Ok(NdOptionRepr::RouteInformation(r)) => {
                    u64::from(r.lifetime) ^ addr(r.prefix) ^ u64::from(r.prefix_length)
                }
                Ok(NdOptionRepr::Rdnss {
                    lifetime,
                    addresses,
                    ..
                }) => addresses
                    .iter()
                    .fold(u64::from(lifetime), |n, a| mix(n, addr(a))),
                Ok(_) => u64::from(o.kind().0) << 8 | u64::from(o.length()),
                Err(_) => 2,
            },
        );
    }
    acc
}

#[inline(never)]
fn icmpwire(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let Ok(m) = Message::parse(b, src, dst) else {
        return REFUSED;
    };
    fields(m)
}

/// A reference, not a contestant: the same parse and reads without the checksum.
#[inline(never)]
fn icmpwire_unverified(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    let Ok(m) = Message::parse_unverified(b) else {
        return REFUSED;
    };
    fields(m)
}

/// A reference: the verified parse and the header's reads only. It is also a second caller of
/// `Message::parse`, as a program that parses in more than one place has (see real.rs).
#[inline(never)]
fn icmpwire_header(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let Ok(m) = Message::parse(b, src, dst) else {
        return REFUSED;
    };
    u64::from(m.message_type().0) << 24 | u64::from(m.code_u8()) << 16 | u64::from(m.checksum())
}

/// A reference: what the runner costs every adapter.
#[inline(never)]
fn floor(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    b.len() as u64 ^ u64::from(b.first().copied().unwrap_or(0))
}

/// Every field icmpwire's API exposes of a parsed message, folded into a word.
#[inline(always)]
fn fields(m: Message<&[u8]>) -> u64 {
    let head = u64::from(m.message_type().0) << 24
        | u64::from(m.code_u8()) << 16
        | u64::from(m.checksum());
    let body = match &m {
        Message::EchoRequest(e) | Message::EchoReply(e) => mix(
            u64::from(e.identifier()) << 16 | u64::from(e.sequence()),
            e.data().len() as u64,
        ),
        Message::DestinationUnreachable(v) => {
            mix(u64::from(v.length_field()), icmpwire_quote(v.quote()))
        }
        Message::PacketTooBig(v) => mix(u64::from(v.mtu()), icmpwire_quote(v.quote())),
        Message::TimeExceeded(v) => mix(u64::from(v.length_field()), icmpwire_quote(v.quote())),
        Message::ParameterProblem(v) => mix(u64::from(v.pointer()), icmpwire_quote(v.quote())),
        Message::MulticastListenerQuery(v) => v.sources().iter().fold(
            u64::from(v.max_response_code()) << 32
                ^ addr(v.multicast_address())
                ^ u64::from(v.qrv()) << 16
                ^ u64::from(v.qqic()) << 8
                ^ u64::from(v.suppress()),
            |n, a| mix(n, addr(a)),
        ),
        Message::MulticastListenerReport(v) | Message::MulticastListenerDone(v) => mix(
            u64::from(v.max_response_code()),
            addr(v.multicast_address()),
        ),
        Message::MulticastListenerReportV2(v) => {
            v.records()
                .fold(u64::from(v.number_of_records()), |n, r| match r {
                    Ok(r) => {
                        r.sources().iter().fold(
                            mix(n, u64::from(r.record_type()) ^ addr(r.multicast_address())),
                            |n, a| mix(n, addr(a)),
                        ) ^ r.aux_data().len() as u64
                    }
                    Err(_) => mix(n, 1),
                })
        }
        Message::RouterSolicitation(v) => icmpwire_options(v.options()),
        Message::RouterAdvertisement(v) => mix(
            mix(
                u64::from(v.hop_limit()) << 24
                    | u64::from(v.flags()) << 16
                    | u64::from(v.router_lifetime()),
                u64::from(v.reachable_time()) << 32 | u64::from(v.retrans_timer()),
            ),
            icmpwire_options(v.options()),
        ),
        Message::NeighborSolicitation(v) => mix(addr(v.target()), icmpwire_options(v.options())),
        Message::NeighborAdvertisement(v) => mix(
            addr(v.target())
                ^ u64::from(v.router())
                ^ u64::from(v.solicited()) << 1
                ^ u64::from(v.override_flag()) << 2,
            icmpwire_options(v.options()),
        ),
        Message::Redirect(v) => mix(
            addr(v.target()) ^ addr(v.destination()).rotate_left(7),
            icmpwire_options(v.options()),
        ),
        _ => m.payload().len() as u64,
    };
    mix(head, body)
}

/// smoltcp's most complete API, `Icmpv6Repr::parse` with the checksum verified.
#[inline(never)]
fn smoltcp(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    use smoltcp::wire::{Icmpv6Packet, Icmpv6Repr as R, Ipv6Repr, MldRepr, NdiscRepr as N};
    let p = Icmpv6Packet::new_unchecked(b);
    let caps = smoltcp::phy::ChecksumCapabilities::default();
    let quoted = |h: &Ipv6Repr, data: &[u8]| {
        quote_word(
            h.src_addr,
            h.dst_addr,
            u8::from(h.next_header),
            ports_after(data),
        )
    };
    let lladdr = |a: Option<smoltcp::wire::RawHardwareAddress>| {
        a.map_or(0, |a| {
            a.as_bytes().iter().fold(0, |n, &b| n << 8 | u64::from(b))
        })
    };
    let head = u64::from(u8::from(p.msg_type())) << 24
        | u64::from(p.msg_code()) << 16
        | u64::from(p.checksum());
    let body = match R::parse(&src, &dst, &p, &caps) {
        Ok(R::EchoRequest {
            ident,
            seq_no,
            data,
        })
        | Ok(R::EchoReply {
            ident,
            seq_no,
            data,
        }) => mix(
            u64::from(ident) << 16 | u64::from(seq_no),
            data.len() as u64,
        ),
        Ok(R::DstUnreachable { header, data, .. }) | Ok(R::TimeExceeded { header, data, .. }) => {
            quoted(&header, data)
        }
        Ok(R::PktTooBig { mtu, header, data }) => mix(u64::from(mtu), quoted(&header, data)),
        Ok(R::ParamProblem {
            pointer,
            header,
            data,
            ..
        }) => mix(u64::from(pointer), quoted(&header, data)),
        Ok(R::Mld(MldRepr::Query {
            max_resp_code,
            mcast_addr,
            s_flag,
            qrv,
            qqic,
            num_srcs,
            data,
        })) => mix(
            u64::from(max_resp_code) << 32
                ^ addr(mcast_addr)
                ^ u64::from(qrv) << 16
                ^ u64::from(qqic) << 8
                ^ u64::from(s_flag),
            u64::from(num_srcs) ^ data.len() as u64,
        ),
        Ok(R::Mld(MldRepr::Report {
            nr_mcast_addr_rcrds,
            data,
        })) => mix(u64::from(nr_mcast_addr_rcrds), data.len() as u64),
        Ok(R::Ndisc(N::RouterSolicit { lladdr: l })) => lladdr(l),
        Ok(R::Ndisc(N::RouterAdvert {
            hop_limit,
            flags,
            router_lifetime,
            reachable_time,
            retrans_time,
            lladdr: l,
            mtu,
            prefix_info,
        })) => mix(
            mix(
                u64::from(hop_limit) << 24 | u64::from(flags.bits()) << 16 | router_lifetime.secs(),
                reachable_time.total_millis() << 32 | retrans_time.total_millis(),
            ),
            mix(
                mix(lladdr(l), u64::from(mtu.unwrap_or(0))),
                prefix_info.map_or(0, |p| {
                    p.valid_lifetime.secs() << 32
                        ^ p.preferred_lifetime.secs()
                        ^ u64::from(p.prefix_len)
                        ^ addr(p.prefix)
                        ^ u64::from(p.flags.bits())
                }),
            ),
        ),
        Ok(R::Ndisc(N::NeighborSolicit {
            target_addr,
            lladdr: l,
        })) => mix(addr(target_addr), lladdr(l)),
        Ok(R::Ndisc(N::NeighborAdvert {
            flags,
            target_addr,
            lladdr: l,
        })) => mix(addr(target_addr) ^ u64::from(flags.bits()), lladdr(l)),
        Ok(R::Ndisc(N::Redirect {
            target_addr,
            dest_addr,
            lladdr: l,
            redirected_hdr,
        })) => mix(
            addr(target_addr) ^ addr(dest_addr).rotate_left(7),
            mix(lladdr(l), redirected_hdr.map_or(0, |h| h.data.len() as u64)),
        ),
        _ => return REFUSED,
    };
    mix(head, body)
}

/// etherparse's `Icmpv6Slice`, the checksum checked with `is_checksum_valid`, and its
/// `Icmpv6Type`; the quote through its IPv6 header slice.
#[inline(never)]
fn etherparse(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    etherparse_with(b, Some((src, dst)))
}

/// A reference: etherparse's reads without the checksum.
#[inline(never)]
fn etherparse_unverified(b: &[u8], _: Ipv6Addr, _: Ipv6Addr) -> u64 {
    etherparse_with(b, None)
}

/// etherparse's adapter, the checksum checked against the addresses given.
#[inline(always)]
fn etherparse_with(b: &[u8], addresses: Option<(Ipv6Addr, Ipv6Addr)>) -> u64 {
    use etherparse::Icmpv6Type as T;
    let Ok(s) = etherparse::Icmpv6Slice::from_slice(b) else {
        return REFUSED;
    };
    if let Some((src, dst)) = addresses
        && !s.is_checksum_valid(src.octets(), dst.octets())
    {
        return REFUSED;
    }
    let quote = |payload: &[u8]| match etherparse::Ipv6HeaderSlice::from_slice(payload) {
        Ok(ip) => quote_word(
            ip.source_addr(),
            ip.destination_addr(),
            ip.next_header().0,
            ports_after(payload.get(ip.slice().len()..).unwrap_or(&[])),
        ),
        Err(_) => 0,
    };
    let head =
        u64::from(s.type_u8()) << 24 | u64::from(s.code_u8()) << 16 | u64::from(s.checksum());
    let body = match s.icmp_type() {
        T::EchoRequest(e) | T::EchoReply(e) => mix(
            u64::from(e.id) << 16 | u64::from(e.seq),
            s.payload().len() as u64,
        ),
        T::DestinationUnreachable(_) | T::TimeExceeded(_) => quote(s.payload()),
        T::PacketTooBig { mtu } => mix(u64::from(mtu), quote(s.payload())),
        T::ParameterProblem(h) => mix(u64::from(h.pointer), quote(s.payload())),
        T::RouterAdvertisement(h) => {
            (u64::from(h.cur_hop_limit) << 24
                | u64::from(h.managed_address_config) << 17
                | u64::from(h.other_config) << 16
                | u64::from(h.router_lifetime))
                ^ s.payload().len() as u64
        }
        T::NeighborAdvertisement(h) => {
            (u64::from(h.router) | u64::from(h.solicited) << 1 | u64::from(h.r#override) << 2)
                ^ s.payload().len() as u64
        }
        _ => s.payload().len() as u64,
    };
    mix(head, body)
}

/// pnet_packet's `Icmpv6Packet` with its `checksum`, then the echo and Neighbor Discovery
/// packets with their options; the quote through its `Ipv6Packet`.
#[inline(never)]
fn pnet(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    use pnet_packet::icmpv6::{self, Icmpv6Types as T, ndp};
    let Some(p) = icmpv6::Icmpv6Packet::new(b) else {
        return REFUSED;
    };
    if b.len() < 8 || icmpv6::checksum(&p, &src, &dst) != p.get_checksum() {
        return REFUSED;
    }
    let options = |o: Vec<ndp::NdpOption>| {
        o.iter().fold(0, |n, o| {
            mix(
                n,
                u64::from(o.option_type.0) << 8
                    ^ o.data.iter().fold(0, |n, &b| n << 8 | u64::from(b)),
            )
        })
    };
    let quote = |payload: &[u8]| match pnet_packet::ipv6::Ipv6Packet::new(payload) {
        Some(ip) => quote_word(
            ip.get_source(),
            ip.get_destination(),
            ip.get_next_header().0,
            ports_after(ip.payload()),
        ),
        None => 0,
    };
    let ty = p.get_icmpv6_type();
    let head = u64::from(ty.0) << 24
        | u64::from(p.get_icmpv6_code().0) << 16
        | u64::from(p.get_checksum());
    let body = if ty == T::EchoRequest || ty == T::EchoReply {
        match icmpv6::echo_request::EchoRequestPacket::new(b) {
            Some(e) => mix(
                u64::from(e.get_identifier()) << 16 | u64::from(e.get_sequence_number()),
                e.payload().len() as u64,
            ),
            None => return REFUSED,
        }
    } else if ty == T::RouterSolicit {
        match ndp::RouterSolicitPacket::new(b) {
            Some(v) => options(v.get_options()),
            None => return REFUSED,
        }
    } else if ty == T::RouterAdvert {
        match ndp::RouterAdvertPacket::new(b) {
            Some(v) => mix(
                mix(
                    u64::from(v.get_hop_limit()) << 24
                        | u64::from(v.get_flags()) << 16
                        | u64::from(v.get_lifetime()),
                    u64::from(v.get_reachable_time()) << 32 | u64::from(v.get_retrans_time()),
                ),
                options(v.get_options()),
            ),
            None => return REFUSED,
        }
    } else if ty == T::NeighborSolicit {
        match ndp::NeighborSolicitPacket::new(b) {
            Some(v) => mix(addr(v.get_target_addr()), options(v.get_options())),
            None => return REFUSED,
        }
    } else if ty == T::NeighborAdvert {
        match ndp::NeighborAdvertPacket::new(b) {
            Some(v) => mix(
                addr(v.get_target_addr()) ^ u64::from(v.get_flags()),
                options(v.get_options()),
            ),
            None => return REFUSED,
        }
    } else if ty == T::Redirect {
        match ndp::RedirectPacket::new(b) {
            Some(v) => mix(
                addr(v.get_target_addr()) ^ addr(v.get_dest_addr()).rotate_left(7),
                options(v.get_options()),
            ),
            None => return REFUSED,
        }
    } else if matches!(ty.0, 1..=4) {
        quote(b.get(8..).unwrap_or(&[]))
    } else {
        p.payload().len() as u64
    };
    mix(head, body)
}

/// A reference, not a contestant: icmpwire's pseudo-header checksum over the message and
/// nothing else.
#[inline(never)]
fn read_limit_checksum_icmpwire(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    u64::from(icmpwire::checksum::icmpv6_checksum(src, dst, b))
}

/// The same with smoltcp's checksum functions (the pseudo-header, then the data), as its
/// `Icmpv6Packet::verify_checksum` combines them.
#[inline(never)]
fn read_limit_checksum_smoltcp(b: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    use smoltcp::wire::{IpProtocol, checksum};
    u64::from(checksum::combine(&[
        checksum::pseudo_header_v6(&src, &dst, IpProtocol::Icmpv6, b.len() as u32),
        checksum::data(b),
    ]))
}

fn real6(c: &mut Criterion) {
    let owned = messages();
    let msgs: Vec<(&[u8], Ipv6Addr, Ipv6Addr)> =
        owned.iter().map(|(m, s, d)| (&m[..], *s, *d)).collect();
    let bytes: usize = msgs.iter().map(|m| m.0.len()).sum();
    println!(
        "real ICMPv6 traffic: {} messages, {bytes} bytes",
        msgs.len()
    );
    traffic(
        c,
        "real_v6",
        &msgs,
        &[
            ("icmpwire", icmpwire as Adapter6),
            ("smoltcp", smoltcp),
            ("etherparse", etherparse),
            ("pnet_packet", pnet),
        ],
        &[
            ("read_limit_checksum_icmpwire", read_limit_checksum_icmpwire),
            ("read_limit_checksum_smoltcp", read_limit_checksum_smoltcp),
            ("icmpwire_unverified", icmpwire_unverified),
            ("etherparse_unverified", etherparse_unverified),
            ("icmpwire_header", icmpwire_header),
            ("floor", floor),
        ],
        |f: Adapter6, &(m, src, dst): &(&[u8], Ipv6Addr, Ipv6Addr)| f(m, src, dst),
    );
    // The same reads over the messages sorted by type: every branch on the type is then
    // predicted, so the difference from the row above is what the dispatch's mispredicted
    // jumps cost in the traffic's own order.
    let mut by_type = msgs.clone();
    by_type.sort_by_key(|m| m.0.first().copied());
    traffic(
        c,
        "real_v6",
        &by_type,
        &[],
        &[
            (
                "icmpwire_unverified_by_type",
                icmpwire_unverified as Adapter6,
            ),
            ("etherparse_unverified_by_type", etherparse_unverified),
        ],
        |f: Adapter6, &(m, src, dst): &(&[u8], Ipv6Addr, Ipv6Addr)| f(m, src, dst),
    );
}

criterion_group!(benches, real6);
criterion_main!(benches);

//! Parsing and emitting ICMP messages, icmpwire side by side with smoltcp (wire), etherparse and
//! pnet_packet in one run. `cargo bench --bench messages`; summarise with
//! `python3 benches/report.py parse emit echo router`.
//!
//! Every contestant does the same work through its own public API and returns what it read
//! (through `black_box`), so nothing is optimised away. Where a peer has no API for a step, the
//! bench says what it does instead.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::hint::black_box;
use std::net::Ipv4Addr;
use std::time::Duration;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use icmpwire::checksum::internet_checksum;
use icmpwire::v4::{Message, Repr, RouterAdvertisement, TimeExceededCode, TimeExceededRepr};
use icmpwire::{EchoRepr, QuoteLimit, quote_datagram};
use pnet_packet::Packet as _;

/// A 64-byte echo request (8-byte header, 56 bytes of data, like `ping`), checksum filled in.
fn echo64() -> [u8; 64] {
    let mut b = [0u8; 64];
    b[0] = 8;
    b[4..6].copy_from_slice(&0x1234u16.to_be_bytes());
    b[6..8].copy_from_slice(&7u16.to_be_bytes());
    for (i, x) in b[8..].iter_mut().enumerate() {
        *x = i as u8;
    }
    let c = internet_checksum(&b);
    b[2..4].copy_from_slice(&c.to_be_bytes());
    b
}

/// A 1400-byte UDP datagram 192.0.2.10:43001 -> 203.0.113.2:33434 with TTL 1 (the traceroute
/// probe a router answers).
fn datagram() -> Vec<u8> {
    let mut d = vec![0u8; 1400];
    d[0] = 0x45;
    d[2..4].copy_from_slice(&1400u16.to_be_bytes());
    d[8] = 1;
    d[9] = 17;
    d[12..16].copy_from_slice(&[192, 0, 2, 10]);
    d[16..20].copy_from_slice(&[203, 0, 113, 2]);
    let c = internet_checksum(&d[..20]);
    d[10..12].copy_from_slice(&c.to_be_bytes());
    d[20..22].copy_from_slice(&43001u16.to_be_bytes());
    d[22..24].copy_from_slice(&33434u16.to_be_bytes());
    d[24..26].copy_from_slice(&1380u16.to_be_bytes());
    d
}

/// The 556-byte time exceeded Linux sends for it (548 bytes quoted, RFC 1812).
fn time_exceeded556() -> Vec<u8> {
    let d = datagram();
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

/// A router advertisement with 8 entries (code 0, entry size 2).
fn router_adv8() -> Vec<u8> {
    let mut b = vec![9u8, 0, 0, 0, 8, 2, 0x07, 0x08];
    for i in 0..8u8 {
        b.extend_from_slice(&[192, 0, 2, i + 1]);
        b.extend_from_slice(&(i32::from(i) - 4).to_be_bytes());
    }
    let c = internet_checksum(&b);
    b[2..4].copy_from_slice(&c.to_be_bytes());
    b
}

/// What a parse bench read, folded into one word: `black_box` of a tuple of small integers
/// compiled into split stores and a wider reload (a store-forwarding stall of ~15 cycles) that
/// dominated every contestant's time.
#[inline(always)]
fn pack(ty: u8, code: u8, id: u16, seq: u16) -> u64 {
    u64::from(ty) | u64::from(code) << 8 | u64::from(id) << 16 | u64::from(seq) << 32
}

#[inline(always)]
fn pack_quote(src: Ipv4Addr, dst: Ipv4Addr, sport: u16, dport: u16) -> u64 {
    (u64::from(u32::from(src)) << 32 | u64::from(u32::from(dst)))
        ^ (u64::from(sport) << 16 | u64::from(dport))
}

fn config<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(2));
    g
}

fn parse(c: &mut Criterion) {
    let buf = echo64();
    let buf = &buf[..];

    // Parse, then read type, code, identifier and sequence (no checksum verification).
    let mut g = config(c, "parse_echo64");
    g.bench_function("icmpwire", |b| {
        b.iter(|| match Message::parse_unverified(black_box(buf)) {
            Ok(Message::EchoRequest(e)) => black_box(pack(
                e.message_type().0,
                e.code_u8(),
                e.identifier(),
                e.sequence(),
            )),
            _ => black_box(0),
        })
    });
    g.bench_function("smoltcp", |b| {
        b.iter(
            || match smoltcp::wire::Icmpv4Packet::new_checked(black_box(buf)) {
                Ok(p) => black_box(pack(
                    u8::from(p.msg_type()),
                    p.msg_code(),
                    p.echo_ident(),
                    p.echo_seq_no(),
                )),
                Err(_) => black_box(0),
            },
        )
    });
    g.bench_function("etherparse", |b| {
        b.iter(
            || match etherparse::Icmpv4Slice::from_slice(black_box(buf)) {
                Ok(s) => match s.icmp_type() {
                    etherparse::Icmpv4Type::EchoRequest(h) => {
                        black_box(pack(s.type_u8(), s.code_u8(), h.id, h.seq))
                    }
                    _ => black_box(0),
                },
                Err(_) => black_box(0),
            },
        )
    });
    g.bench_function("pnet_packet", |b| {
        b.iter(
            || match pnet_packet::icmp::echo_request::EchoRequestPacket::new(black_box(buf)) {
                Some(p) => black_box(pack(
                    p.get_icmp_type().0,
                    p.get_icmp_code().0,
                    p.get_identifier(),
                    p.get_sequence_number(),
                )),
                None => black_box(0),
            },
        )
    });
    g.finish();

    // The same with the checksum verified.
    let mut g = config(c, "parse_verify_echo64");
    g.bench_function("icmpwire", |b| {
        b.iter(|| match Message::parse(black_box(buf)) {
            Ok(Message::EchoRequest(e)) => black_box(pack(
                e.message_type().0,
                e.code_u8(),
                e.identifier(),
                e.sequence(),
            )),
            _ => black_box(0),
        })
    });
    g.bench_function("smoltcp", |b| {
        b.iter(
            || match smoltcp::wire::Icmpv4Packet::new_checked(black_box(buf)) {
                Ok(p) if p.verify_checksum() => black_box(pack(
                    u8::from(p.msg_type()),
                    p.msg_code(),
                    p.echo_ident(),
                    p.echo_seq_no(),
                )),
                _ => black_box(0),
            },
        )
    });
    g.bench_function("etherparse", |b| {
        // etherparse parses without verifying; recompute the header's checksum over the payload
        // and compare, its documented way to check.
        b.iter(
            || match etherparse::Icmpv4Slice::from_slice(black_box(buf)) {
                Ok(s) => {
                    let mut h = s.header();
                    h.update_checksum(s.payload());
                    match (h.checksum == s.checksum(), s.icmp_type()) {
                        (true, etherparse::Icmpv4Type::EchoRequest(e)) => {
                            black_box(pack(s.type_u8(), s.code_u8(), e.id, e.seq))
                        }
                        _ => black_box(0),
                    }
                }
                Err(_) => black_box(0),
            },
        )
    });
    g.bench_function("pnet_packet", |b| {
        b.iter(|| {
            let icmp = pnet_packet::icmp::IcmpPacket::new(black_box(buf)).unwrap();
            if pnet_packet::icmp::checksum(&icmp) != icmp.get_checksum() {
                return black_box(0);
            }
            match pnet_packet::icmp::echo_request::EchoRequestPacket::new(buf) {
                Some(p) => black_box(pack(
                    p.get_icmp_type().0,
                    p.get_icmp_code().0,
                    p.get_identifier(),
                    p.get_sequence_number(),
                )),
                None => black_box(0),
            }
        })
    });
    g.finish();

    // A 556-byte time exceeded: the quoted datagram's addresses and ports.
    let te = time_exceeded556();
    let te = &te[..];
    let none = 0u64;
    let mut g = config(c, "parse_time_exceeded556");
    g.bench_function("icmpwire", |b| {
        b.iter(|| match Message::parse_unverified(black_box(te)) {
            Ok(Message::TimeExceeded(m)) => match m.quote().ipv4() {
                Ok(ip) => {
                    let (sp, dp) = ip.ports().unwrap_or((0, 0));
                    black_box(pack_quote(ip.src(), ip.dst(), sp, dp))
                }
                Err(_) => black_box(none),
            },
            _ => black_box(none),
        })
    });
    g.bench_function("smoltcp", |b| {
        // smoltcp's Ipv4Packet::new_checked refuses a quote shorter than the quoted total length
        // (every real quote), so the quote is read with new_unchecked after a length check.
        b.iter(
            || match smoltcp::wire::Icmpv4Packet::new_checked(black_box(te)) {
                Ok(p) => {
                    let data = p.data();
                    if data.len() < 28 {
                        return black_box(none);
                    }
                    let ip = smoltcp::wire::Ipv4Packet::new_unchecked(data);
                    let hl = usize::from(ip.header_len());
                    if data.len() < hl + 4 {
                        return black_box(none);
                    }
                    let udp = smoltcp::wire::UdpPacket::new_unchecked(&data[hl..]);
                    black_box(pack_quote(
                        ip.src_addr(),
                        ip.dst_addr(),
                        udp.src_port(),
                        udp.dst_port(),
                    ))
                }
                Err(_) => black_box(none),
            },
        )
    });
    g.bench_function("etherparse", |b| {
        b.iter(|| {
            let Ok(s) = etherparse::Icmpv4Slice::from_slice(black_box(te)) else {
                return black_box(none);
            };
            let Ok(ip) = etherparse::Ipv4HeaderSlice::from_slice(s.payload()) else {
                return black_box(none);
            };
            let Ok(udp) = etherparse::UdpHeaderSlice::from_slice(&s.payload()[ip.slice().len()..])
            else {
                return black_box(none);
            };
            black_box(pack_quote(
                ip.source_addr(),
                ip.destination_addr(),
                udp.source_port(),
                udp.destination_port(),
            ))
        })
    });
    g.bench_function("pnet_packet", |b| {
        b.iter(|| {
            let Some(p) = pnet_packet::icmp::time_exceeded::TimeExceededPacket::new(black_box(te))
            else {
                return black_box(none);
            };
            let Some(ip) = pnet_packet::ipv4::Ipv4Packet::new(p.payload()) else {
                return black_box(none);
            };
            let Some(udp) = pnet_packet::udp::UdpPacket::new(ip.payload()) else {
                return black_box(none);
            };
            black_box(pack_quote(
                ip.get_source(),
                ip.get_destination(),
                udp.get_source(),
                udp.get_destination(),
            ))
        })
    });
    g.finish();

    // Router advertisement, 8 entries: none of the peers decodes RFC 1256; the baseline is a
    // hand-written loop over the bytes with no checks beyond the slice bounds.
    let ra = router_adv8();
    let ra = &ra[..];
    let mut g = config(c, "router_advertisement8");
    g.bench_function("icmpwire", |b| {
        b.iter(
            || match RouterAdvertisement::parse_unverified(black_box(ra)) {
                Ok(m) => black_box(m.entries().fold(0u64, |acc, e| {
                    acc + u64::from(u32::from(e.address)) + e.preference as u64
                })),
                Err(_) => black_box(0),
            },
        )
    });
    g.bench_function("hand_loop", |b| {
        b.iter(|| {
            let ra = black_box(ra);
            let (n, size) = (usize::from(ra[4]), usize::from(ra[5]) * 4);
            let mut acc = 0u64;
            for i in 0..n {
                let e = &ra[8 + i * size..];
                acc += u64::from(u32::from_be_bytes(e[..4].try_into().unwrap()));
                acc += i32::from_be_bytes(e[4..8].try_into().unwrap()) as u64;
            }
            black_box(acc)
        })
    });
    g.finish();
}

fn emit(c: &mut Criterion) {
    let data: Vec<u8> = (0..56u8).collect();
    let data = &data[..];

    let mut g = config(c, "emit_echo64");
    g.bench_function("icmpwire", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            let repr = Repr::EchoRequest(EchoRepr {
                identifier: black_box(0x1234),
                sequence: black_box(7),
                data: black_box(data),
                code: 0,
            });
            black_box(repr.emit(&mut buf).unwrap());
            black_box(&buf);
        })
    });
    g.bench_function("smoltcp", |b| {
        let mut buf = [0u8; 64];
        let caps = smoltcp::phy::ChecksumCapabilities::default();
        b.iter(|| {
            let repr = smoltcp::wire::Icmpv4Repr::EchoRequest {
                ident: black_box(0x1234),
                seq_no: black_box(7),
                data: black_box(data),
            };
            let mut p = smoltcp::wire::Icmpv4Packet::new_unchecked(&mut buf[..]);
            repr.emit(&mut p, &caps);
            black_box(&buf);
        })
    });
    g.bench_function("etherparse", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            let t = etherparse::Icmpv4Type::EchoRequest(etherparse::IcmpEchoHeader {
                id: black_box(0x1234),
                seq: black_box(7),
            });
            let h = etherparse::Icmpv4Header::with_checksum(t, black_box(data));
            let bytes = h.to_bytes();
            buf[..bytes.len()].copy_from_slice(&bytes);
            buf[bytes.len()..bytes.len() + data.len()].copy_from_slice(data);
            black_box(&buf);
        })
    });
    g.bench_function("pnet_packet", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            use pnet_packet::icmp::echo_request::MutableEchoRequestPacket;
            let mut p = MutableEchoRequestPacket::new(&mut buf[..]).unwrap();
            p.set_icmp_type(pnet_packet::icmp::IcmpTypes::EchoRequest);
            p.set_icmp_code(pnet_packet::icmp::IcmpCode(0));
            p.set_identifier(black_box(0x1234));
            p.set_sequence_number(black_box(7));
            p.set_payload(black_box(data));
            p.set_checksum(0);
            let ck = pnet_packet::icmp::checksum(
                &pnet_packet::icmp::IcmpPacket::new(p.packet()).unwrap(),
            );
            p.set_checksum(ck);
            black_box(&buf);
        })
    });
    g.finish();

    // Time exceeded quoting 548 bytes of a 1400-byte datagram (RFC 1812's 576-byte limit).
    let dgram = datagram();
    let dgram = &dgram[..];
    let mut g = config(c, "emit_time_exceeded556");
    g.bench_function("icmpwire", |b| {
        let mut buf = [0u8; 556];
        b.iter(|| {
            let repr = Repr::TimeExceeded(TimeExceededRepr {
                code: TimeExceededCode::TTL_EXCEEDED,
                quote: quote_datagram(black_box(dgram), QuoteLimit::Rfc1812),
                ..TimeExceededRepr::default()
            });
            black_box(repr.emit(&mut buf).unwrap());
            black_box(&buf);
        })
    });
    g.bench_function("smoltcp", |b| {
        // smoltcp re-emits the quoted IPv4 header from an Ipv4Repr (parsed here from the
        // datagram's fixed fields) and copies the rest.
        let mut buf = [0u8; 556];
        let caps = smoltcp::phy::ChecksumCapabilities::default();
        b.iter(|| {
            let d = black_box(dgram);
            let header = smoltcp::wire::Ipv4Repr {
                src_addr: Ipv4Addr::new(d[12], d[13], d[14], d[15]),
                dst_addr: Ipv4Addr::new(d[16], d[17], d[18], d[19]),
                next_header: smoltcp::wire::IpProtocol::Udp,
                payload_len: 1380,
                hop_limit: d[8],
            };
            let repr = smoltcp::wire::Icmpv4Repr::TimeExceeded {
                reason: smoltcp::wire::Icmpv4TimeExceeded::TtlExpired,
                header,
                data: &d[20..548],
            };
            let mut p = smoltcp::wire::Icmpv4Packet::new_unchecked(&mut buf[..]);
            repr.emit(&mut p, &caps);
            black_box(&buf);
        })
    });
    g.bench_function("etherparse", |b| {
        let mut buf = [0u8; 556];
        b.iter(|| {
            let quote = &black_box(dgram)[..548];
            let t = etherparse::Icmpv4Type::TimeExceeded(
                etherparse::icmpv4::TimeExceededCode::TtlExceededInTransit,
            );
            let h = etherparse::Icmpv4Header::with_checksum(t, quote);
            let bytes = h.to_bytes();
            buf[..8].copy_from_slice(&bytes);
            buf[8..].copy_from_slice(quote);
            black_box(&buf);
        })
    });
    g.bench_function("pnet_packet", |b| {
        let mut buf = [0u8; 556];
        b.iter(|| {
            use pnet_packet::icmp::time_exceeded::MutableTimeExceededPacket;
            let mut p = MutableTimeExceededPacket::new(&mut buf[..]).unwrap();
            p.set_icmp_type(pnet_packet::icmp::IcmpTypes::TimeExceeded);
            p.set_icmp_code(pnet_packet::icmp::IcmpCode(0));
            p.set_unused(0);
            p.set_payload(&black_box(dgram)[..548]);
            p.set_checksum(0);
            let ck = pnet_packet::icmp::checksum(
                &pnet_packet::icmp::IcmpPacket::new(p.packet()).unwrap(),
            );
            p.set_checksum(ck);
            black_box(&buf);
        })
    });
    g.finish();
}

fn echo_reply(c: &mut Criterion) {
    // Turning a received 64-byte echo request into the reply, in place. Each iteration starts
    // from a fresh copy of the request (the copy is outside the timing).
    let request = echo64();
    let mut g = config(c, "echo_reply_in_place");
    // The harness alone (fresh input per iteration, one byte touched): subtract it from the
    // others to get the cost of the conversion itself.
    g.bench_function("hand_harness_only", |b| {
        b.iter_batched_ref(
            || request,
            |buf| {
                buf[0] = black_box(0);
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("icmpwire_incremental", |b| {
        b.iter_batched_ref(
            || request,
            |buf| {
                if let Ok(Message::EchoRequest(mut e)) = Message::parse_unverified(&mut buf[..]) {
                    e.make_reply();
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("icmpwire_recompute", |b| {
        b.iter_batched_ref(
            || request,
            |buf| {
                buf[0] = 0;
                if let Ok(Message::EchoReply(mut e)) = Message::parse_unverified(&mut buf[..]) {
                    e.update_checksum();
                }
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("smoltcp", |b| {
        // smoltcp has no in-place reply: set the type and refill the checksum.
        b.iter_batched_ref(
            || request,
            |buf| {
                let mut p = smoltcp::wire::Icmpv4Packet::new_unchecked(&mut buf[..]);
                p.set_msg_type(smoltcp::wire::Icmpv4Message::EchoReply);
                p.fill_checksum();
            },
            BatchSize::SmallInput,
        )
    });
    g.bench_function("pnet_packet", |b| {
        b.iter_batched_ref(
            || request,
            |buf| {
                let mut p = pnet_packet::icmp::MutableIcmpPacket::new(&mut buf[..]).unwrap();
                p.set_icmp_type(pnet_packet::icmp::IcmpTypes::EchoReply);
                p.set_checksum(0);
                let ck = pnet_packet::icmp::checksum(
                    &pnet_packet::icmp::IcmpPacket::new(p.packet()).unwrap(),
                );
                p.set_checksum(ck);
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, parse, emit, echo_reply);
criterion_main!(benches);

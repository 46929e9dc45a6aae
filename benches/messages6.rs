//! ICMPv6: parsing (with the pseudo-header checksum), emitting, and decoding the quote of the
//! time exceeded Linux sends, icmpwire side by side with smoltcp (wire), etherparse and
//! pnet_packet in one run. `cargo bench --bench messages6`; summarise with
//! `python3 benches/report.py v6_`.
//!
//! Every contestant does the same work through its own public API and returns what it read
//! (through `black_box`). Where a peer has no API for a step, the bench says what it does
//! instead.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::hint::black_box;
use std::net::Ipv6Addr;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use icmpwire::EchoRepr;
use icmpwire::v6::{Message, Repr, TimeExceededCode, TimeExceededRepr, quote_packet};
use pnet_packet::Packet as _;
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv6Packet, Icmpv6Repr, Ipv6ExtHeader};

const SRC: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10);
const DST: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 2, 0, 0, 0, 0, 2);
const ROUTER: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 1);

/// A 64-byte echo request (8-byte header, 56 bytes of data, as `ping` sends) from SRC to DST.
fn echo64() -> Vec<u8> {
    let data: Vec<u8> = (0..56u8).collect();
    let repr = Repr::EchoRequest(EchoRepr {
        identifier: 0x1234,
        sequence: 7,
        data: &data,
        code: 0,
    });
    let mut b = vec![0u8; 64];
    repr.emit(SRC, DST, &mut b).unwrap();
    b
}

/// A 1400-byte UDP probe SRC:43001 -> DST:33434, hop limit 1, behind a hop-by-hop header (a
/// router alert), a destination options header and a fragment header (first fragment): the
/// chain a quote must be walked through to reach the ports.
fn probe() -> Vec<u8> {
    let mut p = vec![0u8; 1400];
    p[0] = 0x60;
    p[4..6].copy_from_slice(&1360u16.to_be_bytes());
    p[6] = 0; // hop-by-hop
    p[7] = 1;
    p[8..24].copy_from_slice(&SRC.octets());
    p[24..40].copy_from_slice(&DST.octets());
    p[40..48].copy_from_slice(&[60, 0, 5, 2, 0, 0, 1, 0]); // -> dest options; router alert, PadN
    p[48..56].copy_from_slice(&[44, 0, 1, 4, 0, 0, 0, 0]); // -> fragment; PadN
    p[56..64].copy_from_slice(&[17, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef]); // -> UDP; offset 0, M
    p[64..66].copy_from_slice(&43001u16.to_be_bytes());
    p[66..68].copy_from_slice(&33434u16.to_be_bytes());
    p[68..70].copy_from_slice(&1336u16.to_be_bytes());
    p
}

/// The time exceeded ROUTER sends SRC for it: 1232 bytes of the probe quoted (RFC 4443 2.4 (c),
/// 1240 bytes in all), as Linux sends it.
fn time_exceeded1240() -> Vec<u8> {
    let p = probe();
    let repr = Repr::TimeExceeded(TimeExceededRepr {
        code: TimeExceededCode::HOP_LIMIT_EXCEEDED,
        quote: quote_packet(&p, &[]),
        ..TimeExceededRepr::default()
    });
    let mut b = vec![0u8; repr.buffer_len()];
    repr.emit(ROUTER, SRC, &mut b).unwrap();
    assert_eq!(b.len(), 1240);
    b
}

#[inline(always)]
fn pack(ty: u8, code: u8, id: u16, seq: u16) -> u64 {
    u64::from(ty) | u64::from(code) << 8 | u64::from(id) << 16 | u64::from(seq) << 32
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

    // Parse, verify the checksum over the pseudo-header, read type, code, identifier, sequence.
    let mut g = config(c, "v6_parse_verify_echo64");
    g.bench_function("icmpwire", |b| {
        b.iter(
            || match Message::parse(black_box(buf), black_box(SRC), black_box(DST)) {
                Ok(Message::EchoRequest(e)) => black_box(pack(
                    e.message_type().0,
                    e.code_u8(),
                    e.identifier(),
                    e.sequence(),
                )),
                _ => black_box(0),
            },
        )
    });
    g.bench_function("smoltcp", |b| {
        let (src, dst) = (SRC, DST);
        b.iter(|| match Icmpv6Packet::new_checked(black_box(buf)) {
            Ok(p) if p.verify_checksum(black_box(&src), black_box(&dst)) => black_box(pack(
                u8::from(p.msg_type()),
                p.msg_code(),
                p.echo_ident(),
                p.echo_seq_no(),
            )),
            _ => black_box(0),
        })
    });
    g.bench_function("etherparse", |b| {
        let (src, dst) = (SRC.octets(), DST.octets());
        b.iter(
            || match etherparse::Icmpv6Slice::from_slice(black_box(buf)) {
                Ok(s) if s.is_checksum_valid(black_box(src), black_box(dst)) => {
                    match s.icmp_type() {
                        etherparse::Icmpv6Type::EchoRequest(h) => {
                            black_box(pack(s.type_u8(), s.code_u8(), h.id, h.seq))
                        }
                        _ => black_box(0),
                    }
                }
                _ => black_box(0),
            },
        )
    });
    g.bench_function("pnet_packet", |b| {
        b.iter(|| {
            use pnet_packet::icmpv6::echo_request::EchoRequestPacket;
            use pnet_packet::icmpv6::{Icmpv6Packet as P, checksum};
            let Some(p) = P::new(black_box(buf)) else {
                return black_box(0);
            };
            if checksum(&p, black_box(&SRC), black_box(&DST)) != p.get_checksum() {
                return black_box(0);
            }
            match EchoRequestPacket::new(buf) {
                Some(e) => black_box(pack(
                    e.get_icmpv6_type().0,
                    e.get_icmpv6_code().0,
                    e.get_identifier(),
                    e.get_sequence_number(),
                )),
                None => black_box(0),
            }
        })
    });
    g.finish();

    // The time exceeded a router sends for a 1400-byte UDP probe behind hop-by-hop, destination
    // options and fragment headers: verify, then the quoted addresses, the chain walked to UDP,
    // and the ports.
    let te = time_exceeded1240();
    let te = &te[..];
    let mut g = config(c, "v6_time_exceeded1240_chain");
    g.bench_function("icmpwire", |b| {
        b.iter(
            || match Message::parse(black_box(te), black_box(ROUTER), black_box(SRC)) {
                Ok(Message::TimeExceeded(m)) => match m.quote().ipv6() {
                    Ok(ip) => {
                        let (sport, dport) = ip.ports().unwrap_or((0, 0));
                        black_box((ip.src(), ip.dst(), sport, dport))
                    }
                    Err(_) => black_box((SRC, SRC, 0, 0)),
                },
                _ => black_box((SRC, SRC, 1, 1)),
            },
        )
    });
    g.bench_function("smoltcp", |b| {
        // Icmpv6Repr::parse verifies (default capabilities) and gives the quoted header; smoltcp
        // does not walk the extension headers of a quote, so they are walked here with its
        // Ipv6ExtHeader.
        let caps = ChecksumCapabilities::default();
        b.iter(|| {
            let Ok(p) = Icmpv6Packet::new_checked(black_box(te)) else {
                return black_box((SRC, SRC, 0, 0));
            };
            match Icmpv6Repr::parse(&black_box(ROUTER), &black_box(SRC), &p, &caps) {
                Ok(Icmpv6Repr::TimeExceeded { header, data, .. }) => {
                    let (mut next, mut rest) = (header.next_header, data);
                    while matches!(
                        next,
                        smoltcp::wire::IpProtocol::HopByHop
                            | smoltcp::wire::IpProtocol::Ipv6Opts
                            | smoltcp::wire::IpProtocol::Ipv6Frag
                            | smoltcp::wire::IpProtocol::Ipv6Route
                    ) {
                        let Ok(h) = Ipv6ExtHeader::new_checked(rest) else {
                            break;
                        };
                        next = h.next_header();
                        rest = &rest[(usize::from(h.header_len()) + 1) * 8..];
                    }
                    let ports = match (next, rest) {
                        (smoltcp::wire::IpProtocol::Udp, [a, b, c, d, ..]) => {
                            (u16::from_be_bytes([*a, *b]), u16::from_be_bytes([*c, *d]))
                        }
                        _ => (0, 0),
                    };
                    black_box((header.src_addr, header.dst_addr, ports.0, ports.1))
                }
                _ => black_box((SRC, SRC, 1, 1)),
            }
        })
    });
    g.bench_function("etherparse", |b| {
        // Verify, then the payload as a time exceeded and its lax IP slice, which walks the
        // extension headers to the upper layer.
        let (src, dst) = (ROUTER.octets(), SRC.octets());
        b.iter(|| {
            use etherparse::icmpv6::Icmpv6PayloadSlice as P;
            let Ok(s) = etherparse::Icmpv6Slice::from_slice(black_box(te)) else {
                return black_box((SRC, SRC, 0, 0));
            };
            if !s.is_checksum_valid(black_box(src), black_box(dst)) {
                return black_box((SRC, SRC, 1, 1));
            }
            let Ok(P::TimeExceeded(t)) = s.payload_slice() else {
                return black_box((SRC, SRC, 2, 2));
            };
            match t.as_lax_ip_slice() {
                Ok((etherparse::LaxIpSlice::Ipv6(ip), _)) => {
                    let h = ip.header();
                    let pl = ip.payload().payload;
                    let ports = match (ip.payload().ip_number, pl) {
                        (etherparse::IpNumber::UDP, [a, b, c, d, ..]) => {
                            (u16::from_be_bytes([*a, *b]), u16::from_be_bytes([*c, *d]))
                        }
                        _ => (0, 0),
                    };
                    black_box((h.source_addr(), h.destination_addr(), ports.0, ports.1))
                }
                _ => black_box((SRC, SRC, 3, 3)),
            }
        })
    });
    g.finish();
}

fn emit(c: &mut Criterion) {
    let data: Vec<u8> = (0..56u8).collect();
    let data = &data[..];
    let mut g = config(c, "v6_emit_echo64");
    g.bench_function("icmpwire", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            let repr = Repr::EchoRequest(EchoRepr {
                identifier: black_box(0x1234),
                sequence: black_box(7),
                data: black_box(data),
                code: 0,
            });
            black_box(repr.emit(black_box(SRC), black_box(DST), &mut buf).unwrap());
            black_box(&buf);
        })
    });
    g.bench_function("smoltcp", |b| {
        let mut buf = [0u8; 64];
        let caps = ChecksumCapabilities::default();
        b.iter(|| {
            let repr = Icmpv6Repr::EchoRequest {
                ident: black_box(0x1234),
                seq_no: black_box(7),
                data: black_box(data),
            };
            let mut p = Icmpv6Packet::new_unchecked(&mut buf[..]);
            repr.emit(&black_box(SRC), &black_box(DST), &mut p, &caps);
            black_box(&buf);
        })
    });
    g.bench_function("etherparse", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            let t = etherparse::Icmpv6Type::EchoRequest(etherparse::IcmpEchoHeader {
                id: black_box(0x1234),
                seq: black_box(7),
            });
            let h = etherparse::Icmpv6Header::with_checksum(
                t,
                black_box(SRC.octets()),
                black_box(DST.octets()),
                black_box(data),
            )
            .unwrap();
            let bytes = h.to_bytes();
            buf[..bytes.len()].copy_from_slice(&bytes);
            buf[bytes.len()..bytes.len() + data.len()].copy_from_slice(data);
            black_box(&buf);
        })
    });
    g.bench_function("pnet_packet", |b| {
        let mut buf = [0u8; 64];
        b.iter(|| {
            use pnet_packet::icmpv6::echo_request::MutableEchoRequestPacket;
            use pnet_packet::icmpv6::{Icmpv6Code, Icmpv6Packet as P, Icmpv6Types, checksum};
            let mut p = MutableEchoRequestPacket::new(&mut buf[..]).unwrap();
            p.set_icmpv6_type(Icmpv6Types::EchoRequest);
            p.set_icmpv6_code(Icmpv6Code(0));
            p.set_identifier(black_box(0x1234));
            p.set_sequence_number(black_box(7));
            p.set_payload(black_box(data));
            p.set_checksum(0);
            let ck = checksum(
                &P::new(p.packet()).unwrap(),
                &black_box(SRC),
                &black_box(DST),
            );
            p.set_checksum(ck);
            black_box(&buf);
        })
    });
    g.finish();
}

/// Every contestant reads what icmpwire reads (checked once, before timing).
fn agree(_: &mut Criterion) {
    let te = time_exceeded1240();
    let Ok(Message::TimeExceeded(m)) = Message::parse(&te[..], ROUTER, SRC) else {
        panic!()
    };
    assert_eq!(m.quote().ipv6().unwrap().ports().unwrap(), (43001, 33434));
    let p = Icmpv6Packet::new_checked(&te[..]).unwrap();
    assert!(p.verify_checksum(&ROUTER, &SRC));
    let s = etherparse::Icmpv6Slice::from_slice(&te[..]).unwrap();
    assert!(s.is_checksum_valid(ROUTER.octets(), SRC.octets()));
    let e = echo64();
    let p = pnet_packet::icmpv6::Icmpv6Packet::new(&e[..]).unwrap();
    assert_eq!(
        pnet_packet::icmpv6::checksum(&p, &SRC, &DST),
        p.get_checksum()
    );
}

criterion_group!(benches, agree, parse, emit);
criterion_main!(benches);

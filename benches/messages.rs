//! Parsing and emitting ICMP messages, icmpwire side by side with smoltcp (wire), etherparse and
//! pnet_packet in one run. `cargo bench --bench messages`; summarise with
//! `python3 benches/report.py parse emit echo router`.
//!
//! Every contestant does the same work through its own public API and returns what it read
//! (through `black_box`), so nothing is optimised away. Where a peer has no API for a step, the
//! bench says what it does instead. The parse cases call each contestant through an
//! `#[inline(never)]` adapter of one shape (common/parse4.rs), on several inputs, after checking
//! that all of them read the same values.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::hint::black_box;
use std::net::Ipv4Addr;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use icmpwire::checksum::internet_checksum;
use icmpwire::v4::{Message, Repr, RouterAdvertisement, TimeExceededCode, TimeExceededRepr};
use icmpwire::{EchoRepr, QuoteLimit, quote_datagram};
use pnet_packet::Packet as _;

#[path = "common/harness.rs"]
mod harness;
use harness::config;

#[path = "common/parse4.rs"]
mod parse4;
use parse4::{
    Adapter, cross_check, datagram, echo, echo_inputs, etherparse_echo, etherparse_message,
    etherparse_message_verified, etherparse_quote, icmpwire_echo, icmpwire_message,
    icmpwire_message_verified, icmpwire_quote, message_inputs, pnet_echo, pnet_message,
    pnet_message_verified, pnet_quote, quote_inputs, smoltcp_echo, smoltcp_message,
    smoltcp_message_verified, smoltcp_quote,
};

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

/// Times every adapter of a case on every input, after checking that they read the same.
fn case(c: &mut Criterion, group: &str, adapters: &[(&str, Adapter)], inputs: &[(&str, Vec<u8>)]) {
    cross_check(group, adapters, inputs);
    let mut g = config(c, group);
    for (input, bytes) in inputs {
        for &(name, f) in adapters {
            g.bench_with_input(BenchmarkId::new(name, input), &bytes[..], |b, bytes| {
                b.iter(|| black_box(f)(black_box(bytes)))
            });
        }
    }
    g.finish();
}

fn parse(c: &mut Criterion) {
    // The typed echo view (each peer's nearest API): type, code, checksum, id, sequence.
    case(
        c,
        "parse_echo",
        &[
            ("icmpwire", icmpwire_echo),
            ("smoltcp", smoltcp_echo),
            ("etherparse", etherparse_echo),
            ("pnet_packet", pnet_echo),
        ],
        &echo_inputs(),
    );
    // Any message through the dispatch, without and with the checksum verified.
    case(
        c,
        "parse_message",
        &[
            ("icmpwire", icmpwire_message),
            ("smoltcp", smoltcp_message),
            ("etherparse", etherparse_message),
            ("pnet_packet", pnet_message),
        ],
        &message_inputs(),
    );
    case(
        c,
        "parse_verify_message",
        &[
            ("icmpwire", icmpwire_message_verified),
            ("smoltcp", smoltcp_message_verified),
            ("etherparse", etherparse_message_verified),
            ("pnet_packet", pnet_message_verified),
        ],
        &message_inputs(),
    );
    // The quoted datagram of an error: addresses and ports.
    case(
        c,
        "parse_quote",
        &[
            ("icmpwire", icmpwire_quote),
            ("smoltcp", smoltcp_quote),
            ("etherparse", etherparse_quote),
            ("pnet_packet", pnet_quote),
        ],
        &quote_inputs(),
    );

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
    let dgram = datagram(1400, 0);
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
    let request: [u8; 64] = echo(8, 64).try_into().unwrap();
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

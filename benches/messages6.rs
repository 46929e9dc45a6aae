//! ICMPv6: parsing (with the pseudo-header checksum), emitting, and decoding the quote of the
//! time exceeded Linux sends, icmpwire side by side with smoltcp (wire), etherparse and
//! pnet_packet in one run. `cargo bench --bench messages6`; summarise with
//! `python3 benches/report.py v6_`.
//!
//! Every contestant does the same work through its own public API and returns what it read
//! (through `black_box`). Where a peer has no API for a step, the bench says what it does
//! instead. The parse cases call each contestant through an `#[inline(never)]` adapter of one
//! shape (common/parse6.rs), on several inputs, after checking that all of them read the same
//! values.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use icmpwire::EchoRepr;
use icmpwire::v6::Repr;
use pnet_packet::Packet as _;
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv6Packet, Icmpv6Repr};

#[path = "common/harness.rs"]
mod harness;
use harness::config;

#[path = "common/parse6.rs"]
mod parse6;
use parse6::{
    Adapter6, DST, Input6, SRC, cross_check, etherparse_message, etherparse_message_verified,
    etherparse_quote, icmpwire_message, icmpwire_message_verified, icmpwire_quote, message_inputs,
    pnet_message, pnet_message_verified, pnet_quote, quote_inputs, smoltcp_message,
    smoltcp_message_verified, smoltcp_quote,
};

/// Times every adapter of a case on every input, after checking that they read the same.
fn case(c: &mut Criterion, group: &str, adapters: &[(&str, Adapter6)], inputs: &[Input6]) {
    cross_check(group, adapters, inputs);
    let mut g = config(c, group);
    for (input, bytes, src, dst) in inputs {
        for &(name, f) in adapters {
            g.bench_with_input(BenchmarkId::new(name, input), &bytes[..], |b, bytes| {
                b.iter(|| black_box(f)(black_box(bytes), black_box(*src), black_box(*dst)))
            });
        }
    }
    g.finish();
}

fn parse(c: &mut Criterion) {
    // Any message through the dispatch, without and with the pseudo-header checksum verified.
    case(
        c,
        "v6_parse_message",
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
        "v6_parse_verify_message",
        &[
            ("icmpwire", icmpwire_message_verified),
            ("smoltcp", smoltcp_message_verified),
            ("etherparse", etherparse_message_verified),
            ("pnet_packet", pnet_message_verified),
        ],
        &message_inputs(),
    );
    // The quote of an error: the quoted addresses, the extension header chain walked, the ports.
    case(
        c,
        "v6_parse_quote",
        &[
            ("icmpwire", icmpwire_quote),
            ("smoltcp", smoltcp_quote),
            ("etherparse", etherparse_quote),
            ("pnet_packet", pnet_quote),
        ],
        &quote_inputs(),
    );
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

criterion_group!(benches, parse, emit);
criterion_main!(benches);

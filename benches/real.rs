//! Real traffic: every well-formed ICMPv4 message of the Linux kernel capture and of the scapy
//! corpus (tests/data: 162 + 493 messages of 17 types), parsed with the checksum verified and
//! every field the implementation's API exposes read, icmpwire beside smoltcp, etherparse and
//! pnet_packet in one run. `cargo bench --bench real` (add `--features simd` for the vector
//! checksum); summarise with `python3 benches/report.py real`.
//!
//! Each contestant is one `#[inline(never)]` function of the same shape, called through a
//! function pointer once per message. Before timing, the bench prints how many messages each
//! refuses: what a peer's API cannot represent is refused (smoltcp's `Icmpv4Repr` knows four
//! types), and a refusal costs less than a parse, so the per-message times are only comparable
//! together with those counts. Two references follow the contestants: each implementation's
//! checksum over the same messages and nothing else (`read_limit_checksum_*`), the floor under
//! any verified parse, and icmpwire's over the messages sorted by length (what the checksum
//! costs when the branch predictor knows every length); then the parse without its checksum
//! (`icmpwire_unverified`, `smoltcp_unverified`: the same reads), `icmpwire_header` (the
//! verified parse and the header's three fields) and `floor`, what the runner costs any
//! adapter. A verified parse costs about checksum + unverified - floor. `icmpwire_header` is
//! also a second caller of `Message::parse`, as most programs have: it changes how the
//! `icmpwire` contestant compiles (figures before it, BENCHMARKS.md's sixth pass and earlier,
//! had one caller; the seventh pass has both).
//!
//! Where the linker puts the adapters moved icmpwire's time by 12% with no change to the code
//! measured; built with `RUSTFLAGS="-C llvm-args=-align-all-functions=6 -C
//! llvm-args=-align-all-nofallthru-blocks=5"` (every function and jump target aligned), the
//! two layouts agreed within 2% (BENCHMARKS.md, issue 17's sixth pass).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::io::{BufRead, BufReader};
use std::net::Ipv4Addr;

use criterion::{Criterion, criterion_group, criterion_main};
use icmpwire::v4::Message;
use icmpwire::{AnyMessage as _, Quote};
use pnet_packet::Packet as _;

#[path = "common/harness.rs"]
mod harness;
use harness::{REFUSED, mix, ports_after, traffic, unhex};

type Adapter = fn(&[u8]) -> u64;

/// The well-formed records' messages, as tests/oracle.rs reads them.
fn messages() -> Vec<Vec<u8>> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/");
    let kernel = BufReader::new(std::fs::File::open(format!("{dir}kernel.jsonl")).unwrap());
    let scapy = BufReader::new(flate2::read::GzDecoder::new(
        std::fs::File::open(format!("{dir}scapy_corpus.min.jsonl.gz")).unwrap(),
    ));
    let mut out = Vec::new();
    for line in kernel.lines().chain(scapy.lines()) {
        let rec: serde_json::Value = serde_json::from_str(&line.unwrap()).unwrap();
        if rec["category"] == "wellformed" {
            out.push(unhex(rec["hex"].as_str().unwrap()));
        }
    }
    assert_eq!(
        out.len(),
        162 + 493,
        "the well-formed records tests/oracle.rs counts"
    );
    out
}

#[inline(always)]
fn addr(a: Ipv4Addr) -> u64 {
    u64::from(u32::from(a))
}

/// What every contestant reads of a quote, folded one way: the quoted header's addresses and
/// protocol, and the ports (source in the high half) or 0 when not quoted.
#[inline(always)]
fn quote_word(src: Ipv4Addr, dst: Ipv4Addr, protocol: u8, ports: u64) -> u64 {
    mix(mix(addr(src) << 32 | addr(dst), u64::from(protocol)), ports)
}

/// The quoted IPv4 header's addresses, protocol and ports, as far as present.
#[inline(always)]
fn icmpwire_quote(q: Quote<'_>) -> u64 {
    match q.ipv4() {
        Ok(ip) => {
            let (s, d) = ip.ports().unwrap_or((0, 0));
            quote_word(
                ip.src(),
                ip.dst(),
                ip.protocol(),
                u64::from(s) << 16 | u64::from(d),
            )
        }
        Err(_) => 0,
    }
}

#[inline(never)]
fn icmpwire(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse(b) else {
        return REFUSED;
    };
    fields(m)
}

/// A reference, not a contestant: the same parse and reads without the checksum (what the
/// parse costs beside the checksum).
#[inline(never)]
fn icmpwire_unverified(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse_unverified(b) else {
        return REFUSED;
    };
    fields(m)
}

/// A reference: the verified parse and the header's reads only. It is also a second caller of
/// `Message::parse`, as a program that parses in more than one place has: with one caller the
/// compiler inlines what it would not inline for two (an out-of-line parse once cost 34% here).
#[inline(never)]
fn icmpwire_header(b: &[u8]) -> u64 {
    let Ok(m) = Message::parse(b) else {
        return REFUSED;
    };
    u64::from(m.message_type().0) << 24 | u64::from(m.code_u8()) << 16 | u64::from(m.checksum())
}

/// A reference: what the runner costs every adapter (the call, the loads of the message's
/// pointer and length, the fold of the word returned).
#[inline(never)]
fn floor(b: &[u8]) -> u64 {
    b.len() as u64 ^ u64::from(b.first().copied().unwrap_or(0))
}

/// Every field icmpwire's API exposes of a parsed message, folded into a word.
#[inline(always)]
fn fields(m: Message<&[u8]>) -> u64 {
    let head = u64::from(m.message_type().0) << 24
        | u64::from(m.code_u8()) << 16
        | u64::from(m.checksum());
    let body = match &m {
        Message::EchoRequest(e)
        | Message::EchoReply(e)
        | Message::InformationRequest(e)
        | Message::InformationReply(e) => mix(
            u64::from(e.identifier()) << 16 | u64::from(e.sequence()),
            e.data().len() as u64,
        ),
        Message::DestinationUnreachable(v) => mix(
            u64::from(v.next_hop_mtu()) << 8 | u64::from(v.length_field()),
            icmpwire_quote(v.quote()),
        ),
        Message::TimeExceeded(v) => mix(u64::from(v.length_field()), icmpwire_quote(v.quote())),
        Message::ParameterProblem(v) => mix(
            u64::from(v.pointer()) << 8 | u64::from(v.length_field()),
            icmpwire_quote(v.quote()),
        ),
        Message::SourceQuench(v) => icmpwire_quote(v.quote()),
        Message::Redirect(v) => mix(addr(v.gateway()), icmpwire_quote(v.quote())),
        Message::Photuris(v) => mix(u64::from(v.pointer()), icmpwire_quote(v.quote())),
        Message::Timestamp(v) | Message::TimestampReply(v) => mix(
            mix(
                u64::from(v.identifier()) << 16 | u64::from(v.sequence()),
                u64::from(v.originate()),
            ),
            u64::from(v.receive()) << 32 | u64::from(v.transmit()),
        ),
        Message::AddressMaskRequest(v) | Message::AddressMaskReply(v) => mix(
            u64::from(v.identifier()) << 16 | u64::from(v.sequence()),
            addr(v.mask()),
        ),
        Message::RouterAdvertisement(v) => v.entries().fold(u64::from(v.lifetime()), |acc, e| {
            mix(acc, addr(e.address) ^ u64::from(e.preference as u32) << 32)
        }),
        Message::Traceroute(v) => mix(
            u64::from(v.identifier()) << 32
                | u64::from(v.outbound_hop_count()) << 16
                | u64::from(v.return_hop_count()),
            u64::from(v.output_link_speed()) << 32 | u64::from(v.output_link_mtu()),
        ),
        Message::ExtendedEchoRequest(v) => mix(
            u64::from(v.identifier()) << 8 | u64::from(v.sequence()),
            u64::from(v.local()),
        ),
        Message::ExtendedEchoReply(v) => mix(
            u64::from(v.identifier()) << 8 | u64::from(v.sequence()),
            u64::from(v.state()) << 2 | u64::from(v.active()),
        ),
        _ => m.payload().len() as u64,
    };
    mix(head, body)
}

/// smoltcp's most complete API, `Icmpv4Repr::parse` (checksum verified): echo, destination
/// unreachable and time exceeded; every other type is refused.
#[inline(never)]
fn smoltcp(b: &[u8]) -> u64 {
    smoltcp_with(b, smoltcp::phy::ChecksumCapabilities::default())
}

/// A reference: smoltcp's parse with its checksum capabilities set to ignore the checksum (of
/// the message and of the quoted IPv4 header).
#[inline(never)]
fn smoltcp_unverified(b: &[u8]) -> u64 {
    smoltcp_with(b, smoltcp::phy::ChecksumCapabilities::ignored())
}

/// smoltcp's adapter with the checksum capabilities given.
#[inline(always)]
fn smoltcp_with(b: &[u8], caps: smoltcp::phy::ChecksumCapabilities) -> u64 {
    use smoltcp::wire::{Icmpv4Packet, Icmpv4Repr};
    let p = Icmpv4Packet::new_unchecked(b);
    let quoted = |h: &smoltcp::wire::Ipv4Repr, data: &[u8]| {
        quote_word(
            h.src_addr,
            h.dst_addr,
            u8::from(h.next_header),
            ports_after(data),
        )
    };
    match Icmpv4Repr::parse(&p, &caps) {
        Ok(Icmpv4Repr::EchoRequest {
            ident,
            seq_no,
            data,
        })
        | Ok(Icmpv4Repr::EchoReply {
            ident,
            seq_no,
            data,
        }) => mix(
            u64::from(ident) << 16 | u64::from(seq_no),
            data.len() as u64,
        ),
        Ok(Icmpv4Repr::DstUnreachable {
            reason,
            header,
            data,
        }) => mix(u64::from(u8::from(reason)), quoted(&header, data)),
        Ok(Icmpv4Repr::TimeExceeded {
            reason,
            header,
            data,
        }) => mix(u64::from(u8::from(reason)), quoted(&header, data)),
        _ => REFUSED,
    }
}

/// The quoted IPv4 header through etherparse's header slice, and the 4 bytes after it.
#[inline(always)]
fn etherparse_quote(payload: &[u8]) -> u64 {
    match etherparse::Ipv4HeaderSlice::from_slice(payload) {
        Ok(ip) => quote_word(
            ip.source_addr(),
            ip.destination_addr(),
            ip.protocol().0,
            ports_after(payload.get(ip.slice().len()..).unwrap_or(&[])),
        ),
        Err(_) => 0,
    }
}

/// etherparse's `Icmpv4Slice` and its `Icmpv4Type` (echo, unreachable, redirect, time exceeded,
/// parameter problem, timestamps; every other type as `Unknown` with its bytes), the checksum
/// recomputed and compared (etherparse does not verify on parse).
#[inline(never)]
fn etherparse(b: &[u8]) -> u64 {
    use etherparse::Icmpv4Type as T;
    let Ok(s) = etherparse::Icmpv4Slice::from_slice(b) else {
        return REFUSED;
    };
    let mut h = s.header();
    h.update_checksum(s.payload());
    if h.checksum != s.checksum() {
        return REFUSED;
    }
    let head =
        u64::from(s.type_u8()) << 24 | u64::from(s.code_u8()) << 16 | u64::from(s.checksum());
    let body = match s.icmp_type() {
        T::EchoRequest(e) | T::EchoReply(e) => mix(
            u64::from(e.id) << 16 | u64::from(e.seq),
            s.payload().len() as u64,
        ),
        T::DestinationUnreachable(_) | T::TimeExceeded(_) => etherparse_quote(s.payload()),
        T::Redirect(r) => mix(
            u64::from(u32::from_be_bytes(r.gateway_internet_address)),
            etherparse_quote(s.payload()),
        ),
        T::ParameterProblem(_) => etherparse_quote(s.payload()),
        T::TimestampRequest(t) | T::TimestampReply(t) => mix(
            mix(
                u64::from(t.id) << 16 | u64::from(t.seq),
                u64::from(t.originate_timestamp),
            ),
            u64::from(t.receive_timestamp) << 32 | u64::from(t.transmit_timestamp),
        ),
        T::Unknown { bytes5to8, .. } => mix(
            u64::from(u32::from_be_bytes(bytes5to8)),
            s.payload().len() as u64,
        ),
    };
    mix(head, body)
}

/// pnet_packet's `IcmpPacket` with its checksum, then the type's packet where pnet has one
/// (echo, unreachable, time exceeded); other types are read as the generic packet.
#[inline(never)]
fn pnet(b: &[u8]) -> u64 {
    use pnet_packet::icmp::{self, IcmpTypes};
    let Some(p) = icmp::IcmpPacket::new(b) else {
        return REFUSED;
    };
    if b.len() < 8 || icmp::checksum(&p) != p.get_checksum() {
        return REFUSED;
    }
    let ty = p.get_icmp_type();
    let head =
        u64::from(ty.0) << 24 | u64::from(p.get_icmp_code().0) << 16 | u64::from(p.get_checksum());
    let quote = |payload: &[u8]| match pnet_packet::ipv4::Ipv4Packet::new(payload) {
        Some(ip) => quote_word(
            ip.get_source(),
            ip.get_destination(),
            ip.get_next_level_protocol().0,
            ports_after(ip.payload()),
        ),
        None => 0,
    };
    let body = if ty == IcmpTypes::EchoRequest || ty == IcmpTypes::EchoReply {
        match icmp::echo_request::EchoRequestPacket::new(b) {
            Some(e) => mix(
                u64::from(e.get_identifier()) << 16 | u64::from(e.get_sequence_number()),
                e.payload().len() as u64,
            ),
            None => return REFUSED,
        }
    } else if ty == IcmpTypes::DestinationUnreachable {
        match icmp::destination_unreachable::DestinationUnreachablePacket::new(b) {
            Some(u) => quote(u.payload()),
            None => return REFUSED,
        }
    } else if ty == IcmpTypes::TimeExceeded {
        match icmp::time_exceeded::TimeExceededPacket::new(b) {
            Some(t) => quote(t.payload()),
            None => return REFUSED,
        }
    } else {
        p.payload().len() as u64
    };
    mix(head, body)
}

/// A reference, not a contestant: icmpwire's checksum over the message and nothing else, the
/// part of a verified parse that grows with the bytes (what the parse adds is the rest).
#[inline(never)]
fn read_limit_checksum_icmpwire(b: &[u8]) -> u64 {
    u64::from(icmpwire::checksum::internet_checksum(b))
}

/// The same with smoltcp's checksum (`smoltcp::wire::checksum::data`), which its
/// `Icmpv4Repr::parse` runs before anything else.
#[inline(never)]
fn read_limit_checksum_smoltcp(b: &[u8]) -> u64 {
    u64::from(smoltcp::wire::checksum::data(b))
}

fn real(c: &mut Criterion) {
    let owned = messages();
    let msgs: Vec<&[u8]> = owned.iter().map(|m| &m[..]).collect();
    let bytes: usize = msgs.iter().map(|m| m.len()).sum();
    println!("real traffic: {} messages, {bytes} bytes", msgs.len());
    let call = |f: Adapter, m: &&[u8]| f(m);
    traffic(
        c,
        "real_v4",
        &msgs,
        &[
            ("icmpwire", icmpwire as Adapter),
            ("smoltcp", smoltcp),
            ("etherparse", etherparse),
            ("pnet_packet", pnet),
        ],
        &[
            ("read_limit_checksum_icmpwire", read_limit_checksum_icmpwire),
            ("read_limit_checksum_smoltcp", read_limit_checksum_smoltcp),
            ("icmpwire_unverified", icmpwire_unverified),
            ("icmpwire_header", icmpwire_header),
            ("floor", floor),
            ("smoltcp_unverified", smoltcp_unverified),
        ],
        call,
    );
    // The same checksums over the messages sorted by length: every branch on the length is
    // then predicted, so the difference from the row above is what mispredicted length
    // branches cost in the traffic's own order.
    let mut by_length = msgs.clone();
    by_length.sort_by_key(|m| m.len());
    traffic(
        c,
        "real_v4",
        &by_length,
        &[],
        &[(
            "read_limit_checksum_icmpwire_by_length",
            read_limit_checksum_icmpwire as Adapter,
        )],
        call,
    );
}

criterion_group!(benches, real);
criterion_main!(benches);

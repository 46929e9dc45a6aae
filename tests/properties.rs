//! Properties over every message type: values -> emit -> parse gives the same values; emitting
//! into a buffer full of garbage gives the same bytes as into a zeroed one; arbitrary bytes never
//! panic any parser or accessor; setters keep the checksum equal to a recomputation.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;
#[path = "../examples/icmpdump/json.rs"]
#[allow(dead_code)]
mod json;

use std::net::Ipv4Addr;

use common::reference_sum;
use icmpwire::v4::*;
use icmpwire::*;
use proptest::prelude::*;

fn data() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..600)
}

fn addr() -> impl Strategy<Value = Ipv4Addr> {
    any::<u32>().prop_map(Ipv4Addr::from)
}

/// Owned inputs for every `Repr` variant (the borrowed slices live in this value).
#[derive(Clone, Debug)]
enum Spec {
    Echo(u8, u8, u16, u16, Vec<u8>),
    Unreachable(u8, u8, u8, u16, Vec<u8>),
    Quench(u8, u32, Vec<u8>),
    Photuris(u8, u16, u16, Vec<u8>),
    Redirect(u8, Ipv4Addr, Vec<u8>),
    RouterAdv(u8, u16, Vec<(Ipv4Addr, i32)>, Vec<u8>),
    RouterAdvRaw(u8, u16, u8, u8, Vec<u8>),
    RouterSol(u8, u32, Vec<u8>),
    TimeExceeded(u8, u8, u32, Vec<u8>),
    ParamProblem(u8, u8, u8, u16, Vec<u8>),
    Timestamp(bool, u8, u16, u16, [u32; 3], Vec<u8>),
    Mask(bool, u8, u16, u16, Ipv4Addr, Vec<u8>),
    Other(u8, u8, [u8; 4], Vec<u8>),
    ExtEchoRequest(u8, u16, u8, bool, u8, Vec<u8>),
    ExtEchoReply(u8, u16, u8, u8, u8, [bool; 3], Vec<u8>),
    DomainNameRequest(u8, u16, u16, Vec<u8>),
    DomainNameReply(u8, u16, u16, i32, Vec<u8>),
    Traceroute(u8, u16, u16, [u16; 2], [u32; 2], Vec<u8>),
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        (
            prop::sample::select(vec![0u8, 8, 15, 16]),
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            data()
        )
            .prop_map(|(t, c, i, s, d)| Spec::Echo(t, c, i, s, d)),
        (any::<u8>(), any::<u8>(), any::<u8>(), any::<u16>(), data())
            .prop_map(|(c, u, l, m, d)| Spec::Unreachable(c, u, l, m, d)),
        (any::<u8>(), any::<u32>(), data()).prop_map(|(c, u, d)| Spec::Quench(c, u, d)),
        (any::<u8>(), any::<u16>(), any::<u16>(), data())
            .prop_map(|(c, r, p, d)| Spec::Photuris(c, r, p, d)),
        (any::<u8>(), addr(), data()).prop_map(|(c, g, d)| Spec::Redirect(c, g, d)),
        (
            any::<u8>(),
            any::<u16>(),
            proptest::collection::vec((addr(), any::<i32>()), 0..40),
            data()
        )
            .prop_map(|(c, l, e, t)| Spec::RouterAdv(c, l, e, t)),
        (any::<u8>(), any::<u16>(), 0u8..20, 2u8..6, any::<u64>()).prop_map(
            |(c, l, n, size, seed)| {
                let mut x = seed | 1;
                let bytes = (0..usize::from(n) * usize::from(size) * 4)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        x as u8
                    })
                    .collect();
                Spec::RouterAdvRaw(c, l, n, size, bytes)
            }
        ),
        (any::<u8>(), any::<u32>(), data()).prop_map(|(c, r, d)| Spec::RouterSol(c, r, d)),
        (any::<u8>(), any::<u8>(), 0u32..0x0100_0000, data())
            .prop_map(|(c, l, u, d)| Spec::TimeExceeded(c, l, u, d)),
        (any::<u8>(), any::<u8>(), any::<u8>(), any::<u16>(), data())
            .prop_map(|(c, p, l, u, d)| Spec::ParamProblem(c, p, l, u, d)),
        (
            any::<bool>(),
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            any::<[u32; 3]>(),
            data()
        )
            .prop_map(|(r, c, i, s, t, d)| Spec::Timestamp(r, c, i, s, t, d)),
        (
            any::<bool>(),
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            addr(),
            data()
        )
            .prop_map(|(r, c, i, s, m, d)| Spec::Mask(r, c, i, s, m, d)),
        // Any type that has no typed view (and none that has: those parse as their view).
        (
            any::<u8>().prop_filter("no typed view", |t| !matches!(
                t,
                0 | 3 | 4 | 5 | 8..=18 | 30 | 37 | 38 | 40 | 42 | 43
            )),
            any::<u8>(),
            any::<[u8; 4]>(),
            data()
        )
            .prop_map(|(t, c, r, d)| Spec::Other(t, c, r, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u8>(),
            any::<bool>(),
            0u8..128,
            data()
        )
            .prop_map(|(c, i, s, l, r, d)| Spec::ExtEchoRequest(c, i, s, l, r, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u8>(),
            0u8..8,
            0u8..4,
            any::<[bool; 3]>(),
            data()
        )
            .prop_map(|(c, i, s, st, r, b, d)| Spec::ExtEchoReply(c, i, s, st, r, b, d)),
        (any::<u8>(), any::<u16>(), any::<u16>(), data())
            .prop_map(|(c, i, s, d)| Spec::DomainNameRequest(c, i, s, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            any::<i32>(),
            data()
        )
            .prop_map(|(c, i, s, t, d)| Spec::DomainNameReply(c, i, s, t, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            any::<[u16; 2]>(),
            any::<[u32; 2]>(),
            data()
        )
            .prop_map(|(c, i, u, h, l, d)| Spec::Traceroute(c, i, u, h, l, d)),
    ]
}

fn entries_of(list: &[(Ipv4Addr, i32)]) -> Vec<RouterEntry> {
    list.iter()
        .map(|&(address, preference)| RouterEntry {
            address,
            preference,
        })
        .collect()
}

/// Calls `f` with the `Repr` that `spec` describes.
fn with_repr<T>(spec: &Spec, f: impl FnOnce(Repr<'_>) -> T) -> T {
    match spec {
        Spec::Echo(t, code, identifier, sequence, data) => {
            let r = EchoRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                data,
            };
            f(match t {
                0 => Repr::EchoReply(r),
                8 => Repr::EchoRequest(r),
                15 => Repr::InformationRequest(r),
                _ => Repr::InformationReply(r),
            })
        }
        Spec::Unreachable(code, unused, length, mtu, quote) => {
            f(Repr::DestinationUnreachable(DestinationUnreachableRepr {
                code: UnreachableCode(*code),
                unused: *unused,
                length_field: *length,
                next_hop_mtu: *mtu,
                quote,
                extensions: &[],
            }))
        }
        Spec::Quench(code, unused, quote) => f(Repr::SourceQuench(SourceQuenchRepr {
            code: *code,
            unused: *unused,
            quote,
        })),
        Spec::Photuris(code, reserved, pointer, quote) => f(Repr::Photuris(PhoturisRepr {
            code: PhoturisCode(*code),
            reserved: *reserved,
            pointer: *pointer,
            quote,
        })),
        Spec::Redirect(code, gateway, quote) => f(Repr::Redirect(RedirectRepr {
            code: RedirectCode(*code),
            gateway: *gateway,
            quote,
        })),
        Spec::RouterAdv(code, lifetime, list, trailing) => {
            let entries = entries_of(list);
            f(Repr::RouterAdvertisement(RouterAdvertisementRepr {
                code: RouterAdvertisementCode(*code),
                lifetime: *lifetime,
                entries: RouterEntriesRepr::List(&entries),
                trailing,
            }))
        }
        Spec::RouterAdvRaw(code, lifetime, n, size, bytes) => {
            f(Repr::RouterAdvertisement(RouterAdvertisementRepr {
                code: RouterAdvertisementCode(*code),
                lifetime: *lifetime,
                entries: RouterEntriesRepr::Raw {
                    num_addrs: *n,
                    entry_size: *size,
                    bytes,
                },
                trailing: &[],
            }))
        }
        Spec::RouterSol(code, reserved, trailing) => {
            f(Repr::RouterSolicitation(RouterSolicitationRepr {
                code: *code,
                reserved: *reserved,
                trailing,
            }))
        }
        Spec::TimeExceeded(code, length, unused, quote) => {
            f(Repr::TimeExceeded(TimeExceededRepr {
                code: TimeExceededCode(*code),
                length_field: *length,
                unused: *unused,
                quote,
                extensions: &[],
            }))
        }
        Spec::ParamProblem(code, pointer, length, unused, quote) => {
            f(Repr::ParameterProblem(ParameterProblemRepr {
                code: ParameterProblemCode(*code),
                pointer: *pointer,
                length_field: *length,
                unused: *unused,
                quote,
                extensions: &[],
            }))
        }
        Spec::Timestamp(reply, code, identifier, sequence, [o, r, t], trailing) => {
            let repr = TimestampRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                originate: *o,
                receive: *r,
                transmit: *t,
                trailing,
            };
            f(if *reply {
                Repr::TimestampReply(repr)
            } else {
                Repr::Timestamp(repr)
            })
        }
        Spec::Mask(reply, code, identifier, sequence, mask, trailing) => {
            let repr = AddressMaskRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                mask: *mask,
                trailing,
            };
            f(if *reply {
                Repr::AddressMaskReply(repr)
            } else {
                Repr::AddressMaskRequest(repr)
            })
        }
        Spec::ExtEchoRequest(code, identifier, sequence, local, reserved, payload) => {
            f(Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                local: *local,
                reserved: *reserved,
                payload,
            }))
        }
        Spec::ExtEchoReply(code, identifier, sequence, state, reserved, [a, v4, v6], payload) => {
            f(Repr::ExtendedEchoReply(ExtendedEchoReplyRepr {
                code: ExtendedEchoReplyCode(*code),
                identifier: *identifier,
                sequence: *sequence,
                state: *state,
                reserved: *reserved,
                active: *a,
                ipv4: *v4,
                ipv6: *v6,
                payload,
            }))
        }
        Spec::DomainNameRequest(code, identifier, sequence, trailing) => {
            f(Repr::DomainNameRequest(DomainNameRequestRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                trailing,
            }))
        }
        Spec::DomainNameReply(code, identifier, sequence, ttl, names) => {
            f(Repr::DomainNameReply(DomainNameReplyRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                ttl: *ttl,
                names,
            }))
        }
        Spec::Traceroute(code, identifier, unused, hops, link, trailing) => {
            f(Repr::Traceroute(TracerouteRepr {
                code: TracerouteCode(*code),
                identifier: *identifier,
                unused: *unused,
                outbound_hop_count: hops[0],
                return_hop_count: hops[1],
                output_link_speed: link[0],
                output_link_mtu: link[1],
                trailing,
            }))
        }
        Spec::Other(t, code, rest, payload) => f(Repr::Other(RawRepr {
            message_type: MessageType(*t),
            code: *code,
            rest_of_header: *rest,
            payload,
        })),
    }
}

/// Router advertisements built from a list come back as raw entries of size 2: compare the
/// bytes they stand for.
fn normalise<'a>(repr: Repr<'a>, scratch: &'a mut Vec<u8>) -> Repr<'a> {
    match repr {
        Repr::RouterAdvertisement(mut r) => {
            if let RouterEntriesRepr::List(list) = r.entries {
                scratch.clear();
                for e in list {
                    scratch.extend_from_slice(&e.address.octets());
                    scratch.extend_from_slice(&e.preference.to_be_bytes());
                }
                r.entries = RouterEntriesRepr::Raw {
                    num_addrs: list.len() as u8,
                    entry_size: 2,
                    bytes: scratch,
                };
            }
            Repr::RouterAdvertisement(r)
        }
        other => other,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// values -> emit -> parse (checksum verified) -> values; the checksum is RFC 1071's.
    #[test]
    fn every_message_round_trips(spec in spec()) {
        with_repr(&spec, |repr| {
            let mut buf = vec![0u8; repr.buffer_len()];
            let n = repr.emit(&mut buf).unwrap();
            prop_assert_eq!(n, buf.len());
            prop_assert_eq!(reference_sum(&buf), 0xFFFF, "checksum verifies by the reference");
            let msg = Message::parse(&buf[..]).unwrap();
            prop_assert_eq!(msg.message_type(), repr.message_type());
            let (mut a, mut b) = (Vec::new(), Vec::new());
            prop_assert_eq!(normalise(msg.to_repr(), &mut a), normalise(repr, &mut b));
            Ok(())
        })?;
    }

    /// Emitting overwrites every byte of the message: garbage in the buffer changes nothing,
    /// and bytes past the message are left alone.
    #[test]
    fn emit_ignores_what_the_buffer_held(spec in spec(), fill in any::<u8>(), extra in 0usize..16) {
        with_repr(&spec, |repr| {
            let len = repr.buffer_len();
            let mut zeroed = vec![0u8; len + extra];
            let mut dirty = vec![fill; len + extra];
            prop_assert_eq!(repr.emit(&mut zeroed), Ok(len));
            prop_assert_eq!(repr.emit(&mut dirty), Ok(len));
            prop_assert_eq!(&zeroed[..len], &dirty[..len]);
            prop_assert!(dirty[len..].iter().all(|&b| b == fill));
            Ok(())
        })?;
    }

    /// A buffer one byte too small is an error, and nothing is written.
    #[test]
    fn emit_into_a_short_buffer_writes_nothing(spec in spec(), short in 1usize..40) {
        with_repr(&spec, |repr| {
            let len = repr.buffer_len();
            let size = len.saturating_sub(short);
            let mut buf = vec![0x5Au8; size];
            prop_assert_eq!(repr.emit(&mut buf), Err(EmitError::BufferTooSmall { required: len, actual: size }));
            prop_assert!(buf.iter().all(|&b| b == 0x5A));
            Ok(())
        })?;
    }

    /// Arbitrary bytes: every parser and accessor returns, never panics.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200), ty in any::<u8>()) {
        let mut bytes = bytes;
        if let Some(b) = bytes.first_mut() {
            // Bias towards the types with views.
            if ty < 128 { *b = ty % 44; }
        }
        if ty % 2 == 0 && bytes.len() >= 8 {
            // Half of the cases with a right checksum (by the reference), so that the setters'
            // checksum upkeep below is checked on them.
            let c = common::reference_checksum_of_message(&bytes);
            bytes[2..4].copy_from_slice(&c.to_be_bytes());
        }
        let _ = Message::parse(&bytes[..]);
        let _ = json::message_json(&bytes);
        let _ = Raw::parse_unverified(&bytes[..]).map(|r| (r.rest_of_header(), r.payload().len()));
        let q = Quote::new(&bytes);
        if let Ok(ip) = q.ipv4() {
            let _ = (ip.options(), ip.transport(), ip.ports(), ip.udp(), ip.tcp(), ip.icmp(), ip.src(), ip.flags());
        }
        let _ = quote_datagram(&bytes, QuoteLimit::Rfc792);
        // Mutable views over the same bytes: setters on whatever parses, and a checksum that
        // verified still does.
        let mut m = bytes.clone();
        if let Ok(msg) = Message::parse_unverified(&mut m[..]) {
            set_everything(msg, 0x1234_5678);
            if reference_sum(&bytes) == 0xFFFF {
                prop_assert_eq!(reference_sum(&m), 0xFFFF);
            }
        }
    }

    /// Setters keep a valid checksum valid (incremental update equals recomputation).
    #[test]
    fn setters_keep_the_checksum(spec in spec(), v in any::<u32>()) {
        with_repr(&spec, |repr| {
            let mut buf = vec![0u8; repr.buffer_len()];
            repr.emit(&mut buf).unwrap();
            let msg = Message::parse(&mut buf[..]).unwrap();
            set_everything(msg, v);
            prop_assert_eq!(reference_sum(&buf), 0xFFFF, "after setters: {:02x?}", buf);
            Ok(())
        })?;
    }
}

/// Calls every setter of whatever view `msg` is, and reads each value back.
fn set_everything(msg: Message<&mut [u8]>, v: u32) {
    let (hi, lo) = ((v >> 16) as u16, v as u16);
    match msg {
        Message::EchoReply(mut m)
        | Message::EchoRequest(mut m)
        | Message::InformationRequest(mut m)
        | Message::InformationReply(mut m) => {
            m.set_identifier(hi);
            m.set_sequence(lo);
            m.set_code_u8(v as u8);
            assert_eq!(
                (m.identifier(), m.sequence(), m.code_u8()),
                (hi, lo, v as u8)
            );
            let ty = m.message_type().0;
            assert_eq!(m.make_reply(), matches!(ty, 8 | 15));
            // RFC 792: the reply's code is 0; a reply is left as it was.
            let (reply, code) = match ty {
                8 => (0, 0),
                15 => (16, 0),
                t => (t, v as u8),
            };
            assert_eq!((m.message_type().0, m.code_u8()), (reply, code));
        }
        Message::Timestamp(mut m) | Message::TimestampReply(mut m) => {
            m.set_originate(v);
            m.set_receive(v.rotate_left(3));
            m.set_transmit(!v);
            m.set_identifier(lo);
            m.set_sequence(hi);
            assert_eq!(
                (m.originate(), m.receive(), m.transmit()),
                (v, v.rotate_left(3), !v)
            );
            assert_eq!((m.identifier(), m.sequence()), (lo, hi));
            m.set_code_u8((v >> 8) as u8 | 1);
            let request = m.message_type().0 == 13;
            assert_eq!(m.make_reply(v.rotate_left(7), v.rotate_left(13)), request);
            if request {
                assert_eq!((m.message_type().0, m.code_u8()), (14, 0));
                assert_eq!(
                    (m.originate(), m.receive(), m.transmit()),
                    (v, v.rotate_left(7), v.rotate_left(13))
                );
            }
        }
        Message::AddressMaskRequest(mut m) | Message::AddressMaskReply(mut m) => {
            m.set_identifier(hi);
            m.set_sequence(lo);
            m.set_mask(Ipv4Addr::from(!v));
            m.set_code_u8((v >> 8) as u8 | 1);
            assert_eq!(
                (m.identifier(), m.sequence(), m.mask()),
                (hi, lo, Ipv4Addr::from(!v))
            );
            let request = m.message_type().0 == 17;
            assert_eq!(m.make_reply(Ipv4Addr::from(v)), request);
            if request {
                assert_eq!(
                    (m.message_type().0, m.code_u8(), m.mask()),
                    (18, 0, Ipv4Addr::from(v))
                );
            }
        }
        Message::DestinationUnreachable(mut m) => {
            m.set_next_hop_mtu(lo);
            m.set_length_field(v as u8);
            m.set_unused(hi as u8);
            m.set_code_u8((v >> 8) as u8);
            assert_eq!(
                (m.next_hop_mtu(), m.length_field(), m.unused(), m.code_u8()),
                (lo, v as u8, hi as u8, (v >> 8) as u8)
            );
        }
        Message::TimeExceeded(mut m) => {
            m.set_length_field(v as u8);
            m.set_unused(v >> 8);
            assert_eq!(
                (m.length_field(), m.unused()),
                (v as u8, (v >> 8) & 0xFF_FFFF)
            );
        }
        Message::ParameterProblem(mut m) => {
            m.set_pointer(v as u8);
            m.set_length_field((v >> 8) as u8);
            m.set_unused(hi);
            assert_eq!(
                (m.pointer(), m.length_field(), m.unused()),
                (v as u8, (v >> 8) as u8, hi)
            );
        }
        Message::Redirect(mut m) => {
            m.set_gateway(Ipv4Addr::from(v));
            assert_eq!(m.gateway(), Ipv4Addr::from(v));
        }
        Message::RouterAdvertisement(mut m) => {
            m.set_lifetime(lo);
            assert_eq!(m.lifetime(), lo);
            let entry = RouterEntry {
                address: Ipv4Addr::from(v),
                preference: v as i32,
            };
            let has_entry = m.num_addrs() > 0;
            assert_eq!(m.set_entry(0, entry), has_entry);
            if has_entry {
                assert_eq!(m.entries().next(), Some(entry));
            }
            let n = usize::from(m.num_addrs());
            assert!(!m.set_entry(n, entry), "no entry past the count");
        }
        Message::SourceQuench(mut m) => {
            m.set_code_u8(v as u8);
            m.set_unused(!v);
            assert_eq!((m.code_u8(), m.unused()), (v as u8, !v));
        }
        Message::Photuris(mut m) => {
            m.set_code_u8(v as u8);
            m.set_reserved(v as u16);
            m.set_pointer((v >> 16) as u16);
            assert_eq!(
                (m.code_u8(), m.reserved(), m.pointer()),
                (v as u8, v as u16, (v >> 16) as u16)
            );
        }
        Message::RouterSolicitation(mut m) => {
            m.set_code_u8(v as u8);
            m.set_reserved(v.rotate_left(3));
            assert_eq!((m.code_u8(), m.reserved()), (v as u8, v.rotate_left(3)));
        }
        Message::Traceroute(mut m) => {
            m.set_identifier(lo);
            m.set_unused(hi);
            m.set_outbound_hop_count(hi ^ 0x5A5A);
            m.set_return_hop_count(lo ^ 0xA5A5);
            m.set_output_link_speed(v.rotate_left(9));
            m.set_output_link_mtu(!v);
            m.set_code_u8(v as u8);
            assert_eq!(
                (
                    m.identifier(),
                    m.unused(),
                    m.outbound_hop_count(),
                    m.return_hop_count()
                ),
                (lo, hi, hi ^ 0x5A5A, lo ^ 0xA5A5)
            );
            assert_eq!(
                (m.output_link_speed(), m.output_link_mtu(), m.code_u8()),
                (v.rotate_left(9), !v, v as u8)
            );
        }
        Message::ExtendedEchoRequest(mut m) => {
            m.set_identifier(hi);
            m.set_code_u8(v as u8);
            m.set_sequence((v >> 8) as u8);
            m.set_flags(v as u8);
            assert_eq!(
                (m.identifier(), m.sequence(), m.flags(), m.local()),
                (hi, (v >> 8) as u8, v as u8, v & 1 == 1)
            );
        }
        Message::ExtendedEchoReply(mut m) => {
            m.set_code_u8(v as u8);
            m.set_identifier(lo);
            m.set_sequence((v >> 16) as u8);
            m.set_flags((v >> 24) as u8);
            assert_eq!(
                (m.identifier(), m.sequence(), m.flags(), m.state()),
                (lo, (v >> 16) as u8, (v >> 24) as u8, (v >> 29) as u8)
            );
        }
        Message::DomainNameRequest(mut m) => {
            m.set_identifier(lo);
            m.set_sequence(hi);
            assert_eq!((m.identifier(), m.sequence()), (lo, hi));
        }
        Message::DomainNameReply(mut m) => {
            m.set_ttl(v as i32);
            m.set_sequence(lo);
            m.set_identifier(hi);
            assert_eq!((m.ttl(), m.sequence(), m.identifier()), (v as i32, lo, hi));
        }
        Message::Other(mut m) => {
            m.set_rest_of_header(v.to_be_bytes());
            m.set_code_u8(v as u8);
            assert_eq!(
                (m.rest_of_header(), m.code_u8()),
                (v.to_be_bytes(), v as u8)
            );
            // Another type without a view (RFC 4727's experiment values 253, 254).
            let ty = MessageType(253 + u8::from(m.message_type().0 == 253));
            m.set_message_type(ty);
            assert_eq!(m.message_type(), ty);
        }
        other => panic!("a view without setters here: {other:?}"),
    }
}

#[test]
fn echo_reply_in_place_equals_recomputation() {
    // Against an independent reference, over many lengths and contents, including the all-zero
    // reply where RFC 1624 equation 3 alone would write 0x0000.
    for len in 8..80usize {
        for seed in 0..8u8 {
            let mut req: Vec<u8> = (0..len)
                .map(|i| {
                    if seed == 0 {
                        0
                    } else {
                        (i as u8).wrapping_mul(seed)
                    }
                })
                .collect();
            req[0] = 8;
            req[1] = 0;
            req[2] = 0;
            req[3] = 0;
            let c = !reference_sum(&req);
            req[2..4].copy_from_slice(&c.to_be_bytes());
            let mut reply = req.clone();
            let Message::EchoRequest(mut echo) = Message::parse(&mut reply[..]).unwrap() else {
                panic!()
            };
            assert!(echo.make_reply());
            let mut expect = req.clone();
            expect[0] = 0;
            expect[2] = 0;
            expect[3] = 0;
            let c = !reference_sum(&expect);
            expect[2..4].copy_from_slice(&c.to_be_bytes());
            assert_eq!(reply, expect, "len {len} seed {seed}");
        }
    }
}

//! Properties of every ICMPv6 view: values -> emit -> parse gives the same values, and the
//! checksum is RFC 1071 over the RFC 8200 section 8.1 pseudo-header (summed here by the
//! reference in `common`, not by icmpwire); emitting into garbage gives the bytes emitting into
//! zeros gives; a short buffer is left untouched; arbitrary bytes never panic a parser, an
//! accessor, the quote's chain walk or a setter; setters and echo-to-reply keep the checksum.
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
#[path = "../examples/icmpdump/json6.rs"]
#[allow(dead_code)]
mod json6;
#[path = "../examples/icmpdump/json6_registry.rs"]
#[allow(dead_code)]
mod json6_registry;

use std::net::Ipv6Addr;

use common::reference_sum6 as sum6;
use icmpwire::extension::{MplsEntry, ObjectRepr};
use icmpwire::v6::*;
use icmpwire::{EchoRepr, ExtendedEchoReplyRepr, ExtendedEchoRequestRepr, Quote};
use proptest::prelude::*;

fn data() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..700)
}

fn addr() -> impl Strategy<Value = Ipv6Addr> {
    any::<u128>().prop_map(Ipv6Addr::from)
}

/// Owned inputs for every `Repr` variant.
#[derive(Clone, Debug)]
enum Spec {
    Unreachable(u8, u8, u32, Vec<u8>, Vec<(u32, u8)>),
    TooBig(u8, u32, Vec<u8>),
    TimeExceeded(u8, u8, u32, Vec<u8>, Vec<(u32, u8)>),
    ParamProblem(u8, u32, Vec<u8>),
    Echo(bool, u8, u16, u16, Vec<u8>),
    ExtRequest(u8, u16, u8, bool, u8, Vec<u8>),
    ExtReply(u8, u16, u8, u8, u8, [bool; 3], Vec<u8>),
    /// Neighbor Discovery: type, code, the fields after the checksum (as many bytes as the
    /// type has), options as bytes.
    Nd(u8, u8, [u8; 36], Vec<u8>),
    /// MLD 130-132: type, code, maximum response code, reserved, address, body; 143: code,
    /// reserved, number of records, records as bytes.
    Mld(u8, u8, u16, u16, u128, Vec<u8>),
    Report(u8, u16, u16, Vec<u8>),
    /// Types 144-149, 151, 157, 158: type, code, the fixed fields' bytes, body.
    Registry(u8, u8, [u8; 28], Vec<u8>),
    /// Types 138-140, 154: type, code, the fixed fields' bytes, body.
    Shaped(u8, u8, [u8; 28], Vec<u8>),
    /// Type 155: which base object (0-3, else none), the base's bytes, options.
    Rpl(u8, [u8; 28], Vec<u8>),
    Other(u8, u8, Vec<u8>),
}

/// MPLS entries (label, TTL) for an RFC 4884 extension, none in half the cases.
fn labels() -> impl Strategy<Value = Vec<(u32, u8)>> {
    prop_oneof![
        Just(Vec::new()),
        proptest::collection::vec((0u32..0x10_0000, any::<u8>()), 1..4),
    ]
}

fn spec() -> impl Strategy<Value = Spec> {
    prop_oneof![
        (any::<u8>(), any::<u8>(), 0u32..0x100_0000, data(), labels())
            .prop_map(|(c, l, u, d, m)| Spec::Unreachable(c, l, u, d, m)),
        (any::<u8>(), any::<u32>(), data()).prop_map(|(c, m, d)| Spec::TooBig(c, m, d)),
        (any::<u8>(), any::<u8>(), 0u32..0x100_0000, data(), labels())
            .prop_map(|(c, l, u, d, m)| Spec::TimeExceeded(c, l, u, d, m)),
        (any::<u8>(), any::<u32>(), data()).prop_map(|(c, p, d)| Spec::ParamProblem(c, p, d)),
        (
            any::<bool>(),
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            data()
        )
            .prop_map(|(r, c, i, s, d)| Spec::Echo(r, c, i, s, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u8>(),
            any::<bool>(),
            0u8..128,
            data()
        )
            .prop_map(|(c, i, s, l, r, d)| Spec::ExtRequest(c, i, s, l, r, d)),
        (
            any::<u8>(),
            any::<u16>(),
            any::<u8>(),
            0u8..8,
            0u8..4,
            any::<[bool; 3]>(),
            data()
        )
            .prop_map(|(c, i, s, st, r, b, d)| Spec::ExtReply(c, i, s, st, r, b, d)),
        (
            prop::sample::select(vec![133u8, 134, 135, 136, 137, 141, 142]),
            any::<u8>(),
            any::<[u8; 36]>(),
            data()
        )
            .prop_map(|(t, c, f, d)| Spec::Nd(t, c, f, d)),
        (
            130u8..133,
            any::<u8>(),
            any::<u16>(),
            any::<u16>(),
            any::<u128>(),
            data()
        )
            .prop_map(|(t, c, m, r, a, d)| Spec::Mld(t, c, m, r, a, d)),
        (any::<u8>(), any::<u16>(), any::<u16>(), data())
            .prop_map(|(c, r, n, d)| Spec::Report(c, r, n, d)),
        (
            prop::sample::select(vec![144u8, 145, 146, 147, 148, 149, 151, 157, 158]),
            any::<u8>(),
            any::<[u8; 28]>(),
            data()
        )
            .prop_map(|(t, c, f, d)| Spec::Registry(t, c, f, d)),
        (
            prop::sample::select(vec![138u8, 139, 140, 154]),
            any::<u8>(),
            any::<[u8; 28]>(),
            data()
        )
            .prop_map(|(t, c, f, d)| Spec::Shaped(t, c, f, d)),
        (0u8..5, any::<[u8; 28]>(), data()).prop_map(|(k, f, d)| Spec::Rpl(k, f, d)),
        // Any type without a view (those with one parse as their view).
        (
            any::<u8>().prop_filter("no view", |t| {
                !matches!(t, 1..=4 | 128..=149 | 151 | 154 | 155 | 157 | 158 | 160 | 161)
            }),
            any::<u8>(),
            data()
        )
            .prop_map(|(t, c, d)| Spec::Other(t, c, d)),
    ]
}

fn mpls(list: &[(u32, u8)]) -> Vec<MplsEntry> {
    list.iter()
        .enumerate()
        .map(|(i, &(label, ttl))| MplsEntry {
            label,
            traffic_class: (label & 7) as u8,
            bottom_of_stack: i + 1 == list.len(),
            ttl,
        })
        .collect()
}

/// Calls `f` with the `Repr` that `spec` describes. With extension objects, the length field
/// is left 0 (the builder writes the padded length) and the quote is kept under 1024 bytes so
/// that 255 words can describe it.
fn with_repr<T>(spec: &Spec, f: impl FnOnce(Repr<'_>) -> T) -> T {
    match spec {
        Spec::Unreachable(code, length, unused, quote, labels)
        | Spec::TimeExceeded(code, length, unused, quote, labels) => {
            let entries = mpls(labels);
            let objects = [ObjectRepr::Mpls(&entries)];
            let extended = !labels.is_empty();
            let extensions: &[ObjectRepr<'_>] = if extended { &objects } else { &[] };
            let quote = if extended {
                &quote[..quote.len().min(1000)]
            } else {
                &quote[..]
            };
            let length = if extended { 0 } else { *length };
            if matches!(spec, Spec::Unreachable(..)) {
                f(Repr::DestinationUnreachable(DestinationUnreachableRepr {
                    code: UnreachableCode(*code),
                    length_field: length,
                    unused: *unused,
                    quote,
                    extensions,
                }))
            } else {
                f(Repr::TimeExceeded(TimeExceededRepr {
                    code: TimeExceededCode(*code),
                    length_field: length,
                    unused: *unused,
                    quote,
                    extensions,
                }))
            }
        }
        Spec::TooBig(code, mtu, quote) => f(Repr::PacketTooBig(PacketTooBigRepr {
            code: *code,
            mtu: *mtu,
            quote,
        })),
        Spec::ParamProblem(code, pointer, quote) => {
            f(Repr::ParameterProblem(ParameterProblemRepr {
                code: ParameterProblemCode(*code),
                pointer: *pointer,
                quote,
            }))
        }
        Spec::Echo(reply, code, identifier, sequence, data) => {
            let e = EchoRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                data,
            };
            f(if *reply {
                Repr::EchoReply(e)
            } else {
                Repr::EchoRequest(e)
            })
        }
        Spec::ExtRequest(code, identifier, sequence, local, reserved, payload) => {
            f(Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
                code: *code,
                identifier: *identifier,
                sequence: *sequence,
                local: *local,
                reserved: *reserved,
                payload,
            }))
        }
        Spec::ExtReply(code, identifier, sequence, state, reserved, [a, v4, v6], payload) => {
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
        Spec::Nd(t, code, b, options) => {
            let code = *code;
            let options = NdOptionsRepr::Bytes(options);
            let word = |at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
            let addr = |at: usize| Ipv6Addr::from(<[u8; 16]>::try_from(&b[at..at + 16]).unwrap());
            f(match t {
                133 => Repr::RouterSolicitation(RouterSolicitationRepr {
                    code,
                    reserved: word(0),
                    options,
                }),
                141 | 142 => {
                    let r = InverseNeighborDiscoveryRepr {
                        code,
                        reserved: word(0),
                        options,
                    };
                    if *t == 141 {
                        Repr::InverseSolicitation(r)
                    } else {
                        Repr::InverseAdvertisement(r)
                    }
                }
                134 => Repr::RouterAdvertisement(RouterAdvertisementRepr {
                    code,
                    hop_limit: b[0],
                    managed: b[1] & 0x80 != 0,
                    other: b[1] & 0x40 != 0,
                    home_agent: b[1] & 0x20 != 0,
                    preference: (b[1] >> 3) & 3,
                    proxy: b[1] & 4 != 0,
                    reserved: b[1] & 3,
                    router_lifetime: u16::from_be_bytes([b[2], b[3]]),
                    reachable_time: word(4),
                    retrans_timer: word(8),
                    options,
                }),
                135 => Repr::NeighborSolicitation(NeighborSolicitationRepr {
                    code,
                    reserved: word(0),
                    target: addr(4),
                    options,
                }),
                136 => Repr::NeighborAdvertisement(NeighborAdvertisementRepr {
                    code,
                    router: b[0] & 0x80 != 0,
                    solicited: b[0] & 0x40 != 0,
                    override_flag: b[0] & 0x20 != 0,
                    reserved: word(0) & 0x1FFF_FFFF,
                    target: addr(4),
                    options,
                }),
                _ => Repr::Redirect(RedirectRepr {
                    code,
                    reserved: word(0),
                    target: addr(4),
                    destination: addr(20),
                    options,
                }),
            })
        }
        Spec::Mld(t, code, max, reserved, address, body) => {
            let r = MldRepr {
                code: *code,
                max_response_code: *max,
                reserved: *reserved,
                multicast_address: Ipv6Addr::from(*address),
                body: MldQueryBody::Bytes(body),
            };
            f(match t {
                130 => Repr::MulticastListenerQuery(r),
                131 => Repr::MulticastListenerReport(r),
                _ => Repr::MulticastListenerDone(r),
            })
        }
        Spec::Report(code, reserved, n, records) => {
            f(Repr::MulticastListenerReportV2(MldReportRepr {
                code: *code,
                reserved: *reserved,
                records: MldRecordsRepr::Bytes {
                    count: *n,
                    bytes: records,
                },
            }))
        }
        Spec::Registry(t, code, b, body) => {
            let code = *code;
            let w = |at: usize| u16::from_be_bytes([b[at], b[at + 1]]);
            let mobile = MobileRepr {
                code,
                identifier: w(0),
                reserved: w(2),
                body,
            };
            let cert = CertificationPathRepr {
                code,
                identifier: w(0),
                all_components: if *t == 149 { w(2) } else { 0 },
                component: if *t == 149 { w(4) } else { w(2) },
                reserved: if *t == 149 { w(6) } else { 0 },
                options: body,
            };
            let dad = DuplicateAddressRepr {
                code,
                status: b[0],
                reserved: b[1],
                registration_lifetime: w(2),
                eui64: b[4..12].try_into().unwrap(),
                registered_address: Ipv6Addr::from(<[u8; 16]>::try_from(&b[12..28]).unwrap()),
                body,
            };
            f(match t {
                144 => Repr::HomeAgentDiscoveryRequest(mobile),
                145 => Repr::HomeAgentDiscoveryReply(mobile),
                146 => Repr::MobilePrefixSolicitation(mobile),
                147 => Repr::MobilePrefixAdvertisement(mobile),
                148 => Repr::CertificationPathSolicitation(cert),
                149 => Repr::CertificationPathAdvertisement(cert),
                151 => Repr::MulticastRouterAdvertisement(MulticastRouterAdvertisementRepr {
                    advertisement_interval: code,
                    query_interval: w(0),
                    robustness_variable: w(2),
                    body,
                }),
                157 => Repr::DuplicateAddressRequest(dad),
                _ => Repr::DuplicateAddressConfirmation(dad),
            })
        }
        Spec::Shaped(t, code, b, body) => {
            let code = *code;
            let w = |at: usize| u16::from_be_bytes([b[at], b[at + 1]]);
            let d = |at: usize| u32::from_be_bytes(b[at..at + 4].try_into().unwrap());
            // A query of code 0 or 2 needs its whole subject (RFC 4620 section 4).
            let data = if *t == 139 && body.len() < 16 {
                &b[12..28]
            } else {
                &body[..]
            };
            let ni = NodeInformationRepr {
                code,
                qtype: w(0),
                flags: w(2),
                nonce: b[4..12].try_into().unwrap(),
                data,
            };
            f(match t {
                138 => Repr::RouterRenumbering(RouterRenumberingRepr {
                    code,
                    sequence_number: d(0),
                    segment_number: b[4],
                    flags: b[5],
                    max_delay: w(6),
                    reserved: d(8),
                    body,
                }),
                139 => Repr::NodeInformationQuery(ni),
                140 => Repr::NodeInformationReply(ni),
                _ => Repr::Fmip(FmipRepr {
                    code,
                    subtype: b[0],
                    reserved: b[1],
                    identifier: w(2),
                    options: body,
                }),
            })
        }
        Spec::Rpl(kind, b, options) => {
            let addr = Ipv6Addr::from(<[u8; 16]>::try_from(&b[12..28]).unwrap());
            let id = (b[11] & 1 == 1).then_some(addr);
            let base = match kind {
                0 => Some(RplBase::Dis {
                    flags: b[0],
                    reserved: b[1],
                }),
                1 => Some(RplBase::Dio(RplDio {
                    instance_id: b[0],
                    version: b[1],
                    rank: u16::from_be_bytes([b[2], b[3]]),
                    grounded: b[4] & 1 == 1,
                    zero: b[4] & 2 == 2,
                    mop: b[5] & 7,
                    preference: b[6] & 7,
                    dtsn: b[7],
                    flags: b[8],
                    reserved: b[9],
                    dodag_id: addr,
                })),
                2 => Some(RplBase::Dao(RplDao {
                    instance_id: b[0],
                    expects_ack: b[1] & 1 == 1,
                    flags: b[2] & 0x3f,
                    reserved: b[3],
                    sequence: b[4],
                    dodag_id: id,
                })),
                3 => Some(RplBase::DaoAck(RplDaoAck {
                    instance_id: b[0],
                    reserved: b[1] & 0x7f,
                    sequence: b[2],
                    status: b[3],
                    dodag_id: id,
                })),
                _ => None,
            };
            // Without a base object: a secure variant (0x80-0x83), read as bytes.
            let code = base.map_or(0x80 | (b[0] & 3), |x| x.code());
            f(Repr::Rpl(RplRepr {
                code,
                base,
                options,
            }))
        }
        Spec::Other(t, code, body) => f(Repr::Other(RawRepr {
            message_type: MessageType(*t),
            code: *code,
            body,
        })),
    }
}

/// The quote as RFC 4884 section 4.1 pads it: zeros to a whole number of 64-bit words, at
/// least 128 bytes.
fn padded(quote: &[u8]) -> Vec<u8> {
    let len = quote.len().max(128).div_ceil(8) * 8;
    let mut q = quote.to_vec();
    q.resize(len, 0);
    q
}

/// For a message built with extension objects: the datagram is the padded quote, the length
/// field counts its words, and the structure's MPLS entries read back as built.
fn check_extended(
    msg: &Message<&[u8]>,
    quote: &[u8],
    labels: &[(u32, u8)],
) -> Result<(), TestCaseError> {
    let (datagram, length) = match msg {
        Message::DestinationUnreachable(m) => (m.original_datagram(), m.length_field()),
        Message::TimeExceeded(m) => (m.original_datagram(), m.length_field()),
        _ => unreachable!(),
    };
    let pad = padded(quote);
    prop_assert_eq!(datagram, &pad[..]);
    prop_assert_eq!(usize::from(length) * 8, pad.len());
    let ext = msg.extensions().unwrap();
    prop_assert!(ext.checksum_valid());
    let obj = ext.objects().next().unwrap().unwrap();
    let icmpwire::extension::ObjectData::Mpls(entries) = obj.data() else {
        return Err(TestCaseError::fail("not MPLS"));
    };
    prop_assert_eq!(entries.collect::<Vec<_>>(), mpls(labels));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    /// values -> emit -> parse (checksum verified) -> values; the checksum is RFC 1071's over
    /// the pseudo-header.
    #[test]
    fn every_message_round_trips(spec in spec(), src in addr(), dst in addr()) {
        with_repr(&spec, |repr| {
            let mut buf = vec![0u8; repr.buffer_len()];
            let n = repr.emit(src, dst, &mut buf).unwrap();
            prop_assert_eq!(n, buf.len());
            prop_assert_eq!(sum6(src, dst, &buf), 0xFFFF, "checksum verifies by the reference");
            prop_assert_eq!(buf[0], repr.message_type().0);
            let msg = Message::parse(&buf[..], src, dst).unwrap();
            prop_assert_eq!(msg.message_type(), repr.message_type());
            let extended = match (&spec, repr) {
                (Spec::Unreachable(.., labels), Repr::DestinationUnreachable(r))
                    if !labels.is_empty() => Some((r.quote, labels)),
                (Spec::TimeExceeded(.., labels), Repr::TimeExceeded(r))
                    if !labels.is_empty() => Some((r.quote, labels)),
                _ => None,
            };
            match extended {
                Some((quote, labels)) => check_extended(&msg, quote, labels)?,
                None => prop_assert_eq!(msg.to_repr(), repr),
            }
            // Whatever it held, the parsed message describes itself: re-emitting it gives the
            // same bytes.
            let mut again = vec![0u8; buf.len()];
            msg.to_repr().emit(src, dst, &mut again).unwrap();
            prop_assert_eq!(again, buf.clone());
            Ok(())
        })?;
    }

    /// The bytes written do not depend on what the buffer held, and a short buffer is left
    /// as it was.
    #[test]
    fn emit_ignores_what_the_buffer_held(spec in spec(), fill in any::<u8>(), src in addr(), dst in addr()) {
        with_repr(&spec, |repr| {
            let len = repr.buffer_len();
            let mut zeros = vec![0u8; len];
            let mut garbage = vec![fill; len + 5];
            repr.emit(src, dst, &mut zeros).unwrap();
            repr.emit(src, dst, &mut garbage).unwrap();
            prop_assert_eq!(&garbage[..len], &zeros[..]);
            prop_assert_eq!(&garbage[len..], &[fill; 5][..]);
            let mut short = vec![fill; len - 1];
            prop_assert!(repr.emit(src, dst, &mut short).is_err());
            prop_assert!(short.iter().all(|&b| b == fill));
            Ok(())
        })?;
    }

    /// Arbitrary bytes: every parser, accessor, the dump's JSON and Display return, never
    /// panic; setters on whatever parses keep a valid checksum valid.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..300), ty in any::<u8>(), v in any::<u32>()) {
        let mut bytes = bytes;
        if let Some(b) = bytes.first_mut() {
            // Bias towards the types with views.
            *b = match ty % 4 { 0 => 1 + ty % 4, 1 => 128 + ty % 2, 2 => 160 + ty % 2, _ => ty };
        }
        let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::UNSPECIFIED);
        let _ = Message::parse(&bytes[..], src, dst);
        let _ = json6::message6_json(&bytes, src, dst);
        if let Ok(msg) = Message::parse_unverified(&bytes[..]) {
            let _ = (msg.to_string(), msg.to_repr(), msg.payload(), msg.extensions());
            if let Some(q) = msg.quote() {
                walk(q);
            }
        }
        walk(Quote::new(&bytes));
        let mut m = bytes.clone();
        if let Ok(msg) = Message::parse_unverified(&mut m[..]) {
            set_everything(msg, v);
            if bytes.len() >= 4 && sum6(src, dst, &bytes) == 0xFFFF {
                prop_assert_eq!(sum6(src, dst, &m), 0xFFFF);
            }
        }
    }

    /// Setters keep the checksum equal to a recomputation, whatever the addresses.
    #[test]
    fn setters_keep_the_checksum(spec in spec(), v in any::<u32>(), src in addr(), dst in addr()) {
        with_repr(&spec, |repr| {
            let mut buf = vec![0u8; repr.buffer_len()];
            repr.emit(src, dst, &mut buf).unwrap();
            set_everything(Message::parse(&mut buf[..], src, dst).unwrap(), v);
            prop_assert_eq!(sum6(src, dst, &buf), 0xFFFF, "after setters: {:02x?}", buf);
            check_bytes(&buf, v);
            Ok(())
        })?;
    }

    /// A typed view's own checksum methods: a valid message verifies, a corrupted one does
    /// not and says the value the reference computes, and update_checksum repairs it.
    #[test]
    fn views_check_and_repair_their_checksum(spec in spec(), src in addr(), dst in addr(), at in any::<prop::sample::Index>(), flip in 1u8..) {
        with_repr(&spec, |repr| {
            let mut buf = vec![0u8; repr.buffer_len()];
            repr.emit(src, dst, &mut buf).unwrap();
            let i = at.index(buf.len());
            let mut bad = buf.clone();
            bad[i] ^= flip;
            let valid = sum6(src, dst, &bad) == 0xFFFF;
            let needed = common::reference_checksum6(src, dst, &bad);
            let raw = Raw::parse_unverified(&buf[..]).unwrap();
            prop_assert!(raw.verify_checksum(src, dst));
            let mut raw = Raw::parse_unverified(&mut bad[..]).unwrap();
            prop_assert_eq!(raw.verify_checksum(src, dst), valid);
            let c = raw.computed_checksum(src, dst);
            // (0x0000 and 0xFFFF are the same one's complement number.)
            prop_assert!(c == needed || (c == 0xFFFF && needed == 0) || (c == 0 && needed == 0xFFFF));
            raw.update_checksum(src, dst);
            prop_assert_eq!(sum6(src, dst, &bad), 0xFFFF);
            Ok(())
        })?;
    }

    /// An echo request answered in place: type 129, everything else as it was, the checksum
    /// right for the reply's addresses (the same pair, swapped: the sum does not change).
    #[test]
    fn echo_reply_in_place(id in any::<u16>(), seq in any::<u16>(), data in data(), src in addr(), dst in addr()) {
        let repr = Repr::EchoRequest(EchoRepr { identifier: id, sequence: seq, data: &data, ..EchoRepr::default() });
        let mut buf = vec![0u8; repr.buffer_len()];
        repr.emit(src, dst, &mut buf).unwrap();
        let before = buf.clone();
        let Ok(Message::EchoRequest(mut echo)) = Message::parse(&mut buf[..], src, dst) else { panic!() };
        prop_assert!(echo.make_reply());
        prop_assert_eq!(buf[0], 129);
        prop_assert_eq!(&buf[4..], &before[4..]);
        prop_assert_eq!(sum6(dst, src, &buf), 0xFFFF);
    }
}

/// Everything a quote offers, as far as the bytes go.
fn walk(q: Quote<'_>) {
    if let Ok(ip) = q.ipv6() {
        let _ = (ip.src(), ip.dst(), ip.flow_label(), ip.payload_length());
        for h in ip.extension_headers().flatten() {
            let _ = (h.name(), h.len(), h.fragment(), h.routing(), h.bytes());
        }
        let _ = (ip.upper_layer(), ip.ports(), ip.udp(), ip.tcp(), ip.icmp());
    }
}

/// Calls every setter of whatever view `msg` is.
fn set_everything(msg: Message<&mut [u8]>, v: u32) {
    let (lo, hi) = (v as u16, (v >> 16) as u16);
    match msg {
        Message::DestinationUnreachable(mut m) => {
            m.set_length_field(v as u8);
            m.set_unused(v >> 8);
            m.set_code_u8(hi as u8);
            assert_eq!(
                (m.length_field(), m.unused(), m.code_u8()),
                (v as u8, (v >> 8) & 0xFF_FFFF, hi as u8)
            );
        }
        Message::TimeExceeded(mut m) => {
            m.set_unused(!v);
            m.set_length_field(hi as u8);
            assert_eq!((m.length_field(), m.unused()), (hi as u8, !v & 0xFF_FFFF));
        }
        Message::PacketTooBig(mut m) => {
            m.set_mtu(v);
            m.set_code_u8(lo as u8);
            assert_eq!((m.mtu(), m.code_u8()), (v, lo as u8));
        }
        Message::ParameterProblem(mut m) => {
            m.set_pointer(v.rotate_left(5));
            m.set_code_u8(v as u8);
            assert_eq!((m.pointer(), m.code().0), (v.rotate_left(5), v as u8));
        }
        Message::EchoRequest(mut m) | Message::EchoReply(mut m) => {
            m.set_identifier(hi);
            m.set_sequence(lo);
            m.make_reply();
            assert_eq!(
                (m.identifier(), m.sequence(), m.message_type().0),
                (hi, lo, 129)
            );
        }
        Message::ExtendedEchoRequest(mut m) => {
            m.set_identifier(lo);
            m.set_sequence((v >> 16) as u8);
            m.set_flags((v >> 24) as u8);
            assert_eq!(
                (m.identifier(), m.sequence(), m.flags()),
                (lo, (v >> 16) as u8, (v >> 24) as u8)
            );
        }
        Message::ExtendedEchoReply(mut m) => {
            m.set_identifier(hi);
            m.set_code_u8(v as u8);
            m.set_sequence((v >> 8) as u8);
            m.set_flags(lo as u8);
            assert_eq!(
                (m.identifier(), m.code_u8(), m.sequence(), m.flags()),
                (hi, v as u8, (v >> 8) as u8, lo as u8)
            );
        }
        Message::MulticastListenerQuery(mut m) => {
            m.set_max_response_code(hi);
            m.set_reserved(lo);
            m.set_multicast_address(Ipv6Addr::from(u128::from(v) << 32));
            assert_eq!(
                (m.max_response_code(), m.reserved(), m.multicast_address()),
                (hi, lo, Ipv6Addr::from(u128::from(v) << 32))
            );
        }
        Message::MulticastListenerReport(mut m) | Message::MulticastListenerDone(mut m) => {
            m.set_max_response_code(lo);
            m.set_reserved(hi);
            m.set_multicast_address(Ipv6Addr::from(u128::from(!v)));
            assert_eq!((m.max_response_code(), m.reserved()), (lo, hi));
        }
        Message::MulticastListenerReportV2(mut m) => {
            m.set_reserved(lo ^ hi);
            assert_eq!(m.reserved(), lo ^ hi);
        }
        Message::HomeAgentDiscoveryRequest(mut m) | Message::HomeAgentDiscoveryReply(mut m) => {
            m.set_identifier(hi);
            m.set_reserved(lo);
            assert_eq!(
                (m.identifier(), m.reserved(), m.mobile_router()),
                (hi, lo, lo >> 15 == 1)
            );
        }
        Message::MobilePrefixSolicitation(mut m) | Message::MobilePrefixAdvertisement(mut m) => {
            m.set_identifier(lo);
            m.set_reserved(hi);
            assert_eq!((m.managed(), m.other()), (hi >> 15 == 1, hi >> 14 & 1 == 1));
        }
        Message::CertificationPathSolicitation(mut m) => {
            m.set_identifier(hi ^ lo);
            assert_eq!(m.identifier(), hi ^ lo);
        }
        Message::RouterRenumbering(mut m) => {
            m.set_sequence_number(!v);
            m.set_flags(v as u8);
            assert_eq!((m.sequence_number(), m.flags()), (!v, v as u8));
            assert_eq!(
                (m.test(), m.processed_previously()),
                (v & 0x80 != 0, v & 8 != 0)
            );
        }
        Message::NodeInformationQuery(mut m) => {
            m.set_qtype(hi);
            m.set_flags(lo);
            m.set_nonce(u64::from(v).to_be_bytes());
            assert_eq!((m.qtype(), m.flags()), (hi, lo));
            assert_eq!(m.nonce(), u64::from(v).to_be_bytes());
        }
        Message::NodeInformationReply(mut m) => {
            m.set_qtype(lo);
            m.set_flags(hi);
            m.set_nonce((!u64::from(v)).to_be_bytes());
            assert_eq!(
                (m.qtype(), m.flags(), m.nonce()),
                (lo, hi, (!u64::from(v)).to_be_bytes())
            );
        }
        Message::Fmip(mut m) => {
            m.set_subtype(v as u8);
            m.set_fmip_identifier(hi);
            assert_eq!((m.subtype(), m.fmip_identifier()), (v as u8, hi));
        }
        Message::RouterSolicitation(mut m) => {
            m.set_reserved(v);
            assert_eq!(m.reserved(), v);
        }
        Message::InverseSolicitation(mut m) | Message::InverseAdvertisement(mut m) => {
            m.set_reserved(!v);
            assert_eq!(m.reserved(), !v);
        }
        Message::RouterAdvertisement(mut m) => {
            m.set_hop_limit(v as u8);
            m.set_flags((v >> 8) as u8);
            m.set_router_lifetime(hi);
            m.set_reachable_time(v.rotate_left(3));
            m.set_retrans_timer(!v);
            assert_eq!(
                (m.hop_limit(), m.flags(), m.router_lifetime()),
                (v as u8, (v >> 8) as u8, hi)
            );
            assert_eq!(
                (m.reachable_time(), m.retrans_timer()),
                (v.rotate_left(3), !v)
            );
        }
        Message::NeighborSolicitation(mut m) => {
            m.set_reserved(v);
            m.set_target(Ipv6Addr::from(u128::from(v) << 64 | 1));
            assert_eq!(m.target(), Ipv6Addr::from(u128::from(v) << 64 | 1));
        }
        Message::NeighborAdvertisement(mut m) => {
            m.set_reserved(v);
            m.set_target(Ipv6Addr::from(u128::from(!v)));
            assert_eq!(
                (m.router(), m.solicited(), m.override_flag()),
                (v >> 31 == 1, v >> 30 & 1 == 1, v >> 29 & 1 == 1)
            );
        }
        Message::Redirect(mut m) => {
            m.set_reserved(v);
            m.set_target(Ipv6Addr::from(u128::from(v)));
            m.set_destination(Ipv6Addr::from(u128::from(v).rotate_left(64)));
            assert_eq!(
                m.destination(),
                Ipv6Addr::from(u128::from(v).rotate_left(64))
            );
        }
        Message::Other(mut m) => {
            m.set_code_u8(v as u8);
            assert_eq!(m.code_u8(), v as u8);
            // Another type without a view (RFC 4443's private experimentation 200, 201).
            let ty = MessageType(200 + u8::from(m.message_type().0 == 200));
            m.set_message_type(ty);
            assert_eq!(m.message_type(), ty);
        }
        _ => {}
    }
}

/// Where `set_everything` put `v`, read from the bytes as RFC 4443 and 4884 lay them out.
fn check_bytes(buf: &[u8], v: u32) {
    let (lo, hi) = (v as u16, (v >> 16) as u16);
    let word = |at: usize| u32::from_be_bytes(buf[at..at + 4].try_into().unwrap());
    match buf[0] {
        1 => assert_eq!(
            (buf[1], buf[4], word(4) & 0xFF_FFFF),
            (hi as u8, v as u8, (v >> 8) & 0xFF_FFFF)
        ),
        3 => assert_eq!((buf[4], word(4) & 0xFF_FFFF), (hi as u8, !v & 0xFF_FFFF)),
        2 => assert_eq!((buf[1], word(4)), (lo as u8, v)),
        4 => assert_eq!((buf[1], word(4)), (v as u8, v.rotate_left(5))),
        129 => assert_eq!(word(4), u32::from(hi) << 16 | u32::from(lo)),
        // RFC 8335 section 2 and 3: identifier, then the 8-bit sequence, then byte 7.
        160 => assert_eq!(word(4), u32::from(lo) << 16 | (v >> 8) & 0xFF00 | v >> 24),
        // RFC 4861 section 4: the reserved word or the RA fields at bytes 4-15, the target at
        // 8-23, a redirect's destination at 24-39.
        // RFC 2710 section 3, RFC 3810 section 5.2: bytes 4-7 and the address at 8-23.
        130 => assert_eq!(
            (word(4), &buf[8..24]),
            (v, &(u128::from(v) << 32).to_be_bytes()[..])
        ),
        131 | 132 => assert_eq!(
            (word(4), &buf[8..24]),
            (
                u32::from(lo) << 16 | u32::from(hi),
                &u128::from(!v).to_be_bytes()[..]
            )
        ),
        143 => assert_eq!(word(4) >> 16, u32::from(lo ^ hi)),
        // RFC 6275 6.5-6.8, RFC 3971 6.4.1: the identifier at bytes 4-5, then 16 bits.
        144 | 145 => assert_eq!(word(4), v),
        146 | 147 => assert_eq!(word(4), u32::from(lo) << 16 | u32::from(hi)),
        148 => assert_eq!(word(4) >> 16, u32::from(hi ^ lo)),
        133 => assert_eq!(word(4), v),
        141 | 142 => assert_eq!(word(4), !v),
        134 => assert_eq!(
            (buf[4], buf[5], word(4) & 0xFFFF, word(8), word(12)),
            (v as u8, (v >> 8) as u8, u32::from(hi), v.rotate_left(3), !v)
        ),
        135 => assert_eq!(
            (word(4), &buf[8..24]),
            (v, &(u128::from(v) << 64 | 1).to_be_bytes()[..])
        ),
        136 => assert_eq!(
            (word(4), &buf[8..24]),
            (v, &u128::from(!v).to_be_bytes()[..])
        ),
        137 => assert_eq!(
            (word(4), &buf[8..24], &buf[24..40]),
            (
                v,
                &u128::from(v).to_be_bytes()[..],
                &u128::from(v).rotate_left(64).to_be_bytes()[..]
            )
        ),
        161 => assert_eq!(
            (buf[1], word(4)),
            (
                v as u8,
                u32::from(hi) << 16 | v & 0xFF00 | u32::from(lo) & 0xFF
            )
        ),
        _ => {}
    }
}

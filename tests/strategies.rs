//! icmpwire's own properties, stated with the public strategies of the `proptest` feature:
//! for any valid message of each type, it parses as that type, re-emits byte for byte, prints,
//! and its quote and extensions decode.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use common::draws;
use icmpwire::AnyMessage;
use icmpwire::strategy;
use icmpwire::v4::{Echo, Message, MessageType};
use icmpwire::{Quote, protocol};
use proptest::prelude::*;

/// Parses as `ty`, checksum verified; the description re-emits the same bytes; the line
/// `Display` prints ends with the length (no checksum note).
fn check(bytes: &[u8], ty: MessageType) -> Result<(), TestCaseError> {
    let msg = Message::parse(bytes).map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(msg.message_type(), ty);
    let mut again = vec![0xEEu8; bytes.len()];
    prop_assert_eq!(msg.to_repr().emit(&mut again), Ok(bytes.len()));
    prop_assert_eq!(&again[..], bytes);
    let line = msg.to_string();
    prop_assert!(
        line.ends_with(&format!(", length {}", bytes.len())),
        "{}",
        line
    );
    Ok(())
}

proptest! {
    #[test]
    fn echo_requests(m in strategy::echo_request()) { check(&m, MessageType::ECHO_REQUEST)?; }
    #[test]
    fn echo_replies(m in strategy::echo_reply()) { check(&m, MessageType::ECHO_REPLY)?; }
    #[test]
    fn information(q in strategy::information_request(), r in strategy::information_reply()) {
        check(&q, MessageType::INFORMATION_REQUEST)?;
        check(&r, MessageType::INFORMATION_REPLY)?;
    }
    #[test]
    fn timestamps(q in strategy::timestamp(), r in strategy::timestamp_reply()) {
        check(&q, MessageType::TIMESTAMP)?;
        check(&r, MessageType::TIMESTAMP_REPLY)?;
    }
    #[test]
    fn address_masks(q in strategy::address_mask_request(), r in strategy::address_mask_reply()) {
        check(&q, MessageType::ADDRESS_MASK_REQUEST)?;
        check(&r, MessageType::ADDRESS_MASK_REPLY)?;
    }
    #[test]
    fn router_discovery(a in strategy::router_advertisement(), s in strategy::router_solicitation()) {
        check(&a, MessageType::ROUTER_ADVERTISEMENT)?;
        check(&s, MessageType::ROUTER_SOLICITATION)?;
    }
    #[test]
    fn probes(q in strategy::extended_echo_request(), r in strategy::extended_echo_reply()) {
        check(&q, MessageType::EXTENDED_ECHO_REQUEST)?;
        check(&r, MessageType::EXTENDED_ECHO_REPLY)?;
    }
    #[test]
    fn traceroutes(m in strategy::traceroute()) { check(&m, MessageType::TRACEROUTE)?; }
    #[test]
    fn photuris(m in strategy::photuris()) {
        check(&m, MessageType::PHOTURIS)?;
        let Ok(Message::Photuris(p)) = Message::parse(&m[..]) else { panic!() };
        prop_assert!(p.quote().ipv4().unwrap().header_checksum_valid());
        prop_assert!(usize::from(p.pointer()) + 4 <= p.quote().bytes().len());
    }
    #[test]
    fn other_types_are_kept(m in strategy::other()) {
        check(&m, MessageType(m[0]))?;
        prop_assert!(matches!(Message::parse(&m[..]), Ok(Message::Other(_))));
    }

    /// Every error message: its quote decodes down to the transport bytes, with a header
    /// checksum that verifies; its extensions, when there are any, verify and decode.
    #[test]
    fn error_messages(m in strategy::error_message()) {
        check(&m, MessageType(m[0]))?;
        let msg = Message::parse(&m[..]).unwrap();
        let (quote, ext) = match &msg {
            Message::DestinationUnreachable(v) => (v.quote(), v.extensions()),
            Message::TimeExceeded(v) => (v.quote(), v.extensions()),
            Message::ParameterProblem(v) => (v.quote(), v.extensions()),
            Message::SourceQuench(v) => (v.quote(), None),
            Message::Redirect(v) => (v.quote(), None),
            Message::Photuris(v) => (v.quote(), None),
            other => panic!("not an error: {other:?}"),
        };
        let ip = quote.ipv4().unwrap();
        prop_assert!(ip.header_checksum_valid());
        prop_assert!(ip.transport().unwrap().len() >= 8);
        if let Some(ext) = ext {
            prop_assert!(ext.checksum_valid());
            for o in ext.objects() {
                prop_assert!(o.is_ok());
            }
        }
    }

    /// The quoted datagram alone: ports for UDP and TCP, the echo's identifier for ICMP.
    #[test]
    fn quoted_datagrams(q in strategy::quoted_datagram()) {
        let ip = Quote::new(&q).ipv4().unwrap();
        prop_assert!(ip.header_checksum_valid());
        prop_assert!(!ip.more_fragments() && ip.fragment_offset() == 0);
        match ip.protocol() {
            protocol::UDP => {
                // RFC 768: the length covers the header and data, all the datagram carries
                // after its IP header (whatever the quote keeps of it).
                let udp = ip.udp().unwrap();
                let carried = ip.total_length() - 4 * u16::from(ip.ihl());
                prop_assert_eq!(udp.length, Some(carried));
            }
            protocol::TCP => { ip.ports().unwrap(); }
            protocol::ICMP => {
                // What ping and `traceroute --icmp` send: an echo request.
                let icmp = ip.icmp().unwrap();
                prop_assert_eq!((icmp.message_type, icmp.code), (MessageType::ECHO_REQUEST, 0));
                prop_assert!(icmp.identifier.is_some());
            }
            _ => {}
        }
    }

    /// Any message: an echo request among them turns into a reply in place, and the
    /// incremental checksum equals a recomputation.
    #[test]
    fn any_message(m in strategy::message()) {
        check(&m, MessageType(m[0]))?;
        if m[0] == 8 {
            let mut b = m.clone();
            let mut echo = Echo::parse(&mut b[..]).unwrap();
            prop_assert!(echo.make_reply());
            prop_assert!(echo.verify_checksum());
            prop_assert_eq!(echo.checksum(), echo.computed_checksum());
        }
    }
}

/// ICMPv6: parses as `ty` from `src` to `dst`, checksum verified (and by the reference over
/// the pseudo-header); the description re-emits the same bytes; `Display` ends with the length.
fn check6(
    (src, dst, bytes): &strategy::v6::Packet,
    ty: u8,
) -> Result<icmpwire::v6::Message<&[u8]>, TestCaseError> {
    prop_assert_eq!(common::reference_sum6(*src, *dst, bytes), 0xFFFF);
    let msg = icmpwire::v6::Message::parse(&bytes[..], *src, *dst)
        .map_err(|e| TestCaseError::fail(format!("{e}")))?;
    prop_assert_eq!(msg.message_type().0, ty);
    let mut again = vec![0xEEu8; bytes.len()];
    prop_assert_eq!(msg.to_repr().emit(*src, *dst, &mut again), Ok(bytes.len()));
    prop_assert_eq!(&again, bytes);
    // (Or tcpdump's truncation mark, after which it prints no length: a port unreachable
    // whose quote is neither UDP nor TCP.)
    let tail = format!(", length {}", bytes.len());
    let line = msg.to_string();
    prop_assert!(
        line.ends_with(&tail) || line.ends_with("[|icmp6]"),
        "{}",
        line
    );
    Ok(msg)
}

proptest! {
    #[test]
    fn echoes6(q in strategy::v6::echo_request(), r in strategy::v6::echo_reply()) {
        check6(&q, 128)?;
        check6(&r, 129)?;
    }
    #[test]
    fn probes6(q in strategy::v6::extended_echo_request(), r in strategy::v6::extended_echo_reply()) {
        let request = check6(&q, 160)?;
        // The interface identification object the strategy attached, through AnyMessage.
        prop_assert_eq!(request.extensions().unwrap().objects().count(), 1);
        check6(&r, 161)?;
    }
    #[test]
    fn other_types_are_kept6(m in strategy::v6::other()) {
        let msg = check6(&m, m.2[0])?;
        prop_assert!(matches!(msg, icmpwire::v6::Message::Other(_)));
    }

    /// Every error message: cut to fit 1280 bytes with its IPv6 header; its quote is an IPv6
    /// packet whose chain is whole down to UDP, TCP or ICMPv6, the bytes past its payload length
    /// only RFC 4884 padding; its extensions, when there are any, verify and decode.
    #[test]
    fn error_messages6(m in strategy::v6::error_message()) {
        let msg = check6(&m, m.2[0])?;
        prop_assert!(m.2.len() <= 1280 - 40);
        let ip = msg.quote().unwrap().ipv6().unwrap();
        let up = ip.upper_layer().unwrap();
        prop_assert!(matches!(up.protocol, protocol::UDP | protocol::TCP | protocol::ICMPV6));
        let had = usize::from(ip.payload_length()) + 40;
        prop_assert!(ip.bytes().iter().skip(had).all(|&b| b == 0));
        if let Some(ext) = msg.extensions() {
            prop_assert!(ext.checksum_valid());
            for o in ext.objects() {
                prop_assert!(o.is_ok());
            }
        }
    }

    #[test]
    fn any_message6(m in strategy::v6::message()) {
        check6(&m, m.2[0])?;
    }

    /// Neighbor Discovery: code 0, and every option the strategy built decodes to a value.
    #[test]
    fn neighbor_discovery6(m in strategy::v6::neighbor_discovery()) {
        let msg = check6(&m, m.2[0])?;
        prop_assert_eq!(msg.code_u8(), 0);
        let offset = msg.payload_offset();
        for o in icmpwire::v6::NdOptions::new(msg.payload(), offset) {
            let o = o.map_err(|e| TestCaseError::fail(format!("{e}")))?;
            prop_assert!(o.value().is_ok(), "{:?}", o);
        }
    }

    /// MLD: a query's sources and a report's records are all present.
    #[test]
    fn mld6(m in strategy::v6::mld()) {
        let msg = check6(&m, m.2[0])?;
        match msg {
            icmpwire::v6::Message::MulticastListenerQuery(q) => prop_assert_eq!(q.check_sources(), Ok(())),
            icmpwire::v6::Message::MulticastListenerReportV2(r) => {
                prop_assert_eq!(r.records().count(), usize::from(r.number_of_records()));
                for rec in r.records() {
                    prop_assert!(rec.is_ok());
                }
            }
            _ => {}
        }
    }
}

/// The ND and MLD strategies reach every type, every option kind and both MLD versions.
#[test]
fn link_strategies_reach_every_kind() {
    use std::collections::BTreeSet;
    let nd = draws(strategy::v6::neighbor_discovery(), 2000);
    let types: BTreeSet<u8> = nd.iter().map(|m| m.2[0]).collect();
    assert_eq!(types, (133..=137).collect());
    let mut kinds = BTreeSet::new();
    for (src, dst, bytes) in &nd {
        let msg = icmpwire::v6::Message::parse(&bytes[..], *src, *dst).unwrap();
        for o in icmpwire::v6::NdOptions::new(msg.payload(), msg.payload_offset()) {
            kinds.insert(o.unwrap().kind().0.min(200));
        }
    }
    assert_eq!(kinds, [1, 2, 3, 5, 14, 24, 25, 200].into_iter().collect());
    let mld = draws(strategy::v6::mld(), 2000);
    let shapes: BTreeSet<(u8, bool)> = mld.iter().map(|m| (m.2[0], m.2.len() > 24)).collect();
    // MLDv1 query, report, done (24 bytes), MLDv2 query (28 and up), report (8 and up: short
    // without records, longer with).
    assert!(
        shapes.is_superset(
            &[
                (130, false),
                (131, false),
                (132, false),
                (130, true),
                (143, true),
                (143, false)
            ]
            .into_iter()
            .collect()
        )
    );
}

/// The generators vary every header field they claim to: over 8000 draws of `message()`,
/// every type with a view appears, and the only header bytes that keep one value are fields
/// the RFCs fix (so a strategy that dropped a field, always writing 0 there, fails here).
#[test]
fn strategies_vary_every_field() {
    let msgs = draws(strategy::message(), 8000);
    let mut types = std::collections::BTreeSet::new();
    for m in &msgs {
        types.insert(m[0]);
    }
    for t in [
        0u8, 3, 4, 5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 30, 37, 38, 40, 42, 43,
    ] {
        assert!(types.contains(&t), "type {t} never drawn");
    }
    let constant =
        common::constant_header_bytes(msgs.iter().map(|m| &m[..]), common::fixed_len_v4, 50);
    let mut fixed_by_rfc = vec![];
    // Code 0: echo and information (RFC 792), timestamp (RFC 792), address mask (RFC 950),
    // router solicitation (RFC 1256), source quench (RFC 792), domain names (RFC 1788),
    // extended echo request (RFC 8335 section 2).
    for t in [0, 4, 8, 10, 13, 14, 15, 16, 17, 18, 37, 38, 42] {
        fixed_by_rfc.push((t, 1));
    }
    // Unused or reserved bytes (zero when sent): unreachable byte 4 (RFC 792, RFC 4884 4.1),
    // source quench 4-7 (RFC 792), router solicitation 4-7 (RFC 1256), time exceeded 4, 6, 7
    // and parameter problem 6, 7 (RFC 792, RFC 4884), traceroute 6-7 (RFC 1393), Photuris
    // reserved 4-5 (RFC 2521).
    fixed_by_rfc.extend([
        (3, 4),
        (4, 4),
        (4, 5),
        (4, 6),
        (4, 7),
        (10, 4),
        (10, 5),
        (10, 6),
    ]);
    fixed_by_rfc.extend([
        (10, 7),
        (11, 4),
        (11, 6),
        (11, 7),
        (12, 6),
        (12, 7),
        (30, 6),
    ]);
    fixed_by_rfc.extend([(30, 7), (40, 4), (40, 5)]);
    // Router advertisement entry size: 2 words (RFC 1256 section 3).
    fixed_by_rfc.push((9, 5));
    // A timestamp request's receive and transmit timestamps, the replier's to fill (RFC 792),
    // and an address mask request's mask, the replier's to fill (RFC 950): zero when sent.
    fixed_by_rfc.extend((12..20).map(|at| (13, at)));
    fixed_by_rfc.extend((8..12).map(|at| (17, at)));
    fixed_by_rfc.sort();
    assert_eq!(constant, fixed_by_rfc);
}

/// The same for the ICMPv6 strategies (RFC 4443 and 8335 types: 8-byte headers).
#[test]
fn strategies_vary_every_field6() {
    let msgs = draws(strategy::v6::message(), 4000);
    let fixed = |t: u8| matches!(t, 1..=4 | 128 | 129 | 160 | 161).then_some(8);
    let constant = common::constant_header_bytes(msgs.iter().map(|m| &m.2[..]), fixed, 50);
    let fixed_by_rfc = vec![
        // Destination unreachable and time exceeded: bytes 5-7 unused (RFC 4443 3.1, 3.3;
        // byte 4 is the RFC 4884 length).
        (1, 5),
        (1, 6),
        (1, 7),
        // Packet too big: code 0 (RFC 4443 3.2).
        (2, 1),
        (3, 5),
        (3, 6),
        (3, 7),
        // Parameter problem: the pointer's high 16 bits, since it points into a quote that
        // fits 1280 bytes (RFC 4443 2.4 (c), 3.4).
        (4, 4),
        (4, 5),
        // Echo request and reply (RFC 4443 4.1, 4.2) and extended echo request (RFC 8335): code 0.
        (128, 1),
        (129, 1),
        (160, 1),
    ];
    assert_eq!(constant, fixed_by_rfc);
}

/// The RFC 8335 generators: requests identify the interface by name, index and address (class
/// 3, c-types 1 to 3, RFC 8335 section 2.1), each in a fair share of draws; replies carry a
/// state and the A bit only with code 0 (No Error), and the IPv4 and IPv6 bits only with A
/// (section 3), each flag seen both ways.
#[test]
fn probes_vary_what_rfc_8335_allows() {
    let mut c_types = std::collections::BTreeMap::<u8, usize>::new();
    for m in draws(strategy::extended_echo_request(), 600) {
        let req = icmpwire::v4::ExtendedEchoRequest::parse(&m[..]).unwrap();
        let ext = req.extensions().unwrap();
        for obj in ext.objects() {
            let obj = obj.unwrap();
            assert_eq!(obj.class_num(), 3);
            *c_types.entry(obj.c_type()).or_default() += 1;
        }
    }
    assert_eq!(c_types.keys().copied().collect::<Vec<_>>(), [1, 2, 3]);
    assert!(c_types.values().all(|&n| n > 120), "{c_types:?}");

    let (mut states, mut flags) = (std::collections::BTreeSet::new(), [[0usize; 2]; 3]);
    let mut errors = 0;
    for m in draws(strategy::extended_echo_reply(), 1500) {
        let rep = icmpwire::v4::ExtendedEchoReply::parse(&m[..]).unwrap();
        let (state, a, v4, v6) = (rep.state(), rep.active(), rep.ipv4(), rep.ipv6());
        if m[1] != 0 {
            errors += 1;
            assert_eq!((state, a, v4, v6), (0, false, false, false), "{m:02x?}");
            continue;
        }
        states.insert(state);
        assert!(a || !(v4 || v6), "4 or 6 without A: {m:02x?}");
        for (n, f) in [a, v4, v6].into_iter().enumerate() {
            flags[n][usize::from(f)] += 1;
        }
    }
    assert!(errors > 300, "{errors}");
    assert_eq!(states, (0..=6).collect());
    assert!(flags.iter().flatten().all(|&n| n > 30), "{flags:?}");
}

/// RFC 1788 domain name replies: names start at message offset 12, so the first name can
/// never be a pointer (it would point at itself); later names sometimes end in one.
#[test]
fn domain_name_replies_compress_only_later_names() {
    let mut pointers = 0;
    for m in draws(strategy::domain_name_reply(), 800) {
        assert!(m.len() <= 12 || m[12] < 0xC0, "{m:02x?}");
        // Labels are letters: a byte of 0xC0 or more after the first name is a pointer.
        pointers += usize::from(m[12..].iter().any(|&b| b >= 0xC0));
        let reply = icmpwire::v4::DomainNameReply::parse(&m[..]).unwrap();
        assert!(reply.names().all(|n| n.is_ok()), "{m:02x?}");
    }
    assert!(pointers > 50, "{pointers}");
}

/// The ICMPv4 error strategies' fields: a destination unreachable carries a next-hop MTU only
/// with code 4 (RFC 1191 section 4; RFC 792's unused field otherwise, zero when sent), and a
/// parameter problem a pointer only with code 0 (RFC 792), always to an octet of the quoted
/// header; codes 1 (RFC 1108, a required option missing) and 2 (RFC 4884, bad length) zero it.
#[test]
fn error_strategies_set_mtu_and_pointer_by_code() {
    use std::collections::BTreeSet;
    let mut mtus = BTreeSet::new();
    for m in draws(strategy::destination_unreachable(), 1500) {
        let mtu = u16::from_be_bytes([m[6], m[7]]);
        if m[1] == 4 {
            mtus.insert(mtu);
        } else {
            assert_eq!(mtu, 0, "code {}: {m:02x?}", m[1]);
        }
    }
    assert!(mtus.len() > 50, "{mtus:?}");
    let (mut pointers, mut codes) = (BTreeSet::new(), BTreeSet::new());
    for m in draws(strategy::parameter_problem(), 1500) {
        let (code, pointer) = (m[1], m[4]);
        codes.insert(code);
        if code != 0 {
            assert_eq!(pointer, 0, "code {code}: {m:02x?}");
            continue;
        }
        let header_len = usize::from(m[8] & 0x0F) * 4;
        assert!(usize::from(pointer) < header_len, "{m:02x?}");
        pointers.insert(pointer);
    }
    assert_eq!(codes, (0..=2).collect());
    // Pointers reach past the fixed header into options when there are any (IHL up to 15).
    assert!(
        pointers.len() > 30 && pointers.iter().any(|&p| p >= 20),
        "{pointers:?}"
    );
}

//! The ICMPv6 proptest strategies keep their promises: over many draws from a fixed seed, every
//! field they claim to vary takes many values (or every value of a narrow field), every type and
//! option kind they claim comes in a fair share, and what the RFCs fix stays fixed. A strategy
//! that dropped a field, pinned a flag or skewed a mix fails here.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::draws;
use icmpwire::protocol;
use icmpwire::strategy::v6 as strategy;
use icmpwire::v6::{AnyMessage, Message, NdOptionRepr, NdOptions, Repr};

/// Every value each named field took, with how often.
#[derive(Default)]
struct Spread(BTreeMap<&'static str, BTreeMap<u128, usize>>);

impl Spread {
    fn note(&mut self, field: &'static str, value: impl Into<u128>) {
        *self
            .0
            .entry(field)
            .or_default()
            .entry(value.into())
            .or_default() += 1;
    }

    /// Each field took at least its number of distinct values.
    fn assert_distinct(&self, expected: &[(&str, usize)]) {
        for &(field, at_least) in expected {
            let seen = self.0.get(field).map_or(0, BTreeMap::len);
            assert!(
                seen >= at_least,
                "{field}: {seen} values, expected {at_least} or more"
            );
        }
    }

    /// The values `field` took, exactly.
    fn values(&self, field: &str) -> BTreeSet<u128> {
        self.0
            .get(field)
            .map(|m| m.keys().copied().collect())
            .unwrap_or_default()
    }
}

/// An address as a number, for the spread.
fn a(addr: std::net::Ipv6Addr) -> u128 {
    u128::from(addr)
}

/// Bytes as a number (their length and first 15), for the spread.
fn b(bytes: &[u8]) -> u128 {
    let n = bytes
        .iter()
        .take(15)
        .fold(0u128, |n, &x| (n << 8) | u128::from(x));
    n | ((bytes.len() as u128) << 120)
}

/// Each of `kinds` at least `share` of the `total` counted in `counts`.
fn assert_fair(counts: &BTreeMap<u8, usize>, kinds: &[u8], share: f64) {
    let total: usize = counts.values().sum();
    for k in kinds {
        let n = counts.get(k).copied().unwrap_or(0);
        assert!(
            n as f64 >= share * total as f64,
            "{k}: {n} of {total} ({counts:?})"
        );
    }
}

/// RFC 4861 messages: each of the five types in a fair share; every header field varies
/// (reserved words too: the strategy writes them, RFC 4861 says receivers ignore them); the
/// link-layer address option is the target's in neighbor advertisements and the source's in
/// the others (RFC 4861 4.3-4.5); every option kind in a fair share, each of its fields varied
/// (RFC 4861 4.6, RFC 4191, RFC 8106, RFC 3971).
#[test]
fn neighbor_discovery_varies_every_field() {
    let msgs = draws(strategy::neighbor_discovery(), 3000);
    let (mut types, mut kinds) = (BTreeMap::<u8, usize>::new(), BTreeMap::<u8, usize>::new());
    let mut s = Spread::default();
    for (src, dst, bytes) in &msgs {
        let msg = Message::parse(&bytes[..], *src, *dst).unwrap();
        let ty = bytes[0];
        *types.entry(ty).or_default() += 1;
        match msg.to_repr() {
            Repr::RouterSolicitation(r) => s.note("rs.reserved", r.reserved),
            Repr::RouterAdvertisement(r) => {
                s.note("ra.hop_limit", r.hop_limit);
                s.note("ra.managed", r.managed);
                s.note("ra.other", r.other);
                s.note("ra.home_agent", r.home_agent);
                s.note("ra.preference", r.preference);
                s.note("ra.proxy", r.proxy);
                s.note("ra.reserved", r.reserved);
                s.note("ra.router_lifetime", r.router_lifetime);
                s.note("ra.reachable_time", r.reachable_time);
                s.note("ra.retrans_timer", r.retrans_timer);
            }
            Repr::NeighborSolicitation(r) => {
                s.note("ns.reserved", r.reserved);
                s.note("ns.target", a(r.target));
            }
            Repr::NeighborAdvertisement(r) => {
                s.note("na.router", r.router);
                s.note("na.solicited", r.solicited);
                s.note("na.override", r.override_flag);
                s.note("na.reserved", r.reserved);
                s.note("na.target", a(r.target));
            }
            Repr::Redirect(r) => {
                s.note("redirect.reserved", r.reserved);
                s.note("redirect.target", a(r.target));
                s.note("redirect.destination", a(r.destination));
            }
            other => panic!("not Neighbor Discovery: {other:?}"),
        }
        for o in NdOptions::new(msg.payload(), msg.payload_offset()) {
            let o = o.unwrap();
            *kinds.entry(o.kind().0.min(200)).or_default() += 1;
            match o.value().unwrap() {
                NdOptionRepr::SourceLinkLayerAddress(l) => {
                    assert_ne!(ty, 136, "a source link-layer address in an advertisement");
                    s.note("sll", b(l));
                }
                NdOptionRepr::TargetLinkLayerAddress(l) => {
                    assert_eq!(ty, 136, "a target link-layer address in type {ty}");
                    s.note("tll", b(l));
                }
                NdOptionRepr::PrefixInformation(p) => {
                    s.note("pi.prefix_length", p.prefix_length);
                    s.note("pi.on_link", p.on_link);
                    s.note("pi.autonomous", p.autonomous);
                    s.note("pi.router_address", p.router_address);
                    s.note("pi.reserved1", p.reserved1);
                    s.note("pi.valid", p.valid_lifetime);
                    s.note("pi.preferred", p.preferred_lifetime);
                    s.note("pi.reserved2", p.reserved2);
                    s.note("pi.prefix", a(p.prefix));
                }
                NdOptionRepr::Mtu { reserved, mtu } => {
                    s.note("mtu.reserved", reserved);
                    s.note("mtu.mtu", mtu);
                }
                NdOptionRepr::Rdnss {
                    reserved,
                    lifetime,
                    addresses,
                } => {
                    s.note("rdnss.reserved", reserved);
                    s.note("rdnss.lifetime", lifetime);
                    s.note("rdnss.count", addresses.iter().count() as u128);
                    for x in addresses.iter() {
                        s.note("rdnss.address", a(x));
                    }
                }
                NdOptionRepr::RouteInformation(r) => {
                    s.note("rio.prefix_length", r.prefix_length);
                    s.note("rio.preference", r.preference);
                    s.note("rio.reserved1", r.reserved1);
                    s.note("rio.reserved2", r.reserved2);
                    s.note("rio.lifetime", r.lifetime);
                    s.note("rio.prefix", a(r.prefix));
                }
                NdOptionRepr::Nonce(n) => s.note("nonce", b(n)),
                NdOptionRepr::Unknown { kind, data } => {
                    s.note("unknown.kind", kind.0);
                    s.note("unknown.data", b(data));
                }
                other => panic!("an option the strategy does not build: {other:?}"),
            }
        }
    }
    // Five types, 20% each expected.
    assert_fair(&types, &[133, 134, 135, 136, 137], 0.12);
    // Seven kinds (the link-layer address counted as source or target), 14% each expected.
    let mut merged = kinds.clone();
    let lla = merged.remove(&1).unwrap_or(0) + merged.remove(&2).unwrap_or(0);
    merged.insert(1, lla);
    assert_fair(&merged, &[1, 3, 5, 14, 24, 25, 200], 0.08);
    assert!(
        kinds.contains_key(&1) && kinds.contains_key(&2),
        "{kinds:?}"
    );
    let many = 100;
    s.assert_distinct(&[
        ("rs.reserved", many),
        ("ra.hop_limit", many),
        ("ra.managed", 2),
        ("ra.other", 2),
        ("ra.home_agent", 2),
        ("ra.preference", 4),
        ("ra.proxy", 2),
        ("ra.reserved", 4),
        ("ra.router_lifetime", many),
        ("ra.reachable_time", many),
        ("ra.retrans_timer", many),
        ("ns.reserved", many),
        ("ns.target", many),
        ("na.router", 2),
        ("na.solicited", 2),
        ("na.override", 2),
        ("na.reserved", many),
        ("na.target", many),
        ("redirect.reserved", many),
        ("redirect.target", many),
        ("redirect.destination", many),
        ("sll", many),
        ("tll", many),
        ("pi.prefix_length", many),
        ("pi.on_link", 2),
        ("pi.autonomous", 2),
        ("pi.router_address", 2),
        ("pi.reserved1", 32),
        ("pi.valid", many),
        ("pi.preferred", many),
        ("pi.reserved2", many),
        ("pi.prefix", many),
        ("mtu.reserved", many),
        ("mtu.mtu", many),
        ("rdnss.reserved", many),
        ("rdnss.lifetime", many),
        ("rdnss.count", 3),
        ("rdnss.address", many),
        ("rio.prefix_length", many),
        ("rio.preference", 4),
        ("rio.reserved1", 8),
        ("rio.reserved2", 8),
        ("rio.lifetime", many),
        ("rio.prefix", many),
        ("nonce", many),
        ("unknown.kind", 50),
        ("unknown.data", many),
    ]);
    // The prefix lengths reach both ends of 0..=128 (RFC 4861 4.6.2, RFC 4191 2.3).
    for f in ["pi.prefix_length", "rio.prefix_length"] {
        let v = s.values(f);
        assert_eq!((v.first(), v.last()), (Some(&0), Some(&128)), "{f}");
    }
    assert_eq!(s.values("unknown.kind"), (200..250).collect());
}

/// RFC 2710 and RFC 3810 messages: every field of the MLDv1 messages and MLDv2 queries and
/// reports varies, within its width; reports and dones carry a zero maximum response delay
/// (RFC 2710 section 3.4: only queries set it); each of the five shapes in a fair share.
#[test]
fn mld_varies_every_field() {
    let mut s = Spread::default();
    let mut shapes = BTreeMap::<u8, usize>::new();
    for (src, dst, bytes) in draws(strategy::mld(), 3000) {
        let msg = Message::parse(&bytes[..], src, dst).unwrap();
        match msg {
            Message::MulticastListenerQuery(q) if bytes.len() == 24 => {
                *shapes.entry(0).or_default() += 1;
                s.note("v1.max_response_code", q.max_response_code());
                s.note("v1.reserved", q.reserved());
                s.note("v1.group", a(q.multicast_address()));
            }
            Message::MulticastListenerQuery(q) => {
                *shapes.entry(3).or_default() += 1;
                s.note("v2.max_response_code", q.max_response_code());
                s.note("v2.group", a(q.multicast_address()));
                s.note("v2.resv", q.resv_bits());
                s.note("v2.suppress", q.suppress());
                s.note("v2.qrv", q.qrv());
                s.note("v2.qqic", q.qqic());
                s.note("v2.sources", q.number_of_sources());
                assert_eq!(
                    q.sources().iter().count(),
                    usize::from(q.number_of_sources())
                );
            }
            Message::MulticastListenerReport(r) | Message::MulticastListenerDone(r) => {
                *shapes.entry(bytes[0] - 130).or_default() += 1;
                assert_eq!(bytes.len(), 24, "{bytes:02x?}");
                assert_eq!(r.max_response_code(), 0, "{bytes:02x?}");
                s.note("listener.reserved", r.reserved());
                s.note("listener.group", a(r.multicast_address()));
            }
            Message::MulticastListenerReportV2(r) => {
                *shapes.entry(4).or_default() += 1;
                s.note("report.reserved", r.reserved());
                s.note("report.records", r.number_of_records());
                for rec in r.records() {
                    let rec = rec.unwrap();
                    s.note("record.type", rec.record_type());
                    s.note("record.group", a(rec.multicast_address()));
                    s.note("record.sources", rec.number_of_sources());
                    s.note("record.aux_words", rec.aux_data_len());
                    assert_eq!(rec.aux_data().len(), 4 * usize::from(rec.aux_data_len()));
                }
            }
            other => panic!("not MLD: {other:?}"),
        }
    }
    assert_fair(&shapes, &[0, 1, 2, 3, 4], 0.12);
    let many = 100;
    s.assert_distinct(&[
        ("v1.max_response_code", many),
        ("v1.reserved", many),
        ("v1.group", many),
        ("v2.max_response_code", many),
        ("v2.group", many),
        ("v2.resv", 16),
        ("v2.suppress", 2),
        ("v2.qrv", 8),
        ("v2.qqic", many),
        ("listener.reserved", many),
        ("listener.group", many),
        ("report.reserved", many),
        ("record.group", many),
    ]);
    assert_eq!(s.values("v2.sources"), (0..4).collect());
    assert_eq!(s.values("report.records"), (0..4).collect());
    assert_eq!(s.values("record.type"), (1..7).collect());
    assert_eq!(s.values("record.sources"), (0..3).collect());
    assert_eq!(s.values("record.aux_words"), (0..3).collect());
}

/// The quoted packet (RFC 4443 section 2.4 (c)): an IPv6 header whose traffic class, flow
/// label and hop limit vary (RFC 8200 section 3), zero to three extension headers of every
/// kind the strategy promises, each as long as its length field says (RFC 8200 section 4),
/// ending at the upper layer it names: UDP, TCP and ICMPv6 each in a fair share.
#[test]
fn quoted_packets_hold_whole_chains() {
    let mut s = Spread::default();
    let (mut uppers, mut counts) = (BTreeMap::<u8, usize>::new(), BTreeMap::<u8, usize>::new());
    for q in draws(strategy::quoted_packet(), 1500) {
        let ip = icmpwire::Quote::new(&q).ipv6().unwrap();
        assert_eq!(ip.version(), 6);
        s.note("traffic_class", ip.traffic_class());
        s.note("flow_label", ip.flow_label());
        s.note("hop_limit", ip.hop_limit());
        s.note("src", a(ip.src()));
        s.note("dst", a(ip.dst()));
        let mut at = 40;
        let mut n = 0u8;
        for h in ip.extension_headers() {
            let h = h.unwrap();
            let len = 8 * (usize::from(q[at + 1]) + 1);
            let allowed: &[usize] = match h.kind() {
                protocol::HOP_BY_HOP | protocol::DESTINATION_OPTIONS => &[8, 16, 24],
                protocol::FRAGMENT => &[8],
                protocol::ROUTING => &[24],
                k => panic!("extension header {k}"),
            };
            assert!(allowed.contains(&len), "kind {} of {len} bytes", h.kind());
            s.note("header", h.kind());
            s.note("header.len", len as u128);
            at += len;
            n += 1;
        }
        *counts.entry(n).or_default() += 1;
        let up = ip.upper_layer().unwrap();
        assert_eq!(up.offset, at);
        *uppers.entry(up.protocol).or_default() += 1;
    }
    assert_fair(
        &uppers,
        &[protocol::UDP, protocol::TCP, protocol::ICMPV6],
        0.25,
    );
    assert_fair(&counts, &[0, 1, 2, 3], 0.15);
    s.assert_distinct(&[
        ("traffic_class", 200),
        ("flow_label", 1000),
        ("hop_limit", 200),
        ("src", 1000),
        ("dst", 1000),
        ("header.len", 3),
    ]);
    // Flow labels fill their 20 bits, traffic classes their 8.
    assert!(*s.values("flow_label").last().unwrap() > 0x8_0000);
    assert!(*s.values("traffic_class").last().unwrap() > 0x80);
    assert_eq!(
        s.values("header"),
        [
            protocol::HOP_BY_HOP,
            protocol::ROUTING,
            protocol::FRAGMENT,
            protocol::DESTINATION_OPTIONS
        ]
        .into_iter()
        .map(u128::from)
        .collect()
    );
}

/// Destination unreachable (codes 0 to 9, RFC 4443 3.1 and its updates) and time exceeded
/// (codes 0 and 1, 3.3): every code drawn, and RFC 4884 extensions on a fair share of them.
#[test]
fn errors_draw_every_code_and_extensions() {
    for (ty, codes) in [(1u8, 0u8..=9), (3, 0..=1)] {
        let msgs = match ty {
            1 => draws(strategy::destination_unreachable(), 600),
            _ => draws(strategy::time_exceeded(), 600),
        };
        let (mut seen, mut with_ext) = (BTreeSet::new(), 0);
        for (src, dst, bytes) in &msgs {
            let msg = Message::parse(&bytes[..], *src, *dst).unwrap();
            assert_eq!(msg.message_type().0, ty);
            seen.insert(msg.code_u8());
            assert!(msg.quote().unwrap().ipv6().is_ok());
            if let Some(ext) = msg.extensions() {
                assert!(ext.objects().count() > 0);
                with_ext += 1;
            }
        }
        assert_eq!(seen, codes.collect(), "type {ty}");
        assert!(
            with_ext > 100 && with_ext < 500,
            "type {ty}: {with_ext} of 600 with extensions"
        );
    }
}

/// RFC 8335 over IPv6: requests identify the interface by name, index and address (class 3,
/// c-types 1 to 3, section 2.1), each in a fair share; replies carry a state and the A bit
/// only with code 0, the IPv4 and IPv6 bits only with A (section 3), each flag both ways.
#[test]
fn probes6_vary_what_rfc_8335_allows() {
    let (mut c_types, mut local) = (BTreeMap::<u8, usize>::new(), [0usize; 2]);
    for (src, dst, m) in draws(strategy::extended_echo_request(), 600) {
        let req = icmpwire::v6::ExtendedEchoRequest::parse(&m[..], src, dst).unwrap();
        local[usize::from(req.local())] += 1;
        for obj in req.extensions().unwrap().objects() {
            let obj = obj.unwrap();
            assert_eq!(obj.class_num(), 3);
            *c_types.entry(obj.c_type()).or_default() += 1;
        }
    }
    assert_eq!(c_types.keys().copied().collect::<Vec<_>>(), [1, 2, 3]);
    assert!(c_types.values().all(|&n| n > 120), "{c_types:?}");
    assert!(
        local.iter().all(|&n| n > 200),
        "L bit clear, set: {local:?}"
    );

    let (mut states, mut flags, mut errors) = (BTreeSet::new(), [[0usize; 2]; 3], 0);
    for (src, dst, m) in draws(strategy::extended_echo_reply(), 1500) {
        let rep = icmpwire::v6::ExtendedEchoReply::parse(&m[..], src, dst).unwrap();
        let (state, act, v4, v6) = (rep.state(), rep.active(), rep.ipv4(), rep.ipv6());
        if m[1] != 0 {
            errors += 1;
            assert_eq!((state, act, v4, v6), (0, false, false, false), "{m:02x?}");
            continue;
        }
        states.insert(state);
        assert!(act || !(v4 || v6), "4 or 6 without A: {m:02x?}");
        for (n, f) in [act, v4, v6].into_iter().enumerate() {
            flags[n][usize::from(f)] += 1;
        }
    }
    assert!(errors > 900, "{errors}");
    assert_eq!(states, (0..=6).collect());
    assert!(flags.iter().flatten().all(|&n| n > 30), "{flags:?}");
}

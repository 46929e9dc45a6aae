//! Neighbor Discovery: reading a router advertisement with its options, and building a
//! neighbor solicitation, icmpwire side by side with smoltcp (wire, `NdiscRepr`), etherparse
//! and pnet_packet in one run. `cargo bench --bench ndp`; summarise with
//! `python3 benches/report.py ndp_`.
//!
//! The advertisement (104 bytes) carries what a router sends a host: a prefix information
//! option, an MTU, the router's link-layer address and an RDNSS option with two servers. Every
//! contestant verifies the checksum over the pseudo-header and reads every field its public
//! API gives: icmpwire every option's value; smoltcp its `NdiscRepr` (it keeps the prefix, the
//! MTU and the link-layer address and skips RDNSS, which it does not know); etherparse the
//! fixed fields (it has no option reader: its payload is the options' bytes); pnet_packet its
//! `RouterAdvertPacket` with the options as a `Vec` of raw options (allocated per message).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::hint::black_box;
use std::net::Ipv6Addr;

use criterion::{Criterion, criterion_group, criterion_main};
use icmpwire::v6::{
    Addresses, Message, NdOptionRepr, NdOptionsRepr, NeighborSolicitationRepr, PrefixInformation,
    Repr, RouterAdvertisementRepr,
};
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv6Packet, Icmpv6Repr, NdiscRepr, RawHardwareAddress};

#[path = "common/harness.rs"]
mod harness;
use harness::{config, mix};

const ROUTER: Ipv6Addr = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0xff, 0xfe00, 1);
const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
const HOST: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10);
const TARGET: Ipv6Addr = Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 1);
const MAC: [u8; 6] = [2, 0, 0, 0, 0, 0x0a];

/// The router advertisement: hop limit 64, O, lifetime 1800 s, reachable 30 s, retrans 1 s;
/// prefix 2001:db8:1::/64 (L, A), MTU 1500, the router's MAC, two DNS servers.
fn advertisement() -> Vec<u8> {
    let servers = [
        Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x53),
        Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x54),
    ];
    let options = [
        NdOptionRepr::PrefixInformation(PrefixInformation {
            prefix_length: 64,
            on_link: true,
            autonomous: true,
            valid_lifetime: 86400,
            preferred_lifetime: 14400,
            prefix: Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0),
            ..PrefixInformation::default()
        }),
        NdOptionRepr::Mtu {
            reserved: 0,
            mtu: 1500,
        },
        NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 1]),
        NdOptionRepr::Rdnss {
            reserved: 0,
            lifetime: 600,
            addresses: Addresses::from_slice(&servers),
        },
    ];
    let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
        hop_limit: 64,
        other: true,
        router_lifetime: 1800,
        reachable_time: 30000,
        retrans_timer: 1000,
        options: NdOptionsRepr::List(&options),
        ..RouterAdvertisementRepr::default()
    });
    let mut b = vec![0u8; repr.buffer_len()];
    repr.emit(ROUTER, ALL_NODES, &mut b).unwrap();
    assert_eq!(b.len(), 104);
    b
}

fn ra_icmpwire(buf: &[u8]) -> u64 {
    let Ok(Message::RouterAdvertisement(ra)) =
        Message::parse(black_box(buf), black_box(ROUTER), black_box(ALL_NODES))
    else {
        return 0;
    };
    let mut acc = u64::from(ra.hop_limit()) ^ u64::from(ra.flags());
    acc = mix(
        acc,
        u64::from(ra.router_lifetime()) ^ u64::from(ra.reachable_time()),
    );
    acc = mix(acc, u64::from(ra.retrans_timer()));
    for o in ra.options() {
        let Ok(o) = o else { break };
        acc = mix(
            acc,
            match o.value() {
                Ok(NdOptionRepr::PrefixInformation(p)) => {
                    u64::from(p.valid_lifetime)
                        ^ u64::from(p.preferred_lifetime)
                        ^ u64::from(p.prefix_length)
                        ^ u128::from(p.prefix) as u64
                        ^ u64::from(p.on_link)
                }
                Ok(NdOptionRepr::Mtu { mtu, .. }) => u64::from(mtu),
                Ok(NdOptionRepr::SourceLinkLayerAddress(a)) => u64::from(a[5]),
                Ok(NdOptionRepr::Rdnss {
                    lifetime,
                    addresses,
                    ..
                }) => addresses
                    .iter()
                    .fold(u64::from(lifetime), |n, a| n ^ u128::from(a) as u64),
                _ => 1,
            },
        );
    }
    acc
}

fn ra_smoltcp(buf: &[u8]) -> u64 {
    let caps = ChecksumCapabilities::default();
    let Ok(p) = Icmpv6Packet::new_checked(black_box(buf)) else {
        return 0;
    };
    match Icmpv6Repr::parse(black_box(&ROUTER), black_box(&ALL_NODES), &p, &caps) {
        Ok(Icmpv6Repr::Ndisc(NdiscRepr::RouterAdvert {
            hop_limit,
            flags,
            router_lifetime,
            reachable_time,
            retrans_time,
            lladdr,
            mtu,
            prefix_info,
        })) => {
            let mut acc = u64::from(hop_limit) ^ u64::from(flags.bits());
            acc = mix(acc, router_lifetime.secs() ^ reachable_time.total_millis());
            acc = mix(acc, retrans_time.total_millis());
            acc = mix(
                acc,
                prefix_info.map_or(0, |p| {
                    p.valid_lifetime.secs()
                        ^ p.preferred_lifetime.secs()
                        ^ u64::from(p.prefix_len)
                        ^ u128::from(p.prefix) as u64
                        ^ u64::from(p.flags.bits())
                }),
            );
            acc = mix(acc, u64::from(mtu.unwrap_or(0)));
            mix(acc, lladdr.map_or(0, |a| u64::from(a.as_bytes()[5])))
        }
        _ => 0,
    }
}

fn ra_etherparse(buf: &[u8]) -> u64 {
    let (src, dst) = (ROUTER.octets(), ALL_NODES.octets());
    match etherparse::Icmpv6Slice::from_slice(black_box(buf)) {
        Ok(s) if s.is_checksum_valid(black_box(src), black_box(dst)) => match s.icmp_type() {
            etherparse::Icmpv6Type::RouterAdvertisement(h) => {
                let acc = u64::from(h.cur_hop_limit) ^ u64::from(h.other_config);
                mix(acc, u64::from(h.router_lifetime)) ^ s.payload().len() as u64
            }
            _ => 0,
        },
        _ => 0,
    }
}

fn ra_pnet(buf: &[u8]) -> u64 {
    use pnet_packet::icmpv6::ndp::RouterAdvertPacket;
    use pnet_packet::icmpv6::{Icmpv6Packet as P, checksum};
    let Some(p) = P::new(black_box(buf)) else {
        return 0;
    };
    if checksum(&p, black_box(&ROUTER), black_box(&ALL_NODES)) != p.get_checksum() {
        return 0;
    }
    let Some(ra) = RouterAdvertPacket::new(buf) else {
        return 0;
    };
    let mut acc = u64::from(ra.get_hop_limit()) ^ u64::from(ra.get_flags());
    acc = mix(
        acc,
        u64::from(ra.get_lifetime()) ^ u64::from(ra.get_reachable_time()),
    );
    acc = mix(acc, u64::from(ra.get_retrans_time()));
    for o in ra.get_options() {
        acc = mix(acc, u64::from(o.option_type.0) ^ o.data.len() as u64);
    }
    acc
}

fn read(c: &mut Criterion) {
    let buf = advertisement();
    let buf = &buf[..];
    type Reader = fn(&[u8]) -> u64;
    let contestants: [(&str, Reader); 4] = [
        ("icmpwire", ra_icmpwire),
        ("smoltcp", ra_smoltcp),
        ("etherparse", ra_etherparse),
        ("pnet_packet", ra_pnet),
    ];
    let mut g = config(c, "ndp_ra_read104");
    for (name, f) in contestants {
        // Each reads the advertisement (a refusal would return 0 and time nothing useful).
        assert_ne!(f(buf), 0, "{name}");
        g.bench_function(name, |b| b.iter(|| black_box(f(black_box(buf)))));
    }
    g.finish();
}

fn build(c: &mut Criterion) {
    // A neighbor solicitation for TARGET with the host's link-layer address (32 bytes), into a
    // buffer, checksum over the pseudo-header to TARGET's solicited-node group.
    let group = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 1, 0xff00, 1);
    let mut g = config(c, "ndp_ns_build32");
    g.bench_function("icmpwire", |b| {
        let mut out = [0u8; 32];
        b.iter(|| {
            let options = [NdOptionRepr::SourceLinkLayerAddress(black_box(&MAC))];
            let repr = Repr::NeighborSolicitation(NeighborSolicitationRepr {
                target: black_box(TARGET),
                options: NdOptionsRepr::List(&options),
                ..NeighborSolicitationRepr::default()
            });
            black_box(
                repr.emit(black_box(HOST), black_box(group), &mut out)
                    .unwrap_or(0),
            );
            black_box(&out);
        })
    });
    g.bench_function("smoltcp", |b| {
        let caps = ChecksumCapabilities::default();
        let mut out = [0u8; 32];
        b.iter(|| {
            let repr = Icmpv6Repr::Ndisc(NdiscRepr::NeighborSolicit {
                target_addr: black_box(TARGET),
                lladdr: Some(RawHardwareAddress::from_bytes(black_box(&MAC))),
            });
            let mut p = Icmpv6Packet::new_unchecked(&mut out[..repr.buffer_len()]);
            repr.emit(black_box(&HOST), black_box(&group), &mut p, &caps);
            black_box(&out);
        })
    });
    g.bench_function("etherparse", |b| {
        let mut out = [0u8; 32];
        b.iter(|| {
            let mut payload = [0u8; 24];
            payload[..16].copy_from_slice(&black_box(TARGET).octets());
            payload[16..18].copy_from_slice(&[1, 1]);
            payload[18..].copy_from_slice(black_box(&MAC));
            let h = etherparse::Icmpv6Header::with_checksum(
                etherparse::Icmpv6Type::NeighborSolicitation,
                black_box(HOST).octets(),
                black_box(group).octets(),
                &payload,
            )
            .unwrap();
            out[..8].copy_from_slice(&h.to_bytes());
            out[8..].copy_from_slice(&payload);
            black_box(&out);
        })
    });
    g.bench_function("pnet_packet", |b| {
        use pnet_packet::icmpv6::ndp::{MutableNeighborSolicitPacket, NdpOption, NdpOptionTypes};
        use pnet_packet::icmpv6::{Icmpv6Packet as P, Icmpv6Types, checksum};
        let mut out = [0u8; 32];
        b.iter(|| {
            let mut p = MutableNeighborSolicitPacket::new(&mut out).unwrap();
            p.set_icmpv6_type(Icmpv6Types::NeighborSolicit);
            p.set_target_addr(black_box(TARGET));
            p.set_options(&[NdpOption {
                option_type: NdpOptionTypes::SourceLLAddr,
                length: 1,
                data: black_box(MAC).to_vec(),
            }]);
            let sum = checksum(&P::new(&out).unwrap(), black_box(&HOST), black_box(&group));
            MutableNeighborSolicitPacket::new(&mut out)
                .unwrap()
                .set_checksum(sum);
            black_box(&out);
        })
    });
    g.finish();
}

/// The four builders write the same 32 bytes (checked before timing them).
fn same_bytes() {
    let group = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 1, 0xff00, 1);
    let mut ours = [0u8; 32];
    let options = [NdOptionRepr::SourceLinkLayerAddress(&MAC)];
    Repr::NeighborSolicitation(NeighborSolicitationRepr {
        target: TARGET,
        options: NdOptionsRepr::List(&options),
        ..NeighborSolicitationRepr::default()
    })
    .emit(HOST, group, &mut ours)
    .unwrap();
    let mut theirs = [0u8; 32];
    let repr = Icmpv6Repr::Ndisc(NdiscRepr::NeighborSolicit {
        target_addr: TARGET,
        lladdr: Some(RawHardwareAddress::from_bytes(&MAC)),
    });
    repr.emit(
        &HOST,
        &group,
        &mut Icmpv6Packet::new_unchecked(&mut theirs[..]),
        &ChecksumCapabilities::default(),
    );
    assert_eq!(ours, theirs, "smoltcp writes other bytes");
}

fn checked_build(c: &mut Criterion) {
    same_bytes();
    build(c);
}

criterion_group!(benches, read, checked_build);
criterion_main!(benches);

//! Neighbor Discovery (RFC 4861, RFC 3122) and its options, on messages captured from Linux 6.18
//! and radvd 2.19 (the team's ICMPv6 oracle, `tests/data/oracle6.min.jsonl.gz`: records
//! kernel6-0019, -0020, -0172, -0247) and on layouts written from the RFC text: every field
//! and option value read, the radvd advertisement rebuilt byte for byte from typed option
//! values, the option walk's errors with their offsets, each option's own length rule, and
//! built option lists read back (proptest).
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use std::net::Ipv6Addr;

use common::{addr6 as a, unhex};

use icmpwire::v6::{
    Addresses, DomainNames, Message, NdOptionRepr, NdOptions, NdOptionsRepr, NeighborSolicitation,
    OptionType, Pref64, PrefixInformation, Redirect, Repr, RouteInformation, RouterAdvertisement,
    RouterAdvertisementRepr,
};
use icmpwire::{AnyMessage, EmitError, ParseError, Part};
use proptest::prelude::*;

/// kernel6-0247: radvd's unsolicited router advertisement from R1 (the oracle README's
/// configuration: M=0 O=1, preference high, MTU 1500, two prefixes, the second L=1 A=0, two
/// route information options, RDNSS with 2 servers, DNSSL with 2 domains, advertisement
/// interval).
const RADVD_RA: &str = "8600178c4048070800007530000003e8030440e000015180000038400000000020010db80001000000000000000000000304408000001c2000000e100000000020010db8000100010000000000000000180330080000070820010db8000300000000000000000000180340180000025820010db8001200000000000000000000190500000000025820010db800010000000000000000005320010db80001000000000000000000541f05000000000258076578616d706c6503636f6d00076578616d706c65036e65740000000000000005010000000005dc01010200000000010701000000000fa0";

const SERVERS: [Ipv6Addr; 2] = [
    Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x53),
    Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x54),
];

/// The nine options of the radvd advertisement, as the oracle decoded them.
fn radvd_options(domains: DomainNames<'_>) -> [NdOptionRepr<'_>; 9] {
    [
        NdOptionRepr::PrefixInformation(PrefixInformation {
            prefix_length: 64,
            on_link: true,
            autonomous: true,
            router_address: true,
            valid_lifetime: 86400,
            preferred_lifetime: 14400,
            prefix: a("2001:db8:1::"),
            ..PrefixInformation::default()
        }),
        NdOptionRepr::PrefixInformation(PrefixInformation {
            prefix_length: 64,
            on_link: true,
            valid_lifetime: 7200,
            preferred_lifetime: 3600,
            prefix: a("2001:db8:1:1::"),
            ..PrefixInformation::default()
        }),
        NdOptionRepr::RouteInformation(RouteInformation {
            prefix_length: 48,
            preference: 1,
            lifetime: 1800,
            prefix: a("2001:db8:3::"),
            ..RouteInformation::default()
        }),
        NdOptionRepr::RouteInformation(RouteInformation {
            prefix_length: 64,
            preference: 3,
            lifetime: 600,
            prefix: a("2001:db8:12::"),
            ..RouteInformation::default()
        }),
        NdOptionRepr::Rdnss {
            reserved: 0,
            lifetime: 600,
            addresses: Addresses::from_slice(&SERVERS),
        },
        NdOptionRepr::Dnssl {
            reserved: 0,
            lifetime: 600,
            domains,
        },
        NdOptionRepr::Mtu {
            reserved: 0,
            mtu: 1500,
        },
        NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 1]),
        NdOptionRepr::AdvertisementInterval {
            reserved: 0,
            interval: 4000,
        },
    ]
}

#[test]
fn radvd_advertisement_reads_every_field_and_option() {
    let bytes = unhex(RADVD_RA);
    let (src, dst) = (a("fe80::ff:fe00:1"), a("ff02::1"));
    let ra = RouterAdvertisement::parse(&bytes[..], src, dst).unwrap();
    assert_eq!(ra.hop_limit(), 64);
    assert!(!ra.managed() && ra.other() && !ra.home_agent() && !ra.proxy());
    assert_eq!((ra.preference(), ra.reserved()), (1, 0));
    assert_eq!(ra.router_lifetime(), 1800);
    assert_eq!((ra.reachable_time(), ra.retrans_timer()), (30000, 1000));

    let names = DomainNames::new(b"\x07example\x03com\x00\x07example\x03net\x00", 0).unwrap();
    let expected = radvd_options(names);
    let offsets = [16, 48, 80, 104, 128, 168, 208, 216, 224];
    let read: Vec<_> = ra.options().map(Result::unwrap).collect();
    assert_eq!(read.len(), 9);
    for ((o, want), at) in read.iter().zip(&expected).zip(offsets) {
        assert_eq!(o.offset(), at);
        assert_eq!(o.value().unwrap(), *want, "option at {at}");
        assert_eq!(o.kind(), want.kind());
    }
    // The DNSSL option's names as text, and its padding not read as names.
    let NdOptionRepr::Dnssl { domains, .. } = read[5].value().unwrap() else {
        panic!()
    };
    let text: Vec<String> = domains.iter().map(|n| n.to_string()).collect();
    assert_eq!(text, ["example.com", "example.net"]);
    assert_eq!(ra.options().check(), Ok(()));
}

/// The builder writes radvd's advertisement byte for byte from the typed values: each option
/// its length and padding (the DNSSL option's 7 zero bytes), the checksum over the
/// pseudo-header.
#[test]
fn radvd_advertisement_is_rebuilt_from_typed_options() {
    let bytes = unhex(RADVD_RA);
    let (src, dst) = (a("fe80::ff:fe00:1"), a("ff02::1"));
    let names = DomainNames::new(b"\x07example\x03com\x00\x07example\x03net\x00", 0).unwrap();
    let options = radvd_options(names);
    let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
        hop_limit: 64,
        other: true,
        preference: 1,
        router_lifetime: 1800,
        reachable_time: 30000,
        retrans_timer: 1000,
        options: NdOptionsRepr::List(&options),
        ..RouterAdvertisementRepr::default()
    });
    assert_eq!(repr.buffer_len(), bytes.len());
    let mut out = vec![0xA5; bytes.len()];
    assert_eq!(repr.emit(src, dst, &mut out), Ok(bytes.len()));
    assert_eq!(out, bytes);
    // And the parsed message's own description writes the same bytes.
    let msg = Message::parse(&bytes[..], src, dst).unwrap();
    assert!(matches!(msg, Message::RouterAdvertisement(_)));
    let mut again = vec![0x5A; bytes.len()];
    msg.to_repr().emit(src, dst, &mut again).unwrap();
    assert_eq!(again, bytes);
}

/// kernel6-0019 and -0020: A resolves R1 (2001:db8:1::1): the solicitation to the
/// solicited-node group with A's link-layer address, R1's solicited advertisement (R, S, O)
/// with its own.
#[test]
fn kernel_address_resolution() {
    let ns = unhex("87001c0f0000000020010db8000100000000000000000001010102000000000a");
    let msg = Message::parse(&ns[..], a("2001:db8:1::10"), a("ff02::1:ff00:1")).unwrap();
    let Message::NeighborSolicitation(ns) = &msg else {
        panic!("{msg:?}")
    };
    assert_eq!((ns.target(), ns.reserved()), (a("2001:db8:1::1"), 0));
    let sll = ns.options().next().unwrap().unwrap();
    assert_eq!(sll.kind(), OptionType::SOURCE_LINK_LAYER_ADDRESS);
    assert_eq!(
        sll.value(),
        Ok(NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 0x0a]))
    );
    assert_eq!(
        msg.to_string(),
        "ICMP6, neighbor solicitation, who has 2001:db8:1::1, length 32"
    );

    let na = unhex("88000a62e000000020010db80001000000000000000000010201020000000001");
    let msg = Message::parse(&na[..], a("2001:db8:1::1"), a("2001:db8:1::10")).unwrap();
    let Message::NeighborAdvertisement(na) = &msg else {
        panic!("{msg:?}")
    };
    assert!(na.router() && na.solicited() && na.override_flag());
    assert_eq!(na.reserved() & 0x1FFF_FFFF, 0);
    assert_eq!(
        na.options().next().unwrap().unwrap().value(),
        Ok(NdOptionRepr::TargetLinkLayerAddress(&[2, 0, 0, 0, 0, 1]))
    );
    assert_eq!(
        msg.to_string(),
        "ICMP6, neighbor advertisement, tgt is 2001:db8:1::1, length 32"
    );
}

/// kernel6-0172: R1 redirects A's TCP SYN for 2001:db8:3::1 to R3 (fe80::ff:fe00:3); the
/// redirected header holds the SYN, read as a quote.
#[test]
fn kernel_redirect_quotes_the_redirected_packet() {
    let bytes = unhex(
        "8900fd1600000000fe80000000000000000000fffe00000320010db800030000000000000000000102010200000000030408000000000000600000000014064020010db800010000000000000000001020010db8000300000000000000000001a4100050112233440000000050022000",
    );
    let msg = Message::parse(&bytes[..], a("fe80::ff:fe00:1"), a("2001:db8:1::10")).unwrap();
    let Message::Redirect(r) = &msg else {
        panic!("{msg:?}")
    };
    assert_eq!(r.target(), a("fe80::ff:fe00:3"));
    assert_eq!(r.destination(), a("2001:db8:3::1"));
    assert_eq!(r.redirected_packet().unwrap().len(), 56);
    let quote = msg.quote().unwrap();
    let ip = quote.ipv6().unwrap();
    assert_eq!(
        (ip.src(), ip.dst()),
        (a("2001:db8:1::10"), a("2001:db8:3::1"))
    );
    assert_eq!(ip.next_header(), 6);
    assert_eq!(
        msg.to_string(),
        "ICMP6, redirect, 2001:db8:3::1 to fe80::ff:fe00:3, length 112"
    );
    let _: Redirect<&[u8]> = Redirect::parse_unverified(&bytes[..]).unwrap();
}

/// RFC 4861 section 4.6: a length of 0 ends the walk with an error naming the option's offset
/// (the packet is to be discarded); so does an option running past the end, and a single byte
/// left after the last option.
#[test]
fn option_walk_errors_name_the_offset() {
    // Three options after a 16-byte router advertisement: MTU, a zero-length option, MTU.
    let mtu = [5u8, 1, 0, 0, 0, 0, 5, 0xdc];
    let mut opts = Vec::new();
    opts.extend_from_slice(&mtu);
    opts.extend_from_slice(&[1, 0, 0, 0, 0, 0, 0, 0]);
    opts.extend_from_slice(&mtu);
    let walk: Vec<_> = NdOptions::new(&opts, 16).collect();
    assert_eq!(walk.len(), 2);
    assert!(walk[0].is_ok());
    assert_eq!(walk[1], Err(ParseError::OptionLengthZero { offset: 24 }));

    // An RDNSS option announcing 3 units (24 bytes) with 16 present.
    let cut = [25u8, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    assert_eq!(
        NdOptions::new(&cut, 24).check(),
        Err(ParseError::OptionTruncated {
            offset: 24,
            required: 24,
            actual: 16
        })
    );
    // A stray byte after an option.
    let mut stray = mtu.to_vec();
    stray.push(1);
    let walk: Vec<_> = NdOptions::new(&stray, 8).collect();
    assert_eq!(
        walk[1],
        Err(ParseError::OptionTruncated {
            offset: 16,
            required: 2,
            actual: 1
        })
    );
}

/// Each option's own length rule: RFC 4861 4.6.2 (prefix information: 4 units), 4.6.4 (MTU:
/// 1), RFC 8106 5.1 (RDNSS: odd, at least 3), 5.2 (DNSSL: at least 2), RFC 8781 4 (PREF64:
/// 2), RFC 4191 2.3 (route information: 1 to 3 and enough for the prefix; prefix length at
/// most 128).
#[test]
fn option_length_rules() {
    let value = |kind: u8, units: u8, first: u8| {
        let mut b = vec![0u8; usize::from(units) * 8];
        b[0] = kind;
        b[1] = units;
        b[2] = first;
        NdOptions::new(&b, 8)
            .next()
            .unwrap()
            .unwrap()
            .value()
            .map(|v| v.kind())
    };
    let bad = |kind, length| Err(ParseError::OptionLength { kind, length });
    assert_eq!(value(3, 3, 64), bad(3, 3));
    assert_eq!(value(3, 5, 64), bad(3, 5));
    assert_eq!(value(3, 4, 64), Ok(OptionType::PREFIX_INFORMATION));
    assert_eq!(value(5, 2, 0), bad(5, 2));
    assert_eq!(value(25, 2, 0), bad(25, 2));
    assert_eq!(value(25, 4, 0), bad(25, 4));
    assert_eq!(value(25, 1, 0), bad(25, 1));
    assert_eq!(value(25, 5, 0), Ok(OptionType::RDNSS));
    assert_eq!(value(31, 1, 0), bad(31, 1));
    assert_eq!(value(38, 1, 0), bad(38, 1));
    assert_eq!(value(38, 3, 0), bad(38, 3));
    assert_eq!(value(24, 1, 64), bad(24, 1));
    assert_eq!(value(24, 2, 96), bad(24, 2));
    assert_eq!(value(24, 4, 0), bad(24, 4));
    assert_eq!(value(24, 3, 96), Ok(OptionType::ROUTE_INFORMATION));
    assert_eq!(value(24, 1, 0), Ok(OptionType::ROUTE_INFORMATION));
    assert_eq!(
        value(24, 3, 129),
        Err(ParseError::PrefixLength { prefix_length: 129 })
    );
}

/// The fixed part of each message (RFC 4861 section 4): below 8 bytes the ICMP header is
/// what is missing, from 8 bytes on the Neighbor Discovery fields.
#[test]
fn truncated_fixed_parts() {
    let cut = |ty: u8, len: usize| {
        let mut b = vec![0u8; len];
        b[0] = ty;
        Message::parse_unverified(&b[..]).err()
    };
    let nd = |required, actual| {
        Some(ParseError::Truncated {
            part: Part::NeighborDiscovery,
            required,
            actual,
        })
    };
    assert_eq!(
        cut(133, 7),
        Some(ParseError::Truncated {
            part: Part::Header,
            required: 8,
            actual: 7
        })
    );
    assert_eq!(cut(134, 15), nd(16, 15));
    assert_eq!(cut(135, 23), nd(24, 23));
    assert_eq!(cut(136, 8), nd(24, 8));
    assert_eq!(cut(137, 39), nd(40, 39));
    assert_eq!(cut(141, 8), None);
    assert!(NeighborSolicitation::parse_unverified(&[135u8; 24][..]).is_ok());
}

/// An option longer than 255 units cannot be written; nothing is.
#[test]
fn option_too_long_to_write() {
    let big = [0u8; 2040];
    let options = [NdOptionRepr::Nonce(&big)];
    let repr = Repr::RouterSolicitation(icmpwire::v6::RouterSolicitationRepr {
        options: NdOptionsRepr::List(&options),
        ..Default::default()
    });
    let mut buf = vec![0xEEu8; 3000];
    assert_eq!(
        repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf),
        Err(EmitError::OptionTooLong {
            kind: 14,
            len: 2048
        })
    );
    assert!(buf.iter().all(|&b| b == 0xEE));
    // 2038 bytes of nonce fill 255 units exactly.
    let options = [NdOptionRepr::Nonce(&big[..2038])];
    let repr = Repr::RouterSolicitation(icmpwire::v6::RouterSolicitationRepr {
        options: NdOptionsRepr::List(&options),
        ..Default::default()
    });
    assert_eq!(
        repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf),
        Ok(8 + 2040)
    );
    assert_eq!(buf[8..10], [14, 255]);
}

/// A PREF64 option from RFC 8781 section 4's layout: 64:ff9b::/96 (PLC 0) for 600 s (scaled
/// 75), and a captive portal URI (RFC 8910 2.3) padded with NULs.
#[test]
fn pref64_and_captive_portal() {
    let mut b = vec![38u8, 2, 0x02, 0x58, 0, 0x64, 0xff, 0x9b];
    b.extend_from_slice(&[0; 8]);
    let uri = b"https://portal.example/";
    b.extend_from_slice(&[37, 4]);
    b.extend_from_slice(uri);
    b.extend_from_slice(&[0; 7]);
    let got: Vec<_> = NdOptions::new(&b, 16)
        .map(|o| o.unwrap().value().unwrap())
        .collect();
    let NdOptionRepr::Pref64(p) = got[0] else {
        panic!()
    };
    assert_eq!(
        p,
        Pref64 {
            scaled_lifetime: 75,
            plc: 0,
            prefix: a("64:ff9b::")
        }
    );
    assert_eq!((p.lifetime_seconds(), p.prefix_length()), (600, Some(96)));
    assert_eq!(got[1], NdOptionRepr::CaptivePortal(uri));
    assert_eq!(got[1].len(), 32);
}

/// RFC 8781 section 4's table of prefix length codes, each code in turn (6 and 7 unassigned).
#[test]
fn pref64_prefix_length_codes() {
    let lengths = [
        Some(96),
        Some(64),
        Some(56),
        Some(48),
        Some(40),
        Some(32),
        None,
        None,
    ];
    for (plc, want) in (0u8..).zip(lengths) {
        let p = Pref64 {
            scaled_lifetime: 1,
            plc,
            prefix: a("64:ff9b::"),
        };
        assert_eq!(p.prefix_length(), want, "PLC {plc}");
    }
}

fn addr() -> impl Strategy<Value = Ipv6Addr> {
    any::<u128>().prop_map(Ipv6Addr::from)
}

/// Option values a builder can write and a reader gives back equal: lengths within their
/// rules, reserved bits within their widths, data of 8k + 6 bytes where it is kept whole.
fn option() -> impl Strategy<Value = (u8, Vec<u8>, Vec<Ipv6Addr>, NdOptionRepr<'static>)> {
    (
        any::<u8>(),
        (0usize..4).prop_flat_map(|k| prop::collection::vec(any::<u8>(), 6 + 8 * k)),
        prop::collection::vec(addr(), 1..4),
        any::<(u32, u32, u32, u16, bool, bool, bool, u8)>(),
        addr(),
    )
        .prop_map(
            |(pick, data, addrs, (w1, w2, w3, h, f1, f2, f3, b), prefix)| {
                let o = match pick % 12 {
                    0 => NdOptionRepr::PrefixInformation(PrefixInformation {
                        prefix_length: b,
                        on_link: f1,
                        autonomous: f2,
                        router_address: f3,
                        reserved1: b & 0x1F,
                        valid_lifetime: w1,
                        preferred_lifetime: w2,
                        reserved2: w3,
                        prefix,
                    }),
                    1 => NdOptionRepr::Mtu {
                        reserved: h,
                        mtu: w1,
                    },
                    2 => NdOptionRepr::AdvertisementInterval {
                        reserved: h,
                        interval: w2,
                    },
                    3 => NdOptionRepr::HomeAgentInformation {
                        reserved: h,
                        preference: h.rotate_left(3) as i16,
                        lifetime: (w1 & 0xFFFF) as u16,
                    },
                    4 => NdOptionRepr::NbmaShortcutLimit {
                        limit: b,
                        reserved1: b.rotate_left(1),
                        reserved2: w3,
                    },
                    5 => NdOptionRepr::RouteInformation(RouteInformation {
                        prefix_length: b % 129,
                        preference: b & 3,
                        reserved1: b >> 5,
                        reserved2: b & 7,
                        lifetime: w1,
                        prefix,
                    }),
                    6 => NdOptionRepr::Pref64(Pref64 {
                        scaled_lifetime: h & 0x1FFF,
                        plc: b & 7,
                        prefix: Ipv6Addr::from(u128::from(prefix) & !0xFFFF_FFFF),
                    }),
                    7 => NdOptionRepr::RaFlagsExtension {
                        flags: u64::from(w1) << 16 | u64::from(h),
                    },
                    // Link-layer addresses, nonces and unknown options: whole units of data.
                    8 => NdOptionRepr::SourceLinkLayerAddress(&[]),
                    9 => NdOptionRepr::Nonce(&[]),
                    10 => NdOptionRepr::Rdnss {
                        reserved: h,
                        lifetime: w1,
                        addresses: Addresses::from_slice(&[]),
                    },
                    _ => NdOptionRepr::Unknown {
                        kind: OptionType(200 + b % 50),
                        data: &[],
                    },
                };
                (pick % 12, data, addrs, o)
            },
        )
}

proptest! {
    /// A list of options is written and read back: the same values in the same order, at the
    /// offsets their lengths give, every option a multiple of 8 bytes.
    #[test]
    fn option_lists_round_trip(list in prop::collection::vec(option(), 0..6)) {
        let owned: Vec<NdOptionRepr<'_>> = list
            .iter()
            .map(|(pick, data, addrs, o)| match *pick {
                8 => NdOptionRepr::SourceLinkLayerAddress(data),
                9 => NdOptionRepr::Nonce(data),
                10 => match *o {
                    NdOptionRepr::Rdnss { reserved, lifetime, .. } => NdOptionRepr::Rdnss {
                        reserved,
                        lifetime,
                        addresses: Addresses::from_slice(addrs),
                    },
                    _ => unreachable!(),
                },
                11 => NdOptionRepr::Unknown { kind: o.kind(), data },
                _ => *o,
            })
            .collect();
        let repr = Repr::RouterSolicitation(icmpwire::v6::RouterSolicitationRepr {
            options: NdOptionsRepr::List(&owned),
            ..Default::default()
        });
        let (src, dst) = (a("fe80::1"), a("ff02::2"));
        let mut buf = vec![0xA5u8; repr.buffer_len()];
        let n = repr.emit(src, dst, &mut buf).unwrap();
        let msg = Message::parse(&buf[..n], src, dst).unwrap();
        let Message::RouterSolicitation(rs) = msg else { panic!() };
        let read: Vec<_> = rs.options().map(|o| o.unwrap()).collect();
        prop_assert_eq!(read.len(), owned.len());
        let mut at = 8;
        for (o, want) in read.iter().zip(&owned) {
            prop_assert_eq!(o.offset(), at);
            prop_assert_eq!(o.len() % 8, 0);
            prop_assert_eq!(o.len(), want.len());
            prop_assert_eq!(o.value().unwrap(), *want);
            at += o.len();
        }
    }

    /// Bytes -> value -> bytes: an option read whole is written back as it was, but for the
    /// forms whose length the builder chooses itself (route information is always written at
    /// 3 units, as radvd does; a captive portal URI, DNSSL names and RA flags get the fewest
    /// units that hold them).
    #[test]
    fn options_read_are_written_back(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        for o in NdOptions::new(&bytes, 8).map_while(Result::ok) {
            let Ok(value) = o.value() else { continue };
            if matches!(o.kind().0, 24 | 26 | 31 | 37) {
                continue;
            }
            let repr = Repr::RouterSolicitation(icmpwire::v6::RouterSolicitationRepr {
                options: NdOptionsRepr::List(std::slice::from_ref(&value)),
                ..Default::default()
            });
            let mut out = vec![0u8; repr.buffer_len()];
            match repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut out) {
                Ok(n) => {
                    let start = o.offset() - 8;
                    prop_assert_eq!(&out[8..n], &bytes[start..start + o.len()]);
                }
                // An address list or RDNSS option with no address reads, but is not written.
                Err(e) => prop_assert_eq!(e, EmitError::OptionValue { kind: o.kind().0 }),
            }
        }
    }

    /// Any bytes through the option walk and every option's value: no panic, and the walk
    /// stops at its first error.
    #[test]
    fn any_bytes_through_the_walk(bytes in prop::collection::vec(any::<u8>(), 0..200)) {
        let mut errors = 0;
        for o in NdOptions::new(&bytes, 8) {
            match o {
                Ok(o) => {
                    let _ = o.value();
                }
                Err(_) => errors += 1,
            }
        }
        prop_assert!(errors <= 1);
    }
}

/// What the builder refuses rather than mask: values wider than their fields, lists with
/// nothing in them (RFC 8106 5.1, 5.2, RFC 3122 3.2: at least one), a route prefix length past
/// 128; nothing is written.
#[test]
fn builder_refuses_values_its_fields_cannot_hold() {
    let emit = |o: NdOptionRepr<'_>| {
        let list = [o];
        let repr = Repr::RouterSolicitation(icmpwire::v6::RouterSolicitationRepr {
            options: NdOptionsRepr::List(&list),
            ..Default::default()
        });
        let mut buf = vec![0xEEu8; 64];
        let r = repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf);
        if r.is_err() {
            assert!(buf.iter().all(|&b| b == 0xEE));
        }
        r.map(|_| ())
    };
    let bad = |kind| Err(EmitError::OptionValue { kind });
    let rio = RouteInformation::default();
    assert_eq!(
        emit(NdOptionRepr::RouteInformation(RouteInformation {
            preference: 4,
            ..rio
        })),
        bad(24)
    );
    assert_eq!(
        emit(NdOptionRepr::RouteInformation(RouteInformation {
            prefix_length: 129,
            ..rio
        })),
        bad(24)
    );
    assert_eq!(
        emit(NdOptionRepr::RouteInformation(RouteInformation {
            reserved1: 8,
            ..rio
        })),
        bad(24)
    );
    assert_eq!(
        emit(NdOptionRepr::RouteInformation(RouteInformation {
            prefix_length: 128,
            preference: 3,
            ..rio
        })),
        Ok(())
    );
    let p = Pref64 {
        scaled_lifetime: 0x1FFF,
        plc: 7,
        prefix: Ipv6Addr::UNSPECIFIED,
    };
    assert_eq!(emit(NdOptionRepr::Pref64(p)), Ok(()));
    assert_eq!(
        emit(NdOptionRepr::Pref64(Pref64 {
            scaled_lifetime: 0x2000,
            ..p
        })),
        bad(38)
    );
    assert_eq!(emit(NdOptionRepr::Pref64(Pref64 { plc: 8, ..p })), bad(38));
    assert_eq!(
        emit(NdOptionRepr::RaFlagsExtension { flags: 1 << 48 }),
        bad(26)
    );
    assert_eq!(
        emit(NdOptionRepr::RaFlagsExtension {
            flags: (1 << 48) - 1
        }),
        Ok(())
    );
    assert_eq!(
        emit(NdOptionRepr::PrefixInformation(PrefixInformation {
            reserved1: 0x20,
            ..PrefixInformation::default()
        })),
        bad(3)
    );
    let none = Addresses::from_slice(&[]);
    assert_eq!(
        emit(NdOptionRepr::Rdnss {
            reserved: 0,
            lifetime: 0,
            addresses: none
        }),
        bad(25)
    );
    assert_eq!(
        emit(NdOptionRepr::SourceAddressList {
            reserved: [0; 6],
            addresses: none
        }),
        bad(9)
    );
    let no_names = DomainNames::new(&[], 0).unwrap();
    assert_eq!(
        emit(NdOptionRepr::Dnssl {
            reserved: 0,
            lifetime: 0,
            domains: no_names
        }),
        bad(31)
    );

    // The router advertisement's 2-bit fields, the neighbor advertisement's 29 reserved bits.
    let mut buf = [0xEEu8; 24];
    let ra = |preference, reserved| {
        Repr::RouterAdvertisement(RouterAdvertisementRepr {
            preference,
            reserved,
            ..Default::default()
        })
    };
    let (lo, lo2) = (Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST);
    assert_eq!(
        ra(4, 0).emit(lo, lo2, &mut buf),
        Err(EmitError::FieldTooWide {
            field: "preference",
            value: 4,
            bits: 2
        })
    );
    assert_eq!(
        ra(3, 4).emit(lo, lo2, &mut buf),
        Err(EmitError::FieldTooWide {
            field: "reserved",
            value: 4,
            bits: 2
        })
    );
    assert!(buf.iter().all(|&b| b == 0xEE));
    assert_eq!(ra(3, 3).emit(lo, lo2, &mut buf), Ok(16));
    assert_eq!(buf[5], 0x1B);
    let na = |reserved| {
        Repr::NeighborAdvertisement(icmpwire::v6::NeighborAdvertisementRepr {
            reserved,
            ..Default::default()
        })
    };
    assert_eq!(
        na(0x2000_0000).emit(lo, lo2, &mut buf),
        Err(EmitError::FieldTooWide {
            field: "reserved",
            value: 0x2000_0000,
            bits: 29
        })
    );
    assert_eq!(na(0x1FFF_FFFF).emit(lo, lo2, &mut buf), Ok(24));
    assert_eq!(buf[4..8], [0x1F, 0xFF, 0xFF, 0xFF]);
}

/// RFC 6275 section 7.4: the home agent preference is signed; RFC 8106 section 5.2: after the
/// names of a DNSSL option, only zero padding.
#[test]
fn signed_preference_and_dnssl_padding() {
    let hai = [8u8, 1, 0, 0, 0xFF, 0xFF, 0x07, 0x08];
    let o = NdOptions::new(&hai, 16).next().unwrap().unwrap();
    assert_eq!(
        o.value(),
        Ok(NdOptionRepr::HomeAgentInformation {
            reserved: 0,
            preference: -1,
            lifetime: 1800
        })
    );
    // A DNSSL option whose padding holds a second name: refused where the name starts.
    let mut dnssl = vec![31u8, 2, 0, 0, 0, 0, 0, 60];
    dnssl.extend_from_slice(b"\x01a\x00\x00\x01b\x00\x00");
    let o = NdOptions::new(&dnssl, 16).next().unwrap().unwrap();
    assert_eq!(o.value(), Err(ParseError::Padding { at: 16 + 8 + 4 }));
}

/// Every rule a message can break prints a sentence of its own, with the value received where
/// the rule has one (a log line must say which rule and what came in).
#[test]
fn link_rules_print_what_was_wrong() {
    use icmpwire::v6::LinkRule;
    let cut = ParseError::Truncated {
        part: Part::NeighborDiscovery,
        required: 16,
        actual: 9,
    };
    let rules = [
        LinkRule::HopLimit { hop_limit: 64 },
        LinkRule::QueryLength { len: 26 },
        LinkRule::Code { code: 7 },
        LinkRule::Malformed(cut),
        LinkRule::SourceNotLinkLocal,
        LinkRule::UnspecifiedSource,
        LinkRule::UnspecifiedSourceWithLinkLayerAddress,
        LinkRule::UnspecifiedSourceNotToSolicitedNode,
        LinkRule::TargetMulticast,
        LinkRule::SolicitedToMulticast,
        LinkRule::DestinationMulticast,
        LinkRule::TargetNotLinkLocalNorDestination,
    ];
    let texts: Vec<String> = rules.iter().map(ToString::to_string).collect();
    for (rule, text) in rules.iter().zip(&texts) {
        assert!(text.len() > 5, "{rule:?} prints {text:?}");
    }
    let distinct: std::collections::HashSet<&String> = texts.iter().collect();
    assert_eq!(distinct.len(), rules.len(), "{texts:?}");
    assert!(texts[0].contains("64") && texts[1].contains("26") && texts[2].contains('7'));
    assert_eq!(texts[3], cut.to_string());
}

fn hash_of(v: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(v)
}

/// Two address lists are equal when they hold the same addresses in the same order, read from
/// the wire or given as a slice; equal lists hash alike, different ones (here) do not.
#[test]
fn address_lists_compare_by_content() {
    let list = [a("2001:db8::1"), a("2001:db8::2")];
    let mut wire = Vec::new();
    for x in &list {
        wire.extend_from_slice(&x.octets());
    }
    let (from_wire, from_slice) = (Addresses::from_bytes(&wire), Addresses::from_slice(&list));
    assert_eq!(from_wire, from_slice);
    assert_eq!(hash_of(&from_wire), hash_of(&from_slice));
    let swapped = [list[1], list[0]];
    let shorter = Addresses::from_slice(&list[..1]);
    for other in [
        Addresses::from_slice(&swapped),
        shorter,
        Addresses::from_bytes(&[]),
    ] {
        assert_ne!(from_wire, other);
        assert_ne!(hash_of(&from_wire), hash_of(&other));
    }
    // Same length, different address: the length alone does not make them equal.
    assert_ne!(shorter, Addresses::from_slice(&list[1..]));
}

/// Domain name lists (RFC 8106 5.2) compare by their names, padding aside.
#[test]
fn domain_name_lists_compare_by_names() {
    let one = DomainNames::new(b"\x07example\x03com\x00\x00\x00", 8).unwrap();
    let same = DomainNames::new(b"\x07example\x03com\x00", 8).unwrap();
    let other = DomainNames::new(b"\x07example\x03net\x00", 8).unwrap();
    let two = DomainNames::new(b"\x07example\x03com\x00\x01a\x00", 8).unwrap();
    assert_eq!(one, same);
    assert_eq!(hash_of(&one), hash_of(&same));
    for x in [&other, &two] {
        assert_ne!(&one, x);
        assert_ne!(hash_of(&one), hash_of(x));
    }
}

/// RFC 1035 3.1: a name is 255 octets or less, length octets and the final zero included.
#[test]
fn domain_name_of_255_octets_is_the_longest() {
    // Three labels of 63 and one of 61: 3 * 64 + 62 + 1 = 255 octets.
    let mut name = Vec::new();
    for len in [63u8, 63, 63, 61] {
        name.push(len);
        name.extend(std::iter::repeat_n(b'x', usize::from(len)));
    }
    name.push(0);
    assert_eq!(name.len(), 255);
    let names = DomainNames::new(&name, 8).unwrap();
    assert_eq!(names.iter().count(), 1);
    // One octet more in the last label: 256.
    name[192] = 62;
    name.insert(193, b'x');
    assert_eq!(
        DomainNames::new(&name, 8).unwrap_err(),
        ParseError::NameTooLong { at: 8, len: 256 }
    );
}

/// A domain name prints its labels joined by dots; a dot, a backslash or a byte outside
/// printable ASCII inside a label as `\DDD`, in decimal (RFC 4343 section 2.1).
#[test]
fn domain_name_display_escapes() {
    let names = DomainNames::new(b"\x03a.b\x03c\\d\x03e f\x02\xffz\x00", 8).unwrap();
    let name = names.iter().next().unwrap();
    assert_eq!(name.to_string(), "a\\046b.c\\092d.e\\032f.\\255z");
}

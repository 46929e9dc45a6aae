//! The rest of the registry (RFC 6275 Mobile IPv6, RFC 3971 SEND, RFC 4286 multicast router
//! discovery, RFC 6775 duplicate address detection, RFC 2894 router renumbering, RFC 4620 node
//! information, RFC 5568 FMIPv6, RFC 6550 RPL) on scapy 2.8.0's messages from the team's
//! oracle (scapy6-00412, -00414, -00420, -00427, -00443, -00444, -00394, -00396,
//! -00398, -00403, -00406, -00407, -00408, -00437, -00439, -00441) and one the Linux kernel answered
//! (kernel6-0202), with the values the oracle decoded or, where it leaves a body undecoded (the
//! node information replies' address lists), the values its generator
//! (`shared/oracle/v6/scapy6_corpus.py`) passed to scapy; each rebuilt byte for byte from its
//! values.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use common::{addr6 as a, unhex};

use icmpwire::v6::{Message, NdOptionRepr, RplBase};
use icmpwire::{ParseError, Part};
use std::net::Ipv4Addr;

/// The view of variant `$v` that `$bytes` parse to (checksum not verified).
macro_rules! view {
    ($v:ident, $bytes:expr) => {
        match Message::parse_unverified(&$bytes[..]).unwrap() {
            Message::$v(m) => m,
            other => panic!("expected {}, parsed {other:?}", stringify!($v)),
        }
    };
}

/// Parses with the checksum verified, and checks that the values write the same bytes.
fn parsed(hex: &str, src: &str, dst: &str) -> Vec<u8> {
    let bytes = unhex(hex);
    let (src, dst) = (a(src), a(dst));
    let msg = Message::parse(&bytes[..], src, dst).unwrap();
    let mut out = vec![0xC3u8; bytes.len()];
    msg.to_repr().emit(src, dst, &mut out).unwrap();
    assert_eq!(out, bytes);
    bytes
}

#[test]
fn mobile_ipv6() {
    let bytes = parsed(
        "910049318f8d000020010db8077b5fd60000000000000975",
        "2001:db8:3b7d:9ab7::9004",
        "2001:db8:6c39:d184::f804",
    );
    let m = view!(HomeAgentDiscoveryReply, bytes);
    assert_eq!(
        (m.identifier(), m.mobile_router(), m.reserved()),
        (36749, false, 0)
    );
    assert_eq!(
        m.home_agent_addresses().iter().collect::<Vec<_>>(),
        [a("2001:db8:77b:5fd6::975")]
    );

    let bytes = parsed(
        "93001dc98f8d000003043880ffffffff0000000059bf067d20010db8e25d1c000000000000000000",
        "2001:db8:3b7d:9ab7::9004",
        "2001:db8:6c39:d184::f804",
    );
    let m = view!(MobilePrefixAdvertisement, bytes);
    assert_eq!(
        (m.identifier(), m.managed(), m.other()),
        (36749, false, false)
    );
    let NdOptionRepr::PrefixInformation(p) = m.options().next().unwrap().unwrap().value().unwrap()
    else {
        panic!()
    };
    assert_eq!(
        (p.prefix_length, p.on_link, p.autonomous),
        (56, true, false)
    );
    assert_eq!((p.valid_lifetime, p.preferred_lifetime), (u32::MAX, 0));
    assert_eq!(
        (p.reserved2, p.prefix),
        (1505691261, a("2001:db8:e25d:1c00::"))
    );
}

#[test]
fn send_certification_path() {
    let bytes = parsed(
        "95009c9e9d2a0001000000000f020200026361076578616d706c6500",
        "fe80::9b:73ff:fee5:af1a",
        "ff02::1",
    );
    let m = view!(CertificationPathAdvertisement, bytes);
    assert_eq!(
        (
            m.identifier(),
            m.all_components(),
            m.component(),
            m.reserved()
        ),
        (40234, 1, 0, 0)
    );
    let o = m.options().next().unwrap().unwrap();
    assert_eq!((o.kind().0, o.offset(), o.length()), (15, 12, 2));
    assert_eq!(o.data(), unhex("0200026361076578616d706c6500"));
}

#[test]
fn multicast_router_advertisement() {
    let bytes = parsed("9714184fffff0002", "fe80::7fc1:9bff:fea0:3808", "ff02::6a");
    let m = view!(MulticastRouterAdvertisement, bytes);
    assert_eq!(
        (
            m.advertisement_interval(),
            m.query_interval(),
            m.robustness_variable()
        ),
        (20, 65535, 2)
    );
}

#[test]
fn duplicate_address_request_and_confirmation() {
    let bytes = parsed(
        "9d00dce10000eabadc11d204b0bde68520010db8438416c70000000000005473",
        "2001:db8:2c1e:67cb::a543",
        "2001:db8:5138:c5dc::cd81",
    );
    let m = view!(DuplicateAddressRequest, bytes);
    assert_eq!(
        (m.status(), m.reserved(), m.registration_lifetime()),
        (0, 0, 60090)
    );
    assert_eq!(m.eui64(), [0xdc, 0x11, 0xd2, 0x04, 0xb0, 0xbd, 0xe6, 0x85]);
    assert_eq!(m.registered_address(), a("2001:db8:4384:16c7::5473"));

    let bytes = parsed(
        "9e00a4e2020012a2b6b9960f345ca38720010db849a112400000000000001f37",
        "2001:db8:3b4:3f90::1fde",
        "2001:db8:5346:aaf3::1dd3",
    );
    let m = view!(DuplicateAddressConfirmation, bytes);
    assert_eq!((m.status(), m.registration_lifetime()), (2, 4770));
    // RFC 6775 4.4: 32 bytes; one fewer is the fixed part cut short.
    assert_eq!(
        Message::parse_unverified(&bytes[..31]).unwrap_err(),
        ParseError::Truncated {
            part: Part::DuplicateAddress,
            required: 32,
            actual: 31
        }
    );
}

#[test]
fn router_renumbering() {
    // A command: one operation (ADD, ordinal 71, match 2001:db8:2131::/48) with two use-prefix
    // parts.
    let bytes = parsed(
        "8a007f70799b17e305f8130f00000000010b47300080000020010db82131000000000000000000004030c0c000015180000038400000000020010db866eb139a00000000000000004030c0c000015180000038400000000020010db809e5d3930000000000000000",
        "2001:db8:f77b:951b::3193",
        "ff05::2",
    );
    let m = view!(RouterRenumbering, bytes);
    assert_eq!(
        (
            m.sequence_number(),
            m.segment_number(),
            m.flags(),
            m.max_delay()
        ),
        (2040207331, 5, 248, 4879)
    );
    assert!(m.test() && m.result() && m.all_interfaces() && m.site_specific());
    assert!(m.processed_previously());
    assert_eq!(m.reserved(), 0);
    assert_eq!(m.match_results().count(), 0);
    let ops: Vec<_> = m.prefix_control_operations().map(Result::unwrap).collect();
    assert_eq!(ops.len(), 1);
    let op = ops[0];
    assert_eq!(
        (op.opcode(), op.oplength(), op.ordinal(), op.match_length()),
        (1, 11, 71, 48)
    );
    assert_eq!(
        (op.min_length(), op.max_length(), op.reserved()),
        (0, 128, 0)
    );
    assert_eq!(op.match_prefix(), a("2001:db8:2131::"));
    let uses: Vec<_> = op.use_prefixes().unwrap().collect();
    assert_eq!(uses.len(), 2);
    for (u, prefix) in uses
        .iter()
        .zip(["2001:db8:66eb:139a::", "2001:db8:9e5:d393::"])
    {
        assert_eq!(
            (u.use_length(), u.keep_length(), u.flag_mask(), u.ra_flags()),
            (64, 48, 192, 192)
        );
        assert_eq!((u.valid_lifetime(), u.preferred_lifetime()), (86400, 14400));
        assert_eq!((u.v_flag(), u.p_flag(), u.reserved()), (false, false, 0));
        assert_eq!(u.use_prefix(), a(prefix));
    }

    // A result: two match results.
    let bytes = parsed(
        "8a01a16410e04794e6802d400000000000022d400000000320010db881a35c440000000000000000000248400000000620010db86c0477a70000000000000000",
        "2001:db8:e51a:d845::eb37",
        "ff02::2",
    );
    let m = view!(RouterRenumbering, bytes);
    assert_eq!(
        (
            m.sequence_number(),
            m.segment_number(),
            m.test(),
            m.max_delay()
        ),
        (283133844, 230, true, 11584)
    );
    assert_eq!(m.prefix_control_operations().count(), 0);
    let results: Vec<_> = m.match_results().map(Result::unwrap).collect();
    let seen: Vec<_> = results
        .iter()
        .map(|r| {
            (
                r.b_flag(),
                r.f_flag(),
                r.ordinal(),
                r.matched_length(),
                r.interface_index(),
                r.matched_prefix(),
                r.reserved(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (true, false, 45, 64, 3, a("2001:db8:81a3:5c44::"), 0),
            (true, false, 72, 64, 6, a("2001:db8:6c04:77a7::"), 0)
        ]
    );

    // A sequence number reset: the header alone; shorter is the header cut.
    let bytes = parsed(
        "8affb0a15ada17680fd04be600000000",
        "2001:db8:baf2:2ad8::e38f",
        "ff05::2",
    );
    let m = view!(RouterRenumbering, bytes);
    assert_eq!(
        (
            m.sequence_number(),
            m.segment_number(),
            m.flags(),
            m.max_delay()
        ),
        (1524242280, 15, 208, 19430)
    );
    assert_eq!(
        m.prefix_control_operations().count() + m.match_results().count(),
        0
    );
    assert_eq!(
        Message::parse_unverified(&bytes[..15]).unwrap_err(),
        ParseError::Truncated {
            part: Part::RouterRenumbering,
            required: 16,
            actual: 15
        }
    );
}

#[test]
fn node_information() {
    // The Linux kernel's node addresses query (Qtype 3, flag A) about 2001:db8:2::2.
    let bytes = parsed(
        "8b0021d50003000200016cfeac22b06420010db8000200000000000000000002",
        "2001:db8:1::10",
        "2001:db8:2::2",
    );
    let m = view!(NodeInformationQuery, bytes);
    assert_eq!((m.qtype(), m.flags()), (3, 2));
    assert_eq!(m.nonce(), unhex("00016cfeac22b064")[..]);
    assert_eq!(m.subject_ipv6(), Some(a("2001:db8:2::2")));
    // RFC 4620 4: the subject of a code 0 query is a whole IPv6 address.
    assert_eq!(
        Message::parse_unverified(&bytes[..31]).unwrap_err(),
        ParseError::Truncated {
            part: Part::NodeInformationSubject,
            required: 16,
            actual: 15
        }
    );

    // An IPv4 query (code 2) about 192.0.2.7.
    let bytes = parsed(
        "8b02da7600030002825bea3b3d7f197ac0000207",
        "2001:db8:a873:495::837b",
        "2001:db8:1c1:307d::5666",
    );
    let m = view!(NodeInformationQuery, bytes);
    assert_eq!(m.subject_ipv4(), Some(Ipv4Addr::new(192, 0, 2, 7)));
    assert_eq!(m.subject_ipv6(), None);

    // A node name reply: TTL 300, host.example.com.
    let bytes = parsed(
        "8c00454600020000341296262d315cb50000012c04686f7374076578616d706c6503636f6d00",
        "2001:db8:a307:17c8::a10a",
        "2001:db8:7e2f:cf2d::7fb9",
    );
    let m = view!(NodeInformationReply, bytes);
    assert_eq!(m.node_name_ttl(), Some(300));
    let names = m.node_names().unwrap().unwrap();
    assert_eq!(
        names.iter().map(|n| n.to_string()).collect::<Vec<_>>(),
        ["host.example.com"]
    );
    assert!(m.node_addresses().is_none());

    // A node addresses reply: (30, ...), (3600, ...), as the generator built it.
    let bytes = parsed(
        "8c0039180003000278c77c6eb1f9df080000001e20010db8b4e10911000000000000f4ab00000e1020010db8333fea310000000000003f9b",
        "2001:db8:17c5:48df::1727",
        "2001:db8:502c:f21a::2567",
    );
    let m = view!(NodeInformationReply, bytes);
    assert_eq!(
        m.node_addresses().unwrap().collect::<Vec<_>>(),
        [
            (30, a("2001:db8:b4e1:911::f4ab")),
            (3600, a("2001:db8:333f:ea31::3f9b"))
        ]
    );

    // An IPv4 addresses reply: (60, 192.0.2.9), (0, 198.51.100.1).
    let bytes = parsed(
        "8c00fe770004000091e3400ba1e12e7d0000003cc000020900000000c6336401",
        "2001:db8:84df:49fa::ee1a",
        "2001:db8:1b93:4722::6b44",
    );
    let m = view!(NodeInformationReply, bytes);
    assert_eq!(
        m.ipv4_addresses().unwrap().collect::<Vec<_>>(),
        [
            (60, Ipv4Addr::new(192, 0, 2, 9)),
            (0, Ipv4Addr::new(198, 51, 100, 1))
        ]
    );
}

#[test]
fn fmipv6() {
    // A proxy router advertisement (subtype 3) with an IP address and a new router prefix
    // option.
    let bytes = parsed(
        "9a00e43a03002f77110301400000000020010db801c2e003000000000000db99120300400000000020010db885686d760000000000000000",
        "fe80::3b22:fdff:fe8b:f635",
        "2001:db8:8bb3:e006::58cb",
    );
    let m = view!(Fmip, bytes);
    assert_eq!(
        (m.subtype(), m.reserved(), m.fmip_identifier()),
        (3, 0, 12151)
    );
    let kinds: Vec<_> = m
        .options()
        .map(|o| {
            let o = o.unwrap();
            (o.kind().0, o.offset(), o.length())
        })
        .collect();
    assert_eq!(kinds, [(17, 8, 3), (18, 32, 3)]);
}

#[test]
fn rpl() {
    // A DIO: instance 1, version 2, rank 256, grounded, MOP 1, preference 0, DTSN 240.
    let bytes = parsed(
        "9b01a7a80102010088f0000020010db8aafe4b32000000000000f7ce",
        "fe80::ebc6:7dff:fe0c:b0e2",
        "ff02::1a",
    );
    let m = view!(Rpl, bytes);
    let Ok(Some(RplBase::Dio(d))) = m.base() else {
        panic!()
    };
    assert_eq!(
        (d.instance_id, d.version, d.rank, d.grounded, d.zero),
        (1, 2, 256, true, false)
    );
    assert_eq!(
        (d.mop, d.preference, d.dtsn, d.flags, d.reserved),
        (1, 0, 240, 0, 0)
    );
    assert_eq!(d.dodag_id, a("2001:db8:aafe:4b32::f7ce"));
    assert_eq!((m.options(), m.options_offset()), (&[][..], 28));

    // A DAO with the D flag: its DODAGID follows.
    let bytes = parsed(
        "9b02d2e30140000820010db88acf88b9000000000000ae20",
        "fe80::387b:5eff:fe98:d6b",
        "ff02::1a",
    );
    let m = view!(Rpl, bytes);
    let Ok(Some(RplBase::Dao(d))) = m.base() else {
        panic!()
    };
    assert_eq!(
        (
            d.instance_id,
            d.expects_ack,
            d.flags,
            d.reserved,
            d.sequence
        ),
        (1, false, 0, 0, 8)
    );
    assert_eq!(d.dodag_id, Some(a("2001:db8:8acf:88b9::ae20")));
    // Cut inside the DODAGID: the base object's error, the message still read.
    let cut = Message::parse_unverified(&bytes[..23]).unwrap();
    let Message::Rpl(m) = cut else { panic!() };
    assert_eq!(
        m.base(),
        Err(ParseError::Truncated {
            part: Part::RplBase,
            required: 20,
            actual: 19
        })
    );
}

/// The builders refuse what the messages cannot carry: a node information query of code 0
/// without its 16-byte subject (RFC 4620 section 4), an RPL base object under another code or
/// with a field wider than its bits (RFC 6550 sections 6.3.1, 6.4.1); nothing is written then.
#[test]
fn builders_refuse_what_cannot_be_written() {
    use icmpwire::EmitError;
    use icmpwire::v6::{NodeInformationRepr, Repr, RplDio, RplRepr};
    let (src, dst) = (a("2001:db8::1"), a("2001:db8::2"));
    let mut buf = [0x5Au8; 64];
    let subject = a("2001:db8::5").octets();
    for (code, len, required) in [(0u8, 15usize, 16usize), (2, 3, 4)] {
        let q = Repr::NodeInformationQuery(NodeInformationRepr {
            code,
            data: &subject[..len],
            ..Default::default()
        });
        assert_eq!(
            q.emit(src, dst, &mut buf),
            Err(EmitError::DataTooShort {
                required,
                actual: len
            })
        );
    }
    // A name query (code 1) has no fixed subject length; a reply none at all.
    let name = Repr::NodeInformationQuery(NodeInformationRepr {
        code: 1,
        ..Default::default()
    });
    assert_eq!(name.emit(src, dst, &mut buf), Ok(16));
    let dio = RplBase::Dio(RplDio::default());
    let wrong = Repr::Rpl(RplRepr {
        code: 2,
        base: Some(dio),
        options: &[],
    });
    buf = [0x5A; 64];
    assert_eq!(
        wrong.emit(src, dst, &mut buf),
        Err(EmitError::BaseCode { code: 2, base: 1 })
    );
    let wide = Repr::Rpl(RplRepr {
        code: 1,
        base: Some(RplBase::Dio(RplDio {
            mop: 8,
            ..RplDio::default()
        })),
        options: &[],
    });
    assert_eq!(
        wide.emit(src, dst, &mut buf),
        Err(EmitError::FieldTooWide {
            field: "mop",
            value: 8,
            bits: 3
        })
    );
    assert!(buf.iter().all(|&b| b == 0x5A));
}

/// A router renumbering result cut inside its second match result (scapy6-00396 cut to 50
/// bytes): the first result is read, then the typed error with what is missing.
#[test]
fn match_result_cut() {
    let bytes = unhex(
        "8a01a16410e04794e6802d400000000000022d400000000320010db881a35c440000000000000000000248400000000620010db86c0477a70000000000000000",
    );
    let Message::RouterRenumbering(m) = Message::parse_unverified(&bytes[..50]).unwrap() else {
        panic!()
    };
    let results: Vec<_> = m.match_results().collect();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0].unwrap().interface_index(), 3);
    assert_eq!(
        results[1],
        Err(ParseError::Truncated {
            part: Part::MatchResult,
            required: 24,
            actual: 10
        })
    );
}

/// Fields the oracle's records leave at their defaults, on a message laid out here from RFC
/// 2894 sections 3.1-3.2 (header reserved word, OpCode 2 = CHANGE, MinLen, the operation's
/// reserved bits, V set and P clear, a second operation's offset), from RFC 4620 section 4 (a
/// node information reply of code 1 or Qtype 3 has no IPv4 list; a query of code 0 has no
/// name subject) and RFC 5568 section 6.1 (the reserved byte).
#[test]
fn fields_off_their_defaults() {
    let mut rr = vec![
        138u8, 0, 0, 0, 0, 0, 0, 9, 1, 0, 0, 0, 0x01, 0x02, 0x03, 0x04,
    ];
    // Operation 1: CHANGE, OpLength 7 (one use-prefix part), ordinal 5, MatchLen 48, MinLen 16,
    // MaxLen 64, reserved 0xABCD, then the match prefix.
    rr.extend_from_slice(&[2, 7, 5, 48, 16, 64, 0xAB, 0xCD]);
    rr.extend_from_slice(&a("2001:db8::").octets());
    // Its use-prefix part: UseLen 64, KeepLen 0, FlagMask 0x80, RAFlags 0x40, lifetimes 10 and
    // 5, V set, P clear, reserved 0x123, then the use prefix.
    rr.extend_from_slice(&[
        64, 0, 0x80, 0x40, 0, 0, 0, 10, 0, 0, 0, 5, 0x80, 0, 0x01, 0x23,
    ]);
    rr.extend_from_slice(&a("2001:db8:1::").octets());
    // Operation 2: ADD, OpLength 7, at offset 16 + 56 = 72, its use-prefix part with P set
    // and V clear.
    rr.extend_from_slice(&[1, 7, 6, 64, 0, 128, 0, 0]);
    rr.extend_from_slice(&a("2001:db8:2::").octets());
    rr.extend_from_slice(&[64, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0x40, 0, 0, 0]);
    rr.extend_from_slice(&a("2001:db8:3::").octets());
    let Message::RouterRenumbering(m) = Message::parse_unverified(&rr[..]).unwrap() else {
        panic!()
    };
    assert_eq!((m.reserved(), m.sequence_number()), (0x0102_0304, 9));
    let ops: Vec<_> = m.prefix_control_operations().map(Result::unwrap).collect();
    assert_eq!(ops.len(), 2);
    assert_eq!(
        (
            ops[0].opcode(),
            ops[0].min_length(),
            ops[0].max_length(),
            ops[0].reserved()
        ),
        (2, 16, 64, 0xABCD)
    );
    assert_eq!((ops[0].offset(), ops[1].offset()), (16, 72));
    assert_eq!((ops[1].opcode(), ops[1].ordinal()), (1, 6));
    let u = ops[0].use_prefixes().unwrap().next().unwrap();
    assert_eq!((u.v_flag(), u.p_flag(), u.reserved()), (true, false, 0x123));
    let p = ops[1].use_prefixes().unwrap().next().unwrap();
    assert_eq!(
        (p.v_flag(), p.p_flag(), p.use_prefix()),
        (false, true, a("2001:db8:3::"))
    );
    assert_eq!((u.valid_lifetime(), u.preferred_lifetime()), (10, 5));
    assert_eq!(u.use_prefix(), a("2001:db8:1::"));
    // An OpLength below 3 ends the walk with its error, at the operation's offset.
    let mut short = rr[..16].to_vec();
    short.extend_from_slice(&[1, 2, 0, 0, 0, 0, 0, 0]);
    short.extend_from_slice(&[0; 16]);
    let Message::RouterRenumbering(m) = Message::parse_unverified(&short[..]).unwrap() else {
        panic!()
    };
    assert_eq!(
        m.prefix_control_operations().collect::<Vec<_>>(),
        [Err(ParseError::PrefixControlLength {
            offset: 16,
            oplength: 2
        })]
    );

    // A result's match result with F set, B clear and reserved bits 0b11000000_000000.
    let mut result = vec![138u8, 1, 0, 0, 0, 0, 0, 9, 1, 0, 0, 0, 0, 0, 0, 0];
    result.extend_from_slice(&[0xC0, 0x01, 7, 64, 0, 0, 0, 2]);
    result.extend_from_slice(&a("2001:db8:4::").octets());
    let Message::RouterRenumbering(m) = Message::parse_unverified(&result[..]).unwrap() else {
        panic!()
    };
    let r = m.match_results().next().unwrap().unwrap();
    assert_eq!(
        (r.f_flag(), r.b_flag(), r.reserved()),
        (true, false, 0x3000)
    );
    assert_eq!((r.ordinal(), r.interface_index()), (7, 2));

    // Node information: an IPv4 list only for Qtype 4 with code 0; a name subject only for
    // code 1.
    let mut reply = vec![140u8, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    reply.extend_from_slice(&[0, 0, 0, 60, 192, 0, 2, 9]);
    let Message::NodeInformationReply(r) = Message::parse_unverified(&reply[..]).unwrap() else {
        panic!()
    };
    assert!(r.ipv4_addresses().is_none(), "a refusal has no answer");
    reply[1] = 0;
    reply[5] = 3;
    let Message::NodeInformationReply(r) = Message::parse_unverified(&reply[..]).unwrap() else {
        panic!()
    };
    assert!(r.ipv4_addresses().is_none(), "Qtype 3 lists IPv6 addresses");
    assert_eq!(
        r.node_addresses().unwrap().count(),
        0,
        "an entry is 20 bytes"
    );
    let mut query = vec![139u8, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    query.extend_from_slice(b"\x04host\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00");
    let Message::NodeInformationQuery(q) = Message::parse_unverified(&query[..]).unwrap() else {
        panic!()
    };
    let names = q.subject_name().unwrap().unwrap();
    assert_eq!(names.iter().next().unwrap().to_string(), "host");
    query[1] = 0;
    let Message::NodeInformationQuery(q) = Message::parse_unverified(&query[..]).unwrap() else {
        panic!()
    };
    assert!(q.subject_name().is_none());
    assert_eq!(q.subject_ipv6(), Some(a("468:6f73:7400::")));

    // FMIPv6: the reserved byte as received.
    let fmip = [154u8, 0, 0, 0, 3, 0x5A, 0, 1];
    let Message::Fmip(f) = Message::parse_unverified(&fmip[..]).unwrap() else {
        panic!()
    };
    assert_eq!(
        (f.subtype(), f.reserved(), f.fmip_identifier()),
        (3, 0x5A, 1)
    );
}

/// RFC 3971 section 6.4.2's certification path advertisement words (identifier, all
/// components, component, reserved) and RFC 6775 section 4.4's duplicate address reserved
/// byte, each set to a value the corpus records leave at its default.
#[test]
fn certification_path_and_duplicate_address_words_off_their_defaults() {
    let cpa = [149u8, 0, 0, 0, 0x12, 0x34, 0, 3, 0, 2, 0xBE, 0xEF];
    let Message::CertificationPathAdvertisement(m) = Message::parse_unverified(&cpa[..]).unwrap()
    else {
        panic!()
    };
    assert_eq!(
        (
            m.identifier(),
            m.all_components(),
            m.component(),
            m.reserved()
        ),
        (0x1234, 3, 2, 0xBEEF)
    );
    let mut dar = vec![157u8, 0, 0, 0, 1, 0x5A, 0x01, 0x2C];
    dar.extend_from_slice(&[2, 0, 0x5e, 0xff, 0xfe, 0, 0x53, 1]);
    dar.extend_from_slice(&a("2001:db8::53").octets());
    let Message::DuplicateAddressRequest(m) = Message::parse_unverified(&dar[..]).unwrap() else {
        panic!()
    };
    assert_eq!(
        (m.status(), m.reserved(), m.registration_lifetime()),
        (1, 0x5A, 300)
    );
}

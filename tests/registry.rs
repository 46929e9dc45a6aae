//! The rest of the registry (RFC 6275 Mobile IPv6, RFC 3971 SEND, RFC 4286 multicast router
//! discovery, RFC 6775 duplicate address detection) on scapy 2.8.0's messages from the team's
//! oracle (scapy6-00412, -00414, -00420, -00427, -00443, -00444), with the values the oracle
//! decoded; each rebuilt byte for byte from its values.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;

use common::{addr6 as a, unhex};

use icmpwire::v6::{Message, NdOptionRepr};
use icmpwire::{ParseError, Part};

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
    let Message::HomeAgentDiscoveryReply(m) = Message::parse_unverified(&bytes[..]).unwrap() else {
        panic!()
    };
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
    let Message::MobilePrefixAdvertisement(m) = Message::parse_unverified(&bytes[..]).unwrap()
    else {
        panic!()
    };
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
    let Message::CertificationPathAdvertisement(m) = Message::parse_unverified(&bytes[..]).unwrap()
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
        (40234, 1, 0, 0)
    );
    let o = m.options().next().unwrap().unwrap();
    assert_eq!((o.kind().0, o.offset(), o.length()), (15, 12, 2));
    assert_eq!(o.data(), unhex("0200026361076578616d706c6500"));
}

#[test]
fn multicast_router_advertisement() {
    let bytes = parsed("9714184fffff0002", "fe80::7fc1:9bff:fea0:3808", "ff02::6a");
    let Message::MulticastRouterAdvertisement(m) = Message::parse_unverified(&bytes[..]).unwrap()
    else {
        panic!()
    };
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
    let Message::DuplicateAddressRequest(m) = Message::parse_unverified(&bytes[..]).unwrap() else {
        panic!()
    };
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
    let Message::DuplicateAddressConfirmation(m) = Message::parse_unverified(&bytes[..]).unwrap()
    else {
        panic!()
    };
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

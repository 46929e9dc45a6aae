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
            protocol::UDP | protocol::TCP => { ip.ports().unwrap(); }
            protocol::ICMP => prop_assert!(ip.icmp().unwrap().identifier.is_some()),
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
}

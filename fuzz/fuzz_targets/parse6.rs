//! Any bytes as an ICMPv6 message between two addresses (the input's first 32 bytes): the
//! verifying and the plain parse agree, the checksum verdict is the one-shot function's, every
//! accessor returns, the payload lies within the bytes, the parsed values re-emit the same bytes,
//! setters keep a valid checksum valid, and the quoted packet's extension header chain walks in
//! order inside the quote to the upper layer.
#![no_main]

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use icmpwire::checksum::verify_icmpv6;
use icmpwire::v6::Message;
use icmpwire::{ParseError, Quote};
use libfuzzer_sys::fuzz_target;

/// The quote's chain: headers one after the other from byte 40, the upper layer where the last
/// ends, everything within the bytes; a cut chain is an error of the last header only.
fn walk(q: Quote<'_>) {
    let bytes = q.bytes();
    let Ok(ip) = q.ipv6() else { return };
    assert_eq!(ip.version(), 6);
    let mut at = 40;
    let mut failed = None;
    for h in ip.extension_headers() {
        assert!(failed.is_none(), "a header after an error");
        match h {
            Ok(h) => {
                assert_eq!(h.offset(), at);
                assert_eq!(h.bytes(), &bytes[at..at + h.len()]);
                assert!(
                    h.len() >= 8 || h.kind() == 59,
                    "{} of {} bytes",
                    h.name(),
                    h.len()
                );
                at += h.len();
            }
            Err(e) => failed = Some(e),
        }
    }
    match (ip.upper_layer(), failed) {
        (Ok(up), None) => {
            assert_eq!(up.offset, at);
            assert_eq!(up.bytes, &bytes[at..]);
            if up.is_non_first_fragment() {
                assert!(matches!(ip.ports(), Err(ParseError::QuotedFragment { .. })));
            }
        }
        (Err(a), Some(b)) => assert_eq!(a, b),
        (a, b) => panic!("upper layer {a:?} after chain error {b:?}"),
    }
    let _ = (
        ip.udp(),
        ip.tcp(),
        ip.icmp(),
        ip.src(),
        ip.dst(),
        ip.flow_label(),
        ip.payload_length(),
    );
}

/// Neighbor Discovery options and MLD records: one after the other from where the fixed part
/// ends, within the message, nothing after an error; every value readable; the link rules
/// answer.
fn nd_and_mld(m: &Message<&[u8]>, msg: &[u8], src: Ipv6Addr, dst: Ipv6Addr) {
    let _ = (m.check_rules(255, src, dst), m.check_rules(1, src, dst));
    let options = match m {
        Message::RouterSolicitation(v) => Some(v.options()),
        Message::RouterAdvertisement(v) => Some(v.options()),
        Message::NeighborSolicitation(v) => Some(v.options()),
        Message::NeighborAdvertisement(v) => Some(v.options()),
        Message::Redirect(v) => Some(v.options()),
        Message::InverseSolicitation(v) | Message::InverseAdvertisement(v) => Some(v.options()),
        _ => None,
    };
    if let Some(options) = options {
        let mut at = m.payload_offset();
        let mut failed = false;
        for o in options {
            assert!(!failed, "an option after an error");
            match o {
                Ok(o) => {
                    assert_eq!(o.offset(), at);
                    assert_eq!(o.len(), usize::from(o.length()) * 8);
                    assert_eq!(o.data(), &msg[at + 2..at + o.len()]);
                    at += o.len();
                    if let Ok(v) = o.value() {
                        assert_eq!(v.kind(), o.kind());
                    }
                }
                Err(_) => failed = true,
            }
        }
        assert!(failed || at == msg.len());
    }
    match m {
        Message::MulticastListenerQuery(q) => {
            assert!(q.sources().len() <= usize::from(q.number_of_sources()));
            assert!(q.content_len() <= msg.len());
            assert_eq!(
                q.check_sources().is_ok(),
                q.sources().len() == usize::from(q.number_of_sources()) || q.version() != Some(2)
            );
        }
        Message::MulticastListenerReportV2(r) => {
            let mut at = 8;
            let mut n = 0;
            for rec in r.records() {
                match rec {
                    Ok(rec) => {
                        assert_eq!(
                            rec.len(),
                            20 + 16 * usize::from(rec.number_of_sources())
                                + 4 * usize::from(rec.aux_data_len())
                        );
                        at += rec.len();
                        n += 1;
                    }
                    Err(_) => break,
                }
            }
            assert!(n <= r.number_of_records());
            assert_eq!(r.content_len(), at);
            assert!(at <= msg.len());
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((addrs, msg)) = data.split_at_checked(32) else {
        return;
    };
    let src = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[..16]).unwrap());
    let dst = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[16..]).unwrap());
    let valid = msg.len() >= 4 && verify_icmpv6(src, dst, msg);
    walk(Quote::new(msg));
    let unverified = Message::parse_unverified(msg);
    match (Message::parse(msg, src, dst), &unverified) {
        (Ok(_), Ok(_)) => assert!(valid),
        (Err(ParseError::BadChecksum { found, expected }), Ok(m)) => {
            assert!(!valid);
            assert_eq!(
                (found, expected),
                (m.checksum(), m.computed_checksum(src, dst))
            );
        }
        (Err(a), Err(b)) => assert_eq!(&a, b),
        (a, b) => panic!("verified {a:?}, unverified {b:?}"),
    }
    let Ok(m) = unverified else { return };
    assert_eq!(m.verify_checksum(src, dst), valid);
    assert_eq!(m.payload_offset() + m.payload().len(), msg.len());
    assert!(msg.ends_with(m.payload()));
    let _ = (m.to_string(), m.extensions(), m.message_type().is_error());
    if let Some(q) = m.quote() {
        walk(q);
    }
    nd_and_mld(&m, msg, src, dst);
    // The values describe the message: re-emitted, the same bytes but the checksum, which is
    // the right one (the same as the field when that verified, up to 0xFFFF written as 0).
    let repr = m.to_repr();
    let mut out = vec![0xA5u8; repr.buffer_len()];
    assert_eq!(repr.emit(src, dst, &mut out), Ok(msg.len()));
    assert_eq!((&out[..2], &out[4..]), (&msg[..2], &msg[4..]));
    assert_eq!(out[2..4], m.computed_checksum(src, dst).to_be_bytes());
    assert!(verify_icmpv6(src, dst, &out));
    if valid && out[2..4] != msg[2..4] {
        // Only the other zero: 0xFFFF received, 0x0000 written (never 0xFFFF on ICMPv6).
        assert_eq!((&msg[2..4], &out[2..4]), (&[0xFF, 0xFF][..], &[0, 0][..]));
    }
    let mut m = msg.to_vec();
    if let Ok(mut view) = Message::parse_unverified(&mut m[..]) {
        use Message as M;
        match &mut view {
            M::EchoRequest(e) | M::EchoReply(e) => {
                e.set_sequence(0xBEEF);
                e.make_reply();
            }
            M::PacketTooBig(p) => p.set_mtu(1280),
            M::ParameterProblem(p) => p.set_pointer(7),
            M::DestinationUnreachable(d) => d.set_length_field(16),
            M::TimeExceeded(t) => t.set_unused(0x00AB_CDEF),
            M::ExtendedEchoRequest(e) => e.set_identifier(3),
            M::ExtendedEchoReply(e) => e.set_code_u8(2),
            M::Other(r) => r.set_code_u8(9),
            M::RouterAdvertisement(r) => {
                r.set_router_lifetime(1800);
                r.set_flags(0xC8);
            }
            M::NeighborSolicitation(n) => n.set_target(Ipv6Addr::LOCALHOST),
            M::Redirect(r) => r.set_destination(Ipv6Addr::LOCALHOST),
            M::MulticastListenerQuery(q) => q.set_max_response_code(0x8FFF),
            M::MulticastListenerReportV2(r) => r.set_reserved(1),
            _ => {}
        }
    }
    if valid {
        assert!(verify_icmpv6(src, dst, &m), "a setter broke the checksum");
    }
});

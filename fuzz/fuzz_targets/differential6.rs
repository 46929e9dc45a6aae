//! The same ICMPv6 bytes between the same two addresses (the input's first 32 bytes) through
//! icmpwire, smoltcp and etherparse: every field two of them decode must agree, and so must the
//! checksum verdicts (smoltcp's computed with its own pseudo-header routine, since its
//! `verify_checksum` is `true` under `cfg(fuzzing)`). The peers' documented limits are allowed
//! for (FUZZING.md): smoltcp reads only the types of its enum, echo and packet too big with code
//! 0, and an error's quote of 40 bytes or more; etherparse names only the codes it knows.
#![no_main]

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use icmpwire::checksum::verify_icmpv6;
use icmpwire::v6::Message;
use libfuzzer_sys::fuzz_target;
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{IpProtocol, Icmpv6Packet, Icmpv6Repr, checksum};

fuzz_target!(|data: &[u8]| {
    let Some((addrs, msg)) = data.split_at_checked(32) else { return };
    let src = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[..16]).unwrap());
    let dst = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[16..]).unwrap());
    let ours = Message::parse_unverified(msg);
    let valid = msg.len() >= 4 && verify_icmpv6(src, dst, msg);

    // smoltcp's own sum over its pseudo-header (a 16-bit length there: stay below 64 KiB).
    if msg.len() >= 4 && msg.len() < 0x1_0000 {
        let sum = checksum::combine(&[
            checksum::pseudo_header_v6(&src, &dst, IpProtocol::Icmpv6, msg.len() as u32),
            checksum::data(msg),
        ]);
        assert_eq!(sum == !0, valid, "checksum verdicts differ");
    }
    if let Ok(p) = Icmpv6Packet::new_checked(msg) {
        let m = ours.as_ref().expect("smoltcp reads what icmpwire refuses");
        assert_eq!((u8::from(p.msg_type()), p.msg_code(), p.checksum()), (m.message_type().0, m.code_u8(), m.checksum()));
        if let Ok(repr) = Icmpv6Repr::parse(&src, &dst, &p, &ChecksumCapabilities::ignored()) {
            compare_smoltcp(&repr, m);
        }
    }

    if let Ok(s) = etherparse::Icmpv6Slice::from_slice(msg) {
        let m = ours.as_ref().expect("etherparse reads what icmpwire refuses");
        assert_eq!((s.type_u8(), s.code_u8(), s.checksum()), (m.message_type().0, m.code_u8(), m.checksum()));
        assert_eq!(s.is_checksum_valid(src.octets(), dst.octets()), valid);
        use etherparse::Icmpv6Type as T;
        match (s.icmp_type(), m) {
            (T::EchoRequest(h), Message::EchoRequest(e)) | (T::EchoReply(h), Message::EchoReply(e)) => {
                assert_eq!((h.id, h.seq, s.payload()), (e.identifier(), e.sequence(), e.data()));
            }
            (T::PacketTooBig { mtu }, Message::PacketTooBig(v)) => {
                assert_eq!((mtu, s.payload()), (v.mtu(), v.payload()));
            }
            (T::ParameterProblem(h), Message::ParameterProblem(v)) => {
                assert_eq!((h.code.code_u8(), h.pointer, s.payload()), (v.code().0, v.pointer(), v.payload()));
            }
            (T::DestinationUnreachable(c), Message::DestinationUnreachable(v)) => {
                assert_eq!((c.code_u8(), s.payload()), (v.code().0, v.payload()));
            }
            (T::TimeExceeded(c), Message::TimeExceeded(v)) => {
                assert_eq!((c.code_u8(), s.payload()), (v.code().0, v.payload()));
            }
            (T::Unknown { bytes5to8, .. }, _) => assert_eq!(bytes5to8, <[u8; 4]>::try_from(&msg[4..8]).unwrap()),
            // Neighbor Discovery: views come with the next issue (icmpwire keeps them raw).
            (_, Message::Other(_)) => {}
            (t, m) => panic!("etherparse {t:?} vs icmpwire {m:?}"),
        }
    }
});

/// smoltcp's values against ours, message by message.
fn compare_smoltcp(repr: &Icmpv6Repr<'_>, m: &Message<&[u8]>) {
    let quoted = |header: &smoltcp::wire::Ipv6Repr, data: &[u8]| {
        let ip = m.quote().unwrap().ipv6();
        // smoltcp reads any 40 bytes as the quoted header (no version check); ours wants 6.
        if let Ok(ip) = ip {
            assert_eq!((header.src_addr, header.dst_addr), (ip.src(), ip.dst()));
            assert_eq!((u8::from(header.next_header), header.hop_limit), (ip.next_header(), ip.hop_limit()));
            assert_eq!(header.payload_len, usize::from(ip.payload_length()));
        }
        // Its data is everything after the quoted header, extensions included.
        assert_eq!(data, &m.payload()[40..]);
    };
    match (repr, m) {
        (Icmpv6Repr::EchoRequest { ident, seq_no, data }, Message::EchoRequest(e))
        | (Icmpv6Repr::EchoReply { ident, seq_no, data }, Message::EchoReply(e)) => {
            assert_eq!((*ident, *seq_no, *data), (e.identifier(), e.sequence(), e.data()));
        }
        (Icmpv6Repr::PktTooBig { mtu, header, data }, Message::PacketTooBig(v)) => {
            assert_eq!(*mtu, v.mtu());
            quoted(header, data);
        }
        (Icmpv6Repr::ParamProblem { pointer, header, data, .. }, Message::ParameterProblem(v)) => {
            assert_eq!(*pointer, v.pointer());
            quoted(header, data);
        }
        (Icmpv6Repr::DstUnreachable { header, data, .. }, Message::DestinationUnreachable(_))
        | (Icmpv6Repr::TimeExceeded { header, data, .. }, Message::TimeExceeded(_)) => quoted(header, data),
        // MLD and NDP: icmpwire keeps them raw until the next issue.
        (_, Message::Other(_)) => {}
        (r, m) => panic!("smoltcp {r:?} vs icmpwire {m:?}"),
    }
}

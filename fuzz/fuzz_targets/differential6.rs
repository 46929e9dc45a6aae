//! The same ICMPv6 bytes between the same two addresses (the input's first 32 bytes) through
//! icmpwire, smoltcp and etherparse: every field two of them decode must agree, and so must the
//! checksum verdicts (smoltcp's computed with its own pseudo-header routine, since its
//! `verify_checksum` is `true` under `cfg(fuzzing)`). The peers' documented limits are allowed
//! for (FUZZING.md): smoltcp reads only the types of its enum, echo and packet too big with code
//! 0, and an error's quote of 40 bytes or more; etherparse names only the codes it knows. Both
//! read a Neighbor Discovery, MLD, router renumbering, node information, SEND advertisement or
//! duplicate address message from 8 bytes on; icmpwire wants its fixed part (RFC 4861 section
//! 4, RFC 2710 section 3, RFC 2894 section 3.1, RFC 4620 section 4, RFC 3971 section 6.4.2, RFC
//! 6775 section 4.4), and a node information query's whole subject, and says so.
#![no_main]

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use icmpwire::checksum::verify_icmpv6;
use icmpwire::v6::Message;
use icmpwire::{ParseError, Part};
use libfuzzer_sys::fuzz_target;
use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv6Packet, Icmpv6Repr, IpProtocol, MldRepr, NdiscRepr, checksum};

fuzz_target!(|data: &[u8]| {
    let Some((addrs, msg)) = data.split_at_checked(32) else {
        return;
    };
    let src = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[..16]).unwrap());
    let dst = Ipv6Addr::from(<[u8; 16]>::try_from(&addrs[16..]).unwrap());
    let ours = Message::parse_unverified(msg);
    let valid = msg.len() >= 4 && verify_icmpv6(src, dst, msg);
    // A Neighbor Discovery or MLD message shorter than its fixed part: a typed refusal where
    // the peers read the first 8 bytes.
    if let Err(ParseError::Truncated {
        part,
        required,
        actual,
    }) = ours
    {
        // `actual` counts from where the part starts (the subject: after 16 bytes).
        if msg.len() >= 8 {
            let subject = part == Part::NodeInformationSubject;
            assert!(subject || actual < required, "{:?}", ours);
            assert!(matches!(msg[0], 130..=140 | 149 | 157 | 158), "{:?}", ours);
            assert!(matches!(
                part,
                Part::NeighborDiscovery
                    | Part::MulticastListener
                    | Part::DuplicateAddress
                    | Part::Header
                    | Part::RouterRenumbering
                    | Part::NodeInformationSubject
            ));
            return;
        }
    }

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
        assert_eq!(
            (u8::from(p.msg_type()), p.msg_code(), p.checksum()),
            (m.message_type().0, m.code_u8(), m.checksum())
        );
        if let Ok(repr) = Icmpv6Repr::parse(&src, &dst, &p, &ChecksumCapabilities::ignored()) {
            compare_smoltcp(&repr, m);
        }
    }

    if let Ok(s) = etherparse::Icmpv6Slice::from_slice(msg) {
        let m = ours
            .as_ref()
            .expect("etherparse reads what icmpwire refuses");
        assert_eq!(
            (s.type_u8(), s.code_u8(), s.checksum()),
            (m.message_type().0, m.code_u8(), m.checksum())
        );
        assert_eq!(s.is_checksum_valid(src.octets(), dst.octets()), valid);
        use etherparse::Icmpv6Type as T;
        match (s.icmp_type(), m) {
            (T::EchoRequest(h), Message::EchoRequest(e))
            | (T::EchoReply(h), Message::EchoReply(e)) => {
                assert_eq!(
                    (h.id, h.seq, s.payload()),
                    (e.identifier(), e.sequence(), e.data())
                );
            }
            (T::PacketTooBig { mtu }, Message::PacketTooBig(v)) => {
                assert_eq!((mtu, s.payload()), (v.mtu(), v.payload()));
            }
            (T::ParameterProblem(h), Message::ParameterProblem(v)) => {
                assert_eq!(
                    (h.code.code_u8(), h.pointer, s.payload()),
                    (v.code().0, v.pointer(), v.payload())
                );
            }
            (T::DestinationUnreachable(c), Message::DestinationUnreachable(v)) => {
                assert_eq!((c.code_u8(), s.payload()), (v.code().0, v.payload()));
            }
            (T::TimeExceeded(c), Message::TimeExceeded(v)) => {
                assert_eq!((c.code_u8(), s.payload()), (v.code().0, v.payload()));
            }
            (T::Unknown { bytes5to8, .. }, _) => {
                assert_eq!(bytes5to8, <[u8; 4]>::try_from(&msg[4..8]).unwrap())
            }
            (T::RouterAdvertisement(h), Message::RouterAdvertisement(v)) => {
                assert_eq!(
                    (h.cur_hop_limit, h.managed_address_config, h.other_config),
                    (v.hop_limit(), v.managed(), v.other())
                );
                assert_eq!(h.router_lifetime, v.router_lifetime());
            }
            (T::NeighborAdvertisement(h), Message::NeighborAdvertisement(v)) => {
                assert_eq!(
                    (h.router, h.solicited, h.r#override),
                    (v.router(), v.solicited(), v.override_flag())
                );
            }
            (T::RouterSolicitation, Message::RouterSolicitation(_))
            | (T::NeighborSolicitation, Message::NeighborSolicitation(_))
            | (T::Redirect, Message::Redirect(_)) => {}
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
            assert_eq!(
                (u8::from(header.next_header), header.hop_limit),
                (ip.next_header(), ip.hop_limit())
            );
            assert_eq!(header.payload_len, usize::from(ip.payload_length()));
        }
        // Its data is everything after the quoted header, extensions included.
        assert_eq!(data, &m.payload()[40..]);
    };
    match (repr, m) {
        (
            Icmpv6Repr::EchoRequest {
                ident,
                seq_no,
                data,
            },
            Message::EchoRequest(e),
        )
        | (
            Icmpv6Repr::EchoReply {
                ident,
                seq_no,
                data,
            },
            Message::EchoReply(e),
        ) => {
            assert_eq!(
                (*ident, *seq_no, *data),
                (e.identifier(), e.sequence(), e.data())
            );
        }
        (Icmpv6Repr::PktTooBig { mtu, header, data }, Message::PacketTooBig(v)) => {
            assert_eq!(*mtu, v.mtu());
            quoted(header, data);
        }
        (
            Icmpv6Repr::ParamProblem {
                pointer,
                header,
                data,
                ..
            },
            Message::ParameterProblem(v),
        ) => {
            assert_eq!(*pointer, v.pointer());
            quoted(header, data);
        }
        (Icmpv6Repr::DstUnreachable { header, data, .. }, Message::DestinationUnreachable(_))
        | (Icmpv6Repr::TimeExceeded { header, data, .. }, Message::TimeExceeded(_)) => {
            quoted(header, data)
        }
        (Icmpv6Repr::Ndisc(nd), m) => compare_ndisc(nd, m),
        (
            Icmpv6Repr::Mld(MldRepr::Query {
                max_resp_code,
                mcast_addr,
                s_flag,
                qrv,
                qqic,
                num_srcs,
                ..
            }),
            Message::MulticastListenerQuery(q),
        ) => {
            assert_eq!(
                (*max_resp_code, *mcast_addr),
                (q.max_response_code(), q.multicast_address())
            );
            assert_eq!(
                (*s_flag, *qrv, *qqic, *num_srcs),
                (q.suppress(), q.qrv(), q.qqic(), q.number_of_sources())
            );
        }
        (
            Icmpv6Repr::Mld(MldRepr::Report {
                nr_mcast_addr_rcrds,
                ..
            }),
            Message::MulticastListenerReportV2(r),
        ) => {
            assert_eq!(*nr_mcast_addr_rcrds, r.number_of_records());
        }
        (_, Message::Other(_)) => {}
        (r, m) => panic!("smoltcp {r:?} vs icmpwire {m:?}"),
    }
}

/// smoltcp's Neighbor Discovery values against ours: the fixed fields and addresses.
fn compare_ndisc(nd: &NdiscRepr<'_>, m: &Message<&[u8]>) {
    match (nd, m) {
        (NdiscRepr::RouterSolicit { .. }, Message::RouterSolicitation(_)) => {}
        (
            NdiscRepr::RouterAdvert {
                hop_limit,
                flags,
                router_lifetime,
                reachable_time,
                retrans_time,
                ..
            },
            Message::RouterAdvertisement(v),
        ) => {
            assert_eq!(
                (*hop_limit, flags.bits() & 0xC0),
                (v.hop_limit(), v.flags() & 0xC0)
            );
            assert_eq!(router_lifetime.secs(), u64::from(v.router_lifetime()));
            assert_eq!(reachable_time.total_millis(), u64::from(v.reachable_time()));
            assert_eq!(retrans_time.total_millis(), u64::from(v.retrans_timer()));
        }
        (NdiscRepr::NeighborSolicit { target_addr, .. }, Message::NeighborSolicitation(v)) => {
            assert_eq!(*target_addr, v.target())
        }
        (
            NdiscRepr::NeighborAdvert {
                flags, target_addr, ..
            },
            Message::NeighborAdvertisement(v),
        ) => {
            assert_eq!(*target_addr, v.target());
            assert_eq!(flags.bits() & 0xE0, (v.reserved() >> 24) as u8 & 0xE0);
        }
        (
            NdiscRepr::Redirect {
                target_addr,
                dest_addr,
                ..
            },
            Message::Redirect(v),
        ) => {
            assert_eq!((*target_addr, *dest_addr), (v.target(), v.destination()));
        }
        (r, m) => panic!("smoltcp {r:?} vs icmpwire {m:?}"),
    }
}

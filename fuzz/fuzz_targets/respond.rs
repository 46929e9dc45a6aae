//! Any bytes as an IP packet to `stack::Responder`, for a host whose settings the first two
//! bytes pick: nothing panics; every answer is a whole packet whose IP header is sound, whose
//! message parses with its checksum verified and goes back to the request's source; the
//! answer in place is the answer written beside the request.
#![no_main]

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use icmpwire::extension::InterfaceIdentification;
use icmpwire::stack::{
    AnswerKind, Host, IcmpPacket, InterfaceState, NoAnswer, PerDestination, Responder,
    TokenBucket, parse_packet,
};
use icmpwire::v4::ExtendedEchoReplyCode;
use libfuzzer_sys::fuzz_target;

/// Every address the host's, or none but one, as the flags say.
struct Fuzzed(u8);

impl Host for Fuzzed {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        self.0 & 1 == 1 || a.octets()[3] == 2
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        self.0 & 1 == 1 || a.segments()[7] == 2
    }
    fn udp_port_open(&self, _: IpAddr, port: u16) -> bool {
        port == u16::from(self.0)
    }
    fn timestamp(&self) -> Option<u32> {
        (self.0 & 2 == 2).then_some(43_200_000)
    }
    fn probe_enabled(&self) -> bool {
        self.0 & 4 == 4
    }
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        match which {
            InterfaceIdentification::Index(1) => Ok(InterfaceState {
                active: true,
                ipv4: true,
                ipv6: self.0 & 8 == 8,
            }),
            _ => Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE),
        }
    }
    fn link_layer_address(&self) -> &[u8] {
        if self.0 & 16 == 16 { &[2, 0, 0, 0, 0, 2] } else { &[] }
    }
    fn is_router(&self) -> bool {
        self.0 & 32 == 32
    }
    fn is_directed_broadcast_v4(&self, a: Ipv4Addr) -> bool {
        a.octets()[3] == 255
    }
    fn specific_destination_v4(&self, _: Ipv4Addr) -> Option<Ipv4Addr> {
        (self.0 & 3 != 0).then_some(Ipv4Addr::new(192, 0, 2, 2))
    }
    fn group_source_v6(&self, _: Ipv6Addr) -> Option<Ipv6Addr> {
        (self.0 & 5 != 0).then_some(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 2))
    }
}

fn responder(flags: u8) -> Responder<4> {
    let mut r = Responder::new(TokenBucket::new(100, 100), PerDestination::new(100, 100));
    r.keep_echo_code = flags & 64 == 64;
    r
}

fuzz_target!(|data: &[u8]| {
    let [flags, size, packet @ ..] = data else {
        return;
    };
    let host = Fuzzed(*flags);
    let mut out = vec![0xAAu8; usize::from(*size) * 8];
    let answer = responder(*flags).respond(&host, packet, flags & 128 == 128, Duration::ZERO, &mut out);
    if let Ok(a) = answer {
        let bytes = &out[..a.len];
        let parsed = parse_packet(bytes).unwrap_or_else(|e| panic!("{:?}: {e}", a.kind));
        match parsed {
            IcmpPacket::V4 { ip, .. } => {
                assert!(ip.header_checksum_valid);
                assert_eq!(IpAddr::V4(ip.dst), a.dst);
                // Options (a returned record route or timestamp) only in replies to requests.
                assert!(ip.header_len == 20 || a.kind != AnswerKind::PortUnreachable);
                assert_eq!(usize::from(u16::from_be_bytes([bytes[2], bytes[3]])), a.len);
                // Never from or to a group, a broadcast or no address (RFC 1122 3.2.1.3).
                for x in [ip.src, ip.dst] {
                    assert!(!x.is_multicast() && !x.is_broadcast() && !x.is_unspecified(), "{x}");
                }
            }
            IcmpPacket::V6 { ip, .. } => {
                assert_eq!(IpAddr::V6(ip.dst), a.dst);
                assert_eq!(ip.header_len, 40);
                // Never from a group (RFC 4291 2.7); to one only a neighbor advertisement
                // answering duplicate address detection.
                assert!(!ip.src.is_multicast() && !ip.src.is_unspecified());
                assert!(!ip.dst.is_multicast() || a.kind == AnswerKind::NeighborAdvertisement);
                assert_eq!(usize::from(u16::from_be_bytes([bytes[4], bytes[5]])) + 40, a.len);
            }
            _ => unreachable!(),
        }
    }
    let mut buf = packet.to_vec();
    let placed = responder(*flags).respond_in_place(&host, &mut buf, packet.len());
    match (placed, answer) {
        (Ok(p), Ok(a)) => {
            assert_eq!((p, a.kind), (a, AnswerKind::EchoReply));
            assert_eq!(buf[..p.len], out[..a.len]);
        }
        (Ok(p), Err(NoAnswer::Buffer(_))) => assert_eq!(p.kind, AnswerKind::EchoReply),
        (Ok(p), Err(e)) => panic!("in place {p:?}, beside: {e}"),
        (Err(NoAnswer::NotInPlace), _) => assert_eq!(buf, packet),
        (Err(e), Ok(a)) => panic!("in place: {e}, beside {a:?}"),
        (Err(_), Err(_)) => {}
    }
});

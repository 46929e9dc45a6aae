//! The peers' ICMPv4 parsers behind the checksum check a real stack makes. Under `cfg(fuzzing)`
//! smoltcp compiles its own `verify_checksum` to `true`, so the gate is restored here with
//! smoltcp's own checksum routine. Past it: smoltcp's `Icmpv4Repr::parse` (echo, unreachable,
//! time exceeded with the quoted IPv4 header) and emit, and etherparse's ICMPv4 decoding with
//! its lax IP slicing of the quoted datagram (what a stack uses to match an error to a flow).

use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv4Packet, Icmpv4Repr, checksum};

pub fn run(data: &[u8]) {
    if checksum::data(data) != !0 {
        return;
    }
    if let Ok(packet) = Icmpv4Packet::new_checked(data)
        && let Ok(repr) = Icmpv4Repr::parse(&packet, &ChecksumCapabilities::default())
    {
        let mut out = vec![0u8; repr.buffer_len()];
        repr.emit(
            &mut Icmpv4Packet::new_unchecked(&mut out[..]),
            &ChecksumCapabilities::default(),
        );
        std::hint::black_box(out);
    }
    if let Ok(icmp) = etherparse::Icmpv4Slice::from_slice(data) {
        use etherparse::Icmpv4Type as T;
        let ty = icmp.icmp_type();
        let quoted = matches!(
            ty,
            T::DestinationUnreachable(_)
                | T::Redirect(_)
                | T::TimeExceeded(_)
                | T::ParameterProblem(_)
        );
        std::hint::black_box((&ty, icmp.header().to_bytes()));
        if quoted && let Ok(inner) = etherparse::LaxSlicedPacket::from_ip(icmp.payload()) {
            std::hint::black_box((&inner.net, &inner.transport, &inner.stop_err));
        }
    }
}

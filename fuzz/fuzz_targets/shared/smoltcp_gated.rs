//! smoltcp's ICMPv4 parser behind the checksum check a real stack makes. Under `cfg(fuzzing)`
//! smoltcp compiles its own `verify_checksum` to `true`, so the gate is restored here with
//! smoltcp's own checksum routine; past it, the packet goes through `Icmpv4Repr::parse` (echo,
//! unreachable, time exceeded with the quoted IPv4 header) and is emitted again.

use smoltcp::phy::ChecksumCapabilities;
use smoltcp::wire::{Icmpv4Packet, Icmpv4Repr, checksum};

pub fn run(data: &[u8]) {
    if checksum::data(data) != !0 {
        return;
    }
    let Ok(packet) = Icmpv4Packet::new_checked(data) else { return };
    let Ok(repr) = Icmpv4Repr::parse(&packet, &ChecksumCapabilities::default()) else { return };
    let mut out = vec![0u8; repr.buffer_len()];
    repr.emit(&mut Icmpv4Packet::new_unchecked(&mut out[..]), &ChecksumCapabilities::default());
    std::hint::black_box(out);
}

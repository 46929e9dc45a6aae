//! The same job with icmpwire or with smoltcp (one Cargo feature each), built as a static
//! library for `thumbv7em-none-eabihf` at `opt-level = "z"`, so that `ci/footprint/measure.sh`
//! can compare the code each pulls in: parse an ICMP message, verify its checksum, and read an
//! echo's identifier and sequence, or a time exceeded's quoted addresses and UDP ports.
#![no_std]

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}

/// What was read, folded into one number; `u32::MAX` when the message is refused.
#[cfg(feature = "icmpwire")]
#[unsafe(no_mangle)]
pub fn handle(bytes: &[u8]) -> u32 {
    use icmpwire::v4::Message;
    match Message::parse(bytes) {
        Ok(Message::EchoRequest(e) | Message::EchoReply(e)) => u32::from(e.identifier()) << 16 | u32::from(e.sequence()),
        Ok(Message::TimeExceeded(t)) => match t.quote().ipv4() {
            Ok(ip) => {
                let (s, d) = ip.ports().unwrap_or((0, 0));
                u32::from(ip.src()) ^ u32::from(ip.dst()) ^ (u32::from(s) << 16 | u32::from(d))
            }
            Err(_) => 1,
        },
        Ok(_) => 0,
        Err(_) => u32::MAX,
    }
}

/// icmpwire through its typed views only (no dispatch over every message type): the smallest
/// way to do the same job with it.
#[cfg(feature = "icmpwire-typed")]
#[unsafe(no_mangle)]
pub fn handle(bytes: &[u8]) -> u32 {
    use icmpwire::v4::{Echo, TimeExceeded};
    match bytes.first() {
        Some(0 | 8) => match Echo::parse(bytes) {
            Ok(e) => u32::from(e.identifier()) << 16 | u32::from(e.sequence()),
            Err(_) => u32::MAX,
        },
        Some(11) => match TimeExceeded::parse(bytes) {
            Ok(t) => match t.quote().ipv4() {
                Ok(ip) => {
                    let (s, d) = ip.ports().unwrap_or((0, 0));
                    u32::from(ip.src()) ^ u32::from(ip.dst()) ^ (u32::from(s) << 16 | u32::from(d))
                }
                Err(_) => 1,
            },
            Err(_) => u32::MAX,
        },
        _ => 0,
    }
}

/// The same with smoltcp's wire module.
#[cfg(feature = "smoltcp")]
#[unsafe(no_mangle)]
pub fn handle(bytes: &[u8]) -> u32 {
    use smoltcp::wire::{Icmpv4Message, Icmpv4Packet, Ipv4Packet, UdpPacket};
    let Ok(p) = Icmpv4Packet::new_checked(bytes) else { return u32::MAX };
    if !p.verify_checksum() {
        return u32::MAX;
    }
    match p.msg_type() {
        Icmpv4Message::EchoRequest | Icmpv4Message::EchoReply => u32::from(p.echo_ident()) << 16 | u32::from(p.echo_seq_no()),
        Icmpv4Message::TimeExceeded => {
            let data = p.data();
            // smoltcp's checked constructor refuses truncated quotes: check by hand.
            if data.len() < 28 {
                return 1;
            }
            let ip = Ipv4Packet::new_unchecked(data);
            let hl = usize::from(ip.header_len());
            if hl < 20 || data.len() < hl + 4 {
                return 1;
            }
            let udp = UdpPacket::new_unchecked(&data[hl..]);
            u32::from(ip.src_addr()) ^ u32::from(ip.dst_addr()) ^ (u32::from(udp.src_port()) << 16 | u32::from(udp.dst_port()))
        }
        _ => 0,
    }
}

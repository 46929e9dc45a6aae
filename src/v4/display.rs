//! `Display` for a parsed message: one line in the manner of tcpdump, with its names for types
//! and codes (`echo request, id 1, seq 2, length 64`, `time exceeded (in-transit) for IP ...`).
//! Echo lines are exactly tcpdump's; other types keep tcpdump's words in icmpwire's own layout
//! (type, code in parentheses, fields), which also covers the types tcpdump does not decode.
//!
//! The names of types and codes are those of [`MessageType`](super::MessageType) and the code
//! types; the fields follow the RFC of each
//! message (RFC 792, 950, 1191, 1256, 1393, 2521, 4884, 4950, 5837, 8335). No allocation: everything is
//! written straight to the formatter.

use crate::AnyMessage;
use core::fmt::{self, Display, Formatter};

use zerocopy::ByteSlice;

use super::{Message, code_name};
use crate::display::{extensions, probe_reply, probe_request};
use crate::quote::{Quote, QuotedIpv4, protocol};

impl<B: ByteSlice> Display for Message<B> {
    /// The type's name, the code's name in parentheses (none for a type with only code 0), the
    /// fields that identify the message, the quoted datagram of an error, RFC 4884 extension
    /// objects, the length, and tcpdump's `(wrong icmp cksum found (->expected)!)` note when the checksum does not verify.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v4::{Message, Repr};
    ///
    /// let mut buf = [0u8; 16];
    /// let repr = Repr::EchoRequest(EchoRepr { identifier: 7, sequence: 1, data: &[0; 8], ..Default::default() });
    /// repr.emit(&mut buf).unwrap();
    /// let msg = Message::parse(&buf[..]).unwrap();
    /// assert_eq!(msg.to_string(), "echo request, id 7, seq 1, length 16");
    ///
    /// buf[2] ^= 1;
    /// let msg = Message::parse_unverified(&buf[..]).unwrap();
    /// let line = msg.to_string();
    /// assert!(line.starts_with("echo request, id 7, seq 1, length 16 (wrong icmp cksum "), "{line}");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let ty = self.message_type();
        let code = self.code_u8();
        write!(f, "{ty}")?;
        match code_name(ty, code) {
            Some("no code") => {}
            Some(name) => write!(f, " ({name})")?,
            None => write!(f, " (code {code})")?,
        }
        match self {
            Message::EchoReply(m)
            | Message::EchoRequest(m)
            | Message::InformationRequest(m)
            | Message::InformationReply(m) => {
                write!(f, ", id {}, seq {}", m.identifier(), m.sequence())?;
            }
            Message::Timestamp(m) | Message::TimestampReply(m) => write!(
                f,
                ", id {}, seq {}, org {}, recv {}, xmit {}",
                m.identifier(),
                m.sequence(),
                Clock(m.originate()),
                Clock(m.receive()),
                Clock(m.transmit())
            )?,
            Message::AddressMaskRequest(m) | Message::AddressMaskReply(m) => write!(
                f,
                ", id {}, seq {}, mask {}",
                m.identifier(),
                m.sequence(),
                m.mask()
            )?,
            Message::DestinationUnreachable(m) => {
                if code == 4 {
                    write!(f, ", mtu {}", m.next_hop_mtu())?;
                }
                quoted(f, m.quote())?;
                extensions(f, m.extensions())?;
            }
            Message::TimeExceeded(m) => {
                quoted(f, m.quote())?;
                extensions(f, m.extensions())?;
            }
            Message::SourceQuench(m) => quoted(f, m.quote())?,
            Message::Photuris(m) => {
                write!(f, ", pointer {}", m.pointer())?;
                quoted(f, m.quote())?;
            }
            Message::ParameterProblem(m) => {
                write!(f, ", pointer {}", m.pointer())?;
                quoted(f, m.quote())?;
                extensions(f, m.extensions())?;
            }
            Message::Redirect(m) => {
                write!(f, " to {}", m.gateway())?;
                quoted(f, m.quote())?;
            }
            Message::ExtendedEchoRequest(m) => probe_request(f, m)?,
            Message::ExtendedEchoReply(m) => probe_reply(f, m)?,
            Message::RouterAdvertisement(m) => {
                write!(f, ", lifetime {}s", m.lifetime())?;
                for (i, e) in (1u32..).zip(m.entries()) {
                    write!(f, " {i}:{{{} {}}}", e.address, e.preference)?;
                }
            }
            Message::Traceroute(m) => write!(
                f,
                ", id {}, outbound hops {}, return hops {}, link speed {} B/s, mtu {}",
                m.identifier(),
                m.outbound_hop_count(),
                m.return_hop_count(),
                m.output_link_speed(),
                m.output_link_mtu()
            )?,
            Message::DomainNameRequest(m) => {
                write!(f, ", id {}, seq {}", m.identifier(), m.sequence())?;
            }
            Message::DomainNameReply(m) => {
                write!(
                    f,
                    ", id {}, seq {}, ttl {}",
                    m.identifier(),
                    m.sequence(),
                    m.ttl()
                )?;
                for (i, name) in m.names().enumerate() {
                    f.write_str(if i == 0 { ", names " } else { " " })?;
                    match name {
                        Ok(name) => write!(f, "{name}")?,
                        Err(e) => write!(f, "[{e}]")?,
                    }
                }
            }
            Message::RouterSolicitation(_) | Message::Other(_) => {}
        }
        write!(f, ", length {}", self.message_len())?;
        if !self.verify_checksum() {
            // tcpdump -v's words, and its unpadded hex.
            write!(
                f,
                " (wrong icmp cksum {:x} (->{:x})!)",
                self.checksum(),
                self.computed_checksum()
            )?;
        }
        Ok(())
    }
}

/// Milliseconds since midnight UT (RFC 792) as `hh:mm:ss.mmm`, or the raw value when the high
/// bit says it is not in that form.
struct Clock(u32);

impl Display for Clock {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let ms = self.0;
        if ms & 0x8000_0000 != 0 || ms >= 86_400_000 {
            return write!(f, "{ms} (non-standard)");
        }
        write!(
            f,
            "{:02}:{:02}:{:02}.{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    }
}

/// The quoted datagram: addresses, TTL, and the ports or the quoted ICMP message.
fn quoted(f: &mut Formatter<'_>, quote: Quote<'_>) -> fmt::Result {
    match quote.ipv4() {
        Ok(ip) => {
            write!(f, " for IP {} > {} ttl {}", ip.src(), ip.dst(), ip.ttl())?;
            transport(f, &ip)
        }
        Err(e) => write!(f, " (quote: {e})"),
    }
}

fn transport(f: &mut Formatter<'_>, ip: &QuotedIpv4<'_>) -> fmt::Result {
    match ip.protocol() {
        protocol::UDP => match ip.udp() {
            Ok(u) => write!(f, " udp {} > {}", u.src_port, u.dst_port),
            Err(_) => f.write_str(" udp"),
        },
        protocol::TCP => match ip.tcp() {
            Ok(t) => write!(f, " tcp {} > {}", t.src_port, t.dst_port),
            Err(_) => f.write_str(" tcp"),
        },
        protocol::ICMP => match ip.icmp() {
            Ok(i) => match (i.identifier, i.sequence) {
                (Some(id), Some(seq)) => write!(f, " icmp {} id {id} seq {seq}", i.message_type),
                _ => write!(f, " icmp {}", i.message_type),
            },
            Err(_) => f.write_str(" icmp"),
        },
        p => write!(f, " proto {p}"),
    }
}

/// `defmt::Format` (feature `defmt`) for the ICMPv4 views and [`Message`]: a summary (the
/// type, code, length, and whether the checksum verifies); the router-advertisement iterators
/// print the list they yield.
#[cfg(feature = "defmt")]
mod defmt_impls {
    use defmt::{Format, Formatter, write};
    use zerocopy::ByteSlice;

    use super::super::{
        AgentExtensions, CareOfAddresses, Ipv4Options, Message, MessageType, RouterEntries,
        TimestampEntries, V4,
    };
    use crate::message::any::seal::Dispatch as _;
    use crate::view::{Fields, Parts, View};

    /// The summary of any view.
    fn summary(v: Parts<'_>, f: Formatter<'_>) {
        write!(
            f,
            "{=str} {{ type: {}, code: {=u8}, length: {=usize}, checksum ok: {=bool} }}",
            v.name(),
            MessageType(v.type_u8()),
            v.code_u8(),
            v.message_len(),
            v.sum_from(0) == 0xFFFF,
        );
    }

    impl<B: ByteSlice, F: Fields<V4>> Format for View<V4, B, F> {
        fn format(&self, f: Formatter<'_>) {
            summary(self.parts(), f);
        }
    }

    impl<B: ByteSlice> Format for Message<B> {
        fn format(&self, f: Formatter<'_>) {
            summary(self.parts(), f);
        }
    }

    /// The iterators print the list they yield.
    macro_rules! list_format {
        ($($ty:ident),*) => {$(
            impl Format for $ty<'_> {
                fn format(&self, f: Formatter<'_>) {
                    crate::display::list(self.clone(), f);
                }
            }
        )*};
    }

    list_format!(
        RouterEntries,
        AgentExtensions,
        CareOfAddresses,
        Ipv4Options,
        TimestampEntries
    );
}

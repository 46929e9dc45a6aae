//! `Display` for a parsed ICMPv6 message: one line in tcpdump's words (print-icmp6.c of
//! tcpdump 4.99): `ICMP6, echo request, id 1, seq 1, length 64`. Echo, packet too big, time
//! exceeded, parameter problem and destination unreachable codes 0-4 are exactly what tcpdump
//! prints (`tests/display6.rs` holds them to its output for the kernel capture), quoted
//! addresses and ports included; where tcpdump gives up on a message cut short it prints
//! ` [|icmp6]` and so does this. What tcpdump does not decode (destination unreachable codes 5
//! and up, extended echo, the types without a view here) keeps its words in icmpwire's layout:
//! the names of [`MessageType`](super::MessageType) and [`code_name`](super::code_name), the
//! fields, `length N`.
//!
//! The checksum is not judged here: it needs the addresses the message does not carry (tcpdump
//! prints its `[icmp6 sum ok]` from the IPv6 header; `icmpdump` does the same).

use crate::AnyMessage;
use core::fmt::{self, Display, Formatter};
use core::net::Ipv6Addr;

use zerocopy::ByteSlice;

use super::{Message, code_name};
use crate::display::{probe_reply, probe_request};
use crate::quote::{Quote, QuotedIpv6};

/// tcpdump's mark of a message cut short where it needed more.
const TRUNCATED: &str = " [|icmp6]";

impl<B: ByteSlice> Display for Message<B> {
    /// `ICMP6, `, the type's name and its fields in tcpdump's words, `, length N`.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v6::{Message, PacketTooBigRepr, Repr};
    ///
    /// let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST);
    /// let mut buf = [0u8; 64];
    /// let n = Repr::EchoReply(EchoRepr { identifier: 7, sequence: 2, data: &[0; 8], ..Default::default() })
    ///     .emit(src, dst, &mut buf).unwrap();
    /// assert_eq!(Message::parse(&buf[..n], src, dst).unwrap().to_string(), "ICMP6, echo reply, id 7, seq 2, length 16");
    ///
    /// let n = Repr::PacketTooBig(PacketTooBigRepr { mtu: 1280, quote: &[0x60; 48], ..Default::default() })
    ///     .emit(src, dst, &mut buf).unwrap();
    /// assert_eq!(Message::parse(&buf[..n], src, dst).unwrap().to_string(), "ICMP6, packet too big, mtu 1280, length 56");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("ICMP6, ")?;
        let len = self.message_len();
        match self {
            Message::EchoRequest(m) | Message::EchoReply(m) => write!(
                f,
                "{}, id {}, seq {}",
                self.message_type(),
                m.identifier(),
                m.sequence()
            )?,
            Message::PacketTooBig(m) => write!(f, "packet too big, mtu {}", m.mtu())?,
            Message::DestinationUnreachable(m) => {
                f.write_str("destination unreachable, ")?;
                if !unreachable(f, m.code_u8(), m.quote())? {
                    return Ok(());
                }
            }
            Message::TimeExceeded(m) => match (m.code_u8(), quoted_ip(m.quote())) {
                (0, Some(ip)) => write!(f, "time exceeded in-transit for {}", Addr(ip.dst()))?,
                (0, None) => return write!(f, "time exceeded in-transit{TRUNCATED}"),
                (1, _) => f.write_str("time exceeded in-transit (reassembly)")?,
                (code, _) => write!(f, "time exceeded in-transit, unknown code ({code})")?,
            },
            Message::ParameterProblem(m) => {
                if m.payload().len() < 40 {
                    return write!(f, "parameter problem{TRUNCATED}");
                }
                let what = match m.code_u8() {
                    0 => "erroneous",
                    1 => "next header",
                    2 => "option",
                    3 => "incomplete header chain",
                    code => {
                        write!(f, "parameter problem, code-#{code}, length {len}")?;
                        return Ok(());
                    }
                };
                write!(f, "parameter problem, {what} - octet {}", m.pointer())?;
            }
            Message::ExtendedEchoRequest(m) => {
                f.write_str("extended echo request")?;
                probe_request(f, m)?;
            }
            Message::ExtendedEchoReply(m) => {
                write!(f, "extended echo reply ({})", m.code())?;
                probe_reply(f, m)?;
            }
            Message::MulticastListenerQuery(m) => match m.version() {
                Some(2) => write!(
                    f,
                    "multicast listener query v2 [gaddr {}]",
                    Addr(m.multicast_address())
                )?,
                _ => write!(
                    f,
                    "multicast listener query, max resp delay: {} addr: {}",
                    m.max_response_code(),
                    Addr(m.multicast_address())
                )?,
            },
            Message::MulticastListenerReport(m) | Message::MulticastListenerDone(m) => write!(
                f,
                "{}, max resp delay: {} addr: {}",
                self.message_type(),
                m.max_response_code(),
                Addr(m.multicast_address())
            )?,
            Message::MulticastListenerReportV2(m) => write!(
                f,
                "multicast listener report v2, {} group record(s)",
                m.number_of_records()
            )?,
            Message::NeighborSolicitation(m) => {
                write!(f, "neighbor solicitation, who has {}", Addr(m.target()))?;
            }
            Message::NeighborAdvertisement(m) => {
                write!(f, "neighbor advertisement, tgt is {}", Addr(m.target()))?;
            }
            Message::Redirect(m) => write!(
                f,
                "redirect, {} to {}",
                Addr(m.destination()),
                Addr(m.target())
            )?,
            Message::RouterSolicitation(_)
            | Message::RouterAdvertisement(_)
            | Message::InverseSolicitation(_)
            | Message::InverseAdvertisement(_)
            | Message::RouterRenumbering(_)
            | Message::NodeInformationQuery(_)
            | Message::NodeInformationReply(_)
            | Message::Fmip(_)
            | Message::Rpl(_)
            | Message::HomeAgentDiscoveryRequest(_)
            | Message::HomeAgentDiscoveryReply(_)
            | Message::MobilePrefixSolicitation(_)
            | Message::MobilePrefixAdvertisement(_)
            | Message::CertificationPathSolicitation(_)
            | Message::CertificationPathAdvertisement(_)
            | Message::MulticastRouterAdvertisement(_)
            | Message::DuplicateAddressRequest(_)
            | Message::DuplicateAddressConfirmation(_)
            | Message::Other(_) => {
                let ty = self.message_type();
                match ty.name() {
                    Some(name) => f.write_str(name)?,
                    None => write!(f, "unknown icmp6 type ({})", ty.0)?,
                }
                match code_name(ty, self.code_u8()) {
                    Some("no code") => {}
                    Some(name) => write!(f, " ({name})")?,
                    // A code the registry gives no meaning: shown unless it is 0.
                    None if self.code_u8() == 0 => {}
                    None => write!(f, " (code {})", self.code_u8())?,
                }
            }
        }
        write!(f, ", length {len}")
    }
}

/// The quoted IPv6 header, if the quote holds one.
fn quoted_ip(quote: Quote<'_>) -> Option<QuotedIpv6<'_>> {
    quote.ipv6().ok()
}

/// A destination unreachable's code and what tcpdump prints of the quote with it; `false` when
/// the line ends here (tcpdump gives no length after a truncation).
fn unreachable(f: &mut Formatter<'_>, code: u8, quote: Quote<'_>) -> Result<bool, fmt::Error> {
    let ip = quoted_ip(quote);
    let (words, ip) = match (code, ip) {
        (0, Some(ip)) => ("unreachable route", ip),
        (1, Some(ip)) => (" unreachable prohibited", ip),
        (2, Some(ip)) => {
            write!(
                f,
                "beyond scope {}, source address {}",
                Addr(ip.dst()),
                Addr(ip.src())
            )?;
            return Ok(true);
        }
        (3, Some(ip)) => ("unreachable address", ip),
        (4, Some(ip)) => {
            let (proto, port) = match (ip.udp(), ip.tcp()) {
                (Ok(udp), _) => ("udp", udp.dst_port),
                (_, Ok(tcp)) => ("tcp", tcp.dst_port),
                _ => {
                    write!(f, "unreachable port{TRUNCATED}")?;
                    return Ok(false);
                }
            };
            write!(
                f,
                "unreachable port, {} {proto} port {port}",
                Addr(ip.dst())
            )?;
            return Ok(true);
        }
        (0..=4, None) => {
            let words = [
                "unreachable route",
                " unreachable prohibited",
                "beyond scope",
                "unreachable address",
                "unreachable port",
            ];
            let w = words.get(usize::from(code)).copied().unwrap_or("");
            write!(f, "{w}{TRUNCATED}")?;
            return Ok(false);
        }
        (_, ip) => {
            match code_name(super::MessageType::DESTINATION_UNREACHABLE, code) {
                Some(name) => f.write_str(name)?,
                None => write!(f, "code {code}")?,
            }
            if let Some(ip) = ip {
                write!(f, " {}", Addr(ip.dst()))?;
            }
            return Ok(true);
        }
    };
    write!(f, "{words} {}", Addr(ip.dst()))?;
    Ok(true)
}

/// An address the way tcpdump writes it: RFC 5952 text, but IPv4-compatible addresses (the
/// first 96 bits zero) in dotted form (`::192.0.2.1`, where `Ipv6Addr` writes `::c000:201`).
struct Addr(Ipv6Addr);

impl Display for Addr {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.0.octets() {
            [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, a, b, c, d] if (a, b) != (0, 0) => {
                write!(f, "::{a}.{b}.{c}.{d}")
            }
            _ => write!(f, "{}", self.0),
        }
    }
}

/// `defmt::Format` (feature `defmt`) for the ICMPv6 views and [`Message`]: a summary (the type,
/// code, length).
#[cfg(feature = "defmt")]
mod defmt_impls {
    use defmt::{Format, Formatter, write};
    use zerocopy::ByteSlice;

    use super::super::{Message, MessageType, V6};
    use crate::message::any::seal::Dispatch as _;
    use crate::view::{Fields, Parts, View};

    /// The summary of any view.
    fn summary(v: Parts<'_>, f: Formatter<'_>) {
        write!(
            f,
            "{=str} {{ type: {}, code: {=u8}, length: {=usize} }}",
            v.name(),
            MessageType(v.type_u8()),
            v.code_u8(),
            v.message_len(),
        );
    }

    impl<B: ByteSlice, F: Fields<V6>> Format for View<V6, B, F> {
        fn format(&self, f: Formatter<'_>) {
            summary(self.parts(), f);
        }
    }

    impl<B: ByteSlice> Format for Message<B> {
        fn format(&self, f: Formatter<'_>) {
            summary(self.parts(), f);
        }
    }
}

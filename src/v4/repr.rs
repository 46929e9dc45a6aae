//! [`Repr`]: the owned description of any ICMPv4 message (the values a builder takes), and
//! [`Repr::emit`], which writes it into a caller's buffer.
//!
//! `emit` checks the buffer first and writes nothing if it is too small; otherwise it writes
//! every byte of the message (reserved and unused fields as given, zero by default, whatever
//! the buffer held), then the RFC 1071 checksum last. Each variant's fields are a `*Repr` struct
//! next to the view of the same message; [`Message::to_repr`](super::Message::to_repr) gives
//! the `Repr` of a parsed message, so parse -> `to_repr` -> `emit` reproduces every byte but
//! the checksum field, which gets RFC 1071's value: the received one, except that a received
//! `0xFFFF` over bytes that sum to `-0` comes back as `0x0000` (both verify; see
//! [the two zeros](crate::checksum#the-two-zeros-what-verifies-what-is-written)).

use super::{
    AddressMaskRepr, DestinationUnreachableRepr, DomainNameReplyRepr, DomainNameRequestRepr,
    MessageType, ParameterProblemRepr, PhoturisRepr, RawRepr, RedirectRepr,
    RouterAdvertisementRepr, RouterSolicitationRepr, SourceQuenchRepr, TimeExceededRepr,
    TimestampRepr, TracerouteRepr,
};
use crate::error::EmitError;
use crate::message::echo::EchoRepr;
use crate::message::extended_echo::{ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};
use crate::write::{Build, emit};

/// The owned description of any ICMPv4 message: what a builder needs to write it.
///
/// ```
/// use icmpwire::EchoRepr;
/// use icmpwire::v4::{Message, Repr};
///
/// let repr = Repr::EchoReply(EchoRepr { identifier: 1, sequence: 2, data: b"abc", ..EchoRepr::default() });
/// let mut buf = [0u8; 64];
/// let n = repr.emit(&mut buf).unwrap();
/// let msg = Message::parse(&buf[..n]).unwrap();
/// assert_eq!(msg.to_repr(), repr);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Repr<'a> {
    /// Echo reply, type 0.
    EchoReply(EchoRepr<'a>),
    /// Destination unreachable, type 3.
    DestinationUnreachable(DestinationUnreachableRepr<'a>),
    /// Source quench, type 4.
    SourceQuench(SourceQuenchRepr<'a>),
    /// Redirect, type 5.
    Redirect(RedirectRepr<'a>),
    /// Echo request, type 8.
    EchoRequest(EchoRepr<'a>),
    /// Router advertisement, type 9.
    RouterAdvertisement(RouterAdvertisementRepr<'a>),
    /// Router solicitation, type 10.
    RouterSolicitation(RouterSolicitationRepr<'a>),
    /// Time exceeded, type 11.
    TimeExceeded(TimeExceededRepr<'a>),
    /// Parameter problem, type 12.
    ParameterProblem(ParameterProblemRepr<'a>),
    /// Timestamp request, type 13.
    Timestamp(TimestampRepr<'a>),
    /// Timestamp reply, type 14.
    TimestampReply(TimestampRepr<'a>),
    /// Information request, type 15.
    InformationRequest(EchoRepr<'a>),
    /// Information reply, type 16.
    InformationReply(EchoRepr<'a>),
    /// Address mask request, type 17.
    AddressMaskRequest(AddressMaskRepr<'a>),
    /// Address mask reply, type 18.
    AddressMaskReply(AddressMaskRepr<'a>),
    /// Extended echo request (PROBE), type 42.
    ExtendedEchoRequest(ExtendedEchoRequestRepr<'a>),
    /// Extended echo reply, type 43.
    ExtendedEchoReply(ExtendedEchoReplyRepr<'a>),
    /// Traceroute, type 30 (RFC 1393, historic).
    Traceroute(TracerouteRepr<'a>),
    /// Domain name request, type 37 (RFC 1788, historic).
    DomainNameRequest(DomainNameRequestRepr<'a>),
    /// Domain name reply, type 38 (RFC 1788, historic).
    DomainNameReply(DomainNameReplyRepr<'a>),
    /// Photuris security failure, type 40 (RFC 2521).
    Photuris(PhoturisRepr<'a>),
    /// Any message by type, code, rest of header and body.
    Other(RawRepr<'a>),
}

impl Repr<'_> {
    /// The message type this writes.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v4::{MessageType, Repr};
    ///
    /// assert_eq!(Repr::EchoRequest(EchoRepr::default()).message_type(), MessageType::ECHO_REQUEST);
    /// ```
    #[must_use]
    #[inline]
    pub fn message_type(&self) -> MessageType {
        MessageType(match self {
            Repr::EchoReply(_) => 0,
            Repr::DestinationUnreachable(_) => 3,
            Repr::SourceQuench(_) => 4,
            Repr::Redirect(_) => 5,
            Repr::EchoRequest(_) => 8,
            Repr::RouterAdvertisement(_) => 9,
            Repr::RouterSolicitation(_) => 10,
            Repr::TimeExceeded(_) => 11,
            Repr::ParameterProblem(_) => 12,
            Repr::Timestamp(_) => 13,
            Repr::TimestampReply(_) => 14,
            Repr::InformationRequest(_) => 15,
            Repr::InformationReply(_) => 16,
            Repr::AddressMaskRequest(_) => 17,
            Repr::AddressMaskReply(_) => 18,
            Repr::ExtendedEchoRequest(_) => 42,
            Repr::ExtendedEchoReply(_) => 43,
            Repr::Traceroute(_) => 30,
            Repr::DomainNameRequest(_) => 37,
            Repr::DomainNameReply(_) => 38,
            Repr::Photuris(_) => 40,
            Repr::Other(r) => r.message_type.0,
        })
    }

    /// The number of bytes the message takes.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v4::Repr;
    ///
    /// let repr = Repr::EchoRequest(EchoRepr { data: &[0; 56], ..EchoRepr::default() });
    /// assert_eq!(repr.buffer_len(), 64);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn buffer_len(&self) -> usize {
        match self {
            Repr::EchoReply(r)
            | Repr::EchoRequest(r)
            | Repr::InformationRequest(r)
            | Repr::InformationReply(r) => r.buffer_len(),
            Repr::DestinationUnreachable(r) => r.buffer_len(),
            Repr::SourceQuench(r) => r.buffer_len(),
            Repr::Redirect(r) => r.buffer_len(),
            Repr::RouterAdvertisement(r) => r.buffer_len(),
            Repr::RouterSolicitation(r) => r.buffer_len(),
            Repr::TimeExceeded(r) => r.buffer_len(),
            Repr::ParameterProblem(r) => r.buffer_len(),
            Repr::Timestamp(r) | Repr::TimestampReply(r) => r.buffer_len(),
            Repr::AddressMaskRequest(r) | Repr::AddressMaskReply(r) => r.buffer_len(),
            Repr::ExtendedEchoRequest(r) => r.buffer_len(),
            Repr::ExtendedEchoReply(r) => r.buffer_len(),
            Repr::Traceroute(r) => r.buffer_len(),
            Repr::DomainNameRequest(r) => r.buffer_len(),
            Repr::DomainNameReply(r) => r.buffer_len(),
            Repr::Photuris(r) => r.buffer_len(),
            Repr::Other(r) => r.buffer_len(),
        }
    }

    /// Writes the message at the start of `buf` and returns its length: every byte of it, the
    /// checksum last. Bytes of `buf` past the message are left alone.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v4::Repr;
    ///
    /// let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 1, ..EchoRepr::default() });
    /// let mut buf = [0xAAu8; 8];
    /// assert_eq!(repr.emit(&mut buf), Ok(8));
    /// assert_eq!(buf, [8, 0, 0xe5, 0xca, 0x12, 0x34, 0, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// Nothing is written on any error.
    ///
    /// * [`EmitError::BufferTooSmall`] when `buf` is shorter than
    ///   [`buffer_len`](Self::buffer_len);
    /// * for router advertisements, [`EmitError::TooManyEntries`] and
    ///   [`EmitError::RouterEntries`];
    /// * for messages with RFC 4884 extension objects (unreachable, time exceeded, parameter
    ///   problem, extended echo): [`EmitError::QuoteTooLong`] when the quote passes the 255
    ///   words of the length field, [`EmitError::ExtensionTooLong`] for an object or structure
    ///   past 65535 bytes, [`EmitError::InterfaceNameTooLong`] for an RFC 5837 name past 63
    ///   bytes.
    #[inline(always)]
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        let ty = self.message_type().0;
        match self {
            Repr::EchoReply(r)
            | Repr::EchoRequest(r)
            | Repr::InformationRequest(r)
            | Repr::InformationReply(r) => emit(r, ty, 0, buf),
            Repr::DestinationUnreachable(r) => emit(r, ty, 0, buf),
            Repr::SourceQuench(r) => emit(r, ty, 0, buf),
            Repr::Redirect(r) => emit(r, ty, 0, buf),
            Repr::RouterAdvertisement(r) => emit(r, ty, 0, buf),
            Repr::RouterSolicitation(r) => emit(r, ty, 0, buf),
            Repr::TimeExceeded(r) => emit(r, ty, 0, buf),
            Repr::ParameterProblem(r) => emit(r, ty, 0, buf),
            Repr::Timestamp(r) | Repr::TimestampReply(r) => emit(r, ty, 0, buf),
            Repr::AddressMaskRequest(r) | Repr::AddressMaskReply(r) => emit(r, ty, 0, buf),
            Repr::ExtendedEchoRequest(r) => emit(r, ty, 0, buf),
            Repr::ExtendedEchoReply(r) => emit(r, ty, 0, buf),
            Repr::Traceroute(r) => emit(r, ty, 0, buf),
            Repr::DomainNameRequest(r) => emit(r, ty, 0, buf),
            Repr::DomainNameReply(r) => emit(r, ty, 0, buf),
            Repr::Photuris(r) => emit(r, ty, 0, buf),
            Repr::Other(r) => emit(r, ty, 0, buf),
        }
    }
}

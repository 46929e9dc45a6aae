//! Writing any message into a caller's buffer: [`Repr`], the owned description of a message
//! (the values a builder takes), and [`Repr::emit`].
//!
//! `emit` checks the buffer first and writes nothing if it is too small; otherwise it writes
//! every byte of the message (reserved and unused fields as given, zero by default, whatever
//! the buffer held), then the RFC 1071 checksum last. Each variant's fields are a `*Repr` struct
//! next to the view of the same message; [`Message::to_repr`](crate::Message::to_repr) gives
//! the `Repr` of a parsed message, so parse -> `to_repr` -> `emit` reproduces the bytes.

use core::mem::size_of;

use zerocopy::{Immutable, IntoBytes};

use crate::checksum;
use crate::error::EmitError;
use crate::message::{
    AddressMaskRepr, DestinationUnreachableRepr, EchoRepr, ExtendedEchoReplyRepr,
    ExtendedEchoRequestRepr, ParameterProblemRepr, PhoturisRepr, RawRepr, RedirectRepr,
    RouterAdvertisementRepr, RouterSolicitationRepr, SourceQuenchRepr, TimeExceededRepr,
    TimestampRepr, TracerouteRepr,
};
use crate::types::MessageType;

/// Copies as much of `src` as fits into `dst` (they have equal lengths wherever it is called).
#[inline]
pub(crate) fn copy(dst: &mut [u8], src: &[u8]) {
    let n = dst.len().min(src.len());
    if let (Some(d), Some(s)) = (dst.get_mut(..n), src.get(..n)) {
        d.copy_from_slice(s);
    }
}

/// Writes a wire header (its checksum field zero) and the payload after it into `out` (exactly
/// their length), and returns the one's complement accumulator of the whole: the checksum is
/// computed from the values written, not by re-reading the buffer.
#[inline]
pub(crate) fn write_payload<H: IntoBytes + Immutable>(
    header: &H,
    payload: &[u8],
    out: &mut [u8],
) -> u64 {
    let (head, rest) = out
        .split_at_mut_checked(size_of::<H>())
        .unwrap_or((&mut [], &mut []));
    let bytes = header.as_bytes();
    copy(head, bytes);
    // Every header is an even number of bytes, so the payload's words line up.
    checksum::combine(
        checksum::sum_part(bytes),
        checksum::copy_and_sum(rest, payload),
    )
}

/// The owned description of any ICMPv4 message: what a builder needs to write it.
///
/// ```
/// use icmpwire::{EchoRepr, Message, Repr};
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
    /// Photuris security failure, type 40 (RFC 2521).
    Photuris(PhoturisRepr<'a>),
    /// Any message by type, code, rest of header and body.
    Other(RawRepr<'a>),
}

impl Repr<'_> {
    /// The message type this writes.
    ///
    /// ```
    /// use icmpwire::{EchoRepr, MessageType, Repr};
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
            Repr::Photuris(_) => 40,
            Repr::Other(r) => r.message_type.0,
        })
    }

    /// The number of bytes the message takes.
    ///
    /// ```
    /// use icmpwire::{EchoRepr, Repr};
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
            Repr::Photuris(r) => r.buffer_len(),
            Repr::Other(r) => r.buffer_len(),
        }
    }

    /// Writes the message at the start of `buf` and returns its length: every byte of it, the
    /// checksum last. Bytes of `buf` past the message are left alone.
    ///
    /// ```
    /// use icmpwire::{EchoRepr, Repr};
    ///
    /// let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 1, ..EchoRepr::default() });
    /// let mut buf = [0xAAu8; 8];
    /// assert_eq!(repr.emit(&mut buf), Ok(8));
    /// assert_eq!(buf, [8, 0, 0xe5, 0xca, 0x12, 0x34, 0, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// [`EmitError::BufferTooSmall`] when `buf` is shorter than [`buffer_len`](Self::buffer_len)
    /// (nothing is written); for router advertisements, [`EmitError::TooManyEntries`] and
    /// [`EmitError::RouterEntries`].
    #[inline(always)]
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, EmitError> {
        match self {
            Repr::RouterAdvertisement(r) => r.check()?,
            Repr::DestinationUnreachable(r) => r.check()?,
            Repr::TimeExceeded(r) => r.check()?,
            Repr::ParameterProblem(r) => r.check()?,
            _ => {}
        }
        let required = self.buffer_len();
        let actual = buf.len();
        let Some(out) = buf.get_mut(..required) else {
            return Err(EmitError::BufferTooSmall { required, actual });
        };
        let sum = match self {
            Repr::EchoReply(r) => r.fill(0, out),
            Repr::EchoRequest(r) => r.fill(8, out),
            Repr::InformationRequest(r) => r.fill(15, out),
            Repr::InformationReply(r) => r.fill(16, out),
            Repr::DestinationUnreachable(r) => r.fill(out),
            Repr::SourceQuench(r) => r.fill(out),
            Repr::Redirect(r) => r.fill(out),
            Repr::RouterAdvertisement(r) => r.fill(out),
            Repr::RouterSolicitation(r) => r.fill(out),
            Repr::TimeExceeded(r) => r.fill(out),
            Repr::ParameterProblem(r) => r.fill(out),
            Repr::Timestamp(r) => r.fill(13, out),
            Repr::TimestampReply(r) => r.fill(14, out),
            Repr::AddressMaskRequest(r) => r.fill(17, out),
            Repr::AddressMaskReply(r) => r.fill(18, out),
            Repr::ExtendedEchoRequest(r) => r.fill(out),
            Repr::ExtendedEchoReply(r) => r.fill(out),
            Repr::Traceroute(r) => r.fill(out),
            Repr::Photuris(r) => r.fill(out),
            Repr::Other(r) => r.fill(out),
        };
        let checksum = checksum::finish(sum);
        if let Some(field) = out.get_mut(2..4) {
            field.copy_from_slice(&checksum.to_be_bytes());
        }
        Ok(required)
    }
}

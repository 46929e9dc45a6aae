//! [`Message`]: any ICMPv4 message as the typed view of its type, what a parser returns.

use zerocopy::{ByteSlice, SplitByteSlice};

use super::{
    AddressMask, DestinationUnreachable, DomainNameReply, DomainNameRequest, Echo,
    ExtendedEchoReply, ExtendedEchoRequest, ParameterProblem, Photuris, Raw, Redirect, Repr,
    RouterAdvertisement, RouterSolicitation, SourceQuench, TimeExceeded, Timestamp, Traceroute, V4,
};
use crate::error::{ParseError, Part};
use crate::extension::Extensions;
use crate::message::any::AnyMessage;
use crate::message::any::seal::{self, Dispatch as _};
use crate::quote::Quote;
use crate::view::Parts;

/// Any ICMPv4 message, as its typed view. Returned by [`Message::parse`].
///
/// Types and codes this crate has no view for are kept in [`Message::Other`] with all their
/// bytes, never dropped; unknown codes of known types are kept in their view.
///
/// ```
/// use icmpwire::v4::Message;
///
/// // An echo request from the Linux kernel capture (tests/data): id 0x61a7, seq 1.
/// let bytes = [0x08, 0x00, 0xb7, 0xa9, 0x61, 0xa7, 0x00, 0x01, 0xde, 0xad];
/// match Message::parse(&bytes[..]).unwrap() {
///     Message::EchoRequest(echo) => {
///         assert_eq!((echo.identifier(), echo.sequence()), (0x61a7, 1));
///         assert_eq!(echo.data(), &[0xde, 0xad]);
///     }
///     other => panic!("not an echo request: {other:?}"),
/// }
/// ```
#[non_exhaustive]
pub enum Message<B> {
    /// Echo reply, type 0.
    EchoReply(Echo<B>),
    /// Destination unreachable, type 3.
    DestinationUnreachable(DestinationUnreachable<B>),
    /// Source quench, type 4.
    SourceQuench(SourceQuench<B>),
    /// Redirect, type 5.
    Redirect(Redirect<B>),
    /// Echo request, type 8.
    EchoRequest(Echo<B>),
    /// Router advertisement, type 9.
    RouterAdvertisement(RouterAdvertisement<B>),
    /// Router solicitation, type 10.
    RouterSolicitation(RouterSolicitation<B>),
    /// Time exceeded, type 11.
    TimeExceeded(TimeExceeded<B>),
    /// Parameter problem, type 12.
    ParameterProblem(ParameterProblem<B>),
    /// Timestamp request, type 13.
    Timestamp(Timestamp<B>),
    /// Timestamp reply, type 14.
    TimestampReply(Timestamp<B>),
    /// Information request, type 15.
    InformationRequest(Echo<B>),
    /// Information reply, type 16.
    InformationReply(Echo<B>),
    /// Address mask request, type 17.
    AddressMaskRequest(AddressMask<B>),
    /// Address mask reply, type 18.
    AddressMaskReply(AddressMask<B>),
    /// Traceroute, type 30 (RFC 1393, historic).
    Traceroute(Traceroute<B>),
    /// Domain name request, type 37 (RFC 1788, historic).
    DomainNameRequest(DomainNameRequest<B>),
    /// Domain name reply, type 38 (RFC 1788, historic).
    DomainNameReply(DomainNameReply<B>),
    /// Photuris security failure, type 40 (RFC 2521).
    Photuris(Photuris<B>),
    /// Extended echo request (PROBE), type 42.
    ExtendedEchoRequest(ExtendedEchoRequest<B>),
    /// Extended echo reply, type 43.
    ExtendedEchoReply(ExtendedEchoReply<B>),
    /// Any other type: type, code, checksum, the 4 bytes after it and the rest, as received.
    Other(Raw<B>),
}

/// Whether type `ty` has a typed view (every other type parses as [`Message::Other`]).
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
pub(crate) const fn has_view(ty: u8) -> bool {
    matches!(ty, 0 | 3..=5 | 8..=18 | 30 | 37 | 38 | 40 | 42 | 43)
}

impl<B: ByteSlice> seal::Dispatch for Message<B> {
    #[inline]
    fn parts(&self) -> Parts<'_> {
        match self {
            Message::EchoReply(v)
            | Message::EchoRequest(v)
            | Message::InformationRequest(v)
            | Message::InformationReply(v) => v.parts(),
            Message::DestinationUnreachable(v) => v.parts(),
            Message::SourceQuench(v) => v.parts(),
            Message::Redirect(v) => v.parts(),
            Message::RouterAdvertisement(v) => v.parts(),
            Message::RouterSolicitation(v) => v.parts(),
            Message::TimeExceeded(v) => v.parts(),
            Message::ParameterProblem(v) => v.parts(),
            Message::Timestamp(v) | Message::TimestampReply(v) => v.parts(),
            Message::AddressMaskRequest(v) | Message::AddressMaskReply(v) => v.parts(),
            Message::Traceroute(v) => v.parts(),
            Message::DomainNameRequest(v) => v.parts(),
            Message::DomainNameReply(v) => v.parts(),
            Message::Photuris(v) => v.parts(),
            Message::ExtendedEchoRequest(v) => v.parts(),
            Message::ExtendedEchoReply(v) => v.parts(),
            Message::Other(v) => v.parts(),
        }
    }
}

impl<B: ByteSlice> AnyMessage for Message<B> {
    type Version = V4;

    #[inline]
    fn quote(&self) -> Option<Quote<'_>> {
        match self {
            Message::DestinationUnreachable(v) => Some(v.quote()),
            Message::SourceQuench(v) => Some(v.quote()),
            Message::Redirect(v) => Some(v.quote()),
            Message::TimeExceeded(v) => Some(v.quote()),
            Message::ParameterProblem(v) => Some(v.quote()),
            Message::Photuris(v) => Some(v.quote()),
            _ => None,
        }
    }

    #[inline]
    fn extensions(&self) -> Option<Extensions<'_>> {
        match self {
            Message::DestinationUnreachable(v) => v.extensions(),
            Message::TimeExceeded(v) => v.extensions(),
            Message::ParameterProblem(v) => v.extensions(),
            Message::ExtendedEchoRequest(v) => v.extensions().ok(),
            Message::ExtendedEchoReply(v) => v.extensions().ok(),
            _ => None,
        }
    }
}

impl<B: SplitByteSlice> Message<B> {
    /// Reads any ICMPv4 message as the view of its type, then checks its RFC 1071 checksum
    /// (the structure's errors come first; see Errors).
    ///
    /// ```
    /// use icmpwire::ParseError;
    /// use icmpwire::v4::Message;
    ///
    /// let bad = [8u8, 0, 0, 0, 0, 1, 0, 1];
    /// assert_eq!(
    ///     Message::parse(&bad[..]).unwrap_err(),
    ///     ParseError::BadChecksum { found: 0, expected: 0xF7FD }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] when fewer than 8 bytes (or the fixed part of the type) are
    /// present, the structural errors of the type (router advertisements:
    /// [`ParseError::AddrEntrySize`]), then [`ParseError::BadChecksum`]: a message that is both
    /// cut short and corrupted reports the cut.
    #[inline(always)]
    pub fn parse(bytes: B) -> Result<Self, ParseError> {
        // parse_unverified called here, not through `verified`: see view::verified.
        Self::parse_unverified(super::verified(bytes, Self::parse_unverified)?)
    }

    /// Reads any ICMPv4 message without verifying the checksum (capture tools show messages
    /// with bad checksums; `verify_checksum` on the view still tells).
    ///
    /// ```
    /// use icmpwire::v4::Message;
    ///
    /// let bad = [8u8, 0, 0, 0, 0, 1, 0, 1];
    /// let msg = Message::parse_unverified(&bad[..]).unwrap();
    /// assert!(matches!(msg, Message::EchoRequest(_)));
    /// assert!(!msg.verify_checksum());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] and the structural errors of the type.
    #[inline(always)]
    pub fn parse_unverified(bytes: B) -> Result<Self, ParseError> {
        // Every ICMPv4 message has the 8 bytes of RFC 792's header, and every view's minimum
        // (`Fields::MIN_LEN`) is 8: one test here makes each arm's own test of it redundant,
        // so that most arms below cannot fail.
        let len = bytes.len();
        if len < 8 {
            return Err(ParseError::Truncated {
                part: Part::Header,
                required: 8,
                actual: len,
            });
        }
        let ty = bytes.first().copied().unwrap_or(0);
        Ok(match ty {
            0 => Message::EchoReply(Echo::parse_unverified(bytes)?),
            3 => Message::DestinationUnreachable(DestinationUnreachable::parse_unverified(bytes)?),
            4 => Message::SourceQuench(SourceQuench::parse_unverified(bytes)?),
            5 => Message::Redirect(Redirect::parse_unverified(bytes)?),
            8 => Message::EchoRequest(Echo::parse_unverified(bytes)?),
            9 => Message::RouterAdvertisement(RouterAdvertisement::parse_unverified(bytes)?),
            10 => Message::RouterSolicitation(RouterSolicitation::parse_unverified(bytes)?),
            11 => Message::TimeExceeded(TimeExceeded::parse_unverified(bytes)?),
            12 => Message::ParameterProblem(ParameterProblem::parse_unverified(bytes)?),
            13 => Message::Timestamp(Timestamp::parse_unverified(bytes)?),
            14 => Message::TimestampReply(Timestamp::parse_unverified(bytes)?),
            15 => Message::InformationRequest(Echo::parse_unverified(bytes)?),
            16 => Message::InformationReply(Echo::parse_unverified(bytes)?),
            17 => Message::AddressMaskRequest(AddressMask::parse_unverified(bytes)?),
            18 => Message::AddressMaskReply(AddressMask::parse_unverified(bytes)?),
            30 => Message::Traceroute(Traceroute::parse_unverified(bytes)?),
            37 => Message::DomainNameRequest(DomainNameRequest::parse_unverified(bytes)?),
            38 => Message::DomainNameReply(DomainNameReply::parse_unverified(bytes)?),
            40 => Message::Photuris(Photuris::parse_unverified(bytes)?),
            42 => Message::ExtendedEchoRequest(ExtendedEchoRequest::parse_unverified(bytes)?),
            43 => Message::ExtendedEchoReply(ExtendedEchoReply::parse_unverified(bytes)?),
            _ => Message::Other(Raw::parse_unverified(bytes)?),
        })
    }
}

impl<B: ByteSlice> core::fmt::Debug for Message<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        core::fmt::Debug::fmt(&self.parts(), f)
    }
}

impl<B: ByteSlice> Message<B> {
    /// The checksum the message needs (computed with the field taken as zero).
    ///
    /// ```
    /// use icmpwire::v4::Message;
    ///
    /// let bytes = [0u8, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(Message::parse_unverified(&bytes[..]).unwrap().computed_checksum(), 0xFFFF);
    /// ```
    #[must_use]
    pub fn computed_checksum(&self) -> u16 {
        let v = self.parts();
        v.needed_checksum(v.sum_from(0), true)
    }

    /// Whether the RFC 1071 checksum verifies.
    ///
    /// ```
    /// use icmpwire::v4::Message;
    ///
    /// let bytes = [0u8, 0, 0, 0, 0, 0, 0, 0]; // what Linux sends for an all-zero reply
    /// assert!(!Message::parse_unverified(&bytes[..]).unwrap().verify_checksum());
    /// ```
    #[must_use]
    pub fn verify_checksum(&self) -> bool {
        self.parts().sum_from(0) == 0xFFFF
    }

    /// The owned description of this message. [`Repr::emit`] writes it back as every byte of
    /// this message but the checksum field, which holds
    /// [`computed_checksum`](Self::computed_checksum): the same as received when that
    /// verified, except that a received `0xFFFF` over bytes that sum to `-0` is written
    /// `0x0000`, the other zero, which RFC 1071 computes (see
    /// [the two zeros](crate::checksum#the-two-zeros-what-verifies-what-is-written)).
    ///
    /// ```
    /// use icmpwire::v4::Message;
    ///
    /// let bytes = [8u8, 0, 0xF6, 0xFC, 0, 1, 0, 1, 1, 1];
    /// let msg = Message::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// let mut out = [0u8; 10];
    /// repr.emit(&mut out).unwrap();
    /// assert_eq!(out, bytes);
    ///
    /// // 0x0800 + 0xa18c + 0x8b72 + 0xcb00 = 0x1fffe, folded 0xffff (-0): the field verifies as
    /// // 0xFFFF, and is written as 0x0000.
    /// let bytes = [8u8, 0, 0xFF, 0xFF, 0xa1, 0x8c, 0x8b, 0x72, 0xcb];
    /// let msg = Message::parse(&bytes[..]).unwrap();
    /// let mut out = [0u8; 9];
    /// msg.to_repr().emit(&mut out).unwrap();
    /// assert_eq!(out, [8, 0, 0, 0, 0xa1, 0x8c, 0x8b, 0x72, 0xcb]);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> Repr<'_> {
        match self {
            Message::EchoReply(v) => Repr::EchoReply(v.to_repr()),
            Message::EchoRequest(v) => Repr::EchoRequest(v.to_repr()),
            Message::InformationRequest(v) => Repr::InformationRequest(v.to_repr()),
            Message::InformationReply(v) => Repr::InformationReply(v.to_repr()),
            Message::DestinationUnreachable(v) => Repr::DestinationUnreachable(v.to_repr()),
            Message::SourceQuench(v) => Repr::SourceQuench(v.to_repr()),
            Message::Redirect(v) => Repr::Redirect(v.to_repr()),
            Message::RouterAdvertisement(v) => Repr::RouterAdvertisement(v.to_repr()),
            Message::RouterSolicitation(v) => Repr::RouterSolicitation(v.to_repr()),
            Message::TimeExceeded(v) => Repr::TimeExceeded(v.to_repr()),
            Message::ParameterProblem(v) => Repr::ParameterProblem(v.to_repr()),
            Message::Timestamp(v) => Repr::Timestamp(v.to_repr()),
            Message::TimestampReply(v) => Repr::TimestampReply(v.to_repr()),
            Message::AddressMaskRequest(v) => Repr::AddressMaskRequest(v.to_repr()),
            Message::AddressMaskReply(v) => Repr::AddressMaskReply(v.to_repr()),
            Message::Traceroute(v) => Repr::Traceroute(v.to_repr()),
            Message::DomainNameRequest(v) => Repr::DomainNameRequest(v.to_repr()),
            Message::DomainNameReply(v) => Repr::DomainNameReply(v.to_repr()),
            Message::Photuris(v) => Repr::Photuris(v.to_repr()),
            Message::ExtendedEchoRequest(v) => Repr::ExtendedEchoRequest(v.to_repr()),
            Message::ExtendedEchoReply(v) => Repr::ExtendedEchoReply(v.to_repr()),
            Message::Other(v) => Repr::Other(v.to_repr()),
        }
    }
}

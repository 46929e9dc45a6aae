//! Typed views over every ICMPv4 message, and [`Message`], the enum a parser returns.
//!
//! A view borrows the caller's bytes (`B` is `&[u8]` to read, `&mut [u8]` to write in place):
//! a zerocopy header over the fixed part of the message and the payload after it. Nothing is
//! copied. Every view has `parse` (checks length, type, and the RFC 1071 checksum) and
//! `parse_unverified` (the same without the checksum, for capture tools and fuzzers), the
//! accessors of its fields in host order, setters that keep the checksum valid (RFC 1624
//! incremental update) when `B` is mutable, and `to_repr` for the owned description a builder
//! emits.
//!
//! | types | view | RFC |
//! |---|---|---|
//! | 0, 8, 15, 16 | [`Echo`] | RFC 792 |
//! | 3 | [`DestinationUnreachable`] | RFC 792, 1122, 1191, 1812, 4884 |
//! | 4 | [`SourceQuench`] | RFC 792 (deprecated by RFC 6633) |
//! | 5 | [`Redirect`] | RFC 792 |
//! | 9, 10 | [`RouterAdvertisement`] (with [`AgentExtensions`]), [`RouterSolicitation`] | RFC 1256, 5944 |
//! | 11 | [`TimeExceeded`] | RFC 792, 4884 |
//! | 12 | [`ParameterProblem`] | RFC 792, 1108, 4884 |
//! | 13, 14 | [`Timestamp`] | RFC 792 |
//! | 17, 18 | [`AddressMask`] | RFC 950 |
//! | 30 | [`Traceroute`] | RFC 1393 (historic) |
//! | 40 | [`Photuris`] | RFC 2521 (experimental) |
//! | 42, 43 | [`ExtendedEchoRequest`], [`ExtendedEchoReply`] | RFC 8335 |
//! | any other | [`Raw`] | RFC 792 (the common header) |

mod echo;
mod errors;
mod extended_echo;
mod mobility;
mod raw;
mod redirect;
mod router;
mod timestamp;
mod traceroute;

pub use echo::{AddressMask, AddressMaskRepr, Echo, EchoRepr};
pub use errors::{
    DestinationUnreachable, DestinationUnreachableRepr, ParameterProblem, ParameterProblemRepr,
    Photuris, PhoturisRepr, SourceQuench, SourceQuenchRepr, TimeExceeded, TimeExceededRepr,
};
pub use extended_echo::{
    ExtendedEchoReply, ExtendedEchoReplyRepr, ExtendedEchoRequest, ExtendedEchoRequestRepr,
};
pub use mobility::{
    AgentExtension, AgentExtensionRepr, AgentExtensions, CareOfAddresses,
    MobilityAgentAdvertisement, agent_extensions_len, write_agent_extensions,
};
pub use raw::{Raw, RawRepr};
pub use redirect::{Redirect, RedirectRepr};
pub use router::{
    RouterAdvertisement, RouterAdvertisementRepr, RouterEntries, RouterEntriesRepr, RouterEntry,
    RouterSolicitation, RouterSolicitationRepr,
};
pub use timestamp::{Timestamp, TimestampRepr};
pub use traceroute::{Traceroute, TracerouteRepr};

use zerocopy::{ByteSlice, SplitByteSlice};

use crate::emit::Repr;
use crate::error::{ParseError, Part};
use crate::extension::Extensions;
use crate::quote::Quote;

/// `parse` and `parse_unverified` for a view over `$header` accepting the types `$types`;
/// the view's `from_view` adds its own structural checks.
macro_rules! view_parse {
    ($view:ident, $header:ty, [$($ty:literal),+], $example:literal) => {
        impl<B: zerocopy::SplitByteSlice> $view<B> {
            /// Reads `bytes` as this message: checks the length, the type and the RFC 1071
            /// checksum, then the fields this type constrains.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert!(msg.verify_checksum());
            /// ```
            ///
            /// # Errors
            ///
            /// What `parse_unverified` returns ([`ParseError::Truncated`](crate::ParseError::Truncated)
            /// if the fixed part is cut short, [`ParseError::WrongType`](crate::ParseError::WrongType)
            /// for another message type, the structural errors of the type), then
            /// [`ParseError::BadChecksum`](crate::ParseError::BadChecksum).
            #[inline]
            pub fn parse(bytes: B) -> Result<Self, $crate::ParseError> {
                let sum = $crate::checksum::ones_complement_sum(&bytes);
                let msg = Self::parse_unverified(bytes)?;
                if sum == 0xFFFF { Ok(msg) } else { Err(msg.bad_checksum(sum)) }
            }

            /// Reads `bytes` as this message without verifying the checksum (the field is kept
            /// as received: see `verify_checksum`).
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            /// bytes[2] ^= 0xFF; // break the checksum
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse_unverified(&bytes[..]).unwrap();")]
            /// assert!(!msg.verify_checksum());
            /// ```
            ///
            /// # Errors
            ///
            /// [`ParseError::Truncated`](crate::ParseError::Truncated),
            /// [`ParseError::WrongType`](crate::ParseError::WrongType), and the structural errors
            /// of this type.
            #[inline]
            pub fn parse_unverified(bytes: B) -> Result<Self, $crate::ParseError> {
                Self::check_shape(&bytes)?;
                Self::from_view($crate::view::View::<B, $header>::new(bytes)?)
            }

            /// Length and type, checked before anything else is read.
            #[inline]
            fn check_shape(bytes: &[u8]) -> Result<(), $crate::ParseError> {
                let required = core::mem::size_of::<$header>();
                let part = if bytes.len() < 8 { $crate::Part::Header } else { <$header as $crate::view::WireHeader>::PART };
                let required = if bytes.len() < 8 { 8 } else { required };
                match bytes.first() {
                    _ if bytes.len() < required => Err($crate::ParseError::Truncated { part, required, actual: bytes.len() }),
                    Some(&t) if !matches!(t, $($ty)|+) => {
                        let expected = [$($ty),+][0];
                        Err($crate::ParseError::WrongType { expected, found: t })
                    }
                    _ => Ok(()),
                }
            }
        }
    };
}
pub(crate) use view_parse;

/// Any ICMPv4 message, as its typed view. Returned by [`Message::parse`].
///
/// Types and codes this crate has no view for are kept in [`Message::Other`] with all their
/// bytes, never dropped; unknown codes of known types are kept in their view.
///
/// ```
/// use icmpwire::Message;
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
    matches!(ty, 0 | 3..=5 | 8..=18 | 30 | 40 | 42 | 43)
}

/// Forwards a method to whichever view the message holds.
macro_rules! each_view {
    ($msg:expr, $v:ident => $e:expr) => {
        match $msg {
            Message::EchoReply($v)
            | Message::EchoRequest($v)
            | Message::InformationRequest($v)
            | Message::InformationReply($v) => $e,
            Message::DestinationUnreachable($v) => $e,
            Message::SourceQuench($v) => $e,
            Message::Redirect($v) => $e,
            Message::RouterAdvertisement($v) => $e,
            Message::RouterSolicitation($v) => $e,
            Message::TimeExceeded($v) => $e,
            Message::ParameterProblem($v) => $e,
            Message::Timestamp($v) | Message::TimestampReply($v) => $e,
            Message::AddressMaskRequest($v) | Message::AddressMaskReply($v) => $e,
            Message::Traceroute($v) => $e,
            Message::Photuris($v) => $e,
            Message::ExtendedEchoRequest($v) => $e,
            Message::ExtendedEchoReply($v) => $e,
            Message::Other($v) => $e,
        }
    };
}

impl<B: SplitByteSlice> Message<B> {
    /// Reads any ICMPv4 message: verifies the RFC 1071 checksum, then reads it as the view of
    /// its type.
    ///
    /// ```
    /// use icmpwire::{Message, ParseError};
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
    #[inline]
    pub fn parse(bytes: B) -> Result<Self, ParseError> {
        let sum = crate::checksum::ones_complement_sum(&bytes);
        let msg = Self::parse_unverified(bytes)?;
        if sum == 0xFFFF {
            Ok(msg)
        } else {
            Err(each_view!(&msg, v => v.bad_checksum(sum)))
        }
    }

    /// Reads any ICMPv4 message without verifying the checksum (capture tools show messages
    /// with bad checksums; `verify_checksum` on the view still tells).
    ///
    /// ```
    /// use icmpwire::Message;
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
        let Some(&ty) = bytes.first() else {
            return Err(ParseError::Truncated {
                part: Part::Header,
                required: 8,
                actual: 0,
            });
        };
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
            40 => Message::Photuris(Photuris::parse_unverified(bytes)?),
            42 => Message::ExtendedEchoRequest(ExtendedEchoRequest::parse_unverified(bytes)?),
            43 => Message::ExtendedEchoReply(ExtendedEchoReply::parse_unverified(bytes)?),
            _ => Message::Other(Raw::parse_unverified(bytes)?),
        })
    }
}

impl<B: ByteSlice> core::fmt::Debug for Message<B> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        each_view!(self, v => core::fmt::Debug::fmt(v, f))
    }
}

impl<B: ByteSlice> Message<B> {
    /// The message type.
    ///
    /// ```
    /// use icmpwire::{Message, MessageType};
    ///
    /// let bytes = [0u8, 0, 0xFF, 0xFF, 0, 0, 0, 0];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().message_type(), MessageType::ECHO_REPLY);
    /// ```
    #[must_use]
    pub fn message_type(&self) -> crate::MessageType {
        each_view!(self, v => v.message_type())
    }

    /// The code byte.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [0u8, 5, 0xFF, 0xFA, 0, 0, 0, 0];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().code_u8(), 5);
    /// ```
    #[must_use]
    pub fn code_u8(&self) -> u8 {
        each_view!(self, v => v.code_u8())
    }

    /// The checksum field, host order.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [0u8, 0, 0xFF, 0xFF, 0, 0, 0, 0];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().checksum(), 0xFFFF);
    /// ```
    #[must_use]
    pub fn checksum(&self) -> u16 {
        each_view!(self, v => v.checksum())
    }

    /// The checksum the message needs (computed with the field taken as zero).
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [0u8, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(Message::parse_unverified(&bytes[..]).unwrap().computed_checksum(), 0xFFFF);
    /// ```
    #[must_use]
    pub fn computed_checksum(&self) -> u16 {
        each_view!(self, v => v.computed_checksum())
    }

    /// Whether the RFC 1071 checksum verifies.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [0u8, 0, 0, 0, 0, 0, 0, 0]; // what Linux sends for an all-zero reply
    /// assert!(!Message::parse_unverified(&bytes[..]).unwrap().verify_checksum());
    /// ```
    #[must_use]
    pub fn verify_checksum(&self) -> bool {
        each_view!(self, v => v.verify_checksum())
    }

    /// The bytes after the fixed part of the type.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [8u8, 0, 0xF6, 0xFC, 0, 1, 0, 1, 1, 1];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().payload(), &[1, 1]);
    /// ```
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        each_view!(self, v => v.payload())
    }

    /// The length of the fixed part of the type, where [`payload`](Self::payload) starts.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [17u8, 0, 0xEE, 0xFD, 0, 1, 0, 1, 0, 0, 0, 0];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().payload_offset(), 12);
    /// ```
    #[must_use]
    pub fn payload_offset(&self) -> usize {
        each_view!(self, v => v.payload_offset())
    }

    /// The length of the whole message in bytes.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [8u8, 0, 0xF6, 0xFC, 0, 1, 0, 1, 1, 1];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().message_len(), 10);
    /// ```
    #[must_use]
    pub fn message_len(&self) -> usize {
        each_view!(self, v => v.message_len())
    }

    /// The quoted datagram of a message that carries one: destination unreachable, source
    /// quench, redirect, time exceeded, parameter problem (RFC 792) and Photuris (RFC 2521);
    /// `None` for every other type. It is what traceroute and stacks match their probes on.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// // Fragmentation needed, quoting a UDP datagram from port 33434 to port 33434.
    /// let bytes = [
    ///     3, 4, 0x25, 0x1a, 0, 0, 0x03, 0xe8, 0x45, 0, 0x05, 0xdc, 0, 1, 0x40, 0, 64, 17, 0, 0,
    ///     192, 0, 2, 10, 203, 0, 113, 2, 0x82, 0x9a, 0x82, 0x9a, 0x05, 0xc8, 0, 0,
    /// ];
    /// let msg = Message::parse(&bytes[..]).unwrap();
    /// let ip = msg.quote().unwrap().ipv4().unwrap();
    /// assert_eq!(ip.ports().unwrap(), (33434, 33434));
    ///
    /// let echo = [8u8, 0, 0xF7, 0xFF, 0, 0, 0, 0];
    /// assert!(Message::parse(&echo[..]).unwrap().quote().is_none());
    /// ```
    #[must_use]
    pub fn quote(&self) -> Option<Quote<'_>> {
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

    /// The extension structure a message carries: the RFC 4884 extensions of a destination
    /// unreachable, time exceeded or parameter problem (when there are any), or the structure
    /// of an RFC 8335 extended echo request or reply (when it reads); `None` otherwise.
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// assert!(Message::parse(&bytes[..]).unwrap().extensions().is_none());
    /// ```
    #[must_use]
    pub fn extensions(&self) -> Option<Extensions<'_>> {
        match self {
            Message::DestinationUnreachable(v) => v.extensions(),
            Message::TimeExceeded(v) => v.extensions(),
            Message::ParameterProblem(v) => v.extensions(),
            Message::ExtendedEchoRequest(v) => v.extensions().ok(),
            Message::ExtendedEchoReply(v) => v.extensions().ok(),
            _ => None,
        }
    }

    /// The owned description of this message, which [`Repr::emit`] writes back byte for byte
    /// (with the checksum recomputed).
    ///
    /// ```
    /// use icmpwire::Message;
    ///
    /// let bytes = [8u8, 0, 0xF6, 0xFC, 0, 1, 0, 1, 1, 1];
    /// let msg = Message::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// let mut out = [0u8; 10];
    /// repr.emit(&mut out).unwrap();
    /// assert_eq!(out, bytes);
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
            Message::Photuris(v) => Repr::Photuris(v.to_repr()),
            Message::ExtendedEchoRequest(v) => Repr::ExtendedEchoRequest(v.to_repr()),
            Message::ExtendedEchoReply(v) => Repr::ExtendedEchoReply(v.to_repr()),
            Message::Other(v) => Repr::Other(v.to_repr()),
        }
    }
}

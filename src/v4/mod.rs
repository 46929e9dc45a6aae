//! ICMPv4 (RFC 792 and the registry after it): the type space, the checksum rule, typed views
//! of every message, [`Message`] (what a parser returns) and [`Repr`] (what a builder writes).
//!
//! A view borrows the caller's bytes (`B` is `&[u8]` to read, `&mut [u8]` to write in place);
//! every view is a [`View<V4, B, F>`](View) whose shared methods (type, code, checksum,
//! payload...) are documented there, and adds the accessors of its own fields. ICMPv4's
//! checksum covers the message alone (RFC 792), so the views have [`parse`](View::parse)
//! (length, type, the RFC 1071 checksum, then the fields the type constrains),
//! [`verify_checksum`](View::verify_checksum), [`computed_checksum`](View::computed_checksum)
//! and [`update_checksum`](View::update_checksum) without arguments.
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
//! | 37, 38 | [`DomainNameRequest`], [`DomainNameReply`] (with [`DomainNames`]) | RFC 1788 (historic) |
//! | 40 | [`Photuris`] | RFC 2521 (experimental) |
//! | 42, 43 | [`ExtendedEchoRequest`], [`ExtendedEchoReply`] | RFC 8335 |
//! | any other | [`Raw`] | RFC 792 (the common header) |
//!
//! The options of an IPv4 header (RFC 791 section 3.1), an error's quoted one or a packet's
//! own, are read with [`Ipv4Options`] and written with [`write_ipv4_options`].
//!
//! ```
//! use icmpwire::EchoRepr;
//! use icmpwire::v4::{Message, Repr};
//!
//! let mut buf = [0u8; 64];
//! let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 1, data: b"ping", ..EchoRepr::default() });
//! let len = repr.emit(&mut buf).unwrap();
//! match Message::parse(&buf[..len]).unwrap() {
//!     Message::EchoRequest(echo) => assert_eq!(echo.identifier(), 0x1234),
//!     other => panic!("{other:?}"),
//! }
//! ```

mod address_mask;
mod display;
mod domain_name;
mod errors;
mod message;
mod mobility;
mod options;
mod options_emit;
mod redirect;
mod repr;
mod router;
mod timestamp;
mod traceroute;

pub use crate::message::any::AnyMessage;
pub use crate::types::v4::{
    ExtendedEchoReplyCode, Ipv4OptionType, MessageType, ParameterProblemCode, PhoturisCode,
    RedirectCode, RouterAdvertisementCode, TimeExceededCode, TracerouteCode, UnreachableCode,
    code_name,
};
pub use address_mask::{AddressMask, AddressMaskRepr, Mask};
pub use domain_name::{
    DomainName, DomainNameReply, DomainNameReplyRepr, DomainNameRequest, DomainNameRequestRepr,
    DomainNames, Labels, NameReply, NameRequest,
};
pub use errors::{
    DestinationUnreachable, DestinationUnreachableRepr, ParameterProblem, ParameterProblemRepr,
    Photuris, PhoturisFields, PhoturisRepr, SourceQuench, SourceQuenchFields, SourceQuenchRepr,
    TimeExceeded, TimeExceededRepr,
};
pub use message::Message;
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
pub(crate) use message::has_view;
pub use mobility::{
    AgentExtension, AgentExtensionRepr, AgentExtensions, CareOfAddresses,
    MobilityAgentAdvertisement, agent_extensions_len, write_agent_extensions,
};
pub use options::{
    Ipv4Addresses, Ipv4Option, Ipv4Options, RouteOption, TimestampEntries, TimestampOption,
};
pub use options_emit::{Ipv4OptionRepr, ipv4_options_len, write_ipv4_options};
pub use redirect::{Redirect, RedirectFields, RedirectRepr};
pub use repr::Repr;
pub use router::{
    RouterAdvertisement, RouterAdvertisementFields, RouterAdvertisementRepr, RouterEntries,
    RouterEntriesRepr, RouterEntry, RouterSolicitation, RouterSolicitationFields,
    RouterSolicitationRepr,
};
pub use timestamp::{Timestamp, TimestampRepr, Timestamps};
pub use traceroute::{Traceroute, TracerouteFields, TracerouteRepr};

use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::checksum;
use crate::error::{ParseError, Part};
use crate::message::echo::EchoFields;
use crate::message::extended_echo::{ExtendedEchoFields, Reply, Request};
use crate::message::raw::RawFields;
pub use crate::view::V4;
use crate::view::{self, Fields, View};

/// An echo request or reply, or an information request or reply (RFC 792): identifier,
/// sequence number, data.
///
/// ```
/// use icmpwire::v4::Echo;
///
/// // Echo request, identifier 0x1234, sequence 7, data "hi".
/// let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
/// let echo = Echo::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.identifier(), 0x1234);
/// assert_eq!(echo.sequence(), 7);
/// assert_eq!(echo.data(), b"hi");
/// ```
pub type Echo<B> = View<V4, B, EchoFields>;

impl Fields<V4> for EchoFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[8, 0, 15, 16];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Echo";
}

/// An extended echo request (type 42, RFC 8335).
///
/// ```
/// use icmpwire::v4::ExtendedEchoRequest;
///
/// // Probe ifIndex 1, L bit set, identifier 0x1234, sequence 1.
/// let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
/// let probe = ExtendedEchoRequest::parse(&bytes[..]).unwrap();
/// assert!(probe.local());
/// assert_eq!(probe.extensions().unwrap().objects().count(), 1);
/// ```
pub type ExtendedEchoRequest<B> = View<V4, B, ExtendedEchoFields<Request>>;

impl Fields<V4> for ExtendedEchoFields<Request> {
    type Code = u8;
    const TYPES: &'static [u8] = &[42];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ExtendedEchoRequest";
}

/// An extended echo reply (type 43, RFC 8335).
///
/// ```
/// use icmpwire::v4::{ExtendedEchoReply, ExtendedEchoReplyCode};
///
/// // No error, interface active with IPv4 and IPv6 running (A, 4 and 6 bits).
/// let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
/// let reply = ExtendedEchoReply::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.code(), ExtendedEchoReplyCode::NO_ERROR);
/// assert!(reply.active() && reply.ipv4() && reply.ipv6());
/// ```
pub type ExtendedEchoReply<B> = View<V4, B, ExtendedEchoFields<Reply>>;

impl Fields<V4> for ExtendedEchoFields<Reply> {
    type Code = ExtendedEchoReplyCode;
    const TYPES: &'static [u8] = &[43];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ExtendedEchoReply";
}

/// Any ICMPv4 message by its common header: type, code, checksum, the 4 bytes after it, and
/// the rest. [`Message::Other`] holds the types without a typed view (alternate host address,
/// the RFC 1788 domain name messages, the experiments, unassigned values...).
///
/// ```
/// use icmpwire::v4::{MessageType, Raw};
///
/// // An RFC 4727 experiment (type 253), code 1.
/// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
/// let raw = Raw::parse(&bytes[..]).unwrap();
/// assert_eq!(raw.message_type(), MessageType(253));
/// assert_eq!(raw.rest_of_header(), [0, 0, 0, 4]);
/// ```
pub type Raw<B> = View<V4, B, RawFields>;

impl Fields<V4> for RawFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Raw";
}

/// Any ICMPv4 message as type, code, rest of header and body, to emit with
/// [`Repr::Other`].
///
/// ```
/// use icmpwire::v4::{MessageType, RawRepr};
///
/// let repr = RawRepr { message_type: MessageType(253), ..RawRepr::default() };
/// assert_eq!(repr.code, 0);
/// ```
pub type RawRepr<'a> = crate::message::raw::RawRepr<'a, MessageType>;

impl<B: SplitByteSlice, F: Fields<V4>> View<V4, B, F> {
    /// Reads `bytes` as this message: checks the length, the type and the RFC 1071 checksum,
    /// then the fields this type constrains.
    ///
    /// ```
    /// use icmpwire::{ParseError, v4::Echo};
    ///
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// assert!(Echo::parse(&bytes[..]).unwrap().verify_checksum());
    /// bytes[9] = b'o';
    /// assert_eq!(
    ///     Echo::parse(&bytes[..]).unwrap_err(),
    ///     ParseError::BadChecksum { found: 0x7d5b, expected: 0x7d55 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// What [`parse_unverified`](View::parse_unverified) returns, then
    /// [`ParseError::BadChecksum`]: a message that is both cut short and corrupted reports the
    /// cut.
    // Always inlined: with two callers in a program LLVM kept it out of line, the view through
    // memory (an echo view over real traffic, benches/real.rs: 6.19 us against 4.59).
    #[inline(always)]
    pub fn parse(bytes: B) -> Result<Self, ParseError> {
        let sum = checksum::sum16(&bytes);
        Self::parse_checked(bytes, sum, true)
    }
}

/// `parse` of ICMPv4's `Message`: the shared [`view::verified`] with the RFC 1071 sum of the
/// whole message (and RFC 1624's all-zero case); the bytes back when it verifies.
#[inline(always)]
fn verified<B: SplitByteSlice, T>(
    bytes: B,
    parse_unverified: impl FnOnce(B) -> Result<T, ParseError>,
) -> Result<B, ParseError> {
    let sum = checksum::sum16(&bytes);
    view::verified(bytes, sum, true, parse_unverified)
}

impl<B: ByteSlice, F: Fields<V4>> View<V4, B, F> {
    /// Whether the RFC 1071 checksum verifies (the whole message sums to `0xFFFF`).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// assert!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().verify_checksum());
    /// bytes[2] ^= 1;
    /// assert!(!icmpwire::v4::Echo::parse_unverified(&bytes[..]).unwrap().verify_checksum());
    /// ```
    #[inline]
    #[must_use]
    pub fn verify_checksum(&self) -> bool {
        self.parts().sum_from(0) == 0xFFFF
    }

    /// The checksum the message needs, computed over every byte with the field taken as zero
    /// (what an encoder writes).
    ///
    /// ```
    /// let bytes = [8u8, 0, 0, 0, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let echo = icmpwire::v4::Echo::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(echo.computed_checksum(), 0x7d5b);
    /// ```
    #[inline]
    #[must_use]
    pub fn computed_checksum(&self) -> u16 {
        let parts = self.parts();
        parts.needed_checksum(parts.sum_from(0), true)
    }
}

impl<B: ByteSliceMut, F: Fields<V4>> View<V4, B, F> {
    /// Recomputes the checksum from every byte (after writing the payload).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0, 0, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = icmpwire::v4::Echo::parse_unverified(&mut bytes[..]).unwrap();
    /// echo.update_checksum();
    /// assert!(echo.verify_checksum());
    /// assert_eq!(bytes[2..4], [0x7d, 0x5b]);
    /// ```
    #[inline]
    pub fn update_checksum(&mut self) {
        let c = self.computed_checksum();
        self.set_checksum(c);
    }
}

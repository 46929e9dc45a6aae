//! ICMPv6 (RFC 4443): the type space, the checksum rule, typed views of its core messages,
//! [`Message`] (what a parser returns) and [`Repr`] (what a builder writes), on the machinery
//! ICMPv4 uses: every view is a [`View<V6, B, F>`](View), whose shared methods are documented
//! there.
//!
//! What differs from ICMPv4 is the checksum: RFC 4443 section 2.3 has it cover the RFC 8200
//! section 8.1 pseudo-header (source and destination addresses, the message's length, next
//! header 58) as well as the message, so [`parse`](View::parse),
//! [`verify_checksum`](View::verify_checksum), [`computed_checksum`](View::computed_checksum),
//! [`update_checksum`](View::update_checksum), [`Message::parse`] and [`Repr::emit`] take the two
//! addresses (the final destination, when a routing header lists more). `parse_unverified` and
//! the setters need none: an incremental update leaves the pseudo-header's part of the sum as it
//! was. A message whose checksum was computed the ICMPv4 way, or with other addresses, does not
//! verify.
//!
//! | types | view | RFC |
//! |---|---|---|
//! | 1 | [`DestinationUnreachable`] | RFC 4443 3.1, 4884 (length in 64-bit words), 7112, 8883, 9914 |
//! | 2 | [`PacketTooBig`] | RFC 4443 3.2 |
//! | 3 | [`TimeExceeded`] | RFC 4443 3.3, 4884 |
//! | 4 | [`ParameterProblem`] | RFC 4443 3.4, 7112, 8754, 8883 |
//! | 128, 129 | [`Echo`] | RFC 4443 4.1, 4.2 |
//! | 130 | [`MulticastListenerQuery`] (MLDv1 and v2) | RFC 2710 3, 3810 5.1 |
//! | 131, 132 | [`MulticastListener`] | RFC 2710 3 |
//! | 143 | [`MulticastListenerReportV2`] | RFC 3810 5.2 |
//! | 133 | [`RouterSolicitation`] | RFC 4861 4.1 |
//! | 134 | [`RouterAdvertisement`] | RFC 4861 4.2, 4191, 5175, 6275 |
//! | 135 | [`NeighborSolicitation`] | RFC 4861 4.3 |
//! | 136 | [`NeighborAdvertisement`] | RFC 4861 4.4 |
//! | 137 | [`Redirect`] | RFC 4861 4.5 |
//! | 141, 142 | [`InverseNeighborDiscovery`] | RFC 3122 |
//! | 138 | [`RouterRenumbering`] | RFC 2894 3 |
//! | 139, 140 | [`NodeInformationQuery`], [`NodeInformationReply`] | RFC 4620 4-6 |
//! | 144, 145 | [`HomeAgentDiscovery`] | RFC 6275 6.5, 6.6 |
//! | 146, 147 | [`MobilePrefix`] | RFC 6275 6.7, 6.8 |
//! | 148, 149 | [`CertificationPathSolicitation`], [`CertificationPathAdvertisement`] | RFC 3971 6.4 |
//! | 151 | [`MulticastRouterAdvertisement`] | RFC 4286 4.1 |
//! | 154 | [`Fmip`] | RFC 5568 6.1 |
//! | 155 | [`Rpl`] | RFC 6550 6 |
//! | 157, 158 | [`DuplicateAddress`] | RFC 6775 4.4 |
//! | 160, 161 | [`ExtendedEchoRequest`], [`ExtendedEchoReply`] | RFC 8335 |
//! | any other | [`Raw`]: type, code, checksum, body (from 4 bytes) | RFC 4443 2.1 |
//!
//! Neighbor Discovery messages carry options ([`NdOptions`], read as [`NdOptionRepr`] values:
//! link-layer addresses, prefix information, MTU, RDNSS, DNSSL, route information, PREF64 and
//! the others of RFC 4861, 4191, 6275, 8106, 8781, 8910; any other type kept raw).
//!
//! Every type and code of the IANA registry has a name ([`MessageType`], [`code_name`]), so a
//! dump names the messages it sees before they have views.
//!
//! ```
//! use core::net::Ipv6Addr;
//! use icmpwire::EchoRepr;
//! use icmpwire::v6::{Message, Repr};
//!
//! let (src, dst) = ("2001:db8::1".parse::<Ipv6Addr>().unwrap(), "2001:db8::2".parse::<Ipv6Addr>().unwrap());
//! let mut buf = [0u8; 64];
//! let repr = Repr::EchoRequest(EchoRepr { identifier: 1, sequence: 1, data: &[0; 56], ..EchoRepr::default() });
//! let len = repr.emit(src, dst, &mut buf).unwrap();
//! let msg = Message::parse(&buf[..len], src, dst).unwrap();
//! assert_eq!(msg.to_string(), "ICMP6, echo request, id 1, seq 1, length 64");
//! // The same bytes do not verify between other addresses.
//! assert!(Message::parse(&buf[..len], dst, dst).is_err());
//! ```

mod display;
mod errors;
mod message;
mod mld;
mod ndp;
mod registry;
mod repr;
mod rules;

pub use crate::message::any::AnyMessage;
pub use crate::types::v4::ExtendedEchoReplyCode;
pub use crate::types::v6::{
    DuplicateAddressCode, MessageType, NodeInformationQueryCode, NodeInformationResponseCode,
    OptionType, ParameterProblemCode, RouterRenumberingCode, TimeExceededCode, UnreachableCode,
    code_name,
};
pub use errors::{
    DestinationUnreachable, DestinationUnreachableRepr, PacketTooBig, PacketTooBigFields,
    PacketTooBigRepr, ParameterProblem, ParameterProblemFields, ParameterProblemRepr, TimeExceeded,
    TimeExceededRepr, quote_packet,
};
pub use message::Message;
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
pub(crate) use message::has_view;
pub use mld::{
    Listener, MldFields, MldQueryBody, MldQueryV2, MldRecordsRepr, MldReportRepr, MldRepr,
    MulticastListener, MulticastListenerQuery, MulticastListenerReportV2, MulticastRecord,
    MulticastRecordRepr, MulticastRecords, Query, ReportFields, max_response_code, qqic,
};
pub use ndp::{
    Addresses, Advertised, DomainName, DomainNames, Inverse, InverseNeighborDiscovery,
    InverseNeighborDiscoveryRepr, NdOption, NdOptionRepr, NdOptions, NdOptionsRepr,
    NeighborAdvertisement, NeighborAdvertisementRepr, NeighborSolicitation,
    NeighborSolicitationRepr, Pref64, PrefixInformation, Redirect, RedirectRepr, ReservedFields,
    RouteInformation, RouterAdvertisement, RouterAdvertisementFields, RouterAdvertisementRepr,
    RouterSolicitation, RouterSolicitationRepr, Rs, Solicited, TargetFields, WithOptions,
};
pub use registry::{
    CertificationPathAdvertisement, CertificationPathAdvertisementFields, CertificationPathRepr,
    CertificationPathSolicitation, CertificationPathSolicitationFields, DuplicateAddress,
    DuplicateAddressFields, DuplicateAddressRepr, Haad, HomeAgentDiscovery, MobileFields,
    MobilePrefix, MobileRepr, MulticastRouterAdvertisement, MulticastRouterAdvertisementRepr,
    MulticastRouterFields, Prefix,
};
pub use registry::{
    Fmip, FmipFields, FmipRepr, MatchResult, MatchResults, NodeInformationFields,
    NodeInformationQuery, NodeInformationReply, NodeInformationRepr, NodeQuery, NodeReply,
    PrefixControl, PrefixControls, RouterRenumbering, RouterRenumberingFields,
    RouterRenumberingRepr, Rpl, RplBase, RplDao, RplDaoAck, RplDio, RplFields, RplRepr, UsePrefix,
};
pub use repr::Repr;
pub use rules::LinkRule;

use core::net::Ipv6Addr;

use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::checksum::{icmpv6_pseudo_header, sum_after};
use crate::error::{ParseError, Part};
use crate::message::echo::EchoFields;
use crate::message::extended_echo::{ExtendedEchoFields, Reply, Request};
use crate::message::raw::NoFields;
pub use crate::view::V6;
use crate::view::{self, Fields, View};

/// An echo request (128) or reply (129), RFC 4443 section 4: identifier, sequence, data.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::Echo;
///
/// // An echo request from scapy6-00019 of the oracle corpus: 3 bytes of data.
/// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
/// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
/// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
/// let echo = Echo::parse(&bytes[..], src, dst).unwrap();
/// assert_eq!((echo.identifier(), echo.sequence()), (58357, 9608));
/// assert_eq!(echo.data(), &[0xb3, 0xc9, 0x9b]);
/// ```
pub type Echo<B> = View<V6, B, EchoFields>;

impl Fields<V6> for EchoFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[128, 129];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Echo";
}

/// An extended echo request (type 160, RFC 8335): the same fields as ICMPv4's type 42.
///
/// ```
/// // Probe ifIndex 1, L bit set, identifier 0x1234, sequence 1 (checksum not verified here).
/// let bytes = [160u8, 0, 0, 0, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
/// let probe = icmpwire::v6::ExtendedEchoRequest::parse_unverified(&bytes[..]).unwrap();
/// assert!(probe.local());
/// ```
pub type ExtendedEchoRequest<B> = View<V6, B, ExtendedEchoFields<Request>>;

impl Fields<V6> for ExtendedEchoFields<Request> {
    type Code = u8;
    const TYPES: &'static [u8] = &[160];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ExtendedEchoRequest";
}

/// An extended echo reply (type 161, RFC 8335), with RFC 8335's codes.
///
/// ```
/// use icmpwire::v6::{ExtendedEchoReply, ExtendedEchoReplyCode};
///
/// let bytes = [161u8, 2, 0, 0, 0x29, 0x60, 2, 0];
/// let reply = ExtendedEchoReply::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(reply.code(), ExtendedEchoReplyCode::NO_SUCH_INTERFACE);
/// ```
pub type ExtendedEchoReply<B> = View<V6, B, ExtendedEchoFields<Reply>>;

impl Fields<V6> for ExtendedEchoFields<Reply> {
    type Code = ExtendedEchoReplyCode;
    const TYPES: &'static [u8] = &[161];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ExtendedEchoReply";
}

/// Any ICMPv6 message by its common header (type, code, checksum) and body: the types without
/// a typed view, kept byte for byte. RFC 4443 section 2.1 gives every message these 4 bytes,
/// so that is all it needs.
///
/// ```
/// use icmpwire::v6::{MessageType, Raw};
///
/// let bytes = [134u8, 0, 0, 0, 64, 0, 7, 8];
/// let raw = Raw::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(raw.message_type(), MessageType::ROUTER_ADVERTISEMENT);
/// assert_eq!(raw.body(), &[64, 0, 7, 8]);
/// ```
pub type Raw<B> = View<V6, B, NoFields>;

impl Fields<V6> for NoFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Raw";
    const MIN_LEN: usize = 4;
}

/// Any ICMPv6 message as type, code and body, to emit with [`Repr::Other`].
///
/// ```
/// use icmpwire::v6::{MessageType, RawRepr};
///
/// let repr = RawRepr { message_type: MessageType(200), ..RawRepr::default() };
/// assert!(repr.body.is_empty());
/// ```
pub type RawRepr<'a> = crate::message::raw::BodyRepr<'a, MessageType>;

impl<B: SplitByteSlice, F: Fields<V6>> View<V6, B, F> {
    /// Reads `bytes`, an ICMPv6 message from `src` to `dst`, as this message: checks the
    /// length, the type and the checksum over the pseudo-header and the message (RFC 4443
    /// section 2.3), then the fields this type constrains.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::ParseError;
    /// use icmpwire::v6::Echo;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// assert!(Echo::parse(&bytes[..], src, dst).is_ok());
    /// assert!(matches!(Echo::parse(&bytes[..], dst, Ipv6Addr::LOCALHOST), Err(ParseError::BadChecksum { .. })));
    /// ```
    ///
    /// # Errors
    ///
    /// What [`parse_unverified`](View::parse_unverified) returns, then
    /// [`ParseError::BadChecksum`].
    // Always inlined, as ICMPv4's (out of line with two callers, the view through memory).
    #[inline(always)]
    pub fn parse(bytes: B, src: Ipv6Addr, dst: Ipv6Addr) -> Result<Self, ParseError> {
        let sum = sum_after(icmpv6_pseudo_header(&src, &dst, bytes.len()), &bytes);
        Self::parse_checked(bytes, sum, false)
    }
}

/// `parse` of ICMPv6's `Message`: the shared [`view::verified`] with the sum over the
/// pseudo-header (RFC 8200 section 8.1) and the message; the bytes back when it verifies.
#[inline(always)]
fn verified<B: SplitByteSlice, T>(
    bytes: B,
    src: Ipv6Addr,
    dst: Ipv6Addr,
    parse_unverified: impl FnOnce(B) -> Result<T, ParseError>,
) -> Result<B, ParseError> {
    let sum = sum_after(icmpv6_pseudo_header(&src, &dst, bytes.len()), &bytes);
    view::verified(bytes, sum, false, parse_unverified)
}

impl<B: ByteSlice, F: Fields<V6>> View<V6, B, F> {
    /// Whether the checksum verifies for a message from `src` to `dst`: the pseudo-header and
    /// the message sum to `0xFFFF`.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let echo = icmpwire::v6::Echo::parse_unverified(&bytes[..]).unwrap();
    /// assert!(echo.verify_checksum(src, dst));
    /// assert!(!echo.verify_checksum(src, src));
    /// ```
    #[inline]
    #[must_use]
    pub fn verify_checksum(&self, src: Ipv6Addr, dst: Ipv6Addr) -> bool {
        self.parts()
            .sum_from(icmpv6_pseudo_header(&src, &dst, self.message_len()))
            == 0xFFFF
    }

    /// The checksum the message needs between `src` and `dst`, computed over the pseudo-header
    /// and every byte with the field taken as zero (what an encoder writes).
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0, 0, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let echo = icmpwire::v6::Echo::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(echo.computed_checksum(src, dst), 0x5628);
    /// ```
    #[inline]
    #[must_use]
    pub fn computed_checksum(&self, src: Ipv6Addr, dst: Ipv6Addr) -> u16 {
        let parts = self.parts();
        let sum = parts.sum_from(icmpv6_pseudo_header(&src, &dst, self.message_len()));
        parts.needed_checksum(sum, false)
    }
}

impl<B: ByteSliceMut, F: Fields<V6>> View<V6, B, F> {
    /// Recomputes the checksum for a message from `src` to `dst` (after writing the payload).
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let mut bytes = [0x80, 0, 0, 0, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let mut echo = icmpwire::v6::Echo::parse_unverified(&mut bytes[..]).unwrap();
    /// echo.update_checksum(src, dst);
    /// assert!(echo.verify_checksum(src, dst));
    /// assert_eq!(bytes[2..4], [0x56, 0x28]);
    /// ```
    #[inline]
    pub fn update_checksum(&mut self, src: Ipv6Addr, dst: Ipv6Addr) {
        let c = self.computed_checksum(src, dst);
        self.set_checksum(c);
    }
}

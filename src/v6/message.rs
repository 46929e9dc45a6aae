//! [`Message`]: any ICMPv6 message as the typed view of its type, what a parser returns.

use core::net::Ipv6Addr;

use zerocopy::{ByteSlice, SplitByteSlice};

use super::{
    CertificationPathAdvertisement, CertificationPathSolicitation, DestinationUnreachable,
    DuplicateAddress, Echo, ExtendedEchoReply, ExtendedEchoRequest, Fmip, HomeAgentDiscovery,
    InverseNeighborDiscovery, MobilePrefix, MulticastListener, MulticastListenerQuery,
    MulticastListenerReportV2, MulticastRouterAdvertisement, NeighborAdvertisement,
    NeighborSolicitation, NodeInformationQuery, NodeInformationReply, PacketTooBig,
    ParameterProblem, Raw, Redirect, Repr, RouterAdvertisement, RouterRenumbering,
    RouterSolicitation, Rpl, TimeExceeded, V6,
};
use crate::checksum::icmpv6_pseudo_header;
use crate::error::{ParseError, Part};
use crate::extension::Extensions;
use crate::message::any::AnyMessage;
use crate::message::any::seal::{self, Dispatch as _};
use crate::quote::Quote;
use crate::view::Parts;

/// Any ICMPv6 message, as its typed view. Returned by [`Message::parse`].
///
/// Types this crate has no view for (unassigned, experimental, and the few whose body is only a
/// reserved byte: 152, 153) are kept in [`Message::Other`] with all their bytes; unknown codes
/// of known types are kept in their view.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Message, UnreachableCode};
///
/// // A port unreachable with an empty quote, 2001:db8::1 -> 2001:db8::2.
/// let (src, dst): (Ipv6Addr, Ipv6Addr) = ("2001:db8::1".parse().unwrap(), "2001:db8::2".parse().unwrap());
/// let mut bytes = [1u8, 4, 0, 0, 0, 0, 0, 0];
/// let sum = icmpwire::checksum::icmpv6_checksum(src, dst, &bytes);
/// bytes[2..4].copy_from_slice(&sum.to_be_bytes());
/// match Message::parse(&bytes[..], src, dst).unwrap() {
///     Message::DestinationUnreachable(m) => assert_eq!(m.code(), UnreachableCode::PORT_UNREACHABLE),
///     other => panic!("{other:?}"),
/// }
/// ```
#[non_exhaustive]
pub enum Message<B> {
    /// Destination unreachable, type 1.
    DestinationUnreachable(DestinationUnreachable<B>),
    /// Packet too big, type 2.
    PacketTooBig(PacketTooBig<B>),
    /// Time exceeded, type 3.
    TimeExceeded(TimeExceeded<B>),
    /// Parameter problem, type 4.
    ParameterProblem(ParameterProblem<B>),
    /// Echo request, type 128.
    EchoRequest(Echo<B>),
    /// Echo reply, type 129.
    EchoReply(Echo<B>),
    /// Multicast listener query (MLDv1 or MLDv2), type 130.
    MulticastListenerQuery(MulticastListenerQuery<B>),
    /// MLDv1 multicast listener report, type 131.
    MulticastListenerReport(MulticastListener<B>),
    /// MLDv1 multicast listener done, type 132.
    MulticastListenerDone(MulticastListener<B>),
    /// MLDv2 multicast listener report, type 143.
    MulticastListenerReportV2(MulticastListenerReportV2<B>),
    /// Router solicitation, type 133.
    RouterSolicitation(RouterSolicitation<B>),
    /// Router advertisement, type 134.
    RouterAdvertisement(RouterAdvertisement<B>),
    /// Neighbor solicitation, type 135.
    NeighborSolicitation(NeighborSolicitation<B>),
    /// Neighbor advertisement, type 136.
    NeighborAdvertisement(NeighborAdvertisement<B>),
    /// Redirect, type 137.
    Redirect(Redirect<B>),
    /// Inverse neighbor discovery solicitation, type 141.
    InverseSolicitation(InverseNeighborDiscovery<B>),
    /// Inverse neighbor discovery advertisement, type 142.
    InverseAdvertisement(InverseNeighborDiscovery<B>),
    /// Router renumbering, type 138.
    RouterRenumbering(RouterRenumbering<B>),
    /// Node information query, type 139.
    NodeInformationQuery(NodeInformationQuery<B>),
    /// Node information reply, type 140.
    NodeInformationReply(NodeInformationReply<B>),
    /// Home agent address discovery request, type 144.
    HomeAgentDiscoveryRequest(HomeAgentDiscovery<B>),
    /// Home agent address discovery reply, type 145.
    HomeAgentDiscoveryReply(HomeAgentDiscovery<B>),
    /// Mobile prefix solicitation, type 146.
    MobilePrefixSolicitation(MobilePrefix<B>),
    /// Mobile prefix advertisement, type 147.
    MobilePrefixAdvertisement(MobilePrefix<B>),
    /// Certification path solicitation, type 148.
    CertificationPathSolicitation(CertificationPathSolicitation<B>),
    /// Certification path advertisement, type 149.
    CertificationPathAdvertisement(CertificationPathAdvertisement<B>),
    /// Multicast router advertisement, type 151.
    MulticastRouterAdvertisement(MulticastRouterAdvertisement<B>),
    /// FMIPv6 message, type 154.
    Fmip(Fmip<B>),
    /// RPL control message, type 155.
    Rpl(Rpl<B>),
    /// Duplicate address request, type 157.
    DuplicateAddressRequest(DuplicateAddress<B>),
    /// Duplicate address confirmation, type 158.
    DuplicateAddressConfirmation(DuplicateAddress<B>),
    /// Extended echo request (PROBE), type 160.
    ExtendedEchoRequest(ExtendedEchoRequest<B>),
    /// Extended echo reply, type 161.
    ExtendedEchoReply(ExtendedEchoReply<B>),
    /// Any other type: type, code, checksum and body, as received.
    Other(Raw<B>),
}

/// Whether type `ty` has a typed view (every other type parses as [`Message::Other`]).
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
pub(crate) const fn has_view(ty: u8) -> bool {
    matches!(ty, 1..=4 | 128..=149 | 151 | 154 | 155 | 157 | 158 | 160 | 161)
}

impl<B: ByteSlice> seal::Dispatch for Message<B> {
    #[inline]
    fn parts(&self) -> Parts<'_> {
        match self {
            Message::DestinationUnreachable(v) => v.parts(),
            Message::PacketTooBig(v) => v.parts(),
            Message::TimeExceeded(v) => v.parts(),
            Message::ParameterProblem(v) => v.parts(),
            Message::EchoRequest(v) | Message::EchoReply(v) => v.parts(),
            Message::MulticastListenerQuery(v) => v.parts(),
            Message::MulticastListenerReport(v) | Message::MulticastListenerDone(v) => v.parts(),
            Message::MulticastListenerReportV2(v) => v.parts(),
            Message::RouterSolicitation(v) => v.parts(),
            Message::RouterAdvertisement(v) => v.parts(),
            Message::NeighborSolicitation(v) => v.parts(),
            Message::NeighborAdvertisement(v) => v.parts(),
            Message::Redirect(v) => v.parts(),
            Message::InverseSolicitation(v) | Message::InverseAdvertisement(v) => v.parts(),
            Message::RouterRenumbering(v) => v.parts(),
            Message::NodeInformationQuery(v) => v.parts(),
            Message::NodeInformationReply(v) => v.parts(),
            Message::Fmip(v) => v.parts(),
            Message::Rpl(v) => v.parts(),
            Message::HomeAgentDiscoveryRequest(v) | Message::HomeAgentDiscoveryReply(v) => {
                v.parts()
            }
            Message::MobilePrefixSolicitation(v) | Message::MobilePrefixAdvertisement(v) => {
                v.parts()
            }
            Message::CertificationPathSolicitation(v) => v.parts(),
            Message::CertificationPathAdvertisement(v) => v.parts(),
            Message::MulticastRouterAdvertisement(v) => v.parts(),
            Message::DuplicateAddressRequest(v) | Message::DuplicateAddressConfirmation(v) => {
                v.parts()
            }
            Message::ExtendedEchoRequest(v) => v.parts(),
            Message::ExtendedEchoReply(v) => v.parts(),
            Message::Other(v) => v.parts(),
        }
    }
}

impl<B: ByteSlice> AnyMessage for Message<B> {
    type Version = V6;

    #[inline]
    fn quote(&self) -> Option<Quote<'_>> {
        match self {
            Message::DestinationUnreachable(v) => Some(v.quote()),
            Message::PacketTooBig(v) => Some(v.quote()),
            Message::TimeExceeded(v) => Some(v.quote()),
            Message::ParameterProblem(v) => Some(v.quote()),
            Message::Redirect(v) => v.redirected_packet().map(Quote::new),
            _ => None,
        }
    }

    #[inline]
    fn extensions(&self) -> Option<Extensions<'_>> {
        match self {
            Message::DestinationUnreachable(v) => v.extensions(),
            Message::TimeExceeded(v) => v.extensions(),
            Message::ExtendedEchoRequest(v) => v.extensions().ok(),
            Message::ExtendedEchoReply(v) => v.extensions().ok(),
            _ => None,
        }
    }
}

impl<B: SplitByteSlice> Message<B> {
    /// Reads any ICMPv6 message from `src` to `dst`: verifies the checksum over the
    /// pseudo-header and the message (RFC 4443 section 2.3), then reads it as the view of its
    /// type.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::v6::Message;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// assert!(matches!(Message::parse(&bytes[..], src, dst).unwrap(), Message::EchoRequest(_)));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] when fewer than 8 bytes (4 for a type without a view) or the
    /// fixed part of the type are present, the structural errors of the type, then
    /// [`ParseError::BadChecksum`].
    #[inline(always)]
    pub fn parse(bytes: B, src: Ipv6Addr, dst: Ipv6Addr) -> Result<Self, ParseError> {
        // parse_unverified called here, not through `verified`: see view::verified.
        Self::parse_unverified(super::verified(bytes, src, dst, Self::parse_unverified)?)
    }

    /// Reads any ICMPv6 message without verifying the checksum (which needs the addresses;
    /// `verify_checksum` tells later).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part};
    /// use icmpwire::v6::Message;
    ///
    /// let bytes = [129u8, 0, 0, 0, 0, 1, 0, 1];
    /// assert!(matches!(Message::parse_unverified(&bytes[..]).unwrap(), Message::EchoReply(_)));
    /// assert_eq!(
    ///     Message::parse_unverified(&bytes[..6]).unwrap_err(),
    ///     ParseError::Truncated { part: Part::Header, required: 8, actual: 6 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] and the structural errors of the type.
    #[inline(always)]
    pub fn parse_unverified(bytes: B) -> Result<Self, ParseError> {
        // The typed views need 8 bytes, the raw view 4: below 8 the cold path below decides,
        // with the same dispatch, so that on the common path no arm tests the 8 again.
        if bytes.len() < 8 {
            return Self::parse_short(bytes);
        }
        Self::dispatch(bytes)
    }

    /// [`parse_unverified`](Self::parse_unverified) of fewer than 8 bytes (errors, but for the
    /// raw view's 4 to 7 bytes).
    #[cold]
    #[inline(never)]
    fn parse_short(bytes: B) -> Result<Self, ParseError> {
        Self::dispatch(bytes)
    }

    /// Each type to its view.
    #[inline(always)]
    fn dispatch(bytes: B) -> Result<Self, ParseError> {
        let Some(&ty) = bytes.first() else {
            return Err(ParseError::Truncated {
                part: Part::Header,
                required: 4,
                actual: 0,
            });
        };
        Ok(match ty {
            1 => Message::DestinationUnreachable(DestinationUnreachable::parse_unverified(bytes)?),
            2 => Message::PacketTooBig(PacketTooBig::parse_unverified(bytes)?),
            3 => Message::TimeExceeded(TimeExceeded::parse_unverified(bytes)?),
            4 => Message::ParameterProblem(ParameterProblem::parse_unverified(bytes)?),
            128 => Message::EchoRequest(Echo::parse_unverified(bytes)?),
            129 => Message::EchoReply(Echo::parse_unverified(bytes)?),
            130 => {
                Message::MulticastListenerQuery(MulticastListenerQuery::parse_unverified(bytes)?)
            }
            131 => Message::MulticastListenerReport(MulticastListener::parse_unverified(bytes)?),
            132 => Message::MulticastListenerDone(MulticastListener::parse_unverified(bytes)?),
            143 => Message::MulticastListenerReportV2(MulticastListenerReportV2::parse_unverified(
                bytes,
            )?),
            133 => Message::RouterSolicitation(RouterSolicitation::parse_unverified(bytes)?),
            134 => Message::RouterAdvertisement(RouterAdvertisement::parse_unverified(bytes)?),
            135 => Message::NeighborSolicitation(NeighborSolicitation::parse_unverified(bytes)?),
            136 => Message::NeighborAdvertisement(NeighborAdvertisement::parse_unverified(bytes)?),
            137 => Message::Redirect(Redirect::parse_unverified(bytes)?),
            141 => Message::InverseSolicitation(InverseNeighborDiscovery::parse_unverified(bytes)?),
            142 => {
                Message::InverseAdvertisement(InverseNeighborDiscovery::parse_unverified(bytes)?)
            }
            138 => Message::RouterRenumbering(RouterRenumbering::parse_unverified(bytes)?),
            139 => Message::NodeInformationQuery(NodeInformationQuery::parse_unverified(bytes)?),
            140 => Message::NodeInformationReply(NodeInformationReply::parse_unverified(bytes)?),
            154 => Message::Fmip(Fmip::parse_unverified(bytes)?),
            155 => Message::Rpl(Rpl::parse_unverified(bytes)?),
            144 => Message::HomeAgentDiscoveryRequest(HomeAgentDiscovery::parse_unverified(bytes)?),
            145 => Message::HomeAgentDiscoveryReply(HomeAgentDiscovery::parse_unverified(bytes)?),
            146 => Message::MobilePrefixSolicitation(MobilePrefix::parse_unverified(bytes)?),
            147 => Message::MobilePrefixAdvertisement(MobilePrefix::parse_unverified(bytes)?),
            148 => Message::CertificationPathSolicitation(
                CertificationPathSolicitation::parse_unverified(bytes)?,
            ),
            149 => Message::CertificationPathAdvertisement(
                CertificationPathAdvertisement::parse_unverified(bytes)?,
            ),
            151 => Message::MulticastRouterAdvertisement(
                MulticastRouterAdvertisement::parse_unverified(bytes)?,
            ),
            157 => Message::DuplicateAddressRequest(DuplicateAddress::parse_unverified(bytes)?),
            158 => {
                Message::DuplicateAddressConfirmation(DuplicateAddress::parse_unverified(bytes)?)
            }
            160 => Message::ExtendedEchoRequest(ExtendedEchoRequest::parse_unverified(bytes)?),
            161 => Message::ExtendedEchoReply(ExtendedEchoReply::parse_unverified(bytes)?),
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
    /// Whether the checksum verifies for a message from `src` to `dst`.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let msg = icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap();
    /// assert!(msg.verify_checksum(src, dst) && !msg.verify_checksum(dst, dst));
    /// ```
    #[must_use]
    pub fn verify_checksum(&self, src: Ipv6Addr, dst: Ipv6Addr) -> bool {
        let parts = self.parts();
        parts.sum_from(icmpv6_pseudo_header(&src, &dst, parts.message_len())) == 0xFFFF
    }

    /// The checksum the message needs between `src` and `dst` (computed with the field taken
    /// as zero).
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0, 0, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let msg = icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(msg.computed_checksum(src, dst), 0x5628);
    /// ```
    #[must_use]
    pub fn computed_checksum(&self, src: Ipv6Addr, dst: Ipv6Addr) -> u16 {
        let parts = self.parts();
        let sum = parts.sum_from(icmpv6_pseudo_header(&src, &dst, parts.message_len()));
        parts.needed_checksum(sum, false)
    }

    /// The owned description of this message. [`Repr::emit`] writes it back as every byte of
    /// this message but the checksum field, which holds
    /// [`computed_checksum`](Self::computed_checksum) for the addresses given: the same as
    /// received when that verified, except that a received `0xFFFF` (the other zero, which
    /// verifies where everything else sums to `-0`) is written `0x0000` (see
    /// [the two zeros](crate::checksum#the-two-zeros-what-verifies-what-is-written)).
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    ///
    /// let src: Ipv6Addr = "fe80::d61b:50ff:febf:7b09".parse().unwrap();
    /// let dst: Ipv6Addr = "fe80::2548:a2ff:fe16:6d04".parse().unwrap();
    /// let bytes = [0x80, 0, 0x56, 0x28, 0xe3, 0xf5, 0x25, 0x88, 0xb3, 0xc9, 0x9b];
    /// let msg = icmpwire::v6::Message::parse(&bytes[..], src, dst).unwrap();
    /// let repr = msg.to_repr();
    /// let mut out = [0u8; 11];
    /// repr.emit(src, dst, &mut out).unwrap();
    /// assert_eq!(out, bytes);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> Repr<'_> {
        match self {
            Message::DestinationUnreachable(v) => Repr::DestinationUnreachable(v.to_repr()),
            Message::PacketTooBig(v) => Repr::PacketTooBig(v.to_repr()),
            Message::TimeExceeded(v) => Repr::TimeExceeded(v.to_repr()),
            Message::ParameterProblem(v) => Repr::ParameterProblem(v.to_repr()),
            Message::EchoRequest(v) => Repr::EchoRequest(v.to_repr()),
            Message::EchoReply(v) => Repr::EchoReply(v.to_repr()),
            Message::MulticastListenerQuery(v) => Repr::MulticastListenerQuery(v.to_repr()),
            Message::MulticastListenerReport(v) => Repr::MulticastListenerReport(v.to_repr()),
            Message::MulticastListenerDone(v) => Repr::MulticastListenerDone(v.to_repr()),
            Message::MulticastListenerReportV2(v) => Repr::MulticastListenerReportV2(v.to_repr()),
            Message::RouterSolicitation(v) => Repr::RouterSolicitation(v.to_repr()),
            Message::RouterAdvertisement(v) => Repr::RouterAdvertisement(v.to_repr()),
            Message::NeighborSolicitation(v) => Repr::NeighborSolicitation(v.to_repr()),
            Message::NeighborAdvertisement(v) => Repr::NeighborAdvertisement(v.to_repr()),
            Message::Redirect(v) => Repr::Redirect(v.to_repr()),
            Message::InverseSolicitation(v) => Repr::InverseSolicitation(v.to_repr()),
            Message::InverseAdvertisement(v) => Repr::InverseAdvertisement(v.to_repr()),
            Message::RouterRenumbering(v) => Repr::RouterRenumbering(v.to_repr()),
            Message::NodeInformationQuery(v) => Repr::NodeInformationQuery(v.to_repr()),
            Message::NodeInformationReply(v) => Repr::NodeInformationReply(v.to_repr()),
            Message::Fmip(v) => Repr::Fmip(v.to_repr()),
            Message::Rpl(v) => Repr::Rpl(v.to_repr()),
            Message::HomeAgentDiscoveryRequest(v) => Repr::HomeAgentDiscoveryRequest(v.to_repr()),
            Message::HomeAgentDiscoveryReply(v) => Repr::HomeAgentDiscoveryReply(v.to_repr()),
            Message::MobilePrefixSolicitation(v) => Repr::MobilePrefixSolicitation(v.to_repr()),
            Message::MobilePrefixAdvertisement(v) => Repr::MobilePrefixAdvertisement(v.to_repr()),
            Message::CertificationPathSolicitation(v) => {
                Repr::CertificationPathSolicitation(v.to_repr())
            }
            Message::CertificationPathAdvertisement(v) => {
                Repr::CertificationPathAdvertisement(v.to_repr())
            }
            Message::MulticastRouterAdvertisement(v) => {
                Repr::MulticastRouterAdvertisement(v.to_repr())
            }
            Message::DuplicateAddressRequest(v) => Repr::DuplicateAddressRequest(v.to_repr()),
            Message::DuplicateAddressConfirmation(v) => {
                Repr::DuplicateAddressConfirmation(v.to_repr())
            }
            Message::ExtendedEchoRequest(v) => Repr::ExtendedEchoRequest(v.to_repr()),
            Message::ExtendedEchoReply(v) => Repr::ExtendedEchoReply(v.to_repr()),
            Message::Other(v) => Repr::Other(v.to_repr()),
        }
    }
}

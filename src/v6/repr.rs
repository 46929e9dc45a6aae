//! [`Repr`]: the owned description of any ICMPv6 message, and [`Repr::emit`], which writes it
//! into a caller's buffer with the checksum over the pseudo-header.
//!
//! As on ICMPv4, `emit` checks the buffer first and writes nothing if it is too small; then
//! every byte of the message, then the checksum, computed from the values written and the
//! pseudo-header's sum, never by reading the buffer back. The checksum field holds `0x0000`
//! when that is the value (RFC 4443 section 2.3 has no "no checksum" value to avoid), never
//! `0xFFFF`. [`Message::to_repr`](super::Message::to_repr) then `emit` reproduces every byte
//! of a parsed message but the checksum field, which gets that value: a received `0xFFFF`
//! (the other zero, which verifies too) comes back as `0x0000`; see
//! [the two zeros](crate::checksum#the-two-zeros-what-verifies-what-is-written).

use core::net::Ipv6Addr;

use super::ndp::{Nd, emit_nd};
use super::registry::{NodeQueryBuild, Solicitation};
use super::{
    CertificationPathRepr, DestinationUnreachableRepr, DuplicateAddressRepr, FmipRepr,
    InverseNeighborDiscoveryRepr, MessageType, MldReportRepr, MldRepr, MobileRepr,
    MulticastRouterAdvertisementRepr, NeighborAdvertisementRepr, NeighborSolicitationRepr,
    NodeInformationRepr, PacketTooBigRepr, ParameterProblemRepr, RawRepr, RedirectRepr,
    RouterAdvertisementRepr, RouterRenumberingRepr, RouterSolicitationRepr, RplRepr,
    TimeExceededRepr,
};
use crate::checksum::icmpv6_pseudo_header;
use crate::error::EmitError;
use crate::message::echo::EchoRepr;
use crate::message::extended_echo::{ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};
use crate::write::{Build, emit_with};

/// The owned description of any ICMPv6 message: what a builder needs to write it.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::EchoRepr;
/// use icmpwire::v6::{Message, Repr};
///
/// let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST);
/// let repr = Repr::EchoReply(EchoRepr { identifier: 1, sequence: 2, data: b"abc", ..EchoRepr::default() });
/// let mut buf = [0u8; 64];
/// let n = repr.emit(src, dst, &mut buf).unwrap();
/// let msg = Message::parse(&buf[..n], src, dst).unwrap();
/// assert_eq!(msg.to_repr(), repr);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Repr<'a> {
    /// Destination unreachable, type 1.
    DestinationUnreachable(DestinationUnreachableRepr<'a>),
    /// Packet too big, type 2.
    PacketTooBig(PacketTooBigRepr<'a>),
    /// Time exceeded, type 3.
    TimeExceeded(TimeExceededRepr<'a>),
    /// Parameter problem, type 4.
    ParameterProblem(ParameterProblemRepr<'a>),
    /// Echo request, type 128.
    EchoRequest(EchoRepr<'a>),
    /// Echo reply, type 129.
    EchoReply(EchoRepr<'a>),
    /// Multicast listener query, type 130 (MLDv2 with a body).
    MulticastListenerQuery(MldRepr<'a>),
    /// MLDv1 multicast listener report, type 131.
    MulticastListenerReport(MldRepr<'a>),
    /// MLDv1 multicast listener done, type 132.
    MulticastListenerDone(MldRepr<'a>),
    /// MLDv2 multicast listener report, type 143.
    MulticastListenerReportV2(MldReportRepr<'a>),
    /// Router solicitation, type 133.
    RouterSolicitation(RouterSolicitationRepr<'a>),
    /// Router advertisement, type 134.
    RouterAdvertisement(RouterAdvertisementRepr<'a>),
    /// Neighbor solicitation, type 135.
    NeighborSolicitation(NeighborSolicitationRepr<'a>),
    /// Neighbor advertisement, type 136.
    NeighborAdvertisement(NeighborAdvertisementRepr<'a>),
    /// Redirect, type 137.
    Redirect(RedirectRepr<'a>),
    /// Inverse neighbor discovery solicitation, type 141.
    InverseSolicitation(InverseNeighborDiscoveryRepr<'a>),
    /// Inverse neighbor discovery advertisement, type 142.
    InverseAdvertisement(InverseNeighborDiscoveryRepr<'a>),
    /// Router renumbering, type 138.
    RouterRenumbering(RouterRenumberingRepr<'a>),
    /// Node information query, type 139.
    NodeInformationQuery(NodeInformationRepr<'a>),
    /// Node information reply, type 140.
    NodeInformationReply(NodeInformationRepr<'a>),
    /// FMIPv6 message, type 154.
    Fmip(FmipRepr<'a>),
    /// RPL control message, type 155.
    Rpl(RplRepr<'a>),
    /// Home agent address discovery request, type 144.
    HomeAgentDiscoveryRequest(MobileRepr<'a>),
    /// Home agent address discovery reply, type 145.
    HomeAgentDiscoveryReply(MobileRepr<'a>),
    /// Mobile prefix solicitation, type 146.
    MobilePrefixSolicitation(MobileRepr<'a>),
    /// Mobile prefix advertisement, type 147.
    MobilePrefixAdvertisement(MobileRepr<'a>),
    /// Certification path solicitation, type 148 (`all_components` and `reserved` unused).
    CertificationPathSolicitation(CertificationPathRepr<'a>),
    /// Certification path advertisement, type 149.
    CertificationPathAdvertisement(CertificationPathRepr<'a>),
    /// Multicast router advertisement, type 151.
    MulticastRouterAdvertisement(MulticastRouterAdvertisementRepr<'a>),
    /// Duplicate address request, type 157.
    DuplicateAddressRequest(DuplicateAddressRepr<'a>),
    /// Duplicate address confirmation, type 158.
    DuplicateAddressConfirmation(DuplicateAddressRepr<'a>),
    /// Extended echo request (PROBE), type 160.
    ExtendedEchoRequest(ExtendedEchoRequestRepr<'a>),
    /// Extended echo reply, type 161.
    ExtendedEchoReply(ExtendedEchoReplyRepr<'a>),
    /// Any message by type, code and body.
    Other(RawRepr<'a>),
}

impl Repr<'_> {
    /// The message type this writes.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v6::{MessageType, Repr};
    ///
    /// assert_eq!(Repr::EchoRequest(EchoRepr::default()).message_type(), MessageType::ECHO_REQUEST);
    /// ```
    #[must_use]
    #[inline]
    pub fn message_type(&self) -> MessageType {
        MessageType(match self {
            Repr::DestinationUnreachable(_) => 1,
            Repr::PacketTooBig(_) => 2,
            Repr::TimeExceeded(_) => 3,
            Repr::ParameterProblem(_) => 4,
            Repr::EchoRequest(_) => 128,
            Repr::EchoReply(_) => 129,
            Repr::MulticastListenerQuery(_) => 130,
            Repr::MulticastListenerReport(_) => 131,
            Repr::MulticastListenerDone(_) => 132,
            Repr::MulticastListenerReportV2(_) => 143,
            Repr::RouterSolicitation(_) => 133,
            Repr::RouterAdvertisement(_) => 134,
            Repr::NeighborSolicitation(_) => 135,
            Repr::NeighborAdvertisement(_) => 136,
            Repr::Redirect(_) => 137,
            Repr::InverseSolicitation(_) => 141,
            Repr::InverseAdvertisement(_) => 142,
            Repr::RouterRenumbering(_) => 138,
            Repr::NodeInformationQuery(_) => 139,
            Repr::NodeInformationReply(_) => 140,
            Repr::Fmip(_) => 154,
            Repr::Rpl(_) => 155,
            Repr::HomeAgentDiscoveryRequest(_) => 144,
            Repr::HomeAgentDiscoveryReply(_) => 145,
            Repr::MobilePrefixSolicitation(_) => 146,
            Repr::MobilePrefixAdvertisement(_) => 147,
            Repr::CertificationPathSolicitation(_) => 148,
            Repr::CertificationPathAdvertisement(_) => 149,
            Repr::MulticastRouterAdvertisement(_) => 151,
            Repr::DuplicateAddressRequest(_) => 157,
            Repr::DuplicateAddressConfirmation(_) => 158,
            Repr::ExtendedEchoRequest(_) => 160,
            Repr::ExtendedEchoReply(_) => 161,
            Repr::Other(r) => r.message_type.0,
        })
    }

    /// The number of bytes the message takes.
    ///
    /// ```
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v6::Repr;
    ///
    /// assert_eq!(Repr::EchoRequest(EchoRepr { data: &[0; 56], ..EchoRepr::default() }).buffer_len(), 64);
    /// ```
    #[must_use]
    #[inline(always)]
    pub fn buffer_len(&self) -> usize {
        match self {
            Repr::DestinationUnreachable(r) => r.buffer_len(),
            Repr::PacketTooBig(r) => r.buffer_len(),
            Repr::TimeExceeded(r) => r.buffer_len(),
            Repr::ParameterProblem(r) => r.buffer_len(),
            Repr::EchoRequest(r) | Repr::EchoReply(r) => r.buffer_len(),
            Repr::MulticastListenerQuery(r)
            | Repr::MulticastListenerReport(r)
            | Repr::MulticastListenerDone(r) => r.buffer_len(),
            Repr::MulticastListenerReportV2(r) => r.buffer_len(),
            Repr::RouterSolicitation(r) => Nd(r).buffer_len(),
            Repr::RouterAdvertisement(r) => Nd(r).buffer_len(),
            Repr::NeighborSolicitation(r) => Nd(r).buffer_len(),
            Repr::NeighborAdvertisement(r) => Nd(r).buffer_len(),
            Repr::Redirect(r) => Nd(r).buffer_len(),
            Repr::InverseSolicitation(r) | Repr::InverseAdvertisement(r) => Nd(r).buffer_len(),
            Repr::RouterRenumbering(r) => r.buffer_len(),
            Repr::NodeInformationQuery(r) | Repr::NodeInformationReply(r) => r.buffer_len(),
            Repr::Fmip(r) => r.buffer_len(),
            Repr::Rpl(r) => r.buffer_len(),
            Repr::HomeAgentDiscoveryRequest(r)
            | Repr::HomeAgentDiscoveryReply(r)
            | Repr::MobilePrefixSolicitation(r)
            | Repr::MobilePrefixAdvertisement(r) => r.buffer_len(),
            Repr::CertificationPathSolicitation(r) => Solicitation(r).buffer_len(),
            Repr::CertificationPathAdvertisement(r) => r.buffer_len(),
            Repr::MulticastRouterAdvertisement(r) => r.buffer_len(),
            Repr::DuplicateAddressRequest(r) | Repr::DuplicateAddressConfirmation(r) => {
                r.buffer_len()
            }
            Repr::ExtendedEchoRequest(r) => r.buffer_len(),
            Repr::ExtendedEchoReply(r) => r.buffer_len(),
            Repr::Other(r) => r.buffer_len(),
        }
    }

    /// Writes the message from `src` to `dst` at the start of `buf` and returns its length:
    /// every byte of it, the checksum (over the pseudo-header and the message) last. Bytes of
    /// `buf` past the message are left alone.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::EchoRepr;
    /// use icmpwire::v6::Repr;
    ///
    /// // fe80::1 -> fe80::2, echo request id 0x1234 seq 1: checksum 0x7083 (RFC 1071 by hand,
    /// // see `checksum::icmpv6_checksum`).
    /// let (src, dst) = ("fe80::1".parse::<Ipv6Addr>().unwrap(), "fe80::2".parse().unwrap());
    /// let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 1, ..EchoRepr::default() });
    /// let mut buf = [0xAAu8; 8];
    /// assert_eq!(repr.emit(src, dst, &mut buf), Ok(8));
    /// assert_eq!(buf, [0x80, 0, 0x70, 0x83, 0x12, 0x34, 0, 1]);
    /// ```
    ///
    /// # Errors
    ///
    /// Nothing is written on any error.
    ///
    /// * [`EmitError::BufferTooSmall`] when `buf` is shorter than
    ///   [`buffer_len`](Self::buffer_len);
    /// * for messages with RFC 4884 extension objects: [`EmitError::QuoteTooLong`] when the
    ///   quote passes the 255 64-bit words of the length field,
    ///   [`EmitError::ExtensionTooLong`] for an object or structure past 65535 bytes,
    ///   [`EmitError::InterfaceNameTooLong`] for an RFC 5837 name past 63 bytes;
    /// * for Neighbor Discovery messages: [`EmitError::FieldTooWide`] for a router
    ///   advertisement's preference or reserved bits or a neighbor advertisement's reserved
    ///   bits past their width; with a list of options, [`EmitError::OptionTooLong`] for an
    ///   option past 255 units of 8 bytes and [`EmitError::OptionValue`] for a value its
    ///   fields cannot hold.
    #[inline(always)]
    pub fn emit(&self, src: Ipv6Addr, dst: Ipv6Addr, buf: &mut [u8]) -> Result<usize, EmitError> {
        let ty = self.message_type().0;
        // The pseudo-header holds the length, which the builder finds once, with its checks
        // (Neighbor Discovery's in a function of its own: its option walks, inlined there,
        // would make this one too large to keep the other arms tight).
        let pseudo = |len: usize| icmpv6_pseudo_header(&src, &dst, len);
        match self {
            Repr::DestinationUnreachable(r) => emit_with(r, ty, pseudo, buf),
            Repr::PacketTooBig(r) => emit_with(r, ty, pseudo, buf),
            Repr::TimeExceeded(r) => emit_with(r, ty, pseudo, buf),
            Repr::ParameterProblem(r) => emit_with(r, ty, pseudo, buf),
            Repr::EchoRequest(r) | Repr::EchoReply(r) => emit_with(r, ty, pseudo, buf),
            Repr::MulticastListenerQuery(r)
            | Repr::MulticastListenerReport(r)
            | Repr::MulticastListenerDone(r) => emit_with(r, ty, pseudo, buf),
            Repr::MulticastListenerReportV2(r) => emit_with(r, ty, pseudo, buf),
            Repr::RouterSolicitation(r) => emit_nd(r, ty, &src, &dst, buf),
            Repr::RouterAdvertisement(r) => emit_nd(r, ty, &src, &dst, buf),
            Repr::NeighborSolicitation(r) => emit_nd(r, ty, &src, &dst, buf),
            Repr::NeighborAdvertisement(r) => emit_nd(r, ty, &src, &dst, buf),
            Repr::Redirect(r) => emit_nd(r, ty, &src, &dst, buf),
            Repr::InverseSolicitation(r) | Repr::InverseAdvertisement(r) => {
                emit_nd(r, ty, &src, &dst, buf)
            }
            Repr::RouterRenumbering(r) => emit_with(r, ty, pseudo, buf),
            Repr::NodeInformationQuery(r) => emit_with(&NodeQueryBuild(r), ty, pseudo, buf),
            Repr::NodeInformationReply(r) => emit_with(r, ty, pseudo, buf),
            Repr::Fmip(r) => emit_with(r, ty, pseudo, buf),
            Repr::Rpl(r) => emit_with(r, ty, pseudo, buf),
            Repr::HomeAgentDiscoveryRequest(r)
            | Repr::HomeAgentDiscoveryReply(r)
            | Repr::MobilePrefixSolicitation(r)
            | Repr::MobilePrefixAdvertisement(r) => emit_with(r, ty, pseudo, buf),
            Repr::CertificationPathSolicitation(r) => emit_with(&Solicitation(r), ty, pseudo, buf),
            Repr::CertificationPathAdvertisement(r) => emit_with(r, ty, pseudo, buf),
            Repr::MulticastRouterAdvertisement(r) => emit_with(r, ty, pseudo, buf),
            Repr::DuplicateAddressRequest(r) | Repr::DuplicateAddressConfirmation(r) => {
                emit_with(r, ty, pseudo, buf)
            }
            Repr::ExtendedEchoRequest(r) => emit_with(r, ty, pseudo, buf),
            Repr::ExtendedEchoReply(r) => emit_with(r, ty, pseudo, buf),
            Repr::Other(r) => emit_with(r, ty, pseudo, buf),
        }
    }
}

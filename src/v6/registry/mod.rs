//! The rest of the ICMPv6 registry that an oracle can check, each a fixed part and a body:
//!
//! | types | view | fields after the checksum | RFC |
//! |---|---|---|---|
//! | 144, 145 | [`HomeAgentDiscovery`] | Identifier, R (RFC 3963) and 15 reserved bits; the reply's home agent addresses | 6275 6.5, 6.6 |
//! | 146, 147 | [`MobilePrefix`] | Identifier, M, O and 14 reserved bits; the advertisement's options | 6275 6.7, 6.8 |
//! | 148 | [`CertificationPathSolicitation`] | Identifier, Component; options | 3971 6.4.1 |
//! | 149 | [`CertificationPathAdvertisement`] | Identifier, All Components, Component, reserved; options | 3971 6.4.2 |
//! | 151 | [`MulticastRouterAdvertisement`] | (the code is the Advertisement Interval) Query Interval, Robustness Variable | 4286 4.1 |
//! | 157, 158 | [`DuplicateAddress`] | Status, reserved, Registration Lifetime, EUI-64, Registered Address | 6775 4.4 |
//!
//!
//! In files of their own, with bodies of their own shape: router renumbering (138,
//! [`RouterRenumbering`], RFC 2894 3), node information (139, 140, [`NodeInformationQuery`],
//! [`NodeInformationReply`], RFC 4620 4-6), FMIPv6 (154, [`Fmip`], RFC 5568 6.1) and RPL (155,
//! [`Rpl`], RFC 6550 6).
//!
//! Multicast router solicitation and termination (152, 153; RFC 4286 5.1, 6.1) are their
//! type, a reserved byte and the checksum: [`Raw`](super::Raw) reads all of them.
//!
//! The options of 147, 148 and 149 are Neighbor Discovery options, read by the same
//! [`NdOptions`] walk; the builders take them as bytes.

mod fields;
mod fmip;
mod node_info;
mod renumbering;
mod rpl;

pub use fields::{
    CertificationPathAdvertisementFields, CertificationPathSolicitationFields,
    DuplicateAddressFields, Haad, MobileFields, MulticastRouterFields, Prefix,
};
pub use fmip::{Fmip, FmipFields, FmipRepr};
pub(crate) use node_info::Query as NodeQueryBuild;
pub use node_info::{
    NodeInformationFields, NodeInformationQuery, NodeInformationReply, NodeInformationRepr,
    NodeQuery, NodeReply,
};
pub use renumbering::{
    MatchResult, MatchResults, PrefixControl, PrefixControls, RouterRenumbering,
    RouterRenumberingFields, RouterRenumberingRepr, UsePrefix,
};
pub use rpl::{Rpl, RplBase, RplDao, RplDaoAck, RplDio, RplFields, RplRepr};

use core::net::Ipv6Addr;

use zerocopy::{ByteSlice, ByteSliceMut};

use super::V6;
use super::ndp::{Addresses, NdOptions, address_at};
use crate::message::build::{Body, Describe};
use crate::view::View;

/// A home agent address discovery request (144) or reply (145), RFC 6275 sections 6.5, 6.6.
///
/// ```
/// // scapy6-00412 of the oracle corpus: a reply naming one home agent.
/// let mut bytes = vec![145u8, 0, 0x49, 0x31, 0x8f, 0x8d, 0, 0];
/// bytes.extend_from_slice(&"2001:db8:77b:5fd6::975".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let reply = icmpwire::v6::HomeAgentDiscovery::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(reply.identifier(), 36749);
/// assert_eq!(reply.home_agent_addresses().len(), 1);
/// ```
pub type HomeAgentDiscovery<B> = View<V6, B, MobileFields<Haad>>;

/// A mobile prefix solicitation (146) or advertisement (147), RFC 6275 sections 6.7, 6.8.
///
/// ```
/// let bytes = [147u8, 0, 0, 0, 0x8f, 0x8d, 0x80, 0];
/// let adv = icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap();
/// assert!(adv.managed() && !adv.other());
/// ```
pub type MobilePrefix<B> = View<V6, B, MobileFields<Prefix>>;

/// A certification path solicitation (148), RFC 3971 section 6.4.1.
///
/// ```
/// let bytes = [148u8, 0, 0, 0, 0x19, 0x57, 0xff, 0xff];
/// let cps = icmpwire::v6::CertificationPathSolicitation::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((cps.identifier(), cps.component()), (6487, 65535));
/// ```
pub type CertificationPathSolicitation<B> = View<V6, B, CertificationPathSolicitationFields>;

/// A certification path advertisement (149), RFC 3971 section 6.4.2.
///
/// ```
/// let bytes = [149u8, 0, 0, 0, 0x9d, 0x2a, 0, 1, 0, 0, 0, 0];
/// let cpa = icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((cpa.identifier(), cpa.all_components(), cpa.component()), (40234, 1, 0));
/// ```
pub type CertificationPathAdvertisement<B> = View<V6, B, CertificationPathAdvertisementFields>;

/// A multicast router advertisement (151), RFC 4286 section 4.1.
///
/// ```
/// let bytes = [151u8, 20, 0, 0, 0xff, 0xff, 0, 2];
/// let mra = icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((mra.advertisement_interval(), mra.query_interval(), mra.robustness_variable()), (20, 65535, 2));
/// ```
pub type MulticastRouterAdvertisement<B> = View<V6, B, MulticastRouterFields>;

/// A duplicate address request (157) or confirmation (158), RFC 6775 section 4.4.
///
/// ```
/// let mut bytes = vec![158u8, 0, 0, 0, 2, 0, 0x12, 0xa2];
/// bytes.extend_from_slice(&[0xb6, 0xb9, 0x96, 0x0f, 0x34, 0x5c, 0xa3, 0x87]);
/// bytes.extend_from_slice(&"2001:db8:49a1:1240::1f37".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let dac = icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((dac.status(), dac.registration_lifetime()), (2, 4770));
/// assert_eq!(dac.registered_address().to_string(), "2001:db8:49a1:1240::1f37");
/// ```
pub type DuplicateAddress<B> = View<V6, B, DuplicateAddressFields>;

impl<B: ByteSlice, K> View<V6, B, MobileFields<K>>
where
    MobileFields<K>: crate::view::Fields<V6>,
{
    /// The 16 bits after the identifier as received: flags and reserved bits.
    ///
    /// ```
    /// let bytes = [144u8, 0, 0, 0, 0, 1, 0x80, 0x01];
    /// assert_eq!(icmpwire::v6::HomeAgentDiscovery::parse_unverified(&bytes[..]).unwrap().reserved(), 0x8001);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u16 {
        self.fields().word()
    }

    /// The owned description of this message (its body as bytes).
    ///
    /// ```
    /// let bytes = [146u8, 0, 0, 0, 0, 9, 0, 0];
    /// let m = icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(m.to_repr().identifier, 9);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> MobileRepr<'_> {
        MobileRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            reserved: self.reserved(),
            body: self.payload(),
        }
    }
}

impl<B: ByteSliceMut, K> View<V6, B, MobileFields<K>>
where
    MobileFields<K>: crate::view::Fields<V6>,
{
    /// Sets the 16 bits after the identifier (flags and reserved bits); the checksum follows
    /// (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [147u8, 0, 0, 0, 0, 1, 0, 0];
    /// let mut m = icmpwire::v6::MobilePrefix::parse_unverified(&mut bytes[..]).unwrap();
    /// m.set_reserved(0x4000);
    /// assert!(m.other());
    /// assert_eq!(bytes[6..8], [0x40, 0]);
    /// ```
    pub fn set_reserved(&mut self, word: u16) {
        self.modify(|f| f.set_word(word));
    }
}

impl<B: ByteSlice> View<V6, B, MobileFields<Haad>> {
    /// R: the home agent is also a mobile router (RFC 3963 section 7.1), the top bit after the
    /// identifier.
    ///
    /// ```
    /// let bytes = [144u8, 0, 0, 0, 0, 1, 0x80, 0];
    /// assert!(icmpwire::v6::HomeAgentDiscovery::parse_unverified(&bytes[..]).unwrap().mobile_router());
    /// ```
    #[must_use]
    pub fn mobile_router(&self) -> bool {
        self.reserved() & 0x8000 != 0
    }

    /// The home agent addresses of a reply (16 bytes each; a shorter tail is left out).
    ///
    /// ```
    /// let bytes = [144u8, 0, 0, 0, 0, 1, 0, 0];
    /// assert!(icmpwire::v6::HomeAgentDiscovery::parse_unverified(&bytes[..]).unwrap().home_agent_addresses().is_empty());
    /// ```
    #[must_use]
    pub fn home_agent_addresses(&self) -> Addresses<'_> {
        Addresses::from_bytes(self.payload())
    }
}

impl<B: ByteSlice> View<V6, B, MobileFields<Prefix>> {
    /// M: the home agent manages addresses by DHCPv6 (RFC 6275 section 6.8).
    ///
    /// ```
    /// let bytes = [147u8, 0, 0, 0, 0, 1, 0x80, 0];
    /// assert!(icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap().managed());
    /// ```
    #[must_use]
    pub fn managed(&self) -> bool {
        self.reserved() & 0x8000 != 0
    }

    /// O: other configuration by DHCPv6.
    ///
    /// ```
    /// let bytes = [147u8, 0, 0, 0, 0, 1, 0x40, 0];
    /// assert!(icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap().other());
    /// ```
    #[must_use]
    pub fn other(&self) -> bool {
        self.reserved() & 0x4000 != 0
    }

    /// The options of an advertisement (prefix information options, RFC 6275 section 6.8).
    ///
    /// ```
    /// let bytes = [147u8, 0, 0, 0, 0, 1, 0, 0, 5, 1, 0, 0, 0, 0, 5, 0xdc];
    /// assert_eq!(icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap().options().count(), 1);
    /// ```
    pub fn options(&self) -> NdOptions<'_> {
        NdOptions::new(self.payload(), self.payload_offset())
    }
}

impl<B: ByteSlice> View<V6, B, CertificationPathSolicitationFields> {
    /// Component: the certificate asked for, 65535 for all (RFC 3971 section 6.4.1).
    ///
    /// ```
    /// let bytes = [148u8, 0, 0, 0, 0, 1, 0, 3];
    /// assert_eq!(icmpwire::v6::CertificationPathSolicitation::parse_unverified(&bytes[..]).unwrap().component(), 3);
    /// ```
    #[must_use]
    pub fn component(&self) -> u16 {
        self.fields().component()
    }

    /// The options (trust anchors, RFC 3971 section 6.4.1).
    ///
    /// ```
    /// let bytes = [148u8, 0, 0, 0, 0, 1, 0, 3];
    /// assert_eq!(icmpwire::v6::CertificationPathSolicitation::parse_unverified(&bytes[..]).unwrap().options().count(), 0);
    /// ```
    pub fn options(&self) -> NdOptions<'_> {
        NdOptions::new(self.payload(), self.payload_offset())
    }

    /// The owned description of this solicitation (its options as bytes).
    ///
    /// ```
    /// let bytes = [148u8, 0, 0, 0, 0, 1, 0, 3];
    /// let m = icmpwire::v6::CertificationPathSolicitation::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(m.to_repr().component, 3);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> CertificationPathRepr<'_> {
        CertificationPathRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            all_components: 0,
            component: self.component(),
            reserved: 0,
            options: self.payload(),
        }
    }
}

impl<B: ByteSlice> View<V6, B, CertificationPathAdvertisementFields> {
    /// All Components: the number of certificates in the path.
    ///
    /// ```
    /// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 4, 0, 2, 0, 0];
    /// assert_eq!(icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap().all_components(), 4);
    /// ```
    #[must_use]
    pub fn all_components(&self) -> u16 {
        self.fields().all_components()
    }

    /// Component: the certificate this message carries.
    ///
    /// ```
    /// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 4, 0, 2, 0, 0];
    /// assert_eq!(icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap().component(), 2);
    /// ```
    #[must_use]
    pub fn component(&self) -> u16 {
        self.fields().component()
    }

    /// The reserved 16 bits.
    ///
    /// ```
    /// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 4, 0, 2, 0, 7];
    /// assert_eq!(icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap().reserved(), 7);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u16 {
        self.fields().reserved()
    }

    /// The options (certificates, trust anchors).
    ///
    /// ```
    /// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 4, 0, 2, 0, 0];
    /// assert_eq!(icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap().options().count(), 0);
    /// ```
    pub fn options(&self) -> NdOptions<'_> {
        NdOptions::new(self.payload(), self.payload_offset())
    }

    /// The owned description of this advertisement (its options as bytes).
    ///
    /// ```
    /// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 4, 0, 2, 0, 0];
    /// let m = icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(m.to_repr().all_components, 4);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> CertificationPathRepr<'_> {
        CertificationPathRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            all_components: self.all_components(),
            component: self.component(),
            reserved: self.reserved(),
            options: self.payload(),
        }
    }
}

impl<B: ByteSlice> View<V6, B, MulticastRouterFields> {
    /// Advertisement Interval in seconds: the code byte (RFC 4286 section 4.1).
    ///
    /// ```
    /// let bytes = [151u8, 4, 0, 0, 0, 0x7d, 0, 2];
    /// assert_eq!(icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap().advertisement_interval(), 4);
    /// ```
    #[must_use]
    pub fn advertisement_interval(&self) -> u8 {
        self.code_u8()
    }

    /// Query Interval in seconds.
    ///
    /// ```
    /// let bytes = [151u8, 4, 0, 0, 0, 0x7d, 0, 2];
    /// assert_eq!(icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap().query_interval(), 125);
    /// ```
    #[must_use]
    pub fn query_interval(&self) -> u16 {
        self.fields().query_interval()
    }

    /// Robustness Variable.
    ///
    /// ```
    /// let bytes = [151u8, 4, 0, 0, 0, 0x7d, 0, 2];
    /// assert_eq!(icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap().robustness_variable(), 2);
    /// ```
    #[must_use]
    pub fn robustness_variable(&self) -> u16 {
        self.fields().robustness()
    }

    /// The owned description of this advertisement.
    ///
    /// ```
    /// let bytes = [151u8, 4, 0, 0, 0, 0x7d, 0, 2];
    /// let m = icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(m.to_repr().query_interval, 125);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> MulticastRouterAdvertisementRepr<'_> {
        MulticastRouterAdvertisementRepr {
            advertisement_interval: self.advertisement_interval(),
            query_interval: self.query_interval(),
            robustness_variable: self.robustness_variable(),
            body: self.payload(),
        }
    }
}

impl<B: ByteSlice> View<V6, B, DuplicateAddressFields> {
    /// Status (RFC 6775 section 4.1: 0 success, 1 duplicate address, 2 neighbor cache full).
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 157;
    /// bytes[4] = 1;
    /// assert_eq!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap().status(), 1);
    /// ```
    #[must_use]
    pub fn status(&self) -> u8 {
        self.fields().status()
    }

    /// The reserved byte after the status.
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 157;
    /// bytes[5] = 9;
    /// assert_eq!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap().reserved(), 9);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u8 {
        self.fields().reserved()
    }

    /// Registration Lifetime in units of 60 seconds.
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 157;
    /// bytes[7] = 10;
    /// assert_eq!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap().registration_lifetime(), 10);
    /// ```
    #[must_use]
    pub fn registration_lifetime(&self) -> u16 {
        self.fields().lifetime()
    }

    /// The EUI-64 of the registering node (bytes 8-15; RFC 8505 calls it the ROVR).
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 157;
    /// bytes[15] = 0xaa;
    /// assert_eq!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap().eui64()[7], 0xaa);
    /// ```
    #[must_use]
    pub fn eui64(&self) -> [u8; 8] {
        self.fields().eui64()
    }

    /// The Registered Address (bytes 16-31).
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 158;
    /// bytes[31] = 1;
    /// assert_eq!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap().registered_address(), core::net::Ipv6Addr::LOCALHOST);
    /// ```
    #[must_use]
    pub fn registered_address(&self) -> Ipv6Addr {
        address_at(&self.fields().address())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let mut bytes = [0u8; 32];
    /// bytes[0] = 158;
    /// bytes[4] = 2;
    /// let m = icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(m.to_repr().status, 2);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> DuplicateAddressRepr<'_> {
        DuplicateAddressRepr {
            code: self.code_u8(),
            status: self.status(),
            reserved: self.reserved(),
            registration_lifetime: self.registration_lifetime(),
            eui64: self.eui64(),
            registered_address: self.registered_address(),
            body: self.payload(),
        }
    }
}

/// A home agent address discovery (144, 145) or mobile prefix (146, 147) message to write:
/// `reserved` is the 16 bits after the identifier (R, or M and O, and the reserved bits), `body`
/// the addresses or options as bytes.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{MobileRepr, Repr};
///
/// let repr = Repr::HomeAgentDiscoveryRequest(MobileRepr { identifier: 7, ..MobileRepr::default() });
/// let mut buf = [0u8; 8];
/// assert_eq!(repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf), Ok(8));
/// assert_eq!(buf[4..8], [0, 7, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MobileRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Identifier.
    pub identifier: u16,
    /// The 16 bits after the identifier.
    pub reserved: u16,
    /// What follows: home agent addresses (145) or options (147).
    pub body: &'a [u8],
}

/// A certification path solicitation (148) or advertisement (149) to write: the solicitation
/// has no `all_components` or `reserved` (they are not written).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{CertificationPathRepr, Repr};
///
/// let repr = Repr::CertificationPathSolicitation(CertificationPathRepr { identifier: 1, component: 0xffff, ..Default::default() });
/// assert_eq!(repr.buffer_len(), 8);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct CertificationPathRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Identifier.
    pub identifier: u16,
    /// All Components (149 only).
    pub all_components: u16,
    /// Component.
    pub component: u16,
    /// The reserved 16 bits (149 only).
    pub reserved: u16,
    /// The options, as bytes.
    pub options: &'a [u8],
}

/// A multicast router advertisement to write (151).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{MulticastRouterAdvertisementRepr, Repr};
///
/// let repr = Repr::MulticastRouterAdvertisement(MulticastRouterAdvertisementRepr { advertisement_interval: 20, query_interval: 125, robustness_variable: 2, body: &[] });
/// let mut buf = [0u8; 8];
/// repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf).unwrap();
/// assert_eq!((buf[1], &buf[4..8]), (20, &[0u8, 125, 0, 2][..]));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MulticastRouterAdvertisementRepr<'a> {
    /// Advertisement Interval (the code byte).
    pub advertisement_interval: u8,
    /// Query Interval.
    pub query_interval: u16,
    /// Robustness Variable.
    pub robustness_variable: u16,
    /// Bytes after the fixed part (none in RFC 4286).
    pub body: &'a [u8],
}

/// A duplicate address request (157) or confirmation (158) to write.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{DuplicateAddressRepr, Repr};
///
/// let repr = Repr::DuplicateAddressRequest(DuplicateAddressRepr { registration_lifetime: 60, ..Default::default() });
/// let mut buf = [0u8; 32];
/// assert_eq!(repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf), Ok(32));
/// assert_eq!(buf[6..8], [0, 60]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DuplicateAddressRepr<'a> {
    /// The code (RFC 8505's Code Prefix and Suffix; 0 for RFC 6775).
    pub code: u8,
    /// Status.
    pub status: u8,
    /// The reserved byte.
    pub reserved: u8,
    /// Registration Lifetime (units of 60 s).
    pub registration_lifetime: u16,
    /// EUI-64.
    pub eui64: [u8; 8],
    /// Registered Address.
    pub registered_address: Ipv6Addr,
    /// Bytes after the fixed part (none in RFC 6775).
    pub body: &'a [u8],
}

impl Default for DuplicateAddressRepr<'_> {
    fn default() -> Self {
        DuplicateAddressRepr {
            code: 0,
            status: 0,
            reserved: 0,
            registration_lifetime: 0,
            eui64: [0; 8],
            registered_address: Ipv6Addr::UNSPECIFIED,
            body: &[],
        }
    }
}

impl Describe for MobileRepr<'_> {
    type Fields = MobileFields<Haad>;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = MobileFields::new(self.identifier, self.reserved);
        (self.code, fields, Body::Bytes(self.body))
    }
}

impl Describe for MulticastRouterAdvertisementRepr<'_> {
    type Fields = MulticastRouterFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = MulticastRouterFields::new(self.query_interval, self.robustness_variable);
        (self.advertisement_interval, fields, Body::Bytes(self.body))
    }
}

impl Describe for DuplicateAddressRepr<'_> {
    type Fields = DuplicateAddressFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = DuplicateAddressFields::new(
            self.status,
            self.reserved,
            self.registration_lifetime,
            self.eui64,
            self.registered_address,
        );
        (self.code, fields, Body::Bytes(self.body))
    }
}

/// The certification path solicitation's builder: the same description, the 4 bytes of 148.
pub(crate) struct Solicitation<'r, 'a>(pub(crate) &'r CertificationPathRepr<'a>);

impl Describe for Solicitation<'_, '_> {
    type Fields = CertificationPathSolicitationFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let r = self.0;
        let fields = CertificationPathSolicitationFields::new(r.identifier, r.component);
        (r.code, fields, Body::Bytes(r.options))
    }
}

impl Describe for CertificationPathRepr<'_> {
    type Fields = CertificationPathAdvertisementFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = CertificationPathAdvertisementFields::new(
            self.identifier,
            self.all_components,
            self.component,
            self.reserved,
        );
        (self.code, fields, Body::Bytes(self.options))
    }
}

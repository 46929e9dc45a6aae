//! The wire structs of the registry's other messages (see the table in `mod.rs`).

use core::marker::PhantomData;
use core::net::Ipv6Addr;

use zerocopy::network_endian::U16;
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::message::echo::Identified;
use crate::v6::V6;
use crate::view::{Fields, sealed};

/// Identifier and 16 bits of flags and reserved bits: the Mobile IPv6 messages (RFC 6275
/// sections 6.5-6.8). `K` is [`Haad`] (144, 145) or [`Prefix`] (146, 147).
///
/// ```
/// let bytes = [146u8, 0, 0, 0, 0x12, 0x34, 0, 0];
/// assert_eq!(icmpwire::v6::MobilePrefix::parse_unverified(&bytes[..]).unwrap().identifier(), 0x1234);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct MobileFields<K> {
    identifier: U16,
    word: U16,
    kind: PhantomData<K>,
}

/// Marker of home agent address discovery's [`MobileFields`].
///
/// ```
/// let _ = icmpwire::v6::Haad;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Haad;

/// Marker of the mobile prefix messages' [`MobileFields`].
///
/// ```
/// let _ = icmpwire::v6::Prefix;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Prefix;

impl<K> sealed::Sealed for MobileFields<K> {}
impl<K> Identified for MobileFields<K> {}

impl<K> MobileFields<K> {
    /// The fields to write.
    pub(crate) fn new(identifier: u16, word: u16) -> Self {
        MobileFields {
            identifier: U16::new(identifier),
            word: U16::new(word),
            kind: PhantomData,
        }
    }

    /// The 16 bits after the identifier.
    pub(crate) fn word(&self) -> u16 {
        self.word.get()
    }

    /// Sets them.
    pub(crate) fn set_word(&mut self, word: u16) {
        self.word = U16::new(word);
    }
}

impl Fields<V6> for MobileFields<Haad> {
    type Code = u8;
    const TYPES: &'static [u8] = &[144, 145];
    const PART: Part = Part::Header;
    const NAME: &'static str = "HomeAgentDiscovery";
}

impl Fields<V6> for MobileFields<Prefix> {
    type Code = u8;
    const TYPES: &'static [u8] = &[146, 147];
    const PART: Part = Part::Header;
    const NAME: &'static str = "MobilePrefix";
}

/// Identifier and Component of a certification path solicitation (RFC 3971 section 6.4.1).
///
/// ```
/// let bytes = [148u8, 0, 0, 0, 0, 1, 0, 2];
/// assert_eq!(icmpwire::v6::CertificationPathSolicitation::parse_unverified(&bytes[..]).unwrap().component(), 2);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct CertificationPathSolicitationFields {
    identifier: U16,
    component: U16,
}

impl sealed::Sealed for CertificationPathSolicitationFields {}
impl Identified for CertificationPathSolicitationFields {}

impl CertificationPathSolicitationFields {
    /// The fields to write.
    pub(crate) fn new(identifier: u16, component: u16) -> Self {
        CertificationPathSolicitationFields {
            identifier: U16::new(identifier),
            component: U16::new(component),
        }
    }

    /// Component.
    pub(crate) fn component(&self) -> u16 {
        self.component.get()
    }
}

impl Fields<V6> for CertificationPathSolicitationFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[148];
    const PART: Part = Part::Header;
    const NAME: &'static str = "CertificationPathSolicitation";
}

/// Identifier, All Components, Component and reserved of a certification path advertisement
/// (RFC 3971 section 6.4.2).
///
/// ```
/// let bytes = [149u8, 0, 0, 0, 0, 1, 0, 2, 0, 1, 0, 0];
/// assert_eq!(icmpwire::v6::CertificationPathAdvertisement::parse_unverified(&bytes[..]).unwrap().all_components(), 2);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct CertificationPathAdvertisementFields {
    identifier: U16,
    all_components: U16,
    component: U16,
    reserved: U16,
}

impl sealed::Sealed for CertificationPathAdvertisementFields {}
impl Identified for CertificationPathAdvertisementFields {}

impl CertificationPathAdvertisementFields {
    /// The fields to write.
    pub(crate) fn new(identifier: u16, all_components: u16, component: u16, reserved: u16) -> Self {
        CertificationPathAdvertisementFields {
            identifier: U16::new(identifier),
            all_components: U16::new(all_components),
            component: U16::new(component),
            reserved: U16::new(reserved),
        }
    }

    /// All Components.
    pub(crate) fn all_components(&self) -> u16 {
        self.all_components.get()
    }

    /// Component.
    pub(crate) fn component(&self) -> u16 {
        self.component.get()
    }

    /// Reserved.
    pub(crate) fn reserved(&self) -> u16 {
        self.reserved.get()
    }
}

impl Fields<V6> for CertificationPathAdvertisementFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[149];
    const PART: Part = Part::Header;
    const NAME: &'static str = "CertificationPathAdvertisement";
}

/// Query Interval and Robustness Variable of a multicast router advertisement (RFC 4286
/// section 4.1).
///
/// ```
/// let bytes = [151u8, 20, 0, 0, 0, 125, 0, 2];
/// assert_eq!(icmpwire::v6::MulticastRouterAdvertisement::parse_unverified(&bytes[..]).unwrap().query_interval(), 125);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct MulticastRouterFields {
    query_interval: U16,
    robustness: U16,
}

impl sealed::Sealed for MulticastRouterFields {}

impl MulticastRouterFields {
    /// The fields to write.
    pub(crate) fn new(query_interval: u16, robustness: u16) -> Self {
        MulticastRouterFields {
            query_interval: U16::new(query_interval),
            robustness: U16::new(robustness),
        }
    }

    /// Query Interval.
    pub(crate) fn query_interval(&self) -> u16 {
        self.query_interval.get()
    }

    /// Robustness Variable.
    pub(crate) fn robustness(&self) -> u16 {
        self.robustness.get()
    }
}

impl Fields<V6> for MulticastRouterFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[151];
    const PART: Part = Part::Header;
    const NAME: &'static str = "MulticastRouterAdvertisement";
}

/// Status, reserved, Registration Lifetime, EUI-64 and Registered Address of a duplicate
/// address request or confirmation (RFC 6775 section 4.4): 28 bytes, 32 with the header.
///
/// ```
/// let mut bytes = [0u8; 32];
/// bytes[0] = 157;
/// assert!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..]).is_ok());
/// assert!(icmpwire::v6::DuplicateAddress::parse_unverified(&bytes[..31]).is_err());
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct DuplicateAddressFields {
    status: u8,
    reserved: u8,
    lifetime: U16,
    eui64: [u8; 8],
    address: [u8; 16],
}

impl sealed::Sealed for DuplicateAddressFields {}

impl DuplicateAddressFields {
    /// The fields to write.
    pub(crate) fn new(
        status: u8,
        reserved: u8,
        lifetime: u16,
        eui64: [u8; 8],
        address: Ipv6Addr,
    ) -> Self {
        DuplicateAddressFields {
            status,
            reserved,
            lifetime: U16::new(lifetime),
            eui64,
            address: address.octets(),
        }
    }

    /// Status.
    pub(crate) fn status(&self) -> u8 {
        self.status
    }

    /// Reserved.
    pub(crate) fn reserved(&self) -> u8 {
        self.reserved
    }

    /// Registration Lifetime.
    pub(crate) fn lifetime(&self) -> u16 {
        self.lifetime.get()
    }

    /// EUI-64.
    pub(crate) fn eui64(&self) -> [u8; 8] {
        self.eui64
    }

    /// Registered Address.
    pub(crate) fn address(&self) -> [u8; 16] {
        self.address
    }
}

impl Fields<V6> for DuplicateAddressFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[157, 158];
    const PART: Part = Part::DuplicateAddress;
    const NAME: &'static str = "DuplicateAddress";
}

//! Router solicitation and advertisement (RFC 4861 sections 4.1 and 4.2) and the inverse
//! neighbor discovery messages (RFC 3122 section 3), whose fields before the options are a
//! reserved word or the router's parameters.

use core::marker::PhantomData;

use zerocopy::network_endian::{U16, U32};
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::v6::V6;
use crate::view::{Fields, View, sealed};

/// Fields of a message that begin with a reserved 32-bit word and nothing else: router
/// solicitation (`K` = [`Rs`]) and the inverse messages (`K` = [`Inverse`]).
///
/// ```
/// let bytes = [133u8, 0, 0, 0, 0, 0, 0, 1];
/// let rs = icmpwire::v6::RouterSolicitation::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(rs.reserved(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct ReservedFields<K> {
    reserved: U32,
    kind: PhantomData<K>,
}

/// Marker of router solicitation's [`ReservedFields`].
///
/// ```
/// let _ = icmpwire::v6::Rs;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Rs;

/// Marker of the inverse neighbor discovery messages' [`ReservedFields`].
///
/// ```
/// let _ = icmpwire::v6::Inverse;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Inverse;

impl<K> sealed::Sealed for ReservedFields<K> {}

impl<K> ReservedFields<K> {
    /// The fields to write.
    pub(crate) fn new(reserved: u32) -> Self {
        ReservedFields {
            reserved: U32::new(reserved),
            kind: PhantomData,
        }
    }
}

/// A router solicitation (type 133, RFC 4861 section 4.1).
///
/// ```
/// // From the kernel capture: a router solicitation with a source link-layer address.
/// let bytes = [133u8, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0x0a];
/// let rs = icmpwire::v6::RouterSolicitation::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(rs.options().count(), 1);
/// ```
pub type RouterSolicitation<B> = View<V6, B, ReservedFields<Rs>>;

impl Fields<V6> for ReservedFields<Rs> {
    type Code = u8;
    const TYPES: &'static [u8] = &[133];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "RouterSolicitation";
}

/// An inverse neighbor discovery solicitation (141) or advertisement (142), RFC 3122: a
/// reserved word, then options (source and target link-layer addresses, address lists).
///
/// ```
/// let bytes = [141u8, 0, 0, 0, 0, 0, 0, 0];
/// let ind = icmpwire::v6::InverseNeighborDiscovery::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(ind.options().count(), 0);
/// ```
pub type InverseNeighborDiscovery<B> = View<V6, B, ReservedFields<Inverse>>;

impl Fields<V6> for ReservedFields<Inverse> {
    type Code = u8;
    const TYPES: &'static [u8] = &[141, 142];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "InverseNeighborDiscovery";
}

/// The fields of a router advertisement (RFC 4861 section 4.2).
///
/// ```
/// let bytes = [134u8, 0, 0, 0, 64, 0x08, 0x07, 0x08, 0, 0, 0, 0, 0, 0, 0, 0];
/// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((ra.hop_limit(), ra.preference(), ra.router_lifetime()), (64, 1, 1800));
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct RouterAdvertisementFields {
    hop_limit: u8,
    flags: u8,
    router_lifetime: U16,
    reachable_time: U32,
    retrans_timer: U32,
}

impl sealed::Sealed for RouterAdvertisementFields {}

impl RouterAdvertisementFields {
    /// The fields to write.
    pub(crate) fn new(
        hop_limit: u8,
        flags: u8,
        router_lifetime: u16,
        reachable_time: u32,
        retrans_timer: u32,
    ) -> Self {
        RouterAdvertisementFields {
            hop_limit,
            flags,
            router_lifetime: U16::new(router_lifetime),
            reachable_time: U32::new(reachable_time),
            retrans_timer: U32::new(retrans_timer),
        }
    }
}

/// A router advertisement (type 134, RFC 4861 section 4.2).
///
/// ```
/// let bytes = [134u8, 0, 0, 0, 64, 0xc0, 0x07, 0x08, 0, 0, 0x75, 0x30, 0, 0, 0x03, 0xe8];
/// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
/// assert!(ra.managed() && ra.other());
/// assert_eq!((ra.reachable_time(), ra.retrans_timer()), (30000, 1000));
/// ```
pub type RouterAdvertisement<B> = View<V6, B, RouterAdvertisementFields>;

impl Fields<V6> for RouterAdvertisementFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[134];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "RouterAdvertisement";
}

impl<B: ByteSlice, K> View<V6, B, ReservedFields<K>>
where
    ReservedFields<K>: Fields<V6>,
{
    /// The reserved word (bytes 4-7), kept as received.
    ///
    /// ```
    /// let bytes = [141u8, 0, 0, 0, 0, 0, 1, 0];
    /// assert_eq!(icmpwire::v6::InverseNeighborDiscovery::parse_unverified(&bytes[..]).unwrap().reserved(), 256);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u32 {
        self.fields().reserved.get()
    }
}

impl<B: ByteSliceMut, K> View<V6, B, ReservedFields<K>>
where
    ReservedFields<K>: Fields<V6>,
{
    /// Sets the reserved word; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [133u8, 0, 0x7a, 0xff, 0, 0, 0, 0];
    /// let mut rs = icmpwire::v6::RouterSolicitation::parse_unverified(&mut bytes[..]).unwrap();
    /// rs.set_reserved(0x0102_0304);
    /// assert_eq!(rs.reserved(), 0x0102_0304);
    /// // RFC 1624 equation 3 by hand: ~(~0x7aff + 0x0102 + 0x0304) = 0x76f9.
    /// assert_eq!(bytes[2..8], [0x76, 0xf9, 1, 2, 3, 4]);
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, reserved: u32) {
        self.modify(|f| f.reserved = U32::new(reserved));
    }
}

impl<B: ByteSlice> View<V6, B, RouterAdvertisementFields> {
    /// Cur Hop Limit: the hop limit hosts should use, 0 for unspecified.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().hop_limit(), 255);
    /// ```
    #[inline]
    #[must_use]
    pub fn hop_limit(&self) -> u8 {
        self.fields().hop_limit
    }

    /// The flags byte as received: M, O, H, Prf, P and the reserved bits.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().flags(), 0xff);
    /// ```
    #[inline]
    #[must_use]
    pub fn flags(&self) -> u8 {
        self.fields().flags
    }

    /// M: addresses are available by DHCPv6.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(ra.managed() && !ra.other());
    /// ```
    #[inline]
    #[must_use]
    pub fn managed(&self) -> bool {
        self.flags() & 0x80 != 0
    }

    /// O: other configuration is available by DHCPv6.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(ra.other() && !ra.managed());
    /// ```
    #[inline]
    #[must_use]
    pub fn other(&self) -> bool {
        self.flags() & 0x40 != 0
    }

    /// H: the router is a Mobile IPv6 home agent (RFC 6275 section 7.1).
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(ra.home_agent() && !ra.other());
    /// ```
    #[inline]
    #[must_use]
    pub fn home_agent(&self) -> bool {
        self.flags() & 0x20 != 0
    }

    /// Prf, the default router preference (RFC 4191 section 2.2): 1 high, 0 medium, 3 low, 2
    /// reserved (a receiver treats it as medium).
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x18, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().preference(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn preference(&self) -> u8 {
        (self.flags() >> 3) & 0x03
    }

    /// P: the advertisement comes from an ND proxy (RFC 4389 section 4.1.3.3).
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(ra.proxy() && ra.preference() == 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn proxy(&self) -> bool {
        self.flags() & 0x04 != 0
    }

    /// The two reserved bits at the end of the flags byte.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().reserved(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u8 {
        self.flags() & 0x03
    }

    /// Router Lifetime in seconds; 0: not a default router.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0, 0x07, 0x08, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().router_lifetime(), 1800);
    /// ```
    #[inline]
    #[must_use]
    pub fn router_lifetime(&self) -> u16 {
        self.fields().router_lifetime.get()
    }

    /// Reachable Time in milliseconds, 0 for unspecified.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x75, 0x30, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().reachable_time(), 30000);
    /// ```
    #[inline]
    #[must_use]
    pub fn reachable_time(&self) -> u32 {
        self.fields().reachable_time.get()
    }

    /// Retrans Timer in milliseconds, 0 for unspecified.
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x03, 0xe8];
    /// assert_eq!(icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap().retrans_timer(), 1000);
    /// ```
    #[inline]
    #[must_use]
    pub fn retrans_timer(&self) -> u32 {
        self.fields().retrans_timer.get()
    }
}

impl<B: ByteSliceMut> View<V6, B, RouterAdvertisementFields> {
    /// Sets Cur Hop Limit; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [134u8, 0, 0x79, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// ra.set_hop_limit(64);
    /// assert_eq!(ra.hop_limit(), 64);
    /// assert_eq!(bytes[2..5], [0x39, 0xff, 64]);
    /// ```
    #[inline]
    pub fn set_hop_limit(&mut self, hop_limit: u8) {
        self.modify(|f| f.hop_limit = hop_limit);
    }

    /// Sets the whole flags byte (M, O, H, Prf, P, reserved bits); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [134u8, 0, 0x79, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// ra.set_flags(0x88); // M, Prf high
    /// assert!(ra.managed() && ra.preference() == 1);
    /// assert_eq!(bytes[2..6], [0x79, 0x77, 0, 0x88]);
    /// ```
    #[inline]
    pub fn set_flags(&mut self, flags: u8) {
        self.modify(|f| f.flags = flags);
    }

    /// Sets Router Lifetime; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [134u8, 0, 0x79, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// ra.set_router_lifetime(9000);
    /// assert_eq!(ra.router_lifetime(), 9000);
    /// assert_eq!(bytes[6..8], [0x23, 0x28]);
    /// ```
    #[inline]
    pub fn set_router_lifetime(&mut self, lifetime: u16) {
        self.modify(|f| f.router_lifetime = U16::new(lifetime));
    }

    /// Sets Reachable Time; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [134u8, 0, 0x79, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// ra.set_reachable_time(30000);
    /// assert_eq!(ra.reachable_time(), 30000);
    /// assert_eq!(bytes[8..12], [0, 0, 0x75, 0x30]);
    /// ```
    #[inline]
    pub fn set_reachable_time(&mut self, time: u32) {
        self.modify(|f| f.reachable_time = U32::new(time));
    }

    /// Sets Retrans Timer; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [134u8, 0, 0x79, 0xff, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// ra.set_retrans_timer(1000);
    /// assert_eq!(ra.retrans_timer(), 1000);
    /// assert_eq!(bytes[12..16], [0, 0, 0x03, 0xe8]);
    /// ```
    #[inline]
    pub fn set_retrans_timer(&mut self, time: u32) {
        self.modify(|f| f.retrans_timer = U32::new(time));
    }
}

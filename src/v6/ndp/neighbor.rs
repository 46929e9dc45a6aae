//! Neighbor solicitation, neighbor advertisement and redirect (RFC 4861 sections 4.3 to 4.5):
//! a word (reserved, or an advertisement's flags), the target address, and for a redirect the
//! destination address.

use core::net::Ipv6Addr;

use zerocopy::network_endian::U32;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::NdOptionRepr;
use crate::error::Part;
use crate::v6::V6;
use crate::view::{Fields, View, sealed};

/// The fields of a neighbor solicitation (135), advertisement (136) or redirect (137): a
/// 32-bit word (reserved, or the R, S and O flags of an advertisement), the target address and
/// `T` (a redirect's destination address, nothing for the others).
///
/// ```
/// let mut bytes = [0u8; 24];
/// bytes[0] = 135;
/// bytes[8..24].copy_from_slice(&"fe80::1".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let ns = icmpwire::v6::NeighborSolicitation::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(ns.target().to_string(), "fe80::1");
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct TargetFields<T> {
    word: U32,
    target: [u8; 16],
    more: T,
}

impl<T> sealed::Sealed for TargetFields<T> {}

impl<T> TargetFields<T> {
    /// The fields to write.
    pub(crate) fn new(word: u32, target: Ipv6Addr, more: T) -> Self {
        TargetFields {
            word: U32::new(word),
            target: target.octets(),
            more,
        }
    }
}

/// What follows the target of a solicitation: nothing.
///
/// ```
/// let _ = icmpwire::v6::Solicited;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Solicited;

/// What follows the target of an advertisement: nothing (its flags are in the first word).
///
/// ```
/// let _ = icmpwire::v6::Advertised;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Advertised;

/// A neighbor solicitation (type 135, RFC 4861 section 4.3).
///
/// ```
/// let mut bytes = [0u8; 24];
/// bytes[0] = 135;
/// let ns = icmpwire::v6::NeighborSolicitation::parse_unverified(&bytes[..]).unwrap();
/// assert!(ns.target().is_unspecified());
/// ```
pub type NeighborSolicitation<B> = View<V6, B, TargetFields<Solicited>>;

impl Fields<V6> for TargetFields<Solicited> {
    type Code = u8;
    const TYPES: &'static [u8] = &[135];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "NeighborSolicitation";
}

/// A neighbor advertisement (type 136, RFC 4861 section 4.4).
///
/// ```
/// let mut bytes = [0u8; 24];
/// bytes[0] = 136;
/// bytes[4] = 0x60; // S and O
/// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
/// assert!(!na.router() && na.solicited() && na.override_flag());
/// ```
pub type NeighborAdvertisement<B> = View<V6, B, TargetFields<Advertised>>;

impl Fields<V6> for TargetFields<Advertised> {
    type Code = u8;
    const TYPES: &'static [u8] = &[136];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "NeighborAdvertisement";
}

/// A redirect (type 137, RFC 4861 section 4.5): a better first hop (the target) for a
/// destination; its redirected header option holds the start of the packet that caused it.
///
/// ```
/// let mut bytes = [0u8; 40];
/// bytes[0] = 137;
/// bytes[24] = 0x20;
/// let r = icmpwire::v6::Redirect::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(r.destination().to_string(), "2000::");
/// ```
pub type Redirect<B> = View<V6, B, TargetFields<[u8; 16]>>;

impl Fields<V6> for TargetFields<[u8; 16]> {
    type Code = u8;
    const TYPES: &'static [u8] = &[137];
    const PART: Part = Part::NeighborDiscovery;
    const NAME: &'static str = "Redirect";
}

impl<B: ByteSlice, T> View<V6, B, TargetFields<T>>
where
    TargetFields<T>: Fields<V6>,
{
    /// The Target Address (bytes 8-23): the address being resolved (135), whose link-layer
    /// address is advertised (136), or the better first hop (137).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// bytes[8] = 0xfe;
    /// bytes[9] = 0x80;
    /// bytes[23] = 1;
    /// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(na.target().to_string(), "fe80::1");
    /// ```
    #[inline]
    #[must_use]
    pub fn target(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.fields().target)
    }

    /// The word before the target as received: reserved (135, 137), or the R, S and O flags
    /// and 29 reserved bits (136).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 135;
    /// bytes[7] = 9;
    /// assert_eq!(icmpwire::v6::NeighborSolicitation::parse_unverified(&bytes[..]).unwrap().reserved(), 9);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u32 {
        self.fields().word.get()
    }
}

impl<B: ByteSliceMut, T> View<V6, B, TargetFields<T>>
where
    TargetFields<T>: Fields<V6>,
{
    /// Sets the Target Address; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 135;
    /// bytes[2..4].copy_from_slice(&[0x78, 0xff]);
    /// let mut ns = icmpwire::v6::NeighborSolicitation::parse_unverified(&mut bytes[..]).unwrap();
    /// let target: core::net::Ipv6Addr = "2001:db8::1".parse().unwrap();
    /// ns.set_target(target);
    /// assert_eq!(ns.target(), target);
    /// assert_eq!(bytes[8..12], [0x20, 0x01, 0x0d, 0xb8]);
    /// // RFC 1624 equation 3 by hand: ~(~0x78ff + 0x2001 + 0x0db8 + 0x0001) = 0x4b45.
    /// assert_eq!(bytes[2..4], [0x4b, 0x45]);
    /// ```
    #[inline]
    pub fn set_target(&mut self, target: Ipv6Addr) {
        self.modify(|f| f.target = target.octets());
    }

    /// Sets the word before the target (reserved, or an advertisement's flags and reserved
    /// bits); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// let mut na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&mut bytes[..]).unwrap();
    /// na.set_reserved(0xE000_0001);
    /// assert!(na.router() && na.solicited() && na.override_flag());
    /// assert_eq!(bytes[4..8], [0xE0, 0, 0, 1]);
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, word: u32) {
        self.modify(|f| f.word = U32::new(word));
    }
}

impl<B: ByteSlice> View<V6, B, TargetFields<Advertised>> {
    /// R: the sender is a router.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// bytes[4] = 0x80;
    /// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(na.router() && !na.solicited());
    /// ```
    #[inline]
    #[must_use]
    pub fn router(&self) -> bool {
        self.reserved() & 0x8000_0000 != 0
    }

    /// S: sent in response to a solicitation.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// bytes[4] = 0x40;
    /// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(na.solicited() && !na.router() && !na.override_flag());
    /// ```
    #[inline]
    #[must_use]
    pub fn solicited(&self) -> bool {
        self.reserved() & 0x4000_0000 != 0
    }

    /// O: the advertisement should override a cached link-layer address.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// bytes[4] = 0x20;
    /// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// assert!(na.override_flag() && !na.solicited());
    /// ```
    #[inline]
    #[must_use]
    pub fn override_flag(&self) -> bool {
        self.reserved() & 0x2000_0000 != 0
    }
}

impl<B: ByteSlice> View<V6, B, TargetFields<[u8; 16]>> {
    /// The Destination Address (bytes 24-39): the destination that is redirected.
    ///
    /// ```
    /// let mut bytes = [0u8; 40];
    /// bytes[0] = 137;
    /// bytes[39] = 1;
    /// assert_eq!(icmpwire::v6::Redirect::parse_unverified(&bytes[..]).unwrap().destination().to_string(), "::1");
    /// ```
    #[inline]
    #[must_use]
    pub fn destination(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.fields().more)
    }

    /// The packet of the first redirected header option (RFC 4861 section 4.6.3), with its
    /// padding: read it with [`Quote`](crate::Quote) as an error's quote. `None` when the
    /// options hold none before an error.
    ///
    /// ```
    /// let mut bytes = [0u8; 56];
    /// bytes[0] = 137;
    /// bytes[40..42].copy_from_slice(&[4, 2]);
    /// bytes[48] = 0x60;
    /// let r = icmpwire::v6::Redirect::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(r.redirected_packet().unwrap()[0], 0x60);
    /// ```
    #[must_use]
    pub fn redirected_packet(&self) -> Option<&[u8]> {
        self.options()
            .map_while(Result::ok)
            .find_map(|o| match o.value() {
                Ok(NdOptionRepr::RedirectedHeader { packet, .. }) => Some(packet),
                _ => None,
            })
    }
}

impl<B: ByteSliceMut> View<V6, B, TargetFields<[u8; 16]>> {
    /// Sets the Destination Address; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [0u8; 40];
    /// bytes[0] = 137;
    /// let mut r = icmpwire::v6::Redirect::parse_unverified(&mut bytes[..]).unwrap();
    /// r.set_destination("2001:db8::7".parse().unwrap());
    /// assert_eq!(r.destination().to_string(), "2001:db8::7");
    /// assert_eq!(bytes[24..26], [0x20, 0x01]);
    /// ```
    #[inline]
    pub fn set_destination(&mut self, destination: Ipv6Addr) {
        self.modify(|f| f.more = destination.octets());
    }
}

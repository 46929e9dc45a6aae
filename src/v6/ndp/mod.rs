//! Neighbor Discovery (RFC 4861 section 4): router solicitation (133), router advertisement
//! (134), neighbor solicitation (135), neighbor advertisement (136) and redirect (137), with
//! inverse neighbor discovery solicitation and advertisement (141, 142; RFC 3122 section 3).
//!
//! Each message has fixed fields, then options up to the end ([`NdOptions`], read lazily:
//! `parse_unverified` checks the fixed part only, and the option walk reports what is wrong
//! with the options, where). The fields:
//!
//! | type | after the checksum | RFC |
//! |---|---|---|
//! | 133 | reserved (32 bits) | 4861 4.1 |
//! | 134 | Cur Hop Limit, M, O, H (RFC 3775), Prf (RFC 4191), P (RFC 4389), 2 reserved bits, Router Lifetime, Reachable Time, Retrans Timer | 4861 4.2 |
//! | 135 | reserved (32 bits), Target Address | 4861 4.3 |
//! | 136 | R, S, O, reserved (29 bits), Target Address | 4861 4.4 |
//! | 137 | reserved (32 bits), Target Address, Destination Address | 4861 4.5 |
//! | 141, 142 | reserved (32 bits) | 3122 3.1, 3.2 |
//!
//! The rules of RFC 4861 that need the IP header (hop limit 255, code 0, the addresses) are
//! not parse errors: a capture holds messages that break them, and a dump shows them.

mod emit;
mod lists;
mod neighbor;
mod options;
mod reprs;
mod router;
mod values;

use zerocopy::{ByteSlice, Immutable, IntoBytes, Unaligned};

pub use lists::{Addresses, DomainName, DomainNames};
pub use neighbor::{
    Advertised, NeighborAdvertisement, NeighborSolicitation, Redirect, Solicited, TargetFields,
};
pub(crate) use options::address_at;
pub use options::{NdOption, NdOptions};
pub use reprs::{
    InverseNeighborDiscoveryRepr, NeighborAdvertisementRepr, NeighborSolicitationRepr,
    RedirectRepr, RouterAdvertisementRepr, RouterSolicitationRepr,
};
pub(crate) use reprs::{Nd, emit_nd};
pub use router::{
    Inverse, InverseNeighborDiscovery, ReservedFields, RouterAdvertisement,
    RouterAdvertisementFields, RouterSolicitation, Rs,
};
pub use values::{NdOptionRepr, Pref64, PrefixInformation, RouteInformation};

use super::V6;
use crate::checksum;
use crate::error::EmitError;
use crate::view::{Fields, Header, View};
use crate::write::{len_with, write_payload};

/// Fields followed by Neighbor Discovery options: every message of this module. Sealed.
///
/// ```
/// fn has_options<F: icmpwire::v6::WithOptions>() {}
/// has_options::<icmpwire::v6::RouterAdvertisementFields>();
/// ```
pub trait WithOptions: Fields<V6> {}

impl<K> WithOptions for ReservedFields<K> where ReservedFields<K>: Fields<V6> {}
impl WithOptions for RouterAdvertisementFields {}
impl<T> WithOptions for TargetFields<T> where TargetFields<T>: Fields<V6> {}

impl<B: ByteSlice, F: WithOptions> View<V6, B, F> {
    /// The options after the fixed fields, in order (RFC 4861 section 4.6).
    ///
    /// ```
    /// use icmpwire::v6::{NdOptionRepr, RouterSolicitation};
    ///
    /// let bytes = [133u8, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 0x0a];
    /// let rs = RouterSolicitation::parse_unverified(&bytes[..]).unwrap();
    /// let sll = rs.options().next().unwrap().unwrap();
    /// assert_eq!(sll.offset(), 8);
    /// assert_eq!(sll.value(), Ok(NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 0x0a])));
    /// ```
    #[inline]
    pub fn options(&self) -> NdOptions<'_> {
        NdOptions::new(self.payload(), self.payload_offset())
    }
}

/// The options of a message to write: bytes as they go on the wire (a received message's
/// options, kept), or a list of option values, written one after the other, each padded to a
/// multiple of 8 bytes.
///
/// ```
/// use icmpwire::v6::{NdOptionRepr, NdOptionsRepr};
///
/// let list = [NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 1])];
/// assert_eq!(NdOptionsRepr::List(&list).len(), 8);
/// assert_eq!(NdOptionsRepr::Bytes(&[]).len(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum NdOptionsRepr<'a> {
    /// Options as bytes, written as given.
    Bytes(&'a [u8]),
    /// Option values.
    List(&'a [NdOptionRepr<'a>]),
}

impl Default for NdOptionsRepr<'_> {
    fn default() -> Self {
        NdOptionsRepr::Bytes(&[])
    }
}

impl NdOptionsRepr<'_> {
    /// The bytes the options take.
    ///
    /// ```
    /// use icmpwire::v6::{NdOptionRepr, NdOptionsRepr};
    ///
    /// let list = [NdOptionRepr::Mtu { reserved: 0, mtu: 1500 }, NdOptionRepr::Nonce(&[0; 6])];
    /// assert_eq!(NdOptionsRepr::List(&list).len(), 16);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self {
            NdOptionsRepr::Bytes(b) => b.len(),
            NdOptionsRepr::List(l) => emit::list_len(l),
        }
    }
}

/// Writes a message of fields `fields` followed by `options` (exactly its length) as type
/// `ty`; returns the checksum accumulator.
#[inline]
fn fill_nd<F: IntoBytes + Immutable + Unaligned>(
    ty: u8,
    code: u8,
    fields: F,
    options: NdOptionsRepr<'_>,
    out: &mut [u8],
) -> u64 {
    let header = Header::new(ty, code, fields);
    match options {
        NdOptionsRepr::Bytes(bytes) => write_payload(&header, bytes, out),
        NdOptionsRepr::List(list) => {
            let (head, rest) = out
                .split_at_mut_checked(len_with::<F>(&[]))
                .unwrap_or((&mut [], &mut []));
            let sum = write_payload(&header, &[], head);
            // Every fixed part is a multiple of 8 bytes: the options' words line up.
            checksum::combine(sum, emit::write_list(list, rest))
        }
    }
}

/// The bytes `options` take, once checked that they can be written.
#[inline]
fn checked_nd_len(options: NdOptionsRepr<'_>) -> Result<usize, EmitError> {
    match options {
        NdOptionsRepr::Bytes(b) => Ok(b.len()),
        NdOptionsRepr::List(list) => emit::checked_list_len(list),
    }
}

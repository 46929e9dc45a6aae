//! Redirect (type 5, RFC 792): a gateway tells a host a better first hop for a destination,
//! quoting the datagram that took the long way. Codes 0-3 say whether the redirect is for the
//! network or the host, with or without type of service; RFC 1812 section 5.2.7.2 has routers
//! send only host redirects (code 1), which is what Linux does.

use core::net::Ipv4Addr;

use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::quoting::Quoting;
use crate::types::v4::RedirectCode;
use crate::view::{Fields, View, sealed};

/// The fields of a redirect: the gateway's address (RFC 792).
///
/// ```
/// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::RedirectFields> =
///     icmpwire::v4::Redirect::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.gateway(), core::net::Ipv4Addr::new(192, 0, 2, 3));
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct RedirectFields {
    gateway: [u8; 4],
}

impl sealed::Sealed for RedirectFields {}

impl Quoting for RedirectFields {}

impl Fields<V4> for RedirectFields {
    type Code = RedirectCode;
    const TYPES: &'static [u8] = &[5];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Redirect";
}

/// A redirect message (type 5).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{Redirect, RedirectCode};
///
/// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
/// let msg = Redirect::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), RedirectCode::HOST);
/// assert_eq!(msg.gateway(), Ipv4Addr::new(192, 0, 2, 3));
/// ```
pub type Redirect<B> = View<V4, B, RedirectFields>;

impl<B: ByteSlice> Redirect<B> {
    /// The gateway to send the traffic to instead.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::v4::Redirect::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.gateway(), core::net::Ipv4Addr::new(192, 0, 2, 3));
    /// ```
    #[inline]
    #[must_use]
    pub fn gateway(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.fields().gateway)
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::v4::Redirect::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.gateway, core::net::Ipv4Addr::new(192, 0, 2, 3));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RedirectRepr<'_> {
        RedirectRepr {
            code: self.code(),
            gateway: self.gateway(),
            quote: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> Redirect<B> {
    /// Sets the gateway; the checksum follows.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    ///
    /// let mut bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let mut msg = icmpwire::v4::Redirect::parse(&mut bytes[..]).unwrap();
    /// msg.set_gateway(Ipv4Addr::new(198, 51, 100, 1));
    /// assert_eq!(msg.gateway(), Ipv4Addr::new(198, 51, 100, 1));
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_gateway(&mut self, gateway: Ipv4Addr) {
        self.modify(|f| f.gateway = gateway.octets());
    }
}

/// The fields of a redirect message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{RedirectCode, RedirectRepr, Repr};
///
/// let repr = Repr::Redirect(RedirectRepr {
///     code: RedirectCode::HOST,
///     gateway: Ipv4Addr::new(192, 0, 2, 3),
///     quote: &[],
/// });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [5, 1, 0x38, 0xfb, 192, 0, 2, 3]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RedirectRepr<'a> {
    /// The code.
    pub code: RedirectCode,
    /// The gateway to use instead.
    pub gateway: Ipv4Addr,
    /// The quoted datagram.
    pub quote: &'a [u8],
}

impl Default for RedirectRepr<'_> {
    fn default() -> Self {
        RedirectRepr {
            code: RedirectCode::HOST,
            gateway: Ipv4Addr::UNSPECIFIED,
            quote: &[],
        }
    }
}

impl Describe for RedirectRepr<'_> {
    type Fields = RedirectFields;

    #[inline]
    fn describe(&self) -> (u8, RedirectFields, Body<'_>) {
        let fields = RedirectFields {
            gateway: self.gateway.octets(),
        };
        (self.code.0, fields, Body::Bytes(self.quote))
    }
}

//! Redirect (type 5, RFC 792): a gateway tells a host a better first hop for a destination,
//! quoting the datagram that took the long way. Codes 0-3 say whether the redirect is for the
//! network or the host, with or without type of service; RFC 1812 section 5.2.7.2 has routers
//! send only host redirects (code 1), which is what Linux does.

use core::net::Ipv4Addr;

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::message::view_parse;
use crate::quote::Quote;
use crate::types::RedirectCode;
use crate::view::View;
use crate::wire::RedirectHeader;

/// A redirect message (type 5).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::{Redirect, RedirectCode};
///
/// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
/// let msg = Redirect::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), RedirectCode::HOST);
/// assert_eq!(msg.gateway(), Ipv4Addr::new(192, 0, 2, 3));
/// ```
pub struct Redirect<B>(View<B, RedirectHeader>);

view_parse!(
    Redirect,
    RedirectHeader,
    [5],
    "[5u8, 1, 0x38, 0xfb, 192, 0, 2, 3]"
);
crate::view_common!(Redirect, "[5u8, 1, 0x38, 0xfb, 192, 0, 2, 3]");

impl<B: SplitByteSlice> Redirect<B> {
    #[inline]
    fn from_view(v: View<B, RedirectHeader>) -> Result<Self, ParseError> {
        Ok(Redirect(v))
    }
}

impl<B: ByteSlice> Redirect<B> {
    /// The code.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::Redirect::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::RedirectCode::HOST);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> RedirectCode {
        RedirectCode(self.0.code())
    }

    /// The gateway to send the traffic to instead.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::Redirect::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.gateway(), core::net::Ipv4Addr::new(192, 0, 2, 3));
    /// ```
    #[inline]
    #[must_use]
    pub fn gateway(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.0.header.gateway)
    }

    /// The quoted datagram that took the long way.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// assert!(icmpwire::Redirect::parse(&bytes[..]).unwrap().quote().bytes().is_empty());
    /// ```
    #[inline]
    #[must_use]
    pub fn quote(&self) -> Quote<'_> {
        Quote::new(self.0.payload())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::Redirect::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.gateway, core::net::Ipv4Addr::new(192, 0, 2, 3));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RedirectRepr<'_> {
        RedirectRepr {
            code: self.code(),
            gateway: self.gateway(),
            quote: self.0.payload(),
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
    /// let mut msg = icmpwire::Redirect::parse(&mut bytes[..]).unwrap();
    /// msg.set_gateway(Ipv4Addr::new(198, 51, 100, 1));
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_gateway(&mut self, gateway: Ipv4Addr) {
        let old = u32::from(self.gateway());
        self.0.header_mut().gateway = gateway.octets();
        self.0.patch_u32(old, u32::from(gateway));
    }
}

/// The fields of a redirect message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::{RedirectCode, RedirectRepr, Repr};
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

impl RedirectRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.quote.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = RedirectHeader {
            ty: 5,
            code: self.code.0,
            checksum: U16::ZERO,
            gateway: self.gateway.octets(),
        };
        write_payload(&header, self.quote, out)
    }
}

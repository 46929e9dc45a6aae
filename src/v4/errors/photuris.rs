//! Photuris security failures (type 40): RFC 2521 section 2. Bytes 4-5 are reserved, bytes 6-7
//! a pointer into the quoted headers at the most significant byte of the offending SPI (zero
//! when there is none), then the original internet headers and 64 bits of payload.

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::quoting::Quoting;
use crate::types::v4::PhoturisCode;
use crate::v4::V4;
use crate::view::{Fields, View, sealed};

/// The fields of a Photuris message (RFC 2521 section 2): two reserved bytes, then the pointer
/// to the offending SPI.
///
/// ```
/// let bytes = [40u8, 0, 0xd7, 0xeb, 0, 0, 0, 20];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::PhoturisFields> =
///     icmpwire::v4::Photuris::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.pointer(), 20);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct PhoturisFields {
    reserved: U16,
    pointer: U16,
}

impl sealed::Sealed for PhoturisFields {}

impl Quoting for PhoturisFields {}

impl Fields<V4> for PhoturisFields {
    type Code = PhoturisCode;
    const TYPES: &'static [u8] = &[40];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Photuris";
}

/// A Photuris message (type 40): a security failure of an IPsec-protected datagram.
///
/// ```
/// use icmpwire::v4::{Photuris, PhoturisCode};
///
/// // Decryption failed; the SPI sits at byte 24 of the quoted headers.
/// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
/// let msg = Photuris::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), PhoturisCode::DECRYPTION_FAILED);
/// assert_eq!(msg.pointer(), 24);
/// ```
pub type Photuris<B> = View<V4, B, PhoturisFields>;

impl<B: ByteSlice> Photuris<B> {
    /// Bytes 4-5, reserved, as received.
    ///
    /// ```
    /// let bytes = [40u8, 0, 0xd7, 0xfe, 0, 1, 0, 0];
    /// assert_eq!(icmpwire::v4::Photuris::parse(&bytes[..]).unwrap().reserved(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u16 {
        self.fields().reserved.get()
    }

    /// Bytes 6-7: the offset in the quoted headers of the offending SPI's most significant
    /// byte, or 0 when no SPI is involved.
    ///
    /// ```
    /// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
    /// assert_eq!(icmpwire::v4::Photuris::parse(&bytes[..]).unwrap().pointer(), 24);
    /// ```
    #[inline]
    #[must_use]
    pub fn pointer(&self) -> u16 {
        self.fields().pointer.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
    /// let msg = icmpwire::v4::Photuris::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.pointer, repr.quote.len()), (24, 0));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> PhoturisRepr<'_> {
        PhoturisRepr {
            code: self.code(),
            reserved: self.reserved(),
            pointer: self.pointer(),
            quote: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> Photuris<B> {
    /// Sets bytes 4-5 (reserved); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [40u8, 0, 0xd7, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::Photuris::parse(&mut bytes[..]).unwrap();
    /// msg.set_reserved(0xabcd);
    /// assert_eq!(msg.reserved(), 0xabcd);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, value: u16) {
        self.modify(|f| f.reserved = U16::new(value));
    }

    /// Sets the pointer (bytes 6-7); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [40u8, 0, 0xd7, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::Photuris::parse(&mut bytes[..]).unwrap();
    /// msg.set_pointer(20);
    /// assert_eq!(msg.pointer(), 20);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_pointer(&mut self, value: u16) {
        self.modify(|f| f.pointer = U16::new(value));
    }
}

/// The fields of a Photuris message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{PhoturisCode, PhoturisRepr, Repr};
///
/// let repr = PhoturisRepr { code: PhoturisCode::BAD_SPI, pointer: 20, ..PhoturisRepr::default() };
/// let mut buf = [0xAA; 8];
/// Repr::Photuris(repr).emit(&mut buf).unwrap();
/// assert_eq!(buf, [40, 0, 0xd7, 0xeb, 0, 0, 0, 20]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PhoturisRepr<'a> {
    /// The code.
    pub code: PhoturisCode,
    /// Bytes 4-5, reserved: 0.
    pub reserved: u16,
    /// The offset of the offending SPI in the quoted headers (0: none).
    pub pointer: u16,
    /// The quoted headers and 64 bits of payload.
    pub quote: &'a [u8],
}

impl Describe for PhoturisRepr<'_> {
    type Fields = PhoturisFields;

    #[inline]
    fn describe(&self) -> (u8, PhoturisFields, Body<'_>) {
        let fields = PhoturisFields {
            reserved: U16::new(self.reserved),
            pointer: U16::new(self.pointer),
        };
        (self.code.0, fields, Body::Bytes(self.quote))
    }
}

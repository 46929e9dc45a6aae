//! Photuris security failures (type 40): RFC 2521 section 2. Bytes 4-5 are reserved, bytes 6-7
//! a pointer into the quoted headers at the most significant byte of the offending SPI (zero
//! when there is none), then the original internet headers and 64 bits of payload.

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut};

use crate::emit::write_payload;
use crate::message::view_parse;
use crate::types::PhoturisCode;
use crate::view::View;
use crate::wire::ErrorHeader;

/// A Photuris message (type 40): a security failure of an IPsec-protected datagram.
///
/// ```
/// use icmpwire::{Photuris, PhoturisCode};
///
/// // Decryption failed; the SPI sits at byte 24 of the quoted headers.
/// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
/// let msg = Photuris::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), PhoturisCode::DECRYPTION_FAILED);
/// assert_eq!(msg.pointer(), 24);
/// ```
pub struct Photuris<B>(View<B, ErrorHeader>);

view_parse!(
    Photuris,
    ErrorHeader,
    [40],
    "[40u8, 0, 0xd7, 0xff, 0, 0, 0, 0]"
);
crate::view_common!(Photuris, "[40u8, 0, 0xd7, 0xff, 0, 0, 0, 0]");
error_view!(Photuris, "[40u8, 0, 0xd7, 0xff, 0, 0, 0, 0]", plain);

impl<B: ByteSlice> Photuris<B> {
    /// The code: which security check failed.
    ///
    /// ```
    /// let bytes = [40u8, 1, 0xd7, 0xfe, 0, 0, 0, 0];
    /// let msg = icmpwire::Photuris::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::PhoturisCode::AUTHENTICATION_FAILED);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> PhoturisCode {
        PhoturisCode(self.0.code())
    }

    /// Bytes 4-5, reserved, as received.
    ///
    /// ```
    /// let bytes = [40u8, 0, 0xd7, 0xfe, 0, 1, 0, 0];
    /// assert_eq!(icmpwire::Photuris::parse(&bytes[..]).unwrap().reserved(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u16 {
        let h = &self.0.header;
        u16::from_be_bytes([h.byte4, h.length])
    }

    /// Bytes 6-7: the offset in the quoted headers of the offending SPI's most significant
    /// byte, or 0 when no SPI is involved.
    ///
    /// ```
    /// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
    /// assert_eq!(icmpwire::Photuris::parse(&bytes[..]).unwrap().pointer(), 24);
    /// ```
    #[inline]
    #[must_use]
    pub fn pointer(&self) -> u16 {
        self.0.header.word6.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [40u8, 3, 0xd7, 0xe4, 0, 0, 0, 24];
    /// let msg = icmpwire::Photuris::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.pointer, repr.quote.len()), (24, 0));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> PhoturisRepr<'_> {
        PhoturisRepr {
            code: self.code(),
            reserved: self.reserved(),
            pointer: self.pointer(),
            quote: self.0.payload(),
        }
    }
}

impl<B: ByteSliceMut> Photuris<B> {
    /// Sets bytes 4-5 (reserved); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [40u8, 0, 0xd7, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::Photuris::parse(&mut bytes[..]).unwrap();
    /// msg.set_reserved(0xabcd);
    /// assert_eq!(msg.reserved(), 0xabcd);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, value: u16) {
        let old = self.reserved();
        let [hi, lo] = value.to_be_bytes();
        let h = self.0.header_mut();
        h.byte4 = hi;
        h.length = lo;
        self.0.patch_u16(old, value);
    }

    /// Sets the pointer (bytes 6-7); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [40u8, 0, 0xd7, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::Photuris::parse(&mut bytes[..]).unwrap();
    /// msg.set_pointer(20);
    /// assert_eq!(msg.pointer(), 20);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_pointer(&mut self, value: u16) {
        let old = self.pointer();
        self.0.header_mut().word6 = U16::new(value);
        self.0.patch_u16(old, value);
    }
}

/// The fields of a Photuris message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{PhoturisCode, PhoturisRepr, Repr};
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

impl PhoturisRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.quote.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let [b4, b5] = self.reserved.to_be_bytes();
        let header = ErrorHeader {
            ty: 40,
            code: self.code.0,
            checksum: U16::ZERO,
            byte4: b4,
            length: b5,
            word6: U16::new(self.pointer),
        };
        write_payload(&header, self.quote, out)
    }
}

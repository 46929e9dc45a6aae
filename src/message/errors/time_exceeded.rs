//! Time exceeded (type 11): RFC 792, RFC 4884 section 4.1 (length).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut};

use super::{fill_error, length_field};
use crate::extension::ObjectRepr;
use crate::message::view_parse;
use crate::types::TimeExceededCode;
use crate::view::View;
use crate::wire::ErrorHeader;

/// A time exceeded message (type 11): TTL exceeded in transit (code 0), the traceroute
/// answer, or fragment reassembly time exceeded (code 1).
///
/// ```
/// use icmpwire::{TimeExceeded, TimeExceededCode};
///
/// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
/// let msg = TimeExceeded::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), TimeExceededCode::TTL_EXCEEDED);
/// ```
pub struct TimeExceeded<B>(View<B, ErrorHeader>);

view_parse!(
    TimeExceeded,
    ErrorHeader,
    [11],
    "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]"
);
crate::view_common!(TimeExceeded, "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]");
error_view!(TimeExceeded, "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]", rfc4884);

impl<B: ByteSlice> TimeExceeded<B> {
    /// The code.
    ///
    /// ```
    /// let bytes = [11u8, 1, 0xf4, 0xfe, 0, 0, 0, 0];
    /// let msg = icmpwire::TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::TimeExceededCode::REASSEMBLY_TIME_EXCEEDED);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> TimeExceededCode {
        TimeExceededCode(self.0.code())
    }

    /// Byte 5: the RFC 4884 length of the original datagram in 32-bit words.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::TimeExceeded::parse(&bytes[..]).unwrap().length_field(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn length_field(&self) -> u8 {
        self.0.header.length
    }

    /// Byte 4 and bytes 6-7, unused, as received (byte 4 in the high 16 bits).
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::TimeExceeded::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        let h = &self.0.header;
        u32::from(h.byte4) << 16 | u32::from(h.word6.get())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::TimeExceeded::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.length, 0);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> TimeExceededRepr<'_> {
        TimeExceededRepr {
            code: self.code(),
            length: self.length_field(),
            unused: self.unused(),
            quote: self.0.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> TimeExceeded<B> {
    /// Sets byte 4 and bytes 6-7 (unused; byte 4 from bits 16-23 of `value`); the checksum
    /// follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(0x0001_0002);
    /// assert_eq!(msg.unused(), 0x0001_0002);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        let old = self.unused();
        let len = self.length_field();
        let [_, b4, w6, w7] = value.to_be_bytes();
        let h = self.0.header_mut();
        h.byte4 = b4;
        h.word6 = U16::new(u16::from_be_bytes([w6, w7]));
        let [_, o4, o6, o7] = old.to_be_bytes();
        self.0.patch_u32(
            u32::from_be_bytes([o4, len, o6, o7]),
            u32::from_be_bytes([b4, len, w6, w7]),
        );
    }

    /// Sets the RFC 4884 length (byte 5); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_length_field(32);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_length_field(&mut self, words: u8) {
        let b4 = self.0.header.byte4;
        let old = u16::from_be_bytes([b4, self.length_field()]);
        self.0.header_mut().length = words;
        self.0.patch_u16(old, u16::from_be_bytes([b4, words]));
    }
}

/// The fields of a time exceeded message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{Repr, TimeExceededRepr};
///
/// let repr = Repr::TimeExceeded(TimeExceededRepr { quote: &[0x45, 0, 0, 28], ..TimeExceededRepr::default() });
/// assert_eq!(repr.buffer_len(), 12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TimeExceededRepr<'a> {
    /// The code.
    pub code: TimeExceededCode,
    /// The RFC 4884 length in 32-bit words (0 without extensions).
    pub length: u8,
    /// Byte 4 (high 16 bits) and bytes 6-7 (low 16 bits), unused: 0. Bits above them are
    /// ignored.
    pub unused: u32,
    /// The quoted datagram.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

rfc4884_repr!(TimeExceededRepr);

impl TimeExceededRepr<'_> {
    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = ErrorHeader {
            ty: 11,
            code: self.code.0,
            checksum: U16::ZERO,
            byte4: (self.unused >> 16) as u8,
            length: length_field(self.quote, self.extensions, self.length),
            word6: U16::new(self.unused as u16),
        };
        fill_error(&header, self.quote, self.extensions, out)
    }
}

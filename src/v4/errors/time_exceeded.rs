//! Time exceeded (type 11): RFC 792, RFC 4884 section 4.1 (length).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::extension::ObjectRepr;
use crate::message::quoting::{ErrorRepr, Quoting, Rfc4884};
use crate::types::v4::TimeExceededCode;
use crate::v4::V4;
use crate::view::{Fields, View, sealed};

/// The fields of a time exceeded message: an unused byte, the RFC 4884 length in 32-bit words,
/// two more unused bytes.
///
/// ```
/// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::TimeExceededFields> =
///     icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.unused(), 0);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct TimeExceededFields {
    unused4: u8,
    length: u8,
    unused6: U16,
}

impl sealed::Sealed for TimeExceededFields {}

impl Quoting for TimeExceededFields {
    #[inline(always)]
    fn rfc4884_length(&self) -> Option<u8> {
        Some(self.length)
    }
}

impl Rfc4884 for TimeExceededFields {
    #[inline(always)]
    fn length_mut(&mut self) -> &mut u8 {
        &mut self.length
    }
}

impl Fields<V4> for TimeExceededFields {
    type Code = TimeExceededCode;
    const TYPES: &'static [u8] = &[11];
    const PART: Part = Part::Header;
    const NAME: &'static str = "TimeExceeded";
}

/// A time exceeded message (type 11): TTL exceeded in transit (code 0), the traceroute
/// answer, or fragment reassembly time exceeded (code 1).
///
/// ```
/// use icmpwire::v4::{TimeExceeded, TimeExceededCode};
///
/// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
/// let msg = TimeExceeded::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), TimeExceededCode::TTL_EXCEEDED);
/// ```
pub type TimeExceeded<B> = View<V4, B, TimeExceededFields>;

impl<B: ByteSlice> TimeExceeded<B> {
    /// Byte 4 and bytes 6-7, unused, as received (byte 4 in the high 16 bits).
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        let f = self.fields();
        u32::from(f.unused4) << 16 | u32::from(f.unused6.get())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.length, 0);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> TimeExceededRepr<'_> {
        TimeExceededRepr {
            code: self.code(),
            length: self.length_field(),
            unused: self.unused(),
            quote: self.payload(),
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
    /// let mut msg = icmpwire::v4::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(0x0001_0002);
    /// assert_eq!(msg.unused(), 0x0001_0002);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        let [_, b4, w6, w7] = value.to_be_bytes();
        self.modify(|f| {
            f.unused4 = b4;
            f.unused6 = U16::new(u16::from_be_bytes([w6, w7]));
        });
    }
}

/// The fields of a time exceeded message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{Repr, TimeExceededRepr};
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

impl ErrorRepr for TimeExceededRepr<'_> {
    type Version = V4;
    type Fields = TimeExceededFields;

    #[inline(always)]
    fn code(&self) -> u8 {
        self.code.0
    }

    #[inline(always)]
    fn length(&self) -> u8 {
        self.length
    }

    #[inline(always)]
    fn fields(&self, length: u8) -> TimeExceededFields {
        let [_, b4, w6, w7] = self.unused.to_be_bytes();
        TimeExceededFields {
            unused4: b4,
            length,
            unused6: U16::new(u16::from_be_bytes([w6, w7])),
        }
    }

    #[inline(always)]
    fn quote(&self) -> &[u8] {
        self.quote
    }

    #[inline(always)]
    fn objects(&self) -> &[ObjectRepr<'_>] {
        self.extensions
    }
}

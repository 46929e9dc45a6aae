//! Time exceeded (type 11): RFC 792, RFC 4884 section 4.1 (length).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut};

use super::Rfc4884Fields;
use crate::error::Part;
use crate::message::quoting::{Rfc4884Repr, UnusedLayout};
use crate::types::v4::TimeExceededCode;
use crate::v4::V4;
use crate::view::{Fields, Version, View};

impl Fields<V4> for Rfc4884Fields<TimeExceededCode> {
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
pub type TimeExceeded<B> = View<V4, B, Rfc4884Fields<TimeExceededCode>>;

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
        u32::from(f.byte4) << 16 | u32::from(f.word6.get())
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
            f.byte4 = b4;
            f.word6 = U16::new(u16::from_be_bytes([w6, w7]));
        });
    }
}

/// The fields of a time exceeded message, to emit with [`Repr`](crate::v4::Repr): an
/// [`Rfc4884Repr`](crate::Rfc4884Repr) whose `unused` is byte 4 (bits 16-23) and bytes 6-7.
///
/// ```
/// use icmpwire::v4::{Repr, TimeExceededRepr};
///
/// let repr = Repr::TimeExceeded(TimeExceededRepr { unused: 0x00AB_0102, ..TimeExceededRepr::default() });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf[4..], [0xAB, 0, 1, 2]);
/// ```
pub type TimeExceededRepr<'a> = Rfc4884Repr<'a, TimeExceededCode>;

impl UnusedLayout for TimeExceededCode {
    const UNIT: usize = V4::LENGTH_UNIT;

    #[inline(always)]
    fn layout(length: u8, unused: u32) -> [u8; 4] {
        let [_, b4, w6, w7] = unused.to_be_bytes();
        [b4, length, w6, w7]
    }
}

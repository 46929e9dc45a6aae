//! Time exceeded (type 11): RFC 792, RFC 4884 section 4.1 (length).

use crate::error::Part;
use crate::message::quoting::{Rfc4884Fields, Rfc4884Repr, UnusedLayout};
use crate::types::v4::TimeExceededCode;
use crate::v4::V4;
use crate::view::{Fields, View};

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

/// Byte 4 and bytes 6-7 unused, around the length.
impl UnusedLayout for TimeExceededCode {
    #[inline(always)]
    fn layout(length: u8, unused: u32) -> [u8; 4] {
        let [_, b4, w6, w7] = unused.to_be_bytes();
        [b4, length, w6, w7]
    }

    #[inline(always)]
    fn unused(bytes: [u8; 4]) -> u32 {
        let [b4, _, w6, w7] = bytes;
        u32::from_be_bytes([0, b4, w6, w7])
    }
}

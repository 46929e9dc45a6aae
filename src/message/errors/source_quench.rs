//! Source quench (type 4): RFC 792; deprecated by RFC 6633.

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut};

use crate::emit::write_payload;
use crate::message::view_parse;
use crate::view::View;
use crate::wire::ErrorHeader;

/// A source quench message (type 4; deprecated by RFC 6633).
///
/// ```
/// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
/// let msg = icmpwire::SourceQuench::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.unused(), 0);
/// ```
pub struct SourceQuench<B>(View<B, ErrorHeader>);

view_parse!(
    SourceQuench,
    ErrorHeader,
    [4],
    "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]"
);
crate::view_common!(SourceQuench, "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]");
error_view!(SourceQuench, "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]", plain);

impl<B: ByteSlice> SourceQuench<B> {
    /// Bytes 4-7, unused, as received.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::SourceQuench::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        let h = &self.0.header;
        u32::from_be_bytes([h.byte4, h.length, 0, 0]) | u32::from(h.word6.get())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::SourceQuench::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert!(repr.quote.is_empty());
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> SourceQuenchRepr<'_> {
        SourceQuenchRepr {
            code: self.code_u8(),
            unused: self.unused(),
            quote: self.0.payload(),
        }
    }
}

impl<B: ByteSliceMut> SourceQuench<B> {
    /// Sets bytes 4-7 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::SourceQuench::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(7);
    /// assert_eq!(msg.unused(), 7);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        let old = self.unused();
        let [b4, b5, w6, w7] = value.to_be_bytes();
        let h = self.0.header_mut();
        h.byte4 = b4;
        h.length = b5;
        h.word6 = U16::new(u16::from_be_bytes([w6, w7]));
        self.0.patch_u32(old, value);
    }
}

/// The fields of a source quench message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// let repr = icmpwire::SourceQuenchRepr::default();
/// assert_eq!(icmpwire::Repr::SourceQuench(repr).buffer_len(), 8);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SourceQuenchRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Bytes 4-7 (unused: 0).
    pub unused: u32,
    /// The quoted datagram.
    pub quote: &'a [u8],
}

impl SourceQuenchRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.quote.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let [b4, b5, b6, b7] = self.unused.to_be_bytes();
        let header = ErrorHeader {
            ty: 4,
            code: self.code,
            checksum: U16::ZERO,
            byte4: b4,
            length: b5,
            word6: U16::new(u16::from_be_bytes([b6, b7])),
        };
        write_payload(&header, self.quote, out)
    }
}

//! Source quench (type 4): RFC 792; deprecated by RFC 6633.

use zerocopy::network_endian::U32;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::quoting::Quoting;
use crate::v4::V4;
use crate::view::{Fields, View, sealed};

/// The fields of a source quench message: 4 unused bytes (RFC 792).
///
/// ```
/// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::SourceQuenchFields> =
///     icmpwire::v4::SourceQuench::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.unused(), 0);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct SourceQuenchFields {
    unused: U32,
}

impl sealed::Sealed for SourceQuenchFields {}

impl Quoting for SourceQuenchFields {}

impl Fields<V4> for SourceQuenchFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[4];
    const PART: Part = Part::Header;
    const NAME: &'static str = "SourceQuench";
}

/// A source quench message (type 4; deprecated by RFC 6633).
///
/// ```
/// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
/// let msg = icmpwire::v4::SourceQuench::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.unused(), 0);
/// ```
pub type SourceQuench<B> = View<V4, B, SourceQuenchFields>;

impl<B: ByteSlice> SourceQuench<B> {
    /// Bytes 4-7, unused, as received.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::SourceQuench::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        self.fields().unused.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::SourceQuench::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert!(repr.quote.is_empty());
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> SourceQuenchRepr<'_> {
        SourceQuenchRepr {
            code: self.code_u8(),
            unused: self.unused(),
            quote: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> SourceQuench<B> {
    /// Sets bytes 4-7 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::SourceQuench::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(7);
    /// assert_eq!(msg.unused(), 7);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        self.modify(|f| f.unused = U32::new(value));
    }
}

/// The fields of a source quench message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// let repr = icmpwire::v4::SourceQuenchRepr::default();
/// assert_eq!(icmpwire::v4::Repr::SourceQuench(repr).buffer_len(), 8);
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

impl Describe for SourceQuenchRepr<'_> {
    type Fields = SourceQuenchFields;

    #[inline]
    fn describe(&self) -> (u8, SourceQuenchFields, Body<'_>) {
        let fields = SourceQuenchFields {
            unused: U32::new(self.unused),
        };
        (self.code, fields, Body::Bytes(self.quote))
    }
}

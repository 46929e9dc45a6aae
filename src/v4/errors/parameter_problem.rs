//! Parameter problem (type 12): RFC 792 (code 0 and the pointer), RFC 1108 and RFC 1122 section
//! 3.2.2.5 (code 1, missing required option), the IANA registry (code 2, bad length), RFC 4884
//! section 4.1 (the length byte).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::extension::ObjectRepr;
use crate::message::quoting::{ErrorRepr, Quoting, Rfc4884};
use crate::types::v4::ParameterProblemCode;
use crate::v4::V4;
use crate::view::{Fields, View, sealed};

/// The fields of a parameter problem message: the pointer, the RFC 4884 length in 32-bit words,
/// two unused bytes.
///
/// ```
/// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::ParameterProblemFields> =
///     icmpwire::v4::ParameterProblem::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.pointer(), 21);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct ParameterProblemFields {
    pointer: u8,
    length: u8,
    unused: U16,
}

impl sealed::Sealed for ParameterProblemFields {}

impl Quoting for ParameterProblemFields {
    #[inline(always)]
    fn rfc4884_length(&self) -> Option<u8> {
        Some(self.length)
    }
}

impl Rfc4884 for ParameterProblemFields {
    #[inline(always)]
    fn length_mut(&mut self) -> &mut u8 {
        &mut self.length
    }
}

impl Fields<V4> for ParameterProblemFields {
    type Code = ParameterProblemCode;
    const TYPES: &'static [u8] = &[12];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ParameterProblem";
}

/// A parameter problem message (type 12).
///
/// ```
/// use icmpwire::v4::ParameterProblem;
///
/// // Linux's answer to a bad IP option: pointer 21 (the option's length byte).
/// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
/// assert_eq!(ParameterProblem::parse(&bytes[..]).unwrap().pointer(), 21);
/// ```
pub type ParameterProblem<B> = View<V4, B, ParameterProblemFields>;

impl<B: ByteSlice> ParameterProblem<B> {
    /// Byte 4: the octet of the quoted datagram where the error was found (code 0).
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::ParameterProblem::parse(&bytes[..]).unwrap().pointer(), 21);
    /// ```
    #[inline]
    #[must_use]
    pub fn pointer(&self) -> u8 {
        self.fields().pointer
    }

    /// Bytes 6-7, unused, as received.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::ParameterProblem::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u16 {
        self.fields().unused.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let msg = icmpwire::v4::ParameterProblem::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.to_repr().pointer, 21);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ParameterProblemRepr<'_> {
        ParameterProblemRepr {
            code: self.code(),
            pointer: self.pointer(),
            length: self.length_field(),
            unused: self.unused(),
            quote: self.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> ParameterProblem<B> {
    /// Sets bytes 6-7 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let mut msg = icmpwire::v4::ParameterProblem::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(5);
    /// assert_eq!(msg.unused(), 5);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u16) {
        self.modify(|f| f.unused = U16::new(value));
    }

    /// Sets the pointer (byte 4); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let mut msg = icmpwire::v4::ParameterProblem::parse(&mut bytes[..]).unwrap();
    /// msg.set_pointer(1);
    /// assert_eq!(msg.pointer(), 1);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_pointer(&mut self, pointer: u8) {
        self.modify(|f| f.pointer = pointer);
    }
}

/// The fields of a parameter problem message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{ParameterProblemRepr, Repr};
///
/// let repr = Repr::ParameterProblem(ParameterProblemRepr { pointer: 21, ..ParameterProblemRepr::default() });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [12, 0, 0xde, 0xff, 21, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ParameterProblemRepr<'a> {
    /// The code.
    pub code: ParameterProblemCode,
    /// The octet of the quoted datagram where the error was found.
    pub pointer: u8,
    /// The RFC 4884 length in 32-bit words (0 without extensions).
    pub length: u8,
    /// Bytes 6-7 (unused: 0).
    pub unused: u16,
    /// The quoted datagram.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

impl ErrorRepr for ParameterProblemRepr<'_> {
    type Version = V4;
    type Fields = ParameterProblemFields;

    #[inline(always)]
    fn code(&self) -> u8 {
        self.code.0
    }

    #[inline(always)]
    fn length(&self) -> u8 {
        self.length
    }

    #[inline(always)]
    fn fields(&self, length: u8) -> ParameterProblemFields {
        ParameterProblemFields {
            pointer: self.pointer,
            length,
            unused: U16::new(self.unused),
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

//! Parameter problem (type 12): RFC 792 (code 0 and the pointer), RFC 1108 and RFC 1122 section
//! 3.2.2.5 (code 1, missing required option), the IANA registry (code 2, bad length), RFC 4884
//! section 4.1 (the length byte).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut};

use super::{fill_error, length_field};
use crate::extension::ObjectRepr;
use crate::message::view_parse;
use crate::types::ParameterProblemCode;
use crate::view::View;
use crate::wire::ErrorHeader;

/// A parameter problem message (type 12).
///
/// ```
/// use icmpwire::ParameterProblem;
///
/// // Linux's answer to a bad IP option: pointer 21 (the option's length byte).
/// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
/// assert_eq!(ParameterProblem::parse(&bytes[..]).unwrap().pointer(), 21);
/// ```
pub struct ParameterProblem<B>(View<B, ErrorHeader>);

view_parse!(
    ParameterProblem,
    ErrorHeader,
    [12],
    "[12u8, 0, 0xde, 0xff, 21, 0, 0, 0]"
);
crate::view_common!(ParameterProblem, "[12u8, 0, 0xde, 0xff, 21, 0, 0, 0]");
error_view!(
    ParameterProblem,
    "[12u8, 0, 0xde, 0xff, 21, 0, 0, 0]",
    rfc4884
);

impl<B: ByteSlice> ParameterProblem<B> {
    /// The code.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let msg = icmpwire::ParameterProblem::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::ParameterProblemCode::POINTER);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> ParameterProblemCode {
        ParameterProblemCode(self.0.code())
    }

    /// Byte 4: the octet of the quoted datagram where the error was found (code 0).
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// assert_eq!(icmpwire::ParameterProblem::parse(&bytes[..]).unwrap().pointer(), 21);
    /// ```
    #[inline]
    #[must_use]
    pub fn pointer(&self) -> u8 {
        self.0.header.byte4
    }

    /// Byte 5: the RFC 4884 length of the original datagram in 32-bit words.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// assert_eq!(icmpwire::ParameterProblem::parse(&bytes[..]).unwrap().length_field(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn length_field(&self) -> u8 {
        self.0.header.length
    }

    /// Bytes 6-7, unused, as received.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// assert_eq!(icmpwire::ParameterProblem::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u16 {
        self.0.header.word6.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let msg = icmpwire::ParameterProblem::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.to_repr().pointer, 21);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ParameterProblemRepr<'_> {
        ParameterProblemRepr {
            code: self.code(),
            pointer: self.pointer(),
            length: self.length_field(),
            unused: self.unused(),
            quote: self.0.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> ParameterProblem<B> {
    /// Sets bytes 6-7 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let mut msg = icmpwire::ParameterProblem::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(5);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u16) {
        let old = self.unused();
        self.0.header_mut().word6 = U16::new(value);
        self.0.patch_u16(old, value);
    }

    /// Sets the pointer (byte 4); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let mut msg = icmpwire::ParameterProblem::parse(&mut bytes[..]).unwrap();
    /// msg.set_pointer(1);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_pointer(&mut self, pointer: u8) {
        let len = self.length_field();
        let old = u16::from_be_bytes([self.pointer(), len]);
        self.0.header_mut().byte4 = pointer;
        self.0.patch_u16(old, u16::from_be_bytes([pointer, len]));
    }

    /// Sets the RFC 4884 length (byte 5); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [12u8, 0, 0xde, 0xff, 21, 0, 0, 0];
    /// let mut msg = icmpwire::ParameterProblem::parse(&mut bytes[..]).unwrap();
    /// msg.set_length_field(32);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_length_field(&mut self, words: u8) {
        let p = self.pointer();
        let old = u16::from_be_bytes([p, self.length_field()]);
        self.0.header_mut().length = words;
        self.0.patch_u16(old, u16::from_be_bytes([p, words]));
    }
}

/// The fields of a parameter problem message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{ParameterProblemRepr, Repr};
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

rfc4884_repr!(ParameterProblemRepr);

impl ParameterProblemRepr<'_> {
    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = ErrorHeader {
            ty: 12,
            code: self.code.0,
            checksum: U16::ZERO,
            byte4: self.pointer,
            length: length_field(self.quote, self.extensions, self.length),
            word6: U16::new(self.unused),
        };
        fill_error(&header, self.quote, self.extensions, out)
    }
}

//! Parameter problem (type 12): RFC 792 (code 0 and the pointer), RFC 1108 and RFC 1122 section
//! 3.2.2.5 (code 1, missing required option), the IANA registry (code 2, bad length), RFC 4884
//! section 4.1 (the length byte).

use zerocopy::{ByteSlice, ByteSliceMut};

use crate::error::Part;
use crate::extension::ObjectRepr;
use crate::message::build::{Body, Describe};
use crate::message::quoting::Rfc4884Fields;
use crate::types::v4::ParameterProblemCode;
use crate::v4::V4;
use crate::view::{Fields, Version, View};

impl Fields<V4> for Rfc4884Fields<ParameterProblemCode> {
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
pub type ParameterProblem<B> = View<V4, B, Rfc4884Fields<ParameterProblemCode>>;

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
        let [b4, ..] = self.fields().bytes();
        b4
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
        let [_, _, hi, lo] = self.fields().bytes();
        u16::from_be_bytes([hi, lo])
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
            length_field: self.length_field(),
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
        self.modify(|f| {
            let [_, _, hi, lo] = f.bytes_mut();
            [*hi, *lo] = value.to_be_bytes();
        });
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
        self.modify(|f| {
            let [b4, ..] = f.bytes_mut();
            *b4 = pointer;
        });
    }
}

/// The fields of a parameter problem message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{ParameterProblemRepr, Repr};
///
/// let repr = Repr::ParameterProblem(ParameterProblemRepr { pointer: 21,
/// ..ParameterProblemRepr::default() }); let mut buf = [0u8; 8]; repr.emit(&mut buf).unwrap();
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
    pub length_field: u8,
    /// Bytes 6-7 (unused: 0).
    pub unused: u16,
    /// The bytes after the 8-byte header: the quoted datagram, written as given. `to_repr` puts
    /// the whole payload here (with a received RFC 4884 padding and extension structure, which
    /// then re-emit as received, `length_field` included); to build extensions, give the bare
    /// datagram and `extensions`.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length_field` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

impl Describe for ParameterProblemRepr<'_> {
    type Fields = Rfc4884Fields<ParameterProblemCode>;

    #[inline]
    fn describe(&self) -> (u8, Rfc4884Fields<ParameterProblemCode>, Body<'_>) {
        let body = Body::quote(self.quote, self.extensions, V4::LENGTH_UNIT);
        let length = body.length_field(self.length_field);
        (
            self.code.0,
            {
                let [hi, lo] = self.unused.to_be_bytes();
                Rfc4884Fields::new([self.pointer, length, hi, lo])
            },
            body,
        )
    }
}

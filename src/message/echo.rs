//! Echo request and reply: ICMPv4 types 8 and 0 (RFC 792), with information request and reply
//! (15 and 16) on the same fields; ICMPv6 types 128 and 129 (RFC 4443 section 4). The fields
//! after the checksum are an identifier and a sequence number; the data the request carries
//! comes back unchanged in the reply.
//!
//! RFC 792 gives echo a single code, 0, but a non-zero code is kept, not rejected: Linux copies
//! the request's code into its reply.
//!
//! The identifier and sequence number accessors are shared with the other messages that start
//! with those two fields (ICMPv4 timestamp and address mask): every fields struct that
//! implements [`Identified`] has them.

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::view::{Fields, Version, View, sealed};
use crate::write::{Build, fill_with, len_with};

/// The identifier and sequence number of an echo-like message (RFC 792, RFC 4443 section 4.1).
///
/// ```
/// use icmpwire::{fields::EchoFields, view::View, v4::{Echo, V4}};
///
/// let bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
/// let echo: View<V4, &[u8], EchoFields> = Echo::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.identifier(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct EchoFields {
    pub(crate) identifier: U16,
    pub(crate) sequence: U16,
}

impl sealed::Sealed for EchoFields {}

impl EchoFields {
    /// The fields to write.
    #[inline(always)]
    pub(crate) fn new(identifier: u16, sequence: u16) -> Self {
        EchoFields {
            identifier: U16::new(identifier),
            sequence: U16::new(sequence),
        }
    }
}

/// Fields that start with an identifier and a sequence number ([`EchoFields`]), whose views
/// share [`identifier`](View::identifier), [`sequence`](View::sequence) and their setters.
/// Sealed.
///
/// ```
/// use icmpwire::fields::{EchoFields, Identified};
///
/// fn has_identifier<F: Identified>() {}
/// has_identifier::<EchoFields>();
/// ```
pub trait Identified: sealed::Sealed {
    /// The identifier and sequence number.
    #[doc(hidden)]
    fn echo(&self) -> &EchoFields;
    /// The same, to write.
    #[doc(hidden)]
    fn echo_mut(&mut self) -> &mut EchoFields;
}

impl Identified for EchoFields {
    #[inline(always)]
    fn echo(&self) -> &EchoFields {
        self
    }
    #[inline(always)]
    fn echo_mut(&mut self) -> &mut EchoFields {
        self
    }
}

impl<I: Version, B: ByteSlice, F: Fields<I> + Identified> View<I, B, F> {
    /// The identifier (bytes 4-5), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().identifier(), 0x1234);
    /// ```
    #[inline]
    #[must_use]
    pub fn identifier(&self) -> u16 {
        self.fields().echo().identifier.get()
    }

    /// The sequence number (bytes 6-7), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().sequence(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.fields().echo().sequence.get()
    }
}

impl<I: Version, B: ByteSliceMut, F: Fields<I> + Identified> View<I, B, F> {
    /// Sets the identifier; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
    /// let mut echo = icmpwire::v4::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.set_identifier(0xBEEF);
    /// assert_eq!(echo.identifier(), 0xBEEF);
    /// assert!(echo.verify_checksum());
    /// assert_eq!(bytes[4..6], [0xBE, 0xEF]);
    /// ```
    #[inline]
    pub fn set_identifier(&mut self, identifier: u16) {
        self.modify(|f| f.echo_mut().identifier = U16::new(identifier));
    }

    /// Sets the sequence number; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
    /// let mut echo = icmpwire::v4::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.set_sequence(9);
    /// assert_eq!(echo.sequence(), 9);
    /// assert!(echo.verify_checksum());
    /// assert_eq!(bytes[6..8], [0, 9]);
    /// ```
    #[inline]
    pub fn set_sequence(&mut self, sequence: u16) {
        self.modify(|f| f.echo_mut().sequence = U16::new(sequence));
    }
}

impl<I: Version, B: ByteSlice> View<I, B, EchoFields>
where
    EchoFields: Fields<I>,
{
    /// The data after the header (the same bytes as `payload`).
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xc9, 0x12, 0x34, 0, 1, 0, 1];
    /// assert_eq!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().data(), &[0, 1]);
    /// ```
    #[inline]
    #[must_use]
    pub fn data(&self) -> &[u8] {
        self.rest()
    }

    /// The owned description of this message (borrowing its data).
    ///
    /// ```
    /// use icmpwire::{EchoRepr, v4::Echo};
    ///
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// let msg = Echo::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr, EchoRepr { code: 0, identifier: 0x1234, sequence: 1, data: &[] });
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> EchoRepr<'_> {
        EchoRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            data: self.data(),
        }
    }
}

impl<I: Version, B: ByteSliceMut> View<I, B, EchoFields>
where
    EchoFields: Fields<I>,
{
    /// The data for writing; call `update_checksum` after.
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0, 0];
    /// let mut echo = icmpwire::v4::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.data_mut()[0] = 42;
    /// echo.update_checksum();
    /// assert!(echo.verify_checksum());
    /// assert_eq!(bytes[8], 42);
    /// ```
    #[inline]
    pub fn data_mut(&mut self) -> &mut [u8] {
        self.rest_mut()
    }

    /// Turns a request into its reply in place: on ICMPv4 an echo request (8) into an echo
    /// reply (0), an information request (15) into an information reply (16); on ICMPv6 an
    /// echo request (128) into an echo reply (129). Identifier, sequence, code and data stay;
    /// the checksum is updated incrementally (RFC 1624 equation 3, no re-summing of the data,
    /// except in the one case RFC 1624 leaves out: an ICMPv4 reply that is all zero gets
    /// `0xFFFF` as RFC 1071 requires, where Linux writes `0x0000`). Returns `false`, changing
    /// nothing, for any other type.
    ///
    /// ```
    /// use icmpwire::v4::{Echo, MessageType};
    ///
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = Echo::parse(&mut bytes[..]).unwrap();
    /// assert!(echo.make_reply());
    /// assert_eq!(echo.message_type(), MessageType::ECHO_REPLY);
    /// assert!(echo.verify_checksum());
    /// assert!(!echo.make_reply());
    /// ```
    #[inline]
    pub fn make_reply(&mut self) -> bool {
        let Some(reply) = I::echo_reply(self.type_u8()) else {
            return false;
        };
        let code = self.code_u8();
        self.set_type_code(reply, code);
        true
    }
}

/// The fields of an echo request or reply (and on ICMPv4 of an information request or reply),
/// to emit with a `Repr` ([`v4::Repr`](crate::v4::Repr)); the variant gives the type.
///
/// ```
/// use icmpwire::EchoRepr;
/// use icmpwire::v4::Repr;
///
/// let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 7, data: b"hi", ..EchoRepr::default() });
/// let mut buf = [0xAAu8; 16];
/// let n = repr.emit(&mut buf).unwrap();
/// assert_eq!(&buf[..n], &[8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i']);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EchoRepr<'a> {
    /// The code: 0 in RFC 792 and RFC 4443 (Linux echoes a request's non-zero code back).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u16,
    /// The data (none for information messages).
    pub data: &'a [u8],
}

impl Build for EchoRepr<'_> {
    #[inline(always)]
    fn buffer_len(&self) -> usize {
        len_with::<EchoFields>(self.data)
    }

    #[inline(always)]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let fields = EchoFields::new(self.identifier, self.sequence);
        fill_with(ty, self.code, fields, self.data, out)
    }
}

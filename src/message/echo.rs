//! Echo request and reply: ICMPv4 types 8 and 0 (RFC 792), with information request and reply
//! (15 and 16) on the same fields; ICMPv6 types 128 and 129 (RFC 4443 section 4). The fields
//! after the checksum are an identifier and a sequence number; the data the request carries
//! comes back unchanged in the reply.
//!
//! RFC 792 gives echo a single code, 0, but a non-zero code is kept, not rejected: Linux copies
//! the request's code into its reply.
//!
//! The identifier and sequence number accessors are shared with the other messages that start
//! with those two fields (ICMPv4 timestamp and address mask): their fields are
//! `EchoFields<T>`, `T` being what follows the sequence number (nothing for echo).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::message::build::{Body, Describe};
use crate::view::{Fields, Version, View, sealed};

/// The identifier and sequence number of an echo-like message (RFC 792, RFC 4443 section 4.1),
/// and `T`, the fields that follow them: nothing for echo and information messages,
/// [`Timestamps`](crate::v4::Timestamps) and [`Mask`](crate::v4::Mask) for ICMPv4's timestamp
/// and address mask messages.
///
/// ```
/// use icmpwire::{fields::EchoFields, view::View, v4::{Echo, V4}};
///
/// let bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
/// let echo: View<V4, &[u8], EchoFields> = Echo::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.identifier(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct EchoFields<T = ()> {
    identifier: U16,
    sequence: U16,
    pub(crate) more: T,
}

impl<T> sealed::Sealed for EchoFields<T> {}

impl<T> EchoFields<T> {
    /// The fields to write.
    #[inline(always)]
    pub(crate) fn new(identifier: u16, sequence: u16, more: T) -> Self {
        EchoFields {
            identifier: U16::new(identifier),
            sequence: U16::new(sequence),
            more,
        }
    }
}

/// Fields that begin with a 16-bit identifier (bytes 4-5 of the message): the echo-like
/// messages of RFC 792 and RFC 4443, RFC 1393 traceroute, RFC 8335 extended echo. Their views
/// share [`identifier`](View::identifier) and [`set_identifier`](View::set_identifier).
/// Sealed.
///
/// ```
/// use icmpwire::fields::{EchoFields, Identified};
///
/// fn identified<F: Identified>() {}
/// identified::<EchoFields>();
/// identified::<icmpwire::v4::TracerouteFields>();
/// ```
pub trait Identified: sealed::Sealed + FromBytes + IntoBytes {}

impl<T> Identified for EchoFields<T> where EchoFields<T>: FromBytes + IntoBytes {}

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
        match self.fields().as_bytes().first_chunk::<2>() {
            Some(&word) => u16::from_be_bytes(word),
            None => 0,
        }
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
        self.modify(|f| {
            if let Some(word) = f.as_mut_bytes().first_chunk_mut::<2>() {
                *word = identifier.to_be_bytes();
            }
        });
    }
}

impl<I: Version, B: ByteSlice, T> View<I, B, EchoFields<T>>
where
    EchoFields<T>: Fields<I>,
{
    /// The sequence number (bytes 6-7), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().sequence(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.fields().sequence.get()
    }
}

impl<I: Version, B: ByteSliceMut, T> View<I, B, EchoFields<T>>
where
    EchoFields<T>: Fields<I>,
{
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
        self.modify(|f| f.sequence = U16::new(sequence));
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
    /// echo request (128) into an echo reply (129). Identifier, sequence and data stay; the code
    /// becomes 0, as RFC 792 and RFC 4443 section 4.2 give replies (every `make_reply` of this
    /// crate does so; Linux copies an echo request's code, which `set_code_u8` can imitate);
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
    ///
    /// // A request with code 5 gets a reply with code 0.
    /// let mut bytes = [8u8, 5, 0x7d, 0x56, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = Echo::parse(&mut bytes[..]).unwrap();
    /// assert!(echo.make_reply());
    /// assert_eq!(bytes[..4], [0, 0, 0x85, 0x5b]);
    /// ```
    #[inline]
    pub fn make_reply(&mut self) -> bool {
        let Some(reply) = I::echo_reply(self.type_u8()) else {
            return false;
        };
        self.set_type_code(reply, 0);
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

impl Describe for EchoRepr<'_> {
    type Fields = EchoFields;

    #[inline]
    fn describe(&self) -> (u8, EchoFields, Body<'_>) {
        let fields = EchoFields::new(self.identifier, self.sequence, ());
        (self.code, fields, Body::Bytes(self.data))
    }
}

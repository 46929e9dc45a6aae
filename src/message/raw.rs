//! Any ICMP message as its common header: on ICMPv4, type, code, checksum, the 4 "rest of
//! header" bytes (RFC 792) and the rest ([`RawFields`]); on ICMPv6, type, code, checksum and the
//! message body (RFC 4443 section 2.1), which may be empty ([`NoFields`]).
//! The `Other` variant of each version's `Message` holds the types this crate has no typed view
//! for (the experiments, unassigned values...), so that every message round-trips (every byte
//! but the checksum, which is written as RFC 1071 computes it). The raw view reads any type, including those with a typed view (a traceroute message
//! too short for its 20 bytes, which `Message::parse` refuses, reads here as its common header).

use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::message::build::{Body, Describe};
use crate::view::{Fields, Version, View, sealed};

/// The 4 bytes after the checksum, whatever they mean for the type.
///
/// ```
/// use icmpwire::{fields::RawFields, view::View, v4::{Raw, V4}};
///
/// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
/// let raw: View<V4, &[u8], RawFields> = Raw::parse(&bytes[..]).unwrap();
/// assert_eq!(raw.rest_of_header(), [0, 0, 0, 4]);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct RawFields {
    pub(crate) rest: [u8; 4],
}

impl sealed::Sealed for RawFields {}

impl<I: Version, B: ByteSlice> View<I, B, RawFields>
where
    RawFields: Fields<I>,
{
    /// Bytes 4-7, whose meaning depends on the type.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// assert_eq!(icmpwire::v4::Raw::parse(&bytes[..]).unwrap().rest_of_header(), [0, 0, 0, 4]);
    /// ```
    #[inline]
    #[must_use]
    pub fn rest_of_header(&self) -> [u8; 4] {
        self.fields().rest
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let msg = icmpwire::v4::Raw::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.message_type.0, 253);
    /// assert_eq!((repr.code, repr.rest_of_header), (1, [0, 0, 0, 4]));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RawRepr<'_, I::MessageType> {
        RawRepr {
            message_type: self.message_type(),
            code: self.code_u8(),
            rest_of_header: self.rest_of_header(),
            payload: self.payload(),
        }
    }
}

impl<I: Version, B: ByteSliceMut> View<I, B, RawFields>
where
    RawFields: Fields<I>,
{
    /// Sets bytes 4-7; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let mut raw = icmpwire::v4::Raw::parse(&mut bytes[..]).unwrap();
    /// raw.set_rest_of_header([1, 2, 3, 4]);
    /// assert_eq!(raw.rest_of_header(), [1, 2, 3, 4]);
    /// assert!(raw.verify_checksum());
    /// ```
    #[inline]
    pub fn set_rest_of_header(&mut self, rest: [u8; 4]) {
        self.modify(|f| f.rest = rest);
    }
}

/// The fields of the raw views ([`RawFields`] on ICMPv4, [`NoFields`] on ICMPv6), which read
/// any type: their views can change the type byte. Sealed.
///
/// ```
/// use icmpwire::fields::{NoFields, RawFields, Untyped};
///
/// fn untyped<F: Untyped>() {}
/// untyped::<RawFields>();
/// untyped::<NoFields>();
/// ```
pub trait Untyped: sealed::Sealed {}

impl Untyped for RawFields {}
impl Untyped for NoFields {}

impl<I: Version, B: ByteSliceMut, F: Fields<I> + Untyped> View<I, B, F> {
    /// Sets the type byte; the checksum follows (over the pseudo-header on ICMPv6 too: the
    /// update needs no addresses).
    ///
    /// ```
    /// use icmpwire::v4::MessageType;
    ///
    /// let mut bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let mut raw = icmpwire::v4::Raw::parse(&mut bytes[..]).unwrap();
    /// raw.set_message_type(MessageType(41));
    /// assert_eq!(raw.message_type(), MessageType(41));
    /// assert!(raw.verify_checksum());
    /// assert_eq!(bytes[0], 41);
    ///
    /// let (src, dst) = (core::net::Ipv6Addr::LOCALHOST, core::net::Ipv6Addr::LOCALHOST);
    /// let mut bytes = [200u8, 0, 0, 0, 0xAB];
    /// let sum = icmpwire::checksum::icmpv6_checksum(src, dst, &bytes);
    /// bytes[2..4].copy_from_slice(&sum.to_be_bytes());
    /// let mut raw = icmpwire::v6::Raw::parse(&mut bytes[..], src, dst).unwrap();
    /// raw.set_message_type(icmpwire::v6::MessageType(201));
    /// assert!(raw.verify_checksum(src, dst));
    /// assert_eq!(bytes[0], 201);
    /// ```
    #[inline]
    pub fn set_message_type(&mut self, ty: I::MessageType) {
        let code = self.code_u8();
        self.set_type_code(ty.into(), code);
    }
}

/// No fields: everything after the checksum is the message body (RFC 4443 section 2.1), for
/// the ICMPv6 types without a view, which may be as short as 4 bytes.
///
/// ```
/// use icmpwire::{fields::NoFields, view::View, v6::{Raw, V6}};
///
/// // Type 200 (private experimentation), an empty body; the checksum covers the pseudo-header.
/// let (src, dst) = (core::net::Ipv6Addr::LOCALHOST, core::net::Ipv6Addr::LOCALHOST);
/// let mut bytes = [200u8, 0, 0, 0];
/// let sum = icmpwire::checksum::icmpv6_checksum(src, dst, &bytes);
/// bytes[2..4].copy_from_slice(&sum.to_be_bytes());
/// let raw: View<V6, &[u8], NoFields> = Raw::parse(&bytes[..], src, dst).unwrap();
/// assert!(raw.body().is_empty());
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct NoFields;

impl sealed::Sealed for NoFields {}

impl<I: Version, B: ByteSlice> View<I, B, NoFields>
where
    NoFields: Fields<I>,
{
    /// The message body: everything after the checksum.
    ///
    /// ```
    /// let bytes = [201u8, 7, 0, 0, 0xAB];
    /// let raw = icmpwire::v6::Raw::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(raw.body(), &[0xAB]);
    /// ```
    #[inline]
    #[must_use]
    pub fn body(&self) -> &[u8] {
        self.rest()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [201u8, 7, 0, 0, 0xAB];
    /// let msg = icmpwire::v6::Raw::parse_unverified(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.message_type.0, repr.code, repr.body), (201, 7, &[0xAB][..]));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> BodyRepr<'_, I::MessageType> {
        BodyRepr {
            message_type: self.message_type(),
            code: self.code_u8(),
            body: self.body(),
        }
    }
}

/// Any ICMPv6 message as type, code and body, to emit with a `Repr`
/// ([`v6::RawRepr`](crate::v6::RawRepr) names it).
///
/// ```
/// use icmpwire::v6::{MessageType, RawRepr, Repr};
///
/// let repr = Repr::Other(RawRepr { message_type: MessageType(200), code: 0, body: &[] });
/// assert_eq!(repr.buffer_len(), 4);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct BodyRepr<'a, T> {
    /// The type.
    pub message_type: T,
    /// The code.
    pub code: u8,
    /// Everything after the checksum.
    pub body: &'a [u8],
}

impl<T> Describe for BodyRepr<'_, T> {
    type Fields = NoFields;

    #[inline]
    fn describe(&self) -> (u8, NoFields, Body<'_>) {
        (self.code, NoFields, Body::Bytes(self.body))
    }
}

/// Any message as type, code, rest of header and body, to emit with a `Repr` (`T` is the
/// version's message type; [`v4::RawRepr`](crate::v4::RawRepr) names it for ICMPv4).
///
/// ```
/// use icmpwire::v4::{MessageType, RawRepr, Repr};
///
/// let repr = Repr::Other(RawRepr { message_type: MessageType(253), code: 1, rest_of_header: [0, 0, 0, 4], payload: &[] });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [253, 1, 0x02, 0xfa, 0, 0, 0, 4]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RawRepr<'a, T> {
    /// The type.
    pub message_type: T,
    /// The code.
    pub code: u8,
    /// Bytes 4-7.
    pub rest_of_header: [u8; 4],
    /// Bytes 8 onwards.
    pub payload: &'a [u8],
}

impl<T> Describe for RawRepr<'_, T> {
    type Fields = RawFields;

    #[inline]
    fn describe(&self) -> (u8, RawFields, Body<'_>) {
        let fields = RawFields {
            rest: self.rest_of_header,
        };
        (self.code, fields, Body::Bytes(self.payload))
    }
}

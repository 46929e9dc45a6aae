//! What the messages that quote the datagram that caused them share, whatever their version:
//! the errors of RFC 792 (destination unreachable, source quench, time exceeded, parameter
//! problem), redirect, RFC 2521's Photuris, and the errors of RFC 4443.
//!
//! * The quote: RFC 792 asks for "the internet header plus the first 64 bits of the original
//!   datagram's data", RFC 1812 section 4.3.2.3 lets routers quote up to 576 bytes, RFC 4443
//!   section 2.4 (c) as much as fits in the IPv6 minimum MTU. Read with [`Quote`].
//! * RFC 4884 multi-part messages (destination unreachable, time exceeded and parameter
//!   problem on ICMPv4, section 4.1; destination unreachable and time exceeded on ICMPv6,
//!   section 4.2): a length field gives the padded length of the original datagram in 32-bit
//!   (ICMPv4) or 64-bit (ICMPv6) words, and an extension structure follows it. Where it is
//!   found is [`extension::locate`](crate::extension::locate)'s business.
//!
//! The builders of the RFC 4884 messages describe their body with
//! [`Body::quote`](super::build::Body::quote); writing the padded quote, the structure and the
//! length field is done once, in `build.rs`. The five messages with the length field share one
//! fields struct, [`Rfc4884Fields<C>`]; those whose other bytes are all unused (ICMPv4's time
//! exceeded, ICMPv6's destination unreachable and time exceeded) also share their `unused`
//! accessors, `to_repr` and builder, [`Rfc4884Repr`].

use core::marker::PhantomData;

use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::extension::{self, Extensions, ObjectRepr};
use crate::message::build::{Body, Describe};
use crate::quote::Quote;
use crate::view::{Fields, Version, View, sealed};

/// Fields of a message that quotes the datagram that caused it; their views have
/// [`quote`](View::quote), [`original_datagram`](View::original_datagram) and
/// [`extensions`](View::extensions). Sealed.
///
/// ```
/// use icmpwire::fields::Quoting;
/// use icmpwire::fields::Rfc4884Fields;
/// use icmpwire::v4::TimeExceededCode;
///
/// fn quotes<F: Quoting>() {}
/// quotes::<Rfc4884Fields<TimeExceededCode>>();
/// ```
pub trait Quoting: sealed::Sealed {
    /// The RFC 4884 length field, for the messages that carry one (`None`: the whole payload
    /// is the quote).
    #[doc(hidden)]
    #[inline(always)]
    fn rfc4884_length(&self) -> Option<u8> {
        None
    }
}

/// Fields of a message with an RFC 4884 length field; their views have
/// [`length_field`](View::length_field) and [`set_length_field`](View::set_length_field).
/// Sealed.
///
/// ```
/// use icmpwire::fields::Rfc4884;
/// use icmpwire::fields::Rfc4884Fields;
/// use icmpwire::v4::UnreachableCode;
///
/// fn multi_part<F: Rfc4884>() {}
/// multi_part::<Rfc4884Fields<UnreachableCode>>();
/// ```
pub trait Rfc4884: Quoting {
    /// The length field, to write.
    #[doc(hidden)]
    fn length_mut(&mut self) -> &mut u8;
}

/// The fields of the messages RFC 4884 gives a length field. On ICMPv4 (section 4.1:
/// destination unreachable, time exceeded, parameter problem) byte 5 is the length in 32-bit
/// words and byte 4 and bytes 6-7 are the message's own (unused, a parameter problem's pointer,
/// RFC 1191's next-hop MTU); on ICMPv6 (section 4.2: destination unreachable, time exceeded)
/// byte 4 is the length in 64-bit words and bytes 5-7 are unused. `C` is the message's code
/// type, which says where its version puts the length.
///
/// ```
/// use icmpwire::fields::Rfc4884Fields;
/// use icmpwire::v4::{UnreachableCode, V4};
///
/// let bytes = [3u8, 4, 0xf7, 0xe7, 0, 0, 0x05, 0x14];
/// let msg: icmpwire::view::View<V4, &[u8], Rfc4884Fields<UnreachableCode>> =
///     icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.next_hop_mtu(), 1300);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct Rfc4884Fields<C> {
    bytes: [u8; 4],
    code: PhantomData<C>,
}

impl<C> Rfc4884Fields<C> {
    /// Bytes 4-7 to write.
    #[inline(always)]
    pub(crate) fn new(bytes: [u8; 4]) -> Self {
        Rfc4884Fields {
            bytes,
            code: PhantomData,
        }
    }

    /// Bytes 4-7.
    #[inline(always)]
    pub(crate) fn bytes(&self) -> [u8; 4] {
        self.bytes
    }

    /// Bytes 4-7, to write.
    #[inline(always)]
    pub(crate) fn bytes_mut(&mut self) -> &mut [u8; 4] {
        &mut self.bytes
    }
}

impl<C> sealed::Sealed for Rfc4884Fields<C> {}

impl<C: Rfc4884Code> Quoting for Rfc4884Fields<C> {
    #[inline(always)]
    fn rfc4884_length(&self) -> Option<u8> {
        let [b4, b5, _, _] = self.bytes;
        Some(if C::LENGTH_AT_BYTE_4 { b4 } else { b5 })
    }
}

impl<C: Rfc4884Code> Rfc4884 for Rfc4884Fields<C> {
    #[inline(always)]
    fn length_mut(&mut self) -> &mut u8 {
        let [b4, b5, _, _] = &mut self.bytes;
        if C::LENGTH_AT_BYTE_4 { b4 } else { b5 }
    }
}

/// The code type of a message with an RFC 4884 length field, which says where its version
/// puts the length.
pub trait Rfc4884Code: Copy + Into<u8> {
    /// Bytes per unit of the length field.
    const UNIT: usize;
    /// Whether the length is byte 4 (ICMPv6) rather than byte 5 (ICMPv4).
    const LENGTH_AT_BYTE_4: bool;
}

impl<I: Version, B: ByteSlice, F: Fields<I> + Quoting> View<I, B, F> {
    /// The quoted original datagram: the whole payload, or with an RFC 4884 length (or a
    /// compatible extension structure at byte 128) the part before the extensions.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xaf, 0xeb, 0, 0, 0, 0, 0x45, 0, 0, 20];
    /// let msg = icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.original_datagram(), &bytes[8..]);
    /// ```
    #[inline]
    #[must_use]
    pub fn original_datagram(&self) -> &[u8] {
        match self.declared_len() {
            Some(n) => extension::locate_datagram(self.rest(), n),
            None => self.rest(),
        }
    }

    /// The RFC 4884 extension structure after the original datagram, if there is one (see
    /// [`crate::extension`] for how it is found); always `None` for the messages
    /// RFC 4884 does not extend (source quench, redirect, Photuris).
    ///
    /// ```
    /// use icmpwire::extension::ObjectData;
    /// use icmpwire::v4::TimeExceeded;
    ///
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let msg = TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert!(msg.extensions().is_none());
    ///
    /// // RFC 4884: the datagram padded to 128 bytes (length field 32 words), then the
    /// // structure: version 2, its checksum, one RFC 4950 MPLS object (class 1, c-type 1).
    /// let mut bytes = vec![11u8, 0, 0, 0, 0, 32, 0, 0];
    /// bytes.extend_from_slice(&[0x45; 128]);
    /// bytes.extend_from_slice(&[0x20, 0, 0, 0, 0, 8, 1, 1, 0x00, 0x01, 0x01, 0x40]);
    /// let msg = TimeExceeded::parse_unverified(&bytes[..]).unwrap();
    /// let ext = msg.extensions().unwrap();
    /// assert_eq!(ext.version(), 2);
    /// let object = ext.objects().next().unwrap().unwrap();
    /// assert_eq!((object.class_num(), object.c_type(), object.length()), (1, 1, 8));
    /// let ObjectData::Mpls(mut labels) = object.data() else { panic!() };
    /// // Label 16 (0x00010 in the top 20 bits), S set, TTL 64.
    /// let label = labels.next().unwrap();
    /// assert_eq!((label.label, label.bottom_of_stack, label.ttl), (16, true, 64));
    /// ```
    #[inline]
    #[must_use]
    pub fn extensions(&self) -> Option<Extensions<'_>> {
        self.quote_split().1
    }

    /// The bytes after the original datagram: the extension structure when there is one;
    /// otherwise what the length field leaves past the datagram, which is not one (1 to 3
    /// bytes, too few for its header, or anything after a length under 128 bytes, which
    /// RFC 4884 section 4.1 does not allow with extensions). Empty when the quote is all
    /// datagram. Nothing of the message is out of reach: payload = datagram + these bytes.
    ///
    /// ```
    /// // Length field 32 words (128 bytes), then 2 bytes: too short for an extension header.
    /// let mut bytes = [0u8; 8 + 130];
    /// bytes[0] = 11;
    /// bytes[5] = 32;
    /// let sum = icmpwire::checksum::internet_checksum(&bytes);
    /// bytes[2..4].copy_from_slice(&sum.to_be_bytes());
    /// let msg = icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert!(msg.extensions().is_none());
    /// assert_eq!(msg.original_datagram().len(), 128);
    /// assert_eq!(msg.after_datagram(), &[0, 0]);
    /// ```
    #[inline]
    #[must_use]
    pub fn after_datagram(&self) -> &[u8] {
        let (datagram, _) = self.quote_split();
        self.rest().get(datagram.len()..).unwrap_or(&[])
    }

    /// The quoted original datagram as a [`Quote`] to decode.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    ///
    /// let bytes = [5u8, 1, 0x38, 0xfb, 192, 0, 2, 3];
    /// let msg = icmpwire::v4::Redirect::parse(&bytes[..]).unwrap();
    /// assert!(msg.quote().bytes().is_empty());
    ///
    /// // A redirect quoting a UDP datagram 198.51.100.1 -> 203.0.113.9, ports 33434 -> 53.
    /// let mut bytes = vec![5u8, 1, 0, 0, 192, 0, 2, 3];
    /// bytes.extend_from_slice(&[0x45, 0, 0, 28, 0, 1, 0, 0, 64, 17, 0, 0]);
    /// bytes.extend_from_slice(&[198, 51, 100, 1, 203, 0, 113, 9]);
    /// bytes.extend_from_slice(&[0x82, 0x9a, 0x00, 0x35, 0, 8, 0, 0]);
    /// let msg = icmpwire::v4::Redirect::parse_unverified(&bytes[..]).unwrap();
    /// let ip = msg.quote().ipv4().unwrap();
    /// assert_eq!((ip.src(), ip.dst()), (Ipv4Addr::new(198, 51, 100, 1), Ipv4Addr::new(203, 0, 113, 9)));
    /// assert_eq!(ip.ports(), Ok((33434, 53)));
    /// ```
    #[inline]
    #[must_use]
    pub fn quote(&self) -> Quote<'_> {
        Quote::new(self.original_datagram())
    }

    /// The payload split into the datagram and the extension structure.
    #[inline(always)]
    fn quote_split(&self) -> (&[u8], Option<Extensions<'_>>) {
        match self.declared_len() {
            Some(n) => extension::locate(self.rest(), n),
            None => (self.rest(), None),
        }
    }

    /// The original datagram's length the RFC 4884 field declares, in bytes (0 when the field
    /// is 0); `None` for the messages RFC 4884 does not extend.
    #[inline(always)]
    fn declared_len(&self) -> Option<usize> {
        let words = self.fields().rfc4884_length()?;
        Some(usize::from(words).wrapping_mul(I::LENGTH_UNIT))
    }
}

impl<I: Version, B: ByteSlice, F: Fields<I> + Rfc4884> View<I, B, F> {
    /// The RFC 4884 length of the original datagram, in 32-bit words on ICMPv4 (byte 5) and
    /// 64-bit words on ICMPv6 (byte 4); 0 when no extensions follow.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap().length_field(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn length_field(&self) -> u8 {
        self.fields().rfc4884_length().unwrap_or(0)
    }
}

impl<I: Version, B: ByteSliceMut, F: Fields<I> + Rfc4884> View<I, B, F> {
    /// Sets the RFC 4884 length field; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_length_field(32);
    /// assert_eq!(msg.length_field(), 32);
    /// assert!(msg.verify_checksum());
    /// assert_eq!(bytes[5], 32);
    /// ```
    #[inline]
    pub fn set_length_field(&mut self, words: u8) {
        self.modify(|f| *f.length_mut() = words);
    }
}

/// The fields of an RFC 4884 message whose only field besides the length is unused, to emit
/// with a `Repr`: ICMPv4's time exceeded ([`v4::TimeExceededRepr`](crate::v4::TimeExceededRepr)),
/// ICMPv6's destination unreachable and time exceeded
/// ([`v6::DestinationUnreachableRepr`](crate::v6::DestinationUnreachableRepr),
/// [`v6::TimeExceededRepr`](crate::v6::TimeExceededRepr)). `C` is the message's code type.
///
/// ```
/// use icmpwire::v4::{Repr, TimeExceededRepr};
///
/// let repr = Repr::TimeExceeded(TimeExceededRepr { quote: &[0x45, 0, 0, 28],
/// ..TimeExceededRepr::default() }); assert_eq!(repr.buffer_len(), 12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Rfc4884Repr<'a, C> {
    /// The code.
    pub code: C,
    /// The RFC 4884 length (32-bit words on ICMPv4, 64-bit words on ICMPv6; 0 without
    /// extensions).
    pub length_field: u8,
    /// The unused bytes besides the length field, as one big-endian number (0): on ICMPv4 byte
    /// 4 (bits 16-23) and bytes 6-7, on ICMPv6 bytes 5-7. Bits above them are ignored.
    pub unused: u32,
    /// The bytes after the 8-byte header: the quoted datagram, written as given. `to_repr`
    /// puts the whole payload here (with a received RFC 4884 padding and extension structure,
    /// which then re-emit as received, `length_field` included); to build extensions, give the bare
    /// datagram and `extensions`.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a whole number of words and at least 128 bytes, `length_field` is replaced by the
    /// padded length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

/// The code type of an [`Rfc4884Repr`] message, whose bytes 4-7 besides the length are all
/// unused: how its version lays them out.
pub trait UnusedLayout: Rfc4884Code {
    /// Bytes 4-7: the length field and the unused bytes.
    fn layout(length: u8, unused: u32) -> [u8; 4];
    /// The unused bytes of bytes 4-7, as one big-endian number.
    fn unused(bytes: [u8; 4]) -> u32;
}

impl<I: Version, B: ByteSlice, C: UnusedLayout + From<u8>> View<I, B, Rfc4884Fields<C>>
where
    Rfc4884Fields<C>: Fields<I, Code = C>,
{
    /// The unused bytes besides the length, as received, as one big-endian number: on
    /// ICMPv4's time exceeded byte 4 (bits 16-23) and bytes 6-7, on ICMPv6's destination
    /// unreachable and time exceeded bytes 5-7.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::TimeExceeded::parse(&bytes[..]).unwrap().unused(), 1);
    /// let bytes = [1u8, 0, 0, 0, 0, 0xc7, 0x01, 0xca];
    /// let msg = icmpwire::v6::DestinationUnreachable::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(msg.unused(), 0xc701ca);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        C::unused(self.fields().bytes)
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [3u8, 0, 0, 0, 0, 0, 0, 0, 0x60];
    /// let msg = icmpwire::v6::TimeExceeded::parse_unverified(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.length_field, repr.quote), (0, &[0x60][..]));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> Rfc4884Repr<'_, C> {
        Rfc4884Repr {
            code: self.code(),
            length_field: self.length_field(),
            unused: self.unused(),
            quote: self.payload(),
            extensions: &[],
        }
    }
}

impl<I: Version, B: ByteSliceMut, C: UnusedLayout> View<I, B, Rfc4884Fields<C>>
where
    Rfc4884Fields<C>: Fields<I>,
{
    /// Sets the unused bytes besides the length from `value` (as [`unused`](View::unused)
    /// reads them; higher bits are ignored); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(0x0001_0002);
    /// assert_eq!(msg.unused(), 0x0001_0002);
    /// assert!(msg.verify_checksum());
    /// assert_eq!(bytes[4..], [1, 0, 0, 2]);
    ///
    /// let mut bytes = [1u8, 0, 0, 0, 0, 0, 0, 0]; let mut msg =
    /// icmpwire::v6::DestinationUnreachable::parse_unverified(&mut bytes[..]).unwrap();
    /// msg.set_unused(0x0A0B0C); assert_eq!(bytes[4..], [0, 0x0A, 0x0B, 0x0C]);
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        self.modify(|f| {
            let length = f.rfc4884_length().unwrap_or(0);
            f.bytes = C::layout(length, value);
        });
    }
}

impl<C: UnusedLayout> Describe for Rfc4884Repr<'_, C> {
    type Fields = [u8; 4];

    #[inline]
    fn describe(&self) -> (u8, [u8; 4], Body<'_>) {
        let body = Body::quote(self.quote, self.extensions, C::UNIT);
        let fields = C::layout(body.length_field(self.length_field), self.unused);
        (self.code.into(), fields, body)
    }
}

//! Extended echo request and reply (RFC 8335, "PROBE"): ICMPv4 types 42 and 43, ICMPv6 types
//! 160 and 161, the same fields on both. A request asks a node about the state of one of its
//! interfaces, named in an interface identification object (class 3) of an RFC 4884 extension
//! structure that follows the 8-byte header.
//!
//! * Request: identifier (16 bits), sequence number (8 bits), 7 reserved bits and the L bit
//!   (the interface is local to the node probed, rather than a neighbour).
//! * Reply: identifier, sequence number, State (3 bits, for a neighbour), 2 reserved bits, and
//!   the A (active), 4 (IPv4 running) and 6 (IPv6 running) bits; the code says why a probe
//!   failed ([`ExtendedEchoReplyCode`](crate::v4::ExtendedEchoReplyCode)). Linux copies the
//!   request's extension structure back.
//!
//! The structure is read with [`extensions`](View::extensions); a payload that is not one
//! (fewer than 4 bytes) is an error there, not at parse time, so that a malformed probe can
//! still be answered with code 1 ("malformed query").

use core::marker::PhantomData;

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::ParseError;
use crate::extension::Extensions;
use crate::message::build::{Body, Describe};
use crate::message::echo::Identified;
use crate::types::v4::ExtendedEchoReplyCode;
use crate::view::{Fields, Version, View, sealed};

/// The fields of an extended echo request (`K` = [`Request`]) or reply (`K` = [`Reply`]):
/// identifier, 8-bit sequence number, a byte of flags.
///
/// ```
/// use icmpwire::fields::{ExtendedEchoFields, Reply};
/// use icmpwire::view::View;
/// use icmpwire::v4::{ExtendedEchoReply, V4};
///
/// let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
/// let reply: View<V4, &[u8], ExtendedEchoFields<Reply>> = ExtendedEchoReply::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.flags(), 0x07);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct ExtendedEchoFields<K> {
    pub(crate) identifier: U16,
    pub(crate) sequence: u8,
    pub(crate) flags: u8,
    kind: PhantomData<K>,
}

impl<K> sealed::Sealed for ExtendedEchoFields<K> {}

impl<K> Identified for ExtendedEchoFields<K> {}

/// Marks the fields of an extended echo request (see [`ExtendedEchoFields`]).
///
/// ```
/// let _: Option<icmpwire::fields::Request> = None;
/// ```
pub enum Request {}

/// Marks the fields of an extended echo reply (see [`ExtendedEchoFields`]).
///
/// ```
/// let _: Option<icmpwire::fields::Reply> = None;
/// ```
pub enum Reply {}

impl<K> ExtendedEchoFields<K> {
    /// The fields to write.
    #[inline(always)]
    fn new(identifier: u16, sequence: u8, flags: u8) -> Self {
        ExtendedEchoFields {
            identifier: U16::new(identifier),
            sequence,
            flags,
            kind: PhantomData,
        }
    }
}

impl<I: Version, B: ByteSlice, K> View<I, B, ExtendedEchoFields<K>>
where
    ExtendedEchoFields<K>: Fields<I>,
{
    /// The 8-bit sequence number.
    ///
    /// ```
    /// let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert_eq!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().sequence(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u8 {
        self.fields().sequence
    }

    /// Byte 7 as received (the L bit of a request; State, A, 4, 6 of a reply).
    ///
    /// ```
    /// let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::ExtendedEchoRequest::parse(&bytes[..]).unwrap().flags(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn flags(&self) -> u8 {
        self.fields().flags
    }

    /// The RFC 4884 extension structure after the header (the interface identification
    /// object of a request).
    ///
    /// ```
    /// use icmpwire::v4::{ExtendedEchoReply, ExtendedEchoRequest};
    ///
    /// let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// let probe = ExtendedEchoRequest::parse(&bytes[..]).unwrap();
    /// assert_eq!(probe.extensions().unwrap().objects().count(), 1);
    ///
    /// let bare = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(ExtendedEchoReply::parse(&bare[..]).unwrap().extensions().is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::ExtensionHeader`](crate::Part::ExtensionHeader))
    /// when fewer than 4 bytes follow the header.
    #[inline]
    pub fn extensions(&self) -> Result<Extensions<'_>, ParseError> {
        Extensions::parse(self.rest())
    }
}

impl<I: Version, B: ByteSliceMut, K> View<I, B, ExtendedEchoFields<K>>
where
    ExtendedEchoFields<K>: Fields<I>,
{
    /// Sets the 8-bit sequence number (byte 6); the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// let mut reply = icmpwire::v4::ExtendedEchoReply::parse(&mut bytes[..]).unwrap();
    /// reply.set_sequence(0xA5);
    /// assert_eq!(reply.sequence(), 0xA5);
    /// assert!(reply.verify_checksum());
    /// assert_eq!(bytes[6..8], [0xA5, 0x07]);
    /// ```
    #[inline]
    pub fn set_sequence(&mut self, sequence: u8) {
        self.modify(|f| f.sequence = sequence);
    }

    /// Sets byte 7 whole (the L bit of a request; State, A, 4, 6 of a reply; see RFC 8335
    /// sections 2 and 3); the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// let mut probe = icmpwire::v4::ExtendedEchoRequest::parse(&mut bytes[..]).unwrap();
    /// probe.set_flags(0);
    /// assert!(!probe.local());
    /// assert!(probe.verify_checksum());
    /// assert_eq!(bytes[6..8], [1, 0]);
    /// ```
    #[inline]
    pub fn set_flags(&mut self, flags: u8) {
        self.modify(|f| f.flags = flags);
    }
}

impl<I: Version, B: ByteSlice> View<I, B, ExtendedEchoFields<Request>>
where
    ExtendedEchoFields<Request>: Fields<I>,
{
    /// The L bit: the interface probed is on the node itself (not a neighbour's).
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// assert!(icmpwire::v4::ExtendedEchoRequest::parse(&bytes[..]).unwrap().local());
    /// ```
    #[inline]
    #[must_use]
    pub fn local(&self) -> bool {
        self.flags() & 1 == 1
    }

    /// The 7 reserved bits above the L bit.
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::ExtendedEchoRequest::parse(&bytes[..]).unwrap().reserved(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u8 {
        self.flags() >> 1
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// let msg = icmpwire::v4::ExtendedEchoRequest::parse(&bytes[..]).unwrap();
    /// assert!(msg.to_repr().local);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ExtendedEchoRequestRepr<'_> {
        ExtendedEchoRequestRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            local: self.local(),
            reserved: self.reserved(),
            payload: self.payload(),
        }
    }
}

impl<I: Version, B: ByteSlice> View<I, B, ExtendedEchoFields<Reply>>
where
    ExtendedEchoFields<Reply>: Fields<I>,
{
    /// State (3 bits): the neighbour entry's state for a probed neighbour (RFC 8335 section 3:
    /// 1 incomplete, 2 reachable, 3 stale, 4 delay, 5 probe, 6 failed), 0 otherwise.
    ///
    /// ```
    /// let bytes = [43u8, 0, 0xc1, 0x64, 0x12, 0x34, 1, 0x67];
    /// assert_eq!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().state(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn state(&self) -> u8 {
        self.flags() >> 5
    }

    /// The 2 reserved bits.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert_eq!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().reserved(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u8 {
        (self.flags() >> 3) & 3
    }

    /// The A bit: the interface is active.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().active());
    /// ```
    #[inline]
    #[must_use]
    pub fn active(&self) -> bool {
        self.flags() & 0b100 != 0
    }

    /// The 4 bit: IPv4 is running on the interface.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().ipv4());
    /// ```
    #[inline]
    #[must_use]
    pub fn ipv4(&self) -> bool {
        self.flags() & 0b010 != 0
    }

    /// The 6 bit: IPv6 is running on the interface.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap().ipv6());
    /// ```
    #[inline]
    #[must_use]
    pub fn ipv6(&self) -> bool {
        self.flags() & 0b001 != 0
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// let msg = icmpwire::v4::ExtendedEchoReply::parse(&bytes[..]).unwrap();
    /// assert!(msg.to_repr().active);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ExtendedEchoReplyRepr<'_> {
        ExtendedEchoReplyRepr {
            code: ExtendedEchoReplyCode(self.code_u8()),
            identifier: self.identifier(),
            sequence: self.sequence(),
            state: self.state(),
            reserved: self.reserved(),
            active: self.active(),
            ipv4: self.ipv4(),
            ipv6: self.ipv6(),
            payload: self.payload(),
        }
    }
}

/// The fields of an extended echo request, to emit with a `Repr` ([`v4::Repr`](crate::v4::Repr)).
///
/// ```
/// use icmpwire::ExtendedEchoRequestRepr;
/// use icmpwire::v4::Repr;
///
/// let ext = [0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
/// let repr = Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
///     identifier: 0x1234, sequence: 1, local: true, payload: &ext, ..ExtendedEchoRequestRepr::default()
/// });
/// let mut buf = [0u8; 20];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(&buf[..8], &[42, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ExtendedEchoRequestRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u8,
    /// The L bit.
    pub local: bool,
    /// The 7 reserved bits (0).
    pub reserved: u8,
    /// What follows the header: the extension structure (build one with
    /// [`extension::write`](crate::extension::write)).
    pub payload: &'a [u8],
}

impl Describe for ExtendedEchoRequestRepr<'_> {
    type Fields = ExtendedEchoFields<Request>;

    #[inline]
    fn describe(&self) -> (u8, ExtendedEchoFields<Request>, Body<'_>) {
        let flags = (self.reserved << 1) | u8::from(self.local);
        let fields = ExtendedEchoFields::<Request>::new(self.identifier, self.sequence, flags);
        (self.code, fields, Body::Bytes(self.payload))
    }
}

/// The fields of an extended echo reply, to emit with a `Repr` ([`v4::Repr`](crate::v4::Repr)).
///
/// ```
/// use icmpwire::ExtendedEchoReplyRepr;
/// use icmpwire::v4::Repr;
///
/// let repr = Repr::ExtendedEchoReply(ExtendedEchoReplyRepr {
///     identifier: 0x1234, sequence: 1, active: true, ipv4: true, ipv6: true, ..ExtendedEchoReplyRepr::default()
/// });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [43, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ExtendedEchoReplyRepr<'a> {
    /// The code.
    pub code: ExtendedEchoReplyCode,
    /// The identifier (the request's).
    pub identifier: u16,
    /// The sequence number (the request's).
    pub sequence: u8,
    /// State (3 bits).
    pub state: u8,
    /// The 2 reserved bits (0).
    pub reserved: u8,
    /// The A bit.
    pub active: bool,
    /// The 4 bit.
    pub ipv4: bool,
    /// The 6 bit.
    pub ipv6: bool,
    /// What follows the header (Linux returns the request's extension structure).
    pub payload: &'a [u8],
}

impl Describe for ExtendedEchoReplyRepr<'_> {
    type Fields = ExtendedEchoFields<Reply>;

    #[inline]
    fn describe(&self) -> (u8, ExtendedEchoFields<Reply>, Body<'_>) {
        let flags = (self.state & 7) << 5
            | (self.reserved & 3) << 3
            | u8::from(self.active) << 2
            | u8::from(self.ipv4) << 1
            | u8::from(self.ipv6);
        let fields = ExtendedEchoFields::<Reply>::new(self.identifier, self.sequence, flags);
        (self.code.0, fields, Body::Bytes(self.payload))
    }
}

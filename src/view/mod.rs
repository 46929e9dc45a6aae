//! One generic view for every message of either IP version: [`View<I, B, F>`].
//!
//! Every ICMP message starts with the same four bytes, type, code and checksum (RFC 792 for
//! ICMPv4, RFC 4443 section 2.1 for ICMPv6), followed by fields that depend on the type (an
//! identifier and a sequence number, an unused word and a length, a gateway address...) and a
//! body. A view is the caller's bytes split once: a zerocopy header over the common four bytes
//! and the type's fields `F`, and the rest as the payload. Nothing is copied.
//!
//! What all messages share is written here, once, as ordinary generic code: `parse_unverified`
//! (length, type, then the checks `F` adds), type, code, checksum, payload, the setters that keep
//! the checksum valid with RFC 1624 incremental updates, `Debug`. A message family adds only its
//! wire struct (a type implementing [`Fields`]), its accessors (an `impl` block on
//! `View<I, B, ItsFields>`) and its own checks ([`Fields::check`]). The public names are type
//! aliases: `icmpwire::v4::Echo<B>` is `View<V4, B, EchoFields>`.
//!
//! # Why a generic view with aliases
//!
//! The alternative the crate had before, a newtype per message with the shared methods stamped
//! onto each by macros, gave fifteen copies of every method and its documentation and left
//! readers in macro bodies. With one generic type, a reader who follows
//! [`v4::Message::parse`](crate::v4::Message::parse) for an echo goes through
//! [`View::parse_unverified`] (below) to `identifier()` (in `src/message/echo.rs`), all plain
//! functions; rustdoc shows each shared method once, on [`View`]. Fuchsia's packet-formats
//! (`IcmpPacket<I, B, M>`) has the same shape; icmpwire's `F` is the zerocopy struct of the
//! fields itself rather than a separate message marker, since that struct is what a family
//! has to write anyway.
//!
//! # The version seam
//!
//! `I` is [`V4`](crate::v4::V4) (and, with ICMPv6, `V6`): a type implementing [`Version`]. What
//! differs between ICMPv4 and ICMPv6 belongs to the version, not to the messages:
//!
//! * the type space and its names ([`Version::MessageType`]), and which types a family's fields
//!   serve ([`Fields<I>::TYPES`](Fields::TYPES): the same echo fields are types 0/8 on IPv4,
//!   129/128 on IPv6);
//! * the checksum rule. ICMPv4 sums the message alone, so `View<V4, ..>` has `parse(bytes)`,
//!   `verify_checksum()`, `computed_checksum()` and `update_checksum()` (in `src/v4/mod.rs`).
//!   ICMPv6 also sums the RFC 8200 section 8.1 pseudo-header, so `View<V6, ..>` has the same
//!   four taking the source and destination addresses (in `src/v6/`). Both are thin
//!   wrappers over [`View`]'s one summing routine, which takes the pseudo-header's sum as its
//!   starting value; setters need no addresses, since an incremental update leaves the
//!   pseudo-header's part of the sum as it was;
//! * the unit of the RFC 4884 length field ([`Version::LENGTH_UNIT`]: 32-bit words on IPv4,
//!   64-bit words on IPv6).
//!
//! Views, quote reading ([`Quote`](crate::Quote)), RFC 4884 extensions
//! ([`extension`](crate::extension)), builders and errors are shared.
//!
//! ```
//! use icmpwire::v4::Echo;
//!
//! // An echo request, identifier 0x1234, sequence 7, data "hi".
//! let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
//! let echo = Echo::parse(&bytes[..]).unwrap();
//! assert_eq!((echo.code_u8(), echo.identifier(), echo.data()), (0, 0x1234, &b"hi"[..]));
//! ```

use core::fmt;
use core::marker::PhantomData;
use core::mem::size_of;

use zerocopy::network_endian::U16;
use zerocopy::{
    ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Ref, SplitByteSlice,
    Unaligned,
};

use crate::checksum;
use crate::error::{ParseError, Part};

/// An IP version whose ICMP messages views can read: [`V4`](crate::v4::V4) (and, with
/// ICMPv6, `V6`). Sealed.
///
/// ```
/// use icmpwire::view::Version;
///
/// assert_eq!(<icmpwire::v4::V4 as Version>::LENGTH_UNIT, 4);
/// ```
pub trait Version: sealed::Sealed + 'static {
    /// The message type of this version ([`v4::MessageType`](crate::v4::MessageType) for
    /// ICMPv4).
    type MessageType: Copy + Eq + fmt::Debug + fmt::Display + From<u8> + Into<u8>;

    /// Bytes per unit of the RFC 4884 length field: 4 on ICMPv4 (section 4.1), 8 on ICMPv6
    /// (section 4.2).
    const LENGTH_UNIT: usize;

    /// The type of the reply to an echo-like request of type `request` (echo, and on IPv4
    /// information), `None` for a type that is not such a request.
    fn echo_reply(request: u8) -> Option<u8>;
}

/// The fields of a message family after type, code and checksum, as the RFCs draw them, and
/// what the views need to know of them: the types they serve on IP version `I`, the part
/// named when they are cut short, the checks they impose on the bytes. Implemented by the
/// crate's wire structs (see the aliases in [`v4`](crate::v4)); sealed.
///
/// ```
/// use icmpwire::fields::EchoFields;
/// use icmpwire::v4::V4;
/// use icmpwire::view::Fields;
///
/// assert_eq!(<EchoFields as Fields<V4>>::TYPES, &[8, 0, 15, 16]);
/// ```
pub trait Fields<I: Version>:
    FromBytes + IntoBytes + KnownLayout + Immutable + Unaligned + Sized + sealed::Sealed
{
    /// The code's type: a named newtype for messages with a code table, `u8` for the others.
    type Code: Copy + From<u8>;

    /// The message types these fields serve; the first is the one a [`ParseError::WrongType`]
    /// names. Empty for the raw view, which reads any type.
    const TYPES: &'static [u8];

    /// [`TYPES`](Self::TYPES) as a 256-bit set, for a branch-free type check.
    #[doc(hidden)]
    const TYPE_SET: [u32; 8] = type_set(Self::TYPES);

    /// The part a [`ParseError::Truncated`] names when the message is at least 8 bytes long but
    /// shorter than these fields need.
    const PART: Part;

    /// The view's name, for `Debug`.
    const NAME: &'static str;

    /// What the fields require of the bytes after them (router advertisements: entries of at
    /// least 2 words, as many as announced), checked by `parse_unverified`.
    ///
    /// # Errors
    ///
    /// The family's structural errors.
    #[inline]
    fn check(&self, payload: &[u8]) -> Result<(), ParseError> {
        let _ = payload;
        Ok(())
    }

    /// How many bytes after the fields still belong to the fixed part of the message (router
    /// advertisement entries); [`View::payload`] starts after them.
    #[inline]
    fn skip(&self) -> usize {
        0
    }
}

/// The set of `types` (every type when there is none), one bit per type, in 32-bit words
/// (64-bit shifts are library calls on 32-bit targets).
const fn type_set(types: &[u8]) -> [u32; 8] {
    if types.is_empty() {
        return [u32::MAX; 8];
    }
    let mut set = [0u32; 8];
    let mut rest = types;
    while let [t, tail @ ..] = rest {
        set = with_bit(set, (*t >> 5) as usize, 1 << (*t & 31));
        rest = tail;
    }
    set
}

/// `set` with `bit` added to word `w` (const fns cannot index mutably yet).
const fn with_bit(set: [u32; 8], w: usize, bit: u32) -> [u32; 8] {
    let [a, b, c, d, e, f, g, h] = set;
    match w {
        0 => [a | bit, b, c, d, e, f, g, h],
        1 => [a, b | bit, c, d, e, f, g, h],
        2 => [a, b, c | bit, d, e, f, g, h],
        3 => [a, b, c, d | bit, e, f, g, h],
        4 => [a, b, c, d, e | bit, f, g, h],
        5 => [a, b, c, d, e, f | bit, g, h],
        6 => [a, b, c, d, e, f, g | bit, h],
        _ => [a, b, c, d, e, f, g, h | bit],
    }
}

/// Whether `ty` is in `set` ([`type_set`]).
#[inline(always)]
fn in_set(set: &[u32; 8], ty: u8) -> bool {
    let word = set.get(usize::from(ty >> 5)).copied().unwrap_or(0);
    word >> (ty & 31) & 1 == 1
}

/// Sealing: the traits above are implemented inside the crate only.
pub(crate) mod sealed {
    /// The seal.
    pub trait Sealed {}
}

/// The bytes of every ICMP header: type, code, checksum, then the fields of the type.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub(crate) struct Header<F> {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) fields: F,
}

impl<F> Header<F> {
    /// A header to emit, its checksum field zero.
    #[inline(always)]
    pub(crate) fn new(ty: u8, code: u8, fields: F) -> Self {
        Header {
            ty,
            code,
            checksum: U16::ZERO,
            fields,
        }
    }
}

/// A typed view of an ICMP message of IP version `I` over the bytes `B` (`&[u8]` to read,
/// `&mut [u8]` to write in place), whose fields after the checksum are `F`.
///
/// Use it through its aliases: [`v4::Echo`](crate::v4::Echo),
/// [`v4::TimeExceeded`](crate::v4::TimeExceeded)... The methods below are those every message
/// has; each alias's page lists the accessors of its own fields.
///
/// ```
/// use icmpwire::v4::{Echo, MessageType};
///
/// let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
/// let echo = Echo::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.message_type(), MessageType::ECHO_REQUEST);
/// assert_eq!(echo.identifier(), 0x1234);
/// ```
pub struct View<I, B, F> {
    header: Ref<B, Header<F>>,
    payload: B,
    version: PhantomData<I>,
}

impl<I: Version, B: SplitByteSlice, F: Fields<I>> View<I, B, F> {
    /// Reads `bytes` as this message without verifying the checksum (the field is kept as
    /// received; on ICMPv4, `parse` verifies it): checks the length, the type, and what the
    /// fields require of the rest.
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, v4::Echo};
    ///
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// bytes[2] ^= 0xFF; // break the checksum
    /// let echo = Echo::parse_unverified(&bytes[..]).unwrap();
    /// assert!(!echo.verify_checksum());
    ///
    /// assert_eq!(
    ///     Echo::parse_unverified(&bytes[..5]).unwrap_err(),
    ///     ParseError::Truncated { part: Part::Header, required: 8, actual: 5 }
    /// );
    /// bytes[0] = 3;
    /// assert_eq!(
    ///     Echo::parse_unverified(&bytes[..]).unwrap_err(),
    ///     ParseError::WrongType { expected: 8, found: 3 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] when fewer than 8 bytes (part [`Part::Header`]) or fewer than
    /// the fields need ([`Fields::PART`]) are present, [`ParseError::WrongType`] for another
    /// message type, then the family's structural errors ([`Fields::check`]).
    #[inline(always)]
    pub fn parse_unverified(bytes: B) -> Result<Self, ParseError> {
        let actual = bytes.len();
        let (part, required) = if actual < 8 {
            (Part::Header, 8)
        } else {
            (F::PART, size_of::<Header<F>>())
        };
        if actual < required {
            return Err(ParseError::Truncated {
                part,
                required,
                actual,
            });
        }
        if let (Some(&found), Some(&expected)) = (bytes.first(), F::TYPES.first())
            && !in_set(&F::TYPE_SET, found)
        {
            return Err(ParseError::WrongType { expected, found });
        }
        let Ok((header, payload)) = Ref::<B, Header<F>>::from_prefix(bytes) else {
            // The length was checked above, and the header is `Unaligned`.
            return Err(ParseError::Truncated {
                part,
                required,
                actual,
            });
        };
        header.fields.check(&payload)?;
        Ok(View {
            header,
            payload,
            version: PhantomData,
        })
    }
}

impl<I: Version, B: ByteSlice, F: Fields<I>> View<I, B, F> {
    /// The message type (byte 0).
    ///
    /// ```
    /// use icmpwire::v4::{Echo, MessageType};
    ///
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(Echo::parse(&bytes[..]).unwrap().message_type(), MessageType::ECHO_REPLY);
    /// ```
    #[inline]
    #[must_use]
    pub fn message_type(&self) -> I::MessageType {
        I::MessageType::from(self.header.ty)
    }

    /// The code byte (byte 1), whatever its value.
    ///
    /// ```
    /// let bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code_u8(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn code_u8(&self) -> u8 {
        self.header.code
    }

    /// The code, as this message's code type (a newtype with named values for messages that
    /// have a code table, `u8` for the others).
    ///
    /// ```
    /// use icmpwire::v4::{TimeExceeded, TimeExceededCode};
    ///
    /// let bytes = [11u8, 1, 0xf4, 0xfe, 0, 0, 0, 0];
    /// let msg = TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), TimeExceededCode::REASSEMBLY_TIME_EXCEEDED);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> F::Code {
        F::Code::from(self.header.code)
    }

    /// The checksum field (bytes 2 and 3), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// let echo = icmpwire::v4::Echo::parse(&bytes[..]).unwrap();
    /// assert_eq!(echo.checksum(), 0xedca);
    /// ```
    #[inline]
    #[must_use]
    pub fn checksum(&self) -> u16 {
        self.header.checksum.get()
    }

    /// The bytes after the fixed part of this message type (the echo data, the quoted
    /// datagram, what follows the router entries...).
    ///
    /// ```
    /// let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let echo = icmpwire::v4::Echo::parse(&bytes[..]).unwrap();
    /// assert_eq!(echo.payload(), b"hi");
    /// ```
    #[inline]
    #[must_use]
    pub fn payload(&self) -> &[u8] {
        self.payload.get(self.header.fields.skip()..).unwrap_or(&[])
    }

    /// Where [`payload`](Self::payload) starts: the length of the fixed part.
    ///
    /// ```
    /// // A router advertisement with one entry: the payload starts after it.
    /// let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let ra = icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
    /// assert_eq!(ra.payload_offset(), 16);
    /// ```
    #[inline]
    #[must_use]
    pub fn payload_offset(&self) -> usize {
        self.parts().payload_offset()
    }

    /// The length of the whole message in bytes.
    ///
    /// ```
    /// let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// assert_eq!(icmpwire::v4::Echo::parse(&bytes[..]).unwrap().message_len(), 10);
    /// ```
    #[inline]
    #[must_use]
    pub fn message_len(&self) -> usize {
        self.parts().message_len()
    }

    /// The type byte.
    #[inline(always)]
    pub(crate) fn type_u8(&self) -> u8 {
        self.header.ty
    }

    /// The fields after the checksum.
    #[inline(always)]
    pub(crate) fn fields(&self) -> &F {
        &self.header.fields
    }

    /// Everything after the fields, the skipped part included.
    #[inline(always)]
    pub(crate) fn rest(&self) -> &[u8] {
        &self.payload
    }

    /// The error `parse` returns when the message's sum is `sum`, not `0xFFFF`.
    #[inline]
    pub(crate) fn bad_checksum(&self, sum: u16, exact_zero: bool) -> ParseError {
        bad_checksum(Ref::bytes(&self.header), &self.payload, sum, exact_zero)
    }

    /// The bytes, for what every view computes the same way.
    #[inline(always)]
    pub(crate) fn parts(&self) -> Parts<'_> {
        Parts {
            header: Ref::bytes(&self.header),
            rest: &self.payload,
            skip: self.header.fields.skip(),
            name: F::NAME,
        }
    }
}

impl<I: Version, B: ByteSliceMut, F: Fields<I>> View<I, B, F> {
    /// The payload for writing; call `update_checksum` after.
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = icmpwire::v4::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.payload_mut().copy_from_slice(b"ho");
    /// echo.update_checksum();
    /// assert!(echo.verify_checksum());
    /// assert_eq!(echo.data(), b"ho");
    /// ```
    #[inline]
    pub fn payload_mut(&mut self) -> &mut [u8] {
        let skip = self.header.fields.skip();
        self.payload.get_mut(skip..).unwrap_or(&mut [])
    }

    /// Sets the checksum field as given (host order), valid or not.
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = icmpwire::v4::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.set_checksum(0x1234);
    /// assert_eq!(echo.checksum(), 0x1234);
    /// assert_eq!(bytes[2..4], [0x12, 0x34]);
    /// ```
    #[inline]
    pub fn set_checksum(&mut self, value: u16) {
        self.header.checksum = U16::new(value);
    }

    /// Sets the code byte; the checksum is updated incrementally (RFC 1624), so a message that
    /// verified still does.
    ///
    /// ```
    /// let mut bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_code_u8(1);
    /// assert_eq!(msg.code_u8(), 1);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_code_u8(&mut self, code: u8) {
        let ty = self.header.ty;
        self.set_type_code(ty, code);
    }

    /// The whole payload for writing, the skipped part included.
    #[inline(always)]
    pub(crate) fn rest_mut(&mut self) -> &mut [u8] {
        &mut self.payload
    }

    /// Sets the type and code bytes, keeping the checksum in step (request to reply).
    #[inline]
    pub(crate) fn set_type_code(&mut self, ty: u8, code: u8) {
        let old = u16::from_be_bytes([self.header.ty, self.header.code]);
        self.header.ty = ty;
        self.header.code = code;
        self.patch(old, u16::from_be_bytes([ty, code]));
    }

    /// Changes the fields with `f`, keeping the checksum valid: the one's complement sums of
    /// the fields before and after go into RFC 1624 equation 3 (the fields start at byte 4,
    /// so their words line up with the message's).
    #[inline]
    pub(crate) fn modify(&mut self, f: impl FnOnce(&mut F)) {
        let old = sum16(self.header.fields.as_bytes());
        f(&mut self.header.fields);
        let new = sum16(self.header.fields.as_bytes());
        self.patch(old, new);
    }

    /// After words of the message whose one's complement sum was `old` now sum to `new`:
    /// RFC 1624 equation 3, with the all-zero case made exact.
    #[inline]
    pub(crate) fn patch(&mut self, old: u16, new: u16) {
        let c = checksum::update_u16(self.checksum(), old, new);
        let c = fix_all_zero(c, Ref::bytes(&self.header), &self.payload);
        self.set_checksum(c);
    }
}

/// The one's complement sum (host order) of a short, even-aligned run of bytes.
#[inline(always)]
pub(crate) fn sum16(bytes: &[u8]) -> u16 {
    checksum::fold_host(checksum::sum_part(bytes))
}

impl<I: Version, B: ByteSlice, F: Fields<I>> fmt::Debug for View<I, B, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.parts(), f)
    }
}

/// A view's bytes without its fields' type: what the enums that hold a view of any type
/// (`v4::Message`) read, after one match, with the same code as every view.
#[derive(Clone, Copy)]
pub(crate) struct Parts<'a> {
    /// The header: type, code, checksum, the fields.
    header: &'a [u8],
    /// Everything after the header.
    rest: &'a [u8],
    /// How much of `rest` belongs to the fixed part ([`Fields::skip`]).
    skip: usize,
    /// [`Fields::NAME`].
    name: &'static str,
}

impl<'a> Parts<'a> {
    /// The view's name ([`Fields::NAME`]).
    #[cfg_attr(not(feature = "defmt"), allow(dead_code))]
    #[inline]
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// The type byte.
    #[inline]
    pub(crate) fn type_u8(&self) -> u8 {
        self.header.first().copied().unwrap_or(0)
    }

    /// The code byte.
    #[inline]
    pub(crate) fn code_u8(&self) -> u8 {
        self.header.get(1).copied().unwrap_or(0)
    }

    /// The checksum field.
    #[inline]
    pub(crate) fn checksum(&self) -> u16 {
        match self.header.get(2..4) {
            Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
            _ => 0,
        }
    }

    /// See [`View::payload`].
    #[inline]
    pub(crate) fn payload(&self) -> &'a [u8] {
        self.rest.get(self.skip..).unwrap_or(&[])
    }

    /// See [`View::payload_offset`].
    #[inline]
    pub(crate) fn payload_offset(&self) -> usize {
        self.header.len().wrapping_add(self.skip)
    }

    /// See [`View::message_len`].
    #[inline]
    pub(crate) fn message_len(&self) -> usize {
        self.header.len().wrapping_add(self.rest.len())
    }

    /// The one's complement sum (host order) of the whole message, checksum field included,
    /// starting from `initial` (the accumulator of the ICMPv6 pseudo-header, 0 on ICMPv4).
    #[inline]
    pub(crate) fn sum_from(&self, initial: u64) -> u16 {
        let header = checksum::sum_part(self.header);
        let body = checksum::sum_part(self.rest);
        checksum::fold_host(checksum::combine(initial, checksum::combine(header, body)))
    }

    /// See [`needed_checksum`].
    #[inline]
    pub(crate) fn needed_checksum(&self, sum: u16, exact_zero: bool) -> u16 {
        needed_checksum(self.header, self.rest, sum, exact_zero)
    }

    /// See [`bad_checksum`].
    #[inline(always)]
    pub(crate) fn bad_checksum(&self, sum: u16, exact_zero: bool) -> ParseError {
        bad_checksum(self.header, self.rest, sum, exact_zero)
    }
}

/// The checksum a message (`header` and `rest`) needs, from `sum`, its one's complement sum
/// with the field as it is ([`Parts::sum_from`]): RFC 1624 equation 3 takes the field out (no
/// second pass). `exact_zero` makes the all-zero case exact (a message that is all zero but
/// for its checksum needs `0xFFFF`), which only applies when nothing else was summed (ICMPv4).
#[inline]
fn needed_checksum(header: &[u8], rest: &[u8], sum: u16, exact_zero: bool) -> u16 {
    let found = match header.get(2..4) {
        Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
        _ => 0,
    };
    let c = checksum::update_u16(!sum, found, 0);
    if exact_zero {
        fix_all_zero(c, header, rest)
    } else {
        c
    }
}

/// The error of a message whose sum is `sum`, not `0xFFFF`: the field as found, and the value
/// it needs ([`needed_checksum`]).
#[inline]
fn bad_checksum(header: &[u8], rest: &[u8], sum: u16, exact_zero: bool) -> ParseError {
    let found = match header.get(2..4) {
        Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
        _ => 0,
    };
    ParseError::BadChecksum {
        found,
        expected: needed_checksum(header, rest, sum, exact_zero),
    }
}

impl fmt::Debug for Parts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(self.name)
            .field("type", &self.type_u8())
            .field("code", &self.code_u8())
            .field("checksum", &self.checksum())
            .field("len", &self.message_len())
            .finish()
    }
}

/// The checksum field of a message that is all zero apart from it must be `0xFFFF` (the
/// complement of `+0`); RFC 1624 equation 3 yields `0x0000` there. `checksum` is the value the
/// incremental update produced; `head` and `rest` the message (the checksum field, bytes 2
/// and 3 of `head`, is skipped).
#[inline(always)]
pub(crate) fn fix_all_zero(checksum: u16, head: &[u8], rest: &[u8]) -> u16 {
    if checksum != 0 {
        return checksum;
    }
    all_zero_checksum(head, rest)
}

/// The rare case of [`fix_all_zero`]: is everything but the checksum field zero?
#[cold]
#[inline(never)]
fn all_zero_checksum(head: &[u8], rest: &[u8]) -> u16 {
    let zero = |b: &[u8]| b.iter().all(|&x| x == 0);
    let (first, after) = head.split_at_checked(2).unwrap_or((head, &[]));
    let after = after.get(2..).unwrap_or(&[]);
    if zero(first) && zero(after) && zero(rest) {
        0xFFFF
    } else {
        0
    }
}

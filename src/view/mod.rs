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
//! Where families share fields, they share the struct and its accessors rather than copy them:
//! every echo-like message is an `EchoFields<T>` (identifier, sequence, then `T`: nothing for
//! echo, the three times of a timestamp, the mask of an address mask); the five messages RFC
//! 4884 extends (three on ICMPv4, two on ICMPv6) are one `Rfc4884Fields<C>` (`C` their code
//! type, which says where the version puts the length); fields that begin
//! with an identifier say so with the `Identified` marker, the quoting ones with `Quoting`. The
//! builders (`*Repr`) only describe themselves (code, fields, body); `src/message/build.rs`
//! writes every one.
//!
//! Layers, from the bytes up (each imports only those below it): `checksum`, `error`, `types`
//! (the names), `wire` (IP headers) -> `view` (this module, with the [`V4`] and [`V6`]
//! markers) -> `write` (byte writers) -> `extension`, `quote` -> `message` (the families both
//! versions share, and [`AnyMessage`](crate::AnyMessage)) -> `v4`, `v6` (each version's own
//! families, `Message`, `Repr`, `Display`; neither imports the other).
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
//! `I` is [`V4`] or [`V6`], the types implementing [`Version`].
//! What differs between ICMPv4 and ICMPv6 belongs to the version, not to the messages:
//!
//! * the type space and its names ([`Version::MessageType`]), and which types a family's fields
//!   serve ([`Fields<I>::TYPES`](Fields::TYPES): the same echo fields are types 0/8 on IPv4,
//!   129/128 on IPv6);
//! * the checksum rule. ICMPv4 sums the message alone, so `View<V4, ..>` has `parse(bytes)`,
//!   `verify_checksum()`, `computed_checksum()` and `update_checksum()` (in `src/v4/mod.rs`).
//!   ICMPv6 also sums the RFC 8200 section 8.1 pseudo-header, so `View<V6, ..>` has the same
//!   four taking the source and destination addresses (in `src/v6/mod.rs`). Both are thin
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

mod parts;
mod version;

pub(crate) use parts::{Parts, fix_all_zero};
use parts::{bad_checksum, in_set, type_set};
pub use version::{V4, V6};

use crate::checksum;
use crate::error::{ParseError, Part};

/// An IP version whose ICMP messages views can read: [`V4`] or
/// [`V6`]. Sealed.
///
/// ```
/// use icmpwire::view::Version;
///
/// assert_eq!(<icmpwire::v4::V4 as Version>::LENGTH_UNIT, 4);
/// ```
pub trait Version: sealed::Sealed + 'static {
    /// The message type of this version: [`v4::MessageType`](crate::v4::MessageType) or
    /// [`v6::MessageType`](crate::v6::MessageType).
    type MessageType: Copy + Eq + fmt::Debug + fmt::Display + From<u8> + Into<u8>;

    /// Bytes per unit of the RFC 4884 length field: 4 on ICMPv4 (section 4.1), 8 on ICMPv6
    /// (section 4.2).
    const LENGTH_UNIT: usize;

    /// Whether the checksum also covers a pseudo-header (ICMPv6, RFC 4443 section 2.3). Its sum
    /// is never zero, so the all-zero case RFC 1624 leaves out (a message that is all zero but
    /// for its checksum needs `0xFFFF`) arises only without it.
    const PSEUDO_HEADER: bool;

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

    /// The fewest bytes any message of this version and family has: the 8-byte header RFC 792
    /// gives every ICMPv4 message and ICMPv6's typed messages have; 4 for the ICMPv6 messages
    /// read by their type, code and checksum alone (RFC 4443 section 2.1). Shorter is a
    /// [`ParseError::Truncated`] of [`Part::Header`].
    const MIN_LEN: usize = 8;

    /// The part a [`ParseError::Truncated`] names when the message is at least
    /// [`MIN_LEN`](Self::MIN_LEN) bytes long but
    /// shorter than these fields need.
    const PART: Part;

    /// The view's name, for `Debug`.
    const NAME: &'static str;

    /// What the fields require of the bytes after them for the message's `code` (router
    /// advertisements: entries of at least 2 words, as many as announced; a node information
    /// query of code 0: a 16-byte subject), checked by `parse_unverified`.
    ///
    /// # Errors
    ///
    /// The family's structural errors.
    #[inline]
    fn check(&self, code: u8, payload: &[u8]) -> Result<(), ParseError> {
        let _ = (code, payload);
        Ok(())
    }

    /// How many bytes after the fields still belong to the fixed part of the message (router
    /// advertisement entries); [`View::payload`] starts after them.
    #[inline]
    fn skip(&self) -> usize {
        0
    }
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
    /// In this order: [`ParseError::Truncated`] when fewer than 8 bytes (part [`Part::Header`];
    /// 4 for the ICMPv6 raw view) or fewer than the fields need ([`Fields::PART`]) are present,
    /// so that a short message of another type is `Truncated`, not `WrongType` (an 8-byte type
    /// 3 read as an address mask needs 12); [`ParseError::WrongType`] for another message
    /// type; then the family's structural errors ([`Fields::check`]).
    #[inline(always)]
    pub fn parse_unverified(bytes: B) -> Result<Self, ParseError> {
        let actual = bytes.len();
        let (part, required) = if actual < F::MIN_LEN {
            (Part::Header, F::MIN_LEN)
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
        header.fields.check(header.code, &payload)?;
        Ok(View {
            header,
            payload,
            version: PhantomData,
        })
    }

    /// `parse` of either version's views, given `sum`, the message's one's complement sum (on
    /// ICMPv6 with the pseudo-header): `parse_unverified` (whose errors come first: a message
    /// both cut short and corrupted reports the cut), then [`ParseError::BadChecksum`] unless
    /// `sum` is `0xFFFF`. `exact_zero`: the all-zero case of ICMPv4 ([`fix_all_zero`]).
    ///
    /// The error is built from the view, inline: a view is two slices in registers, and a
    /// caller that drops the error has its construction removed (firmware that matches `Ok`
    /// pays no code for it; see the footprint in BENCHMARKS.md). The enums take [`verified`].
    #[inline(always)]
    pub(crate) fn parse_checked(bytes: B, sum: u16, exact_zero: bool) -> Result<Self, ParseError> {
        let view = Self::parse_unverified(bytes)?;
        if sum == 0xFFFF {
            Ok(view)
        } else {
            Err(bad_checksum(
                Ref::bytes(&view.header),
                &view.payload,
                sum,
                exact_zero,
            ))
        }
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

    /// The bytes, for what every view computes the same way.
    ///
    /// The header's bytes come from the typed header, whose length is the type's size, a
    /// constant; `Ref::bytes` would read the length the `Ref` keeps. Through the enums
    /// (`Message`), that length is written to the stack with the view and read back: LLVM merged
    /// the arms' constant lengths into a byte store and a zeroed word, and the 8-byte reload of
    /// the two could not be forwarded (a store-forwarding stall of some 5 ns on every ICMPv6
    /// `Message`, measured in `benches/messages6.rs`).
    #[inline(always)]
    pub(crate) fn parts(&self) -> Parts<'_> {
        let header = (*self.header).as_bytes();
        Parts {
            // Every header is at least type, code and checksum: the fallback is never taken.
            head: header.first_chunk::<4>().unwrap_or(&[0; 4]),
            header,
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
    /// RFC 1624 equation 3, with the all-zero case made exact where it can arise.
    #[inline]
    pub(crate) fn patch(&mut self, old: u16, new: u16) {
        let c = checksum::update_u16(self.checksum(), old, new);
        let c = if I::PSEUDO_HEADER {
            c
        } else {
            fix_all_zero(c, Ref::bytes(&self.header), &self.payload)
        };
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

/// `parse` of the enums of either version (`Message`): the bytes back when `sum`, the
/// message's one's complement sum (ICMPv6: with the pseudo-header), is `0xFFFF`, for the caller
/// to hand to its `parse_unverified`; otherwise [`ParseError::BadChecksum`], or the structural
/// error `parse_unverified` finds first (a message both cut short and corrupted reports the
/// cut). `exact_zero`: the all-zero case of ICMPv4 ([`fix_all_zero`]).
///
/// The path that succeeds is `parse_unverified` alone; the error is built out of line from the
/// bytes. Built from the parsed enum instead, it kept the enum in memory on the path that
/// succeeds too: the `Result` went through the stack in stores and reloads of other widths,
/// which could not be forwarded (some 8 ns of 18 on a verified 64-byte ICMPv6 echo in
/// benches/messages6.rs). The caller calls its `parse_unverified` itself on the bytes returned:
/// called through the `FnOnce` given here, the whole parse was a function the compiler could
/// leave out of line once a program called `parse` from two places (real ICMPv4 traffic in
/// benches/real.rs with two callers: 8.8-9.4 us that way, 6.6-6.8 us this way). The views take
/// [`View::parse_checked`].
#[inline(always)]
pub(crate) fn verified<B: SplitByteSlice, T>(
    bytes: B,
    sum: u16,
    exact_zero: bool,
    parse_unverified: impl FnOnce(B) -> Result<T, ParseError>,
) -> Result<B, ParseError> {
    if sum == 0xFFFF {
        Ok(bytes)
    } else {
        Err(mismatch(bytes, sum, exact_zero, parse_unverified))
    }
}

/// The error of [`verified`] for a sum that is not `0xFFFF`.
#[cold]
#[inline(never)]
fn mismatch<B: SplitByteSlice, T>(
    bytes: B,
    sum: u16,
    exact_zero: bool,
    parse_unverified: impl FnOnce(B) -> Result<T, ParseError>,
) -> ParseError {
    let error = bad_checksum(&bytes, &[], sum, exact_zero);
    match parse_unverified(bytes) {
        Err(structural) => structural,
        Ok(_) => error,
    }
}

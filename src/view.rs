//! The machinery every typed view shares: a zerocopy header over the first bytes of the
//! message, the rest as the payload, and the checksum bookkeeping. Private; each message file
//! wraps a `View<B, H>` in its public type and forwards the common methods with
//! [`view_common!`](crate::view_common).

use core::mem::size_of;

use zerocopy::{
    ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Ref, SplitByteSlice,
    Unaligned,
};

use crate::checksum;
use crate::error::{ParseError, Part};
use crate::wire;

/// A wire header a view can be built on: at least the 8 bytes of [`wire::Header`], starting
/// with type, code and checksum.
pub(crate) trait WireHeader:
    FromBytes + IntoBytes + KnownLayout + Immutable + Unaligned + Sized
{
    /// The part reported when the message is longer than 8 bytes but shorter than this header.
    const PART: Part;
}

macro_rules! wire_header {
    ($($ty:ident => $part:ident),* $(,)?) => {
        $(impl WireHeader for wire::$ty { const PART: Part = Part::$part; })*
    };
}

wire_header! {
    Header => Header,
    EchoHeader => Header,
    ErrorHeader => Header,
    RedirectHeader => Header,
    RouterAdvertisementHeader => Header,
    ExtendedEchoHeader => Header,
    TimestampHeader => Timestamps,
    AddressMaskHeader => AddressMask,
    TracerouteHeader => Traceroute,
}

/// The checksum field of a message that is all zero apart from it must be `0xFFFF` (the
/// complement of `+0`); RFC 1624 equation 3 yields `0x0000` there. `checksum` is the value the
/// incremental update produced; `header` and `payload` the message (the checksum field, bytes 2
/// and 3 of `header`, is skipped).
#[inline(always)]
pub(crate) fn fix_all_zero(checksum: u16, header: &[u8], payload: &[u8]) -> u16 {
    if checksum != 0 {
        return checksum;
    }
    all_zero_checksum(header, payload)
}

/// The rare case of [`fix_all_zero`]: is everything but the checksum field zero?
#[cold]
#[inline(never)]
fn all_zero_checksum(header: &[u8], payload: &[u8]) -> u16 {
    let zero = |b: &[u8]| b.iter().all(|&x| x == 0);
    let (first, rest) = header.split_at_checked(2).unwrap_or((header, &[]));
    let rest = rest.get(2..).unwrap_or(&[]);
    if zero(first) && zero(rest) && zero(payload) {
        0xFFFF
    } else {
        0
    }
}

/// A typed header over the start of a message and the payload after it.
pub(crate) struct View<B, H> {
    pub(crate) header: Ref<B, H>,
    pub(crate) payload: B,
}

impl<B: SplitByteSlice, H: WireHeader> View<B, H> {
    /// Splits `bytes` into the header `H` and the payload, checking only the length.
    #[inline]
    pub(crate) fn new(bytes: B) -> Result<Self, ParseError> {
        let actual = bytes.len();
        match Ref::<B, H>::from_prefix(bytes) {
            Ok((header, payload)) => Ok(View { header, payload }),
            Err(_) => {
                let (part, required) = if actual < size_of::<wire::Header>() {
                    (Part::Header, size_of::<wire::Header>())
                } else {
                    (H::PART, size_of::<H>())
                };
                Err(ParseError::Truncated {
                    part,
                    required,
                    actual,
                })
            }
        }
    }
}

impl<B: ByteSlice, H: WireHeader> View<B, H> {
    /// The header's bytes.
    #[inline]
    pub(crate) fn header_bytes(&self) -> &[u8] {
        Ref::bytes(&self.header)
    }

    /// Type, code and checksum: the first 4 bytes of every header.
    #[inline]
    fn prefix(&self) -> [u8; 4] {
        self.header_bytes()
            .first_chunk::<4>()
            .copied()
            .unwrap_or([0; 4])
    }

    #[inline]
    pub(crate) fn ty(&self) -> u8 {
        self.prefix()[0]
    }

    #[inline]
    pub(crate) fn code(&self) -> u8 {
        self.prefix()[1]
    }

    #[inline]
    pub(crate) fn checksum(&self) -> u16 {
        let [_, _, hi, lo] = self.prefix();
        u16::from_be_bytes([hi, lo])
    }

    #[inline]
    pub(crate) fn payload(&self) -> &[u8] {
        &self.payload
    }

    #[inline]
    pub(crate) fn len(&self) -> usize {
        size_of::<H>().wrapping_add(self.payload.len())
    }

    /// The one's complement sum of the whole message, checksum field included.
    #[inline]
    pub(crate) fn sum(&self) -> u16 {
        checksum::sum_of_parts(self.header_bytes(), &self.payload)
    }

    /// The checksum the message needs: computed with the field taken as zero.
    #[inline]
    pub(crate) fn computed_checksum(&self) -> u16 {
        self.needed_checksum(self.sum())
    }

    /// The checksum the message needs, from `sum`, the one's complement sum of the whole message
    /// with its field as it is: RFC 1624 equation 3 takes the field out (no second pass), and
    /// the all-zero case is made exact.
    #[inline]
    pub(crate) fn needed_checksum(&self, sum: u16) -> u16 {
        let c = checksum::update_u16(!sum, self.checksum(), 0);
        fix_all_zero(c, self.header_bytes(), &self.payload)
    }
}

impl<B: ByteSliceMut, H: WireHeader> View<B, H> {
    /// The header for writing.
    #[inline]
    pub(crate) fn header_mut(&mut self) -> &mut H {
        &mut self.header
    }

    #[inline]
    pub(crate) fn payload_mut(&mut self) -> &mut [u8] {
        &mut self.payload
    }

    #[inline]
    pub(crate) fn set_checksum(&mut self, value: u16) {
        if let Some(field) = Ref::bytes_mut(&mut self.header).get_mut(2..4) {
            field.copy_from_slice(&value.to_be_bytes());
        }
    }

    /// Recomputes the checksum from every byte.
    #[inline]
    pub(crate) fn update_checksum(&mut self) {
        let c = self.computed_checksum();
        self.set_checksum(c);
    }

    /// After a 16-bit field went from `old` to `new`: RFC 1624 equation 3, with the all-zero
    /// case made exact.
    #[inline]
    pub(crate) fn patch_u16(&mut self, old: u16, new: u16) {
        let c = checksum::update_u16(self.checksum(), old, new);
        let c = fix_all_zero(c, self.header_bytes(), &self.payload);
        self.set_checksum(c);
    }

    /// After a 32-bit field went from `old` to `new`.
    #[inline]
    pub(crate) fn patch_u32(&mut self, old: u32, new: u32) {
        let c = checksum::update_u32(self.checksum(), old, new);
        let c = fix_all_zero(c, self.header_bytes(), &self.payload);
        self.set_checksum(c);
    }

    /// Sets the code byte (the low byte of the first word), keeping the checksum in step.
    #[inline]
    pub(crate) fn set_code(&mut self, code: u8) {
        let old = u16::from_be_bytes([self.ty(), self.code()]);
        if let Some(b) = Ref::bytes_mut(&mut self.header).get_mut(1) {
            *b = code;
        }
        self.patch_u16(old, u16::from_be_bytes([self.ty(), code]));
    }

    /// Sets the type byte, keeping the checksum in step (for request/reply conversions).
    #[inline]
    pub(crate) fn set_type(&mut self, ty: u8) {
        let old = u16::from_be_bytes([self.ty(), self.code()]);
        if let Some(b) = Ref::bytes_mut(&mut self.header).get_mut(0) {
            *b = ty;
        }
        self.patch_u16(old, u16::from_be_bytes([ty, self.code()]));
    }
}

/// The methods every public view forwards to its `View`: type, code, checksum, payload, and for
/// mutable views the checksum upkeep. `$example` is an expression of a valid message of the
/// view's type (a byte array) for the doctests.
#[macro_export]
#[doc(hidden)]
macro_rules! view_common {
    ($view:ident, $example:literal) => {
        $crate::view_common!($view, $example, |_view| 0usize);
    };
    ($view:ident, $example:literal, |$s:ident| $skip:expr) => {
        impl<B: zerocopy::ByteSlice> core::fmt::Debug for $view<B> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($view))
                    .field("type", &self.0.ty())
                    .field("code", &self.0.code())
                    .field("checksum", &self.0.checksum())
                    .field("len", &self.0.len())
                    .finish()
            }
        }

        impl<B: zerocopy::ByteSlice> $view<B> {
            /// Bytes of the view's payload that belong to the fixed part of the type.
            #[inline]
            fn skip(&self) -> usize {
                let $s = self;
                $skip
            }

            /// The message type (byte 0).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.message_type().0, bytes[0]);
            /// ```
            #[inline]
            #[must_use]
            pub fn message_type(&self) -> $crate::MessageType {
                $crate::MessageType(self.0.ty())
            }

            /// The code byte (byte 1), whatever its value.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.code_u8(), bytes[1]);
            /// ```
            #[inline]
            #[must_use]
            pub fn code_u8(&self) -> u8 {
                self.0.code()
            }

            /// The checksum field (bytes 2 and 3), host order.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.checksum(), u16::from_be_bytes([bytes[2], bytes[3]]));
            /// ```
            #[inline]
            #[must_use]
            pub fn checksum(&self) -> u16 {
                self.0.checksum()
            }

            /// Whether the RFC 1071 checksum verifies (the whole message sums to `0xFFFF`).
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            #[doc = concat!("assert!(icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap().verify_checksum());")]
            /// bytes[2] ^= 1;
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse_unverified(&bytes[..]).unwrap();")]
            /// assert!(!msg.verify_checksum());
            /// ```
            #[must_use]
            pub fn verify_checksum(&self) -> bool {
                self.0.sum() == 0xFFFF
            }

            /// The error for a message whose whole-message sum is `sum` (not `0xFFFF`).
            #[inline]
            pub(crate) fn bad_checksum(&self, sum: u16) -> $crate::ParseError {
                $crate::ParseError::BadChecksum { found: self.0.checksum(), expected: self.0.needed_checksum(sum) }
            }

            /// The checksum the message needs, computed over every byte with the field taken as
            /// zero (what an encoder writes).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.computed_checksum(), msg.checksum());
            /// ```
            #[must_use]
            pub fn computed_checksum(&self) -> u16 {
                self.0.computed_checksum()
            }

            /// The bytes after the fixed part of this message type (the echo data, the quoted
            /// datagram, what follows the router entries...).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.payload(), &bytes[msg.payload_offset()..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn payload(&self) -> &[u8] {
                self.0.payload().get(self.skip()..).unwrap_or(&[])
            }

            /// Where [`payload`](Self::payload) starts: the length of the fixed part.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.payload_offset() + msg.payload().len(), bytes.len());
            /// ```
            #[inline]
            #[must_use]
            pub fn payload_offset(&self) -> usize {
                self.0.header_bytes().len().wrapping_add(self.skip())
            }

            /// The length of the whole message in bytes.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.message_len(), bytes.len());
            /// ```
            #[inline]
            #[must_use]
            pub fn message_len(&self) -> usize {
                self.0.len()
            }
        }

        impl<B: zerocopy::ByteSliceMut> $view<B> {
            /// The payload for writing. Call [`update_checksum`](Self::update_checksum) after.
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            #[doc = concat!("let mut msg = icmpwire::", stringify!($view), "::parse(&mut bytes[..]).unwrap();")]
            /// msg.payload_mut().iter_mut().for_each(|b| *b = !*b);
            /// msg.update_checksum();
            /// assert!(msg.verify_checksum());
            /// ```
            #[inline]
            pub fn payload_mut(&mut self) -> &mut [u8] {
                let skip = self.skip();
                self.0.payload_mut().get_mut(skip..).unwrap_or(&mut [])
            }

            /// Sets the checksum field as given (host order), valid or not.
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            #[doc = concat!("let mut msg = icmpwire::", stringify!($view), "::parse(&mut bytes[..]).unwrap();")]
            /// msg.set_checksum(0x1234);
            /// assert_eq!(msg.checksum(), 0x1234);
            /// ```
            #[inline]
            pub fn set_checksum(&mut self, value: u16) {
                self.0.set_checksum(value)
            }

            /// Recomputes the checksum from every byte (after writing the payload).
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            #[doc = concat!("let mut msg = icmpwire::", stringify!($view), "::parse(&mut bytes[..]).unwrap();")]
            /// msg.set_checksum(0);
            /// msg.update_checksum();
            /// assert!(msg.verify_checksum());
            /// ```
            pub fn update_checksum(&mut self) {
                self.0.update_checksum()
            }

            /// Sets the code byte; the checksum is updated incrementally (RFC 1624), so a message
            /// that verified still does.
            ///
            /// ```
            #[doc = concat!("let mut bytes = ", $example, ";")]
            #[doc = concat!("let mut msg = icmpwire::", stringify!($view), "::parse(&mut bytes[..]).unwrap();")]
            /// msg.set_code_u8(7);
            /// assert_eq!(msg.code_u8(), 7);
            /// assert!(msg.verify_checksum());
            /// ```
            pub fn set_code_u8(&mut self, code: u8) {
                self.0.set_code(code)
            }
        }
    };
}

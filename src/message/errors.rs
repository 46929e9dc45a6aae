//! The error messages that quote a datagram with an 8-byte header of their own: destination
//! unreachable (type 3), source quench (4), time exceeded (11) and parameter problem (12).
//! (Redirect, type 5, carries a gateway address instead and lives in `redirect.rs`.)
//!
//! * RFC 792: the messages and their codes; the quote is "the internet header plus the first 64
//!   bits of the original datagram's data".
//! * RFC 1122 section 3.2.2.1 and RFC 1812 section 5.2.7.1: destination unreachable codes 6-15.
//! * RFC 1191 section 4: the next-hop MTU in bytes 6-7 of "fragmentation needed" (code 4).
//! * RFC 1812 section 4.3.2.3: routers may quote up to 576 bytes of ICMP datagram.
//! * RFC 4884 section 4.1: byte 5 of types 3, 11 and 12 is the length of the padded original
//!   datagram in 32-bit words, when extensions follow it (0 otherwise).
//! * RFC 6633: source quench is deprecated; hosts must not send it and should ignore it.
//!
//! The bytes RFC 792 calls unused are exposed raw (`unused` fields) rather than assumed zero, so
//! every message round-trips byte for byte; builders default them to zero.

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::checksum;
use crate::emit::write_payload;
use crate::error::{EmitError, ParseError};
use crate::extension::{self, Extensions, ObjectRepr};
use crate::message::view_parse;
use crate::quote::Quote;
use crate::types::{ParameterProblemCode, TimeExceededCode, UnreachableCode};
use crate::view::View;
use crate::wire::ErrorHeader;

/// The bytes after the 8-byte header of an error message with `quote` and `extensions`.
fn body_len(quote: &[u8], extensions: &[ObjectRepr<'_>]) -> usize {
    if extensions.is_empty() {
        return quote.len();
    }
    extension::check(quote.len(), extensions).map_or(quote.len(), |padded| {
        padded.saturating_add(extension::structure_len(extensions))
    })
}

/// Checks what `emit` cannot write: a quote or an object too long for its length field.
fn check_body(quote: &[u8], extensions: &[ObjectRepr<'_>]) -> Result<(), EmitError> {
    if extensions.is_empty() {
        Ok(())
    } else {
        extension::check(quote.len(), extensions).map(|_| ())
    }
}

/// The RFC 4884 length field to write: the padded datagram in words when extensions follow,
/// else the value given.
fn length_field(quote: &[u8], extensions: &[ObjectRepr<'_>], given: u8) -> u8 {
    if extensions.is_empty() {
        return given;
    }
    extension::check(quote.len(), extensions)
        .map_or(given, |padded| u8::try_from(padded / 4).unwrap_or(u8::MAX))
}

/// Writes the header, then the quote (padded, with the extension structure when there is one);
/// returns the accumulator of the whole message.
fn fill_error(
    header: &ErrorHeader,
    quote: &[u8],
    extensions: &[ObjectRepr<'_>],
    out: &mut [u8],
) -> u64 {
    if extensions.is_empty() {
        return write_payload(header, quote, out);
    }
    let Ok(padded) = extension::check(quote.len(), extensions) else {
        return 0;
    };
    let (head, body) = out.split_at_mut_checked(8).unwrap_or((&mut [], &mut []));
    let sum = write_payload(header, &[], head);
    checksum::combine(sum, extension::write_body(quote, padded, extensions, body))
}

/// Shared accessors of the four messages over [`ErrorHeader`].
macro_rules! error_view {
    ($view:ident, $example:literal, rfc4884) => {
        error_view!($view, $example);

        impl<B: ByteSlice> $view<B> {
            /// The quoted original datagram: the whole payload, or with an RFC 4884 length (or
            /// a compatible extension structure at byte 128) the part before the extensions.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.original_datagram(), &bytes[8..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn original_datagram(&self) -> &[u8] {
                extension::locate(self.0.payload(), self.0.header.length).0
            }

            /// The RFC 4884 extension structure after the original datagram, if there is one
            /// (see [`extension`](crate::extension) for how it is found).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert!(msg.extensions().is_none());
            /// ```
            #[inline]
            #[must_use]
            pub fn extensions(&self) -> Option<Extensions<'_>> {
                extension::locate(self.0.payload(), self.0.header.length).1
            }

            /// The quoted original datagram as a [`Quote`] to decode.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.quote().bytes(), &bytes[8..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn quote(&self) -> Quote<'_> {
                Quote::new(self.original_datagram())
            }
        }
    };
    ($view:ident, $example:literal, plain) => {
        error_view!($view, $example);

        impl<B: ByteSlice> $view<B> {
            /// The quoted original datagram (the whole payload).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.quote().bytes(), &bytes[8..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn quote(&self) -> Quote<'_> {
                Quote::new(self.0.payload())
            }
        }
    };
    ($view:ident, $example:literal) => {
        impl<B: SplitByteSlice> $view<B> {
            #[inline]
            fn from_view(v: View<B, ErrorHeader>) -> Result<Self, ParseError> {
                Ok($view(v))
            }
        }

    };
}

/// A destination unreachable message (type 3).
///
/// ```
/// use icmpwire::{DestinationUnreachable, UnreachableCode};
///
/// // Fragmentation needed, next-hop MTU 1000, quoting 20 + 8 bytes.
/// let bytes = [
///     3, 4, 0x25, 0x1a, 0, 0, 0x03, 0xe8, 0x45, 0, 0x05, 0xdc, 0, 1, 0x40, 0, 64, 17, 0, 0,
///     192, 0, 2, 10, 203, 0, 113, 2, 0x82, 0x9a, 0x82, 0x9a, 0x05, 0xc8, 0, 0,
/// ];
/// let msg = DestinationUnreachable::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), UnreachableCode::FRAGMENTATION_NEEDED);
/// assert_eq!(msg.next_hop_mtu(), 1000);
/// assert_eq!(msg.quote().ipv4().unwrap().total_length(), 1500);
/// ```
pub struct DestinationUnreachable<B>(View<B, ErrorHeader>);

view_parse!(
    DestinationUnreachable,
    ErrorHeader,
    [3],
    "[3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0]"
);
crate::view_common!(DestinationUnreachable, "[3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0]");
error_view!(
    DestinationUnreachable,
    "[3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0]",
    rfc4884
);

impl<B: ByteSlice> DestinationUnreachable<B> {
    /// The code.
    ///
    /// ```
    /// let bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let msg = icmpwire::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::UnreachableCode::PORT_UNREACHABLE);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> UnreachableCode {
        UnreachableCode(self.0.code())
    }

    /// Bytes 6-7: the next-hop MTU of a "fragmentation needed" message (RFC 1191); unused (and
    /// normally 0) for the other codes, returned as received.
    ///
    /// ```
    /// let bytes = [3u8, 4, 0xf9, 0x13, 0, 0, 0x03, 0xe8];
    /// let msg = icmpwire::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.next_hop_mtu(), 1000);
    /// ```
    #[inline]
    #[must_use]
    pub fn next_hop_mtu(&self) -> u16 {
        self.0.header.word6.get()
    }

    /// Byte 5: the RFC 4884 length of the original datagram in 32-bit words (0 without
    /// extensions).
    ///
    /// ```
    /// let bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::DestinationUnreachable::parse(&bytes[..]).unwrap().length_field(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn length_field(&self) -> u8 {
        self.0.header.length
    }

    /// Byte 4, unused by every RFC, as received.
    ///
    /// ```
    /// let bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::DestinationUnreachable::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u8 {
        self.0.header.byte4
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [3u8, 4, 0xf9, 0x13, 0, 0, 0x03, 0xe8];
    /// let msg = icmpwire::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.next_hop_mtu, 1000);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> DestinationUnreachableRepr<'_> {
        DestinationUnreachableRepr {
            code: self.code(),
            unused: self.unused(),
            length: self.length_field(),
            next_hop_mtu: self.next_hop_mtu(),
            quote: self.0.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> DestinationUnreachable<B> {
    /// Sets byte 4 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let mut msg = icmpwire::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(9);
    /// assert_eq!(msg.unused(), 9);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u8) {
        let len = self.length_field();
        let old = u16::from_be_bytes([self.unused(), len]);
        self.0.header_mut().byte4 = value;
        self.0.patch_u16(old, u16::from_be_bytes([value, len]));
    }

    /// Sets the next-hop MTU (bytes 6-7); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [3u8, 4, 0xfc, 0xfb, 0, 0, 0, 0];
    /// let mut msg = icmpwire::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_next_hop_mtu(1280);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_next_hop_mtu(&mut self, mtu: u16) {
        let old = self.next_hop_mtu();
        self.0.header_mut().word6 = U16::new(mtu);
        self.0.patch_u16(old, mtu);
    }

    /// Sets the RFC 4884 length (byte 5, 32-bit words); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let mut msg = icmpwire::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_length_field(32);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_length_field(&mut self, words: u8) {
        let old = u16::from_be_bytes([self.unused(), self.length_field()]);
        self.0.header_mut().length = words;
        self.0
            .patch_u16(old, u16::from_be_bytes([self.unused(), words]));
    }
}

/// The fields of a destination unreachable message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{DestinationUnreachableRepr, Repr, UnreachableCode};
///
/// let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
///     code: UnreachableCode::PORT_UNREACHABLE,
///     ..DestinationUnreachableRepr::default()
/// });
/// let mut buf = [0xFFu8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [3, 3, 0xfc, 0xfc, 0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DestinationUnreachableRepr<'a> {
    /// The code.
    pub code: UnreachableCode,
    /// Byte 4 (unused: 0).
    pub unused: u8,
    /// The RFC 4884 length in 32-bit words (0 without extensions).
    pub length: u8,
    /// Bytes 6-7: the next-hop MTU for code 4 (RFC 1191), else unused (0).
    pub next_hop_mtu: u16,
    /// The quoted datagram (see [`quote_datagram`](crate::quote_datagram)).
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

impl DestinationUnreachableRepr<'_> {
    #[inline]
    pub(crate) fn check(&self) -> Result<(), EmitError> {
        check_body(self.quote, self.extensions)
    }

    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(body_len(self.quote, self.extensions))
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = ErrorHeader {
            ty: 3,
            code: self.code.0,
            checksum: U16::ZERO,
            byte4: self.unused,
            length: length_field(self.quote, self.extensions, self.length),
            word6: U16::new(self.next_hop_mtu),
        };
        fill_error(&header, self.quote, self.extensions, out)
    }
}

/// A source quench message (type 4; deprecated by RFC 6633).
///
/// ```
/// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
/// let msg = icmpwire::SourceQuench::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.unused(), 0);
/// ```
pub struct SourceQuench<B>(View<B, ErrorHeader>);

view_parse!(
    SourceQuench,
    ErrorHeader,
    [4],
    "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]"
);
crate::view_common!(SourceQuench, "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]");
error_view!(SourceQuench, "[4u8, 0, 0xfb, 0xff, 0, 0, 0, 0]", plain);

impl<B: ByteSlice> SourceQuench<B> {
    /// Bytes 4-7, unused, as received.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::SourceQuench::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        let h = &self.0.header;
        u32::from_be_bytes([h.byte4, h.length, 0, 0]) | u32::from(h.word6.get())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::SourceQuench::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert!(repr.quote.is_empty());
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> SourceQuenchRepr<'_> {
        SourceQuenchRepr {
            code: self.code_u8(),
            unused: self.unused(),
            quote: self.0.payload(),
        }
    }
}

impl<B: ByteSliceMut> SourceQuench<B> {
    /// Sets bytes 4-7 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [4u8, 0, 0xfb, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::SourceQuench::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(7);
    /// assert_eq!(msg.unused(), 7);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        let old = self.unused();
        let [b4, b5, w6, w7] = value.to_be_bytes();
        let h = self.0.header_mut();
        h.byte4 = b4;
        h.length = b5;
        h.word6 = U16::new(u16::from_be_bytes([w6, w7]));
        self.0.patch_u32(old, value);
    }
}

/// The fields of a source quench message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// let repr = icmpwire::SourceQuenchRepr::default();
/// assert_eq!(icmpwire::Repr::SourceQuench(repr).buffer_len(), 8);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SourceQuenchRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Bytes 4-7 (unused: 0).
    pub unused: u32,
    /// The quoted datagram.
    pub quote: &'a [u8],
}

impl SourceQuenchRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.quote.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let [b4, b5, b6, b7] = self.unused.to_be_bytes();
        let header = ErrorHeader {
            ty: 4,
            code: self.code,
            checksum: U16::ZERO,
            byte4: b4,
            length: b5,
            word6: U16::new(u16::from_be_bytes([b6, b7])),
        };
        write_payload(&header, self.quote, out)
    }
}

/// A time exceeded message (type 11): TTL exceeded in transit (code 0), the traceroute
/// answer, or fragment reassembly time exceeded (code 1).
///
/// ```
/// use icmpwire::{TimeExceeded, TimeExceededCode};
///
/// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
/// let msg = TimeExceeded::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), TimeExceededCode::TTL_EXCEEDED);
/// ```
pub struct TimeExceeded<B>(View<B, ErrorHeader>);

view_parse!(
    TimeExceeded,
    ErrorHeader,
    [11],
    "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]"
);
crate::view_common!(TimeExceeded, "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]");
error_view!(TimeExceeded, "[11u8, 0, 0xf4, 0xff, 0, 0, 0, 0]", rfc4884);

impl<B: ByteSlice> TimeExceeded<B> {
    /// The code.
    ///
    /// ```
    /// let bytes = [11u8, 1, 0xf4, 0xfe, 0, 0, 0, 0];
    /// let msg = icmpwire::TimeExceeded::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.code(), icmpwire::TimeExceededCode::REASSEMBLY_TIME_EXCEEDED);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> TimeExceededCode {
        TimeExceededCode(self.0.code())
    }

    /// Byte 5: the RFC 4884 length of the original datagram in 32-bit words.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::TimeExceeded::parse(&bytes[..]).unwrap().length_field(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn length_field(&self) -> u8 {
        self.0.header.length
    }

    /// Byte 4 and bytes 6-7, unused, as received (byte 4 in the high 16 bits).
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::TimeExceeded::parse(&bytes[..]).unwrap().unused(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u32 {
        let h = &self.0.header;
        u32::from(h.byte4) << 16 | u32::from(h.word6.get())
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::TimeExceeded::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.length, 0);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> TimeExceededRepr<'_> {
        TimeExceededRepr {
            code: self.code(),
            length: self.length_field(),
            unused: self.unused(),
            quote: self.0.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> TimeExceeded<B> {
    /// Sets byte 4 and bytes 6-7 (unused; byte 4 from bits 16-23 of `value`); the checksum
    /// follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(0x0001_0002);
    /// assert_eq!(msg.unused(), 0x0001_0002);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u32) {
        let old = self.unused();
        let len = self.length_field();
        let [_, b4, w6, w7] = value.to_be_bytes();
        let h = self.0.header_mut();
        h.byte4 = b4;
        h.word6 = U16::new(u16::from_be_bytes([w6, w7]));
        let [_, o4, o6, o7] = old.to_be_bytes();
        self.0.patch_u32(
            u32::from_be_bytes([o4, len, o6, o7]),
            u32::from_be_bytes([b4, len, w6, w7]),
        );
    }

    /// Sets the RFC 4884 length (byte 5); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// let mut msg = icmpwire::TimeExceeded::parse(&mut bytes[..]).unwrap();
    /// msg.set_length_field(32);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_length_field(&mut self, words: u8) {
        let b4 = self.0.header.byte4;
        let old = u16::from_be_bytes([b4, self.length_field()]);
        self.0.header_mut().length = words;
        self.0.patch_u16(old, u16::from_be_bytes([b4, words]));
    }
}

/// The fields of a time exceeded message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{Repr, TimeExceededRepr};
///
/// let repr = Repr::TimeExceeded(TimeExceededRepr { quote: &[0x45, 0, 0, 28], ..TimeExceededRepr::default() });
/// assert_eq!(repr.buffer_len(), 12);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TimeExceededRepr<'a> {
    /// The code.
    pub code: TimeExceededCode,
    /// The RFC 4884 length in 32-bit words (0 without extensions).
    pub length: u8,
    /// Byte 4 (high 16 bits) and bytes 6-7 (low 16 bits), unused: 0. Bits above them are
    /// ignored.
    pub unused: u32,
    /// The quoted datagram.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

impl TimeExceededRepr<'_> {
    #[inline]
    pub(crate) fn check(&self) -> Result<(), EmitError> {
        check_body(self.quote, self.extensions)
    }

    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(body_len(self.quote, self.extensions))
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = ErrorHeader {
            ty: 11,
            code: self.code.0,
            checksum: U16::ZERO,
            byte4: (self.unused >> 16) as u8,
            length: length_field(self.quote, self.extensions, self.length),
            word6: U16::new(self.unused as u16),
        };
        fill_error(&header, self.quote, self.extensions, out)
    }
}

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

impl ParameterProblemRepr<'_> {
    #[inline]
    pub(crate) fn check(&self) -> Result<(), EmitError> {
        check_body(self.quote, self.extensions)
    }

    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(body_len(self.quote, self.extensions))
    }

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

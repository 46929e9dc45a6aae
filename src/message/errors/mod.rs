//! The error messages that quote a datagram with an 8-byte header of their own: destination
//! unreachable (type 3), source quench (4), time exceeded (11) and parameter problem (12).
//! Photuris (type 40, RFC 2521) quotes the same way. (Redirect, type 5, carries a gateway
//! address instead and lives in `message/redirect.rs`.)
//! Each message has its own file here; this module holds what they share: the RFC 4884 body
//! layout and the accessors of the quote.
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

use crate::checksum;
use crate::emit::write_payload;
use crate::error::EmitError;
use crate::extension::{self, ObjectRepr};
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

/// `check` and `buffer_len` of the descriptions of the three RFC 4884 messages (a header, the
/// quote, and the extension structure when there are objects).
macro_rules! rfc4884_repr {
    ($repr:ident) => {
        impl $repr<'_> {
            #[inline]
            pub(crate) fn check(&self) -> Result<(), $crate::error::EmitError> {
                super::check_body(self.quote, self.extensions)
            }

            #[inline]
            pub(crate) fn buffer_len(&self) -> usize {
                8usize.saturating_add(super::body_len(self.quote, self.extensions))
            }
        }
    };
}

/// Shared accessors of the messages over [`ErrorHeader`] (the four above and Photuris).
macro_rules! error_view {
    ($view:ident, $example:literal, rfc4884) => {
        error_view!($view, $example);

        impl<B: ::zerocopy::ByteSlice> $view<B> {
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
                $crate::extension::locate(self.0.payload(), self.0.header.length).0
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
            pub fn extensions(&self) -> Option<$crate::extension::Extensions<'_>> {
                $crate::extension::locate(self.0.payload(), self.0.header.length).1
            }

            /// The quoted original datagram as a [`Quote`](crate::Quote) to decode.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.quote().bytes(), &bytes[8..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn quote(&self) -> $crate::quote::Quote<'_> {
                $crate::quote::Quote::new(self.original_datagram())
            }
        }
    };
    ($view:ident, $example:literal, plain) => {
        error_view!($view, $example);

        impl<B: ::zerocopy::ByteSlice> $view<B> {
            /// The quoted original datagram (the whole payload).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.quote().bytes(), &bytes[8..]);
            /// ```
            #[inline]
            #[must_use]
            pub fn quote(&self) -> $crate::quote::Quote<'_> {
                $crate::quote::Quote::new(self.0.payload())
            }
        }
    };
    ($view:ident, $example:literal) => {
        impl<B: ::zerocopy::SplitByteSlice> $view<B> {
            #[inline]
            fn from_view(v: $crate::view::View<B, $crate::wire::ErrorHeader>) -> Result<Self, $crate::error::ParseError> {
                Ok($view(v))
            }
        }

    };
}

mod parameter_problem;
mod photuris;
mod source_quench;
mod time_exceeded;
mod unreachable;

pub use parameter_problem::{ParameterProblem, ParameterProblemRepr};
pub use photuris::{Photuris, PhoturisRepr};
pub use source_quench::{SourceQuench, SourceQuenchRepr};
pub use time_exceeded::{TimeExceeded, TimeExceededRepr};
pub use unreachable::{DestinationUnreachable, DestinationUnreachableRepr};

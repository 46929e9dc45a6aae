//! What every builder description (`*Repr`) of a family shares: it says its code, its fields
//! and its body ([`Describe`]); how that becomes bytes is written once, here, as the
//! [`Build`] of every describer. A body is a run of bytes, or for the RFC 4884 messages a quote
//! followed by extension objects ([`Body::quote`]), which is padded, measured and checksummed
//! the same way for ICMPv4 and ICMPv6.

use zerocopy::{Immutable, IntoBytes, Unaligned};

use crate::checksum;
use crate::error::EmitError;
use crate::extension::{self, ObjectRepr};
use crate::view::Header;
use crate::write::{Build, len_with, write_payload};

/// A builder description: the code, the fields after the checksum, and the body.
pub(crate) trait Describe {
    /// The fields after the checksum.
    type Fields: IntoBytes + Immutable + Unaligned;

    /// The code, the fields and the body of the message.
    fn describe(&self) -> (u8, Self::Fields, Body<'_>);
}

/// What follows a message's fields.
#[derive(Clone, Copy)]
pub(crate) enum Body<'a> {
    /// Bytes as given.
    Bytes(&'a [u8]),
    /// An RFC 4884 quote with extension objects after it: the quote zero padded to a whole
    /// number of `unit`-byte words and to at least 128 bytes, then the extension structure.
    Extended {
        quote: &'a [u8],
        objects: &'a [ObjectRepr<'a>],
        unit: usize,
    },
}

impl<'a> Body<'a> {
    /// The body of an RFC 4884 message: the quote alone without objects, else the quote padded
    /// to `unit`-byte words (4 on ICMPv4, 8 on ICMPv6) and the extension structure.
    #[inline(always)]
    pub(crate) fn quote(quote: &'a [u8], objects: &'a [ObjectRepr<'a>], unit: usize) -> Self {
        if objects.is_empty() {
            Body::Bytes(quote)
        } else {
            Body::Extended {
                quote,
                objects,
                unit,
            }
        }
    }

    /// The RFC 4884 length field to write: the padded quote in words when objects follow it,
    /// else `given`.
    #[inline]
    pub(crate) fn length_field(&self, given: u8) -> u8 {
        match self.padded() {
            Some(Ok((padded, unit))) => {
                u8::try_from(padded.checked_div(unit).unwrap_or(0)).unwrap_or(u8::MAX)
            }
            _ => given,
        }
    }

    /// For an extended body: the padded quote's length and the unit, or what cannot be
    /// written.
    #[inline]
    fn padded(&self) -> Option<Result<(usize, usize), EmitError>> {
        match *self {
            Body::Bytes(_) => None,
            Body::Extended {
                quote,
                objects,
                unit,
            } => Some(extension::check(quote.len(), objects, unit).map(|p| (p, unit))),
        }
    }

    /// The body's length.
    #[inline]
    fn len(&self) -> usize {
        match (*self, self.padded()) {
            (Body::Bytes(bytes), _) => bytes.len(),
            (Body::Extended { objects, .. }, Some(Ok((padded, _)))) => {
                padded.saturating_add(extension::structure_len(objects))
            }
            (Body::Extended { quote, .. }, _) => quote.len(),
        }
    }
}

impl<D: Describe> Build for D {
    #[inline]
    fn buffer_len(&self) -> usize {
        let (_, _, body) = self.describe();
        len_with::<D::Fields>(&[]).saturating_add(body.len())
    }

    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        let (_, _, body) = self.describe();
        match body.padded() {
            Some(Err(e)) => Err(e),
            _ => Ok(()),
        }
    }

    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let (code, fields, body) = self.describe();
        let header = Header::new(ty, code, fields);
        match body {
            Body::Bytes(bytes) => write_payload(&header, bytes, out),
            Body::Extended { quote, objects, .. } => {
                // `check` has passed: the padded length is known.
                let Some(Ok((padded, _))) = body.padded() else {
                    return 0;
                };
                let (head, rest) = out
                    .split_at_mut_checked(len_with::<D::Fields>(&[]))
                    .unwrap_or((&mut [], &mut []));
                let sum = write_payload(&header, &[], head);
                // The header is a whole number of words: the quote's words line up.
                checksum::combine(sum, extension::write_body(quote, padded, objects, rest))
            }
        }
    }
}

//! IPv4 options (RFC 791 section 3.1): the bytes of an IPv4 header after its first 20, as many
//! as its IHL says. Two options are one byte, end of option list ([`Ipv4OptionType::END`]) and
//! no operation ([`Ipv4OptionType::NOP`]); every other is a type byte, a length byte that
//! counts both, and the option's data. [`Ipv4Options`] walks them in order without copying:
//! the options of a header an error message quotes ([`QuotedIpv4::options`]), of the header a
//! packet arrived with, of a request a responder answers (RFC 1122 sections 3.2.1.8 and
//! 3.2.2.6: record route and timestamp options are returned in echo and timestamp replies).
//!
//! The walk yields every option as framed, unknown types included, and end of option list
//! too; after it, nothing (the rest of the header is padding, RFC 791: "This might not
//! coincide with the end of the internet header"). It ends with a typed error, and yields
//! nothing after it, at a length byte below 2 ([`ParseError::Ipv4OptionLength`]) or an option
//! that runs past the end ([`ParseError::Ipv4OptionTruncated`]), as Linux's
//! `ip_options_compile` refuses the same two (pointing its parameter problem at the type
//! byte, the offset both errors carry).
//!
//! [`QuotedIpv4::options`]: crate::QuotedIpv4::options

use crate::error::ParseError;
use crate::types::v4::Ipv4OptionType;

/// The options of an IPv4 header, in order: an iterator of `Result<Ipv4Option, ParseError>`
/// that ends after end of option list or after the first error.
///
/// ```
/// use icmpwire::v4::{Ipv4OptionType, Ipv4Options};
///
/// // `ping -R`'s options: a no operation, then a record route of 39 bytes whose pointer (8)
/// // is past the first address, 192.0.2.10 (RFC 791 section 3.1).
/// let mut bytes = [0u8; 40];
/// bytes[..8].copy_from_slice(&[1, 7, 39, 8, 192, 0, 2, 10]);
/// let mut options = Ipv4Options::new(&bytes, 20);
/// let nop = options.next().unwrap().unwrap();
/// assert_eq!((nop.kind(), nop.offset(), nop.len()), (Ipv4OptionType::NOP, 20, 1));
/// let rr = options.next().unwrap().unwrap();
/// assert_eq!((rr.kind(), rr.offset(), rr.len()), (Ipv4OptionType::RECORD_ROUTE, 21, 39));
/// assert_eq!(&rr.data()[..5], &[8, 192, 0, 2, 10]);
/// assert!(options.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Ipv4Options<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> Ipv4Options<'a> {
    /// The options in `bytes`, which start at `offset` (20 for the options of a header read
    /// from its first byte: the offsets errors and [`Ipv4Option::offset`] give are then the
    /// header's byte numbers, as an ICMP parameter problem's pointer counts them).
    ///
    /// ```
    /// assert!(icmpwire::v4::Ipv4Options::new(&[], 20).next().is_none());
    /// ```
    #[must_use]
    pub const fn new(bytes: &'a [u8], offset: usize) -> Self {
        Ipv4Options { bytes, offset }
    }

    /// Checks the framing of every option up to end of option list: `Ok` when each length is
    /// at least 2 and ends within the options, else the first error.
    ///
    /// ```
    /// use icmpwire::{ParseError, v4::Ipv4Options};
    ///
    /// assert_eq!(Ipv4Options::new(&[1, 148, 4, 0, 0], 20).check(), Ok(()));
    /// assert_eq!(
    ///     Ipv4Options::new(&[1, 148, 1, 0], 20).check(),
    ///     Err(ParseError::Ipv4OptionLength { offset: 21, length: 1 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Ipv4OptionLength`] or [`ParseError::Ipv4OptionTruncated`].
    pub fn check(self) -> Result<(), ParseError> {
        for option in self {
            option?;
        }
        Ok(())
    }
}

impl<'a> Iterator for Ipv4Options<'a> {
    type Item = Result<Ipv4Option<'a>, ParseError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let offset = self.offset;
        let actual = self.bytes.len();
        let size = match *self.bytes {
            [] => return None,
            [0 | 1, ..] => Ok(1),
            [_] => Err(ParseError::Ipv4OptionTruncated {
                offset,
                required: 2,
                actual,
            }),
            [_, length, ..] if length < 2 => Err(ParseError::Ipv4OptionLength { offset, length }),
            [_, length, ..] => Ok(usize::from(length)),
        };
        let split = size.and_then(|size| {
            self.bytes
                .split_at_checked(size)
                .ok_or(ParseError::Ipv4OptionTruncated {
                    offset,
                    required: size,
                    actual,
                })
        });
        match split {
            Ok((option, rest)) => {
                let option = Ipv4Option { offset, option };
                // End of option list: what follows is padding.
                self.bytes = if option.kind() == Ipv4OptionType::END {
                    &[]
                } else {
                    rest
                };
                self.offset = offset.saturating_add(option.len());
                Some(Ok(option))
            }
            Err(e) => {
                self.bytes = &[];
                Some(Err(e))
            }
        }
    }
}

impl core::iter::FusedIterator for Ipv4Options<'_> {}

/// One IPv4 option as framed by its type (and, but for end of option list and no operation,
/// its length byte).
///
/// ```
/// use icmpwire::v4::{Ipv4OptionType, Ipv4Options};
///
/// // A router alert (RFC 2113 section 2.1): value 0, "examine packet".
/// let ra = Ipv4Options::new(&[148, 4, 0, 0], 20).next().unwrap().unwrap();
/// assert_eq!((ra.kind(), ra.len(), ra.data()), (Ipv4OptionType::ROUTER_ALERT, 4, &[0, 0][..]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Ipv4Option<'a> {
    offset: usize,
    /// The whole option, type byte first; never empty.
    option: &'a [u8],
}

impl<'a> Ipv4Option<'a> {
    /// The option type.
    ///
    /// ```
    /// use icmpwire::v4::{Ipv4OptionType, Ipv4Options};
    ///
    /// let o = Ipv4Options::new(&[68, 8, 5, 0, 0, 0, 0, 0], 20).next().unwrap().unwrap();
    /// assert_eq!(o.kind(), Ipv4OptionType::TIMESTAMP);
    /// ```
    #[must_use]
    #[inline]
    pub fn kind(&self) -> Ipv4OptionType {
        Ipv4OptionType(self.option.first().copied().unwrap_or_default())
    }

    /// Where the option starts (its type byte), counted as [`Ipv4Options::new`] was told.
    ///
    /// ```
    /// let second = icmpwire::v4::Ipv4Options::new(&[1, 1, 0, 0], 20).nth(1).unwrap().unwrap();
    /// assert_eq!(second.offset(), 21);
    /// ```
    #[must_use]
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The option's size in bytes: its length field, or 1 for end of option list and no
    /// operation.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[131, 7, 4, 203, 0, 113, 2, 0], 20).next().unwrap().unwrap();
    /// assert_eq!(o.len(), 7);
    /// ```
    #[must_use]
    #[inline]
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(&self) -> usize {
        self.option.len()
    }

    /// The whole option: type byte, length byte, data.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[148, 4, 0, 0, 1], 20).next().unwrap().unwrap();
    /// assert_eq!(o.bytes(), &[148, 4, 0, 0]);
    /// ```
    #[must_use]
    #[inline]
    pub const fn bytes(&self) -> &'a [u8] {
        self.option
    }

    /// The option's data after its type and length bytes (for a record route, source route or
    /// timestamp option the pointer first, RFC 791); empty for end of option list and no
    /// operation.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[137, 7, 4, 203, 0, 113, 2], 20).next().unwrap().unwrap();
    /// assert_eq!(o.data(), &[4, 203, 0, 113, 2]);
    /// ```
    #[must_use]
    #[inline]
    pub fn data(&self) -> &'a [u8] {
        self.option.get(2..).unwrap_or_default()
    }
}

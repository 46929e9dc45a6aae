//! Neighbor Discovery options (RFC 4861 section 4.6): a type byte, a length byte in units of
//! 8 octets (type and length included), then the option's data. [`NdOptions`] walks them in order
//! without copying; [`NdOption::value`] reads one as its typed value, [`NdOptionRepr`], which is
//! also what the builders write.
//!
//! The walk yields every option, in order, several of a type included (a router advertisement
//! normally carries several prefix information options), and unknown types as
//! [`NdOptionRepr::Unknown`]. It ends with a typed error, and yields nothing after it, at an
//! option of length 0 ([`ParseError::OptionLengthZero`]: RFC 4861 says the whole packet must
//! be discarded) or one that runs past the end of the message
//! ([`ParseError::OptionTruncated`]). An option whose length breaks its own RFC's rule (a
//! prefix information option of 3 units) is framed and yielded; its [`value`](NdOption::value)
//! is a [`ParseError::OptionLength`].

use core::net::Ipv6Addr;

use crate::error::ParseError;
use crate::types::v6::OptionType;

use super::values::NdOptionRepr;

/// The options of a Neighbor Discovery message, in order: an iterator of
/// `Result<NdOption, ParseError>` that ends after the first error.
///
/// ```
/// use icmpwire::v6::{NdOptionRepr, NdOptions, OptionType};
///
/// // A source link-layer address option, then an MTU option of 1500 (RFC 4861 4.6.1, 4.6.4).
/// let bytes = [1u8, 1, 0x02, 0, 0, 0, 0, 0x0a, 5, 1, 0, 0, 0, 0, 0x05, 0xdc];
/// let mut options = NdOptions::new(&bytes, 16);
/// let sll = options.next().unwrap().unwrap();
/// assert_eq!((sll.kind(), sll.offset()), (OptionType::SOURCE_LINK_LAYER_ADDRESS, 16));
/// assert_eq!(sll.value(), Ok(NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 0x0a])));
/// let mtu = options.next().unwrap().unwrap();
/// assert_eq!(mtu.value(), Ok(NdOptionRepr::Mtu { reserved: 0, mtu: 1500 }));
/// assert!(options.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct NdOptions<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> NdOptions<'a> {
    /// The options in `bytes`, which start at `offset` in their message (the offsets errors
    /// and [`NdOption::offset`] give are counted from the message's type byte).
    ///
    /// ```
    /// assert!(icmpwire::v6::NdOptions::new(&[], 8).next().is_none());
    /// ```
    #[must_use]
    pub const fn new(bytes: &'a [u8], offset: usize) -> Self {
        NdOptions { bytes, offset }
    }

    /// Checks the framing of every option: `Ok` when each has a non-zero length and ends
    /// within the message, else the first error. RFC 4861 section 4.6 has a node discard the
    /// packet on such an error.
    ///
    /// ```
    /// use icmpwire::{ParseError, v6::NdOptions};
    ///
    /// assert_eq!(NdOptions::new(&[1, 1, 0, 0, 0, 0, 0, 0], 8).check(), Ok(()));
    /// assert_eq!(
    ///     NdOptions::new(&[1, 0, 0, 0, 0, 0, 0, 0], 8).check(),
    ///     Err(ParseError::OptionLengthZero { offset: 8 })
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::OptionLengthZero`] or [`ParseError::OptionTruncated`].
    pub fn check(self) -> Result<(), ParseError> {
        for option in self {
            option?;
        }
        Ok(())
    }
}

impl<'a> Iterator for NdOptions<'a> {
    type Item = Result<NdOption<'a>, ParseError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let offset = self.offset;
        let (kind, length) = match *self.bytes {
            [] => return None,
            [_] => {
                self.bytes = &[];
                return Some(Err(ParseError::OptionTruncated {
                    offset,
                    required: 2,
                    actual: 1,
                }));
            }
            [kind, length, ..] => (kind, length),
        };
        let size = usize::from(length).saturating_mul(8);
        let actual = self.bytes.len();
        let split = if length == 0 {
            Err(ParseError::OptionLengthZero { offset })
        } else {
            self.bytes
                .split_at_checked(size)
                .ok_or(ParseError::OptionTruncated {
                    offset,
                    required: size,
                    actual,
                })
        };
        match split {
            Ok((option, rest)) => {
                self.bytes = rest;
                self.offset = offset.saturating_add(size);
                Some(Ok(NdOption {
                    kind: OptionType(kind),
                    length,
                    offset,
                    data: option.get(2..).unwrap_or_default(),
                }))
            }
            Err(e) => {
                self.bytes = &[];
                Some(Err(e))
            }
        }
    }
}

impl core::iter::FusedIterator for NdOptions<'_> {}

/// One Neighbor Discovery option as framed by its length field.
///
/// ```
/// use icmpwire::v6::NdOptions;
///
/// let bytes = [5u8, 1, 0, 0, 0, 0, 0x05, 0xdc];
/// let mtu = NdOptions::new(&bytes, 16).next().unwrap().unwrap();
/// assert_eq!((mtu.length(), mtu.len(), mtu.data()), (1, 8, &bytes[2..]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NdOption<'a> {
    kind: OptionType,
    length: u8,
    offset: usize,
    data: &'a [u8],
}

impl<'a> NdOption<'a> {
    /// The option type.
    ///
    /// ```
    /// use icmpwire::v6::{NdOptions, OptionType};
    ///
    /// let o = NdOptions::new(&[25, 1, 0, 0, 0, 0, 0, 0], 16).next().unwrap().unwrap();
    /// assert_eq!(o.kind(), OptionType::RDNSS);
    /// ```
    #[must_use]
    #[inline]
    pub const fn kind(&self) -> OptionType {
        self.kind
    }

    /// The length field: the option's size in units of 8 octets, type and length included.
    ///
    /// ```
    /// let o = icmpwire::v6::NdOptions::new(&[1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8).next().unwrap().unwrap();
    /// assert_eq!(o.length(), 2);
    /// ```
    #[must_use]
    #[inline]
    pub const fn length(&self) -> u8 {
        self.length
    }

    /// The option's size in bytes (8 times [`length`](Self::length)).
    ///
    /// ```
    /// let o = icmpwire::v6::NdOptions::new(&[1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], 8).next().unwrap().unwrap();
    /// assert_eq!(o.len(), 16);
    /// ```
    #[must_use]
    #[inline]
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(&self) -> usize {
        self.data.len().saturating_add(2)
    }

    /// Where the option starts in its message (from the type byte).
    ///
    /// ```
    /// let bytes = [1u8, 1, 0, 0, 0, 0, 0, 0, 5, 1, 0, 0, 0, 0, 5, 0xdc];
    /// let second = icmpwire::v6::NdOptions::new(&bytes, 24).nth(1).unwrap().unwrap();
    /// assert_eq!(second.offset(), 32);
    /// ```
    #[must_use]
    #[inline]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The bytes after the type and length bytes, padding included.
    ///
    /// ```
    /// let o = icmpwire::v6::NdOptions::new(&[14, 1, 1, 2, 3, 4, 5, 6], 24).next().unwrap().unwrap();
    /// assert_eq!(o.data(), &[1, 2, 3, 4, 5, 6]);
    /// ```
    #[must_use]
    #[inline]
    pub const fn data(&self) -> &'a [u8] {
        self.data
    }

    /// The option read as its typed value; a type this crate does not decode is
    /// [`NdOptionRepr::Unknown`] with its data.
    ///
    /// ```
    /// use icmpwire::{ParseError, v6::{NdOptionRepr, NdOptions}};
    ///
    /// let mut bytes = [0u8; 32];
    /// // Prefix information (RFC 4861 4.6.2): 2001:db8::/64, on-link and autonomous,
    /// // valid for 86400 s, preferred for 14400 s.
    /// bytes[..4].copy_from_slice(&[3, 4, 64, 0xc0]);
    /// bytes[4..8].copy_from_slice(&86400u32.to_be_bytes());
    /// bytes[8..12].copy_from_slice(&14400u32.to_be_bytes());
    /// bytes[16..20].copy_from_slice(&[0x20, 0x01, 0x0d, 0xb8]);
    /// let o = icmpwire::v6::NdOptions::new(&bytes, 16).next().unwrap().unwrap();
    /// let NdOptionRepr::PrefixInformation(pi) = o.value().unwrap() else { panic!() };
    /// assert_eq!((pi.prefix_length, pi.on_link, pi.autonomous), (64, true, true));
    /// assert_eq!((pi.valid_lifetime, pi.preferred_lifetime), (86400, 14400));
    /// assert_eq!(pi.prefix, "2001:db8::".parse::<core::net::Ipv6Addr>().unwrap());
    ///
    /// // The same option announced as 3 units long breaks RFC 4861's rule.
    /// bytes[1] = 3;
    /// let o = icmpwire::v6::NdOptions::new(&bytes[..24], 16).next().unwrap().unwrap();
    /// assert_eq!(o.value(), Err(ParseError::OptionLength { kind: 3, length: 3 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::OptionLength`] when the length breaks the option's own rule (RFC 4861
    /// 4.6: prefix information 4, MTU 1; RFC 6275: advertisement interval and home agent
    /// information 1; RFC 2491: NBMA shortcut limit 1; RFC 3122: address lists and RFC 8106:
    /// RDNSS an odd number of at least 3; DNSSL at least 2; RFC 4191: route information 1 to 3
    /// and long enough for its prefix; RFC 8781: PREF64 2);
    /// [`ParseError::PrefixLength`] for a route information prefix length past 128; for a
    /// DNSSL option, the first name that is not one ([`DomainNames::new`](super::DomainNames::new)).
    #[inline]
    pub fn value(&self) -> Result<NdOptionRepr<'a>, ParseError> {
        super::values::decode(self.kind.0, self.length, self.data, self.offset)
    }
}

/// A 16-byte address from the start of `bytes` (zero-filled when fewer are present: route
/// information options carry only the prefix's significant bytes).
#[inline]
pub(crate) fn address_at(bytes: &[u8]) -> Ipv6Addr {
    // Nearly always whole: one 16-byte load, not a copy of a length known only at run time.
    if let Some(whole) = bytes.first_chunk::<16>() {
        return Ipv6Addr::from(*whole);
    }
    let mut a = [0u8; 16];
    let n = bytes.len().min(16);
    if let (Some(d), Some(s)) = (a.get_mut(..n), bytes.get(..n)) {
        d.copy_from_slice(s);
    }
    Ipv6Addr::from(a)
}

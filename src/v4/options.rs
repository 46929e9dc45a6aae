//! IPv4 options (RFC 791 section 3.1): the bytes of an IPv4 header after its first 20, as many
//! as its IHL says. Two options are one byte, end of option list ([`Ipv4OptionType::END`]) and
//! no operation ([`Ipv4OptionType::NOP`]); every other is a type byte, a length byte that
//! counts both, and the option's data. [`Ipv4Options`] walks them in order without copying:
//! the options of a header an error message quotes ([`QuotedIpv4::options`]), of the header a
//! packet arrived with, of a request a responder answers (RFC 1122 sections 3.2.2.6 and
//! 3.2.2.8: record route and timestamp options are returned in echo and timestamp replies).
//!
//! [`Ipv4Option::route`], [`Ipv4Option::timestamp`] and [`Ipv4Option::router_alert`] read the
//! fields of the options RFC 791 and RFC 2113 define: a route's pointer and addresses, a
//! timestamp's pointer, overflow count, flag and entries, the router alert's value. They read
//! what is there, as tcpdump does, and leave judging a pointer to the caller (a pointer past
//! the option is how RFC 791 says it is full).
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

use core::net::Ipv4Addr;

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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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

    /// The fields of a record route, loose source route or strict source route option (RFC
    /// 791 section 3.1); `None` for another type, or for one too short to hold its pointer.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::v4::Ipv4Options;
    ///
    /// // A record route with room for two addresses, one recorded (the pointer is past it).
    /// let o = Ipv4Options::new(&[7, 11, 8, 192, 0, 2, 10, 0, 0, 0, 0], 20).next().unwrap().unwrap();
    /// let route = o.route().unwrap();
    /// assert_eq!((route.pointer(), route.used()), (8, 1));
    /// assert_eq!(route.addresses().collect::<Vec<_>>(), [Ipv4Addr::new(192, 0, 2, 10), Ipv4Addr::UNSPECIFIED]);
    /// assert!(o.timestamp().is_none());
    /// ```
    #[must_use]
    pub fn route(&self) -> Option<RouteOption<'a>> {
        if !matches!(
            self.kind(),
            Ipv4OptionType::RECORD_ROUTE
                | Ipv4OptionType::LOOSE_SOURCE_ROUTE
                | Ipv4OptionType::STRICT_SOURCE_ROUTE
        ) {
            return None;
        }
        let (&pointer, route) = self.data().split_first()?;
        Some(RouteOption { pointer, route })
    }

    /// The fields of a timestamp option (RFC 791 section 3.1); `None` for another type, or for
    /// one too short to hold its pointer and flags.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::v4::{Ipv4Options, TimestampOption};
    ///
    /// // Address and time, room for one entry, filled by 192.0.2.10 at 60950454 ms.
    /// let bytes = [68, 12, 13, 1, 192, 0, 2, 10, 0x03, 0xa2, 0x07, 0xb6];
    /// let ts = Ipv4Options::new(&bytes, 20).next().unwrap().unwrap().timestamp().unwrap();
    /// assert_eq!((ts.pointer(), ts.overflow(), ts.flag()), (13, 0, TimestampOption::ADDRESSES_AND_TIMES));
    /// assert_eq!(ts.entries().collect::<Vec<_>>(), [(Some(Ipv4Addr::new(192, 0, 2, 10)), 60950454)]);
    /// assert_eq!(ts.used(), 1);
    /// ```
    #[must_use]
    pub fn timestamp(&self) -> Option<TimestampOption<'a>> {
        if self.kind() != Ipv4OptionType::TIMESTAMP {
            return None;
        }
        let [pointer, flags, ref entries @ ..] = *self.data() else {
            return None;
        };
        Some(TimestampOption {
            pointer,
            flags,
            entries,
        })
    }

    /// The value of a router alert option (RFC 2113 section 2.1: 0, "Router shall examine
    /// packet"); `None` for another type or a length other than 4.
    ///
    /// ```
    /// use icmpwire::v4::Ipv4Options;
    ///
    /// let o = Ipv4Options::new(&[148, 4, 0, 0], 20).next().unwrap().unwrap();
    /// assert_eq!(o.router_alert(), Some(0));
    /// ```
    #[must_use]
    pub fn router_alert(&self) -> Option<u16> {
        match (self.kind(), self.data()) {
            (Ipv4OptionType::ROUTER_ALERT, &[a, b]) => Some(u16::from_be_bytes([a, b])),
            _ => None,
        }
    }
}

/// A record route or source route option (RFC 791 section 3.1): a pointer, then room for
/// addresses; see [`Ipv4Option::route`].
///
/// ```
/// use icmpwire::v4::Ipv4Options;
///
/// // A loose source route through 203.0.113.2, not yet visited (pointer 4).
/// let o = Ipv4Options::new(&[131, 7, 4, 203, 0, 113, 2], 20).next().unwrap().unwrap();
/// assert_eq!(o.route().unwrap().used(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouteOption<'a> {
    pointer: u8,
    route: &'a [u8],
}

impl<'a> RouteOption<'a> {
    /// The pointer: the byte of the option, counted from 1 at its type byte, where the next
    /// address goes (record route) or is taken from (source routes); 4 for none yet, past the
    /// option's length when every address is used.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[7, 7, 8, 192, 0, 2, 1], 20).next().unwrap().unwrap();
    /// assert_eq!(o.route().unwrap().pointer(), 8);
    /// ```
    #[must_use]
    #[inline]
    pub const fn pointer(&self) -> u8 {
        self.pointer
    }

    /// Every address of the route, used or not, in order (bytes after the last whole address
    /// are not one).
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[7, 10, 4, 0, 0, 0, 0, 0, 0, 0], 20).next().unwrap().unwrap();
    /// assert_eq!(o.route().unwrap().addresses().len(), 1);
    /// ```
    #[must_use]
    #[inline]
    pub const fn addresses(&self) -> Ipv4Addresses<'a> {
        Ipv4Addresses::from_bytes(self.route)
    }

    /// How many of the addresses lie before the pointer: those recorded so far (record
    /// route), or the hops already taken (source routes).
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[7, 7, 8, 192, 0, 2, 1], 20).next().unwrap().unwrap();
    /// assert_eq!(o.route().unwrap().used(), 1);
    /// ```
    #[must_use]
    pub fn used(&self) -> usize {
        let before = usize::from(self.pointer.saturating_sub(4) / 4);
        before.min(self.addresses().len())
    }
}

/// A timestamp option (RFC 791 section 3.1): pointer, overflow count, flag, then entries of a
/// time (milliseconds since midnight UT; the top bit set when it is not in milliseconds or not
/// from midnight UT) with or without an address; see [`Ipv4Option::timestamp`].
///
/// ```
/// use icmpwire::v4::{Ipv4Options, TimestampOption};
///
/// // Times only, room for two, none entered, 3 hops that had no room.
/// let o = Ipv4Options::new(&[68, 12, 5, 0x30, 0, 0, 0, 0, 0, 0, 0, 0], 20).next().unwrap().unwrap();
/// let ts = o.timestamp().unwrap();
/// assert_eq!((ts.overflow(), ts.flag(), ts.used()), (3, TimestampOption::TIMES_ONLY, 0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TimestampOption<'a> {
    pointer: u8,
    flags: u8,
    entries: &'a [u8],
}

impl<'a> TimestampOption<'a> {
    /// Flag 0: times only, 4 bytes each.
    ///
    /// ```
    /// assert_eq!(icmpwire::v4::TimestampOption::TIMES_ONLY, 0);
    /// ```
    pub const TIMES_ONLY: u8 = 0;
    /// Flag 1: each hop enters its address and the time, 8 bytes each.
    ///
    /// ```
    /// assert_eq!(icmpwire::v4::TimestampOption::ADDRESSES_AND_TIMES, 1);
    /// ```
    pub const ADDRESSES_AND_TIMES: u8 = 1;
    /// Flag 3: the addresses are prespecified; a hop enters the time only where its address
    /// is named.
    ///
    /// ```
    /// assert_eq!(icmpwire::v4::TimestampOption::PRESPECIFIED, 3);
    /// ```
    pub const PRESPECIFIED: u8 = 3;

    /// The pointer: the byte of the option, counted from 1 at its type byte, where the next
    /// entry goes; 5 for none yet, past the option's length when it is full.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[68, 8, 9, 0, 0, 0, 0, 1], 20).next().unwrap().unwrap();
    /// assert_eq!(o.timestamp().unwrap().pointer(), 9);
    /// ```
    #[must_use]
    #[inline]
    pub const fn pointer(&self) -> u8 {
        self.pointer
    }

    /// The overflow count (the high 4 bits of the fourth byte): hops that had no room to enter
    /// a time.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[68, 4, 5, 0xf1], 20).next().unwrap().unwrap();
    /// assert_eq!(o.timestamp().unwrap().overflow(), 15);
    /// ```
    #[must_use]
    #[inline]
    pub const fn overflow(&self) -> u8 {
        self.flags >> 4
    }

    /// The flag (the low 4 bits of the fourth byte): [`TIMES_ONLY`](Self::TIMES_ONLY),
    /// [`ADDRESSES_AND_TIMES`](Self::ADDRESSES_AND_TIMES),
    /// [`PRESPECIFIED`](Self::PRESPECIFIED), or a value RFC 791 does not define.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[68, 4, 5, 0xf3], 20).next().unwrap().unwrap();
    /// assert_eq!(o.timestamp().unwrap().flag(), 3);
    /// ```
    #[must_use]
    #[inline]
    pub const fn flag(&self) -> u8 {
        self.flags & 0x0F
    }

    /// The entries, entered or not, in order: `(None, time)` for times only, `(Some(address),
    /// time)` for the other two flags; none for a flag RFC 791 does not define, whose entries
    /// have no known size. Bytes after the last whole entry are not one.
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[68, 8, 9, 0, 0, 0, 0, 7], 20).next().unwrap().unwrap();
    /// assert_eq!(o.timestamp().unwrap().entries().collect::<Vec<_>>(), [(None, 7)]);
    /// ```
    #[must_use]
    pub fn entries(&self) -> TimestampEntries<'a> {
        let with_address = match self.flag() {
            Self::TIMES_ONLY => false,
            Self::ADDRESSES_AND_TIMES | Self::PRESPECIFIED => true,
            _ => {
                return TimestampEntries {
                    rest: &[],
                    with_address: false,
                };
            }
        };
        TimestampEntries {
            rest: self.entries,
            with_address,
        }
    }

    /// How many of the entries lie before the pointer: those entered so far (for prespecified
    /// addresses, the ones whose host has entered its time: the pointer moves on only then).
    ///
    /// ```
    /// let o = icmpwire::v4::Ipv4Options::new(&[68, 12, 9, 0, 0, 0, 0, 7, 0, 0, 0, 0], 20).next().unwrap().unwrap();
    /// assert_eq!(o.timestamp().unwrap().used(), 1);
    /// ```
    #[must_use]
    pub fn used(&self) -> usize {
        let entries = self.entries();
        let size = if entries.with_address { 8 } else { 4 };
        let before = self
            .pointer
            .saturating_sub(5)
            .checked_div(size)
            .unwrap_or(0);
        usize::from(before).min(entries.len())
    }
}

/// The entries of a timestamp option: `(address, time)`; see [`TimestampOption::entries`].
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::Ipv4Options;
///
/// let bytes = [68, 12, 5, 3, 198, 51, 100, 1, 0, 0, 0, 0];
/// let ts = Ipv4Options::new(&bytes, 20).next().unwrap().unwrap().timestamp().unwrap();
/// assert_eq!(ts.entries().len(), 1);
/// assert_eq!(ts.entries().next(), Some((Some(Ipv4Addr::new(198, 51, 100, 1)), 0)));
/// ```
#[derive(Clone, Debug)]
pub struct TimestampEntries<'a> {
    rest: &'a [u8],
    with_address: bool,
}

impl Iterator for TimestampEntries<'_> {
    type Item = (Option<Ipv4Addr>, u32);

    fn next(&mut self) -> Option<Self::Item> {
        let address = if self.with_address {
            let (&a, rest) = self.rest.split_first_chunk::<4>()?;
            if rest.len() < 4 {
                self.rest = &[];
                return None;
            }
            self.rest = rest;
            Some(Ipv4Addr::from(a))
        } else {
            None
        };
        let (&time, rest) = self.rest.split_first_chunk::<4>()?;
        self.rest = rest;
        Some((address, u32::from_be_bytes(time)))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let size = if self.with_address { 8 } else { 4 };
        let n = self.rest.len().checked_div(size).unwrap_or(0);
        (n, Some(n))
    }
}

impl ExactSizeIterator for TimestampEntries<'_> {}

impl core::iter::FusedIterator for TimestampEntries<'_> {}

/// IPv4 addresses one after the other, 4 bytes each (a shorter tail is not one): a route
/// option's, a mobility agent's care-of addresses.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::Ipv4Addresses;
///
/// let list = Ipv4Addresses::from_bytes(&[192, 0, 2, 1, 203, 0, 113, 9, 7]);
/// assert_eq!(list.len(), 2);
/// assert_eq!(list.last(), Some(Ipv4Addr::new(203, 0, 113, 9)));
/// ```
#[derive(Clone, Debug)]
pub struct Ipv4Addresses<'a> {
    rest: &'a [u8],
}

impl<'a> Ipv4Addresses<'a> {
    /// The addresses in `bytes`.
    ///
    /// ```
    /// assert_eq!(icmpwire::v4::Ipv4Addresses::from_bytes(&[0; 3]).len(), 0);
    /// ```
    #[must_use]
    #[inline]
    pub const fn from_bytes(bytes: &'a [u8]) -> Self {
        Ipv4Addresses { rest: bytes }
    }
}

impl Iterator for Ipv4Addresses<'_> {
    type Item = Ipv4Addr;

    fn next(&mut self) -> Option<Ipv4Addr> {
        let (&octets, rest) = self.rest.split_first_chunk::<4>()?;
        self.rest = rest;
        Some(Ipv4Addr::from(octets))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.rest.len() / 4;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Ipv4Addresses<'_> {}

impl core::iter::FusedIterator for Ipv4Addresses<'_> {}

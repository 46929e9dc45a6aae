//! Writing IPv4 options (RFC 791 section 3.1, RFC 2113): the bytes after an IPv4 header's
//! first 20, for a program that builds its own headers or hands them to a raw socket
//! (`IP_OPTIONS`). Each [`Ipv4OptionRepr`] is written as its type byte, a length byte that
//! counts both, and its fields (no operation is its type byte alone); [`write_ipv4_options`]
//! writes a list one option after the other and pads it with zero bytes, end of option list
//! then padding, to the multiple of 4 bytes that the IHL counts (RFC 791: "The internet header
//! padding is used to ensure that the internet header ends on a 32 bit boundary").
//!
//! What cannot be written is refused before anything is written: a list longer than the 40
//! bytes a header holds ([`EmitError::Ipv4OptionsTooLong`]), a value its fields cannot hold
//! ([`EmitError::Ipv4OptionValue`], [`EmitError::FieldTooWide`] for a timestamp's overflow
//! count). Pointers are written as given: a pointer past the option
//! is how RFC 791 says a route or a timestamp option is full, and a test may want any other.

use core::net::Ipv4Addr;

use crate::error::EmitError;
use crate::types::v4::Ipv4OptionType;
use crate::write::{Writer, room};

/// The most option bytes an IPv4 header holds (RFC 791: 15 words of header, 5 fixed).
const MAX: usize = 40;

/// One IPv4 option to write with [`write_ipv4_options`].
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{Ipv4OptionRepr, Ipv4OptionType};
///
/// // `ping -R`'s record route: room for nine addresses, none recorded (pointer 4).
/// let slots = [Ipv4Addr::UNSPECIFIED; 9];
/// let rr = Ipv4OptionRepr::Route { kind: Ipv4OptionType::RECORD_ROUTE, pointer: 4, addresses: &slots };
/// assert_eq!(rr.len(), 39);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Ipv4OptionRepr<'a> {
    /// No operation (type 1): one byte, to align the next option.
    Nop,
    /// A record route (type 7), loose source route (131) or strict source route (137): the
    /// pointer, counted from 1 at the type byte (4 for the first address), then every address
    /// of the route, recorded or not (RFC 791 section 3.1).
    Route {
        /// The option type: [`Ipv4OptionType::RECORD_ROUTE`],
        /// [`Ipv4OptionType::LOOSE_SOURCE_ROUTE`] or [`Ipv4OptionType::STRICT_SOURCE_ROUTE`].
        kind: Ipv4OptionType,
        /// Where the next address goes (record route) or is taken from (source routes).
        pointer: u8,
        /// The route's addresses, `0.0.0.0` for the room left in a record route.
        addresses: &'a [Ipv4Addr],
    },
    /// A timestamp (type 68): the pointer (5 for the first entry), the overflow count and flag
    /// (4 bits each), then the entries (RFC 791 section 3.1).
    Timestamp {
        /// Where the next entry goes, counted from 1 at the type byte.
        pointer: u8,
        /// Hops that had no room to enter a time (at most 15).
        overflow: u8,
        /// [`TimestampOption::TIMES_ONLY`](crate::v4::TimestampOption::TIMES_ONLY) (every
        /// entry's address `None`), [`ADDRESSES_AND_TIMES`] or [`PRESPECIFIED`] (every entry's
        /// address given).
        ///
        /// [`ADDRESSES_AND_TIMES`]: crate::v4::TimestampOption::ADDRESSES_AND_TIMES
        /// [`PRESPECIFIED`]: crate::v4::TimestampOption::PRESPECIFIED
        flag: u8,
        /// The entries, entered or not: an address (flags 1 and 3) and a time.
        entries: &'a [(Option<Ipv4Addr>, u32)],
    },
    /// A router alert (type 148, RFC 2113 section 2.1): 0, "Router shall examine packet".
    RouterAlert(u16),
    /// Any option with a length byte, written as given: its type, the length, then `data`
    /// (for a type this enum has a variant for, a way to write one its fields would refuse).
    Other {
        /// The option type (not end of option list or no operation, which have no length).
        kind: Ipv4OptionType,
        /// The bytes after the type and length bytes.
        data: &'a [u8],
    },
}

impl Ipv4OptionRepr<'_> {
    /// The option type this writes.
    ///
    /// ```
    /// use icmpwire::v4::{Ipv4OptionRepr, Ipv4OptionType};
    ///
    /// assert_eq!(Ipv4OptionRepr::RouterAlert(0).kind(), Ipv4OptionType::ROUTER_ALERT);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> Ipv4OptionType {
        match *self {
            Self::Nop => Ipv4OptionType::NOP,
            Self::Route { kind, .. } | Self::Other { kind, .. } => kind,
            Self::Timestamp { .. } => Ipv4OptionType::TIMESTAMP,
            Self::RouterAlert(_) => Ipv4OptionType::ROUTER_ALERT,
        }
    }

    /// The bytes the option takes, its type and length bytes included: the value of its length
    /// byte when [`write_ipv4_options`] writes it (no operation has none).
    ///
    /// ```
    /// use icmpwire::v4::Ipv4OptionRepr;
    ///
    /// assert_eq!(Ipv4OptionRepr::Nop.len(), 1);
    /// assert_eq!(Ipv4OptionRepr::RouterAlert(0).len(), 4);
    /// let entries = [(None, 1), (None, 2)];
    /// let ts = Ipv4OptionRepr::Timestamp { pointer: 13, overflow: 0, flag: 0, entries: &entries };
    /// assert_eq!(ts.len(), 12);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match *self {
            Self::Nop => 1,
            Self::Route { addresses, .. } => addresses.len().saturating_mul(4).saturating_add(3),
            Self::Timestamp { flag, entries, .. } => {
                let size = if flag == 0 { 4 } else { 8 };
                entries.len().saturating_mul(size).saturating_add(4)
            }
            Self::RouterAlert(_) => 4,
            Self::Other { data, .. } => data.len().saturating_add(2),
        }
    }

    /// What cannot be written: a route of another type than RFC 791's three, a type without
    /// a length byte given data, a timestamp whose overflow count does not fit 4 bits, whose
    /// flag RFC 791 does not define, or whose entries do not match the flag. A length past 255
    /// is a list past 40 bytes, refused by the list.
    fn check(&self) -> Result<(), EmitError> {
        let ok = match *self {
            Self::Nop | Self::RouterAlert(_) => true,
            Self::Route { kind, .. } => matches!(
                kind,
                Ipv4OptionType::RECORD_ROUTE
                    | Ipv4OptionType::LOOSE_SOURCE_ROUTE
                    | Ipv4OptionType::STRICT_SOURCE_ROUTE
            ),
            Self::Other { kind, .. } => !matches!(kind, Ipv4OptionType::END | Ipv4OptionType::NOP),
            Self::Timestamp {
                overflow,
                flag,
                entries,
                ..
            } => {
                if overflow > 0x0F {
                    return Err(EmitError::FieldTooWide {
                        field: "timestamp overflow",
                        value: u32::from(overflow),
                        bits: 4,
                    });
                }
                // Flag 0 holds times only; 1 and 3 an address before each.
                matches!(flag, 0 | 1 | 3) && entries.iter().all(|(a, _)| a.is_some() == (flag != 0))
            }
        };
        if ok {
            Ok(())
        } else {
            Err(EmitError::Ipv4OptionValue {
                kind: self.kind().0,
            })
        }
    }

    /// Writes the option at the start of `w`: exactly [`len`](Self::len) bytes (checked).
    fn write(&self, w: &mut Writer<'_>) {
        w.put(&[self.kind().0]);
        if matches!(self, Self::Nop) {
            return;
        }
        w.put(&[u8::try_from(self.len()).unwrap_or(u8::MAX)]);
        match *self {
            Self::Nop => {}
            Self::Route {
                pointer, addresses, ..
            } => {
                w.put(&[pointer]);
                for a in addresses {
                    w.put(&a.octets());
                }
            }
            Self::Timestamp {
                pointer,
                overflow,
                flag,
                entries,
            } => {
                w.put(&[pointer, overflow << 4 | flag]);
                for &(address, time) in entries {
                    if let Some(a) = address {
                        w.put(&a.octets());
                    }
                    w.put(&time.to_be_bytes());
                }
            }
            Self::RouterAlert(value) => w.put(&value.to_be_bytes()),
            Self::Other { data, .. } => w.put(data),
        }
    }
}

/// The bytes [`write_ipv4_options`] writes for `options` when it writes them: theirs, padded
/// to a multiple of 4 (what the header's IHL counts).
///
/// ```
/// use icmpwire::v4::{Ipv4OptionRepr, ipv4_options_len};
///
/// assert_eq!(ipv4_options_len(&[Ipv4OptionRepr::RouterAlert(0)]), 4);
/// assert_eq!(ipv4_options_len(&[Ipv4OptionRepr::Nop]), 4);
/// assert_eq!(ipv4_options_len(&[]), 0);
/// ```
#[must_use]
pub fn ipv4_options_len(options: &[Ipv4OptionRepr<'_>]) -> usize {
    let bytes = options
        .iter()
        .fold(0usize, |n, o| n.saturating_add(o.len()));
    bytes.saturating_add(bytes.wrapping_neg() & 3)
}

/// Writes IPv4 options into the start of `out` and returns how many bytes they took, a
/// multiple of 4: each option in order, then zero bytes (end of option list, then padding)
/// to the end of the last 32-bit word. The header's IHL is 5 plus that length over 4.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{Ipv4OptionRepr, Ipv4OptionType, Ipv4Options, write_ipv4_options};
///
/// let route = [Ipv4Addr::new(203, 0, 113, 2)];
/// let options = [Ipv4OptionRepr::Route {
///     kind: Ipv4OptionType::STRICT_SOURCE_ROUTE,
///     pointer: 4,
///     addresses: &route,
/// }];
/// let mut out = [0xAA; 40];
/// let n = write_ipv4_options(&options, &mut out).unwrap();
/// assert_eq!(&out[..n], &[137, 7, 4, 203, 0, 113, 2, 0]);
/// let ssrr = Ipv4Options::new(&out[..n], 20).next().unwrap().unwrap();
/// assert_eq!(ssrr.route().unwrap().addresses().next(), Some(route[0]));
/// ```
///
/// # Errors
///
/// [`EmitError::Ipv4OptionsTooLong`] past 40 bytes, [`EmitError::Ipv4OptionValue`] for an
/// option that cannot be written, [`EmitError::BufferTooSmall`]; nothing is written then.
pub fn write_ipv4_options(
    options: &[Ipv4OptionRepr<'_>],
    out: &mut [u8],
) -> Result<usize, EmitError> {
    for o in options {
        o.check()?;
    }
    let required = ipv4_options_len(options);
    if required > MAX {
        return Err(EmitError::Ipv4OptionsTooLong { len: required });
    }
    let mut w = Writer::new(room(out, required)?);
    for o in options {
        o.write(&mut w);
    }
    w.zero_rest();
    Ok(required)
}

//! Router discovery (RFC 1256): router advertisement (type 9) and router solicitation (type 10).
//!
//! An advertisement lists `Num Addrs` entries of `Addr Entry Size` 32-bit words each; the first
//! two words of an entry are the router address and its preference level (signed, twos
//! complement; `0x80000000` means "do not use as default"). An entry size below 2, or fewer
//! bytes than the entries need, are [`ParseError::AddrEntrySize`] and [`ParseError::Truncated`]
//! with [`Part::RouterEntries`]. Larger entries are legal (extra words are skipped by the
//! iterator and kept for round trips). Bytes after the entries (RFC 5944 mobility agent
//! extensions) are the payload; [`RouterAdvertisement::agent_extensions`] decodes them.
//!
//! RFC 1256 section 5.2 also has hosts discard advertisements with no address, but RFC 5944
//! section 2.1 lets a mobility agent advertise with `Num Addrs` 0, so such a message parses;
//! [`RouterAdvertisement::is_rfc1256_valid`] applies the host rule.
//!
//! [`Part::RouterEntries`]: crate::Part::RouterEntries

use core::mem::size_of;
use core::net::Ipv4Addr;

use zerocopy::network_endian::{U16, U32};
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::checksum;
use crate::error::{EmitError, ParseError, Part};
use crate::message::build::{Body, Describe};
use crate::types::v4::RouterAdvertisementCode;
use crate::view::{Fields, Header, View, sealed, sum16};
use crate::wire;
use crate::write::{Build, write_payload};

/// One router advertisement entry: a router address and its preference level.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::RouterEntry;
///
/// let e = RouterEntry { address: Ipv4Addr::new(192, 0, 2, 1), preference: -1 };
/// assert!(e.preference < 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterEntry {
    /// The router's address.
    pub address: Ipv4Addr,
    /// Its preference as a default router (higher is better; `i32::MIN` means never).
    pub preference: i32,
}

/// A router advertisement (type 9).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::RouterAdvertisement;
///
/// // One entry, 192.0.2.1 with preference 0, lifetime 1800 s.
/// let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
/// let ra = RouterAdvertisement::parse(&bytes[..]).unwrap();
/// assert_eq!(ra.lifetime(), 1800);
/// let first = ra.entries().next().unwrap();
/// assert_eq!(first.address, Ipv4Addr::new(192, 0, 2, 1));
/// ```
pub type RouterAdvertisement<B> = View<V4, B, RouterAdvertisementFields>;

/// The fields of a router advertisement (RFC 1256 section 3): number of addresses, entry size
/// in words, lifetime in seconds.
///
/// ```
/// let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
/// let ra: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::RouterAdvertisementFields> =
///     icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
/// assert_eq!(ra.num_addrs(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct RouterAdvertisementFields {
    num_addrs: u8,
    entry_size: u8,
    lifetime: U16,
}

impl sealed::Sealed for RouterAdvertisementFields {}

impl Fields<V4> for RouterAdvertisementFields {
    type Code = RouterAdvertisementCode;
    const TYPES: &'static [u8] = &[9];
    const PART: Part = Part::Header;
    const NAME: &'static str = "RouterAdvertisement";

    /// Entries of at least 2 words (RFC 1256 section 5.2), as many as announced.
    #[inline]
    fn check(&self, _code: u8, payload: &[u8]) -> Result<(), ParseError> {
        let size = self.entry_size;
        if size < 2 {
            return Err(ParseError::AddrEntrySize { size });
        }
        let required = entries_len(self.num_addrs, size);
        let actual = payload.len();
        if actual < required {
            return Err(ParseError::Truncated {
                part: Part::RouterEntries,
                required,
                actual,
            });
        }
        Ok(())
    }

    /// The entries belong to the fixed part: the payload starts after them.
    #[inline]
    fn skip(&self) -> usize {
        entries_len(self.num_addrs, self.entry_size)
    }
}

/// Bytes `n` entries of `size` words take (at most 255 * 255 * 4).
fn entries_len(n: u8, size: u8) -> usize {
    usize::from(n)
        .wrapping_mul(usize::from(size))
        .wrapping_mul(4)
}

impl<B: ByteSlice> RouterAdvertisement<B> {
    /// The number of router addresses (Num Addrs).
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap().num_addrs(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn num_addrs(&self) -> u8 {
        self.fields().num_addrs
    }

    /// The size of each entry in 32-bit words (Addr Entry Size, 2 in RFC 1256).
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap().entry_size(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn entry_size(&self) -> u8 {
        self.fields().entry_size
    }

    /// How long the addresses may be considered valid, in seconds.
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap().lifetime(), 1800);
    /// ```
    #[inline]
    #[must_use]
    pub fn lifetime(&self) -> u16 {
        self.fields().lifetime.get()
    }

    /// Whether a host may use this advertisement under RFC 1256 section 5.2: code 0, at least one
    /// address (entry size and length are checked at parse time). A mobility agent's
    /// advertisement (code 16, or no address) is for RFC 5944 mobile nodes. The checksum, the
    /// rule's first check, is not looked at here: `parse` checks it, and a view from
    /// `parse_unverified` needs [`verify_checksum`](Self::verify_checksum) too. The IP-level
    /// checks of section 5.2 (the source address on the link) are the caller's.
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// assert!(icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap().is_rfc1256_valid());
    /// ```
    #[must_use]
    pub fn is_rfc1256_valid(&self) -> bool {
        self.code_u8() == 0 && self.num_addrs() >= 1
    }

    /// The entries as received, extra words included.
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let ra = icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
    /// assert_eq!(ra.entry_bytes(), &bytes[8..]);
    /// ```
    #[must_use]
    pub fn entry_bytes(&self) -> &[u8] {
        let len = entries_len(self.num_addrs(), self.entry_size());
        self.rest().get(..len).unwrap_or(&[])
    }

    /// The entries: address and preference of each, without copying.
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let ra = icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
    /// assert_eq!(ra.entries().len(), 1);
    /// assert_eq!(ra.entries().next().unwrap().preference, 0);
    /// ```
    #[must_use]
    pub fn entries(&self) -> RouterEntries<'_> {
        RouterEntries {
            bytes: self.entry_bytes(),
            stride: usize::from(self.entry_size()).wrapping_mul(4),
        }
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.lifetime, 1800);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RouterAdvertisementRepr<'_> {
        RouterAdvertisementRepr {
            code: self.code(),
            lifetime: self.lifetime(),
            entries: RouterEntriesRepr::Raw {
                num_addrs: self.num_addrs(),
                entry_size: self.entry_size(),
                bytes: self.entry_bytes(),
            },
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> RouterAdvertisement<B> {
    /// Sets the lifetime; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v4::RouterAdvertisement::parse(&mut bytes[..]).unwrap();
    /// ra.set_lifetime(600);
    /// assert_eq!(ra.lifetime(), 600);
    /// assert!(ra.verify_checksum());
    /// ```
    #[inline]
    pub fn set_lifetime(&mut self, seconds: u16) {
        self.modify(|f| f.lifetime = U16::new(seconds));
    }

    /// Rewrites entry `index` (address and preference; extra words untouched); the checksum
    /// follows. Returns `false`, changing nothing, if there is no such entry.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::v4::RouterEntry;
    ///
    /// # let mut bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
    /// let mut ra = icmpwire::v4::RouterAdvertisement::parse(&mut bytes[..]).unwrap();
    /// let e = RouterEntry { address: Ipv4Addr::new(192, 0, 2, 9), preference: 10 };
    /// assert!(ra.set_entry(0, e));
    /// assert!(!ra.set_entry(1, e));
    /// assert_eq!(ra.entries().next(), Some(e));
    /// assert!(ra.verify_checksum());
    /// ```
    #[inline]
    pub fn set_entry(&mut self, index: usize, entry: RouterEntry) -> bool {
        let stride = usize::from(self.entry_size()).wrapping_mul(4);
        if index >= usize::from(self.num_addrs()) {
            return false;
        }
        let at = index.wrapping_mul(stride);
        let Some(slot) = self.rest_mut().get_mut(at..) else {
            return false;
        };
        let Ok((e, _)) = wire::RouterEntry::mut_from_prefix(slot) else {
            return false;
        };
        // Entries start at byte 8 and are whole words: their sums line up with the message's.
        let old = sum16(e.as_bytes());
        e.address = entry.address.octets();
        e.preference = U32::new(entry.preference as u32);
        let new = sum16(e.as_bytes());
        self.patch(old, new);
        true
    }
}

/// The entries of a router advertisement; yields address and preference of each.
///
/// ```
/// # let bytes = [9u8, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0];
/// let ra = icmpwire::v4::RouterAdvertisement::parse(&bytes[..]).unwrap();
/// for entry in ra.entries() {
///     assert_eq!(entry.address.octets(), [192, 0, 2, 1]);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct RouterEntries<'a> {
    bytes: &'a [u8],
    stride: usize,
}

impl Iterator for RouterEntries<'_> {
    type Item = RouterEntry;

    #[inline]
    fn next(&mut self) -> Option<RouterEntry> {
        let (entry, _) = wire::RouterEntry::ref_from_prefix(self.bytes).ok()?;
        let item = RouterEntry {
            address: Ipv4Addr::from(entry.address),
            preference: entry.preference.get() as i32,
        };
        self.bytes = self.bytes.get(self.stride..).unwrap_or(&[]);
        Some(item)
    }

    #[inline]
    fn size_hint(&self) -> (usize, Option<usize>) {
        // Every entry is at least 8 bytes (the stride is checked >= 8 at parse time).
        let n = self.bytes.len().checked_div(self.stride).unwrap_or(0);
        (n, Some(n))
    }
}

impl ExactSizeIterator for RouterEntries<'_> {}

/// The entries of a router advertisement to emit.
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{RouterEntriesRepr, RouterEntry};
///
/// let list = [RouterEntry { address: Ipv4Addr::new(192, 0, 2, 1), preference: 0 }];
/// let entries = RouterEntriesRepr::List(&list);
/// assert_eq!(entries, RouterEntriesRepr::List(&list));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RouterEntriesRepr<'a> {
    /// Entries of 2 words (RFC 1256): up to 255 of them (none only in an RFC 5944 agent
    /// advertisement).
    List(&'a [RouterEntry]),
    /// Entries as raw bytes, for other entry sizes and exact round trips: `bytes` must hold
    /// `num_addrs * entry_size * 4` bytes, with `entry_size >= 2`.
    Raw {
        /// Num Addrs.
        num_addrs: u8,
        /// Addr Entry Size, in 32-bit words.
        entry_size: u8,
        /// The entries.
        bytes: &'a [u8],
    },
}

/// The fields of a router advertisement, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{Repr, RouterAdvertisementRepr, RouterEntriesRepr, RouterEntry};
///
/// let list = [RouterEntry { address: Ipv4Addr::new(192, 0, 2, 1), preference: 0 }];
/// let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
///     lifetime: 1800,
///     entries: RouterEntriesRepr::List(&list),
///     ..RouterAdvertisementRepr::default()
/// });
/// let mut buf = [0u8; 16];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [9, 0, 0x2c, 0xf4, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterAdvertisementRepr<'a> {
    /// The code (0, or 16 for a mobility agent that does not route common traffic).
    pub code: RouterAdvertisementCode,
    /// Lifetime in seconds.
    pub lifetime: u16,
    /// The entries.
    pub entries: RouterEntriesRepr<'a>,
    /// Bytes after the entries (RFC 5944 extensions).
    pub trailing: &'a [u8],
}

impl Default for RouterAdvertisementRepr<'_> {
    fn default() -> Self {
        RouterAdvertisementRepr {
            code: RouterAdvertisementCode::NORMAL,
            lifetime: 1800,
            entries: RouterEntriesRepr::List(&[]),
            trailing: &[],
        }
    }
}

impl RouterAdvertisementRepr<'_> {
    /// Num Addrs, Addr Entry Size and the entries' length, checked.
    fn shape(&self) -> Result<(u8, u8, usize), EmitError> {
        match self.entries {
            RouterEntriesRepr::List(list) => match u8::try_from(list.len()) {
                Ok(n) => Ok((n, 2, entries_len(n, 2))),
                Err(_) => Err(EmitError::TooManyEntries { count: list.len() }),
            },
            RouterEntriesRepr::Raw {
                num_addrs,
                entry_size,
                bytes,
            } => {
                let len = entries_len(num_addrs, entry_size);
                if entry_size < 2 || bytes.len() != len {
                    Err(EmitError::RouterEntries {
                        len: bytes.len(),
                        num_addrs,
                        entry_size,
                    })
                } else {
                    Ok((num_addrs, entry_size, len))
                }
            }
        }
    }
}

impl Build for RouterAdvertisementRepr<'_> {
    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        self.shape().map(|_| ())
    }

    #[inline]
    fn buffer_len(&self) -> usize {
        let entries = self.shape().map_or(0, |(_, _, len)| len);
        8usize
            .saturating_add(entries)
            .saturating_add(self.trailing.len())
    }

    /// Writes the message; `check` has passed and `out` is `buffer_len` bytes.
    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let Ok((num_addrs, entry_size, len)) = self.shape() else {
            return 0;
        };
        let fields = RouterAdvertisementFields {
            num_addrs,
            entry_size,
            lifetime: U16::new(self.lifetime),
        };
        let header = Header::new(ty, self.code.0, fields);
        let (head, rest) = out
            .split_at_mut_checked(size_of::<Header<RouterAdvertisementFields>>())
            .unwrap_or((&mut [], &mut []));
        let (entries, trailing) = rest.split_at_mut_checked(len).unwrap_or((&mut [], &mut []));
        let mut sum = write_payload(&header, &[], head);
        match self.entries {
            RouterEntriesRepr::List(list) => {
                for (chunk, e) in entries.chunks_exact_mut(8).zip(list) {
                    let entry = wire::RouterEntry {
                        address: e.address.octets(),
                        preference: U32::new(e.preference as u32),
                    };
                    let _ = entry.write_to(chunk);
                }
                sum = checksum::combine(sum, checksum::sum_part(entries));
            }
            RouterEntriesRepr::Raw { bytes, .. } => {
                sum = checksum::combine(sum, checksum::copy_and_sum(entries, bytes));
            }
        }
        // Header and entries are whole 32-bit words: the trailing bytes start at an even offset.
        checksum::combine(sum, checksum::copy_and_sum(trailing, self.trailing))
    }
}

/// A router solicitation (type 10): 4 reserved bytes after the checksum.
///
/// ```
/// let bytes = [10u8, 0, 0xf5, 0xff, 0, 0, 0, 0];
/// let rs = icmpwire::v4::RouterSolicitation::parse(&bytes[..]).unwrap();
/// assert_eq!(rs.reserved(), 0);
/// ```
pub type RouterSolicitation<B> = View<V4, B, RouterSolicitationFields>;

/// The fields of a router solicitation: 4 reserved bytes (RFC 1256 section 3).
///
/// ```
/// let bytes = [10u8, 0, 0xf5, 0xff, 0, 0, 0, 0];
/// let rs: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::RouterSolicitationFields> =
///     icmpwire::v4::RouterSolicitation::parse(&bytes[..]).unwrap();
/// assert_eq!(rs.reserved(), 0);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct RouterSolicitationFields {
    reserved: U32,
}

impl sealed::Sealed for RouterSolicitationFields {}

impl Fields<V4> for RouterSolicitationFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[10];
    const PART: Part = Part::Header;
    const NAME: &'static str = "RouterSolicitation";
}

impl<B: ByteSlice> RouterSolicitation<B> {
    /// Bytes 4-7, reserved (sent as zero, ignored on receipt), as received.
    ///
    /// ```
    /// let bytes = [10u8, 0, 0xf5, 0xfe, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v4::RouterSolicitation::parse(&bytes[..]).unwrap().reserved(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u32 {
        self.fields().reserved.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [10u8, 0, 0xf5, 0xff, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::RouterSolicitation::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.reserved, 0);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RouterSolicitationRepr<'_> {
        RouterSolicitationRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> RouterSolicitation<B> {
    /// Sets bytes 4-7 (reserved); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [10u8, 0, 0xf5, 0xff, 0, 0, 0, 0];
    /// let mut rs = icmpwire::v4::RouterSolicitation::parse(&mut bytes[..]).unwrap();
    /// rs.set_reserved(1);
    /// assert_eq!(rs.reserved(), 1);
    /// assert!(rs.verify_checksum());
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, value: u32) {
        self.modify(|f| f.reserved = U32::new(value));
    }
}

/// The fields of a router solicitation, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{Repr, RouterSolicitationRepr};
///
/// let mut buf = [0xFFu8; 8];
/// Repr::RouterSolicitation(RouterSolicitationRepr::default()).emit(&mut buf).unwrap();
/// assert_eq!(buf, [10, 0, 0xf5, 0xff, 0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterSolicitationRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Bytes 4-7 (reserved: 0).
    pub reserved: u32,
    /// Bytes after the header (none in RFC 1256).
    pub trailing: &'a [u8],
}

impl Describe for RouterSolicitationRepr<'_> {
    type Fields = RouterSolicitationFields;

    #[inline]
    fn describe(&self) -> (u8, RouterSolicitationFields, Body<'_>) {
        let fields = RouterSolicitationFields {
            reserved: U32::new(self.reserved),
        };
        (self.code, fields, Body::Bytes(self.trailing))
    }
}

const _: () = assert!(
    size_of::<Header<RouterAdvertisementFields>>() == 8 && size_of::<wire::RouterEntry>() == 8
);

//! The lists some Neighbor Discovery options carry: IPv6 addresses one after the other
//! ([`Addresses`]: RDNSS, RFC 8106 section 5.1; address lists, RFC 3122 section 3.2) and DNS
//! domain names in wire form ([`DomainNames`]: DNSSL, RFC 8106 section 5.2, names as RFC 1035
//! section 3.1 writes them, without compression).

use core::fmt;
use core::net::Ipv6Addr;

use super::options::address_at;
use crate::error::{ParseError, Part};

/// IPv6 addresses carried one after the other (RDNSS servers, RFC 3122 address lists): read
/// from an option's bytes, or given as a slice to write.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::Addresses;
///
/// let servers = [Ipv6Addr::LOCALHOST];
/// let list = Addresses::from_slice(&servers);
/// assert_eq!(list.iter().collect::<Vec<_>>(), servers);
/// assert_eq!(list, Addresses::from_bytes(&Ipv6Addr::LOCALHOST.octets()));
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Addresses<'a>(AddressSource<'a>);

#[derive(Clone, Copy, Debug)]
enum AddressSource<'a> {
    Wire(&'a [u8]),
    List(&'a [Ipv6Addr]),
}

impl<'a> Addresses<'a> {
    /// The addresses in `bytes`, 16 bytes each (a shorter tail is left out).
    ///
    /// ```
    /// assert_eq!(icmpwire::v6::Addresses::from_bytes(&[0; 20]).len(), 1);
    /// ```
    #[must_use]
    pub const fn from_bytes(bytes: &'a [u8]) -> Self {
        Addresses(AddressSource::Wire(bytes))
    }

    /// The addresses of `list`, to write.
    ///
    /// ```
    /// assert!(icmpwire::v6::Addresses::from_slice(&[]).is_empty());
    /// ```
    #[must_use]
    pub const fn from_slice(list: &'a [Ipv6Addr]) -> Self {
        Addresses(AddressSource::List(list))
    }

    /// How many addresses.
    ///
    /// ```
    /// assert_eq!(icmpwire::v6::Addresses::from_bytes(&[0; 48]).len(), 3);
    /// ```
    #[must_use]
    pub const fn len(&self) -> usize {
        match self.0 {
            AddressSource::Wire(b) => b.len() / 16,
            AddressSource::List(l) => l.len(),
        }
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(icmpwire::v6::Addresses::from_bytes(&[0; 15]).is_empty());
    /// ```
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The addresses, in order.
    ///
    /// ```
    /// let bytes = core::net::Ipv6Addr::LOCALHOST.octets();
    /// assert_eq!(icmpwire::v6::Addresses::from_bytes(&bytes).iter().next(), Some(core::net::Ipv6Addr::LOCALHOST));
    /// ```
    #[inline]
    pub fn iter(&self) -> impl Iterator<Item = Ipv6Addr> + 'a {
        let (wire, list): (&'a [u8], &'a [Ipv6Addr]) = match self.0 {
            AddressSource::Wire(b) => (b, &[]),
            AddressSource::List(l) => (&[], l),
        };
        wire.chunks_exact(16)
            .map(address_at)
            .chain(list.iter().copied())
    }

    /// Writes the addresses into `out` (16 bytes each; `out` is exactly that long).
    pub(crate) fn write(&self, out: &mut [u8]) {
        for (chunk, a) in out.chunks_exact_mut(16).zip(self.iter()) {
            chunk.copy_from_slice(&a.octets());
        }
    }
}

impl PartialEq for Addresses<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().eq(other.iter())
    }
}

impl Eq for Addresses<'_> {}

impl core::hash::Hash for Addresses<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        for a in self.iter() {
            a.hash(state);
        }
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for Addresses<'_> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "{=usize} addresses", self.len());
    }
}

/// The domain names of a DNSSL option (RFC 8106 section 5.2), in DNS wire form (RFC 1035
/// section 3.1: labels behind a length octet, a zero octet ending each name, no compression),
/// followed by zero padding to the end of the option. Built only from bytes whose names are
/// valid; iterates over the names, not the padding.
///
/// ```
/// use icmpwire::v6::DomainNames;
///
/// let bytes = b"\x07example\x03com\x00\x00\x00";
/// let names = DomainNames::new(bytes, 0).unwrap();
/// let text: Vec<String> = names.iter().map(|n| n.to_string()).collect();
/// assert_eq!(text, ["example.com"]);
/// ```
#[derive(Clone, Copy, Debug)]
pub struct DomainNames<'a> {
    bytes: &'a [u8],
}

impl<'a> DomainNames<'a> {
    /// Checks `bytes` and reads them as names then padding; `offset` is where they start in
    /// their message, for the errors.
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, v6::DomainNames};
    ///
    /// assert!(matches!(DomainNames::new(b"\x07exam", 0), Err(ParseError::Truncated { part: Part::DomainName, .. })));
    /// assert_eq!(DomainNames::new(b"\xc0\x0c", 40).unwrap_err(), ParseError::NameLabel { at: 40, byte: 0xc0 });
    /// // A name after the padding has begun.
    /// assert_eq!(DomainNames::new(b"\x01a\x00\x00\x01b\x00", 40).unwrap_err(), ParseError::Padding { at: 44 });
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::NameLabel`] for a length octet whose top bits are not `00` (RFC 8106 has
    /// no compression), [`ParseError::Truncated`] of [`Part::DomainName`] for a name cut by the
    /// end, [`ParseError::NameTooLong`] for a name past 255 octets, [`ParseError::Padding`] for a
    /// non-zero byte after the names.
    pub fn new(bytes: &'a [u8], offset: usize) -> Result<Self, ParseError> {
        let mut at = 0usize;
        while let Some(&first) = bytes.get(at) {
            if first == 0 {
                break;
            }
            at = name_end(bytes, at, offset)?;
        }
        // The rest is padding: zeros only.
        let padding = bytes.get(at..).unwrap_or_default();
        if let Some(i) = padding.iter().position(|&b| b != 0) {
            return Err(ParseError::Padding {
                at: offset.saturating_add(at).saturating_add(i),
            });
        }
        Ok(DomainNames { bytes })
    }

    /// The names, in order.
    ///
    /// ```
    /// let names = icmpwire::v6::DomainNames::new(b"\x01a\x00\x01b\x00", 0).unwrap();
    /// assert_eq!(names.iter().count(), 2);
    /// ```
    pub fn iter(&self) -> impl Iterator<Item = DomainName<'a>> + 'a {
        let mut rest = self.bytes;
        core::iter::from_fn(move || {
            let end = match rest.first() {
                None | Some(0) => return None,
                Some(_) => name_end(rest, 0, 0).ok()?,
            };
            let (name, tail) = rest.split_at_checked(end)?;
            rest = tail;
            Some(DomainName { bytes: name })
        })
    }

    /// The bytes of the names, without the padding after them.
    pub(crate) fn names_len(&self) -> usize {
        self.iter().map(|n| n.bytes.len()).sum()
    }
}

impl PartialEq for DomainNames<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.iter().eq(other.iter())
    }
}

impl Eq for DomainNames<'_> {}

impl core::hash::Hash for DomainNames<'_> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        for n in self.iter() {
            n.hash(state);
        }
    }
}

#[cfg(feature = "defmt")]
impl defmt::Format for DomainNames<'_> {
    fn format(&self, f: defmt::Formatter<'_>) {
        defmt::write!(f, "{=usize} names", self.iter().count());
    }
}

/// Where the name starting at `at` ends (after its zero octet), checked.
fn name_end(bytes: &[u8], mut at: usize, offset: usize) -> Result<usize, ParseError> {
    let start = at;
    loop {
        let Some(&len) = bytes.get(at) else {
            return Err(ParseError::Truncated {
                part: Part::DomainName,
                required: at.saturating_sub(start).saturating_add(1),
                actual: bytes.len().saturating_sub(start),
            });
        };
        if len & 0xC0 != 0 {
            return Err(ParseError::NameLabel {
                at: offset.saturating_add(at),
                byte: len,
            });
        }
        let next = at.saturating_add(usize::from(len)).saturating_add(1);
        if next.saturating_sub(start) > 255 {
            return Err(ParseError::NameTooLong {
                at: offset.saturating_add(start),
                len: next.saturating_sub(start),
            });
        }
        if len == 0 {
            return Ok(next);
        }
        at = next;
    }
}

/// One domain name in wire form (labels and the final zero octet). `Display` writes its labels
/// joined by dots, without the final dot; a byte outside printable ASCII, a dot or a backslash
/// inside a label as `\DDD` (RFC 4343 section 2.1).
///
/// ```
/// let names = icmpwire::v6::DomainNames::new(b"\x03a.b\x00", 0).unwrap();
/// let name = names.iter().next().unwrap();
/// assert_eq!(name.to_string(), "a\\046b");
/// assert_eq!(name.labels().collect::<Vec<_>>(), [&b"a.b"[..]]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DomainName<'a> {
    bytes: &'a [u8],
}

impl<'a> DomainName<'a> {
    /// The labels, in order.
    ///
    /// ```
    /// let names = icmpwire::v6::DomainNames::new(b"\x01a\x02bc\x00", 0).unwrap();
    /// assert_eq!(names.iter().next().unwrap().labels().count(), 2);
    /// ```
    pub fn labels(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let mut rest = self.bytes;
        core::iter::from_fn(move || {
            let (&len, tail) = rest.split_first()?;
            let (label, tail) = tail.split_at_checked(usize::from(len))?;
            rest = tail;
            (!label.is_empty()).then_some(label)
        })
    }

    /// The name in wire form, with its final zero octet.
    ///
    /// ```
    /// let names = icmpwire::v6::DomainNames::new(b"\x01a\x00", 0).unwrap();
    /// assert_eq!(names.iter().next().unwrap().as_bytes(), b"\x01a\x00");
    /// ```
    #[must_use]
    pub const fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
}

impl fmt::Display for DomainName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, label) in self.labels().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            for &b in label {
                if b.is_ascii_graphic() && b != b'.' && b != b'\\' {
                    write!(f, "{}", char::from(b))?;
                } else {
                    write!(f, "\\{b:03}")?;
                }
            }
        }
        Ok(())
    }
}

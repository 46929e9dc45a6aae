//! Domain name request and reply (types 37 and 38, RFC 1788; experimental, moved to historic by
//! RFC 6918): ask a host for its names without a DNS server.
//!
//! * Request (section 2): identifier and sequence number, 8 bytes.
//! * Reply (section 3): identifier and sequence copied from the request, a Time-To-Live in
//!   seconds ("for historic reasons ... a signed 2s-complement number"), then the names: zero
//!   or more fully qualified domain names in DNS wire format up to the end of the message. No
//!   names is "an authoritative indication that no name is known".
//!
//! The names follow section 1.3: labels of at most 63 octets behind a length octet whose top
//! two bits are `00`, a zero octet ending each name, at most 255 octets a name; a length octet
//! starting `11` is a compression pointer (RFC 1035 section 4.1.4) whose 14 bits are "an offset
//! from the beginning of the message (Type field)", so a pointer to the first name is `C0 0C`.
//! [`DomainNames`] reads them without copying and follows pointers, which must point back to an
//! earlier name of the message and, each hop, to before the labels just read (which rules out
//! loops without counting hops). What breaks these rules is a typed error with its offset:
//! [`ParseError::NameLabel`], [`ParseError::NamePointer`], [`ParseError::NameTooLong`], or a
//! [`ParseError::Truncated`] of [`Part::DomainName`].
//!
//! The oracle corpora cannot check these messages (scapy 2.8.0 reads 4 bytes too many after the
//! sequence number of both, and tshark 4.0.17 decodes neither), so `tests/domain_name.rs` holds
//! them to vectors derived by hand from the RFC text. The message must be cut to its IPv4
//! length: trailing zero bytes (Ethernet padding) would read as more root names, and leave the
//! checksum as it was.

use core::fmt;

use zerocopy::network_endian::I32;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::error::{ParseError, Part};
use crate::message::build::{Body, Describe};
use crate::message::echo::EchoFields;
use crate::view::{Fields, View, sealed};

/// What follows the sequence number of a domain name request: nothing (RFC 1788 section 2).
///
/// ```
/// let _: icmpwire::v4::DomainNameRequest<&[u8]> =
///     icmpwire::v4::DomainNameRequest::parse(&[0x25u8, 0, 0xc8, 0xca, 0x12, 0x34, 0, 1][..]).unwrap();
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct NameRequest;

/// What follows the sequence number of a domain name reply: the Time-To-Live (RFC 1788
/// section 3).
///
/// ```
/// let bytes = [0x26u8, 0, 0xc7, 0xca, 0x12, 0x34, 0, 1, 0, 0, 0, 0];
/// let _: icmpwire::v4::DomainNameReply<&[u8]> = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct NameReply {
    ttl: I32,
}

impl sealed::Sealed for NameRequest {}
impl sealed::Sealed for NameReply {}

impl Fields<V4> for EchoFields<NameRequest> {
    type Code = u8;
    const TYPES: &'static [u8] = &[37];
    const PART: Part = Part::Header;
    const NAME: &'static str = "DomainNameRequest";
}

impl Fields<V4> for EchoFields<NameReply> {
    type Code = u8;
    const TYPES: &'static [u8] = &[38];
    const PART: Part = Part::DomainNameReply;
    const NAME: &'static str = "DomainNameReply";
}

/// A domain name request (type 37, RFC 1788 section 2): identifier and sequence number (the
/// accessors of every echo-like message); bytes after the 8 are kept as the payload.
///
/// ```
/// // By hand from RFC 1788: 0x2500 + 0x1234 + 0x0001 = 0x3735, checksum 0xc8ca.
/// let bytes = [0x25u8, 0, 0xc8, 0xca, 0x12, 0x34, 0, 1];
/// let req = icmpwire::v4::DomainNameRequest::parse(&bytes[..]).unwrap();
/// assert_eq!((req.identifier(), req.sequence()), (0x1234, 1));
/// ```
pub type DomainNameRequest<B> = View<V4, B, EchoFields<NameRequest>>;

/// A domain name reply (type 38, RFC 1788 section 3): identifier, sequence, Time-To-Live,
/// names.
///
/// ```
/// // host.example.com., TTL 3600 (vector V2 of tests/domain_name.rs).
/// let bytes = [
///     0x26, 0, 0x65, 0x12, 0x12, 0x34, 0, 1, 0, 0, 0x0e, 0x10, 4, b'h', b'o', b's', b't',
///     7, b'e', b'x', b'a', b'm', b'p', b'l', b'e', 3, b'c', b'o', b'm', 0,
/// ];
/// let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.ttl(), 3600);
/// let name = reply.names().next().unwrap().unwrap();
/// assert_eq!(name.to_string(), "host.example.com.");
/// ```
pub type DomainNameReply<B> = View<V4, B, EchoFields<NameReply>>;

impl<B: ByteSlice> DomainNameRequest<B> {
    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [0x25u8, 0, 0xc8, 0xca, 0x12, 0x34, 0, 1];
    /// let msg = icmpwire::v4::DomainNameRequest::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.identifier, repr.sequence), (0x1234, 1));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> DomainNameRequestRepr<'_> {
        DomainNameRequestRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSlice> DomainNameReply<B> {
    /// The Time-To-Live: how many seconds the names may be cached, signed (RFC 1788 gives no
    /// meaning to negative values; RFC 2181 section 8 has DNS treat them as 0).
    ///
    /// ```
    /// let bytes = [0x26u8, 0, 0xe9, 0xe2, 0x12, 0x34, 0, 1, 0xff, 0xff, 0xff, 0xff, 4, b't', b'e', b's', b't', 0];
    /// assert_eq!(icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap().ttl(), -1);
    /// ```
    #[inline]
    #[must_use]
    pub fn ttl(&self) -> i32 {
        self.fields().more.ttl.get()
    }

    /// The names, in order, read without copying (see the module docs for the rules).
    ///
    /// ```
    /// // a.example.com. then b.example.com. written as "b" and a pointer to "example" at
    /// // offset 14 (vector V3).
    /// let bytes = [
    ///     0x26, 0, 0x88, 0x0f, 0x12, 0x34, 0, 1, 0, 0, 1, 0x2c, 1, b'a', 7, b'e', b'x', b'a',
    ///     b'm', b'p', b'l', b'e', 3, b'c', b'o', b'm', 0, 1, b'b', 0xc0, 0x0e,
    /// ];
    /// let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
    /// let names: Vec<String> = reply.names().map(|n| n.unwrap().to_string()).collect();
    /// assert_eq!(names, ["a.example.com.", "b.example.com."]);
    /// ```
    #[must_use]
    pub fn names(&self) -> DomainNames<'_> {
        DomainNames {
            names: self.rest(),
            at: 0,
        }
    }

    /// The owned description of this message (the names as their wire bytes).
    ///
    /// ```
    /// let bytes = [0x26u8, 0, 0xc7, 0xca, 0x12, 0x34, 0, 1, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.ttl, repr.names), (0, &[][..]));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> DomainNameReplyRepr<'_> {
        DomainNameReplyRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            ttl: self.ttl(),
            names: self.rest(),
        }
    }
}

impl<B: ByteSliceMut> DomainNameReply<B> {
    /// Sets the Time-To-Live; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [0x26u8, 0, 0xc7, 0xca, 0x12, 0x34, 0, 1, 0, 0, 0, 0];
    /// let mut reply = icmpwire::v4::DomainNameReply::parse(&mut bytes[..]).unwrap();
    /// reply.set_ttl(-2);
    /// assert_eq!(reply.ttl(), -2);
    /// assert!(reply.verify_checksum());
    /// assert_eq!(bytes[8..12], [0xff, 0xff, 0xff, 0xfe]);
    /// ```
    #[inline]
    pub fn set_ttl(&mut self, ttl: i32) {
        self.modify(|f| f.more.ttl = I32::new(ttl));
    }
}

/// Where the names start in the message: pointers count from the type byte (section 1.3).
const NAMES_AT: usize = 12;

/// The names of a domain name reply; see [`DomainNameReply::names`]. After an error the
/// framing of the rest is unknown, so the iterator ends.
///
/// ```
/// let bytes = [0x26u8, 0, 0xc7, 0xca, 0x12, 0x34, 0, 1, 0, 0, 0, 0];
/// assert_eq!(icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap().names().count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct DomainNames<'a> {
    /// The names field (message offset 12 on).
    names: &'a [u8],
    /// Where the next name starts in `names`; past the end after an error.
    at: usize,
}

impl<'a> Iterator for DomainNames<'a> {
    type Item = Result<DomainName<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let start = self.at;
        if start >= self.names.len() {
            return None;
        }
        match walk(self.names, start) {
            Ok(end) => {
                self.at = end;
                Some(Ok(DomainName {
                    names: self.names,
                    start,
                }))
            }
            Err(e) => {
                self.at = usize::MAX;
                Some(Err(e))
            }
        }
    }
}

/// One name of a domain name reply, its compression pointers followed.
///
/// ```
/// let bytes = [0x26u8, 0, 0xe9, 0xe2, 0x12, 0x34, 0, 1, 0xff, 0xff, 0xff, 0xff, 4, b't', b'e', b's', b't', 0];
/// let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
/// let name = reply.names().next().unwrap().unwrap();
/// assert_eq!(name.labels().collect::<Vec<_>>(), [&b"test"[..]]);
/// assert_eq!(name.len(), 6);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DomainName<'a> {
    names: &'a [u8],
    start: usize,
}

impl<'a> DomainName<'a> {
    /// The labels, root excluded (none for the root name `.`).
    ///
    /// ```
    /// # let bytes = [0x26u8, 0, 0xe9, 0xe2, 0x12, 0x34, 0, 1, 0xff, 0xff, 0xff, 0xff, 4, b't', b'e', b's', b't', 0];
    /// # let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
    /// assert_eq!(reply.names().next().unwrap().unwrap().labels().count(), 1);
    /// ```
    #[must_use]
    pub fn labels(&self) -> Labels<'a> {
        Labels {
            names: self.names,
            at: self.start,
            floor: self.start,
        }
    }

    /// The name's length in octets with its pointers expanded, length octets and the root's
    /// included (at most 255, section 1.3).
    ///
    /// ```
    /// # let bytes = [0x26u8, 0, 0xe9, 0xe2, 0x12, 0x34, 0, 1, 0xff, 0xff, 0xff, 0xff, 4, b't', b'e', b's', b't', 0];
    /// # let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
    /// assert_eq!(reply.names().next().unwrap().unwrap().len(), 6);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)] // even the root name has its zero octet
    pub fn len(&self) -> usize {
        self.labels()
            .fold(1usize, |n, l| n.saturating_add(l.len()).saturating_add(1))
    }
}

impl fmt::Display for DomainName<'_> {
    /// The name as text, labels joined by dots with the final dot of a fully qualified name
    /// (`example.com.`, `.` for the root); bytes outside printable ASCII, and dots inside a
    /// label, are escaped as `\DDD` (RFC 1035 section 5.1).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut any = false;
        for label in self.labels() {
            for &b in label {
                if b.is_ascii_graphic() && b != b'.' && b != b'\\' {
                    write!(f, "{}", char::from(b))?;
                } else {
                    write!(f, "\\{b:03}")?;
                }
            }
            f.write_str(".")?;
            any = true;
        }
        if !any {
            f.write_str(".")?;
        }
        Ok(())
    }
}

/// The labels of a [`DomainName`].
///
/// ```
/// # let bytes = [0x26u8, 0, 0xe9, 0xe2, 0x12, 0x34, 0, 1, 0xff, 0xff, 0xff, 0xff, 4, b't', b'e', b's', b't', 0];
/// # let reply = icmpwire::v4::DomainNameReply::parse(&bytes[..]).unwrap();
/// let mut labels = reply.names().next().unwrap().unwrap().labels();
/// assert_eq!(labels.next(), Some(&b"test"[..]));
/// assert_eq!(labels.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct Labels<'a> {
    names: &'a [u8],
    at: usize,
    /// Where the labels being read started: a pointer must go back before it.
    floor: usize,
}

impl<'a> Iterator for Labels<'a> {
    type Item = &'a [u8];

    fn next(&mut self) -> Option<&'a [u8]> {
        // The name was walked (and found sound) when the iterator of names yielded it.
        loop {
            match *self.names.get(self.at)? {
                0 => return None,
                b if b >> 6 == 0b11 => {
                    let target = pointer_target(b, *self.names.get(self.at.wrapping_add(1))?)?;
                    if target >= self.floor {
                        return None;
                    }
                    (self.at, self.floor) = (target, target);
                }
                len => {
                    let from = self.at.wrapping_add(1);
                    let to = from.wrapping_add(usize::from(len));
                    self.at = to;
                    return self.names.get(from..to);
                }
            }
        }
    }
}

/// The offset in the names field a pointer `hi lo` names (message offset minus 12); `None` for
/// one into the header.
fn pointer_target(hi: u8, lo: u8) -> Option<usize> {
    usize::from(u16::from_be_bytes([hi & 0x3F, lo])).checked_sub(NAMES_AT)
}

/// Checks the name starting at `start` of `names` (offsets there are message offset minus 12)
/// and returns where the next name starts.
fn walk(names: &[u8], start: usize) -> Result<usize, ParseError> {
    let msg = |at: usize| at.saturating_add(NAMES_AT);
    let (mut at, mut floor, mut expanded) = (start, start, 0usize);
    let mut end = None;
    loop {
        let Some(&b) = names.get(at) else {
            return Err(ParseError::Truncated {
                part: Part::DomainName,
                required: 1,
                actual: 0,
            });
        };
        match b >> 6 {
            0b00 => {
                let len = usize::from(b);
                let next = at.saturating_add(1).saturating_add(len);
                if next > names.len() {
                    return Err(ParseError::Truncated {
                        part: Part::DomainName,
                        required: len.saturating_add(1),
                        actual: names.len().saturating_sub(at),
                    });
                }
                expanded = expanded.saturating_add(len).saturating_add(1);
                if expanded > 255 {
                    return Err(ParseError::NameTooLong {
                        at: msg(start),
                        len: expanded,
                    });
                }
                if len == 0 {
                    return Ok(end.unwrap_or(next));
                }
                at = next;
            }
            0b11 => {
                let Some(&lo) = names.get(at.saturating_add(1)) else {
                    return Err(ParseError::Truncated {
                        part: Part::DomainName,
                        required: 2,
                        actual: 1,
                    });
                };
                let raw = u16::from_be_bytes([b & 0x3F, lo]);
                let bad = ParseError::NamePointer {
                    at: msg(at),
                    target: raw,
                };
                let target = usize::from(raw);
                // Out of the message, into the header, forward (or to itself), or back into
                // the labels just read (a loop): none is an earlier name.
                let Some(target) = target.checked_sub(NAMES_AT) else {
                    return Err(bad);
                };
                if target >= names.len() || target >= floor {
                    return Err(bad);
                }
                end.get_or_insert(at.saturating_add(2));
                (at, floor) = (target, target);
            }
            _ => {
                return Err(ParseError::NameLabel {
                    at: msg(at),
                    byte: b,
                });
            }
        }
    }
}

/// The fields of a domain name request, to emit with [`Repr`](super::Repr).
///
/// ```
/// use icmpwire::v4::{DomainNameRequestRepr, Repr};
///
/// let repr = Repr::DomainNameRequest(DomainNameRequestRepr { identifier: 0x1234, sequence: 1, ..Default::default() });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [0x25, 0, 0xc8, 0xca, 0x12, 0x34, 0, 1]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DomainNameRequestRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u16,
    /// Bytes after the 8 (none in RFC 1788; kept for round trips).
    pub trailing: &'a [u8],
}

impl Describe for DomainNameRequestRepr<'_> {
    type Fields = EchoFields<NameRequest>;

    #[inline]
    fn describe(&self) -> (u8, EchoFields<NameRequest>, Body<'_>) {
        let fields = EchoFields::new(self.identifier, self.sequence, NameRequest);
        (self.code, fields, Body::Bytes(self.trailing))
    }
}

/// The fields of a domain name reply, to emit with [`Repr`](super::Repr); the names are given
/// in DNS wire format (pointers count from the type byte, the names starting at 12).
///
/// ```
/// use icmpwire::v4::{DomainNameReplyRepr, Repr};
///
/// let repr = Repr::DomainNameReply(DomainNameReplyRepr {
///     identifier: 0x1234, sequence: 1, ttl: -1, names: b"\x04test\x00", ..Default::default()
/// });
/// let mut buf = [0u8; 18];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf[..4], [0x26, 0, 0xe9, 0xe2]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DomainNameReplyRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier (the request's).
    pub identifier: u16,
    /// The sequence number (the request's).
    pub sequence: u16,
    /// The Time-To-Live in seconds.
    pub ttl: i32,
    /// The names field, in DNS wire format.
    pub names: &'a [u8],
}

impl Describe for DomainNameReplyRepr<'_> {
    type Fields = EchoFields<NameReply>;

    #[inline]
    fn describe(&self) -> (u8, EchoFields<NameReply>, Body<'_>) {
        let ttl = NameReply {
            ttl: I32::new(self.ttl),
        };
        let fields = EchoFields::new(self.identifier, self.sequence, ttl);
        (self.code, fields, Body::Bytes(self.names))
    }
}

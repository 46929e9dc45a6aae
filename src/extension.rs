//! ICMP multi-part messages (RFC 4884) and the extension objects routers and hosts attach:
//! MPLS label stacks (RFC 4950), interface information (RFC 5837), interface identification
//! (RFC 8335).
//!
//! Destination unreachable, time exceeded and parameter problem messages may carry an
//! *extension structure* after the quoted datagram: a 4-byte header (version 2, 12 reserved
//! bits, a checksum over the whole structure) and objects of `length`, `class-num`, `c-type` and
//! data. Byte 5 of the ICMP header gives the length of the quoted datagram in 32-bit words, at
//! least 32 (128 bytes, zero padded) when extensions follow (RFC 4884 section 4.1).
//!
//! Where the extension structure starts ([`locate`]):
//!
//! * with a length field of at least 32 words that fits the message: right after the datagram
//!   it gives, whatever the extension checksum says (a bad one is reported by
//!   [`Extensions::checksum_valid`]);
//! * otherwise (no length, as older routers send, or a length that is too short or too long),
//!   RFC 4884 section 5 compatibility: at byte 128 of the quote, but only if a well-formed
//!   extension header sits there (version 2 and a checksum that verifies), as Linux and Go's
//!   x/net/icmp do; else there is none.
//!
//! Extended echo (RFC 8335, PROBE) puts the structure right after its 8-byte header.
//!
//! ```
//! use icmpwire::extension::{Extensions, ObjectData};
//!
//! // A structure with one MPLS object: label 16, traffic class 0, bottom of stack, TTL 1.
//! let ext = [0x20, 0x00, 0xDD, 0xF4, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x01, 0x01];
//! let ext = Extensions::parse(&ext).unwrap();
//! assert!(ext.checksum_valid());
//! let obj = ext.objects().next().unwrap().unwrap();
//! let ObjectData::Mpls(mut labels) = obj.data() else { panic!() };
//! assert_eq!(labels.next().unwrap().label, 16);
//! ```

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::checksum::{self, Checksum};
use crate::error::{EmitError, ParseError, Part};

/// The quote of a message whose RFC 4884 length field is `length_words`, split into the
/// original datagram and the extension structure, if any (see the module docs for the rules).
///
/// ```
/// use icmpwire::extension::locate;
///
/// let mut quote = [0u8; 140];
/// quote[128..132].copy_from_slice(&[0x20, 0x00, 0xD3, 0xFA]); // version 2, one empty object
/// quote[132..136].copy_from_slice(&[0x00, 0x04, 0x0C, 0x01]);
/// quote[136..].fill(0);
/// let (datagram, ext) = locate(&quote[..136], 32);
/// assert_eq!(datagram.len(), 128);
/// assert!(ext.is_some());
/// ```
#[must_use]
pub fn locate(quote: &[u8], length_words: u8) -> (&[u8], Option<Extensions<'_>>) {
    let declared = usize::from(length_words).wrapping_mul(4);
    if declared >= 128
        && let Some((datagram, rest)) = quote.split_at_checked(declared)
        && let Ok(ext) = Extensions::parse(rest)
    {
        return (datagram, Some(ext));
    }
    // Compatibility: a valid structure at byte 128 of a quote whose length field says nothing
    // usable.
    if let Some((datagram, rest)) = quote.split_at_checked(128)
        && let Ok(ext) = Extensions::parse(rest)
        && ext.version() == 2
        && ext.checksum_valid()
        && rest.len() >= 8
    {
        return (datagram, Some(ext));
    }
    let datagram = match declared {
        0 => quote,
        n => quote.get(..n).unwrap_or(quote),
    };
    (datagram, None)
}

/// An RFC 4884 extension structure: header and objects, as received.
///
/// ```
/// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
/// assert_eq!(ext.version(), 2);
/// assert_eq!(ext.objects().count(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extensions<'a> {
    bytes: &'a [u8],
}

impl<'a> Extensions<'a> {
    /// Reads an extension structure (at least its 4-byte header).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, extension::Extensions};
    ///
    /// assert_eq!(
    ///     Extensions::parse(&[0x20, 0]).unwrap_err(),
    ///     ParseError::Truncated { part: Part::ExtensionHeader, required: 4, actual: 2 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::ExtensionHeader`]) under 4 bytes.
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Self, ParseError> {
        if bytes.len() < 4 {
            return Err(ParseError::Truncated {
                part: Part::ExtensionHeader,
                required: 4,
                actual: bytes.len(),
            });
        }
        Ok(Extensions { bytes })
    }

    fn header(&self) -> [u8; 4] {
        self.bytes.first_chunk::<4>().copied().unwrap_or([0; 4])
    }

    /// The version (2 in RFC 4884).
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.version(), 2);
    /// ```
    #[must_use]
    pub fn version(&self) -> u8 {
        self.header()[0] >> 4
    }

    /// The 12 reserved bits.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.reserved(), 0);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u16 {
        let [a, b, _, _] = self.header();
        u16::from_be_bytes([a & 0x0F, b])
    }

    /// The checksum field, host order.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.checksum(), 0xDFFF);
    /// ```
    #[must_use]
    pub fn checksum(&self) -> u16 {
        let [_, _, a, b] = self.header();
        u16::from_be_bytes([a, b])
    }

    /// Whether the checksum verifies: the RFC 1071 sum of the whole structure is `0xFFFF`.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0, 0]).unwrap();
    /// assert!(!ext.checksum_valid());
    /// ```
    #[must_use]
    pub fn checksum_valid(&self) -> bool {
        checksum::verify(self.bytes)
    }

    /// The structure's bytes, header included.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.bytes().len(), 4);
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The objects. An object whose length is below 4 or runs past the end is an error, after
    /// which the iterator ends.
    ///
    /// ```
    /// let ext = [0x20, 0, 0, 0, 0x00, 0x02, 1, 1];
    /// let ext = icmpwire::extension::Extensions::parse(&ext).unwrap();
    /// let mut objects = ext.objects();
    /// assert!(objects.next().unwrap().is_err());
    /// assert!(objects.next().is_none());
    /// ```
    #[must_use]
    pub fn objects(&self) -> Objects<'a> {
        Objects {
            rest: self.bytes.get(4..).unwrap_or(&[]),
        }
    }
}

/// The objects of an extension structure; see [`Extensions::objects`].
///
/// ```
/// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
/// assert!(ext.objects().next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Objects<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Objects<'a> {
    type Item = Result<Object<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest;
        let Some(&[l0, l1, class_num, c_type]) = bytes.first_chunk::<4>() else {
            self.rest = &[];
            return Some(Err(ParseError::Truncated {
                part: Part::ExtensionObject,
                required: 4,
                actual: bytes.len(),
            }));
        };
        let length = u16::from_be_bytes([l0, l1]);
        let Some((object, rest)) = bytes
            .split_at_checked(usize::from(length))
            .filter(|_| length >= 4)
        else {
            self.rest = &[];
            return Some(Err(ParseError::ExtensionObjectLength {
                length,
                available: bytes.len(),
            }));
        };
        self.rest = rest;
        Some(Ok(Object {
            class_num,
            c_type,
            data: object.get(4..).unwrap_or(&[]),
        }))
    }
}

/// One extension object: class, sub-type and data (RFC 4884 section 7).
///
/// ```
/// use icmpwire::extension::{Extensions, ObjectData};
///
/// let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
/// let obj = Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
/// assert_eq!((obj.class_num(), obj.c_type(), obj.length()), (99, 1, 8));
/// assert!(matches!(obj.data(), ObjectData::Unknown(&[1, 2, 3, 4])));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Object<'a> {
    class_num: u8,
    c_type: u8,
    data: &'a [u8],
}

impl<'a> Object<'a> {
    /// The class (1 MPLS label stack, 2 interface information, 3 interface identification).
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.class_num(), 99);
    /// ```
    #[must_use]
    pub fn class_num(&self) -> u8 {
        self.class_num
    }

    /// The sub-type within the class.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.c_type(), 1);
    /// ```
    #[must_use]
    pub fn c_type(&self) -> u8 {
        self.c_type
    }

    /// The length field: 4 plus the data's length.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.length(), 8);
    /// ```
    #[must_use]
    pub fn length(&self) -> u16 {
        // The iterator built it from a u16 length, so this cannot saturate.
        u16::try_from(self.data.len())
            .unwrap_or(u16::MAX)
            .saturating_add(4)
    }

    /// The object's data, after its 4-byte header.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.raw_data(), &[1, 2, 3, 4]);
    /// ```
    #[must_use]
    pub fn raw_data(&self) -> &'a [u8] {
        self.data
    }

    /// The data decoded by class: MPLS label stack entries (class 1), interface information
    /// (class 2), interface identification (class 3); anything else raw.
    ///
    /// ```
    /// use icmpwire::extension::{Extensions, ObjectData};
    ///
    /// // Class 3, c-type 2: an interface identified by ifIndex 7 (RFC 8335).
    /// let ext = [0x20, 0, 0xDC, 0xEE, 0x00, 0x08, 0x03, 0x02, 0, 0, 0, 7];
    /// let obj = Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert!(matches!(obj.data(), ObjectData::InterfaceIdentification(Ok(icmpwire::extension::InterfaceIdentification::Index(7)))));
    /// ```
    #[must_use]
    pub fn data(&self) -> ObjectData<'a> {
        match self.class_num {
            1 => ObjectData::Mpls(MplsLabels { rest: self.data }),
            2 => ObjectData::InterfaceInformation(InterfaceInformation::parse(
                self.c_type,
                self.data,
            )),
            3 => ObjectData::InterfaceIdentification(InterfaceIdentification::parse(
                self.c_type,
                self.data,
            )),
            _ => ObjectData::Unknown(self.data),
        }
    }
}

/// An object's data, decoded by class.
///
/// ```
/// use icmpwire::extension::ObjectData;
///
/// let data = ObjectData::Unknown(&[]);
/// assert!(matches!(data, ObjectData::Unknown(_)));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ObjectData<'a> {
    /// Class 1 (RFC 4950): the MPLS label stack of the datagram as it arrived.
    Mpls(MplsLabels<'a>),
    /// Class 2 (RFC 5837): the interface the datagram arrived on or was to leave by.
    InterfaceInformation(Result<InterfaceInformation<'a>, ParseError>),
    /// Class 3 (RFC 8335): the interface an extended echo request asks about.
    InterfaceIdentification(Result<InterfaceIdentification<'a>, ParseError>),
    /// Any other class, as received.
    Unknown(&'a [u8]),
}

/// One MPLS label stack entry (RFC 3032 section 2.1, quoted per RFC 4950).
///
/// ```
/// use icmpwire::extension::MplsEntry;
///
/// let e = MplsEntry::from_bytes([0x00, 0x01, 0x01, 0x40]);
/// assert_eq!((e.label, e.traffic_class, e.bottom_of_stack, e.ttl), (16, 0, true, 64));
/// assert_eq!(e.to_bytes(), [0x00, 0x01, 0x01, 0x40]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct MplsEntry {
    /// The label (20 bits).
    pub label: u32,
    /// Traffic class, formerly EXP (3 bits).
    pub traffic_class: u8,
    /// Bottom of stack (S bit).
    pub bottom_of_stack: bool,
    /// Time to live.
    pub ttl: u8,
}

impl MplsEntry {
    /// Decodes one 4-byte entry.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::MplsEntry::from_bytes([0xFF, 0xFF, 0xF0, 0]).label, 0xFFFFF);
    /// ```
    #[must_use]
    pub const fn from_bytes(b: [u8; 4]) -> Self {
        let w = u32::from_be_bytes(b);
        MplsEntry {
            label: w >> 12,
            traffic_class: ((w >> 9) & 7) as u8,
            bottom_of_stack: (w >> 8) & 1 == 1,
            ttl: w as u8,
        }
    }

    /// Encodes the entry (label bits above 20 and class bits above 3 are dropped).
    ///
    /// ```
    /// let e = icmpwire::extension::MplsEntry { label: 16, traffic_class: 5, bottom_of_stack: false, ttl: 1 };
    /// assert_eq!(e.to_bytes(), [0x00, 0x01, 0x0A, 0x01]);
    /// ```
    #[must_use]
    pub const fn to_bytes(self) -> [u8; 4] {
        let w = (self.label & 0xF_FFFF) << 12
            | ((self.traffic_class & 7) as u32) << 9
            | (self.bottom_of_stack as u32) << 8
            | self.ttl as u32;
        w.to_be_bytes()
    }
}

/// The entries of an MPLS label stack object (4 bytes each; a last partial entry is ignored).
///
/// ```
/// let ext = [0x20, 0, 0xDD, 0xF4, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x01, 0x01];
/// let ext = icmpwire::extension::Extensions::parse(&ext).unwrap();
/// let obj = ext.objects().next().unwrap().unwrap();
/// if let icmpwire::extension::ObjectData::Mpls(labels) = obj.data() {
///     assert_eq!(labels.count(), 1);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct MplsLabels<'a> {
    rest: &'a [u8],
}

impl Iterator for MplsLabels<'_> {
    type Item = MplsEntry;

    fn next(&mut self) -> Option<MplsEntry> {
        let (entry, rest) = self.rest.split_first_chunk::<4>()?;
        self.rest = rest;
        Some(MplsEntry::from_bytes(*entry))
    }
}

/// An IP address in an extension object, by address family (IANA "Address Family Numbers":
/// 1 IPv4, 2 IPv6).
///
/// ```
/// use icmpwire::extension::InterfaceAddress;
///
/// let a = InterfaceAddress::V4(core::net::Ipv4Addr::new(192, 0, 2, 1));
/// assert_eq!(a.afi(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InterfaceAddress<'a> {
    /// AFI 1.
    V4(Ipv4Addr),
    /// AFI 2.
    V6(Ipv6Addr),
    /// Another family, with the address bytes as given (RFC 8335 by-address identification
    /// carries their length).
    Other {
        /// The address family.
        afi: u16,
        /// The address bytes.
        bytes: &'a [u8],
    },
}

impl InterfaceAddress<'_> {
    /// The address family number.
    ///
    /// ```
    /// use icmpwire::extension::InterfaceAddress;
    ///
    /// assert_eq!(InterfaceAddress::V6(core::net::Ipv6Addr::LOCALHOST).afi(), 2);
    /// ```
    #[must_use]
    pub fn afi(&self) -> u16 {
        match self {
            InterfaceAddress::V4(_) => 1,
            InterfaceAddress::V6(_) => 2,
            InterfaceAddress::Other { afi, .. } => *afi,
        }
    }
}

/// RFC 5837 interface information: which interface, in which role, with the sub-objects the
/// c-type announces.
///
/// ```
/// use icmpwire::extension::{InterfaceInformation, InterfaceRole};
///
/// // c-type 0b0000_1001: incoming interface, ifIndex and MTU present.
/// let info = InterfaceInformation::parse(0x09, &[0, 0, 0, 3, 0, 0, 0x05, 0xDC]).unwrap();
/// assert_eq!(info.role, InterfaceRole::INCOMING);
/// assert_eq!((info.if_index, info.mtu), (Some(3), Some(1500)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceInformation<'a> {
    /// The interface's role (c-type bits 7-6).
    pub role: InterfaceRole,
    /// The reserved c-type bits 5-4.
    pub reserved: u8,
    /// ifIndex (c-type bit 3).
    pub if_index: Option<u32>,
    /// IP address sub-object (c-type bit 2).
    pub address: Option<InterfaceAddress<'a>>,
    /// Interface name sub-object (c-type bit 1): the name's bytes, NUL padding removed (UTF-8
    /// per RFC 5837, not checked here).
    pub name: Option<&'a [u8]>,
    /// MTU (c-type bit 0).
    pub mtu: Option<u32>,
}

/// The role of the interface an interface information object describes (RFC 5837 section
/// 4.1).
///
/// ```
/// use icmpwire::extension::InterfaceRole;
///
/// assert_eq!(InterfaceRole(2), InterfaceRole::OUTGOING);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct InterfaceRole(pub u8);

impl InterfaceRole {
    /// The interface the datagram arrived on.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::InterfaceRole::INCOMING.0, 0);
    /// ```
    pub const INCOMING: Self = Self(0);
    /// The sub-IP component of the incoming interface.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::InterfaceRole::SUB_IP.0, 1);
    /// ```
    pub const SUB_IP: Self = Self(1);
    /// The interface the datagram would have left by.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::InterfaceRole::OUTGOING.0, 2);
    /// ```
    pub const OUTGOING: Self = Self(2);
    /// The IP next hop the datagram would have been sent to.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::InterfaceRole::NEXT_HOP.0, 3);
    /// ```
    pub const NEXT_HOP: Self = Self(3);
}

/// Takes `n` bytes from the front of `rest`.
fn take<'a, const N: usize>(rest: &mut &'a [u8], part: Part) -> Result<&'a [u8; N], ParseError> {
    match rest.split_first_chunk::<N>() {
        Some((head, tail)) => {
            *rest = tail;
            Ok(head)
        }
        None => Err(ParseError::Truncated {
            part,
            required: N,
            actual: rest.len(),
        }),
    }
}

impl<'a> InterfaceInformation<'a> {
    /// Decodes the data of a class 2 object with sub-type `c_type`.
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, extension::InterfaceInformation};
    ///
    /// // ifIndex announced, 2 bytes present.
    /// assert_eq!(
    ///     InterfaceInformation::parse(0x08, &[0, 1]).unwrap_err(),
    ///     ParseError::Truncated { part: Part::InterfaceInformation, required: 4, actual: 2 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::InterfaceInformation`]) when a sub-object the
    /// c-type announces is cut short, [`ParseError::UnknownAddressFamily`] for an address of a
    /// family whose length is unknown (nothing after it can be located).
    pub fn parse(c_type: u8, data: &'a [u8]) -> Result<Self, ParseError> {
        let part = Part::InterfaceInformation;
        let mut rest = data;
        let if_index = if c_type & 0x08 != 0 {
            Some(u32::from_be_bytes(*take::<4>(&mut rest, part)?))
        } else {
            None
        };
        let address = if c_type & 0x04 != 0 {
            let &[a0, a1, _, _] = take::<4>(&mut rest, part)?;
            Some(match u16::from_be_bytes([a0, a1]) {
                1 => InterfaceAddress::V4(Ipv4Addr::from(*take::<4>(&mut rest, part)?)),
                2 => InterfaceAddress::V6(Ipv6Addr::from(*take::<16>(&mut rest, part)?)),
                afi => return Err(ParseError::UnknownAddressFamily { afi }),
            })
        } else {
            None
        };
        let name = if c_type & 0x02 != 0 {
            // A length octet (counting itself), then the name padded to a 4-byte multiple.
            let &[len] = take::<1>(&mut rest, part)?;
            let body = usize::from(len).saturating_sub(1);
            let Some((name, tail)) = rest.split_at_checked(body) else {
                return Err(ParseError::Truncated {
                    part,
                    required: body,
                    actual: rest.len(),
                });
            };
            rest = tail;
            let end = name
                .iter()
                .rposition(|&b| b != 0)
                .map_or(0, |i| i.wrapping_add(1));
            Some(name.get(..end).unwrap_or(name))
        } else {
            None
        };
        let mtu = if c_type & 0x01 != 0 {
            Some(u32::from_be_bytes(*take::<4>(&mut rest, part)?))
        } else {
            None
        };
        Ok(InterfaceInformation {
            role: InterfaceRole(c_type >> 6),
            reserved: (c_type >> 4) & 3,
            if_index,
            address,
            name,
            mtu,
        })
    }
}

/// RFC 8335 section 2.1 interface identification: the interface an extended echo request asks
/// about, by name (c-type 1), ifIndex (2) or address (3).
///
/// ```
/// use icmpwire::extension::InterfaceIdentification;
///
/// let id = InterfaceIdentification::parse(1, b"eth0\0\0\0\0").unwrap();
/// assert_eq!(id, InterfaceIdentification::Name(b"eth0"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InterfaceIdentification<'a> {
    /// By name (NUL padding removed).
    Name(&'a [u8]),
    /// By ifIndex.
    Index(u32),
    /// By address: family, the address length field, and the address.
    Address {
        /// The address, decoded for AFI 1 and 2 with lengths 4 and 16.
        address: InterfaceAddress<'a>,
        /// The address length field.
        length: u8,
    },
    /// Another c-type, as received.
    Other {
        /// The c-type.
        c_type: u8,
        /// The object's data.
        data: &'a [u8],
    },
}

impl<'a> InterfaceIdentification<'a> {
    /// Decodes the data of a class 3 object with sub-type `c_type`.
    ///
    /// ```
    /// use icmpwire::extension::{InterfaceAddress, InterfaceIdentification};
    ///
    /// let id = InterfaceIdentification::parse(3, &[0, 1, 4, 0, 192, 0, 2, 1]).unwrap();
    /// assert_eq!(id, InterfaceIdentification::Address {
    ///     address: InterfaceAddress::V4(core::net::Ipv4Addr::new(192, 0, 2, 1)),
    ///     length: 4,
    /// });
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::InterfaceIdentification`]) when the index, the
    /// address header or the address is cut short.
    pub fn parse(c_type: u8, data: &'a [u8]) -> Result<Self, ParseError> {
        let part = Part::InterfaceIdentification;
        let mut rest = data;
        Ok(match c_type {
            1 => {
                let end = data
                    .iter()
                    .rposition(|&b| b != 0)
                    .map_or(0, |i| i.wrapping_add(1));
                InterfaceIdentification::Name(data.get(..end).unwrap_or(data))
            }
            2 => InterfaceIdentification::Index(u32::from_be_bytes(*take::<4>(&mut rest, part)?)),
            3 => {
                let &[a0, a1, length, _] = take::<4>(&mut rest, part)?;
                let afi = u16::from_be_bytes([a0, a1]);
                let Some(bytes) = rest.get(..usize::from(length)) else {
                    return Err(ParseError::Truncated {
                        part,
                        required: usize::from(length),
                        actual: rest.len(),
                    });
                };
                let address = match (afi, bytes.first_chunk::<4>(), bytes.first_chunk::<16>()) {
                    (1, Some(v4), _) if length == 4 => InterfaceAddress::V4(Ipv4Addr::from(*v4)),
                    (2, _, Some(v6)) if length == 16 => InterfaceAddress::V6(Ipv6Addr::from(*v6)),
                    _ => InterfaceAddress::Other { afi, bytes },
                };
                InterfaceIdentification::Address { address, length }
            }
            _ => InterfaceIdentification::Other { c_type, data },
        })
    }
}

/// One extension object to emit.
///
/// ```
/// use icmpwire::extension::{MplsEntry, ObjectRepr};
///
/// let labels = [MplsEntry { label: 16, traffic_class: 0, bottom_of_stack: true, ttl: 1 }];
/// let obj = ObjectRepr::Mpls(&labels);
/// assert_eq!(obj.len(), 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ObjectRepr<'a> {
    /// Class 1, c-type 1: an MPLS label stack.
    Mpls(&'a [MplsEntry]),
    /// Class 3, c-type 2: interface identification by ifIndex (RFC 8335).
    InterfaceIndex(u32),
    /// Any object as class, c-type and data (written as given).
    Raw {
        /// The class.
        class_num: u8,
        /// The sub-type.
        c_type: u8,
        /// The data after the object header.
        data: &'a [u8],
    },
}

impl ObjectRepr<'_> {
    /// The object's length in bytes, its 4-byte header included.
    ///
    /// ```
    /// use icmpwire::extension::ObjectRepr;
    ///
    /// assert_eq!(ObjectRepr::Raw { class_num: 99, c_type: 1, data: &[0; 8] }.len(), 12);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        let data = match self {
            ObjectRepr::Mpls(labels) => labels.len().saturating_mul(4),
            ObjectRepr::InterfaceIndex(_) => 4,
            ObjectRepr::Raw { data, .. } => data.len(),
        };
        data.saturating_add(4)
    }

    /// Whether the object is empty: never (it has a header).
    ///
    /// ```
    /// assert!(!icmpwire::extension::ObjectRepr::InterfaceIndex(1).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Writes the object into `out` (exactly `len()` bytes).
    fn write(&self, out: &mut [u8]) -> Result<(), EmitError> {
        let len = self.len();
        let length = u16::try_from(len).map_err(|_| EmitError::ExtensionTooLong { len })?;
        let (class_num, c_type) = match self {
            ObjectRepr::Mpls(_) => (1, 1),
            ObjectRepr::InterfaceIndex(_) => (3, 2),
            ObjectRepr::Raw {
                class_num, c_type, ..
            } => (*class_num, *c_type),
        };
        let Some((head, data)) = out.split_first_chunk_mut::<4>() else {
            return Err(EmitError::BufferTooSmall {
                required: len,
                actual: out.len(),
            });
        };
        let [l0, l1] = length.to_be_bytes();
        *head = [l0, l1, class_num, c_type];
        match self {
            ObjectRepr::Mpls(labels) => {
                for (chunk, e) in data.chunks_exact_mut(4).zip(labels.iter()) {
                    chunk.copy_from_slice(&e.to_bytes());
                }
            }
            ObjectRepr::InterfaceIndex(i) => crate::emit::copy(data, &i.to_be_bytes()),
            ObjectRepr::Raw { data: d, .. } => crate::emit::copy(data, d),
        }
        Ok(())
    }
}

/// The bytes an extension structure with `objects` takes: 4 for the header and each object's
/// length.
///
/// ```
/// use icmpwire::extension::{ObjectRepr, structure_len};
///
/// assert_eq!(structure_len(&[ObjectRepr::InterfaceIndex(1)]), 12);
/// ```
#[must_use]
pub fn structure_len(objects: &[ObjectRepr<'_>]) -> usize {
    objects
        .iter()
        .fold(4usize, |n, o| n.saturating_add(o.len()))
}

/// Writes an RFC 4884 extension structure (version 2, the checksum computed last) with
/// `objects` at the start of `out`, and returns its length: the payload of an extended echo
/// request, say. Error messages take their objects directly (their `extensions` field).
///
/// ```
/// use icmpwire::extension::{Extensions, ObjectRepr, write};
///
/// let mut buf = [0u8; 16];
/// let n = write(&[ObjectRepr::InterfaceIndex(1)], &mut buf).unwrap();
/// assert_eq!(&buf[..n], &[0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1]);
/// assert!(Extensions::parse(&buf[..n]).unwrap().checksum_valid());
/// ```
///
/// # Errors
///
/// [`EmitError::BufferTooSmall`] (nothing written), [`EmitError::ExtensionTooLong`].
pub fn write(objects: &[ObjectRepr<'_>], out: &mut [u8]) -> Result<usize, EmitError> {
    if let Some(o) = objects.iter().find(|o| o.len() > usize::from(u16::MAX)) {
        return Err(EmitError::ExtensionTooLong { len: o.len() });
    }
    let required = structure_len(objects);
    let actual = out.len();
    let Some(out) = out.get_mut(..required) else {
        return Err(EmitError::BufferTooSmall { required, actual });
    };
    write_structure(objects, out)?;
    Ok(required)
}

/// Writes an RFC 4884 extension structure (version 2, the checksum computed last) with
/// `objects` into `out`, which must be [`structure_len`] bytes long.
pub(crate) fn write_structure(objects: &[ObjectRepr<'_>], out: &mut [u8]) -> Result<(), EmitError> {
    let Some((head, mut rest)) = out.split_first_chunk_mut::<4>() else {
        return Err(EmitError::BufferTooSmall {
            required: 4,
            actual: out.len(),
        });
    };
    *head = [0x20, 0, 0, 0];
    for o in objects {
        let available = rest.len();
        let Some((this, tail)) = rest.split_at_mut_checked(o.len()) else {
            return Err(EmitError::BufferTooSmall {
                required: o.len(),
                actual: available,
            });
        };
        o.write(this)?;
        rest = tail;
    }
    let mut c = Checksum::new();
    c.add_bytes(out);
    if let Some(field) = out.get_mut(2..4) {
        field.copy_from_slice(&c.checksum().to_be_bytes());
    }
    Ok(())
}

/// The length of the original datagram field when extensions follow it: the quote zero padded
/// to a 32-bit boundary and to at least 128 bytes (RFC 4884 section 4.1).
///
/// # Errors
///
/// [`EmitError::QuoteTooLong`] past 1020 bytes (255 words), [`EmitError::ExtensionTooLong`] for
/// an object over 65535 bytes.
pub(crate) fn check(quote_len: usize, objects: &[ObjectRepr<'_>]) -> Result<usize, EmitError> {
    let padded = quote_len.max(128).div_ceil(4).saturating_mul(4);
    if padded > 1020 {
        return Err(EmitError::QuoteTooLong { len: quote_len });
    }
    if let Some(o) = objects.iter().find(|o| o.len() > usize::from(u16::MAX)) {
        return Err(EmitError::ExtensionTooLong { len: o.len() });
    }
    Ok(padded)
}

/// Writes the quote, its zero padding to `padded` bytes and the extension structure into `out`
/// (exactly `padded + structure_len(objects)` bytes); returns the one's complement accumulator
/// of what it wrote.
pub(crate) fn write_body(
    quote: &[u8],
    padded: usize,
    objects: &[ObjectRepr<'_>],
    out: &mut [u8],
) -> u64 {
    let (datagram, structure) = out
        .split_at_mut_checked(padded)
        .unwrap_or((&mut [], &mut []));
    let (q, pad) = datagram
        .split_at_mut_checked(quote.len())
        .unwrap_or((&mut [], &mut []));
    let sum = checksum::copy_and_sum(q, quote);
    pad.fill(0);
    // `check` has passed: the objects fit their length fields and `out` is their length.
    let _ = write_structure(objects, structure);
    // The padded datagram is a whole number of words, so the structure's words line up.
    checksum::combine(sum, checksum::sum_part(structure))
}

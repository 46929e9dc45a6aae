//! The extension objects icmpwire decodes and builds: MPLS label stack entries (RFC 4950),
//! interface information (RFC 5837 section 4) and interface identification (RFC 8335 section
//! 2.1), and [`ObjectRepr`], an object to emit.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::error::{EmitError, ParseError, Part};

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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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

impl<'a> MplsLabels<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        MplsLabels { rest: data }
    }
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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
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
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ObjectRepr<'a> {
    /// Class 1, c-type 1: an MPLS label stack (RFC 4950).
    Mpls(&'a [MplsEntry]),
    /// Class 2: interface information (RFC 5837); the c-type is derived from the fields given.
    InterfaceInformation(InterfaceInformationRepr<'a>),
    /// Class 3, c-type 1: interface identification by name (RFC 8335), NUL padded to a
    /// 32-bit boundary.
    InterfaceName(&'a [u8]),
    /// Class 3, c-type 2: interface identification by ifIndex (RFC 8335).
    InterfaceIndex(u32),
    /// Class 3, c-type 3: interface identification by address (RFC 8335).
    InterfaceAddress(IpAddr),
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

/// RFC 5837 interface information to emit: the c-type's presence bits follow the fields that
/// are `Some`.
///
/// ```
/// use icmpwire::extension::{InterfaceInformationRepr, InterfaceRole, ObjectRepr};
///
/// let info = InterfaceInformationRepr { role: InterfaceRole::INCOMING, if_index: Some(3), mtu: Some(1500), ..Default::default() };
/// assert_eq!(info.c_type(), 0x09);
/// assert_eq!(ObjectRepr::InterfaceInformation(info).len(), 12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InterfaceInformationRepr<'a> {
    /// The interface's role.
    pub role: InterfaceRole,
    /// ifIndex.
    pub if_index: Option<u32>,
    /// IP address.
    pub address: Option<IpAddr>,
    /// Name (at most 63 bytes: the sub-object, length octet and padding included, is at most
    /// 64).
    pub name: Option<&'a [u8]>,
    /// MTU.
    pub mtu: Option<u32>,
}

impl Default for InterfaceInformationRepr<'_> {
    fn default() -> Self {
        InterfaceInformationRepr {
            role: InterfaceRole::INCOMING,
            if_index: None,
            address: None,
            name: None,
            mtu: None,
        }
    }
}

/// Bytes of an address sub-object: AFI, reserved, address.
fn address_len(a: &IpAddr) -> usize {
    match a {
        IpAddr::V4(_) => 8,
        IpAddr::V6(_) => 20,
    }
}

/// The name sub-object's length: a length octet and the name, padded to a 32-bit boundary.
fn name_len(name: &[u8]) -> usize {
    name.len().saturating_add(1).div_ceil(4).saturating_mul(4)
}

impl InterfaceInformationRepr<'_> {
    /// The c-type: role in bits 7-6, then ifIndex, IP address, name and MTU presence bits.
    ///
    /// ```
    /// use icmpwire::extension::{InterfaceInformationRepr, InterfaceRole};
    ///
    /// let info = InterfaceInformationRepr { role: InterfaceRole::NEXT_HOP, ..Default::default() };
    /// assert_eq!(info.c_type(), 0xC0);
    /// ```
    #[must_use]
    pub fn c_type(&self) -> u8 {
        (self.role.0 & 3) << 6
            | u8::from(self.if_index.is_some()) << 3
            | u8::from(self.address.is_some()) << 2
            | u8::from(self.name.is_some()) << 1
            | u8::from(self.mtu.is_some())
    }

    fn data_len(&self) -> usize {
        let mut n = 0usize;
        n = n.saturating_add(self.if_index.map_or(0, |_| 4));
        n = n.saturating_add(self.address.as_ref().map_or(0, address_len));
        n = n.saturating_add(self.name.map_or(0, name_len));
        n.saturating_add(self.mtu.map_or(0, |_| 4))
    }

    fn write(&self, mut out: &mut [u8]) {
        let mut put = |bytes: &[u8]| {
            let (head, tail) = core::mem::take(&mut out)
                .split_at_mut_checked(bytes.len())
                .unwrap_or((&mut [], &mut []));
            crate::emit::copy(head, bytes);
            out = tail;
        };
        if let Some(i) = self.if_index {
            put(&i.to_be_bytes());
        }
        match self.address {
            Some(IpAddr::V4(a)) => {
                put(&[0, 1, 0, 0]);
                put(&a.octets());
            }
            Some(IpAddr::V6(a)) => {
                put(&[0, 2, 0, 0]);
                put(&a.octets());
            }
            None => {}
        }
        if let Some(name) = self.name {
            let len = name_len(name);
            put(&[u8::try_from(len).unwrap_or(u8::MAX)]);
            put(name);
            let pad = [0u8; 4];
            put(pad
                .get(..len.saturating_sub(name.len()).saturating_sub(1))
                .unwrap_or(&[]));
        }
        if let Some(m) = self.mtu {
            put(&m.to_be_bytes());
        }
    }
}

impl ObjectRepr<'_> {
    /// The object's length in bytes, its 4-byte header included.
    ///
    /// ```
    /// use icmpwire::extension::ObjectRepr;
    ///
    /// assert_eq!(ObjectRepr::Raw { class_num: 99, c_type: 1, data: &[0; 8] }.len(), 12);
    /// assert_eq!(ObjectRepr::InterfaceName(b"eth10").len(), 12); // 5 bytes, NUL padded to 8
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        let data = match self {
            ObjectRepr::Mpls(labels) => labels.len().saturating_mul(4),
            ObjectRepr::InterfaceInformation(info) => info.data_len(),
            ObjectRepr::InterfaceName(name) => name.len().div_ceil(4).saturating_mul(4),
            ObjectRepr::InterfaceIndex(_) => 4,
            ObjectRepr::InterfaceAddress(a) => address_len(a),
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

    /// What `write` cannot encode.
    pub(crate) fn check(&self) -> Result<(), EmitError> {
        let len = self.len();
        if len > usize::from(u16::MAX) {
            return Err(EmitError::ExtensionTooLong { len });
        }
        if let ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
            name: Some(name), ..
        }) = self
            && name_len(name) > 64
        {
            return Err(EmitError::InterfaceNameTooLong { len: name.len() });
        }
        Ok(())
    }

    /// Writes the object into `out` (exactly `len()` bytes); `check` has passed.
    pub(crate) fn write(&self, out: &mut [u8]) {
        let length = u16::try_from(self.len()).unwrap_or(u16::MAX);
        let (class_num, c_type) = match self {
            ObjectRepr::Mpls(_) => (1, 1),
            ObjectRepr::InterfaceInformation(info) => (2, info.c_type()),
            ObjectRepr::InterfaceName(_) => (3, 1),
            ObjectRepr::InterfaceIndex(_) => (3, 2),
            ObjectRepr::InterfaceAddress(_) => (3, 3),
            ObjectRepr::Raw {
                class_num, c_type, ..
            } => (*class_num, *c_type),
        };
        let Some((head, data)) = out.split_first_chunk_mut::<4>() else {
            return;
        };
        let [l0, l1] = length.to_be_bytes();
        *head = [l0, l1, class_num, c_type];
        match self {
            ObjectRepr::Mpls(labels) => {
                for (chunk, e) in data.chunks_exact_mut(4).zip(labels.iter()) {
                    crate::emit::copy(chunk, &e.to_bytes());
                }
            }
            ObjectRepr::InterfaceInformation(info) => info.write(data),
            ObjectRepr::InterfaceName(name) => {
                data.fill(0);
                crate::emit::copy(data, name);
            }
            ObjectRepr::InterfaceIndex(i) => crate::emit::copy(data, &i.to_be_bytes()),
            ObjectRepr::InterfaceAddress(IpAddr::V4(a)) => {
                crate::emit::copy(data, &[0, 1, 4, 0]);
                crate::emit::copy(data.get_mut(4..).unwrap_or(&mut []), &a.octets());
            }
            ObjectRepr::InterfaceAddress(IpAddr::V6(a)) => {
                crate::emit::copy(data, &[0, 2, 16, 0]);
                crate::emit::copy(data.get_mut(4..).unwrap_or(&mut []), &a.octets());
            }
            ObjectRepr::Raw { data: d, .. } => crate::emit::copy(data, d),
        }
    }
}

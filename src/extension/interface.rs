//! The interface objects: interface information (RFC 5837 section 4, class 2), which a router
//! attaches to an error to name the interface a datagram arrived on or was to leave by, and
//! interface identification (RFC 8335 section 2.1, class 3), which names the interface an
//! extended echo request asks about.

use core::net::{Ipv4Addr, Ipv6Addr};

use crate::error::{ParseError, Part};

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

//! The typed value of each Neighbor Discovery option ([`NdOptionRepr`]), read from an option's
//! bytes ([`decode`]); `emit.rs` writes it back.
//!
//! Layouts, after the type and length bytes: RFC 4861 section 4.6.1 (link-layer addresses),
//! 4.6.2 (prefix information), 4.6.3 (redirected header), 4.6.4 (MTU); RFC 2491 section 5.2
//! (NBMA shortcut limit); RFC 6275 sections 7.3 and 7.4 (advertisement interval, home agent
//! information); RFC 3122 section 3.2 (address lists); RFC 3971 section 5.3.2 (nonce); RFC 4191
//! section 2.3 (route information); RFC 8106 sections 5.1 and 5.2 (RDNSS, DNSSL); RFC 5175
//! section 4 (RA flags extension); RFC 8910 section 2.3 (captive portal); RFC 8781 section 4
//! (PREF64).

use core::net::Ipv6Addr;

use super::lists::{Addresses, DomainNames};
use super::options::address_at;
use crate::error::ParseError;
use crate::types::v6::OptionType;

/// A prefix information option (type 3, RFC 4861 section 4.6.2; the R flag is RFC 6275
/// section 7.2).
///
/// ```
/// use icmpwire::v6::PrefixInformation;
///
/// let pi = PrefixInformation { prefix_length: 64, on_link: true, ..PrefixInformation::default() };
/// assert!(!pi.autonomous);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PrefixInformation {
    /// Prefix Length: the number of leading bits of `prefix` that are valid.
    pub prefix_length: u8,
    /// L: the prefix can be used for on-link determination.
    pub on_link: bool,
    /// A: the prefix can be used for stateless address autoconfiguration (RFC 4862).
    pub autonomous: bool,
    /// R (RFC 6275): `prefix` holds the router's full address.
    pub router_address: bool,
    /// Reserved1: the low 5 bits of the flags byte, kept as received.
    pub reserved1: u8,
    /// Valid Lifetime in seconds (`u32::MAX` is infinity).
    pub valid_lifetime: u32,
    /// Preferred Lifetime in seconds (`u32::MAX` is infinity).
    pub preferred_lifetime: u32,
    /// Reserved2, kept as received.
    pub reserved2: u32,
    /// The prefix (or with R, the router's address).
    pub prefix: Ipv6Addr,
}

impl Default for PrefixInformation {
    fn default() -> Self {
        PrefixInformation {
            prefix_length: 0,
            on_link: false,
            autonomous: false,
            router_address: false,
            reserved1: 0,
            valid_lifetime: 0,
            preferred_lifetime: 0,
            reserved2: 0,
            prefix: Ipv6Addr::UNSPECIFIED,
        }
    }
}

/// A route information option (type 24, RFC 4191 section 2.3).
///
/// ```
/// use icmpwire::v6::RouteInformation;
///
/// let rio = RouteInformation { prefix_length: 48, lifetime: 1800, ..RouteInformation::default() };
/// assert_eq!(rio.preference, 0); // medium
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouteInformation {
    /// Prefix Length, 0 to 128.
    pub prefix_length: u8,
    /// Prf: 1 high, 0 medium, 3 low, 2 reserved (RFC 4191 section 2.1).
    pub preference: u8,
    /// The 3 reserved bits before Prf, kept as received.
    pub reserved1: u8,
    /// The 3 reserved bits after Prf, kept as received.
    pub reserved2: u8,
    /// Route Lifetime in seconds (`u32::MAX` is infinity).
    pub lifetime: u32,
    /// The prefix; the option carries 0, 8 or 16 of its bytes (length 1, 2 or 3), the rest
    /// reads as zero. The builder writes all 16 (length 3), as radvd does.
    pub prefix: Ipv6Addr,
}

impl Default for RouteInformation {
    fn default() -> Self {
        RouteInformation {
            prefix_length: 0,
            preference: 0,
            reserved1: 0,
            reserved2: 0,
            lifetime: 0,
            prefix: Ipv6Addr::UNSPECIFIED,
        }
    }
}

/// A PREF64 option (type 38, RFC 8781 section 4): the NAT64 prefix of the network.
///
/// ```
/// use icmpwire::v6::Pref64;
///
/// // 64:ff9b::/96 for 1800 s (scaled lifetime 225 units of 8 s, PLC 0).
/// let p = Pref64 { scaled_lifetime: 225, plc: 0, prefix: "64:ff9b::".parse().unwrap() };
/// assert_eq!((p.lifetime_seconds(), p.prefix_length()), (1800, Some(96)));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct Pref64 {
    /// Scaled Lifetime: the lifetime in units of 8 seconds (13 bits).
    pub scaled_lifetime: u16,
    /// PLC, the prefix length code (3 bits): 0 is /96, 1 /64, 2 /56, 3 /48, 4 /40, 5 /32.
    pub plc: u8,
    /// The prefix: its first 96 bits are carried, the last 32 read as zero.
    pub prefix: Ipv6Addr,
}

impl Pref64 {
    /// The lifetime in seconds (8 times the scaled lifetime).
    ///
    /// ```
    /// let p = icmpwire::v6::Pref64 { scaled_lifetime: 8191, plc: 0, prefix: core::net::Ipv6Addr::UNSPECIFIED };
    /// assert_eq!(p.lifetime_seconds(), 65528);
    /// ```
    #[must_use]
    pub const fn lifetime_seconds(&self) -> u32 {
        (self.scaled_lifetime as u32 & 0x1FFF).saturating_mul(8)
    }

    /// The prefix length the PLC says, `None` for the codes RFC 8781 leaves unassigned (6, 7).
    ///
    /// ```
    /// let p = icmpwire::v6::Pref64 { scaled_lifetime: 0, plc: 3, prefix: core::net::Ipv6Addr::UNSPECIFIED };
    /// assert_eq!(p.prefix_length(), Some(48));
    /// ```
    #[must_use]
    pub const fn prefix_length(&self) -> Option<u8> {
        match self.plc {
            0 => Some(96),
            1 => Some(64),
            2 => Some(56),
            3 => Some(48),
            4 => Some(40),
            5 => Some(32),
            _ => None,
        }
    }
}

/// A Neighbor Discovery option's value: what [`NdOption::value`](super::NdOption::value) reads
/// and what the builders write. Reserved fields are kept as received; link-layer addresses,
/// nonces and unknown options keep their bytes after type and length, padding included.
///
/// ```
/// use icmpwire::v6::NdOptionRepr;
///
/// let mtu = NdOptionRepr::Mtu { reserved: 0, mtu: 1280 };
/// assert_eq!(mtu.len(), 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NdOptionRepr<'a> {
    /// Source link-layer address (type 1): 6 bytes on Ethernet, 8 on IEEE 802.15.4 (RFC 4944),
    /// with its zero padding when read.
    SourceLinkLayerAddress(&'a [u8]),
    /// Target link-layer address (type 2).
    TargetLinkLayerAddress(&'a [u8]),
    /// Prefix information (type 3).
    PrefixInformation(PrefixInformation),
    /// Redirected header (type 4): the start of the packet that caused a redirect.
    RedirectedHeader {
        /// The 6 reserved bytes.
        reserved: [u8; 6],
        /// The packet, as much as fits, with its zero padding when read.
        packet: &'a [u8],
    },
    /// MTU (type 5).
    Mtu {
        /// The reserved 16 bits.
        reserved: u16,
        /// The link MTU.
        mtu: u32,
    },
    /// NBMA shortcut limit (type 6, RFC 2491).
    NbmaShortcutLimit {
        /// The hop limit for shortcut attempts.
        limit: u8,
        /// The reserved byte after it.
        reserved1: u8,
        /// The reserved 32 bits.
        reserved2: u32,
    },
    /// Advertisement interval (type 7, RFC 6275).
    AdvertisementInterval {
        /// The reserved 16 bits.
        reserved: u16,
        /// The maximum time between unsolicited advertisements, in milliseconds.
        interval: u32,
    },
    /// Home agent information (type 8, RFC 6275).
    HomeAgentInformation {
        /// The reserved 16 bits.
        reserved: u16,
        /// Home Agent Preference, a signed number (RFC 6275 section 7.4: higher is preferred).
        preference: i16,
        /// Home Agent Lifetime in seconds.
        lifetime: u16,
    },
    /// Source address list (type 9, RFC 3122).
    SourceAddressList {
        /// The 6 reserved bytes.
        reserved: [u8; 6],
        /// The addresses.
        addresses: Addresses<'a>,
    },
    /// Target address list (type 10, RFC 3122).
    TargetAddressList {
        /// The 6 reserved bytes.
        reserved: [u8; 6],
        /// The addresses.
        addresses: Addresses<'a>,
    },
    /// Nonce (type 14, RFC 3971; RFC 7527 puts one in duplicate address detection).
    Nonce(&'a [u8]),
    /// Route information (type 24, RFC 4191).
    RouteInformation(RouteInformation),
    /// Recursive DNS servers (type 25, RFC 8106).
    Rdnss {
        /// The reserved 16 bits.
        reserved: u16,
        /// Lifetime in seconds (`u32::MAX` is infinity).
        lifetime: u32,
        /// The servers.
        addresses: Addresses<'a>,
    },
    /// RA flags extension (type 26, RFC 5175): 48 bits of flags.
    RaFlagsExtension {
        /// The 48 bits, in the low bits.
        flags: u64,
    },
    /// DNS search list (type 31, RFC 8106).
    Dnssl {
        /// The reserved 16 bits.
        reserved: u16,
        /// Lifetime in seconds (`u32::MAX` is infinity).
        lifetime: u32,
        /// The domain names.
        domains: DomainNames<'a>,
    },
    /// Captive portal (type 37, RFC 8910): the URI, without its NUL padding.
    CaptivePortal(&'a [u8]),
    /// PREF64 (type 38, RFC 8781).
    Pref64(Pref64),
    /// Any other type, with its bytes after type and length.
    Unknown {
        /// The option type.
        kind: OptionType,
        /// Its bytes after type and length.
        data: &'a [u8],
    },
}

/// Reads the option of type `kind`, `length` units, whose bytes after type and length are
/// `data` (the option starts at `offset` in its message).
#[inline(always)]
pub(crate) fn decode(
    kind: u8,
    length: u8,
    data: &[u8],
    offset: usize,
) -> Result<NdOptionRepr<'_>, ParseError> {
    let bad = Err(ParseError::OptionLength { kind, length });
    let u16_at = |at: usize| {
        data.get(at..)
            .and_then(<[u8]>::first_chunk::<2>)
            .map_or(0, |w| u16::from_be_bytes(*w))
    };
    let u32_at = |at: usize| {
        data.get(at..)
            .and_then(<[u8]>::first_chunk::<4>)
            .map_or(0, |w| u32::from_be_bytes(*w))
    };
    let byte = |at: usize| data.get(at).copied().unwrap_or(0);
    let reserved6 = || data.first_chunk::<6>().copied().unwrap_or_default();
    let tail = |at: usize| data.get(at..).unwrap_or_default();
    let odd3 = length >= 3 && length % 2 == 1;
    Ok(match kind {
        1 => NdOptionRepr::SourceLinkLayerAddress(data),
        2 => NdOptionRepr::TargetLinkLayerAddress(data),
        3 if length != 4 => return bad,
        3 => NdOptionRepr::PrefixInformation(PrefixInformation {
            prefix_length: byte(0),
            on_link: byte(1) & 0x80 != 0,
            autonomous: byte(1) & 0x40 != 0,
            router_address: byte(1) & 0x20 != 0,
            reserved1: byte(1) & 0x1F,
            valid_lifetime: u32_at(2),
            preferred_lifetime: u32_at(6),
            reserved2: u32_at(10),
            prefix: address_at(tail(14)),
        }),
        4 => NdOptionRepr::RedirectedHeader {
            reserved: reserved6(),
            packet: tail(6),
        },
        5..=8 if length != 1 => return bad,
        5 => NdOptionRepr::Mtu {
            reserved: u16_at(0),
            mtu: u32_at(2),
        },
        6 => NdOptionRepr::NbmaShortcutLimit {
            limit: byte(0),
            reserved1: byte(1),
            reserved2: u32_at(2),
        },
        7 => NdOptionRepr::AdvertisementInterval {
            reserved: u16_at(0),
            interval: u32_at(2),
        },
        8 => NdOptionRepr::HomeAgentInformation {
            reserved: u16_at(0),
            preference: i16::from_be_bytes(u16_at(2).to_be_bytes()),
            lifetime: u16_at(4),
        },
        9 | 10 | 25 if !odd3 => return bad,
        9 => NdOptionRepr::SourceAddressList {
            reserved: reserved6(),
            addresses: Addresses::from_bytes(tail(6)),
        },
        10 => NdOptionRepr::TargetAddressList {
            reserved: reserved6(),
            addresses: Addresses::from_bytes(tail(6)),
        },
        14 => NdOptionRepr::Nonce(data),
        24 => {
            let prefix_length = byte(0);
            if prefix_length > 128 {
                return Err(ParseError::PrefixLength { prefix_length });
            }
            let needed = match prefix_length {
                0 => 1,
                1..=64 => 2,
                _ => 3,
            };
            if !(needed..=3).contains(&length) {
                return bad;
            }
            NdOptionRepr::RouteInformation(RouteInformation {
                prefix_length,
                preference: (byte(1) >> 3) & 0x03,
                reserved1: byte(1) >> 5,
                reserved2: byte(1) & 0x07,
                lifetime: u32_at(2),
                prefix: address_at(tail(6)),
            })
        }
        25 => NdOptionRepr::Rdnss {
            reserved: u16_at(0),
            lifetime: u32_at(2),
            addresses: Addresses::from_bytes(tail(6)),
        },
        26 => NdOptionRepr::RaFlagsExtension {
            flags: data
                .iter()
                .take(6)
                .fold(0u64, |n, &b| n << 8 | u64::from(b)),
        },
        31 if length < 2 => return bad,
        31 => NdOptionRepr::Dnssl {
            reserved: u16_at(0),
            lifetime: u32_at(2),
            domains: DomainNames::new(tail(6), offset.saturating_add(8))?,
        },
        37 => {
            let end = data
                .iter()
                .rposition(|&b| b != 0)
                .map_or(0, |i| i.saturating_add(1));
            NdOptionRepr::CaptivePortal(data.get(..end).unwrap_or_default())
        }
        38 if length != 2 => return bad,
        38 => NdOptionRepr::Pref64(Pref64 {
            scaled_lifetime: u16_at(0) >> 3,
            plc: byte(1) & 0x07,
            prefix: address_at(data.get(2..14).unwrap_or_default()),
        }),
        _ => NdOptionRepr::Unknown {
            kind: OptionType(kind),
            data,
        },
    })
}

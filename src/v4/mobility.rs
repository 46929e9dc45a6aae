//! Mobile IP agent advertisements (RFC 5944 section 2.1): a mobility agent sends a router
//! advertisement (type 9, code 0, or code 16 when it routes no common traffic) followed by
//! extensions, each `Type`, `Length` (bytes after these two) and data:
//!
//! * type 0, one-byte padding (section 2.1.3): a lone byte, no length;
//! * type 16, mobility agent advertisement (section 2.1.1): sequence number, registration
//!   lifetime, the flags R B H F M G r T U X I, then zero or more care-of addresses;
//! * type 19, prefix-lengths (section 2.1.2): one prefix length per router address;
//! * any other type is yielded raw: RFC 5944 section 1.9 has a receiver that does not know it
//!   silently discard the whole advertisement (types 0-127) or skip just the extension
//!   (128-255); that choice is the caller's.
//!
//! The extensions are what follows the router entries ([`RouterAdvertisement::payload`]);
//! [`RouterAdvertisement::agent_extensions`] iterates over them without copying, and
//! [`write_agent_extensions`] writes them for a [`RouterAdvertisementRepr`]'s `trailing` bytes.
//!
//! [`RouterAdvertisementRepr`]: crate::v4::RouterAdvertisementRepr

use core::net::Ipv4Addr;

use zerocopy::ByteSlice;

use super::{Ipv4Addresses, RouterAdvertisement};
use crate::error::{EmitError, ParseError, Part};

/// The extension type of a one-byte padding (RFC 5944 section 2.1.3).
const PADDING: u8 = 0;
/// The extension type of a mobility agent advertisement (RFC 5944 section 2.1.1).
const MOBILITY_AGENT: u8 = 16;
/// The extension type of a prefix-lengths extension (RFC 5944 section 2.1.2).
const PREFIX_LENGTHS: u8 = 19;
/// Sequence number, registration lifetime and flags: the fixed part of a type 16 extension.
const MOBILITY_AGENT_FIXED: usize = 6;

impl<B: ByteSlice> RouterAdvertisement<B> {
    /// The RFC 5944 agent advertisement extensions after the router entries (empty when
    /// nothing follows them). Meaningful for codes 0 and 16; the bytes are iterated whatever
    /// the code.
    ///
    /// ```
    /// use icmpwire::v4::{AgentExtension, RouterAdvertisement};
    ///
    /// // One router, then a mobility agent advertisement (sequence 7, lifetime 1800 s, flags
    /// // F and G: a foreign agent offering GRE) with one care-of address, and a prefix length.
    /// let bytes = [
    ///     9u8, 16, 0x14, 0xc8, 1, 2, 0x07, 0x08, 192, 0, 2, 1, 0, 0, 0, 0, //
    ///     16, 10, 0, 7, 0x07, 0x08, 0x14, 0x00, 192, 0, 2, 1, //
    ///     19, 1, 24,
    /// ];
    /// let ra = RouterAdvertisement::parse(&bytes[..]).unwrap();
    /// let mut ext = ra.agent_extensions();
    /// let Some(Ok(AgentExtension::MobilityAgent(agent))) = ext.next() else { panic!() };
    /// assert_eq!((agent.sequence(), agent.registration_lifetime()), (7, 1800));
    /// assert!(agent.foreign_agent() && agent.gre() && !agent.home_agent());
    /// assert_eq!(agent.care_of_addresses().next(), Some([192, 0, 2, 1].into()));
    /// assert_eq!(ext.next(), Some(Ok(AgentExtension::PrefixLengths(&[24]))));
    /// assert_eq!(ext.next(), None);
    /// ```
    #[must_use]
    pub fn agent_extensions(&self) -> AgentExtensions<'_> {
        AgentExtensions::new(self.payload())
    }
}

/// The RFC 5944 extensions of an agent advertisement, in order; see
/// [`RouterAdvertisement::agent_extensions`].
///
/// An extension whose `Length` runs past the bytes present ends the iteration with
/// [`ParseError::Truncated`] (part [`Part::AgentExtension`], required and present counted from
/// the extension's type byte). A mobility agent advertisement whose `Length` is below its 6
/// fixed bytes is [`ParseError::Truncated`] too (required 8, present its `Length` plus 2, both
/// from its type byte), and the extensions after it are still read, since its end is known.
///
/// ```
/// use icmpwire::{ParseError, Part};
/// use icmpwire::v4::{AgentExtension, AgentExtensions};
///
/// let mut ext = AgentExtensions::new(&[0, 61, 45, 0xb3, 0x07]);
/// assert_eq!(ext.next(), Some(Ok(AgentExtension::Padding)));
/// assert_eq!(
///     ext.next(),
///     Some(Err(ParseError::Truncated { part: Part::AgentExtension, required: 47, actual: 4 }))
/// );
/// assert_eq!(ext.next(), None);
/// ```
#[derive(Clone, Debug)]
pub struct AgentExtensions<'a> {
    rest: &'a [u8],
}

impl<'a> AgentExtensions<'a> {
    /// The extensions in `bytes` (what follows the router entries).
    ///
    /// ```
    /// assert_eq!(icmpwire::v4::AgentExtensions::new(&[]).count(), 0);
    /// ```
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        AgentExtensions { rest: bytes }
    }

    /// The bytes not read yet.
    ///
    /// ```
    /// let mut ext = icmpwire::v4::AgentExtensions::new(&[0, 19, 1, 24]);
    /// ext.next();
    /// assert_eq!(ext.remaining(), &[19, 1, 24]);
    /// ```
    #[must_use]
    pub fn remaining(&self) -> &'a [u8] {
        self.rest
    }
}

impl<'a> Iterator for AgentExtensions<'a> {
    type Item = Result<AgentExtension<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        let bytes = self.rest;
        let (&kind, after_kind) = bytes.split_first()?;
        if kind == PADDING {
            self.rest = after_kind;
            return Some(Ok(AgentExtension::Padding));
        }
        let truncated = |required: usize| {
            Err(ParseError::Truncated {
                part: Part::AgentExtension,
                required,
                actual: bytes.len(),
            })
        };
        let Some((&length, after_length)) = after_kind.split_first() else {
            self.rest = &[];
            return Some(truncated(2));
        };
        let Some((data, rest)) = after_length.split_at_checked(usize::from(length)) else {
            self.rest = &[];
            return Some(truncated(usize::from(length).saturating_add(2)));
        };
        self.rest = rest;
        Some(Ok(match kind {
            MOBILITY_AGENT if data.len() < MOBILITY_AGENT_FIXED => {
                return Some(Err(ParseError::Truncated {
                    part: Part::AgentExtension,
                    required: MOBILITY_AGENT_FIXED.saturating_add(2),
                    actual: data.len().saturating_add(2),
                }));
            }
            MOBILITY_AGENT => AgentExtension::MobilityAgent(MobilityAgentAdvertisement { data }),
            PREFIX_LENGTHS => AgentExtension::PrefixLengths(data),
            _ => AgentExtension::Other { kind, data },
        }))
    }
}

/// One RFC 5944 agent advertisement extension.
///
/// ```
/// use icmpwire::v4::{AgentExtension, AgentExtensions};
///
/// let mut ext = AgentExtensions::new(&[200, 2, 0xab, 0xcd]);
/// assert_eq!(ext.next(), Some(Ok(AgentExtension::Other { kind: 200, data: &[0xab, 0xcd] })));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum AgentExtension<'a> {
    /// One-byte padding (type 0, section 2.1.3).
    Padding,
    /// Mobility agent advertisement (type 16, section 2.1.1).
    MobilityAgent(MobilityAgentAdvertisement<'a>),
    /// Prefix-lengths (type 19, section 2.1.2): the prefix length of each router address, in
    /// the order of the router entries.
    PrefixLengths(&'a [u8]),
    /// Any other extension: its type and the `Length` bytes after the length byte.
    Other {
        /// The extension type.
        kind: u8,
        /// The extension's data.
        data: &'a [u8],
    },
}

impl AgentExtension<'_> {
    /// The extension type byte.
    ///
    /// ```
    /// use icmpwire::v4::AgentExtension;
    ///
    /// assert_eq!(AgentExtension::Padding.kind(), 0);
    /// assert_eq!(AgentExtension::PrefixLengths(&[24]).kind(), 19);
    /// ```
    #[must_use]
    pub fn kind(&self) -> u8 {
        match self {
            AgentExtension::Padding => PADDING,
            AgentExtension::MobilityAgent(_) => MOBILITY_AGENT,
            AgentExtension::PrefixLengths(_) => PREFIX_LENGTHS,
            AgentExtension::Other { kind, .. } => *kind,
        }
    }
}

/// The mobility agent advertisement extension (RFC 5944 section 2.1.1), over its data (the
/// `Length` bytes after the type and length bytes, at least 6).
///
/// ```
/// use icmpwire::v4::{AgentExtension, AgentExtensions};
///
/// let ext = [16u8, 6, 0x01, 0x00, 0xff, 0xff, 0x80, 0x00];
/// let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else {
///     panic!()
/// };
/// assert_eq!((agent.sequence(), agent.registration_lifetime()), (256, 0xffff));
/// assert!(agent.registration_required());
/// assert_eq!(agent.care_of_addresses().count(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MobilityAgentAdvertisement<'a> {
    data: &'a [u8],
}

impl<'a> MobilityAgentAdvertisement<'a> {
    fn word(&self, at: usize) -> u16 {
        match self.data.get(at..).and_then(<[u8]>::first_chunk::<2>) {
            Some(&word) => u16::from_be_bytes(word),
            None => 0,
        }
    }

    /// The extension's data as received (`Length` bytes).
    ///
    /// ```
    /// # use icmpwire::v4::{AgentExtension, AgentExtensions};
    /// # let ext = [16u8, 6, 0, 1, 0, 2, 0, 0];
    /// # let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else { panic!() };
    /// assert_eq!(agent.bytes(), &ext[2..]);
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.data
    }

    /// The sequence number: advertisements sent since the agent started (it lets a mobile node
    /// notice an agent reboot).
    ///
    /// ```
    /// # use icmpwire::v4::{AgentExtension, AgentExtensions};
    /// # let ext = [16u8, 6, 0, 1, 0, 2, 0, 0];
    /// # let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else { panic!() };
    /// assert_eq!(agent.sequence(), 1);
    /// ```
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.word(0)
    }

    /// The longest registration lifetime this agent accepts, in seconds (0xffff: infinite).
    ///
    /// ```
    /// # use icmpwire::v4::{AgentExtension, AgentExtensions};
    /// # let ext = [16u8, 6, 0, 1, 0, 2, 0, 0];
    /// # let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else { panic!() };
    /// assert_eq!(agent.registration_lifetime(), 2);
    /// ```
    #[must_use]
    pub fn registration_lifetime(&self) -> u16 {
        self.word(2)
    }

    /// The 16-bit flags word as received: R B H F M G r T U X I, then 5 reserved bits.
    ///
    /// ```
    /// # use icmpwire::v4::{AgentExtension, AgentExtensions};
    /// # let ext = [16u8, 6, 0, 1, 0, 2, 0xce, 0];
    /// # let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else { panic!() };
    /// assert_eq!(agent.flags(), 0xce00);
    /// ```
    #[must_use]
    pub fn flags(&self) -> u16 {
        self.word(4)
    }

    /// The care-of addresses a foreign agent offers (none for a home agent only). Bytes after
    /// the last whole address (a `Length` that is not 6 plus a multiple of 4) are not an
    /// address; [`bytes`](Self::bytes) keeps them.
    ///
    /// ```
    /// # use icmpwire::v4::{AgentExtension, AgentExtensions};
    /// let ext = [16u8, 15, 0, 1, 0, 2, 0x10, 0, 192, 0, 2, 9, 203, 0, 113, 5, 0xff];
    /// # let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else { panic!() };
    /// use std::net::Ipv4Addr;
    ///
    /// let coa: Vec<Ipv4Addr> = agent.care_of_addresses().collect();
    /// assert_eq!(coa, [Ipv4Addr::new(192, 0, 2, 9), Ipv4Addr::new(203, 0, 113, 5)]);
    /// ```
    #[must_use]
    pub fn care_of_addresses(&self) -> CareOfAddresses<'a> {
        Ipv4Addresses::from_bytes(self.data.get(MOBILITY_AGENT_FIXED..).unwrap_or(&[]))
    }
}

/// One accessor per flag of the 16-bit word after the registration lifetime (RFC 5944 section
/// 2.1.1: R B H F M G r T U X I from the top bit down, then 5 reserved bits), each with a
/// doctest that sets its bit alone.
macro_rules! agent_flags {
    ($($(#[doc = $doc:literal])* $name:ident = $bit:literal as [$hi:literal, $lo:literal];)*) => {
        impl MobilityAgentAdvertisement<'_> {$(
            $(#[doc = $doc])*
            ///
            /// ```
            /// use icmpwire::v4::{AgentExtension, AgentExtensions};
            ///
            #[doc = concat!("let ext = [16u8, 6, 0, 1, 0, 2, ", stringify!($hi), ", ", stringify!($lo), ", 16, 6, 0, 1, 0, 2, 0, 0];")]
            /// let mut it = AgentExtensions::new(&ext);
            /// let Some(Ok(AgentExtension::MobilityAgent(set))) = it.next() else { panic!() };
            /// let Some(Ok(AgentExtension::MobilityAgent(clear))) = it.next() else { panic!() };
            #[doc = concat!("assert!(set.", stringify!($name), "() && !clear.", stringify!($name), "());")]
            /// ```
            #[must_use]
            pub fn $name(&self) -> bool {
                self.flags() & $bit != 0
            }
        )*}
    };
}

agent_flags! {
    /// R: registration with this foreign agent is required, even for a co-located care-of
    /// address.
    registration_required = 0x8000 as [0x80, 0];
    /// B: the foreign agent is busy and accepts no more registrations.
    busy = 0x4000 as [0x40, 0];
    /// H: the agent is a home agent on this link.
    home_agent = 0x2000 as [0x20, 0];
    /// F: the agent is a foreign agent on this link.
    foreign_agent = 0x1000 as [0x10, 0];
    /// M: the agent accepts minimal encapsulation (RFC 2004).
    minimal_encapsulation = 0x0800 as [0x08, 0];
    /// G: the agent accepts GRE encapsulation (RFC 1701).
    gre = 0x0400 as [0x04, 0];
    /// T: the foreign agent supports reverse tunnelling (RFC 3024).
    reverse_tunneling = 0x0100 as [0x01, 0];
    /// U: the agent supports UDP tunnelling (RFC 3519).
    udp_tunneling = 0x0080 as [0, 0x80];
    /// X: the agent supports registration revocation (RFC 3543).
    revocation = 0x0040 as [0, 0x40];
    /// I: the foreign agent supports regional registration (RFC 4857).
    regional_registration = 0x0020 as [0, 0x20];
}

/// The care-of addresses of a mobility agent advertisement; see
/// [`MobilityAgentAdvertisement::care_of_addresses`]. The same list as a route option's
/// addresses.
///
/// ```
/// use icmpwire::v4::{AgentExtension, AgentExtensions};
///
/// let ext = [16u8, 10, 0, 1, 0, 2, 0x10, 0, 192, 0, 2, 9];
/// let Some(Ok(AgentExtension::MobilityAgent(agent))) = AgentExtensions::new(&ext).next() else {
///     panic!()
/// };
/// assert_eq!(agent.care_of_addresses().len(), 1);
/// ```
pub type CareOfAddresses<'a> = Ipv4Addresses<'a>;

/// One RFC 5944 extension to write with [`write_agent_extensions`].
///
/// ```
/// use icmpwire::v4::AgentExtensionRepr;
///
/// assert_eq!(AgentExtensionRepr::Padding.len(), 1);
/// assert_eq!(AgentExtensionRepr::PrefixLengths(&[24, 16]).len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum AgentExtensionRepr<'a> {
    /// One-byte padding (type 0).
    Padding,
    /// Mobility agent advertisement (type 16): `Length` is 6 plus 4 per care-of address.
    MobilityAgent {
        /// Sequence number.
        sequence: u16,
        /// Longest registration lifetime accepted, in seconds (0xffff: infinite).
        registration_lifetime: u16,
        /// The flags word: R B H F M G r T U X I (bit 15 down to bit 5), then reserved bits.
        flags: u16,
        /// Care-of addresses offered.
        care_of_addresses: &'a [Ipv4Addr],
    },
    /// Prefix-lengths (type 19): one per router address, in entry order.
    PrefixLengths(&'a [u8]),
    /// Any extension as type and data, written as given: `Length` is the data's length and
    /// nothing else is checked (a type 16 or 19 written this way is read back by its own rules).
    /// Type 0 is the one-byte padding and takes no data.
    Other {
        /// The extension type.
        kind: u8,
        /// The data after the length byte.
        data: &'a [u8],
    },
}

impl AgentExtensionRepr<'_> {
    /// The type and the bytes after the type and length bytes.
    fn kind_and_data_len(&self) -> (u8, usize) {
        match self {
            AgentExtensionRepr::Padding => (PADDING, 0),
            AgentExtensionRepr::MobilityAgent {
                care_of_addresses, ..
            } => (
                MOBILITY_AGENT,
                care_of_addresses
                    .len()
                    .saturating_mul(4)
                    .saturating_add(MOBILITY_AGENT_FIXED),
            ),
            AgentExtensionRepr::PrefixLengths(p) => (PREFIX_LENGTHS, p.len()),
            AgentExtensionRepr::Other { kind, data } => (*kind, data.len()),
        }
    }

    /// The bytes this extension takes: 1 for padding, else 2 plus its data.
    ///
    /// ```
    /// use icmpwire::v4::AgentExtensionRepr;
    ///
    /// let coa = [[192, 0, 2, 1].into()];
    /// let agent = AgentExtensionRepr::MobilityAgent {
    ///     sequence: 0,
    ///     registration_lifetime: 1800,
    ///     flags: 0x1000,
    ///     care_of_addresses: &coa,
    /// };
    /// assert_eq!(agent.len(), 12);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self.kind_and_data_len() {
            (PADDING, _) => 1,
            (_, len) => len.saturating_add(2),
        }
    }

    fn check(&self) -> Result<(), EmitError> {
        let (kind, len) = self.kind_and_data_len();
        if len > usize::from(u8::MAX) || (kind == PADDING && len > 0) {
            return Err(EmitError::AgentExtension { kind, len });
        }
        Ok(())
    }

    /// Writes the extension into `out`, exactly [`len`](Self::len) bytes (checked before).
    fn write(&self, out: &mut [u8]) {
        let (kind, len) = self.kind_and_data_len();
        let Some((head, data)) = out.split_first_mut() else {
            return;
        };
        *head = kind;
        if kind == PADDING {
            return;
        }
        let Some((length, data)) = data.split_first_mut() else {
            return;
        };
        *length = u8::try_from(len).unwrap_or(u8::MAX);
        match self {
            AgentExtensionRepr::MobilityAgent {
                sequence,
                registration_lifetime,
                flags,
                care_of_addresses,
            } => {
                let (fixed, addresses) = data.split_at_mut(MOBILITY_AGENT_FIXED.min(data.len()));
                for (dst, word) in
                    fixed
                        .chunks_exact_mut(2)
                        .zip([*sequence, *registration_lifetime, *flags])
                {
                    dst.copy_from_slice(&word.to_be_bytes());
                }
                for (dst, a) in addresses.chunks_exact_mut(4).zip(*care_of_addresses) {
                    dst.copy_from_slice(&a.octets());
                }
            }
            AgentExtensionRepr::PrefixLengths(bytes)
            | AgentExtensionRepr::Other { data: bytes, .. } => {
                if let Some(dst) = data.get_mut(..bytes.len()) {
                    dst.copy_from_slice(bytes);
                }
            }
            AgentExtensionRepr::Padding => {}
        }
    }
}

/// The bytes [`write_agent_extensions`] writes for `extensions`.
///
/// ```
/// use icmpwire::v4::{AgentExtensionRepr, agent_extensions_len};
///
/// let list = [AgentExtensionRepr::Padding, AgentExtensionRepr::PrefixLengths(&[24])];
/// assert_eq!(agent_extensions_len(&list), 4);
/// ```
#[must_use]
pub fn agent_extensions_len(extensions: &[AgentExtensionRepr<'_>]) -> usize {
    extensions
        .iter()
        .fold(0usize, |n, e| n.saturating_add(e.len()))
}

/// Writes RFC 5944 extensions into the start of `out` and returns how many bytes they took:
/// the `trailing` bytes of a [`RouterAdvertisementRepr`](crate::v4::RouterAdvertisementRepr) that
/// makes a mobility agent advertisement.
///
/// ```
/// use icmpwire::v4::{
///     AgentExtensionRepr, Message, Repr, RouterAdvertisementCode, RouterAdvertisementRepr,
///     RouterEntriesRepr, RouterEntry, write_agent_extensions,
/// };
///
/// let router = [RouterEntry { address: [192, 0, 2, 1].into(), preference: 0 }];
/// let coa = [[192, 0, 2, 1].into()];
/// let mut ext = [0u8; 32];
/// let n = write_agent_extensions(
///     &[
///         AgentExtensionRepr::MobilityAgent {
///             sequence: 7,
///             registration_lifetime: 1800,
///             flags: 0x1400, // F and G: a foreign agent offering GRE
///             care_of_addresses: &coa,
///         },
///         AgentExtensionRepr::PrefixLengths(&[24]),
///     ],
///     &mut ext,
/// )
/// .unwrap();
/// let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
///     code: RouterAdvertisementCode::NOT_COMMON_TRAFFIC,
///     lifetime: 1800,
///     entries: RouterEntriesRepr::List(&router),
///     trailing: &ext[..n],
/// });
/// let mut buf = [0u8; 64];
/// let len = repr.emit(&mut buf).unwrap();
/// let Ok(Message::RouterAdvertisement(ra)) = Message::parse(&buf[..len]) else { panic!() };
/// assert_eq!(ra.agent_extensions().count(), 2);
/// ```
///
/// # Errors
///
/// [`EmitError::AgentExtension`] for an extension that cannot be written (nothing written),
/// [`EmitError::BufferTooSmall`] (nothing written).
pub fn write_agent_extensions(
    extensions: &[AgentExtensionRepr<'_>],
    out: &mut [u8],
) -> Result<usize, EmitError> {
    for e in extensions {
        e.check()?;
    }
    let required = agent_extensions_len(extensions);
    let mut rest = crate::write::room(out, required)?;
    for e in extensions {
        let (this, tail) = rest.split_at_mut(e.len().min(rest.len()));
        e.write(this);
        rest = tail;
    }
    Ok(required)
}

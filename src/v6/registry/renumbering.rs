//! Router renumbering (138), RFC 2894 section 3: a 16-byte header (sequence number, segment
//! number, flags T R A S P, maximum delay, reserved), then by code the command's prefix control
//! operations (code 0, section 3.2), the result's match results (code 1, section 3.3), or
//! nothing (code 255, sequence number reset).
//!
//! Both lists are read lazily by zero-copy iterators that end with a typed error where the
//! bytes stop making sense: an operation cut short ([`Part::PrefixControl`]) or whose OpLength
//! is below 3, the match-prefix part's own length ([`ParseError::PrefixControlLength`]), a match
//! result cut short ([`Part::MatchResult`]). An operation whose OpLength is 3 or more but not
//! 3 + 4n is yielded, its use-prefix parts refused ([`ParseError::PrefixControlLength`]).

use core::net::Ipv6Addr;

use zerocopy::network_endian::{U16, U32};
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::{ParseError, Part};
use crate::message::build::{Body, Describe};
use crate::v6::V6;
use crate::view::{Fields, View, sealed};

/// The 12 bytes of a router renumbering header after the checksum (RFC 2894 section 3.1).
///
/// ```
/// let bytes = [138u8, 255, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0];
/// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().sequence_number(), 9);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct RouterRenumberingFields {
    sequence: U32,
    segment: u8,
    flags: u8,
    max_delay: U16,
    reserved: U32,
}

impl sealed::Sealed for RouterRenumberingFields {}

impl Fields<V6> for RouterRenumberingFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[138];
    const PART: Part = Part::RouterRenumbering;
    const NAME: &'static str = "RouterRenumbering";
}

/// A router renumbering message (138), RFC 2894 section 3.
///
/// ```
/// use icmpwire::v6::RouterRenumbering;
///
/// // scapy6-00393 of the oracle: a command with one operation and no use-prefix part.
/// let mut bytes = vec![0x8a, 0, 0x31, 0x4a, 0x92, 0x57, 0x5c, 0xa7, 0xbe, 0x78, 0xc1, 0xa6, 0, 0, 0, 0];
/// bytes.extend_from_slice(&[1, 3, 0x3a, 0x40, 0, 0x80, 0, 0]);
/// bytes.extend_from_slice(&"2001:db8:e724::".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let rr = RouterRenumbering::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((rr.sequence_number(), rr.segment_number(), rr.max_delay()), (2455198887, 190, 49574));
/// assert!(rr.result() && rr.all_interfaces() && rr.site_specific() && rr.processed_previously() && !rr.test());
/// let op = rr.prefix_control_operations().next().unwrap().unwrap();
/// assert_eq!((op.opcode(), op.ordinal(), op.match_length()), (1, 0x3a, 64));
/// assert_eq!(op.use_prefixes().unwrap().count(), 0);
/// ```
pub type RouterRenumbering<B> = View<V6, B, RouterRenumberingFields>;

impl<B: ByteSlice> View<V6, B, RouterRenumberingFields> {
    /// SequenceNumber.
    ///
    /// ```
    /// let bytes = [138u8, 255, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().sequence_number(), 1 << 24);
    /// ```
    #[must_use]
    pub fn sequence_number(&self) -> u32 {
        self.fields().sequence.get()
    }

    /// SegmentNumber.
    ///
    /// ```
    /// let bytes = [138u8, 255, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().segment_number(), 5);
    /// ```
    #[must_use]
    pub fn segment_number(&self) -> u8 {
        self.fields().segment
    }

    /// The flags byte as received: T, R, A, S, P from the top bit, then 3 reserved bits.
    ///
    /// ```
    /// let bytes = [138u8, 255, 0, 0, 0, 0, 0, 0, 0, 0x87, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().flags(), 0x87);
    /// ```
    #[must_use]
    pub fn flags(&self) -> u8 {
        self.fields().flags
    }

    /// T: a test command, to be processed without changing any prefix.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().test());
    /// ```
    #[must_use]
    pub fn test(&self) -> bool {
        self.flags() & 0x80 != 0
    }

    /// R: a result message is requested.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().result());
    /// ```
    #[must_use]
    pub fn result(&self) -> bool {
        self.flags() & 0x40 != 0
    }

    /// A: apply to all interfaces, administratively shut down or not.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0x20, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().all_interfaces());
    /// ```
    #[must_use]
    pub fn all_interfaces(&self) -> bool {
        self.flags() & 0x20 != 0
    }

    /// S: site-specific, applied only to interfaces of the same site.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().site_specific());
    /// ```
    #[must_use]
    pub fn site_specific(&self) -> bool {
        self.flags() & 0x10 != 0
    }

    /// P: processed previously (a result message only).
    ///
    /// ```
    /// let bytes = [138u8, 1, 0, 0, 0, 0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().processed_previously());
    /// ```
    #[must_use]
    pub fn processed_previously(&self) -> bool {
        self.flags() & 0x08 != 0
    }

    /// MaxDelay in milliseconds.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().max_delay(), 0x0102);
    /// ```
    #[must_use]
    pub fn max_delay(&self) -> u16 {
        self.fields().max_delay.get()
    }

    /// The reserved 32 bits.
    ///
    /// ```
    /// let bytes = [138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3];
    /// assert_eq!(icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap().reserved(), 3);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u32 {
        self.fields().reserved.get()
    }

    /// A command's prefix control operations (code 0; empty for another code).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part};
    ///
    /// let mut bytes = vec![138u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// bytes.extend_from_slice(&[1, 3, 0, 64, 0, 128, 0, 0, 0x20, 1]); // cut after 10 bytes
    /// let rr = icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap();
    /// let first = rr.prefix_control_operations().next().unwrap();
    /// assert_eq!(first.unwrap_err(), ParseError::Truncated { part: Part::PrefixControl, required: 24, actual: 10 });
    /// ```
    pub fn prefix_control_operations(&self) -> PrefixControls<'_> {
        let bytes = if self.code_u8() == 0 {
            self.payload()
        } else {
            &[]
        };
        PrefixControls {
            rest: bytes,
            offset: self.payload_offset(),
        }
    }

    /// A result's match results (code 1; empty for another code).
    ///
    /// ```
    /// let mut bytes = vec![138u8, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// bytes.extend_from_slice(&[0, 2, 45, 64, 0, 0, 0, 3]);
    /// bytes.extend_from_slice(&"2001:db8:81a3:5c44::".parse::<core::net::Ipv6Addr>().unwrap().octets());
    /// let rr = icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap();
    /// let m = rr.match_results().next().unwrap().unwrap();
    /// assert!(m.b_flag() && !m.f_flag());
    /// assert_eq!((m.ordinal(), m.matched_length(), m.interface_index()), (45, 64, 3));
    /// ```
    pub fn match_results(&self) -> MatchResults<'_> {
        let bytes = if self.code_u8() == 1 {
            self.payload()
        } else {
            &[]
        };
        MatchResults { rest: bytes }
    }

    /// The owned description of this message (its body as bytes).
    ///
    /// ```
    /// let bytes = [138u8, 255, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let m = icmpwire::v6::RouterRenumbering::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!((m.to_repr().code, m.to_repr().sequence_number), (255, 7));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RouterRenumberingRepr<'_> {
        RouterRenumberingRepr {
            code: self.code_u8(),
            sequence_number: self.sequence_number(),
            segment_number: self.segment_number(),
            flags: self.flags(),
            max_delay: self.max_delay(),
            reserved: self.reserved(),
            body: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> View<V6, B, RouterRenumberingFields> {
    /// Sets the sequence number; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [138u8, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// icmpwire::v6::RouterRenumbering::parse_unverified(&mut bytes[..]).unwrap().set_sequence_number(0x01020304);
    /// assert_eq!(bytes[4..8], [1, 2, 3, 4]);
    /// ```
    pub fn set_sequence_number(&mut self, sequence: u32) {
        self.modify(|f| f.sequence = U32::new(sequence));
    }

    /// Sets the flags byte.
    ///
    /// ```
    /// let mut bytes = [138u8, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// icmpwire::v6::RouterRenumbering::parse_unverified(&mut bytes[..]).unwrap().set_flags(0x80);
    /// assert_eq!(bytes[9], 0x80);
    /// ```
    pub fn set_flags(&mut self, flags: u8) {
        self.modify(|f| f.flags = flags);
    }
}

/// The bytes of a 16-byte address at `at` in `bytes` (zeros where they run out: callers check
/// lengths first).
fn prefix_at(bytes: &[u8], at: usize) -> Ipv6Addr {
    let mut a = [0u8; 16];
    if let Some(src) = bytes.get(at..).and_then(<[u8]>::first_chunk::<16>) {
        a = *src;
    }
    Ipv6Addr::from(a)
}

/// Byte `i` of `bytes`, 0 past the end.
fn byte(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).copied().unwrap_or(0)
}

/// The 32-bit word at `at`.
fn word(bytes: &[u8], at: usize) -> u32 {
    u32::from_be_bytes([
        byte(bytes, at),
        byte(bytes, at.saturating_add(1)),
        byte(bytes, at.saturating_add(2)),
        byte(bytes, at.saturating_add(3)),
    ])
}

/// The prefix control operations of a router renumbering command, in order.
///
/// ```
/// let ops = icmpwire::v6::PrefixControls::new(&[], 16);
/// assert_eq!(ops.count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct PrefixControls<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> PrefixControls<'a> {
    /// The operations in `bytes`, which start at `offset` in their message.
    ///
    /// ```
    /// let mut op = vec![1u8, 3, 0, 64, 0, 128, 0, 0];
    /// op.extend_from_slice(&[0u8; 16]);
    /// assert_eq!(icmpwire::v6::PrefixControls::new(&op, 16).count(), 1);
    /// ```
    #[must_use]
    pub const fn new(bytes: &'a [u8], offset: usize) -> Self {
        PrefixControls {
            rest: bytes,
            offset,
        }
    }
}

impl<'a> Iterator for PrefixControls<'a> {
    type Item = Result<PrefixControl<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let actual = self.rest.len();
        // The match-prefix part (3 units) at least, then what OpLength announces.
        let units = usize::from(self.rest.get(1).copied().unwrap_or(3)).max(3);
        let required = units.saturating_mul(8);
        let Some((op, tail)) = self.rest.split_at_checked(required) else {
            self.rest = &[];
            return Some(Err(ParseError::Truncated {
                part: Part::PrefixControl,
                required,
                actual,
            }));
        };
        if self.rest.get(1).is_some_and(|&l| l < 3) {
            self.rest = &[];
            return Some(Err(ParseError::PrefixControlLength {
                offset: self.offset,
                oplength: byte(op, 1),
            }));
        }
        let at = self.offset;
        self.rest = tail;
        self.offset = self.offset.saturating_add(required);
        Some(Ok(PrefixControl {
            bytes: op,
            offset: at,
        }))
    }
}

/// One prefix control operation (RFC 2894 section 3.2): its match-prefix part and use-prefix
/// parts.
///
/// ```
/// let mut op = vec![2u8, 3, 7, 48, 0, 128, 0, 0];
/// op.extend_from_slice(&"2001:db8::".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let pco = icmpwire::v6::PrefixControls::new(&op, 16).next().unwrap().unwrap();
/// assert_eq!((pco.opcode(), pco.oplength(), pco.ordinal(), pco.match_length()), (2, 3, 7, 48));
/// assert_eq!((pco.min_length(), pco.max_length(), pco.reserved()), (0, 128, 0));
/// assert_eq!(pco.match_prefix().to_string(), "2001:db8::");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PrefixControl<'a> {
    bytes: &'a [u8],
    offset: usize,
}

impl<'a> PrefixControl<'a> {
    /// OpCode: 1 ADD, 2 CHANGE, 3 SET-GLOBAL.
    #[must_use]
    pub fn opcode(&self) -> u8 {
        byte(self.bytes, 0)
    }

    /// OpLength in units of 8 octets.
    #[must_use]
    pub fn oplength(&self) -> u8 {
        byte(self.bytes, 1)
    }

    /// Ordinal.
    #[must_use]
    pub fn ordinal(&self) -> u8 {
        byte(self.bytes, 2)
    }

    /// MatchLen: the bits of the match prefix that are significant.
    #[must_use]
    pub fn match_length(&self) -> u8 {
        byte(self.bytes, 3)
    }

    /// MinLen.
    #[must_use]
    pub fn min_length(&self) -> u8 {
        byte(self.bytes, 4)
    }

    /// MaxLen.
    #[must_use]
    pub fn max_length(&self) -> u8 {
        byte(self.bytes, 5)
    }

    /// The reserved 16 bits.
    #[must_use]
    pub fn reserved(&self) -> u16 {
        u16::from_be_bytes([byte(self.bytes, 6), byte(self.bytes, 7)])
    }

    /// MatchPrefix.
    #[must_use]
    pub fn match_prefix(&self) -> Ipv6Addr {
        prefix_at(self.bytes, 8)
    }

    /// The operation's offset in its message.
    ///
    /// ```
    /// let op = [1u8, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::PrefixControls::new(&op, 16).next().unwrap().unwrap().offset(), 16);
    /// ```
    #[must_use]
    pub const fn offset(&self) -> usize {
        self.offset
    }

    /// The use-prefix parts, 32 bytes each.
    ///
    /// ```
    /// use icmpwire::ParseError;
    ///
    /// let op = [1u8, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let pco = icmpwire::v6::PrefixControls::new(&op, 16).next().unwrap().unwrap();
    /// assert_eq!(pco.use_prefixes().err(), Some(ParseError::PrefixControlLength { offset: 16, oplength: 4 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::PrefixControlLength`] when OpLength is not 3 + 4n.
    pub fn use_prefixes(
        &self,
    ) -> Result<impl Iterator<Item = UsePrefix<'a>> + use<'a>, ParseError> {
        if !self.oplength().wrapping_sub(3).is_multiple_of(4) {
            return Err(ParseError::PrefixControlLength {
                offset: self.offset,
                oplength: self.oplength(),
            });
        }
        let parts = self.bytes.get(24..).unwrap_or_default();
        Ok(parts.chunks_exact(32).map(|bytes| UsePrefix { bytes }))
    }
}

/// One use-prefix part of a prefix control operation (RFC 2894 section 3.2.2).
///
/// ```
/// let mut op = vec![1u8, 7, 0, 0, 0, 0, 0, 0];
/// op.extend_from_slice(&[0u8; 16]);
/// op.extend_from_slice(&[64, 48, 0xc0, 0xc0, 0, 1, 0x51, 0x80, 0, 0, 0x38, 0x40, 0xc0, 0, 0, 0]);
/// op.extend_from_slice(&"2001:db8:66eb:139a::".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let pco = icmpwire::v6::PrefixControls::new(&op, 16).next().unwrap().unwrap();
/// let u = pco.use_prefixes().unwrap().next().unwrap();
/// assert_eq!((u.use_length(), u.keep_length(), u.flag_mask(), u.ra_flags()), (64, 48, 0xc0, 0xc0));
/// assert_eq!((u.valid_lifetime(), u.preferred_lifetime()), (86400, 14400));
/// assert!(u.v_flag() && u.p_flag());
/// assert_eq!((u.reserved(), u.use_prefix().to_string().as_str()), (0, "2001:db8:66eb:139a::"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UsePrefix<'a> {
    bytes: &'a [u8],
}

impl UsePrefix<'_> {
    /// UseLen.
    #[must_use]
    pub fn use_length(&self) -> u8 {
        byte(self.bytes, 0)
    }

    /// KeepLen.
    #[must_use]
    pub fn keep_length(&self) -> u8 {
        byte(self.bytes, 1)
    }

    /// FlagMask.
    #[must_use]
    pub fn flag_mask(&self) -> u8 {
        byte(self.bytes, 2)
    }

    /// RAFlags.
    #[must_use]
    pub fn ra_flags(&self) -> u8 {
        byte(self.bytes, 3)
    }

    /// Valid Lifetime in seconds.
    #[must_use]
    pub fn valid_lifetime(&self) -> u32 {
        word(self.bytes, 4)
    }

    /// Preferred Lifetime in seconds.
    #[must_use]
    pub fn preferred_lifetime(&self) -> u32 {
        word(self.bytes, 8)
    }

    /// V: decrement the valid lifetime in real time.
    #[must_use]
    pub fn v_flag(&self) -> bool {
        byte(self.bytes, 12) & 0x80 != 0
    }

    /// P: decrement the preferred lifetime in real time.
    #[must_use]
    pub fn p_flag(&self) -> bool {
        byte(self.bytes, 12) & 0x40 != 0
    }

    /// The 30 reserved bits after V and P.
    #[must_use]
    pub fn reserved(&self) -> u32 {
        word(self.bytes, 12) & 0x3FFF_FFFF
    }

    /// UsePrefix.
    #[must_use]
    pub fn use_prefix(&self) -> Ipv6Addr {
        prefix_at(self.bytes, 16)
    }
}

/// The match results of a router renumbering result, 24 bytes each, in order.
///
/// ```
/// use icmpwire::{ParseError, Part};
///
/// let mut results = icmpwire::v6::MatchResults::new(&[0u8; 30]);
/// assert!(results.next().unwrap().is_ok());
/// assert_eq!(results.next().unwrap().unwrap_err(), ParseError::Truncated { part: Part::MatchResult, required: 24, actual: 6 });
/// assert!(results.next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct MatchResults<'a> {
    rest: &'a [u8],
}

impl<'a> MatchResults<'a> {
    /// The match results in `bytes`.
    ///
    /// ```
    /// assert_eq!(icmpwire::v6::MatchResults::new(&[]).count(), 0);
    /// ```
    #[must_use]
    pub const fn new(bytes: &'a [u8]) -> Self {
        MatchResults { rest: bytes }
    }
}

impl<'a> Iterator for MatchResults<'a> {
    type Item = Result<MatchResult<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match self.rest.split_at_checked(24) {
            Some((bytes, tail)) => {
                self.rest = tail;
                Some(Ok(MatchResult { bytes }))
            }
            None => {
                let actual = self.rest.len();
                self.rest = &[];
                Some(Err(ParseError::Truncated {
                    part: Part::MatchResult,
                    required: 24,
                    actual,
                }))
            }
        }
    }
}

/// One match result (RFC 2894 section 3.3).
///
/// ```
/// let mut bytes = [0u8; 24];
/// bytes[1] = 1; // F
/// bytes[7] = 6;
/// let m = icmpwire::v6::MatchResults::new(&bytes).next().unwrap().unwrap();
/// assert!(m.f_flag() && !m.b_flag());
/// assert_eq!((m.interface_index(), m.reserved()), (6, 0));
/// assert!(m.matched_prefix().is_unspecified());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatchResult<'a> {
    bytes: &'a [u8],
}

impl MatchResult<'_> {
    /// The 14 reserved bits before B and F.
    #[must_use]
    pub fn reserved(&self) -> u16 {
        u16::from_be_bytes([byte(self.bytes, 0), byte(self.bytes, 1)]) >> 2
    }

    /// B (bounds): one or more fields of the prefix control operation matched were out of
    /// bounds (RFC 2894 section 3.3; the checks of section 4.1).
    #[must_use]
    pub fn b_flag(&self) -> bool {
        byte(self.bytes, 1) & 0x02 != 0
    }

    /// F (forbidden): one or more use-prefix parts were not honoured because they would have
    /// formed a forbidden prefix (multicast, loopback, ...; RFC 2894 section 3.3).
    #[must_use]
    pub fn f_flag(&self) -> bool {
        byte(self.bytes, 1) & 0x01 != 0
    }

    /// Ordinal of the operation matched.
    #[must_use]
    pub fn ordinal(&self) -> u8 {
        byte(self.bytes, 2)
    }

    /// MatchedLen.
    #[must_use]
    pub fn matched_length(&self) -> u8 {
        byte(self.bytes, 3)
    }

    /// InterfaceIndex.
    #[must_use]
    pub fn interface_index(&self) -> u32 {
        word(self.bytes, 4)
    }

    /// MatchedPrefix.
    #[must_use]
    pub fn matched_prefix(&self) -> Ipv6Addr {
        prefix_at(self.bytes, 8)
    }
}

/// A router renumbering message to write (138): the header's fields and the body (prefix
/// control operations or match results) as bytes.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Repr, RouterRenumberingRepr};
///
/// let repr = Repr::RouterRenumbering(RouterRenumberingRepr { code: 255, sequence_number: 3, flags: 0x80, ..Default::default() });
/// let mut buf = [0u8; 16];
/// assert_eq!(repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf), Ok(16));
/// assert_eq!((buf[7], buf[9]), (3, 0x80));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterRenumberingRepr<'a> {
    /// The code: 0 command, 1 result, 255 sequence number reset.
    pub code: u8,
    /// SequenceNumber.
    pub sequence_number: u32,
    /// SegmentNumber.
    pub segment_number: u8,
    /// The flags byte (T R A S P and 3 reserved bits).
    pub flags: u8,
    /// MaxDelay.
    pub max_delay: u16,
    /// The reserved 32 bits.
    pub reserved: u32,
    /// The operations or match results, as bytes.
    pub body: &'a [u8],
}

impl Describe for RouterRenumberingRepr<'_> {
    type Fields = RouterRenumberingFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = RouterRenumberingFields {
            sequence: U32::new(self.sequence_number),
            segment: self.segment_number,
            flags: self.flags,
            max_delay: U16::new(self.max_delay),
            reserved: U32::new(self.reserved),
        };
        (self.code, fields, Body::Bytes(self.body))
    }
}

//! Fuzzing with icmpwire (feature `arbitrary`): well-formed and near-valid ICMPv4 messages to
//! feed someone else's parser, `Arbitrary` for every builder description, and a fix-up that
//! lets a libFuzzer custom mutator get past checksum checks.
//!
//! * [`Repr`](crate::v4::Repr) and every `*Repr` implement [`arbitrary::Arbitrary`]: any value they produce
//!   emits without error and parses back to itself. Their byte fields are borrowed from the
//!   fuzzer's input, so the error messages carry no extension objects and their quotes are
//!   raw bytes.
//! * [`Packet`] is a whole message in an owned buffer, built with everything a real sender
//!   puts in it: a plausible quoted IPv4 datagram (options, UDP, TCP or ICMP after it, RFC 792
//!   or RFC 1812 length), RFC 4884 extension objects (MPLS, interface information and
//!   identification, RFC 4950, 5837, 8335), RFC 8335 probes with their identification object.
//!   It always parses with icmpwire, checksum verified.
//! * [`NearValid`] is a packet with one deliberate [`Flaw`] (a bad checksum, a cut fixed part,
//!   a cut quote, an RFC 4884 length past the end, too many router entries, an entry size below
//!   2 words, a bad extension checksum, a bad object length) for negative tests: the rest of
//!   the message is right, checksums included, so the flaw is what a parser meets.
//! * [`fix_up`] rewrites the counts, lengths and checksums of a message after a byte-level
//!   mutation: a custom mutator calls it so that coverage-guided fuzzing of a parser that
//!   verifies checksums reaches the code behind the check.
//!
//! This module allocates (the `arbitrary` crate needs `std`); the rest of the crate does not.
//!
//! Someone else's parser, fuzzed with icmpwire-built packets: `fuzz/fuzz_targets/their.rs`
//! in a cargo-fuzz crate that depends on icmpwire with the `arbitrary` feature.
//!
//! ```ignore
//! #![no_main]
//! libfuzzer_sys::fuzz_target!(|packet: icmpwire::fuzzing::Packet| {
//!     their_crate::parse_icmp(packet.as_bytes());
//! });
//! ```
//!
//! The same, driven here by a fixed input instead of libFuzzer:
//!
//! ```
//! use arbitrary::{Arbitrary, Unstructured};
//! use icmpwire::fuzzing::{Flaw, NearValid, Packet};
//!
//! fn their_parser(bytes: &[u8]) -> Option<u8> {
//!     bytes.first().copied() // stands for the parser under test
//! }
//!
//! let input: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
//! let mut u = Unstructured::new(&input);
//! let packet = Packet::arbitrary(&mut u).unwrap();
//! assert!(icmpwire::v4::Message::parse(packet.as_bytes()).is_ok());
//! their_parser(packet.as_bytes());
//!
//! let bad = NearValid::arbitrary(&mut u).unwrap();
//! if bad.flaw() == Flaw::BadChecksum {
//!     assert!(icmpwire::v4::Message::parse(bad.as_bytes()).is_err());
//! }
//! their_parser(bad.as_bytes());
//! ```

/// `Arbitrary` for the open `u8` newtypes: every value, named or not.
macro_rules! arbitrary_u8 {
    ($($ty:ty),*) => {$(
        impl<'a> Arbitrary<'a> for $ty {
            fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
                Ok(Self(u.arbitrary()?))
            }
            fn size_hint(_depth: usize) -> (usize, Option<usize>) {
                (1, Some(1))
            }
        }
    )*};
}

mod build;
mod reprs;
mod v6;

use alloc::vec::Vec;

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::extension;
use crate::synth::store_checksum;

/// A well-formed ICMPv4 message in an owned buffer, built the way real senders build them (see
/// the module docs). It parses with [`Message::parse`](crate::v4::Message::parse).
///
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use icmpwire::fuzzing::Packet;
///
/// let input = [7u8; 512];
/// let packet = Packet::arbitrary(&mut Unstructured::new(&input)).unwrap();
/// assert!(icmpwire::v4::Message::parse(packet.as_bytes()).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Packet {
    bytes: Vec<u8>,
}

impl Packet {
    /// The message's bytes, from the type byte.
    ///
    /// ```
    /// # use arbitrary::{Arbitrary, Unstructured};
    /// let packet = icmpwire::fuzzing::Packet::arbitrary(&mut Unstructured::new(&[0; 64])).unwrap();
    /// assert!(packet.as_bytes().len() >= 8);
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The buffer.
    ///
    /// ```
    /// # use arbitrary::{Arbitrary, Unstructured};
    /// let packet = icmpwire::fuzzing::Packet::arbitrary(&mut Unstructured::new(&[0; 64])).unwrap();
    /// let bytes: Vec<u8> = packet.into_bytes();
    /// assert!(icmpwire::checksum::verify(&bytes));
    /// ```
    #[must_use]
    pub fn into_bytes(self) -> Vec<u8> {
        self.bytes
    }
}

impl AsRef<[u8]> for Packet {
    fn as_ref(&self) -> &[u8] {
        &self.bytes
    }
}

impl<'a> Arbitrary<'a> for Packet {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind = u.int_in_range(0u8..=21)?;
        build::build(u, kind, None).map(|bytes| Self { bytes })
    }
}

/// What is wrong with a [`NearValid`] message, and what icmpwire makes of it.
///
/// ```
/// use icmpwire::fuzzing::Flaw;
///
/// assert_ne!(Flaw::BadChecksum, Flaw::CutFixedPart);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Flaw {
    /// The ICMP checksum is wrong: [`ParseError::BadChecksum`](crate::ParseError::BadChecksum).
    BadChecksum,
    /// The message ends inside its fixed part (its header, timestamps, mask, traceroute fields,
    /// router entries):
    /// [`ParseError::Truncated`](crate::ParseError::Truncated) (no checksum to trust).
    CutFixedPart,
    /// An error message whose quoted datagram ends inside the quoted IPv4 header; the message
    /// itself is right. `quote().ipv4()` is a `Truncated` error (part `QuotedIpHeader`) when
    /// the cut is in the fixed 20 bytes, else the header decodes and `options()` is `Truncated`
    /// (part `QuotedIpOptions`).
    CutQuote,
    /// An error message whose RFC 4884 length points past its end: parsed tolerantly, the
    /// whole body is the quote and no extension structure is read.
    LengthPastEnd,
    /// A router advertisement that announces more entries than it carries:
    /// `Truncated` (part `RouterEntries`).
    EntryCountTooHigh,
    /// A router advertisement with an address entry size of 0 or 1 word:
    /// [`ParseError::AddrEntrySize`](crate::ParseError::AddrEntrySize).
    EntrySizeTooSmall,
    /// An RFC 4884 extension structure with a wrong checksum: parsed, and
    /// `checksum_valid()` is false.
    BadExtensionChecksum,
    /// An extension object whose length is below 4 or runs past the structure: the objects
    /// iterator yields [`ParseError::ExtensionObjectLength`](crate::ParseError::ExtensionObjectLength).
    BadObjectLength,
}

impl<'a> Arbitrary<'a> for Flaw {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(*u.choose(&[
            Flaw::BadChecksum,
            Flaw::CutFixedPart,
            Flaw::CutQuote,
            Flaw::LengthPastEnd,
            Flaw::EntryCountTooHigh,
            Flaw::EntrySizeTooSmall,
            Flaw::BadExtensionChecksum,
            Flaw::BadObjectLength,
        ])?)
    }
}

/// A message with exactly one [`Flaw`], everything else right (see the module docs).
///
/// ```
/// use arbitrary::{Arbitrary, Unstructured};
/// use icmpwire::fuzzing::{Flaw, NearValid};
/// use icmpwire::ParseError;
/// use icmpwire::v4::Message;
///
/// let input = [0x42u8; 1024];
/// let bad = NearValid::arbitrary(&mut Unstructured::new(&input)).unwrap();
/// match bad.flaw() {
///     Flaw::BadChecksum => assert!(matches!(Message::parse(bad.as_bytes()), Err(ParseError::BadChecksum { .. }))),
///     _ => {}
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct NearValid {
    bytes: Vec<u8>,
    flaw: Flaw,
}

impl NearValid {
    /// The message's bytes.
    ///
    /// ```
    /// # use arbitrary::{Arbitrary, Unstructured};
    /// let bad = icmpwire::fuzzing::NearValid::arbitrary(&mut Unstructured::new(&[9; 256])).unwrap();
    /// assert!(!bad.as_bytes().is_empty() || bad.flaw() == icmpwire::fuzzing::Flaw::CutFixedPart);
    /// ```
    #[must_use]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The flaw.
    ///
    /// ```
    /// # use arbitrary::{Arbitrary, Unstructured};
    /// use icmpwire::fuzzing::{Flaw, NearValid};
    ///
    /// let bad = NearValid::arbitrary(&mut Unstructured::new(&[0; 256])).unwrap();
    /// assert_eq!(bad.flaw(), Flaw::BadChecksum); // the first flaw for an input of zeros
    /// ```
    #[must_use]
    pub fn flaw(&self) -> Flaw {
        self.flaw
    }
}

impl<'a> Arbitrary<'a> for NearValid {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let flaw: Flaw = u.arbitrary()?;
        // A message of a kind that can have the flaw (kinds as in `build`).
        let kind = match flaw {
            Flaw::BadChecksum | Flaw::CutFixedPart => u.int_in_range(0u8..=21)?,
            Flaw::CutQuote => *u.choose(&[1u8, 2, 3, 7, 8, 18])?,
            Flaw::LengthPastEnd => *u.choose(&[1u8, 7, 8])?,
            Flaw::EntryCountTooHigh | Flaw::EntrySizeTooSmall => 5,
            Flaw::BadExtensionChecksum | Flaw::BadObjectLength => *u.choose(&[1u8, 7, 8])?,
        };
        let extensions = match flaw {
            Flaw::BadExtensionChecksum | Flaw::BadObjectLength => Some(true),
            Flaw::CutQuote | Flaw::LengthPastEnd => Some(false),
            _ => None,
        };
        let mut bytes = build::build(u, kind, extensions)?;
        build::apply(u, flaw, &mut bytes)?;
        Ok(Self { bytes, flaw })
    }
}

/// What [`fix_up`] rewrites. Start from [`FixUp::ALL`] and turn off what the target should
/// meet unrepaired.
///
/// ```
/// use icmpwire::fuzzing::FixUp;
///
/// let mut fix = FixUp::ALL;
/// fix.router_count = false;
/// assert!(fix.checksum);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct FixUp {
    /// Router advertisement (type 9): an entry size below 2 becomes 2, and the number of
    /// addresses becomes what the message holds (at most 255).
    pub router_count: bool,
    /// Destination unreachable, time exceeded, parameter problem (3, 11, 12): a non-zero
    /// RFC 4884 length that runs past the message is cut to what it holds.
    pub rfc4884_length: bool,
    /// The RFC 4884 extension structure's checksum, where icmpwire's rules find one
    /// (see [`extension::locate`]; after the 8-byte header for extended echo 42/43), when its
    /// version nibble is 2.
    pub extension_checksum: bool,
    /// The ICMP checksum, last.
    pub checksum: bool,
}

impl FixUp {
    /// Everything.
    ///
    /// ```
    /// let all = icmpwire::fuzzing::FixUp::ALL;
    /// assert!(all.router_count && all.rfc4884_length && all.extension_checksum && all.checksum);
    /// ```
    pub const ALL: Self = Self {
        router_count: true,
        rfc4884_length: true,
        extension_checksum: true,
        checksum: true,
    };

    /// The ICMP checksum only.
    ///
    /// ```
    /// let only = icmpwire::fuzzing::FixUp::CHECKSUM;
    /// assert!(only.checksum && !only.router_count);
    /// ```
    pub const CHECKSUM: Self = Self {
        router_count: false,
        rfc4884_length: false,
        extension_checksum: false,
        checksum: true,
    };
}

/// Rewrites the counts, lengths and checksums of `message` (an ICMPv4 message from its type
/// byte, as a mutator left it) so that they agree with its bytes. Messages shorter than a
/// field are left alone; nothing else changes.
///
/// A libFuzzer custom mutator (cargo-fuzz, `libfuzzer-sys`) that keeps a checksum-verifying
/// target's input past its check:
///
/// ```ignore
/// libfuzzer_sys::fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, _seed: u32| {
///     let size = libfuzzer_sys::fuzzer_mutate(data, size, max_size);
///     icmpwire::fuzzing::fix_up(&mut data[..size], icmpwire::fuzzing::FixUp::ALL);
///     size
/// });
/// ```
///
/// ```
/// use icmpwire::fuzzing::{FixUp, fix_up};
///
/// let mut msg = [8u8, 0, 0xDE, 0xAD, 0, 1, 0, 2, b'h', b'i'];
/// assert!(!icmpwire::checksum::verify(&msg));
/// fix_up(&mut msg, FixUp::ALL);
/// assert!(icmpwire::v4::Message::parse(&msg[..]).is_ok());
/// ```
pub fn fix_up(message: &mut [u8], fix: FixUp) {
    let ty = message.first().copied().unwrap_or(0);
    let len = message.len();
    if fix.router_count
        && ty == 9
        && let Some(size) = message.get_mut(5)
    {
        *size = (*size).max(2);
        let words = usize::from(*size).saturating_mul(4);
        let count = len
            .saturating_sub(8)
            .checked_div(words)
            .unwrap_or(0)
            .min(255);
        if let Some(n) = message.get_mut(4) {
            *n = u8::try_from(count).unwrap_or(u8::MAX);
        }
    }
    if fix.rfc4884_length && matches!(ty, 3 | 11 | 12) {
        let room = u8::try_from(len.saturating_sub(8) / 4).unwrap_or(u8::MAX);
        if let Some(words) = message.get_mut(5) {
            *words = (*words).min(room);
        }
    }
    if fix.extension_checksum {
        let start = match ty {
            3 | 11 | 12 => {
                let words = message.get(5).copied().unwrap_or(0);
                let body = message.get(8..).unwrap_or(&[]);
                let (datagram, ext) = extension::locate(body, usize::from(words) * 4);
                // Where the rules would look, even if the checksum there is wrong now.
                let at = if ext.is_some() || words >= 32 {
                    datagram.len()
                } else {
                    128
                };
                Some(at.saturating_add(8))
            }
            42 | 43 => Some(8),
            _ => None,
        };
        if let Some(structure) = start.and_then(|s| message.get_mut(s..))
            && structure.len() >= 4
            && structure.first().is_some_and(|v| v >> 4 == 2)
        {
            store_checksum(structure, 2);
        }
    }
    if fix.checksum && len >= 4 {
        store_checksum(message, 2);
    }
}

//! The error messages that quote a datagram with an 8-byte header of their own: destination
//! unreachable (type 3), source quench (4), time exceeded (11) and parameter problem (12).
//! Photuris (type 40, RFC 2521) quotes the same way. (Redirect, type 5, carries a gateway
//! address instead and lives in `v4/redirect.rs`.)
//! Each message has its own file here: its fields, the accessors of those fields, its builder.
//! What they share with each other and with ICMPv6's errors (the quote, RFC 4884 extensions,
//! the builders' padded quote and length field) is in `src/message/quoting.rs`.
//!
//! * RFC 792: the messages and their codes; the quote is "the internet header plus the first 64
//!   bits of the original datagram's data".
//! * RFC 1122 section 3.2.2.1 and RFC 1812 section 5.2.7.1: destination unreachable codes 6-15.
//! * RFC 1191 section 4: the next-hop MTU in bytes 6-7 of "fragmentation needed" (code 4).
//! * RFC 1812 section 4.3.2.3: routers may quote up to 576 bytes of ICMP datagram.
//! * RFC 4884 section 4.1: byte 5 of types 3, 11 and 12 is the length of the padded original
//!   datagram in 32-bit words, when extensions follow it (0 otherwise).
//! * RFC 6633: source quench is deprecated; hosts must not send it and should ignore it.
//!
//! The bytes RFC 792 calls unused are exposed raw (`unused` fields) rather than assumed zero, so
//! every message round-trips byte for byte; builders default them to zero.

use core::marker::PhantomData;

use zerocopy::network_endian::U16;
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::message::quoting::{Quoting, Rfc4884};
use crate::view::sealed;

/// The fields of the three messages RFC 4884 extends (section 4.1): destination unreachable
/// (`C` = [`UnreachableCode`](super::UnreachableCode)), time exceeded
/// ([`TimeExceededCode`](super::TimeExceededCode)) and parameter problem
/// ([`ParameterProblemCode`](super::ParameterProblemCode)). Byte 4 is unused (the pointer of a
/// parameter problem), byte 5 the length of the original datagram in 32-bit words, bytes 6-7
/// unused (the next-hop MTU of RFC 1191 in a destination unreachable).
///
/// ```
/// use icmpwire::v4::{Rfc4884Fields, UnreachableCode, V4};
///
/// let bytes = [3u8, 4, 0xf7, 0xe7, 0, 0, 0x05, 0x14];
/// let msg: icmpwire::view::View<V4, &[u8], Rfc4884Fields<UnreachableCode>> =
///     icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.next_hop_mtu(), 1300);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct Rfc4884Fields<C> {
    byte4: u8,
    length: u8,
    word6: U16,
    code: PhantomData<C>,
}

impl<C> Rfc4884Fields<C> {
    /// The fields to write.
    #[inline(always)]
    fn new(byte4: u8, length: u8, word6: u16) -> Self {
        Rfc4884Fields {
            byte4,
            length,
            word6: U16::new(word6),
            code: PhantomData,
        }
    }
}

impl<C> sealed::Sealed for Rfc4884Fields<C> {}

impl<C> Quoting for Rfc4884Fields<C> {
    #[inline(always)]
    fn rfc4884_length(&self) -> Option<u8> {
        Some(self.length)
    }
}

impl<C> Rfc4884 for Rfc4884Fields<C> {
    #[inline(always)]
    fn length_mut(&mut self) -> &mut u8 {
        &mut self.length
    }
}

mod parameter_problem;
mod photuris;
mod source_quench;
mod time_exceeded;
mod unreachable;

pub use parameter_problem::{ParameterProblem, ParameterProblemRepr};
pub use photuris::{Photuris, PhoturisFields, PhoturisRepr};
pub use source_quench::{SourceQuench, SourceQuenchFields, SourceQuenchRepr};
pub use time_exceeded::{TimeExceeded, TimeExceededRepr};
pub use unreachable::{DestinationUnreachable, DestinationUnreachableRepr};

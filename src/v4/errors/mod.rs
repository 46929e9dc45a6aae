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
//! every byte of a message but its checksum round-trips (see [`Repr`](super::Repr) for the
//! checksum); builders default them to zero.

use crate::message::quoting::Rfc4884Code;
use crate::types::v4::{ParameterProblemCode, TimeExceededCode, UnreachableCode};
use crate::v4::V4;
use crate::view::Version;

/// On ICMPv4 the RFC 4884 length is byte 5, in 32-bit words (section 4.1).
impl Rfc4884Code for UnreachableCode {
    const UNIT: usize = V4::LENGTH_UNIT;
    const LENGTH_AT_BYTE_4: bool = false;
}

impl Rfc4884Code for TimeExceededCode {
    const UNIT: usize = V4::LENGTH_UNIT;
    const LENGTH_AT_BYTE_4: bool = false;
}

impl Rfc4884Code for ParameterProblemCode {
    const UNIT: usize = V4::LENGTH_UNIT;
    const LENGTH_AT_BYTE_4: bool = false;
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

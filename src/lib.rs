//! icmpwire: zero-copy ICMPv4 parsing and encoding for `no_std`, with a fast RFC 1071 checksum.
//!
//! ```
//! use icmpwire::{EchoRepr, Message, Repr};
//!
//! // Build an echo request into a buffer, checksum included...
//! let mut buf = [0u8; 64];
//! let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 1, data: b"ping", ..EchoRepr::default() });
//! let len = repr.emit(&mut buf).unwrap();
//!
//! // ...turn it into the reply in place (RFC 1624 incremental checksum)...
//! if let Message::EchoRequest(mut echo) = Message::parse(&mut buf[..len]).unwrap() {
//!     echo.make_reply();
//! }
//!
//! // ...and read it back.
//! match Message::parse(&buf[..len]).unwrap() {
//!     Message::EchoReply(echo) => assert_eq!((echo.identifier(), echo.data()), (0x1234, &b"ping"[..])),
//!     other => panic!("{other:?}"),
//! }
//! ```
//!
//! # The model
//!
//! * [`Message::parse`] reads any ICMPv4 message (from the type byte on) into the typed view of
//!   its type: [`Echo`], [`DestinationUnreachable`], [`TimeExceeded`], [`RouterAdvertisement`]...
//!   or [`Raw`] for types without a view. Views borrow the bytes; nothing is copied. With
//!   `&mut [u8]` the views have setters that keep the checksum valid.
//! * Error messages quote the offending datagram: [`Quote`] reads its IPv4 header, ports and
//!   quoted ICMP header as far as the bytes allow.
//! * [`extension`]: RFC 4884 extension structures after the quote (MPLS labels, interface
//!   information and identification), and the extended echo (PROBE) messages that carry them.
//! * [`Repr`] describes a message by value; [`Repr::emit`] writes it into a buffer.
//! * [`checksum`]: the RFC 1071 Internet checksum, streaming, and RFC 1624 updates.
//! * [`MessageType`] and the code types name every value of the IANA registry.
//!
//! # Byte order
//!
//! Every integer at the public surface is in host order, addresses are [`core::net::Ipv4Addr`];
//! network byte order stays inside the crate.
//!
//! # Panics
//!
//! None. No function of this crate panics, whatever the bytes or values it is given: lengths are
//! checked before any read, failures are [`ParseError`] and [`EmitError`] values, and the
//! library is compiled with clippy's `indexing_slicing`, `unwrap_used`, `expect_used`, `panic`
//! and `arithmetic_side_effects` lints denied.
//!
//! # `no_std` and `unsafe`
//!
//! The crate is `#![no_std]` and allocates nothing. It contains no `unsafe` code unless the
//! opt-in `simd` feature is enabled, which confines its `unsafe` to the run-time dispatch of the
//! AVX2 and AVX-512 checksum kernels.
#![no_std]
#![cfg_attr(not(feature = "simd"), forbid(unsafe_code))]
#![cfg_attr(feature = "simd", deny(unsafe_code))]
#![cfg_attr(
    test,
    allow(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

pub mod checksum;
mod emit;
mod error;
pub mod extension;
mod message;
mod quote;
mod types;
mod view;
mod wire;

pub use emit::Repr;
pub use error::{EmitError, ParseError, Part};
pub use message::{
    AddressMask, AddressMaskRepr, DestinationUnreachable, DestinationUnreachableRepr, Echo,
    EchoRepr, ExtendedEchoReply, ExtendedEchoReplyRepr, ExtendedEchoRequest,
    ExtendedEchoRequestRepr, Message, ParameterProblem, ParameterProblemRepr, Raw, RawRepr,
    Redirect, RedirectRepr, RouterAdvertisement, RouterAdvertisementRepr, RouterEntries,
    RouterEntriesRepr, RouterEntry, RouterSolicitation, RouterSolicitationRepr, SourceQuench,
    SourceQuenchRepr, TimeExceeded, TimeExceededRepr, Timestamp, TimestampRepr,
};
pub use quote::{
    Quote, QuoteLimit, QuotedIcmp, QuotedIpv4, QuotedTcp, QuotedUdp, protocol, quote_datagram,
};
pub use types::{
    ExtendedEchoReplyCode, MessageType, ParameterProblemCode, PhoturisCode, RedirectCode,
    RouterAdvertisementCode, TimeExceededCode, TracerouteCode, UnreachableCode, code_name,
};

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

//! icmpwire: zero-copy ICMPv4 and ICMPv6 parsing and encoding for `no_std`, with a fast RFC 1071
//! checksum.
//!
//! ```
//! use icmpwire::EchoRepr;
//! use icmpwire::v4::{Message, Repr};
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
//! * [`v4::Message::parse`] reads any ICMPv4 message (from the type byte on) into the typed
//!   view of its type: [`v4::Echo`], [`v4::DestinationUnreachable`], [`v4::TimeExceeded`],
//!   [`v4::RouterAdvertisement`]... or [`v4::Raw`] for types without a view. Views borrow the
//!   bytes; nothing is copied. With `&mut [u8]` the views have setters that keep the checksum
//!   valid.
//! * [`v6::Message::parse`] does the same for ICMPv6 (RFC 4443), given the source and
//!   destination addresses its checksum covers (the RFC 8200 section 8.1 pseudo-header):
//!   [`v6::DestinationUnreachable`], [`v6::PacketTooBig`], [`v6::TimeExceeded`],
//!   [`v6::ParameterProblem`], [`v6::Echo`], extended echo, Neighbor Discovery
//!   ([`v6::RouterAdvertisement`] and the others, their options read by [`v6::NdOptions`]), MLD
//!   ([`v6::MulticastListenerQuery`], [`v6::MulticastListenerReportV2`]), the rest of the
//!   registry ([`v6::RouterRenumbering`], [`v6::NodeInformationQuery`], [`v6::Rpl`], Mobile
//!   IPv6, SEND, ... : the table in [`v6`]), and [`v6::Raw`] for unassigned and experimental
//!   types, kept byte for byte.
//! * Every view is one generic type, [`view::View`]: what all messages share (type, code,
//!   checksum, payload, the setters' checksum upkeep) is written and documented there once;
//!   each message family adds the accessors of its own fields, and ICMPv4 and ICMPv6 share the
//!   families (echo, extended echo, the RFC 4884 errors). [`AnyMessage`] is what both `Message`
//!   enums answer the same way. The [`view`] module explains the design and the version seam.
//! * Error messages quote the offending datagram: [`Quote`] reads its IPv4 header and options
//!   ([`Quote::ipv4`]) or its IPv6 header and extension header chain ([`Quote::ipv6`]), then the
//!   ports and the quoted ICMP header, as far as the bytes allow ([`QuotedIp`]).
//! * [`extension`]: RFC 4884 extension structures after the quote (MPLS labels, interface
//!   information and identification), and the extended echo (PROBE) messages that carry them.
//! * [`v4::Repr`] and [`v6::Repr`] describe a message by value; their `emit` writes it into a
//!   buffer ([`v6::quote_packet`] cuts an offending packet as RFC 4443 2.4 (c) asks).
//! * [`checksum`]: the RFC 1071 Internet checksum, streaming, RFC 1624 updates, and the ICMPv6
//!   checksum over the pseudo-header ([`checksum::icmpv6_checksum`], [`checksum::update_ipv6`]
//!   for a rewritten address). Its module docs say which checksum fields verify and which are
//!   written: both zeros (`0x0000`, `0xFFFF`) verify where the other bytes sum to `-0`, and
//!   emit writes `0x0000` there, so a parse -> `to_repr` -> `emit` round trip gives back every
//!   byte but that field, which holds `computed_checksum()`.
//! * [`v4::MessageType`], [`v6::MessageType`] and the code types name every value of the IANA
//!   registries.
//! * [`stack`]: what a network stack needs around the parser: the message of a whole IP packet
//!   ([`stack::parse_packet`]), whether an error may be sent about a packet
//!   ([`stack::may_send_error_v4`], [`stack::may_send_error_v6`], the reason named when not)
//!   and rate limits driven by the caller's clock ([`stack::TokenBucket`],
//!   [`stack::PerDestination`]).
//!
//! # Byte order
//!
//! Every integer at the public surface is in host order, addresses are [`core::net::Ipv4Addr`]
//! and [`core::net::Ipv6Addr`]; network byte order stays inside the crate.
//!
//! # Panics: the contract
//!
//! No function of this crate panics, whatever the bytes, lengths or values it is given. That
//! covers every parse entry point ([`v4::Message::parse`], [`v4::Message::parse_unverified`],
//! [`v6::Message::parse`], [`v6::Message::parse_unverified`], the `parse` and
//! `parse_unverified` of each view, [`Quote::ipv4`], [`Quote::ipv6`] and its chain walk,
//! [`extension::Extensions::parse`], [`extension::locate`]), every accessor of every view (they
//! read only bytes the constructor checked are there), every setter, every iterator
//! ([`v4::RouterEntries`], [`v4::AgentExtensions`], [`v4::DomainNames`], [`ExtensionHeaders`],
//! [`extension::Objects`], [`extension::MplsLabels`]), the checksum functions (any length, from
//! 0 to more than 4 GiB), and the writers ([`v4::Repr::emit`], [`v6::Repr::emit`],
//! [`extension::write`], [`v4::write_agent_extensions`]),
//! which check the buffer before they write a byte.
//!
//! What fails is a value, never a panic:
//!
//! * too few bytes for what is asked: [`ParseError::Truncated`], naming the [`Part`] and the
//!   bytes required and present;
//! * a checksum that does not verify (only from the `parse` functions; `parse_unverified` keeps
//!   the message and `verify_checksum` tells): [`ParseError::BadChecksum`] with the field's value
//!   and the value it needs;
//! * bytes of another message type for a typed view: [`ParseError::WrongType`];
//! * fields that make the rest unreadable: [`ParseError::AddrEntrySize`] (router entries below 2
//!   words), [`ParseError::QuotedVersion`], [`ParseError::QuotedIhl`],
//!   [`ParseError::QuotedFragment`], [`ParseError::QuotedProtocol`],
//!   [`ParseError::ExtensionObjectLength`], [`ParseError::UnknownAddressFamily`], and in
//!   RFC 1788 names [`ParseError::NameLabel`], [`ParseError::NamePointer`],
//!   [`ParseError::NameTooLong`];
//! * a message that cannot be written: [`EmitError`] (buffer too small, more than 255 router
//!   entries, an object, quote or RFC 5944 extension too long for its length field), with
//!   nothing written.
//!
//! How this is held: the library is compiled with clippy's `indexing_slicing`, `unwrap_used`,
//! `expect_used`, `panic` and `arithmetic_side_effects` lints denied; `ci/no-panic` wraps the
//! parse entry points, all accessors, every setter, the checksum functions, every `Repr`'s emit
//! and the extension writers in dtolnay's `#[no_panic]`, built with and without the `simd`
//! feature, so that the build fails to link if the optimiser finds any path to a panic in
//! them; the fuzz targets in `fuzz/` run every entry point on arbitrary input; the proptests in
//! `tests/properties.rs` and `tests/properties6.rs` do the same on every test run. The
//! `Display` impls are the one part outside the link-time proof: core's formatting machinery
//! cannot be proven (`write!` of a plain integer fails the check), so they are held by the lints
//! and by fuzzing (the `parse` targets print every message).
//!
//! # `no_std` and `unsafe`
//!
//! The crate is `#![no_std]` and allocates nothing. It contains no `unsafe` code unless the
//! opt-in `simd` feature is enabled, which confines its `unsafe` to the run-time dispatch of the
//! AVX2 and AVX-512 checksum kernels.
//!
//! # Features
//!
//! All off by default.
//!
//! * `simd`: AVX2 / AVX-512 checksum kernels chosen at run time on x86 and x86_64.
//! * `defmt`: `defmt::Format` for the public types, the views, their iterators, [`v4::Message`] and
//!   the errors, for logging on microcontrollers (`no_std`, checked on `thumbv7em-none-eabihf`
//!   in CI):
//!
//!   ```
//!   use icmpwire::AnyMessage;
//!
//!   # #[cfg(feature = "defmt")]
//!   fn log<B: zerocopy::ByteSlice>(msg: &icmpwire::v4::Message<B>, err: icmpwire::ParseError) {
//!       defmt::info!("icmp {} ({})", msg, msg.message_type());
//!       defmt::warn!("dropped: {}", err);
//!   }
//!   # #[cfg(feature = "defmt")]
//!   fn log_routers(ra: &icmpwire::v4::RouterAdvertisement<&[u8]>) {
//!       // The iterators print as the list they would yield.
//!       defmt::info!("routers {}", ra.entries());
//!   }
//!   ```
//! * `arbitrary` (needs `std`): `arbitrary::Arbitrary` for [`v4::Repr`] and every description it
//!   holds, and the `icmpwire::fuzzing` module: well-formed and near-valid messages to fuzz other
//!   parsers with, and `fix_up` for libFuzzer custom mutators. That module allocates.
//! * `proptest` (needs `std`): the `icmpwire::strategy` module, proptest strategies for every
//!   message type and for the quoted datagram. It allocates.
//!
//! Without a feature, [`v4::Message`] prints with `Display` in tcpdump's words
//! (`echo request, id 7, seq 1, length 16`).
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

#[cfg(any(feature = "arbitrary", feature = "proptest"))]
extern crate alloc;

pub mod checksum;
mod display;
mod error;
pub mod extension;
#[cfg(feature = "arbitrary")]
pub mod fuzzing;
mod message;
mod quote;
pub mod stack;
#[cfg(feature = "proptest")]
pub mod strategy;
#[cfg(any(feature = "arbitrary", feature = "proptest"))]
mod synth;
mod types;
pub mod v4;
pub mod v6;
pub mod view;
mod wire;
mod write;

pub use error::{EmitError, ParseError, Part};
pub use message::any::AnyMessage;
pub use message::echo::EchoRepr;
pub use message::extended_echo::{ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};
pub use message::quoting::Rfc4884Repr;
pub use quote::{
    ExtensionHeader, ExtensionHeaders, FragmentHeader, Quote, QuoteLimit, QuotedIcmp, QuotedIp,
    QuotedIpv4, QuotedIpv6, QuotedTcp, QuotedUdp, RoutingHeader, UpperLayer, protocol,
    quote_datagram,
};

/// The fields structs and capability traits of the message families both IP versions share
/// (each version's own fields are in [`v4`]). A view is a
/// [`View<I, B, F>`](view::View) with one of these as `F`; they are opaque (read them through
/// the view's accessors) and sealed.
///
/// ```
/// use icmpwire::fields::EchoFields;
/// use icmpwire::view::View;
/// use icmpwire::v4::V4;
///
/// let bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
/// let echo = View::<V4, &[u8], EchoFields>::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.identifier(), 1);
/// ```
pub mod fields {
    pub use crate::message::echo::{EchoFields, Identified};
    pub use crate::message::extended_echo::{ExtendedEchoFields, Reply, Request};
    pub use crate::message::quoting::{Quoting, Rfc4884, Rfc4884Fields};
    pub use crate::message::raw::{NoFields, RawFields, Untyped};
}

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

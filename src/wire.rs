//! The bytes as the RFCs draw them, for what is not an ICMP message's own fields (those live
//! with their family, as the `Fields` of its view): the IP headers a quote holds and the entries
//! of a router advertisement. `#[repr(C)]` zerocopy structs with network-endian fields, private
//! to the crate (the IP headers are `pub` only so that the sealed trait of
//! [`QuotedIp`](crate::QuotedIp) can name them; this module is not public); nothing here is
//! copied.
//!
//! Every struct is `Unaligned`, so casting a long-enough slice cannot fail for any other reason
//! than its length.

use zerocopy::network_endian::{U16, U32};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

/// The first two words of a router advertisement entry (RFC 1256): router address and
/// preference level (a signed, twos-complement value).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct RouterEntry {
    pub(crate) address: [u8; 4],
    pub(crate) preference: U32,
}

/// The fixed 20 bytes of an IPv4 header (RFC 791 section 3.1).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct Ipv4Header {
    pub(crate) version_ihl: u8,
    pub(crate) tos: u8,
    pub(crate) total_length: U16,
    pub(crate) identification: U16,
    pub(crate) flags_fragment_offset: U16,
    pub(crate) ttl: u8,
    pub(crate) protocol: u8,
    pub(crate) checksum: U16,
    pub(crate) src: [u8; 4],
    pub(crate) dst: [u8; 4],
}

/// The fixed 40 bytes of an IPv6 header (RFC 8200 section 3): version (4 bits), traffic class
/// (8), flow label (20); payload length; next header; hop limit; source and destination.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct Ipv6Header {
    pub(crate) version_class_flow: U32,
    pub(crate) payload_length: U16,
    pub(crate) next_header: u8,
    pub(crate) hop_limit: u8,
    pub(crate) src: [u8; 16],
    pub(crate) dst: [u8; 16],
}

//! The bytes as the RFCs draw them: `#[repr(C)]` zerocopy structs with network-endian fields,
//! private to the crate. Views put these over the caller's buffer; nothing here is copied.
//!
//! Every struct is `Unaligned`, so casting a long-enough slice cannot fail for any other reason
//! than its length.

use zerocopy::network_endian::{U16, U32};
use zerocopy::{FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

/// The 8 bytes every ICMP message starts with (RFC 792): type, code, checksum, and the
/// "rest of header" whose meaning depends on the type.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct Header {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) rest: [u8; 4],
}

/// Echo, echo reply, information request and reply (RFC 792): identifier and sequence number.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct EchoHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) identifier: U16,
    pub(crate) sequence: U16,
}

/// Timestamp and timestamp reply (RFC 792): identifier, sequence, three times in milliseconds
/// since midnight UT.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct TimestampHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) identifier: U16,
    pub(crate) sequence: U16,
    pub(crate) originate: U32,
    pub(crate) receive: U32,
    pub(crate) transmit: U32,
}

/// Traceroute (RFC 1393 section 2.3): ID number, unused, outbound and return hop counts,
/// output link speed and MTU.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct TracerouteHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) identifier: U16,
    pub(crate) unused: U16,
    pub(crate) outbound_hops: U16,
    pub(crate) return_hops: U16,
    pub(crate) link_speed: U32,
    pub(crate) link_mtu: U32,
}

/// Address mask request and reply (RFC 950 appendix I): identifier, sequence, mask.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct AddressMaskHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) identifier: U16,
    pub(crate) sequence: U16,
    pub(crate) mask: [u8; 4],
}

/// The header of the error messages that quote a datagram (types 3, 4, 11, 12): bytes 4 to 7
/// are an unused byte or the parameter problem pointer, the RFC 4884 length in 32-bit words,
/// and two bytes that carry the next-hop MTU for destination unreachable (RFC 1191).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct ErrorHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) byte4: u8,
    pub(crate) length: u8,
    pub(crate) word6: U16,
}

/// Redirect (RFC 792): the gateway address in place of the rest of header.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct RedirectHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) gateway: [u8; 4],
}

/// Extended echo request and reply (RFC 8335): identifier, 8-bit sequence number, and a byte of
/// flags (the L bit of a request; State, A, 4 and 6 of a reply).
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct ExtendedEchoHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) identifier: U16,
    pub(crate) sequence: u8,
    pub(crate) flags: u8,
}

/// Router advertisement (RFC 1256 section 3): number of addresses, entry size in words,
/// lifetime in seconds.
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub(crate) struct RouterAdvertisementHeader {
    pub(crate) ty: u8,
    pub(crate) code: u8,
    pub(crate) checksum: U16,
    pub(crate) num_addrs: u8,
    pub(crate) entry_size: u8,
    pub(crate) lifetime: U16,
}

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
pub(crate) struct Ipv4Header {
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

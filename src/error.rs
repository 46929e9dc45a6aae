//! Errors: what was wrong with the bytes ([`ParseError`]) or with a message to emit
//! ([`EmitError`]), with the numbers that say where.
//!
//! Both are small `Copy` enums, `#[non_exhaustive]` so that later RFCs can add cases, and
//! implement `core::error::Error` (no `std` needed).

use core::fmt;

/// The part of a message, or of a quoted datagram, that an error is about.
///
/// ```
/// use icmpwire::Part;
///
/// assert_eq!(Part::Timestamps.to_string(), "timestamp fields");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum Part {
    /// The 8-byte ICMP header: type, code, checksum and the 4 bytes after it (RFC 792).
    Header,
    /// The identifier, sequence and three timestamps of a timestamp or timestamp reply (20 bytes).
    Timestamps,
    /// The identifier, sequence and mask of an address mask request or reply (RFC 950, 12 bytes).
    AddressMask,
    /// The fields of an RFC 1393 traceroute message (20 bytes).
    Traceroute,
    /// The router entries of a router advertisement (RFC 1256).
    RouterEntries,
    /// The fixed 20-byte IPv4 header of the datagram quoted by an error message.
    QuotedIpHeader,
    /// The fixed 40-byte IPv6 header of the packet quoted by an ICMPv6 error message.
    QuotedIpv6Header,
    /// An extension header of the quoted IPv6 packet (RFC 8200 section 4).
    QuotedExtensionHeader,
    /// The options of the quoted IPv4 header (its IHL says how long they are).
    QuotedIpOptions,
    /// The first 4 bytes after the quoted IPv4 header: source and destination port.
    QuotedPorts,
    /// The first 2 bytes after the quoted IPv4 header of an ICMP datagram: type and code.
    QuotedIcmp,
    /// The 4-byte header of an RFC 4884 extension structure.
    ExtensionHeader,
    /// The 4-byte header of an extension object.
    ExtensionObject,
    /// A sub-object of an RFC 5837 interface information object.
    InterfaceInformation,
    /// The data of an RFC 8335 interface identification object.
    InterfaceIdentification,
    /// An RFC 5944 extension after the entries of a mobility agent's router advertisement.
    AgentExtension,
    /// The identifier, sequence and Time-To-Live of a domain name reply (RFC 1788, 12 bytes).
    DomainNameReply,
    /// A name of a domain name reply (RFC 1788 section 1.3): a label, a pointer or the final
    /// zero octet cut short.
    DomainName,
    /// The fields of a Neighbor Discovery message before its options (RFC 4861 section 4):
    /// 8 bytes for a router solicitation, 16 for an advertisement, 24 for a neighbor
    /// solicitation or advertisement, 40 for a redirect.
    NeighborDiscovery,
    /// The 24 bytes of an MLD message (RFC 2710 section 3): maximum response code, reserved,
    /// multicast address.
    MulticastListener,
    /// The sources of an MLDv2 query, as many as its Number of Sources says (RFC 3810 section
    /// 5.1.10).
    MulticastSources,
    /// A multicast address record of an MLDv2 report (RFC 3810 section 5.2.4): its 20-byte
    /// header, sources and auxiliary data.
    MulticastRecord,
    /// The 28 bytes of a duplicate address request or confirmation after its checksum (RFC 6775
    /// section 4.4): status, reserved, lifetime, EUI-64, registered address.
    DuplicateAddress,
    /// The subject of a node information query (RFC 4620 section 4): 16 bytes for code 0 (an
    /// IPv6 address), 4 for code 2 (an IPv4 address).
    NodeInformationSubject,
    /// The 12 bytes of a router renumbering message after its checksum (RFC 2894 section 3.1):
    /// sequence number, segment number, flags, maximum delay, reserved.
    RouterRenumbering,
    /// A prefix control operation of a router renumbering command (RFC 2894 section 3.2): its
    /// 24-byte match-prefix part and the use-prefix parts its OpLength announces.
    PrefixControl,
    /// A 24-byte match result of a router renumbering result (RFC 2894 section 3.3).
    MatchResult,
    /// The base object of an RPL control message (RFC 6550 section 6): 2 bytes for a DIS, 24
    /// for a DIO, 4 (20 with the D flag) for a DAO or DAO-ACK.
    RplBase,
}

impl fmt::Display for Part {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Part::Header => "ICMP header",
            Part::Timestamps => "timestamp fields",
            Part::AddressMask => "address mask fields",
            Part::Traceroute => "traceroute fields",
            Part::RouterEntries => "router entries",
            Part::QuotedIpHeader => "quoted IPv4 header",
            Part::QuotedIpv6Header => "quoted IPv6 header",
            Part::QuotedExtensionHeader => "quoted IPv6 extension header",
            Part::QuotedIpOptions => "quoted IPv4 options",
            Part::QuotedPorts => "quoted transport ports",
            Part::QuotedIcmp => "quoted ICMP header",
            Part::ExtensionHeader => "extension header",
            Part::ExtensionObject => "extension object header",
            Part::InterfaceInformation => "interface information",
            Part::InterfaceIdentification => "interface identification",
            Part::AgentExtension => "mobility agent extension",
            Part::DomainNameReply => "domain name reply fields",
            Part::DomainName => "domain name",
            Part::NeighborDiscovery => "Neighbor Discovery fields",
            Part::MulticastListener => "MLD fields",
            Part::MulticastSources => "MLDv2 query sources",
            Part::MulticastRecord => "MLDv2 multicast address record",
            Part::DuplicateAddress => "duplicate address fields",
            Part::NodeInformationSubject => "node information query subject",
            Part::RouterRenumbering => "router renumbering fields",
            Part::PrefixControl => "router renumbering prefix control operation",
            Part::MatchResult => "router renumbering match result",
            Part::RplBase => "RPL base object",
        })
    }
}

/// Why bytes could not be read as the ICMP message (or quoted datagram) asked for.
///
/// ```
/// use icmpwire::{ParseError, Part};
/// use icmpwire::v4::Message;
///
/// let err = Message::parse(&[8u8, 0, 0xF7][..]).unwrap_err();
/// assert_eq!(err, ParseError::Truncated { part: Part::Header, required: 8, actual: 3 });
/// assert_eq!(err.to_string(), "ICMP header truncated: 8 bytes required, 3 present");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ParseError {
    /// Fewer bytes than the part needs.
    #[error("{part} truncated: {required} bytes required, {actual} present")]
    Truncated {
        /// What is cut short.
        part: Part,
        /// Bytes the part needs (counted from where the part starts).
        required: usize,
        /// Bytes present.
        actual: usize,
    },
    /// The RFC 1071 checksum does not verify.
    #[error("bad checksum: field holds {found:#06x}, the message needs {expected:#06x}")]
    BadChecksum {
        /// The checksum field as received (host order).
        found: u16,
        /// The checksum the message needs: computed with the field zeroed.
        expected: u16,
    },
    /// A typed view was asked for bytes of another message type.
    #[error("ICMP type {found} where type {expected} was expected")]
    WrongType {
        /// A type this view reads (the first, for views of several types).
        expected: u8,
        /// The type byte found.
        found: u8,
    },
    /// A router advertisement's address entry size is below 2 words (RFC 1256 section 5.2).
    #[error("router advertisement address entry size {size}: at least 2 (32-bit words) required")]
    AddrEntrySize {
        /// The Addr Entry Size field.
        size: u8,
    },
    /// The quoted packet is not of the IP version asked for (4 for ICMPv4's errors, 6 for
    /// ICMPv6's).
    #[error("quoted packet has IP version {version}, not {expected}")]
    QuotedVersion {
        /// The version asked for.
        expected: u8,
        /// The version nibble found.
        version: u8,
    },
    /// The quoted IPv4 header's IHL is below 5 (the header cannot be shorter than 20 bytes).
    #[error("quoted IPv4 header length {ihl} words: at least 5 required")]
    QuotedIhl {
        /// The IHL nibble found.
        ihl: u8,
    },
    /// The quoted packet is a non-first fragment: the bytes after its header (IPv4) or its
    /// fragment header (IPv6) are not a transport header.
    #[error("quoted datagram is a fragment at offset {offset} (8-byte units): no transport header")]
    QuotedFragment {
        /// The fragment offset field.
        offset: u16,
    },
    /// An extension object whose length is below its 4-byte header or runs past the structure.
    #[error("extension object of length {length}: at least 4 and at most {available} allowed")]
    ExtensionObjectLength {
        /// The object's length field.
        length: u16,
        /// Bytes left in the structure from the object's start.
        available: usize,
    },
    /// An address of a family whose length is unknown (IANA address family numbers: 1 IPv4, 2
    /// IPv6).
    #[error("address family {afi} not known")]
    UnknownAddressFamily {
        /// The address family field.
        afi: u16,
    },
    /// A domain name label whose length octet starts with the reserved bits `01` or `10` (RFC
    /// 1788 section 1.3: `00` for a label, `11` for a pointer).
    #[error("domain name label at offset {at} has the reserved length octet {byte:#04x}")]
    NameLabel {
        /// The octet's offset in the message.
        at: usize,
        /// The length octet.
        byte: u8,
    },
    /// A domain name compression pointer that does not point back to an earlier name of the
    /// message (RFC 1035 section 4.1.4: "a prior occurrence"): into the header, past the end,
    /// forward, to itself, or back into the labels it ends (a loop).
    #[error(
        "domain name pointer at offset {at} to offset {target} does not point to an earlier name"
    )]
    NamePointer {
        /// The pointer's offset in the message.
        at: usize,
        /// The offset it points to (from the type byte).
        target: u16,
    },
    /// A domain name longer than 255 octets once its pointers are followed (RFC 1788 section
    /// 1.3).
    #[error("domain name at offset {at} is {len} octets long: at most 255 allowed")]
    NameTooLong {
        /// The name's offset in the message.
        at: usize,
        /// Its length so far, past 255.
        len: usize,
    },
    /// A Neighbor Discovery option whose length field is 0 (RFC 4861 section 4.6: "Nodes MUST
    /// silently discard an ND packet that contains an option with length zero").
    #[error("Neighbor Discovery option at offset {offset} has length 0")]
    OptionLengthZero {
        /// The option's offset in the message (from the type byte).
        offset: usize,
    },
    /// A Neighbor Discovery option that runs past the end of the message, or a single byte
    /// left where an option's 2-byte type and length should be.
    #[error(
        "Neighbor Discovery option at offset {offset} needs {required} bytes, {actual} present"
    )]
    OptionTruncated {
        /// The option's offset in the message (from the type byte).
        offset: usize,
        /// Bytes its length field announces (2 when the header itself is cut).
        required: usize,
        /// Bytes left in the message from the option's start.
        actual: usize,
    },
    /// An IPv4 option (RFC 791 section 3.1) whose length field is below 2: the length counts
    /// the option's type and length bytes.
    #[error("IPv4 option at offset {offset} has length {length}: at least 2")]
    Ipv4OptionLength {
        /// The option's offset (from the start of the IPv4 header when the options were read
        /// from byte 20).
        offset: usize,
        /// Its length field.
        length: u8,
    },
    /// An IPv4 option that runs past the end of the header's options, or a type byte with no
    /// length byte after it.
    #[error("IPv4 option at offset {offset} needs {required} bytes, {actual} present")]
    Ipv4OptionTruncated {
        /// The option's offset (from the start of the IPv4 header when the options were read
        /// from byte 20).
        offset: usize,
        /// Bytes its length field announces (2 when the length byte itself is missing).
        required: usize,
        /// Bytes left in the options from the option's start.
        actual: usize,
    },
    /// A Neighbor Discovery option whose length its own RFC does not allow (a prefix
    /// information option must be 4 units, RFC 4861 section 4.6.2; an RDNSS option an odd
    /// number of at least 3, RFC 8106 section 5.1; ...).
    #[error("Neighbor Discovery option type {kind} cannot be {length} 8-octet units long")]
    OptionLength {
        /// The option type.
        kind: u8,
        /// Its length field (8-octet units).
        length: u8,
    },
    /// A non-zero byte where only zero padding may be: after the names of a DNSSL option (RFC
    /// 8106 section 5.2).
    #[error("non-zero byte at offset {at} in padding")]
    Padding {
        /// The byte's offset in the message (from the type byte).
        at: usize,
    },
    /// A prefix length past 128 bits (route information option, RFC 4191 section 2.3).
    #[error("prefix length {prefix_length}: at most 128 bits")]
    PrefixLength {
        /// The prefix length field.
        prefix_length: u8,
    },
    /// A prefix control operation of a router renumbering command whose OpLength is not 3 +
    /// 4n (RFC 2894 section 3.2: the match-prefix part is 3 units, each use-prefix part 4).
    #[error("prefix control operation at offset {offset} has OpLength {oplength}, not 3 + 4n")]
    PrefixControlLength {
        /// The operation's offset in the message (from the type byte).
        offset: usize,
        /// Its OpLength field (8-octet units).
        oplength: u8,
    },
    /// The quoted datagram carries another protocol than the one asked for.
    #[error("quoted datagram carries protocol {found}, not {expected}")]
    QuotedProtocol {
        /// The protocol asked for (17 UDP, 6 TCP, 1 ICMP).
        expected: u8,
        /// The protocol field of the quoted header.
        found: u8,
    },
}

/// Why a message could not be written.
///
/// ```
/// use icmpwire::{EchoRepr, EmitError};
/// use icmpwire::v4::Repr;
///
/// let repr = Repr::EchoRequest(EchoRepr { identifier: 1, sequence: 1, data: b"ping", ..EchoRepr::default() });
/// let mut small = [0u8; 10];
/// assert_eq!(repr.emit(&mut small), Err(EmitError::BufferTooSmall { required: 12, actual: 10 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum EmitError {
    /// The buffer is shorter than the message. Nothing was written.
    #[error("buffer too small: {required} bytes required, {actual} available")]
    BufferTooSmall {
        /// Bytes the message needs.
        required: usize,
        /// Bytes in the buffer.
        actual: usize,
    },
    /// Data shorter than the message's code needs (a node information query of code 0 needs
    /// a 16-byte IPv6 subject, of code 2 a 4-byte IPv4 one; RFC 4620 section 4).
    #[error("data of {actual} bytes: the code needs {required}")]
    DataTooShort {
        /// Bytes the code needs.
        required: usize,
        /// Bytes given.
        actual: usize,
    },
    /// A router advertisement with more entries than its 8-bit count can announce.
    #[error("router advertisement with {count} entries: at most 255 fit the Num Addrs field")]
    TooManyEntries {
        /// Entries given.
        count: usize,
    },
    /// An extension object (or structure) longer than its 16-bit length field can say.
    #[error("extension object of {len} bytes: at most 65535 fit its length field")]
    ExtensionTooLong {
        /// The object's length.
        len: usize,
    },
    /// An RFC 5837 interface name longer than 63 bytes (its sub-object is at most 64).
    #[error("interface name of {len} bytes: at most 63 fit its sub-object")]
    InterfaceNameTooLong {
        /// The name's length.
        len: usize,
    },
    /// A quoted datagram too long for the RFC 4884 length field (255 words: 1020 bytes on
    /// ICMPv4, 2040 on ICMPv6) in a message with extensions.
    #[error("quoted datagram of {len} bytes: more than the RFC 4884 length field's 255 words")]
    QuoteTooLong {
        /// The quote's length.
        len: usize,
    },
    /// An RFC 5944 agent advertisement extension that cannot be written: type 0 (one-byte
    /// padding, no length byte) given data, or data longer than the 8-bit length field.
    #[error(
        "mobility agent extension type {kind} with {len} data bytes: type 0 (padding) takes none, others at most 255"
    )]
    AgentExtension {
        /// The extension type.
        kind: u8,
        /// Bytes after the type and length bytes.
        len: usize,
    },
    /// A Neighbor Discovery option longer than its length field can say (255 units of 8
    /// bytes, 2040 bytes with its type and length).
    #[error(
        "Neighbor Discovery option type {kind} of {len} bytes: at most 2040 fit its length field"
    )]
    OptionTooLong {
        /// The option type.
        kind: u8,
        /// The option's length with its type, length and padding.
        len: usize,
    },
    /// A Neighbor Discovery option value its fields cannot hold or its RFC does not allow: a
    /// 2-bit preference past 3, reserved bits past their width, a PREF64 scaled lifetime past
    /// 13 bits or PLC past 7, RA flags past 48 bits, a route prefix length past 128, or an
    /// RDNSS, DNSSL or address list option with nothing in it (RFC 8106 sections 5.1 and 5.2,
    /// RFC 3122 section 3.2: at least one).
    #[error(
        "Neighbor Discovery option type {kind}: a value its fields cannot hold or its RFC does not allow"
    )]
    OptionValue {
        /// The option type.
        kind: u8,
    },
    /// A field value wider than its field: a router advertisement's 2-bit preference or
    /// reserved bits, a neighbor advertisement's 29 reserved bits.
    #[error("{field} {value:#x} does not fit its {bits} bits")]
    FieldTooWide {
        /// The field (its name in the builder).
        field: &'static str,
        /// The value given.
        value: u32,
        /// The field's width.
        bits: u8,
    },
    /// MLDv2 auxiliary data that is not a whole number of 32-bit words, or longer than the 255
    /// its 8-bit length counts (RFC 3810 section 5.2.6).
    #[error("auxiliary data of {len} bytes: a whole number of 32-bit words, at most 255")]
    AuxDataLength {
        /// The data's length in bytes.
        len: usize,
    },
    /// More items than a 16-bit count field holds (an MLDv2 query's sources, a report's records
    /// or a record's sources, RFC 3810 sections 5.1.10, 5.2.3, 5.2.7).
    #[error("{count} {what}: more than a 16-bit count holds")]
    CountTooLarge {
        /// What is counted.
        what: &'static str,
        /// How many were given (saturating at `u32::MAX`).
        count: u32,
    },
    /// A base object given for another code than its own (an RPL DIO base in a message of
    /// code 2, RFC 6550 section 6).
    #[error("code {code} with the base object of code {base}")]
    BaseCode {
        /// The message's code.
        code: u8,
        /// The code the base object belongs to.
        base: u8,
    },
    /// Raw router entries whose length is not Num Addrs x Addr Entry Size x 4 bytes, or an
    /// entry size below 2.
    #[error("router entries of {len} bytes do not match {num_addrs} entries of {entry_size} words")]
    RouterEntries {
        /// Bytes of raw entries given.
        len: usize,
        /// Num Addrs given.
        num_addrs: u8,
        /// Addr Entry Size given (32-bit words).
        entry_size: u8,
    },
    /// IPv4 options longer than an IPv4 header holds: 40 bytes (RFC 791, an IHL of 15).
    #[error("IPv4 options of {len} bytes with their padding: at most 40 fit the header")]
    Ipv4OptionsTooLong {
        /// The options' length, padded to a multiple of 4.
        len: usize,
    },
    /// An IPv4 option its RFC does not allow: a route of another type than record route, loose
    /// or strict source route, end of option list or no operation given a length and data, a
    /// timestamp flag RFC 791 does not define, or timestamp entries with an address under
    /// flag 0 or without one under flags 1 and 3.
    #[error("IPv4 option type {kind}: a value its fields cannot hold or its RFC does not allow")]
    Ipv4OptionValue {
        /// The option type.
        kind: u8,
    },
}

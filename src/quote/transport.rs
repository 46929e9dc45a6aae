//! What the quote holds of the transport header after the quoted IP header.

/// The big-endian 16-bit word at `at`, if quoted.
#[inline]
pub(super) fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    bytes
        .get(at..)
        .and_then(|b| b.first_chunk::<2>())
        .map(|w| u16::from_be_bytes(*w))
}

/// A quoted UDP header: what the quote holds of it.
///
/// ```
/// let udp = icmpwire::QuotedUdp { src_port: 1, dst_port: 2, length: None, checksum: None };
/// assert_eq!(udp.dst_port, 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedUdp {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Length field, when quoted.
    pub length: Option<u16>,
    /// Checksum field, when quoted.
    pub checksum: Option<u16>,
}

/// A quoted TCP header: what the quote holds of it.
///
/// ```
/// let tcp = icmpwire::QuotedTcp { src_port: 1, dst_port: 80, sequence: Some(5) };
/// assert_eq!(tcp.sequence, Some(5));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedTcp {
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Sequence number, when quoted.
    pub sequence: Option<u32>,
}

/// A quoted ICMP header: what the quote holds of it.
///
/// ```
/// use icmpwire::QuotedIcmp;
/// use icmpwire::v4::MessageType;
///
/// let icmp = QuotedIcmp { message_type: MessageType::ECHO_REQUEST, code: 0, checksum: None, identifier: None, sequence: None };
/// assert_eq!(icmp.code, 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct QuotedIcmp {
    /// The quoted message's type.
    pub message_type: crate::types::v4::MessageType,
    /// The quoted message's code.
    pub code: u8,
    /// Its checksum field, when quoted.
    pub checksum: Option<u16>,
    /// Bytes 4-5 (the identifier of an echo), when quoted.
    pub identifier: Option<u16>,
    /// Bytes 6-7 (the sequence number of an echo), when quoted.
    pub sequence: Option<u16>,
}

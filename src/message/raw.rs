//! Any ICMP message as its common header (RFC 792): type, code, checksum, the 4 "rest of
//! header" bytes, and the body. [`Message::Other`](crate::Message::Other) holds the types this
//! crate has no typed view for (alternate host address, the RFC 1788 domain name messages, the
//! experiments, unassigned values...), so that every message round-trips byte for
//! byte. The view reads any type, including those with a typed view (a traceroute message too
//! short for its 20 bytes, which `Message::parse` refuses, reads here as its common header).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::types::MessageType;
use crate::view::View;
use crate::wire::Header;

/// A view of any ICMP message by its common header.
///
/// ```
/// use icmpwire::{MessageType, Raw};
///
/// // An RFC 4727 experiment (type 253), code 1.
/// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
/// let raw = Raw::parse(&bytes[..]).unwrap();
/// assert_eq!(raw.message_type(), MessageType(253));
/// assert_eq!(raw.rest_of_header(), [0, 0, 0, 4]);
/// ```
pub struct Raw<B>(View<B, Header>);

crate::view_common!(Raw, "[253u8, 1, 0x02, 0xfa, 0, 0, 0, 4]");

impl<B: SplitByteSlice> Raw<B> {
    /// Reads `bytes` as an ICMP message of any type: at least 8 bytes, a valid checksum.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// assert!(icmpwire::Raw::parse(&bytes[..]).is_ok());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] under 8 bytes, [`ParseError::BadChecksum`].
    #[inline]
    pub fn parse(bytes: B) -> Result<Self, ParseError> {
        let sum = crate::checksum::ones_complement_sum(&bytes);
        let msg = Self::parse_unverified(bytes)?;
        if sum == 0xFFFF {
            Ok(msg)
        } else {
            Err(msg.bad_checksum(sum))
        }
    }

    /// Reads `bytes` as an ICMP message of any type without verifying the checksum.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0, 0, 0, 0, 0, 4];
    /// assert!(!icmpwire::Raw::parse_unverified(&bytes[..]).unwrap().verify_checksum());
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] under 8 bytes.
    #[inline]
    pub fn parse_unverified(bytes: B) -> Result<Self, ParseError> {
        View::new(bytes).map(Raw)
    }
}

impl<B: ByteSlice> Raw<B> {
    /// Bytes 4-7, whose meaning depends on the type.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// assert_eq!(icmpwire::Raw::parse(&bytes[..]).unwrap().rest_of_header(), [0, 0, 0, 4]);
    /// ```
    #[inline]
    #[must_use]
    pub fn rest_of_header(&self) -> [u8; 4] {
        self.0.header.rest
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let msg = icmpwire::Raw::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.message_type.0, 253);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RawRepr<'_> {
        RawRepr {
            message_type: self.message_type(),
            code: self.code_u8(),
            rest_of_header: self.rest_of_header(),
            payload: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> Raw<B> {
    /// Sets bytes 4-7; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let mut raw = icmpwire::Raw::parse(&mut bytes[..]).unwrap();
    /// raw.set_rest_of_header([1, 2, 3, 4]);
    /// assert!(raw.verify_checksum());
    /// ```
    #[inline]
    pub fn set_rest_of_header(&mut self, rest: [u8; 4]) {
        let old = u32::from_be_bytes(self.rest_of_header());
        self.0.header_mut().rest = rest;
        self.0.patch_u32(old, u32::from_be_bytes(rest));
    }

    /// Sets the type byte; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [253u8, 1, 0x02, 0xfa, 0, 0, 0, 4];
    /// let mut raw = icmpwire::Raw::parse(&mut bytes[..]).unwrap();
    /// raw.set_message_type(icmpwire::MessageType(41));
    /// assert!(raw.verify_checksum());
    /// ```
    #[inline]
    pub fn set_message_type(&mut self, ty: MessageType) {
        self.0.set_type(ty.0);
    }
}

/// Any message as type, code, rest of header and body, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{MessageType, RawRepr, Repr};
///
/// let repr = Repr::Other(RawRepr { message_type: MessageType(253), code: 1, rest_of_header: [0, 0, 0, 4], payload: &[] });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [253, 1, 0x02, 0xfa, 0, 0, 0, 4]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RawRepr<'a> {
    /// The type.
    pub message_type: MessageType,
    /// The code.
    pub code: u8,
    /// Bytes 4-7.
    pub rest_of_header: [u8; 4],
    /// Bytes 8 onwards.
    pub payload: &'a [u8],
}

impl RawRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.payload.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = Header {
            ty: self.message_type.0,
            code: self.code,
            checksum: U16::ZERO,
            rest: self.rest_of_header,
        };
        write_payload(&header, self.payload, out)
    }
}

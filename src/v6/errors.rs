//! The error messages of ICMPv6 (RFC 4443 section 3): destination unreachable (type 1),
//! packet too big (2), time exceeded (3) and parameter problem (4). Each quotes "as much of
//! invoking packet as possible without the ICMPv6 packet exceeding the minimum IPv6 MTU"
//! (section 2.4 (c)), read with [`Quote::ipv6`](crate::Quote::ipv6) through the
//! [`quote`](View::quote) accessor every quoting message has; [`quote_packet`] cuts a packet to
//! that size for a builder.
//!
//! * RFC 4443 3.1: destination unreachable codes 0-6; RFC 6550 and 6554 code 7, RFC 8883 code 8,
//!   RFC 9914 code 9 ([`UnreachableCode`]). Bytes 4-7 are unused.
//! * RFC 4884 section 4.2: on types 1 and 3, byte 4 is the length of the padded original
//!   datagram in 64-bit words when extensions follow it (0 otherwise); bytes 5-7 stay unused.
//!   Parameter problem has no length field (its bytes 4-7 are the pointer).
//! * RFC 4443 3.2: packet too big carries the next-hop MTU in bytes 4-7.
//! * RFC 4443 3.4, RFC 7112, 8754 and 8883: parameter problem codes 0-10
//!   ([`ParameterProblemCode`]) and the 32-bit pointer to the offending octet.
//!
//! The unused bytes are exposed as received and builders default them to zero, so every byte
//! of a message but its checksum round-trips (see [`Repr`](super::Repr) for the checksum).

use zerocopy::network_endian::U32;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::{ParameterProblemCode, TimeExceededCode, UnreachableCode, V6};
use crate::error::Part;
use crate::extension::{ObjectRepr, structure_len};
use crate::message::build::{Body, Describe};
use crate::message::quoting::{Quoting, Rfc4884Code, Rfc4884Fields, Rfc4884Repr, UnusedLayout};
use crate::view::{Fields, Version, View, sealed};

impl Fields<V6> for Rfc4884Fields<UnreachableCode> {
    type Code = UnreachableCode;
    const TYPES: &'static [u8] = &[1];
    const PART: Part = Part::Header;
    const NAME: &'static str = "DestinationUnreachable";
}

impl Fields<V6> for Rfc4884Fields<TimeExceededCode> {
    type Code = TimeExceededCode;
    const TYPES: &'static [u8] = &[3];
    const PART: Part = Part::Header;
    const NAME: &'static str = "TimeExceeded";
}

/// A destination unreachable message (type 1, RFC 4443 section 3.1).
///
/// ```
/// use icmpwire::v6::{DestinationUnreachable, UnreachableCode};
///
/// let bytes = [1u8, 4, 0, 0, 0, 0, 0, 0];
/// let msg = DestinationUnreachable::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), UnreachableCode::PORT_UNREACHABLE);
/// assert!(msg.quote().bytes().is_empty());
/// ```
pub type DestinationUnreachable<B> = View<V6, B, Rfc4884Fields<UnreachableCode>>;

/// A time exceeded message (type 3, RFC 4443 section 3.3): hop limit exceeded in transit (code
/// 0), the traceroute answer, or fragment reassembly time exceeded (code 1).
///
/// ```
/// use icmpwire::v6::{TimeExceeded, TimeExceededCode};
///
/// let bytes = [3u8, 1, 0, 0, 0, 0, 0, 0];
/// let msg = TimeExceeded::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), TimeExceededCode::REASSEMBLY_TIME_EXCEEDED);
/// ```
pub type TimeExceeded<B> = View<V6, B, Rfc4884Fields<TimeExceededCode>>;

/// The fields of a destination unreachable message, to emit with [`Repr`](super::Repr): an
/// [`Rfc4884Repr`](crate::Rfc4884Repr) whose `unused` is bytes 5-7.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{DestinationUnreachableRepr, Repr, UnreachableCode};
///
/// let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
///     code: UnreachableCode::PORT_UNREACHABLE,
///     ..DestinationUnreachableRepr::default()
/// });
/// let mut buf = [0u8; 8];
/// repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf).unwrap();
/// assert_eq!(buf[..2], [1, 4]);
/// ```
pub type DestinationUnreachableRepr<'a> = Rfc4884Repr<'a, UnreachableCode>;

/// The fields of a time exceeded message, to emit with [`Repr`](super::Repr).
///
/// ```
/// use icmpwire::v6::{Repr, TimeExceededRepr};
///
/// let repr = Repr::TimeExceeded(TimeExceededRepr { quote: &[0x60; 40], ..TimeExceededRepr::default() });
/// assert_eq!(repr.buffer_len(), 48);
/// ```
pub type TimeExceededRepr<'a> = Rfc4884Repr<'a, TimeExceededCode>;

/// ICMPv6's RFC 4884 messages, destination unreachable and time exceeded, have the same bytes
/// 4-7 (section 4.2): the length in 64-bit words, then three unused bytes.
trait LengthThenUnused {}

impl LengthThenUnused for UnreachableCode {}
impl LengthThenUnused for TimeExceededCode {}

impl<C: LengthThenUnused + Copy + Into<u8>> Rfc4884Code for C {
    const UNIT: usize = V6::LENGTH_UNIT;
    const LENGTH_AT_BYTE_4: bool = true;
}

impl<C: LengthThenUnused + Copy + Into<u8>> UnusedLayout for C {
    #[inline(always)]
    fn layout(length: u8, unused: u32) -> [u8; 4] {
        let [_, a, b, c] = unused.to_be_bytes();
        [length, a, b, c]
    }

    #[inline(always)]
    fn unused(bytes: [u8; 4]) -> u32 {
        let [_, a, b, c] = bytes;
        u32::from_be_bytes([0, a, b, c])
    }
}

/// The fields of a packet too big message (RFC 4443 section 3.2): the MTU of the next-hop link.
///
/// ```
/// let bytes = [2u8, 0, 0, 0, 0, 0, 5, 0];
/// let msg: icmpwire::view::View<icmpwire::v6::V6, &[u8], icmpwire::v6::PacketTooBigFields> =
///     icmpwire::v6::PacketTooBig::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(msg.mtu(), 1280);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct PacketTooBigFields {
    mtu: U32,
}

impl sealed::Sealed for PacketTooBigFields {}

impl Quoting for PacketTooBigFields {}

impl Fields<V6> for PacketTooBigFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[2];
    const PART: Part = Part::Header;
    const NAME: &'static str = "PacketTooBig";
}

/// A packet too big message (type 2, RFC 4443 section 3.2), what path MTU discovery (RFC 8201)
/// listens for.
///
/// ```
/// // R1 of the kernel capture, MTU 1280 on its next link (quote cut here).
/// let bytes = [2u8, 0, 0, 0, 0, 0, 5, 0];
/// let ptb = icmpwire::v6::PacketTooBig::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(ptb.mtu(), 1280);
/// ```
pub type PacketTooBig<B> = View<V6, B, PacketTooBigFields>;

impl<B: ByteSlice> PacketTooBig<B> {
    /// The MTU of the next-hop link (bytes 4-7).
    ///
    /// ```
    /// let bytes = [2u8, 0, 0, 0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v6::PacketTooBig::parse_unverified(&bytes[..]).unwrap().mtu(), 1500);
    /// ```
    #[inline]
    #[must_use]
    pub fn mtu(&self) -> u32 {
        self.fields().mtu.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [2u8, 0, 0, 0, 0, 0, 0x05, 0xdc];
    /// let msg = icmpwire::v6::PacketTooBig::parse_unverified(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.mtu, 1500);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> PacketTooBigRepr<'_> {
        PacketTooBigRepr {
            code: self.code_u8(),
            mtu: self.mtu(),
            quote: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> PacketTooBig<B> {
    /// Sets the MTU; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [2u8, 0, 0, 0, 0, 0, 0x05, 0xdc];
    /// let mut ptb = icmpwire::v6::PacketTooBig::parse_unverified(&mut bytes[..]).unwrap();
    /// ptb.set_mtu(1280);
    /// assert_eq!(ptb.mtu(), 1280);
    /// assert_eq!(bytes[4..], [0, 0, 5, 0]);
    /// ```
    #[inline]
    pub fn set_mtu(&mut self, mtu: u32) {
        self.modify(|f| f.mtu = U32::new(mtu));
    }
}

/// The fields of a packet too big message, to emit with [`Repr`](super::Repr).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{PacketTooBigRepr, Repr};
///
/// let repr = Repr::PacketTooBig(PacketTooBigRepr { mtu: 1280, ..PacketTooBigRepr::default() });
/// let mut buf = [0u8; 8];
/// repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf).unwrap();
/// assert_eq!(buf[4..], [0, 0, 5, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct PacketTooBigRepr<'a> {
    /// The code (0; RFC 4443 defines no other).
    pub code: u8,
    /// The MTU of the next-hop link.
    pub mtu: u32,
    /// The quoted packet.
    pub quote: &'a [u8],
}

impl Describe for PacketTooBigRepr<'_> {
    type Fields = PacketTooBigFields;

    #[inline]
    fn describe(&self) -> (u8, PacketTooBigFields, Body<'_>) {
        let fields = PacketTooBigFields {
            mtu: U32::new(self.mtu),
        };
        (self.code, fields, Body::Bytes(self.quote))
    }
}

/// The fields of a parameter problem message (RFC 4443 section 3.4): the offset of the
/// offending octet in the quoted packet.
///
/// ```
/// let bytes = [4u8, 2, 0, 0, 0, 0, 0, 42];
/// let msg: icmpwire::view::View<icmpwire::v6::V6, &[u8], icmpwire::v6::ParameterProblemFields> =
///     icmpwire::v6::ParameterProblem::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(msg.pointer(), 42);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct ParameterProblemFields {
    pointer: U32,
}

impl sealed::Sealed for ParameterProblemFields {}

impl Quoting for ParameterProblemFields {}

impl Fields<V6> for ParameterProblemFields {
    type Code = ParameterProblemCode;
    const TYPES: &'static [u8] = &[4];
    const PART: Part = Part::Header;
    const NAME: &'static str = "ParameterProblem";
}

/// A parameter problem message (type 4, RFC 4443 section 3.4; codes of RFC 7112, 8754, 8883).
///
/// ```
/// use icmpwire::v6::{ParameterProblem, ParameterProblemCode};
///
/// // An unrecognized option at octet 42 of the quoted packet.
/// let bytes = [4u8, 2, 0, 0, 0, 0, 0, 42];
/// let msg = ParameterProblem::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), ParameterProblemCode::UNRECOGNIZED_OPTION);
/// assert_eq!(msg.pointer(), 42);
/// ```
pub type ParameterProblem<B> = View<V6, B, ParameterProblemFields>;

impl<B: ByteSlice> ParameterProblem<B> {
    /// The pointer (bytes 4-7): the offset in the quoted packet of the octet where the error
    /// was found (RFC 4443 section 3.4).
    ///
    /// ```
    /// let bytes = [4u8, 0, 0, 0, 0, 0, 0, 6];
    /// assert_eq!(icmpwire::v6::ParameterProblem::parse_unverified(&bytes[..]).unwrap().pointer(), 6);
    /// ```
    #[inline]
    #[must_use]
    pub fn pointer(&self) -> u32 {
        self.fields().pointer.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [4u8, 1, 0, 0, 0, 0, 0, 40];
    /// let msg = icmpwire::v6::ParameterProblem::parse_unverified(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!((repr.code.0, repr.pointer), (1, 40));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ParameterProblemRepr<'_> {
        ParameterProblemRepr {
            code: self.code(),
            pointer: self.pointer(),
            quote: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> ParameterProblem<B> {
    /// Sets the pointer; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [4u8, 0, 0, 0, 0, 0, 0, 6];
    /// let mut msg = icmpwire::v6::ParameterProblem::parse_unverified(&mut bytes[..]).unwrap();
    /// msg.set_pointer(0x0102_0304);
    /// assert_eq!(msg.pointer(), 0x0102_0304);
    /// assert_eq!(bytes[4..], [1, 2, 3, 4]);
    /// ```
    #[inline]
    pub fn set_pointer(&mut self, pointer: u32) {
        self.modify(|f| f.pointer = U32::new(pointer));
    }
}

/// The fields of a parameter problem message, to emit with [`Repr`](super::Repr).
///
/// ```
/// use icmpwire::v6::{ParameterProblemCode, ParameterProblemRepr, Repr};
///
/// let repr = Repr::ParameterProblem(ParameterProblemRepr {
///     code: ParameterProblemCode::UNRECOGNIZED_NEXT_HEADER,
///     pointer: 6,
///     quote: &[0x60; 48],
/// });
/// assert_eq!(repr.buffer_len(), 56);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ParameterProblemRepr<'a> {
    /// The code.
    pub code: ParameterProblemCode,
    /// The offset of the offending octet in the quoted packet.
    pub pointer: u32,
    /// The quoted packet.
    pub quote: &'a [u8],
}

impl Describe for ParameterProblemRepr<'_> {
    type Fields = ParameterProblemFields;

    #[inline]
    fn describe(&self) -> (u8, ParameterProblemFields, Body<'_>) {
        let fields = ParameterProblemFields {
            pointer: U32::new(self.pointer),
        };
        (self.code.0, fields, Body::Bytes(self.quote))
    }
}

/// The start of `packet` (an IPv6 packet, from its header on, that caused an error) to quote
/// in an ICMPv6 error, as RFC 4443 section 2.4 (c) asks: "as much of invoking packet as
/// possible without the ICMPv6 packet exceeding the minimum IPv6 MTU" of 1280 bytes (RFC 8200
/// section 5), that is 1232 bytes after the 40-byte IPv6 header and the 8-byte ICMPv6 header.
/// With RFC 4884 `extensions` to append, the quote also leaves room for them and for its
/// padding to a 64-bit boundary.
///
/// ```
/// use icmpwire::extension::ObjectRepr;
/// use icmpwire::v6::quote_packet;
///
/// let packet = [0x60u8; 1500];
/// assert_eq!(quote_packet(&packet, &[]).len(), 1232);
/// assert_eq!(quote_packet(&packet[..100], &[]).len(), 100);
/// // An interface index object (12 bytes with the structure header): 1232 - 12, rounded down
/// // to whole 64-bit words.
/// assert_eq!(quote_packet(&packet, &[ObjectRepr::InterfaceIndex(1)]).len(), 1216);
/// ```
#[must_use]
#[inline]
pub fn quote_packet<'a>(packet: &'a [u8], extensions: &[ObjectRepr<'_>]) -> &'a [u8] {
    const ROOM: usize = 1280 - 40 - 8;
    let room = if extensions.is_empty() {
        ROOM
    } else {
        let unit = V6::LENGTH_UNIT;
        let left = ROOM.saturating_sub(structure_len(extensions));
        left.checked_div(unit).unwrap_or(0).saturating_mul(unit)
    };
    packet.get(..room).unwrap_or(packet)
}

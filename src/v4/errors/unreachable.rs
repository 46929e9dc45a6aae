//! Destination unreachable (type 3): RFC 792, RFC 1122 section 3.2.2.1 and RFC 1812 section
//! 5.2.7.1 (codes 6-15), RFC 1191 section 4 (next-hop MTU), RFC 4884 section 4.1 (length).

use zerocopy::{ByteSlice, ByteSliceMut};

use crate::error::Part;
use crate::extension::ObjectRepr;
use crate::message::build::{Body, Describe};
use crate::message::quoting::Rfc4884Fields;
use crate::types::v4::UnreachableCode;
use crate::v4::V4;
use crate::view::{Fields, Version, View};

impl Fields<V4> for Rfc4884Fields<UnreachableCode> {
    type Code = UnreachableCode;
    const TYPES: &'static [u8] = &[3];
    const PART: Part = Part::Header;
    const NAME: &'static str = "DestinationUnreachable";
}

/// A destination unreachable message (type 3).
///
/// ```
/// use icmpwire::v4::{DestinationUnreachable, UnreachableCode};
///
/// // Fragmentation needed, next-hop MTU 1000, quoting 20 + 8 bytes.
/// let bytes = [
///     3, 4, 0x25, 0x1a, 0, 0, 0x03, 0xe8, 0x45, 0, 0x05, 0xdc, 0, 1, 0x40, 0, 64, 17, 0, 0,
///     192, 0, 2, 10, 203, 0, 113, 2, 0x82, 0x9a, 0x82, 0x9a, 0x05, 0xc8, 0, 0,
/// ];
/// let msg = DestinationUnreachable::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.code(), UnreachableCode::FRAGMENTATION_NEEDED);
/// assert_eq!(msg.next_hop_mtu(), 1000);
/// assert_eq!(msg.quote().ipv4().unwrap().total_length(), 1500);
/// ```
pub type DestinationUnreachable<B> = View<V4, B, Rfc4884Fields<UnreachableCode>>;

impl<B: ByteSlice> DestinationUnreachable<B> {
    /// Bytes 6-7: the next-hop MTU of a "fragmentation needed" message (RFC 1191); unused (and
    /// normally 0) for the other codes, returned as received.
    ///
    /// ```
    /// let bytes = [3u8, 4, 0xf9, 0x13, 0, 0, 0x03, 0xe8];
    /// let msg = icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.next_hop_mtu(), 1000);
    /// ```
    #[inline]
    #[must_use]
    pub fn next_hop_mtu(&self) -> u16 {
        let [_, _, hi, lo] = self.fields().bytes();
        u16::from_be_bytes([hi, lo])
    }

    /// Byte 4, unused by every RFC, as received.
    ///
    /// ```
    /// let bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u8 {
        let [b4, ..] = self.fields().bytes();
        b4
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let bytes = [3u8, 4, 0xf9, 0x13, 0, 0, 0x03, 0xe8];
    /// let msg = icmpwire::v4::DestinationUnreachable::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.next_hop_mtu, 1000);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> DestinationUnreachableRepr<'_> {
        DestinationUnreachableRepr {
            code: self.code(),
            unused: self.unused(),
            length_field: self.length_field(),
            next_hop_mtu: self.next_hop_mtu(),
            quote: self.payload(),
            extensions: &[],
        }
    }
}

impl<B: ByteSliceMut> DestinationUnreachable<B> {
    /// Sets byte 4 (unused); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [3u8, 3, 0xfc, 0xfc, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_unused(9);
    /// assert_eq!(msg.unused(), 9);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u8) {
        self.modify(|f| {
            let [b4, ..] = f.bytes_mut();
            *b4 = value;
        });
    }

    /// Sets the next-hop MTU (bytes 6-7); the checksum follows.
    ///
    /// ```
    /// let mut bytes = [3u8, 4, 0xfc, 0xfb, 0, 0, 0, 0];
    /// let mut msg = icmpwire::v4::DestinationUnreachable::parse(&mut bytes[..]).unwrap();
    /// msg.set_next_hop_mtu(1280);
    /// assert_eq!(msg.next_hop_mtu(), 1280);
    /// assert!(msg.verify_checksum());
    /// ```
    #[inline]
    pub fn set_next_hop_mtu(&mut self, mtu: u16) {
        self.modify(|f| {
            let [_, _, hi, lo] = f.bytes_mut();
            [*hi, *lo] = mtu.to_be_bytes();
        });
    }
}

/// The fields of a destination unreachable message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{DestinationUnreachableRepr, Repr, UnreachableCode};
///
/// let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
///     code: UnreachableCode::PORT_UNREACHABLE,
///     ..DestinationUnreachableRepr::default()
/// });
/// let mut buf = [0xFFu8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [3, 3, 0xfc, 0xfc, 0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct DestinationUnreachableRepr<'a> {
    /// The code.
    pub code: UnreachableCode,
    /// Byte 4 (unused: 0).
    pub unused: u8,
    /// The RFC 4884 length in 32-bit words (0 without extensions).
    pub length_field: u8,
    /// Bytes 6-7: the next-hop MTU for code 4 (RFC 1191), else unused (0).
    pub next_hop_mtu: u16,
    /// The bytes after the 8-byte header: the quoted datagram (see
    /// [`quote_datagram`](crate::quote_datagram)), written as given. `to_repr` puts the whole
    /// payload here (with a received RFC 4884 padding and extension structure, which then
    /// re-emit as received, `length_field` included); to build extensions, give the bare datagram
    /// and `extensions`.
    pub quote: &'a [u8],
    /// RFC 4884 extension objects to append (none by default). With any, the quote is zero
    /// padded to a 32-bit boundary and at least 128 bytes, `length_field` is replaced by the padded
    /// length in words, and the extension structure's checksum is computed.
    pub extensions: &'a [ObjectRepr<'a>],
}

impl Describe for DestinationUnreachableRepr<'_> {
    type Fields = Rfc4884Fields<UnreachableCode>;

    #[inline]
    fn describe(&self) -> (u8, Rfc4884Fields<UnreachableCode>, Body<'_>) {
        let body = Body::quote(self.quote, self.extensions, V4::LENGTH_UNIT);
        let length = body.length_field(self.length_field);
        (
            self.code.0,
            {
                let [hi, lo] = self.next_hop_mtu.to_be_bytes();
                Rfc4884Fields::new([self.unused, length, hi, lo])
            },
            body,
        )
    }
}

//! Traceroute (type 30, RFC 1393 section 2.3; historic since RFC 6814, deprecated by RFC 6918):
//! the message a router sends back for each datagram carrying the IP traceroute option, with
//! the hop counts and the speed and MTU of the link it forwarded the datagram on. Code 0: forwarded; code 1: no route,
//! discarded ([`TracerouteCode`]).
//!
//! The message is 20 bytes; fewer is [`ParseError::Truncated`] with [`Part::Traceroute`].
//! Bytes after them are kept as the payload, so that any message round-trips.
//!
//! [`Part::Traceroute`]: crate::Part::Traceroute

use zerocopy::network_endian::{U16, U32};
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::echo::Identified;
use crate::types::v4::TracerouteCode;
use crate::view::{Fields, View, sealed};

/// The fields of a traceroute message (RFC 1393 section 2.3): ID number, unused, outbound and
/// return hop counts, output link speed and MTU.
///
/// ```
/// let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
/// let msg: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::v4::TracerouteFields> =
///     icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap();
/// assert_eq!(msg.output_link_mtu(), 1500);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct TracerouteFields {
    identifier: U16,
    unused: U16,
    outbound_hops: U16,
    return_hops: U16,
    link_speed: U32,
    link_mtu: U32,
}

impl sealed::Sealed for TracerouteFields {}

impl Identified for TracerouteFields {}

impl Fields<V4> for TracerouteFields {
    type Code = TracerouteCode;
    const TYPES: &'static [u8] = &[30];
    const PART: Part = Part::Traceroute;
    const NAME: &'static str = "Traceroute";
}

/// A traceroute message.
///
/// ```
/// use icmpwire::v4::{Traceroute, TracerouteCode};
///
/// // ID 0x7a82, 14 hops out, 9 back, a 10 Mb/s link (1 250 000 bytes/s), MTU 1500.
/// let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
/// let t = Traceroute::parse(&bytes[..]).unwrap();
/// assert_eq!((t.identifier(), t.outbound_hop_count(), t.return_hop_count()), (0x7a82, 14, 9));
/// assert_eq!((t.output_link_speed(), t.output_link_mtu()), (1_250_000, 1500));
/// assert_eq!(t.code(), TracerouteCode::FORWARDED);
/// ```
pub type Traceroute<B> = View<V4, B, TracerouteFields>;

impl<B: ByteSlice> Traceroute<B> {
    /// Bytes 6-7, unused (0).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u16 {
        self.fields().unused.get()
    }

    /// The outbound hop count, from the option.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap().outbound_hop_count(), 14);
    /// ```
    #[inline]
    #[must_use]
    pub fn outbound_hop_count(&self) -> u16 {
        self.fields().outbound_hops.get()
    }

    /// The return hop count, from the option.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap().return_hop_count(), 9);
    /// ```
    #[inline]
    #[must_use]
    pub fn return_hop_count(&self) -> u16 {
        self.fields().return_hops.get()
    }

    /// The speed of the link the packet was forwarded on, in bytes per second (0 if unknown).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap().output_link_speed(), 1_250_000);
    /// ```
    #[inline]
    #[must_use]
    pub fn output_link_speed(&self) -> u32 {
        self.fields().link_speed.get()
    }

    /// The MTU of that link, in bytes (0 if unknown).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap().output_link_mtu(), 1500);
    /// ```
    #[inline]
    #[must_use]
    pub fn output_link_mtu(&self) -> u32 {
        self.fields().link_mtu.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let msg = icmpwire::v4::Traceroute::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.to_repr().output_link_mtu, 1500);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> TracerouteRepr<'_> {
        TracerouteRepr {
            code: self.code(),
            identifier: self.identifier(),
            unused: self.unused(),
            outbound_hop_count: self.outbound_hop_count(),
            return_hop_count: self.return_hop_count(),
            output_link_speed: self.output_link_speed(),
            output_link_mtu: self.output_link_mtu(),
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> Traceroute<B> {
    /// Sets the unused field; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let mut t = icmpwire::v4::Traceroute::parse(&mut bytes[..]).unwrap();
    /// t.set_unused(7);
    /// assert_eq!(t.unused(), 7);
    /// assert!(t.verify_checksum());
    /// ```
    #[inline]
    pub fn set_unused(&mut self, value: u16) {
        self.modify(|f| f.unused = U16::new(value));
    }

    /// Sets the outbound hop count; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let mut t = icmpwire::v4::Traceroute::parse(&mut bytes[..]).unwrap();
    /// t.set_outbound_hop_count(15);
    /// assert_eq!(t.outbound_hop_count(), 15);
    /// assert!(t.verify_checksum());
    /// ```
    #[inline]
    pub fn set_outbound_hop_count(&mut self, value: u16) {
        self.modify(|f| f.outbound_hops = U16::new(value));
    }

    /// Sets the return hop count; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let mut t = icmpwire::v4::Traceroute::parse(&mut bytes[..]).unwrap();
    /// t.set_return_hop_count(10);
    /// assert_eq!(t.return_hop_count(), 10);
    /// assert!(t.verify_checksum());
    /// ```
    #[inline]
    pub fn set_return_hop_count(&mut self, value: u16) {
        self.modify(|f| f.return_hops = U16::new(value));
    }

    /// Sets the output link speed; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let mut t = icmpwire::v4::Traceroute::parse(&mut bytes[..]).unwrap();
    /// t.set_output_link_speed(125_000_000);
    /// assert_eq!(t.output_link_speed(), 125_000_000);
    /// assert!(t.verify_checksum());
    /// ```
    #[inline]
    pub fn set_output_link_speed(&mut self, value: u32) {
        self.modify(|f| f.link_speed = U32::new(value));
    }

    /// Sets the output link MTU; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let mut t = icmpwire::v4::Traceroute::parse(&mut bytes[..]).unwrap();
    /// t.set_output_link_mtu(9000);
    /// assert_eq!(t.output_link_mtu(), 9000);
    /// assert!(t.verify_checksum());
    /// ```
    #[inline]
    pub fn set_output_link_mtu(&mut self, value: u32) {
        self.modify(|f| f.link_mtu = U32::new(value));
    }
}

/// The fields of a traceroute message, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{Repr, TracerouteRepr};
///
/// let repr = Repr::Traceroute(TracerouteRepr {
///     identifier: 0x7a82,
///     outbound_hop_count: 14,
///     return_hop_count: 9,
///     output_link_speed: 1_250_000,
///     output_link_mtu: 1500,
///     ..TracerouteRepr::default()
/// });
/// let mut buf = [0u8; 20];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [30, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TracerouteRepr<'a> {
    /// The code.
    pub code: TracerouteCode,
    /// The ID number.
    pub identifier: u16,
    /// Bytes 6-7, unused: 0.
    pub unused: u16,
    /// The outbound hop count.
    pub outbound_hop_count: u16,
    /// The return hop count.
    pub return_hop_count: u16,
    /// The output link speed, bytes per second.
    pub output_link_speed: u32,
    /// The output link MTU, bytes.
    pub output_link_mtu: u32,
    /// Bytes after the 20-byte message (none in RFC 1393; kept for round trips).
    pub trailing: &'a [u8],
}

impl Describe for TracerouteRepr<'_> {
    type Fields = TracerouteFields;

    #[inline]
    fn describe(&self) -> (u8, TracerouteFields, Body<'_>) {
        let fields = TracerouteFields {
            identifier: U16::new(self.identifier),
            unused: U16::new(self.unused),
            outbound_hops: U16::new(self.outbound_hop_count),
            return_hops: U16::new(self.return_hop_count),
            link_speed: U32::new(self.output_link_speed),
            link_mtu: U32::new(self.output_link_mtu),
        };
        (self.code.0, fields, Body::Bytes(self.trailing))
    }
}

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
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::message::view_parse;
use crate::types::TracerouteCode;
use crate::view::View;
use crate::wire::TracerouteHeader;

/// A view of a traceroute message.
///
/// ```
/// use icmpwire::{Traceroute, TracerouteCode};
///
/// // ID 0x7a82, 14 hops out, 9 back, a 10 Mb/s link (1 250 000 bytes/s), MTU 1500.
/// let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
/// let t = Traceroute::parse(&bytes[..]).unwrap();
/// assert_eq!((t.identifier(), t.outbound_hop_count(), t.return_hop_count()), (0x7a82, 14, 9));
/// assert_eq!((t.output_link_speed(), t.output_link_mtu()), (1_250_000, 1500));
/// assert_eq!(t.code(), TracerouteCode::FORWARDED);
/// ```
pub struct Traceroute<B>(View<B, TracerouteHeader>);

view_parse!(
    Traceroute,
    TracerouteHeader,
    [30],
    "[30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc]"
);
crate::view_common!(
    Traceroute,
    "[30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc]"
);

impl<B: SplitByteSlice> Traceroute<B> {
    #[inline]
    fn from_view(v: View<B, TracerouteHeader>) -> Result<Self, ParseError> {
        Ok(Traceroute(v))
    }
}

impl<B: ByteSlice> Traceroute<B> {
    /// The code: forwarded (0) or no route, discarded (1).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().code().name(), Some("forwarded"));
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> TracerouteCode {
        TracerouteCode(self.0.code())
    }

    /// The ID number, copied from the traceroute option of the outbound packet, host order.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().identifier(), 0x7a82);
    /// ```
    #[inline]
    #[must_use]
    pub fn identifier(&self) -> u16 {
        self.0.header.identifier.get()
    }

    /// Bytes 6-7, unused (0).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().unused(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn unused(&self) -> u16 {
        self.0.header.unused.get()
    }

    /// The outbound hop count, from the option.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().outbound_hop_count(), 14);
    /// ```
    #[inline]
    #[must_use]
    pub fn outbound_hop_count(&self) -> u16 {
        self.0.header.outbound_hops.get()
    }

    /// The return hop count, from the option.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().return_hop_count(), 9);
    /// ```
    #[inline]
    #[must_use]
    pub fn return_hop_count(&self) -> u16 {
        self.0.header.return_hops.get()
    }

    /// The speed of the link the packet was forwarded on, in bytes per second (0 if unknown).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().output_link_speed(), 1_250_000);
    /// ```
    #[inline]
    #[must_use]
    pub fn output_link_speed(&self) -> u32 {
        self.0.header.link_speed.get()
    }

    /// The MTU of that link, in bytes (0 if unknown).
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// assert_eq!(icmpwire::Traceroute::parse(&bytes[..]).unwrap().output_link_mtu(), 1500);
    /// ```
    #[inline]
    #[must_use]
    pub fn output_link_mtu(&self) -> u32 {
        self.0.header.link_mtu.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
    /// let msg = icmpwire::Traceroute::parse(&bytes[..]).unwrap();
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

/// A setter for one field, keeping the checksum in step.
macro_rules! set_field {
    ($(#[$doc:meta])* $name:ident, $field:ident, $int:ty, $wire:ident, $patch:ident) => {
        $(#[$doc])*
        pub fn $name(&mut self, value: $int) {
            let old = self.0.header.$field.get();
            self.0.header_mut().$field = $wire::new(value);
            self.0.$patch(old, value);
        }
    };
}

impl<B: ByteSliceMut> Traceroute<B> {
    set_field! {
        /// Sets the ID number; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_identifier(1);
        /// assert!(t.verify_checksum());
        /// ```
        set_identifier, identifier, u16, U16, patch_u16
    }

    set_field! {
        /// Sets the unused field; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_unused(7);
        /// assert!(t.verify_checksum());
        /// ```
        set_unused, unused, u16, U16, patch_u16
    }

    set_field! {
        /// Sets the outbound hop count; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_outbound_hop_count(15);
        /// assert!(t.verify_checksum());
        /// ```
        set_outbound_hop_count, outbound_hops, u16, U16, patch_u16
    }

    set_field! {
        /// Sets the return hop count; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_return_hop_count(10);
        /// assert!(t.verify_checksum());
        /// ```
        set_return_hop_count, return_hops, u16, U16, patch_u16
    }

    set_field! {
        /// Sets the output link speed; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_output_link_speed(125_000_000);
        /// assert!(t.verify_checksum());
        /// ```
        set_output_link_speed, link_speed, u32, U32, patch_u32
    }

    set_field! {
        /// Sets the output link MTU; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [30u8, 0, 0x4e, 0xa7, 0x7a, 0x82, 0, 0, 0, 14, 0, 9, 0, 0x13, 0x12, 0xd0, 0, 0, 0x05, 0xdc];
        /// let mut t = icmpwire::Traceroute::parse(&mut bytes[..]).unwrap();
        /// t.set_output_link_mtu(9000);
        /// assert!(t.verify_checksum());
        /// ```
        set_output_link_mtu, link_mtu, u32, U32, patch_u32
    }
}

/// The fields of a traceroute message, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{Repr, TracerouteRepr};
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

impl TracerouteRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        20usize.saturating_add(self.trailing.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = TracerouteHeader {
            ty: 30,
            code: self.code.0,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            unused: U16::new(self.unused),
            outbound_hops: U16::new(self.outbound_hop_count),
            return_hops: U16::new(self.return_hop_count),
            link_speed: U32::new(self.output_link_speed),
            link_mtu: U32::new(self.output_link_mtu),
        };
        write_payload(&header, self.trailing, out)
    }
}

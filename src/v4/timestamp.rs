//! Timestamp and timestamp reply (types 13 and 14, RFC 792): identifier, sequence number and
//! three 32-bit times, "milliseconds since midnight UT" (when the high bit is set the value is
//! not in that form: RFC 792 lets a host use any time it can, flagged by that bit).
//!
//! The message is 20 bytes; fewer is [`ParseError::Truncated`] with [`Part::Timestamps`]. Bytes
//! after the 20 are kept as the payload (Linux answers requests that carry extra bytes too, and
//! always with 20 bytes and code 0).
//!
//! [`Part::Timestamps`]: crate::Part::Timestamps

use zerocopy::network_endian::U32;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::echo::EchoFields;
use crate::view::{Fields, View};

/// What follows the sequence number in a timestamp request or reply: the originate, receive
/// and transmit times.
///
/// ```
/// let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
/// let ts: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::fields::EchoFields<icmpwire::v4::Timestamps>> =
///     icmpwire::v4::Timestamp::parse(&bytes[..]).unwrap();
/// assert_eq!(ts.sequence(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct Timestamps {
    originate: U32,
    receive: U32,
    transmit: U32,
}

impl Fields<V4> for EchoFields<Timestamps> {
    type Code = u8;
    const TYPES: &'static [u8] = &[13, 14];
    const PART: Part = Part::Timestamps;
    const NAME: &'static str = "Timestamp";
}

/// A timestamp request or reply.
///
/// ```
/// use icmpwire::v4::Timestamp;
///
/// // A request sent at 12:00:00.000 UT (43 200 000 ms).
/// let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
/// let ts = Timestamp::parse(&bytes[..]).unwrap();
/// assert_eq!(ts.originate(), 43_200_000);
/// ```
pub type Timestamp<B> = View<V4, B, EchoFields<Timestamps>>;

impl<B: ByteSlice> Timestamp<B> {
    /// The originate timestamp: when the sender last touched the request.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::Timestamp::parse(&bytes[..]).unwrap().originate(), 43_200_000);
    /// ```
    #[inline]
    #[must_use]
    pub fn originate(&self) -> u32 {
        self.fields().more.originate.get()
    }

    /// The receive timestamp: when the echoer first touched it.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::Timestamp::parse(&bytes[..]).unwrap().receive(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn receive(&self) -> u32 {
        self.fields().more.receive.get()
    }

    /// The transmit timestamp: when the echoer last touched the reply.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::Timestamp::parse(&bytes[..]).unwrap().transmit(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn transmit(&self) -> u32 {
        self.fields().more.transmit.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let msg = icmpwire::v4::Timestamp::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.originate, 43_200_000);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> TimestampRepr<'_> {
        TimestampRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            originate: self.originate(),
            receive: self.receive(),
            transmit: self.transmit(),
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> Timestamp<B> {
    /// Sets the originate timestamp; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ts = icmpwire::v4::Timestamp::parse(&mut bytes[..]).unwrap();
    /// ts.set_originate(1);
    /// assert_eq!(ts.originate(), 1);
    /// assert!(ts.verify_checksum());
    /// ```
    #[inline]
    pub fn set_originate(&mut self, millis: u32) {
        self.modify(|f| f.more.originate = U32::new(millis));
    }

    /// Sets the receive timestamp; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ts = icmpwire::v4::Timestamp::parse(&mut bytes[..]).unwrap();
    /// ts.set_receive(2);
    /// assert_eq!(ts.receive(), 2);
    /// assert!(ts.verify_checksum());
    /// ```
    #[inline]
    pub fn set_receive(&mut self, millis: u32) {
        self.modify(|f| f.more.receive = U32::new(millis));
    }

    /// Sets the transmit timestamp; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ts = icmpwire::v4::Timestamp::parse(&mut bytes[..]).unwrap();
    /// ts.set_transmit(3);
    /// assert_eq!(ts.transmit(), 3);
    /// assert!(ts.verify_checksum());
    /// ```
    #[inline]
    pub fn set_transmit(&mut self, millis: u32) {
        self.modify(|f| f.more.transmit = U32::new(millis));
    }

    /// Turns a timestamp request (13) into a reply (14) in place: the identifier, sequence and
    /// originate time stay, `receive` and `transmit` are written, and the code becomes 0 (as
    /// Linux answers a request with any code). The checksum is updated incrementally. Returns
    /// `false`, changing nothing, for a reply.
    ///
    /// ```
    /// use icmpwire::v4::{MessageType, Timestamp};
    ///
    /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ts = Timestamp::parse(&mut bytes[..]).unwrap();
    /// assert!(ts.make_reply(43_200_005, 43_200_006));
    /// assert_eq!(ts.message_type(), MessageType::TIMESTAMP_REPLY);
    /// assert!(ts.verify_checksum());
    /// ```
    #[inline]
    pub fn make_reply(&mut self, receive: u32, transmit: u32) -> bool {
        if self.type_u8() != 13 {
            return false;
        }
        self.set_type_code(14, 0);
        self.set_receive(receive);
        self.set_transmit(transmit);
        true
    }
}

/// The fields of a timestamp request or reply, to emit with [`Repr`](crate::v4::Repr).
///
/// ```
/// use icmpwire::v4::{Repr, TimestampRepr};
///
/// let repr = Repr::Timestamp(TimestampRepr { identifier: 7, sequence: 1, originate: 43_200_000, ..TimestampRepr::default() });
/// let mut buf = [0u8; 20];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [13, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TimestampRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u16,
    /// Originate time, milliseconds since midnight UT.
    pub originate: u32,
    /// Receive time (0 in a request).
    pub receive: u32,
    /// Transmit time (0 in a request).
    pub transmit: u32,
    /// Bytes after the 20-byte message (none in RFC 792; kept for round trips).
    pub trailing: &'a [u8],
}

impl Describe for TimestampRepr<'_> {
    type Fields = EchoFields<Timestamps>;

    #[inline]
    fn describe(&self) -> (u8, EchoFields<Timestamps>, Body<'_>) {
        let times = Timestamps {
            originate: U32::new(self.originate),
            receive: U32::new(self.receive),
            transmit: U32::new(self.transmit),
        };
        let fields = EchoFields::new(self.identifier, self.sequence, times);
        (self.code, fields, Body::Bytes(self.trailing))
    }
}

//! Timestamp and timestamp reply (types 13 and 14, RFC 792): identifier, sequence number and
//! three 32-bit times, "milliseconds since midnight UT" (when the high bit is set the value is
//! not in that form: RFC 792 lets a host use any time it can, flagged by that bit).
//!
//! The message is 20 bytes; fewer is [`ParseError::Truncated`] with [`Part::Timestamps`]. Bytes
//! after the 20 are kept as the payload (Linux answers requests that carry extra bytes too, and
//! always with 20 bytes and code 0).
//!
//! [`Part::Timestamps`]: crate::Part::Timestamps

use zerocopy::network_endian::{U16, U32};
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::message::view_parse;
use crate::view::View;
use crate::wire::TimestampHeader;

/// A view of a timestamp request or reply.
///
/// ```
/// use icmpwire::Timestamp;
///
/// // A request sent at 12:00:00.000 UT (43 200 000 ms).
/// let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
/// let ts = Timestamp::parse(&bytes[..]).unwrap();
/// assert_eq!(ts.originate(), 43_200_000);
/// ```
pub struct Timestamp<B>(View<B, TimestampHeader>);

view_parse!(
    Timestamp,
    TimestampHeader,
    [13, 14],
    "[13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]"
);
crate::view_common!(
    Timestamp,
    "[13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0]"
);

impl<B: SplitByteSlice> Timestamp<B> {
    #[inline]
    fn from_view(v: View<B, TimestampHeader>) -> Result<Self, ParseError> {
        Ok(Timestamp(v))
    }
}

impl<B: ByteSlice> Timestamp<B> {
    /// The identifier, host order.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Timestamp::parse(&bytes[..]).unwrap().identifier(), 7);
    /// ```
    #[inline]
    #[must_use]
    pub fn identifier(&self) -> u16 {
        self.0.header.identifier.get()
    }

    /// The sequence number, host order.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Timestamp::parse(&bytes[..]).unwrap().sequence(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.0.header.sequence.get()
    }

    /// The originate timestamp: when the sender last touched the request.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Timestamp::parse(&bytes[..]).unwrap().originate(), 43_200_000);
    /// ```
    #[inline]
    #[must_use]
    pub fn originate(&self) -> u32 {
        self.0.header.originate.get()
    }

    /// The receive timestamp: when the echoer first touched it.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Timestamp::parse(&bytes[..]).unwrap().receive(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn receive(&self) -> u32 {
        self.0.header.receive.get()
    }

    /// The transmit timestamp: when the echoer last touched the reply.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::Timestamp::parse(&bytes[..]).unwrap().transmit(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn transmit(&self) -> u32 {
        self.0.header.transmit.get()
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let msg = icmpwire::Timestamp::parse(&bytes[..]).unwrap();
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

/// A setter for one 32-bit time field, keeping the checksum in step.
macro_rules! set_time {
    ($(#[$doc:meta])* $name:ident, $field:ident) => {
        $(#[$doc])*
        pub fn $name(&mut self, millis: u32) {
            let old = self.0.header.$field.get();
            self.0.header_mut().$field = U32::new(millis);
            self.0.patch_u32(old, millis);
        }
    };
}

impl<B: ByteSliceMut> Timestamp<B> {
    set_time! {
        /// Sets the originate timestamp; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        /// let mut ts = icmpwire::Timestamp::parse(&mut bytes[..]).unwrap();
        /// ts.set_originate(1);
        /// assert!(ts.verify_checksum());
        /// ```
        set_originate, originate
    }

    set_time! {
        /// Sets the receive timestamp; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        /// let mut ts = icmpwire::Timestamp::parse(&mut bytes[..]).unwrap();
        /// ts.set_receive(2);
        /// assert!(ts.verify_checksum());
        /// ```
        set_receive, receive
    }

    set_time! {
        /// Sets the transmit timestamp; the checksum follows.
        ///
        /// ```
        /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
        /// let mut ts = icmpwire::Timestamp::parse(&mut bytes[..]).unwrap();
        /// ts.set_transmit(3);
        /// assert!(ts.verify_checksum());
        /// ```
        set_transmit, transmit
    }

    /// Turns a timestamp request (13) into a reply (14) in place: the identifier, sequence and
    /// originate time stay, `receive` and `transmit` are written, and the code becomes 0 (as
    /// Linux answers a request with any code). The checksum is updated incrementally. Returns
    /// `false`, changing nothing, for a reply.
    ///
    /// ```
    /// use icmpwire::{MessageType, Timestamp};
    ///
    /// # let mut bytes = [13u8, 0, 0xc2, 0x64, 0, 7, 0, 1, 0x02, 0x93, 0x2e, 0x00, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let mut ts = Timestamp::parse(&mut bytes[..]).unwrap();
    /// assert!(ts.make_reply(43_200_005, 43_200_006));
    /// assert_eq!(ts.message_type(), MessageType::TIMESTAMP_REPLY);
    /// assert!(ts.verify_checksum());
    /// ```
    #[inline]
    pub fn make_reply(&mut self, receive: u32, transmit: u32) -> bool {
        if self.0.ty() != 13 {
            return false;
        }
        self.0.set_type(14);
        self.0.set_code(0);
        self.set_receive(receive);
        self.set_transmit(transmit);
        true
    }
}

/// The fields of a timestamp request or reply, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{Repr, TimestampRepr};
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

impl TimestampRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        20usize.saturating_add(self.trailing.len())
    }

    #[inline]
    pub(crate) fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let header = TimestampHeader {
            ty,
            code: self.code,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            sequence: U16::new(self.sequence),
            originate: U32::new(self.originate),
            receive: U32::new(self.receive),
            transmit: U32::new(self.transmit),
        };
        write_payload(&header, self.trailing, out)
    }
}

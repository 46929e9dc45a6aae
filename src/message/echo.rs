//! Echo and echo reply (types 8 and 0), information request and reply (15, 16), RFC 792; address
//! mask request and reply (17, 18), RFC 950 appendix I.
//!
//! All of them carry an identifier and a sequence number after the checksum. Echo messages carry
//! data the reply returns unchanged; information messages carry none (bytes after the header are
//! kept as the payload); address mask messages add a 32-bit mask.
//!
//! RFC 792 gives echo a single code, 0, but a non-zero code is kept, not rejected: Linux copies
//! the request's code into its reply.

use core::net::Ipv4Addr;

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::message::view_parse;
use crate::view::View;
use crate::wire::{AddressMaskHeader, EchoHeader};

/// A view of an echo, echo reply, information request or information reply message.
///
/// ```
/// use icmpwire::Echo;
///
/// // Echo request, identifier 0x1234, sequence 7, data "hi".
/// let bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
/// let echo = Echo::parse(&bytes[..]).unwrap();
/// assert_eq!(echo.identifier(), 0x1234);
/// assert_eq!(echo.sequence(), 7);
/// assert_eq!(echo.data(), b"hi");
/// ```
pub struct Echo<B>(View<B, EchoHeader>);

view_parse!(
    Echo,
    EchoHeader,
    [8, 0, 15, 16],
    "[8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i']"
);
crate::view_common!(
    Echo,
    "[8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i']"
);

impl<B: SplitByteSlice> Echo<B> {
    #[inline]
    fn from_view(v: View<B, EchoHeader>) -> Result<Self, ParseError> {
        Ok(Echo(v))
    }
}

impl<B: ByteSlice> Echo<B> {
    /// The identifier (bytes 4-5), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(icmpwire::Echo::parse(&bytes[..]).unwrap().identifier(), 0x1234);
    /// ```
    #[inline]
    #[must_use]
    pub fn identifier(&self) -> u16 {
        self.0.header.identifier.get()
    }

    /// The sequence number (bytes 6-7), host order.
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// assert_eq!(icmpwire::Echo::parse(&bytes[..]).unwrap().sequence(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.0.header.sequence.get()
    }

    /// The data after the header (the same bytes as `payload`).
    ///
    /// ```
    /// let bytes = [0u8, 0, 0xed, 0xc9, 0x12, 0x34, 0, 1, 0, 1];
    /// assert_eq!(icmpwire::Echo::parse(&bytes[..]).unwrap().data(), &[0, 1]);
    /// ```
    #[inline]
    #[must_use]
    pub fn data(&self) -> &[u8] {
        self.0.payload()
    }

    /// The owned description of this message (borrowing its data).
    ///
    /// ```
    /// use icmpwire::{Echo, EchoRepr};
    ///
    /// let bytes = [0u8, 0, 0xed, 0xca, 0x12, 0x34, 0, 1];
    /// let msg = Echo::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr, EchoRepr { code: 0, identifier: 0x1234, sequence: 1, data: &[] });
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> EchoRepr<'_> {
        EchoRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            data: self.data(),
        }
    }
}

impl<B: ByteSliceMut> Echo<B> {
    /// Sets the identifier; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
    /// let mut echo = icmpwire::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.set_identifier(0xBEEF);
    /// assert_eq!(echo.identifier(), 0xBEEF);
    /// assert!(echo.verify_checksum());
    /// ```
    #[inline]
    pub fn set_identifier(&mut self, identifier: u16) {
        let old = self.identifier();
        self.0.header_mut().identifier = U16::new(identifier);
        self.0.patch_u16(old, identifier);
    }

    /// Sets the sequence number; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0];
    /// let mut echo = icmpwire::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.set_sequence(9);
    /// assert_eq!(echo.sequence(), 9);
    /// assert!(echo.verify_checksum());
    /// ```
    #[inline]
    pub fn set_sequence(&mut self, sequence: u16) {
        let old = self.sequence();
        self.0.header_mut().sequence = U16::new(sequence);
        self.0.patch_u16(old, sequence);
    }

    /// The data for writing; call `update_checksum` after.
    ///
    /// ```
    /// let mut bytes = [8u8, 0, 0xf7, 0xfe, 0, 1, 0, 0, 0];
    /// let mut echo = icmpwire::Echo::parse(&mut bytes[..]).unwrap();
    /// echo.data_mut()[0] = 42;
    /// echo.update_checksum();
    /// assert!(echo.verify_checksum());
    /// ```
    #[inline]
    pub fn data_mut(&mut self) -> &mut [u8] {
        self.0.payload_mut()
    }

    /// Turns an echo request (8) into an echo reply (0), or an information request (15) into an
    /// information reply (16), in place: identifier, sequence, code and data stay, the checksum
    /// is updated incrementally (RFC 1624 equation 3, no re-summing of the data, except in the
    /// one case RFC 1624 leaves out: a reply that is all zero gets `0xFFFF` as RFC 1071
    /// requires, where Linux writes `0x0000`). Returns `false`, changing nothing, for any other
    /// type.
    ///
    /// ```
    /// use icmpwire::{Echo, MessageType};
    ///
    /// let mut bytes = [8u8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i'];
    /// let mut echo = Echo::parse(&mut bytes[..]).unwrap();
    /// assert!(echo.make_reply());
    /// assert_eq!(echo.message_type(), MessageType::ECHO_REPLY);
    /// assert!(echo.verify_checksum());
    /// ```
    #[inline]
    pub fn make_reply(&mut self) -> bool {
        match self.0.ty() {
            8 => self.0.set_type(0),
            15 => self.0.set_type(16),
            _ => return false,
        }
        true
    }
}

/// The fields of an echo, echo reply, information request or information reply, to emit with
/// [`Repr`](crate::Repr) (the variant gives the type).
///
/// ```
/// use icmpwire::{EchoRepr, Repr};
///
/// let repr = Repr::EchoRequest(EchoRepr { identifier: 0x1234, sequence: 7, data: b"hi", ..EchoRepr::default() });
/// let mut buf = [0xAAu8; 16];
/// let n = repr.emit(&mut buf).unwrap();
/// assert_eq!(&buf[..n], &[8, 0, 0x7d, 0x5b, 0x12, 0x34, 0x00, 0x07, b'h', b'i']);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct EchoRepr<'a> {
    /// The code: 0 in RFC 792 (Linux echoes a request's non-zero code back).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u16,
    /// The data (none for information messages).
    pub data: &'a [u8],
}

impl EchoRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.data.len())
    }

    #[inline]
    pub(crate) fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let header = EchoHeader {
            ty,
            code: self.code,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            sequence: U16::new(self.sequence),
        };
        write_payload(&header, self.data, out)
    }
}

/// A view of an address mask request or reply (RFC 950 appendix I).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::AddressMask;
///
/// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
/// let reply = AddressMask::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.mask(), Ipv4Addr::new(255, 255, 255, 0));
/// ```
pub struct AddressMask<B>(View<B, AddressMaskHeader>);

view_parse!(
    AddressMask,
    AddressMaskHeader,
    [17, 18],
    "[18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0]"
);
crate::view_common!(
    AddressMask,
    "[18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0]"
);

impl<B: SplitByteSlice> AddressMask<B> {
    #[inline]
    fn from_view(v: View<B, AddressMaskHeader>) -> Result<Self, ParseError> {
        Ok(AddressMask(v))
    }
}

impl<B: ByteSlice> AddressMask<B> {
    /// The identifier, host order.
    ///
    /// ```
    /// let bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::AddressMask::parse(&bytes[..]).unwrap().identifier(), 1);
    /// ```
    #[inline]
    #[must_use]
    pub fn identifier(&self) -> u16 {
        self.0.header.identifier.get()
    }

    /// The sequence number, host order.
    ///
    /// ```
    /// let bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::AddressMask::parse(&bytes[..]).unwrap().sequence(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn sequence(&self) -> u16 {
        self.0.header.sequence.get()
    }

    /// The address mask (zero in a request).
    ///
    /// ```
    /// let bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// assert!(icmpwire::AddressMask::parse(&bytes[..]).unwrap().mask().is_unspecified());
    /// ```
    #[inline]
    #[must_use]
    pub fn mask(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.0.header.mask)
    }

    /// The owned description of this message.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::AddressMaskRepr;
    ///
    /// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
    /// let msg = icmpwire::AddressMask::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.mask, Ipv4Addr::new(255, 255, 255, 0));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> AddressMaskRepr<'_> {
        AddressMaskRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            mask: self.mask(),
            trailing: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> AddressMask<B> {
    /// Sets the identifier; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = icmpwire::AddressMask::parse(&mut bytes[..]).unwrap();
    /// m.set_identifier(5);
    /// assert!(m.verify_checksum());
    /// ```
    #[inline]
    pub fn set_identifier(&mut self, identifier: u16) {
        let old = self.identifier();
        self.0.header_mut().identifier = U16::new(identifier);
        self.0.patch_u16(old, identifier);
    }

    /// Sets the sequence number; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = icmpwire::AddressMask::parse(&mut bytes[..]).unwrap();
    /// m.set_sequence(5);
    /// assert!(m.verify_checksum());
    /// ```
    #[inline]
    pub fn set_sequence(&mut self, sequence: u16) {
        let old = self.sequence();
        self.0.header_mut().sequence = U16::new(sequence);
        self.0.patch_u16(old, sequence);
    }

    /// Sets the mask; the checksum follows.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    ///
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = icmpwire::AddressMask::parse(&mut bytes[..]).unwrap();
    /// m.set_mask(Ipv4Addr::new(255, 255, 0, 0));
    /// assert!(m.verify_checksum());
    /// ```
    #[inline]
    pub fn set_mask(&mut self, mask: Ipv4Addr) {
        let old = u32::from(self.mask());
        self.0.header_mut().mask = mask.octets();
        self.0.patch_u32(old, u32::from(mask));
    }

    /// Turns an address mask request (17) into a reply (18) carrying `mask`, in place, with the
    /// checksum updated incrementally. Returns `false`, changing nothing, for a reply.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::{AddressMask, MessageType};
    ///
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = AddressMask::parse(&mut bytes[..]).unwrap();
    /// assert!(m.make_reply(Ipv4Addr::new(255, 255, 255, 0)));
    /// assert_eq!(m.message_type(), MessageType::ADDRESS_MASK_REPLY);
    /// assert!(m.verify_checksum());
    /// ```
    #[inline]
    pub fn make_reply(&mut self, mask: Ipv4Addr) -> bool {
        if self.0.ty() != 17 {
            return false;
        }
        self.0.set_type(18);
        self.set_mask(mask);
        true
    }
}

/// The fields of an address mask request or reply, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::{AddressMaskRepr, Repr};
///
/// let repr = Repr::AddressMaskReply(AddressMaskRepr {
///     identifier: 1,
///     mask: Ipv4Addr::new(255, 255, 255, 0),
///     ..AddressMaskRepr::default()
/// });
/// assert_eq!(repr.buffer_len(), 12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct AddressMaskRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u16,
    /// The address mask (zero in a request).
    pub mask: Ipv4Addr,
    /// Bytes after the 12-byte message (none in RFC 950; kept for round trips).
    pub trailing: &'a [u8],
}

impl Default for AddressMaskRepr<'_> {
    fn default() -> Self {
        AddressMaskRepr {
            code: 0,
            identifier: 0,
            sequence: 0,
            mask: Ipv4Addr::UNSPECIFIED,
            trailing: &[],
        }
    }
}

impl AddressMaskRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        12usize.saturating_add(self.trailing.len())
    }

    #[inline]
    pub(crate) fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let header = AddressMaskHeader {
            ty,
            code: self.code,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            sequence: U16::new(self.sequence),
            mask: self.mask.octets(),
        };
        write_payload(&header, self.trailing, out)
    }
}

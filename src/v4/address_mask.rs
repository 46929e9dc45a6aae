//! Address mask request and reply (types 17 and 18), RFC 950 appendix I: identifier, sequence
//! number (the accessors of every [`EchoFields`]) and a 32-bit mask, zero in a request.

use core::net::Ipv4Addr;

use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::V4;
use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::message::echo::EchoFields;
use crate::view::{Fields, View};

/// What follows the sequence number in an address mask request or reply: the mask.
///
/// ```
/// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
/// let reply: icmpwire::view::View<icmpwire::v4::V4, &[u8], icmpwire::fields::EchoFields<icmpwire::v4::Mask>> =
///     icmpwire::v4::AddressMask::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.identifier(), 1);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct Mask {
    mask: [u8; 4],
}

impl Fields<V4> for EchoFields<Mask> {
    type Code = u8;
    const TYPES: &'static [u8] = &[17, 18];
    const PART: Part = Part::AddressMask;
    const NAME: &'static str = "AddressMask";
}

/// An address mask request or reply (RFC 950 appendix I).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::AddressMask;
///
/// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
/// let reply = AddressMask::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.mask(), Ipv4Addr::new(255, 255, 255, 0));
/// ```
pub type AddressMask<B> = View<V4, B, EchoFields<Mask>>;

impl<B: ByteSlice> AddressMask<B> {
    /// The address mask (zero in a request).
    ///
    /// ```
    /// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
    /// let reply = icmpwire::v4::AddressMask::parse(&bytes[..]).unwrap();
    /// assert_eq!(reply.mask(), core::net::Ipv4Addr::new(255, 255, 255, 0));
    /// ```
    #[inline]
    #[must_use]
    pub fn mask(&self) -> Ipv4Addr {
        Ipv4Addr::from(self.fields().more.mask)
    }

    /// The owned description of this message.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::v4::AddressMaskRepr;
    ///
    /// let bytes = [18u8, 0, 0xee, 0xfd, 0, 1, 0, 0, 255, 255, 255, 0];
    /// let msg = icmpwire::v4::AddressMask::parse(&bytes[..]).unwrap();
    /// let repr = msg.to_repr();
    /// assert_eq!(repr.mask, Ipv4Addr::new(255, 255, 255, 0));
    /// assert_eq!((repr.identifier, repr.sequence), (1, 0));
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
    /// Sets the mask; the checksum follows.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    ///
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = icmpwire::v4::AddressMask::parse(&mut bytes[..]).unwrap();
    /// m.set_mask(Ipv4Addr::new(255, 255, 0, 0));
    /// assert_eq!(m.mask(), Ipv4Addr::new(255, 255, 0, 0));
    /// assert!(m.verify_checksum());
    /// ```
    #[inline]
    pub fn set_mask(&mut self, mask: Ipv4Addr) {
        self.modify(|f| f.more.mask = mask.octets());
    }

    /// Turns an address mask request (17) into a reply (18) carrying `mask`, in place, with the
    /// checksum updated incrementally; the code becomes 0 (RFC 950 gives the reply code 0, as
    /// every `make_reply` of this crate writes). Returns `false`, changing nothing, for a reply.
    ///
    /// ```
    /// use core::net::Ipv4Addr;
    /// use icmpwire::v4::{AddressMask, MessageType};
    ///
    /// let mut bytes = [17u8, 0, 0xee, 0xfe, 0, 1, 0, 0, 0, 0, 0, 0];
    /// let mut m = AddressMask::parse(&mut bytes[..]).unwrap();
    /// assert!(m.make_reply(Ipv4Addr::new(255, 255, 255, 0)));
    /// assert_eq!(m.message_type(), MessageType::ADDRESS_MASK_REPLY);
    /// assert!(m.verify_checksum());
    /// assert!(!m.make_reply(Ipv4Addr::new(255, 0, 0, 0)));
    /// ```
    #[inline]
    pub fn make_reply(&mut self, mask: Ipv4Addr) -> bool {
        if self.type_u8() != 17 {
            return false;
        }
        self.set_type_code(18, 0);
        self.set_mask(mask);
        true
    }
}

/// The fields of an address mask request or reply, to emit with [`Repr`](super::Repr).
///
/// ```
/// use core::net::Ipv4Addr;
/// use icmpwire::v4::{AddressMaskRepr, Repr};
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

impl Describe for AddressMaskRepr<'_> {
    type Fields = EchoFields<Mask>;

    #[inline]
    fn describe(&self) -> (u8, EchoFields<Mask>, Body<'_>) {
        let mask = Mask {
            mask: self.mask.octets(),
        };
        let fields = EchoFields::new(self.identifier, self.sequence, mask);
        (self.code, fields, Body::Bytes(self.trailing))
    }
}

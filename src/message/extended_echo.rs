//! Extended echo request and reply (types 42 and 43, RFC 8335, "PROBE"): ask a node about the
//! state of one of its interfaces, named in an interface identification object (class 3) of an
//! RFC 4884 extension structure that follows the 8-byte header.
//!
//! * Request: identifier (16 bits), sequence number (8 bits), 7 reserved bits and the L bit
//!   (the interface is local to the node probed, rather than a neighbour).
//! * Reply: identifier, sequence number, State (3 bits, for a neighbour), 2 reserved bits, and
//!   the A (active), 4 (IPv4 running) and 6 (IPv6 running) bits; the code says why a probe
//!   failed ([`ExtendedEchoReplyCode`]). Linux copies the request's extension structure back.
//!
//! The structure is read with [`extensions`](ExtendedEchoRequest::extensions); a payload that is
//! not one (fewer than 4 bytes) is an error there, not at parse time, so that a malformed probe
//! can still be answered with code 1 ("malformed query").

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, SplitByteSlice};

use crate::emit::write_payload;
use crate::error::ParseError;
use crate::extension::Extensions;
use crate::message::view_parse;
use crate::types::ExtendedEchoReplyCode;
use crate::view::View;
use crate::wire::ExtendedEchoHeader;

/// A view of an extended echo request (type 42).
///
/// ```
/// use icmpwire::ExtendedEchoRequest;
///
/// // Probe ifIndex 1, L bit set, identifier 0x1234, sequence 1.
/// let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
/// let probe = ExtendedEchoRequest::parse(&bytes[..]).unwrap();
/// assert!(probe.local());
/// assert_eq!(probe.extensions().unwrap().objects().count(), 1);
/// ```
pub struct ExtendedEchoRequest<B>(View<B, ExtendedEchoHeader>);

view_parse!(
    ExtendedEchoRequest,
    ExtendedEchoHeader,
    [42],
    "[42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1]"
);
crate::view_common!(
    ExtendedEchoRequest,
    "[42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1]"
);

/// A view of an extended echo reply (type 43).
///
/// ```
/// use icmpwire::{ExtendedEchoReply, ExtendedEchoReplyCode};
///
/// // No error, interface active with IPv4 and IPv6 running (A, 4 and 6 bits).
/// let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
/// let reply = ExtendedEchoReply::parse(&bytes[..]).unwrap();
/// assert_eq!(reply.code(), ExtendedEchoReplyCode::NO_ERROR);
/// assert!(reply.active() && reply.ipv4() && reply.ipv6());
/// ```
pub struct ExtendedEchoReply<B>(View<B, ExtendedEchoHeader>);

view_parse!(
    ExtendedEchoReply,
    ExtendedEchoHeader,
    [43],
    "[43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07]"
);
crate::view_common!(
    ExtendedEchoReply,
    "[43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07]"
);

/// Accessors both views share.
macro_rules! extended_common {
    ($view:ident, $example:literal) => {
        impl<B: SplitByteSlice> $view<B> {
            #[inline]
            fn from_view(v: View<B, ExtendedEchoHeader>) -> Result<Self, ParseError> {
                Ok($view(v))
            }
        }

        impl<B: ByteSlice> $view<B> {
            /// The identifier, host order.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("assert_eq!(icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap().identifier(), 0x1234);")]
            /// ```
            #[inline]
            #[must_use]
            pub fn identifier(&self) -> u16 {
                self.0.header.identifier.get()
            }

            /// The 8-bit sequence number.
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("assert_eq!(icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap().sequence(), 1);")]
            /// ```
            #[inline]
            #[must_use]
            pub fn sequence(&self) -> u8 {
                self.0.header.sequence
            }

            /// Byte 7 as received (the L bit of a request; State, A, 4, 6 of a reply).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.flags(), bytes[7]);
            /// ```
            #[inline]
            #[must_use]
            pub fn flags(&self) -> u8 {
                self.0.header.flags
            }

            /// The RFC 4884 extension structure after the header (the interface
            /// identification object of a request).
            ///
            /// ```
            #[doc = concat!("let bytes = ", $example, ";")]
            #[doc = concat!("let msg = icmpwire::", stringify!($view), "::parse(&bytes[..]).unwrap();")]
            /// assert_eq!(msg.extensions().is_ok(), bytes.len() >= 12);
            /// ```
            ///
            /// # Errors
            ///
            /// [`ParseError::Truncated`] (part [`Part::ExtensionHeader`](crate::Part::ExtensionHeader))
            /// when fewer than 4 bytes follow the header.
            #[inline]
            pub fn extensions(&self) -> Result<Extensions<'_>, ParseError> {
                Extensions::parse(self.0.payload())
            }
        }
    };
}

extended_common!(
    ExtendedEchoRequest,
    "[42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1]"
);
extended_common!(
    ExtendedEchoReply,
    "[43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07]"
);

impl<B: ByteSlice> ExtendedEchoRequest<B> {
    /// The L bit: the interface probed is on the node itself (not a neighbour's).
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// assert!(icmpwire::ExtendedEchoRequest::parse(&bytes[..]).unwrap().local());
    /// ```
    #[inline]
    #[must_use]
    pub fn local(&self) -> bool {
        self.flags() & 1 == 1
    }

    /// The 7 reserved bits above the L bit.
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::ExtendedEchoRequest::parse(&bytes[..]).unwrap().reserved(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u8 {
        self.flags() >> 1
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// let msg = icmpwire::ExtendedEchoRequest::parse(&bytes[..]).unwrap();
    /// assert!(msg.to_repr().local);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ExtendedEchoRequestRepr<'_> {
        ExtendedEchoRequestRepr {
            code: self.code_u8(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            local: self.local(),
            reserved: self.reserved(),
            payload: self.payload(),
        }
    }
}

impl<B: ByteSlice> ExtendedEchoReply<B> {
    /// The code: why a probe failed, or 0.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// let reply = icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap();
    /// assert_eq!(reply.code(), icmpwire::ExtendedEchoReplyCode::NO_ERROR);
    /// ```
    #[inline]
    #[must_use]
    pub fn code(&self) -> ExtendedEchoReplyCode {
        ExtendedEchoReplyCode(self.0.code())
    }

    /// State (3 bits): the neighbour entry's state for a probed neighbour (RFC 8335 section 3:
    /// 1 incomplete, 2 reachable, 3 stale, 4 delay, 5 probe, 6 failed), 0 otherwise.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert_eq!(icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap().state(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn state(&self) -> u8 {
        self.flags() >> 5
    }

    /// The 2 reserved bits.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert_eq!(icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap().reserved(), 0);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u8 {
        (self.flags() >> 3) & 3
    }

    /// The A bit: the interface is active.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap().active());
    /// ```
    #[inline]
    #[must_use]
    pub fn active(&self) -> bool {
        self.flags() & 0b100 != 0
    }

    /// The 4 bit: IPv4 is running on the interface.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap().ipv4());
    /// ```
    #[inline]
    #[must_use]
    pub fn ipv4(&self) -> bool {
        self.flags() & 0b010 != 0
    }

    /// The 6 bit: IPv6 is running on the interface.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// assert!(icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap().ipv6());
    /// ```
    #[inline]
    #[must_use]
    pub fn ipv6(&self) -> bool {
        self.flags() & 0b001 != 0
    }

    /// The owned description of this message.
    ///
    /// ```
    /// # let bytes = [43u8, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07];
    /// let msg = icmpwire::ExtendedEchoReply::parse(&bytes[..]).unwrap();
    /// assert!(msg.to_repr().active);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> ExtendedEchoReplyRepr<'_> {
        ExtendedEchoReplyRepr {
            code: self.code(),
            identifier: self.identifier(),
            sequence: self.sequence(),
            state: self.state(),
            reserved: self.reserved(),
            active: self.active(),
            ipv4: self.ipv4(),
            ipv6: self.ipv6(),
            payload: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> ExtendedEchoRequest<B> {
    /// Sets the identifier; the checksum follows.
    ///
    /// ```
    /// # let mut bytes = [42u8, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1, 0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
    /// let mut probe = icmpwire::ExtendedEchoRequest::parse(&mut bytes[..]).unwrap();
    /// probe.set_identifier(7);
    /// assert!(probe.verify_checksum());
    /// ```
    #[inline]
    pub fn set_identifier(&mut self, identifier: u16) {
        let old = self.identifier();
        self.0.header_mut().identifier = U16::new(identifier);
        self.0.patch_u16(old, identifier);
    }
}

/// The fields of an extended echo request, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{ExtendedEchoRequestRepr, Repr};
///
/// let ext = [0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1];
/// let repr = Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
///     identifier: 0x1234, sequence: 1, local: true, payload: &ext, ..ExtendedEchoRequestRepr::default()
/// });
/// let mut buf = [0u8; 20];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(&buf[..8], &[42, 0, 0xc2, 0xca, 0x12, 0x34, 1, 1]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ExtendedEchoRequestRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The identifier.
    pub identifier: u16,
    /// The sequence number.
    pub sequence: u8,
    /// The L bit.
    pub local: bool,
    /// The 7 reserved bits (0).
    pub reserved: u8,
    /// What follows the header: the extension structure (build one with
    /// [`extension::write`](crate::extension::write)).
    pub payload: &'a [u8],
}

impl ExtendedEchoRequestRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.payload.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let header = ExtendedEchoHeader {
            ty: 42,
            code: self.code,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            sequence: self.sequence,
            flags: (self.reserved << 1) | u8::from(self.local),
        };
        write_payload(&header, self.payload, out)
    }
}

/// The fields of an extended echo reply, to emit with [`Repr`](crate::Repr).
///
/// ```
/// use icmpwire::{ExtendedEchoReplyRepr, Repr};
///
/// let repr = Repr::ExtendedEchoReply(ExtendedEchoReplyRepr {
///     identifier: 0x1234, sequence: 1, active: true, ipv4: true, ipv6: true, ..ExtendedEchoReplyRepr::default()
/// });
/// let mut buf = [0u8; 8];
/// repr.emit(&mut buf).unwrap();
/// assert_eq!(buf, [43, 0, 0xc1, 0xc4, 0x12, 0x34, 1, 0x07]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct ExtendedEchoReplyRepr<'a> {
    /// The code.
    pub code: ExtendedEchoReplyCode,
    /// The identifier (the request's).
    pub identifier: u16,
    /// The sequence number (the request's).
    pub sequence: u8,
    /// State (3 bits).
    pub state: u8,
    /// The 2 reserved bits (0).
    pub reserved: u8,
    /// The A bit.
    pub active: bool,
    /// The 4 bit.
    pub ipv4: bool,
    /// The 6 bit.
    pub ipv6: bool,
    /// What follows the header (Linux returns the request's extension structure).
    pub payload: &'a [u8],
}

impl ExtendedEchoReplyRepr<'_> {
    #[inline]
    pub(crate) fn buffer_len(&self) -> usize {
        8usize.saturating_add(self.payload.len())
    }

    #[inline]
    pub(crate) fn fill(&self, out: &mut [u8]) -> u64 {
        let flags = (self.state & 7) << 5
            | (self.reserved & 3) << 3
            | u8::from(self.active) << 2
            | u8::from(self.ipv4) << 1
            | u8::from(self.ipv6);
        let header = ExtendedEchoHeader {
            ty: 43,
            code: self.code.0,
            checksum: U16::ZERO,
            identifier: U16::new(self.identifier),
            sequence: self.sequence,
            flags,
        };
        write_payload(&header, self.payload, out)
    }
}

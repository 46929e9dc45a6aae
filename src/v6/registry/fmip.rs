//! FMIPv6 messages (154), RFC 5568 section 6.1: Subtype, a reserved byte and an Identifier
//! after the checksum, then Neighbor Discovery options. Subtype 2 is the router solicitation
//! for proxy advertisement (RtSolPr, section 6.1.1), 3 the proxy router advertisement
//! (PrRtAdv, section 6.1.2, its code saying what it announces).

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::Part;
use crate::message::build::{Body, Describe};
use crate::v6::V6;
use crate::v6::ndp::NdOptions;
use crate::view::{Fields, View, sealed};

/// Subtype, reserved byte and Identifier of an FMIPv6 message (RFC 5568 section 6.1).
///
/// ```
/// let bytes = [154u8, 0, 0, 0, 2, 0, 0x70, 0x4e];
/// assert_eq!(icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap().fmip_identifier(), 0x704e);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct FmipFields {
    subtype: u8,
    reserved: u8,
    identifier: U16,
}

impl sealed::Sealed for FmipFields {}

impl Fields<V6> for FmipFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[154];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Fmip";
}

/// An FMIPv6 message (154), RFC 5568 section 6.1.
///
/// ```
/// // scapy6-00436 of the oracle: an RtSolPr naming the new access point's link-layer address.
/// let bytes = [0x9a, 0, 0x37, 0x27, 2, 0, 0x70, 0x4e, 19, 2, 2, 2, 9, 0x8d, 0xb9, 0x86, 0xac, 0, 0, 0, 0, 0, 0, 0];
/// let m = icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((m.subtype(), m.fmip_identifier()), (2, 28750));
/// assert_eq!(m.options().count(), 1);
/// ```
pub type Fmip<B> = View<V6, B, FmipFields>;

impl<B: ByteSlice> View<V6, B, FmipFields> {
    /// Subtype: 2 RtSolPr, 3 PrRtAdv.
    ///
    /// ```
    /// let bytes = [154u8, 0, 0, 0, 3, 0, 0, 1];
    /// assert_eq!(icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap().subtype(), 3);
    /// ```
    #[must_use]
    pub fn subtype(&self) -> u8 {
        self.fields().subtype
    }

    /// The reserved byte after the subtype.
    ///
    /// ```
    /// let bytes = [154u8, 0, 0, 0, 3, 7, 0, 1];
    /// assert_eq!(icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap().reserved(), 7);
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u8 {
        self.fields().reserved
    }

    /// Identifier (bytes 6-7: after subtype and reserved, unlike the messages whose
    /// identifier comes first).
    ///
    /// ```
    /// let bytes = [154u8, 0, 0, 0, 3, 0, 0x12, 0x34];
    /// assert_eq!(icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap().fmip_identifier(), 0x1234);
    /// ```
    #[must_use]
    pub fn fmip_identifier(&self) -> u16 {
        self.fields().identifier.get()
    }

    /// The options (RFC 5568 section 6.4: link-layer address, new router prefix, IP address;
    /// any Neighbor Discovery option), read by the same walk as Neighbor Discovery's.
    ///
    /// ```
    /// let bytes = [154u8, 0, 0, 0, 3, 0, 0, 1, 19, 0];
    /// assert!(icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap().options().next().unwrap().is_err());
    /// ```
    pub fn options(&self) -> NdOptions<'_> {
        NdOptions::new(self.payload(), self.payload_offset())
    }

    /// The owned description of this message (its options as bytes).
    ///
    /// ```
    /// let bytes = [154u8, 1, 0, 0, 3, 0, 0, 9];
    /// let m = icmpwire::v6::Fmip::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!((m.to_repr().code, m.to_repr().identifier), (1, 9));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> FmipRepr<'_> {
        FmipRepr {
            code: self.code_u8(),
            subtype: self.subtype(),
            reserved: self.reserved(),
            identifier: self.fmip_identifier(),
            options: self.payload(),
        }
    }
}

impl<B: ByteSliceMut> View<V6, B, FmipFields> {
    /// Sets the subtype; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [154u8, 0, 0, 0, 2, 0, 0, 1];
    /// icmpwire::v6::Fmip::parse_unverified(&mut bytes[..]).unwrap().set_subtype(3);
    /// assert_eq!(bytes[4], 3);
    /// ```
    pub fn set_subtype(&mut self, subtype: u8) {
        self.modify(|f| f.subtype = subtype);
    }

    /// Sets the identifier.
    ///
    /// ```
    /// let mut bytes = [154u8, 0, 0, 0, 2, 0, 0, 1];
    /// icmpwire::v6::Fmip::parse_unverified(&mut bytes[..]).unwrap().set_fmip_identifier(0xabcd);
    /// assert_eq!(bytes[6..8], [0xab, 0xcd]);
    /// ```
    pub fn set_fmip_identifier(&mut self, identifier: u16) {
        self.modify(|f| f.identifier = U16::new(identifier));
    }
}

/// An FMIPv6 message to write (154): options as bytes.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{FmipRepr, Repr};
///
/// let repr = Repr::Fmip(FmipRepr { subtype: 2, identifier: 7, ..Default::default() });
/// let mut buf = [0u8; 8];
/// assert_eq!(repr.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf), Ok(8));
/// assert_eq!(buf[4..8], [2, 0, 0, 7]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FmipRepr<'a> {
    /// The code.
    pub code: u8,
    /// Subtype.
    pub subtype: u8,
    /// The reserved byte.
    pub reserved: u8,
    /// Identifier.
    pub identifier: u16,
    /// The options, as bytes.
    pub options: &'a [u8],
}

impl Describe for FmipRepr<'_> {
    type Fields = FmipFields;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = FmipFields {
            subtype: self.subtype,
            reserved: self.reserved,
            identifier: U16::new(self.identifier),
        };
        (self.code, fields, Body::Bytes(self.options))
    }
}

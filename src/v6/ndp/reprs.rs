//! The builders of the Neighbor Discovery messages (`*Repr`), and `to_repr` on each view: the
//! fields, and the options as bytes or as a list of values ([`NdOptionsRepr`]).

use core::net::Ipv6Addr;

use zerocopy::ByteSlice;

use super::{
    Advertised, Inverse, NdOptionsRepr, ReservedFields, RouterAdvertisementFields, Rs, Solicited,
    TargetFields, checked_nd_len, fill_nd,
};
use crate::checksum::icmpv6_pseudo_header;
use crate::error::EmitError;
use crate::v6::V6;
use crate::view::View;
use crate::write::{Build, emit_with, len_with};

/// A router solicitation to write (type 133).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Message, NdOptionRepr, NdOptionsRepr, Repr, RouterSolicitationRepr};
///
/// let options = [NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 0x0a])];
/// let repr = Repr::RouterSolicitation(RouterSolicitationRepr { options: NdOptionsRepr::List(&options), ..Default::default() });
/// let (src, dst) = ("fe80::ff:fe00:a".parse().unwrap(), "ff02::2".parse().unwrap());
/// let mut buf = [0u8; 16];
/// assert_eq!(repr.emit(src, dst, &mut buf), Ok(16));
/// assert_eq!(buf[8..], [1, 1, 2, 0, 0, 0, 0, 0x0a]);
/// assert!(matches!(Message::parse(&buf[..], src, dst), Ok(Message::RouterSolicitation(_))));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterSolicitationRepr<'a> {
    /// The code (0, RFC 4861 section 6.1.1).
    pub code: u8,
    /// The reserved word.
    pub reserved: u32,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

/// An inverse neighbor discovery solicitation (141) or advertisement (142) to write.
///
/// ```
/// use icmpwire::v6::{InverseNeighborDiscoveryRepr, Repr};
///
/// let repr = Repr::InverseSolicitation(InverseNeighborDiscoveryRepr::default());
/// assert_eq!(repr.buffer_len(), 8);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InverseNeighborDiscoveryRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The reserved word.
    pub reserved: u32,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

/// A router advertisement to write (type 134).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{NdOptionRepr, NdOptionsRepr, Repr, RouterAdvertisementRepr};
///
/// let options = [NdOptionRepr::Mtu { reserved: 0, mtu: 1500 }];
/// let repr = Repr::RouterAdvertisement(RouterAdvertisementRepr {
///     hop_limit: 64, other: true, preference: 1, router_lifetime: 1800,
///     options: NdOptionsRepr::List(&options), ..Default::default()
/// });
/// let mut buf = [0u8; 24];
/// assert_eq!(repr.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf), Ok(24));
/// assert_eq!(buf[4..8], [64, 0x48, 0x07, 0x08]);
/// assert_eq!(buf[16..], [5, 1, 0, 0, 0, 0, 0x05, 0xdc]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RouterAdvertisementRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Cur Hop Limit.
    pub hop_limit: u8,
    /// M.
    pub managed: bool,
    /// O.
    pub other: bool,
    /// H (RFC 6275).
    pub home_agent: bool,
    /// Prf (RFC 4191), 2 bits: 1 high, 0 medium, 3 low.
    pub preference: u8,
    /// P (RFC 4389).
    pub proxy: bool,
    /// The 2 reserved bits.
    pub reserved: u8,
    /// Router Lifetime in seconds.
    pub router_lifetime: u16,
    /// Reachable Time in milliseconds.
    pub reachable_time: u32,
    /// Retrans Timer in milliseconds.
    pub retrans_timer: u32,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

/// A neighbor solicitation to write (type 135).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{NeighborSolicitationRepr, Repr};
///
/// let target: Ipv6Addr = "2001:db8:1::1".parse().unwrap();
/// let repr = Repr::NeighborSolicitation(NeighborSolicitationRepr { target, ..Default::default() });
/// let mut buf = [0u8; 24];
/// assert_eq!(repr.emit(Ipv6Addr::UNSPECIFIED, "ff02::1:ff00:1".parse().unwrap(), &mut buf), Ok(24));
/// assert_eq!(buf[8..24], target.octets());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct NeighborSolicitationRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The reserved word.
    pub reserved: u32,
    /// The address being resolved.
    pub target: Ipv6Addr,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

impl Default for NeighborSolicitationRepr<'_> {
    fn default() -> Self {
        NeighborSolicitationRepr {
            code: 0,
            reserved: 0,
            target: Ipv6Addr::UNSPECIFIED,
            options: NdOptionsRepr::default(),
        }
    }
}

/// A neighbor advertisement to write (type 136).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{NeighborAdvertisementRepr, Repr};
///
/// let repr = Repr::NeighborAdvertisement(NeighborAdvertisementRepr {
///     solicited: true, override_flag: true, target: "fe80::1".parse().unwrap(), ..Default::default()
/// });
/// let mut buf = [0u8; 24];
/// repr.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf).unwrap();
/// assert_eq!(buf[4..8], [0x60, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct NeighborAdvertisementRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// R.
    pub router: bool,
    /// S.
    pub solicited: bool,
    /// O.
    pub override_flag: bool,
    /// The 29 reserved bits after the flags.
    pub reserved: u32,
    /// The address whose link-layer address is advertised.
    pub target: Ipv6Addr,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

impl Default for NeighborAdvertisementRepr<'_> {
    fn default() -> Self {
        NeighborAdvertisementRepr {
            code: 0,
            router: false,
            solicited: false,
            override_flag: false,
            reserved: 0,
            target: Ipv6Addr::UNSPECIFIED,
            options: NdOptionsRepr::default(),
        }
    }
}

/// A redirect to write (type 137).
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{RedirectRepr, Repr};
///
/// let repr = Repr::Redirect(RedirectRepr {
///     target: "fe80::3".parse().unwrap(), destination: "2001:db8:3::1".parse().unwrap(), ..Default::default()
/// });
/// let mut buf = [0u8; 40];
/// repr.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf).unwrap();
/// assert_eq!(buf[24..28], [0x20, 0x01, 0x0d, 0xb8]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RedirectRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// The reserved word.
    pub reserved: u32,
    /// The better first hop.
    pub target: Ipv6Addr,
    /// The destination redirected.
    pub destination: Ipv6Addr,
    /// The options.
    pub options: NdOptionsRepr<'a>,
}

impl Default for RedirectRepr<'_> {
    fn default() -> Self {
        RedirectRepr {
            code: 0,
            reserved: 0,
            target: Ipv6Addr::UNSPECIFIED,
            destination: Ipv6Addr::UNSPECIFIED,
            options: NdOptionsRepr::default(),
        }
    }
}

impl RouterAdvertisementRepr<'_> {
    /// The flags byte.
    fn flags(&self) -> u8 {
        u8::from(self.managed) << 7
            | u8::from(self.other) << 6
            | u8::from(self.home_agent) << 5
            | (self.preference & 0x03) << 3
            | u8::from(self.proxy) << 2
            | self.reserved & 0x03
    }
}

impl NeighborAdvertisementRepr<'_> {
    /// The word before the target.
    fn word(&self) -> u32 {
        u32::from(self.router) << 31
            | u32::from(self.solicited) << 30
            | u32::from(self.override_flag) << 29
            | self.reserved & 0x1FFF_FFFF
    }
}

/// What a Neighbor Discovery builder writes: its code, fields and options.
pub(crate) trait NdBuild {
    /// The fields after the checksum.
    type Fields: zerocopy::IntoBytes + zerocopy::Immutable + zerocopy::Unaligned;
    /// Code, fields, options.
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>);

    /// The options alone (what the length and the checks need).
    fn options(&self) -> NdOptionsRepr<'_>;

    /// What the fields cannot hold (a value wider than its bits).
    fn check_fields(&self) -> Result<(), EmitError> {
        Ok(())
    }
}

impl NdBuild for RouterSolicitationRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = ReservedFields<Rs>;
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        (self.code, ReservedFields::new(self.reserved), self.options)
    }
}

impl NdBuild for InverseNeighborDiscoveryRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = ReservedFields<Inverse>;
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        (self.code, ReservedFields::new(self.reserved), self.options)
    }
}

impl NdBuild for RouterAdvertisementRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = RouterAdvertisementFields;
    fn check_fields(&self) -> Result<(), EmitError> {
        fits("preference", self.preference.into(), 2)?;
        fits("reserved", self.reserved.into(), 2)
    }
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        let fields = RouterAdvertisementFields::new(
            self.hop_limit,
            self.flags(),
            self.router_lifetime,
            self.reachable_time,
            self.retrans_timer,
        );
        (self.code, fields, self.options)
    }
}

impl NdBuild for NeighborSolicitationRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = TargetFields<Solicited>;
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        let fields = TargetFields::new(self.reserved, self.target, Solicited);
        (self.code, fields, self.options)
    }
}

impl NdBuild for NeighborAdvertisementRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = TargetFields<Advertised>;
    fn check_fields(&self) -> Result<(), EmitError> {
        fits("reserved", self.reserved, 29)
    }
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        let fields = TargetFields::new(self.word(), self.target, Advertised);
        (self.code, fields, self.options)
    }
}

impl NdBuild for RedirectRepr<'_> {
    #[inline(always)]
    fn options(&self) -> NdOptionsRepr<'_> {
        self.options
    }
    type Fields = TargetFields<[u8; 16]>;
    fn parts(&self) -> (u8, Self::Fields, NdOptionsRepr<'_>) {
        let fields = TargetFields::new(self.reserved, self.target, self.destination.octets());
        (self.code, fields, self.options)
    }
}

/// A Neighbor Discovery builder as [`Build`] sees it: every one is written the same way, by
/// its code, fields and options.
pub(crate) struct Nd<'r, D>(pub(crate) &'r D);

impl<D: NdBuild> Build for Nd<'_, D> {
    fn buffer_len(&self) -> usize {
        len_with::<D::Fields>(&[]).saturating_add(self.0.options().len())
    }

    fn check(&self) -> Result<(), EmitError> {
        self.checked_len().map(|_| ())
    }

    #[inline]
    fn checked_len(&self) -> Result<usize, EmitError> {
        self.0.check_fields()?;
        let options = checked_nd_len(self.0.options())?;
        Ok(len_with::<D::Fields>(&[]).saturating_add(options))
    }

    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let (code, fields, options) = self.0.parts();
        fill_nd(ty, code, fields, options, out)
    }
}

/// Writes the Neighbor Discovery message `r` as type `ty` from `src` to `dst` (see
/// [`Repr::emit`](crate::v6::Repr::emit)): its option list walked once for the checks and the
/// length, once to write.
#[inline(never)]
pub(crate) fn emit_nd<D: NdBuild>(
    r: &D,
    ty: u8,
    src: &Ipv6Addr,
    dst: &Ipv6Addr,
    buf: &mut [u8],
) -> Result<usize, EmitError> {
    emit_with(&Nd(r), ty, |len| icmpv6_pseudo_header(src, dst, len), buf)
}

/// `Ok` when `value` fits `bits` bits, else the error naming `field`.
fn fits(field: &'static str, value: u32, bits: u8) -> Result<(), EmitError> {
    if value.checked_shr(u32::from(bits)).unwrap_or(0) == 0 {
        Ok(())
    } else {
        Err(EmitError::FieldTooWide { field, value, bits })
    }
}

impl<B: ByteSlice> View<V6, B, RouterAdvertisementFields> {
    /// The owned description of this advertisement (its options as received).
    ///
    /// ```
    /// let bytes = [134u8, 0, 0, 0, 64, 0x48, 0x07, 0x08, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let ra = icmpwire::v6::RouterAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// let repr = ra.to_repr();
    /// assert_eq!((repr.hop_limit, repr.other, repr.preference, repr.router_lifetime), (64, true, 1, 1800));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RouterAdvertisementRepr<'_> {
        RouterAdvertisementRepr {
            code: self.code_u8(),
            hop_limit: self.hop_limit(),
            managed: self.managed(),
            other: self.other(),
            home_agent: self.home_agent(),
            preference: self.preference(),
            proxy: self.proxy(),
            reserved: self.reserved(),
            router_lifetime: self.router_lifetime(),
            reachable_time: self.reachable_time(),
            retrans_timer: self.retrans_timer(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSlice> View<V6, B, ReservedFields<Rs>> {
    /// The owned description of this solicitation (its options as received).
    ///
    /// ```
    /// let bytes = [133u8, 0, 0, 0, 0, 0, 0, 7];
    /// let rs = icmpwire::v6::RouterSolicitation::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(rs.to_repr().reserved, 7);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RouterSolicitationRepr<'_> {
        RouterSolicitationRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSlice> View<V6, B, ReservedFields<Inverse>> {
    /// The owned description of this message (its options as received).
    ///
    /// ```
    /// let bytes = [142u8, 3, 0, 0, 0, 0, 0, 7];
    /// let m = icmpwire::v6::InverseNeighborDiscovery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!((m.to_repr().code, m.to_repr().reserved), (3, 7));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> InverseNeighborDiscoveryRepr<'_> {
        InverseNeighborDiscoveryRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSlice> View<V6, B, TargetFields<Solicited>> {
    /// The owned description of this solicitation (its options as received).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 135;
    /// bytes[23] = 1;
    /// let ns = icmpwire::v6::NeighborSolicitation::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(ns.to_repr().target, core::net::Ipv6Addr::LOCALHOST);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> NeighborSolicitationRepr<'_> {
        NeighborSolicitationRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            target: self.target(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSlice> View<V6, B, TargetFields<Advertised>> {
    /// The owned description of this advertisement (its options as received).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 136;
    /// bytes[4] = 0xA0;
    /// bytes[7] = 5;
    /// let na = icmpwire::v6::NeighborAdvertisement::parse_unverified(&bytes[..]).unwrap();
    /// let r = na.to_repr();
    /// assert_eq!((r.router, r.solicited, r.override_flag, r.reserved), (true, false, true, 5));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> NeighborAdvertisementRepr<'_> {
        NeighborAdvertisementRepr {
            code: self.code_u8(),
            router: self.router(),
            solicited: self.solicited(),
            override_flag: self.override_flag(),
            reserved: self.reserved() & 0x1FFF_FFFF,
            target: self.target(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSlice> View<V6, B, TargetFields<[u8; 16]>> {
    /// The owned description of this redirect (its options as received).
    ///
    /// ```
    /// let mut bytes = [0u8; 40];
    /// bytes[0] = 137;
    /// bytes[39] = 1;
    /// let redirect = icmpwire::v6::Redirect::parse_unverified(&bytes[..]).unwrap();
    /// let r = redirect.to_repr();
    /// assert_eq!(r.destination, core::net::Ipv6Addr::LOCALHOST);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RedirectRepr<'_> {
        RedirectRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            target: self.target(),
            destination: self.destination(),
            options: NdOptionsRepr::Bytes(self.payload()),
        }
    }
}

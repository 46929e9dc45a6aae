//! RPL control messages (155), RFC 6550 section 6: the code names the message, whose base
//! object follows the checksum, then the control message options (section 6.7).
//!
//! | code | base object | bytes | RFC 6550 |
//! |---|---|---|---|
//! | 0x00 | DODAG Information Solicitation: flags, reserved | 2 | 6.2.1 |
//! | 0x01 | DODAG Information Object: instance, version, rank, G, MOP, Prf, DTSN, flags, reserved, DODAGID | 24 | 6.3.1 |
//! | 0x02 | Destination Advertisement Object: instance, K, D, flags, reserved, sequence, DODAGID if D | 4 or 20 | 6.4.1 |
//! | 0x03 | DAO acknowledgement: instance, D, reserved, sequence, status, DODAGID if D | 4 or 20 | 6.5.1 |
//!
//! The secure messages (0x80-0x83, and the consistency check 0x8A, which RFC 6550 section 6.6
//! sends secured only) put a security section (section 6.1) before the base object; they and
//! unknown codes are read as bytes ([`RplBase`] is `None` for them).

use core::net::Ipv6Addr;

use zerocopy::{ByteSlice, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::checksum;
use crate::error::{EmitError, ParseError, Part};
use crate::v6::V6;
use crate::view::{Fields, View, sealed};
use crate::write::{Build, copy};

/// The (empty) fields of an RPL control message: the base object depends on the code and is
/// read by [`Rpl::base`](View::base).
///
/// ```
/// assert!(icmpwire::v6::Rpl::parse_unverified(&[155u8, 0, 0, 0][..]).is_ok());
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy)]
#[repr(C)]
pub struct RplFields;

impl sealed::Sealed for RplFields {}

impl Fields<V6> for RplFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[155];
    const PART: Part = Part::Header;
    const NAME: &'static str = "Rpl";
    const MIN_LEN: usize = 4;
}

/// An RPL control message (155), RFC 6550 section 6.
///
/// ```
/// use icmpwire::v6::{Rpl, RplBase};
///
/// // scapy6-00442 of the oracle: a DAO-ACK, instance 1, sequence 7, status 0.
/// let bytes = [0x9b, 3, 0x6d, 0x87, 1, 0, 7, 0];
/// let m = Rpl::parse_unverified(&bytes[..]).unwrap();
/// let Ok(Some(RplBase::DaoAck(ack))) = m.base() else { panic!() };
/// assert_eq!((ack.instance_id, ack.sequence, ack.status, ack.dodag_id), (1, 7, 0, None));
/// ```
pub type Rpl<B> = View<V6, B, RplFields>;

/// A DODAG Information Object's base (RFC 6550 section 6.3.1).
///
/// ```
/// let dio = icmpwire::v6::RplDio { rank: 256, ..Default::default() };
/// assert_eq!(dio.rank, 256);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RplDio {
    /// RPLInstanceID.
    pub instance_id: u8,
    /// Version Number.
    pub version: u8,
    /// Rank.
    pub rank: u16,
    /// G: the DODAG is grounded.
    pub grounded: bool,
    /// The bit after G, which must be zero.
    pub zero: bool,
    /// Mode of Operation (3 bits).
    pub mop: u8,
    /// DODAG preference (3 bits, 7 the most preferred).
    pub preference: u8,
    /// Destination Advertisement Trigger Sequence Number.
    pub dtsn: u8,
    /// Flags.
    pub flags: u8,
    /// Reserved.
    pub reserved: u8,
    /// DODAGID.
    pub dodag_id: Ipv6Addr,
}

impl Default for RplDio {
    fn default() -> Self {
        RplDio {
            instance_id: 0,
            version: 0,
            rank: 0,
            grounded: false,
            zero: false,
            mop: 0,
            preference: 0,
            dtsn: 0,
            flags: 0,
            reserved: 0,
            dodag_id: Ipv6Addr::UNSPECIFIED,
        }
    }
}

/// A Destination Advertisement Object's base (RFC 6550 section 6.4.1); the D flag is
/// `dodag_id.is_some()`.
///
/// ```
/// let dao = icmpwire::v6::RplDao { expects_ack: true, sequence: 8, ..Default::default() };
/// assert!(dao.dodag_id.is_none());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RplDao {
    /// RPLInstanceID.
    pub instance_id: u8,
    /// K: the sender expects a DAO-ACK.
    pub expects_ack: bool,
    /// The 6 flag bits after K and D.
    pub flags: u8,
    /// Reserved.
    pub reserved: u8,
    /// DAOSequence.
    pub sequence: u8,
    /// DODAGID, present when the D flag is set.
    pub dodag_id: Option<Ipv6Addr>,
}

/// A DAO acknowledgement's base (RFC 6550 section 6.5.1); the D flag is
/// `dodag_id.is_some()`.
///
/// ```
/// let ack = icmpwire::v6::RplDaoAck { status: 128, ..Default::default() };
/// assert_eq!(ack.status, 128);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RplDaoAck {
    /// RPLInstanceID.
    pub instance_id: u8,
    /// The 7 reserved bits after D.
    pub reserved: u8,
    /// DAOSequence.
    pub sequence: u8,
    /// Status (0 unqualified acceptance, 128 and up rejection).
    pub status: u8,
    /// DODAGID, present when the D flag is set.
    pub dodag_id: Option<Ipv6Addr>,
}

/// The base object of an RPL control message, by code.
///
/// ```
/// use icmpwire::v6::RplBase;
///
/// assert_eq!(RplBase::Dis { flags: 0, reserved: 0 }.code(), 0);
/// assert_eq!(RplBase::Dis { flags: 0, reserved: 0 }.len(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum RplBase {
    /// DODAG Information Solicitation (code 0x00).
    Dis {
        /// Flags.
        flags: u8,
        /// Reserved.
        reserved: u8,
    },
    /// DODAG Information Object (code 0x01).
    Dio(RplDio),
    /// Destination Advertisement Object (code 0x02).
    Dao(RplDao),
    /// DAO acknowledgement (code 0x03).
    DaoAck(RplDaoAck),
}

/// The largest base object (the DIO's).
const BASE_MAX: usize = 24;

impl RplBase {
    /// The code of the message this base object belongs to.
    ///
    /// ```
    /// use icmpwire::v6::{RplBase, RplDaoAck};
    ///
    /// assert_eq!(RplBase::DaoAck(RplDaoAck::default()).code(), 3);
    /// ```
    #[must_use]
    pub const fn code(&self) -> u8 {
        match self {
            RplBase::Dis { .. } => 0,
            RplBase::Dio(_) => 1,
            RplBase::Dao(_) => 2,
            RplBase::DaoAck(_) => 3,
        }
    }

    /// Its length in bytes.
    ///
    /// ```
    /// use icmpwire::v6::{RplBase, RplDao};
    ///
    /// let dao = RplDao { dodag_id: Some(core::net::Ipv6Addr::LOCALHOST), ..Default::default() };
    /// assert_eq!(RplBase::Dao(dao).len(), 20);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub const fn len(&self) -> usize {
        match self {
            RplBase::Dis { .. } => 2,
            RplBase::Dio(_) => BASE_MAX,
            RplBase::Dao(RplDao { dodag_id, .. }) | RplBase::DaoAck(RplDaoAck { dodag_id, .. }) => {
                if dodag_id.is_some() {
                    20
                } else {
                    4
                }
            }
        }
    }

    /// Reads the base object of a message of `code` from `bytes` (what follows the checksum):
    /// `Ok(None)` for a code without one here.
    fn read(code: u8, bytes: &[u8]) -> Result<Option<Self>, ParseError> {
        let cut = |required: usize| ParseError::Truncated {
            part: Part::RplBase,
            required,
            actual: bytes.len(),
        };
        let byte = |i: usize| bytes.get(i).copied().unwrap_or(0);
        let addr = |at: usize| {
            bytes
                .get(at..)
                .and_then(<[u8]>::first_chunk::<16>)
                .map(|a| Ipv6Addr::from(*a))
        };
        let need = |n: usize| if bytes.len() < n { Err(cut(n)) } else { Ok(()) };
        Ok(Some(match code {
            0 => {
                need(2)?;
                RplBase::Dis {
                    flags: byte(0),
                    reserved: byte(1),
                }
            }
            1 => {
                need(24)?;
                let g = byte(4);
                RplBase::Dio(RplDio {
                    instance_id: byte(0),
                    version: byte(1),
                    rank: u16::from_be_bytes([byte(2), byte(3)]),
                    grounded: g & 0x80 != 0,
                    zero: g & 0x40 != 0,
                    mop: (g >> 3) & 7,
                    preference: g & 7,
                    dtsn: byte(5),
                    flags: byte(6),
                    reserved: byte(7),
                    dodag_id: addr(8).ok_or(cut(24))?,
                })
            }
            2 | 3 => {
                need(4)?;
                let flags = byte(1);
                let (d, k) = if code == 2 {
                    (flags & 0x40 != 0, flags & 0x80 != 0)
                } else {
                    (flags & 0x80 != 0, false)
                };
                let dodag_id = if d {
                    Some(addr(4).ok_or(cut(20))?)
                } else {
                    None
                };
                if code == 2 {
                    RplBase::Dao(RplDao {
                        instance_id: byte(0),
                        expects_ack: k,
                        flags: flags & 0x3f,
                        reserved: byte(2),
                        sequence: byte(3),
                        dodag_id,
                    })
                } else {
                    RplBase::DaoAck(RplDaoAck {
                        instance_id: byte(0),
                        reserved: flags & 0x7f,
                        sequence: byte(2),
                        status: byte(3),
                        dodag_id,
                    })
                }
            }
            _ => return Ok(None),
        }))
    }

    /// Its bytes, in the first [`len`](Self::len) of the array.
    fn bytes(&self) -> [u8; BASE_MAX] {
        let mut b = [0u8; BASE_MAX];
        let mut put = |at: usize, src: &[u8]| {
            if let Some(dst) = b.get_mut(at..).and_then(|d| d.get_mut(..src.len())) {
                dst.copy_from_slice(src);
            }
        };
        match *self {
            RplBase::Dis { flags, reserved } => put(0, &[flags, reserved]),
            RplBase::Dio(d) => {
                let g = u8::from(d.grounded) << 7
                    | u8::from(d.zero) << 6
                    | (d.mop & 7) << 3
                    | (d.preference & 7);
                put(0, &[d.instance_id, d.version]);
                put(2, &d.rank.to_be_bytes());
                put(4, &[g, d.dtsn, d.flags, d.reserved]);
                put(8, &d.dodag_id.octets());
            }
            RplBase::Dao(d) => {
                let flags = u8::from(d.expects_ack) << 7
                    | u8::from(d.dodag_id.is_some()) << 6
                    | (d.flags & 0x3f);
                put(0, &[d.instance_id, flags, d.reserved, d.sequence]);
                if let Some(id) = d.dodag_id {
                    put(4, &id.octets());
                }
            }
            RplBase::DaoAck(d) => {
                let flags = u8::from(d.dodag_id.is_some()) << 7 | (d.reserved & 0x7f);
                put(0, &[d.instance_id, flags, d.sequence, d.status]);
                if let Some(id) = d.dodag_id {
                    put(4, &id.octets());
                }
            }
        }
        b
    }

    /// A sub-byte field whose value does not fit its bits, for the builder's check: the DIO's
    /// MOP and preference (3 bits), the DAO's flags (6), the DAO-ACK's reserved bits (7).
    fn too_wide(&self) -> Option<EmitError> {
        let over = |field: &'static str, value: u8, bits: u8| {
            (u32::from(value) >> bits != 0).then_some(EmitError::FieldTooWide {
                field,
                value: u32::from(value),
                bits,
            })
        };
        match *self {
            RplBase::Dio(d) => over("mop", d.mop, 3).or(over("preference", d.preference, 3)),
            RplBase::Dao(d) => over("flags", d.flags, 6),
            RplBase::DaoAck(d) => over("reserved", d.reserved, 7),
            RplBase::Dis { .. } => None,
        }
    }
}

impl<B: ByteSlice> View<V6, B, RplFields> {
    /// The base object: `Ok(None)` for a code this crate reads as bytes (the secure variants,
    /// unknown codes).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, v6::{Rpl, RplBase}};
    ///
    /// let dis = [155u8, 0, 0, 0, 0, 0];
    /// assert_eq!(Rpl::parse_unverified(&dis[..]).unwrap().base(), Ok(Some(RplBase::Dis { flags: 0, reserved: 0 })));
    /// assert_eq!(
    ///     Rpl::parse_unverified(&dis[..5]).unwrap().base(),
    ///     Err(ParseError::Truncated { part: Part::RplBase, required: 2, actual: 1 })
    /// );
    /// assert_eq!(Rpl::parse_unverified(&[155u8, 0x80, 0, 0][..]).unwrap().base(), Ok(None));
    /// // A consistency check: its security section comes first (RFC 6550 6.1, 6.6).
    /// assert_eq!(Rpl::parse_unverified(&[155u8, 0x8a, 0, 0, 0, 0][..]).unwrap().base(), Ok(None));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] of [`Part::RplBase`] when the base object is cut short.
    pub fn base(&self) -> Result<Option<RplBase>, ParseError> {
        RplBase::read(self.code_u8(), self.payload())
    }

    /// The bytes after the base object (the control message options, RFC 6550 section 6.7);
    /// all of the body when there is no base object or it is cut.
    ///
    /// ```
    /// let dao = [155u8, 2, 0, 0, 1, 0, 0, 7, 0, 0];
    /// assert_eq!(icmpwire::v6::Rpl::parse_unverified(&dao[..]).unwrap().options(), &[0, 0]);
    /// ```
    #[must_use]
    pub fn options(&self) -> &[u8] {
        let skip = match self.base() {
            Ok(Some(b)) => b.len(),
            _ => 0,
        };
        self.payload().get(skip..).unwrap_or_default()
    }

    /// The offset of [`options`](Self::options) in the message.
    ///
    /// ```
    /// let dis = [155u8, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::Rpl::parse_unverified(&dis[..]).unwrap().options_offset(), 6);
    /// ```
    #[must_use]
    pub fn options_offset(&self) -> usize {
        self.payload_offset()
            .saturating_add(self.payload().len().saturating_sub(self.options().len()))
    }

    /// The owned description of this message.
    ///
    /// ```
    /// let dis = [155u8, 0, 0, 0, 0, 0, 1, 0];
    /// let rpl = icmpwire::v6::Rpl::parse_unverified(&dis[..]).unwrap();
    /// assert_eq!(rpl.to_repr().options, &[1, 0]);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> RplRepr<'_> {
        RplRepr {
            code: self.code_u8(),
            base: self.base().ok().flatten(),
            options: self.options(),
        }
    }
}

/// An RPL control message to write: the code, the base object (which must be the code's, and
/// whose sub-byte fields must fit their bits) and the options as bytes.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Repr, RplBase, RplDao, RplRepr};
///
/// // scapy6-00440 of the oracle: a DAO, instance 1, sequence 7.
/// let base = RplBase::Dao(RplDao { instance_id: 1, sequence: 7, ..Default::default() });
/// let repr = Repr::Rpl(RplRepr { code: 2, base: Some(base), options: &[] });
/// let (src, dst) = ("fe80::7960:45ff:fe58:4f06".parse().unwrap(), "ff02::1a".parse().unwrap());
/// let mut buf = [0u8; 8];
/// assert_eq!(repr.emit(src, dst, &mut buf), Ok(8));
/// assert_eq!(buf, [0x9b, 2, 0x59, 0x57, 1, 0, 0, 7]);
/// let wrong = Repr::Rpl(RplRepr { code: 1, base: Some(base), options: &[] });
/// assert!(wrong.emit(src, dst, &mut buf).is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct RplRepr<'a> {
    /// The code.
    pub code: u8,
    /// The base object, `None` to write only the options bytes after the header.
    pub base: Option<RplBase>,
    /// What follows the base object, as bytes.
    pub options: &'a [u8],
}

impl Build for RplRepr<'_> {
    #[inline]
    fn buffer_len(&self) -> usize {
        let base = self.base.map_or(0, |b| b.len());
        4usize
            .saturating_add(base)
            .saturating_add(self.options.len())
    }

    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        if let Some(b) = self.base {
            if b.code() != self.code {
                return Err(EmitError::BaseCode {
                    code: self.code,
                    base: b.code(),
                });
            }
            if let Some(e) = b.too_wide() {
                return Err(e);
            }
        }
        Ok(())
    }

    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let mut head = [0u8; 4 + BASE_MAX];
        let (len, base) = match self.base {
            Some(b) => (4usize.saturating_add(b.len()), b.bytes()),
            None => (4, [0; BASE_MAX]),
        };
        if let Some((first, rest)) = head.split_first_chunk_mut::<4>() {
            *first = [ty, self.code, 0, 0];
            copy(rest, &base);
        }
        let head = head.get(..len).unwrap_or_default();
        let (h, rest) = out.split_at_mut_checked(len).unwrap_or((&mut [], &mut []));
        copy(h, head);
        // Every base object is an even number of bytes: the options' words line up.
        checksum::combine(
            checksum::sum_part(head),
            checksum::copy_and_sum(rest, self.options),
        )
    }
}

//! Writing MLD messages (RFC 2710, RFC 3810): the descriptions, an MLDv2 query's flags, QQIC
//! and sources (section 5.1) and a report's multicast address records (section 5.2) written
//! from values, and the encoders of the two floating-point codes the query views decode
//! (sections 5.1.3 and 5.1.9).

use core::net::Ipv6Addr;

use super::{MldFields, Query, ReportFields};
use crate::checksum;
use crate::error::EmitError;
use crate::v6::ndp::Addresses;
use crate::view::Header;
use crate::write::{Build, len_with, write_payload};

/// The Maximum Response Code for a delay of `delay_ms` milliseconds (RFC 3810 section 5.1.3):
/// the delay itself below 32768, else the floating-point form `1 | exp | mant` of the largest
/// delay it can say that does not exceed `delay_ms` (a host answers within the delay, so it
/// never waits longer than asked); 0xFFFF (8 387 584 ms) for anything longer.
///
/// ```
/// use icmpwire::v6::max_response_code;
///
/// assert_eq!(max_response_code(10_000), 10_000);
/// // 32768 ms = 0x1000 << 3: exp 0, mant 0.
/// assert_eq!(max_response_code(32_768), 0x8000);
/// // 125 000 ms: 0x1E84 << 4 = 124 992 is the largest not above it: exp 1, mant 0xE84.
/// assert_eq!(max_response_code(125_000), 0x9E84);
/// assert_eq!(max_response_code(u32::MAX), 0xFFFF);
/// ```
#[must_use]
pub const fn max_response_code(delay_ms: u32) -> u16 {
    if delay_ms < 0x8000 {
        return delay_ms as u16;
    }
    match float_code(delay_ms, 0x1FFF) {
        Some((exp, mant)) => 0x8000 | (exp as u16) << 12 | mant as u16,
        None => 0xFFFF,
    }
}

/// The Querier's Query Interval Code for an interval of `seconds` (RFC 3810 section 5.1.9):
/// the interval itself below 128, else `1 | exp | mant` for the largest interval it can say
/// that does not exceed `seconds`; 0xFF (31 744 s) for anything longer.
///
/// ```
/// use icmpwire::v6::qqic;
///
/// assert_eq!(qqic(125), 125);
/// // 128 s = 0x10 << 3: exp 0, mant 0.
/// assert_eq!(qqic(128), 0x80);
/// // 1000 s: 0x1F << 5 = 992 is the largest not above it: exp 2, mant 0xF.
/// assert_eq!(qqic(1000), 0xAF);
/// assert_eq!(qqic(100_000), 0xFF);
/// ```
#[must_use]
pub const fn qqic(seconds: u32) -> u8 {
    if seconds < 0x80 {
        return seconds as u8;
    }
    match float_code(seconds, 0x1F) {
        Some((exp, mant)) => 0x80 | (exp as u8) << 4 | mant as u8,
        None => 0xFF,
    }
}

/// RFC 3810's floating-point form, shared by both codes (sections 5.1.3, 5.1.9): a value is
/// `(1 mant) << (exp + 3)`, the leading 1 implied. For `value` at least `(limit + 1) << 2`,
/// the exponent (0-7) and the stored mantissa (below the implied bit) of the largest such value
/// not above `value`, where `limit` is the largest `1 mant` (0x1FFF, 0x1F); `None` past
/// exponent 7.
const fn float_code(value: u32, limit: u32) -> Option<(u32, u32)> {
    let mut exp = 0u32;
    while exp < 8 {
        let mant = value.wrapping_shr(exp.wrapping_add(3));
        if mant <= limit {
            return Some((exp, mant & (limit >> 1)));
        }
        exp = exp.wrapping_add(1);
    }
    None
}

/// What follows the first 24 bytes of a query: nothing for MLDv1, the MLDv2 fields as bytes, or
/// as values.
///
/// ```
/// use icmpwire::v6::{MldQueryBody, MldQueryV2};
///
/// assert_eq!(MldQueryBody::default().len(), 0);
/// assert_eq!(MldQueryBody::V2(MldQueryV2::default()).len(), 4);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum MldQueryBody<'a> {
    /// Bytes, written as given (empty: an MLDv1 query, a report or a done).
    Bytes(&'a [u8]),
    /// An MLDv2 query's fields.
    V2(MldQueryV2<'a>),
}

impl Default for MldQueryBody<'_> {
    fn default() -> Self {
        MldQueryBody::Bytes(&[])
    }
}

impl MldQueryBody<'_> {
    /// The bytes it takes.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::v6::{Addresses, MldQueryBody, MldQueryV2};
    ///
    /// let sources = [Ipv6Addr::LOCALHOST];
    /// let q = MldQueryV2 { sources: Addresses::from_slice(&sources), ..Default::default() };
    /// assert_eq!(MldQueryBody::V2(q).len(), 20);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self {
            MldQueryBody::Bytes(b) => b.len(),
            MldQueryBody::V2(q) => q.sources.len().saturating_mul(16).saturating_add(4),
        }
    }
}

/// An MLDv2 query's fields after the multicast address (RFC 3810 section 5.1): the 4
/// reserved bits, S, QRV, QQIC and the sources (their number written from the list).
///
/// ```
/// let q = icmpwire::v6::MldQueryV2 { qrv: 2, qqic: 125, ..Default::default() };
/// assert!(!q.suppress);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MldQueryV2<'a> {
    /// The 4 reserved bits before S.
    pub resv: u8,
    /// S: routers suppress their timer updates.
    pub suppress: bool,
    /// Querier's Robustness Variable (3 bits: a querier whose variable exceeds 7 sends 0, RFC
    /// 3810 section 5.1.8; the builder refuses a wider value).
    pub qrv: u8,
    /// Querier's Query Interval Code ([`qqic`] encodes one).
    pub qqic: u8,
    /// The sources.
    pub sources: Addresses<'a>,
}

impl Default for MldQueryV2<'_> {
    fn default() -> Self {
        MldQueryV2 {
            resv: 0,
            suppress: false,
            qrv: 0,
            qqic: 0,
            sources: Addresses::from_slice(&[]),
        }
    }
}

/// A report's multicast address records: as bytes with the count to write, or as values.
///
/// ```
/// use icmpwire::v6::MldRecordsRepr;
///
/// assert_eq!(MldRecordsRepr::default().count(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum MldRecordsRepr<'a> {
    /// Records as bytes, written as given, and the Number of Multicast Address Records.
    Bytes {
        /// Number of Multicast Address Records.
        count: u16,
        /// The records' bytes.
        bytes: &'a [u8],
    },
    /// Records as values (their number written from the list).
    List(&'a [MulticastRecordRepr<'a>]),
}

impl Default for MldRecordsRepr<'_> {
    fn default() -> Self {
        MldRecordsRepr::Bytes {
            count: 0,
            bytes: &[],
        }
    }
}

impl MldRecordsRepr<'_> {
    /// The Number of Multicast Address Records written (saturating for a longer list, which
    /// the builder refuses).
    ///
    /// ```
    /// use icmpwire::v6::{MldRecordsRepr, MulticastRecordRepr};
    ///
    /// let list = [MulticastRecordRepr::default(); 3];
    /// assert_eq!(MldRecordsRepr::List(&list).count(), 3);
    /// ```
    #[must_use]
    pub fn count(&self) -> u16 {
        match self {
            MldRecordsRepr::Bytes { count, .. } => *count,
            MldRecordsRepr::List(l) => u16::try_from(l.len()).unwrap_or(u16::MAX),
        }
    }

    /// The bytes the records take.
    ///
    /// ```
    /// use icmpwire::v6::{MldRecordsRepr, MulticastRecordRepr};
    ///
    /// let list = [MulticastRecordRepr::default(); 2];
    /// assert_eq!(MldRecordsRepr::List(&list).len(), 40);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        match self {
            MldRecordsRepr::Bytes { bytes, .. } => bytes.len(),
            MldRecordsRepr::List(l) => l.iter().fold(0usize, |n, r| n.saturating_add(r.len())),
        }
    }
}

/// A multicast address record to write (RFC 3810 section 5.2.4): its type (1-6, section
/// 5.2.12), the address, the sources (their number written from the list) and the auxiliary
/// data (a whole number of 32-bit words, its length written from it).
///
/// ```
/// let r = icmpwire::v6::MulticastRecordRepr { record_type: 4, ..Default::default() };
/// assert_eq!(r.len(), 20);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MulticastRecordRepr<'a> {
    /// Record Type.
    pub record_type: u8,
    /// Multicast Address.
    pub multicast_address: Ipv6Addr,
    /// The sources.
    pub sources: Addresses<'a>,
    /// Auxiliary data.
    pub aux_data: &'a [u8],
}

impl Default for MulticastRecordRepr<'_> {
    fn default() -> Self {
        MulticastRecordRepr {
            record_type: 0,
            multicast_address: Ipv6Addr::UNSPECIFIED,
            sources: Addresses::from_slice(&[]),
            aux_data: &[],
        }
    }
}

impl MulticastRecordRepr<'_> {
    /// Its length in bytes: 20, the sources, the auxiliary data.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::v6::{Addresses, MulticastRecordRepr};
    ///
    /// let sources = [Ipv6Addr::LOCALHOST; 2];
    /// let r = MulticastRecordRepr { sources: Addresses::from_slice(&sources), aux_data: &[0; 4], ..Default::default() };
    /// assert_eq!(r.len(), 56);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.sources
            .len()
            .saturating_mul(16)
            .saturating_add(20)
            .saturating_add(self.aux_data.len())
    }

    /// What cannot be written: more sources than 16 bits count, auxiliary data that is not a
    /// whole number of words or longer than 255 of them.
    fn check(&self) -> Result<(), EmitError> {
        let aux = self.aux_data.len();
        if !aux.is_multiple_of(4) || aux > 255 * 4 {
            return Err(EmitError::AuxDataLength { len: aux });
        }
        count16("sources", self.sources.len()).map(|_| ())
    }

    /// Writes the record into `out` (exactly [`len`](Self::len) bytes, checked).
    fn write(&self, out: &mut [u8]) {
        let words = u8::try_from(self.aux_data.len() / 4).unwrap_or(0);
        let n = u16::try_from(self.sources.len()).unwrap_or(0).to_be_bytes();
        let (head, rest) = out.split_at_mut_checked(20).unwrap_or((&mut [], &mut []));
        if let Some((first, address)) = head.split_first_chunk_mut::<4>() {
            *first = [self.record_type, words, n[0], n[1]];
            crate::write::copy(address, &self.multicast_address.octets());
        }
        let (sources, aux) = rest
            .split_at_mut_checked(self.sources.len().saturating_mul(16))
            .unwrap_or((&mut [], &mut []));
        self.sources.write(sources);
        crate::write::copy(aux, self.aux_data);
    }
}

/// `count` as a 16-bit count field, or the error naming `what`.
fn count16(what: &'static str, count: usize) -> Result<u16, EmitError> {
    u16::try_from(count).map_err(|_| EmitError::CountTooLarge {
        what,
        count: u32::try_from(count).unwrap_or(u32::MAX),
    })
}

/// An MLDv1 query, report or done, or an MLDv2 query, to write (types 130, 131, 132):
/// `body` is what a query has after byte 24 (nothing for MLDv1), as bytes or as values.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Addresses, MldQueryBody, MldQueryV2, MldRepr, Repr, max_response_code, qqic};
///
/// let repr = Repr::MulticastListenerReport(MldRepr { multicast_address: "ff15::db8:2".parse().unwrap(), ..Default::default() });
/// let mut buf = [0u8; 48];
/// assert_eq!(repr.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf), Ok(24));
/// assert_eq!(buf[8..10], [0xff, 0x15]);
///
/// // An MLDv2 group-and-source-specific query: S set, QRV 2, QQI 125 s, one source.
/// let sources = ["2001:db8::1".parse::<Ipv6Addr>().unwrap()];
/// let body = MldQueryV2 { suppress: true, qrv: 2, qqic: qqic(125), sources: Addresses::from_slice(&sources), ..Default::default() };
/// let query = Repr::MulticastListenerQuery(MldRepr {
///     max_response_code: max_response_code(10_000),
///     multicast_address: "ff15::db8:2".parse().unwrap(),
///     body: MldQueryBody::V2(body),
///     ..Default::default()
/// });
/// assert_eq!(query.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf), Ok(44));
/// assert_eq!(buf[24..28], [0x0a, 125, 0, 1]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MldRepr<'a> {
    /// The code (0).
    pub code: u8,
    /// Maximum Response Code (RFC 2710: the delay in ms; RFC 3810: [`max_response_code`]
    /// encodes one; 0 in reports and dones).
    pub max_response_code: u16,
    /// The reserved 16 bits.
    pub reserved: u16,
    /// Multicast Address.
    pub multicast_address: Ipv6Addr,
    /// What follows: an MLDv2 query's fields.
    pub body: MldQueryBody<'a>,
}

impl Default for MldRepr<'_> {
    fn default() -> Self {
        MldRepr {
            code: 0,
            max_response_code: 0,
            reserved: 0,
            multicast_address: Ipv6Addr::UNSPECIFIED,
            body: MldQueryBody::default(),
        }
    }
}

impl Build for MldRepr<'_> {
    #[inline]
    fn buffer_len(&self) -> usize {
        len_with::<MldFields<Query>>(&[]).saturating_add(self.body.len())
    }

    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        let MldQueryBody::V2(q) = self.body else {
            return Ok(());
        };
        for (field, value, bits) in [("resv", q.resv, 4), ("qrv", q.qrv, 3)] {
            if value.checked_shr(u32::from(bits)).unwrap_or(0) != 0 {
                return Err(EmitError::FieldTooWide {
                    field,
                    value: u32::from(value),
                    bits,
                });
            }
        }
        count16("sources", q.sources.len()).map(|_| ())
    }

    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let fields = MldFields::<Query>::new(
            self.max_response_code,
            self.reserved,
            self.multicast_address,
        );
        let header = Header::new(ty, self.code, fields);
        match self.body {
            MldQueryBody::Bytes(bytes) => write_payload(&header, bytes, out),
            MldQueryBody::V2(q) => {
                let (head, rest) = out
                    .split_at_mut_checked(len_with::<MldFields<Query>>(&[]))
                    .unwrap_or((&mut [], &mut []));
                let sum = write_payload(&header, &[], head);
                let flags = (q.resv & 0x0F) << 4 | u8::from(q.suppress) << 3 | (q.qrv & 0x07);
                let n = u16::try_from(q.sources.len()).unwrap_or(0).to_be_bytes();
                let (first, sources) = rest.split_at_mut_checked(4).unwrap_or((&mut [], &mut []));
                crate::write::copy(first, &[flags, q.qqic, n[0], n[1]]);
                q.sources.write(sources);
                // The fixed part is 24 bytes: the body's words line up.
                checksum::combine(sum, checksum::sum_part(rest))
            }
        }
    }
}

/// An MLDv2 report to write (type 143): the records as bytes (with the count to write) or as
/// values.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{Addresses, MldRecordsRepr, MldReportRepr, MulticastRecordRepr, Repr};
///
/// let repr = Repr::MulticastListenerReportV2(MldReportRepr::default());
/// let mut buf = [0u8; 64];
/// assert_eq!(repr.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf), Ok(8));
///
/// // One CHANGE_TO_EXCLUDE_MODE record (type 4) for ff02::fb with no sources: a join.
/// let join = [MulticastRecordRepr { record_type: 4, multicast_address: "ff02::fb".parse().unwrap(), ..Default::default() }];
/// let report = Repr::MulticastListenerReportV2(MldReportRepr { records: MldRecordsRepr::List(&join), ..Default::default() });
/// assert_eq!(report.emit(Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, &mut buf), Ok(28));
/// assert_eq!(buf[6..12], [0, 1, 4, 0, 0, 0]);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MldReportRepr<'a> {
    /// The code (RFC 3810's first reserved byte).
    pub code: u8,
    /// The reserved 16 bits.
    pub reserved: u16,
    /// The records.
    pub records: MldRecordsRepr<'a>,
}

impl Build for MldReportRepr<'_> {
    #[inline]
    fn buffer_len(&self) -> usize {
        len_with::<ReportFields>(&[]).saturating_add(self.records.len())
    }

    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        let MldRecordsRepr::List(list) = self.records else {
            return Ok(());
        };
        count16("records", list.len())?;
        list.iter().try_for_each(MulticastRecordRepr::check)
    }

    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        let header = Header::new(
            ty,
            self.code,
            ReportFields::new(self.reserved, self.records.count()),
        );
        match self.records {
            MldRecordsRepr::Bytes { bytes, .. } => write_payload(&header, bytes, out),
            MldRecordsRepr::List(list) => {
                let (head, mut rest) = out
                    .split_at_mut_checked(len_with::<ReportFields>(&[]))
                    .unwrap_or((&mut [], &mut []));
                let mut sum = write_payload(&header, &[], head);
                for r in list {
                    let n = r.len().min(rest.len());
                    let Some((record, tail)) = core::mem::take(&mut rest).split_at_mut_checked(n)
                    else {
                        break;
                    };
                    r.write(record);
                    // Every record is a whole number of 32-bit words: the next starts even.
                    sum = checksum::combine(sum, checksum::sum_part(record));
                    rest = tail;
                }
                sum
            }
        }
    }
}

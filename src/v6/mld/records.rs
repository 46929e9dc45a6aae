//! The MLDv2 report (type 143, RFC 3810 section 5.2) and its multicast address records, and
//! the builders of the MLD messages.

use core::net::Ipv6Addr;

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use super::{MldRecordsRepr, MldReportRepr};
use crate::error::{ParseError, Part};
use crate::v6::V6;
use crate::v6::ndp::Addresses;
use crate::view::{Fields, View, sealed};

/// The fields of an MLDv2 report after the checksum: reserved (16 bits) and the Number of
/// Multicast Address Records.
///
/// ```
/// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 0];
/// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(report.number_of_records(), 0);
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct ReportFields {
    reserved: U16,
    records: U16,
}

impl sealed::Sealed for ReportFields {}

impl ReportFields {
    /// The fields to write.
    pub(crate) fn new(reserved: u16, records: u16) -> Self {
        ReportFields {
            reserved: U16::new(reserved),
            records: U16::new(records),
        }
    }
}

/// An MLDv2 multicast listener report (type 143, RFC 3810 section 5.2).
///
/// ```
/// // From the kernel capture: A joins ff15::db8:1 (CHANGE_TO_EXCLUDE_MODE, no sources).
/// let mut bytes = vec![143u8, 0, 0, 0, 0, 0, 0, 1, 4, 0, 0, 0];
/// bytes.extend_from_slice(&"ff15::db8:1".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
/// let record = report.records().next().unwrap().unwrap();
/// assert_eq!((record.record_type(), record.multicast_address().to_string()), (4, "ff15::db8:1".to_string()));
/// ```
pub type MulticastListenerReportV2<B> = View<V6, B, ReportFields>;

impl Fields<V6> for ReportFields {
    type Code = u8;
    const TYPES: &'static [u8] = &[143];
    const PART: Part = Part::Header;
    const NAME: &'static str = "MulticastListenerReportV2";
}

impl<B: ByteSlice> View<V6, B, ReportFields> {
    /// The reserved 16 bits (bytes 4-5).
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 7, 0, 0];
    /// assert_eq!(icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap().reserved(), 7);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u16 {
        self.fields().reserved.get()
    }

    /// Number of Multicast Address Records (bytes 6-7).
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 2];
    /// assert_eq!(icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap().number_of_records(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn number_of_records(&self) -> u16 {
        self.fields().records.get()
    }

    /// The records, as many as announced: each complete one, then a typed error for the first
    /// that is cut short (and nothing after it).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part};
    ///
    /// // Two records announced, none present.
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 2];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// let walk: Vec<_> = report.records().collect();
    /// assert_eq!(walk, [Err(ParseError::Truncated { part: Part::MulticastRecord, required: 20, actual: 0 })]);
    /// ```
    #[must_use]
    #[inline]
    pub fn records(&self) -> MulticastRecords<'_> {
        MulticastRecords {
            bytes: self.payload(),
            left: self.number_of_records(),
        }
    }

    /// Where the report's content ends: after its last complete record.
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 0xAA];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.content_len(), 8);
    /// ```
    #[must_use]
    pub fn content_len(&self) -> usize {
        self.records()
            .map_while(Result::ok)
            .fold(8usize, |n, r| n.saturating_add(r.len()))
    }

    /// The owned description of this report (its records as bytes).
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.to_repr().records.count(), 0);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> MldReportRepr<'_> {
        MldReportRepr {
            code: self.code_u8(),
            reserved: self.reserved(),
            records: MldRecordsRepr::Bytes {
                count: self.number_of_records(),
                bytes: self.payload(),
            },
        }
    }
}

impl<B: ByteSliceMut> View<V6, B, ReportFields> {
    /// Sets the reserved 16 bits; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [143u8, 0, 0, 0, 0, 0, 0, 0];
    /// let mut r = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&mut bytes[..]).unwrap();
    /// r.set_reserved(0x0a0b);
    /// assert_eq!(r.reserved(), 0x0a0b);
    /// assert_eq!(bytes[4..6], [0x0a, 0x0b]);
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, reserved: u16) {
        self.modify(|f| f.reserved = U16::new(reserved));
    }
}

/// The multicast address records of an MLDv2 report, in order: an iterator of
/// `Result<MulticastRecord, ParseError>` that ends after the first error.
///
/// ```
/// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 0];
/// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(report.records().count(), 0);
/// ```
#[derive(Clone, Debug)]
pub struct MulticastRecords<'a> {
    bytes: &'a [u8],
    left: u16,
}

impl<'a> Iterator for MulticastRecords<'a> {
    type Item = Result<MulticastRecord<'a>, ParseError>;

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        self.left = self.left.checked_sub(1)?;
        let cut = |required: usize, actual: usize| ParseError::Truncated {
            part: Part::MulticastRecord,
            required,
            actual,
        };
        let actual = self.bytes.len();
        let Some(head) = self.bytes.first_chunk::<20>() else {
            self.left = 0;
            return Some(Err(cut(20, actual)));
        };
        let [_, aux, n_hi, n_lo, ..] = *head;
        let sources = usize::from(u16::from_be_bytes([n_hi, n_lo])).saturating_mul(16);
        let len = sources
            .saturating_add(usize::from(aux).saturating_mul(4))
            .saturating_add(20);
        match self.bytes.split_at_checked(len) {
            Some((record, rest)) => {
                self.bytes = rest;
                Some(Ok(MulticastRecord { bytes: record }))
            }
            None => {
                self.left = 0;
                Some(Err(cut(len, actual)))
            }
        }
    }
}

impl core::iter::FusedIterator for MulticastRecords<'_> {}

/// One multicast address record (RFC 3810 section 5.2.4): Record Type, Aux Data Len (32-bit
/// words), Number of Sources, Multicast Address, the sources, the auxiliary data.
///
/// ```
/// let mut bytes = vec![143u8, 0, 0, 0, 0, 0, 0, 1, 5, 1, 0, 0];
/// bytes.extend_from_slice(&[0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
/// bytes.extend_from_slice(&[1, 2, 3, 4]); // one word of auxiliary data
/// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
/// let r = report.records().next().unwrap().unwrap();
/// assert_eq!((r.record_type(), r.aux_data_len(), r.aux_data()), (5, 1, &[1u8, 2, 3, 4][..]));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MulticastRecord<'a> {
    bytes: &'a [u8],
}

impl<'a> MulticastRecord<'a> {
    #[inline]
    fn byte(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(0)
    }

    /// Record Type: 1 MODE_IS_INCLUDE, 2 MODE_IS_EXCLUDE, 3 CHANGE_TO_INCLUDE_MODE, 4
    /// CHANGE_TO_EXCLUDE_MODE, 5 ALLOW_NEW_SOURCES, 6 BLOCK_OLD_SOURCES (RFC 3810 section
    /// 5.2.12).
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.records().next().unwrap().unwrap().record_type(), 2);
    /// ```
    #[must_use]
    #[inline]
    pub fn record_type(&self) -> u8 {
        self.byte(0)
    }

    /// Aux Data Len, in 32-bit words.
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.records().next().unwrap().unwrap().aux_data_len(), 0);
    /// ```
    #[must_use]
    #[inline]
    pub fn aux_data_len(&self) -> u8 {
        self.byte(1)
    }

    /// Number of Sources.
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.records().next().unwrap().unwrap().number_of_sources(), 0);
    /// ```
    #[must_use]
    #[inline]
    pub fn number_of_sources(&self) -> u16 {
        u16::from_be_bytes([self.byte(2), self.byte(3)])
    }

    /// The Multicast Address.
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.records().next().unwrap().unwrap().multicast_address().to_string(), "ff02::2");
    /// ```
    #[must_use]
    #[inline]
    pub fn multicast_address(&self) -> Ipv6Addr {
        crate::v6::ndp::address_at(self.bytes.get(4..).unwrap_or_default())
    }

    /// The sources.
    ///
    /// ```
    /// let mut bytes = vec![143u8, 0, 0, 0, 0, 0, 0, 1, 5, 0, 0, 1];
    /// bytes.extend_from_slice(&[0; 16]);
    /// bytes.extend_from_slice(&core::net::Ipv6Addr::LOCALHOST.octets());
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// let r = report.records().next().unwrap().unwrap();
    /// assert_eq!(r.sources().iter().collect::<Vec<_>>(), [core::net::Ipv6Addr::LOCALHOST]);
    /// ```
    #[must_use]
    #[inline]
    pub fn sources(&self) -> Addresses<'a> {
        let n = usize::from(self.number_of_sources()).saturating_mul(16);
        Addresses::from_bytes(
            self.bytes
                .get(20..)
                .and_then(|s| s.get(..n))
                .unwrap_or_default(),
        )
    }

    /// The auxiliary data (RFC 3810 section 5.2.10; none is defined for MLDv2).
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert!(report.records().next().unwrap().unwrap().aux_data().is_empty());
    /// ```
    #[must_use]
    #[inline]
    pub fn aux_data(&self) -> &'a [u8] {
        let n = usize::from(self.number_of_sources()).saturating_mul(16);
        self.bytes.get(n.saturating_add(20)..).unwrap_or_default()
    }

    /// The record's length in bytes.
    ///
    /// ```
    /// let bytes = [143u8, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let report = icmpwire::v6::MulticastListenerReportV2::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(report.records().next().unwrap().unwrap().len(), 20);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    #[inline]
    pub const fn len(&self) -> usize {
        self.bytes.len()
    }
}

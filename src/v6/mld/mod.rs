//! Multicast Listener Discovery: MLDv1 query, report and done (types 130, 131, 132; RFC 2710
//! section 3), the MLDv2 query (type 130 of 28 bytes or more; RFC 3810 section 5.1) and the
//! MLDv2 report (type 143; RFC 3810 section 5.2) with its multicast address records.
//!
//! | type | after the checksum | RFC |
//! |---|---|---|
//! | 130, 131, 132 | Maximum Response Code (16 bits), reserved (16), Multicast Address | 2710 3, 3810 5.1 |
//! | 130 (MLDv2) | then Resv (4 bits), S, QRV (3 bits), QQIC, Number of Sources, the sources | 3810 5.1 |
//! | 143 | reserved (16 bits), Number of Multicast Address Records, the records | 3810 5.2 |
//!
//! RFC 3810 section 8.1 tells a query's version by its length: 24 bytes is MLDv1, 28 or more
//! MLDv2, and 25 to 27 bytes is to be ignored ([`MulticastListenerQuery::version`] says
//! `None`). Sources and records are read lazily; when fewer are present than announced the
//! reader yields those that are complete and a typed error for the first that is not.
//!
//! The Maximum Response Code and the QQIC of an MLDv2 query are floating-point codes (RFC
//! 3810 sections 5.1.3 and 5.1.9), decoded by
//! [`max_response_delay`](MulticastListenerQuery::max_response_delay) and
//! [`qqi`](MulticastListenerQuery::qqi).

mod build;
mod records;

use core::marker::PhantomData;
use core::net::Ipv6Addr;

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

pub use build::{
    MldQueryBody, MldQueryV2, MldRecordsRepr, MldReportRepr, MldRepr, MulticastRecordRepr,
    max_response_code, qqic,
};
pub use records::{MulticastListenerReportV2, MulticastRecord, MulticastRecords, ReportFields};

use super::V6;
use crate::error::{ParseError, Part};
use crate::view::{Fields, View, sealed};

use super::ndp::Addresses;

/// The fields of MLDv1 messages and of the first 24 bytes of an MLDv2 query: Maximum
/// Response Code, reserved, Multicast Address. `K` is [`Query`] (130) or [`Listener`] (131,
/// 132).
///
/// ```
/// let bytes = [131u8, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0d, 0xb8, 0, 2];
/// let report = icmpwire::v6::MulticastListener::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(report.multicast_address().to_string(), "ff15::db8:2");
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct MldFields<K> {
    max_response: U16,
    reserved: U16,
    address: [u8; 16],
    kind: PhantomData<K>,
}

impl<K> sealed::Sealed for MldFields<K> {}

impl<K> MldFields<K> {
    /// The fields to write.
    pub(crate) fn new(max_response: u16, reserved: u16, address: Ipv6Addr) -> Self {
        MldFields {
            max_response: U16::new(max_response),
            reserved: U16::new(reserved),
            address: address.octets(),
            kind: PhantomData,
        }
    }
}

/// Marker of the query's [`MldFields`].
///
/// ```
/// let _ = icmpwire::v6::Query;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Query;

/// Marker of the MLDv1 report's and done's [`MldFields`].
///
/// ```
/// let _ = icmpwire::v6::Listener;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct Listener;

/// A multicast listener query (type 130), MLDv1 or MLDv2.
///
/// ```
/// // The Linux bridge's MLDv2 general query (kernel capture): response delay 1000 ms,
/// // QRV 2, QQIC 125.
/// let bytes = [130u8, 0, 0, 0, 0x03, 0xe8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 125, 0, 0];
/// let q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((q.version(), q.max_response_delay(), q.qrv(), q.qqi()), (Some(2), 1000, 2, 125));
/// ```
pub type MulticastListenerQuery<B> = View<V6, B, MldFields<Query>>;

impl Fields<V6> for MldFields<Query> {
    type Code = u8;
    const TYPES: &'static [u8] = &[130];
    const PART: Part = Part::MulticastListener;
    const NAME: &'static str = "MulticastListenerQuery";
}

/// An MLDv1 multicast listener report (131) or done (132), RFC 2710 section 3.
///
/// ```
/// let bytes = [132u8, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x15, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0d, 0xb8, 0, 2];
/// let done = icmpwire::v6::MulticastListener::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!(done.max_response_code(), 0);
/// ```
pub type MulticastListener<B> = View<V6, B, MldFields<Listener>>;

impl Fields<V6> for MldFields<Listener> {
    type Code = u8;
    const TYPES: &'static [u8] = &[131, 132];
    const PART: Part = Part::MulticastListener;
    const NAME: &'static str = "MulticastListener";
}

impl<B: ByteSlice, K> View<V6, B, MldFields<K>>
where
    MldFields<K>: Fields<V6>,
{
    /// The Maximum Response Code (bytes 4-5) as received: in an MLDv1 query the delay in
    /// milliseconds, in an MLDv2 query a code ([`max_response_delay`] decodes it), 0 in
    /// reports and done.
    ///
    /// [`max_response_delay`]: View::max_response_delay
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 130;
    /// bytes[4..6].copy_from_slice(&[0x27, 0x10]);
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().max_response_code(), 10000);
    /// ```
    #[inline]
    #[must_use]
    pub fn max_response_code(&self) -> u16 {
        self.fields().max_response.get()
    }

    /// The reserved 16 bits (bytes 6-7).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 131;
    /// bytes[7] = 3;
    /// assert_eq!(icmpwire::v6::MulticastListener::parse_unverified(&bytes[..]).unwrap().reserved(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn reserved(&self) -> u16 {
        self.fields().reserved.get()
    }

    /// The Multicast Address (bytes 8-23): the group queried (`::` in a general query),
    /// reported or left.
    ///
    /// ```
    /// let bytes = [130u8, 0, 0, 0, 0, 0, 0, 0, 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().multicast_address().to_string(), "ff02::1");
    /// ```
    #[inline]
    #[must_use]
    pub fn multicast_address(&self) -> Ipv6Addr {
        Ipv6Addr::from(self.fields().address)
    }

    /// The owned description of this message (an MLDv2 query's fields after byte 24 as bytes).
    ///
    /// ```
    /// let bytes = [131u8, 0, 0, 0, 0, 0, 0, 9, 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    /// let r = icmpwire::v6::MulticastListener::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(r.to_repr().reserved, 9);
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> MldRepr<'_> {
        MldRepr {
            code: self.code_u8(),
            max_response_code: self.max_response_code(),
            reserved: self.reserved(),
            multicast_address: self.multicast_address(),
            body: MldQueryBody::Bytes(self.payload()),
        }
    }
}

impl<B: ByteSliceMut, K> View<V6, B, MldFields<K>>
where
    MldFields<K>: Fields<V6>,
{
    /// Sets the Maximum Response Code; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 130;
    /// let mut q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&mut bytes[..]).unwrap();
    /// q.set_max_response_code(1000);
    /// assert_eq!(q.max_response_code(), 1000);
    /// assert_eq!(bytes[4..6], [0x03, 0xe8]);
    /// ```
    #[inline]
    pub fn set_max_response_code(&mut self, code: u16) {
        self.modify(|f| f.max_response = U16::new(code));
    }

    /// Sets the reserved 16 bits; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 132;
    /// let mut d = icmpwire::v6::MulticastListener::parse_unverified(&mut bytes[..]).unwrap();
    /// d.set_reserved(0x0102);
    /// assert_eq!(d.reserved(), 0x0102);
    /// assert_eq!(bytes[6..8], [1, 2]);
    /// ```
    #[inline]
    pub fn set_reserved(&mut self, reserved: u16) {
        self.modify(|f| f.reserved = U16::new(reserved));
    }

    /// Sets the Multicast Address; the checksum follows.
    ///
    /// ```
    /// let mut bytes = [0u8; 24];
    /// bytes[0] = 131;
    /// let mut r = icmpwire::v6::MulticastListener::parse_unverified(&mut bytes[..]).unwrap();
    /// r.set_multicast_address("ff05::2".parse().unwrap());
    /// assert_eq!(r.multicast_address().to_string(), "ff05::2");
    /// assert_eq!(bytes[8..10], [0xff, 0x05]);
    /// ```
    #[inline]
    pub fn set_multicast_address(&mut self, address: Ipv6Addr) {
        self.modify(|f| f.address = address.octets());
    }
}

/// RFC 3810 section 5.1.3: a Maximum Response Code from 32768 up is a floating-point value,
/// `1 | exp (3 bits) | mant (12 bits)`, meaning `(mant | 0x1000) << (exp + 3)` milliseconds.
fn max_response_delay(code: u16) -> u32 {
    if code < 0x8000 {
        return u32::from(code);
    }
    let mant = u32::from(code & 0x0FFF) | 0x1000;
    let exp = u32::from((code >> 12) & 0x7);
    mant.checked_shl(exp.saturating_add(3)).unwrap_or(0)
}

/// RFC 3810 section 5.1.9: a QQIC from 128 up is `1 | exp (3 bits) | mant (4 bits)`, meaning
/// `(mant | 0x10) << (exp + 3)` seconds.
fn qqi(code: u8) -> u32 {
    if code < 0x80 {
        return u32::from(code);
    }
    let mant = u32::from(code & 0x0F) | 0x10;
    let exp = u32::from((code >> 4) & 0x7);
    mant.checked_shl(exp.saturating_add(3)).unwrap_or(0)
}

impl<B: ByteSlice> View<V6, B, MldFields<Query>> {
    /// The MLD version RFC 3810 section 8.1 reads from the length: `Some(1)` for 24 bytes,
    /// `Some(2)` for 28 or more, `None` for 25 to 27 (a query to ignore).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// let version = |n: usize| icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..n]).unwrap().version();
    /// assert_eq!((version(24), version(26), version(28)), (Some(1), None, Some(2)));
    /// ```
    #[inline]
    #[must_use]
    pub fn version(&self) -> Option<u8> {
        match self.payload().len() {
            0 => Some(1),
            1..=3 => None,
            _ => Some(2),
        }
    }

    /// The Maximum Response Delay in milliseconds: the code as is in MLDv1, decoded as RFC
    /// 3810 section 5.1.3's floating-point value in MLDv2.
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[4..6].copy_from_slice(&0x8FFFu16.to_be_bytes()); // exp 0, mant 0xFFF
    /// let q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.max_response_delay(), 0x1FFF << 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn max_response_delay(&self) -> u32 {
        match self.version() {
            Some(2) => max_response_delay(self.max_response_code()),
            _ => u32::from(self.max_response_code()),
        }
    }

    /// The byte after the multicast address of an MLDv2 query (Resv, S, QRV), 0 otherwise.
    fn flags(&self) -> u8 {
        self.v2_byte(0)
    }

    /// Byte `at` of the MLDv2 part (after the first 24 bytes), 0 when the query is not MLDv2.
    fn v2_byte(&self, at: usize) -> u8 {
        match self.version() {
            Some(2) => self.payload().get(at).copied().unwrap_or(0),
            _ => 0,
        }
    }

    /// The 4 reserved bits before S (MLDv2).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[24] = 0xF0;
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().resv_bits(), 15);
    /// ```
    #[inline]
    #[must_use]
    pub fn resv_bits(&self) -> u8 {
        self.flags() >> 4
    }

    /// S, Suppress Router-Side Processing (MLDv2, RFC 3810 section 5.1.7).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[24] = 0x08;
    /// assert!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().suppress());
    /// ```
    #[inline]
    #[must_use]
    pub fn suppress(&self) -> bool {
        self.flags() & 0x08 != 0
    }

    /// QRV, the Querier's Robustness Variable (MLDv2, 3 bits).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[24] = 0x0A;
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().qrv(), 2);
    /// ```
    #[inline]
    #[must_use]
    pub fn qrv(&self) -> u8 {
        self.flags() & 0x07
    }

    /// QQIC, the Querier's Query Interval Code as received (MLDv2).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[25] = 0xE9;
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().qqic(), 0xE9);
    /// ```
    #[inline]
    #[must_use]
    pub fn qqic(&self) -> u8 {
        self.v2_byte(1)
    }

    /// QQI, the Querier's Query Interval in seconds, decoded from QQIC (RFC 3810 section
    /// 5.1.9).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[25] = 0xE9; // exp 6, mant 9: (0x19) << 9
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().qqi(), 12800);
    /// ```
    #[inline]
    #[must_use]
    pub fn qqi(&self) -> u32 {
        qqi(self.qqic())
    }

    /// Number of Sources (MLDv2).
    ///
    /// ```
    /// let mut bytes = [0u8; 28];
    /// bytes[0] = 130;
    /// bytes[27] = 3;
    /// assert_eq!(icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap().number_of_sources(), 3);
    /// ```
    #[inline]
    #[must_use]
    pub fn number_of_sources(&self) -> u16 {
        u16::from_be_bytes([self.v2_byte(2), self.v2_byte(3)])
    }

    /// The sources present, at most [`number_of_sources`](Self::number_of_sources) (MLDv2).
    ///
    /// ```
    /// let mut bytes = [0u8; 44];
    /// bytes[0] = 130;
    /// bytes[27] = 1;
    /// bytes[43] = 1;
    /// let q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.sources().iter().collect::<Vec<_>>(), [core::net::Ipv6Addr::LOCALHOST]);
    /// ```
    #[must_use]
    pub fn sources(&self) -> Addresses<'_> {
        let n = usize::from(self.number_of_sources()).saturating_mul(16);
        let list = match self.version() {
            Some(2) => self.payload().get(4..).unwrap_or_default(),
            _ => &[],
        };
        let n = n.min(list.len() & !15);
        Addresses::from_bytes(list.get(..n).unwrap_or_default())
    }

    /// Whether every announced source is present (RFC 3810 section 5.1.10).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part};
    ///
    /// let mut bytes = [0u8; 44];
    /// bytes[0] = 130;
    /// bytes[27] = 2;
    /// let q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.check_sources(), Err(ParseError::Truncated { part: Part::MulticastSources, required: 32, actual: 16 }));
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] of [`Part::MulticastSources`] when fewer bytes follow than the
    /// sources need.
    pub fn check_sources(&self) -> Result<(), ParseError> {
        let required = usize::from(self.number_of_sources()).saturating_mul(16);
        let actual = self.payload().len().saturating_sub(4);
        if self.version() == Some(2) && actual < required {
            return Err(ParseError::Truncated {
                part: Part::MulticastSources,
                required,
                actual,
            });
        }
        Ok(())
    }

    /// Where the query's content ends: after the 24 bytes of MLDv1, after the announced
    /// sources of MLDv2 (or at the end of the message when they are cut short); bytes past it
    /// are not part of the query (RFC 3810 section 5.1.12).
    ///
    /// ```
    /// let mut bytes = [0u8; 30];
    /// bytes[0] = 130;
    /// let q = icmpwire::v6::MulticastListenerQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.content_len(), 28);
    /// ```
    #[must_use]
    pub fn content_len(&self) -> usize {
        match self.version() {
            Some(2) => usize::from(self.number_of_sources())
                .saturating_mul(16)
                .saturating_add(28)
                .min(self.message_len()),
            _ => 24,
        }
    }
}

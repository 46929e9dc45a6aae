//! ICMP multi-part messages (RFC 4884) and the extension objects routers and hosts attach:
//! MPLS label stacks (RFC 4950), interface information (RFC 5837), interface identification
//! (RFC 8335).
//!
//! Destination unreachable, time exceeded and parameter problem messages may carry an
//! *extension structure* after the quoted datagram: a 4-byte header (version 2, 12 reserved
//! bits, a checksum over the whole structure) and objects of `length`, `class-num`, `c-type` and
//! data. Byte 5 of the ICMP header gives the length of the quoted datagram in 32-bit words, at
//! least 32 (128 bytes, zero padded) when extensions follow (RFC 4884 section 4.1).
//!
//! Where the extension structure starts ([`locate`]):
//!
//! * with a length field of at least 32 words that fits the message: right after the datagram
//!   it gives, whatever the extension checksum says (a bad one is reported by
//!   [`Extensions::checksum_valid`]);
//! * otherwise (no length, as older routers send, or a length that is too short or too long),
//!   RFC 4884 section 5 compatibility: at byte 128 of the quote, but only if a well-formed
//!   extension header sits there (version 2 and a checksum that verifies), as Linux and Go's
//!   x/net/icmp do; else there is none.
//!
//! Extended echo (RFC 8335, PROBE) puts the structure right after its 8-byte header.
//!
//! ```
//! use icmpwire::extension::{Extensions, ObjectData};
//!
//! // A structure with one MPLS object: label 16, traffic class 0, bottom of stack, TTL 1.
//! let ext = [0x20, 0x00, 0xDD, 0xF4, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x01, 0x01];
//! let ext = Extensions::parse(&ext).unwrap();
//! assert!(ext.checksum_valid());
//! let obj = ext.objects().next().unwrap().unwrap();
//! let ObjectData::Mpls(mut labels) = obj.data() else { panic!() };
//! assert_eq!(labels.next().unwrap().label, 16);
//! ```

mod build;
mod interface;
mod mpls;

pub use build::{InterfaceInformationRepr, ObjectRepr};
pub use interface::{
    InterfaceAddress, InterfaceIdentification, InterfaceInformation, InterfaceRole,
};
pub use mpls::{MplsEntry, MplsLabels};

use crate::checksum::{self, Checksum};
use crate::error::{EmitError, ParseError, Part};

/// The quote of a message whose RFC 4884 length field declares `declared` bytes of original
/// datagram (the field times 4 on ICMPv4, times 8 on ICMPv6; 0 when the field is 0), split
/// into the original datagram and the extension structure, if any (see the module docs for the
/// rules).
///
/// ```
/// use icmpwire::extension::locate;
///
/// let mut quote = [0u8; 140];
/// quote[128..132].copy_from_slice(&[0x20, 0x00, 0xD3, 0xFA]); // version 2, one empty object
/// quote[132..136].copy_from_slice(&[0x00, 0x04, 0x0C, 0x01]);
/// quote[136..].fill(0);
/// let (datagram, ext) = locate(&quote[..136], 32 * 4);
/// assert_eq!(datagram.len(), 128);
/// assert!(ext.is_some());
/// ```
#[must_use]
#[inline]
pub fn locate(quote: &[u8], declared: usize) -> (&[u8], Option<Extensions<'_>>) {
    // Most quotes hold no structure: that test comes first. RFC 4884's own case (a declared
    // length and a structure header after it) is a few length tests and stays inline too; the
    // compatibility probe (a checksum over the rest of the quote) is out of line.
    if may_hold_structure(quote, declared) {
        if let Some((datagram, ext)) = declared_split(quote, declared) {
            return (datagram, Some(ext));
        }
        return locate_structure(quote, declared);
    }
    (plain_datagram(quote, declared), None)
}

/// The original datagram of [`locate`], alone: what a quote's decoder needs. The split is the
/// same; the out-of-line part returns two words in registers instead of `locate`'s four through
/// memory, so a caller that reads the quote needs no stack frame for the case it skips.
#[inline]
pub(crate) fn locate_datagram(quote: &[u8], declared: usize) -> &[u8] {
    if may_hold_structure(quote, declared) {
        if let Some((datagram, _)) = declared_split(quote, declared) {
            return datagram;
        }
        return datagram_beside_structure(quote, declared);
    }
    plain_datagram(quote, declared)
}

/// Whether the quote may hold a structure: a declared length of 128 bytes or more, or
/// version 2 in the byte at 128 (the compatibility rule). Anything else has none.
#[inline(always)]
fn may_hold_structure(quote: &[u8], declared: usize) -> bool {
    declared >= 128 || quote.get(128).is_some_and(|b| b >> 4 == 2)
}

/// The datagram when no structure was found: the declared length, or the whole quote when it
/// declares nothing or more than there is.
#[inline(always)]
fn plain_datagram(quote: &[u8], declared: usize) -> &[u8] {
    match declared {
        0 => quote,
        n => quote.get(..n).unwrap_or(quote),
    }
}

/// [`locate`] for a quote that may hold a structure.
#[cold]
#[inline(never)]
fn locate_structure(quote: &[u8], declared: usize) -> (&[u8], Option<Extensions<'_>>) {
    match find_structure(quote, declared) {
        Some((datagram, ext)) => (datagram, Some(ext)),
        None => (plain_datagram(quote, declared), None),
    }
}

/// [`locate_datagram`] for a quote that may hold a structure.
#[cold]
#[inline(never)]
fn datagram_beside_structure(quote: &[u8], declared: usize) -> &[u8] {
    match find_structure(quote, declared) {
        Some((datagram, _)) => datagram,
        None => plain_datagram(quote, declared),
    }
}

/// The split when a structure is found: at the declared length, or, for a quote whose length
/// field says nothing usable, a valid version-2 structure at byte 128.
#[inline(always)]
fn find_structure(quote: &[u8], declared: usize) -> Option<(&[u8], Extensions<'_>)> {
    if let Some(found) = declared_split(quote, declared) {
        return Some(found);
    }
    // Compatibility: a valid structure at byte 128 of a quote whose length field says nothing
    // usable.
    if let Some((datagram, rest)) = quote.split_at_checked(128)
        && let Ok(ext) = Extensions::parse(rest)
        && ext.version() == 2
        && ext.checksum_valid()
        && rest.len() >= 8
    {
        return Some((datagram, ext));
    }
    None
}

/// The split at a declared length of 128 bytes or more (RFC 4884 section 4.1 and 4.2: the
/// length covers the padded datagram) when at least a structure header follows it.
#[inline(always)]
fn declared_split(quote: &[u8], declared: usize) -> Option<(&[u8], Extensions<'_>)> {
    if declared >= 128
        && let Some((datagram, rest)) = quote.split_at_checked(declared)
        && let Ok(ext) = Extensions::parse(rest)
    {
        return Some((datagram, ext));
    }
    None
}

/// An RFC 4884 extension structure: header and objects, as received.
///
/// ```
/// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
/// assert_eq!(ext.version(), 2);
/// assert_eq!(ext.objects().count(), 0);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Extensions<'a> {
    bytes: &'a [u8],
}

impl<'a> Extensions<'a> {
    /// Reads an extension structure (at least its 4-byte header).
    ///
    /// ```
    /// use icmpwire::{ParseError, Part, extension::Extensions};
    ///
    /// assert_eq!(
    ///     Extensions::parse(&[0x20, 0]).unwrap_err(),
    ///     ParseError::Truncated { part: Part::ExtensionHeader, required: 4, actual: 2 }
    /// );
    /// ```
    ///
    /// # Errors
    ///
    /// [`ParseError::Truncated`] (part [`Part::ExtensionHeader`]) under 4 bytes.
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Self, ParseError> {
        if bytes.len() < 4 {
            return Err(ParseError::Truncated {
                part: Part::ExtensionHeader,
                required: 4,
                actual: bytes.len(),
            });
        }
        Ok(Extensions { bytes })
    }

    fn header(&self) -> [u8; 4] {
        self.bytes.first_chunk::<4>().copied().unwrap_or([0; 4])
    }

    /// The version (2 in RFC 4884).
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.version(), 2);
    /// ```
    #[must_use]
    pub fn version(&self) -> u8 {
        self.header()[0] >> 4
    }

    /// The 12 reserved bits.
    ///
    /// ```
    /// // Version 2 in the top 4 bits, the reserved bits 0xABC (RFC 4884 says 0, a receiver
    /// // ignores them), the checksum !0x2ABC.
    /// let ext = icmpwire::extension::Extensions::parse(&[0x2A, 0xBC, 0xD5, 0x43]).unwrap();
    /// assert_eq!((ext.version(), ext.reserved()), (2, 0xABC));
    /// assert!(ext.checksum_valid());
    /// ```
    #[must_use]
    pub fn reserved(&self) -> u16 {
        let [a, b, _, _] = self.header();
        u16::from_be_bytes([a & 0x0F, b])
    }

    /// The checksum field, host order.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.checksum(), 0xDFFF);
    /// ```
    #[must_use]
    pub fn checksum(&self) -> u16 {
        let [_, _, a, b] = self.header();
        u16::from_be_bytes([a, b])
    }

    /// Whether the checksum verifies: the RFC 1071 sum of the whole structure is `0xFFFF`.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0, 0]).unwrap();
    /// assert!(!ext.checksum_valid());
    /// // 0x2000 + 0xDFFF = 0xFFFF.
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert!(ext.checksum_valid());
    /// ```
    #[must_use]
    pub fn checksum_valid(&self) -> bool {
        checksum::verify(self.bytes)
    }

    /// The structure's bytes, header included.
    ///
    /// ```
    /// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
    /// assert_eq!(ext.bytes().len(), 4);
    /// ```
    #[must_use]
    pub fn bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The objects. An object whose length is below 4 or runs past the end is an error, after
    /// which the iterator ends.
    ///
    /// ```
    /// let ext = [0x20, 0, 0, 0, 0x00, 0x02, 1, 1];
    /// let ext = icmpwire::extension::Extensions::parse(&ext).unwrap();
    /// let mut objects = ext.objects();
    /// assert!(objects.next().unwrap().is_err());
    /// assert!(objects.next().is_none());
    /// ```
    #[must_use]
    pub fn objects(&self) -> Objects<'a> {
        Objects {
            rest: self.bytes.get(4..).unwrap_or(&[]),
        }
    }
}

/// The objects of an extension structure; see [`Extensions::objects`].
///
/// ```
/// let ext = icmpwire::extension::Extensions::parse(&[0x20, 0, 0xDF, 0xFF]).unwrap();
/// assert!(ext.objects().next().is_none());
/// ```
#[derive(Clone, Debug)]
pub struct Objects<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Objects<'a> {
    type Item = Result<Object<'a>, ParseError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        let bytes = self.rest;
        let Some(&[l0, l1, class_num, c_type]) = bytes.first_chunk::<4>() else {
            self.rest = &[];
            return Some(Err(ParseError::Truncated {
                part: Part::ExtensionObject,
                required: 4,
                actual: bytes.len(),
            }));
        };
        let length = u16::from_be_bytes([l0, l1]);
        let Some((object, rest)) = bytes
            .split_at_checked(usize::from(length))
            .filter(|_| length >= 4)
        else {
            self.rest = &[];
            return Some(Err(ParseError::ExtensionObjectLength {
                length,
                available: bytes.len(),
            }));
        };
        self.rest = rest;
        Some(Ok(Object {
            class_num,
            c_type,
            data: object.get(4..).unwrap_or(&[]),
        }))
    }
}

/// One extension object: class, sub-type and data (RFC 4884 section 7).
///
/// ```
/// use icmpwire::extension::{Extensions, ObjectData};
///
/// let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
/// let obj = Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
/// assert_eq!((obj.class_num(), obj.c_type(), obj.length()), (99, 1, 8));
/// assert!(matches!(obj.data(), ObjectData::Unknown(&[1, 2, 3, 4])));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Object<'a> {
    class_num: u8,
    c_type: u8,
    data: &'a [u8],
}

impl<'a> Object<'a> {
    /// The class (1 MPLS label stack, 2 interface information, 3 interface identification).
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.class_num(), 99);
    /// ```
    #[must_use]
    pub fn class_num(&self) -> u8 {
        self.class_num
    }

    /// The sub-type within the class.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.c_type(), 1);
    /// ```
    #[must_use]
    pub fn c_type(&self) -> u8 {
        self.c_type
    }

    /// The length field: 4 plus the data's length.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.length(), 8);
    /// ```
    #[must_use]
    pub fn length(&self) -> u16 {
        // The iterator built it from a u16 length, so this cannot saturate.
        u16::try_from(self.data.len())
            .unwrap_or(u16::MAX)
            .saturating_add(4)
    }

    /// The object's data, after its 4-byte header.
    ///
    /// ```
    /// # let ext = [0x20, 0, 0x78, 0xF0, 0x00, 0x08, 0x63, 0x01, 1, 2, 3, 4];
    /// # let obj = icmpwire::extension::Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert_eq!(obj.raw_data(), &[1, 2, 3, 4]);
    /// ```
    #[must_use]
    pub fn raw_data(&self) -> &'a [u8] {
        self.data
    }

    /// The data decoded by class: MPLS label stack entries (class 1), interface information
    /// (class 2), interface identification (class 3); anything else raw.
    ///
    /// ```
    /// use icmpwire::extension::{Extensions, ObjectData};
    ///
    /// // Class 3, c-type 2: an interface identified by ifIndex 7 (RFC 8335).
    /// let ext = [0x20, 0, 0xDC, 0xEE, 0x00, 0x08, 0x03, 0x02, 0, 0, 0, 7];
    /// let obj = Extensions::parse(&ext).unwrap().objects().next().unwrap().unwrap();
    /// assert!(matches!(obj.data(), ObjectData::InterfaceIdentification(Ok(icmpwire::extension::InterfaceIdentification::Index(7)))));
    /// ```
    #[must_use]
    pub fn data(&self) -> ObjectData<'a> {
        match self.class_num {
            1 => ObjectData::Mpls(MplsLabels::new(self.data)),
            2 => ObjectData::InterfaceInformation(InterfaceInformation::parse(
                self.c_type,
                self.data,
            )),
            3 => ObjectData::InterfaceIdentification(InterfaceIdentification::parse(
                self.c_type,
                self.data,
            )),
            _ => ObjectData::Unknown(self.data),
        }
    }
}

/// An object's data, decoded by class.
///
/// ```
/// use icmpwire::extension::ObjectData;
///
/// let data = ObjectData::Unknown(&[]);
/// assert!(matches!(data, ObjectData::Unknown(_)));
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum ObjectData<'a> {
    /// Class 1 (RFC 4950): the MPLS label stack of the datagram as it arrived.
    Mpls(MplsLabels<'a>),
    /// Class 2 (RFC 5837): the interface the datagram arrived on or was to leave by.
    InterfaceInformation(Result<InterfaceInformation<'a>, ParseError>),
    /// Class 3 (RFC 8335): the interface an extended echo request asks about.
    InterfaceIdentification(Result<InterfaceIdentification<'a>, ParseError>),
    /// Any other class, as received.
    Unknown(&'a [u8]),
}

/// The bytes an extension structure with `objects` takes: 4 for the header and each object's
/// length.
///
/// ```
/// use icmpwire::extension::{ObjectRepr, structure_len};
///
/// assert_eq!(structure_len(&[ObjectRepr::InterfaceIndex(1)]), 12);
/// ```
#[must_use]
pub fn structure_len(objects: &[ObjectRepr<'_>]) -> usize {
    objects
        .iter()
        .fold(4usize, |n, o| n.saturating_add(o.len()))
}

/// Writes an RFC 4884 extension structure (version 2, the checksum computed last) with
/// `objects` at the start of `out`, and returns its length: the payload of an extended echo
/// request, say. Error messages take their objects directly (their `extensions` field).
///
/// ```
/// use icmpwire::extension::{Extensions, ObjectRepr, write};
///
/// let mut buf = [0u8; 16];
/// let n = write(&[ObjectRepr::InterfaceIndex(1)], &mut buf).unwrap();
/// assert_eq!(&buf[..n], &[0x20, 0, 0xdc, 0xf4, 0, 8, 3, 2, 0, 0, 0, 1]);
/// assert!(Extensions::parse(&buf[..n]).unwrap().checksum_valid());
/// ```
///
/// # Errors
///
/// [`EmitError::BufferTooSmall`] (nothing written), [`EmitError::ExtensionTooLong`].
pub fn write(objects: &[ObjectRepr<'_>], out: &mut [u8]) -> Result<usize, EmitError> {
    for o in objects {
        o.check()?;
    }
    let required = structure_len(objects);
    let out = crate::write::room(out, required)?;
    write_structure(objects, out)?;
    Ok(required)
}

/// Writes an RFC 4884 extension structure (version 2, the checksum computed last) with
/// `objects` into `out`, which must be [`structure_len`] bytes long.
pub(crate) fn write_structure(objects: &[ObjectRepr<'_>], out: &mut [u8]) -> Result<(), EmitError> {
    let Some((head, mut rest)) = out.split_first_chunk_mut::<4>() else {
        return Err(EmitError::BufferTooSmall {
            required: 4,
            actual: out.len(),
        });
    };
    *head = [0x20, 0, 0, 0];
    for o in objects {
        let available = rest.len();
        let Some((this, tail)) = rest.split_at_mut_checked(o.len()) else {
            return Err(EmitError::BufferTooSmall {
                required: o.len(),
                actual: available,
            });
        };
        o.write(this);
        rest = tail;
    }
    let mut c = Checksum::new();
    c.add_bytes(out);
    if let Some(field) = out.get_mut(2..4) {
        field.copy_from_slice(&c.checksum().to_be_bytes());
    }
    Ok(())
}

/// The length of the original datagram field when extensions follow it: the quote zero padded
/// to a whole number of `unit`-byte words (4 on ICMPv4, RFC 4884 section 4.1; 8 on ICMPv6,
/// section 4.2) and to at least 128 bytes.
///
/// # Errors
///
/// [`EmitError::QuoteTooLong`] past 255 words, [`EmitError::ExtensionTooLong`] for an object
/// over 65535 bytes.
pub(crate) fn check(
    quote_len: usize,
    objects: &[ObjectRepr<'_>],
    unit: usize,
) -> Result<usize, EmitError> {
    let padded = quote_len
        .max(128)
        .div_ceil(unit.max(1))
        .saturating_mul(unit);
    if padded > unit.saturating_mul(255) {
        return Err(EmitError::QuoteTooLong { len: quote_len });
    }
    for o in objects {
        o.check()?;
    }
    Ok(padded)
}

/// Writes the quote, its zero padding to `padded` bytes and the extension structure into `out`
/// (exactly `padded + structure_len(objects)` bytes); returns the one's complement accumulator
/// of what it wrote.
pub(crate) fn write_body(
    quote: &[u8],
    padded: usize,
    objects: &[ObjectRepr<'_>],
    out: &mut [u8],
) -> u64 {
    let (datagram, structure) = out
        .split_at_mut_checked(padded)
        .unwrap_or((&mut [], &mut []));
    let (q, pad) = datagram
        .split_at_mut_checked(quote.len())
        .unwrap_or((&mut [], &mut []));
    let sum = checksum::copy_and_sum(q, quote);
    pad.fill(0);
    // `check` has passed: the objects fit their length fields and `out` is their length.
    let _ = write_structure(objects, structure);
    // The padded datagram is a whole number of words, so the structure's words line up.
    checksum::combine(sum, checksum::sum_part(structure))
}

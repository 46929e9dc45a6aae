//! MPLS label stack entries (RFC 4950): what an MPLS router quotes of the label stack a
//! datagram arrived with (class 1, c-type 1).

/// One MPLS label stack entry (RFC 3032 section 2.1, quoted per RFC 4950).
///
/// ```
/// use icmpwire::extension::MplsEntry;
///
/// let e = MplsEntry::from_bytes([0x00, 0x01, 0x01, 0x40]);
/// assert_eq!((e.label, e.traffic_class, e.bottom_of_stack, e.ttl), (16, 0, true, 64));
/// assert_eq!(e.to_bytes(), [0x00, 0x01, 0x01, 0x40]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct MplsEntry {
    /// The label (20 bits).
    pub label: u32,
    /// Traffic class, formerly EXP (3 bits).
    pub traffic_class: u8,
    /// Bottom of stack (S bit).
    pub bottom_of_stack: bool,
    /// Time to live.
    pub ttl: u8,
}

impl MplsEntry {
    /// Decodes one 4-byte entry.
    ///
    /// ```
    /// assert_eq!(icmpwire::extension::MplsEntry::from_bytes([0xFF, 0xFF, 0xF0, 0]).label, 0xFFFFF);
    /// ```
    #[must_use]
    pub const fn from_bytes(b: [u8; 4]) -> Self {
        let w = u32::from_be_bytes(b);
        MplsEntry {
            label: w >> 12,
            traffic_class: ((w >> 9) & 7) as u8,
            bottom_of_stack: (w >> 8) & 1 == 1,
            ttl: w as u8,
        }
    }

    /// Encodes the entry (label bits above 20 and class bits above 3 are dropped).
    ///
    /// ```
    /// let e = icmpwire::extension::MplsEntry { label: 16, traffic_class: 5, bottom_of_stack: false, ttl: 1 };
    /// assert_eq!(e.to_bytes(), [0x00, 0x01, 0x0A, 0x01]);
    /// ```
    #[must_use]
    pub const fn to_bytes(self) -> [u8; 4] {
        let w = (self.label & 0xF_FFFF) << 12
            | ((self.traffic_class & 7) as u32) << 9
            | (self.bottom_of_stack as u32) << 8
            | self.ttl as u32;
        w.to_be_bytes()
    }
}

/// The entries of an MPLS label stack object (4 bytes each; a last partial entry is ignored).
///
/// ```
/// let ext = [0x20, 0, 0xDD, 0xF4, 0x00, 0x08, 0x01, 0x01, 0x00, 0x01, 0x01, 0x01];
/// let ext = icmpwire::extension::Extensions::parse(&ext).unwrap();
/// let obj = ext.objects().next().unwrap().unwrap();
/// if let icmpwire::extension::ObjectData::Mpls(labels) = obj.data() {
///     assert_eq!(labels.count(), 1);
/// }
/// ```
#[derive(Clone, Debug)]
pub struct MplsLabels<'a> {
    rest: &'a [u8],
}

impl<'a> MplsLabels<'a> {
    pub(crate) fn new(data: &'a [u8]) -> Self {
        MplsLabels { rest: data }
    }
}

impl Iterator for MplsLabels<'_> {
    type Item = MplsEntry;

    fn next(&mut self) -> Option<MplsEntry> {
        let (entry, rest) = self.rest.split_first_chunk::<4>()?;
        self.rest = rest;
        Some(MplsEntry::from_bytes(*entry))
    }
}

//! `defmt::Format` (feature `defmt`) for what both IP versions share: the quoted datagram, the
//! RFC 4884 extension structure and its objects, and the iterators over them, which print the
//! list they would yield. Each version's `display.rs` has its messages' `Display` and `Format`.

#[cfg(feature = "defmt")]
use defmt::{Format, Formatter, write};

#[cfg(feature = "defmt")]
use crate::extension::{Extensions, MplsLabels, Object, Objects};
#[cfg(feature = "defmt")]
use crate::quote::{Quote, QuotedIpv4};

/// Prints what an iterator yields as a list (the caller passes a copy, so the iterator itself
/// is left where it was).
#[cfg(feature = "defmt")]
pub(crate) fn list<T: Format>(items: impl Iterator<Item = T>, f: Formatter<'_>) {
    write!(f, "[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            write!(f, ", ");
        }
        write!(f, "{}", item);
    }
    write!(f, "]");
}

#[cfg(feature = "defmt")]
impl Format for Quote<'_> {
    fn format(&self, f: Formatter<'_>) {
        write!(f, "Quote {{ length: {=usize} }}", self.bytes().len());
    }
}

#[cfg(feature = "defmt")]
impl Format for QuotedIpv4<'_> {
    fn format(&self, f: Formatter<'_>) {
        write!(
            f,
            "QuotedIpv4 {{ ihl: {=u8}, total length: {=u16}, protocol: {=u8}, src: {}, dst: {} }}",
            self.ihl(),
            self.total_length(),
            self.protocol(),
            self.src(),
            self.dst(),
        );
    }
}

#[cfg(feature = "defmt")]
impl Format for Extensions<'_> {
    fn format(&self, f: Formatter<'_>) {
        write!(
            f,
            "Extensions {{ version: {=u8}, checksum ok: {=bool}, length: {=usize} }}",
            self.version(),
            self.checksum_valid(),
            self.bytes().len(),
        );
    }
}

#[cfg(feature = "defmt")]
impl Format for Object<'_> {
    fn format(&self, f: Formatter<'_>) {
        write!(
            f,
            "Object {{ class: {=u8}, c-type: {=u8}, length: {=u16} }}",
            self.class_num(),
            self.c_type(),
            self.length(),
        );
    }
}

#[cfg(feature = "defmt")]
impl Format for Objects<'_> {
    fn format(&self, f: Formatter<'_>) {
        list(self.clone(), f);
    }
}

#[cfg(feature = "defmt")]
impl Format for MplsLabels<'_> {
    fn format(&self, f: Formatter<'_>) {
        list(self.clone(), f);
    }
}

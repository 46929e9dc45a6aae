//! What both IP versions print the same way: the RFC 4884 extension objects and the fields of
//! RFC 8335's extended echo in a `Display` line, and `defmt::Format` (feature `defmt`) for the
//! quoted datagram, the extension structure and its objects, and the iterators over them, which
//! print the list they would yield. Each version's `display.rs` has its messages' `Display` and
//! `Format`.

use core::fmt::{self, Display, Formatter};

use zerocopy::ByteSlice;

use crate::extension::{Extensions, InterfaceAddress, InterfaceIdentification, ObjectData};
use crate::message::extended_echo::{ExtendedEchoFields, Reply, Request};
use crate::view::{Fields, Version, View};

/// `, id I, seq S[, local]` and the interface identification of an extended echo request
/// (RFC 8335).
pub(crate) fn probe_request<I: Version, B: ByteSlice>(
    f: &mut Formatter<'_>,
    m: &View<I, B, ExtendedEchoFields<Request>>,
) -> fmt::Result
where
    ExtendedEchoFields<Request>: Fields<I>,
{
    write!(f, ", id {}, seq {}", m.identifier(), m.sequence())?;
    if m.local() {
        f.write_str(", local")?;
    }
    extensions(f, m.extensions().ok())
}

/// `, id I, seq S, state N` and the A, 4 and 6 bits that are set, of an extended echo reply
/// (RFC 8335).
pub(crate) fn probe_reply<I: Version, B: ByteSlice>(
    f: &mut Formatter<'_>,
    m: &View<I, B, ExtendedEchoFields<Reply>>,
) -> fmt::Result
where
    ExtendedEchoFields<Reply>: Fields<I>,
{
    write!(
        f,
        ", id {}, seq {}, state {}",
        m.identifier(),
        m.sequence(),
        m.state()
    )?;
    for (on, name) in [
        (m.active(), "active"),
        (m.ipv4(), "ipv4"),
        (m.ipv6(), "ipv6"),
    ] {
        if on {
            write!(f, " {name}")?;
        }
    }
    Ok(())
}

/// A name from the wire (UTF-8 per RFC 5837, not guaranteed): printable ASCII as is, anything
/// else escaped.
struct Name<'a>(&'a [u8]);

impl Display for Name<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.escape_ascii())
    }
}

impl Display for InterfaceAddress<'_> {
    /// The address, or the family number and the bytes in hex for another family.
    ///
    /// ```
    /// use icmpwire::extension::InterfaceAddress;
    ///
    /// let a = InterfaceAddress::V4(core::net::Ipv4Addr::new(192, 0, 2, 1));
    /// assert_eq!(a.to_string(), "192.0.2.1");
    /// assert_eq!(InterfaceAddress::Other { afi: 9, bytes: &[1, 0xab] }.to_string(), "afi 9 01ab");
    /// ```
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Self::V4(a) => a.fmt(f),
            Self::V6(a) => a.fmt(f),
            Self::Other { afi, bytes } => {
                write!(f, "afi {afi} ")?;
                bytes.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
        }
    }
}

/// RFC 4884 extension objects: MPLS labels (RFC 4950), interface information (RFC 5837) and
/// identification (RFC 8335).
pub(crate) fn extensions(f: &mut Formatter<'_>, ext: Option<Extensions<'_>>) -> fmt::Result {
    let Some(ext) = ext else { return Ok(()) };
    f.write_str(if ext.checksum_valid() {
        " [ext"
    } else {
        " [ext bad cksum"
    })?;
    for obj in ext.objects() {
        let Ok(obj) = obj else {
            f.write_str(" malformed object")?;
            break;
        };
        match obj.data() {
            ObjectData::Mpls(labels) => {
                for l in labels {
                    write!(
                        f,
                        " MPLS L={} E={} S={} TTL={}",
                        l.label,
                        l.traffic_class,
                        u8::from(l.bottom_of_stack),
                        l.ttl
                    )?;
                }
            }
            ObjectData::InterfaceInformation(Ok(i)) => {
                write!(f, " if(role {}", i.role.0)?;
                if let Some(x) = i.if_index {
                    write!(f, " index {x}")?;
                }
                if let Some(a) = i.address {
                    write!(f, " addr {a}")?;
                }
                if let Some(n) = i.name {
                    write!(f, " name {}", Name(n))?;
                }
                if let Some(m) = i.mtu {
                    write!(f, " mtu {m}")?;
                }
                f.write_str(")")?;
            }
            ObjectData::InterfaceIdentification(Ok(InterfaceIdentification::Name(n))) => {
                write!(f, " interface {}", Name(n))?;
            }
            ObjectData::InterfaceIdentification(Ok(InterfaceIdentification::Index(i))) => {
                write!(f, " ifindex {i}")?;
            }
            ObjectData::InterfaceIdentification(Ok(InterfaceIdentification::Address {
                address,
                ..
            })) => write!(f, " address {address}")?,
            _ => write!(f, " class {} c-type {}", obj.class_num(), obj.c_type())?,
        }
    }
    f.write_str("]")
}

#[cfg(feature = "defmt")]
pub(crate) use format::list;

/// `defmt::Format` for what both versions share.
#[cfg(feature = "defmt")]
mod format {
    use defmt::{Format, Formatter, write};

    use crate::extension::{Extensions, MplsLabels, Object, Objects};
    use crate::quote::{Quote, QuotedIpv4};

    /// Prints what an iterator yields as a list (the caller passes a copy, so the iterator itself
    /// is left where it was).
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

    impl Format for Quote<'_> {
        fn format(&self, f: Formatter<'_>) {
            write!(f, "Quote {{ length: {=usize} }}", self.bytes().len());
        }
    }

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

    impl Format for Objects<'_> {
        fn format(&self, f: Formatter<'_>) {
            list(self.clone(), f);
        }
    }

    impl Format for MplsLabels<'_> {
        fn format(&self, f: Formatter<'_>) {
            list(self.clone(), f);
        }
    }
}

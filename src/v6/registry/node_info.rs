//! Node information query (139) and reply (140), RFC 4620 sections 4-6: Qtype, Flags and a
//! 64-bit Nonce after the checksum, then the Data (the query's subject, the reply's answer).

use core::marker::PhantomData;
use core::net::{Ipv4Addr, Ipv6Addr};

use zerocopy::network_endian::U16;
use zerocopy::{ByteSlice, ByteSliceMut, FromBytes, Immutable, IntoBytes, KnownLayout, Unaligned};

use crate::error::{EmitError, ParseError, Part};
use crate::message::build::{Body, Describe};
use crate::v6::V6;
use crate::v6::ndp::DomainNames;
use crate::view::{Fields, View, sealed};
use crate::write::Build;

/// Qtype, Flags and Nonce of a node information message (RFC 4620 section 4). `K` is
/// [`NodeQuery`] (139) or [`NodeReply`] (140).
///
/// ```
/// let bytes = [140u8, 0, 0, 0, 0, 3, 0, 1, 1, 2, 3, 4, 5, 6, 7, 8];
/// let reply = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((reply.qtype(), reply.flags()), (3, 1));
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned)]
#[repr(C)]
pub struct NodeInformationFields<K> {
    qtype: U16,
    flags: U16,
    nonce: [u8; 8],
    kind: PhantomData<K>,
}

/// Marker of the node information query's fields (139).
///
/// ```
/// let _ = icmpwire::v6::NodeQuery;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct NodeQuery;

/// Marker of the node information reply's fields (140).
///
/// ```
/// let _ = icmpwire::v6::NodeReply;
/// ```
#[derive(FromBytes, IntoBytes, KnownLayout, Immutable, Unaligned, Clone, Copy, Debug)]
#[repr(C)]
pub struct NodeReply;

impl<K> sealed::Sealed for NodeInformationFields<K> {}

impl<K> NodeInformationFields<K> {
    fn new(qtype: u16, flags: u16, nonce: [u8; 8]) -> Self {
        NodeInformationFields {
            qtype: U16::new(qtype),
            flags: U16::new(flags),
            nonce,
            kind: PhantomData,
        }
    }
}

/// The bytes a query's subject needs for its code (RFC 4620 section 4): an IPv6 address for
/// code 0, an IPv4 address for code 2, a name (any length) for code 1.
const fn subject_len(code: u8) -> usize {
    match code {
        0 => 16,
        2 => 4,
        _ => 0,
    }
}

impl Fields<V6> for NodeInformationFields<NodeQuery> {
    type Code = u8;
    const TYPES: &'static [u8] = &[139];
    const PART: Part = Part::Header;
    const NAME: &'static str = "NodeInformationQuery";

    /// A subject of code 0 or 2 must be present whole.
    #[inline]
    fn check(&self, code: u8, payload: &[u8]) -> Result<(), ParseError> {
        let required = subject_len(code);
        if payload.len() < required {
            return Err(ParseError::Truncated {
                part: Part::NodeInformationSubject,
                required,
                actual: payload.len(),
            });
        }
        Ok(())
    }
}

impl Fields<V6> for NodeInformationFields<NodeReply> {
    type Code = u8;
    const TYPES: &'static [u8] = &[140];
    const PART: Part = Part::Header;
    const NAME: &'static str = "NodeInformationReply";
}

/// A node information query (139), RFC 4620 section 4. Code 0: the subject is an IPv6
/// address; 1: a name; 2: an IPv4 address. A query of code 0 or 2 whose subject is cut short is
/// refused ([`Part::NodeInformationSubject`]).
///
/// ```
/// // kernel6-0202 of the oracle: a node addresses query (Qtype 3) about 2001:db8:2::2.
/// let mut bytes = vec![0x8b, 0, 0x21, 0xd5, 0, 3, 0, 2, 0, 1, 0x6c, 0xfe, 0xac, 0x22, 0xb0, 0x64];
/// bytes.extend_from_slice(&"2001:db8:2::2".parse::<core::net::Ipv6Addr>().unwrap().octets());
/// let q = icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((q.qtype(), q.flags()), (3, 2));
/// assert_eq!(q.subject_ipv6(), Some("2001:db8:2::2".parse().unwrap()));
/// assert!(icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..31]).is_err());
/// ```
pub type NodeInformationQuery<B> = View<V6, B, NodeInformationFields<NodeQuery>>;

/// A node information reply (140), RFC 4620 section 5. Code 0: success; 1: refused; 2:
/// unknown Qtype.
///
/// ```
/// let bytes = [140u8, 1, 0, 0, 0, 3, 0, 0, 9, 3, 0x60, 0x1a, 0x8b, 7, 0xb3, 0x0e];
/// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
/// assert_eq!((r.code_u8(), r.nonce()[0]), (1, 9));
/// ```
pub type NodeInformationReply<B> = View<V6, B, NodeInformationFields<NodeReply>>;

impl<B: ByteSlice, K> View<V6, B, NodeInformationFields<K>>
where
    NodeInformationFields<K>: Fields<V6>,
{
    /// Qtype (RFC 4620 section 4: 0 NOOP, 2 node name, 3 node addresses, 4 IPv4 addresses).
    ///
    /// ```
    /// let bytes = [140u8, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap().qtype(), 2);
    /// ```
    #[must_use]
    pub fn qtype(&self) -> u16 {
        self.fields().qtype.get()
    }

    /// Flags (their meaning depends on the Qtype: G, S, L, C, A, T for node addresses).
    ///
    /// ```
    /// let bytes = [140u8, 0, 0, 0, 0, 3, 0, 0x3e, 0, 0, 0, 0, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap().flags(), 0x3e);
    /// ```
    #[must_use]
    pub fn flags(&self) -> u16 {
        self.fields().flags.get()
    }

    /// The 64-bit nonce a reply copies from its query.
    ///
    /// ```
    /// let bytes = [139u8, 1, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8];
    /// assert_eq!(icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..]).unwrap().nonce(), [1, 2, 3, 4, 5, 6, 7, 8]);
    /// ```
    #[must_use]
    pub fn nonce(&self) -> [u8; 8] {
        self.fields().nonce
    }

    /// The owned description of this message (its data as bytes).
    ///
    /// ```
    /// let bytes = [140u8, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 60, 192, 0, 2, 9];
    /// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!((r.to_repr().qtype, r.to_repr().data.len()), (4, 8));
    /// ```
    #[must_use]
    pub fn to_repr(&self) -> NodeInformationRepr<'_> {
        NodeInformationRepr {
            code: self.code_u8(),
            qtype: self.qtype(),
            flags: self.flags(),
            nonce: self.nonce(),
            data: self.payload(),
        }
    }
}

impl<B: ByteSliceMut, K> View<V6, B, NodeInformationFields<K>>
where
    NodeInformationFields<K>: Fields<V6>,
{
    /// Sets the Qtype; the checksum follows (RFC 1624).
    ///
    /// ```
    /// let mut bytes = [140u8, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// icmpwire::v6::NodeInformationReply::parse_unverified(&mut bytes[..]).unwrap().set_qtype(4);
    /// assert_eq!(bytes[4..6], [0, 4]);
    /// ```
    pub fn set_qtype(&mut self, qtype: u16) {
        self.modify(|f| f.qtype = U16::new(qtype));
    }

    /// Sets the flags.
    ///
    /// ```
    /// let mut bytes = [140u8, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// icmpwire::v6::NodeInformationReply::parse_unverified(&mut bytes[..]).unwrap().set_flags(0x0102);
    /// assert_eq!(bytes[6..8], [1, 2]);
    /// ```
    pub fn set_flags(&mut self, flags: u16) {
        self.modify(|f| f.flags = U16::new(flags));
    }

    /// Sets the nonce.
    ///
    /// ```
    /// let mut bytes = [140u8, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// icmpwire::v6::NodeInformationReply::parse_unverified(&mut bytes[..]).unwrap().set_nonce([9; 8]);
    /// assert_eq!(bytes[8..16], [9; 8]);
    /// ```
    pub fn set_nonce(&mut self, nonce: [u8; 8]) {
        self.modify(|f| f.nonce = nonce);
    }
}

impl<B: ByteSlice> View<V6, B, NodeInformationFields<NodeQuery>> {
    /// The subject of a code 0 query: an IPv6 address.
    ///
    /// ```
    /// let mut bytes = vec![139u8, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// bytes.extend_from_slice(&[0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 5]);
    /// let q = icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.subject_ipv6(), Some("2001:db8::5".parse().unwrap()));
    /// assert_eq!(q.subject_ipv4(), None);
    /// ```
    #[must_use]
    pub fn subject_ipv6(&self) -> Option<Ipv6Addr> {
        match (self.code_u8(), self.payload().first_chunk::<16>()) {
            (0, Some(&a)) => Some(Ipv6Addr::from(a)),
            _ => None,
        }
    }

    /// The subject of a code 2 query: an IPv4 address.
    ///
    /// ```
    /// let bytes = [139u8, 2, 0, 0, 0, 3, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 192, 0, 2, 7];
    /// let q = icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(q.subject_ipv4(), Some(core::net::Ipv4Addr::new(192, 0, 2, 7)));
    /// ```
    #[must_use]
    pub fn subject_ipv4(&self) -> Option<Ipv4Addr> {
        match (self.code_u8(), self.payload().first_chunk::<4>()) {
            (2, Some(&a)) => Some(Ipv4Addr::from(a)),
            _ => None,
        }
    }

    /// The subject of a code 1 query: a name in DNS wire format (RFC 4620 section 3), `None`
    /// for another code.
    ///
    /// ```
    /// let mut bytes = vec![139u8, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    /// bytes.extend_from_slice(b"\x04host\x00\x00");
    /// let q = icmpwire::v6::NodeInformationQuery::parse_unverified(&bytes[..]).unwrap();
    /// let names = q.subject_name().unwrap().unwrap();
    /// assert_eq!(names.iter().next().unwrap().to_string(), "host");
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`DomainNames::new`], with offsets in the message.
    pub fn subject_name(&self) -> Option<Result<DomainNames<'_>, ParseError>> {
        (self.code_u8() == 1).then(|| DomainNames::new(self.payload(), self.payload_offset()))
    }
}

impl<B: ByteSlice> View<V6, B, NodeInformationFields<NodeReply>> {
    /// The 32-bit TTL field before a successful node name reply's names (Qtype 2, code 0; RFC
    /// 4620 section 6), `None` for another reply or when its 4 bytes are missing.
    ///
    /// ```
    /// let mut bytes = vec![140u8, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x2c];
    /// bytes.extend_from_slice(b"\x04host\x00\x00");
    /// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(r.node_name_ttl(), Some(300));
    /// ```
    #[must_use]
    pub fn node_name_ttl(&self) -> Option<u32> {
        match (
            self.code_u8(),
            self.qtype(),
            self.payload().first_chunk::<4>(),
        ) {
            (0, 2, Some(&ttl)) => Some(u32::from_be_bytes(ttl)),
            _ => None,
        }
    }

    /// A successful node name reply's names (after the TTL).
    ///
    /// ```
    /// let mut bytes = vec![140u8, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0x2c];
    /// bytes.extend_from_slice(b"\x04host\x07example\x03com\x00");
    /// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(r.node_names().unwrap().unwrap().iter().next().unwrap().to_string(), "host.example.com");
    /// ```
    ///
    /// # Errors
    ///
    /// Those of [`DomainNames::new`], with offsets in the message.
    pub fn node_names(&self) -> Option<Result<DomainNames<'_>, ParseError>> {
        self.node_name_ttl()?;
        let names = self.payload().get(4..).unwrap_or_default();
        Some(DomainNames::new(
            names,
            self.payload_offset().saturating_add(4),
        ))
    }

    /// A successful node addresses reply's entries (Qtype 3, code 0; RFC 4620 section 6):
    /// each a 32-bit TTL and an IPv6 address. The iterator stops before a cut entry; `None` for
    /// another reply.
    ///
    /// ```
    /// let mut bytes = vec![140u8, 0, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30];
    /// bytes.extend_from_slice(&"2001:db8::1".parse::<core::net::Ipv6Addr>().unwrap().octets());
    /// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
    /// let entries: Vec<_> = r.node_addresses().unwrap().collect();
    /// assert_eq!(entries, [(30, "2001:db8::1".parse().unwrap())]);
    /// ```
    #[must_use]
    pub fn node_addresses(&self) -> Option<impl Iterator<Item = (u32, Ipv6Addr)> + '_> {
        (self.code_u8() == 0 && self.qtype() == 3).then(|| {
            self.payload().chunks_exact(20).filter_map(|e| {
                let (ttl, addr) = e.split_first_chunk::<4>()?;
                Some((
                    u32::from_be_bytes(*ttl),
                    Ipv6Addr::from(*addr.first_chunk::<16>()?),
                ))
            })
        })
    }

    /// A successful IPv4 addresses reply's entries (Qtype 4, code 0): each a 32-bit TTL and an
    /// IPv4 address; the iterator stops before a cut entry.
    ///
    /// ```
    /// let bytes = [140u8, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 60, 192, 0, 2, 9];
    /// let r = icmpwire::v6::NodeInformationReply::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(r.ipv4_addresses().unwrap().collect::<Vec<_>>(), [(60, core::net::Ipv4Addr::new(192, 0, 2, 9))]);
    /// ```
    #[must_use]
    pub fn ipv4_addresses(&self) -> Option<impl Iterator<Item = (u32, Ipv4Addr)> + '_> {
        (self.code_u8() == 0 && self.qtype() == 4).then(|| {
            self.payload().chunks_exact(8).filter_map(|e| {
                let (ttl, addr) = e.split_first_chunk::<4>()?;
                Some((
                    u32::from_be_bytes(*ttl),
                    Ipv4Addr::from(*addr.first_chunk::<4>()?),
                ))
            })
        })
    }
}

/// A node information query (139) or reply (140) to write: `data` is the subject or the
/// answer as bytes. A query of code 0 or 2 needs its whole subject (16 or 4 bytes):
/// [`EmitError::DataTooShort`] otherwise.
///
/// ```
/// use core::net::Ipv6Addr;
/// use icmpwire::v6::{NodeInformationRepr, Repr};
///
/// let subject = "2001:db8:2::2".parse::<Ipv6Addr>().unwrap().octets();
/// let repr = Repr::NodeInformationQuery(NodeInformationRepr { qtype: 2, nonce: *b"NAME2902", data: &subject, ..Default::default() });
/// let mut buf = [0u8; 32];
/// assert_eq!(repr.emit("2001:db8:1::10".parse().unwrap(), "2001:db8:2::2".parse().unwrap(), &mut buf), Ok(32));
/// // kernel6-0204 of the oracle, checksum included.
/// assert_eq!(buf[..8], [0x8b, 0, 0xed, 0x6c, 0, 2, 0, 0]);
/// let short = Repr::NodeInformationQuery(NodeInformationRepr { data: &subject[..15], ..Default::default() });
/// assert!(short.emit(Ipv6Addr::LOCALHOST, Ipv6Addr::LOCALHOST, &mut buf).is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct NodeInformationRepr<'a> {
    /// The code.
    pub code: u8,
    /// Qtype.
    pub qtype: u16,
    /// Flags.
    pub flags: u16,
    /// Nonce.
    pub nonce: [u8; 8],
    /// The data: the query's subject, the reply's answer.
    pub data: &'a [u8],
}

impl Describe for NodeInformationRepr<'_> {
    type Fields = NodeInformationFields<NodeReply>;
    fn describe(&self) -> (u8, Self::Fields, Body<'_>) {
        let fields = NodeInformationFields::new(self.qtype, self.flags, self.nonce);
        (self.code, fields, Body::Bytes(self.data))
    }
}

/// The query's builder: the reply's, and a whole subject for codes 0 and 2.
pub(crate) struct Query<'r, 'a>(pub(crate) &'r NodeInformationRepr<'a>);

impl Build for Query<'_, '_> {
    #[inline]
    fn buffer_len(&self) -> usize {
        self.0.buffer_len()
    }

    #[inline]
    fn check(&self) -> Result<(), EmitError> {
        let required = subject_len(self.0.code);
        let actual = self.0.data.len();
        if actual < required {
            return Err(EmitError::DataTooShort { required, actual });
        }
        Ok(())
    }

    #[inline]
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64 {
        self.0.fill(ty, out)
    }
}

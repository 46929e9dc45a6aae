//! [`ObjectRepr`]: an extension object to emit, and how it writes itself.

use core::net::IpAddr;

use super::interface::InterfaceRole;
use super::mpls::MplsEntry;
use crate::error::EmitError;
use crate::write::copy;

/// One extension object to emit.
///
/// ```
/// use icmpwire::extension::{MplsEntry, ObjectRepr};
///
/// let labels = [MplsEntry { label: 16, traffic_class: 0, bottom_of_stack: true, ttl: 1 }];
/// let obj = ObjectRepr::Mpls(&labels);
/// assert_eq!(obj.len(), 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum ObjectRepr<'a> {
    /// Class 1, c-type 1: an MPLS label stack (RFC 4950).
    Mpls(&'a [MplsEntry]),
    /// Class 2: interface information (RFC 5837); the c-type is derived from the fields given.
    InterfaceInformation(InterfaceInformationRepr<'a>),
    /// Class 3, c-type 1: interface identification by name (RFC 8335), NUL padded to a
    /// 32-bit boundary.
    InterfaceName(&'a [u8]),
    /// Class 3, c-type 2: interface identification by ifIndex (RFC 8335).
    InterfaceIndex(u32),
    /// Class 3, c-type 3: interface identification by address (RFC 8335).
    InterfaceAddress(IpAddr),
    /// Any object as class, c-type and data (written as given).
    Raw {
        /// The class.
        class_num: u8,
        /// The sub-type.
        c_type: u8,
        /// The data after the object header.
        data: &'a [u8],
    },
}

/// RFC 5837 interface information to emit: the c-type's presence bits follow the fields that
/// are `Some`.
///
/// ```
/// use icmpwire::extension::{InterfaceInformationRepr, InterfaceRole, ObjectRepr};
///
/// let info = InterfaceInformationRepr { role: InterfaceRole::INCOMING, if_index: Some(3), mtu: Some(1500), ..Default::default() };
/// assert_eq!(info.c_type(), 0x09);
/// assert_eq!(ObjectRepr::InterfaceInformation(info).len(), 12);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct InterfaceInformationRepr<'a> {
    /// The interface's role.
    pub role: InterfaceRole,
    /// ifIndex.
    pub if_index: Option<u32>,
    /// IP address.
    pub address: Option<IpAddr>,
    /// Name (at most 63 bytes: the sub-object, length octet and padding included, is at most
    /// 64).
    pub name: Option<&'a [u8]>,
    /// MTU.
    pub mtu: Option<u32>,
}

impl Default for InterfaceInformationRepr<'_> {
    fn default() -> Self {
        InterfaceInformationRepr {
            role: InterfaceRole::INCOMING,
            if_index: None,
            address: None,
            name: None,
            mtu: None,
        }
    }
}

/// Bytes of an address sub-object: AFI, reserved, address.
fn address_len(a: &IpAddr) -> usize {
    match a {
        IpAddr::V4(_) => 8,
        IpAddr::V6(_) => 20,
    }
}

/// The name sub-object's length: a length octet and the name, padded to a 32-bit boundary.
fn name_len(name: &[u8]) -> usize {
    name.len().saturating_add(1).div_ceil(4).saturating_mul(4)
}

impl InterfaceInformationRepr<'_> {
    /// The c-type: role in bits 7-6, then ifIndex, IP address, name and MTU presence bits.
    ///
    /// ```
    /// use icmpwire::extension::{InterfaceInformationRepr, InterfaceRole};
    ///
    /// let info = InterfaceInformationRepr { role: InterfaceRole::NEXT_HOP, ..Default::default() };
    /// assert_eq!(info.c_type(), 0xC0);
    /// ```
    #[must_use]
    pub fn c_type(&self) -> u8 {
        (self.role.0 & 3) << 6
            | u8::from(self.if_index.is_some()) << 3
            | u8::from(self.address.is_some()) << 2
            | u8::from(self.name.is_some()) << 1
            | u8::from(self.mtu.is_some())
    }

    fn data_len(&self) -> usize {
        let mut n = 0usize;
        n = n.saturating_add(self.if_index.map_or(0, |_| 4));
        n = n.saturating_add(self.address.as_ref().map_or(0, address_len));
        n = n.saturating_add(self.name.map_or(0, name_len));
        n.saturating_add(self.mtu.map_or(0, |_| 4))
    }

    fn write(&self, mut out: &mut [u8]) {
        let mut put = |bytes: &[u8]| {
            let (head, tail) = core::mem::take(&mut out)
                .split_at_mut_checked(bytes.len())
                .unwrap_or((&mut [], &mut []));
            copy(head, bytes);
            out = tail;
        };
        if let Some(i) = self.if_index {
            put(&i.to_be_bytes());
        }
        match self.address {
            Some(IpAddr::V4(a)) => {
                put(&[0, 1, 0, 0]);
                put(&a.octets());
            }
            Some(IpAddr::V6(a)) => {
                put(&[0, 2, 0, 0]);
                put(&a.octets());
            }
            None => {}
        }
        if let Some(name) = self.name {
            let len = name_len(name);
            put(&[u8::try_from(len).unwrap_or(u8::MAX)]);
            put(name);
            let pad = [0u8; 4];
            put(pad
                .get(..len.saturating_sub(name.len()).saturating_sub(1))
                .unwrap_or(&[]));
        }
        if let Some(m) = self.mtu {
            put(&m.to_be_bytes());
        }
    }
}

impl ObjectRepr<'_> {
    /// The object's length in bytes, its 4-byte header included.
    ///
    /// ```
    /// use icmpwire::extension::ObjectRepr;
    ///
    /// assert_eq!(ObjectRepr::Raw { class_num: 99, c_type: 1, data: &[0; 8] }.len(), 12);
    /// assert_eq!(ObjectRepr::InterfaceName(b"eth10").len(), 12); // 5 bytes, NUL padded to 8
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        let data = match self {
            ObjectRepr::Mpls(labels) => labels.len().saturating_mul(4),
            ObjectRepr::InterfaceInformation(info) => info.data_len(),
            ObjectRepr::InterfaceName(name) => name.len().div_ceil(4).saturating_mul(4),
            ObjectRepr::InterfaceIndex(_) => 4,
            ObjectRepr::InterfaceAddress(a) => address_len(a),
            ObjectRepr::Raw { data, .. } => data.len(),
        };
        data.saturating_add(4)
    }

    /// Whether the object is empty: never (it has a header).
    ///
    /// ```
    /// assert!(!icmpwire::extension::ObjectRepr::InterfaceIndex(1).is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// What `write` cannot encode.
    pub(crate) fn check(&self) -> Result<(), EmitError> {
        let len = self.len();
        if len > usize::from(u16::MAX) {
            return Err(EmitError::ExtensionTooLong { len });
        }
        if let ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
            name: Some(name), ..
        }) = self
            && name_len(name) > 64
        {
            return Err(EmitError::InterfaceNameTooLong { len: name.len() });
        }
        Ok(())
    }

    /// Writes the object into `out` (exactly `len()` bytes); `check` has passed.
    pub(crate) fn write(&self, out: &mut [u8]) {
        let length = u16::try_from(self.len()).unwrap_or(u16::MAX);
        let (class_num, c_type) = match self {
            ObjectRepr::Mpls(_) => (1, 1),
            ObjectRepr::InterfaceInformation(info) => (2, info.c_type()),
            ObjectRepr::InterfaceName(_) => (3, 1),
            ObjectRepr::InterfaceIndex(_) => (3, 2),
            ObjectRepr::InterfaceAddress(_) => (3, 3),
            ObjectRepr::Raw {
                class_num, c_type, ..
            } => (*class_num, *c_type),
        };
        let Some((head, data)) = out.split_first_chunk_mut::<4>() else {
            return;
        };
        let [l0, l1] = length.to_be_bytes();
        *head = [l0, l1, class_num, c_type];
        match self {
            ObjectRepr::Mpls(labels) => {
                for (chunk, e) in data.chunks_exact_mut(4).zip(labels.iter()) {
                    copy(chunk, &e.to_bytes());
                }
            }
            ObjectRepr::InterfaceInformation(info) => info.write(data),
            ObjectRepr::InterfaceName(name) => {
                data.fill(0);
                copy(data, name);
            }
            ObjectRepr::InterfaceIndex(i) => copy(data, &i.to_be_bytes()),
            ObjectRepr::InterfaceAddress(IpAddr::V4(a)) => {
                copy(data, &[0, 1, 4, 0]);
                copy(data.get_mut(4..).unwrap_or(&mut []), &a.octets());
            }
            ObjectRepr::InterfaceAddress(IpAddr::V6(a)) => {
                copy(data, &[0, 2, 16, 0]);
                copy(data.get_mut(4..).unwrap_or(&mut []), &a.octets());
            }
            ObjectRepr::Raw { data: d, .. } => copy(data, d),
        }
    }
}

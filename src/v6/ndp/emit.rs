//! Writing Neighbor Discovery options: each [`NdOptionRepr`] as its type, its length in
//! 8-octet units, its fields, and zero padding to a multiple of 8 bytes (RFC 4861 section
//! 4.6); a list one option after the other.

use super::values::NdOptionRepr;
use crate::checksum;
use crate::error::EmitError;
use crate::types::v6::OptionType;
use crate::write::Writer;

impl<'a> NdOptionRepr<'a> {
    /// The option type this writes.
    ///
    /// ```
    /// use icmpwire::v6::{NdOptionRepr, OptionType};
    ///
    /// assert_eq!(NdOptionRepr::Nonce(&[1, 2, 3, 4, 5, 6]).kind(), OptionType::NONCE);
    /// ```
    #[must_use]
    pub const fn kind(&self) -> OptionType {
        OptionType(match self {
            NdOptionRepr::SourceLinkLayerAddress(_) => 1,
            NdOptionRepr::TargetLinkLayerAddress(_) => 2,
            NdOptionRepr::PrefixInformation(_) => 3,
            NdOptionRepr::RedirectedHeader { .. } => 4,
            NdOptionRepr::Mtu { .. } => 5,
            NdOptionRepr::NbmaShortcutLimit { .. } => 6,
            NdOptionRepr::AdvertisementInterval { .. } => 7,
            NdOptionRepr::HomeAgentInformation { .. } => 8,
            NdOptionRepr::SourceAddressList { .. } => 9,
            NdOptionRepr::TargetAddressList { .. } => 10,
            NdOptionRepr::Nonce(_) => 14,
            NdOptionRepr::RouteInformation(_) => 24,
            NdOptionRepr::Rdnss { .. } => 25,
            NdOptionRepr::RaFlagsExtension { .. } => 26,
            NdOptionRepr::Dnssl { .. } => 31,
            NdOptionRepr::CaptivePortal(_) => 37,
            NdOptionRepr::Pref64(_) => 38,
            NdOptionRepr::Unknown { kind, .. } => kind.0,
        })
    }

    /// The bytes of data after type and length, before padding.
    fn data_len(&self) -> usize {
        match self {
            NdOptionRepr::SourceLinkLayerAddress(d)
            | NdOptionRepr::TargetLinkLayerAddress(d)
            | NdOptionRepr::Nonce(d)
            | NdOptionRepr::CaptivePortal(d)
            | NdOptionRepr::Unknown { data: d, .. } => d.len(),
            NdOptionRepr::PrefixInformation(_) => 30,
            NdOptionRepr::RedirectedHeader { packet, .. } => packet.len().saturating_add(6),
            NdOptionRepr::Mtu { .. }
            | NdOptionRepr::NbmaShortcutLimit { .. }
            | NdOptionRepr::AdvertisementInterval { .. }
            | NdOptionRepr::HomeAgentInformation { .. }
            | NdOptionRepr::RaFlagsExtension { .. } => 6,
            NdOptionRepr::SourceAddressList { addresses, .. }
            | NdOptionRepr::TargetAddressList { addresses, .. }
            | NdOptionRepr::Rdnss { addresses, .. } => {
                addresses.len().saturating_mul(16).saturating_add(6)
            }
            NdOptionRepr::RouteInformation(_) => 22,
            NdOptionRepr::Dnssl { domains, .. } => domains.names_len().saturating_add(6),
            NdOptionRepr::Pref64(_) => 14,
        }
    }

    /// The option's length in bytes as written: type, length, data, and zero padding to a
    /// multiple of 8.
    ///
    /// ```
    /// use icmpwire::v6::NdOptionRepr;
    ///
    /// // A 6-byte Ethernet address fills one unit exactly; an 8-byte IEEE 802.15.4 address
    /// // takes two (RFC 4944 section 8).
    /// assert_eq!(NdOptionRepr::SourceLinkLayerAddress(&[2, 0, 0, 0, 0, 1]).len(), 8);
    /// assert_eq!(NdOptionRepr::SourceLinkLayerAddress(&[0; 8]).len(), 16);
    /// ```
    #[must_use]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.data_len().saturating_add(2).saturating_add(7) & !7
    }

    /// What cannot be written: an option past 255 units.
    pub(crate) fn check(&self) -> Result<usize, EmitError> {
        let len = self.len();
        let kind = self.kind().0;
        if len > 255 * 8 {
            return Err(EmitError::OptionTooLong { kind, len });
        }
        // Values the option's fields cannot hold, or that its own reader refuses.
        let fits = match *self {
            NdOptionRepr::RouteInformation(r) => {
                r.prefix_length <= 128 && r.preference <= 3 && r.reserved1 <= 7 && r.reserved2 <= 7
            }
            NdOptionRepr::PrefixInformation(p) => p.reserved1 <= 0x1F,
            NdOptionRepr::Pref64(p) => p.scaled_lifetime <= 0x1FFF && p.plc <= 7,
            NdOptionRepr::RaFlagsExtension { flags } => flags >> 48 == 0,
            NdOptionRepr::SourceAddressList { addresses, .. }
            | NdOptionRepr::TargetAddressList { addresses, .. }
            | NdOptionRepr::Rdnss { addresses, .. } => !addresses.is_empty(),
            NdOptionRepr::Dnssl { domains, .. } => domains.iter().next().is_some(),
            _ => true,
        };
        if !fits {
            return Err(EmitError::OptionValue { kind });
        }
        Ok(len)
    }

    /// Writes the option into `out`, exactly [`len`](Self::len) bytes (checked), and returns
    /// the one's complement accumulator of what it wrote. An option whose data is a byte slice
    /// is summed from its type, length and that slice (the padding adds nothing; the data
    /// starts 2 bytes in, so its words line up): reading back bytes just written in pieces
    /// stalls on store forwarding. The others are summed from the buffer.
    pub(crate) fn write(&self, out: &mut [u8]) -> u64 {
        let units = u8::try_from(out.len() / 8).unwrap_or(0);
        let header = [self.kind().0, units];
        let (head, data) = out.split_at_mut_checked(2).unwrap_or((&mut [], &mut []));
        if let Some(h) = head.first_chunk_mut::<2>() {
            *h = header;
        }
        self.write_data(data);
        match self.bytes() {
            Some(d) => checksum::combine(checksum::sum_part(&header), checksum::sum_part(d)),
            None => checksum::sum_part(out),
        }
    }

    /// The data of an option that is one byte slice, padding excluded.
    #[inline]
    fn bytes(&self) -> Option<&'a [u8]> {
        match *self {
            NdOptionRepr::SourceLinkLayerAddress(d)
            | NdOptionRepr::TargetLinkLayerAddress(d)
            | NdOptionRepr::Nonce(d)
            | NdOptionRepr::CaptivePortal(d)
            | NdOptionRepr::Unknown { data: d, .. } => Some(d),
            _ => None,
        }
    }

    /// Writes the option's data after its type and length, padding included.
    fn write_data(&self, data: &mut [u8]) {
        let mut w = Writer::new(data);
        match *self {
            NdOptionRepr::SourceLinkLayerAddress(d)
            | NdOptionRepr::TargetLinkLayerAddress(d)
            | NdOptionRepr::Nonce(d)
            | NdOptionRepr::CaptivePortal(d)
            | NdOptionRepr::Unknown { data: d, .. } => w.put(d),
            NdOptionRepr::PrefixInformation(p) => {
                let flags = u8::from(p.on_link) << 7
                    | u8::from(p.autonomous) << 6
                    | u8::from(p.router_address) << 5
                    | p.reserved1 & 0x1F;
                w.put(&[p.prefix_length, flags]);
                w.put(&p.valid_lifetime.to_be_bytes());
                w.put(&p.preferred_lifetime.to_be_bytes());
                w.put(&p.reserved2.to_be_bytes());
                w.put(&p.prefix.octets());
            }
            NdOptionRepr::RedirectedHeader { reserved, packet } => {
                w.put(&reserved);
                w.put(packet);
            }
            NdOptionRepr::Mtu { reserved, mtu: v }
            | NdOptionRepr::AdvertisementInterval {
                reserved,
                interval: v,
            } => {
                w.put(&reserved.to_be_bytes());
                w.put(&v.to_be_bytes());
            }
            NdOptionRepr::NbmaShortcutLimit {
                limit,
                reserved1,
                reserved2,
            } => {
                w.put(&[limit, reserved1]);
                w.put(&reserved2.to_be_bytes());
            }
            NdOptionRepr::HomeAgentInformation {
                reserved,
                preference,
                lifetime,
            } => {
                w.put(&reserved.to_be_bytes());
                w.put(&preference.to_be_bytes());
                w.put(&lifetime.to_be_bytes());
            }
            NdOptionRepr::SourceAddressList {
                reserved,
                addresses,
            }
            | NdOptionRepr::TargetAddressList {
                reserved,
                addresses,
            } => {
                w.put(&reserved);
                addresses.write(w.take(addresses.len().saturating_mul(16)));
            }
            NdOptionRepr::RouteInformation(r) => {
                let flags =
                    (r.reserved1 & 0x07) << 5 | (r.preference & 0x03) << 3 | r.reserved2 & 0x07;
                w.put(&[r.prefix_length, flags]);
                w.put(&r.lifetime.to_be_bytes());
                w.put(&r.prefix.octets());
            }
            NdOptionRepr::Rdnss {
                reserved,
                lifetime,
                addresses,
            } => {
                w.put(&reserved.to_be_bytes());
                w.put(&lifetime.to_be_bytes());
                addresses.write(w.take(addresses.len().saturating_mul(16)));
            }
            NdOptionRepr::RaFlagsExtension { flags } => {
                w.put(flags.to_be_bytes().get(2..).unwrap_or_default());
            }
            NdOptionRepr::Dnssl {
                reserved,
                lifetime,
                domains,
            } => {
                w.put(&reserved.to_be_bytes());
                w.put(&lifetime.to_be_bytes());
                for name in domains.iter() {
                    w.put(name.as_bytes());
                }
            }
            NdOptionRepr::Pref64(p) => {
                let word = (p.scaled_lifetime & 0x1FFF) << 3 | u16::from(p.plc & 0x07);
                w.put(&word.to_be_bytes());
                w.put(p.prefix.octets().get(..12).unwrap_or_default());
            }
        }
        // What the fields did not fill is padding.
        w.zero_rest();
    }
}

/// The length of `options` written one after the other.
pub(crate) fn list_len(options: &[NdOptionRepr<'_>]) -> usize {
    options
        .iter()
        .fold(0usize, |n, o| n.saturating_add(o.len()))
}

/// Checks every option of a list and returns the length they take, in one walk.
#[inline]
pub(crate) fn checked_list_len(options: &[NdOptionRepr<'_>]) -> Result<usize, EmitError> {
    options
        .iter()
        .try_fold(0usize, |n, o| Ok(n.saturating_add(o.check()?)))
}

/// Writes `options` one after the other into `out` (exactly [`list_len`] bytes), and returns
/// the one's complement accumulator of what it wrote (each option starts at an even offset).
#[inline]
pub(crate) fn write_list(options: &[NdOptionRepr<'_>], mut out: &mut [u8]) -> u64 {
    let mut sum = 0;
    for o in options {
        let n = o.len().min(out.len());
        let Some((head, rest)) = core::mem::take(&mut out).split_at_mut_checked(n) else {
            break;
        };
        sum = checksum::combine(sum, o.write(head));
        out = rest;
    }
    sum
}

//! Building well-formed messages the way real senders do (plausible quoted datagrams, RFC 4884
//! extension objects, RFC 8335 probes), and giving them one flaw.

use crate::AnyMessage;
use alloc::vec;
use alloc::vec::Vec;
use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use arbitrary::{Error, Result, Unstructured};

use super::Flaw;
use crate::extension::{self, InterfaceInformationRepr, InterfaceRole, MplsEntry, ObjectRepr};
use crate::synth::{Datagram, store_checksum};
use crate::v4::{
    DestinationUnreachableRepr, ParameterProblemCode, ParameterProblemRepr, Repr, TimeExceededCode,
    TimeExceededRepr, UnreachableCode,
};
use crate::{ExtendedEchoRequestRepr, QuoteLimit, quote_datagram};

/// A plausible offending IPv4 datagram: a header (IHL 5-15, options from the input, header
/// checksum right) and UDP, TCP, ICMP echo or other bytes after it.
fn datagram(u: &mut Unstructured<'_>) -> Result<Vec<u8>> {
    let ihl: u8 = if u.ratio(3, 4)? {
        5
    } else {
        u.int_in_range(6..=15)?
    };
    let mut options = vec![0u8; usize::from(ihl).saturating_sub(5).saturating_mul(4)];
    u.fill_buffer(&mut options)?;
    let mut payload = vec![0u8; u.int_in_range(8..=600)?];
    u.fill_buffer(&mut payload)?;
    Ok(Datagram {
        ihl,
        tos: u.arbitrary()?,
        identification: u.arbitrary()?,
        dont_fragment: u.arbitrary()?,
        ttl: u.int_in_range(1..=255)?,
        protocol: *u.choose(&[17u8, 6, 1, 47])?,
        src: u.arbitrary()?,
        dst: u.arbitrary()?,
        options: &options,
        payload: &payload,
    }
    .bytes())
}

/// Extension objects: up to 4, with the storage they borrow.
struct Objects {
    mpls: [MplsEntry; 6],
    name: [u8; 24],
    raw: [u8; 16],
    picks: [(u8, u8); 4],
    count: usize,
    v4: Ipv4Addr,
    v6: Ipv6Addr,
    index: u32,
    mtu: u32,
    role: InterfaceRole,
}

impl Objects {
    fn arbitrary(u: &mut Unstructured<'_>, identification_only: bool) -> Result<Self> {
        let mut name = [0u8; 24];
        let name_len: u8 = u.int_in_range(1..=24)?;
        for b in name.iter_mut().take(usize::from(name_len)) {
            *b = u.int_in_range(b'a'..=b'z')?;
        }
        let count = if identification_only {
            1
        } else {
            u.int_in_range(1..=4)?
        };
        let mut picks = [(0u8, 0u8); 4];
        for p in picks.iter_mut().take(count) {
            let class = if identification_only {
                3
            } else {
                u.int_in_range(0..=3)?
            };
            *p = (class, u.arbitrary()?);
        }
        Ok(Self {
            mpls: u.arbitrary()?,
            name,
            raw: u.arbitrary()?,
            picks,
            count,
            v4: Ipv4Addr::from(u.arbitrary::<u32>()?),
            v6: Ipv6Addr::from(u.arbitrary::<u128>()?),
            index: u.arbitrary()?,
            mtu: u.arbitrary()?,
            role: u.arbitrary()?,
        })
    }

    fn reprs(&self) -> [ObjectRepr<'_>; 4] {
        let name = self.name.split(|&b| b == 0).next().unwrap_or(&[]);
        let mut out = [ObjectRepr::InterfaceIndex(0); 4];
        for (slot, &(class, sub)) in out.iter_mut().zip(self.picks.iter()) {
            let address = if sub & 1 == 0 {
                IpAddr::V4(self.v4)
            } else {
                IpAddr::V6(self.v6)
            };
            *slot = match class {
                0 => ObjectRepr::Mpls(self.mpls.get(..usize::from(sub % 6) + 1).unwrap_or(&[])),
                1 => ObjectRepr::InterfaceInformation(InterfaceInformationRepr {
                    role: self.role,
                    if_index: (sub & 2 != 0).then_some(self.index),
                    address: (sub & 4 != 0).then_some(address),
                    name: (sub & 8 != 0).then_some(name),
                    mtu: (sub & 16 != 0).then_some(self.mtu),
                }),
                2 => ObjectRepr::Raw {
                    class_num: sub | 4,
                    c_type: sub.rotate_left(3),
                    data: self.raw.get(..usize::from(sub % 4) * 4).unwrap_or(&[]),
                },
                _ => match sub % 3 {
                    0 => ObjectRepr::InterfaceName(name),
                    1 => ObjectRepr::InterfaceIndex(self.index),
                    _ => ObjectRepr::InterfaceAddress(address),
                },
            };
        }
        out
    }
}

/// A well-formed message of one kind (the variant order of `Repr::arbitrary`), with plausible
/// quotes, and extension objects on 3/11/12 as `extensions` says (`None`: in one case out of
/// three).
pub(super) fn build(
    u: &mut Unstructured<'_>,
    kind: u8,
    extensions: Option<bool>,
) -> Result<Vec<u8>> {
    let is_error = matches!(kind, 1 | 2 | 3 | 7 | 8 | 18);
    let dgram = if is_error { datagram(u)? } else { Vec::new() };
    let limit = if u.arbitrary()? {
        QuoteLimit::Rfc792
    } else {
        QuoteLimit::Rfc1812
    };
    let quote = quote_datagram(&dgram, limit);
    let objects = Objects::arbitrary(u, kind == 15)?;
    let reprs = objects.reprs();
    let used = reprs.get(..objects.count).unwrap_or(&[]);
    let extended = matches!(kind, 1 | 7 | 8)
        && match extensions {
            Some(e) => e,
            None => u.ratio(1, 3)?,
        };
    let attached: &[ObjectRepr<'_>] = if extended { used } else { &[] };
    // With extensions, the original datagram is cut to 128 bytes (RFC 4884's minimum for it),
    // so that the message stays within RFC 1812's 576.
    let quote = if extended {
        quote.get(..128).unwrap_or(quote)
    } else {
        quote
    };
    let mut probe = [0u8; 64];
    let mut repr = match kind {
        1 => {
            let code = u.int_in_range(0..=15)?;
            let mtu: u16 = u.arbitrary()?;
            Repr::DestinationUnreachable(DestinationUnreachableRepr {
                code: UnreachableCode(code),
                unused: 0,
                // RFC 1191: the next-hop MTU only with "fragmentation needed".
                next_hop_mtu: if code == 4 { mtu } else { 0 },
                ..u.arbitrary()?
            })
        }
        5 => Repr::RouterAdvertisement(u.arbitrary()?),
        7 => Repr::TimeExceeded(TimeExceededRepr {
            code: TimeExceededCode(u.int_in_range(0..=1)?),
            unused: 0,
            ..u.arbitrary()?
        }),
        8 => Repr::ParameterProblem(ParameterProblemRepr {
            code: ParameterProblemCode(u.int_in_range(0..=2)?),
            unused: 0,
            ..u.arbitrary()?
        }),
        15 => {
            // A probe identifying its interface with one RFC 8335 object.
            let n = extension::write(used, &mut probe).map_err(|_| Error::IncorrectFormat)?;
            Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
                code: 0,
                reserved: 0,
                payload: probe.get(..n).unwrap_or(&[]),
                ..u.arbitrary()?
            })
        }
        _ => Repr::arbitrary_kind(u, kind)?,
    };
    match &mut repr {
        Repr::DestinationUnreachable(DestinationUnreachableRepr {
            quote: q,
            extensions: e,
            length_field: l,
            ..
        })
        | Repr::TimeExceeded(TimeExceededRepr {
            quote: q,
            extensions: e,
            length_field: l,
            ..
        })
        | Repr::ParameterProblem(ParameterProblemRepr {
            quote: q,
            extensions: e,
            length_field: l,
            ..
        }) => {
            *q = quote;
            *e = attached;
            *l = 0;
        }
        Repr::SourceQuench(r) => {
            r.quote = quote;
            r.unused = 0;
        }
        Repr::Redirect(r) => r.quote = quote,
        Repr::Photuris(r) => {
            // RFC 2521: the pointer locates the 4-byte SPI inside the quoted headers, or is 0.
            r.quote = quote;
            r.reserved = 0;
            let at = u.int_in_range(0..=quote.len().saturating_sub(4))?;
            r.pointer = u16::try_from(at).unwrap_or(0);
        }
        _ => {}
    }
    let mut bytes = vec![0u8; repr.buffer_len()];
    repr.emit(&mut bytes).map_err(|_| Error::IncorrectFormat)?;
    Ok(bytes)
}

/// Gives `bytes` (a well-formed message of a kind that can have it) the flaw, keeping every
/// other count and checksum right.
pub(super) fn apply(u: &mut Unstructured<'_>, flaw: Flaw, bytes: &mut Vec<u8>) -> Result<()> {
    let fixed = crate::v4::Message::parse(&bytes[..]).map_or(8, |m| m.payload_offset());
    match flaw {
        Flaw::BadChecksum => {
            let x: u16 = u.int_in_range(1..=0xFFFF)?;
            if let Some(c) = bytes.get_mut(2..4) {
                let v = u16::from_be_bytes(c.try_into().unwrap_or([0; 2])) ^ x;
                c.copy_from_slice(&v.to_be_bytes());
            }
            // 0x0000 and 0xFFFF are the same one's complement number: keep the flaw real.
            if crate::checksum::verify(bytes)
                && let Some(c) = bytes.get_mut(3)
            {
                *c ^= 1;
            }
            return Ok(());
        }
        Flaw::CutFixedPart => {
            let keep = u.int_in_range(0..=fixed.saturating_sub(1))?;
            bytes.truncate(keep);
            return Ok(());
        }
        Flaw::CutQuote => {
            // The quote starts at byte 8; its IPv4 header is IHL words long.
            let ihl = usize::from(bytes.get(8).map_or(5, |b| b & 0x0F)).saturating_mul(4);
            let keep = u.int_in_range(0..=ihl.saturating_sub(1))?;
            bytes.truncate(keep.saturating_add(8));
        }
        Flaw::LengthPastEnd => {
            let room = bytes.len().saturating_sub(8) / 4;
            let past = u8::try_from(room.saturating_add(1)).unwrap_or(u8::MAX);
            if usize::from(past) <= room {
                return Err(Error::IncorrectFormat); // a body of 1020 bytes or more
            }
            let words = u.int_in_range(past..=u8::MAX)?;
            if let Some(w) = bytes.get_mut(5) {
                *w = words;
            }
        }
        Flaw::EntryCountTooHigh => {
            let size = usize::from(bytes.get(5).copied().unwrap_or(2)).saturating_mul(4);
            let held = bytes.len().saturating_sub(8).checked_div(size).unwrap_or(0);
            let low = u8::try_from(held.saturating_add(1)).map_err(|_| Error::IncorrectFormat)?;
            let n = u.int_in_range(low..=u8::MAX)?;
            if let Some(c) = bytes.get_mut(4) {
                *c = n;
            }
        }
        Flaw::EntrySizeTooSmall => {
            let size = u.int_in_range(0..=1)?;
            if let Some(s) = bytes.get_mut(5) {
                *s = size;
            }
        }
        Flaw::BadExtensionChecksum | Flaw::BadObjectLength => {
            let start = usize::from(bytes.get(5).copied().unwrap_or(0))
                .saturating_mul(4)
                .saturating_add(8);
            let structure = bytes.get_mut(start..).ok_or(Error::IncorrectFormat)?;
            if flaw == Flaw::BadExtensionChecksum {
                let c = structure.get_mut(3).ok_or(Error::IncorrectFormat)?;
                *c ^= u.int_in_range(1..=0xFF)?;
            } else {
                let room = u16::try_from(structure.len().saturating_sub(4)).unwrap_or(u16::MAX);
                let length = if u.arbitrary()? {
                    u.int_in_range(0..=3)?
                } else {
                    u.int_in_range(room.saturating_add(1)..=u16::MAX)?
                };
                let l = structure.get_mut(4..6).ok_or(Error::IncorrectFormat)?;
                l.copy_from_slice(&length.to_be_bytes());
                store_checksum(structure, 2);
            }
        }
    }
    store_checksum(bytes, 2);
    Ok(())
}

//! RFC 5944 agent advertisement extensions: lists written by this test's own encoder (from the
//! layouts of RFC 5944 sections 2.1.1-2.1.3) read back equal; arbitrary bytes never panic and
//! every byte is accounted for. (The oracle corpus's agent advertisements are compared field by
//! field in `tests/oracle.rs`.)
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

use std::net::Ipv4Addr;

use icmpwire::v4::{
    AgentExtension, AgentExtensionRepr, AgentExtensions, agent_extensions_len,
    write_agent_extensions,
};
use icmpwire::{EmitError, ParseError, Part};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Ext {
    Padding,
    Agent {
        sequence: u16,
        lifetime: u16,
        flags: u16,
        coa: Vec<Ipv4Addr>,
        tail: Vec<u8>,
    },
    Prefixes(Vec<u8>),
    Other(u8, Vec<u8>),
}

fn ext() -> impl Strategy<Value = Ext> {
    prop_oneof![
        Just(Ext::Padding),
        (
            any::<u16>(),
            any::<u16>(),
            any::<u16>(),
            prop::collection::vec(any::<u32>().prop_map(Ipv4Addr::from), 0..8),
            prop::collection::vec(any::<u8>(), 0..4),
        )
            .prop_map(|(sequence, lifetime, flags, coa, tail)| Ext::Agent {
                sequence,
                lifetime,
                flags,
                coa,
                tail,
            }),
        prop::collection::vec(0u8..=32, 0..16).prop_map(Ext::Prefixes),
        (
            any::<u8>().prop_filter("known types", |k| ![0, 16, 19].contains(k)),
            prop::collection::vec(any::<u8>(), 0..255)
        )
            .prop_map(|(k, d)| Ext::Other(k, d)),
    ]
}

/// RFC 5944 section 2.1: Type, Length (bytes after these two), data; padding is one byte.
fn encode(list: &[Ext]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in list {
        match e {
            Ext::Padding => out.push(0),
            Ext::Agent {
                sequence,
                lifetime,
                flags,
                coa,
                tail,
            } => {
                out.extend([16, (6 + 4 * coa.len() + tail.len()) as u8]);
                out.extend(sequence.to_be_bytes());
                out.extend(lifetime.to_be_bytes());
                out.extend(flags.to_be_bytes());
                coa.iter().for_each(|a| out.extend(a.octets()));
                out.extend(tail);
            }
            Ext::Prefixes(p) => {
                out.extend([19, p.len() as u8]);
                out.extend(p);
            }
            Ext::Other(k, d) => {
                out.extend([*k, d.len() as u8]);
                out.extend(d);
            }
        }
    }
    out
}

/// The builder's description of `e` (an agent extension with bytes after its last care-of
/// address, which the builder does not make, is written as a raw type 16 from `raw`).
fn repr<'a>(e: &'a Ext, raw: &'a [u8]) -> AgentExtensionRepr<'a> {
    match e {
        Ext::Padding => AgentExtensionRepr::Padding,
        Ext::Agent { tail, .. } if !tail.is_empty() => AgentExtensionRepr::Other {
            kind: 16,
            data: &raw[2..],
        },
        Ext::Agent {
            sequence,
            lifetime,
            flags,
            coa,
            ..
        } => AgentExtensionRepr::MobilityAgent {
            sequence: *sequence,
            registration_lifetime: *lifetime,
            flags: *flags,
            care_of_addresses: coa,
        },
        Ext::Prefixes(p) => AgentExtensionRepr::PrefixLengths(p),
        Ext::Other(k, d) => AgentExtensionRepr::Other { kind: *k, data: d },
    }
}

proptest! {
    /// The builder writes what the test's own encoder writes, into a buffer of any prior
    /// content, and nothing at all into one byte too short.
    #[test]
    fn builder_writes_the_rfc_layout(list in prop::collection::vec(ext(), 0..8), fill in any::<u8>()) {
        let raws: Vec<Vec<u8>> = list.iter().map(|e| encode(std::slice::from_ref(e))).collect();
        let reprs: Vec<AgentExtensionRepr<'_>> = list.iter().zip(&raws).map(|(e, r)| repr(e, r)).collect();
        let want = encode(&list);
        prop_assert_eq!(agent_extensions_len(&reprs), want.len());
        let mut out = vec![fill; want.len() + 3];
        prop_assert_eq!(write_agent_extensions(&reprs, &mut out), Ok(want.len()));
        prop_assert_eq!(&out[..want.len()], &want[..]);
        prop_assert!(out[want.len()..].iter().all(|b| *b == fill));
        if !want.is_empty() {
            let mut short = vec![fill; want.len() - 1];
            prop_assert_eq!(
                write_agent_extensions(&reprs, &mut short),
                Err(EmitError::BufferTooSmall { required: want.len(), actual: want.len() - 1 })
            );
            prop_assert!(short.iter().all(|b| *b == fill));
        }
    }

    #[test]
    fn encoded_lists_read_back(list in prop::collection::vec(ext(), 0..8)) {
        let bytes = encode(&list);
        let read: Vec<_> = AgentExtensions::new(&bytes).collect();
        prop_assert_eq!(read.len(), list.len());
        for (got, want) in read.iter().zip(&list) {
            // RFC 5944's type numbers: padding 0 (2.1.3), agent 16 (2.1.1), prefix lengths 19 (2.1.2).
            let kind = match want {
                Ext::Padding => 0,
                Ext::Agent { .. } => 16,
                Ext::Prefixes(_) => 19,
                Ext::Other(k, _) => *k,
            };
            prop_assert_eq!(got.as_ref().unwrap().kind(), kind);
            match (got.as_ref().unwrap(), want) {
                (AgentExtension::Padding, Ext::Padding) => {}
                (AgentExtension::MobilityAgent(a), Ext::Agent { sequence, lifetime, flags, coa, tail }) => {
                    prop_assert_eq!(a.sequence(), *sequence);
                    prop_assert_eq!(a.registration_lifetime(), *lifetime);
                    prop_assert_eq!(a.flags(), *flags);
                    prop_assert_eq!(a.registration_required(), flags & 0x8000 != 0);
                    prop_assert_eq!(a.busy(), flags & 0x4000 != 0);
                    prop_assert_eq!(a.home_agent(), flags & 0x2000 != 0);
                    prop_assert_eq!(a.foreign_agent(), flags & 0x1000 != 0);
                    prop_assert_eq!(a.minimal_encapsulation(), flags & 0x0800 != 0);
                    prop_assert_eq!(a.gre(), flags & 0x0400 != 0);
                    prop_assert_eq!(a.reverse_tunneling(), flags & 0x0100 != 0);
                    prop_assert_eq!(a.udp_tunneling(), flags & 0x0080 != 0);
                    prop_assert_eq!(a.revocation(), flags & 0x0040 != 0);
                    prop_assert_eq!(a.regional_registration(), flags & 0x0020 != 0);
                    let got_coa: Vec<Ipv4Addr> = a.care_of_addresses().collect();
                    prop_assert_eq!(&got_coa, coa);
                    prop_assert_eq!(a.care_of_addresses().len(), coa.len());
                    prop_assert_eq!(a.bytes().len(), 6 + 4 * coa.len() + tail.len());
                }
                (AgentExtension::PrefixLengths(p), Ext::Prefixes(want)) => prop_assert_eq!(p, want),
                (AgentExtension::Other { kind, data }, Ext::Other(k, d)) => {
                    prop_assert_eq!(kind, k);
                    prop_assert_eq!(data, d);
                }
                (got, want) => prop_assert!(false, "{:?} read as {:?}", want, got),
            }
        }
    }

    /// Cutting an encoded list anywhere inside an extension gives the extensions before the
    /// cut, then one `Truncated` error that says how many bytes were needed and present.
    #[test]
    fn a_cut_list_ends_in_one_truncated(list in prop::collection::vec(ext(), 1..6), cut in any::<prop::sample::Index>()) {
        let bytes = encode(&list);
        let at = cut.index(bytes.len());
        let read: Vec<_> = AgentExtensions::new(&bytes[..at]).collect();
        let errors = read.iter().filter(|r| r.is_err()).count();
        prop_assert!(errors <= 1);
        prop_assert!(read.iter().rev().skip(1).all(Result::is_ok));
        prop_assert_eq!(errors == 1, encode(&list[..read.len().min(list.len())]).len() != at);
        if let Some(Err(e)) = read.last() {
            // The cut extension: what its encoding needs, and what is left of it before `at`.
            let cut = &list[read.len() - 1];
            let start = encode(&list[..read.len() - 1]).len();
            let whole = encode(std::slice::from_ref(cut)).len();
            let required = if at - start < 2 { 2 } else { whole };
            prop_assert_eq!(
                *e,
                ParseError::Truncated { part: Part::AgentExtension, required, actual: at - start }
            );
        }
    }

    /// Any bytes read the way a walk written from RFC 5944 section 2.1 reads them: the same
    /// extension boundaries, and an error exactly where the walk finds a cut or a type 16
    /// shorter than its 6 fixed bytes, with the sizes it finds.
    #[test]
    fn arbitrary_bytes_read_as_the_rfc_walk(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let mut it = AgentExtensions::new(&bytes);
        let mut at = 0;
        while at < bytes.len() {
            let kind = bytes[at];
            let got = it.next().unwrap();
            if kind == 0 {
                prop_assert_eq!(got, Ok(AgentExtension::Padding));
                at += 1;
                continue;
            }
            let left = bytes.len() - at;
            let Some(&length) = bytes.get(at + 1) else {
                prop_assert_eq!(got, Err(ParseError::Truncated { part: Part::AgentExtension, required: 2, actual: 1 }));
                break;
            };
            let size = 2 + usize::from(length);
            if size > left {
                prop_assert_eq!(got, Err(ParseError::Truncated { part: Part::AgentExtension, required: size, actual: left }));
                break;
            }
            let data = &bytes[at + 2..at + size];
            match (kind, got) {
                (16, Err(e)) => prop_assert_eq!(e, ParseError::Truncated { part: Part::AgentExtension, required: 8, actual: size }),
                (16, Ok(AgentExtension::MobilityAgent(a))) => {
                    prop_assert!(size >= 8);
                    prop_assert_eq!(a.bytes(), data);
                    prop_assert_eq!(a.sequence(), u16::from_be_bytes([data[0], data[1]]));
                    prop_assert_eq!(a.care_of_addresses().len(), (size - 8) / 4);
                }
                (19, Ok(AgentExtension::PrefixLengths(p))) => prop_assert_eq!(p, data),
                (k, Ok(AgentExtension::Other { kind, data: d })) if k != 16 && k != 19 => {
                    prop_assert_eq!(kind, k);
                    prop_assert_eq!(d, data);
                }
                (k, got) => prop_assert!(false, "type {} read as {:?}", k, got),
            }
            at += size;
        }
        prop_assert_eq!(it.next(), None);
        prop_assert!(it.remaining().is_empty());
    }
}

/// A type 16 extension shorter than its fixed 6 bytes is an error, and the list goes on.
#[test]
fn short_mobility_agent_extension() {
    let bytes = [16, 2, 0xaa, 0xbb, 0, 19, 1, 24];
    let read: Vec<_> = AgentExtensions::new(&bytes).collect();
    assert_eq!(
        read,
        [
            Err(ParseError::Truncated {
                part: Part::AgentExtension,
                required: 8,
                actual: 4
            }),
            Ok(AgentExtension::Padding),
            Ok(AgentExtension::PrefixLengths(&[24])),
        ]
    );
}

/// What the 8-bit length field cannot say, and data on a padding byte, are refused before
/// anything is written.
#[test]
fn builder_refuses_what_cannot_be_written() {
    let coa = [Ipv4Addr::new(192, 0, 2, 1); 63];
    let too_many = AgentExtensionRepr::MobilityAgent {
        sequence: 0,
        registration_lifetime: 0,
        flags: 0,
        care_of_addresses: &coa,
    };
    let mut out = [0xAAu8; 400];
    assert_eq!(
        write_agent_extensions(&[AgentExtensionRepr::Padding, too_many], &mut out),
        Err(EmitError::AgentExtension { kind: 16, len: 258 })
    );
    assert_eq!(
        write_agent_extensions(
            &[AgentExtensionRepr::Other {
                kind: 0,
                data: &[1]
            }],
            &mut out
        ),
        Err(EmitError::AgentExtension { kind: 0, len: 1 })
    );
    assert_eq!(
        write_agent_extensions(&[AgentExtensionRepr::PrefixLengths(&[0; 256])], &mut out),
        Err(EmitError::AgentExtension { kind: 19, len: 256 })
    );
    assert!(out.iter().all(|b| *b == 0xAA));
    // 62 addresses: 6 + 248 = 254 bytes of data, the most that fits.
    let fits = AgentExtensionRepr::MobilityAgent {
        sequence: 0,
        registration_lifetime: 0,
        flags: 0,
        care_of_addresses: &coa[..62],
    };
    assert_eq!(write_agent_extensions(&[fits], &mut out), Ok(256));
    assert_eq!(out[1], 254);
    // 255 bytes of data is the most a length byte can say (RFC 5944 2.1: "Length" is 8 bits).
    let widest = AgentExtensionRepr::PrefixLengths(&[24; 255]);
    assert_eq!(write_agent_extensions(&[widest], &mut out), Ok(257));
    assert_eq!(&out[..3], &[19, 255, 24]);
}

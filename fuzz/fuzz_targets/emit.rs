//! Arbitrary message values and buffer sizes: emit never panics; a too-small buffer is an
//! error and nothing is written; a success writes every byte of the message (two buffers with
//! different prefill come out identical) and nothing past it. The same for the RFC 5944 agent
//! extension writer.
#![no_main]

use std::net::Ipv4Addr;

use icmpwire::extension::{MplsEntry, ObjectRepr};
use icmpwire::v4::*;
use icmpwire::*;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    // Each choice from its own bytes, so that every combination can be drawn.
    let which: u8 = u.int_in_range(0..=9)?;
    let n_exts: usize = u.int_in_range(0..=3)?;
    let n_entries: usize = u.int_in_range(0..=3)?;
    let entry_size: u8 = u.int_in_range(0..=5)?;
    let n_agent: usize = u.int_in_range(0..=4)?;
    let raw_list: bool = u.arbitrary()?;
    let kind: u8 = u.arbitrary()?;
    let code: u8 = u.arbitrary()?;
    let w: u32 = u.arbitrary()?;
    let size: usize = u.int_in_range(0..=2048)?;
    let (fill_a, fill_b): (u8, u8) = (u.arbitrary()?, u.arbitrary()?);
    let labels: Vec<MplsEntry> = (0..u.int_in_range(0..=4)?)
        .map(|i| MplsEntry {
            label: w >> 12,
            traffic_class: (i & 7) as u8,
            bottom_of_stack: i == 0,
            ttl: code,
        })
        .collect();
    let raw_entries: &[u8] = u.arbitrary()?;
    let data: &[u8] = u.arbitrary()?;
    let objects = [
        ObjectRepr::Mpls(&labels),
        ObjectRepr::InterfaceIndex(w),
        ObjectRepr::Raw {
            class_num: code,
            c_type: kind,
            data: raw_entries,
        },
    ];
    let exts = &objects[..n_exts];
    let entries = [RouterEntry {
        address: Ipv4Addr::from(w),
        preference: w as i32,
    }; 3];
    let repr = match which {
        0 => Repr::EchoRequest(EchoRepr {
            code,
            identifier: w as u16,
            sequence: (w >> 16) as u16,
            data,
        }),
        1 => Repr::DestinationUnreachable(DestinationUnreachableRepr {
            code: UnreachableCode(code),
            next_hop_mtu: w as u16,
            quote: data,
            extensions: exts,
            ..Default::default()
        }),
        2 => Repr::TimeExceeded(TimeExceededRepr {
            code: TimeExceededCode(code),
            quote: data,
            extensions: exts,
            ..Default::default()
        }),
        3 => Repr::ParameterProblem(ParameterProblemRepr {
            pointer: code,
            quote: data,
            extensions: exts,
            ..Default::default()
        }),
        4 => Repr::RouterAdvertisement(RouterAdvertisementRepr {
            entries: if raw_list {
                RouterEntriesRepr::Raw {
                    num_addrs: code,
                    entry_size,
                    bytes: raw_entries,
                }
            } else {
                RouterEntriesRepr::List(&entries[..n_entries])
            },
            trailing: data,
            ..Default::default()
        }),
        5 => Repr::Timestamp(TimestampRepr {
            code,
            originate: w,
            trailing: data,
            ..Default::default()
        }),
        6 => Repr::Redirect(RedirectRepr {
            code: RedirectCode(code),
            gateway: Ipv4Addr::from(w),
            quote: data,
        }),
        7 => Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
            identifier: w as u16,
            payload: data,
            ..Default::default()
        }),
        8 => Repr::AddressMaskReply(AddressMaskRepr {
            mask: Ipv4Addr::from(w),
            trailing: data,
            ..Default::default()
        }),
        _ => Repr::Other(RawRepr {
            message_type: MessageType(kind),
            code,
            rest_of_header: w.to_be_bytes(),
            payload: data,
        }),
    };
    let mut a = vec![fill_a; size];
    let mut b = vec![fill_b; size];
    let ra = repr.emit(&mut a);
    let rb = repr.emit(&mut b);
    assert_eq!(ra, rb);
    match ra {
        Ok(n) => {
            assert_eq!(n, repr.buffer_len());
            assert_eq!(a[..n], b[..n], "every byte of the message is written");
            assert!(a[n..].iter().all(|&x| x == fill_a) && b[n..].iter().all(|&x| x == fill_b));
            // What was written verifies, and parses as its type back to the same bytes; only raw
            // router entries and raw messages of a type with a view may be refused.
            assert!(icmpwire::checksum::verify(&a[..n]));
            match Message::parse(&a[..n]) {
                Ok(m) => {
                    if !matches!(repr, Repr::Other(_)) {
                        assert_eq!(m.message_type(), repr.message_type());
                    }
                    let mut again = vec![!fill_a; n];
                    assert_eq!(m.to_repr().emit(&mut again), Ok(n));
                    assert_eq!(again[..], a[..n], "re-emitted from the parse");
                }
                Err(e) => assert!(
                    matches!(
                        repr,
                        Repr::Other(_)
                            | Repr::RouterAdvertisement(RouterAdvertisementRepr {
                                entries: RouterEntriesRepr::Raw { .. },
                                ..
                            })
                    ),
                    "{e:?} for {repr:?}"
                ),
            }
        }
        Err(EmitError::BufferTooSmall { required, actual }) => {
            assert_eq!((required, actual), (repr.buffer_len(), size));
            assert!(a.iter().all(|&x| x == fill_a), "nothing written on error");
        }
        Err(_) => assert!(a.iter().all(|&x| x == fill_a), "nothing written on error"),
    }
    // RFC 5944 agent advertisement extensions, the same way: every byte or nothing, and what
    // is written reads back as one extension per description.
    let coa: Vec<Ipv4Addr> = (0..u32::from(code % 70))
        .map(|i| Ipv4Addr::from(w ^ i))
        .collect();
    let agent = [
        AgentExtensionRepr::Padding,
        AgentExtensionRepr::MobilityAgent {
            sequence: w as u16,
            registration_lifetime: (w >> 16) as u16,
            flags: u16::from(code) << 8,
            care_of_addresses: &coa,
        },
        AgentExtensionRepr::PrefixLengths(raw_entries),
        AgentExtensionRepr::Other { kind, data },
    ];
    let list = &agent[..n_agent];
    a.fill(fill_a);
    b.fill(fill_b);
    let ra = write_agent_extensions(list, &mut a);
    assert_eq!(ra, write_agent_extensions(list, &mut b));
    match ra {
        Ok(n) => {
            assert_eq!(n, agent_extensions_len(list));
            assert_eq!(a[..n], b[..n], "every byte of the extensions is written");
            assert!(a[n..].iter().all(|&x| x == fill_a));
            assert_eq!(AgentExtensions::new(&a[..n]).count(), list.len());
        }
        Err(_) => assert!(a.iter().all(|&x| x == fill_a), "nothing written on error"),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});

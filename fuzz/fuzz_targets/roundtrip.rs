//! Arbitrary message values -> emit -> parse -> the same values, for every message type.
#![no_main]

use std::net::Ipv4Addr;

use icmpwire::v4::*;
use icmpwire::*;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;

fn run(u: &mut Unstructured<'_>) -> Result<()> {
    let code: u8 = u.arbitrary()?;
    let (a, b): (u16, u16) = (u.arbitrary()?, u.arbitrary()?);
    let w: u32 = u.arbitrary()?;
    let mut entries = Vec::new();
    let kind: u8 = u.arbitrary()?;
    if kind % 23 == 5 {
        for _ in 0..u.int_in_range(0..=30)? {
            entries.push(RouterEntry {
                address: Ipv4Addr::from(u.arbitrary::<u32>()?),
                preference: u.arbitrary()?,
            });
        }
    }
    let data: &[u8] = u.arbitrary()?;
    let echo = EchoRepr {
        code,
        identifier: a,
        sequence: b,
        data,
    };
    let ts = TimestampRepr {
        code,
        identifier: a,
        sequence: b,
        originate: w,
        receive: !w,
        transmit: w.rotate_left(9),
        trailing: data,
    };
    let mask = AddressMaskRepr {
        code,
        identifier: a,
        sequence: b,
        mask: Ipv4Addr::from(w),
        trailing: data,
    };
    let repr = match kind % 23 {
        0 => Repr::EchoReply(echo),
        1 => Repr::EchoRequest(echo),
        2 => Repr::InformationRequest(echo),
        3 => Repr::InformationReply(echo),
        4 => Repr::DestinationUnreachable(DestinationUnreachableRepr {
            code: UnreachableCode(code),
            unused: a as u8,
            length_field: b as u8,
            next_hop_mtu: (w >> 16) as u16,
            quote: data,
            extensions: &[],
        }),
        5 => Repr::RouterAdvertisement(RouterAdvertisementRepr {
            code: RouterAdvertisementCode(code),
            lifetime: a,
            entries: RouterEntriesRepr::List(&entries),
            trailing: data,
        }),
        6 => Repr::SourceQuench(SourceQuenchRepr {
            code,
            unused: w,
            quote: data,
        }),
        7 => Repr::Redirect(RedirectRepr {
            code: RedirectCode(code),
            gateway: Ipv4Addr::from(w),
            quote: data,
        }),
        8 => Repr::RouterSolicitation(RouterSolicitationRepr {
            code,
            reserved: w,
            trailing: data,
        }),
        9 => Repr::TimeExceeded(TimeExceededRepr {
            code: TimeExceededCode(code),
            length_field: a as u8,
            unused: w & 0x00FF_FFFF,
            quote: data,
            extensions: &[],
        }),
        10 => Repr::ParameterProblem(ParameterProblemRepr {
            code: ParameterProblemCode(code),
            pointer: a as u8,
            length_field: b as u8,
            unused: (w >> 16) as u16,
            quote: data,
            extensions: &[],
        }),
        11 => Repr::Timestamp(ts),
        12 => Repr::TimestampReply(ts),
        13 => Repr::AddressMaskRequest(mask),
        14 => Repr::AddressMaskReply(mask),
        15 => Repr::ExtendedEchoRequest(ExtendedEchoRequestRepr {
            code,
            identifier: a,
            sequence: b as u8,
            local: w & 1 == 1,
            reserved: (w >> 1) as u8 & 0x7F,
            payload: data,
        }),
        16 => Repr::ExtendedEchoReply(ExtendedEchoReplyRepr {
            code: ExtendedEchoReplyCode(code),
            identifier: a,
            sequence: b as u8,
            state: w as u8 & 7,
            reserved: (w >> 3) as u8 & 3,
            active: w & 32 != 0,
            ipv4: w & 64 != 0,
            ipv6: w & 128 != 0,
            payload: data,
        }),
        17 => Repr::Photuris(PhoturisRepr {
            code: PhoturisCode(code),
            reserved: a,
            pointer: b,
            quote: data,
        }),
        18 => Repr::Traceroute(TracerouteRepr {
            code: TracerouteCode(code),
            identifier: a,
            unused: b,
            outbound_hop_count: (w >> 16) as u16,
            return_hop_count: w as u16,
            output_link_speed: w.rotate_left(7),
            output_link_mtu: !w,
            trailing: data,
        }),
        19 => Repr::DomainNameRequest(DomainNameRequestRepr {
            code,
            identifier: a,
            sequence: b,
            trailing: data,
        }),
        20 => Repr::DomainNameReply(DomainNameReplyRepr {
            code,
            identifier: a,
            sequence: b,
            ttl: w as i32,
            names: data,
        }),
        _ => {
            // A type without a typed view (the others parse back as their view).
            let t: u8 = u.arbitrary()?;
            if matches!(t, 0 | 3 | 4 | 5 | 8..=18 | 30 | 37 | 38 | 40 | 42 | 43) {
                return Ok(());
            }
            Repr::Other(RawRepr {
                message_type: MessageType(t),
                code,
                rest_of_header: w.to_be_bytes(),
                payload: data,
            })
        }
    };
    let mut buf = vec![0u8; repr.buffer_len()];
    assert_eq!(repr.emit(&mut buf), Ok(buf.len()));
    let msg = Message::parse(&buf[..]).expect("an emitted message parses, checksum verified");
    let back = msg.to_repr();
    match (back, repr) {
        (Repr::RouterAdvertisement(x), Repr::RouterAdvertisement(y)) => {
            // Built from a list, read back as raw entries of 2 words: compare what they mean.
            assert_eq!(
                (x.code, x.lifetime, x.trailing),
                (y.code, y.lifetime, y.trailing)
            );
            let Message::RouterAdvertisement(ra) = &msg else {
                panic!("not a router advertisement")
            };
            assert!(ra.entries().eq(entries.iter().copied()));
        }
        (x, y) => assert_eq!(x, y),
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});

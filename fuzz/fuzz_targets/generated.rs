//! The `arbitrary` feature's generators at fuzzing scale: every `Repr` they make emits and parses
//! back to itself, every `Packet` parses and re-emits byte for byte, every `NearValid` gets the
//! answer its flaw documents, and `fix_up` leaves any bytes with a checksum that verifies.
#![no_main]

use icmpwire::fuzzing::{FixUp, Flaw, NearValid, Packet, fix_up};
use icmpwire::v4::{Message, Repr};
use icmpwire::{ParseError, Part, checksum};
use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    if let Ok(repr) = Repr::arbitrary(&mut u) {
        let mut buf = vec![0x5Au8; repr.buffer_len()];
        assert_eq!(repr.emit(&mut buf), Ok(buf.len()));
        assert_eq!(
            Message::parse(&buf[..])
                .expect("emitted message parses")
                .to_repr(),
            repr
        );
    }
    if let Ok(packet) = Packet::arbitrary(&mut u) {
        let msg = Message::parse(packet.as_bytes()).expect("a Packet parses");
        let mut again = vec![0u8; packet.as_bytes().len()];
        msg.to_repr().emit(&mut again).unwrap();
        assert_eq!(again, packet.as_bytes());
    }
    if let Ok(bad) = NearValid::arbitrary(&mut u) {
        let bytes = bad.as_bytes();
        let parsed = Message::parse(bytes);
        match bad.flaw() {
            Flaw::BadChecksum => assert!(matches!(parsed, Err(ParseError::BadChecksum { .. }))),
            Flaw::CutFixedPart => {
                assert!(matches!(
                    Message::parse_unverified(bytes),
                    Err(ParseError::Truncated { .. })
                ))
            }
            Flaw::EntryCountTooHigh => assert!(matches!(
                parsed,
                Err(ParseError::Truncated {
                    part: Part::RouterEntries,
                    ..
                })
            )),
            Flaw::EntrySizeTooSmall => {
                assert!(matches!(parsed, Err(ParseError::AddrEntrySize { .. })))
            }
            // The quote and extension flaws leave a message that parses (tests/fuzzing.rs checks
            // what its quote and extensions then say).
            _ => assert!(parsed.is_ok(), "{:?}: {parsed:?}", bad.flaw()),
        }
    }
    let mut raw = data.to_vec();
    fix_up(&mut raw, FixUp::ALL);
    if raw.len() >= 4 {
        assert!(checksum::verify(&raw));
    }
});

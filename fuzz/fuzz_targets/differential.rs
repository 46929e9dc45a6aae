//! The same bytes through icmpwire, etherparse and smoltcp: every field two of them decode must
//! agree. Known, documented differences are asserted as such (see FUZZING.md): etherparse and
//! smoltcp do not check a message's type-specific length the way icmpwire does; smoltcp reads
//! only echo and error messages, and its `verify_checksum` is disabled under `cfg(fuzzing)`.
#![no_main]

use icmpwire::AnyMessage;
use icmpwire::checksum;
use icmpwire::v4::Message;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let ours = Message::parse_unverified(data);
    let valid = checksum::verify(data);

    // smoltcp: type, code, checksum, its verification, echo identifier and sequence.
    if let Ok(p) = smoltcp::wire::Icmpv4Packet::new_checked(data) {
        let msg = ours.as_ref().ok();
        if let Some(m) = msg {
            assert_eq!(u8::from(p.msg_type()), m.message_type().0);
            assert_eq!(p.msg_code(), m.code_u8());
            assert_eq!(p.checksum(), m.checksum());
        }
        // smoltcp's verify_checksum returns true whenever cfg(fuzzing) is set (as cargo-fuzz
        // does): held as such, so a change there shows; its checksum *computation* is compared.
        if cfg!(fuzzing) {
            assert!(
                p.verify_checksum(),
                "smoltcp's verify_checksum under cfg(fuzzing) changed"
            );
        } else {
            assert_eq!(p.verify_checksum(), valid);
        }
        assert_eq!(
            !smoltcp::wire::checksum::data(data) == 0,
            valid,
            "checksum verdicts differ"
        );
        if let Some(Message::EchoRequest(e) | Message::EchoReply(e)) = msg {
            assert_eq!(
                (p.echo_ident(), p.echo_seq_no()),
                (e.identifier(), e.sequence())
            );
            assert_eq!(p.data(), e.data());
        }
    } else {
        // smoltcp refuses fewer than 8 bytes; so do we.
        assert!(ours.is_err() || data.len() >= 8);
    }

    // etherparse: the typed header it decodes.
    if let Ok(s) = etherparse::Icmpv4Slice::from_slice(data) {
        assert_eq!(s.checksum(), u16::from_be_bytes([data[2], data[3]]));
        use etherparse::Icmpv4Type as T;
        match (s.icmp_type(), ours.as_ref()) {
            (T::EchoRequest(h), Ok(Message::EchoRequest(e)))
            | (T::EchoReply(h), Ok(Message::EchoReply(e))) => {
                assert_eq!((h.id, h.seq), (e.identifier(), e.sequence()));
                assert_eq!(s.payload(), e.data());
            }
            (T::DestinationUnreachable(h), Ok(Message::DestinationUnreachable(m))) => {
                if let etherparse::icmpv4::DestUnreachableHeader::FragmentationNeeded {
                    next_hop_mtu,
                } = h
                {
                    assert_eq!(next_hop_mtu, m.next_hop_mtu());
                }
                assert_eq!(s.payload(), m.payload());
            }
            (T::Redirect(h), Ok(Message::Redirect(m))) => {
                assert_eq!(h.gateway_internet_address, m.gateway().octets());
                assert_eq!(s.payload(), m.payload());
            }
            (T::TimeExceeded(_), Ok(Message::TimeExceeded(m))) => {
                assert_eq!(s.payload(), m.payload())
            }
            (T::ParameterProblem(h), Ok(Message::ParameterProblem(m))) => {
                if let etherparse::icmpv4::ParameterProblemHeader::PointerIndicatesError(p) = h {
                    assert_eq!(p, m.pointer());
                }
                assert_eq!(s.payload(), m.payload());
            }
            (T::TimestampRequest(t), Ok(Message::Timestamp(m)))
            | (T::TimestampReply(t), Ok(Message::TimestampReply(m))) => {
                assert_eq!((t.id, t.seq), (m.identifier(), m.sequence()));
                assert_eq!(
                    (
                        t.originate_timestamp,
                        t.receive_timestamp,
                        t.transmit_timestamp
                    ),
                    (m.originate(), m.receive(), m.transmit())
                );
            }
            // etherparse reads timestamps of any length >= 8 as Unknown unless exactly 20 bytes,
            // and codes outside its tables as Unknown: the type and code still agree.
            (
                T::Unknown {
                    type_u8,
                    code_u8,
                    bytes5to8,
                },
                Ok(m),
            ) => {
                assert_eq!((type_u8, code_u8), (m.message_type().0, m.code_u8()));
                assert_eq!(bytes5to8, [data[4], data[5], data[6], data[7]]);
            }
            // A message icmpwire refuses (cut fixed part, bad router entries): etherparse reads
            // any 8 bytes; nothing to compare beyond the checksum above.
            (_, Err(_)) => {}
            (t, Ok(m)) => panic!("etherparse {t:?} vs icmpwire {:?}", m.message_type()),
        }
    }
});

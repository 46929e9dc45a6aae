//! Any bytes: parse with and without checksum verification, touch every accessor of whatever
//! comes out (including the quoted datagram and its `Display` line), and when the checksum
//! verified, re-emit from the parsed values and compare with the input byte for byte.
#![no_main]

use icmpwire::AnyMessage;
use icmpwire::extension::{Extensions, ObjectData, locate};
use icmpwire::v4::{AgentExtension, Message, Raw};
use icmpwire::{Quote, QuoteLimit, quote_datagram};
use libfuzzer_sys::fuzz_target;

fn touch_quote(q: Quote<'_>) {
    if let Ok(ip) = q.ipv4() {
        let _ = (
            ip.version(),
            ip.ihl(),
            ip.tos(),
            ip.total_length(),
            ip.identification(),
        );
        let _ = (
            ip.flags(),
            ip.fragment_offset(),
            ip.ttl(),
            ip.protocol(),
            ip.header_checksum(),
        );
        let _ = (ip.src(), ip.dst(), ip.options(), ip.transport(), ip.ports());
        let _ = (ip.udp(), ip.tcp(), ip.icmp());
    }
}

fn touch_extensions(ext: Extensions<'_>) {
    let _ = (
        ext.version(),
        ext.reserved(),
        ext.checksum(),
        ext.checksum_valid(),
    );
    for obj in ext.objects().flatten() {
        let _ = (obj.class_num(), obj.c_type(), obj.length(), obj.raw_data());
        match obj.data() {
            ObjectData::Mpls(labels) => {
                let _ = labels.count();
            }
            ObjectData::InterfaceInformation(info) => {
                let _ = info.map(|i| (i.if_index, i.address, i.name, i.mtu));
            }
            ObjectData::InterfaceIdentification(id) => {
                let _ = id;
            }
            _ => {}
        }
    }
}

fn touch(msg: &Message<&[u8]>) {
    let _ = (
        msg.message_type(),
        msg.code_u8(),
        msg.checksum(),
        msg.computed_checksum(),
    );
    let _ = (msg.verify_checksum(), msg.payload(), msg.payload_offset());
    match msg {
        Message::EchoReply(m)
        | Message::EchoRequest(m)
        | Message::InformationRequest(m)
        | Message::InformationReply(m) => {
            let _ = (m.identifier(), m.sequence(), m.data());
        }
        Message::DestinationUnreachable(m) => {
            let _ = (
                m.code(),
                m.next_hop_mtu(),
                m.length_field(),
                m.unused(),
                m.original_datagram(),
            );
            touch_quote(m.quote());
            m.extensions().map(touch_extensions);
        }
        Message::SourceQuench(m) => {
            let _ = m.unused();
            touch_quote(m.quote());
        }
        Message::Redirect(m) => {
            let _ = (m.code(), m.gateway());
            touch_quote(m.quote());
        }
        Message::TimeExceeded(m) => {
            let _ = (
                m.code(),
                m.length_field(),
                m.unused(),
                m.original_datagram(),
            );
            touch_quote(m.quote());
            m.extensions().map(touch_extensions);
        }
        Message::ParameterProblem(m) => {
            let _ = (
                m.code(),
                m.pointer(),
                m.length_field(),
                m.unused(),
                m.original_datagram(),
            );
            touch_quote(m.quote());
            m.extensions().map(touch_extensions);
        }
        Message::ExtendedEchoRequest(m) => {
            let _ = (
                m.identifier(),
                m.sequence(),
                m.local(),
                m.reserved(),
                m.flags(),
            );
            let _ = m.extensions().map(touch_extensions);
        }
        Message::ExtendedEchoReply(m) => {
            let _ = (
                m.code(),
                m.identifier(),
                m.sequence(),
                m.state(),
                m.active(),
                m.ipv4(),
                m.ipv6(),
            );
            let _ = m.extensions().map(touch_extensions);
        }
        Message::RouterAdvertisement(m) => {
            let _ = (
                m.code(),
                m.num_addrs(),
                m.entry_size(),
                m.lifetime(),
                m.is_rfc1256_valid(),
            );
            let _ = (m.entry_bytes(), m.entries().len(), m.entries().count());
            for ext in m.agent_extensions() {
                if let Ok(AgentExtension::MobilityAgent(a)) = ext {
                    let _ = (
                        a.sequence(),
                        a.registration_lifetime(),
                        a.flags(),
                        a.busy(),
                        a.revocation(),
                    );
                    let _ = (
                        a.bytes(),
                        a.care_of_addresses().count(),
                        a.care_of_addresses().len(),
                    );
                }
            }
        }
        Message::RouterSolicitation(m) => {
            let _ = m.reserved();
        }
        Message::Timestamp(m) | Message::TimestampReply(m) => {
            let _ = (
                m.identifier(),
                m.sequence(),
                m.originate(),
                m.receive(),
                m.transmit(),
            );
        }
        Message::AddressMaskRequest(m) | Message::AddressMaskReply(m) => {
            let _ = (m.identifier(), m.sequence(), m.mask());
        }
        Message::Photuris(m) => {
            let _ = (m.code(), m.reserved(), m.pointer());
            touch_quote(m.quote());
        }
        Message::Traceroute(m) => {
            let _ = (
                m.code(),
                m.identifier(),
                m.unused(),
                m.outbound_hop_count(),
                m.return_hop_count(),
            );
            let _ = (m.output_link_speed(), m.output_link_mtu());
        }
        Message::Other(m) => {
            let _ = m.rest_of_header();
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let unverified = Message::parse_unverified(data);
    if let Ok(msg) = &unverified {
        touch(msg);
        // The tcpdump-style line (what icmpdump prints for untrusted captures).
        let line = msg.to_string();
        assert!(line.contains(&format!(", length {}", data.len())), "{line}");
        // The round-trip promise (checksum module docs): every byte but the checksum field,
        // which holds computed_checksum(), whatever the buffer held before.
        let repr = msg.to_repr();
        let mut out = vec![0xAAu8; repr.buffer_len()];
        assert_eq!(repr.emit(&mut out), Ok(data.len()));
        assert_eq!((&out[..2], &out[4..]), (&data[..2], &data[4..]));
        assert_eq!(out[2..4], msg.computed_checksum().to_be_bytes());
    }
    touch_quote(Quote::new(data));
    // The extension parsers on any bytes, at any declared length.
    if let Some((&len, rest)) = data.split_first() {
        let (_, ext) = locate(rest, usize::from(len) * 4);
        ext.map(touch_extensions);
        let _ = Extensions::parse(rest).map(touch_extensions);
    }
    let _ = quote_datagram(data, QuoteLimit::Rfc792);
    let _ = Raw::parse_unverified(data).map(|r| r.rest_of_header());
    match Message::parse(data) {
        Ok(msg) => {
            // Verified: the checksum holds, the values re-emit to the same bytes, except that a
            // received -0 (0xFFFF) in the field is written as the computed +0 form (0x0000).
            assert!(msg.verify_checksum());
            assert!(unverified.is_ok());
            let repr = msg.to_repr();
            let mut out = vec![0u8; repr.buffer_len()];
            assert_eq!(repr.emit(&mut out), Ok(data.len()));
            if out != data {
                assert_eq!((&out[..2], &out[4..]), (&data[..2], &data[4..]));
                assert_eq!((&data[2..4], &out[2..4]), (&[0xFF, 0xFF][..], &[0, 0][..]));
            }
        }
        Err(icmpwire::ParseError::BadChecksum { .. }) => {
            assert!(!unverified.unwrap().verify_checksum())
        }
        Err(e) => assert_eq!(unverified.unwrap_err(), e),
    }
});

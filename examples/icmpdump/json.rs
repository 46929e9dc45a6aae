//! One ICMP message as a JSON object, with the key names of the team's oracle corpus
//! (`shared/oracle/README.md`, "Record schema"), so that the tool's output can be compared with
//! scapy's and tshark's decodes record by record. Also used by `tests/oracle.rs`.

use icmpwire::{Message, ParseError, Quote, protocol};
use serde_json::{Map, Value, json};

/// Hex of a byte slice, lower case.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The error kind names used in `{"error": KIND, "message": TEXT}`.
pub(crate) fn error_kind(e: &ParseError) -> &'static str {
    match e {
        ParseError::Truncated { .. } => "truncated",
        ParseError::BadChecksum { .. } => "bad_checksum",
        ParseError::WrongType { .. } => "wrong_type",
        ParseError::AddrEntrySize { .. } => "addr_entry_size",
        ParseError::QuotedVersion { .. } => "quoted_version",
        ParseError::QuotedIhl { .. } => "quoted_ihl",
        ParseError::QuotedFragment { .. } => "quoted_fragment",
        ParseError::QuotedProtocol { .. } => "quoted_protocol",
        _ => "other",
    }
}

/// The JSON object for the ICMP message `bytes` (from the type byte). Messages with a bad
/// checksum are decoded and say `"checksum_valid": false`, as tcpdump and tshark do.
pub(crate) fn message_json(bytes: &[u8]) -> Value {
    match Message::parse_unverified(bytes) {
        Ok(msg) => decoded(&msg),
        Err(e) => json!({ "error": error_kind(&e), "message": e.to_string() }),
    }
}

fn decoded(msg: &Message<&[u8]>) -> Value {
    let mut fields = Map::new();
    let mut inner = Value::Null;
    let mut put = |k: &str, v: Value| {
        fields.insert(k.to_string(), v);
    };
    match msg {
        Message::EchoReply(m)
        | Message::EchoRequest(m)
        | Message::InformationRequest(m)
        | Message::InformationReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
        }
        Message::Timestamp(m) | Message::TimestampReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("originate_timestamp", json!(m.originate()));
            put("receive_timestamp", json!(m.receive()));
            put("transmit_timestamp", json!(m.transmit()));
        }
        Message::AddressMaskRequest(m) | Message::AddressMaskReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("address_mask", json!(m.mask().to_string()));
        }
        Message::DestinationUnreachable(m) => {
            put("unused_byte", json!(m.unused()));
            put("length_field", json!(m.length_field()));
            put("next_hop_mtu", json!(m.next_hop_mtu()));
            inner = quote_json(m.quote(), m.length_field());
        }
        Message::SourceQuench(m) => {
            put("rest_of_header", json!(m.unused()));
            inner = quote_json(m.quote(), 0);
        }
        Message::Redirect(m) => {
            put("gateway", json!(m.gateway().to_string()));
            inner = quote_json(m.quote(), 0);
        }
        Message::TimeExceeded(m) => {
            let unused = m.unused();
            put("unused_byte", json!(unused >> 16));
            put("length_field", json!(m.length_field()));
            put("unused", json!(unused & 0xFFFF));
            inner = quote_json(m.quote(), m.length_field());
        }
        Message::ParameterProblem(m) => {
            put("pointer", json!(m.pointer()));
            put("length_field", json!(m.length_field()));
            put("unused", json!(m.unused()));
            inner = quote_json(m.quote(), m.length_field());
        }
        Message::RouterAdvertisement(m) => {
            put("num_addrs", json!(m.num_addrs()));
            put("addr_entry_size", json!(m.entry_size()));
            put("lifetime", json!(m.lifetime()));
            let entries: Vec<Value> = m
                .entries()
                .map(|e| json!([e.address.to_string(), e.preference]))
                .collect();
            put("router_entries", Value::Array(entries));
            let rest =
                u32::from_be_bytes([m.num_addrs(), m.entry_size(), 0, 0]) | u32::from(m.lifetime());
            put("rest_of_header", json!(rest));
        }
        Message::RouterSolicitation(m) => {
            put("reserved", json!(m.reserved()));
            put("rest_of_header", json!(m.reserved()));
        }
        Message::Other(m) => {
            put(
                "rest_of_header",
                json!(u32::from_be_bytes(m.rest_of_header())),
            );
        }
        _ => {}
    }
    let payload = msg.payload();
    json!({
        "type": msg.message_type().0,
        "code": msg.code_u8(),
        "checksum": msg.checksum(),
        "checksum_valid": msg.verify_checksum(),
        "fields": Value::Object(fields),
        "inner": inner,
        "payload_offset": msg.payload_offset(),
        "payload_hex": hex(payload),
    })
}

/// The quoted datagram. With an RFC 4884 length (in 32-bit words), only that many bytes are
/// the datagram; the rest is the extension structure.
fn quote_json(quote: Quote<'_>, length_words: u8) -> Value {
    let all = quote.bytes();
    let bytes = match usize::from(length_words) * 4 {
        0 => all,
        n => all.get(..n).unwrap_or(all),
    };
    let mut o = Map::new();
    o.insert("bytes_present".into(), json!(bytes.len()));
    let ip = match Quote::new(bytes).ipv4() {
        Ok(ip) => ip,
        Err(e) => {
            o.insert("error".into(), json!(error_kind(&e)));
            return Value::Object(o);
        }
    };
    let mut put = |k: &str, v: Value| {
        o.insert(k.to_string(), v);
    };
    put("version", json!(ip.version()));
    put("ihl", json!(ip.ihl()));
    put("tos", json!(ip.tos()));
    put("total_length", json!(ip.total_length()));
    put("identification", json!(ip.identification()));
    put("flags", json!(ip.flags()));
    put("frag_offset", json!(ip.fragment_offset()));
    put("ttl", json!(ip.ttl()));
    put("protocol", json!(ip.protocol()));
    put("checksum", json!(ip.header_checksum()));
    put("src", json!(ip.src().to_string()));
    put("dst", json!(ip.dst().to_string()));
    if let Ok(opts) = ip.options()
        && !opts.is_empty()
    {
        put("options_hex", json!(hex(opts)));
    }
    if let Ok(t) = ip.transport() {
        put("l4_bytes_present", json!(t.len()));
    }
    match ip.protocol() {
        protocol::UDP => {
            if let Ok(udp) = ip.udp() {
                put("src_port", json!(udp.src_port));
                put("dst_port", json!(udp.dst_port));
                if let Some(l) = udp.length {
                    put("udp_length", json!(l));
                }
                if let Some(c) = udp.checksum {
                    put("udp_checksum", json!(c));
                }
            }
        }
        protocol::TCP => {
            if let Ok(tcp) = ip.tcp() {
                put("src_port", json!(tcp.src_port));
                put("dst_port", json!(tcp.dst_port));
                if let Some(s) = tcp.sequence {
                    put("tcp_seq", json!(s));
                }
            }
        }
        protocol::ICMP => {
            if let Ok(icmp) = ip.icmp() {
                put("icmp_type", json!(icmp.message_type.0));
                put("icmp_code", json!(icmp.code));
                if let Some(i) = icmp.identifier {
                    put("icmp_identifier", json!(i));
                }
                if let Some(s) = icmp.sequence {
                    put("icmp_sequence", json!(s));
                }
            }
        }
        _ => {}
    }
    Value::Object(o)
}

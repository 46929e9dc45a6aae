//! One ICMP message as a JSON object, with the key names of the team's oracle corpus
//! (`shared/oracle/README.md`, "Record schema"), so that the tool's output can be compared with
//! scapy's and tshark's decodes record by record. Also used by `tests/oracle.rs`.

use icmpwire::AnyMessage;
use icmpwire::extension::{
    Extensions, InterfaceAddress, InterfaceIdentification, InterfaceInformation, ObjectData,
};
use icmpwire::v4::{AgentExtension, AgentExtensions, Message};
use icmpwire::{ParseError, Quote, protocol};
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
        ParseError::ExtensionObjectLength { .. } => "extension_object_length",
        ParseError::UnknownAddressFamily { .. } => "unknown_address_family",
        ParseError::NameLabel { .. } => "name_label",
        ParseError::NamePointer { .. } => "name_pointer",
        ParseError::NameTooLong { .. } => "name_too_long",
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
            inner = quote_json(m.quote());
            if let Some(ext) = m.extensions() {
                put("extension", extension_json(&ext));
            }
        }
        Message::SourceQuench(m) => {
            put("rest_of_header", json!(m.unused()));
            inner = quote_json(m.quote());
        }
        Message::Redirect(m) => {
            put("gateway", json!(m.gateway().to_string()));
            inner = quote_json(m.quote());
        }
        Message::TimeExceeded(m) => {
            let unused = m.unused();
            put("unused_byte", json!(unused >> 16));
            put("length_field", json!(m.length_field()));
            put("unused", json!(unused & 0xFFFF));
            inner = quote_json(m.quote());
            if let Some(ext) = m.extensions() {
                put("extension", extension_json(&ext));
            }
        }
        Message::ParameterProblem(m) => {
            put("pointer", json!(m.pointer()));
            put("length_field", json!(m.length_field()));
            put("unused", json!(m.unused()));
            inner = quote_json(m.quote());
            if let Some(ext) = m.extensions() {
                put("extension", extension_json(&ext));
            }
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
            let mobility_agent = matches!(m.code().0, 0 | 16);
            if mobility_agent && !m.payload().is_empty() {
                put(
                    "mobile_ip_extensions",
                    agent_extensions_json(m.agent_extensions()),
                );
            }
            let rest =
                u32::from_be_bytes([m.num_addrs(), m.entry_size(), 0, 0]) | u32::from(m.lifetime());
            put("rest_of_header", json!(rest));
        }
        Message::RouterSolicitation(m) => {
            put("reserved", json!(m.reserved()));
            put("rest_of_header", json!(m.reserved()));
        }
        Message::ExtendedEchoRequest(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("reserved_bits", json!(m.reserved()));
            put("local_bit", json!(u8::from(m.local())));
            put(
                "rest_of_header",
                json!(rest_of_header(m.identifier(), m.sequence(), m.flags())),
            );
            match m.extensions() {
                Ok(ext) => put("extension", extension_json(&ext)),
                Err(_) if m.payload().is_empty() => {}
                Err(e) => put("extension", json!({ "error": error_kind(&e) })),
            }
        }
        Message::ExtendedEchoReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("state", json!(m.state()));
            put("reserved_bits", json!(m.reserved()));
            put("active_bit", json!(u8::from(m.active())));
            put("ipv4_bit", json!(u8::from(m.ipv4())));
            put("ipv6_bit", json!(u8::from(m.ipv6())));
            put(
                "rest_of_header",
                json!(rest_of_header(m.identifier(), m.sequence(), m.flags())),
            );
        }
        Message::Traceroute(m) => {
            put("identifier", json!(m.identifier()));
            put("unused", json!(m.unused()));
            put("outbound_hop_count", json!(m.outbound_hop_count()));
            put("return_hop_count", json!(m.return_hop_count()));
            put("output_link_speed", json!(m.output_link_speed()));
            put("output_link_mtu", json!(m.output_link_mtu()));
            let rest = u32::from(m.identifier()) << 16 | u32::from(m.unused());
            put("rest_of_header", json!(rest));
        }
        Message::Photuris(m) => {
            put("reserved", json!(m.reserved()));
            put("pointer", json!(m.pointer()));
            let rest = u32::from(m.reserved()) << 16 | u32::from(m.pointer());
            put("rest_of_header", json!(rest));
            inner = quote_json(m.quote());
        }
        Message::DomainNameRequest(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
        }
        Message::DomainNameReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("ttl", json!(m.ttl()));
            let names: Vec<Value> = m
                .names()
                .map(|n| match n {
                    Ok(name) => json!(name.to_string()),
                    Err(e) => json!({ "error": error_kind(&e), "message": e.to_string() }),
                })
                .collect();
            put("names", Value::Array(names));
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

/// The quoted original datagram (without RFC 4884 padding and extensions).
fn quote_json(quote: Quote<'_>) -> Value {
    let bytes = quote.bytes();
    let mut o = Map::new();
    o.insert("bytes_present".into(), json!(bytes.len()));
    let ip = match quote.ipv4() {
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

/// Bytes 4-7 of an extended echo message as one number.
fn rest_of_header(identifier: u16, sequence: u8, flags: u8) -> u32 {
    u32::from(identifier) << 16 | u32::from(sequence) << 8 | u32::from(flags)
}

fn address_json(a: &InterfaceAddress<'_>) -> Value {
    match a {
        InterfaceAddress::V4(v4) => json!(v4.to_string()),
        InterfaceAddress::V6(v6) => json!(v6.to_string()),
        InterfaceAddress::Other { bytes, .. } => json!(hex(bytes)),
        _ => Value::Null,
    }
}

/// An RFC 4884 extension structure and its objects.
fn extension_json(ext: &Extensions<'_>) -> Value {
    let mut objects = Vec::new();
    for obj in ext.objects() {
        let obj = match obj {
            Ok(o) => o,
            Err(e) => {
                objects.push(json!({ "error": error_kind(&e) }));
                break;
            }
        };
        let mut o = Map::new();
        o.insert("length".into(), json!(obj.length()));
        o.insert("class_num".into(), json!(obj.class_num()));
        o.insert("c_type".into(), json!(obj.c_type()));
        o.insert("data_hex".into(), json!(hex(obj.raw_data())));
        match obj.data() {
            ObjectData::Mpls(labels) => {
                let l: Vec<Value> = labels
                    .map(|e| json!({"label": e.label, "exp": e.traffic_class, "s": u8::from(e.bottom_of_stack), "ttl": e.ttl}))
                    .collect();
                o.insert("mpls".into(), Value::Array(l));
            }
            ObjectData::InterfaceInformation(info) => {
                let i = interface_information_json(obj.c_type(), info);
                o.insert("interface_information".into(), Value::Object(i));
            }
            ObjectData::InterfaceIdentification(id) => {
                let i = interface_identification_json(obj.c_type(), id);
                o.insert("interface_identification".into(), Value::Object(i));
            }
            _ => {}
        }
        objects.push(Value::Object(o));
    }
    json!({
        "version": ext.version(),
        "reserved": ext.reserved(),
        "checksum": ext.checksum(),
        "checksum_valid": ext.checksum_valid(),
        "objects": objects,
    })
}

/// RFC 5944 agent advertisement extensions: `type`, `length` (absent for padding), then the
/// decoded fields, or `data_hex`; a cut extension says `"error": "truncated"` with what is there.
fn agent_extensions_json(mut it: AgentExtensions<'_>) -> Value {
    let mut list = Vec::new();
    loop {
        let before = it.remaining();
        let Some(next) = it.next() else { break };
        let mut o = Map::new();
        if let Some(&kind) = before.first() {
            o.insert("type".into(), json!(kind));
        }
        if let Some(&length) = before.get(1).filter(|_| before.first() != Some(&0)) {
            o.insert("length".into(), json!(length));
        }
        match next {
            Ok(AgentExtension::MobilityAgent(agent)) => {
                o.insert("sequence".into(), json!(agent.sequence()));
                let lifetime = agent.registration_lifetime();
                o.insert("registration_lifetime".into(), json!(lifetime));
                o.insert("flags".into(), json!(agent.flags()));
                let coa: Vec<String> = agent.care_of_addresses().map(|a| a.to_string()).collect();
                o.insert("care_of_addresses".into(), json!(coa));
            }
            Ok(AgentExtension::PrefixLengths(lengths)) => {
                o.insert("prefix_lengths".into(), json!(lengths));
            }
            Ok(AgentExtension::Other { data, .. }) => {
                o.insert("data_hex".into(), json!(hex(data)));
            }
            Ok(_) => {}
            Err(e) => {
                if before.len() >= 2 {
                    let data = before
                        .get(2..before.len() - it.remaining().len())
                        .unwrap_or(&[]);
                    o.insert("data_hex".into(), json!(hex(data)));
                }
                o.insert("error".into(), json!(error_kind(&e)));
            }
        }
        list.push(Value::Object(o));
    }
    Value::Array(list)
}

/// An RFC 5837 interface information object's decode (`c_type` holds its flags).
pub(crate) fn interface_information_json(
    c: u8,
    info: Result<InterfaceInformation<'_>, ParseError>,
) -> Map<String, Value> {
    let mut i = Map::new();
    i.insert("role".into(), json!(c >> 6));
    i.insert("has_ifindex".into(), json!((c >> 3) & 1));
    i.insert("has_ipaddr".into(), json!((c >> 2) & 1));
    i.insert("has_name".into(), json!((c >> 1) & 1));
    i.insert("has_mtu".into(), json!(c & 1));
    match info {
        Ok(info) => {
            if let Some(x) = info.if_index {
                i.insert("ifindex".into(), json!(x));
            }
            if let Some(a) = info.address {
                i.insert("afi".into(), json!(a.afi()));
                i.insert("address".into(), address_json(&a));
            }
            if let Some(n) = info.name {
                i.insert(
                    "name".into(),
                    json!(n.iter().map(|&b| char::from(b)).collect::<String>()),
                );
            }
            if let Some(m) = info.mtu {
                i.insert("mtu".into(), json!(m));
            }
        }
        Err(e) => {
            i.insert("error".into(), json!(error_kind(&e)));
        }
    }
    i
}

/// An RFC 8335 interface identification object's decode.
pub(crate) fn interface_identification_json(
    c_type: u8,
    id: Result<InterfaceIdentification<'_>, ParseError>,
) -> Map<String, Value> {
    let mut i = Map::new();
    i.insert("c_type".into(), json!(c_type));
    match id {
        Ok(InterfaceIdentification::Name(n)) => {
            i.insert(
                "name".into(),
                json!(n.iter().map(|&b| char::from(b)).collect::<String>()),
            );
        }
        Ok(InterfaceIdentification::Index(x)) => {
            i.insert("ifindex".into(), json!(x));
        }
        Ok(InterfaceIdentification::Address { address, length }) => {
            i.insert("afi".into(), json!(address.afi()));
            i.insert("address_length".into(), json!(length));
            let key = if matches!(address, InterfaceAddress::Other { .. }) {
                "address_hex"
            } else {
                "address"
            };
            i.insert(key.into(), address_json(&address));
        }
        Ok(_) => {
            i.insert("error".into(), json!("unknown or short c-type"));
        }
        Err(e) => {
            i.insert("error".into(), json!(error_kind(&e)));
        }
    }
    i
}

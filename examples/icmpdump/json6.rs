//! One ICMPv6 message as a JSON object, with the key names of the team's ICMPv6 oracle corpus
//! (`shared/oracle/v6/README.md`, "Record schema"): `type`, `code`, `checksum`,
//! `checksum_valid`, `fields`, `inner` (the quoted packet, with its extension header chain),
//! `extension` (at the top level, unlike ICMPv4's), `payload_offset`, `payload_hex`; or
//! `{"error": KIND, "message": TEXT}` and what of type, code and checksum is there when the
//! bytes are not a message. Also used by
//! `tests/oracle6.rs`.

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use icmpwire::extension::{Extensions, ObjectData};
use icmpwire::v6::{Addresses, Message, NdOption, NdOptionRepr, NdOptions, OptionType};
use icmpwire::{ExtensionHeader, ParseError, Quote, QuotedIpv6, protocol};
use serde_json::{Map, Value, json};

use super::json::{error_kind, hex, interface_identification_json, interface_information_json};
use super::json6_registry::{registry_fields, rpl_payload};

/// The JSON object for the ICMPv6 message `bytes` (from the type byte) sent from `src` to
/// `dst` (the addresses of the checksum's pseudo-header). A message with a bad checksum is
/// decoded and says `"checksum_valid": false`.
pub(crate) fn message6_json(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> Value {
    match Message::parse_unverified(bytes) {
        Ok(msg) => decoded(&msg, bytes, src, dst),
        Err(e) => {
            let word = |at: std::ops::Range<usize>| {
                bytes.get(at).map_or(Value::Null, |b| {
                    json!(b.iter().fold(0u64, |n, &x| n << 8 | u64::from(x)))
                })
            };
            json!({
                "error": error_kind(&e),
                "message": e.to_string(),
                "type": word(0..1),
                "code": word(1..2),
                "checksum": word(2..4),
                "checksum_valid": bytes.len() >= 4
                    && icmpwire::checksum::verify_icmpv6(src, dst, bytes),
            })
        }
    }
}

fn decoded(msg: &Message<&[u8]>, bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> Value {
    let mut fields = Map::new();
    let mut put = |k: &str, v: Value| {
        fields.insert(k.to_string(), v);
    };
    let mut extension = Value::Null;
    match msg {
        Message::EchoRequest(m) | Message::EchoReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
        }
        Message::DestinationUnreachable(m) => {
            put("length_field", json!(m.length_field()));
            put("unused", json!(m.unused()));
            extension = rfc4884_json(m.extensions(), m.after_datagram());
        }
        Message::TimeExceeded(m) => {
            put("length_field", json!(m.length_field()));
            put("unused", json!(m.unused()));
            extension = rfc4884_json(m.extensions(), m.after_datagram());
        }
        Message::PacketTooBig(m) => put("mtu", json!(m.mtu())),
        Message::ParameterProblem(m) => put("pointer", json!(m.pointer())),
        Message::ExtendedEchoRequest(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("local_bit", json!(u8::from(m.local())));
            put("reserved_bits", json!(m.reserved()));
            extension = match m.payload() {
                [] => Value::Null,
                body => match Extensions::parse(body) {
                    Ok(ext) => extension6_json(&ext),
                    Err(_) => json!({"data_hex": hex(body), "error": "short-extension-header"}),
                },
            };
        }
        Message::ExtendedEchoReply(m) => {
            put("identifier", json!(m.identifier()));
            put("sequence", json!(m.sequence()));
            put("state", json!(m.state()));
            put("reserved_bits", json!(m.reserved()));
            put("active_bit", json!(u8::from(m.active())));
            put("ipv4_bit", json!(u8::from(m.ipv4())));
            put("ipv6_bit", json!(u8::from(m.ipv6())));
        }
        Message::MulticastListenerQuery(m) if m.version() == Some(2) => {
            put("mld_version", json!(2));
            put("max_response_code", json!(m.max_response_code()));
            put("max_response_delay", json!(m.max_response_delay()));
            put("reserved", json!(m.reserved()));
            put(
                "multicast_address",
                json!(m.multicast_address().to_string()),
            );
            put("resv_bits", json!(m.resv_bits()));
            put("s_flag", json!(u8::from(m.suppress())));
            put("qrv", json!(m.qrv()));
            put("qqic", json!(m.qqic()));
            put("qqi", json!(m.qqi()));
            put("number_of_sources", json!(m.number_of_sources()));
            put("sources", addresses_json(&m.sources()));
        }
        Message::MulticastListenerQuery(m) => {
            put("mld_version", json!(1));
            put("max_response_delay", json!(m.max_response_code()));
            put("reserved", json!(m.reserved()));
            put(
                "multicast_address",
                json!(m.multicast_address().to_string()),
            );
        }
        Message::MulticastListenerReport(m) | Message::MulticastListenerDone(m) => {
            put("mld_version", json!(1));
            put("max_response_delay", json!(m.max_response_code()));
            put("reserved", json!(m.reserved()));
            put(
                "multicast_address",
                json!(m.multicast_address().to_string()),
            );
        }
        Message::MulticastListenerReportV2(m) => {
            put("reserved1", json!(m.code_u8()));
            put("reserved2", json!(m.reserved()));
            put("number_of_records", json!(m.number_of_records()));
            let mut records = Vec::new();
            for r in m.records() {
                match r {
                    Ok(r) => records.push(json!({
                        "record_type": r.record_type(),
                        "aux_data_len": r.aux_data_len(),
                        "number_of_sources": r.number_of_sources(),
                        "multicast_address": r.multicast_address().to_string(),
                        "sources": addresses_json(&r.sources()),
                        "aux_data_hex": hex(r.aux_data()),
                    })),
                    Err(e) => {
                        // The cut record's header, if present, as far as it goes.
                        let rest = m.payload().get(m.content_len() - 8..).unwrap_or_default();
                        if let Some(h) = rest.first_chunk::<20>() {
                            let mut a = [0u8; 16];
                            a.copy_from_slice(&h[4..]);
                            records.push(json!({
                                "record_type": h[0],
                                "aux_data_len": h[1],
                                "number_of_sources": u16::from_be_bytes([h[2], h[3]]),
                                "multicast_address": Ipv6Addr::from(a).to_string(),
                                "error": e.to_string(),
                            }));
                        }
                    }
                }
            }
            put("records", json!(records));
        }
        Message::RouterSolicitation(m) => put("reserved", json!(m.reserved())),
        Message::InverseSolicitation(m) | Message::InverseAdvertisement(m) => {
            put("reserved", json!(m.reserved()));
        }
        Message::RouterAdvertisement(m) => {
            put("cur_hop_limit", json!(m.hop_limit()));
            put("managed", json!(m.managed()));
            put("other", json!(m.other()));
            put("home_agent", json!(m.home_agent()));
            put("prf", json!(m.preference()));
            put("proxy", json!(m.proxy()));
            put("reserved", json!(m.reserved()));
            put("router_lifetime", json!(m.router_lifetime()));
            put("reachable_time", json!(m.reachable_time()));
            put("retrans_timer", json!(m.retrans_timer()));
        }
        Message::NeighborSolicitation(m) => {
            put("reserved", json!(m.reserved()));
            put("target", json!(m.target().to_string()));
        }
        Message::NeighborAdvertisement(m) => {
            put("router", json!(m.router()));
            put("solicited", json!(m.solicited()));
            put("override", json!(m.override_flag()));
            put("reserved", json!(m.reserved() & 0x1FFF_FFFF));
            put("target", json!(m.target().to_string()));
        }
        Message::Redirect(m) => {
            put("reserved", json!(m.reserved()));
            put("target", json!(m.target().to_string()));
            put("destination", json!(m.destination().to_string()));
        }
        Message::HomeAgentDiscoveryRequest(m) | Message::HomeAgentDiscoveryReply(m) => {
            put("identifier", json!(m.identifier()));
            put("r_flag", json!(u8::from(m.mobile_router())));
            put("reserved", json!(m.reserved() & 0x7FFF));
            if m.message_type().0 == 145 {
                put(
                    "home_agent_addresses",
                    addresses_json(&m.home_agent_addresses()),
                );
            }
        }
        Message::MobilePrefixSolicitation(m) => {
            put("identifier", json!(m.identifier()));
            put("reserved", json!(m.reserved()));
        }
        Message::MobilePrefixAdvertisement(m) => {
            put("identifier", json!(m.identifier()));
            put("managed", json!(m.managed()));
            put("other", json!(m.other()));
            put("reserved", json!(m.reserved() & 0x3FFF));
        }
        Message::CertificationPathSolicitation(m) => {
            put("identifier", json!(m.identifier()));
            put("component", json!(m.component()));
        }
        Message::CertificationPathAdvertisement(m) => {
            put("identifier", json!(m.identifier()));
            put("all_components", json!(m.all_components()));
            put("component", json!(m.component()));
            put("reserved", json!(m.reserved()));
        }
        Message::MulticastRouterAdvertisement(m) => {
            put("advertisement_interval", json!(m.advertisement_interval()));
            put("query_interval", json!(m.query_interval()));
            put("robustness_variable", json!(m.robustness_variable()));
        }
        Message::DuplicateAddressRequest(m) | Message::DuplicateAddressConfirmation(m) => {
            put("status", json!(m.status()));
            put("reserved", json!(m.reserved()));
            put("registration_lifetime", json!(m.registration_lifetime()));
            put("eui64_hex", json!(hex(&m.eui64())));
            put(
                "registered_address",
                json!(m.registered_address().to_string()),
            );
        }
        // RFC 4286 5.1, 6.1: the multicast router solicitation and termination have only a
        // reserved byte where the code is.
        Message::Other(m) if matches!(m.message_type().0, 152 | 153) => {
            put("reserved", json!(m.code_u8()));
        }
        Message::Other(m) => {
            if let Some(&word) = m.body().first_chunk::<4>() {
                put("rest_of_header", json!(u32::from_be_bytes(word)));
            }
        }
        Message::Fmip(m) => {
            put("subtype", json!(m.subtype()));
            put("reserved", json!(m.reserved()));
            put("identifier", json!(m.fmip_identifier()));
        }
        _ => {
            registry_fields(msg, &mut fields);
        }
    }
    if matches!(msg.message_type().0, 133..=137 | 141 | 142 | 147..=149 | 154) {
        fields.insert(
            "options".to_string(),
            options_json(msg.payload(), msg.payload_offset()),
        );
    }
    let inner = msg.quote().map_or(Value::Null, |q| inner6_json(q.bytes()));
    // MLDv2: the payload is what follows the sources or records present.
    let (payload_offset, payload) = match msg {
        Message::MulticastListenerQuery(m) => (m.content_len(), &bytes[m.content_len()..]),
        Message::MulticastListenerReportV2(m) => (m.content_len(), &bytes[m.content_len()..]),
        Message::Rpl(m) => rpl_payload(m),
        _ => (msg.payload_offset(), msg.payload()),
    };
    json!({
        "type": msg.message_type().0,
        "code": msg.code_u8(),
        "checksum": msg.checksum(),
        "checksum_valid": msg.verify_checksum(src, dst),
        "fields": Value::Object(fields),
        "inner": inner,
        "extension": extension,
        "payload_offset": payload_offset,
        "payload_hex": hex(payload),
    })
}

/// Addresses as a JSON list of strings.
fn addresses_json(list: &Addresses<'_>) -> Value {
    json!(list.iter().map(|a| a.to_string()).collect::<Vec<_>>())
}

/// The quoted packet: its IPv6 header, the extension header chain, the upper layer.
fn inner6_json(body: &[u8]) -> Value {
    let mut o = Map::new();
    let mut put = |k: &str, v: Value| {
        o.insert(k.to_string(), v);
    };
    put("bytes_present", json!(body.len()));
    if let Ok(ip) = Quote::new(body).ipv6() {
        put("version", json!(ip.version()));
        put("traffic_class", json!(ip.traffic_class()));
        put("flow_label", json!(ip.flow_label()));
        put("payload_length", json!(ip.payload_length()));
        put("next_header", json!(ip.next_header()));
        put("hop_limit", json!(ip.hop_limit()));
        put("src", json!(ip.src().to_string()));
        put("dst", json!(ip.dst().to_string()));
        chain_json(&ip, &mut o);
        return Value::Object(o);
    }
    // Not an IPv6 header (cut, or another version): what its bytes would say, as the oracle
    // shows them.
    if let Some(&b) = body.first() {
        put("version", json!(b >> 4));
    }
    let Some(raw) = body.first_chunk::<40>() else {
        return Value::Object(o);
    };
    let word = u32::from_be_bytes([raw[0], raw[1], raw[2], raw[3]]);
    put("traffic_class", json!((word >> 20) & 0xFF));
    put("flow_label", json!(word & 0xF_FFFF));
    put(
        "payload_length",
        json!(u16::from_be_bytes([raw[4], raw[5]])),
    );
    put("next_header", json!(raw[6]));
    put("hop_limit", json!(raw[7]));
    let addr = |at: usize| {
        let mut a = [0u8; 16];
        a.copy_from_slice(&raw[at..at + 16]);
        Ipv6Addr::from(a).to_string()
    };
    put("src", json!(addr(8)));
    put("dst", json!(addr(24)));
    put("extension_headers", json!([]));
    put("chain_complete", Value::Null);
    put("upper_layer", Value::Null);
    Value::Object(o)
}

/// `extension_headers`, `chain_complete`, `non_first_fragment` and the upper layer's keys.
fn chain_json(ip: &QuotedIpv6<'_>, o: &mut Map<String, Value>) {
    let mut headers = Vec::new();
    let mut cut = None;
    let mut end = 40;
    for h in ip.extension_headers() {
        match h {
            Ok(h) => {
                end = h.offset() + h.len();
                headers.push(header_json(&h));
            }
            Err(_) => {
                cut = Some(end);
                break;
            }
        }
    }
    if let Some(at) = cut {
        let kind = headers
            .last()
            .and_then(|h| h["next_header"].as_u64())
            .map_or(ip.next_header(), |n| n as u8);
        headers.push(cut_header_json(kind, ip.bytes().get(at..).unwrap_or(&[])));
    }
    o.insert("extension_headers".into(), Value::Array(headers));
    o.insert("chain_complete".into(), json!(cut.is_none()));
    let up = ip.upper_layer();
    let non_first = up.as_ref().is_ok_and(|u| u.is_non_first_fragment());
    o.insert("non_first_fragment".into(), json!(non_first));
    let Ok(up) = up else {
        o.insert("upper_layer".into(), Value::Null);
        o.insert("upper_layer_offset".into(), Value::Null);
        o.insert("upper_layer_bytes_present".into(), json!(0));
        return;
    };
    o.insert("upper_layer".into(), json!(up.protocol));
    o.insert("upper_layer_offset".into(), json!(up.offset));
    o.insert("upper_layer_bytes_present".into(), json!(up.bytes.len()));
    if non_first {
        return;
    }
    match up.protocol {
        protocol::UDP => {
            if let Ok(udp) = ip.udp() {
                o.insert("src_port".into(), json!(udp.src_port));
                o.insert("dst_port".into(), json!(udp.dst_port));
                if let (Some(l), Some(c)) = (udp.length, udp.checksum) {
                    o.insert("udp_length".into(), json!(l));
                    o.insert("udp_checksum".into(), json!(c));
                }
            }
        }
        protocol::TCP => {
            if let Ok(tcp) = ip.tcp() {
                o.insert("src_port".into(), json!(tcp.src_port));
                o.insert("dst_port".into(), json!(tcp.dst_port));
                if let Some(seq) = tcp.sequence {
                    o.insert("tcp_seq".into(), json!(seq));
                }
            }
        }
        protocol::ICMPV6 => {
            if let Ok(icmp) = ip.icmp() {
                o.insert("icmp_type".into(), json!(icmp.message_type.0));
                o.insert("icmp_code".into(), json!(icmp.code));
                if matches!(icmp.message_type.0, 128 | 129)
                    && let (Some(id), Some(seq)) = (icmp.identifier, icmp.sequence)
                {
                    o.insert("icmp_identifier".into(), json!(id));
                    o.insert("icmp_sequence".into(), json!(seq));
                }
            }
        }
        _ => {}
    }
}

/// A complete extension header.
fn header_json(h: &ExtensionHeader<'_>) -> Value {
    let mut o = Map::new();
    o.insert("header_type".into(), json!(h.kind()));
    o.insert("name".into(), json!(h.name()));
    o.insert("complete".into(), json!(true));
    o.insert("next_header".into(), json!(h.next_header()));
    o.insert("length".into(), json!(h.length_field()));
    o.insert("bytes".into(), json!(h.len()));
    if let Some(f) = h.fragment() {
        o.insert("reserved".into(), json!(f.reserved));
        o.insert("fragment_offset".into(), json!(f.offset));
        o.insert("m_flag".into(), json!(u8::from(f.more_fragments)));
        o.insert("res2".into(), json!(f.res));
        o.insert("identification".into(), json!(f.identification));
    }
    if let Some(r) = h.routing() {
        o.insert("routing_type".into(), json!(r.routing_type));
        o.insert("segments_left".into(), json!(r.segments_left));
    }
    Value::Object(o)
}

/// The extension header the quote stops inside: what of it is there.
fn cut_header_json(kind: u8, rest: &[u8]) -> Value {
    let name = match kind {
        0 => "hop-by-hop",
        43 => "routing",
        44 => "fragment",
        51 => "ah",
        60 => "destination-options",
        135 => "mobility",
        139 => "hip",
        _ => "shim6",
    };
    let mut o = Map::new();
    o.insert("header_type".into(), json!(kind));
    o.insert("name".into(), json!(name));
    o.insert("complete".into(), json!(false));
    o.insert("bytes_present".into(), json!(rest.len()));
    if let Some(&nh) = rest.first() {
        o.insert("next_header".into(), json!(nh));
    }
    if let Some(&len) = rest.get(1) {
        let (length, bytes) = match kind {
            44 => (Value::Null, 8),
            51 => (json!(len), (usize::from(len) + 2) * 4),
            _ => (json!(len), (usize::from(len) + 1) * 8),
        };
        o.insert("length".into(), length);
        o.insert("bytes".into(), json!(bytes));
        if kind == 44 {
            o.insert("reserved".into(), json!(len));
        }
    }
    if let (43, Some(&[_, _, t, s])) = (kind, rest.first_chunk::<4>()) {
        o.insert("routing_type".into(), json!(t));
        o.insert("segments_left".into(), json!(s));
    }
    Value::Object(o)
}

/// An RFC 4884 or RFC 8335 extension structure, as the ICMPv6 oracle writes it: objects, and
/// where the walk stops, the bad object with its bytes or the bytes too few for an object.
/// The extension structure of an RFC 4884 message; without one, the bytes the length field
/// leaves after the datagram, if any, as an object that says why they are not one.
fn rfc4884_json(ext: Option<Extensions<'_>>, after: &[u8]) -> Value {
    match (ext, after.len()) {
        (Some(ext), _) => extension6_json(&ext),
        (None, 0) => Value::Null,
        (None, 1..4) => json!({"data_hex": hex(after), "error": "short-extension-header"}),
        (None, _) => json!({"data_hex": hex(after), "error": "length-under-128-bytes"}),
    }
}

pub(crate) fn extension6_json(ext: &Extensions<'_>) -> Value {
    let mut objects = Vec::new();
    let mut trailing = None;
    let mut at = 4;
    let bytes = ext.bytes();
    for obj in ext.objects() {
        let obj = match obj {
            Ok(o) => o,
            Err(ParseError::ExtensionObjectLength { length, .. }) => {
                let rest = bytes.get(at..).unwrap_or(&[]);
                objects.push(json!({
                    "length": length,
                    "class_num": rest.get(2),
                    "c_type": rest.get(3),
                    "data_hex": hex(rest.get(4..).unwrap_or(&[])),
                    "error": "bad-object-length",
                }));
                break;
            }
            Err(_) => {
                trailing = Some(hex(bytes.get(at..).unwrap_or(&[])));
                break;
            }
        };
        at += usize::from(obj.length());
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
                let mut i = interface_information_json(obj.c_type(), info);
                if let Some(e) = i.get_mut("error") {
                    *e = json!("truncated");
                }
                o.insert("interface_information".into(), Value::Object(i));
            }
            ObjectData::InterfaceIdentification(id) => {
                let mut i = interface_identification_json(obj.c_type(), id);
                if i.contains_key("error") {
                    i.insert("error".into(), json!("unknown or short c-type"));
                }
                o.insert("interface_identification".into(), Value::Object(i));
            }
            _ => {}
        }
        objects.push(Value::Object(o));
    }
    let mut s = Map::new();
    s.insert("version".into(), json!(ext.version()));
    s.insert("reserved".into(), json!(ext.reserved()));
    s.insert("checksum".into(), json!(ext.checksum()));
    s.insert("checksum_valid".into(), json!(ext.checksum_valid()));
    s.insert("objects".into(), Value::Array(objects));
    if let Some(t) = trailing {
        s.insert("trailing_hex".into(), json!(t));
    }
    Value::Object(s)
}

/// The Neighbor Discovery options of a message, `payload` from `offset` on: every option in
/// order with its framing, data and decoded fields; the walk's error ends the list as an entry
/// of its own.
fn options_json(payload: &[u8], offset: usize) -> Value {
    let mut list = Vec::new();
    for option in NdOptions::new(payload, offset) {
        match option {
            Ok(o) => list.push(option_json(&o)),
            Err(e) => {
                let at = match e {
                    ParseError::OptionLengthZero { offset: at }
                    | ParseError::OptionTruncated { offset: at, .. } => at,
                    _ => offset,
                };
                let rest = payload.get(at - offset..).unwrap_or_default();
                let mut o = Map::new();
                o.insert("type".into(), json!(rest.first()));
                o.insert("length".into(), json!(rest.get(1)));
                o.insert("offset".into(), json!(at));
                if rest.len() >= 2 {
                    o.insert("name".into(), json!(OptionType(rest[0]).name()));
                }
                o.insert("error".into(), json!(e.to_string()));
                o.insert(
                    "data_hex".into(),
                    json!(hex(rest.get(2..).unwrap_or_default())),
                );
                list.push(Value::Object(o));
            }
        }
    }
    Value::Array(list)
}

/// The option types whose length has a rule of its own (their JSON says `length_valid`).
fn has_length_rule(kind: u8) -> bool {
    matches!(kind, 3 | 5..=10 | 24 | 25 | 31 | 38)
}

/// One option: framing, data, and the fields of its value.
fn option_json(o: &NdOption<'_>) -> Value {
    let mut m = Map::new();
    let mut put = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    put("type", json!(o.kind().0));
    put("length", json!(o.length()));
    put("offset", json!(o.offset()));
    put("name", json!(o.kind().name()));
    put("data_hex", json!(hex(o.data())));
    let value = o.value();
    if has_length_rule(o.kind().0) {
        put(
            "length_valid",
            json!(!matches!(
                value,
                Err(ParseError::OptionLength { .. } | ParseError::PrefixLength { .. })
            )),
        );
    }
    let addrs = |a: &Addresses<'_>| json!(a.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    match value {
        Ok(NdOptionRepr::SourceLinkLayerAddress(d) | NdOptionRepr::TargetLinkLayerAddress(d)) => {
            if o.length() == 1 {
                let mac: Vec<String> = d.iter().map(|b| format!("{b:02x}")).collect();
                put("link_layer_address", json!(mac.join(":")));
            }
            put("link_layer_address_hex", json!(hex(d)));
        }
        Ok(NdOptionRepr::PrefixInformation(p)) => {
            put("prefix_length", json!(p.prefix_length));
            put("on_link", json!(p.on_link));
            put("autonomous", json!(p.autonomous));
            put("router_address_flag", json!(p.router_address));
            put("reserved1", json!(p.reserved1));
            put("valid_lifetime", json!(p.valid_lifetime));
            put("preferred_lifetime", json!(p.preferred_lifetime));
            put("reserved2", json!(p.reserved2));
            put("prefix", json!(p.prefix.to_string()));
        }
        Ok(NdOptionRepr::RedirectedHeader { reserved, packet }) => {
            put("reserved_hex", json!(hex(&reserved)));
            put("redirected_header_hex", json!(hex(packet)));
        }
        Ok(NdOptionRepr::Mtu { reserved, mtu }) => {
            put("reserved", json!(reserved));
            put("mtu", json!(mtu));
        }
        Ok(NdOptionRepr::NbmaShortcutLimit {
            limit,
            reserved1,
            reserved2,
        }) => {
            put("shortcut_limit", json!(limit));
            put("reserved1", json!(reserved1));
            put("reserved2", json!(reserved2));
        }
        Ok(NdOptionRepr::AdvertisementInterval { reserved, interval }) => {
            put("reserved", json!(reserved));
            put("advertisement_interval", json!(interval));
        }
        Ok(NdOptionRepr::HomeAgentInformation {
            reserved,
            preference,
            lifetime,
        }) => {
            put("reserved", json!(reserved));
            put("home_agent_preference", json!(preference));
            put("home_agent_lifetime", json!(lifetime));
        }
        Ok(
            NdOptionRepr::SourceAddressList { addresses, .. }
            | NdOptionRepr::TargetAddressList { addresses, .. },
        ) => put("addresses", addrs(&addresses)),
        Ok(NdOptionRepr::Nonce(n)) => put("nonce_hex", json!(hex(n))),
        Ok(NdOptionRepr::RouteInformation(r)) => {
            put("route_prefix_length", json!(r.prefix_length));
            put("route_preference", json!(r.preference));
            put("reserved1", json!(r.reserved1));
            put("reserved2", json!(r.reserved2));
            put("route_lifetime", json!(r.lifetime));
            put("route_prefix", json!(r.prefix.to_string()));
        }
        Ok(NdOptionRepr::Rdnss {
            reserved,
            lifetime,
            addresses,
        }) => {
            put("reserved", json!(reserved));
            put("lifetime", json!(lifetime));
            put("addresses", addrs(&addresses));
        }
        Ok(NdOptionRepr::RaFlagsExtension { flags }) => put("flags_bits", json!(flags)),
        Ok(NdOptionRepr::Dnssl {
            reserved,
            lifetime,
            domains,
        }) => {
            put("reserved", json!(reserved));
            put("lifetime", json!(lifetime));
            let names: Vec<String> = domains.iter().map(|n| n.to_string()).collect();
            put("domains", json!(names));
        }
        Ok(NdOptionRepr::CaptivePortal(uri)) => {
            put(
                "uri",
                json!(uri.iter().map(|&b| char::from(b)).collect::<String>()),
            );
        }
        Ok(NdOptionRepr::Pref64(p)) => {
            put("scaled_lifetime", json!(p.scaled_lifetime));
            put("plc", json!(p.plc));
            put("prefix", json!(p.prefix.to_string()));
            put("lifetime_seconds", json!(p.lifetime_seconds()));
            put("prefix_length", json!(p.prefix_length()));
        }
        Ok(_) => {}
        Err(e) => put("value_error", json!(e.to_string())),
    }
    Value::Object(m)
}

//! icmpwire's ICMPv6 against the team's ICMPv6 oracle (tests/data/oracle6.min.jsonl.gz, see
//! README there): 4246 messages built by scapy 2.8.0 and decoded by scapy and a script, and
//! 328 messages captured from the Linux 6.18 kernel.
//!
//! * Every well-formed record parses (checksum verified with the record's pseudo-header
//!   addresses), and its type, code, checksum and validity equal the oracle's; for the types
//!   this crate has views for (1-4, 128, 129, 160, 161) and those the oracle itself reads raw,
//!   so are its fields, quoted packet (IPv6 header, extension header chain, upper layer),
//!   extension structure, payload offset and payload, through the JSON that
//!   `icmpdump --json --hex6` prints. Re-emitting the parsed values reproduces the bytes.
//! * Every malformed record gets the outcome chosen for its class, asserted.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects,
    clippy::panic
)]

mod common;
#[path = "../examples/icmpdump/json.rs"]
#[allow(dead_code)]
mod json;
#[path = "../examples/icmpdump/json6.rs"]
#[allow(dead_code)]
mod json6;
#[path = "../examples/icmpdump/json6_registry.rs"]
#[allow(dead_code)]
mod json6_registry;

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use common::*;
use icmpwire::v6::{LinkRule, Message};
use icmpwire::{ParseError, Part, Quote};
use serde_json::Value;

/// The pseudo-header addresses of a record (parsed: two records spell theirs unusually).
fn addrs(rec: &Value) -> (Ipv6Addr, Ipv6Addr) {
    let a = |k: &str| rec[k].as_str().unwrap().parse::<Ipv6Addr>().unwrap();
    (a("src"), a("dst"))
}

/// Compares two JSON objects key by key (`skip` names keys to leave out); every difference
/// goes to `out`, prefixed with `what`.
fn compare(
    what: &str,
    ours: &Value,
    oracle: &Value,
    skip: &dyn Fn(&str) -> bool,
    out: &mut Vec<String>,
) {
    match (ours.as_object(), oracle.as_object()) {
        (Some(o), Some(r)) => {
            for (k, v) in r {
                if skip(k) {
                    continue;
                }
                match o.get(k) {
                    Some(x) => compare(&format!("{what}.{k}"), x, v, skip, out),
                    None => out.push(format!("{what}.{k}: missing (oracle {v})")),
                }
            }
            for (k, v) in o {
                if !r.contains_key(k) && !skip(k) {
                    out.push(format!("{what}.{k}: extra (ours {v})"));
                }
            }
        }
        _ => match (ours.as_array(), oracle.as_array()) {
            (Some(a), Some(b)) if a.len() == b.len() => {
                for (i, (x, y)) in a.iter().zip(b).enumerate() {
                    compare(&format!("{what}[{i}]"), x, y, skip, out);
                }
            }
            _ if ours != oracle => out.push(format!("{what}: ours {ours} oracle {oracle}")),
            _ => {}
        },
    }
}

/// The option types icmpwire keeps raw (type, length, data) that the oracle decodes: the SEND
/// and FMIPv6 options.
fn raw_option(kind: u64) -> bool {
    matches!(kind, 11..=13 | 15..=23)
}

/// The keys of a Neighbor Discovery option both sides give for every option: framing and data.
const FRAMING: [&str; 5] = ["type", "length", "offset", "data_hex", "length_valid"];

/// `fields.options` of ours and the oracle's, made comparable: the option names are each
/// side's own words (tcpdump's here, the oracle's hyphenated ones) and the walk's error its own
/// sentence, so both become presence; the decoded fields of an option icmpwire keeps raw, or of
/// one whose length breaks its rule (icmpwire gives an error as its value, scapy reads what
/// bytes it finds), leave the comparison.
fn comparable_options(fields: &Value) -> Value {
    let mut fields = fields.clone();
    if let Some(list) = fields.get_mut("options").and_then(Value::as_array_mut) {
        for o in list.iter_mut() {
            let Some(map) = o.as_object_mut() else {
                continue;
            };
            let kind = map.get("type").and_then(Value::as_u64).unwrap_or(0);
            let keep_fields = map.get("error").is_none()
                && !raw_option(kind)
                && map.get("length_valid") != Some(&Value::Bool(false));
            let named = map.get("name").is_some_and(|n| !n.is_null());
            let error = map.contains_key("error");
            map.retain(|k, _| keep_fields || FRAMING.contains(&k.as_str()));
            map.remove("name");
            map.remove("value_error");
            if error {
                map.insert("error".into(), Value::Bool(true));
            }
            // Whether the type has a name at all (both sides know the same registry).
            map.insert("named".into(), Value::Bool(named));
        }
    }
    // Router renumbering (RFC 2894 3.2): an operation whose OpLength is not 3 + 4n carries an
    // error in each side's own words; an operation cut short is the last entry of ours (a
    // typed error), where the oracle lists nothing and names it in `problems` (rr_pco_cut,
    // checked by `renumbering_cuts_are_named`).
    if let Some(list) = fields
        .get_mut("prefix_control_operations")
        .and_then(Value::as_array_mut)
    {
        list.retain(|op| op.get("opcode").is_some());
        for op in list.iter_mut().filter_map(Value::as_object_mut) {
            if op.contains_key("error") {
                op.insert("error".into(), Value::Bool(true));
            }
        }
    }
    // An MLDv2 record cut short: the error is each side's own sentence.
    if let Some(list) = fields.get_mut("records").and_then(Value::as_array_mut) {
        for r in list.iter_mut().filter_map(Value::as_object_mut) {
            if r.contains_key("error") {
                r.insert("error".into(), Value::Bool(true));
            }
        }
    }
    fields
}

/// Our JSON against the record: every key the oracle has for what we decode.
fn compare_record(rec: &Value, ours: &Value, out: &mut Vec<String>) {
    let no_skip = |_: &str| false;
    for key in ["type", "code", "checksum", "checksum_valid"] {
        compare(key, &ours[key], &rec[key], &no_skip, out);
    }
    // The oracle has no JSON for a message it refuses; ours is an error object.
    if rec["scapy_ok"] == false {
        if ours["error"] != "truncated" {
            out.push(format!("refused by the oracle, ours {ours}"));
        }
        return;
    }
    compare(
        "fields",
        &comparable_options(&ours["fields"]),
        &comparable_options(&rec["fields"]),
        &no_skip,
        out,
    );
    for key in ["inner", "extension", "payload_offset", "payload_hex"] {
        compare(key, &ours[key], &rec[key], &no_skip, out);
    }
}

#[test]
fn wellformed_records_decode_like_the_oracle_and_round_trip() {
    let mut problems = Vec::new();
    let mut checked = 0;
    for rec in records6().iter().filter(|r| r["category"] == "wellformed") {
        let bytes = bytes_of(rec);
        let (src, dst) = addrs(rec);
        let name = id(rec);
        let msg = match Message::parse(&bytes[..], src, dst) {
            Ok(m) => m,
            Err(e) => {
                problems.push(format!("{name}: parse failed: {e}"));
                continue;
            }
        };
        let mut out = vec![0xA5u8; bytes.len() + 3];
        match msg.to_repr().emit(src, dst, &mut out) {
            Ok(n) if out[..n] == bytes[..] => {}
            Ok(n) => problems.push(format!(
                "{name}: re-emit differs: {} vs {}",
                json::hex(&out[..n]),
                json::hex(&bytes)
            )),
            Err(e) => problems.push(format!("{name}: re-emit failed: {e}")),
        }
        let ours = json6::message6_json(&bytes, src, dst);
        let mut p = Vec::new();
        compare_record(rec, &ours, &mut p);
        problems.extend(p.into_iter().map(|m| format!("{name}: {m}")));
        checked += 1;
    }
    assert_eq!(checked, 821, "well-formed records in both files");
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// What we chose where the oracle's choice differs, with the reason.
fn expected_difference(rec: &Value, bytes: &[u8]) -> Option<&'static str> {
    let note = rec["note"].as_str().unwrap_or("");
    if rec["malformation"].as_str()? != "bad_rfc4884" {
        return None;
    }
    let words = rec["fields"]["length_field"].as_u64()? as usize;
    // RFC 4884 section 5 (compatibility with older routers): with a length field that runs
    // past the message, a version-2 structure with a valid checksum at byte 128 of the quote
    // (checked here by RFC 1071) is an extension. The oracle reads the length field alone and
    // reports none there.
    let at_128 = bytes
        .get(8 + 128..)
        .filter(|s| s.len() >= 4 && s[0] >> 4 == 2);
    if 8 * words > bytes.len() - 8 && at_128.is_some_and(|s| reference_sum(s) == 0xFFFF) {
        return Some("byte-128 compatibility");
    }
    // A length field below 128 bytes is not RFC 4884 (section 4.2: at least 128): ours finds
    // no extension at it; the oracle decodes one anyway.
    if note.contains("6 words") || note.contains("(< 128") {
        return Some("length below 128 bytes");
    }
    None
}

#[test]
fn malformed_records_get_the_chosen_outcome() {
    let recs = records6();
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for rec in recs.iter().filter(|r| r["category"] != "wellformed") {
        let bytes = bytes_of(rec);
        let (src, dst) = addrs(rec);
        let name = id(rec);
        let class = rec["malformation"]
            .as_str()
            .unwrap_or("incomplete_fragment");
        *seen.entry(class.to_string()).or_default() += 1;
        let ours = json6::message6_json(&bytes, src, dst);
        let mut p = Vec::new();
        if let Some(why) = expected_difference(rec, &bytes) {
            // Everything but the extension (and the quote it bounds) still agrees.
            for key in [
                "type",
                "code",
                "checksum",
                "checksum_valid",
                "fields",
                "payload_offset",
                "payload_hex",
            ] {
                compare(key, &ours[key], &rec[key], &|_| false, &mut p);
            }
            check_rfc4884_choice(rec, &bytes, why, &mut p);
        } else {
            compare_record(rec, &ours, &mut p);
        }
        check_checksum_class(class, &bytes, src, dst, &mut p);
        problems.extend(p.into_iter().map(|m| format!("{name} ({class}): {m}")));
    }
    assert_eq!(seen["bad_checksum"], 95, "{seen:?}");
    assert_eq!(seen["checksum_no_pseudo_header"], 53);
    assert_eq!(seen["checksum_wrong_pseudo_header"], 51);
    assert_eq!(seen["bad_rfc4884"], 18);
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// The checksum classes: a verifying parse refuses exactly these, with the value the message
/// needs (computed here by RFC 1071 over the pseudo-header written from RFC 8200 section 8.1).
fn check_checksum_class(
    class: &str,
    bytes: &[u8],
    src: Ipv6Addr,
    dst: Ipv6Addr,
    p: &mut Vec<String>,
) {
    if bytes.len() < 4 {
        return;
    }
    let needed = reference_checksum6(src, dst, bytes);
    let parsed = Message::parse(bytes, src, dst);
    match class {
        "bad_checksum" | "checksum_no_pseudo_header" | "checksum_wrong_pseudo_header" => {
            let found = u16::from_be_bytes([bytes[2], bytes[3]]);
            // A message that reads (cuts are refused for that first) is refused for its checksum.
            let reads = Message::parse_unverified(bytes).is_ok();
            if reads
                && parsed.as_ref().err()
                    != Some(&ParseError::BadChecksum {
                        found,
                        expected: needed,
                    })
            {
                p.push(format!(
                    "verifying parse: {:?}, want BadChecksum {found:#06x} -> {needed:#06x}",
                    parsed.err()
                ));
            }
            if class == "checksum_no_pseudo_header" && reference_sum(bytes) != 0xFFFF {
                p.push("not an ICMPv4-style checksum after all".into());
            }
        }
        "checksum_negative_zero" => {
            // 0xFFFF in the field verifies (the sum rule); the encoder writes 0x0000.
            let msg = parsed.unwrap();
            let mut out = vec![0u8; bytes.len()];
            msg.to_repr().emit(src, dst, &mut out).unwrap();
            if out[2..4] != [0, 0] || bytes[2..4] != [0xFF, 0xFF] {
                p.push(format!(
                    "negative zero: field {:02x?}, emitted {:02x?}",
                    &bytes[2..4],
                    &out[2..4]
                ));
            }
        }
        _ => {}
    }
}

/// The records where our RFC 4884 reading differs from the oracle's, by choice.
fn check_rfc4884_choice(rec: &Value, bytes: &[u8], why: &str, p: &mut Vec<String>) {
    let msg = Message::parse_unverified(bytes).unwrap();
    let quote = msg.quote().unwrap();
    let ext = msg.extensions();
    let len_field = rec["fields"]["length_field"].as_u64().unwrap() as usize;
    match why {
        "byte-128 compatibility" => {
            // The length field runs past the message; a valid structure sits at byte 128.
            if quote.bytes().len() != 128 || !ext.is_some_and(|e| e.checksum_valid()) {
                p.push(format!(
                    "want a 128-byte quote and the structure after it, got {} and {ext:?}",
                    quote.bytes().len()
                ));
            }
            if rec["extension"] != Value::Null {
                p.push("the oracle found one after all".into());
            }
        }
        _ => {
            if quote.bytes().len() != 8 * len_field || ext.is_some() {
                p.push(format!(
                    "want the {}-byte datagram and no extension, got {} and {ext:?}",
                    8 * len_field,
                    quote.bytes().len()
                ));
            }
        }
    }
}

#[test]
fn quote_errors_name_what_is_missing() {
    // bad_inner and inner_chain_cut, from the records: the message parses, its quote gives the
    // typed error of what is missing.
    let mut checked = 0;
    for rec in records6().iter().filter(|r| {
        matches!(
            r["malformation"].as_str(),
            Some("bad_inner" | "inner_chain_cut")
        )
    }) {
        let bytes = bytes_of(rec);
        let msg = Message::parse_unverified(&bytes[..]).unwrap();
        let quote = msg.quote().unwrap().bytes();
        let got = Quote::new(quote)
            .ipv6()
            .and_then(|ip| ip.upper_layer().map(|_| ()));
        let want = if quote.len() < 40 {
            Err(ParseError::Truncated {
                part: Part::QuotedIpv6Header,
                required: 40,
                actual: quote.len(),
            })
        } else if quote[0] >> 4 != 6 {
            Err(ParseError::QuotedVersion {
                expected: 6,
                version: quote[0] >> 4,
            })
        } else {
            let cut = rec["inner"]["extension_headers"]
                .as_array()
                .unwrap()
                .last()
                .unwrap();
            assert_eq!(cut["complete"], false, "{}", id(rec));
            Err(ParseError::Truncated {
                part: Part::QuotedExtensionHeader,
                required: cut["bytes"].as_u64().map_or(2, |b| b as usize),
                actual: cut["bytes_present"].as_u64().unwrap() as usize,
            })
        };
        assert_eq!(got, want, "{}", id(rec));
        checked += 1;
    }
    assert_eq!(checked, 44);
}

/// The oracle's name for the rule a message breaks (its `problems` vocabulary).
fn rule_name(ty: u8, rule: LinkRule) -> String {
    let per_type = |name: &str| {
        let prefix = match ty {
            133 => "rs",
            134 => "ra",
            135 => "ns",
            136 => "na",
            _ => "redirect",
        };
        format!("{prefix}_{name}")
    };
    let mld = matches!(ty, 130..=132 | 143);
    match rule {
        LinkRule::HopLimit { .. } if mld => "mld_hop_limit_not_1".into(),
        LinkRule::HopLimit { .. } => "nd_hop_limit_not_255".into(),
        LinkRule::QueryLength { .. } => "mld_query_length_25_to_27".into(),
        LinkRule::Malformed(ParseError::Truncated {
            part: Part::MulticastSources,
            ..
        }) => "mldv2_query_sources_past_end".into(),
        LinkRule::Malformed(ParseError::Truncated {
            part: Part::MulticastRecord,
            ..
        }) => "mldv2_record_past_end".into(),
        LinkRule::SourceNotLinkLocal if ty == 130 => "mld_query_source_not_link_local".into(),
        LinkRule::SourceNotLinkLocal if mld => "mld_source_not_link_local".into(),
        LinkRule::Code { .. } => "nd_code_not_zero".into(),
        LinkRule::Malformed(ParseError::OptionLengthZero { .. }) => "nd_option_length_zero".into(),
        LinkRule::Malformed(ParseError::OptionTruncated { required: 2, .. }) => {
            "nd_option_header_cut".into()
        }
        LinkRule::Malformed(ParseError::OptionTruncated { .. }) => "nd_option_past_end".into(),
        LinkRule::SourceNotLinkLocal => per_type("source_not_link_local"),
        LinkRule::UnspecifiedSourceWithLinkLayerAddress => per_type("unspecified_source_with_slla"),
        LinkRule::UnspecifiedSourceNotToSolicitedNode => {
            per_type("unspecified_source_not_to_solicited_node")
        }
        LinkRule::TargetMulticast => per_type("target_multicast"),
        LinkRule::SolicitedToMulticast => per_type("solicited_to_multicast"),
        LinkRule::DestinationMulticast => per_type("destination_multicast"),
        LinkRule::TargetNotLinkLocalNorDestination => {
            per_type("target_not_link_local_nor_destination")
        }
        other => format!("{other:?}"),
    }
}

/// RFC 4861's and RFC 3810's discard rules against the oracle's `problems`: a Neighbor
/// Discovery or MLD message the oracle finds no such problem in passes `check_rules` (hop
/// limit 255 and 1, as the scapy corpus and the kernel sent them), and one it does fails with
/// a rule the oracle names. An option
/// whose length breaks only its own RFC is not a reason to discard the message (RFC 4861
/// section 4.6.2: such an option is ignored), so those problems are not rules here.
#[test]
fn link_rules_agree_with_the_oracle_problems() {
    let mut problems = Vec::new();
    let (mut passed, mut refused) = (0, 0);
    let mut named = std::collections::BTreeSet::new();
    for rec in records6() {
        let Some(ty) = rec["type"].as_u64() else {
            continue;
        };
        if !matches!(ty, 130..=137 | 141..=143) {
            continue;
        }
        let bytes = bytes_of(&rec);
        let Ok(msg) = Message::parse_unverified(&bytes[..]) else {
            continue;
        };
        let (src, dst) = addrs(&rec);
        let theirs: Vec<&str> = rec["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .filter(|p| !p.starts_with("nd_option_bad_length"))
            .collect();
        let hop_limit = if matches!(ty, 130..=132 | 143) {
            1
        } else {
            255
        };
        // The oracle takes a host's view of MLD reports from `::` (RFC 3590 section 4: allowed);
        // a router discards them (RFC 3810 section 5.2.13), which check_rules names.
        let verdict = match msg.check_rules(hop_limit, src, dst) {
            Err(LinkRule::UnspecifiedSource) if src.is_unspecified() => Ok(()),
            v => v,
        };
        match verdict {
            Ok(()) if theirs.is_empty() => passed += 1,
            Ok(()) => problems.push(format!("{}: passes, oracle {theirs:?}", id(&rec))),
            Err(rule) => {
                let name = rule_name(ty as u8, rule);
                if theirs.contains(&name.as_str()) {
                    refused += 1;
                    named.insert(name);
                } else {
                    problems.push(format!("{}: {name} ({rule}), oracle {theirs:?}", id(&rec)));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
    assert_eq!((passed, refused), (351, 908), "records checked");
    // Every rule the corpus has an example of was found on it.
    assert_eq!(named.len(), 18, "{named:?}");
}

/// The router renumbering records whose `problems` name a cut or badly sized prefix control
/// operation (RFC 2894 section 3.2): ours ends the operations with the typed error, exactly
/// there, and names no such error anywhere else.
#[test]
fn renumbering_cuts_are_named() {
    use icmpwire::v6::RouterRenumbering;
    let (mut cut, mut bad) = (0, 0);
    for rec in records6().iter().filter(|r| r["type"] == 138) {
        let bytes = bytes_of(rec);
        let Ok(rr) = RouterRenumbering::parse_unverified(&bytes[..]) else {
            assert_eq!(rec["scapy_ok"], false, "{}", id(rec));
            continue;
        };
        let problems = rec["problems"].as_array().unwrap();
        let named = |p: &str| problems.iter().any(|x| x == p);
        let ops: Vec<_> = rr.prefix_control_operations().collect();
        let last_cut = matches!(
            ops.last(),
            Some(Err(ParseError::Truncated {
                part: Part::PrefixControl,
                ..
            }))
        );
        assert_eq!(last_cut, named("rr_pco_cut"), "{}: {ops:?}", id(rec));
        let refused = ops.iter().flatten().any(|op| {
            matches!(
                op.use_prefixes(),
                Err(ParseError::PrefixControlLength { .. })
            )
        });
        assert_eq!(refused, named("rr_pco_bad_length"), "{}", id(rec));
        cut += usize::from(last_cut);
        bad += usize::from(refused);
    }
    assert_eq!((cut, bad), (46, 1));
}

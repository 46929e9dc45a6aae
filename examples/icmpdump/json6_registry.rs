//! The JSON fields of the ICMPv6 registry's messages whose bodies have shapes of their own
//! (router renumbering, node information, RPL), with the key names of the team's ICMPv6 oracle
//! (`shared/oracle/v6/README.md`, "Record schema"; RPL's keys are RFC 6550's words, see
//! `tests/data/README.md`). Used by `json6.rs`.

use icmpwire::v6::{
    Message, NodeInformationQuery, NodeInformationReply, PrefixControl, RouterRenumbering, Rpl,
    RplBase,
};
use serde_json::{Map, Value, json};

use super::json::hex;

/// Adds the fields of `msg` to `fields` when it is one of the types this file knows; says
/// whether it was.
pub(crate) fn registry_fields(msg: &Message<&[u8]>, fields: &mut Map<String, Value>) -> bool {
    match msg {
        Message::RouterRenumbering(m) => renumbering(m, fields),
        Message::NodeInformationQuery(m) => query(m, fields),
        Message::NodeInformationReply(m) => reply(m, fields),
        Message::Rpl(m) => rpl(m, fields),
        _ => return false,
    }
    true
}

/// Where an RPL message's payload (its options) starts, and the payload.
pub(crate) fn rpl_payload<'a>(m: &'a Rpl<&[u8]>) -> (usize, &'a [u8]) {
    (m.options_offset(), m.options())
}

fn put(fields: &mut Map<String, Value>, k: &str, v: Value) {
    fields.insert(k.to_string(), v);
}

fn renumbering(m: &RouterRenumbering<&[u8]>, f: &mut Map<String, Value>) {
    put(f, "sequence_number", json!(m.sequence_number()));
    put(f, "segment_number", json!(m.segment_number()));
    put(f, "flags", json!(m.flags()));
    put(f, "test_flag", json!(u8::from(m.test())));
    put(f, "result_flag", json!(u8::from(m.result())));
    put(
        f,
        "all_interfaces_flag",
        json!(u8::from(m.all_interfaces())),
    );
    put(f, "site_specific_flag", json!(u8::from(m.site_specific())));
    put(
        f,
        "processed_previously_flag",
        json!(u8::from(m.processed_previously())),
    );
    put(f, "max_delay", json!(m.max_delay()));
    put(f, "reserved", json!(m.reserved()));
    match m.code_u8() {
        0 => {
            let ops: Vec<Value> = m
                .prefix_control_operations()
                .map(|op| match op {
                    Ok(op) => operation(&op),
                    Err(e) => json!({"error": e.to_string()}),
                })
                .collect();
            put(f, "prefix_control_operations", json!(ops));
        }
        1 => {
            let results: Vec<Value> = m
                .match_results()
                .map(|r| match r {
                    Ok(r) => json!({
                        "reserved": r.reserved(),
                        "b_flag": u8::from(r.b_flag()),
                        "f_flag": u8::from(r.f_flag()),
                        "ordinal": r.ordinal(),
                        "matched_length": r.matched_length(),
                        "interface_index": r.interface_index(),
                        "matched_prefix": r.matched_prefix().to_string(),
                    }),
                    Err(e) => json!({"error": e.to_string()}),
                })
                .collect();
            put(f, "match_results", json!(results));
        }
        _ => {}
    }
}

/// One prefix control operation; its use-prefix parts, or the error that refuses them.
fn operation(op: &PrefixControl<'_>) -> Value {
    let mut o = json!({
        "opcode": op.opcode(),
        "oplength": op.oplength(),
        "ordinal": op.ordinal(),
        "match_length": op.match_length(),
        "min_length": op.min_length(),
        "max_length": op.max_length(),
        "reserved": op.reserved(),
        "match_prefix": op.match_prefix().to_string(),
    });
    let uses: Vec<Value> = match op.use_prefixes() {
        Ok(list) => list
            .map(|u| {
                json!({
                    "use_length": u.use_length(),
                    "keep_length": u.keep_length(),
                    "flag_mask": u.flag_mask(),
                    "ra_flags": u.ra_flags(),
                    "valid_lifetime": u.valid_lifetime(),
                    "preferred_lifetime": u.preferred_lifetime(),
                    "v_flag": u8::from(u.v_flag()),
                    "p_flag": u8::from(u.p_flag()),
                    "reserved": u.reserved(),
                    "use_prefix": u.use_prefix().to_string(),
                })
            })
            .collect(),
        Err(e) => {
            o["error"] = json!(e.to_string());
            Vec::new()
        }
    };
    o["use_prefixes"] = json!(uses);
    o
}

/// Qtype, the flags split as the oracle has them (10 unused bits, 6 flag bits; RFC 4620
/// section 4 draws the flags per Qtype), nonce and data.
fn common<K>(
    m: &icmpwire::view::View<icmpwire::v6::V6, &[u8], icmpwire::v6::NodeInformationFields<K>>,
    f: &mut Map<String, Value>,
) where
    icmpwire::v6::NodeInformationFields<K>: icmpwire::view::Fields<icmpwire::v6::V6>,
{
    put(f, "qtype", json!(m.qtype()));
    put(f, "unused", json!(m.flags() >> 6));
    put(f, "flags", json!(m.flags() & 0x3f));
    put(f, "nonce_hex", json!(hex(&m.nonce())));
    put(f, "data_hex", json!(hex(m.payload())));
}

fn query(m: &NodeInformationQuery<&[u8]>, f: &mut Map<String, Value>) {
    common(m, f);
    if let Some(a) = m.subject_ipv6() {
        put(f, "subject_ipv6", json!(a.to_string()));
    }
    if let Some(a) = m.subject_ipv4() {
        put(f, "subject_ipv4", json!(a.to_string()));
    }
}

fn reply(m: &NodeInformationReply<&[u8]>, f: &mut Map<String, Value>) {
    common(m, f);
    if let Some(ttl) = m.node_name_ttl() {
        put(f, "node_ttl", json!(ttl));
        put(
            f,
            "node_names_hex",
            json!(hex(m.payload().get(4..).unwrap_or_default())),
        );
    }
}

/// The message's name and its base object with RFC 6550's field names (none when the base
/// object is cut short).
fn rpl(m: &Rpl<&[u8]>, f: &mut Map<String, Value>) {
    let base = match m.base() {
        Ok(Some(b)) => b,
        Ok(None) | Err(_) => {
            put(f, "rpl_message", Value::Null);
            return;
        }
    };
    let (name, fields) = match base {
        RplBase::Dis { flags, reserved } => ("DIS", json!({"flags": flags, "reserved": reserved})),
        RplBase::Dio(d) => (
            "DIO",
            json!({
                "instance_id": d.instance_id,
                "version": d.version,
                "rank": d.rank,
                "grounded": u8::from(d.grounded),
                "zero": u8::from(d.zero),
                "mop": d.mop,
                "preference": d.preference,
                "dtsn": d.dtsn,
                "flags": d.flags,
                "reserved": d.reserved,
                "dodag_id": d.dodag_id.to_string(),
            }),
        ),
        RplBase::Dao(d) => {
            let mut o = json!({
                "instance_id": d.instance_id,
                "k_flag": u8::from(d.expects_ack),
                "d_flag": u8::from(d.dodag_id.is_some()),
                "flags": d.flags,
                "reserved": d.reserved,
                "sequence": d.sequence,
            });
            if let Some(id) = d.dodag_id {
                o["dodag_id"] = json!(id.to_string());
            }
            ("DAO", o)
        }
        RplBase::DaoAck(d) => {
            let mut o = json!({
                "instance_id": d.instance_id,
                "d_flag": u8::from(d.dodag_id.is_some()),
                "reserved": d.reserved,
                "sequence": d.sequence,
                "status": d.status,
            });
            if let Some(id) = d.dodag_id {
                o["dodag_id"] = json!(id.to_string());
            }
            ("DAO-ACK", o)
        }
        _ => ("unknown", Value::Null),
    };
    put(f, "rpl_message", json!(name));
    put(f, "rpl", fields);
}

//! The wrappers of the registry's shaped messages: router renumbering (its operations, use-prefix
//! parts and match results walked), node information, FMIPv6, RPL (every base object), their
//! setters and builders.

use std::net::Ipv6Addr;

use icmpwire::v6::*;
use no_panic::no_panic;

use super::mix;

/// Every accessor of router renumbering, node information, FMIPv6 and RPL views.
#[no_panic]
pub(crate) fn registry_read(bytes: &[u8]) -> u64 {
    let mut acc = 0u64;
    match Message::parse_unverified(bytes) {
        Ok(Message::RouterRenumbering(m)) => {
            acc = mix(acc, u64::from(m.sequence_number()) ^ u64::from(m.segment_number()) ^ u64::from(m.flags()));
            acc = mix(acc, u64::from(m.test()) ^ u64::from(m.result()) ^ u64::from(m.all_interfaces()));
            acc = mix(acc, u64::from(m.site_specific()) ^ u64::from(m.processed_previously()));
            acc = mix(acc, u64::from(m.max_delay()) ^ u64::from(m.reserved()) ^ m.to_repr().body.len() as u64);
            for op in m.prefix_control_operations() {
                let Ok(op) = op else {
                    acc = mix(acc, 29);
                    break;
                };
                acc = mix(acc, u64::from(op.opcode()) ^ u64::from(op.oplength()) ^ u64::from(op.ordinal()));
                acc = mix(acc, u64::from(op.match_length()) ^ u64::from(op.min_length()) ^ u64::from(op.max_length()));
                acc = mix(acc, u64::from(op.reserved()) ^ u128::from(op.match_prefix()) as u64 ^ op.offset() as u64);
                if let Ok(uses) = op.use_prefixes() {
                    for u in uses {
                        acc = mix(acc, u64::from(u.use_length()) ^ u64::from(u.keep_length()) ^ u64::from(u.flag_mask()));
                        acc = mix(acc, u64::from(u.ra_flags()) ^ u64::from(u.valid_lifetime()) ^ u64::from(u.preferred_lifetime()));
                        acc = mix(acc, u64::from(u.v_flag()) ^ u64::from(u.p_flag()) ^ u64::from(u.reserved()));
                        acc = mix(acc, u128::from(u.use_prefix()) as u64);
                    }
                }
            }
            for r in m.match_results() {
                let Ok(r) = r else {
                    acc = mix(acc, 31);
                    break;
                };
                acc = mix(acc, u64::from(r.reserved()) ^ u64::from(r.b_flag()) ^ u64::from(r.f_flag()));
                acc = mix(acc, u64::from(r.ordinal()) ^ u64::from(r.matched_length()) ^ u64::from(r.interface_index()));
                acc = mix(acc, u128::from(r.matched_prefix()) as u64);
            }
        }
        Ok(Message::NodeInformationQuery(m)) => {
            acc = mix(acc, u64::from(m.qtype()) ^ u64::from(m.flags()) ^ u64::from_be_bytes(m.nonce()));
            acc = mix(acc, m.subject_ipv6().map_or(1, |a| u128::from(a) as u64));
            acc = mix(acc, m.subject_ipv4().map_or(2, |a| u64::from(u32::from(a))));
            if let Some(Ok(names)) = m.subject_name() {
                acc = mix(acc, names.iter().count() as u64);
            }
            acc = mix(acc, m.to_repr().data.len() as u64);
        }
        Ok(Message::NodeInformationReply(m)) => {
            acc = mix(acc, u64::from(m.qtype()) ^ u64::from(m.flags()) ^ u64::from_be_bytes(m.nonce()));
            acc = mix(acc, m.node_name_ttl().map_or(3, u64::from));
            if let Some(Ok(names)) = m.node_names() {
                acc = mix(acc, names.iter().count() as u64);
            }
            if let Some(list) = m.node_addresses() {
                for (ttl, a) in list {
                    acc = mix(acc, u64::from(ttl) ^ u128::from(a) as u64);
                }
            }
            if let Some(list) = m.ipv4_addresses() {
                for (ttl, a) in list {
                    acc = mix(acc, u64::from(ttl) ^ u64::from(u32::from(a)));
                }
            }
            acc = mix(acc, m.to_repr().data.len() as u64);
        }
        Ok(Message::Fmip(m)) => {
            acc = mix(acc, u64::from(m.subtype()) ^ u64::from(m.reserved()) ^ u64::from(m.fmip_identifier()));
            acc = mix(acc, m.options().count() as u64 ^ m.to_repr().options.len() as u64);
        }
        Ok(Message::Rpl(m)) => {
            if let Ok(Some(base)) = m.base() {
                acc = mix(acc, u64::from(base.code()) ^ base.len() as u64);
            }
            acc = mix(acc, m.options().len() as u64 ^ m.options_offset() as u64);
            acc = mix(acc, m.to_repr().base.map_or(0, |b| b.len() as u64));
        }
        _ => {}
    }
    acc
}

/// The setters of these views.
#[no_panic]
pub(crate) fn registry_set(buf: &mut [u8], v: u32) -> u64 {
    match Message::parse_unverified(&mut *buf) {
        Ok(Message::RouterRenumbering(mut m)) => {
            m.set_sequence_number(v);
            m.set_flags(v as u8);
        }
        Ok(Message::NodeInformationQuery(mut m)) => {
            m.set_qtype(v as u16);
            m.set_flags((v >> 16) as u16);
            m.set_nonce(u64::from(v).to_be_bytes());
        }
        Ok(Message::NodeInformationReply(mut m)) => {
            m.set_qtype(v as u16);
            m.set_flags((v >> 16) as u16);
            m.set_nonce(u64::from(v).to_be_bytes());
        }
        Ok(Message::Fmip(mut m)) => {
            m.set_subtype(v as u8);
            m.set_fmip_identifier(v as u16);
        }
        _ => return 0,
    }
    buf.first().map_or(0, |&b| u64::from(b))
}

/// The builders, each RPL base object among them.
#[no_panic]
pub(crate) fn registry_emit(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr, out: &mut [u8]) -> u64 {
    let n = bytes.len() as u8;
    let rr = Repr::RouterRenumbering(RouterRenumberingRepr { code: n, body: bytes, ..Default::default() });
    let mut acc = rr.emit(src, dst, out).map_or(1, |n| n as u64);
    let ni = NodeInformationRepr { code: n & 3, qtype: 3, data: bytes, ..Default::default() };
    acc = mix(acc, Repr::NodeInformationQuery(ni).emit(src, dst, out).map_or(2, |n| n as u64));
    acc = mix(acc, Repr::NodeInformationReply(ni).emit(src, dst, out).map_or(3, |n| n as u64));
    let fmip = Repr::Fmip(FmipRepr { subtype: n, options: bytes, ..Default::default() });
    acc = mix(acc, fmip.emit(src, dst, out).map_or(4, |n| n as u64));
    let id = (n & 1 == 1).then_some(src);
    let bases = [
        RplBase::Dis { flags: n, reserved: 0 },
        RplBase::Dio(RplDio { mop: n, preference: n >> 3, dodag_id: dst, ..Default::default() }),
        RplBase::Dao(RplDao { flags: n, dodag_id: id, ..Default::default() }),
        RplBase::DaoAck(RplDaoAck { reserved: n, dodag_id: id, ..Default::default() }),
    ];
    for base in bases {
        let rpl = Repr::Rpl(RplRepr { code: base.code() ^ (n & 1), base: Some(base), options: bytes });
        acc = mix(acc, rpl.emit(src, dst, out).map_or(5, |n| n as u64));
    }
    acc
}

//! The Neighbor Discovery and MLD wrappers: every accessor of their views, the option walk and
//! every option's value (address lists and domain names iterated), the MLDv2 sources and
//! records, the link rules, the setters, and emit with a list of every option value.

use std::net::Ipv6Addr;

use icmpwire::v6::*;
use no_panic::no_panic;

use super::mix;

/// Every option of a walk, its value, and what the value carries.
#[no_panic]
fn options_all(options: NdOptions<'_>) -> u64 {
    let mut acc = 0u64;
    for o in options {
        let Ok(o) = o else {
            acc = mix(acc, 19);
            break;
        };
        acc = mix(acc, u64::from(o.kind().0) ^ u64::from(o.length()) ^ o.len() as u64 ^ o.offset() as u64);
        acc = mix(acc, o.data().len() as u64);
        acc = mix(acc, match o.value() {
            Ok(v) => value_all(&v),
            Err(_) => 23,
        });
    }
    acc
}

/// What an option value carries.
#[no_panic]
fn value_all(v: &NdOptionRepr<'_>) -> u64 {
    let mut acc = u64::from(v.kind().0) ^ v.len() as u64;
    match *v {
        NdOptionRepr::SourceAddressList { addresses, .. }
        | NdOptionRepr::TargetAddressList { addresses, .. }
        | NdOptionRepr::Rdnss { addresses, .. } => {
            for a in addresses.iter() {
                acc = mix(acc, u128::from(a) as u64);
            }
            acc = mix(acc, addresses.len() as u64 ^ u64::from(addresses.is_empty()));
        }
        NdOptionRepr::Dnssl { domains, .. } => {
            for name in domains.iter() {
                acc = mix(acc, name.as_bytes().len() as u64);
                for label in name.labels() {
                    acc = mix(acc, label.len() as u64);
                }
            }
        }
        NdOptionRepr::Pref64(p) => {
            acc = mix(acc, u64::from(p.lifetime_seconds()) ^ u64::from(p.prefix_length().unwrap_or(0)));
        }
        NdOptionRepr::PrefixInformation(p) => acc = mix(acc, u64::from(p.valid_lifetime) ^ u64::from(p.prefix_length)),
        NdOptionRepr::RouteInformation(r) => acc = mix(acc, u64::from(r.lifetime) ^ u64::from(r.preference)),
        _ => {}
    }
    acc
}

/// Every accessor of the Neighbor Discovery and MLD views, and the link rules.
#[no_panic]
pub(crate) fn nd_read(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr) -> u64 {
    let Ok(msg) = Message::parse_unverified(bytes) else {
        return 0;
    };
    let mut acc = match msg.check_rules(255, src, dst) {
        Ok(()) => 1,
        Err(_) => 2,
    };
    acc = mix(acc, u64::from(msg.check_rules(1, src, dst).is_ok()));
    match &msg {
        Message::RouterSolicitation(m) => acc = mix(acc, u64::from(m.reserved()) ^ options_all(m.options())),
        Message::InverseSolicitation(m) | Message::InverseAdvertisement(m) => {
            acc = mix(acc, u64::from(m.reserved()) ^ options_all(m.options()));
        }
        Message::RouterAdvertisement(m) => {
            acc = mix(acc, u64::from(m.hop_limit()) ^ u64::from(m.flags()) ^ u64::from(m.managed()) ^ u64::from(m.other()));
            acc = mix(acc, u64::from(m.home_agent()) ^ u64::from(m.preference()) ^ u64::from(m.proxy()) ^ u64::from(m.reserved()));
            acc = mix(acc, u64::from(m.router_lifetime()) ^ u64::from(m.reachable_time()) ^ u64::from(m.retrans_timer()));
            acc = mix(acc, options_all(m.options()));
        }
        Message::NeighborSolicitation(m) => {
            acc = mix(acc, u128::from(m.target()) as u64 ^ u64::from(m.reserved()) ^ options_all(m.options()));
        }
        Message::NeighborAdvertisement(m) => {
            acc = mix(acc, u64::from(m.router()) ^ u64::from(m.solicited()) ^ u64::from(m.override_flag()));
            acc = mix(acc, u128::from(m.target()) as u64 ^ options_all(m.options()));
        }
        Message::Redirect(m) => {
            acc = mix(acc, u128::from(m.destination()) as u64 ^ u128::from(m.target()) as u64);
            acc = mix(acc, m.redirected_packet().map_or(0, |p| p.len() as u64) ^ options_all(m.options()));
        }
        Message::MulticastListenerQuery(m) => {
            acc = mix(acc, u64::from(m.version().unwrap_or(0)) ^ u64::from(m.max_response_code()) ^ u64::from(m.max_response_delay()));
            acc = mix(acc, u64::from(m.reserved()) ^ u128::from(m.multicast_address()) as u64);
            acc = mix(acc, u64::from(m.resv_bits()) ^ u64::from(m.suppress()) ^ u64::from(m.qrv()) ^ u64::from(m.qqic()));
            acc = mix(acc, u64::from(m.qqi()) ^ u64::from(m.number_of_sources()) ^ m.content_len() as u64);
            acc = mix(acc, u64::from(m.check_sources().is_ok()));
            for s in m.sources().iter() {
                acc = mix(acc, u128::from(s) as u64);
            }
        }
        Message::MulticastListenerReport(m) | Message::MulticastListenerDone(m) => {
            acc = mix(acc, u64::from(m.max_response_code()) ^ u64::from(m.reserved()) ^ u128::from(m.multicast_address()) as u64);
        }
        Message::MulticastListenerReportV2(m) => {
            acc = mix(acc, u64::from(m.reserved()) ^ u64::from(m.number_of_records()) ^ m.content_len() as u64);
            for r in m.records() {
                let Ok(r) = r else {
                    acc = mix(acc, 29);
                    break;
                };
                acc = mix(acc, u64::from(r.record_type()) ^ u64::from(r.aux_data_len()) ^ u64::from(r.number_of_sources()));
                acc = mix(acc, u128::from(r.multicast_address()) as u64 ^ r.aux_data().len() as u64 ^ r.len() as u64);
                for s in r.sources().iter() {
                    acc = mix(acc, u128::from(s) as u64);
                }
            }
        }
        Message::HomeAgentDiscoveryRequest(m) | Message::HomeAgentDiscoveryReply(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.reserved()) ^ u64::from(m.mobile_router()));
            acc = mix(acc, m.home_agent_addresses().len() as u64 ^ m.to_repr().body.len() as u64);
        }
        Message::MobilePrefixSolicitation(m) | Message::MobilePrefixAdvertisement(m) => {
            acc = mix(acc, u64::from(m.managed()) ^ u64::from(m.other()) ^ options_all(m.options()));
        }
        Message::CertificationPathSolicitation(m) => {
            acc = mix(acc, u64::from(m.component()) ^ options_all(m.options()) ^ u64::from(m.to_repr().identifier));
        }
        Message::CertificationPathAdvertisement(m) => {
            acc = mix(acc, u64::from(m.all_components()) ^ u64::from(m.component()) ^ u64::from(m.reserved()));
            acc = mix(acc, options_all(m.options()) ^ u64::from(m.to_repr().identifier));
        }
        Message::MulticastRouterAdvertisement(m) => {
            acc = mix(acc, u64::from(m.advertisement_interval()) ^ u64::from(m.query_interval()) ^ u64::from(m.robustness_variable()));
        }
        Message::DuplicateAddressRequest(m) | Message::DuplicateAddressConfirmation(m) => {
            acc = mix(acc, u64::from(m.status()) ^ u64::from(m.reserved()) ^ u64::from(m.registration_lifetime()));
            acc = mix(acc, u64::from(m.eui64()[0]) ^ u128::from(m.registered_address()) as u64 ^ u64::from(m.to_repr().status));
        }
        _ => {}
    }
    acc
}

/// Every setter of the Neighbor Discovery and MLD views.
#[no_panic]
pub(crate) fn nd_set(buf: &mut [u8], v: u32) -> u64 {
    let addr = Ipv6Addr::from(u128::from(v));
    match Message::parse_unverified(&mut *buf) {
        Ok(Message::RouterSolicitation(mut m)) => m.set_reserved(v),
        Ok(Message::RouterAdvertisement(mut m)) => {
            m.set_hop_limit(v as u8);
            m.set_flags((v >> 8) as u8);
            m.set_router_lifetime(v as u16);
            m.set_reachable_time(v);
            m.set_retrans_timer(!v);
        }
        Ok(Message::NeighborSolicitation(mut m)) => {
            m.set_reserved(v);
            m.set_target(addr);
        }
        Ok(Message::Redirect(mut m)) => {
            m.set_target(addr);
            m.set_destination(addr);
        }
        Ok(Message::MulticastListenerQuery(mut m)) => {
            m.set_max_response_code(v as u16);
            m.set_reserved((v >> 16) as u16);
            m.set_multicast_address(addr);
        }
        Ok(Message::MulticastListenerReportV2(mut m)) => m.set_reserved(v as u16),
        Ok(Message::MobilePrefixAdvertisement(mut m)) => m.set_reserved(v as u16),
        _ => return 0,
    }
    buf.first().map_or(0, |&b| u64::from(b))
}

/// Emit with a list of every option value, and the MLD builders.
#[no_panic]
pub(crate) fn nd_emit(bytes: &[u8], src: Ipv6Addr, dst: Ipv6Addr, out: &mut [u8]) -> u64 {
    let servers = [src, dst];
    let Ok(names) = DomainNames::new(bytes, 0).or_else(|_| DomainNames::new(b"\x01a\x00", 0)) else {
        return 0;
    };
    let pref64 = Pref64 { scaled_lifetime: bytes.len() as u16, plc: bytes.len() as u8, prefix: dst };
    let options = [
        NdOptionRepr::SourceLinkLayerAddress(bytes),
        NdOptionRepr::PrefixInformation(PrefixInformation { prefix: src, ..PrefixInformation::default() }),
        NdOptionRepr::RedirectedHeader { reserved: [0; 6], packet: bytes },
        NdOptionRepr::Mtu { reserved: 0, mtu: 1500 },
        NdOptionRepr::Rdnss { reserved: 0, lifetime: 600, addresses: Addresses::from_slice(&servers) },
        NdOptionRepr::Dnssl { reserved: 0, lifetime: 600, domains: names },
        NdOptionRepr::RouteInformation(RouteInformation { prefix_length: bytes.len() as u8, ..RouteInformation::default() }),
        NdOptionRepr::Pref64(pref64),
        NdOptionRepr::CaptivePortal(bytes),
    ];
    let list = NdOptionsRepr::List(&options);
    let ra = Repr::RouterAdvertisement(RouterAdvertisementRepr { options: list, ..RouterAdvertisementRepr::default() });
    let mut acc = ra.emit(src, dst, out).map_or(3, |n| n as u64) ^ list.len() as u64;
    let na = Repr::NeighborAdvertisement(NeighborAdvertisementRepr { target: src, options: list, ..Default::default() });
    acc = mix(acc, na.emit(src, dst, out).map_or(4, |n| n as u64));
    let q = Repr::MulticastListenerQuery(MldRepr { body: MldQueryBody::Bytes(bytes), ..MldRepr::default() });
    acc = mix(acc, q.emit(src, dst, out).map_or(5, |n| n as u64));
    let n16 = bytes.len() as u16;
    let r = Repr::MulticastListenerReportV2(MldReportRepr { records: MldRecordsRepr::Bytes { count: n16, bytes }, ..MldReportRepr::default() });
    acc = mix(acc, r.emit(src, dst, out).map_or(11, |n| n as u64));
    // The typed MLDv2 builders and the floating-point encoders.
    let sources = Addresses::from_bytes(bytes);
    let v2 = MldQueryV2 { resv: n16 as u8, qrv: (n16 >> 8) as u8, qqic: qqic(u32::from(n16)), sources, ..MldQueryV2::default() };
    let q2 = Repr::MulticastListenerQuery(MldRepr { max_response_code: max_response_code(u32::from(n16) << 8), body: MldQueryBody::V2(v2), ..MldRepr::default() });
    acc = mix(acc, q2.emit(src, dst, out).map_or(12, |n| n as u64));
    let records = [
        MulticastRecordRepr { record_type: n16 as u8, multicast_address: dst, sources, aux_data: bytes },
        MulticastRecordRepr::default(),
    ];
    let r2 = Repr::MulticastListenerReportV2(MldReportRepr { records: MldRecordsRepr::List(&records), ..MldReportRepr::default() });
    acc = mix(acc, MldRecordsRepr::List(&records).len() as u64 ^ u64::from(MldRecordsRepr::List(&records).count()) ^ MldQueryBody::V2(v2).len() as u64);
    acc = mix(acc, r2.emit(src, dst, out).map_or(6, |n| n as u64));
    let cps = Repr::CertificationPathSolicitation(CertificationPathRepr { options: bytes, ..Default::default() });
    acc = mix(acc, cps.emit(src, dst, out).map_or(7, |n| n as u64));
    let dar = Repr::DuplicateAddressRequest(DuplicateAddressRepr { registered_address: src, ..Default::default() });
    acc = mix(acc, dar.emit(src, dst, out).map_or(8, |n| n as u64));
    let mra = Repr::MulticastRouterAdvertisement(MulticastRouterAdvertisementRepr { body: bytes, ..Default::default() });
    acc = mix(acc, mra.emit(src, dst, out).map_or(9, |n| n as u64));
    let haad = Repr::HomeAgentDiscoveryReply(MobileRepr { body: bytes, ..MobileRepr::default() });
    mix(acc, haad.emit(src, dst, out).map_or(10, |n| n as u64))
}

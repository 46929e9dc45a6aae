//! Every function marked `#[no_panic]` below fails to *link* if the optimiser cannot prove that
//! nothing in it (icmpwire's code inlined into it included) can panic: dtolnay's no-panic puts a
//! guard around the body whose destructor, run only while unwinding, calls a symbol that does
//! not exist. `cargo build --release` succeeding is the proof; `.ci/run` builds it and runs it
//! over the oracle messages.
//!
//! The wrappers cover the parse entry points (checked and unchecked, the enum and each view),
//! every accessor of every view, the quoted-datagram and extension decoders, the checksum, and
//! emit, for ICMPv4 here and ICMPv6 in `v6.rs`; every setter, every `Repr` variant's emit, the
//! RFC 4884 object writers and `Display` in `all.rs`.

mod all;
mod nd;
mod registry;
mod stack;
mod v6;

use std::hint::black_box;
use std::io::Read;

use icmpwire::checksum::{Checksum, internet_checksum, update_u16, verify};
use icmpwire::extension::{Extensions, ObjectData, locate};
use icmpwire::*;
use icmpwire::v4::*;
use no_panic::no_panic;

/// Folds what a view read into a number (so nothing is optimised away).
fn mix(acc: u64, v: u64) -> u64 {
    acc.rotate_left(5) ^ v
}

#[no_panic]
fn agent_extensions_all(it: AgentExtensions<'_>) -> u64 {
    let mut acc = it.remaining().len() as u64;
    for ext in it {
        acc = mix(acc, match ext {
            Ok(AgentExtension::MobilityAgent(a)) => {
                let flags = [a.registration_required(), a.busy(), a.home_agent(), a.foreign_agent(), a.minimal_encapsulation(), a.gre()];
                let more = [a.reverse_tunneling(), a.udp_tunneling(), a.revocation(), a.regional_registration()];
                let coa = a.care_of_addresses().fold(0, |x, c| x ^ u64::from(u32::from(c)));
                u64::from(a.sequence()) ^ u64::from(a.registration_lifetime()) ^ u64::from(a.flags()) ^ coa
                    ^ flags.iter().chain(&more).filter(|f| **f).count() as u64 ^ a.bytes().len() as u64
            }
            Ok(AgentExtension::PrefixLengths(p)) => p.len() as u64,
            Ok(other) => u64::from(other.kind()),
            Err(e) => u64::from(matches!(e, ParseError::Truncated { .. })),
        });
    }
    acc
}

#[no_panic]
fn quote_all(q: Quote<'_>) -> u64 {
    let mut acc = q.bytes().len() as u64;
    if let Ok(ip) = q.ipv4() {
        acc = mix(acc, u64::from(ip.version()) ^ u64::from(ip.ihl()) ^ u64::from(ip.tos()));
        acc = mix(acc, u64::from(ip.total_length()) ^ u64::from(ip.identification()) ^ u64::from(ip.flags()));
        acc = mix(acc, u64::from(ip.fragment_offset()) ^ u64::from(ip.ttl()) ^ u64::from(ip.protocol()));
        acc = mix(acc, u64::from(ip.header_checksum()) ^ u64::from(u32::from(ip.src())) ^ u64::from(u32::from(ip.dst())));
        acc = mix(acc, u64::from(ip.dont_fragment()) ^ u64::from(ip.more_fragments()));
        acc = mix(acc, ip.options().map_or(1, |o| o.len() as u64));
        acc = mix(acc, ip.options().map_or(9, |o| ipv4_options_all(Ipv4Options::new(o, 20))));
        acc = mix(acc, ip.transport().map_or(1, |t| t.len() as u64));
        acc = mix(acc, ip.ports().map_or(2, |(a, b)| u64::from(a) ^ u64::from(b)));
        acc = mix(acc, ip.udp().map_or(3, |u| u64::from(u.length.unwrap_or(0))));
        acc = mix(acc, ip.tcp().map_or(4, |t| u64::from(t.sequence.unwrap_or(0))));
        acc = mix(acc, ip.icmp().map_or(5, |i| u64::from(i.identifier.unwrap_or(0))));
    }
    acc
}

/// Every IPv4 option of a walk, its type's fields, and the walk's check.
#[no_panic]
fn ipv4_options_all(options: Ipv4Options<'_>) -> u64 {
    let mut acc = u64::from(options.clone().check().is_ok());
    for o in options {
        let Ok(o) = o else {
            acc = mix(acc, 29);
            break;
        };
        let t = o.kind();
        acc = mix(acc, u64::from(t.0) ^ u64::from(t.copied()) ^ u64::from(t.class()) ^ u64::from(t.number()));
        acc = mix(acc, o.offset() as u64 ^ o.len() as u64 ^ o.bytes().len() as u64 ^ o.data().len() as u64);
        if let Some(r) = o.route() {
            acc = mix(acc, u64::from(r.pointer()) ^ r.used() as u64);
            acc = r.addresses().fold(acc, |acc, a| mix(acc, u64::from(u32::from(a))));
        }
        if let Some(ts) = o.timestamp() {
            acc = mix(acc, u64::from(ts.pointer()) ^ u64::from(ts.overflow()) ^ u64::from(ts.flag()) ^ ts.used() as u64);
            acc = ts.entries().fold(acc, |acc, (a, t)| mix(acc, a.map_or(0, |a| u64::from(u32::from(a))) ^ u64::from(t)));
        }
        acc = mix(acc, o.router_alert().map_or(3, u64::from));
        acc = mix(acc, Ipv4Addresses::from_bytes(o.data()).len() as u64);
    }
    acc
}

#[no_panic]
fn extensions_all(ext: Extensions<'_>) -> u64 {
    let mut acc = u64::from(ext.version()) ^ u64::from(ext.reserved()) ^ u64::from(ext.checksum());
    acc = mix(acc, u64::from(ext.checksum_valid()));
    for obj in ext.objects() {
        let Ok(obj) = obj else {
            acc = mix(acc, 7);
            break;
        };
        acc = mix(acc, u64::from(obj.class_num()) ^ u64::from(obj.c_type()) ^ u64::from(obj.length()));
        acc = mix(
            acc,
            match obj.data() {
                ObjectData::Mpls(labels) => labels.fold(0, |a, l| a ^ u64::from(l.label)),
                ObjectData::InterfaceInformation(Ok(i)) => u64::from(i.if_index.unwrap_or(0) ^ i.mtu.unwrap_or(0)),
                ObjectData::InterfaceIdentification(Ok(_)) => 9,
                _ => 11,
            },
        );
    }
    acc
}

#[no_panic]
fn parse_and_read(bytes: &[u8]) -> u64 {
    let msg = match Message::parse(bytes) {
        Ok(m) => m,
        Err(_) => match Message::parse_unverified(bytes) {
            Ok(m) => m,
            Err(_) => return 1,
        },
    };
    let mut acc = u64::from(msg.message_type().0) ^ u64::from(msg.code_u8()) ^ u64::from(msg.checksum());
    acc = mix(acc, u64::from(msg.verify_checksum()) ^ u64::from(msg.computed_checksum()));
    acc = mix(acc, msg.payload().len() as u64 ^ msg.payload_offset() as u64);
    acc = mix(acc, msg.quote().map_or(0, quote_all) ^ msg.extensions().map_or(0, extensions_all));
    match &msg {
        Message::EchoReply(m) | Message::EchoRequest(m) | Message::InformationRequest(m) | Message::InformationReply(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ m.data().len() as u64);
        }
        Message::DestinationUnreachable(m) => {
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.next_hop_mtu()) ^ u64::from(m.length_field()) ^ u64::from(m.unused()));
            acc = mix(acc, quote_all(m.quote()) ^ m.original_datagram().len() as u64);
            acc = mix(acc, m.extensions().map_or(0, extensions_all));
        }
        Message::SourceQuench(m) => acc = mix(acc, u64::from(m.unused()) ^ quote_all(m.quote())),
        Message::Photuris(m) => {
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.reserved()) ^ u64::from(m.pointer()) ^ quote_all(m.quote()));
        }
        Message::Redirect(m) => acc = mix(acc, u64::from(u32::from(m.gateway())) ^ u64::from(m.code().0) ^ quote_all(m.quote())),
        Message::TimeExceeded(m) => {
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.length_field()) ^ u64::from(m.unused()));
            acc = mix(acc, quote_all(m.quote()) ^ m.extensions().map_or(0, extensions_all));
        }
        Message::ParameterProblem(m) => {
            acc = mix(acc, u64::from(m.pointer()) ^ u64::from(m.length_field()) ^ u64::from(m.unused()) ^ u64::from(m.code().0));
            acc = mix(acc, quote_all(m.quote()) ^ m.extensions().map_or(0, extensions_all));
        }
        Message::RouterAdvertisement(m) => {
            acc = mix(acc, u64::from(m.num_addrs()) ^ u64::from(m.entry_size()) ^ u64::from(m.lifetime()));
            acc = mix(acc, u64::from(m.is_rfc1256_valid()) ^ m.entry_bytes().len() as u64 ^ u64::from(m.code().0));
            acc = mix(acc, m.entries().fold(0, |a, e| a ^ u64::from(u32::from(e.address)) ^ e.preference as u64));
            acc = mix(acc, agent_extensions_all(m.agent_extensions()));
        }
        Message::RouterSolicitation(m) => acc = mix(acc, u64::from(m.reserved())),
        Message::Timestamp(m) | Message::TimestampReply(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ u64::from(m.originate()));
            acc = mix(acc, u64::from(m.receive()) ^ u64::from(m.transmit()));
        }
        Message::AddressMaskRequest(m) | Message::AddressMaskReply(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ u64::from(u32::from(m.mask())));
        }
        Message::ExtendedEchoRequest(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.sequence()) ^ u64::from(m.local()) ^ u64::from(m.reserved()));
            acc = mix(acc, m.extensions().map_or(0, extensions_all));
        }
        Message::ExtendedEchoReply(m) => {
            acc = mix(acc, u64::from(m.state()) ^ u64::from(m.active()) ^ u64::from(m.ipv4()) ^ u64::from(m.ipv6()));
            acc = mix(acc, u64::from(m.code().0) ^ u64::from(m.reserved()) ^ u64::from(m.flags()));
        }
        Message::Traceroute(m) => {
            acc = mix(acc, u64::from(m.identifier()) ^ u64::from(m.unused()) ^ u64::from(m.code().0));
            acc = mix(acc, u64::from(m.outbound_hop_count()) ^ u64::from(m.return_hop_count()));
            acc = mix(acc, u64::from(m.output_link_speed()) ^ u64::from(m.output_link_mtu()));
        }
        Message::Other(m) => acc = mix(acc, u64::from(u32::from_be_bytes(m.rest_of_header()))),
        _ => {}
    }
    acc
}

#[no_panic]
fn typed_parsers(bytes: &[u8]) -> u64 {
    let mut acc = 0;
    acc = mix(acc, Echo::parse(bytes).map_or(1, |m| u64::from(m.identifier())));
    acc = mix(acc, Timestamp::parse_unverified(bytes).map_or(2, |m| u64::from(m.originate())));
    acc = mix(acc, AddressMask::parse(bytes).map_or(3, |m| u64::from(m.sequence())));
    acc = mix(acc, DestinationUnreachable::parse(bytes).map_or(4, |m| m.payload().len() as u64));
    acc = mix(acc, RouterAdvertisement::parse_unverified(bytes).map_or(5, |m| m.entries().len() as u64));
    acc = mix(acc, ExtendedEchoRequest::parse_unverified(bytes).map_or(6, |m| u64::from(m.identifier())));
    acc = mix(acc, Raw::parse(bytes).map_or(7, |m| u64::from(m.rest_of_header()[0])));
    acc = mix(acc, Traceroute::parse(bytes).map_or(8, |m| u64::from(m.output_link_mtu())));
    acc = mix(acc, Photuris::parse(bytes).map_or(9, |m| u64::from(m.pointer())));
    let (d, e) = locate(bytes, usize::from(bytes.first().copied().unwrap_or(0)) * 4);
    acc = mix(acc, d.len() as u64 ^ e.map_or(0, extensions_all));
    acc
}

#[no_panic]
fn checksums(bytes: &[u8]) -> u64 {
    let mut c = Checksum::new();
    let (a, b) = bytes.split_at(bytes.len() / 3);
    c.add_bytes(a);
    c.add_u16(0x1234);
    c.add_bytes(b);
    c.add_u32(7);
    u64::from(internet_checksum(bytes)) ^ u64::from(verify(bytes)) ^ u64::from(c.checksum()) ^ u64::from(update_u16(c.sum(), 1, 2))
}

#[no_panic]
fn mutate(buf: &mut [u8]) -> u64 {
    match Message::parse_unverified(buf) {
        Ok(Message::EchoRequest(mut e)) => {
            e.set_identifier(9);
            e.make_reply();
            u64::from(e.checksum())
        }
        Ok(Message::TimeExceeded(mut m)) => {
            m.set_length_field(32);
            u64::from(m.checksum())
        }
        Ok(Message::Photuris(mut m)) => {
            m.set_pointer(20);
            m.set_reserved(0);
            u64::from(m.checksum())
        }
        Ok(Message::Traceroute(mut m)) => {
            m.set_output_link_mtu(1500);
            m.set_return_hop_count(3);
            u64::from(m.checksum())
        }
        Ok(Message::RouterAdvertisement(mut m)) => {
            m.set_lifetime(1);
            u64::from(m.set_entry(0, RouterEntry { address: core::net::Ipv4Addr::LOCALHOST, preference: 0 }))
        }
        _ => 0,
    }
}

#[no_panic]
fn emit(quote: &[u8], out: &mut [u8]) -> u64 {
    let repr = Repr::TimeExceeded(TimeExceededRepr { quote, ..TimeExceededRepr::default() });
    let a = repr.emit(out).map_or(1, |n| n as u64);
    let echo = Repr::EchoRequest(EchoRepr { identifier: 1, sequence: 2, data: quote, code: 0 });
    let b = echo.emit(out).map_or(2, |n| n as u64);
    // RFC 5944 extensions from the same bytes: care-of addresses, prefix lengths, raw data.
    let coa = [std::net::Ipv4Addr::new(192, 0, 2, 1); 4];
    let n = quote.len() % 5;
    let ext = [
        AgentExtensionRepr::Padding,
        AgentExtensionRepr::MobilityAgent { sequence: 1, registration_lifetime: 2, flags: 3, care_of_addresses: coa.get(..n).unwrap_or(&[]) },
        AgentExtensionRepr::PrefixLengths(quote),
        AgentExtensionRepr::Other { kind: quote.first().copied().unwrap_or(0), data: quote },
    ];
    let c = write_agent_extensions(&ext, out).map_or(3, |n| n as u64);
    // IPv4 options from the same bytes: routes, timestamps of any flag, any type.
    let first = quote.first().copied().unwrap_or(0);
    let entries = [(coa.first().copied().filter(|_| n > 2), u32::from(first))];
    let options = [
        Ipv4OptionRepr::Nop,
        Ipv4OptionRepr::Route { kind: Ipv4OptionType(first), pointer: first, addresses: coa.get(..n).unwrap_or(&[]) },
        Ipv4OptionRepr::Timestamp { pointer: first, overflow: first >> 2, flag: first & 7, entries: &entries },
        Ipv4OptionRepr::RouterAlert(u16::from(first)),
        Ipv4OptionRepr::Other { kind: Ipv4OptionType(first), data: quote },
    ];
    let d = options.iter().fold(ipv4_options_len(&options) as u64, |acc, o| mix(acc, o.len() as u64 ^ u64::from(o.kind().0)));
    a ^ b ^ c ^ d ^ write_ipv4_options(&options, out).map_or(4, |n| n as u64)
}

fn hex(text: &str) -> Option<Vec<u8>> {
    if text == "-" {
        return Some(Vec::new());
    }
    (0..text.len() / 2).map(|i| u8::from_str_radix(text.get(2 * i..2 * i + 2)?, 16).ok()).collect()
}

fn main() {
    // One message per line on standard input (e.g. the oracle corpora): HEX for ICMPv4,
    // `SRC DST HEX` for ICMPv6.
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    let mut acc = 0u64;
    let (mut n4, mut n6) = (0usize, 0usize);
    let mut out = vec![0u8; 2048];
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        if let [src, dst, msg] = words[..] {
            let (Ok(src), Ok(dst), Some(bytes)) = (src.parse(), dst.parse(), hex(msg)) else {
                continue;
            };
            let bytes = black_box(bytes);
            acc ^= v6::parse6_and_read(&bytes, src, dst) ^ v6::checksums6(&bytes, src, dst);
            acc ^= v6::emit6(&bytes, src, dst, &mut out);
            let mut m = bytes.clone();
            acc ^= v6::mutate6(&mut m);
            let mut m = bytes.clone();
            acc ^= all::set_all_v6(&mut m, acc as u32) ^ all::reemit(&bytes, src, dst, &mut out);
            acc ^= all::display(&bytes) ^ all::checksums_more(&bytes, src, dst);
            acc ^= nd::nd_read(&bytes, src, dst) ^ nd::nd_emit(&bytes, src, dst, &mut out);
            acc ^= registry::registry_read(&bytes) ^ registry::registry_emit(&bytes, src, dst, &mut out);
            let mut m = bytes.clone();
            acc ^= nd::nd_set(&mut m, acc as u32);
            acc ^= registry::registry_set(&mut m, acc as u32);
            acc ^= stack::stack_all(&bytes, acc as u32);
            acc ^= stack::packet_all(&bytes, src, dst, &mut out);
            acc ^= stack::respond_all(&bytes, src, dst, acc as u32);
            acc ^= stack::keys(&bytes, src, dst, acc as u32);
            n6 += 1;
            continue;
        }
        let Some(bytes) = hex(line) else {
            continue;
        };
        let bytes = black_box(bytes);
        acc ^= parse_and_read(&bytes) ^ typed_parsers(&bytes) ^ checksums(&bytes);
        acc ^= emit(&bytes, &mut out) ^ v6::domain_names(&bytes);
        let mut m = bytes.clone();
        acc ^= mutate(&mut m);
        let mut m = bytes.clone();
        let any = std::net::Ipv6Addr::LOCALHOST;
        acc ^= all::set_all_v4(&mut m, acc as u32) ^ all::reemit(&bytes, any, any, &mut out);
        acc ^= all::write_objects(&bytes, &mut out) ^ all::display(&bytes);
        acc ^= all::rest_of_api(&bytes, &mut out, any, any);
        acc ^= stack::stack_all(&bytes, acc as u32);
        acc ^= stack::packet_all(&bytes, any, any, &mut out);
        acc ^= stack::respond_all(&bytes, any, any, acc as u32);
        acc ^= stack::keys(&bytes, any, any, acc as u32);
        n4 += 1;
    }
    println!("no-panic wrappers ran over {n4} ICMPv4 and {n6} ICMPv6 messages (digest {acc:016x})");
}

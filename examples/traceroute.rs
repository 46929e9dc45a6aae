//! traceroute and traceroute -6, built on icmpwire: probes with increasing TTL or hop limit,
//! each time exceeded or destination unreachable matched to its probe with `stack::ProbeKey`
//! through the quoted datagram (UDP ports, or the echo's identifier and sequence; IPv6
//! extension headers walked), hop by hop like `traceroute -n`.
//!
//! ```text
//! sudo target/debug/examples/traceroute 203.0.113.2
//! sudo target/debug/examples/traceroute --icmp -m 10 -q 1 203.0.113.2
//! sudo target/debug/examples/traceroute -6 2001:db8:2::2
//! ```
//!
//! Options: `-6` (or an IPv6 address), `--icmp` (echo probes; UDP to ports 33434 and up by
//! default), `-m MAX_HOPS` (30),
//! `-q QUERIES` per hop (3), `-w WAIT` seconds per probe (1), `-p PORT` first UDP port (33434),
//! `-f FIRST_TTL` (1). Needs a raw ICMP or ICMPv6 socket (root or CAP_NET_RAW) to see the
//! routers' errors. A router that reports "fragmentation needed" or "packet too big" is shown
//! with `!F-<MTU>`.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use std::net::{IpAddr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use icmpwire::stack::{Flow, ProbeKey};
use icmpwire::{AnyMessage, EchoRepr, protocol, v4, v6};
use shared::{Args, Event, IcmpSocket};

struct Options {
    v6: bool,
    icmp: bool,
    max_hops: u8,
    queries: u8,
    wait: Duration,
    port: u16,
    first_ttl: u8,
    dest: String,
}

fn options() -> Result<Options, String> {
    let mut a = Args::from_env();
    let v6 = a.flag(&["-6"]);
    let icmp = a.flag(&["--icmp", "-I"]);
    let max_hops = a.value::<u8>(&["-m"])?.unwrap_or(30);
    let queries = a.value::<u8>(&["-q"])?.unwrap_or(3);
    let wait = a.value::<f64>(&["-w"])?.unwrap_or(1.0);
    let port = a.value::<u16>(&["-p"])?.unwrap_or(33434);
    let first_ttl = a.value::<u8>(&["-f"])?.unwrap_or(1);
    let mut pos = a.positional();
    if pos.len() != 1
        || pos[0].starts_with('-')
        || !(0.0..=60.0).contains(&wait)
        || first_ttl == 0
        || queries == 0
    {
        return Err("usage: traceroute [-6] [--icmp] [-m MAX_HOPS] [-q QUERIES] [-w WAIT] [-p PORT] [-f FIRST_TTL] DEST".into());
    }
    Ok(Options {
        v6,
        icmp,
        max_hops,
        queries,
        wait: Duration::from_secs_f64(wait),
        port,
        first_ttl,
        dest: pos.remove(0),
    })
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("traceroute: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&opts) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("traceroute: {e}");
            ExitCode::from(2)
        }
    }
}

/// What one probe got back.
enum Answer {
    /// A router on the way (time exceeded).
    Hop(IpAddr, f64),
    /// The destination (port unreachable for UDP, echo reply for ICMP): the trace ends.
    Arrived(IpAddr, f64),
    /// Another unreachable: address, RTT and traceroute's mark (!H, !N, !P, !X, !F-mtu...).
    Unreachable(IpAddr, f64, String),
    Timeout,
}

/// One probe in flight: what it is keyed by, when it left.
struct Probe {
    key: ProbeKey,
    identifier: u16,
    seq: u16,
    sent: Instant,
}

fn run(opts: &Options) -> Result<(), String> {
    let dst = shared::resolve_ip(&opts.dest, opts.v6).map_err(|e| e.to_string())?;
    let v6 = dst.is_ipv6();
    let icmp =
        IcmpSocket::open(v6, true).map_err(|e| format!("needs a raw ICMP socket (root): {e}"))?;
    let src = shared::source_for_ip(dst).map_err(|e| e.to_string())?;
    let udp = UdpSocket::bind((src, 0)).map_err(|e| e.to_string())?;
    let src_port = udp.local_addr().map_err(|e| e.to_string())?.port();
    let identifier = (std::process::id() & 0xFFFF) as u16;
    let size = if v6 { 80 } else { 60 };
    println!(
        "traceroute to {} ({dst}), {} hops max, {size} byte packets",
        opts.dest, opts.max_hops
    );
    let mut buf = vec![0u8; 65_536];
    let mut seq: u16 = 0;
    for ttl in opts.first_ttl..=opts.max_hops {
        let mut line = format!("{ttl:2} ");
        let mut last: Option<IpAddr> = None;
        let mut done = false;
        for _ in 0..opts.queries {
            seq = seq.wrapping_add(1);
            let port = opts.port.wrapping_add(seq).wrapping_sub(1);
            let key = if opts.icmp {
                let bytes = send_echo(&icmp, src, dst, ttl, identifier, seq)?;
                let proto = if v6 { protocol::ICMPV6 } else { protocol::ICMP };
                ProbeKey::of_message(src, dst, proto, &bytes).map_err(|e| e.to_string())?
            } else {
                let s = socket2::SockRef::from(&udp);
                if v6 {
                    s.set_unicast_hops_v6(u32::from(ttl))
                } else {
                    s.set_ttl_v4(u32::from(ttl))
                }
                .map_err(|e| e.to_string())?;
                udp.send_to(&[0u8; 32], SocketAddr::new(dst, port))
                    .map_err(|e| e.to_string())?;
                let ports = [src_port.to_be_bytes(), port.to_be_bytes()].concat();
                ProbeKey::of_message(src, dst, protocol::UDP, &ports).map_err(|e| e.to_string())?
            };
            let probe = Probe {
                key,
                identifier,
                seq,
                sent: Instant::now(),
            };
            let (addr, rtt, mark) = match wait_for(&icmp, &mut buf, opts, dst, src, &probe)? {
                Answer::Hop(a, r) => (Some(a), r, String::new()),
                Answer::Arrived(a, r) => {
                    done = true;
                    (Some(a), r, String::new())
                }
                Answer::Unreachable(a, r, m) => {
                    done = true;
                    (Some(a), r, format!(" {m}"))
                }
                Answer::Timeout => {
                    line.push_str(" *");
                    continue;
                }
            };
            if addr != last {
                if let Some(a) = addr {
                    line.push_str(&format!(" {a}"));
                }
                last = addr;
            }
            line.push_str(&format!("  {rtt:.3} ms{mark}"));
        }
        println!("{line}");
        if done {
            break;
        }
    }
    Ok(())
}

/// Sends an echo request probe with hop limit `ttl`; returns its ICMP message.
fn send_echo(
    icmp: &IcmpSocket,
    src: IpAddr,
    dst: IpAddr,
    ttl: u8,
    identifier: u16,
    seq: u16,
) -> Result<Vec<u8>, String> {
    let data = [0u8; 32];
    let echo = EchoRepr {
        identifier,
        sequence: seq,
        data: &data,
        code: 0,
    };
    match (src, dst) {
        (IpAddr::V6(s), IpAddr::V6(d)) => {
            let repr = v6::Repr::EchoRequest(echo);
            let mut packet = vec![0u8; repr.buffer_len()];
            repr.emit(s, d, &mut packet).map_err(|e| e.to_string())?;
            icmp.set_hops(ttl).map_err(|e| e.to_string())?;
            icmp.send(&packet, dst).map_err(|e| e.to_string())?;
            Ok(packet)
        }
        (IpAddr::V4(s), IpAddr::V4(d)) => {
            let repr = v4::Repr::EchoRequest(echo);
            let mut packet = vec![0u8; 20 + repr.buffer_len()];
            let n = repr.emit(&mut packet[20..]).map_err(|e| e.to_string())?;
            let h = shared::ipv4_header(s, d, protocol::ICMP, ttl, false, seq, &[], n);
            packet[..20].copy_from_slice(&h);
            icmp.send(&packet, dst).map_err(|e| e.to_string())?;
            Ok(packet.split_off(20))
        }
        _ => Err("source and destination of different families".into()),
    }
}

/// Waits for the answer to one probe, skipping everything that is not about it.
fn wait_for(
    icmp: &IcmpSocket,
    buf: &mut [u8],
    opts: &Options,
    dst: IpAddr,
    src: IpAddr,
    probe: &Probe,
) -> Result<Answer, String> {
    let deadline = probe.sent + opts.wait;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        let Some(Event::Message {
            from, icmp: bytes, ..
        }) = icmp.recv(buf, left).map_err(|e| e.to_string())?
        else {
            continue;
        };
        let rtt = probe.sent.elapsed().as_secs_f64() * 1000.0;
        // An echo reply to this probe, or the quote and kind of an error.
        let (reply, quote, kind) = match (from, src) {
            (IpAddr::V6(f), IpAddr::V6(s)) => {
                let Ok(msg) = v6::Message::parse(&bytes[..], f, s) else {
                    continue;
                };
                let kind = match &msg {
                    v6::Message::TimeExceeded(_) => None,
                    v6::Message::DestinationUnreachable(m) => Some(mark6(m.code_u8(), from == dst)),
                    v6::Message::PacketTooBig(m) => Some(Some(format!("!F-{}", m.mtu()))),
                    _ => Some(None),
                };
                (
                    echo_reply6(&msg),
                    msg.quote().map(|q| q.bytes().to_vec()),
                    kind,
                )
            }
            _ => {
                let Ok(msg) = v4::Message::parse(&bytes[..]) else {
                    continue;
                };
                let kind = match &msg {
                    v4::Message::TimeExceeded(_) => None,
                    v4::Message::DestinationUnreachable(m) => {
                        Some(mark4(m.code().0, m.next_hop_mtu(), from == dst))
                    }
                    _ => Some(None),
                };
                let reply = match &msg {
                    v4::Message::EchoReply(e) => Some((e.identifier(), e.sequence())),
                    _ => None,
                };
                (reply, msg.quote().map(|q| q.bytes().to_vec()), kind)
            }
        };
        if let Some((identifier, seq)) = reply {
            if opts.icmp && from == dst && identifier == probe.identifier && seq == probe.seq {
                return Ok(Answer::Arrived(from, rtt));
            }
            continue;
        }
        // Is it about this probe? The quote's key says.
        let Some(key) = quote.and_then(|q| ProbeKey::of_packet(&q).ok()) else {
            continue;
        };
        if key != probe.key || matches!(key.flow, Flow::Other) {
            continue;
        }
        return Ok(match kind {
            None => Answer::Hop(from, rtt),
            Some(None) => Answer::Arrived(from, rtt),
            Some(Some(mark)) => Answer::Unreachable(from, rtt, mark),
        });
    }
    Ok(Answer::Timeout)
}

/// An ICMPv6 echo reply's identifier and sequence.
fn echo_reply6(msg: &v6::Message<&[u8]>) -> Option<(u16, u16)> {
    match msg {
        v6::Message::EchoReply(e) => Some((e.identifier(), e.sequence())),
        _ => None,
    }
}

/// traceroute's annotation of an ICMPv4 unreachable; `None` for the destination's own port
/// unreachable, which ends the trace.
fn mark4(code: u8, mtu: u16, from_dst: bool) -> Option<String> {
    Some(match code {
        3 if from_dst => return None,
        0 => "!N".into(),
        1 => "!H".into(),
        2 => "!P".into(),
        3 => "!p".into(),
        4 => format!("!F-{mtu}"),
        5 => "!S".into(),
        9 | 10 | 13 => "!X".into(),
        14 => "!V".into(),
        15 => "!C".into(),
        c => format!("!<{c}>"),
    })
}

/// traceroute -6's annotation of an ICMPv6 unreachable (RFC 4443 section 3.1 codes).
fn mark6(code: u8, from_dst: bool) -> Option<String> {
    Some(match code {
        4 if from_dst => return None,
        0 => "!N".into(),
        1 | 5 | 6 => "!X".into(),
        2 => "!S".into(),
        3 => "!H".into(),
        4 => "!p".into(),
        c => format!("!<{c}>"),
    })
}

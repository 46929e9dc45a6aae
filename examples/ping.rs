//! ping and ping -6, built on icmpwire: echo requests built with `Repr::emit`, replies and
//! router errors read with `Message::parse`, errors matched to their probe with
//! `stack::ProbeKey` through the quoted datagram (IPv6 extension headers included).
//!
//! ```text
//! cargo run --example ping -- 127.0.0.1
//! cargo run --example ping -- -6 ::1
//! sudo target/debug/examples/ping -c 3 -s 1200 -M do 203.0.113.2
//! ```
//!
//! Options: `-6` (or an IPv6 address), `-c COUNT` (default 4), `-i INTERVAL` seconds (1),
//! `-s SIZE` data bytes (56), `-t TTL` or hop limit (64), `-W TIMEOUT` seconds to wait for the
//! last reply (1), `-M do` to set don't fragment (IPv4), `-R` to record the route (IPv4, raw
//! socket: the request carries the record route option Linux sends for iputils' `ping -R`,
//! written with `v4::write_ipv4_options`, and each reply's is shown as iputils' ping shows it,
//! read with `v4::Ipv4Options`). A raw socket is used when allowed (root
//! or CAP_NET_RAW), the unprivileged Linux ping socket otherwise: the kernel then picks the
//! identifier, and the TTL or hop limit and the routers' errors come through `recvmsg` control
//! messages (`IP_RECVTTL`, `IPV6_RECVHOPLIMIT`, `IP_RECVERR`, `IPV6_RECVERR`), so the output is
//! the same.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use icmpwire::stack::ProbeKey;
use icmpwire::{AnyMessage, EchoRepr, protocol, v4, v6};
use shared::{Args, Event, IcmpSocket, Mode};

struct Options {
    v6: bool,
    count: u16,
    interval: Duration,
    size: usize,
    ttl: u8,
    timeout: Duration,
    dont_fragment: bool,
    record_route: bool,
    dest: String,
}

fn options() -> Result<Options, String> {
    let mut a = Args::from_env();
    let v6 = a.flag(&["-6"]);
    let record_route = a.flag(&["-R"]);
    let count = a.value::<u16>(&["-c"])?.unwrap_or(4);
    let interval = a.value::<f64>(&["-i"])?.unwrap_or(1.0);
    let size = a.value::<usize>(&["-s"])?.unwrap_or(56);
    let ttl = a.value::<u8>(&["-t"])?.unwrap_or(64);
    let timeout = a.value::<f64>(&["-W"])?.unwrap_or(1.0);
    let dont_fragment = match a.value::<String>(&["-M"])?.as_deref() {
        None | Some("dont") => false,
        Some("do") => true,
        Some(other) => return Err(format!("-M takes do or dont, not {other}")),
    };
    let mut pos = a.positional();
    if pos.len() != 1 || pos[0].starts_with('-') {
        return Err(
            "usage: ping [-6] [-c COUNT] [-i INTERVAL] [-s SIZE] [-t TTL] [-W TIMEOUT] [-M do] [-R] DEST"
                .into(),
        );
    }
    if size > 65_507 || !(0.0..=3600.0).contains(&interval) || !(0.0..=3600.0).contains(&timeout) {
        return Err("size, interval or timeout out of range".into());
    }
    Ok(Options {
        v6,
        count,
        interval: Duration::from_secs_f64(interval),
        size,
        ttl,
        timeout: Duration::from_secs_f64(timeout),
        dont_fragment,
        record_route,
        dest: pos.remove(0),
    })
}

fn main() -> ExitCode {
    let opts = match options() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ping: {e}");
            return ExitCode::from(2);
        }
    };
    match run(&opts) {
        Ok(received) if received > 0 => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        Err(e) => {
            eprintln!("ping: {e}");
            ExitCode::from(2)
        }
    }
}

/// The probes in flight: when each was sent, and its key (what its errors quote).
struct Probes {
    identifier: u16,
    sent: HashMap<u16, (Instant, ProbeKey)>,
}

/// What one received message or queued error is, for us.
enum Seen {
    Reply { seq: u16, len: usize, rtt: f64 },
    Error { seq: u16, what: String },
}

fn run(opts: &Options) -> Result<usize, String> {
    let dst = shared::resolve_ip(&opts.dest, opts.v6).map_err(|e| e.to_string())?;
    let v6 = dst.is_ipv6();
    let sock = IcmpSocket::open(v6, false).map_err(|e| {
        format!(
            "cannot open an ICMP socket: {e} (a raw socket needs root or CAP_NET_RAW; an unprivileged \
             ping socket needs your group in net.ipv4.ping_group_range)"
        )
    })?;
    if opts.dont_fragment && (v6 || sock.mode == Mode::Datagram) {
        return Err("-M do needs a raw IPv4 socket (run as root)".into());
    }
    if opts.record_route && (v6 || sock.mode == Mode::Datagram) {
        return Err("-R needs a raw IPv4 socket (run as root)".into());
    }
    if v6 || sock.mode == Mode::Datagram {
        sock.set_hops(opts.ttl).map_err(|e| e.to_string())?;
    }
    let src = shared::source_for_ip(dst).map_err(|e| e.to_string())?;
    let ip_options = if opts.record_route {
        record_route_option(src)?
    } else {
        Vec::new()
    };
    let data: Vec<u8> = (0..opts.size).map(|i| (i % 256) as u8).collect();
    if v6 {
        println!("PING {}({dst}) {} data bytes", opts.dest, opts.size);
    } else {
        println!(
            "PING {} ({dst}) {}({}) bytes of data.",
            opts.dest,
            opts.size,
            opts.size + 28 + ip_options.len()
        );
    }
    let mut probes = Probes {
        identifier: (std::process::id() & 0xFFFF) as u16,
        sent: HashMap::new(),
    };
    let mut rtts: Vec<f64> = Vec::new();
    let mut errors = 0usize;
    let mut last_route: Option<Vec<Ipv4Addr>> = None;
    let start = Instant::now();
    let mut buf = vec![0u8; 65_536];
    for seq in 1..=opts.count {
        let echo = EchoRepr {
            identifier: probes.identifier,
            sequence: seq,
            data: &data,
            code: 0,
        };
        let (packet, icmp_at) = request(echo, src, dst, opts, &ip_options, seq, sock.mode)?;
        let mut key = ProbeKey::of_message(
            src,
            dst,
            if v6 { protocol::ICMPV6 } else { protocol::ICMP },
            &packet[icmp_at..],
        )
        .map_err(|e| e.to_string())?;
        if let Err(e) = sock.send(&packet, dst) {
            println!("ping: sendmsg: {e}");
            continue;
        }
        // A ping socket's kernel writes its local port as the identifier.
        if sock.mode == Mode::Datagram
            && let Ok(local) = sock.socket.local_addr()
        {
            key = key.with_echo_identifier(local.port());
        }
        probes.sent.insert(seq, (Instant::now(), key));
        // Collect replies until the next probe is due (or, after the last, the timeout).
        let wait = if seq == opts.count {
            opts.timeout
        } else {
            opts.interval
        };
        let deadline = Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            let Some(event) = sock.recv(&mut buf, left).map_err(|e| e.to_string())? else {
                break;
            };
            let mut route = None;
            let (from, hops, seen) = match event {
                Event::Message {
                    from,
                    hops,
                    icmp,
                    options,
                } => {
                    if opts.record_route {
                        route = recorded_route(&options);
                    }
                    (
                        Some(from),
                        hops,
                        message(&icmp, from, src, dst, &sock, &mut probes),
                    )
                }
                Event::Queued {
                    from,
                    icmp_type,
                    code,
                    info,
                    sent,
                } => {
                    let seq = sent.get(6..8).map(|s| u16::from_be_bytes([s[0], s[1]]));
                    let seen = seq
                        .filter(|s| probes.sent.contains_key(s))
                        .map(|seq| Seen::Error {
                            seq,
                            what: shared::error_text(v6, icmp_type, code, info),
                        });
                    (from, None, seen)
                }
            };
            let from = from.map_or("?".to_string(), |f| f.to_string());
            match seen {
                Some(Seen::Reply { seq, len, rtt }) => {
                    let ttl = hops.map_or("?".to_string(), |t| t.to_string());
                    let mut line = format!(
                        "{len} bytes from {from}: icmp_seq={seq} ttl={ttl} time={rtt:.3} ms"
                    );
                    // As iputils' ping: the route when it differs from the last one shown.
                    if let Some(route) = route.take() {
                        if last_route.as_ref() == Some(&route) {
                            line.push_str("\t(same route)");
                        } else {
                            for (i, a) in route.iter().enumerate() {
                                line.push_str(if i == 0 { "\nRR: \t" } else { "\n\t" });
                                line.push_str(&a.to_string());
                            }
                            // iputils ends the route with an empty line.
                            line.push('\n');
                            last_route = Some(route);
                        }
                    }
                    println!("{line}");
                    rtts.push(rtt);
                    if seq == opts.count {
                        break;
                    }
                }
                Some(Seen::Error { seq, what }) => {
                    println!("From {from} icmp_seq={seq} {what}");
                    errors += 1;
                }
                None => {}
            }
        }
    }
    summary(opts, &rtts, errors, start.elapsed());
    Ok(rtts.len())
}

/// The echo request to send (with our IPv4 header on a raw IPv4 socket), and where its ICMP
/// message starts.
fn request(
    echo: EchoRepr<'_>,
    src: IpAddr,
    dst: IpAddr,
    opts: &Options,
    ip_options: &[u8],
    seq: u16,
    mode: Mode,
) -> Result<(Vec<u8>, usize), String> {
    match (src, dst) {
        (IpAddr::V6(s), IpAddr::V6(d)) => {
            let repr = v6::Repr::EchoRequest(echo);
            let mut packet = vec![0u8; repr.buffer_len()];
            repr.emit(s, d, &mut packet).map_err(|e| e.to_string())?;
            Ok((packet, 0))
        }
        (IpAddr::V4(s), IpAddr::V4(d)) => {
            let repr = v4::Repr::EchoRequest(echo);
            let mut icmp = vec![0u8; repr.buffer_len()];
            let n = repr.emit(&mut icmp).map_err(|e| e.to_string())?;
            if mode == Mode::Datagram {
                return Ok((icmp, 0));
            }
            let mut packet = shared::ipv4_header(
                s,
                d,
                protocol::ICMP,
                opts.ttl,
                opts.dont_fragment,
                seq,
                ip_options,
                n,
            );
            let at = packet.len();
            packet.extend_from_slice(&icmp[..n]);
            Ok((packet, at))
        }
        _ => Err("source and destination of different families".into()),
    }
}

/// `ping -R`'s options as Linux sends iputils' request (tests/data/kernel.pcap): a no
/// operation, then a record route with room for nine addresses (RFC 791 section 3.1), 40 bytes.
/// The first holds the sender's address, `src`: the kernel enters it in a request sent with
/// `IP_OPTIONS`; with `IP_HDRINCL` it sends the options as they are, so this program does.
fn record_route_option(src: IpAddr) -> Result<Vec<u8>, String> {
    let IpAddr::V4(src) = src else {
        return Err("-R needs IPv4".into());
    };
    let mut room = [Ipv4Addr::UNSPECIFIED; 9];
    room[0] = src;
    let options = [
        v4::Ipv4OptionRepr::Nop,
        v4::Ipv4OptionRepr::Route {
            kind: v4::Ipv4OptionType::RECORD_ROUTE,
            pointer: 8,
            addresses: &room,
        },
    ];
    let mut out = vec![0u8; v4::ipv4_options_len(&options)];
    v4::write_ipv4_options(&options, &mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

/// The addresses a record route option among `options` (a reply's IPv4 header's) holds so far.
fn recorded_route(options: &[u8]) -> Option<Vec<Ipv4Addr>> {
    let option = v4::Ipv4Options::new(options, 20)
        .map_while(Result::ok)
        .find(|o| o.kind() == v4::Ipv4OptionType::RECORD_ROUTE)?;
    let route = option.route()?;
    // As iputils: nothing shown when nothing is recorded.
    Some(route.addresses().take(route.used()).collect()).filter(|r: &Vec<Ipv4Addr>| !r.is_empty())
}

/// A reply to one of our probes, or an error a router sent about one; `None` for anything else.
fn message(
    icmp: &[u8],
    from: IpAddr,
    src: IpAddr,
    dst: IpAddr,
    sock: &IcmpSocket,
    probes: &mut Probes,
) -> Option<Seen> {
    // The echo reply's identifier and sequence, or the quote of an error.
    let (reply, quote, what) = match (from, src) {
        (IpAddr::V6(f), IpAddr::V6(s)) => {
            let msg = v6::Message::parse(icmp, f, s).ok()?;
            match &msg {
                v6::Message::EchoReply(e) => {
                    (Some((e.identifier(), e.sequence())), None, String::new())
                }
                m if m.message_type().is_error() => {
                    let info = match m {
                        v6::Message::PacketTooBig(p) => p.mtu(),
                        _ => 0,
                    };
                    let what = shared::error_text(true, m.message_type().0, m.code_u8(), info);
                    (None, Some(m.quote()?.bytes().to_vec()), what)
                }
                _ => return None,
            }
        }
        _ => {
            let msg = v4::Message::parse(icmp).ok()?;
            match &msg {
                v4::Message::EchoReply(e) => {
                    (Some((e.identifier(), e.sequence())), None, String::new())
                }
                m => {
                    let info = match m {
                        v4::Message::DestinationUnreachable(d) => u32::from(d.next_hop_mtu()),
                        _ => 0,
                    };
                    let what = shared::error_text(false, m.message_type().0, m.code_u8(), info);
                    (None, Some(m.quote()?.bytes().to_vec()), what)
                }
            }
        }
    };
    if let Some((identifier, seq)) = reply {
        // A ping socket's kernel has already kept only our replies.
        if from != dst || (sock.mode == Mode::Raw && identifier != probes.identifier) {
            return None;
        }
        let (sent, _) = probes.sent.remove(&seq)?;
        return Some(Seen::Reply {
            seq,
            len: icmp.len(),
            rtt: sent.elapsed().as_secs_f64() * 1000.0,
        });
    }
    // Ours if the quote keys to one of our probes.
    let key = ProbeKey::of_packet(&quote?).ok()?;
    let seq = probes
        .sent
        .iter()
        .find(|(_, (_, k))| *k == key)
        .map(|(s, _)| *s)?;
    Some(Seen::Error { seq, what })
}

fn summary(opts: &Options, rtts: &[f64], errors: usize, elapsed: Duration) {
    let sent = usize::from(opts.count);
    let received = rtts.len();
    let loss = if sent == 0 {
        0.0
    } else {
        100.0 * (sent - received) as f64 / sent as f64
    };
    println!("\n--- {} ping statistics ---", opts.dest);
    let errs = if errors > 0 {
        format!(", +{errors} errors")
    } else {
        String::new()
    };
    println!(
        "{sent} packets transmitted, {received} received{errs}, {loss:.0}% packet loss, time {}ms",
        elapsed.as_millis()
    );
    if received > 0 {
        let min = rtts.iter().copied().fold(f64::INFINITY, f64::min);
        let max = rtts.iter().copied().fold(0.0, f64::max);
        let avg = rtts.iter().sum::<f64>() / received as f64;
        let var = rtts.iter().map(|r| r * r).sum::<f64>() / received as f64 - avg * avg;
        println!(
            "rtt min/avg/max/mdev = {min:.3}/{avg:.3}/{max:.3}/{:.3} ms",
            var.max(0.0).sqrt()
        );
    }
}

//! traceroute, built on icmpwire: probes with increasing TTL, each Time Exceeded or Destination
//! Unreachable matched to its probe through the quoted datagram (UDP ports, or the echo's
//! identifier and sequence), hop by hop like `traceroute -n`.
//!
//! ```text
//! sudo target/debug/examples/traceroute 203.0.113.2
//! sudo target/debug/examples/traceroute --icmp -m 10 -q 1 203.0.113.2
//! ```
//!
//! Options: `--icmp` (echo probes; UDP to ports 33434 and up by default), `-m MAX_HOPS` (30),
//! `-q QUERIES` per hop (3), `-w WAIT` seconds per probe (1), `-p PORT` first UDP port (33434),
//! `-f FIRST_TTL` (1). Needs a raw ICMP socket (root or CAP_NET_RAW) to see the routers' errors.
//! A router that reports "fragmentation needed" is shown with `!F-<next-hop MTU>`.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use std::net::{Ipv4Addr, SocketAddr, UdpSocket};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use icmpwire::v4::{Message, Repr, UnreachableCode};
use icmpwire::{EchoRepr, protocol};
use shared::{Args, Mode};

struct Options {
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
        return Err("usage: traceroute [--icmp] [-m MAX_HOPS] [-q QUERIES] [-w WAIT] [-p PORT] [-f FIRST_TTL] DEST".into());
    }
    Ok(Options {
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
    Hop(Ipv4Addr, f64),
    /// The destination (port unreachable for UDP, echo reply for ICMP): the trace ends.
    Arrived(Ipv4Addr, f64),
    /// Another unreachable: address, RTT and traceroute's mark (!H, !N, !P, !X, !F-mtu...).
    Unreachable(Ipv4Addr, f64, String),
    Timeout,
}

fn run(opts: &Options) -> Result<(), String> {
    let dst = shared::resolve(&opts.dest).map_err(|e| e.to_string())?;
    let (icmp, mode) =
        shared::open_icmp(true).map_err(|e| format!("needs a raw ICMP socket (root): {e}"))?;
    debug_assert_eq!(mode, Mode::Raw);
    let src = shared::source_for(dst).map_err(|e| e.to_string())?;
    let udp = UdpSocket::bind((src, 0)).map_err(|e| e.to_string())?;
    let src_port = udp.local_addr().map_err(|e| e.to_string())?.port();
    let identifier = (std::process::id() & 0xFFFF) as u16;
    let size = 60;
    println!(
        "traceroute to {} ({dst}), {} hops max, {size} byte packets",
        opts.dest, opts.max_hops
    );
    let mut buf = vec![0u8; 65_536];
    let mut seq: u16 = 0;
    for ttl in opts.first_ttl..=opts.max_hops {
        let mut line = format!("{ttl:2} ");
        let mut last: Option<Ipv4Addr> = None;
        let mut done = false;
        for _ in 0..opts.queries {
            seq = seq.wrapping_add(1);
            let port = opts.port.wrapping_add(seq).wrapping_sub(1);
            let sent = Instant::now();
            if opts.icmp {
                let data = [0u8; 32];
                let repr = Repr::EchoRequest(EchoRepr {
                    identifier,
                    sequence: seq,
                    data: &data,
                    code: 0,
                });
                let mut packet = vec![0u8; 20 + repr.buffer_len()];
                let n = repr.emit(&mut packet[20..]).map_err(|e| e.to_string())?;
                let h = shared::ipv4_header(src, dst, protocol::ICMP, ttl, false, seq, n);
                packet[..20].copy_from_slice(&h);
                icmp.send_to(&packet, SocketAddr::from((dst, 0)))
                    .map_err(|e| e.to_string())?;
            } else {
                udp.set_ttl(u32::from(ttl)).map_err(|e| e.to_string())?;
                udp.send_to(&[0u8; 32], (dst, port))
                    .map_err(|e| e.to_string())?;
            }
            let answer = wait_for(
                &icmp, &mut buf, opts, dst, src_port, port, identifier, seq, sent,
            )?;
            let (addr, rtt, mark) = match answer {
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

/// Waits for the answer to one probe, skipping everything that is not about it.
#[allow(clippy::too_many_arguments)]
fn wait_for(
    icmp: &UdpSocket,
    buf: &mut [u8],
    opts: &Options,
    dst: Ipv4Addr,
    src_port: u16,
    port: u16,
    identifier: u16,
    seq: u16,
    sent: Instant,
) -> Result<Answer, String> {
    let deadline = sent + opts.wait;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        shared::set_wait(icmp, left).map_err(|e| e.to_string())?;
        let (n, from) = match icmp.recv_from(buf) {
            Ok(r) => r,
            Err(e) if shared::timed_out(&e) => break,
            Err(e) => return Err(e.to_string()),
        };
        let Some(rx) = shared::split(Mode::Raw, &buf[..n], from) else {
            continue;
        };
        let Ok(msg) = Message::parse(rx.icmp) else {
            continue;
        };
        let rtt = sent.elapsed().as_secs_f64() * 1000.0;
        if let Message::EchoReply(e) = &msg {
            if opts.icmp && rx.from == dst && e.identifier() == identifier && e.sequence() == seq {
                return Ok(Answer::Arrived(rx.from, rtt));
            }
            continue;
        }
        let (quote, unreachable) = match &msg {
            Message::TimeExceeded(m) => (m.quote(), None),
            Message::DestinationUnreachable(m) => (m.quote(), Some((m.code(), m.next_hop_mtu()))),
            _ => continue,
        };
        // Is it about this probe? The quoted datagram says: our ports, or our echo.
        let Ok(ip) = quote.ipv4() else { continue };
        let ours = ip.dst() == dst
            && if opts.icmp {
                ip.icmp().is_ok_and(|q| {
                    q.message_type.0 == 8
                        && q.identifier == Some(identifier)
                        && q.sequence == Some(seq)
                })
            } else {
                ip.udp()
                    .is_ok_and(|u| u.src_port == src_port && u.dst_port == port)
            };
        if !ours {
            continue;
        }
        return Ok(match unreachable {
            None => Answer::Hop(rx.from, rtt),
            Some((UnreachableCode::PORT_UNREACHABLE, _)) if rx.from == dst => {
                Answer::Arrived(rx.from, rtt)
            }
            Some((code, mtu)) => Answer::Unreachable(rx.from, rtt, mark(code, mtu)),
        });
    }
    Ok(Answer::Timeout)
}

/// traceroute's annotation of an unreachable.
fn mark(code: UnreachableCode, mtu: u16) -> String {
    match code.0 {
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
    }
}

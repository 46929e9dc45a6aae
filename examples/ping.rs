//! ping, built on icmpwire: echo requests built with `Repr::emit`, replies and router errors
//! read with `Message::parse`, errors matched to their probe through the quoted datagram.
//!
//! ```text
//! cargo run --example ping -- 127.0.0.1
//! sudo target/debug/examples/ping -c 3 -s 1200 -M do 203.0.113.2
//! ```
//!
//! Options: `-c COUNT` (default 4), `-i INTERVAL` seconds (1), `-s SIZE` data bytes (56),
//! `-t TTL` (64), `-W TIMEOUT` seconds to wait for the last reply (1), `-M do` to set don't
//! fragment. A raw socket is used when allowed (root or CAP_NET_RAW: TTL, DF and errors from
//! routers), the unprivileged Linux ping socket otherwise (replies only; the kernel picks the
//! identifier and TTL is shown as unknown).

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use icmpwire::AnyMessage;
use std::collections::HashMap;
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use icmpwire::v4::{Message, Repr};
use icmpwire::{EchoRepr, protocol};
use shared::{Args, Mode};

struct Options {
    count: u16,
    interval: Duration,
    size: usize,
    ttl: u8,
    timeout: Duration,
    dont_fragment: bool,
    dest: String,
}

fn options() -> Result<Options, String> {
    let mut a = Args::from_env();
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
            "usage: ping [-c COUNT] [-i INTERVAL] [-s SIZE] [-t TTL] [-W TIMEOUT] [-M do] DEST"
                .into(),
        );
    }
    if size > 65_507 || !(0.0..=3600.0).contains(&interval) || !(0.0..=3600.0).contains(&timeout) {
        return Err("size, interval or timeout out of range".into());
    }
    Ok(Options {
        count,
        interval: Duration::from_secs_f64(interval),
        size,
        ttl,
        timeout: Duration::from_secs_f64(timeout),
        dont_fragment,
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

/// What the probes are matched by.
struct Probe {
    identifier: u16,
    sent: HashMap<u16, Instant>,
}

fn run(opts: &Options) -> Result<usize, String> {
    let dst = shared::resolve(&opts.dest).map_err(|e| e.to_string())?;
    let (sock, mode) = shared::open_icmp(false).map_err(|e| {
        format!(
            "cannot open an ICMP socket: {e} (a raw socket needs root or CAP_NET_RAW; an unprivileged \
             ping socket needs your group in net.ipv4.ping_group_range)"
        )
    })?;
    if mode == Mode::Datagram && opts.dont_fragment {
        return Err("-M do needs a raw socket (run as root)".into());
    }
    if mode == Mode::Datagram {
        sock.set_ttl(u32::from(opts.ttl))
            .map_err(|e| e.to_string())?;
    }
    let src = shared::source_for(dst).map_err(|e| e.to_string())?;
    let data: Vec<u8> = (0..opts.size).map(|i| (i % 256) as u8).collect();
    println!(
        "PING {} ({dst}) {}({}) bytes of data.",
        opts.dest,
        opts.size,
        opts.size + 28
    );

    let mut probe = Probe {
        identifier: (std::process::id() & 0xFFFF) as u16,
        sent: HashMap::new(),
    };
    let mut rtts: Vec<f64> = Vec::new();
    let mut errors = 0usize;
    let start = Instant::now();
    let mut buf = vec![0u8; 65_536];
    for seq in 1..=opts.count {
        let repr = Repr::EchoRequest(EchoRepr {
            identifier: probe.identifier,
            sequence: seq,
            data: &data,
            code: 0,
        });
        let mut packet = vec![0u8; 20 + repr.buffer_len()];
        let icmp_len = repr.emit(&mut packet[20..]).map_err(|e| e.to_string())?;
        let out: &[u8] = match mode {
            Mode::Raw => {
                let h = shared::ipv4_header(
                    src,
                    dst,
                    protocol::ICMP,
                    opts.ttl,
                    opts.dont_fragment,
                    seq,
                    icmp_len,
                );
                packet[..20].copy_from_slice(&h);
                &packet
            }
            Mode::Datagram => &packet[20..],
        };
        probe.sent.insert(seq, Instant::now());
        if let Err(e) = sock.send_to(out, SocketAddr::from((dst, 0))) {
            println!("ping: sendmsg: {e}");
            continue;
        }
        // Collect replies until the next probe is due (or, after the last, the timeout).
        let wait = if seq == opts.count {
            opts.timeout
        } else {
            opts.interval
        };
        let deadline = Instant::now() + wait;
        while let Some(left) = deadline.checked_duration_since(Instant::now()) {
            shared::set_wait(&sock, left).map_err(|e| e.to_string())?;
            let (n, from) = match sock.recv_from(&mut buf) {
                Ok(r) => r,
                Err(e) if shared::timed_out(&e) => break,
                Err(e) => return Err(e.to_string()),
            };
            let Some(rx) = shared::split(mode, &buf[..n], from) else {
                continue;
            };
            match handle(&rx, mode, dst, &mut probe) {
                Some(Ok((seq, len, rtt))) => {
                    let ttl = rx.ttl.map_or("?".to_string(), |t| t.to_string());
                    println!(
                        "{len} bytes from {}: icmp_seq={seq} ttl={ttl} time={rtt:.3} ms",
                        rx.from
                    );
                    rtts.push(rtt);
                    if seq == opts.count {
                        break;
                    }
                }
                Some(Err((seq, what))) => {
                    println!("From {} icmp_seq={seq} {what}", rx.from);
                    errors += 1;
                }
                None => {}
            }
        }
    }
    summary(opts, &rtts, errors, start.elapsed());
    Ok(rtts.len())
}

/// A reply to one of our probes: sequence, ICMP length, RTT in ms.
type Reply = (u16, usize, f64);

/// An error a router sent about one of our probes: sequence, what.
type RouterError = (u16, String);

/// A reply to one of our probes, or an error a router sent about one; `None` for anything else.
fn handle(
    rx: &shared::Received<'_>,
    mode: Mode,
    dst: Ipv4Addr,
    probe: &mut Probe,
) -> Option<Result<Reply, RouterError>> {
    let msg = Message::parse(rx.icmp).ok()?;
    match &msg {
        Message::EchoReply(e) => {
            // A ping socket's kernel-chosen identifier is already filtered by the kernel.
            if rx.from != dst || (mode == Mode::Raw && e.identifier() != probe.identifier) {
                return None;
            }
            let sent = probe.sent.remove(&e.sequence())?;
            Some(Ok((
                e.sequence(),
                rx.icmp.len(),
                sent.elapsed().as_secs_f64() * 1000.0,
            )))
        }
        _ => {
            // An error quoting the datagram that caused it (types 3, 4, 5, 11, 12, 40).
            let quote = msg.quote()?;
            // Ours if it quotes an echo request to our destination with our identifier.
            let ip = quote.ipv4().ok()?;
            let echo = ip.icmp().ok()?;
            if ip.dst() != dst
                || echo.message_type.0 != 8
                || echo.identifier != Some(probe.identifier)
            {
                return None;
            }
            let seq = echo.sequence?;
            if !probe.sent.contains_key(&seq) {
                return None;
            }
            Some(Err((seq, shared::error_name(&msg))))
        }
    }
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

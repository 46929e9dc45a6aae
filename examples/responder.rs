//! A minimal ICMP responder, the way a userspace stack would use icmpwire: echo requests become
//! replies in place (RFC 1624 incremental checksum, no re-summing of the data), UDP datagrams to
//! closed ports get a port unreachable that quotes them (built with `Repr::emit`).
//!
//! ```text
//! target/debug/examples/responder --hex packets.txt     # one hex IPv4 packet per line
//! sudo target/debug/examples/responder --listen 60      # raw sockets, for 60 seconds
//! ```
//!
//! `--hex FILE` (`-` for standard input) prints, for each input packet, the hex of the IPv4
//! packet to send back, or `-` when none is due. `--listen SECONDS` answers live traffic on raw
//! sockets (root): run it where the kernel does not answer itself (for example with
//! `net.ipv4.icmp_echo_ignore_all=1`). `--open PORT` (repeatable) marks UDP ports as open;
//! `--quote rfc792|rfc1812` chooses how much of the datagram to quote (RFC 1812 by default);
//! `--mark N` sets SO_MARK on what it sends (so a firewall can tell its answers from the
//! kernel's).

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use std::io::{BufRead, BufReader, Read};
use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use icmpwire::checksum;
use icmpwire::v4::{DestinationUnreachableRepr, Message, Repr, UnreachableCode};
use icmpwire::{QuoteLimit, protocol, quote_datagram};
use shared::Args;
use socket2::{Domain, Protocol, Socket, Type};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("responder: {e}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    open: Vec<u16>,
    limit: QuoteLimit,
    mark: Option<u32>,
}

fn run() -> Result<(), String> {
    let mut a = Args::from_env();
    let hex: Option<String> = a.value(&["--hex"])?;
    let listen: Option<u64> = a.value(&["--listen"])?;
    let mut open = Vec::new();
    while let Some(p) = a.value::<u16>(&["--open"])? {
        open.push(p);
    }
    let limit = match a.value::<String>(&["--quote"])?.as_deref() {
        None | Some("rfc1812") => QuoteLimit::Rfc1812,
        Some("rfc792") => QuoteLimit::Rfc792,
        Some(o) => return Err(format!("--quote takes rfc792 or rfc1812, not {o}")),
    };
    let mark = match a.value::<String>(&["--mark"])? {
        None => None,
        Some(m) => {
            let v = match m.strip_prefix("0x") {
                Some(hex) => u32::from_str_radix(hex, 16),
                None => m.parse(),
            };
            Some(v.map_err(|_| format!("bad --mark {m}"))?)
        }
    };
    if !a.positional().is_empty() {
        return Err("usage: responder (--hex FILE | --listen SECONDS) [--open PORT]... [--quote rfc792|rfc1812] [--mark N]".into());
    }
    let opts = Options { open, limit, mark };
    match (hex, listen) {
        (Some(path), None) => run_hex(&path, &opts),
        (None, Some(secs)) => listen_loop(Duration::from_secs(secs), &opts),
        _ => Err("give exactly one of --hex FILE and --listen SECONDS".into()),
    }
}

/// The answer to one IPv4 packet, if one is due.
fn answer(packet: &[u8], opts: &Options) -> Option<Vec<u8>> {
    let ihl = usize::from(packet.first()? & 0x0F) * 4;
    if packet.first()? >> 4 != 4 || ihl < 20 || packet.len() < ihl {
        return None;
    }
    let src = Ipv4Addr::new(packet[12], packet[13], packet[14], packet[15]);
    let dst = Ipv4Addr::new(packet[16], packet[17], packet[18], packet[19]);
    let fragment = u16::from_be_bytes([packet[6], packet[7]]) & 0x3FFF != 0;
    match packet[9] {
        protocol::ICMP if !fragment => {
            // The reply is the request, changed in place: addresses swapped, then the ICMP
            // type turned into a reply with an incremental checksum update.
            let mut reply = packet.to_vec();
            let Ok(Message::EchoRequest(mut echo)) = Message::parse(&mut reply[ihl..]) else {
                return None;
            };
            echo.make_reply();
            reply[12..16].copy_from_slice(&dst.octets());
            reply[16..20].copy_from_slice(&src.octets());
            reply[8] = 64;
            reply[10..12].fill(0);
            let c = checksum::internet_checksum(&reply[..ihl]);
            reply[10..12].copy_from_slice(&c.to_be_bytes());
            Some(reply)
        }
        protocol::UDP if !fragment => {
            let port = u16::from_be_bytes([*packet.get(ihl + 2)?, *packet.get(ihl + 3)?]);
            if opts.open.contains(&port) {
                return None;
            }
            let repr = Repr::DestinationUnreachable(DestinationUnreachableRepr {
                code: UnreachableCode::PORT_UNREACHABLE,
                quote: quote_datagram(packet, opts.limit),
                ..Default::default()
            });
            let mut out = vec![0u8; 20 + repr.buffer_len()];
            let n = repr.emit(&mut out[20..]).ok()?;
            out[..20].copy_from_slice(&shared::ipv4_header(
                dst,
                src,
                protocol::ICMP,
                64,
                false,
                0,
                n,
            ));
            Some(out)
        }
        _ => None,
    }
}

fn run_hex(path: &str, opts: &Options) -> Result<(), String> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    for (i, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| e.to_string())?;
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        if text.len() % 2 != 0 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format!("line {}: not hex", i + 1));
        }
        let packet: Vec<u8> = (0..text.len() / 2)
            .filter_map(|k| u8::from_str_radix(&text[2 * k..2 * k + 2], 16).ok())
            .collect();
        match answer(&packet, opts) {
            Some(reply) => println!(
                "{}",
                reply.iter().map(|b| format!("{b:02x}")).collect::<String>()
            ),
            None => println!("-"),
        }
    }
    Ok(())
}

/// Live: a raw ICMP socket (echo requests) and a raw UDP socket (datagrams to closed ports);
/// answers go out through the ICMP socket with our own IPv4 header.
fn listen_loop(duration: Duration, opts: &Options) -> Result<(), String> {
    let icmp: std::net::UdpSocket = {
        let s = Socket::new(Domain::IPV4, Type::RAW, Some(Protocol::ICMPV4))
            .map_err(|e| format!("raw ICMP socket: {e}"))?;
        s.set_header_included_v4(true).map_err(|e| e.to_string())?;
        if let Some(m) = opts.mark {
            s.set_mark(m).map_err(|e| format!("SO_MARK: {e}"))?;
        }
        s.into()
    };
    let udp: std::net::UdpSocket = Socket::new(Domain::IPV4, Type::RAW, Some(Protocol::UDP))
        .map_err(|e| format!("raw UDP socket: {e}"))?
        .into();
    let end = Instant::now() + duration;
    let mut buf = vec![0u8; 65_536];
    let (mut echoes, mut unreachables) = (0u32, 0u32);
    while Instant::now() < end {
        for (sock, is_icmp) in [(&icmp, true), (&udp, false)] {
            shared::set_wait(sock, Duration::from_millis(20)).map_err(|e| e.to_string())?;
            let n = match sock.recv_from(&mut buf) {
                Ok((n, _)) => n,
                Err(e) if shared::timed_out(&e) => continue,
                Err(e) => return Err(e.to_string()),
            };
            let packet = &buf[..n];
            // Our own port unreachables come back on the ICMP socket: only requests matter.
            if let Some(reply) = answer(packet, opts) {
                let dst = Ipv4Addr::new(reply[16], reply[17], reply[18], reply[19]);
                icmp.send_to(&reply, SocketAddr::from((dst, 0)))
                    .map_err(|e| e.to_string())?;
                if is_icmp {
                    echoes += 1
                } else {
                    unreachables += 1
                }
            }
        }
    }
    eprintln!(
        "responder: answered {echoes} echo requests and {unreachables} datagrams to closed ports"
    );
    Ok(())
}

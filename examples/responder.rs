//! An ICMP responder on `icmpwire::stack::Responder`, the way a userspace stack would use it:
//! echo replies (IPv4 and IPv6), timestamp replies, RFC 8335 PROBE replies about its own
//! interface, port unreachables for UDP to closed ports, each under the RFC rules on errors and
//! a rate limit.
//!
//! ```text
//! target/debug/examples/responder --hex packets.txt           # one hex IP packet per line
//! sudo ip tuntap add dev tun9 mode tun && sudo ip link set tun9 up
//! sudo ip route add 198.51.100.99/32 dev tun9
//! sudo target/debug/examples/responder --tun tun9 --ipv4 198.51.100.99 --seconds 60
//! sudo target/debug/examples/responder --listen 60           # raw sockets, IPv4
//! ```
//!
//! `--hex FILE` (`-` for standard input) prints, for each input packet (IPv4 or IPv6), the hex
//! of the packet to send back, or `-` and the reason none is due. `--tun IFNAME` answers the
//! packets the kernel routes into an existing TUN device for the addresses `--ipv4 ADDR` and
//! `--ipv6 ADDR`. `--listen SECONDS` answers live IPv4 traffic on raw sockets (root): run it
//! where the kernel does not answer itself (`net.ipv4.icmp_echo_ignore_all=1`), with `--mark N`
//! setting SO_MARK on what it sends so that a firewall can tell its answers from the kernel's.
//! `--open PORT` (repeatable) marks UDP ports as open; `--quote rfc792|rfc1812` chooses how much
//! of a datagram an ICMPv4 error quotes (RFC 1812 by default); `--error-rate N` bounds the
//! errors per second (and the burst) (1000 by default); `--probe` answers extended echo
//! requests about the TUN device (by name, index or address); `--seconds S` ends `--tun` after
//! S seconds. On exit it prints what it answered and why it did not, on standard error.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // example programs, not the library

#[path = "shared/mod.rs"]
mod shared;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use icmpwire::QuoteLimit;
use icmpwire::extension::{InterfaceAddress, InterfaceIdentification};
use icmpwire::stack::{Host, InterfaceState, NoAnswer, PerDestination, Responder, TokenBucket};
use icmpwire::v4::ExtendedEchoReplyCode;
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

/// The host the responder answers for.
struct Me {
    /// Its IPv4 address; any address when `None` (raw sockets see only what is the host's).
    ipv4: Option<Ipv4Addr>,
    ipv6: Option<Ipv6Addr>,
    open: Vec<u16>,
    probe: bool,
    /// The TUN device's name and index, for PROBE.
    device: Option<(String, u32)>,
}

impl Host for Me {
    fn is_local_v4(&self, a: Ipv4Addr) -> bool {
        self.ipv4.is_none_or(|mine| mine == a)
    }
    fn is_local_v6(&self, a: Ipv6Addr) -> bool {
        self.ipv6 == Some(a)
    }
    /// Every IPv6 node has joined all-nodes (RFC 4291 section 2.7.1): an echo request to it is
    /// answered from the one address this responder has (RFC 4443 section 4.2).
    fn group_source_v6(&self, group: Ipv6Addr) -> Option<Ipv6Addr> {
        if group == Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1) {
            self.ipv6
        } else {
            None
        }
    }
    /// Every IPv4 multicast host has joined all-systems (RFC 1112): an echo request to it is
    /// answered from the responder's address (RFC 1122 section 3.2.1.3), when it has one.
    fn specific_destination_v4(&self, dst: Ipv4Addr) -> Option<Ipv4Addr> {
        if dst == Ipv4Addr::new(224, 0, 0, 1) {
            self.ipv4
        } else {
            None
        }
    }
    fn udp_port_open(&self, _: IpAddr, port: u16) -> bool {
        self.open.contains(&port)
    }
    fn timestamp(&self) -> Option<u32> {
        let now = SystemTime::now().duration_since(UNIX_EPOCH).ok()?;
        Some((now.as_millis() % 86_400_000) as u32)
    }
    fn probe_enabled(&self) -> bool {
        self.probe
    }
    fn interface(
        &self,
        which: InterfaceIdentification<'_>,
    ) -> Result<InterfaceState, ExtendedEchoReplyCode> {
        let Some((name, index)) = &self.device else {
            return Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE);
        };
        let ours = match which {
            InterfaceIdentification::Name(n) => n == name.as_bytes(),
            InterfaceIdentification::Index(i) => i == *index,
            InterfaceIdentification::Address { address, .. } => match address {
                InterfaceAddress::V4(a) => Some(a) == self.ipv4,
                InterfaceAddress::V6(a) => Some(a) == self.ipv6,
                _ => false,
            },
            _ => false,
        };
        if !ours {
            return Err(ExtendedEchoReplyCode::NO_SUCH_INTERFACE);
        }
        Ok(InterfaceState {
            active: true,
            ipv4: self.ipv4.is_some(),
            ipv6: self.ipv6.is_some(),
        })
    }
}

/// What was answered, and why not, by kind and reason.
#[derive(Default)]
struct Tally(BTreeMap<String, u64>);

impl Tally {
    fn count(&mut self, what: String) {
        *self.0.entry(what).or_default() += 1;
    }
    fn line(&self) -> String {
        let parts: Vec<String> = self.0.iter().map(|(k, n)| format!("{n} {k}")).collect();
        format!("responder: {}", parts.join(", "))
    }
}

/// The answer to one packet: its bytes, or the reason there is none (counted).
fn answer(
    r: &mut Responder<64>,
    me: &Me,
    packet: &[u8],
    start: Instant,
    tally: &mut Tally,
) -> Option<Vec<u8>> {
    let mut out = vec![0u8; 1500];
    match r.respond(me, packet, false, start.elapsed(), &mut out) {
        Ok(a) => {
            tally.count(a.kind.to_string());
            out.truncate(a.len);
            Some(out)
        }
        Err(e) => {
            let why = match e {
                NoAnswer::Packet(_) => "unreadable".to_string(),
                NoAnswer::NotForUs(_) => "not for us".to_string(),
                e => e.to_string(),
            };
            tally.count(format!("without answer ({why})"));
            None
        }
    }
}

fn run() -> Result<(), String> {
    let mut a = Args::from_env();
    let hex: Option<String> = a.value(&["--hex"])?;
    let listen: Option<u64> = a.value(&["--listen"])?;
    let tun: Option<String> = a.value(&["--tun"])?;
    let ipv4: Option<Ipv4Addr> = a.value(&["--ipv4"])?;
    let ipv6: Option<Ipv6Addr> = a.value(&["--ipv6"])?;
    let seconds: Option<u64> = a.value(&["--seconds"])?;
    let rate: u32 = a.value(&["--error-rate"])?.unwrap_or(1000);
    let probe = a.flag(&["--probe"]);
    let mut open = Vec::new();
    while let Some(p) = a.value::<u16>(&["--open"])? {
        open.push(p);
    }
    let quote = match a.value::<String>(&["--quote"])?.as_deref() {
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
        return Err("usage: responder (--hex FILE | --tun IFNAME | --listen SECONDS) [--ipv4 ADDR] [--ipv6 ADDR] [--open PORT]... [--quote rfc792|rfc1812] [--error-rate N] [--probe] [--seconds S] [--mark N]".into());
    }
    let mut r: Responder<64> = Responder::new(
        TokenBucket::new(rate, rate),
        PerDestination::new(rate, rate),
    );
    r.quote = quote;
    let me = Me {
        ipv4,
        ipv6,
        open,
        probe,
        device: None,
    };
    match (hex, tun, listen) {
        (Some(path), None, None) => run_hex(&path, &mut r, &me),
        (None, Some(name), None) => run_tun(&name, seconds, r, me),
        (None, None, Some(secs)) => listen_loop(Duration::from_secs(secs), &mut r, &me, mark),
        _ => Err("give exactly one of --hex FILE, --tun IFNAME and --listen SECONDS".into()),
    }
}

fn run_hex(path: &str, r: &mut Responder<64>, me: &Me) -> Result<(), String> {
    let reader: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    let start = Instant::now();
    let mut tally = Tally::default();
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
        let mut out = vec![0u8; 1500];
        match r.respond(me, &packet, false, start.elapsed(), &mut out) {
            Ok(a) => println!(
                "{}",
                out[..a.len]
                    .iter()
                    .map(|b| format!("{b:02x}"))
                    .collect::<String>()
            ),
            Err(e) => println!("- {e}"),
        }
        tally.count("packets".into());
    }
    Ok(())
}

/// The packets the kernel routes into the TUN device `name`, answered into it.
fn run_tun(
    name: &str,
    seconds: Option<u64>,
    mut r: Responder<64>,
    mut me: Me,
) -> Result<(), String> {
    if me.ipv4.is_none() && me.ipv6.is_none() {
        return Err("--tun needs --ipv4 ADDR or --ipv6 ADDR".into());
    }
    let index = std::fs::read_to_string(format!("/sys/class/net/{name}/ifindex"))
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(0);
    me.device = Some((name.to_string(), index));
    let mut config = tun::Configuration::default();
    config.tun_name(name).layer(tun::Layer::L3);
    let mut device = tun::create(&config).map_err(|e| format!("TUN device {name}: {e}"))?;
    let tally = Arc::new(Mutex::new(Tally::default()));
    if let Some(s) = seconds {
        let tally = Arc::clone(&tally);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(s));
            eprintln!("{}", tally.lock().map(|t| t.line()).unwrap_or_default());
            std::process::exit(0);
        });
    }
    eprintln!(
        "responder: answering on {name} for {}",
        [me.ipv4.map(IpAddr::V4), me.ipv6.map(IpAddr::V6)]
            .iter()
            .flatten()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join(" and ")
    );
    let start = Instant::now();
    let mut buf = vec![0u8; 65_536];
    loop {
        let n = device
            .read(&mut buf)
            .map_err(|e| format!("reading {name}: {e}"))?;
        let reply = {
            let mut t = tally.lock().map_err(|_| "tally poisoned")?;
            answer(&mut r, &me, &buf[..n], start, &mut t)
        };
        if let Some(reply) = reply {
            device
                .write_all(&reply)
                .map_err(|e| format!("writing {name}: {e}"))?;
        }
    }
}

/// Live: a raw ICMP socket (echo and other requests) and a raw UDP socket (datagrams to closed
/// ports); answers go out through the ICMP socket with their own IPv4 header.
fn listen_loop(
    duration: Duration,
    r: &mut Responder<64>,
    me: &Me,
    mark: Option<u32>,
) -> Result<(), String> {
    // Linux's veth and loopback hand raw sockets a checksum offload's partial sum, which the
    // kernel trusts: so does the responder here.
    r.verify_udp_checksum = false;
    let icmp: std::net::UdpSocket = {
        let s = Socket::new(Domain::IPV4, Type::RAW, Some(Protocol::ICMPV4))
            .map_err(|e| format!("raw ICMP socket: {e}"))?;
        s.set_header_included_v4(true).map_err(|e| e.to_string())?;
        if let Some(m) = mark {
            s.set_mark(m).map_err(|e| format!("SO_MARK: {e}"))?;
        }
        s.into()
    };
    let udp: std::net::UdpSocket = Socket::new(Domain::IPV4, Type::RAW, Some(Protocol::UDP))
        .map_err(|e| format!("raw UDP socket: {e}"))?
        .into();
    let start = Instant::now();
    let end = start + duration;
    let mut buf = vec![0u8; 65_536];
    let mut tally = Tally::default();
    while Instant::now() < end {
        for sock in [&icmp, &udp] {
            shared::set_wait(sock, Duration::from_millis(20)).map_err(|e| e.to_string())?;
            let n = match sock.recv_from(&mut buf) {
                Ok((n, _)) => n,
                Err(e) if shared::timed_out(&e) => continue,
                Err(e) => return Err(e.to_string()),
            };
            if let Some(reply) = answer(r, me, &buf[..n], start, &mut tally) {
                let dst = Ipv4Addr::new(reply[16], reply[17], reply[18], reply[19]);
                icmp.send_to(&reply, SocketAddr::from((dst, 0)))
                    .map_err(|e| e.to_string())?;
            }
        }
    }
    eprintln!("{}", tally.line());
    Ok(())
}

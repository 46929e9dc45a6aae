//! Code the network examples share: ICMP and ICMPv6 sockets (`sock`: raw when allowed, the
//! unprivileged "ping" datagram socket otherwise), an IPv4 header, the names of errors.
//! Safe code only: socket2 configures the socket, which is then used as a std `UdpSocket`
//! (whose `send_to`/`recv_from` work on any datagram or raw socket).

#![allow(dead_code)]

mod sock;
#[allow(unused_imports)] // the responder uses none of them
pub(crate) use sock::{Event, IcmpSocket, source_for as source_for_ip};

use std::io;
use std::net::{IpAddr, Ipv4Addr, ToSocketAddrs, UdpSocket};
use std::time::Duration;

use icmpwire::checksum::internet_checksum;

/// How an ICMP socket was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// SOCK_RAW with IP_HDRINCL: we write the IPv4 header (TTL, DF) and read every ICMP message
    /// the host receives, errors from routers included. Needs root or CAP_NET_RAW.
    Raw,
    /// SOCK_DGRAM, IPPROTO_ICMP (Linux "ping socket", allowed by net.ipv4.ping_group_range): the
    /// kernel writes the IPv4 header and the echo identifier, and delivers only our replies.
    Datagram,
}

/// An IPv4 header (RFC 791) for `payload_len` bytes of `protocol`, with `options` (a multiple
/// of 4 bytes, as `v4::write_ipv4_options` writes them) after its first 20, checksum filled in.
#[allow(clippy::too_many_arguments)]
pub(crate) fn ipv4_header(
    src: Ipv4Addr,
    dst: Ipv4Addr,
    protocol: u8,
    ttl: u8,
    dont_fragment: bool,
    id: u16,
    options: &[u8],
    payload_len: usize,
) -> Vec<u8> {
    assert!(
        options.len().is_multiple_of(4) && options.len() <= 40,
        "IPv4 options are whole 32-bit words, at most 40 bytes"
    );
    let len = 20 + options.len();
    let total = u16::try_from(len + payload_len).unwrap_or(u16::MAX);
    let mut h = vec![0u8; len];
    h[0] = 0x40 | (len / 4) as u8;
    h[20..].copy_from_slice(options);
    h[2..4].copy_from_slice(&total.to_be_bytes());
    h[4..6].copy_from_slice(&id.to_be_bytes());
    if dont_fragment {
        h[6] = 0x40;
    }
    h[8] = ttl;
    h[9] = protocol;
    h[12..16].copy_from_slice(&src.octets());
    h[16..20].copy_from_slice(&dst.octets());
    let c = internet_checksum(&h);
    h[10..12].copy_from_slice(&c.to_be_bytes());
    h
}

/// Sets how long a receive may block (at least 1 ms: zero would mean forever).
pub(crate) fn set_wait(socket: &UdpSocket, wait: Duration) -> io::Result<()> {
    socket.set_read_timeout(Some(wait.max(Duration::from_millis(1))))
}

/// Whether a receive error only means the wait ran out.
pub(crate) fn timed_out(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
    )
}

/// Simple `-x value` argument parsing for the examples.
pub(crate) struct Args {
    rest: Vec<String>,
}

impl Args {
    pub(crate) fn from_env() -> Self {
        Args {
            rest: std::env::args().skip(1).collect(),
        }
    }

    /// Takes `flag` (with no value) if present.
    pub(crate) fn flag(&mut self, names: &[&str]) -> bool {
        match self.rest.iter().position(|a| names.contains(&a.as_str())) {
            Some(i) => {
                self.rest.remove(i);
                true
            }
            None => false,
        }
    }

    /// Takes `flag VALUE` if present, parsed.
    pub(crate) fn value<T: std::str::FromStr>(
        &mut self,
        names: &[&str],
    ) -> Result<Option<T>, String> {
        let Some(i) = self.rest.iter().position(|a| names.contains(&a.as_str())) else {
            return Ok(None);
        };
        if i + 1 >= self.rest.len() {
            return Err(format!("{} needs a value", self.rest[i]));
        }
        let v = self.rest.remove(i + 1);
        let flag = self.rest.remove(i);
        v.parse()
            .map(Some)
            .map_err(|_| format!("bad value for {flag}: {v}"))
    }

    /// The remaining positional arguments.
    pub(crate) fn positional(self) -> Vec<String> {
        self.rest
    }
}

/// Resolves a host name or address: IPv6 when `v6` is asked or the address is IPv6, IPv4
/// otherwise.
pub(crate) fn resolve_ip(host: &str, v6: bool) -> io::Result<IpAddr> {
    if let Ok(a) = host.parse::<IpAddr>() {
        if v6 && a.is_ipv4() {
            return Err(io::Error::other(format!("{host}: not an IPv6 address")));
        }
        return Ok(a);
    }
    (host, 0)
        .to_socket_addrs()?
        .map(|a| a.ip())
        .find(|a| a.is_ipv6() == v6)
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{host}: no address")))
}

/// An ICMP or ICMPv6 error as iputils' ping names it, from its type, code and information
/// (the MTU of fragmentation needed or packet too big).
pub(crate) fn error_text(v6: bool, ty: u8, code: u8, info: u32) -> String {
    if !v6 {
        use icmpwire::v4::{MessageType, code_name};
        let t = MessageType(ty);
        let mut s = format!("{t}");
        if let Some(name) = code_name(t, code).filter(|n| *n != "no code") {
            s = format!("{s} ({name})");
        }
        if ty == 3 && code == 4 {
            s = format!("{s}, mtu = {info}");
        }
        return s;
    }
    match (ty, code) {
        (1, 0) => "Destination unreachable: No route".into(),
        (1, 1) => "Destination unreachable: Administratively prohibited".into(),
        (1, 2) => "Destination unreachable: Beyond scope of source address".into(),
        (1, 3) => "Destination unreachable: Address unreachable".into(),
        (1, 4) => "Destination unreachable: Port unreachable".into(),
        (1, 5) => "Destination unreachable: Source address failed ingress/egress policy".into(),
        (1, 6) => "Destination unreachable: Reject route to destination".into(),
        (2, _) => format!("Packet too big: mtu={info}"),
        (3, 0) => "Time exceeded: Hop limit".into(),
        (3, 1) => "Time exceeded: Defrag failure".into(),
        (4, 0) => format!("Parameter problem: Wrong header field {info}"),
        (4, 1) => format!("Parameter problem: Unknown header {info}"),
        (4, 2) => format!("Parameter problem: Unknown option {info}"),
        (t, c) => format!("ICMPv6 error type {t} code {c}"),
    }
}

//! Code the network examples share: opening an ICMP socket (raw when allowed, the unprivileged
//! "ping" datagram socket otherwise), building an IPv4 header, and splitting received packets.
//! Safe code only: socket2 configures the socket, which is then used as a std `UdpSocket`
//! (whose `send_to`/`recv_from` work on any datagram or raw socket).

#![allow(dead_code)]

use icmpwire::AnyMessage;
use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs, UdpSocket};
use std::time::Duration;

use icmpwire::checksum::internet_checksum;
use socket2::{Domain, Protocol, Socket, Type};

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

/// Opens an ICMP socket: raw if possible, else a ping socket (unless `raw_only`).
pub(crate) fn open_icmp(raw_only: bool) -> io::Result<(UdpSocket, Mode)> {
    match Socket::new(Domain::IPV4, Type::RAW, Some(Protocol::ICMPV4)) {
        Ok(s) => {
            s.set_header_included_v4(true)?;
            Ok((s.into(), Mode::Raw))
        }
        Err(e) if raw_only => Err(e),
        Err(_) => {
            let s = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::ICMPV4))?;
            Ok((s.into(), Mode::Datagram))
        }
    }
}

/// Resolves a host name or address to an IPv4 address.
pub(crate) fn resolve(host: &str) -> io::Result<Ipv4Addr> {
    if let Ok(a) = host.parse::<Ipv4Addr>() {
        return Ok(a);
    }
    (host, 0)
        .to_socket_addrs()?
        .find_map(|a| match a.ip() {
            IpAddr::V4(v4) => Some(v4),
            IpAddr::V6(_) => None,
        })
        .ok_or_else(|| io::Error::new(io::ErrorKind::NotFound, format!("{host}: no IPv4 address")))
}

/// The local address the kernel would use to reach `dst` (a connected UDP socket tells).
pub(crate) fn source_for(dst: Ipv4Addr) -> io::Result<Ipv4Addr> {
    let s = UdpSocket::bind("0.0.0.0:0")?;
    s.connect((dst, 9))?;
    match s.local_addr()?.ip() {
        IpAddr::V4(a) => Ok(a),
        IpAddr::V6(_) => Err(io::Error::other("no IPv4 source")),
    }
}

/// A 20-byte IPv4 header (RFC 791) for `payload_len` bytes of `protocol`, checksum filled in.
pub(crate) fn ipv4_header(
    src: Ipv4Addr,
    dst: Ipv4Addr,
    protocol: u8,
    ttl: u8,
    dont_fragment: bool,
    id: u16,
    payload_len: usize,
) -> [u8; 20] {
    let total = u16::try_from(20 + payload_len).unwrap_or(u16::MAX);
    let mut h = [0u8; 20];
    h[0] = 0x45;
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

/// A received packet: the sender, the TTL it arrived with (raw sockets only) and the ICMP
/// message.
pub(crate) struct Received<'a> {
    pub(crate) from: Ipv4Addr,
    pub(crate) ttl: Option<u8>,
    pub(crate) icmp: &'a [u8],
}

/// Splits what `recv_from` returned into sender, TTL and ICMP message.
pub(crate) fn split<'a>(mode: Mode, packet: &'a [u8], from: SocketAddr) -> Option<Received<'a>> {
    let from_ip = match from.ip() {
        IpAddr::V4(a) => a,
        IpAddr::V6(_) => return None,
    };
    match mode {
        Mode::Datagram => Some(Received {
            from: from_ip,
            ttl: None,
            icmp: packet,
        }),
        Mode::Raw => {
            let ihl = usize::from(packet.first()? & 0x0F) * 4;
            let src = Ipv4Addr::new(
                *packet.get(12)?,
                *packet.get(13)?,
                *packet.get(14)?,
                *packet.get(15)?,
            );
            Some(Received {
                from: src,
                ttl: packet.get(8).copied(),
                icmp: packet.get(ihl..)?,
            })
        }
    }
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

/// A name for an ICMP error as ping and traceroute users know it.
pub(crate) fn error_name(msg: &icmpwire::v4::Message<&[u8]>) -> String {
    use icmpwire::v4::{Message, code_name};
    let ty = msg.message_type();
    let code = msg.code_u8();
    let mut s = format!("{ty}");
    if let Some(name) = code_name(ty, code).filter(|n| *n != "no code") {
        s = format!("{s} ({name})");
    }
    if let Message::DestinationUnreachable(m) = msg
        && code == 4
    {
        s = format!("{s}, mtu = {}", m.next_hop_mtu());
    }
    s
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

//! ICMP and ICMPv6 sockets for ping and traceroute: raw when allowed, the unprivileged Linux
//! ping socket otherwise. Received through `recvmsg` (nix) so that the TTL or hop limit comes
//! with every message (`IP_RECVTTL`, `IPV6_RECVHOPLIMIT`; a raw IPv4 socket has it in the
//! header), and, on a ping socket, the routers' errors come from the error queue
//! (`IP_RECVERR`, `IPV6_RECVERR`): the kernel gives their type, code, information (the MTU)
//! and sender, and the datagram that caused them.

use std::io::{self, IoSliceMut};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, UdpSocket};
use std::os::fd::AsRawFd;
use std::time::Duration;

use nix::errno::Errno;
use nix::sys::socket::{
    ControlMessageOwned, MsgFlags, SockaddrStorage, recvmsg, setsockopt, sockopt,
};
use socket2::{Domain, Protocol, Socket, Type};

use super::Mode;

/// An ICMP (IPv4) or ICMPv6 socket.
pub(crate) struct IcmpSocket {
    pub(crate) socket: UdpSocket,
    pub(crate) v6: bool,
    pub(crate) mode: Mode,
}

/// What a receive gave.
pub(crate) enum Event {
    /// An ICMP or ICMPv6 message, its sender, the TTL or hop limit it arrived with, and the
    /// options of its IPv4 header (a raw IPv4 socket's only; empty otherwise).
    Message {
        from: IpAddr,
        hops: Option<u8>,
        icmp: Vec<u8>,
        options: Vec<u8>,
    },
    /// An error the kernel queued for a ping socket: who sent it, its type, code and
    /// information (the MTU of a packet too big or fragmentation needed), and the ICMP message
    /// we had sent.
    Queued {
        from: Option<IpAddr>,
        icmp_type: u8,
        code: u8,
        info: u32,
        sent: Vec<u8>,
    },
}

impl IcmpSocket {
    /// A raw socket if allowed (IPv4: we write the IP header), else a ping socket (unless
    /// `raw_only`), set up to report the TTL or hop limit, and errors on a ping socket.
    pub(crate) fn open(v6: bool, raw_only: bool) -> io::Result<IcmpSocket> {
        let (domain, protocol) = if v6 {
            (Domain::IPV6, Protocol::ICMPV6)
        } else {
            (Domain::IPV4, Protocol::ICMPV4)
        };
        let (socket, mode) = match Socket::new(domain, Type::RAW, Some(protocol)) {
            Ok(s) => (s, Mode::Raw),
            Err(e) if raw_only => return Err(e),
            Err(_) => (
                Socket::new(domain, Type::DGRAM, Some(protocol))?,
                Mode::Datagram,
            ),
        };
        match (v6, mode) {
            (false, Mode::Raw) => socket.set_header_included_v4(true)?,
            (false, Mode::Datagram) => {
                setsockopt(&socket, sockopt::Ipv4RecvTtl, &true)?;
                setsockopt(&socket, sockopt::Ipv4RecvErr, &true)?;
            }
            (true, _) => {
                setsockopt(&socket, sockopt::Ipv6RecvHopLimit, &true)?;
                if mode == Mode::Datagram {
                    setsockopt(&socket, sockopt::Ipv6RecvErr, &true)?;
                }
            }
        }
        Ok(IcmpSocket {
            socket: socket.into(),
            v6,
            mode,
        })
    }

    /// Sets the TTL or hop limit of what the socket sends (a raw IPv4 socket's header has its
    /// own).
    pub(crate) fn set_hops(&self, hops: u8) -> io::Result<()> {
        let s = socket2::SockRef::from(&self.socket);
        if self.v6 {
            s.set_unicast_hops_v6(u32::from(hops))
        } else {
            s.set_ttl_v4(u32::from(hops))
        }
    }

    /// Sends `bytes` (with its IPv4 header on a raw IPv4 socket) to `dst`.
    pub(crate) fn send(&self, bytes: &[u8], dst: IpAddr) -> io::Result<usize> {
        self.socket.send_to(bytes, SocketAddr::new(dst, 0))
    }

    /// The next message or queued error within `wait`; `None` when the wait runs out.
    pub(crate) fn recv(&self, buf: &mut [u8], wait: Duration) -> io::Result<Option<Event>> {
        if self.mode == Mode::Datagram
            && let Some(e) = self.queued()?
        {
            return Ok(Some(e));
        }
        super::set_wait(&self.socket, wait)?;
        let mut cmsg = vec![0u8; 512];
        let mut iov = [IoSliceMut::new(buf)];
        let fd = self.socket.as_raw_fd();
        let (n, from, hops) =
            match recvmsg::<SockaddrStorage>(fd, &mut iov, Some(&mut cmsg), MsgFlags::empty()) {
                Ok(m) => {
                    let hops = m.cmsgs().into_iter().flatten().find_map(|c| match c {
                        ControlMessageOwned::Ipv4Ttl(t) => u8::try_from(t).ok(),
                        ControlMessageOwned::Ipv6HopLimit(h) => u8::try_from(h).ok(),
                        _ => None,
                    });
                    (m.bytes, m.address.and_then(|a| ip_of(&a)), hops)
                }
                Err(Errno::EAGAIN) => return Ok(None),
                // A ping socket reports a queued error on the normal receive first.
                Err(_) if self.mode == Mode::Datagram => return self.queued(),
                Err(e) => return Err(e.into()),
            };
        let packet = &buf[..n];
        let Some(from) = from else { return Ok(None) };
        Ok(Some(match (self.v6, self.mode) {
            // A raw IPv4 socket gives the whole datagram: the TTL is in its header.
            (false, Mode::Raw) => {
                let ihl = usize::from(packet.first().copied().unwrap_or(0) & 0x0F) * 4;
                Event::Message {
                    from,
                    hops: packet.get(8).copied(),
                    icmp: packet.get(ihl..).unwrap_or_default().to_vec(),
                    options: packet.get(20..ihl).unwrap_or_default().to_vec(),
                }
            }
            _ => Event::Message {
                from,
                hops,
                icmp: packet.to_vec(),
                options: Vec::new(),
            },
        }))
    }

    /// An error from a ping socket's error queue, if one is there.
    fn queued(&self) -> io::Result<Option<Event>> {
        let mut data = vec![0u8; 2048];
        let mut cmsg = vec![0u8; 512];
        let mut iov = [IoSliceMut::new(&mut data)];
        let fd = self.socket.as_raw_fd();
        let flags = MsgFlags::MSG_ERRQUEUE | MsgFlags::MSG_DONTWAIT;
        let (n, event) = match recvmsg::<SockaddrStorage>(fd, &mut iov, Some(&mut cmsg), flags) {
            Ok(m) => {
                let event = m.cmsgs().into_iter().flatten().find_map(|c| match c {
                    ControlMessageOwned::Ipv4RecvErr(e, offender) => Some((
                        e,
                        offender
                            .map(|o| IpAddr::V4(Ipv4Addr::from(u32::from_be(o.sin_addr.s_addr)))),
                    )),
                    ControlMessageOwned::Ipv6RecvErr(e, offender) => Some((
                        e,
                        offender.map(|o| IpAddr::V6(Ipv6Addr::from(o.sin6_addr.s6_addr))),
                    )),
                    _ => None,
                });
                (m.bytes, event)
            }
            Err(Errno::EAGAIN) => return Ok(None),
            Err(e) => return Err(e.into()),
        };
        // Only errors an ICMP message brought (origin 2, or 3 for ICMPv6), not local ones.
        Ok(event
            .filter(|(e, _)| matches!(e.ee_origin, 2 | 3))
            .map(|(e, from)| Event::Queued {
                from,
                icmp_type: e.ee_type,
                code: e.ee_code,
                info: e.ee_info,
                sent: data[..n].to_vec(),
            }))
    }
}

/// The IP address of a socket address.
fn ip_of(a: &SockaddrStorage) -> Option<IpAddr> {
    if let Some(v4) = a.as_sockaddr_in() {
        return Some(IpAddr::V4(v4.ip()));
    }
    a.as_sockaddr_in6().map(|v6| IpAddr::V6(v6.ip()))
}

/// The local address the kernel would use to reach `dst` (a connected UDP socket tells).
pub(crate) fn source_for(dst: IpAddr) -> io::Result<IpAddr> {
    let any: SocketAddr = if dst.is_ipv6() {
        "[::]:0".parse().map_err(io::Error::other)?
    } else {
        "0.0.0.0:0".parse().map_err(io::Error::other)?
    };
    let s = UdpSocket::bind(any)?;
    s.connect((dst, 9))?;
    Ok(s.local_addr()?.ip())
}

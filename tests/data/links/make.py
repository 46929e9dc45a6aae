#!/usr/bin/env python3
"""Write the link-type / tunnel / odd-record test captures of this directory.

    python3 tests/data/links/make.py      # deterministic, byte-identical output

Packets are built with scapy (2.8.0).  Classic pcap goes through scapy's
RawPcapWriter with an explicit byte order.  Headers scapy has no class for,
and files that break the format on purpose, are packed by hand, each with a
comment citing its format.  pcapng is packed by hand (scapy's PcapNgWriter
cannot write SPBs, unknown options, if_tsresol, custom or unknown blocks,
several or big-endian sections); the packets inside are scapy's.

Documentation addresses only (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24,
2001:db8::/32, MACs 02:00:00:00:00:xx).  File number N = place in FILES:
echo identifier 0x1000 + N, sequence = frame number, payload names N and the
frame; timestamps T0 + 100*N s and 1000*frame + N us.  The oracle comes from
tshark (oracle.py), never from icmpwire.
"""

import os
import struct
import sys

import scapy
from scapy.config import conf

conf.verb = 0

from scapy.layers.l2 import Ether, Dot1Q, Dot1AD, Dot3, LLC, SNAP, GRE, CookedLinux, CookedLinuxV2
from scapy.layers.inet import IP, UDP, ICMP
from scapy.layers.inet6 import IPv6, ICMPv6EchoRequest, ICMPv6EchoReply, ICMPv6PacketTooBig
from scapy.layers.ppp import PPP, HDLC, PPPoE
from scapy.layers.dot11 import Dot11, Dot11QoS, RadioTap, PrismHeader
from scapy.layers.vxlan import VXLAN
from scapy.layers.eap import MACsecSCI
from scapy.contrib.geneve import GENEVE, GeneveOptions
from scapy.contrib.mpls import MPLS
from scapy.contrib.erspan import ERSPAN_I, ERSPAN_II, ERSPAN_III
from scapy.contrib.macsec import MACsec
from scapy.contrib.chdlc import CHDLC
from scapy.packet import Raw
from scapy.utils import RawPcapWriter

OUT = os.path.dirname(os.path.abspath(__file__))

T0 = 1700000000  # 2023-11-14T22:13:20Z

# ---- addresses ------------------------------------------------------------
M1, M2, M3 = "02:00:00:00:00:01", "02:00:00:00:00:02", "02:00:00:00:00:03"
M4, M5 = "02:00:00:00:00:04", "02:00:00:00:00:05"
A4, B4, R4 = "192.0.2.1", "198.51.100.2", "203.0.113.254"  # host, peer, router
T4A, T4B = "203.0.113.1", "203.0.113.2"  # tunnel end points
A6, B6, R6 = "2001:db8::1", "2001:db8::2", "2001:db8::fe"
T6A, T6B = "2001:db8:ffff::1", "2001:db8:ffff::2"

# ---- ICMP messages ----------------------------------------------------------


def ident(n):
    return 0x1000 + n


def payload(n, f, size=24):
    """Fixed echo payload naming file n, frame f; padded with a counter."""
    head = b"icmpwire f%02d #%d " % (n, f)
    return (head + bytes(range(256)))[:size]


def echo4(n, f, reply=False, size=24, src=A4, dst=B4):
    if reply:
        src, dst = dst, src
    return (IP(src=src, dst=dst, id=0x100 * n + f, ttl=64, flags="DF")
            / ICMP(type=0 if reply else 8, code=0, id=ident(n), seq=f)
            / Raw(payload(n, f, size)))


def echo6(n, f, reply=False, size=24, src=A6, dst=B6):
    if reply:
        src, dst = dst, src
    cls = ICMPv6EchoReply if reply else ICMPv6EchoRequest
    return IPv6(src=src, dst=dst, hlim=64) / cls(id=ident(n), seq=f, data=payload(n, f, size))


def probe4(n, f, size=12):
    """The UDP datagram an ICMP error quotes (a traceroute-style probe)."""
    return (IP(src=A4, dst=B4, id=0x100 * n + 0x80 + f, ttl=1)
            / UDP(sport=40000 + n, dport=33434 + f)
            / Raw((b"probe f%02d #%d " % (n, f) + bytes(range(256)))[:size]))


def probe6(n, f, size=12):
    return (IPv6(src=A6, dst=B6, hlim=1)
            / UDP(sport=40000 + n, dport=33434 + f)
            / Raw((b"probe f%02d #%d " % (n, f) + bytes(range(256)))[:size]))


def timex4(n, f, quote_size=12):
    """ICMP time exceeded in transit (type 11 code 0) quoting a UDP probe."""
    return IP(src=R4, dst=A4, id=0x100 * n + f, ttl=255) / ICMP(type=11, code=0) / probe4(n, f, quote_size)


def unreach4(n, f):
    """ICMP destination unreachable, port unreachable (type 3 code 3), quoting UDP."""
    return IP(src=B4, dst=A4, id=0x100 * n + f, ttl=64) / ICMP(type=3, code=3) / probe4(n, f)


def ptb6(n, f, mtu=1280):
    """ICMPv6 packet too big (type 2 code 0) quoting a UDP datagram."""
    return IPv6(src=R6, dst=A6, hlim=64) / ICMPv6PacketTooBig(mtu=mtu) / probe6(n, f)


def eth(l3, reverse=False, src=M1, dst=M2):
    """Ethernet II around an IPv4 or IPv6 packet."""
    if reverse:
        src, dst = dst, src
    etype = 0x86DD if isinstance(l3, IPv6) else 0x0800
    return Ether(src=src, dst=dst, type=etype) / l3


def af_type(l3):
    return 0x86DD if isinstance(l3, IPv6) else 0x0800


# ---- classic pcap writing ---------------------------------------------------


def stamp(n, f):
    """(seconds, microseconds) of frame f (1-based) of file n."""
    return T0 + 100 * n, 1000 * f + n


def write_pcap(name, linktype, frames, n, endian="<", nano=False, snaplen=65535):
    """frames: list of packets/bytes, or of (bytes, wirelen, sec, frac) tuples."""
    path = os.path.join(OUT, name)
    w = RawPcapWriter(path, linktype=linktype, endianness=endian, nano=nano, snaplen=snaplen)
    w.linktype = linktype  # scapy drops a falsy linktype (LINKTYPE_NULL is 0)
    w._write_header(None)  # write_packet() alone does not emit the file header
    for i, fr in enumerate(frames, 1):
        if isinstance(fr, tuple):
            data, wirelen, sec, frac = fr
        else:
            data, wirelen = bytes(fr), None
            sec, frac = stamp(n, i)
            if nano:
                frac = frac * 1000 + 123  # keep sub-microsecond digits visible
        w.write_packet(data, sec=sec, usec=frac, wirelen=wirelen)
    w.close()


def pcap_file_header(linktype, snaplen, endian="<", magic=0xA1B2C3D4):
    # pcap file header (draft-ietf-opsawg-pcap, section 4 "File Header"):
    # magic, version major 2, minor 4, reserved1 (thiszone), reserved2
    # (sigfigs), SnapLen, LinkType (FCS bits 0).
    return struct.pack(endian + "IHHiIII", magic, 2, 4, 0, 0, snaplen, linktype)


def pcap_record(data, sec, usec, caplen=None, wirelen=None, endian="<"):
    # pcap packet record (draft-ietf-opsawg-pcap, section 5 "Packet Record"):
    # timestamp seconds, timestamp (micro|nano)seconds, captured packet
    # length, original packet length, then the captured bytes.
    caplen = len(data) if caplen is None else caplen
    wirelen = caplen if wirelen is None else wirelen
    return struct.pack(endian + "IIII", sec, usec, caplen, wirelen) + data


# ---- hand-built link-layer headers -------------------------------------------


def null_hdr(af, endian):
    # LINKTYPE_NULL (0): 4-byte AF_ value "in the byte order of the host on
    # which the packets were captured" (tcpdump.org linktypes/LINKTYPE_NULL).
    # AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD/OpenBSD/BSD/OS),
    # 28 (FreeBSD, DragonFly BSD), 30 (Darwin/macOS).
    return struct.pack(endian + "I", af)


def loop_hdr(af):
    # LINKTYPE_LOOP (108): same 4-byte AF_ value, but always in network byte
    # order (tcpdump.org LINKTYPE_LOOP); OpenBSD's AF_INET6 is 24.
    return struct.pack(">I", af)


def ipnet_hdr(l3, family, htype=0, ifindex=2):
    # LINKTYPE_IPNET (226), Solaris ipnet pseudo-header, 24 bytes big-endian
    # (tcpdump.org LINKTYPE_IPNET; tcpdump print-ipnet.c struct ipnet_hdr):
    # uint8 version (1), uint8 family (IPH_AF_INET 2 / IPH_AF_INET6 26),
    # uint16 htype, uint32 pktlen (length of the datagram that follows),
    # uint32 ifindex, uint32 grifindex, uint32 zsrc, uint32 zdst (zone ids).
    return struct.pack(">BBHIIIII", 1, family, htype, len(bytes(l3)), ifindex, 0, 0, 0)


def ipoib_hdr(etype):
    # LINKTYPE_IPOIB (242) as libpcap-based tools write and read it: the
    # RFC 4391 section 6 encapsulation header (16-bit EtherType, 16 reserved
    # bits) after 40 bytes of link-layer addresses (20-byte destination,
    # 20-byte source), 44 bytes in all. A bare 4-byte header (the registry's
    # wording) is read by neither tshark 4.0.17 nor tcpdump 4.99.3.
    dst = bytes([0x00, 0xff, 0xff, 0xff]) + bytes(range(0x10, 0x20))
    src = bytes([0x00, 0x00, 0x00, 0x48]) + bytes(range(0x20, 0x30))
    return dst + src + struct.pack(">HH", etype, 0)


def arcnet_linux_rfc1201(src, dst, prot_id, seq):
    # LINKTYPE_ARCNET_LINUX (129), tcpdump.org LINKTYPE_ARCNET_LINUX: ARCNET
    # data packet without SD/IL/FCS, 1-byte source id, 1-byte destination id,
    # 2-byte "offset" field (Linux), then the ATA 878.2 / RFC 1201 header:
    # protocol id (0xD4 IPv4, 0xC4 IPv6 per RFC 2497), split flag, 2-byte
    # sequence number.
    return struct.pack(">BBHBBH", src, dst, 0, prot_id, 0, seq)


def arcnet_linux_rfc1051(src, dst, prot_id):
    # Same link type, RFC 1051 encapsulation: source, destination, offset,
    # then just the 1-byte protocol id (0xF0 = IP), no split flag/sequence.
    return struct.pack(">BBHB", src, dst, 0, prot_id)


# ---- pcapng writing (by hand) ------------------------------------------------
# Format: draft-ietf-opsawg-pcapng ("PCAP Now Generic (PCAPNG) Capture File
# Format"): section 3.1 general block structure (type, total length, body,
# total length again), 3.5 options (code, length, value padded to 32 bits,
# ended by opt_endofopt), 4.1 SHB, 4.2 IDB, 4.3 EPB, 4.4 SPB, 4.7 Custom Block.


def _pad4(b):
    return b + b"\0" * (-len(b) % 4)


def ng_opts(opts, e):
    if not opts:
        return b""
    out = b""
    for code, val in opts:
        out += struct.pack(e + "HH", code, len(val)) + _pad4(val)
    return out + struct.pack(e + "HH", 0, 0)  # opt_endofopt


def ng_block(btype, body, e):
    body = _pad4(body)
    total = 12 + len(body)
    return struct.pack(e + "II", btype, total) + body + struct.pack(e + "I", total)


def ng_shb(e, opts=()):
    # SHB: block type 0x0A0D0D0A, byte-order magic 0x1A2B3C4D, version 1.0,
    # section length -1 (not specified).
    body = struct.pack(e + "IHHq", 0x1A2B3C4D, 1, 0, -1) + ng_opts(opts, e)
    return ng_block(0x0A0D0D0A, body, e)


def ng_idb(e, linktype, snaplen=0, opts=()):
    # IDB: block type 1, LinkType, reserved, SnapLen (0 = no limit).
    body = struct.pack(e + "HHI", linktype, 0, snaplen) + ng_opts(opts, e)
    return ng_block(1, body, e)


def ng_epb(e, ifid, ts, data, origlen=None, opts=()):
    # EPB: block type 6, interface id, timestamp (upper, lower 32 bits, in
    # the interface's if_tsresol units), captured length, original length,
    # packet data padded to 32 bits, options.
    origlen = len(data) if origlen is None else origlen
    body = (struct.pack(e + "IIIII", ifid, ts >> 32, ts & 0xFFFFFFFF, len(data), origlen)
            + _pad4(data) + ng_opts(opts, e))
    return ng_block(6, body, e)


def ng_spb(e, data):
    # SPB: block type 3, original packet length, packet data padded; no
    # interface id (it is interface 0) and no timestamp.
    return ng_block(3, struct.pack(e + "I", len(data)) + _pad4(data), e)


def ng_custom(e, btype, pen, data):
    # Custom Block: type 0x00000BAD (may be copied) or 0x40000BAD, Private
    # Enterprise Number, custom data.
    return ng_block(btype, struct.pack(e + "I", pen) + data, e)


def ts_us(n, f):
    sec, usec = stamp(n, f)
    return sec * 1000000 + usec


# ---- the files ------------------------------------------------------------

FILES = []


def capture(fn):
    FILES.append(fn)
    return fn


@capture
def f_eth(n):
    write_pcap("eth.pcap", 1, [
        eth(echo4(n, 1)),
        eth(echo6(n, 2)),
        eth(unreach4(n, 3), reverse=True),
    ], n)


@capture
def f_eth_vlan(n):
    write_pcap("eth_vlan.pcap", 1, [
        Ether(src=M1, dst=M2, type=0x8100) / Dot1Q(prio=0, vlan=100, type=0x0800) / echo4(n, 1),
        Ether(src=M2, dst=M1, type=0x8100) / Dot1Q(prio=5, vlan=100, type=0x86DD) / echo6(n, 2, reply=True),
    ], n)


@capture
def f_eth_qinq(n):
    write_pcap("eth_qinq.pcap", 1, [
        Ether(src=M1, dst=M2, type=0x88A8) / Dot1AD(vlan=200, type=0x8100) / Dot1Q(vlan=100, type=0x0800) / echo4(n, 1),
        Ether(src=M1, dst=M2, type=0x88A8) / Dot1AD(vlan=200, type=0x8100) / Dot1Q(vlan=101, type=0x86DD) / echo6(n, 2),
    ], n)


@capture
def f_eth_llc_snap(n):
    # IEEE 802.3 length field, 802.2 LLC (DSAP AA, SSAP AA, UI 03), SNAP
    # (OUI 00-00-00, EtherType 0x0800) - RFC 1042 encapsulation.
    write_pcap("eth_llc_snap.pcap", 1, [
        Dot3(src=M1, dst=M2) / LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0800) / echo4(n, 1),
        Dot3(src=M2, dst=M1) / LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=0x0800) / echo4(n, 2, reply=True),
    ], n)


@capture
def f_sll(n):
    mac = bytes.fromhex("020000000001") + b"\0\0"
    write_pcap("sll.pcap", 113, [
        CookedLinux(pkttype=0, lladdrtype=1, lladdrlen=6, src=mac, proto=0x0800) / echo4(n, 1),
        CookedLinux(pkttype=4, lladdrtype=1, lladdrlen=6, src=mac, proto=0x86DD) / echo6(n, 2),
        # The loopback device (ARPHRD_LOOPBACK, 772), as `tcpdump -i any` writes it.
        CookedLinux(pkttype=0, lladdrtype=772, lladdrlen=6, src=b"\0" * 8, proto=0x0800)
        / echo4(n, 3, reply=True),
    ], n)


@capture
def f_sll2(n):
    mac = bytes.fromhex("020000000001") + b"\0\0"
    write_pcap("sll2.pcap", 276, [
        CookedLinuxV2(proto=0x0800, ifindex=2, lladdrtype=1, pkttype=0, lladdrlen=6, src=mac) / echo4(n, 1),
        CookedLinuxV2(proto=0x86DD, ifindex=2, lladdrtype=1, pkttype=4, lladdrlen=6, src=mac) / echo6(n, 2),
    ], n)


@capture
def f_raw101(n):
    write_pcap("raw101.pcap", 101, [echo4(n, 1), echo6(n, 2), ptb6(n, 3)], n)


@capture
def f_raw12(n):
    # DLT_RAW is 12 on most platforms; a pcap file should say LINKTYPE_RAW
    # (101) but some old writers put the DLT value in the header.
    write_pcap("raw12.pcap", 12, [echo4(n, 1), echo6(n, 2)], n)


@capture
def f_raw14(n):
    # DLT_RAW is 14 on OpenBSD, so old OpenBSD files carry 14.
    write_pcap("raw14.pcap", 14, [echo4(n, 1), echo6(n, 2)], n)


@capture
def f_ipv4_228(n):
    write_pcap("ipv4_228.pcap", 228, [echo4(n, 1), echo4(n, 2, reply=True), timex4(n, 3)], n)


@capture
def f_ipv6_229(n):
    write_pcap("ipv6_229.pcap", 229, [echo6(n, 1), echo6(n, 2, reply=True), ptb6(n, 3)], n)


@capture
def f_null_le(n):
    write_pcap("null_le.pcap", 0, [
        null_hdr(2, "<") + bytes(echo4(n, 1)),
        null_hdr(24, "<") + bytes(echo6(n, 2)),
        null_hdr(28, "<") + bytes(echo6(n, 3)),
        null_hdr(30, "<") + bytes(echo6(n, 4)),
    ], n)


@capture
def f_null_be(n):
    write_pcap("null_be.pcap", 0, [
        null_hdr(2, ">") + bytes(echo4(n, 1)),
        null_hdr(30, ">") + bytes(echo6(n, 2)),
    ], n)


@capture
def f_loop(n):
    write_pcap("loop.pcap", 108, [
        loop_hdr(2) + bytes(echo4(n, 1)),
        loop_hdr(24) + bytes(echo6(n, 2)),
    ], n)


@capture
def f_ppp(n):
    # LINKTYPE_PPP (9): PPP per RFC 1661, optionally preceded by the RFC 1662
    # address/control bytes FF 03.
    write_pcap("ppp.pcap", 9, [
        HDLC(address=0xFF, control=0x03) / PPP(proto=0x0021) / echo4(n, 1),
        PPP(proto=0x0057) / echo6(n, 2),
        HDLC(address=0xFF, control=0x03) / PPP(proto=0x0057) / ptb6(n, 3),
    ], n)


@capture
def f_ppp_hdlc(n):
    # LINKTYPE_PPP_HDLC (50): PPP in HDLC-like framing (RFC 1662), first byte
    # FF; or Cisco PPP with HDLC framing (RFC 1547 4.3.1), first byte 0F/8F.
    # Not octet-stuffed, no FCS.
    write_pcap("ppp_hdlc.pcap", 50, [
        HDLC(address=0xFF, control=0x03) / PPP(proto=0x0021) / echo4(n, 1),
        HDLC(address=0xFF, control=0x03) / PPP(proto=0x0057) / echo6(n, 2),
        CHDLC(address=0x0F, control=0x00, proto=0x0800) / echo4(n, 3, reply=True),
    ], n)


@capture
def f_chdlc(n):
    # LINKTYPE_C_HDLC (104): Cisco HDLC, address 0F (unicast), control 00,
    # 16-bit EtherType.
    write_pcap("chdlc.pcap", 104, [
        CHDLC(address=0x0F, control=0x00, proto=0x0800) / echo4(n, 1),
        CHDLC(address=0x0F, control=0x00, proto=0x86DD) / echo6(n, 2),
    ], n)


@capture
def f_ipnet(n):
    p1, p2 = echo4(n, 1), echo6(n, 2)
    write_pcap("ipnet.pcap", 226, [
        ipnet_hdr(p1, 2) + bytes(p1),
        ipnet_hdr(p2, 26, htype=1) + bytes(p2),
    ], n)


@capture
def f_ipoib(n):
    write_pcap("ipoib.pcap", 242, [
        ipoib_hdr(0x0800) + bytes(echo4(n, 1)),
        ipoib_hdr(0x86DD) + bytes(echo6(n, 2)),
    ], n)


@capture
def f_arcnet_linux(n):
    write_pcap("arcnet_linux.pcap", 129, [
        arcnet_linux_rfc1201(0x01, 0x02, 0xD4, 1) + bytes(echo4(n, 1)),
        arcnet_linux_rfc1051(0x02, 0x01, 0xF0) + bytes(echo4(n, 2, reply=True)),
        arcnet_linux_rfc1201(0x01, 0x02, 0xC4, 3) + bytes(echo6(n, 3)),
    ], n)


def llc_snap(l3):
    return LLC(dsap=0xAA, ssap=0xAA, ctrl=3) / SNAP(OUI=0, code=af_type(l3)) / l3


@capture
def f_wlan(n):
    # LINKTYPE_IEEE802_11 (105): 802.11 frames without FCS.
    write_pcap("wlan.pcap", 105, [
        Dot11(type=2, subtype=0, FCfield="to_DS", addr1=M3, addr2=M1, addr3=M2, SC=n << 4) / llc_snap(echo4(n, 1)),
        Dot11(type=2, subtype=0, FCfield="from_DS", addr1=M1, addr2=M3, addr3=M2, SC=(n + 1) << 4) / llc_snap(echo6(n, 2, reply=True)),
    ], n)


@capture
def f_radiotap(n):
    def rt():
        # radiotap header with Flags (no FCS bit), Rate, Channel fields
        return RadioTap(present="Flags+Rate+Channel", Flags=0, Rate=2, ChannelFrequency=2412, ChannelFlags=0x00A0)
    write_pcap("radiotap.pcap", 127, [
        rt() / Dot11(type=2, subtype=0, FCfield="to_DS", addr1=M3, addr2=M1, addr3=M2, SC=n << 4) / llc_snap(echo4(n, 1)),
        # QoS data frame (subtype 8) with a 2-byte QoS control field
        rt() / Dot11(type=2, subtype=8, FCfield="to_DS", addr1=M3, addr2=M1, addr3=M2, SC=(n + 1) << 4)
        / Dot11QoS(TID=5) / llc_snap(echo6(n, 2)),
    ], n)


@capture
def f_prism(n):
    def prism(frame):
        # Prism monitor header: msgcode 0x44, length 144, device name, then
        # ten (did, status, len, data) items, little-endian; dids per the
        # linux-wlan-ng p80211 DIDmsg_lnxind_wlansniffrm_* values.
        return PrismHeader(dev=b"wlan0", hosttime_did=0x00010044, hosttime_len=4, hosttime=1000,
                           mactime_did=0x00020044, mactime_len=4, mactime=2000,
                           channel_did=0x00030044, channel_len=4, channel=6,
                           rssi_did=0x00040044, rssi_len=4, rssi=40,
                           sq_did=0x00050044, sq_len=4, sq=0,
                           signal_did=0x00060044, signal_len=4, signal=-40,
                           noise_did=0x00070044, noise_len=4, noise=0,
                           rate_did=0x00080044, rate_len=4, rate=2,
                           istx_did=0x00090044, istx_len=4, istx=0,
                           frmlen_did=0x000A0044, frmlen_len=4, frmlen=len(bytes(frame))) / frame
    write_pcap("prism.pcap", 119, [
        prism(Dot11(type=2, subtype=0, FCfield="to_DS", addr1=M3, addr2=M1, addr3=M2, SC=n << 4) / llc_snap(echo4(n, 1))),
        prism(Dot11(type=2, subtype=0, FCfield="from_DS", addr1=M1, addr2=M3, addr3=M2, SC=(n + 1) << 4) / llc_snap(echo6(n, 2, reply=True))),
    ], n)


# ---- tunnels ------------------------------------------------------------------


def outer4(proto, inner, idn):
    return Ether(src=M4, dst=M5, type=0x0800) / IP(src=T4A, dst=T4B, id=idn, ttl=64, proto=proto) / inner


@capture
def f_gre(n):
    write_pcap("gre.pcap", 1, [
        outer4(47, GRE(proto=0x0800) / echo4(n, 1), 1),
        outer4(47, GRE(key_present=1, seqnum_present=1, key=0x0000BEEF, sequence_number=7, proto=0x0800)
               / echo4(n, 2, reply=True), 2),
        outer4(47, GRE(proto=0x86DD) / echo6(n, 3), 3),
    ], n)


@capture
def f_erspan(n):
    # ERSPAN (draft-foschiano-erspan): type I = GRE proto 0x88BE, no GRE
    # sequence number, no ERSPAN header; type II = 0x88BE, S bit set, 8-byte
    # header (ver 1); type III = 0x22EB, S bit set, 12-byte header (ver 2).
    write_pcap("erspan.pcap", 1, [
        outer4(47, GRE(proto=0x88BE) / ERSPAN_I() / eth(echo4(n, 1)), 1),
        outer4(47, GRE(seqnum_present=1, sequence_number=1, proto=0x88BE)
               / ERSPAN_II(ver=1, vlan=0, cos=0, en=0, t=0, session_id=42, index=5) / eth(echo4(n, 2, reply=True), reverse=True), 2),
        outer4(47, GRE(seqnum_present=1, sequence_number=2, proto=0x22EB)
               / ERSPAN_III(ver=2, vlan=0, cos=0, bso=0, t=0, session_id=43, timestamp=0x12345678,
                            sgt_other=0, p=0, ft=0, hw=1, d=0, gra=0, o=0) / eth(echo6(n, 3)), 3),
    ], n)


def outer4_udp(dport, inner, idn, sport):
    return Ether(src=M4, dst=M5, type=0x0800) / IP(src=T4A, dst=T4B, id=idn, ttl=64) / UDP(sport=sport, dport=dport) / inner


@capture
def f_vxlan(n):
    write_pcap("vxlan.pcap", 1, [
        outer4_udp(4789, VXLAN(flags=0x08, vni=0x00ABCD) / eth(echo4(n, 1)), 1, 49153),
        outer4_udp(4789, VXLAN(flags=0x08, vni=0x00ABCD) / eth(echo6(n, 2, reply=True), reverse=True), 2, 49154),
    ], n)


@capture
def f_geneve(n):
    # Geneve (RFC 8926), protocol type 0x6558 (Transparent Ethernet
    # Bridging), one 8-byte option of the experimental class 0xFFF0.
    opt = GeneveOptions(classid=0xFFF0, type=0x01, data=b"\x00\x00\x00\x2a")
    write_pcap("geneve.pcap", 1, [
        outer4_udp(6081, GENEVE(proto=0x6558, vni=0x000123, options=[opt]) / eth(echo4(n, 1)), 1, 49153),
        outer4_udp(6081, GENEVE(proto=0x6558, vni=0x000123, options=[opt]) / eth(echo6(n, 2)), 2, 49154),
    ], n)


@capture
def f_ipip(n):
    e4 = dict(src=M4, dst=M5, type=0x0800)
    e6 = dict(src=M4, dst=M5, type=0x86DD)
    write_pcap("ipip.pcap", 1, [
        Ether(**e4) / IP(src=T4A, dst=T4B, id=1, proto=4) / echo4(n, 1),      # 4in4
        Ether(**e4) / IP(src=T4A, dst=T4B, id=2, proto=41) / echo6(n, 2),     # 6in4
        Ether(**e6) / IPv6(src=T6A, dst=T6B, nh=4) / echo4(n, 3),             # 4in6
        Ether(**e6) / IPv6(src=T6A, dst=T6B, nh=41) / echo6(n, 4),            # 6in6
    ], n)


@capture
def f_mpls(n):
    # MPLS (RFC 3032) over Ethernet 0x8847; no payload type field: the
    # first nibble after the bottom-of-stack label says 4 or 6.
    write_pcap("mpls.pcap", 1, [
        Ether(src=M4, dst=M5, type=0x8847) / MPLS(label=100, cos=0, s=1, ttl=64) / echo4(n, 1),
        Ether(src=M4, dst=M5, type=0x8847) / MPLS(label=100, cos=0, s=0, ttl=64) / MPLS(label=200, cos=0, s=1, ttl=64) / echo6(n, 2),
        Ether(src=M5, dst=M4, type=0x8847) / MPLS(label=300, cos=0, s=0, ttl=63) / MPLS(label=200, cos=0, s=1, ttl=63) / timex4(n, 3),
    ], n)


@capture
def f_mpls_udp(n):
    # MPLS-in-UDP (RFC 7510), UDP destination port 6635.
    write_pcap("mpls_udp.pcap", 1, [
        outer4_udp(6635, MPLS(label=400, cos=0, s=1, ttl=64) / echo4(n, 1), 1, 49153),
        outer4_udp(6635, MPLS(label=400, cos=0, s=1, ttl=64) / echo6(n, 2), 2, 49154),
    ], n)


@capture
def f_macsec(n):
    # MACsec (IEEE 802.1AE), EtherType 0x88E5, integrity only: TCI E=0 C=0,
    # so the secure data (EtherType + payload) is in clear, followed by a
    # 16-byte ICV (fixed bytes here; no key, so nobody can verify it).
    # SL (short length) = secure data length when < 48, else 0.
    icv = bytes(range(0xA0, 0xB0))
    p1 = bytes(echo4(n, 1, size=0))            # 28 bytes: 2 + 28 = 30 < 48, SL = 30
    p2 = bytes(echo4(n, 2, reply=True))        # 52 bytes: SL = 0
    sci = MACsecSCI(system_identifier=M1, port_identifier=1)
    write_pcap("macsec.pcap", 1, [
        Ether(src=M1, dst=M2, type=0x88E5) / MACsec(Ver=0, ES=0, SC=1, SCB=0, E=0, C=0, AN=0, SL=2 + len(p1), PN=1, SCI=sci, type=0x0800) / Raw(p1 + icv),
        Ether(src=M2, dst=M1, type=0x88E5) / MACsec(Ver=0, ES=0, SC=0, SCB=0, E=0, C=0, AN=1, SL=0, PN=2, type=0x0800) / Raw(p2 + icv),
    ], n)


@capture
def f_pppoe(n):
    # PPPoE session stage (RFC 2516), EtherType 0x8864, code 0, PPP 0x0021.
    write_pcap("pppoe.pcap", 1, [
        Ether(src=M1, dst=M2, type=0x8864) / PPPoE(version=1, type=1, code=0, sessionid=0x0042) / PPP(proto=0x0021) / echo4(n, 1),
        Ether(src=M2, dst=M1, type=0x8864) / PPPoE(version=1, type=1, code=0, sessionid=0x0042) / PPP(proto=0x0057) / echo6(n, 2, reply=True),
    ], n)


# ---- odd records ------------------------------------------------------------------


@capture
def f_snaplen_cut(n):
    big = bytes(eth(echo4(n, 1, size=192)))              # ICMP message of 200 bytes, frame 234
    err = bytes(eth(timex4(n, 2, quote_size=100), reverse=True))  # quote IP+UDP+100, frame 170
    s1, u1 = stamp(n, 1)
    s2, u2 = stamp(n, 2)
    write_pcap("snaplen_cut.pcap", 1, [
        (big[:96], len(big), s1, u1),
        (err[:96], len(err), s2, u2),
    ], n, snaplen=96)


@capture
def f_incl_over_snaplen(n):
    # Header says SnapLen 64, yet record 2 holds 100 captured bytes (all of
    # them really present in the file), which the format forbids.
    p1 = bytes(eth(echo4(n, 1, size=8)))                  # 50 bytes, within 64
    p2 = bytes(eth(echo4(n, 2, reply=True, size=58), reverse=True))  # 100 bytes
    assert len(p1) == 50 and len(p2) == 100
    s1, u1 = stamp(n, 1)
    s2, u2 = stamp(n, 2)
    data = pcap_file_header(1, 64) + pcap_record(p1, s1, u1) + pcap_record(p2, s2, u2)
    with open(os.path.join(OUT, "incl_over_snaplen.pcap"), "wb") as fh:
        fh.write(data)


@capture
def f_nanosecond(n):
    write_pcap("nanosecond.pcap", 1, [eth(echo4(n, 1)), eth(echo6(n, 2))], n, nano=True)


@capture
def f_big_endian(n):
    write_pcap("big_endian.pcap", 1, [eth(echo4(n, 1)), eth(echo6(n, 2)), eth(ptb6(n, 3), reverse=True)], n, endian=">")


@capture
def f_odd_usec(n):
    sec = T0 + 100 * n
    write_pcap("odd_usec.pcap", 1, [
        (bytes(eth(echo4(n, 1))), None, sec, 999999),       # largest valid value
        (bytes(eth(echo4(n, 2, reply=True), reverse=True)), None, sec + 1, 1000000),  # exactly one second
        (bytes(eth(echo6(n, 3))), None, sec + 2, 1500000),  # one and a half seconds
    ], n)


@capture
def f_truncated_end(n):
    path = os.path.join(OUT, "truncated_end.pcap")
    write_pcap("truncated_end.pcap", 1, [eth(echo4(n, 1)), eth(echo4(n, 2, reply=True), reverse=True)], n)
    with open(path, "rb") as fh:
        data = fh.read()
    # Drop the last 30 bytes: record 2 says 66 captured bytes, 36 remain.
    with open(path, "wb") as fh:
        fh.write(data[:-30])


@capture
def f_icmp_header_cut(n):
    # SnapLen 38 = 14 (Ethernet) + 20 (IPv4) + 4: the echo request keeps
    # type, code and checksum only.  Frame 2 is an IPv4 header with protocol
    # 1 and total length 20 (no ICMP bytes at all), 34 bytes captured.
    p1 = bytes(eth(echo4(n, 1)))
    empty = IP(src=A4, dst=B4, id=0x100 * n + 2, ttl=64, proto=1)
    p2 = bytes(eth(empty))
    assert len(p2) == 34 and bytes(empty)[2:4] == b"\x00\x14"
    s1, u1 = stamp(n, 1)
    s2, u2 = stamp(n, 2)
    write_pcap("icmp_header_cut.pcap", 1, [
        (p1[:38], len(p1), s1, u1),
        (p2, None, s2, u2),
    ], n, snaplen=38)


@capture
def f_ng_basic(n):
    e = "<"
    out = ng_shb(e)
    out += ng_idb(e, 1, 0)      # interface 0: Ethernet, default resolution 10^-6
    out += ng_idb(e, 101, 0)    # interface 1: LINKTYPE_RAW
    out += ng_epb(e, 0, ts_us(n, 1), bytes(eth(echo4(n, 1))))
    out += ng_epb(e, 1, ts_us(n, 2), bytes(echo6(n, 2)))
    out += ng_spb(e, bytes(eth(echo4(n, 3, reply=True), reverse=True)))  # interface 0, no timestamp
    with open(os.path.join(OUT, "ng_basic.pcapng"), "wb") as fh:
        fh.write(out)


@capture
def f_ng_options(n):
    e = "<"
    UNKNOWN = 0x7E57  # an option code no pcapng document assigns
    sec = T0 + 100 * n
    out = ng_shb(e, [(4, b"icmpwire make.py"), (UNKNOWN, b"xyz")])     # shb_userappl + unknown
    out += ng_idb(e, 1, 0, [(2, b"eth0"), (9, b"\x09"), (UNKNOWN, b"\x01\x02\x03\x04\x05")])  # if_name, if_tsresol 10^-9
    out += ng_idb(e, 101, 0, [(9, b"\x8a"), (UNKNOWN, b"")])              # if_tsresol 2^-10
    out += ng_custom(e, 0x00000BAD, 32473, b"icmpwire custom block\0\0\0")  # PEN 32473: RFC 5612 documentation
    out += ng_epb(e, 0, sec * 10**9 + 1001 * 1000 + n, bytes(eth(echo4(n, 1))),
                  opts=[(2, struct.pack(e + "I", 1)), (UNKNOWN, b"\xAA\xBB\xCC")])  # epb_flags inbound + unknown
    out += ng_block(0x00004242, b"an unknown block type, to be skipped\0\0\0\0", e)
    out += ng_epb(e, 1, sec * 1024 + 514, bytes(echo6(n, 2)), opts=[(UNKNOWN, b"\x01")])  # .501953125 s
    with open(os.path.join(OUT, "ng_options.pcapng"), "wb") as fh:
        fh.write(out)


@capture
def f_ng_big_endian(n):
    e = ">"
    out = ng_shb(e, [(4, b"icmpwire make.py")])
    out += ng_idb(e, 1, 0)
    out += ng_epb(e, 0, ts_us(n, 1), bytes(eth(echo4(n, 1))))
    out += ng_epb(e, 0, ts_us(n, 2), bytes(eth(echo6(n, 2))))
    with open(os.path.join(OUT, "ng_big_endian.pcapng"), "wb") as fh:
        fh.write(out)


@capture
def f_ng_two_sections(n):
    # Section 1, little-endian: interface 0 is Ethernet.
    out = ng_shb("<")
    out += ng_idb("<", 1, 0)
    out += ng_epb("<", 0, ts_us(n, 1), bytes(eth(echo4(n, 1))))
    # Section 2, big-endian, its own interfaces: 0 is raw IP, 1 is Ethernet.
    out += ng_shb(">")
    out += ng_idb(">", 101, 0)
    out += ng_idb(">", 1, 0)
    out += ng_epb(">", 0, ts_us(n, 2), bytes(echo6(n, 2)))
    out += ng_epb(">", 1, ts_us(n, 3), bytes(eth(echo4(n, 3, reply=True), reverse=True)))
    with open(os.path.join(OUT, "ng_two_sections.pcapng"), "wb") as fh:
        fh.write(out)


@capture
def f_ng_snaplen_cut(n):
    e = "<"
    p1 = bytes(eth(echo4(n, 1, size=192)))   # 234 bytes
    p2 = bytes(eth(echo6(n, 2, size=100)))   # 162 bytes
    out = ng_shb(e)
    out += ng_idb(e, 1, 80)
    out += ng_epb(e, 0, ts_us(n, 1), p1[:80], origlen=len(p1))
    out += ng_epb(e, 0, ts_us(n, 2), p2[:80], origlen=len(p2))
    with open(os.path.join(OUT, "ng_snaplen_cut.pcapng"), "wb") as fh:
        fh.write(out)


@capture
def f_skips(n):
    # Frames without ICMP, each skipped for its own reason, and fragments: an echo request in
    # two fragments (reassembled), the first fragment of one whose second never comes, and
    # the second fragment of one whose first never comes.
    from scapy.layers.l2 import ARP
    from scapy.layers.inet import TCP, fragment
    whole = echo4(n, 7, size=64)
    whole[IP].id = 0x4001
    whole[IP].flags = 0
    parts = fragment(whole, fragsize=40)
    lost = echo4(n, 8, size=64)
    lost[IP].id = 0x4002
    lost[IP].flags = 0
    lost_parts = fragment(lost, fragsize=40)
    orphan = echo4(n, 9, size=64)
    orphan[IP].id = 0x4003
    orphan[IP].flags = 0
    orphan_parts = fragment(orphan, fragsize=40)
    # 802.3 frame with an LLC header that is not SNAP (spanning tree: DSAP/SSAP 0x42).
    llc_stp = Dot3(src=M1, dst="01:80:c2:00:00:00") / LLC(dsap=0x42, ssap=0x42, ctrl=3) / Raw(b"\x00" * 35)
    write_pcap("skips.pcap", 1, [
        Ether(src=M1, dst="ff:ff:ff:ff:ff:ff") / ARP(psrc=A4, pdst=B4, hwsrc=M1),
        eth(IP(src=A4, dst=B4) / TCP(sport=40000, dport=80, flags="S")),
        eth(IP(src=A4, dst=B4) / UDP(sport=40001, dport=53) / Raw(b"icmpwire")),
        eth(IPv6(src=A6, dst=B6) / UDP(sport=40002, dport=53) / Raw(b"icmpwire")),
        llc_stp,
        eth(parts[0]),
        eth(parts[1]),
        eth(lost_parts[0]),
        eth(orphan_parts[1]),
        eth(echo4(n, 10)),
    ], n)


@capture
def f_unknown_link(n):
    # LINKTYPE_USER0 (147): a link type no dissector reads without configuration.
    write_pcap("unknown_link.pcap", 147, [bytes(echo4(n, 1))], n)


@capture
def f_frame_relay(n):
    # LINKTYPE_FRELAY (107), RFC 2427: a 2-byte Q.922 address (DLCI 100: 0x18 0x41, EA set in
    # the second byte), the UI control byte 0x03, then an NLPID (0xCC IPv4, 0x8E IPv6), or a
    # pad byte and NLPID 0x80 with a SNAP header; and Cisco's encapsulation, an Ethernet type
    # right after the address.
    addr = bytes([0x18, 0x41])
    write_pcap("frame_relay.pcap", 107, [
        addr + bytes([0x03, 0xCC]) + bytes(echo4(n, 1)),
        addr + bytes([0x03, 0x8E]) + bytes(echo6(n, 2)),
        addr + bytes([0x03, 0x00, 0x80, 0x00, 0x00, 0x00, 0x08, 0x00]) + bytes(echo4(n, 3, reply=True)),
        addr + bytes([0x08, 0x00]) + bytes(echo4(n, 4)),
    ], n)


@capture
def f_pim_register(n):
    # A PIM register (RFC 7761 section 4.9.3): version 2 type 1, reserved, checksum, the B and
    # N bits (32 bits), then the data packet, here a multicast echo request.
    reg = bytes([0x21, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]) + bytes(echo4(n, 1, dst="232.0.2.1"))
    write_pcap("pim_register.pcap", 1, [outer4(103, Raw(reg), 1)], n)


@capture
def f_ipv6_ether(n):
    # IPv6 next header 143 (Ethernet, RFC 8986): an Ethernet frame right after the IPv6
    # header, as SRv6 End.DX2 carries it.
    frame = bytes(eth(echo6(n, 1)))
    write_pcap("ipv6_ether.pcap", 1, [
        Ether(src=M4, dst=M5, type=0x86DD) / IPv6(src=T6A, dst=T6B, nh=143) / Raw(frame),
    ], n)


@capture
def f_cisco_metadata(n):
    # Cisco MetaData (Ethernet type 0x8909, draft-smith-kandula-sxp): on Ethernet, version 1,
    # length 1, option type 1 (SGT), SGT 100, then the Ethernet type; inside GRE (protocol type
    # 0x8909) the Ethernet type comes first, then the same 6 bytes (the layout Wireshark and
    # tcpdump's test capture various_gre.pcap show).
    cmd_eth = bytes([0x01, 0x01, 0x00, 0x01, 0x00, 0x64, 0x08, 0x00])
    cmd_gre = bytes([0x08, 0x00, 0x01, 0x01, 0x00, 0x01, 0x00, 0x64])
    write_pcap("cisco_metadata.pcap", 1, [
        Ether(src=M1, dst=M2, type=0x8909) / Raw(cmd_eth + bytes(echo4(n, 1))),
        outer4(47, GRE(proto=0x8909) / Raw(cmd_gre + bytes(echo4(n, 2, reply=True))), 2),
    ], n)


def main():
    for n, fn in enumerate(FILES, 1):
        fn(n)
    names = sorted(f for f in os.listdir(OUT) if f.endswith((".pcap", ".pcapng")))
    total = 0
    for f in names:
        size = os.path.getsize(os.path.join(OUT, f))
        assert size < 2048, (f, size)
        total += size
    print("scapy %s: wrote %d captures, %d bytes" % (scapy.__version__, len(FILES), total))


if __name__ == "__main__":
    sys.exit(main())

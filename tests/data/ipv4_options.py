#!/usr/bin/env python3
# Writes ipv4_options.pcap (tests/data/README.md): python3 ipv4_options.py ipv4_options.pcap
# Crafted IPv4 headers with options as a LINKTYPE_RAW pcap: echo requests carrying them, then
# two time exceeded messages whose quoted header carries them, then two headers cut after them,
# then two quotes whose total length ends before the header's end or inside the UDP header.
import struct, sys
def csum(b):
    if len(b) % 2: b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16: s = (s & 0xffff) + (s >> 16)
    return (~s) & 0xffff
def pkt(opts, icmp_id):
    icmp = bytearray(struct.pack('!BBHHH', 8, 0, 0, icmp_id, 1) + b'abcdefgh')
    struct.pack_into('!H', icmp, 2, csum(bytes(icmp)))
    assert len(opts) % 4 == 0
    ihl = 5 + len(opts) // 4
    h = bytearray(struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, 0, ihl * 4 + len(icmp), 0x1234, 0, 64, 1, 0,
                              bytes([192, 0, 2, 1]), bytes([192, 0, 2, 2])) + opts)
    struct.pack_into('!H', h, 10, csum(bytes(h)))
    return bytes(h) + bytes(icmp)
cases = [
    bytes([0x94, 4, 0, 0]),                    # router alert, value 0
    bytes([0x94, 4, 0, 5]),                    # router alert, value 5
    bytes([0x94, 4, 0xff, 0xff]),              # router alert, value 65535
    bytes([0x94, 3, 0, 1]),                    # router alert of 3 bytes, then NOP
    bytes([0x94, 2, 1, 0]),                    # router alert of 2 bytes, NOP, END
    bytes([1, 1, 1, 0x94]),                    # a type byte without its length byte
    bytes([0x94, 4, 0, 7, 1, 0x94, 4, 0]),     # router alert, NOP, one running past the end
    bytes([0x82, 11, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]),  # security (RFC 1108 layout)
    bytes([0x99, 4, 1, 2]),                    # an unassigned type
    bytes([0, 1, 2, 3]),                       # END, then bytes after it
    bytes([0x94, 0, 0, 0]),                    # length 0
    bytes([0x44, 1, 0, 0]),                    # length 1
    bytes([82, 12, 0, 1, 0, 2, 0, 3, 192, 0, 2, 9]),  # traceroute (RFC 1393)
    bytes([0x83, 7, 4, 192, 0, 2, 7, 1]),      # loose source route, 7 bytes, NOP
    bytes([0x44, 12, 5, 0x03, 192, 0, 2, 7, 0, 0, 0, 1]),  # timestamp, prespecified
    bytes([0x44, 8, 5, 0x02, 0, 0, 0, 1]),     # timestamp, flag 2 (undefined)
    bytes([0x94, 8, 0, 9, 0, 0, 0, 0]),        # router alert of 8 bytes, value 9
    bytes([0x94, 8, 0, 0, 0, 0, 0, 0]),        # router alert of 8 bytes, value 0
]
def quoting(opts, total):
    # A time exceeded from 192.0.2.254 quoting a UDP datagram whose header carries `opts`, its
    # total length field `total`; the UDP header (ports 40000 -> 33434) quoted whatever it says.
    udp = struct.pack('!HHHH', 40000, 33434, 8, 0)
    ihl = 5 + len(opts) // 4
    q = bytearray(struct.pack('!BBHHHBBH4s4s', 0x40 | ihl, 0, total, 0x4321, 0, 1, 17, 0,
                              bytes([192, 0, 2, 1]), bytes([198, 51, 100, 7])) + opts)
    struct.pack_into('!H', q, 10, csum(bytes(q)))
    icmp = bytearray(struct.pack('!BBHI', 11, 0, 0, 0) + bytes(q) + udp)
    struct.pack_into('!H', icmp, 2, csum(bytes(icmp)))
    h = bytearray(struct.pack('!BBHHHBBH4s4s', 0x45, 0xc0, 20 + len(icmp), 0x5678, 0, 64, 1, 0,
                              bytes([192, 0, 2, 254]), bytes([192, 0, 2, 1])))
    struct.pack_into('!H', h, 10, csum(bytes(h)))
    return bytes(h) + bytes(icmp)
quoted = [
    quoting(bytes([1, 1, 1, 0x94]), 32),       # the quoted header's last option byte a type byte
    quoting(bytes([1, 1, 1, 0x94]), 24),       # the same, its total length ending at the header
]
quoted_short = [
    quoting(bytes([0x94, 4, 0, 5]), 22),       # a total length shorter than the header
    quoting(bytes([1, 0x83, 7, 4, 192, 0, 2, 7]), 30),  # one ending 2 bytes into the UDP header
]
# An echo request whose header ends in a type byte without its length byte, cut after the header:
# by the snapshot length (captured 24 of 40 bytes), and by its total length (24, no ICMP bytes).
cut = pkt(bytes([1, 1, 1, 0x94]), 99)
bare = bytearray(cut[:24])
struct.pack_into('!H', bare, 2, 24)
struct.pack_into('!H', bare, 10, 0)
struct.pack_into('!H', bare, 10, csum(bytes(bare)))
with open(sys.argv[1], 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 101))  # LINKTYPE_RAW
    for i, o in enumerate(cases):
        p = pkt(o, i + 1)
        f.write(struct.pack('<IIII', 1700000000 + i, 0, len(p), len(p)) + p)
    for i, p in enumerate(quoted):
        f.write(struct.pack('<IIII', 1700000100 + i, 0, len(p), len(p)) + p)
    f.write(struct.pack('<IIII', 1700000200, 0, 24, len(cut)) + cut[:24])
    f.write(struct.pack('<IIII', 1700000201, 0, 24, 24) + bytes(bare))
    for i, p in enumerate(quoted_short):
        f.write(struct.pack('<IIII', 1700000300 + i, 0, len(p), len(p)) + p)

#!/bin/bash
# Captures how the Linux kernel answers ICMP requests sent to broadcast and multicast
# addresses, and requests whose source names no single host: the oracle of
# tests/respond_kernel_groups.rs. Needs root, iproute2, tcpdump and python3 (no scapy: the
# requests are plain bytes written below, sent on a packet socket so that nothing rewrites them).
#
# Topology (three network namespaces on one bridge-less veth star, documentation addresses):
#   icwA  a-eth0  02:00:00:00:00:0a  198.51.100.1/24  2001:db8:4::a/64   sends, captures
#   icwB  b-eth0  02:00:00:00:00:0b  198.51.100.2/24  2001:db8:4::b/64   answers broadcasts
#                                                        (icmp_echo_ignore_broadcasts=0, probes on)
# B is the only machine on A's link, so every answer in the capture is B's.
#
# Usage: sudo tests/data/kernel_groups_capture.sh OUT.pcap
set -euo pipefail
out=${1:?usage: $0 OUT.pcap}
A=icwA B=icwB
cleanup() { ip netns del $A 2>/dev/null || true; ip netns del $B 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $A
ip netns add $B
ip link add a-eth0 netns $A address 02:00:00:00:00:0a type veth \
    peer name b-eth0 netns $B address 02:00:00:00:00:0b
for ns in $A $B; do
    ip -n $ns link set lo up
    # No router solicitations, DAD or MLD reports in the capture: only what is sent below.
    ip netns exec $ns sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
    ip netns exec $ns sysctl -qw net.ipv6.conf.default.router_solicitations=0
done
ip netns exec $B sysctl -qw net.ipv4.icmp_echo_ignore_broadcasts=0
ip netns exec $B sysctl -qw net.ipv4.icmp_echo_enable_probe=1
ip netns exec $B sysctl -qw net.ipv4.icmp_ratelimit=0 net.ipv6.icmp.ratelimit=0
ip -n $A addr add 198.51.100.1/24 brd 198.51.100.255 dev a-eth0
ip -n $B addr add 198.51.100.2/24 brd 198.51.100.255 dev b-eth0
ip -n $A addr add 2001:db8:4::a/64 dev a-eth0 nodad
ip -n $B addr add 2001:db8:4::b/64 dev b-eth0 nodad
ip -n $A link set a-eth0 up
ip -n $B link set b-eth0 up
# Static neighbours: no ARP or neighbor discovery among the requests.
ip -n $B neigh add 198.51.100.1 lladdr 02:00:00:00:00:0a dev b-eth0 nud permanent
ip -n $B neigh add 2001:db8:4::a lladdr 02:00:00:00:00:0a dev b-eth0 nud permanent
sleep 1

ip netns exec $A tcpdump -i a-eth0 -U -s 0 -w "$out" 'icmp or icmp6' 2>/dev/null &
dump=$!
sleep 1

ip netns exec $A python3 - <<'EOF'
import socket, struct, time

A_MAC, B_MAC = bytes.fromhex('02000000000a'), bytes.fromhex('02000000000b')

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s > 0xFFFF:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF

def with_sum(msg, pseudo=b''):
    return msg[:2] + struct.pack('!H', csum(pseudo + msg)) + msg[4:]

def ip4(src, dst, icmp, ident):
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(icmp), ident, 0x4000, 64, 1, 0,
                    socket.inet_aton(src), socket.inet_aton(dst))
    return h[:10] + struct.pack('!H', csum(h)) + h[12:] + icmp

def ip6(src, dst, icmp, hops=64):
    s, d = socket.inet_pton(socket.AF_INET6, src), socket.inet_pton(socket.AF_INET6, dst)
    pseudo = s + d + struct.pack('!I3xB', len(icmp), 58)
    icmp = with_sum(icmp, pseudo)
    return struct.pack('!IHBB', 0x60000000, len(icmp), 58, hops) + s + d + icmp

def mac_for(dst):
    if ':' in dst:
        a = socket.inet_pton(socket.AF_INET6, dst)
        return b'\x33\x33' + a[12:] if a[0] == 0xff else B_MAC
    a = socket.inet_aton(dst)
    if a == b'\xff' * 4 or a[3] == 255:
        return b'\xff' * 6
    if 224 <= a[0] <= 239:
        return b'\x01\x00\x5e' + bytes([a[1] & 0x7f, a[2], a[3]])
    return B_MAC

s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind(('a-eth0', 0))

def send(dst, packet, ethertype):
    s.send(mac_for(dst) + A_MAC + struct.pack('!H', ethertype) + packet)
    time.sleep(0.2)

def echo4(src, dst, seq, payload=b'icmpwire groups capture'):
    icmp = with_sum(struct.pack('!BBHHH', 8, 0, 0, 0x4701, seq) + payload)
    send(dst, ip4(src, dst, icmp, 0x1000 + seq), 0x0800)

def timestamp4(src, dst, seq):
    icmp = with_sum(struct.pack('!BBHHHIII', 13, 0, 0, 0x4702, seq, 0x01020304, 0, 0))
    send(dst, ip4(src, dst, icmp, 0x2000 + seq), 0x0800)

def probe4(dst, seq):
    # RFC 8335: L bit set, interface named by index 1 (lo); one extension object, class 3,
    # c-type 2, the structure's checksum filled in.
    obj = struct.pack('!HBBI', 8, 3, 2, 1)
    ext = struct.pack('!BBH', 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack('!H', csum(ext)) + ext[4:]
    icmp = with_sum(struct.pack('!BBHHBB', 42, 0, 0, 0x4703, seq, 1) + ext)
    send(dst, ip4('198.51.100.1', dst, icmp, 0x3000 + seq), 0x0800)

def echo6(src, dst, seq, payload=b'icmpwire groups capture'):
    icmp = struct.pack('!BBHHH', 128, 0, 0, 0x6701, seq) + payload
    send(dst, ip6(src, dst, icmp), 0x86DD)

def probe6(dst, seq):
    obj = struct.pack('!HBBI', 8, 3, 2, 1)
    ext = struct.pack('!BBH', 0x20, 0, 0) + obj
    ext = ext[:2] + struct.pack('!H', csum(ext)) + ext[4:]
    icmp = struct.pack('!BBHHBB', 160, 0, 0, 0x6703, seq, 1) + ext
    send(dst, ip6('2001:db8:4::a', dst, icmp), 0x86DD)

A4 = '198.51.100.1'
# Answered: B's own address, the subnet's broadcast, the limited broadcast, all-systems.
echo4(A4, '198.51.100.2', 1)
echo4(A4, '198.51.100.255', 2)
echo4(A4, '255.255.255.255', 3)
echo4(A4, '224.0.0.1', 4)
timestamp4(A4, '198.51.100.2', 5)
timestamp4(A4, '198.51.100.255', 6)
timestamp4(A4, '224.0.0.1', 7)
# Probes (RFC 8335) to B, to all-systems and to the subnet's broadcast.
probe4('198.51.100.2', 8)
probe4('224.0.0.1', 9)
probe4('198.51.100.255', 10)
# Sources that name no single host (RFC 1122 section 3.2.1.3): multicast, limited broadcast,
# unspecified, the subnet's broadcast.
echo4('224.0.0.9', '198.51.100.2', 11)
echo4('255.255.255.255', '198.51.100.2', 12)
echo4('0.0.0.0', '198.51.100.2', 13)
timestamp4('224.0.0.9', '198.51.100.2', 14)
echo4('198.51.100.255', '198.51.100.2', 15)
# ICMPv6: B's address, all-nodes; a probe to all-nodes; a multicast source.
echo6('2001:db8:4::a', '2001:db8:4::b', 21)
echo6('2001:db8:4::a', 'ff02::1', 22)
probe6('2001:db8:4::b', 23)
probe6('ff02::1', 24)
echo6('ff02::9', '2001:db8:4::b', 25)
echo6('::', '2001:db8:4::b', 26)
EOF
sleep 1
kill $dump
wait $dump 2>/dev/null || true
echo "wrote $out"

#!/usr/bin/env bash
# End-to-end test of the ping, traceroute and responder examples against the Linux kernel, in
# network namespaces this script creates and always deletes:
#
#   A 192.0.2.10 ── 192.0.2.1 R1 198.51.100.1 ══ MTU 1280 ══ 198.51.100.2 R2 203.0.113.1 ── 203.0.113.2 B
#     2001:db8:1::10   2001:db8:1::1  2001:db8:12::1            2001:db8:12::2  2001:db8:2::1   2001:db8:2::2
#
# Only TEST-NET addresses; no veth end is in the host namespace and there is no route out, so no
# packet leaves the namespaces. Every wait is bounded (timeout), and the namespaces are deleted on
# every exit path (trap). Skips, with a message, only when namespaces cannot be created (not root).
#
# usage: tests/netns/run.sh [EXAMPLES_DIR]   (default target/debug/examples; build them first:
#        cargo build --examples)
set -euo pipefail

bin=${1:-target/debug/examples}
for b in ping traceroute responder; do
  [ -x "$bin/$b" ] || { echo "netns: $bin/$b missing; run: cargo build --examples" >&2; exit 1; }
done
bin=$(cd "$bin" && pwd)

tag="iw$$"
A="$tag-a" R1="$tag-r1" R2="$tag-r2" B="$tag-b"
cleanup() {
  for ns in "$A" "$R1" "$R2" "$B" "$tag-t"; do ip netns del "$ns" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" != 0 ] || ! ip netns add "$A" 2>/dev/null; then
  echo "netns: SKIPPED: cannot create network namespaces (needs root and iproute2)"
  exit 0
fi
for ns in "$R1" "$R2" "$B"; do ip netns add "$ns"; done
nsx() { local ns=$1; shift; timeout 60 ip netns exec "$ns" "$@"; }

# Links (created inside A and R1/R2 so that nothing touches the host namespace).
nsx "$A" ip link add a0 type veth peer name r1a netns "$R1"
nsx "$R1" ip link add r1b type veth peer name r2a netns "$R2"
nsx "$R2" ip link add r2b type veth peer name b0 netns "$B"

nsx "$A" ip addr add 192.0.2.10/24 dev a0
nsx "$R1" ip addr add 192.0.2.1/24 dev r1a
nsx "$R1" ip addr add 198.51.100.1/30 dev r1b
nsx "$R2" ip addr add 198.51.100.2/30 dev r2a
nsx "$R2" ip addr add 203.0.113.1/24 dev r2b
nsx "$B" ip addr add 203.0.113.2/24 dev b0
nsx "$R1" ip link set r1b mtu 1280
nsx "$R2" ip link set r2a mtu 1280
for spec in "$A:a0:2001:db8:1::10" "$R1:r1a:2001:db8:1::1" "$R1:r1b:2001:db8:12::1" \
            "$R2:r2a:2001:db8:12::2" "$R2:r2b:2001:db8:2::1" "$B:b0:2001:db8:2::2"; do
  ns=${spec%%:*}; rest=${spec#*:}; dev=${rest%%:*}
  nsx "$ns" ip -6 addr add "${rest#*:}/64" dev "$dev" nodad
done
for pair in "$A:a0" "$R1:r1a" "$R1:r1b" "$R2:r2a" "$R2:r2b" "$B:b0"; do
  nsx "${pair%%:*}" ip link set "${pair#*:}" up
done
for ns in "$A" "$R1" "$R2" "$B"; do
  nsx "$ns" ip link set lo up
  nsx "$ns" sysctl -qw net.ipv4.icmp_ratelimit=0
  nsx "$ns" sysctl -qw net.ipv6.icmp.ratelimit=0
done
nsx "$R1" sysctl -qw net.ipv6.conf.all.forwarding=1
nsx "$R2" sysctl -qw net.ipv6.conf.all.forwarding=1
nsx "$A" ip -6 route add default via 2001:db8:1::1
nsx "$R1" ip -6 route add 2001:db8:2::/64 via 2001:db8:12::2
nsx "$R2" ip -6 route add 2001:db8:1::/64 via 2001:db8:12::1
nsx "$B" ip -6 route add default via 2001:db8:2::1
nsx "$R1" sysctl -qw net.ipv4.ip_forward=1
nsx "$R2" sysctl -qw net.ipv4.ip_forward=1
nsx "$A" ip route add default via 192.0.2.1
nsx "$R1" ip route add 203.0.113.0/24 via 198.51.100.2
nsx "$R2" ip route add 192.0.2.0/24 via 198.51.100.1
nsx "$B" ip route add default via 203.0.113.1

fail=0
check() { # check NAME CONDITION-COMMAND...
  local name=$1; shift
  if "$@"; then echo "ok    $name"; else echo "FAIL  $name"; fail=1; fi
}
out=$(mktemp -d)

# 1. ping A -> B: every reply.
nsx "$A" "$bin/ping" -c 3 -i 0.2 -W 2 203.0.113.2 > "$out/ping" || true
cat "$out/ping"
check "ping to B gets every reply" grep -q "3 packets transmitted, 3 received, 0% packet loss" "$out/ping"
check "ping replies come from B with TTL 62" bash -c "[ \$(grep -c 'bytes from 203.0.113.2: icmp_seq=.* ttl=62' '$out/ping') = 3 ]"

# 1b. ping -R: the record route option (written with v4::write_ipv4_options) comes back with
# the round trip's addresses, shown as iputils' ping shows them; the same addresses as iputils'
# own ping -R when it is installed, the path through R1 and R2 otherwise.
route_of() { awk '/^RR:/ {on=1} on && (/^RR:/ || /^\t[0-9]/) {print $NF} /^$/ {on=0}' "$1" | paste -sd' '; }
nsx "$A" "$bin/ping" -R -c 2 -i 0.2 -W 2 203.0.113.2 > "$out/rr" || true
cat "$out/rr"
check "ping -R gets every reply" grep -q "2 packets transmitted, 2 received, 0% packet loss" "$out/rr"
check "ping -R's second reply took the same route" grep -q "icmp_seq=2 .*(same route)" "$out/rr"
if command -v ping >/dev/null && ping -V 2>&1 | grep -q iputils; then
  nsx "$A" ping -n -R -c 2 -i 0.2 -W 2 203.0.113.2 > "$out/rr-sys" 2> "$out/rr-sys.err" || true
  cat "$out/rr-sys" "$out/rr-sys.err"
  check "ping -R's route is iputils ping -R's" [ "$(route_of "$out/rr")" = "$(route_of "$out/rr-sys")" ]
  replies() { sed -n '/^PING/,/^---/p' "$1" | sed 's/time=[0-9.]* ms/time=T ms/'; }
  check "ping -R's replies and routes are iputils' line for line (times aside)" \
    [ "$(replies "$out/rr")" = "$(replies "$out/rr-sys")" ]
  check "iputils ping -R's second reply took the same route too" grep -q "icmp_seq=2 .*(same route)" "$out/rr-sys"
else
  echo "skip  ping -R against iputils ping (iputils' ping not installed)"
fi
check "ping -R's route goes through R1 and R2 and back" \
  [ "$(route_of "$out/rr")" = "192.0.2.10 198.51.100.1 203.0.113.1 203.0.113.2 203.0.113.2 198.51.100.2 192.0.2.1 192.0.2.10" ]

# 2. traceroute (UDP and ICMP): R1, R2, B in order.
for mode in udp icmp; do
  flag=""; [ "$mode" = icmp ] && flag="--icmp"
  nsx "$A" "$bin/traceroute" $flag -w 1 -m 6 203.0.113.2 > "$out/tr-$mode" || true
  cat "$out/tr-$mode"
  hops=$(awk 'NR>1 {print $2}' "$out/tr-$mode" | paste -sd' ')
  check "traceroute ($mode) lists R1, R2, B" [ "$hops" = "192.0.2.1 198.51.100.2 203.0.113.2" ]
done

# 3. A DF ping larger than the 1280-byte link: R1 reports fragmentation needed, MTU 1280.
nsx "$A" "$bin/ping" -c 1 -s 1300 -M do -W 2 203.0.113.2 > "$out/df" || true
cat "$out/df"
check "DF ping over the small link: frag needed with next-hop MTU 1280" \
  grep -q "From 192.0.2.1 icmp_seq=1 destination unreachable (need to frag), mtu = 1280" "$out/df"

# 4. The system traceroute, where installed, finds the same hops.
if command -v traceroute >/dev/null 2>&1; then
  nsx "$A" traceroute -n -q 1 -w 1 -m 6 203.0.113.2 > "$out/sys" 2>/dev/null || true
  cat "$out/sys"
  sys_hops=$(awk 'NR>1 {print $2}' "$out/sys" | paste -sd' ')
  our_hops=$(awk 'NR>1 {print $2}' "$out/tr-udp" | paste -sd' ')
  check "traceroute hops equal the system traceroute -n" [ "$sys_hops" = "$our_hops" ]
else
  echo "skip  system traceroute comparison (traceroute not installed)"
fi

# 4b. IPv6: ping -6 through both routers, traceroute -6 (UDP and ICMPv6) hop by hop and equal
#     to the system traceroute -6 -n, packet too big (MTU 1280), hop limit exceeded, and an
#     administratively prohibited port (ip6tables, where available).
nsx "$A" "$bin/ping" -6 -c 3 -i 0.2 -W 2 2001:db8:2::2 > "$out/ping6" || true
cat "$out/ping6"
check "ping -6 to B gets every reply" grep -q "3 packets transmitted, 3 received, 0% packet loss" "$out/ping6"
check "ping -6 replies come from B with hop limit 62" bash -c "[ \$(grep -c 'bytes from 2001:db8:2::2: icmp_seq=.* ttl=62' '$out/ping6') = 3 ]"
for mode in udp icmp; do
  flag=""; [ "$mode" = icmp ] && flag="--icmp"
  nsx "$A" "$bin/traceroute" -6 $flag -q 1 -w 1 -m 6 2001:db8:2::2 > "$out/tr6-$mode" || true
  cat "$out/tr6-$mode"
  hops=$(awk 'NR>1 {print $2}' "$out/tr6-$mode" | paste -sd' ')
  check "traceroute -6 ($mode) lists R1, R2, B" [ "$hops" = "2001:db8:1::1 2001:db8:12::2 2001:db8:2::2" ]
done
if command -v traceroute >/dev/null 2>&1; then
  nsx "$A" traceroute -6 -n -q 1 -w 1 -m 6 2001:db8:2::2 > "$out/sys6" 2>/dev/null || true
  cat "$out/sys6"
  sys_hops=$(awk 'NR>1 {print $2}' "$out/sys6" | paste -sd' ')
  our_hops=$(awk 'NR>1 {print $2}' "$out/tr6-udp" | paste -sd' ')
  check "traceroute -6 hops equal the system traceroute -6 -n" [ "$sys_hops" = "$our_hops" ]
fi
nsx "$A" "$bin/ping" -6 -c 1 -s 1300 -W 2 2001:db8:2::2 > "$out/ptb" || true
cat "$out/ptb"
check "ping -6 over the 1280-byte link: packet too big from R1 with MTU 1280" \
  grep -q "From 2001:db8:1::1 icmp_seq=1 Packet too big: mtu=1280" "$out/ptb"
nsx "$A" "$bin/ping" -6 -c 1 -t 1 -W 2 2001:db8:2::2 > "$out/hl" || true
cat "$out/hl"
check "ping -6 with hop limit 1: time exceeded from R1" grep -q "From 2001:db8:1::1 icmp_seq=1 Time exceeded: Hop limit" "$out/hl"
if command -v ip6tables >/dev/null 2>&1 && nsx "$B" ip6tables -A INPUT -p udp --dport 7001 -j REJECT --reject-with icmp6-adm-prohibited 2>/dev/null; then
  nsx "$A" "$bin/traceroute" -6 -q 1 -w 1 -f 3 -m 3 -p 7001 2001:db8:2::2 > "$out/adm6" || true
  cat "$out/adm6"
  check "traceroute -6 to an ip6tables-rejected port ends with !X" grep -q "^ 3  2001:db8:2::2  .* ms !X" "$out/adm6"
  nsx "$B" ip6tables -F INPUT
else
  echo "skip  administratively prohibited (ip6tables not available)"
fi

# 4c. Unprivileged ping sockets (ping_group_range): the TTL or hop limit and the routers'
#     errors come through recvmsg control messages and the error queue.
nsx "$A" sysctl -qw net.ipv4.ping_group_range="0 2147483647"
if command -v setpriv >/dev/null 2>&1; then
  nobody() { nsx "$A" setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
  nobody "$bin/ping" -c 2 -i 0.2 -W 2 203.0.113.2 > "$out/np4" 2>&1 || true
  nobody "$bin/ping" -6 -c 2 -i 0.2 -W 2 2001:db8:2::2 > "$out/np6" 2>&1 || true
  nobody "$bin/ping" -c 1 -t 1 -W 2 203.0.113.2 > "$out/nt4" 2>&1 || true
  nobody "$bin/ping" -6 -c 1 -t 1 -W 2 2001:db8:2::2 > "$out/nt6" 2>&1 || true
  cat "$out/np4" "$out/np6" "$out/nt4" "$out/nt6"
  check "unprivileged ping shows the TTL" bash -c "[ \$(grep -c 'from 203.0.113.2: icmp_seq=.* ttl=62' '$out/np4') = 2 ]"
  check "unprivileged ping -6 shows the hop limit" bash -c "[ \$(grep -c 'from 2001:db8:2::2: icmp_seq=.* ttl=62' '$out/np6') = 2 ]"
  check "unprivileged ping reports R1's time exceeded" grep -q "From 192.0.2.1 icmp_seq=1 time exceeded" "$out/nt4"
  check "unprivileged ping -6 reports R1's time exceeded" grep -q "From 2001:db8:1::1 icmp_seq=1 Time exceeded: Hop limit" "$out/nt6"
else
  echo "skip  unprivileged ping (setpriv not available)"
fi

# 5. The responder on B answers in place of B's kernel: echo replies, and (where iptables can
#    drop the kernel's own port unreachables) a port unreachable quoting the datagram.
nsx "$B" sysctl -qw net.ipv4.icmp_echo_ignore_all=1
udp_check=0
if command -v iptables >/dev/null 2>&1 && nsx "$B" iptables -A OUTPUT -p icmp --icmp-type port-unreachable -m mark ! --mark 0x49 -j DROP 2>/dev/null; then
  udp_check=1
fi
nsx "$B" "$bin/responder" --listen 6 --mark 0x49 > "$out/resp" 2>&1 &
resp=$!
sleep 1
nsx "$A" "$bin/ping" -c 3 -i 0.2 -W 2 203.0.113.2 > "$out/ping-resp" || true
cat "$out/ping-resp"
check "the responder's echo replies reach A" grep -q "3 packets transmitted, 3 received" "$out/ping-resp"
if [ "$udp_check" = 1 ]; then
  nsx "$A" "$bin/traceroute" -q 1 -w 1 -f 3 -m 3 203.0.113.2 > "$out/tr-resp" || true
  cat "$out/tr-resp"
  check "the responder's port unreachable ends a UDP traceroute at B" grep -q "^ 3  203.0.113.2  " "$out/tr-resp"
else
  echo "skip  responder port unreachable (iptables not available to silence B's kernel)"
fi
wait "$resp" || true
cat "$out/resp"

# 6. The responder on a TUN device (namespace T): the kernel routes 198.51.100.99 and
#    2001:db8:99::99 into tun9, and its own ping, ping -6, traceroute and traceroute -6 are
#    answered by the library's Responder; then an error storm, counted by T's kernel
#    (/proc/net/snmp), stays within the token bucket's bound.
T="$tag-t"
if ip netns add "$T" 2>/dev/null; then
  nsx "$T" ip link set lo up
  nsx "$T" ip tuntap add dev tun9 mode tun
  nsx "$T" ip link set tun9 up
  nsx "$T" ip addr add 198.51.100.50/32 peer 198.51.100.99/32 dev tun9
  nsx "$T" ip -6 addr add 2001:db8:99::50/64 dev tun9 nodad
  rate=10
  nsx "$T" "$bin/responder" --tun tun9 --ipv4 198.51.100.99 --ipv6 2001:db8:99::99 \
    --error-rate $rate --probe --seconds 8 > "$out/tun" 2>&1 &
  tunresp=$!
  sleep 1
  if command -v ping >/dev/null 2>&1; then
    nsx "$T" ping -n -c 3 -i 0.2 -W 2 198.51.100.99 > "$out/tping" 2>&1 || true
    cat "$out/tping"
    check "the kernel's ping gets the TUN responder's echo replies" grep -q "3 packets transmitted, 3 received" "$out/tping"
    nsx "$T" ping -6 -n -c 3 -i 0.2 -W 2 2001:db8:99::99 > "$out/tping6" 2>&1 || true
    cat "$out/tping6"
    check "the kernel's ping -6 gets the TUN responder's echo replies" grep -q "3 packets transmitted, 3 received" "$out/tping6"
  else
    echo "skip  the kernel's ping through the TUN responder (ping not installed)"
  fi
  if command -v traceroute >/dev/null 2>&1; then
    nsx "$T" traceroute -n -q 1 -w 1 -m 3 198.51.100.99 > "$out/ttr" 2>&1 || true
    cat "$out/ttr"
    check "traceroute ends at the TUN responder's port unreachable" grep -q "^ 1  198.51.100.99 " "$out/ttr"
    nsx "$T" traceroute -6 -n -q 1 -w 1 -m 3 2001:db8:99::99 > "$out/ttr6" 2>&1 || true
    cat "$out/ttr6"
    check "traceroute -6 ends at the TUN responder's port unreachable" grep -q "^ 1  2001:db8:99::99 " "$out/ttr6"
  else
    echo "skip  the kernel's traceroute through the TUN responder (traceroute not installed)"
  fi
  # The storm: 300 UDP datagrams as fast as bash sends them; T's kernel counts the port
  # unreachables it receives. At most the burst plus the rate for the seconds it took.
  unreach() { nsx "$T" awk '/^Icmp:/ { if (seen) { for (i = 1; i <= NF; i++) if (h[i] == "InDestUnreachs") print $i } else { split($0, h); seen = 1 } }' /proc/net/snmp; }
  sleep 1.1 # the bucket refills after the traceroutes
  before=$(unreach)
  t0=$(date +%s%N)
  nsx "$T" bash -c 'for i in $(seq 300); do echo storm > /dev/udp/198.51.100.99/9; done' 2>/dev/null || true
  sleep 0.3
  t1=$(date +%s%N)
  after=$(unreach)
  got=$((after - before))
  bound=$((rate + rate * (t1 - t0 + 999999999) / 1000000000))
  echo "error storm: 300 datagrams in $(( (t1 - t0) / 1000000 )) ms, $got port unreachables (bound $bound)"
  check "the error storm's port unreachables stay within the rate limit ($got <= $bound)" [ "$got" -le "$bound" ]
  check "the error storm still gets the burst ($got >= $rate)" [ "$got" -ge "$rate" ]
  wait "$tunresp" 2>/dev/null || true
  cat "$out/tun"
  check "the TUN responder counted the storm's rate-limited datagrams" grep -q "error rate limited" "$out/tun"
  ip netns del "$T" 2>/dev/null || true
else
  echo "skip  the TUN responder (cannot create a namespace for it)"
fi
rm -rf "$out"

if [ "$fail" != 0 ]; then
  echo "netns: FAILED"
  exit 1
fi
echo "netns: all checks passed"

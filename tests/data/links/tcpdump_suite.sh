#!/usr/bin/env bash
# icmpdump on the test captures of tcpdump's own test suite, beside tshark and capinfos:
# files refused, frames read, ICMP messages shown per file. Not part of CI (it clones tcpdump
# and takes minutes); its figures are in the README's icmpdump section.
#
#   bash tests/data/links/tcpdump_suite.sh [TCPDUMP_COMMIT]
#   TCPDUMP_TESTS=/path/to/tcpdump/tests bash tests/data/links/tcpdump_suite.sh   # offline
set -euo pipefail
commit=${1:-39b50f76672bca4af7d7eb52604c5b692c6b6b2c}
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=$(mktemp -d)
if [ -z "${TCPDUMP_TESTS:-}" ]; then
  git clone -q https://github.com/the-tcpdump-group/tcpdump "$work/tcpdump"
  git -C "$work/tcpdump" checkout -q "$commit"
  TCPDUMP_TESTS="$work/tcpdump/tests"
fi
cargo build --release --example icmpdump --manifest-path "$root/Cargo.toml"
dump="$root/target/release/examples/icmpdump"
cd "$TCPDUMP_TESTS"
refused=0 files=0 frame_diff=0 icmp_diff=0 ours_total=0 theirs_total=0
for f in *.pcap *.pcapng; do
  files=$((files + 1))
  if ! line=$("$dump" "$f" 2>&1 >/dev/null | grep 'frames read'); then
    refused=$((refused + 1)); echo "refused: $f"; continue
  fi
  frames=$(sed 's/.*: \([0-9]*\) frames read.*/\1/' <<<"$line")
  shown=$(sed 's/.* \([0-9]*\) ICMP messages printed.*/\1/' <<<"$line")
  # Frames as Wireshark's capinfos counts them (it cannot read some link types: skipped).
  if theirs=$(capinfos -c -M -T -r "$f" 2>/dev/null | awk -F'\t' '{print $2}') && [ -n "$theirs" ] \
     && [ "$theirs" != "$frames" ]; then
    frame_diff=$((frame_diff + 1)); echo "frames: $f icmpdump $frames capinfos $theirs"
  fi
  # Frames where tshark finds ICMP or ICMPv6.
  icmp=$(HOME=/nonexistent tshark -r "$f" -T fields -e frame.protocols 2>/dev/null | grep -cE '(^|:)(icmp|icmpv6)(:|$)' || true)
  ours_total=$((ours_total + shown)); theirs_total=$((theirs_total + icmp))
  if [ "$icmp" != "$shown" ]; then
    icmp_diff=$((icmp_diff + 1)); echo "icmp: $f icmpdump $shown tshark $icmp"
  fi
done
echo "$files files: $refused refused, $frame_diff with another frame count than capinfos,"
echo "$icmp_diff with another ICMP count than tshark ($ours_total shown, tshark $theirs_total)"
rm -rf "$work"

#!/usr/bin/env bash
# Coverage of the peers' ICMP parsers behind a checksum gate, with and without icmpwire's
# fix_up custom mutator, in the same time budget (FUZZING.md, "Custom mutator").
# Each run's corpus is replayed through peers_plain, so only the peers' code counts.
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-240}
cargo +nightly fuzz build peers_plain
cargo +nightly fuzz build peers_fixup
B=target/x86_64-unknown-linux-gnu/release
out=/tmp/mdemo
rm -rf "$out"; mkdir -p "$out"
for mode in empty seeded; do
  for t in plain fixup; do
    c=$out/$mode-$t; mkdir -p "$c"
    extra=(); [ "$mode" = seeded ] && extra=(seeds/messages)
    "$B/peers_$t" -max_total_time="$secs" -dict=icmp.dict -print_final_stats=1 -seed=1 "$c" "${extra[@]}" > "$out/$mode-$t.log" 2>&1
    "$B/peers_plain" -runs=0 "$c" "${extra[@]}" > "$out/$mode-$t.replay.log" 2>&1
    echo "$mode $t: $(grep -m1 stat::number_of_executed_units "$out/$mode-$t.log") replay: $(grep INITED "$out/$mode-$t.replay.log")"
  done
done

#!/usr/bin/env bash
# Code size of ci/footprint's `handle` and everything it pulls in, on thumbv7em-none-eabihf at
# opt-level "z" with LTO: icmpwire (through Message, and through the typed views) vs smoltcp.
# Prints a Markdown table (used in BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")"
rustup target add thumbv7em-none-eabihf >/dev/null 2>&1 || true
rustup component add llvm-tools >/dev/null 2>&1 || rustup component add llvm-tools-preview >/dev/null 2>&1 || true
nm=$(find "$(rustc --print sysroot)" -name llvm-nm -type f | head -1)
echo "| implementation | code bytes (text of the LTO object: handle and all it calls) | read-only data bytes |"
echo "|---|---:|---:|"
for impl in icmpwire icmpwire-typed smoltcp; do
  cargo build -q --release --target thumbv7em-none-eabihf --features "$impl" --target-dir "target/$impl"
  lib="target/$impl/thumbv7em-none-eabihf/release/libicmpwire_footprint.a"
  "$nm" --print-size --defined-only "$lib" 2>/dev/null | python3 -c '
import sys
text = ro = 0
member = ""
for line in sys.stdin:
    line = line.rstrip("\n")
    if line.endswith(":"):
        member = line
        continue
    parts = line.split()
    if len(parts) != 4 or not member.startswith("icmpwire_footprint"):
        continue
    size, kind = int(parts[1], 16), parts[2]
    if kind in "Tt":
        text += size
    elif kind in "Rr":
        ro += size
print(f"| {sys.argv[1]} | {text} | {ro} |")
' "$impl"
done

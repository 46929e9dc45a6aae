#!/usr/bin/env python3
"""Summarise criterion results (target/criterion, or $CARGO_TARGET_DIR/criterion) as Markdown
tables: median per function, throughput from the median when the bench declared one, and speed
relative to the best peer measured in the same group (best peer's median time / this function's
median time: above 1.00x is faster).

usage: python3 benches/report.py [GROUP_PREFIX ...]   (e.g. checksum_1500 parse_)

A function whose name starts with "icmpwire" is ours; names starting with "read_limit" or
"hand_" are references, not peers; every other function in a group is a peer.
"""
import json, os, sys

target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
root = os.path.join(target, "criterion")
prefixes = sys.argv[1:] or [""]


def estimate(d):
    est, bm = os.path.join(d, "new", "estimates.json"), os.path.join(d, "new", "benchmark.json")
    if not os.path.exists(est):
        return None
    thr = (json.load(open(bm)).get("throughput") or {}) if os.path.exists(bm) else {}
    return json.load(open(est))["median"]["point_estimate"], thr.get("Bytes") or thr.get("BytesDecimal")


def functions(group_dir):
    """function name -> (median ns, bytes) for group/function[/parameter]/new/estimates.json."""
    rows = {}
    for fn in sorted(os.listdir(group_dir)):
        fdir = os.path.join(group_dir, fn)
        if not os.path.isdir(fdir) or fn == "report":
            continue
        e = estimate(fdir)
        if e is None:
            for param in sorted(os.listdir(fdir)):
                e = estimate(os.path.join(fdir, param)) or e
        if e is not None:
            rows[fn] = e
    return rows


def natural(g):
    return [int(t) if t.isdigit() else t for t in g.replace("_", "/").split("/")]


def is_peer(name):
    return not (name.startswith("icmpwire") or name.startswith("read_limit") or name.startswith("hand_"))


for g in sorted(os.listdir(root) if os.path.isdir(root) else [], key=natural):
    gdir = os.path.join(root, g)
    if g == "report" or not os.path.isdir(gdir) or not any(g.startswith(p) for p in prefixes):
        continue
    rows = functions(gdir)
    if not rows:
        continue
    peers = {k: v for k, v in rows.items() if is_peer(k)}
    best = min(peers.items(), key=lambda kv: kv[1][0]) if peers else None
    print(f"\n{g}" + (f" (best peer: {best[0]})" if best else " (no peer implements this)"))
    print()
    print("| function | median | throughput | speed vs best peer |")
    print("|---|---:|---:|---:|")
    for name, (ns, nbytes) in sorted(rows.items(), key=lambda kv: kv[1][0]):
        t = f"{ns:.2f} ns" if ns < 1000 else f"{ns/1000:.2f} µs"
        gbs = f"{nbytes / ns:.1f} GB/s" if nbytes else ""
        ratio = f"{best[1][0] / ns:.2f}x" if best else ""
        print(f"| {name} | {t} | {gbs} | {ratio} |")

#!/usr/bin/env python3
"""Summarise criterion results (target/criterion) as Markdown tables: median per function,
throughput from the median, and speed relative to the best peer measured in the same group
(best peer's median time / this function's median time: above 1.00x is faster).

usage: python3 benches/report.py [GROUP_PREFIX ...]   (e.g. checksum/)
A function whose name starts with "icmpwire" is ours; "read_limit*" are references (how fast
the machine merely reads the buffer), not peers; every other function in a group is a peer.
"""
import json, os, sys

target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
root = os.path.join(target, "criterion")
prefixes = sys.argv[1:] or [""]


def load(group_dir):
    rows = {}
    for fn in sorted(os.listdir(group_dir)):
        fdir = os.path.join(group_dir, fn)
        if not os.path.isdir(fdir) or fn == "report":
            continue
        for param in sorted(os.listdir(fdir)):
            est = os.path.join(fdir, param, "new", "estimates.json")
            bm = os.path.join(fdir, param, "new", "benchmark.json")
            if not os.path.exists(est):
                continue
            e = json.load(open(est))
            b = json.load(open(bm))
            thr = b.get("throughput") or {}
            nbytes = thr.get("Bytes") or thr.get("BytesDecimal")
            rows[fn] = (e["median"]["point_estimate"], nbytes)
    return rows


groups = []
for dirpath, dirnames, filenames in os.walk(root):
    rel = os.path.relpath(dirpath, root)
    if "benchmark.json" in filenames or rel == "." or "/report" in rel:
        continue
    # A group directory holds function directories which hold parameter directories.
    if any(os.path.exists(os.path.join(dirpath, d, p, "new", "estimates.json"))
           for d in dirnames for p in (os.listdir(os.path.join(dirpath, d)) if os.path.isdir(os.path.join(dirpath, d)) else [])):
        groups.append(rel)


def natural(g):
    return [int(t) if t.isdigit() else t for t in g.replace("_", "/").split("/")]


for g in sorted(groups, key=natural):
    if not any(g.startswith(p) for p in prefixes):
        continue
    rows = load(os.path.join(root, g))
    if not rows:
        continue
    peers = {k: v for k, v in rows.items() if not k.startswith("icmpwire") and not k.startswith("read_limit")}
    best = min(peers.items(), key=lambda kv: kv[1][0]) if peers else None
    print(f"\n{g}" + (f" (best peer: {best[0]})" if best else ""))
    print()
    print("| function | median | throughput | speed vs best peer |")
    print("|---|---:|---:|---:|")
    for name, (ns, nbytes) in sorted(rows.items(), key=lambda kv: kv[1][0]):
        t = f"{ns:.2f} ns" if ns < 1000 else f"{ns/1000:.2f} µs"
        gbs = f"{nbytes / ns:.1f} GB/s" if nbytes else ""
        ratio = f"{best[1][0] / ns:.2f}x" if best else ""
        print(f"| {name} | {t} | {gbs} | {ratio} |")

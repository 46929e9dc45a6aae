#!/usr/bin/env python3
"""Summarise criterion results (target/criterion, or $CARGO_TARGET_DIR/criterion) as Markdown
tables: per input, each function's median with criterion's 95% confidence interval of the median,
throughput from the median when the bench declared one, and speed relative to the best peer
measured on the same input in the same group (best peer's median time / this function's median
time: above 1.00x is faster), with the interval that the two medians' intervals give.

A ratio is marked "noise" when that interval contains 1.00: the run cannot tell the two apart.

usage: python3 benches/report.py [GROUP_PREFIX ...]   (e.g. checksum_1500 parse_)

A function whose name starts with "icmpwire" is ours; names starting with "read_limit" or
"hand_" are references, not peers; every other function in a group is a peer. Groups whose
functions take inputs (criterion's group/function/input) get one table per input.
"""
import json, os, sys

target = os.environ.get("CARGO_TARGET_DIR") or os.path.join(os.path.dirname(__file__), "..", "target")
root = os.environ.get("CRITERION_DIR") or os.path.join(target, "criterion")
prefixes = sys.argv[1:] or [""]


def estimate(d):
    """(median ns, low ns, high ns, bytes) of one benchmark directory, or None."""
    est, bm = os.path.join(d, "new", "estimates.json"), os.path.join(d, "new", "benchmark.json")
    if not os.path.exists(est):
        return None
    thr = (json.load(open(bm)).get("throughput") or {}) if os.path.exists(bm) else {}
    m = json.load(open(est))["median"]
    ci = m["confidence_interval"]
    return (m["point_estimate"], ci["lower_bound"], ci["upper_bound"],
            thr.get("Bytes") or thr.get("BytesDecimal") or None, thr.get("Elements"))


def natural(g):
    return [int(t) if t.isdigit() else t for t in g.replace("_", "/").split("/")]


def tables(group_dir):
    """input name ("" when none) -> {function: estimate}."""
    out = {}
    for fn in sorted(os.listdir(group_dir)):
        fdir = os.path.join(group_dir, fn)
        if not os.path.isdir(fdir) or fn == "report":
            continue
        e = estimate(fdir)
        if e is not None:
            out.setdefault("", {})[fn] = e
            continue
        for param in sorted(os.listdir(fdir)):
            e = estimate(os.path.join(fdir, param))
            if e is not None:
                out.setdefault(param, {})[fn] = e
    return out


def is_peer(name):
    """A contestant other than icmpwire; references (checksums alone, reads without the checksum,
    the runner's floor) are not."""
    return not (
        name.startswith("icmpwire")
        or name.startswith("read_limit")
        or name.startswith("hand_")
        or name == "floor"
        or name.endswith("_unverified")
        or name.endswith("_by_type")
    )


def fmt(ns):
    return f"{ns:.2f} ns" if ns < 1000 else f"{ns/1000:.2f} µs"


for g in sorted(os.listdir(root) if os.path.isdir(root) else [], key=natural):
    gdir = os.path.join(root, g)
    if g == "report" or not os.path.isdir(gdir) or not any(g.startswith(p) for p in prefixes):
        continue
    for param, rows in sorted(tables(gdir).items(), key=lambda kv: natural(kv[0])):
        peers = {k: v for k, v in rows.items() if is_peer(k)}
        best = min(peers.items(), key=lambda kv: kv[1][0]) if peers else None
        title = f"{g}/{param}" if param else g
        print(f"\n{title}" + (f" (best peer: {best[0]})" if best else " (no peer implements this)"))
        print()
        print("| function | median [95% CI] | throughput | speed vs best peer [interval] |")
        print("|---|---:|---:|---:|")
        for name, (ns, lo, hi, nbytes, elems) in sorted(rows.items(), key=lambda kv: kv[1][0]):
            if nbytes:
                thr = f"{nbytes / ns:.1f} GB/s"
            elif elems:
                thr = f"{ns / elems:.2f} ns/elem"
            else:
                thr = ""
            ratio = ""
            if best:
                bns, blo, bhi = best[1][:3]
                r, rlo, rhi = bns / ns, blo / hi, bhi / lo
                noise = " noise" if rlo <= 1.0 <= rhi and name != best[0] else ""
                ratio = f"{r:.2f}x [{rlo:.2f}, {rhi:.2f}]{noise}"
            print(f"| {name} | {fmt(ns)} [{fmt(lo)}, {fmt(hi)}] | {thr} | {ratio} |")

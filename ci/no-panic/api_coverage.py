#!/usr/bin/env python3
"""Every public function and inherent method of icmpwire is called inside the no-panic proof.

The crate docs promise that no function of the crate panics; ci/no-panic proves it for what its
wrappers call. This script lists the public API from rustdoc's JSON output (default features:
the std-only `strategy` and `fuzzing` test helpers are not part of it), by name, and fails if a
name is called nowhere in ci/no-panic/src, so that a new function cannot be left out of the
proof unnoticed. Trait impls (Display, Debug, From, Iterator::next...) are not listed: the
iterators are driven by the wrappers' loops, and Display is outside the proof (see all.rs).
Matching is by name (`.name(`, `::name(`, `name(`): names several types share count once.

usage (from the repository root):
  cargo +nightly rustdoc --lib -- -Z unstable-options --output-format json
  python3 ci/no-panic/api_coverage.py target/doc/icmpwire.json
"""
import glob
import json
import os
import re
import sys


def public_names(doc):
    index = doc["index"]
    names = set()
    for item in index.values():
        inner = item.get("inner") or {}
        if "impl" in inner:
            imp = inner["impl"]
            if imp.get("trait") is not None or imp.get("is_synthetic") or imp.get("blanket_impl"):
                continue
            for mid in imp.get("items", []):
                m = index.get(str(mid))
                if m and "function" in (m.get("inner") or {}) and m.get("visibility") == "public":
                    names.add(m["name"])
        elif "function" in inner and item.get("visibility") == "public":
            names.add(item["name"])
    return names


def main():
    doc = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "target/doc/icmpwire.json"))
    here = os.path.dirname(os.path.abspath(__file__))
    proof = "".join(open(f).read() for f in sorted(glob.glob(os.path.join(here, "src", "*.rs"))))
    names = public_names(doc)
    missing = sorted(n for n in names
                     if not re.search(r"(\.|::|\b)" + re.escape(n) + r"\s*(\(|::<)", proof))
    print(f"public functions and methods: {len(names)} names, {len(names) - len(missing)} "
          f"called in the no-panic proof")
    if len(names) < 150:
        sys.exit(f"only {len(names)} names read: has rustdoc's JSON format changed?")
    if missing:
        sys.exit("not in the no-panic proof: " + ", ".join(missing))


if __name__ == "__main__":
    main()

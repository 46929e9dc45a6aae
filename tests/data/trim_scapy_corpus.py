#!/usr/bin/env python3
"""Make tests/data/scapy_corpus.min.jsonl.gz from the team oracle's scapy_corpus.jsonl.

Keeps, for each of the 2174 records, only the keys the tests read (the oracle's own values,
unchanged): id, category, malformation, derived_from, note, hex, length, type, code, checksum,
checksum_valid, scapy_ok, fields, inner, payload_offset. Drops payload_hex (the tail of hex from
payload_offset), the names, pcap references and decoder notes. Output is deterministic.

usage: python3 tests/data/trim_scapy_corpus.py ../shared/oracle/data/scapy_corpus.jsonl
"""
import gzip, json, sys

KEEP = ["id", "category", "malformation", "derived_from", "note", "hex", "length", "type",
        "code", "checksum", "checksum_valid", "scapy_ok", "fields", "inner", "payload_offset"]

src = sys.argv[1]
out = "tests/data/scapy_corpus.min.jsonl.gz"
lines = []
for line in open(src):
    rec = json.loads(line)
    lines.append(json.dumps({k: rec.get(k) for k in KEEP}, sort_keys=True, separators=(",", ":")))
with gzip.GzipFile(out, "wb", compresslevel=9, mtime=0) as f:
    f.write(("\n".join(lines) + "\n").encode())
print(out, len(lines), "records")

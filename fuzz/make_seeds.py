#!/usr/bin/env python3
"""Seed corpora for the fuzz targets, from the oracle records vendored in tests/data (scapy,
tshark, Linux kernel; see tests/data/README.md): one message per (type, code, category,
malformation) of each corpus, so the seeds stay small (a few hundred files) but reach every
message family, every error class and every extension object the corpora hold.

usage (from the repository root): python3 fuzz/make_seeds.py
Writes fuzz/seeds/{messages,quote,checksum}/<sha1 of the bytes>; deterministic.
"""
import gzip, hashlib, json, os

root = os.path.join(os.path.dirname(__file__), "..")
records = [json.loads(l) for l in gzip.open(os.path.join(root, "tests/data/scapy_corpus.min.jsonl.gz"), "rt")]
records += [json.loads(l) for l in open(os.path.join(root, "tests/data/kernel.jsonl"))]

picked = {}
for r in records:
    key = (r["type"], r["code"], r["category"], r["malformation"], r["length"] > 128)
    picked.setdefault(key, bytes.fromhex(r["hex"]))
messages = sorted(picked.values())

quotes = sorted({m[8:] for m in messages if m and m[0] in (3, 4, 5, 11, 12) and len(m) > 8})


def write(target, blobs):
    d = os.path.join(root, "fuzz", "seeds", target)
    os.makedirs(d, exist_ok=True)
    for old in os.listdir(d):
        os.remove(os.path.join(d, old))
    for b in blobs:
        with open(os.path.join(d, hashlib.sha1(b).hexdigest()), "wb") as f:
            f.write(b)
    print(target, len(blobs), "seeds", sum(len(b) for b in blobs), "bytes")


write("messages", messages)  # for parse and differential
write("quote", quotes)
# checksum: 8 control bytes then data; the messages make realistic data.
write("checksum", [bytes(8) + m for m in messages[:64]])

# ICMPv6 (tests/data/oracle6.min.jsonl.gz): the pseudo-header's source and destination (32
# bytes) then the message, one per (type, code, category, malformation, long or not).
records6 = [json.loads(l) for l in gzip.open(os.path.join(root, "tests/data/oracle6.min.jsonl.gz"), "rt")]
import ipaddress
picked6 = {}
for r in records6:
    key = (r["type"], r["code"], r["category"], r["malformation"], r["length"] > 128)
    addrs = ipaddress.IPv6Address(r["src"]).packed + ipaddress.IPv6Address(r["dst"]).packed
    picked6.setdefault(key, addrs + bytes.fromhex(r["hex"]))
write("messages6", sorted(picked6.values()))  # for parse6 and differential6

# respond: two setting bytes (every host feature on, a 1504-byte answer buffer), then a whole
# IP packet of the kernel captures (tests/data/kernel.pcap, kernel6.pcap; pcap, Ethernet), one
# per (IP version, protocol, ICMP type, IPv4 header length).
import struct
packets = []
for name in ["kernel.pcap", "kernel6.pcap"]:
    data = open(os.path.join(root, "tests/data", name), "rb").read()
    seen, off = set(), 24
    while off + 16 <= len(data):
        incl = struct.unpack("<I", data[off + 8:off + 12])[0]
        ip = data[off + 16 + 14:off + 16 + incl]
        off += 16 + incl
        if ip[0] >> 4 == 4:
            hl = (ip[0] & 15) * 4
            key = (4, ip[9], ip[hl:hl + 1], hl)
        else:
            key = (6, ip[6], ip[40:41], 40)
        if key not in seen:
            seen.add(key)
            packets.append(bytes([0x7F, 0xBC]) + ip)
write("packets", packets)

#!/usr/bin/env python3
"""Make tests/data/oracle6.min.jsonl.gz from the team's ICMPv6 oracle (oracle/v6/data).

Reads scapy6_corpus.jsonl (4246 records) then kernel6.jsonl (328 records) and writes one
line per record of both files, in that order, every record kept (well-formed, malformed,
incomplete fragment). Only the keys a Rust test reads are kept, with the oracle's own values
unchanged:

  id, source, category, malformation, src, dst, hex, length, type, code, checksum,
  checksum_valid, checksum_valid_without_pseudo_header, scapy_ok, problems, fields, inner,
  extension, payload_offset, payload_hex, note (cut to its first 120 characters), and
  derived_from where the record has one (the malformed records made from a well-formed one)

Dropped, because they describe scapy's own behaviour and are not RFC facts (oracle README
"Quirks, not bugs to copy"):
  * in `inner`: decoded_by_scapy, scapy_layers, scapy_chain_agrees, upper_layer_decoded_by
  * in `fields`: scapy_option_chain, scapy_records_list_length; in each `fields.options[]`
    object: scapy_class, scapy_error, scapy_domains

Renamed, values unchanged: type 155's `rpl_fields` becomes `rpl` with RFC 6550's field names
(RPL_KEYS below) instead of scapy.contrib.rpl's, and `rpl_message` names the message as RFC
6550 does (RPL_NAMES: "RPLDIS" -> "DIS", ...).
Dropped top-level keys: pcap, pcap_frame, decoder, type_name, code_name,
message_class, scapy_class, scapy_error, scapy_found_extension and the kernel-only
capture_time, scenario, sender, generated_by, fragment_frames, ip.

Output: keys sorted recursively, compact separators, ASCII, "\\n" after every line, gzip
level 9 with mtime 0 and a fixed name in the header, so a rerun is byte-identical.
Python 3.11, standard library only.

usage (from the repository root):
  python3 tests/data/trim_oracle6.py [ORACLE_V6_DATA_DIR]
ORACLE_V6_DATA_DIR defaults to /work/shared/oracle/v6/data.
"""
import gzip
import json
import os
import sys

KEEP = ["id", "source", "category", "malformation", "src", "dst", "hex", "length", "type",
        "code", "checksum", "checksum_valid", "checksum_valid_without_pseudo_header",
        "scapy_ok", "problems", "fields", "inner", "extension", "payload_offset",
        "payload_hex", "note"]
DROP_INNER = {"decoded_by_scapy", "scapy_layers", "scapy_chain_agrees", "upper_layer_decoded_by"}
DROP_FIELDS = {"scapy_option_chain", "scapy_records_list_length"}
DROP_OPTION = {"scapy_class", "scapy_error", "scapy_domains"}
NOTE_MAX = 120
# scapy.contrib.rpl's field names -> RFC 6550 sections 6.2.1-6.5.1's words.
RPL_KEYS = {"RPLInstanceID": "instance_id", "ver": "version", "rank": "rank", "G": "grounded",
            "unused1": "zero", "mop": "mop", "prf": "preference", "dtsn": "dtsn",
            "flags": "flags", "reserved": "reserved", "dodagid": "dodag_id", "K": "k_flag",
            "D": "d_flag", "daoseq": "sequence", "status": "status"}
RPL_NAMES = {"RPLDIS": "DIS", "RPLDIO": "DIO", "RPLDAO": "DAO", "RPLDAOACK": "DAO-ACK",
             None: None}
SOURCES = [("scapy6_corpus.jsonl", "scapy", 4246), ("kernel6.jsonl", "kernel", 328)]

OUT_NAME = "oracle6.min.jsonl"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), OUT_NAME + ".gz")


def trim(rec):
    out = {k: rec[k] for k in KEEP}  # KeyError if the oracle schema changed
    out["note"] = out["note"][:NOTE_MAX]
    if "derived_from" in rec:
        out["derived_from"] = rec["derived_from"]
    inner = out["inner"]
    if inner is not None:
        out["inner"] = {k: v for k, v in inner.items() if k not in DROP_INNER}
    fields = out["fields"]
    if fields is not None:
        fields = {k: v for k, v in fields.items() if k not in DROP_FIELDS}
        if rec["type"] == 155:
            fields["rpl_message"] = RPL_NAMES[fields["rpl_message"]]  # KeyError: a new class
            if "rpl_fields" in fields:
                fields["rpl"] = {RPL_KEYS[k]: v for k, v in fields.pop("rpl_fields").items()}
        if isinstance(fields.get("options"), list):
            fields["options"] = [{k: v for k, v in opt.items() if k not in DROP_OPTION}
                                 for opt in fields["options"]]
        out["fields"] = fields
    return out


def no_scapy_keys(obj, path):
    """Fail if a scapy-only key survived anywhere below the top level."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if path and ("scapy" in k or k in ("rpl_fields", "upper_layer_decoded_by")):
                raise SystemExit(f"scapy-only key left at {path}.{k}")
            no_scapy_keys(v, f"{path}.{k}")
    elif isinstance(obj, list):
        for v in obj:
            no_scapy_keys(v, path + "[]")


def main():
    data_dir = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/oracle/v6/data"
    lines, seen = [], set()
    for name, source, expected in SOURCES:
        n = 0
        with open(os.path.join(data_dir, name), encoding="ascii") as f:
            for line in f:
                rec = json.loads(line)
                assert rec["source"] == source, (name, rec["id"])
                assert rec["id"] not in seen, rec["id"]
                seen.add(rec["id"])
                small = trim(rec)
                no_scapy_keys(small, "")
                lines.append(json.dumps(small, sort_keys=True, separators=(",", ":")))
                n += 1
        if n != expected:
            raise SystemExit(f"{name}: {n} records, expected {expected}")
    with open(OUT, "wb") as raw:
        with gzip.GzipFile(filename=OUT_NAME, mode="wb", compresslevel=9, fileobj=raw,
                           mtime=0) as f:
            f.write(("\n".join(lines) + "\n").encode("ascii"))
    print(OUT, len(lines), "records", os.path.getsize(OUT), "bytes")


if __name__ == "__main__":
    main()

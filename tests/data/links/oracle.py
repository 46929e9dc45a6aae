#!/usr/bin/env python3
"""Build the independent oracle of tests/data/links/ from tshark (and tcpdump).

    python3 tests/data/links/oracle.py

For every capture (*.pcap, *.pcapng) in this directory it runs

    tshark -n -r FILE -T pdml

(PDML keeps the protocol tree in order and keeps repeated fields, unlike
`-T json`) and writes:

oracle.jsonl - one JSON object per ICMP / ICMPv6 message tshark dissects at
  top level (not the headers quoted inside an ICMP error), sorted by file and
  frame, with the keys
    file      capture file name
    frame     tshark's frame number (frame.number)
    time      frame.time_epoch exactly as tshark prints it (a string), or
              null when tshark has no timestamp (pcapng Simple Packet Block)
    ip        4 or 6: the version of the IP header that carries the message
    src, dst  that IP header's addresses (ip.src/ip.dst or ipv6.src/ipv6.dst)
    type, code  icmp.type/icmp.code or icmpv6.type/icmpv6.code, integers
    checksum  "good" / "bad" from icmp(v6).checksum.status, null when tshark
              shows it unverified, not present, or not at all
    length    the size tshark gives the ICMP protocol item (its captured
              bytes), null when tshark shows no ICMP item
    encap     frame.protocols split at ':' up to (not including) the first
              icmp/icmpv6 layer, i.e. tshark's own layer names from the
              frame down to the carrying IP header
  A message whose layer tshark lists in frame.protocols but whose tree item
  it could not add (the capture cuts the ICMP header short) is still listed,
  with type, code, checksum and length null.

frames.json - per file: the number of frames tshark reads, tshark's exit
  status and stderr, its expert infos (notes, warnings, errors; not chats),
  its malformed flag and "packet size limited" frames, the number of ICMP
  messages in oracle.jsonl, and tcpdump's exit
  status, first stderr line, its further stderr lines, the number of packet
  lines it prints for `tcpdump -n -r FILE` and how many of its output lines
  mention ICMP.

Nothing here reads icmpwire's code or output: the oracle is tshark's alone.
tshark runs with HOME and XDG_CONFIG_HOME pointing at an empty directory, so
no personal preferences change the decode, and TZ=UTC.
"""

import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))

SEVERITY = {
    0x00200000: "chat",
    0x00400000: "note",
    0x00600000: "warning",
    0x00800000: "error",
}
CHECKSUM = {"0": "bad", "1": "good"}  # 2 = unverified, 3 = not present
TIMESTAMP_LINE = re.compile(r"^\d\d:\d\d:\d\d\.\d+ ")


def env_for_tools(home):
    env = dict(os.environ)
    env.update(HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"), TZ="UTC", LC_ALL="C")
    return env


def run(cmd, env):
    # Run in this directory with bare file names, so that the messages the
    # tools print name the file the same way on every machine.
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, cwd=HERE)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def stderr_lines(text):
    # tshark's warning about running as root says nothing about the file.
    return [l for l in text.splitlines() if l.strip() and not l.startswith("Running as user")]


def fields(elem, name):
    return [f for f in elem.iter("field") if f.get("name") == name]


def first_show(elem, name):
    for f in elem.iter("field"):
        if f.get("name") == name:
            return f.get("show")
    return None


def direct_show(proto, name):
    """The first field `name` of proto, not looking inside nested protocols."""
    stack = list(proto)
    while stack:
        e = stack.pop(0)
        if e.tag == "proto":
            continue
        if e.tag == "field" and e.get("name") == name:
            return e.get("show")
        stack[0:0] = list(e)
    return None


def tool_version(cmd, env):
    rc, out, err = run(cmd, env)
    text = (out.decode("utf-8", "replace") + err).splitlines()
    return text[0].strip() if text else ""


def oracle_for(path, name, env):
    rc, out, err = run(["tshark", "-n", "-r", path, "-T", "pdml"], env)
    root = ET.fromstring(out.decode("utf-8"))
    messages = []
    info = {
        "tshark_frames": 0,
        "tshark_exit": rc,
        "tshark_stderr": stderr_lines(err),
        "tshark_malformed": False,
        "tshark_expert_error": False,
        "tshark_expert": [],
        "tshark_short": [],
    }
    for packet in root.iter("packet"):
        info["tshark_frames"] += 1
        frame = packet.find("proto[@name='frame']")
        number = int(first_show(frame, "frame.number"))
        time = first_show(frame, "frame.time_epoch")
        protocols = (first_show(frame, "frame.protocols") or "").split(":")

        for proto in packet.iter("proto"):
            if proto.get("name") == "_ws.malformed":
                info["tshark_malformed"] = True
            if proto.get("name") == "_ws.short":
                info["tshark_short"].append(number)
        for ex in fields(packet, "_ws.expert"):
            sev = SEVERITY.get(int(first_show(ex, "_ws.expert.severity") or 0), "?")
            if sev == "chat":  # e.g. "Possible traceroute": not a problem
                continue
            info["tshark_expert"].append({
                "frame": number,
                "severity": sev,
                "message": first_show(ex, "_ws.expert.message"),
            })
            if sev == "error":
                info["tshark_expert_error"] = True

        # The top-level message is the first icmp/icmpv6 layer of the frame;
        # the ones after it are quoted inside an ICMP error.
        idx = next((i for i, p in enumerate(protocols) if p in ("icmp", "icmpv6")), None)
        if idx is None:
            continue
        layer = protocols[idx]
        encap = protocols[:idx]

        # The carrying IP header is the last top-level ip/ipv6 item before the
        # top-level ICMP item (PDML nests quoted headers inside the ICMP item).
        carrier, icmp = None, None
        for proto in packet.findall("proto"):
            pname = proto.get("name")
            if pname in ("ip", "ipv6"):
                carrier = proto
            elif pname == layer:
                icmp = proto
                break
        if carrier is None or carrier.get("name") != encap[-1]:
            raise SystemExit("%s frame %d: no carrying IP header matches %r" % (name, number, encap))
        v = 6 if carrier.get("name") == "ipv6" else 4
        pre = "ipv6" if v == 6 else "ip"
        if (layer == "icmpv6") != (v == 6):
            raise SystemExit("%s frame %d: %s over IPv%d" % (name, number, layer, v))

        rec = {
            "file": name,
            "frame": number,
            "time": time,
            "ip": v,
            "src": direct_show(carrier, pre + ".src"),
            "dst": direct_show(carrier, pre + ".dst"),
            "type": None,
            "code": None,
            "checksum": None,
            "length": None,
            "encap": encap,
        }
        if icmp is not None:
            t = direct_show(icmp, layer + ".type")
            c = direct_show(icmp, layer + ".code")
            rec["type"] = int(t) if t is not None else None
            rec["code"] = int(c) if c is not None else None
            rec["checksum"] = CHECKSUM.get(direct_show(icmp, layer + ".checksum.status"))
            rec["length"] = int(icmp.get("size")) if icmp.get("size") is not None else None
        messages.append(rec)
    info["icmp_messages"] = len(messages)
    return messages, info


def tcpdump_for(path, env):
    rc, out, err = run(["tcpdump", "-n", "-r", path], env)
    lines = stderr_lines(err)
    stdout = out.decode("utf-8", "replace").splitlines()
    return {
        "tcpdump_exit": rc,
        "tcpdump_stderr_first": lines[0] if lines else None,
        "tcpdump_stderr_more": lines[1:],
        "tcpdump_packets": sum(1 for l in stdout if TIMESTAMP_LINE.match(l)),
        "tcpdump_icmp_lines": sum(1 for l in stdout if "ICMP" in l),
    }


def main():
    names = sorted(f for f in os.listdir(HERE) if f.endswith((".pcap", ".pcapng")))
    with tempfile.TemporaryDirectory() as home:
        env = env_for_tools(home)
        tools = {
            "tshark": tool_version(["tshark", "--version"], env),
            "tcpdump": tool_version(["tcpdump", "--version"], env),
        }
        all_messages, files = [], {}
        for name in names:
            messages, info = oracle_for(name, name, env)
            info.update(tcpdump_for(name, env))
            all_messages.extend(messages)
            files[name] = info

    with open(os.path.join(HERE, "oracle.jsonl"), "w") as fh:
        for m in all_messages:
            fh.write(json.dumps(m, separators=(",", ":")) + "\n")
    # One line per file keeps frames.json small and easy to diff.
    with open(os.path.join(HERE, "frames.json"), "w") as fh:
        fh.write('{"tools":%s,\n"files":{\n' % json.dumps(tools, separators=(",", ":")))
        fh.write(",\n".join("%s:%s" % (json.dumps(k), json.dumps(v, separators=(",", ":")))
                             for k, v in files.items()))
        fh.write("\n}}\n")
    print("%d files, %d frames, %d ICMP/ICMPv6 messages" % (
        len(files), sum(f["tshark_frames"] for f in files.values()), len(all_messages)))


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Hand-derived RFC 1788 (ICMP types 37/38) test vectors + RFC 1071 checksums
+ a small reference decoder implementing the rules in rfc1788.md.
Pure standard library; Python 3.8+. No oracle involved."""
import struct, sys, json

def rfc1071(data: bytes) -> int:
    """RFC 1071 Internet checksum: one's complement of the one's complement
    sum of 16-bit big-endian words; an odd trailing byte is padded with 0x00."""
    if len(data) % 2:
        data += b"\x00"
    s = 0
    for (w,) in struct.iter_unpack("!H", data):
        s += w
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF

def icmp(typ, code, rest: bytes) -> bytes:
    """Build type|code|cksum|rest with the checksum computed over the whole
    ICMP message with the checksum field zeroed (RFC 792 / RFC 1788 'The ICMP Checksum')."""
    body = bytes([typ, code, 0, 0]) + rest
    ck = rfc1071(body)
    return body[:2] + struct.pack("!H", ck) + body[4:]

def lbl(s: bytes) -> bytes:
    assert len(s) <= 63
    return bytes([len(s)]) + s

def name(*labels: bytes) -> bytes:           # uncompressed FQDN, ends with root (0)
    return b"".join(lbl(l) for l in labels) + b"\x00"

def ptr(off: int) -> bytes:                  # RFC 1035 4.1.4 pointer, 14-bit offset
    assert 0 <= off < 0x4000
    return struct.pack("!H", 0xC000 | off)

def req(ident, seq, code=0):
    return icmp(37, code, struct.pack("!HH", ident, seq))

def rep(ident, seq, ttl, names: bytes, code=0):
    return icmp(38, code, struct.pack("!HHi", ident, seq, ttl) + names)

# ---------------------------------------------------------------- reference decoder
NAMES_START = 12          # type(1) code(1) cksum(2) id(2) seq(2) ttl(4)
MAX_NAME = 255            # RFC 1788 1.3 (label octets + length octets, incl. root 0)

class DecodeError(Exception):
    def __init__(self, kind, **kw):
        super().__init__(kind, kw); self.kind = kind; self.kw = kw
    def __repr__(self):
        return f"{self.kind}({', '.join(f'{k}={v}' for k, v in self.kw.items())})"

def read_name(msg: bytes, start: int):
    """Decode one name beginning at msg[start] (start >= 12).
    Returns (labels, next_offset_in_names_field, expanded_wire_len).
    Pointer offsets are from the start of the ICMP message (RFC 1788 1.3:
    'an offset from the beginning of the message (Type field)').
    Check order (fixes which error a malformed vector yields):
      Truncated -> ReservedLabelType -> PointerOutOfRange -> PointerIntoHeader
      -> ForwardPointer -> PointerLoop -> NameTooLong."""
    labels, pos, seg_start, end_in_field, total = [], start, start, None, 0
    while True:
        if pos >= len(msg):
            raise DecodeError("Truncated", at=pos, need=1, have=0)
        b = msg[pos]
        kind = b >> 6
        if kind == 0b00:
            n = b
            if pos + 1 + n > len(msg):
                raise DecodeError("Truncated", at=pos, need=1 + n, have=len(msg) - pos)
            total += 1 + n
            if total > MAX_NAME:
                raise DecodeError("NameTooLong", len_at_least=total)
            if n == 0:
                if end_in_field is None:
                    end_in_field = pos + 1
                return labels, end_in_field, total
            labels.append(msg[pos + 1:pos + 1 + n])
            pos += 1 + n
        elif kind == 0b11:
            if pos + 2 > len(msg):
                raise DecodeError("Truncated", at=pos, need=2, have=len(msg) - pos)
            target = ((b & 0x3F) << 8) | msg[pos + 1]
            if target >= len(msg):
                raise DecodeError("PointerOutOfRange", at=pos, target=target, len=len(msg))
            if target < NAMES_START:
                raise DecodeError("PointerIntoHeader", at=pos, target=target)
            if target >= pos:
                raise DecodeError("ForwardPointer", at=pos, target=target)
            if target >= seg_start:
                raise DecodeError("PointerLoop", at=pos, target=target)
            if end_in_field is None:
                end_in_field = pos + 2
            seg_start = pos = target
        else:   # 0b01 (64..127) or 0b10 (128..191): reserved by RFC 1035 4.1.4
            raise DecodeError("ReservedLabelType", at=pos, byte=b)

def decode(msg: bytes):
    if len(msg) < 8:
        raise DecodeError("Truncated", at=0, need=8, have=len(msg))
    typ, code, ck, ident, seq = struct.unpack("!BBHHH", msg[:8])
    out = {"type": typ, "code": code, "checksum": f"0x{ck:04x}",
           "checksum_ok": rfc1071(msg) == 0, "id": f"0x{ident:04x}", "seq": seq}
    if typ == 37:
        out["trailing_bytes"] = len(msg) - 8
        return out
    if typ != 38:
        raise DecodeError("WrongType", found=typ)
    if len(msg) < NAMES_START:
        raise DecodeError("Truncated", at=0, need=12, have=len(msg))
    (ttl,) = struct.unpack("!i", msg[8:12])
    out["ttl"] = ttl
    names, pos = [], NAMES_START
    try:
        while pos < len(msg):            # Names field = rest of the datagram
            labels, pos, wl = read_name(msg, pos)
            names.append(".".join(l.decode("ascii", "backslashreplace") for l in labels) + ".")
    except DecodeError as e:
        out["names_before_error"] = names
        out["error"] = repr(e)
        return out
    out["names"] = names
    return out

# ---------------------------------------------------------------- the vectors
ID, SEQ = 0x1234, 0x0001
V = []
def add(key, desc, msg, expect):
    V.append((key, desc, msg, expect))

add("V1", "request, id 0x1234 seq 1", req(ID, SEQ), "ok")
add("V1b", "request as scapy 2.8.0 builds it: 8 RFC bytes + 4 zero bytes (checksum unchanged)",
    req(ID, SEQ) + b"\x00" * 4, "ok (4 trailing bytes)")
add("V2", "reply, TTL 3600, one name host.example.com.",
    rep(ID, SEQ, 3600, name(b"host", b"example", b"com")), "ok")
# V3: names start at 12; 'a' label at 12..13, 'example' label starts at 14 -> ptr c00e
add("V3", "reply, TTL 300, a.example.com. + b.example.com. (b + ptr 0x0e)",
    rep(ID, SEQ, 300, name(b"a", b"example", b"com") + lbl(b"b") + ptr(14)), "ok")
# V4: pointer-only second name + chained pointer: www.example.net. at 12,
#     example.net. as bare ptr to 16, then mail.example.net. = 'mail' + ptr to 33?  keep simple:
add("V4", "reply, TTL 86400, www.example.net. + example.net. (bare ptr 0x10) + ns.example.net. (ns + ptr 0x10)",
    rep(ID, SEQ, 86400, name(b"www", b"example", b"net") + ptr(16) + lbl(b"ns") + ptr(16)), "ok")
add("V5", "reply, no names (authoritative 'no name known'), TTL 0",
    rep(ID, SEQ, 0, b""), "ok")
add("V6", "reply, TTL 0xFFFFFFFF (= -1 signed), name test.",
    rep(ID, SEQ, -1, name(b"test")), "ok")
add("V7", "reply, one name then a lone 0x00: the 00 is a 2nd name, the root '.'",
    rep(ID, SEQ, 60, name(b"a", b"test") + b"\x00"), "ok")
# 255 boundary: 3*(1+63) + (1+49) + (1+7) + (1+3) + 1 = 255
L63 = b"x" * 63
add("V8", "reply, name of exactly 255 octets (3x63 + 49 + example + com)",
    rep(ID, SEQ, 60, name(L63, L63, L63, b"y" * 49, b"example", b"com")), "ok")

# malformed
add("M1", "label runs past end: 'example' length 7 but only 'exam' present",
    rep(ID, SEQ, 60, lbl(b"a") + b"\x07exam"), "Truncated")
add("M2", "name lacks terminating root: a.test then end of message",
    rep(ID, SEQ, 60, lbl(b"a") + lbl(b"test")), "Truncated")
add("M3", "pointer cut in half: single 0xC0 as last byte",
    rep(ID, SEQ, 60, name(b"a", b"test") + b"\xc0"), "Truncated")
add("M4", "pointer to itself (c00c at offset 12)",
    rep(ID, SEQ, 60, ptr(12)), "ForwardPointer")
add("M5", "backward pointer that loops: 01 'a' c00c (offset 14 -> 12 -> 14 ...)",
    rep(ID, SEQ, 60, lbl(b"a") + ptr(12)), "PointerLoop")
add("M6", "forward pointer to an in-range, valid later name (c00e -> 04 'test' 00)",
    rep(ID, SEQ, 60, ptr(14) + name(b"test")), "ForwardPointer")
add("M7", "pointer out of range (c040 = 64 in a 22-byte message)",
    rep(ID, SEQ, 60, name(b"a", b"test") + ptr(64)), "PointerOutOfRange")
add("M8", "pointer into the ICMP header (c004 -> identifier)",
    rep(ID, SEQ, 60, name(b"test") + ptr(4)), "PointerIntoHeader")
add("M9", "label length 0x40 (64): '01' reserved label type",
    rep(ID, SEQ, 60, b"\x40" + b"z" * 64 + name(b"example", b"com")), "ReservedLabelType")
add("M10", "length byte 0x80: '10' reserved label type",
    rep(ID, SEQ, 60, b"\x80\x00"), "ReservedLabelType")
add("M11", "name of 256 octets (3x63 + 50 + example + com)",
    rep(ID, SEQ, 60, name(L63, L63, L63, b"y" * 50, b"example", b"com")), "NameTooLong")
add("M12", "name of 257 octets built with a pointer: 'z'*(63)+... second name = 2 labels + ptr to a 205-octet name",
    None, "NameTooLong")
# M12: first name = 3x63 + example + com = 3*64+8+4+1 = 205 ; second = 'p'*49 label (50) + ptr to first -> 255 OK?
#      we want > 255: second = (1+50) + 205 = 256 -> NameTooLong. Check first is valid on its own.
first = name(L63, L63, L63, b"example", b"com")            # at offset 12, 205 octets
V[-1] = ("M12", "compressed name expanding to 256 octets: 'p'*50 label + ptr c00c to a 205-octet first name",
         rep(ID, SEQ, 60, first + lbl(b"p" * 50) + ptr(12)), "NameTooLong")
bad = bytearray(rep(ID, SEQ, 3600, name(b"host", b"example", b"com")))
bad[2] ^= 0xFF
add("M13", "V2 with checksum high byte flipped", bytes(bad), "BadChecksum")
add("M14", "reply of 10 bytes: TTL cut short (checksum valid over the 10 bytes)",
    icmp(38, 0, struct.pack("!HH", ID, SEQ) + b"\x0e\x10"), "Truncated(header)")

if __name__ == "__main__":
    res = []
    for key, desc, msg, expect in V:
        try:
            d = decode(msg)
        except DecodeError as e:
            d = {"error": repr(e)}
        res.append({"key": key, "desc": desc, "len": len(msg), "hex": msg.hex(),
                    "checksum": f"0x{msg[2]:02x}{msg[3]:02x}", "expect": expect, "decoded": d})
    if "--json" in sys.argv:
        print(json.dumps(res, indent=1))
    else:
        for r in res:
            print(r["key"], r["len"], r["hex"])
            print("   ", r["desc"]); print("    expect:", r["expect"], "| decoded:", r["decoded"])

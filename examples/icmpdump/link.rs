//! From a captured frame to the IP packet inside: link types, and the tunnels an IP packet may
//! carry another frame or packet in.
//!
//! Ethernet, 802.1Q and QinQ tags and MACsec are read by `etherparse`. It has no reader for the
//! other link headers here (its Linux cooked v1 reader refuses the loopback device's captures,
//! so both cooked versions are read here), nor for BSD loopback, PPP, Cisco HDLC, Solaris IPNET,
//! IP over InfiniBand, ARCNET, Frame Relay, 802.11 and its radio headers, 802.3 with LLC/SNAP,
//! nor for the tunnels (GRE and ERSPAN, VXLAN, Geneve, MPLS, PPPoE, PIM registers), which are
//! read here from their specifications (the tcpdump.org LINKTYPE list, RFC 2784/2890, RFC 7348,
//! RFC 8926, RFC 3032, RFC 7510, RFC 2516, RFC 2427, RFC 7761, IEEE 802.1AE,
//! draft-foschiano-erspan). The IP layer itself is icmpwire's (`capture.rs`).

use std::fmt::Write as _;

use etherparse::{Ethernet2Slice, MacsecSlice, SingleVlanSlice};

/// How deep layers may nest before a frame is given up on (a loop of tunnels in a crafted
/// capture would otherwise never end).
pub(crate) const MAX_DEPTH: usize = 16;

/// One layer a message was carried in, with what identifies it.
#[derive(Clone, Debug)]
pub(crate) struct Hop {
    pub(crate) layer: &'static str,
    pub(crate) fields: Vec<(&'static str, Field)>,
}

/// A value of a layer.
#[derive(Clone, Debug)]
pub(crate) enum Field {
    Num(u64),
    Text(String),
}

impl Hop {
    pub(crate) fn new(layer: &'static str) -> Hop {
        Hop {
            layer,
            fields: Vec::new(),
        }
    }

    fn with(mut self, name: &'static str, value: u64) -> Hop {
        self.fields.push((name, Field::Num(value)));
        self
    }

    pub(crate) fn with_text(mut self, name: &'static str, value: String) -> Hop {
        self.fields.push((name, Field::Text(value)));
        self
    }

    /// `gre key 5 seq 1`, `ipv4 192.0.2.1 > 192.0.2.2`.
    pub(crate) fn text(&self) -> String {
        let mut s = self.layer.to_string();
        match (self.fields.first(), self.fields.get(1)) {
            (Some(("src", Field::Text(a))), Some(("dst", Field::Text(b)))) => {
                let _ = write!(s, " {a} > {b}");
            }
            _ => {
                for (name, value) in &self.fields {
                    let _ = match value {
                        Field::Num(n) => write!(s, " {name} {n}"),
                        Field::Text(t) => write!(s, " {name} {t}"),
                    };
                }
            }
        }
        s
    }

    /// `{"layer": "gre", "key": 5, "seq": 1}`.
    pub(crate) fn json(&self) -> serde_json::Value {
        let mut o = serde_json::Map::new();
        o.insert("layer".into(), self.layer.into());
        for (name, value) in &self.fields {
            let v = match value {
                Field::Num(n) => serde_json::Value::from(*n),
                Field::Text(t) => serde_json::Value::from(t.clone()),
            };
            o.insert((*name).into(), v);
        }
        serde_json::Value::Object(o)
    }
}

/// Why a frame holds nothing to show.
pub(crate) type Skip = String;

fn be16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes([*b.get(at)?, *b.get(at + 1)?]))
}

fn cut(layer: &str) -> Skip {
    format!("{layer} header cut short")
}

/// The IP packet in a frame of link type `link` (a LINKTYPE_ number).
pub(crate) fn ip_in_frame<'a>(
    link: u32,
    frame: &'a [u8],
    hops: &mut Vec<Hop>,
) -> Result<&'a [u8], Skip> {
    match link {
        // Ethernet.
        1 => ethernet(frame, hops, 0),
        // Raw IP: LINKTYPE_RAW, and the DLT_RAW values of old captures (12; 14 on OpenBSD),
        // LINKTYPE_IPV4 and LINKTYPE_IPV6.
        101 | 12 | 14 | 228 | 229 => Ok(frame),
        // BSD loopback: the address family in the capturing host's byte order (NULL) or in
        // network order (LOOP).
        0 | 108 => {
            let b: [u8; 4] = frame
                .get(..4)
                .ok_or_else(|| cut("loopback"))?
                .try_into()
                .unwrap_or_default();
            let family = match (link, u32::from_le_bytes(b), u32::from_be_bytes(b)) {
                (108, _, be) => be,
                // NULL: whichever order gives a small number.
                (_, le, be) => le.min(be),
            };
            hops.push(Hop::new("loopback").with("family", u64::from(family)));
            match family {
                2 => Ok(&frame[4..]),
                // IPv6 on NetBSD, OpenBSD and BSD/OS (24), FreeBSD (28), macOS (30), Linux (10).
                24 | 28 | 30 | 10 => Ok(&frame[4..]),
                f => Err(format!("loopback family {f} (not IP)")),
            }
        }
        // Linux cooked capture v1: packet type (2), ARPHRD type (2), address length (2),
        // address (8), protocol (2).
        113 => {
            let hardware = be16(frame, 2).ok_or_else(|| cut("Linux cooked"))?;
            let proto = be16(frame, 14).ok_or_else(|| cut("Linux cooked"))?;
            hops.push(Hop::new("sll"));
            cooked(hardware, proto, frame.get(16..).unwrap_or_default(), hops)
        }
        // Linux cooked capture v2: protocol (2), reserved (2), interface (4), ARPHRD type (2),
        // packet type (1), address length (1), address (8).
        276 => {
            let proto = be16(frame, 0).ok_or_else(|| cut("Linux cooked v2"))?;
            let hardware = be16(frame, 8).ok_or_else(|| cut("Linux cooked v2"))?;
            let rest = frame.get(20..).ok_or_else(|| cut("Linux cooked v2"))?;
            hops.push(Hop::new("sll2"));
            cooked(hardware, proto, rest, hops)
        }
        // PPP, with or without the HDLC address and control bytes, and PPP in HDLC framing.
        9 | 50 | 166 => {
            match frame {
                [0xFF, 0x03, rest @ ..] => ppp(rest, hops, 0),
                // Cisco HDLC in a PPP_HDLC capture.
                [0x0F | 0x8F, _, ..] if link == 50 => {
                    hops.push(Hop::new("ppp"));
                    chdlc(frame, hops)
                }
                _ => ppp(frame, hops, 0),
            }
        }
        // Cisco HDLC: address, control, an Ethernet type.
        104 => chdlc(frame, hops),
        // Solaris IPNET: version, family, type, length, interface indexes and zone (24 bytes).
        226 => {
            let family = *frame.get(1).ok_or_else(|| cut("IPNET"))?;
            let rest = frame.get(24..).ok_or_else(|| cut("IPNET"))?;
            hops.push(Hop::new("ipnet").with("family", u64::from(family)));
            match family {
                2 | 26 => Ok(rest),
                f => Err(format!("IPNET family {f} (not IP)")),
            }
        }
        // IP over InfiniBand: a 20-byte destination and a 20-byte source link-layer address,
        // an Ethernet type, two reserved bytes (what tcpdump and tshark read).
        242 => {
            let et = be16(frame, 40).ok_or_else(|| cut("IP over InfiniBand"))?;
            hops.push(Hop::new("ipoib"));
            ether(
                et,
                frame.get(44..).ok_or_else(|| cut("IP over InfiniBand"))?,
                hops,
                0,
            )
        }
        // ARCNET: BSD (7) source, destination, protocol; Linux (129) source, destination,
        // 2 offset bytes, protocol. RFC 1201 protocols add a split flag and a sequence number
        // (and 4 bytes when the flag is 0xFF); the old IP protocol 240 (RFC 1051) does not.
        7 | 129 => {
            let at = if link == 7 { 2 } else { 4 };
            let proto = *frame.get(at).ok_or_else(|| cut("ARCNET"))?;
            hops.push(Hop::new("arcnet").with("protocol", u64::from(proto)));
            let start = match proto {
                240 => at + 1,
                212 | 196 => {
                    let flag = *frame.get(at + 1).ok_or_else(|| cut("ARCNET"))?;
                    at + 4 + if flag == 0xFF { 4 } else { 0 }
                }
                p => return Err(format!("ARCNET protocol {p} (not IP)")),
            };
            frame.get(start..).ok_or_else(|| cut("ARCNET"))
        }
        // 802.11.
        105 => wlan(frame, hops),
        // Radiotap: version, pad, its own length (little-endian), then 802.11.
        127 => {
            let len = frame
                .get(2..4)
                .map(|b| usize::from(u16::from_le_bytes([b[0], b[1]])))
                .ok_or_else(|| cut("radiotap"))?;
            hops.push(Hop::new("radiotap"));
            wlan(frame.get(len..).ok_or_else(|| cut("radiotap"))?, hops)
        }
        // Prism (119) and AVS (163) monitor headers, then 802.11: Prism's length is the
        // little-endian word at 4, AVS's the big-endian one.
        119 | 163 => {
            let b = frame.get(4..8).ok_or_else(|| cut("Prism"))?;
            let len = if link == 119 {
                u32::from_le_bytes([b[0], b[1], b[2], b[3]])
            } else {
                u32::from_be_bytes([b[0], b[1], b[2], b[3]])
            } as usize;
            hops.push(Hop::new(if link == 119 { "prism" } else { "avs" }));
            wlan(frame.get(len..).ok_or_else(|| cut("Prism"))?, hops)
        }
        // Frame Relay: a Q.922 address (2 to 4 bytes, the last with its EA bit set), then
        // either RFC 2427's UI control byte, an optional pad and an NLPID (0xCC IPv4, 0x8E
        // IPv6, 0x80 SNAP), or Cisco's Ethernet type.
        107 => {
            let len = frame
                .iter()
                .take(4)
                .position(|b| b & 1 == 1)
                .ok_or_else(|| cut("Frame Relay"))?
                + 1;
            let len = len.max(2);
            hops.push(Hop::new("frame-relay"));
            let rest = frame.get(len..).ok_or_else(|| cut("Frame Relay"))?;
            match rest {
                [0x03, 0x00, nlpid, tail @ ..] | [0x03, nlpid, tail @ ..] if *nlpid != 0x00 => {
                    match (nlpid, tail) {
                        (0xCC | 0x8E, ip) => Ok(ip),
                        (0x80, [_, _, _, t0, t1, inner @ ..]) => {
                            ether(u16::from_be_bytes([*t0, *t1]), inner, hops, 0)
                        }
                        (n, _) => Err(format!("Frame Relay NLPID 0x{n:02x} (not IP)")),
                    }
                }
                [t0, t1, inner @ ..] => ether(u16::from_be_bytes([*t0, *t1]), inner, hops, 0),
                _ => Err(cut("Frame Relay")),
            }
        }
        n => Err(format!("link type {n} not supported")),
    }
}

/// What a Linux cooked header's protocol field means (as libpcap's `sll.h` describes it): an
/// Ethernet type, except on netlink devices, and 1 (Novell 802.3) and 4 (802.2 LLC) below 1536.
/// (etherparse's reader refuses the ARPHRD types it does not list, the loopback device's
/// among them, so the header is read here.)
fn cooked<'a>(
    hardware: u16,
    proto: u16,
    rest: &'a [u8],
    hops: &mut Vec<Hop>,
) -> Result<&'a [u8], Skip> {
    match (hardware, proto) {
        // ARPHRD_NETLINK: the protocol is a netlink family.
        (824, _) => Err("Linux cooked netlink message (not IP)".into()),
        (_, 4) => llc_snap(rest, hops, 0),
        (_, p) if p < 1536 => Err(format!("Linux cooked protocol {p} (not IP)")),
        (_, et) => ether(et, rest, hops, 0),
    }
}

/// An Ethernet frame: Ethernet II, or 802.3 with an LLC/SNAP header.
fn ethernet<'a>(frame: &'a [u8], hops: &mut Vec<Hop>, depth: usize) -> Result<&'a [u8], Skip> {
    let eth = Ethernet2Slice::from_slice_without_fcs(frame).map_err(|_| cut("Ethernet"))?;
    hops.push(Hop::new("ethernet"));
    let et = eth.ether_type().0;
    if et <= 1500 {
        // An 802.3 length: LLC follows.
        let payload = eth.payload_slice();
        let len = usize::from(et).min(payload.len());
        return llc_snap(&payload[..len], hops, depth);
    }
    ether(et, eth.payload_slice(), hops, depth)
}

/// An LLC header: SNAP (AA AA 03, an organisation code, an Ethernet type) is followed.
fn llc_snap<'a>(bytes: &'a [u8], hops: &mut Vec<Hop>, depth: usize) -> Result<&'a [u8], Skip> {
    match bytes {
        [0xAA, 0xAA, 0x03, _, _, _, t0, t1, rest @ ..] => {
            hops.push(Hop::new("llc-snap"));
            ether(u16::from_be_bytes([*t0, *t1]), rest, hops, depth)
        }
        [dsap, ..] => Err(format!("LLC frame without SNAP (DSAP 0x{dsap:02x})")),
        [] => Err(cut("LLC")),
    }
}

/// What follows an Ethernet type.
pub(crate) fn ether<'a>(
    et: u16,
    bytes: &'a [u8],
    hops: &mut Vec<Hop>,
    depth: usize,
) -> Result<&'a [u8], Skip> {
    if depth > MAX_DEPTH {
        return Err("layers nested too deep".into());
    }
    match et {
        0x0800 | 0x86DD => Ok(bytes),
        0x8100 | 0x88A8 | 0x9100 | 0x9200 => {
            let vlan = SingleVlanSlice::from_slice(bytes).map_err(|_| cut("VLAN"))?;
            hops.push(Hop::new("vlan").with("id", u64::from(vlan.vlan_identifier().value())));
            ether(vlan.ether_type().0, vlan.payload_slice(), hops, depth + 1)
        }
        0x88E5 => {
            let m = MacsecSlice::from_slice(bytes).map_err(|_| cut("MACsec"))?;
            let mut hop = Hop::new("macsec").with("pn", u64::from(m.header.packet_nr()));
            if let Some(sci) = m.header.sci() {
                hop = hop.with("sci", sci);
            }
            hops.push(hop);
            let payload = m
                .ether_payload()
                .ok_or_else(|| "MACsec frame encrypted or modified".to_string())?;
            ether(payload.ether_type.0, payload.payload, hops, depth + 1)
        }
        0x8847 | 0x8848 => mpls(bytes, hops, depth + 1),
        0x8864 => {
            // PPPoE session: version and type, code, session, length, then PPP.
            let session = be16(bytes, 2).ok_or_else(|| cut("PPPoE"))?;
            let len = usize::from(be16(bytes, 4).ok_or_else(|| cut("PPPoE"))?);
            hops.push(Hop::new("pppoe").with("session", u64::from(session)));
            let payload = bytes.get(6..).ok_or_else(|| cut("PPPoE"))?;
            ppp(&payload[..len.min(payload.len())], hops, depth + 1)
        }
        0x6558 => ethernet(bytes, hops, depth + 1),
        // Cisco MetaData (draft-smith-kandula-sxp): version, length, option type, SGT, then
        // the Ethernet type.
        0x8909 => {
            let sgt = be16(bytes, 4).ok_or_else(|| cut("Cisco MetaData"))?;
            let et = be16(bytes, 6).ok_or_else(|| cut("Cisco MetaData"))?;
            hops.push(Hop::new("cisco-metadata").with("sgt", u64::from(sgt)));
            ether(et, bytes.get(8..).unwrap_or_default(), hops, depth + 1)
        }
        0x0806 => Err("ARP (not IP)".into()),
        et => Err(format!("Ethernet type 0x{et:04x} (not IP)")),
    }
}

/// A PPP frame from its protocol field (one byte when it is odd, RFC 1661 section 6.5).
fn ppp<'a>(bytes: &'a [u8], hops: &mut Vec<Hop>, depth: usize) -> Result<&'a [u8], Skip> {
    let (proto, rest) = match bytes {
        [p, rest @ ..] if p & 1 == 1 => (u16::from(*p), rest),
        [a, b, rest @ ..] => (u16::from_be_bytes([*a, *b]), rest),
        _ => return Err(cut("PPP")),
    };
    hops.push(Hop::new("ppp").with("protocol", u64::from(proto)));
    match proto {
        0x0021 | 0x0057 => Ok(rest),
        0x0281 | 0x0283 => mpls(rest, hops, depth + 1),
        p => Err(format!("PPP protocol 0x{p:04x} (not IP)")),
    }
}

/// Cisco HDLC: address, control, an Ethernet type.
fn chdlc<'a>(frame: &'a [u8], hops: &mut Vec<Hop>) -> Result<&'a [u8], Skip> {
    let et = be16(frame, 2).ok_or_else(|| cut("Cisco HDLC"))?;
    hops.push(Hop::new("chdlc"));
    ether(
        et,
        frame.get(4..).ok_or_else(|| cut("Cisco HDLC"))?,
        hops,
        0,
    )
}

/// An MPLS label stack (RFC 3032), then IPv4 or IPv6 by the first nibble.
fn mpls<'a>(mut bytes: &'a [u8], hops: &mut Vec<Hop>, depth: usize) -> Result<&'a [u8], Skip> {
    for labels in depth.. {
        if labels > MAX_DEPTH {
            return Err("layers nested too deep".into());
        }
        let entry = bytes.get(..4).ok_or_else(|| cut("MPLS"))?;
        let label = u32::from_be_bytes([entry[0], entry[1], entry[2], entry[3]]);
        hops.push(Hop::new("mpls").with("label", u64::from(label >> 12)));
        bytes = &bytes[4..];
        if label & 0x100 != 0 {
            break;
        }
    }
    match bytes.first().map(|b| b >> 4) {
        Some(4 | 6) => Ok(bytes),
        Some(n) => Err(format!("MPLS payload that is not IP (first nibble {n})")),
        None => Err(cut("MPLS payload")),
    }
}

/// An 802.11 data frame, its LLC/SNAP header followed.
fn wlan<'a>(frame: &'a [u8], hops: &mut Vec<Hop>) -> Result<&'a [u8], Skip> {
    let fc = frame.get(..2).ok_or_else(|| cut("802.11"))?;
    let (kind, subtype, flags) = ((fc[0] >> 2) & 3, fc[0] >> 4, fc[1]);
    if kind != 2 {
        return Err(format!("802.11 frame of type {kind} (not data)"));
    }
    hops.push(Hop::new("802.11"));
    if flags & 0x40 != 0 {
        return Err("802.11 frame protected (encrypted)".into());
    }
    // Null data frames (subtype bit 2) carry nothing.
    if subtype & 0x4 != 0 {
        return Err("802.11 null data frame".into());
    }
    let mut len = 24;
    if flags & 0x03 == 0x03 {
        len += 6; // a fourth address, to and from the distribution system
    }
    if subtype & 0x8 != 0 {
        len += 2; // QoS control
        if flags & 0x80 != 0 {
            len += 4; // HT control, when the order bit is set on a QoS frame
        }
    }
    llc_snap(frame.get(len..).ok_or_else(|| cut("802.11"))?, hops, 0)
}

/// The packet or frame an IP payload of protocol `protocol` tunnels, when it is a tunnel:
/// `Ok(Some(ip))` for IP inside (read by the caller), `Ok(None)` for no tunnel.
pub(crate) fn tunnel<'a>(
    protocol: u8,
    payload: &'a [u8],
    hops: &mut Vec<Hop>,
    depth: usize,
) -> Result<Option<&'a [u8]>, Skip> {
    match protocol {
        // IP in IP: 4in4, 4in6 (4), 6in4, 6in6 (41).
        4 | 41 => Ok(Some(payload)),
        47 => gre(payload, hops, depth).map(Some),
        // An Ethernet frame (RFC 8986's next header 143).
        143 => ethernet(payload, hops, depth + 1).map(Some),
        // A PIM register (RFC 7761 4.9.3): version and type 0x21, reserved, checksum, the B and
        // N bits, then the data packet.
        103 if payload.first() == Some(&0x21) => {
            hops.push(Hop::new("pim-register"));
            payload
                .get(8..)
                .ok_or_else(|| cut("PIM register"))
                .map(Some)
        }
        17 => {
            let (Some(sport), Some(dport)) = (be16(payload, 0), be16(payload, 2)) else {
                return Ok(None);
            };
            let body = payload.get(8..).unwrap_or_default();
            let udp = Hop::new("udp")
                .with("sport", sport.into())
                .with("dport", dport.into());
            // VXLAN (RFC 7348) and Geneve (RFC 8926) carry a 24-bit VNI at bytes 4-6.
            let vni = |name: &'static str| -> Result<Hop, Skip> {
                let v = body.get(4..7).ok_or_else(|| cut(name))?;
                let vni = u32::from_be_bytes([0, v[0], v[1], v[2]]);
                Ok(Hop::new(name).with("vni", u64::from(vni)))
            };
            match dport {
                4789 => {
                    let vxlan = vni("vxlan")?;
                    hops.extend([udp, vxlan]);
                    ethernet(body.get(8..).unwrap_or_default(), hops, depth + 1).map(Some)
                }
                6081 => {
                    let opt = usize::from(*body.first().ok_or_else(|| cut("geneve"))? & 0x3F) * 4;
                    let et = be16(body, 2).ok_or_else(|| cut("geneve"))?;
                    let geneve = vni("geneve")?;
                    hops.extend([udp, geneve]);
                    let inner = body.get(8 + opt..).ok_or_else(|| cut("geneve"))?;
                    ether(et, inner, hops, depth + 1).map(Some)
                }
                6635 => {
                    hops.push(udp);
                    mpls(body, hops, depth + 1).map(Some)
                }
                _ => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// GRE (RFC 2784, keys and sequence numbers of RFC 2890, PPTP's version 1), and what it
/// carries: ERSPAN types I, II (0x88BE) and III (0x22EB) before an Ethernet frame, PPP, or
/// any Ethernet type.
fn gre<'a>(bytes: &'a [u8], hops: &mut Vec<Hop>, depth: usize) -> Result<&'a [u8], Skip> {
    let flags = be16(bytes, 0).ok_or_else(|| cut("GRE"))?;
    let proto = be16(bytes, 2).ok_or_else(|| cut("GRE"))?;
    let version = flags & 7;
    let mut at = 4;
    let mut hop = Hop::new("gre");
    if flags & 0xC000 != 0 {
        at += 4; // checksum (and offset, with the routing bit) and reserved
    }
    if flags & 0x2000 != 0 {
        let key = bytes.get(at..at + 4).ok_or_else(|| cut("GRE"))?;
        hop = hop.with(
            "key",
            u64::from(u32::from_be_bytes([key[0], key[1], key[2], key[3]])),
        );
        at += 4;
    }
    let seq = flags & 0x1000 != 0;
    if seq {
        let s = bytes.get(at..at + 4).ok_or_else(|| cut("GRE"))?;
        hop = hop.with(
            "seq",
            u64::from(u32::from_be_bytes([s[0], s[1], s[2], s[3]])),
        );
        at += 4;
    }
    if version == 1 && flags & 0x0080 != 0 {
        at += 4; // PPTP's acknowledgment number
    }
    hops.push(hop);
    let body = bytes.get(at..).ok_or_else(|| cut("GRE"))?;
    match proto {
        // ERSPAN type II has a sequence number and an 8-byte header; type I neither.
        0x88BE => {
            let (kind, len) = if seq { (2, 8) } else { (1, 0) };
            let mut hop = Hop::new("erspan").with("type", kind);
            if kind == 2 {
                hop = hop.with(
                    "session",
                    u64::from(be16(body, 2).ok_or_else(|| cut("ERSPAN"))? & 0x3FF),
                );
            }
            hops.push(hop);
            ethernet(
                body.get(len..).ok_or_else(|| cut("ERSPAN"))?,
                hops,
                depth + 1,
            )
        }
        // ERSPAN type III: 12 bytes, and an 8-byte platform subheader when O (the last bit) is set.
        0x22EB => {
            let last = *body.get(11).ok_or_else(|| cut("ERSPAN"))?;
            let session = be16(body, 2).ok_or_else(|| cut("ERSPAN"))? & 0x3FF;
            hops.push(
                Hop::new("erspan")
                    .with("type", 3)
                    .with("session", u64::from(session)),
            );
            let len = if last & 1 != 0 { 20 } else { 12 };
            ethernet(
                body.get(len..).ok_or_else(|| cut("ERSPAN"))?,
                hops,
                depth + 1,
            )
        }
        0x880B => ppp(body, hops, depth + 1),
        // Cisco MetaData in GRE puts the Ethernet type first (as Wireshark reads it), then
        // version, length, option type and SGT.
        0x8909 => {
            let et = be16(body, 0).ok_or_else(|| cut("Cisco MetaData"))?;
            let sgt = be16(body, 6).ok_or_else(|| cut("Cisco MetaData"))?;
            hops.push(Hop::new("cisco-metadata").with("sgt", u64::from(sgt)));
            ether(et, body.get(8..).unwrap_or_default(), hops, depth + 1)
        }
        et => ether(et, body, hops, depth + 1),
    }
}

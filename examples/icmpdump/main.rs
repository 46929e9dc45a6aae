//! icmpdump: print the ICMP messages of a capture, one line each (or one JSON object each).
//!
//! ```text
//! cargo run --release --example icmpdump -- tests/data/kernel.pcap
//! cargo run --release --example icmpdump -- --json capture.pcapng
//! cargo run --release --example icmpdump -- --hex messages.txt      # one hex message per line
//! echo 0800f7fd00010001 | cargo run --release --example icmpdump -- --json --hex -
//! ```
//!
//! Captures: pcap or pcapng, link types Ethernet (with 802.1Q tags), Linux cooked (SLL, SLL2)
//! and raw IPv4. IPv4 fragments are reassembled (a datagram whose fragments never all arrive is
//! shown from its first fragment, marked incomplete). Messages with a bad checksum are shown and
//! say so, as tcpdump and tshark do. With `--hex`, every line holds one ICMP message from the type
//! byte on; `--json` then prints exactly one JSON object per input line.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // a tool, not the library: indices are checked above their use

mod json;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::Ipv4Addr;
use std::process::ExitCode;

use icmpwire::protocol;
use icmpwire::v4::Message;
use pcap_file::DataLink;
use pcap_file::pcap::PcapReader;
use pcap_file::pcapng::{Block, PcapNgReader};

struct Options {
    json: bool,
    hex: bool,
    path: String,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: icmpdump [--json] [--hex] FILE   (FILE: pcap, pcapng; with --hex a text file, or - for stdin)"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut json = false;
    let mut hex = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--hex" => hex = true,
            "-h" | "--help" => {
                usage();
                return ExitCode::SUCCESS;
            }
            a if a.starts_with("--") => {
                eprintln!("icmpdump: unknown option {a}");
                return usage();
            }
            a if path.is_none() => path = Some(a.to_string()),
            _ => return usage(),
        }
    }
    let Some(path) = path else { return usage() };
    let opts = Options { json, hex, path };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = if opts.hex {
        run_hex(&opts, &mut out)
    } else {
        run_capture(&opts, &mut out)
    };
    let flushed = out.flush();
    match (result, flushed) {
        (Ok(()), Ok(())) => ExitCode::SUCCESS,
        (Err(e), _) => {
            eprintln!("icmpdump: {}: {e}", opts.path);
            ExitCode::FAILURE
        }
        (_, Err(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        (_, Err(e)) => {
            eprintln!("icmpdump: writing output: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `--hex`: one message per line; blank lines and `#` comments are skipped (and print nothing).
fn run_hex(opts: &Options, out: &mut impl Write) -> Result<(), String> {
    let reader: Box<dyn Read> = if opts.path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&opts.path).map_err(|e| e.to_string())?)
    };
    for (n, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = line.trim();
        if text.is_empty() || text.starts_with('#') {
            continue;
        }
        let bytes = parse_hex(text).map_err(|e| format!("line {}: {e}", n + 1))?;
        let shown = if opts.json {
            json::message_json(&bytes).to_string()
        } else {
            human(&bytes, None)
        };
        write_line(out, &shown)?;
    }
    Ok(())
}

fn parse_hex(text: &str) -> Result<Vec<u8>, String> {
    let digits: Vec<u8> = text.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    if !digits.len().is_multiple_of(2) {
        return Err(format!("odd number of hex digits ({})", digits.len()));
    }
    digits
        .chunks(2)
        .map(|p| {
            let s = std::str::from_utf8(p).map_err(|_| "not hex".to_string())?;
            u8::from_str_radix(s, 16).map_err(|_| format!("not a hex byte: {s:?}"))
        })
        .collect()
}

/// The outer IPv4 header fields the dump shows.
#[derive(Clone, Copy)]
struct Outer {
    src: Ipv4Addr,
    dst: Ipv4Addr,
    ttl: u8,
}

/// Fragments of one datagram (src, dst, id, protocol), by offset.
type Fragments = HashMap<(Ipv4Addr, Ipv4Addr, u16, u8), (Outer, Vec<(usize, Vec<u8>, bool)>)>;

fn run_capture(opts: &Options, out: &mut impl Write) -> Result<(), String> {
    let data = std::fs::read(&opts.path).map_err(|e| e.to_string())?;
    let mut frames: Vec<(DataLink, Vec<u8>)> = Vec::new();
    match data.get(..4) {
        Some([0x0a, 0x0d, 0x0d, 0x0a]) => {
            let mut r =
                PcapNgReader::new(&data[..]).map_err(|e| format!("not a pcapng file: {e}"))?;
            let mut links: Vec<DataLink> = Vec::new();
            while let Some(block) = r.next_block() {
                match block.map_err(|e| format!("bad pcapng block: {e}"))? {
                    Block::SectionHeader(_) => links.clear(),
                    Block::InterfaceDescription(idb) => links.push(idb.linktype),
                    Block::EnhancedPacket(p) => {
                        let link = links
                            .get(p.interface_id as usize)
                            .ok_or("packet on an undeclared interface")?;
                        frames.push((*link, p.data.into_owned()));
                    }
                    Block::SimplePacket(p) => {
                        let link = links.first().ok_or("packet before any interface")?;
                        frames.push((*link, p.data.into_owned()));
                    }
                    _ => {}
                }
            }
        }
        _ => {
            let mut r = PcapReader::new(&data[..])
                .map_err(|e| format!("not a pcap or pcapng file: {e}"))?;
            let link = r.header().datalink;
            while let Some(pkt) = r.next_packet() {
                let pkt = pkt.map_err(|e| format!("bad pcap record: {e}"))?;
                frames.push((link, pkt.data.into_owned()));
            }
        }
    }
    let mut fragments: Fragments = HashMap::new();
    for (link, frame) in &frames {
        let Some(ip) = ipv4_of(*link, frame) else {
            continue;
        };
        let Some((outer, icmp)) = icmp_of(ip, &mut fragments) else {
            continue;
        };
        show(opts, out, &icmp, Some(outer), false)?;
    }
    // Datagrams whose fragments never all came: what the first fragment holds.
    for (outer, parts) in fragments.into_values() {
        if let Some((_, first, _)) = parts.iter().find(|(off, _, _)| *off == 0) {
            show(opts, out, first, Some(outer), true)?;
        }
    }
    Ok(())
}

fn show(
    opts: &Options,
    out: &mut impl Write,
    icmp: &[u8],
    outer: Option<Outer>,
    incomplete: bool,
) -> Result<(), String> {
    let line = if opts.json {
        let mut v = json::message_json(icmp);
        if let (Some(o), Some(obj)) = (outer, v.as_object_mut()) {
            obj.insert("ip".into(), serde_json::json!({"src": o.src.to_string(), "dst": o.dst.to_string(), "ttl": o.ttl}));
            if incomplete {
                obj.insert("incomplete_fragment".into(), serde_json::Value::Bool(true));
            }
        }
        v.to_string()
    } else {
        let mut s = human(icmp, outer);
        if incomplete {
            s.push_str(" [first fragment only: the rest never arrived]");
        }
        s
    };
    write_line(out, &line)
}

/// Writes one output line; a closed pipe (`icmpdump ... | head`) ends the program quietly.
fn write_line(out: &mut impl Write, line: &str) -> Result<(), String> {
    match writeln!(out, "{line}") {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => std::process::exit(0),
        Err(e) => Err(format!("writing output: {e}")),
    }
}

/// The IPv4 packet inside a link-layer frame.
fn ipv4_of(link: DataLink, frame: &[u8]) -> Option<&[u8]> {
    let (ethertype, rest) = match link {
        DataLink::ETHERNET => {
            let mut et = u16::from_be_bytes([*frame.get(12)?, *frame.get(13)?]);
            let mut rest = frame.get(14..)?;
            while et == 0x8100 || et == 0x88a8 {
                et = u16::from_be_bytes([*rest.get(2)?, *rest.get(3)?]);
                rest = rest.get(4..)?;
            }
            (et, rest)
        }
        DataLink::LINUX_SLL => (
            u16::from_be_bytes([*frame.get(14)?, *frame.get(15)?]),
            frame.get(16..)?,
        ),
        DataLink::LINUX_SLL2 => (
            u16::from_be_bytes([*frame.first()?, *frame.get(1)?]),
            frame.get(20..)?,
        ),
        DataLink::RAW | DataLink::IPV4 => (0x0800, frame),
        _ => return None,
    };
    (ethertype == 0x0800 && rest.first()? >> 4 == 4).then_some(rest)
}

/// The ICMP message of an IPv4 packet (reassembled if fragmented), or `None` if it is not ICMP
/// or not complete yet.
fn icmp_of(ip: &[u8], fragments: &mut Fragments) -> Option<(Outer, Vec<u8>)> {
    let ihl = usize::from(ip.first()? & 0x0F) * 4;
    let total = usize::from(u16::from_be_bytes([*ip.get(2)?, *ip.get(3)?]));
    if *ip.get(9)? != protocol::ICMP || ihl < 20 {
        return None;
    }
    let body = ip.get(ihl..total.min(ip.len()).max(ihl))?;
    let outer = Outer {
        src: Ipv4Addr::new(ip[12], ip[13], ip[14], ip[15]),
        dst: Ipv4Addr::new(ip[16], ip[17], ip[18], ip[19]),
        ttl: ip[8],
    };
    let flags_off = u16::from_be_bytes([ip[6], ip[7]]);
    let (more, offset) = (flags_off & 0x2000 != 0, usize::from(flags_off & 0x1FFF) * 8);
    if !more && offset == 0 {
        return Some((outer, body.to_vec()));
    }
    let key = (
        outer.src,
        outer.dst,
        u16::from_be_bytes([ip[4], ip[5]]),
        ip[9],
    );
    let entry = fragments.entry(key).or_insert_with(|| (outer, Vec::new()));
    entry.1.push((offset, body.to_vec(), more));
    if offset == 0 {
        entry.0 = outer;
    }
    // Complete when the pieces tile 0..end with the last one saying "no more fragments".
    let mut parts = entry.1.clone();
    parts.sort_by_key(|p| p.0);
    let mut next = 0;
    for (off, bytes, more) in &parts {
        if *off != next {
            return None;
        }
        next += bytes.len();
        if !*more {
            let whole: Vec<u8> = parts.iter().flat_map(|p| p.1.iter().copied()).collect();
            let outer = entry.0;
            fragments.remove(&key);
            return Some((outer, whole));
        }
    }
    None
}

/// One line in the spirit of `tcpdump -v`: the outer addresses, then the message as
/// icmpwire's `Display` writes it.
fn human(bytes: &[u8], outer: Option<Outer>) -> String {
    let mut s = String::new();
    if let Some(o) = outer {
        let _ = write!(s, "{} > {}: ", o.src, o.dst);
    }
    match Message::parse_unverified(bytes) {
        Ok(msg) => {
            let _ = write!(s, "ICMP {msg}");
        }
        Err(e) => {
            let _ = write!(s, "ICMP malformed ({e}), length {}", bytes.len());
        }
    }
    s
}

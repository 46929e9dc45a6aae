//! icmpdump: print the ICMP and ICMPv6 messages of a capture, one line each (or one JSON object
//! each).
//!
//! ```text
//! cargo run --release --example icmpdump -- tests/data/kernel.pcap
//! cargo run --release --example icmpdump -- tests/data/kernel6.pcap
//! cargo run --release --example icmpdump -- --json capture.pcapng
//! cargo run --release --example icmpdump -- --hex messages.txt      # one hex ICMPv4 message per line
//! echo 0800f7fd00010001 | cargo run --release --example icmpdump -- --json --hex -
//! echo 'fe80::1 fe80::2 800070831234 0001' | cargo run --release --example icmpdump -- --hex6 -
//! ```
//!
//! Captures: pcap or pcapng, link types Ethernet (with 802.1Q tags), Linux cooked (SLL, SLL2)
//! and raw IP. IPv4 and IPv6 fragments are reassembled (a message whose fragments never all
//! arrive is shown from its first fragment, marked incomplete); the IPv6 extension header chain
//! is walked to the ICMPv6 header, and the ICMPv6 checksum is checked against the final
//! destination when a routing header still lists one. Messages with a bad checksum are shown and
//! say so, as tcpdump and tshark do. With `--hex`, every line holds one ICMPv4 message from the
//! type byte on; with `--hex6`, one ICMPv6 message as `SRC DST HEX` (the addresses of the
//! checksum's pseudo-header, then the message, `-` when it is empty); `--json` then prints
//! exactly one JSON object per input line.

#![allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)] // a tool, not the library: indices are checked above their use

mod capture;
mod json;
mod json6;
mod json6_registry;

use icmpwire::AnyMessage;
use std::fmt::Write as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::Ipv6Addr;
use std::process::ExitCode;

use capture::{Outer4, Outer6, Packet};
use icmpwire::v4::Message;
use icmpwire::v6::Message as Message6;

struct Options {
    json: bool,
    hex: bool,
    hex6: bool,
    path: String,
}

fn usage() -> ExitCode {
    eprintln!(
        "usage: icmpdump [--json] [--hex | --hex6] FILE   (FILE: pcap, pcapng; with --hex or --hex6 a text file, or - for stdin)"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut json = false;
    let mut hex = false;
    let mut hex6 = false;
    let mut path = None;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            "--hex" => hex = true,
            "--hex6" => hex6 = true,
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
    if hex && hex6 {
        return usage();
    }
    let opts = Options {
        json,
        hex,
        hex6,
        path,
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let result = if opts.hex || opts.hex6 {
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

/// `--hex` and `--hex6`: one message per line; blank lines and `#` comments are skipped (and
/// print nothing).
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
        let shown = if opts.hex6 {
            let (src, dst, bytes) = parse_hex6(text).map_err(|e| format!("line {}: {e}", n + 1))?;
            if opts.json {
                json6::message6_json(&bytes, src, dst).to_string()
            } else {
                human6(&bytes, src, dst, None, true)
            }
        } else {
            let bytes = parse_hex(text).map_err(|e| format!("line {}: {e}", n + 1))?;
            if opts.json {
                json::message_json(&bytes).to_string()
            } else {
                human(&bytes, None)
            }
        };
        write_line(out, &shown)?;
    }
    Ok(())
}

/// A `--hex6` line: source address, destination address, the message in hex (`-` if empty).
fn parse_hex6(text: &str) -> Result<(Ipv6Addr, Ipv6Addr, Vec<u8>), String> {
    let mut words = text.split_whitespace();
    let (Some(src), Some(dst)) = (words.next(), words.next()) else {
        return Err("expected SRC DST HEX".into());
    };
    let src: Ipv6Addr = src
        .parse()
        .map_err(|_| format!("not an IPv6 address: {src:?}"))?;
    let dst: Ipv6Addr = dst
        .parse()
        .map_err(|_| format!("not an IPv6 address: {dst:?}"))?;
    let rest: String = words.collect();
    let bytes = match rest.as_str() {
        "-" => Vec::new(),
        "" => return Err("expected SRC DST HEX (`-` for an empty message)".into()),
        hex => parse_hex(hex)?,
    };
    Ok((src, dst, bytes))
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

fn run_capture(opts: &Options, out: &mut impl Write) -> Result<(), String> {
    let data = std::fs::read(&opts.path).map_err(|e| e.to_string())?;
    let frames = capture::frames(&data)?;
    let (shown, summary) = capture::messages(&frames);
    for (packet, incomplete) in shown {
        show(opts, out, &packet, incomplete)?;
    }
    // What was not one message per frame, on standard error (the output stays one line or
    // object per message).
    if let Some(line) = summary.line() {
        eprintln!("icmpdump: {}: {line}", opts.path);
    }
    Ok(())
}

fn show(
    opts: &Options,
    out: &mut impl Write,
    packet: &Packet,
    incomplete: bool,
) -> Result<(), String> {
    let line = if opts.json {
        let (mut v, ip) = match packet {
            Packet::V4(o, icmp) => (
                json::message_json(icmp),
                serde_json::json!({"src": o.src.to_string(), "dst": o.dst.to_string(), "ttl": o.ttl}),
            ),
            Packet::V6(o, icmp) => (
                json6::message6_json(icmp, o.src, o.final_dst),
                serde_json::json!({"src": o.src.to_string(), "dst": o.dst.to_string(), "final_dst": o.final_dst.to_string(), "hop_limit": o.hop_limit}),
            ),
        };
        if let Some(obj) = v.as_object_mut() {
            obj.insert("ip".into(), ip);
            if incomplete {
                obj.insert("incomplete_fragment".into(), serde_json::Value::Bool(true));
            }
        }
        v.to_string()
    } else {
        let mut s = match packet {
            Packet::V4(o, icmp) => human(icmp, Some(*o)),
            Packet::V6(o, icmp) => human6(icmp, o.src, o.final_dst, Some(*o), !incomplete),
        };
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

/// One line in the spirit of `tcpdump -v`: the outer addresses, then the message as
/// icmpwire's `Display` writes it.
fn human(bytes: &[u8], outer: Option<Outer4>) -> String {
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

/// One line as `tcpdump -n` writes ICMPv6: the outer addresses, `[bad icmp6 cksum ...]` (as
/// `tcpdump -v` does) when the checksum does not verify for `src` and `dst` (only for a `whole`
/// message: the first fragment of one cannot be checked), then the message as icmpwire's
/// `Display` writes it (`ICMP6, echo request, ...`).
fn human6(
    bytes: &[u8],
    src: Ipv6Addr,
    dst: Ipv6Addr,
    outer: Option<Outer6>,
    whole: bool,
) -> String {
    let mut s = String::new();
    if let Some(o) = outer {
        let _ = write!(s, "{} > {}: ", o.src, o.dst);
    }
    match Message6::parse_unverified(bytes) {
        Ok(msg) => {
            if whole && !msg.verify_checksum(src, dst) {
                let _ = write!(
                    s,
                    "[bad icmp6 cksum 0x{:04x} -> 0x{:04x}!] ",
                    msg.checksum(),
                    msg.computed_checksum(src, dst)
                );
            }
            let _ = write!(s, "{msg}");
        }
        Err(e) => {
            let _ = write!(s, "ICMP6, malformed ({e}), length {}", bytes.len());
        }
    }
    s
}

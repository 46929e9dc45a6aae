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
//! Captures: pcap or pcapng (`pcap.rs`), every link type and tunnel `--help` lists (`link.rs`).
//! IPv4 and IPv6 fragments are reassembled (a message whose fragments never all
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
mod link;
mod pcap;
mod show;
mod verbose;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::Ipv6Addr;
use std::process::ExitCode;

use capture::Packet;

struct Options {
    json: bool,
    verbose: bool,
    hex: bool,
    hex6: bool,
    path: String,
}

const HELP: &str = "\
icmpdump: print the ICMP and ICMPv6 messages of a capture, one line (or JSON object) each

usage: icmpdump [--json | -v] FILE       FILE: a pcap or pcapng capture
       icmpdump [--json] --hex FILE      one ICMPv4 message in hex per line (- for stdin)
       icmpdump [--json] --hex6 FILE     one ICMPv6 message per line: SRC DST HEX (- for empty)

options:
  --json      one JSON object per message instead of a line of text
  -v          tcpdump -v's layout: the IP header on its own line, then the message, the
              quoted IP header and what follows it, extension objects and Neighbor
              Discovery options on lines of their own
  --hex       read hex ICMPv4 messages; a line with nothing on it is a message of no bytes
  --hex6      read hex ICMPv6 messages with their pseudo-header addresses
  -h, --help  this text

captures: pcap (microsecond, nanosecond and modified formats, either byte order) and pcapng
(any number of sections and interfaces); records longer than the snapshot length, files cut
inside a record and odd timestamps are read and warned about on standard error.

link types: Ethernet (802.1Q, QinQ, 802.3 LLC/SNAP), Linux cooked v1 and v2, raw IP (101, 12,
14, 228, 229), BSD loopback (NULL, LOOP), PPP (9, 50, 166), Cisco HDLC, Frame Relay, Solaris
IPNET, IP over InfiniBand, ARCNET (BSD, Linux), 802.11 (plain, radiotap, Prism, AVS) with
LLC/SNAP.

tunnels followed: GRE (keys, sequence numbers, PPTP), ERSPAN I, II and III, VXLAN (UDP 4789),
Geneve (UDP 6081), IP in IP (4in4, 6in4, 4in6, 6in6), MPLS (over Ethernet, PPP, GRE and UDP
6635), MACsec integrity-only frames, PPPoE sessions, PIM registers, Ethernet in IPv6 (next
header 143). IPv4 and IPv6 fragments are reassembled.

JSON keys: frame (1-based), time (seconds since 1970, as a string), encap (the layers before
the IP header that carries the message: link, tags, tunnels and their outer IP headers), ip
(src, dst, ttl or hop_limit, final_dst), type, code, checksum, checksum_valid (null when the
capture cut the message), length and captured_length (when cut), fields, inner (the quoted
packet), extension; incomplete_fragment when only the first fragment came.

At the end, on standard error: frames read, messages printed, and the frames skipped by reason.
";

/// Wrong usage: one line saying why, exit status 2.
fn usage(why: &str) -> ExitCode {
    eprintln!("icmpdump: {why} (icmpdump --help lists the options)");
    ExitCode::from(2)
}

fn parse_args() -> Result<Option<Options>, String> {
    use lexopt::prelude::*;
    let (mut json, mut hex, mut hex6, mut path) = (false, false, false, None);
    let mut verbose = false;
    let mut parser = lexopt::Parser::from_env();
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Short('v') | Long("verbose") => verbose = true,
            Long("hex") => hex = true,
            Long("hex6") => hex6 = true,
            Short('h') | Long("help") => return Ok(None),
            Value(v) if path.is_none() => {
                path = Some(
                    v.into_string()
                        .map_err(|v| format!("a path that is not UTF-8: {v:?}"))?,
                );
            }
            Value(v) => return Err(format!("one file at a time (also given {v:?})")),
            other => return Err(other.unexpected().to_string()),
        }
    }
    if hex && hex6 {
        return Err("--hex and --hex6 exclude each other".into());
    }
    if verbose && (json || hex || hex6) {
        return Err("-v is for captures, without --json".into());
    }
    let path = path.ok_or("no FILE given")?;
    Ok(Some(Options {
        json,
        verbose,
        hex,
        hex6,
        path,
    }))
}

fn main() -> ExitCode {
    let opts = match parse_args() {
        Ok(Some(o)) => o,
        Ok(None) => {
            print!("{HELP}");
            return ExitCode::SUCCESS;
        }
        Err(why) => return usage(&why),
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

/// `--hex` and `--hex6`: one message per line, one output line each (with `--hex`, a line
/// with nothing on it is a message of no bytes).
fn run_hex(opts: &Options, out: &mut impl Write) -> Result<(), String> {
    let reader: Box<dyn Read> = if opts.path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(&opts.path).map_err(|e| e.to_string())?)
    };
    for (n, line) in BufReader::new(reader).lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        let text = line.trim();
        let shown = if opts.hex6 {
            let (src, dst, bytes) = parse_hex6(text).map_err(|e| format!("line {}: {e}", n + 1))?;
            if opts.json {
                json6::message6_json(&bytes, src, dst).to_string()
            } else {
                show::human6(&bytes, src, dst, None, true)
            }
        } else {
            let bytes = parse_hex(text).map_err(|e| format!("line {}: {e}", n + 1))?;
            if opts.json {
                json::message_json(&bytes).to_string()
            } else {
                show::human(&bytes, None)
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
    let file = std::fs::File::open(&opts.path).map_err(|e| e.to_string())?;
    let mut reader = pcap::Reader::new(BufReader::with_capacity(1 << 16, file))?;
    let mut decoder = capture::Decoder::default();
    let mut frame = 0u64;
    let mut warned = 0;
    loop {
        let next = reader.next()?;
        // Oddities of the file, each said once, as they are met.
        for w in reader.warnings.get(warned..).unwrap_or_default() {
            eprintln!("icmpdump: {}: warning: {w}", opts.path);
        }
        warned = reader.warnings.len();
        match next {
            pcap::Next::Record(r) => {
                frame += 1;
                for p in decoder.frame(frame, r.time, r.link, &r.data, r.orig_len) {
                    show(opts, out, &p)?;
                }
            }
            pcap::Next::Skipped(why) => {
                frame += 1;
                decoder.skipped(why);
            }
            pcap::Next::End => break,
        }
    }
    for p in decoder.finish() {
        show(opts, out, &p)?;
    }
    // What became of every frame, on standard error (the output stays one line or object per
    // message).
    eprintln!("icmpdump: {}: {}", opts.path, decoder.summary.line());
    debug_assert_eq!(decoder.summary.accounted(), decoder.summary.frames);
    Ok(())
}

fn show(opts: &Options, out: &mut impl Write, p: &Packet) -> Result<(), String> {
    let line = if opts.json {
        show::packet_json(p).to_string()
    } else if opts.verbose {
        verbose::packet_verbose(p)
    } else {
        show::packet_line(p)
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

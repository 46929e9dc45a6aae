//! Capture files read record by record, as leniently as libpcap reads them, in constant memory.
//!
//! pcap (the libpcap format: microsecond and nanosecond magic numbers, either byte order, and
//! the "modified" format of some Linux patches with 8 more bytes per record header) and pcapng
//! (sections of either byte order, any number of interfaces with their own link types and
//! timestamp units, enhanced, simple and obsolete packet blocks). The record headers are read
//! here rather than through a pcap crate. Measured on the 830 captures of tcpdump's test suite
//! (tcpdump commit 39b50f7) and the 46 of `tests/data/links`: `pcap-file` 2 refuses 186 and 5
//! of them (a record whose original or captured length exceeds the snapshot length, a
//! nanosecond field out of range, an option it does not know); `pcap-parser` 0.16 reads all 830
//! once its buffer is made larger than the largest record (16 MiB; with 64 KiB it refuses 27),
//! and 45 of the 46: of the file that ends inside its last record it hands over nothing of that
//! record, which this reader shows as far as it goes. Here memory follows the records actually
//! read, not a buffer size chosen in advance.
//!
//! What is odd but readable is read, and said once on standard error (the `warnings`): a record
//! longer than the snapshot length, a microsecond field of a million or more, a pcapng block
//! whose trailing length disagrees, a file that ends inside a record (the bytes present are
//! shown). Only what leaves no way to find the next record stops the reading: a block or record
//! length that cannot be right.

use std::fmt;
use std::io::{self, Read};

/// The largest record accepted: libpcap's own ceiling for any link type is 256 KiB; captures
/// from other tools go beyond it (up to 16 MiB frames of some USB and D-Bus link types).
const MAX_RECORD: usize = 64 << 20;

/// When a frame was captured: seconds since 1970 and nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Time {
    pub(crate) secs: i64,
    pub(crate) nanos: u32,
}

impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{:09}", self.secs, self.nanos)
    }
}

impl Time {
    /// `units` counted at `per_sec` units a second, plus `offset` seconds.
    fn from_units(units: u64, per_sec: Resolution, offset: i64) -> Time {
        let (secs, nanos) = match per_sec {
            Resolution::Decimal(digits) => {
                let per = 10u64.pow(digits);
                let frac = u128::from(units % per);
                (units / per, frac * 1_000_000_000 / u128::from(per))
            }
            Resolution::Binary(bits) => {
                let frac = u128::from(units & ((1u64 << bits) - 1));
                (units >> bits, (frac * 1_000_000_000) >> bits)
            }
        };
        Time {
            secs: i64::try_from(secs)
                .unwrap_or(i64::MAX)
                .saturating_add(offset),
            nanos: u32::try_from(nanos).unwrap_or(0),
        }
    }
}

/// The units of a pcapng timestamp: 10^-n or 2^-n of a second.
#[derive(Clone, Copy, Debug)]
enum Resolution {
    Decimal(u32),
    Binary(u32),
}

/// One frame of a capture.
pub(crate) struct Record {
    /// The link type (a LINKTYPE_ number).
    pub(crate) link: u32,
    pub(crate) time: Time,
    /// The frame's length on the wire (more than `data` when the capture cut it).
    pub(crate) orig_len: usize,
    pub(crate) data: Vec<u8>,
}

/// What the reader found next.
pub(crate) enum Next {
    Record(Record),
    /// A packet that cannot be shown, and why (a packet block on an interface never declared).
    Skipped(&'static str),
    End,
}

/// A pcapng interface.
#[derive(Clone, Copy)]
struct Interface {
    link: u32,
    snaplen: u32,
    resolution: Resolution,
    offset: i64,
}

enum Format {
    Pcap {
        big: bool,
        nanos: bool,
        modified: bool,
        snaplen: u32,
        link: u32,
    },
    PcapNg {
        big: bool,
        interfaces: Vec<Interface>,
    },
}

/// A capture file's records, one at a time.
pub(crate) struct Reader<R> {
    input: R,
    format: Format,
    /// Oddities met so far, each said once.
    pub(crate) warnings: Vec<String>,
    records: u64,
    done: bool,
}

/// Reads until `buf` is full or the input ends; how many bytes came.
fn fill(input: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match input.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

/// Up to `n` bytes, fewer if the input ends first; memory grows with what comes, not with what
/// a length field claims.
fn read_up_to(input: &mut impl Read, n: usize) -> io::Result<Vec<u8>> {
    let mut v = Vec::with_capacity(n.min(1 << 16));
    input.take(n as u64).read_to_end(&mut v)?;
    Ok(v)
}

fn u16_at(b: &[u8], at: usize, big: bool) -> u16 {
    let v = [b[at], b[at + 1]];
    if big {
        u16::from_be_bytes(v)
    } else {
        u16::from_le_bytes(v)
    }
}

fn u32_at(b: &[u8], at: usize, big: bool) -> u32 {
    let v = [b[at], b[at + 1], b[at + 2], b[at + 3]];
    if big {
        u32::from_be_bytes(v)
    } else {
        u32::from_le_bytes(v)
    }
}

/// A length that cannot be a frame's: the file is not read further.
fn plausible(len: usize) -> bool {
    len <= MAX_RECORD
}

impl<R: Read> Reader<R> {
    /// Reads the file header (pcap) or the first section header (pcapng).
    pub(crate) fn new(mut input: R) -> Result<Reader<R>, String> {
        let mut head = [0u8; 24];
        let got = fill(&mut input, &mut head).map_err(|e| e.to_string())?;
        let magic = [head[0], head[1], head[2], head[3]];
        if magic == [0x0a, 0x0d, 0x0d, 0x0a] {
            let mut reader = Reader {
                input,
                format: Format::PcapNg {
                    big: false,
                    interfaces: Vec::new(),
                },
                warnings: Vec::new(),
                records: 0,
                done: false,
            };
            reader.section(&head[..got])?;
            return Ok(reader);
        }
        let (big, nanos, modified) = match magic {
            [0xd4, 0xc3, 0xb2, 0xa1] => (false, false, false),
            [0xa1, 0xb2, 0xc3, 0xd4] => (true, false, false),
            [0x4d, 0x3c, 0xb2, 0xa1] => (false, true, false),
            [0xa1, 0xb2, 0x3c, 0x4d] => (true, true, false),
            [0x34, 0xcd, 0xb2, 0xa1] => (false, false, true),
            [0xa1, 0xb2, 0xcd, 0x34] => (true, false, true),
            _ => {
                return Err(format!(
                    "not a pcap or pcapng file (it starts with {:02x}{:02x}{:02x}{:02x})",
                    magic[0], magic[1], magic[2], magic[3]
                ));
            }
        };
        if got < 24 {
            return Err(format!(
                "the pcap file header is cut short ({got} of 24 bytes)"
            ));
        }
        Ok(Reader {
            input,
            format: Format::Pcap {
                big,
                nanos,
                modified,
                snaplen: u32_at(&head, 16, big),
                // The low 16 bits; the upper ones carry the FCS length on some captures.
                link: u32_at(&head, 20, big) & 0xFFFF,
            },
            warnings: Vec::new(),
            records: 0,
            done: false,
        })
    }

    /// Says `what` on standard error once (the dump collects them).
    fn warn(&mut self, what: String) {
        if !self.warnings.contains(&what) {
            self.warnings.push(what);
        }
    }

    /// The next record.
    pub(crate) fn next(&mut self) -> Result<Next, String> {
        if self.done {
            return Ok(Next::End);
        }
        let next = match self.format {
            Format::Pcap { .. } => self.next_pcap(),
            Format::PcapNg { .. } => self.next_pcapng(),
        };
        if matches!(next, Ok(Next::End)) {
            self.done = true;
        }
        next
    }

    fn next_pcap(&mut self) -> Result<Next, String> {
        let Format::Pcap {
            big,
            nanos,
            modified,
            snaplen,
            link,
        } = self.format
        else {
            return Ok(Next::End);
        };
        let mut head = [0u8; 24];
        let head = &mut head[..if modified { 24 } else { 16 }];
        let got = fill(&mut self.input, head).map_err(|e| e.to_string())?;
        if got == 0 {
            return Ok(Next::End);
        }
        let n = self.records + 1;
        if got < head.len() {
            self.warn(format!("the file ends inside the header of record {n}"));
            return Ok(Next::End);
        }
        let secs = u32_at(head, 0, big);
        let frac = u32_at(head, 4, big);
        let incl = u32_at(head, 8, big) as usize;
        let orig = u32_at(head, 12, big) as usize;
        if !plausible(incl) {
            self.warn(format!(
                "record {n} says it holds {incl} bytes, which cannot be right: the rest of the file is not read"
            ));
            return Ok(Next::End);
        }
        if snaplen != 0 && incl > snaplen as usize {
            self.warn(format!(
                "records longer than the snapshot length ({incl} > {snaplen} bytes, first in record {n}): read whole"
            ));
        }
        let per_sec: u32 = if nanos { 1_000_000_000 } else { 1_000_000 };
        if frac >= per_sec {
            self.warn(format!(
                "a fraction of a second out of range ({frac} in record {n}): carried into the seconds"
            ));
        }
        let scale = 1_000_000_000 / per_sec;
        let nanos_total = u64::from(frac) * u64::from(scale);
        let time = Time {
            secs: i64::from(secs) + (nanos_total / 1_000_000_000) as i64,
            nanos: (nanos_total % 1_000_000_000) as u32,
        };
        let data = read_up_to(&mut self.input, incl).map_err(|e| e.to_string())?;
        self.records = n;
        if data.len() < incl {
            self.warn(format!(
                "the file ends inside record {n} ({} of its {incl} bytes): shown as far as it goes",
                data.len()
            ));
            self.done = true;
        }
        Ok(Next::Record(Record {
            link,
            time,
            orig_len: orig.max(data.len()),
            data,
        }))
    }

    /// Reads a section header block whose first bytes (at least the type, length and
    /// byte-order magic) are `start`; the rest comes from the input.
    fn section(&mut self, start: &[u8]) -> Result<(), String> {
        if start.len() < 12 {
            return Err("the pcapng section header is cut short".into());
        }
        let big = match [start[8], start[9], start[10], start[11]] {
            [0x1a, 0x2b, 0x3c, 0x4d] => true,
            [0x4d, 0x3c, 0x2b, 0x1a] => false,
            m => {
                return Err(format!(
                    "not a pcapng section: byte-order magic {:02x}{:02x}{:02x}{:02x}",
                    m[0], m[1], m[2], m[3]
                ));
            }
        };
        let total = u32_at(start, 4, big) as usize;
        if total < 28 || !total.is_multiple_of(4) || !plausible(total) {
            return Err(format!("a pcapng section header of {total} bytes"));
        }
        // What of the block is not read yet.
        let want = total.saturating_sub(start.len());
        let rest = read_up_to(&mut self.input, want).map_err(|e| e.to_string())?;
        if rest.len() < want {
            self.warn("the file ends inside a section header".into());
            self.done = true;
        }
        let mut whole = start.to_vec();
        whole.extend_from_slice(&rest);
        if whole.len() >= 14 && u16_at(&whole, 12, big) != 1 {
            self.warn(format!(
                "a pcapng section of major version {}: read as version 1",
                u16_at(&whole, 12, big)
            ));
        }
        self.format = Format::PcapNg {
            big,
            interfaces: Vec::new(),
        };
        Ok(())
    }

    fn next_pcapng(&mut self) -> Result<Next, String> {
        loop {
            let Format::PcapNg { big, .. } = self.format else {
                return Ok(Next::End);
            };
            let mut head = [0u8; 12];
            let got = fill(&mut self.input, &mut head[..8]).map_err(|e| e.to_string())?;
            if got == 0 {
                return Ok(Next::End);
            }
            if got < 8 {
                self.warn("the file ends inside a block header".into());
                return Ok(Next::End);
            }
            if head[..4] == [0x0a, 0x0d, 0x0d, 0x0a] {
                // A new section, perhaps of the other byte order: its magic says which.
                let got = fill(&mut self.input, &mut head[8..12]).map_err(|e| e.to_string())?;
                if got < 4 {
                    self.warn("the file ends inside a section header".into());
                    return Ok(Next::End);
                }
                self.section(&head)?;
                if self.done {
                    return Ok(Next::End);
                }
                continue;
            }
            let kind = u32_at(&head, 0, big);
            let total = u32_at(&head, 4, big) as usize;
            if total < 12 || !total.is_multiple_of(4) || !plausible(total) {
                self.warn(format!(
                    "a pcapng block of type 0x{kind:08x} says it is {total} bytes long, which cannot be right: the rest of the file is not read"
                ));
                return Ok(Next::End);
            }
            let mut body = read_up_to(&mut self.input, total - 8).map_err(|e| e.to_string())?;
            if body.len() < total - 8 {
                self.warn(format!(
                    "the file ends inside a block of type 0x{kind:08x} ({} of its {total} bytes): read as far as it goes",
                    body.len() + 8
                ));
                self.done = true;
            } else {
                let trailer = u32_at(&body, body.len() - 4, big) as usize;
                if trailer != total {
                    self.warn(format!(
                        "a pcapng block whose trailing length ({trailer}) is not its leading length ({total})"
                    ));
                }
                body.truncate(body.len() - 4);
            }
            let found = self.block(kind, &body, big);
            if found.is_some() || self.done {
                return Ok(found.unwrap_or(Next::End));
            }
        }
    }

    /// A pcapng block's meaning: a packet, an interface noted, or nothing to show.
    fn block(&mut self, kind: u32, body: &[u8], big: bool) -> Option<Next> {
        match kind {
            // Interface description: link type, snapshot length, options.
            1 => {
                let interface = interface(body, big).unwrap_or_else(|| {
                    self.warn(
                        "an interface description block cut short: its packets are not read".into(),
                    );
                    // Kept in the list, so that the next interfaces keep their numbers.
                    Interface {
                        link: u32::MAX,
                        snaplen: 0,
                        resolution: Resolution::Decimal(6),
                        offset: 0,
                    }
                });
                if let Format::PcapNg { interfaces, .. } = &mut self.format {
                    interfaces.push(interface);
                }
                None
            }
            // Enhanced packet (6) and the obsolete packet block (2).
            2 | 6 => {
                if body.len() < 20 {
                    self.warn("a packet block too short for its own header".into());
                    return Some(Next::Skipped("packet block cut short"));
                }
                let id = if kind == 6 {
                    u32_at(body, 0, big) as usize
                } else {
                    usize::from(u16_at(body, 0, big))
                };
                let units = u64::from(u32_at(body, 4, big)) << 32 | u64::from(u32_at(body, 8, big));
                let cap = u32_at(body, 12, big) as usize;
                let orig = u32_at(body, 16, big) as usize;
                let data = &body[20..];
                let Some(interface) = self.interface(id) else {
                    return Some(Next::Skipped("packet on an interface never declared"));
                };
                Some(self.packet(interface, units, cap, orig, data))
            }
            // Simple packet: the first interface, no timestamp.
            3 => {
                if body.len() < 4 {
                    return Some(Next::Skipped("packet block cut short"));
                }
                let orig = u32_at(body, 0, big) as usize;
                let Some(interface) = self.interface(0) else {
                    return Some(Next::Skipped("packet on an interface never declared"));
                };
                let cap = orig.min(body.len() - 4).min(if interface.snaplen == 0 {
                    usize::MAX
                } else {
                    interface.snaplen as usize
                });
                let mut packet = self.packet(interface, 0, cap, orig, &body[4..]);
                if let Next::Record(r) = &mut packet {
                    r.time = Time::default();
                }
                Some(packet)
            }
            // Name resolution, statistics, decryption secrets, custom and unknown blocks carry
            // no frame.
            _ => None,
        }
    }

    /// Interface `id` of the current section; a packet on one never declared is skipped.
    fn interface(&mut self, id: usize) -> Option<Interface> {
        let Format::PcapNg { interfaces, .. } = &self.format else {
            return None;
        };
        let found = interfaces.get(id).copied();
        if found.is_none() {
            self.warn(format!(
                "packets on interface {id}, which the section never declared"
            ));
        }
        found
    }

    fn packet(&mut self, i: Interface, units: u64, cap: usize, orig: usize, data: &[u8]) -> Next {
        let n = self.records + 1;
        self.records = n;
        if cap > data.len() {
            self.warn(format!(
                "packet {n} says it holds {cap} bytes but its block has {}: shown as far as it goes",
                data.len()
            ));
        }
        if i.snaplen != 0 && cap > i.snaplen as usize {
            self.warn(format!(
                "packets longer than their interface's snapshot length ({cap} > {} bytes, first in packet {n}): read whole",
                i.snaplen
            ));
        }
        let data = data[..cap.min(data.len())].to_vec();
        Next::Record(Record {
            link: i.link,
            time: Time::from_units(units, i.resolution, i.offset),
            orig_len: orig.max(data.len()),
            data,
        })
    }
}

/// An interface description block's link type, snapshot length and timestamp options.
fn interface(body: &[u8], big: bool) -> Option<Interface> {
    if body.len() < 8 {
        return None;
    }
    let mut i = Interface {
        link: u32::from(u16_at(body, 0, big)),
        snaplen: u32_at(body, 4, big),
        resolution: Resolution::Decimal(6),
        offset: 0,
    };
    let mut options = &body[8..];
    while options.len() >= 4 {
        let code = u16_at(options, 0, big);
        let len = usize::from(u16_at(options, 2, big));
        let Some(value) = options.get(4..4 + len) else {
            break;
        };
        match (code, value) {
            (0, _) => break,
            // if_tsresol: 10^-n, or 2^-n with the top bit set.
            (9, [r]) => {
                let n = u32::from(r & 0x7F);
                i.resolution = match (r & 0x80 != 0, n) {
                    (false, 0..=19) => Resolution::Decimal(n),
                    (true, 0..=63) => Resolution::Binary(n),
                    _ => Resolution::Decimal(6),
                };
            }
            // if_tsoffset: seconds added to every timestamp.
            (14, [a, b, c, d, e, f, g, h]) => {
                let v = [*a, *b, *c, *d, *e, *f, *g, *h];
                i.offset = if big {
                    i64::from_be_bytes(v)
                } else {
                    i64::from_le_bytes(v)
                };
            }
            _ => {}
        }
        options = options
            .get(4 + len.next_multiple_of(4)..)
            .unwrap_or_default();
    }
    Some(i)
}

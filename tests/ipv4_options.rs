//! `v4::Ipv4Options` and `v4::Ipv4OptionType`: every IPv4 header with options in the kernel
//! capture (the packets' own and the ones their errors quote) framed as tcpdump 4.99.3 frames
//! them (`tests/data/kernel.tcpdump-v.txt`); RFC 791 section 3.1's layouts written out by hand,
//! each error with its numbers; the type byte's three fields against the IANA "IP Option
//! Numbers" registry's columns.
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

mod common;

use std::net::Ipv4Addr;

use icmpwire::v4::{
    Ipv4Addresses, Ipv4Option, Ipv4OptionRepr, Ipv4OptionType, Ipv4Options, RouteOption,
    TimestampOption, ipv4_options_len, write_ipv4_options,
};
use icmpwire::{ParseError, Quote};

/// What the walk gives: each option's type, offset and length, or the error it ends with.
fn walk(bytes: &[u8], offset: usize) -> Vec<Result<(u8, usize, usize), ParseError>> {
    Ipv4Options::new(bytes, offset)
        .map(|o| o.map(|o| (o.kind().0, o.offset(), o.len())))
        .collect()
}

/// tcpdump's names (print-ip.c's `ip_option_values`) and the numbers RFC 791 gives them.
fn tcpdump_number(name: &str) -> u8 {
    match name {
        "EOL" => 0,
        "NOP" => 1,
        "RR" => 7,
        "timestamp" => 68,
        "LSRR" => 131,
        "SSRR" => 137,
        "RA" => 148,
        other => panic!("no number written for tcpdump's {other:?}"),
    }
}

/// The options tcpdump printed in an `IP (...)` line: one entry per option, its number, the
/// entries it listed (addresses of a route, `stamp@address` pairs of a timestamp) and whether
/// it said `[bad length N]`. Options are separated by a comma with no space after it.
fn tcpdump_options(line: &str) -> Option<Vec<(u8, usize, bool, String)>> {
    let start = line.find("options (")? + "options (".len();
    let inner = &line[start..start + line[start..].find(')').unwrap()];
    let mut out = Vec::new();
    let mut piece = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        // A comma before a space separates addresses; one before another comma ends a route
        // whose last address the pointer has passed.
        if c == ',' && !matches!(chars.peek(), Some(' ' | ',')) {
            out.push(std::mem::take(&mut piece));
        } else {
            piece.push(c);
        }
    }
    out.push(piece);
    Some(
        out.iter()
            .map(|p| {
                let name = p.split([' ', ',', '[']).next().unwrap();
                let entries = if name == "timestamp" {
                    p.matches('@').count()
                } else {
                    p.split([' ', ','])
                        .filter(|w| w.split('.').count() == 4)
                        .count()
                };
                (
                    tcpdump_number(name),
                    entries,
                    p.contains("[bad length"),
                    p.clone(),
                )
            })
            .collect(),
    )
}

/// How many entries an option holds by its length (RFC 791): 4-byte addresses after a route's
/// 3 bytes, 8-byte address and time pairs after a timestamp's 4 (flag 1 or 3) or 4-byte times
/// (flag 0).
fn entries(o: &Ipv4Option<'_>) -> usize {
    match o.kind() {
        Ipv4OptionType::RECORD_ROUTE
        | Ipv4OptionType::LOOSE_SOURCE_ROUTE
        | Ipv4OptionType::STRICT_SOURCE_ROUTE => o.len().saturating_sub(3) / 4,
        Ipv4OptionType::TIMESTAMP if o.data().get(1).is_some_and(|f| f & 0x0F == 0) => {
            o.len().saturating_sub(4) / 4
        }
        Ipv4OptionType::TIMESTAMP => o.len().saturating_sub(4) / 8,
        _ => 0,
    }
}

/// Each frame of the kernel capture: its IPv4 headers' tcpdump lines and option bytes, the
/// packet's own, then (an error's) the quoted one after the 8-byte ICMP header.
fn kernel_headers() -> Vec<Vec<(String, Vec<u8>)>> {
    let theirs = common::tcpdump_frames(include_str!("data/kernel.tcpdump-v.txt"));
    let frames = common::ethernet_frames("kernel.pcap");
    frames
        .iter()
        .zip(&theirs)
        .map(|(frame, lines)| {
            let ip = &frame[14..];
            let ihl = usize::from(ip[0] & 0x0F) * 4;
            let quoted = lines
                .iter()
                .skip(1)
                .find(|l| l.trim_start().starts_with("IP ("));
            let mut pairs = vec![(lines[0].to_string(), ip[20..ihl].to_vec())];
            if let Some(line) = quoted {
                let q = Quote::new(&ip[ihl + 8..]).ipv4().unwrap();
                pairs.push((line.to_string(), q.options().unwrap().to_vec()));
            }
            pairs
        })
        .collect()
}

#[test]
fn kernel_capture_options_framed_as_tcpdump_frames_them() {
    let (mut headers, mut refused, mut fields) = (0, 0, 0);
    for (i, headers_of_frame) in kernel_headers().iter().enumerate() {
        for (line, options) in headers_of_frame {
            let Some(expected) = tcpdump_options(line) else {
                assert!(options.is_empty(), "frame {}: {line}", i + 1);
                continue;
            };
            // An option whose length runs past the options or is below 2 ends both walks: the
            // error names it by its offset, tcpdump says `[bad length N]` and stops. Any other
            // `[bad length]` is tcpdump's check of an option's own layout, which the framing
            // leaves to the option's reader.
            let ours: Vec<(u8, Option<usize>)> = Ipv4Options::new(options, 20)
                .map(|o| match o {
                    Ok(o) => (o.kind().0, Some(entries(&o))),
                    Err(
                        ParseError::Ipv4OptionLength { offset, .. }
                        | ParseError::Ipv4OptionTruncated { offset, .. },
                    ) => (options[offset - 20], None),
                    Err(e) => panic!("{e:?}"),
                })
                .collect();
            assert_eq!(ours.len(), expected.len(), "frame {}: {line}", i + 1);
            for (n, ((kind, count), (their_kind, their_count, bad_length, _))) in
                ours.iter().zip(&expected).enumerate()
            {
                assert_eq!(kind, their_kind, "frame {}: {line}", i + 1);
                match count {
                    Some(count) => assert_eq!(count, their_count, "frame {}: {line}", i + 1),
                    None => assert!(*bad_length && n + 1 == expected.len(), "frame {}", i + 1),
                }
                refused += usize::from(count.is_none());
            }
            // The fields of each option as tcpdump lists them.
            for (o, (.., piece)) in Ipv4Options::new(options, 20).zip(&expected) {
                let Ok(o) = o else { continue };
                fields_as_tcpdump_lists_them(&o, piece, &format!("frame {}", i + 1));
                fields += usize::from(o.route().is_some() || o.timestamp().is_some());
            }
            headers += 1;
        }
    }
    // Routes and timestamps long enough for their fields, read field by field: 6 record
    // routes, 1 loose and 3 strict source routes, 3 timestamps (a record route of 2 bytes and
    // a timestamp of 3 have none; a timestamp longer than the header ends the walk).
    assert_eq!(fields, 13);
    // ping -R and -T tsandaddr requests and replies, a record route quoted in a time exceeded,
    // the strict source routes of the source-route frames, and the malformed options the
    // capture script wrote (one of them a timestamp option longer than the header): the 16
    // lines of tcpdump's output with options.
    assert_eq!((headers, refused), (16, 1));
}

#[test]
fn every_option_framed_with_its_offset() {
    // NOP, router alert (RFC 2113), loose source route of one address, end of list; what
    // follows the end of the list is padding, not read.
    let bytes = [1, 148, 4, 0, 0, 131, 7, 4, 203, 0, 113, 2, 0, 7, 0];
    assert_eq!(
        walk(&bytes, 20),
        [
            Ok((1, 20, 1)),
            Ok((148, 21, 4)),
            Ok((131, 25, 7)),
            Ok((0, 32, 1))
        ]
    );
    // The same counted from 0.
    assert_eq!(walk(&bytes, 0)[2], Ok((131, 5, 7)));
    let lsrr = Ipv4Options::new(&bytes, 20).nth(2).unwrap().unwrap();
    assert_eq!(lsrr.bytes(), &[131, 7, 4, 203, 0, 113, 2]);
    assert_eq!(lsrr.data(), &[4, 203, 0, 113, 2]);
    let nop = Ipv4Options::new(&bytes, 20).next().unwrap().unwrap();
    assert_eq!((nop.bytes(), nop.data()), (&[1u8][..], &[][..]));
    // An option of length 2 has no data; an unknown type is framed all the same.
    assert_eq!(
        walk(&[222, 2, 30, 3, 9], 0),
        [Ok((222, 0, 2)), Ok((30, 2, 3))]
    );
    let unknown = Ipv4Options::new(&[30, 3, 9], 0).next().unwrap().unwrap();
    assert_eq!(
        (unknown.data(), unknown.kind()),
        (&[9u8][..], Ipv4OptionType(30))
    );
    // Options that fill the header to its last byte.
    assert_eq!(walk(&[1, 1, 1, 1], 20).len(), 4);
    assert!(walk(&[], 20).is_empty());
}

#[test]
fn errors_name_the_option_and_end_the_walk() {
    // A type byte with no length byte after it: alone, and after a NOP.
    let cut = |offset, actual| {
        Err(ParseError::Ipv4OptionTruncated {
            offset,
            required: 2,
            actual,
        })
    };
    assert_eq!(walk(&[7], 20), [cut(20, 1)]);
    assert_eq!(walk(&[1, 68], 20), [Ok((1, 20, 1)), cut(21, 1)]);
    // Lengths 0 and 1 cannot hold the type and length bytes themselves.
    assert_eq!(
        walk(&[148, 1, 0, 0, 1], 20),
        [Err(ParseError::Ipv4OptionLength {
            offset: 20,
            length: 1
        })]
    );
    assert_eq!(
        walk(&[1, 1, 148, 0, 1, 1], 20),
        [
            Ok((1, 20, 1)),
            Ok((1, 21, 1)),
            Err(ParseError::Ipv4OptionLength {
                offset: 22,
                length: 0
            })
        ]
    );
    // A record route of 11 bytes with 8 present (the options end first).
    assert_eq!(
        walk(&[1, 7, 11, 4, 0, 0, 0, 0, 0], 20),
        [
            Ok((1, 20, 1)),
            Err(ParseError::Ipv4OptionTruncated {
                offset: 21,
                required: 11,
                actual: 8
            })
        ]
    );
    // Nothing after an error, however many bytes are left.
    let mut walk = Ipv4Options::new(&[148, 1, 1, 1, 1, 1], 0);
    assert!(walk.next().unwrap().is_err());
    assert!(walk.next().is_none());
    assert!(walk.next().is_none());
    // `check` gives the first error, or none.
    assert_eq!(
        Ipv4Options::new(&[1, 1, 7, 3], 20).check(),
        Err(ParseError::Ipv4OptionTruncated {
            offset: 22,
            required: 3,
            actual: 2
        })
    );
    assert_eq!(Ipv4Options::new(&[1, 7, 3, 4, 0, 9], 20).check(), Ok(()));
    // The messages say what and where.
    assert_eq!(
        ParseError::Ipv4OptionLength {
            offset: 22,
            length: 0
        }
        .to_string(),
        "IPv4 option at offset 22 has length 0: at least 2"
    );
    assert_eq!(
        ParseError::Ipv4OptionTruncated {
            offset: 21,
            required: 11,
            actual: 8
        }
        .to_string(),
        "IPv4 option at offset 21 needs 11 bytes, 8 present"
    );
}

#[test]
fn type_fields_as_the_registry_lists_them() {
    // IANA "IP Option Numbers": copy, class, number, value, for every assigned value.
    let registry: [(bool, u8, u8, u8, Ipv4OptionType); 29] = [
        (false, 0, 0, 0, Ipv4OptionType::END),
        (false, 0, 1, 1, Ipv4OptionType::NOP),
        (true, 0, 2, 130, Ipv4OptionType::SECURITY),
        (true, 0, 3, 131, Ipv4OptionType::LOOSE_SOURCE_ROUTE),
        (false, 2, 4, 68, Ipv4OptionType::TIMESTAMP),
        (true, 0, 5, 133, Ipv4OptionType::EXTENDED_SECURITY),
        (true, 0, 6, 134, Ipv4OptionType::CIPSO),
        (false, 0, 7, 7, Ipv4OptionType::RECORD_ROUTE),
        (true, 0, 8, 136, Ipv4OptionType::STREAM_ID),
        (true, 0, 9, 137, Ipv4OptionType::STRICT_SOURCE_ROUTE),
        (false, 0, 10, 10, Ipv4OptionType::EXPERIMENTAL_MEASUREMENT),
        (false, 0, 11, 11, Ipv4OptionType::MTU_PROBE),
        (false, 0, 12, 12, Ipv4OptionType::MTU_REPLY),
        (true, 2, 13, 205, Ipv4OptionType::EXPERIMENTAL_FLOW_CONTROL),
        (
            true,
            0,
            14,
            142,
            Ipv4OptionType::EXPERIMENTAL_ACCESS_CONTROL,
        ),
        (false, 0, 15, 15, Ipv4OptionType::ENCODE),
        (true, 0, 16, 144, Ipv4OptionType::IMI_TRAFFIC_DESCRIPTOR),
        (true, 0, 17, 145, Ipv4OptionType::EXTENDED_INTERNET_PROTOCOL),
        (false, 2, 18, 82, Ipv4OptionType::TRACEROUTE),
        (true, 0, 19, 147, Ipv4OptionType::ADDRESS_EXTENSION),
        (true, 0, 20, 148, Ipv4OptionType::ROUTER_ALERT),
        (
            true,
            0,
            21,
            149,
            Ipv4OptionType::SELECTIVE_DIRECTED_BROADCAST,
        ),
        (true, 0, 23, 151, Ipv4OptionType::DYNAMIC_PACKET_STATE),
        (true, 0, 24, 152, Ipv4OptionType::UPSTREAM_MULTICAST),
        (false, 0, 25, 25, Ipv4OptionType::QUICK_START),
        (false, 0, 30, 30, Ipv4OptionType::EXPERIMENT_30),
        (false, 2, 30, 94, Ipv4OptionType::EXPERIMENT_94),
        (true, 0, 30, 158, Ipv4OptionType::EXPERIMENT_158),
        (true, 2, 30, 222, Ipv4OptionType::EXPERIMENT_222),
    ];
    for (copied, class, number, value, constant) in registry {
        assert_eq!(constant, Ipv4OptionType(value));
        let t = Ipv4OptionType(value);
        assert_eq!(
            (t.copied(), t.class(), t.number()),
            (copied, class, number),
            "{value}"
        );
        assert!(t.name().is_some(), "{value}");
    }
    // Class 1 and 3 are reserved; 150 is unassigned.
    assert_eq!(Ipv4OptionType(0x3F).class(), 1);
    assert_eq!(Ipv4OptionType(0xE0).class(), 3);
    assert_eq!(Ipv4OptionType(150).to_string(), "option 150");
    // tcpdump's names for the nine it names.
    for (name, value) in [
        ("EOL", 0),
        ("NOP", 1),
        ("RR", 7),
        ("timestamp", 68),
        ("security", 130),
        ("LSRR", 131),
        ("SSRR", 137),
        ("RA", 148),
        ("traceroute", 82),
    ] {
        assert_eq!(Ipv4OptionType(value).name(), Some(name));
    }
}

/// A route's addresses as tcpdump lists them (a comma after each one the pointer has passed),
/// a timestamp's `time@address` entries with a caret at the pointer and the overflow count
/// (`[N hops not recorded]`). Where tcpdump says `[bad ptr N]`, the count of used entries is
/// not compared (tcpdump marks by its own reading of a bad pointer).
fn fields_as_tcpdump_lists_them(o: &Ipv4Option<'_>, piece: &str, at: &str) {
    let words: Vec<&str> = piece.split(' ').skip(1).collect();
    let good_pointer = !piece.contains("[bad ptr");
    if let Some(route) = o.route() {
        let theirs: Vec<Ipv4Addr> = words
            .iter()
            .filter_map(|w| w.trim_end_matches(',').parse().ok())
            .collect();
        assert_eq!(
            route.addresses().collect::<Vec<_>>(),
            theirs,
            "{at}: {piece}"
        );
        if good_pointer {
            let passed = words.iter().filter(|w| w.ends_with(',')).count();
            assert_eq!(route.used(), passed, "{at}: {piece}");
        }
    } else if let Some(ts) = o.timestamp() {
        let mut theirs = Vec::new();
        let mut caret = None;
        for w in &words {
            let w = w.trim_start_matches("TS{").trim_end_matches('}');
            if w == "^" {
                caret = Some(theirs.len());
            } else if let Some((time, address)) = w.rsplit(']').next().unwrap().split_once('@') {
                theirs.push((
                    address.parse::<Ipv4Addr>().ok(),
                    time.parse::<u32>().unwrap(),
                ));
            }
        }
        assert_eq!(ts.entries().collect::<Vec<_>>(), theirs, "{at}: {piece}");
        if good_pointer {
            assert_eq!(
                Some(ts.used()),
                caret.or(Some(theirs.len())),
                "{at}: {piece}"
            );
        }
        let overflow = piece
            .split_once(" hops not recorded")
            .map_or(0, |(before, _)| {
                before.rsplit('[').next().unwrap().parse().unwrap()
            });
        assert_eq!(ts.overflow(), overflow, "{at}: {piece}");
    } else {
        assert!(
            !piece.contains('@') && !piece.contains('.'),
            "{at}: {piece}"
        );
    }
}

/// The route of `bytes`' first option.
fn route(bytes: &[u8]) -> Option<RouteOption<'_>> {
    Ipv4Options::new(bytes, 20).next().unwrap().unwrap().route()
}

/// The timestamp of `bytes`' first option.
fn timestamp(bytes: &[u8]) -> Option<TimestampOption<'_>> {
    Ipv4Options::new(bytes, 20)
        .next()
        .unwrap()
        .unwrap()
        .timestamp()
}

#[test]
fn route_fields_by_rfc_791() {
    let a = Ipv4Addr::new(192, 0, 2, 1);
    let b = Ipv4Addr::new(198, 51, 100, 7);
    // Record route, room for two: empty (pointer 4), one recorded, full (pointer 12 > 11).
    for (pointer, used) in [(4, 0), (8, 1), (12, 2)] {
        let bytes = [7, 11, pointer, 192, 0, 2, 1, 198, 51, 100, 7];
        let r = route(&bytes).unwrap();
        assert_eq!((r.pointer(), r.used()), (pointer, used));
        assert_eq!(r.addresses().collect::<Vec<_>>(), [a, b]);
    }
    // A pointer below 4 (malformed) has used none; one far past the end, all.
    assert_eq!(route(&[7, 7, 3, 1, 2, 3, 4]).unwrap().used(), 0);
    assert_eq!(route(&[7, 7, 200, 1, 2, 3, 4]).unwrap().used(), 1);
    // Loose and strict source routes read the same way; a partial address is not one.
    let lsrr = route(&[131, 9, 8, 203, 0, 113, 2, 9, 9]).unwrap();
    assert_eq!(
        lsrr.addresses().collect::<Vec<_>>(),
        [Ipv4Addr::new(203, 0, 113, 2)]
    );
    assert_eq!(lsrr.used(), 1);
    assert_eq!(route(&[137, 3, 4]).unwrap().addresses().len(), 0);
    // Too short for a pointer, or another type: no route.
    assert_eq!(route(&[7, 2]), None);
    assert_eq!(route(&[68, 8, 5, 0, 0, 0, 0, 0]), None);
    assert_eq!(route(&[148, 4, 0, 0]), None);
}

#[test]
fn timestamp_fields_by_rfc_791() {
    // Times only: room for two, the first entered, 2 hops overflowed.
    let ts = timestamp(&[68, 12, 9, 0x20, 0, 0, 0, 42, 0x80, 0, 0, 1]).unwrap();
    assert_eq!(
        (ts.pointer(), ts.overflow(), ts.flag()),
        (9, 2, TimestampOption::TIMES_ONLY)
    );
    assert_eq!(
        ts.entries().collect::<Vec<_>>(),
        [(None, 42), (None, 0x8000_0001)]
    );
    assert_eq!((ts.entries().len(), ts.used()), (2, 1));
    // Addresses and times (RFC 791's flag 1); a tail short of a whole entry is not one.
    let ts = timestamp(&[68, 15, 13, 1, 192, 0, 2, 1, 0, 0, 1, 0, 9, 9, 9]).unwrap();
    assert_eq!(ts.flag(), TimestampOption::ADDRESSES_AND_TIMES);
    assert_eq!(
        ts.entries().collect::<Vec<_>>(),
        [(Some(Ipv4Addr::new(192, 0, 2, 1)), 256)]
    );
    assert_eq!((ts.entries().len(), ts.used(), ts.overflow()), (1, 1, 0));
    // Prespecified (flag 3): entries as addresses and times; pointer 5, none used.
    let ts = timestamp(&[68, 12, 5, 0xf3, 198, 51, 100, 7, 0, 0, 0, 0]).unwrap();
    assert_eq!((ts.flag(), ts.overflow(), ts.used()), (3, 15, 0));
    assert_eq!(ts.entries().len(), 1);
    // A flag RFC 791 does not define: no entries, none used.
    let ts = timestamp(&[68, 12, 13, 2, 1, 2, 3, 4, 5, 6, 7, 8]).unwrap();
    assert_eq!((ts.flag(), ts.entries().len(), ts.used()), (2, 0, 0));
    assert_eq!(ts.entries().next(), None);
    // An address with no room for its time after it ends the entries.
    let ts = timestamp(&[68, 10, 5, 1, 1, 2, 3, 4, 0, 0]).unwrap();
    assert_eq!((ts.entries().len(), ts.entries().next()), (0, None));
    // Too short for pointer and flags, or another type: no timestamp.
    assert_eq!(timestamp(&[68, 3, 5]), None);
    assert_eq!(timestamp(&[7, 7, 4, 0, 0, 0, 0]), None);
}

#[test]
fn router_alert_and_address_lists() {
    fn first(b: &[u8]) -> Ipv4Option<'_> {
        Ipv4Options::new(b, 20).next().unwrap().unwrap()
    }
    assert_eq!(first(&[148, 4, 0, 0]).router_alert(), Some(0));
    assert_eq!(first(&[148, 4, 0x12, 0x34]).router_alert(), Some(0x1234));
    assert_eq!(first(&[148, 3, 0]).router_alert(), None);
    assert_eq!(first(&[148, 5, 0, 0, 0]).router_alert(), None);
    assert_eq!(first(&[30, 4, 0, 0]).router_alert(), None);
    // The address list: whole addresses only, in order, its length known before.
    let mut list = Ipv4Addresses::from_bytes(&[192, 0, 2, 1, 203, 0, 113, 9, 1, 2]);
    assert_eq!(list.len(), 2);
    assert_eq!(list.next(), Some(Ipv4Addr::new(192, 0, 2, 1)));
    assert_eq!(list.len(), 1);
    assert_eq!(list.next(), Some(Ipv4Addr::new(203, 0, 113, 9)));
    assert_eq!((list.len(), list.next()), (0, None));
}

/// tcpdump's text of one option read back into its fields (`None` for one it called bad, and
/// for end of option list, which is the padding): a route's pointer from the commas after the
/// addresses it has passed, a timestamp's from its `^` (print-ip.c's `ip_printroute` and
/// `ip_printts`).
fn printed(piece: &str) -> Option<Owned> {
    if piece.contains("[bad") || piece == "EOL" {
        return None;
    }
    if piece == "NOP" {
        return Some(Owned::Nop);
    }
    if let Some(inner) = piece.strip_prefix("timestamp TS{") {
        let inner = inner.strip_suffix('}').unwrap();
        let mut words = inner.split_whitespace();
        let flag = match words.next().unwrap() {
            "TSONLY" => 0,
            "TS+ADDR" => 1,
            "PRESPEC" => 3,
            other => panic!("{other}"),
        };
        let size = if flag == 0 { 4 } else { 8 };
        let (mut entries, mut pointer) = (Vec::new(), None);
        for w in words {
            if w == "^" {
                pointer = Some(5 + size * entries.len() as u8);
                continue;
            }
            let (time, address) = w.split_once('@').unwrap();
            entries.push((address.parse().ok(), time.parse().unwrap()));
        }
        // Overflow 0: tcpdump would say `[N hops not recorded]` otherwise (none here does).
        assert!(!inner.contains("not recorded"), "{piece}");
        return Some(Owned::Timestamp(pointer?, 0, flag, entries));
    }
    let (name, route) = piece.split_once(' ').unwrap();
    let kind = tcpdump_number(name);
    let used = route.matches(',').count() as u8;
    let addresses = route
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap())
        .collect();
    Some(Owned::Route(kind, 4 + 4 * used, addresses))
}

#[test]
fn kernel_capture_options_written_from_tcpdumps_reading() {
    // Every option list Linux wrote in the capture (`ping -R`'s record route, `ping -T
    // tsandaddr`'s timestamp, the replies and errors that carry them on, a strict source
    // route) and tcpdump read whole: written from tcpdump's values, the bytes are Linux's.
    let mut written = 0;
    for headers_of_frame in kernel_headers() {
        for (line, bytes) in headers_of_frame {
            let Some(pieces) = tcpdump_options(&line) else {
                continue;
            };
            if pieces.iter().any(|(_, _, _, p)| p.contains("[bad")) {
                continue;
            }
            let owned: Vec<Owned> = pieces.iter().filter_map(|p| printed(&p.3)).collect();
            let reprs: Vec<Ipv4OptionRepr<'_>> = owned.iter().map(Owned::repr).collect();
            let mut out = [0x5Au8; 44];
            let n = write_ipv4_options(&reprs, &mut out).unwrap();
            assert_eq!(n, ipv4_options_len(&reprs));
            assert_eq!(&out[..n], &bytes[..], "{line}");
            assert!(
                out[n..].iter().all(|&b| b == 0x5A),
                "{line}: wrote past its length"
            );
            written += 1;
        }
    }
    // Counted in tcpdump's output: 10 lists without a `[bad`, 5 with a record route (one of
    // them quoted), 2 with a timestamp, 3 with a strict source route (two quoted).
    assert_eq!(written, 10);
}

#[test]
fn written_as_rfc_791_and_2113_lay_them_out() {
    let write = |options: &[Ipv4OptionRepr<'_>]| {
        let mut out = [0xEEu8; 40];
        write_ipv4_options(options, &mut out).map(|n| out[..n].to_vec())
    };
    // RFC 2113 section 2.1: 10010100, 00000100, then the 2-octet value; a whole word.
    assert_eq!(
        write(&[Ipv4OptionRepr::RouterAlert(0x0102)]),
        Ok(vec![148, 4, 1, 2])
    );
    // RFC 791: type, length, pointer, overflow and flag in one octet, then the entries. Times
    // only: 4 octets each; prespecified: address then time. Overflow 0xA, flag 0 or 3.
    let times = [(None, 0x0102_0304), (None, 0)];
    assert_eq!(
        write(&[Ipv4OptionRepr::Timestamp {
            pointer: 9,
            overflow: 0xA,
            flag: 0,
            entries: &times,
        }]),
        Ok(vec![68, 12, 9, 0xA0, 1, 2, 3, 4, 0, 0, 0, 0])
    );
    let named = [(Some(Ipv4Addr::new(198, 51, 100, 7)), 0x0506_0708)];
    assert_eq!(
        write(&[Ipv4OptionRepr::Timestamp {
            pointer: 5,
            overflow: 0,
            flag: 3,
            entries: &named,
        }]),
        Ok(vec![68, 12, 5, 0x03, 198, 51, 100, 7, 5, 6, 7, 8])
    );
    // A loose source route of two hops, the first taken (pointer 8); then a no operation and
    // an unassigned type with two data octets, padded with zeros to the word.
    let hops = [Ipv4Addr::new(192, 0, 2, 7), Ipv4Addr::new(203, 0, 113, 9)];
    assert_eq!(
        write(&[
            Ipv4OptionRepr::Route {
                kind: Ipv4OptionType::LOOSE_SOURCE_ROUTE,
                pointer: 8,
                addresses: &hops,
            },
            Ipv4OptionRepr::Nop,
            Ipv4OptionRepr::Other {
                kind: Ipv4OptionType(0x99),
                data: &[0xAB, 0xCD],
            },
        ]),
        Ok(vec![
            131, 11, 8, 192, 0, 2, 7, 203, 0, 113, 9, 1, 0x99, 4, 0xAB, 0xCD
        ])
    );
    // Padding: no byte left from the buffer (0xEE) in the word the options end in.
    assert_eq!(write(&[Ipv4OptionRepr::Nop]), Ok(vec![1, 0, 0, 0]));
    assert_eq!(write(&[]), Ok(vec![]));

    // What the reader reads back of each field.
    let bytes = write(&[
        Ipv4OptionRepr::RouterAlert(9),
        Ipv4OptionRepr::Timestamp {
            pointer: 13,
            overflow: 2,
            flag: 1,
            entries: &named,
        },
    ])
    .unwrap();
    let mut walk = Ipv4Options::new(&bytes, 20);
    assert_eq!(walk.next().unwrap().unwrap().router_alert(), Some(9));
    let ts = walk.next().unwrap().unwrap().timestamp().unwrap();
    assert_eq!(
        (ts.pointer(), ts.overflow(), ts.flag(), ts.used()),
        (13, 2, 1, 1)
    );
    assert_eq!(ts.entries().collect::<Vec<_>>(), named);
}

#[test]
fn what_cannot_be_written_is_refused_and_nothing_written() {
    use icmpwire::EmitError;
    let refused = |options: &[Ipv4OptionRepr<'_>], room: usize| {
        let mut out = [0xEEu8; 64];
        let e = write_ipv4_options(options, &mut out[..room]).unwrap_err();
        assert!(out.iter().all(|&b| b == 0xEE), "{e}: wrote");
        e
    };
    let value = |kind| EmitError::Ipv4OptionValue { kind };
    // 41 bytes (padded to 44) do not fit a header; 40 do.
    let slots = [Ipv4Addr::UNSPECIFIED; 9];
    let rr = Ipv4OptionRepr::Route {
        kind: Ipv4OptionType::RECORD_ROUTE,
        pointer: 4,
        addresses: &slots,
    };
    assert_eq!(
        refused(&[rr, Ipv4OptionRepr::Nop, Ipv4OptionRepr::Nop], 64),
        EmitError::Ipv4OptionsTooLong { len: 44 }
    );
    assert_eq!(
        write_ipv4_options(&[Ipv4OptionRepr::Nop, rr], &mut [0; 40]),
        Ok(40)
    );
    assert_eq!(
        refused(&[Ipv4OptionRepr::RouterAlert(0)], 3),
        EmitError::BufferTooSmall {
            required: 4,
            actual: 3
        }
    );
    // End of option list and no operation have no length byte to give data.
    for kind in [Ipv4OptionType::END, Ipv4OptionType::NOP] {
        assert_eq!(
            refused(&[Ipv4OptionRepr::Other { kind, data: &[] }], 64),
            value(kind.0)
        );
        let route = Ipv4OptionRepr::Route {
            kind,
            pointer: 4,
            addresses: &[],
        };
        assert_eq!(refused(&[route], 64), value(kind.0));
    }
    // A route of RFC 791's three types only (any layout goes through `Other`).
    for kind in [
        Ipv4OptionType::TIMESTAMP,
        Ipv4OptionType::ROUTER_ALERT,
        Ipv4OptionType(0x99),
    ] {
        let route = Ipv4OptionRepr::Route {
            kind,
            pointer: 4,
            addresses: &[],
        };
        assert_eq!(refused(&[route], 64), value(kind.0));
        let other = Ipv4OptionRepr::Other { kind, data: &[4] };
        assert_eq!(write_ipv4_options(&[other], &mut [0; 4]), Ok(4));
    }
    // A timestamp: the overflow count in 4 bits, a flag RFC 791 defines, entries that match it.
    let ts = |overflow, flag, entries| Ipv4OptionRepr::Timestamp {
        pointer: 5,
        overflow,
        flag,
        entries,
    };
    let bare = [(None, 1)];
    let addressed = [(Some(Ipv4Addr::new(192, 0, 2, 1)), 1)];
    assert_eq!(
        refused(&[ts(16, 0, &bare)], 64),
        EmitError::FieldTooWide {
            field: "timestamp overflow",
            value: 16,
            bits: 4
        }
    );
    assert_eq!(write_ipv4_options(&[ts(15, 0, &bare)], &mut [0; 8]), Ok(8));
    assert_eq!(refused(&[ts(0, 2, &[])], 64), value(68));
    assert_eq!(refused(&[ts(0, 0, &addressed)], 64), value(68));
    assert_eq!(refused(&[ts(0, 1, &bare)], 64), value(68));
    assert_eq!(refused(&[ts(0, 3, &bare)], 64), value(68));
    // A bad option anywhere in the list refuses the list.
    assert_eq!(
        refused(&[Ipv4OptionRepr::Nop, ts(0, 1, &bare)], 64),
        value(68)
    );
}

/// An option to write, owned: what the property's strategy makes, and what tcpdump's text of
/// the capture's options is read back into.
#[derive(Clone, Debug)]
enum Owned {
    Nop,
    Route(u8, u8, Vec<Ipv4Addr>),
    Timestamp(u8, u8, u8, Vec<(Option<Ipv4Addr>, u32)>),
    RouterAlert(u16),
    Other(u8, Vec<u8>),
}

impl Owned {
    fn repr(&self) -> Ipv4OptionRepr<'_> {
        match self {
            Owned::Nop => Ipv4OptionRepr::Nop,
            Owned::Route(kind, pointer, addresses) => Ipv4OptionRepr::Route {
                kind: Ipv4OptionType(*kind),
                pointer: *pointer,
                addresses,
            },
            Owned::Timestamp(pointer, overflow, flag, entries) => Ipv4OptionRepr::Timestamp {
                pointer: *pointer,
                overflow: *overflow,
                flag: *flag,
                entries,
            },
            Owned::RouterAlert(v) => Ipv4OptionRepr::RouterAlert(*v),
            Owned::Other(kind, data) => Ipv4OptionRepr::Other {
                kind: Ipv4OptionType(*kind),
                data,
            },
        }
    }
}

fn owned() -> impl proptest::strategy::Strategy<Value = Owned> {
    use proptest::prelude::*;
    let address = any::<u32>().prop_map(Ipv4Addr::from);
    prop_oneof![
        Just(Owned::Nop),
        (
            prop::sample::select(vec![7u8, 131, 137]),
            any::<u8>(),
            prop::collection::vec(address.clone(), 0..4)
        )
            .prop_map(|(k, p, a)| Owned::Route(k, p, a)),
        (
            any::<u8>(),
            0u8..16,
            prop::sample::select(vec![0u8, 1, 3]),
            0usize..4
        )
            .prop_flat_map(move |(p, o, f, n)| {
                let entry = (address.clone(), any::<u32>())
                    .prop_map(move |(a, t)| (Some(a).filter(|_| f != 0), t));
                prop::collection::vec(entry, n..=n).prop_map(move |e| Owned::Timestamp(p, o, f, e))
            }),
        any::<u16>().prop_map(Owned::RouterAlert),
        (2u8.., prop::collection::vec(any::<u8>(), 0..6)).prop_map(|(k, d)| Owned::Other(k, d)),
    ]
}

proptest::proptest! {
    /// Whatever writes reads back field for field, then end of option list and zeros to the
    /// word; a list past 40 bytes is refused, and nothing else is.
    #[test]
    fn written_options_read_back(list in proptest::collection::vec(owned(), 0..8)) {
        let reprs: Vec<_> = list.iter().map(Owned::repr).collect();
        let raw: usize = reprs.iter().map(Ipv4OptionRepr::len).sum();
        let mut out = [0xEEu8; 48];
        let written = write_ipv4_options(&reprs, &mut out);
        let padded = raw.div_ceil(4) * 4;
        if padded > 40 {
            proptest::prop_assert_eq!(written, Err(icmpwire::EmitError::Ipv4OptionsTooLong { len: padded }));
            proptest::prop_assert!(out.iter().all(|&b| b == 0xEE));
            return Ok(());
        }
        proptest::prop_assert_eq!(written, Ok(padded));
        proptest::prop_assert!(out[padded..].iter().all(|&b| b == 0xEE));
        proptest::prop_assert!(out[raw..padded].iter().all(|&b| b == 0));
        let mut walk = Ipv4Options::new(&out[..padded], 20);
        let mut offset = 20;
        for (o, r) in list.iter().zip(&reprs) {
            let read = walk.next().unwrap().unwrap();
            proptest::prop_assert_eq!((read.kind(), read.offset(), read.len()), (r.kind(), offset, r.len()));
            offset += r.len();
            match o {
                Owned::Nop => {}
                Owned::Route(_, pointer, addresses) => {
                    let route = read.route().unwrap();
                    proptest::prop_assert_eq!(route.pointer(), *pointer);
                    proptest::prop_assert_eq!(&route.addresses().collect::<Vec<_>>(), addresses);
                }
                Owned::Timestamp(pointer, overflow, flag, entries) => {
                    let ts = read.timestamp().unwrap();
                    proptest::prop_assert_eq!((ts.pointer(), ts.overflow(), ts.flag()), (*pointer, *overflow, *flag));
                    proptest::prop_assert_eq!(&ts.entries().collect::<Vec<_>>(), entries);
                }
                Owned::RouterAlert(v) => proptest::prop_assert_eq!(read.router_alert(), Some(*v)),
                Owned::Other(_, data) => proptest::prop_assert_eq!(read.data(), &data[..]),
            }
        }
        if padded > raw {
            proptest::prop_assert_eq!(walk.next().unwrap().unwrap().kind(), Ipv4OptionType::END);
        }
        proptest::prop_assert!(walk.next().is_none());
    }
}

//! The type and code tables against the IANA registries they claim to follow, over every value
//! of the byte: "Internet Control Message Protocol (ICMP) Parameters" (types and the code
//! sub-registries, with RFC 6633 and RFC 6918's deprecations) and RFC 792's error messages.
//! The expected sets below are written from the registry text, not from the crate's tables.

use icmpwire::v4::{self, MessageType};

/// ICMPv4 types whose messages quote the offending datagram: RFC 792's destination
/// unreachable, source quench, redirect, time exceeded, parameter problem; RFC 2521 section 2's
/// Photuris "Original Internet Headers + 64 bits of Data".
const V4_ERRORS: &[u8] = &[3, 4, 5, 11, 12, 40];

/// Types the registry marks deprecated: source quench (RFC 6633), alternate host address,
/// information and address mask requests and replies, 30 to 39 (RFC 6918).
fn v4_deprecated(t: u8) -> bool {
    matches!(t, 4 | 6 | 15 | 16 | 17 | 18) || (30..=39).contains(&t)
}

/// The registry's codes per type (the types with a code sub-registry: RFC 792, 950, 1122,
/// 1256, 1812, 2002, 2521, 8335; RFC 1393's two traceroute codes).
fn v4_assigned(t: u8, c: u8) -> bool {
    match t {
        3 => c <= 15,
        5 => c <= 3,
        9 => c == 0 || c == 16,
        11 => c <= 1,
        12 => c <= 2,
        30 => c <= 1,
        40 => c <= 5,
        43 => c <= 4,
        // "No Code" (and 6's "Alternate Address for Host"): 0 only.
        0 | 4 | 6 | 8 | 10 | 13 | 14 | 15 | 16 | 17 | 18 | 42 => c == 0,
        _ => false,
    }
}

#[test]
fn v4_errors_are_rfc_792s_and_photuris() {
    for t in 0..=255u8 {
        assert_eq!(
            MessageType(t).is_error(),
            V4_ERRORS.contains(&t),
            "type {t}"
        );
    }
}

#[test]
fn v4_deprecated_types_are_the_registrys() {
    for t in 0..=255u8 {
        assert_eq!(MessageType(t).is_deprecated(), v4_deprecated(t), "type {t}");
    }
}

#[test]
fn v4_range_names_are_the_registrys() {
    for t in 0..=255u8 {
        let want = match t {
            1 | 2 | 7 | 44..=252 => Some("unassigned"),
            20..=29 => Some("reserved (robustness experiment)"),
            _ => None,
        };
        assert_eq!(MessageType(t).range_name(), want, "type {t}");
    }
}

#[test]
fn v4_codes_with_a_name_are_the_registrys() {
    let mut named = 0;
    for t in 0..=255u8 {
        for c in 0..=255u8 {
            let name = v4::code_name(MessageType(t), c);
            assert_eq!(
                name.is_some(),
                v4_assigned(t, c),
                "type {t} code {c}: {name:?}"
            );
            named += usize::from(name.is_some());
        }
    }
    // 16 + 4 + 2 + 2 + 3 + 2 + 6 + 5 codes with sub-registries, 12 types with code 0 only.
    assert_eq!(named, 40 + 12);
    // The names that are not a code table's: RFC 1256's "no code", type 6's own.
    assert_eq!(
        v4::code_name(MessageType(6), 0),
        Some("alternate address for host")
    );
    assert_eq!(v4::code_name(MessageType(42), 0), Some("no code"));
    assert_eq!(v4::code_name(MessageType(4), 0), Some("no code"));
}

/// The ICMPv6 registry's codes per type ("Internet Control Message Protocol version 6
/// (ICMPv6) Parameters": RFC 4443, 2894, 4620, 6550, 6554, 8335, 8883, 9914). Type 151's code
/// field is RFC 4286's advertisement interval and 155's codes are RPL's own registry: no names.
/// 150 and the duplicate address messages' ROVR-size codes (RFC 8505) are checked apart.
fn v6_assigned(t: u8, c: u8) -> bool {
    match t {
        1 => c <= 9,
        3 => c <= 1,
        4 => c <= 10,
        138 => c <= 1 || c == 255,
        139 | 140 => c <= 2,
        161 => c <= 4,
        2 | 128..=137 | 141..=149 | 152..=154 | 156 | 159 | 160 => c == 0,
        _ => false,
    }
}

#[test]
fn v6_error_and_informational_split_at_128() {
    // RFC 4443 section 2.1: the high-order bit of the type tells an error (0) from an
    // informational message (1).
    for t in 0..=255u8 {
        let m = icmpwire::v6::MessageType(t);
        assert_eq!(m.is_error(), t < 128, "type {t}");
        assert_eq!(m.is_informational(), t >= 128, "type {t}");
    }
}

#[test]
fn v6_range_names_are_the_registrys() {
    for t in 0..=255u8 {
        let want = match t {
            5..=99 | 102..=126 | 162..=199 | 202..=254 => Some("unassigned"),
            _ => None,
        };
        assert_eq!(icmpwire::v6::MessageType(t).range_name(), want, "type {t}");
    }
}

#[test]
fn v6_codes_with_a_name_are_the_registrys() {
    use icmpwire::v6::{MessageType, code_name};
    for t in (0..=255u8).filter(|&t| !matches!(t, 150 | 157 | 158)) {
        for c in 0..=255u8 {
            let name = code_name(MessageType(t), c);
            assert_eq!(
                name.is_some(),
                v6_assigned(t, c),
                "type {t} code {c}: {name:?}"
            );
        }
    }
    // RFC 8505 section 4: the code's high nibble is a prefix the size code (low nibble)
    // ignores; code 0 is RFC 6775's 64-bit EUI-64.
    for t in [157u8, 158] {
        assert!(code_name(MessageType(t), 0).is_some(), "type {t}");
        for c in 0..=255u8 {
            assert_eq!(
                code_name(MessageType(t), c),
                code_name(MessageType(t), c & 0x0F),
                "type {t} code {c:#x}"
            );
        }
    }
    assert_eq!(code_name(MessageType(150), 0), Some("no code"));
    assert_eq!(code_name(MessageType(150), 1), None);
}

//! The IPv4 options of a reply: RFC 1122 sections 3.2.2.6 and 3.2.2.8 ask that a record route
//! or timestamp option of an echo or timestamp request (RFC 791 section 3.1) be "updated to
//! include the current host and included in the IP header" of the reply, so that the route or
//! the times cover the whole round trip.
//!
//! As Linux (`ip_options_compile` on arrival, `ip_options_echo` for the reply), the host enters
//! itself twice: once as the request's receiver, once as the reply's sender, each where the
//! option has room (RFC 791: an option that is full is passed on unchanged, a timestamp option's
//! overflow count raised on arrival). The reply carries the record route option, then the
//! timestamp option, then zero bytes (end of option list) to a multiple of 4; the other options
//! of the request are not returned (Linux also returns a CIPSO security option, which icmpwire
//! does not read). A malformed option is named with its place.
//!
//! Two departures from RFC 1122: a source-routed request is not answered (section 3.2.2.6 says
//! the reply MUST follow the reversed route; this is Linux's default on a host,
//! `accept_source_route` 0), and a host without a clock returns no timestamp option (section
//! 3.2.2.6 says SHOULD; RFC 791 has no time to enter without one).

use core::net::Ipv4Addr;

use super::{Host, NoAnswer};
use crate::ParseError;
use crate::v4::{Ipv4Option, Ipv4OptionType, Ipv4Options, TimestampOption};

/// The most option bytes an IPv4 header holds (RFC 791: 15 words of header, 5 fixed).
pub(super) const MAX: usize = 40;

/// Where the options start in the header: the offsets of [`Ipv4Options`] are header bytes.
const START: usize = 20;

/// The options of the reply from `me` to a request whose options (the header's bytes after
/// the first 20) are `options`, written to `out`; their length, a multiple of 4. The times
/// entered are the host's ([`Host::timestamp`], asked only for a timestamp option); a host
/// without a clock returns no timestamp option.
pub(super) fn reflect<H: Host + ?Sized>(
    host: &H,
    options: &[u8],
    me: Ipv4Addr,
    out: &mut [u8; MAX],
) -> Result<usize, NoAnswer> {
    // The record route and timestamp options.
    let mut route: Option<Ipv4Option<'_>> = None;
    let mut times: Option<Ipv4Option<'_>> = None;
    for option in Ipv4Options::new(options, START) {
        let option = option.map_err(|e| match e {
            ParseError::Ipv4OptionLength { offset, .. }
            | ParseError::Ipv4OptionTruncated { offset, .. } => bad(offset, 0),
            // The walk gives no other error.
            _ => bad(START, 0),
        })?;
        let slot = match option.kind() {
            Ipv4OptionType::RECORD_ROUTE => &mut route,
            Ipv4OptionType::TIMESTAMP => &mut times,
            Ipv4OptionType::LOOSE_SOURCE_ROUTE | Ipv4OptionType::STRICT_SOURCE_ROUTE => {
                return Err(NoAnswer::SourceRouted);
            }
            _ => continue,
        };
        if slot.replace(option).is_some() {
            return Err(bad(option.offset(), 0));
        }
    }
    // The record route first, then the timestamp (as Linux), each entered into its copy; no
    // timestamp option from a host without a clock.
    let now = times.and_then(|_| host.timestamp());
    let times = times.filter(|_| now.is_some());
    let mut len = 0usize;
    for (found, time) in [(route, None), (times, now)] {
        let Some(option) = found else {
            continue;
        };
        let at = option.offset();
        let end = len.saturating_add(option.len());
        let Some(slot) = out.get_mut(len..end) else {
            return Err(bad(at, 1));
        };
        for (d, s) in slot.iter_mut().zip(option.bytes()) {
            *d = *s;
        }
        let entered = match time {
            None => record_route(slot, me),
            Some(now) => timestamp(host, slot, me, now),
        };
        entered.map_err(|field| bad(at, field))?;
        len = end;
    }
    // Zero (end of option list) to the next multiple of 4; `out` was zeroed by the caller.
    let padded = len.next_multiple_of(4);
    if let Some(tail) = out.get_mut(len..padded) {
        tail.fill(Ipv4OptionType::END.0);
    }
    Ok(padded)
}

/// The error for the option at header byte `at` whose field `field` (0 type, 1 length, 2
/// pointer, 3 flags) is wrong: named by its header byte, as Linux's parameter problem names
/// it (the type byte for a length that does not fit).
fn bad(at: usize, field: usize) -> NoAnswer {
    NoAnswer::BadIpOption {
        at: u8::try_from(at.saturating_add(field)).unwrap_or(u8::MAX),
    }
}

/// Writes `value` at the 1-based option offset `pointer` (RFC 791 counts from the type byte).
fn put(option: &mut [u8], pointer: u8, value: [u8; 4]) {
    let at = usize::from(pointer.saturating_sub(1));
    if let Some(slot) = option.get_mut(at..).and_then(|o| o.first_chunk_mut::<4>()) {
        *slot = value;
    }
}

/// Enters `me` into a record route option on arrival and again on sending, where it has room.
/// `Err` with the wrong field: 1 for a length short of the pointer, 2 for a pointer below 4 or
/// into the last 3 bytes.
fn record_route(option: &mut [u8], me: Ipv4Addr) -> Result<(), usize> {
    let &mut [_, size, mut pointer, ..] = option else {
        return Err(1);
    };
    if pointer < 4 {
        return Err(2);
    }
    for _ in 0..2 {
        if pointer > size {
            break;
        }
        if pointer.saturating_add(3) > size {
            return Err(2);
        }
        put(option, pointer, me.octets());
        pointer = pointer.saturating_add(4);
    }
    if let Some(p) = option.get_mut(2) {
        *p = pointer;
    }
    Ok(())
}

/// Enters `me` and the time `now` into a timestamp option on arrival and again on sending, as
/// its flag asks and where it has room; a full option's overflow count is raised on arrival.
/// `Err` with the wrong field: 1 for a length short of the flags, 2 for a pointer below 5 or
/// short of a whole entry, 3 for an overflow count that cannot be raised.
fn timestamp<H: Host + ?Sized>(
    host: &H,
    option: &mut [u8],
    me: Ipv4Addr,
    now: u32,
) -> Result<(), usize> {
    let &mut [_, size, mut pointer, flags, ..] = option else {
        return Err(1);
    };
    if pointer < 5 {
        return Err(2);
    }
    let flag = flags & 0x0F;
    if pointer > size {
        if flag == TimestampOption::PRESPECIFIED {
            return Ok(());
        }
        let overflow = flags >> 4;
        if overflow == 15 {
            return Err(3);
        }
        if let Some(f) = option.get_mut(3) {
            *f = flag | overflow.saturating_add(1).wrapping_shl(4);
        }
        return Ok(());
    }
    if pointer.saturating_add(3) > size {
        return Err(2);
    }
    let entry = if flag == TimestampOption::TIMES_ONLY {
        4
    } else {
        8
    };
    if !matches!(
        flag,
        TimestampOption::TIMES_ONLY
            | TimestampOption::ADDRESSES_AND_TIMES
            | TimestampOption::PRESPECIFIED
    ) {
        // Another flag: Linux passes the option on as it came.
        return Ok(());
    }
    for sending in [false, true] {
        if pointer > size {
            break;
        }
        if pointer.saturating_add(3) > size {
            return Err(2);
        }
        if flag != TimestampOption::TIMES_ONLY && pointer.saturating_add(7) > size {
            // Linux looks no further for a prespecified entry on sending; anything else has
            // no room for its address and time.
            if sending && flag == TimestampOption::PRESPECIFIED {
                break;
            }
            return Err(2);
        }
        match flag {
            TimestampOption::TIMES_ONLY => put(option, pointer, now.to_be_bytes()),
            TimestampOption::ADDRESSES_AND_TIMES => {
                put(option, pointer, me.octets());
                put(option, pointer.saturating_add(4), now.to_be_bytes());
            }
            _ => {
                // Prespecified: only the entry that names this host is filled in.
                let named = option
                    .get(usize::from(pointer.saturating_sub(1))..)
                    .and_then(|rest| rest.first_chunk::<4>())
                    .map(|&a| Ipv4Addr::from(a));
                if !named.is_some_and(|a| host.is_local_v4(a)) {
                    break;
                }
                put(option, pointer.saturating_add(4), now.to_be_bytes());
            }
        }
        pointer = pointer.saturating_add(entry);
    }
    if let Some(p) = option.get_mut(2) {
        *p = pointer;
    }
    Ok(())
}

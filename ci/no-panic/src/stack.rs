//! The stack pieces: the error rules over any bytes taken as an IPv4 or IPv6 packet, a token
//! bucket and the per-destination table driven by times made from those bytes.

use core::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use core::time::Duration;

use icmpwire::stack::{
    Arrival4, Arrival6, NoError, PerDestination, TokenBucket, may_send_error_v4, may_send_error_v6,
};
use no_panic::no_panic;

use super::mix;

fn reason(r: Result<(), NoError>) -> u64 {
    match r {
        Ok(()) => 0,
        Err(NoError::AboutAnError) => 1,
        Err(NoError::SourceNotAHost) => 2,
        Err(NoError::Unreadable) => 3,
        Err(_) => 4,
    }
}

#[no_panic]
pub(crate) fn stack_all(bytes: &[u8], seed: u32) -> u64 {
    let mut a4 = Arrival4::default();
    a4.link_broadcast = seed & 1 == 1;
    a4.directed_broadcast = Some(Ipv4Addr::from(seed));
    let mut a6 = Arrival6::default();
    a6.link_multicast = seed & 2 == 2;
    let mut acc = reason(may_send_error_v4(bytes, a4));
    acc = mix(acc, reason(may_send_error_v6(bytes, a6, (seed >> 8) as u8, (seed >> 16) as u8)));
    let mut bucket = TokenBucket::new(seed % 2000, seed >> 21);
    let mut table: PerDestination<4> = PerDestination::new(seed % 7, seed % 3);
    acc = mix(acc, u64::from(bucket.rate()) ^ u64::from(bucket.burst()) ^ table.len() as u64);
    acc = mix(acc, u64::from(table.is_empty()));
    let mut now = Duration::from_nanos(u64::from(seed));
    for (i, b) in bytes.iter().enumerate() {
        now = Duration::from_nanos(u64::from(seed).wrapping_add(i as u64 * 1_000_000 * u64::from(*b)));
        let dst = if b & 1 == 0 {
            IpAddr::V4(Ipv4Addr::new(192, 0, 2, *b))
        } else {
            IpAddr::V6(Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, u16::from(*b)))
        };
        acc = mix(acc, u64::from(bucket.allow(now)) ^ u64::from(table.allow(dst, now)) ^ i as u64);
    }
    // A clock that goes back.
    acc = mix(acc, u64::from(bucket.allow(Duration::ZERO)));
    mix(acc, u64::from(table.allow(IpAddr::V4(Ipv4Addr::LOCALHOST), Duration::from_nanos(u64::MAX))))
}

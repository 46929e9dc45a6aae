//! What every bench binary of `benches/` shares: the word an adapter returns, the value that says
//! a contestant refused a message, and the criterion settings of a group. Each bench is its own
//! crate and includes this file with `#[path]`, beside the case module it needs.

#![allow(dead_code)] // each bench binary uses its own part of it

use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};

/// What an adapter returns for a message its implementation refuses.
pub(crate) const REFUSED: u64 = u64::MAX;

/// What a parse read, folded into one word (a tuple through `black_box` would be split stores
/// and a wider reload: a store-forwarding stall longer than the parse).
#[inline(always)]
pub(crate) fn pack(ty: u8, code: u8, checksum: u16, a: u16, b: u16) -> u64 {
    (u64::from(ty) | u64::from(code) << 8 | u64::from(a) << 16 | u64::from(b) << 32)
        ^ u64::from(checksum) << 48
}

/// A benchmark group with the settings of the per-message benches: half a second of warm-up,
/// two seconds of measurement.
pub(crate) fn config<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    g.warm_up_time(Duration::from_millis(500));
    g.measurement_time(Duration::from_secs(2));
    g
}

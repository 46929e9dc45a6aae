//! What every bench binary of `benches/` shares: the word an adapter returns, the value that says
//! a contestant refused a message, the criterion settings of a group, and the real-traffic
//! runner of `real.rs` and `real6.rs`. Each bench is its own
//! crate and includes this file with `#[path]`, beside the case module it needs.

#![allow(dead_code)] // each bench binary uses its own part of it

use std::hint::black_box;
use std::time::Duration;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, Throughput};

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

/// Folds one more value read into a contestant's word.
#[inline(always)]
pub(crate) fn mix(acc: u64, x: u64) -> u64 {
    acc.rotate_left(5) ^ x
}

/// The ports a peer finds quoted: the first 4 bytes after the quoted IP header (source port in
/// the high half), or 0 when fewer are quoted.
#[inline(always)]
pub(crate) fn ports_after(after_header: &[u8]) -> u64 {
    after_header
        .first_chunk::<4>()
        .map_or(0, |&b| u64::from(u32::from_be_bytes(b)))
}

/// The bytes of a hex string (the oracle records' `hex` field).
pub(crate) fn unhex(hex: &str) -> Vec<u8> {
    (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
        .collect()
}

/// One pass over every message with one contestant, `call` handing it a message: what it read,
/// and how many messages it refused.
#[inline(always)]
fn pass<A: Copy, M>(f: A, msgs: &[M], call: &impl Fn(A, &M) -> u64) -> (u64, usize) {
    let mut acc = 0u64;
    let mut refused = 0usize;
    for m in msgs {
        let w = call(black_box(f), black_box(m));
        refused += usize::from(w == REFUSED);
        acc = acc.wrapping_add(w);
    }
    (acc, refused)
}

/// A real-traffic bench: prints how many messages each contestant refuses (icmpwire, the first,
/// must refuse none; references are only timed), then times a pass over all of them per
/// contestant and per reference, in group `group`, one element per message.
pub(crate) fn traffic<A: Copy, M>(
    c: &mut Criterion,
    group: &str,
    msgs: &[M],
    contestants: &[(&str, A)],
    references: &[(&str, A)],
    call: impl Fn(A, &M) -> u64,
) {
    for &(name, f) in contestants {
        let (_, refused) = pass(f, msgs, &call);
        println!("  {name}: refuses {refused} of {}", msgs.len());
    }
    if let Some(&(name, f)) = contestants.first() {
        assert_eq!(
            pass(f, msgs, &call).1,
            0,
            "{name} refuses a well-formed message"
        );
    }
    let mut g = c.benchmark_group(group);
    g.warm_up_time(Duration::from_secs(1));
    g.measurement_time(Duration::from_secs(4));
    g.throughput(Throughput::Elements(msgs.len() as u64));
    for &(name, f) in contestants.iter().chain(references) {
        g.bench_function(name, |b| b.iter(|| pass(f, black_box(msgs), &call)));
    }
    g.finish();
}

//! The same target as `peers_plain`, with a custom mutator: libFuzzer's mutation, then
//! `icmpwire::fuzzing::fix_up` rewrites the counts, RFC 4884 length and checksums so that the
//! mutated message gets past the target's checksum check (see FUZZING.md, "Custom mutator").
#![no_main]

#[path = "shared/peers_gated.rs"]
mod gated;

use icmpwire::fuzzing::{FixUp, fix_up};

libfuzzer_sys::fuzz_target!(|data: &[u8]| gated::run(data));

libfuzzer_sys::fuzz_mutator!(
    |data: &mut [u8], size: usize, max_size: usize, _seed: u32| {
        let size = libfuzzer_sys::fuzzer_mutate(data, size, max_size);
        fix_up(&mut data[..size], FixUp::ALL);
        size
    }
);

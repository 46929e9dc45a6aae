//! smoltcp's and etherparse's ICMPv4 parsers behind a checksum check, fuzzed with libFuzzer's
//! own mutations only: the baseline for `peers_fixup` (see FUZZING.md, "Custom mutator").
#![no_main]

#[path = "shared/peers_gated.rs"]
mod gated;

libfuzzer_sys::fuzz_target!(|data: &[u8]| gated::run(data));

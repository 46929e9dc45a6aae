//! smoltcp's ICMPv4 parser behind a checksum check, fuzzed with libFuzzer's own mutations only:
//! the baseline for `smoltcp_fixup` (see FUZZING.md, "Custom mutator").
#![no_main]

#[path = "shared/smoltcp_gated.rs"]
mod gated;

libfuzzer_sys::fuzz_target!(|data: &[u8]| gated::run(data));

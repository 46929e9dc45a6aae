//! icmpwire: zero-copy ICMPv4 parsing and encoding for `no_std`, with a fast RFC 1071 checksum.
//!
//! The crate is `#![no_std]`, allocates nothing, and contains no `unsafe` code unless the opt-in
//! `simd` feature is enabled (that feature confines its `unsafe` to one private module).
//!
//! # Modules
//!
//! * [`checksum`]: the RFC 1071 Internet checksum (one-shot, streaming, verification) and
//!   RFC 1624 incremental update.
//!
//! # Byte order
//!
//! Every integer at the public surface is in host order; the wire's network byte order stays
//! inside the crate.
#![no_std]
#![cfg_attr(not(feature = "simd"), forbid(unsafe_code))]
#![cfg_attr(feature = "simd", deny(unsafe_code))]
#![cfg_attr(
    test,
    allow(
        clippy::indexing_slicing,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::arithmetic_side_effects
    )
)]

pub mod checksum;

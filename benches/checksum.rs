//! RFC 1071 checksum throughput, icmpwire side by side with its peers in one run.
//!
//! `cargo bench --bench checksum` (add `--features simd` for the run-time dispatched AVX2 /
//! AVX-512 path). Every function returns the 16-bit checksum to store (complemented sum), so each
//! does the same work. `read_limit` is a plain wrapping 64-bit sum of the same buffer: how fast
//! this machine can merely read it, the ceiling any checksum is measured against.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::arithmetic_side_effects
)]

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

/// From an IPv4 header to the largest datagram. 128 and 160, just past the end of the short
/// path (`SHORT` in `src/checksum/wide.rs`), are where the lanes' fixed cost shows; many
/// Neighbor Discovery messages and ICMPv6 errors have those sizes.
const SIZES: [usize; 8] = [20, 64, 128, 160, 576, 1500, 9000, 65535];

fn data(len: usize) -> Vec<u8> {
    // Deterministic, non-trivial content (xorshift).
    let mut x: u32 = 0x9E37_79B9;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// The memory-read limit: a wrapping 64-bit sum of the buffer, in eight independent lanes so
/// that loads, not a dependency chain, bound it. Not inlined, so that its code (and speed) does
/// not depend on where the benchmark loop puts it.
#[inline(never)]
fn read_limit(buf: &[u8]) -> u64 {
    let (blocks, rest) = buf.as_chunks::<64>();
    let mut lanes = [0u64; 8];
    for block in blocks {
        for (lane, word) in lanes.iter_mut().zip(block.as_chunks::<8>().0) {
            *lane = lane.wrapping_add(u64::from_ne_bytes(*word));
        }
    }
    let mut acc = lanes.iter().fold(0u64, |a, &l| a.wrapping_add(l));
    for &b in rest {
        acc = acc.wrapping_add(u64::from(b));
    }
    acc
}

/// The same sum with 64-byte AVX-512 loads (four accumulators), the read ceiling for the `simd`
/// kernels. Written with intrinsics: LLVM vectorizes the lane loop above into gathers when
/// AVX-512 is enabled, which would understate the ceiling fourfold.
#[cfg(all(feature = "simd", target_arch = "x86_64"))]
#[target_feature(enable = "avx512f")]
fn read_limit_avx512(buf: &[u8]) -> u64 {
    use std::arch::x86_64::*;
    let (blocks, rest) = buf.as_chunks::<256>();
    let z = _mm512_setzero_si512();
    let (mut a0, mut a1, mut a2, mut a3) = (z, z, z, z);
    for block in blocks {
        let p = block.as_ptr();
        // SAFETY: `block` is 256 readable bytes; unaligned loads.
        unsafe {
            a0 = _mm512_add_epi64(a0, _mm512_loadu_si512(p.cast()));
            a1 = _mm512_add_epi64(a1, _mm512_loadu_si512(p.add(64).cast()));
            a2 = _mm512_add_epi64(a2, _mm512_loadu_si512(p.add(128).cast()));
            a3 = _mm512_add_epi64(a3, _mm512_loadu_si512(p.add(192).cast()));
        }
    }
    let all = _mm512_add_epi64(_mm512_add_epi64(a0, a1), _mm512_add_epi64(a2, a3));
    (_mm512_reduce_add_epi64(all) as u64).wrapping_add(read_limit(rest))
}

fn bench(c: &mut Criterion) {
    for len in SIZES {
        let buf = data(len);
        let mut g = c.benchmark_group(format!("checksum/{len}"));
        g.throughput(Throughput::Bytes(len as u64));
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(2));
        let buf = buf.as_slice();
        // All return the same value; checked once here so a broken peer call cannot hide.
        let expect = icmpwire::checksum::internet_checksum(buf);
        assert_eq!(!smoltcp::wire::checksum::data(buf), expect);
        assert_eq!(
            etherparse::checksum::Sum16BitWords::new()
                .add_slice(buf)
                .ones_complement()
                .to_be(),
            expect
        );
        assert_eq!(u16::from_be_bytes(internet_checksum::checksum(buf)), expect);
        assert_eq!(pnet_packet::util::checksum(buf, usize::MAX), expect);

        g.bench_with_input(
            BenchmarkId::new(
                format!("icmpwire-{}", icmpwire::checksum::implementation()),
                len,
            ),
            buf,
            |b, d| b.iter(|| icmpwire::checksum::internet_checksum(black_box(d))),
        );
        g.bench_with_input(BenchmarkId::new("smoltcp", len), buf, |b, d| {
            b.iter(|| !smoltcp::wire::checksum::data(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("etherparse", len), buf, |b, d| {
            b.iter(|| {
                etherparse::checksum::Sum16BitWords::new()
                    .add_slice(black_box(d))
                    .ones_complement()
                    .to_be()
            })
        });
        g.bench_with_input(BenchmarkId::new("internet-checksum", len), buf, |b, d| {
            b.iter(|| internet_checksum::checksum(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("pnet_packet", len), buf, |b, d| {
            b.iter(|| pnet_packet::util::checksum(black_box(d), usize::MAX))
        });
        g.bench_with_input(BenchmarkId::new("read_limit", len), buf, |b, d| {
            b.iter(|| read_limit(black_box(d)))
        });
        #[cfg(all(feature = "simd", target_arch = "x86_64"))]
        if std::arch::is_x86_feature_detected!("avx512f") {
            g.bench_with_input(BenchmarkId::new("read_limit_avx512", len), buf, |b, d| {
                // SAFETY: the CPU has AVX-512F (checked just above).
                b.iter(|| unsafe { read_limit_avx512(black_box(d)) })
            });
        }
        g.finish();
    }
}

/// The ICMPv6 checksum (RFC 4443 2.3: the RFC 8200 8.1 pseudo-header, then the message) at the
/// sizes ICMPv6 carries, next to icmpwire's own ICMPv4 checksum of the same bytes (the issue's
/// bar: "at the speed of the ICMPv4 checksum") and the peers' pseudo-header checksums.
fn bench_v6(c: &mut Criterion) {
    use std::net::Ipv6Addr;
    let (src, dst) = (
        Ipv6Addr::new(0x2001, 0xdb8, 1, 0, 0, 0, 0, 0x10),
        Ipv6Addr::new(0x2001, 0xdb8, 2, 0, 0, 0, 0, 2),
    );
    for len in [64usize, 1240] {
        let buf = data(len);
        let buf = buf.as_slice();
        let mut g = c.benchmark_group(format!("checksum_v6/{len}"));
        g.throughput(Throughput::Bytes(len as u64));
        g.warm_up_time(Duration::from_millis(500));
        g.measurement_time(Duration::from_secs(2));
        let smol = |d: &[u8]| {
            use smoltcp::wire::{IpProtocol, checksum};
            !checksum::combine(&[
                checksum::pseudo_header_v6(&src, &dst, IpProtocol::Icmpv6, d.len() as u32),
                checksum::data(d),
            ])
        };
        let ether = |d: &[u8]| {
            etherparse::checksum::Sum16BitWords::new()
                .add_16bytes(src.octets())
                .add_16bytes(dst.octets())
                .add_4bytes((d.len() as u32).to_be_bytes())
                .add_2bytes([0, 58])
                .add_slice(d)
                .ones_complement()
                .to_be()
        };
        let expect = icmpwire::checksum::icmpv6_checksum(src, dst, buf);
        assert_eq!(smol(buf), expect);
        assert_eq!(ether(buf), expect);
        g.bench_with_input(BenchmarkId::new("icmpwire-v6", len), buf, |b, d| {
            b.iter(|| {
                icmpwire::checksum::icmpv6_checksum(black_box(src), black_box(dst), black_box(d))
            })
        });
        g.bench_with_input(
            BenchmarkId::new("icmpwire-v4-same-bytes", len),
            buf,
            |b, d| b.iter(|| icmpwire::checksum::internet_checksum(black_box(d))),
        );
        g.bench_with_input(BenchmarkId::new("smoltcp", len), buf, |b, d| {
            b.iter(|| smol(black_box(d)))
        });
        g.bench_with_input(BenchmarkId::new("etherparse", len), buf, |b, d| {
            b.iter(|| ether(black_box(d)))
        });
        g.finish();
    }
}

criterion_group!(benches, bench, bench_v6);
criterion_main!(benches);

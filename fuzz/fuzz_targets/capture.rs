//! Any bytes as a capture file, through icmpdump's reader, link layers, tunnels, reassembly
//! and its three outputs (line, `-v`, JSON): nothing panics, every frame is accounted for (a message, a fragment of
//! one, or skipped by reason), every message shown belongs to a frame read, and a message is
//! never longer in the capture than its IP header announced.
#![no_main]
#![allow(dead_code)]

#[path = "../../examples/icmpdump/capture.rs"]
mod capture;
#[path = "../../examples/icmpdump/json.rs"]
mod json;
#[path = "../../examples/icmpdump/json6.rs"]
mod json6;
#[path = "../../examples/icmpdump/json6_registry.rs"]
mod json6_registry;
#[path = "../../examples/icmpdump/link.rs"]
mod link;
#[path = "../../examples/icmpdump/pcap.rs"]
mod pcap;
#[path = "../../examples/icmpdump/show.rs"]
mod show;
#[path = "../../examples/icmpdump/verbose.rs"]
mod verbose;

use libfuzzer_sys::fuzz_target;

fn check(p: &capture::Packet, frames: u64) {
    assert!(
        p.frame >= 1 && p.frame <= frames,
        "frame {} of {frames}",
        p.frame
    );
    assert!(p.icmp.len() <= p.length || !p.is_cut());
    let line = show::packet_line(p);
    assert!(!line.contains('\n'), "{line}");
    let _ = verbose::packet_verbose(p);
    let v = show::packet_json(p);
    assert_eq!(v["frame"], p.frame);
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut reader) = pcap::Reader::new(data) else {
        return;
    };
    let mut decoder = capture::Decoder::default();
    let mut frames = 0;
    while let Ok(next) = reader.next() {
        match next {
            pcap::Next::Record(r) => {
                frames += 1;
                assert!(r.data.len() <= data.len());
                for p in decoder.frame(frames, r.time, r.link, &r.data, r.orig_len) {
                    check(&p, frames);
                }
            }
            pcap::Next::Skipped(why) => {
                frames += 1;
                decoder.skipped(why);
            }
            pcap::Next::End => break,
        }
    }
    for p in decoder.finish() {
        check(&p, frames);
    }
    assert_eq!(decoder.summary.frames, frames);
    assert_eq!(decoder.summary.accounted(), frames, "{:?}", decoder.summary);
});

//! Prints the RFC 1071 checksum of each file given (or of standard input), the way a user
//! checks a captured message by hand: `cargo run --release --example checksum -- FILE...`.
//!
//! For a file holding one ICMP message with its checksum field in place, "verifies: yes" means
//! the message is intact (its one's complement sum is 0xFFFF).

use icmpwire::checksum::{Checksum, implementation, internet_checksum, verify};
use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let inputs: Vec<(String, std::io::Result<Vec<u8>>)> = if paths.is_empty() {
        let mut buf = Vec::new();
        let r = std::io::stdin().read_to_end(&mut buf).map(|_| buf);
        vec![("-".to_string(), r)]
    } else {
        paths
            .into_iter()
            .map(|p| {
                let r = std::fs::read(&p);
                (p, r)
            })
            .collect()
    };
    let mut status = ExitCode::SUCCESS;
    println!("checksum path: {}", implementation());
    for (name, bytes) in inputs {
        match bytes {
            Ok(bytes) => {
                // One-shot and streaming (in 1000-byte pieces) must agree.
                let mut c = Checksum::new();
                bytes.chunks(1000).for_each(|piece| c.add_bytes(piece));
                assert_eq!(c.checksum(), internet_checksum(&bytes));
                println!(
                    "{name}: {} bytes, checksum 0x{:04x}, verifies: {}",
                    bytes.len(),
                    internet_checksum(&bytes),
                    if verify(&bytes) { "yes" } else { "no" }
                );
            }
            Err(e) => {
                eprintln!("{name}: {e}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}

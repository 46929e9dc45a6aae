//! Arbitrary ICMPv6 message values between arbitrary addresses -> emit -> parse (checksum
//! verified) -> the same values; the bytes written do not depend on what the buffer held, and a
//! short buffer is left untouched.
#![no_main]

use icmpwire::AnyMessage;
use std::net::Ipv6Addr;

use icmpwire::v6::{Message, Repr};
use libfuzzer_sys::arbitrary::{Arbitrary, Unstructured};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut u = Unstructured::new(data);
    let (Ok(src), Ok(dst), Ok(fill)) = (
        u.arbitrary::<u128>(),
        u.arbitrary::<u128>(),
        u.arbitrary::<u8>(),
    ) else {
        return;
    };
    let (src, dst) = (Ipv6Addr::from(src), Ipv6Addr::from(dst));
    let Ok(repr) = Repr::arbitrary(&mut u) else {
        return;
    };
    let len = repr.buffer_len();
    let mut zeros = vec![0u8; len];
    assert_eq!(repr.emit(src, dst, &mut zeros), Ok(len));
    let mut garbage = vec![fill; len + 3];
    assert_eq!(repr.emit(src, dst, &mut garbage), Ok(len));
    assert_eq!(&garbage[..len], &zeros[..]);
    assert_eq!(&garbage[len..], &[fill; 3]);
    let msg = Message::parse(&zeros[..], src, dst).expect("an emitted message parses");
    assert_eq!(msg.message_type(), repr.message_type());
    assert_eq!(msg.to_repr(), repr);
    let mut short = vec![fill; len - 1];
    assert!(repr.emit(src, dst, &mut short).is_err());
    assert!(short.iter().all(|&b| b == fill));
});

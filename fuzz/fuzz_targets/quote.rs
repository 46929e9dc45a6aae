//! The quoted-datagram and extension accessors on any bytes: every accessor returns, errors are
//! consistent (options missing => transport missing), and what is decoded lies within the bytes.
#![no_main]

use icmpwire::extension::locate;
use icmpwire::v4::{Ipv4OptionType, Ipv4Options};
use icmpwire::{ParseError, Quote, QuoteLimit, quote_datagram};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let q = Quote::new(data);
    match q.ipv4() {
        Ok(ip) => {
            assert!(data.len() >= 20);
            assert_eq!(ip.version(), 4);
            let (o, t) = (ip.options(), ip.transport());
            match (&o, &t) {
                (Ok(opts), Ok(rest)) => {
                    assert_eq!(20 + opts.len() + rest.len(), data.len());
                    assert_eq!(usize::from(ip.ihl()) * 4, 20 + opts.len());
                    options_tile(opts);
                }
                (Err(a), Err(b)) => assert_eq!(a, b),
                _ => panic!("options and transport disagree: {o:?} {t:?}"),
            }
            let ports = ip.ports();
            if ip.fragment_offset() != 0 {
                assert!(matches!(
                    ports,
                    Err(ParseError::QuotedFragment { .. })
                        | Err(ParseError::QuotedIhl { .. })
                        | Err(ParseError::Truncated { .. })
                ));
            }
            let _ = (
                ip.udp(),
                ip.tcp(),
                ip.icmp(),
                ip.src(),
                ip.dst(),
                ip.flags(),
                ip.total_length(),
            );
        }
        Err(ParseError::Truncated { actual, .. }) => assert_eq!(actual, data.len()),
        Err(ParseError::QuotedVersion { expected, version }) => {
            assert_eq!((expected, version == 4), (4, false))
        }
        Err(e) => panic!("unexpected {e:?}"),
    }
    for limit in [
        QuoteLimit::Rfc792,
        QuoteLimit::Rfc1812,
        QuoteLimit::DatagramSize(data.len() % 700),
    ] {
        let quoted = quote_datagram(data, limit);
        assert!(data.starts_with(quoted));
    }
    if let Some((&words, rest)) = data.split_first() {
        let (datagram, ext) = locate(rest, usize::from(words) * 4);
        assert!(rest.starts_with(datagram));
        if let Some(ext) = ext {
            assert!(rest.ends_with(ext.bytes()));
            for obj in ext.objects() {
                if let Ok(obj) = obj {
                    let _ = obj.data();
                }
            }
        }
    }
});

/// The option walk tiles the options from byte 20: each option starts where the last ended and
/// is those bytes; nothing follows end of option list or an error, which names where it is.
fn options_tile(opts: &[u8]) {
    let mut at = 20;
    let mut failed = false;
    let mut ended = false;
    for o in Ipv4Options::new(opts, 20) {
        assert!(!failed && !ended, "an option after the walk's end");
        match o {
            Ok(o) => {
                assert_eq!(o.offset(), at);
                assert_eq!(o.bytes(), &opts[at - 20..at - 20 + o.len()]);
                assert_eq!(o.kind().0, opts[at - 20]);
                ended = o.kind() == Ipv4OptionType::END;
                at += o.len();
                // The typed fields stay within the option and agree with their counts.
                if let Some(r) = o.route() {
                    assert_eq!(r.addresses().len(), (o.len() - 3) / 4);
                    assert_eq!(r.addresses().count(), r.addresses().len());
                    assert!(r.used() <= r.addresses().len());
                }
                if let Some(t) = o.timestamp() {
                    assert_eq!(t.entries().count(), t.entries().len());
                    assert!(t.used() <= t.entries().len());
                    assert!(t.entries().len() * 4 <= o.len() - 4);
                }
            }
            Err(ParseError::Ipv4OptionLength { offset, length }) => {
                assert_eq!((offset, opts[at - 19]), (at, length));
                assert!(length < 2);
                failed = true;
            }
            Err(ParseError::Ipv4OptionTruncated { offset, required, actual }) => {
                assert_eq!((offset, actual), (at, opts.len() + 20 - at));
                assert!(required > actual);
                failed = true;
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
    assert_eq!(Ipv4Options::new(opts, 20).check().is_err(), failed);
    assert!(failed || ended || at == 20 + opts.len());
}

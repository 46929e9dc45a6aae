//! What a network stack needs around the parser: the message of a whole IP packet, read in one
//! call ([`parse_packet`]; RFC 791, RFC 8200); when an ICMP error may be sent about a packet
//! (RFC 1122 section 3.2.2, RFC 1812 section 4.3.2.7, RFC 4443 section 2.4 (e)); and rate
//! limits for the errors it sends (RFC 4443 section 2.4 (f), RFC 1812 section 4.3.2.8).
//!
//! ```
//! use core::time::Duration;
//! use icmpwire::stack::{Arrival4, PerDestination, TokenBucket, may_send_error_v4};
//!
//! // Linux's defaults: 1000 errors a second in all, a burst of 50; one a second per destination.
//! let mut global = TokenBucket::new(1000, 50);
//! let mut per_destination: PerDestination<128> = PerDestination::new(1, 1);
//! let udp = [0x45u8, 0, 0, 28, 0, 0, 0, 0, 64, 17, 0, 0, 192, 0, 2, 1, 198, 51, 100, 2,
//!            0x9c, 0x40, 0x82, 0x9a, 0, 8, 0, 0];
//! let now = Duration::from_secs(60);
//! let send = may_send_error_v4(&udp, Arrival4::default()).is_ok()
//!     && global.allow(now)
//!     && per_destination.allow([192, 0, 2, 1].into(), now);
//! assert!(send);
//! ```

mod limit;
mod matching;
mod packet;
mod respond;
mod rules;

pub use limit::{PerDestination, TokenBucket};
pub use matching::{Flow, ProbeKey};
pub use packet::{
    IcmpPacket, Ipv4Info, Ipv6Info, PacketError, parse_packet, parse_packet_unverified,
};
pub use respond::{Answer, AnswerKind, Host, InterfaceState, NoAnswer, Responder};
pub use rules::{Arrival4, Arrival6, NoError, may_send_error_v4, may_send_error_v6};

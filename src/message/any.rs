//! [`AnyMessage`]: what the enums of views, [`v4::Message`](crate::v4::Message) and
//! [`v6::Message`](crate::v6::Message), answer the same way whatever view they hold, written
//! once. Each enum only says how to reach its view's bytes (one match) and which of its types
//! quote a datagram or carry extensions.

use crate::extension::Extensions;
use crate::quote::Quote;
use crate::view::{Parts, Version};

/// The seal: how an enum of views reaches the bytes of the view it holds.
pub(crate) mod seal {
    use super::Parts;

    /// Implemented by the two `Message` enums only.
    pub trait Dispatch {
        /// The bytes of the view this message holds (one match over the variants).
        fn parts(&self) -> Parts<'_>;
    }
}

/// What any parsed message answers, whatever its type and IP version: implemented by
/// [`v4::Message`](crate::v4::Message) and [`v6::Message`](crate::v6::Message), whose modules
/// re-export it (so `use icmpwire::v4::*` brings it into scope), and written once here. Code
/// that handles both versions can take `&impl AnyMessage`. Each view has the same methods of
/// its own ([`View`](crate::view::View)). Sealed.
///
/// ```
/// use icmpwire::AnyMessage;
///
/// fn describe(msg: &impl AnyMessage) -> (u8, usize) {
///     (msg.code_u8(), msg.message_len())
/// }
///
/// let v4 = [8u8, 0, 0xF7, 0xFE, 0, 1, 0, 0];
/// let msg = icmpwire::v4::Message::parse(&v4[..]).unwrap();
/// assert_eq!(describe(&msg), (0, 8));
/// let v6 = [129u8, 3, 0, 0, 0, 1, 0, 1, 7];
/// let msg = icmpwire::v6::Message::parse_unverified(&v6[..]).unwrap();
/// assert_eq!(describe(&msg), (3, 9));
/// ```
pub trait AnyMessage: seal::Dispatch {
    /// The IP version: [`V4`](crate::v4::V4) or [`V6`](crate::v6::V6).
    type Version: Version;

    /// The message type.
    ///
    /// ```
    /// use icmpwire::v4::{Message, MessageType};
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [0u8, 0, 0xFF, 0xFF, 0, 0, 0, 0];
    /// assert_eq!(Message::parse(&bytes[..]).unwrap().message_type(), MessageType::ECHO_REPLY);
    /// let bytes = [138u8, 255, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    /// let msg = icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap();
    /// assert_eq!(msg.message_type(), icmpwire::v6::MessageType::ROUTER_RENUMBERING);
    /// ```
    #[must_use]
    #[inline]
    fn message_type(&self) -> <Self::Version as Version>::MessageType {
        <Self::Version as Version>::MessageType::from(self.parts().type_u8())
    }

    /// The code byte.
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [0u8, 5, 0xFF, 0xFA, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::Message::parse(&bytes[..]).unwrap().code_u8(), 5);
    /// ```
    #[must_use]
    #[inline]
    fn code_u8(&self) -> u8 {
        self.parts().code_u8()
    }

    /// The checksum field, host order.
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [129u8, 0, 0x12, 0x34, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap().checksum(), 0x1234);
    /// ```
    #[must_use]
    #[inline]
    fn checksum(&self) -> u16 {
        self.parts().checksum()
    }

    /// The bytes after the fixed part of the type (the body of a type without a view).
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [8u8, 0, 0xF6, 0xFC, 0, 1, 0, 1, 1, 1];
    /// assert_eq!(icmpwire::v4::Message::parse(&bytes[..]).unwrap().payload(), &[1, 1]);
    /// let bytes = [200u8, 0, 0, 0, 9];
    /// assert_eq!(icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap().payload(), &[9]);
    /// ```
    #[must_use]
    #[inline]
    fn payload(&self) -> &[u8] {
        self.parts().payload()
    }

    /// Where [`payload`](Self::payload) starts: the length of the fixed part of the type (8
    /// for most, 12 or 20 for some ICMPv4 types, 4 for an ICMPv6 type without a view).
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [17u8, 0, 0xEE, 0xFD, 0, 1, 0, 1, 0, 0, 0, 0];
    /// assert_eq!(icmpwire::v4::Message::parse(&bytes[..]).unwrap().payload_offset(), 12);
    /// ```
    #[must_use]
    #[inline]
    fn payload_offset(&self) -> usize {
        self.parts().payload_offset()
    }

    /// The length of the whole message in bytes.
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [129u8, 0, 0, 0, 0, 1, 0, 1, 7];
    /// assert_eq!(icmpwire::v6::Message::parse_unverified(&bytes[..]).unwrap().message_len(), 9);
    /// ```
    #[must_use]
    #[inline]
    fn message_len(&self) -> usize {
        self.parts().message_len()
    }

    /// The quoted datagram of a message that carries one (on ICMPv4 destination unreachable,
    /// source quench, redirect, time exceeded, parameter problem and Photuris; on ICMPv6 the
    /// four error messages), without its RFC 4884 extensions; `None` for every other type. It
    /// is what traceroute and stacks match their probes on.
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    /// use icmpwire::v4::Message;
    ///
    /// // Fragmentation needed, quoting a UDP datagram from port 33434 to port 33434.
    /// let bytes = [
    ///     3, 4, 0x25, 0x1a, 0, 0, 0x03, 0xe8, 0x45, 0, 0x05, 0xdc, 0, 1, 0x40, 0, 64, 17, 0, 0,
    ///     192, 0, 2, 10, 203, 0, 113, 2, 0x82, 0x9a, 0x82, 0x9a, 0x05, 0xc8, 0, 0,
    /// ];
    /// let msg = Message::parse(&bytes[..]).unwrap();
    /// assert_eq!(msg.quote().unwrap().ipv4().unwrap().ports().unwrap(), (33434, 33434));
    ///
    /// let echo = [8u8, 0, 0xF7, 0xFF, 0, 0, 0, 0];
    /// assert!(Message::parse(&echo[..]).unwrap().quote().is_none());
    /// let v6 = [3u8, 0, 0, 0, 0, 0, 0, 0, 0x60];
    /// let msg = icmpwire::v6::Message::parse_unverified(&v6[..]).unwrap();
    /// assert_eq!(msg.quote().unwrap().bytes(), &[0x60]);
    /// ```
    #[must_use]
    fn quote(&self) -> Option<Quote<'_>>;

    /// The extension structure a message carries: the RFC 4884 extensions of an error message
    /// that has them (ICMPv4 destination unreachable, time exceeded and parameter problem,
    /// ICMPv6 destination unreachable and time exceeded), or the structure of an RFC 8335
    /// extended echo request or reply (when it reads); `None` otherwise.
    ///
    /// ```
    /// use icmpwire::AnyMessage;
    ///
    /// let bytes = [11u8, 0, 0xf4, 0xff, 0, 0, 0, 0];
    /// assert!(icmpwire::v4::Message::parse(&bytes[..]).unwrap().extensions().is_none());
    /// ```
    #[must_use]
    fn extensions(&self) -> Option<Extensions<'_>>;
}

//! ICMPv4 message types and codes: a named constant for every value in the IANA "Internet
//! Control Message Protocol (ICMP) Parameters" registry (deprecated ones included).
//!
//! Names follow the wording tcpdump prints (`"echo request"`, `"port unreachable"`, `"need to
//! frag"`); the doc of each constant gives the registry's description and its RFC.

open_u8! {
    module = "v4";
    /// An ICMPv4 message type (the first byte of every message).
    ///
    /// ```
    /// use icmpwire::v4::MessageType;
    ///
    /// assert_eq!(MessageType::ECHO_REQUEST, MessageType(8));
    /// assert_eq!(MessageType(8).to_string(), "echo request");
    /// assert_eq!(MessageType(77).to_string(), "type 77");
    /// assert!(MessageType::TIME_EXCEEDED.is_error());
    /// ```
    pub struct MessageType;
    fallback = "type";
    example = 8, "echo request", 77;
    /// Echo Reply (RFC 792).
    ECHO_REPLY = 0, "echo reply";
    /// Destination Unreachable (RFC 792).
    DESTINATION_UNREACHABLE = 3, "destination unreachable";
    /// Source Quench (RFC 792; deprecated by RFC 6633).
    SOURCE_QUENCH = 4, "source quench";
    /// Redirect (RFC 792).
    REDIRECT = 5, "redirect";
    /// Alternate Host Address (deprecated by RFC 6918).
    ALTERNATE_HOST_ADDRESS = 6, "alternate host address";
    /// Echo (RFC 792).
    ECHO_REQUEST = 8, "echo request";
    /// Router Advertisement (RFC 1256).
    ROUTER_ADVERTISEMENT = 9, "router advertisement";
    /// Router Solicitation (RFC 1256; "Router Selection" in the registry).
    ROUTER_SOLICITATION = 10, "router solicitation";
    /// Time Exceeded (RFC 792).
    TIME_EXCEEDED = 11, "time exceeded";
    /// Parameter Problem (RFC 792).
    PARAMETER_PROBLEM = 12, "parameter problem";
    /// Timestamp (RFC 792).
    TIMESTAMP = 13, "time stamp request";
    /// Timestamp Reply (RFC 792).
    TIMESTAMP_REPLY = 14, "time stamp reply";
    /// Information Request (RFC 792; deprecated by RFC 6918).
    INFORMATION_REQUEST = 15, "information request";
    /// Information Reply (RFC 792; deprecated by RFC 6918).
    INFORMATION_REPLY = 16, "information reply";
    /// Address Mask Request (RFC 950; deprecated by RFC 6918).
    ADDRESS_MASK_REQUEST = 17, "address mask request";
    /// Address Mask Reply (RFC 950; deprecated by RFC 6918).
    ADDRESS_MASK_REPLY = 18, "address mask reply";
    /// Reserved (for Security).
    RESERVED_SECURITY = 19, "reserved (security)";
    /// Traceroute (RFC 1393, historic since RFC 6814; deprecated by RFC 6918).
    TRACEROUTE = 30, "traceroute";
    /// Datagram Conversion Error (RFC 1475; deprecated by RFC 6918).
    DATAGRAM_CONVERSION_ERROR = 31, "datagram conversion error";
    /// Mobile Host Redirect (deprecated by RFC 6918).
    MOBILE_HOST_REDIRECT = 32, "mobile host redirect";
    /// IPv6 Where-Are-You (deprecated by RFC 6918).
    IPV6_WHERE_ARE_YOU = 33, "IPv6 where-are-you";
    /// IPv6 I-Am-Here (deprecated by RFC 6918).
    IPV6_I_AM_HERE = 34, "IPv6 I-am-here";
    /// Mobile Registration Request (deprecated by RFC 6918).
    MOBILE_REGISTRATION_REQUEST = 35, "mobile registration request";
    /// Mobile Registration Reply (deprecated by RFC 6918).
    MOBILE_REGISTRATION_REPLY = 36, "mobile registration reply";
    /// Domain Name Request (RFC 1788; deprecated by RFC 6918).
    DOMAIN_NAME_REQUEST = 37, "domain name request";
    /// Domain Name Reply (RFC 1788; deprecated by RFC 6918).
    DOMAIN_NAME_REPLY = 38, "domain name reply";
    /// SKIP (deprecated by RFC 6918).
    SKIP = 39, "SKIP";
    /// Photuris (RFC 2521).
    PHOTURIS = 40, "photuris";
    /// ICMP messages utilized by experimental mobility protocols such as Seamoby (RFC 4065).
    EXPERIMENTAL_MOBILITY = 41, "experimental mobility";
    /// Extended Echo Request (RFC 8335, PROBE).
    EXTENDED_ECHO_REQUEST = 42, "extended echo request";
    /// Extended Echo Reply (RFC 8335, PROBE).
    EXTENDED_ECHO_REPLY = 43, "extended echo reply";
    /// RFC3692-style Experiment 1 (RFC 4727).
    EXPERIMENT_1 = 253, "experiment 1";
    /// RFC3692-style Experiment 2 (RFC 4727).
    EXPERIMENT_2 = 254, "experiment 2";
    /// Reserved.
    RESERVED = 255, "reserved";
}

impl MessageType {
    /// Whether this is an error message that quotes the offending datagram: destination
    /// unreachable, source quench, redirect, time exceeded, parameter problem (RFC 792), and
    /// Photuris (RFC 2521), which reports security failures the same way. A host must not answer
    /// one with another error (RFC 1122 section 3.2.2).
    ///
    /// ```
    /// use icmpwire::v4::MessageType;
    ///
    /// assert!(MessageType::REDIRECT.is_error());
    /// assert!(MessageType::PHOTURIS.is_error());
    /// assert!(!MessageType::ECHO_REPLY.is_error());
    /// ```
    #[must_use]
    pub const fn is_error(self) -> bool {
        matches!(self.0, 3 | 4 | 5 | 11 | 12 | 40)
    }

    /// Whether the registry marks this type deprecated (RFC 6633, RFC 6918).
    ///
    /// ```
    /// use icmpwire::v4::MessageType;
    ///
    /// assert!(MessageType::SOURCE_QUENCH.is_deprecated());
    /// assert!(MessageType::ADDRESS_MASK_REPLY.is_deprecated());
    /// assert!(!MessageType::ECHO_REQUEST.is_deprecated());
    /// ```
    #[must_use]
    pub const fn is_deprecated(self) -> bool {
        matches!(self.0, 4 | 6 | 15..=18 | 30..=39)
    }

    /// The registry's name for types without a constant of their own: unassigned (1, 2, 7,
    /// 44-252) and the robustness-experiment range 20-29; `None` for named types.
    ///
    /// ```
    /// use icmpwire::v4::MessageType;
    ///
    /// assert_eq!(MessageType(25).range_name(), Some("reserved (robustness experiment)"));
    /// assert_eq!(MessageType(100).range_name(), Some("unassigned"));
    /// assert_eq!(MessageType(8).range_name(), None);
    /// ```
    #[must_use]
    pub const fn range_name(self) -> Option<&'static str> {
        match self.0 {
            20..=29 => Some("reserved (robustness experiment)"),
            1 | 2 | 7 | 44..=252 => Some("unassigned"),
            _ => None,
        }
    }
}

open_u8! {
    module = "v4";
    /// The code of a destination unreachable message (type 3): RFC 792, RFC 1122 section
    /// 3.2.2.1, RFC 1812 section 5.2.7.1; code 4 is RFC 1191's "fragmentation needed".
    ///
    /// ```
    /// use icmpwire::v4::UnreachableCode;
    ///
    /// assert_eq!(UnreachableCode(3), UnreachableCode::PORT_UNREACHABLE);
    /// assert_eq!(UnreachableCode(4).to_string(), "need to frag");
    /// assert_eq!(UnreachableCode(16).to_string(), "code 16");
    /// ```
    pub struct UnreachableCode;
    fallback = "code";
    example = 3, "port unreachable", 16;
    /// Net Unreachable (RFC 792).
    NET_UNREACHABLE = 0, "net unreachable";
    /// Host Unreachable (RFC 792).
    HOST_UNREACHABLE = 1, "host unreachable";
    /// Protocol Unreachable (RFC 792).
    PROTOCOL_UNREACHABLE = 2, "protocol unreachable";
    /// Port Unreachable (RFC 792).
    PORT_UNREACHABLE = 3, "port unreachable";
    /// Fragmentation Needed and Don't Fragment was Set (RFC 792; next-hop MTU, RFC 1191).
    FRAGMENTATION_NEEDED = 4, "need to frag";
    /// Source Route Failed (RFC 792).
    SOURCE_ROUTE_FAILED = 5, "source route failed";
    /// Destination Network Unknown (RFC 1122).
    NET_UNKNOWN = 6, "net unknown";
    /// Destination Host Unknown (RFC 1122).
    HOST_UNKNOWN = 7, "host unknown";
    /// Source Host Isolated (RFC 1122).
    SOURCE_HOST_ISOLATED = 8, "source host isolated";
    /// Communication with Destination Network is Administratively Prohibited (RFC 1122).
    NET_PROHIBITED = 9, "net admin prohibited";
    /// Communication with Destination Host is Administratively Prohibited (RFC 1122).
    HOST_PROHIBITED = 10, "host admin prohibited";
    /// Destination Network Unreachable for Type of Service (RFC 1122).
    NET_UNREACHABLE_FOR_TOS = 11, "net tos prohibited";
    /// Destination Host Unreachable for Type of Service (RFC 1122).
    HOST_UNREACHABLE_FOR_TOS = 12, "host tos prohibited";
    /// Communication Administratively Prohibited (RFC 1812).
    ADMIN_PROHIBITED = 13, "admin prohibited filter";
    /// Host Precedence Violation (RFC 1812).
    HOST_PRECEDENCE_VIOLATION = 14, "host precedence violation";
    /// Precedence cutoff in effect (RFC 1812).
    PRECEDENCE_CUTOFF = 15, "precedence cutoff";
}

open_u8! {
    module = "v4";
    /// The code of a redirect message (type 5, RFC 792).
    ///
    /// ```
    /// use icmpwire::v4::RedirectCode;
    ///
    /// assert_eq!(RedirectCode::HOST.to_string(), "host");
    /// ```
    pub struct RedirectCode;
    fallback = "code";
    example = 1, "host", 4;
    /// Redirect Datagram for the Network (or subnet).
    NETWORK = 0, "net";
    /// Redirect Datagram for the Host.
    HOST = 1, "host";
    /// Redirect Datagram for the Type of Service and Network.
    TOS_NETWORK = 2, "tos and net";
    /// Redirect Datagram for the Type of Service and Host.
    TOS_HOST = 3, "tos and host";
}

open_u8! {
    module = "v4";
    /// The code of a time exceeded message (type 11, RFC 792).
    ///
    /// ```
    /// use icmpwire::v4::TimeExceededCode;
    ///
    /// assert_eq!(TimeExceededCode(0).to_string(), "in-transit");
    /// ```
    pub struct TimeExceededCode;
    fallback = "code";
    example = 0, "in-transit", 2;
    /// Time to Live exceeded in Transit.
    TTL_EXCEEDED = 0, "in-transit";
    /// Fragment Reassembly Time Exceeded.
    REASSEMBLY_TIME_EXCEEDED = 1, "reassembly";
}

open_u8! {
    module = "v4";
    /// The code of a parameter problem message (type 12): RFC 792, RFC 1108, RFC 1122, IANA.
    ///
    /// ```
    /// use icmpwire::v4::ParameterProblemCode;
    ///
    /// assert_eq!(ParameterProblemCode::BAD_LENGTH.0, 2);
    /// ```
    pub struct ParameterProblemCode;
    fallback = "code";
    example = 2, "bad length", 3;
    /// Pointer indicates the error (RFC 792).
    POINTER = 0, "pointer";
    /// Missing a Required Option (RFC 1108).
    MISSING_OPTION = 1, "missing required option";
    /// Bad Length (IANA registry; no RFC defines it).
    BAD_LENGTH = 2, "bad length";
}

open_u8! {
    module = "v4";
    /// The code of a router advertisement (type 9): RFC 1256, RFC 5944 (was RFC 3344).
    ///
    /// ```
    /// use icmpwire::v4::RouterAdvertisementCode;
    ///
    /// assert_eq!(RouterAdvertisementCode::NOT_COMMON_TRAFFIC.0, 16);
    /// ```
    pub struct RouterAdvertisementCode;
    fallback = "code";
    example = 16, "does not route common traffic", 1;
    /// Normal router advertisement (RFC 1256).
    NORMAL = 0, "normal";
    /// Does not route common traffic: a mobility agent only (RFC 5944).
    NOT_COMMON_TRAFFIC = 16, "does not route common traffic";
}

open_u8! {
    module = "v4";
    /// The code of a Photuris message (type 40, RFC 2521).
    ///
    /// ```
    /// use icmpwire::v4::PhoturisCode;
    ///
    /// assert_eq!(PhoturisCode(0).to_string(), "bad SPI");
    /// ```
    pub struct PhoturisCode;
    fallback = "code";
    example = 0, "bad SPI", 6;
    /// Bad SPI.
    BAD_SPI = 0, "bad SPI";
    /// Authentication Failed.
    AUTHENTICATION_FAILED = 1, "authentication failed";
    /// Decompression Failed.
    DECOMPRESSION_FAILED = 2, "decompression failed";
    /// Decryption Failed.
    DECRYPTION_FAILED = 3, "decryption failed";
    /// Need Authentication.
    NEED_AUTHENTICATION = 4, "need authentication";
    /// Need Authorization.
    NEED_AUTHORIZATION = 5, "need authorization";
}

open_u8! {
    module = "v4";
    /// The code of an extended echo reply (type 43, RFC 8335 section 3).
    ///
    /// ```
    /// use icmpwire::v4::ExtendedEchoReplyCode;
    ///
    /// assert_eq!(ExtendedEchoReplyCode(2).to_string(), "no such interface");
    /// ```
    pub struct ExtendedEchoReplyCode;
    fallback = "code";
    example = 2, "no such interface", 5;
    /// No Error.
    NO_ERROR = 0, "no error";
    /// Malformed Query.
    MALFORMED_QUERY = 1, "malformed query";
    /// No Such Interface.
    NO_SUCH_INTERFACE = 2, "no such interface";
    /// No Such Table Entry.
    NO_SUCH_TABLE_ENTRY = 3, "no such table entry";
    /// Multiple Interfaces Satisfy Query.
    MULTIPLE_INTERFACES = 4, "multiple interfaces satisfy query";
}

open_u8! {
    module = "v4";
    /// The code of a traceroute message (type 30, RFC 1393 section 2.3).
    ///
    /// ```
    /// use icmpwire::v4::TracerouteCode;
    ///
    /// assert_eq!(TracerouteCode(1).to_string(), "no route, discarded");
    /// ```
    pub struct TracerouteCode;
    fallback = "code";
    example = 0, "forwarded", 2;
    /// Outbound Packet successfully forwarded.
    FORWARDED = 0, "forwarded";
    /// No route for Outbound Packet; packet discarded.
    NO_ROUTE = 1, "no route, discarded";
}

open_u8! {
    module = "v4";
    /// The type byte of an IPv4 option (RFC 791 section 3.1): a named constant for every value
    /// of the IANA "IP Option Numbers" registry. tcpdump's wording where tcpdump names the
    /// option (`"RR"`, `"timestamp"`, `"LSRR"`), a short lower-case name of the registry's
    /// entry elsewhere (the four RFC 3692 experiment values all `"experiment"`). The byte holds three fields: [`copied`](Self::copied),
    /// [`class`](Self::class) and [`number`](Self::number).
    ///
    /// ```
    /// use icmpwire::v4::Ipv4OptionType;
    ///
    /// assert_eq!(Ipv4OptionType::RECORD_ROUTE, Ipv4OptionType(7));
    /// assert_eq!(Ipv4OptionType(68).to_string(), "timestamp");
    /// assert_eq!(Ipv4OptionType(150).to_string(), "option 150");
    /// ```
    pub struct Ipv4OptionType;
    fallback = "option";
    example = 148, "RA", 150;
    /// End of Option List (RFC 791): the options end here, the rest of the header is padding.
    END = 0, "EOL";
    /// No Operation (RFC 791): one byte, to align the next option.
    NOP = 1, "NOP";
    /// Record Route (RFC 791).
    RECORD_ROUTE = 7, "RR";
    /// Experimental Measurement (ZSu).
    EXPERIMENTAL_MEASUREMENT = 10, "experimental measurement";
    /// MTU Probe (RFC 1063, obsoleted by RFC 1191).
    MTU_PROBE = 11, "mtu probe";
    /// MTU Reply (RFC 1063, obsoleted by RFC 1191).
    MTU_REPLY = 12, "mtu reply";
    /// ENCODE (deprecated by RFC 6814).
    ENCODE = 15, "encode";
    /// Quick-Start (RFC 4782).
    QUICK_START = 25, "quick-start";
    /// RFC 3692-style Experiment (RFC 4727), copied flag clear, class 0.
    EXPERIMENT_30 = 30, "experiment";
    /// Time Stamp (RFC 791).
    TIMESTAMP = 68, "timestamp";
    /// Traceroute (RFC 1393, deprecated by RFC 6814).
    TRACEROUTE = 82, "traceroute";
    /// RFC 3692-style Experiment (RFC 4727), class 2.
    EXPERIMENT_94 = 94, "experiment";
    /// Security (RFC 1108, RIPSO).
    SECURITY = 130, "security";
    /// Loose Source and Record Route (RFC 791).
    LOOSE_SOURCE_ROUTE = 131, "LSRR";
    /// Extended Security (RFC 1108).
    EXTENDED_SECURITY = 133, "extended security";
    /// Commercial IP Security Option (CIPSO, an expired draft; Linux reads it).
    CIPSO = 134, "cipso";
    /// Stream ID (RFC 791, deprecated by RFC 6814).
    STREAM_ID = 136, "stream id";
    /// Strict Source and Record Route (RFC 791).
    STRICT_SOURCE_ROUTE = 137, "SSRR";
    /// Experimental Access Control (VISA, deprecated by RFC 6814).
    EXPERIMENTAL_ACCESS_CONTROL = 142, "experimental access control";
    /// IMI Traffic Descriptor.
    IMI_TRAFFIC_DESCRIPTOR = 144, "imi traffic descriptor";
    /// Extended Internet Protocol (RFC 1385, deprecated by RFC 6814).
    EXTENDED_INTERNET_PROTOCOL = 145, "extended internet protocol";
    /// Address Extension (deprecated by RFC 6814).
    ADDRESS_EXTENSION = 147, "address extension";
    /// Router Alert (RFC 2113).
    ROUTER_ALERT = 148, "RA";
    /// Selective Directed Broadcast (deprecated by RFC 6814).
    SELECTIVE_DIRECTED_BROADCAST = 149, "selective directed broadcast";
    /// Dynamic Packet State (deprecated by RFC 6814).
    DYNAMIC_PACKET_STATE = 151, "dynamic packet state";
    /// Upstream Multicast Packet (deprecated by RFC 6814).
    UPSTREAM_MULTICAST = 152, "upstream multicast packet";
    /// RFC 3692-style Experiment (RFC 4727), copied flag set, class 0.
    EXPERIMENT_158 = 158, "experiment";
    /// Experimental Flow Control (FINN).
    EXPERIMENTAL_FLOW_CONTROL = 205, "experimental flow control";
    /// RFC 3692-style Experiment (RFC 4727), copied flag set, class 2.
    EXPERIMENT_222 = 222, "experiment";
}

impl Ipv4OptionType {
    /// The copied flag (the top bit): whether a router copies the option into every fragment
    /// (RFC 791 section 3.1).
    ///
    /// ```
    /// use icmpwire::v4::Ipv4OptionType;
    ///
    /// assert!(Ipv4OptionType::LOOSE_SOURCE_ROUTE.copied());
    /// assert!(!Ipv4OptionType::RECORD_ROUTE.copied());
    /// ```
    #[must_use]
    #[inline]
    pub const fn copied(self) -> bool {
        self.0 & 0x80 != 0
    }

    /// The option class (the next two bits): 0 control, 2 debugging and measurement, 1 and 3
    /// reserved (RFC 791 section 3.1).
    ///
    /// ```
    /// use icmpwire::v4::Ipv4OptionType;
    ///
    /// assert_eq!(Ipv4OptionType::TIMESTAMP.class(), 2);
    /// assert_eq!(Ipv4OptionType(0x60).class(), 3);
    /// assert_eq!(Ipv4OptionType::STRICT_SOURCE_ROUTE.class(), 0);
    /// ```
    #[must_use]
    #[inline]
    pub const fn class(self) -> u8 {
        (self.0 >> 5) & 3
    }

    /// The option number (the low five bits).
    ///
    /// ```
    /// use icmpwire::v4::Ipv4OptionType;
    ///
    /// assert_eq!(Ipv4OptionType::STRICT_SOURCE_ROUTE.number(), 9);
    /// assert_eq!(Ipv4OptionType::TIMESTAMP.number(), 4);
    /// ```
    #[must_use]
    #[inline]
    pub const fn number(self) -> u8 {
        self.0 & 0x1F
    }
}

/// The registry's name for `code` of a message of type `ty`, for any type: the per-type code
/// names above, `"no code"` for code 0 of the types whose only code is 0 (echo, timestamp,
/// information, address mask, router solicitation, source quench, extended echo request), and
/// `None` for anything unassigned.
///
/// ```
/// use icmpwire::v4::{MessageType, code_name};
///
/// assert_eq!(code_name(MessageType::DESTINATION_UNREACHABLE, 13), Some("admin prohibited filter"));
/// assert_eq!(code_name(MessageType::ECHO_REQUEST, 0), Some("no code"));
/// assert_eq!(code_name(MessageType::ECHO_REQUEST, 5), None);
/// ```
#[must_use]
pub const fn code_name(ty: MessageType, code: u8) -> Option<&'static str> {
    match ty.0 {
        3 => UnreachableCode(code).name(),
        5 => RedirectCode(code).name(),
        9 => RouterAdvertisementCode(code).name(),
        11 => TimeExceededCode(code).name(),
        12 => ParameterProblemCode(code).name(),
        30 => TracerouteCode(code).name(),
        40 => PhoturisCode(code).name(),
        43 => ExtendedEchoReplyCode(code).name(),
        6 if code == 0 => Some("alternate address for host"),
        0 | 4 | 8 | 10 | 13..=18 | 42 if code == 0 => Some("no code"),
        _ => None,
    }
}

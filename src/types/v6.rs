//! ICMPv6 message types and codes: a named constant for every value in the IANA "Internet
//! Control Message Protocol version 6 (ICMPv6) Parameters" registry, as published in December
//! 2025 (type 143 credited to RFC 9777, type 1 code 9 assigned).
//!
//! RFC 4443 section 2.1 splits the type space in two: types 0-127 (high bit clear) are error
//! messages and types 128-255 are informational messages. Type 1 code 9, "Error in P-Route", is
//! RFC 9914 (the registry still cites it as draft-ietf-roll-dao-projection-40).
//!
//! Names follow the wording tcpdump 4.99.3 prints where it names the value (`"echo request"`,
//! `"unreachable port"`, `"multicast listener report v2"`); otherwise they are the registry's
//! description in lower case, acronyms kept (`"extended echo request"`, `"error in P-Route"`).
//! The doc of each constant gives the registry's description and its RFC.

open_u8! {
    module = "v6";
    /// An ICMPv6 message type (the first byte of every message).
    ///
    /// ```
    /// use icmpwire::v6::MessageType;
    ///
    /// assert_eq!(MessageType::ECHO_REQUEST, MessageType(128));
    /// assert_eq!(MessageType(128).to_string(), "echo request");
    /// assert_eq!(MessageType(77).to_string(), "type 77");
    /// assert!(MessageType::PACKET_TOO_BIG.is_error());
    /// ```
    pub struct MessageType;
    fallback = "type";
    example = 128, "echo request", 77;
    /// Reserved (RFC 4443).
    RESERVED = 0, "reserved";
    /// Destination Unreachable (RFC 4443).
    DESTINATION_UNREACHABLE = 1, "destination unreachable";
    /// Packet Too Big (RFC 4443).
    PACKET_TOO_BIG = 2, "packet too big";
    /// Time Exceeded (RFC 4443). tcpdump prints `"time exceeded in-transit"` whatever the code;
    /// its "in-transit" is the name of code 0 ([`TimeExceededCode::HOP_LIMIT_EXCEEDED`]).
    TIME_EXCEEDED = 3, "time exceeded";
    /// Parameter Problem (RFC 4443).
    PARAMETER_PROBLEM = 4, "parameter problem";
    /// Private experimentation (RFC 4443), in the error range.
    PRIVATE_EXPERIMENTATION_100 = 100, "private experimentation";
    /// Private experimentation (RFC 4443), in the error range.
    PRIVATE_EXPERIMENTATION_101 = 101, "private experimentation";
    /// Reserved for expansion of ICMPv6 error messages (RFC 4443).
    RESERVED_FOR_ERROR_EXPANSION = 127, "reserved for expansion of ICMPv6 error messages";
    /// Echo Request (RFC 4443).
    ECHO_REQUEST = 128, "echo request";
    /// Echo Reply (RFC 4443).
    ECHO_REPLY = 129, "echo reply";
    /// Multicast Listener Query (RFC 2710; MLDv2 queries, RFC 9777, use the same type).
    MULTICAST_LISTENER_QUERY = 130, "multicast listener query";
    /// Multicast Listener Report (RFC 2710).
    MULTICAST_LISTENER_REPORT = 131, "multicast listener report";
    /// Multicast Listener Done (RFC 2710).
    MULTICAST_LISTENER_DONE = 132, "multicast listener done";
    /// Router Solicitation (RFC 4861).
    ROUTER_SOLICITATION = 133, "router solicitation";
    /// Router Advertisement (RFC 4861).
    ROUTER_ADVERTISEMENT = 134, "router advertisement";
    /// Neighbor Solicitation (RFC 4861).
    NEIGHBOR_SOLICITATION = 135, "neighbor solicitation";
    /// Neighbor Advertisement (RFC 4861).
    NEIGHBOR_ADVERTISEMENT = 136, "neighbor advertisement";
    /// Redirect Message (RFC 4861).
    REDIRECT = 137, "redirect";
    /// Router Renumbering (RFC 2894).
    ROUTER_RENUMBERING = 138, "router renumbering";
    /// ICMP Node Information Query (RFC 4620). tcpdump 4.99.3 prints `"who-are-you request"`, a
    /// pre-RFC name, followed by `"node information query"`; 4.99.6 prints only the latter.
    NODE_INFORMATION_QUERY = 139, "node information query";
    /// ICMP Node Information Response (RFC 4620). tcpdump 4.99.3 prints `"who-are-you reply"`,
    /// followed by `"node information reply"`; 4.99.6 prints only the latter.
    NODE_INFORMATION_RESPONSE = 140, "node information reply";
    /// Inverse Neighbor Discovery Solicitation Message (RFC 3122).
    INVERSE_NEIGHBOR_SOLICITATION = 141, "inverse neighbor solicitation";
    /// Inverse Neighbor Discovery Advertisement Message (RFC 3122).
    INVERSE_NEIGHBOR_ADVERTISEMENT = 142, "inverse neighbor advertisement";
    /// Version 2 Multicast Listener Report (RFC 9777, which obsoletes RFC 3810).
    MULTICAST_LISTENER_REPORT_V2 = 143, "multicast listener report v2";
    /// Home Agent Address Discovery Request Message (RFC 6275).
    HOME_AGENT_ADDRESS_DISCOVERY_REQUEST = 144, "ha discovery request";
    /// Home Agent Address Discovery Reply Message (RFC 6275).
    HOME_AGENT_ADDRESS_DISCOVERY_REPLY = 145, "ha discovery reply";
    /// Mobile Prefix Solicitation (RFC 6275); "mobile router" is tcpdump's word.
    MOBILE_PREFIX_SOLICITATION = 146, "mobile router solicitation";
    /// Mobile Prefix Advertisement (RFC 6275); "mobile router" is tcpdump's word.
    MOBILE_PREFIX_ADVERTISEMENT = 147, "mobile router advertisement";
    /// Certification Path Solicitation Message (RFC 3971, SEND).
    CERTIFICATION_PATH_SOLICITATION = 148, "certification path solicitation";
    /// Certification Path Advertisement Message (RFC 3971, SEND).
    CERTIFICATION_PATH_ADVERTISEMENT = 149, "certification path advertisement";
    /// ICMP messages utilized by experimental mobility protocols such as Seamoby (RFC 4065).
    EXPERIMENTAL_MOBILITY = 150, "experimental mobility";
    /// Multicast Router Advertisement (RFC 4286).
    MULTICAST_ROUTER_ADVERTISEMENT = 151, "multicast router advertisement";
    /// Multicast Router Solicitation (RFC 4286).
    MULTICAST_ROUTER_SOLICITATION = 152, "multicast router solicitation";
    /// Multicast Router Termination (RFC 4286).
    MULTICAST_ROUTER_TERMINATION = 153, "multicast router termination";
    /// FMIPv6 Messages (RFC 5568); the message kind is in the Subtype octet.
    FMIPV6 = 154, "FMIPv6";
    /// RPL Control Message (RFC 6550); its codes live in the IANA "RPL Control Codes" registry.
    RPL_CONTROL = 155, "RPL";
    /// ILNPv6 Locator Update Message (RFC 6743).
    ILNPV6_LOCATOR_UPDATE = 156, "ILNPv6 locator update";
    /// Duplicate Address Request (RFC 6775; extended by RFC 8505).
    DUPLICATE_ADDRESS_REQUEST = 157, "duplicate address request";
    /// Duplicate Address Confirmation (RFC 6775; extended by RFC 8505).
    DUPLICATE_ADDRESS_CONFIRMATION = 158, "duplicate address confirmation";
    /// MPL Control Message (RFC 7731).
    MPL_CONTROL = 159, "MPL control";
    /// Extended Echo Request (RFC 8335, PROBE).
    EXTENDED_ECHO_REQUEST = 160, "extended echo request";
    /// Extended Echo Reply (RFC 8335, PROBE).
    EXTENDED_ECHO_REPLY = 161, "extended echo reply";
    /// Private experimentation (RFC 4443), in the informational range. tcpdump prints `"mtrace
    /// response"`, an assignment older than RFC 4443 that the registry does not have.
    PRIVATE_EXPERIMENTATION_200 = 200, "private experimentation";
    /// Private experimentation (RFC 4443), in the informational range. tcpdump prints `"mtrace
    /// message"`, an assignment older than RFC 4443 that the registry does not have.
    PRIVATE_EXPERIMENTATION_201 = 201, "private experimentation";
    /// Reserved for expansion of ICMPv6 informational messages (RFC 4443).
    RESERVED_FOR_INFORMATIONAL_EXPANSION = 255,
        "reserved for expansion of ICMPv6 informational messages";
}

impl MessageType {
    /// Whether this is an error message: the high bit of the type is clear, types 0-127 (RFC 4443
    /// section 2.1). This holds for unassigned and experimental types too: an error of unknown
    /// type must still be passed to the upper layer, and a node must not answer an error with
    /// another error (RFC 4443 section 2.4).
    ///
    /// ```
    /// use icmpwire::v6::MessageType;
    ///
    /// assert!(MessageType::DESTINATION_UNREACHABLE.is_error());
    /// assert!(MessageType(126).is_error());
    /// assert!(!MessageType::ECHO_REQUEST.is_error());
    /// ```
    #[must_use]
    pub const fn is_error(self) -> bool {
        self.0 < 0x80
    }

    /// Whether this is an informational message: the high bit of the type is set, types 128-255
    /// (RFC 4443 section 2.1). An informational message of unknown type must be silently
    /// discarded (RFC 4443 section 2.4).
    ///
    /// ```
    /// use icmpwire::v6::MessageType;
    ///
    /// assert!(MessageType::NEIGHBOR_SOLICITATION.is_informational());
    /// assert!(MessageType(200).is_informational());
    /// assert!(!MessageType::TIME_EXCEEDED.is_informational());
    /// ```
    #[must_use]
    pub const fn is_informational(self) -> bool {
        self.0 >= 0x80
    }

    /// The registry's name for types without a constant of their own: unassigned (5-99, 102-126,
    /// 162-199, 202-254); `None` for named types.
    ///
    /// ```
    /// use icmpwire::v6::MessageType;
    ///
    /// assert_eq!(MessageType(5).range_name(), Some("unassigned"));
    /// assert_eq!(MessageType(162).range_name(), Some("unassigned"));
    /// assert_eq!(MessageType(161).range_name(), None);
    /// ```
    #[must_use]
    pub const fn range_name(self) -> Option<&'static str> {
        match self.0 {
            5..=99 | 102..=126 | 162..=199 | 202..=254 => Some("unassigned"),
            _ => None,
        }
    }
}

open_u8! {
    module = "v6";
    /// The code of a destination unreachable message (type 1): RFC 4443 section 3.1, RFC 6550 and
    /// RFC 6554 (code 7), RFC 8883 (code 8), RFC 9914 (code 9).
    ///
    /// Codes 0-4 use tcpdump's words; tcpdump's table has `" unreachable prohibited"` with a
    /// leading space (hence its double space after the comma), which is not kept. tcpdump 4.99
    /// names no code above 4 (`"unknown unreach code (5)"`), so 5-9 are the registry's.
    ///
    /// ```
    /// use icmpwire::v6::UnreachableCode;
    ///
    /// assert_eq!(UnreachableCode(4), UnreachableCode::PORT_UNREACHABLE);
    /// assert_eq!(UnreachableCode(1).to_string(), "unreachable prohibited");
    /// assert_eq!(UnreachableCode(10).to_string(), "code 10");
    /// ```
    pub struct UnreachableCode;
    fallback = "code";
    example = 4, "unreachable port", 10;
    /// No route to destination (RFC 4443).
    NO_ROUTE = 0, "unreachable route";
    /// Communication with destination administratively prohibited (RFC 4443).
    ADMIN_PROHIBITED = 1, "unreachable prohibited";
    /// Beyond scope of source address (RFC 4443).
    BEYOND_SCOPE = 2, "beyond scope";
    /// Address unreachable (RFC 4443).
    ADDRESS_UNREACHABLE = 3, "unreachable address";
    /// Port unreachable (RFC 4443).
    PORT_UNREACHABLE = 4, "unreachable port";
    /// Source address failed ingress/egress policy (RFC 4443).
    SOURCE_POLICY_FAILED = 5, "source address failed ingress/egress policy";
    /// Reject route to destination (RFC 4443).
    REJECT_ROUTE = 6, "reject route to destination";
    /// Error in Source Routing Header (RFC 6550, RFC 6554).
    SOURCE_ROUTING_HEADER_ERROR = 7, "error in source routing header";
    /// Headers too long (RFC 8883).
    HEADERS_TOO_LONG = 8, "headers too long";
    /// Error in P-Route (RFC 9914; registered as draft-ietf-roll-dao-projection-40).
    P_ROUTE_ERROR = 9, "error in P-Route";
}

open_u8! {
    module = "v6";
    /// The code of a time exceeded message (type 3, RFC 4443 section 3.3). The names are those of
    /// the ICMPv4 codes with the same meaning, which is also how tcpdump prints them
    /// (`"time exceeded in-transit"`, `"time exceeded in-transit (reassembly)"`).
    ///
    /// ```
    /// use icmpwire::v6::TimeExceededCode;
    ///
    /// assert_eq!(TimeExceededCode(1).to_string(), "reassembly");
    /// ```
    pub struct TimeExceededCode;
    fallback = "code";
    example = 0, "in-transit", 2;
    /// Hop limit exceeded in transit (RFC 4443).
    HOP_LIMIT_EXCEEDED = 0, "in-transit";
    /// Fragment reassembly time exceeded (RFC 4443).
    REASSEMBLY_TIME_EXCEEDED = 1, "reassembly";
}

open_u8! {
    module = "v6";
    /// The code of a parameter problem message (type 4): RFC 4443 section 3.4, RFC 7112 (code 3),
    /// RFC 8754 (code 4), RFC 8883 (codes 5-10).
    ///
    /// The names are the registry's in lower case, not tcpdump's: tcpdump prints fragments
    /// (`"erroneous - octet P"`, `"next header - octet P"`, `"option - octet P"`,
    /// `"incomplete header chain - octet P"`) that only read as names next to the pointer, and
    /// `"code-#N"` for codes 4-10.
    ///
    /// ```
    /// use icmpwire::v6::ParameterProblemCode;
    ///
    /// assert_eq!(ParameterProblemCode::UNRECOGNIZED_NEXT_HEADER.0, 1);
    /// assert_eq!(ParameterProblemCode(8).to_string(), "too many extension headers");
    /// ```
    pub struct ParameterProblemCode;
    fallback = "code";
    example = 2, "unrecognized IPv6 option encountered", 11;
    /// Erroneous header field encountered (RFC 4443).
    ERRONEOUS_HEADER_FIELD = 0, "erroneous header field encountered";
    /// Unrecognized Next Header type encountered (RFC 4443).
    UNRECOGNIZED_NEXT_HEADER = 1, "unrecognized next header type encountered";
    /// Unrecognized IPv6 option encountered (RFC 4443).
    UNRECOGNIZED_OPTION = 2, "unrecognized IPv6 option encountered";
    /// IPv6 First Fragment has incomplete IPv6 Header Chain (RFC 7112).
    INCOMPLETE_HEADER_CHAIN = 3, "IPv6 first fragment has incomplete IPv6 header chain";
    /// SR Upper-layer Header Error (RFC 8754).
    SR_UPPER_LAYER_HEADER_ERROR = 4, "SR upper-layer header error";
    /// Unrecognized Next Header type encountered by intermediate node (RFC 8883).
    UNRECOGNIZED_NEXT_HEADER_INTERMEDIATE = 5,
        "unrecognized next header type encountered by intermediate node";
    /// Extension header too big (RFC 8883).
    EXTENSION_HEADER_TOO_BIG = 6, "extension header too big";
    /// Extension header chain too long (RFC 8883).
    EXTENSION_HEADER_CHAIN_TOO_LONG = 7, "extension header chain too long";
    /// Too many extension headers (RFC 8883).
    TOO_MANY_EXTENSION_HEADERS = 8, "too many extension headers";
    /// Too many options in extension header (RFC 8883).
    TOO_MANY_OPTIONS = 9, "too many options in extension header";
    /// Option too big (RFC 8883).
    OPTION_TOO_BIG = 10, "option too big";
}

open_u8! {
    module = "v6";
    /// The code of a router renumbering message (type 138, RFC 2894).
    ///
    /// ```
    /// use icmpwire::v6::RouterRenumberingCode;
    ///
    /// assert_eq!(RouterRenumberingCode(255).to_string(), "sequence number reset");
    /// ```
    pub struct RouterRenumberingCode;
    fallback = "code";
    example = 1, "result", 2;
    /// Router Renumbering Command (RFC 2894).
    COMMAND = 0, "command";
    /// Router Renumbering Result (RFC 2894).
    RESULT = 1, "result";
    /// Sequence Number Reset (RFC 2894).
    SEQUENCE_NUMBER_RESET = 255, "sequence number reset";
}

open_u8! {
    module = "v6";
    /// The code of a node information query (type 139, RFC 4620): what the Data field
    /// holds, the subject of the query. The registry's descriptions are sentences; the names
    /// here are short.
    ///
    /// ```
    /// use icmpwire::v6::NodeInformationQueryCode;
    ///
    /// assert_eq!(NodeInformationQueryCode(2).to_string(), "IPv4 subject");
    /// ```
    pub struct NodeInformationQueryCode;
    fallback = "code";
    example = 0, "IPv6 subject", 3;
    /// The Data field contains an IPv6 address which is the Subject of this Query (RFC 4620).
    IPV6_SUBJECT = 0, "IPv6 subject";
    /// The Data field contains a name which is the Subject of this Query, or is empty, as in the
    /// case of a NOOP (RFC 4620).
    NAME_SUBJECT = 1, "name subject";
    /// The Data field contains an IPv4 address which is the Subject of this Query (RFC 4620).
    IPV4_SUBJECT = 2, "IPv4 subject";
}

open_u8! {
    module = "v6";
    /// The code of a node information response (type 140, RFC 4620). Codes 0 and 1 use
    /// tcpdump's words (`"success"` under `-v`, `"refused"`); tcpdump says just `"unknown"` for
    /// code 2, which would read like an unnamed code, so its name keeps "qtype".
    ///
    /// ```
    /// use icmpwire::v6::NodeInformationResponseCode;
    ///
    /// assert_eq!(NodeInformationResponseCode(1).to_string(), "refused");
    /// ```
    pub struct NodeInformationResponseCode;
    fallback = "code";
    example = 2, "unknown qtype", 3;
    /// A successful reply. The Reply Data field may or may not be empty (RFC 4620).
    SUCCESS = 0, "success";
    /// The Responder refuses to supply the answer. The Reply Data field will be empty (RFC 4620).
    REFUSED = 1, "refused";
    /// The Qtype of the Query is unknown to the Responder. The Reply Data field will be empty
    /// (RFC 4620).
    UNKNOWN_QTYPE = 2, "unknown qtype";
}

open_u8! {
    module = "v6";
    /// The Code Suffix of a duplicate address request or confirmation (types 157 and 158): the
    /// low 4 bits of the code, which RFC 8505 splits into a Code Prefix (high 4
    /// bits, zero when sent, ignored when received) and this suffix. The registry has one table
    /// per type ("DAR message"/"EDAR message with 64-bit ROVR field" for 157, "DAC message"/"EDAC
    /// message with ..." for 158) with the same values, so one newtype serves both; its names
    /// say what the message carries, the type name says which of the two it is.
    ///
    /// `name()` reads the whole byte; [`code_name`] masks the Code Prefix off first.
    ///
    /// ```
    /// use icmpwire::v6::DuplicateAddressCode;
    ///
    /// assert_eq!(DuplicateAddressCode(2).to_string(), "128-bit ROVR");
    /// assert_eq!(DuplicateAddressCode(5).to_string(), "code 5");
    /// ```
    pub struct DuplicateAddressCode;
    fallback = "code";
    example = 1, "64-bit ROVR", 5;
    /// DAR message / DAC message (RFC 6775): the RFC 6775 format, with an EUI-64 field.
    EUI64 = 0, "EUI-64";
    /// EDAR message / EDAC message with 64-bit ROVR field (RFC 8505).
    ROVR_64 = 1, "64-bit ROVR";
    /// EDAR message / EDAC message with 128-bit ROVR field (RFC 8505).
    ROVR_128 = 2, "128-bit ROVR";
    /// EDAR message / EDAC message with 192-bit ROVR field (RFC 8505).
    ROVR_192 = 3, "192-bit ROVR";
    /// EDAR message / EDAC message with 256-bit ROVR field (RFC 8505).
    ROVR_256 = 4, "256-bit ROVR";
}

// Type 161 (extended echo reply) uses the RFC 8335 codes of ICMPv4 type 43, one IANA table for
// both: `v6` re-exports `crate::types::v4::ExtendedEchoReplyCode` rather than defining it again.

/// The registry's name for `code` of a message of type `ty`, for any type: the per-type code
/// names above (the Code Suffix for types 157 and 158, the RFC 8335 codes of
/// [`ExtendedEchoReplyCode`](crate::v4::ExtendedEchoReplyCode) for type 161), `"no code"` for
/// code 0 of the types whose only code is 0, and `None` for anything unassigned.
///
/// The types whose only code is 0 are those the registry gives a code table holding just 0
/// (2, 128-137, 141, 142, 144-147, and 160, whose "No Error" is named `"no code"` as for ICMPv4
/// type 42) and those without a table whose RFC sets the code to 0 (143, 148-150, 152-154, 156,
/// 159). Type 151 has no code: RFC 4286 puts the advertisement interval in that byte. The codes
/// of type 155 live in the separate RPL registry (RFC 6550) and are not named here.
///
/// ```
/// use icmpwire::v6::{MessageType, code_name};
///
/// assert_eq!(code_name(MessageType::DESTINATION_UNREACHABLE, 9), Some("error in P-Route"));
/// assert_eq!(code_name(MessageType::ECHO_REQUEST, 0), Some("no code"));
/// assert_eq!(code_name(MessageType::ECHO_REQUEST, 5), None);
/// assert_eq!(code_name(MessageType::EXTENDED_ECHO_REPLY, 2), Some("no such interface"));
/// assert_eq!(code_name(MessageType::DUPLICATE_ADDRESS_REQUEST, 0x12), Some("128-bit ROVR"));
/// assert_eq!(code_name(MessageType::MULTICAST_ROUTER_ADVERTISEMENT, 0), None);
/// ```
#[must_use]
pub const fn code_name(ty: MessageType, code: u8) -> Option<&'static str> {
    match ty.0 {
        1 => UnreachableCode(code).name(),
        3 => TimeExceededCode(code).name(),
        4 => ParameterProblemCode(code).name(),
        138 => RouterRenumberingCode(code).name(),
        139 => NodeInformationQueryCode(code).name(),
        140 => NodeInformationResponseCode(code).name(),
        157 | 158 => DuplicateAddressCode(code & 0x0f).name(),
        161 => crate::types::v4::ExtendedEchoReplyCode(code).name(),
        2 | 128..=137 | 141..=150 | 152..=154 | 156 | 159 | 160 if code == 0 => Some("no code"),
        _ => None,
    }
}

open_u8! {
    module = "v6";
    /// A Neighbor Discovery option type (the first byte of every option, RFC 4861 section
    /// 4.6), from the IANA "IPv6 Neighbor Discovery Option Formats" registry. Names are
    /// tcpdump's where it has one (`"source link-address"`, `"prefix info"`), else the
    /// registry's description in lower case.
    ///
    /// ```
    /// use icmpwire::v6::OptionType;
    ///
    /// assert_eq!(OptionType::PREFIX_INFORMATION, OptionType(3));
    /// assert_eq!(OptionType(25).to_string(), "rdnss");
    /// assert_eq!(OptionType(222).to_string(), "option 222");
    /// ```
    pub struct OptionType;
    fallback = "option";
    example = 1, "source link-address", 222;
    /// Source Link-layer Address (RFC 4861).
    SOURCE_LINK_LAYER_ADDRESS = 1, "source link-address";
    /// Target Link-layer Address (RFC 4861); tcpdump calls it the destination link-address.
    TARGET_LINK_LAYER_ADDRESS = 2, "destination link-address";
    /// Prefix Information (RFC 4861).
    PREFIX_INFORMATION = 3, "prefix info";
    /// Redirected Header (RFC 4861).
    REDIRECTED_HEADER = 4, "redirected header";
    /// MTU (RFC 4861).
    MTU = 5, "mtu";
    /// NBMA Shortcut Limit (RFC 2491).
    NBMA_SHORTCUT_LIMIT = 6, "nbma shortcut limit";
    /// Advertisement Interval (RFC 6275).
    ADVERTISEMENT_INTERVAL = 7, "advertisement interval";
    /// Home Agent Information (RFC 6275).
    HOME_AGENT_INFORMATION = 8, "homeagent information";
    /// Source Address List (RFC 3122).
    SOURCE_ADDRESS_LIST = 9, "source address list";
    /// Target Address List (RFC 3122).
    TARGET_ADDRESS_LIST = 10, "target address list";
    /// CGA (RFC 3971).
    CGA = 11, "cga";
    /// RSA Signature (RFC 3971).
    RSA_SIGNATURE = 12, "rsa signature";
    /// Timestamp (RFC 3971).
    TIMESTAMP = 13, "timestamp";
    /// Nonce (RFC 3971).
    NONCE = 14, "nonce";
    /// Trust Anchor (RFC 3971).
    TRUST_ANCHOR = 15, "trust anchor";
    /// Certificate (RFC 3971).
    CERTIFICATE = 16, "certificate";
    /// IP Address/Prefix (RFC 5568).
    IP_ADDRESS_PREFIX = 17, "ip address/prefix";
    /// New Router Prefix Information (RFC 4068).
    NEW_ROUTER_PREFIX_INFORMATION = 18, "new router prefix information";
    /// Link-layer Address (RFC 5568).
    LINK_LAYER_ADDRESS = 19, "link-layer address";
    /// Neighbor Advertisement Acknowledgment (RFC 5568).
    NEIGHBOR_ADVERTISEMENT_ACKNOWLEDGMENT = 20, "neighbor advertisement acknowledgment";
    /// PvD ID Router Advertisement (RFC 8801).
    PVD_ID = 21, "pvd id";
    /// MAP (RFC 5380).
    MAP = 23, "map";
    /// Route Information (RFC 4191).
    ROUTE_INFORMATION = 24, "route info";
    /// Recursive DNS Server (RFC 8106).
    RDNSS = 25, "rdnss";
    /// RA Flags Extension (RFC 5175).
    RA_FLAGS_EXTENSION = 26, "ra flags extension";
    /// Handover Key Request (RFC 5269).
    HANDOVER_KEY_REQUEST = 27, "handover key request";
    /// Handover Key Reply (RFC 5269).
    HANDOVER_KEY_REPLY = 28, "handover key reply";
    /// Handover Assist Information (RFC 5271).
    HANDOVER_ASSIST_INFORMATION = 29, "handover assist information";
    /// Mobile Node Identifier (RFC 5271).
    MOBILE_NODE_IDENTIFIER = 30, "mobile node identifier";
    /// DNS Search List (RFC 8106).
    DNSSL = 31, "dnssl";
    /// Proxy Signature (RFC 6496).
    PROXY_SIGNATURE = 32, "proxy signature";
    /// Address Registration (RFC 6775).
    ADDRESS_REGISTRATION = 33, "address registration";
    /// 6LoWPAN Context (RFC 6775).
    SIXLOWPAN_CONTEXT = 34, "6lowpan context";
    /// Authoritative Border Router (RFC 6775).
    AUTHORITATIVE_BORDER_ROUTER = 35, "authoritative border router";
    /// 6LoWPAN Capability Indication (RFC 7400).
    SIXLOWPAN_CAPABILITY_INDICATION = 36, "6lowpan capability indication";
    /// DHCP Captive-Portal (RFC 8910).
    CAPTIVE_PORTAL = 37, "captive portal";
    /// PREF64 (RFC 8781).
    PREF64 = 38, "pref64";
    /// Crypto-ID Parameters (RFC 8928).
    CRYPTO_ID_PARAMETERS = 39, "crypto-id parameters";
    /// NDP Signature (RFC 8928).
    NDP_SIGNATURE = 40, "ndp signature";
    /// Resource Directory Address (RFC 9176).
    RESOURCE_DIRECTORY_ADDRESS = 41, "resource directory address";
    /// Encrypted DNS (RFC 9463).
    ENCRYPTED_DNS = 144, "encrypted dns";
    /// CARD Request (RFC 4065).
    CARD_REQUEST = 138, "card request";
    /// CARD Reply (RFC 4065).
    CARD_REPLY = 139, "card reply";
    /// RFC 3692-style experiment 1 (RFC 4727).
    EXPERIMENT_1 = 253, "experiment 1";
    /// RFC 3692-style experiment 2 (RFC 4727).
    EXPERIMENT_2 = 254, "experiment 2";
}

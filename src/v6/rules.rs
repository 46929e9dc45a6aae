//! The validity rules of Neighbor Discovery and MLD that need the IPv6 header (RFC 4861
//! sections 6.1.1, 6.1.2, 7.1.1, 7.1.2 and 8.1; RFC 3122 section 5 for the inverse messages;
//! RFC 2710 section 3 and RFC 3810 sections 5.1.14, 5.2.13, 6.2 and 8.1 for MLD): a node
//! silently discards a message that breaks one. Parsing does not apply them, so that a dump
//! shows such messages; [`Message::check_rules`](super::Message::check_rules) names the first
//! rule a message breaks, so that a stack can drop what the RFC says to drop.
//!
//! MLD, in this order: the hop limit is 1; a query is 24 bytes or at least 28 (section 8.1);
//! its sources, or a report's records, are all present; a query comes from a link-local
//! address, a report or done from a link-local address, or from `::`, which a host sends before
//! it has a link-local address (RFC 3590 section 4) and a router discards (RFC 3810 section
//! 5.2.13): [`LinkRule::UnspecifiedSource`], which a host or a snooping switch (RFC 4541) may
//! accept. The Router Alert option is the caller's to check.
//!
//! Neighbor Discovery, in this order: the hop limit is 255 (the message was not forwarded); the code is
//! 0; every option has a non-zero length and ends within the message; then per type: a router
//! solicitation from `::` has no source link-layer address option; a router advertisement or a
//! redirect comes from a link-local address; a solicitation's or advertisement's target is not
//! multicast; a solicitation from `::` goes to a solicited-node multicast address and has no
//! source link-layer address option; an advertisement to a multicast address has S clear; a
//! redirect's destination is not multicast and its target is link-local or the destination
//! itself. The rules that need a node's state (the redirect's source is the current first hop
//! router, RFC 4861 section 8.1) are the caller's.

use core::fmt;
use core::net::Ipv6Addr;

use zerocopy::ByteSlice;

use super::ndp::{NdOptions, WithOptions};
use super::{Message, V6};
use crate::error::ParseError;
use crate::view::View;

/// The Neighbor Discovery or MLD rule a message breaks.
///
/// ```
/// use icmpwire::v6::{LinkRule, RouterAdvertisement};
///
/// let ra = [134u8, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/// let view = RouterAdvertisement::parse_unverified(&ra[..]).unwrap();
/// let (router, hosts) = ("2001:db8::1".parse().unwrap(), "ff02::1".parse().unwrap());
/// assert_eq!(view.check_rules(255, router, hosts), Err(LinkRule::SourceNotLinkLocal));
/// assert_eq!(view.check_rules(64, router, hosts), Err(LinkRule::HopLimit { hop_limit: 64 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum LinkRule {
    /// The IPv6 hop limit is not the one the messages are sent with: 255 for Neighbor
    /// Discovery (a message that crossed a router has less), 1 for MLD.
    HopLimit {
        /// The hop limit received.
        hop_limit: u8,
    },
    /// An MLD query of 25 to 27 bytes, neither MLDv1 nor MLDv2 (RFC 3810 section 8.1).
    QueryLength {
        /// The message's length.
        len: usize,
    },
    /// The code is not 0.
    Code {
        /// The code received.
        code: u8,
    },
    /// An option of length 0, or one that runs past the end (RFC 4861 section 4.6); an MLDv2
    /// query's sources or a report's records cut short (RFC 3810 sections 5.1.10, 5.2.4).
    Malformed(ParseError),
    /// A router advertisement, redirect or MLD message whose source is not a link-local
    /// address.
    SourceNotLinkLocal,
    /// An MLD report or done from `::` (RFC 3590 section 4): a router discards it (RFC 3810
    /// section 5.2.13); a host or a snooping switch may accept it.
    UnspecifiedSource,
    /// A solicitation from the unspecified address with a source link-layer address option.
    UnspecifiedSourceWithLinkLayerAddress,
    /// A solicitation from the unspecified address to other than a solicited-node multicast
    /// address (duplicate address detection, RFC 4862 section 5.4.2).
    UnspecifiedSourceNotToSolicitedNode,
    /// A neighbor solicitation or advertisement for a multicast target.
    TargetMulticast,
    /// A neighbor advertisement to a multicast address with the S flag set.
    SolicitedToMulticast,
    /// A redirect for a multicast destination.
    DestinationMulticast,
    /// A redirect whose target is neither link-local nor its destination.
    TargetNotLinkLocalNorDestination,
}

impl fmt::Display for LinkRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkRule::HopLimit { hop_limit } => write!(f, "hop limit {hop_limit}"),
            LinkRule::QueryLength { len } => write!(f, "MLD query of {len} bytes"),
            LinkRule::Code { code } => write!(f, "code {code}, not 0"),
            LinkRule::Malformed(e) => write!(f, "{e}"),
            LinkRule::SourceNotLinkLocal => f.write_str("source address not link-local"),
            LinkRule::UnspecifiedSource => f.write_str("unspecified source address"),
            LinkRule::UnspecifiedSourceWithLinkLayerAddress => {
                f.write_str("unspecified source with a source link-layer address option")
            }
            LinkRule::UnspecifiedSourceNotToSolicitedNode => {
                f.write_str("unspecified source, destination not a solicited-node address")
            }
            LinkRule::TargetMulticast => f.write_str("multicast target address"),
            LinkRule::SolicitedToMulticast => {
                f.write_str("solicited flag set to a multicast destination")
            }
            LinkRule::DestinationMulticast => f.write_str("multicast destination address"),
            LinkRule::TargetNotLinkLocalNorDestination => {
                f.write_str("target neither link-local nor the destination")
            }
        }
    }
}

impl<B: ByteSlice, F: WithOptions> View<V6, B, F> {
    /// Checks the rules of RFC 4861 (RFC 3122 for types 141 and 142) that need the IPv6
    /// header: its hop limit and addresses (the source and the final destination). `Ok` when
    /// the message may be processed, else the first rule broken (see the order in
    /// `src/v6/rules.rs`).
    ///
    /// ```
    /// use icmpwire::v6::{LinkRule, NeighborSolicitation};
    ///
    /// // A solicitation for a multicast target.
    /// let mut ns = [0u8; 24];
    /// ns[0] = 135;
    /// ns[8] = 0xff;
    /// let view = NeighborSolicitation::parse_unverified(&ns[..]).unwrap();
    /// let (src, dst) = ("fe80::1".parse().unwrap(), "ff02::1:ff00:0".parse().unwrap());
    /// assert_eq!(view.check_rules(255, src, dst), Err(LinkRule::TargetMulticast));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`LinkRule`] broken.
    pub fn check_rules(&self, hop_limit: u8, src: Ipv6Addr, dst: Ipv6Addr) -> Result<(), LinkRule> {
        if hop_limit != 255 {
            return Err(LinkRule::HopLimit { hop_limit });
        }
        let code = self.code_u8();
        if code != 0 {
            return Err(LinkRule::Code { code });
        }
        self.options().check().map_err(LinkRule::Malformed)?;
        let fields = self.fields().as_bytes();
        let addr = |at: usize| {
            fields
                .get(at..)
                .and_then(<[u8]>::first_chunk::<16>)
                .map_or(Ipv6Addr::UNSPECIFIED, |a| Ipv6Addr::from(*a))
        };
        let (target, destination) = (addr(4), addr(20));
        match self.type_u8() {
            133 if src.is_unspecified() && has_source_address(self.options()) => {
                Err(LinkRule::UnspecifiedSourceWithLinkLayerAddress)
            }
            134 | 137 if !src.is_unicast_link_local() => Err(LinkRule::SourceNotLinkLocal),
            135 | 136 if target.is_multicast() => Err(LinkRule::TargetMulticast),
            135 if src.is_unspecified() && !solicited_node(dst) => {
                Err(LinkRule::UnspecifiedSourceNotToSolicitedNode)
            }
            135 if src.is_unspecified() && has_source_address(self.options()) => {
                Err(LinkRule::UnspecifiedSourceWithLinkLayerAddress)
            }
            136 if dst.is_multicast() && fields.first().is_some_and(|b| b & 0x40 != 0) => {
                Err(LinkRule::SolicitedToMulticast)
            }
            137 if destination.is_multicast() => Err(LinkRule::DestinationMulticast),
            137 if !target.is_unicast_link_local() && target != destination => {
                Err(LinkRule::TargetNotLinkLocalNorDestination)
            }
            _ => Ok(()),
        }
    }
}

/// Whether the options hold a source link-layer address option.
fn has_source_address(options: NdOptions<'_>) -> bool {
    options.map_while(Result::ok).any(|o| o.kind().0 == 1)
}

/// Whether `a` is a solicited-node multicast address, ff02::1:ff00:0/104 (RFC 4291 section
/// 2.7.1).
fn solicited_node(a: Ipv6Addr) -> bool {
    let o = a.octets();
    o.first_chunk::<13>() == Some(&[0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0xff])
}

impl<B: ByteSlice> Message<B> {
    /// The rules of RFC 4861, RFC 3122, RFC 2710 and RFC 3810 that need the IPv6 header, for a
    /// Neighbor Discovery or MLD message: the hop limit and the addresses (the source and the
    /// final destination). `Ok` for every other type.
    ///
    /// ```
    /// use core::net::Ipv6Addr;
    /// use icmpwire::v6::{LinkRule, Message};
    ///
    /// let rs = [133u8, 0, 0, 0, 0, 0, 0, 0];
    /// let msg = Message::parse_unverified(&rs[..]).unwrap();
    /// let (src, dst) = ("fe80::1".parse().unwrap(), "ff02::2".parse().unwrap());
    /// assert_eq!(msg.check_rules(255, src, dst), Ok(()));
    /// assert_eq!(msg.check_rules(254, src, dst), Err(LinkRule::HopLimit { hop_limit: 254 }));
    ///
    /// // An MLDv1 report goes out with hop limit 1.
    /// let report = [131u8, 0, 0, 0, 0, 0, 0, 0, 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x16];
    /// let msg = Message::parse_unverified(&report[..]).unwrap();
    /// assert_eq!(msg.check_rules(1, src, "ff02::16".parse().unwrap()), Ok(()));
    /// assert_eq!(msg.check_rules(1, Ipv6Addr::UNSPECIFIED, dst), Err(LinkRule::UnspecifiedSource));
    /// assert_eq!(msg.check_rules(1, "2001:db8::1".parse().unwrap(), dst), Err(LinkRule::SourceNotLinkLocal));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`LinkRule`] broken.
    pub fn check_rules(&self, hop_limit: u8, src: Ipv6Addr, dst: Ipv6Addr) -> Result<(), LinkRule> {
        let mld_hop = || {
            if hop_limit == 1 {
                Ok(())
            } else {
                Err(LinkRule::HopLimit { hop_limit })
            }
        };
        let mld_source = |unspecified_ok: bool| {
            if src.is_unicast_link_local() {
                Ok(())
            } else if unspecified_ok && src.is_unspecified() {
                Err(LinkRule::UnspecifiedSource)
            } else {
                Err(LinkRule::SourceNotLinkLocal)
            }
        };
        match self {
            Message::RouterSolicitation(v) => v.check_rules(hop_limit, src, dst),
            Message::RouterAdvertisement(v) => v.check_rules(hop_limit, src, dst),
            Message::NeighborSolicitation(v) => v.check_rules(hop_limit, src, dst),
            Message::NeighborAdvertisement(v) => v.check_rules(hop_limit, src, dst),
            Message::Redirect(v) => v.check_rules(hop_limit, src, dst),
            Message::InverseSolicitation(v) | Message::InverseAdvertisement(v) => {
                v.check_rules(hop_limit, src, dst)
            }
            Message::MulticastListenerQuery(v) => {
                mld_hop()?;
                if v.version().is_none() {
                    return Err(LinkRule::QueryLength {
                        len: v.message_len(),
                    });
                }
                v.check_sources().map_err(LinkRule::Malformed)?;
                mld_source(false)
            }
            Message::MulticastListenerReport(_) | Message::MulticastListenerDone(_) => {
                mld_hop()?;
                mld_source(true)
            }
            Message::MulticastListenerReportV2(v) => {
                mld_hop()?;
                v.records()
                    .try_for_each(|r| r.map(|_| ()))
                    .map_err(LinkRule::Malformed)?;
                mld_source(true)
            }
            _ => Ok(()),
        }
    }
}

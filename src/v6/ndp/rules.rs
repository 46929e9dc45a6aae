//! The validity rules of Neighbor Discovery that need the IPv6 header (RFC 4861 sections
//! 6.1.1, 6.1.2, 7.1.1, 7.1.2 and 8.1; RFC 3122 section 5 for the inverse messages): a node
//! silently discards a message that breaks one. Parsing does not apply them, so that a dump
//! shows such messages; [`check_rules`](crate::view::View::check_rules) names the first rule a
//! message breaks, so that a stack can drop what the RFC says to drop.
//!
//! Checked, in this order: the hop limit is 255 (the message was not forwarded); the code is
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

use super::{NdOptions, WithOptions};
use crate::error::ParseError;
use crate::v6::V6;
use crate::view::View;

/// The Neighbor Discovery rule a message breaks.
///
/// ```
/// use icmpwire::v6::{NdRule, RouterAdvertisement};
///
/// let ra = [134u8, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
/// let view = RouterAdvertisement::parse_unverified(&ra[..]).unwrap();
/// let (router, hosts) = ("2001:db8::1".parse().unwrap(), "ff02::1".parse().unwrap());
/// assert_eq!(view.check_rules(255, router, hosts), Err(NdRule::SourceNotLinkLocal));
/// assert_eq!(view.check_rules(64, router, hosts), Err(NdRule::HopLimit { hop_limit: 64 }));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[non_exhaustive]
pub enum NdRule {
    /// The IPv6 hop limit is not 255: the message crossed a router.
    HopLimit {
        /// The hop limit received.
        hop_limit: u8,
    },
    /// The code is not 0.
    Code {
        /// The code received.
        code: u8,
    },
    /// An option of length 0, or one that runs past the end (RFC 4861 section 4.6).
    Options(ParseError),
    /// A router advertisement or redirect whose source is not a link-local address.
    SourceNotLinkLocal,
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

impl fmt::Display for NdRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NdRule::HopLimit { hop_limit } => write!(f, "hop limit {hop_limit}, not 255"),
            NdRule::Code { code } => write!(f, "code {code}, not 0"),
            NdRule::Options(e) => write!(f, "{e}"),
            NdRule::SourceNotLinkLocal => f.write_str("source address not link-local"),
            NdRule::UnspecifiedSourceWithLinkLayerAddress => {
                f.write_str("unspecified source with a source link-layer address option")
            }
            NdRule::UnspecifiedSourceNotToSolicitedNode => {
                f.write_str("unspecified source, destination not a solicited-node address")
            }
            NdRule::TargetMulticast => f.write_str("multicast target address"),
            NdRule::SolicitedToMulticast => {
                f.write_str("solicited flag set to a multicast destination")
            }
            NdRule::DestinationMulticast => f.write_str("multicast destination address"),
            NdRule::TargetNotLinkLocalNorDestination => {
                f.write_str("target neither link-local nor the destination")
            }
        }
    }
}

impl<B: ByteSlice, F: WithOptions> View<V6, B, F> {
    /// Checks the rules of RFC 4861 (RFC 3122 for types 141 and 142) that need the IPv6
    /// header: its hop limit and addresses (the source and the final destination). `Ok` when
    /// the message may be processed, else the first rule broken (see the order in
    /// `src/v6/ndp/rules.rs`).
    ///
    /// ```
    /// use icmpwire::v6::{NdRule, NeighborSolicitation};
    ///
    /// // A solicitation for a multicast target.
    /// let mut ns = [0u8; 24];
    /// ns[0] = 135;
    /// ns[8] = 0xff;
    /// let view = NeighborSolicitation::parse_unverified(&ns[..]).unwrap();
    /// let (src, dst) = ("fe80::1".parse().unwrap(), "ff02::1:ff00:0".parse().unwrap());
    /// assert_eq!(view.check_rules(255, src, dst), Err(NdRule::TargetMulticast));
    /// ```
    ///
    /// # Errors
    ///
    /// The [`NdRule`] broken.
    pub fn check_rules(&self, hop_limit: u8, src: Ipv6Addr, dst: Ipv6Addr) -> Result<(), NdRule> {
        if hop_limit != 255 {
            return Err(NdRule::HopLimit { hop_limit });
        }
        let code = self.code_u8();
        if code != 0 {
            return Err(NdRule::Code { code });
        }
        self.options().check().map_err(NdRule::Options)?;
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
                Err(NdRule::UnspecifiedSourceWithLinkLayerAddress)
            }
            134 | 137 if !src.is_unicast_link_local() => Err(NdRule::SourceNotLinkLocal),
            135 | 136 if target.is_multicast() => Err(NdRule::TargetMulticast),
            135 if src.is_unspecified() && !solicited_node(dst) => {
                Err(NdRule::UnspecifiedSourceNotToSolicitedNode)
            }
            135 if src.is_unspecified() && has_source_address(self.options()) => {
                Err(NdRule::UnspecifiedSourceWithLinkLayerAddress)
            }
            136 if dst.is_multicast() && fields.first().is_some_and(|b| b & 0x40 != 0) => {
                Err(NdRule::SolicitedToMulticast)
            }
            137 if destination.is_multicast() => Err(NdRule::DestinationMulticast),
            137 if !target.is_unicast_link_local() && target != destination => {
                Err(NdRule::TargetNotLinkLocalNorDestination)
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

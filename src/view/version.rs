//! The two IP versions, as the version parameter of [`View`](super::View) and of
//! [`QuotedIp`](crate::QuotedIp): [`V4`] and [`V6`], re-exported by [`v4`](crate::v4) and
//! [`v6`](crate::v6). What differs between them is said by their [`Version`] impls here.

use super::{Version, sealed};

/// ICMPv4, as the version parameter of [`View`](super::View).
///
/// ```
/// use icmpwire::view::Version;
///
/// assert_eq!(icmpwire::v4::V4::echo_reply(8), Some(0));
/// assert_eq!(icmpwire::v4::V4::echo_reply(0), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum V4 {}

impl sealed::Sealed for V4 {}

impl Version for V4 {
    type MessageType = crate::types::v4::MessageType;
    const LENGTH_UNIT: usize = 4;
    const PSEUDO_HEADER: bool = false;

    #[inline(always)]
    fn echo_reply(request: u8) -> Option<u8> {
        match request {
            8 => Some(0),
            15 => Some(16),
            _ => None,
        }
    }
}

/// ICMPv6, as the version parameter of [`View`](super::View).
///
/// ```
/// use icmpwire::view::Version;
///
/// assert_eq!(icmpwire::v6::V6::echo_reply(128), Some(129));
/// assert_eq!(<icmpwire::v6::V6 as Version>::LENGTH_UNIT, 8);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum V6 {}

impl sealed::Sealed for V6 {}

impl Version for V6 {
    type MessageType = crate::types::v6::MessageType;
    const LENGTH_UNIT: usize = 8;
    const PSEUDO_HEADER: bool = true;

    #[inline(always)]
    fn echo_reply(request: u8) -> Option<u8> {
        match request {
            128 => Some(129),
            _ => None,
        }
    }
}

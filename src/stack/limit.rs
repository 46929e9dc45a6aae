//! Rate limits for ICMP errors (RFC 4443 section 2.4 (f), RFC 1812 section 4.3.2.8): a token
//! bucket, and one bucket per destination in a fixed table, both driven by the time the caller
//! gives (a monotonic clock's reading as a [`Duration`]; there is no clock inside).
//!
//! A bucket holds at most `burst` tokens, and `burst` is at most `rate`: one second's worth of
//! errors (RFC 4443 suggests a burst "of at most" that order, and a bucket that could hold more
//! would let a burst pass the rate). It starts full; each error takes one token; tokens come
//! back at `rate` per second. Linux offers the same two limits: a global one (1000 per second,
//! a burst of 50, `net.ipv4.icmp_msgs_per_sec` and `icmp_msgs_burst`) and one per destination
//! (one per second, `icmp_ratelimit`), checked in that order.

use core::net::IpAddr;
use core::time::Duration;

const NANOS_PER_SEC: u64 = 1_000_000_000;

/// A token bucket for errors.
///
/// ```
/// use core::time::Duration;
/// use icmpwire::stack::TokenBucket;
///
/// let mut bucket = TokenBucket::new(10, 2);
/// let t = Duration::from_secs(5);
/// assert!(bucket.allow(t) && bucket.allow(t)); // the burst
/// assert!(!bucket.allow(t));
/// assert!(bucket.allow(t + Duration::from_millis(100))); // one token in a tenth of a second
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TokenBucket {
    rate: u32,
    burst: u32,
    /// What one token costs, in nanoseconds of waiting (rounded up, so that no more than
    /// `rate` pass in a second).
    cost: u64,
    /// The tokens held, in the same unit; at most `burst * cost`.
    credit: u64,
    /// When it was last refilled; `None` before the first call.
    last: Option<Duration>,
}

impl TokenBucket {
    /// A full bucket of `rate` tokens a second and at most `burst` held, `burst` cut to `rate`
    /// (and to 1 at least when the rate is not 0). A rate of 0 lets nothing pass.
    ///
    /// ```
    /// let bucket = icmpwire::stack::TokenBucket::new(100, 500);
    /// assert_eq!((bucket.rate(), bucket.burst()), (100, 100));
    /// ```
    #[must_use]
    pub const fn new(rate: u32, burst: u32) -> TokenBucket {
        let burst = if burst > rate {
            rate
        } else if burst == 0 && rate > 0 {
            1
        } else {
            burst
        };
        let cost = match NANOS_PER_SEC.checked_div(rate as u64) {
            // Rounded up: a rate that does not divide a second never goes over.
            Some(c) if c.saturating_mul(rate as u64) < NANOS_PER_SEC => c.saturating_add(1),
            Some(c) => c,
            None => u64::MAX,
        };
        TokenBucket {
            rate,
            burst,
            cost,
            credit: cost.saturating_mul(burst as u64),
            last: None,
        }
    }

    /// Tokens added per second.
    ///
    /// ```
    /// assert_eq!(icmpwire::stack::TokenBucket::new(7, 3).rate(), 7);
    /// ```
    #[must_use]
    pub const fn rate(&self) -> u32 {
        self.rate
    }

    /// The most tokens held.
    ///
    /// ```
    /// assert_eq!(icmpwire::stack::TokenBucket::new(7, 3).burst(), 3);
    /// ```
    #[must_use]
    pub const fn burst(&self) -> u32 {
        self.burst
    }

    /// Whether an error may be sent at `now`, taking a token if so. A time before the last one
    /// given (a clock that went back) adds no tokens.
    ///
    /// ```
    /// use core::time::Duration;
    ///
    /// let mut bucket = icmpwire::stack::TokenBucket::new(1, 1);
    /// assert!(bucket.allow(Duration::ZERO));
    /// assert!(!bucket.allow(Duration::from_millis(999)));
    /// assert!(bucket.allow(Duration::from_secs(1)));
    /// ```
    pub fn allow(&mut self, now: Duration) -> bool {
        if self.rate == 0 {
            return false;
        }
        // In nanoseconds: `Duration` arithmetic has panic paths the compiler cannot remove.
        let elapsed = self
            .last
            .map_or(0, |last| now.as_nanos().saturating_sub(last.as_nanos()));
        let elapsed = u64::try_from(elapsed).unwrap_or(u64::MAX);
        let full = self.cost.saturating_mul(u64::from(self.burst));
        self.credit = self.credit.saturating_add(elapsed).min(full);
        if self.last.is_none_or(|last| now > last) {
            self.last = Some(now);
        }
        match self.credit.checked_sub(self.cost) {
            Some(left) => {
                self.credit = left;
                true
            }
            None => false,
        }
    }
}

/// One token bucket per destination, for the `N` destinations errors went to last (no
/// allocation; a new destination takes the place of the one idle longest, with a full bucket).
///
/// ```
/// use core::net::{IpAddr, Ipv4Addr};
/// use core::time::Duration;
/// use icmpwire::stack::PerDestination;
///
/// let mut limits: PerDestination<64> = PerDestination::new(1, 1);
/// let a = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
/// let b = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 2));
/// let t = Duration::from_secs(1);
/// assert!(limits.allow(a, t));
/// assert!(!limits.allow(a, t)); // a's second error within the second
/// assert!(limits.allow(b, t)); // b has its own bucket
/// ```
#[derive(Clone, Debug)]
pub struct PerDestination<const N: usize> {
    slots: [Option<(IpAddr, TokenBucket)>; N],
    fresh: TokenBucket,
}

impl<const N: usize> PerDestination<N> {
    /// `N` buckets of [`TokenBucket::new(rate, burst)`](TokenBucket::new), none in use yet.
    ///
    /// ```
    /// let limits: icmpwire::stack::PerDestination<8> = icmpwire::stack::PerDestination::new(1, 6);
    /// assert_eq!(limits.len(), 0);
    /// ```
    #[must_use]
    pub const fn new(rate: u32, burst: u32) -> Self {
        PerDestination {
            slots: [None; N],
            fresh: TokenBucket::new(rate, burst),
        }
    }

    /// How many destinations have a bucket.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv6Addr};
    /// let mut limits: icmpwire::stack::PerDestination<2> = icmpwire::stack::PerDestination::new(1, 1);
    /// limits.allow(IpAddr::V6(Ipv6Addr::LOCALHOST), core::time::Duration::ZERO);
    /// assert_eq!(limits.len(), 1);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|s| s.is_some()).count()
    }

    /// Whether no destination has a bucket yet.
    ///
    /// ```
    /// let limits: icmpwire::stack::PerDestination<2> = icmpwire::stack::PerDestination::new(1, 1);
    /// assert!(limits.is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether an error to `dst` may be sent at `now`, taking a token from its bucket if so.
    /// With `N` = 0 nothing passes.
    ///
    /// ```
    /// use core::net::{IpAddr, Ipv4Addr};
    /// use core::time::Duration;
    ///
    /// let mut limits: icmpwire::stack::PerDestination<1> = icmpwire::stack::PerDestination::new(1, 1);
    /// let a = IpAddr::V4(Ipv4Addr::new(192, 0, 2, 1));
    /// assert!(limits.allow(a, Duration::ZERO));
    /// assert!(limits.allow(a, Duration::from_secs(1)));
    /// ```
    pub fn allow(&mut self, dst: IpAddr, now: Duration) -> bool {
        let found = self
            .slots
            .iter()
            .position(|s| s.is_some_and(|(a, _)| a == dst));
        let at = found
            .or_else(|| self.slots.iter().position(Option::is_none))
            .or_else(|| {
                // The destination idle longest gives its place.
                self.slots
                    .iter()
                    .enumerate()
                    .min_by_key(|(_, s)| s.and_then(|(_, b)| b.last))
                    .map(|(i, _)| i)
            });
        let Some(slot) = at.and_then(|i| self.slots.get_mut(i)) else {
            return false;
        };
        if found.is_none() {
            *slot = Some((dst, self.fresh));
        }
        slot.as_mut().is_some_and(|(_, bucket)| bucket.allow(now))
    }
}

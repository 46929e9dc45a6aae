//! Writing messages into a caller's buffer: what every builder shares, below the message
//! families and the RFC 4884 extensions that use it (this module knows none of them).
//!
//! A builder description (a `*Repr` struct) implements [`Build`]: how long it is, what cannot
//! be written, and how to fill a buffer of exactly that length. [`emit`] drives it the same way
//! for every message of either IP version: check first and write nothing on error, then every
//! byte of the message (reserved and unused fields as given, whatever the buffer held), then
//! the checksum last, computed from the values written rather than by reading the buffer
//! back.

use core::mem::size_of;

use zerocopy::{Immutable, IntoBytes};

use crate::checksum;
use crate::error::EmitError;
use crate::view::Header;

/// A description of a message that [`emit`] can write.
pub(crate) trait Build {
    /// The number of bytes the message takes.
    fn buffer_len(&self) -> usize;

    /// What cannot be written (a field too long for its length field), found before anything
    /// is written.
    #[inline(always)]
    fn check(&self) -> Result<(), EmitError> {
        Ok(())
    }

    /// [`check`](Self::check), then [`buffer_len`](Self::buffer_len): the length of a message
    /// that can be written. A builder whose checks and length walk the same list (Neighbor
    /// Discovery options) does both in one walk.
    ///
    /// # Errors
    ///
    /// What [`check`](Self::check) finds.
    #[inline(always)]
    fn checked_len(&self) -> Result<usize, EmitError> {
        self.check()?;
        Ok(self.buffer_len())
    }

    /// Writes the message as type `ty` into `out`, exactly [`buffer_len`](Self::buffer_len)
    /// bytes, with a zero checksum field; returns the one's complement accumulator of what it
    /// wrote.
    fn fill(&self, ty: u8, out: &mut [u8]) -> u64;
}

/// Writes `message` as type `ty` at the start of `buf` and returns its length; `initial` is the
/// accumulator of what the checksum covers besides the message (the ICMPv6 pseudo-header; 0 on
/// ICMPv4).
///
/// # Errors
///
/// [`EmitError::BufferTooSmall`] when `buf` is too short, and what [`Build::check`] finds;
/// nothing is written then.
#[inline(always)]
pub(crate) fn emit(
    message: &impl Build,
    ty: u8,
    initial: u64,
    buf: &mut [u8],
) -> Result<usize, EmitError> {
    emit_with(message, ty, |_| initial, buf)
}

/// [`emit`] for a message whose checksum also covers something that holds the message's length
/// (the ICMPv6 pseudo-header): `initial` computes its accumulator from the length, which
/// [`Build::checked_len`] finds once, with the checks.
///
/// # Errors
///
/// As [`emit`].
#[inline(always)]
pub(crate) fn emit_with(
    message: &impl Build,
    ty: u8,
    initial: impl FnOnce(usize) -> u64,
    buf: &mut [u8],
) -> Result<usize, EmitError> {
    let required = message.checked_len()?;
    let initial = initial(required);
    let out = room(buf, required)?;
    let sum = message.fill(ty, out);
    let value = checksum::finish(checksum::combine(initial, sum));
    if let Some(field) = out.get_mut(2..4) {
        field.copy_from_slice(&value.to_be_bytes());
    }
    Ok(required)
}

/// The first `required` bytes of `buf`, or [`EmitError::BufferTooSmall`]: where every writer
/// checks its buffer before writing anything.
#[inline(always)]
pub(crate) fn room(buf: &mut [u8], required: usize) -> Result<&mut [u8], EmitError> {
    let actual = buf.len();
    buf.get_mut(..required)
        .ok_or(EmitError::BufferTooSmall { required, actual })
}

/// The length of a message of fields `F` and `body` bytes after them.
#[inline(always)]
pub(crate) fn len_with<F>(body: &[u8]) -> usize {
    size_of::<Header<F>>().saturating_add(body.len())
}

/// Writes pieces one after the other into a buffer, then zeroes what they left (padding): the
/// fields of a Neighbor Discovery option, of an IPv4 option list.
pub(crate) struct Writer<'b>(&'b mut [u8]);

impl<'b> Writer<'b> {
    /// A writer at the start of `buf`.
    #[inline]
    pub(crate) const fn new(buf: &'b mut [u8]) -> Self {
        Self(buf)
    }

    /// The next `n` bytes (fewer at the end).
    #[inline]
    pub(crate) fn take(&mut self, n: usize) -> &'b mut [u8] {
        let buf = core::mem::take(&mut self.0);
        let n = n.min(buf.len());
        match buf.split_at_mut_checked(n) {
            Some((head, rest)) => {
                self.0 = rest;
                head
            }
            None => &mut [],
        }
    }

    /// Copies `bytes` into the next bytes.
    #[inline]
    pub(crate) fn put(&mut self, bytes: &[u8]) {
        copy(self.take(bytes.len()), bytes);
    }

    /// Zeroes what the pieces did not fill: padding, never stale bytes.
    #[inline]
    pub(crate) fn zero_rest(self) {
        self.0.fill(0);
    }
}

/// Copies as much of `src` as fits into `dst` (they have equal lengths wherever it is called).
#[inline]
pub(crate) fn copy(dst: &mut [u8], src: &[u8]) {
    let n = dst.len().min(src.len());
    if let (Some(d), Some(s)) = (dst.get_mut(..n), src.get(..n)) {
        d.copy_from_slice(s);
    }
}

/// Writes a wire header (its checksum field zero) and the payload after it into `out` (exactly
/// their length), and returns the one's complement accumulator of the whole: the checksum is
/// computed from the values written, not by re-reading the buffer.
#[inline]
pub(crate) fn write_payload<H: IntoBytes + Immutable>(
    header: &H,
    payload: &[u8],
    out: &mut [u8],
) -> u64 {
    let (head, rest) = out
        .split_at_mut_checked(size_of::<H>())
        .unwrap_or((&mut [], &mut []));
    let bytes = header.as_bytes();
    copy(head, bytes);
    // Every header is an even number of bytes, so the payload's words line up.
    checksum::combine(
        checksum::sum_part(bytes),
        checksum::copy_and_sum(rest, payload),
    )
}

//! What every view computes the same way from its bytes alone, whatever its fields: the
//! [`Parts`] an enum of views (`v4::Message`) reads after one match, the checksum the message
//! needs, and the set of types a family serves.

use core::fmt;

use crate::checksum;
use crate::error::ParseError;

/// The set of `types` (every type when there is none), one bit per type, in 32-bit words
/// (64-bit shifts are library calls on 32-bit targets).
pub(super) const fn type_set(types: &[u8]) -> [u32; 8] {
    if types.is_empty() {
        return [u32::MAX; 8];
    }
    let mut set = [0u32; 8];
    let mut rest = types;
    while let [t, tail @ ..] = rest {
        set = with_bit(set, (*t >> 5) as usize, 1 << (*t & 31));
        rest = tail;
    }
    set
}

/// `set` with `bit` added to word `w` (const fns cannot index mutably yet).
const fn with_bit(set: [u32; 8], w: usize, bit: u32) -> [u32; 8] {
    let [a, b, c, d, e, f, g, h] = set;
    match w {
        0 => [a | bit, b, c, d, e, f, g, h],
        1 => [a, b | bit, c, d, e, f, g, h],
        2 => [a, b, c | bit, d, e, f, g, h],
        3 => [a, b, c, d | bit, e, f, g, h],
        4 => [a, b, c, d, e | bit, f, g, h],
        5 => [a, b, c, d, e, f | bit, g, h],
        6 => [a, b, c, d, e, f, g | bit, h],
        _ => [a, b, c, d, e, f, g, h | bit],
    }
}

/// Whether `ty` is in `set` ([`type_set`]).
#[inline(always)]
pub(super) fn in_set(set: &[u32; 8], ty: u8) -> bool {
    let word = set.get(usize::from(ty >> 5)).copied().unwrap_or(0);
    word >> (ty & 31) & 1 == 1
}

/// A view's bytes without its fields' type: what the enums that hold a view of any type
/// (`v4::Message`) read, after one match, with the same code as every view.
#[derive(Clone, Copy)]
pub struct Parts<'a> {
    /// Type, code and checksum: the first 4 bytes of `header`, every view's. Read through this
    /// fixed-size array, they need no length, so every arm of an enum's match gives the same
    /// pointer and the match folds away (through `header`, each arm checked its own length).
    pub(super) head: &'a [u8; 4],
    /// The header: type, code, checksum, the fields.
    pub(super) header: &'a [u8],
    /// Everything after the header.
    pub(super) rest: &'a [u8],
    /// How much of `rest` belongs to the fixed part ([`Fields::skip`](super::Fields::skip)).
    pub(super) skip: usize,
    /// [`Fields::NAME`](super::Fields::NAME).
    pub(super) name: &'static str,
}

impl<'a> Parts<'a> {
    /// The view's name ([`Fields::NAME`]).
    #[cfg_attr(not(feature = "defmt"), allow(dead_code))]
    #[inline]
    pub(crate) fn name(&self) -> &'static str {
        self.name
    }

    /// The type byte.
    #[inline]
    pub(crate) fn type_u8(&self) -> u8 {
        let [ty, ..] = *self.head;
        ty
    }

    /// The code byte.
    #[inline]
    pub(crate) fn code_u8(&self) -> u8 {
        let [_, code, ..] = *self.head;
        code
    }

    /// The checksum field.
    #[inline]
    pub(crate) fn checksum(&self) -> u16 {
        let [_, _, hi, lo] = *self.head;
        u16::from_be_bytes([hi, lo])
    }

    /// See [`View::payload`](super::View::payload).
    #[inline]
    pub(crate) fn payload(&self) -> &'a [u8] {
        self.rest.get(self.skip..).unwrap_or(&[])
    }

    /// See [`View::payload_offset`](super::View::payload_offset).
    #[inline]
    pub(crate) fn payload_offset(&self) -> usize {
        self.header.len().wrapping_add(self.skip)
    }

    /// See [`View::message_len`](super::View::message_len).
    #[inline]
    pub(crate) fn message_len(&self) -> usize {
        self.header.len().wrapping_add(self.rest.len())
    }

    /// The one's complement sum (host order) of the whole message, checksum field included,
    /// starting from `initial` (the accumulator of the ICMPv6 pseudo-header, 0 on ICMPv4).
    #[inline]
    pub(crate) fn sum_from(&self, initial: u64) -> u16 {
        let header = checksum::sum_part(self.header);
        let body = checksum::sum_part(self.rest);
        checksum::fold_host(checksum::combine(initial, checksum::combine(header, body)))
    }

    /// See [`needed_checksum`].
    #[inline]
    pub(crate) fn needed_checksum(&self, sum: u16, exact_zero: bool) -> u16 {
        needed_checksum(self.header, self.rest, sum, exact_zero)
    }
}

/// The checksum a message (`header` and `rest`) needs, from `sum`, its one's complement sum
/// with the field as it is ([`Parts::sum_from`]): RFC 1624 equation 3 takes the field out (no
/// second pass). `exact_zero` makes the all-zero case exact (a message that is all zero but
/// for its checksum needs `0xFFFF`), which only applies when nothing else was summed (ICMPv4).
#[inline]
fn needed_checksum(header: &[u8], rest: &[u8], sum: u16, exact_zero: bool) -> u16 {
    let found = match header.get(2..4) {
        Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
        _ => 0,
    };
    let c = checksum::update_u16(!sum, found, 0);
    if exact_zero {
        fix_all_zero(c, header, rest)
    } else {
        c
    }
}

/// The error of a message whose sum is `sum`, not `0xFFFF`: the field as found, and the value
/// it needs ([`needed_checksum`]).
#[inline]
pub(super) fn bad_checksum(header: &[u8], rest: &[u8], sum: u16, exact_zero: bool) -> ParseError {
    let found = match header.get(2..4) {
        Some(&[hi, lo]) => u16::from_be_bytes([hi, lo]),
        _ => 0,
    };
    ParseError::BadChecksum {
        found,
        expected: needed_checksum(header, rest, sum, exact_zero),
    }
}

impl fmt::Debug for Parts<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(self.name)
            .field("type", &self.type_u8())
            .field("code", &self.code_u8())
            .field("checksum", &self.checksum())
            .field("len", &self.message_len())
            .finish()
    }
}

/// The checksum field of a message that is all zero apart from it must be `0xFFFF` (the
/// complement of `+0`); RFC 1624 equation 3 yields `0x0000` there. `checksum` is the value the
/// incremental update produced; `head` and `rest` the message (the checksum field, bytes 2
/// and 3 of `head`, is skipped).
#[inline(always)]
pub(crate) fn fix_all_zero(checksum: u16, head: &[u8], rest: &[u8]) -> u16 {
    if checksum != 0 {
        return checksum;
    }
    all_zero_checksum(head, rest)
}

/// The rare case of [`fix_all_zero`]: is everything but the checksum field zero?
#[cold]
#[inline(never)]
fn all_zero_checksum(head: &[u8], rest: &[u8]) -> u16 {
    let zero = |b: &[u8]| b.iter().all(|&x| x == 0);
    let (first, after) = head.split_at_checked(2).unwrap_or((head, &[]));
    let after = after.get(2..).unwrap_or(&[]);
    if zero(first) && zero(after) && zero(rest) {
        0xFFFF
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The set holds exactly the types listed, in every one of its eight words (the families
    /// of today use words 0, 1, 4 and 5 only), a type listed twice included; an empty list is
    /// every type.
    #[test]
    fn type_set_holds_exactly_its_types() {
        let lists: [&[u8]; 6] = [
            &[0, 31, 32, 63, 64, 95, 96, 127],
            &[128, 159, 160, 191, 192, 223, 224, 255],
            &[70, 70, 100, 200, 200, 250],
            &[40, 40, 100, 100, 130, 130, 170, 170, 240, 240],
            &[3, 11, 12, 3],
            &[],
        ];
        for list in lists {
            let set = type_set(list);
            for ty in 0..=255u8 {
                let want = list.is_empty() || list.contains(&ty);
                assert_eq!(in_set(&set, ty), want, "type {ty} in {list:?}");
            }
        }
    }
}

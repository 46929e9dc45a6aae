//! What the ICMPv4 and ICMPv6 answers share below the message: reading a UDP datagram's
//! port, moving a request's message up to a new header, and naming a buffer too small.

use crate::checksum::Checksum;
use crate::error::EmitError;

use super::NoAnswer;

/// The destination port of the UDP datagram `udp`, if its length field fits and, when
/// `verify`, its checksum (when not 0) verifies; `pseudo` adds the pseudo-header's addresses
/// and protocol (the same for both IP versions, RFC 768 and RFC 8200 section 8.1).
pub(super) fn udp_port(
    udp: &[u8],
    verify: bool,
    pseudo: impl FnOnce(&mut Checksum),
) -> Result<u16, NoAnswer> {
    let &[_, _, p0, p1, l0, l1, c0, c1, ..] = udp else {
        return Err(NoAnswer::BadUdp);
    };
    let len = u16::from_be_bytes([l0, l1]);
    let datagram = udp.get(..usize::from(len)).ok_or(NoAnswer::BadUdp)?;
    if len < 8 {
        return Err(NoAnswer::BadUdp);
    }
    if verify && [c0, c1] != [0, 0] {
        let mut sum = Checksum::new();
        pseudo(&mut sum);
        sum.add_u16(len);
        sum.add_bytes(datagram);
        if sum.sum() != 0xFFFF {
            return Err(NoAnswer::BadUdp);
        }
    }
    Ok(u16::from_be_bytes([p0, p1]))
}

/// Moves the `len` bytes at `from` in `buf` down to `to` (the end of the answer's header,
/// which is not after them), byte by byte from the front, as the ranges may overlap.
pub(super) fn move_up(buf: &mut [u8], from: usize, to: usize, len: usize) {
    if from == to {
        return;
    }
    for i in 0..len {
        if let Some(&b) = buf.get(from.saturating_add(i))
            && let Some(d) = buf.get_mut(to.saturating_add(i))
        {
            *d = b;
        }
    }
}

pub(super) fn too_small(required: usize, actual: usize) -> NoAnswer {
    NoAnswer::Buffer(EmitError::BufferTooSmall { required, actual })
}

/// An emit error of the message written after a `header`-byte IP header, with the lengths
/// of the whole answer and of the caller's buffer (`actual`).
pub(super) fn emit_error(e: EmitError, header: usize, actual: usize) -> NoAnswer {
    match e {
        EmitError::BufferTooSmall { required, .. } => {
            too_small(header.saturating_add(required), actual)
        }
        e => NoAnswer::Buffer(e),
    }
}

//! Plausible IPv4 datagrams (RFC 791) for the message generators of the `arbitrary` and
//! `proptest` features: what a host sent before a router quoted it in an error.

use alloc::vec;
use alloc::vec::Vec;

use crate::checksum::internet_checksum;

/// The fields of an offending IPv4 datagram. Never a later fragment (offset 0, MF clear), so
/// that the transport header follows the IPv4 header.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Datagram<'a> {
    /// IHL in words, 5 to 15.
    pub(crate) ihl: u8,
    pub(crate) tos: u8,
    pub(crate) identification: u16,
    pub(crate) dont_fragment: bool,
    pub(crate) ttl: u8,
    pub(crate) protocol: u8,
    pub(crate) src: [u8; 4],
    pub(crate) dst: [u8; 4],
    /// Option bytes, as given (not necessarily well-formed options: parsers of quotes must
    /// cope): the first `ihl * 4 - 20` are used, zeros after them.
    pub(crate) options: &'a [u8],
    /// What follows the header; an ICMP payload is made an echo request (type 8, code 0, its
    /// checksum right), as ping and `traceroute --icmp` send; a UDP payload gets its length
    /// field right (the UDP checksum is left as given).
    pub(crate) payload: &'a [u8],
}

impl Datagram<'_> {
    /// The datagram's bytes, header checksum computed.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        let ihl = self.ihl.clamp(5, 15);
        let header_len = usize::from(ihl).saturating_mul(4);
        let total = header_len.saturating_add(self.payload.len());
        let mut d = vec![0u8; total];
        let mut fixed = [0u8; 20];
        let len = u16::try_from(total).unwrap_or(u16::MAX).to_be_bytes();
        let id = self.identification.to_be_bytes();
        let flags = if self.dont_fragment { 0x40 } else { 0 };
        for (slot, value) in fixed.iter_mut().zip(
            [
                0x40 | ihl,
                self.tos,
                len[0],
                len[1],
                id[0],
                id[1],
                flags,
                0,
                self.ttl,
                self.protocol,
            ]
            .into_iter()
            .chain([0, 0])
            .chain(self.src)
            .chain(self.dst),
        ) {
            *slot = value;
        }
        if let Some(h) = d.get_mut(..20) {
            h.copy_from_slice(&fixed);
        }
        if let Some(options) = d.get_mut(20..header_len) {
            for (o, b) in options.iter_mut().zip(self.options) {
                *o = *b;
            }
        }
        if let Some(payload) = d.get_mut(header_len..) {
            payload.copy_from_slice(self.payload);
            match self.protocol {
                1 => {
                    if let Some(t) = payload.get_mut(..2) {
                        t.copy_from_slice(&[8, 0]);
                    }
                    store_checksum(payload, 2);
                }
                17 => {
                    // The UDP length covers the whole datagram's payload (RFC 768).
                    let len = u16::try_from(payload.len())
                        .unwrap_or(u16::MAX)
                        .to_be_bytes();
                    if let Some(l) = payload.get_mut(4..6) {
                        l.copy_from_slice(&len);
                    }
                }
                _ => {}
            }
        }
        if let Some(h) = d.get_mut(..header_len) {
            store_checksum(h, 10);
        }
        d
    }
}

/// Zeroes the 16-bit field at `at`, computes the RFC 1071 checksum of `bytes` and stores it
/// there (nothing if the field is past the end).
pub(crate) fn store_checksum(bytes: &mut [u8], at: usize) {
    let Some(end) = at.checked_add(2).filter(|&e| e <= bytes.len()) else {
        return;
    };
    if let Some(field) = bytes.get_mut(at..end) {
        field.fill(0);
    }
    let sum = internet_checksum(bytes).to_be_bytes();
    if let Some(field) = bytes.get_mut(at..end) {
        field.copy_from_slice(&sum);
    }
}

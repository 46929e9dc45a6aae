//! The answer to an RFC 8335 extended echo request (PROBE), the same for ICMPv4 and ICMPv6:
//! section 4's checks of the query, in order, then the host's word on the interface.

use zerocopy::ByteSlice;

use crate::ExtendedEchoReplyRepr;
use crate::extension::{Extensions, InterfaceAddress, InterfaceIdentification};
use crate::message::extended_echo::{ExtendedEchoFields, Request};
use crate::types::v4::ExtendedEchoReplyCode;
use crate::view::{Fields, Version, View};

use super::{AnswerKind, Host, InterfaceState, NoAnswer};

/// The reply to an extended echo request of either version (RFC 8335 section 4): only when the
/// host enables probing, and only about its own interfaces (the L bit set); the identifier,
/// sequence number and extension structure returned, as Linux does.
pub(super) fn reply<'a, H, I, B>(
    host: &H,
    request: &'a View<I, B, ExtendedEchoFields<Request>>,
) -> Result<ExtendedEchoReplyRepr<'a>, NoAnswer>
where
    H: Host + ?Sized,
    I: Version,
    B: ByteSlice,
    ExtendedEchoFields<Request>: Fields<I>,
{
    if !host.probe_enabled() {
        return Err(NoAnswer::Disabled(AnswerKind::ExtendedEchoReply));
    }
    if !request.local() {
        return Err(NoAnswer::ProbeOfNeighbor);
    }
    let (code, state) = probe(host, request.payload());
    Ok(ExtendedEchoReplyRepr {
        code,
        identifier: request.identifier(),
        sequence: request.sequence(),
        active: state.active,
        ipv4: state.ipv4,
        ipv6: state.ipv6,
        payload: request.payload(),
        ..ExtendedEchoReplyRepr::default()
    })
}

/// RFC 8335 section 2.1: the interface identification object's class.
const INTERFACE_IDENTIFICATION: u8 = 3;

/// The reply's code and state for the extension structure `payload` of a request (the bytes
/// after its 8-byte header).
///
/// Malformed (code 1): no extension structure, a version other than 2, a structure whose
/// checksum is wrong, no object or a first object that is not a well-formed interface
/// identification object (class 3, c-type 1 to 3), an index of other than 4 bytes, or an
/// address whose length field is not the rest of the object, or is not 4 for AFI 1 and 16
/// for AFI 2. Otherwise the host's answer (code 0 with the state, or its own code).
fn probe<H: Host + ?Sized>(host: &H, payload: &[u8]) -> (ExtendedEchoReplyCode, InterfaceState) {
    match identification(payload) {
        Some(which) => match host.interface(which) {
            Ok(state) => (ExtendedEchoReplyCode::NO_ERROR, state),
            Err(code) => (code, InterfaceState::default()),
        },
        None => (
            ExtendedEchoReplyCode::MALFORMED_QUERY,
            InterfaceState::default(),
        ),
    }
}

/// The interface a well-formed query names.
fn identification(payload: &[u8]) -> Option<InterfaceIdentification<'_>> {
    let ext = Extensions::parse(payload).ok()?;
    if ext.version() != 2 || !ext.checksum_valid() {
        return None;
    }
    let object = ext.objects().next()?.ok()?;
    if object.class_num() != INTERFACE_IDENTIFICATION {
        return None;
    }
    let data = object.raw_data();
    let which = InterfaceIdentification::parse(object.c_type(), data).ok()?;
    let exact = match which {
        InterfaceIdentification::Name(_) => true,
        InterfaceIdentification::Index(_) => data.len() == 4,
        InterfaceIdentification::Address { address, length } => {
            let known = !matches!(address, InterfaceAddress::Other { .. });
            known && data.len() == usize::from(length).wrapping_add(4)
        }
        InterfaceIdentification::Other { .. } => false,
    };
    exact.then_some(which)
}

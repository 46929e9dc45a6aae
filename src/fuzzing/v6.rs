//! `Arbitrary` for the ICMPv6 builder descriptions (RFC 4443, 4884, 8335): every value emits
//! without error and parses back to itself, between any two addresses.

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::v6::{
    MessageType, PacketTooBigRepr, ParameterProblemCode, ParameterProblemRepr, RawRepr, Repr,
    TimeExceededCode, UnreachableCode,
};

arbitrary_u8!(
    MessageType,
    UnreachableCode,
    TimeExceededCode,
    ParameterProblemCode
);

impl<'a> Arbitrary<'a> for PacketTooBigRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            mtu: u.arbitrary()?,
            quote: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for ParameterProblemRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            pointer: u.arbitrary()?,
            quote: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for RawRepr<'a> {
    /// A type without a typed view (so that it parses back as [`Repr::Other`]).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let t: u8 = u.arbitrary()?;
        let message_type = if crate::v6::has_view(t) {
            MessageType(t.wrapping_add(10))
        } else {
            MessageType(t)
        };
        Ok(Self {
            message_type,
            code: u.arbitrary()?,
            body: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for Repr<'a> {
    /// Any message type, each as its own description's `Arbitrary` makes it.
    ///
    /// ```
    /// use arbitrary::{Arbitrary, Unstructured};
    /// use core::net::Ipv6Addr;
    /// use icmpwire::v6::{Message, Repr};
    ///
    /// let (src, dst) = (Ipv6Addr::LOCALHOST, Ipv6Addr::UNSPECIFIED);
    /// let input = [3u8; 64];
    /// let repr = Repr::arbitrary(&mut Unstructured::new(&input)).unwrap();
    /// let mut buf = vec![0u8; repr.buffer_len()];
    /// repr.emit(src, dst, &mut buf).unwrap();
    /// assert_eq!(Message::parse(&buf[..], src, dst).unwrap().to_repr(), repr);
    /// ```
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(match u.int_in_range(0u8..=8)? {
            0 => Repr::DestinationUnreachable(u.arbitrary()?),
            1 => Repr::PacketTooBig(u.arbitrary()?),
            2 => Repr::TimeExceeded(u.arbitrary()?),
            3 => Repr::ParameterProblem(u.arbitrary()?),
            4 => Repr::EchoRequest(u.arbitrary()?),
            5 => Repr::EchoReply(u.arbitrary()?),
            6 => Repr::ExtendedEchoRequest(u.arbitrary()?),
            7 => Repr::ExtendedEchoReply(u.arbitrary()?),
            _ => Repr::Other(u.arbitrary()?),
        })
    }
}

//! `Arbitrary` for the builder descriptions: every value emits without error and parses back
//! to itself (RFC 792, 1256, 4884, 8335 field ranges respected where the wire has fewer bits).

use core::net::Ipv4Addr;

use arbitrary::{Arbitrary, Result, Unstructured};

use crate::extension::{InterfaceRole, MplsEntry};
use crate::message::quoting::Rfc4884Repr;
use crate::v4::{
    AddressMaskRepr, DestinationUnreachableRepr, DomainNameReplyRepr, DomainNameRequestRepr,
    ExtendedEchoReplyCode, MessageType, ParameterProblemCode, ParameterProblemRepr, PhoturisCode,
    PhoturisRepr, RawRepr, RedirectCode, RedirectRepr, Repr, RouterAdvertisementCode,
    RouterAdvertisementRepr, RouterEntriesRepr, RouterEntry, RouterSolicitationRepr,
    SourceQuenchRepr, TimeExceededCode, TimestampRepr, TracerouteCode, TracerouteRepr,
    UnreachableCode,
};
use crate::{EchoRepr, ExtendedEchoReplyRepr, ExtendedEchoRequestRepr};

arbitrary_u8!(
    MessageType,
    UnreachableCode,
    RedirectCode,
    TimeExceededCode,
    ParameterProblemCode,
    RouterAdvertisementCode,
    PhoturisCode,
    ExtendedEchoReplyCode,
    TracerouteCode
);

impl<'a> Arbitrary<'a> for InterfaceRole {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self(u.int_in_range(0..=3)?))
    }
}

impl<'a> Arbitrary<'a> for RouterEntry {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            address: Ipv4Addr::from(u.arbitrary::<u32>()?),
            preference: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for MplsEntry {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            label: u.int_in_range(0..=0xF_FFFF)?,
            traffic_class: u.int_in_range(0..=7)?,
            bottom_of_stack: u.arbitrary()?,
            ttl: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for EchoRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            data: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for TimestampRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            originate: u.arbitrary()?,
            receive: u.arbitrary()?,
            transmit: u.arbitrary()?,
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for AddressMaskRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            mask: Ipv4Addr::from(u.arbitrary::<u32>()?),
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for DestinationUnreachableRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            unused: u.arbitrary()?,
            length_field: u.arbitrary()?,
            next_hop_mtu: u.arbitrary()?,
            quote: u.arbitrary()?,
            extensions: &[],
        })
    }
}

impl<'a> Arbitrary<'a> for SourceQuenchRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            unused: u.arbitrary()?,
            quote: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for RedirectRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            gateway: Ipv4Addr::from(u.arbitrary::<u32>()?),
            quote: u.arbitrary()?,
        })
    }
}

impl<'a, C: Arbitrary<'a>> Arbitrary<'a> for Rfc4884Repr<'a, C> {
    /// ICMPv4's time exceeded, ICMPv6's destination unreachable and time exceeded: 24 unused
    /// bits on both versions.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            length_field: u.arbitrary()?,
            unused: u.int_in_range(0..=0x00FF_FFFF)?,
            quote: u.arbitrary()?,
            extensions: &[],
        })
    }
}

impl<'a> Arbitrary<'a> for ParameterProblemRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            pointer: u.arbitrary()?,
            length_field: u.arbitrary()?,
            unused: u.arbitrary()?,
            quote: u.arbitrary()?,
            extensions: &[],
        })
    }
}

impl<'a> Arbitrary<'a> for RouterAdvertisementRepr<'a> {
    /// Entries as raw bytes (2 words each in three cases out of four, up to 8 words otherwise),
    /// so that the description borrows from the input like the others.
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let num_addrs: u8 = u.int_in_range(0..=32)?;
        let entry_size: u8 = if u.ratio(3, 4)? {
            2
        } else {
            u.int_in_range(3..=8)?
        };
        let len = usize::from(num_addrs)
            .saturating_mul(usize::from(entry_size))
            .saturating_mul(4);
        Ok(Self {
            code: u.arbitrary()?,
            lifetime: u.arbitrary()?,
            entries: RouterEntriesRepr::Raw {
                num_addrs,
                entry_size,
                bytes: u.bytes(len)?,
            },
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for RouterSolicitationRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            reserved: u.arbitrary()?,
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for ExtendedEchoRequestRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            local: u.arbitrary()?,
            reserved: u.int_in_range(0..=0x7F)?,
            payload: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for ExtendedEchoReplyRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            state: u.int_in_range(0..=7)?,
            reserved: u.int_in_range(0..=3)?,
            active: u.arbitrary()?,
            ipv4: u.arbitrary()?,
            ipv6: u.arbitrary()?,
            payload: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for TracerouteRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            unused: u.arbitrary()?,
            outbound_hop_count: u.arbitrary()?,
            return_hop_count: u.arbitrary()?,
            output_link_speed: u.arbitrary()?,
            output_link_mtu: u.arbitrary()?,
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for PhoturisRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            reserved: u.arbitrary()?,
            pointer: u.arbitrary()?,
            quote: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for DomainNameRequestRepr<'a> {
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            trailing: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for DomainNameReplyRepr<'a> {
    /// The names are any bytes: a reply parses whatever its names hold (they are read lazily).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        Ok(Self {
            code: u.arbitrary()?,
            identifier: u.arbitrary()?,
            sequence: u.arbitrary()?,
            ttl: u.arbitrary()?,
            names: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for RawRepr<'a> {
    /// A type without a typed view (so that it parses back as [`Repr::Other`]).
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let t: u8 = u.arbitrary()?;
        let message_type = if crate::v4::has_view(t) {
            MessageType(t.wrapping_add(100))
        } else {
            MessageType(t)
        };
        Ok(Self {
            message_type,
            code: u.arbitrary()?,
            rest_of_header: u.arbitrary()?,
            payload: u.arbitrary()?,
        })
    }
}

impl<'a> Arbitrary<'a> for Repr<'a> {
    /// Any message type, each as its own description's `Arbitrary` makes it.
    ///
    /// ```
    /// use arbitrary::{Arbitrary, Unstructured};
    /// use icmpwire::v4::{Message, Repr};
    ///
    /// let input = [3u8; 64];
    /// let repr = Repr::arbitrary(&mut Unstructured::new(&input)).unwrap();
    /// let mut buf = vec![0u8; repr.buffer_len()];
    /// repr.emit(&mut buf).unwrap();
    /// assert_eq!(Message::parse(&buf[..]).unwrap().to_repr(), repr);
    /// ```
    fn arbitrary(u: &mut Unstructured<'a>) -> Result<Self> {
        let kind = u.int_in_range(0u8..=21)?;
        Self::arbitrary_kind(u, kind)
    }
}

impl<'a> Repr<'a> {
    /// The variant `kind` of `Repr::arbitrary`.
    pub(super) fn arbitrary_kind(u: &mut Unstructured<'a>, kind: u8) -> Result<Self> {
        Ok(match kind {
            0 => Repr::EchoReply(u.arbitrary()?),
            1 => Repr::DestinationUnreachable(u.arbitrary()?),
            2 => Repr::SourceQuench(u.arbitrary()?),
            3 => Repr::Redirect(u.arbitrary()?),
            4 => Repr::EchoRequest(u.arbitrary()?),
            5 => Repr::RouterAdvertisement(u.arbitrary()?),
            6 => Repr::RouterSolicitation(u.arbitrary()?),
            7 => Repr::TimeExceeded(u.arbitrary()?),
            8 => Repr::ParameterProblem(u.arbitrary()?),
            9 => Repr::Timestamp(u.arbitrary()?),
            10 => Repr::TimestampReply(u.arbitrary()?),
            11 => Repr::InformationRequest(u.arbitrary()?),
            12 => Repr::InformationReply(u.arbitrary()?),
            13 => Repr::AddressMaskRequest(u.arbitrary()?),
            14 => Repr::AddressMaskReply(u.arbitrary()?),
            15 => Repr::ExtendedEchoRequest(u.arbitrary()?),
            16 => Repr::ExtendedEchoReply(u.arbitrary()?),
            17 => Repr::Traceroute(u.arbitrary()?),
            18 => Repr::Photuris(u.arbitrary()?),
            19 => Repr::DomainNameRequest(u.arbitrary()?),
            20 => Repr::DomainNameReply(u.arbitrary()?),
            _ => Repr::Other(u.arbitrary()?),
        })
    }
}

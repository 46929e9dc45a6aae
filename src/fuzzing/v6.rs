//! `Arbitrary` for the ICMPv6 builder descriptions (RFC 4443, 4884, 8335): every value emits
//! without error and parses back to itself, between any two addresses.

use arbitrary::{Arbitrary, Result, Unstructured};

use core::net::Ipv6Addr;

use crate::v6::{
    CertificationPathRepr, DuplicateAddressRepr, FmipRepr, InverseNeighborDiscoveryRepr,
    MessageType, MldQueryBody, MldRecordsRepr, MldReportRepr, MldRepr, MobileRepr,
    MulticastRouterAdvertisementRepr, NdOptionsRepr, NeighborAdvertisementRepr,
    NeighborSolicitationRepr, NodeInformationRepr, PacketTooBigRepr, ParameterProblemCode,
    ParameterProblemRepr, RawRepr, RedirectRepr, Repr, RouterAdvertisementRepr,
    RouterRenumberingRepr, RouterSolicitationRepr, RplBase, RplDao, RplDaoAck, RplDio, RplRepr,
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
        let mut t: u8 = u.arbitrary()?;
        // Steps of 10 reach every type of t's parity, and both parities have types without
        // a view (0 and 5): the loop ends.
        while crate::v6::has_view(t) {
            t = t.wrapping_add(10);
        }
        let message_type = MessageType(t);
        Ok(Self {
            message_type,
            code: u.arbitrary()?,
            body: u.arbitrary()?,
        })
    }
}

/// An address from 16 arbitrary bytes.
fn addr(u: &mut Unstructured<'_>) -> Result<Ipv6Addr> {
    Ok(Ipv6Addr::from(u.arbitrary::<[u8; 16]>()?))
}

/// Options as bytes: they are kept as given, whatever they hold.
fn options<'a>(u: &mut Unstructured<'a>) -> Result<NdOptionsRepr<'a>> {
    Ok(NdOptionsRepr::Bytes(u.arbitrary()?))
}

/// A Neighbor Discovery or MLD message (types 130-137, 141-143), fields within their widths.
fn nd_or_mld<'a>(u: &mut Unstructured<'a>) -> Result<Repr<'a>> {
    let code = u.arbitrary()?;
    let mld = |u: &mut Unstructured<'a>| -> Result<MldRepr<'a>> {
        Ok(MldRepr {
            code,
            max_response_code: u.arbitrary()?,
            reserved: u.arbitrary()?,
            multicast_address: addr(u)?,
            body: MldQueryBody::Bytes(u.arbitrary()?),
        })
    };
    Ok(match u.int_in_range(0u8..=10)? {
        0 => Repr::MulticastListenerQuery(mld(u)?),
        1 => Repr::MulticastListenerReport(MldRepr {
            body: MldQueryBody::Bytes(&[]),
            ..mld(u)?
        }),
        2 => Repr::MulticastListenerDone(MldRepr {
            body: MldQueryBody::Bytes(&[]),
            ..mld(u)?
        }),
        3 => Repr::MulticastListenerReportV2(MldReportRepr {
            code,
            reserved: u.arbitrary()?,
            records: MldRecordsRepr::Bytes {
                count: u.arbitrary()?,
                bytes: u.arbitrary()?,
            },
        }),
        4 => Repr::RouterSolicitation(RouterSolicitationRepr {
            code,
            reserved: u.arbitrary()?,
            options: options(u)?,
        }),
        5 => Repr::RouterAdvertisement(RouterAdvertisementRepr {
            code,
            hop_limit: u.arbitrary()?,
            managed: u.arbitrary()?,
            other: u.arbitrary()?,
            home_agent: u.arbitrary()?,
            preference: u.int_in_range(0..=3)?,
            proxy: u.arbitrary()?,
            reserved: u.int_in_range(0..=3)?,
            router_lifetime: u.arbitrary()?,
            reachable_time: u.arbitrary()?,
            retrans_timer: u.arbitrary()?,
            options: options(u)?,
        }),
        6 => Repr::NeighborSolicitation(NeighborSolicitationRepr {
            code,
            reserved: u.arbitrary()?,
            target: addr(u)?,
            options: options(u)?,
        }),
        7 => Repr::NeighborAdvertisement(NeighborAdvertisementRepr {
            code,
            router: u.arbitrary()?,
            solicited: u.arbitrary()?,
            override_flag: u.arbitrary()?,
            reserved: u.int_in_range(0..=0x1FFF_FFFF)?,
            target: addr(u)?,
            options: options(u)?,
        }),
        8 => Repr::Redirect(RedirectRepr {
            code,
            reserved: u.arbitrary()?,
            target: addr(u)?,
            destination: addr(u)?,
            options: options(u)?,
        }),
        9 => Repr::InverseSolicitation(InverseNeighborDiscoveryRepr {
            code,
            reserved: u.arbitrary()?,
            options: options(u)?,
        }),
        _ => Repr::InverseAdvertisement(InverseNeighborDiscoveryRepr {
            code,
            reserved: u.arbitrary()?,
            options: options(u)?,
        }),
    })
}

/// An RPL base object of any kind, its sub-byte fields within their bits (the builder refuses
/// wider values), or none.
fn rpl_base(u: &mut Unstructured<'_>) -> Result<Option<RplBase>> {
    let id = |u: &mut Unstructured<'_>| -> Result<Option<Ipv6Addr>> {
        Ok(if u.arbitrary()? { Some(addr(u)?) } else { None })
    };
    Ok(Some(match u.int_in_range(0u8..=4)? {
        0 => RplBase::Dis {
            flags: u.arbitrary()?,
            reserved: u.arbitrary()?,
        },
        1 => RplBase::Dio(RplDio {
            instance_id: u.arbitrary()?,
            version: u.arbitrary()?,
            rank: u.arbitrary()?,
            grounded: u.arbitrary()?,
            zero: u.arbitrary()?,
            mop: u.int_in_range(0..=7)?,
            preference: u.int_in_range(0..=7)?,
            dtsn: u.arbitrary()?,
            flags: u.arbitrary()?,
            reserved: u.arbitrary()?,
            dodag_id: addr(u)?,
        }),
        2 => RplBase::Dao(RplDao {
            instance_id: u.arbitrary()?,
            expects_ack: u.arbitrary()?,
            flags: u.int_in_range(0..=0x3f)?,
            reserved: u.arbitrary()?,
            sequence: u.arbitrary()?,
            dodag_id: id(u)?,
        }),
        3 => RplBase::DaoAck(RplDaoAck {
            instance_id: u.arbitrary()?,
            reserved: u.int_in_range(0..=0x7f)?,
            sequence: u.arbitrary()?,
            status: u.arbitrary()?,
            dodag_id: id(u)?,
        }),
        _ => return Ok(None),
    }))
}

/// Types 138-140, 154, 155: fields as drawn, bodies as bytes; a node information query of
/// code 0 or 2 gets a whole subject, an RPL message without a base object a secure code.
fn shaped<'a>(u: &mut Unstructured<'a>) -> Result<Repr<'a>> {
    let code: u8 = u.arbitrary()?;
    let body: &[u8] = u.arbitrary()?;
    Ok(match u.int_in_range(0u8..=4)? {
        0 => Repr::RouterRenumbering(RouterRenumberingRepr {
            code,
            sequence_number: u.arbitrary()?,
            segment_number: u.arbitrary()?,
            flags: u.arbitrary()?,
            max_delay: u.arbitrary()?,
            reserved: u.arbitrary()?,
            body,
        }),
        k @ (1 | 2) => {
            let mut ni = NodeInformationRepr {
                code,
                qtype: u.arbitrary()?,
                flags: u.arbitrary()?,
                nonce: u.arbitrary()?,
                data: body,
            };
            if k == 1 {
                if body.len() < 16 {
                    ni.data = u.bytes(16)?;
                }
                Repr::NodeInformationQuery(ni)
            } else {
                Repr::NodeInformationReply(ni)
            }
        }
        3 => Repr::Fmip(FmipRepr {
            code,
            subtype: u.arbitrary()?,
            reserved: u.arbitrary()?,
            identifier: u.arbitrary()?,
            options: body,
        }),
        _ => {
            let base = rpl_base(u)?;
            let code = base.map_or(0x80 | (code & 3), |b| b.code());
            Repr::Rpl(RplRepr {
                code,
                base,
                options: body,
            })
        }
    })
}

/// Types 144-149, 151, 157, 158: fields as drawn, the body as bytes (the solicitation 148 has
/// no all-components or reserved field: they stay 0).
fn registry<'a>(u: &mut Unstructured<'a>) -> Result<Repr<'a>> {
    let code = u.arbitrary()?;
    let mobile = MobileRepr {
        code,
        identifier: u.arbitrary()?,
        reserved: u.arbitrary()?,
        body: u.arbitrary()?,
    };
    Ok(match u.int_in_range(0u8..=8)? {
        0 => Repr::HomeAgentDiscoveryRequest(mobile),
        1 => Repr::HomeAgentDiscoveryReply(mobile),
        2 => Repr::MobilePrefixSolicitation(mobile),
        3 => Repr::MobilePrefixAdvertisement(mobile),
        4 => Repr::CertificationPathSolicitation(CertificationPathRepr {
            code,
            identifier: mobile.identifier,
            component: mobile.reserved,
            options: mobile.body,
            ..CertificationPathRepr::default()
        }),
        5 => Repr::CertificationPathAdvertisement(CertificationPathRepr {
            code,
            identifier: mobile.identifier,
            all_components: u.arbitrary()?,
            component: mobile.reserved,
            reserved: u.arbitrary()?,
            options: mobile.body,
        }),
        6 => Repr::MulticastRouterAdvertisement(MulticastRouterAdvertisementRepr {
            advertisement_interval: code,
            query_interval: mobile.identifier,
            robustness_variable: mobile.reserved,
            body: mobile.body,
        }),
        k => {
            let r = DuplicateAddressRepr {
                code,
                status: u.arbitrary()?,
                reserved: u.arbitrary()?,
                registration_lifetime: mobile.identifier,
                eui64: u.arbitrary()?,
                registered_address: addr(u)?,
                body: mobile.body,
            };
            if k == 7 {
                Repr::DuplicateAddressRequest(r)
            } else {
                Repr::DuplicateAddressConfirmation(r)
            }
        }
    })
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
        Ok(match u.int_in_range(0u8..=11)? {
            0 => Repr::DestinationUnreachable(u.arbitrary()?),
            1 => Repr::PacketTooBig(u.arbitrary()?),
            2 => Repr::TimeExceeded(u.arbitrary()?),
            3 => Repr::ParameterProblem(u.arbitrary()?),
            4 => Repr::EchoRequest(u.arbitrary()?),
            5 => Repr::EchoReply(u.arbitrary()?),
            6 => Repr::ExtendedEchoRequest(u.arbitrary()?),
            7 => Repr::ExtendedEchoReply(u.arbitrary()?),
            8 => nd_or_mld(u)?,
            9 => registry(u)?,
            10 => shaped(u)?,
            _ => Repr::Other(u.arbitrary()?),
        })
    }
}

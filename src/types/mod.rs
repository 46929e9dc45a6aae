//! The names of message types and codes, per IP version: open `u8` newtypes with a named
//! constant for every value of the IANA registries, so that any value round-trips and a dump of
//! a real capture names what it sees. [`v4`](crate::v4) re-exports ICMPv4's.
//!
//! The newtypes are tables, so one macro writes them (constant, name, `Display`); what they
//! mean lives in the message families.

/// Defines an open `u8` newtype with named constants, `name()` and `Display`.
macro_rules! open_u8 {
    (
        module = $module:literal;
        $(#[$doc:meta])*
        $vis:vis struct $ty:ident;
        fallback = $fallback:literal;
        example = $ex_val:literal, $ex_label:literal, $unnamed:literal;
        $( $(#[$cdoc:meta])* $name:ident = $val:literal, $label:literal; )*
    ) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        $vis struct $ty(pub u8);

        impl $ty {
            $(
                $(#[$cdoc])*
                #[doc = concat!("\n\n```\nassert_eq!(icmpwire::", $module, "::", stringify!($ty), "::", stringify!($name),
                    ".0, ", stringify!($val), ");\nassert_eq!(icmpwire::", $module, "::", stringify!($ty), "::",
                    stringify!($name), ".name(), Some(\"", $label, "\"));\n```")]
                pub const $name: Self = Self($val);
            )*

            /// The name of this value (tcpdump's wording), or `None` for a value the registry does
            /// not assign.
            ///
            /// ```
            #[doc = concat!("assert_eq!(icmpwire::", $module, "::", stringify!($ty), "(", stringify!($ex_val),
                ").name(), Some(\"", $ex_label, "\"));")]
            #[doc = concat!("assert_eq!(icmpwire::", $module, "::", stringify!($ty), "(", stringify!($unnamed),
                ").name(), None);")]
            /// ```
            #[must_use]
            pub const fn name(self) -> Option<&'static str> {
                match self.0 {
                    $( $val => Some($label), )*
                    _ => None,
                }
            }
        }

        impl core::fmt::Display for $ty {
            /// The name, or the fallback word and the number for an unnamed value.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                match self.name() {
                    Some(n) => f.write_str(n),
                    None => write!(f, concat!($fallback, " {}"), self.0),
                }
            }
        }

        #[cfg(feature = "defmt")]
        impl defmt::Format for $ty {
            fn format(&self, f: defmt::Formatter<'_>) {
                match self.name() {
                    Some(n) => defmt::write!(f, "{=str}", n),
                    None => defmt::write!(f, "{=str} {=u8}", $fallback, self.0),
                }
            }
        }

        impl From<u8> for $ty {
            fn from(v: u8) -> Self {
                Self(v)
            }
        }

        impl From<$ty> for u8 {
            fn from(v: $ty) -> u8 {
                v.0
            }
        }
    };
}

pub(crate) mod v4;
pub(crate) mod v6;
